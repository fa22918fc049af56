"""The git adapter: every git call giaoban makes goes through this module.

Functions run ``git`` as a subprocess and return plain records; they never
print. When git is missing or the folder is not in a work tree they return
None rather than raise, so giaoban works without git.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from giaoban.store.files import giaoban_name, read_as_data, write_atomic


@dataclass(frozen=True)
class GitResult:
    code: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def said(self) -> str:
        """git's own words: its errors, then its output."""
        return (self.stderr + self.stdout).strip()


@dataclass(frozen=True)
class DataState:
    """Which commit the data came from, and whether it had uncommitted changes."""

    commit: str
    short: str
    dirty: bool


@dataclass(frozen=True)
class LedgerState:
    """One ledger a report read: the name its ids are prefixed with over several ledgers,
    and the state of its data folder (None outside a git repository)."""

    name: str
    state: DataState | None


# The git commands giaoban runs that only read. They run without git's optional locks
# (``GIT_OPTIONAL_LOCKS=0``, git 2.15 and later; an older git ignores it): ``git status``
# otherwise takes ``.git/index.lock`` to write back the index it refreshed, and an edit
# committing at that moment fails. Porcelain ``git diff`` writes the index whatever that
# says, so a read of the work tree against the index is ``git diff-files``, which never does.
_READS = frozenset(
    {
        "cat-file",
        "check-ignore",
        "diff-files",
        "for-each-ref",
        "hash-object",
        "log",
        "ls-files",
        "ls-tree",
        "merge-base",
        "remote",
        "rev-list",
        "rev-parse",
        "status",
        "symbolic-ref",
    }
)


def _environment(args: Sequence[str]) -> dict[str, str] | None:
    """The environment of ``git ARGS``: without optional locks when the command only reads
    (``_READS``; its name is the first word after git's own options, such as
    ``-c NAME=VALUE`` and ``--literal-pathspecs``)."""
    words = iter(args)
    for word in words:
        if word in ("-c", "-C"):
            next(words, None)
            continue
        if word.startswith("-"):
            continue
        return {**os.environ, "GIT_OPTIONAL_LOCKS": "0"} if word in _READS else None
    return None


def run_git(
    cwd: Path, *args: str, input_text: str | None = None, errors: str = "strict"
) -> GitResult | None:
    """Run ``git ARGS`` in ``cwd``; None when git itself cannot be run. A command that only
    reads takes no optional lock (``_READS``)."""
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input_text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors=errors,
            check=False,
            env=_environment(args),
        )
    except (OSError, ValueError):
        return None
    return GitResult(proc.returncode, proc.stdout, proc.stderr)


_NOT_RUN = GitResult(127, "", "không chạy được lệnh git")  # what a command gives without git


def _answer(cwd: Path, *args: str) -> str | None:
    """The output of ``git ARGS``, stripped, when it succeeds; None otherwise."""
    result = run_git(cwd, *args)
    return result.stdout.strip() if result is not None and result.ok else None


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding ``path``, if any."""
    folder = path if path.is_dir() else path.parent
    top = _answer(folder, "rev-parse", "--show-toplevel")
    return None if top is None else Path(top)


def ever_held(folder: Path, name: str) -> bool:
    """Whether a commit of the history of ``folder`` held a file called ``name`` anywhere
    under it (a notice deleted or renamed since); False without git or a history."""
    result = run_git(folder, "log", "--all", "-1", "--format=%H", "--", f":(glob)**/{name}")
    return result is not None and result.ok and bool(result.stdout.strip())


def data_state(data_dir: Path) -> DataState | None:
    """The HEAD commit and dirtiness of ``data_dir`` (only that folder counts)."""
    if not data_dir.is_dir():
        return None
    commit = _answer(data_dir, "rev-parse", "HEAD")
    top = work_tree(data_dir)
    if commit is None or top is None:
        return None
    found = ledger_changes(top, data_dir)  # a status git cannot give is not "clean"
    return DataState(commit=commit, short=commit[:7], dirty=bool(found.changes or found.failure))


def ledger_states(ledgers: Sequence[tuple[str, Path]]) -> tuple[LedgerState, ...]:
    """The state of each ledger a report read, ``(name, data folder)``, in their order:
    every folder a report reads is named with its own commit and uncommitted changes."""
    return tuple(LedgerState(name, data_state(folder)) for name, folder in ledgers)


# --- writing: init, commit ------------------------------------------------------------

_TRAILER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: ")
_NO_IDENTITY = ("please tell me who you are", "empty ident name", "unable to auto-detect")


@dataclass(frozen=True)
class CommitOutcome:
    """What happened to the commit of a changed file.

    ``committed`` with the new ``commit``; else ``problem`` says, in Vietnamese,
    why not and exactly what to run (the file change itself is kept).
    """

    committed: bool
    commit: str | None = None
    problem: str | None = None
    others: tuple[str, ...] = ()  # other files of the data folder left uncommitted
    # git's own words when it could not say which other files are left uncommitted: the
    # clerk is told so, never that there are none
    others_unknown: str | None = None

    @property
    def short(self) -> str:
        return (self.commit or "")[:7]


def init_repo(path: Path) -> GitResult | None:
    """``git init`` in ``path``."""
    return run_git(path, "init", "--quiet")


def git_path(repo_dir: Path, name: str) -> Path | None:
    """Where git keeps ``name`` for this repository (``hooks`` honours core.hooksPath)."""
    answer = _answer(repo_dir, "rev-parse", "--git-path", name)
    if answer is None:
        return None
    found = Path(answer)
    return found if found.is_absolute() else repo_dir / found


@dataclass(frozen=True)
class Hooks:
    """Where git runs a repository's hooks from, and the hooks folder of its own."""

    folder: Path  # core.hooksPath when set (in any configuration), else ``own``
    own: Path  # the hooks folder in the repository's git folder
    shared: bool  # ``folder`` lies outside the repository: other repositories may use it


