"""``giaoban log [ID]``: the story of a task, a notice or the whole ledger, read from git."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from giaoban.cli.common import (
    DataOption,
    NoPagerOption,
    ShowConfidential,
    handle_errors,
    resolve_data_dir,
)
from giaoban.cli.completion import complete_notice_or_task_id
from giaoban.cli.taskopts import day_callback, optional_day
from giaoban.deadline.context import midnight
from giaoban.edit.operations import ledger_of, locate_notice, office_settings
from giaoban.history.story import (
    Event,
    confidential_notices,
    describe,
    events_within,
    hide_confidential,
    notice_in_history,
    read_history,
    task_story,
)
from giaoban.history.summary import summarize
from giaoban.model.errors import GiaobanError, NotFoundError, UsageError
from giaoban.model.ids import resolve_task
from giaoban.model.shown import shown_text
from giaoban.store.loader import load_ledger

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class LogFormat(str, Enum):
    text = "text"
    json = "json"


def _target(data_dir: Path, query: str | None) -> tuple[Path, str | None]:
    """(data folder, id in it) of what ``query`` names. An id a report over several
    ledgers prints (``hanoi/2022-04#2.2``) is looked up in that ledger's folder, a bare
    one in the one ledger holding it (``ledger_of``: refused, naming each, when several
    do)."""
    if not query:
        return data_dir, None
    folder, _, bare = ledger_of(data_dir, query)
    return folder, bare


def _named(
    data_dir: Path, query: str, history: list[Event], show_confidential: bool
) -> tuple[str, str | None, str | None]:
    """(notice id, item, heading) of what ``query`` names in the ledger ``data_dir`` or in
    its git ``history`` (``read_history``): an id before a prefix (``giaoban.model.ids.
    named``), the ledger's before its history's, so a deleted or renamed notice is found
    by its id even when it begins a notice's id in the ledger, and by a prefix history
    makes unique. An id that names nothing in the ledger or in its history is refused as
    ``show`` refuses it (``giaoban.model.ids``: the candidates of an ambiguous prefix). A
    confidential task's text in the heading is "(mật)" unless ``show_confidential``."""
    notice_part, _, item = query.partition("#")
    try:
        _, notice = locate_notice(data_dir, notice_part)
    except NotFoundError as error:
        found = notice_in_history(history, notice_part, item or None)
        if found is None:
            raise _unknown(query, error) from None
        return found, item or None, None
    except GiaobanError:  # a notice the ledger cannot read now: its history still can be
        found = notice_in_history(history, notice_part, item or None)
        if found is None:
            raise
        return found, item or None, None
    if notice.id != notice_part:  # a prefix in the ledger: an id in history comes first
        found = notice_in_history(history, notice_part, item or None, exact=True)
        if found is not None:
            return found, item or None, None
    task = next((t for t in notice.tasks if t.item == item), None)
    if item and task is None:
        if notice_in_history(history, notice.id, item) is None:
            ledger, _ = locate_notice(data_dir, notice_part)
            resolve_task(ledger, f"{notice.id}#{item}")  # raises: the items it has
        return notice.id, item, None
    text = shown_text(task, show_confidential) if task else ""
    heading = f"{task.id} — {text}" if task else f"{notice.id} — {notice.title}"
    return notice.id, item or None, " ".join(heading.split())


def _unknown(query: str, error: NotFoundError) -> NotFoundError:
    """The resolver's error, or, for an id that names nothing at all, one that says the
    history was looked at too."""
    if not str(error).startswith("không có thông báo nào"):
        return error  # a prefix of many notices, an id in two files: the resolver says which
    what = "nhiệm vụ" if "#" in query else "thông báo"
    return NotFoundError(f"không có {what} nào có mã '{query}' trong sổ hay trong lịch sử git")


def event_line(event: Event, with_id: bool) -> str:
    """``dd/mm/yyyy HH:MM  Author  [id]  what happened  (commit)``, the time as read
    (``read_history``: in the office's zone); a change a merged branch made also names
    who merged it, when, and the merge (``(c30840c; Trưởng phòng gộp ngày 28/11/2026,
    7302d3f)``)."""
    who = f"{event.when:%d/%m/%Y %H:%M}  {event.author or '(không rõ)'}"
    where = f"  {event.task_id or event.notice}" if with_id else ""
    made = event.commit[:7]
    if event.merge:
        via = event.merge
        made += f"; {via.author} gộp ngày {via.when:%d/%m/%Y}, {via.commit[:7]}"
    return f"{who}{where}  {describe(event)}  ({made})"


@app.command("log")
@handle_errors
def log_command(
    target: Annotated[
        str | None,
        typer.Argument(
            help="Mã nhiệm vụ (MÃ#MỤC) hoặc thông báo; bỏ trống: cả sổ.",
            autocompletion=complete_notice_or_task_id,
        ),
    ] = None,
    data: DataOption = None,
    output: Annotated[
        LogFormat, typer.Option("--format", help="Định dạng: text hoặc json.")
    ] = LogFormat.text,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Từ ngày (dd/mm/yyyy), tính cả ngày đó.", callback=day_callback
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help="Đến ngày (dd/mm/yyyy), tính cả ngày đó.", callback=day_callback
        ),
    ] = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Tổng hợp theo đơn vị chủ trì: số nhiệm vụ thêm, hoàn thành, hủy, gia hạn "
            "và tổng số ngày gia hạn.",
        ),
    ] = False,
    show_confidential: ShowConfidential = False,
    no_pager: NoPagerOption = False,
) -> None:
    """Lịch sử từ git: ai tạo, ai gia hạn (từ, đến, lý do), ai đổi trạng thái, ai sửa."""
    # start-up: loaded only when this command needs it
    from giaoban.render import terminal as render

    first, last = optional_day(since), optional_day(until)
    if first and last and last < first:
        raise UsageError("--until phải không sớm hơn --since")
    data_dir, query = _target(resolve_data_dir(data), target)
    zone = ZoneInfo(office_settings(data_dir).timezone)
    start, end = _bounds(zone, first, last)
    item, heading = None, None
    if query is None:
        events = read_history(data_dir, since=start, until=end, versions=summary, zone=zone)
    else:  # the whole history: the ids it knows, and a renamed file under each of its ids
        history = read_history(data_dir, versions=summary or "#" in query, zone=zone)
        notice_id, item, heading = _named(data_dir, query, history, show_confidential)
        events = events_within(task_story(history, notice_id, item), start, end)
    if not show_confidential:
        events = hide_confidential(
            events, confidential_notices(data_dir, {e.notice for e in events})
        )
    if output is LogFormat.json and not summary:
        render.print_json({"events": [e.to_json() for e in events]})
        return
    with render.paged(not no_pager and output is LogFormat.text):
        if summary:
            _print_summary(data_dir, events, (first, last, item), output)
        else:
            _print_events(events, heading, bool(first or last), item)


