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

from giaoban.reports.rules import OVERDUE


@dataclass(frozen=True)
class RowFacts:
    """What the digest needs of a report's rows, a column each (row ``i`` at ``[i]``):
    its task, state, due day, whether an occurrence of a duty, and owner headings."""

    task: Sequence[object]  # the same value for every row of one task
    state: Sequence[int]  # an index of ``rules.STATES``
    day: Sequence[int]  # ordinal of the due day
    occurrence: Sequence[bool]
    headings: Sequence[Sequence[str]]  # the units the row is listed under

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


def digest(
    facts: RowFacts,
    today: date,
    backlog_days: int,
    list_all: bool,
    unit_order: Callable[[Iterable[str]], list[str]],
) -> Digest:
    """The digest of a report whose rows (in report order) have ``facts``."""
    state, day, headings = facts.state, facts.day, facts.headings
    due: dict[str, list[Line]] = {}
    late: list[Line] = []
    backlog: dict[str, list[int]] = {}
    backlog_tasks = 0
    missed: dict[int, tuple[int, date]] = {}
    last_on_time = today.toordinal() - backlog_days  # late longer than this: the backlog
    duties: dict[object, list[int]] = {}
    singles: list[int] = []  # the one row of each task that is not a duty
    for i, (task, occurrence) in enumerate(zip(facts.task, facts.occurrence, strict=True)):
        if occurrence:
            duties.setdefault(task, []).append(i)
        else:
            singles.append(i)
    lines: list[tuple[int, int, date | None]] = [(i, 0, None) for i in singles]
    for rows in duties.values():
        line = _line(state, day, rows)
        if line[2] is not None:  # occurrences missed: each row of the duty says how many
            missed.update(dict.fromkeys(rows, (line[1], line[2])))
        lines.append(line)
    for index, count, last in lines:
        if state[index] != OVERDUE:
            for unit in headings[index]:
                due.setdefault(unit, []).append(Line(index, count, last))
        elif list_all or day[index] >= last_on_time:
            late.append(Line(index, count, last))
        else:
            backlog_tasks += 1
            for unit in headings[index]:
                backlog.setdefault(unit, []).append(day[index])
    late.sort(key=lambda line: (-day[line.index], line.index))
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


def _line(
    state: Sequence[int], day: Sequence[int], rows: list[int]
) -> tuple[int, int, date | None]:
    """The line of a duty from its rows (the row shown, how many missed, the last missed
    day): its next occurrence still to come, else its latest missed one."""
    overdue = [i for i in rows if state[i] == OVERDUE]
    pending = [i for i in rows if state[i] != OVERDUE]
    shown = pending[0] if pending else overdue[-1]
    if not overdue:
        return shown, 0, None
    return shown, len(overdue), date.fromordinal(max(day[i] for i in overdue))
