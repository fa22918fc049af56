"""The rows of the dated reports (due, overdue, week, stats), selected through the index.

The index (``giaoban.store.index``) gives the due events of a date range with
their tasks' facts, in report order; ``giaoban.reports.rules.row_state`` gives
each its state at "now", and a report keeps those it wants. A row becomes a
``Row``, with its task's card (``giaoban.model.card``) as the index keeps it,
only when it is looked at (``DatedRows``): no report reads a notice's record
to show its rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import overload

from giaoban.deadline.context import zone
from giaoban.deadline.workdays import Calendars, year_calendar
from giaoban.model.facts import HAS_TIME, NEVER, OCCURRENCE, OPEN, OPEN_FACTS, Facts
from giaoban.model.ledger import Ledger, Task
from giaoban.reports.digest import RowFacts
from giaoban.reports.filters import Filter, day_matches, heading_names, status_matches, unit_names
from giaoban.reports.row import Cards, Row, row_status
from giaoban.reports.rules import (
    OVERDUE,
    STATES,
    UNRESOLVED,
    Found,
    Moment,
    row_state,
    status_at,
    status_name,
)
from giaoban.store.index import Counted, Event, Index, IndexedNotices

# What a report keeps of a row besides what is overdue: (state, due, due day) -> keep?
Wanted = Callable[[int, int, int], bool]
# A row's (state, days to the due day, days late), and a row kept: its event and that
Hit = tuple[Event, Found]
# A row's state (None: no row of the report), and whether the filter lists it
Decided = tuple[Found | None, bool]
NO_NOTICE = -1  # a notice no filter names (``task_filter``'s ``keep`` without notices)


def ledger_index(ledger: Ledger) -> Index:
    """The index the ledger was loaded through, else one made in memory from its records."""
    if isinstance(ledger.notices, IndexedNotices):
        return ledger.notices.store
    return Index.of_notices(ledger.notices, zone(ledger.settings.timezone))


def calendars(ledger: Ledger) -> Calendars:
    """Where the days off of a year come from: the index the ledger was loaded through,
    which keeps them, else the ``holidays`` package."""
    if isinstance(ledger.notices, IndexedNotices):
        return ledger.notices.store.calendar
    return year_calendar


def dated_rows(
    ledger: Ledger,
    flt: Filter,
    now: datetime,
    end: datetime,
    wanted: Wanted,
    done_from: datetime | None = None,
    duties_only: bool = False,
    counted_before: int | None = None,
) -> DatedRows:
    """The rows due before ``end`` that ``wanted`` and ``flt`` keep, soonest first.

    Every dated report lists what is overdue: ``wanted`` is asked only about
    other rows. Done rows due before ``done_from`` (None: any) are not wanted.
    With ``duties_only``, only the occurrences of recurring duties.

    ``counted_before`` (an ordinal day): the overdue rows of tasks still open due on
    an earlier day are counted rather than made rows, since a digest
    (``giaoban.reports.digest``) needs no more of them: a one-off task's by owners
    (``DatedRows.counted``, all in the backlog), a duty's by task except its
    latest, a row for the duty's line (``DatedRows.more_missed``). Their state is
    decided as any other row's, once per due moment; when one of those moments gives
    a row another state, every row is made.
    """
    index = ledger_index(ledger)
    end_s = int(end.timestamp())
    beyond = index.past_horizon(end_s)
    if beyond:  # duties without an end, asked about past the years the index lists
        index.extend(beyond, end_s, zone(ledger.settings.timezone))
    at = Moment.of(now)
    first_done = end_s if done_from is None else int(done_from.timestamp())
    keep = task_filter(ledger, index, flt)
    settled = {tid: Facts(*found) for tid, found in index.settled_facts().items()}

    def decide(facts: Facts, due: int, day: int, flags: int) -> Decided:
        """The row's (state, days, late by), None when the report has no such row; and
        whether the filter's statuses and days list it. A row they leave out still
        counts: a duty's missed occurrences are facts of the duty (``rules.missed``)."""
        found = row_state(facts, due, day, flags, at)
        if found is None:
            return None, False
        state = found[0]
        if state != OVERDUE and not wanted(state, due, day):
            return None, False
        if flt.statuses and not _status_kept(flt, state):
            return found, False
        if flt.has_dates and not day_matches(flt, date.fromordinal(day)):
            return found, False
        return found, True

    # A task still open has the same facts as any other open task: what is decided
    # for one of its events holds for every event due at that moment with those flags.
    open_tasks: dict[tuple[int, int, int], Decided] = {}
    must = OCCURRENCE if duties_only else 0
    counted = None
    if counted_before is not None and not flt.notices:  # counted by list of units alone
        counted = Counted(counted_before, OCCURRENCE, NEVER)
        for key in index.counted_keys(at.now, end_s, first_done, must, counted):
            found, shown = open_tasks[key] = decide(OPEN_FACTS, *key)
            if found is None or not shown or found[0] != OVERDUE:
                counted = None
                break
    sums: list[tuple[tuple[str, ...], int, int]] = []
    if counted is not None and keep is None:
        sums = index.count_events(at.now, end_s, first_done, must, counted, by_uid=False)
    elif counted is not None and keep is not None:  # by list of units, for the filter
        found_uids = index.count_events(at.now, end_s, first_done, must, counted, True)
        lists = index.unit_lists(uids=[uid for uid, _, _ in found_uids])
        sums = [(lists[u][0], n, first) for u, n, first in found_uids if keep(u, NO_NOTICE)]
    events, left_out = index.events(at.now, end_s, first_done, must, counted)
    hits: list[Hit] = []
    unlisted: dict[int, tuple[int, int]] = {}  # by duty: missed rows the filter leaves out
    for event in events:
        if keep is not None and not keep(event[4], event[5]):
            continue
        facts = settled.get(event[3])
        if facts is None:
            key = event[:3]
            if key in open_tasks:
                found, shown = open_tasks[key]
            else:
                found, shown = open_tasks[key] = decide(OPEN_FACTS, *key)
        else:
            found, shown = decide(facts, event[0], event[1], event[2])
        if found is None:
            continue
        if shown:
            hits.append((event, found))
        elif found[0] == OVERDUE and event[2] & OCCURRENCE:
            n, last = unlisted.get(event[3], (0, 0))
            unlisted[event[3]] = (n + 1, max(last, event[1]))
    listed = {event[3] for event, _ in hits} if left_out else set()
    more = {tid: missed for tid, missed in left_out.items() if tid in listed}

    def status_of(tid: int) -> str:
        return status_name(settled.get(tid, OPEN_FACTS), at)

    rows = DatedRows(
        hits, ledger, index, status_of, counted=sums, more_missed=more, unlisted_missed=unlisted
    )
    rows.keep = keep
    return rows


