"""The tokens of a deadline phrase, and the numbers, weekdays and clock times they hold.

Made by :mod:`giaoban.deadline.lexer`, reworked by :mod:`giaoban.deadline.passes`,
read by the grammar's builders (:mod:`giaoban.deadline.build`).
"""

from __future__ import annotations

from typing import NamedTuple

from giaoban.deadline import values as v
from giaoban.deadline.lexicon import NUMBER_WORDS, WEEKDAY_WORDS

_NO_PARTS: dict[str, str] = {}  # shared by the tokens that have none: never changed


class Tok(NamedTuple):
    """One token: its terminal, its parts, and where it stands in the phrase.

    A named tuple, not a frozen dataclass: a phrase makes dozens of tokens,
    and a tuple is made several times faster. Its parts are never changed.
    """

    type: str
    start: int
    end: int
    parts: dict[str, str] = _NO_PARTS
    remark: bool = False  # inside brackets: a remark the reading may leave out

    def get(self, name: str) -> str | None:
        return self.parts.get(name)

    def retyped(self, kind: str) -> Tok:
        return Tok(kind, self.start, self.end, self.parts, self.remark)


def number(tok: Tok) -> int:
    """The value of a ``NUM`` token, written in digits or in words."""
    digits = tok.get("n") or tok.get("nhi")  # "3 - 5 ngày": the upper end
    if digits is not None:
        return int(digits)
    return words_value(tok.get("nw") or "")


def words_value(words: str) -> int:
    """ "năm" 5, "mười lăm" 15, "hai mươi" 20, "bốn mươi lăm" 45."""
    total, current = 0, 0
    for word in words.split():
        value = NUMBER_WORDS[word]
        if value == 10:
            current = (current or 1) * 10
        else:
            current += value
    return total + current


def count(tok: Tok, name: str) -> int | None:
    """A part of ``tok`` that counts ("2", "hai"), or None when it is not there."""
    written = tok.get(name)
    if written is None:
        return None
    return int(written) if written.isdigit() else words_value(written)


def weekday_number(t: Tok) -> int:
    """The day of the week a ``WEEKDAY`` token names (0 Monday, 6 Sunday: "thứ 2", "thứ Sáu",
    "T7", "Chủ nhật", "CN")."""
    if t.get("cn"):
        return 6
    word = t.get("wd") or t.get("wt")
    assert word is not None
    return int(word) - 2 if word.isdigit() else WEEKDAY_WORDS[word]


def clock_value(t: Tok) -> v.Clock | None:
    """The clock time a ``TIME`` token names ("14:00", "14h", "2 giờ chiều"; "24 giờ" is
    midnight, the start of the next day), or None when there is no such time ("25:00")."""
    hour = int(t.get("h") or t.get("ch") or 0)
    minute = 30 if t.get("half") else int(t.get("min") or t.get("cm") or 0)
    part = t.get("tpart") or t.get("cpart")  # after the hour, or after "h:mm"
    if part in ("chieu", "toi") and hour < 12 or part == "trua" and hour < 11:
        hour += 12
    elif part in ("sang", "dem") and hour == 12:
        hour = 0
    if hour == 24 and minute == 0:
        return v.Clock(0, 0, next_day=True)
    if hour > 23 or minute > 59:
        return None
    return v.Clock(hour, minute)
