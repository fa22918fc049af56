"""Problems found in the data: values, collected, never raised one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Source:
    """Where a record or value was read: 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        """``PATH:LINE:COL``, as compilers and editors point at a place."""
        return f"{self.path}:{self.line}:{self.column}"


# What one item of a list is called, by the list's key; an item of another list is "mục".
_ITEM_NOUNS = {
    "tasks": "nhiệm vụ",
    "units": "đơn vị",
    "groups": "nhóm",
    "owners": "đơn vị",
    "supports": "đơn vị",
    "members": "đơn vị",
    "sections": "phần",
    "notes": "ghi chú",
    "extensions": "lần gia hạn",
    "short": "tên",
    "aliases": "tên",
    "days_off": "ngày",
    "work_days": "ngày",
    "done_occurrences": "ngày",
}


def place(path: Sequence[str | int]) -> str:
    """A value's place in its file as a clerk reads it: keys as written, items counted
    from 1, the innermost first ("'item' của nhiệm vụ thứ 1", "đơn vị thứ 2 trong
    'owners' của nhiệm vụ thứ 3", "'school_year.start'"); the whole file is "tệp".

    Every message that names a place in a data file names it here, so that no message
    shows the 0-based path the loader keeps its positions by.
    """
    parts: list[str] = []
    keys: list[str] = []
    for i, step in enumerate(path):
        if isinstance(step, int):
            listed = keys.pop() if keys else ""
            if keys:
                parts.append(f"'{'.'.join(keys)}'")
                keys = []
            noun = f"{_ITEM_NOUNS.get(listed, 'mục')} thứ {step + 1}"
            parts.append(noun if listed == "tasks" and i == 1 else f"{noun} trong '{listed}'")
        else:
            keys.append(str(step))
    if keys:
        parts.append(f"'{'.'.join(keys)}'")
    return " của ".join(reversed(parts)) or "tệp"


@dataclass(frozen=True)
class Problem:
    """One problem at one place, as ``check`` reports it."""

    source: Source
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.source.path, self.source.line, self.source.column, self.code)

    def __str__(self) -> str:
        """``PATH:LINE:COL: severity: MESSAGE [code]``: the one way a problem is written."""
        return f"{self.source}: {self.severity}: {self.message} [{self.code}]"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.source.path,
            "line": self.source.line,
            "column": self.source.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


def error(source: Source, code: str, message: str) -> Problem:
    return Problem(source, "error", code, message)


def warning(source: Source, code: str, message: str) -> Problem:
    return Problem(source, "warning", code, message)
