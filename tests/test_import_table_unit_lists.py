"""A task table's "who" cell that names several units ("Ban A; Ban B", "Văn phòng, Ban
A", "Ban A và Ban B", a list "- Ban A" / "- Ban B" in one cell) gives one unit each,
read as an item's field line "Phối hợp: ..." is; a name with a comma in it stays whole
(QA9 01)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.importing import imported

REGISTRY = """\
units:
  - name: Văn phòng Tỉnh đoàn
    short: [VP]
    aliases: [Văn phòng]
  - name: Ban Tổ chức - Kiểm tra
    short: [BTC]
    aliases: [Ban Tổ chức]
  - name: Ban Phong trào
    short: [BPT]
"""
HEAD = "THÔNG BÁO\nKết luận giao ban ngày 10/3/2024\n\n"
HEADER = ["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Thời hạn"]
BOTH = ["Ban Phong trào", "Văn phòng Tỉnh đoàn"]


def _registered(tmp_path: Path) -> Path:
    (tmp_path / "units.yaml").write_text(REGISTRY, encoding="utf-8")
    return tmp_path


def _table(layout: str, rows: list[list[str]]) -> str:
    """``rows`` under the header, written as ``layout`` lays a table out as text."""
    if layout == "markdown":
        lines = [HEADER, ["---"] * len(HEADER), *rows]
        return "".join("| " + " | ".join(r) + " |\n" for r in lines)
    if layout == "cells":
        return "".join(c + "\n" for r in [HEADER, *rows] for c in r)
    sep = {"tabs": "\t", "bars": " | "}[layout]
    return "".join(sep.join(r) + "\n" for r in [HEADER, *rows])


def _notes(draft: str) -> list[str]:
    return [line.strip() for line in draft.splitlines() if line.lstrip().startswith("# kiểm tra:")]


@pytest.mark.parametrize("layout", ["tabs", "bars", "markdown", "cells"])
@pytest.mark.parametrize(
    "cell",
    [
        "Ban Phong trào; Văn phòng",
        "Ban Phong trào, Văn phòng",
        "Ban Phong trào và Văn phòng",
        "BPT; VP",
        "Ban Phong trào; Văn phòng; VP",  # one unit by two names: once
    ],
)
def test_a_cell_naming_several_units_gives_each(tmp_path: Path, layout: str, cell: str) -> None:
    rows = [
        ["1", "Rà soát đoàn viên", "Ban Tổ chức", cell, "trước ngày 20/3/2024"],
        ["2", "Tổng kết quý I", cell, "Ban Tổ chức", "trong tháng 4/2024"],
    ]
    tasks, draft = imported(_registered(tmp_path), HEAD + _table(layout, rows))
    assert [t["owners"] for t in tasks] == [["Ban Tổ chức - Kiểm tra"], BOTH]
    assert [t["supports"] for t in tasks] == [BOTH, ["Ban Tổ chức - Kiểm tra"]]
    assert not [n for n in _notes(draft) if "đơn vị" in n]


@pytest.mark.parametrize(
    ("cell", "owners"),
    [
        ("- Ban Phong trào - Văn phòng", BOTH),
        ("• Ban Phong trào • VP", BOTH),
        # a dash inside a name is the name's, registered or not
        ("- Ban Tổ chức - Kiểm tra - Văn phòng", ["Ban Tổ chức - Kiểm tra", "Văn phòng Tỉnh đoàn"]),
        ("- Phòng Tài chính - Kế hoạch - Ban Phong trào", ["Phòng Tài chính - Kế hoạch", BOTH[0]]),
        ("- Văn phòng, Ban Tổ chức - Kiểm tra", ["Văn phòng Tỉnh đoàn", "Ban Tổ chức - Kiểm tra"]),
    ],
)
def test_a_list_joined_into_one_cell_gives_each_line(
    tmp_path: Path, cell: str, owners: list[str]
) -> None:
    rows = [["1", "Rà soát đoàn viên", cell, "", "trước ngày 20/3/2024"]]
    tasks, _ = imported(_registered(tmp_path), HEAD + _table("markdown", rows))
    assert tasks[0]["owners"] == owners


def test_a_list_one_line_a_cell_gives_each_line(tmp_path: Path) -> None:
    table = "TT\nNội dung\nĐơn vị chủ trì\nThời hạn\n"
    table += "1\nRà soát đoàn viên\n- Ban Phong trào\n- Văn phòng\ntrước ngày 20/3/2024\n"
    table += "2\nTổng kết quý I\nBan Tổ chức\ntrong tháng 4/2024\n"
    tasks, _ = imported(_registered(tmp_path), HEAD + table)
    assert [t["owners"] for t in tasks] == [BOTH, ["Ban Tổ chức - Kiểm tra"]]


def test_a_word_cell_with_a_list_gives_each_line(tmp_path: Path) -> None:
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=4)
    heads = ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"]
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    row = table.rows[1].cells
    row[0].text, row[1].text, row[3].text = "1", "Rà soát đoàn viên", "trước ngày 20/3/2024"
    row[2].text = "- Ban Phong trào"
    row[2].add_paragraph("- Văn phòng")
    path = _registered(tmp_path) / "tb.docx"
    document.save(str(path))
    result = CliRunner().invoke(app, ["import", str(path), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert YAML(typ="safe").load(result.stdout)["tasks"][0]["owners"] == BOTH


@pytest.mark.parametrize(
    "name", ["Phòng Chính trị, tư tưởng", "các sở, ban, ngành", "các sở, ban, ngành liên quan"]
)
@pytest.mark.parametrize("form", ["{name}; Ban Phong trào", "Ban Phong trào và {name}"])
def test_a_name_with_a_comma_stays_whole(tmp_path: Path, name: str, form: str) -> None:
    cell = form.format(name=name)
    rows = [["1", "Rà soát đoàn viên", "Văn phòng", cell, "trước ngày 20/3/2024"]]
    tasks, _ = imported(_registered(tmp_path), HEAD + _table("tabs", rows))
    whole = name[:1].upper() + name[1:]
    assert sorted(tasks[0]["supports"]) == sorted([whole, "Ban Phong trào"])


def test_an_unknown_unit_in_a_cell_is_noted(tmp_path: Path) -> None:
    rows = [["1", "Rà soát đoàn viên", "Ban Phong trào; Ban Tuyên giáo", "", "tháng 4/2024"]]
    tasks, draft = imported(_registered(tmp_path), HEAD + _table("tabs", rows))
    assert tasks[0]["owners"] == ["Ban Phong trào", "Ban Tuyên giáo"]
    assert "# kiểm tra: 'Ban Tuyên giáo' chưa có trong danh mục đơn vị" in _notes(draft)


def test_list_by_unit_finds_a_task_its_cell_shares(tmp_path: Path) -> None:
    rows = [
        ["1", "Rà soát đoàn viên", "Ban Tổ chức", "Ban Phong trào; Văn phòng", "20/3/2024"],
        ["2", "Tổng kết quý I", "Văn phòng, Ban Phong trào", "Ban Tổ chức", "tháng 4/2024"],
    ]
    source = _registered(tmp_path) / "tb.txt"
    source.write_text(HEAD + _table("tabs", rows), encoding="utf-8")
    runner = CliRunner()
    saved = runner.invoke(app, ["import", str(source), "--save", "--data", str(tmp_path)])
    assert saved.exit_code == 0, saved.output
    found = runner.invoke(
        app,
        ["list", "--unit", "Ban Phong trào", "--format", "json", "--today", "2024-03-12"]
        + ["--data", str(tmp_path), "--no-cache"],
    )
    assert found.exit_code == 0, found.output
    assert sorted(t["text"] for t in json.loads(found.stdout)["tasks"]) == [
        "Rà soát đoàn viên",
        "Tổng kết quý I",
    ]
    check = runner.invoke(app, ["check", "--data", str(tmp_path)])
    assert check.exit_code == 0 and "unknown-unit" not in check.output


def test_a_field_line_reads_its_units_as_a_cell_does(tmp_path: Path) -> None:
    notice = HEAD + (
        "1. Rà soát đoàn viên.\n"
        "- Chủ trì: Ban Tổ chức\n"
        "- Phối hợp: Phòng Chính trị, tư tưởng; Ban Phong trào\n"
        "- Thời hạn: trước ngày 20/3/2024\n"
    )
    tasks, _ = imported(_registered(tmp_path), notice)
    assert tasks[0]["supports"] == ["Phòng Chính trị, tư tưởng", "Ban Phong trào"]
