"""The edit transaction: the ledger lock, and one change of one file from reading to commit.

Files are written by :func:`giaoban.store.files.write_atomic` (never in place;
checked under their own name before they land).

The lock serialises the giaoban commands that change one data folder: each
holds it from reading a file to committing it, so two commands run at the same
time both land. It is advisory (``fcntl.flock``; ``msvcrt.locking`` on
Windows; none where neither exists) and is released when the process ends.

``save_change`` and ``save_edited`` put the two together for one change of one
ledger file: lock, read, change, check, write, commit that file alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import IO, TYPE_CHECKING

from giaoban.checks.check import check_paths
from giaoban.edit.located import in_source
from giaoban.history import git
from giaoban.model.errors import GiaobanError
from giaoban.model.problems import Problem
from giaoban.store.files import (
    Checker,
    clear_leftovers,
    write_atomic,
    writing,
)

if TYPE_CHECKING:
    from giaoban.history.story import Message

LOCK_FILE = ".giaoban.lock"
_LINE_END = re.compile(r"\r\n|\r|\n")  # every line end YAML reads (so its lines are ours)
LOCK_TIMEOUT = 60.0


class LockTimeoutError(GiaobanError):
    """Another giaoban command held the data folder's lock for too long."""


@dataclass(frozen=True)
class SourceText:
    """A file's text as giaoban edits it (LF line ends, no BOM) and how to write it back.

    ``ends`` are the file's line ends as written, one per line break of ``text``
    ("\\n", "\\r\\n", or a lone "\\r", which YAML reads as a line break too):
    written back, a line kept from the file keeps its own end, so an edit of a file
    whose lines end in several ways changes only its own lines.
    """

    text: str
    bom: bool = False
    ends: tuple[str, ...] = ()

    def encode(self, text: str) -> bytes:
        """``text`` with this file's BOM and line ends, as UTF-8 bytes."""
        return ("\ufeff" if self.bom else "").encode() + self._with_ends(text).encode("utf-8")

    def _with_ends(self, text: str) -> str:
        """``text`` (LF line ends) with each line's end as the file wrote it: a line kept
        or changed in place its own, a new line that of the line before it (the first
        line's end at the top)."""
        if len(set(self.ends)) < 2:  # every line ends one way
            end = self.ends[0] if self.ends else "\n"
            return text if end == "\n" else text.replace("\n", end)
        old, new = self.text.split("\n"), text.split("\n")
        ends: list[str] = []  # of the lines of ``new``
        for _, i1, i2, j1, j2 in SequenceMatcher(None, old, new, False).get_opcodes():
            for k in range(j2 - j1):
                kept = i1 + k < min(i2, len(self.ends))  # a line kept, or one changed in place
                ends.append(self.ends[i1 + k] if kept else ends[-1] if ends else self.ends[0])
        return "".join(line + end for line, end in zip(new, [*ends[:-1], ""], strict=True))


def read_source(path: Path) -> SourceText:
    """Read ``path`` for editing (a ``GiaobanError`` when it is not UTF-8)."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise GiaobanError(f"tệp '{path}' không phải UTF-8; hãy sửa bằng trình soạn thảo") from None
    return source_text(raw)


def source_text(raw: str) -> SourceText:
    """A file's decoded text as giaoban edits it (its BOM and line ends kept aside)."""
    bom = raw.startswith("\ufeff")
    raw = raw[1:] if bom else raw
    return SourceText(_LINE_END.sub("\n", raw), bom=bom, ends=tuple(_LINE_END.findall(raw)))


# --- the lock ------------------------------------------------------------------------


