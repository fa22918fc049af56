"""Options and helpers shared by the commands that change files.

``done``, ``postpone``, ``add``, ``init``, ``log`` and the others take the
same task-id argument (with shell completion), day options and
``--no-commit``, and end their message the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from giaoban.cli.common import DataOption, TodayOption, parse_day, resolve_data_dir, resolve_now
from giaoban.cli.optionsets import option_set
from giaoban.lazy import lazy_import
from giaoban.model.text import fold, visible
from giaoban.store.loader import REGISTRY_FILE, load_ledger, load_registry, notice_files

if TYPE_CHECKING:
    from giaoban.edit.transaction import Saved

edits = lazy_import("giaoban.edit.operations")  # loaded when a command runs


def day_callback(value: str | None) -> str | None:
    if value:
        parse_day(value)
    return value


def optional_day(value: str | None) -> date | None:
    return parse_day(value) if value else None


def complete_task_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Task ids for shell completion; notice ids (with ``#``) until one notice is chosen."""
    try:
        data_dir = resolve_data_dir(ctx.params.get("data"))
        prefix = incomplete.split("#", 1)[0]
        files = [p for p in notice_files(data_dir) if p.stem.startswith(prefix)]
        if len(files) != 1 and "#" not in incomplete:
            return [f"{p.stem}#" for p in files][:200]
        ledger = load_ledger(data_dir, files).ledger
        return [t.id for t in ledger.tasks() if t.id.startswith(incomplete)][:200]
    except Exception:  # noqa: BLE001 - completion must never crash the shell
        return []


def complete_notice_id(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        data_dir = resolve_data_dir(ctx.params.get("data"))
        return [p.stem for p in notice_files(data_dir) if p.stem.startswith(incomplete)][:200]
    except Exception:  # noqa: BLE001 - as above
        return []


def complete_unit(ctx: typer.Context, incomplete: str) -> list[str]:
    """Unit and group names (and short names) matching what was typed, without diacritics."""
    try:
        registry = load_registry(resolve_data_dir(ctx.params.get("data")) / REGISTRY_FILE, [])
        wanted = fold(incomplete)
        names = registry.all_names()
        return [n for n in names if fold(n).startswith(wanted)][:200]
    except Exception:  # noqa: BLE001 - as above
        return []


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


def report_commit(saved: Saved, no_commit: bool) -> str:
    """The end of the message: the commit, or why there is none (problems on stderr)."""
    outcome = saved.commit
    if saved.cleared:
        names = ", ".join(str(p) for p in saved.cleared)
        print(
            f"giaoban: đã dọn {len(saved.cleared)} thư mục tạm còn sót từ một lệnh ghi bị ngắt"
            f" trước đó ({names}); các tệp dữ liệu không bị ảnh hưởng.",
            file=sys.stderr,
        )
    if outcome is not None and outcome.others:
        shown = ", ".join(visible(p) for p in outcome.others[:5])
        more = f" và {len(outcome.others) - 5} tệp khác" if len(outcome.others) > 5 else ""
        print(
            f"giaoban: lưu ý: {len(outcome.others)} tệp khác trong sổ có thay đổi chưa commit"
            f" ({shown}{more}); xem 'git status'.",
            file=sys.stderr,
        )
    if not saved.changed:
        return " (không có thay đổi)"
    if outcome is None:
        return " (không commit)" if no_commit else ""
    if outcome.committed:
        return f" — commit {outcome.short}"
    print(f"giaoban: cảnh báo: {outcome.problem}", file=sys.stderr)
    return " (chưa commit, xem cảnh báo)"


def exit_if_uncommitted(saved: Saved) -> None:
    """Exit 1 when the file changed but git refused the commit."""
    if saved.commit is not None and not saved.commit.committed:
        raise typer.Exit(code=1)
