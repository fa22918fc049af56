"""The first step of reading a phrase: one clean text, folded for matching.

Rules match on a folded copy (lower case, no diacritics) so that a phrase
typed without diacritics reads the same. The folded copy has exactly the
length of the clean text, so a span found in one can be cut from the other
(anchors are reported as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from giaoban.text import collapse_spaces, fold, nfc

_MARKUP = re.compile(r"[*_`]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "’": "'"})
_EDGE = " .,;:!"


@lru_cache(maxsize=512)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower()


def clean(phrase: str) -> str:
    """NFC, no bold markers, one kind of dash, single spaces, no edge punctuation."""
    text = _MARKUP.sub(" ", nfc(phrase).translate(_DASHES))
    return collapse_spaces(text).strip(_EDGE)


def fold_same_length(text: str) -> str:
    """Fold ``text`` character by character, keeping its length."""
    return "".join(" " if ch.isspace() else _fold_char(ch) for ch in text)


@lru_cache(maxsize=1 << 14)
def cleaned_and_folded(phrase: str) -> tuple[str, str]:
    """``clean(phrase)`` and its fold: a phrase recurs in notice after notice."""
    orig = clean(phrase)
    return orig, fold_same_length(orig)


@dataclass
class Text:
    """A phrase being read: ``orig`` as written (cleaned) and ``f`` folded.

    Rules consume what they understood with :meth:`blank`, so later rules
    and the final "anything left?" checks see only the rest.
    """

    orig: str
    f: str
    rest: str = ""  # the folded text not consumed yet

    @classmethod
    def of(cls, phrase: str) -> Text:
        orig, folded = cleaned_and_folded(phrase)
        return cls(orig, folded, folded)

    def blank(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as understood."""
        rest = self.rest
        self.rest = rest[:start] + " " * (end - start) + rest[end:]

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.f) is not None
