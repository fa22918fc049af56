"""A task's own rows, from its record alone: what the index's reports are checked against.

The reports read through the index (``giaoban.reports.dated``,
``giaoban.reports.current``); these rows are made the plain way, task by task,
by the same rules (``giaoban.reports.rules.row_state``), so a test can compare.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import next_occurrence
from giaoban.model.card import Card
from giaoban.model.facts import (
    EPOCH,
    OCCURRENCE,
    Facts,
    is_recurring,
    resolved_deadline,
    task_events,
    task_facts,
)
from giaoban.model.ledger import Task
from giaoban.reports import rules
from giaoban.reports.row import Row
from giaoban.reports.rules import CANCELLED, STATES, Moment, row_state


def _zone(now: datetime) -> ZoneInfo:
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else ZoneInfo("UTC")


def task_rows(task: Task, now: datetime, end: datetime) -> list[Row]:
    """The rows of ``task`` at ``now``: one, or one per occurrence due before ``end``.

    A cancelled task gives one ``cancelled`` row. A recurring duty gives an
    occurrence row for each due moment before ``end`` (from its first one);
    an occurrence in ``done_occurrences`` is done, and a duty marked done has
    no occurrence after the day it was done. Each row's state is
    ``giaoban.reports.rules.row_state``.
    """
    deadline, card = resolved_deadline(task), Card.of(task)
    has_time = deadline.has_time if deadline else False
    facts, at = task_facts(task, deadline, _zone(now)), Moment.of(now)
    status = rules.status_name(facts, at)
    if rules.status_at(facts, at) == rules.CANCELLED_STATUS:
        return [Row(card, CANCELLED, status, deadline.due if deadline else None, has_time)]
    events = task_events(task, deadline, end)
    if not events and not is_recurring(deadline):
        row = _row(card, facts, None, has_time, 0, at)
        assert row is not None  # only a cancelled task has no row, and it has one above
        return [row]
    rows = []
    for due, _, flags in events:
        row = _row(card, facts, due, has_time, flags, at)
        if row is None:
            break  # the duty was done before this occurrence
        rows.append(row)
    return rows


def _row(
    card: Card, facts: Facts, due: datetime | None, has_time: bool, flags: int, at: Moment
) -> Row | None:
    """The row of one due moment of a task (None: no row, see ``rules.row_state``)."""
    day = due_day(due, has_time).toordinal() if due is not None else 0
    found = row_state(facts, int(due.timestamp()) if due else None, day, flags, at)
    if found is None:
        return None
    state, days, late_by = found
    status = rules.status_name(facts, at)
    occurrence = bool(flags & OCCURRENCE)
    return Row(card, STATES[state], status, due, has_time, days, late_by, occurrence)


def sort_key(row: Row) -> tuple[bool, datetime, str, int]:
    """Soonest first (so the most late first), rows without a due last, then file order."""
    due = row.due or EPOCH
    return (row.due is None, due, row.card.path, row.card.line)


def current_row(task: Task, now: datetime) -> Row:
    """The one row that stands for ``task`` in a list: for a recurring duty its earliest
    missed occurrence, else the next one to come, else (ended) its last occurrence; with
    how many of its occurrences so far are overdue, and the due day of the last one."""
    deadline = resolved_deadline(task)
    if deadline is None or not is_recurring(deadline):
        return task_rows(task, now, now)[0]
    rows = task_rows(task, now, now + timedelta(minutes=1))
    late = [r for r in rows if r.state == "overdue"]
    if late:
        return replace(late[0], missed=len(late), last_missed=late[-1].day)
    facts, at = task_facts(task, deadline, _zone(now)), Moment.of(now)
    status = rules.status_name(facts, at)
    if rules.status_at(facts, at) != rules.OPEN:
        return rows[-1] if rows else Row(Card.of(task), "done_on_time", status)
    following = next_occurrence(deadline, now, until=task.until)
    if following is None:
        return rows[-1] if rows else Row(Card.of(task), "ongoing", status)
    row = _row(Card.of(task), facts, following, deadline.has_time, OCCURRENCE, at)
    assert row is not None  # an open duty's coming occurrence is a row
    return row
