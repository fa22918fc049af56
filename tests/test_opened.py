"""What a command opens it closes: commands run one after another in one process (the
tests, ``bench/fuzz.py``, a program calling giaoban) do not pile up open files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store import opened
from giaoban.store.loader import load_ledger

FDS = Path("/proc/self/fd")
TASK = "2022-04-14-giao-ban-khoi-phong-trao#1.1"


class Thing:
    def __init__(self, log: list[str], name: str) -> None:
        self.log, self.name = log, name

    def close(self) -> None:
        self.log.append(self.name)


def test_a_block_closes_what_was_opened_in_it_newest_first_and_only_that() -> None:
    log: list[str] = []
    opened.record(Thing(log, "outside any block"))  # left to the garbage collector
    with opened.closing():
        opened.record(Thing(log, "outer"))
        with opened.closing():
            opened.record(Thing(log, "inner 1"))
            opened.record(Thing(log, "inner 2"))
        assert log == ["inner 2", "inner 1"]
    assert log == ["inner 2", "inner 1", "outer"]


def test_an_empty_inner_block_leaves_the_outer_one_alone() -> None:
    """Blocks are told apart by identity: two empty ones are equal lists."""
    log: list[str] = []
    with opened.closing():
        with opened.closing():
            pass
        opened.record(Thing(log, "outer"))
    assert log == ["outer"]


def test_a_block_that_fails_still_closes_and_a_thing_closed_early_is_not_closed_twice() -> None:
    log: list[str] = []
    early = Thing(log, "early")
    with pytest.raises(ValueError, match="hỏng"), opened.closing():
        opened.record(early)
        opened.record(Thing(log, "late"))
        early.close()
        opened.forget(early)
        raise ValueError("hỏng")
    assert log == ["early", "late"]


def _open_files() -> int:
    return len(os.listdir(FDS))


@pytest.mark.skipif(not FDS.is_dir(), reason="needs /proc/self/fd (Linux) to count open files")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "{data}"],
        ["week", "--data", "{data}", "--today", "2022-04-20", "--format", "json"],
        ["export", "--data", "{data}"],
        ["note", TASK, "ghi chú", "--data", "{data}", "--today", "2022-04-20", "--no-commit"],
    ],
    ids=lambda args: args[0],
)
def test_commands_run_in_turn_leave_no_file_open(
    runner: CliRunner, seed_data: Path, args: list[str]
) -> None:
    argv = [a.replace("{data}", str(seed_data)) for a in args]
    assert runner.invoke(app, argv).exit_code == 0  # the first run may open what stays
    before = _open_files()
    for _ in range(5):
        result = runner.invoke(app, argv)
        assert result.exit_code == 0, result.output
    assert _open_files() <= before


def test_a_ledger_loaded_before_a_command_stays_usable(runner: CliRunner, seed_data: Path) -> None:
    """A command closes only what it opened itself."""
    ledger = load_ledger(seed_data).ledger
    assert runner.invoke(app, ["check", str(seed_data)]).exit_code == 0
    assert len(ledger.notices) == 5 and ledger.notices[0].tasks
