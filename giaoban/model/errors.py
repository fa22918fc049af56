"""Domain exceptions. Each carries the exit code the CLI uses for it."""

from __future__ import annotations

import errno
from pathlib import Path


class GiaobanError(Exception):
    """Base class: an error with a user-facing (Vietnamese) message."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(GiaobanError):
    """Bad arguments or options, found after option parsing."""

    exit_code = 2


def no_data_folder(data_dir: Path, hint: str = "dùng --data hoặc GIAOBAN_DATA") -> UsageError:
    """The error of a data folder that is not there (one message for every command), with
    what the user may do."""
    return UsageError(f"không có thư mục dữ liệu '{data_dir}' ({hint})")


class NotFoundError(GiaobanError):
    """An id, path or name that matches nothing (or too much)."""

    exit_code = 1


class InvalidDataError(GiaobanError):
    """The data folder has errors; ``problems`` lists them."""

    exit_code = 1

    def __init__(self, problems: list) -> None:  # list[Problem]; kept loose to avoid a cycle
        self.problems = problems
        lines = [str(p) for p in problems]
        head = f"dữ liệu có {len(problems)} lỗi, hãy sửa rồi chạy lại (xem 'giaoban check'):"
        super().__init__("\n".join([head, *lines]))


class DamagedIndexError(GiaobanError):
    """The index in the cache folder could not be read; it has been removed."""

    exit_code = 1


class BusyIndexError(GiaobanError):
    """Another process held the index in the cache folder longer than a run waits for it
    (``giaoban.store.index.BUSY_WAIT``); the index is left as it is."""

    exit_code = 1


class IndexChangedError(GiaobanError):
    """Another process rewrote the rows a command was reading from the index, when the
    command had to write some itself (``giaoban.store.index.Index.writing``)."""

    exit_code = 1


# What an operating system error means, in Vietnamese (Python's own words are English).
_OS_REASONS = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa hết chỗ",
    errno.EDQUOT: "vượt hạn mức dung lượng đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EFBIG: "tệp vượt cỡ lớn nhất hệ thống cho ghi",
    errno.ELOOP: "đường dẫn vòng qua quá nhiều liên kết",
    errno.ENAMETOOLONG: "tên tệp hay đường dẫn quá dài",
    errno.EIO: "lỗi đọc ghi của thiết bị",
    errno.EEXIST: "đã có một tệp trùng tên",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "hệ thống mở quá nhiều tệp cùng lúc",
    errno.EBUSY: "tệp hay thiết bị đang bận",
    errno.ETXTBSY: "tệp đang được chạy",
    errno.ENXIO: "không có thiết bị này",
    errno.ENODEV: "không có thiết bị này",
    errno.EXDEV: "không chuyển được sang ổ đĩa khác",
    errno.ENOEXEC: "không phải chương trình chạy được",
}


def os_reason(exc: OSError) -> str:
    """Why an operating system call failed, in Vietnamese; the system's code name
    (``EINVAL``) for a rare one."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if exc.errno is None:
        return "lỗi hệ thống"
    return f"lỗi hệ thống ({errno.errorcode.get(exc.errno, exc.errno)})"
