"""Period atoms: weeks, months, parts of months, quarters, halves, years."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from giaoban.deadline.atoms import Unreadable, full_year, well_before
from giaoban.deadline.normalize import Text

if TYPE_CHECKING:
    from giaoban.deadline.context import Ctx

_YEAR = r"(?P<y>\d{4}|\d{2})(?!\d)"
_YEAR_TAIL = rf"(?:\s*(?:[/.\-]|,?\s*nam)\s*{_YEAR})?"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

QUARTER = re.compile(rf"quy\s+(?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9]){_YEAR_TAIL}")
HALF = re.compile(
    r"(?:(?P<n>\d{1,2})\s+thang|nua)\s+(?P<side>dau|cuoi)\s+nam"
    rf"(?:\s*,?\s*(?:nam\s+)?{_YEAR})?"
)
PART_OF_MONTH = re.compile(
    r"(?P<part>dau|giua|cuoi)\s+thang"
    rf"(?:\s+(?P<m>\d{{1,2}})(?![\d.])|\s+(?P<rel>nay|toi|sau)(?![a-z]))?{_YEAR_TAIL}"
)
MONTH = re.compile(rf"thang\s+(?P<m>\d{{1,2}})(?!\d){_YEAR_TAIL}")
REL_MONTH = re.compile(r"thang\s+(?P<rel>nay|toi|sau|ke tiep|tiep theo)(?![a-z])")
WEEK = re.compile(rf"tuan\s+(?:thu\s+)?(?P<n>\d{{1,2}})(?!\d){_YEAR_TAIL}")
REL_WEEK = re.compile(
    r"tuan\s+(?P<rel>nay|toi|sau|ke tiep|tiep theo)(?![a-z])|trong\s+tuan(?!\s*\d)(?P<this>)"
)
PART_OF_YEAR = re.compile(rf"(?P<part>dau|cuoi)\s+nam(?:\s+(?:nay|{_YEAR}))?")
YEAR = re.compile(r"(?<![a-z])nam\s+(?:(?P<y>\d{4})(?!\d)|(?P<rel>nay|toi|sau)(?![a-z]))")


@dataclass(frozen=True)
class PeriodAtom:
    """Days ``[first, after)``; ``what`` names the form ("month", "week", ...)."""

    first: date
    after: date
    what: str
    pos: int
    end: int
    year_written: bool = True


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise Unreadable(f"tháng {month} không có thật")
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last) + timedelta(days=1)


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return _month_bounds(year, first)[0], _month_bounds(year, last)[1]


Bounds = Callable[[int], tuple[date, date]]


def _with_year(bounds_of_year: Bounds, written: str | None, ctx: Ctx) -> tuple[date, date]:
    """Apply the year rule: the written year, else the notice's or the next."""
    year = full_year(written)
    if year is not None:
        return bounds_of_year(year)
    ref = ctx.ref
    first, after = bounds_of_year(ref.year)
    if well_before(after - timedelta(days=1), ref):
        return bounds_of_year(ref.year + 1)
    return first, after


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _quarter(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    q = ROMAN.get(m["q"]) or int(m["q"])
    return _with_year(lambda y: _months(y, 3 * q - 2, 3 * q), m["y"], ctx)


def _half(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    n = int(m["n"]) if m["n"] else 6
    if not 1 <= n <= 12:
        raise Unreadable(f"{n} tháng không hợp lệ")
    first, last = (1, n) if m["side"] == "dau" else (13 - n, 12)
    return _with_year(lambda y: _months(y, first, last), m["y"], ctx)


_THIRDS = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, 31)}


def _part_of_month(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    lo, hi = _THIRDS[m["part"]]
    if m["m"] is None:
        year, month = _shift_month(ctx.ref, 1 if m["rel"] in ("toi", "sau") else 0)
        written = m["y"] or str(year)
    else:
        month, written = int(m["m"]), m["y"]

    def bounds(y: int) -> tuple[date, date]:
        first, after = _month_bounds(y, month)
        return first.replace(day=lo), min(after, first.replace(day=1) + timedelta(days=hi))

    return _with_year(bounds, written, ctx)


def _month(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    month = int(m["m"])
    return _with_year(lambda y: _month_bounds(y, month), m["y"], ctx)


def _rel_month(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    year, month = _shift_month(ctx.ref, 0 if m["rel"] == "nay" else 1)
    return _month_bounds(year, month)


def _week(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    year = full_year(m["y"]) or ctx.ref.year
    try:
        monday = date.fromisocalendar(year, int(m["n"]), 1)
    except ValueError:
        raise Unreadable(f"năm {year} không có tuần {m['n']}") from None
    return monday, monday + timedelta(days=7)


def _rel_week(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    ref = ctx.ref
    monday = ref - timedelta(days=ref.weekday())
    if m["rel"] not in (None, "nay"):
        monday += timedelta(days=7)
    return monday, monday + timedelta(days=7)


def _part_of_year(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    month = 1 if m["part"] == "dau" else 12
    return _with_year(lambda y: _month_bounds(y, month), m["y"], ctx)


def _year(m: re.Match[str], ctx: Ctx) -> tuple[date, date]:
    year = int(m["y"]) if m["y"] else ctx.ref.year + (0 if m["rel"] == "nay" else 1)
    return date(year, 1, 1), date(year + 1, 1, 1)


# Most specific first: "6 tháng đầu năm 2023" before "năm 2023", "cuối tháng 5" before "tháng 5".
# Each with a word that every match of its pattern contains, to skip the pattern quickly.
_FORMS = (
    ("quarter", "quy", QUARTER, _quarter),
    ("half", "nam", HALF, _half),
    ("part_of_month", "thang", PART_OF_MONTH, _part_of_month),
    ("month", "thang", MONTH, _month),
    ("month", "thang", REL_MONTH, _rel_month),
    ("week", "tuan", WEEK, _week),
    ("week", "tuan", REL_WEEK, _rel_week),
    ("part_of_year", "nam", PART_OF_YEAR, _part_of_year),
    ("year", "nam", YEAR, _year),
)


def find_periods(text: Text, ctx: Ctx) -> list[PeriodAtom]:
    """Every period of ``text``; the notice's date is asked for only when one needs it."""
    found = []
    for what, word, pattern, bounds in _FORMS:
        if word not in text.rest:
            continue
        for m in pattern.finditer(text.rest):
            first, after = bounds(m, ctx)
            written = bool(m.groupdict().get("y")) or what in ("year", "week")
            found.append(PeriodAtom(first, after, what, m.start(), m.end(), written))
            text.blank(m.start(), m.end())
    return sorted(found, key=lambda a: a.pos)
