"""git as the log: the commit messages giaoban writes, and the story read back from git.

Every command that changes a file commits it with a Vietnamese first line and
machine-readable trailers::

    Gia hạn 2019-02-18-giao-ban-khoi-phong-trao#3: trước ngày 25/02/2019 → trước ngày 05/3/2019

    Lý do: Chờ ý kiến Bí thư phụ trách

    Giaoban-Action: postpone
    Giaoban-Task: 2019-02-18-giao-ban-khoi-phong-trao#3
    Giaoban-From: trước ngày 25/02/2019
    Giaoban-To: trước ngày 05/3/2019
    Giaoban-Reason: Chờ ý kiến Bí thư phụ trách

``read_history`` reads the whole story in ONE ``git log`` call (see
``giaoban.history.git.log_records``): commits with trailers give their events
directly; for the others (hand edits, ``giaoban edit``) the patches are applied
in order to rebuild each version of each changed file, and the two versions
are compared task by task. Only those commits cost a YAML parse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from giaoban.history import git
from giaoban.history.semdiff import NO_DEADLINE, field_label
from giaoban.model.errors import GiaobanError, NotFoundError, no_data_folder
from giaoban.model.ids import listing, named
from giaoban.model.shown import CONFIDENTIAL_TEXT
from giaoban.model.text import nfc
from giaoban.store.loader import is_ledger_file, load_ledger, notice_files
from giaoban.store.yamlsafe import parse_text

ACTIONS = (
    "init", "add-notice", "add-task", "done", "reopen", "cancel", "stop", "postpone", "note", "edit"
)  # fmt: skip
# The event of a notice already there where a shallow clone's history begins: its
# creation is before what the clone holds (who made it, and when, is not known)
SHALLOW_START = "before-history"
SUBJECT_WIDTH = 60
# Each commit as ten NUL-led parts: sha, parents, author, e-mail, author date, committer
# date, subject, body, trailers, then its patch. No message, name or text diff can hold a
# NUL (git refuses it), so any other character (a control character in a subject, say)
# stays inside its part.
LOG_FORMAT = "%x00%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI%x00%s%x00%b%x00%(trailers:only,unfold)%x00"
_PARTS = 10
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_PARENTS = re.compile(rf"(?:{_SHA.pattern}(?: {_SHA.pattern})*)?")
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
# What ``git revert`` writes in the message ("--reference" gives an abbreviated id).
_REVERTS = re.compile(r"^This reverts commit ([0-9a-f]{7,40})\b", re.MULTILINE)


# --- writing messages -------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """A commit message: first line, body lines, trailers."""

    action: str
    subject: str
    body: tuple[str, ...] = ()
    trailers: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        parts = [self.subject]
        if self.body:
            parts.append("\n".join(self.body))
        lines = [("Action", self.action), *self.trailers]
        parts.append("\n".join(f"Giaoban-{k}: {_one_line(v)}" for k, v in lines))
        return "\n\n".join(parts) + "\n"


def _one_line(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return " ".join(text.split())


def short_text(text: str, width: int = SUBJECT_WIDTH) -> str:
    """``text`` on one line, cut at a word before ``width`` characters with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def _task(task_id: str, **extra: Any) -> tuple[tuple[str, str], ...]:
    pairs = [("Task", task_id), *((k, v) for k, v in extra.items() if v not in (None, ""))]
    return tuple((k.replace("_", "-").title(), _one_line(v)) for k, v in pairs)


EARLIER_RESULT = "Kết quả trước đó"  # how a replaced result starts the note that keeps it


@dataclass(frozen=True)
class DoneSaid:
    """What a ``done`` recorded beside the day, as its message may say it (a confidential
    notice's words already "(mật)"): the result, the note, and the result it replaced,
    kept as a note (``EARLIER_RESULT``), when it replaced one."""

    result: str | None = None
    note: str | None = None
    kept_result: str | None = None


def done_message(
    task_id: str,
    text: str,
    on: date,
    occurrence: date | None = None,
    said: DoneSaid = DoneSaid(),
) -> Message:
    """The message of ``done``: the result and the notes it recorded are in its body and
    its trailers (``Giaoban-Result``, ``Giaoban-Note``, ``Giaoban-Kept-Result``: the result
    it replaced, kept as a note), so ``log`` tells them."""
    label = f" (lần {occurrence:%d/%m/%Y})" if occurrence else ""
    subject = f"Hoàn thành {task_id}{label}: {short_text(text)}"
    body = [f"Kết quả: {said.result}"] if said.result else []
    body += [f"Ghi chú: {said.note}"] if said.note else []
    body += [f"{EARLIER_RESULT} được giữ thành một ghi chú."] if said.kept_result else []
    trailers = _task(
        task_id,
        date=on,
        occurrence=occurrence,
        result=said.result,
        note=said.note,
        kept_result=said.kept_result,
    )
    return Message("done", subject, tuple(body), trailers)


def reopen_message(task_id: str, occurrence: date | None = None) -> Message:
    label = f" (lần {occurrence:%d/%m/%Y})" if occurrence else ""
    return Message("reopen", f"Mở lại {task_id}{label}", (), _task(task_id, occurrence=occurrence))


def cancel_message(task_id: str, text: str, reason: str, on: date) -> Message:
    subject = f"Hủy {task_id}: {short_text(text)}"
    return Message("cancel", subject, (f"Lý do: {reason}",), _task(task_id, date=on, reason=reason))


def stop_message(
    task_id: str,
    text: str,
    first_free: date,
    until: date,
    reason: str | None,
    earlier: date | None = None,
) -> Message:
    """The message of ``stop``; ``earlier``: the duty's last day before it, when it had one
    (a stop moved to an earlier day says which day it replaced)."""
    subject = f"Dừng {task_id} từ {first_free:%d/%m/%Y}: {short_text(text)}"
    body = [f"Lý do: {reason}"] if reason else []
    if earlier is not None:
        body.append(f"Trước đó: lần cuối trong ngày {earlier:%d/%m/%Y}")
    return Message("stop", subject, tuple(body), _task(task_id, until=until, reason=reason))


def postpone_message(
    task_id: str, old: Any, new: Any, reason: str, approved_by: str | None, on: date
) -> Message:
    shown_old = _one_line(old) if old is not None else NO_DEADLINE
    subject = f"Gia hạn {task_id}: {shown_old} → {_one_line(new)}"
    body = [f"Lý do: {reason}"] + ([f"Người duyệt: {approved_by}"] if approved_by else [])
    trailers = _task(
        task_id,
        **{"from": old, "to": new, "reason": reason, "approved_by": approved_by, "date": on},
    )
    return Message("postpone", subject, tuple(body), trailers)


