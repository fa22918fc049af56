"""Unit tests: kinds of deadline phrase read by composition (issue 12, fourth round).

Each test names a kind of form offices write, with phrases of that kind that
are not in the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from giaoban.deadline import Deadline, parse_deadline

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REF = date(2024, 3, 1)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def read(phrase: str, ref: date | None = REF) -> Deadline:
    got = parse_deadline(phrase, ref)
    assert isinstance(got, Deadline), got
    return got


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước giờ khai mạc 2 giờ", "-PT2H", "giờ khai mạc"),
        ("trước thời điểm bắt đầu kiểm phiếu 12 giờ", "-PT12H", "thời điểm bắt đầu kiểm phiếu"),
        ("sau khi kết thúc hội nghị 4 giờ", "PT4H", "kết thúc hội nghị"),
        (
            "từ khi niêm yết danh sách đến trước thời điểm bắt đầu bỏ phiếu 24 giờ",
            "-PT24H",
            "thời điểm bắt đầu bỏ phiếu",
        ),
    ],
)
def test_a_whole_hour_after_an_event_is_a_count_of_hours(
    phrase: str, offset: str, anchor: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


def test_a_clock_time_after_other_words_stays_a_clock_time() -> None:
    assert read("hạn nộp hồ sơ 17 giờ").due == at("2024-03-01T17:00")
    assert read("Ngày bắt đầu lấy ý kiến: 27/07/2023").kind == "none"  # an open start
