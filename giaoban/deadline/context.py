"""What every reading rule gets: the phrase, the notice's date, the settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from giaoban.deadline.model import DeadlineSettings
from giaoban.deadline.normalize import Text


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass
class Ctx:
    phrase: str  # as written, NFC
    text: Text
    notice_date: date
    settings: DeadlineSettings
    ref_used: bool = False  # whether the reading looked at the notice's date

    @property
    def ref(self) -> date:
        """The notice's date. A reading that never asks for it is the same in every notice."""
        self.ref_used = True
        return self.notice_date

    def at(self, day: date, clock: time = time(0, 0)) -> datetime:
        """An aware moment in the office's time zone."""
        return datetime.combine(day, clock, tzinfo=zone(self.settings.tz))

    def end_of(self, day: date) -> datetime:
        """The moment a whole day ``day`` is over (00:00 of the next day)."""
        return self.at(day + timedelta(days=1))

    def orig(self, start: int, end: int | None = None) -> str:
        """A slice of the phrase as written, trimmed of edge punctuation."""
        return self.text.orig[start:end].strip(" .,;:()")
