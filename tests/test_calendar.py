"""``giaoban export --format ics``: deadlines as an iCalendar file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.reports.rows import due_day

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
N2022 = "2022-04-14-giao-ban-khoi-phong-trao"


def export_ics(runner: CliRunner, data: Path, *args: str) -> bytes:
    result = runner.invoke(
        app,
        ["export", "--format", "ics", "--data", str(data), *args],
        env={"GIAOBAN_TODAY": "2022-04-20"},
    )
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_golden_ics(runner: CliRunner, seed_data: Path, golden) -> None:
    golden("seed.ics", export_ics(runner, seed_data))


def test_ics_parses_back_with_the_same_events(runner: CliRunner, seed_data: Path) -> None:
    parsed = events(export_ics(runner, seed_data))
    ledger = open_ledger(seed_data)
    expected = {}
    for task in ledger.tasks():
        d = task.deadline
        if d is not None and (d.due is not None or d.rrule):
            expected[f"{task.id}@giaoban"] = task
    assert set(parsed) == set(expected)
    for uid, task in expected.items():
        event = parsed[uid]
        start = event.decoded("DTSTART")  # type: ignore[attr-defined]
        if task.deadline.rrule:
            assert start == datetime(2022, 4, 15, 14, 0, tzinfo=TZ)
            rule = event["RRULE"]  # type: ignore[index]
            assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["FR"]
            assert rule["BYHOUR"] == [14] and "UNTIL" not in rule
        elif task.deadline.has_time:
            assert start == task.deadline.due
        else:
            # an all-day event on the day the deadline names
            assert start == due_day(task.deadline.due, False)
            assert event.decoded("DTEND") == start + timedelta(days=1)  # type: ignore[attr-defined]
    three = parsed["2019-02-18-giao-ban-khoi-phong-trao#3@giaoban"]
    assert three.decoded("DTSTART") == date(2019, 2, 25)  # type: ignore[attr-defined]
    assert "Thời hạn: trước ngày 25/02/2019" in str(three["DESCRIPTION"])  # type: ignore[index]
    assert str(three["SUMMARY"]).startswith("2019-02-18#3: Nghiên cứu")  # type: ignore[index]


def test_unit_calendar_and_output_file(runner: CliRunner, seed_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "vp.ics"
    export_ics(runner, seed_data, "--unit", "van phong ubqgtn", "-o", str(target))
    cal = Calendar.from_ical(target.read_bytes())
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [
        "2019-02-18-giao-ban-khoi-phong-trao#13@giaoban"
    ]
    assert str(cal["X-WR-CALNAME"]).endswith("Văn phòng Ủy ban Quốc gia về Thanh niên Việt Nam")
    assert not list(tmp_path.glob(".vp.ics.*"))  # no temporary file left


def test_recurring_until_done_and_confidential(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice(
        "2024-03-01-giao-ban",
        """\
        id: 2024-03-01-giao-ban
        kind: thông báo kết luận
        title: Kết luận
        date: 2024-03-01
        confidential: true
        tasks:
          - {item: "1", text: Báo cáo tuần bí mật, owners: [VP],
             deadline: trước 14h00 thứ 6 hàng tuần, until: 2024-03-31, status: open}
          - {item: "2", text: Báo cáo tháng, owners: [VP], deadline: ngày 25 hằng tháng,
             status: done, done_on: 2024-05-02}
          - {item: "3", text: Đã hủy, owners: [VP], deadline: trước ngày 10/3/2024,
             status: cancelled}
          - {item: "4", text: Thường xuyên, owners: [VP], deadline: thường xuyên}
        """,
    )
    parsed = events(export_ics(runner, data_dir))
    assert set(parsed) == {"2024-03-01-giao-ban#1@giaoban", "2024-03-01-giao-ban#2@giaoban"}
    weekly = parsed["2024-03-01-giao-ban#1@giaoban"]
    # the end of 31/03 in Hà Nội, in UTC as RFC 5545 asks
    assert weekly["RRULE"]["UNTIL"] == [datetime(2024, 3, 31, 16, 59, 59, tzinfo=ZoneInfo("UTC"))]  # type: ignore[index]
    assert "(mật)" in str(weekly["SUMMARY"]) and "bí mật" not in str(weekly["DESCRIPTION"])  # type: ignore[index]
    monthly = parsed["2024-03-01-giao-ban#2@giaoban"]
    assert monthly.decoded("DTSTART") == date(2024, 3, 25)  # type: ignore[attr-defined]
    assert monthly["RRULE"]["UNTIL"] == [date(2024, 5, 2)]  # type: ignore[index]
    assert str(monthly["SUMMARY"]).startswith("(Đã xong)")  # type: ignore[index]
    shown = events(export_ics(runner, data_dir, "--show-confidential"))
    assert "bí mật" in str(shown["2024-03-01-giao-ban#1@giaoban"]["SUMMARY"])  # type: ignore[index]


def test_a_duty_by_the_lunar_calendar_keeps_its_calendar(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice(
        "2024-03-01-giao-ban",
        """\
        id: 2024-03-01-giao-ban
        kind: thông báo kết luận
        title: Kết luận
        date: 2024-03-01
        tasks:
          - {item: "1", text: Dâng hương Giỗ Tổ, owners: [VP],
             deadline: ngày 10/3 âm lịch hằng năm, status: open}
        """,
    )
    event = events(export_ics(runner, data_dir))["2024-03-01-giao-ban#1@giaoban"]
    # RFC 7529: the rule names lunar days; its first day is Giỗ Tổ 2024, 18/04
    assert event.decoded("DTSTART") == date(2024, 4, 18)  # type: ignore[attr-defined]
    rule = event["RRULE"]  # type: ignore[index]
    assert (rule["RSCALE"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["CHINESE"], [3], [10])


@pytest.mark.parametrize("args", [["--unit", "VP"], ["-o", "x.json"]])
def test_ics_options_are_refused_for_json(
    runner: CliRunner, seed_data: Path, args: list[str]
) -> None:
    result = runner.invoke(app, ["export", "--data", str(seed_data), *args])
    assert result.exit_code == 2 and "--format ics" in result.output


def test_json_export_is_unchanged_by_default(runner: CliRunner, seed_data: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(seed_data)])
    assert result.exit_code == 0 and result.stdout.startswith('{\n  "notices"')
