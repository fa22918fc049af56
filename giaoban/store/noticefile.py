"""One notice file -> its record. The one place that turns a notice's YAML into the model.

``read_notice`` gives the digest of a file's bytes, its record (None when it
cannot be used) and every problem found reading it; positions of every value
are kept so that each problem names its line.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from giaoban.deadline import DeadlineSettings
from giaoban.deadline.context import zone
from giaoban.lazy import lazy_import
from giaoban.model.ledger import (
    Attendance,
    Extension,
    Meeting,
    Note,
    Notice,
    Person,
    Positions,
    Section,
    Signer,
    Task,
)
from giaoban.model.problems import Problem, Source, error
from giaoban.store import cache, schema
from giaoban.store.files import UnreadableFileError, read_data_file
from giaoban.store.yamlsafe import Document, YamlPath, decode, parse_text

deadline_memo = lazy_import("giaoban.deadline.memo")  # phrases are read only when parsing
deadline_pin = lazy_import("giaoban.deadline.pin")

Loaded = cache.Loaded


def read_notice(display: str, settings: DeadlineSettings) -> tuple[bytes | None, Loaded]:
    """Read one notice file: the digest of its bytes, its record (or None) and its problems."""
    problems: list[Problem] = []
    try:
        data = read_data_file(display)
    except UnreadableFileError as exc:
        return None, (None, (error(Source(display), "unreadable", str(exc)),))
    notice = _notice_from(data, display, settings, problems)
    return cache.digest(data), (notice, tuple(problems))


def load_notice(path: Path, settings: DeadlineSettings, problems: list[Problem]) -> Notice | None:
    """Load one notice file; problems go to ``problems``; None if unusable."""
    try:
        data = read_data_file(path)
    except UnreadableFileError as exc:
        problems.append(error(Source(str(path)), "unreadable", str(exc)))
        return None
    return _notice_from(data, str(path), settings, problems)


def _notice_from(
    data: bytes, display: str, settings: DeadlineSettings, problems: list[Problem]
) -> Notice | None:
    document = document_of(data, display, problems)
    if document is None:
        return None
    if document.value is None:
        problems.append(error(Source(display), "empty-file", "tệp trống, không có thông báo"))
        return None
    values, found = schema.check_mapping(document, schema.NOTICE)
    problems.extend(found)
    if not all(key in values for key in ("id", "kind", "title", "date")):
        return None
    return _notice(values, document, settings)


def document_of(data: bytes, display: str, problems: list[Problem]) -> Document | None:
    text, found = decode(data, display)
    problems.extend(found)
    if text is None:
        return None
    document, found = parse_text(text, display)
    problems.extend(found)
    return document


# --- records ------------------------------------------------------------------


# Equal values met while reading (unit names, phrases, deadlines, key lists) are kept
# as one object: a ledger of 100,000 tasks repeats them endlessly, and the cache
# (pickle) stores a shared object once.
_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    if len(_SHARED) > 500_000:  # a long-lived process reading many ledgers
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


def share_notice(notice: Notice) -> None:
    """Share the repeated values of a notice read in another process with ours.

    Records are frozen; this runs before anyone else sees them, and only
    swaps values for equal ones.
    """
    for task in notice.tasks:
        for name in ("notice_id", "owners", "supports", "deadline_text", "deadline", "status"):
            value = getattr(task, name)
            if value is not None:
                object.__setattr__(task, name, _shared(value))
        if isinstance(task.fields, Positions):
            task.fields.names = _shared(task.fields.names)
    for name in ("kind", "recipients", "issuer", "signer"):
        value = getattr(notice, name)
        if value is not None:
            object.__setattr__(notice, name, _shared(value))
    if isinstance(notice.fields, Positions):
        notice.fields.names = _shared(notice.fields.names)


def _rows(data: Mapping[str, Any], key: str, *required: str) -> list[dict[str, Any]]:
    """The mappings of a list, leaving out those missing a required key (reported)."""
    return [row for _, row in data.get(key, ()) if all(k in row for k in required)]


def _notes(data: Mapping[str, Any], key: str) -> tuple[Note, ...]:
    """The ``{date, text}`` entries of a task's ``notes`` or ``occurrence_results``."""
    return tuple(Note(n["date"], n["text"]) for n in _rows(data, key, "date", "text"))


def _extensions(
    data: Mapping[str, Any], deadline: Any, notice_date: Any, settings: DeadlineSettings
) -> tuple[Extension, ...]:
    """A task's extensions; a duty's keep their old deadline read against the notice, for
    the occurrences due before each took effect (``giaoban.model.schedule``)."""
    rows = _rows(data, "extensions", "to")
    duty = rows and getattr(deadline, "kind", None) == "recurring"
    return tuple(
        Extension(
            e["to"],
            e.get("from"),
            e.get("reason"),
            e.get("approved_by"),
            e.get("date"),
            deadline_memo.reading(e["from"], notice_date, settings)
            if duty and e.get("from") and e.get("date")
            else None,
        )  # fmt: skip
        for e in rows
    )