def note_message(task_id: str, note: str, on: date) -> Message:
    return Message("note", f"Ghi chú {task_id}", (note,), _task(task_id, date=on))


def add_task_message(task_id: str, text: str) -> Message:
    return Message("add-task", f"Thêm nhiệm vụ {task_id}: {short_text(text)}", (), _task(task_id))


def add_notice_message(notice_id: str, title: str, tasks: int) -> Message:
    subject = f"Thêm thông báo {notice_id}: {short_text(title)}"
    return Message("add-notice", subject, (f"{tasks} nhiệm vụ",), (("Notice", notice_id),))


def edit_message(notice_id: str) -> Message:
    return Message("edit", f"Sửa thông báo {notice_id}", (), (("Notice", notice_id),))


def init_message(office: str | None) -> Message:
    subject = "Khởi tạo sổ giao ban" + (f" — {office}" if office else "")
    return Message("init", subject)


# --- reading the log -------------------------------------------------------------------


class Merge(NamedTuple):
    """The merge commit that brought a branch's change into the story: who merged, when."""

    commit: str
    author: str
    email: str
    when: datetime

    def to_json(self) -> dict[str, str]:
        return {
            "commit": self.commit,
            "author": self.author,
            "email": self.email,
            "date": self.when.isoformat(),
        }


@dataclass(frozen=True)
class Event:
    """One thing that happened to a notice or a task, as read from git: by whom, when, in
    which commit; for a change a merged branch made, the merge that brought it
    (``merge``; ``events_from_log``)."""

    commit: str
    author: str
    email: str
    when: datetime
    notice: str
    item: str | None
    action: str
    details: Mapping[str, str] = field(default_factory=dict)
    subject: str = ""
    # The notice file's lines after the commit (before it, for a removal); kept only
    # when asked for (``read_history(..., versions=True)``), for the summary.
    version: Sequence[str] | None = field(default=None, compare=False, repr=False)
    # Whether the notice was confidential in this commit (before or after it), and the
    # ``Giaoban-Action`` of the commit's message (None: a message giaoban did not write).
    confidential: bool = field(default=False, compare=False)
    written: str | None = field(default=None, compare=False, repr=False)
    merge: Merge | None = None

    @property
    def task_id(self) -> str | None:
        return None if self.item is None else f"{self.notice}#{self.item}"

    def came_in(self, commit: str) -> bool:
        """Whether ``commit`` (a full id or a prefix) made this change or merged it in."""
        return self.commit.startswith(commit) or (
            self.merge is not None and self.merge.commit.startswith(commit)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "author": self.author,
            "email": self.email,
            "date": self.when.isoformat(),
            "notice": self.notice,
            "task": self.task_id,
            "action": self.action,
            "details": dict(self.details),
            "subject": self.subject,
            "merge": self.merge.to_json() if self.merge else None,
        }


@dataclass
class _Commit:
    commit: str
    author: str
    email: str
    when: datetime
    subject: str
    body: str
    trailers: dict[str, str]
    files: dict[str, tuple[list[str] | None, list[str] | None]] = field(default_factory=dict)
    moves: dict[str, str] = field(default_factory=dict)  # a notice file's new path: its old
    secret: dict[str, bool] = field(default_factory=dict)  # a file confidential before or after
    # A notice file's way back from its version before this commit (``_Step``: the step
    # that made that version; None, no step), for a version before it that cannot be read.
    pasts: dict[str, _Step | None] = field(default_factory=dict)
    keep: bool = False  # attach each event's file version
    reverts: str | None = None  # the commit this one undoes (``git revert``)
    # Committed at another time than it was written: rebased (a sync), amended or picked,
    # so its changes may not be the ones its message tells (``_events``)
    rewritten: bool = False
    # (commit, notice, why) of the earlier commits whose version of the notice file could
    # not be read, found when this one is compared with the last readable version
    broken: list[tuple[str, str, str]] = field(default_factory=list)
    parents: tuple[str, ...] = ()
    mainline: bool = True  # on the first-parent line of the newest commit: the story
    # At a shallow clone's edge: its patch adds every file it holds, though it may have
    # changed none of them; what came before it is not in the clone (``_events``)
    cut: bool = False
    # A merge's changed notice files as the merged branch (its second parent) left them
    theirs: dict[str, list[str] | None] = field(default_factory=dict)


def read_history(
    data_dir: Path,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    versions: bool = False,
    zone: tzinfo | None = None,
) -> list[Event]:
    """Every event under ``data_dir``, oldest first; [] outside git or before the first
    commit. A folder that is not there, and a ``git log`` that fails, are errors: neither
    is an empty history. The story of one notice or task is picked from it
    (``notice_story``, ``task_story``): a notice file renamed keeps its history only in the
    history of the whole folder, where git sees both names.

    ``since``/``until``: only events made in ``[since, until)`` (a merged branch's
    change: when the branch made it; the whole history is still read in one call: the
    patches before ``since`` rebuild the files). ``versions``: keep each event's file
    version (``Event.version``).
    ``zone``: each event's time in that zone (the office's), whatever the offset its
    author's machine wrote, so every reader of an event (a line, JSON) tells one day.
    """
    if not data_dir.is_dir():
        raise no_data_folder(data_dir)
    repo = git.work_tree(data_dir)
    if repo is None or git.head_commit(repo) is None:
        return []
    rel = PurePosixPath(*data_dir.resolve().relative_to(repo.resolve()).parts).as_posix()
    prefix = "" if rel == "." else f"{rel}/"
    result = git.log_records(repo, [rel or "."], LOG_FORMAT)
    if result is None or not result.ok:
        detail = "không chạy được git" if result is None else result.stderr.strip()
        raise GiaobanError(f"không đọc được lịch sử git: {detail}")
    cut = git.shallow_commits(repo)
    return list(events_from_log(result.stdout, prefix, since, until, versions, zone, cut))


