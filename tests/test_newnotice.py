"""New notices: ids from date and title, and YAML text that reads back and looks hand-written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from giaoban.checks.check import check_paths
from giaoban.edit.newnotice import (
    coerce_dates,
    notice_id,
    notice_text,
    parse_task_spec,
    render_scalar,
    slug_words,
)
from giaoban.edit.yamledit import load_plain

TITLE_2019 = (
    "Kết luận của đồng chí Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn, Thủ trưởng cơ quan "
    "tại Hội nghị giao ban lãnh đạo các ban, đơn vị khối phong trào tháng 02/2019"
)


def test_id_is_ascii_from_date_and_the_meeting_words() -> None:
    assert slug_words(TITLE_2019)[:4] == ["giao", "ban", "lanh", "dao"]
    assert notice_id(date(2019, 2, 18), TITLE_2019) == "2019-02-18-giao-ban-lanh-dao-ban-don"
    assert (
        notice_id(date(2018, 8, 2), "Sơ kết công tác 6 tháng đầu năm 2018 Cơ quan TW Đoàn")
        == "2018-08-02-so-ket-cong-tac-6-thang"
    )
    assert notice_id(date(2020, 1, 1), "!!!") == "2020-01-01-thong-bao"


def test_id_is_made_unique_with_a_suffix() -> None:
    base = notice_id(date(2019, 2, 18), "Giao ban tháng 2")
    assert base == "2019-02-18-giao-ban-thang-2"
    assert notice_id(date(2019, 2, 18), "Giao ban tháng 2", {base}) == f"{base}-2"
    assert notice_id(date(2019, 2, 18), "Giao ban tháng 2", {base, f"{base}-2"}) == f"{base}-3"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Văn phòng Trung ương Đoàn", "Văn phòng Trung ương Đoàn"),
        ("3", '"3"'),
        ("6.2", '"6.2"'),
        ("2019-02-25", '"2019-02-25"'),
        ("yes", '"yes"'),
        ("null", '"null"'),
        ("Chờ: ý kiến", '"Chờ: ý kiến"'),
        ("a # b", '"a # b"'),
        ("- gạch đầu dòng", '"- gạch đầu dòng"'),
        ('trích "nguyên văn"', 'trích "nguyên văn"'),
        (date(2019, 2, 25), "2019-02-25"),
        (True, "true"),
        (49, "49"),
    ],
)
def test_scalars_are_quoted_only_when_they_must_be(value, written) -> None:
    assert render_scalar(value) == written
    assert load_plain(f"k: {written}\n")["k"] == value


NOTICE = {
    "kind": "thông báo kết luận",
    "title": TITLE_2019,
    "date": date(2019, 2, 18),
    "tasks": [
        {
            "text": "Gửi kế hoạch về Văn phòng",
            "deadline": "trước ngày 25/02/2019",
            "owners": ["VP"],
            "item": 3,
        }
    ],
    "id": "2019-02-18-giao-ban",
}


def test_notice_text_in_documented_order_and_folded_like_the_examples() -> None:
    assert notice_text(NOTICE) == (
        "id: 2019-02-18-giao-ban\n"
        "kind: thông báo kết luận\n"
        "title: >-\n"
        "  Kết luận của đồng chí Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn, Thủ trưởng cơ\n"
        "  quan tại Hội nghị giao ban lãnh đạo các ban, đơn vị khối phong trào tháng 02/2019\n"
        "date: 2019-02-18\n"
        "tasks:\n"
        '  - item: "3"\n'
        "    text: Gửi kế hoạch về Văn phòng\n"
        "    owners:\n"
        "      - VP\n"
        "    deadline: trước ngày 25/02/2019\n"
        "    status: open\n"
    )
    assert load_plain(notice_text(NOTICE))["title"] == TITLE_2019


def test_notice_text_passes_check(data_dir: Path) -> None:
    path = data_dir / "2019" / "2019-02-18-giao-ban.yaml"
    path.parent.mkdir()
    path.write_text(notice_text(NOTICE, header="Chép từ bản giấy"), encoding="utf-8")
    report = check_paths([path], data_dir)
    assert report.errors == 0 and report.tasks == 1
    assert path.read_text(encoding="utf-8").startswith("# Chép từ bản giấy\nid: ")


def test_task_spec_for_flags() -> None:
    spec = (
        "Xây dựng kế hoạch | chủ trì: VP; Các ban, đơn vị | phoi hop: BTC | hạn: quý I | mục: 6.2"
    )
    assert parse_task_spec(spec) == {
        "text": "Xây dựng kế hoạch",
        "owners": ["VP", "Các ban, đơn vị"],
        "supports": ["BTC"],
        "deadline": "quý I",
        "item": "6.2",
    }
    with pytest.raises(ValueError, match="không hiểu phần 'hạn trước'"):
        parse_task_spec("Việc | hạn trước")


def test_json_dates_become_dates() -> None:
    data: dict[str, Any] = {
        "date": "2019-02-18",
        "meeting": {"date": "2019-02-18"},
        "title": "2019-02-18",
    }
    data["tasks"] = [{"done_occurrences": ["2019-02-22"], "done_on": "2019-03-01", "text": "x"}]
    out = coerce_dates(data)
    assert out["date"] == out["meeting"]["date"] == date(2019, 2, 18)
    assert out["title"] == "2019-02-18"
    assert out["tasks"][0]["done_occurrences"] == [date(2019, 2, 22)]
    assert out["tasks"][0]["done_on"] == date(2019, 3, 1)