@contextlib.contextmanager
def ledger_lock(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the data folder's lock (``folder/.giaoban.lock``) for the ``with`` block.

    The lock file exists only while it is held (so it never shows in ``git
    status``): the holder removes it before unlocking, and a waiter that then
    gets the lock of a removed file tries again with a new one. A folder the lock
    cannot be made in (read-only, full) is a ``WriteFailedError`` naming it.
    """
    path = folder / LOCK_FILE
    with writing(path):
        folder.mkdir(parents=True, exist_ok=True)
        handle = _acquire(path, timeout)
    try:
        yield
    finally:
        if os.name == "posix":
            with contextlib.suppress(OSError):
                path.unlink()
        _release(handle)
        handle.close()


def _acquire(path: Path, timeout: float) -> IO[bytes]:
    deadline = time.monotonic() + timeout
    while True:
        handle = open(path, "a+b")  # noqa: SIM115 - the caller closes it
        if _try_lock(handle):
            if _is_current(handle, path):
                return handle
            _release(handle)
        handle.close()
        if time.monotonic() >= deadline:
            raise LockTimeoutError(
                f"thư mục dữ liệu đang bị một lệnh giaoban khác khóa ({path}); hãy thử lại sau"
            )
        time.sleep(0.02)


def _is_current(handle: IO[bytes], path: Path) -> bool:
    """Whether the locked file is still the one at ``path`` (not removed by its last holder)."""
    if os.name != "posix":
        return True
    try:
        return os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        import fcntl
    except ImportError:
        return _try_lock_windows(handle)
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks: go on unlocked rather than fail
    return True


def _try_lock_windows(handle: IO[bytes]) -> bool:
    try:
        import msvcrt
    except ImportError:
        return True
    try:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _release(handle: IO[bytes]) -> None:
    try:
        import fcntl
    except ImportError:
        with contextlib.suppress(ImportError, OSError):
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    with contextlib.suppress(OSError):
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def ledger_checker(data_dir: Path, before: Path | None = None) -> Checker:
    """A ``check`` for ``write_atomic``: ``giaoban check`` of one file in ``data_dir``.

    With ``before`` (the file as it is now), problems it already had are not
    held against the change: a command that changes one task is not blocked
    by an old problem elsewhere in the file, and never adds a new one.

    The staged file (``data/<folder>/.giaoban-*/<name>.yaml``) is one no scan of the
    folder reads, so it is read into an index of this check's own
    (``giaoban.store.loader``): no report sees it beside the notice it copies, and
    no other process's load can take it away from this check.
    """
    known = set()
    if before is not None and before.is_file():
        known = {(p.code, p.message) for p in check_paths([before], data_dir).problems}

    def check(temp: Path) -> Sequence[Problem]:
        found = check_paths([temp], data_dir).problems
        return [p for p in found if (p.code, p.message) not in known]

    return check


# --- a change to one ledger file: lock, read, change, check, write, commit --------------------


class EditRefusedError(GiaobanError):
    """The changed (or new) file would be invalid; nothing was written.

    The problems of a change are named at their places in the file as it is (the
    ones the change would add, at the task or list they would go in); those of a
    new file, at the lines it would have.
    """

    def __init__(self, path: Path, problems: Sequence[Problem], new: bool = False) -> None:
        self.problems = tuple(problems)
        lines = [str(p) for p in problems]
        if new:
            head = f"không ghi tệp mới '{path}': tệp sẽ có {len(lines)} lỗi (chưa ghi gì):"
        else:
            head = (
                f"không ghi '{path}': sau khi sửa tệp sẽ có {len(lines)} lỗi (tệp giữ nguyên; "
                "vị trí tính theo tệp hiện nay):"
            )
        super().__init__("\n".join([head, *lines]))


class EditConflictError(GiaobanError):
    """The file changed on disk while it was being edited."""


class CommitBlockedError(GiaobanError):
    """The change could not be committed alone, honestly, now; nothing was written."""


def ensure_committable(path: Path, commit: bool) -> None:
    """Raise ``CommitBlockedError`` when a commit of ``path``'s change would not be honest
    (``giaoban.history.git.commit_blocker``); nothing to do when not committing."""
    problem = git.commit_blocker(path) if commit else None
    if problem is not None:
        raise CommitBlockedError(problem)


def prepare_write(path: Path, commit: bool) -> tuple[Path, ...]:
    """Under the ledger lock, before ``path`` is written: refuse a dishonest commit
    (``ensure_committable``), then clear what killed writes left beside ``path``."""
    ensure_committable(path, commit)
    return clear_leftovers(path.parent)


@dataclass(frozen=True)
class Saved:
    """A change written to ``path``; ``commit`` is None when not committed (off, or no git)."""

    path: Path
    changed: bool
    commit: git.CommitOutcome | None = None
    cleared: tuple[Path, ...] = ()  # staging folders a killed write had left, now removed
    locks: tuple[Path, ...] = ()  # git lock files still there once committed (``left_locks``)
    # what ``check`` warns of in the file written that it did not warn of before
    warnings: tuple[Problem, ...] = ()


def save_change(
    data_dir: Path,
    path: Path,
    change: Callable[[str], tuple[str, Message]],
    *,
    commit: bool,
) -> Saved:
    """Under the ledger lock: read ``path``, apply ``change``, check, write atomically, commit.

    ``change`` gets the current text and returns the new text and the commit
    message. Nothing is written when the new file would have errors
    (``EditRefusedError``); nothing is committed when ``commit`` is false or the
    file is not in a git work tree.
    """
    with ledger_lock(data_dir):
        source = read_source(path)
        new_text, message = change(source.text)
        if new_text == source.text:
            return Saved(path, False)
        cleared = prepare_write(path, commit)
        check = ledger_checker(data_dir, before=path)
        warned: list[Problem] = []
        problems = write_atomic(path, source.encode(new_text), check=check, warnings=warned)
        if problems:  # named where they are in the file as it is, not as it would be
            found = in_source(problems, path, new_text, source.text, str(path))
            raise EditRefusedError(path, found)
        return committed(data_dir, path, message, commit, cleared, tuple(warned))


def save_edited(
    data_dir: Path, path: Path, original: SourceText, new_text: str, message: Message, commit: bool
) -> tuple[Saved | None, tuple[Problem, ...]]:
    """Replace ``path`` by ``new_text`` written in an editor, if it is valid.

    Returns the problems instead (the file untouched) when it is not. Raises
    ``EditConflictError`` when the file changed on disk since ``original`` was read,
    ``CommitBlockedError`` when the change could not be committed alone.
    """
    with ledger_lock(data_dir):
        if read_source(path) != original:
            raise EditConflictError(
                f"tệp '{path}' đã bị thay đổi trong lúc bạn sửa; không ghi đè bản mới đó"
            )
        if new_text == original.text:
            return Saved(path, False), ()
        cleared = prepare_write(path, commit)
        problems = write_atomic(path, original.encode(new_text), check=ledger_checker(data_dir))
        if problems:
            return None, problems
        return committed(data_dir, path, message, commit, cleared), ()


def save_new(
    data_dir: Path,
    path: Path,
    text: str,
    message: Message,
    commit: bool,
    source: SourceText | None = None,
) -> Saved:
    """Under the ledger lock (the caller's, which chose ``path``): write a new notice file,
    never over an existing one, checked with the ledger (``EditRefusedError``: nothing is
    written), and commit it alone when ``commit``. ``text`` made from a clerk's ``source``
    file is written with that file's BOM and line ends."""
    cleared = prepare_write(path, commit)
    check = ledger_checker(data_dir)
    data = source.encode(text) if source is not None else text.encode("utf-8")
    warned: list[Problem] = []
    problems = write_atomic(path, data, check=check, exclusive=True, warnings=warned)
    if problems:
        raise EditRefusedError(path, problems, new=True)
    return committed(data_dir, path, message, commit, cleared, tuple(warned))


def will_commit(path: Path, commit: bool) -> bool:
    """Whether a change of ``path`` saved with ``commit`` is committed: asked, and the file
    is in a git work tree (``committed``); else its commit message is written nowhere."""
    return commit and git.work_tree(path.parent) is not None


def committed(
    data_dir: Path,
    path: Path,
    message: Message,
    commit: bool,
    cleared: tuple[Path, ...],
    warnings: tuple[Problem, ...] = (),
) -> Saved:
    """``path``, just written: committed alone under ``message`` when ``commit`` (no git:
    not committed), with the staging folders ``cleared`` before, the git lock files
    still there after (``left_locks``) and the ``warnings`` of the file written."""
    outcome = git.commit_change(path, message.text(), data_dir) if commit else None
    return Saved(path, True, outcome, cleared, left_locks(data_dir, outcome), warnings)


def left_locks(data_dir: Path, outcome: git.CommitOutcome | None) -> tuple[Path, ...]:
    """The git lock files still in the repository once a commit was made: none of those
    that stop a commit (``commit_blocker`` refused them before), but what an interrupted
    git command left elsewhere (``.git/next-index-<pid>.lock`` of a killed partial commit)
    stays until someone removes it; the clerk is told, as ``giaoban doctor`` would."""
    if outcome is None or not outcome.committed:
        return ()
    return tuple(git.git_locks(data_dir))
