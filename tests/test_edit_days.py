"""The day an edit records (``--on``) follows one rule in every edit command: never before
the notice, and, for a day something was done, cancelled or noted, never after today. A
refusal exits 1, names the day in Vietnamese, changes no file and commits nothing; the
notice's own day and today are taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_cli_edit import PATH, commits, invoke, make_ledger

TODAY = "2019-03-05"  # the notice is of 18/02/2019


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


COMMANDS = {
    "done": (["done", "2019#1"], "ngày hoàn thành"),
    "cancel": (["cancel", "2019#1", "--reason", "Không thực hiện nữa"], "ngày hủy"),
    "note": (["note", "2019#1", "Đã gửi dự thảo"], "ngày ghi chú"),
    "postpone": (
        ["postpone", "2019#1", "trước ngày 30/03/2019", "--reason", "Chờ ý kiến"],
        "ngày gia hạn có hiệu lực",
    ),
}


def _refused(runner: CliRunner, ledger: Path, args: list[str]) -> str:
    before, text = commits(ledger.parent), (ledger.parent / PATH).read_bytes()
    result = invoke(runner, ledger, *args, "--today", TODAY)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert commits(ledger.parent) == before
    assert (ledger.parent / PATH).read_bytes() == text
    return result.stderr


@pytest.mark.parametrize("command", ["done", "cancel", "note"])
def test_a_day_after_today_is_refused(runner: CliRunner, ledger: Path, command: str) -> None:
    args, what = COMMANDS[command]
    message = _refused(runner, ledger, [*args, "--on", "2019-03-20"])
    assert message.startswith(f"giaoban: lỗi: {what} 20/03/2019 sau hôm nay (05/03/2019); ")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_day_before_the_notice_is_refused(runner: CliRunner, ledger: Path, command: str) -> None:
    args, what = COMMANDS[command]
    message = _refused(runner, ledger, [*args, "--on", "01/01/2010"])
    assert message == (
        f"giaoban: lỗi: {what} 01/01/2010 sớm hơn ngày thông báo 18/02/2019; "
        "nhiệm vụ chưa có trước ngày đó\n"
    )


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("day", ["2019-02-18", TODAY])
def test_the_notice_day_and_today_are_taken(
    runner: CliRunner, ledger: Path, command: str, day: str
) -> None:
    args, _ = COMMANDS[command]
    result = invoke(runner, ledger, *args, "--on", day, "--today", TODAY)
    assert result.exit_code == 0, result.output


def test_a_cancel_refused_leaves_the_task_open_and_late_as_reports_say(
    runner: CliRunner, ledger: Path
) -> None:
    """The finding: 'Đã hủy' printed for a day to come while every report still listed the
    task as open and late. Refused now; the same cancel of today is shown as cancelled."""
    args, _ = COMMANDS["cancel"]
    _refused(runner, ledger, [*args, "--on", "2019-03-20"])
    assert invoke(runner, ledger, *args, "--today", TODAY).exit_code == 0
    shown = invoke(runner, ledger, "show", "2019#1", "--today", TODAY, "--no-pager")
    assert "Trạng thái  đã hủy" in shown.stdout, shown.stdout
