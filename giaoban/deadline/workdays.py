"""Working days in Vietnam: weekends, public holidays, official make-up days.

Holidays (Tết by the lunar calendar, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and
its extra day, the government's swapped days) come from the ``holidays``
package; an office adds its own days off in :class:`DeadlineSettings`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from giaoban.deadline.model import DeadlineSettings

_DEFAULT = DeadlineSettings()


@dataclass(frozen=True)
class YearCalendar:
    """The days off of one year by the ``holidays`` package, and the weekend days it
    names as worked to make up for swapped days off (of any year)."""

    days_off: frozenset[date]
    make_up_days: frozenset[date]


# Where the days off of a year come from: ``year_calendar``, or a store that keeps what it
# computed (``giaoban.store.index.Index.calendar``: a report need not load ``holidays``).
Calendars = Callable[[int], YearCalendar]


@lru_cache(maxsize=64)
def year_calendar(year: int) -> YearCalendar:
    """The days off of ``year``, computed by the ``holidays`` package."""
    import holidays  # imported on first use (start-up speed): most runs never count working days

    found = holidays.country_holidays("VN", years=year)
    return YearCalendar(frozenset(found), frozenset(found.weekend_workdays))


def is_public_holiday(day: date, calendars: Calendars = year_calendar) -> bool:
    """A Vietnamese public holiday (or a day off swapped for one)."""
    return day in calendars(day.year).days_off


def _is_make_up_day(day: date, calendars: Calendars) -> bool:
    """A weekend day worked to make up for a swapped day off."""
    return any(day in calendars(year).make_up_days for year in (day.year, day.year + 1))


def is_day_off(
    day: date, settings: DeadlineSettings = _DEFAULT, calendars: Calendars = year_calendar
) -> bool:
    """Whether ``day`` is a public holiday or one of the office's own days off (a weekend
    day as such is neither): unless the office works it (``extra_work_days``)."""
    if day in settings.extra_work_days:
        return False
    return day in settings.extra_days_off or is_public_holiday(day, calendars)


def is_working_day(
    day: date, settings: DeadlineSettings = _DEFAULT, calendars: Calendars = year_calendar
) -> bool:
    """Whether offices work on ``day``."""
    if day in settings.extra_work_days:
        return True
    if is_day_off(day, settings, calendars):
        return False
    if day.weekday() >= 5:
        return _is_make_up_day(day, calendars)
    return True


def add_working_days(day: date, n: int, settings: DeadlineSettings = _DEFAULT) -> date:
    """The ``n``-th working day after ``day`` (before it when ``n`` < 0).

    ``day`` itself is not counted, as in "05 ngày làm việc kể từ ngày ban
    hành"; ``n`` = 0 gives ``day``.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day, settings):
            remaining -= 1
    return day
