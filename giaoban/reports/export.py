"""The machine shape of the ledger (``giaoban export --format json``).

Plain dicts of JSON-ready values. The task shape is the one PRODUCT.md
defines and reports share (``giaoban.model.card``): ``id, notice, item, text, owners, supports,
deadline, due, status`` (+ ``start``, ``rrule`` where they apply). A duty postponed to
another rule gives the rule in force from its first occurrence (``rrule``) and the rules
before it, each from its first occurrence to its last day (``earlier_rules``), as the
iCalendar export does (``giaoban.model.schedule.rules_in_time``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from giaoban.deadline import Deadline
from giaoban.model.card import Card, iso
from giaoban.model.ledger import Ledger, Meeting, Notice, Task
from giaoban.model.schedule import is_recurring, rules_in_time
from giaoban.model.shown import shown_task


def _task_details(task: Task) -> dict[str, Any]:
    details: dict[str, Any] = {
        "section": task.section,
        "until": iso(task.until),
        "done_occurrences": [iso(d) for d in task.done_occurrences],
        "done_on": iso(task.done_on),
        "cancelled_on": iso(task.cancelled_on),
        "cancel_reason": task.cancel_reason,
        "result": task.result,
        "occurrence_results": [
            {"date": iso(r.date), "text": r.text} for r in task.occurrence_results
        ],
        "pinned": True if getattr(task.deadline, "pinned", False) else None,
        "notes": [{"date": iso(n.date), "text": n.text} for n in task.notes],
        "extensions": [
            {
                "from": e.from_,
                "to": e.to,
                "reason": e.reason,
                "approved_by": e.approved_by,
                "date": iso(e.date),
            }
            for e in task.extensions
        ],
        "earlier_rules": _earlier_rules(task),
    }
    return {k: v for k, v in details.items() if v not in (None, [])}


def _earlier_rules(task: Task) -> list[dict[str, str]]:
    """The rules a postponed duty followed before the one in force (``Card.rrule``)."""
    deadline = task.deadline
    if not isinstance(deadline, Deadline) or not is_recurring(deadline) or not task.extensions:
        return []
    earlier = rules_in_time(task, deadline)[:-1]
    return [{"deadline": r.phrase, "rrule": r.rrule} for r in earlier]


def _meeting(meeting: Meeting | None) -> dict[str, Any] | None:
    if meeting is None:
        return None
    data = asdict(meeting)
    data["date"] = iso(meeting.date)
    return data


def notice_record(notice: Notice, show_confidential: bool = False) -> dict[str, Any]:
    """A notice with all its fields and its tasks."""
    return {
        "id": notice.id,
        "path": notice.source.path,
        "kind": notice.kind,
        "number": notice.number,
        "title": notice.title,
        "issuer": notice.issuer,
        "place": notice.place,
        "date": iso(notice.date),
        "confidential": notice.confidential,
        "meeting": _meeting(notice.meeting),
        "signer": asdict(notice.signer) if notice.signer else None,
        "recipients": list(notice.recipients),
        "sections": [asdict(s) for s in notice.sections],
        "note": notice.note,
        **({"events": {name: iso(day) for name, day in notice.events}} if notice.events else {}),
        "tasks": [
            {
                **Card.of(t).record(show_confidential),
                **_task_details(shown_task(t, show_confidential)),
            }
            for t in notice.tasks
        ],
    }


def export_ledger(ledger: Ledger, show_confidential: bool = False) -> dict[str, Any]:
    """The whole ledger: ``{"notices": [...]}``."""
    return {"notices": [notice_record(n, show_confidential) for n in ledger.notices]}
