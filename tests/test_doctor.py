"""``giaoban doctor``: finds what stopped commands left, repairs only what is safe.

Real git repositories, the real CLI. A git lock file's age is measured on the
system's clock (never on --today or GIAOBAN_TODAY): the tests date the lock
files relative to it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.drafts import NOTE_FILE, start_draft
from giaoban.edit.transaction import ledger_lock
from giaoban.store.cache import folder_for
from tests.conftest import DATA, run_git


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    shutil.copytree(DATA, git_repo / "data")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Sổ nhiệm vụ")
    return git_repo / "data"


def doctor(runner: CliRunner, data: Path, *args: str):
    return runner.invoke(app, ["doctor", "--data", str(data), *args])


def made_ago(path: Path, seconds: float) -> None:
    """Date ``path`` ``seconds`` before the system's clock (after it when negative)."""
    when = time.time() - seconds
    os.utime(path, (when, when))


def a_notice(data: Path) -> Path:
    return sorted(data.rglob("20*.yaml"))[0]


def test_a_clean_ledger_needs_nothing(runner: CliRunner, ledger: Path) -> None:
    result = doctor(runner, ledger)
    assert result.exit_code == 0, result.output
    assert "không có gì cần sửa" in result.output


def test_a_staging_folder_is_named_then_removed(runner: CliRunner, ledger: Path) -> None:
    notice = a_notice(ledger)
    before = notice.read_bytes()
    leftover = notice.parent / ".giaoban-k1ll3d"
    leftover.mkdir()
    (leftover / notice.name).write_bytes(before[:40])
    found = doctor(runner, ledger)
    assert found.exit_code == 1 and "thư mục tạm còn sót" in found.output
    assert "giaoban doctor --fix" in found.output and leftover.exists()
    fixed = doctor(runner, ledger, "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "✓ đã sửa" in fixed.output and not leftover.exists()
    assert notice.read_bytes() == before


@pytest.mark.parametrize(
    "name",
    [
        "index.lock",
        "HEAD.lock",
        "refs/heads/main.lock",
        "config.lock",
        "objects/info/commit-graph.lock",
    ],
)
def test_every_git_lock_is_named_and_removed_only_when_stale(
    runner: CliRunner, ledger: Path, name: str
) -> None:
    """index.lock and the branch's ref lock stop every commit; a lock of git's own
    housekeeping, left by a killed git, is named all the same."""
    run_git(ledger.parent, "branch", "-M", "main")
    lock = ledger.parent / ".git" / name
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.touch()
    made_ago(lock, 60)  # a minute old: git may still be running
    fresh = doctor(runner, ledger, "--fix")
    assert fresh.exit_code == 1 and lock.exists()
    assert f"rm {lock}" in fresh.output
    made_ago(lock, 3600)
    stale = doctor(runner, ledger, "--fix")
    assert stale.exit_code == 0, stale.output
    assert not lock.exists() and str(lock) in stale.output


@pytest.mark.parametrize("today", ["2000-01-01", "2100-01-01"])
def test_a_locks_age_is_the_clocks_not_the_reports_now(
    runner: CliRunner, ledger: Path, monkeypatch: pytest.MonkeyPatch, today: str
) -> None:
    """GIAOBAN_TODAY fixes "now" for reports, not the age of a file: a lock made a
    second ago is young (never removed), one made two hours ago stale, whatever it says."""
    monkeypatch.setenv("GIAOBAN_TODAY", today)
    lock = ledger.parent / ".git" / "index.lock"
    lock.touch()
    made_ago(lock, 1)
    fresh = doctor(runner, ledger, "--fix")
    assert fresh.exit_code == 1 and lock.exists(), fresh.output
    assert "(vừa tạo)" in fresh.output and "-" not in fresh.output.split("(")[1][:8]
    made_ago(lock, -3600)  # dated after the clock (the clock was set back): just made
    ahead = doctor(runner, ledger, "--fix")
    assert ahead.exit_code == 1 and lock.exists() and "(vừa tạo)" in ahead.output
    made_ago(lock, 7200)
    stale = doctor(runner, ledger, "--fix")
    assert stale.exit_code == 0 and not lock.exists(), stale.output
    assert "(tạo 120 phút trước)" in stale.output


def test_uncommitted_changes_are_explained_never_touched(runner: CliRunner, ledger: Path) -> None:
    notice = a_notice(ledger)
    changed = notice.read_bytes() + "# sửa tay\n".encode()
    notice.write_bytes(changed)
    result = doctor(runner, ledger, "--fix")
    assert result.exit_code == 1
    assert "có thay đổi chưa commit" in result.output
    assert "git diff HEAD --" in result.output and "git stash push --" in result.output
    assert notice.read_bytes() == changed
    assert run_git(ledger.parent, "status", "--porcelain").strip().startswith("M")


def test_a_status_git_cannot_give_is_never_read_as_nothing_to_do(
    runner: CliRunner, ledger: Path
) -> None:
    """With a broken index git cannot list uncommitted changes: the doctor says so (exit
    1) rather than "nothing to repair", and touches nothing."""
    notice = a_notice(ledger)
    changed = notice.read_bytes() + "# sửa tay\n".encode()
    notice.write_bytes(changed)
    index = ledger.parent / ".git" / "index"
    index.write_bytes(b"not an index")
    result = doctor(runner, ledger, "--fix")
    assert result.exit_code == 1, result.output
    assert "không có gì cần sửa" not in result.output
    assert "git status lỗi" in result.output and "index" in result.output
    assert notice.read_bytes() == changed and index.read_bytes() == b"not an index"


def test_a_stopped_rebase_is_explained(runner: CliRunner, ledger: Path) -> None:
    (ledger.parent / ".git" / "rebase-merge").mkdir()
    result = doctor(runner, ledger, "--fix")
    assert result.exit_code == 1
    assert "đang dừng giữa" in result.output and "--abort" in result.output


def test_a_ledger_in_use_is_left_alone(runner: CliRunner, ledger: Path) -> None:
    (a_notice(ledger).parent / ".giaoban-busy").mkdir()
    with ledger_lock(ledger):
        result = doctor(runner, ledger, "--fix")
    assert result.exit_code == 1
    assert "một lệnh giaoban khác đang ghi" in result.output
    assert (a_notice(ledger).parent / ".giaoban-busy").exists()


def test_a_cache_others_could_write_is_removed(runner: CliRunner, ledger: Path) -> None:
    assert runner.invoke(app, ["check", "--data", str(ledger)]).exit_code == 0
    cache = folder_for(ledger)
    assert cache.is_dir()
    cache.chmod(0o777)
    found = doctor(runner, ledger)
    assert found.exit_code == 1 and "bộ nhớ đệm" in found.output
    assert doctor(runner, ledger, "--fix").exit_code == 0
    assert not cache.exists()
    assert runner.invoke(app, ["check", "--data", str(ledger)]).exit_code == 0


def test_a_stopped_rebase_is_named_beside_a_git_lock(runner: CliRunner, ledger: Path) -> None:
    git_dir = ledger.parent / ".git"
    (git_dir / "rebase-merge").mkdir()
    (git_dir / "index.lock").touch()
    result = doctor(runner, ledger)
    assert result.exit_code == 1
    assert "còn tệp khóa của git" in result.output and "đang dừng giữa" in result.output


# --- a draft a killed ``giaoban edit`` left -------------------------------------------------

SLOW_EDITOR = """\
import pathlib, sys, time
draft = pathlib.Path(sys.argv[1])
draft.write_text(draft.read_text(encoding="utf-8").replace("status: open", "status: done", 1)
                 + {extra!r}, encoding="utf-8")
aside = pathlib.Path({saved!r} + ".part")  # renamed whole: the test never reads it half written
aside.write_text(str(draft), encoding="utf-8")
aside.replace({saved!r})
time.sleep(120)  # the editor still open when the terminal is closed
"""


def killed_edit(ledger: Path, tmp_path: Path, notice_id: str, extra: str = "") -> Path:
    """Run ``giaoban edit notice_id``, kill it (and its editor) once the clerk saved the
    draft, as a closed terminal does; the path of the draft left."""
    saved = tmp_path / "saved-path"
    script = tmp_path / "slow_editor.py"
    script.write_text(SLOW_EDITOR.format(extra=extra, saved=str(saved)), encoding="utf-8")
    env = {**os.environ, "EDITOR": f"{sys.executable} {script}", "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "giaoban", "edit", notice_id, "--data", str(ledger)]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not saved.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return Path(saved.read_text(encoding="utf-8"))


@pytest.mark.skipif(os.name == "nt", reason="process groups and SIGKILL")
def test_a_draft_a_killed_edit_left_is_named_and_kept(
    runner: CliRunner, ledger: Path, tmp_path: Path, temp_dir: Path
) -> None:
    notice = a_notice(ledger)
    before = notice.read_bytes()
    draft = killed_edit(ledger, tmp_path, notice.stem)
    assert draft.is_file() and draft.is_relative_to(temp_dir)
    assert notice.read_bytes() == before  # the ledger is intact
    for args in ((), ("--fix",)):
        found = doctor(runner, ledger, *args)
        assert found.exit_code == 1, found.output
        assert f"bản nháp chưa lưu của 'giaoban edit {notice.stem}' bị ngắt" in found.output
        assert str(draft) in found.output and "sửa lần cuối lúc" in found.output
        assert f"diff -u {notice} {draft}" in found.output
        assert f"chạy 'giaoban edit {notice.stem}'" in found.output
        assert draft.is_file()  # --fix never removes the clerk's work
    # the next edit of that notice says where the draft is
    script = tmp_path / "quiet_editor.py"
    script.write_text("pass\n", encoding="utf-8")
    env = {"EDITOR": f"{sys.executable} {script}", "TMPDIR": str(temp_dir)}
    result = runner.invoke(app, ["edit", notice.stem, "--data", str(ledger)], env=env)
    assert result.exit_code == 0, result.output
    assert f"Còn bản nháp chưa lưu của {notice.stem}" in result.stderr
    assert str(draft) in result.stderr and draft.is_file()
    # another notice's edit says nothing of it
    other = sorted(ledger.rglob("20*.yaml"))[1]
    result = runner.invoke(app, ["edit", other.stem, "--data", str(ledger)], env=env)
    assert result.exit_code == 0 and "bản nháp" not in result.output, result.output


@pytest.mark.skipif(os.name == "nt", reason="process groups and SIGKILL")
def test_a_draft_is_found_again_after_its_notice_was_moved(
    runner: CliRunner, ledger: Path, tmp_path: Path, temp_dir: Path
) -> None:
    """A notice's file moved to another folder (``git mv``) after the edit was killed: its
    file is named by its id, so doctor and the next edit find the draft's notice there."""
    notice = a_notice(ledger)
    draft = killed_edit(ledger, tmp_path, notice.stem)
    moved = ledger / "2030" / notice.name
    moved.parent.mkdir()
    subprocess.run(["git", "mv", str(notice), str(moved)], cwd=ledger, check=True)
    subprocess.run(["git", "commit", "-qm", "chuyển"], cwd=ledger, check=True)
    found = doctor(runner, ledger)
    assert found.exit_code == 1 and f"diff -u {moved} {draft}" in found.output, found.output
    script = tmp_path / "quiet_editor.py"
    script.write_text("pass\n", encoding="utf-8")
    env = {"EDITOR": f"{sys.executable} {script}", "TMPDIR": str(temp_dir)}
    result = runner.invoke(app, ["edit", notice.stem, "--data", str(ledger)], env=env)
    assert f"Còn bản nháp chưa lưu của {notice.stem}" in result.stderr, result.output
    assert draft.is_file()


@pytest.mark.skipif(os.name == "nt", reason="process groups and SIGKILL")
def test_a_draft_the_same_as_its_notice_is_removed_by_fix(
    runner: CliRunner, ledger: Path, tmp_path: Path, temp_dir: Path
) -> None:
    notice = a_notice(ledger)
    draft = killed_edit(ledger, tmp_path, notice.stem)
    draft.write_bytes(notice.read_bytes())  # the clerk had undone the change
    found = doctor(runner, ledger)
    assert found.exit_code == 1 and "bản nháp giống hệt tệp thông báo" in found.output
    fixed = doctor(runner, ledger, "--fix")
    assert "✓ đã sửa" in fixed.output and not draft.parent.exists(), fixed.output
    assert doctor(runner, ledger).exit_code == 0


def test_a_running_edit_and_another_ledger_are_not_named(
    runner: CliRunner, ledger: Path, tmp_path: Path, temp_dir: Path
) -> None:
    """A draft whose edit still runs (here: this process) is that edit's; a draft of
    another ledger's notice is that ledger's doctor's; a folder without giaoban's note is
    not giaoban's."""
    notice = a_notice(ledger)
    start_draft(notice.stem, notice, "sửa dở\n", ledger)  # by this process, which runs
    elsewhere = tmp_path / "khac" / "data" / "2019" / notice.name
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_text("id: x\n", encoding="utf-8")
    dead = start_draft(elsewhere.stem, elsewhere, "sửa dở\n", elsewhere.parent.parent)
    note = json.loads((dead.parent / NOTE_FILE).read_text(encoding="utf-8"))
    (dead.parent / NOTE_FILE).write_text(json.dumps({**note, "pid": 2**22 + 7}))
    (temp_dir / "giaoban-edit-khong-ghi-chu").mkdir()
    result = doctor(runner, ledger)
    assert result.exit_code == 0 and "không có gì cần sửa" in result.output, result.output
