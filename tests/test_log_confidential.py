"""A confidential notice's task texts stay out of the history: out of the commit messages
giaoban writes, and out of ``giaoban log`` (heading, subjects, details) unless asked for
with ``--show-confidential``, as in every report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from giaoban.cli.main import app
from giaoban.history.story import version_confidential
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2024-03-12-mat"
SECRET = "Xem xét kỷ luật đồng chí Lê Văn Tám vì vi phạm quy chế"
DUTY = "Báo cáo tình hình nhân sự hằng tuần"
NOTICE = f"""\
id: {NOTICE_ID}
kind: thông báo kết luận
title: Kết luận về công tác nhân sự
date: 2024-03-12
confidential: true
tasks:
  - item: "1"
    text: {SECRET}
    owners: [VP]
    deadline: trước ngày 20/3/2024
  - item: "2"
    text: {DUTY}
    owners: [BTC]
    deadline: trước 16 giờ thứ Sáu hằng tuần
"""
TODAY = "2024-03-15"


@pytest.fixture
def ledger(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GIAOBAN_TODAY", TODAY)
    monkeypatch.setenv("GIAOBAN_PAGER", "0")
    data = git_repo / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2024" / f"{NOTICE_ID}.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Thông báo mật")
    return data


def _giaoban(runner, ledger: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    return result.output


def _messages(ledger: Path) -> str:
    return run_git(ledger.parent, "log", "--format=%B")


def test_the_messages_giaoban_writes_for_a_confidential_notice_hide_its_texts(
    ledger: Path, runner
) -> None:
    _giaoban(runner, ledger, "done", f"{NOTICE_ID}#1")
    _giaoban(runner, ledger, "stop", f"{NOTICE_ID}#2", "--from", "2024-03-16")
    _giaoban(runner, ledger, "task", "add", NOTICE_ID, "--text", "Thẩm tra lý lịch đồng chí B")
    _giaoban(runner, ledger, "cancel", f"{NOTICE_ID}#3", "--reason", "Đã chuyển cơ quan khác")

    subjects = run_git(ledger.parent, "log", "-4", "--format=%s").splitlines()
    assert subjects == [
        f"Hủy {NOTICE_ID}#3: (mật)",
        f"Thêm nhiệm vụ {NOTICE_ID}#3: (mật)",
        f"Dừng {NOTICE_ID}#2 từ 16/03/2024: (mật)",
        f"Hoàn thành {NOTICE_ID}#1: (mật)",
    ]
    messages = _messages(ledger)
    for text in (SECRET, DUTY, "Thẩm tra", "Xem xét", "Báo cáo tình hình"):
        assert text not in messages
    # a reason quotes the work: hidden too (giaoban.model.shown.CONFIDENTIAL_FIELDS)
    assert "Đã chuyển cơ quan khác" not in messages and "Lý do: (mật)" in messages


def _old_style_commit(ledger: Path, subject: str, trailers: str, change: tuple[str, str]) -> None:
    """A commit as giaoban wrote them before it hid confidential texts."""
    path = ledger / "2024" / f"{NOTICE_ID}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qa", "-m", subject, "-m", trailers)


@pytest.fixture
def history(ledger: Path) -> Path:
    """A done written before the fix (the text in its subject), a hand edit rewording a
    task, and a ``git revert`` of it (the hand subject quoted)."""
    _old_style_commit(
        ledger,
        f"Hoàn thành {NOTICE_ID}#1: {SECRET}",
        f"Giaoban-Action: done\nGiaoban-Task: {NOTICE_ID}#1\nGiaoban-Date: 2024-03-14",
        ("    deadline: trước ngày 20/3/2024\n", "    deadline: trước ngày 20/3/2024\n"
         "    status: done\n    done_on: 2024-03-14\n"),
    )  # fmt: skip
    _old_style_commit(
        ledger,
        f"Sửa: {DUTY} thành báo cáo nhân sự",
        "Ghi chú tay",
        (DUTY, "Báo cáo nhân sự hằng tuần"),
    )
    run_git(ledger.parent, "revert", "--no-edit", "HEAD")
    return ledger


def test_log_hides_the_texts_of_a_confidential_notice(history: Path, runner) -> None:
    shown = _giaoban(runner, history, "log", f"{NOTICE_ID}#1")
    assert shown.splitlines()[0] == f"{NOTICE_ID}#1 — (mật)"

    events = json.loads(_giaoban(runner, history, "log", "--format", "json"))["events"]

    assert [(e["task"], e["action"], e["subject"], e["details"]) for e in events] == [
        (None, "add-notice", "(mật)", {"title": "Kết luận về công tác nhân sự"}),
        (f"{NOTICE_ID}#1", "done", f"Hoàn thành {NOTICE_ID}#1: (mật)", {"date": "2024-03-14"}),
        (f"{NOTICE_ID}#2", "text", "(mật)", {"text": "(mật)"}),
        (f"{NOTICE_ID}#2", "text", "(mật)", {"text": "(mật)", "reverts": events[2]["commit"]}),
    ]
    everything = _giaoban(runner, history, "log") + json.dumps(events, ensure_ascii=False)
    for text in (SECRET, DUTY, "Báo cáo nhân sự", "Xem xét"):
        assert text not in everything


def test_show_confidential_shows_them(history: Path, runner) -> None:
    shown = _giaoban(runner, history, "log", f"{NOTICE_ID}#1", "--show-confidential")
    assert shown.splitlines()[0] == f"{NOTICE_ID}#1 — {SECRET}"
    output = _giaoban(runner, history, "log", "--format", "json", "--show-confidential")
    events = json.loads(output)["events"]
    assert events[1]["subject"] == f"Hoàn thành {NOTICE_ID}#1: {SECRET}"
    assert events[2]["subject"] == f"Sửa: {DUTY} thành báo cáo nhân sự"
    assert events[2]["details"] == {"text": "Báo cáo nhân sự hằng tuần"}
    assert events[3]["subject"] == f'Revert "Sửa: {DUTY} thành báo cáo nhân sự"'


def _set_confidential(ledger: Path, value: str) -> None:
    path = ledger / "2024" / f"{NOTICE_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("confidential: true", value), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Đổi độ mật")


def test_confidential_then_or_now_is_hidden(ledger: Path, runner) -> None:
    """A commit made while the notice was confidential stays hidden after it is made
    public; one made while it was public is hidden once it is confidential."""
    _giaoban(runner, ledger, "done", f"{NOTICE_ID}#1", "--on", "14/03/2024")
    _set_confidential(ledger, "confidential: false")
    _giaoban(runner, ledger, "task", "add", NOTICE_ID, "--text", "Công khai kết quả")
    _old_style_commit(
        ledger,
        f"Hủy {NOTICE_ID}#2: {DUTY}",
        f"Giaoban-Action: cancel\nGiaoban-Task: {NOTICE_ID}#2",
        ("    deadline: trước 16", "    status: cancelled\n    deadline: trước 16"),
    )

    def subjects() -> list[str]:
        events = json.loads(_giaoban(runner, ledger, "log", "--format", "json"))["events"]
        return [e["subject"] for e in events]

    assert subjects() == [
        "(mật)",  # the notice added by hand, confidential
        f"Hoàn thành {NOTICE_ID}#1: (mật)",
        "(mật)",  # made public: confidential before the commit
        f"Thêm nhiệm vụ {NOTICE_ID}#3: Công khai kết quả",
        f"Hủy {NOTICE_ID}#2: {DUTY}",
    ]
    path = ledger / "2024" / f"{NOTICE_ID}.yaml"
    public = path.read_text(encoding="utf-8")
    path.write_text(public.replace("confidential: false", "confidential: true"), encoding="utf-8")
    hidden = [f"Thêm nhiệm vụ {NOTICE_ID}#3: (mật)", f"Hủy {NOTICE_ID}#2: (mật)"]
    assert subjects()[3:] == hidden  # confidential now, not yet committed
    # Now with an error ("yes" is no YAML boolean): skipped by the reports, hidden all the same
    path.write_text(public.replace("confidential: false", "confidential: yes"), encoding="utf-8")
    assert subjects()[3:] == hidden


@pytest.mark.parametrize(
    ("text", "confidential"),
    [
        ("id: a\nconfidential: false\ntasks: []\n", False),
        ("id: a\nconfidential:\ntasks: []\n", False),
        ("id: a\ntasks:\n  - text: tài liệu confidential của đối tác\n", False),
        ("id: a\nconfidential: true\n", True),
        ("id: a\nconfidential: yes  # theo quy chế\n", True),
        ("{id: a, confidential: true}\n", True),
        ("id: a\nconfidential: true\ntasks: [\n", True),  # unreadable: hidden all the same
    ],
)
def test_which_versions_are_confidential(text: str, confidential: bool) -> None:
    assert version_confidential(text.splitlines(keepends=True)) is confidential
