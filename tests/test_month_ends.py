"""A duty's day that a month lacks (the 29th, 30th, 31st; 29/2) is that month's last day.

"ngày 30 hằng tháng" is a report every month: in February it is due on the 28th (the 29th
in a leap year), never skipped. Read by the engine, listed by the reports, said by
``giaoban deadline``, exported to the calendar, and scored so by the benchmark. A lunar
duty keeps RFC 7529's skip.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.deadline import Deadline
from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import occurrences
from tests.conftest import REPO, run_git
from tests.test_calendar import series
from tests.test_deadline_forms import read, unread

sys.path.insert(0, str(REPO / "bench"))

import deadline_accuracy as accuracy  # noqa: E402 - bench/ is not a package

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEP = date(2026, 9, 1)
DEC = date(2026, 12, 1)


def days_named(deadline: Deadline, start: date, end: date) -> list[str]:
    """The days (dd/mm) the occurrences of ``deadline`` name from ``start`` to ``end``."""
    lo = datetime.combine(start, datetime.min.time(), TZ)
    hi = datetime.combine(end, datetime.min.time(), TZ) + timedelta(days=2)  # whole days
    return [f"{due_day(due, deadline.has_time):%d/%m}" for due in occurrences(deadline, lo, hi)]


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        # every month, February's last day in place of the 30th, 31st or 29th
        ("trước ngày 30 hằng tháng", "30/12 30/01 28/02 30/03 30/04 30/05"),
        ("chậm nhất ngày 31 hàng tháng", "31/12 31/01 28/02 31/03 30/04 31/05 30/06"),
        ("ngày 29 mỗi tháng", "29/12 29/01 28/02 29/03"),
        # a day every month has, beside one some month lacks
        ("ngày 15 và ngày 30 hằng tháng", "15/12 30/12 15/01 30/01 15/02 28/02 15/03 30/03"),
        ("ngày 28 và 30 hằng tháng", "28/12 30/12 28/01 30/01 28/02 28/03 30/03"),
        # a window of each month ends on its last day where the 30th is lacking
        ("từ ngày 25 đến ngày 30 hằng tháng", "30/12 30/01 28/02 30/03"),
        # months named: June and September have no 31st
        ("ngày 31 các tháng 3, 6, 9 và 12", "31/12 31/03 30/06 30/09 31/12"),
        ("ngày 31 hằng quý", "31/12 31/03 30/06 30/09 31/12"),
        ("trước 14h00 ngày 30 hằng tháng", "30/12 30/01 28/02 30/03"),
    ],
)
def test_a_day_a_month_lacks_is_that_months_last_day(phrase: str, days: str) -> None:
    named = days_named(read(phrase, DEC), DEC, date(2027, 12, 31))
    assert named[: len(days.split())] == days.split()


def test_the_29th_of_february_every_year_is_the_28th_in_a_common_year() -> None:
    deadline = read("ngày 29/2 hằng năm", SEP)
    assert [d.rpartition("/")[0] for d in days_named(deadline, SEP, date(2030, 12, 31))] == [
        "28", "29", "28", "28"  # 2027, 2028 (leap), 2029, 2030
    ]  # fmt: skip


def test_a_leap_year_february_keeps_its_29th() -> None:
    deadline = read("ngày 30 hằng tháng", date(2028, 1, 1))
    assert days_named(deadline, date(2028, 1, 1), date(2028, 3, 31)) == [
        "30/01", "29/02", "30/03"
    ]  # fmt: skip


def test_a_lunar_30th_is_still_skipped_in_a_month_without_it() -> None:
    """RFC 7529's default, documented: a lunar month of 29 days has no occurrence."""
    deadline = read("ngày 30 âm lịch hằng tháng", SEP)
    assert deadline.rrule is not None and "BYSETPOS" not in deadline.rrule
    assert len(days_named(deadline, SEP, date(2027, 8, 31))) < 12


@pytest.mark.parametrize(
    "phrase", ["ngày 29 và 30 hằng tháng", "ngày 30 và ngày cuối tháng hằng tháng"]
)
def test_two_days_no_one_rule_can_move_are_an_error(phrase: str) -> None:
    # they had skipped the months without them, silently
    assert "tách mỗi ngày thành một nhiệm vụ" in unread(phrase, SEP)


