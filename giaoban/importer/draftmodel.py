"""The draft a text is read into: a notice's fields, its tasks, and the notes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from giaoban.importer.meeting import Meeting


@dataclass
class DraftTask:
    """One task of the draft, with what the clerk should check."""

    item: str
    text: str
    section: str | None = None
    owners: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    deadline: str | None = None
    checks: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    line: int = 0

    def as_record(self) -> dict[str, Any]:
        """The task as a plain mapping in the key order of docs/format.md."""
        record = {
            "item": self.item,
            "section": self.section,
            "text": self.text,
            "owners": self.owners,
            "supports": self.supports,
            "deadline": self.deadline,
            "status": "open",
        }
        return _prune(record)


@dataclass
class Draft:
    """A notice read from text, in the order of docs/format.md, with notes."""

    id: str
    kind: str
    title: str
    date: date
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    meeting: Meeting | None = None
    on_behalf: list[str] = field(default_factory=list)
    position: str | None = None
    signer_name: str | None = None
    recipients: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)  # the "Kính gửi" line
    sections: list[tuple[str, str]] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    checks: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # items not taken as tasks (a plan's fields, goals, general content): (item, text,
    # why), kept in the draft as comments so that nothing of the text is lost
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    # the field lines of items read into their tasks' owners or supports ("Đơn vị chủ
    # trì: Ban X"), not their text: held by the draft, never reported as unplaced
    placed: list[str] = field(default_factory=list)

    def check_count(self) -> int:
        """How many notes the clerk should look at."""
        return sum(len(v) for v in self.checks.values()) + sum(
            len(v) for t in self.tasks for v in t.checks.values()
        )

    def as_notice(self) -> dict[str, Any]:
        """The notice as a plain mapping in the key order of docs/format.md, without the
        notes (for ``giaoban add --from-text``); empty values are left out."""
        notice: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "issuer": self.issuer,
            "place": self.place,
            "date": self.date,
            "confidential": False,
            "meeting": _meeting(self.meeting) if self.meeting else None,
            "signer": _prune(
                {"on_behalf": self.on_behalf, "position": self.position, "name": self.signer_name}
            ),
            "recipients": self.recipients,
            "sections": [{"number": n, "title": t} for n, t in self.sections],
            "tasks": [task.as_record() for task in self.tasks],
        }
        return {k: v for k, v in notice.items() if k == "tasks" or v not in (None, [], {})}

    def notes(self) -> list[str]:
        """Every "kiểm tra" note, prefixed with where it belongs ("title", "3.1 owners")."""
        out = [f"{key}: {note}" for key, notes in self.checks.items() for note in notes]
        for task in self.tasks:
            out += [f"{task.item} {k}: {n}" for k, notes in task.checks.items() for n in notes]
        return out


def _meeting(meeting: Meeting) -> dict[str, Any]:
    attendance = _prune(
        {
            "present": meeting.present,
            "total": meeting.total,
            "absent_excused": meeting.absent_excused,
            "absent_unexcused": meeting.absent_unexcused,
        }
    )
    return _prune(
        {
            "date": meeting.date,
            "name": meeting.name,
            "place": meeting.place,
            "chair": [_prune({"name": c.name, "position": c.position}) for c in meeting.chair],
            "attendees": meeting.attendees,
            "attendance": attendance,
        }
    )


def _prune(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, [], {})}
