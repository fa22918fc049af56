"""Deadline phrases read once: the same readings as reading each phrase afresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from giaoban.deadline import DeadlineError, DeadlineSettings, memo, parse_deadline
from giaoban.deadline.build import Unreadable
from giaoban.deadline.normalize import Text
from giaoban.deadline.parse import Said, read_deadline, said

SETTINGS = DeadlineSettings()
PHRASES = [
    "thường xuyên",
    "chậm nhất ngày 14/10/2023",
    "trước 10 giờ 30 phút, ngày 12/09/2023",
    "trong tháng 5",
    "tháng 5/2024",
    "quý II",
    "quý II/2024",
    "tuần 12",
    "tuần sau",
    "thứ 6 tuần sau",
    "18g30 thứ 6",
    "trong vòng 05 ngày làm việc kể từ ngày ban hành",
    "sau 7 ngày",
    "ngày 15 hằng tháng",
    "trước 14h00 thứ 6 hàng tuần",
    "ngày 25/02",
    "từ ngày 29/02",
    "29/02 - 05/03",
    "năm 2024",
    "cuối năm",
    "ngày 31/02/2024",
    "không rõ lúc nào",
]
DATES = [date(2023, 1, 5), date(2024, 2, 10), date(2024, 10, 2), date(2025, 12, 30)]


@pytest.fixture(autouse=True)
def _fresh_memo() -> Iterator[None]:
    memo.clear()
    yield
    memo.clear()


@pytest.mark.parametrize("order", [DATES, DATES[::-1]])
def test_reading_once_equals_reading_afresh_in_any_order(order: list[date]) -> None:
    for ref in order:
        for phrase in PHRASES:
            assert memo.reading(phrase, ref, SETTINGS) == parse_deadline(phrase, ref, SETTINGS)


def test_a_phrase_whose_reading_depends_on_the_year_is_not_kept_per_phrase() -> None:
    # 29/02 exists in the notice's year 2024 but is long past; 2025 has none: unreadable.
    # Read first in a notice of early 2024 it is open-ended ("từ ngày X": no deadline).
    first = memo.reading("từ ngày 29/02", date(2024, 2, 10), SETTINGS)
    later = memo.reading("từ ngày 29/02", date(2024, 10, 2), SETTINGS)
    assert getattr(first, "kind", None) == "none"
    assert isinstance(later, DeadlineError)
    assert later == parse_deadline("từ ngày 29/02", date(2024, 10, 2), SETTINGS)


@pytest.mark.parametrize(
    ("phrase", "uses_date"),
    [
        ("thường xuyên", False),
        ("chậm nhất ngày 14/10/2023", False),
        ("tháng 5/2024", False),
        ("quý II/2024", False),
        ("ngày 31/02/2024", False),
        ("tháng 5", True),
        ("ngày 25/02", True),
        ("tuần sau", True),
        ("sau 7 ngày", True),
        ("ngày 15 hằng tháng", True),
    ],
)
def test_read_deadline_says_whether_the_notice_date_was_used(phrase: str, uses_date: bool) -> None:
    reading, used = read_deadline(phrase, date(2024, 3, 1), SETTINGS)
    assert used is uses_date
    assert reading == parse_deadline(phrase, date(2024, 3, 1), SETTINGS)


def test_a_reading_that_ignores_the_date_is_one_object() -> None:
    a = memo.reading("chậm nhất ngày 14/10/2023", date(2023, 1, 5), SETTINGS)
    b = memo.reading("chậm nhất ngày 14/10/2023", date(2023, 9, 1), SETTINGS)
    assert a is b


def test_settings_are_part_of_the_key() -> None:
    strict = DeadlineSettings(strict_before=True)
    ref = date(2024, 3, 1)
    for phrase in ("trước ngày 25/03/2024", "trước ngày 25/03"):
        assert memo.reading(phrase, ref, SETTINGS) == parse_deadline(phrase, ref, SETTINGS)
        assert memo.reading(phrase, ref, strict) == parse_deadline(phrase, ref, strict)
        assert memo.reading(phrase, ref, SETTINGS) != memo.reading(phrase, ref, strict)


# Phrases whose meaning hangs on the notice's date, and some the grammar reads only in a
# looser lexing (marks missing, a remark left out) or not at all (days without a month).
SAID_PHRASES = [
    *PHRASES,
    "tu ngay 2 den ngay 10",
    "từ ngày 2 đến ngày 10",
    "trước ngày 25 (thứ Sáu)",
    "đến hết quý này",
    "tháng 7 (âm lịch)",
    "trong dịp Tết Nguyên đán",
]


@pytest.mark.parametrize("phrase", SAID_PHRASES)
def test_what_a_phrase_says_on_one_date_means_the_same_on_every_other(phrase: str) -> None:
    # what the phrase says is made once, read in a notice of one date; every other notice,
    # with or without a date, only reads it against its own date
    text = Text.of(phrase)
    try:
        once = said(text)
    except Unreadable:  # the phrase's reading on every date: an error, kept per phrase
        for ref in [*DATES, None]:
            _, used = read_deadline(phrase, ref, SETTINGS)
            assert not used
        return
    made: list[Text] = []

    def kept(again: Text) -> Said:
        made.append(again)
        return once

    for ref in [*DATES, None]:
        got, _ = read_deadline(phrase, ref, SETTINGS, kept)
        assert got == parse_deadline(phrase, ref, SETTINGS)
    assert made == [text] * len(made)


def test_the_memo_makes_what_a_phrase_says_once_for_every_date() -> None:
    for ref in DATES:
        for phrase in PHRASES:
            memo.reading(phrase, ref, SETTINGS)
    kept = memo.said_kept()
    assert 0 < kept <= len(PHRASES)
    for phrase in PHRASES:  # a date never seen: read against it, nothing said made again
        assert memo.reading(phrase, date(2026, 6, 6), SETTINGS) == parse_deadline(
            phrase, date(2026, 6, 6), SETTINGS
        )
    assert memo.said_kept() == kept
