"""``giaoban export --format ics``: deadlines as an iCalendar file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrule, rruleset, rrulestr
from icalendar import Calendar, Component, vRecur
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.deadline import Deadline
from giaoban.deadline.describe import due_day
from giaoban.render.ics import build_calendar
from giaoban.store.loader import load_ledger

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


def events(data: bytes) -> dict[str, Component]:
    cal = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def recurrence(event: Component) -> vRecur:
    """The one recurrence rule (RRULE) of ``event``."""
    rule = event["RRULE"]
    assert isinstance(rule, vRecur), rule
    return rule


def unfolded(data: bytes) -> bytes:
    """The file with its long lines unfolded (RFC 5545 3.1): icalendar versions fold
    at different places (6.1 even inside an escape such as ``\\n``), to the same content."""
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")


def test_golden_ics(runner: CliRunner, seed_data: Path, golden) -> None:
    data = export_ics(runner, seed_data)
    assert max(len(line) for line in data.split(b"\r\n")) <= 75  # octets, folded
    golden("seed.ics", unfolded(data))


def test_ics_parses_back_with_the_same_events(runner: CliRunner, seed_data: Path) -> None:
    parsed = events(export_ics(runner, seed_data))
    ledger = open_ledger(seed_data)
    expected: dict[str, Deadline] = {}
    for task in ledger.tasks():
        d = task.deadline
        if isinstance(d, Deadline) and (d.due is not None or d.rrule):
            expected[f"{task.id}@giaoban"] = d
    assert set(parsed) == set(expected)
    for uid, deadline in expected.items():
        event = parsed[uid]
        start = event.decoded("DTSTART")
        if deadline.rrule:
            assert start == datetime(2022, 4, 15, 14, 0, tzinfo=TZ)
            rule = recurrence(event)
            assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["FR"]
            assert rule["BYHOUR"] == [14] and "UNTIL" not in rule
        elif deadline.has_time:
            assert start == deadline.due
            assert event.decoded("DTEND") == start + timedelta(minutes=30)
        else:
            # an all-day event on the day the deadline names
            assert deadline.due is not None
            assert start == due_day(deadline.due, False)
            assert event.decoded("DTEND") == start + timedelta(days=1)
    three = parsed["2019-02-18-giao-ban-khoi-phong-trao#3@giaoban"]
    assert three.decoded("DTSTART") == date(2019, 2, 25)
    assert "Thời hạn: trước ngày 25/02/2019" in str(three["DESCRIPTION"])
    assert str(three["SUMMARY"]).startswith("2019-02-18#3: Nghiên cứu")


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
    assert recurrence(weekly)["UNTIL"] == [
        datetime(2024, 3, 31, 16, 59, 59, tzinfo=ZoneInfo("UTC"))
    ]
    assert "(mật)" in str(weekly["SUMMARY"]) and "bí mật" not in str(weekly["DESCRIPTION"])
    monthly = parsed["2024-03-01-giao-ban#2@giaoban"]
    assert monthly.decoded("DTSTART") == date(2024, 3, 25)
    assert recurrence(monthly)["UNTIL"] == [date(2024, 5, 2)]
    assert str(monthly["SUMMARY"]).startswith("(Đã xong)")
    shown = events(export_ics(runner, data_dir, "--show-confidential"))
    assert "bí mật" in str(shown["2024-03-01-giao-ban#1@giaoban"]["SUMMARY"])


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
    assert event.decoded("DTSTART") == date(2024, 4, 18)
    rule = recurrence(event)
    assert (rule["RSCALE"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["CHINESE"], [3], [10])


DUTIES = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận
date: 2024-03-01
tasks:
  - {item: "1", text: Báo cáo tuần, owners: [VP], deadline: trước 14h00 thứ 6 hàng tuần,
     until: 2024-04-30, done_occurrences: [2024-03-08, 2024-03-22], status: open}
  - {item: "2", text: Báo cáo tháng, owners: [VP], deadline: ngày 25 hằng tháng,
     done_occurrences: [2024-03-25, 2024-05-25], status: open}
  - {item: "3", text: Họp chuẩn bị, owners: [BTC], deadline: trước 9h00 ngày 15/3/2024}
  - {item: "4", text: Nộp báo cáo, owners: [BTC], deadline: trước ngày 20/3/2024}
"""


def exdates(event: Component) -> list[date | datetime]:
    """The days or moments every EXDATE property of ``event`` lists."""
    found = event.get("EXDATE", [])
    return [d.dt for prop in (found if isinstance(found, list) else [found]) for d in prop.dts]