def test_the_morning_after_a_night_of_the_28th_is_an_error() -> None:
    """The morning after the 28th is the 29th or the 1st: no day a rule names."""
    message = unread("các tối ngày 28 hằng tháng, từ 18h đến 2h sáng hôm sau", SEP)
    assert "ca đêm qua sáng hôm sau" in message


def test_the_explanation_says_what_a_short_month_does(runner: CliRunner) -> None:
    args = ["deadline", "trước ngày 30 hằng tháng", "--ref", "2027-01-20"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Tháng không có ngày 30: hạn là ngày cuối cùng của tháng đó." in result.stdout
    assert "hết ngày 28/02/2027 (Chủ nhật)" in result.stdout
    plain = runner.invoke(app, ["deadline", "ngày 15 hằng tháng", "--ref", "2027-01-20"])
    assert "Tháng không có" not in plain.stdout


NOTICE = """\
id: dk
kind: thông báo kết luận
title: Kết luận định kỳ
date: 2026-09-01
tasks:
  - item: "1"
    text: báo cáo tháng trước ngày 30
    owners: [VP]
    deadline: trước ngày 30 hằng tháng
  - item: "2"
    text: báo cáo tháng trước ngày 31
    owners: [BTC]
    deadline: trước ngày 31 hằng tháng
"""


@pytest.fixture
def duties(ledger: Path) -> Path:
    (ledger / "2026").mkdir()
    (ledger / "2026" / "dk.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "dk")
    return ledger


def day(shown: str) -> date:
    return datetime.strptime(shown, "%d/%m/%Y").date()


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_reports_and_the_calendar_count_a_report_every_month(
    runner: CliRunner, duties: Path, cache: list[str]
) -> None:
    """Six months missed by 05/03/2027 for each duty, February's on the 28th; the calendar
    names the same days."""
    data = ["--data", str(duties), *cache]
    overdue = runner.invoke(app, ["overdue", "--today", "2027-03-05", "--format", "json", *data])
    assert overdue.exit_code == 0, overdue.output
    rows = json.loads(overdue.stdout)["tasks"]
    late = {tid: [r["due_display"] for r in rows if r["id"] == tid] for tid in ("dk#1", "dk#2")}
    assert sorted(late["dk#1"], key=day) == [
        "30/09/2026", "30/10/2026", "30/11/2026", "30/12/2026", "30/01/2027", "28/02/2027"
    ]  # fmt: skip
    assert sorted(late["dk#2"], key=day) == [
        "30/09/2026", "31/10/2026", "30/11/2026", "31/12/2026", "31/01/2027", "28/02/2027"
    ]  # fmt: skip
    assert {r["missed"] for r in rows} == {6}

    ics = runner.invoke(app, ["export", "--format", "ics", "--data", str(duties)])
    assert ics.exit_code == 0, ics.output
    events = {str(e["UID"]): e for e in Calendar.from_ical(ics.stdout_bytes).walk("VEVENT")}
    lo, hi = datetime(2026, 9, 1, tzinfo=TZ), datetime(2027, 3, 5, tzinfo=TZ)
    for tid in ("dk#1", "dk#2"):
        named = [f"{d:%d/%m/%Y}" for d in series(events[f"{tid}@giaoban"], lo, hi)]
        assert named == sorted(late[tid], key=day)


def test_the_benchmark_reads_an_annotated_30th_as_every_month() -> None:
    """An annotation ``BYMONTHDAY=30`` means February's last day too: the reading is right,
    and a reading that skips February is wrong (days compared, not rule text)."""
    entry = {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=30", "due": None}
    assert accuracy.verdict(entry, read("vào ngày 30 hàng tháng", None)).ok
    skipping = Deadline(
        "vào ngày 30 hàng tháng",
        "recurring",
        None,
        rrule="DTSTART;VALUE=DATE:20000130\nRRULE:FREQ=MONTHLY;BYMONTHDAY=30",
    )
    assert not accuracy.verdict(entry, skipping).ok
