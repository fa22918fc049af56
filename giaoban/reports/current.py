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
    Found,
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
        event = before[0] if before else following
        found = _found(facts, event, at)
        assert found is not None  # only a cancelled task has no row, and it has one above
        return _row(card, event, found)
    last: tuple[Event, Found] | None = None  # the last occurrence that is a row
    for event in before:
        found = _found(facts, event, at)
        if found is None:
            break  # the duty was done before this occurrence
        if found[0] == OVERDUE:
            return _row(card, event, found)  # its earliest missed occurrence
        last = (event, found)
    if status_at(facts, at) != OPEN:
        return _row(card, *last) if last else Row(card, "done_on_time")
    if following is None:
        return _row(card, *last) if last else Row(card, "ongoing")
    due, day, _ = following
    coming = (due, day, OCCURRENCE)  # as to come, whatever is recorded
    found = _found(facts, coming, at)
    assert found is not None  # an open duty's coming occurrence is a row
    return _row(card, coming, found)


def _found(facts: Facts, event: Event | None, at: Moment) -> Found | None:
    """The state of one event of a task (``event`` None: it has no due moment), its days
    to the due day and days late (``row_state``); None when it is no row."""
    due, day, flags = event if event is not None else (None, 0, 0)
    return row_state(facts, due, day, flags, at)


def _row(card: Card, event: Event | None, found: Found) -> Row:
    """The row of one event of a task, in the state ``found``."""
    state, days, late_by = found
    if event is None:
        return Row(card, STATES[state], None, card.has_time, days, late_by)
    due, _, flags = event
    occurrence = bool(flags & OCCURRENCE)
    moment = card.due_moment(due, occurrence)
    return Row(card, STATES[state], moment, card.has_time, days, late_by, occurrence)
