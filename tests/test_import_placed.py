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
