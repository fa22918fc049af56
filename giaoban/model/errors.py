"""Domain exceptions. Each carries the exit code the CLI uses for it."""

from __future__ import annotations


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
