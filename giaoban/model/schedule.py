"""A recurring duty's occurrences over time: the one place that lists them for a task.

A duty postponed (``giaoban postpone``, an entry of ``extensions:``) changes
its rule from the day the postponement took effect (the entry's ``date``):
the occurrences named before that day keep the rule in force then (the
entry's ``from``), those named from it on follow the new one. So a report
made under the old rule stays done, and one missed stays missed. An entry
without a ``date`` cannot be placed in time and changes nothing here; an old
rule that is no duty (a one-off deadline turned into a duty) names no
occurrence.

The index's events (``giaoban.model.facts.task_events``), ``show``, the
iCalendar export and the edits (``done``, ``reopen``, ``stop``, ``postpone``)
all read a task's occurrences from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from giaoban.deadline import Deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import next_occurrence, occurrence_zone, occurrences
from giaoban.model.ledger import Task

_DAY = timedelta(days=1)


class Occurrence(NamedTuple):
    """One due moment of a duty, the day it is named by (``describe.due_day``), and
    whether its rule names a clock time."""

    due: datetime
    day: date
    has_time: bool


@dataclass(frozen=True)
class Period:
    """The days ``[first, last]`` whose occurrences ``rule`` names (None: no bound)."""

    rule: Deadline
    first: date | None
    last: date | None

    def holds(self, day: date) -> bool:
        """Whether ``day`` is one of the period's days."""
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)


def is_recurring(deadline: object) -> bool:
    """Whether ``deadline`` is a recurring duty's, with a rule to list its occurrences."""
    return isinstance(deadline, Deadline) and deadline.kind == "recurring" and bool(deadline.rrule)


def periods(task: Task, deadline: Deadline) -> list[Period]:
    """The rules of duty ``task`` (whose deadline now reads ``deadline``) over time, oldest
    first: one per dated postponement whose old rule is a duty, then the rule now in force;
    each period ends at the task's ``until``. Empty periods are left out."""
    found: list[Period] = []
    first: date | None = None
    for extension in task.extensions:
        when = extension.date
        if when is None or (first is not None and when <= first):
            continue  # not placed in time, or out of order: no days of its own
        if is_recurring(extension.reading):
            assert isinstance(extension.reading, Deadline)
            found.append(Period(extension.reading, first, when - _DAY))
        first = when
    found.append(Period(deadline, first, None))
    if task.until is not None:  # the duty ends: no period runs past its last day
        found = [_ended(p, task.until) for p in found]
    return [p for p in found if p.first is None or p.last is None or p.first <= p.last]


def _ended(period: Period, until: date) -> Period:
    if period.last is not None and period.last <= until:
        return period
    return Period(period.rule, period.first, until)


def duty_occurrences(
    task: Task, deadline: Deadline, start: datetime, end: datetime
) -> list[Occurrence]:
    """The occurrences of duty ``task`` due in ``[start, end)``, in order."""
    found: list[Occurrence] = []
    for period in periods(task, deadline):
        rule, tz = period.rule, occurrence_zone(period.rule)
        lo = start if period.first is None else max(start, midnight(period.first - _DAY, tz))
        for due in occurrences(rule, lo, end, until=period.last):
            day = due_day(due, rule.has_time)
            if period.holds(day):
                found.append(Occurrence(due, day, rule.has_time))
    found.sort()
    return found


def next_duty_occurrence(task: Task, deadline: Deadline, after: datetime) -> Occurrence | None:
    """The first occurrence of duty ``task`` due strictly after ``after``."""
    for period in periods(task, deadline):
        found = next_in(period, after)
        if found is not None:
            return found
    return None


def next_in(period: Period, after: datetime) -> Occurrence | None:
    """The first occurrence of ``period`` due strictly after ``after``."""
    rule = period.rule
    moment = after
    if period.first is not None:  # no need to list the days before the period
        moment = max(after, midnight(period.first - _DAY, occurrence_zone(rule)))
    while True:
        due = next_occurrence(rule, moment, until=period.last)
        if due is None:
            return None
        day = due_day(due, rule.has_time)
        if period.holds(day):
            return Occurrence(due, day, rule.has_time)
        moment = due


def occurrences_near(task: Task, deadline: Deadline, days: Iterable[date]) -> list[Occurrence]:
    """The occurrences of duty ``task`` named from the day before the first of ``days`` to
    the day after the last (none when ``days`` is empty)."""
    days = sorted(days)
    if not days:
        return []
    # a day more on each side: a whole-day occurrence is due at the start of the next day
    # (no further than the calendar goes: a hostile file may record 0001-01-01 or 9999-12-31)
    tz = occurrence_zone(deadline)
    lo = midnight(max(days[0], date.min + 2 * _DAY) - _DAY, tz)
    hi = midnight(min(days[-1], date.max - 2 * _DAY) + 2 * _DAY, tz)
    return duty_occurrences(task, deadline, lo, hi)


def unmatched_done(task: Task, deadline: Deadline) -> list[date]:
    """The days in ``task.done_occurrences`` that name no occurrence of duty ``task``."""
    named = {o.day for o in occurrences_near(task, deadline, task.done_occurrences)}
    return sorted(d for d in set(task.done_occurrences) if d not in named)
