"""Reports as values: the rows of tasks, each with its state at a given moment.

Every function here is pure: it takes the ledger and ``now`` and returns
records; renderers (``render_reports``, ``formats``, ``calendar``) show them.

A row is a task, or one occurrence of a recurring duty, with its due moment
and one state of ``STATES``. Tasks are seen as they stood at ``now``: a task
marked done (or cancelled) after ``now`` is still open, so a report with a
past ``--today`` shows what was late on that day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from giaoban.deadline.context import midnight
from giaoban.deadline.workdays import is_day_off, is_working_day
from giaoban.model.card import Card
from giaoban.model.facts import (
    resolved_deadline,
    task_facts,
)
from giaoban.model.ids import ShortIds
from giaoban.model.ledger import Ledger, Task
from giaoban.model.shown import search_needle, shown_text
from giaoban.reports import rules
from giaoban.reports.current import CurrentRows, current_rows
from giaoban.reports.dated import (
    DatedRows,
    Wanted,
    calendars,
    dated_rows,
    ledger_index,
    overdue_only,
    task_filter,
    undated_tasks,
)
from giaoban.reports.digest import Digest, RowFacts, backlog_cut, digest
from giaoban.reports.filters import (
    NO_FILTER,
    Filter,
    day_matches,
    status_matches,
)
from giaoban.reports.row import Row, row_status
from giaoban.reports.rules import (
    CANCELLED,
    STATES,
    Moment,
    WeekBounds,
    in_due_window,
)

NO_OWNER = "(Chưa giao đơn vị chủ trì)"
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Week:
    """The week a weekly report covers, its cut-off, and what it lists as due.

    The cut-off (``week_cutoff``, Friday 14h00 by default) names the report's
    week: once it has passed, the report is next week's. The report lists what
    falls due by ``due_by``, whatever the form of the deadline (a clock time, a
    whole day, a period): by default the end of ``last_day``, the week's Sunday,
    so that nothing falling due before the next report waits for it ("trong tuần
    16" belongs to the report of week 16, and so does Saturday 08:00). ``--until``
    sets both the cut-off and ``due_by``: the end of a day, or a moment.
    """

    year: int
    number: int
    monday: date
    cutoff: datetime
    last_day: date
    due_by: datetime
    cutoff_has_time: bool = True
    moved_from: date | None = None  # the cut-off's day by the settings, when that is a day off

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


@dataclass(frozen=True)
class Report:
    """What a row report computed: its rows, and how to name them."""

    kind: str  # due | overdue | week | list | search
    now: datetime
    rows: Sequence[Row]  # a tuple, or for a dated report its rows made when looked at
    short_ids: Mapping[str, str] = field(default_factory=dict)
    show_confidential: bool = False
    office: str | None = None
    days: int | None = None
    week: Week | None = None
    groups: tuple[tuple[str, Sequence[Row]], ...] = ()
    query: str | None = None
    digest: Digest | None = None  # what a reader sees of a dated report (reports.digest)
    counted: int = 0  # rows not in ``rows``: only counted in the digest's backlog
    # the open tasks of a dated report's units and notices whose deadline cannot be computed
    # yet (no row: their event has no date), by id (``dated.undated_tasks``); None for
    # ``list`` and ``search``, which have a row for them
    unresolved: tuple[str, ...] | None = None

    @property
    def empty(self) -> bool:
        """Whether the report has no row at all (listed or only counted)."""
        return not self.rows and not self.counted

    def text(self, row: Row) -> str:
        """The row's task text, "(mật)" for a confidential notice unless shown."""
        return shown_text(row.card, self.show_confidential)

    def short_id(self, task: Task | Card) -> str:
        return short_task_id(self.short_ids, task)

    def counts(self) -> dict[str, int]:
        """How many rows in each state, in ``STATES`` order (zeros left out)."""
        rows = self.rows
        if isinstance(rows, DatedRows | CurrentRows):  # without making the rows
            tally = rows.state_counts()
        else:
            tally = Counter(r.state for r in rows)
        return {s: tally[s] for s in (*STATES, CANCELLED) if tally.get(s)}


def local_now(ledger: Ledger, now: datetime) -> datetime:
    """``now`` in the office's time zone (dates are counted there)."""
    return now.astimezone(ZoneInfo(ledger.settings.timezone))


def short_notice_ids(ledger: Ledger) -> Mapping[str, str]:
    """The shortest unique prefix of each notice id (``giaoban.model.ids.ShortIds``)."""
    return ShortIds(ledger.notice_ids())


def short_task_id(short_ids: Mapping[str, str], task: Task | Card) -> str:
    """ "2019-02-18#3": the task id with its notice's short prefix."""
    return f"{short_ids.get(task.notice_id, task.notice_id)}#{task.item}"


# --- task state at a moment -------------------------------------------------------


def status_at(task: Task, now: datetime) -> str:
    """The task's status as it stood at ``now`` (done or cancelled later: open)."""
    facts = task_facts(task, resolved_deadline(task), _zone(now))
    return rules.status_name(facts, Moment.of(now))


def _zone(now: datetime) -> ZoneInfo:
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else ZoneInfo("UTC")


def done_day(task: Task) -> date | None:
    """The day ``done_on`` names (None when not given)."""
    done = task.done_on
    return done.date() if isinstance(done, datetime) else done


# --- selecting and ordering ---------------------------------------------------------


def build_report(
    ledger: Ledger, kind: str, now: datetime, rows: Iterable[Row], **kw: Any
) -> Report:
    """A report of ``rows``, in the order given."""
    return Report(
        kind=kind,
        now=now,
        rows=rows if isinstance(rows, DatedRows | CurrentRows) else tuple(rows),
        short_ids=short_notice_ids(ledger),
        office=ledger.settings.office,
        **kw,
    )


def digested(
    report: Report, rows: DatedRows, ledger: Ledger, flt: Filter, list_all: bool
) -> Report:
    """``report`` with its digest: this week (or window) first, then late, then the backlog."""
    facts = rows.facts(flt, [NO_OWNER])
    found = digest(
        facts,
        report.now.date(),
        _backlog_days(ledger),
        list_all,
        lambda names: unit_order(ledger, names),
    )
    rows.annotate(found.missed)
    report = replace(report, digest=found, counted=rows.counted_rows)
    if report.week is not None:
        report = replace(report, groups=group_by_owner(rows, facts, ledger))
    return report


def _backlog_days(ledger: Ledger) -> int:
    return max(0, ledger.settings.backlog_days)


def _counted_before(ledger: Ledger, now: datetime, list_all: bool, every_row: bool) -> int | None:
    """The due day before which a report's late one-off tasks are only counted (in its
    digest's backlog), or None when every row is made: machine formats list every row
    (``every_row``), and ``--all`` lists every late line."""
    if every_row or list_all:
        return None
    return backlog_cut(now.date(), _backlog_days(ledger))


def due_report(
    ledger: Ledger,
    now: datetime,
    days: int = 7,
    flt: Filter = NO_FILTER,
    show: bool = False,
    list_all: bool = False,
    every_row: bool = True,
) -> Report:
    """Open tasks already late, then those due within ``days`` days, soonest first
    (``every_row``: False when only the digest is shown, see ``_counted_before``)."""
    now = local_now(ledger, now)
    horizon = now.date() + timedelta(days=days)
    end = midnight(horizon + timedelta(days=2), now.tzinfo)  # whole days end a day later
    last = horizon.toordinal()

    def wanted(state: int, due: int, day: int) -> bool:
        return in_due_window(state, day, last)

    counted = _counted_before(ledger, now, list_all, every_row)
    rows = dated_rows(ledger, flt, now, end, wanted, counted_before=counted)
    report = build_report(
        ledger,
        "due",
        now,
        rows,
        days=days,
        show_confidential=show,
        unresolved=undated_tasks(ledger, flt, now, rows),
    )
    return digested(report, rows, ledger, flt, list_all)


def overdue_report(
    ledger: Ledger,
    now: datetime,
    flt: Filter = NO_FILTER,
    show: bool = False,
    list_all: bool | None = False,
    duties_only: bool = False,
    every_row: bool = True,
) -> Report:
    """Open tasks past due, most late first (``list_all`` None: the rows alone, no digest;
    ``duties_only``: only the missed occurrences of recurring duties; ``every_row``: False
    when only the digest is shown, see ``_counted_before``)."""
    now = local_now(ledger, now)
    end = now + _MINUTE
    counted = None if list_all is None else _counted_before(ledger, now, list_all, every_row)
    rows = dated_rows(
        ledger, flt, now, end, overdue_only, duties_only=duties_only, counted_before=counted
    )
    report = build_report(
        ledger,
        "overdue",
        now,
        rows,
        show_confidential=show,
        unresolved=undated_tasks(ledger, flt, now, rows),
    )
    return report if list_all is None else digested(report, rows, ledger, flt, list_all)


def report_week(
    now: datetime,
    cutoff: tuple[int, time],
    next_weeks: int = 0,
    until: date | datetime | None = None,
    working: Callable[[date], bool] | None = None,
    day_off: Callable[[date], bool] | None = None,
) -> Week:
    """The week a weekly report made at ``now`` covers.

    By default the ISO week of ``now``, or the first one after it whose cut-off
    is still ahead; ``next_weeks`` moves it on. ``until`` (a moment, or a whole
    day) replaces the cut-off and names the week it falls in. With ``working``,
    a cut-off that falls on a day off (``day_off``: a public holiday, the
    office's own; by default any day not ``working``) moves to the working day
    before it, at the same time.
    """
    tz = now.tzinfo
    if isinstance(until, datetime):
        moment = until.astimezone(tz) if until.tzinfo else until.replace(tzinfo=tz)
        return _week(moment.date(), moment, moment.date(), moment, True)
    if isinstance(until, date):
        end = midnight(until + timedelta(days=1), tz)
        return _week(until, end, until, end, False)
    weekday, at = cutoff
    monday = now.date() - timedelta(days=now.weekday())
    # a cut-off moved off a day off may fall in the week before its own (Tết): such a week's
    # report is made once its cut-off has passed, so it is skipped too
    while now >= datetime.combine(_cutoff_day(monday, weekday, working, day_off)[0], at, tz):
        monday += timedelta(days=7)
    monday += timedelta(days=7 * next_weeks)
    day, moved_from = _cutoff_day(monday, weekday, working, day_off)
    moment = datetime.combine(day, at, tzinfo=tz)
    sunday = monday + timedelta(days=6)
    week = _week(monday, moment, sunday, midnight(sunday + timedelta(days=1), tz), True)
    return replace(week, moved_from=moved_from)


def _cutoff_day(
    monday: date,
    weekday: int,
    working: Callable[[date], bool] | None,
    day_off: Callable[[date], bool] | None = None,
) -> tuple[date, date | None]:
    """The cut-off's day of the week of ``monday``, and the day it was moved from.

    The day the office chose is worked even on a weekend: only a ``day_off`` moves it.
    """
    day = monday + timedelta(days=weekday)
    if working is None or not (day_off(day) if day_off else not working(day)):
        return day, None
    before = day
    for _ in range(7):
        before -= timedelta(days=1)
        if working(before):
            return before, day
    return day, None  # no working day in the week before it: keep it


def _week(day: date, cutoff: datetime, last_day: date, due_by: datetime, has_time: bool) -> Week:
    year, number, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Week(year, number, monday, cutoff, last_day, due_by, has_time)


def week_bounds(week: Week) -> WeekBounds:
    return WeekBounds(int(week.due_by.timestamp()), week.monday.toordinal())


def _in_week(week: Week) -> Wanted:
    """``giaoban.reports.rules.in_week`` for the week ``week``."""
    bounds = week_bounds(week)

    def wanted(state: int, due: int, day: int) -> bool:
        return rules.in_week(state, due, day, bounds)

    return wanted


def week_report(
    ledger: Ledger,
    now: datetime,
    flt: Filter = NO_FILTER,
    next_weeks: int = 0,
    until: date | datetime | None = None,
    show: bool = False,
    list_all: bool = False,
    every_row: bool = True,
) -> Report:
    """The weekly report: what falls due in the week (``Week.due_by``), by owner, and
    what is late
    (``every_row``: False when only the digest is shown, see ``_counted_before``)."""
    now = local_now(ledger, now)
    settings = ledger.settings
    deadline_settings = settings.deadline_settings()
    days_off = calendars(ledger)
    working = (
        None
        if settings.keep_cutoff_on_days_off
        else (lambda day: is_working_day(day, deadline_settings, days_off))
    )
    week = report_week(
        now,
        settings.cutoff(),
        next_weeks,
        until,
        working,
        lambda day: is_day_off(day, deadline_settings, days_off),
    )
    end = week.due_by + _MINUTE
    done_from = midnight(week.monday, now.tzinfo)
    counted = _counted_before(ledger, now, list_all, every_row)
    rows = dated_rows(ledger, flt, now, end, _in_week(week), done_from, counted_before=counted)
    report = build_report(
        ledger,
        "week",
        now,
        rows,
        week=week,
        show_confidential=show,
        unresolved=undated_tasks(ledger, flt, now, rows),
    )
    return digested(report, rows, ledger, flt, list_all)


def group_by_owner(
    rows: DatedRows, facts: RowFacts, ledger: Ledger
) -> tuple[tuple[str, Sequence[Row]], ...]:
    """Rows under each owner unit (their ``facts``' headings), in the registry's order;
    a row may head several."""
    groups: dict[str, list[int]] = {}
    for i, headings in enumerate(facts.headings):
        for unit in headings:
            groups.setdefault(unit, []).append(i)
    return tuple((name, rows.subset(groups[name])) for name in unit_order(ledger, groups))


def unit_order(ledger: Ledger, names: Iterable[str]) -> list[str]:
    """``names`` in the registry's order (units, then groups), others after, then none."""
    order = [u.name for u in ledger.registry.units] + [g.name for g in ledger.registry.groups]
    rank = {name: i for i, name in enumerate(order)}

    def key(name: str) -> tuple[int, str]:
        return (rank.get(name, len(rank) + (name == NO_OWNER)), name)

    return sorted(names, key=key)


def list_report(
    ledger: Ledger,
    now: datetime,
    flt: Filter = NO_FILTER,
    show: bool = False,
    query: str | None = None,
) -> Report:
    """Every task (one row each, in file order) that ``flt`` and ``query`` keep.

    Cancelled tasks only when ``--status`` asks for them.
    """
    now = local_now(ledger, now)
    index = ledger_index(ledger)
    needle = None if query is None else search_needle(query, ledger.notice_ids)
    found = index.task_ids(needle, show)
    keep = task_filter(ledger, index, flt)
    tids = [tid for tid, uid, nid in found if keep is None or keep(uid, nid)]
    kept = [
        row
        for row in current_rows(index, tids, now, ledger.settings.timezone)
        if (row.state != CANCELLED or flt.statuses)
        and status_matches(flt, row_status(row.state), row.state)
        and day_matches(flt, row.day)
    ]
    kind = "list" if query is None else "search"
    rows = CurrentRows(kept, index)
    return build_report(ledger, kind, now, rows, show_confidential=show, query=query)