def events_from_log(
    output: str,
    prefix: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    keep: bool = False,
    zone: tzinfo | None = None,
    cut: Collection[str] = frozenset(),
) -> list[Event]:
    """Events from ``git log`` output in ``LOG_FORMAT`` with ``-p -U0`` patches (``git.
    log_records``); their times in ``zone`` (None: each in its author's offset); only
    those made in ``[since, until)``. ``cut``: the commits at a shallow clone's edge
    (``git.shallow_commits``), whose files were there before the history the clone holds.

    The story is the first-parent line of the newest commit: what reached it, in that
    order. A merge tells what the merged branch brought, each change as the branch's own
    commit told it (its author, its time, its commit), with the merge named
    (``Event.merge``); what the merge itself decided stays the merger's (``_credited``).

    A commit whose version of a notice file turns out, later, not to be readable is told
    as unreadable whatever its message says (a rebased ``done`` whose file kept both sides
    of a conflict): the repair compared with the last readable version tells what changed.
    """

    def within(when: datetime) -> bool:
        return _within(when, since, until)

    events: list[Event] = []
    broken: dict[tuple[str, str], str] = {}
    branches = _Branches()
    for commit in _commits(output, prefix, zone):
        commit.keep = keep
        commit.cut = commit.commit in cut and not commit.parents
        if not commit.mainline:
            branches.wait(commit)
        elif len(commit.parents) > 1:
            found = _credited(commit, list(_events(commit)), branches.brought(commit))
            events.extend(e for e in found if within(e.when))
        elif within(commit.when):
            events.extend(_events(commit))
        broken.update({(sha, notice): why for sha, notice, why in commit.broken})
    return [_as_unreadable(e, broken) for e in events] if broken else events


def _within(when: datetime, since: datetime | None, until: datetime | None) -> bool:
    """Whether ``when`` is in ``[since, until)`` (None: no bound)."""
    return not ((since and when < since) or (until and when >= until))


def events_within(
    events: Iterable[Event], since: datetime | None, until: datetime | None
) -> list[Event]:
    """The events made in ``[since, until)``, as ``read_history(since=, until=)`` picks them
    (a merged branch's change: when the branch made it)."""
    return [e for e in events if _within(e.when, since, until)]


class _Branches:
    """The commits off the story, each with its events, until the merge that brings it."""

    def __init__(self) -> None:
        self.parents: dict[str, tuple[str, ...]] = {}
        self.waiting: dict[str, list[Event]] = {}  # in the order of the walk

    def wait(self, commit: _Commit) -> None:
        """A commit off the story, with its events (none for a merge within a branch: what
        it brings is told by the commits it brings, or on the story already)."""
        self.parents[commit.commit] = commit.parents
        self.waiting[commit.commit] = [] if len(commit.parents) > 1 else list(_events(commit))

    def brought(self, merge: _Commit) -> list[Event]:
        """The events of the commits ``merge`` brings to the story (reachable from its other
        parents, not from the story before it), in the order they were walked; each
        commit is brought by one merge, the first to reach it."""
        found: set[str] = set()
        todo = [p for p in merge.parents[1:] if p in self.waiting]
        while todo:
            sha = todo.pop()
            if sha in found:
                continue
            found.add(sha)
            todo.extend(p for p in self.parents.get(sha, ()) if p in self.waiting)
        return [e for sha in list(self.waiting) if sha in found for e in self.waiting.pop(sha)]


def _as_unreadable(event: Event, broken: Mapping[tuple[str, str], str]) -> Event:
    """``event`` as the unreadable version it made when its message told it (its trailers)."""
    why = broken.get((event.commit, event.notice))
    if why is None or event.item is None:  # a version compared: told unreadable already
        return event
    return replace(event, item=None, action="edit", details={"fields": why})


def _commits(output: str, prefix: str, zone: tzinfo | None = None) -> Iterator[_Commit]:
    """Each commit of ``output``, parents before children, with what it did to each file
    under ``prefix``; its time in ``zone``.

    The history may branch and merge: a commit's patch applies to the files as its first
    parent left them (a merge's patch is against its first parent), so the walk keeps
    the files after each commit until its last child has read them, and copies them
    only where two children start from one commit. ``mainline``: on the first-parent
    line of the newest commit (``git log`` names the parents its paths' history keeps).
    """
    parts = output.split("\0")
    heads = [_parts(parts, at) for at in range(1, len(parts), _PARTS)]
    parents = {head[0]: tuple(head[1].split()) for head in heads}
    mainline: set[str] = set()
    newest = heads[-1][0] if heads else None
    while newest is not None and newest not in mainline:
        mainline.add(newest)
        newest = next(iter(parents.get(newest, ())), None)
    readers = Counter(p for ids in parents.values() for p in ids)
    after: dict[str, _Files] = {}  # the files after each commit a child has yet to read
    for sha, _, author, email, when, committed, subject, body, trailers, patch in heads:
        when_ = datetime.fromisoformat(when)
        when_ = when_.astimezone(zone) if zone else when_
        commit = _Commit(sha, author, email, when_, subject, _body(body), _trailers(trailers))
        commit.rewritten = datetime.fromisoformat(committed) != when_
        commit.parents, commit.mainline = parents[sha], sha in mainline
        undone = _REVERTS.search(body)
        if undone and "action" not in commit.trailers:
            commit.reverts = undone[1]
        ids = commit.parents
        files = _read_files(after, readers, ids[0], own=True) if ids else _Files()
        for change in _file_patches(patch):
            _record(commit, change, files, prefix)
        for other in ids[1:]:
            theirs = _read_files(after, readers, other, own=False)
            if other == ids[1]:
                commit.theirs = {path: theirs.versions.get(path) for path in commit.files}
        if readers[sha]:
            after[sha] = files
        yield commit


@dataclass
class _Files:
    """The files after one commit: each followed file's version, whether it is
    confidential, and the last step of its way back (kept when the file is deleted)."""

    versions: dict[str, list[str]] = field(default_factory=dict)
    secret: dict[str, bool] = field(default_factory=dict)
    pasts: dict[str, _Step] = field(default_factory=dict)

    def copy(self) -> _Files:
        # versions are replaced, never changed in place, and steps are never changed
        return _Files(dict(self.versions), dict(self.secret), dict(self.pasts))


def _read_files(after: dict[str, _Files], readers: Counter[str], sha: str, own: bool) -> _Files:
    """The files after commit ``sha``, for one of its children (``own``: to change them, a
    copy when another child will read them too); forgotten after its last child.
    A parent ``git log`` did not give (a shallow clone's edge) left no files."""
    readers[sha] -= 1
    files = after.pop(sha, None) if readers[sha] <= 0 else after.get(sha)
    if files is None:
        return _Files()
    return files.copy() if own and readers[sha] > 0 else files


@dataclass(frozen=True)
class _Step:
    """One commit's hunks on a file's way back to its earlier versions: undone, they give
    the version before that commit (``before``: the step that made it; None, none).

    A deletion is a step like any other (its hunks remove every line), so a file deleted
    then added again goes back through it. Steps are kept, not versions: a version per
    commit would cost the file's size times its commits, and only a version that cannot
    be read (rare) makes anyone walk back. A step never changes, so two branches of the
    history share the steps before they parted.
    """

    hunks: list[Hunk]
    commit: str
    before: _Step | None


