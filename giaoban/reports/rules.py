"""The report rules, each written once.

A row is a task with one deadline, or one occurrence of a recurring duty. What
the rules need of it are plain numbers: the task's **facts** (its status and
the moment that status took effect, how a done task stood against its
deadline) and the row's **event** (its due moment and due day). From them:

- ``row_state``: the row's state at "now" (``STATES``): late from the due
  moment on, due soon within ``SOON_DAYS`` calendar days, done on time or
  late, and a task done or cancelled after "now" still open;
- ``in_week``: whether the weekly report lists it (late and open, or due by
  the end of the week's Sunday, whatever the form of its deadline: the cut-off
  only decides which week is the report's; ``--until`` sets the limit);
- ``in_due_window``: whether ``due --days N`` lists it;
- ``status_name``: the task's status at "now" (``status_at``) as every report
  prints it (``open``, ``done``, ``cancelled``; ``export``, with no "now",
  prints the file's);
- ``missed``: how many occurrences of a recurring duty were missed (its rows
  late and open) and the due day of the last one, which every row of the duty
  carries, in the dated reports (``giaoban.reports.digest``) as in ``list``,
  ``search`` and ``show`` (``giaoban.reports.current``);
- ``unresolved``: a task still open at "now" whose deadline is counted from an
  event no ``events:`` line dates (``giaoban.model.card.Timing.undated``) has no
  due moment, so no row in a dated report: ``list`` and ``show`` give it this
  state, and every dated report (due, overdue, week, stats) counts such tasks of
  its units and notices and names them (``giaoban.reports.dated.undated_tasks``,
  one query of the index) rather than leave them out without a word.

Every report goes through these, whichever way its rows are found (the
index's events for the dated reports, ``giaoban.reports.dated``; a task's own
rows for ``list`` and ``show``); the facts themselves are made in
``giaoban.model.facts``, and whether a done task was late is
``giaoban.deadline.describe.days_late``. ``tests/test_rules.py`` pins each rule
at the boundary it decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from giaoban.model.facts import (
    CANCELLED_STATUS,
    DONE,
    DONE_IN_TIME,
    DONE_UNDATED,
    OCCURRENCE,
    OCCURRENCE_DONE,
    OPEN,
    Facts,
)
from giaoban.model.ledger import STATUSES

SOON_DAYS = 7  # due_soon: due today or within this many calendar days
URGENT_DAYS = 3  # due_soon rows this close are shown in yellow, later ones in green
# ``unresolved``: an open task whose deadline is counted from an event with no date yet; it
# has no due moment, like an ongoing one, but is not "thường xuyên" (``list`` and ``show``).
STATES = ("overdue", "due_soon", "upcoming", "done_on_time", "done_late", "ongoing", "unresolved")
OVERDUE, DUE_SOON, UPCOMING, DONE_ON_TIME, DONE_LATE, ONGOING, UNRESOLVED = range(len(STATES))
CANCELLED = "cancelled"  # the state of a cancelled task; only ``list`` shows them


@dataclass(frozen=True)
class Moment:
    """The "now" of a report as the rules count it."""

    now: int  # epoch seconds
    today: int  # ordinal of now's date in the office's time zone

    @classmethod
    def of(cls, now: datetime) -> Moment:
        return cls(int(now.timestamp()), now.date().toordinal())


def status_at(facts: Facts, at: Moment) -> int:
    """The task's status as it stood at ``at`` (done or cancelled later: open)."""
    return facts.status if at.now >= facts.since else OPEN


def status_name(facts: Facts, at: Moment) -> str:
    """``status_at`` as a report prints it: open, done or cancelled (``STATUSES``)."""
    return STATUSES[status_at(facts, at)]


Found = tuple[int, int | None, int | None]  # a row's state, days to the due day, days late


def row_state(facts: Facts, due: int | None, day: int, flags: int, at: Moment) -> Found | None:
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
        # a duty marked done on a day ends there, as its ``until`` would end it; an
        # occurrence is done only when ``done_occurrences`` lists it, any other is owed
        if status == DONE and facts.done_day and day > facts.done_day:
            return None
        if flags & OCCURRENCE_DONE:
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


def missed(
    rows: Iterable[tuple[int, int]], more: int = 0, unlisted: tuple[int, int] | None = None
) -> tuple[int, date | None]:
    """How many occurrences of a duty were missed by "now", from its rows' (state, due
    day's ordinal): those overdue, ``more`` only counted (each before the last overdue
    row), and ``unlisted``, (how many, the latest one's due day) of those overdue that a
    report's filter (``--from``, ``--to``, ``--status``) does not list: a filter picks
    rows, it changes no fact of the duty. And the due day of the last one missed (None
    when none was)."""
    count, last = 0, 0
    for state, day in rows:
        if state == OVERDUE:
            count += 1
            last = max(last, day)
    if unlisted is not None and unlisted[0]:
        count += unlisted[0]
        last = max(last, unlisted[1])
    return count + more, (date.fromordinal(last) if count else None)


def is_done(state: int) -> bool:
    return state in (DONE_ON_TIME, DONE_LATE)


@dataclass(frozen=True)
class WeekBounds:
    """The week a weekly report covers, as the rules count it."""

    due_by: int  # epoch seconds: every row due up to this moment (included) is listed
    monday: int  # ordinal of its Monday: done rows due before it are not listed


def in_week(state: int, due: int, day: int, week: WeekBounds) -> bool:
    """Late and open, or due (open or done) by the week's ``due_by``: the end of its last
    day (Sunday) by default, so that what falls due before the next report is in this one,
    a clock time or a whole day alike; the moment ``--until`` names otherwise."""
    if state == OVERDUE:
        return True
    if state in (ONGOING, UNRESOLVED) or (is_done(state) and day < week.monday):
        return False
    return due <= week.due_by


def in_due_window(state: int, day: int, last_day: int) -> bool:
    """``due --days N``: late, or open and due by the window's last day."""
    return state == OVERDUE or (state in (DUE_SOON, UPCOMING) and day <= last_day)
