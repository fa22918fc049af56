"""``giaoban doctor``: what a stopped command left behind, and the safe repairs."""

from __future__ import annotations

from typing import Annotated

import typer

from giaoban.cli.common import (
    DataOption,
    handle_errors,
    resolve_data_dirs,
    wall_clock,
)
from giaoban.edit.doctor import examine

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


@app.command("doctor")
@handle_errors
def doctor_command(
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Sửa những gì sửa được an toàn: xóa thư mục tạm còn sót, tệp khóa git đã cũ, "
            "bộ nhớ đệm không riêng tư, bản nháp 'giaoban edit' bị ngắt mà không có gì mới. "
            "Không bao giờ đụng tới thay đổi chưa commit hay bản nháp có phần đã sửa.",
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Tìm những gì một lệnh bị ngắt để lại (thư mục tạm, khóa git, thay đổi chưa commit).

    Cũng tìm bản nháp mà một lần 'giaoban edit' bị ngắt để lại trong thư mục tạm của
    máy: nêu thông báo, lúc sửa, đường dẫn và cách lấy lại; không bao giờ xóa bản nháp
    có phần đã sửa.

    Không có --fix thì chỉ báo. Thay đổi chưa commit, rebase/merge dở dang,
    HEAD tách rời thì chỉ giải thích và nêu lệnh cần chạy. Tuổi của tệp khóa
    git tính theo đồng hồ máy, không theo ngày đặt cho báo cáo (GIAOBAN_TODAY).
    Mã thoát 0 khi không còn gì cần xử lý, 1 khi còn.
    """
    data_dir = resolve_data_dirs(data)[0]
    findings = examine(data_dir, wall_clock(), fix)
    if not findings:
        typer.echo(f"Sổ {data_dir} không có gì cần sửa.")
        return
    left = 0
    for finding in findings:
        if finding.fixed:
            typer.echo(f"✓ đã sửa: {finding.what} ({finding.remedy})")
            continue
        left += 1
        typer.echo(f"✗ {finding.what}")
        hint = "chạy 'giaoban doctor --fix' để " + finding.remedy if finding.fixable else None
        for line in (hint or finding.remedy).splitlines():
            typer.echo(f"    {line}")
    if left:
        raise typer.Exit(1)
