"""The index: what was read from each notice file, in one SQLite database.

Every report reads through it (``giaoban.reports``): SQL selects the due
events of a date range, the rules of ``giaoban.reports.rules`` are applied to
what it returns, and a task's record is read only for a row that is shown.

The index is kept in the cache folder (``index.sqlite``) and is never the
source of truth: an entry is used only while its file's stamp (and, for a
file changed just before it was read, its digest) is unchanged; a database
that is missing, damaged, or written by another version of giaoban is made
again. With ``--no-cache`` the same tables are made in memory. Several
processes may use one index at once (write-ahead log, one writer at a time);
each run reads its own view of it, one read transaction from its load to its
end (``Index.pin``, ``giaoban.store.cache.LoadSession.load``).

The tables (``docs/performance.md`` describes each column):

- ``meta``: what the contents depend on (giaoban's code, the settings that
  change how deadlines are read), the settings and registry as read, and the
  days off of the years a weekly report asked about;
- ``files``: each notice file's stamp, digest and problems;
- ``notices``: each notice read, in the ledger's order, with its record;
- ``tasks``: each task's facts (``giaoban.model.facts``), owners, supports and
  the folded words ``search`` looks in;
- ``events``: each due moment of a task (every occurrence of a recurring
  duty up to its ``until``, or ``HORIZON_YEARS`` past its notice).

Records, settings and problems are stored as Python pickles: a database is
opened only when this user alone could have written it (``private``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from stat import S_ISREG
from typing import Any, ClassVar, NamedTuple, overload
from zoneinfo import ZoneInfo

from giaoban.deadline.context import midnight
from giaoban.deadline.workdays import YearCalendar, year_calendar
from giaoban.model.card import UNDATED_KIND, Card, Timing
from giaoban.model.errors import BusyIndexError, DamagedIndexError, IndexChangedError
from giaoban.model.ledger import Notice
from giaoban.model.problems import Problem
from giaoban.model.shown import searched_words
from giaoban.store import opened

FORMAT = 7  # bump when the tables or their indexes change
# Why a run stops when another process rewrote the rows of its files while it wrote some
CHANGED = (
    "một lệnh giaoban khác vừa đọc lại các tệp của sổ vào chỉ mục trong lúc lệnh này đang "
    "đọc; hãy chạy lại lệnh"
)
HORIZON_YEARS = 10  # occurrences of a duty without an end are listed this far past its notice
NAME = "index.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY,  -- path relative to the data folder (as written when not cached)
    size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER,
    digest BLOB, racy INTEGER,  -- racy: changed just before it was read, check the digest
    trusted INTEGER,  -- 0: named on the command line, read again every time
    problems BLOB,  -- pickled tuple of problems found reading it
    tasks INTEGER  -- its number of tasks, -1 when it holds no usable notice
);
CREATE TABLE IF NOT EXISTS notices (
    nid INTEGER PRIMARY KEY,
    file TEXT NOT NULL UNIQUE REFERENCES files (key) ON DELETE CASCADE,
    id TEXT NOT NULL, date INTEGER NOT NULL,  -- date: ordinal of the notice's date
    path TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
    record BLOB NOT NULL  -- pickled giaoban.model.ledger.Notice
);
CREATE TABLE IF NOT EXISTS units (
    uid INTEGER PRIMARY KEY,
    owners TEXT NOT NULL, supports TEXT NOT NULL,  -- names joined by U+001F (join_units)
    UNIQUE (owners, supports)
);
CREATE TABLE IF NOT EXISTS tasks (
    tid INTEGER PRIMARY KEY,
    nid INTEGER NOT NULL REFERENCES notices (nid) ON DELETE CASCADE,
    k INTEGER NOT NULL,  -- its place in the notice
    item TEXT NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL,
    status INTEGER, since INTEGER, done_day INTEGER, done INTEGER, late_by INTEGER,
    until INTEGER, last_done INTEGER,  -- giaoban.model.facts.Facts
    horizon INTEGER,  -- its events are complete before this moment (epoch seconds)
    uid INTEGER NOT NULL REFERENCES units (uid),  -- its owners and supports
    words TEXT NOT NULL,  -- what search looks in (model.shown.searched_words), all shown
    hidden TEXT,  -- the same without a confidential text (NULL: not confidential)
    -- what reports show of it (giaoban.model.card.Card), dates as ISO 8601 text:
    text TEXT NOT NULL, confidential INTEGER NOT NULL, deadline TEXT, kind TEXT, due TEXT,
    start TEXT, rrule TEXT, error TEXT, status_text TEXT NOT NULL, zone TEXT, has_time INTEGER
);
CREATE INDEX IF NOT EXISTS tasks_nid ON tasks (nid);
CREATE INDEX IF NOT EXISTS tasks_horizon ON tasks (horizon);  -- past_horizon
-- covers settled_facts: the few tasks not open, without reading the wide table
CREATE INDEX IF NOT EXISTS tasks_settled
    ON tasks (status, tid, since, done_day, done, late_by, until, last_done) WHERE status != 0;
-- covers undated_tasks: the few deadlines counted from an event with no date
CREATE INDEX IF NOT EXISTS tasks_undated
    ON tasks (nid, k, item, uid, status, since) WHERE kind = '{undated}' AND due IS NULL;
CREATE INDEX IF NOT EXISTS notices_id ON notices (id);
CREATE INDEX IF NOT EXISTS notices_order ON notices (date, id, path, line, col);  -- notice_keys
CREATE TABLE IF NOT EXISTS events (
    tid INTEGER NOT NULL REFERENCES tasks (tid) ON DELETE CASCADE,
    due INTEGER NOT NULL,  -- epoch seconds
    day INTEGER NOT NULL,  -- ordinal of the day the due moment names
    flags INTEGER NOT NULL,  -- giaoban.model.facts: HAS_TIME, OCCURRENCE, OCCURRENCE_DONE
    settled INTEGER NOT NULL,  -- from when its row no longer changes (model.facts.settled)
    nid INTEGER NOT NULL, uid INTEGER NOT NULL, k INTEGER NOT NULL  -- its task's, copied
);
-- covers events: a dated report reads its events from this index alone
CREATE INDEX IF NOT EXISTS events_due ON events (due, settled, tid, day, flags, nid, uid, k);
CREATE INDEX IF NOT EXISTS events_tid ON events (tid);
""".replace("{undated}", UNDATED_KIND)
TABLES = ("events", "tasks", "units", "notices", "files", "meta")
SECONDARY = (
    "events_due",
    "events_tid",
    "tasks_nid",
    "tasks_horizon",
    "tasks_settled",
    "tasks_undated",
    "notices_id",
    "notices_order",
)  # made again after a bulk
_MADE_INDEX = re.compile(r"CREATE INDEX IF NOT EXISTS (\w+)")
BULK = 500  # files put in at once from which the secondary indexes are made afterwards

