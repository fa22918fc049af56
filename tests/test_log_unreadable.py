"""``giaoban log`` over a notice file that could not be read for a while (conflict markers
committed by ``git rebase --continue``, a YAML error, tasks without items, an empty file, a
file deleted then added back): the repair is compared with the last version that could be
read, so the tasks that did not change show nothing and are counted once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit import operations as edits
from giaoban.history import story
from giaoban.history.story import describe, read_history
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2024-03-01-giao-ban"
NOTICE = {
    "id": NOTICE_ID,
    "kind": "thông báo kết luận",
    "title": "Kết luận giao ban tháng 3/2024",
    "date": date(2024, 3, 1),
    "tasks": [
        {"item": "1", "text": "Tổ chức tập huấn", "owners": ["VP"], "deadline": "trước 15/3/2024"},
        {"item": "2", "text": "Rà soát danh mục", "owners": ["BTC"], "deadline": "trong tháng 4"},
    ],
}
FILE = f"data/2024/{NOTICE_ID}.yaml"


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", moment)
    monkeypatch.setenv("GIT_COMMITTER_DATE", moment)


@pytest.fixture
def ledger(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    at(monkeypatch, "2024-03-01T09:00:00+07:00")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")
    edits.create_notice(data, NOTICE, commit=True)
    at(monkeypatch, "2024-03-05T09:00:00+07:00")
    return data


def _commit(ledger: Path, text: str, message: str) -> None:
    """Commit ``text`` as the notice file, as ``git rebase --continue`` would: no hook."""
    (ledger.parent / FILE).write_text(text, encoding="utf-8")
    run_git(ledger.parent, "commit", "-q", "--no-verify", "-am", message)


def _log(runner: CliRunner, ledger: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["log", *args, "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _what(line: str) -> str:
    """What a line of ``log`` says happened: before the commit, after the author."""
    return line.rpartition("  (")[0].split("  ", 2)[-1]


def _summary_total(runner: CliRunner, ledger: Path, *args: str) -> dict[str, int]:
    result = runner.invoke(
        app, ["log", "--summary", "--format", "json", *args, "--data", str(ledger)]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["total"]


def _breakers(good: str) -> dict[str, str]:
    """Versions of the notice file that cannot be compared task by task."""
    return {
        "conflict markers": good.replace(
            "    status: open\n", "    status: open\n<<<<<<< HEAD\n", 1
        ),
        "a YAML error": good.replace("owners:\n      - VP", "owners: [VP", 1),
        "an empty file": "",
        "the tasks are not a list": good.replace("tasks:\n  - item", "tasks:\n  x:\n  - item"),
        "a task without its item": good.replace('  - item: "2"\n    text', "  - text", 1),
        "a list, not a notice": "- " + good.replace("\n", "\n  "),
    }


@pytest.mark.parametrize("kind", list(_breakers("")))
def test_a_repaired_file_shows_no_task_created_again(
    ledger: Path, runner: CliRunner, kind: str
) -> None:
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    broken = _breakers(good)[kind]
    assert broken != good
    _commit(ledger, broken, "Gia hạn (xung đột chưa gỡ hết)")
    _commit(ledger, good, "Gỡ dấu xung đột")

    lines = _log(runner, ledger, NOTICE_ID)

    assert sum("tạo thông báo" in line for line in lines) == 1
    assert not any(word in line for line in lines for word in ("tạo nhiệm vụ", "xóa nhiệm vụ"))
    assert any("(tệp đọc được trở lại)" in line for line in lines)
    unreadable = [line for line in lines if "Gia hạn (xung đột" in line or "không đọc được" in line]
    assert unreadable, lines
    assert _summary_total(runner, ledger)["added"] == 2  # each task once
    task = [_what(line) for line in _log(runner, ledger, f"{NOTICE_ID}#1")[1:]]
    assert task[0] == "tạo thông báo: Kết luận giao ban tháng 3/2024"
    assert "không đọc được" in task[1]  # the task's file could not be read: said so
    assert task[2:] == ["sửa (tệp đọc được trở lại)"]


def test_the_broken_commit_is_shown_as_such(ledger: Path) -> None:
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    _commit(ledger, _breakers(good)["conflict markers"], "Gia hạn (xung đột chưa gỡ hết)")
    _commit(ledger, _breakers(good)["a task without its item"], "Gỡ dấu xung đột (dở)")
    _commit(ledger, good, "Gỡ dấu xung đột")

    events = [e for e in read_history(ledger) if e.subject != "Danh mục đơn vị"]

    assert [(e.action, e.item, describe(e)) for e in events] == [
        ("add-notice", None, "tạo thông báo: Kết luận giao ban tháng 3/2024"),
        ("edit", None, "sửa (tệp không đọc được)"),
        ("edit", None, "sửa (không đọc được danh sách nhiệm vụ)"),
        ("edit", None, "sửa (tệp đọc được trở lại)"),
    ]


def test_the_repair_shows_what_changed_since_the_last_readable_version(
    ledger: Path, runner: CliRunner
) -> None:
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    _commit(ledger, _breakers(good)["a YAML error"], "Sửa tay (hỏng)")
    changed = good.replace("trong tháng 4", "trong tháng 5").replace(
        'item: "1"\n    text: Tổ chức tập huấn', 'item: "1"\n    text: Tổ chức tập huấn cán bộ'
    )
    _commit(ledger, changed + '  - item: "3"\n    text: Việc mới\n', "Sửa tay")

    events = [e for e in read_history(ledger) if e.subject == "Sửa tay"]

    assert [(e.item, describe(e)) for e in events] == [
        (None, "sửa (tệp đọc được trở lại)"),
        ("1", "sửa nội dung nhiệm vụ"),
        ("2", "gia hạn: trong tháng 4 → trong tháng 5"),
        ("3", "tạo nhiệm vụ"),
    ]
    assert _summary_total(runner, ledger)["added"] == 3


def test_a_postponement_whose_commit_held_conflict_markers_is_told_once(
    ledger: Path, runner: CliRunner
) -> None:
    """``giaoban sync``: the clerk's postponement, rebased, keeps its message and trailers
    while the file holds the markers; the repair does not postpone it a second time."""
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    postponed = good.replace("trong tháng 4", "trong tháng 5")
    message = story.postpone_message(
        f"{NOTICE_ID}#2", "trong tháng 4", "trong tháng 5", "Chờ số liệu", None, date(2024, 3, 5)
    )
    marked = postponed.replace(
        "    deadline: trong tháng 5\n",
        "<<<<<<< HEAD\n    deadline: trong tháng 5\n"
        "=======\n    deadline: trong tháng 4\n>>>>>>> x\n",
    )
    _commit(ledger, marked, message.text())
    _commit(ledger, postponed, "Gỡ dấu xung đột")

    lines = _log(runner, ledger, f"{NOTICE_ID}#2")

    assert sum("gia hạn: trong tháng 4 → trong tháng 5" in line for line in lines) == 1
    assert not any("tạo nhiệm vụ" in line for line in lines)
    total = _summary_total(runner, ledger)
    assert (total["added"], total["postponed"]) == (2, 1)


def test_a_notice_deleted_then_added_back_is_restored_not_created(
    ledger: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_git(ledger.parent, "rm", "-q", FILE)
    run_git(ledger.parent, "commit", "-qm", "Xóa nhầm thông báo")
    at(monkeypatch, "2024-03-06T09:00:00+07:00")
    run_git(ledger.parent, "checkout", "HEAD~1", "--", FILE)
    run_git(ledger.parent, "commit", "-qm", "Lấy lại thông báo")

    lines = _log(runner, ledger, f"{NOTICE_ID}#1")

    assert [_what(line) for line in lines[1:]] == [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "xóa thông báo",
        "khôi phục thông báo",
    ]
    assert _summary_total(runner, ledger)["added"] == 2
    assert _summary_total(runner, ledger, "--since", "04/03/2024")["added"] == 0


def test_a_notice_deleted_then_added_back_changed_shows_its_changes(ledger: Path) -> None:
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    run_git(ledger.parent, "rm", "-q", FILE)
    run_git(ledger.parent, "commit", "-qm", "Xóa nhầm thông báo")
    (ledger / "2024").mkdir(exist_ok=True)  # git removed the emptied folder
    (ledger.parent / FILE).write_text(good.replace("trong tháng 4", "trong tháng 5"), "utf-8")
    run_git(ledger.parent, "add", FILE)
    run_git(ledger.parent, "commit", "-qm", "Lấy lại thông báo")

    events = [e for e in read_history(ledger) if e.subject == "Lấy lại thông báo"]

    assert [(e.action, e.item) for e in events] == [("restore-notice", None), ("postpone", "2")]


def test_a_file_unreadable_from_its_first_commit_is_created_when_repaired(
    ledger: Path, runner: CliRunner
) -> None:
    path = ledger / "2024" / "2024-03-08-hop.yaml"
    good = (ledger.parent / FILE).read_text(encoding="utf-8").replace(NOTICE_ID, path.stem)
    path.write_text(_breakers(good)["conflict markers"], encoding="utf-8")
    run_git(ledger.parent, "add", str(path))
    run_git(ledger.parent, "commit", "-q", "--no-verify", "-m", "Thêm thông báo (hỏng)")
    path.write_text(good, encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Sửa")

    events = [e for e in read_history(ledger) if e.notice == path.stem]

    assert [describe(e) for e in events] == [
        "sửa (tệp không đọc được)",
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
    ]
    assert _summary_total(runner, ledger)["added"] == 4


# Task 2's last lines, and the same task postponed, done, or both.
TASK_2 = "    deadline: trong tháng 4\n    status: open\n"
POSTPONED = "    deadline: trong tháng 5\n    status: open\n"
DONE = "    deadline: trong tháng 4\n    status: done\n    done_on: 2024-03-05\n"
BOTH = "    deadline: trong tháng 5\n    status: done\n    done_on: 2024-03-05\n"


def test_a_rebased_done_whose_file_kept_both_sides_is_unreadable_and_done_once(
    ledger: Path, runner: CliRunner
) -> None:
    """``sync`` stopped on a conflict; the clerk deleted the marker lines (both sides kept,
    keys written twice), continued the rebase, then fixed the keys: the done is told once,
    by the repair, and the commit between is named unreadable whatever its message says."""
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    _commit(ledger, good.replace(TASK_2, POSTPONED), "Gia hạn (của người kia)")
    done = story.done_message(f"{NOTICE_ID}#2", "Rà soát danh mục", date(2024, 3, 5))
    _commit(ledger, good.replace(TASK_2, POSTPONED + DONE), done.text())
    _commit(ledger, good.replace(TASK_2, BOTH), "Sửa xung đột")

    lines = [_what(line) for line in _log(runner, ledger, f"{NOTICE_ID}#2")[1:]]

    assert lines == [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "gia hạn: trong tháng 4 → trong tháng 5",
        "sửa (tệp không đọc được)",
        "sửa (tệp đọc được trở lại)",
        "hoàn thành ngày 05/03/2024",
    ]
    assert _summary_total(runner, ledger)["done"] == 1


def test_every_commit_of_an_unreadable_run_is_named_and_the_repair_tells_each_change_once(
    ledger: Path, runner: CliRunner
) -> None:
    """Two rebased commits, both made on a file holding conflict markers (a postponement,
    then a done): neither message is taken at its word; the repair compared with the last
    readable version tells the postponement and the done once each."""
    good = (ledger.parent / FILE).read_text(encoding="utf-8")
    marked = good.replace('  - item: "2"\n', '<<<<<<< HEAD\n  - item: "2"\n')
    move = story.postpone_message(
        f"{NOTICE_ID}#2", "trong tháng 4", "trong tháng 5", "Chờ số liệu", None, date(2024, 3, 5)
    )
    _commit(ledger, marked.replace(TASK_2, POSTPONED), move.text())
    done = story.done_message(f"{NOTICE_ID}#2", "Rà soát danh mục", date(2024, 3, 5))
    _commit(ledger, marked.replace(TASK_2, BOTH), done.text())
    _commit(ledger, good.replace(TASK_2, BOTH), "Gỡ dấu xung đột")

    lines = [_what(line) for line in _log(runner, ledger, f"{NOTICE_ID}#2")[1:]]

    assert lines == [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "sửa (tệp không đọc được)",
        "sửa (tệp không đọc được)",
        "sửa (tệp đọc được trở lại)",
        "gia hạn: trong tháng 4 → trong tháng 5",
        "hoàn thành ngày 05/03/2024",
    ]
    total = _summary_total(runner, ledger)
    assert (total["postponed"], total["done"]) == (1, 1)
