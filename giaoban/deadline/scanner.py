"""A list of patterns tried in order at each place of a text, sorted out by what stands there.

The lexicon's patterns could be joined into one regular expression
``p1|p2|...`` and run with ``finditer``; Python's ``re`` then tries every
pattern at every place, and most of them fail on their first characters.
:class:`Scanner` finds the same matches, but at each place it runs only the
patterns that can begin with the one, two or three characters found there
(worked out from the parsed patterns the first time those characters are
met, and kept: "thá" leaves out the patterns of "thứ", "ngà" those of
"ngay"). Patterns keep their order, so the first that matches wins, as in the
joined expression.

What a pattern can begin with is worked out generously: where it is not
plain (a back reference, a flag, an unknown construct), anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

try:  # the parser of the re module: re._parser from Python 3.11, sre_parse before
    from re import _parser as _sre  # type: ignore[attr-defined, unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

Matcher = Callable[[str, int], "re.Match[str] | None"]
Choice = tuple[tuple[int, Matcher], ...]  # patterns to try, in order, with their indexes
_KEPT = 1 << 14  # beginnings whose patterns are kept before the table starts again
_FEW = 4  # so few patterns begin so that the next character is not looked at
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


class Scanner:
    """Patterns tried in order at each place of a text: ``finditer`` of ``p1|p2|...``."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._patterns = tuple(patterns)
        self._compiled: list[re.Pattern[str]] | None = None  # on first use: imports stay cheap
        self._parsed: list[list[Node]] = []
        self._names: list[tuple[str, ...]] = []
        self._by_start: dict[str, Choice] = {}  # by the one to three characters a match begins
        self._reached: dict[tuple[int, str], list[Reached]] = {}

    def matches(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """Each match in order, with the index of its pattern, as ``finditer`` finds them
        (a list, made in one loop, without a generator's steps).

        At each place the first pattern that matches wins; the next match is
        looked for where it ends. Where no pattern matches, one character
        further on.
        """
        found: list[tuple[int, re.Match[str]]] = []
        place, end = 0, len(text)
        by_start = self._by_start
        while place < end:
            begun = text[place : place + 3]
            choice = by_start.get(begun)
            if choice is None:
                choice = self._choice(begun)
            for index, match in choice:
                m = match(text, place)
                if m is not None:
                    found.append((index, m))
                    place = m.end()
                    break
            else:
                place += 1
        return found

    def names(self, index: int) -> tuple[str, ...]:
        """The names of the groups of pattern ``index``, in the order they open."""
        self._compile()
        return self._names[index]

    def _choice(self, begun: str) -> Choice:
        """The patterns whose match can begin with ``begun`` (one to three characters, or
        fewer at the end of a text; or with its first characters, and end there): those of
        its first characters that can read on with its last one. Where so few begin with
        the first ones, the next character is not looked at, but after a space it is."""
        chosen = self._by_start.get(begun)
        if chosen is not None:
            return chosen
        if len(begun) == 1:
            compiled = self._compile()
            chosen = tuple((i, c.match) for i, c in enumerate(compiled) if self._reach(i, begun))
        else:
            chosen = self._choice(begun[:-1])
            # a space is a third of the places of a phrase, where most often nothing begins
            if len(chosen) > _FEW or begun[0].isspace():
                chosen = tuple((i, m) for i, m in chosen if self._reach(i, begun))
        if len(self._by_start) >= _KEPT:
            self._by_start.clear()
        self._by_start[begun] = chosen
        return chosen

    def _reach(self, index: int, begun: str) -> list[Reached]:
        """Where a match of pattern ``index`` can stand once it has read ``begun`` (one to
        three characters), worked out from where it stood one character before; kept for
        one or two, so that the next character is looked at from there. Empty: no match
        begins so."""
        found = self._reached.get((index, begun))
        if found is None:
            if len(begun) == 1:
                found = _after(self._parsed[index], begun)
            else:
                found = _read_on(self._reach(index, begun[:-1]), begun[-1])
            # a pattern that cannot begin so is not asked about again; three characters
            # are asked about once, their choice kept by ``_choice``
            if found and len(begun) < 3:
                if len(self._reached) >= 4 * _KEPT:  # a pair's patterns each have some
                    self._reached.clear()
                self._reached[(index, begun)] = found
        return found

    def _compile(self) -> list[re.Pattern[str]]:
        if self._compiled is None:
            compiled = [re.compile(p) for p in self._patterns]
            parsed = [_sre.parse(p) for p in self._patterns]
            plain = [_plain(tree) for tree in parsed]
            for pattern, tree, nodes in zip(self._patterns, parsed, plain, strict=True):
                if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
                    raise ValueError(f"pattern with flags the scanner does not read: {pattern}")
                if _can_be_empty(nodes):  # finditer's rule for empty matches is not kept
                    raise ValueError(f"pattern that can match nothing: {pattern}")
            groups = [c.groupindex for c in compiled]
            self._names = [tuple(sorted(g, key=g.__getitem__)) for g in groups]
            self._parsed = plain
            self._compiled = compiled
        return self._compiled


Node = tuple[str, Any]  # a parsed pattern's part, plain: (kind, what it holds)


def _plain(parsed: Any) -> list[Node]:
    """A parsed pattern (of ``re``'s parser) as plain lists, with only what the questions
    below need: characters, character classes, branches, groups, repeats, and parts that
    read no character."""
    out: list[Node] = []
    for op, arg in parsed:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            out.append((name, chr(arg)))
        elif name == "IN":
            out.append(
                (
                    name,
                    [
                        (str(kind), str(value) if str(kind) == "CATEGORY" else value)
                        for kind, value in arg
                    ],
                )
            )
        elif name == "ANY":
            out.append((name, None))
        elif name == "BRANCH":
            out.append((name, [_plain(branch) for branch in arg[1]]))
        elif name == "SUBPATTERN" and not (arg[1] or arg[2]):  # a group without flags
            out.append(("GROUP", _plain(arg[3])))
        elif name == "ATOMIC_GROUP":
            out.append(("GROUP", _plain(arg)))
        elif name in _REPEATS:
            low, high, inner = arg
            out.append(("REPEAT", (low, high, _plain(inner))))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            out.append(("NOTHING", None))  # reads no character: what follows begins
        else:
            out.append(("ANYTHING", None))  # a back reference, a flag, anything else
    return out


# What follows the nodes being read: the nodes of a list from an index on, then what follows
# those (None: the end of the pattern). A chain, so that no list is copied to be read on.
Then = tuple[list[Node], int, Any] | None
# Where a match stands after some characters: what it reads next, or None when it may have
# ended there or may read anything next (a generous answer: any character may follow).
Reached = tuple[list[Node], int, Then] | None
_ONE_CHAR = frozenset({"LITERAL", "NOT_LITERAL", "IN", "ANY"})


def _opens(nodes: list[Node], prefix: str) -> bool:
    """Whether a match of ``nodes`` can begin with ``prefix``, or end before all of it is
    read (then it may match there too)."""
    return bool(_after(nodes, prefix))


def _read_on(reached: list[Reached], char: str) -> list[Reached]:
    """Where matches that stood at ``reached`` can stand once they have read ``char``."""
    found: list[Reached] = []
    for where in reached:
        if where is None:
            return [None]
        nodes, at, then = where
        found += _after(nodes, char, at, then)
    return found


def _after(nodes: list[Node], prefix: str, at: int = 0, then: Then = None) -> list[Reached]:
    """Where a match of ``nodes`` (from ``at`` on, then ``then``) can stand once it has read
    ``prefix``: each place it may read on from, None where it may have ended or may read
    anything. Empty: no match begins with ``prefix``."""
    while prefix:
        if at == len(nodes):
            if then is None:
                return [None]  # ended before all of the prefix is read: it may match there
            nodes, at, then = then
            continue
        name, arg = nodes[at]
        at += 1
        if name in _ONE_CHAR:
            if not _one(name, arg, prefix[0]):
                return []
            prefix = prefix[1:]
        elif name == "BRANCH":
            after = (nodes, at, then)
            return [found for branch in arg for found in _after(branch, prefix, 0, after)]
        elif name == "GROUP":
            then = (nodes, at, then)
            nodes, at = arg, 0
        elif name == "REPEAT":
            low, high, inner = arg
            if _can_be_empty(inner):
                return [None]
            fewer: list[Node] = [("REPEAT", (max(low - 1, 0), high - 1, inner))]
            again = (fewer, 0, (nodes, at, then))  # once more, then the rest
            found = _after(nodes, prefix, at, then) if low == 0 else []
            if high > 0:
                found += _after(inner, prefix, 0, again)
            return found
        elif name != "NOTHING":
            return [None]  # ANYTHING
    return [(nodes, at, then)]


def _can_be_empty(nodes: list[Node]) -> bool:
    """Whether ``nodes`` can match without reading a character (generously)."""
    for name, arg in nodes:
        if name in ("LITERAL", "NOT_LITERAL", "IN", "ANY"):
            return False
        if name == "BRANCH" and not any(_can_be_empty(branch) for branch in arg):
            return False
        if name == "GROUP" and not _can_be_empty(arg):
            return False
        if name == "REPEAT" and arg[0] > 0 and not _can_be_empty(arg[2]):
            return False
    return True


def _one(name: str, arg: Any, char: str) -> bool:
    """Whether one character of the kind ``name`` (holding ``arg``) can be ``char``."""
    if name == "LITERAL":
        return arg == char
    if name == "NOT_LITERAL":
        return arg != char
    if name == "IN":
        return _in_class(arg, char)
    return True  # ANY


def _in_class(items: list[tuple[str, Any]], char: str) -> bool:
    """Whether ``char`` is in a character class (``[...]``, ``\\w``, ``\\d``)."""
    negated, inside = False, False
    for name, arg in items:
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            inside = inside or chr(arg) == char
        elif name == "RANGE":
            inside = inside or arg[0] <= ord(char) <= arg[1]
        elif name == "CATEGORY":
            inside = inside or _in_category(arg, char)
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
