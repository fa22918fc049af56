"""Immutable records of the ledger. Each carries where it was read."""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from giaoban.model.problems import Source

if TYPE_CHECKING:
    from giaoban.deadline import Deadline, DeadlineError
    from giaoban.model.settings import Settings
    from giaoban.model.units import Registry

STATUSES = ("open", "done", "cancelled")
Day = date  # the type, where a record's field named "date" hides it


class Positions(Mapping[str, Source]):
    """Where each key of a record was read: ``{"owners.1": Source(...), ...}``, packed.

    A ledger holds about ten of these per task; keeping them as one ``bytes``
    of (line, column) pairs instead of a dict of ``Source`` objects makes the
    records small and quick to pickle, which the cache relies on. Read-only.
    """

    __slots__ = ("path", "names", "packed")

    def __init__(self, path: str, names: tuple[str, ...], packed: bytes) -> None:
        self.path = path
        self.names = names  # the keys, shared between records with the same keys
        self.packed = packed  # struct "<2I" per key: line, column

    @classmethod
    def of(cls, path: str, items: dict[str, tuple[int, int]]) -> Positions:
        flat = [n for pair in items.values() for n in pair]
        return cls(path, tuple(items), struct.pack(f"<{len(flat)}I", *flat))

    def __getitem__(self, key: str) -> Source:
        try:
            index = self.names.index(key)
        except ValueError:
            raise KeyError(key) from None
        return Source(self.path, *struct.unpack_from("<2I", self.packed, 8 * index))

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"Positions({dict(self)!r})"


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
    """One deadline extension: the old and new deadline as written, and why; ``date``:
    when it took effect. ``reading``: the old deadline read against the notice, kept for a
    duty only (its occurrences before ``date``: ``giaoban.model.schedule``)."""

    to: str
    from_: str | None = None
    reason: str | None = None
    approved_by: str | None = None
    date: date | None = None
    reading: Deadline | DeadlineError | None = field(default=None, compare=False, repr=False)


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
    # a recurring duty: the result of each occurrence done, ``date`` the occurrence's day
    occurrence_results: tuple[Note, ...] = ()
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
    events: tuple[tuple[str, Day], ...] = ()  # named days its deadlines count from
    fields: Mapping[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def at(self, key: str) -> Source:
        return self.fields.get(key, self.source)


@dataclass(frozen=True)
class Ledger:
    """Everything loaded from one data folder."""

    root: str
    notices: Sequence[Notice]  # in order; loaded ones read from the index when looked at
    registry: Registry
    settings: Settings

    def tasks(self) -> Iterator[Task]:
        for notice in self.notices:
            yield from notice.tasks

    def notice_ids(self) -> list[str]:
        """Each notice's id, in order; for notices read from the index, without reading
        their records (its sequence gives ``ids``)."""
        ids = getattr(self.notices, "ids", None)
        return list(ids) if ids is not None else [n.id for n in self.notices]

    def notice_paths(self) -> list[str]:
        """The file of each notice, in order; for notices read from the index, without
        reading their records (its sequence gives ``paths``)."""
        paths = getattr(self.notices, "paths", None)
        return list(paths) if paths is not None else [n.source.path for n in self.notices]

    def notice(self, notice_id: str) -> Notice | None:
        ids = self.notice_ids()
        return self.notices[ids.index(notice_id)] if notice_id in ids else None
