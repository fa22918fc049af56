"""Working days in Vietnam: weekends, public holidays, official make-up days.

Holidays (Tết by the lunar calendar, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and
its extra day, the government's swapped days) come from the ``holidays``
package; an office adds its own days off in :class:`DeadlineSettings`.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from giaoban.deadline.model import DeadlineSettings

if TYPE_CHECKING:
    import holidays

_DEFAULT = DeadlineSettings()


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    import holidays  # imported on first use: most runs never count working days

    return holidays.country_holidays("VN", years=year)


def is_public_holiday(day: date) -> bool:
    """A Vietnamese public holiday (or a day off swapped for one)."""
    return day in _calendar(day.year)


def _is_make_up_day(day: date) -> bool:
    """A weekend day worked to make up for a swapped day off."""
    return any(day in _calendar(year).weekend_workdays for year in (day.year, day.year + 1))


def is_working_day(day: date, settings: DeadlineSettings = _DEFAULT) -> bool:
    """Whether offices work on ``day``."""
    if day in settings.extra_work_days:
        return True
    if day in settings.extra_days_off or is_public_holiday(day):
        return False
    if day.weekday() >= 5:
        return _is_make_up_day(day)
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
