"""A day a task celebrates, and the jobs of an item with two dates (QA 11a, 08).

"chào mừng ngày 20/11" names the occasion of the work, not when it is due; an item
with two dates in one clause is cut where its second job starts, never at the comma.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import choose, find_deadlines
from tests.importing import imported

UNITS = """\
units:
  - name: Phòng Văn hóa và Thông tin
  - name: Phòng Giáo dục và Đào tạo
  - name: Phòng Nội vụ
groups: []
"""
HEAD = """\
THÔNG BÁO
Kết luận giao ban tháng 10/2024

Ngày 07/10/2024, UBND huyện họp giao ban. Chủ tịch UBND huyện kết luận:

"""


def tasks_of(tmp_path: Path, items: str) -> tuple[list[dict[str, Any]], str]:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    return imported(tmp_path, HEAD + items, "tb.txt")


def test_a_day_the_task_celebrates_is_no_second_deadline(tmp_path: Path) -> None:
    tasks, _ = tasks_of(
        tmp_path,
        "1. Phòng Văn hóa và Thông tin tổ chức Hội thi văn nghệ chào mừng ngày 20/11, hoàn "
        "thành trước ngày 15/11/2024.\n"
        "2. Phòng Giáo dục và Đào tạo tổ chức kỷ niệm ngày 22/12, báo cáo kết quả trước "
        "ngày 25/12/2024.\n"
        "3. Phòng Nội vụ thẩm định hồ sơ thi đua, xong trước ngày 25/10/2024.\n",
    )
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1", "hoàn thành trước ngày 15/11/2024"),
        ("2", "trước ngày 25/12/2024"),
        ("3", "xong trước ngày 25/10/2024"),
    ]
    assert tasks[0]["text"] == (
        "Phòng Văn hóa và Thông tin tổ chức Hội thi văn nghệ chào mừng ngày 20/11, hoàn "
        "thành trước ngày 15/11/2024."
    )


def test_the_words_of_an_occasion_keep_its_day_from_the_deadlines() -> None:
    settings = DeadlineSettings()
    for text in (
        "tổ chức hội thi chào mừng ngày 20/11, hoàn thành trước ngày 15/11/2024",
        "tổ chức lễ kỷ niệm 93 năm ngày 26/3, báo cáo trước ngày 20/3/2024",
        "tặng quà nhân dịp ngày 8/3, xong trước ngày 5/3/2024",
        "hoạt động hướng tới ngày 26/3, gửi kế hoạch trước ngày 10/3/2024",
    ):
        found = find_deadlines(text, date(2024, 1, 10), settings)
        assert [f.occasion for f in found] == [True, False], text
        assert [f.phrase for f in choose(found)] == [found[1].phrase], text


def test_a_celebrated_day_alone_stays_the_deadline_and_is_noted(tmp_path: Path) -> None:
    tasks, draft = tasks_of(
        tmp_path,
        "1. Phòng Văn hóa và Thông tin tổ chức Hội thi văn nghệ chào mừng ngày 20/11.\n",
    )
    assert [(t["item"], t["deadline"]) for t in tasks] == [("1", "ngày 20/11")]
    assert "# kiểm tra: 'ngày 20/11' là ngày được chào mừng, kỷ niệm" in draft


def test_the_second_job_of_a_clause_starts_at_its_own_words(tmp_path: Path) -> None:
    tasks, _ = tasks_of(
        tmp_path,
        "1. Phòng Nội vụ tổ chức hội nghị ngày 20/11/2024 tại hội trường, báo cáo kết quả "
        "trước ngày 30/11/2024.\n",
    )
    assert [(t["item"], t["text"], t["deadline"]) for t in tasks] == [
        ("1.1", "Phòng Nội vụ tổ chức hội nghị ngày 20/11/2024 tại hội trường", "ngày 20/11/2024"),
        ("1.2", "báo cáo kết quả trước ngày 30/11/2024.", "trước ngày 30/11/2024"),
    ]
    assert all(t["owners"] == ["Phòng Nội vụ"] for t in tasks)


def test_a_clause_saying_when_the_job_is_done_gives_it_its_deadline(tmp_path: Path) -> None:
    tasks, draft = tasks_of(
        tmp_path,
        "1. Phòng Nội vụ tổ chức hội nghị ngày 20/11/2024 tại hội trường, hoàn thành trước "
        "ngày 30/11/2024.\n",
    )
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1", "hoàn thành trước ngày 30/11/2024")
    ]
    assert tasks[0]["text"].endswith("tại hội trường, hoàn thành trước ngày 30/11/2024.")
    assert "# kiểm tra: 'ngày 20/11/2024' nằm trong lời của việc, không phải hạn" in draft
