"""Unit tests: kinds of deadline phrase read since the nineteenth work.

As in ``test_deadline_kinds.py``: each test names a kind of form offices (and
the pages around them) write, with phrases of that kind written here, not
copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.deadline import DeadlineError, parse_deadline
from tests.test_deadline_forms import at, read

DEC = date(2024, 12, 10)  # a notice a few weeks before Tết Ất Tỵ (29/1/2025)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # "28 Tết", "29 Tết", "23 Tết": the last days of the lunar year Tết closes (tháng
        # Chạp), as they are said; it had been the 28th of tháng Giêng, a month late, silently
        ("vào ngày 28 Tết", "2025-01-28T00:00"),
        ("29 Tết", "2025-01-29T00:00"),
        ("trước 23 Tết", "2025-01-23T00:00"),
        ("ngay 28 Tet", "2025-01-28T00:00"),
        ("28 Tết Ất Tỵ", "2025-01-28T00:00"),
        ("ngày 29 Tết Nguyên đán 2025", "2025-01-29T00:00"),
        # the first days are of tháng Giêng, as before
        ("mùng 4 Tết", "2025-02-02T00:00"),
        ("ngày 2 Tết", "2025-01-31T00:00"),
    ],
)
def test_the_last_days_before_tet_are_of_thang_chap(phrase: str, due: str) -> None:
    got = read(phrase, DEC)
    assert (got.kind, got.due) == ("date", at(due)), got


@pytest.mark.parametrize(
    "phrase",
    [
        "ngày 15 Tết",  # neither said of tháng Chạp nor of tháng Giêng
        "mùng 25 Tết",  # "mùng" is said of the first ten days only
        "30 Tết Ất Tỵ",  # Chạp of Giáp Thìn had 29 days: no 30th
    ],
)
def test_a_day_of_tet_no_calendar_has_is_an_error(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, DEC), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # "nhựt", "nhật" as the South says and writes it: Sunday (it had been left out)
        ("lúc 9 giờ sáng mỗi Chủ nhựt", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=9;BYMINUTE=0"),
        ("các ngày thứ Bảy, Chủ nhựt hằng tuần", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("chua nhut hang tuan", "FREQ=WEEKLY;BYDAY=SU"),
    ],
)
def test_chu_nhut_is_sunday(phrase: str, rule: str) -> None:
    assert (read(phrase).rrule or "").split("RRULE:")[1].startswith(rule)


def test_a_sunday_written_nhut_beside_its_day() -> None:
    assert read("Chủ nhựt, ngày 10/3/2024").due == at("2024-03-11T00:00")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # a day of the Chăm or the Khmer calendar told again beside the solar day: the solar
        # day is read ("1/7" had been read as 1 July, or the phrase an error)
        ("Chiều 2/10/2024 là ngày mùng 1/7 theo lịch Chăm", "2024-10-03T00:00"),
        ("ngày 15/4/2024 (nhằm mồng 1 tháng 5 lịch Khmer)", "2024-04-16T00:00"),
        ("ngay 20/9/2024, tuc 1 thang 7 Cham lich", "2024-09-21T00:00"),
    ],
)
def test_a_day_of_the_cham_calendar_beside_a_solar_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.warnings) == ("date", at(due), ()), got


@pytest.mark.parametrize(
    "phrase",
    [
        "Hằng năm vào mùng 1 tháng 7 lịch Chăm",
        "lễ hội diễn ra thường niên vào 15/9 theo Chăm lịch",
        "mỗi năm vào ngày 1 tháng 5 (lịch Khmer)",
    ],
)
def test_a_yearly_day_of_the_cham_calendar_is_a_duty_with_no_rule(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.rrule, got.due) == ("recurring", None, None), got
    assert got.warnings  # the clerk is told why there is no rule


def test_a_day_of_the_cham_calendar_in_a_text_without_a_date_is_a_standing_rule() -> None:
    got = read("vào ngày 1 tháng 7 lịch Chăm", None)
    assert (got.kind, got.rrule) == ("recurring", None)


@pytest.mark.parametrize(
    "phrase",
    [
        # one day of a calendar giaoban cannot convert, in a notice: an error, never 1 July
        "vào ngày 1 tháng 7 lịch Chăm",
        "trước mùng 1/7 theo lịch Chăm",
    ],
)
def test_one_day_of_the_cham_calendar_in_a_notice_is_an_error(phrase: str) -> None:
    got = parse_deadline(phrase, date(2024, 3, 1))
    assert isinstance(got, DeadlineError) and "lịch Chăm" in got.message, got


def test_solar_days_glossed_in_the_cham_calendar_need_the_year() -> None:
    # the Chăm day moves against the solar calendar: the solar days are of one year
    got = parse_deadline("vào ngày 11 tháng 10 (nhằm mồng 1 tháng 7 Chăm lịch)", None)
    assert isinstance(got, DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        # a whole hour right before "trước" or "sau" and an event: a count of hours (it had
        # been an error, a clock time with no day)
        ("2 giờ trước giờ khởi hành", "-PT2H", "giờ khởi hành"),
        ("có mặt 3 giờ trước khi khai mạc", "-PT3H", "khai mạc"),
        ("12 giờ sau khi kết thúc kỳ thi", "PT12H", "kết thúc kỳ thi"),
    ],
)
def test_a_whole_hour_before_an_event_is_a_count(phrase: str, offset: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor), got


def test_a_clock_time_before_a_day_is_no_count() -> None:
    assert read("8 giờ ngày 15/3/2024").due == at("2024-03-15T08:00")
    assert isinstance(parse_deadline("14 giờ trước ngày 15/3", date(2024, 3, 1)), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # "những ngày cuối tháng": its last days, the last third, as "cuối tháng" (it had
        # been "ngày cuối tháng", the last day)
        ("trong những ngày cuối tháng 11/2024", "2024-11-21", "2024-12-01"),
        ("vào các ngày cuối tháng 4/2024", "2024-04-21", "2024-05-01"),
        ("những ngày đầu tháng 5/2024", "2024-05-01", "2024-05-11"),
    ],
)
def test_the_last_days_of_a_month_are_its_last_third(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


def test_the_last_day_of_a_month_stays_one_day() -> None:
    got = read("ngày cuối tháng 11/2024")
    assert (got.kind, got.due) == ("date", at("2024-12-01"))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # weekdays listed with one "thứ" before their days in brackets: those days (it had
        # been every such weekday, every week)
        ("Thứ 2, 3, 4 (ngày 11, 12, 13/3/2024)", "2024-03-11", "2024-03-14"),
        ("thứ 5, 6 (ngày 14 và 15/3/2024)", "2024-03-14", "2024-03-16"),
        ("vào thứ 3, 5, 7 (các ngày 12, 14, 16/3/2024)", "2024-03-12", "2024-03-17"),
    ],
)
def test_listed_weekdays_before_their_days_are_those_days(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


def test_listed_weekdays_alone_stay_a_duty() -> None:
    assert read("thứ 2, 4, 6").kind == "recurring"
    assert read("thứ 3, 5 hằng tuần").kind == "recurring"
