"""Time whole giaoban processes over ledgers of 5, 1,000 and 10,000 notices.

    python bench/run.py                        # everything, 5 runs each (takes a while)
    python bench/run.py --sizes 5,1000 --runs 3
    python bench/run.py --write-doc            # also rewrite the table in docs/performance.md

Each command runs as its own process, as a user would run it, with "now"
fixed (``GIAOBAN_TODAY``) and output thrown away; the table gives the median
wall time with the fastest and slowest run, and the median peak memory
(resident set size) the operating system reports for the process and its
workers. Three states of the cache: ``cold`` (no cache), ``warm`` (filled by
an earlier run) and ``changed`` (warm, then one notice file edited).

The ledgers are generated once into a temporary folder (``bench/generate.py``;
N = 5 is a copy of the bundled ``data/``). When Taskwarrior (``task``) is
installed, the same tasks are loaded into a throw-away Taskwarrior and
``task due.before:eow list`` is timed beside ``giaoban week``; the bundled
data's ``week`` is also timed against a bare typer program printing a
20-row rich table (``bench/baseline_app.py``).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DOC = REPO / "docs" / "performance.md"
TODAY = "2025-06-13T09:00"  # a Friday morning: the generator's "today"
END_OF_WEEK = "2025-06-16"  # Taskwarrior's "eow" seen from TODAY (Monday 00:00)
SEED = 2025
COMMANDS: dict[str, list[str]] = {
    "week": ["week"],
    "week --format json": ["week", "--format", "json"],  # the same report without the table
    "due": ["due"],
    "overdue --format json": ["overdue", "--format", "json"],
    "stats": ["stats"],
    "check": ["check"],
    "export --format json": ["export", "--format", "json"],
    "search": ["search", "báo cáo"],
}
STATES = ("cold", "warm", "changed")
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TIMEOUT = [600.0]  # seconds a run may take (--timeout)


@dataclass
class Sample:
    """The runs of one command on one ledger in one state of the cache."""

    size: int
    command: str
    state: str
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    failed: str | None = None

    def cell(self) -> str:
        if self.failed:
            return f"failed ({self.failed})"
        if not self.seconds:
            return "—"
        mid = statistics.median(self.seconds)
        return f"{mid:.2f} s ({min(self.seconds):.2f}–{max(self.seconds):.2f})"

    def peak_mb(self) -> str:
        return f"{statistics.median(self.peak_kb) / 1024:.0f} MB" if self.peak_kb else "—"


# Runs one command and reports (wall seconds, peak RSS in KB, exit code) on a pipe. A
# small process of its own, so that the command's peak memory does not start from the
# benchmark's (a forked child's peak counts the memory of the process it was forked from).
LAUNCHER = """
import json, os, sys, time
out, argv = int(sys.argv[1]), json.loads(sys.argv[2])
os.set_inheritable(out, False)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
os.write(out, json.dumps([elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]).encode())
"""


def run_once(
    argv: Sequence[str], env: dict[str, str], timeout: float = 600
) -> tuple[float, int, int, str]:
    """Wall time, peak RSS (KB, the process and its waited-for children), exit code, stderr.

    A run longer than ``timeout`` seconds is killed (with its workers): exit code -9.
    """
    read, write = os.pipe()
    with tempfile.TemporaryFile() as err:
        launcher = [sys.executable, "-S", "-c", LAUNCHER, str(write), json.dumps(list(argv))]
        proc = subprocess.Popen(
            launcher,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            pass_fds=(write,),
            start_new_session=True,
            cwd=CODE[0],  # not the repository: "-m giaoban" would find the tree first
        )
        os.close(write)
        timer = threading.Timer(timeout, _kill_group, (proc.pid,))
        timer.start()
        try:
            report = _read_all(read)
            proc.wait()
        finally:
            timer.cancel()
            os.close(read)
        err.seek(0)
        message = err.read().decode(errors="replace")
    if not report:  # killed
        return timeout, 0, -signal.SIGKILL, message
    elapsed, peak, code = json.loads(report)
    return elapsed, peak, code, message


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def giaoban_argv(command: str, data: Path) -> list[str]:
    return [sys.executable, "-m", "giaoban", *COMMANDS[command], "--data", str(data)]


CODE = [REPO]  # where the timed giaoban is imported from (see snapshot)


def snapshot(work: Path) -> Path:
    """A copy of the giaoban package, timed instead of the working tree.

    The cache is keyed by giaoban's source files: an edit in the tree while the
    benchmark runs would turn "warm" runs cold. The copy keeps the files' times,
    so an unchanged tree gives an unchanged key from one benchmark to the next.
    """
    target = work / "code"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(
        REPO / "giaoban", target / "giaoban", ignore=shutil.ignore_patterns("__pycache__")
    )
    # Byte-compiled, as an installed package is: without it every run compiles
    # giaoban's modules again (PYTHONDONTWRITEBYTECODE keeps Python from caching them).
    compileall.compile_dir(target / "giaoban", quiet=1)
    return target


def bench_env(cache_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOBAN_")}
    env.update(
        GIAOBAN_CACHE_DIR=str(cache_dir),
        GIAOBAN_TODAY=TODAY,
        NO_COLOR="1",
        COLUMNS="120",
        PYTHONPATH=str(CODE[0]),
    )
    return env


# --- ledgers ------------------------------------------------------------------


def prepare(size: int, work: Path) -> Path:
    """The data folder of ``size`` notices, generated (or copied) once."""
    folder = work / f"n{size}"
    marker = folder / ".bench"
    stamp = f"{size} {SEED} {_source_stamp()}"
    if marker.is_file() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    if size == 5:
        shutil.copytree(REPO / "data", folder)
    else:
        _log(f"generating {size} notices into {folder} ...")
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "generate.py"),
                str(size),
                str(folder),
                "--seed",
                str(SEED),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    marker.write_text(stamp)
    return folder


def _source_stamp() -> str:
    stat = (BENCH / "generate.py").stat()
    return f"{stat.st_size}-{int(stat.st_mtime)}"


class Editor:
    """Edits one notice file between runs (a comment line: a change the cache must see)."""

    def __init__(self, data: Path) -> None:
        files = sorted(p for p in data.rglob("*.yaml") if p.name not in ("units.yaml",))
        self.path = files[len(files) // 2]
        self.original = self.path.read_bytes()
        self.count = 0

    def edit(self) -> None:
        self.count += 1
        self.path.write_bytes(self.original + f"# sửa lần {self.count}\n".encode())

    def restore(self) -> None:
        self.path.write_bytes(self.original)


# --- measuring ----------------------------------------------------------------


def measure(
    size: int, command: str, data: Path, cache_dir: Path, args: argparse.Namespace
) -> list[Sample]:
    """Cold, warm and one-changed samples of one command."""
    env = bench_env(cache_dir)
    argv = giaoban_argv(command, data)
    samples: list[Sample] = []
    editor = Editor(data)
    try:
        for state in STATES:
            if samples and samples[-1].failed and samples[-1].failed.startswith(">"):
                samples.append(Sample(size, command, state, failed="not run (too slow)"))
                continue
            runs = args.cold_runs if state == "cold" else args.runs
            prepare_run = _preparation(state, cache_dir, editor)
            if state != "cold":
                run_once(argv, env, TIMEOUT[0])  # fill the cache
            samples.append(_sample(size, command, state, argv, env, runs, prepare_run))
    finally:
        editor.restore()
    return samples


def _preparation(state: str, cache_dir: Path, editor: Editor) -> Callable[[], None]:
    if state == "cold":
        return lambda: shutil.rmtree(cache_dir, ignore_errors=True)
    if state == "changed":
        return editor.edit
    return lambda: None


def _sample(
    size: int,
    command: str,
    state: str,
    argv: list[str],
    env: dict[str, str],
    runs: int,
    before: Callable[[], None],
) -> Sample:
    sample = Sample(size, command, state)
    for _ in range(runs):
        before()
        seconds, peak, code, err = run_once(argv, env, TIMEOUT[0])
        if code == -signal.SIGKILL:
            sample.failed = f"> {TIMEOUT[0]:.0f} s, stopped"
            break
        if code != 0:
            sample.failed = f"exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}"
            break
        sample.seconds.append(seconds)
        sample.peak_kb.append(peak)
    _log(f"N={size:<6} {command:<22} {state:<8} {sample.cell()}  {sample.peak_mb()}")
    return sample


def baseline(data: Path, work: Path, runs: int) -> tuple[Sample, Sample]:
    """``giaoban week`` on the bundled data (warm) and the bare typer program."""
    env = bench_env(work / "cache-baseline")
    argv = giaoban_argv("week", data)
    run_once(argv, env)
    week = _sample(5, "week", "warm", argv, env, runs, lambda: None)
    bare = [sys.executable, str(BENCH / "baseline_app.py")]
    floor = _sample(0, "baseline_app.py", "-", bare, env, runs, lambda: None)
    return week, floor


# --- Taskwarrior --------------------------------------------------------------


def taskwarrior(size: int, data: Path, work: Path, runs: int) -> Sample | None:
    """``task due.before:eow list`` over the same tasks, in a throw-away Taskwarrior."""
    task = shutil.which("task")
    if task is None:
        return None
    folder = work / f"task-n{size}"
    env = _task_env(folder)
    if not (folder / ".imported").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        _task_import(task, size, data, work, folder, env)
    # "eow" of the benchmark's fixed today: Taskwarrior reads the clock, giaoban --today
    argv = [task, f"due.before:{END_OF_WEEK}", "list"]
    run_once(argv, env)
    return _sample(size, "task due.before:eow list", "warm", argv, env, runs, lambda: None)


def _task_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(TASKRC=str(folder / "taskrc"), TASKDATA=str(folder), TZ="Asia/Ho_Chi_Minh")
    return env


def _task_import(
    task: str, size: int, data: Path, work: Path, folder: Path, env: dict[str, str]
) -> None:
    _log(f"loading the {size}-notice ledger into Taskwarrior ...")
    (folder / "taskrc").write_text(
        f"data.location={folder}\nconfirmation=off\nverbose=nothing\ncolor=off\n"
        "defaultwidth=120\nhooks=off\njson.array=on\n",
        encoding="utf-8",
    )
    exported = subprocess.run(
        giaoban_argv("export --format json", data),
        env=bench_env(work / f"cache-n{size}"),
        capture_output=True,
        check=True,
        cwd=CODE[0],
    ).stdout
    records = [_task_record(t) for n in json.loads(exported)["notices"] for t in n["tasks"]]
    source = folder / "import.json"
    source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    subprocess.run([task, "import", str(source)], env=env, check=True, capture_output=True)
    (folder / ".imported").write_text("ok")


def _task_record(task: dict) -> dict:
    """A giaoban task (export shape) as a Taskwarrior task."""
    record = {
        "description": task["text"],
        "project": task["notice"],
        "status": {"done": "completed", "cancelled": "deleted"}.get(task["status"], "pending"),
        "entry": "20190101T000000Z",
    }
    if task.get("due"):
        due = datetime.fromisoformat(task["due"]).astimezone(timezone.utc)
        record["due"] = due.strftime("%Y%m%dT%H%M%SZ")
    if record["status"] != "pending":
        record["end"] = "20250101T000000Z"
    return record


# --- the report ---------------------------------------------------------------


def table(samples: list[Sample]) -> list[str]:
    by_key = {(s.size, s.command, s.state): s for s in samples}
    lines = [
        "| N notices | command | cold | warm | one file changed | peak memory (warm) |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for size in sorted({s.size for s in samples}):
        for command in COMMANDS:
            row = [by_key.get((size, command, state)) for state in STATES]
            if not any(row):
                continue
            cells = [s.cell() if s else "—" for s in row]
            peak = row[1].peak_mb() if row[1] else "—"
            lines.append(f"| {size:,} | `{command}` | {' | '.join(cells)} | {peak} |")
    return lines


def comparison(week: list[Sample], tasks: list[Sample | None], base: tuple | None) -> list[str]:
    lines: list[str] = []
    if shutil.which("task") is None:
        lines.append("Taskwarrior (`task`) is not installed here: no comparison was made.")
    else:
        lines += [
            "",
            "| N notices | `giaoban week` (warm) | `task due.before:eow list` | ratio |",
            "|---:|---:|---:|---:|",
        ]
        for ours, theirs in zip(week, tasks, strict=True):
            if theirs is None or not theirs.seconds or not ours.seconds:
                continue
            ratio = statistics.median(ours.seconds) / statistics.median(theirs.seconds)
            lines.append(f"| {ours.size:,} | {ours.cell()} | {theirs.cell()} | {ratio:.2f}× |")
    if base:
        ours, floor = base
        ratio = statistics.median(ours.seconds) / statistics.median(floor.seconds)
        lines += [
            "",
            f"`giaoban week` on the bundled data (warm): {ours.cell()}; a bare typer program "
            f"printing a 20-row rich table (`bench/baseline_app.py`): {floor.cell()}; "
            f"ratio {ratio:.2f}×.",
        ]
    return lines


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split()[1]
        memory = f", {int(mem) / 1024 / 1024:.1f} GB RAM"
    except OSError:
        memory = ""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {cores} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def write_doc(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.is_file() else f"{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(head + START + "\n" + "\n".join(lines) + "\n" + END + tail, encoding="utf-8")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,1000,10000", help="comma-separated N")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per warm/changed cell")
    parser.add_argument("--cold-runs", type=int, default=None, help="timed cold runs (--runs)")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-bench")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds before a run is stopped"
    )
    parser.add_argument("--write-doc", action="store_true", help="rewrite docs/performance.md")
    args = parser.parse_args(argv)
    TIMEOUT[0] = args.timeout
    args.cold_runs = args.cold_runs or args.runs
    sizes = [int(s) for s in args.sizes.split(",")]
    commands = [c.strip() for c in args.commands.split(",")]
    args.work = args.work.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    CODE[0] = snapshot(args.work)
    load_before = os.getloadavg()[0]
    samples: list[Sample] = []
    week: list[Sample] = []
    tasks: list[Sample | None] = []
    for size in sizes:
        data = prepare(size, args.work)
        for command in commands:
            found = measure(size, command, data, args.work / f"cache-n{size}", args)
            samples += found
            if command == "week":
                week.append(found[1])
                tasks.append(taskwarrior(size, data, args.work, args.runs))
    base = baseline(prepare(5, args.work), args.work, args.runs) if 5 in sizes else None
    lines = [
        f"Measured {date.today():%d/%m/%Y} on {machine()}; giaoban {_version()}; "
        f"{args.runs} runs per cell ({args.cold_runs} cold), median (fastest–slowest); "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
        "(other work on the machine slows the figures).",
        "",
        *table(samples),
        "",
        *comparison(week, tasks, base),
    ]
    print("\n".join(lines))
    if args.write_doc:
        write_doc(lines)
    return 0


def _version() -> str:
    sys.path.insert(0, str(REPO))
    import giaoban

    return giaoban.__version__


if __name__ == "__main__":
    raise SystemExit(main())
