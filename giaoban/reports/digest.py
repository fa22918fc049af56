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
  since when) unless every line is asked for.

Nothing here reads a task record: the digest works on each row's facts
(``RowFacts``), so a report of 100,000 rows makes only the lines it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from giaoban.reports.rules import OVERDUE


class RowFacts(NamedTuple):
    """What the digest needs of a row: its task, state, due day and owner headings."""

    task: object  # the same value for every row of one task
    state: int  # an index of ``rules.STATES``
    day: int | None  # ordinal of the due day
    occurrence: bool
    headings: Sequence[str]  # the units the row is listed under


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


def digest(
    facts: Sequence[RowFacts],
    today: date,
    backlog_days: int,
    list_all: bool,
    unit_order: Callable[[Iterable[str]], list[str]],
) -> Digest:
    """The digest of a report whose rows (in report order) have ``facts``."""
    by_task: dict[object, list[int]] = {}
    for i, f in enumerate(facts):
        by_task.setdefault(f.task, []).append(i)
    due: dict[str, list[Line]] = {}
    late: list[Line] = []
    backlog: dict[str, list[int]] = {}
    backlog_tasks = 0
    missed: dict[int, tuple[int, date]] = {}
    for rows in by_task.values():
        line = _line(facts, rows)
        if line.missed and line.last_missed is not None:
            missed.update(dict.fromkeys(rows, (line.missed, line.last_missed)))
        shown = facts[line.index]
        if shown.state != OVERDUE:
            for unit in shown.headings:
                due.setdefault(unit, []).append(line)
        elif list_all or _late_days(shown, today) <= backlog_days:
            late.append(line)
        else:
            backlog_tasks += 1
            for unit in shown.headings:
                backlog.setdefault(unit, []).append(shown.day or 0)
    late.sort(key=lambda line: (-(facts[line.index].day or 0), line.index))
    return Digest(
        due=tuple((u, tuple(sorted(due[u], key=lambda x: x.index))) for u in unit_order(due)),
        late=tuple(late),
        backlog=tuple(
            Backlog(u, len(backlog[u]), date.fromordinal(min(backlog[u])))
            for u in unit_order(backlog)
        ),
        backlog_tasks=backlog_tasks,
        backlog_days=backlog_days,
        listed_all=list_all,
        missed=missed,
    )


def _line(facts: Sequence[RowFacts], rows: list[int]) -> Line:
    """The line of one task from its rows: a duty's next occurrence still to come,
    else its latest missed one, with the count of missed occurrences."""
    if not facts[rows[0]].occurrence:
        return Line(rows[0])
    overdue = [i for i in rows if facts[i].state == OVERDUE]
    pending = [i for i in rows if facts[i].state != OVERDUE]
    shown = pending[0] if pending else overdue[-1]
    if not overdue:
        return Line(shown)
    last = max(facts[i].day or 0 for i in overdue)
    return Line(shown, len(overdue), date.fromordinal(last))


def _late_days(f: RowFacts, today: date) -> int:
    return today.toordinal() - (f.day or today.toordinal())
