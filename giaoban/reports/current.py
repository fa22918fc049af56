"""The row that stands for each task at "now": what ``list``, ``search`` and ``show`` show.

One row per task, from the index alone (its facts, its card and its due
events; no record is read): a task's own due moment, or for a recurring
duty its earliest missed occurrence, else the next one to come, else (done,
cancelled or ended) its last one. Each state is ``giaoban.reports.rules.row_state``,
each status ``giaoban.reports.rules.status_name``, and a duty's row carries how many
of its occurrences were missed and the last one (``giaoban.reports.rules.missed``),
as the dated reports' rows do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import overload

from giaoban.deadline.context import zone
from giaoban.model.card import Timing
from giaoban.model.facts import HAS_TIME, OCCURRENCE, OPEN_FACTS, Facts
from giaoban.reports.row import Cards, Row, Standing
from giaoban.reports.rules import (
    CANCELLED,
    CANCELLED_STATUS,
    ONGOING,
    OPEN,
    OVERDUE,
    STATES,
    UNRESOLVED,
    Found,
    Moment,
    missed,
    row_state,
    status_at,
    status_name,
)
from giaoban.store.index import HORIZON_YEARS, Index

_MINUTE = 60
_FAR = (HORIZON_YEARS + 1) * 366 * 86400  # seconds: how far a duty's next occurrence is sought

Event = tuple[int, int, int]  # due (epoch seconds), due day's ordinal, flags


def current_rows(
    index: Index, tids: Sequence[int], now: datetime, office_zone: str
) -> list[Standing]:
    """The row standing for each task ``tids`` at ``now``, in that order, before its card is
    read (``CurrentRows`` reads the cards of those looked at)."""
    at = Moment.of(now)
    end = at.now + _MINUTE
    tz = zone(office_zone)
    index.ask(tids)
    beyond = index.past_horizon(end, asked=True)
    if beyond:  # duties without an end, asked about past the years the index lists
        index.extend(beyond, end, tz)
    timings = index.timings()
    settled = {tid: Facts(*found) for tid, found in index.settled_facts(asked=True).items()}
    before, after = index.due_around(at.now, end)
    unsure = sorted(
        set(index.past_horizon(at.now + _FAR, asked=True))
        & {tid for tid in tids if timings[tid].recurring and tid not in after}
    )
    if unsure:  # their next occurrence may lie past what the index lists
        index.extend(unsure, at.now + _FAR, tz)
        index.ask(unsure)
        after.update(index.due_around(at.now, end)[1])
    return [
        current_row(
            tid,
            timings[tid],
            settled.get(tid, OPEN_FACTS),
            before.get(tid, []),
            after.get(tid),
            at,
        )
        for tid in tids
    ]


def current_row(
    tid: int,
    timing: Timing,
    facts: Facts,
    before: list[Event],
    following: Event | None,
    at: Moment,
) -> Standing:
    """The row standing for task ``tid``: its events due ``before`` now (and a minute), in
    order, and the ``following`` one."""
    now_status, status = status_at(facts, at), status_name(facts, at)
    if now_status == CANCELLED_STATUS:
        return Standing(tid, CANCELLED, status, timing.due_moment(), timing.has_time)
    if not timing.recurring:
        event = before[0] if before else following
        found = _found(facts, event, at)
        assert found is not None  # only a cancelled task has no row, and it has one above
        if found[0] == ONGOING and timing.undated:  # its event has no date yet
            found = (UNRESOLVED, None, None)
        return _standing(tid, timing, status, event, found)
    rows: list[tuple[Event, Found]] = []  # the occurrences that are rows, in order
    for event in before:
        found = _found(facts, event, at)
        if found is None:
            break  # the duty was done before this occurrence
        rows.append((event, found))
    lost = missed((found[0], event[1]) for event, found in rows)
    late = [row for row in rows if row[1][0] == OVERDUE]
    if late:
        return _standing(tid, timing, status, *late[0], lost)  # its earliest missed occurrence
    if now_status != OPEN or following is None:  # done, or ended: its last occurrence
        if rows:
            return _standing(tid, timing, status, *rows[-1], lost)
        return Standing(tid, "ongoing" if now_status == OPEN else "done_on_time", status)
    due, day, flags = following
    coming = (due, day, flags & HAS_TIME | OCCURRENCE)  # as to come, whatever is recorded
    found = _found(facts, coming, at)
    assert found is not None  # an open duty's coming occurrence is a row
    return _standing(tid, timing, status, coming, found, lost)


def _found(facts: Facts, event: Event | None, at: Moment) -> Found | None:
    """The state of one event of a task (``event`` None: it has no due moment), its days
    to the due day and days late (``row_state``); None when it is no row."""
    due, day, flags = event if event is not None else (None, 0, 0)
    return row_state(facts, due, day, flags, at)


def _standing(
    tid: int,
    timing: Timing,
    status: str,
    event: Event | None,
    found: Found,
    lost: tuple[int, date | None] = (0, None),
) -> Standing:
    """The row of one event of task ``tid`` (its status at now ``status``), in the state
    ``found``; a duty's row with how many of its occurrences were missed and the last
    (``lost``, ``rules.missed``)."""
    state, days, late_by = found
    if event is None:
        return Standing(tid, STATES[state], status, None, timing.has_time, days, late_by)
    due, _, flags = event
    occurrence = bool(flags & OCCURRENCE)
    moment = timing.due_moment(due, occurrence)
    # an occurrence names a clock time as the rule in force on its day (a postponed duty's
    # may differ from its deadline's now: ``giaoban.model.schedule``)
    has_time = bool(flags & HAS_TIME) if occurrence else timing.has_time
    return Standing(tid, STATES[state], status, moment, has_time, days, late_by, occurrence, *lost)


class CurrentRows(Sequence[Row]):
    """Rows standing for tasks (``current_rows``), each made with its card when looked at."""

    def __init__(self, standing: Sequence[Standing], index: Index, cards: Cards | None = None):
        self.standing = standing
        self.cards = Cards(index) if cards is None else cards

    def __len__(self) -> int:
        return len(self.standing)

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> CurrentRows: ...
    def __getitem__(self, i: int | slice) -> Row | CurrentRows:
        if isinstance(i, slice):
            return CurrentRows(self.standing[i], self.cards.index, self.cards)
        standing = self.standing
        first = range(len(standing))[i]  # IndexError past the end, as a list gives
        coming = (standing[j].tid for j in range(first, len(standing)))
        return standing[first].row(self.cards.card(standing[first].tid, lambda: coming))

    def __iter__(self) -> Iterator[Row]:
        standing = self.standing
        cards = self.cards.all_of([s.tid for s in standing])
        return (found.row(card) for found, card in zip(standing, cards, strict=True))

    def state_counts(self) -> dict[str, int]:
        """How many rows in each state, without reading their cards."""
        return dict(Counter(s.state for s in self.standing))
