"""Writing a file atomically: never in place, checked under its own name before it lands.

The new text goes to a temporary file in a hidden folder next to the target
(so on the same file system), under the target's own name so it can be
checked there exactly as it will land; only then is it renamed over the
target (``os.replace``), or linked to a new name that must not exist yet. A
reader sees the old file or the new one, never half of one, and a file that
fails its check never replaces anything.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from stat import S_ISREG

from giaoban.model.errors import GiaobanError, os_reason
from giaoban.model.problems import Problem

STAGING_PREFIX = ".giaoban-"
DATA_SUFFIX = ".yaml"  # the one kind of file a data folder's ledger is read from
MAX_FILE_BYTES = 32 * 1024 * 1024  # a data file larger than this is refused, never read

Checker = Callable[[Path], Sequence[Problem]]


class FileExistsGiaobanError(GiaobanError):
    """A new file would replace one that already exists."""


class UnreadableFileError(GiaobanError):
    """A data file giaoban will not or cannot read; the message says why (Vietnamese)."""


class WriteFailedError(GiaobanError):
    """The system refused a write (a read-only folder, a full disk, no right to write):
    the file is as it was, and nothing is left half-written (``writing``)."""


# What the clerk can do about a refused write, by the system's reason (else: look at the disk).
_WRITE_ADVICE = {
    errno.ENOSPC: "hãy giải phóng chỗ trống trên ổ đĩa rồi chạy lại lệnh",
    errno.EDQUOT: "hãy xoá bớt tệp (hoặc xin thêm hạn mức) rồi chạy lại lệnh",
    errno.EROFS: (
        "hãy gắn lại ổ đĩa của thư mục '{folder}' cho phép ghi, "
        "hoặc chép sổ sang nơi ghi được, rồi chạy lại lệnh"
    ),
    errno.EACCES: "hãy cho tài khoản này quyền ghi vào thư mục '{folder}' rồi chạy lại lệnh",
    errno.EPERM: "hãy cho tài khoản này quyền ghi vào thư mục '{folder}' rồi chạy lại lệnh",
    # a file stands where the path needs a folder: no disk to look at, another path to take
    errno.EEXIST: "hãy chọn đường dẫn khác rồi chạy lại lệnh",
    errno.ENOTDIR: "hãy chọn đường dẫn khác rồi chạy lại lệnh",
}


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn an ``OSError`` raised in the block, which writes ``path`` (or makes it, its
    folder, its lock), into a ``WriteFailedError`` naming ``path``, why and what to do.

    The one handler of a write the system refuses, for every write giaoban makes
    (``write_atomic``, the ledger lock): only for blocks that change nothing when
    they fail (the file is as it was).
    """
    try:
        yield
    except WriteFailedError:
        raise
    except OSError as exc:
        advice = _WRITE_ADVICE.get(exc.errno or 0, "hãy kiểm tra ổ đĩa rồi chạy lại lệnh")
        raise WriteFailedError(
            f"không ghi được '{path}': {os_reason(exc)}; chưa ghi gì, các tệp giữ nguyên; "
            + advice.format(folder=path.parent)
        ) from None


def hidden_name(name: str) -> bool:
    """Whether the loader passes over a file or folder named ``name``: a hidden one (its
    name starts with "."). Only giaoban's own and git's (``own_name``) are passed over in
    silence; a notice in any other (``data/.cu/x.yaml``) is named as not read."""
    return name.startswith(".")


def own_name(name: str) -> bool:
    """Whether ``name`` is giaoban's own (its lock, its staging folders ``.giaoban-*``, an
    edit's note) or git's (``.git``, ``.gitignore``, ...): hidden, and nothing of the user's."""
    return giaoban_name(name) or name.startswith(".git")


def giaoban_name(name: str) -> bool:
    """Whether ``name`` is giaoban's own while it works: its lock ``.giaoban.lock``, a
    staging folder ``.giaoban-*``, an edit's note."""
    return name.startswith(STAGING_PREFIX.rstrip("-"))


def hidden_part(rel: str) -> str | None:
    """The hidden name (``hidden_name``) in ``rel`` (a path with '/' relative to a data
    folder) that keeps the file from being read, when it is not giaoban's or git's own
    (``own_name``): the user's notice the clerk must be told of. None otherwise."""
    for part in rel.split("/"):
        if hidden_name(part):
            return None if own_name(part) else part
    return None