Stamp = tuple[int, int, int, int]  # size in bytes, mtime and ctime in ns, inode


class NoticeRows(NamedTuple):
    """What the index keeps of one notice, made where it is read (``notice_rows``).

    ``header``: id, date's ordinal, path, line, column. ``tasks``: per task its place,
    item, path, line, facts (seven numbers), horizon, owners, supports, words, hidden
    words and what its card (``giaoban.model.card.Card``) adds to these.
    ``events``: per due moment its task's place, due, day, flags and ``settled``.
    """

    header: tuple[str, int, str, int, int]
    tasks: list[tuple[Any, ...]]
    events: list[tuple[int, int, int, int, int]]


def notice_rows(notice: Notice, tz: ZoneInfo) -> NoticeRows:
    """The rows of ``notice`` for the index; ``tz`` is the office's time zone."""
    # start-up: the facts (and the deadline engine) load only when a file is read
    from giaoban.model.facts import (
        NEVER,
        is_recurring,
        resolved_deadline,
        settled,
        task_events,
        task_facts,
    )

    limit = midnight(_years_after(notice.date, HORIZON_YEARS), tz)
    tasks: list[tuple[Any, ...]] = []
    events: list[tuple[int, int, int, int, int]] = []
    for k, task in enumerate(notice.tasks):
        deadline, card = resolved_deadline(task), Card.of(task)
        f = task_facts(task, deadline, tz)
        recurring = is_recurring(deadline)
        end, horizon = limit, NEVER
        if recurring and task.until is not None and task.until < limit.date() - _TWO_DAYS:
            end = midnight(task.until + _TWO_DAYS, tz)
        elif recurring:  # no end, or one past the horizon (until: 9999-12-31)
            horizon = int(limit.timestamp())
        tasks.append(
            (k, task.item, task.source.path, task.source.line, f.status, f.since, f.done_day,
             f.done, f.late_by, f.until, f.last_done, horizon, join_units(task.owners),
             join_units(task.supports), searched_words(task, True),
             searched_words(task, False) if task.confidential else None, card.text,
             card.confidential, card.deadline_text, card.kind, card.due, card.start, card.rrule,
             card.error, card.status, card.zone, card.has_time)
        )  # fmt: skip
        events.extend(
            (k, int(due.timestamp()), day, flags, settled(f, flags, day))
            for due, day, flags in task_events(task, deadline, end)
        )
    src = notice.source
    header = (notice.id, notice.date.toordinal(), src.path, src.line, src.column)
    return NoticeRows(header, tasks, events)


@dataclass(frozen=True)
class FileEntry:
    """What the index knows of one notice file."""

    stamp: Stamp
    digest: bytes
    racy: bool
    trusted: bool
    problems: tuple[Problem, ...]
    tasks: int  # -1: no usable notice


@dataclass(frozen=True)
class Counted:
    """The events a report counts rather than lists (``Index.events``): those never
    settled (``settled`` is ``never``: a task still open, an occurrence not recorded
    done) due on a day before ``before``. A one-off task's are only counted; of a
    recurring duty's (``occurrence`` set in their flags), the latest is listed, for the
    duty's line, and the others counted."""

    before: int  # ordinal of a day
    occurrence: int  # the flag of a duty's occurrence (giaoban.model.facts.OCCURRENCE)
    never: int  # ``settled`` of an event never settled (giaoban.model.facts.NEVER)

    where: ClassVar[str] = "settled = :never AND day < :counted_before"

    def values(self) -> dict[str, int]:
        return {"counted_before": self.before, "occurrence": self.occurrence, "never": self.never}


class Event(NamedTuple):
    """One due moment of a task: what a report selects (``Index.events``)."""

    due: int
    day: int
    flags: int
    tid: int
    uid: int  # its task's owners and supports (``Index.unit_lists``)
    nid: int  # its task's notice
    k: int  # its task's place in the notice


