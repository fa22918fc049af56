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
    ``item``: of an added notice, count only this task (the summary of one task).

    What the period undid is not counted: a ``git revert`` is not new work, and the
    commit it reverted no longer stands; a task removed in the period (its notice
    deleted, or the task taken out) counts for nothing in it: not as added, nor its
    done, cancellation or postponements."""
    current = {t.id: t for t in ledger.tasks()}
    dates = {n.id: n.date for n in ledger.notices}
    settings = ledger.settings.deadline_settings()
    rows: dict[str, UnitSummary] = {}
    total = UnitSummary("Cả sổ")
    for event, dropped in _standing(list(events)):
        kind = SUMMARY_KINDS.get(event.action)
        if kind is None:
            continue
        for owners, ref in _owners_of(event, current, dates, item, dropped):
            days = _moved_days(event, ref, settings) if kind == "postponed" else None
            total.count(kind, days)
            for unit in _units(owners, ledger.registry):
                rows.setdefault(unit, UnitSummary(unit)).count(kind, days)
    ordered = sorted(rows.values(), key=lambda r: (-r.days, -r.postponed, fold(r.unit)))
    return Summary(since, until, tuple(ordered), total)


# What of an event's additions was removed later in the period: these items, or None
# for all of them (its notice deleted, or the one task it added removed).
Dropped = frozenset[str] | None


def _standing(events: list[Event]) -> list[tuple[Event, Dropped]]:
    """The events that still stand at the end of the period (oldest first), each with
    the items it added that were removed later: no ``git revert``, no commit undone
    by a revert that stands (a merge reverted: what it brought), and nothing of a task
    removed later in the period (unless its notice was restored: deleted, then added
    back): neither its addition nor what was done to it (done, cancelled, postponed)."""
    undone = _undone(events)
    kept = [e for e in events if not any(e.came_in(u) for u in undone)]
    gone_notices: set[str] = set()
    gone_tasks: set[tuple[str, str]] = set()
    restored: set[str] = set()  # notices deleted, then added back (a removal that stands not)
    standing: list[tuple[Event, Dropped]] = []
    for event in reversed(kept):  # newest first: a removal is seen before its addition
        if event.action == "restore-notice" and "reverts" not in event.details:
            restored.add(event.notice)  # (a revert's removal is gone with the reverted commit)
        elif event.action == "remove-notice" and event.notice in restored:
            restored.discard(event.notice)
        elif event.action == "remove-notice":
            gone_notices.add(event.notice)
        elif event.action == "remove-task" and event.item is not None:
            gone_tasks.add((event.notice, event.item))
        dropped = _dropped(event, gone_notices, gone_tasks)
        if "reverts" not in event.details:
            standing.append((event, dropped))
    return standing[::-1]


def _dropped(event: Event, gone_notices: set[str], gone_tasks: set[tuple[str, str]]) -> Dropped:
    """What of ``event``'s additions is removed later (``gone_*``: the removals seen so far,
    newer ones); None, all of it, for what it did to a task removed later. A removal
    matched to its addition is forgotten: an older addition of the same id (a notice
    deleted, added again, deleted again) needs a removal of its own."""
    gone = event.notice in gone_notices or (event.notice, event.item) in gone_tasks
    if event.action not in ("add-notice", "add-task") and event.item is not None and gone:
        return None
    if event.action == "add-notice":
        if event.notice in gone_notices:
            gone_notices.discard(event.notice)
            return None
        items = frozenset(i for n, i in gone_tasks if n == event.notice)
        gone_tasks.difference_update((event.notice, i) for i in items)
        return items
    if event.action == "add-task" and event.item is not None:
        key = (event.notice, event.item)
        if event.notice in gone_notices or key in gone_tasks:
            gone_tasks.discard(key)
            return None
    return frozenset()


def _undone(events: list[Event]) -> set[str]:
    """The commits undone by a ``git revert`` that is not itself undone (later first)."""
    reverts = {e.commit: e.details["reverts"] for e in events if "reverts" in e.details}
    undone: set[str] = set()
    for commit in reversed(list(reverts)):
        if not any(commit.startswith(u) for u in undone):
            undone.add(reverts[commit])
    return undone


Owned = tuple[tuple[str, ...], date | None]


def _owners_of(
    event: Event,
    current: dict[str, Task],
    dates: dict[str, date],
    item: str | None,
    dropped: Dropped = frozenset(),
) -> list[Owned]:
    """(owners, notice date) of each task the event counts for (none of ``dropped``)."""
    if dropped is None:
        return []
    task = current.get(event.task_id or "")
    if task is not None and event.action != "add-notice":
        return [(task.owners, dates.get(event.notice))]
    doc = parse_version(list(event.version)) if event.version is not None else None
    tasks = version_tasks(doc)
    ref = _as_date(doc.get("date")) if isinstance(doc, dict) else dates.get(event.notice)
    if event.action == "add-notice":
        return [
            (_plain_owners(t), ref)
            for i, t in tasks.items()
            if item in (None, i) and i not in dropped
        ]
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
