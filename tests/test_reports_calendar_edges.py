"""Reports at the calendar's edges (qa12a findings 1-3), through the real CLI.

- a duty marked done (``status: done``, ``done_on``) ends on that day, and each of its
  occurrences is done only when ``done_occurrences`` lists it: the others stay missed;
- "trước 24h00 ngày X" is the end of X and names X, as "trước ngày X" does;
- ``--from``, ``--to`` and ``--status`` pick rows: a duty's ``missed`` and
  ``last_missed`` are the same in every report.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

DONE_DUTY = """\
id: 2026-10-05-b
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-10-05
tasks:
  - item: "1"
    text: Báo cáo tuần, đánh dấu xong ngày 25/11 mà chưa ghi lần nào
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    status: done
    done_on: 2026-11-25
  - item: "2"
    text: Báo cáo tuần, ghi hai lần rồi đánh dấu xong ngày 20/11
    owners: [BTC]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2026-11-13, 2026-11-20]
    status: done
    done_on: 2026-11-20
"""


def run(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(runner: CliRunner, data: Path, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(run(runner, data, *args, "--format", "json"))
    return found


# --- 1. a duty marked done ----------------------------------------------------------------


def test_a_duty_marked_done_keeps_the_occurrences_it_missed(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], either_path: str
) -> None:
    """Marking a duty done ends it on that day; its Fridays before are done only when
    ``done_occurrences`` lists them, the others stay late (trễ 7 lần), in every report."""
    write_notice("2026-10-05-b", DONE_DUTY)
    today = ["--today", "2026-12-07"]
    stats = as_json(runner, data_dir, "stats", "--from", "2026-10-01", "--to", "2026-11-30", *today)
    units = {u["unit"]: u for u in stats["units"]}
    office, board = units["Văn phòng Trung ương Đoàn"], units["Ban Tổ chức Trung ương Đoàn"]
    # 09/10 .. 20/11: seven Fridays, none recorded, none after 25/11
    assert (office["done_on_time"], office["open_overdue"], office["total"]) == (0, 7, 7)
    # 09/10 .. 06/11 missed, 13/11 and 20/11 recorded; 27/11 is after the day it was done
    assert (board["done_on_time"], board["open_overdue"], board["total"]) == (2, 5, 7)

    listed = {t["item"]: t for t in as_json(runner, data_dir, "list", *today)["tasks"]}
    assert (listed["1"]["state"], listed["1"]["status"]) == ("overdue", "done")
    assert (listed["1"]["missed"], listed["1"]["last_missed"]) == (7, "2026-11-20")
    assert (listed["2"]["missed"], listed["2"]["last_missed"]) == (5, "2026-11-06")

    shown = run(runner, data_dir, "show", "2026-10-05-b#1", *today)
    assert "Tình trạng: quá hạn, hạn 09/10/2026 14:00" in shown
    assert "trễ 7 lần, gần nhất 20/11/2026" in shown

    overdue = as_json(runner, data_dir, "overdue", *today)
    rows = [(t["item"], t["due"][:10]) for t in overdue["tasks"]]
    assert len([r for r in rows if r[0] == "1"]) == 7
    assert ("1", "2026-11-27") not in rows and ("2", "2026-11-13") not in rows
    assert {(t["missed"], t["last_missed"]) for t in overdue["tasks"] if t["item"] == "1"} == {
        (7, "2026-11-20")
    }
    table = run(runner, data_dir, "overdue", *today)
    assert "(trễ 7 lần, gần nhất 20/11/2026)" in table
    # the week's report lists them late too, though their task is done before its Monday
    week = as_json(runner, data_dir, "week", *today)
    assert {(t["item"], t["state"]) for t in week["tasks"]} == {("1", "overdue"), ("2", "overdue")}
    # the day before it was marked done, the duty still ran: 27/11 was to come
    before = as_json(runner, data_dir, "list", "--today", "2026-11-24")
    assert {t["item"]: t["status"] for t in before["tasks"]} == {"1": "open", "2": "done"}


def test_giaoban_done_on_a_duty_records_its_occurrence(
    runner: CliRunner, ledger: Path, git_repo: Path
) -> None:
    """The clerk's way: ``giaoban done`` on a duty lists the occurrence in
    ``done_occurrences`` (the task stays open), and that occurrence is done on time."""
    (ledger / "2026").mkdir()
    (ledger / "2026" / "2026-11-20-a.yaml").write_text(
        "id: 2026-11-20-a\nkind: thông báo kết luận\ntitle: Giao ban\ndate: 2026-11-20\n"
        'tasks:\n  - item: "6"\n    text: Báo cáo tuần\n    owners: [VP]\n'
        "    deadline: trước 14h00 thứ 6 hàng tuần\n",
        encoding="utf-8",
    )
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Thông báo")
    run(runner, ledger, "done", "2026-11-20-a#6", "--today", "2026-11-20T10:00")
    text = (ledger / "2026" / "2026-11-20-a.yaml").read_text(encoding="utf-8")
    assert "done_occurrences:\n      - 2026-11-20" in text and "status: done" not in text
    stats = as_json(runner, ledger, "stats", "--month", "2026-11", "--today", "2026-12-07")
    assert (stats["total"]["done_on_time"], stats["total"]["open_overdue"]) == (1, 1)


# --- 2. "24 giờ ngày X" ----------------------------------------------------------------------

MIDNIGHT = """\
id: 2026-11-01-e
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-11-01
tasks:
  - {item: "1", text: Hạn 24h00, owners: [VP], deadline: trước 24h00 ngày 30/11/2026}
  - {item: "2", text: Hạn trước ngày, owners: [VP], deadline: trước ngày 30/11/2026}
  - {item: "3", text: Hạn 24g00, owners: [VP], deadline: chậm nhất 24g00 ngày 30/11/2026}
  - {item: "4", text: Hạn 24 giờ, owners: [VP], deadline: trước 24 giờ ngày 30/11/2026}
  - {item: "5", text: Hạn 24h, owners: [VP], deadline: 24h ngày 30/11/2026}
  - {item: "6", text: Hạn Chủ nhật, owners: [BTC], deadline: trước 24h00 ngày 13/12/2026}
  - {item: "7", text: Hạn Chủ nhật tuần sau, owners: [BTC], deadline: trước 24h00 ngày 20/12/2026}
  - {item: "8", text: Báo cáo tuần, owners: [BTC], deadline: trước 24 giờ Chủ nhật hàng tuần}
