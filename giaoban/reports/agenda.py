"""The dated facts of every task as plain numbers, so that a report needs no records.

A report at "now" asks of each task when it is due and what state it was in;
answering that from the notice records means loading 100,000 task records
for a report that shows 200 rows. ``NoticeFacts`` holds what the reports
need of one notice, computed once when the notice is read and kept in the
cache: per task its status and the moment that status took effect, its
owners, and one event per due moment (every occurrence of a recurring duty,
up to its ``until`` or ``HORIZON_YEARS`` past its notice). ``Agenda`` joins
the facts of a ledger's notices, in the ledger's order; ``rows_at`` gives
the compact rows of a report, and ``giaoban.reports.rows`` builds full rows only
for those it shows.

The facts, the events and the state of each row are those of
``giaoban.reports.rules``, the one home of the report rules; the agenda only
keeps them in arrays. ``tests/test_agenda.py`` checks on random ledgers that
its rows are those each task gives on its own (``giaoban.reports.rows.task_rows``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import compress
from operator import not_
from zoneinfo import ZoneInfo

from giaoban.deadline import Deadline
from giaoban.deadline.recur import occurrence_zone
from giaoban.model.ids import short_prefixes
from giaoban.model.ledger import Notice
from giaoban.reports.rules import (
    NEVER,
    OCCURRENCE_DONE,
    OPEN,
    Facts,
    Moment,
    row_state,
    task_events,
    task_facts,
)

HORIZON_YEARS = 10  # occurrences of a duty without ``until`` kept this far past its notice

Units = tuple[tuple[str, ...], tuple[str, ...]]  # a task's owners and supports


@dataclass(frozen=True)
class NoticeFacts:
    """What the reports need of one notice. Events are (due, due day, task, flags)."""

    # Facts' first five fields, units, line, until, last done
    tasks: tuple[tuple[int, int, int, int, int, int, int, int, int], ...]
    events: tuple[tuple[int, int, int, int], ...]
    units: tuple[Units, ...]
    horizon: int  # events are complete before this moment (epoch seconds)


def notice_facts(notice: Notice, tz: ZoneInfo) -> NoticeFacts:
    """The facts of ``notice``'s tasks (``giaoban.reports.rules``); ``tz`` is the office's."""
    units: dict[Units, int] = {}
    tasks: list[tuple[int, int, int, int, int, int, int, int, int]] = []
    events: list[tuple[int, int, int, int]] = []
    horizon = NEVER
    limit = _midnight(_years_after(notice.date, HORIZON_YEARS), tz)
    for k, task in enumerate(notice.tasks):
        deadline = task.deadline if isinstance(task.deadline, Deadline) else None
        f = task_facts(task, deadline, tz)
        index = units.setdefault((task.owners, task.supports), len(units))
        line = task.source.line
        tasks.append(
            (f.status, f.since, f.done_day, f.done, f.late_by, index, line, f.until, f.last_done)
        )
        recurring = deadline is not None and deadline.kind == "recurring" and deadline.rrule
        end = limit
        if recurring and task.until is not None and task.until < limit.date() - _TWO_DAYS:
            end = _midnight(task.until + _TWO_DAYS, tz)
        elif recurring:  # no end, or one past the horizon (until: 9999-12-31)
            horizon = min(horizon, int(limit.timestamp()))
        for due, day, flags in task_events(task, deadline, end):
            events.append((int(due.timestamp()), day, k, flags))
    return NoticeFacts(tuple(tasks), tuple(events), tuple(units), horizon)


_TWO_DAYS = timedelta(days=2)  # a duty's last day, and the next, are listed


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- a ledger's agenda -------------------------------------------------------------


class Agenda:
    """The facts of a ledger's notices as flat arrays; events sorted as reports list them.

    Tasks are numbered in the order of ``Ledger.tasks()``. Events are sorted
    by due moment, then by the task's (path, line), so that the rows of a
    report are the positions of its events, in order. ``plain`` holds the
    events of tasks that are open for good (never done or cancelled, the
    occurrence not reported): at any moment, those due are overdue.
    """

    def __init__(self, facts: Sequence[NoticeFacts], paths: Sequence[str], ids: Sequence[str]):
        self.notice_ids = list(ids)
        self.short_ids = short_prefixes(self.notice_ids)
        self.horizons = array("q", [f.horizon for f in facts])
        self.horizon = min(self.horizons, default=NEVER)
        tasks: list[tuple[int, ...]] = []
        events: list[tuple[int, int, int, int]] = []  # (due, day, task, flags)
        task_notice: list[int] = []
        task_units: list[int] = []
        first_task: list[int] = []
        known: dict[Units, int] = {}
        for n, notice in enumerate(facts):
            base = len(tasks)
            first_task.append(base)
            glob = [known.setdefault(u, len(known)) for u in notice.units]
            tasks.extend(notice.tasks)
            task_units.extend(glob[task[5]] for task in notice.tasks)
            task_notice.extend([n] * len(notice.tasks))
            events.extend((d, day, base + k, f) for d, day, k, f in notice.events)
        self.units: list[Units] = list(known)
        self.task_notice = array("i", task_notice)
        self.task_units = array("i", task_units)
        self.first_task = array("i", first_task)
        columns = list(zip(*tasks, strict=True)) or [()] * 9
        self.status = array("b", columns[0])
        self.since = array("q", columns[1])
        self.done_day = array("i", columns[2])
        self.done = array("b", columns[3])
        self.late_by = array("i", columns[4])
        self.until = array("i", columns[7])
        self.last_done = array("i", columns[8])
        rank = sorted(range(len(tasks)), key=lambda t: (paths[task_notice[t]], tasks[t][6]))
        order = [0] * len(tasks)
        for position, t in enumerate(rank):
            order[t] = position
        self.order = array("i", order)
        # One integer per event sorts by (due, task order) and keeps the event's index.
        keys = [(e[0] << 64) | (order[e[2]] << 32) | i for i, e in enumerate(events)]
        keys.sort()
        ranked = [events[k & 0xFFFFFFFF] for k in keys]
        self.due = array("q", [e[0] for e in ranked])
        self.day = array("i", [e[1] for e in ranked])
        self.task = array("i", [e[2] for e in ranked])
        self.flags = array("b", [e[3] for e in ranked])
        self._classify()

    def _classify(self) -> None:
        """Sort the events into those of tasks open for good and the others."""
        status, since, task = self.status, self.since, self.task
        good = [
            status[t] == OPEN and not f & OCCURRENCE_DONE
            for t, f in zip(task, self.flags, strict=True)
        ]
        plain = list(compress(range(len(task)), good))
        rest = list(compress(range(len(task)), map(not_, good)))
        self.plain, self.rest = array("i", plain), array("i", rest)
        due = self.due
        self.plain_due = array("q", map(due.__getitem__, plain))
        self.rest_due = array("q", map(due.__getitem__, rest))
        # From when the row of each other event is settled (done, or none at all):
        # an open task's reported occurrence from the start, else its task's ``since``.
        settled = [-NEVER if status[t] == OPEN else since[t] for t in map(task.__getitem__, rest)]
        self.settled = array("q", settled)
        by_settled = sorted(range(len(rest)), key=settled.__getitem__)
        self.by_settled = array("i", map(rest.__getitem__, by_settled))
        self.settled_sorted = array("q", map(settled.__getitem__, by_settled))

    def update(self, changed: dict[int, NoticeFacts], paths: Sequence[str]) -> None:
        """Take the new facts of the notices ``changed`` (by position; same order, same
        paths), as if the agenda were made again: each notice's tasks are replaced
        and its events taken out and put in again at their places."""
        known = {u: i for i, u in enumerate(self.units)}
        for n, facts in sorted(changed.items()):
            self._replace(n, facts, paths, known)
        self.horizon = min(self.horizons, default=NEVER)
        self._classify()

    def _replace(
        self, n: int, facts: NoticeFacts, paths: Sequence[str], known: dict[Units, int]
    ) -> None:
        a = self.first_task[n]
        b = self.first_task[n + 1] if n + 1 < len(self.first_task) else len(self.status)
        m = len(facts.tasks)
        delta = m - (b - a)
        # The notice's tasks rank from ``start`` in (path, line) order, all of a path together.
        start = min(self.order[a:b]) if b > a else self._rank_of(n, paths)
        lines = sorted(range(m), key=lambda k: facts.tasks[k][6])
        ranks = [0] * m
        for position, k in enumerate(lines):
            ranks[k] = start + position
        glob = []
        for u in facts.units:
            if u not in known:
                known[u] = len(self.units)
                self.units.append(u)
            glob.append(known[u])
        columns = list(zip(*facts.tasks, strict=True)) or [()] * 9
        self.status[a:b] = array("b", columns[0])
        self.since[a:b] = array("q", columns[1])
        self.done_day[a:b] = array("i", columns[2])
        self.done[a:b] = array("b", columns[3])
        self.late_by[a:b] = array("i", columns[4])
        self.until[a:b] = array("i", columns[7])
        self.last_done[a:b] = array("i", columns[8])
        self.task_units[a:b] = array("i", [glob[u] for u in columns[5]])
        self.task_notice[a:b] = array("i", [n] * m)
        end = start + (b - a)
        order = self.order
        if delta:
            order = array("i", [o + delta if o >= end else o for o in order])
            self.first_task = array(
                "i", [f + delta if i > n else f for i, f in enumerate(self.first_task)]
            )
        order[a:b] = array("i", ranks)
        self.order = order
        self._move_events(a, b, delta, [(d, day, a + k, f) for d, day, k, f in facts.events])
        self.horizons[n] = facts.horizon

    def _rank_of(self, n: int, paths: Sequence[str]) -> int:
        """Where the tasks of notice ``n`` (which had none) rank: after every smaller path."""
        counts = [
            (self.first_task[i + 1] if i + 1 < len(self.first_task) else len(self.status))
            - self.first_task[i]
            for i in range(len(self.first_task))
        ]
        return sum(c for i, c in enumerate(counts) if paths[i] < paths[n])

    def _move_events(
        self, a: int, b: int, delta: int, new: list[tuple[int, int, int, int]]
    ) -> None:
        """Take out the events of tasks ``a`` to ``b``; renumber; put in ``new``."""
        task = self.task
        gone = [p for p, t in enumerate(task) if a <= t < b]
        columns = [self.due, self.day, self.task, self.flags]
        for i, column in enumerate(columns):
            kept = array(column.typecode)
            previous = 0
            for p in gone:
                kept.extend(column[previous:p])
                previous = p + 1
            kept.extend(column[previous:])
            columns[i] = kept
        due, day, task, flags = columns
        if delta:
            task = array("i", [t + delta if t >= b else t for t in task])
        order = self.order

        def key(p: int) -> tuple[int, int]:
            return due[p], order[task[p]]

        for d, dd, t, f in sorted(new, key=lambda e: (e[0], order[e[2]])):
            p = bisect_right(range(len(due)), (d, order[t]), key=key)
            due.insert(p, d)
            day.insert(p, dd)
            task.insert(p, t)
            flags.insert(p, f)
        self.due, self.day, self.task, self.flags = due, day, task, flags

    def place(self, task: int) -> tuple[int, int]:
        """(notice, index in notice) of a task number."""
        n = self.task_notice[task]
        return n, task - self.first_task[n]

    def row(self, p: int, at: Moment) -> tuple[int, int | None, int | None] | None:
        """(state, days, late by) of event ``p`` at ``at`` (``giaoban.reports.rules.row_state``);
        None when no report lists it."""
        return row_state(self.facts(self.task[p]), self.due[p], self.day[p], self.flags[p], at)

    def facts(self, t: int) -> Facts:
        """The facts of task number ``t``."""
        return Facts(
            self.status[t],
            self.since[t],
            self.done_day[t],
            self.done[t],
            self.late_by[t],
            self.until[t],
            self.last_done[t],
        )


def overdue_block(agenda: Agenda, at: Moment) -> array[int]:
    """The events of tasks open for good that are due at ``at``: all overdue, in order."""
    return agenda.plain[: bisect_right(agenda.plain_due, at.now)]


def other_events(agenda: Agenda, at: Moment, end: int, done_from: int) -> Iterator[int]:
    """Every other event due before ``end`` whose row may be listed, in no particular order.

    ``done_from``: done rows due before this moment are not listed, so the
    events settled by ``at`` (done, cancelled) are looked at only from there.
    """
    plain, rest, settled, now = agenda.plain, agenda.rest, agenda.settled, at.now
    yield from plain[bisect_right(agenda.plain_due, now) : bisect_left(agenda.plain_due, end)]
    lo = bisect_left(agenda.rest_due, done_from)
    for i in range(lo, bisect_left(agenda.rest_due, end)):
        if settled[i] <= now:
            yield rest[i]
    due = agenda.due
    for p in agenda.by_settled[bisect_right(agenda.settled_sorted, now) :]:
        if due[p] < end:
            yield p


def occurrence_moment(deadline: Deadline, due: int) -> datetime:
    """An occurrence's due moment as ``giaoban.deadline.recur.occurrences`` gives it."""
    return datetime.fromtimestamp(due, occurrence_zone(deadline))