def _last_readable(
    lines: list[str], step: _Step | None, problem: str
) -> tuple[dict[str, Any] | None, Broken]:
    """The newest readable version before ``lines`` (a version made by ``step``,
    unreadable for ``problem``), parsed (None when no version before it can be read),
    and the commits that made the versions after it, each with why its version cannot
    be read."""
    broken: Broken = {}
    version = lines
    while step is not None:
        broken.setdefault(step.commit, problem)  # it made ``version``: not readable
        version = _apply(version, step.hunks, backwards=True)
        doc = parse_version(version)
        found = unreadable(doc)
        if found is None:
            return doc, broken
        problem = found
        step = step.before
    return None, broken


# Commits whose version of a notice file cannot be read, each with why (``unreadable``).
Broken = dict[str, str]


def _record(commit: _Commit, change: FilePatch, files: _Files, prefix: str) -> None:
    """Apply one file's patch to ``files`` and note what it did to a notice file.

    Every file under ``prefix`` is followed, not only notice files: a file renamed
    to ``*.yaml`` comes with its changes against the old one. A move between two
    notice paths is one entry of ``commit.files`` (under the new path, its old one in
    ``commit.moves``); a move from or to something else removes or adds a notice.
    Whether a version is confidential is looked at again only when a line naming
    ``confidential`` changed (a look at every line of every version costs as much as
    the rest of the history).
    """
    versions, secret, pasts = files.versions, files.secret, files.pasts
    path, source = change.path, change.source or change.path
    if not path.startswith(prefix) and not source.startswith(prefix):
        return
    old, was_secret = versions.pop(source, None), secret.pop(source, False)
    before = pasts.pop(source, None)
    pasts[path] = _Step(change.hunks, commit.commit, before)
    new = None if change.gone else _apply(old or [], change.hunks)
    if new is not None:
        versions[path] = new
        touched = old is None or any("confidential" in x for h in change.hunks for x in h.lines)
        secret[path] = version_confidential(new) if touched else was_secret
    commit.secret[path] = commit.secret[source] = was_secret or secret.get(path, False)
    was, now = _is_notice(source, prefix), _is_notice(path, prefix)
    if source == path or (was and now):
        if now:
            commit.files[path] = (old, new)
            commit.pasts[path] = before
        if source != path:
            commit.moves[path] = source
        return
    if was:
        commit.files[source] = (old, None)
    if now:
        commit.files[path] = (None, new)


def _is_notice(path: str, prefix: str) -> bool:
    return (
        path.startswith(prefix)
        and path.endswith(".yaml")
        and not is_ledger_file(path[len(prefix) :])
    )


def _parts(parts: list[str], at: int) -> list[str]:
    """The parts of the commit at ``at``; a clear error when ``git log`` gave something else
    (a NUL in a patch: a file git was told to diff as text, though it is binary)."""
    found = parts[at : at + _PARTS]
    if (
        len(found) < _PARTS
        or not _SHA.fullmatch(found[0])
        or not _PARENTS.fullmatch(found[1])
        or not (_is_date(found[4]) and _is_date(found[5]))
    ):
        raise GiaobanError(
            "không đọc được lịch sử git: 'git log' cho kết quả không đúng dạng"
            f" (gần commit {found[0][:12]!r}); có tệp nhị phân bị so sánh như văn bản?"
        )
    return found


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _body(body: str) -> str:
    """The body without its closing trailer paragraph."""
    paragraphs = body.strip().split("\n\n")
    if paragraphs and all(": " in line for line in paragraphs[-1].splitlines()):
        paragraphs.pop()
    return "\n\n".join(paragraphs).strip()


def _trailers(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key.startswith("Giaoban-"):
            found[key[len("Giaoban-") :].lower()] = value.strip()
    return found


class Hunk(NamedTuple):
    """One ``-U0`` hunk: the lines it covers before the commit (``old_start``, ``old_count``) and
    after it (``new_start``, ``new_count``), and its "-" and "+" lines."""

    old_start: int
    old_count: int
    lines: list[str]
    new_start: int
    new_count: int


class FilePatch(NamedTuple):
    """One file's part of a commit's patch."""

    path: str  # the file after the commit (before it, when deleted)
    hunks: list[Hunk]
    gone: bool  # deleted
    source: str | None = None  # the path it was moved or renamed from


def _file_patches(patch: str) -> Iterator[FilePatch]:
    """Each file of one commit's patch."""
    path: str | None = None
    source: str | None = None
    hunks: list[Hunk] = []
    gone = False
    # Lines end at "\n" alone, as git counts them: str.splitlines also cuts at U+001C-U+001E,
    # U+0085 and U+2028, which a notice's text may hold.
    lines = [line + "\n" for line in patch.split("\n")]
    lines[-1] = lines[-1][:-1]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("diff --git "):
            if path is not None:
                yield FilePatch(path, hunks, gone, source)
            path, hunks, gone = line.rstrip("\n").rpartition(" b/")[2], [], False
            source = None
        elif line.startswith("rename from "):
            source = line[len("rename from ") :].rstrip("\n")
        elif line.startswith("rename to "):
            path = line[len("rename to ") :].rstrip("\n")
        elif line.startswith("+++ b/"):
            path = line[6:].rstrip("\n").rstrip("\t")
        elif line.startswith("+++ /dev/null"):
            gone = True
        elif match := _HUNK.match(line):
            start, count = int(match.group(1)), int(match.group(2) or 1)
            new_start, new_count = int(match.group(3)), int(match.group(4) or 1)
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i][:1] in ("+", "-", "\\"):
                if lines[i].startswith("\\"):
                    body[-1] = body[-1][:1] + body[-1][1:].rstrip("\n")
                else:
                    body.append(lines[i])
                i += 1
            hunks.append(Hunk(start, count, body, new_start, new_count))
            continue
        i += 1
    if path is not None:
        yield FilePatch(path, hunks, gone, source)


def _apply(old: list[str], hunks: list[Hunk], backwards: bool = False) -> list[str]:
    """Apply ``-U0`` hunks to ``old`` (lines with their ends), last hunk first.

    ``backwards``: undo them (``old`` is then the version they made): a walk back
    to an earlier version (``_Step``) goes through the same lines.
    """
    new = list(old)
    sign = "-" if backwards else "+"
    for hunk in reversed(hunks):
        start, count = (hunk.new_start, hunk.new_count) if backwards else hunk[:2]
        added = [line[1:] for line in hunk.lines if line.startswith(sign)]
        at = start if count == 0 else start - 1
        new[at : at + count] = added
    return new


