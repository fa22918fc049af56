"""`giaoban deadline PHRASE`: how giaoban reads a deadline phrase."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Annotated

import typer

from giaoban.cli.common import DEFAULT_TZ, TodayOption, handle_errors, resolve_now
from giaoban.deadline import DeadlineError, parse_deadline
from giaoban.deadline.context import zone
from giaoban.deadline.describe import explain
from giaoban.errors import GiaobanError

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


def _parse_ref(value: str | None) -> date | None:
    if value is None or value == "":
        return None
    for reader in (date.fromisoformat, lambda v: datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return reader(value)
        except ValueError:
            continue
    raise typer.BadParameter(f"'{value}' không phải ngày dạng YYYY-MM-DD")


def _ref_callback(value: str | None) -> str | None:
    _parse_ref(value)
    return value


@app.command("deadline")
@handle_errors
def deadline(
    phrase: Annotated[str, typer.Argument(help='Cụm từ chỉ hạn, ví dụ "trước ngày 25/02/2019".')],
    ref: Annotated[
        str | None,
        typer.Option(
            "--ref",
            help="Ngày của thông báo (YYYY-MM-DD) để đọc hạn "
            "(mặc định: --today, $GIAOBAN_TODAY hoặc hôm nay).",
            callback=_ref_callback,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
    today: TodayOption = None,
) -> None:
    """Đọc một cụm từ chỉ hạn và giải thích hạn đó."""
    ref_day = _parse_ref(ref)
    if ref_day is None:
        now = resolve_now(today)
        ref_day = now.date()
    else:
        now = datetime.combine(ref_day, time(0, 0), tzinfo=zone(DEFAULT_TZ))
    result = parse_deadline(phrase, ref_day)
    if isinstance(result, DeadlineError):
        raise GiaobanError(result.message)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for line in explain(result, now):
        typer.echo(line)
