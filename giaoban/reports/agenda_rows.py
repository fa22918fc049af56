"""The rows of the dated reports (due, overdue, week) from a ledger's agenda.

``giaoban.reports.agenda`` answers "which rows, in which state" in plain numbers;
this module keeps those a report wants and turns into ``Row`` values only
the rows that are looked at (``LazyRows``): a table of the first 200 rows
of 130,000 reads 200 task records, not 100,000.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, overload

from giaoban.deadline import Deadline
from giaoban.model.ledger import Ledger
from giaoban.reports.agenda import (
    Agenda,
    notice_facts,
    occurrence_moment,
    other_events,
    overdue_block,
)
from giaoban.reports.digest import RowFacts
from giaoban.reports.filters import Filter, day_matches, heading_names, status_matches, unit_names
from giaoban.reports.rules import (
    HAS_TIME,
    NEVER,
    OCCURRENCE,
    OVERDUE,
    STATES,
    Moment,
    is_done,
)

if TYPE_CHECKING:
    from giaoban.reports.rows import Row

# What a report keeps of a compact row: (state, due, due day, has time) -> keep?
Wanted = Callable[[int, int, int, bool], bool]


def ledger_agenda(ledger: Ledger) -> Agenda:
    """The agenda the loader kept with ``ledger``, else one made from its records."""
    found = ledger.agenda() if callable(ledger.agenda) else ledger.agenda
    if found is not None:
        return found
    from giaoban.deadline.context import zone

    tz = zone(ledger.settings.timezone)
    facts = [notice_facts(n, tz) for n in ledger.notices]
    notices = ledger.notices
    return Agenda(facts, [n.source.path for n in notices], [n.id for n in notices])


def agenda_rows(
    ledger: Ledger,
    flt: Filter,
    now: datetime,
    end: datetime,
    wanted: Wanted,
    done_from: datetime | None = None,
) -> LazyRows | None:
    """The rows ``wanted`` and ``flt`` keep, soonest first; None when the agenda
    cannot tell (an occurrence after its horizon is asked for).

    Every dated report lists what is overdue: ``wanted`` is asked only about
    other rows. Done rows due before ``done_from`` (None: any) are not wanted.
    """
    agenda = ledger_agenda(ledger)
    end_s = int(end.timestamp())
    if end_s > agenda.horizon and agenda.horizon != NEVER:
        return None
    at = Moment.of(now)
    keep = _task_mask(ledger, agenda, flt)
    tasks, flags, due, day = agenda.task, agenda.flags, agenda.due, agenda.day
    kept: list[int] = []
    if not flt.statuses or _status_kept(flt, OVERDUE):
        block: Sequence[int] = overdue_block(agenda, at)
        if keep is not None:
            block = [p for p in block if keep[tasks[p]]]
        if flt.has_dates:
            block = [p for p in block if _day_kept(flt, day[p])]
        kept.extend(block)
    states: dict[int, int] = {}
    first_done = end_s if done_from is None else int(done_from.timestamp())
    for p in other_events(agenda, at, end_s, first_done):
        if keep is not None and not keep[tasks[p]]:
            continue
        found = agenda.row(p, at)
        if found is None:
            continue
        state = found[0]
        if state != OVERDUE and not wanted(state, due[p], day[p], bool(flags[p] & HAS_TIME)):
            continue
        if flt.statuses and not _status_kept(flt, state):
            continue
        if flt.has_dates and not _day_kept(flt, day[p]):
            continue
        kept.append(p)
        states[p] = state
    kept.sort()
    return LazyRows(kept, states, ledger, agenda, at)


def _task_mask(ledger: Ledger, agenda: Agenda, flt: Filter) -> list[bool] | None:
    """Which tasks the unit and notice parts of ``flt`` keep (None: all)."""
    if not flt.units and not flt.notices:
        return None
    by_units = [
        not flt.units or bool(unit_names(owners, supports, ledger.registry, flt) & flt.units)
        for owners, supports in agenda.units
    ]
    ids = agenda.notice_ids
    by_notice = [not flt.notices or i in flt.notices for i in ids]
    return [
        by_units[u] and by_notice[n]
        for u, n in zip(agenda.task_units, agenda.task_notice, strict=True)
    ]


def _status_kept(flt: Filter, state: int) -> bool:
    return status_matches(flt, "done" if is_done(state) else "open", STATES[state])


def _day_kept(flt: Filter, day: int) -> bool:
    return day_matches(flt, date.fromordinal(day))


def overdue_only(state: int, due: int, day: int, has_time: bool) -> bool:
    return False


class LazyRows(Sequence["Row"]):
    """Rows in order (positions of the agenda's events), each made when first looked at.

    ``states`` holds the state of each row that is not overdue.
    """

    def __init__(
        self, kept: list[int], states: dict[int, int], ledger: Ledger, agenda: Agenda, at: Moment
    ) -> None:
        self.kept = kept
        self.special = states
        self.ledger = ledger
        self.agenda = agenda
        self.at = at
        self.made: dict[int, Row] = {}
        self.missed: dict[int, tuple[int, date]] = {}  # event -> missed occurrences, last day

    def annotate(self, missed: dict[int, tuple[int, date]]) -> None:
        """Give the rows of these events how many occurrences of their duty were missed."""
        self.missed = missed
        self.made.clear()

    def __len__(self) -> int:
        return len(self.kept)

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> LazyRows: ...
    def __getitem__(self, i: int | slice) -> Row | LazyRows:
        if isinstance(i, slice):
            return self.subset(self.kept[i])
        p = self.kept[i]
        row = self.made.get(p)
        if row is None:
            row = self.made[p] = self._make(p)
        return row

    def __iter__(self) -> Iterator[Row]:
        for i in range(len(self.kept)):
            yield self[i]

    @property
    def states(self) -> list[str]:
        """Each row's state, without making the rows."""
        special = self.special
        return [STATES[special.get(p, OVERDUE)] for p in self.kept]

    def state_counts(self) -> dict[str, int]:
        """How many rows in each state, without making the rows."""
        tally = Counter(self.special[p] for p in self.kept if p in self.special)
        tally[OVERDUE] += len(self.kept) - sum(tally.values())
        return {STATES[s]: n for s, n in tally.items() if n}

    def facts(self, headings: Sequence[Sequence[str]]) -> list[RowFacts]:
        """Each row's facts for a digest, without making the rows; ``headings`` are those of
        each of the agenda's lists of units (``unit_headings``)."""
        special, agenda = self.special, self.agenda
        task, day, flags, units = agenda.task, agenda.day, agenda.flags, agenda.task_units
        return [
            RowFacts(
                task[p],
                special.get(p, OVERDUE),
                day[p],
                bool(flags[p] & OCCURRENCE),
                headings[units[task[p]]],
            )
            for p in self.kept
        ]

    def subset(self, kept: list[int]) -> LazyRows:
        rows = LazyRows(kept, self.special, self.ledger, self.agenda, self.at)
        rows.made, rows.missed = self.made, self.missed
        return rows

    def _make(self, p: int) -> Row:
        from giaoban.reports.rows import Row

        found = self.agenda.row(p, self.at)
        assert found is not None
        state, days, late_by = found
        n, k = self.agenda.place(self.agenda.task[p])
        task = self.ledger.notices[n].tasks[k]
        deadline = task.deadline
        assert isinstance(deadline, Deadline)
        flags = self.agenda.flags[p]
        occurrence = bool(flags & OCCURRENCE)
        due = occurrence_moment(deadline, self.agenda.due[p]) if occurrence else deadline.due
        name = STATES[state]
        missed, last = self.missed.get(p, (0, None))
        has_time = bool(flags & HAS_TIME)
        return Row(task, name, due, has_time, days, late_by, occurrence, missed, last)


def unit_headings(
    agenda: Agenda, ledger: Ledger, flt: Filter, nobody: list[str]
) -> list[tuple[str, ...]]:
    """The headings (``giaoban.reports.filters.heading_names``, else ``nobody``) of each of the
    agenda's lists of units, found once per list of owners."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    headings = []
    for owners, _ in agenda.units:
        names = found.get(owners)
        if names is None:
            names = found[owners] = tuple(heading_names(owners, ledger.registry, flt) or nobody)
        headings.append(names)
    return headings


def heading_groups(
    rows: LazyRows, ledger: Ledger, flt: Filter, nobody: list[str]
) -> dict[str, LazyRows]:
    """The rows under each owner heading (``giaoban.reports.rows.group_by_owner``);
    ``nobody`` heads the rows of tasks without an owner."""
    agenda = rows.agenda
    kept = rows.kept
    headings: dict[tuple[str, ...], int] = {}  # each distinct list of headings, numbered
    of_units = [
        headings.setdefault(names, len(headings))
        for names in unit_headings(agenda, ledger, flt, nobody)
    ]
    of_task = [of_units[u] for u in agenda.task_units]
    # Rows sorted by headings (a stable sort keeps each run in report order),
    # then each run given to its headings.
    keys = list(map(of_task.__getitem__, map(agenda.task.__getitem__, kept)))
    ranked = sorted(range(len(kept)), key=keys.__getitem__)
    ranked_keys = list(map(keys.__getitem__, ranked))
    groups: dict[str, list[int]] = {}
    merged: set[str] = set()
    for names, key in headings.items():
        run = ranked[bisect_left(ranked_keys, key) : bisect_right(ranked_keys, key)]
        if not run:
            continue
        positions = list(map(kept.__getitem__, run))
        for name in names:
            if name in groups:
                groups[name].extend(positions)
                merged.add(name)
            else:
                groups[name] = positions if len(names) == 1 else list(positions)
    return {
        name: rows.subset(sorted(found) if name in merged else found)
        for name, found in groups.items()
    }


def state_counts(rows: Sequence[Row]) -> dict[str, int]:
    """How many rows in each state; without making them for ``LazyRows``."""
    if isinstance(rows, LazyRows):
        return rows.state_counts()
    return dict(Counter(r.state for r in rows))
