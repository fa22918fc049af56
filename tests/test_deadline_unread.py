"""Unit tests: words about time are never left out silently (issue 12, fifteenth work).

Phrases written for these tests (not in ``tests/data/deadlines/``), read in a notice of
Friday 1/3/2024.
"""

from __future__ import annotations

import pytest

from giaoban.deadline import DeadlineError, parse_deadline
from tests.test_deadline_forms import REF, at, read


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("ngày đầu tiên của tháng tới", "2024-04-02T00:00"),
        ("chậm nhất ngày đầu tiên của tháng 7", "2024-07-02T00:00"),
        ("trước ngày cuối cùng của tháng 4", "2024-05-01T00:00"),
        ("hạn chót là ngày cuối cùng của tháng 9/2024", "2024-10-01T00:00"),
        ("ngày cuối cùng của quý sau", "2024-07-01T00:00"),
        ("ngày đầu tiên của quý sau", "2024-04-02T00:00"),
    ],
)
def test_the_first_or_last_day_of_a_period_is_that_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("date", None, at(due))


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("thứ Tư đầu tiên và thứ Tư cuối cùng hằng tháng", "đầu tiên"),
        ("trong tuần qua", "trong tuần qua"),
        ("trong tháng qua", "trong tháng qua"),
        ("trong hôm kia", "hôm kia"),
        ("ngày cuối cùng của hằng tháng", "cuối cùng"),
        ("ngày làm việc cuối cùng của tháng 8", "cuối cùng"),
        ("sau ngày đầu tiên của tháng tới", "đầu tiên"),
    ],
)
def test_a_time_word_left_out_is_an_error_naming_it(phrase: str, words: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError), got
    assert f'không hiểu phần "{words}"' in got.message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # the words are about something else: the registration, the survey, a single day
        ("Ngày nộp hồ sơ cuối cùng: 20/3/2024", "2024-03-21T00:00"),
        ("vào ngày kiểm tra đầu tiên (5-3-2024)", "2024-03-06T00:00"),
    ],
)
def test_a_time_word_about_something_else_keeps_the_reading(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_the_last_day_of_a_month_each_year_stays_a_duty() -> None:
    got = read("ngày cuối cùng của tháng 6 hằng năm")
    assert got.kind == "recurring"
    assert got.rrule is not None and "BYMONTHDAY=-1" in got.rrule
