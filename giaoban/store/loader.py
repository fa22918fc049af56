"""A data folder -> its ledger: the registry, the settings and every notice.

``load_ledger`` reads the registry, the settings and every notice under a
data folder and returns the ledger with every problem found while reading
(one notice file: ``giaoban.store.noticefile``; many at once: ``giaoban.store.pool``).
Problems of content (duplicate ids, unknown units, ...) are found later by
``giaoban.checks.validation`` (through the index: ``giaoban.checks.cached.validate``).

What was read from each file (its record, its facts and its problems) is
kept in the index (``giaoban.store.index``, through ``giaoban.store.cache``),
so a later run parses only the files that changed; a run that changes
nothing reads no YAML at all. When many files
must be parsed they are spread over the available cores.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from stat import S_ISREG
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from giaoban.deadline.model import SchoolYear
from giaoban.model.errors import BusyIndexError, DamagedIndexError, os_reason
from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem, Source, error, place
from giaoban.model.settings import Settings, parse_cutoff
from giaoban.model.units import Group, Registry, Unit
from giaoban.store import cache, schema
from giaoban.store.files import (
    DATA_SUFFIX,
    SYMLINK,
    UnreadableFileError,
    hidden_name,
    hidden_part,
    own_name,
    read_data_file,
)
from giaoban.store.noticefile import document_of
from giaoban.store.pool import parse_files
from giaoban.store.yamlsafe import Document

REGISTRY_FILE = "units.yaml"
SETTINGS_FILE = "settings.yaml"
RESERVED = (REGISTRY_FILE, SETTINGS_FILE)


def is_ledger_file(rel: str) -> bool:
    """Whether ``rel`` (a path inside a data folder, relative to it, with ``/``) is the
    folder's registry or settings rather than a notice: only at the top of the folder
    (``2024/units.yaml`` is a notice)."""
    return rel in RESERVED


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


def notice_files(root: Path) -> list[Path]:
    """Every notice file under ``root``: ``*.yaml`` except the registry and settings."""
    return [root / rel for rel, _ in _scan(root, [])]


def _scan(root: Path, problems: list[Problem]) -> list[tuple[str, cache.Stamp | None]]:
    """(path relative to ``root``, stamp) of every notice file, in path order.

    No symlink is followed; a ``*.yaml`` that is not a regular file is kept
    without a stamp (never cached) so that reading it reports it. A folder
    that cannot be listed and a symlink to a folder go to ``problems``.
    """
    found: list[tuple[str, cache.Stamp | None]] = []
    _scan_folder(str(root), "", found, problems)
    return found


def _scan_folder(
    folder: str, prefix: str, found: list[tuple[str, cache.Stamp | None]], problems: list[Problem]
) -> None:
    """Depth first, names in order: the order of ``sorted()`` on the paths' parts."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        if prefix:  # the data folder itself missing is the caller's to say
            msg = f"không đọc được thư mục: {os_reason(exc)}; các tệp trong đó bị bỏ sót"
            problems.append(error(Source(folder), "unreadable", msg))
        return
    for entry in entries:
        name = entry.name
        if hidden_name(name):
            if not own_name(name):
                _hidden_notices(entry, prefix + name, problems)
            continue
        shown = _shown_name(name)
        if shown != name:
            msg = "tên có ký tự điều khiển hoặc không phải UTF-8: bỏ qua; hãy đổi tên"
            problems.append(error(Source(f"{folder}/{shown}"), "bad-file-name", msg))
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            info = entry.stat(follow_symlinks=False)
        except OSError:
            is_dir, info = False, None
        if is_dir:
            _scan_folder(entry.path, f"{prefix}{name}/", found, problems)
        elif name.endswith(DATA_SUFFIX) and not is_ledger_file(prefix + name):
            regular = info is not None and S_ISREG(info.st_mode)
            found.append((prefix + name, cache.stamp_of(info) if info and regular else None))
        elif _OTHER_YAML.search(name) and not name.endswith(DATA_SUFFIX):  # "x.yml", "x.YAML"
            stem = name[: name.rindex(".")]
            msg = (
                f"giaoban chỉ đọc tệp đuôi .yaml: tệp này không được đọc (nếu là một thông báo, "
                f"nó không được tính); đổi tên thành {stem}.yaml"
            )
            problems.append(error(Source(entry.path), "not-read", msg))
        elif entry.is_symlink() and _points_to_folder(entry.path):
            msg = f"bỏ qua thư mục này: {SYMLINK}"
            problems.append(error(Source(entry.path), "unreadable", msg))


