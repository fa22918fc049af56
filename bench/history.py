"""How long giaoban takes to read a ledger's history from git, against git itself.

Run from the repository root::

    .venv/bin/python bench/history.py [--commits 3000] [--runs 3]

A throw-away repository gets one notice and ``--commits`` note commits
(made by ``git fast-import``); the script prints the median time of
``read_history`` (every event of every commit, one ``git log`` call) and of
a bare ``git log -p`` over the same commits, in the same process, and
their ratio. It replaces a timed test: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from giaoban.history.story import read_history  # noqa: E402
from tests.test_history import NOTICE_ID, _fast_import_stream  # noqa: E402


def _repo(folder: Path, commits: int) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    (folder / "data" / "2019").mkdir(parents=True)
    (folder / "data" / "units.yaml").write_text("units: []\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "."], check=True)
    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", *env, "-C", str(folder), "commit", "-qm", "init"], check=True)
    stream = _fast_import_stream(commits)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=stream, check=True)
    subprocess.run(["git", "-C", str(folder), "reset", "-q", "--hard", "main"], check=True)
    return folder / "data"


def _median(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = _repo(Path(tmp), args.commits)
        events = read_history(data)
        assert any(e.notice == NOTICE_ID for e in events)
        ours = _median(lambda: read_history(data), args.runs)
        git = _median(
            lambda: subprocess.run(
                ["git", "-C", str(data), "log", "-p", "--no-color"], capture_output=True, check=True
            ),
            args.runs,
        )
    print(f"read_history, {args.commits} commits: {ours:.2f} s")
    print(f"git log -p (baseline):       {git:.2f} s")
    print(f"ratio: {ours / git:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
