"""Messy text as real notices have it: the importer's cleaning and paragraph rules."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from giaoban.importer.clean import clean_lines, normalize
from giaoban.importer.structure import outline, paragraphs

CORPUS = Path(__file__).resolve().parent / "data" / "import" / "corpus"


def test_text_is_nfc_after_cleaning() -> None:
    decomposed = unicodedata.normalize("NFD", "Văn phòng Trung ương Đoàn")
    assert normalize(decomposed) == "Văn phòng Trung ương Đoàn"


@pytest.mark.parametrize(
    ("messy", "clean"),
    [
        # a combining mark after a space: the PDF put it after the gap
        ("ho ̣c sinh", "học sinh"),
        ("đơn vi ̣có văn bản", "đơn vị có văn bản"),
        ("hê ̣thố ng", "hệ thống"),
        # a mark before punctuation
        ("chức vu ,̣ số điê ̣n thoa ̣i", "chức vụ, số điện thoại"),
        # a tone on a consonant moves to the vowel
        ("Kiên\u0323 toàn", "Kiện toàn"),
        # stray spaces inside words
        ("Các đơn vị t ăng cường khai t hác", "Các đơn vị tăng cường khai thác"),
        ("Đáp ứng n hu cầu", "Đáp ứng nhu cầu"),
        # words glued to numbers
        ("Hiệp Hòa, ngày07 tháng10 năm 2020", "Hiệp Hòa, ngày 07 tháng 10 năm 2020"),
    ],
)
def test_stray_marks_and_spaces(messy: str, clean: str) -> None:
    assert normalize(messy) == clean


def test_a_fully_decomposed_text_keeps_its_words() -> None:
    text = "Cán bộ y tế và các đơn vị có văn bản gửi về Văn phòng trước ngày 25/02/2019."
    assert normalize(unicodedata.normalize("NFD", text)) == text


def test_real_pdf_layer_with_decomposed_marks_is_repaired() -> None:
    text = normalize((CORPUS / "pgddt-hiephoa-HD500-2020-11-06.txt").read_text(encoding="utf-8"))
    assert "1. Kiện toàn hệ thống đầu mối về CNTT" in text
    assert "Yêu cầu các đơn vị có văn bản phân công" in text
    assert "thực hiện chương trình\nphổ thông mới năm 2018" in text
    assert "\u2063" not in text and "\u2064" not in text


def test_markdown_bold_and_headings_are_removed_but_remembered() -> None:
    lines = clean_lines(
        "### **3. Về lề lối tác phong làm việc**\n"
        "**4. Công tác nắm bắt tình hình Cụm phụ trách:** Các ban, đơn vị đẩy mạnh\n"
        "xong trước **ngày 30/9/2023**.\n"
        "-----\n"
    )
    assert lines[0].text == "3. Về lề lối tác phong làm việc" and lines[0].all_bold
    assert lines[1].bold_lead == "4. Công tác nắm bắt tình hình Cụm phụ trách:"
    assert lines[2].text == "xong trước ngày 30/9/2023."
    assert lines[3].blank


def test_lines_broken_mid_sentence_are_joined() -> None:
    text = (
        "1. Phòng Giáo dục và Đào tạo chuẩn bị hoa, thông báo tới các đơn vị được lãnh đạo\n"
        "huyện đến thăm và dự Lễ kỷ niệm; chuẩn bị xe cho đoàn số 6, số 7.\n"
        "2. Văn phòng Huyện uỷ chuẩn bị xe cho các đoàn số 1.\n"
    )
    paras = paragraphs(clean_lines(text))
    assert [p.label for p in paras] == ["1", "2"]
    assert paras[0].text.endswith(
        "được lãnh đạo huyện đến thăm và dự Lễ kỷ niệm; chuẩn bị xe cho đoàn số 6, số 7."
    )


def test_a_word_broken_across_a_blank_line_is_joined() -> None:
    paras = paragraphs(clean_lines("- nhiều đơn vị chưa đảm bảo tỷ\n\nlệ 100% dữ liệu.\n"))
    assert len(paras) == 1 and "tỷ lệ 100%" in paras[0].text


def test_a_short_line_then_a_capital_starts_a_new_paragraph() -> None:
    text = (
        "Báo cáo đầu năm: Báo cáo kế hoạch thực hiện nhiệm vụ pháp chế của đơn\n"
        "vi trước ngày 12/10/2020\n"
        "Báo cáo học kỳ I: Báo cáo sơ kết công tác pháp chế trước ngày 05/01/2021\n"
        "Báo cáo cuối năm: Báo cáo tổng kết công tác pháp chế trước ngày\n"
        "31/5/2021\n"
    )
    paras = paragraphs(clean_lines(text))
    assert len(paras) >= 2
    assert paras[0].text.endswith("trước ngày 12/10/2020")


@pytest.mark.parametrize(
    ("lines", "kinds", "paths"),
    [
        (["1. Một", "2) Hai"], ["number", "number"], ["1", "2"]),
        (["1. Một:", "a) Ý a", "b) Ý b"], ["number", "letter", "letter"], ["1", "1.a", "1.b"]),
        (["1. Một:", "- Ý một", "• Ý hai"], ["number", "bullet", "bullet"], ["1", "1.1", "1.2"]),
        (
            ["6. Việc lớn", "- Chuẩn bị Đại hội:", "+ Việc một", "+ Việc hai", "- Việc ba"],
            ["number", "bullet", "plus", "plus", "bullet"],
            ["6", "", "6.1", "6.2", "6.3"],
        ),
        (
            ["II. NHIỆM VỤ", "1. Một", "1.1. Một một"],
            ["roman", "number", "number"],
            ["II", "II.1", "II.1.1"],
        ),
        (["2.1. Ý kiến:", "- Việc"], ["number", "bullet"], ["2.1", "2.1.1"]),
    ],
)
def test_numbering_styles(lines: list[str], kinds: list[str], paths: list[str]) -> None:
    paras = paragraphs(clean_lines("\n".join(lines)))
    assert [p.kind for p in paras] == kinds
    _intro, roots = outline(paras)
    found: list[str] = []

    def walk(nodes: list) -> None:
        for node in nodes:
            found.append(node.path)
            walk(node.children)

    walk(roots)
    assert found == paths


def test_a_date_or_a_count_at_line_start_is_not_a_number_mark() -> None:
    text = "Hoàn thành trước ngày\n31/3/2019. Các đơn vị\n24 học sinh/1 máy tính\n"
    assert [p.kind for p in paragraphs(clean_lines(text))] == ["text"]


def test_a_web_page_text_has_one_paragraph_per_line() -> None:
    # lines far longer than a printed line were never wrapped: each is a paragraph,
    # even when it ends with a full stop and the next opens with a capital
    sentence = (
        "Ủy ban nhân dân các huyện rà soát nhu cầu sử dụng đất giai đoạn 2026 - 2030 trên "
        "địa bàn, đề xuất danh mục công trình, dự án và gửi báo cáo về Sở Nông nghiệp và "
        "Môi trường trước ngày 15/6/2025 để tổng hợp, trình Ủy ban nhân dân tỉnh xem xét, "
        "phê duyệt điều chỉnh quy hoạch sử dụng đất."
    )
    other = sentence.replace("Ủy ban nhân dân các huyện", "Các sở, ngành liên quan")
    third = "Sở Nông nghiệp và Môi trường tổng hợp, báo cáo Ủy ban nhân dân tỉnh " + (
        "trước ngày 30/6/2025 để xem xét, quyết định theo quy định hiện hành của pháp luật "
        "về đất đai và các văn bản hướng dẫn thi hành có liên quan."
    )
    paras = paragraphs(clean_lines("\n".join([sentence, other, third])))
    assert [p.text.split()[0] for p in paras] == ["Ủy", "Các", "Sở"]


def test_a_wrapped_text_still_joins_its_lines() -> None:
    text = (
        "1. Văn phòng chủ trì, phối hợp với các ban tổng hợp báo cáo sơ kết công tác\n"
        "Đoàn gửi Thường trực trước ngày 20/6/2024.\n"
    )
    paras = paragraphs(clean_lines(text))
    assert len(paras) == 1
