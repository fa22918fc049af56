"""Unit tests: kinds of deadline phrase the twentieth work read right or made errors.

Each kind had been read wrong without an error (a due in a report nobody is asked to check).
As in ``test_deadline_kinds.py``: phrases of each kind written here, not copied from the
phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "ref", "due"),
    [
        # a lunar day whose year is named by its stem and branch, its solar day told after
        # "dl", "DL" or "dương lịch": the solar day (it had been the lunar day in the cycle's
        # year nearest the notice, decades away, silently)
        ("Ngày mùng 3 tháng 2 Giáp Tý (dl: 7-3-1924)", date(2020, 6, 1), "1924-03-08T00:00"),
        ("mùng 3 tháng 2 năm Giáp Tý (DL 7/3/1924)", date(2020, 6, 1), "1924-03-08T00:00"),
        ("ngày 15 tháng 8 Giáp Thìn (dương lịch: 17/9/2024)", MAY, "2024-09-18T00:00"),
        ("ngày 15/8 âm lịch (dương lịch 17/9/2024)", MAY, "2024-09-18T00:00"),
        # as before: "âm lịch" and "tức" before the solar day
        ("10/8 âm lịch, tức 12/9/2024", MAY, "2024-09-13T00:00"),
    ],
)
def test_a_lunar_day_told_again_in_the_solar_calendar_is_the_solar_day(
    phrase: str, ref: date, due: str
) -> None:
    got = read(phrase, ref)
    assert (got.kind, got.due, got.warnings) == ("date", at(due), ()), got


def test_a_solar_day_that_is_not_the_lunar_days_is_read_with_a_warning() -> None:
    got = read("ngày 15 tháng 8 Giáp Thìn (DL: 20/9/2024)", MAY)
    assert got.due == at("2024-09-21T00:00")
    assert got.warnings and "20/09/2024" in got.warnings[0]


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # a month, or a part of it, told more closely by a day in it in brackets: that day, as
        # "tháng 6 (ngày 20)" is (it had been the part of the month, the day left out)
        ("Đầu tháng 7/2024 (dự kiến 03/7/2024)", "2024-07-04T00:00"),
        ("cuối tháng 6: (dự kiến ngày 27/6)", "2024-06-28T00:00"),
        ("trong tháng 8 (dự kiến 12/8/2024)", "2024-08-13T00:00"),
        ("giữa tháng 9/2024 (ngày 14/9/2024)", "2024-09-15T00:00"),
        ("nửa đầu tháng 7 (dự kiến ngày 9/7)", "2024-07-10T00:00"),
        ("dau thang 7/2024 (du kien 03/7/2024)", "2024-07-04T00:00"),
    ],
)
def test_a_month_told_by_a_day_in_it_is_that_day(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("date", at(due)), got


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        # a day outside the month or its part: which of the two is meant, the phrase does not say
        ("đầu tháng 7 (dự kiến 25/7)", '"25/7" không nằm trong "đầu tháng 7"'),
        ("trong tháng 8/2024 (dự kiến 2/9/2024)", '"2/9/2024" không nằm trong "tháng 8/2024"'),
        ("cuối tháng 6 (ngày 5/6)", '"ngày 5/6" không nằm trong "cuối tháng 6"'),
    ],
)
def test_a_month_told_by_a_day_outside_it_is_an_error(phrase: str, words: str) -> None:
    assert words in unread(phrase, MAY)


def test_a_part_of_a_month_alone_stays_a_period() -> None:
    got = read("đầu tháng 7/2024", MAY)
    assert (got.kind, got.start, got.due) == ("period", at("2024-07-01"), at("2024-07-11"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # a night's window on days named closes on the morning after each (it had closed on the
        # days named, a day early, silently)
        (
            "các tối thứ Sáu, thứ Bảy hằng tuần, từ 20h đến 1h sáng hôm sau",
            "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=1;BYMINUTE=0",
        ),
        ("thứ 7 hằng tuần 22h-4h", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=4;BYMINUTE=0"),
        ("từ 21h thứ 6 đến 3h hằng tuần", "FREQ=WEEKLY;BYDAY=SA;BYHOUR=3;BYMINUTE=0"),
        (
            "tu 23h den 5h sang hom sau cac dem chu nhat hang tuan",
            "FREQ=WEEKLY;BYDAY=MO;BYHOUR=5;BYMINUTE=0",
        ),
        ("ngày 10 hằng tháng, từ 22h đến 2h sáng hôm sau", "FREQ=MONTHLY;BYMONTHDAY=11;BYHOUR=2"),
        # a window that closes on the day it names, or within the day, as before
        ("từ 22h đến 5h sáng thứ 7 hằng tuần", "FREQ=WEEKLY;BYDAY=SA;BYHOUR=5;BYMINUTE=0"),
        ("từ 18h đến 24h thứ 7 hằng tuần", "FREQ=WEEKLY;BYDAY=SA"),
        ("từ 19h đến 6h sáng hôm sau hằng ngày", "FREQ=DAILY;BYHOUR=6;BYMINUTE=0"),
        ("thứ 3, thứ 5 hằng tuần từ 14h đến 16h", "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=16"),
    ],
)
def test_a_nights_window_closes_on_the_morning_after(phrase: str, rule: str) -> None:
    got = read(phrase, MAY)
    assert got.kind == "recurring" and got.rrule and rule in got.rrule, got


def test_a_nights_window_after_an_nth_weekday_is_an_error() -> None:
    assert "ca đêm" in unread("thứ Sáu đầu tiên hằng tháng, từ 20h đến 2h sáng hôm sau", MAY)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # a range of weekdays told again as days after "tức": those days, not every week (it
        # had been every such weekday, the days in brackets left out)
        (
            "các ngày từ thứ Hai đến thứ Sáu (tức từ ngày 20/5 đến ngày 24/5/2024)",
            "2024-05-20T00:00",
            "2024-05-25T00:00",
        ),
        (
            "từ 8h đến 17h các ngày từ thứ 2 đến thứ 6 (tức từ 20/5 đến 24/5/2024)",
            "2024-05-20T08:00",
            "2024-05-24T17:00",
        ),
        (
            "tu 18h-22h cac ngay tu thu bay den thu tu (tuc tu ngay 25-5 den het ngay 29-5)",
            "2024-05-25T18:00",
            "2024-05-29T22:00",
        ),
    ],
)
def test_weekdays_told_again_as_days_are_those_days(phrase: str, start: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


def test_a_range_of_weekdays_alone_stays_weekly() -> None:
    assert read("từ thứ 2 đến thứ 6 hằng tuần", MAY).kind == "recurring"


@pytest.mark.parametrize(
    "phrase",
    [
        # a time the text gives elsewhere ("the period said above"): an error naming the words
        # (it had been counted from an event named "nói trên", due at it)
        "trong thời gian nói trên",
        "trong thời hạn nêu trên",
        "trong thoi gian noi tren",
        "hoàn thành trong khoảng thời gian trên đây",
    ],
)
def test_a_time_said_elsewhere_in_the_text_is_an_error(phrase: str) -> None:
    assert "chỗ khác trong văn bản" in unread(phrase, MAY)


def test_an_event_named_after_the_words_stays_relative() -> None:
    assert read("trước khi thi lại", MAY).kind == "relative"
    assert read("15h00 cùng ngày", MAY).kind == "relative"
