"""The weekly cut-off and days off (issue 14, item 3): a cut-off on a public holiday or an
office's day off moves to the working day before it and the header says so; offices declare
make-up working days (ngày làm bù), which working-day deadlines count."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.deadline.workdays import is_working_day
from giaoban.reports.rows import report_week

# Tết Giáp Thìn: the public holidays run from Thursday 08/02 to Wednesday 14/02/2024.
NOTICE = """\
id: 2024-02-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-02-01
tasks:
  - {item: "1", owners: [VP], text: Trước hạn chót, deadline: trước 14h00 ngày 07/02/2024}
  - {item: "2", owners: [VP], text: Trong Tết, deadline: trước 14h00 ngày 08/02/2024}
"""


@pytest.fixture
def week(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> Callable[..., dict]:
    write_notice("2024-02-01-giao-ban", NOTICE)

    def run(today: str, settings: str = "") -> dict:
        (data_dir / "settings.yaml").write_text(settings, encoding="utf-8")
        args = ["week", "--data", str(data_dir), "--today", today, "--format", "json"]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def test_a_cut_off_on_a_public_holiday_moves_to_the_working_day_before(week) -> None:
    found = week("2024-02-05")
    assert found["week"]["cutoff"] == "2024-02-07T14:00:00+07:00"  # Wednesday
    assert found["week"]["cutoff_moved_from"] == "2024-02-09"
    assert found["week"]["label"].endswith("(thứ Sáu 09/02/2024 là ngày nghỉ)")
    # 08/02 14:00 is after the cut-off, but falls due in the week (by Sunday 11/02): in
    assert [t["item"] for t in found["tasks"]] == ["1", "2"]


# Tết Bính Ngọ: Monday 16/02 to Friday 20/02/2026 are off; week 8's cut-off moves to 13/02.
TET_2026 = """\
id: 2026-02-02-tet
kind: thông báo kết luận
title: Kết luận Tết
date: 2026-02-02
tasks:
  - {item: "3", owners: [VP], text: Hạn 18/02, deadline: trước ngày 18/02/2026}
  - {item: "4", owners: [VP], text: Hạn 20/02 10h, deadline: trước 10h00 ngày 20/02/2026}
  - {item: "5", owners: [VP], text: Hạn 23/02 8h, deadline: trước 08h00 ngày 23/02/2026}
"""


def test_a_week_whose_cut_off_moved_lists_what_falls_due_by_its_sunday(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """qa10b 1: week 8's report (16/02-22/02/2026, cut-off moved to 13/02) lists a clock
    deadline of 20/02 as it lists a whole day of 18/02; 23/02 is the next week's."""
    write_notice("2026-02-02-tet", TET_2026)
    args = ["--data", str(data_dir), "--today", "2026-02-10", "--next", "--format", "json"]
    result = runner.invoke(app, ["week", *args])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["week"]["number"], found["week"]["cutoff_moved_from"]) == (8, "2026-02-20")
    assert [t["item"] for t in found["tasks"]] == ["3", "4"]


def test_the_report_moves_on_at_the_moved_cut_off(week) -> None:
    assert week("2024-02-07T13:59")["week"]["number"] == 6
    assert week("2024-02-07T14:00")["week"]["number"] == 7


def test_a_setting_keeps_the_cut_off_on_its_day(week) -> None:
    found = week("2024-02-05", "keep_cutoff_on_days_off: true\n")
    assert found["week"]["cutoff"] == "2024-02-09T14:00:00+07:00"
    assert found["week"]["cutoff_moved_from"] is None


def test_an_office_day_off_moves_the_cut_off_too(week) -> None:
    found = week("2024-03-11", "days_off: [2024-03-15]\n")
    assert found["week"]["cutoff"] == "2024-03-14T14:00:00+07:00"


