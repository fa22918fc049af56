"""``giaoban stats``: the four-way status per unit, totals, percentages, months."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.model.errors import UsageError
from giaoban.reports.filters import NO_FILTER, Filter, build_filter
from giaoban.reports.stats import (
    Counts,
    StatsReport,
    chart_months,
    parse_month,
    stats_period,
    stats_report,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
APRIL_20 = datetime(2022, 4, 20, tzinfo=TZ)

# February: VP one on time; March: VP one late, BTC one open late, the group one
# in time (due 30/04 is April: not March); and (another notice) a weekly duty of VP
# that runs through March.
NOTICE = """\
id: 2022-02-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2022-02-01
tasks:
  - {item: "1", text: Việc tháng 2, owners: [VP], deadline: trước ngày 20/02/2022,
     status: done, done_on: 2022-02-18}
  - {item: "2", text: Việc tháng 3 xong muộn, owners: [VP], deadline: trước ngày 10/3/2022,
     status: done, done_on: 2022-03-15}
  - {item: "3", text: Việc tháng 3 chưa xong, owners: [BTC], supports: [VP],
     deadline: trước ngày 25/3/2022, status: open}
  - {item: "4", text: Việc tháng 4, owners: [Các ban, đơn vị khối phong trào],
     deadline: trong tháng 4/2022, status: open}
  - {item: "6", text: Thường xuyên, owners: [VP], deadline: thường xuyên, status: open}
  - {item: "7", text: Đã hủy, owners: [VP], deadline: trước ngày 20/3/2022,
     status: cancelled, cancelled_on: 2022-02-10}
"""
WEEKLY = """\
id: 2022-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3
date: 2022-03-01
tasks:
  - {item: "5", text: Báo cáo tuần, owners: [VP], deadline: trước 14h00 thứ 6 hàng tuần,
     until: 2022-03-31, done_occurrences: [2022-03-04, 2022-03-11], status: open}
