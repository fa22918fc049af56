"""The first step of reading a phrase: one clean text, and its lower case.

The lexicon's patterns run on the lower-case copy, which has exactly the
length of the clean text, so a span found in one can be cut from the other
(events are reported as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from giaoban.model.text import APOSTROPHES, DASHES, collapse_spaces, nfc

# one kind of dash and of apostrophe; no bold or code markers
_PLAIN = str.maketrans(
    {**dict.fromkeys(DASHES, "-"), **dict.fromkeys(APOSTROPHES, "'"), "*": " ", "_": " ", "`": " "}
)
_TO_PLAIN = re.compile("[" + re.escape("".join(map(chr, _PLAIN))) + "]")  # most phrases have none
_EDGE = " .,;:!"


def clean(phrase: str) -> str:
    """NFC, no bold markers, one kind of dash, single spaces, no edge punctuation, no space
    inside a word ("Thá ng 10"), a space between a word of time and the number typed against
    it ("trước17h", "ngày20/5"), and no brackets around the whole phrase ("(chậm nhất ngày
    5/3 (thứ Ba))")."""
    text = nfc(phrase)
    if _TO_PLAIN.search(text):
        text = text.translate(_PLAIN)
    text = collapse_spaces(text).strip(_EDGE)
    if _GLUED.search(text):
        text = _GLUED.sub(r"\1 ", text)
    if _QUI.search(text):  # "quí I/2024": "quý" in the older spelling, as "quí vị" is "quý vị"
        text = _QUI.sub(lambda m: m[1] + ("Ý" if m[2] == "Í" else "ý"), text)
    if not text.isascii():
        text = _SPLIT_FINAL.sub(r"\1", text)
    while _bracketed(text):
        text = text[1:-1].strip(_EDGE)
    return text


# Some PDF text layers put a space after each letter with a diacritic: "Thá ng 10 nă m họ c".
# No Vietnamese word is a final consonant alone, so such a fragment ends the word before it.
_MARKED_VOWEL = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ"
_SPLIT_FINAL = re.compile(  # the space first: re looks for it before trying the rest
    " (?<=[" + _MARKED_VOWEL + _MARKED_VOWEL.upper() + r"] )((?:ng|nh|ch|c|m|n|p|t))(?!\w)",
    re.IGNORECASE,
)


# A word of time typed against its number: "trước17h ngày 20/5", "chậm nhất ngày20/5/2024".
# Only these words: a code such as "hk1" or "covid19" is left as written.
_GLUED = re.compile(
    r"(?<![^\W\d_])(trước|sau|ngày|đến|từ|tới|hết|trong|tháng|năm|quý|tuần|lúc|vào|nhất)(?=\d)",
    re.IGNORECASE,
)


# "quí" is the older spelling of "quý" (a quarter, a stem of the lunar cycle): the same word,
# the same length, so the lower-case copy still matches the clean text character by character.
_QUI = re.compile(r"(?<![^\W\d_])(qu|Qu|QU)([íÍ])(?![^\W\d_])")


def _bracketed(text: str) -> bool:
    """Whether the first character opens a bracket that the last one closes."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i == len(text) - 1
    return False


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character by character (its length kept)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@lru_cache(maxsize=1 << 14)
def cleaned(phrase: str) -> tuple[str, str]:
    """``clean(phrase)`` and its lower case: a phrase recurs in notice after notice."""
    orig = clean(phrase)
    return orig, lower_same_length(orig)


class Span(Protocol):
    """Where something is in a phrase (a token): from ``start`` to ``end``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Text:
    """A phrase being read: ``orig`` as written (cleaned) and ``low`` its lower case."""

    orig: str
    low: str

    @classmethod
    def of(cls, phrase: str) -> Text:
        return cls(*cleaned(phrase))

    def said(self, span: Span) -> str:
        """The words of ``span`` (a token, by its ``start`` and ``end``), in lower case."""
        return self.low[span.start : span.end]
