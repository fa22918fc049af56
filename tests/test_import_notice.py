"""What the importer reads around the items, on the real seed notices and corpus texts."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from giaoban.importer import Draft, draft_from_text
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry

HERE = Path(__file__).resolve().parent / "data" / "import"


@cache
def registry() -> Registry:
    return load_registry(HERE / "units.yaml", [])


@cache
def seed(prefix: str) -> Draft:
    path = next((HERE / "seeds").glob(f"{prefix}_*.txt"))
    return draft_from_text(path.read_text(encoding="utf-8"), registry())


@cache
def corpus(name: str) -> Draft:
    text = (HERE / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
    return draft_from_text(text, registry())


# --- title and kind ---------------------------------------------------------------


def test_title_after_the_thong_bao_heading_on_two_lines() -> None:
    draft = seed("001")
    assert draft.kind == "thông báo kết luận"
    assert draft.title == (
        "Kết luận của đồng chí Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn, Thủ trưởng cơ "
        "quan tại Hội nghị giao ban lãnh đạo các ban, đơn vị khối phong trào tháng 02/2019"
    )


def test_title_glued_to_the_heading_by_bold_markers() -> None:
    assert seed("000").title.startswith("Kết luận của đồng chí Bí thư thường trực BCH")
    assert seed("000").title.endswith("khối phong trào tháng 4/2022")


def test_title_after_blank_lines() -> None:
    assert seed("003").title == (
        "Về kết luận Hội nghị giao ban công tác Đoàn và phong trào thanh niên Quý II, năm 2021"
    )


@pytest.mark.parametrize(
    ("name", "kind", "title"),
    [
        (
            "sgddt-hagiang-TB173-2020-03-03",
            "thông báo",
            "Lịch tiếp công dân của Sở Giáo dục và Đào tạo năm 2020",
        ),
        (
            "pgddt-hiephoa-KH21-2020-10-12",
            "kế hoạch",
            "Thực hiện nhiệm vụ pháp chế năm học 2020-2021",
        ),
        (
            "pgddt-hiephoa-HD500-2020-11-06",
            "hướng dẫn",
            "Thực hiện nhiệm vụ Công nghệ thông tin năm học 2020 - 2021",
        ),
        (
            "pgddt-hiephoa-453-2020-10-12",
            "công văn",
            "V/v triển khai báo cáo thống kê giáo dục kỳ đầu năm học 2020-2021",
        ),
    ],
)
def test_title_and_kind_of_corpus_texts(name: str, kind: str, title: str) -> None:
    draft = corpus(name)
    assert (draft.kind, draft.title) == (kind, title)


def test_a_news_report_without_heading_takes_its_first_line_and_says_so() -> None:
    draft = seed("002")
    assert draft.title == "Sơ kết công tác 6 tháng đầu năm 2018 Cơ quan Trung ương Đoàn"
    assert draft.kind == "sơ kết"
    assert draft.checks["title"]


# --- number, issuer, place and date -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("ubnd-hiephoa-633-TB-UBND-2020-11-16", "633 /TB-UBND"),
        ("pgddt-hiephoa-458-2020-10-12", "458 /PGD&ĐT"),  # "Số:458" without a space
        ("pgddt-hiephoa-KH21-2020-10-12", "21 /KH-PGD&ĐT"),  # broken over two lines
        ("sgddt-bacgiang-KH25-2020-03-27", "25 /KH-SGDĐT"),  # "Số" alone on its line
        ("pgddt-hiephoa-399-2020-09-07", "399 / PGD&ĐT"),  # "Số" without a colon
    ],
)
def test_document_number(name: str, number: str) -> None:
    assert corpus(name).number == number


@pytest.mark.parametrize(
    ("name", "place", "day"),
    [
        ("ubnd-hiephoa-633-TB-UBND-2020-11-16", "Hiệp Hoà", date(2020, 11, 16)),
        ("pgddt-hiephoa-399-2020-09-07", "Hiệp Hòa", date(2020, 9, 7)),  # "ngày07"
        ("pgddt-hiephoa-KH20-2020-10-07", "Hiệp Hòa", date(2020, 10, 7)),  # "tháng10"
        ("sgddt-hagiang-TB173-2020-03-03", "Hà Giang", date(2020, 3, 3)),
    ],
)
def test_place_and_date_of_issue(name: str, place: str, day: date) -> None:
    draft = corpus(name)
    assert (draft.place, draft.date) == (place, day)
    assert not draft.checks.get("date")


def test_issuer_from_the_header_block() -> None:
    assert corpus("sgddt-bacgiang-KH25-2020-03-27").issuer == (
        "UBND TỈNH BẮC GIANG - SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    )
    assert corpus("ubnd-hiephoa-633-TB-UBND-2020-11-16").issuer == "UỶ BAN NHÂN DÂN HUYỆN HIỆP HOÀ"


def test_issuer_from_the_signature_when_no_header_says_it() -> None:
    draft = seed("000")
    assert draft.issuer == "Ban Bí thư Trung ương Đoàn"
    assert draft.checks["issuer"]


def test_no_date_of_issue_uses_the_meeting_date_and_says_so() -> None:
    draft = seed("000")
    assert draft.date == date(2022, 4, 14)
    assert "ngày họp" in draft.checks["date"][0]


def test_illegible_ocr_date_falls_back_to_the_meeting_date() -> None:
    draft = corpus("bgddt-TB216-2019-03-ocr")  # "Ha Noi, ngay.0 thong 3 nom 2019"
    assert draft.date == date(2019, 3, 11)
    assert draft.checks["date"]


def test_addressees_of_a_cong_van() -> None:
    assert corpus("pgddt-hiephoa-399-2020-09-07").addressees == [
        "Các trường Mầm non,Tiểu học, THCS",
        "Các trường TH&THCS: Mai Đình, Đồng Tân, Đại Thành",
    ]
    assert corpus("pgddt-hiephoa-460-2020-10-12").addressees == [
        "Hiệu trưởng các trường Mầm non, Tiểu học, TH&THCS,THCS"
    ]


def test_a_dashed_list_of_addressees_starting_on_the_kinh_gui_line() -> None:
    # a page copied without its heading: "Kính gửi: - A", then "- B" further down
    text = (
        "Kính gửi:   - Ban Chấp hành các chi đoàn\n\n"
        "            - Ủy viên Ban Tuyên giáo Đoàn trường\n\n"
        "Để chuẩn bị Hội thi Olympic tiếng Anh năm 2024, Đoàn trường thông báo như sau:\n\n"
        "- Các chi đoàn gửi danh sách thí sinh về Văn phòng Đoàn trường trước ngày "
        "15/3/2024.\n\n"
        "- Văn phòng Đoàn trường chuẩn bị phòng thi trước ngày 20/3/2024.\n"
    )
    draft = draft_from_text(text, registry())
    assert draft.addressees == [
        "Ban Chấp hành các chi đoàn",
        "Ủy viên Ban Tuyên giáo Đoàn trường",
    ]
    # the second addressee is no item, and the opening sentence no part of one
    assert [t.text.split()[0] for t in draft.tasks] == ["Các", "Văn"]
    assert draft.checks["title"]  # no heading: the clerk is told to write the title


# --- the meeting -------------------------------------------------------------------


def test_meeting_date_name_and_chair() -> None:
    meeting = seed("000").meeting
    assert meeting is not None
    assert meeting.date == date(2022, 4, 14)
    assert meeting.name == (
        "Hội nghị giao ban lãnh đạo các ban, đơn vị khối phong trào tháng 4/2022"
    )
    assert [c.name for c in meeting.chair] == ["Bùi Quang Huy"]
    assert meeting.chair[0].position == (
        "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, "
        "Bí thư thường trực Ban Chấp hành Trung ương Đoàn"
    )


def test_chair_in_bold_and_chair_with_a_dash() -> None:
    bold = seed("001").meeting
    assert bold is not None
    assert [c.name for c in bold.chair] == ["Lê Quốc Phong"]
    dashed = seed("003").meeting
    assert dashed is not None
    chair = dashed.chair[0]
    assert (chair.name, chair.position) == (
        "Nguyễn Đăng Khoa",
        "Bí thư Đoàn Khối Dân – Chính – Đảng Thành phố",
    )


def test_two_chairs_and_a_year_taken_from_the_page() -> None:
    meeting = seed("002").meeting  # "Sáng ngày 02/8" on a page dated 06/08/2018
    assert meeting is not None
    assert meeting.date == date(2018, 8, 2)
    assert [c.name for c in meeting.chair] == ["Lê Quốc Phong", "Nguyễn Anh Tuấn"]


def test_meeting_place() -> None:
    meeting = seed("004").meeting
    assert meeting is not None
    assert meeting.place == "Trụ sở Cơ quan Trung ương Đoàn"


def test_attendees() -> None:
    meeting = seed("000").meeting
    assert meeting is not None
    assert meeting.attendees[:2] == [
        "Các đồng chí Bí thư Trung ương Đoàn",
        "Thường trực Đảng ủy, Công đoàn, Đoàn Thanh niên cơ quan",
    ]


def test_attendance_as_in_seed_003() -> None:
    meeting = seed("003").meeting
    assert meeting is not None
    assert (meeting.present, meeting.total) == (49, 56)
    assert meeting.absent_excused == [
        "Đoàn Sở Tài nguyên và Môi trường",
        "Đoàn Sở Du lịch",
        "Đoàn Sở Thông tin và Truyền thông",
    ]
    assert meeting.absent_unexcused == [
        "Đoàn BQL Dự án đầu tư xây dựng Hạ tầng đô thị",
        "Chi đoàn Trung tâm Xúc tiến Thương mại Thành phố",
        "Đoàn Luật sư Thành phố",
        "Chi đoàn Hội Chữ Thập đỏ Thành phố",
    ]
    assert not [t for t in seed("003").tasks if t.item.startswith("1")]


# --- recipients and signer ---------------------------------------------------------


def test_recipients() -> None:
    assert seed("001").recipients == [
        "Ban Bí thư TW Đoàn (để báo cáo)",
        "TT Đảng ủy, Công đoàn, Hội CCB, Đoàn TN CQ TW Đoàn",
        "Các ban, đơn vị khối phong trào",
        "VP UBQGTN, VP Đảng – Đoàn thể",
        "Lưu VP",
    ]


def test_recipients_on_two_lines_and_after_the_signer() -> None:
    bgddt = corpus("bgddt-TB216-2019-03-ocr").recipients
    assert "Ph6 Trtrang Ban chi dao (de don d6c tien d6)" in bgddt
    assert corpus("pgddt-hiephoa-458-2020-10-12").recipients[-1] == "Như kính gửi"


def test_signer_tl_and_kt() -> None:
    draft = seed("003")
    assert draft.on_behalf == ["TL. BAN THƯỜNG VỤ ĐOÀN KHÔI", "KT. CHÁNH VĂN PHÒNG"]
    assert (draft.position, draft.signer_name) == ("Phó Văn phòng", "Huỳnh Hoàng Nhân")


def test_signer_position_with_a_typo_is_read_and_noted() -> None:
    draft = seed("004")  # "CHỖ VĂN PHÒNG" under "TL. ..."
    assert (draft.position, draft.signer_name) == ("Chánh Văn phòng", "Nguyễn Quốc Huy")
    assert "CHỖ VĂN PHÒNG" in draft.checks["signer"][0]


def test_signer_after_an_attachment_and_a_digital_signature() -> None:
    kh21 = corpus("pgddt-hiephoa-KH21-2020-10-12")
    assert (kh21.position, kh21.signer_name) == ("Trưởng phòng", "Phạm Văn Hà")
    kh25 = corpus("sgddt-bacgiang-KH25-2020-03-27")
    assert (kh25.on_behalf, kh25.position, kh25.signer_name) == (
        ["KT. GIÁM ĐỐC"],
        "Phó Giám đốc",
        "Nguyễn Văn Thêm",
    )


# --- the structured draft for ``giaoban add --from-text`` ------------------------------


def test_as_notice_gives_a_valid_notice_in_format_order(tmp_path: Path) -> None:
    from giaoban.checks.check import check_paths
    from giaoban.edit.newnotice import notice_text

    notice = seed("003").as_notice()
    assert list(notice) == [
        "id", "kind", "title", "issuer", "date", "confidential", "meeting", "signer",
        "recipients", "sections", "tasks",
    ]  # fmt: skip
    assert notice["meeting"]["attendance"]["present"] == 49
    assert notice["tasks"][0] == {
        "item": "2.1.1",
        "section": "2.1",
        "text": "Tăng cường các hoạt động đổi mới sáng tạo, phát huy ý tưởng, sáng kiến của "
        "đoàn viên, thanh niên Khối trong thực hiện nhiệm vụ chính trị.",
        "owners": ["Cơ sở Đoàn"],
        "status": "open",
    }
    path = tmp_path / f"{notice['id']}.yaml"
    path.write_text(notice_text(notice), encoding="utf-8")
    assert not [p for p in check_paths([path], tmp_path).problems if p.is_error]
    assert seed("003").notes()[0].startswith("date: ")
