"""``giaoban log [ID]``: the story of a task, a notice or the whole ledger, read from git."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from giaoban.cli.common import DataOption, handle_errors, resolve_data_dir
from giaoban.cli.main import app
from giaoban.cli.taskopts import complete_task_id
from giaoban.edits import locate_notice
from giaoban.errors import GiaobanError
from giaoban.history import Event, describe, read_history, task_story


class LogFormat(str, Enum):
    text = "text"
    json = "json"


def _target(data_dir, query: str | None) -> tuple[str | None, str | None, str | None]:
    """(notice id, item, heading) of what ``query`` names; a deleted notice by its exact id."""
    if not query:
        return None, None, None
    notice_part, _, item = query.partition("#")
    try:
        _, notice = locate_notice(data_dir, notice_part)
    except GiaobanError:
        return notice_part, item or None, None
    task = next((t for t in notice.tasks if t.item == item), None)
    if item and task is None:
        return notice.id, item, None
    heading = f"{task.id} — {task.text}" if task else f"{notice.id} — {notice.title}"
    return notice.id, item or None, " ".join(heading.split())


def event_line(event: Event, with_id: bool) -> str:
    """``dd/mm/yyyy HH:MM  Author  [id]  what happened  (commit)``."""
    who = f"{event.when:%d/%m/%Y %H:%M}  {event.author}"
    where = f"  {event.task_id or event.notice}" if with_id else ""
    return f"{who}{where}  {describe(event)}  ({event.commit[:7]})"


@app.command("log")
@handle_errors
def log_command(
    target: Annotated[
        str | None,
        typer.Argument(
            help="Mã nhiệm vụ (MÃ#MỤC) hoặc thông báo; bỏ trống: cả sổ.",
            autocompletion=complete_task_id,
        ),
    ] = None,
    data: DataOption = None,
    output: Annotated[
        LogFormat, typer.Option("--format", help="Định dạng: text hoặc json.")
    ] = LogFormat.text,
) -> None:
    """Lịch sử từ git: ai tạo, ai gia hạn (từ, đến, lý do), ai đổi trạng thái, ai sửa."""
    from giaoban import render

    data_dir = resolve_data_dir(data)
    notice_id, item, heading = _target(data_dir, target)
    events = read_history(data_dir, notice_id)
    if notice_id is not None:
        events = task_story(events, notice_id, item)
    if output is LogFormat.json:
        render.print_json({"events": [e.to_json() for e in events]})
        return
    if heading:
        typer.echo(heading)
    if not events:
        typer.echo("Chưa có lịch sử (dữ liệu chưa nằm trong git, hoặc chưa commit).")
        return
    for event in events:
        typer.echo(event_line(event, with_id=item is None))
