"""Item marks in every form an office writes them ("1.", "1)", "1/", "(1)", "1 -", "a)",
"(a)", "II/" ...), on the item's line or alone on a line of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import imported

HEAD = (
    "THÔNG BÁO\n"
    "Kết luận Hội nghị giao ban tháng 3/2024\n"
    "Ngày 11/3/2024, Ban Thường vụ Huyện đoàn tổ chức Hội nghị giao ban tháng 3/2024. "
    "Đồng chí Nguyễn Văn Hùng, Bí thư Huyện đoàn kết luận như sau:\n"
)
ITEMS = (
    "Văn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024.",
    "Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.",
    "Các cơ sở Đoàn báo cáo trước 14h00 thứ 6 hàng tuần.",
)
DEADLINES = ["trước ngày 25/3/2024", "trong tháng 4/2024", "trước 14h00 thứ 6 hàng tuần"]
FORMS = ["{}.", "{})", "{}/", "({})", "{} -", "{} –", "{}-"]
NEW_FORMS = FORMS[2:]  # "1." and "1)" on the item's line were read before


def _marked(form: str, k: int) -> str:
    return form.format(k)


@pytest.mark.parametrize("form", NEW_FORMS)
def test_each_form_of_a_number_gives_one_task_per_item(tmp_path: Path, form: str) -> None:
    body = "".join(f"{_marked(form, k)} {item}\n" for k, item in enumerate(ITEMS, start=1))
    tasks, _ = imported(tmp_path, HEAD + body)
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert [t["deadline"] for t in tasks] == DEADLINES


@pytest.mark.parametrize("form", FORMS)
def test_a_number_alone_on_its_line_opens_the_item_below(tmp_path: Path, form: str) -> None:
    # as a web page or a PDF lays it out: the mark on a line, the text on the next
    body = "".join(f"{_marked(form, k)}\n{item}\n" for k, item in enumerate(ITEMS, start=1))
    tasks, _ = imported(tmp_path, HEAD + body)
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert [t["text"] for t in tasks] == list(ITEMS)
    assert [t["deadline"] for t in tasks] == DEADLINES


def test_a_lone_mark_then_a_blank_line_and_wrapped_text(tmp_path: Path) -> None:
    text = HEAD + (
        "1.\n\nVăn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 của các cơ sở Đoàn trong\n"
        "toàn huyện, gửi Thường trực trước ngày 25/3/2024.\n"
        "2.\nBan Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.\n"
        "3. Ban Tuyên giáo Huyện đoàn tổ chức tuyên truyền trước ngày 30/4/2024.\n"
    )
    tasks, _ = imported(tmp_path, text)
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert tasks[0]["text"].endswith("trong toàn huyện, gửi Thường trực trước ngày 25/3/2024.")
    assert tasks[0]["deadline"] == "trước ngày 25/3/2024"


@pytest.mark.parametrize("letter", ["{})", "({})", "{}/", "{}."])
def test_letters_in_every_form_are_sub_items(tmp_path: Path, letter: str) -> None:
    text = HEAD + (
        "1. Về công tác tổ chức:\n"
        f"{letter.format('a')} Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.\n"
        f"{letter.format('b')}\nVăn phòng Huyện đoàn tổng hợp báo cáo trước ngày 25/3/2024.\n"
    )
    tasks, _ = imported(tmp_path, text)
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("1.a", "trong tháng 4/2024"),
        ("1.b", "trước ngày 25/3/2024"),
    ]


@pytest.mark.parametrize("roman", ["{}.", "{}/", "{} -", "({})"])
def test_roman_numerals_of_parts_in_every_form(tmp_path: Path, roman: str) -> None:
    text = HEAD + (
        f"{roman.format('I')} Về công tác tổ chức\n"
        "1. Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.\n"
        f"{roman.format('II')}\nVề công tác văn phòng\n"
        "1. Văn phòng Huyện đoàn tổng hợp báo cáo trước ngày 25/3/2024.\n"
    )
    tasks, _ = imported(tmp_path, text)
    assert [(t["item"], t["deadline"]) for t in tasks] == [
        ("I.1", "trong tháng 4/2024"),
        ("II.1", "trước ngày 25/3/2024"),
    ]


@pytest.mark.parametrize("form", ["{}/", "({})"])
def test_items_run_on_in_one_line_in_every_form(tmp_path: Path, form: str) -> None:
    body = " ".join(f"{form.format(k)} {item}" for k, item in enumerate(ITEMS, start=1))
    tasks, _ = imported(tmp_path, HEAD.rstrip("\n") + " " + body + "\n")
    assert [t["deadline"] for t in tasks] == DEADLINES


def test_numbers_between_brackets_inside_a_sentence_are_no_items(tmp_path: Path) -> None:
    text = HEAD + (
        "(1) Ban Tổ chức Huyện đoàn tổ chức bồi dưỡng cho 3 nhóm đối tượng: (1) Bí thư "
        "chi đoàn; (2) Phó Bí thư chi đoàn; (3) Ủy viên Ban Chấp hành, hoàn thành trước "
        "ngày 30/4/2024.\n"
        "(2) Văn phòng Huyện đoàn tổng hợp báo cáo trước ngày 25/3/2024.\n"
    )
    tasks, _ = imported(tmp_path, text)
    assert [t["item"] for t in tasks] == ["1", "2"]
    assert "(2) Phó Bí thư chi đoàn; (3) Ủy viên" in tasks[0]["text"]


@pytest.mark.parametrize(
    "line",
    [
        "1 - 2 đoàn viên mỗi chi đoàn được giới thiệu trước ngày 30/4/2024.",
        "15/3/2024 Văn phòng gửi báo cáo trước ngày 30/4/2024.",
    ],
)
def test_a_range_or_a_date_opening_a_line_is_no_mark(tmp_path: Path, line: str) -> None:
    text = HEAD + (
        "1/ Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.\n"
        f"{line}\n"
        "2/ Văn phòng Huyện đoàn tổng hợp báo cáo trước ngày 25/3/2024.\n"
    )
    tasks, _ = imported(tmp_path, text)
    assert [t["item"] for t in tasks][:1] == ["1"]
    assert tasks[0]["text"].endswith(line)
    assert tasks[-1]["item"] == "2"


RUN_ON = (
    "Văn phòng Huyện đoàn tổng hợp báo cáo quý I/2024 trước ngày 25/3/2024.",
    "Ban Tổ chức Huyện đoàn rà soát đoàn viên trong tháng 4/2024.",
    "Ban Tuyên giáo Huyện đoàn tổ chức tuyên truyền trước ngày 30/4/2024.",
)


@pytest.mark.parametrize(
    "body",
    [
        # "1." alone, then its text with items 2 and 3 run on in the same line
        "1.\n{0} 2. {1} 3. {2}\n",
        # "1." alone, its text, then a line "2. ..." with item 3 run on in it
        "1.\n{0}\n2. {1} 3. {2}\n",
        # the same with the mark on the item's line: the line's own mark counts
        "1. {0}\n2. {1} 3. {2}\n",
        "(1)\n{0} (2) {1} (3) {2}\n",
    ],
)
def test_marks_inside_a_line_go_on_with_the_count_of_the_lines_above(
    tmp_path: Path, body: str
) -> None:
    tasks, _ = imported(tmp_path, HEAD + body.format(*RUN_ON))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert [t["text"] for t in tasks] == list(RUN_ON)
