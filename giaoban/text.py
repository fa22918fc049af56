"""Text normalisation: NFC for storage, a diacritic-free fold for matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form giaoban stores and prints."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1 << 16)  # unit names and phrases are folded over and over
def fold(text: str) -> str:
    """Fold ``text`` for matching: lower case, no diacritics, plain dashes, single spaces.

    "Văn phòng Trung ương Đoàn" and "van phong trung uong doan" fold alike, and
    so do "Dân – Chính – Đảng" and "Dân - Chính - Đảng".
    """
    text = text.translate(_DASHES).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space (line breaks included) to one space."""
    return _SPACES.sub(" ", text).strip()
