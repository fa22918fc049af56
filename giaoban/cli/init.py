"""``giaoban init [DIR]``: a new ledger with its registry, settings, git repository and hook."""

from __future__ import annotations

import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from giaoban.cli.common import handle_errors
from giaoban.cli.taskopts import NoCommitOption, parse_day
from giaoban.edit.scaffold import DEFAULT_PACKAGE, InitOptions, InitReport, init_ledger
from giaoban.model.timezone import DEFAULT_TZ

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class CiProvider(str, Enum):
    gitlab = "gitlab"
    github = "github"


def _shown(path: Path, root: Path) -> str:
    for a, b in ((path, root), (path.resolve(), root.resolve())):
        try:
            return str(a.relative_to(b))
        except ValueError:
            continue
    return str(path)


def _hook_state(report: InitReport) -> str:
    if report.hooks_shared is not None:
        return (
            "không cài: thư mục hook này (core.hooksPath) nằm ngoài kho, có thể là của chung "
            "các kho khác, giữ nguyên; sổ này không được kiểm tra trước commit"
        )
    if report.hook_kept:
        return (
            "đã có hook khác, giữ nguyên: sổ này không được kiểm tra trước commit; "
            "hãy thêm 'giaoban check' vào hook đó"
        )
    if len(report.hook_folders) > 1:
        return f"kiểm tra trước mỗi commit các sổ: {', '.join(report.hook_folders)}"
    return "kiểm tra trước mỗi commit"


def _lines(report: InitReport) -> list[str]:
    root = report.root
    lines = [f"Sổ giao ban trong {root}:"]
    lines += [f"  + {_shown(p, root)}" for p in report.created]
    lines += [f"  = {_shown(p, root)} (đã có, giữ nguyên)" for p in report.kept]
    lines += [
        f"  ~ {_shown(p, root)} (thêm dòng bỏ qua tệp khóa; chưa commit)" for p in report.changed
    ]
    if report.git_initialised:
        lines.append("  git init: đã tạo kho git")
    elif report.repo is None:
        lines.append("  không tạo được kho git (chưa cài git?): các lệnh vẫn chạy, không commit")
    if report.hook is not None:
        lines.append(f"  hook pre-commit: {report.hook} ({_hook_state(report)})")
    if report.hooks_shared is not None and report.repo is not None:
        lines.append(
            "  Để kiểm tra, cho kho này thư mục hook riêng rồi chạy lại 'giaoban init' "
            "(các hook của thư mục chung khi đó không chạy trong kho này):"
        )
        own = ["git", "-C", str(report.repo), "config", "core.hooksPath", str(report.hooks_shared)]
        lines.append(f"    {shlex.join(own)}")
        lines.append(f"    {shlex.join(['giaoban', 'init', str(report.root)])}")
    if report.ci is not None:
        lines.append(
            f"  CI: {_shown(report.ci, root)} chạy 'giaoban check' ở mỗi lần push và merge "
            "request (xem docs/review.md để chỉ nơi cài giaoban)"
        )
    if report.commit is not None and report.commit.committed:
        lines.append(f"  commit {report.commit.short}: Khởi tạo sổ giao ban")
    lines.append(
        f"Tiếp theo: điền danh mục đơn vị vào {_shown(report.data_dir, root)}/units.yaml, "
        "rồi thêm thông báo bằng 'giaoban add'."
    )
    return lines


@app.command("init")
@handle_errors
def init_command(
    folder: Annotated[
        Path, typer.Argument(help="Thư mục của sổ (mặc định: thư mục hiện tại).", file_okay=False)
    ] = Path("."),
    office: Annotated[str | None, typer.Option("--office", help="Tên cơ quan.")] = None,
    timezone: Annotated[str, typer.Option("--timezone", help="Múi giờ.")] = DEFAULT_TZ,
    week_cutoff: Annotated[
        str, typer.Option("--week-cutoff", help='Hạn báo cáo tuần, ví dụ "thứ 6 14:00".')
    ] = "thứ 6 14:00",
    strict_before: Annotated[
        bool,
        typer.Option("--strict-before", help='"trước ngày X": ngày X đã là trễ.'),
    ] = False,
    day_off: Annotated[
        list[str] | None,
        typer.Option("--day-off", help="Ngày nghỉ riêng (dd/mm/yyyy), lặp lại được."),
    ] = None,
    no_commit: NoCommitOption = False,
    ci: Annotated[
        CiProvider | None,
        typer.Option(
            "--ci",
            help="Viết thêm tệp CI chạy 'giaoban check' ở mỗi lần push và merge request: "
            "gitlab (.gitlab-ci.yml) hoặc github (.github/workflows/giaoban-check.yml).",
        ),
    ] = None,
    ci_package: Annotated[
        str,
        typer.Option(
            "--ci-package",
            help="Gói giaoban mà CI cài bằng pip, ví dụ "
            '"giaoban @ git+https://git.co-quan.vn/van-phong/giaoban.git".',
        ),
    ] = DEFAULT_PACKAGE,
) -> None:
    """Tạo sổ mới: data/ (danh mục đơn vị, cài đặt), kho git và hook kiểm tra trước commit."""
    options = InitOptions(
        office=office,
        timezone=timezone,
        week_cutoff=week_cutoff,
        strict_before=strict_before,
        days_off=tuple(sorted(parse_day(d) for d in day_off or ())),
        commit=True,
    )
    provider = ci.value if ci is not None else None
    report = init_ledger(
        folder,
        options,
        sys.executable,
        commit_now=not no_commit,
        ci=provider,
        ci_package=ci_package,
    )
    typer.echo("\n".join(_lines(report)))
    if report.commit is not None and not report.commit.committed:
        print(f"giaoban: cảnh báo: {report.commit.problem}", file=sys.stderr)
        raise typer.Exit(code=1)
