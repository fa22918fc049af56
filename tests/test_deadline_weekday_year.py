"""Unit tests: a weekday beside a day without a year never moves it out of its years.

PRODUCT.md: a phrase without a year takes the notice's year, or the next when that puts it
well before the notice. A weekday written beside the day may choose between those two
years; it never takes the day to a year well before the notice or two years on (it had,
silently, to whichever year it agreed with). Where it agrees with neither, the day is read
in its year with a warning. Phrases written here, not copied from the sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import read

DECEMBER = date(2026, 12, 7)  # 20/3/2027 is a Saturday; 20/3/2026 a Friday, 20/3/2028 a Monday


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("trước ngày 20/3 (thứ Sáu)", "thứ Sáu"),  # agrees with 2026, well before the notice
        ("thứ Hai, ngày 20/3", "thứ Hai"),  # agrees with 2028, two years on
        ("chậm nhất thứ Tư 20-3", "thứ Tư"),  # agrees with no year near
    ],
)
def test_a_weekday_that_disagrees_with_the_days_year_is_a_warning(phrase: str, said: str) -> None:
    got = read(phrase, DECEMBER)
    assert got.due is not None and got.due.date() == date(2027, 3, 21)  # late from 21/3 00:00
    assert got.warnings == (f"20/03/2027 là thứ Bảy, không phải {said}; đọc theo ngày",)


@pytest.mark.parametrize(
    ("phrase", "ref", "first_late"),
    [
        ("thứ Bảy, ngày 20/3", DECEMBER, date(2027, 3, 21)),
        # the notice's year or the next, as the weekday says: 5/1/2026 is a Monday
        ("thứ Hai 5/1", date(2025, 12, 20), date(2026, 1, 6)),
        ("thứ Năm, ngày 10/12", DECEMBER, date(2026, 12, 11)),
    ],
)
def test_a_weekday_that_agrees_gives_no_warning(phrase: str, ref: date, first_late: date) -> None:
    got = read(phrase, ref)
    assert got.due is not None and got.due.date() == first_late and got.warnings == ()
