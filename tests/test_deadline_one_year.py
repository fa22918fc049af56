"""Unit tests: a day without a year that a weekday, an hour, a part of the day or a count of
its days makes one day (or one run of days) of one year.

In a text without a date a day without a year is a standing rule, the same day every year
(docs/deadlines.md). A weekday beside the day agrees with it in some years only; an hour of
it, or a part of the day before it ("Sáng ngày 7/7"), is an appointment; a count told before
the days ("trong hai ngày 22 và 23-8") is the length of one run of an event: none is a rule,
and the text does not say which year, so each is an error naming why (it had been the same
days every year, silently). Phrases written here, not copied from the phrase sets of
``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import read, unread

WEEKDAY = "thứ ghi kèm ngày chỉ khớp với ngày ấy trong một số năm"
HOUR = "ngày ghi kèm giờ là một lần hẹn, không lặp lại hằng năm"


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("thứ Bảy, ngày 4/5", WEEKDAY),
        ("vào Chủ nhật 12-10", WEEKDAY),
        ("thứ Năm 19/9 và thứ Sáu 20/9", WEEKDAY),
        ("thứ Năm, 19/9 đến thứ Sáu, 20/9", WEEKDAY),
        ("lúc 8 giờ ngày 7/7", HOUR),
        ("chậm nhất 16h30 ngày 25/11", HOUR),
        ("từ 22h ngày 7/1 đến 5h ngày 8/1", HOUR),
        ("từ 7 giờ 30 ngày 2/4 đến hết ngày 5/4", HOUR),
        ("8 giờ sáng mùng 10 tháng 3 âm lịch", HOUR),
        ("tu 20h ngay 14/2 den 6h ngay 15/2", HOUR),
    ],
)
def test_a_day_without_a_year_of_one_year_in_a_text_without_a_date_is_an_error(
    phrase: str, why: str
) -> None:
    message = unread(phrase, None)
    assert why in message and "ghim ngày bằng due" in message


@pytest.mark.parametrize(
    "phrase",
    [
        "trước ngày 31-5",  # a rule: the same day every year
        "từ ngày 01/4 đến ngày 30/9",
        "ngày 10/3 âm lịch",
        "trước 17h ngày 5/1 năm sau",  # the hour of each year's report: a rule
        "trước 14h thứ 6",  # a weekday of no named week: every week
        "chậm nhất 17h ngày 05 tháng sau",  # a day of each month after
    ],
)
def test_rules_without_a_year_stay_rules(phrase: str) -> None:
    assert read(phrase, None).kind == "recurring"


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thứ Bảy, ngày 4/5", "2024-05-05T00:00:00+07:00"),
        ("lúc 8 giờ ngày 7/7", "2024-07-07T08:00:00+07:00"),
        ("từ 22h ngày 7/1 đến 5h ngày 8/1", "2025-01-08T05:00:00+07:00"),
    ],
)
def test_in_a_notice_the_day_takes_the_notices_year(phrase: str, due: str) -> None:
    got = read(phrase, date(2024, 5, 1))
    assert got.due is not None and got.due.isoformat() == due


PART = "là một lần hẹn, không lặp lại hằng năm"


@pytest.mark.parametrize(
    "phrase",
    [
        "Chiều ngày 21/3",
        "tối 9-11",
        "vào buổi sáng ngày 14.10",
        "đêm 30/4",
        "họp trưa ngày 3/6",  # words before the part: still a time of that day
        "Sáng 2 và 3 tháng 8",
        "từ chiều ngày 12/5 đến hết ngày 14/5",
        "chieu ngay 21/3",  # typed without marks
        "tối mùng 3 Tết",
        "sáng ngày 06 tháng 11",
    ],
)
def test_a_part_of_the_day_before_a_day_without_a_year_is_an_appointment(phrase: str) -> None:
    message = unread(phrase, None)
    assert f"{PART}, mà văn bản không có ngày" in message and 'buổi ("' in message


@pytest.mark.parametrize(
    "phrase",
    [
        "chuyển sang ngày 7/7",  # "sang" typed bare among marked words: "to", no morning
        "chuyen sang ngay 7/7",  # bare, after a word: "to" as well as "morning"
        "trước ngày 21/3",
        "buổi sáng ngày 01 hằng tháng",  # a duty: its days are written
    ],
)
def test_words_that_are_no_part_of_the_day_leave_the_rule(phrase: str) -> None:
    assert read(phrase, None).kind == "recurring"


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Chiều ngày 21/3", "2025-03-22T00:00:00+07:00"),  # the day counts in full, as before
        ("tối 9-11", "2024-11-10T00:00:00+07:00"),
    ],
)
def test_in_a_notice_a_part_of_the_day_changes_nothing(phrase: str, due: str) -> None:
    got = read(phrase, date(2024, 5, 1))
    assert got.due is not None and got.due.isoformat() == due


COUNTED = "là độ dài của một đợt, không lặp lại hằng năm"


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("trong ba ngày 8, 9 và 10/11", "3 ngày"),
        ("diễn ra trong 2 ngày 17-18/3", "2 ngày"),
        ("trong thời gian 5 ngày (từ 3 đến 7-12)", "5 ngày"),
        ("4 ngày, từ ngày 1/10 đến hết ngày 4/10", "4 ngày"),
        ("trong vòng 2 tuần từ 2/9 đến 15/9", "2 tuần"),
        ("trong hai ngay 8 va 9/11", "2 ngày"),  # typed without marks
    ],
)
def test_a_count_told_before_days_without_a_year_is_one_run_of_them(
    phrase: str, count: str
) -> None:
    message = unread(phrase, None)
    assert f'("{count}") {COUNTED}, mà văn bản không có ngày' in message


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong ba ngày 8, 9 và 10/11", "2024-11-08", "2024-11-11"),
        ("trong thời gian 5 ngày (từ 3 đến 7-12)", "2024-12-03", "2024-12-08"),
    ],
)
def test_in_a_notice_a_count_before_days_keeps_them_one_period(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase, date(2024, 5, 1))
    assert got.kind == "period" and got.start is not None and got.due is not None
    assert (got.start.date().isoformat(), got.due.date().isoformat()) == (start, due)


def test_a_count_before_months_is_no_run_of_days() -> None:
    """ "3 tháng, từ tháng 4 đến tháng 6" names months, not days of a year: no such error."""
    assert COUNTED not in unread("3 tháng, từ tháng 4 đến tháng 6", None)
