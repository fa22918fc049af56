"""``giaoban check``: validate the data files."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoban.checks.check import CheckReport, check_folders, check_paths
from giaoban.cli.common import (
    DataOption,
    NoCacheOption,
    TodayOption,
    cache_choice,
    handle_errors,
    resolve_data_dirs,
    resolve_now,
)
from giaoban.model.problems import Problem
from giaoban.reports.idle import idle_duties

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _summary(report: CheckReport) -> str:
    verdict = "hợp lệ" if report.errors == 0 else "có lỗi"
    skipped = (
        f" Chưa xét các nhiệm vụ định kỳ trong {len(report.left_out)} tệp có lỗi "
        "(sửa lỗi rồi kiểm tra lại)."
        if report.left_out
        else ""
    )
    return (
        f"Đã kiểm tra {report.files} tệp ({report.notices} thông báo, {report.tasks} nhiệm vụ): "
        f"{report.errors} lỗi, {report.warnings} cảnh báo — {verdict}.{skipped}"
    )


def _with_idle_duties(report: CheckReport, today: str | None, data_dir: Path) -> CheckReport:
    """``report`` with the warnings of what "now" says of the folders it checked whole
    (a folder other than ``data_dir`` named in the commands they suggest), over the
    notices of the files it could read: an error elsewhere hides none of them."""
    found: list[Problem] = []
    for root, ledger in report.ledgers:
        now = resolve_now(today, ledger.settings.timezone)
        found += idle_duties(ledger, now, data=None if root == data_dir else str(root))
    problems = sorted([*report.problems, *found], key=Problem.sort_key)
    return replace(report, problems=tuple(problems))


@app.command("check")
@handle_errors
def check_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp hoặc thư mục cần kiểm tra (mặc định: thư mục dữ liệu)."),
    ] = None,
    data: DataOption = None,
    output: Annotated[
        CheckFormat, typer.Option("--format", help="Định dạng kết quả: text hoặc json.")
    ] = CheckFormat.text,
    no_cache: NoCacheOption = False,
    today: TodayOption = None,
    ledgers_from: Annotated[
        Path | None,
        typer.Option(
            "--ledgers-from",
            hidden=True,
            help="Thư mục dữ liệu thật khi kiểm tra một bản sao của nó (hook pre-commit): "
            "các thư mục trong 'ledgers:' được tìm từ đó.",
        ),
    ] = None,
) -> None:
    """Kiểm tra các tệp dữ liệu: báo mọi lỗi với tệp, dòng và cột.

    Khi kiểm tra cả thư mục dữ liệu, cũng cảnh báo nhiệm vụ định kỳ bị trễ nhiều
    lần liên tiếp mà chưa có 'until' (tính đến hôm nay, hoặc --today).
    Thoát 0 khi không có lỗi, 1 khi có lỗi, 2 khi dùng sai lệnh.
    """
    # start-up: loaded only when this command needs it
    from giaoban.render import terminal as render

    folders = resolve_data_dirs(data)
    targets = paths or check_folders(folders, cache_choice(no_cache))
    report = check_paths(targets, folders[0], cache_choice(no_cache), ledgers_from)
    # whole ledgers, without their files with errors: what "now" says of them
    report = _with_idle_duties(report, today, folders[0])
    if output is CheckFormat.json:
        render.print_json({"problems": [p.to_json() for p in report.problems]})
    else:
        render.print_problems(report.problems, _summary(report))
    if report.errors:
        raise typer.Exit(code=1)
