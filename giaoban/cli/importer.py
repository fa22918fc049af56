"""``giaoban import``: a notice's text (.txt, .md, .docx, .pdf or stdin) to a YAML draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from giaoban.cli.common import DataOption, handle_errors, resolve_data_dir, resolve_now
from giaoban.cli.taskopts import NoCommitOption, exit_if_uncommitted, report_commit
from giaoban.model.errors import UsageError

if TYPE_CHECKING:
    # start-up: loaded only when this command needs it
    from giaoban.importer.draft import Draft

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


def _summary(draft: Draft, where: str) -> str:
    checks = draft.check_count()
    note = f", {checks} chỗ cần kiểm tra (# kiểm tra)" if checks else ""
    if draft.fields:
        note += f"; {len(draft.fields)} mục không lấy làm nhiệm vụ (ghi chú cuối bản nháp)"
    return f"{where}: {len(draft.tasks)} nhiệm vụ{note}."


@app.command("import")
@handle_errors
def import_command(
    source: Annotated[
        str,
        typer.Argument(
            help="Văn bản thông báo: tệp .txt, .md, .docx hoặc .pdf (có lớp chữ); "
            "'-' để đọc từ đầu vào chuẩn.",
        ),
    ] = "-",
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Ghi bản nháp vào tệp này (mã thông báo lấy theo tên tệp), hoặc vào "
            "thư mục này với tên MÃ.yaml. Không ghi đè tệp đã có.",
        ),
    ] = None,
    save: Annotated[
        bool,
        typer.Option(
            "--save",
            help="Kiểm tra rồi ghi thẳng vào thư mục dữ liệu (data/NĂM/MÃ.yaml) và commit, "
            "như 'giaoban add'.",
        ),
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Vẫn lưu (--save) khi sổ đã có thông báo cùng số (cùng năm) "
            "hoặc cùng ngày và trích yếu.",
        ),
    ] = False,
    data: DataOption = None,
    no_commit: NoCommitOption = False,
) -> None:
    """Đọc văn bản thông báo và tạo bản nháp YAML để kiểm tra, sửa rồi lưu.

    Không có -o hay --save thì in bản nháp ra màn hình. Chỗ nào chưa chắc,
    bản nháp ghi chú "# kiểm tra: ..." ngay phía trên.
    """
    # The importer is imported here, not at the top: other commands never need it.
    # start-up: loaded only when this command needs it
    from giaoban.edit.duplicates import existing_notices
    from giaoban.importer.output import save_draft, target, write_new
    from giaoban.importer.service import draft_for_data
    from giaoban.importer.sources import read_input
    from giaoban.importer.yamltext import render_draft

    if output is not None and save:
        raise UsageError("chỉ dùng một trong hai: -o/--output hoặc --save")
    data_dir = resolve_data_dir(data)
    text = read_input(source)
    draft = draft_for_data(text, data_dir, fallback_date=resolve_now(None).date())
    if save:
        saved, draft = save_draft(draft, data_dir, not no_commit, allow_duplicate)
        where = f"Đã lưu {saved.path}{report_commit(saved, no_commit)}"
        typer.echo(_summary(draft, where), err=True)
        exit_if_uncommitted(saved)
        return
    for found in existing_notices(data_dir, draft.number, draft.date, draft.title):
        typer.echo(f"⚠ sổ đã có thông báo này: {found.shown()}", err=True)
    if output is not None:
        as_folder = output.endswith(("/", "\\"))
        path, draft = target(Path(output), draft, as_folder=as_folder)
        write_new(path, render_draft(draft))
        typer.echo(_summary(draft, f"Đã ghi {path}"), err=True)
        return
    if not draft.tasks:  # the draft says so too; a clerk reading the screen sees it at once
        typer.echo("⚠ không thấy nhiệm vụ nào trong văn bản: bản nháp chưa có nhiệm vụ", err=True)
    sys.stdout.write(render_draft(draft))
