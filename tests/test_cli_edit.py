"""Task commands end to end in real git repositories: one commit, one file, owned lines only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperCommand
from typer.testing import CliRunner, Result

from giaoban.cli.main import app
from giaoban.cli.taskopts import complete_notice_id, complete_task_id, complete_unit
from tests.conftest import MINIMAL_UNITS, run_git
from tests.test_edits import COMMENTED, changes

NOTICE_ID = "2019-02-18-giao-ban"
PATH = f"data/2019/{NOTICE_ID}.yaml"


@pytest.fixture
def ledger(git_repo: Path, runner: CliRunner) -> Path:
    """A repository with the registry and the commented notice committed."""
    return make_ledger(git_repo)


def make_ledger(git_repo: Path) -> Path:
    """Commit the registry and the commented notice in ``git_repo``; return its data folder."""
    data = git_repo / "data"
    (data / "2019").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    notice = COMMENTED.replace("x-ghi-chu-rieng: khóa lạ, phải giữ nguyên   # unknown key\n", "")
    (data / "2019" / f"{NOTICE_ID}.yaml").write_text(notice, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    return data


def invoke(runner: CliRunner, data: Path, *args: str, **kw: Any) -> Result:
    return runner.invoke(app, [*args, "--data", str(data)], **kw)


def last_commit(repo: Path) -> tuple[list[str], list[str], str]:
    """(files, changed lines, message) of HEAD."""
    files = run_git(repo, "show", "--name-only", "--format=", "HEAD").split()
    diff = run_git(repo, "show", "--format=", "-U0", "HEAD").splitlines()
    lines = [x for x in diff if x[:1] in "+-" and x[:3] not in ("+++", "---")]
    return files, lines, run_git(repo, "log", "-1", "--format=%B").strip()


def commits(repo: Path) -> int:
    return int(run_git(repo, "rev-list", "--count", "HEAD"))


def test_done_is_one_commit_of_the_owned_lines(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "done", "2019-02#1", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    head = run_git(ledger.parent, "rev-parse", "--short=7", "HEAD").strip()
    assert result.output == f"Đã ghi hoàn thành {NOTICE_ID}#1 (ngày 20/02/2019) — commit {head}\n"
    files, lines, message = last_commit(ledger.parent)
    assert files == [PATH]
    assert lines == [
        "-    status: open   # chưa xong",
        "+    status: done   # chưa xong",
        "+    done_on: 2019-02-20",
    ]
    assert message == (
        f"Hoàn thành {NOTICE_ID}#1: Xây dựng kế hoạch công tác năm 2019 của ban, đơn vị và gửi…\n\n"
        f"Giaoban-Action: done\nGiaoban-Task: {NOTICE_ID}#1\nGiaoban-Date: 2019-02-20"
    )


def test_a_note_in_a_file_with_both_line_ends_commits_only_its_lines(
    runner: CliRunner, ledger: Path
) -> None:
    """A notice whose lines end with CRLF in one part and LF in another (edited on Windows
    and elsewhere): the commit holds the note's lines alone, with the ends around them."""
    path = ledger.parent / PATH
    lines = path.read_bytes().splitlines(keepends=True)
    half = len(lines) // 2
    path.write_bytes(
        b"".join(x.replace(b"\n", b"\r\n") for x in lines[:half]) + b"".join(lines[half:])
    )
    run_git(ledger.parent, "commit", "-qam", "Sửa trên hai máy")
    before = path.read_bytes().splitlines(keepends=True)
    result = invoke(runner, ledger, "note", "2019-02#3", "đã gửi dự thảo", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    files, changed, _ = last_commit(ledger.parent)
    assert files == [PATH]
    assert [x for x in changed if x.startswith("-")] == []
    after = path.read_bytes().splitlines(keepends=True)
    added = [x for x in after if x not in before]
    assert [x.strip() for x in added] == [
        b"notes:",
        b"- date: 2019-02-20",
        "text: đã gửi dự thảo".encode(),
    ]
    assert len(after) == len(before) + 3
    assert [x for x in after if x in before] == before  # every other line as it was, its end too


@pytest.mark.parametrize("where", ["one line", "every line"])
def test_an_edit_of_a_file_with_lone_cr_line_ends_keeps_each_lines_own(
    runner: CliRunner, ledger: Path, where: str
) -> None:
    """A lone CR ends a line for YAML (old Mac files, some web forms), so ``check`` reads
    the file as valid: the edit reads it so too, and writes only its own lines, every
    other line with its own end (as with CRLF)."""
    path = ledger.parent / PATH
    raw = path.read_bytes()
    if where == "one line":  # "kind: thông báo kết luận", line 5
        raw = raw.replace("kết luận\n".encode(), "kết luận\r".encode(), 1)
    else:
        raw = raw.replace(b"\n", b"\r")
    path.write_bytes(raw)
    run_git(ledger.parent, "commit", "-qam", "Dòng kết thúc bằng CR")
    assert runner.invoke(app, ["check", str(ledger)]).exit_code == 0
    before = raw.splitlines(keepends=True)
    result = invoke(runner, ledger, "note", "2019-02#3", "đã gửi dự thảo", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    after = path.read_bytes().splitlines(keepends=True)
    assert [x.strip() for x in after if x not in before] == [
        b"notes:",
        b"- date: 2019-02-20",
        "text: đã gửi dự thảo".encode(),
    ]
    assert len(after) == len(before) + 3
    assert [x for x in after if x in before] == before  # every other line as it was, its end too
    assert runner.invoke(app, ["check", str(ledger)]).exit_code == 0


def test_a_git_lock_left_by_a_killed_command_is_named_after_the_commit(
    runner: CliRunner, ledger: Path
) -> None:
    """git's temporary index of a partial commit ('git commit -- path') killed half-way
    stays as .git/next-index-<pid>.lock: it stops no commit, so the edit goes on, and
    says it is there and how to remove it (nothing left behind unsaid)."""
    lock = ledger.parent / ".git" / "next-index-99999.lock"
    lock.write_bytes(b"")
    before = commits(ledger.parent)
    result = invoke(runner, ledger, "note", "2019-02#3", "đã gửi", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    assert commits(ledger.parent) == before + 1
    assert "còn 1 tệp khóa git" in result.stderr
    assert f"  rm {lock}" in result.stderr.splitlines()
    assert lock.exists()  # named, not removed: a git command may still be running
    lock.unlink()
    again = invoke(runner, ledger, "note", "2019-02#3", "lần hai", "--today", "2019-02-21")
    assert again.exit_code == 0 and "tệp khóa" not in again.output


def test_postpone_cancel_note_reopen_each_one_commit(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    before = commits(repo)
    result = invoke(
        runner,
        ledger,
        "postpone",
        "2019#1",
        "trước ngày 05/3/2019",
        "--reason",
        "Chờ ý kiến",
        "--approved-by",
        "Nguyễn Bình Minh",
        "--today",
        "2019-02-24",
    )
    assert result.exit_code == 0, result.output
    assert "Đã gia hạn 2019-02-18-giao-ban#1: trước ngày 25/02/2019 → trước ngày 05/3/2019" in (
        result.output
    )
    files, lines, message = last_commit(repo)
    assert files == [PATH] and lines == [
        '-    deadline: "trước ngày 25/02/2019"   # hạn như văn bản',
        "+    deadline: trước ngày 05/3/2019   # hạn như văn bản",
        "+    extensions:",
        "+      - from: trước ngày 25/02/2019",
        "+        to: trước ngày 05/3/2019",
        "+        reason: Chờ ý kiến",
        "+        approved_by: Nguyễn Bình Minh",
        "+        date: 2019-02-24",
    ]
    assert message.splitlines()[0] == (
        f"Gia hạn {NOTICE_ID}#1: trước ngày 25/02/2019 → trước ngày 05/3/2019"
    )
    assert "Giaoban-Action: postpone" in message and "Giaoban-Reason: Chờ ý kiến" in message

    result = invoke(
        runner, ledger, "cancel", "2019#3", "--reason", "Trùng", "--today", "2019-02-25"
    )
    assert result.exit_code == 0, result.output
    files, lines, message = last_commit(repo)
    assert files == [PATH] and lines == [
        "-    status: open",
        "+    status: cancelled",
        "+    cancelled_on: 2019-02-25",
        "+    cancel_reason: Trùng",
    ]
    assert message.startswith(f"Hủy {NOTICE_ID}#3: Rà soát danh mục\n\nLý do: Trùng\n")

    result = invoke(runner, ledger, "note", "2019#2", "Tuần 8 đã báo cáo", "--today", "2019-02-22")
    assert result.exit_code == 0, result.output
    assert last_commit(repo)[1] == [
        "-    notes: []   # chưa có ghi chú",
        "+    notes:",
        "+      - date: 2019-02-22",
        "+        text: Tuần 8 đã báo cáo",
    ]

    result = invoke(runner, ledger, "reopen", "2019#3")
    assert result.exit_code == 0, result.output
    assert last_commit(repo)[1] == [
        "-    status: cancelled",
        "-    cancelled_on: 2019-02-25",
        "-    cancel_reason: Trùng",
        "+    status: open",
    ]
    assert commits(repo) == before + 4
    assert run_git(repo, "status", "--porcelain") == ""


def test_done_on_a_recurring_duty_records_one_occurrence(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "done", "2019#2", "--today", "2019-03-01")
    assert result.exit_code == 0, result.output
    assert "(lần 01/03/2019)" in result.output  # 22/02 is already done: the next one
    assert last_commit(ledger.parent)[1] == [
        "-    done_occurrences: [2019-02-22]",
        "+    done_occurrences: [2019-02-22, 2019-03-01]",
    ]
    result = invoke(runner, ledger, "done", "2019#2", "--occurrence", "08/03/2019")
    assert result.exit_code == 0 and "(lần 08/03/2019)" in result.output
    result = invoke(runner, ledger, "done", "2019#2", "--occurrence", "07/03/2019")
    assert result.exit_code == 1
    assert "không phải một lần" in result.output and "08/03/2019" in result.output
    result = invoke(runner, ledger, "done", "2019#1", "--occurrence", "07/03/2019")
    assert result.exit_code == 2 and "không phải nhiệm vụ định kỳ" in result.output


def test_unknown_and_ambiguous_ids_list_candidates(runner: CliRunner, ledger: Path) -> None:
    other = ledger / "2019" / "2019-02-20-hop-rieng.yaml"
    other.write_text(COMMENTED.replace(NOTICE_ID, "2019-02-20-hop-rieng"), encoding="utf-8")
    result = invoke(runner, ledger, "done", "2019-02#1")
    assert result.exit_code == 1
    assert "khớp nhiều thông báo" in result.output
    assert f"  {NOTICE_ID}\n  2019-02-20-hop-rieng" in result.output
    result = invoke(runner, ledger, "done", f"{NOTICE_ID}#9")
    assert result.exit_code == 1 and f"các mục có:\n  {NOTICE_ID}#1" in result.output
    result = invoke(runner, ledger, "done", "2020#1")
    assert result.exit_code == 1 and "không có thông báo nào" in result.output


def test_a_change_that_would_make_the_file_invalid_is_refused(runner, ledger: Path) -> None:
    path = ledger / "2019" / f"{NOTICE_ID}.yaml"
    before = path.read_bytes()
    result = invoke(runner, ledger, "done", "2019#1", "--on", "01/01/2019")
    assert result.exit_code == 1  # the day is refused before the file is (tests/test_edit_days.py)
    assert "ngày hoàn thành 01/01/2019 sớm hơn ngày thông báo 18/02/2019" in result.output
    assert path.read_bytes() == before
    result = invoke(runner, ledger, "postpone", "2019#1", "hôm nào đó", "--reason", "x")
    assert result.exit_code == 1 and "[bad-deadline]" in result.output
    assert path.read_bytes() == before


def test_no_commit_flag_and_setting(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    before = commits(repo)
    result = invoke(runner, ledger, "done", "2019#1", "--no-commit", "--today", "2019-02-20")
    assert result.exit_code == 0 and result.output.endswith("(không commit)\n")
    assert commits(repo) == before
    assert run_git(repo, "status", "--porcelain") == f" M {PATH}\n"
    (ledger / "settings.yaml").write_text("commit: false\n", encoding="utf-8")
    result = invoke(runner, ledger, "note", "2019#1", "ghi", "--today", "2019-02-21")
    assert result.exit_code == 0 and "commit" not in result.output
    assert commits(repo) == before


def test_other_staged_and_unstaged_changes_stay_out(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    (repo / "ghi-chu.txt").write_text("nháp\n", encoding="utf-8")
    run_git(repo, "add", "ghi-chu.txt")
    (ledger / "units.yaml").write_text(MINIMAL_UNITS + "# sửa dở\n", encoding="utf-8")
    result = invoke(runner, ledger, "done", "2019#1", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    assert last_commit(repo)[0] == [PATH]
    assert sorted(run_git(repo, "status", "--porcelain").splitlines()) == [
        " M data/units.yaml",
        "A  ghi-chu.txt",
    ]


def test_outside_git_the_commands_work_without_committing(
    runner: CliRunner, data_dir: Path, write_notice, git_env: None
) -> None:
    write_notice(
        NOTICE_ID,
        COMMENTED.replace("x-ghi-chu-rieng: khóa lạ, phải giữ nguyên   # unknown key\n", ""),
    )
    result = invoke(runner, data_dir, "done", "2019#1", "--today", "2019-02-20")
    assert result.exit_code == 0
    assert result.output == f"Đã ghi hoàn thành {NOTICE_ID}#1 (ngày 20/02/2019)\n"


def test_git_failure_keeps_the_change_and_says_what_to_do(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    run_git(repo, "config", "--unset", "user.name")
    run_git(repo, "config", "--unset", "user.email")
    run_git(repo, "config", "user.useConfigOnly", "true")
    result = invoke(runner, ledger, "done", "2019#1", "--today", "2019-02-20")
    assert result.exit_code == 1
    assert "(chưa commit, xem cảnh báo)" in result.stdout
    assert 'git config --global user.name "Họ và tên"' in result.stderr
    assert (
        f"--trailer 'Giaoban-Task: {NOTICE_ID}#1' --trailer 'Giaoban-Date: 2019-02-20' -- {PATH}"
        in (result.stderr)
    )
    assert "status: done" in (ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")


def test_task_add(runner: CliRunner, ledger: Path) -> None:
    result = invoke(
        runner,
        ledger,
        "task",
        "add",
        "2019-02",
        "--text",
        "Tổng hợp báo cáo",
        "--owner",
        "VP",
        "--deadline",
        "trong tháng 3/2019",
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Đã thêm nhiệm vụ {NOTICE_ID}#4 — commit ")
    files, lines, message = last_commit(ledger.parent)
    assert files == [PATH] and lines == [
        '+  - item: "4"',
        "+    text: Tổng hợp báo cáo",
        "+    owners:",
        "+      - VP",
        "+    deadline: trong tháng 3/2019",
        "+    status: open",
    ]
    assert message.startswith(f"Thêm nhiệm vụ {NOTICE_ID}#4: Tổng hợp báo cáo\n")


def test_log_tells_the_story_with_the_reason(runner: CliRunner, ledger: Path, monkeypatch) -> None:
    for moment, args in [
        (
            "2019-02-24T10:00:00+07:00",
            (
                "postpone",
                "2019#1",
                "trước ngày 05/3/2019",
                "--reason",
                "Chờ ý kiến Bí thư",
                "--today",
                "2019-02-24",
            ),
        ),
        ("2019-03-04T15:30:00+07:00", ("done", "2019#1", "--today", "2019-03-04")),
    ]:
        monkeypatch.setenv("GIT_AUTHOR_DATE", moment)
        monkeypatch.setenv("GIT_COMMITTER_DATE", moment)
        assert invoke(runner, ledger, *args).exit_code == 0
    result = invoke(runner, ledger, "log", "2019#1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{NOTICE_ID}#1 — Xây dựng kế hoạch công tác năm 2019")
    assert lines[2].startswith(
        "24/02/2019 10:00  Nguyễn Văn An  gia hạn: trước ngày 25/02/2019 → trước ngày 05/3/2019; "
        "lý do: Chờ ý kiến Bí thư  ("
    )
    assert lines[3].startswith("04/03/2019 15:30  Nguyễn Văn An  hoàn thành ngày 04/03/2019  (")
    assert "tạo thông báo" in lines[1]  # the hand commit that added the file
    data = json.loads(invoke(runner, ledger, "log", "2019#1", "--format", "json").output)
    assert [e["action"] for e in data["events"]] == ["add-notice", "postpone", "done"]
    assert data["events"][1]["details"]["reason"] == "Chờ ý kiến Bí thư"


EDITOR = """\
import pathlib, sys
path = pathlib.Path(sys.argv[1])
counter = pathlib.Path(__file__).with_suffix(".count")
n = int(counter.read_text()) + 1 if counter.exists() else 1
counter.write_text(str(n))
text = path.read_text(encoding="utf-8")
if n <= {bad_rounds}:
    text = text.replace("status: open   # chưa xong", "status: xong")
else:
    text = text.replace("status: xong", "status: open   # chưa xong").replace(
        "text: Rà soát danh mục", "text: Rà soát toàn bộ danh mục")
path.write_text(text, encoding="utf-8")
"""


def _editor(tmp_path: Path, monkeypatch, bad_rounds: int) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(bad_rounds=bad_rounds), encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


def test_edit_never_leaves_an_invalid_file(runner, ledger: Path, tmp_path, monkeypatch) -> None:
    _editor(tmp_path, monkeypatch, bad_rounds=99)
    path = ledger / "2019" / f"{NOTICE_ID}.yaml"
    before, count = path.read_bytes(), commits(ledger.parent)
    result = invoke(runner, ledger, "edit", "2019-02", input="y\nn\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("error: giá trị 'xong' không hợp lệ") == 2
    assert f"Đã bỏ thay đổi; {path} giữ nguyên." in result.output
    assert path.read_bytes() == before and commits(ledger.parent) == count


def test_edit_again_then_save(runner, ledger: Path, tmp_path, monkeypatch) -> None:
    _editor(tmp_path, monkeypatch, bad_rounds=1)
    result = invoke(runner, ledger, "edit", f"{NOTICE_ID}#3", input="y\n")
    assert result.exit_code == 0, result.output
    assert "Sửa lại?" in result.output and "Đã lưu" in result.output
    files, lines, message = last_commit(ledger.parent)
    assert files == [PATH]
    assert lines == ["-    text: Rà soát danh mục", "+    text: Rà soát toàn bộ danh mục"]
    assert (
        message == f"Sửa thông báo {NOTICE_ID}\n\nGiaoban-Action: edit\nGiaoban-Notice: {NOTICE_ID}"
    )
    story = invoke(runner, ledger, "log", f"{NOTICE_ID}#3").output
    assert "sửa nội dung nhiệm vụ" in story


def test_edit_without_change(runner, ledger: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c pass")
    result = invoke(runner, ledger, "edit", "2019")
    assert result.exit_code == 0 and "Không có thay đổi" in result.output


def test_concurrent_done_on_two_tasks_of_one_file(ledger: Path) -> None:
    repo = ledger.parent
    before = commits(repo)
    env = {**os.environ, "GIAOBAN_TODAY": "2019-03-01", "NO_COLOR": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "giaoban", "done", f"{NOTICE_ID}#{item}", "--data", str(ledger)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for item in ("1", "3")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    text = (ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    assert changes(
        COMMENTED.replace("x-ghi-chu-rieng: khóa lạ, phải giữ nguyên   # unknown key\n", ""), text
    ) == [
        "-    status: open   # chưa xong",
        "+    status: done   # chưa xong",
        "+    done_on: 2019-03-01",
        "-    status: open",
        "+    status: done",
        "+    done_on: 2019-03-01",
    ]
    assert commits(repo) == before + 2
    assert run_git(repo, "status", "--porcelain") == ""
    for rev in ("HEAD", "HEAD~1"):
        assert run_git(repo, "show", "--name-only", "--format=", rev).split() == [PATH]


def completion_context(data: Path) -> typer.Context:
    """What the completion functions read of the command line: its --data."""
    ctx = typer.Context(TyperCommand("giaoban"))
    ctx.params = {"data": data}
    return ctx


def test_completion_of_ids_and_units(ledger: Path) -> None:
    ctx = completion_context(ledger)
    ids = [f"{NOTICE_ID}#{i}" for i in "123"]
    assert complete_task_id(ctx, "2019") == ids  # one notice: its tasks at once
    assert complete_task_id(ctx, f"{NOTICE_ID}#") == ids
    (ledger / "2019" / "2019-03-01-khac.yaml").write_text("id: x\n", encoding="utf-8")
    assert complete_task_id(ctx, "2019") == [f"{NOTICE_ID}#", "2019-03-01-khac#"]
    assert complete_notice_id(ctx, "2019-02") == [NOTICE_ID]
    assert complete_unit(ctx, "Ban") == ["Ban Tổ chức Trung ương Đoàn"]
    assert "Văn phòng Trung ương Đoàn" in complete_unit(ctx, "van phong")
    assert complete_task_id(completion_context(Path("/nowhere")), "x") == []


def test_shell_completion_goes_through_typer(ledger: Path) -> None:
    env = {
        **os.environ,
        "_GIAOBAN_COMPLETE": "complete_bash",
        "COMP_WORDS": f"giaoban done {NOTICE_ID}#",
        "COMP_CWORD": "2",
        "GIAOBAN_DATA": str(ledger),
    }
    out = subprocess.run(
        [str(Path(sys.executable).parent / "giaoban")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.stdout.split() == [f"{NOTICE_ID}#{i}" for i in "123"]


def test_stop_ends_a_duty_in_one_commit_of_its_until(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "stop", "2019#2", "--from", "09/03/2019", "--reason", "Xong")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Đã dừng {NOTICE_ID}#2 từ ngày 09/03/2019 — commit ")
    files, lines, message = last_commit(ledger.parent)
    assert files == [PATH] and lines == ["+    until: 2019-03-08"]
    assert message.startswith(f"Dừng {NOTICE_ID}#2 từ 09/03/2019: ")
    assert "Giaoban-Action: stop" in message and "Giaoban-Until: 2019-03-08" in message
    # the occurrence of 08/03 is the last one: nothing late after it, ever
    result = invoke(runner, ledger, "overdue", "--today", "2019-12-31", "--format", "json")
    dues = [r["due"] for r in json.loads(result.output)["tasks"] if r["id"] == f"{NOTICE_ID}#2"]
    assert dues[-1] == "2019-03-08T14:00:00+07:00"
    log = invoke(runner, ledger, "log", "2019#2")
    assert "dừng nhiệm vụ định kỳ, lần cuối trong ngày 08/03/2019; lý do: Xong" in log.output


def _uncommitted(how: str, git_repo: Path) -> tuple[Path, list[str]]:
    """The ledger of ``git_repo``, to edit without a commit in the way ``how`` says; the
    options each edit then takes."""
    data = make_ledger(git_repo)
    if how == "outside-git":
        moved = git_repo.parent / "ngoai-git"
        data.rename(moved)
        return moved, []
    if how == "commit-false":
        (data / "settings.yaml").write_text("commit: false\n", encoding="utf-8")
        run_git(git_repo, "add", ".")
        run_git(git_repo, "commit", "-qm", "Cài đặt")
        return data, []
    return data, ["--no-commit"]


# Each edit taking words of the clerk's (a reason, a note, a result, who approved), and
# those words: with no commit message to hold them, the file must.
WORDS = {
    "stop": (
        ["2019#2", "--from", "09/03/2019", "--reason", "Đại hội đã xong"],
        ["Đại hội đã xong"],
    ),
    "cancel": (["2019#1", "--reason", "Giao văn bản khác"], ["Giao văn bản khác"]),
    "postpone": (
        ["2019#1", "trước ngày 05/3/2019", "--reason", "Chờ số liệu", "--approved-by", "Anh Ba"],
        ["Chờ số liệu", "Anh Ba"],
    ),
    "done": (
        ["2019#1", "--note", "Đã gửi bản mềm", "--result", "Kế hoạch số 5"],
        ["Đã gửi bản mềm", "Kế hoạch số 5"],
    ),
    "note": (["2019#3", "Đang rà soát lần hai"], ["Đang rà soát lần hai"]),
}


@pytest.mark.parametrize("how", ["no-commit", "commit-false", "outside-git"])
@pytest.mark.parametrize("command", sorted(WORDS))
def test_words_with_no_commit_to_hold_them_are_kept_in_the_file(
    runner: CliRunner, git_repo: Path, how: str, command: str
) -> None:
    """A stop's reason lives in its commit message; with no commit (``--no-commit``,
    ``commit: false``, a ledger outside git) it is kept as a note of the day, and said so,
    as every other edit keeps its words in the file: nothing the clerk typed is dropped."""
    data, options = _uncommitted(how, git_repo)
    head = run_git(git_repo, "rev-parse", "HEAD")
    args, words = WORDS[command]
    result = invoke(runner, data, command, *args, *options, "--today", "2019-03-05")
    assert result.exit_code == 0, result.output
    written = (data / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    assert [w for w in words if w not in written] == [], written
    assert run_git(git_repo, "rev-parse", "HEAD") == head
    if command == "stop":
        assert "Dừng từ ngày 09/03/2019: Đại hội đã xong" in written
        assert "date: 2019-03-05" in written
        said = " ".join(result.output.split())
        assert "không commit: lý do dừng được ghi thành một ghi chú trong tệp" in said


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2019#1"], "không phải nhiệm vụ định kỳ"),
        (["2019#2", "--from", "2019-02-18"], "không sau ngày thông báo"),
    ],
)
def test_stop_refuses_what_is_no_duty_or_before_it(
    runner: CliRunner, ledger: Path, args: list[str], message: str
) -> None:
    before = commits(ledger.parent)
    result = invoke(runner, ledger, "stop", *args, "--today", "2019-03-09")
    assert result.exit_code != 0 and message in result.output
    assert commits(ledger.parent) == before


def test_done_on_a_day_still_to_come_is_refused(runner: CliRunner, ledger: Path) -> None:
    before = commits(ledger.parent)
    result = invoke(runner, ledger, "done", "2019#1", "--on", "01/01/2030", "--today", "2019-02-20")
    assert result.exit_code != 0 and "sau hôm nay (20/02/2019)" in result.output
    assert commits(ledger.parent) == before


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        ("trước ngày 20/02/2019", "không sau hạn cũ (25/02/2019)"),
        ("trước ngày 25/02/2019", "không sau hạn cũ (25/02/2019)"),
        ("trước ngày 10/02/2019", "không sau ngày thông báo 18/02/2019"),
    ],
)
def test_postpone_moves_a_deadline_later_only(
    runner: CliRunner, ledger: Path, deadline: str, message: str
) -> None:
    before = commits(ledger.parent)
    args = ["postpone", "2019#1", deadline, "--reason", "Chờ ý kiến", "--today", "2019-02-20"]
    result = invoke(runner, ledger, *args)
    assert result.exit_code != 0 and message in result.output
    assert commits(ledger.parent) == before


def test_reopen_takes_back_the_latest_recorded_occurrence_as_its_help_says(
    runner: CliRunner, ledger: Path
) -> None:
    shown = " ".join(runner.invoke(app, ["reopen", "-h"]).stdout.replace("│", " ").split())
    assert "mặc định lần ghi hoàn thành gần nhất" in shown
    assert invoke(runner, ledger, "done", "2019#2", "--today", "2019-03-01").exit_code == 0
    result = invoke(runner, ledger, "reopen", "2019#2")
    assert result.exit_code == 0 and "(lần 01/03/2019 chưa hoàn thành)" in result.output


def test_help_of_every_new_command(runner: CliRunner) -> None:
    for command in (
        "done",
        "reopen",
        "cancel",
        "stop",
        "postpone",
        "note",
        "edit",
        "log",
        "init",
        "add",
    ):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
    assert runner.invoke(app, ["task", "add", "--help"]).exit_code == 0


def test_reports_see_the_occurrence_done(runner: CliRunner, ledger: Path) -> None:
    def overdue_dues() -> list[str]:
        result = invoke(runner, ledger, "overdue", "--today", "2019-03-09", "--format", "json")
        rows = json.loads(result.output)["tasks"]
        return [r["due"] for r in rows if r["id"] == f"{NOTICE_ID}#2"]

    assert overdue_dues() == ["2019-03-01T14:00:00+07:00", "2019-03-08T14:00:00+07:00"]
    assert invoke(runner, ledger, "done", "2019#2", "--today", "2019-03-09").exit_code == 0
    assert overdue_dues() == ["2019-03-08T14:00:00+07:00"]


def test_an_old_problem_does_not_block_a_change_but_a_new_one_does(
    runner: CliRunner, ledger: Path
) -> None:
    path = ledger.parent / PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tasks:\n", "khoa-cu: có từ trước\ntasks:\n", 1), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Lỗi cũ")
    result = invoke(runner, ledger, "done", "2019-02#1", "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    assert "khoa-cu: có từ trước" in path.read_text(encoding="utf-8")
    before = path.read_bytes()
    refused = invoke(runner, ledger, "postpone", "2019-02#2", "khi nào rảnh", "--reason", "x")
    assert refused.exit_code == 1
    assert "bad-deadline" in refused.stderr and "khoa-cu" not in refused.stderr
    assert path.read_bytes() == before


def test_pasted_control_characters_are_spaces_in_a_note(runner: CliRunner, ledger: Path) -> None:
    """A note pasted with a form feed, a terminal colour code or a bidirectional override
    is stored as the words alone: check has nothing to warn about."""
    pasted = "Đã gửi\x0cbáo cáo \x1b[31mđỏ\x1b[0m\u202e ngày 20/02"
    result = invoke(runner, ledger, "note", "2019#1", pasted, "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    _, lines, _ = last_commit(ledger.parent)
    assert "+        text: Đã gửi báo cáo [31mđỏ [0m ngày 20/02" in lines
    checked = invoke(runner, ledger, "check")
    assert checked.exit_code == 0 and "control-character" not in checked.output


def test_an_editor_that_cannot_start_is_said_in_vietnamese(
    runner, ledger: Path, monkeypatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(ledger.parent / "khong-co-trinh-soan-thao"))
    before = (ledger.parent / PATH).read_bytes()
    result = invoke(runner, ledger, "edit", "2019")
    assert result.exit_code == 1
    editor = ledger.parent / "khong-co-trinh-soan-thao"
    assert (
        f"không mở được trình soạn thảo '{editor}' (biến VISUAL hoặc EDITOR): "
        "không có tệp hay thư mục này"
    ) in " ".join(result.output.split())
    assert "No such file" not in result.output
    assert (ledger.parent / PATH).read_bytes() == before


def test_a_reopened_task_keeps_nothing_of_its_cancellation(runner: CliRunner, ledger: Path) -> None:
    """``reopen`` removes what ``cancel`` wrote; a hand edit of the status alone is named
    by ``check`` at each key it left."""
    cancel = ["cancel", "2019#3", "--reason", "Không còn phù hợp", "--today", "2019-02-20"]
    assert invoke(runner, ledger, *cancel).exit_code == 0
    assert invoke(runner, ledger, "reopen", "2019#3").exit_code == 0
    text = (ledger.parent / PATH).read_text(encoding="utf-8")
    assert "cancelled_on" not in text and "cancel_reason" not in text
    assert "[leftover" not in invoke(runner, ledger, "check").output
    assert invoke(runner, ledger, *cancel).exit_code == 0
    path = ledger.parent / PATH
    path.write_text(path.read_text(encoding="utf-8").replace("status: cancelled", "status: open"))
    result = invoke(runner, ledger, "check")
    lines = [x for x in result.output.splitlines() if x.endswith("[leftover-cancel]")]
    assert len(lines) == 2 and all(x.startswith(f"{path}:") for x in lines), result.output
    assert "'cancelled_on'" in lines[0] and "'cancel_reason'" in lines[1]


SECTIONED = """\
id: 2022-04-14-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2022-04-14
sections:
  - number: "5"
    title: Về công tác văn phòng
  - number: "6"
    title: Về phong trào
  - number: "7"
    title: Phần chưa có việc
tasks:
  - item: "5.1"
    section: "5"
    text: Việc phần 5
    owners: [VP]
  - item: "6.1"
    section: "6"
    text: Việc một
    owners: [VP]
  - item: "6.2"
    section: "6"
    text: Việc hai
    owners: [VP]
"""


def test_task_add_numbers_inside_its_section_and_warns_of_an_unknown_one(
    runner: CliRunner, git_repo: Path
) -> None:
    data = git_repo / "data"
    (data / "2022").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2022" / "2022-04-14-giao-ban.yaml").write_text(SECTIONED, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")

    def add(section: str) -> Result:
        args = ("task", "add", "2022-04", "--text", "Việc mới", "--owner", "VP")
        return invoke(runner, data, *args, "--section", section)

    result = add("6")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Đã thêm nhiệm vụ 2022-04-14-giao-ban#6.3 — commit ")
    assert "⚠" not in result.stderr
    assert add("7").stdout.startswith("Đã thêm nhiệm vụ 2022-04-14-giao-ban#7.1 — commit ")
    unknown = add("99")
    assert unknown.exit_code == 0, unknown.output
    assert unknown.stderr.startswith(
        "⚠ phần '99' chưa có trong 'sections' của thông báo (5, 6, 7)\n"
    )
    assert "#99.1 — commit " in unknown.stdout


LETTERED = """\
id: 2024-04-12-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-04-12
sections:
  - number: "3"
    title: Ban Tuyên giáo
  - number: "4"
    title: Phần chưa có việc
tasks:
  - item: "1"
    text: Việc chung
    owners: [VP]
"""


def _section_three(git_repo: Path, items: list[str]) -> tuple[Path, Path]:
    """A committed ledger whose notice's section 3 holds ``items``: (data folder, file)."""
    data = git_repo / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    tasks = "".join(
        f'  - item: "{item}"\n    section: "3"\n    text: Việc {item}\n    owners: [VP]\n'
        for item in items
    )
    path = data / "2024" / "2024-04-12-giao-ban.yaml"
    path.write_text(LETTERED + tasks, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    return data, path


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["3.a", "3.b"], "3.c"),
        (["3.c", "3.d"], "3.đ"),  # the Vietnamese letters: "đ" after "d"
        (["3.A", "3.B"], "3.C"),
        (["3a", "3b"], "3c"),
        (["3.i", "3.ii", "3.iii"], "3.iv"),
        (["3.1.", "3.2."], "3.3."),
        (["3-1", "3-2"], "3-3"),
        (["3.01", "3.09"], "3.10"),
        (["3.a", "3.b)"], "3.c)"),
    ],
)
def test_task_add_in_a_section_takes_the_form_of_its_items(
    runner: CliRunner, git_repo: Path, items: list[str], expected: str
) -> None:
    """The number of a task added to a section follows the form its items take, and a
    section with no item yet takes the form of the others ("4.a" beside "3.a")."""
    data, path = _section_three(git_repo, items)

    def add(section: str) -> Result:
        args = ("task", "add", "2024-04", "--text", "Việc mới", "--owner", "VP")
        return invoke(runner, data, *args, "--section", section)

    result = add("3")
    assert result.exit_code == 0, result.output
    assert f"Đã thêm nhiệm vụ 2024-04-12-giao-ban#{expected} — commit " in result.stdout
    first = {"3.c": "4.a", "3.C": "4.A", "3c": "4a", "3.iv": "4.i", "3.3.": "4.1.", "3-3": "4-1"}
    if expected in first:
        result = add("4")
        assert f"#{first[expected]} — commit " in result.stdout, result.output


@pytest.mark.parametrize("items", [["3.x", "3.y"], ["3.X", "3.Y"], ["3.y", "3.z"], ["3e", "3y"]])
def test_task_add_after_the_last_letter_of_a_section_asks_for_the_item(
    runner: CliRunner, git_repo: Path, items: list[str]
) -> None:
    """After the last letter ("y" of the Vietnamese letters, "z" of the Latin ones) the
    section's form has no next item: ``task add`` asks for ``--item`` rather than give a
    number of another form (the notice's next, "4", in section 3)."""
    data, path = _section_three(git_repo, items)
    before = path.read_bytes()

    args = ("task", "add", "2024-04", "--text", "Việc mới", "--owner", "VP", "--section", "3")
    result = invoke(runner, data, *args)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"giaoban: lỗi: không đánh được số mục tiếp theo của phần 3: mục '{items[-1]}' đã là "
        "chữ cái cuối cùng; hãy ghi số mục bằng --item\n"
    )
    assert path.read_bytes() == before
    given = invoke(runner, data, *args, "--item", "3.z1")
    assert given.exit_code == 0, given.output
    assert "#3.z1 — commit " in given.stdout


def test_postpone_of_a_task_without_deadline_says_so_as_log_does(
    runner: CliRunner, ledger: Path
) -> None:
    """The confirmation names a missing old deadline in the words ``log`` and ``diff`` use
    (``giaoban.history.semdiff.NO_DEADLINE``)."""
    added = invoke(runner, ledger, "task", "add", "2019-02", "--text", "Việc mới", "--item", "4")
    assert added.exit_code == 0, added.output
    args = ["postpone", "2019#4", "trước ngày 15/03/2019", "--reason", "Chờ"]
    result = invoke(runner, ledger, *args, "--today", "2019-02-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        f"Đã gia hạn {NOTICE_ID}#4: (không có hạn) → trước ngày 15/03/2019 — commit "
    )
    log = invoke(runner, ledger, "log", "2019#4")
    assert "gia hạn: (không có hạn) → trước ngày 15/03/2019; lý do: Chờ" in log.output