def read_as_data(rel: str) -> bool:
    """Whether the ledger is read from the file at ``rel`` (a path with '/' relative to
    its data folder): a ``*.yaml`` in no hidden folder and not hidden itself."""
    parts = rel.split("/")
    return parts[-1].endswith(DATA_SUFFIX) and not any(hidden_name(part) for part in parts)


def read_data_file(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the data file ``path``: a regular file, not a symlink, at most ``limit``.

    Opened without following a final symlink and without blocking, then
    checked on the open file itself, so a FIFO, a device or a link to one
    (``/dev/zero``, ``/etc/shadow``) is refused before a byte is read.
    Raises ``UnreadableFileError``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFileError(SYMLINK) from None
        raise UnreadableFileError(f"không đọc được tệp: {os_reason(exc)}") from None
    with open(fd, "rb", closefd=True) as stream:
        info = os.fstat(stream.fileno())
        if not S_ISREG(info.st_mode):
            raise UnreadableFileError(NOT_REGULAR)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFileError(f"tệp quá lớn (hơn {limit // (1024 * 1024)} MiB); không đọc")
    return data


SYMLINK = "là liên kết tượng trưng (symlink): giaoban không theo liên kết ra khỏi thư mục dữ liệu"
NOT_REGULAR = "không phải tệp thường (FIFO, thiết bị, ...): không đọc"


def write_atomic(
    path: Path,
    data: bytes,
    *,
    check: Checker | None = None,
    exclusive: bool = False,
    warnings: list[Problem] | None = None,
) -> tuple[Problem, ...]:
    """Write ``data`` to ``path`` atomically, after ``check`` finds no error in it.

    Args:
        path: the file to write (its folder is created when missing).
        data: the exact bytes.
        check: called with the temporary file (same name as ``path``); its errors
            stop the write and are returned, with their path set to ``path``.
        exclusive: refuse to replace an existing file (``FileExistsGiaobanError``).
        warnings: given, receives the warnings ``check`` found in the file written
            (their path set to ``path``); else they are not kept.

    Returns:
        The errors that stopped the write; empty when the file was written.

    Raises:
        WriteFailedError: the system refused the write (nothing was written).
    """
    with writing(path):
        return _write_atomic(path, data, check, exclusive, warnings)


def _write_atomic(
    path: Path,
    data: bytes,
    check: Checker | None,
    exclusive: bool,
    warnings: list[Problem] | None,
) -> tuple[Problem, ...]:
    folder = path.parent
    made = [p for p in (folder, *folder.parents) if not p.exists()]  # folders this write makes
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    written = False
    try:
        temp = staging / path.name
        _write_synced(temp, data, _mode_of(path))
        found = [_relocated(p, temp, path) for p in check(temp)] if check is not None else []
        errors = tuple(p for p in found if p.is_error)
        if errors:
            return errors
        if exclusive:
            _place_new(temp, path)
        else:
            os.replace(temp, path)
        written = True
        _sync_folder(folder)
        if warnings is not None:
            warnings.extend(p for p in found if not p.is_error)
        return ()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not written:  # a refused write leaves no empty folder behind
            for empty in made:
                with contextlib.suppress(OSError):
                    empty.rmdir()


def clear_leftovers(folder: Path) -> tuple[Path, ...]:
    """Remove the staging folders a killed write left in ``folder``; return them.

    Only for a caller that holds the data folder's lock (every giaoban write
    does), so no staging folder there can still be in use.
    """
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir()]
    except OSError:
        return ()
    for leftover in found:
        shutil.rmtree(leftover, ignore_errors=True)
    return tuple(found)


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _write_synced(path: Path, data: bytes, mode: int | None) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(path, mode)


def _place_new(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` only if no such file exists (never clobber)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise FileExistsGiaobanError(f"tệp '{path}' đã có; không ghi đè") from None
    except OSError:
        # No hard links here (some Windows or network file systems): callers hold
        # the ledger lock, so a check then a rename cannot race another giaoban.
        if path.exists():
            raise FileExistsGiaobanError(f"tệp '{path}' đã có; không ghi đè") from None
        os.replace(temp, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _relocated(problem: Problem, temp: Path, path: Path) -> Problem:
    if problem.source.path not in (str(temp), str(temp.resolve())):
        return problem
    return dataclasses.replace(problem, source=dataclasses.replace(problem.source, path=str(path)))