def series(event: Component, lo: datetime, hi: datetime) -> list[datetime]:
    """The starts of a recurring event in [lo, hi], read with dateutil: RRULE minus EXDATE."""
    start = event.decoded("DTSTART")
    if not isinstance(start, datetime):  # whole days: dateutil counts in naive moments
        start, lo, hi = (datetime.combine(d, time(0)) for d in (start, lo.date(), hi.date()))
    rules = rruleset()
    rule = rrulestr(recurrence(event).to_ical().decode(), dtstart=start)
    assert isinstance(rule, rrule), rule  # one RRULE: a rule, not a set
    rules.rrule(rule)
    for day in exdates(event):
        rules.exdate(day if isinstance(day, datetime) else datetime.combine(day, time(0)))
    return rules.between(lo, hi, inc=True)


def test_ics_file_ends_timed_events_and_leaves_out_done_occurrences(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], tmp_path: Path
) -> None:
    write_notice("2024-03-01-giao-ban", DUTIES)
    target = tmp_path / "lich.ics"
    export_ics(runner, data_dir, "-o", str(target))
    raw = target.read_bytes()
    cal = Calendar.from_ical(raw)
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    parsed = {str(e["UID"]).split("#")[1]: e for e in cal.walk("VEVENT")}
    assert sorted(parsed) == ["1@giaoban", "2@giaoban", "3@giaoban", "4@giaoban"]
    for event in parsed.values():  # every timed event ends after it starts
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            assert event.decoded("DTEND") > start
    meeting = parsed["3@giaoban"]
    assert meeting.decoded("DTSTART") == datetime(2024, 3, 15, 9, 0, tzinfo=TZ)
    assert meeting.decoded("DTEND") == datetime(2024, 3, 15, 9, 30, tzinfo=TZ)
    assert parsed["4@giaoban"].decoded("DTEND") == date(2024, 3, 21)  # all day: to the next

    # the weekly duty: EXDATE in the zone and value type of its DTSTART; UNTIL kept
    weekly = parsed["1@giaoban"]
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20240301T140000" in raw
    assert b"EXDATE;TZID=Asia/Ho_Chi_Minh:20240308T140000,20240322T140000" in raw
    assert exdates(weekly) == [
        datetime(2024, 3, 8, 14, tzinfo=TZ),
        datetime(2024, 3, 22, 14, tzinfo=TZ),
    ]
    assert recurrence(weekly)["UNTIL"] == [
        datetime(2024, 4, 30, 16, 59, 59, tzinfo=ZoneInfo("UTC"))
    ]
    fridays = [
        d.date()
        for d in series(weekly, datetime(2024, 3, 1, tzinfo=TZ), datetime(2024, 6, 1, tzinfo=TZ))
    ]
    assert date(2024, 3, 8) not in fridays and date(2024, 3, 22) not in fridays
    assert fridays[:3] == [date(2024, 3, 1), date(2024, 3, 15), date(2024, 3, 29)]
    assert fridays[-1] == date(2024, 4, 26)

    # the monthly duty names whole days: EXDATE;VALUE=DATE
    monthly = parsed["2@giaoban"]
    assert b"EXDATE;VALUE=DATE:20240325,20240525" in raw
    days = [
        d.date()
        for d in series(monthly, datetime(2024, 3, 1, tzinfo=TZ), datetime(2024, 7, 1, tzinfo=TZ))
    ]
    assert days == [date(2024, 4, 25), date(2024, 6, 25)]

    # the file re-serialises to the same calendar
    again = Calendar.from_ical(cal.to_ical())
    assert again.to_ical() == cal.to_ical()
    assert [exdates(e) for e in again.walk("VEVENT")] == [exdates(e) for e in cal.walk("VEVENT")]


def test_a_done_day_that_names_no_occurrence_is_not_excluded(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """2024-03-09 is a Saturday: no occurrence of a Friday duty to leave out. ``check`` says
    so (``bad-occurrence``), so the export leaves the file out; the calendar of the file as
    read still has no EXDATE for it."""
    write_notice("2024-03-01-giao-ban", DUTIES.replace("2024-03-08, 2024-03-22", "2024-03-09"))
    refused = runner.invoke(app, ["export", "--format", "ics", "--data", str(data_dir)])
    assert refused.exit_code == 1 and "[bad-occurrence]" in refused.output
    ledger = load_ledger(data_dir, use_cache=False).ledger
    now = datetime(2024, 3, 20, tzinfo=TZ)
    event = events(build_calendar(ledger, now))["2024-03-01-giao-ban#1@giaoban"]
    assert exdates(event) == []


@pytest.mark.parametrize("args", [["--unit", "VP"], ["-o", "x.json"]])
def test_ics_options_are_refused_for_json(
    runner: CliRunner, seed_data: Path, args: list[str]
) -> None:
    result = runner.invoke(app, ["export", "--data", str(seed_data), *args])
    assert result.exit_code == 2 and "--format ics" in result.output


def test_json_export_is_unchanged_by_default(runner: CliRunner, seed_data: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(seed_data)])
    assert result.exit_code == 0 and result.stdout.startswith('{\n  "notices"')
