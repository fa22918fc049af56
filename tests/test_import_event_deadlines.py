"""Deadlines that hang on an event or a holiday, found inside a job's text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import find_deadlines
from tests.importing import imported

REF = date(2021, 4, 20)


def phrases(text: str) -> list[str]:
    return [f.phrase for f in find_deadlines(text, REF, DeadlineSettings())]


def test_right_after_an_event_is_a_deadline() -> None:
    text = "Lãnh đạo triển khai thực hiện Nghị quyết ngay sau khi kết thúc Đại hội."
    assert phrases(text) == ["ngay sau khi kết thúc Đại hội"]
    assert phrases("Dự kiến các chức danh ngay sau đại hội đảng các cấp, nhiệm kỳ mới") == [
        "ngay sau đại hội đảng các cấp"
    ]


def test_a_holiday_is_the_time_of_a_job() -> None:
    assert phrases("Tổ chức trực nghiêm túc trong dịp nghỉ Lễ.") == ["trong dịp nghỉ Lễ"]
    assert phrases("Bảo đảm an ninh trong các ngày lễ sắp tới.") == ["trong các ngày lễ sắp tới"]
    # "sau" with no event after it is no deadline
    assert phrases("Ngay sau đó, các phòng rà soát hồ sơ.") == []


def test_an_imported_job_keeps_its_holiday_deadline(tmp_path: Path) -> None:
    text = "THÔNG BÁO\nVề việc trực lễ\n1. Văn phòng bố trí lịch trực trong dịp nghỉ Lễ.\n"
    tasks = imported(tmp_path, text, "tb.txt")[0]
    assert tasks[0]["deadline"] == "trong dịp nghỉ Lễ"


def test_a_date_with_dashes_or_dots_after_ngay_is_a_deadline(tmp_path: Path) -> None:
    # "ngày 30-6", "ngày 20.7.2021": the engine reads them; "lớp 10-12" is no date
    assert phrases("Các trường gửi danh sách chậm nhất ngày 30-6.") == ["chậm nhất ngày 30-6"]
    assert phrases("báo cáo bằng văn bản trước ngày 20.7.2021. Trong đó") == [
        "trước ngày 20.7.2021"
    ]
    assert phrases("học sinh lớp 10-12 tham gia") == []
    text = "THÔNG BÁO\nVề việc tuyển sinh\n\n1. Các trường gửi danh sách chậm nhất ngày 30-6.\n"
    assert imported(tmp_path, text, "tin.txt")[0][0]["deadline"] == "chậm nhất ngày 30-6"


CLOCKS = """\
UBND HUYỆN A
Số: 12/TB-UBND
Huyện A, ngày 05 tháng 3 năm 2024
THÔNG BÁO
Kết luận giao ban tuần
1. Văn phòng chuẩn bị phòng họp, xong trước 14h00.
2. Phòng Nội vụ tổ chức tiếp công dân từ 8h đến 11h.
3. Phòng Tư pháp gửi báo cáo trước 17h chiều nay.
4. Phòng Văn hóa tổ chức họp ngày 15/3/2024 lúc 14h.
"""


def test_a_clock_time_is_read_with_its_day_or_left_to_the_clerk(tmp_path: Path) -> None:
    # a clock time with no day is no deadline giaoban guesses (docs/deadlines.md), but it
    # is not dropped in silence: the draft asks the clerk for the day; with its day (after
    # the date, or "chiều nay") it is read
    tasks, output = imported(tmp_path, CLOCKS)
    assert [t.get("deadline") for t in tasks] == [
        None,
        None,
        "trước 17h chiều nay",
        "ngày 15/3/2024 lúc 14h",
    ]
    for phrase in ("xong trước 14h00", "từ 8h đến 11h"):
        assert f"# kiểm tra: hạn '{phrase}' giaoban chưa đọc được" in output


def test_two_dates_of_a_range_may_be_written_with_different_marks() -> None:
    # each date's own mark ("1.6", "30-6-2024"), not the first date's for both
    assert phrases("Các xã rà soát hồ sơ từ ngày 1.6 đến ngày 30-6-2021.") == [
        "từ ngày 1.6 đến ngày 30-6-2021"
    ]
