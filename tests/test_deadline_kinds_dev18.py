"""Unit tests: kinds of deadline phrase the twenty-fourth work read right or made errors.

The kinds behind the failures of ``fresh_18`` once it became a development set. As in
``test_deadline_kinds.py``: phrases of each kind written here, in other words and orders,
not copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


# -- "&" inside an abbreviated name: the name, not "and" before a word of time ----------------
@pytest.mark.parametrize(
    "phrase",
    [
        "nộp về Sở KH&CN chậm nhất ngày 20/5/2024",
        "Sở VH-TT&DL tổng hợp trước ngày 20/5/2024",
        "trước ngày 20/5/2024, gửi Phòng TN&MT",
        "Bộ KH&CN, Sở GD&ĐT hoàn thành trước 20/5/2024",
    ],
)
def test_an_ampersand_inside_a_name_leaves_the_name_out(phrase: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("date", at("2024-05-21T00:00")), got


@pytest.mark.parametrize(
    "phrase", ["thứ 7 & CN hằng tuần", "thứ 7&CN hằng tuần", "T7&CN hằng tuần"]
)
def test_an_ampersand_between_days_still_joins_them(phrase: str) -> None:
    got = read(phrase, MAY)
    assert got.rrule is not None and "BYDAY=SA,SU" in got.rrule, got


# -- a part of the day after a clock time written with a colon ---------------------------------
@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("lúc 8:45 tối ngày 20/5/2024", "2024-05-20T20:45"),
        ("Ngày 20/5/2024, lúc 4:30 chiều", "2024-05-20T16:30"),
        ("trước 11:15 trưa thứ Sáu", "2024-05-17T11:15"),
        ("trước 1:30 trưa thứ Sáu", "2024-05-17T13:30"),
        ("Tối 20 tháng 5 năm 2024, lúc 7:00 tối", "2024-05-20T19:00"),
        ("lúc 9:00 sáng ngày 20/5/2024", "2024-05-20T09:00"),
        ("trước 3:00 chiều nay", "2024-05-15T15:00"),
    ],
)
def test_a_part_of_the_day_after_a_colon_time_sets_its_hour(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert got.due == at(due), got


# -- a count in working days said in other words -------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("trong 5 ngày (ngày làm việc) kể từ ngày nhận đơn", "ngày nhận đơn"),
        ("trong 5 ngày theo ngày làm việc kể từ ngày nhận đơn", "ngày nhận đơn"),
        ("không quá 5 ngày (theo ngày làm việc và tính từ ngày nhận đơn)", "ngày nhận đơn"),
        ("tối đa 5 ngày (tính theo ngày làm việc, kể từ ngày nhận đơn)", "ngày nhận đơn"),
        ("5 ngày (ngày làm việc; tính từ ngày nhận đơn)", "ngày nhận đơn"),
    ],
)
def test_working_days_said_in_a_remark_or_after_the_count(phrase: str, anchor: str) -> None:
    got = read(phrase, None)
    assert (got.kind, got.offset, got.business_days) == ("relative", "P5D", True), got
    assert got.anchor == anchor, got


def test_a_remark_of_working_days_that_goes_on_to_a_day_counts_from_it() -> None:
    got = read("trong vòng 10 ngày (theo ngày làm việc, tính từ ngày 20/5/2024)", MAY)
    assert (got.business_days, got.due) == (True, at("2024-06-04T00:00")), got


# -- a count written in digits in brackets, with no words before it ----------------------------
@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trong thời hạn (10) ngày kể từ ngày nhận thông báo", "P10D"),
        ("sau (45) ngày kể từ ngày công bố", "P45D"),
        ("sau thời gian (20) ngày kể từ ngày đăng tin", "P20D"),
        ("sau thời gian 20 ngày kể từ ngày đăng tin", "P20D"),
        ("sau khoảng thời gian 2 tuần kể từ ngày đăng tin", "P2W"),
        # the digits after the count's words stay the same count
        ("trong thời hạn mười (10) ngày kể từ ngày nhận thông báo", "P10D"),
    ],
)
def test_a_count_in_brackets_alone_is_the_count(phrase: str, offset: str) -> None:
    got = read(phrase, None)
    assert (got.kind, got.offset) == ("relative", offset), got
    assert got.anchor is not None and "thời gian" not in got.anchor, got


def test_after_a_time_of_n_days_alone_counts_from_the_notice() -> None:
    got = read("sau thời gian 30 ngày", MAY)
    assert (got.offset, got.due) == ("P30D", at("2024-06-15T00:00")), got


# -- a count told in words and in digits that disagree: an error naming both -------------------
@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("trong thời hạn mười hai (15) ngày làm việc", "mười hai (15)"),
        ("không quá 05 (bảy) ngày kể từ ngày nhận", "05 (bảy)"),
        ("trong vòng ba mươi (20) ngày", "ba mươi (20)"),
        ("ngày 10 (mười một) tháng 6 năm 2024", "10 (mười một)"),
    ],
)
def test_a_count_whose_words_and_digits_disagree_is_an_error(phrase: str, named: str) -> None:
    message = unread(phrase, MAY)
    assert named in message and "khác nhau" in message, message


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trong thời hạn mười hai (12) ngày làm việc", "P12D"),
        ("không quá 05 (năm) ngày", "P5D"),
        ("trong vòng hai mươi mốt (21) ngày", "P21D"),
        ("bốn (04) tuần", "P4W"),
    ],
)
def test_a_count_whose_words_and_digits_agree_is_read(phrase: str, offset: str) -> None:
    assert read(phrase, MAY).offset == offset


# -- "thường xuyên" before weekdays: those days every week ------------------------------------
@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("trực thường xuyên từ thứ Hai đến thứ Sáu", "BYDAY=MO,TU,WE,TH,FR"),
        ("thường xuyên vào thứ 3 và thứ 5", "BYDAY=TU,TH"),
        ("tiếp công dân thường xuyên vào sáng thứ Tư", "BYDAY=WE"),
        ("thường xuyên các ngày thứ 2, 4, 6", "BYDAY=MO,WE,FR"),
        ("thuong xuyen tu thu 2 den thu 6", "BYDAY=MO,TU,WE,TH,FR"),
    ],
)
def test_regularly_on_weekdays_is_every_week(phrase: str, days: str) -> None:
    got = read(phrase, MAY)
    assert got.kind == "recurring" and got.rrule is not None, got
    assert "FREQ=WEEKLY" in got.rrule and days in got.rrule, got


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thường xuyên, chậm nhất thứ 6 tuần sau", "2024-05-25T00:00"),
        ("thường xuyên vào thứ 5 tuần sau", "2024-05-24T00:00"),
        ("thường xuyên vào thứ 5 (23/5/2024)", "2024-05-24T00:00"),
    ],
)
def test_regularly_beside_a_named_week_or_day_keeps_that_day(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("date", at(due)), got


def test_regularly_alone_is_still_no_deadline() -> None:
    assert read("thực hiện thường xuyên", MAY).kind == "none"


# -- a count before "bắt đầu từ" a day or a moment: how long it lasts, its first day counted ---
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        (
            "02 ngày, bắt đầu từ 7h30 ngày 20/5/2024 (thứ Hai)",
            "2024-05-20T07:30",
            "2024-05-22T00:00",
        ),
        ("4 ngày, bắt đầu từ ngày 20/5/2024", "2024-05-20T00:00", "2024-05-24T00:00"),
        ("trong 2 tuần, bắt đầu từ thứ Hai 20/5/2024", "2024-05-20T00:00", "2024-06-03T00:00"),
        (
            "bắt đầu từ 8 giờ ngày 20/5/2024, diễn ra trong 3 ngày",
            "2024-05-20T08:00",
            "2024-05-23T00:00",
        ),
    ],
)
def test_a_count_that_begins_on_a_day_lasts_from_it(phrase: str, start: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("48 giờ kể từ 9h ngày 20/5/2024", "2024-05-22T09:00"),  # hours from that moment
        ("3 ngày kể từ 9h ngày 20/5/2024", "2024-05-24T00:00"),  # a time limit: the day after
        ("30 phút trước 9h ngày 20/5/2024", "2024-05-20T08:30"),
    ],
)
def test_a_count_from_a_moment_is_counted_from_it(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("relative", at(due)), got
    assert got.anchor == "ngày 20/5/2024", got
