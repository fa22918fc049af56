"""Every result the clerk types is kept: a recurring duty's ``done --result`` is the result of
that occurrence (``occurrence_results``), never a replacement of the previous one; a task
done again after a reopen keeps the result it replaces as a note. The commit message and
``log`` say the result and the note recorded; a confidential notice's read "(mật)".
End to end, in real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git
from tests.test_cli_edit import last_commit

NOTICE_ID = "2022-04-14-gb"
PATH = f"data/2022/{NOTICE_ID}.yaml"
NOTICE = f"""\
id: {NOTICE_ID}
kind: thông báo kết luận
title: Giao ban tháng 4
date: 2022-04-14
tasks:
  - item: "6.2"
    text: Báo cáo tiến độ về Văn phòng
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần   # hằng tuần
    status: open
  - item: "1"
    text: Việc A
    owners: [VP]
    deadline: trước ngày 30/04/2022
    status: open
"""
DUTY = f"{NOTICE_ID}#6.2"


def commit_notice(data: Path, notice: str) -> Path:
    """``notice`` written (or rewritten) and committed in the data folder ``data``."""
    (data.parent / PATH).parent.mkdir(parents=True, exist_ok=True)
    (data.parent / PATH).write_text(notice, encoding="utf-8")
    run_git(data.parent, "add", ".")
    run_git(data.parent, "commit", "-qm", "Thông báo")
    return data


@pytest.fixture
def ledger(ledger: Path) -> Path:
    """conftest's ledger (the registry committed) with ``NOTICE`` committed."""
    return commit_notice(ledger, NOTICE)


