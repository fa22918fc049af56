"""Calendars besides the Gregorian one: the Vietnamese lunar calendar and school years.

Lunar dates are converted by ``lunar_vn`` (Hồ Ngọc Đức's algorithm at
UTC+7, the Vietnamese calendar; the Chinese one differs in some years, such
as Tết 2030). Years of the lunar calendar may be named by their stem and
branch ("năm Ất Tỵ").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from lunar_vn import LunarDate, lunar_to_solar, solar_to_lunar

from giaoban.deadline.model import SchoolYear

STEMS = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
# "Tý" and "Tỵ" fold alike ("ty"); the stem tells them apart (see ``cycle_index``).
BRANCHES = ("ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi")
_CYCLE_BASE = 1984  # Giáp Tý


class NoSuchDay(ValueError):
    """A lunar day that the named lunar month does not have."""


def cycle_index(stem: str, branch: str) -> int:
    """The place (0..59) of a year named by stem and branch in the 60-year cycle.

    Stems and branches go round together, so a stem's place and its
    branch's have the same parity: "giáp ty" is Giáp Tý, "ất ty" Ất Tỵ.
    """
    s = STEMS.index(stem)
    branch = "mao" if branch == "meo" else branch  # "Mẹo" is the southern name of "Mão"
    b = next(i for i, name in enumerate(BRANCHES) if name == branch and i % 2 == s % 2)
    return next(i for i in range(60) if i % 10 == s and i % 12 == b)


def cycle_year(index: int, near: int) -> int:
    """The lunar year of cycle place ``index`` nearest to the year ``near``."""
    base = near - (near - _CYCLE_BASE - index) % 60
    return base + 60 if near - base > 30 else base


# The conversions are pure and the same days come back phrase after phrase: they are kept.
@lru_cache(maxsize=4096)
def lunar_day(day: int, month: int, year: int) -> date:
    """The solar date of a lunar day (the ordinary, not the leap, month)."""
    try:
        solar = lunar_to_solar(LunarDate(day, month, year))
    except ValueError as err:
        raise NoSuchDay(str(err)) from None
    if solar_to_lunar(solar) != LunarDate(day, month, year):
        raise NoSuchDay(f"{day}/{month}/{year}")
    return solar


@lru_cache(maxsize=4096)
def _lunar_days(day: int, month: int, year: int) -> tuple[date, ...]:
    """The solar dates of lunar ``day`` (-1: the last) in month ``month`` of ``year``:
    in the ordinary month, and in the leap month of that name when the year has one."""
    found = []
    for leap in (False, True):
        for d in (30, 29) if day == -1 else (day,):
            try:
                solar = lunar_to_solar(LunarDate(d, month, year, leap))
            except ValueError:
                continue
            if solar_to_lunar(solar) == LunarDate(d, month, year, leap):
                found.append(solar)
                break
    return tuple(found)


@dataclass(frozen=True)
class LunarRule:
    """Moments named by lunar days each year or each month (RFC 7529 ``RSCALE=CHINESE``).

    The first moment is ``start`` or later, as DTSTART says. ``months``
    empty: every month, leap months too (a month named is the
    ordinary one, as RFC 7529's "3" is not "3L"); a day a month lacks
    (the 30th of a short month) is skipped, as RFC 7529's ``SKIP=OMIT``
    says; day -1 is the month's last day. The moments are naive local
    times, as dateutil's rules give them, so both serve the same callers.
    """

    start: datetime
    months: tuple[int, ...]
    days: tuple[int, ...]
    at: time = time(0, 0)

    def _moments(self, year: int) -> list[datetime]:
        found: set[date] = set()
        for month in self.months or range(1, 13):
            for day in self.days:
                days = _lunar_days(day, month, year)
                found.update(days[:1] if self.months else days)
        return sorted(datetime.combine(d, self.at) for d in found)

    def xafter(self, moment: datetime, inc: bool = True) -> Iterator[datetime]:
        """The named moments after ``moment`` (or at it, with ``inc``), in order."""
        if moment < self.start:
            moment, inc = self.start, True
        for year in range(lunar_year(moment.date()) - 1, LAST_LUNAR_YEAR + 1):
            for named in self._moments(year):
                if named > moment or (inc and named == moment):
                    yield named

    def after(self, moment: datetime, inc: bool = False) -> datetime | None:
        """The first named moment after ``moment`` (or at it, with ``inc``)."""
        return next(self.xafter(moment, inc), None)


LAST_LUNAR_YEAR = 2099  # lunar_vn converts the years 1900 to 2100


@lru_cache(maxsize=4096)
def lunar_year(day: date) -> int:
    """The lunar year ``day`` falls in."""
    return solar_to_lunar(day).year


@lru_cache(maxsize=4096)
def lunar_month_day(day: date) -> tuple[int, int]:
    """The lunar month and day of ``day``."""
    lunar = solar_to_lunar(day)
    return lunar.month, lunar.day


def tet(year: int) -> date:
    """The first day of the lunar year ``year`` (Tết Nguyên đán)."""
    return lunar_day(1, 1, year)


def school_year(first_year: int, bounds: SchoolYear) -> tuple[date, date]:
    """Days ``[start, after)`` of the school year beginning in ``first_year``."""
    start = date(first_year, *bounds.start)
    end = date(first_year + 1, *bounds.end)
    return start, end + timedelta(days=1)


def semester(n: int, first_year: int, bounds: SchoolYear) -> tuple[date, date]:
    """Days of semester ``n`` (1, 2; 3 for the summer) of a school year."""
    start, after = school_year(first_year, bounds)
    second = date(first_year + 1, *bounds.second_semester)
    if n == 1:
        return start, second
    if n == 2:
        return second, after
    return after, date(first_year + 1, *bounds.start)
