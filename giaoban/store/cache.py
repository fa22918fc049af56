"""A cache of what was read from each file, so a run reads YAML only for files that changed.

Never the source of truth: every entry is checked against its file's size and
modification time (and, for a file changed too recently to trust its time,
against a digest of its bytes) before it is used; anything missing, stale,
damaged or written by another version of giaoban is ignored and rebuilt
silently. Values are pickled; a cache file is read only when this user
alone could have written it (its folder is made private, mode 0700).

Where: ``$GIAOBAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/giaoban``, else
``~/.cache/giaoban``; one folder per data folder, named from a hash of its
absolute path and of how it is spelled (messages quote paths as given). In
it: ``meta`` (registry and settings), ``index`` (each notice file's stamp,
digest, problems, number of tasks and sort key), ``records-NN`` (the
notice records, in 16 shards so that one changed notice rewrites one shard,
each record readable alone: ``giaoban.store.recordshards``), ``agenda-NN`` and
``agenda-all`` (the facts reports need, per notice and for the folder:
``giaoban.reports.agenda``) and ``checks``
(validation problems). Each file is written to a temporary file and renamed
over the old one, so two processes filling the cache at once never leave a
half-written file (the last writer wins); a CRC-32 of its body catches damage.

``LoadSession`` is one load of a data folder through the cache; the loader
parses, this module remembers.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, TypeGuard

import giaoban
from giaoban.model.ledger import Ledger, Notice
from giaoban.model.problems import Problem
from giaoban.store.files import UnreadableFileError, open_private, read_data_file
from giaoban.store.lazynotices import LazyNotices
from giaoban.store.recordshards import RecordShard, header_matches, write_header

if TYPE_CHECKING:
    from giaoban.deadline import DeadlineSettings
    from giaoban.model.settings import Settings
    from giaoban.model.units import Registry
    from giaoban.reports.agenda import Agenda, NoticeFacts

FORMAT = 6  # bump when the layout of cache files changes
SHARDS = 16
# A file modified less than this before it was read may change again without its
# modification time moving (coarse file-system clocks): such an entry is "racy"
# and is trusted only after comparing a digest of the file's bytes.
RACY_NS = 3_000_000_000
# At most this many changed notices are put into the folder's agenda one by one;
# more, and the agenda is made again from every notice's facts.
UPDATE_MAX = 50


_CHECK = struct.Struct("<IQ")  # CRC-32 and length of a cache file's body
Stamp = tuple[int, int, int, int]  # size in bytes, mtime and ctime in ns, inode
Reader = Callable[[], bytes]
Loaded = tuple[Notice | None, tuple[Problem, ...]]  # what is kept per notice file
# A parser gives, for each file: the digest of its bytes, what was read, and the record
# already pickled when it was read in another process (None: pickled here when kept).
Parsed = tuple[bytes | None, Loaded, bytes | None]
Parser = Callable[[list[str], "DeadlineSettings"], list[Parsed]]


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


def code_key() -> str:
    """The version and the source files of giaoban: any change invalidates the cache."""
    package = Path(giaoban.__file__).parent
    stamps = []
    for folder, _, names in os.walk(package):
        for name in sorted(names):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append((name, stat.st_size, stat.st_mtime_ns))
    return key_of(FORMAT, giaoban.__version__, sorted(stamps))


@dataclass
class Entry:
    """What was read from one file, and the stamp and digest of the file it was read from."""

    stamp: Stamp
    digest: bytes
    racy: bool
    value: Any


class Table:
    """One cache file: a header naming what its entries depend on, then the entries."""

    def __init__(self, path: Path, header: tuple[Any, ...]) -> None:
        self.path = path
        self.header = header
        self.entries: dict[str, Any] = _read_pickled(path, header)
        self.dirty = False

    def save(self) -> None:
        if self.dirty:
            _write_pickled(self.path, self.header, self.entries)
            self.dirty = False


class Store:
    """The cache files of one data folder, read when first needed, written when changed."""

    def __init__(self, folder: Path, key: str, started_ns: int | None = None) -> None:
        self.folder = folder
        self.key = key
        self.started_ns = time.time_ns() if started_ns is None else started_ns
        self.tables: dict[str, Table] = {}
        self.shards: dict[str, RecordShard] = {}
        self.group_keys: dict[str, str] = {}

    def depend(self, group: str, key: str) -> None:
        """Make the tables of ``group`` valid only under ``key`` (e.g. the settings)."""
        self.group_keys[group] = key

    def table(self, group: str, name: str | None = None) -> Table:
        name = name or group
        table = self.tables.get(name)
        if table is None:
            header = (FORMAT, self.key, group, self.group_keys.get(group, ""))
            table = self.tables[name] = Table(self.folder / f"{name}.pickle", header)
        return table

    def shard_name(self, group: str, rel: str) -> str:
        """The file of ``group`` that holds ``rel``: one of a few, chosen by its path."""
        return f"{group}-{zlib.crc32(rel.encode()) % SHARDS:02d}"

    def records(self, rel: str) -> RecordShard:
        """The shard of records that holds ``rel``."""
        name = self.shard_name("records", rel)
        shard = self.shards.get(name)
        if shard is None:
            header = (FORMAT, self.key, "records", self.group_keys.get("records", ""))
            shard = self.shards[name] = RecordShard(self.folder / f"{name}.pickle", header)
        return shard

    def is_racy(self, stamp: Stamp) -> bool:
        return stamp[1] >= self.started_ns - RACY_NS

    def still_good(self, entry: Any, stamp: Stamp, read: Reader) -> TypeGuard[Entry]:
        """Whether ``entry`` was read from the file as it is now (``read`` gives its bytes).

        An entry whose file was changed just before it was read is checked by
        digest, and trusted by its stamp alone once that time is long past.
        """
        if type(entry) is not Entry or entry.stamp != stamp:
            return False
        if entry.racy:
            try:
                if digest(read()) != entry.digest:
                    return False
            except OSError:
                return False
            entry.racy = self.is_racy(stamp)
        return True

    def save(self) -> None:
        """Write every table that changed; a cache that cannot be written is skipped."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            for table in self.tables.values():
                table.save()
            for shard in self.shards.values():
                shard.save()
        except OSError:
            pass


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


