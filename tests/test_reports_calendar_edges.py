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