def _hidden_notices(entry: os.DirEntry[str], rel: str, problems: list[Problem]) -> None:
    """Name each ``*.yaml`` the scan does not read because ``entry`` (at ``rel``) is hidden
    and not giaoban's or git's: a clerk's notices put in ``data/.cu/`` must not vanish.
    Symlinks are not followed (an editor's lock ``.#x.yaml`` is one)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            inside = sorted(os.scandir(entry.path), key=lambda e: e.name)
            for child in inside:
                _hidden_notices(child, f"{rel}/{child.name}", problems)
        elif entry.is_file(follow_symlinks=False) and entry.name.endswith(DATA_SUFFIX):
            problems.append(hidden_problem(entry.path, rel))
    except OSError:  # a hidden folder that cannot be listed holds nothing known of
        return


def hidden_problem(path: str, rel: str) -> Problem:
    """The error for the data file at ``path`` (``rel`` in its data folder) that is not
    read because a name in ``rel`` is hidden (``files.hidden_part``)."""
    parts = rel.split("/")
    part = hidden_part(rel) or parts[-1]
    what = "tệp" if parts.index(part) == len(parts) - 1 else "thư mục"
    msg = (
        f"tệp không được đọc vì tên {what} '{part}' bắt đầu bằng dấu chấm (ẩn): nếu là một"
        f" thông báo, nó không được tính; đổi tên bỏ dấu chấm, hoặc chuyển tệp ra khỏi thư mục"
        " dữ liệu"
    )
    return error(Source(path), "not-read", msg)


# A YAML file's other spellings ("x.yml", "x.YAML", "x.Yaml"), which giaoban does not read
_OTHER_YAML = re.compile(r"(?i)\.ya?ml$")


def _shown_name(name: str) -> str:
    """``name`` as a message can show it: bytes that are not UTF-8 and control
    characters (a line break) written out; the same string when it has none."""
    if name.isprintable():
        return name
    raw = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in raw)


def _points_to_folder(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except OSError:
        return False


# Makes the checks of one notice for a ledger (its root, registry and settings): given
# by the part that owns the checks (``giaoban.checks.validation.NoticeChecker``).
CheckerMaker = Callable[[str, Registry, Settings], cache.NoticeChecker]


def load_ledger(
    root: Path,
    files: Iterable[Path] | None = None,
    use_cache: bool | None = None,
    checks: CheckerMaker | None = None,
) -> LoadResult:
    """Load the data folder ``root`` (or only ``files`` in it, with its registry).

    ``use_cache``: read and fill the index in the cache folder (default: yes,
    unless GIAOBAN_NO_CACHE is set); else it is made in memory. The result is
    the same either way; an index found damaged is removed and made again.
    ``checks``: each notice read from its file is also checked, there and then,
    with the checker it makes (``LoadSession.checked``).
    """
    try:
        return _load_ledger(root, files, use_cache, checks)
    except DamagedIndexError:  # removed: read the files into a new one
        pass
    except (cache.ContendedIndexError, BusyIndexError):  # rewritten by others under every
        return _load_ledger(root, files, False, checks)  # attempt, or held: in memory
    try:
        return _load_ledger(root, files, use_cache, checks)
    except (DamagedIndexError, cache.ContendedIndexError, BusyIndexError):  # still none there
        return _load_ledger(root, files, False, checks)  # (read-only, say): in memory


def _load_ledger(
    root: Path, files: Iterable[Path] | None, use_cache: bool | None, checks: CheckerMaker | None
) -> LoadResult:
    scanned: list[Problem] = []
    targets = _targets(root, files, scanned)
    if any(target.rel is None for target in targets):
        # A file no scan of the folder reads (an edit's staged copy in a ".giaoban-*" folder,
        # a draft beside the folder) is read into an index of this run's own: in the shared
        # index, a report that read the whole folder would list it beside the notice it copies.
        use_cache = False
    with cache.quiet_collector():
        session = cache.LoadSession.open(root, use_cache)
        problems: list[Problem] = []
        settings = session.meta(SETTINGS_FILE, Settings, load_settings, problems)
        registry = session.meta(REGISTRY_FILE, Registry, load_registry, problems)
        session.set_resolution(settings.deadline_settings())
        problems.extend(scanned)
        checker = checks(str(root), registry, settings) if checks is not None else None
        session.load(targets, parse_files, whole=files is None, checker=checker)
        problems.extend(session.problems())
    return LoadResult(tuple(problems), len(targets), session, registry, settings)


def read_settings(root: Path, use_cache: bool | None = None) -> Settings:
    """The settings of the data folder ``root``, through the cache: no YAML when unchanged.

    Problems of the settings file are left to ``load_ledger`` (``check``).
    """
    try:
        return cache.LoadSession.open(root, use_cache).meta(
            SETTINGS_FILE, Settings, load_settings, []
        )
    except (DamagedIndexError, BusyIndexError):  # removed, or held by another: the file
        return load_settings(root / SETTINGS_FILE, [])


def settings_at(root: Path, key: str, value: object) -> Source:
    """Where ``value`` is written in the list ``key`` of ``root``'s settings (else where
    ``key`` is): for a setting that reads well but cannot be followed (a ``ledgers:``
    folder that is not there). Reads the file, not the cache: it is asked on a failure."""
    path = root / SETTINGS_FILE
    loaded = _load(path, schema.SETTINGS, [], None)
    if loaded is None:
        return Source(str(path))
    values, document = loaded
    written = values.get(key)
    if isinstance(written, list) and value in written:
        return document.at((key, written.index(value)))
    return document.at((key,))


def _targets(
    root: Path, files: Iterable[Path] | None, problems: list[Problem]
) -> list[cache.Target]:
    if files is None:
        prefix = "" if str(root) == "." else str(root).rstrip("/") + "/"
        return [cache.Target(prefix + rel, rel, stamp) for rel, stamp in _scan(root, problems)]
    targets = [_target(root, Path(path)) for path in files]
    for target in targets:  # named, but in a folder no scan reads: say so, as a scan would
        rel = _inside(root, Path(target.display))
        if rel is not None and hidden_part(rel) is not None:
            problems.append(hidden_problem(target.display, rel))
    return targets


def _inside(root: Path, path: Path) -> str | None:
    """``path`` relative to ``root`` (with '/'), as written; None when it is not under it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _target(root: Path, path: Path) -> cache.Target:
    """A file named on the command line: cached only when a scan of ``root`` reads it, under
    the name a scan gives it (``scan_key``)."""
    rel = scan_key(root, path)
    try:
        stamp = cache.stamp_of(path.stat())
    except OSError:
        return cache.Target(str(path))
    return cache.Target(str(path)) if rel is None else cache.Target(str(path), rel, stamp)


