"""What a command opened and must close when it ends: the index's SQLite connections.

A command run as its own process has everything closed when the process ends.
Run in one process one after another (the tests, ``bench/fuzz.py``, a program
calling giaoban's commands), an index left open keeps its file descriptors, and
a long run fails with "too many open files". So every index is recorded here
when opened, and the command line closes what each command opened when it ends
(``closing``, in ``giaoban.cli.common.handle_errors``). A light module: the
command line imports it without the index.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Closable(Protocol):
    def close(self) -> None: ...


_SCOPES: list[list[Closable]] = []  # per ``closing`` block, innermost last: what it opened


def record(thing: Closable) -> None:
    """Remember ``thing`` as opened in the innermost ``closing`` block; outside any (a
    library caller), closing it is the caller's (``Index.close``), or the process's end."""
    if _SCOPES:
        _SCOPES[-1].append(thing)


def forget(thing: Closable) -> None:
    """``thing`` was closed on its own."""
    for scope in _SCOPES:
        for i, known in enumerate(scope):
            if known is thing:
                del scope[i]
                return


@contextmanager
def closing() -> Iterator[None]:
    """Close, when the block ends however it ends, what was opened in it (the newest
    first); what was open before stays open."""
    scope: list[Closable] = []
    _SCOPES.append(scope)
    try:
        yield
    finally:
        del _SCOPES[next(i for i, s in enumerate(_SCOPES) if s is scope)]  # not by equality
        while scope:
            scope.pop().close()
