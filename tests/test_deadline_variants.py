"""The same meaning spelt otherwise reads the same (bench/deadline_variants.py), and the engine
fixes the rewrites showed: each with phrases written for the test."""

from __future__ import annotations

import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from giaoban.deadline import Deadline, parse_deadline
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import deadline_variants as variants  # noqa: E402 - bench/ is not a package

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SAMPLE = ("corpus_1", "corpus_2", "fresh_1")
# Readings of the sample that a rewrite changes or makes an error, at most (the twelfth work:
# 1, "trien khai nhiem vu trong tam thang 04/2021": without marks "tam" is "tám" or "tạm").
FLOOR = 1


def test_rewrites_keep_the_readings_of_the_sample() -> None:
    tallies = variants.run(SAMPLE)
    failed = sum(t.changed + t.error for t in tallies.values())
    examples = [e for t in tallies.values() for e in t.examples]
    assert failed <= FLOOR, "\n".join(examples)
    assert sum(t.applied for t in tallies.values()) > 5000  # the rewrites do apply


@pytest.mark.parametrize(
    ("rewrite", "phrase", "expected"),
    [
        (variants.date_dash, "trước ngày 25/02/2019", "trước ngày 25-02-2019"),
        (variants.date_dash, "từ ngày 5 - 6/6/2021", None),  # a range of days: ambiguous
        (variants.date_words, "ngày 5/3/2024", "ngày 5 tháng 3 năm 2024"),
        (variants.clock_h00, "trước 14h thứ 6", "trước 14h00 thứ 6"),
        (variants.clock_h00, "trong vòng 48h", None),  # a count of hours
        (variants.clock_h, "vào 9h00 30'", None),
        (variants.weekday_word, "thứ 2 hằng tuần", "thứ Hai hằng tuần"),
        (variants.weekday_word, "thứ 2, 4, 6", None),  # a list: left as written
        (variants.periodic_hang, "ngày 5 hằng tháng", "ngày 5 hàng tháng"),
        (variants.quarter_digit, "trong Quý II", "trong Quý 2"),
        (variants.count_words, "trong vòng 05 ngày", "trong vòng năm ngày"),
        (variants.count_words, "ngày 15 tháng 3", None),  # a date, no count
        (variants.count_words, "từ 13 đến 15 tháng Giêng", None),
        (variants.no_diacritics, "trước ngày 25/02/2019", "truoc ngay 25/02/2019"),
    ],
)
def test_rewrite(rewrite: variants.Rewrite, phrase: str, expected: str | None) -> None:
    assert rewrite(phrase) == expected


def _due(phrase: str, ref: date) -> datetime | None:
    got = parse_deadline(phrase, ref)
    assert isinstance(got, Deadline), got
    return got.due


@pytest.mark.parametrize(
    ("phrase", "offset", "business"),
    [
        # a count in words after an event's words, as in digits
        ("trước khi khai giảng hai tuần", "-P2W", False),
        ("trước ngày kiểm tra một ngày làm việc", "-P1D", True),
        ("gia hạn thêm mười lăm ngày nữa", "P15D", False),
        ("không được chậm quá ba mươi ngày", "P30D", False),
    ],
)
def test_a_count_in_words_after_words(phrase: str, offset: str, business: bool) -> None:
    got = parse_deadline(phrase, date(2024, 3, 1))
    assert isinstance(got, Deadline), got
    assert (got.offset, got.business_days) == (offset, business)


def test_a_number_word_without_marks_after_a_word_is_no_count() -> None:
    got = parse_deadline("sang thoi diem sau ngay bau cu", date(2024, 3, 1))
    assert not (isinstance(got, Deadline) and got.offset == "P6D")  # "sau" is no "sáu"


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thứ Ba ngày 12 tháng 3/2024", datetime(2024, 3, 13, tzinfo=TZ)),
        ("chậm nhất ngày 05 tháng 04/2024", datetime(2024, 4, 6, tzinfo=TZ)),
        ("ngày mùng 02-5-2024", datetime(2024, 5, 3, tzinfo=TZ)),
        ("sáng ngày mồng 9.9.2024", datetime(2024, 9, 10, tzinfo=TZ)),
        ("trong tháng 3 đến 4.2024", datetime(2024, 5, 1, tzinfo=TZ)),
    ],
)
def test_dates_spelt_otherwise(phrase: str, due: datetime) -> None:
    assert _due(phrase, date(2024, 1, 10)) == due


def test_a_day_and_month_with_the_year_after_a_slash_in_a_range() -> None:
    got = parse_deadline("từ ngày 04 tháng 3/2024 đến ngày 08 tháng 3/2024", date(2024, 1, 10))
    assert isinstance(got, Deadline), got
    assert (got.start, got.due) == (
        datetime(2024, 3, 4, tzinfo=TZ),
        datetime(2024, 3, 9, tzinfo=TZ),
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "thứ Năm tuần thứ hai và thứ Năm tuần thứ tư hằng tháng",
        "thứ Năm tuần thứ Hai và thứ Năm tuần thứ Tư hằng tháng",
        "thứ Năm tuần thứ 2 và thứ Năm tuần thứ 4 hằng tháng",
    ],
)
def test_an_ordinal_week_in_words_is_no_weekday(phrase: str) -> None:
    got = parse_deadline(phrase, date(2024, 1, 1))
    assert isinstance(got, Deadline), got
    assert got.rrule is not None and got.rrule.endswith("FREQ=MONTHLY;BYDAY=2TH,4TH")


def test_a_school_week_counted_in_words_past_five() -> None:
    got = parse_deadline("đến hết tuần học thứ tám của học kỳ", date(2024, 9, 1))
    assert isinstance(got, Deadline), got
    assert got.offset == "P8W"


@pytest.mark.parametrize("phrase", ["trong nam 2024 nay", "trong năm 2024 này"])
def test_this_after_a_named_year_typed_without_marks(phrase: str) -> None:
    assert _due(phrase, date(2024, 1, 10)) == datetime(2025, 1, 1, tzinfo=TZ)
