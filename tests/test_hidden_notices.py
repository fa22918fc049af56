"""A notice in a hidden folder (``data/.cu/``) or a hidden file is named as not read,
never skipped in silence; giaoban's own (``.giaoban-*``) and git's are passed over (qa12b 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.test_lookalike_names import notice_text


def _put(path: Path, notice_id: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notice_text(notice_id), encoding="utf-8")
    return path


@pytest.mark.parametrize("rel", [".cu/2024-03-05-a.yaml", "2024/.2024-03-05-a.yaml"])
def test_scan_names_a_hidden_notice(runner: CliRunner, data_dir: Path, rel: str) -> None:
    _put(data_dir / "2024" / "2024-03-05-b.yaml", "2024-03-05-b")
    hidden = _put(data_dir / rel, "2024-03-05-a")
    result = runner.invoke(app, ["check", "--data", str(data_dir)])
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "[not-read]" in x)
    assert line.startswith(str(hidden)) and "dấu chấm" in line
    week = runner.invoke(
        app, ["week", "--data", str(data_dir), "--today", "2024-03-12", "--format", "json"]
    )
    assert week.exit_code == 1
    assert str(hidden) in week.output


def test_check_of_a_named_file_in_a_hidden_folder(runner: CliRunner, data_dir: Path) -> None:
    hidden = _put(data_dir / ".cu" / "2024-03-05-a.yaml", "2024-03-05-a")
    result = runner.invoke(app, ["check", "--data", str(data_dir), str(hidden)])
    assert result.exit_code == 1
    assert "[not-read]" in result.output


def test_giaoban_and_git_hidden_folders_pass_in_silence(runner: CliRunner, data_dir: Path) -> None:
    _put(data_dir / "2024" / "2024-03-05-b.yaml", "2024-03-05-b")
    _put(data_dir / "2024" / ".giaoban-x1" / "2024-03-05-b.yaml", "2024-03-05-b")
    _put(data_dir / ".git" / "x.yaml", "x")
    result = runner.invoke(app, ["check", "--data", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["problems"] == []