def undated_tasks(
    ledger: Ledger, flt: Filter, now: datetime, rows: DatedRows | None = None
) -> tuple[str, ...]:
    """The ids of the open tasks whose deadline cannot be computed yet (counted from an
    event with no date: ``giaoban.model.card.Timing.undated``) that the unit, notice and
    status parts of ``flt`` keep (not its due days: they have none), in the ledger's
    order. A dated report has no row for them and says how many there are
    (``rules``: ``unresolved``). ``rows``: the report's rows, made with ``flt``, whose
    unit and notice filter serves here too."""
    if not status_matches(flt, "open", STATES[UNRESOLVED]):
        return ()
    index = ledger_index(ledger)
    keep = task_filter(ledger, index, flt) if rows is None else rows.keep
    at = Moment.of(now)
    return tuple(
        f"{notice}#{item}"
        for notice, item, uid, nid, status, since in index.undated_tasks()
        if status_at(Facts(status, since, 0, 0, 0), at) == OPEN and (keep is None or keep(uid, nid))
    )


def task_filter(ledger: Ledger, index: Index, flt: Filter) -> Callable[[int, int], bool] | None:
    """Whether the unit and notice parts of ``flt`` keep a task, by its list of units and
    its notice in the index (None: all)."""
    if not flt.units and not flt.notices:
        return None
    ids = index.notice_ids() if flt.notices else {}
    kept = {
        uid: not flt.units or bool(unit_names(owners, supports, ledger.registry, flt) & flt.units)
        for uid, (owners, supports) in index.unit_lists().items()
    }

    def keep(uid: int, nid: int) -> bool:
        if flt.notices and ids.get(nid) not in flt.notices:
            return False
        return kept.get(uid, False)

    return keep


def _status_kept(flt: Filter, state: int) -> bool:
    return status_matches(flt, row_status(STATES[state]), STATES[state])


def overdue_only(state: int, due: int, day: int) -> bool:
    return False


