"""The row standing for each task in ``list``, ``search`` and ``show`` (giaoban.reports.current).

One row per task at "now": a task's own due moment; for a recurring duty its
earliest missed occurrence, else the next one to come, else (done, cancelled
or ended) its last one. Read through the CLI, with and without the index.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3/2024
date: 2024-03-01
tasks:
  - item: "1"
    text: Báo cáo tiến độ trước 14h00 thứ 6 hàng tuần, đã làm đủ đến 15/3
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2024-03-01, 2024-03-08, 2024-03-15]
  - item: "2"
    text: Báo cáo tiến độ trước 14h00 thứ 6 hàng tuần, bỏ lỡ 08/3 và 15/3
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2024-03-01]
  - item: "3"
    text: Báo cáo tuần đã thôi từ 10/3
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    until: 2024-03-10
    done_occurrences: [2024-03-01, 2024-03-08]
  - item: "4"
    text: Báo cáo tuần, nhiệm vụ đã xong ngày 09/3
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    status: done
    done_on: 2024-03-09
  - item: "5"
    text: Nộp kế hoạch
    owners: [BTC]
    deadline: trước ngày 29/4/2024
  - item: "6"
    text: Theo dõi thường xuyên
    owners: [BTC]
    deadline: thường xuyên
  - item: "8"
    text: Báo cáo năm, đã làm đủ đến năm 2040
    owners: [BTC]
    deadline: trước ngày 15/01 hằng năm
    done_occurrences: [{yearly}]
  - item: "7"
    text: Việc đã hủy
    owners: [BTC]
    deadline: trước ngày 10/3/2024
    status: cancelled
    cancelled_on: 2024-03-05
""".replace("{yearly}", ", ".join(f"{y}-01-15" for y in range(2025, 2041)))
NOW = "2024-03-20T09:00"  # a Wednesday: Fridays 01/3, 08/3 and 15/3 have passed


def listed(runner: CliRunner, data: Path, *args: str) -> dict[str, tuple[str | None, str]]:
    result = runner.invoke(app, [*args, "--data", str(data), "--today", NOW, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.stdout)
    return {t["item"]: (t["due"], t["state"]) for t in payload["tasks"]}


@pytest.fixture(params=["index", "no-cache"])
def ledger(
    request: pytest.FixtureRequest,
    data_dir: Path,
    write_notice: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    write_notice("2024-03-01-giao-ban", NOTICE)
    if request.param == "no-cache":
        monkeypatch.setenv("GIAOBAN_NO_CACHE", "1")
    return data_dir


def test_each_task_stands_for_itself_by_the_rule(runner: CliRunner, ledger: Path) -> None:
    rows = listed(runner, ledger, "list")
    assert rows == {
        # every occurrence so far done: the next one to come
        "1": ("2024-03-22T14:00:00+07:00", "due_soon"),
        # two missed: the earliest of them
        "2": ("2024-03-08T14:00:00+07:00", "overdue"),
        # ended on 10/3 with all done: its last occurrence
        "3": ("2024-03-08T14:00:00+07:00", "done_on_time"),
        # done on 09/3: the duty ends there, its last occurrence before that day
        "4": ("2024-03-08T14:00:00+07:00", "done_on_time"),
        "5": ("2024-04-30T00:00:00+07:00", "upcoming"),
        "6": (None, "ongoing"),
        "8": ("2025-01-16T00:00:00+07:00", "upcoming"),  # "before 15/01": due at 16/01 00:00
        # cancelled: listed only when --status asks for it
    }
    cancelled = listed(runner, ledger, "list", "--status", "cancelled")
    assert cancelled == {"7": ("2024-03-11T00:00:00+07:00", "cancelled")}


def test_search_and_show_give_the_same_row_as_list(runner: CliRunner, ledger: Path) -> None:
    rows = listed(runner, ledger, "list")
    assert listed(runner, ledger, "search", "bỏ lỡ") == {"2": rows["2"]}
    shown = runner.invoke(
        app, ["show", "2024-03-01#2", "--data", str(ledger), "--today", NOW, "--format", "json"]
    )
    assert shown.exit_code == 0, shown.output
    task = json.loads(shown.stdout)["task"]
    assert (task["due"], task["state"]) == rows["2"]


def test_a_duty_asked_about_past_the_years_the_index_lists(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """The index lists a duty's occurrences ten years ahead; asked later, the next one to
    come is still found."""
    write_notice("2024-03-01-giao-ban", NOTICE)
    result = runner.invoke(
        app, ["list", "--data", str(data_dir), "--today", "2041-01-02T09:00", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = {t["item"]: (t["due"], t["state"]) for t in json.loads(result.stdout)["tasks"]}
    assert rows["2"] == ("2024-03-08T14:00:00+07:00", "overdue")
    assert rows["1"] == ("2024-03-22T14:00:00+07:00", "overdue")  # missed since 22/3/2024
    # every year to 2040 done: the next to come, past the ten years listed from 2024
    assert rows["8"] == ("2041-01-16T00:00:00+07:00", "upcoming")