# --- events of one commit -----------------------------------------------------------------


def _event(c: _Commit, notice: str, item: str | None, action: str, **details: Any) -> Event:
    """An event of commit ``c``; in a ``git revert``, ``details["reverts"]`` names the commit
    it undoes (its events read as what changed back, not as new work)."""
    shown = {k: _one_line(v) for k, v in details.items() if v not in (None, "")}
    if c.reverts:
        shown["reverts"] = c.reverts
    version = _version(c, notice) if c.keep else None
    return Event(
        c.commit,
        c.author,
        c.email,
        c.when,
        notice,
        item,
        action,
        shown,
        c.subject,
        version,
        _secret_in(c, notice),
        c.trailers.get("action"),
    )


def _version(c: _Commit, notice: str) -> list[str] | None:
    for path, (old, new) in c.files.items():
        if PurePosixPath(path).stem == notice:
            return new if new is not None else old
    return None


def _secret_in(c: _Commit, notice: str) -> bool:
    """Whether ``notice`` was confidential before or after commit ``c``."""
    return any(c.secret.get(path, False) for path in c.files if PurePosixPath(path).stem == notice)


# A line that says nothing is confidential: most notice files have "confidential: false".
_NOT_CONFIDENTIAL = re.compile(
    r"confidential:[ \t]*(?:false|False|FALSE|null|Null|NULL|~)?[ \t]*(?:#.*)?\r?\n?"
)


def version_confidential(lines: Sequence[str] | None) -> bool:
    """Whether a version of a notice file is of a confidential notice.

    Parsed only when a line names ``confidential`` other than to say it is false
    (every version of every commit is looked at). A version that cannot be read
    but names it counts as confidential: hiding a text wrongly costs less than
    showing it.
    """
    if not lines or all(
        _NOT_CONFIDENTIAL.fullmatch(line) for line in lines if "confidential" in line
    ):
        return False
    doc = parse_version(list(lines))
    return not isinstance(doc, dict) or doc.get("confidential") not in (None, False)


def _events(c: _Commit) -> Iterator[Event]:
    """What commit ``c`` did: what its message tells (its trailers), when giaoban wrote it
    and nothing rewrote it since; else what comparing its versions of each file shows.

    A rewritten commit (``_Commit.rewritten``) that giaoban wrote is compared too: a sync
    whose conflict was resolved by hand keeps the message over whatever the clerk kept.
    Its told event stands where the comparison finds it (it says more: a reason, who
    approved); every other change found is told beside it, and a told change the
    comparison does not find is not told.
    """
    if c.cut:
        yield from _before_history(c)
        return
    told = _told(c)
    if not told:
        yield from _compared_files(c)
        return
    if not c.rewritten or not any(PurePosixPath(p).stem == told[0].notice for p in c.files):
        yield from told
        return
    found = list(_compared_files(c))
    for event in found:
        same = next((t for t in told if _same_change(event, t)), None)
        if same is not None:
            told.remove(same)
        yield event if same is None else same


def _before_history(c: _Commit) -> Iterator[Event]:
    """Each notice file at a shallow clone's edge ``c``: there when the history the clone
    holds begins, made by someone and at a time the clone cannot tell. No author is named:
    ``c``'s author may not have touched it."""
    for path, (_, new) in c.files.items():
        if new is not None:
            event = _event(c, PurePosixPath(path).stem, None, SHALLOW_START)
            yield replace(event, author="", email="")


def _told(c: _Commit) -> list[Event]:
    """The events commit ``c``'s message tells of one task ([]: it tells none): its
    action, and the notes a ``done`` added beside it (the result it replaced,
    ``Giaoban-Kept-Result``, then ``Giaoban-Note``), as comparing the two versions tells
    them."""
    action = c.trailers.get("action")
    task = c.trailers.get("task")
    if not (action in ACTIONS and action != "edit" and task and "#" in task):
        return []
    notice, item = task.split("#", 1)
    keys = ("date", "occurrence", "from", "to", "reason", "approved-by", "until", "result")
    details = {k.replace("-", "_"): c.trailers[k] for k in keys if k in c.trailers}
    if action == "note":
        details["text"] = c.body
    told = [_event(c, notice, item, action, **details)]
    notes = (
        [f"{EARLIER_RESULT}: {c.trailers['kept-result']}"] if "kept-result" in c.trailers else []
    )
    notes += [c.trailers["note"]] if "note" in c.trailers else []
    if action == "done":
        told += [_event(c, notice, item, "note", date=details.get("date"), text=t) for t in notes]
    return told


def _same_change(found: Event, told: Event) -> bool:
    """Whether a change found by comparing versions is the one a message tells."""
    return (found.notice, found.item, found.action) == (told.notice, told.item, told.action)


def _credited(merge: _Commit, found: list[Event], brought: list[Event]) -> list[Event]:
    """The events of ``merge`` (``found``: its files against its first parent's), each change
    the merged branch made told by the branch's own events (``brought``: who made it, when,
    in the order they were made), at the merge (``Event.merge``); then what the merge
    itself decided, as the merger's.

    A change is the branch's when the branch made a change of that kind to that task
    (its status, its deadline, its notes, ...) and the merge kept it as the branch left it:
    comparing the branch's version of the file with the merge's shows no change of that
    kind there (a conflict resolved otherwise shows one, and stays the merger's). A
    notice or a task the branch added, and the merge kept as the branch left it, comes
    with all the branch told of it (added, then done). A merge of several branches at
    once is the merger's.
    """
    if not brought or len(merge.parents) != 2:
        return found
    decided = _against_theirs(merge)
    changed = {_subject(e) for e in decided}
    credited: set[int] = set()
    own: list[Event] = []
    for event in found:
        if event.action in ("add-notice", "add-task"):  # all of it: the notice, the task
            whole = (event.notice, event.item)
            kept = not any(_within_whole(e, whole) for e in decided)
            mine = [i for i, e in enumerate(brought) if kept and _within_whole(e, whole)]
        elif _subject(event) not in changed:
            mine = [i for i, e in enumerate(brought) if _subject(e) == _subject(event)]
        else:
            mine = []
        credited.update(mine)
        if not any(_subject(brought[i]) == _subject(event) for i in mine):
            own.append(event)  # not the branch's doing (a task the merge put back)
    via = Merge(merge.commit, merge.author, merge.email, merge.when)
    return [replace(brought[i], merge=via) for i in sorted(credited)] + own


