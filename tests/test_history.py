"""The story read back from git: trailers, hand edits compared task by task, one git call."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from giaoban.cli.main import app
from giaoban.edit import operations as edits
from giaoban.history import git
from giaoban.history import story as history
from giaoban.history.story import describe, read_history, task_story
from tests.conftest import run_git

NOTICE_ID = "2019-02-18-giao-ban"
NOTICE = {
    "id": NOTICE_ID,
    "kind": "thông báo kết luận",
    "title": "Kết luận hội nghị giao ban tháng 02/2019",
    "date": date(2019, 2, 18),
    "tasks": [
        {
            "item": "1",
            "text": "Xây dựng kế hoạch",
            "owners": ["VP"],
            "deadline": "trước ngày 25/02/2019",
        },
        {
            "item": "2",
            "text": "Rà soát danh mục",
            "owners": ["BTC"],
            "deadline": "trong tháng 3/2019",
        },
    ],
}


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    """Make the next commits happen at ``moment`` (ISO, +07:00)."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", moment)
    monkeypatch.setenv("GIT_COMMITTER_DATE", moment)


def test_message_format() -> None:
    message = history.postpone_message(
        f"{NOTICE_ID}#1",
        "trước ngày 25/02/2019",
        "trước ngày 05/3/2019",
        "Chờ ý kiến",
        None,
        date(2019, 2, 24),
    )
    assert message.text() == (
        f"Gia hạn {NOTICE_ID}#1: trước ngày 25/02/2019 → trước ngày 05/3/2019\n\n"
        "Lý do: Chờ ý kiến\n\n"
        "Giaoban-Action: postpone\n"
        f"Giaoban-Task: {NOTICE_ID}#1\n"
        "Giaoban-From: trước ngày 25/02/2019\n"
        "Giaoban-To: trước ngày 05/3/2019\n"
        "Giaoban-Reason: Chờ ý kiến\n"
        "Giaoban-Date: 2019-02-24\n"
    )
    long = history.done_message(
        "a#1",
        "Nghiên cứu Chương trình công tác Đoàn và phong trào thanh "
        "thiếu niên năm 2019 để hoàn thiện",
        date(2019, 3, 1),
    )
    assert long.subject == (
        "Hoàn thành a#1: Nghiên cứu Chương trình công tác Đoàn và phong trào thanh…"
    )


def test_the_story_of_a_task_from_trailers(ledger: Path, monkeypatch) -> None:
    at(monkeypatch, "2019-02-18T09:00:00+07:00")
    edits.create_notice(ledger, NOTICE, commit=True)
    at(monkeypatch, "2019-02-24T10:30:00+07:00")
    args = edits.PostponeArgs("trước ngày 05/3/2019", "Chờ ý kiến Bí thư", "Nguyễn Bình Minh")
    edits.move_deadline(ledger, "2019-02#1", args, date(2019, 2, 24), commit=True)
    at(monkeypatch, "2019-03-04T16:00:00+07:00")
    edits.mark_done(ledger, "2019#1", edits.DoneArgs(), date(2019, 3, 4), commit=True)
    at(monkeypatch, "2019-03-05T08:00:00+07:00")
    edits.mark_cancelled(ledger, "2019#2", edits.CancelArgs("Trùng việc"), date(2019, 3, 5), True)

    story = task_story(read_history(ledger), NOTICE_ID, "1")
    lines = [f"{e.when:%d/%m/%Y %H:%M} {e.author}: {describe(e)}" for e in story]
    assert lines == [
        "18/02/2019 09:00 Nguyễn Văn An: tạo thông báo: Kết luận hội nghị giao ban tháng 02/2019",
        "24/02/2019 10:30 Nguyễn Văn An: gia hạn: trước ngày 25/02/2019 → trước ngày 05/3/2019; "
        "lý do: Chờ ý kiến Bí thư (duyệt: Nguyễn Bình Minh)",
        "04/03/2019 16:00 Nguyễn Văn An: hoàn thành ngày 04/03/2019",
    ]
    postponed = story[1].to_json()
    assert postponed["task"] == f"{NOTICE_ID}#1" and postponed["action"] == "postpone"
    assert postponed["details"] == {
        "from": "trước ngày 25/02/2019",
        "to": "trước ngày 05/3/2019",
        "reason": "Chờ ý kiến Bí thư",
        "approved_by": "Nguyễn Bình Minh",
        "date": "2019-02-24",
    }
    everything = read_history(ledger)
    assert [e.action for e in everything] == ["add-notice", "postpone", "done", "cancel"]


