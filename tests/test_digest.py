"""What a leader reads of week, due and overdue (issue 14): a duty once, this week first,
then what is late newest first, then the backlog counted per unit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

NOTICE = """\
id: 2024-01-05-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-01-05
tasks:
  - {item: "1", owners: [VP], text: Báo cáo tuần, deadline: trước 14h00 thứ 6 hàng tuần,
     done_occurrences: [2024-01-12]}
  - {item: "2", owners: [VP], text: Trễ hai ngày, deadline: trước ngày 08/03/2024}
  - {item: "3", owners: [BTC], text: Trễ đúng 30 ngày, deadline: trước ngày 10/02/2024}
  - {item: "4", owners: [BTC], text: Trễ 31 ngày, deadline: trước ngày 09/02/2024}
  - {item: "5", owners: [VP], text: Việc cũ, deadline: trước ngày 15/01/2024}
  - {item: "6", owners: [VP], text: Tuần này, deadline: trước ngày 14/03/2024}
"""
TODAY = "2024-03-11"  # a Monday: the week's cut-off is Friday 15/03 14:00


@pytest.fixture
def run(runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]) -> Callable[..., str]:
    write_notice("2024-01-05-giao-ban", NOTICE)

    def invoke(*args: str) -> str:
        result = runner.invoke(app, [*args, "--data", str(data_dir)], env={"GIAOBAN_TODAY": TODAY})
        assert result.exit_code == 0, result.output
        return result.stdout

    return invoke


def test_a_duty_is_one_line_with_its_missed_occurrences(run: Callable[..., str]) -> None:
    out = run("week")
    # due 15/03 this week; 05/01 and 19/01 .. 08/03 missed (12/01 was done): 9 occurrences
    assert out.count("Báo cáo tuần") == 1
    assert "(trễ 9 lần, gần nhất 08/03/2024)" in out and "còn 4 ngày" in out


def test_json_keeps_one_row_per_occurrence_with_the_same_counts(run: Callable[..., str]) -> None:
    rows = [t for t in json.loads(run("week", "--format", "json"))["tasks"] if t["item"] == "1"]
    assert len(rows) == 10  # nine missed, the one done, and this week's
    assert {(t["missed"], t["last_missed"]) for t in rows} == {(9, "2024-03-08")}


def test_rule_backlog_is_late_longer_than_backlog_days(run: Callable[..., str]) -> None:
    """backlog_days (30): late for 30 days is listed, for 31 days it is counted."""
    out = run("overdue")
    late = out[out.index("Quá hạn trong 30 ngày qua") : out.index("Tồn đọng")]
    assert "Trễ đúng 30 ngày" in late and "Trễ 31 ngày" not in late
    backlog = out[out.index("Tồn đọng") :]
    assert "Ban Tổ chức Trung ương Đoàn: 1 việc, lâu nhất từ 09/02/2024" in backlog
    assert "Văn phòng Trung ương Đoàn: 1 việc, lâu nhất từ 15/01/2024" in backlog


def test_late_is_newest_first(run: Callable[..., str]) -> None:
    out = run("overdue", "--all")
    order = [out.index(text) for text in ("Trễ hai ngày", "Trễ đúng 30 ngày", "Việc cũ")]
    assert order == sorted(order) and "Tồn đọng (" not in out  # --all lists the backlog


def test_this_week_comes_first_by_unit(run: Callable[..., str]) -> None:
    out = run("week")
    due = out[: out.index("Quá hạn trong")]
    assert due.index("Đến hạn trong tuần, đến hết ngày 17/03/2024 (Chủ nhật)") < due.index(
        "Tuần này"
    )
    assert "Văn phòng Trung ương Đoàn (2)" in due  # the duty and item 6


@pytest.mark.parametrize(
    ("until", "title"),
    [
        ([], "Đến hạn trong tuần, đến hết ngày 17/03/2024 (Chủ nhật)"),
        (["--until", "2024-03-17"], "Đến hạn trong tuần, đến hết ngày 17/03/2024 (Chủ nhật)"),
        (["--until", "2024-03-14"], "Đến hạn đến hết ngày 14/03/2024 (thứ Năm)"),
        (["--until", "2024-03-14T10:00"], "Đến hạn đến 10h00 thứ Năm 14/03/2024"),
    ],
)
@pytest.mark.parametrize("output", ["table", "md"])
def test_the_due_part_is_titled_by_the_limit_its_rows_obey(
    run: Callable[..., str], until: list[str], title: str, output: str
) -> None:
    """The due part's title says up to when its rows fall due, not the cut-off it goes past
    (qa10b 1); the header still names the cut-off (the week's own, or the one ``--until``
    gives)."""
    out = run("week", *until, "--format", output)
    assert title in out
    header = out.splitlines()[0]
    assert ("hạn chót 14h00 thứ Sáu 15/03/2024" in header) == (not until)


def test_the_backlog_setting_moves_the_boundary(run: Callable[..., str], data_dir: Path) -> None:
    (data_dir / "settings.yaml").write_text("backlog_days: 60\n", encoding="utf-8")
    out = run("overdue")
    assert "Tồn đọng (" not in out and "Quá hạn trong 60 ngày qua" in out


def test_markdown_has_the_same_parts(run: Callable[..., str]) -> None:
    out = run("due", "--days", "7", "--format", "md")
    parts = ["### Đến hạn trong 7 ngày tới", "### Quá hạn trong 30 ngày qua", "### Tồn đọng"]
    assert [out.index(p) for p in parts] == sorted(out.index(p) for p in parts)
    assert out.count("Báo cáo tuần") == 1


def test_a_backlog_of_zero_days_has_titles_that_read_right(
    run: Callable[..., str], data_dir: Path
) -> None:
    """backlog_days 0: only what fell late today is listed; no "trong 0 ngày qua"."""
    (data_dir / "settings.yaml").write_text("backlog_days: 0\n", encoding="utf-8")
    for command in ("overdue", "week"):
        out = run(command)
        assert "Quá hạn hôm nay, mới nhất trước" in out, out
        assert "Tồn đọng (quá hạn từ trước hôm nay; --all để liệt kê)" in out, out
        assert "0 ngày" not in out
