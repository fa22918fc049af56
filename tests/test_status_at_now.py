"""A row's ``status`` is its task's status at "now", in every report and format.

docs/reports.md ("Now"): tasks are seen as they stood at that moment, so a
task done or cancelled after a past ``--today`` is open in a report made at
that day. Its state already says so (``giaoban.reports.rules.status_at``);
its ``status`` must say the same wherever a report prints it (JSON, CSV,
``show``), not the status the file holds now. ``export`` has no "now" and
keeps the file's status.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

NOTICE = """\
id: 2026-10-05-st
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-10-05
tasks:
  - item: "1"
    text: Việc xong sau
    owners: [VP]
    deadline: trước ngày 20/10/2026
    status: done
    done_on: 2026-10-20
  - item: "2"
    text: Báo cáo tháng, xong cả việc sau trước lần đầu đến hạn
    owners: [VP]
    deadline: trước ngày 30 hằng tháng
    status: done
    done_on: 2026-10-28
  - item: "6"
    text: Việc hủy sau
    owners: [VP]
    deadline: trước ngày 10/10/2026
    status: cancelled
    cancelled_on: 2026-10-30
"""
BEFORE = "2026-10-19"  # every task still open
AFTER = "2026-11-02"  # done, done and cancelled
ROW_REPORTS = (["week"], ["due", "--days", "30"], ["overdue"], ["list"], ["search", "việc"])


@pytest.fixture
def changed_later(data_dir: Path, write_notice: Callable[..., Path], either_path: str) -> Path:
    """A ledger whose tasks were done or cancelled after ``BEFORE``."""
    write_notice("2026-10-05-st", NOTICE)
    return data_dir


def run(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.stdout


def json_rows(runner: CliRunner, data: Path, today: str, *args: str) -> list[dict[str, Any]]:
    out = run(runner, data, *args, "--today", today, "--format", "json")
    rows: list[dict[str, Any]] = json.loads(out)["tasks"]
    return rows


def csv_rows(runner: CliRunner, data: Path, today: str, *args: str) -> list[dict[str, str]]:
    out = run(runner, data, *args, "--today", today, "--format", "csv")
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize("report", ROW_REPORTS, ids=lambda r: r[0])
def test_a_report_at_a_past_today_gives_each_row_the_status_it_had(
    runner: CliRunner, changed_later: Path, report: list[str]
) -> None:
    for rows in (
        json_rows(runner, changed_later, BEFORE, *report),
        csv_rows(runner, changed_later, BEFORE, *report),
        json_rows(runner, changed_later, BEFORE, *report, "--status", "open"),
    ):
        assert rows, report
        assert {(r["id"], r["status"]) for r in rows} == {(r["id"], "open") for r in rows}, report
        assert all(r["state"] in ("overdue", "due_soon", "upcoming") for r in rows), rows


def test_a_week_report_kept_open_lists_the_task_cancelled_later_as_open(
    runner: CliRunner, changed_later: Path
) -> None:
    """The finding's case: what ``--status open`` keeps says open, each in its state."""
    rows = json_rows(runner, changed_later, BEFORE, "week", "--status", "open")
    found = {(r["id"], r["state"], r["status"]) for r in rows}
    assert ("2026-10-05-st#6", "overdue", "open") in found
    assert ("2026-10-05-st#1", "due_soon", "open") in found
    assert json_rows(runner, changed_later, BEFORE, "week", "--status", "cancelled") == []


def test_a_report_after_the_change_gives_the_status_the_file_holds(
    runner: CliRunner, changed_later: Path
) -> None:
    rows = json_rows(
        runner, changed_later, AFTER, "list", "--status", "done", "--status", "cancelled"
    )
    assert {r["item"]: r["status"] for r in rows} == {"1": "done", "2": "done", "6": "cancelled"}
    csv_found = csv_rows(runner, changed_later, AFTER, "list", "--status", "cancelled")
    assert [(r["id"], r["status"]) for r in csv_found] == [("2026-10-05-st#6", "cancelled")]


@pytest.mark.parametrize("today, status", [(BEFORE, "open"), (AFTER, "done")])
def test_show_gives_the_status_at_now(
    runner: CliRunner, changed_later: Path, today: str, status: str
) -> None:
    shown = ("show", "--today", today, "--format", "json")
    task = json.loads(run(runner, changed_later, *shown, "2026-10-05-st#1"))
    assert task["task"]["status"] == status
    notice = json.loads(run(runner, changed_later, *shown, "2026-10-05-st"))
    statuses = {t["item"]: t["status"] for t in notice["notice"]["tasks"]}
    after = {"1": "done", "2": "done", "6": "cancelled"}
    assert statuses == ({"1": "open", "2": "open", "6": "open"} if status == "open" else after)
    table = run(runner, changed_later, "show", "2026-10-05-st#6", "--today", today, "--no-pager")
    label = "đang thực hiện" if status == "open" else "đã hủy"
    assert [line.split(None, 2)[2] for line in table.splitlines() if "Trạng thái" in line] == [
        label
    ]


def test_export_keeps_the_status_the_file_holds(runner: CliRunner, changed_later: Path) -> None:
    """``export`` has no "now": the status written in the file."""
    out = json.loads(run(runner, changed_later, "export", "--format", "json"))
    (notice,) = out["notices"]
    assert {t["item"]: t["status"] for t in notice["tasks"]} == {
        "1": "done",
        "2": "done",
        "6": "cancelled",
    }
