"""Long reports on a terminal go through the pager (issue 17); never when piped, with
``--no-pager``, ``GIAOBAN_PAGER=0`` or ``PAGER=cat``.

The terminal is faked (the console says it is one, ``LINES`` gives its height) and
the pager is a small script that copies what it is given to a file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.render.terminal import SafeConsole
from tests.conftest import REPO, run_git

TODAY = "2022-04-20"
REPORTS = [
    ["week"],
    ["due", "--days", "30"],
    ["overdue"],
    ["list"],
    ["search", "đoàn"],
    ["show", "2022-04-14"],
    ["stats", "--month", "2022-04"],
]


@pytest.fixture
def pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$PAGER: a script that copies the page to ``paged.txt``; returns that file."""
    out = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > '{out}'\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PAGER", str(script))
    monkeypatch.delenv("GIAOBAN_PAGER", raising=False)
    return out


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Standard output is a terminal of 100 columns; set LINES for its height."""
    monkeypatch.setattr(SafeConsole, "is_terminal", property(lambda self: True))
    monkeypatch.setenv("COLUMNS", "100")
    return monkeypatch


def report(runner: CliRunner, data: Path, args: list[str], *extra: str):
    result = runner.invoke(app, [*args, "--today", TODAY, "--data", str(data), *extra])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("args", REPORTS, ids=lambda a: a[0])
def test_a_long_report_goes_through_the_pager(
    runner: CliRunner, seed_data: Path, pager: Path, terminal: pytest.MonkeyPatch, args: list[str]
) -> None:
    terminal.setenv("LINES", "5")
    result = report(runner, seed_data, args)
    assert result.stdout == ""
    assert len(pager.read_text(encoding="utf-8").splitlines()) > 5
    pager.unlink()
    plain = report(runner, seed_data, args, "--no-pager")
    assert not pager.exists()
    assert plain.stdout.rstrip() != ""


@pytest.mark.parametrize("args", REPORTS, ids=lambda a: a[0])
def test_a_report_that_fits_is_printed(
    runner: CliRunner, seed_data: Path, pager: Path, terminal: pytest.MonkeyPatch, args: list[str]
) -> None:
    terminal.setenv("LINES", "1000")
    result = report(runner, seed_data, args)
    assert not pager.exists()
    assert result.stdout == report(runner, seed_data, args, "--no-pager").stdout


def test_the_pager_can_be_turned_off(
    runner: CliRunner, seed_data: Path, pager: Path, terminal: pytest.MonkeyPatch
) -> None:
    terminal.setenv("LINES", "5")
    expected = report(runner, seed_data, ["week"], "--no-pager").stdout
    assert not pager.exists() and "Tuần 16" in expected
    for name, value in (("GIAOBAN_PAGER", "0"), ("PAGER", "cat")):
        with terminal.context() as env:
            env.setenv(name, value)
            assert report(runner, seed_data, ["week"]).stdout == expected, name
            assert not pager.exists(), name


def test_log_pages_too(
    runner: CliRunner, git_repo: Path, pager: Path, terminal: pytest.MonkeyPatch
) -> None:
    data = git_repo / "data"
    for path in sorted((REPO / "data").rglob("*.yaml")):
        target = data / path.relative_to(REPO / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        run_git(git_repo, "add", ".")
        run_git(git_repo, "commit", "-qm", f"Thêm {path.name}")
    terminal.setenv("LINES", "3")
    result = runner.invoke(app, ["log", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Nguyễn Văn An" in pager.read_text(encoding="utf-8")


def run_piped(data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOBAN_")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "giaoban", "week", "--today", TODAY, "--data", str(data), *extra],
        env={**env, "LINES": "5"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_a_piped_report_never_pages(seed_data: Path, pager: Path) -> None:
    paged, plain = run_piped(seed_data), run_piped(seed_data, "--no-pager")
    assert (paged.returncode, plain.returncode) == (0, 0), plain.stderr
    assert paged.stdout == plain.stdout
    assert "Tuần 16" in paged.stdout
    assert not pager.exists()


def test_which_pager() -> None:
    from giaoban.render.terminal import pager_command, screen_rows

    assert pager_command({"PAGER": "less -R"}) == ["less", "-R"]
    assert pager_command({"GIAOBAN_PAGER": "most", "PAGER": "less"}) == ["most"]
    assert pager_command({"GIAOBAN_PAGER": "0", "PAGER": "less"}) is None
    assert pager_command({"GIAOBAN_PAGER": "1", "PAGER": "cat"}) is None
    assert screen_rows("\x1b[31mđỏ\x1b[0m\n" + "x" * 250 + "\n", 100) == 4
