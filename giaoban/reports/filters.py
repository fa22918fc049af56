"""Filters shared by every report: unit, notice, status, date range, text.

A ``Filter`` is built once from the command line (names resolved against the
registry, notice prefixes resolved to ids) and then tested against tasks and
rows. Unit names match on their fold (no case, no diacritics); a group stands
for itself and its members, on both sides, so ``--unit "Ban Tổ chức"`` finds
the tasks given to "Các ban, đơn vị khối phong trào" too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from giaoban.model.errors import NotFoundError, UsageError
from giaoban.model.ids import resolve_notice
from giaoban.model.ledger import Ledger, Task
from giaoban.model.text import fold
from giaoban.model.units import Registry
from giaoban.reports.rules import STATES
from giaoban.store.index import IndexedNotices

TASK_STATUSES = ("open", "done", "cancelled")
ROW_STATES = STATES
STATUS_CHOICES = (*TASK_STATUSES, *ROW_STATES)


@dataclass(frozen=True)
class Filter:
    """What to keep. Empty fields keep everything."""

    units: frozenset[str] = frozenset()  # folded names, groups expanded
    owners_only: bool = False
    notices: frozenset[str] = frozenset()  # notice ids
    statuses: frozenset[str] = frozenset()  # task statuses and/or row states
    date_from: date | None = None
    date_to: date | None = None

    @property
    def has_dates(self) -> bool:
        return self.date_from is not None or self.date_to is not None


NO_FILTER = Filter()


def build_filter(
    ledger: Ledger,
    units: Sequence[str] = (),
    owners_only: bool = False,
    notices: Sequence[str] = (),
    statuses: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> Filter:
    """Resolve the command line's names into a ``Filter``.

    Raises:
        NotFoundError: a unit or notice that matches nothing.
        UsageError: an unknown status, or ``--from`` after ``--to``.
    """
    unknown = [s for s in statuses if s not in STATUS_CHOICES]
    if unknown:
        raise UsageError(
            f"trạng thái '{unknown[0]}' không hợp lệ; chọn một trong: {', '.join(STATUS_CHOICES)}"
        )
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from:%d/%m/%Y} sau --to {date_to:%d/%m/%Y}")
    folded: set[str] = set()
    for name in units:
        folded |= _unit_query(ledger, name)
    ids = frozenset(resolve_notice(ledger, q).id for q in notices)
    return Filter(frozenset(folded), owners_only, ids, frozenset(statuses), date_from, date_to)


def _unit_query(ledger: Ledger, name: str) -> set[str]:
    """The folded names ``name`` stands for; an error when nothing is called that."""
    registry = ledger.registry
    found = registry.find(name)
    if found is not None:
        return {fold(n) for n in registry.expand(found)}
    if fold(name) in _written_units(ledger):
        return {fold(name)}
    nearest = registry.nearest(name)
    hint = f" (có phải '{nearest}'?)" if nearest else ""
    raise NotFoundError(f"không có đơn vị hay nhóm nào tên '{name}'{hint}")


def _written_units(ledger: Ledger) -> set[str]:
    """The folded names of every unit the tasks name; from the index's lists of owners and
    supports when the ledger was read through one (no record is read)."""
    notices = ledger.notices
    lists: Iterable[tuple[Sequence[str], Sequence[str]]] = (
        notices.store.unit_lists(used=True).values()
        if isinstance(notices, IndexedNotices)
        else ((t.owners, t.supports) for t in ledger.tasks())
    )
    return {fold(n) for owners, supports in lists for n in (*owners, *supports)}


def task_units(task: Task, registry: Registry, owners_only: bool = False) -> set[str]:
    """The folded names a task involves: its units, their groups' members."""
    return _folded_units(task.owners, task.supports, registry, owners_only)


def _folded_units(
    owners: Sequence[str], supports: Sequence[str], registry: Registry, owners_only: bool
) -> set[str]:
    names = owners if owners_only else (*owners, *supports)
    return {fold(n) for name in names for n in registry.expand(name)}


def unit_names(
    owners: Sequence[str], supports: Sequence[str], registry: Registry, flt: Filter
) -> set[str]:
    """The folded names ``flt.units`` is matched against, for these owners and supports."""
    return _folded_units(owners, supports, registry, flt.owners_only)


def task_matches(flt: Filter, task: Task, registry: Registry) -> bool:
    """The unit and notice parts of ``flt`` (those that do not depend on a row)."""
    if flt.notices and task.notice_id not in flt.notices:
        return False
    if flt.units and not (task_units(task, registry, flt.owners_only) & flt.units):
        return False
    return True


def status_matches(flt: Filter, status: str, state: str) -> bool:
    """``--status`` takes task statuses (open, done, cancelled) and row states."""
    return not flt.statuses or status in flt.statuses or state in flt.statuses


def day_matches(flt: Filter, day: date | None) -> bool:
    """``--from``/``--to`` keep rows whose due day is in the range (inclusive)."""
    if not flt.has_dates:
        return True
    if day is None:
        return False
    if flt.date_from is not None and day < flt.date_from:
        return False
    return flt.date_to is None or day <= flt.date_to


def heading_names(task_owners: Sequence[str], registry: Registry, flt: Filter) -> list[str]:
    """The owners a task with ``task_owners`` is listed under, as registered (canonical)
    names.

    With ``--unit``, only the owners the filter names (directly or through a
    group) head the task, unless none does (it matched as a supporting unit).
    """
    owners = [registry.canonical(o) or o for o in task_owners]
    owners = list(dict.fromkeys(owners))
    if flt.units:
        chosen = [o for o in owners if {fold(n) for n in registry.expand(o)} & flt.units]
        owners = chosen or owners
    return owners
