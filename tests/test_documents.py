"""Reports as documents (issue 14, item 4): Word in the form of Nghị định 30/2020/NĐ-CP and a
printable HTML page, read back with python-docx and an HTML parser; LibreOffice turns the
Word document into a PDF where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook
from typer.testing import CliRunner

from giaoban.cli.main import app

SETTINGS = """\
office: Văn phòng Trung ương Đoàn
report_parent: Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh
report_place: Hà Nội
report_number: 12/BC-VP
report_signer_title: Chánh Văn phòng
report_signer_name: Nguyễn Văn A
report_recipients: [Ban Bí thư Trung ương Đoàn, "Các ban, đơn vị"]
"""
HOSTILE = """\
id: 2022-04-15-giao-ban
kind: thông báo kết luận
title: Kết luận
date: 2022-04-15
tasks:
  - {item: "1", owners: [VP], deadline: trước ngày 21/04/2022,
     text: "Báo cáo <script>alert(1)</script> và \\e[2J xong"}
  - {item: "1.10", owners: [VP], deadline: trước ngày 22/04/2022, text: "=SUM(A1:A9)"}
"""


@pytest.fixture
def week(runner: CliRunner, seed_data: Path, tmp_path: Path) -> Callable[..., Path]:
    (seed_data / "settings.yaml").write_text(SETTINGS, encoding="utf-8")
    (seed_data / "2022" / "2022-04-15-giao-ban.yaml").write_text(HOSTILE, encoding="utf-8")

    def run(fmt: str) -> Path:
        out = tmp_path / f"tuan-16.{fmt}"
        args = [
            "week",
            "--data",
            str(seed_data),
            "--today",
            "2022-04-20",
            "-f",
            fmt,
            "-o",
            str(out),
        ]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        return out

    return run


def test_the_word_document_follows_the_decree(week: Callable[..., Path]) -> None:
    doc = Document(str(week("docx")))
    section = doc.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    millimetres = [None if size is None else round(size.mm) for size in sizes]
    assert millimetres == [210, 297, 20, 20, 30, 15]  # A4, the decree
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))
    header = [cell.text.split("\n") for cell in doc.tables[0].rows[0].cells]
    assert header[0] == [
        "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH",
        "VĂN PHÒNG TRUNG ƯƠNG ĐOÀN",
        "Số: 12/BC-VP",
    ]
    assert header[1] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 20 tháng 4 năm 2022",
    ]
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == [
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ tuần 16 (từ 18/04 đến 24/04/2022), "
        "hạn chót 14h00 thứ Sáu 22/04/2022",
    ]
    assert "I. Đến hạn trong tuần, đến hết ngày 24/04/2022 (Chủ nhật)" in texts
    rows = [[c.text for c in row.cells] for table in doc.tables[1:-1] for row in table.rows]
    assert ["STT", "Nhiệm vụ", "Hạn", "Còn lại"] in rows
    assert any(r[1].startswith("2022-04-14#6.2: ") and "(trễ 1 lần" in r[1] for r in rows)
    sign = [cell.text.split("\n") for cell in doc.tables[-1].rows[0].cells]
    assert sign[0] == [
        "Nơi nhận:",
        "- Ban Bí thư Trung ương Đoàn;",
        "- Các ban, đơn vị;",
        "- Lưu: VT.",
    ]
    assert sign[1][0] == "CHÁNH VĂN PHÒNG" and sign[1][-1] == "Nguyễn Văn A"


def test_a_task_text_is_text_in_the_documents(week: Callable[..., Path]) -> None:
    word = "\n".join(
        c.text for t in Document(str(week("docx"))).tables for r in t.rows for c in r.cells
    )
    assert "<script>alert(1)</script>" in word and "\\x1b[2J" in word  # shown as written

    class Tags(HTMLParser):
        found: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.found.append(tag)

    page = week("html").read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.found and "link" not in parser.found  # self-contained
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "\x1b" not in page
    assert parser.found.count("table") >= 4 and "@page { size: A4" in page


def test_the_workbook_has_a_sheet_per_part_real_dates_and_text(week: Callable[..., Path]) -> None:
    book = load_workbook(str(week("xlsx")))
    assert book.sheetnames == ["Đến hạn", "Quá hạn", "Tồn đọng"]
    due = book["Đến hạn"]
    header = [c.value for c in due[1]]
    assert header[:6] == ["Đơn vị chủ trì", "Mã", "Thông báo", "Mục", "Nhiệm vụ", "Hạn"]
    rows = {row[3].value: row for row in due.iter_rows(min_row=2)}
    assert rows["1.10"][3].data_type == "s"  # the item stays "1.10", not the number 1.1
    formula = rows["1.10"][4]
    assert (formula.value, formula.data_type) == ("=SUM(A1:A9)", "s")  # text, not a formula
    day = rows["1.10"][5]
    assert day.value == datetime(2022, 4, 22) and day.number_format == "dd/mm/yyyy"
    duty = rows["6.2"]
    assert duty[5].value == datetime(2022, 4, 22, 14, 0) and duty[8].value == 1
    assert (duty[6].value, duty[7].value) == (2, "còn 2 ngày")  # the table's "Còn lại"
    backlog = [[c.value for c in row] for row in book["Tồn đọng"].iter_rows(min_row=2)]
    assert ["Các ban, đơn vị khối phong trào", 6, datetime(2018, 12, 31)] in backlog


def test_a_word_document_needs_a_file(runner: CliRunner, seed_data: Path) -> None:
    args = ["week", "--data", str(seed_data), "--today", "2022-04-20", "-f", "docx"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "cần -o" in result.output


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_makes_a_pdf_of_the_word_document(
    week: Callable[..., Path], tmp_path: Path
) -> None:
    source = week("docx")
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    if "could not be loaded" in result.stdout + result.stderr:
        pytest.skip("LibreOffice Writer is not installed (only other components are)")
    pdf = tmp_path / "pdf" / "tuan-16.pdf"
    assert result.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")


@pytest.fixture
def stats(runner: CliRunner, seed_data: Path, tmp_path: Path) -> Callable[..., tuple[Path, str]]:
    (seed_data / "settings.yaml").write_text(SETTINGS, encoding="utf-8")

    def run(fmt: str) -> tuple[Path, str]:
        out = tmp_path / f"thong-ke.{fmt}"
        args = ["stats", "--data", str(seed_data), "--month", "2019-03", "--today", "2022-04-20"]
        result = runner.invoke(app, [*args, "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        return out, result.output

    return run


def test_statistics_as_documents_carry_the_monthly_chart(stats: Callable[..., tuple]) -> None:
    word = Document(str(stats("docx")[0]))
    assert [p.text for p in word.paragraphs][:2] == [
        "BÁO CÁO",
        "Thống kê tiến độ thực hiện nhiệm vụ tháng 03/2019",
    ]
    units = [[c.text for c in row.cells] for row in word.tables[1].rows]
    assert units[-1] == ["Tổng cộng", "0 (0%)", "0 (0%)", "0 (0%)", "4 (100%)", "4"]
    assert len(word.inline_shapes) == 1  # the chart
    book = load_workbook(str(stats("xlsx")[0]))
    assert book.sheetnames == ["Theo đơn vị", "Theo tháng"]
    months = [[c.value for c in row] for row in book["Theo tháng"].iter_rows(min_row=2)]
    assert months[-1] == [datetime(2019, 3, 1), 0, 0, 0, 4, 4]
    assert len(book["Theo tháng"]._charts) == 1  # a native Excel chart
    page = stats("html")[0].read_text(encoding="utf-8")
    assert page.count("<svg") == 1 and "Đang thực hiện quá hạn" in page


def test_without_matplotlib_a_document_has_no_chart_and_says_so(
    stats: Callable[..., tuple], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    path, output = stats("docx")
    assert "chưa có matplotlib" in output and "giaoban[charts]" in output
    assert len(Document(str(path)).inline_shapes) == 0


@pytest.mark.parametrize("command", ["week", "due", "overdue", "stats"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_a_file_asked_for_with_a_screen_format_is_refused_not_ignored(
    runner: CliRunner, seed_data: Path, tmp_path: Path, command: str, fmt: str
) -> None:
    """``-o`` writes documents only; with a format printed on the screen the command says
    so and exits 2, rather than print to the screen and leave the asked-for file unwritten."""
    out = tmp_path / "bao-cao.txt"
    args = [command, "--data", str(seed_data), "--today", "2022-04-20", "-f", fmt, "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "-o chỉ dùng với --format docx, xlsx hoặc html" in result.output
    assert not out.exists()
