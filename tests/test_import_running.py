"""Notices as web pages give them: items run on in one paragraph, tables flattened.

Item marks inside a line are judged by their sequence (1, 2, 3 …), so numbers
and dates inside a sentence are never taken for items; a task table (one line
with " | " between cells, or one cell per line) gives one task per row, its
owners and deadline from its columns.
"""

from __future__ import annotations

from pathlib import Path

from giaoban.importer import draft_from_text
from giaoban.importer.clean import clean_lines
from giaoban.importer.running import split_running
from giaoban.importer.tables import OWNER, TEXT, TIME, read_tables, role_of
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry
from tests.importing import imported

HERE = Path(__file__).resolve().parent / "data" / "import"
XUANSON = HERE / "corpus" / "thcs-xuanson-KH-laodong-tuan07-2012.txt"
HITU = HERE / "fresh" / "lcdkhoa-hitu-cnhh-quytrinh-ketnapdoanvien.txt"

RUN_ON = (
    "UBND HUYỆN HIỆP HÒA THÔNG BÁO Kết luận của Chủ tịch UBND huyện tại cuộc họp "
    "ngày 05/3/2021. Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận các nội dung "
    "sau: 1. Phòng Tài chính - Kế hoạch tham mưu phân bổ kinh phí theo Quyết định số "
    "12/QĐ-UBND ngày 2.3.2021, hoàn thành trước ngày 15/3/2021. 2. Phòng Giáo dục và "
    "Đào tạo chỉ đạo các trường rà soát, báo cáo trước ngày 20/3/2021. 3. Văn phòng "
    "HĐND và UBND huyện theo dõi, đôn đốc; liên hệ 0204.3872.123. Nơi nhận: - Như "
    "trên; - Lưu VT."
)


def registry() -> Registry:
    return load_registry(HERE / "units.yaml", [])


def texts(text: str) -> list[str]:
    return [line.text for line in split_running(clean_lines(text))]


def test_items_run_on_in_one_paragraph_become_tasks() -> None:
    draft = draft_from_text(RUN_ON, registry())
    tasks = [(t.item, t.owners, t.deadline) for t in draft.tasks]
    assert tasks == [
        ("1", ["Phòng Tài chính - Kế hoạch"], "hoàn thành trước ngày 15/3/2021"),
        ("2", ["Phòng Giáo dục và Đào tạo"], "trước ngày 20/3/2021"),
        ("3", ["Văn phòng HĐND và UBND huyện"], None),
    ]
    assert draft.recipients == ["Như trên", "Lưu VT"]
    assert draft.issuer == "UBND HUYỆN HIỆP HÒA"


def test_numbers_inside_sentences_are_not_items() -> None:
    lines = texts(RUN_ON)
    assert not any(line.startswith(("12/", "2.3", "0204")) for line in lines)
    # one number after a sentence end, with no sequence, is not a mark
    alone = "Các đơn vị hoàn thành báo cáo theo mẫu số 2. Báo cáo gửi về Văn phòng trước ngày 5/4."
    assert texts(alone) == [alone]


def test_a_sequence_is_cut_only_where_it_counts_in_order() -> None:
    text = (
        "Đề nghị các đơn vị thực hiện như sau: 1. Văn phòng tổng hợp số liệu. "
        "2. Ban Tổ chức rà soát hồ sơ. 5. Đây là số năm trong câu."
    )
    assert texts(text) == [
        "Đề nghị các đơn vị thực hiện như sau:",
        "1. Văn phòng tổng hợp số liệu.",
        "2. Ban Tổ chức rà soát hồ sơ. 5. Đây là số năm trong câu.",
    ]


def test_a_count_carries_over_from_the_lines_above() -> None:
    text = (
        "1. Văn phòng tổng hợp số liệu, báo cáo.\nBan Tổ chức rà soát. 2. Ban Tuyên giáo viết bài."
    )
    assert texts(text)[-1] == "2. Ban Tuyên giáo viết bài."


def test_letters_romans_and_dashes_inside_a_line() -> None:
    text = (
        "Nhiệm vụ như sau: a) Văn phòng tổng hợp. b) Ban Tổ chức rà soát. "
        "Nơi nhận: - Như trên; - Lưu VT."
    )
    assert texts(text) == [
        "Nhiệm vụ như sau:",
        "a) Văn phòng tổng hợp.",
        "b) Ban Tổ chức rà soát.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu VT.",
    ]


def test_column_headings_have_roles() -> None:
    assert role_of("Nội dung công việc") == TEXT
    assert role_of("Đơn vị thực hiện") == OWNER
    assert role_of("THỜI GIAN THỰC HIỆN") == TIME
    assert role_of("Nội dung thực hiện") == TEXT  # content, though it says "thực hiện"
    assert role_of("Cắt cỏ, vệ sinh khu vực vườn Keo, gom gọn hố rác sát bờ tường") is None


def test_a_table_flattened_onto_one_line_gives_a_task_per_row() -> None:
    draft = draft_from_text(XUANSON.read_text(encoding="utf-8"), registry())
    rows = [(t.item, t.owners, t.deadline) for t in draft.tasks]
    assert [item for item, *_ in rows] == [str(k) for k in range(1, 9)]
    assert rows[0][1] == ["9A", "Bùi Hải Phương"]  # the class and the teacher columns
    assert draft.tasks[0].text.startswith("Cắt cỏ, vệ sinh khu vực vườn Keo")
    # the plan's one time ("Thời gian: 14 giờ ngày 28 tháng 9 năm 2012") is every row's
    assert {deadline for *_, deadline in rows} == {"14 giờ ngày 28 tháng 9 năm 2012"}


