"""Statistics of late work: the four-way status government reports use.

Every row (task, or occurrence of a recurring duty) whose due day falls in
the period counts once per owner unit, in one of ``CATEGORIES``, as it stood
at ``now``: done on time, done late, open and still in time, open and
overdue. Tasks without a resolvable deadline ("thường xuyên") fall due in no
period and are not counted; cancelled tasks are not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import MINYEAR, date, datetime, timedelta

from giaoban.model.errors import UsageError
from giaoban.model.ledger import Ledger
from giaoban.reports.dated import dated_rows, undated_tasks
from giaoban.reports.filters import NO_FILTER, Filter
from giaoban.reports.rows import NO_OWNER, local_now, unit_order
from giaoban.reports.rules import STATES

CATEGORIES = ("done_on_time", "done_late", "open_in_time", "open_overdue")
_CATEGORY = {
    "done_on_time": "done_on_time",
    "done_late": "done_late",
    "due_soon": "open_in_time",
    "upcoming": "open_in_time",
    "ongoing": "open_in_time",
    "overdue": "open_overdue",
}
CHART_MONTHS = 6  # a single month is compared with the five before it
_MONTH = re.compile(r"(?P<y1>\d{4})-(?P<m1>\d{1,2})|(?P<m2>\d{1,2})/(?P<y2>\d{4})")


@dataclass(frozen=True)
class Counts:
    """How many rows fell in each category."""

    done_on_time: int = 0
    done_late: int = 0
    open_in_time: int = 0
    open_overdue: int = 0

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.open_in_time + self.open_overdue

    @property
    def late(self) -> int:
        """Late work: done late plus still open past due."""
        return self.done_late + self.open_overdue

    def get(self, category: str) -> int:
        return int(getattr(self, category))

    def percent(self, category: str) -> float:
        """Share of ``category`` in the total, 0-100 (0 when there is nothing)."""
        return 100.0 * self.get(category) / self.total if self.total else 0.0


@dataclass(frozen=True)
class StatsReport:
    """Counts per owner unit over the period, in total, and month by month."""

    now: datetime
    start: date
    end: date
    units: tuple[tuple[str, Counts], ...]
    total: Counts
    months: tuple[tuple[date, Counts], ...]
    office: str | None = None
    # the open tasks whose deadline cannot be computed yet, by id (``dated.undated_tasks``)
    unresolved: tuple[str, ...] = ()

    @property
    def single_month(self) -> bool:
        return self.start.day == 1 and self.end == month_end(self.start)


def category(state: str) -> str | None:
    """The stats category of a row state (None for a cancelled row)."""
    return _CATEGORY.get(state)


def month_end(first: date) -> date:
    """The last day of the month of ``first``."""
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month of ``day``, ``back`` months earlier.

    Raises:
        OverflowError: that month is before the calendar's first (year 1), as date
            arithmetic past the calendar's ends does.
    """
    year, month = divmod(day.year * 12 + day.month - 1 - back, 12)
    if year < MINYEAR:
        raise OverflowError(f"month before the year {MINYEAR}")
    return date(year, month + 1, 1)


def chart_months(start: date, end: date) -> list[date]:
    """The months the chart compares: those of the period, or the month and five before."""
    first = month_start(start)
    if first == month_start(end):
        first = month_start(start, CHART_MONTHS - 1)
    months = []
    while first <= end:
        months.append(first)
        first = month_start(month_end(first) + timedelta(days=1))
    return months


def stats_report(
    ledger: Ledger, now: datetime, start: date, end: date, flt: Filter = NO_FILTER
) -> StatsReport:
    """Count the rows due from ``start`` to ``end`` (inclusive) per unit and per month.

    Args:
        ledger: the loaded ledger.
        now: the moment states are taken at.
        start: first day of the period.
        end: last day of the period.
        flt: units, notices and statuses to keep (its dates are ignored).
    """
    now = local_now(ledger, now)
    months = chart_months(start, end)
    flt = replace(flt, date_from=months[0], date_to=end)
    limit = datetime.combine(end + timedelta(days=2), datetime.min.time(), tzinfo=now.tzinfo)
    first = datetime.combine(months[0], datetime.min.time(), tzinfo=now.tzinfo)
    rows = _counted(ledger, flt, now, limit, first)
    in_period = [r for r in rows if start <= r[1] <= end]
    return StatsReport(
        now=now,
        start=start,
        end=end,
        units=_per_unit(in_period, ledger),
        total=_count(in_period),
        months=tuple((m, _count(r for r in rows if _in_month(r, m))) for m in months),
        office=ledger.settings.office,
        unresolved=undated_tasks(ledger, flt, now),
    )


# A row as counted: its state, its due day and the units it is counted under.
Counted = tuple[str, date, Sequence[str]]


def _counted(
    ledger: Ledger, flt: Filter, now: datetime, limit: datetime, first: datetime
) -> list[Counted]:
    """The rows due from ``first`` to before ``limit``, as counted, without reading a record."""
    rows = dated_rows(ledger, flt, now, limit, lambda *_: True, first - timedelta(days=1))
    facts = rows.facts(flt, [NO_OWNER])
    return [
        (STATES[state], date.fromordinal(day), headings)
        for state, day, headings in zip(facts.state, facts.day, facts.headings, strict=True)
    ]


def _in_month(row: Counted, first: date) -> bool:
    return first <= row[1] <= month_end(first)


def _count(rows: Iterable[Counted]) -> Counts:
    tally = Counter(category(state) for state, _, _ in rows)
    return Counts(**{c: tally[c] for c in CATEGORIES})


def _per_unit(rows: list[Counted], ledger: Ledger) -> tuple[tuple[str, Counts], ...]:
    by_unit: dict[str, list[Counted]] = {}
    for row in rows:
        for unit in row[2]:
            by_unit.setdefault(unit, []).append(row)
    return tuple((unit, _count(by_unit[unit])) for unit in unit_order(ledger, by_unit))


def stats_period(
    today: date, month: str | None, date_from: date | None, date_to: date | None
) -> tuple[date, date]:
    """The period of ``giaoban stats``: ``--month``, or ``--from``/``--to``, else this month.

    A missing ``--to`` is today; a missing ``--from`` is the first day of the
    month of ``--to``.

    Raises:
        UsageError: ``--month`` with ``--from``/``--to``, a bad month, or from after to.
    """
    if month is not None:
        if date_from is not None or date_to is not None:
            raise UsageError("dùng --month hoặc --from/--to, không dùng cả hai")
        first = parse_month(month)
        return first, month_end(first)
    if date_from is None and date_to is None:
        first = month_start(today)
        return first, month_end(first)
    end = date_to or today
    start = date_from or month_start(end)
    if start > end:
        raise UsageError(f"--from {start:%d/%m/%Y} sau --to {end:%d/%m/%Y}")
    return start, end


def parse_month(text: str) -> date:
    """ "2022-03" or "03/2022" as the first day of that month."""
    match = _MONTH.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"tháng '{text}' không hợp lệ; viết YYYY-MM (2022-03) hoặc MM/YYYY")
    year = int(match["y1"] or match["y2"])
    month = int(match["m1"] or match["m2"])
    if not 1 <= month <= 12:
        raise UsageError(f"tháng '{text}' không hợp lệ: tháng {month} không có")
    if year < MINYEAR:
        raise UsageError(f"tháng '{text}' không hợp lệ: năm {year} không có")
    return date(year, month, 1)
