"""giaoban: a task ledger for the conclusions of Vietnamese briefing meetings."""

__version__ = "0.1.0"
