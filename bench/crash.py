"""Crash harness: kill giaoban edit commands with SIGKILL at random moments, check what holds.

Run from the repository root (POSIX only: it needs SIGKILL and process groups)::

    .venv/bin/python bench/crash.py --runs 300 --seed 1
    .venv/bin/python bench/crash.py --runs 20 --seed 7 --keep   # keep the work folder

The bundled ledger (``data/``) is copied into a fresh git repository. First a
few edits run to completion on scratch copies, to measure how long one edit
typically takes. Then each run:

1. picks a random edit valid for the current state (``done``, ``note``,
   ``postpone`` or ``reopen`` of a task; the tasks are read with giaoban's
   own loader, in this process), copies the repository, starts the edit
   (``python -m giaoban ...``) and kills it with SIGKILL after a random delay
   between 0 and 1.5 times the typical duration. The whole process group is
   killed, git children included, as a power cut or a closed terminal would
   (``--kill-process-only``: only giaoban, its git children run on). A run
   that finishes before the kill is counted as such;
2. runs the same edit to completion on the copy (the reference) and checks:
   a. the target file holds exactly its old bytes or exactly the reference's
      bytes (the reference's only, when the edit was not killed), and no
      other file of the data folder changed ("old or new");
   b. ``giaoban check data`` exits 0 (no invalid file);
   c. each commit the edit made has the reference's message and trailers,
      has the HEAD before the edit as parent, touches only the target file
      and gives it the reference's bytes: otherwise it holds changes its
      message does not describe;
3. runs a next edit of the same notice file to completion, beside its own
   reference (same checks). When it refuses, its message is classified (a
   stale ``index.lock`` with the ``rm`` line to run, uncommitted changes in
   the file, the ledger lock held, or something else); a named leftover is
   cleared as a clerk would (delete the lock; commit the leftover with an
   honest message) and the edit is run again (a chain of up to three such
   fixes, as a killed ``git add`` leaves both a lock and a staged file).
   Leftovers still there afterwards that it never named (git lock files,
   staged or uncommitted files, hidden ``.giaoban-*`` folders, the ledger's
   lock file) are counted.

At the end every commit with a ``Giaoban-Action`` trailer must have been
checked against a reference. The script prints a table of figures and exits
1 when a target is missed: old-or-new below 100%, an invalid file, a next
edit failing for another reason, or a commit its message does not describe.
The random choices come from ``--seed``; which runs are killed depends on
timing, so two runs with one seed part ways once a kill lands differently.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from giaoban.deadline import Deadline  # noqa: E402
from giaoban.store.loader import load_ledger  # noqa: E402

BUNDLED_DATA = ROOT / "data"
TODAY = date(2026, 12, 5)
KILL_SPAN = 1.5  # kill delays are drawn from 0 to this many typical edit durations
TIMEOUT = 120.0  # seconds any one command may take
CHECK_ARGV = (sys.executable, "-m", "giaoban", "check", "data")
MAX_FIXES = 3  # clerk's fixes tried, one after another, before a next edit is a failure

# What giaoban says (Vietnamese) when it refuses an edit, or clears leftovers.
STALE_LOCK_MARK = "index.lock"
RM_LINE = re.compile(r"^\s*rm (.*\.lock.*)$", re.MULTILINE)
GIT_LOCK_LINE = re.compile(r"Unable to create '([^']+\.lock)': File exists")
UNCOMMITTED_MARK = "thay đổi chưa commit"
LOCK_HELD_MARK = "đang bị một lệnh giaoban khác khóa"
STAGING_MARK = "thư mục tạm còn sót"
CLERK_MESSAGE = "Hoàn tất thay đổi bị ngắt"

NOTE_TEXTS = (
    "Đã họp triển khai với các ban",
    "Đang tổng hợp báo cáo của các đơn vị",
    "Chờ ý kiến lãnh đạo",
    "Đã gửi dự thảo xin ý kiến",
)
REASONS = (
    "Chờ số liệu của các tỉnh",
    "Lãnh đạo đi công tác",
    "Trùng lịch hội nghị",
)


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskState:
    """One task as the harness needs it to pick a valid edit."""

    id: str
    path: str  # its notice file, relative to the repository (POSIX)
    status: str
    last_day: date | None  # the last day of a single-date deadline, else None


@dataclass(frozen=True)
class Edit:
    """One giaoban edit command: ``giaoban ACTION TASK ARGS --data data``."""

    action: str
    task_id: str
    path: str  # the notice file it writes, relative to the repository (POSIX)
    args: tuple[str, ...] = ()

    def words(self) -> list[str]:
        return [self.action, self.task_id, *self.args, "--data", "data"]

    def argv(self) -> list[str]:
        return [sys.executable, "-m", "giaoban", *self.words()]

    def shown(self) -> str:
        return shlex.join(["giaoban", *self.words()])


@dataclass(frozen=True)
class Outcome:
    """How one command ended."""

    code: int
    output: str  # stdout then stderr
    seconds: float

    @property
    def killed(self) -> bool:
        return self.code == -signal.SIGKILL


@dataclass(frozen=True)
class Reference:
    """What an edit does when run to completion on a copy of the repository."""

    outcome: Outcome
    data: bytes  # the target file afterwards
    message: str | None  # the message of the commit it made, if any


@dataclass
class Figures:
    """The counts the harness reports."""

    runs: int = 0
    killed: int = 0
    finished: int = 0
    kept_old: int = 0  # runs whose target file was left with its old bytes
    became_new: int = 0  # runs whose target file holds the reference's bytes
    old_or_new_failures: int = 0
    refused_unkilled: int = 0  # killed edits whose reference refused (the pick was not valid)
    invalid: int = 0
    next_succeeded: int = 0
    next_named: int = 0
    next_other: int = 0
    refusals: Counter[str] = field(default_factory=Counter)  # refusal kind -> count
    commits_checked: int = 0
    undescribed: int = 0
    leftovers_seen: Counter[str] = field(default_factory=Counter)  # new right after a kill
    unmentioned: Counter[str] = field(default_factory=Counter)  # persisting, never named
    typical: float = 0.0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def old_or_new_percent(self) -> float:
        return 100.0 * (self.runs - self.old_or_new_failures) / self.runs if self.runs else 100.0

    def missed_targets(self) -> list[str]:
        """The targets this run missed (empty when all hold)."""
        missed = []
        if self.old_or_new_failures:
            missed.append(f"old or new held in {self.old_or_new_percent:.1f}% of runs, not 100%")
        if self.invalid:
            missed.append(f"{self.invalid} runs left an invalid file")
        if self.next_other:
            missed.append(f"{self.next_other} next commands failed for another reason")
        if self.undescribed:
            missed.append(
                f"{self.undescribed} commits hold changes their message does not describe"
            )
        return missed


@dataclass(frozen=True)
class Settings:
    runs: int
    seed: int
    workdir: Path
    calibration: int = 3  # un-killed edits timed to find the typical duration
    kill_group: bool = True  # kill the whole process group (giaoban and its git), not only it
    verbose: bool = True


# --- processes and git ---------------------------------------------------------------------


def freeze_code(workdir: Path) -> Path:
    """Copy the giaoban package under test into ``workdir``; the folder to import it from.

    Every command runs this copy, so edits made to the checkout while the
    harness runs do not change the code under test half-way.
    """
    code = workdir / "code"
    shutil.copytree(
        ROOT / "giaoban", code / "giaoban", ignore=shutil.ignore_patterns("__pycache__")
    )
    return code


def code_version() -> str:
    """The checkout's commit, with ``-dirty`` when it has uncommitted changes."""
    proc = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    )
    return proc.stdout.strip() or "unknown"


