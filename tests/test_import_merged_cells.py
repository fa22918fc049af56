"""A task table's merged cells, in a Word file (``w:gridSpan``, ``w:vMerge``) and in a
saved web page (``colspan``, ``rowspan``), are read as the eye reads them: a header of
two rows ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp") names each column once, and a
cell merged down over rows (one unit, one deadline for two tasks) is each row's (QA11
04, 05)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import docx
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app

REGISTRY = """\
units:
  - name: Phòng Tài chính - Kế hoạch
  - name: Phòng Nội vụ
  - name: Phòng Giáo dục và Đào tạo
  - name: Phòng Văn hóa và Thông tin
  - name: Văn phòng HĐND và UBND huyện
"""
TCKH, NV, GD = "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo"
VH, VP = "Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND huyện"
BEFORE = [
    "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 9/2024",
    "Kim Bảng, ngày 12 tháng 9 năm 2024",
    "Chủ tịch UBND huyện giao nhiệm vụ cụ thể như sau:",
]
AFTER = ["Đề nghị các phòng, ban chuyên môn nghiêm túc triển khai thực hiện."]
AFTER += ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Thành"]

# A table as laid out: a cell is its text, or (text, columns, rows) when it is merged
# over more than one; a slot a merged cell covers is COVERED.
COVERED = None
Layout = list[list[Any]]


def _spans(cell: Any) -> tuple[str, int, int]:
    return cell if isinstance(cell, tuple) else (cell, 1, 1)


def _word(path: Path, rows: Layout) -> None:
    document = docx.Document()
    for line in BEFORE:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is COVERED:
                continue
            text, columns, down = _spans(cell)
            merged = table.cell(r, c).merge(table.cell(r + down - 1, c + columns - 1))
            merged.text = text
    for line in AFTER:
        document.add_paragraph(line)
    document.save(str(path))


def _page(path: Path, rows: Layout) -> None:
    lines = []
    for r, row in enumerate(rows):
        tag = "th" if r == 0 else "td"
        cells = []
        for cell in row:
            if cell is COVERED:
                continue
            text, columns, down = _spans(cell)
            spans = (f' colspan="{columns}"' if columns > 1 else "") + (
                f' rowspan="{down}"' if down > 1 else ""
            )
            cells.append(f"<{tag}{spans}>{html.escape(text)}</{tag}>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in BEFORE[1:]]
    path.write_text(
        '<html><head><meta charset="utf-8"><title>Thông báo</title></head><body><article>'
        + "".join(paragraphs)
        + '<table border="1">'
        + "".join(lines)
        + "</table>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in AFTER)
        + "</article></body></html>",
        encoding="utf-8",
    )


def _tasks(tmp_path: Path, kind: str, rows: Layout) -> list[tuple[str, list, list, str | None]]:
    """(item, owners, supports, deadline) of each task ``giaoban import`` drafts from a
    notice whose one table is ``rows``, written as a .docx or a saved .html page."""
    (tmp_path / "units.yaml").write_text(REGISTRY, encoding="utf-8")
    path = tmp_path / f"tb.{kind}"
    (_word if kind == "docx" else _page)(path, rows)
    result = CliRunner().invoke(app, ["import", str(path), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tasks = YAML(typ="safe").load(result.stdout)["tasks"]
    return [
        (t["item"], t.get("owners", []), t.get("supports", []), t.get("deadline")) for t in tasks
    ]


TWO_ROW_HEADER: Layout = [
    [
        ("STT", 1, 2),
        ("Nội dung công việc", 1, 2),
        ("Đơn vị thực hiện", 2, 1),
        COVERED,
        ("Thời gian hoàn thành", 1, 2),
    ],
    [COVERED, COVERED, "Chủ trì", "Phối hợp", COVERED],
    ["1", "Rà soát dự toán ngân sách năm 2025", TCKH, NV, "Trước ngày 30/9/2024"],
    ["2", "Tổng hợp kết quả tuyển sinh năm học 2024-2025", GD, "", "Trước ngày 20/9/2024"],
    ["3", "Tuyên truyền Đại hội Đảng bộ huyện", VH, VP, "Trong tháng 10/2024"],
]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_header_of_two_rows_names_each_column(tmp_path: Path, kind: str) -> None:
    assert _tasks(tmp_path, kind, TWO_ROW_HEADER) == [
        ("1", [TCKH], [NV], "Trước ngày 30/9/2024"),
        ("2", [GD], [], "Trước ngày 20/9/2024"),
        ("3", [VH], [VP], "Trong tháng 10/2024"),
    ]


MERGED_DOWN: Layout = [
    ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"],
    ["1", "Rà soát dự toán ngân sách 6 tháng đầu năm", (TCKH, 1, 2), "Trước ngày 20/6/2024"],
    ["2", "Báo cáo tiến độ giải ngân vốn đầu tư công", COVERED, "Trước ngày 25/6/2024"],
    ["3", "Tổng hợp kết quả tuyển sinh lớp 6", GD, ("Trong tháng 7/2024", 1, 2)],
    ["4", "Kiểm tra các cơ sở kinh doanh karaoke", VH, COVERED],
    ["5", "Tổng kết công tác tuyển sinh", NV, ""],  # an empty cell, merged with none
]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_cell_merged_down_is_each_rows(tmp_path: Path, kind: str) -> None:
    assert _tasks(tmp_path, kind, MERGED_DOWN) == [
        ("1", [TCKH], [], "Trước ngày 20/6/2024"),
        ("2", [TCKH], [], "Trước ngày 25/6/2024"),
        ("3", [GD], [], "Trong tháng 7/2024"),
        ("4", [VH], [], "Trong tháng 7/2024"),
        ("5", [NV], [], None),
    ]


ONE_NUMBER_TWO_ROWS: Layout = [
    ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"],
    [("1", 1, 2), "Rà soát dự toán ngân sách", TCKH, "Trước ngày 20/6/2024"],
    [COVERED, "Rà soát biên chế", NV, "Trước ngày 25/6/2024"],
    ["2", "Tổng hợp kết quả tuyển sinh lớp 6", GD, "Trong tháng 7/2024"],
]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_rows_under_one_merged_number_are_the_items_parts(tmp_path: Path, kind: str) -> None:
    assert _tasks(tmp_path, kind, ONE_NUMBER_TWO_ROWS) == [
        ("1.1", [TCKH], [], "Trước ngày 20/6/2024"),
        ("1.2", [NV], [], "Trước ngày 25/6/2024"),
        ("2", [GD], [], "Trong tháng 7/2024"),
    ]