def test_a_table_with_one_cell_per_line_gives_a_task_per_row() -> None:
    lines = read_tables(clean_lines(HITU.read_text(encoding="utf-8")))
    rows = [line for line in lines if line.cells]
    labels = [line.text.split(". ")[0] for line in rows]
    assert labels == ["1", "2.1", "2.2", *(str(k) for k in range(3, 11))]
    first = dict(rows[0].cells)
    assert first[TEXT].startswith("Chọn lựa thanh niên ưu tú")
    assert first[OWNER] == "Bí Thư Chi Đoàn và BCH LCĐ Khoa"
    assert first[TIME].startswith("Hết thời gian ngày thứ 10")
    draft = draft_from_text(HITU.read_text(encoding="utf-8"), registry())
    assert len(draft.tasks) == 11
    assert draft.tasks[3].owners == ["BCH LCĐ Khoa"]  # "Báo sau" (a place) is no owner


PROCEDURE = """\
QUY TRÌNH
Xét công nhận học sinh giỏi cấp trường

BƯỚC

NỘI DUNG CÔNG VIỆC

ĐƠN VỊ THỰC HIỆN

THỜI GIAN

Bước 1

Lập danh sách học sinh đủ điều kiện

Giáo viên chủ nhiệm

Trong 5 ngày làm việc sau khi có điểm tổng kết

Bước 2

Duyệt danh sách và trình Hiệu trưởng

Tổ chuyên môn

2 ngày kể từ ngày nhận danh sách
"""


def test_a_time_cell_is_read_as_one_deadline(tmp_path: Path) -> None:
    # a time column's cell holds only the time: a relative phrase is the row's deadline
    tasks = imported(tmp_path, PROCEDURE, "quy-trinh.txt")[0]
    assert [(t["item"], t["owners"], t.get("deadline")) for t in tasks] == [
        ("1", ["Giáo viên chủ nhiệm"], "Trong 5 ngày làm việc sau khi có điểm tổng kết"),
        ("2", ["Tổ chuyên môn"], "2 ngày kể từ ngày nhận danh sách"),
    ]


PARALLEL_LISTS = """\
KẾ HOẠCH
Tổ chức hội thao chào mừng ngày 26/3

STT

NỘI DUNG

ĐƠN VỊ THỰC HIỆN

THỜI GIAN

1

Lập danh sách vận động viên

Các chi đoàn

Trước ngày 10/3/2024

2

- Chuẩn bị sân bãi, dụng cụ thi đấu.

- Mời trọng tài các môn thi.

- Ban Cơ sở vật chất

\u00a0

- Ban Thường vụ Đoàn trường

Trước ngày 20/3/2024

3

Tổ chức khai mạc hội thao

Ban Chấp hành Đoàn trường

Ngày 26/3/2024
"""


def test_a_row_whose_cells_hold_parallel_lists_gives_a_task_per_rank(tmp_path: Path) -> None:
    # one cell per line: the content cell's two "-" lines and the who cell's two "-"
    # lines (a cell's empty paragraph between them) pair off rank by rank; the row's
    # time holds for both
    tasks = imported(tmp_path, PARALLEL_LISTS, "ke-hoach.txt")[0]
    assert [(t["item"], t["text"], t["owners"], t.get("deadline")) for t in tasks] == [
        ("1", "Lập danh sách vận động viên", ["Các chi đoàn"], "Trước ngày 10/3/2024"),
        (
            "2.1",
            "Chuẩn bị sân bãi, dụng cụ thi đấu.",
            ["Ban Cơ sở vật chất"],
            "Trước ngày 20/3/2024",
        ),
        (
            "2.2",
            "Mời trọng tài các môn thi.",
            ["Ban Thường vụ Đoàn trường"],
            "Trước ngày 20/3/2024",
        ),
        ("3", "Tổ chức khai mạc hội thao", ["Ban Chấp hành Đoàn trường"], "Ngày 26/3/2024"),
    ]


def test_a_table_one_row_per_line_with_or_without_leading_bars() -> None:
    # "| a | b |" is Markdown and trafilatura from 2.0; "a | b |" trafilatura before
    table = [
        "Thời gian: 14 giờ ngày 28 tháng 9 năm 2012.",
        "TT | Lớp | Nội dung công việc | Dụng cụ |",
        "---|---|---|---|",
        "1 | 9A | Cắt cỏ, vệ sinh khu vực vườn Keo | Cuốc, xẻng |",
        "2 | 9B | Dọn rác phía sau dãy phòng học bộ môn | Liềm |",
    ]
    for text in ("\n".join(table), "\n".join(f"| {row}" for row in table[1:])):
        text = text if text.startswith("Thời") else f"{table[0]}\n{text}"
        rows = [line for line in read_tables(clean_lines(text)) if line.cells]
        assert [dict(r.cells)[OWNER] for r in rows] == ["9A", "9B"]
        assert dict(rows[0].cells)[TIME] == "14 giờ ngày 28 tháng 9 năm 2012"


def test_a_trong_do_sentence_adds_to_the_task_before_it() -> None:
    text = (
        "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3\n\n"
        "Sáng 04/3, Giám đốc Sở chủ trì cuộc họp giao ban. Tham dự có lãnh đạo các phòng.\n\n"
        "Giám đốc Sở yêu cầu các phòng, ban, đơn vị khẩn trương rà soát các nhiệm vụ được "
        "giao trong quý I. Trong đó, đặc biệt lưu ý các nhiệm vụ còn chậm tiến độ; chuẩn bị "
        "tốt nội dung hội nghị sơ kết quý I trước ngày 25/3/2024.\n"
    )
    draft = draft_from_text(text, Registry(()))
    assert len(draft.tasks) == 2
    assert draft.tasks[0].text.endswith("đặc biệt lưu ý các nhiệm vụ còn chậm tiến độ")
    assert draft.tasks[1].deadline == "trước ngày 25/3/2024"