def test_hand_edits_are_compared_task_by_task(ledger: Path, monkeypatch) -> None:
    at(monkeypatch, "2019-02-18T09:00:00+07:00")
    path = edits.create_notice(ledger, NOTICE, commit=True).saved.path
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "deadline: trước ngày 25/02/2019\n    status: open",
        (
            "deadline: trước ngày 01/3/2019\n    status: done\n    done_on: 2019-02-28\n"
            "    extensions:\n      - from: trước ngày 25/02/2019\n"
            "        to: trước ngày 01/3/2019\n"
            "        reason: Thiếu số liệu\n        date: 2019-02-22"
        ),
    )
    text = text.replace("text: Rà soát danh mục", "text: Rà soát toàn bộ danh mục")
    text = text.replace("title: Kết luận", "number: 12-TB/TWĐTN\ntitle: Kết luận")
    path.write_text(text, encoding="utf-8")
    at(monkeypatch, "2019-02-28T17:00:00+07:00")
    run_git(ledger.parent, "commit", "-qam", "sửa tay")

    events = [e for e in read_history(ledger) if e.subject == "sửa tay"]
    assert [(e.item, e.action, dict(e.details)) for e in events] == [
        (None, "edit", {"fields": "number"}),
        (
            "1",
            "postpone",
            {
                "from": "trước ngày 25/02/2019",
                "to": "trước ngày 01/3/2019",
                "reason": "Thiếu số liệu",
                "date": "2019-02-22",
            },
        ),
        ("1", "done", {"date": "2019-02-28"}),
        ("2", "text", {"text": "Rà soát toàn bộ danh mục"}),
    ]


def test_added_and_removed_tasks_and_files(ledger: Path, monkeypatch) -> None:
    path = edits.create_notice(ledger, NOTICE, commit=True).saved.path
    edits.append_task(ledger, NOTICE_ID, {"text": "Việc mới"}, commit=True)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('  - item: "2"')], encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "bỏ mục 2")
    run_git(ledger.parent, "rm", "-q", str(path))
    run_git(ledger.parent, "commit", "-qm", "xóa thông báo")
    story = [(e.item, e.action) for e in read_history(ledger)]
    assert story == [
        (None, "add-notice"),
        ("3", "add-task"),
        ("2", "remove-task"),
        ("3", "remove-task"),
        (None, "remove-notice"),
    ]
    own = task_story(read_history(ledger), NOTICE_ID, "3")
    assert [e.action for e in own] == ["add-task", "remove-task", "remove-notice"]


def test_patches_rebuild_every_version(ledger: Path) -> None:
    path = ledger / "2019" / "x.yaml"
    path.parent.mkdir()
    versions = ["a\nb\nc\n", "a\nB\nc\nd\n", "z\na\nc\nd", "z\na\nc\nd\n", "", "q\n"]
    for i, text in enumerate(versions):
        path.write_text(text, encoding="utf-8")
        run_git(ledger.parent, "add", str(path))
        run_git(ledger.parent, "commit", "-qm", f"v{i}", "--allow-empty")
    result = git.log_records(ledger.parent, ["data"], history.LOG_FORMAT)
    assert result is not None
    rebuilt = [
        "".join(c.files["data/2019/x.yaml"][1] or [])
        for c in history._commits(result.stdout, "data/")
        if "data/2019/x.yaml" in c.files
    ]
    assert rebuilt == versions


def test_outside_git_there_is_no_history(data_dir: Path, git_env: None) -> None:
    assert read_history(data_dir) == []


def test_thousands_of_commits_in_one_git_call(ledger: Path, monkeypatch) -> None:
    repo = ledger.parent
    n = 3000
    stream = _fast_import_stream(n)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream, check=True)
    run_git(repo, "reset", "-q", "--hard", "main")
    calls: list[tuple[str, ...]] = []
    real = git.run_git

    def counting(cwd, *args, **kw):
        calls.append(args)
        return real(cwd, *args, **kw)

    monkeypatch.setattr(git, "run_git", counting)
    events = read_history(ledger)
    assert len(events) == n + 1
    assert sum(1 for args in calls if "log" in args) == 1  # one git call, however many commits
    assert describe(events[-1]) == f"ghi chú: Lần {n - 1}"
    # how long it takes is measured by bench/history.py, not here


