"""The ledger at a git revision, the review diff between two states, and one file's facts.

``ledger_at`` reads the data folder as it was at a commit: ``git ls-tree``
lists its files and ONE ``git cat-file --batch`` reads them (see
``giaoban.history.git.files_at``); they are written to a temporary folder mirroring
the data folder (registry and settings included) and loaded as usual. The
working tree is simply the data folder itself.

``review`` compares two states (``giaoban diff``); ``textconv`` renders one
notice file as lines of facts for ``git diff`` (``giaoban git-setup``).
"""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from giaoban.checks.check import check_paths
from giaoban.history import git
from giaoban.history.semdiff import Change, diff_notices, notice_facts
from giaoban.history.story import confidential_notices, version_confidential
from giaoban.model.errors import UsageError, no_data_folder
from giaoban.model.ledger import Notice
from giaoban.model.problems import Problem
from giaoban.model.settings import Settings
from giaoban.model.text import visible
from giaoban.store.loader import SETTINGS_FILE, load_ledger, load_settings
from giaoban.store.noticefile import load_notice


@dataclass(frozen=True)
class Range:
    """Two states of the ledger: ``old`` and ``new`` as given, and the commits they name.

    ``new`` None (and ``new_commit`` None) is the working tree.
    """

    old: str
    new: str | None
    old_commit: str
    new_commit: str | None


@dataclass(frozen=True)
class Snapshot:
    """The notices of one state, and the problems that kept files from loading."""

    notices: tuple[Notice, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Review:
    """What changed between two states of the ledger (``giaoban diff``)."""

    range: Range
    changes: tuple[Change, ...]
    titles: dict[str, str]  # notice id -> title (new state first, else old)
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.range.old,
            "to": self.range.new,
            "changes": [change.to_json() for change in self.changes],
        }


def repository(data_dir: Path) -> tuple[Path, str]:
    """The work tree holding ``data_dir`` and the folder's path in it (``data``)."""
    if not data_dir.is_dir():
        raise no_data_folder(data_dir)
    repo = git.work_tree(data_dir)
    if repo is None:
        raise UsageError(f"thư mục dữ liệu '{data_dir}' không nằm trong kho git")
    rel = data_dir.resolve().relative_to(repo.resolve())
    return repo, PurePosixPath(*rel.parts).as_posix() if rel.parts else ""


def parse_range(repo: Path, revs: Sequence[str]) -> Range:
    """Read ``giaoban diff``'s arguments the way ``git diff`` does.

    none: HEAD against the working tree; ``REV``: REV against the working tree;
    ``A B`` or ``A..B``: A against B (an empty side is HEAD); ``A...B``: B
    against where it left A (their merge base).
    """
    if len(revs) > 2:
        raise UsageError("giaoban diff nhận nhiều nhất hai phiên bản")
    if not revs:
        return Range("HEAD", None, _commit(repo, "HEAD"), None)
    if len(revs) == 2:
        return Range(revs[0], revs[1], _commit(repo, revs[0]), _commit(repo, revs[1]))
    given = revs[0]
    if "..." in given:
        a, _, b = given.partition("...")
        a, b = a or "HEAD", b or "HEAD"
        base = git.merge_base(repo, _commit(repo, a), _commit(repo, b))
        if base is None:
            raise UsageError(f"'{a}' và '{b}' không có tổ tiên chung")
        return Range(base, b, base, _commit(repo, b))
    if ".." in given:
        a, _, b = given.partition("..")
        a, b = a or "HEAD", b or "HEAD"
        return Range(a, b, _commit(repo, a), _commit(repo, b))
    return Range(given, None, _commit(repo, given), None)


def _commit(repo: Path, rev: str) -> str:
    found = git.resolve_commit(repo, rev)
    if found is not None:
        return found
    if rev == "HEAD":
        raise UsageError("kho git chưa có commit nào")
    raise UsageError(f"'{rev}' không phải một phiên bản (commit, nhánh, thẻ) trong kho git")