def _print_events(
    events: list[Event], heading: str | None, bounded: bool, item: str | None
) -> None:
    """The heading of what was asked for, then one line per event (``bounded``: dates given)."""
    if heading:
        typer.echo(heading)
    if not events and bounded:
        typer.echo("Không có thay đổi nào trong khoảng thời gian này.")
        return
    if not events:
        typer.echo("Chưa có lịch sử (dữ liệu chưa nằm trong git, hoặc chưa commit).")
        return
    for event in events:
        typer.echo(event_line(event, with_id=item is None))


def _bounds(
    zone: ZoneInfo, first: date | None, last: date | None
) -> tuple[datetime | None, datetime | None]:
    """[start, end) of the days asked for, in the office's time zone."""
    start = midnight(first, zone) if first else None
    end = midnight(last + timedelta(days=1), zone) if last else None
    return start, end


def _print_summary(
    data_dir: Path,
    events: list[Event],
    scope: tuple[date | None, date | None, str | None],
    output: LogFormat,
) -> None:
    """The summary of ``events`` over (first day, last day, task item or None)."""
    # start-up: loaded only when this command needs it
    from giaoban.render import review as render_review
    from giaoban.render import terminal as render

    first, last, item = scope
    result = summarize(events, load_ledger(data_dir).ledger, first, last, item)
    if output is LogFormat.json:
        render.print_json(result.to_json())
    else:
        render_review.print_summary(result)
