"""``giaoban log`` in a shallow clone: a notice already there where the clone's history
begins is told as made before that history, by no one named (qa12b 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3/2024
date: 2024-03-01
tasks:
  - item: "1"
    text: Báo cáo tổng kết quý I
    owners: [VP]
    deadline: trước ngày 15/03/2024
"""


@pytest.fixture
def clone(ledger: Path, tmp_path: Path) -> Path:
    """A depth-1 clone of a ledger where Alice added the notice and Bob later changed only
    the unit registry: the clone's one commit is Bob's."""
    repo = ledger.parent
    (ledger / "2024").mkdir()
    (ledger / "2024" / "2024-03-01-giao-ban.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(repo, "add", ".")
    run_git(repo, "commit", "-qm", "Thêm thông báo", "--author", "Alice <a@x>")
    with (ledger / "units.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# sửa\n")
    run_git(repo, "commit", "-qam", "Danh mục đơn vị", "--author", "Bob <b@x>")
    target = tmp_path / "clone"
    run_git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(target))
    return target / "data"


def test_log_does_not_credit_the_edge_commit(clone: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["log", "2024-03-01-giao-ban", "--data", str(clone)])
    assert result.exit_code == 0, result.output
    assert "Bob" not in result.output and "tạo thông báo" not in result.output
    assert "tạo trước lịch sử có trong bản sao nông" in result.output
    shown = runner.invoke(
        app, ["log", "2024-03-01-giao-ban", "--data", str(clone), "--format", "json"]
    )
    (event,) = json.loads(shown.output)["events"]
    assert event["action"] == "before-history" and event["author"] == ""


def test_task_log_tells_the_same(clone: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["log", "2024-03-01-giao-ban#1", "--data", str(clone)])
    assert "tạo trước lịch sử có trong bản sao nông" in result.output
    assert "Bob" not in result.output


def test_full_clone_still_names_the_creator(ledger: Path, runner: CliRunner) -> None:
    (ledger / "2024").mkdir()
    (ledger / "2024" / "2024-03-01-giao-ban.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "Thêm", "--author", "Alice <a@x>")
    result = runner.invoke(app, ["log", "2024-03-01-giao-ban", "--data", str(ledger)])
    assert "Alice" in result.output and "tạo thông báo" in result.output
