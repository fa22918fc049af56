"""The row standing for each task in ``list``, ``search`` and ``show`` (giaoban.reports.current).

One row per task at "now": a task's own due moment; for a recurring duty its
earliest missed occurrence, else the next one to come, else (done, cancelled
or ended) its last one. Read through the CLI, with and without the index.
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


@pytest.fixture
def ledger(data_dir: Path, write_notice: Callable[..., Path], either_path: str) -> Path:
    write_notice("2024-03-01-giao-ban", NOTICE)
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
        # done on 09/3 with no occurrence recorded: it ends there, 01/3 and 08/3 missed
        "4": ("2024-03-01T14:00:00+07:00", "overdue"),
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


DUTIES = """\
id: 2026-11-20-tb
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-11-20
tasks:
  - item: "6"
    text: Báo cáo tuần, đã báo cáo kỳ 27/11
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2026-11-27]
  - item: "7"
    text: Báo cáo tuần đã thôi từ 01/12
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    until: 2026-12-01
  - item: "8"
    text: Báo cáo tuần, đủ các kỳ
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2026-11-20, 2026-11-27, 2026-12-04, 2026-12-11]
"""
LATER = "2026-12-12"  # Fridays 20/11, 27/11, 04/12 and 11/12 have passed
# by hand: #6 missed 20/11, 04/12, 11/12; #7 missed 20/11 and 27/11 and ended; #8 none
MISSED = {"6": (3, "2026-12-11"), "7": (2, "2026-11-27"), "8": (0, None)}


@pytest.fixture
def duties(data_dir: Path, write_notice: Callable[..., Path], either_path: str) -> Path:
    write_notice("2026-11-20-tb", DUTIES)
    return data_dir


def _out(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(data), "--today", LATER, "--no-pager"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _missed(tasks: list[dict[str, Any]]) -> dict[str, tuple[int, str | None]]:
    """Each task's missed occurrences and the last one, as its (first) row says."""
    found: dict[str, tuple[int, str | None]] = {}
    for t in tasks:
        found.setdefault(t["item"], (t["missed"], t["last_missed"]))
    return found


def test_a_duty_listed_carries_its_missed_occurrences_as_the_dated_reports(
    runner: CliRunner, duties: Path
) -> None:
    """``list``, ``search`` and ``show`` give a duty's row how many of its occurrences were
    missed and the last one, as ``overdue`` does at the same moment (PRODUCT.md: each
    occurrence row carries them)."""
    json_out = ("--format", "json")
    overdue = _missed(json.loads(_out(runner, duties, "overdue", *json_out))["tasks"])
    assert overdue == {k: v for k, v in MISSED.items() if v[0]}
    listed = json.loads(_out(runner, duties, "list", *json_out))["tasks"]
    assert _missed(listed) == MISSED
    assert {t["item"]: t["state"] for t in listed} == {
        "6": "overdue",
        "7": "overdue",
        "8": "due_soon",
    }
    searched = json.loads(_out(runner, duties, "search", "bao cao tuan", *json_out))["tasks"]
    assert _missed(searched) == MISSED
    for item, (count, last) in MISSED.items():
        shown = json.loads(_out(runner, duties, "show", f"2026-11-20#{item}", *json_out))
        assert (shown["task"]["missed"], shown["task"]["last_missed"]) == (count, last)
    notice = json.loads(_out(runner, duties, "show", "2026-11-20", *json_out))["notice"]
    assert _missed(notice["tasks"]) == MISSED


def test_a_duty_listed_shows_its_missed_occurrences_in_every_format(
    runner: CliRunner, duties: Path
) -> None:
    notes = ["trễ 3 lần, gần nhất 11/12/2026", "trễ 2 lần, gần nhất 27/11/2026"]
    table = " ".join(_out(runner, duties, "list").split())  # a note may wrap in its cell
    assert all(f"({note})" in table for note in notes), table
    assert table.count("trễ") == 2
    markdown = _out(runner, duties, "list", "--format", "md")
    assert all(f"; {note} |" in markdown for note in notes), markdown
    lines = csv.DictReader(io.StringIO(_out(runner, duties, "search", "tuan", "--format", "csv")))
    assert {r["item"]: (r["missed"], r["last_missed"]) for r in lines} == {
        "6": ("3", "2026-12-11"),
        "7": ("2", "2026-11-27"),
        "8": ("0", ""),
    }
    shown = " ".join(_out(runner, duties, "show", "2026-11-20#6").split())
    assert f"; {notes[0]}" in shown, shown
    notice = " ".join(_out(runner, duties, "show", "2026-11-20").split())
    assert all(f"({note})" in notice for note in notes), notice


def test_a_duty_listed_is_the_same_through_the_index_and_without_it(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], tmp_path: Path
) -> None:
    write_notice("2026-11-20-tb", DUTIES)
    commands = (
        ["list", "--format", "json"],
        ["search", "tuan", "--format", "csv"],
        ["show", "2026-11-20", "--format", "json"],
        ["list"],
    )
    env = {"GIAOBAN_CACHE_DIR": str(tmp_path / "cache")}

    def outputs(extra: dict[str, str | None]) -> list[str]:
        found = []
        for command in commands:
            result = runner.invoke(
                app,
                [*command, "--data", str(data_dir), "--today", LATER, "--no-pager"],
                env={**env, **extra},
            )
            assert result.exit_code == 0, result.output
            found.append(result.stdout)
        return found

    fresh = outputs({"GIAOBAN_NO_CACHE": "1"})
    assert "trễ 3 lần" in fresh[-1]
    assert outputs({"GIAOBAN_NO_CACHE": None}) == fresh  # fills the cache
    assert list((tmp_path / "cache").rglob("index.sqlite"))
    assert outputs({"GIAOBAN_NO_CACHE": None}) == fresh  # read back from it
