"""A deadline the clerk pinned: ``due:`` (and ``start:``) written beside the phrase.

The phrase is kept as written; reports use the pinned moments. A pinned
day counts in full, like a day named in a phrase.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from giaoban.deadline.context import zone
from giaoban.deadline.describe import short_due
from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings


def pinned(
    phrase: str,
    reading: Deadline | DeadlineError | None,
    due: date,
    start: date | None,
    settings: DeadlineSettings,
) -> Deadline | DeadlineError:
    """The pinned reading, with a warning that says what the pin stands for (an error for
    a pin whose end the calendar cannot tell: the whole day 9999-12-31)."""
    if due == date.max and not isinstance(due, datetime):
        return DeadlineError(
            phrase, f"hạn ghim {due.isoformat()}: ngày cuối của lịch, không có hạn chót"
        )
    due_at = _moment(due, settings, whole_day_ends=True)
    start_at = None if start is None else _moment(start, settings, whole_day_ends=False)
    has_time = isinstance(due, datetime)
    shown = short_due(due_at, has_time)
    if not phrase:  # a pin alone: no phrase to name
        why = f"hạn ghim {shown}, không kèm hạn ghi bằng lời ('deadline')"
    elif isinstance(reading, DeadlineError):
        why = f"{reading.message}; dùng hạn ghim {shown}"
    elif reading is not None and (reading.due, reading.start) != (due_at, start_at):
        why = f'hạn ghim {shown} thay cho cách đọc "{phrase}"'
    else:
        why = f'hạn "{phrase}" được ghim {shown}'
    kind = "period" if start_at is not None else "date"
    base = Deadline(phrase, kind, due_at, start=start_at, has_time=has_time)
    return replace(base, pinned=True, warnings=(why,))


def _moment(day: date, settings: DeadlineSettings, whole_day_ends: bool) -> datetime:
    tz = zone(settings.tz)
    if isinstance(day, datetime):
        return day.astimezone(tz) if day.tzinfo else day.replace(tzinfo=tz)
    if whole_day_ends:
        day = day + timedelta(days=1)
    return datetime.combine(day, time(0, 0), tzinfo=tz)
