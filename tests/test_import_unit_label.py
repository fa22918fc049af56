"""An item that opens with a unit's name and a colon gives that unit the work."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

LABELLED = """\
THÔNG BÁO
Về việc phòng, chống dịch

1. Trung tâm Y tế Huyện: Khẩn trương truy vết các trường hợp F2, F3.
2. Thời gian: từ ngày 10/02/2020.
"""


def test_a_unit_before_a_colon_owns_the_item(tmp_path: Path) -> None:
    # "Trung tâm Y tế Huyện: Khẩn trương truy vết ..." names who does the work first;
    # a label that names no unit ("Thời gian: ...") stays a field, no task
    tasks = imported(tmp_path, LABELLED, "tb.txt")[0]
    assert [(t["item"], t["owners"]) for t in tasks] == [("1", ["Trung tâm Y tế Huyện"])]


COMMA_IN_NAME = """\
THÔNG BÁO
Về lịch trực dịp nghỉ Lễ

1. Khoa Hồi sức, Chống độc: bố trí đủ nhân lực trực 24/24 trong dịp nghỉ Lễ.
2. Phòng Kế hoạch, Tài chính, căn cứ lịch trực: lập dự trù kinh phí trực.
"""


def test_a_units_name_with_a_comma_before_the_colon_is_one_owner(tmp_path: Path) -> None:
    # "Khoa Hồi sức, Chống độc:" is one name up to the colon; words with a verb ("căn cứ
    # lịch trực") after the comma are no name, so that label gives no owner
    tasks = imported(tmp_path, COMMA_IN_NAME, "tb.txt")[0]
    assert [t["owners"] for t in tasks] == [["Khoa Hồi sức, Chống độc"], []]
