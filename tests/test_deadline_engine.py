"""Working days, occurrences of recurring duties, Vietnamese descriptions, the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner, Result

from giaoban.deadline import Deadline, DeadlineSettings, parse_deadline
from giaoban.deadline.describe import explain, format_due, short_due, weekday_name
from giaoban.deadline.recur import next_occurrence, occurrences
from giaoban.deadline.workdays import add_working_days, is_working_day

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def read(phrase: str, ref: date) -> Deadline:
    got = parse_deadline(phrase, ref)
    assert isinstance(got, Deadline), got
    return got


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2024, 3, 1), True),  # a Friday
        (date(2024, 3, 2), False),  # Saturday
        (date(2024, 2, 12), False),  # Tết (lunar calendar)
        (date(2024, 4, 18), False),  # Giỗ Tổ Hùng Vương (10/3 âm lịch)
        (date(2024, 4, 30), False),
        (date(2024, 5, 1), False),
        (date(2024, 9, 2), False),
        (date(2024, 9, 3), False),  # the extra day of National Day
        (date(2024, 4, 29), False),  # swapped day off
        (date(2024, 5, 4), True),  # the Saturday worked for it
        (date(2019, 1, 5), True),  # a make-up Saturday announced the year before
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_office_days_off() -> None:
    settings = DeadlineSettings(extra_days_off=(date(2024, 3, 8),))
    assert not is_working_day(date(2024, 3, 8), settings)
    assert add_working_days(date(2024, 3, 7), 1, settings) == date(2024, 3, 11)


def test_add_working_days() -> None:
    assert add_working_days(date(2024, 3, 1), 0) == date(2024, 3, 1)
    assert add_working_days(date(2024, 3, 1), 1) == date(2024, 3, 4)
    assert add_working_days(date(2024, 3, 4), -1) == date(2024, 3, 1)
    assert add_working_days(date(2024, 4, 26), 1) == date(2024, 5, 2)  # 29/4-1/5 off
    assert add_working_days(date(2024, 4, 26), 2) == date(2024, 5, 3)


def test_occurrences_of_a_timed_rule() -> None:
    weekly = read("trước 14h00 thứ 6 hàng tuần", date(2022, 4, 14))
    got = occurrences(weekly, at(2022, 4, 15, 14, 0), at(2022, 5, 6, 14, 0))
    assert got == [at(2022, 4, 15, 14, 0), at(2022, 4, 22, 14, 0), at(2022, 4, 29, 14, 0)]
    assert occurrences(weekly, at(2022, 4, 1), at(2022, 6, 1), until=date(2022, 4, 22)) == [
        at(2022, 4, 15, 14, 0),
        at(2022, 4, 22, 14, 0),
    ]


def test_occurrences_of_whole_days_are_due_at_the_next_midnight() -> None:
    monthly = read("ngày 15 hằng tháng", date(2024, 3, 1))
    got = occurrences(monthly, at(2024, 3, 1), at(2024, 6, 1))
    assert got == [at(2024, 3, 16), at(2024, 4, 16), at(2024, 5, 16)]
    assert occurrences(monthly, at(2024, 3, 1), at(2024, 6, 1), until=date(2024, 4, 15)) == [
        at(2024, 3, 16),
        at(2024, 4, 16),
    ]


def test_next_occurrence() -> None:
    weekly = read("trước 14h00 thứ 6 hàng tuần", date(2022, 4, 14))
    assert next_occurrence(weekly, at(2022, 4, 15, 14, 0)) == at(2022, 4, 22, 14, 0)
    assert next_occurrence(weekly, at(2022, 4, 15, 14, 0), until=date(2022, 4, 21)) is None
    assert next_occurrence(read("định kỳ", date(2022, 4, 14)), at(2022, 4, 15)) is None
    assert next_occurrence(read("trước ngày 25/02/2019", date(2019, 2, 18)), at(2019, 1, 1)) is None


def test_describe() -> None:
    assert weekday_name(date(2019, 2, 25)) == "thứ Hai"
    assert weekday_name(date(2024, 3, 3)) == "Chủ nhật"
    day = read("trước ngày 25/02/2019", date(2019, 2, 18))
    assert format_due(day) == "hết ngày 25/02/2019 (thứ Hai)"
    assert day.due is not None and short_due(day.due, day.has_time) == "25/02/2019"
    moment = read("14h00 thứ Sáu 22/04/2022", date(2022, 4, 14))
    assert format_due(moment) == "14h00 thứ Sáu 22/04/2022"
    assert moment.due is not None and short_due(moment.due, True) == "22/04/2022 14:00"
    assert format_due(read("thường xuyên", date(2022, 4, 14))) == ""


def test_explain_lists_three_next_occurrences() -> None:
    weekly = read("trước 14h00 thứ 6 hàng tuần", date(2022, 4, 14))
    lines = explain(weekly, at(2022, 4, 15, 15, 0))
    assert lines[-3:] == [
        "  - 14h00 thứ Sáu 22/04/2022",
        "  - 14h00 thứ Sáu 29/04/2022",
        "  - 14h00 thứ Sáu 06/05/2022",
    ]


def test_explain_period() -> None:
    lines = explain(read("trong Quý I/2019", date(2019, 2, 18)), at(2019, 2, 18))
    assert "Bắt đầu: ngày 01/01/2019 (thứ Ba)" in lines
    assert "Hạn chót: hết ngày 31/03/2019 (Chủ nhật)" in lines


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def _invoke(cli: CliRunner, *args: str, env: dict[str, str] | None = None) -> Result:
    from giaoban.cli.main import app

    return cli.invoke(app, ["deadline", *args], env=env)


def test_cli_json(cli: CliRunner) -> None:
    result = _invoke(cli, "trước 14h00 thứ 6 hàng tuần", "--ref", "2022-04-14", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "phrase": "trước 14h00 thứ 6 hàng tuần",
        "kind": "recurring",
        "due": None,
        "start": None,
        "rrule": "DTSTART;TZID=Asia/Ho_Chi_Minh:20220415T140000\n"
        "RRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=14;BYMINUTE=0;BYSECOND=0",
    }


def test_cli_relative_json_uses_giaoban_today(cli: CliRunner) -> None:
    result = _invoke(
        cli,
        "trong vòng 05 ngày làm việc kể từ ngày ban hành",
        "--json",
        env={"GIAOBAN_TODAY": "2024-03-01"},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["due"] == "2024-03-09T00:00:00+07:00"
    assert (data["offset"], data["business_days"], data["anchor"]) == ("P5D", True, "ngày ban hành")


def test_cli_text(cli: CliRunner) -> None:
    result = _invoke(cli, "trước ngày 25/02/2019", "--ref", "2019-02-18")
    assert result.exit_code == 0, result.output
    assert "Hạn chót: hết ngày 25/02/2019 (thứ Hai)" in result.stdout


def test_cli_unreadable(cli: CliRunner) -> None:
    result = _invoke(cli, "abc", "--ref", "2019-02-18")
    assert result.exit_code == 1
    assert 'giaoban: lỗi: không đọc được hạn "abc"' in result.stderr
    assert result.stdout == ""


def test_cli_bad_ref(cli: CliRunner) -> None:
    result = _invoke(cli, "trước ngày 25/02/2019", "--ref", "hôm qua")
    assert result.exit_code == 2