def _read_pickled(path: Path, header: tuple[Any, ...]) -> dict[str, Any]:
    """The entries of a cache file, or {} when it is missing, damaged or for other settings.

    A file is its header (plain bytes), the CRC-32 and length of its body, then
    the body (the pickled entries): a damaged body, or a file another user
    could have written (``open_private``), is never unpickled.
    """
    try:
        with open_private(path) as stream:
            if not header_matches(stream, header):
                return {}
            crc, size = _CHECK.unpack(stream.read(_CHECK.size))
            body = stream.read()
        if len(body) != size or zlib.crc32(body) != crc:
            return {}
        with quiet_collector():
            entries = pickle.loads(body)
    except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
        return {}
    return entries if isinstance(entries, dict) else {}


def _write_pickled(path: Path, header: tuple[Any, ...], entries: dict[str, Any]) -> None:
    """Write ``header`` and ``entries`` to a temporary file, then rename it over ``path``."""
    import tempfile

    body = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            write_header(stream, header)
            stream.write(_CHECK.pack(zlib.crc32(body), len(body)))
            stream.write(body)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


# --- loading a data folder through the cache ----------------------------------


@dataclass(frozen=True)
class Target:
    """One notice file to load: as named in messages, and as known to the cache."""

    display: str
    rel: str | None = None  # path relative to the data folder; None: not cached
    stamp: Stamp | None = None


