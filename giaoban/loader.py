"""Files -> records. The one place that turns YAML documents into the model.

``load_ledger`` reads the registry, the settings and every notice under a
data folder and returns the ledger with every problem found while reading.
Problems of content (duplicate ids, unknown units, ...) are found later by
``giaoban.validation`` (``LoadResult.validate``).

What was read from each file (its record and its problems) is kept in the
cache (``giaoban.cache``), so a later run parses only the files that
changed; a run that changes nothing reads no YAML at all. When many files
must be parsed they are spread over the available cores.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from giaoban import cache, schema
from giaoban.deadline import DeadlineSettings
from giaoban.lazy import lazy_import
from giaoban.model import (
    Attendance,
    Extension,
    Ledger,
    Meeting,
    Note,
    Notice,
    Person,
    Positions,
    Section,
    Signer,
    Task,
)
from giaoban.problems import Problem, Source, error
from giaoban.settings import Settings
from giaoban.units import Group, Registry, Unit
from giaoban.yamlsafe import Document, YamlPath, decode, parse_text

deadline_memo = lazy_import("giaoban.deadline.memo")  # phrases are read only when parsing

REGISTRY_FILE = "units.yaml"
SETTINGS_FILE = "settings.yaml"
RESERVED = (REGISTRY_FILE, SETTINGS_FILE)
PARALLEL_MIN = 200  # files to parse before it pays to start worker processes
PROGRESS_MIN = 500  # files to parse before a progress bar is shown (on a terminal)
CHUNK = 100  # files per task handed to a worker process
SWITCH_INTERVAL = 0.0002  # seconds; see _quick_switch

Loaded = cache.Loaded


@dataclass(frozen=True)
class LoadResult:
    """What loading a data folder found: its problems now, its ledger when asked for.

    The records are read (from the cache or the files) only when ``ledger``
    is first used: ``check`` on an unchanged folder never needs them.
    """

    problems: tuple[Problem, ...]
    files: int  # notice files read
    session: cache.LoadSession = field(compare=False, repr=False)
    registry: Registry = field(compare=False, repr=False)
    settings: Settings = field(compare=False, repr=False)

    @cached_property
    def ledger(self) -> Ledger:
        return self.session.ledger(self.registry, self.settings)

    @property
    def notices(self) -> int:
        """How many notices the files hold."""
        return self.session.counts()[0]

    @property
    def tasks(self) -> int:
        """How many tasks the notices hold."""
        return self.session.counts()[1]

    def validate(self) -> list[Problem]:
        """The problems ``giaoban.validation`` finds in the ledger, reusing cached ones."""
        return self.session.validate(lambda: self.ledger)


def notice_files(root: Path) -> list[Path]:
    """Every notice file under ``root``: ``*.yaml`` except the registry and settings."""
    return [root / rel for rel, _ in _scan(root)]


def _scan(root: Path) -> list[tuple[str, cache.Stamp]]:
    """(path relative to ``root``, stamp) of every notice file, in path order."""
    found: list[tuple[str, cache.Stamp]] = []
    _scan_folder(str(root), "", found)
    return found


def _scan_folder(folder: str, prefix: str, found: list[tuple[str, cache.Stamp]]) -> None:
    """Depth first, names in order: the order of ``sorted()`` on the paths' parts."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir():
            _scan_folder(entry.path, f"{prefix}{name}/", found)
        elif name.endswith(".yaml") and (prefix or name not in RESERVED):
            found.append((prefix + name, cache.stamp_of(entry.stat())))


def load_ledger(
    root: Path, files: Iterable[Path] | None = None, use_cache: bool | None = None
) -> LoadResult:
    """Load the data folder ``root`` (or only ``files`` in it, with its registry).

    ``use_cache``: read and fill the cache (default: yes, unless GIAOBAN_NO_CACHE
    is set). The result is the same either way.
    """
    with cache.quiet_collector():
        session = cache.LoadSession.open(root, use_cache)
        problems: list[Problem] = []
        settings = session.meta(SETTINGS_FILE, Settings, load_settings, problems)
        registry = session.meta(REGISTRY_FILE, Registry, load_registry, problems)
        session.set_resolution(settings.deadline_settings())
        targets = _targets(root, files)
        session.load(targets, parse_files, whole=files is None)
        problems.extend(session.problems())
        session.save()
    return LoadResult(tuple(problems), len(targets), session, registry, settings)


