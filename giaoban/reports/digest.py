"""What a leader reads of a dated report: this week first, then what is late, then the backlog.

A report's rows are one per task, or one per occurrence of a recurring duty
(the machine formats keep them so). A reader wants a duty once: the digest
keeps, for each task, one **line**: its next occurrence still to come in the
report, else its latest missed one, with how many were missed and the last.
Lines then fall in three parts:

- **due**: not late (due by the week's cut-off, or within ``due --days``),
  under each owner unit;
- **late**: late for at most ``backlog_days`` (a setting, 30 by default),
  newest first;
- **backlog** (tồn đọng): late for longer, counted per unit (how many, and
  since when: the earliest due day of what it counts, a duty's first missed
  occurrence) unless every line is asked for.

A line falls in one part, by its row: a duty missed long ago and lately is a
late line whose missed count holds both, not also a task of the backlog (each
task is counted once).

Nothing here reads a task record: the digest works on each row's facts
(``RowFacts``), so a report of 100,000 rows makes only the lines it shows.
A report shown only as a digest need not make the rows of the backlog at all:
the index counts them (``giaoban.reports.dated.dated_rows``' ``counted_before``,
the day ``backlog_cut`` gives), and they come here as counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from giaoban.reports.rules import OVERDUE, missed


@dataclass(frozen=True)
class RowFacts:
    """What the digest needs of a report's rows, a column each (row ``i`` at ``[i]``):
    its task, state, due day, whether an occurrence of a duty, and owner headings."""

    task: Sequence[object]  # the same value for every row of one task
    state: Sequence[int]  # an index of ``rules.STATES``
    day: Sequence[int]  # ordinal of the due day
    occurrence: Sequence[bool]
    headings: Sequence[Sequence[str]]  # the units the row is listed under
    # rows of one-off tasks only counted, all in the backlog: (headings, how many, the
    # earliest due day); see ``giaoban.reports.dated.dated_rows``
    counted: Sequence[tuple[Sequence[str], int, int]] = ()
    # missed occurrences of a duty only counted, besides its rows, by task: (how many, the
    # earliest due day)
    more_missed: Mapping[Any, tuple[int, int]] = field(default_factory=dict)
    # missed occurrences of a duty that a filter (``--from``, ``--to``, ``--status``) does
    # not list, by task: (how many, the latest one's due day); still missed
    unlisted_missed: Mapping[Any, tuple[int, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.task)


@dataclass(frozen=True)
class Line:
    """One task as a reader sees it: the row ``index`` of the report, and for a duty how
    many of its occurrences were missed and the due day of the last one."""

    index: int
    missed: int = 0
    last_missed: date | None = None


@dataclass(frozen=True)
class Backlog:
    """The backlog of one unit: how many tasks, late since when (the oldest due day)."""

    unit: str
    tasks: int
    since: date


@dataclass(frozen=True)
class Digest:
    due: tuple[tuple[str, tuple[Line, ...]], ...] = ()  # per owner unit, in registry order
    late: tuple[Line, ...] = ()  # newest first
    backlog: tuple[Backlog, ...] = ()  # per unit; empty when every line is listed
    backlog_tasks: int = 0  # how many tasks the backlog holds (one under two units: once)
    backlog_days: int = 30
    listed_all: bool = False
    missed: dict[int, tuple[int, date]] = field(default_factory=dict)  # row -> (missed, last)

    @property
    def due_tasks(self) -> int:
        """How many tasks are due (one listed under two units counts once)."""
        return len({line.index for _, lines in self.due for line in lines})


def backlog_cut(today: date, backlog_days: int) -> int:
    """The first due day (an ordinal) whose late lines are listed: a line late since an
    earlier day is in the backlog (unless every line is asked for)."""
    return today.toordinal() - backlog_days


def digest(
    facts: RowFacts,
    today: date,
    backlog_days: int,
    list_all: bool,
    unit_order: Callable[[Iterable[str]], list[str]],
) -> Digest:
    """The digest of a report whose rows (in report order) have ``facts``."""
    state, day, headings = facts.state, facts.day, facts.headings
    if list_all and facts.counted:
        raise ValueError("rows only counted cannot be listed")
    due: dict[str, list[Line]] = {}
    late: list[Line] = []
    backlog: dict[str, tuple[int, int]] = {}  # unit -> (tasks, the earliest due day)
    backlog_tasks = 0
    missed: dict[int, tuple[int, date]] = {}
    last_on_time = backlog_cut(today, backlog_days)  # late since before it: the backlog
    duties: dict[object, list[int]] = {}
    singles: list[int] = []  # the one row of each task that is not a duty
    for i, (task, occurrence) in enumerate(zip(facts.task, facts.occurrence, strict=True)):
        if occurrence:
            duties.setdefault(task, []).append(i)
        else:
            singles.append(i)
    # (the row shown, how many missed, the last missed day, the day it is late since)
    lines: list[tuple[int, int, date | None, int]] = [(i, 0, None, day[i]) for i in singles]
    for task, rows in duties.items():
        line = _line(state, day, rows, facts.more_missed.get(task), facts.unlisted_missed.get(task))
        if line[2] is not None:  # occurrences missed: each row of the duty says how many
            missed.update(dict.fromkeys(rows, (line[1], line[2])))
        lines.append(line)
    for index, count, last, since in lines:
        if state[index] != OVERDUE:
            for unit in headings[index]:
                due.setdefault(unit, []).append(Line(index, count, last))
        elif list_all or day[index] >= last_on_time:
            late.append(Line(index, count, last))
        else:
            backlog_tasks += 1
            for unit in headings[index]:
                _add(backlog, unit, 1, since)
    for units, tasks, first in facts.counted:
        backlog_tasks += tasks
        for unit in units:
            _add(backlog, unit, tasks, first)
    late.sort(key=lambda line: (-day[line.index], line.index))
    return Digest(
        due=tuple((u, tuple(sorted(due[u], key=lambda x: x.index))) for u in unit_order(due)),
        late=tuple(late),
        backlog=tuple(
            Backlog(u, backlog[u][0], date.fromordinal(backlog[u][1])) for u in unit_order(backlog)
        ),
        backlog_tasks=backlog_tasks,
        backlog_days=backlog_days,
        listed_all=list_all,
        missed=missed,
    )


def _add(backlog: dict[str, tuple[int, int]], unit: str, tasks: int, first: int) -> None:
    """Count ``tasks`` more in the backlog of ``unit``, late since the day ``first``."""
    count, since = backlog.get(unit, (0, first))
    backlog[unit] = (count + tasks, min(since, first))


def _line(
    state: Sequence[int],
    day: Sequence[int],
    rows: list[int],
    more: tuple[int, int] | None,
    unlisted: tuple[int, int] | None = None,
) -> tuple[int, int, date | None, int]:
    """The line of a duty from its rows (the row shown, how many missed, the last missed
    day, and the first: the day it is late since, which the backlog counts from): its
    next occurrence still to come, else its latest missed one. ``more``: how many missed
    occurrences were only counted (all before its rows' latest missed one), and the
    earliest one's due day; ``unlisted``: how many the report's filter does not list,
    and the latest one's due day (``DatedRows.unlisted_missed``)."""
    pending = [i for i in rows if state[i] != OVERDUE]
    shown = pending[0] if pending else rows[-1]  # else every row is overdue: the latest
    counted, earliest = more if more is not None else (0, day[shown])
    count, last = missed(((state[i], day[i]) for i in rows), counted, unlisted)
    if last is None:
        return shown, count, None, day[shown]
    first = min([earliest, *(day[i] for i in rows if state[i] == OVERDUE)])
    return shown, count, last, first
