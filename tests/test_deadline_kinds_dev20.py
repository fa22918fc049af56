"""Unit tests: kinds of deadline phrase the twenty-sixth work read right or made errors.

The kinds behind the failures of ``fresh_19`` once it became a development set. As in
``test_deadline_kinds.py``: phrases of each kind written here, not copied from the phrase sets
of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "months"),
    [
        # months listed with gaps in a duty: each of them (it had been the last one, silently)
        ("tháng 1, 4, 7 và 10 hằng năm", "1,4,7,10"),
        ("kiểm tra vào tháng 2; 5; 8; 11 hàng năm", "2,5,8,11"),
        ("hằng năm vào tháng 3 và tháng 9", "3,9"),
        # three or more months joined by dashes are a list, not a month and a day
        ("xét tuyển vào tháng 2-4-6-8 hằng năm", "2,4,6,8"),
        ("tháng 1 - 6 - 11 hàng năm", "1,6,11"),
    ],
)
def test_months_listed_in_a_duty_are_each_month(phrase: str, months: str) -> None:
    rule = read(phrase, MAY).rrule
    assert rule is not None
    assert f"BYMONTH={months};BYMONTHDAY=-1" in rule


def test_months_in_a_row_in_a_duty_stay_one_window() -> None:
    got = read("tháng 6, 7, 8 hằng năm", MAY)
    assert got.rrule is not None and "BYMONTH=8;" in got.rrule
    assert got.start == at("2024-06-01T00:00")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # once, a list with dashes is read as the comma list is: from the first to the last
        ("tháng 2-4-6", "2024-02-01T00:00", "2024-07-01T00:00"),
        ("trong các tháng 7, 9, 11/2024", "2024-07-01T00:00", "2024-12-01T00:00"),
    ],
)
def test_months_listed_once_are_from_the_first_to_the_last(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase, MAY)
    assert (got.start, got.due) == (at(start), at(due))


def test_months_joined_by_dashes_out_of_order_are_an_error() -> None:
    assert "không theo thứ tự" in unread("tháng 11-12-1 hằng năm", MAY)


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        # a season named with a year counted from the notice's: its days are not given (it
        # had been the year itself, or before it began, silently)
        ("trước mùa mưa bão năm nay", "mùa mưa bão năm nay"),
        ("hoàn thành trong mùa khô năm sau", "mùa khô năm sau"),
        ("thu hoạch xong vụ Đông Xuân năm tới", "vụ Đông Xuân năm tới"),
        ("tổ chức trong hè năm nay", "hè năm nay"),
    ],
)
def test_a_season_of_a_relative_year_is_an_error(phrase: str, said: str) -> None:
    assert f'"{said}" là một mùa, vụ hay đợt' in unread(phrase, MAY)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # "nhiệm vụ", "dịch vụ": no crop's "vụ" (the year had been an error, a season)
        ("hoàn thành nhiệm vụ năm 2024", "2025-01-01T00:00"),
        ("triển khai nhiệm vụ năm nay", "2025-01-01T00:00"),
        # with its days written, a season gives way to them
        ("Chiến dịch hè năm nay: từ 15/6 đến 15/8/2024", "2024-08-16T00:00"),
    ],
)
def test_words_with_vu_and_dated_seasons_are_read(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        # a range of counts: its upper end, the longest it may take (hours beyond a clock's,
        # minutes, "tiếng", months and years had been errors, or a day: "1-2 năm" 1 February)
        ("trong vòng 24-48 giờ", timedelta(hours=48)),
        ("trả lời trong 36 đến 72 giờ", timedelta(hours=72)),
        ("trong 24-48h", timedelta(hours=48)),
        ("trong vòng 15-30 phút", timedelta(minutes=30)),
        ("phản hồi trong 12-24 tiếng", timedelta(hours=24)),
        ("trong vòng 24 tiếng", timedelta(hours=24)),
    ],
)
def test_a_range_of_counts_of_hours_is_its_upper_end(phrase: str, offset: timedelta) -> None:
    got = read(phrase, MAY)
    assert got.kind == "relative"
    assert got.due == at("2024-05-15T00:00") + offset


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("đánh giá lại sau 1-2 năm", "2026-05-16T00:00"),
        ("trong vòng 3 - 5 năm", "2029-05-16T00:00"),
        ("hoàn thành trong 2 đến 3 tháng", "2024-08-16T00:00"),
        ("trong 12-18 tháng", "2025-11-16T00:00"),
    ],
)
def test_a_range_of_counts_of_months_or_years_is_its_upper_end(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("relative", at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # days before a month stay days; a clock window stays a window
        ("từ 13 đến 15 tháng Giêng", "2025-02-10T00:00", "2025-02-13T00:00"),
        ("14 - 16 giờ ngày 5/6", "2024-06-05T14:00", "2024-06-05T16:00"),
    ],
)
def test_days_and_clock_windows_are_no_counts(phrase: str, start: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.start, got.due) == (at(start), at(due))


@pytest.mark.parametrize(
    "phrase",
    [
        # a start ending with an event with no day, "cho" before the link or words before
        # "từ": an open start, its clock time no appointment (it had been due at that time)
        "từ 14 giờ ngày 20/5 cho tới khi thời tiết trở lại bình thường",
        "tạm dừng từ 6 giờ ngày 20/5 đến khi có thông báo mới",
        "cấm xe từ 22h ngày 20/5 cho đến khi sửa xong cầu",
    ],
)
def test_a_start_until_an_event_is_an_open_start(phrase: str) -> None:
    got = read(phrase, MAY)
    assert got.kind == "none"
    assert got.start is not None and got.start.date() == date(2024, 5, 20)
    # in a text without a date, no deadline and its start not placed
    undated = read(phrase, None)
    assert (undated.kind, undated.start) == ("none", None)


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        # a leap lunar month: giaoban reads the ordinary one of each number (silently, before)
        ("tổ chức lễ vào rằm tháng 6 nhuận", "tháng 6 nhuận"),
        ("ngày mùng 10 tháng 4 nhuận âm lịch", "tháng 4 nhuận"),
        ("ngày rằm tháng 9 sau (năm nay nhuận hai tháng 9)", "tháng 9 sau"),
        ("vào ngày rằm tháng 7 sau", "tháng 7 sau"),
    ],
)
def test_a_leap_lunar_month_is_an_error(phrase: str, said: str) -> None:
    assert f'"{said}" là tháng nhuận âm lịch' in unread(phrase, MAY)


@pytest.mark.parametrize("phrase", ["ngày 20 tháng sau", "ngày 5 tháng 9 sau đó", "rằm tháng 7"])
def test_a_month_after_without_a_leap_stays_read(phrase: str) -> None:
    assert read(phrase, MAY).due is not None
