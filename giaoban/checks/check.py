"""``giaoban check``: load the given files or folders, validate, collect problems."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from giaoban.checks.cached import validate
from giaoban.checks.validation import NoticeChecker
from giaoban.model.errors import InvalidDataError, UsageError, no_data_folder
from giaoban.model.facts import is_recurring
from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem, error
from giaoban.model.settings import Settings
from giaoban.store.ledgers import merge_ledgers, unique_names
from giaoban.store.loader import (
    REGISTRY_FILE,
    SETTINGS_FILE,
    is_ledger_file,
    load_ledger,
    notice_files,
    read_settings,
    settings_at,
)


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    files: int
    notices: int
    tasks: int
    # each folder checked whole, and its ledger as read without the notices of the files
    # with errors: what "now" says of it needs no second reading
    ledgers: tuple[tuple[Path, Ledger], ...] = field(default=(), compare=False, repr=False)
    # the notice files with errors and recurring duties those ledgers leave out
    left_out: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def ledger_root(path: Path, default: Path) -> Path:
    """The data folder a file or folder belongs to.

    The nearest folder with a registry or settings (a folder itself counts); else
    ``default`` when ``path`` lies in it, or is a file and ``default`` is a folder (an
    import draft kept beside the data folder is checked with its registry); else the
    folder given, or a file's folder. A folder inside a data folder (``data/2024``) thus
    belongs to it, as its files do.
    """
    resolved = path.resolve()
    folder = path.is_dir()
    for parent in [resolved, *resolved.parents] if folder else resolved.parents:
        if (parent / REGISTRY_FILE).is_file() or (parent / SETTINGS_FILE).is_file():
            return _as_given(parent, path)
    if _is_within(path, default) or (not folder and default.is_dir()):
        return default
    return path if folder else path.parent


def _as_given(resolved_parent: Path, path: Path) -> Path:
    """``resolved_parent`` spelled relative to how ``path`` was given, for messages."""
    absolute = path.resolve()
    depth = len(absolute.relative_to(resolved_parent).parts)
    given = path
    for _ in range(depth):
        given = given.parent
    return given


def _same(path: Path, other: Path) -> bool:
    return path.resolve() == other.resolve()


def _is_within(path: Path, folder: Path) -> bool:
    return _in_folder(path, folder) is not None


@dataclass
class _Group:
    """What ``check`` reads with one data folder's registry: the folder whole, and files."""

    whole: bool = False
    files: list[Path] = field(default_factory=list)
    # its registry or settings, named: every reading of the folder checks them
    ledger_files: list[Path] = field(default_factory=list)

    def names_settings(self) -> bool:
        """Whether the folder's settings are checked as such (the folder whole, or its
        settings named): what they say of other folders (``ledgers:``) is then checked;
        a notice named alone is only read with them."""
        return self.whole or any(f.name == SETTINGS_FILE for f in self.ledger_files)

    def loads(self, root: Path) -> list[list[Path] | None]:
        """The readings of ``root`` that check each file once: the folder whole (``None``)
        when named, then the files it does not read (a draft beside it), each once; its
        registry or settings named alone are read with no notice."""
        files = _each_once(self.files)
        if not self.whole:
            return [files] if files or self.ledger_files else []
        if files:  # only a scan knows which named files the whole reading covers
            read = {f.resolve() for f in notice_files(root)}
            files = [f for f in files if f.resolve() not in read]
        return [None, files] if files else [None]


def _groups(targets: Sequence[Path], data_dir: Path) -> dict[Path, _Group]:
    """``targets`` by the data folder whose registry checks them (``ledger_root``).

    A folder named whole is read whole; a file or a folder inside a data folder adds its
    notice files; a file outside every data folder (a draft beside ``data_dir``) is kept
    whatever else is named, so that naming the folder too never hides it.
    """
    groups: dict[Path, tuple[Path, _Group]] = {}  # by where the folder really is
    for target in targets:
        root = ledger_root(target, data_dir)
        _, group = groups.setdefault(root.resolve(), (root, _Group()))
        if target.is_dir() and _same(root, target):
            group.whole = True
            groups[root.resolve()] = (target, group)  # its problems spelled as it was named
            continue
        if target.is_dir():  # a folder inside a data folder: its notices, with that ledger
            group.files.extend(notice_files(target))
        elif is_ledger_file(_in_folder(target, root) or ""):
            group.ledger_files.append(target)
        else:
            group.files.append(target)
    return dict(groups.values())


