"""``giaoban doctor``: what crashes and stopped commands left behind, and safe repairs.

Every edit already refuses to commit in a state that would lose or hide
work, and names what it found (``giaoban.history.git.commit_blocker``). The
doctor looks for all of it at once, and repairs what can be repaired
without touching anyone's work:

- staging folders ``.giaoban-*`` a killed write left beside a notice (removed);
- stale git lock files a killed git left (``index.lock``, the branch's
  ref lock, any other ``*.lock`` in the git folder; removed only when older
  than ``STALE_LOCK_SECONDS`` and no giaoban command holds the ledger);
- the cache of this data folder when another user could have written it
  (removed: it is never the source of truth and is rebuilt);
- drafts a killed ``giaoban edit`` left in the temporary folder
  (``giaoban.edit.drafts``): one that holds the clerk's work is named with
  how to take it up again and never removed; one the same as its notice is.

What it never repairs, only explains with the commands to run: files with
uncommitted changes (their author must describe them), a rebase, merge,
cherry-pick or revert stopped half-way, a detached HEAD.
"""

from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from giaoban.edit.drafts import left_drafts
from giaoban.edit.transaction import LockTimeoutError, ledger_lock
from giaoban.history import git
from giaoban.store.cache import folder_for
from giaoban.store.files import STAGING_PREFIX

STALE_LOCK_SECONDS = 600  # a git lock file older than this is left by a killed command


@dataclass(frozen=True)
class Finding:
    """One thing found: what it is, and what repairs it (``fixable``: the doctor can)."""

    code: str
    what: str  # Vietnamese, for the clerk
    remedy: str  # Vietnamese: what --fix does, or what to run
    fixable: bool
    fixed: bool = False
    path: Path | None = None  # what a repair removes


def examine(data_dir: Path, clock: datetime, fix: bool) -> list[Finding]:
    """What ``data_dir`` and its git repository hold that a crash or a stopped command
    left; with ``fix``, the safe repairs are made (under the ledger's lock). ``clock``:
    the system's clock, which files' ages are measured on."""
    if not data_dir.is_dir():
        return []
    try:
        with ledger_lock(data_dir, timeout=0.5):
            found = [
                *_staging(data_dir),
                *_git_state(data_dir, clock),
                *_cache(data_dir),
                *_drafts(data_dir),
            ]
            return [_repair(f) if fix and f.fixable else f for f in found]
    except LockTimeoutError:
        busy = Finding(
            "ledger-busy",
            "một lệnh giaoban khác đang ghi vào sổ này",
            "chờ lệnh đó xong rồi chạy lại 'giaoban doctor'",
            fixable=False,
        )
        return [busy]


def _staging(data_dir: Path) -> list[Finding]:
    found = []
    for folder in sorted(data_dir.rglob(f"{STAGING_PREFIX}*")):
        if folder.is_dir() and not folder.is_symlink():
            found.append(
                Finding(
                    "staging",
                    f"thư mục tạm còn sót của một lần ghi bị ngắt: {folder}",
                    "xóa thư mục tạm (tệp thông báo không đổi)",
                    fixable=True,
                    path=folder,
                )
            )
    return found


def _drafts(data_dir: Path) -> list[Finding]:
    found = []
    for left in left_drafts(data_dir):
        if not left.differs:
            found.append(
                Finding(
                    "edit-draft",
                    f"thư mục nháp của một lần 'giaoban edit {left.notice_id}' bị ngắt: "
                    f"{left.folder} (bản nháp giống hệt tệp thông báo)",
                    "xóa thư mục nháp (không mất gì)",
                    fixable=True,
                    path=left.folder,
                )
            )
            continue
        draft, notice = shlex.quote(str(left.draft)), shlex.quote(str(left.notice))
        found.append(
            Finding(
                "edit-draft",
                f"bản nháp chưa lưu của 'giaoban edit {left.notice_id}' bị ngắt "
                f"(sửa lần cuối lúc {left.when()}): {left.draft}",
                f"xem phần đã sửa: diff -u {notice} {draft}\n"
                f"lấy lại: chạy 'giaoban edit {left.notice_id}' rồi chép phần đã sửa từ "
                f"bản nháp vào; xong thì xóa bản nháp: rm -r {shlex.quote(str(left.folder))}",
                fixable=False,
            )
        )
    return found


def _git_state(data_dir: Path, clock: datetime) -> list[Finding]:
    top = git.work_tree(data_dir)
    if top is None:
        return []
    found = [_git_lock(lock, clock) for lock in git.git_locks(data_dir)]
    stopped = git.stopped_state(data_dir)
    if stopped is not None:
        found.append(Finding("git-state", stopped.splitlines()[0], stopped, fixable=False))
    changed = git.ledger_changes(top, data_dir)
    if changed.failure is not None:
        found.append(
            Finding(
                "git-status",
                "git không cho biết tệp nào có thay đổi chưa commit (git status lỗi): "
                + changed.failure.splitlines()[0],
                "xem 'git status' trong thư mục sổ và sửa kho git trước (không có gì bị xóa)",
                fixable=False,
            )
        )
    for change in changed.changes:
        if git.own_file(change.path):
            continue  # the ledger's own lock, and staging folders (above)
        what, remedy = git.describe(top, change)
        found.append(Finding("uncommitted", what, "\n".join(remedy), fixable=False))
    return found


def _git_lock(lock: Path, clock: datetime) -> Finding:
    """A lock file git left: it stops the next commit when git takes the same lock. Its
    age is measured on ``clock``, the system's clock (never a report's "now"): a lock
    dated after it (the clock set back) is taken as just made."""
    try:
        age = max(0.0, clock.timestamp() - lock.stat().st_mtime)
    except OSError:  # gone since it was listed: a git command is running
        age = 0
    stale = age >= STALE_LOCK_SECONDS
    minutes = int(age // 60)
    made = f"tạo {minutes} phút trước" if minutes else "vừa tạo"
    return Finding(
        "index-lock" if lock.name == "index.lock" else "git-lock",
        f"còn tệp khóa của git {lock} ({made})",
        "xóa tệp khóa"
        if stale
        else f"nếu không còn lệnh git nào đang chạy, xóa nó: rm {shlex.quote(str(lock))}",
        fixable=stale,
        path=lock,
    )


def _cache(data_dir: Path) -> list[Finding]:
    folder = folder_for(data_dir)
    try:
        info = folder.stat()
    except OSError:
        return []
    foreign = hasattr(os, "getuid") and info.st_uid != os.getuid()
    if not foreign and not info.st_mode & 0o077:
        return []
    return [
        Finding(
            "cache",
            f"bộ nhớ đệm {folder} không riêng của người dùng này (người khác có thể ghi vào)",
            "xóa bộ nhớ đệm (sẽ được tạo lại, riêng tư)",
            fixable=True,
            path=folder,
        )
    ]


def _repair(finding: Finding) -> Finding:
    """Remove what ``finding`` names (a folder, or the stale lock file); say if it went."""
    path = finding.path
    if path is None:
        return finding
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
    return replace(finding, fixed=not path.exists())
