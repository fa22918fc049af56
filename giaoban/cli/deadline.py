"""`giaoban deadline PHRASE`: how giaoban reads a deadline phrase."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from giaoban.cli.common import (
    DataOption,
    TodayOption,
    handle_errors,
    parse_day,
    resolve_data_dir,
    resolve_now,
)
from giaoban.deadline import DeadlineError, parse_deadline
from giaoban.deadline.describe import explain
from giaoban.model.errors import GiaobanError
from giaoban.model.problems import Problem
from giaoban.model.settings import Settings
from giaoban.store.loader import SETTINGS_FILE, load_settings

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


def office_settings(data_dir: Path) -> Settings:
    """The settings of ``data_dir`` (the defaults when it has none); bad settings stop here."""
    problems: list[Problem] = []
    settings = load_settings(data_dir / SETTINGS_FILE, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GiaobanError(f"cài đặt không hợp lệ: {errors[0]}")
    return settings


def _parse_ref(value: str | None) -> date | None:
    """``--ref``: YYYY-MM-DD or dd/mm/yyyy; a day that does not exist is said to be so."""
    if value is None or value == "":
        return None
    return parse_day(value)


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
            help="Ngày của thông báo (YYYY-MM-DD hoặc dd/mm/yyyy) để đọc hạn "
            "(mặc định: --today, $GIAOBAN_TODAY hoặc hôm nay). Thời gian còn lại "
            "vẫn tính đến hôm nay (--today).",
            callback=_ref_callback,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
    today: TodayOption = None,
    data: DataOption = None,
) -> None:
    """Đọc một cụm từ chỉ hạn và giải thích hạn đó.

    Dùng cài đặt của thư mục dữ liệu (múi giờ, năm học, sự kiện) nếu có.
    """
    settings = office_settings(resolve_data_dir(data))
    # The phrase is read against the notice's day; what is left is counted from now.
    now = resolve_now(today, settings.timezone)
    ref_day = _parse_ref(ref) or now.date()
    result = parse_deadline(phrase, ref_day, settings.deadline_settings())
    if isinstance(result, DeadlineError):
        raise GiaobanError(result.message)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for line in explain(result, now):
        typer.echo(line)