def _within_whole(event: Event, whole: tuple[str, str | None]) -> bool:
    """Whether ``event`` is of the notice ``whole`` names (item None), or of its task."""
    notice, item = whole
    return event.notice == notice and (item is None or event.item == item)


def _against_theirs(merge: _Commit) -> list[Event]:
    """What ``merge`` changed of the merged branch's work: each notice file it changed, as
    the branch left it, against the merge's (the main line's changes, the merge's own)."""
    other = replace(merge, keep=False, broken=[], reverts=None)
    return [
        event
        for path, (_, new) in merge.files.items()
        for event in _compared(other, PurePosixPath(path).stem, None, merge.theirs.get(path), new)
    ]


# What an event changes of a task, when not its action: a status (done, reopened,
# cancelled), its being there (added, removed).
_CHANGES = {"reopen": "done", "cancel": "done", "remove-task": "add-task"}


def _subject(event: Event) -> tuple[str, str | None, str]:
    """What ``event`` changed: its notice, its task, and which of the task's things (a done
    occurrence is its own thing, beside the task's status)."""
    what = "occurrence" if "occurrence" in event.details else _CHANGES.get(event.action)
    return event.notice, event.item, what or event.action


def _compared_files(c: _Commit) -> Iterator[Event]:
    """The events found by comparing each notice file's versions before and after ``c``."""
    action = c.trailers.get("action")
    for path, (old, new) in c.files.items():
        notice = PurePosixPath(path).stem
        if path in c.moves:
            yield _event(c, notice, None, "move", **{"from": c.moves[path], "to": path})
        if action == "add-notice" and old is None:
            yield _event(c, notice, None, "add-notice", title=c.subject.partition(": ")[2])
            continue
        yield from _compared(c, notice, c.pasts.get(path), old, new)


def parse_version(lines: list[str] | None) -> Any:
    """A version of a notice file, parsed; None when it cannot be read as it was meant: a
    YAML error, or a key, a tag or a value the parser left out (a key written twice keeps
    its first value, so a version with both sides of a conflict would read as one side)."""
    if lines is None:
        return None
    doc, problems = parse_text(nfc("".join(lines)), "<git>")
    if doc is None or any(p.is_error and p.code not in _KEPT_AS_WRITTEN for p in problems):
        return None
    return doc.value


# Parse errors that keep the value as written (a day that does not exist): still readable.
_KEPT_AS_WRITTEN = frozenset({"bad-date"})


UNREADABLE_FILE = "(tệp không đọc được)"
UNREADABLE_TASKS = "(không đọc được danh sách nhiệm vụ)"
READABLE_AGAIN = "(tệp đọc được trở lại)"


def unreadable(doc: Any) -> str | None:
    """Why a parsed version of a notice file cannot be compared task by task (None: it can).

    It must be a mapping, and its tasks, when it has any, a list of mappings each with an
    item: a version whose tasks cannot be told apart would show every task removed, then
    added again when the file is repaired.
    """
    if not isinstance(doc, dict):
        return UNREADABLE_FILE
    tasks = doc.get("tasks")
    if tasks is None:
        return None
    if not isinstance(tasks, list) or not all(
        isinstance(t, dict) and t.get("item") is not None and not isinstance(t["item"], dict | list)
        for t in tasks
    ):
        return UNREADABLE_TASKS
    return None


def version_tasks(doc: Any) -> dict[str, dict[str, Any]]:
    tasks = doc.get("tasks") if isinstance(doc, dict) else None
    return {
        str(t.get("item")): t
        for t in (tasks if isinstance(tasks, list) else ())
        if isinstance(t, dict) and t.get("item") is not None
    }


def _compared(
    c: _Commit,
    notice: str,
    past: _Step | None,
    old_lines: list[str] | None,
    new_lines: list[str] | None,
) -> Iterator[Event]:
    """Events found by comparing two versions of a notice file.

    A version before that cannot be read (a YAML error, conflict markers, duplicate keys,
    tasks without items, an empty file) or is not there (a file deleted, then added
    back) is passed over: the new version is compared with the last one that can be
    read, and the commits between are noted in ``c.broken`` (what their messages told is
    told by this comparison, once: ``events_from_log``).
    """
    if new_lines is None:
        yield _event(c, notice, None, "remove-notice")
        return
    new = parse_version(new_lines)
    problem = unreadable(new)
    if problem:
        yield _event(c, notice, None, "edit", fields=problem)
        return
    old = parse_version(old_lines)
    problem = unreadable(old)
    if problem:
        earlier, broken = _last_readable(old_lines or [], past, problem)
        c.broken.extend((commit, notice, why) for commit, why in broken.items())
        if earlier is None:
            yield _event(c, notice, None, "add-notice", title=new.get("title"))
            return
        old = earlier
        again = "restore-notice" if old_lines is None else "edit"
        yield _event(c, notice, None, again, fields=None if old_lines is None else READABLE_AGAIN)
    changed = sorted(k for k in {*old, *new} - {"tasks"} if old.get(k) != new.get(k))
    if changed:
        yield _event(c, notice, None, "edit", fields=", ".join(changed))
    yield from _task_events(c, notice, version_tasks(old), version_tasks(new))


def _task_events(
    c: _Commit, notice: str, old_tasks: dict[str, dict], new_tasks: dict[str, dict]
) -> Iterator[Event]:
    for item, task in new_tasks.items():
        if item not in old_tasks:
            yield _event(c, notice, item, "add-task", text=task.get("text"))
        else:
            yield from _task_changes(c, notice, item, old_tasks[item], task)
    for item in old_tasks:
        if item not in new_tasks:
            yield _event(c, notice, item, "remove-task")


def _added(old: dict[str, Any], new: dict[str, Any], key: str) -> list[Any]:
    before, after = old.get(key), new.get(key)
    kept = before if isinstance(before, list) else []
    return [x for x in after if x not in kept] if isinstance(after, list) else []


# Lists whose new entries each tell an event of their own (an entry edited or taken out
# is an edit of the list), and the date fields a hand edit may move without a new status.
_APPENDED = {"notes": "note"}
_DAYS = ("done_on", "cancelled_on")


