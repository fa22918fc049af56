"""Reports and edits run at the same time, in real repositories and real processes.

A report only reads: it never takes a lock an edit's commit needs (git's
``index.lock``), and it reads each notice file it scanned once, as it was or as
an edit left it, whatever other processes do to the shared index meanwhile. An
edit checks its staged file where no other process sees it, and no other
process can change what that check reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.history import git
from tests.conftest import run_git
from tests.test_cli_edit import NOTICE_ID, PATH, invoke, make_ledger


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


# --- git: a report takes no lock -----------------------------------------------------------


def _touched(repo: Path) -> tuple[bytes, int]:
    """Give the notice a new modification time, its bytes unchanged (git's index no longer
    matches its stat, so a command that refreshes the index writes it); git's index as it
    is then, and its modification time."""
    path = repo / PATH
    later = path.stat().st_mtime_ns + 100 * 10**9
    os.utime(path, ns=(later, later))
    index = repo / ".git" / "index"
    return index.read_bytes(), index.stat().st_mtime_ns


def _index(repo: Path) -> tuple[bytes, int]:
    index = repo / ".git" / "index"
    return index.read_bytes(), index.stat().st_mtime_ns


def test_a_report_leaves_gits_index_alone(runner: CliRunner, ledger: Path) -> None:
    """A report's ``git status`` (its footer's commit and dirty flag) refreshes the index in
    memory only: taking ``.git/index.lock`` to write it back would make an edit committing
    at that moment fail."""
    repo = ledger.parent
    before = _touched(repo)
    result = invoke(runner, ledger, "week", "--today", "2019-02-20", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"dirty": false' in result.stdout
    assert _index(repo) == before
    assert not (repo / ".git" / "index.lock").exists()


@pytest.mark.parametrize(
    "read",
    [
        lambda repo: git.data_state(repo / "data"),
        lambda repo: git.changed_paths(repo, "data"),
        lambda repo: git.conflicted_paths(repo),
    ],
    ids=["data_state", "changed_paths", "conflicted_paths"],
)
def test_the_adapters_reads_never_write_gits_index(
    ledger: Path, read: Callable[[Path], object]
) -> None:
    repo = ledger.parent
    before = _touched(repo)
    assert read(repo)
    assert _index(repo) == before


def test_a_failed_commit_does_not_call_the_edited_file_another_one(
    runner: CliRunner, ledger: Path
) -> None:
    """The file an edit wrote but could not commit is named by the warning (with the commit
    to run), never as "another file of the ledger with uncommitted changes"."""
    repo = ledger.parent
    run_git(repo, "config", "--unset", "user.name")
    run_git(repo, "config", "--unset", "user.email")
    run_git(repo, "config", "user.useConfigOnly", "true")
    result = invoke(runner, ledger, "done", f"{NOTICE_ID}#1", "--today", "2019-02-20")
    assert result.exit_code == 1
    assert f"-- {PATH}" in result.stderr
    assert "tệp khác" not in result.stderr
