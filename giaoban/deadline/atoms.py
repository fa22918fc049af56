"""Atoms of a deadline phrase: clock times, days, weekdays.

Every pattern runs on the folded text (see :mod:`normalize`) and is compiled
once at import. Finders consume what they match from a :class:`Text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from giaoban.deadline.normalize import Text

if TYPE_CHECKING:
    from giaoban.deadline.context import Ctx

# "14h00", "14h", "14 giờ", "10 giờ 30 phút", "18g30", "9h sáng", "2 giờ chiều", "14:00"
TIME = re.compile(
    r"(?<![\d/.:\-])(?P<h>\d{1,2})\s*(?:gio|g|h|:)(?![a-z])"
    r"(?:\s*(?P<m>\d{1,2})(?![\d/.\-])(?:\s*(?:phut|p|')(?![a-z]))?)?"
    r"(?:\s*,?\s*(?:buoi\s+)?(?P<part>sang|trua|chieu|toi|dem)(?![a-z]))?"
)
# "ngày 25 tháng 02 năm 2019", "25 tháng 2"
LONG_DATE = re.compile(
    r"(?:ngay\s+)?(?<![\d/.])(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?![\d/.\-])"
    r"(?:\s*,?\s*nam\s+(?P<y>\d{4}|\d{2})(?!\d))?"
)
# "25/02/2019", "25.02.19", "25-2", "11 / 11 / 2020"; not "tháng 4/22" or "quý 2.22"
NUM_DATE = re.compile(
    r"(?:ngay\s+)?(?<![\d/.\-])(?<!thang )(?<!quy )(?<!tuan )"
    r"(?P<d>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=s)\s*(?P<y>\d{4}|\d{2}))?(?![\d/.]?\d)"
)
# "25 02 2019", "ngày 25 02", "ngày 25 02 19"
SPACED_DATE = re.compile(
    r"(?:ngay\s+(?P<d1>\d{1,2})\s(?P<m1>\d{1,2})(?:\s(?P<y1>\d{4}|\d{2}))?"
    r"|(?<![\d/.])(?P<d2>\d{1,2})\s(?P<m2>\d{1,2})\s(?P<y2>\d{4}))(?![\d/.])"
)
ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)

WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_WD = r"(?:[2-7]|hai|ba|tu|nam|sau|bay)"
# "thứ 6", "thứ Sáu", "T6", "chủ nhật", "CN"; not "lần thứ hai", "tuần lễ thứ hai"
WEEKDAY = re.compile(
    r"(?<![a-z0-9])(?<!lan )(?<!le )(?<!dot )(?<!tuan )(?<!ky )"
    rf"(?:thu\s*(?P<n>{_WD})|t(?P<t>[2-7])|(?P<cn>chu\s*nhat|cn))(?![a-z0-9])"
    r"(?:\s*,?\s*(?:cua\s+)?tuan\s+(?P<w>nay|sau|toi|ke tiep|tiep theo|truoc)(?![a-z]))?"
)
# "ngày 15" (a day of the month, inside a recurring phrase)
MONTH_DAY = re.compile(r"ngay\s+(?P<d>\d{1,2})(?![\d/.\-]|\s*thang\s*\d)")


class Unreadable(Exception):
    """Raised inside the parser when a part of the phrase is invalid."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TimeAtom:
    at: time
    next_day: bool  # "24 giờ ngày X" is 00:00 of the day after X
    pos: int


@dataclass(frozen=True)
class DayAtom:
    day: int
    month: int
    year: int | None
    pos: int
    end: int


@dataclass(frozen=True)
class WeekdayAtom:
    weekday: int  # Monday = 0
    week: str | None  # "nay" | "sau" | ... | None
    pos: int
    end: int


def has_digit(text: str) -> bool:
    """Whether ``text`` has a digit (``isdigit`` holds for whatever ``\\d`` matches)."""
    return any(map(str.isdigit, text))


