"""``giaoban export``: the whole ledger for other tools."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoban.checks.check import open_ledgers
from giaoban.cli.common import (
    DataOption,
    NoCacheOption,
    ShowConfidential,
    cache_choice,
    handle_errors,
    resolve_data_dirs,
    resolve_now,
)
from giaoban.cli.completion import complete_unit
from giaoban.model.errors import UsageError
from giaoban.model.ledger import Ledger
from giaoban.reports.export import export_ledger

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class ExportFormat(str, Enum):
    json = "json"
    ics = "ics"


@app.command("export")
@handle_errors
def export_command(
    data: DataOption = None,
    output: Annotated[
        ExportFormat, typer.Option("--format", help="Định dạng xuất: json, hoặc ics (lịch).")
    ] = ExportFormat.json,
    show_confidential: ShowConfidential = False,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            "-u",
            help="ics: chỉ lịch của đơn vị hoặc nhóm này.",
            autocompletion=complete_unit,
        ),
    ] = None,
    out_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="ics: ghi ra tệp này."),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Xuất toàn bộ sổ nhiệm vụ (JSON) cho công cụ khác, hoặc lịch hạn (iCalendar)."""
    # start-up: loaded only when this command needs it
    from giaoban.render import terminal as render

    ledger = open_ledgers(resolve_data_dirs(data), cache_choice(no_cache))
    if output is ExportFormat.ics:
        _export_ics(ledger, unit or [], out_file, show_confidential)
        return
    if unit or out_file:
        raise UsageError("--unit và --output chỉ dùng với --format ics")
    render.print_json(export_ledger(ledger, show_confidential))


def _export_ics(ledger: Ledger, units: list[str], out_file: Path | None, show: bool) -> None:
    """The deadlines as iCalendar, on stdout or written whole to ``out_file``."""
    # start-up: loaded only when this command needs it
    from giaoban.render.ics import build_calendar, calendar_name
    from giaoban.reports.filters import build_filter

    now = resolve_now(None, ledger.settings.timezone)
    flt = build_filter(ledger, units=units)
    data = build_calendar(ledger, now, flt, show, calendar_name(ledger, units))
    if out_file is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    # start-up: loaded only when this command needs it
    from giaoban.store.files import write_atomic

    write_atomic(out_file, data)  # a refused write: ``WriteFailedError``, said by the CLI
