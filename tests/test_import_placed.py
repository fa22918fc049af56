"""Nothing lost, nothing hidden: text of a notice's body that becomes no part of a task is
kept in the draft, and a paragraph giaoban cannot place is noted "# kiểm tra:"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.importing import imported

HEAD = (
    "THÔNG BÁO\n"
    "Kết luận Hội nghị giao ban tháng 3/2024\n"
    "Ngày 11/3/2024, Ban Thường vụ Huyện đoàn tổ chức Hội nghị giao ban tháng 3/2024.\n"
    "Sau khi nghe các ban báo cáo, đồng chí Nguyễn Văn Hùng, Bí thư Huyện đoàn kết luận "
    "như sau:\n"
)
# bare numbers alone on their lines: page numbers as often as item marks, so not read as
# marks; the items' text must still not vanish
BARE = (
    "1\n"
    "Văn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024.\n"
    "2\n"
    "Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.\n"
    "3. Ban Tuyên giáo Huyện đoàn tổ chức tuyên truyền trước ngày 30/4/2024.\n"
)


def test_a_paragraph_no_task_holds_is_kept_and_noted(tmp_path: Path) -> None:
    tasks, draft = imported(tmp_path, HEAD + BARE)
    assert [t["item"] for t in tasks] == ["3"]
    assert "# kiểm tra: đoạn 'Văn phòng Huyện đoàn tổng hợp báo cáo …' (từ dòng 3)" in draft
    kept = draft[draft.index("# Các mục không lấy làm nhiệm vụ") :]
    assert "tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024." in kept
    assert "rà soát đoàn viên trong tháng 4/2024." in kept


def test_the_summary_counts_the_note(tmp_path: Path) -> None:
    source = tmp_path / "tb.txt"
    source.write_text(HEAD + BARE, encoding="utf-8")
    out = tmp_path / "nhap.yaml"
    result = CliRunner().invoke(
        app, ["import", str(source), "--data", str(tmp_path), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    notes = sum(line.lstrip().startswith("# kiểm tra:") for line in lines)
    assert f"1 nhiệm vụ, {notes} chỗ cần kiểm tra" in result.output
    assert "2 mục không lấy làm nhiệm vụ" not in result.output  # one run, one comment
    assert "1 mục không lấy làm nhiệm vụ" in result.output


def test_the_text_of_a_section_no_rule_reads_is_kept(tmp_path: Path) -> None:
    # a table laid out one cell per line under a numbered heading whose bullets are the
    # tasks: no task table (no "who" column); its cells were dropped without a word
    text = HEAD + (
        "1. Lịch trực của Thường trực Huyện đoàn\n"
        "Tháng\n\nHọ và tên\n\nChức vụ\n\n1\n\nNguyễn Văn Hùng\n\nBí thư\n"
        "- Văn phòng Huyện đoàn thông báo lịch trực đến các cơ sở trước ngày 15/3/2024.\n"
    )
    tasks, draft = imported(tmp_path, text)
    assert [t["item"] for t in tasks] == ["1.1"]
    assert "(giaoban chưa xếp được, cần kiểm tra): Họ và tên Chức vụ" in draft
    assert "# kiểm tra: đoạn 'Họ và tên Chức vụ' (từ dòng " in draft


def test_the_opening_and_its_lead_in_are_no_loss(tmp_path: Path) -> None:
    tasks, draft = imported(
        tmp_path,
        HEAD + "1.\nVăn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024.\n",
    )
    assert [t["item"] for t in tasks] == ["1"]
    assert "chưa xếp được" not in draft


# --- texts without numbered items: the rule holds for every layout ------------------------

NEWS = (
    "Sinh viên tình nguyện dọn dẹp vệ sinh tại cơ sở mới\n\n"
    "Sáng ngày 10/9/2024, gần 300 sinh viên của hai đoàn khoa đã tham gia dọn dẹp vệ "
    "sinh tại cơ sở mới của nhà trường.\n\n"
    "Đây là một trong những hoạt động thiết thực của Đoàn Thanh niên trong việc nâng cao ý "
    "thức giữ gìn vệ sinh môi trường.\n\n"
    "Theo kế hoạch, mỗi Đoàn khoa phân công một Chi đoàn thực hiện ngày chủ nhật xanh 01 "
    "lần/tháng trong năm học 2024-2025.\n\n"
    "ĐƠN VỊ\n\nTHỜI GIAN\n\n"
    "1\n\nĐoàn khoa Kinh tế\n\nTuần thứ nhất của tháng\n\n"
    "2\n\nĐoàn khoa Sư phạm\n\nTuần thứ ba của tháng\n"
)


def test_a_text_without_items_keeps_and_notes_what_no_task_holds(tmp_path: Path) -> None:
    # a news page with a table of rows: its paragraphs became tasks or vanished
    tasks, draft = imported(tmp_path, NEWS)
    assert tasks  # a paragraph per task, each for the clerk to check
    kept = draft[draft.index("# Các mục không lấy làm nhiệm vụ") :]
    assert "Đây là một trong những hoạt động thiết thực" in kept
    assert "Đoàn khoa Kinh tế Tuần thứ nhất của tháng" in kept
    assert "Đoàn khoa Sư phạm Tuần thứ ba của tháng" in kept
    assert "# kiểm tra: đoạn 'Đây là một trong những hoạt động thiết …' (từ dòng 5)" in draft


PROSE = HEAD.replace("kết luận như sau:\n", "kết luận.\n") + (
    "Chủ tịch UBND huyện có ý kiến như sau: Đề nghị Trung tâm Phát triển Quỹ đất tỉnh rà "
    "soát lại phương án bồi thường cho hộ dân trước ngày 30/3/2024. Đồng thời, báo cáo "
    "đề xuất UBND huyện để xem xét, hỗ trợ thêm.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Phiên\n"
)


def test_a_request_after_the_speakers_colon_is_a_task(tmp_path: Path) -> None:
    # "Chủ tịch ... có ý kiến như sau: Đề nghị X ..." where the notice is signed for the
    # Chủ tịch: the speaker's clause was dropped whole, with the request after its colon
    tasks, draft = imported(tmp_path, PROSE)
    assert tasks[0]["text"].startswith("Đề nghị Trung tâm Phát triển Quỹ đất tỉnh rà soát")
    assert tasks[0]["deadline"] == "trước ngày 30/3/2024"
    assert "chưa xếp được" not in draft
