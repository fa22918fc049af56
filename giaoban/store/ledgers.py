"""Many ledgers read as one: a central office reading each province's clone.

Each ledger gets a name (its folder's name, or the name of the folder above
a folder called ``data``) and every notice id is prefixed with it,
``hanoi/2022-04-14-giao-ban#6.2``, so ids stay unique across ledgers and
prefix matching still works. Reports, statistics and the export then run on
the merged ledger as on any other.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from giaoban.model.ledger import Ledger, Notice
from giaoban.model.units import Registry
from giaoban.reports.agenda import Agenda
from giaoban.store.lazynotices import LazyNotices


def ledger_name(folder: Path) -> str:
    """The short name a ledger is known by: "hanoi" for ``hanoi/data`` or ``hanoi``."""
    resolved = folder.resolve()
    if resolved.name == "data" and resolved.parent.name:
        return resolved.parent.name
    return resolved.name or "data"


def unique_names(folders: Sequence[Path]) -> list[str]:
    """A distinct name per folder; a repeated name gets "-2", "-3", ..."""
    names: list[str] = []
    for folder in folders:
        base = ledger_name(folder)
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}-{n}"
        names.append(name)
    return names


def _prefixed(notice: Notice, name: str) -> Notice:
    notice_id = f"{name}/{notice.id}"
    tasks = tuple(replace(task, notice_id=notice_id) for task in notice.tasks)
    return replace(notice, id=notice_id, tasks=tasks)


def _merged_registry(registries: Sequence[Registry]) -> Registry:
    units, groups, seen = [], [], set()
    for registry in registries:
        for unit in registry.units:
            if ("unit", unit.name) not in seen:
                seen.add(("unit", unit.name))
                units.append(unit)
        for group in registry.groups:
            if ("group", group.name) not in seen:
                seen.add(("group", group.name))
                groups.append(group)
    present = any(r.present for r in registries)
    return Registry(tuple(units), tuple(groups), present=present)


def merge_ledgers(ledgers: Sequence[Ledger], names: Sequence[str]) -> Ledger:
    """One ledger holding every notice of ``ledgers``, ids prefixed by ``names``.

    A single ledger is returned as it is (no prefix). The settings are the
    first ledger's; the unit registries are joined (the first definition of a
    name wins).
    """
    if len(ledgers) == 1:
        return ledgers[0]
    if all(isinstance(ledger.notices, LazyNotices) for ledger in ledgers):
        return _merged_lazily(ledgers, names)
    notices = [
        _prefixed(notice, name)
        for ledger, name in zip(ledgers, names, strict=True)
        for notice in ledger.notices
    ]
    notices.sort(key=lambda n: (n.date, n.id))
    return Ledger(
        root=", ".join(ledger.root for ledger in ledgers),
        notices=tuple(notices),
        registry=_merged_registry([ledger.registry for ledger in ledgers]),
        settings=ledgers[0].settings,
    )


def _merged_lazily(ledgers: Sequence[Ledger], names: Sequence[str]) -> Ledger:
    """``merge_ledgers`` of ledgers read from the cache: records read when looked at,
    the agenda made from each notice's facts (the records are not read for it)."""
    parts: list[LazyNotices] = [ledger.notices for ledger in ledgers]  # type: ignore[misc]
    if any(part.keys is None or part.facts is None for part in parts):
        return merge_ledgers(
            [replace(ledger, notices=tuple(ledger.notices)) for ledger in ledgers], names
        )
    found = [
        ((day, f"{name}/{notice_id}"), li, n)
        for li, (part, name) in enumerate(zip(parts, names, strict=True))
        for n, (day, notice_id) in enumerate(part.keys)  # type: ignore[arg-type]
    ]
    found.sort(key=lambda entry: entry[0])
    place = [(li, n) for _, li, n in found]
    paths = [parts[li].paths[n] for li, n in place]

    def read(i: int) -> Notice:
        li, n = place[i]
        return _prefixed(parts[li][n], names[li])

    @functools.cache  # made when first asked
    def agenda() -> Agenda | None:
        every = [part.facts() for part in parts]  # type: ignore[misc]
        facts = [every[li][n] for li, n in place]
        if any(f is None for f in facts):
            return None
        return Agenda(facts, paths, [key[1] for key, _, _ in found])  # type: ignore[arg-type]

    keys = [key for key, _, _ in found]
    return Ledger(
        root=", ".join(ledger.root for ledger in ledgers),
        notices=LazyNotices(paths, read, keys=keys),
        registry=_merged_registry([ledger.registry for ledger in ledgers]),
        settings=ledgers[0].settings,
        agenda=agenda,
    )
