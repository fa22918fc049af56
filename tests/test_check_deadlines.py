"""What ``check`` says of deadlines: unreadable (error), pinned or odd (warning), events."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.deadline.calendars import school_year, semester
from giaoban.deadline.model import SchoolYear

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3/2024
date: 2024-03-01
events:
  ngày khai mạc Đại hội: 2024-10-05
tasks:
  - item: "1"
    text: Chuẩn bị văn kiện
    owners: [VP]
    deadline: chậm nhất là năm ngày trước ngày khai mạc Đại hội
  - item: "2"
    text: Việc chờ phê chuẩn
    owners: [VP]
    deadline: sau khi Ban Thường vụ phê chuẩn đợt 2
    due: 2024-04-30
  - item: "3"
    text: Việc ghi sai thứ
    owners: [VP]
    deadline: trước ngày 26/10/2024 (thứ Hai)
"""


def check_json(runner: CliRunner, data_dir: Path) -> tuple[int, list[dict[str, Any]]]:
    result = runner.invoke(app, ["check", "--format", "json", str(data_dir)])
    return result.exit_code, json.loads(result.stdout)["problems"]


def export_tasks(runner: CliRunner, data_dir: Path) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    notice = json.loads(result.stdout)["notices"][0]
    return {t["item"]: t for t in notice["tasks"]} | {"events": notice.get("events")}


