"""A task table's columns that no field of a task takes ("Ghi chú", "Địa điểm", "Kinh
phí", "Sản phẩm") are not dropped: each row's cell ends its task's text in brackets,
with the column's heading, after the row's units and deadline were read from their own
columns (nothing lost)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.importing import imported, imported_file

HEAD = "THÔNG BÁO\nKết luận hội nghị giao ban tháng 4/2024\nHà Nội, ngày 05 tháng 4 năm 2024\n\n"
ROWS = [
    ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời hạn", "Ghi chú"],
    ["1", "Hoàn thiện quy chế làm việc", "Văn phòng", "30/4/2024", "Gửi kèm dự thảo"],
    ["2", "Tập huấn phần mềm quản lý văn bản", "Ban Tổ chức", "Tháng 5/2024", ""],
    ["3", "Tổ chức hội nghị sơ kết", "Ban Tuyên giáo", "Tháng 6/2024", "Tại hội trường tầng 3"],
]
TAIL = "\nNơi nhận:\n- Lưu VP.\nCHÁNH VĂN PHÒNG\nNguyễn Văn Bình\n"
WANTED = [
    ("Hoàn thiện quy chế làm việc (Ghi chú: Gửi kèm dự thảo)", ["Văn phòng"], "30/4/2024"),
    ("Tập huấn phần mềm quản lý văn bản", ["Ban Tổ chức"], "Tháng 5/2024"),
    (
        "Tổ chức hội nghị sơ kết (Ghi chú: Tại hội trường tầng 3)",
        ["Ban Tuyên giáo"],
        "Tháng 6/2024",
    ),
]


def _read(tasks: list[dict]) -> list[tuple[str, list[str], str | None]]:
    return [(t["text"], t.get("owners", []), t.get("deadline")) for t in tasks]


def _markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]]) + "\n"


@pytest.mark.parametrize(
    "table",
    [
        _markdown(ROWS),
        "".join("\t".join(row) + "\n" for row in ROWS),  # pasted from a web page or Word
        "".join(" | ".join(row) + "\n" for row in ROWS),
    ],
    ids=["markdown", "tabs", "bars"],
)
def test_a_column_no_field_takes_ends_the_tasks_text(tmp_path: Path, table: str) -> None:
    tasks, _ = imported(tmp_path, HEAD + "Phân công nhiệm vụ như sau:\n" + table + TAIL)
    assert _read(tasks) == WANTED


def test_a_word_tables_note_and_place_columns_are_kept(tmp_path: Path) -> None:
    rows = [[*row[:4], "Địa điểm", row[4]] for row in ROWS]
    rows[0][4] = "Địa điểm"
    rows[1][4], rows[2][4], rows[3][4] = "Trụ sở cơ quan", "", "Huyện Đông Anh"
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("CHÁNH VĂN PHÒNG")
    path = tmp_path / "tb.docx"
    document.save(str(path))
    tasks, _ = imported_file(path, tmp_path)
    assert [t["text"] for t in tasks] == [
        "Hoàn thiện quy chế làm việc (Địa điểm: Trụ sở cơ quan; Ghi chú: Gửi kèm dự thảo)",
        "Tập huấn phần mềm quản lý văn bản",
        "Tổ chức hội nghị sơ kết (Địa điểm: Huyện Đông Anh; Ghi chú: Tại hội trường tầng 3)",
    ]
    assert [t["deadline"] for t in tasks] == ["30/4/2024", "Tháng 5/2024", "Tháng 6/2024"]


def test_a_place_column_names_no_owner_and_no_deadline(tmp_path: Path) -> None:
    """A table without a "who" column takes its owners from the row's text: the kept
    "Địa điểm" cell, though it names a body and a day, gives neither."""
    rows = [
        ["STT", "Nội dung công việc", "Thời hạn", "Địa điểm"],
        ["1", "Văn phòng hoàn thiện quy chế làm việc", "30/4/2024", "Trụ sở UBND huyện"],
        ["2", "Ban Tổ chức tập huấn phần mềm", "Tháng 5/2024", "Hội trường, ngày 20/5/2024"],
    ]
    tasks, _ = imported(tmp_path, HEAD + "Phân công nhiệm vụ như sau:\n" + _markdown(rows) + TAIL)
    assert [t.get("deadline") for t in tasks] == ["30/4/2024", "Tháng 5/2024"]
    assert all("UBND" not in " ".join(t.get("owners", [])) for t in tasks)
    assert tasks[1]["text"].endswith("(Địa điểm: Hội trường, ngày 20/5/2024)")