def private(path: Path) -> bool:
    """Whether no one but this user could have written ``path`` and its folder."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - not POSIX
        return True
    uid = os.geteuid()
    try:
        mine, folder = os.lstat(path), os.stat(path.parent)
    except FileNotFoundError:
        mine = None
        folder = os.stat(path.parent)
    checked = (folder,) if mine is None else (mine, folder)
    if mine is not None and not S_ISREG(mine.st_mode):
        return False
    return all(s.st_uid == uid and not s.st_mode & 0o022 for s in checked)


class Result(list[Any]):
    """The rows of a query, read."""

    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list[Any]:
        return self


class Guarded:
    """A connection whose failures (a damaged file) remove the index and say so."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.connection = connection
        self.path = path

    def execute(self, sql: str, parameters: Any = ()) -> Result:
        """The rows ``sql`` gives, all read (a damaged page shows while reading)."""
        try:
            return Result(self.connection.execute(sql, parameters).fetchall())
        except sqlite3.DatabaseError as exc:
            raise self.damaged(exc) from exc

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.DatabaseError as exc:
            raise self.damaged(exc) from exc

    def damaged(self, exc: Exception) -> DamagedIndexError | BusyIndexError:
        """Remove a damaged index file; the error to raise (a load reads the files again).
        An index another process holds is not damaged: it is left alone."""
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            raise exc  # our own mistake, not damage: let it show
        where = "trong bộ nhớ" if self.path is None else str(self.path)
        if busy(exc):
            return BusyIndexError(
                f"chỉ mục dữ liệu ({where}) đang được một lệnh khác ghi quá lâu; hãy chạy lại "
                "lệnh khi lệnh kia xong (chỉ mục vẫn giữ nguyên)"
            )
        if self.path is not None:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            remove(self.path)
        return DamagedIndexError(
            f"chỉ mục dữ liệu ({where}) bị hỏng, không đọc được; đã xoá, hãy chạy lại lệnh "
            "(chỉ mục được dựng lại từ các tệp)"
        )


# SQLite's primary result codes for a database another connection holds
_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def busy(exc: BaseException) -> bool:
    """Whether ``exc`` says that another connection holds the index (not that it is
    damaged). Python 3.10 gives no result code: the message is read then."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "locked" in str(exc) or "busy" in str(exc)


def remove(path: Path) -> None:
    """Remove the index file ``path`` and its write-ahead log."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