class LoadSession:
    """One load of a data folder, through its cache when there is one.

    The cache keeps, for each notice file, an index entry (its stamp, digest,
    problems and number of tasks) and, apart, its record. A run that needs no
    record (``check`` with nothing changed) reads the index alone.
    """

    def __init__(self, root: Path, store: Store | None) -> None:
        self.root = root
        self.store = store
        self.settings: DeadlineSettings | None = None
        self.parse: Parser | None = None
        self.meta_digests: list[bytes | None] = []
        self.targets: list[Target] = []
        self.entries: list[Entry] = []  # per target: stamp, digest, (problems, tasks or -1)
        self.fresh: dict[int, Notice | None] = {}  # targets parsed in this run
        self.digests: dict[str, bytes] = {}  # notice path as shown -> digest of its bytes
        self.whole: str | None = None  # key of the whole set of files, for validation

    @classmethod
    def open(cls, root: Path, use_cache: bool | None) -> LoadSession:
        """A session for ``root``, with its cache unless the cache is off or cannot be had."""
        if not cache_enabled(use_cache):
            return cls(root, None)
        try:
            return cls(root, Store(folder_for(root), code_key()))
        except OSError:  # e.g. no home folder: run without a cache
            return cls(root, None)

    def meta(
        self, name: str, kind: type, reader: Callable[..., Any], problems: list[Problem]
    ) -> Any:
        """The settings or the registry (a ``kind``): from the cache when its file is unchanged."""
        path = self.root / name
        stamp = _regular_stamp(path)
        if stamp is None:  # none, or not a regular file: the reader gives defaults, or says why
            self.meta_digests.append(None)
            return reader(path, problems)
        entry = self._cached_meta(name, kind, path, stamp)
        if entry is None:
            try:
                data = read_data_file(path)
            except UnreadableFileError:  # the reader says why
                return reader(path, problems)
            found: list[Problem] = []
            value = reader(path, found, data)
            racy = self.store is None or self.store.is_racy(stamp)
            entry = Entry(stamp, digest(data), racy, (value, tuple(found)))
            if self.store is not None:
                self.store.table("meta").entries[name] = entry
                self.store.table("meta").dirty = True
        self.meta_digests.append(entry.digest)
        problems.extend(entry.value[1])
        return entry.value[0]

    def _cached_meta(self, name: str, kind: type, path: Path, stamp: Stamp) -> Entry | None:
        if self.store is None:
            return None
        entry = self.store.table("meta").entries.get(name)
        if not self.store.still_good(entry, stamp, lambda: read_data_file(path)):
            return None
        value = entry.value
        good = is_pair(value) and isinstance(value[0], kind) and are_problems(value[1])
        return entry if good else None

    def set_resolution(self, settings: DeadlineSettings) -> None:
        """Records depend on how deadlines are read; checks also on the registry."""
        self.settings = settings
        if self.store is not None:
            resolution = key_of(settings)
            self.store.depend("index", resolution)
            self.store.depend("records", resolution)
            self.store.depend("agenda", resolution)
            self.store.depend("agenda-all", resolution)
            self.store.depend("checks", key_of(resolution, self.meta_digests))

    def load(self, targets: list[Target], parse: Parser, whole: bool) -> None:
        """Learn the problems of ``targets`` from the index; parse the files it lacks.

        ``whole``: the targets are every notice file of the folder, so entries
        of files that are gone are dropped.
        """
        self.targets, self.parse = targets, parse
        index = self.store.table("index").entries if self.store is not None else {}
        known: list[Entry | None] = [self._known(index, t) for t in targets]
        todo = [i for i, entry in enumerate(known) if entry is None]
        parsed = parse([targets[i].display for i in todo], self.settings)  # type: ignore[arg-type]
        for i, (data_digest, value, record) in zip(todo, parsed, strict=True):
            known[i] = self._remember(index, i, data_digest, value, record)
        self.entries = known  # type: ignore[assignment]
        if whole and self.store is not None:
            self._forget_gone(self.store, index)
        if whole:
            self.whole = key_of(self.meta_digests, [e.digest for e in self.entries])

    def _known(self, index: dict[str, Any], target: Target) -> Entry | None:
        if self.store is None or target.rel is None or target.stamp is None:
            return None
        entry = index.get(target.rel)
        display = target.display
        if not self.store.still_good(entry, target.stamp, lambda: _read_bytes(display)):
            return None
        value = entry.value
        if not (isinstance(value, tuple) and len(value) == 3 and are_problems(value[0])):
            return None
        if type(value[1]) is not int or not (value[1] < 0 or isinstance(value[2], tuple)):
            return None
        self.digests[display] = entry.digest
        return entry

    def _remember(
        self,
        index: dict[str, Any],
        i: int,
        data_digest: bytes | None,
        value: Loaded,
        record: bytes | None = None,
    ) -> Entry:
        target = self.targets[i]
        notice, found = value
        self.fresh[i] = notice
        tasks = -1 if notice is None else len(notice.tasks)
        key = None if notice is None else (notice.date, notice.id, notice.source)
        racy = self.store is None or target.stamp is None or self.store.is_racy(target.stamp)
        entry = Entry(target.stamp or (0, 0, 0, 0), data_digest or b"", racy, (found, tasks, key))
        if data_digest is None:
            return entry
        self.digests[target.display] = data_digest
        if self.store is not None and target.rel is not None and target.stamp is not None:
            index[target.rel] = entry
            self.store.table("index").dirty = True
            records = self.store.records(target.rel)
            if notice is None:
                records.drop(target.rel)
            else:  # pickled apart, so that a run unpickles only the records it looks at
                record = record or pickle.dumps(notice, pickle.HIGHEST_PROTOCOL)
                records.put(target.rel, data_digest, record)
        return entry

    def _forget_gone(self, store: Store, index: dict[str, Any]) -> None:
        present = {t.rel for t in self.targets}
        gone = [rel for rel in index if rel not in present]
        for rel in gone:
            del index[rel]
            store.records(rel).drop(rel)
        if gone:
            store.table("index").dirty = True

    def problems(self) -> list[Problem]:
        """The problems found reading each notice file, in file order."""
        return [p for entry in self.entries for p in entry.value[0]]

    def counts(self) -> tuple[int, int]:
        """How many notices and tasks the files hold, without reading the records."""
        tasks = [entry.value[1] for entry in self.entries if entry.value[1] >= 0]
        return len(tasks), sum(tasks)

    def notices(self) -> list[Notice]:
        """The records of the notices, in file order: from this run, else from the cache."""
        with quiet_collector():
            found = [self._record(i) for i, entry in enumerate(self.entries) if entry.value[1] >= 0]
        self.save()
        return [notice for notice in found if notice is not None]

    def _record(self, i: int) -> Notice | None:
        if i in self.fresh:
            return self.fresh[i]
        target, entry = self.targets[i], self.entries[i]
        if self.store is not None and target.rel is not None:
            saved = self.store.records(target.rel).get(target.rel, entry.digest)
            if saved is not None:
                with contextlib.suppress(Exception):  # a damaged record is read again
                    with quiet_collector():
                        notice = pickle.loads(saved)
                    if isinstance(notice, Notice):
                        from giaoban.store.noticefile import share_notice

                        share_notice(notice)  # one object for the values notices repeat
                        return notice
        # the record is missing (a cache written halfway): read the file again
        assert self.parse is not None and self.settings is not None  # set by ``load``
        ((data_digest, value, record),) = self.parse([target.display], self.settings)
        index = self.store.table("index").entries if self.store is not None else {}
        self.entries[i] = self._remember(index, i, data_digest, value, record)
        self.save()
        return value[0]

    def save(self) -> None:
        if self.store is not None:
            self.store.save()

    def ledger(self, registry: Registry, settings: Settings) -> Ledger:
        """The ledger of the files, in ``Ledger`` order (date, id, source).

        Through the cache, its records are read only when looked at, and it
        carries its agenda (``giaoban.reports.agenda``), kept for the whole folder.
        """
        root = str(self.root)
        if self.store is None:
            found = sorted(self.notices(), key=lambda n: (n.date, n.id, n.source))
            return Ledger(root, tuple(found), registry, settings)
        entries = self.entries
        order = [i for i, entry in enumerate(entries) if entry.value[1] >= 0]
        order.sort(key=lambda i: entries[i].value[2])
        paths = [self.targets[i].display for i in order]
        notices = LazyNotices(
            paths,
            lambda n: self._record(order[n]),  # type: ignore[arg-type, return-value]
            keys=[entries[i].value[2][:2] for i in order],
            facts=lambda: self._all_facts(order),
        )
        agenda = functools.cache(lambda: self._whole_agenda(order))  # made when first asked
        return Ledger(root, notices, registry, settings, agenda)

    def _all_facts(self, order: list[int]) -> list[NoticeFacts | None]:
        """The facts of the notices of ``order``, kept in the cache for the next run."""
        facts = [self._facts(i) for i in order]
        self.save()
        return facts

    def _whole_agenda(self, order: list[int]) -> Agenda | None:
        """The agenda of the notices of ``order``: kept when no notice changed, else made.

        None when a record cannot be read (reports then read the records).
        """
        from giaoban.reports.agenda import Agenda

        assert self.store is not None
        files = [(self.targets[i].display, self.entries[i].digest) for i in order]
        key = key_of(files)
        whole = self.store.table("agenda-all")
        saved = whole.entries.get("whole")
        if not (isinstance(saved, tuple) and len(saved) == 3 and isinstance(saved[1], Agenda)):
            saved = None
        if saved is not None and saved[0] == key:
            return saved[1]
        paths = [display for display, _ in files]
        agenda = None if saved is None else self._updated(saved[1], saved[2], files, order)
        if agenda is None:
            facts = self._all_facts(order)
            if any(f is None for f in facts):
                return None
            ids = [self.entries[i].value[2][1] for i in order]
            agenda = Agenda(facts, paths, ids)  # type: ignore[arg-type]
        whole.entries["whole"] = (key, agenda, files)
        whole.dirty = True
        self.save()
        return agenda

    def _updated(
        self, agenda: Agenda, before: Any, files: list[tuple[str, bytes]], order: list[int]
    ) -> Agenda | None:
        """``agenda`` with the facts of the few files that changed since it was kept, when
        the notices and their order are the same (else None: it is made again)."""
        if not isinstance(before, list) or len(before) != len(files):
            return None
        changed = [n for n, (old, new) in enumerate(zip(before, files, strict=True)) if old != new]
        if len(changed) > UPDATE_MAX or any(before[n][0] != files[n][0] for n in changed):
            return None
        if any(agenda.notice_ids[n] != self.entries[order[n]].value[2][1] for n in changed):
            return None
        facts = {n: self._facts(order[n]) for n in changed}
        if any(f is None for f in facts.values()):
            return None
        agenda.update(facts, [display for display, _ in files])  # type: ignore[arg-type]
        return agenda

    def _facts(self, i: int) -> NoticeFacts | None:
        """The facts of the notice of target ``i``: kept, else made from its record."""
        from giaoban.deadline.context import zone
        from giaoban.reports.agenda import NoticeFacts, notice_facts

        assert self.store is not None
        target, entry = self.targets[i], self.entries[i]
        table = self.store.table("agenda", self.store.shard_name("agenda", target.rel or ""))
        saved = table.entries.get(target.rel) if target.rel is not None else None
        if is_pair(saved) and saved[0] == entry.digest and isinstance(saved[1], NoticeFacts):
            return saved[1]
        notice = self._record(i)
        if notice is None:
            return None
        facts = notice_facts(notice, zone(self.settings.tz))  # type: ignore[union-attr]
        if target.rel is not None and entry.digest:
            table.entries[target.rel] = (entry.digest, facts)
            table.dirty = True
        return facts

    def validate(self, ledger: Callable[[], Ledger]) -> list[Problem]:
        """``giaoban.checks.validation.validate(ledger())``, reusing the cached problems of notices.

        The problems come in the order ``validate`` gives them, so that sorting
        them (stable) gives the same output with or without the cache. When no
        file changed, the last result is given again without building the ledger.
        """
        from giaoban.checks import validation

        if self.store is None:
            return validation.validate(ledger())
        table = self.store.table("checks")
        saved = table.entries.get("whole")
        if self.whole is not None and is_pair(saved) and saved[0] == self.whole:
            if are_problems(saved[1]):
                return list(saved[1])
        if not isinstance(table.entries.get("notices"), dict):
            table.entries["notices"] = {}
        from giaoban.checks.cached import CachedChecks

        problems = CachedChecks(ledger(), table.entries, self.digests).run(validation)
        if self.whole is not None:
            table.entries["whole"] = (self.whole, tuple(problems))
        table.dirty = True
        self.save()
        return problems


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


def _read_bytes(path: str) -> bytes:
    return read_data_file(path)
