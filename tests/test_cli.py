"""The command line as a whole: entry points, help for every command, no tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import REPO


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_python_dash_m_runs_check_on_bundled_data() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "giaoban", "check", "data"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "0 lỗi" in proc.stdout


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Cách dùng: giaoban {name}" in result.output
    # typer's and click's own words and Python type names are not shown
    for english in ("Usage", "Options", "Show this message", "[default", "<bool>", "<list["):
        assert english not in result.output, english
    if "--today" in result.output:  # a day is asked for as a day, not as text
        assert re.search(r"--today\s+NGÀY", result.output), result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"giaoban {name}" in readme


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["export"], "dùng --data hoặc GIAOBAN_DATA"),
        (["week"], "dùng --data hoặc GIAOBAN_DATA"),
        (["log"], "dùng --data hoặc GIAOBAN_DATA"),
        (["done", "x#1"], "dùng --data hoặc GIAOBAN_DATA"),
        (["add", "--from-file", "x.yaml"], "chạy 'giaoban init' trước?"),
    ],
)
def test_missing_data_folder_is_a_clear_error(
    runner: CliRunner, tmp_path: Path, args: list[str], hint: str
) -> None:
    """Every command names the missing folder the same way, with what the user may do."""
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, [*args, "--data", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"không có thư mục dữ liệu '{missing}' ({hint})" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", "--today", "2026-12-05"], "giaoban: lỗi: Không có tùy chọn --today"),
        (["postpone", "x"], "giaoban: lỗi: Thiếu đối số 'HẠN-MỚI'."),
        (["week", "--format", "pdf"], "'pdf' không phải một trong 'table'"),
        (["week", "--limit", "-3"], "Giá trị không hợp lệ cho '--limit': phải lớn hơn hoặc bằng 0"),
        (["wek"], "giaoban: lỗi: Không có lệnh 'wek'. Có phải 'week'?"),
    ],
)
def test_a_mistake_on_the_command_line_is_told_in_vietnamese(
    runner: CliRunner, args: list[str], said: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Cách dùng: giaoban" in result.stderr and "-h' để biết cách dùng." in result.stderr
    assert "Usage" not in result.output and "Error" not in result.output


def test_ctrl_c_is_told_in_vietnamese(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    result = runner.invoke(app, ["add", "--data", str(data)], input="")  # end of input at a prompt
    assert result.exit_code == 1
    assert "Đã hủy." in result.output and "Aborted" not in result.output