def child_env(workdir: Path, code: Path) -> dict[str, str]:
    """The environment of every command: the frozen code, no user git config, a private
    cache, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIAOBAN_", "GIT_"))}
    gitconfig = workdir / "gitconfig"
    gitconfig.touch()
    cache = workdir / "cache"
    cache.mkdir(mode=0o700, exist_ok=True)
    path = [str(code), *filter(None, [env.get("PYTHONPATH")])]
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        GIAOBAN_CACHE_DIR=str(cache),
        NO_COLOR="1",
        LC_ALL="C.UTF-8",
        PYTHONIOENCODING="utf-8",
        PYTHONPATH=os.pathsep.join(path),
    )
    env.pop("LANGUAGE", None)
    return env


def git(repo: Path, env: dict[str, str], *args: str, check: bool = True) -> str:
    """Run ``git ARGS`` in ``repo``; its stdout."""
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    if check and proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def git_bytes(repo: Path, env: dict[str, str], *args: str) -> bytes | None:
    """Run ``git ARGS`` in ``repo``; its stdout as bytes, None when it fails."""
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=False)
    return proc.stdout if proc.returncode == 0 else None


def start(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a command in its own process group (so it can be killed with its children)."""
    return subprocess.Popen(
        list(argv),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen[bytes], started: float) -> Outcome:
    """Wait for ``proc`` (already started at ``started``) and collect how it ended."""
    out, err = proc.communicate(timeout=TIMEOUT)
    seconds = time.perf_counter() - started
    text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
    return Outcome(proc.returncode, text, seconds)


