"""The row that stands for each task at "now": what ``list``, ``search`` and ``show`` show.

One row per task, from the index alone (its facts, its card and its due
events; no record is read): a task's own due moment, or for a recurring
duty its earliest missed occurrence, else the next one to come, else (done,
cancelled or ended) its last one. Each state is ``giaoban.reports.rules.row_state``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from giaoban.deadline.context import zone
from giaoban.model.card import Card
from giaoban.model.facts import OCCURRENCE, OPEN_FACTS, Facts
from giaoban.reports.row import Row
from giaoban.reports.rules import (
    CANCELLED,
    CANCELLED_STATUS,
    OPEN,
    OVERDUE,
    STATES,
    Moment,
    row_state,
    status_at,
)
from giaoban.store.index import HORIZON_YEARS, Index

_MINUTE = 60
_FAR = (HORIZON_YEARS + 1) * 366 * 86400  # seconds: how far a duty's next occurrence is sought

Event = tuple[int, int, int]  # due (epoch seconds), due day's ordinal, flags


def current_rows(index: Index, tids: Sequence[int], now: datetime, office_zone: str) -> list[Row]:
    """The row standing for each task ``tids`` at ``now``, in that order."""
    at = Moment.of(now)
    end = at.now + _MINUTE
    tz = zone(office_zone)
    index.ask(tids)
    beyond = index.past_horizon(end, asked=True)
    if beyond:  # duties without an end, asked about past the years the index lists
        index.extend(beyond, end, tz)
    cards = index.cards(tids)
    settled = {tid: Facts(*found) for tid, found in index.settled_facts(asked=True).items()}
    before, after = index.due_around(at.now, end)
    unsure = sorted(
        set(index.past_horizon(at.now + _FAR, asked=True))
        & {tid for tid in tids if cards[tid].recurring and tid not in after}
    )
    if unsure:  # their next occurrence may lie past what the index lists
        index.extend(unsure, at.now + _FAR, tz)
        index.ask(unsure)
        after.update(index.due_around(at.now, end)[1])
    return [
        current_row(
            cards[tid], settled.get(tid, OPEN_FACTS), before.get(tid, []), after.get(tid), at
        )
        for tid in tids
    ]


def current_row(
    card: Card, facts: Facts, before: list[Event], following: Event | None, at: Moment
) -> Row:
    """The row standing for a task: its events due ``before`` now (and a minute), in order,
    and the ``following`` one."""
    if status_at(facts, at) == CANCELLED_STATUS:
        return Row(card, CANCELLED, card.due_moment(), card.has_time)
    if not card.recurring:
        row = _row(card, facts, before[0] if before else following, at)
        assert row is not None  # only a cancelled task has no row, and it has one above
        return row
    rows = []
    for event in before:
        found = _row(card, facts, event, at)
        if found is None:
            break  # the duty was done before this occurrence
        rows.append(found)
    late = [r for r in rows if r.state == STATES[OVERDUE]]
    if late:
        return late[0]
    if status_at(facts, at) != OPEN:
        return rows[-1] if rows else Row(card, "done_on_time")
    if following is None:
        return rows[-1] if rows else Row(card, "ongoing")
    due, day, _ = following
    row = _row(card, facts, (due, day, OCCURRENCE), at)  # as to come, whatever is recorded
    assert row is not None  # an open duty's coming occurrence is a row
    return row


def _row(card: Card, facts: Facts, event: Event | None, at: Moment) -> Row | None:
    """The row of one event of a task (``event`` None: it has no due moment); None when
    it is no row (``row_state``)."""
    due, day, flags = event if event is not None else (None, 0, 0)
    found = row_state(facts, due, day, flags, at)
    if found is None:
        return None
    state, days, late_by = found
    occurrence = bool(flags & OCCURRENCE)
    moment = card.due_moment(due, occurrence) if due is not None else None
    return Row(card, STATES[state], moment, card.has_time, days, late_by, occurrence)