def _names(values: Iterable[str]) -> tuple[str, ...]:
    """Short repeated texts (unit names, ...), shared."""
    return _shared(tuple(map(sys.intern, values)))


def _positions(document: Document, path: YamlPath, data: Mapping[str, Any]) -> Positions:
    """Positions of each key's value, and of each item of a list ("owners.1")."""
    table, position = document.positions, document.position
    keys: list[str] = []
    flat: list[int] = []
    for key, value in data.items():
        child = (*path, key)
        keys.append(key)
        flat += table.get(child) or position(child)
        if type(value) is list:
            for i in range(len(value)):
                keys.append(_ITEM_KEYS.get((key, i)) or _item_key(key, i))
                flat += table.get((*child, i)) or position((*child, i))
    return Positions(document.path, _shared(tuple(keys)), struct.pack(f"<{len(flat)}I", *flat))


_ITEM_KEYS: dict[tuple[str, int], str] = {}  # ("owners", 1) -> "owners.1"


def _item_key(key: str, i: int) -> str:
    name = sys.intern(f"{key}.{i}")
    if len(_ITEM_KEYS) < 10_000:
        _ITEM_KEYS[(key, i)] = name
    return name


def _notice(data: dict[str, Any], document: Document, settings: DeadlineSettings) -> Notice:
    notice_id = data["id"]
    events = tuple(sorted(data.get("events", {}).items()))
    settings = settings.with_events(events)
    confidential = data.get("confidential", False)
    tasks = tuple(
        _task(task, notice_id, data["date"], confidential, document, ("tasks", i), settings)
        for i, task in data.get("tasks", ())
        if "item" in task and "text" in task
    )
    return Notice(
        id=notice_id,
        kind=sys.intern(data["kind"]),
        title=data["title"],
        date=data["date"],
        source=document.at(()),
        number=data.get("number"),
        issuer=data.get("issuer"),
        place=data.get("place"),
        confidential=confidential,
        meeting=_meeting(data.get("meeting")),
        signer=_signer(data.get("signer")),
        recipients=_names(data.get("recipients", ())),
        sections=tuple(
            Section(s["number"], s.get("title")) for s in _rows(data, "sections", "number")
        ),
        tasks=tasks,
        note=data.get("note"),
        events=events,
        fields=_positions(document, (), data),
    )


def _office_time(value: Any, tz: str) -> Any:
    """A moment written with its zone ("2022-04-20T10:00:00Z"), in the office's time zone:
    its day is then the office's day. Days and moments without a zone stay as written."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(zone(tz))
    return value


def _meeting(data: dict[str, Any] | None) -> Meeting | None:
    if data is None:
        return None
    attendance = data.get("attendance")
    return Meeting(
        date=data.get("date"),
        name=data.get("name"),
        place=data.get("place"),
        chair=tuple(Person(p["name"], p.get("position")) for p in _rows(data, "chair", "name")),
        attendees=_names(data.get("attendees", ())),
        attendance=None
        if attendance is None
        else Attendance(
            present=attendance.get("present"),
            total=attendance.get("total"),
            absent_excused=_names(attendance.get("absent_excused", ())),
            absent_unexcused=_names(attendance.get("absent_unexcused", ())),
        ),
    )


def _signer(data: dict[str, Any] | None) -> Signer | None:
    if data is None:
        return None
    return Signer(_names(data.get("on_behalf", ())), data.get("position"), data.get("name"))


def _task(
    data: dict[str, Any],
    notice_id: str,
    notice_date: Any,
    confidential: bool,
    document: Document,
    path: YamlPath,
    settings: DeadlineSettings,
) -> Task:
    phrase = data.get("deadline")
    # read once per phrase, or per (phrase, notice date): see giaoban.deadline.memo
    deadline = deadline_memo.reading(phrase, notice_date, settings) if phrase else None
    if data.get("due") is not None:  # the clerk's own reading wins, the phrase is kept
        deadline = deadline_pin.pinned(
            phrase or "", deadline, data["due"], data.get("start"), settings
        )
    return Task(
        notice_id=notice_id,
        item=data["item"],
        text=data["text"],
        source=document.at(path),
        owners=_names(data.get("owners", ())),
        supports=_names(data.get("supports", ())),
        deadline_text=sys.intern(phrase) if phrase else phrase,
        deadline=deadline,
        section=data.get("section"),
        until=data.get("until"),
        done_occurrences=tuple(data.get("done_occurrences", ())),
        status=sys.intern(data.get("status", "open")),
        done_on=_office_time(data.get("done_on"), settings.tz),
        cancelled_on=data.get("cancelled_on"),
        cancel_reason=data.get("cancel_reason"),
        result=data.get("result"),
        occurrence_results=_notes(data, "occurrence_results"),
        notes=_notes(data, "notes"),
        extensions=_extensions(data, deadline, notice_date, settings),
        confidential=confidential,
        fields=_positions(document, path, data),
    )
