"""A row of a report: a task, or one occurrence of a recurring duty, in its state at "now"."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from giaoban.deadline.describe import due_day
from giaoban.model.card import Card
from giaoban.reports.rules import CANCELLED
from giaoban.store.index import Index


@dataclass(frozen=True)
class Row:
    """A task (or one occurrence of a recurring duty) as a report shows it: its card
    (``giaoban.model.card``), so that a row is shown without reading its notice.

    ``status`` is its task's status at "now" (``giaoban.reports.rules.status_name``:
    a task done or cancelled later is open), which a report prints, not the
    status its file holds (``card.status``). ``days`` counts calendar days from
    now's date to the due day (negative when late); ``late_by`` counts the days
    a done task was late. Each row of a recurring duty carries how many of the
    duty's occurrences were missed (late and open) and the due day of the last
    one (``giaoban.reports.rules.missed``).
    """

    card: Card
    state: str
    status: str
    due: datetime | None = None
    has_time: bool = False
    days: int | None = None
    late_by: int | None = None
    occurrence: bool = False
    missed: int = 0
    last_missed: date | None = None

    @property
    def day(self) -> date | None:
        return row_day(self.due, self.has_time)


class Standing(NamedTuple):
    """A task's row before its card is read (``Row`` without ``card``, with its task)."""

    tid: int
    state: str
    status: str
    due: datetime | None = None
    has_time: bool = False
    days: int | None = None
    late_by: int | None = None
    occurrence: bool = False
    missed: int = 0
    last_missed: date | None = None

    @property
    def day(self) -> date | None:
        return row_day(self.due, self.has_time)

    def row(self, card: Card) -> Row:
        return Row(card, *self[1:])


def row_day(due: datetime | None, has_time: bool) -> date | None:
    """The day a row's deadline names: "trước ngày 25/02" is due 26/02 00:00, day 25/02."""
    return None if due is None else due_day(due, has_time)


def row_status(state: str) -> str:
    """open, done or cancelled, as ``--status`` takes a row in ``state``: a done occurrence
    of a duty still open is done (its task's status, ``Row.status``, is open)."""
    if state == CANCELLED:
        return "cancelled"
    return "done" if state.startswith("done") else "open"


CARDS_AT_ONCE = 500  # rows whose cards are read in one query


class Cards:
    """The cards of a report's tasks, read from the index as its rows are looked at, a
    few hundred at a time: a table of 50 rows out of 30,000 reads 50 cards."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.known: dict[int, Card] = {}

    def card(self, tid: int, coming: Callable[[], Iterable[int]]) -> Card:
        """The card of task ``tid``; when not yet read, with those of the tasks ``coming``
        (the next rows' tasks, ``tid``'s first: up to ``CARDS_AT_ONCE`` are read)."""
        card = self.known.get(tid)
        if card is None:
            self.known.update(self.index.cards(itertools.islice(coming(), CARDS_AT_ONCE)))
            card = self.known[tid]
        return card

    def read_all(self, tids: Iterable[int]) -> None:
        """Read the cards of the tasks ``tids`` not yet known, at once, in the index's order
        of tasks (a report's order jumps about the table: read in order, 20,000 cards take
        half the time)."""
        known = self.known
        known.update(self.index.cards(sorted({tid for tid in tids if tid not in known})))

    def all_of(self, tids: Sequence[int]) -> Iterator[Card]:
        """The cards of the tasks ``tids``, in order, all read first (``read_all``)."""
        self.read_all(tids)
        return (self.known[tid] for tid in tids)
