"""The weekly cut-off and days off (issue 14, item 3): a cut-off on a public holiday or an
office's day off moves to the working day before it and the header says so; offices declare
make-up working days (ngày làm bù), which working-day deadlines count."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

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
    assert [t["item"] for t in found["tasks"]] == ["1"]  # 08/02 14:00 is after the cut-off


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
