"""``giaoban log`` over a notice file moved or renamed with git: one move, never a deletion
and a creation (git's own rename detection, read through the one git adapter)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from giaoban.cli.main import app
from giaoban.edit import operations as edits
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


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")
    edits.create_notice(data, NOTICE, commit=True)
    return data


def _move(ledger: Path, to: str, message: str = "Chuyển thông báo cũ vào lưu trữ") -> None:
    target = ledger / to
    target.parent.mkdir(parents=True, exist_ok=True)
    run_git(ledger.parent, "mv", f"data/2024/{NOTICE_ID}.yaml", str(target))
    run_git(ledger.parent, "commit", "-qm", message)


@pytest.mark.parametrize("query", [None, NOTICE_ID, f"{NOTICE_ID}#1"])
def test_a_notice_moved_to_another_folder_is_one_move(ledger: Path, runner, query) -> None:
    _move(ledger, f"luu/{NOTICE_ID}.yaml")

    result = runner.invoke(app, ["log", *([query] if query else []), "--data", str(ledger)])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    moved = [line for line in lines if "chuyển tệp thông báo" in line]
    assert len(moved) == 1
    assert (
        f"chuyển tệp thông báo từ data/2024/{NOTICE_ID}.yaml sang data/luu/{NOTICE_ID}.yaml"
        in moved[0]
    )
    assert not any("xóa thông báo" in line for line in lines)
    assert sum("tạo thông báo" in line for line in lines) == 1  # its creation, once


def test_the_move_in_json_names_both_paths(ledger: Path, runner) -> None:
    _move(ledger, f"luu/2024/{NOTICE_ID}.yaml")

    result = runner.invoke(app, ["log", NOTICE_ID, "--format", "json", "--data", str(ledger)])

    assert result.exit_code == 0, result.output
    events = json.loads(result.output)["events"]
    assert [(e["action"], e["details"]) for e in events] == [
        ("add-notice", {"title": "Kết luận giao ban tháng 3/2024"}),
        ("move", {"from": f"data/2024/{NOTICE_ID}.yaml", "to": f"data/luu/2024/{NOTICE_ID}.yaml"}),
    ]
    assert events[1]["subject"] == "Chuyển thông báo cũ vào lưu trữ"


def test_a_move_with_small_changes_is_the_move_then_the_changes(ledger: Path) -> None:
    """Moved and edited in one commit: the move, then what changed, task by task; and
    the versions rebuilt after it are right (a later edit reads as that edit alone)."""
    old = ledger / "2024" / f"{NOTICE_ID}.yaml"
    new = ledger / "luu" / f"{NOTICE_ID}.yaml"
    new.parent.mkdir()
    text = old.read_text(encoding="utf-8").replace("trong tháng 4", "trong tháng 5")
    new.write_text(text, encoding="utf-8")
    old.unlink()
    run_git(ledger.parent, "add", "-A", ".")
    run_git(ledger.parent, "commit", "-qm", "Lưu trữ, dời hạn mục 2")
    edits.mark_done(ledger, f"{NOTICE_ID}#1", edits.DoneArgs(), date(2024, 3, 10), commit=True)
    new.write_text(
        new.read_text(encoding="utf-8").replace("Rà soát danh mục", "Rà soát lại danh mục"),
        encoding="utf-8",
    )
    run_git(ledger.parent, "commit", "-qam", "Sửa chữ")

    events = read_history(ledger)

    assert [(e.item, e.action, describe(e)) for e in events] == [
        (None, "add-notice", "tạo thông báo: Kết luận giao ban tháng 3/2024"),
        (
            None,
            "move",
            f"chuyển tệp thông báo từ data/2024/{NOTICE_ID}.yaml sang data/luu/{NOTICE_ID}.yaml",
        ),
        ("2", "postpone", "gia hạn: trong tháng 4 → trong tháng 5"),
        ("1", "done", "hoàn thành ngày 10/03/2024"),
        ("2", "text", "sửa nội dung nhiệm vụ"),
    ]


def test_a_file_renamed_with_its_id_is_a_move_and_the_id_edit(ledger: Path) -> None:
    old = ledger / "2024" / f"{NOTICE_ID}.yaml"
    new = ledger / "2024" / "2024-03-01-giao-ban-thang-3.yaml"
    text = old.read_text(encoding="utf-8")
    new.write_text(text.replace(f"id: {NOTICE_ID}", f"id: {new.stem}"), encoding="utf-8")
    old.unlink()
    run_git(ledger.parent, "add", "-A", ".")
    run_git(ledger.parent, "commit", "-qm", "Đổi mã thông báo")

    events = read_history(ledger)[1:]

    assert [(e.notice, e.action, dict(e.details)) for e in events] == [
        (
            new.stem,
            "move",
            {"from": f"data/2024/{NOTICE_ID}.yaml", "to": f"data/2024/{new.stem}.yaml"},
        ),
        (new.stem, "edit", {"fields": "id"}),
    ]


def test_only_a_move_between_two_notice_paths_is_a_move(ledger: Path) -> None:
    """Out of the ledger is out of it: a file moved out of the data folder is removed, one
    moved in is created; a draft ``.yml`` renamed to ``.yaml`` (a line changed) becomes a
    notice, whole; a notice renamed to a backup name stops being one."""
    _move(ledger, f"luu/{NOTICE_ID}.yaml")
    (ledger.parent / "archive").mkdir()
    run_git(ledger.parent, "mv", f"data/luu/{NOTICE_ID}.yaml", "archive/")
    run_git(ledger.parent, "commit", "-qm", "Ra khỏi sổ")
    run_git(ledger.parent, "mv", f"archive/{NOTICE_ID}.yaml", "data/")
    run_git(ledger.parent, "commit", "-qm", "Vào lại sổ")
    draft = ledger / "2024" / "2024-03-05-hop.yml"
    text = (ledger / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    draft.write_text(text.replace(NOTICE_ID, draft.stem), encoding="utf-8")
    run_git(ledger.parent, "add", str(draft))
    run_git(ledger.parent, "commit", "-qm", "Bản nháp")
    final = draft.with_suffix(".yaml")
    final.write_text(
        draft.read_text(encoding="utf-8").replace("Tổ chức tập huấn", "Tổ chức hội thảo"),
        encoding="utf-8",
    )
    draft.unlink()
    run_git(ledger.parent, "add", "-A", ".")
    run_git(ledger.parent, "commit", "-qm", "Ban hành")
    run_git(ledger.parent, "mv", str(final), str(final.with_suffix(".yaml.bak")))
    run_git(ledger.parent, "commit", "-qm", "Cất đi")

    events = read_history(ledger, versions=True)

    assert [(e.notice, e.action) for e in events] == [
        (NOTICE_ID, "add-notice"),
        (NOTICE_ID, "move"),
        (NOTICE_ID, "remove-notice"),
        (NOTICE_ID, "add-notice"),
        (final.stem, "add-notice"),
        (final.stem, "remove-notice"),
    ]
    created = events[4].version
    assert created is not None and "    text: Tổ chức hội thảo\n" in created
    assert f"id: {final.stem}\n" in created


def _rename_with_id(ledger: Path, new_id: str) -> None:
    """``git mv`` the notice to ``new_id``'s file and make its ``id`` that, as a clerk
    tidying the archive does: one commit."""
    run_git(ledger.parent, "mv", f"data/2024/{NOTICE_ID}.yaml", f"data/2024/{new_id}.yaml")
    new = ledger / "2024" / f"{new_id}.yaml"
    text = new.read_text(encoding="utf-8")
    new.write_text(text.replace(f"id: {NOTICE_ID}\n", f"id: {new_id}\n"), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Đổi tên tệp")


def test_a_task_keeps_its_history_when_its_notice_file_is_renamed_with_its_id(
    ledger: Path, runner
) -> None:
    """A rename to a longer id (the old id a prefix of the new): the task's log by its new
    id, and by its old one, is its whole story (created, postponed, moved, then what
    came after), as the log of the whole ledger tells it."""
    new_id = f"{NOTICE_ID}-thang-3"
    later = edits.PostponeArgs("trước ngày 31/5/2024", "Chờ sáp nhập")
    edits.move_deadline(ledger, f"{NOTICE_ID}#2", later, date(2024, 3, 20), commit=True)
    _rename_with_id(ledger, new_id)
    edits.mark_done(ledger, f"{new_id}#2", edits.DoneArgs(), date(2024, 4, 2), commit=True)
    moved = f"chuyển tệp thông báo từ data/2024/{NOTICE_ID}.yaml sang data/2024/{new_id}.yaml"
    story = [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "gia hạn: trong tháng 4 → trước ngày 31/5/2024; lý do: Chờ sáp nhập",
        moved,
        "hoàn thành ngày 02/04/2024",
    ]

    for query in (f"{new_id}#2", f"{NOTICE_ID}#2"):
        result = runner.invoke(app, ["log", query, "--data", str(ledger)])
        assert result.exit_code == 0, result.output
        lines = [
            line.rpartition("  (")[0].split("  ", 2)[-1] for line in result.output.splitlines()
        ]
        assert [line for line in lines if line and "—" not in line] == story, query

    whole = runner.invoke(app, ["log", "--data", str(ledger)])
    notice = runner.invoke(app, ["log", new_id, "--data", str(ledger)])
    assert notice.exit_code == whole.exit_code == 0, notice.output + whole.output
    assert notice.output.splitlines()[1:] == whole.output.splitlines()  # all of it is the notice's
    assert f"{NOTICE_ID}#2  gia hạn" in notice.output and f"{new_id}  sửa mã" in notice.output


def test_a_renamed_notices_story_in_a_period_is_its_files(ledger: Path, runner) -> None:
    """``--since`` picks from the file's story: the changes made under its old id in the
    period are there."""
    new_id = "2024-03-01-hop-giao-ban"
    later = edits.PostponeArgs("trước ngày 31/5/2024", "Chờ sáp nhập")
    edits.move_deadline(ledger, f"{NOTICE_ID}#2", later, date(2024, 3, 20), commit=True)
    _rename_with_id(ledger, new_id)

    result = runner.invoke(
        app,
        ["log", f"{new_id}#2", "--since", "01/01/2000", "--format", "json", "--data", str(ledger)],
    )

    assert result.exit_code == 0, result.output
    events = json.loads(result.output)["events"]
    assert [(e["task"], e["action"]) for e in events] == [
        (None, "add-notice"),
        (f"{NOTICE_ID}#2", "postpone"),
        (None, "move"),
    ]
