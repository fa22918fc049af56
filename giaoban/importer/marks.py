"""The forms of an item's mark: the one home for how offices write an item's number.

An item's label (a number "2" or "2.1", a letter "a", a roman numeral "II")
is written with a closer after it, "2." "2)" "2/" "2 -" (a dash set off by a
space), or between brackets, "(2)". Vietnamese notices use all of them, and
text copied from a web page or a PDF may put the mark on a line of its own.
Every reader of marks (a line's mark, marks run on inside a line, a table's
number cell, where the body starts) builds its pattern with :func:`form`, so
that a form read in one place is read in all of them.
"""

from __future__ import annotations

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


def form(label: str, closers: str = CLOSERS, bare: bool = False) -> str:
    """A regex for a mark whose label matches ``label``, in every form.

    The match's groups: ``open`` (the opening bracket, None when the label is
    not bracketed), ``label`` and ``closer`` (None when bracketed, or when
    ``bare`` allows a label with no closer at all, as "2.1 Text" is written).
    """
    optional = "?" if bare else ""
    return rf"(?P<open>\()?(?P<label>{label})(?(open)\)|(?P<closer>{closers}){optional})"