def run_together(
    commands: Sequence[tuple[Sequence[str], Path]], env: dict[str, str]
) -> list[Outcome]:
    """Run commands (argv, cwd) at the same time to completion; their outcomes, in order."""
    started = time.perf_counter()
    procs = [start(argv, cwd, env) for argv, cwd in commands]
    return [finish(proc, started) for proc in procs]


def run_killed(edit: Edit, repo: Path, env: dict[str, str], delay: float, group: bool) -> Outcome:
    """Run ``edit`` in ``repo`` and SIGKILL it after ``delay`` seconds unless it ended first."""
    started = time.perf_counter()
    proc = start(edit.argv(), repo, env)
    try:
        out, err = proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=TIMEOUT)
    wait_for_group(proc.pid)
    text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
    return Outcome(proc.returncode, text, time.perf_counter() - started)


def wait_for_group(pgid: int, timeout: float = 30.0) -> None:
    """Wait until no process of group ``pgid`` still runs (orphaned git children)."""
    deadline = time.monotonic() + timeout
    while group_running(pgid) and time.monotonic() < deadline:
        time.sleep(0.005)


def group_running(pgid: int) -> bool:
    """Whether a live (not zombie) process belongs to group ``pgid``."""
    proc = Path("/proc")
    if not proc.is_dir():  # no /proc: ask the kernel (zombies count, so it may wait longer)
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            return True
    return False


# --- repositories --------------------------------------------------------------------------


def make_repo(folder: Path, env: dict[str, str]) -> Path:
    """A fresh git repository holding a copy of the bundled ledger, committed as "init"."""
    folder.mkdir(parents=True)
    shutil.copytree(BUNDLED_DATA, folder / "data")
    git(folder, env, "init", "-q", "-b", "main")
    git(folder, env, "config", "user.name", "Crash Harness")
    git(folder, env, "config", "user.email", "crash@example.org")
    git(folder, env, "config", "commit.gpgsign", "false")
    git(folder, env, "add", "data")
    git(folder, env, "commit", "-q", "-m", "init")
    return folder


def snapshot(repo: Path, dest: Path) -> Path:
    """An exact copy of ``repo`` (work tree, index, leftovers) at ``dest``.

    Git objects are never changed once written, and the harness's history only
    grows, so the copy borrows them (``objects/info/alternates``) instead of copying.
    """
    if dest.exists():
        shutil.rmtree(dest)
    git_dir = repo / ".git"
    shutil.copytree(repo, dest, ignore=lambda d, _: ["objects"] if Path(d) == git_dir else [])
    info = dest / ".git" / "objects" / "info"
    info.mkdir(parents=True)
    (info / "alternates").write_text(f"{(git_dir / 'objects').resolve()}\n", encoding="utf-8")
    return dest


def data_files(repo: Path) -> dict[str, bytes]:
    """Every regular file under ``data/`` outside hidden folders, by relative path."""
    found = {}
    for path in sorted((repo / "data").rglob("*")):
        rel = path.relative_to(repo)
        if path.is_file() and not any(p.startswith(".") for p in rel.parts):
            found[rel.as_posix()] = path.read_bytes()
    return found


