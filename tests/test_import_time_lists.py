"""A notice's requests with their "Thời gian thực hiện:" list (QA 11a, 07).

The real notice of the Đoàn trường ĐH Vinh (2020): a request, then "Thời gian thực
hiện:" with two bullets giving its time, then a second request. The requests are the
tasks; the bullets are the time of the first, not tasks; nothing of it vanishes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import find_deadlines
from tests.importing import imported

# http://vinhuni.edu.vn/hoc-sinh-sinh-vien-hoc-vien/doan-hoi/seo/thuc-hien-dong-phuc-ao-thanh-
# nien-viet-nam-thu-hai-dau-tuan-va-trong-tuan-cao-diem-263-96300
VINH = """\
Thực hiện đồng phục áo thanh niên Việt Nam thứ Hai đầu tuần và trong tuần cao điểm 26/3

Ban Thường vụ Đoàn trường đề nghị Ban Chấp hành các Đoàn Viện, liên chi đoàn, chi đoàn, \
Đoàn trường THPT Chuyên thông báo đến tận các ĐVTN đồng loạt thực hiện mặc đồng phục áo \
thanh niên Việt Nam, đeo phù hiệu khi đến trường vào các ngày Thứ Hai đầu tuần và trong \
tuần cao điểm kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh.

Thời gian thực hiện:

- Tất cả các thứ Hai đầu tuần trong Tháng Thanh niên từ khi công văn này ban hành.

- Tuần cao điểm 26/3: Bắt đầu từ buổi sáng ngày 23/3/2020 (Thứ Hai) đến hết ngày \
27/3/2020 (Thứ Sáu).

Đề nghị Ban Chấp hành các đoàn viện, liên chi đoàn chủ trì và phối hợp với các liên chi \
hội sinh viên thông báo cụ thể, chỉ đạo các đồng chí bí thư chi đoàn, lớp trưởng quán \
triệt, phổ biến cho đoàn viên thanh niên biết và thực hiện nghiêm túc, đầy đủ.

Đây là một trong những căn cứ quan trọng để Ban Thường vụ Đoàn trường đánh giá, xếp loại \
thi đua trong Tháng Thanh niên 2020./.
"""
WEEK = "từ buổi sáng ngày 23/3/2020 (Thứ Hai) đến hết ngày 27/3/2020 (Thứ Sáu)"
SHORT = """\
THÔNG BÁO
Về việc mặc đồng phục áo thanh niên

Ban Thường vụ Đoàn trường đề nghị Ban Chấp hành các liên chi đoàn thông báo đến đoàn viên \
mặc áo thanh niên vào thứ Hai đầu tuần.

Thời gian thực hiện:
- Tất cả các thứ Hai trong tháng 3/2020.
- Tuần cao điểm: từ ngày 23/3/2020 đến hết ngày 27/3/2020.

