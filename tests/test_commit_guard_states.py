"""The commit guard asks git about the one path an edit commits in every state git can
hide it in: deleted but not committed, never committed while the user's settings hide
untracked files, changed behind an index flag (assume-unchanged, skip-worktree),
ignored. Each edit refuses before writing, naming the state and what to run; the doctor
names the same files, and a report never says the data is clean while one is there.

Real git repositories, the real CLI.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.conftest import run_git
from tests.test_cli_edit import NOTICE_ID, PATH, commits, invoke, last_commit, make_ledger
from tests.test_commit_guard import DONE


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


NEW_TASK = "Báo cáo | chủ trì: VP | hạn: trước 25/3/2019"


def add_notice(runner: CliRunner, data: Path, *args: str) -> Result:
    """``giaoban add`` of a notice dated 18/02/2019 (so it goes to ``data/2019/``)."""
    words = ("add", "--title", "Giao ban tháng 2", "--date", "18/02/2019", "--task", NEW_TASK)
    return invoke(runner, data, *words, *args)


def one_line(result: Result) -> str:
    return " ".join(result.output.split())


def data_block(runner: CliRunner, data: Path) -> dict[str, object]:
    shown = invoke(runner, data, "list", "--format", "json", "--today", "2019-02-20")
    return dict(json.loads(shown.stdout)["data"])


# --- a path deleted but not committed --------------------------------------------------------


@pytest.mark.parametrize("staged", [False, True], ids=["deleted", "git-rm"])
def test_add_over_a_notice_deleted_but_not_committed_is_refused(
    runner: CliRunner, ledger: Path, staged: bool
) -> None:
    """Written and committed, the new file would replace the committed notice under
    "Thêm thông báo", its tasks deleted unsaid."""
    repo = ledger.parent
    if staged:
        run_git(repo, "rm", "-q", PATH)
    else:
        (repo / PATH).unlink()
    status, head = run_git(repo, "status", "--porcelain"), run_git(repo, "rev-parse", "HEAD")

    result = add_notice(runner, ledger, "--id", NOTICE_ID)

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    said = one_line(result)
    assert f"tệp {PATH} đã bị xóa nhưng việc xóa chưa được commit" in said
    assert f"git checkout HEAD -- {PATH}" in said and f"-- {PATH}" in said
    assert not (repo / PATH).exists()
    assert (run_git(repo, "status", "--porcelain"), run_git(repo, "rev-parse", "HEAD")) == (
        status,
        head,
    )
    # The deletion committed as the message says, the same add is one honest addition.
    run_git(repo, "commit", "-qm", f"Xóa {PATH}", "--", PATH)
    again = add_notice(runner, ledger, "--id", NOTICE_ID)
    assert again.exit_code == 0, again.output
    assert run_git(repo, "show", "--format=", "--numstat", "HEAD").split()[1] == "0"


def test_the_doctor_names_a_deleted_notice(runner: CliRunner, ledger: Path) -> None:
    (ledger.parent / PATH).unlink()
    result = invoke(runner, ledger, "doctor")
    assert result.exit_code == 1
    assert f"tệp {PATH} đã bị xóa" in one_line(result)


# --- untracked files hidden by the user's settings (a file never committed: test_commit_guard)


def test_other_uncommitted_files_are_named_whatever_the_status_settings(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    run_git(repo, "config", "status.showUntrackedFiles", "no")
    (ledger / "2019" / "ban-nhap.yaml").write_text("# nháp\n", encoding="utf-8")
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 0, result.output
    assert "1 tệp khác trong sổ có thay đổi chưa commit (data/2019/ban-nhap.yaml)" in (
        result.stderr
    )


# --- index flags that hide a change from git status ---------------------------------------------


def hand_edit(repo: Path) -> str:
    path = repo / PATH
    text = path.read_text(encoding="utf-8").replace("kind: ", "kind: SỬA TAY ", 1)
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return text


def test_a_hand_edit_behind_assume_unchanged_is_refused_and_named(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    run_git(repo, "update-index", "--assume-unchanged", PATH)
    edited = hand_edit(repo)
    assert run_git(repo, "status", "--porcelain") == ""  # git status does not see it
    head = run_git(repo, "rev-parse", "HEAD")

    result = invoke(runner, ledger, "note", f"{NOTICE_ID}#1", "Đã họp", "--today", "2019-02-20")

    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert f"tệp {PATH} có thay đổi chưa commit mà 'git status' không thấy" in said
    assert "assume-unchanged" in said
    assert f"git update-index --no-assume-unchanged -- {PATH}" in said
    assert (repo / PATH).read_text(encoding="utf-8") == edited
    assert run_git(repo, "rev-parse", "HEAD") == head
    doctor = invoke(runner, ledger, "doctor")
    assert doctor.exit_code == 1 and "không có gì cần sửa" not in doctor.output
    assert f"tệp {PATH}" in one_line(doctor) and "assume-unchanged" in doctor.output
    assert data_block(runner, ledger)["dirty"] is True


def test_assume_unchanged_without_a_hand_edit_lets_the_edit_commit_its_lines(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    run_git(repo, "update-index", "--assume-unchanged", PATH)
    result = invoke(runner, ledger, *DONE)
    assert result.exit_code == 0, result.output
    files, lines, _ = last_commit(repo)
    assert files == [PATH] and "+    done_on: 2019-02-20" in lines


@pytest.mark.parametrize("edited", [True, False], ids=["hand-edit", "unchanged"])
def test_a_file_flagged_skip_worktree_is_refused_before_writing(
    runner: CliRunner, ledger: Path, edited: bool
) -> None:
    """git does not commit such a file: the edit would write it, then fail in git's
    English words. It says so first, writing nothing."""
    repo = ledger.parent
    run_git(repo, "update-index", "--skip-worktree", PATH)
    text = hand_edit(repo) if edited else (repo / PATH).read_text(encoding="utf-8")
    count = commits(repo)

    result = invoke(runner, ledger, *DONE)

    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert f"tệp {PATH}" in said and "skip-worktree" in said
    assert f"git update-index --no-skip-worktree -- {PATH}" in said
    assert "sparse" not in said  # git's own words are not the guidance
    assert (repo / PATH).read_text(encoding="utf-8") == text and commits(repo) == count
    doctor = invoke(runner, ledger, "doctor")
    assert ("skip-worktree" in doctor.output) is edited


# --- a path git ignores ----------------------------------------------------------------------


def test_a_new_notice_in_an_ignored_folder_is_refused_naming_the_rule(
    runner: CliRunner, ledger: Path
) -> None:
    """git add would refuse the new file, and the printed commit would fail: the clerk is
    told which rule ignores it before anything is written."""
    repo = ledger.parent
    (repo / ".gitignore").write_text("# sổ riêng\ndata/\n", encoding="utf-8")
    run_git(repo, "add", ".gitignore")
    run_git(repo, "commit", "-qm", "Bỏ qua data/")
    files = sorted(p.name for p in (ledger / "2019").iterdir())

    result = add_notice(runner, ledger)

    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert "bị git bỏ qua (quy tắc 'data/' ở .gitignore, dòng 2)" in said
    assert "--no-commit" in said and "pathspec" not in said
    assert sorted(p.name for p in (ledger / "2019").iterdir()) == files


def test_an_ignored_notice_is_named_by_the_doctor_and_the_reports(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    (repo / ".gitignore").write_text("data/\n", encoding="utf-8")
    run_git(repo, "add", ".gitignore")
    run_git(repo, "commit", "-qm", "Bỏ qua data/")
    assert data_block(runner, ledger)["dirty"] is False
    written = add_notice(runner, ledger, "--no-commit")
    assert written.exit_code == 0, written.output
    new = next(p for p in (ledger / "2019").iterdir() if p.name != f"{NOTICE_ID}.yaml")
    rel = new.relative_to(repo).as_posix()

    doctor = invoke(runner, ledger, "doctor")

    assert doctor.exit_code == 1, doctor.output
    said = one_line(doctor)
    assert f"tệp {rel} bị git bỏ qua (quy tắc 'data/' ở .gitignore, dòng 1)" in said
    assert data_block(runner, ledger)["dirty"] is True
    # The command the doctor gives commits the notice.
    command = next(x.strip() for x in doctor.output.splitlines() if "git add -f" in x)
    shell = command[command.index("git add -f") :]
    subprocess.run(shell, shell=True, cwd=repo, check=True, capture_output=True)
    assert run_git(repo, "log", "--format=%s", "--", rel).strip() == f"Thêm {rel}"
    assert invoke(runner, ledger, "doctor").exit_code == 0


def test_files_an_ignored_folder_holds_that_are_not_the_ledger_s_are_not_named(
    runner: CliRunner, ledger: Path
) -> None:
    """A backup or a swap file the ledger is not read from: ignoring it is what
    .gitignore is for."""
    repo = ledger.parent
    (repo / ".gitignore").write_text("*.bak\n.*.swp\n", encoding="utf-8")
    run_git(repo, "add", ".gitignore")
    run_git(repo, "commit", "-qm", "Bỏ qua bản sao")
    (ledger / "2019" / f"{NOTICE_ID}.yaml.bak").write_text("x\n", encoding="utf-8")
    (ledger / "2019" / f".{NOTICE_ID}.yaml.swp").write_text("x\n", encoding="utf-8")
    assert invoke(runner, ledger, "doctor").exit_code == 0
    assert data_block(runner, ledger)["dirty"] is False


# --- after a failed commit -------------------------------------------------------------------


def test_a_failed_commit_names_only_the_other_files_after_its_warning(
    runner: CliRunner, ledger: Path
) -> None:
    """The command's own file is the one the warning is about, not "another file"; the
    note on the others comes after the warning that explains the failure."""
    repo = ledger.parent
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text('#!/bin/sh\necho "hook: chưa cho commit" >&2\nexit 1\n', encoding="utf-8")
    hook.chmod(0o755)

    alone = invoke(runner, ledger, *DONE)

    assert alone.exit_code == 1, alone.output
    assert "giaoban: cảnh báo: git không commit được" in alone.stderr
    assert "tệp khác" not in alone.stderr
    run_git(repo, "checkout", "-q", "HEAD", "--", PATH)
    units = ledger / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")

    beside = invoke(runner, ledger, *DONE)

    assert beside.exit_code == 1, beside.output
    note = "lưu ý: 1 tệp khác trong sổ có thay đổi chưa commit (data/units.yaml)"
    assert note in beside.stderr
    assert beside.stderr.index("cảnh báo: git không commit được") < beside.stderr.index(note)
