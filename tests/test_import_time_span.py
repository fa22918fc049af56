"""A task table whose time is parted into a start and an end column ("Thời gian" merged
over "Bắt đầu" | "Kết thúc" in Word, or "Bắt đầu" | "Kết thúc", "Từ ngày" | "Đến
ngày" on one header row) gives each row one deadline, the span: its header is no
task, and the start is never taken for the deadline."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.importing import imported, imported_file

HEAD = ["THÔNG BÁO", "Kết luận hội nghị giao ban tháng 9/2024", "Hà Nội, ngày 12 tháng 9 năm 2024"]


def _read(tasks: list[dict]) -> list[tuple[str, str, list[str], str | None]]:
    return [(t["item"], t["text"], t.get("owners", []), t.get("deadline")) for t in tasks]


def test_a_word_header_of_two_rows_parts_the_time_into_start_and_end(tmp_path: Path) -> None:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    table = document.add_table(rows=4, cols=5)
    for column, heading in enumerate(["STT", "Nội dung công việc", "Đơn vị chủ trì"]):
        table.cell(0, column).merge(table.cell(1, column)).text = heading
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Thời gian"
    table.cell(1, 3).text, table.cell(1, 4).text = "Bắt đầu", "Kết thúc"
    rows = [
        ["1", "Rà soát dự toán ngân sách", "Văn phòng", "01/10/2024", "30/10/2024"],
        ["2", "Tổng hợp kết quả tuyển sinh", "Ban Tổ chức", "05/10/2024", "20/10/2024"],
    ]
    for r, row in enumerate(rows, 2):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    document.add_paragraph("CHÁNH VĂN PHÒNG")
    path = tmp_path / "tb.docx"
    document.save(str(path))
    assert _read(imported_file(path, tmp_path)[0]) == [
        ("1", "Rà soát dự toán ngân sách", ["Văn phòng"], "từ 01/10/2024 đến 30/10/2024"),
        ("2", "Tổng hợp kết quả tuyển sinh", ["Ban Tổ chức"], "từ 05/10/2024 đến 20/10/2024"),
    ]


def test_start_and_end_columns_of_a_text_table(tmp_path: Path) -> None:
    text = "\n".join(
        [
            *HEAD,
            "",
            "| STT | Nội dung công việc | Đơn vị chủ trì | Từ ngày | Đến ngày |",
            "|---|---|---|---|---|",
            "| 1 | Kiểm tra hồ sơ | Văn phòng | 01/11/2024 | 15/11/2024 |",
            "| 2 | Tổng hợp kết quả | Ban Tổ chức | 05/11/2024 | |",
            "| 3 | Gửi báo cáo | Ban Tuyên giáo | | 30/11/2024 |",
            "",
            "CHÁNH VĂN PHÒNG",
        ]
    )
    tasks, _ = imported(tmp_path, text)
    assert [t.get("deadline") for t in tasks] == [
        "từ 01/11/2024 đến 15/11/2024",
        "từ 05/11/2024",  # a start alone: no deadline, never the start day as one
        "30/11/2024",
    ]
