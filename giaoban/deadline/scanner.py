"""A list of patterns tried in order at each place of a text, split by first character.

The lexicon's patterns could be joined into one regular expression
``p1|p2|...`` and run with ``finditer``; Python's ``re`` then tries every
pattern at every place, and most of them fail on their first character.
:class:`Scanner` finds the same matches, but at each place it runs only the
patterns that can begin with the character found there (worked out once per
character from the parsed patterns, and kept). Patterns keep their order, so
the first that matches wins, as in the joined expression.

What a pattern can begin with is worked out generously: where it is not
plain (a back reference, a flag, an unknown construct), any character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

try:  # the parser of the re module: re._parser from Python 3.11, sre_parse before
    from re import _parser as _sre  # type: ignore[attr-defined, unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

_CHARS_KEPT = 4096  # characters whose patterns are kept before the table starts again


class Scanner:
    """Patterns tried in order at each place of a text: ``finditer`` of ``p1|p2|...``."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._patterns = tuple(patterns)
        self._parsed: list[Any] | None = None  # parsed on first use: importing stays cheap
        self._names: list[tuple[str, ...]] | None = None
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_choice: dict[tuple[int, ...], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Each match in order, with the index of its pattern, as ``finditer`` finds them.

        After a match the next is looked for where it ends; where no pattern
        matches, one character further on.
        """
        place, end = 0, len(text)
        while place < end:
            pattern = self._for(text[place])
            found = pattern.match(text, place) if pattern is not None else None
            if found is None:
                place += 1
                continue
            yield int(found.lastgroup[1:]), found  # type: ignore[index]
            place = found.end()

    def names(self, index: int) -> tuple[str, ...]:
        """The names of the groups of pattern ``index``, in the order they open."""
        if self._names is None:
            found = [tree.state.groupdict for tree in self._parse()]
            self._names = [tuple(sorted(g, key=g.__getitem__)) for g in found]
        return self._names[index]

    def _for(self, char: str) -> re.Pattern[str] | None:
        """The patterns that can begin with ``char``, joined in order (None: no pattern)."""
        try:
            return self._by_char[char]
        except KeyError:
            pass
        if len(self._by_char) >= _CHARS_KEPT:
            self._by_char.clear()
        chosen = tuple(i for i, parsed in enumerate(self._parse()) if _begins(parsed, char)[0])
        joined = self._by_choice.get(chosen)
        if joined is None and chosen:
            joined = re.compile("|".join(f"(?P<_{i}>{self._patterns[i]})" for i in chosen))
            self._by_choice[chosen] = joined
        self._by_char[char] = joined
        return joined

    def _parse(self) -> list[Any]:
        if self._parsed is None:
            parsed = [_sre.parse(p) for p in self._patterns]
            for pattern, tree in zip(self._patterns, parsed, strict=True):
                if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
                    raise ValueError(f"pattern with flags the scanner does not read: {pattern}")
                if _begins(tree, None)[1]:  # finditer's rule for empty matches is not kept
                    raise ValueError(f"pattern that can match nothing: {pattern}")
            self._parsed = parsed
        return self._parsed


def _begins(sequence: Any, char: str | None) -> tuple[bool, bool]:
    """Whether a match of the parsed ``sequence`` can begin with ``char``, and whether it can
    be empty (then what follows it can begin the match). With ``char`` None, only whether
    it can be empty."""
    for op, arg in sequence:
        can, empty = _item(str(op), arg, char)
        if can:
            return True, False
        if not empty:
            return False, False
    return False, True


def _item(op: str, arg: Any, char: str | None) -> tuple[bool, bool]:
    if op in ("LITERAL", "NOT_LITERAL", "IN"):  # one character
        if char is None:
            return False, False
        if op == "IN":
            return _in_class(arg, char), False
        return (chr(arg) == char) == (op == "LITERAL"), False
    if op == "BRANCH":
        each = [_begins(branch, char) for branch in arg[1]]
        return any(can for can, _ in each), any(empty for _, empty in each)
    if op == "SUBPATTERN":
        _, add_flags, del_flags, inner = arg
        return _begins(inner, char) if not (add_flags or del_flags) else (char is not None, True)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, inner = arg
        can, empty = _begins(inner, char)
        return can, empty or low == 0
    if op == "ATOMIC_GROUP":
        return _begins(arg, char)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):  # they match no character: what follows begins
        return False, True
    return char is not None, True  # ANY, a back reference, anything else: any, maybe none


def _in_class(items: Any, char: str) -> bool:
    """Whether ``char`` is in a parsed character class (``[...]``, ``\\w``, ``\\d``)."""
    negated, inside = False, False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            inside = inside or chr(arg) == char
        elif name == "RANGE":
            inside = inside or arg[0] <= ord(char) <= arg[1]
        elif name == "CATEGORY":
            inside = inside or _in_category(str(arg), char)
        else:
            return True
    return inside != negated


def _in_category(name: str, char: str) -> bool:
    """``\\d``, ``\\w``, ``\\s`` and their negations, with the Unicode meaning ``re`` gives
    them in a pattern of ``str``."""
    if "DIGIT" in name:
        inside = char.isdecimal()
    elif "WORD" in name:
        inside = char.isalnum() or char == "_"
    elif "SPACE" in name:
        inside = char.isspace()
    else:
        return True
    return inside != ("NOT_" in name)
