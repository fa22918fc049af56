"""What every reading rule gets: the phrase, the notice's date, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from giaoban.deadline.model import DeadlineSettings
from giaoban.deadline.normalize import Text
from giaoban.deadline.tokens import Tok


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def midnight(day: date, tz: tzinfo | None) -> datetime:
    """The first moment of ``day`` in ``tz``."""
    return datetime.combine(day, time(0, 0), tzinfo=tz)


class NoNoticeDate(Exception):
    """The reading needs the notice's date and the phrase was read without one."""


@dataclass
class Ctx:
    phrase: str  # as written, NFC
    text: Text
    notice_date: date | None
    settings: DeadlineSettings
    ref_used: bool = False  # whether the reading looked at the notice's date
    read_from: tuple[Tok, ...] = ()  # the tokens the grammar read (a remark may be left out)
    warnings: list[str] = field(default_factory=list)

    @property
    def ref(self) -> date:
        """The notice's date. A reading that never asks for it is the same in every notice."""
        self.ref_used = True
        if self.notice_date is None:
            raise NoNoticeDate
        return self.notice_date

    @property
    def dated(self) -> bool:
        """Whether the phrase is read in a text with a date (a reading that asks depends on it)."""
        self.ref_used = True
        return self.notice_date is not None

    def at(self, day: date, hour: int = 0, minute: int = 0) -> datetime:
        """An aware moment in the office's time zone."""
        return datetime.combine(day, time(hour, minute), tzinfo=zone(self.settings.tz))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def orig(self, start: int, end: int | None = None) -> str:
        """A slice of the phrase as written, trimmed of edge punctuation."""
        return self.text.orig[start:end].strip(" .,;:()")