def head(repo: Path, env: dict[str, str]) -> str:
    return git(repo, env, "rev-parse", "HEAD").strip()


def commit_message(repo: Path, env: dict[str, str], commit: str) -> str:
    return git(repo, env, "log", "-1", "--format=%B", commit)


def trailer(repo: Path, env: dict[str, str], commit: str, key: str) -> str:
    return git(repo, env, "log", "-1", f"--format=%(trailers:key={key},valueonly)", commit).strip()


def giaoban_commits(repo: Path, env: dict[str, str]) -> set[str]:
    """Every commit of the history with a ``Giaoban-Action`` trailer."""
    fmt = "--format=%H %(trailers:key=Giaoban-Action,valueonly,separator=%x2C)"
    lines = git(repo, env, "log", fmt).splitlines()
    return {line.split()[0] for line in lines if len(line.split()) > 1}


# --- picking edits -------------------------------------------------------------------------


def read_tasks(repo: Path) -> list[TaskState]:
    """The tasks of the repository's data folder as the work tree holds them now."""
    ledger = load_ledger(repo / "data", use_cache=False).ledger
    tasks = []
    for task in ledger.tasks():
        deadline = task.deadline
        last_day = None
        if isinstance(deadline, Deadline) and deadline.kind == "date" and deadline.due:
            last_day = (deadline.due - timedelta(microseconds=1)).date()
        path = Path(task.source.path).resolve().relative_to(repo.resolve()).as_posix()
        tasks.append(TaskState(task.id, path, task.status, last_day))
    return tasks


def pick_edit(tasks: Sequence[TaskState], rng: random.Random, number: int) -> Edit:
    """A random edit valid for ``tasks``: done or postpone an open task with a single date,
    reopen a done one, or note any task."""
    open_dated = [t for t in tasks if t.status == "open" and t.last_day is not None]
    done_dated = [t for t in tasks if t.status == "done" and t.last_day is not None]
    choices = [("note", 3)]
    choices += [("done", 2), ("postpone", 2)] if open_dated else []
    choices += [("reopen", 2)] if done_dated else []
    action = rng.choices([a for a, _ in choices], weights=[w for _, w in choices])[0]
    if action == "done":
        task = rng.choice(open_dated)
        on = TODAY - timedelta(days=rng.randint(0, 300))
        return Edit("done", task.id, task.path, ("--on", f"{on:%d/%m/%Y}", *today()))
    if action == "postpone":
        task = rng.choice(open_dated)
        assert task.last_day is not None
        new = task.last_day + timedelta(days=rng.randint(1, 60))
        args = (f"trước ngày {new:%d/%m/%Y}", "--reason", rng.choice(REASONS), *today())
        return Edit("postpone", task.id, task.path, args)
    if action == "reopen":
        task = rng.choice(done_dated)
        return Edit("reopen", task.id, task.path)
    task = rng.choice(list(tasks))
    text = f"Lần {number}: {rng.choice(NOTE_TEXTS)}"
    return Edit("note", task.id, task.path, (text, *today()))


def today() -> tuple[str, str]:
    return ("--today", TODAY.isoformat())


# --- the checks ----------------------------------------------------------------------------


def reference_of(
    edit: Edit, copy: Path, outcome: Outcome, before: str, env: dict[str, str]
) -> Reference:
    """The reference of ``edit``, after it ran to completion in ``copy`` (HEAD was ``before``)."""
    after = head(copy, env)
    message = commit_message(copy, env, after) if after != before else None
    return Reference(outcome, (copy / edit.path).read_bytes(), message)


def old_or_new(
    repo: Path, edit: Edit, before: dict[str, bytes], ref: Reference, killed: bool
) -> list[str]:
    """Why the data folder is not "old or new" after ``edit`` (empty when it is)."""
    now = data_files(repo)
    problems = []
    target = now.get(edit.path)
    allowed = [ref.data] if not killed else [before[edit.path], ref.data]
    if target not in allowed:
        problems.append(f"{edit.path} is neither its old bytes nor the reference's")
    for path in sorted(set(before) | set(now)):
        if path != edit.path and before.get(path) != now.get(path):
            problems.append(f"{path} changed although the edit was of {edit.path}")
    return problems


