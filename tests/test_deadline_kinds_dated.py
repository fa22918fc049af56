"""Unit tests: kinds of silent misreadings of phrases read with a date (the twenty-ninth work).

A plan's vision or orientation beyond its target ("đến năm 2030, tầm nhìn đến năm 2045") is a
horizon, not a deadline: its "đến" had been read as a range from the target on to it, the
vision's year the due, silently. The target is read, with a warning naming the vision; a
vision alone is an error naming it.

A remark in brackets that names days of the month by number only ("Tết Nguyên đán (mùng 3)",
"(mùng 1, 2, 3 và 4)") had been left out when the grammar could not read it with the rest: the
occasion's first day was the due, silently. When the days read are not those numbers, in the
solar calendar or the lunar one, the phrase is an error naming the remark; a remark that says
the same days again stays left out.

Phrases written here, not copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.deadline import DeadlineError, parse_deadline
from tests.test_deadline_forms import read, unread

NOTICE = date(2025, 3, 12)
VISION = "là tầm nhìn của kế hoạch, không phải hạn"


@pytest.mark.parametrize(
    ("phrase", "due", "vision"),
    [
        ("đến năm 2030, tầm nhìn đến năm 2045", "2031-01-01T00:00", "tầm nhìn đến năm 2045"),
        ("Chiến lược đến năm 2028 và tầm nhìn đến năm 2050", "2029-01-01T00:00",
         "tầm nhìn đến năm 2050"),
        ("giai đoạn 2026-2030, định hướng đến năm 2035", "2031-01-01T00:00",
         "định hướng đến năm 2035"),
        ("hoàn thành trong năm 2027 (tầm nhìn 2040)", "2028-01-01T00:00", "tầm nhìn 2040"),
        ("trước ngày 30/6/2026; định hướng tới năm 2030", "2026-07-01T00:00",
         "định hướng tới năm 2030"),
        ("tầm nhìn đến năm 2040, mục tiêu đến năm 2029", "2030-01-01T00:00",
         "tầm nhìn đến năm 2040"),
        ("den nam 2030, tam nhin den nam 2045", "2031-01-01T00:00", "tam nhin den nam 2045"),
    ],
)  # fmt: skip
def test_a_vision_beside_a_target_leaves_the_target(phrase: str, due: str, vision: str) -> None:
    got = read(phrase, NOTICE)
    assert got.due is not None and got.due.strftime("%Y-%m-%dT%H:%M") == due
    assert any(f'"{vision}" {VISION}' in w for w in got.warnings), got.warnings


@pytest.mark.parametrize(
    "phrase",
    ["tầm nhìn đến năm 2045", "định hướng đến năm 2030", "(tầm nhìn 2050)", "Tam nhin toi 2045"],
)
def test_a_vision_alone_is_an_error_naming_it(phrase: str) -> None:
    message = unread(phrase, NOTICE)
    assert VISION in message and "ghim ngày bằng due" in message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("định hướng công việc trước ngày 15/4", "2025-04-16T00:00"),  # no year after it
        ("đến năm 2030", "2031-01-01T00:00"),
        ("từ năm 2026 đến năm 2030", "2031-01-01T00:00"),
    ],
)
def test_other_words_and_ranges_of_years_read_as_before(phrase: str, due: str) -> None:
    got = read(phrase, NOTICE)
    assert got.due is not None and got.due.strftime("%Y-%m-%dT%H:%M") == due
    assert not any(VISION in w for w in got.warnings)


REMARK = "không phải ngày đọc được"


@pytest.mark.parametrize(
    "phrase",
    [
        "Tết Nguyên đán (mùng 2)",
        "Tết Nguyên Đán (từ mùng 1 đến mùng 5)",
        "trong dịp Tết Nguyên đán (mùng 1, mùng 2 và mùng 3)",
        "Tết âm lịch (mùng 3, 4)",
        "ngày 10/3/2025 (mùng 12)",
    ],
)
def test_a_remark_naming_other_days_of_the_month_is_an_error(phrase: str) -> None:
    got = parse_deadline(phrase, NOTICE)
    assert isinstance(got, DeadlineError), got
    assert REMARK in got.message or "không nêu từ ngày nào" in got.message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Tết Nguyên đán (mùng 1)", "2026-02-18T00:00"),
        ("ngày 17/2/2026 (mùng 1 Tết)", "2026-02-18T00:00"),
        ("từ ngày 16/2 đến 19/2/2026 (từ 29 tháng Chạp đến mùng 3 Tết)", "2026-02-20T00:00"),
        ("ngày 20/02/2026 và ngày 21/02/2026 (tức mùng 4 và mùng 5 Tết)", "2026-02-22T00:00"),
        ("ngày 12/3/2025 (thứ Tư)", "2025-03-13T00:00"),
    ],
)
def test_a_remark_saying_the_same_days_again_is_left_out(phrase: str, due: str) -> None:
    got = read(phrase, NOTICE)
    assert got.due is not None and got.due.strftime("%Y-%m-%dT%H:%M") == due