"""


def test_twenty_four_hours_names_its_own_day(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], either_path: str
) -> None:
    """ "trước 24h00 ngày 30/11" is due when 30/11 ends, as "trước ngày 30/11" is: shown
    on 30/11, as late, and counted in November; on a Sunday, in that Sunday's week."""
    write_notice("2026-11-01-e", MIDNIGHT)
    overdue = as_json(runner, data_dir, "overdue", "--today", "2026-12-07")
    rows = {t["item"]: t for t in overdue["tasks"] if t["item"] in "12345"}
    assert {(t["due"], t["due_display"], t["remaining"]) for t in rows.values()} == {
        ("2026-12-01T00:00:00+07:00", "30/11/2026", "quá hạn 7 ngày")
    }
    assert len(rows) == 5
    stats = as_json(runner, data_dir, "stats", "--month", "2026-11", "--today", "2026-12-07")
    assert stats["total"]["total"] == 5 + 5  # and the duty's five Sundays of November
    december = as_json(runner, data_dir, "stats", "--month", "2026-12", "--today", "2026-12-07")
    assert december["total"]["total"] == 2 + 4  # items 6 and 7, and the duty's four Sundays
    # week 50 (07/12-13/12): the Sunday's task is its own, not the next week's
    week = as_json(runner, data_dir, "week", "--today", "2026-12-07")
    listed = {t["item"]: t["due_display"] for t in week["tasks"] if t["state"] != "overdue"}
    assert listed == {"6": "13/12/2026", "8": "13/12/2026"}
    shown = run(runner, data_dir, "show", "2026-11-01-e#8", "--today", "2026-12-07")
    assert "hết ngày 13/12/2026 (Chủ nhật)" in shown
    listed_days = as_json(runner, data_dir, "list", "--from", "2026-11-30", "--to", "2026-11-30")
    assert sorted(t["item"] for t in listed_days["tasks"]) == ["1", "2", "3", "4", "5"]


# --- 3. filters and a duty's missed count ----------------------------------------------------

WEEKLY = """\
id: 2026-11-20-a
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-11-20
tasks:
  - {item: "6", text: Báo cáo tuần, owners: [VP], deadline: trước 14h00 thứ 6 hàng tuần}
"""


def test_filters_pick_rows_not_a_duty_s_missed_count(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], either_path: str
) -> None:
    """Missed on 20/11, 27/11 and 04/12: "trễ 3 lần, gần nhất 04/12/2026" whatever
    ``--from``, ``--to`` or ``--status`` keeps of the rows."""
    write_notice("2026-11-20-a", WEEKLY)
    today = ["--today", "2026-12-07"]
    for picked in (
        [],
        ["--from", "2026-12-01"],
        ["--to", "2026-11-30"],
        ["--from", "2026-11-25", "--to", "2026-11-30"],
    ):
        for report in ("overdue", "due", "week"):
            found = as_json(runner, data_dir, report, *today, *picked)
            assert found["tasks"], (report, picked)
            counts = {(t["missed"], t["last_missed"]) for t in found["tasks"]}
            assert counts == {(3, "2026-12-04")}, (report, picked)
        table = run(runner, data_dir, "overdue", *today, *picked)
        assert "(trễ 3 lần, gần nhất 04/12/2026)" in table, picked
    coming = as_json(runner, data_dir, "due", *today, "--status", "due_soon")
    assert [(t["due"][:10], t["missed"], t["last_missed"]) for t in coming["tasks"]] == [
        ("2026-12-11", 3, "2026-12-04")
    ]
    shown = as_json(runner, data_dir, "show", "2026-11-20-a#6", *today)["task"]
    assert (shown["missed"], shown["last_missed"]) == (3, "2026-12-04")
