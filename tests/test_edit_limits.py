"""What ``postpone`` and ``stop`` refuse, end to end in a real git repository: a task that
is no longer open (said in Vietnamese, as ``done`` and ``cancel`` say it), a new deadline
with no day to be late by, and a stop that would bring back weeks an earlier stop ended.
Each refusal exits 1, leaves the file as it was and commits nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_cli_edit import PATH, commits, invoke, make_ledger


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


def _refused(runner: CliRunner, ledger: Path, *args: str) -> str:
    """The message of a refused command, after checking it changed and committed nothing."""
    before, text = commits(ledger.parent), (ledger.parent / PATH).read_bytes()
    result = invoke(runner, ledger, *args)
    assert result.exit_code == 1, result.output
    assert commits(ledger.parent) == before
    assert (ledger.parent / PATH).read_bytes() == text
    assert "Traceback" not in result.output
    return result.stderr


def _ok(runner: CliRunner, ledger: Path, *args: str) -> str:
    result = invoke(runner, ledger, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- a task that is no longer open -----------------------------------------------------------


@pytest.mark.parametrize(
    ("close", "word"),
    [
        (["cancel", "2019#1", "--reason", "Không làm nữa"], "đã hủy"),
        (["done", "2019#1"], "đã hoàn thành"),
    ],
)
def test_postpone_of_a_closed_task_says_why_in_vietnamese(
    runner: CliRunner, ledger: Path, close: list[str], word: str
) -> None:
    _ok(runner, ledger, *close, "--today", "2019-02-20")
    args = ["postpone", "2019#1", "trước ngày 15/03/2019", "--reason", "x"]
    message = _refused(runner, ledger, *args, "--today", "2019-02-21")
    assert message == (
        f"giaoban: lỗi: mục 1 {word}; không gia hạn được; "
        "muốn gia hạn thì dùng 'giaoban reopen' trước\n"
    )


def test_stop_of_a_cancelled_duty_says_why_in_vietnamese(runner: CliRunner, ledger: Path) -> None:
    _ok(runner, ledger, "cancel", "2019#2", "--reason", "Thôi", "--today", "2019-02-20")
    message = _refused(runner, ledger, "stop", "2019#2", "--from", "2019-03-01")
    assert message == "giaoban: lỗi: mục 2 đã hủy; không cần dừng\n"
