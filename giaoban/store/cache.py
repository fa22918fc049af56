"""Loading a data folder through its index, so a run reads YAML only for files that changed.

The index (``giaoban.store.index``) is never the source of truth: every
entry is checked against its file's size, modification and change times and
inode (and, for a file changed too recently to trust its times, against a
digest of its bytes) before it is used; anything missing, stale, damaged or
written by another version of giaoban is read again.

Where: ``$GIAOBAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/giaoban``, else
``~/.cache/giaoban``; one folder per data folder, named from a hash of its
absolute path and of how it is spelled (messages quote paths as given),
holding ``index.sqlite``. With ``--no-cache`` (or ``GIAOBAN_NO_CACHE=1``) the
index is made in memory, the same way.

``LoadSession`` is one load of a data folder: the loader parses, this module
remembers. What a run then reads of the index is the rows of exactly the files
its load scanned, as it found or wrote them, whatever other processes write
meanwhile (``LoadSession.load``).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, TypeGuard

import giaoban
from giaoban.model.ledger import Ledger, Notice
from giaoban.model.problems import Problem, Source
from giaoban.store.files import UnreadableFileError, read_data_file
from giaoban.store.index import FileEntry, Index, IndexedNotices, NoticeRows, Stamp

if TYPE_CHECKING:
    from giaoban.deadline import DeadlineSettings
    from giaoban.model.settings import Settings
    from giaoban.model.units import Registry

FORMAT = 7  # bump when what is kept changes
# A file modified less than this before it was read may change again without its
# modification time moving (coarse file-system clocks): such an entry is "racy"
# and is trusted only after comparing a digest of the file's bytes.
RACY_NS = 3_000_000_000

Loaded = tuple[Notice | None, tuple[Problem, ...]]  # what is kept per notice file
# What the checks of one notice alone found, by check (only those that found something),
# and the notice's id with where it is written (``giaoban.checks.validation.NoticeChecker``).
Checked = tuple[dict[str, tuple[Problem, ...]], tuple[str, Source]]
# What is kept of a notice's checks: the digest of its file's bytes, then ``Checked``.
KeptChecks = tuple[bytes, dict[str, tuple[Problem, ...]], tuple[str, Source]]
# The checks of one notice, given by the part that owns them and run where the notice is
# read, so that no record is read again to check it (picklable: it goes to the workers).
NoticeChecker = Callable[[Notice], Checked]
# A parser gives, for each file: the digest of its bytes, what was read (the record is
# None when it was read in another process), the record pickled when it was read in
# another process, the rows of its notice for the index (None: no notice), and what the
# checker found in the notice (None: no notice, or no checker).
Parsed = tuple[bytes | None, Loaded, bytes | None, NoticeRows | None, Checked | None]
Parser = Callable[[list[str], "DeadlineSettings", NoticeChecker | None], list[Parsed]]
ATTEMPTS = 5  # loads of one folder started again when others keep rewriting its index


class ContendedIndexError(Exception):
    """Other processes rewrote the files' entries in the index under every attempt of a
    load (``LoadSession.load``); the caller reads the files into an index of its own."""


def cache_enabled(use_cache: bool | None = None) -> bool:
    """Whether to use the cache: ``use_cache`` if given, else not when GIAOBAN_NO_CACHE is set."""
    if use_cache is not None:
        return use_cache
    return os.environ.get("GIAOBAN_NO_CACHE", "") in ("", "0")


def cache_home() -> Path:
    """The folder holding every data folder's cache."""
    explicit = os.environ.get("GIAOBAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "giaoban"


def folder_for(root: Path) -> Path:
    """The cache folder of the data folder ``root``."""
    spelled = f"{os.path.abspath(root)}\0{root}"
    name = hashlib.blake2b(spelled.encode("utf-8", "surrogateescape"), digest_size=10)
    return cache_home() / f"{Path(os.path.abspath(root)).name or 'root'}-{name.hexdigest()}"


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def stamp_of(stat: os.stat_result) -> Stamp:
    """What tells a file changed: size, modification and change times, inode.

    The change time moves on every write, even one that puts the old
    modification time back; the inode moves when a file is replaced.
    """
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def key_of(*parts: object) -> str:
    """A short stable hash of ``parts`` (their reprs), to key cache contents."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


# The libraries whose answers the index keeps: working days and days off (holidays),
# lunar dates (lunar_vn), the deadline grammar's parser (lark), recurrences (dateutil).
KEPT_FROM = ("holidays", "lunar_vn", "lark", "dateutil")


def code_key() -> str:
    """The version and the source files of giaoban, and the installed copies of the
    libraries in ``KEPT_FROM``: any change invalidates the cache."""
    package = Path(giaoban.__file__).parent
    stamps = []
    for folder, _, names in os.walk(package):
        for name in sorted(names):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append((name, stat.st_size, stat.st_mtime_ns))
    libraries = [library_stamp(name) for name in KEPT_FROM]
    return key_of(FORMAT, giaoban.__version__, sorted(stamps), libraries)


def library_stamp(name: str) -> tuple[object, ...]:
    """A stamp of the installed package ``name`` that changes when it is installed again
    (another version): its folder's and its ``__init__``'s inode, size and time. Found
    without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return (name, None)
    found: list[object] = [name]
    for path in (os.path.dirname(spec.origin), spec.origin):
        try:
            stat = os.stat(path)
        except OSError:
            found.append(None)
            continue
        found.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@contextlib.contextmanager
def quiet_collector() -> Iterator[None]:
    """Keep Python's cycle collector out of loading, and out of the records afterwards.

    Loading makes millions of small objects and no cycles; left on, the
    collector would walk them all several times (seconds for 100,000 tasks).
    They are moved to the permanent generation when done (``gc.freeze``):
    still freed as usual when no longer used, just never scanned for cycles.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


# --- loading a data folder through the cache ----------------------------------


@dataclass(frozen=True)
class Target:
    """One notice file to load: as named in messages, and as known to the cache."""

    display: str
    rel: str | None = None  # path relative to the data folder; None: not cached
    stamp: Stamp | None = None


class LoadSession:
    """One load of a data folder through its index (a file in the cache folder, or in
    memory). ``check`` with nothing changed reads no record."""

    def __init__(self, root: Path, index: Index) -> None:
        self.root = root
        self.index = index
        self.started_ns = time.time_ns()
        self.settings: DeadlineSettings | None = None
        self.meta_digests: list[bytes | None] = []
        self.targets: list[Target] = []
        self.entries: list[FileEntry] = []  # per target
        self.digests: dict[str, bytes] = {}  # notice path as shown -> digest of its bytes
        self.whole: str | None = None  # key of the whole set of files, for validation
        # notice path as shown -> (digest of its bytes, what its checks found, its id and
        # where): the notices checked as they were read in this load
        self.checked: dict[str, KeptChecks] = {}

    @classmethod
    def open(cls, root: Path, use_cache: bool | None) -> LoadSession:
        """A session for ``root``, with its index on disk unless the cache is off."""
        if not cache_enabled(use_cache):
            return cls(root, Index.memory())
        return cls(root, Index.open(folder_for(root), code_key()))

    def is_racy(self, stamp: Stamp) -> bool:
        return stamp[1] >= self.started_ns - RACY_NS

    def meta(
        self, name: str, kind: type, reader: Callable[..., Any], problems: list[Problem]
    ) -> Any:
        """The settings or the registry (a ``kind``): from the index when its file is unchanged."""
        path = self.root / name
        stamp = _regular_stamp(path)
        if stamp is None:  # none, or not a regular file: the reader gives defaults, or says why
            self.meta_digests.append(None)
            return reader(path, problems)
        saved = self.index.get(f"file:{name}")
        good = (
            isinstance(saved, tuple)
            and len(saved) == 4
            and saved[0] == stamp
            and isinstance(saved[2], kind)
            and are_problems(saved[3])
            and (not self.is_racy(stamp) or _digest_of(path) == saved[1])
        )
        if not good:
            try:
                data = read_data_file(path)
            except UnreadableFileError:  # the reader says why
                return reader(path, problems)
            found: list[Problem] = []
            saved = (stamp, digest(data), reader(path, found, data), tuple(found))
            with self.index.writing():
                self.index.put(f"file:{name}", saved)
        self.meta_digests.append(saved[1])
        problems.extend(saved[3])
        return saved[2]

    def set_resolution(self, settings: DeadlineSettings) -> None:
        """What was read depends on how deadlines are read; checks also on the registry."""
        self.settings = settings
        self.index.depend("resolution", key_of(settings), "events", "tasks", "notices", "files")

    def load(
        self,
        targets: list[Target],
        parse: Parser,
        whole: bool,
        checker: NoticeChecker | None = None,
    ) -> None:
        """Learn the problems of ``targets`` from the index; parse the files it lacks.

        ``whole``: the targets are every notice file of the folder, so entries
        of files that are gone are dropped. ``checker``: the checks of one notice,
        run on each notice parsed (``checked``).

        What the run then reads of the index is its view of it (``Index.pin``): the
        rows of exactly these files, as this load found or wrote them, whatever other
        processes write meanwhile. When others rewrote some of them while this load
        wrote the rest, it starts again (files already parsed are not parsed again);
        after ``ATTEMPTS``, ``ContendedIndexError``.
        """
        assert self.settings is not None  # set by ``set_resolution``
        self.targets = targets
        keys = [_key(t) for t in targets]
        read = _Reader(targets, parse, self.settings, checker)
        for _ in range(ATTEMPTS):
            found = self._attempt(keys, read, whole)
            if found is not None:
                break
        else:
            raise ContendedIndexError("chỉ mục bị các lệnh khác ghi lại liên tục")
        self.entries = found
        index = self.index
        if whole and not index.consistent(*self.counts()):
            raise index.db.damaged(ValueError("thiếu dữ liệu"))
        index.select(keys, whole=whole)
        if whole:  # the same bytes under other names are another ledger (ids follow names)
            self.whole = key_of(self.meta_digests, keys, [e.digest for e in self.entries])

    def _attempt(self, keys: list[str], read: _Reader, whole: bool) -> list[FileEntry] | None:
        """One attempt of ``load``: each target's entry, the index pinned to hold exactly
        these (None: others rewrote some of them meanwhile; the index is not pinned)."""
        index, targets = self.index, read.targets
        seen = index.pin()
        known = index.files()
        trusted: list[str] = []  # racy entries now long past: trusted by their stamps
        found = [
            self._known(known.get(key), target, trusted)
            for key, target in zip(keys, targets, strict=True)
        ]
        todo = [i for i, entry in enumerate(found) if entry is None]
        parsed = read(todo)
        present = set(keys)
        gone = [key for key in known if key not in present] if whole else []
        if not (todo or gone or trusted):
            return _complete(found)  # all known, as pinned
        index.unpin()
        with index.writing():
            if index.version() != seen:  # others wrote since ``known`` was read
                current = index.stamps()
                if not _holds(current, keys, found):
                    return None
                gone = [key for key in current if key not in present] if whole else []
            index.forget([*gone, *(keys[i] for i in todo)])  # while the indexes are there
            for key in trusted:
                index.trust(key, False)
            with index.bulk(len(todo)):
                for i in todo:
                    data_digest, (notice, problems), record, rows, checked = parsed[i]
                    entry = found[i] = self._entry(targets[i], data_digest, rows, problems)
                    if data_digest is not None:
                        self.digests[targets[i].display] = data_digest
                        if checked is not None:
                            self.checked[targets[i].display] = (data_digest, *checked)
                    index.keep(keys[i], entry, rows, record, notice)
            written = index.version()
        if index.pin() != written:  # others wrote between this write and the pin
            current = index.stamps()
            if not _holds(current, keys, found) or (whole and len(current) != len(keys)):
                index.unpin()
                index.records.clear()  # a notice written here may have been replaced
                return None
        return _complete(found)

    def _known(
        self, entry: FileEntry | None, target: Target, trusted: list[str]
    ) -> FileEntry | None:
        """``entry`` when it was read from the file as it is now (its key added to
        ``trusted`` when it was racy and is now long past: trusted by its stamp from now on)."""
        if entry is None or not entry.trusted or target.stamp is None:
            return None
        if entry.stamp != target.stamp:
            return None
        if entry.racy:
            if _digest_of(Path(target.display)) != entry.digest:
                return None
            if not self.is_racy(target.stamp):
                trusted.append(_key(target))
        self.digests[target.display] = entry.digest
        return entry

    def _entry(
        self,
        target: Target,
        data_digest: bytes | None,
        rows: NoticeRows | None,
        problems: tuple[Problem, ...],
    ) -> FileEntry:
        trusted = data_digest is not None and target.rel is not None and target.stamp is not None
        stamp = target.stamp or (0, 0, 0, 0)
        racy = not trusted or self.is_racy(stamp)
        tasks = -1 if rows is None else len(rows.tasks)
        return FileEntry(stamp, data_digest or b"", racy, trusted, problems, tasks)

    def problems(self) -> list[Problem]:
        """The problems found reading each notice file, in file order."""
        return [p for entry in self.entries for p in entry.problems]

    def counts(self) -> tuple[int, int]:
        """How many notices and tasks the files hold, without reading the records."""
        tasks = [entry.tasks for entry in self.entries if entry.tasks >= 0]
        return len(tasks), sum(tasks)

    def ledger(self, registry: Registry, settings: Settings) -> Ledger:
        """The ledger of the files, in ``Ledger`` order (date, id, source); its records
        are read from the index when looked at."""
        return Ledger(str(self.root), IndexedNotices(self.index), registry, settings)

    def checks_key(self) -> str:
        """What kept validation problems depend on: how deadlines are read and the
        registry (``giaoban.checks.cached``)."""
        return key_of(self.settings, self.meta_digests)


class _Reader:
    """Parses the targets of a load, each once however many attempts the load makes."""

    def __init__(
        self,
        targets: list[Target],
        parse: Parser,
        settings: DeadlineSettings,
        checker: NoticeChecker | None,
    ) -> None:
        self.targets = targets
        self.parse = parse
        self.settings = settings
        self.checker = checker
        self.parsed: dict[int, Parsed] = {}  # by target

    def __call__(self, todo: list[int]) -> dict[int, Parsed]:
        """What was read of each target ``todo`` (by target)."""
        new = [i for i in todo if i not in self.parsed]
        displays = [self.targets[i].display for i in new]
        self.parsed.update(zip(new, self.parse(displays, self.settings, self.checker), strict=True))
        return self.parsed


def _holds(
    current: dict[str, tuple[Stamp, bytes]], keys: list[str], found: list[FileEntry | None]
) -> bool:
    """Whether the index's entries (``current``: ``Index.stamps``) are still those of
    ``found``, the entries this load found or wrote (None: to be written)."""
    return all(
        entry is None or current.get(key) == (entry.stamp, entry.digest)
        for key, entry in zip(keys, found, strict=True)
    )


def _complete(found: list[FileEntry | None]) -> list[FileEntry]:
    entries = [entry for entry in found if entry is not None]
    assert len(entries) == len(found)  # every target found or written
    return entries


def _key(target: Target) -> str:
    """A file's key in the index: its path in the data folder, as written when not cached."""
    return target.rel if target.rel is not None and target.stamp is not None else target.display


def _digest_of(path: Path) -> bytes | None:
    try:
        return digest(read_data_file(path))
    except (OSError, UnreadableFileError):
        return None


def _regular_stamp(path: Path) -> Stamp | None:
    """The stamp of ``path`` if it is a regular file (a symlink is not)."""
    try:
        stat = path.lstat()
    except OSError:
        return None
    return stamp_of(stat) if S_ISREG(stat.st_mode) else None


def is_pair(value: Any) -> TypeGuard[tuple[Any, Any]]:
    """Whether a cached value has the shape stored (a damaged cache may not)."""
    return isinstance(value, tuple) and len(value) == 2


def are_problems(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(p, Problem) for p in value)
