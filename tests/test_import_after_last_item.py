"""A paragraph with no number after the last item that gives a unit its own dated job
("Phòng Tài chính - Kế hoạch bố trí kinh phí ..., hoàn thành trước ngày 20/8/2024.",
"Giao Văn phòng ... báo cáo ... trước ngày 10/9/2024.") is a task of its own, numbered on
from the last item with a note, and the items above keep their numbers; it is never folded
into the last item as its sub-tasks, under that item's owner (QA 11a, finding 06)."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

PNV, PGD, PTC = "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch"
VP = "Văn phòng HĐND và UBND huyện"
UNITS = "units:\n" + "".join(f"  - name: {u}\n" for u in (PNV, PGD, PTC, VP)) + "groups: []\n"
OPENING = (
    "THÔNG BÁO\n"
    "Kết luận giao ban tháng 8/2024\n\n"
    "Ngày 05/8/2024, UBND huyện họp giao ban. Chủ tịch UBND huyện kết luận:\n\n"
    "1. Phòng Nội vụ thẩm định hồ sơ thi đua, xong trước ngày 25/8/2024.\n"
)
AFTER = (
    "\nPhòng Tài chính - Kế hoạch bố trí kinh phí sửa chữa trường học, hoàn thành trước "
    "ngày 20/8/2024.\n\n"
    "Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc, báo cáo Chủ tịch UBND huyện kết "
    "quả thực hiện trước ngày 10/9/2024.\n"
)
NOTE = "đoạn không đánh số sau mục cuối"


def _registered(tmp_path: Path) -> Path:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    return tmp_path


def _rows(tasks: list[dict]) -> list[tuple[str, list[str], str | None]]:
    return [(t["item"], t["owners"], t.get("deadline")) for t in tasks]


def test_paragraphs_after_a_list_of_bullets_are_tasks_of_their_own(tmp_path: Path) -> None:
    text = OPENING + (
        "2. Phòng Giáo dục và Đào tạo:\n"
        "- Rà soát đội ngũ giáo viên, xong trước ngày 15/8/2024;\n"
        "- Sửa chữa cơ sở vật chất trường học trước ngày 30/8/2024.\n"
    )
    tasks, draft = imported(_registered(tmp_path), text + AFTER)
    assert _rows(tasks) == [
        ("1", [PNV], "xong trước ngày 25/8/2024"),
        ("2.1", [PGD], "xong trước ngày 15/8/2024"),
        ("2.2", [PGD], "trước ngày 30/8/2024"),
        ("3", [PTC], "hoàn thành trước ngày 20/8/2024"),
        ("4", [VP], "trước ngày 10/9/2024"),
    ]
    assert draft.count(f"# kiểm tra: {NOTE}") == 2
    assert "có 3 hạn" not in draft


def test_a_paragraph_after_the_last_numbered_item_keeps_that_items_number(
    tmp_path: Path,
) -> None:
    text = OPENING + (
        "2. Phòng Giáo dục và Đào tạo sửa chữa cơ sở vật chất trường học trước ngày 30/8/2024.\n"
    )
    tasks, _ = imported(_registered(tmp_path), text + AFTER)
    assert [t["item"] for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[1]["text"].endswith("trước ngày 30/8/2024.")


def test_the_next_number_follows_the_items_form(tmp_path: Path) -> None:
    text = (
        OPENING.replace("1. Phòng Nội vụ", "I. Phòng Nội vụ")
        + "II. Phòng Giáo dục và Đào tạo sửa chữa trường học trước ngày 30/8/2024.\n"
    )
    tasks, _ = imported(_registered(tmp_path), text + AFTER)
    assert [t["item"] for t in tasks] == ["I", "II", "III", "IV"]


def test_a_paragraph_that_gives_no_unit_its_own_dated_job_stays_with_the_item(
    tmp_path: Path,
) -> None:
    # more on the last item's job (no unit of its own, or no date of its own): its text
    text = OPENING + (
        "2. Phòng Giáo dục và Đào tạo sửa chữa cơ sở vật chất trường học trước ngày "
        "30/8/2024.\n\n"
        "Trong đó ưu tiên các điểm trường lẻ, hoàn thành trước ngày 20/8/2024.\n\n"
        "Phòng Tài chính - Kế hoạch bố trí kinh phí cho các trường.\n"
    )
    tasks, _ = imported(_registered(tmp_path), text)
    assert [t["item"] for t in tasks if not t["item"].startswith("2")] == ["1"]
    assert NOTE not in str(tasks)


def test_a_closing_request_with_a_deadline_is_a_task_after_the_last(tmp_path: Path) -> None:
    # docs/import.md: "câu kết có hạn ... là nhiệm vụ": a task of its own, not item 2's
    text = OPENING + (
        "2. Phòng Giáo dục và Đào tạo tổng hợp kết quả thi, xong trước ngày 30/8/2024.\n\n"
        "Đề nghị các phòng, ban chuyên môn triển khai thực hiện trước ngày 15/9/2024.\n"
    )
    tasks, _ = imported(_registered(tmp_path), text)
    assert _rows(tasks)[1:] == [
        ("2", [PGD], "xong trước ngày 30/8/2024"),
        ("3", ["Các phòng, ban chuyên môn"], "trước ngày 15/9/2024"),
    ]
