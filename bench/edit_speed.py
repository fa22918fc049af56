"""Time one edit of a large notice against a check of it, in the same run.

    python bench/edit_speed.py                 # 2,000 tasks, 3 runs of each command
    python bench/edit_speed.py --tasks 500 --runs 5

A notice of N tasks is written into a fresh git repository in a temporary
folder; then ``giaoban check --no-cache`` (a full read and check of the file:
what an edit must at least do to check its result), ``giaoban note`` and
``giaoban done`` each run as their own process, as a clerk runs them, the
three interleaved so that a load on the machine slows them alike. It prints
the median time of each and the ratios ``note / check`` and ``done / check``,
which stay comparable from one machine to another. Then it runs one ``note``
and one ``done`` inside this process and counts how often ruamel's
pure-Python composer read a whole document (``Composer.compose_document``)
and how often the safe (C) reader of ``giaoban.store.yamlsafe`` read one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NOTICE = "2024-03-01-lon"
ENV = {"NO_COLOR": "1", "GIAOBAN_PAGER": "0", "GIAOBAN_TODAY": "2024-03-20"}


def make_ledger(root: Path, tasks: int) -> Path:
    """A git repository at ``root`` holding one notice of ``tasks`` tasks; its data folder."""
    data = root / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text("units:\n  - name: Văn phòng\n    short: [VP]\n")
    lines = [f"id: {NOTICE}", "kind: thông báo kết luận", "title: Kết luận hội nghị lớn"]
    lines += ["date: 2024-03-01", "tasks:"]
    for i in range(1, tasks + 1):
        lines += [f'  - item: "{i}"', f"    text: Nhiệm vụ số {i}", "    owners: [VP]"]
        lines.append(f"    deadline: trước ngày {i % 27 + 1}/{i % 10 + 3}/2024")
    (data / "2024" / f"{NOTICE}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "ledger"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=_git_env())
    return data


def _git_env() -> dict[str, str]:
    names = {"GIT_AUTHOR_NAME": "bench", "GIT_COMMITTER_NAME": "bench"}
    mails = {"GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    return {**os.environ, **names, **mails}


def timed(root: Path, words: list[str]) -> float:
    """Seconds one ``giaoban WORDS`` process takes in ``root`` (it must succeed)."""
    env = {**_git_env(), **ENV, "GIAOBAN_CACHE_DIR": str(root.parent / "cache")}
    argv = [sys.executable, "-m", "giaoban", *words, "--data", "data"]
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(words)} failed ({done.returncode}):\n{done.stderr}")
    return seconds


def commands(tasks: int, run: int) -> dict[str, list[str]]:
    """The three commands of run ``run``: each edit on a task of its own."""
    return {
        "check": ["check", "--no-cache"],
        "note": ["note", f"{NOTICE}#{tasks // 2 + run}", f"Đã nhắc đơn vị lần {run + 1}"],
        "done": ["done", f"{NOTICE}#{tasks * 3 // 4 + run}"],
    }


@contextmanager
def counting() -> Iterator[Counter[str]]:
    """Count whole-document reads: ruamel's pure composer, and the safe reader."""
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.nodes import MappingNode

    from giaoban.store import yamlsafe

    counts: Counter[str] = Counter()

    def counted(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        return wrapper

    def notices(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            node = function(*args, **kwargs)
            if isinstance(node, MappingNode):  # a notice, not one value read back
                counts["ruamel pure composer"] += 1
            return node

        return wrapper

    compose, document = Composer.compose_document, yamlsafe._Builder.document
    Composer.compose_document = notices(compose)  # type: ignore[method-assign]
    yamlsafe._Builder.document = counted("safe reader (C)", document)  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        Composer.compose_document = compose  # type: ignore[method-assign]
        yamlsafe._Builder.document = document  # type: ignore[method-assign]


def parses(root: Path, tasks: int) -> dict[str, Counter[str]]:
    """How often one ``note`` and one ``done``, run in this process, read a whole document."""
    from typer.testing import CliRunner

    from giaoban.cli.main import app

    os.chdir(root)
    os.environ.update({**ENV, "GIAOBAN_CACHE_DIR": str(root.parent / "cache")})
    result = {}
    for name, words in commands(tasks, 100).items():
        if name == "check":
            continue
        with counting() as counts:
            out = CliRunner().invoke(app, [*words, "--data", "data"])
        if out.exit_code != 0:
            raise SystemExit(f"{name} failed in process: {out.output}")
        result[name] = counts
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=2000, help="tasks in the notice")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="giaoban-edit-speed-") as folder:
        root = Path(folder) / "ledger"
        make_ledger(root, options.tasks)
        timed(root, ["check"])  # fill the cache, as a clerk's earlier command would
        times: dict[str, list[float]] = {"check": [], "note": [], "done": []}
        for run in range(options.runs):
            for name, words in commands(options.tasks, run).items():
                times[name].append(timed(root, words))
        mid = {name: statistics.median(values) for name, values in times.items()}
        print(f"a notice of {options.tasks} tasks, {options.runs} runs each, median (min-max):")
        for name, values in times.items():
            ratio = "" if name == "check" else f"  {mid[name] / mid['check']:.2f}x check"
            print(f"  {name:6} {mid[name]:6.2f} s ({min(values):.2f}-{max(values):.2f}){ratio}")
        for name, counts in parses(root, options.tasks).items():
            shown = ", ".join(f"{what} {n}" for what, n in sorted(counts.items()))
            print(f"  {name}: whole-document reads: {shown}")


if __name__ == "__main__":
    main()
