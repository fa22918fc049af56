"""How a long read shows its progress: the store counts, the command line draws.

The store never prints. A command line that wants a bar gives one with
:func:`show_with` (``giaoban.cli.main`` does, drawing it with rich on a
terminal); reads then call :func:`progress`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

Advance = Callable[[int], None]  # moves the bar on by n steps
Bar = Callable[[int, str], AbstractContextManager[Advance]]  # (total, label) -> a bar

_bars: list[Bar] = []


def show_with(bar: Bar | None) -> None:
    """Draw the progress of long reads with ``bar`` from now on (None: draw nothing)."""
    _bars[:] = [bar] if bar is not None else []


def progress(total: int, label: str) -> AbstractContextManager[Advance]:
    """A bar of ``total`` steps, or nothing when no bar was given."""
    if not _bars:
        return nullcontext(lambda steps: None)
    return _bars[0](total, label)
