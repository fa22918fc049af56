"""Files -> records. The one place that turns YAML documents into the model.

``load_ledger`` reads the registry, the settings and every notice under a
data folder and returns the ledger with every problem found while reading.
Problems of content (duplicate ids, unknown units, ...) are found later by
``giaoban.validation``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from giaoban import schema
from giaoban.deadline import DeadlineSettings, parse_deadline
from giaoban.model import (
    Attendance,
    Extension,
    Ledger,
    Meeting,
    Note,
    Notice,
    Person,
    Section,
    Signer,
    Task,
)
from giaoban.problems import Problem, Source, error
from giaoban.settings import Settings
from giaoban.units import Group, Registry, Unit
from giaoban.yamlsafe import Document, YamlPath, load_document

REGISTRY_FILE = "units.yaml"
SETTINGS_FILE = "settings.yaml"
RESERVED = (REGISTRY_FILE, SETTINGS_FILE)


@dataclass(frozen=True)
class LoadResult:
    ledger: Ledger
    problems: tuple[Problem, ...]


def notice_files(root: Path) -> list[Path]:
    """Every notice file under ``root``: ``*.yaml`` except the registry and settings."""
    files = []
    for path in root.rglob("*.yaml"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if len(relative.parts) == 1 and relative.name in RESERVED:
            continue
        files.append(path)
    return sorted(files)


def load_ledger(root: Path, files: Iterable[Path] | None = None) -> LoadResult:
    """Load the data folder ``root`` (or only ``files`` in it, with its registry)."""
    problems: list[Problem] = []
    settings = load_settings(root / SETTINGS_FILE, problems)
    registry = load_registry(root / REGISTRY_FILE, problems)
    deadline_settings = settings.deadline_settings()
    notices = []
    for path in notice_files(root) if files is None else files:
        notice = load_notice(path, deadline_settings, problems)
        if notice is not None:
            notices.append(notice)
    notices.sort(key=lambda n: (n.date, n.id, n.source))
    ledger = Ledger(str(root), tuple(notices), registry, settings)
    return LoadResult(ledger, tuple(problems))


def load_settings(path: Path, problems: list[Problem]) -> Settings:
    doc = _load(path, schema.SETTINGS, problems)
    if doc is None:
        return Settings()
    data, _ = doc
    values = {k: v for k, v in data.items() if k != "days_off"}
    return Settings(days_off=tuple(data.get("days_off", ())), **values)


def load_registry(path: Path, problems: list[Problem]) -> Registry:
    doc = _load(path, schema.REGISTRY, problems)
    if doc is None:
        return Registry()
    data, document = doc
    units = tuple(
        Unit(
            name=u["name"],
            short=tuple(u.get("short", ())),
            aliases=tuple(u.get("aliases", ())),
            source=document.at(("units", i)),
        )
        for i, u in data.get("units", ())
        if "name" in u
    )
    groups = tuple(
        Group(
            name=g["name"],
            aliases=tuple(g.get("aliases", ())),
            members=tuple(g.get("members", ())),
            source=document.at(("groups", i)),
        )
        for i, g in data.get("groups", ())
        if "name" in g
    )
    return Registry(units, groups, present=True)


def _load(
    path: Path, fields: tuple[schema.Field, ...], problems: list[Problem]
) -> tuple[dict[str, Any], Document] | None:
    if not path.is_file():
        return None
    document, found = load_document(path)
    problems.extend(found)
    if document is None or document.value is None:
        return None
    data, found = schema.check_mapping(document, fields)
    problems.extend(found)
    return data, document


def load_notice(path: Path, settings: DeadlineSettings, problems: list[Problem]) -> Notice | None:
    """Load one notice file; problems go to ``problems``; None if unusable."""
    document, found = load_document(path)
    problems.extend(found)
    if document is None:
        return None
    if document.value is None:
        problems.append(error(Source(str(path)), "empty-file", "tệp trống, không có thông báo"))
        return None
    data, found = schema.check_mapping(document, schema.NOTICE)
    problems.extend(found)
    if not all(key in data for key in ("id", "kind", "title", "date")):
        return None
    return _notice(data, document, settings)


def _rows(data: Mapping[str, Any], key: str, *required: str) -> list[dict[str, Any]]:
    """The mappings of a list, leaving out those missing a required key (reported)."""
    return [row for _, row in data.get(key, ()) if all(k in row for k in required)]


def _positions(document: Document, path: YamlPath, data: Mapping[str, Any]) -> Mapping[str, Source]:
    """Positions of each key's value, and of each item of a list ("owners.1")."""
    positions = {}
    for key, value in data.items():
        positions[key] = document.at((*path, key))
        if isinstance(value, list):
            for i in range(len(value)):
                positions[f"{key}.{i}"] = document.at((*path, key, i))
    return MappingProxyType(positions)


def _notice(data: dict[str, Any], document: Document, settings: DeadlineSettings) -> Notice:
    notice_id = data["id"]
    confidential = data.get("confidential", False)
    tasks = tuple(
        _task(task, notice_id, data["date"], confidential, document, ("tasks", i), settings)
        for i, task in data.get("tasks", ())
        if "item" in task and "text" in task
    )
    return Notice(
        id=notice_id,
        kind=data["kind"],
        title=data["title"],
        date=data["date"],
        source=document.at(()),
        number=data.get("number"),
        issuer=data.get("issuer"),
        place=data.get("place"),
        confidential=confidential,
        meeting=_meeting(data.get("meeting")),
        signer=_signer(data.get("signer")),
        recipients=tuple(data.get("recipients", ())),
        sections=tuple(
            Section(s["number"], s.get("title")) for s in _rows(data, "sections", "number")
        ),
        tasks=tasks,
        note=data.get("note"),
        fields=_positions(document, (), data),
    )


def _meeting(data: dict[str, Any] | None) -> Meeting | None:
    if data is None:
        return None
    attendance = data.get("attendance")
    return Meeting(
        date=data.get("date"),
        name=data.get("name"),
        place=data.get("place"),
        chair=tuple(Person(p["name"], p.get("position")) for p in _rows(data, "chair", "name")),
        attendees=tuple(data.get("attendees", ())),
        attendance=None
        if attendance is None
        else Attendance(
            present=attendance.get("present"),
            total=attendance.get("total"),
            absent_excused=tuple(attendance.get("absent_excused", ())),
            absent_unexcused=tuple(attendance.get("absent_unexcused", ())),
        ),
    )


def _signer(data: dict[str, Any] | None) -> Signer | None:
    if data is None:
        return None
    return Signer(tuple(data.get("on_behalf", ())), data.get("position"), data.get("name"))


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
    deadline = parse_deadline(phrase, notice_date, settings) if phrase else None
    return Task(
        notice_id=notice_id,
        item=data["item"],
        text=data["text"],
        source=document.at(path),
        owners=tuple(data.get("owners", ())),
        supports=tuple(data.get("supports", ())),
        deadline_text=phrase,
        deadline=deadline,
        section=data.get("section"),
        until=data.get("until"),
        done_occurrences=tuple(data.get("done_occurrences", ())),
        status=data.get("status", "open"),
        done_on=data.get("done_on"),
        cancelled_on=data.get("cancelled_on"),
        cancel_reason=data.get("cancel_reason"),
        result=data.get("result"),
        notes=tuple(Note(n["date"], n["text"]) for n in _rows(data, "notes", "date", "text")),
        extensions=tuple(
            Extension(e["to"], e.get("from"), e.get("reason"), e.get("approved_by"), e.get("date"))
            for e in _rows(data, "extensions", "to")
        ),
        confidential=confidential,
        fields=_positions(document, path, data),
    )
