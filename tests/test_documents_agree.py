"""The documents (Word, Excel, HTML) say what the table says (qa12d findings 1 to 5): each
row's state in the table's words, the week's cut-off and why it moved, both years of a week
over the new year, one period after a sentence, and file properties of the report, not of
python-docx's template or openpyxl. Through the real command line, read back with
python-docx, openpyxl and the page's text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from giaoban.cli.main import app

WEEK_50 = """\
id: 2026-12-07-w
kind: thông báo kết luận
title: Tuần 50
date: 2026-12-07
tasks:
  - item: "1"
    text: Xong muộn.
    owners: [VP]
    deadline: trước ngày 08/12/2026
    status: done
    done_on: 2026-12-09
  - item: "2"
    text: Xong đúng hạn.
    owners: [VP]
    deadline: trước ngày 10/12/2026
    status: done
    done_on: 2026-12-09
  - item: "3"
    text: Đến hạn hôm nay.
    owners: [VP]
    deadline: trước ngày 10/12/2026
  - item: "4"
    text: Quá hạn.
    owners: [BTC]
    deadline: trước ngày 07/12/2026
  - item: "5"
    text: Còn hạn.
    owners: [BTC]
    deadline: trước ngày 12/12/2026
"""
NOW = "2026-12-10T09:00"


@pytest.fixture
def run(runner: CliRunner, data_dir: Path, tmp_path: Path) -> Callable[..., Path | str]:
    """``giaoban COMMAND --data … ARGS``: the file written with ``-o``, else the output."""

    def invoke(*args: str, out: str | None = None) -> Path | str:
        line = [args[0], "--data", str(data_dir), *args[1:]]
        if out is not None:
            line += ["-o", str(tmp_path / out)]
        result = runner.invoke(app, line)
        assert result.exit_code == 0, result.output
        return tmp_path / out if out is not None else result.stdout

    return invoke


def _page_text(path: Path | str) -> str:
    return re.sub(r"<[^>]+>", "", Path(path).read_text(encoding="utf-8"))


def _paragraphs(path: Path | str) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_workbook_says_each_rows_state_in_the_tables_words(
    run: Callable[..., Path | str], write_notice: Callable[..., Path]
) -> None:
    write_notice("2026-12-07-w", WEEK_50)
    table = json.loads(str(run("week", "--today", NOW, "-f", "json")))
    said = {t["short_id"]: t["remaining"] for t in table["tasks"]}
    book = load_workbook(str(run("week", "--today", NOW, "-f", "xlsx", out="w.xlsx")))
    sheet = [[c.value for c in row] for row in book["Đến hạn"].iter_rows()]
    header = sheet[0]
    assert header[6:8] == ["Còn lại (ngày)", "Tình trạng"]
    rows = {r[1]: dict(zip(header, r, strict=True)) for r in sheet[1:]}
    rows.update({r[1]: dict(zip(header, r, strict=True)) for r in book["Quá hạn"].values})
    assert {tid: rows[tid]["Tình trạng"] for tid in said} == said
    late = rows["2026-12-07#1"]
    assert late["Tình trạng"] == "hoàn thành quá hạn 1 ngày"
    assert late["Còn lại (ngày)"] is None  # not "-2", which reads as late by two days
    assert rows["2026-12-07#2"]["Tình trạng"] == "hoàn thành đúng hạn"
    assert rows["2026-12-07#2"]["Còn lại (ngày)"] is None  # not 0, as the open task due today
    assert (rows["2026-12-07#3"]["Còn lại (ngày)"], rows["2026-12-07#3"]["Tình trạng"]) == (
        0,
        "hôm nay",
    )
    assert (rows["2026-12-07#4"]["Còn lại (ngày)"], rows["2026-12-07#4"]["Tình trạng"]) == (
        -3,
        "quá hạn 3 ngày",
    )


def test_the_week_documents_name_the_cutoff_and_why_it_moved(
    run: Callable[..., Path | str], write_notice: Callable[..., Path], data_dir: Path
) -> None:
    write_notice("2026-12-07-w", WEEK_50)
    (data_dir / "settings.yaml").write_text("days_off: [2026-12-11]\n", encoding="utf-8")
    table = str(run("week", "--today", "2026-12-08", "--no-pager"))
    cutoff = "hạn chót 14h00 thứ Năm 10/12/2026 (thứ Sáu 11/12/2026 là ngày nghỉ)"
    assert table.splitlines()[0] == f"Tuần 50 (07/12–13/12/2026), {cutoff}"
    title = f"Tình hình thực hiện nhiệm vụ tuần 50 (từ 07/12 đến 13/12/2026), {cutoff}"
    assert _paragraphs(run("week", "--today", "2026-12-08", "-f", "docx", out="w.docx"))[1] == title
    page = Path(run("week", "--today", "2026-12-08", "-f", "html", out="w.html"))
    assert re.findall("<h2>(.*)</h2>", page.read_text(encoding="utf-8")) == [title]


def test_a_week_over_the_new_year_names_both_years(
    run: Callable[..., Path | str], write_notice: Callable[..., Path]
) -> None:
    write_notice("2026-12-07-w", WEEK_50)
    week = json.loads(str(run("week", "--today", "2026-12-29", "-f", "json")))["week"]
    assert week["label"].startswith("Tuần 53 (28/12/2026–03/01/2027), hạn chót ")
    title = _paragraphs(run("week", "--today", "2026-12-29", "-f", "docx", out="w.docx"))[1]
    assert title.startswith("Tình hình thực hiện nhiệm vụ tuần 53 (từ 28/12/2026 đến 03/01/2027)")
    page = Path(run("week", "--today", "2026-12-29", "-f", "html", out="w.html"))
    found = re.findall(r"tuần 53 \([^)]*\)", page.read_text(encoding="utf-8"))
    assert found and set(found) == {"tuần 53 (từ 28/12/2026 đến 03/01/2027)"}


@pytest.mark.parametrize("command", ["week", "due", "overdue"])
def test_an_empty_report_says_so_with_one_period(
    run: Callable[..., Path | str], command: str
) -> None:
    word = _paragraphs(run(command, "--today", "2026-12-08", "-f", "docx", out="r.docx"))
    page = Path(run(command, "--today", "2026-12-08", "-f", "html", out="r.html"))
    said = [p for p in word if "Không có việc nào" in p]
    assert said and set(said) == {"Không có việc nào."}
    text = page.read_text(encoding="utf-8")
    assert "<p>Không có việc nào.</p>" in text and ".." not in _page_text(page)


def test_the_word_document_and_workbook_are_the_reports_not_the_libraries(
    run: Callable[..., Path | str], write_notice: Callable[..., Path], data_dir: Path
) -> None:
    write_notice("2026-12-07-w", WEEK_50)
    made = datetime(2026, 12, 10, 2, 0)  # 09:00 in Hà Nội, in UTC as the files hold it
    title = "Báo cáo tình hình thực hiện nhiệm vụ tuần 50 (từ 07/12 đến 13/12/2026), hạn chót"
    core = Document(str(run("week", "--today", NOW, "-f", "docx", out="w.docx"))).core_properties
    assert core.title.startswith(title + " 14h00 thứ Sáu 11/12/2026")
    assert (core.author, core.last_modified_by, core.language) == ("giaoban", "giaoban", "vi-VN")
    assert core.comments.startswith("Tính đến 10/12/2026 09:00 (thứ Năm). Dữ liệu: ")
    assert core.created is not None and core.created.replace(tzinfo=None) == made
    assert core.modified is not None and core.modified.replace(tzinfo=None) == made
    book = load_workbook(str(run("week", "--today", NOW, "-f", "xlsx", out="w.xlsx")))
    props = book.properties
    assert (props.title, props.creator, props.lastModifiedBy) == (core.title, "giaoban", "giaoban")
    assert (props.created, props.modified, props.description) == (made, made, core.comments)

    (data_dir / "settings.yaml").write_text("office: Văn phòng Trung ương Đoàn\n", "utf-8")
    for fmt in ("docx", "xlsx"):
        path = str(run("stats", "--month", "2026-12", "--today", NOW, "-f", fmt, out=f"s.{fmt}"))
        if fmt == "docx":
            said = Document(path).core_properties
            who, when, name = said.author, said.created, said.title
        else:
            said = load_workbook(path).properties
            who, when, name = said.creator, said.created, said.title
        assert who == "Văn phòng Trung ương Đoàn"
        assert when is not None and when.replace(tzinfo=None) == made
        assert name == "Báo cáo thống kê tiến độ thực hiện nhiệm vụ tháng 12/2026"
