"""The git adapter: every git call giaoban makes goes through this module.

Functions run ``git`` as a subprocess and return plain records; they never
print. When git is missing or the folder is not in a work tree they return
None rather than raise, so giaoban works without git.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GitResult:
    code: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.code == 0


@dataclass(frozen=True)
class DataState:
    """Which commit the data came from, and whether it had uncommitted changes."""

    commit: str
    short: str
    dirty: bool


def run_git(
    cwd: Path, *args: str, input_text: str | None = None, errors: str = "strict"
) -> GitResult | None:
    """Run ``git ARGS`` in ``cwd``; None when git itself cannot be run."""
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input_text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors=errors,
            check=False,
        )
    except (OSError, ValueError):
        return None
    return GitResult(proc.returncode, proc.stdout, proc.stderr)


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding ``path``, if any."""
    folder = path if path.is_dir() else path.parent
    result = run_git(folder, "rev-parse", "--show-toplevel")
    if result is None or not result.ok:
        return None
    return Path(result.stdout.strip())


def data_state(data_dir: Path) -> DataState | None:
    """The HEAD commit and dirtiness of ``data_dir`` (only that folder counts)."""
    if not data_dir.is_dir():
        return None
    head = run_git(data_dir, "rev-parse", "HEAD")
    if head is None or not head.ok:
        return None
    status = run_git(data_dir, "status", "--porcelain", "--", ".")
    commit = head.stdout.strip()
    dirty = bool(status and status.ok and status.stdout.strip())
    return DataState(commit=commit, short=commit[:7], dirty=dirty)


# --- writing: init, commit ------------------------------------------------------------

_TRAILER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: ")
_NO_IDENTITY = ("please tell me who you are", "empty ident name", "unable to auto-detect")


@dataclass(frozen=True)
class CommitOutcome:
    """What happened to the commit of a changed file.

    ``committed`` with the new ``commit``; else ``problem`` says, in Vietnamese,
    why not and exactly what to run (the file change itself is kept).
    """

    committed: bool
    commit: str | None = None
    problem: str | None = None

    @property
    def short(self) -> str:
        return (self.commit or "")[:7]


def init_repo(path: Path) -> GitResult | None:
    """``git init`` in ``path``."""
    return run_git(path, "init", "--quiet")


def git_path(repo_dir: Path, name: str) -> Path | None:
    """Where git keeps ``name`` for this repository (``hooks`` honours core.hooksPath)."""
    result = run_git(repo_dir, "rev-parse", "--git-path", name)
    if result is None or not result.ok:
        return None
    found = Path(result.stdout.strip())
    return found if found.is_absolute() else repo_dir / found


def head_commit(repo_dir: Path) -> str | None:
    """The full id of HEAD, if there is one."""
    result = run_git(repo_dir, "rev-parse", "--verify", "--quiet", "HEAD")
    return result.stdout.strip() if result is not None and result.ok else None


def user_identity(repo_dir: Path) -> tuple[str, str] | None:
    """The author git would record here, as (name, e-mail); None when it has none."""
    result = run_git(repo_dir, "var", "GIT_AUTHOR_IDENT")
    if result is None or not result.ok:
        return None
    match = re.match(r"^(.*?) <(.*?)>", result.stdout)
    return (match.group(1), match.group(2)) if match else None


def commit_file(repo_dir: Path, path: Path, message: str) -> GitResult:
    """Commit ``path`` alone with ``message``.

    Other staged or unstaged changes are neither committed nor unstaged
    (``git commit --only``). Hooks run as usual. The author is the user's
    own git identity.
    """
    return commit_files(repo_dir, [path], message)


def commit_files(repo_dir: Path, paths: list[Path], message: str) -> GitResult:
    """Commit exactly ``paths`` (added first, so new files count), nothing else."""
    specs = [str(path.resolve()) for path in paths]
    added = run_git(repo_dir, "add", "--", *specs)
    if added is None:
        return GitResult(127, "", "không chạy được lệnh git")
    if not added.ok:
        return added
    committed = run_git(
        repo_dir, "commit", "--only", "--quiet", "-F", "-", "--", *specs, input_text=message
    )
    return committed or GitResult(127, "", "không chạy được lệnh git")


def commit_change(path: Path, message: str) -> CommitOutcome | None:
    """Commit ``path`` alone when it is inside a git work tree; None when it is not."""
    repo = work_tree(path.parent)
    if repo is None:
        return None
    result = commit_file(repo, path, message)
    if result.ok:
        return CommitOutcome(True, head_commit(repo))
    return CommitOutcome(False, problem=explain_failure(result, repo, [path], message))


def explain_failure(result: GitResult, repo: Path, paths: Sequence[Path], message: str) -> str:
    """Why git did not commit, and exactly what to run (Vietnamese)."""
    output = (result.stderr + result.stdout).strip()
    redo = f"  {commit_command(repo, paths, message)}"
    if any(hint in output.lower() for hint in _NO_IDENTITY):
        return "\n".join(
            [
                "git chưa biết bạn là ai (chưa đặt user.name và user.email) nên chưa commit.",
                "Thay đổi đã được ghi vào tệp. Hãy đặt tên và e-mail của bạn:",
                '  git config --global user.name "Họ và tên"',
                '  git config --global user.email "ten@co-quan.vn"',
                "rồi commit:",
                redo,
            ]
        )
    return "\n".join(
        [
            f"git không commit được (mã {result.code}); thay đổi đã được ghi vào tệp.",
            *(f"  | {line}" for line in output.splitlines()),
            "Sửa nguyên nhân trên (ví dụ lỗi mà hook pre-commit báo) rồi commit:",
            redo,
        ]
    )


def commit_command(repo: Path, paths: Sequence[Path], message: str) -> str:
    """The shell command that makes the commit giaoban meant to make."""
    paragraphs = [p for p in message.strip().split("\n\n") if p.strip()]
    trailers: list[str] = []
    if paragraphs and all(_TRAILER.match(line) for line in paragraphs[-1].splitlines()):
        trailers = paragraphs.pop().splitlines()
    words = ["git", "-C", str(repo), "commit"]
    for paragraph in paragraphs:
        words += ["-m", " ".join(paragraph.split("\n"))]
    for trailer in trailers:
        words += ["--trailer", trailer]
    words += ["--", *(_shown(repo, path) for path in paths)]
    return shlex.join(words)


def _shown(repo: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return str(path)


# --- reading the history ------------------------------------------------------------------


def log_records(repo_dir: Path, paths: list[str], fmt: str) -> GitResult | None:
    """One ``git log`` over ``paths``: oldest first, along the first parents, each
    commit as ``fmt`` then its patch with no context (``-U0``), renames as delete+add.

    Merges show their diff against the first parent, so applying the patches in
    order rebuilds every version of each file (see ``giaoban.history``).
    """
    return run_git(
        repo_dir,
        "-c",
        "core.quotepath=off",
        "log",
        "--reverse",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "-p",
        "--unified=0",
        f"--format={fmt}",
        "--",
        *paths,
        errors="replace",
    )
