"""The git adapter: every git call giaoban makes goes through this module.

Functions run ``git`` as a subprocess and return plain records; they never
print. When git is missing or the folder is not in a work tree they return
None rather than raise, so giaoban works without git.
"""

from __future__ import annotations

import subprocess
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


def run_git(cwd: Path, *args: str, input_text: str | None = None) -> GitResult | None:
    """Run ``git ARGS`` in ``cwd``; None when git itself cannot be run."""
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input_text,
            capture_output=True,
            text=True,
            encoding="utf-8",
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
