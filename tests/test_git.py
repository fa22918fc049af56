"""The git adapter against real repositories: commits of one file, failures, identity."""

from __future__ import annotations

from pathlib import Path

from giaoban.history import git
from tests.conftest import run_git


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_commit_file_commits_that_file_alone(git_repo: Path) -> None:
    _write(git_repo / "other.txt", "v1\n")
    run_git(git_repo, "add", "other.txt")
    run_git(git_repo, "commit", "-qm", "đầu tiên")
    _write(git_repo / "other.txt", "v2 staged\n")
    run_git(git_repo, "add", "other.txt")
    _write(git_repo / "other.txt", "v3 unstaged\n")
    _write(git_repo / "staged-new.txt", "new\n")
    run_git(git_repo, "add", "staged-new.txt")
    target = _write(git_repo / "data" / "2019" / "a.yaml", "id: a\n")

    message = "Hoàn thành a#1: Việc\n\nGiaoban-Action: done\nGiaoban-Task: a#1\n"
    result = git.commit_file(git_repo, target, message)

    assert result.ok, result.stderr
    assert run_git(git_repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "data/2019/a.yaml"
    ]
    assert run_git(git_repo, "log", "-1", "--format=%B") == message + "\n"
    assert run_git(git_repo, "log", "-1", "--format=%an <%ae>").strip() == (
        "Nguyễn Văn An <an@vp.example>"
    )
    # What was staged stays staged, what was not stays unstaged.
    status = run_git(git_repo, "status", "--porcelain").splitlines()
    assert sorted(status) == ["A  staged-new.txt", "MM other.txt"]
    assert run_git(git_repo, "show", ":other.txt") == "v2 staged\n"


def test_commit_change_outside_git_is_none(tmp_path: Path, git_env: None) -> None:
    target = _write(tmp_path / "plain" / "a.yaml", "id: a\n")
    assert git.commit_change(target, "x") is None
    assert git.work_tree(target.parent) is None


def test_commit_change_reports_the_new_commit(git_repo: Path) -> None:
    target = _write(git_repo / "a.yaml", "id: a\n")
    outcome = git.commit_change(target, "Thêm a\n")
    assert outcome is not None and outcome.committed
    assert outcome.commit == git.head_commit(git_repo)
    assert len(outcome.short) == 7


def test_without_an_identity_the_file_is_kept_and_the_fix_is_spelled_out(git_repo: Path) -> None:
    run_git(git_repo, "config", "--unset", "user.name")
    run_git(git_repo, "config", "--unset", "user.email")
    run_git(git_repo, "config", "user.useConfigOnly", "true")
    target = _write(git_repo / "data" / "a.yaml", "id: a\n")
    message = "Hủy a#1: Việc\n\nLý do: hết cần\n\nGiaoban-Action: cancel\nGiaoban-Task: a#1\n"
    outcome = git.commit_change(target, message)
    assert outcome is not None and not outcome.committed
    assert target.read_text(encoding="utf-8") == "id: a\n"
    problem = outcome.problem or ""
    assert "git config --global user.name" in problem
    assert (
        f"git -C {git_repo} commit -m 'Hủy a#1: Việc' -m 'Lý do: hết cần' "
        "--trailer 'Giaoban-Action: cancel' --trailer 'Giaoban-Task: a#1' -- data/a.yaml"
    ) in problem


def test_a_refusing_hook_is_quoted_and_the_command_to_retry_given(git_repo: Path) -> None:
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'tệp sai ở dòng 3' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    target = _write(git_repo / "a.yaml", "id: a\n")
    outcome = git.commit_change(target, "Thêm a\n\nGiaoban-Action: add-notice\n")
    assert outcome is not None and not outcome.committed
    assert "  | tệp sai ở dòng 3" in (outcome.problem or "")
    assert "--trailer 'Giaoban-Action: add-notice' -- a.yaml" in (outcome.problem or "")
    assert git.head_commit(git_repo) is None


def test_init_and_paths(tmp_path: Path, git_env: None) -> None:
    folder = tmp_path / "moi"
    folder.mkdir()
    result = git.init_repo(folder)
    assert result is not None and result.ok
    assert git.work_tree(folder) == folder.resolve()
    assert git.head_commit(folder) is None
    assert git.git_path(folder, "hooks") == folder / ".git" / "hooks"


def test_log_records_is_one_call_with_patches(git_repo: Path) -> None:
    target = _write(git_repo / "data" / "a.yaml", "a\nb\n")
    git.commit_file(git_repo, target, "một\n")
    _write(target, "a\nB\n")
    git.commit_file(git_repo, target, "hai\n")
    result = git.log_records(git_repo, ["data"], "@@%s")
    assert result is not None and result.ok
    out = result.stdout
    assert out.index("@@một") < out.index("@@hai")
    assert "-b\n+B\n" in out
