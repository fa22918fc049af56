"""A Word task table's "who" cell whose units stand in paragraphs of their own, without
bullets ("Ban Phong trào" / "Văn phòng"), gives one unit a paragraph; a text cell's
paragraphs are still one text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.test_import_table_unit_lists import BOTH, HEAD, _registered

BTC = "Ban Tổ chức - Kiểm tra"


def _word_tasks(tmp_path: Path, rows: list[list[list[str]]], style: str | None = None) -> list:
    """The tasks ``giaoban import`` drafts from a .docx whose one table has ``rows``,
    each cell given as its paragraphs (``style``: the paragraphs' Word style after
    the first, "List Bullet" for a bulleted list without a typed mark)."""
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, paragraphs in zip(row.cells, cells, strict=True):
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more, style=style)
    path = _registered(tmp_path) / "tb.docx"
    document.save(str(path))
    result = CliRunner().invoke(app, ["import", str(path), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return YAML(typ="safe").load(result.stdout)["tasks"]


HEADER = [["TT"], ["Nội dung"], ["Đơn vị", "chủ trì"], ["Phối hợp"], ["Thời hạn"]]


@pytest.mark.parametrize("style", [None, "List Bullet"])
@pytest.mark.parametrize(
    "cell",
    [
        ["Ban Phong trào", "Văn phòng"],
        ["Ban Phong trào", "", "Văn phòng Tỉnh đoàn"],  # an empty paragraph between
        ["BPT", "VP", "Văn phòng"],  # one unit by two names: once
    ],
)
def test_a_word_cell_with_a_unit_a_paragraph_gives_each(
    tmp_path: Path, cell: list[str], style: str | None
) -> None:
    rows = [
        HEADER,
        [["1"], ["Rà soát đoàn viên"], ["Ban Tổ chức"], cell, ["trước ngày 20/3/2024"]],
        [["2"], ["Tổng kết quý I"], cell, ["Ban Tổ chức"], ["trong tháng 4/2024"]],
    ]
    tasks = _word_tasks(tmp_path, rows, style)
    assert [t["owners"] for t in tasks] == [[BTC], BOTH]
    assert [t["supports"] for t in tasks] == [BOTH, [BTC]]


def test_a_word_text_cell_keeps_its_paragraphs_one_text(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [
            ["1"],
            ["Rà soát đoàn viên", "(gửi về Văn phòng)"],
            ["Ban Phong trào", "Văn phòng"],
            [""],
            ["trước ngày", "20/3/2024"],
        ],
        # a name broken over two paragraphs is one unit still
        [["2"], ["Tổng kết"], ["Ban Tổ chức -", "Kiểm tra"], [""], ["tháng 4/2024"]],
    ]
    first, second = _word_tasks(tmp_path, rows)
    assert first["text"] == "Rà soát đoàn viên (gửi về Văn phòng)"
    assert first["owners"] == BOTH
    assert first["deadline"] == "trước ngày 20/3/2024"
    assert second["owners"] == [BTC]


def test_a_markdown_cell_with_line_breaks_gives_a_unit_a_line(tmp_path: Path) -> None:
    table = (
        "| TT | Nội dung | Đơn vị chủ trì | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Rà soát<br>đoàn viên | Ban Phong trào<br/>Văn phòng | trước ngày 20/3/2024 |\n"
    )
    source = _registered(tmp_path) / "tb.md"
    source.write_text(HEAD + table, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(source), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (task,) = YAML(typ="safe").load(result.stdout)["tasks"]
    assert (task["text"], task["owners"]) == ("Rà soát đoàn viên", BOTH)