def ledger_at(repo: Path, folder: str, commit: str) -> Snapshot:
    """The notices of the data folder ``folder`` (relative to ``repo``) at ``commit``."""
    files = git.files_at(repo, commit, folder)
    if files is None:
        raise UsageError(f"không đọc được thư mục '{folder or '.'}' ở phiên bản {commit[:7]}")
    with tempfile.TemporaryDirectory(prefix="giaoban-rev-") as tmp:
        root = Path(tmp) / (PurePosixPath(folder).name or "data")
        root.mkdir()
        for rel, content in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        # Not cached: the folder is gone as soon as it is read.
        result = load_ledger(root, use_cache=False)
        shown = f"{commit[:7]}:{folder + '/' if folder else ''}"
        problems = tuple(_moved(p, str(root) + "/", shown) for p in result.problems if p.is_error)
    return Snapshot(tuple(result.ledger.notices), problems)


def _moved(problem: Problem, prefix: str, shown: str) -> Problem:
    path = problem.source.path
    if path.startswith(prefix):
        path = shown + path[len(prefix) :]
    return dataclasses.replace(problem, source=dataclasses.replace(problem.source, path=path))


def working_tree(data_dir: Path) -> Snapshot:
    """The notices of the data folder as it is on disk."""
    result = load_ledger(data_dir)
    return Snapshot(tuple(result.ledger.notices), tuple(p for p in result.problems if p.is_error))


def snapshot(data_dir: Path, repo: Path, folder: str, commit: str | None) -> Snapshot:
    return working_tree(data_dir) if commit is None else ledger_at(repo, folder, commit)


def review(data_dir: Path, revs: Sequence[str], show_confidential: bool = False) -> Review:
    """What changed in the data folder between the two states ``revs`` names; what a
    confidential notice hides reads "(mật)" unless ``show_confidential``."""
    repo, folder = repository(data_dir)
    span = parse_range(repo, revs)
    old = ledger_at(repo, folder, span.old_commit)
    new = snapshot(data_dir, repo, folder, span.new_commit)
    return compare(span, old, new, data_dir, show_confidential)


def compare(
    span: Range, old: Snapshot, new: Snapshot, data_dir: Path, show_confidential: bool = False
) -> Review:
    """The review of ``old`` against ``new``: a notice is judged confidential by either
    state and by the data folder now (as ``log`` judges it), unless ``show_confidential``."""
    titles = {n.id: n.title for n in old.notices}
    titles.update({n.id: n.title for n in new.notices})
    secret = frozenset() if show_confidential else confidential_notices(data_dir, titles)
    changes = tuple(diff_notices(old.notices, new.notices, show_confidential, secret))
    return Review(span, changes, titles, (*old.problems, *new.problems))


# --- textconv: one notice file as lines of facts ---------------------------------------------


def textconv(path: Path, data_dir: Path | None, show_confidential: bool = False) -> bytes:
    """One notice file as lines of facts (see ``semdiff.notice_facts``), for ``git diff``.

    What a confidential notice hides of its tasks reads "(mật)" unless
    ``show_confidential`` (git passes no options: ``git diff`` and ``git log -p``
    hide it), the notice judged by this version of the file and by the data
    folder now (a text written before the notice became confidential is hidden too).

    The office's settings (time zone, ``strict_before``) are read from
    ``data_dir`` when it has them. A file that cannot be read as a notice
    without errors (the registry, the settings, a broken file) comes back as
    it is, so the diff hides nothing. Control characters are written out
    ("\\x1b") in both, so ``git diff`` and ``git show`` never pass a
    notice's escape sequence to the terminal.
    """
    raw = path.read_bytes()
    problems: list[Problem] = []
    settings = load_settings(data_dir / SETTINGS_FILE, []) if data_dir else Settings()
    try:
        notice = load_notice(path, settings.deadline_settings(), problems)
    except Exception:  # noqa: BLE001 - any failure to read means: show the file as it is
        return raw
    if notice is None or any(p.is_error for p in problems):
        return _CONTROL_BYTES.sub(lambda m: b"\\x%02x" % m[0][0], raw)
    hide = not show_confidential and (
        notice.confidential
        or (data_dir is not None and data_dir.is_dir() and _secret_now(data_dir, notice.id))
    )
    facts = notice_facts(notice, hide)
    return ("\n".join(visible(fact) for fact in facts) + "\n").encode("utf-8")


