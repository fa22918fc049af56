"""``giaoban export``: the whole ledger for other tools."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from giaoban.checking import open_ledger
from giaoban.cli.common import DataOption, handle_errors, resolve_data_dir
from giaoban.cli.main import app
from giaoban.export import export_ledger


class ExportFormat(str, Enum):
    json = "json"


ShowConfidential = Annotated[
    bool,
    typer.Option("--show-confidential", help="Hiện nội dung nhiệm vụ của thông báo mật."),
]


@app.command("export")
@handle_errors
def export_command(
    data: DataOption = None,
    output: Annotated[
        ExportFormat, typer.Option("--format", help="Định dạng xuất.")
    ] = ExportFormat.json,
    show_confidential: ShowConfidential = False,
) -> None:
    """Xuất toàn bộ sổ nhiệm vụ (JSON) cho công cụ khác."""
    from giaoban import render

    ledger = open_ledger(resolve_data_dir(data))
    render.print_json(export_ledger(ledger, show_confidential))
