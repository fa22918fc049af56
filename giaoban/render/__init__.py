"""Renderers: rich tables (the only place rich is imported), text formats, iCalendar."""
