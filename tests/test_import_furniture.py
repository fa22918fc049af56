"""Page furniture of web pages and news items is never drafted as a task."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

NEWS = """\
Sở Tài chính đôn đốc báo cáo quyết toán
14:28 | 24/02/2021

Sở Tài chính đề nghị các phòng tài chính tổng hợp báo cáo gửi về Sở trước ngày 15/5/2021.

Tải mẫu báo cáo tại đây

Khánh Linh

© Thời báo Tài chính Việt Nam
"""


def drafted(tmp_path: Path, text: str) -> tuple[list[dict], str]:
    return imported(tmp_path, text, "tin.txt")


def test_a_stamp_a_link_a_byline_and_a_copyright_are_no_tasks(tmp_path: Path) -> None:
    # a news item's publication stamp, link text, author and copyright line ask nothing
    tasks, output = drafted(tmp_path, NEWS)
    assert [t["text"] for t in tasks] == [
        "Sở Tài chính đề nghị các phòng tài chính tổng hợp báo cáo gửi về Sở trước ngày 15/5/2021."
    ]
    assert "tác giả)): Khánh Linh" in output  # kept among what was left out


def test_a_short_job_in_lower_case_is_no_byline(tmp_path: Path) -> None:
    # "Văn phòng tổng hợp." is short but says what a unit does: it stays a task
    text = "THÔNG BÁO\nKết luận giao ban\n1. Văn phòng tổng hợp.\n2. Ban Tổ chức rà soát.\n"
    tasks, _output = drafted(tmp_path, text)
    assert [t["item"] for t in tasks] == ["1", "2"]


PORTAL = """\
Huyện họp bàn việc sửa chữa trường học

12/03/2024 09:15

Chủ tịch UBND huyện yêu cầu Phòng Giáo dục và Đào tạo rà soát các phòng học xuống cấp, \
báo cáo trước ngày 30/3/2024.
MINH AN

TAGS
"""


def test_a_posting_time_a_tag_list_and_a_byline_in_capitals_are_no_tasks(tmp_path: Path) -> None:
    # a portal's bare posting date and time, its "TAGS" label and an author in capitals
    tasks, output = drafted(tmp_path, PORTAL)
    assert [t["owners"] for t in tasks] == [["Phòng Giáo dục và Đào tạo"]]
    assert "tác giả)): MINH AN" in output


WEB_TITLE = """\
Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ
THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ĐOÀN TẠI HỘI NGHỊ GIAO BAN THÁNG 3/2024
{stamp}
{views}
Ngày 11/3/2024, Ban Thường vụ Huyện đoàn tổ chức hội nghị giao ban. Kết luận như sau:
1. Văn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024.
"""


def test_the_posts_time_and_view_count_under_the_title_are_no_part_of_it(
    tmp_path: Path,
) -> None:
    for stamp, views in (
        ("12/03/2024 | 08:27", "Lượt xem: 1.234"),
        ("08:27 | 12/03/2024", "Lượt đọc: 56"),
        ("12/03/2024 08:27", "Lượt xem 1234"),
    ):
        _, draft = imported(tmp_path, WEB_TITLE.format(stamp=stamp, views=views))
        title = "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ĐOÀN TẠI HỘI NGHỊ GIAO BAN THÁNG 3/2024"
        assert f"title: {title}\n" in draft
        assert "  name: HỘI NGHỊ GIAO BAN THÁNG 3/2024\n" in draft
        notes = draft[draft.index("# Các mục không lấy") :]
        assert f"): {stamp}\n" in notes and f"): {views}\n" in notes