def _in_folder(path: Path, folder: Path) -> str | None:
    """``path`` relative to ``folder`` (with ``/``), or None when it is not inside it."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def check_paths(
    paths: Sequence[Path],
    data_dir: Path,
    use_cache: bool | None = None,
    ledgers_from: Path | None = None,
) -> CheckReport:
    """Check ``paths`` (files or folders), or the whole ``data_dir`` when none.

    ``use_cache``: reuse what earlier runs read (see ``giaoban.store.cache``); the
    report is the same either way. ``ledgers_from``: where ``data_dir`` really is, when
    it is a copy (the pre-commit hook checks the staged files in a temporary folder):
    the folders its settings list under ``ledgers:`` are looked for from there.
    """
    targets = _each_once(list(paths) or [data_dir])
    for target in targets:
        if not target.exists():
            raise UsageError(f"không có tệp hoặc thư mục '{target}'")
    groups = _groups(targets, data_dir)
    problems: list[Problem] = []
    files_read = notices = tasks = 0
    whole: list[tuple[Path, Ledger]] = []
    left_out: list[str] = []
    for root, group in groups.items():
        if not group.whole:  # a whole reading counts notice files, as it always has
            files_read += len(_each_once(group.ledger_files))
        for n, files in enumerate(group.loads(root)):
            result = load_ledger(root, files, use_cache, checks=NoticeChecker)
            found = [*result.problems, *validate(result)]
            if n == 0 and group.names_settings():  # once per data folder
                here = ledgers_from if ledgers_from and _same(root, data_dir) else root
                found += listed_ledgers(root, result.settings, here)[1]
            if files is None:
                kept = _without(result.ledger, [p for p in found if p.is_error])
                whole.append((root, kept))
                left_out += _left_out(result.ledger, kept)
            problems.extend(found)
            files_read += result.files
            notices += result.notices
            tasks += result.tasks
    # dict.fromkeys drops repeats but keeps the order, so ties sort the same every run
    unique = sorted(dict.fromkeys(problems), key=Problem.sort_key)
    return CheckReport(
        tuple(unique), files_read, notices, tasks, tuple(whole), tuple(dict.fromkeys(left_out))
    )


def open_ledger(data_dir: Path, use_cache: bool | None = None) -> Ledger:
    """Load and validate ``data_dir`` for a report; refuse it if it has errors."""
    return open_ledgers([data_dir], use_cache)


@dataclass(frozen=True)
class LedgerList:
    """The folders read as one ledger for the data folders named (``--data``), each once."""

    folders: tuple[Path, ...]
    # the first data folder named: the office whose reports these are, framed by its
    # settings (``week_cutoff``, ``backlog_days``, ``days_off``, ...) even when it holds no
    # notice of its own and so is not among ``folders``
    office: Path
    # a ``ledgers:`` entry that cannot be read (not there, or one inside another), at its
    # line in ``settings.yaml``: ``check`` tells it, every report refuses it
    problems: tuple[Problem, ...] = ()


def resolve_ledgers(
    data_dirs: Sequence[Path], use_cache: bool | None = None, *, whole: bool = False
) -> LedgerList:
    """The one reading of ``--data`` and ``ledgers:``, for ``check`` and every report.

    Each data folder named, and the folders its settings list under ``ledgers:``
    (``listed_ledgers``). A folder whose settings list other ledgers is read with them
    when it holds notices of its own (a central office with its own notices, reading each
    province's clone), or always when ``whole`` (``check``: its settings and registry are
    checked even when it holds no notice). One folder named twice, in any spelling or
    through a link, is read once. A folder inside another one read too would list each of
    its tasks twice: a ``ledgers:`` entry is left out and goes to ``problems``; two
    ``--data`` are refused here (``UsageError``), naming both.
    """
    folders: list[Path] = []
    problems: list[Problem] = []
    for data_dir in data_dirs:
        settings = _listed(data_dir, use_cache)
        listed, found = listed_ledgers(data_dir, settings)
        problems += found
        if whole or not settings.ledgers or notice_files(data_dir):
            folders.append(data_dir)
        folders.extend(listed)
    kept = _each_once(folders)
    for inner in kept:
        outer = next((folder for folder in kept if _strictly_inside(inner, folder)), None)
        if outer is not None:
            raise UsageError(
                f"thư mục sổ '{inner}' nằm trong thư mục sổ '{outer}' cũng được đọc (--data "
                "hoặc 'ledgers:'): mỗi thông báo trong đó sẽ bị tính hai lần; chỉ đọc một "
                "trong hai thư mục"
            )
    return LedgerList(tuple(kept), data_dirs[0], tuple(problems))


def ledger_folders(data_dirs: Sequence[Path], use_cache: bool | None = None) -> list[Path]:
    """The folders a report reads (``resolve_ledgers``); a ``ledgers:`` entry that cannot
    be read is refused (``check`` tells it as an error at its line)."""
    listing = _for_report(data_dirs, use_cache)
    return list(listing.folders)


def _for_report(data_dirs: Sequence[Path], use_cache: bool | None) -> LedgerList:
    listing = resolve_ledgers(data_dirs, use_cache)
    if listing.problems:
        raise UsageError("\n".join(f"{p.source}: {p.message}" for p in listing.problems))
    return listing


def check_folders(data_dirs: Sequence[Path], use_cache: bool | None = None) -> list[Path]:
    """What ``giaoban check`` with no path reads (``resolve_ledgers``): each data folder
    whole, and the ``ledgers`` its settings list that can be read; one that cannot is an
    error of the data folder's own check (``listed_ledgers``), not a refusal."""
    return list(resolve_ledgers(data_dirs, use_cache, whole=True).folders)


