"""A fast, derandomized sample of the fuzzing harness (``bench/fuzz.py``): broken variants
of real notices through check, week and export, with every guarantee of the harness held."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def _harness():
    spec = importlib.util.spec_from_file_location("giaoban_bench_fuzz", REPO / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _harness()


def test_a_sample_of_broken_notices_holds_every_guarantee() -> None:
    tally = fuzz.run(count=60, seed=20261205)
    assert tally.variants == 60
    assert tally.failures == {}
    assert tally.rejected > 0 and tally.accepted > 0  # the sample exercises both sides


@pytest.mark.parametrize("mutation", sorted(fuzz.MUTATIONS))
def test_each_mutation_changes_the_file(mutation: str) -> None:
    """A mutation that changed nothing would test nothing."""
    seed = sorted(p for p in (REPO / "data").rglob("*.yaml") if p.parent.name.isdigit())[0]
    raw = seed.read_bytes()
    rng = random.Random(3)
    changed = [fuzz.MUTATIONS[mutation](rng, raw) != raw for _ in range(5)]
    assert any(changed)


def test_the_harness_catches_a_dropped_task(tmp_path: Path, monkeypatch) -> None:
    """The harness's own check can fail: a variant whose export loses a task is reported."""
    variant = next(fuzz.variants(1, seed=1))
    tally = fuzz.Tally()
    real = fuzz.reference_tasks
    monkeypatch.setattr(fuzz, "reference_tasks", lambda v: (real(v) or 0) + 1)
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(tmp_path / "cache"))
    plain = fuzz.Variant("plain", variant.seed, variant.seed.read_bytes())
    fuzz.run_variant(plain, tmp_path, fuzz.CliRunner(), tally)
    assert list(tally.failures) == ["dropped"]


@pytest.mark.parametrize(
    ("before", "after", "lost"),
    [
        (b"a\nb\n", b"a\nx\nb\n", []),  # a line added
        (b"a\r\nb\n", b"a\r\nb\r\nc\r\n", [b"b\n"]),  # another line's end changed
        (b"a\nb\n", b"a\nB\n", [b"b\n"]),  # another line changed
        (b"a\nb", b"a\nb\nc\n", []),  # the last line gains the end lines after it need
        (b"a\nb", b"a\nx\nb", []),
    ],
)
def test_the_harness_sees_an_edit_that_changes_other_lines(
    before: bytes, after: bytes, lost: list[bytes]
) -> None:
    assert fuzz._lines_lost(before, after) == lost
