"""The command line as a whole: entry points, help for every command, no tracebacks."""

from __future__ import annotations

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
    assert "Usage" in result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"giaoban {name}" in readme


def test_missing_data_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "không có thư mục dữ liệu" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
