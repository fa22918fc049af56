"""Dated reports name the open tasks whose deadline cannot be computed yet.

A deadline counted from an event no ``events:`` line dates has no due moment, so
no row in ``due``, ``overdue``, ``week`` or ``stats``. Each of them says how many
such tasks of its units and notices are open, and which, in every format (JSON:
the key ``unresolved``; CSV: a line on stderr), through the real command line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from giaoban.cli.main import app

CONGRESS = """\
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
    owners: [BTC]
    deadline: trước khai mạc Đại hội ít nhất 10 ngày làm việc
  - item: "3"
    text: Báo cáo tổng kết
    owners: [VP]
    deadline: trước ngày 10/04/2024
  - item: "4"
    text: Việc đã xong
    owners: [VP]
    deadline: chậm nhất 3 ngày trước ngày khai mạc Đại hội
    status: done
    done_on: 2024-04-15
  - item: "5"
    text: Việc đã hủy
    owners: [VP]
    deadline: chậm nhất 3 ngày trước ngày khai mạc Đại hội
    status: cancelled
  - item: "6"
    text: Việc có mốc
    owners: [VP]
    deadline: 3 ngày sau ngày bế mạc Hội nghị
"""

OTHER = """\
id: 2024-03-05-hoi-nghi
kind: thông báo kết luận
title: Kết luận hội nghị
date: 2024-03-05
tasks:
  - item: "1"
    text: Chuẩn bị hội trường
    owners: [VP]
    deadline: trước ngày khai mạc Hội nghị 2 ngày
"""

IDS = ["2024-03-01-dai-hoi#1", "2024-03-01-dai-hoi#2", "2024-03-05-hoi-nghi#1"]
LINE = (
    "3 việc chưa tính được hạn (mốc chưa có ngày): " + ", ".join(IDS) + "; xem: giaoban list "
    "--status unresolved"
)
REPORTS = (["due"], ["overdue"], ["week"], ["stats", "--month", "2024-04"])


@pytest.fixture
def ledger(data_dir: Path, write_notice: Callable[..., Path]) -> Path:
    write_notice("2024-03-01-dai-hoi", CONGRESS)
    write_notice("2024-03-05-hoi-nghi", OTHER)
    return data_dir


def _run(runner: CliRunner, data: Path, *args: str, today: str = "2024-04-20") -> tuple[str, str]:
    result = runner.invoke(
        app, [*args, "--data", str(data), "--today", today], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("report", REPORTS)
def test_json_lists_the_ids_and_keeps_the_tasks_contract(
    runner: CliRunner, ledger: Path, report: list[str]
) -> None:
    out, _ = _run(runner, ledger, *report, "--format", "json")
    found = json.loads(out)
    assert found["unresolved"] == IDS
    for task in found.get("tasks", []):  # no row for them, and no new state
        assert task["id"] not in IDS
        assert task["state"] in ("overdue", "due_soon", "upcoming", "done_on_time", "done_late")


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_table_and_markdown_say_how_many_and_which(
    runner: CliRunner, ledger: Path, report: list[str], fmt: str
) -> None:
    out, _ = _run(runner, ledger, *report, "--format", fmt)
    flat = " ".join(out.replace("\\", "").split())
    assert LINE in flat


@pytest.mark.parametrize("report", REPORTS)
def test_csv_keeps_its_rows_and_says_it_on_stderr(
    runner: CliRunner, ledger: Path, report: list[str]
) -> None:
    out, err = _run(runner, ledger, *report, "--format", "csv")
    assert "chưa tính được hạn" not in out
    list(csv.reader(io.StringIO(out)))  # still plain CSV
    assert f"giaoban: lưu ý: {LINE}" in err


@pytest.mark.parametrize("report", REPORTS)
def test_documents_say_how_many_and_which(
    runner: CliRunner, ledger: Path, report: list[str], tmp_path: Path
) -> None:
    line = LINE.split("; xem:")[0] + "."  # a document names the tasks, not a command
    page, _ = _run(runner, ledger, *report, "--format", "html")
    assert f"<p>{line}</p>" in page
    word = tmp_path / "report.docx"
    _run(runner, ledger, *report, "--format", "docx", "-o", str(word))
    assert line in [p.text for p in Document(str(word)).paragraphs]
    sheet = tmp_path / "report.xlsx"
    _run(runner, ledger, *report, "--format", "xlsx", "-o", str(sheet))
    rows = list(load_workbook(str(sheet))["Chưa tính được hạn"].values)
    assert rows == [(line[:-1],), ("Mã",), *((tid,) for tid in IDS)]


@pytest.mark.parametrize("report", REPORTS)
def test_the_unit_notice_and_status_filters_hold(
    runner: CliRunner, ledger: Path, report: list[str]
) -> None:
    def ids(*extra: str) -> list[str]:
        out, _ = _run(runner, ledger, *report, "--format", "json", *extra)
        return list(json.loads(out)["unresolved"])

    assert ids("--unit", "BTC") == ["2024-03-01-dai-hoi#2"]
    assert ids("--notice", "2024-03-05") == ["2024-03-05-hoi-nghi#1"]
    assert ids("--status", "done") == []
    assert ids("--status", "unresolved") == IDS


def test_a_task_done_after_now_counts_and_none_gives_no_line(
    runner: CliRunner, ledger: Path
) -> None:
    out, _ = _run(runner, ledger, "overdue", "--format", "json", today="2024-04-10")
    assert json.loads(out)["unresolved"] == [*IDS[:2], "2024-03-01-dai-hoi#4", IDS[2]]
    out, _ = _run(runner, ledger, "week", "--unit", "BTC", "--notice", "2024-03-05")
    assert "chưa tính được hạn" not in out
    out, _ = _run(runner, ledger, "week", "--unit", "BTC", "--notice", "2024-03-05", "-f", "json")
    assert json.loads(out)["unresolved"] == []


def test_the_same_with_and_without_the_cache(runner: CliRunner, ledger: Path) -> None:
    cached, _ = _run(runner, ledger, "due", "--format", "json")
    fresh, _ = _run(runner, ledger, "due", "--format", "json", "--no-cache")
    assert json.loads(cached)["unresolved"] == json.loads(fresh)["unresolved"] == IDS
