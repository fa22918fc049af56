"""Options and helpers shared by the commands that change files.

``done``, ``postpone``, ``add``, ``init``, ``log`` and the others take the
same task-id argument (with shell completion), day options and
``--no-commit``, and end their message the same way.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from giaoban.cli.common import DataOption, TodayOption, parse_day, resolve_now
from giaoban.cli.completion import complete_notice_id as complete_notice_id  # re-exported
from giaoban.cli.completion import complete_task_id
from giaoban.cli.completion import complete_unit as complete_unit  # re-exported
from giaoban.cli.optionsets import option_set
from giaoban.lazy import lazy_import
from giaoban.model.problems import place
from giaoban.model.text import visible
from giaoban.store.loader import REGISTRY_FILE, load_registry

if TYPE_CHECKING:
    from giaoban.edit.transaction import Saved
    from giaoban.history.git import CommitOutcome

edits = lazy_import("giaoban.edit.operations")  # loaded when a command runs


def day_callback(value: str | None) -> str | None:
    if value:
        parse_day(value)
    return value


def optional_day(value: str | None) -> date | None:
    return parse_day(value) if value else None


TaskArg = Annotated[
    str,
    typer.Argument(
        help="Mã nhiệm vụ MÃ_THÔNG_BÁO#MỤC; phần mã thông báo có thể viết tắt phần đầu.",
        autocompletion=complete_task_id,
    ),
]
NoCommitOption = Annotated[
    bool, typer.Option("--no-commit", help="Chỉ ghi tệp, không commit vào git.")
]


@option_set
@dataclass(frozen=True)
class Change:
    """Where a change is made, on which day, and whether it is committed."""

    data: DataOption = None
    today: TodayOption = None
    no_commit: NoCommitOption = False


@option_set
@dataclass(frozen=True)
class Commit:
    """Where a change is made, and whether it is committed."""

    data: DataOption = None
    no_commit: NoCommitOption = False


OnOption = Annotated[
    str | None,
    typer.Option(
        "--on", help="Ngày ghi nhận (dd/mm/yyyy); mặc định hôm nay.", callback=day_callback
    ),
]
OccurrenceOption = Annotated[
    str | None,
    typer.Option(
        "--occurrence",
        help="Nhiệm vụ định kỳ: lần nào (dd/mm/yyyy); mặc định lần sớm nhất chưa xong.",
        callback=day_callback,
    ),
]
RecordedOccurrenceOption = Annotated[
    str | None,
    typer.Option(
        "--occurrence",
        help="Nhiệm vụ định kỳ: bỏ ghi lần nào (dd/mm/yyyy); mặc định lần ghi hoàn thành gần nhất.",
        callback=day_callback,
    ),
]


def office_today(data_dir: Path, today: str | None) -> date:
    return resolve_now(today, edits.office_settings(data_dir).timezone).date()


def task_units(tasks: Any) -> list[str]:
    """The unit names in the ``owners`` and ``supports`` of ``tasks`` (as a file or the
    flags give them: a list of names, or one name)."""
    tasks = tasks if isinstance(tasks, list) else []
    return [name for task in tasks for _, names in _unit_lists(task) for name in names]


_UNIT_KEYS = ("owners", "supports")
_UNIT_LABELS = {"owners": "chủ trì", "supports": "phối hợp"}


def _unit_lists(task: Any) -> list[tuple[str, list[str]]]:
    """A task's ``owners`` and ``supports`` as a file or the flags give them (a list of
    names, or one name), each a list of its names."""
    lists = []
    for key in _UNIT_KEYS:
        value = task.get(key) if isinstance(task, dict) else None
        values = [value] if isinstance(value, str) else value
        lists.append(
            (key, [n for n in values if isinstance(n, str)] if isinstance(values, list) else [])
        )
    return lists


def warn_repeated_units(data_dir: Path, tasks: Any) -> None:
    """A warning on stderr for each unit a task of a clerk's file names twice (by two of
    its names: "VP" and "Văn phòng Trung ương Đoàn"); the file is still written as the
    clerk wrote it (``add --from-file`` keeps it so), and ``check`` warns for it too."""
    registry = load_registry(data_dir / REGISTRY_FILE, [])
    for task in tasks if isinstance(tasks, list) else ():
        lists = _unit_lists(task)
        for repeat in registry.repeats(lists):
            first = dict(lists)[repeat.first[0]][repeat.first[1]]
            said = (
                f"⚠ nhiệm vụ {task.get('item')}: '{repeat.name}' "
                f"({place((repeat.key, repeat.index))}) là cùng đơn vị với '{first}' "
                f"({place(repeat.first)})"
            )
            typer.echo(visible(said), err=True)
            typer.echo("  Tệp vẫn được ghi như đã viết; bỏ tên thừa trong tệp nếu muốn.", err=True)


def units_once(data_dir: Path, task: dict[str, Any], where: str) -> dict[str, Any]:
    """``task`` (from flags) with each unit written once: a unit named twice (by two of
    its names) is kept at its first name, and a support that is already an owner is
    left out, each with a line on stderr, as the questions of ``add`` do."""
    registry = load_registry(data_dir / REGISTRY_FILE, [])
    lists = _unit_lists(task)
    kept, repeats = registry.named_once(lists)
    for repeat in repeats:
        first = dict(lists)[repeat.first[0]][repeat.first[1]]
        label = _UNIT_LABELS[repeat.key]
        if repeat.first[0] == repeat.key:
            why = f"cùng đơn vị với '{first}', đã ghi ở trên"
        else:
            why = f"đã là đơn vị {_UNIT_LABELS[repeat.first[0]]} ('{first}')"
        typer.echo(visible(f"Bỏ '{repeat.name}' ({label}, {where}): {why}."), err=True)
    if not repeats:
        return task
    return {**task, **{k: v or None for k, v in kept.items() if task.get(k) is not None}}


def warn_unknown_section(section: str, numbers: list[str]) -> None:
    """A warning on stderr for a ``--section`` the notice's ``sections`` do not have; the
    task is still written with it, as ``check`` only warns for it too."""
    known = ", ".join(numbers) if numbers else "thông báo chưa ghi phần nào"
    typer.echo(
        visible(f"⚠ phần '{section}' chưa có trong 'sections' của thông báo ({known})"), err=True
    )
    typer.echo("  Phần vẫn được ghi như đã nhập.", err=True)


# The warnings of ``check`` that ``add`` and ``task add`` give in their own words before
# they write (``warn_unknown_units``, ``units_once``, ``warn_repeated_units``,
# ``warn_unknown_section``): ``warn_written`` does not give them twice.
SAID_BEFORE = frozenset({"unknown-unit", "duplicate-owner", "unknown-section"})


def warn_written(saved: Saved) -> None:
    """Each warning ``check`` gives of the file a command just wrote that it did not give
    before (a deadline before its notice, a pinned phrase, ...), on stderr as ``check``
    writes it, but those the command said above in its own words (``SAID_BEFORE``)."""
    for problem in saved.warnings:
        if problem.source.path == str(saved.path) and problem.code not in SAID_BEFORE:
            typer.echo(visible(str(problem)), err=True)


def warn_unknown_units(data_dir: Path, names: Iterable[str]) -> None:
    """A warning on stderr for each name the registry does not know, with the nearest
    registered name (else the registry's units by short name) and how to add it.

    The name is still written as typed: an office may name a unit before it is in
    ``units.yaml``, and ``check`` only warns for it too. Without a registry nothing
    is said here (``check`` says the registry is missing).
    """
    path = data_dir / REGISTRY_FILE
    registry = load_registry(path, [])
    if not registry.present:
        return
    for name in dict.fromkeys(n for n in names if n.strip() and not registry.is_known(n)):
        nearest = registry.nearest(name)
        shorts = registry.short_names()
        if nearest is not None:
            hint = f"có phải '{nearest}'?"
        elif shorts:
            hint = "các đơn vị trong danh mục (tên tắt): " + ", ".join(shorts)
        else:
            hint = "danh mục chưa có đơn vị nào"
        typer.echo(visible(f"⚠ đơn vị '{name}' chưa có trong danh mục; {hint}"), err=True)
        typer.echo(
            visible(
                f"  Tên vẫn được ghi như đã nhập. Nếu là đơn vị mới, thêm vào {path}, "
                f"dưới 'units', dòng:  - name: {name}"
            ),
            err=True,
        )


def report_commit(saved: Saved, no_commit: bool) -> str:
    """The end of the message: the commit, or why there is none (problems on stderr, the
    warning that explains a failed commit before the notes on the other files)."""
    outcome = saved.commit
    if saved.cleared:
        names = ", ".join(str(p) for p in saved.cleared)
        print(
            f"giaoban: đã dọn {len(saved.cleared)} thư mục tạm còn sót từ một lệnh ghi bị ngắt"
            f" trước đó ({names}); các tệp dữ liệu không bị ảnh hưởng.",
            file=sys.stderr,
        )
    if saved.locks:
        print(
            f"giaoban: lưu ý: còn {len(saved.locks)} tệp khóa git do một lệnh git/giaoban bị"
            " ngắt để lại; chúng không cản lệnh này. Nếu không còn lệnh git nào đang chạy,"
            " hãy xóa:",
            *(f"  rm {shlex.quote(str(lock))}" for lock in saved.locks),
            sep="\n",
            file=sys.stderr,
        )
    if saved.changed and outcome is not None and not outcome.committed:
        print(f"giaoban: cảnh báo: {outcome.problem}", file=sys.stderr)
    _report_others(outcome)
    if not saved.changed:
        return " (không có thay đổi)"
    if outcome is None:
        return " (không commit)" if no_commit else ""
    return f" — commit {outcome.short}" if outcome.committed else " (chưa commit, xem cảnh báo)"


def _report_others(outcome: CommitOutcome | None) -> None:
    """Name the other files of the ledger left with uncommitted changes (or say that git
    could not tell)."""
    if outcome is not None and outcome.others:
        shown = ", ".join(visible(p) for p in outcome.others[:5])
        more = f" và {len(outcome.others) - 5} tệp khác" if len(outcome.others) > 5 else ""
        print(
            f"giaoban: lưu ý: {len(outcome.others)} tệp khác trong sổ có thay đổi chưa commit"
            f" ({shown}{more}); xem 'git status'.",
            file=sys.stderr,
        )
    if outcome is not None and outcome.others_unknown is not None:
        said = visible(outcome.others_unknown.splitlines()[0])
        print(
            "giaoban: lưu ý: git không cho biết các tệp khác trong sổ có thay đổi chưa commit"
            f" hay không (git status lỗi: {said}); xem 'git status'.",
            file=sys.stderr,
        )


def exit_if_uncommitted(saved: Saved) -> None:
    """Exit 1 when the file changed but git refused the commit."""
    if saved.commit is not None and not saved.commit.committed:
        raise typer.Exit(code=1)


def say_saved(what: str, saved: Saved, no_commit: bool) -> None:
    """Print ``what`` was recorded, then its commit (or why there is none); exit 1 when
    the file changed but git refused the commit."""
    typer.echo(f"{what}{report_commit(saved, no_commit)}")
    exit_if_uncommitted(saved)