def _listed(data_dir: Path, use_cache: bool | None) -> Settings:
    """The settings of ``data_dir``, whose ``ledgers`` name the folders read with it."""
    if not data_dir.is_dir():
        raise no_data_folder(data_dir)
    return read_settings(data_dir, use_cache)


def listed_ledgers(
    data_dir: Path, settings: Settings, counted_from: Path | None = None
) -> tuple[list[Path], list[Problem]]:
    """The folders ``data_dir``'s ``ledgers`` list that can be read with it, and an error at
    its line in ``settings.yaml`` for each that cannot: not there (or not a folder), or
    inside or around the data folder or an entry above it (its notices would be read
    twice). Every report refuses the data folder then, so its check fails. Asked on every
    reading, never kept in the index: the folder may come or go while the settings stay.
    One folder listed twice, or the data folder itself, is no error: it is read once.
    ``counted_from``: the folder the listed paths are relative to, when ``data_dir`` is
    a copy of it (``check_paths``)."""
    base = data_dir if counted_from is None else counted_from
    kept: list[tuple[str, Path]] = []
    problems = []
    for other in settings.ledgers:
        folder = base / other
        where = f"(trong 'ledgers:', tính từ thư mục '{base}': {os.path.normpath(folder)})"
        if not folder.is_dir():
            msg = f"không có thư mục sổ '{other}' {where}"
        else:
            clash = _overlap(folder, base, kept)
            if clash is None:
                kept.append((other, folder))
                continue
            msg = (
                f"thư mục sổ '{other}' {where} {clash}: mỗi thông báo trong đó sẽ bị tính "
                "hai lần; bỏ một trong hai"
            )
        problems.append(error(settings_at(data_dir, "ledgers", other), "bad-value", msg))
    return [folder for _, folder in kept], problems


