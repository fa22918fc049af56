"""Golden outputs of the renderers (table without color at 120 columns, JSON, CSV,
Markdown) on the seed data, and the labels and colors they share."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import pytest
from rich.console import Console
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.render import formats
from giaoban.render.reports import report_renderable
from giaoban.reports.row import Row
from giaoban.reports.rows import week_report

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CASES = [
    ("week-2022-04-20", ["week", "--today", "2022-04-20"]),
    ("due-2019-02-20", ["due", "--today", "2019-02-20"]),
    ("overdue-2019-03-07", ["overdue", "--today", "2019-03-07", "--unit", "VP"]),
    ("list-2022", ["list", "--notice", "2022-04", "--today", "2022-04-20", "--status", "open"]),
    ("stats-2019-03", ["stats", "--month", "2019-03", "--today", "2022-04-20"]),
]
SUFFIX = {"table": "txt", "json": "json", "csv": "csv", "md": "md"}


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_golden(
    runner: CliRunner, seed_data: Path, golden, name: str, args: list[str], fmt: str
) -> None:
    result = runner.invoke(app, [*args, "--format", fmt, "--data", str(seed_data)])
    assert result.exit_code == 0, result.output
    golden(f"{name}.{SUFFIX[fmt]}", result.stdout)


@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_golden_at_80_columns(
    runner: CliRunner, seed_data: Path, golden, name: str, args: list[str]
) -> None:
    """At 80 columns the task's text stays readable and no line ends in spaces."""
    result = runner.invoke(app, [*args, "--data", str(seed_data)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 and line == line.rstrip() for line in lines)
    golden(f"{name}.80.txt", result.stdout)


def test_a_long_id_wraps_and_the_text_stays_at_80_columns(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    """An id that is the prefix of another ("-2" after an import) is shown in full: it
    wraps, the task's text keeps its column, and unit names break between words."""
    for suffix in ("", "-2"):
        notice_id = f"2024-03-01-giao-ban-khoi-phong-trao{suffix}"
        write_notice(
            notice_id,
            f"""\
            id: {notice_id}
            kind: thông báo kết luận
            title: Kết luận
            date: 2024-03-01
            tasks:
              - {{item: "6.2", owners: [Ban Tổ chức Trung ương Đoàn],
                 deadline: trước ngày 20/03/2024,
                 text: Hoàn thiện báo cáo sơ kết công tác khối phong trào}}
            """,
        )
    args = ["list", "--data", str(data_dir), "--today", "2024-03-05"]
    out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert sum("Hoàn thiện báo" in line for line in lines) == 2  # the text, on each row
    assert not any(line.rstrip().endswith(("Trun", "Tổ c")) for line in lines)


def test_csv_parses_back_to_the_rows(runner: CliRunner, seed_data: Path) -> None:
    args = ["week", "--today", "2022-04-20", "--data", str(seed_data)]
    payload = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "-f", "csv"]).stdout)))
    grouped = [(g["unit"], t["id"], t["due"]) for g in payload["groups"] for t in g["tasks"]]
    assert [(r["unit"], r["id"], r["due"]) for r in table] == grouped
    assert {r["state"] for r in table} == {"overdue", "due_soon"}


def test_markdown_escapes_pipes_and_joins_lines() -> None:
    lines = formats._md_table(["a", "b"], [["x | y", "one\ntwo"]])
    assert lines[-1] == "| x \\| y | one two |"


def _row(state: str, days: int | None = None, late_by: int | None = None) -> Row:
    from giaoban.model.card import Card
    from giaoban.model.ledger import Task
    from giaoban.model.problems import Source

    task = Task("n", "1", "t", Source("f"), deadline_text="thường xuyên")
    due = datetime(2022, 4, 23, tzinfo=TZ) if days is not None else None
    return Row(Card.of(task), state, "open", due, False, days, late_by)


@pytest.mark.parametrize(
    ("row", "label"),
    [
        (_row("overdue", -5), "quá hạn 5 ngày"),
        (_row("overdue", 0), "quá hạn hôm nay"),
        (_row("due_soon", 0), "hôm nay"),
        (_row("due_soon", 2), "còn 2 ngày"),
        (_row("upcoming", 12), "còn 12 ngày"),
        (_row("done_on_time", -3), "hoàn thành đúng hạn"),
        (_row("done_late", -3, late_by=4), "hoàn thành quá hạn 4 ngày"),
        (_row("ongoing"), "—"),
    ],
)
def test_remaining_label(row: Row, label: str) -> None:
    assert formats.remaining_label(row) == label


def test_due_label_names_the_day() -> None:
    assert formats.due_label(_row("upcoming", 3)) == "22/04/2022"  # due 23/04 00:00
    assert formats.due_label(_row("ongoing")) == "thường xuyên"


def _render(monkeypatch: pytest.MonkeyPatch, no_color: bool, terminal: bool) -> str:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    ledger = open_ledger(Path(__file__).resolve().parent.parent / "data")
    report = week_report(ledger, datetime(2022, 4, 20, tzinfo=TZ), list_all=True)
    system: Literal["standard", "auto"] = "standard" if terminal else "auto"
    out = Console(file=io.StringIO(), force_terminal=terminal, width=120, color_system=system)
    out.print(report_renderable(report, ()))
    return out.file.getvalue()  # type: ignore[attr-defined]


def test_colors_mean_something_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _render(monkeypatch, no_color=False, terminal=True)
    assert "\x1b[1;31mquá hạn 1206 ngày" in text  # red: late
    assert "\x1b[33mcòn 2 ngày" in text  # yellow: within three days
    assert "\x1b[32mcòn 4 ngày" in text  # green: later


@pytest.mark.parametrize(("no_color", "terminal"), [(True, True), (False, False)])
def test_no_color_off_a_terminal_or_with_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: bool, terminal: bool
) -> None:
    text = _render(monkeypatch, no_color=no_color, terminal=terminal)
    assert "quá hạn 1206 ngày" in text and "\x1b[3" not in text


def test_due_soon_is_yellow_only_in_the_last_three_days() -> None:
    from giaoban.render.reports import row_style

    assert row_style(_row("due_soon", days=2)) == "yellow"
    assert row_style(_row("due_soon", days=3)) == "yellow"
    assert row_style(_row("due_soon", days=5)) == "green"
    assert row_style(_row("upcoming", days=12)) == "green"
    assert row_style(_row("overdue", days=-1)) == "bold red"
