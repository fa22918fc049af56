"""Rendering: the only module that imports rich.

Renderers take computed records and print them; they compute nothing.
Colors appear only on a terminal and never when NO_COLOR is set (rich
honours both).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from giaoban.model.problems import Problem

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}


def console(stderr: bool = False) -> Console:
    """A console for stdout (or stderr), wide enough not to cut messages."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


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
    line = Text(f"{problem.source}: ")
    line.append(problem.severity, style=_SEVERITY_STYLE[problem.severity])
    line.append(f": {problem.message} [{problem.code}]")
    return line


def print_problems(problems: list[Problem] | tuple[Problem, ...], summary: str) -> None:
    """One ``PATH:LINE:COL: severity: MESSAGE [code]`` line per problem, then the summary."""
    out = console()
    for problem in problems:
        out.print(problem_line(problem))
    out.print(Text(summary, style="bold"))
