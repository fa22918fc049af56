"""What the report rules need of a task, as plain numbers: its facts and its due events.

A task's **facts** are its status and the moment that status took effect,
and how a done task stood against its one deadline (on time, or late by so
many days: ``giaoban.deadline.describe.days_late``). Its **events** are its
due moments: its one deadline, or every occurrence of a recurring duty up to
its ``until``. The index (``giaoban.store.index``) keeps both for every task;
the rules that turn them into a row's state at "now" are in
``giaoban.reports.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from giaoban.deadline import Deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import days_late, due_day
from giaoban.model.ledger import STATUSES, Task
from giaoban.model.schedule import duty_occurrences, is_recurring

# a task's status, as numbers: its place in ``STATUSES`` (open, done, cancelled)
OPEN, DONE, CANCELLED_STATUS = range(len(STATUSES))
# how a done task with one deadline stood against it
DONE_UNDATED, DONE_IN_TIME, DONE_AFTER = 0, 1, 2
# an event's flags
HAS_TIME, OCCURRENCE, OCCURRENCE_DONE = 1, 2, 4
NEVER = 1 << 62  # "since" of a task that stays open

EPOCH = datetime(1970, 1, 1, tzinfo=ZoneInfo("UTC"))


@dataclass(frozen=True)
class Facts:
    """What the rules need of a task: its status holds from ``since`` (epoch seconds)."""

    status: int
    since: int
    done_day: int  # ordinal of the day a done duty was done (0: not given)
    done: int  # DONE_UNDATED, DONE_IN_TIME or DONE_AFTER, for a done task with one deadline
    late_by: int
    until: int = 0  # ordinal of a duty's last day (0: none)
    last_done: int = 0  # ordinal of the last occurrence of a duty recorded done (0: none)


OPEN_FACTS = Facts(OPEN, NEVER, 0, 0, 0)  # a task still open (``until``, ``last_done`` aside)


def resolved_deadline(task: Task) -> Deadline | None:
    """The task's deadline when it was read (None: none, or unreadable)."""
    return task.deadline if isinstance(task.deadline, Deadline) else None


def task_facts(task: Task, deadline: Deadline | None, tz: ZoneInfo) -> Facts:
    """The facts of ``task``; ``tz`` is the office's time zone."""
    until = task.until.toordinal() if task.until else 0
    last_done = max(task.done_occurrences).toordinal() if task.done_occurrences else 0
    if task.status == "cancelled":
        return Facts(CANCELLED_STATUS, _since(task.cancelled_on, tz), 0, 0, 0, until, last_done)
    if task.status != "done":
        return replace(OPEN_FACTS, until=until, last_done=last_done)
    done = task.done_on
    done_day = (done.date() if isinstance(done, datetime) else done) if done else None
    state, late_by = DONE_UNDATED, 0
    if deadline is not None and deadline.due is not None and done is not None:
        late = days_late(done, deadline.due, deadline.has_time)
        state, late_by = (DONE_IN_TIME, 0) if late is None else (DONE_AFTER, late)
    ordinal = done_day.toordinal() if done_day else 0
    return Facts(DONE, _since(done, tz), ordinal, state, late_by, until, last_done)


def _since(value: date | datetime | None, tz: ZoneInfo) -> int:
    """The moment a status recorded on ``value`` holds from (before it: still open).

    A day counts from its start, a moment from itself; a naive moment is in
    the office's time zone.
    """
    if value is None:
        return -NEVER
    if isinstance(value, datetime):
        return int((value if value.tzinfo else value.replace(tzinfo=tz)).timestamp())
    return int(midnight(value, tz).timestamp())


def settled(facts: Facts, flags: int, day: int) -> int:
    """From when the row of an event (due on the day ``day``, an ordinal) no longer
    changes: a done or cancelled task's from its ``since``, but an occurrence of a done
    duty not recorded done up to the day it ended, which stays owed (late once due) as
    an open duty's does; an occurrence recorded done from the start; any other from
    never."""
    owed = not flags & OCCURRENCE_DONE
    if facts.status == DONE and flags & OCCURRENCE and owed:
        return NEVER if not facts.done_day or day <= facts.done_day else facts.since
    if facts.status != OPEN:
        return facts.since
    return NEVER if owed else -NEVER


def task_events(
    task: Task, deadline: Deadline | None, end: datetime
) -> list[tuple[datetime, int, int]]:
    """(due moment, due day's ordinal, flags) of each due moment of ``task`` before ``end``:
    its one deadline, or every occurrence of a duty up to its ``until``, each by the rule
    in force on its day (``giaoban.model.schedule``)."""
    if deadline is None:
        return []
    if is_recurring(deadline):
        done = set(task.done_occurrences)
        return [
            (
                o.due,
                o.day.toordinal(),
                _timed(o.has_time) | OCCURRENCE | (OCCURRENCE_DONE if o.day in done else 0),
            )
            for o in duty_occurrences(task, deadline, EPOCH, end)
        ]
    if deadline.due is None:
        return []
    due = deadline.due
    return [(due, due_day(due, deadline.has_time).toordinal(), _timed(deadline.has_time))]


def _timed(has_time: bool) -> int:
    return HAS_TIME if has_time else 0


def occurrence_days(task: Task, deadline: Deadline, before: date, tz: ZoneInfo) -> list[date]:
    """The day naming each occurrence of duty ``task`` (up to its ``until``) before the day
    ``before``, as ``done_occurrences`` records them: the occurrences ``task_events`` gives
    the reports, so a day not listed here is one no report marks done.

    Args:
        task: a task whose ``deadline`` is recurring (``is_recurring``).
        deadline: its reading.
        before: the first day not listed.
        tz: the office's time zone.

    Returns:
        The days, in order.
    """
    end = midnight(before + timedelta(days=1), tz)  # a day's whole-day occurrence is due after it
    days = (date.fromordinal(day) for _, day, flags in task_events(task, deadline, end))
    return [day for day in days if day < before]
