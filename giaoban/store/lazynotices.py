"""Notice records read from the cache one by one, when first looked at.

A report over 10,000 notices shows a few hundred rows: ``LazyNotices`` lets
a ledger hold every notice while only the records looked at are unpickled.
Going through all of them (``iter``, ``tasks()``, a validation) reads them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, overload

from giaoban.model.ledger import Notice

if TYPE_CHECKING:
    from giaoban.reports.agenda import NoticeFacts


class LazyNotices(Sequence[Notice]):
    """The notices of the files at ``paths``; ``read(i)`` gives the i-th, kept once read.

    ``keys`` gives each notice's (date, id) and ``facts()`` the agenda facts
    of each (``giaoban.reports.agenda.NoticeFacts``, None when unknown), without
    reading the records: ledgers merged into one (``giaoban.store.ledgers``) make
    their agenda from them.
    """

    def __init__(
        self,
        paths: list[str],
        read: Callable[[int], Notice],
        keys: list[tuple[date, str]] | None = None,
        facts: Callable[[], list[NoticeFacts | None]] | None = None,
    ) -> None:
        self.paths = paths  # each notice's ``source.path``
        self.keys = keys
        self.facts = facts
        self._read = read
        self._found: list[Notice | None] = [None] * len(paths)

    def __len__(self) -> int:
        return len(self._found)

    @overload
    def __getitem__(self, i: int) -> Notice: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Notice, ...]: ...
    def __getitem__(self, i: int | slice) -> Notice | tuple[Notice, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        notice = self._found[i]
        if notice is None:
            notice = self._found[i] = self._read(i if i >= 0 else i + len(self))
        return notice

    def __iter__(self) -> Iterator[Notice]:
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        read = sum(n is not None for n in self._found)
        return f"LazyNotices({len(self)} notices, {read} read)"