def read_settings(root: Path, use_cache: bool | None = None) -> Settings:
    """The settings of the data folder ``root``, through the cache: no YAML when unchanged.

    Problems of the settings file are left to ``load_ledger`` (``check``).
    """
    session = cache.LoadSession.open(root, use_cache)
    settings = session.meta(SETTINGS_FILE, Settings, load_settings, [])
    session.save()
    return settings


def _targets(root: Path, files: Iterable[Path] | None) -> list[cache.Target]:
    if files is None:
        prefix = "" if str(root) == "." else str(root).rstrip("/") + "/"
        return [cache.Target(prefix + rel, rel, stamp) for rel, stamp in _scan(root)]
    return [_target(root, Path(path)) for path in files]


def _target(root: Path, path: Path) -> cache.Target:
    """A file named on the command line: cached only when it is spelled as a scan would."""
    try:
        rel = path.relative_to(root).as_posix()
        stamp = cache.stamp_of(path.stat())
    except (ValueError, OSError):
        return cache.Target(str(path))
    if str(root / rel) != str(path):
        return cache.Target(str(path))
    return cache.Target(str(path), rel, stamp)


# --- parsing ------------------------------------------------------------------


def parse_files(paths: list[str], settings: DeadlineSettings) -> list[tuple[bytes | None, Loaded]]:
    """(digest of the bytes, (notice, problems)) of each file, in order.

    Spread over worker processes when there are many files and more than one
    core; a progress bar shows on standard error when it is a terminal.
    """
    if not paths:
        return []
    with _progress(len(paths)) as advance:
        cores = _cores()
        if len(paths) >= PARALLEL_MIN and cores > 1:
            try:
                return _parse_parallel(paths, settings, cores, advance)
            except (OSError, RuntimeError, ImportError):  # no processes here: read them in turn
                pass
        results = []
        for path in paths:
            results.append(read_notice(path, settings))
            advance(1)
        return results


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _parse_parallel(
    paths: list[str], settings: DeadlineSettings, cores: int, advance: Callable[[int], None]
) -> list[tuple[bytes | None, Loaded]]:
    """Read ``paths`` in chunks, here and in ``cores - 1`` worker processes.

    The workers take chunks from the start while this process reads them from
    the end, each chunk that no worker has started yet: no core waits, and the
    records read here need not be pickled twice (in the worker and back here).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    done: list[list[tuple[bytes | None, Loaded]]] = [[] for _ in chunks]
    workers = min(cores - 1, len(chunks))
    with _quick_switch(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = [pool.submit(_parse_chunk, chunk, settings) for chunk in chunks]
        try:
            first, last = 0, len(chunks)  # taken from the workers: [0, first); read here: [last, n)
            while first < last:
                if not jobs[first].done() and jobs[last - 1].cancel():
                    last -= 1
                    done[last] = _parse_chunk(chunks[last], settings)
                    advance(len(chunks[last]))
                    continue
                done[first] = jobs[first].result()
                for _, (notice, _) in done[first]:
                    if notice is not None:
                        _share_notice(notice)
                advance(len(chunks[first]))
                first += 1
        finally:
            for job in jobs:
                job.cancel()
    return [result for chunk in done for result in chunk]


@contextmanager
def _quick_switch() -> Iterator[None]:
    """Let the pool's thread take the interpreter quickly while this one reads files.

    The thread receiving the workers' results needs the interpreter lock for
    each piece it reads from the pipe; at the default switch interval (5 ms)
    the workers would wait for it, blocked writing their results.
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _parse_chunk(paths: list[str], settings: DeadlineSettings) -> list[tuple[bytes | None, Loaded]]:
    return [read_notice(path, settings) for path in paths]


def _progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    if total < PROGRESS_MIN or not sys.stderr.isatty():
        return nullcontext(lambda n: None)
    from giaoban.render_progress import progress

    return progress(total, "Đang đọc các thông báo")


