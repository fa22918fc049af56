"""A task table pasted as text, one row a line: cells parted by tabs (a table copied from
a web page or Word) or by " | " without bars at the ends, read as rows are read between
bars; prose with a tab or a "|" stays prose (QA8 02)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import imported

HEAD = "THÔNG BÁO\nKết luận hội nghị giao ban tháng 4/2024\nHà Nội, ngày 05 tháng 4 năm 2024\n\n"
ROWS = [
    ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
    ["1", "Hoàn thiện quy chế làm việc", "Văn phòng Trung ương Đoàn", "Ban Tổ chức", "30/4/2024"],
    ["2", "Tập huấn phần mềm quản lý văn bản", "Ban Tổ chức", "", "Tháng 5/2024"],
    ["3", "Báo cáo tiến độ hằng tuần", "Ban Tuyên giáo", "Văn phòng", "14h00 thứ Sáu hằng tuần"],
]
TAIL = "\nNơi nhận:\n- Lưu VP.\nCHÁNH VĂN PHÒNG\nNguyễn Văn Bình\n"


@pytest.mark.parametrize("sep", ["\t", " | ", "|"])
def test_a_pasted_table_is_one_task_a_row(tmp_path: Path, sep: str) -> None:
    table = "".join(sep.join(row) + "\n" for row in ROWS)
    tasks, _ = imported(tmp_path, HEAD + "Phân công nhiệm vụ như sau:\n" + table + TAIL)
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert [t["owners"] for t in tasks] == [
        ["Văn phòng Trung ương Đoàn"],
        ["Ban Tổ chức"],
        ["Ban Tuyên giáo"],
    ]
    assert [t.get("supports", []) for t in tasks] == [["Ban Tổ chức"], [], ["Văn phòng"]]
    assert [t["deadline"] for t in tasks] == [
        "30/4/2024",
        "Tháng 5/2024",
        "14h00 thứ Sáu hằng tuần",
    ]
    assert tasks[1]["text"] == "Tập huấn phần mềm quản lý văn bản"


def test_prose_with_a_tab_or_a_bar_beside_a_pasted_table_stays_prose(tmp_path: Path) -> None:
    prose = (
        "1. Văn phòng Trung ương Đoàn\thoàn thiện quy chế | làm việc, trước ngày 30/4/2024.\n"
        "2. Ban Tổ chức Trung ương Đoàn | Ban Tuyên giáo tập huấn trong tháng 5/2024.\n"
        "3. Phân công cụ thể như sau:\n"
    )
    table = "".join("\t".join(row) + "\n" for row in ROWS)
    tasks, _ = imported(tmp_path, HEAD + prose + table + TAIL)
    texts = [t["text"] for t in tasks]
    assert texts[:2] == [
        "Văn phòng Trung ương Đoàn hoàn thiện quy chế | làm việc, trước ngày 30/4/2024.",
        "Ban Tổ chức Trung ương Đoàn | Ban Tuyên giáo tập huấn trong tháng 5/2024.",
    ]
    assert [t["deadline"] for t in tasks[:2]] == ["trước ngày 30/4/2024", "trong tháng 5/2024"]
    assert texts[-3:] == [row[1] for row in ROWS[1:]]