class Index:
    """One SQLite index: a file in the cache folder, or in memory."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.db = Guarded(connection, path)
        self.path = path
        self.records: dict[int, Notice] = {}  # nid -> record, read this run
        self.unit_ids: dict[tuple[str, str], int] = {}  # (owners, supports) -> uid, writing
        self.next_uid = 1
        self.next_ids: list[int] = []  # the next nid and tid, while writing
        self.whole = False  # whether this run's notices are all the index holds
        self.viewing = False  # whether this run's queries read its view (``select``)
        self.order: dict[int, int] | None = None  # ``file_order``
        opened.record(self)  # closed when the command ends, if not before

    # --- opening ------------------------------------------------------------------

    @classmethod
    def memory(cls, key: str = "") -> Index:
        return cls._made(None, key)

    @classmethod
    def _made(cls, path: Path | None, key: str) -> Index:
        """The index at ``path`` (None: in memory), with its tables made for ``key``."""
        index = cls(_connect(":memory:" if path is None else str(path)), path)
        index._prepare(key)
        return index

    @classmethod
    def open(cls, folder: Path, key: str) -> Index:
        """The index in ``folder`` (made when missing, made again when damaged or of another
        version of giaoban); in memory when no private file can be had there."""
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = folder / NAME
            if not private(path):
                return cls.memory(key)
            try:
                return cls._made(path, key)
            except (DamagedIndexError, sqlite3.DatabaseError) as exc:  # damaged: start again
                if busy(exc):
                    return cls.memory(key)  # another process holds it: left alone
                remove(path)
                return cls._made(path, key)
        except (OSError, sqlite3.Error, DamagedIndexError, BusyIndexError):
            return cls.memory(key)

    @classmethod
    def of_notices(cls, notices: Sequence[Notice], tz: ZoneInfo) -> Index:
        """An index in memory of records already read (a ledger made of several)."""
        index = cls.memory()
        keys = [f"{n}" for n in range(len(notices))]
        with index.writing():
            for key, notice in zip(keys, notices, strict=True):
                entry = FileEntry((0, 0, 0, 0), b"", True, False, (), len(notice.tasks))
                index.keep(key, entry, notice_rows(notice, tz), None, notice)
        index.select(keys, whole=True)
        return index

    def _prepare(self, key: str) -> None:
        """Make the tables; empty them when they were written for another ``key``."""
        with self.writing():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            if self.get("key") != key:
                self._clear(*TABLES)
                self.put("key", key)

    def _clear(self, *tables: str) -> None:
        for table in tables:
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - our own table names

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction (one writer at a time; others wait for it).

        Within this run's view (``select`` after ``pin``), the view is let go for the
        write and taken again after it: when another process changed the rows of this
        run's files meanwhile, ``IndexChangedError`` (nothing is written when found
        before the write).
        """
        view = self._view() if self.viewing else None
        self.unpin()
        self.db.execute("BEGIN IMMEDIATE")
        self.order = None
        try:
            if view is not None and self._view() != view:
                raise IndexChangedError(CHANGED)
            yield
            written = self.version()
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # closed already when found damaged
                self.db.connection.execute("ROLLBACK")
            raise
        finally:
            self.next_ids = []
            self.unit_ids = {}
        self.db.execute("COMMIT")
        if view is not None and self.pin() != written and self._view() != view:
            raise IndexChangedError(CHANGED)

    # --- a run's view: the rows of its files, as its load found or wrote them ------------

    def pin(self) -> int:
        """Read from now on in one read transaction (a file's index; in memory there is no
        other writer): what other processes write is not seen until ``unpin``, so every
        query of the run reads the same rows. The index's version then (``version``)."""
        if self.path is not None and not self.db.connection.in_transaction:
            self.db.execute("BEGIN")
            self.db.execute("SELECT 1 FROM meta LIMIT 1")  # the snapshot is taken by a read
        return self.version()

    def unpin(self) -> None:
        """End the read transaction of ``pin``, if any."""
        if self.db.connection.in_transaction:
            self.db.execute("COMMIT")

    def version(self) -> int:
        """A number that changes when another connection commits a change (SQLite's
        ``data_version``; this connection's own commits leave it as it was)."""
        (found,) = self.db.execute("PRAGMA data_version").fetchone()
        return int(found)

    def stamps(self) -> dict[str, tuple[Stamp, bytes]]:
        """Each file's stamp and digest, by key (``files`` without its problems)."""
        return {
            key: ((size, mtime, ctime, inode), data_digest)
            for key, size, mtime, ctime, inode, data_digest in self.db.execute(
                "SELECT key, size, mtime_ns, ctime_ns, inode, digest FROM files"
            )
        }

    def _view(self) -> list[tuple[Any, ...]]:
        """What this run read of the index: each of its files' stamp and digest, and its
        notice's and first task's ids (rows written again have other ids)."""
        wanted = "" if self.whole else "JOIN temp.wanted w ON w.key = f.key "
        return self.db.execute(
            "SELECT f.key, f.size, f.mtime_ns, f.ctime_ns, f.inode, f.digest, n.nid, "  # noqa: S608
            "(SELECT min(t.tid) FROM tasks t WHERE t.nid = n.nid) FROM files f "
            f"{wanted}LEFT JOIN notices n ON n.file = f.key ORDER BY f.key"
        ).fetchall()

    def put_aside(self, values: dict[str, Any]) -> None:
        """Keep ``values`` in ``meta`` for later runs (this one does not read them again),
        leaving this run's view as it is: through a connection of their own when the view
        is pinned. An index that is busy for long or read-only keeps nothing: computed
        again next time."""
        if self.path is None or not self.db.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error), self.writing():
                for name, value in values.items():
                    self.put(name, value)
            return
        with contextlib.suppress(sqlite3.Error):
            other = _connect(str(self.path))
            try:
                other.execute("BEGIN IMMEDIATE")
                other.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [(k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in values.items()],
                )
                other.execute("COMMIT")
            finally:
                other.close()

    @contextlib.contextmanager
    def bulk(self, files: int) -> Iterator[None]:
        """Within a write: many files to put in at once (``BULK`` or more) are put in
        without the secondary indexes, which are then made again in one sort each."""
        if files < BULK:
            yield
            return
        for name in SECONDARY:
            self.db.execute(f"DROP INDEX IF EXISTS {name}")
        yield
        for statement in SCHEMA.split(";"):
            made = _MADE_INDEX.search(statement)
            if made is not None and made[1] in SECONDARY:
                self.db.execute(statement)

    def depend(self, name: str, key: str, *tables: str) -> None:
        """Empty ``tables`` unless they were filled under ``key`` (e.g. the settings)."""
        if self.get(name) != key:
            with self.writing():
                self._clear(*tables)
                self.put(name, key)

    # --- meta ---------------------------------------------------------------------

    def get(self, name: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # noqa: BLE001 - a damaged value is read again
            return None

    def put(self, name: str, value: Any) -> None:
        blob = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, blob))

    def calendar(self, year: int) -> YearCalendar:
        """The days off of ``year`` (``giaoban.deadline.workdays``), computed once and kept
        here (the code key covers the ``holidays`` package): a weekly report that asks
        whether its cut-off is a working day does not load the package again."""
        name = f"calendar:{year}"
        found = self.get(name)
        if isinstance(found, YearCalendar):
            return found
        found = year_calendar(year)
        self.put_aside({name: found})  # busy or read-only: computed next time too
        return found

    # --- files ----------------------------------------------------------------------

    def files(self) -> dict[str, FileEntry]:
        """What the index knows of every notice file, by key."""
        found = {}
        for key, *stamp, data_digest, racy, trusted, problems, tasks in self.db.execute(
            "SELECT key, size, mtime_ns, ctime_ns, inode, digest, racy, trusted, problems, tasks "
            "FROM files"
        ):
            try:
                kept = pickle.loads(problems)
            except Exception:  # noqa: BLE001 - damaged: read the file again
                continue
            entry = FileEntry(tuple(stamp), data_digest, bool(racy), bool(trusted), kept, tasks)
            found[key] = entry
        return found

    def consistent(self, notices: int, tasks: int) -> bool:
        """Whether the index holds ``notices`` notices and ``tasks`` tasks, as its entries
        of files say (rows taken out by hand are noticed; the whole index is for one run)."""
        (found_notices,) = self.db.execute("SELECT count(*) FROM notices").fetchone()
        (found_tasks,) = self.db.execute("SELECT count(*) FROM tasks").fetchone()
        (units,) = self.db.execute("SELECT count(*) FROM units").fetchone()
        return (found_notices, found_tasks) == (notices, tasks) and (units > 0 or tasks == 0)

    def trust(self, key: str, racy: bool) -> None:
        self.db.execute("UPDATE files SET racy = ? WHERE key = ?", (int(racy), key))

    def forget(self, keys: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM files WHERE key = ?", [(k,) for k in keys])

    def keep(
        self,
        key: str,
        entry: FileEntry,
        rows: NoticeRows | None,
        record: bytes | None,
        notice: Notice | None = None,
    ) -> None:
        """Put what was read from file ``key`` in place of what was there: its entry, and
        the rows (``notice_rows``) and pickled record of its notice when it has one."""
        self.db.execute("DELETE FROM notices WHERE file = ?", (key,))
        self.db.execute("DELETE FROM files WHERE key = ?", (key,))
        problems = pickle.dumps(entry.problems, pickle.HIGHEST_PROTOCOL)
        self.db.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, *entry.stamp, entry.digest, int(entry.racy), int(entry.trusted), problems,
             entry.tasks),
        )  # fmt: skip
        if rows is None:
            return
        if not self.next_ids:
            (nid,) = self.db.execute("SELECT coalesce(max(nid), 0) + 1 FROM notices").fetchone()
            (tid,) = self.db.execute("SELECT coalesce(max(tid), 0) + 1 FROM tasks").fetchone()
            self.next_ids = [nid, tid]
        nid, first = self.next_ids
        header, tasks, events = rows
        if notice is not None:
            self.records[nid] = notice
            # in memory, the record stays in ``records``; on disk it is kept pickled
            record = b"" if self.path is None else pickle.dumps(notice, pickle.HIGHEST_PROTOCOL)
        values = (nid, key, *header, record or b"")
        self.db.execute("INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
        uids = [self._unit_id(task[12], task[13]) for task in tasks]
        self.db.executemany(
            f"INSERT INTO tasks VALUES ({', '.join('?' * 28)})",  # noqa: S608 - placeholders
            [
                (first + task[0], nid, *task[:12], uid, *task[14:])
                for task, uid in zip(tasks, uids, strict=True)
            ],
        )
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + k, *event, nid, uids[k], k) for k, *event in events],
        )
        self.next_ids = [nid + 1, first + len(tasks)]

    def _unit_id(self, owners: str, supports: str) -> int:
        """The id of this list of owners and supports, added when new (while writing)."""
        if not self.unit_ids:  # read once per transaction: another process may have added
            found = self.db.execute("SELECT uid, owners, supports FROM units")
            self.unit_ids = {(o, s): uid for uid, o, s in found}
            self.next_uid = max(self.unit_ids.values(), default=0) + 1
        key = (owners, supports)
        uid = self.unit_ids.get(key)
        if uid is None:
            uid = self.unit_ids[key] = self.next_uid
            self.next_uid += 1
            self.db.execute("INSERT INTO units VALUES (?, ?, ?)", (uid, owners, supports))
        return uid

    # --- the notices of one load -------------------------------------------------------

    def select(self, keys: Sequence[str], whole: bool = False) -> None:
        """Make the notices of the files ``keys`` those of this run (the table ``loaded``).
        ``whole``: they are every file the index holds, and queries need not look.

        After ``pin`` (``giaoban.store.cache.LoadSession.load``), this is the run's view:
        its queries read these files' rows as they are now, whatever other processes
        write until the run ends."""
        self.whole = whole
        self.order = None
        self.viewing = self.path is not None and self.db.connection.in_transaction
        if whole:
            return
        self.db.execute("DROP TABLE IF EXISTS temp.loaded")
        self.db.execute("CREATE TEMP TABLE loaded (nid INTEGER PRIMARY KEY)")
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.wanted")
        self.db.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", [(k,) for k in keys])
        self.db.execute(
            "INSERT INTO temp.loaded "
            "SELECT n.nid FROM notices n JOIN temp.wanted w ON w.key = n.file"
        )

    def _notices(self) -> str:
        """The notices of this run, as an SQL table ``n``."""
        return "notices n" if self.whole else "temp.loaded l JOIN notices n USING (nid)"

    def _tasks(self, asked: bool = False) -> str:
        """The tasks of this run (``asked``: those asked about, ``ask``), as an SQL table
        ``t``."""
        if asked:  # CROSS JOIN: the few asked about first, else SQLite scans every task
            return "temp.asked a CROSS JOIN tasks t USING (tid)"
        return "tasks t" if self.whole else "tasks t JOIN temp.loaded l ON l.nid = t.nid"

    def notice_keys(self) -> list[tuple[int, date, str, str]]:
        """(nid, date, id, path) of each notice of this run, in the ledger's order: by date,
        id and where each was read."""
        return [
            (nid, date.fromordinal(day), notice_id, path)
            for nid, day, notice_id, path in self.db.execute(
                f"SELECT n.nid, n.date, n.id, n.path FROM {self._notices()} "  # noqa: S608
                "ORDER BY n.date, n.id, n.path, n.line, n.col"
            )
        ]

    def undated_tasks(self) -> list[tuple[str, str, int, int, int, int]]:
        """(notice id, item, list of units, notice, status, since) of each task of this run
        whose deadline cannot be computed yet (``Timing.undated``: counted from an event
        with no date), in the ledger's order; whether each was still open at a moment is
        the rules' to say (``giaoban.reports.rules.status_at``)."""
        return list(
            self.db.execute(
                "SELECT n.id, t.item, t.uid, t.nid, t.status, t.since "  # noqa: S608
                f"FROM {self._tasks()} JOIN notices n ON n.nid = t.nid "
                f"WHERE t.kind = '{UNDATED_KIND}' AND t.due IS NULL "  # the index tasks_undated
                "ORDER BY n.date, n.id, n.path, n.line, n.col, t.k"
            )
        )

    def notice_ids(self) -> dict[int, str]:
        """The id of each notice of this run."""
        return dict(self.db.execute(f"SELECT n.nid, n.id FROM {self._notices()}"))  # noqa: S608

    def record(self, nid: int) -> Notice:
        """The record of notice ``nid``, read once."""
        found = self.records.get(nid)
        if found is None:
            (blob,) = self.db.execute("SELECT record FROM notices WHERE nid = ?", (nid,)).fetchone()
            try:
                found = self.records[nid] = pickle.loads(blob)
            except Exception as exc:  # noqa: BLE001 - a damaged record: the file is read again
                raise self.db.damaged(exc) from exc
            # start-up: the notice reader (and the YAML library) load only when a record is read
            from giaoban.store.noticefile import share_notice

            share_notice(found)
        return found

    def task_place(self, tid: int) -> tuple[int, int, int]:
        """(notice, place in the notice, list of units) of task ``tid``."""
        row = self.db.execute("SELECT nid, k, uid FROM tasks WHERE tid = ?", (tid,)).fetchone()
        return row[0], row[1], row[2]

    # --- queries of the reports --------------------------------------------------------

    def extend(self, tids: Sequence[int], end: int, tz: ZoneInfo) -> None:
        """List the events of duties ``tids`` up to ``end`` (past their horizon)."""
        # start-up: the facts (and the deadline engine) load only when they are needed
        from giaoban.model.facts import resolved_deadline, settled, task_events, task_facts

        limit = datetime.fromtimestamp(min(end, _LAST_SECOND), tz)
        with self.writing():
            for tid in tids:
                nid, k, uid = self.task_place(tid)
                task = self.record(nid).tasks[k]
                deadline = resolved_deadline(task)
                f = task_facts(task, deadline, tz)
                events = [
                    (tid, int(due.timestamp()), day, flags, settled(f, flags, day), nid, uid, k)
                    for due, day, flags in task_events(task, deadline, limit)
                ]
                self.db.execute("DELETE FROM events WHERE tid = ?", (tid,))
                self.db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
                self.db.execute("UPDATE tasks SET horizon = ? WHERE tid = ?", (end, tid))

    def events(
        self, now: int, end: int, done_from: int, flags: int = 0, counted: Counted | None = None
    ) -> tuple[list[Event], dict[int, tuple[int, int]]]:
        """The due events before ``end`` whose row a report at ``now`` may list, in report
        order (due moment, then the task's file and line); only those with every one of
        ``flags`` (``giaoban.model.facts``) set. Of those ``counted`` names, a one-off
        task's are left out (``count_events`` counts them) and a duty's but the latest:
        with the events, how many of each duty's were left out and the earliest one's due
        day (the day a backlog counts it late since), by task.

        Done rows due before ``done_from`` are not listed: an event due before it is
        left out when its row was settled by ``now`` (``giaoban.model.facts.settled``).
        """
        select = "due, day, flags, tid, uid, nid, k"
        where, values = self._events_where(now, end, done_from, flags)
        left_out: dict[int, tuple[int, int]] = {}
        if counted is None:
            found: list[Event] = self.db.execute(
                f"SELECT {select} FROM events WHERE {where}",  # noqa: S608
                values,
            ).fetchall()
        else:
            values |= counted.values()
            found = self.db.execute(
                f"SELECT {select} FROM events WHERE {where} AND NOT ({counted.where})",  # noqa: S608
                values,
            ).fetchall()
            # Each duty's latest event, with how many it has and the first one's day.
            for *latest, n, first in self.db.execute(
                "SELECT e.due, e.day, e.flags, e.tid, e.uid, e.nid, e.k, g.n, g.first FROM "  # noqa: S608
                "(SELECT tid, max(due) AS due, count(*) AS n, min(day) AS first FROM events "
                f"WHERE {where} AND {counted.where} AND flags & :occurrence != 0 GROUP BY tid) g "
                "JOIN events e ON e.tid = g.tid AND e.due = g.due AND e.settled = :never "
                "AND e.flags & :occurrence != 0 GROUP BY g.tid",
                values,
            ):
                found.append(Event(*latest))
                if n > 1:
                    left_out[latest[3]] = (n - 1, first)
        files = self.file_order()
        # A notice is one file, and its tasks' ids follow their places (and lines) in it:
        # (due, file's rank, task id) is the report order, as one integer.
        ranked = [(e[0] << 64) | (files[e[5]] << 32) | e[3] for e in found if e[5] in files]
        kept = [e for e in found if e[5] in files] if len(ranked) < len(found) else found
        order = sorted(range(len(kept)), key=ranked.__getitem__)
        return [kept[i] for i in order], left_out

    def _events_where(
        self, now: int, end: int, done_from: int, flags: int
    ) -> tuple[str, dict[str, int]]:
        """What ``events`` asks of an event (an SQL condition on ``events``, its values)."""
        where = "due < :end AND (due >= :done_from OR settled > :now) AND flags & :must = :must"
        if not self.whole:  # the notices of this run
            where += " AND nid IN (SELECT nid FROM temp.loaded)"
        return where, {"end": end, "now": now, "done_from": done_from, "must": flags}

    def counted_keys(
        self, now: int, end: int, done_from: int, flags: int, counted: Counted
    ) -> list[tuple[int, int, int]]:
        """The (due, day, flags) of the events ``events`` would list that ``counted`` names,
        each once: what decides their rows' state (``giaoban.reports.rules.row_state``)."""
        where, values = self._events_where(now, end, done_from, flags)
        return self.db.execute(
            f"SELECT DISTINCT due, day, flags FROM events WHERE {where} AND {counted.where}",  # noqa: S608
            values | counted.values(),
        ).fetchall()

    def count_events(
        self, now: int, end: int, done_from: int, flags: int, counted: Counted, by_uid: bool
    ) -> list[tuple[Any, int, int]]:
        """The events of one-off tasks ``events`` leaves out (``counted``), counted by their
        tasks' owners: (the owners, how many, the earliest due day); ``by_uid``: by list of
        units instead, (its id, how many, the earliest due day)."""
        where, values = self._events_where(now, end, done_from, flags)
        by_list = (
            "SELECT uid, count(*) AS n, min(day) AS first FROM events "  # noqa: S608
            f"WHERE {where} AND {counted.where} AND flags & :occurrence = 0 GROUP BY uid"
        )
        if by_uid:
            return self.db.execute(by_list, values | counted.values()).fetchall()
        return [
            (split_units(owners), n, first)
            for owners, n, first in self.db.execute(
                f"SELECT u.owners, sum(c.n), min(c.first) FROM ({by_list}) c "  # noqa: S608
                "JOIN units u USING (uid) GROUP BY u.owners",
                values | counted.values(),
            )
        ]

    def file_order(self) -> dict[int, int]:
        """Each notice of this run: the rank of its file in report order (by path)."""
        if self.order is None:
            rows = self.db.execute(
                f"SELECT n.nid FROM {self._notices()} ORDER BY n.path, n.line, n.col"  # noqa: S608
            )
            self.order = {nid: rank for rank, (nid,) in enumerate(rows)}
        return self.order

    def settled_facts(self, asked: bool = False) -> dict[int, tuple[int, ...]]:
        """The facts (``giaoban.model.facts.Facts``) of every task not open (``asked``: of
        those asked about), by task."""
        return {
            row[0]: row[1:]
            for row in self.db.execute(
                "SELECT t.tid, t.status, t.since, t.done_day, t.done, t.late_by, t.until, "
                f"t.last_done FROM {self._tasks(asked)} WHERE t.status != 0"  # noqa: S608
            )
        }

    def _of_ids(self, select: str, tids: Iterable[int]) -> Iterator[Any]:
        """The rows of ``select`` (ending ``WHERE t.tid IN``, or another id) for the ids
        ``tids``, each once."""
        wanted = list(dict.fromkeys(tids))
        for start in range(0, len(wanted), 500):  # SQLite takes a bounded number of values
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            yield from self.db.execute(f"{select} ({marks})", chunk)

    def facts(self, tids: Iterable[int]) -> dict[int, tuple[int, ...]]:
        """The facts of the tasks ``tids``, by task."""
        return {
            tid: tuple(facts)
            for tid, *facts in self._of_ids(
                "SELECT t.tid, t.status, t.since, t.done_day, t.done, t.late_by, t.until, "
                "t.last_done FROM tasks t WHERE t.tid IN",
                tids,
            )
        }

    def cards(self, tids: Iterable[int]) -> dict[int, Card]:
        """The cards (``giaoban.model.card.Card``) of the tasks ``tids``, by task."""
        found: dict[int, Card] = {}
        for tid, notice, item, text, secret, owners, supports, *rest, timed in self._of_ids(
            "SELECT t.tid, n.id, t.item, t.text, t.confidential, u.owners, u.supports, "
            "t.deadline, t.kind, t.due, t.start, t.rrule, t.error, t.status_text, t.path, "
            "t.line, t.zone, t.has_time FROM tasks t JOIN notices n USING (nid) "
            "JOIN units u USING (uid) WHERE t.tid IN",
            tids,
        ):
            owned = (split_units(owners), split_units(supports))
            found[tid] = Card._make((notice, item, text, bool(secret), *owned, *rest, bool(timed)))
        return found

    def timings(self) -> dict[int, Timing]:
        """The timing (``giaoban.model.card.Timing``) of each task asked about, by task: the
        few columns of its card its rows are dated by."""
        return {
            tid: Timing(kind, due, zone, bool(timed))
            for tid, kind, due, zone, timed in self.db.execute(
                f"SELECT t.tid, t.kind, t.due, t.zone, t.has_time FROM {self._tasks(asked=True)}"  # noqa: S608
            )
        }

    def unit_lists(
        self, used: bool = False, uids: Iterable[int] | None = None
    ) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Each list of owners and supports, by its id; ``used``: only those a task of this
        run has; ``uids``: only those.

        The table ``units`` only grows (a list stays when the last task naming it is
        edited or removed). A report looking up its tasks' lists by id may read it whole
        (about 20 ms over 10,000 notices); what the files name now (a unit asked for by a
        name only tasks give it) is read through the tasks (about 70 ms), so that it is
        the same with and without the cache.
        """
        if uids is not None:  # only those
            return {
                uid: (split_units(owners), split_units(supports))
                for uid, owners, supports in self._of_ids(
                    "SELECT uid, owners, supports FROM units WHERE uid IN", uids
                )
            }
        query = "SELECT uid, owners, supports FROM units"
        if used:
            query += f" WHERE uid IN (SELECT DISTINCT t.uid FROM {self._tasks()})"  # noqa: S608
        return {
            uid: (split_units(owners), split_units(supports))
            for uid, owners, supports in self.db.execute(query)
        }

    def past_horizon(self, end: int, asked: bool = False) -> list[int]:
        """The tasks (``asked``: of those asked about) whose events the index does not list
        up to ``end`` (duties without an end, asked about more than ``HORIZON_YEARS`` past
        their notice)."""
        return [
            tid
            for (tid,) in self.db.execute(
                f"SELECT t.tid FROM {self._tasks(asked)} WHERE t.horizon < ?",  # noqa: S608
                (end,),
            )
        ]

    def task_ids(
        self, needle: str | None = None, show_confidential: bool = False
    ) -> list[tuple[int, int, int]]:
        """(task, its list of units, its notice) of each task of this run in the ledger's
        order; with ``needle`` (a folded query), only those whose words
        (``giaoban.model.shown.searched_words``) hold it."""
        where = (
            ""
            if needle is None
            else "WHERE instr(CASE WHEN :shown OR t.hidden IS NULL THEN t.words "
            "ELSE t.hidden END, :needle) > 0"
        )
        found = self.db.execute(
            f"SELECT t.nid, t.k, t.tid, t.uid FROM {self._tasks()} {where}",  # noqa: S608
            {"needle": needle, "shown": show_confidential},
        ).fetchall()
        order = {key[0]: i for i, key in enumerate(self.notice_keys())}
        found.sort(key=lambda row: (order[row[0]], row[1]))
        return [(tid, uid, nid) for nid, _, tid, uid in found]

    def notice_task_ids(self, notice_id: str) -> list[int]:
        """The tasks of notice ``notice_id`` of this run, in its order."""
        return [
            tid
            for (tid,) in self.db.execute(
                f"SELECT t.tid FROM {self._tasks()} JOIN notices n ON n.nid = t.nid "  # noqa: S608
                "WHERE n.id = ? ORDER BY t.k",
                (notice_id,),
            )
        ]

    def ask(self, tids: Iterable[int]) -> None:
        """Make ``tids`` the tasks asked about: by ``due_around``, and by the queries given
        ``asked=True``."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS asked (tid INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.asked")
        self.db.executemany("INSERT OR IGNORE INTO temp.asked VALUES (?)", [(t,) for t in tids])

    def due_around(
        self, now: int, end: int
    ) -> tuple[dict[int, list[tuple[int, int, int]]], dict[int, tuple[int, int, int]]]:
        """Of each task asked about: (due, day, flags) of its events due before ``end`` in
        order, and of its first event due after ``now``."""
        before: dict[int, list[tuple[int, int, int]]] = {}
        for tid, *event in self.db.execute(
            "SELECT e.tid, e.due, e.day, e.flags FROM temp.asked a CROSS JOIN events e USING (tid) "
            "WHERE e.due < ? ORDER BY e.tid, e.due",
            (end,),
        ):
            before.setdefault(tid, []).append(tuple(event))
        after = {
            tid: (due, day, flags)
            for tid, due, day, flags in self.db.execute(
                "SELECT e.tid, min(e.due), e.day, e.flags FROM temp.asked a "
                "CROSS JOIN events e USING (tid) WHERE e.due > ? GROUP BY e.tid",
                (now,),
            )
        }
        return before, after

    def close(self) -> None:
        opened.forget(self)
        with contextlib.suppress(sqlite3.Error):
            self.db.connection.close()