def _secret_now(data_dir: Path, notice_id: str) -> bool:
    """Whether the notice ``notice_id`` is confidential in the data folder now."""
    return notice_id in confidential_notices(data_dir, {notice_id})


# Control bytes that would act on a terminal; tabs, line ends and NUL (binary) are kept.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- sync: pull with rebase, check, push --------------------------------------------------------

_ITEM_LINE = re.compile(r"""^\s*-\s+item:\s*["']?([^"'\s#]+)""")


@dataclass(frozen=True)
class ConflictHunk:
    """One ``<<<<<<< ... >>>>>>>`` block: the tasks whose lines it holds, and both sides.

    In a rebase, ``upstream`` is what the shared repository already has and
    ``local`` is the change being replayed on top of it (yours).
    """

    items: tuple[str, ...]  # () when the block is in the notice's header
    upstream: tuple[str, ...]
    local: tuple[str, ...]


@dataclass(frozen=True)
class Deletion:
    """A notice one side deleted while the other changed it (git's modify/delete
    conflict): the file has no markers, it is the changing side's version, whole.

    ``upstream_deleted``: the shared repository deleted it and your commit being
    replayed changed it; else your commit deleted it and the shared repository changed it.
    """

    upstream_deleted: bool
    deleted_by: git.CommitInfo | None  # the commit that deleted it
    changed_by: tuple[git.CommitInfo, ...]  # the other side's commits that changed it
    changes: tuple[Change, ...] = ()  # what your commit changed in it (the shared one deleted it)
    hidden: bool = False  # a confidential notice: the subjects of commits are not shown


@dataclass(frozen=True)
class Conflict:
    path: str  # relative to the repository top
    notice: str
    hunks: tuple[ConflictHunk, ...]
    deletion: Deletion | None = None  # a modify/delete conflict (no hunks then)

    @property
    def tasks(self) -> list[str]:
        items = dict.fromkeys(i for h in self.hunks for i in h.items)
        return [f"{self.notice}#{item}" for item in items]


@dataclass(frozen=True)
class SyncResult:
    """What ``sync`` did, or why it stopped. ``state``: synced, dirty, detached, no-remote,
    no-upstream, status-failed, conflict, pull-failed, rewritten, invalid or push-failed."""

    state: str
    upstream: str | None = None
    received: int = 0
    sent: int = 0
    incoming: Review | None = None
    dirty: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    problems: tuple[Problem, ...] = ()
    output: str = ""  # git's own words when git refused
    next_steps: tuple[str, ...] = ()  # commands to finish (or to set up)
    abort: tuple[str, ...] = ()  # commands to go back
    # a notice deleted on one side, changed on the other: the command that keeps it, and
    # the one that lets it go (each resolves and continues the rebase)
    keep: str = ""
    drop: str = ""
    lost: tuple[str, ...] = ()  # commits of the user's a rewritten upstream no longer has

    @property
    def ok(self) -> bool:
        return self.state == "synced"


