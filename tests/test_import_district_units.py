"""The state's branch offices every district has are read as owners by their kind, before
any is registered, and a local body's name that holds a verb before its level is read
whole (QA 11a, finding 09)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import imported

NOTICE = """\
THÔNG BÁO
Kết luận giao ban tháng 10/2024

Ngày 07/10/2024, UBND huyện họp giao ban. Chủ tịch UBND huyện kết luận:

1. {unit} rà soát, báo cáo kết quả thực hiện trước ngày 20/10/2024.
2. Phòng Nội vụ thẩm định hồ sơ thi đua, xong trước ngày 25/10/2024.
"""


@pytest.mark.parametrize(
    "unit",
    [
        "Chi cục Thuế huyện",
        "Chi cục Thống kê huyện",
        "Kho bạc Nhà nước huyện",
        "Bảo hiểm xã hội huyện",
        "Hạt Kiểm lâm huyện",
        "Trạm Y tế xã Hợp Thịnh",
        "Ngân hàng Chính sách xã hội huyện",
        "Tòa án nhân dân huyện",
    ],
)
def test_a_branch_office_opening_an_item_owns_it_in_a_new_ledger(tmp_path: Path, unit: str) -> None:
    # the data folder has no units.yaml: the first import of a new ledger
    tasks, draft = imported(tmp_path, NOTICE.format(unit=unit))
    assert tasks[0]["owners"] == [unit]
    assert "chưa tìm thấy đơn vị chủ trì" not in draft


@pytest.mark.parametrize(
    ("unit", "owner"),
    [
        (
            "Ban Quản lý dự án đầu tư xây dựng huyện",
            "Ban Quản lý dự án đầu tư xây dựng huyện",
        ),
        (
            "Ban Quản lý dự án đầu tư xây dựng huyện Hiệp Hòa",
            "Ban Quản lý dự án đầu tư xây dựng huyện Hiệp Hòa",
        ),
        # the verb comes after the name: "tổ chức hội nghị cấp huyện" is the job
        ("Phòng Nội vụ tổ chức hội nghị cấp huyện về công tác cán bộ,", "Phòng Nội vụ"),
    ],
)
def test_a_verb_before_the_level_that_ends_a_name_is_the_names(
    tmp_path: Path, unit: str, owner: str
) -> None:
    tasks, _ = imported(tmp_path, NOTICE.format(unit=unit))
    assert tasks[0]["owners"] == [owner]
