"""Many ledgers read as one: a central office reading each province's clone.

Each ledger gets a name (its folder's name, or the name of the folder above
a folder called ``data``) and every notice id is prefixed with it,
``hanoi/2022-04-14-giao-ban#6.2``, so ids stay unique across ledgers and
prefix matching still works. Reports, statistics and the export then run on
the merged ledger as on any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from giaoban.model.ledger import Ledger, Notice
from giaoban.model.settings import Settings
from giaoban.model.units import Registry


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


def merge_ledgers(
    ledgers: Sequence[Ledger], names: Sequence[str], settings: Settings | None = None
) -> Ledger:
    """One ledger holding every notice of ``ledgers``, ids prefixed by ``names``.

    A single ledger is kept as it is (no prefix). ``settings`` frame the reports over
    them (the office's whose reports they are: a central folder's even when it holds no
    notice); by default the first ledger's. Each notice's deadlines were read with its own
    ledger's settings. The unit registries are joined (the first definition of a name
    wins).
    """
    if len(ledgers) == 1:
        only = ledgers[0]
        return only if settings in (None, only.settings) else replace(only, settings=settings)
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
        settings=ledgers[0].settings if settings is None else settings,
    )
