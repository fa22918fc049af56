"""Deadline values: what a deadline phrase means once read against a notice."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from giaoban.model.timezone import DEFAULT_TZ


@dataclass(frozen=True)
class SchoolYear:
    """When a school year and its semesters begin and end, as (month, day).

    The defaults follow the Ministry of Education's yearly frame for schools:
    classes from September, the first semester over by mid-January, the
    year over by the end of May. Universities set their own in the settings.
    """

    start: tuple[int, int] = (9, 1)
    second_semester: tuple[int, int] = (1, 16)
    end: tuple[int, int] = (5, 31)

    def wrong_bound(self) -> str | None:
        """The bound that cannot hold as the school calendar reads them
        (``giaoban.deadline.calendars``: a year begins on ``start`` and ends on ``end`` of
        the next calendar year, where its second semester begins too): ``"end"`` when the
        year would not be over before the next one begins, ``"second_semester"`` when the
        second semester would begin after the year has ended; None when all hold."""
        if self.end >= self.start:
            return "end"
        if self.second_semester > self.end:
            return "second_semester"
        return None


@dataclass(frozen=True)
class DeadlineSettings:
    """How an office reads its deadlines."""

    tz: str = DEFAULT_TZ
    strict_before: bool = False  # "trước ngày X": X itself already late when True
    extra_days_off: tuple[date, ...] = ()
    extra_work_days: tuple[date, ...] = ()  # days worked that are usually off (ngày làm bù)
    school_year: SchoolYear = SchoolYear()
    events: tuple[tuple[str, date], ...] = ()  # named days deadlines count from (name, day)

    def with_events(self, events: tuple[tuple[str, date], ...]) -> DeadlineSettings:
        """These settings for a notice with ``events`` of its own: the notice's come first,
        so its "ngày khai mạc" wins over the settings' (the one rule, for its tasks'
        deadlines as loaded and for a deadline an edit gives them)."""
        return replace(self, events=events + self.events) if events else self


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase and its resolved meaning.

    ``due`` is the moment the task becomes late (half-open: on time when done
    strictly before ``due``). A period is ``[start, due)``.

    A recurring deadline carries an RFC 5545 ``rrule`` with its DTSTART. A
    ``DTSTART;VALUE=DATE`` rule names whole days (each counted in full: the
    duty is late at 00:00 of the next day); a ``DTSTART;TZID=...`` rule names
    exact moments. Use :mod:`giaoban.deadline.recur` to list due moments.

    A relative deadline gives ``offset`` (ISO 8601 duration, negative before
    the anchor; ``None`` when the text states no fixed length, e.g. "cùng với
    báo cáo tổng kết") and ``anchor``; ``due`` is set when the anchor is known.
    """

    phrase: str
    kind: str  # "date", "period", "recurring", "relative" or "none"
    due: datetime | None
    start: datetime | None = None
    rrule: str | None = None
    offset: str | None = None
    business_days: bool = False
    anchor: str | None = None
    has_time: bool = False
    warnings: tuple[str, ...] = ()  # what the phrase says that does not add up, in Vietnamese
    pinned: bool = False  # due/start written by the clerk beside the phrase

    def to_json(self) -> dict[str, Any]:
        """The ``giaoban deadline --json`` shape, with ISO 8601 strings."""
        out: dict[str, Any] = {
            "phrase": self.phrase,
            "kind": self.kind,
            "due": _iso(self.due),
            "start": _iso(self.start),
            "rrule": self.rrule,
        }
        if self.kind == "relative":
            out["offset"] = self.offset
            out["business_days"] = self.business_days
            out["anchor"] = self.anchor
        return out


@dataclass(frozen=True)
class DeadlineError:
    """A phrase that could not be read; never a guess."""

    phrase: str
    message: str  # Vietnamese, names the phrase

    def __str__(self) -> str:
        return self.message


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
