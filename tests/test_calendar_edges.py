"""Dates at the ends of the calendar (years 1 and 9999), as a hostile or mistyped file
may hold them: every command still runs, and what cannot be counted is a located error,
never a traceback."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.render.ics import build_calendar
from giaoban.store.loader import load_ledger

NOTICE = Path("2019") / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
TASK_2 = "      - Các ban, đơn vị khối phong trào\n    deadline: trong Quý I/2019\n    status: open"
COMMANDS = [
    ["week", "--today", "2019-03-01"],
    ["due", "--today", "2019-03-01"],
    ["overdue", "--today", "2030-01-01"],
    ["stats", "--today", "2019-03-01"],
    ["list", "--today", "2019-03-01"],
    ["search", "báo cáo", "--today", "2019-03-01"],
    ["show", "2019-02-18#2", "--today", "2019-03-01"],
    ["export"],
    ["export", "--format", "ics"],
]


def _edit(data: Path, old: str, new: str) -> None:
    path = data / NOTICE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _task_2(data: Path, lines: str) -> None:
    _edit(data, TASK_2, "      - Các ban, đơn vị khối phong trào\n" + lines)


def _run(runner: CliRunner, data: Path, args: list[str]):
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
    )
    return result


def _every_command_runs(runner: CliRunner, data: Path) -> None:
    for args in COMMANDS:
        result = _run(runner, data, args)
        assert result.exit_code == 0, (args, result.output)


def test_a_notice_dated_9999_12_31(runner: CliRunner, seed_data: Path) -> None:
    """Its duties are listed up to the calendar's end, not ten years past it."""
    _edit(seed_data, "date: 2019-02-18  # issue", "date: 9999-12-31  # issue")
    assert _run(runner, seed_data, ["check"]).exit_code == 0
    _every_command_runs(runner, seed_data)


def test_occurrences_recorded_on_the_calendars_first_and_last_days(
    runner: CliRunner, seed_data: Path
) -> None:
    """Days that name no occurrence are located errors of ``check``, which every command
    names (none lists that far); the calendar of the file as read leaves them out of its
    EXDATE, and keeps the one that does name an occurrence."""
    _task_2(
        seed_data,
        "    deadline: thứ 6 hàng tuần\n"
        "    done_occurrences: [9999-12-31, 0001-01-01, 2019-02-22]\n"
        "    status: open",
    )
    checked = _run(runner, seed_data, ["check"]).output
    assert f"{NOTICE.name}:59:24: error: ngày 31/12/9999 quá xa" in checked
    assert f"{NOTICE.name}:59:36: error: ngày 01/01/" in checked
    assert "không phải một lần của nhiệm vụ định kỳ (các lần gần nhất: 22/02/2019)" in checked
    for args in COMMANDS:
        result = _run(runner, seed_data, args)
        assert result.exit_code == 1 and "[bad-occurrence]" in result.output, args
    ledger = load_ledger(seed_data, use_cache=False).ledger
    ics = build_calendar(ledger, datetime(2019, 3, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    assert b"EXDATE;VALUE=DATE:20190222" in ics.replace(b"\r\n ", b"")


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:00-12:00", "0001-01-02T05:00:00"]
)
def test_a_moment_at_the_calendars_edge_is_a_located_error(
    runner: CliRunner, seed_data: Path, moment: str
) -> None:
    _task_2(seed_data, f"    deadline: trong Quý I/2019\n    status: done\n    done_on: {moment}")
    result = _run(runner, seed_data, ["check"])
    assert result.exit_code == 1
    assert f"{NOTICE.name}:60:14: error: ngày giờ '{moment}' sát giới hạn của lịch" in result.output
    _run(runner, seed_data, ["week", "--today", "2019-03-01"])


def test_a_pin_on_the_calendars_last_day_is_an_error(runner: CliRunner, seed_data: Path) -> None:
    """The whole day 9999-12-31 ends past the calendar: no due moment can stand for it."""
    _task_2(seed_data, "    deadline: trong Quý I/2019\n    due: 9999-12-31\n    status: open")
    result = _run(runner, seed_data, ["check"])
    assert result.exit_code == 1
    assert "hạn ghim 9999-12-31: ngày cuối của lịch" in result.output
    _run(runner, seed_data, ["week", "--today", "2019-03-01"])


def test_a_notice_dated_in_the_year_1_with_a_weekly_duty(
    runner: CliRunner, seed_data: Path
) -> None:
    """The duty's rule starts in the year 1: written "00010105", not "10105"."""
    path = seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndate: 2022-04-14", "\ndate: 0001-01-01", 1), encoding="utf-8")
    assert _run(runner, seed_data, ["check"]).exit_code == 0
    _every_command_runs(runner, seed_data)
    result = runner.invoke(app, ["deadline", "thứ 6 hàng tuần", "--today", "0001-01-01", "--json"])
    assert "DTSTART;VALUE=DATE:00010105" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["week", "--until", "31/12/9999"],
        ["stats", "--today", "9999-12-31T23:59"],
        ["due", "--today", "9999-12-30"],
        ["week", "--format", "json", "--today", "9999-12-25"],
        ["list", "--today", "9999-12-31"],
        ["overdue", "--today", "9999-12-31"],
        ["due", "--days", "10000000"],
        ["stats", "--month", "0001-01"],
        ["stats", "--month", "03/0001"],
        ["stats", "--month", "0000-01"],
    ],
)
def test_options_at_the_calendars_end_are_a_message(
    runner: CliRunner, seed_data: Path, args: list[str]
) -> None:
    """A report asked about near 9999 or the year 1 (stats charts the months before its
    own), or for more days than the calendar has left, either runs or says why it cannot
    (a usage error for --days, or a year that does not exist), never with a traceback."""
    result = _run(runner, seed_data, args)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 1:
        assert "vượt quá năm 9999" in result.output
    if args[1] == "--days":
        assert result.exit_code == 2 and "36600" in result.output
