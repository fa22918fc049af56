"""``giaoban doctor``: finds what stopped commands left, repairs only what is safe.

Real git repositories, the real CLI. A git lock file's age is measured on the
system's clock (never on --today or GIAOBAN_TODAY): the tests date the lock
files relative to it.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
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
