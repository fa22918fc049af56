"""Review and sharing: ``giaoban diff``, ``git-setup``, ``textconv`` and ``sync``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoban.cli.common import DataOption, ShowConfidential, handle_errors, resolve_data_dir
from giaoban.history.revisions import review, setup_review, sync_ledger, textconv
from giaoban.model.errors import UsageError

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("diff")
@handle_errors
def diff_command(
    revs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Không có: HEAD so với thư mục làm việc; REV: REV so với thư mục làm việc; "
            "REV REV hoặc A..B: hai phiên bản; A...B: B so với chỗ tách khỏi A.",
            show_default=False,
            metavar="[REV [REV]]",
        ),
    ] = None,
    data: DataOption = None,
    output: Annotated[
        DiffFormat, typer.Option("--format", help="Định dạng: text hoặc json.")
    ] = DiffFormat.text,
    show_confidential: ShowConfidential = False,
) -> None:
    """Thay đổi giữa hai trạng thái của sổ, theo nhiệm vụ: thêm, xóa, dời hạn, hoàn thành..."""
    # start-up: loaded only when this command needs it
    from giaoban.render import review as render_review
    from giaoban.render import terminal as render

    result = review(resolve_data_dir(data), revs or [], show_confidential)
    if output is DiffFormat.json:
        render.print_json(result.to_json())
        render_review.print_unreadable(result.problems)
        return
    render_review.print_review(result)


@app.command("git-setup")
@handle_errors
def git_setup_command(
    data: DataOption = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache-textconv/--no-cache-textconv",
            help="Cho git nhớ kết quả textconv của từng phiên bản tệp (nhanh hơn với lịch sử dài).",
        ),
    ] = False,
) -> None:
    """Cho 'git diff' và 'git log -p' hiện thay đổi của tệp thông báo theo nhiệm vụ."""
    report = setup_review(resolve_data_dir(data), sys.executable, cache)
    state = "đã thêm" if report.added else "đã có sẵn"
    lines = [
        f"Kho git {report.repo}:",
        f"  {report.attributes.name}: {report.line} ({state})",
        f"  git config diff.giaoban.textconv: {report.command}",
        f"  git config diff.giaoban.cachetextconv: {str(report.cache).lower()}",
        "Từ nay 'git diff', 'git log -p' và 'git show' hiện mỗi thông báo thành từng dòng "
        "theo nhiệm vụ (#MỤC hạn: ..., #MỤC trạng thái: ...).",
    ]
    if report.added:
        lines.append(
            f"Hãy commit {report.attributes.name} để kho chung dùng chung; mỗi máy chạy "
            "'giaoban git-setup' một lần (cấu hình git không đi theo kho)."
        )
    typer.echo("\n".join(lines))


@app.command("textconv")
@handle_errors
def textconv_command(
    file: Annotated[Path, typer.Argument(help="Tệp thông báo (git truyền vào).")],
    data: DataOption = None,
    show_confidential: ShowConfidential = False,
) -> None:
    """Một tệp thông báo thành từng dòng theo nhiệm vụ (git dùng khi diff; xem git-setup)."""
    if not file.is_file():
        raise UsageError(f"không có tệp '{file}'")
    typer.echo(textconv(file, resolve_data_dir(data), show_confidential), nl=False)


@app.command("sync")
@handle_errors
def sync_command(data: DataOption = None, show_confidential: ShowConfidential = False) -> None:
    """Đồng bộ với kho chung: lấy về (rebase), kiểm tra, rồi đẩy lên; dừng khi có xung đột."""
    # start-up: loaded only when this command needs it
    from giaoban.render import review as render_review

    result = sync_ledger(resolve_data_dir(data), Path.cwd(), show_confidential)
    render_review.print_sync(result)
    if not result.ok:
        raise typer.Exit(code=1)