def _fast_import_stream(n: int) -> bytes:
    """``n`` note commits on one notice (plus its creation), made by git fast-import."""
    out: list[bytes] = []
    text = (
        f"id: {NOTICE_ID}\nkind: k\ntitle: t\ndate: 2019-02-18\ntasks:\n"
        '  - item: "1"\n    text: Việc\n    notes:\n'
    )
    parent = "main"
    for i in range(n + 1):
        if i:
            text += f"      - date: 2019-03-01\n        text: Lần {i - 1}\n"
            message = (
                f"Ghi chú {NOTICE_ID}#1\n\nLần {i - 1}\n\n"
                f"Giaoban-Action: note\nGiaoban-Task: {NOTICE_ID}#1\nGiaoban-Date: 2019-03-01\n"
            )
        else:
            message = f"Thêm thông báo {NOTICE_ID}: t\n\nGiaoban-Action: add-notice\n"
        blob, msg = text.encode(), message.encode()
        when = 1550455200 + i * 60
        out += [
            b"commit refs/heads/main\n",
            f"author An <an@vp.example> {when} +0700\n".encode(),
            f"committer An <an@vp.example> {when} +0700\n".encode(),
            f"data {len(msg)}\n".encode() + msg,
            f"from {parent}\n".encode() if i == 0 else b"",
            f"M 100644 inline data/2019/{NOTICE_ID}.yaml\n".encode(),
            f"data {len(blob)}\n".encode() + blob + b"\n",
        ]
        parent = ""
    return b"".join(out)


def test_control_characters_in_messages_and_files_stay_in_their_commit(
    ledger: Path, runner
) -> None:
    """A commit made outside giaoban may hold any character but NUL: the separators git
    log's records were once cut at (U+001D-U+001F) stay in the subject and the file."""
    edits.create_notice(ledger, NOTICE, commit=True)
    path = ledger / "2019" / "odd.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("# a\x1eb\x1fc\x1dd\u2028e\x85f\n", encoding="utf-8")
    run_git(ledger.parent, "add", str(path))
    run_git(ledger.parent, "commit", "-qm", "Sửa\x1fnhanh\x1d\x1e")
    edits.append_task(ledger, NOTICE_ID, {"text": "Việc mới"}, commit=True)

    result = runner.invoke(app, ["log", "--format", "json", "--data", str(ledger)])

    assert result.exit_code == 0, result.output
    events = json.loads(result.output)["events"]
    assert [(e["action"], e["subject"]) for e in events] == [
        ("add-notice", events[0]["subject"]),
        ("edit", "Sửa\x1fnhanh\x1d\x1e"),
        ("add-task", events[2]["subject"]),
    ]
    commits = _all_commits(ledger)
    assert (
        "".join(commits[-2].files["data/2019/odd.yaml"][1] or [])
        == "# a\x1eb\x1fc\x1dd\u2028e\x85f\n"
    )
    assert commits[-1].files  # the commit after the odd one still has its patch


def test_a_binary_file_diffed_as_text_is_a_clear_error(ledger: Path, runner) -> None:
    """NUL is the one character that cuts git log's records: a repository that makes git
    diff a binary notice as text gets a message, not a traceback."""
    (ledger.parent / ".gitattributes").write_text("*.yaml diff\n", encoding="utf-8")
    path = ledger / "2019" / "bin.yaml"
    path.parent.mkdir()
    path.write_bytes(b"a: 1\n\0\0\0\0\0\0\0\0\0\n")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "nhị phân")

    result = runner.invoke(app, ["log", "--data", str(ledger)])

    assert result.exit_code != 0
    assert "không đọc được lịch sử git" in result.output
    assert "Traceback" not in result.output


def test_a_history_git_cannot_read_is_an_error_not_an_empty_history(ledger: Path, runner) -> None:
    """A repository whose objects are gone: 'git log' fails, and 'log' says so and exits 1
    (it said "Chưa có lịch sử" and exited 0, as if nothing had ever been committed)."""
    for folder in (ledger.parent / ".git" / "objects").iterdir():
        if len(folder.name) == 2:  # the loose objects; HEAD still names a commit
            shutil.rmtree(folder)

    result = runner.invoke(app, ["log", "--data", str(ledger)])

    assert result.exit_code == 1, result.output
    assert "không đọc được lịch sử git" in result.output
    assert "Chưa có lịch sử" not in result.output


def _all_commits(ledger: Path) -> list:
    result = git.log_records(ledger.parent, ["data"], history.LOG_FORMAT)
    assert result is not None
    return list(history._commits(result.stdout, "data/"))
