"""Shell completion of ids and unit names, for every command that takes one.

Ids are completed from the file names of the notices (a notice's tasks once
one notice is chosen); unit names from the registry, matched on their fold:
"van" completes to "Văn phòng Trung ương Đoàn" and "vp" to "VP". Completion
must never crash the shell: any failure completes to nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from giaoban.cli.common import resolve_data_dirs
from giaoban.model.text import fold
from giaoban.store.ledgers import unique_names
from giaoban.store.loader import REGISTRY_FILE, load_ledger, load_registry, notice_files

MAX_COMPLETIONS = 200  # a shell shows no more usefully


class Folded(str):
    """A completion found on the fold of what was typed ("van" → "Văn phòng ...").

    typer keeps only the completions that start with the typed text as it is
    (case and diacritics included), which would drop every match made on the
    fold; such a completion says it starts with what was typed, as it does once
    both are folded.
    """

    __slots__ = ()

    def startswith(self, prefix: Any, *args: Any) -> bool:
        return True


def _folders(ctx: typer.Context) -> list[tuple[str, Path]]:
    """(id prefix, data folder) of each ``--data``: several ledgers prefix their ids
    with their names ("hanoi/2022-04-14-..."), as the reports do."""
    folders = resolve_data_dirs(ctx.params.get("data"))
    if len(folders) == 1:
        return [("", folders[0])]
    return [
        (f"{name}/", folder) for name, folder in zip(unique_names(folders), folders, strict=True)
    ]


def _notice_ids(ctx: typer.Context, prefix: str) -> list[tuple[str, Path, Path]]:
    """(notice id, its folder, its file) of the notices whose id starts with ``prefix``."""
    found = []
    for name, folder in _folders(ctx):
        for path in notice_files(folder):
            notice_id = f"{name}{path.stem}"
            if notice_id.startswith(prefix):
                found.append((notice_id, folder, path))
    return found


def _task_ids(found: tuple[str, Path, Path], incomplete: str) -> list[str]:
    notice_id, folder, path = found
    ledger = load_ledger(folder, [path]).ledger
    name = notice_id[: len(notice_id) - len(path.stem)]
    return [f"{name}{t.id}" for t in ledger.tasks() if f"{name}{t.id}".startswith(incomplete)]


def complete_task_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Task ids for shell completion; notice ids (with ``#``) until one notice is chosen."""
    try:
        found = _notice_ids(ctx, incomplete.split("#", 1)[0])
        if len(found) != 1 and "#" not in incomplete:
            return [f"{notice_id}#" for notice_id, _, _ in found][:MAX_COMPLETIONS]
        return [i for f in found for i in _task_ids(f, incomplete)][:MAX_COMPLETIONS]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_notice_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Notice ids starting with what was typed."""
    try:
        return [notice_id for notice_id, _, _ in _notice_ids(ctx, incomplete)][:MAX_COMPLETIONS]
    except Exception:  # noqa: BLE001 - as above
        return []


def complete_notice_or_task_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """A notice id or a task id (``show``, ``edit``, ``log``): the notices, and once one
    notice is chosen, it and its tasks."""
    try:
        found = _notice_ids(ctx, incomplete.split("#", 1)[0])
        if "#" in incomplete:
            return [i for f in found for i in _task_ids(f, incomplete)][:MAX_COMPLETIONS]
        if len(found) == 1:
            return [found[0][0], *_task_ids(found[0], incomplete)][:MAX_COMPLETIONS]
        return [notice_id for notice_id, _, _ in found][:MAX_COMPLETIONS]
    except Exception:  # noqa: BLE001 - as above
        return []


def complete_unit(ctx: typer.Context, incomplete: str) -> list[str]:
    """Unit and group names (full, short, other) whose fold starts with the fold of what
    was typed, from the registry of each data folder."""
    try:
        wanted = fold(incomplete)
        names: dict[str, None] = {}
        for folder in resolve_data_dirs(ctx.params.get("data")):
            names |= dict.fromkeys(load_registry(folder / REGISTRY_FILE, []).all_names())
        found: list[str] = [Folded(n) for n in names if fold(n).startswith(wanted)]
        return found[:MAX_COMPLETIONS]
    except Exception:  # noqa: BLE001 - as above
        return []
