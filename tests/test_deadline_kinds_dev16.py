"""Unit tests: kinds of deadline phrase the twenty-first work read right or made errors.

The kinds behind the failures of ``fresh_16`` once it became a development set. As in
``test_deadline_kinds.py``: phrases of each kind written here, in other words and orders,
not copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


def _error(phrase: str, ref: date | None = MAY) -> str:
    return unread(phrase, ref)


# -- a range whose first day is written with its weekday and no month --------------------------
@pytest.mark.parametrize(
    "phrase",
    [
        "từ thứ Hai, ngày 10 đến thứ Sáu, ngày 14/6/2024",
        "từ thứ Hai ngày 10 cho đến thứ Sáu ngày 14/6/2024",
        "từ thứ 2, ngày 10 tới ngày 14/6/2024",
        "thứ 2 ngày 10 - thứ 6 ngày 14/6/2024",
        "từ thứ Hai 10 đến thứ Sáu 14/6/2024",
        "tu thu hai, ngay 10 den thu sau, ngay 14/6/2024",
    ],
)
def test_a_ranges_first_day_beside_its_weekday_takes_the_month_after(phrase: str) -> None:
    # it had been an error: the weekday before a bare day was not read
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == (
        "period",
        at("2024-06-10T00:00"),
        at("2024-06-15T00:00"),
    ), got
    assert got.warnings == ()


def test_a_ranges_first_weekday_that_is_not_its_days_is_a_warning() -> None:
    got = read("từ thứ Ba, ngày 10 đến thứ Sáu, ngày 14/6/2024", MAY)
    assert got.start == at("2024-06-10T00:00")
    assert got.warnings and "10/06/2024" in got.warnings[0]


# -- "từ sau ngày X": from the day after X --------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("kể từ sau ngày 30/6 cho đến thời điểm 31/8", "2024-07-01T00:00", "2024-09-01T00:00"),
        ("từ sau ngày 30-6 đến hết ngày 31-8-2024", "2024-07-01T00:00", "2024-09-01T00:00"),
        ("tính từ sau ngày 31/5/2024 đến 15/6/2024", "2024-06-01T00:00", "2024-06-16T00:00"),
        ("từ sau tháng 6 đến tháng 8", "2024-07-01T00:00", "2024-09-01T00:00"),
    ],
)
def test_a_range_from_after_a_day_opens_the_day_after(phrase: str, start: str, due: str) -> None:
    # it had been an error ("sau" between "từ" and the day was not read)
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


def test_an_open_start_after_a_day_is_the_day_after() -> None:
    got = read("kể từ sau ngày 31/7/2024", MAY)
    assert (got.kind, got.due, got.start) == ("none", None, at("2024-08-01T00:00"))


def test_a_range_from_after_a_day_in_a_text_without_a_date_is_yearly_from_the_day_after() -> None:
    got = read("từ sau ngày 28/2 đến ngày 31/5", None)
    assert got.kind == "recurring" and got.start is not None
    assert (got.start.month, got.start.day) == (3, 1)
    assert got.rrule is not None and "BYMONTH=5;BYMONTHDAY=31" in got.rrule


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("từ trước ngày 30/6 đến 31/8", "trước"),  # since some time before it? no start
        ("từ sau khi họp ngày 30/6 đến 31/8", "sau khi"),  # the event's day, not after it
    ],
)
def test_other_words_between_from_and_a_day_stay_errors(phrase: str, words: str) -> None:
    assert f'"{words}"' in _error(phrase)


# -- a month and its year with "tháng" left out, after a word that numbers it -----------------
@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("trong đợt 2/2024", "đợt 2/2024"),
        ("kỳ 1/2025", "kỳ 1/2025"),
        ("trước lần 3/2024", "lần 3/2024"),
        ("hoàn thành trong khóa 2/2024", "khóa 2/2024"),
        ("trong phiên 3/2024", "phiên 3/2024"),
        ("Trong qúa 3/2024", "qúa 3/2024"),  # a unit word mistyped ("quý")
    ],
)
def test_a_number_after_a_word_it_numbers_is_an_error(phrase: str, said: str) -> None:
    # it had been that month (February 2024 for "đợt 2/2024"), silently
    assert f'"{said}"' in _error(phrase)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("hoàn thành trong 7/2024", "2024-08-01T00:00"),
        ("dự kiến 7/2024", "2024-08-01T00:00"),
        ("Tháng hành động vì môi trường (7/2024)", "2024-08-01T00:00"),
        ("trong 7 và 8/2024", "2024-09-01T00:00"),
    ],
)
def test_a_month_with_tháng_left_out_stays_read(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


# -- "quí", the older spelling of "quý" -----------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong quí III/2024", "2024-07-01T00:00", "2024-10-01T00:00"),
        ("Quí 4 năm 2024", "2024-10-01T00:00", "2025-01-01T00:00"),
        ("QUÍ II/2024", "2024-04-01T00:00", "2024-07-01T00:00"),
    ],
)
def test_a_quarter_spelled_quí_is_that_quarter(phrase: str, start: str, due: str) -> None:
    # "quí 4 năm 2024" had been the year 2024 ("quí 4" left out), silently
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


# -- the day of an event in a named period -------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("chậm nhất là ngày họp chi bộ tháng 6", "ngày họp chi bộ tháng 6"),
        ("trễ nhất ngày hội thao tháng 7/2024", "ngày hội thao tháng 7/2024"),
        ("hạn chót ngày khai giảng năm học 2024-2025", "ngày khai giảng năm học 2024-2025"),
        ("vào ngày sinh hoạt lớp tháng 9", "sinh hoạt lớp tháng 9"),
    ],
)
def test_a_deadline_on_an_events_day_in_a_period_is_counted_from_the_event(
    phrase: str, anchor: str
) -> None:
    # it had been the whole period (June; the school year), the event's words left out
    got = read(phrase, MAY)
    assert (got.kind, got.due, got.anchor) == ("relative", None, anchor), got


@pytest.mark.parametrize("phrase", ["ngày hội thao tháng 7", "Ngày hội diễn quý III/2024"])
def test_an_events_day_in_a_period_with_no_link_is_an_error(phrase: str) -> None:
    assert "sự kiện" in _error(phrase)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trong những ngày cuối tháng 6", "2024-07-01T00:00"),
        ("chậm nhất ngày 20 tháng 6", "2024-06-21T00:00"),
        ("chậm nhất ngày cuối cùng của tháng 6", "2024-07-01T00:00"),
    ],
)
def test_days_of_a_month_stay_read(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


# -- parts of a lunar month ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # tháng Chạp of Giáp Thìn: 31/12/2024 to 28/01/2025; tháng Giêng of Ất Tỵ from 29/01/2025
        ("đầu tháng Chạp", "2024-12-31T00:00", "2025-01-10T00:00"),
        ("những ngày đầu tháng Chạp", "2024-12-31T00:00", "2025-01-10T00:00"),
        ("cuối tháng Chạp", "2025-01-20T00:00", "2025-01-29T00:00"),
        ("giữa tháng Giêng", "2025-02-08T00:00", "2025-02-18T00:00"),
        ("đầu tháng Chạp âm lịch", "2024-12-31T00:00", "2025-01-10T00:00"),
        ("trong tháng Chạp âm lịch", "2024-12-31T00:00", "2025-01-29T00:00"),
        ("cuối tháng 12 âm lịch năm 2024", "2025-01-20T00:00", "2025-01-29T00:00"),
    ],
)
def test_a_part_of_a_lunar_month_counts_its_own_days(phrase: str, start: str, due: str) -> None:
    # the start had been the solar month's (1/12/2024 for "đầu tháng Chạp"), silently; with
    # "âm lịch" after a month's name, an error
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


def test_an_open_start_in_a_lunar_months_first_days_reads() -> None:
    got = read("ngay từ những ngày đầu tháng Chạp âm lịch", MAY)
    assert (got.kind, got.due, got.start) == ("none", None, at("2024-12-31T00:00"))


@pytest.mark.parametrize(
    "phrase",
    ["hằng năm từ tháng Hai đến hết tháng Tư âm lịch", "từ tháng 2 đến tháng 4 âm lịch hằng năm"],
)
def test_a_yearly_window_of_lunar_months_closes_with_the_last(phrase: str) -> None:
    # with a month's name it had been two months, the first and the last (BYMONTH=2,4)
    got = read(phrase, MAY)
    assert (
        got.rrule is not None and "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=-1" in got.rrule
    )


# -- one rule for the days of a part of a month ---------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("10 ngày cuối tháng 6 (dự kiến 25/6)", "2024-06-26T00:00"),
        ("nửa cuối tháng 6 (dự kiến ngày 16/6)", "2024-06-17T00:00"),
    ],
)
def test_a_day_in_a_part_of_a_month_is_that_day(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("10 ngày cuối tháng 6 (dự kiến 5/6)", "5/6"),  # had been read: "any day" of the month
        ("nửa cuối tháng 2/2025 (dự kiến 14/2/2025)", "14/2/2025"),  # February's: 16 to 28
    ],
)
def test_a_day_outside_a_part_of_a_month_is_an_error(phrase: str, day: str) -> None:
    assert f'"{day}" không nằm trong' in _error(phrase)


# -- "24/7" after the words of a service ---------------------------------------------------
@pytest.mark.parametrize(
    "phrase", ["trực cấp cứu 24/7", "tổng đài hỗ trợ 24/7", "làm 3 ca, 24/7", "hoàn thành 24/7"]
)
def test_24_7_after_a_services_words_is_an_error(phrase: str) -> None:
    # it had been 24 July, silently (round the clock, or that day? the phrase does not say)
    assert "suốt ngày đêm" in _error(phrase)


@pytest.mark.parametrize(
    "phrase", ["trước 24/7", "ngày 24/7", "chiều 24/7", "từ 20/7 đến 24/7", "phục vụ 24/7/2024"]
)
def test_24_7_as_a_day_stays_read(phrase: str) -> None:
    got = read(phrase, MAY)
    assert got.due == at("2024-07-25T00:00"), got


# -- a clock time before a list of days ----------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("19h ngày 10, 11 và 12/6/2024", "2024-06-10T19:00", "2024-06-12T19:00"),
        ("lúc 8 giờ các ngày 10, 11 tháng 6", "2024-06-10T08:00", "2024-06-11T08:00"),
        ("7h30 ngày 10/6 và ngày 12/6/2024", "2024-06-10T07:30", "2024-06-12T07:30"),
        ("19h00 thứ Hai, thứ Ba (10, 11/6)", "2024-06-10T19:00", "2024-06-11T19:00"),
    ],
)
def test_a_clock_time_before_a_list_of_days_is_that_time_each_day(
    phrase: str, start: str, due: str
) -> None:
    # an error, or (with weekdays before their days) every week, silently
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got
