"""Task commands: ``done``, ``reopen``, ``cancel``, ``postpone``, ``note``, ``edit``, ``task add``.

Each parses its options, calls one function of ``giaoban.edit.operations`` and prints
what was recorded and the commit (or why there is none).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from giaoban.cli.common import (
    confirm,
    handle_errors,
    resolve_data_dir,
)
from giaoban.cli.completion import complete_notice_id, complete_notice_or_task_id, complete_unit
from giaoban.cli.optionsets import with_options
from giaoban.cli.taskopts import (
    Change,
    Commit,
    OccurrenceOption,
    OnOption,
    RecordedOccurrenceOption,
    TaskArg,
    office_today,
    optional_day,
    say_saved,
    units_once,
    warn_unknown_section,
    warn_unknown_units,
    warn_written,
)
from giaoban.edit.drafts import EDIT_KEPT_PREFIX, drafts_of, keep_copy, start_draft
from giaoban.edit.transaction import read_source
from giaoban.history.semdiff import NO_DEADLINE
from giaoban.history.story import edit_message
from giaoban.lazy import lazy_import
from giaoban.model.errors import os_reason
from giaoban.model.problems import Problem
from giaoban.model.text import visible
from giaoban.store.files import WriteFailedError

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main

edits = lazy_import("giaoban.edit.operations")  # loaded when a command runs

# --- commands ------------------------------------------------------------------------------

task_app = typer.Typer(help="Thêm nhiệm vụ vào một thông báo đã có.", no_args_is_help=True)
app.add_typer(task_app, name="task")


@app.command("done")
@handle_errors
@with_options
def done_command(
    task_id: TaskArg,
    on: OnOption = None,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú kèm theo.")] = None,
    result: Annotated[
        str | None,
        typer.Option(
            "--result",
            help="Kết quả (ghi vào 'result'; nhiệm vụ định kỳ: kết quả của lần này, "
            "ghi vào 'occurrence_results').",
        ),
    ] = None,
    occurrence: OccurrenceOption = None,
    *,
    change: Change,
) -> None:
    """Ghi nhiệm vụ đã hoàn thành; nhiệm vụ định kỳ: ghi một lần (lần sớm nhất chưa xong)."""
    data_dir = resolve_data_dir(change.data)
    args = edits.DoneArgs(optional_day(on), note, result, optional_day(occurrence))
    out = edits.mark_done(
        data_dir, task_id, args, office_today(data_dir, change.today), not change.no_commit
    )
    occ = out.details.get("occurrence")
    what = f"lần {occ:%d/%m/%Y}" if occ else f"ngày {out.details['on']:%d/%m/%Y}"
    if out.details.get("kept_result"):
        what += "; kết quả trước đó được giữ thành một ghi chú"
    say_saved(f"Đã ghi hoàn thành {out.task_id} ({what})", out.saved, change.no_commit)


@app.command("reopen")
@handle_errors
@with_options
def reopen_command(
    task_id: TaskArg,
    occurrence: RecordedOccurrenceOption = None,
    *,
    change: Commit,
) -> None:
    """Mở lại một nhiệm vụ đã hoàn thành hoặc đã hủy (định kỳ: bỏ ghi một lần)."""
    out = edits.mark_reopened(
        resolve_data_dir(change.data), task_id, optional_day(occurrence), not change.no_commit
    )
    occ = out.details.get("occurrence")
    what = f" (lần {occ:%d/%m/%Y} chưa hoàn thành)" if occ else ""
    say_saved(f"Đã mở lại {out.task_id}{what}", out.saved, change.no_commit)


@app.command("cancel")
@handle_errors
@with_options
def cancel_command(
    task_id: TaskArg,
    reason: Annotated[str, typer.Option("--reason", help="Lý do hủy (bắt buộc).")],
    on: OnOption = None,
    *,
    change: Change,
) -> None:
    """Hủy một nhiệm vụ, ghi lý do."""
    data_dir = resolve_data_dir(change.data)
    args = edits.CancelArgs(reason, optional_day(on))
    out = edits.mark_cancelled(
        data_dir, task_id, args, office_today(data_dir, change.today), not change.no_commit
    )
    what = f"Đã hủy {out.task_id} (ngày {out.details['on']:%d/%m/%Y})"
    say_saved(what, out.saved, change.no_commit)


@app.command("stop")
@handle_errors
@with_options
def stop_command(
    task_id: TaskArg,
    first_free: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="NGÀY",
            help="Ngày đầu tiên không còn nhiệm vụ (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay).",
        ),
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Lý do dừng.")] = None,
    *,
    change: Change,
) -> None:
    """Dừng một nhiệm vụ định kỳ từ một ngày (ghi 'until'); các lần trước vẫn giữ nguyên."""
    data_dir = resolve_data_dir(change.data)
    today = office_today(data_dir, change.today)
    day = optional_day(first_free) or today
    out = edits.stop_duty(data_dir, task_id, day, reason, not change.no_commit, today)
    what = f"Đã dừng {out.task_id} từ ngày {day:%d/%m/%Y}"
    noted = out.details.get("reason_noted")
    if noted == "confidential":
        what += " (thông báo mật: lý do dừng được ghi thành một ghi chú, không vào lịch sử git)"
    elif noted == "uncommitted":
        what += " (không commit: lý do dừng được ghi thành một ghi chú trong tệp)"
    say_saved(what, out.saved, change.no_commit)


@app.command("postpone")
@handle_errors
@with_options
def postpone_command(
    task_id: TaskArg,
    new_deadline: Annotated[
        str, typer.Argument(help='Hạn mới, như văn bản ghi: "trước ngày 05/3/2019".')
    ],
    reason: Annotated[str, typer.Option("--reason", help="Lý do gia hạn (bắt buộc).")],
    approved_by: Annotated[
        str | None, typer.Option("--approved-by", help="Người đồng ý gia hạn.")
    ] = None,
    on: OnOption = None,
    *,
    change: Change,
) -> None:
    """Gia hạn: đổi hạn của nhiệm vụ, giữ hạn cũ và lý do trong 'extensions'."""
    data_dir = resolve_data_dir(change.data)
    args = edits.PostponeArgs(new_deadline, reason, approved_by, optional_day(on))
    out = edits.move_deadline(
        data_dir, task_id, args, office_today(data_dir, change.today), not change.no_commit
    )
    old = out.details["from"] if out.details["from"] is not None else NO_DEADLINE
    say_saved(f"Đã gia hạn {out.task_id}: {old} → {out.details['to']}", out.saved, change.no_commit)


@app.command("note")
@handle_errors
@with_options
def note_command(
    task_id: TaskArg,
    text: Annotated[str, typer.Argument(help="Nội dung ghi chú.")],
    on: OnOption = None,
    *,
    change: Change,
) -> None:
    """Thêm một ghi chú tiến độ (có ngày) vào nhiệm vụ."""
    data_dir = resolve_data_dir(change.data)
    today = office_today(data_dir, change.today)
    out = edits.write_note(data_dir, task_id, text, optional_day(on), today, not change.no_commit)
    say_saved(f"Đã ghi chú vào {out.task_id}", out.saved, change.no_commit)


@task_app.command("add")
@handle_errors
@with_options
def task_add_command(
    notice: Annotated[
        str,
        typer.Argument(help="Mã thông báo (viết tắt phần đầu).", autocompletion=complete_notice_id),
    ],
    text: Annotated[str, typer.Option("--text", help="Nội dung nhiệm vụ (bắt buộc).")],
    item: Annotated[
        str | None, typer.Option("--item", help="Số mục; mặc định số tiếp theo.")
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner", help="Đơn vị chủ trì (lặp lại được).", autocompletion=complete_unit
        ),
    ] = None,
    support: Annotated[
        list[str] | None,
        typer.Option(
            "--support", help="Đơn vị phối hợp (lặp lại được).", autocompletion=complete_unit
        ),
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="Hạn, như văn bản ghi.")
    ] = None,
    section: Annotated[str | None, typer.Option("--section", help="Số phần (mục lớn).")] = None,
    *,
    change: Commit,
) -> None:
    """Thêm một nhiệm vụ vào cuối thông báo."""
    data_dir = resolve_data_dir(change.data)
    task = {
        "item": item,
        "section": section,
        "text": text,
        "owners": owner or None,
        "supports": support or None,
        "deadline": edits.deadline_value(deadline) if deadline is not None else None,
    }
    edits.refuse_blank_fields(task)  # before any unit is looked up
    warn_unknown_units(data_dir, [*(owner or ()), *(support or ())])
    task = units_once(data_dir, task, "nhiệm vụ mới")
    out = edits.append_task(data_dir, notice, task, not change.no_commit)
    if "unknown_section" in out.details:
        warn_unknown_section(str(section), out.details["unknown_section"])
    warn_written(out.saved)
    say_saved(f"Đã thêm nhiệm vụ {out.task_id}", out.saved, change.no_commit)


# --- giaoban edit ------------------------------------------------------------------------------


def editor_command() -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else a usual editor of the platform."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return shlex.split(chosen, posix=os.name != "nt")
    for name in ("notepad",) if os.name == "nt" else ("editor", "nano", "vi"):
        if shutil.which(name):
            return [name]
    raise typer.BadParameter("chưa đặt trình soạn thảo: hãy đặt biến VISUAL hoặc EDITOR")


def _run_editor(path: Path) -> None:
    editor = editor_command()
    try:
        code = subprocess.call([*editor, str(path)])
    except OSError as exc:
        shown = shlex.join(editor) if editor else "''"
        raise edits.EditError(
            f"không mở được trình soạn thảo '{shown}' (biến VISUAL hoặc EDITOR): {os_reason(exc)}"
        ) from None
    if code != 0:
        raise edits.EditError(f"trình soạn thảo thoát với mã {code}; tệp giữ nguyên")


def _show_problems(problems: tuple[Problem, ...]) -> None:
    typer.echo("Tệp sau khi sửa có lỗi:", err=True)
    for p in problems:
        typer.echo(visible(str(p)), err=True)


@app.command("edit")
@handle_errors
@with_options
def edit_command(
    notice_or_task: Annotated[
        str,
        typer.Argument(
            help="Mã thông báo hoặc nhiệm vụ (viết tắt phần đầu).",
            autocompletion=complete_notice_or_task_id,
        ),
    ],
    *,
    change: Commit,
) -> None:
    """Sửa thông báo bằng trình soạn thảo ($VISUAL/$EDITOR); chỉ ghi khi tệp hợp lệ.

    Như 'crontab -e': khi tệp có lỗi, hỏi sửa tiếp hay bỏ, không để lại tệp lỗi.
    """
    data_dir = resolve_data_dir(change.data)
    ledger, notice = edits.locate_notice(data_dir, notice_or_task)
    path = Path(notice.source.path)
    original = read_source(path)
    commit = not change.no_commit and ledger.settings.commit
    edits.ensure_committable(path, commit)  # before the clerk spends time in the editor
    for left in drafts_of(data_dir, notice.id):
        typer.echo(
            f"Còn bản nháp chưa lưu của {notice.id} từ một lần sửa bị ngắt "
            f"(sửa lần cuối lúc {left.when()}): {left.draft}\n"
            f"Xem phần đã sửa: diff -u {shlex.quote(str(path))} "
            f"{shlex.quote(str(left.draft))}; chép phần cần giữ vào bản sắp mở.",
            err=True,
        )
    draft = start_draft(notice.id, path, original.text, data_dir)
    work = draft.parent
    try:
        while True:
            _run_editor(draft)
            try:
                text = draft.read_text(encoding="utf-8").replace("\r\n", "\n")
            except OSError as exc:
                raise edits.EditError(
                    f"không đọc được bản vừa sửa ({os_reason(exc)}); tệp giữ nguyên"
                ) from None
            except UnicodeDecodeError:
                raise edits.EditError(
                    "bản vừa sửa không phải văn bản UTF-8 (hãy lưu với mã UTF-8); tệp giữ nguyên"
                ) from None
            saved, problems = edits.save_edited(
                data_dir, path, original, text, edit_message(notice.id), commit
            )
            if saved is not None:
                break
            _show_problems(problems)
            if not confirm("Sửa lại? (không: bỏ thay đổi, giữ tệp gốc)", default=True):
                typer.echo(f"Đã bỏ thay đổi; {path} giữ nguyên.")
                return
    except (edits.EditConflictError, edits.CommitBlockedError):
        try:
            keep = keep_copy(EDIT_KEPT_PREFIX, path.name, draft.read_bytes())
        except WriteFailedError as exc:  # said, then the refusal it came with
            typer.echo(f"Không giữ được bản bạn vừa sửa: {exc}", err=True)
        else:
            typer.echo(f"Bản bạn vừa sửa được giữ ở {keep}", err=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not saved.changed:
        typer.echo(f"Không có thay đổi; {path} giữ nguyên.")
        return
    say_saved(f"Đã lưu {path}", saved, change.no_commit)