class IndexedNotices(Sequence[Notice]):
    """The notices of one load, in the ledger's order, each record read when looked at."""

    def __init__(self, index: Index) -> None:
        self.store = index

    @functools.cached_property
    def keys(self) -> list[tuple[int, date, str, str]]:
        """(nid, date, id, path) of each notice (``Index.notice_keys``)."""
        return self.store.notice_keys()

    @property
    def ids(self) -> list[str]:
        """Each notice's id, without reading the records (``Ledger.notice_ids``)."""
        return [notice_id for _, _, notice_id, _ in self.keys]

    @property
    def paths(self) -> list[str]:
        """Where each notice was read, without reading the records."""
        return [path for _, _, _, path in self.keys]

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, i: int) -> Notice: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Notice, ...]: ...
    def __getitem__(self, i: int | slice) -> Notice | tuple[Notice, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        return self.store.record(self.keys[i][0])

    def __iter__(self) -> Iterator[Notice]:
        for key in self.keys:
            yield self.store.record(key[0])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IndexedNotices({len(self)} notices)"


# A list of unit names is kept as one text: the names joined by U+001F. A name holding
# U+001F (or the escape U+001E) has it escaped with U+001E, so that it comes back whole.
_SEP, _ESC = "\x1f", "\x1e"
_ESCAPED = re.compile("\x1e(.)", re.DOTALL)
_UNESCAPE = {_ESC: _ESC, "_": _SEP}


def join_units(names: Sequence[str]) -> str:
    """A list of unit names as the index keeps it (``split_units`` gives it back)."""
    return _SEP.join(name.replace(_ESC, _ESC * 2).replace(_SEP, _ESC + "_") for name in names)


def split_units(joined: str) -> tuple[str, ...]:
    """The names of a list that ``join_units`` made."""
    if not joined:
        return ()
    names = joined.split(_SEP)
    if _ESC in joined:  # a name held a separator or an escape
        return tuple(_ESCAPED.sub(lambda m: _UNESCAPE.get(m[1], m[1]), name) for name in names)
    return tuple(names)


# How long a run waits for another process writing the index (seconds); then it reads the
# files into an index of its own and leaves the other's alone.
BUSY_WAIT = 30.0


def _connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, isolation_level=None, timeout=BUSY_WAIT, check_same_thread=False)
    db.execute("PRAGMA foreign_keys = ON")
    if target != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA journal_size_limit = 16777216")  # the log shrinks back to 16 MiB
    return db


_TWO_DAYS = timedelta(days=2)  # a duty's last day, and the next, are listed


# The last moment a duty's events are listed to: a report asked about near 9999 (its
# "now" and a horizon past it) lists up to the calendar's end, not past it.
_LAST_SECOND = int(datetime(9999, 12, 29, tzinfo=ZoneInfo("UTC")).timestamp())


def _years_after(day: date, years: int) -> date:
    if day.year + years > date.max.year:  # a notice dated near 9999: list to the end of time
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
