"""An item with a recurring duty and a dated deadline keeps both (QA 3, 04)."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

HEAD = "THÔNG BÁO\nKết luận giao ban tháng 3/2024\nHà Nội, ngày 12 tháng 3 năm 2024\n"
HEAD += "Ban Bí thư kết luận như sau:\n"
TAIL = "Nơi nhận:\n- Lưu VP.\n"


def test_a_duty_of_one_unit_beside_another_units_date_is_a_task_of_its_own(
    tmp_path: Path,
) -> None:
    text = (
        "1. Văn phòng Trung ương Đoàn báo cáo tổng kết trước ngày 15/4/2024. Ban Tổ chức "
        "Trung ương Đoàn báo cáo tiến độ trước 14h00 thứ 6 hàng tuần.\n"
    )
    tasks, draft = imported(tmp_path, HEAD + text + TAIL)
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1.1", "trước ngày 15/4/2024"),
        ("1.2", "trước 14h00 thứ 6 hàng tuần"),
    ]
    assert tasks[1]["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert draft.count("# kiểm tra: mục 1 có 2 hạn: đã tách thành 2 nhiệm vụ") == 2


def test_a_duty_and_a_date_in_one_sentence_are_two_tasks_of_its_unit(tmp_path: Path) -> None:
    text = (
        "1. Ban Tổ chức Trung ương Đoàn báo cáo tiến độ trước 16h00 thứ năm hằng tuần và "
        "báo cáo tổng kết trước ngày 30/6/2024.\n"
    )
    tasks, _ = imported(tmp_path, HEAD + text + TAIL)
    assert [(t["text"], t["deadline"]) for t in tasks] == [
        (
            "Ban Tổ chức Trung ương Đoàn báo cáo tiến độ trước 16h00 thứ năm hằng tuần",
            "trước 16h00 thứ năm hằng tuần",
        ),
        ("báo cáo tổng kết trước ngày 30/6/2024.", "trước ngày 30/6/2024"),
    ]
    assert all(t["owners"] == ["Ban Tổ chức Trung ương Đoàn"] for t in tasks)


def test_a_date_that_may_end_the_duty_keeps_the_duty_and_asks(tmp_path: Path) -> None:
    text = "1. Văn phòng Trung ương Đoàn báo cáo vào thứ 6 hàng tuần đến hết ngày 30/6/2024.\n"
    tasks, draft = imported(tmp_path, HEAD + text + TAIL)
    assert [(t["item"], t["deadline"]) for t in tasks] == [("1", "vào thứ 6 hàng tuần")]
    assert (
        "# kiểm tra: mục có việc định kỳ 'vào thứ 6 hàng tuần' và ngày 'đến hết ngày "
        "30/6/2024': nếu ngày đó là ngày cuối của việc định kỳ, ghi until: YYYY-MM-DD"
    ) in draft
