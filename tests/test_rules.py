"""The report rules, each pinned at the boundary it decides (issue 13, "Pin the rules").

Each test names one rule of PRODUCT.md and fails when that rule changes,
wherever it is written. Every test runs the real CLI on a real data folder,
once through the cache and once without it, so a rule changed in one place
only fails here too.
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
title: Kết luận giao ban
date: 2024-03-01
tasks:
{tasks}
"""


@pytest.fixture(params=["cache", "no-cache"])
def report(
    request: pytest.FixtureRequest,
    runner: CliRunner,
    data_dir: Path,
    write_notice: Callable[..., Path],
    tmp_path: Path,
) -> Callable[..., dict[str, Any]]:
    """Write tasks into one notice and run a report command on it as JSON."""
    env = {"GIAOBAN_CACHE_DIR": str(tmp_path / "cache")}
    if request.param == "no-cache":
        env["GIAOBAN_NO_CACHE"] = "1"

    def run(tasks: list[str], command: list[str], today: str) -> dict[str, Any]:
        lines = "\n".join(
            f'  - {{item: "{i + 1}", owners: [VP], {task}}}' for i, task in enumerate(tasks)
        )
        write_notice("2024-03-01-giao-ban", NOTICE.format(tasks=lines))
        args = [*command, "--data", str(data_dir), "--today", today, "--format", "json"]
        for _ in range(2):  # the second run reads what the first one kept
            result = runner.invoke(app, args, env=env)
            assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def states(found: dict[str, Any]) -> dict[str, str]:
    return {t["item"]: t["state"] for t in found["tasks"]}


def test_rule_due_soon_is_due_within_seven_days(report: Callable[..., dict[str, Any]]) -> None:
    """SOON_DAYS: due in 7 calendar days is due soon; in 8 days it is upcoming."""
    tasks = [
        "text: Sáu ngày, deadline: trước ngày 16/03/2024",
        "text: Bảy ngày, deadline: trước ngày 17/03/2024",
        "text: Tám ngày, deadline: trước ngày 18/03/2024",
    ]
    found = report(tasks, ["list"], "2024-03-10")
    assert states(found) == {"1": "due_soon", "2": "due_soon", "3": "upcoming"}


def test_rule_the_due_report_runs_to_the_last_day_of_its_window(
    report: Callable[..., dict[str, Any]],
) -> None:
    """``due --days N``: tasks whose day is at most N days ahead, and every late one."""
    tasks = [
        "text: Trễ, deadline: trước ngày 01/03/2024",
        "text: Bảy ngày, deadline: trước ngày 17/03/2024",
        "text: Tám ngày, deadline: trước ngày 18/03/2024",
    ]
    found = report(tasks, ["due", "--days", "7"], "2024-03-10")
    assert states(found) == {"1": "overdue", "2": "due_soon"}


def test_rule_a_day_is_on_time_until_it_is_over(report: Callable[..., dict[str, Any]]) -> None:
    """ "trước ngày X" is late at 00:00 after X; a clock time is late at that minute."""
    tasks = [
        "text: Cả ngày, deadline: trước ngày 10/03/2024",
        "text: Giờ, deadline: trước 14h00 ngày 10/03/2024",
    ]
    evening = report(tasks, ["list"], "2024-03-10T23:59")
    assert states(evening) == {"1": "due_soon", "2": "overdue"}
    next_day = report(tasks, ["list"], "2024-03-11T00:00")
    assert states(next_day) == {"1": "overdue", "2": "overdue"}
    before_two = report(tasks, ["list"], "2024-03-10T13:59")
    assert states(before_two)["2"] == "due_soon"


def test_rule_a_period_is_due_when_its_last_day_is_over(
    report: Callable[..., dict[str, Any]],
) -> None:
    """ "trong tháng 3/2024": on time through 31/03, late from 01/04 00:00."""
    tasks = ["text: Trong tháng, deadline: trong tháng 3/2024"]
    assert states(report(tasks, ["list"], "2024-03-31T23:59")) == {"1": "due_soon"}
    assert states(report(tasks, ["list"], "2024-04-01T00:00")) == {"1": "overdue"}


def test_rule_done_on_the_due_day_is_on_time_and_the_day_after_is_late(
    report: Callable[..., dict[str, Any]],
) -> None:
    """Done on X for "trước ngày X" is on time; done on X+1 is one day late."""
    tasks = [
        "text: Đúng hạn, deadline: trước ngày 10/03/2024, status: done, done_on: 2024-03-10",
        "text: Trễ một ngày, deadline: trước ngày 10/03/2024, status: done, done_on: 2024-03-11",
    ]
    found = report(tasks, ["list"], "2024-03-20")
    assert states(found) == {"1": "done_on_time", "2": "done_late"}


