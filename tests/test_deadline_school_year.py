"""School-year phrases without their years ("cuối năm học", "trong học kỳ I"): of the school year
the notice falls in (in the summer break, the coming one), or of the next when that puts the
period well before the notice, as a period without a year is placed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.deadline.model import SchoolYear
from tests.test_deadline_forms import at, read

AUTUMN = date(2025, 11, 20)  # inside the school year 2025-2026
SUMMER = date(2026, 6, 15)  # after 2025-2026 ended (31/05), before 2026-2027 begins (01/09)


def period(phrase: str, ref: date, **settings: object) -> tuple[str, str]:
    got = read(phrase, ref, **settings)
    assert got.kind == "period", got
    assert got.start is not None and got.due is not None
    return got.start.date().isoformat(), got.due.date().isoformat()


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("cuối năm học", "2026-05-01", "2026-06-01"),
        ("đến cuối năm học", "2026-05-01", "2026-06-01"),
        ("cuoi nam hoc", "2026-05-01", "2026-06-01"),
        ("CUỐI NĂM HỌC.", "2026-05-01", "2026-06-01"),
        ("đến cuối năm học (tháng 5)", "2026-05-01", "2026-06-01"),
        ("giữa năm học", "2026-01-01", "2026-02-01"),
        ("đầu năm học", "2026-09-01", "2026-10-01"),  # September 2025 is well past
        ("trong năm học", "2025-09-01", "2026-06-01"),
        ("hết năm học", "2025-09-01", "2026-06-01"),
        ("từ đầu năm học đến nay", "2025-09-01", "2025-11-21"),
        ("3 ngày đầu năm học", "2026-09-01", "2026-09-04"),
    ],
)
def test_a_part_of_the_school_year_is_not_of_the_calendar_year(
    phrase: str, start: str, due: str
) -> None:
    """ "cuối năm học" is the end of the school year (May), not "cuối năm" (December): "năm
    học" after "đầu / giữa / cuối" is the school year, as "năm học 2025-2026" is."""
    assert period(phrase, AUTUMN) == (start, due)


def test_the_end_of_the_school_year_is_the_same_with_its_years_or_without() -> None:
    assert period("cuối năm học", AUTUMN) == period("cuối năm học 2025-2026", AUTUMN)
    assert read("trước cuối năm học", AUTUMN).due == at("2026-05-01")


def test_the_end_of_the_school_year_follows_the_office_s_bounds() -> None:
    university = SchoolYear(start=(8, 15), second_semester=(1, 20), end=(6, 30))
    assert period("cuối năm học", AUTUMN, school_year=university) == ("2026-06-01", "2026-07-01")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong năm học", "2026-09-01", "2027-06-01"),
        ("hết năm học", "2026-09-01", "2027-06-01"),
        ("cuối năm học", "2027-05-01", "2027-06-01"),
        ("đầu năm học", "2026-09-01", "2026-10-01"),
        ("trong học kỳ I", "2026-09-01", "2027-01-16"),
        ("cuối học kỳ I", "2027-01-01", "2027-01-16"),
        ("trong học kỳ II", "2027-01-16", "2027-06-01"),
        ("trong học kỳ hè", "2026-06-01", "2026-09-01"),  # the break itself
    ],
)
def test_in_the_summer_break_a_school_year_phrase_is_of_the_coming_year(
    phrase: str, start: str, due: str
) -> None:
    """A notice of 15/06/2026, after 2025-2026 ended: the coming school year, as on 25/08."""
    assert period(phrase, SUMMER) == (start, due)
    assert period(phrase, date(2026, 8, 25)) == (start, due)


@pytest.mark.parametrize(
    ("phrase", "ref", "start", "due"),
    [
        ("trong học kỳ I", "2026-03-01", "2026-09-01", "2027-01-16"),  # ended 15/01: well before
        ("trong học kỳ I", "2026-02-01", "2025-09-01", "2026-01-16"),  # ended two weeks before
        ("trong học kỳ I", "2025-11-20", "2025-09-01", "2026-01-16"),
        ("trong học kỳ II", "2026-03-01", "2026-01-16", "2026-06-01"),
        ("đầu năm học", "2025-10-10", "2025-09-01", "2025-10-01"),
    ],
)
def test_a_period_of_the_school_year_well_before_the_notice_is_next_year_s(
    phrase: str, ref: str, start: str, due: str
) -> None:
    assert period(phrase, date.fromisoformat(ref)) == (start, due)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong năm học này", "2025-09-01", "2026-06-01"),
        ("cuối năm học này", "2026-05-01", "2026-06-01"),
        ("năm học tới", "2026-09-01", "2027-06-01"),
    ],
)
def test_this_or_next_school_year_still_counts_from_the_notice_s(
    phrase: str, start: str, due: str
) -> None:
    """ "năm học này", "năm học tới" say which year: in June still the one just ended."""
    assert period(phrase, SUMMER) == (start, due)


def test_a_semester_then_its_school_year_starts_in_that_year() -> None:
    """ "Học kỳ 2 – Năm học 2023-2024", read as a range: it starts in the year written, on any
    notice's date (it had started in the notice's school year, or been an error)."""
    for ref in (date(2021, 4, 19), date(2026, 12, 7), None):
        got = read("Học kỳ 2 – Năm học 2023-2024", ref)
        assert (got.start, got.due) == (at("2024-01-16"), at("2024-06-01"))


SUMMER_NOTICE = """\
id: 2026-06-15-he
kind: thông báo kết luận
title: Giao ban tháng 6/2026
date: 2026-06-15
tasks:
  - item: "1"
    text: Xây dựng kế hoạch học kỳ I
    owners: [VP]
    deadline: trong học kỳ I
  - item: "2"
    text: Tổng kết năm học
    owners: [VP]
    deadline: cuối năm học
  - item: "3"
    text: Tổng kết năm học, ghi năm
    owners: [VP]
    deadline: cuối năm học 2026-2027
"""


def test_a_summer_notice_s_school_year_tasks_are_not_late_when_given(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2026-06-15-he", SUMMER_NOTICE)
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    tasks = {t["item"]: t for t in json.loads(result.stdout)["notices"][0]["tasks"]}
    assert tasks["1"]["due"] == "2027-01-16T00:00:00+07:00"
    assert tasks["2"]["due"] == tasks["3"]["due"] == "2027-06-01T00:00:00+07:00"
    late = runner.invoke(
        app, ["overdue", "--data", str(data_dir), "--today", "2026-06-16", "--format", "json"]
    )
    assert late.exit_code == 0, late.output
    assert json.loads(late.stdout)["tasks"] == []
    checked = runner.invoke(app, ["check", "--format", "json", str(data_dir)])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["problems"] == []