def check_commits(
    repo: Path, env: dict[str, str], before: str, edit: Edit, ref: Reference
) -> tuple[list[str], list[str]]:
    """Check the commits made since ``before`` against ``ref``: (good ones, problems)."""
    commits = git(repo, env, "rev-list", "--reverse", f"{before}..HEAD").split()
    good, problems = [], []
    if len(commits) > 1:
        problems.append(f"{len(commits)} commits for one edit")
    for commit in commits:
        wrong = commit_problems(repo, env, commit, before, edit, ref)
        if wrong:
            problems.append(f"commit {commit[:7]}: " + "; ".join(wrong))
        else:
            good.append(commit)
    return good, problems


def commit_problems(
    repo: Path, env: dict[str, str], commit: str, parent: str, edit: Edit, ref: Reference
) -> list[str]:
    """How ``commit`` differs from the reference's commit of ``edit`` (empty when it does not)."""
    wrong = []
    if trailer(repo, env, commit, "Giaoban-Action") != edit.action:
        wrong.append("Giaoban-Action is not " + edit.action)
    if trailer(repo, env, commit, "Giaoban-Task") != edit.task_id:
        wrong.append("Giaoban-Task is not " + edit.task_id)
    if ref.message is None:
        wrong.append("the reference made no commit")
    elif commit_message(repo, env, commit) != ref.message:
        wrong.append("message differs from the reference's")
    if git(repo, env, "rev-parse", f"{commit}^").strip() != parent:
        wrong.append("its parent is not the HEAD before the edit")
    files = git(repo, env, "diff-tree", "--no-commit-id", "--name-only", "-r", commit).split()
    if files != [edit.path]:
        wrong.append(f"touches {files}, not only {edit.path}")
    if git_bytes(repo, env, "show", f"{commit}:{edit.path}") != ref.data:
        wrong.append("the committed file is not the reference's")
    return wrong


# --- leftovers and the clerk's fixes -------------------------------------------------------


def find_leftovers(repo: Path, env: dict[str, str]) -> dict[str, set[str]]:
    """What a killed command may leave behind, by kind (only kinds found)."""
    git_dir = repo / ".git"
    locks = {p.relative_to(repo).as_posix() for p in git_dir.rglob("*.lock")}
    found = {
        "index.lock": {".git/index.lock"} & locks,
        "other git lock files": locks - {".git/index.lock"},
        "staged files": set(git(repo, env, "diff", "--cached", "--name-only").split()),
        "uncommitted files": set(
            git(repo, env, "diff", "HEAD", "--name-only", "--", "data").split()
        ),
        "staging folders": {
            p.relative_to(repo).as_posix()
            for p in (repo / "data").rglob(".giaoban-*")
            if p.is_dir()
        },
        "ledger lock file": {"data/.giaoban.lock"}
        if (repo / "data/.giaoban.lock").exists()
        else set(),
    }
    return {kind: items for kind, items in found.items() if items}


def named_locks(output: str) -> list[str]:
    """The git lock files a command's output names: in an ``rm`` line giaoban gives, or in
    git's own "Unable to create '...lock': File exists"."""
    named = [shlex.split(m.group(1))[0] for m in RM_LINE.finditer(output)]
    return named + [m.group(1) for m in GIT_LOCK_LINE.finditer(output)]


def mentioned(output: str) -> set[str]:
    """The kinds of leftover a command's output names."""
    kinds = set()
    if STALE_LOCK_MARK in output:
        kinds.add("index.lock")
    for lock in named_locks(output):
        kinds.add("index.lock" if Path(lock).name == "index.lock" else "other git lock files")
    if UNCOMMITTED_MARK in output:
        kinds |= {"staged files", "uncommitted files"}
    if STAGING_MARK in output:
        kinds.add("staging folders")
    return kinds