def full_year(text: str | None) -> int | None:
    """A written year; two digits mean 20yy."""
    if text is None:
        return None
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def find_times(text: Text) -> list[TimeAtom]:
    found: list[TimeAtom] = []
    if not has_digit(text.rest):
        return found  # every clock time has a number
    for m in TIME.finditer(text.rest):
        hour, minute = int(m["h"]), int(m["m"] or 0)
        hour = _part_of_day(hour, m["part"])
        if hour == 24 and minute == 0:
            found.append(TimeAtom(time(0, 0), True, m.start()))
        elif hour > 23 or minute > 59:
            raise Unreadable(f"giờ {m.group(0).strip()} không hợp lệ")
        else:
            found.append(TimeAtom(time(hour, minute), False, m.start()))
        text.blank(m.start(), m.end())
    return found


def _part_of_day(hour: int, part: str | None) -> int:
    if part in ("chieu", "toi") and hour < 12:
        return hour + 12
    if part == "trua" and hour < 11:
        return hour + 12
    if part in ("sang", "dem") and hour == 12:
        return 0
    return hour


def find_days(text: Text) -> list[DayAtom]:
    found: list[DayAtom] = []
    if not has_digit(text.rest):
        return found  # every day has a number
    for pattern in (LONG_DATE, NUM_DATE, SPACED_DATE):
        for m in pattern.finditer(text.rest):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            day = groups.get("d") or groups.get("d1") or groups.get("d2")
            month = groups.get("m") or groups.get("m1") or groups.get("m2")
            year = groups.get("y") or groups.get("y1") or groups.get("y2")
            assert day is not None and month is not None
            atom = DayAtom(int(day), int(month), full_year(year), m.start(), m.end())
            check_day(atom)
            found.append(atom)
            text.blank(m.start(), m.end())
    return sorted(found, key=lambda a: a.pos)


def check_day(atom: DayAtom) -> None:
    """Reject days that exist in no year (a 29/02 without a year is fine)."""
    try:
        date(atom.year or 2000, atom.month, atom.day)
    except ValueError:
        written = f"{atom.day:02d}/{atom.month:02d}" + (f"/{atom.year}" if atom.year else "")
        raise Unreadable(f"ngày {written} không có thật") from None


def find_weekdays(text: Text) -> list[WeekdayAtom]:
    found = []
    for m in WEEKDAY.finditer(text.rest):
        if m["cn"]:
            weekday = 6
        else:
            word = m["n"] or m["t"]
            weekday = int(word) - 2 if word.isdigit() else WEEKDAY_WORDS[word]
        found.append(WeekdayAtom(weekday, m["w"], m.start(), m.end()))
        text.blank(m.start(), m.end())
    return found


def resolve_day(atom: DayAtom, ctx: Ctx, year: int | None = None) -> date:
    """The date an atom names; without a year, the notice's year or the next."""
    if atom.year is not None or year is not None:
        try:
            return date(atom.year or year or ctx.ref.year, atom.month, atom.day)
        except ValueError:
            raise Unreadable(f"ngày {atom.day:02d}/{atom.month:02d} không có thật") from None
    ref = ctx.ref
    for candidate_year in (ref.year, ref.year + 1):
        try:
            candidate = date(candidate_year, atom.month, atom.day)
        except ValueError:
            continue
        if not well_before(candidate, ref):
            return candidate
    raise Unreadable(f"ngày {atom.day:02d}/{atom.month:02d} không có thật")


def well_before(day: date, ref: date) -> bool:
    """More than 31 days before the notice: the writer meant next year."""
    return day < ref - timedelta(days=31)


def resolve_weekday(atom: WeekdayAtom, ref: date) -> date:
    """A weekday: in the notice's week ("tuần này"), the next ("tuần sau"), or the next one."""
    monday = ref - timedelta(days=ref.weekday())
    if atom.week == "nay":
        return monday + timedelta(days=atom.weekday)
    if atom.week == "truoc":
        return monday + timedelta(days=atom.weekday - 7)
    if atom.week is not None:
        return monday + timedelta(days=atom.weekday + 7)
    return ref + timedelta(days=(atom.weekday - ref.weekday()) % 7)
