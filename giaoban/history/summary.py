"""``giaoban log --summary``: per unit, tasks added, done, cancelled and postponed.

Counts the events ``giaoban.history.story.read_history`` reads from git (one git
call), so a leader sees who keeps moving deadlines and by how many days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from giaoban.deadline import Deadline, DeadlineSettings, parse_deadline
from giaoban.history.story import Event, parse_version, version_tasks
from giaoban.model.ledger import Ledger, Task
from giaoban.model.text import fold
from giaoban.model.units import Registry

SUMMARY_KINDS = {
    "add-task": "added",
    "add-notice": "added",
    "done": "done",
    "cancel": "cancelled",
    "postpone": "postponed",
}
NO_UNIT = "(chưa giao đơn vị)"


@dataclass
class UnitSummary:
    """Counts of one unit over a period; ``days``: total days its deadlines moved."""

    unit: str
    added: int = 0
    done: int = 0
    cancelled: int = 0
    postponed: int = 0
    days: float = 0

    def count(self, kind: str, days: float | None) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if days is not None:
            self.days += days

    def to_json(self) -> dict[str, Any]:
        days = int(self.days) if self.days == int(self.days) else round(self.days, 2)
        return {
            "unit": self.unit,
            "added": self.added,
            "done": self.done,
            "cancelled": self.cancelled,
            "postponed": self.postponed,
            "postponed_days": days,
        }


@dataclass(frozen=True)
class Summary:
    """``giaoban log --summary``: per unit (owners, by canonical name), and the whole ledger.

    A task with two owners counts for both units; ``total`` counts it once.
    """

    since: date | None
    until: date | None
    units: tuple[UnitSummary, ...]
    total: UnitSummary

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "units": [u.to_json() for u in self.units],
            "total": self.total.to_json(),
        }


def summarize(
    events: Iterable[Event],
    ledger: Ledger,
    since: date | None = None,
    until: date | None = None,
    item: str | None = None,
) -> Summary:
    """Count the events per unit. Owners come from the task as it is now (as it was, for a
    task no longer in the ledger, and for the tasks of an added notice: ``Event.version``).
    Days postponed: the two deadlines read against the notice's date, new minus old.
    ``item``: of an added notice, count only this task (the summary of one task)."""
    current = {t.id: t for t in ledger.tasks()}
    dates = {n.id: n.date for n in ledger.notices}
    settings = ledger.settings.deadline_settings()
    rows: dict[str, UnitSummary] = {}
    total = UnitSummary("Cả sổ")
    for event in events:
        kind = SUMMARY_KINDS.get(event.action)
        if kind is None:
            continue
        for owners, ref in _owners_of(event, current, dates, item):
            days = _moved_days(event, ref, settings) if kind == "postponed" else None
            total.count(kind, days)
            for unit in _units(owners, ledger.registry):
                rows.setdefault(unit, UnitSummary(unit)).count(kind, days)
    ordered = sorted(rows.values(), key=lambda r: (-r.days, -r.postponed, fold(r.unit)))
    return Summary(since, until, tuple(ordered), total)


Owned = tuple[tuple[str, ...], date | None]


def _owners_of(
    event: Event, current: dict[str, Task], dates: dict[str, date], item: str | None
) -> list[Owned]:
    """(owners, notice date) of each task the event counts for."""
    task = current.get(event.task_id or "")
    if task is not None and event.action != "add-notice":
        return [(task.owners, dates.get(event.notice))]
    doc = parse_version(list(event.version)) if event.version is not None else None
    tasks = version_tasks(doc)
    ref = _as_date(doc.get("date")) if isinstance(doc, dict) else dates.get(event.notice)
    if event.action == "add-notice":
        return [(_plain_owners(t), ref) for i, t in tasks.items() if item in (None, i)]
    return [(_plain_owners(tasks.get(event.item or "", {})), ref)]


def _plain_owners(task: dict[str, Any]) -> tuple[str, ...]:
    owners = task.get("owners")
    return tuple(str(o) for o in owners) if isinstance(owners, list) else ()


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _units(owners: Sequence[str], registry: Registry) -> list[str]:
    """Canonical unit names (a group counts as itself), each once."""
    names = [registry.canonical(o) or o for o in owners]
    return list(dict.fromkeys(names)) or [NO_UNIT]


def _moved_days(event: Event, ref: date | None, settings: DeadlineSettings) -> float | None:
    old, new = event.details.get("from"), event.details.get("to")
    if ref is None or not old or not new:
        return None
    a, b = parse_deadline(old, ref, settings), parse_deadline(new, ref, settings)
    if not isinstance(a, Deadline) or not isinstance(b, Deadline) or not (a.due and b.due):
        return None
    return (b.due - a.due) / timedelta(days=1)