def classify(output: str) -> str:
    """Why an edit refused, from its message."""
    locks = named_locks(output)
    if locks:
        only_index = all(Path(lock).name == "index.lock" for lock in locks)
        return "stale index.lock" if only_index else "stale git lock"
    if UNCOMMITTED_MARK in output:
        return "uncommitted changes"
    if LOCK_HELD_MARK in output:
        return "ledger lock held"
    return "other"


def clerk_fix(kind: str, output: str, repo: Path, edit: Edit, env: dict[str, str]) -> bool:
    """Clear the leftover the message named, as a clerk would; False when there is no fix."""
    if kind in ("stale index.lock", "stale git lock"):
        return all([remove_lock(repo, Path(lock)) for lock in named_locks(output)])
    if kind == "uncommitted changes":
        argv = ["git", "commit", "-q", "-m", CLERK_MESSAGE, "--", edit.path]
        return subprocess.run(argv, cwd=repo, env=env, capture_output=True).returncode == 0
    return kind == "ledger lock held"  # nothing to clear: a killed process holds no flock


def remove_lock(repo: Path, lock: Path) -> bool:
    """Delete a stale git lock file, only inside the repository's ``.git``."""
    git_dir = (repo / ".git").resolve()
    target = (repo / lock).resolve()
    if git_dir not in target.parents or not target.is_file():
        return False
    target.unlink()
    return True


# --- one run -------------------------------------------------------------------------------


