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
all read a task's occurrences from here, and the iCalendar and JSON exports
its rules over time (``rule_text``, ``rules_in_time``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from giaoban.deadline import Deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import next_occurrence, occurrence_zone, occurrences, rule_parts
from giaoban.model.ledger import Task

_DAY = timedelta(days=1)
_UTC = ZoneInfo("UTC")


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


class RuleInTime(NamedTuple):
    """One rule of a duty over time: its deadline as written and its RFC 5545 text
    (``rule_text``)."""

    phrase: str
    rrule: str


def rules_in_time(task: Task, deadline: Deadline) -> list[RuleInTime]:
    """The rules of duty ``task`` over time (``periods``), oldest first, as RFC 5545 text:
    each with DTSTART at its first occurrence, each but the last with UNTIL at its last day
    (the day before the next took effect, or the task's ``until``); the last, the rule in
    force, ends where the task's ``until`` says. A duty never postponed has its rule as
    read, unchanged. A rule that names no occurrence on its days is left out."""
    ruled = periods(task, deadline)
    found: list[RuleInTime] = []
    for k, period in enumerate(ruled, start=1):
        text = rule_text(period, period.last if k < len(ruled) else None)
        if text is not None:
            found.append(RuleInTime(period.rule.phrase, text))
    return found


def rule_text(period: Period, last: date | None = None) -> str | None:
    """The RFC 5545 text (``DTSTART`` line, ``RRULE`` line) of the rule of ``period`` over
    its days: DTSTART at its first occurrence (the rule's own when the period has no first
    day), and UNTIL at ``last`` unless the rule ends before (that day; a clock rule's, the
    day's last second in UTC, as RFC 5545 asks). None when the period names no occurrence.
    """
    rule = period.rule
    head, _, body = (rule.rrule or "").partition("\n")
    params, _, value = head.partition(":")
    whole_days = "VALUE=DATE" in params.split(";")
    tz = occurrence_zone(rule)
    if period.first is not None:  # a rule that took effect later: its first occurrence then
        first = next_in(period, midnight(period.first, tz) - _DAY)
        if first is None:
            return None
        value = _stamp(first.day if whole_days else first.due.astimezone(tz).replace(tzinfo=None))
    parts = rule_parts(body)
    if last is not None and "COUNT" not in parts:
        if "UNTIL" not in parts or _until_day(parts["UNTIL"], tz) > last:
            end: date | datetime = last
            if not whole_days:
                end = datetime.combine(last, time(23, 59, 59), tz).astimezone(_UTC)
            parts["UNTIL"] = _stamp(end)
            body = "RRULE:" + ";".join(f"{k}={v}" for k, v in parts.items())
    return f"{params}:{value}\n{body}"


def _stamp(value: date | datetime) -> str:
    """A day or a moment as RFC 5545 writes it (a moment in UTC ends in Z); from
    ``isoformat``, which writes the year 1 as "0001" where ``strftime`` writes "1"."""
    if not isinstance(value, datetime):
        return value.isoformat().replace("-", "")
    utc = value.tzinfo is not None
    if utc:
        value = value.astimezone(_UTC).replace(tzinfo=None)
    text = value.replace(microsecond=0).isoformat().replace("-", "").replace(":", "")
    return text + ("Z" if utc else "")


def _until_day(value: str, tz: ZoneInfo) -> date:
    """The day of a rule's UNTIL (a day, or a moment: in UTC when it ends in Z), in the
    rule's zone."""
    if len(value) == 8:
        return datetime.strptime(value, "%Y%m%d").date()
    moment = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        return moment.replace(tzinfo=_UTC).astimezone(tz).date()
    return moment.date()  # a moment in the rule's zone
