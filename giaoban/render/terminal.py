"""Rendering on a terminal: the console every renderer prints with, JSON, problems.

Renderers take computed records and print them; they compute nothing.
Colors appear only on a terminal and never when NO_COLOR is set (rich
honours both). Text from the data is printed as it is: never read as rich
markup, and a control character in it (an escape sequence in a task's text)
is written out, not sent to the terminal.
"""

from __future__ import annotations

import io
import json
import sys
from typing import IO, Any, cast

from rich.console import Console
from rich.text import Text

from giaoban.model.problems import Problem
from giaoban.model.text import visible

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}


class SafeConsole(Console):
    """A console that prints strings as they are: no markup, control characters written out;
    off a terminal (a pipe, a file) its lines end without the spaces tables pad them with."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, highlight=False, **kwargs)
        if not self.is_terminal:
            self.file = cast(IO[str], _Trimmed(self.file))

    def render_str(self, text: str, *args: Any, **kwargs: Any) -> Text:
        return super().render_str(visible(text), *args, **kwargs)


class _Trimmed(io.TextIOBase):
    """A text stream that drops the spaces at the end of each line written to it."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.pending = ""  # the start of a line not ended yet

    def write(self, data: str) -> int:
        *lines, self.pending = (self.pending + data).split("\n")
        if lines:
            self.out.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(data)

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        if self.pending:
            self.out.write(self.pending.rstrip(" "))
            self.pending = ""
        self.flush()


def text(value: str, style: str = "") -> Text:
    """A rich text of ``value`` (from the data or not), its control characters written out."""
    return Text(visible(value), style=style)


def console(stderr: bool = False) -> Console:
    """A console for stdout (or stderr), wide enough not to cut messages."""
    return SafeConsole(stderr=stderr, soft_wrap=True)


def print_json(data: Any) -> None:
    """Stable JSON: UTF-8 text, sorted keys, two-space indent.

    Written as it is encoded, so that a report of 100,000 rows (whose rows
    ``giaoban.render.formats`` may make one by one) is never held whole as text.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
    chunks: list[str] = []
    for chunk in encoder.iterencode(data):
        chunks.append(chunk)
        if len(chunks) >= 4096:
            sys.stdout.write("".join(chunks))
            chunks.clear()
    chunks.append("\n")
    sys.stdout.write("".join(chunks))


def problem_line(problem: Problem) -> Text:
    line = text(f"{problem.source}: ")
    line.append(problem.severity, style=_SEVERITY_STYLE[problem.severity])
    line.append(visible(f": {problem.message} [{problem.code}]"))
    return line


def print_problems(problems: list[Problem] | tuple[Problem, ...], summary: str) -> None:
    """One ``PATH:LINE:COL: severity: MESSAGE [code]`` line per problem, then the summary."""
    out = console()
    for problem in problems:
        out.print(problem_line(problem))
    out.print(text(summary, style="bold"))