def _task_changes(c: _Commit, notice: str, item: str, old: dict, new: dict) -> Iterator[Event]:
    """What changed in one task, told as ``giaoban.history.semdiff.diff_task`` tells it: a
    change of the same status restates no date, a list grown at its end tells its new
    entries, and any other change of a field is an edit that names it."""
    handled = {"status", "deadline", "extensions", "text", "until", "done_occurrences"}
    handled |= {*_APPENDED, *_DAYS}
    if old.get("deadline") != new.get("deadline"):
        ext = next((e for e in _added(old, new, "extensions") if isinstance(e, dict)), {})
        yield _event(
            c,
            notice,
            item,
            "postpone",
            **{"from": old.get("deadline"), "to": new.get("deadline")},
            reason=ext.get("reason"),
            approved_by=ext.get("approved_by"),
            date=ext.get("date"),
        )
    elif old.get("extensions") != new.get("extensions"):
        yield _event(c, notice, item, "edit", fields="extensions")
    status_changed = old.get("status", "open") != new.get("status", "open")
    if status_changed:  # its event tells the reason (a cancel), or the new result (a done)
        handled.add("cancel_reason")
        if new.get("status") == "done" and new.get("result") is not None:
            handled.add("result")
        yield from _status_change(c, notice, item, old, new)
    if old.get("until") != new.get("until"):
        yield _event(c, notice, item, "stop", until=new.get("until"))
    results = _occurrence_results(old, new)
    if results is not None:
        handled.add("occurrence_results")
    for day in _added(old, new, "done_occurrences"):
        yield _event(c, notice, item, "done", occurrence=day, result=(results or {}).pop(day, None))
    if results:  # a result added for an occurrence done earlier
        yield _event(c, notice, item, "edit", fields="occurrence_results")
    for day in _added(new, old, "done_occurrences"):  # a day done taken out: open again
        yield _event(c, notice, item, "reopen", occurrence=day)
    for name, action in _APPENDED.items():
        yield from _entries(c, notice, item, (old.get(name), new.get(name)), name, action)
    if old.get("text") != new.get("text"):
        yield _event(c, notice, item, "text", text=new.get("text"))
    for name in () if status_changed else _DAYS:
        if old.get(name) != new.get(name):
            yield _event(c, notice, item, "edit", fields=name, old=old.get(name), new=new.get(name))
    others = sorted(k for k in {*old, *new} - handled if old.get(k) != new.get(k))
    if others:
        yield _event(c, notice, item, "edit", fields=", ".join(others))


def _entries(
    c: _Commit, notice: str, item: str, lists: tuple[Any, Any], name: str, action: str
) -> Iterator[Event]:
    """A list field's change: each entry added at its end (a note), or one edit
    of the list when an entry was changed, moved or taken out (a note re-dated is no new
    note)."""
    before, after = (x if isinstance(x, list) else [] for x in lists)
    if before == after:
        return
    if after[: len(before)] != before:
        yield _event(c, notice, item, "edit", fields=name)
        return
    for entry in after[len(before) :]:
        if isinstance(entry, dict):
            yield _event(c, notice, item, "note", date=entry.get("date"), text=entry.get("text"))


_RESULTS = "occurrence_results"


def _occurrence_results(old: dict, new: dict) -> dict[Any, Any] | None:
    """The results a change added to ``occurrence_results``, by occurrence day, when it only
    added some (each told with its occurrence's done); None when it changed the list
    otherwise (an edit of it)."""
    before, after = (
        x if isinstance(x, list) else [] for x in (old.get(_RESULTS), new.get(_RESULTS))
    )
    added = list(after)
    for entry in before:
        if entry not in added:
            return None  # an entry changed or taken out
        added.remove(entry)
    if not all(isinstance(entry, dict) for entry in added):
        return None
    return {entry.get("date"): entry.get("text") for entry in added}


def _status_change(c: _Commit, notice: str, item: str, old: dict, new: dict) -> Iterator[Event]:
    status = new.get("status", "open")
    if status == "done":
        result = new.get("result") if new.get("result") != old.get("result") else None
        yield _event(c, notice, item, "done", date=new.get("done_on"), result=result)
    elif status == "cancelled":
        reason = new.get("cancel_reason")
        yield _event(c, notice, item, "cancel", date=new.get("cancelled_on"), reason=reason)
    else:
        yield _event(c, notice, item, "reopen")


# --- what a reader may see -------------------------------------------------------------------

# The actions whose subjects giaoban writes as "what was done: the task's text".
_TEXT_SUBJECTS = ("done", "cancel", "stop", "add-task")


def confidential_notices(data_dir: Path, notices: Collection[str]) -> frozenset[str]:
    """The notices among ``notices`` that are confidential in the data folder now.

    A file with an error (the reports skip it) is also judged by its text
    (``version_confidential``): the history of a notice broken now is no less
    confidential.
    """
    files = [p for p in notice_files(data_dir) if p.stem in notices] if notices else []
    if not files:
        return frozenset()
    result = load_ledger(data_dir, files)
    secret = {Path(n.source.path).stem for n in result.ledger.notices if n.confidential}
    broken = {Path(p.source.path).stem for p in result.problems if p.is_error}
    return frozenset(
        p.stem for p in files if p.stem in secret or (p.stem in broken and _file_confidential(p))
    )