def scan_key(root: Path, path: Path) -> str | None:
    """The name a scan of ``root`` (``notice_files``) gives ``path``, relative to ``root``;
    None when no scan reads it: outside ``root`` or spelled otherwise, not a ``.yaml``, the
    registry or the settings, in a folder whose name starts with "." (an edit's staging
    folder) or that is a symlink, or a name the scan skips."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return None
    if not rel.parts or str(root / rel) != str(path) or not rel.name.endswith(".yaml"):
        return None
    if len(rel.parts) == 1 and rel.name in RESERVED:
        return None
    if any(hidden_name(part) or _shown_name(part) != part for part in rel.parts):
        return None
    folder = root
    for part in rel.parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or not folder.is_dir():
            return None
    return rel.as_posix()


def load_settings(path: Path, problems: list[Problem], data: bytes | None = None) -> Settings:
    """The settings in ``path`` (defaults when there is no such file)."""
    doc = _load(path, schema.SETTINGS, problems, data)
    if doc is None:
        return Settings()
    values, document = doc
    for key in _settings_problems(values, document, problems):
        del values[key]  # reported; its default holds
    kept = {k: v for k, v in values.items() if k not in _SETTINGS_BUILT}
    return Settings(
        days_off=tuple(values.get("days_off", ())),
        work_days=tuple(values.get("work_days", ())),
        report_recipients=tuple(values.get("report_recipients", ())),
        ledgers=tuple(values.get("ledgers", ())),
        school_year=_school_year(values.get("school_year"), document, problems),
        events=tuple(sorted(values.get("events", {}).items())),
        **kept,
    )


def _settings_problems(
    values: dict[str, Any], document: Document, problems: list[Problem]
) -> list[str]:
    """Check each settings value whose type alone does not make it right; report each wrong
    one at its place in ``settings.yaml`` and return its key."""
    wrong = []
    timezone = values.get("timezone")
    if timezone is not None and not _is_zone(timezone):
        wanted = "tên múi giờ IANA, ví dụ 'Asia/Ho_Chi_Minh'"
        wrong.append(("timezone", f"{wanted} (đang là '{timezone}')"))
    cutoff = values.get("week_cutoff")
    if cutoff is not None and parse_cutoff(cutoff) is None:
        wrong.append(("week_cutoff", f"thứ và giờ, ví dụ 'thứ 6 14:00' (đang là '{cutoff}')"))
    for key, wanted in wrong:
        msg = f"{place((key,))} phải là {wanted}"
        problems.append(error(document.at((key,)), "bad-value", msg))
    return [key for key, _ in wrong]


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError, OSError):
        return False
    return True


_SETTINGS_BUILT = (
    "days_off", "work_days", "report_recipients", "ledgers", "school_year", "events"
)  # fmt: skip
_SCHOOL_YEAR_KEYS = ("start", "second_semester", "end")


def _school_year(
    values: dict[str, Any] | None, document: Document, problems: list[Problem]
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """``school_year: {start: "01/09", second_semester: "16/01", end: "31/05"}``; a bound
    not written keeps its default (``SchoolYear``). Bounds that cannot hold together
    (``SchoolYear.wrong_bound``) are an error, as a bound that is not a day is."""
    if not values:
        return None
    default = SchoolYear()
    found = []
    for key in _SCHOOL_YEAR_KEYS:
        written = values.get(key)
        if written is None:
            found.append(getattr(default, key))
            continue
        try:
            day, month = (int(part) for part in str(written).split("/"))
            date(2001, month, day)  # a day every year has (29/02 is not)
        except ValueError:
            msg = (
                f"{place(('school_year', key))} phải là ngày/tháng dạng dd/mm (đang là '{written}')"
            )
            problems.append(error(document.at(("school_year", key)), "bad-value", msg))
            return None
        found.append((month, day))
    bounds = SchoolYear(*found)
    wrong = bounds.wrong_bound()
    if wrong is not None:
        problems.append(_school_year_problem(bounds, wrong, values, document))
        return None
    return bounds.start, bounds.second_semester, bounds.end


def _school_year_problem(
    bounds: SchoolYear, wrong: str, values: dict[str, Any], document: Document
) -> Problem:
    """The error of ``school_year`` bounds that cannot hold together, at the bound that
    breaks them (or, when that one is a default, at a bound written)."""

    def shown(key: str) -> str:
        if key in values:
            return f"'{values[key]}'"
        month, day = getattr(bounds, key)
        return f"{day:02d}/{month:02d}, mặc định"

    if wrong == "end":
        why = (
            f"trước ngày năm học bắt đầu ('start': {shown('start')}), vì năm học kết thúc "
            "trong năm sau năm khai giảng và trước khi năm học mới bắt đầu"
        )
    else:
        why = (
            f"từ 01/01 đến ngày năm học kết thúc ('end': {shown('end')}), vì học kỳ II bắt "
            "đầu trong năm sau năm khai giảng và trước khi năm học kết thúc"
        )
    msg = f"{place(('school_year', wrong))} phải {why} (đang là {shown(wrong)})"
    key = wrong if wrong in values else next(k for k in _SCHOOL_YEAR_KEYS if k in values)
    return error(document.at(("school_year", key)), "bad-value", msg)


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
        if not os.path.lexists(path):
            return None
        try:
            data = read_data_file(path)
        except UnreadableFileError as exc:
            problems.append(error(Source(str(path)), "unreadable", str(exc)))
            return None
    document = document_of(data, str(path), problems)
    if document is None or document.value is None:
        return None
    values, found = schema.check_mapping(document, fields)
    problems.extend(found)
    return values, document
