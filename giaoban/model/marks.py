"""The forms of an item's mark: the one home for how offices write an item's number.

An item's label (a number "2" or "2.1", a letter "a", a roman numeral "II")
is written with a closer after it, "2." "2)" "2/" "2 -" (a dash set off by a
space), or between brackets, "(2)". Vietnamese notices use all of them, and
text copied from a web page or a PDF may put the mark on a line of its own.
Every reader of marks (a line's mark, marks run on inside a line, a table's
number cell, where the body starts) builds its pattern with :func:`form`, so
that a form read in one place is read in all of them.

A task's ``item`` keeps the label and the labels of the items above it ("3.b",
"II.3", "3.1.", "3-1"): :func:`read_item` reads it back, and :func:`next_label`
gives the label after those of a list in their form (digits, letters in the
Vietnamese order "a b c d đ e", roman numerals), so that every place that numbers
a new item numbers it as the notice does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,3}"
LETTER = r"[a-zđ]"
ROMAN = r"X{0,3}(?:IX|IV|V?I{1,3}|V)"
# what may follow a label: a dot, a bracket, a slash or a dash set off by a space ("1/ ",
# "1 - ", "1- "; never "15/3" or "V/v", a date or "về việc", nor "1-2", a range)
_SPACED = r"/(?=\s|$)|\s*[-–—](?=\s|$)"
CLOSERS = rf"[.)]|{_SPACED}"
LETTER_CLOSERS = rf"[),.]|{_SPACED}"  # "a," too, as Word's lists write it
ROMAN_CLOSERS = rf"\s*[.)]|{_SPACED}"  # "II ." too, as a PDF layer spaces it
# the closers after which a digit may open the item's text ("1. 100% đoàn viên ...")
DIGIT_AFTER = (".", ")")

# A bullet: a dash or a dot ("-", "–", "•", "▪", "◦", "·"), or, followed by a space, any
# other mark that is no letter, digit, bracket nor quote, as Word, a web page or a
# symbol font puts before a list's lines ("■", "○", "►", "◆", "□", "§", "⁃", "*", "Ø"
# (Wingdings' arrow pasted as a letter), a symbol font's private character), or an arrow
# ("→", "=>", "->"). "+", a sub-bullet, is a mark of its own (PLUS). Every reader of
# bullets builds its pattern from this one.
_TIGHT_BULLETS = "\\-\u2013\u2014\u2022\u25cf\u25aa\u25e6\u2219\u00b7"  # - – — • ● ▪ ◦ ∙ ·
_SPACED_BULLETS = (
    "*\u00a4\u00a7\u00bb\u00d8"  # * ¤ § » Ø
    "\u2010-\u2012\u2015\u2020\u2021\u2023\u2027\u203a\u203b\u2043"  # ‐ ‒ ― † ‡ ‣ ‧ › ※ ⁃
    "\u2190-\u21ff\u2212\u22c4\u22c5"  # arrows, − ⋄ ⋅
    "\u2580-\u27bf\u27f0-\u27ff\u2900-\u297f\u2b00-\u2bff"  # shapes, dingbats, more arrows
    "\ue000-\uf8ff"  # a symbol font's private characters (Symbol, Wingdings)
)
BULLET = rf"(?:(?:[=\-]+>|[{_SPACED_BULLETS}])(?=\s|$)|[{_TIGHT_BULLETS}])"
PLUS = r"\+"


def form(label: str, closers: str = CLOSERS, bare: bool = False) -> str:
    """A regex for a mark whose label matches ``label``, in every form.

    The match's groups: ``open`` (the opening bracket, None when the label is
    not bracketed), ``label`` and ``closer`` (None when bracketed, or when
    ``bare`` allows a label with no closer at all, as "2.1 Text" is written).
    """
    optional = "?" if bare else ""
    return rf"(?P<open>\()?(?P<label>{label})(?(open)\)|(?P<closer>{closers}){optional})"


# the letters of lists in Vietnamese documents: no f, j, w, z, and "đ" after "d"
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN_VALUES = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
# an item: the labels above it (with what joins them), its own label, a closer kept in it
_ITEM = re.compile(rf"(?P<head>.*?)(?P<label>\d+|(?i:{ROMAN})|[a-zđA-ZĐ])(?P<tail>[.)]?)")


@dataclass(frozen=True)
class ItemMark:
    """A task's item read as ``head`` (the labels above it, "3." in "3.b"), its own
    ``label`` ("b") and a ``tail`` written after it ("." in "3.1.")."""

    head: str
    label: str
    tail: str


def read_item(item: str) -> ItemMark | None:
    """``item`` as its head, label and tail; None when it ends in no label."""
    m = _ITEM.fullmatch(item)
    return None if m is None else ItemMark(m["head"], m["label"], m["tail"])


def next_label(labels: Sequence[str]) -> str | None:
    """The label after the largest of ``labels`` in the form of the last one: "7" after
    "6", "c" after "a" "b" ("đ" after "d"), "iv" after "i" "ii" "iii" ("I", "V", "X"
    alone are numerals, as a list of letters starts with "a"); None when that form has
    no next label ("y" in the Vietnamese letters)."""
    last = labels[-1]
    if last.isdigit():
        width = len(last) if last.startswith("0") else 1  # "01" "02": "03"
        return str(max(int(x) for x in labels if x.isdigit()) + 1).zfill(width)
    upper = last.isupper()
    words = [x.lower() for x in labels if not x.isdigit() and x.isupper() == upper]
    if all(re.fullmatch(ROMAN, x.upper()) for x in words):
        following = _roman(max(_roman_value(x.upper()) for x in words) + 1)
    else:
        letters = {x for x in words if len(x) == 1}
        alphabet = next((a for a in (VIETNAMESE_LETTERS, LATIN_LETTERS) if letters <= set(a)), "")
        at = max((alphabet.index(x) for x in letters), default=len(alphabet)) + 1
        if at >= len(alphabet):
            return None
        following = alphabet[at]
    return following.upper() if upper else following.lower()


def skipped_labels(before: str, after: str) -> list[str]:
    """The labels a list skips from ``before`` to ``after``, counted by :func:`next_label`
    in the form of ``before``: "2", "3" from "1" to "4"; [] when ``after`` follows
    ``before``, or is not a few labels ahead of it in that form (a list that starts
    again, another list). "đ" is never said to be skipped: a list may count in the
    Latin letters ("d", "e")."""
    skipped: list[str] = []
    label: str | None = before
    for _ in range(_MOST_SKIPPED + 1):
        label = next_label([label]) if label is not None else None
        if label is None:
            return []
        if label == after:
            return [x for x in skipped if x.lower() != "đ"]
        skipped.append(label)
    return []


_MOST_SKIPPED = 20  # further ahead, a label starts another list (or is no label)


def first_label(like: str) -> str:
    """The first label of the form of ``like``: "1", "a" or "A" ("i" or "I" for a numeral
    longer than a letter)."""
    if like.isdigit():
        return "1"
    first = "i" if len(like) > 1 and re.fullmatch(ROMAN, like.upper()) else "a"
    return first.upper() if like.isupper() else first


def _roman_value(numeral: str) -> int:
    value = 0
    for symbol, worth in _ROMAN_VALUES:
        while numeral.startswith(symbol):
            value, numeral = value + worth, numeral[len(symbol) :]
    return value


def _roman(value: int) -> str:
    numeral = ""
    for symbol, worth in _ROMAN_VALUES:
        count, value = divmod(value, worth)
        numeral += symbol * count
    return numeral
