"""A small, seeded sample of the crash harness (bench/crash.py) for CI.

Twelve edits are killed with SIGKILL at random moments in a throw-away git
repository; the harness's targets must all hold: every target file is its old
or its new bytes, no file is invalid, every next command succeeds (at once or
after clearing the leftover it names) and every giaoban commit holds exactly
what its message describes. The full run is ``bench/crash.py --runs 300``.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parent.parent / "bench" / "crash.py"

pytestmark = pytest.mark.skipif(
    os.name != "posix" or not hasattr(signal, "SIGKILL"),
    reason="the crash harness needs POSIX: SIGKILL and process groups",
)


def load_harness() -> ModuleType:
    """bench/ is not a package: load bench/crash.py from its path."""
    spec = importlib.util.spec_from_file_location("giaoban_crash_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_killed_edits_keep_their_guarantees(tmp_path: Path) -> None:
    crash = load_harness()
    settings = crash.Settings(runs=12, seed=20261205, workdir=tmp_path, calibration=2)

    figures = crash.run_harness(settings)

    assert figures.runs == 12
    assert figures.killed + figures.finished == 12
    assert figures.killed >= 1  # the kill delays reach up to 1.5 typical edits
    assert figures.missed_targets() == [], "\n".join(figures.problems)
    assert figures.old_or_new_percent == 100.0
    assert figures.invalid == 0
    assert figures.next_other == 0
    assert figures.undescribed == 0
    assert figures.next_succeeded + figures.next_named == 12
    assert figures.commits_checked >= 1