"""


def march(ledger_dir: Path, now: datetime, flt: Filter = NO_FILTER) -> StatsReport:
    """The stats of March 2022 at ``now``."""
    return stats_report(open_ledger(ledger_dir), now, date(2022, 3, 1), date(2022, 3, 31), flt)


@pytest.fixture
def ledger_dir(data_dir: Path, write_notice: Callable[..., Path]) -> Path:
    write_notice("2022-02-01-giao-ban", NOTICE)
    write_notice("2022-03-01-giao-ban", WEEKLY)
    return data_dir


def test_four_way_counts_per_unit_and_total(ledger_dir: Path) -> None:
    report = march(ledger_dir, APRIL_20)
    units = dict(report.units)
    # VP: item 2 late; Fridays 04, 11 done, 18, 25 missed
    assert units["Văn phòng Trung ương Đoàn"] == Counts(2, 1, 0, 2)
    assert units["Ban Tổ chức Trung ương Đoàn"] == Counts(0, 0, 0, 1)
    assert "Các ban, đơn vị khối phong trào" not in units  # due in April
    assert list(units) == ["Văn phòng Trung ương Đoàn", "Ban Tổ chức Trung ương Đoàn"]
    assert report.total == Counts(2, 1, 0, 3) and report.total.late == 4
    assert report.total.percent("open_overdue") == pytest.approx(50.0)


def test_open_in_time_is_taken_at_now(ledger_dir: Path) -> None:
    early = march(ledger_dir, datetime(2022, 3, 9, tzinfo=TZ))
    # On 09/03 item 2 (done 15/03), item 3 and Fridays 18, 25/03 were still in time;
    # Fridays 04 and 11/03 are listed as done (done_occurrences carry no date).
    assert early.total == Counts(2, 0, 4, 0)


def test_months_compare_late_work(ledger_dir: Path) -> None:
    report = march(ledger_dir, APRIL_20)
    months = dict(report.months)
    assert list(months) == [date(2021, m, 1) for m in (10, 11, 12)] + [
        date(2022, 1, 1), date(2022, 2, 1), date(2022, 3, 1),
    ]  # fmt: skip
    assert months[date(2022, 2, 1)] == Counts(1, 0, 0, 0)
    assert months[date(2022, 3, 1)].late == 4


def test_unit_filter_and_owners(ledger_dir: Path) -> None:
    ledger = open_ledger(ledger_dir)
    report = march(ledger_dir, APRIL_20, build_filter(ledger, units=["VP"], owners_only=True))
    assert [u for u, _ in report.units] == ["Văn phòng Trung ương Đoàn"]
    report = march(ledger_dir, APRIL_20, build_filter(ledger, units=["VP"]))
    # item 3 counts (VP supports it) under its owner
    assert dict(report.units)["Ban Tổ chức Trung ương Đoàn"] == Counts(0, 0, 0, 1)


def test_stats_cli_table_has_totals_and_chart(runner: CliRunner, ledger_dir: Path) -> None:
    args = ["stats", "--month", "2022-03", "--today", "2022-04-20", "--data", str(ledger_dir)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Thống kê tiến độ nhiệm vụ tháng 03/2022\n")
    for label in ("Hoàn thành đúng", "Đang thực hiện", "Tổng cộng", "2 (33%)", "3 (50%)"):
        assert label in out
    march = next(line for line in out.splitlines() if line.startswith("03/2022"))
    assert "██" in march and "▓" in march and "▒" in march
    assert "6 việc, 4 chậm, muộn (▲ +4)" in march


def test_stats_json_csv_md(runner: CliRunner, ledger_dir: Path) -> None:
    base = ["stats", "-m", "03/2022", "--today", "2022-04-20", "--data", str(ledger_dir)]
    payload = json.loads(runner.invoke(app, [*base, "-f", "json"]).stdout)
    assert payload["from"] == "2022-03-01" and payload["to"] == "2022-03-31"
    assert payload["total"] == {
        "done_on_time": 2, "done_late": 1, "open_in_time": 0, "open_overdue": 3,
        "total": 6, "late": 4,
        "percent": {"done_on_time": 33.3, "done_late": 16.7, "open_in_time": 0.0,
                    "open_overdue": 50.0},
    }  # fmt: skip
    csv = runner.invoke(app, [*base, "-f", "csv"]).stdout.splitlines()
    assert csv[0] == "scope,name,done_on_time,done_late,open_in_time,open_overdue,total,late"
    assert "unit,Văn phòng Trung ương Đoàn,2,1,0,2,5,3" in csv
    assert "total,tháng 03/2022,2,1,0,3,6,4" in csv
    md = runner.invoke(app, [*base, "-f", "md"]).stdout
    assert "| Tổng cộng | 2 (33%) | 1 (17%) | 0 (0%) | 3 (50%) | 6 |" in md
    assert "| 03/2022 | 6 | 4 | ▲ +4 |" in md


@pytest.mark.parametrize(
    ("month", "start", "end", "expected"),
    [
        (None, None, None, (date(2022, 4, 1), date(2022, 4, 30))),
        ("2022-02", None, None, (date(2022, 2, 1), date(2022, 2, 28))),
        ("2/2024", None, None, (date(2024, 2, 1), date(2024, 2, 29))),
        (None, date(2022, 1, 15), None, (date(2022, 1, 15), date(2022, 4, 20))),
        (None, None, date(2022, 3, 10), (date(2022, 3, 1), date(2022, 3, 10))),
    ],
)
def test_stats_period(
    month: str | None, start: date | None, end: date | None, expected: tuple[date, date]
) -> None:
    assert stats_period(date(2022, 4, 20), month, start, end) == expected


@pytest.mark.parametrize("text", ["2022-13", "2022", "tháng 3", "13/2022", "0000-01", "05/0000"])
def test_bad_month(text: str) -> None:
    with pytest.raises(UsageError):
        parse_month(text)


def test_month_and_range_together_is_a_usage_error(runner: CliRunner, ledger_dir: Path) -> None:
    args = ["stats", "--month", "2022-03", "--from", "2022-03-01", "--data", str(ledger_dir)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--month hoặc --from/--to" in result.output


def test_chart_months_of_a_range() -> None:
    assert chart_months(date(2022, 1, 10), date(2022, 3, 5)) == [
        date(2022, 1, 1), date(2022, 2, 1), date(2022, 3, 1),
    ]  # fmt: skip
