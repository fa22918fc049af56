"""The scanner finds what one joined regular expression of its patterns would find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.deadline.lexicon import LOOSE, PATTERNS, STRICT
from giaoban.deadline.scanner import Scanner
from giaoban.model.text import loose

Found = list[tuple[int, int, int, dict[str, str | None]]]


def joined(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<_{i}>{p})" for i, p in enumerate(patterns)))


def by_joined(master: re.Pattern[str], text: str) -> Found:
    return [
        (int(str(m.lastgroup)[1:]), m.start(), m.end(), m.groupdict())
        for m in master.finditer(text)
    ]


def by_scanner(scanner: Scanner, text: str) -> Found:
    out: Found = []
    for index, m in scanner.matches(text):
        parts = {name: m.group(name) for name in scanner.names(index)}
        out.append((index, m.start(), m.end(), parts))
    return out


def same(a: Found, b: Found) -> bool:
    """Equal matches; the joined expression also lists the other patterns' empty groups."""

    def kept(found: Found) -> Found:
        return [
            (i, s, e, {k: v for k, v in p.items() if v and k[0] != "_"}) for i, s, e, p in found
        ]

    return kept(a) == kept(b)


SMALL = [
    r"(?<=[a-z])\s*\(x\)",  # a pattern that may begin with a space, after a letter only
    r"ab(?P<n>\d+)",
    r"(?:số\s+)?\d+/[a-z]+",
    r"(?!ac)a\w",  # a look-ahead first
    r"(?P<q>[\"'])\w+(?P=q)",  # a back reference
    r"(?:xy)+z",  # repeats, read again for the second character
    r"q{0,2}r",
    r"t(?:rong|ừ)(?!\w)",
    r"thá(?P<m>\d+)",  # many patterns begin with "th": the third character sorts them out
    r"thứ\s*(?P<w>\d)",
    r"th(?:ư|ứ)?(?!\w)",
    r"(?:x|th)ư\w",
    r"\w+|[^\s\w]",
]


@pytest.mark.parametrize(
    "text",
    [
        "ab12 a(x) số 5/qd ac 'ok' \"no' b (x)",
        "",
        "   ",
        "ab",
        "x (x)(x) 12/ab",
        "xyxyz xz qqr qqqr r trong từ tr t",
        "thá3 thứ 2 thứ2 thư thưa xưa th thứ tháng t th",
    ],
)
def test_small_patterns_as_joined(text: str) -> None:
    assert same(by_joined(joined(SMALL), text), by_scanner(Scanner(SMALL), text))


def test_a_pattern_that_matches_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="can match nothing"):
        Scanner([r"a", r"b*"]).matches("ab")


LEXICON_STRICT = joined([p for _, p in PATTERNS])
LEXICON_LOOSE = joined([loose(p) for _, p in PATTERNS])
PHRASES = [
    "chậm nhất là năm ngày trước ngày khai mạc kỳ họp",
    "Từ 07g00 đến 17g00, ngày 12/6/2021 (thứ Bảy)",
    "hoan thanh truoc ngay 31/3/2019",
    "từ thứ bảy 14/2/2026 (tức 27 tháng chạp, năm ất tỵ) đến hết chủ nhật 22/2/2026",
    "72 giờ (không tính ngày chủ nhật) kể từ thông tư 37/2019/tt-byt",
    "1 năm 2 lần: tháng 5 và tháng 11; quý i, ii/2024 - học kỳ ii năm học 2019 – 2020",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_lexicon_scanners_as_joined(phrase: str) -> None:
    text = phrase.lower()
    assert same(by_joined(LEXICON_STRICT, text), by_scanner(STRICT, text))
    assert same(by_joined(LEXICON_LOOSE, text), by_scanner(LOOSE, text))


WORDS = st.sampled_from(
    "ngày tháng năm quý tuần thứ chủ nhật trước sau hết đến từ hằng hàng mỗi lần giờ h g "
    "phút sáng chiều âm lịch rằm mùng tết ngay trong vòng chậm nhất kể ( ) , ; - / . : "
    "hoàn thành ngay truoc thang nam 1 2 05 12 2024 24 31 ii iv làm việc số tt-byt".split(" ")
)


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=12), st.sampled_from([" ", ""]))
def test_any_text_scans_as_joined(words: list[str], space: str) -> None:
    text = space.join(words).lower()
    assert same(by_joined(LEXICON_STRICT, text), by_scanner(STRICT, text))
    assert same(by_joined(LEXICON_LOOSE, text), by_scanner(LOOSE, text))
