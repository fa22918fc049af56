"""Text normalisation: NFC for storage, a diacritic-free fold for matching.

The one home of folding: :func:`fold` for comparing words and names,
:func:`fold_keep` when a match in the fold must be cut from the original
(same length), :func:`loose` for patterns written in Vietnamese. They share
one table of dashes (``DASHES``) and one of apostrophes (``APOSTROPHES``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign: all read as "-"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
# left and right single quotation marks, modifier letter apostrophe (what Word and .docx
# write for "'"): all read as "'" ("Cư M’gar" is "Cư M'gar")
APOSTROPHES = "\u2018\u2019\u02bc"
_PLAIN = str.maketrans({**dict.fromkeys(DASHES, "-"), **dict.fromkeys(APOSTROPHES, "'")})
_TO_PLAIN = re.compile(f"[{DASHES}{APOSTROPHES}]")  # most texts have few or none: found in C


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form giaoban stores and prints."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1 << 16)  # unit names and phrases are folded over and over
def fold(text: str) -> str:
    """Fold ``text`` for matching: lower case, no diacritics, plain dashes and
    apostrophes, single spaces.

    "Văn phòng Trung ương Đoàn" and "van phong trung uong doan" fold alike, and
    so do "Dân – Chính – Đảng" and "Dân - Chính - Đảng", "Cư M’gar" and "Cư M'gar".
    """
    if _TO_PLAIN.search(text):
        text = _TO_PLAIN.sub(_plain, text)
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    if not stripped.isascii():  # other scripts may have marks of their own
        stripped = _OTHER.sub(_unless_mark, stripped)
    return " ".join(stripped.casefold().split())


def _plain(match: re.Match[str]) -> str:
    return match.group().translate(_PLAIN)


# The combining marks of Latin letters (U+0300-U+036F), removed in one pass; any
# other character that is a combining mark is looked at one by one.
_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]"
)
_OTHER = re.compile(r"[^\x00-\x7f]")


def _unless_mark(match: re.Match[str]) -> str:
    """A combining mark goes; an invisible character (zero-width space) is spacing, as
    every other space is (``unseen_characters``)."""
    ch = match.group()
    if unicodedata.combining(ch):
        return ""
    return " " if unicodedata.category(ch) == "Cf" else ch


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in DASHES or ch in APOSTROPHES:
        return ch.translate(_PLAIN)
    decomposed = unicodedata.normalize("NFD", ch)
    low = decomposed[0].lower() if decomposed else ch
    return low if len(low) == 1 else ch


def fold_keep(text: str) -> str:
    """Fold ``text`` character by character, as :func:`fold` does, keeping its length:
    a match in the fold is a slice of the original (combining marks written apart stay)."""
    return "".join(_fold_char(ch) for ch in text)


# Characters that could drive a terminal or hide text when printed: C0 and C1 controls
# (line breaks and tabs aside), DEL, and the bidirectional overrides and isolates.
_UNSEEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every control character written out ("\\x1b"): shown, never obeyed."""
    return _UNSEEN.sub(_written_out, text)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character ``visible`` writes out."""
    return _UNSEEN.search(text) is not None


def _written_out(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Characters a reader cannot see, or cannot tell from a plain space: format characters
# (soft hyphen, zero-width space and joiners U+200B-U+200F, word joiner U+2060, BOM U+FEFF,
# ...) and every space but U+0020 (no-break space U+00A0, U+2000-U+200A, U+202F, U+3000).
# Pasted from Word or a web page into an id, an item number or a unit name, they make a
# name that looks like another and cannot be typed.
_LOOKALIKE = re.compile(
    "[\u00a0\u00ad\u034f\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f"
    "\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]"
)


def unseen_characters(text: str) -> list[str]:
    """The characters of ``text`` a reader cannot see or tell from a plain space, each once
    and in order, described for a message ("U+200B (ký tự ẩn)"); empty for plain text.

    The one home of that rule: ids, item numbers and unit names are checked with it.
    """
    found = dict.fromkeys(_LOOKALIKE.findall(text))
    return [_described(ch) for ch in found]


def unseen_said(what: str, text: str, then: str) -> str | None:
    """The message for ``text`` (``what``: "tên đơn vị", "số mục", ...) holding characters
    a reader cannot see (``unseen_characters``), ending with ``then``, what to do; None
    when it holds none. The one wording of ids, item numbers and unit names."""
    unseen = unseen_characters(text)
    if not unseen:
        return None
    return f"{what} '{written_out(text)}' có ký tự không thấy được: {', '.join(unseen)}; {then}"


def _described(ch: str) -> str:
    kind = "dấu cách khác dấu cách thường" if unicodedata.category(ch) == "Zs" else "ký tự ẩn"
    return f"U+{ord(ch):04X} ({kind})"


def written_out(text: str) -> str:
    """``text`` with what ``unseen_characters`` finds, and control characters, written
    out ("Văn phòng\\u200b"): two names that look alike in a message then differ."""
    return _LOOKALIKE.sub(_written_out, visible(text))


def without_controls(text: str) -> str:
    """``text`` with each control character (``visible`` writes them out) made a space."""
    return _UNSEEN.sub(" ", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space (line breaks included) to one space."""
    return " ".join(text.split())  # str.split and re's \s agree on what white space is


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


@lru_cache(maxsize=256)
def _letter_class(ch: str) -> str:
    """The letters that ``ch`` may be typed as: itself, without its tone, without any mark."""
    if ch == "đ":
        return "[đd]"
    decomposed = unicodedata.normalize("NFD", ch)
    if len(decomposed) == 1:
        return ch
    toneless = nfc("".join(c for c in decomposed if c not in _TONES))
    options = dict.fromkeys((ch, toneless, decomposed[0]))
    return "[" + "".join(options) + "]"


def loose(pattern: str) -> str:
    """A regular expression written in Vietnamese that also matches text typed without marks.

    Each letter with a diacritic in ``pattern`` also matches the same letter
    without its tone, or bare: "trước" matches "trước", "truoc" and "trươc",
    but not "trược"; "trong" does not match "trọng". Escapes, group names
    and back references are left as they are. Run the result on lower-case
    text.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        out.append(_letter_class(ch) if ch.isalpha() and not ch.isascii() else ch)
        i += 1
    return "".join(out)