def read_notice(display: str, settings: DeadlineSettings) -> tuple[bytes | None, Loaded]:
    """Read one notice file: the digest of its bytes, its record (or None) and its problems."""
    problems: list[Problem] = []
    try:
        data = Path(display).read_bytes()
    except OSError as exc:
        msg = f"không đọc được tệp: {exc.strerror or exc}"
        return None, (None, (error(Source(display), "unreadable", msg),))
    notice = _notice_from(data, display, settings, problems)
    return cache.digest(data), (notice, tuple(problems))


def load_notice(path: Path, settings: DeadlineSettings, problems: list[Problem]) -> Notice | None:
    """Load one notice file; problems go to ``problems``; None if unusable."""
    return _notice_from(path.read_bytes(), str(path), settings, problems)


def _notice_from(
    data: bytes, display: str, settings: DeadlineSettings, problems: list[Problem]
) -> Notice | None:
    document = _document(data, display, problems)
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


def _document(data: bytes, display: str, problems: list[Problem]) -> Document | None:
    text, found = decode(data, display)
    problems.extend(found)
    if text is None:
        return None
    document, found = parse_text(text, display)
    problems.extend(found)
    return document


def load_settings(path: Path, problems: list[Problem], data: bytes | None = None) -> Settings:
    """The settings in ``path`` (defaults when there is no such file)."""
    doc = _load(path, schema.SETTINGS, problems, data)
    if doc is None:
        return Settings()
    values, _ = doc
    kept = {k: v for k, v in values.items() if k not in ("days_off", "ledgers")}
    return Settings(
        days_off=tuple(values.get("days_off", ())),
        ledgers=tuple(values.get("ledgers", ())),
        **kept,
    )


def load_registry(path: Path, problems: list[Problem], data: bytes | None = None) -> Registry:
    """The unit registry in ``path`` (an empty one, not ``present``, when there is none)."""
    doc = _load(path, schema.REGISTRY, problems, data)
    if doc is None:
        return Registry()
    values, document = doc
    units = tuple(
        Unit(
            name=u["name"],
            short=tuple(u.get("short", ())),
            aliases=tuple(u.get("aliases", ())),
            source=document.at(("units", i)),
        )
        for i, u in values.get("units", ())
        if "name" in u
    )
    groups = tuple(
        Group(
            name=g["name"],
            aliases=tuple(g.get("aliases", ())),
            members=tuple(g.get("members", ())),
            source=document.at(("groups", i)),
        )
        for i, g in values.get("groups", ())
        if "name" in g
    )
    return Registry(units, groups, present=True)


def _load(
    path: Path, fields: tuple[schema.Field, ...], problems: list[Problem], data: bytes | None
) -> tuple[dict[str, Any], Document] | None:
    if data is None:
        if not path.is_file():
            return None
        data = path.read_bytes()
    document = _document(data, str(path), problems)
    if document is None or document.value is None:
        return None
    values, found = schema.check_mapping(document, fields)
    problems.extend(found)
    return values, document


# --- records ------------------------------------------------------------------


# Equal values met while reading (unit names, phrases, deadlines, key lists) are kept
# as one object: a ledger of 100,000 tasks repeats them endlessly, and the cache
# (pickle) stores a shared object once.
_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    if len(_SHARED) > 500_000:  # a long-lived process reading many ledgers
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


def _share_notice(notice: Notice) -> None:
    """Share the repeated values of a notice read in another process with ours.

    Records are frozen; this runs before anyone else sees them, and only
    swaps values for equal ones.
    """
    for task in notice.tasks:
        for name in ("notice_id", "owners", "supports", "deadline_text", "deadline", "status"):
            value = getattr(task, name)
            if value is not None:
                object.__setattr__(task, name, _shared(value))
        task.fields.keys = _shared(task.fields.keys)
    for name in ("kind", "recipients", "issuer", "signer"):
        value = getattr(notice, name)
        if value is not None:
            object.__setattr__(notice, name, _shared(value))
    notice.fields.keys = _shared(notice.fields.keys)


def _rows(data: Mapping[str, Any], key: str, *required: str) -> list[dict[str, Any]]:
    """The mappings of a list, leaving out those missing a required key (reported)."""
    return [row for _, row in data.get(key, ()) if all(k in row for k in required)]


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