@pytest.mark.parametrize(
    ("settings", "due"),
    [
        ("", "2024-01-09T00:00:00+07:00"),  # Friday 05/01 + 1 working day: Monday 08/01
        ("work_days: [2024-01-06]\n", "2024-01-07T00:00:00+07:00"),  # Saturday worked
    ],
)
def test_make_up_working_days_count_as_working_days(
    runner: CliRunner, data_dir: Path, settings: str, due: str
) -> None:
    (data_dir / "settings.yaml").write_text(settings, encoding="utf-8")
    phrase = "1 ngày làm việc kể từ ngày 05/01/2024"
    args = ["deadline", phrase, "--ref", "2024-01-02", "--json", "--data", str(data_dir)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due"] == due


# Tết Ất Tỵ: Monday 27/01 to Saturday 01/02/2025 are off, so week 5's Friday cut-off moves to
# Friday 24/01, week 4's own.
TET_2025 = """\
id: 2025-01-10-tet
kind: thông báo kết luận
title: Kết luận giao ban tháng 1/2025
date: 2025-01-10
tasks:
  - item: "1"
    text: Các đơn vị báo cáo tuần.
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2025-01-10, 2025-01-17, 2025-01-24]
  - {item: "3", owners: [VP], text: Việc hạn 30/01, deadline: trước ngày 30/01/2025}
"""


@pytest.fixture
def tet_week(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> Callable[..., dict]:
    write_notice("2025-01-10-tet", TET_2025)

    def run(today: str, *more: str) -> dict:
        args = ["week", "--data", str(data_dir), "--today", today, "--format", "json", *more]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


@pytest.mark.parametrize("today", ["2025-01-24T14:00", "2025-01-25T09:00", "2025-01-26T20:00"])
def test_a_week_whose_moved_cut_off_has_passed_too_is_skipped(tet_week, today: str) -> None:
    found = tet_week(today)
    assert (found["week"]["number"], found["week"]["cutoff"]) == (6, "2025-02-07T14:00:00+07:00")
    assert found["week"]["cutoff"] > found["now"]
    dues = {(t["item"], t["due"]) for t in found["tasks"]}
    assert ("1", "2025-01-31T14:00:00+07:00") in dues  # week 5's report, in no due list before
    assert ("3", "2025-01-31T00:00:00+07:00") in dues


def test_next_and_until_count_from_the_report_s_week(tet_week) -> None:
    assert tet_week("2025-01-25T09:00", "--next")["week"]["number"] == 7
    until = tet_week("2025-01-25T09:00", "--until", "2025-01-31")["week"]
    assert until["label"].endswith("hạn chót hết ngày 31/01/2025 (thứ Sáu)")


def test_report_week_never_names_a_cut_off_already_past() -> None:
    before = datetime(2025, 1, 24, 13, 59, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    week = report_week(before, (4, time(14, 0)), working=is_working_day)
    assert (week.number, week.cutoff.date()) == (4, date(2025, 1, 24))
    week = report_week(before + timedelta(minutes=1), (4, time(14, 0)), working=is_working_day)
    assert (week.number, week.cutoff.date()) == (6, date(2025, 2, 7))


# --- the day the office chose (qa4 06) ---------------------------------------------------------


def test_a_saturday_cut_off_stays_on_saturday(week) -> None:
    found = week("2025-03-05", "week_cutoff: thứ 7 09:00\n")
    assert found["week"]["cutoff"] == "2025-03-08T09:00:00+07:00"
    assert found["week"]["cutoff_moved_from"] is None
    later = week("2025-03-07T10:00", "week_cutoff: thứ 7 09:00\n")["week"]
    assert (later["number"], later["cutoff"]) == (10, "2025-03-08T09:00:00+07:00")
    # a public holiday or one of the office's days off still moves it
    found = week("2025-03-05", "week_cutoff: thứ 7 09:00\ndays_off: [2025-03-08]\n")
    assert found["week"]["cutoff"] == "2025-03-07T09:00:00+07:00"
    assert found["week"]["cutoff_moved_from"] == "2025-03-08"


@pytest.mark.parametrize(
    ("written", "cutoff"),
    [
        ("thứ Sáu 14h00", "2025-03-07T14:00:00+07:00"),
        ("14h00 thứ Sáu", "2025-03-07T14:00:00+07:00"),
        ("thứ sáu 14:00", "2025-03-07T14:00:00+07:00"),
        ("T5 8h30", "2025-03-06T08:30:00+07:00"),
        ("chủ nhật 10:00", "2025-03-09T10:00:00+07:00"),
        ("CN 10:00", "2025-03-09T10:00:00+07:00"),
    ],
)
def test_week_cutoff_reads_the_day_and_time_as_deadlines_write_them(
    runner: CliRunner, data_dir: Path, week, written: str, cutoff: str
) -> None:
    found = week("2025-03-05", f"week_cutoff: {written}\n")
    assert found["week"]["cutoff"] == cutoff
    check = runner.invoke(app, ["check", "--data", str(data_dir)])
    assert check.exit_code == 0, check.output