def _file_confidential(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False  # gone or unreadable: judged by its committed versions alone
    return version_confidential(text.splitlines(keepends=True))


def hide_confidential(events: Iterable[Event], confidential: Collection[str]) -> list[Event]:
    """``events`` as a reader who did not ask for confidential texts sees them.

    An event of a notice confidential now (``confidential``) or in its commit
    (``Event.confidential``, before or after it) has its task's text as "(mật)":
    in the subject of a message giaoban wrote (its own, and those written before
    it hid the text), in the details of a task added or reworded by hand; so are
    a note's text and a reason (``giaoban.model.shown.CONFIDENTIAL_FIELDS``). Any
    other subject is hidden whole: a message written by hand (or a ``git
    revert``'s) may quote a text.
    """
    return [_hidden(e) if e.confidential or e.notice in confidential else e for e in events]


def _hidden(event: Event) -> Event:
    # a task's text (added, reworded), a note's, a reason (cancel, stop, postpone), a
    # result (done): the words giaoban.model.shown.CONFIDENTIAL_FIELDS hides
    details = {
        k: CONFIDENTIAL_TEXT if k in ("text", "reason", "result") else v
        for k, v in event.details.items()
    }
    if event.written in _TEXT_SUBJECTS:
        subject = f"{event.subject.partition(': ')[0]}: {CONFIDENTIAL_TEXT}"
    elif event.written in ACTIONS:
        subject = event.subject  # giaoban's other subjects hold no task's text
    else:
        subject = CONFIDENTIAL_TEXT
    return replace(event, details=details, subject=subject)


# --- choosing and describing ----------------------------------------------------------------


def notice_in_history(
    events: Sequence[Event], query: str, item: str | None, *, exact: bool = False
) -> str | None:
    """The id of the notice git remembers in ``events`` (``read_history``) that ``query``
    names (its id, or the only one starting with it: ``giaoban.model.ids.named``; only its
    id when ``exact``), when it had the task ``item`` (in an event of its own or in a
    version of the file, read with ``versions=True``: a task that came with its notice);
    None when none. The notice's history is its file's, under every id it had
    (``notice_story``).

    A prefix of several is refused naming them, as ``giaoban.model.ids`` refuses it.
    """
    ids = sorted({e.notice for e in events})
    found = [ids[n] for n in named(ids, query)]
    if exact and found != [query]:
        return None
    if len(found) > 1:
        raise NotFoundError(
            f"mã '{query}' khớp nhiều thông báo trong lịch sử git, hãy ghi rõ hơn:" + listing(found)
        )
    if not found:
        return None
    mine = notice_story(events, found[0])
    if item is None or any(e.item == item for e in mine):
        return found[0]
    versions = (e.version for e in mine if e.item is None and e.version is not None)
    had = any(item in version_tasks(parse_version(list(v))) for v in versions)
    return found[0] if had else None


def notice_story(events: Sequence[Event], notice: str) -> list[Event]:
    """The events of the notice file that had the id ``notice`` last, under every id it
    had: a file renamed with its id (``git mv``, git's rename detection: the ``move``
    events, one home with the log of the whole ledger) keeps the history it had under
    its old id, and either id names it.

    Each event is of the file holding its id when it was made: a move gives the file
    of its old id to the new one; an id no file holds (new, or moved away) starts a
    file. A file deleted keeps its id: added back, it is the same file, restored.
    """
    holder: dict[str, int] = {}  # an id: the file holding it now
    had: dict[str, int] = {}  # an id: the last file that held it
    files: list[int] = []
    for event in events:
        source = PurePosixPath(event.details.get("from", "")).stem
        if event.action == "move" and source in holder:
            holder[event.notice] = holder.pop(source)
        elif event.notice not in holder:
            holder[event.notice] = len(files)  # a new file, numbered by its first event
        had[event.notice] = holder[event.notice]
        files.append(holder[event.notice])
    wanted = had.get(notice)
    return [e for e, file in zip(events, files, strict=True) if file == wanted]


def task_story(events: Sequence[Event], notice: str, item: str | None) -> list[Event]:
    """The events of one notice (``item`` None; ``notice_story``: across the renames of
    its file), or of one task: its own, and its notice's creation (unless the task was
    added later), moves, removal and restoring, and the versions of its file that could
    not be read (and the one readable again)."""
    mine = notice_story(events, notice)
    if item is None:
        return mine
    own = [e for e in mine if e.item == item]
    wanted = {"remove-notice", "restore-notice", "move", SHALLOW_START} | (
        set() if any(e.action == "add-task" for e in own) else {"add-notice"}
    )
    return [e for e in mine if e.item == item or (e.item is None and _of_every_task(e, wanted))]


_WHOLE_FILE = (UNREADABLE_FILE, UNREADABLE_TASKS, READABLE_AGAIN)


def _of_every_task(event: Event, wanted: Collection[str]) -> bool:
    """Whether a notice's event belongs to the story of each of its tasks."""
    return event.action in wanted or (
        event.action == "edit" and event.details.get("fields") in _WHOLE_FILE
    )


def _d(value: str | None) -> str:
    """An ISO date as dd/mm/yyyy (other text unchanged)."""
    try:
        return f"{date.fromisoformat(value or ''):%d/%m/%Y}"
    except ValueError:
        pass
    try:
        return f"{datetime.fromisoformat(value or ''):%d/%m/%Y %H:%M}"
    except ValueError:
        return value or ""


def describe(event: Event) -> str:
    """What happened, in Vietnamese, in one line; a ``git revert`` says what it undid."""
    d = event.details
    if "reverts" not in d:
        return _describe(event)
    if event.action == "postpone":
        what = f"hạn đổi lại: {d.get('from', NO_DEADLINE)} → {d.get('to', NO_DEADLINE)}"
    else:
        what = _describe(event)
    return f"hoàn tác commit {d['reverts'][:7]}: {what}"


def _describe(event: Event) -> str:
    d = event.details
    action = event.action
    if action == "postpone":
        line = f"gia hạn: {d.get('from', NO_DEADLINE)} → {d.get('to', NO_DEADLINE)}"
        line += f"; lý do: {d['reason']}" if "reason" in d else ""
        return line + (f" (duyệt: {d['approved_by']})" if "approved_by" in d else "")
    if action == "done":
        if "occurrence" in d:
            line = f"hoàn thành lần {_d(d['occurrence'])}"
        else:
            line = "hoàn thành" + (f" ngày {_d(d['date'])}" if "date" in d else "")
        return line + (f"; kết quả: {d['result']}" if "result" in d else "")
    if action == "cancel":
        return "hủy" + (f"; lý do: {d['reason']}" if "reason" in d else "")
    if action == "stop":
        line = f"dừng nhiệm vụ định kỳ, lần cuối trong ngày {_d(d.get('until'))}"
        return line + (f"; lý do: {d['reason']}" if "reason" in d else "")
    if action == "reopen":
        return "mở lại" + (f" lần {_d(d['occurrence'])}" if "occurrence" in d else "")
    simple = {
        "note": f"ghi chú: {d.get('text', '')}",
        "add-task": "tạo nhiệm vụ",
        "add-notice": "tạo thông báo" + (f": {d['title']}" if "title" in d else ""),
        SHALLOW_START: (
            "tạo trước lịch sử có trong bản sao nông: đã có ở commit này, không rõ ai tạo"
            " và khi nào (lấy đủ lịch sử: git fetch --unshallow)"
        ),
        "remove-task": "xóa nhiệm vụ",
        "remove-notice": "xóa thông báo",
        "restore-notice": "khôi phục thông báo",
        "move": f"chuyển tệp thông báo từ {d.get('from', '')} sang {d.get('to', '')}",
        "text": "sửa nội dung nhiệm vụ",
    }
    if action == "edit":
        return _edit_text(d)
    return simple.get(action, action)


def _edit_text(d: Mapping[str, str]) -> str:
    """``sửa ngày hoàn thành: 11/03/2019 → 04/03/2019``, ``sửa loại, người ký``: the fields
    by their names in Vietnamese (``giaoban.history.semdiff.FIELD_LABELS``, as ``diff``)."""
    names = [field_label(k.strip()) for k in d.get("fields", "").split(",") if k.strip()]
    line = f"sửa {', '.join(names)}".rstrip()
    if "old" in d or "new" in d:
        line += f": {_d(d.get('old')) or '(trống)'} → {_d(d.get('new')) or '(trống)'}"
    return line
