"""Time ``week --format json`` over the bundled notices copied 2,000 times (10,000 files).

    python bench/seed_copies.py              # 2,000 copies, 5 runs
    python bench/seed_copies.py --copies 200 --runs 3

The generated ledgers of ``bench/run.py`` are made of clauses; this one is the
five real seed notices themselves, each copied under a new id, so a report
meets their long texts and recurring duties 2,000 times over. "Now" is the
seeds' own week (``GIAOBAN_TODAY=2022-04-20T09:00``), the quick start's Friday
report, about 22,000 rows. The figures are the median wall time of warm runs
(the index filled by a first run), beside a bare typer program printing a
20-row rich table (``bench/baseline_app.py``), timed in the same run.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the benchmark's own process launcher, beside this file

TODAY = "2022-04-20T09:00"


def prepare(copies: int, work: Path) -> Path:
    """The bundled notices, each copied ``copies`` times under ids ending ``-cNNNN``."""
    folder = work / f"seeds-x{copies}"
    marker = folder / ".bench"
    sources = sorted((run.REPO / "data").glob("*/*.yaml"))
    stamp = f"{copies} " + " ".join(f"{s.name}:{s.stat().st_size}" for s in sources)
    if marker.is_file() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(run.REPO / "data" / "units.yaml", folder / "units.yaml")
    for source in sources:
        text = source.read_text(encoding="utf-8")
        found = re.search(r"^id: (.+)$", text, re.MULTILINE)
        assert found is not None, source
        (folder / source.parent.name).mkdir(exist_ok=True)
        for n in range(copies):
            new = f"{found.group(1)}-c{n:04d}"
            copy = text.replace(f"id: {found.group(1)}\n", f"id: {new}\n", 1)
            (folder / source.parent.name / f"{new}.yaml").write_text(copy, encoding="utf-8")
    marker.write_text(stamp)
    return folder


def median_run(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """Median, fastest and slowest wall time (s) of ``runs`` runs; each must succeed."""
    times = []
    for _ in range(runs):
        elapsed, _, code, message = run.run_once(argv, env)
        if code != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({code}): {message}")
        times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-bench")
    args = parser.parse_args(argv)
    data = prepare(args.copies, args.work)
    run.CODE[0] = run.snapshot(args.work)
    env = run.bench_env(args.work / f"cache-seeds-x{args.copies}")
    env["GIAOBAN_TODAY"] = TODAY
    week = [sys.executable, "-m", "giaoban", "week", "--format", "json", "--data", str(data)]
    run.run_once(week, env)  # fills the index
    ours = median_run(week, env, args.runs)
    bare = median_run([sys.executable, str(run.BENCH / "baseline_app.py")], env, args.runs)
    files = sum(1 for _ in data.glob("*/*.yaml"))
    print(f"{files:,} notice files (the seeds x {args.copies:,}), now = {TODAY}")
    print(f"week --format json, warm: {ours[0]:.2f} s ({ours[1]:.2f}-{ours[2]:.2f})")
    print(f"bare typer program:       {bare[0]:.2f} s ({bare[1]:.2f}-{bare[2]:.2f})")
    print(f"ratio: {ours[0] / bare[0]:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
