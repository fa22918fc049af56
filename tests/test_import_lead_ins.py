"""A numbered item that only leads in to its sub-items gives them its units and its time:
"2. Phòng Nội vụ thực hiện các nội dung sau:" (whatever the verb), "2. Giao X thực hiện
...:", "2. Đề nghị X:", "2. X, trước ngày D:", "2. X (hoàn thành trước ngày D):", and a
"Thời hạn: ..." line under the lead-in or after its sub-items; "2. X: <a job>." is a task
of X's, never a unit named by the whole line (QA 11a, findings 02 and 03)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.importing import imported

PNV, PGD, PTC = "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch"
UNITS = f"units:\n  - name: {PNV}\n  - name: {PGD}\n  - name: {PTC}\ngroups: []\n"
OPENING = (
    "THÔNG BÁO\n"
    "Kết luận giao ban tháng 7/2024\n\n"
    "Ngày 01/7/2024, UBND huyện họp giao ban. Chủ tịch UBND huyện kết luận:\n\n"
)
FIRST = "1. Phòng Giáo dục và Đào tạo tổng hợp kết quả thi, xong trước ngày 25/7/2024.\n"
SUBS = "- Rà soát vị trí việc làm;\n- Thẩm định hồ sơ thi đua khen thưởng.\n"
NOTE = "văn bản không nêu hạn của mục này; đã lấy thời gian của phần"


def _registered(tmp_path: Path) -> Path:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    return tmp_path


def _subs(tasks: list[dict]) -> list[tuple[str, list[str], str | None]]:
    return [(t["item"], t["owners"], t.get("deadline")) for t in tasks if t["item"] != "1"]


@pytest.mark.parametrize(
    "lead",
    [
        "Phòng Nội vụ thực hiện các nội dung sau:",
        "Phòng Nội vụ có trách nhiệm:",
        "Phòng Nội vụ tập trung thực hiện:",
        "Phòng Nội vụ cần:",
        "Giao Phòng Nội vụ thực hiện các việc sau:",
        "Đề nghị Phòng Nội vụ:",
        "Phòng Nội vụ:",
    ],
)
def test_the_unit_a_lead_in_names_does_its_sub_items(tmp_path: Path, lead: str) -> None:
    tasks, draft = imported(_registered(tmp_path), OPENING + FIRST + f"2. {lead}\n" + SUBS)
    assert _subs(tasks) == [("2.1", [PNV], None), ("2.2", [PNV], None)]
    assert "chưa tìm thấy đơn vị chủ trì" not in draft


def test_the_units_a_lead_in_says_help_support_its_sub_items(tmp_path: Path) -> None:
    lead = "2. Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch thực hiện:\n"
    tasks, _ = imported(_registered(tmp_path), OPENING + FIRST + lead + SUBS)
    subs = [t for t in tasks if t["item"] != "1"]
    assert [(t["owners"], t.get("supports")) for t in subs] == [([PNV], [PTC]), ([PNV], [PTC])]


@pytest.mark.parametrize(
    ("lead", "deadline"),
    [
        ("Phòng Giáo dục và Đào tạo, trước ngày 15/8/2024:", "trước ngày 15/8/2024"),
        (
            "Phòng Giáo dục và Đào tạo (hoàn thành trước ngày 15/8/2024):",
            "hoàn thành trước ngày 15/8/2024",
        ),
        (
            "Phòng Giáo dục và Đào tạo thực hiện các việc sau, xong trước ngày 15/8/2024:",
            "xong trước ngày 15/8/2024",
        ),
    ],
)
def test_a_lead_in_with_a_time_gives_it_to_its_sub_items(
    tmp_path: Path, lead: str, deadline: str
) -> None:
    subs = "- Kiểm tra đội ngũ giáo viên;\n- Sửa chữa cơ sở vật chất trường học.\n"
    first = "1. Phòng Nội vụ thẩm định hồ sơ thi đua, xong trước ngày 25/7/2024.\n"
    tasks, draft = imported(_registered(tmp_path), OPENING + first + f"2. {lead}\n" + subs)
    # the lead-in is no task of its own, nor the owner's name with its time
    assert _subs(tasks) == [("2.1", [PGD], deadline), ("2.2", [PGD], deadline)]
    assert draft.count(f"# kiểm tra: {NOTE}: {deadline}") == 2
    assert YAML(typ="safe").load(draft)["sections"] == [{"number": "2", "title": lead[:-1]}]


def test_a_unit_then_a_colon_then_a_job_is_that_units_task(tmp_path: Path) -> None:
    lead = "2. Phòng Giáo dục và Đào tạo: Rà soát đội ngũ giáo viên, xong trước ngày 15/8/2024.\n"
    subs = "- Kiểm tra đội ngũ giáo viên;\n- Sửa chữa cơ sở vật chất trường học.\n"
    first = "1. Phòng Nội vụ thẩm định hồ sơ thi đua, xong trước ngày 25/7/2024.\n"
    tasks, _ = imported(_registered(tmp_path), OPENING + first + lead + subs)
    assert _subs(tasks) == [
        ("2", [PGD], "xong trước ngày 15/8/2024"),
        ("2.1", [PGD], None),
        ("2.2", [PGD], None),
    ]


TIME_LINE = "Thời hạn hoàn thành: trước ngày 31/7/2024.\n"
BULLETS = (
    "- Rà soát dự toán ngân sách 6 tháng cuối năm.\n- Tổng hợp nhu cầu vốn đầu tư công năm 2025.\n"
)


@pytest.mark.parametrize("layout", ["before", "after"])
def test_a_time_line_of_a_lead_in_times_all_its_sub_items(tmp_path: Path, layout: str) -> None:
    lines = TIME_LINE + BULLETS if layout == "before" else BULLETS + TIME_LINE
    text = OPENING + FIRST + "2. Phòng Tài chính - Kế hoạch:\n" + lines
    tasks, draft = imported(_registered(tmp_path), text)
    assert _subs(tasks) == [
        ("2.1", [PTC], "trước ngày 31/7/2024"),
        ("2.2", [PTC], "trước ngày 31/7/2024"),
    ]
    assert all("Thời hạn" not in t["text"] for t in tasks)
    assert "không thuộc nhiệm vụ nào" not in draft


def test_a_time_line_no_sub_item_takes_is_kept(tmp_path: Path) -> None:
    # every sub-item has its own deadline: the lead-in's time line is in no task, so it
    # is kept at the end of the draft, never dropped
    bullets = (
        "- Rà soát dự toán ngân sách, xong trước ngày 20/7/2024.\n"
        "- Tổng hợp nhu cầu vốn đầu tư công, xong trước ngày 25/7/2024.\n"
    )
    text = OPENING + FIRST + "2. Phòng Tài chính - Kế hoạch:\n" + bullets + TIME_LINE
    tasks, draft = imported(_registered(tmp_path), text)
    assert [t.get("deadline") for t in tasks[1:]] == [
        "xong trước ngày 20/7/2024",
        "xong trước ngày 25/7/2024",
    ]
    assert "Thời hạn hoàn thành: trước ngày 31/7/2024" in draft


def test_a_topics_time_is_no_deadline_of_its_items(tmp_path: Path) -> None:
    # a time inside a topic's name says what the topic is ("Chế độ báo cáo trong dịp
    # nghỉ Lễ"); an item's "kịp thời" keeps its own word
    text = OPENING + (
        "1. Chế độ báo cáo trong dịp nghỉ Lễ 30/4/2024:\n"
        "- Phòng Nội vụ kịp thời báo cáo các vụ việc phát sinh.\n"
        "- Phòng Giáo dục và Đào tạo tổng hợp tình hình các trường.\n"
    )
    tasks, _ = imported(_registered(tmp_path), text)
    assert [(t["owners"], t.get("deadline")) for t in tasks] == [([PNV], "kịp thời"), ([PGD], None)]
