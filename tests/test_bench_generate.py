"""The benchmark's ledger generator writes valid, varied, reproducible notices."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import generate  # noqa: E402 - bench/ is not a package

VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def test_generated_ledger_passes_check(runner: CliRunner, tmp_path: Path) -> None:
    files = generate.generate(40, tmp_path / "data", seed=7)
    assert len(files) == 40
    result = runner.invoke(app, ["check", "--format", "json", str(tmp_path / "data")])
    assert result.exit_code == 0, result.stdout
    problems = json.loads(result.stdout)["problems"]
    # "cùng với báo cáo tổng kết năm học" names an event no generated notice dates: said, no more
    assert {p["code"] for p in problems} <= {"undated-event"}


def test_generated_ledger_is_realistic(runner: CliRunner, tmp_path: Path) -> None:
    generate.generate(60, tmp_path / "data", seed=3)
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(tmp_path / "data")])
    notices = json.loads(result.stdout)["notices"]
    tasks = [t for n in notices for t in n["tasks"]]
    kinds = Counter(t["deadline_kind"] for t in tasks)
    statuses = Counter(t["status"] for t in tasks)
    assert set(kinds) == {"date", "period", "recurring", "relative", "none"}
    assert 0.05 < statuses["done"] / len(tasks) < 0.2 and statuses["cancelled"] > 0
    assert 6 <= len(tasks) / len(notices) <= 14
    assert any(n["confidential"] for n in notices) or len(notices) < 40
    assert any(t.get("done_occurrences") for t in tasks)
    assert all(VIETNAMESE & set(t["text"].lower()) for t in tasks)


def test_same_seed_same_files(tmp_path: Path) -> None:
    first = generate.generate(5, tmp_path / "a", seed=11)
    second = generate.generate(5, tmp_path / "b", seed=11)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_large_tables_are_cut_to_the_limit(runner: CliRunner, tmp_path: Path) -> None:
    """A big ledger's week table shows --limit rows; the rest are counted per unit."""
    generate.generate(40, tmp_path / "data", seed=5)
    args = ["week", "--data", str(tmp_path / "data"), "--today", "2025-06-13T09:00"]
    full = runner.invoke(app, [*args, "--limit", "0"])
    cut = runner.invoke(app, [*args, "--limit", "7"])
    assert full.exit_code == cut.exit_code == 0
    assert "… và" not in full.stdout and "--limit 0" not in full.stdout
    unresolved = runner.invoke(app, [*args, "--format", "json"])
    named = min(5, len(json.loads(unresolved.stdout)["unresolved"]))  # the line naming them
    assert cut.stdout.count("#") == 7 + named  # one task id per row shown
    assert "… và" in cut.stdout and "Bảng chỉ hiện 7 dòng đầu" in cut.stdout
    lines = full.stdout.splitlines()
    headings = [line for line in lines if line.endswith(")") and not line.startswith(" ")]
    assert headings and all(h in cut.stdout for h in headings)  # every unit still counted