class DatedRows(Sequence[Row]):
    """The rows of a dated report in order, each made (with its card) when looked at.

    ``kept`` are the positions in ``hits`` of these rows: the rows under one unit
    share the report's hits, the rows already made and what was missed.

    ``status_of`` gives a task's status at the report's "now" (``rules.status_name``),
    by task; ``counted``: the rows of one-off tasks only counted (``dated_rows``'
    ``counted_before``), as (their owners, how many, the earliest due day);
    ``more_missed``: how many missed occurrences of a duty were only counted, and the
    earliest one's due day, by task; ``unlisted_missed``: how many the filter's statuses
    and days do not list, and the latest one's due day, by task (missed all the same).
    """

    def __init__(
        self,
        hits: list[Hit],
        ledger: Ledger,
        index: Index,
        status_of: Callable[[int], str],
        kept: Sequence[int] | None = None,
        counted: Sequence[tuple[tuple[str, ...], int, int]] = (),
        more_missed: Mapping[int, tuple[int, int]] | None = None,
        unlisted_missed: Mapping[int, tuple[int, int]] | None = None,
    ) -> None:
        self.hits = hits
        # the report's unit and notice filter (``task_filter``), for what it lists beside
        self.keep: Callable[[int, int], bool] | None = None
        self.status_of = status_of
        self.counted = counted
        self.more_missed = more_missed or {}
        self.unlisted_missed = unlisted_missed or {}
        self.kept = range(len(hits)) if kept is None else kept
        self.ledger = ledger
        self.store = index
        self.made: dict[int, Row] = {}  # by position in ``hits``
        self.cards = Cards(index)
        self.missed: dict[int, tuple[int, date]] = {}  # hit -> missed occurrences, last day

    def annotate(self, missed: dict[int, tuple[int, date]]) -> None:
        """Give the rows (by position) how many occurrences of their duty were missed, and
        the due day of the last one."""
        self.missed.clear()
        self.missed.update((self.kept[i], found) for i, found in missed.items())
        self.made.clear()

    def __len__(self) -> int:
        return len(self.kept)

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> DatedRows: ...
    def __getitem__(self, i: int | slice) -> Row | DatedRows:
        if isinstance(i, slice):
            return self.subset(range(len(self.kept))[i])
        p = self.kept[i]
        row = self.made.get(p)
        if row is None:
            row = self.made[p] = self._make(i)
        return row

    def __iter__(self) -> Iterator[Row]:
        hits, kept = self.hits, self.kept
        self.cards.read_all(hits[p][0][3] for p in kept)
        for i in range(len(kept)):
            yield self[i]

    @property
    def states(self) -> list[str]:
        """Each row's state, without making the rows."""
        hits = self.hits
        return [STATES[hits[p][1][0]] for p in self.kept]

    def state_counts(self) -> dict[str, int]:
        """How many rows in each state, without making the rows."""
        return dict(Counter(self.states))

    def task_facts(self, rows: Sequence[int]) -> list[Facts]:
        """The facts of the tasks of the rows ``rows``, without reading their records."""
        tids = [self.hits[self.kept[i]][0][3] for i in rows]
        found = self.store.facts(tids)
        return [Facts(*found[tid]) for tid in tids]

    @property
    def counted_rows(self) -> int:
        """How many rows were only counted (``counted``, ``more_missed``)."""
        counted = sum(tasks for _, tasks, _ in self.counted)
        return counted + sum(n for n, _ in self.more_missed.values())

    def facts(self, flt: Filter, nobody: list[str]) -> RowFacts:
        """The rows' facts for a digest, without making the rows: their tasks, states, due
        days, whether occurrences, and the owner headings each is listed under (``nobody``
        for a task without an owner); and the rows only counted, with their headings."""
        registry = self.ledger.registry
        whole = self.kept == range(len(self.hits))
        hits = self.hits if whole else [self.hits[p] for p in self.kept]
        by_owners: dict[tuple[str, ...], tuple[str, ...]] = {}

        def heading(names: tuple[str, ...]) -> tuple[str, ...]:
            if names not in by_owners:
                by_owners[names] = tuple(heading_names(names, registry, flt) or nobody)
            return by_owners[names]

        lists = self.store.unit_lists(uids={event[4] for event, _ in hits})
        headings = {uid: heading(owners) for uid, (owners, _) in lists.items()}
        return RowFacts(
            task=[event[3] for event, _ in hits],
            state=[found[0] for _, found in hits],
            day=[event[1] for event, _ in hits],
            occurrence=[bool(event[2] & OCCURRENCE) for event, _ in hits],
            headings=[headings[event[4]] for event, _ in hits],
            counted=[(heading(owners), tasks, first) for owners, tasks, first in self.counted],
            more_missed=self.more_missed,
            unlisted_missed=self.unlisted_missed,
        )

    def subset(self, positions: Sequence[int]) -> DatedRows:
        """The rows at ``positions``, in that order."""
        kept = [self.kept[i] for i in positions]
        rows = DatedRows(self.hits, self.ledger, self.store, self.status_of, kept)
        rows.made, rows.missed, rows.cards = self.made, self.missed, self.cards
        return rows

    def task(self, i: int) -> Task:
        """The task of row ``i``, read from its notice's record."""
        event = self.hits[self.kept[i]][0]
        return self.store.record(event[5]).tasks[event[6]]

    def _make(self, i: int) -> Row:
        p = self.kept[i]
        (due_s, _, flags, tid, _, _, _), (state, days, late_by) = self.hits[p]
        kept, hits = self.kept, self.hits
        card = self.cards.card(tid, lambda: (hits[kept[j]][0][3] for j in range(i, len(kept))))
        occurrence = bool(flags & OCCURRENCE)
        due = card.due_moment(due_s, occurrence)
        missed, last = self.missed.get(p, (0, None))
        has_time = bool(flags & HAS_TIME)
        status = self.status_of(tid)
        return Row(
            card, STATES[state], status, due, has_time, days, late_by, occurrence, missed, last
        )