def conflict_hunks(text: str) -> list[ConflictHunk]:
    """The conflict blocks of a file, each with the tasks it touches.

    A block belongs to the task of the nearest ``- item: "X"`` line before it,
    and to every task whose ``item`` line lies inside it.
    """
    hunks: list[ConflictHunk] = []
    last: str | None = None
    side: str | None = None
    items: list[str] = []
    sides: dict[str, list[str]] = {}
    for line in text.split("\n"):  # not splitlines: U+2028 in a text does not end a line
        if line.startswith("<<<<<<<"):
            side, items, sides = "upstream", [last] if last else [], {"upstream": [], "local": []}
        elif side is None:
            found = _ITEM_LINE.match(line)
            last = found.group(1) if found else last
        elif line.startswith("|||||||"):
            side = "base"
        elif line.startswith("=======") and side != "local":
            side = "local"
        elif line.startswith(">>>>>>>"):
            upstream, local = tuple(sides["upstream"]), tuple(sides["local"])
            hunks.append(ConflictHunk(tuple(dict.fromkeys(items)), upstream, local))
            side = None
        else:
            if found := _ITEM_LINE.match(line):
                items.append(found.group(1))
                last = found.group(1)
            sides.get(side, []).append(line)
    return hunks


def sync_ledger(data_dir: Path, here: Path, show_confidential: bool = False) -> SyncResult:
    """Pull with rebase, check the data folder, push: the whole of ``giaoban sync``.

    Stops, changing nothing, when the data folder has uncommitted changes or
    the branch has no upstream. On a conflict it stops in the rebase (nothing
    is lost) and names the files, the tasks and the commands to finish or to
    abort. It never pushes a ledger that ``check`` finds errors in.
    ``here`` is the user's current folder, for the commands it prints. The changes
    received hide what confidential notices hide unless ``show_confidential``.
    """
    repo, folder = repository(data_dir)
    stopped = _Stopped(data_dir, (repo, folder), here, show_confidential)
    if git.rebase_in_progress(repo):
        return stopped.result()
    changed = git.uncommitted(repo, folder)
    if changed.failure is not None:
        return SyncResult("status-failed", output=changed.failure)
    if changed.changes:
        return _dirty(repo, here, changed.changes)
    stop = _no_upstream(repo)
    if stop is not None:
        return stop
    upstream = git.upstream(repo)
    before, old_up = git.head_commit(repo), git.resolve_commit(repo, "@{upstream}")
    fetched = git.fetch(repo)
    if not fetched.ok:
        return SyncResult("pull-failed", upstream, output=fetched.said)
    rewritten = _rewritten(repo, old_up, git.resolve_commit(repo, "@{upstream}"))
    if rewritten:
        return SyncResult("rewritten", upstream, lost=rewritten, next_steps=_rewritten_steps())
    pulled = git.rebase_on_upstream(repo)
    if not pulled.ok:
        if git.rebase_in_progress(repo) or git.conflicted_paths(repo).paths:
            return stopped.result()
        return SyncResult("pull-failed", upstream, output=pulled.said)
    new_up = git.resolve_commit(repo, "@{upstream}")
    received = git.count_commits(repo, f"{before}..{new_up}") if before and new_up else 0
    incoming = _incoming(data_dir, (repo, folder), (old_up, new_up), show_confidential)
    errors = _check(data_dir)
    if errors:
        return SyncResult("invalid", upstream, received, incoming=incoming, problems=errors)
    sent = git.count_commits(repo, f"{new_up}..HEAD") if new_up else 0
    if sent:
        pushed = git.push(repo)
        if not pushed.ok:
            output = pushed.said
            return SyncResult("push-failed", upstream, received, incoming=incoming, output=output)
    return SyncResult("synced", upstream, received, sent, incoming)


def _rewritten(repo: Path, old: str | None, new: str | None) -> tuple[str, ...]:
    """The user's commits the upstream had and no longer has: its history was rewritten
    (a force-push). Empty when the new upstream holds all of the old one's."""
    if old is None or new is None or old == new:
        return ()
    base = git.merge_base(repo, "HEAD", old)
    return tuple(git.commits_between(repo, new, base)) if base else ()


