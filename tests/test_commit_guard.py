"""An edit commits only its own change, or nothing: never another change under its message,
never onto a detached HEAD or into a stopped rebase, never past a stale index.lock.

Each refusal happens before the file is written, so the file, the index and the
history are exactly as they were, and the message says what to run.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import run_git
from tests.test_cli_edit import NOTICE_ID, PATH, commits, invoke, make_ledger


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


DONE = ("done", f"{NOTICE_ID}#1", "--today", "2019-02-20")


def snapshot(repo: Path) -> tuple[str, str, str]:
    """The file, git's view of the work tree, and HEAD."""
    return (
        (repo / PATH).read_text(encoding="utf-8"),
        run_git(repo, "status", "--porcelain"),
        run_git(repo, "rev-parse", "HEAD"),
    )


def test_a_hand_edit_in_the_file_stops_the_edit(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    path = repo / PATH
    path.write_text(path.read_text(encoding="utf-8") + "# ghi chú tay\n", encoding="utf-8")
    before = snapshot(repo)

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1
    assert "thay đổi chưa commit" in result.output
    assert f"git diff HEAD -- {PATH}" in result.output
    assert f"git stash push -- {PATH}" in result.output
    assert "Traceback" not in result.output
    assert snapshot(repo) == before


def test_a_staged_change_of_an_earlier_edit_is_not_swallowed(
    runner: CliRunner, ledger: Path
) -> None:
    """The change a killed command staged but never committed is named, not taken in."""
    repo = ledger.parent
    first = invoke(runner, ledger, "note", f"{NOTICE_ID}#1", "Đã họp", "--no-commit")
    assert first.exit_code == 0, first.output
    run_git(repo, "add", PATH)
    count = commits(repo)

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1 and "thay đổi chưa commit" in result.output
    assert commits(repo) == count
    # Committed by the clerk, the next edit goes through and holds only its own lines.
    run_git(repo, "commit", "-qm", "Ghi chú việc 1")
    again = invoke(runner, ledger, *DONE)
    assert again.exit_code == 0, again.output
    diff = run_git(repo, "show", "--format=", "-U0", "HEAD")
    assert "Đã họp" not in diff and "done_on: 2019-02-20" in diff


def test_changes_in_other_files_do_not_stop_an_edit(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    units = ledger / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 0, result.output
    assert run_git(repo, "show", "--name-only", "--format=", "HEAD").split() == [PATH]
    assert run_git(repo, "status", "--porcelain").strip() == "M data/units.yaml"
    # ... but they are named, not left unseen.
    assert "1 tệp khác trong sổ có thay đổi chưa commit (data/units.yaml)" in result.stderr


def test_a_status_git_cannot_give_after_the_commit_is_said_not_taken_for_none(
    runner: CliRunner, ledger: Path
) -> None:
    """A post-commit hook that leaves git's index unreadable: the commit is made, but which
    other files are left uncommitted cannot be known, and the clerk is told so."""
    repo = ledger.parent
    hook = repo / ".git" / "hooks" / "post-commit"
    hook.write_text('#!/bin/sh\nprintf "hỏng" > "$(git rev-parse --git-dir)/index"\n')
    hook.chmod(0o755)
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 0, result.output
    assert run_git(repo, "show", "--name-only", "--format=", "HEAD").split() == [PATH]
    assert "không cho biết các tệp khác trong sổ có thay đổi chưa commit" in result.stderr
    assert "git status lỗi" in result.stderr and "index" in result.stderr


@pytest.mark.parametrize("untracked", ["normal", "no"])
def test_a_file_never_committed_is_not_committed_under_an_action(
    runner: CliRunner, ledger: Path, untracked: str
) -> None:
    """Whatever the user's settings show of it: with status.showUntrackedFiles=no,
    'git status' is silent about the file, and the guard, the doctor and the reports'
    data block are not."""
    repo = ledger.parent
    run_git(repo, "rm", "-q", "--cached", PATH)
    run_git(repo, "commit", "-qm", "Bỏ theo dõi")
    run_git(repo, "config", "status.showUntrackedFiles", untracked)
    before = snapshot(repo)
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 1
    assert "chưa từng được commit" in result.output and f"git add -- {PATH}" in result.output
    assert snapshot(repo) == before
    doctor = invoke(runner, ledger, "doctor")
    assert doctor.exit_code == 1 and f"tệp {PATH} chưa từng được commit" in doctor.output
    shown = invoke(runner, ledger, "list", "--format", "json", "--today", "2019-02-20")
    assert json.loads(shown.stdout)["data"]["dirty"] is True


def test_a_detached_head_is_sent_back_to_its_own_branch(runner: CliRunner, ledger: Path) -> None:
    """The way back names the repository's branch ("master" here), and the branches to
    choose from when HEAD is on several."""
    repo = ledger.parent
    run_git(repo, "branch", "-m", "master")
    run_git(repo, "checkout", "-q", "--detach", "HEAD")
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 1
    assert "('git switch master')" in " ".join(result.output.split())
    run_git(repo, "branch", "du-thao")
    result = invoke(runner, ledger, *DONE)
    assert "('git switch TÊN-NHÁNH', một trong: du-thao, master)" in " ".join(result.output.split())


def test_no_commit_onto_a_detached_head(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    run_git(repo, "checkout", "-q", "--detach", "HEAD")
    before = snapshot(repo)
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 1
    assert "detached HEAD" in result.output and "git switch main" in result.output
    assert snapshot(repo) == before


def test_no_commit_while_a_rebase_is_stopped(runner: CliRunner, ledger: Path) -> None:
    """As when 'giaoban sync' waits on a conflict: an edit then would be lost on abort."""
    repo = ledger.parent
    (repo / "x.txt").write_text("gốc\n", encoding="utf-8")
    run_git(repo, "add", "x.txt")
    run_git(repo, "commit", "-qm", "x")
    run_git(repo, "checkout", "-q", "-b", "khac", "HEAD~1")
    (repo / "x.txt").write_text("bên kia\n", encoding="utf-8")
    run_git(repo, "add", "x.txt")
    run_git(repo, "commit", "-qm", "x khác")
    proc = run_git_may_fail(repo, "rebase", "main")
    assert proc != 0
    before = snapshot(repo)

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1
    assert "rebase" in result.output and "git rebase --abort" in result.output
    assert snapshot(repo) == before


def test_a_stale_index_lock_is_named_before_anything_is_written(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    lock = repo / ".git" / "index.lock"
    lock.write_bytes(b"")
    text = (repo / PATH).read_text(encoding="utf-8")

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1
    assert str(lock) in result.output and "rm " in result.output
    assert (repo / PATH).read_text(encoding="utf-8") == text
    lock.unlink()
    assert invoke(runner, ledger, *DONE).exit_code == 0


@pytest.mark.parametrize("name", ["HEAD.lock", "refs/heads/main.lock"])
def test_a_stale_lock_of_the_branch_is_named_before_anything_is_written(
    runner: CliRunner, ledger: Path, name: str
) -> None:
    """git takes these locks to commit too: a killed commit can leave one, and the edit
    would write its file and then fail to commit it."""
    repo = ledger.parent
    run_git(repo, "branch", "-M", "main")
    lock = repo / ".git" / name
    lock.write_bytes(b"")
    config = repo / ".git" / "config.lock"  # git's, but no commit needs it
    config.write_bytes(b"")
    text = (repo / PATH).read_text(encoding="utf-8")

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1
    assert f"rm {lock}" in result.output and "config.lock" not in result.output
    assert (repo / PATH).read_text(encoding="utf-8") == text
    lock.unlink()
    assert invoke(runner, ledger, *DONE).exit_code == 0


@pytest.mark.parametrize("command", ["postpone", "note", "cancel"])
def test_every_edit_command_is_guarded(runner: CliRunner, ledger: Path, command: str) -> None:
    repo = ledger.parent
    run_git(repo, "checkout", "-q", "--detach", "HEAD")
    args = {
        "postpone": ("trước ngày 30/03/2019", "--reason", "chờ số liệu"),
        "note": ("Đã họp",),
        "cancel": ("--reason", "không còn cần"),
    }[command]
    result = invoke(runner, ledger, command, f"{NOTICE_ID}#1", *args, "--today", "2019-02-20")
    assert result.exit_code == 1, result.output
    assert "detached HEAD" in result.output


def test_without_commits_nothing_is_asked_of_git(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    run_git(repo, "checkout", "-q", "--detach", "HEAD")
    result = invoke(runner, ledger, *DONE, "--no-commit")
    assert result.exit_code == 0, result.output
    assert run_git(repo, "status", "--porcelain").strip() == f"M {PATH}"


def run_git_may_fail(repo: Path, *args: str) -> int:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False).returncode


def test_a_new_notice_is_not_written_onto_a_detached_head(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    run_git(repo, "checkout", "-q", "--detach", "HEAD")
    args = ("add", "--title", "Kết luận giao ban tháng 3/2019", "--date", "18/03/2019")
    result = invoke(runner, ledger, *args, "--task", "Báo cáo | chủ trì: VP | hạn: trước 25/3/2019")
    assert result.exit_code == 1, result.output
    assert "detached HEAD" in result.output
    assert sorted(p.name for p in (ledger / "2019").iterdir()) == [f"{NOTICE_ID}.yaml"]


def test_a_killed_write_s_staging_folder_is_cleared_and_named(
    runner: CliRunner, ledger: Path
) -> None:
    leftover = ledger / "2019" / ".giaoban-k1ll3d"
    leftover.mkdir()
    (leftover / f"{NOTICE_ID}.yaml").write_text("nửa chừng", encoding="utf-8")

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 0, result.output
    assert not leftover.exists()
    assert "đã dọn 1 thư mục tạm" in result.stderr and str(leftover) in result.stderr
