"""Problems found in the data: values, collected, never raised one at a time."""

from __future__ import annotations

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
