"""``giaoban init`` in an existing repository is guarded as every edit is: in a state where
its first commit would be lost or tangled (a detached HEAD, a stopped rebase or merge) or
would say what it does not do (a path deleted but not committed, an ignored folder), it
refuses before writing anything. Real git repositories, the real CLI.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from giaoban.cli.main import app
from tests.conftest import run_git


def init(runner: CliRunner, repo: Path, *args: str) -> Result:
    return runner.invoke(app, ["init", str(repo), "--office", "Văn phòng", *args])


def git_may_fail(repo: Path, *args: str) -> int:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False).returncode


def commit_file(repo: Path, name: str, text: str, message: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    run_git(repo, "add", name)
    run_git(repo, "commit", "-qm", message)


def detached(repo: Path) -> None:
    commit_file(repo, "README", "a\n", "a")
    run_git(repo, "checkout", "-q", "--detach")


def stopped_rebase(repo: Path) -> None:
    for n in "123":
        commit_file(repo, f"f{n}", f"{n}\n", f"c{n}")
    env = {**os.environ, "GIT_SEQUENCE_EDITOR": "sed -i 1s/^pick/edit/"}
    subprocess.run(["git", "rebase", "-q", "-i", "HEAD~2"], cwd=repo, env=env, check=True)
    assert (repo / ".git" / "rebase-merge").is_dir()


def stopped_merge(repo: Path) -> None:
    commit_file(repo, "f", "gốc\n", "f")
    run_git(repo, "checkout", "-q", "-b", "khac")
    commit_file(repo, "f", "bên kia\n", "f khác")
    run_git(repo, "checkout", "-q", "main")
    commit_file(repo, "f", "bên này\n", "f này")
    assert git_may_fail(repo, "merge", "khac") != 0
    assert (repo / ".git" / "MERGE_HEAD").exists()


STATES: dict[str, tuple[Callable[[Path], None], str]] = {
    "detached-head": (detached, "detached HEAD"),
    "stopped-rebase": (stopped_rebase, "git rebase --abort"),
    "stopped-merge": (stopped_merge, "git merge --abort"),
}


def tree(repo: Path) -> tuple[list[str], str, str]:
    """The files outside .git, git's view of them, HEAD and the hooks folder."""
    files = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if ".git" not in p.parts)
    hooks = sorted(p.name for p in (repo / ".git" / "hooks").iterdir())
    return files + hooks, run_git(repo, "status", "--porcelain"), run_git(repo, "rev-parse", "HEAD")


@pytest.mark.parametrize("state", list(STATES))
def test_init_refuses_where_every_edit_refuses_before_writing_anything(
    runner: CliRunner, git_repo: Path, state: str
) -> None:
    """Committed there, the new ledger would vanish on 'git switch' or 'git rebase
    --abort', or be staged into the merge."""
    make, said = STATES[state]
    make(git_repo)
    before = tree(git_repo)

    result = init(runner, git_repo)

    assert result.exit_code == 1, result.output
    assert said in result.output and "Traceback" not in result.output
    assert tree(git_repo) == before
    # With --no-commit the clerk asks for files only: they are written, nothing committed.
    written = init(runner, git_repo, "--no-commit")
    assert written.exit_code == 0, written.output
    assert (git_repo / "data" / "units.yaml").is_file()
    assert run_git(git_repo, "rev-parse", "HEAD") == before[2]


def test_init_refuses_to_recreate_a_registry_deleted_but_not_committed(
    runner: CliRunner, git_repo: Path
) -> None:
    """Its commit would replace the office's registry with the empty one unsaid."""
    assert init(runner, git_repo).exit_code == 0
    registry = git_repo / "data" / "units.yaml"
    registry.unlink()
    head = run_git(git_repo, "rev-parse", "HEAD")

    result = init(runner, git_repo)

    assert result.exit_code == 1, result.output
    assert "data/units.yaml đã bị xóa nhưng việc xóa chưa được commit" in result.output
    assert not registry.exists() and run_git(git_repo, "rev-parse", "HEAD") == head


def test_init_refuses_a_data_folder_git_ignores_naming_the_rule(
    runner: CliRunner, git_repo: Path
) -> None:
    commit_file(git_repo, ".gitignore", "data/\n", "Bỏ qua data/")
    before = tree(git_repo)
    result = init(runner, git_repo)
    assert result.exit_code == 1, result.output
    assert "bị git bỏ qua (quy tắc 'data/' ở .gitignore, dòng 1)" in " ".join(result.output.split())
    assert tree(git_repo) == before


def test_init_in_a_clean_repository_still_commits(runner: CliRunner, git_repo: Path) -> None:
    commit_file(git_repo, "README", "a\n", "a")
    result = init(runner, git_repo)
    assert result.exit_code == 0, result.output
    shown = run_git(git_repo, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert shown[0] == "Khởi tạo sổ giao ban — Văn phòng"
    assert sorted(filter(None, shown[1:])) == [
        ".gitignore",
        "data/settings.yaml",
        "data/units.yaml",
    ]
