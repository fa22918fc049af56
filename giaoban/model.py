"""Immutable records of the ledger. Each carries where it was read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from giaoban.problems import Source

if TYPE_CHECKING:
    from giaoban.deadline import Deadline, DeadlineError
    from giaoban.settings import Settings
    from giaoban.units import Registry

STATUSES = ("open", "done", "cancelled")


@dataclass(frozen=True)
class Person:
    name: str
    position: str | None = None


@dataclass(frozen=True)
class Attendance:
    present: int | None = None
    total: int | None = None
    absent_excused: tuple[str, ...] = ()
    absent_unexcused: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    date: date | None = None
    name: str | None = None
    place: str | None = None
    chair: tuple[Person, ...] = ()
    attendees: tuple[str, ...] = ()
    attendance: Attendance | None = None


@dataclass(frozen=True)
class Signer:
    on_behalf: tuple[str, ...] = ()
    position: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Section:
    number: str
    title: str | None = None


@dataclass(frozen=True)
class Note:
    date: date
    text: str


@dataclass(frozen=True)
class Extension:
    """One deadline extension: the old and new deadline as written, and why."""

    to: str
    from_: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class Task:
    """One item of a notice. ``deadline`` is the phrase resolved against the notice."""

    notice_id: str
    item: str
    text: str
    source: Source
    owners: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    deadline_text: str | None = None
    deadline: Deadline | DeadlineError | None = None
    section: str | None = None
    until: date | None = None
    done_occurrences: tuple[date, ...] = ()
    status: str = "open"
    done_on: date | datetime | None = None
    cancelled_on: date | None = None
    cancel_reason: str | None = None
    result: str | None = None
    notes: tuple[Note, ...] = ()
    extensions: tuple[Extension, ...] = ()
    confidential: bool = False
    fields: Mapping[str, Source] = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        return f"{self.notice_id}#{self.item}"

    def at(self, key: str) -> Source:
        """Where the value of ``key`` was read (the task's start if absent)."""
        return self.fields.get(key, self.source)


@dataclass(frozen=True)
class Notice:
    """One notice (thông báo): one YAML file."""

    id: str
    kind: str
    title: str
    date: date
    source: Source
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    confidential: bool = False
    meeting: Meeting | None = None
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    note: str | None = None
    fields: Mapping[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def at(self, key: str) -> Source:
        return self.fields.get(key, self.source)


@dataclass(frozen=True)
class Ledger:
    """Everything loaded from one data folder."""

    root: str
    notices: tuple[Notice, ...]
    registry: Registry
    settings: Settings

    def tasks(self) -> Iterator[Task]:
        for notice in self.notices:
            yield from notice.tasks

    def notice(self, notice_id: str) -> Notice | None:
        return next((n for n in self.notices if n.id == notice_id), None)
