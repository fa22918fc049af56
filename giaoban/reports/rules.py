"""The report rules, each written once.

A row is a task with one deadline, or one occurrence of a recurring duty. What
the rules need of it are plain numbers: the task's **facts** (its status and
the moment that status took effect, how a done task stood against its
deadline) and the row's **event** (its due moment and due day). From them:

- ``row_state``: the row's state at "now" (``STATES``): late from the due
  moment on, due soon within ``SOON_DAYS`` calendar days, done on time or
  late, and a task done or cancelled after "now" still open;
- ``in_week``: whether the weekly report lists it (late and open, or due up
  to the week's cut-off);
- ``in_due_window``: whether ``due --days N`` lists it.

Every report goes through these, whichever way its rows are found (the
agenda of ``giaoban.reports.agenda`` for the dated reports, a task's own
rows for ``list`` and ``show``); ``tests/test_rules.py`` pins each rule at
the boundary it decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from giaoban.deadline import Deadline
from giaoban.deadline.describe import days_late, due_day
from giaoban.deadline.recur import occurrences
from giaoban.model.ledger import Task

SOON_DAYS = 7  # due_soon: due today or within this many calendar days
URGENT_DAYS = 3  # due_soon rows this close are shown in yellow, later ones in green
STATES = ("overdue", "due_soon", "upcoming", "done_on_time", "done_late", "ongoing")
OVERDUE, DUE_SOON, UPCOMING, DONE_ON_TIME, DONE_LATE, ONGOING = range(len(STATES))
CANCELLED = "cancelled"  # the state of a cancelled task; only ``list`` shows them

# a task's status, as numbers
OPEN, DONE, CANCELLED_STATUS = 0, 1, 2
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


@dataclass(frozen=True)
class Moment:
    """The "now" of a report as the rules count it."""

    now: int  # epoch seconds
    today: int  # ordinal of now's date in the office's time zone

    @classmethod
    def of(cls, now: datetime) -> Moment:
        return cls(int(now.timestamp()), now.date().toordinal())


def task_facts(task: Task, deadline: Deadline | None, tz: ZoneInfo) -> Facts:
    """The facts of ``task``; ``tz`` is the office's time zone."""
    until = task.until.toordinal() if task.until else 0
    last_done = max(task.done_occurrences).toordinal() if task.done_occurrences else 0
    if task.status == "cancelled":
        return Facts(CANCELLED_STATUS, _since(task.cancelled_on, tz), 0, 0, 0, until, last_done)
    if task.status != "done":
        return Facts(OPEN, NEVER, 0, 0, 0, until, last_done)
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
    return int(datetime.combine(value, time(0, 0), tzinfo=tz).timestamp())


def task_events(
    task: Task, deadline: Deadline | None, end: datetime
) -> list[tuple[datetime, int, int]]:
    """(due moment, due day's ordinal, flags) of each due moment of ``task`` before ``end``:
    its one deadline, or every occurrence of a duty up to its ``until``."""
    if deadline is None:
        return []
    has_time = HAS_TIME if deadline.has_time else 0
    if deadline.kind == "recurring" and deadline.rrule:
        done = set(task.done_occurrences)
        found = []
        for due in occurrences(deadline, EPOCH, end, until=task.until):
            day = due_day(due, deadline.has_time)
            flags = has_time | OCCURRENCE | (OCCURRENCE_DONE if day in done else 0)
            found.append((due, day.toordinal(), flags))
        return found
    if deadline.due is None:
        return []
    return [(deadline.due, due_day(deadline.due, deadline.has_time).toordinal(), has_time)]


def status_at(facts: Facts, at: Moment) -> int:
    """The task's status as it stood at ``at`` (done or cancelled later: open)."""
    return facts.status if at.now >= facts.since else OPEN


def row_state(
    facts: Facts, due: int | None, day: int, flags: int, at: Moment
) -> tuple[int, int | None, int | None] | None:
    """(state, days to the due day, days late) of a row at ``at``; None when it is no row:
    the task was cancelled, or the occurrence falls after the day a duty was done.

    ``due`` is None for a task whose deadline names no moment ("thường xuyên").
    """
    status = status_at(facts, at)
    if status == CANCELLED_STATUS:
        return None
    if due is None:
        return (DONE_ON_TIME if status == DONE else ONGOING), None, None
    days = day - at.today
    if flags & OCCURRENCE:
        last = facts.done_day if status == DONE else 0  # a duty done on a day ends there
        if last and day > last:
            return None
        if last or flags & OCCURRENCE_DONE:
            return DONE_ON_TIME, days, None
    elif status == DONE:
        if facts.done == DONE_UNDATED:
            return DONE_ON_TIME, None, None
        if facts.done == DONE_IN_TIME:
            return DONE_ON_TIME, days, None
        return DONE_LATE, days, facts.late_by
    if at.now >= due:
        return OVERDUE, days, None
    return (DUE_SOON if days <= SOON_DAYS else UPCOMING), days, None


def is_done(state: int) -> bool:
    return state in (DONE_ON_TIME, DONE_LATE)


@dataclass(frozen=True)
class WeekBounds:
    """The week a weekly report covers, as the rules count it."""

    cutoff: int  # epoch seconds: deadlines at a clock time count up to here
    monday: int  # ordinal of its Monday: done rows due before it are not listed
    last_day: int  # ordinal: deadlines naming a whole day count up to this day


def in_week(state: int, due: int, day: int, has_time: bool, week: WeekBounds) -> bool:
    """Late and open, or due (open or done) in the week up to its cut-off."""
    if state == OVERDUE:
        return True
    if state == ONGOING or (is_done(state) and day < week.monday):
        return False
    return due <= week.cutoff if has_time else day <= week.last_day


def in_due_window(state: int, day: int, last_day: int) -> bool:
    """``due --days N``: late, or open and due by the window's last day."""
    return state == OVERDUE or (state in (DUE_SOON, UPCOMING) and day <= last_day)