def run(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def log_lines(runner: CliRunner, data: Path, task: str) -> list[str]:
    out = run(runner, data, "log", task, "--no-pager", "--format", "json")
    return [
        e["action"] + " " + json.dumps(e["details"], ensure_ascii=False)
        for e in json.loads(out)["events"]
    ]


@pytest.mark.parametrize("commit", [True, False])
def test_each_occurrence_keeps_its_result(runner: CliRunner, ledger: Path, commit: bool) -> None:
    flags = () if commit else ("--no-commit",)
    for day in ("15/04", "22/04"):
        today = f"2022-{day[3:]}-{day[:2]}"
        run(
            runner, ledger, "done", DUTY, "--result", f"Đã nộp tuần {day}", "--today", today, *flags
        )
    text = (ledger.parent / PATH).read_text(encoding="utf-8")
    assert text == NOTICE.replace(
        "    status: open\n",
        "    done_occurrences:\n      - 2022-04-15\n      - 2022-04-22\n    status: open\n"
        "    occurrence_results:\n"
        "      - date: 2022-04-15\n        text: Đã nộp tuần 15/04\n"
        "      - date: 2022-04-22\n        text: Đã nộp tuần 22/04\n",
        1,
    )
    shown = run(runner, ledger, "show", DUTY, "--today", "2022-04-23", "--no-pager")
    assert "Kết quả            lần 15/04/2022: Đã nộp tuần 15/04" in shown
    assert "Kết quả            lần 22/04/2022: Đã nộp tuần 22/04" in shown
    exported = json.loads(run(runner, ledger, "export", "--format", "json"))
    task = exported["notices"][0]["tasks"][0]
    assert task["occurrence_results"] == [
        {"date": "2022-04-15", "text": "Đã nộp tuần 15/04"},
        {"date": "2022-04-22", "text": "Đã nộp tuần 22/04"},
    ]
    assert "result" not in task
    found = run(runner, ledger, "search", "da nop tuan 15", "--format", "json")
    assert [t["id"] for t in json.loads(found)["tasks"]] == [DUTY]


def test_the_message_and_log_tell_the_result(runner: CliRunner, ledger: Path) -> None:
    run(runner, ledger, "done", DUTY, "--result", "Đã nộp tuần 15/04", "--today", "2022-04-15")
    _, lines, message = last_commit(ledger.parent)
    assert lines == [
        "+    done_occurrences:",
        "+      - 2022-04-15",
        "+    occurrence_results:",
        "+      - date: 2022-04-15",
        "+        text: Đã nộp tuần 15/04",
    ]
    assert message == (
        f"Hoàn thành {DUTY} (lần 15/04/2022): Báo cáo tiến độ về Văn phòng\n\n"
        "Kết quả: Đã nộp tuần 15/04\n\n"
        f"Giaoban-Action: done\nGiaoban-Task: {DUTY}\nGiaoban-Date: 2022-04-15\n"
        "Giaoban-Occurrence: 2022-04-15\nGiaoban-Result: Đã nộp tuần 15/04"
    )
    out = run(runner, ledger, "log", DUTY, "--no-pager")
    assert out.splitlines()[-1].split("  ")[-2] == (
        "hoàn thành lần 15/04/2022; kết quả: Đã nộp tuần 15/04"
    )


def test_a_note_of_done_is_in_the_message_and_log(runner: CliRunner, ledger: Path) -> None:
    task = f"{NOTICE_ID}#1"
    run(runner, ledger, "done", task, "--note", "Gửi bản giấy", "--today", "2022-04-20")
    _, _, message = last_commit(ledger.parent)
    assert "\n\nGhi chú: Gửi bản giấy\n\n" in message
    assert message.endswith("Giaoban-Note: Gửi bản giấy")
    out = run(runner, ledger, "log", task, "--no-pager")
    told = [line.split("  ")[-2] for line in out.splitlines()[-2:]]
    assert told == ["hoàn thành ngày 20/04/2022", "ghi chú: Gửi bản giấy"]


def test_a_result_replaced_after_a_reopen_is_kept_as_a_note(
    runner: CliRunner, ledger: Path
) -> None:
    task = f"{NOTICE_ID}#1"
    run(runner, ledger, "done", task, "--result", "Đã gửi bản 1", "--today", "2022-04-20")
    run(runner, ledger, "reopen", task)
    out = run(runner, ledger, "done", task, "--result", "Đã gửi bản 2", "--today", "2022-04-21")
    assert out.startswith(
        f"Đã ghi hoàn thành {task} (ngày 21/04/2022; kết quả trước đó được giữ thành một ghi chú)"
    )
    _, _, message = last_commit(ledger.parent)
    text = (ledger.parent / PATH).read_text(encoding="utf-8")
    assert text.endswith(
        "    status: done\n    done_on: 2022-04-21\n    result: Đã gửi bản 2\n"
        '    notes:\n      - date: 2022-04-21\n        text: "Kết quả trước đó: Đã gửi bản 1"\n'
    )
    assert "Kết quả trước đó được giữ thành một ghi chú." in message.splitlines()


@pytest.mark.parametrize("commit", [True, False], ids=["its-commit", "by-hand"])
def test_log_tells_the_result_a_done_kept_as_a_note(
    runner: CliRunner, ledger: Path, commit: bool
) -> None:
    """``log`` tells the note that keeps a replaced result, from the message of the ``done``
    that wrote it (``Giaoban-Kept-Result``) as from a commit by hand of the same change."""
    task = f"{NOTICE_ID}#1"
    run(runner, ledger, "done", task, "--result", "Đã gửi bản 1", "--today", "2022-04-20")
    run(runner, ledger, "reopen", task)
    again = [
        "done",
        task,
        "--result",
        "Đã gửi bản 2",
        "--note",
        "Bản giấy",
        "--today",
        "2022-04-21",
    ]
    run(runner, ledger, *again, *([] if commit else ["--no-commit"]))
    if commit:
        _, _, message = last_commit(ledger.parent)
        assert message.endswith("Giaoban-Note: Bản giấy\nGiaoban-Kept-Result: Đã gửi bản 1")
    else:
        run_git(ledger.parent, "commit", "-qam", "Sửa tay")
    out = run(runner, ledger, "log", task, "--no-pager")
    assert [line.split("  ")[-2] for line in out.splitlines()[-3:]] == [
        "hoàn thành ngày 21/04/2022; kết quả: Đã gửi bản 2",
        "ghi chú: Kết quả trước đó: Đã gửi bản 1",
        "ghi chú: Bản giấy",
    ]


def test_a_confidential_result_kept_as_a_note_stays_hidden(runner: CliRunner, ledger: Path) -> None:
    secret = NOTICE.replace("date: 2022-04-14\n", "date: 2022-04-14\nconfidential: true\n")
    data = commit_notice(ledger, secret)
    task, word = f"{NOTICE_ID}#1", "đồng chí Tám"
    run(runner, data, "done", task, "--result", f"Đã gặp {word}", "--today", "2022-04-20")
    run(runner, data, "reopen", task)
    run(runner, data, "done", task, "--result", "Đã gửi", "--today", "2022-04-21")
    _, _, message = last_commit(ledger.parent)
    assert word not in message and "Giaoban-Kept-Result: (mật)" in message
    out = run(runner, data, "log", task, "--no-pager")
    assert word not in out and out.splitlines()[-1].split("  ")[-2] == "ghi chú: (mật)"


def test_the_same_result_again_adds_no_note(runner: CliRunner, ledger: Path) -> None:
    task = f"{NOTICE_ID}#1"
    run(runner, ledger, "done", task, "--result", "Đã gửi", "--today", "2022-04-20")
    run(runner, ledger, "reopen", task)
    out = run(runner, ledger, "done", task, "--result", "Đã gửi", "--today", "2022-04-21")
    assert "ghi chú" not in out
    assert "notes:" not in (ledger.parent / PATH).read_text(encoding="utf-8")


def test_a_duty_result_written_before_occurrence_results_still_reads(
    runner: CliRunner, ledger: Path
) -> None:
    """Backward compatible: a duty's task-level ``result`` of a file written before is valid
    and shown; the next done adds its occurrence's result beside it."""
    old = NOTICE.replace(
        "    status: open\n",
        "    done_occurrences: [2022-04-15]\n    status: open\n    result: Đã nộp tuần 15/04\n",
        1,
    )
    data = commit_notice(ledger, old)
    checked = run(runner, data, "check", "--today", "2022-04-20")
    assert checked.endswith("0 lỗi, 0 cảnh báo — hợp lệ.\n")
    run(runner, data, "done", DUTY, "--result", "Đã nộp tuần 22/04", "--today", "2022-04-22")
    text = (ledger.parent / PATH).read_text(encoding="utf-8")
    assert "    result: Đã nộp tuần 15/04\n" in text
    shown = run(runner, data, "show", DUTY, "--today", "2022-04-23", "--no-pager")
    assert "Kết quả            Đã nộp tuần 15/04" in shown
    assert "Kết quả            lần 22/04/2022: Đã nộp tuần 22/04" in shown


def test_an_occurrence_result_without_its_text_is_an_error(runner: CliRunner, ledger: Path) -> None:
    bad = NOTICE.replace(
        "    status: open\n",
        "    status: open\n    occurrence_results:\n      - date: 2022-04-15\n",
        1,
    )
    data = commit_notice(ledger, bad)
    result = runner.invoke(app, ["check", "--data", str(data)])
    assert result.exit_code == 1
    assert f"{PATH}:12:9: error:" in result.stdout and "[missing-key]" in result.stdout


def test_a_hand_edit_adding_an_occurrence_and_its_result_is_told_as_one_done(
    runner: CliRunner, ledger: Path
) -> None:
    path = ledger.parent / PATH
    text = path.read_text(encoding="utf-8").replace(
        "    status: open\n",
        "    done_occurrences: [2022-04-15]\n    status: open\n"
        "    occurrence_results:\n      - {date: 2022-04-15, text: Đã nộp}\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Sửa tay")
    assert log_lines(runner, ledger, DUTY)[-1] == (
        'done {"occurrence": "2022-04-15", "result": "Đã nộp"}'
    )


def test_a_confidential_duty_hides_its_results(runner: CliRunner, ledger: Path) -> None:
    secret = NOTICE.replace("date: 2022-04-14\n", "date: 2022-04-14\nconfidential: true\n")
    data = commit_notice(ledger, secret)
    word = "đồng chí Tám"
    run(runner, data, "done", DUTY, "--result", f"Đã gặp {word}", "--today", "2022-04-15")
    _, _, message = last_commit(ledger.parent)
    assert word not in message and "Giaoban-Result: (mật)" in message
    for args in (
        ("show", DUTY, "--today", "2022-04-16", "--no-pager"),
        ("export", "--format", "json"),
        ("log", DUTY, "--no-pager"),
        ("textconv", str(ledger.parent / PATH)),
    ):
        assert word not in run(runner, data, *args), args
    assert word in run(runner, data, "show", DUTY, "--show-confidential", "--no-pager")