def hooks_of(repo_dir: Path) -> Hooks | None:
    """The hooks folder of the repository holding ``repo_dir`` (its top: a relative
    ``core.hooksPath`` counts from there); None without git."""
    folder = git_path(repo_dir, "hooks")
    where = _repository(repo_dir)
    if folder is None or where is None:
        return None
    inside = any(_is_under(folder, part) for part in where)
    return Hooks(folder, where[2] / "hooks", shared=not inside)


def _is_under(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def shallow_commits(repo_dir: Path) -> frozenset[str]:
    """The commits at the edge of a shallow clone's history (``git clone --depth``): git
    has not got their parents, so what each changed, and what came before, is unknown.
    Empty for a full clone."""
    found = _answer(repo_dir, "rev-parse", "--is-shallow-repository", "--git-path", "shallow")
    if found is None or not found.startswith("true"):
        return frozenset()
    listed = Path(found.splitlines()[-1])
    listed = listed if listed.is_absolute() else repo_dir / listed
    try:
        return frozenset(listed.read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return frozenset()


def head_commit(repo_dir: Path) -> str | None:
    """The full id of HEAD, if there is one."""
    return _answer(repo_dir, "rev-parse", "--verify", "--quiet", "HEAD")


def commit_file(repo_dir: Path, path: Path, message: str) -> GitResult:
    """Commit ``path`` alone with ``message``.

    Other staged or unstaged changes are neither committed nor unstaged
    (``git commit --only``). Hooks run as usual. The author is the user's
    own git identity.
    """
    return commit_files(repo_dir, [path], message)


def commit_files(repo_dir: Path, paths: list[Path], message: str) -> GitResult:
    """Commit exactly ``paths`` (added first, so new files count), nothing else."""
    specs = [str(path.resolve()) for path in paths]
    added = run_git(repo_dir, "add", "--", *specs)
    if added is None:
        return _NOT_RUN
    if not added.ok:
        return added
    committed = run_git(
        repo_dir, "commit", "--only", "--quiet", "-F", "-", "--", *specs, input_text=message
    )
    return committed or _NOT_RUN


# Operations that leave the repository between two states; a commit made then is lost
# or tangled when the operation is finished or aborted.
_IN_PROGRESS = (
    ("rebase-merge", "một lần rebase (có thể của 'giaoban sync')", "git rebase"),
    ("rebase-apply", "một lần rebase hoặc 'git am'", "git rebase"),
    ("MERGE_HEAD", "một lần merge", "git merge"),
    ("CHERRY_PICK_HEAD", "một lần cherry-pick", "git cherry-pick"),
    ("REVERT_HEAD", "một lần revert", "git revert"),
)


def commit_blocker(path: Path) -> str | None:
    """Why a commit of ``path`` alone, holding only giaoban's own change, cannot be made
    now (Vietnamese, with what to run); None when it can, or when there is no git.

    Asked before the file is written, so a refusal changes nothing: a stale
    ``index.lock`` (a git or giaoban command killed), a rebase, merge,
    cherry-pick or revert stopped half-way (a commit then is lost on abort),
    a detached HEAD (a commit then is lost on the next checkout), and
    anything of ``path`` that HEAD does not hold (``uncommitted``: a change, its
    deletion, a change hidden by an index flag, a file never committed; it would go
    into the commit under a message that does not describe it), or a path git
    ignores (git would not commit it).
    """
    folder = next((p for p in (path.parent, *path.parent.parents) if p.is_dir()), None)
    where = _repository(folder) if folder is not None else None
    if where is None:
        return None
    top, git_dir, common_dir = where
    locks = [lock for lock in _commit_locks(git_dir, common_dir) if lock.exists()]
    if locks:
        one = len(locks) == 1
        return "\n".join(
            [
                "git đang bận, hoặc một lệnh git/giaoban trước đã bị ngắt giữa chừng:",
                f"còn {'tệp' if one else 'các tệp khóa'} {', '.join(map(str, locks))}.",
                f"Nếu không còn lệnh git nào đang chạy, hãy xóa {'tệp đó' if one else 'chúng'}"
                " rồi làm lại lệnh này:",
                *(f"  rm {shlex.quote(str(lock))}" for lock in locks),
            ]
        )
    stopped = _stopped(top, git_dir)
    if stopped is not None:
        return stopped
    return _uncommitted(top, path)


def _repository(folder: Path) -> tuple[Path, Path, Path] | None:
    """The top of the work tree holding ``folder``, its git folder and the folder it shares
    with the other work trees (refs, objects; the git folder itself without them); None
    without git."""
    found = run_git(
        folder, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"
    )
    if found is None or not found.ok or len(found.stdout.splitlines()) < 3:
        return None
    top, git_dir, common = (Path(line) for line in found.stdout.splitlines()[:3])
    return top, git_dir, (common if common.is_absolute() else folder / common).resolve()


def _commit_locks(git_dir: Path, common_dir: Path) -> list[Path]:
    """The lock files git creates to commit on the branch checked out: while one is there
    (a git or giaoban command running, or killed), a commit fails."""
    locks = [git_dir / "index.lock", git_dir / "HEAD.lock"]
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        head = ""
    if head.startswith("ref: refs/"):  # the branch's own ref (files backend)
        locks.append(common_dir / f"{head[5:]}.lock")
    locks.append(common_dir / "reftable" / "tables.list.lock")  # reftable backend
    return locks


def git_locks(folder: Path) -> list[Path]:
    """Every lock file git has left in the repository holding ``folder`` (its git folder
    and the one shared by its work trees), in order; [] without git."""
    where = _repository(folder)
    if where is None:
        return []
    _, git_dir, common_dir = where
    return sorted({*_locks_under(git_dir), *_locks_under(common_dir)})


def _locks_under(top: Path) -> Iterator[Path]:
    """The ``*.lock`` files under ``top``, skipping the folders of loose objects (tens of
    thousands of files in a long history, and never a lock among them)."""
    for folder, subfolders, names in os.walk(top):
        if os.path.basename(folder) == "objects":
            subfolders[:] = [d for d in subfolders if len(d) != 2]  # "3f/": loose objects
        yield from (Path(folder, name) for name in names if name.endswith(".lock"))


def stopped_state(folder: Path) -> str | None:
    """Why no commit should be made in the repository holding ``folder`` whatever the
    files hold (an operation stopped half-way, a detached HEAD; Vietnamese, with what
    to run); None when there is none, or no git."""
    where = _repository(folder)
    return _stopped(*where[:2]) if where is not None else None


def _stopped(top: Path, git_dir: Path) -> str | None:
    for name, what, command in _IN_PROGRESS:
        if (git_dir / name).exists():
            return "\n".join(
                [
                    f"kho git đang dừng giữa {what}; giaoban không commit lúc này",
                    "(một commit lúc này sẽ mất khi thao tác đó bị hủy). Hãy hoàn tất nó",
                    f"('git status' chỉ cách; sửa xung đột rồi '{command} --continue')",
                    f"hoặc hủy ('{command} --abort'), rồi làm lại lệnh này.",
                ]
            )
    branch = run_git(top, "symbolic-ref", "--quiet", "HEAD")
    if branch is not None and not branch.ok:
        return "\n".join(
            [
                "HEAD đang tách rời khỏi nhánh (detached HEAD): commit lúc này sẽ mất khi",
                f"chuyển nhánh. Hãy về nhánh làm việc ({_quoted(*switch_back(top))}) rồi làm lại",
                "lệnh này.",
            ]
        )
    return None


def switch_back(repo_dir: Path) -> tuple[str, str | None]:
    """The command that brings a detached HEAD back to its branch, and a note (Vietnamese)
    when the branch is to be chosen: the one branch holding HEAD (else the repository's
    one branch); the branches to choose from when there are several; the usual name when
    there is none."""
    names = _branches(repo_dir, "--contains", "HEAD") or _branches(repo_dir)
    if len(names) == 1:
        return f"git switch {names[0]}", None
    if names:
        return "git switch TÊN-NHÁNH", f"một trong: {', '.join(names)}"
    return "git switch main", "hoặc tên nhánh của bạn"


def _quoted(command: str, note: str | None) -> str:
    return f"'{command}'" + (f", {note}" if note else "")


def _branches(repo_dir: Path, *args: str) -> list[str]:
    listed = _answer(repo_dir, "for-each-ref", "--format=%(refname:short)", *args, "refs/heads")
    return listed.split() if listed else []


def _uncommitted(top: Path, path: Path) -> str | None:
    """Why ``path`` cannot be committed with only giaoban's change in it: what it holds that
    HEAD does not (its deletion too), a flag that hides it or stops its commit, an ignore
    rule that keeps git from adding it; None when nothing does."""
    rel = _shown(top, path)
    found = uncommitted(top, rel, ignored=True, to_commit=True)
    change = found.changes[0] if found.changes else None
    if change is None and not path.exists() and ignore_rule(top, rel) is not None:
        change = Change(rel, IGNORED)  # a new file git would not add
    if change is None:
        return None  # (a status git cannot give: the commit itself says why it fails)
    what, remedy = describe(top, change)
    return "\n".join(
        [
            f"{what}; giaoban chỉ commit đúng thay đổi của mình nên chưa ghi gì.",
            *(f"  {line}" for line in remedy),
            "rồi làm lại lệnh này.",
        ]
    )


# --- what a path holds that HEAD does not ---------------------------------------------------

UNTRACKED, IGNORED = "??", "!!"  # git status's letters for a file never committed, ignored
# ... for a file HEAD holds and the work tree (or the index) no longer does; not a conflict
# ("DU", "DD": a stopped merge or rebase says what to do) nor a file added then removed ("AD")
DELETED = (" D", "D ", "MD")
# Index flags that keep 'git status' from looking at a file in the work tree
ASSUME_UNCHANGED, SKIP_WORKTREE = "assume-unchanged", "skip-worktree"


@dataclass(frozen=True)
class Change:
    """A path (relative to the top of the work tree) that holds what HEAD does not.

    ``status`` is git status's two letters (``??`` never committed, ``!!`` ignored,
    ``DELETED``, else changed). ``flag`` is the index flag that hides the file from
    'git status'; ``status`` is then what git would show without it (empty when the
    file is unchanged but its flag, skip-worktree, stops a commit of it).
    """

    path: str
    status: str
    flag: str | None = None


@dataclass(frozen=True)
class Changes:
    """The changes git found under a pathspec, or why it could not look (a caller must
    not take a failure for "none")."""

    changes: tuple[Change, ...] = ()
    failure: str | None = None  # git's own words when it failed; then no change


def uncommitted(
    repo_dir: Path, spec: str, *, ignored: bool = False, to_commit: bool = False
) -> Changes:
    """Every path under ``spec`` (relative to the top; "" for all) that holds what HEAD
    does not: a change staged or not, a deletion, a file never committed, and a change
    an index flag hides from 'git status' (assume-unchanged, skip-worktree).

    git is asked in a way no setting of the user's changes (``status.showUntrackedFiles``,
    ``status.renames``, pathspec magic). With ``ignored``, the files git ignores are
    listed too (``!!``: never committed); with ``to_commit`` (paths about to be
    committed), also an unchanged file whose skip-worktree flag stops its commit.
    """
    status = run_git(
        repo_dir,
        "--literal-pathspecs",
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        f"--ignored={'traditional' if ignored else 'no'}",
        "--",
        spec or ".",
    )
    if status is None or not status.ok:
        return Changes(failure=_unlisted(status).failure)
    found = {e[3:]: Change(e[3:], e[:2]) for e in status.stdout.split("\0") if len(e) > 3}
    for change in _flagged(repo_dir, spec):
        if change.status or (to_commit and change.flag == SKIP_WORKTREE):
            found[change.path] = change
    return Changes(tuple(found[path] for path in sorted(found)))


def _flagged(repo_dir: Path, spec: str) -> list[Change]:
    """The files under ``spec`` whose index entry is flagged so that 'git status' does not
    look at them, each with what git would show without the flag (its content compared
    with the index, through git's own filters)."""
    listed = run_git(
        repo_dir, "--literal-pathspecs", "ls-files", "-v", "-s", "-z", "--", spec or "."
    )
    if listed is None or not listed.ok:
        return []
    flagged: list[tuple[str, str, str]] = []  # (path, flag, object id in the index)
    for entry in listed.stdout.split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        if len(fields) == 4 and (fields[0] in "Ss" or fields[0].islower()):
            flag = SKIP_WORKTREE if fields[0] in "Ss" else ASSUME_UNCHANGED
            flagged.append((path, flag, fields[2]))
    if not flagged:
        return []
    present = [path for path, _, _ in flagged if (repo_dir / path).is_file()]
    hashed = run_git(
        repo_dir, "hash-object", "--stdin-paths", input_text="".join(f"{p}\n" for p in present)
    )
    ids = dict(zip(present, hashed.stdout.split(), strict=False)) if hashed and hashed.ok else {}
    changes = []
    for path, flag, blob in flagged:
        if path not in present:  # sparse (skip-worktree), or deleted behind the flag
            status = "" if flag == SKIP_WORKTREE else " D"
        else:
            status = "" if ids.get(path) == blob else " M"
        changes.append(Change(path, status, flag))
    return changes


def ignore_rule(repo_dir: Path, rel: str) -> tuple[str, str, str] | None:
    """The rule that makes git ignore ``rel`` (relative to the top; it need not exist):
    ``(file, line, pattern)``; None when git does not ignore it (a tracked file never is)."""
    found = run_git(repo_dir, "check-ignore", "-v", "-z", "--stdin", input_text=f"{rel}\0")
    if found is None or not found.ok:
        return None
    source, line, pattern, *_ = [*found.stdout.split("\0"), "", "", ""]
    if pattern.startswith("!"):  # the last rule that matches takes it back: not ignored
        return None
    return source, line, pattern


def ledger_changes(repo_dir: Path, data_dir: Path) -> Changes:
    """What the ledger in ``data_dir`` holds that HEAD does not: every change under it
    (``uncommitted``) and the ignored files it is read from (in no commit)."""
    folder = _shown(repo_dir, data_dir)
    prefix = "" if folder == "." else f"{folder}/"
    found = uncommitted(repo_dir, prefix.rstrip("/"), ignored=True)
    kept = (c for c in found.changes if c.status != IGNORED or read_as_data(c.path[len(prefix) :]))
    return Changes(tuple(kept), found.failure)


def own_file(rel: str) -> bool:
    """Whether ``rel`` is giaoban's own while it works (the ledger's lock, a staging folder),
    never the user's change."""
    return any(giaoban_name(part) for part in rel.split("/"))


def describe(repo_dir: Path, change: Change) -> tuple[str, list[str]]:
    """What ``change`` is, and the commands that clear it (Vietnamese): the one wording
    of an edit's refusal and of 'giaoban doctor'."""
    shown = shlex.quote(change.path)
    look = f"xem: git diff HEAD -- {shown}"
    keep = [
        f"rồi commit chúng: git commit -m 'Mô tả thay đổi' -- {shown}",
        f"hoặc cất đi: git stash push -- {shown}",
    ]
    commit = shlex.join(["git", "commit", "-m", f"Thêm {change.path}", "--", change.path])
    if change.flag is not None:
        unflag = f"bỏ dấu: git update-index --no-{change.flag} -- {shown}"
        if not change.status:
            what = f"tệp {change.path} được đánh dấu {change.flag}: git không commit tệp đó"
            return what, [unflag]
        what = (
            f"tệp {change.path} có thay đổi chưa commit mà 'git status' không thấy "
            f"(tệp được đánh dấu {change.flag})"
        )
        return what, [unflag, look, *keep]
    if change.status == UNTRACKED:
        return f"tệp {change.path} chưa từng được commit", [
            f"commit tệp trước: git add -- {shown} && {commit}"
        ]
    if change.status == IGNORED:
        return _ignored(repo_dir, change.path, f"git add -f -- {shown} && {commit}")
    if change.status in DELETED:
        what = f"tệp {change.path} đã bị xóa nhưng việc xóa chưa được commit"
        return what, [
            f"lấy lại tệp đã commit: git checkout HEAD -- {shown}",
            "hoặc commit việc xóa: "
            + shlex.join(["git", "commit", "-m", f"Xóa {change.path}", "--", change.path]),
        ]
    what = (
        f"tệp {change.path} đang có thay đổi chưa commit (sửa tay, hoặc của một lệnh trước "
        "chưa commit được)"
    )
    return what, [look, *keep]


def _ignored(repo_dir: Path, rel: str, add: str) -> tuple[str, list[str]]:
    rule = ignore_rule(repo_dir, rel)
    source, line, pattern = rule if rule is not None else ("?", "?", "?")
    what = (
        f"tệp {rel} bị git bỏ qua (quy tắc '{pattern}' ở {source}, dòng {line}) nên không"
        " nằm trong commit nào"
    )
    stop = f"nếu sổ cần được lưu trong git: bỏ quy tắc đó khỏi {source}"
    if (repo_dir / rel).exists():
        return what, [f"{stop}, hoặc commit riêng tệp này: {add}"]
    return what, [
        stop,
        "nếu không: chạy lệnh với --no-commit (hoặc đặt 'commit: false' trong settings.yaml)",
    ]


def commit_change(path: Path, message: str, data_dir: Path | None = None) -> CommitOutcome | None:
    """Commit ``path`` alone when it is inside a git work tree; None when it is not.

    With ``data_dir``, the outcome also names the other files there that hold
    uncommitted changes (a hand edit, a command that was killed), so they are
    not left unseen.
    """
    repo = work_tree(path.parent)
    if repo is None:
        return None
    result = commit_file(repo, path, message)
    others = _others_changed(repo, data_dir, path) if data_dir is not None else Listed()
    if result.ok:
        return CommitOutcome(True, head_commit(repo), None, others.paths, others.failure)
    problem = explain_failure(result, repo, [path], message)
    return CommitOutcome(False, None, problem, others.paths, others.failure)


def _others_changed(repo: Path, data_dir: Path, own: Path) -> Listed:
    """The files of ``data_dir`` other than ``own`` (the command's file, named apart) that
    hold uncommitted changes; giaoban's own lock and staging files are not the user's."""
    folder = _shown(repo, data_dir)
    found = changed_paths(repo, "" if folder == "." else folder)
    paths = (p for p in found.paths if p != _shown(repo, own) and not own_file(p))
    return Listed(tuple(paths), found.failure)


def explain_failure(result: GitResult, repo: Path, paths: Sequence[Path], message: str) -> str:
    """Why git did not commit, and exactly what to run (Vietnamese)."""
    output = result.said
    redo = f"  {commit_command(repo, paths, message)}"
    if any(hint in output.lower() for hint in _NO_IDENTITY):
        return "\n".join(
            [
                "git chưa biết bạn là ai (chưa đặt user.name và user.email) nên chưa commit.",
                "Thay đổi đã được ghi vào tệp. Hãy đặt tên và e-mail của bạn:",
                '  git config --global user.name "Họ và tên"',
                '  git config --global user.email "ten@co-quan.vn"',
                "rồi commit:",
                redo,
            ]
        )
    return "\n".join(
        [
            f"git không commit được (mã {result.code}); thay đổi đã được ghi vào tệp.",
            *(f"  | {line}" for line in output.splitlines()),
            "Sửa nguyên nhân trên (ví dụ lỗi mà hook pre-commit báo) rồi commit:",
            redo,
        ]
    )


def commit_command(repo: Path, paths: Sequence[Path], message: str) -> str:
    """The shell command that makes the commit giaoban meant to make."""
    paragraphs = [p for p in message.strip().split("\n\n") if p.strip()]
    trailers: list[str] = []
    if paragraphs and all(_TRAILER.match(line) for line in paragraphs[-1].splitlines()):
        trailers = paragraphs.pop().splitlines()
    words = ["git", "-C", str(repo), "commit"]
    for paragraph in paragraphs:
        words += ["-m", " ".join(paragraph.split("\n"))]
    for trailer in trailers:
        words += ["--trailer", trailer]
    words += ["--", *(_shown(repo, path) for path in paths)]
    return shlex.join(words)


def _shown(repo: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return str(path)


# --- reading the history ------------------------------------------------------------------


def log_records(repo_dir: Path, paths: list[str], fmt: str) -> GitResult | None:
    """One ``git log`` over ``paths``: every commit that changed them and every merge,
    parents before children (a branch's commits together), each commit as ``fmt`` then
    its patch with no context (``-U0``). ``%P`` names the parents among those commits
    (git's parent rewriting). A file moved or renamed (git's rename detection, with or
    without changes) is one ``rename from``/``rename to`` entry with the changes
    against its old path, not a deletion and an addition.

    Merges show their diff against the first parent, so applying each commit's patch to
    its first parent's files rebuilds every version of each file on every branch (see
    ``giaoban.history.story``).
    """
    return run_git(
        repo_dir,
        "-c",
        "core.quotepath=off",
        "log",
        "--reverse",
        "--topo-order",
        "--full-history",
        "--parents",
        "--diff-merges=first-parent",
        "--find-renames",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "-p",
        "--unified=0",
        f"--format={fmt}",
        "--",
        *paths,
        errors="replace",
    )


# --- reading the ledger at a revision -------------------------------------------------------


def _run_bytes(cwd: Path, *args: str, input_bytes: bytes | None = None) -> GitResult | None:
    """Run ``git ARGS`` with binary input and output (stdout decoded as latin-1, byte for
    byte, so ``.stdout.encode("latin-1")`` gives the exact bytes back); as ``run_git``, a
    command that only reads takes no optional lock."""
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input_bytes,
            capture_output=True,
            check=False,
            env=_environment(args),
        )
    except (OSError, ValueError):
        return None
    stderr = proc.stderr.decode("utf-8", errors="replace")
    return GitResult(proc.returncode, proc.stdout.decode("latin-1"), stderr)


def resolve_commit(repo_dir: Path, rev: str) -> str | None:
    """The full id of the commit ``rev`` names, or None when it names none."""
    return _answer(
        repo_dir, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
    )


def merge_base(repo_dir: Path, a: str, b: str) -> str | None:
    """The best common ancestor of ``a`` and ``b`` (for ``A...B``)."""
    return _answer(repo_dir, "merge-base", "--end-of-options", a, b)


def files_at(repo_dir: Path, commit: str, folder: str) -> dict[str, bytes] | None:
    """The ``*.yaml`` files under ``folder`` (relative to the repository top) at ``commit``.

    Returns ``{path relative to folder: content}``, read with two git calls in
    all: ``git ls-tree`` lists the files, ONE ``git cat-file --batch`` reads
    every blob. None when git fails (an unknown commit, git missing).
    """
    spec = folder.rstrip("/") or "."
    listed = _run_bytes(repo_dir, "ls-tree", "-r", "-z", "--full-name", commit, "--", spec)
    if listed is None or not listed.ok:
        return None
    prefix = "" if spec == "." else spec + "/"
    blobs: list[tuple[str, str]] = []  # (object id, path relative to folder)
    for entry in listed.stdout.encode("latin-1").split(b"\0"):
        meta, _, raw_path = entry.partition(b"\t")
        path = raw_path.decode("utf-8", errors="surrogateescape")
        fields = meta.split()
        if len(fields) == 3 and fields[1] == b"blob" and path.endswith(".yaml"):
            blobs.append((fields[2].decode("ascii"), path[len(prefix) :]))
    if not blobs:
        return {}
    contents = _cat_blobs(repo_dir, [sha for sha, _ in blobs])
    if contents is None:
        return None
    return {rel: contents[sha] for sha, rel in blobs}


def _cat_blobs(repo_dir: Path, shas: list[str]) -> dict[str, bytes] | None:
    """The contents of the blobs ``shas``, in ONE ``git cat-file --batch`` call."""
    wanted = "".join(f"{sha}\n" for sha in dict.fromkeys(shas)).encode("ascii")
    result = _run_bytes(repo_dir, "cat-file", "--batch", input_bytes=wanted)
    if result is None or not result.ok:
        return None
    out = result.stdout.encode("latin-1")
    found: dict[str, bytes] = {}
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) != 3:  # "<sha> missing": cannot happen for a listed blob
            return None
        size = int(header[2])
        found[header[0].decode("ascii")] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


# --- review set-up: a diff driver for notice files ------------------------------------------

ATTRIBUTES_FILE = ".gitattributes"


def add_attribute_line(repo_dir: Path, line: str) -> bool:
    """Add ``line`` to the ``.gitattributes`` at the repository top; False when it is there.

    Existing lines are kept as they are; the file is written atomically.
    """
    path = repo_dir / ATTRIBUTES_FILE
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if line.strip() in (existing.strip() for existing in old.splitlines()):
        return False
    sep = "" if not old or old.endswith("\n") else "\n"
    write_atomic(path, (old + sep + line + "\n").encode("utf-8"))
    return True


def config_set(repo_dir: Path, key: str, value: str) -> GitResult | None:
    """``git config KEY VALUE`` in the repository's own configuration (.git/config)."""
    return run_git(repo_dir, "config", "--local", key, value)


# --- sync: pull with rebase, push ------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """The paths a git command listed, or why it could not list them: a caller must not
    take a failure for "none"."""

    paths: tuple[str, ...] = ()
    failure: str | None = None  # git's own words when it failed; then no path


def _unlisted(result: GitResult | None) -> Listed:
    """Why git could not list the paths asked for."""
    if result is None:
        return Listed(failure=_NOT_RUN.stderr)
    return Listed(failure=result.said or f"mã thoát {result.code}")


def changed_paths(repo_dir: Path, folder: str) -> Listed:
    """Paths under ``folder`` (relative to the top) with uncommitted changes, untracked too
    (``uncommitted``: whatever the user's git settings)."""
    found = uncommitted(repo_dir, folder)
    return Listed(tuple(change.path for change in found.changes), found.failure)


def upstream(repo_dir: Path) -> str | None:
    """The upstream of the current branch (``origin/main``), if it has one."""
    return _answer(repo_dir, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")


def current_branch(repo_dir: Path) -> str | None:
    return _answer(repo_dir, "symbolic-ref", "--quiet", "--short", "HEAD")


def remotes(repo_dir: Path) -> list[str]:
    return (_answer(repo_dir, "remote") or "").split()


def rebase_in_progress(repo_dir: Path) -> bool:
    return any(
        (found := git_path(repo_dir, name)) is not None and found.exists()
        for name in ("rebase-merge", "rebase-apply")
    )


def fetch(repo_dir: Path) -> GitResult:
    """``git fetch`` of the current branch's remote: nothing local changes but its
    remote-tracking branches."""
    return run_git(repo_dir, "fetch", "--quiet") or _NOT_RUN


def rebase_on_upstream(repo_dir: Path) -> GitResult:
    """Replay the commits the upstream lacks on top of it (``git rebase @{upstream}``).

    The upstream is named, so git uses no fork point: a commit of the user's
    that the upstream no longer has (its history was rewritten) is replayed,
    never dropped as "already upstream".
    """
    return run_git(repo_dir, "rebase", "--quiet", "--no-autostash", "@{upstream}") or _NOT_RUN


def commits_between(repo_dir: Path, start: str, end: str) -> list[str]:
    """The commits ``end`` has and ``start`` has not (``git rev-list start..end``), newest
    first; empty when git fails."""
    return (_answer(repo_dir, "rev-list", "--end-of-options", f"{start}..{end}") or "").split()


def push(repo_dir: Path) -> GitResult:
    return run_git(repo_dir, "push", "--quiet") or _NOT_RUN


def conflicted_paths(repo_dir: Path) -> Listed:
    """Paths (relative to the top) left with unresolved conflicts."""
    result = run_git(
        repo_dir, "-c", "core.quotepath=off", "diff-files", "--name-only", "-z", "--diff-filter=U"
    )
    if result is None or not result.ok:
        return _unlisted(result)
    return Listed(tuple(sorted({p for p in result.stdout.split("\0") if p})))


def unmerged_stages(repo_dir: Path) -> dict[str, frozenset[int]]:
    """Each path (relative to the top) with an unresolved conflict, and the versions git
    holds of it: 1 the common base, 2 "ours", 3 "theirs". In a rebase "ours" is the
    upstream being built on and "theirs" the commit replayed; a side missing deleted the
    file (a modify/delete conflict: no markers). Empty when git cannot say."""
    result = run_git(repo_dir, "-c", "core.quotepath=off", "ls-files", "-u", "-z", "--full-name")
    found: dict[str, set[int]] = {}
    if result is None or not result.ok:
        return {}
    for entry in result.stdout.split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        if len(fields) == 3 and fields[2].isdigit():
            found.setdefault(path, set()).add(int(fields[2]))
    return {path: frozenset(stages) for path, stages in found.items()}


@dataclass(frozen=True)
class RebaseSpan:
    """A rebase stopped half-way: the branch's commit before it, the commit it replays the
    branch onto, and the commit being replayed (None when git does not say)."""

    orig_head: str
    onto: str
    replaying: str | None


def rebase_span(repo_dir: Path) -> RebaseSpan | None:
    """What the rebase stopped in ``repo_dir`` replays, from git's own state files; None
    when no rebase is stopped (or its state cannot be read)."""
    for name in ("rebase-merge", "rebase-apply"):
        folder = git_path(repo_dir, name)
        if folder is None or not folder.is_dir():
            continue
        try:
            orig = (folder / "orig-head").read_text(encoding="ascii").strip()
            onto = (folder / "onto").read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return RebaseSpan(orig, onto, resolve_commit(repo_dir, "REBASE_HEAD"))
    return None


@dataclass(frozen=True)
class CommitInfo:
    """A commit as a message names it: its id, its author, when it was written, its subject."""

    sha: str
    author: str
    written: datetime
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]


def commit_infos(repo_dir: Path, *args: str) -> list[CommitInfo]:
    """The commits ``git log ARGS`` lists, newest first (none when git fails)."""
    result = run_git(
        repo_dir, "-c", "core.quotepath=off", "log", "--format=%H%x00%an%x00%aI%x00%s", *args
    )
    if result is None or not result.ok:
        return []
    found = []
    for line in result.stdout.splitlines():
        parts = line.split("\0")
        if len(parts) == 4:
            found.append(CommitInfo(parts[0], parts[1], datetime.fromisoformat(parts[2]), parts[3]))
    return found


def count_commits(repo_dir: Path, revisions: str) -> int:
    """How many commits ``git rev-list REVISIONS`` lists (0 when git fails)."""
    try:
        return int(_answer(repo_dir, "rev-list", "--count", revisions) or "")
    except ValueError:
        return 0