def _rewritten_steps() -> tuple[str, ...]:
    return (
        "git log --oneline @{upstream}..HEAD   # xem các commit kho chung không còn giữ",
        "giaoban sync                          # giữ lại và gửi lại chúng; hoặc:",
        "git reset --keep @{upstream}          # theo kho chung, bỏ chúng ở máy này",
    )


def _no_upstream(repo: Path) -> SyncResult | None:
    branch = git.current_branch(repo)
    if branch is None:
        command, note = git.switch_back(repo)
        step = command if note is None else f"{command}   # {note}"
        return SyncResult("detached", next_steps=(step,))
    if git.upstream(repo) is not None:
        return None
    remotes = git.remotes(repo)
    if not remotes:
        steps = ("git remote add origin ĐỊA_CHỈ_KHO_CHUNG", f"git push -u origin {branch}")
        return SyncResult("no-remote", next_steps=steps)
    remote = "origin" if "origin" in remotes else remotes[0]
    return SyncResult("no-upstream", next_steps=(f"git push -u {remote} {branch}",))


def _incoming(
    data_dir: Path,
    where: tuple[Path, str],
    upstreams: tuple[str | None, str | None],
    show_confidential: bool,
) -> Review | None:
    """What the others changed: the upstream before the pull (``upstreams``) against after
    it, in the data folder ``where`` (its work tree, its path there)."""
    (repo, folder), (old, new) = where, upstreams
    if old is None or new is None or old == new:
        return None
    span = Range(old, new, old, new)
    states = ledger_at(repo, folder, old), ledger_at(repo, folder, new)
    return compare(span, *states, data_dir, show_confidential)


def _check(data_dir: Path) -> tuple[Problem, ...]:
    report = check_paths([], data_dir)
    return tuple(p for p in report.problems if p.is_error)