def test_rule_the_week_lists_what_falls_due_by_the_end_of_its_sunday(
    report: Callable[..., dict[str, Any]],
) -> None:
    """The weekly report lists what falls due by the end of the week's Sunday, whatever
    the form of the deadline (a clock time or a whole day): Friday 16:00 and Saturday
    08:00 are in as a whole Saturday is; due at Monday 00:00 (the end of Sunday) is in,
    a minute later or the whole Monday is not. The cut-off only names the week."""
    tasks = [
        "text: Đúng hạn chót, deadline: trước 14h00 ngày 15/03/2024",
        "text: Sau hạn chót, deadline: trước 16h00 ngày 15/03/2024",
        "text: Sáng thứ Bảy, deadline: trước 08h00 ngày 16/03/2024",
        "text: Hết thứ Bảy, deadline: trước ngày 16/03/2024",
        "text: Hết Chủ nhật, deadline: trước ngày 17/03/2024",
        "text: Hết Chủ nhật giờ, deadline: trước 24h00 ngày 17/03/2024",
        "text: Thứ Hai sau, deadline: trước 00h01 ngày 18/03/2024",
        "text: Tuần sau, deadline: trước ngày 18/03/2024",
    ]
    found = report(tasks, ["week"], "2024-03-11")
    assert sorted(states(found)) == ["1", "2", "3", "4", "5", "6"]
    assert found["week"]["cutoff"] == "2024-03-15T14:00:00+07:00"
    assert found["week"]["due_by"] == "2024-03-18T00:00:00+07:00"


def test_rule_until_a_day_or_a_moment_is_the_limit_of_every_row(
    report: Callable[..., dict[str, Any]],
) -> None:
    """``--until DAY`` lists what falls due by the end of that day, ``--until DAY THH:MM``
    what falls due by that moment: a whole-day deadline of that day ends after it."""
    tasks = [
        "text: Mười giờ, deadline: trước 10h00 ngày 13/03/2024",
        "text: Mười giờ một phút, deadline: trước 10h01 ngày 13/03/2024",
        "text: Hết thứ Tư, deadline: trước ngày 13/03/2024",
        "text: Sáng thứ Năm, deadline: trước 08h00 ngày 14/03/2024",
    ]
    day = report(tasks, ["week", "--until", "2024-03-13"], "2024-03-11")
    assert sorted(states(day)) == ["1", "2", "3"]
    assert day["week"]["due_by"] == "2024-03-14T00:00:00+07:00"
    moment = report(tasks, ["week", "--until", "2024-03-13T10:00"], "2024-03-11")
    assert sorted(states(moment)) == ["1"]
    assert moment["week"]["due_by"] == "2024-03-13T10:00:00+07:00"


def test_rule_after_the_cut_off_the_week_report_is_next_weeks(
    report: Callable[..., dict[str, Any]],
) -> None:
    """At the cut-off minute itself the report moves to the next week."""
    tasks = ["text: Thứ Sáu sau, deadline: trước 14h00 ngày 22/03/2024"]
    assert states(report(tasks, ["week"], "2024-03-15T13:59")) == {}
    assert states(report(tasks, ["week"], "2024-03-15T14:00")) == {"1": "due_soon"}


def test_rule_a_missed_occurrence_of_a_duty_stays_late_until_recorded(
    report: Callable[..., dict[str, Any]],
) -> None:
    """Each occurrence of a duty is due on its own: one recorded done, the other late."""
    tasks = [
        "text: Báo cáo tuần, deadline: trước 14h00 thứ 6 hàng tuần, done_occurrences: [2024-03-01]"
    ]
    found = report(tasks, ["overdue"], "2024-03-11")
    assert [(t["due"], t["state"]) for t in found["tasks"]] == [
        ("2024-03-08T14:00:00+07:00", "overdue")
    ]


def test_rule_a_task_done_or_cancelled_after_now_was_open_then(
    report: Callable[..., dict[str, Any]],
) -> None:
    """A report for a moment before a task was done or cancelled shows it as it stood:
    open, so late, and (its deadline counted from an event with no date) unresolved."""
    tasks = [
        "text: Trễ, deadline: trước ngày 10/03/2024, status: done, done_on: 2024-03-15",
        "text: Chưa tính được, deadline: chậm nhất 45 ngày kể từ ngày bầu cử, status: done,"
        " done_on: 2024-03-15",
        "text: Hủy sau, deadline: chậm nhất 45 ngày kể từ ngày bầu cử, status: cancelled,"
        " cancelled_on: 2024-03-15",
    ]
    before = report(tasks, ["overdue"], "2024-03-14T23:59")
    assert states(before) == {"1": "overdue"}
    assert before["unresolved"] == ["2024-03-01-giao-ban#2", "2024-03-01-giao-ban#3"]
    after = report(tasks, ["overdue"], "2024-03-15T00:00")
    assert states(after) == {} and after["unresolved"] == []