class Harness:
    """The state shared by the runs: the repository, the random source, the figures."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rng = random.Random(settings.seed)
        self.work = settings.workdir
        self.env = child_env(self.work, freeze_code(self.work))
        self.repo = make_repo(self.work / "repo", self.env)
        self.scratch = self.work / "scratch"
        self.figures = Figures()
        self.checked: set[str] = set()  # giaoban commits found to match a reference
        self.flagged: set[str] = set()  # giaoban commits found not to
        self.lingering: set[str] = set()  # leftovers still there after the last next edit

    def say(self, text: str) -> None:
        if self.settings.verbose:
            print(text, flush=True)

    def problem(self, run: int, edit: Edit, text: str) -> None:
        line = f"run {run}: {edit.shown()}: {text}"
        self.figures.problems.append(line)
        self.say("PROBLEM " + line)

    def calibrate(self) -> float:
        """The typical duration of one edit: the median of a few run to completion."""
        tasks = read_tasks(self.repo)
        times = []
        for index in range(self.settings.calibration + 1):  # the first one warms the cache
            edit = pick_edit(tasks, self.rng, 0)
            copy = snapshot(self.repo, self.scratch / "calibrate")
            outcome = run_together([(edit.argv(), copy)], self.env)[0]
            if outcome.code != 0:
                raise RuntimeError(f"{edit.shown()} failed un-killed:\n{outcome.output}")
            if index:
                times.append(outcome.seconds)
        return statistics.median(times)

    def run(self, number: int, typical: float) -> None:
        """One run: a killed edit, its checks, then the next edit of the same file."""
        edit = pick_edit(read_tasks(self.repo), self.rng, number)
        delay = self.rng.uniform(0.0, KILL_SPAN) * typical
        before_files = data_files(self.repo)
        before_head = head(self.repo, self.env)
        copy = snapshot(self.repo, self.scratch / "reference")
        outcome = run_killed(edit, self.repo, self.env, delay, self.settings.kill_group)
        self.count_end(outcome)
        leftovers = find_leftovers(self.repo, self.env)
        ref_outcome, check = run_together([(edit.argv(), copy), (CHECK_ARGV, self.repo)], self.env)
        ref = reference_of(edit, copy, ref_outcome, before_head, self.env)
        if ref_outcome.code != 0:
            self.figures.refused_unkilled += 1
            self.say(f"note: run {number}: {edit.shown()} refused un-killed:\n{ref_outcome.output}")
        self.check_old_or_new(number, edit, before_files, ref, outcome)
        if check.code != 0:
            self.figures.invalid += 1
            self.problem(number, edit, f"giaoban check data exited {check.code}:\n{check.output}")
        self.check_history(number, edit, before_head, ref)
        for kind, items in leftovers.items():
            self.figures.leftovers_seen[kind] += len(items - self.lingering)
        self.next_edit(number, edit)

    def count_end(self, outcome: Outcome) -> None:
        if outcome.killed:
            self.figures.killed += 1
        else:
            self.figures.finished += 1

    def check_old_or_new(
        self, number: int, edit: Edit, before: dict[str, bytes], ref: Reference, outcome: Outcome
    ) -> None:
        problems = old_or_new(self.repo, edit, before, ref, outcome.killed)
        now = (self.repo / edit.path).read_bytes()
        if now == ref.data and ref.data != before[edit.path]:
            self.figures.became_new += 1
        elif now == before[edit.path]:
            self.figures.kept_old += 1
        if problems:
            self.figures.old_or_new_failures += 1
            detail = f" (exit {outcome.code} after {outcome.seconds:.3f} s)\n{outcome.output}"
            self.problem(number, edit, "; ".join(problems) + detail)

    def check_history(self, number: int, edit: Edit, before: str, ref: Reference) -> None:
        good, problems = check_commits(self.repo, self.env, before, edit, ref)
        self.checked.update(good)
        self.figures.commits_checked += len(good)
        if problems:
            bad = set(git(self.repo, self.env, "rev-list", f"{before}..HEAD").split()) - set(good)
            self.flagged |= bad
            self.figures.undescribed += len(bad)
            self.problem(number, edit, "; ".join(problems))

    def next_edit(self, number: int, killed: Edit) -> None:
        """Run a next edit of the killed edit's file to completion; when it refuses, clear
        what it names as a clerk would and run it again."""
        tasks = [t for t in read_tasks(self.repo) if t.path == killed.path]
        edit = pick_edit(tasks, self.rng, number)
        named: set[str] = set()
        result = "other"
        for attempt in range(MAX_FIXES + 1):
            outcome, same = self.run_checked(number, edit)
            named |= mentioned(outcome.output)
            if not same:
                break
            if outcome.code == 0:
                result = "succeeded" if attempt == 0 else "named"
                break
            kind = classify(outcome.output)
            self.figures.refusals[kind] += 1
            if kind == "other" or not clerk_fix(kind, outcome.output, self.repo, edit, self.env):
                failure = f"next command failed (exit {outcome.code}):\n{outcome.output}"
                self.problem(number, edit, failure)
                break
        if result == "succeeded":
            self.figures.next_succeeded += 1
        elif result == "named":
            self.figures.next_named += 1
        else:
            self.figures.next_other += 1
        self.count_unmentioned(named)

    def run_checked(self, number: int, edit: Edit) -> tuple[Outcome, bool]:
        """Run ``edit`` to completion beside its reference: its outcome, and whether it
        did exactly what the reference did (exit code, files, commit)."""
        before_files = data_files(self.repo)
        before_head = head(self.repo, self.env)
        copy = snapshot(self.repo, self.scratch / "reference")
        outcome, ref_outcome = run_together(
            [(edit.argv(), self.repo), (edit.argv(), copy)], self.env
        )
        ref = reference_of(edit, copy, ref_outcome, before_head, self.env)
        problems = old_or_new(self.repo, edit, before_files, ref, killed=False)
        if outcome.code != ref_outcome.code:
            problems.append(f"exit {outcome.code}, its reference exited {ref_outcome.code}")
        if problems:
            self.problem(number, edit, "next command: " + "; ".join(problems))
        undescribed = self.figures.undescribed
        self.check_history(number, edit, before_head, ref)
        return outcome, not problems and self.figures.undescribed == undescribed

    def count_unmentioned(self, named: set[str]) -> None:
        """Count leftovers still there after the next edit that it never named (once each,
        however many runs they outlive)."""
        leftovers = find_leftovers(self.repo, self.env)
        before, self.lingering = self.lingering, set().union(*leftovers.values())
        for kind, items in leftovers.items():
            new = items - before
            if kind not in named and new:
                self.figures.unmentioned[kind] += len(new)
                self.say(f"leftover not mentioned ({kind}): {', '.join(sorted(new))}")

    def audit(self) -> None:
        """Every giaoban commit of the history must have matched a reference."""
        unknown = giaoban_commits(self.repo, self.env) - self.checked - self.flagged
        if unknown:
            self.figures.undescribed += len(unknown)
            self.figures.problems.append(f"giaoban commits never checked: {sorted(unknown)}")
            self.say(f"PROBLEM giaoban commits never checked: {sorted(unknown)}")


def run_harness(settings: Settings) -> Figures:
    """Run the whole harness in ``settings.workdir``; its figures."""
    started = time.perf_counter()
    harness = Harness(settings)
    typical = harness.calibrate()
    harness.figures.typical = typical
    harness.say(
        f"typical edit duration: {typical:.3f} s (median of {settings.calibration} un-killed "
        f"edits); kill delays drawn from 0 to {KILL_SPAN * typical:.3f} s"
    )
    for number in range(1, settings.runs + 1):
        harness.run(number, typical)
        harness.figures.runs += 1
        if settings.verbose and number % 25 == 0:
            print(f"... {number}/{settings.runs} runs", file=sys.stderr, flush=True)
    harness.audit()
    harness.figures.seconds = time.perf_counter() - started
    return harness.figures


# --- the report ----------------------------------------------------------------------------


def table(figures: Figures) -> str:
    """The figures as a plain-text table."""
    f = figures
    leftovers = sum(f.unmentioned.values())
    rows = [
        ("runs", f"{f.runs}", ""),
        ("killed before finishing", f"{f.killed}", ""),
        ("finished anyway", f"{f.finished}", ""),
        ("target file old or new", f"{f.old_or_new_percent:.1f}%", "target 100%"),
        ("  kept its old bytes", f"{f.kept_old}", ""),
        ("  holds the new bytes", f"{f.became_new}", ""),
        ("edits refused even when not killed", f"{f.refused_unkilled}", ""),
        ("invalid files (giaoban check data != 0)", f"{f.invalid}", "target 0"),
        ("next command: succeeded", f"{f.next_succeeded}", ""),
        ("next command: named leftover, then succeeded", f"{f.next_named}", ""),
        ("next command: other failure", f"{f.next_other}", "target 0"),
        ("commits checked against a reference", f"{f.commits_checked}", ""),
        ("commits not described by their message", f"{f.undescribed}", "target 0"),
        ("leftovers not mentioned", f"{leftovers}", ""),
        ("total time", f"{f.seconds:.1f} s", ""),
    ]
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{name:<{width}}  {value:>8}  {note}".rstrip() for name, value, note in rows]
    lines += breakdown("refusals of the next command, by kind", f.refusals)
    lines += breakdown("leftovers found right after a kill, by kind (items)", f.leftovers_seen)
    lines += breakdown("leftovers not mentioned, by kind (items)", f.unmentioned)
    return "\n".join(lines)


def breakdown(title: str, counts: Counter[str]) -> list[str]:
    if not counts:
        return []
    return ["", title + ":", *(f"  {kind:<40}  {n:>6}" for kind, n in counts.most_common())]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--calibration", type=int, default=3, help="un-killed edits timed first")
    parser.add_argument("--workdir", type=Path, help="work folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--kill-process-only",
        action="store_true",
        help="kill only the giaoban process, not its git children",
    )
    args = parser.parse_args(argv)
    if os.name != "posix":
        print("crash.py needs POSIX (SIGKILL, process groups)", file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="giaoban-crash-"))
    settings = Settings(
        args.runs, args.seed, workdir, args.calibration, kill_group=not args.kill_process_only
    )
    scope = "process group" if settings.kill_group else "giaoban process only"
    print(f"giaoban crash harness: {args.runs} runs, seed {args.seed}, SIGKILL to the {scope}")
    print(f"code under test: giaoban of {ROOT} at {code_version()}, copied to {workdir / 'code'}")
    figures = run_harness(settings)
    print()
    print(table(figures))
    missed = figures.missed_targets()
    if missed or args.keep:
        print(f"\nwork folder kept: {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    for line in missed:
        print(f"MISSED: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