def _overlap(folder: Path, base: Path, kept: Sequence[tuple[str, Path]]) -> str | None:
    """How ``folder`` lies inside or around the data folder ``base`` or a folder listed
    before it (``kept``: as written, where), said for a message; None when it does not."""
    for written, other in [(None, base), *kept]:
        named = f"thư mục dữ liệu '{base}'" if written is None else f"thư mục sổ '{written}'"
        if _strictly_inside(folder, other):
            return f"nằm trong {named}"
        if _strictly_inside(other, folder):
            return f"chứa {named}"
    return None


def _strictly_inside(folder: Path, other: Path) -> bool:
    """Whether ``folder`` lies inside ``other`` (links followed), and is not ``other``."""
    return other.resolve() in folder.resolve().parents


def _each_once(folders: list[Path]) -> list[Path]:
    """Each folder (or file) once, by where it really is: "hanoi/data" and
    "./hanoi/../hanoi/data" (or a link to it), or a ledger listing itself, are one
    folder, read once, never counted twice."""
    seen: set[Path] = set()
    kept = []
    for folder in folders:
        where = folder.resolve()
        if where not in seen:
            seen.add(where)
            kept.append(folder)
    return kept


def open_ledgers(data_dirs: Sequence[Path], use_cache: bool | None = None) -> Ledger:
    """Load and validate every ledger; one ledger, ids prefixed by each one's name.

    Errors of every ledger are collected before refusing.
    """
    opened = open_for_report(data_dirs, use_cache)
    if opened.left_out:
        raise InvalidDataError(list(opened.left_out))
    return opened.ledger


@dataclass(frozen=True)
class Opened:
    """A ledger for a report, and the errors of what it leaves out (empty: nothing)."""

    ledger: Ledger
    left_out: tuple[Problem, ...] = ()
    # each ledger read, (the name its ids are prefixed with, its data folder), in order
    sources: tuple[tuple[str, Path], ...] = ()


def open_for_report(data_dirs: Sequence[Path], use_cache: bool | None = None) -> Opened:
    """Like ``open_ledgers``, but a broken file does not stop the report: every notice
    of a file with an error is left out, and the errors say which.

    One bad file then costs the Friday report that file, not the whole ledger;
    the caller names the errors and exits non-zero.
    """
    listing = _for_report(data_dirs, use_cache)
    folders = list(listing.folders)
    ledgers: list[Ledger] = []
    errors: list[Problem] = []
    for folder in folders:
        result = load_ledger(folder, use_cache=use_cache, checks=NoticeChecker)
        found = [p for p in (*result.problems, *validate(result)) if p.is_error]
        ledgers.append(_without(result.ledger, found))
        errors.extend(found)
    if _same(folders[0], listing.office):
        settings = ledgers[0].settings
    else:  # a central folder with no notice of its own: its settings still hold
        office = load_ledger(listing.office, [], use_cache, checks=NoticeChecker)
        errors.extend(p for p in office.problems if p.is_error)
        settings = office.settings
    names = unique_names(folders)
    ledger = merge_ledgers(ledgers, names, settings)
    problems = tuple(sorted(dict.fromkeys(errors), key=Problem.sort_key))
    return Opened(ledger, problems, tuple(zip(names, folders, strict=True)))


def _left_out(ledger: Ledger, kept: Ledger) -> list[str]:
    """The files of the notices with recurring duties ``ledger`` has and ``kept`` lacks:
    whether those duties are idle is not known."""
    if kept is ledger:
        return []  # the usual case: nothing left out
    have = set(kept.notice_paths())
    return [
        n.source.path
        for n in ledger.notices
        if n.source.path not in have and any(is_recurring(t.deadline) for t in n.tasks)
    ]


def _without(ledger: Ledger, errors: Sequence[Problem]) -> Ledger:
    """``ledger`` without the notices of the files ``errors`` are in."""
    if not errors:
        return ledger  # the usual case: the records are not read here
    broken = {p.source.path for p in errors}
    if not any(n.source.path in broken for n in ledger.notices):
        return ledger
    kept = tuple(n for n in ledger.notices if n.source.path not in broken)
    return replace(ledger, notices=kept)
