"""Problems found in one text of a notice, named at the same places in another text of it.

A refused change names each problem where the clerk can find it: in the clerk's own
file that ``add --from-file`` rewrote (``giaoban.edit.fromfile``), in the draft kept of a
new notice, or in the file as it is on disk when an edit of it is refused
(``giaoban.edit.transaction.save_change``), never at a line of a text that was not written.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from pathlib import Path

from giaoban.model.problems import Problem, Source
from giaoban.model.text import nfc
from giaoban.store.yamlsafe import Document, Position, YamlPath, parse_text


def in_source(
    problems: Sequence[Problem], target: Path, written: str, source: str, shown: str
) -> tuple[Problem, ...]:
    """``problems`` found in ``written`` (the notice as it would be written at ``target``)
    located in ``source`` (the clerk's file, a kept draft, or the file as it is before an
    edit) named ``shown``, at its own lines and columns.

    A position is mapped through the document: the value or key of the same path in
    both texts (so an added ``id`` line, or a JSON file rebuilt in giaoban's layout,
    moves nothing); a place between values keeps its distance from the one before it.
    A position in a part ``source`` lacks (a task's ``status`` that ``add`` added, the
    ``done_on`` or the note an edit would add) is that of its nearest parent there.
    Problems of other files are kept as they are.
    """
    after, _ = parse_text(written, str(target))
    before, _ = parse_text(nfc(source), shown)
    if after is None or before is None:  # pragma: no cover - both were read to get here
        return tuple(_renamed(p, target, Source(shown)) for p in problems)
    anchors = _anchors(after)
    return tuple(_renamed(p, target, _mapped(p.source, anchors, before)) for p in problems)


_Anchor = tuple[Position, bool, YamlPath]  # where, whether a key, the path


def _anchors(document: Document) -> list[_Anchor]:
    """Every value's and key's position in ``document``, in order."""
    values = [(pos, False, path) for path, pos in document.positions.items()]
    keys = [(pos, True, path) for path, pos in document.key_positions.items()]
    return sorted([*values, *keys], key=lambda a: a[0])


def _mapped(place: Source, anchors: list[_Anchor], before: Document) -> Source:
    at = (place.line, place.column)
    i = bisect.bisect_right([a[0] for a in anchors], at) - 1
    if i < 0:
        return Source(before.path, *at)
    (line, column), is_key, path = anchors[i]
    found = before.key_positions.get(path) if is_key else before.positions.get(path)
    there = found or before.position(path[:-1] if is_key else path)
    if (line, column) == at or found is None:
        return Source(before.path, *there)
    if line == place.line:
        return Source(before.path, there[0], there[1] + place.column - column)
    return Source(before.path, there[0] + place.line - line, place.column)


def _renamed(problem: Problem, target: Path, where: Source) -> Problem:
    if problem.source.path != str(target):
        return problem
    return dataclasses.replace(problem, source=where)