Ban Chấp hành các liên chi đoàn gửi báo cáo kết quả về Văn phòng Đoàn trường trước ngày \
31/3/2020.
"""


def flat(draft: str) -> str:
    """The draft as one line: YAML folds a long text over several."""
    return " ".join(line.strip(" #") for line in draft.splitlines())


def test_the_requests_are_the_tasks_and_the_bullets_their_time(tmp_path: Path) -> None:
    tasks, draft = imported(tmp_path, VINH, "tb.txt")
    assert [(t["item"], t.get("deadline")) for t in tasks] == [("1", WEEK), ("2", None)]
    first, second = (t["text"] for t in tasks)
    assert first.startswith("Ban Thường vụ Đoàn trường đề nghị Ban Chấp hành các Đoàn Viện")
    assert "mặc đồng phục áo thanh niên Việt Nam" in first
    assert first.endswith(
        "Thời gian thực hiện: Tất cả các thứ Hai đầu tuần trong Tháng Thanh niên từ khi công "
        f"văn này ban hành. Tuần cao điểm 26/3: Bắt đầu {WEEK}."
    )
    assert second.startswith("Đề nghị Ban Chấp hành các đoàn viện, liên chi đoàn chủ trì")
    assert "Ban Chấp hành các đoàn viện" in tasks[1]["owners"]
    # the last sentence asks nothing: kept at the end of the draft, with its reason
    assert "Đây là một trong những căn cứ quan trọng" in flat(draft)


def test_a_time_list_with_several_times_gives_the_first_and_tells_the_rest(
    tmp_path: Path,
) -> None:
    tasks, draft = imported(tmp_path, SHORT, "tb.txt")
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1", "trong tháng 3/2020"),
        ("2", "trước ngày 31/3/2020"),
    ]
    assert "mặc áo thanh niên vào thứ Hai đầu tuần. Thời gian thực hiện:" in tasks[0]["text"]
    assert tasks[1]["text"].startswith("Ban Chấp hành các liên chi đoàn gửi báo cáo")
    assert (
        "# kiểm tra: thời gian của việc nêu 2 mốc: đã lấy 'trong tháng 3/2020' làm hạn; còn "
        "'từ ngày 23/3/2020 đến hết ngày 27/3/2020'" in draft
    )


def test_a_time_on_one_line_after_a_request_is_its_time(tmp_path: Path) -> None:
    text = SHORT.replace(
        "Thời gian thực hiện:\n- Tất cả các thứ Hai trong tháng 3/2020.\n- Tuần cao điểm: ",
        "Thời gian thực hiện: ",
    )
    tasks, _ = imported(tmp_path, text, "tb.txt")
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1", "từ ngày 23/3/2020 đến hết ngày 27/3/2020"),
        ("2", "trước ngày 31/3/2020"),
    ]
    assert tasks[0]["text"].startswith("Ban Thường vụ Đoàn trường đề nghị")


def test_a_range_with_its_weekdays_is_one_deadline() -> None:
    found = find_deadlines(f"Bắt đầu {WEEK}.", date(2020, 3, 1), DeadlineSettings())
    assert [(f.phrase, f.reading.kind) for f in found] == [(WEEK, "period")]


def jobs(tmp_path: Path, text: str) -> tuple[list[dict[str, Any]], str]:
    (tmp_path / "units.yaml").write_text(
        "units:\n  - name: Ban Phong trào\n  - name: Văn phòng Tỉnh đoàn\ngroups: []\n",
        encoding="utf-8",
    )
    return imported(tmp_path, text, "tb.txt")


def test_a_time_label_over_jobs_heads_them_and_the_request_above_is_kept(
    tmp_path: Path,
) -> None:
    tasks, draft = jobs(
        tmp_path,
        "THÔNG BÁO\nVề việc tổ chức Tháng Thanh niên 2024\n\n"
        "Ban Thường vụ Tỉnh đoàn đề nghị các huyện đoàn tổ chức các hoạt động Tháng Thanh "
        "niên.\n\nThời gian thực hiện:\n"
        "- Trước ngày 10/3/2024: các huyện đoàn gửi kế hoạch về Văn phòng Tỉnh đoàn.\n"
        "- Trước ngày 5/4/2024: các huyện đoàn gửi báo cáo kết quả.\n",
    )
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1", "Trước ngày 10/3/2024"),
        ("2", "Trước ngày 5/4/2024"),
    ]
    assert "# kiểm tra: đoạn 'Ban Thường vụ Tỉnh đoàn đề nghị các …' (từ dòng 4)" in draft
    assert "đề nghị các huyện đoàn tổ chức các hoạt động Tháng Thanh niên." in flat(draft)


def test_a_closing_sentence_is_kept_at_the_end_of_the_draft(tmp_path: Path) -> None:
    closing = (
        "Đề nghị Ban Chấp hành các huyện đoàn chủ trì và phối hợp với các hội sinh viên thông "
        "báo cụ thể, chỉ đạo các chi đoàn quán triệt, phổ biến cho đoàn viên thanh niên biết "
        "và thực hiện nghiêm túc, đầy đủ."
    )
    tasks, draft = jobs(
        tmp_path,
        "THÔNG BÁO\nKết luận giao ban\n\n"
        "Ngày 05/3/2024, Ban Thường vụ họp giao ban và kết luận như sau:\n\n"
        "1. Ban Phong trào tổ chức Hội thi, xong trước ngày 15/3/2024.\n"
        "2. Văn phòng Tỉnh đoàn tổng hợp báo cáo tháng, xong trước ngày 30/3/2024.\n\n"
        f"{closing}\n",
    )
    assert [t["item"] for t in tasks] == ["1", "2"]
    assert f"(câu kết, không giao việc riêng): {closing}" in draft