@dataclass(frozen=True)
class _Stopped:
    """The rebase ``sync`` started stopped: which files and tasks conflict, what was being
    received, and how to finish or abort."""

    data_dir: Path
    where: tuple[Path, str]  # the work tree, the data folder's path in it
    here: Path
    show_confidential: bool

    def result(self) -> SyncResult:
        repo = self.where[0]
        listed = git.conflicted_paths(repo)
        stages = git.unmerged_stages(repo)
        span = git.rebase_span(repo)
        base = git.merge_base(repo, span.orig_head, span.onto) if span else None
        found = []
        for path in listed.paths:
            sides = stages.get(path, frozenset())
            deleted = {2, 3} - sides if sides & {2, 3} else set()
            if deleted:  # one side has no version: it deleted the file
                found.append(self._deletion(path, 2 in deleted, span, base))
                continue
            try:
                text = (repo / path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            found.append(Conflict(path, PurePosixPath(path).stem, tuple(conflict_hunks(text))))
        received, incoming = self._received(span, base)
        steps, keep, drop = _finishing(repo, self.here, found)
        prefix = _git_words(repo, self.here, [])[0]
        return SyncResult(
            "conflict",
            received=received,
            incoming=incoming,
            conflicts=tuple(found),
            output=listed.failure or "",  # git could not say which files: said, not hidden
            next_steps=steps,
            abort=(shlex.join([*prefix, "rebase", "--abort"]),),
            keep=keep,
            drop=drop,
        )

    def _received(self, span: git.RebaseSpan | None, base: str | None) -> tuple[int, Review | None]:
        """What the rebase brings in from the shared repository: its commits the branch did
        not have (since ``base``, where the two parted), and what they changed."""
        repo = self.where[0]
        if span is None or base is None:
            return 0, None
        incoming = _incoming(self.data_dir, self.where, (base, span.onto), self.show_confidential)
        return git.count_commits(repo, f"{base}..{span.onto}"), incoming

    def _deletion(
        self, path: str, upstream: bool, span: git.RebaseSpan | None, base: str | None
    ) -> Conflict:
        """The conflict of ``path``, deleted by the shared repository (``upstream``) or by
        the commit being replayed, and changed by the other side (since ``base``)."""
        repo, notice = self.where[0], PurePosixPath(path).stem
        replaying = span.replaying if span else None
        mine = tuple(git.commit_infos(repo, "-1", replaying)) if replaying else ()
        if upstream:
            found = git.commit_infos(repo, "-1", "--diff-filter=D", "HEAD", "--", path)
            deleted_by, changed_by = (found[0] if found else None), mine
            changes = self._changed(replaying, notice) if replaying else ()
        else:
            since = f"{base}..{span.onto}" if span and base else None
            theirs = git.commit_infos(repo, since, "--", path) if since else []
            deleted_by, changed_by, changes = (mine[0] if mine else None), tuple(theirs), ()
        hidden = not self.show_confidential and self._secret(notice, path)
        deletion = Deletion(upstream, deleted_by, changed_by, changes, hidden)
        return Conflict(path, notice, (), deletion)

    def _changed(self, commit: str, notice: str) -> tuple[Change, ...]:
        """What ``commit`` changed in ``notice``, task by task."""
        repo, folder = self.where
        parent = git.resolve_commit(repo, f"{commit}^")
        if parent is None:
            return ()
        span = Range(parent, commit, parent, commit)
        states = ledger_at(repo, folder, parent), ledger_at(repo, folder, commit)
        review = compare(span, *states, self.data_dir, self.show_confidential)
        return tuple(c for c in review.changes if c.notice == notice)

    def _secret(self, notice: str, path: str) -> bool:
        """Whether the notice is confidential: in the version the work tree holds, or now
        by the data folder's reading (``log`` hides a commit's subject then)."""
        try:
            text = (self.where[0] / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        return version_confidential(text.splitlines(keepends=True)) or bool(
            confidential_notices(self.data_dir, {notice})
        )


def _finishing(repo: Path, here: Path, found: list[Conflict]) -> tuple[tuple[str, ...], str, str]:
    """The commands that finish the rebase: the steps, and for a notice deleted on one
    side, the one that keeps it and the one that lets it go.

    Kept, a notice the shared repository deleted comes back in a commit that says so (the
    commit replayed would hold the whole notice under a message telling only its own
    change); let go, the commit replayed has nothing left and git drops it.
    """
    content = [c for c in found if c.deletion is None]
    gone = [c for c in found if c.deletion is not None]
    prefix, shown, files = _git_words(repo, here, [c.path for c in found])
    shown_of = dict(zip([c.path for c in found], shown, strict=True))
    files_of = dict(zip([c.path for c in found], files, strict=True))
    proceed = shlex.join([*prefix, "-c", "core.editor=true", "rebase", "--continue"])
    steps = []
    if content:
        steps.append(shlex.join(["giaoban", "check", *(files_of[c.path] for c in content)]))
        add = shlex.join([*prefix, "add", "--", *(shown_of[c.path] for c in content)])
        steps.append(add if gone else f"{add} && {proceed}")
    elif not gone:
        steps.append(proceed)
    steps.append("giaoban sync")
    if not gone:
        return tuple(steps), "", ""
    paths = [shown_of[c.path] for c in gone]
    keep = [shlex.join([*prefix, "add", "--", *paths])]
    restored = [c for c in gone if c.deletion is not None and c.deletion.upstream_deleted]
    if restored:
        subject, body = restore_message(restored)
        keep.append(shlex.join([*prefix, "commit", "-q", "-m", subject, "-m", body]))
    drop = shlex.join([*prefix, "rm", "-q", "--", *paths])
    return tuple(steps), " && ".join([*keep, proceed]), f"{drop} && {proceed}"


def restore_message(restored: Sequence[Conflict]) -> tuple[str, str]:
    """The message (subject, body) of the commit that keeps notices the shared repository
    deleted: it says it brings them back, whose deletion it undoes, and what of yours it
    keeps with them (a commit without giaoban's trailers: ``log`` compares its versions)."""
    names = ", ".join(c.notice for c in restored)
    deleting = {c.deletion.deleted_by for c in restored if c.deletion and c.deletion.deleted_by}
    by = "; ".join(f"commit {d.short} của {d.author}" for d in sorted(deleting, key=str))
    subject = f"Khôi phục thông báo {names}" + (f" (đã bị xóa trên kho chung: {by})" if by else "")
    mine = {
        d.subject
        for c in restored
        if c.deletion and not c.deletion.hidden
        for d in c.deletion.changed_by
    }
    body = "Giữ lại thông báo đã bị xóa trên kho chung, cùng thay đổi" + (
        f": {'; '.join(sorted(mine))}" if mine else "."
    )
    return subject, body


def _dirty(repo: Path, here: Path, changes: tuple[git.Change, ...]) -> SyncResult:
    """Stop: the data folder holds uncommitted changes; the commands that commit them (an
    index flag that hides a change from 'git add' cleared first)."""
    dirty = [change.path for change in changes]
    prefix, shown, _ = _git_words(repo, here, dirty)
    flagged = [path for path, change in zip(shown, changes, strict=True) if change.flag]
    unflag = [*prefix, "update-index", "--no-assume-unchanged", "--no-skip-worktree", "--"]
    add = shlex.join([*prefix, "add", "-A", "--", *shown])
    commit = shlex.join([*prefix, "commit", "-m", "Cập nhật sổ giao ban"])
    steps = " && ".join([*([shlex.join([*unflag, *flagged])] if flagged else []), add, commit])
    return SyncResult("dirty", dirty=tuple(dirty), next_steps=(steps,))


def _git_words(repo: Path, here: Path, paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """How the user types the commands from ``here``: ``git`` (``git -C REPO`` from outside
    the work tree), ``paths`` for git, and ``paths`` for other commands."""
    top, cwd = repo.resolve(), here.resolve()
    if cwd == top or top in cwd.parents:
        shown = [os.path.relpath(top / p, cwd) for p in paths]
        return ["git"], shown, shown
    return ["git", "-C", str(repo)], paths, [str(top / p) for p in paths]


# --- git-setup: git diff and git log -p through textconv ---------------------------------------

DRIVER = "giaoban"


@dataclass(frozen=True)
class SetupReport:
    repo: Path
    attributes: Path
    line: str
    added: bool  # False when .gitattributes already had the line
    command: str
    cache: bool


def textconv_command(python: str, folder: str) -> str:
    """The command git runs on each notice file (from the top of the work tree)."""
    return shlex.join([python, "-m", "giaoban", "textconv", "--data", folder or "."])


def setup_review(data_dir: Path, python: str, cache: bool) -> SetupReport:
    """Make ``git diff``, ``git log -p`` and ``git show`` explain notice files task by task.

    Adds ``<data>/**/*.yaml diff=giaoban`` to ``.gitattributes`` at the top of
    the work tree (kept lines stay, the line is never added twice) and sets, in
    this repository's own configuration, ``diff.giaoban.textconv`` (and
    ``diff.giaoban.cachetextconv`` when ``cache``).
    """
    repo, folder = repository(data_dir)
    line = f"{folder}/**/*.yaml diff={DRIVER}" if folder else f"*.yaml diff={DRIVER}"
    added = git.add_attribute_line(repo, line)
    command = textconv_command(python, folder)
    results = [git.config_set(repo, f"diff.{DRIVER}.textconv", command)]
    results.append(git.config_set(repo, f"diff.{DRIVER}.cachetextconv", str(cache).lower()))
    failed = [r for r in results if r is None or not r.ok]
    if failed:
        detail = failed[0].stderr.strip() if failed[0] is not None else "không chạy được git"
        raise UsageError(f"không đặt được cấu hình git: {detail}")
    return SetupReport(repo, repo / git.ATTRIBUTES_FILE, line, added, command, cache)
