"""Rendering on a terminal: the console every renderer prints with, JSON, problems, the pager.

Renderers take computed records and print them; they compute nothing.
Colors appear only on a terminal and never when NO_COLOR is set (rich
honours both). Text from the data is printed as it is: never read as rich
markup, and a control character in it (an escape sequence in a task's text)
is written out, not sent to the terminal.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any, cast

from rich.cells import cell_len
from rich.console import Console
from rich.pager import Pager
from rich.text import Text

from giaoban.model.problems import Problem
from giaoban.model.text import visible
from giaoban.render.jsontext import json_chunks

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
    """Stable JSON (``giaoban.render.jsontext``), written as it is encoded."""
    for chunk in json_chunks(data):
        sys.stdout.write(chunk)
    sys.stdout.write("\n")


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


# --- the pager -------------------------------------------------------------------------------

_PAGER_OFF = frozenset({"", "0", "cat", "false", "no", "off"})
_PAGER_DEFAULT = frozenset({"1", "true", "yes", "on"})
_ESCAPES = re.compile(r"\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def pager_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The pager to run: ``$GIAOBAN_PAGER``, else ``$PAGER``, else ``less -R`` when it is
    installed; None when paging is off (``GIAOBAN_PAGER=0``, ``PAGER=cat``, no pager)."""
    env = os.environ if environ is None else environ
    for name in ("GIAOBAN_PAGER", "PAGER"):
        value = env.get(name)
        if value is None or value.strip().lower() in _PAGER_DEFAULT:
            continue
        if value.strip().lower() in _PAGER_OFF:
            return None
        return shlex.split(value, posix=os.name != "nt") or None
    less = shutil.which("less")
    return [less, "-R"] if less else None


class CommandPager(Pager):
    """rich's pager, run as a command with the page on its standard input.

    rich's own ``SystemPager`` goes through ``pydoc.pager``, which pages only when
    standard input too is a terminal and prefers ``$MANPAGER`` to ``$PAGER``.
    """

    def __init__(self, command: list[str]) -> None:
        self.command = command

    def show(self, content: str) -> None:
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")  # as git does: colors, and the page stays on screen
        env.setdefault("LV", "-c")
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        try:
            sys.stdout.flush()
            subprocess.run(self.command, input=content.encode(encoding, "replace"), env=env)
        except OSError:  # the pager named cannot be run: the page is printed as it is
            sys.stdout.write(content)
            sys.stdout.flush()


class _Page(io.TextIOBase):
    """Stands in for standard output while a page is written: a terminal to whoever asks,
    so that consoles color it and size it as they would the terminal."""

    def __init__(self, like: IO[str]) -> None:
        self.parts: list[str] = []
        self._encoding = getattr(like, "encoding", None) or "utf-8"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def write(self, data: str) -> int:
        if not isinstance(data, str):  # as a text stream does: click tells text from binary so
            raise TypeError(f"write() argument must be str, not {type(data).__name__}")
        self.parts.append(data)
        return len(data)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return True

    def getvalue(self) -> str:
        return "".join(self.parts)


def screen_rows(content: str, width: int) -> int:
    """How many rows of a ``width``-column terminal ``content`` fills (escapes aside,
    long lines wrapped)."""
    rows = 0
    for line in content.removesuffix("\n").split("\n"):
        cells = cell_len(_ESCAPES.sub("", line))
        rows += max(1, -(-cells // max(width, 1)))
    return rows


@contextlib.contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Show what is printed inside through the pager when standard output is a terminal
    and it is taller than the terminal; print it as it is otherwise.

    Everything written to standard output inside (rich consoles, ``typer.echo``) is
    kept, with its colors, until the end: then its height is known. Off with
    ``enabled`` False (``--no-pager``), off a terminal (a pipe, a file) and when
    :func:`pager_command` finds none.
    """
    command = pager_command() if enabled else None
    screen = console()
    if command is None or not screen.is_terminal:
        yield
        return
    page = _Page(sys.stdout)
    try:
        with contextlib.redirect_stdout(cast(IO[str], page)):
            yield
    except BaseException:
        sys.stdout.write(page.getvalue())  # what was printed before the error is not lost
        raise
    content = page.getvalue()
    if screen_rows(content, screen.size.width) > screen.size.height:
        CommandPager(command).show(content)
    else:
        sys.stdout.write(content)
        sys.stdout.flush()