def test_pins_and_mismatches_are_warnings_and_events_resolve(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-01-giao-ban", NOTICE)
    code, problems = check_json(runner, data_dir)
    assert code == 0
    found = {(p["code"], p["line"]) for p in problems}
    assert found == {("pinned-deadline", 16), ("deadline-mismatch", 20)}
    messages = {p["code"]: p["message"] for p in problems}
    assert "sau khi Ban Thường vụ phê chuẩn đợt 2" in messages["pinned-deadline"]
    assert messages["deadline-mismatch"] == (
        "26/10/2024 là thứ Bảy, không phải thứ Hai; đọc theo ngày"
    )
    tasks = export_tasks(runner, data_dir)
    assert tasks["events"] == {"ngày khai mạc Đại hội": "2024-10-05"}
    assert tasks["1"]["due"] == "2024-10-01T00:00:00+07:00"  # 5 days before 05/10: 30/09 in full
    assert (tasks["2"]["due"], tasks["2"]["pinned"]) == ("2024-05-01T00:00:00+07:00", True)
    assert tasks["2"]["deadline"] == "sau khi Ban Thường vụ phê chuẩn đợt 2"


def test_an_unreadable_phrase_is_an_error_until_pinned(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    text = NOTICE.replace("    due: 2024-04-30\n", "").replace(
        "sau khi Ban Thường vụ phê chuẩn đợt 2", "đợt 2"
    )
    write_notice("2024-03-01-giao-ban", text)
    code, problems = check_json(runner, data_dir)
    assert code == 1
    bad = [p for p in problems if p["code"] == "bad-deadline"]
    assert [(p["line"], p["severity"]) for p in bad] == [(15, "error")]
    assert 'không đọc được hạn "đợt 2"' in str(bad[0]["message"])
    pinned = text.replace("deadline: đợt 2\n", "deadline: đợt 2\n    due: 2024-04-30\n")
    write_notice("2024-03-01-giao-ban", pinned)
    code, problems = check_json(runner, data_dir)
    assert code == 0
    warning = next(p for p in problems if p["code"] == "pinned-deadline")
    assert warning["severity"] == "warning"
    assert 'không đọc được hạn "đợt 2"' in str(warning["message"])
    assert "dùng hạn ghim 30/04/2024" in str(warning["message"])


def test_school_year_bounds_come_from_the_settings(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    text = NOTICE.replace("trước ngày 26/10/2024 (thứ Hai)", "trong học kỳ I năm học 2024-2025")
    write_notice("2024-03-01-giao-ban", text)
    (data_dir / "settings.yaml").write_text(
        "school_year:\n  start: 15/08\n  second_semester: 20/01\n  end: 30/06\n", encoding="utf-8"
    )
    assert export_tasks(runner, data_dir)["3"]["due"] == "2025-01-20T00:00:00+07:00"
    (data_dir / "settings.yaml").write_text("school_year:\n  start: 31/02\n", encoding="utf-8")
    code, problems = check_json(runner, data_dir)
    assert code == 1
    bad = next(p for p in problems if p["code"] == "bad-value")
    assert "school_year.start" in str(bad["message"]) and bad["line"] == 2


@pytest.mark.parametrize(
    ("bounds", "line", "wrong"),
    [
        # the second semester would begin after the year has ended (31/05)
        ("  start: 01/09\n  second_semester: 01/08\n  end: 31/05\n", 3, "second_semester"),
        ("  second_semester: 01/06\n", 2, "second_semester"),
        # ... and by a default: the year would end before its second semester (16/01)
        ("  end: 10/01\n", 2, "second_semester"),
        # the year would run into the next one (from 01/09)
        ("  end: 31/10\n", 2, "end"),
        ("  start: 01/09\n  end: 01/09\n", 3, "end"),
    ],
)
def test_school_year_bounds_that_cannot_hold_are_an_error(
    runner: CliRunner,
    data_dir: Path,
    write_notice: Callable[..., Path],
    bounds: str,
    line: int,
    wrong: str,
) -> None:
    """A school year is read from ``start`` to ``end`` of the next calendar year, its
    second semester beginning in that year: bounds that give a period ending before it
    begins, or a year running into the next, are ``bad-value`` at their line, and the
    commands that read deadlines refuse them as they refuse a bound that is not a day."""
    text = NOTICE.replace("trước ngày 26/10/2024 (thứ Hai)", "trong học kỳ II năm học 2024-2025")
    write_notice("2024-03-01-giao-ban", text)
    settings = data_dir / "settings.yaml"
    settings.write_text("school_year:\n" + bounds, encoding="utf-8")
    code, problems = check_json(runner, data_dir)
    assert code == 1
    bad = [p for p in problems if p["severity"] == "error"]
    assert [(p["path"], p["line"], p["code"]) for p in bad] == [(str(settings), line, "bad-value")]
    assert str(bad[0]["message"]).startswith(f"'school_year.{wrong}' phải ")
    export = runner.invoke(app, ["export", "--format", "json", "--data", str(data_dir)])
    assert export.exit_code == 1 and f"school_year.{wrong}" in export.stderr
    args = ["deadline", "học kỳ II năm học 2024-2025", "--json", "--data", str(data_dir)]
    read = runner.invoke(app, args)
    assert read.exit_code == 1 and f"school_year.{wrong}" in read.stderr


DAYS = st.dates(date(2001, 1, 1), date(2001, 12, 31)).map(lambda d: (d.month, d.day))


@given(DAYS, DAYS, DAYS)
def test_school_year_bounds_are_accepted_when_every_period_holds(
    start: tuple[int, int], second: tuple[int, int], end: tuple[int, int]
) -> None:
    """The bounds ``check`` accepts are exactly those whose semesters each begin before
    they end (a summer may be empty) and whose year is over before the next begins."""
    bounds = SchoolYear(start, second, end)
    periods = [semester(n, 2001, bounds) for n in (1, 2)]
    summer = semester(3, 2001, bounds)
    holds = (
        all(begin < after for begin, after in periods)
        and summer[0] <= summer[1]
        and school_year(2001, bounds)[1] <= school_year(2002, bounds)[0]
    )
    assert (bounds.wrong_bound() is None) == holds


def test_events_must_be_days(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-01-giao-ban", NOTICE.replace("2024-10-05", "mùng 5 tháng 10"))
    code, problems = check_json(runner, data_dir)
    assert code == 1
    assert any(p["code"] in ("bad-date", "wrong-type") and p["line"] == 6 for p in problems)


def test_the_deadline_command_reads_with_the_office_settings(
    runner: CliRunner, data_dir: Path
) -> None:
    (data_dir / "settings.yaml").write_text("school_year:\n  start: 05/09\n", encoding="utf-8")
    args = ["deadline", "năm học 2024-2025", "--ref", "2024-03-01", "--json", "--data"]
    result = runner.invoke(app, [*args, str(data_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["start"] == "2024-09-05T00:00:00+07:00"
    (data_dir / "settings.yaml").write_text("school_year:\n  start: 5 tháng 9\n", encoding="utf-8")
    bad = runner.invoke(app, [*args, str(data_dir)])
    assert bad.exit_code == 1 and "school_year.start" in bad.stderr


def test_the_annotated_example_of_the_format_passes_check(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text("utf-8")
    example = doc.split("## A notice\n\n```yaml\n", 1)[1].split("```", 1)[0]
    notice_id = example.split("\nid: ", 1)[1].split()[0]
    registry = Path(__file__).resolve().parent.parent / "data" / "units.yaml"
    (data_dir / "units.yaml").write_text(registry.read_text("utf-8"), encoding="utf-8")
    write_notice(notice_id, example)
    code, problems = check_json(runner, data_dir)
    assert code == 0, problems
    assert [p["code"] for p in problems] == ["pinned-deadline"]
    tasks = export_tasks(runner, data_dir)
    assert tasks["7"]["due"] == "2022-12-10T00:00:00+07:00"  # 5 days before 14/12: 09/12 in full


UNDATED = """\
id: 2024-03-01-dai-hoi
kind: thông báo kết luận
title: Kết luận về chuẩn bị Đại hội
date: 2024-03-01
events:
  ngày bế mạc Hội nghị: 2024-04-01
tasks:
  - item: "1"
    text: Hoàn thiện văn kiện
    owners: [VP]
    deadline: chậm nhất là năm ngày trước ngày khai mạc Đại hội
  - item: "2"
    text: Chuẩn bị nhân sự
    owners: [VP]
    deadline: trước khai mạc Đại hội ít nhất 10 ngày làm việc
  - item: "3"
    text: Việc thường xuyên
    owners: [VP]
    deadline: thường xuyên
"""


def test_a_deadline_whose_event_has_no_date_is_warned_and_not_ongoing(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-01-dai-hoi", UNDATED)  # events: names another event only
    code, problems = check_json(runner, data_dir)
    assert code == 0
    found = [(p["code"], p["line"]) for p in problems]
    assert found == [("undated-event", 11), ("undated-event", 15)]
    assert problems[0]["message"] == (
        "hạn của nhiệm vụ 1 ('chậm nhất là năm ngày trước ngày khai mạc Đại hội') tính từ "
        "'ngày khai mạc Đại hội' nhưng chưa có ngày của mốc này (chưa tính được hạn): "
        "ghi ngày của mốc vào events: của thông báo hoặc của settings"
    )
    args = ["--data", str(data_dir), "--today", "2024-04-20"]
    listed = runner.invoke(app, ["list", "--format", "json", *args])
    states = {t["item"]: t["state"] for t in json.loads(listed.stdout)["tasks"]}
    assert states == {"1": "unresolved", "2": "unresolved", "3": "ongoing"}
    table = runner.invoke(app, ["list", *args], env={"COLUMNS": "200"})
    assert "2 chưa tính được hạn" in table.stdout
    shown = runner.invoke(app, ["show", "2024-03-01#1", *args], env={"COLUMNS": "200"})
    assert "Tình trạng: chưa tính được hạn" in shown.stdout
    assert "thường xuyên" not in shown.stdout
    only = runner.invoke(app, ["list", "--status", "unresolved", "--format", "json", *args])
    assert [t["item"] for t in json.loads(only.stdout)["tasks"]] == ["1", "2"]
    # the deadline command's JSON keeps PRODUCT.md's shape: a relative kind, due null
    read = runner.invoke(app, ["deadline", "--json", "5 ngày trước ngày khai mạc Đại hội"])
    assert json.loads(read.stdout)["kind"] == "relative"
    assert json.loads(read.stdout)["due"] is None
