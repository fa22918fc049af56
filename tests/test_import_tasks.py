"""Items, owners and deadlines read from the seed notices and the corpus texts."""

from __future__ import annotations

import textwrap
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from giaoban.deadline import DeadlineSettings, parse_deadline
from giaoban.importer import Draft, DraftTask, draft_from_text
from giaoban.importer.deadlines import choose, find_deadlines
from giaoban.importer.units import UnitReader
from giaoban.model.text import fold
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry
from tests.importing import imported

HERE = Path(__file__).resolve().parent / "data" / "import"
NOTICES = HERE / "seeds" / "notices"


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


def transcribed(prefix: str) -> dict:
    """The clerk's transcription of seed ``prefix`` (a copy of the notice in data/)."""
    for path in NOTICES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if f"seeds/{prefix}_" in text[:300]:
            return YAML(typ="safe").load(text)
    raise LookupError(prefix)


def task(draft: Draft, item: str) -> DraftTask:
    return next(t for t in draft.tasks if t.item == item)


def no_due(phrase: str | None, ref: date) -> bool:
    if phrase is None:
        return True
    reading = parse_deadline(phrase, ref)
    return getattr(reading, "kind", None) == "none"


# --- the seeds against their transcription in data/ -----------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_items_of_a_seed_are_those_of_its_transcription(prefix: str) -> None:
    notice = transcribed(prefix)
    assert [t.item for t in seed(prefix).tasks] == [str(t["item"]) for t in notice["tasks"]]


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_deadlines_of_a_seed_are_those_of_its_transcription(prefix: str) -> None:
    notice = transcribed(prefix)
    ref = notice["date"]
    for want, have in zip(notice["tasks"], seed(prefix).tasks, strict=True):
        expected = None if want.get("deadline") is None else str(want["deadline"])
        if no_due(expected, ref) and no_due(have.deadline, ref):
            continue  # both: no fixed deadline ("thường xuyên", "kịp thời", none)
        assert fold(have.deadline or "") == fold(expected or ""), want["item"]


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_owners_of_a_seed_are_those_of_its_transcription(prefix: str) -> None:
    notice = transcribed(prefix)
    for want, have in zip(notice["tasks"], seed(prefix).tasks, strict=True):
        owners = [registry().canonical(o) or o for o in want["owners"]]
        if want["item"] == "1" and prefix == "001":
            assert have.owners == ["Các Ban"]  # "lãnh đạo các Ban": kept as written, noted
            continue
        if want["item"] == "2" and prefix == "001":
            continue  # "Các ban tham mưu ..." is kept as written ("Các ban")
        assert have.owners == owners, want["item"]


def test_sections_of_seed_000() -> None:
    assert seed("000").sections == [
        ("1", "Về tiến độ, chất lượng công việc và quy trình xử lý văn bản"),
        ("2", "Về việc sử dụng hệ thống văn phòng điện tử (E-office)"),
        ("3", "Về lề lối tác phong làm việc, đi cơ sở"),
        ("4", "Công tác nắm bắt tình hình Cụm phụ trách"),
        ("5", "Về công tác phối hợp"),
        ("6", "Về một số nội dung công việc lớn"),
    ]
    assert task(seed("000"), "4").text.startswith("Các ban, đơn vị đẩy mạnh")


def test_plus_items_under_a_sub_heading_continue_the_count() -> None:
    draft = seed("000")
    assert task(draft, "6.2").deadline == "trước 14h00 thứ 6 hàng tuần"
    assert task(draft, "6.5").owners == ["Ban Tổ chức Trung ương Đoàn"]
    assert task(draft, "6.6").text.startswith("Các ban, đơn vị kiên trì")


def test_closing_formula_is_not_a_task() -> None:
    assert not task(seed("000"), "6.7").text.endswith("hiệu quả.")
    assert "Đề nghị các ban" not in task(seed("000"), "6.7").text


def test_a_news_report_gives_its_requests_in_order() -> None:
    draft = seed("002")
    assert [t.item for t in draft.tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert draft.tasks[0].deadline == "Trong 6 tháng cuối năm"
    assert draft.tasks[1].deadline == "Trong 6 tháng cuối năm"  # same sentence
    assert draft.tasks[3].text.startswith("Các ban, đơn vị cần tăng cường cơ chế chia sẻ")


# --- owners: the registry and the usual patterns ----------------------------------------


@pytest.mark.parametrize(
    ("text", "owners", "supports"),
    [
        (
            "Ban Tổ chức Trung ương Đoàn nghiên cứu kỹ nội dung.",
            ["Ban Tổ chức Trung ương Đoàn"],
            [],
        ),
        ("Đề nghị Văn phòng trích yếu rõ nội dung.", ["Văn phòng Trung ương Đoàn"], []),
        (
            "Trưởng các ban, đơn vị chấn chỉnh lại hoạt động.",
            ["Các ban, đơn vị khối phong trào"],
            [],
        ),
        (
            "Giao Ban Tổ chức chủ trì, phối hợp với Văn phòng Trung ương Đoàn tổng hợp.",
            ["Ban Tổ chức Trung ương Đoàn"],
            ["Văn phòng Trung ương Đoàn"],
        ),
        (
            "Ban Tuyên giáo Trung ương Đoàn phối hợp Đảng ủy Trung ương Đoàn bố trí lớp học.",
            ["Ban Tuyên giáo Trung ương Đoàn"],
            ["Đảng ủy cơ quan Trung ương Đoàn"],
        ),
        ("Văn phòng Huyện uỷ chuẩn bị xe cho các đoàn số 1.", ["Văn phòng Huyện uỷ"], []),
        (
            "Giao trường THCS Thị trấn Thắng (đơn vị đặt điểm cầu) chuẩn bị các điều kiện.",
            ["Trường THCS Thị trấn Thắng"],
            [],
        ),
        (
            "Phan cong Ong Vu Dinh Chuan va Ong Pham Himg Anh chi dao xay dung noi dung.",
            ["Ong Vu Dinh Chuan", "Ong Pham Himg Anh"],
            [],
        ),
        ("Ban Bí thư Trung ương Đoàn đánh giá cao sự cố gắng của các đơn vị.", [], []),
        ("Tờ trình báo cáo cần nêu đầy đủ thông tin.", [], []),
        ("Lịch công tác tuần của ban, đơn vị phải đảm bảo tính kế hoạch.", [], []),
        # the people a school's notice asks to act: students, advisers, classes, faculties
        ("Sinh viên nộp lệ phí tại phòng Kế toán.", ["Sinh viên"], []),
        ("Cố vấn học tập tổng hợp danh sách của lớp.", ["Cố vấn học tập"], []),
        ("Các lớp năm nhất tổ chức đại hội chi đoàn.", ["Các lớp năm nhất"], []),
        ("Các khoa gửi kế hoạch về Phòng Đào tạo.", ["Các khoa"], []),
        ("Công đoàn bộ phận cử vận động viên tham gia.", ["Công đoàn bộ phận"], []),
        ("Kết quả học tập của sinh viên được công bố trên trang web.", [], []),
        # a unit that passes the news on does work; the notice's issuer only speaks
        ("Các khoa thông báo đến sinh viên lịch thi đợt 2.", ["Các khoa"], []),
        # bare head words listed together name one group, not one unit each
        (
            "Yêu cầu các phòng, ban, đơn vị chú trọng công tác tham mưu.",
            ["Các phòng, ban, đơn vị"],
            [],
        ),
        ("Các sở, ban, ngành gửi báo cáo về Văn phòng.", ["Các sở, ban, ngành"], []),
        # the standing qualifiers of a kind of body belong to the group
        (
            "Yêu cầu các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ khẩn trương rà soát.",
            ["Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"],
            [],
        ),
        ("Đề nghị các sở, ngành liên quan phối hợp thực hiện.", ["Các sở, ngành liên quan"], []),
        # a name may go on past a comma ("Phòng Chính trị, tư tưởng") up to its verb
        (
            "Ban Pháp chế, nội chính chủ trì thẩm tra dự thảo nghị quyết.",
            ["Ban Pháp chế, nội chính"],
            [],
        ),
        ("Đoàn trường, hội sinh viên tổ chức.", [], []),  # no: another unit's head
        # after "Giao", an adverbial may stand between the unit and its verb
        (
            "Giao Sở Tài chính trên cơ sở dự toán được duyệt tham mưu bố trí kinh phí.",
            ["Sở Tài chính"],
            [],
        ),
        ("Sở Tài chính trên cơ sở dự toán đã có số liệu.", [], []),  # no "Giao": no owner
        # the units listed after "phối hợp với" help; the one before it is in charge
        (
            "Sở Nội vụ phối hợp chặt chẽ với Văn phòng Hội đồng bầu cử tỉnh, "
            "Sở Tài chính và các cơ quan liên quan hướng dẫn việc bình xét.",
            ["Sở Nội vụ"],
            ["Văn phòng Hội đồng bầu cử tỉnh", "Sở Tài chính", "Các cơ quan liên quan"],
        ),
        (
            "Ban Tổ chức phối hợp với Văn phòng, Ban Tuyên giáo rà soát danh sách.",
            ["Ban Tổ chức Trung ương Đoàn"],
            ["Văn phòng Trung ương Đoàn", "Ban Tuyên giáo Trung ương Đoàn"],
        ),
        # a helper's own job ("tổ chức hội nghị") is not the rest of its name
        (
            "Sở Y tế phối hợp với Sở Tài chính tổ chức hội nghị, Ban Tuyên giáo chuẩn bị tài liệu.",
            ["Sở Y tế", "Ban Tuyên giáo Trung ương Đoàn"],
            ["Sở Tài chính"],
        ),
        # after the helpers' list and its verb, a new subject is in charge again
        (
            "Sở Y tế phối hợp với Sở Tài chính lập dự toán; Sở Xây dựng rà soát hồ sơ.",
            ["Sở Y tế", "Sở Xây dựng"],
            ["Sở Tài chính"],
        ),
        # the staff of a unit stand for it ("lãnh đạo, công chức ... Văn phòng UBND tỉnh")
        (
            "Yêu cầu lãnh đạo, công chức, viên chức và người lao động Sở Tư pháp tập trung "
            "rà soát hồ sơ.",
            ["Sở Tư pháp"],
            [],
        ),
        ("Cán bộ phụ trách kiểm tra hồ sơ.", [], []),  # staff of no unit: no owner
        # a unit's name ends at the end of its sentence
        (
            "Các khoa gởi danh sách cho Phòng Khảo thí. Phòng Tài vụ xác nhận danh sách.",
            ["Các khoa", "Phòng Tài vụ"],
            [],
        ),
    ],
)
def test_owner_patterns(text: str, owners: list[str], supports: list[str]) -> None:
    units = UnitReader(registry()).read(text)
    assert [u.name for u in units.owners] == owners
    assert [u.name for u in units.supports] == supports


def test_a_heading_naming_units_gives_its_items_their_owners() -> None:
    draft = seed("004")
    assert task(draft, "2.1").owners == ["Ban Tổ chức Trung ương Đoàn"]
    assert task(draft, "2.1").supports == ["Bộ phận kỹ thuật Phần mềm Quản lý đoàn viên"]
    assert task(draft, "3").owners == ["Các ban phong trào", "Văn phòng Trung ương Đoàn"]
    assert task(draft, "1.1").owners == ["12 đơn vị triển khai trọng điểm"]


def test_an_owner_taken_from_the_notice_addressees_is_noted() -> None:
    item = task(seed("001"), "3")
    assert item.owners == ["Các ban, đơn vị khối phong trào"]
    assert "câu kết" in item.checks["owners"][0]


def test_unknown_units_are_kept_as_written_and_noted() -> None:
    item = task(corpus("ubnd-hiephoa-633-TB-UBND-2020-11-16"), "III.6")
    assert item.owners == ["Trung tâm Văn hóa - Thông tin và Thể thao huyện"]
    assert any("chưa có trong danh mục" in note for note in item.checks["owners"])


def test_typo_khoi_matches_the_registry() -> None:
    units = UnitReader(registry()).read("Thường trực Đoàn Khôi chỉ đạo các cơ sở.")
    assert [u.name for u in units.owners] == [
        "Ban Thường vụ Đoàn Khối Dân – Chính – Đảng Thành phố"
    ]


# --- deadlines -------------------------------------------------------------------------


def phrases(text: str, ref: date) -> list[str]:
    return [f.phrase for f in choose(find_deadlines(text, ref, DeadlineSettings()))]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "gửi về Văn phòng **trước ngày 25/02/2019**. Lưu ý lập danh mục",
            date(2019, 2, 18),
            ["trước ngày 25/02/2019"],
        ),
        (
            "Nội dung phải được duyệt, hoàn thành trước 05/3/2019.",
            date(2019, 2, 18),
            ["hoàn thành trước 05/3/2019"],
        ),
        ("cần tham mưu ban hành trong Quý I/2019.", date(2019, 2, 18), ["trong Quý I/2019"]),
        ("Trong tuần 16, Văn phòng sắp xếp tập huấn.", date(2022, 4, 14), ["Trong tuần 16"]),
        (
            "báo cáo về Văn phòng trước 14h00 thứ 6 hàng tuần.",
            date(2022, 4, 14),
            ["trước 14h00 thứ 6 hàng tuần"],
        ),
        (
            "gửi câu hỏi trước 9h00, ngày 13 tháng 10 năm 2020 để tổng hợp",
            date(2020, 10, 12),
            ["trước 9h00, ngày 13 tháng 10 năm 2020"],
        ),
        (
            "Nhận hồ sơ từ ngày 05/10/2020 đến ngày 15/10/2020 tại Phòng Nội vụ",
            date(2020, 10, 2),
            ["từ ngày 05/10/2020 đến ngày 15/10/2020"],
        ),
        (
            "hoan thanh truoc ngay 31/3/2019.",
            date(2019, 3, 11),
            ["hoan thanh truoc ngay 31/3/2019"],
        ),
        # a document's date is no deadline; nor is a past month in a statement of fact
        ("theo Hướng dẫn số 32-HD/ĐTN ngày 23/02/2021 và", date(2021, 4, 9), []),
        ("Số lượng công việc chậm, muộn trong tháng 3/2022 nhiều hơn.", date(2022, 4, 14), []),
        ("chuẩn bị tốt cho công tác kiểm tra 6 tháng đầu năm.", date(2021, 4, 9), []),
        ("các ban, đơn vị kịp thời phản hồi", date(2022, 4, 14), ["kịp thời"]),
        # the year of the work is a time; the year of a document is not
        (
            "phấn đấu đạt các chỉ tiêu, nhiệm vụ năm 2018 đã đề ra",
            date(2018, 11, 9),
            ["năm 2018"],
        ),
        ("các đơn vị xây dựng kế hoạch năm 2024 của đơn vị mình", date(2024, 1, 3), []),
        # "những tháng cuối năm" like "6 tháng cuối năm"
        (
            "triển khai phương án phòng, chống bão trong những tháng cuối năm 2018.",
            date(2018, 11, 9),
            ["trong những tháng cuối năm 2018"],
        ),
        # before an event, or a time after one
        (
            "Thí sinh nộp lệ phí tại phòng Tài vụ trước buổi thi.",
            date(2024, 1, 5),
            ["trước buổi thi"],
        ),
        (
            "Các lớp nộp ảnh thẻ chậm nhất là trước ngày khai giảng 02 ngày làm việc.",
            date(2024, 8, 1),
            ["chậm nhất là trước ngày khai giảng 02 ngày làm việc"],
        ),
        (
            "Phòng Đào tạo xác nhận trong vòng 02 ngày làm việc sau khi nhận được hồ sơ.",
            date(2024, 1, 5),
            ["trong vòng 02 ngày làm việc sau khi nhận được hồ sơ"],
        ),
        # "trước khi" in a sentence is a condition, not a deadline
        ("Các chi đoàn rà soát kỹ văn bản trước khi ký ban hành.", date(2024, 1, 5), []),
        # ... but "trước khi" an event (an exam, a meeting) is a deadline counted from it
        (
            "Sinh viên hoàn thành học phí học kỳ 1 trước khi thi lại.",
            date(2024, 1, 5),
            ["trước khi thi lại"],
        ),
        ("Các tổ gửi báo cáo trước khi họp.", date(2024, 1, 5), ["trước khi họp"]),
        # a time counted from the notice
        ("Trong 02 tuần tới, các phòng rà soát hồ sơ.", date(2024, 1, 5), ["Trong 02 tuần tới"]),
    ],
)
def test_deadline_phrases(text: str, ref: date, expected: list[str]) -> None:
    assert phrases(text.replace("**", ""), ref) == expected


def test_an_item_with_several_deadlines_becomes_several_tasks() -> None:
    draft = corpus("pgddt-hiephoa-KH21-2020-10-12")
    split = [t for t in draft.tasks if t.item.startswith("III.3.")]
    assert [t.deadline for t in split] == [
        "trước ngày 12/10/2020",
        "trước ngày 05/01/2021",
        "trước ngày 31/5/2021",
    ]
    assert all(t.checks["item"] for t in split)


def test_a_past_deadline_written_as_one_is_kept_and_noted() -> None:
    item = task(corpus("pgddt-hiephoa-459-2020-10-12"), "3.3")
    assert item.deadline == ("Chậm nhất trước 10 giờ 30 phút, ngày 26 tháng 10 năm 2019 (thứ Hai)")
    assert "sớm hơn ngày ban hành" in item.checks["deadline"][0]


def test_deadlines_of_the_corpus_are_read() -> None:
    assert task(corpus("pgddt-hiephoa-460-2020-10-12"), "3.1").deadline == (
        "đến hết ngày 15 tháng 11 năm 2020"
    )
    assert task(corpus("ubnd-hiephoa-633-TB-UBND-2020-11-16"), "II").deadline == (
        "Từ 06h30 phút ngày 20/11/2020"
    )
    assert task(corpus("sgddt-bacgiang-KH25-2020-03-27"), "4").deadline == (
        "Từ tháng 4 đến tháng 12 năm 2020"
    )


def test_duplicate_item_numbers_are_renamed_and_noted() -> None:
    draft = corpus("bgddt-TB216-2019-03-ocr")  # OCR reads "đ)" as a second "d)"
    items = [t.item for t in draft.tasks]
    assert len(items) == len(set(items))
    renamed = [t for t in draft.tasks if "-" in t.item]
    assert renamed and all("trùng" in t.checks["item"][0] for t in renamed)


# --- the same notice, messier ---------------------------------------------------------


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _summary(draft: Draft) -> list[tuple[str, tuple[str, ...], str]]:
    return [(t.item, tuple(t.owners), fold(t.deadline or "")) for t in draft.tasks]


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_text_without_diacritics_reads_like_the_original(prefix: str) -> None:
    text = next((HERE / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert _summary(draft_from_text(_ascii(text), registry())) == _summary(seed(prefix))


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_decomposed_text_reads_like_the_original(prefix: str) -> None:
    text = next((HERE / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    draft = draft_from_text(unicodedata.normalize("NFD", text), registry())
    assert _summary(draft) == _summary(seed(prefix))
    assert [t.text for t in draft.tasks] == [t.text for t in seed(prefix).tasks]


def test_lines_broken_as_in_a_pdf_read_like_the_original() -> None:
    text = next((HERE / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    broken = "\n".join(
        "\n".join(textwrap.wrap(line, 90)) if len(line) > 90 else line for line in text.split("\n")
    )
    assert broken.count("\n") > text.count("\n") + 20
    assert _summary(draft_from_text(broken, registry())) == _summary(seed("001"))


STEPS = """\
TRƯỜNG CAO ĐẲNG KỸ THUẬT MIỀN TRUNG
THÔNG BÁO
Về việc đăng ký học lại học kỳ 2 năm học 2023-2024

👉 1. Thời gian đăng ký: từ ngày ra thông báo đến hết ngày 15/3/2024.
👉 2. Quy trình đăng ký:
- Bước 1: Sinh viên nộp học phí học lại tại phòng Kế toán trước ngày 15/3/2024.
- Bước 2: Cố vấn học tập tổng hợp danh sách đăng ký của lớp.
- Bước 3: Giáo vụ khoa lập danh sách lớp học lại.
"""


def test_pictographs_before_item_marks_are_decoration() -> None:
    draft = draft_from_text(STEPS, registry())
    assert [t.item for t in draft.tasks][-3:] == ["2.1", "2.2", "2.3"]
    assert all("👉" not in t.text for t in draft.tasks)


def test_a_step_label_is_no_field_and_its_subject_is_the_owner() -> None:
    # "Bước 2: ..." reads like "label: value" but is a step of the procedure
    draft = draft_from_text(STEPS, registry())
    steps = {t.item: t for t in draft.tasks if t.item.startswith("2.")}
    assert [steps[i].owners for i in ("2.1", "2.2", "2.3")] == [
        ["Sinh viên"],
        ["Cố vấn học tập"],
        ["Giáo vụ khoa"],
    ]
    assert steps["2.1"].deadline == "trước ngày 15/3/2024"


LEAD_IN = """\
BCH ĐOÀN TRƯỜNG ĐẠI HỌC KINH TẾ
THÔNG BÁO
Về việc thu đoàn phí năm 2024

BCH Đoàn trường thông báo việc thu đoàn phí như sau:

  • Ngày 05/4/2024, các chi đoàn nộp đoàn phí về Đoàn khoa.
  • Đoàn khoa tổng hợp số tiền đã thu của các chi đoàn.

Chậm nhất ngày 20/4/2024, các đoàn khoa nộp hồ sơ về Văn phòng Đoàn trường. Hồ sơ gồm:

  • Bảng tổng hợp đoàn phí của đoàn khoa.
  • Biên bản họp BCH đoàn khoa về việc thu đoàn phí.

Trân trọng!
"""


def test_a_paragraph_ending_with_a_colon_between_bullets_is_a_point_of_its_own() -> None:
    draft = draft_from_text(LEAD_IN, registry())
    by_text = {t.text.split(",")[0]: t for t in draft.tasks}
    lead = by_text["Chậm nhất ngày 20/4/2024"]
    assert lead.owners == ["Các đoàn khoa"]
    assert lead.deadline == "Chậm nhất ngày 20/4/2024"
    # the bullet above keeps its own text and has no deadline from the paragraph below
    above = next(t for t in draft.tasks if t.text.startswith("Đoàn khoa tổng hợp"))
    assert above.deadline is None and "Chậm nhất" not in above.text


CASES = """\
TRƯỜNG ĐẠI HỌC VĂN LANG
THÔNG BÁO
Về việc tổ chức thi bổ sung học kỳ 1 năm học 2023-2024

Trường thông báo việc thi bổ sung như sau:
1. Các khoa thông báo về việc thi bổ sung và lập danh sách sinh viên thuộc các trường hợp sau:
- Đối với các trường hợp sinh viên hoãn thi có minh chứng;
- Đối với các trường hợp sinh viên gặp sự cố khi thi trực tuyến;
2. Phòng Khảo thí tổ chức thi theo danh sách các khoa gửi trước ngày 20/01/2024.
"""


def test_an_item_whose_sub_items_only_list_cases_is_itself_the_task() -> None:
    draft = draft_from_text(CASES, registry())
    assert [(t.item, t.owners) for t in draft.tasks] == [
        ("1", ["Các khoa"]),
        ("2", ["Phòng Khảo thí"]),
    ]
    assert [item for item, _, why in draft.fields] == ["1.1", "1.2"]


DETAILS = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN VIỆT YÊN
Số: 150/PGDĐT
Việt Yên, ngày 06 tháng 3 năm 2024
V/v Chuẩn bị hội nghị trực tuyến tập huấn chuyển đổi số

1. Công tác chuẩn bị
- Giao trường THCS Bích Động chuẩn bị điểm cầu trực tuyến của Phòng;
+ Bố trí phòng họp đủ 60 chỗ ngồi.
+ Kiểm tra đường truyền, chạy thử từ 15h00, ngày 11/3/2024.
- Các trường gửi danh sách người dự về Phòng trước ngày 10/3/2024.
+ Trường Tiểu học Bích Sơn gửi thêm danh sách giáo viên cốt cán.
"""


def test_plus_lines_that_name_no_one_are_details_of_the_job_above() -> None:
    draft = draft_from_text(DETAILS, registry())
    tasks = {t.item: t for t in draft.tasks}
    job = tasks["1.1"]
    assert job.owners == ["Trường THCS Bích Động"]
    assert "Bố trí phòng họp" in job.text and job.deadline == "từ 15h00, ngày 11/3/2024"
    assert "1.1.1" not in tasks
    # a "+" line naming its own unit is a task of its own
    assert tasks["1.2.1"].owners == ["Trường Tiểu học Bích Sơn"]


FINDINGS = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LẠNG GIANG
Số: 77/PGDĐT
Lạng Giang, ngày 04 tháng 3 năm 2024
V/v Cập nhật cơ sở dữ liệu ngành học kỳ II

Kính gửi: Hiệu trưởng các trường Mầm non, Tiểu học, THCS.
1. Các trường hoàn thành cập nhật dữ liệu học kỳ II trước ngày 25/3/2024.
2. Khắc phục một số tồn tại
Qua kiểm tra, một số lỗi vẫn chưa được các trường khắc phục, cụ thể:
- Khai báo sai số phòng học, số lớp ghép.
- Cập nhật thiếu thông tin bồi dưỡng của giáo viên.
- Một số trường chưa cập nhật ngân sách chi cho giáo dục.
"""


def test_a_list_of_faults_is_one_task_to_put_them_right() -> None:
    draft = draft_from_text(FINDINGS, registry())
    assert [t.item for t in draft.tasks] == ["1", "2"]
    fix = draft.tasks[1]
    assert fix.text.startswith("Khắc phục một số tồn tại") and "ngân sách" in fix.text
    assert fix.owners == ["Các trường"]  # "chưa được các trường khắc phục"


HAND_OFF = """\
ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA
THÔNG BÁO
Về việc xét tuyển học sinh vào lớp 6 năm học 2024-2025

1. Các trường tiểu học gửi danh sách học sinh hoàn thành chương trình về Phòng Giáo dục \
và Đào tạo. Phòng Giáo dục và Đào tạo kiểm tra, tổng hợp danh sách trước ngày 10/5/2024.
2. Các trường trung học cơ sở tổ chức ôn tập cho học sinh. Trung tâm Y tế huyện kiểm tra \
vệ sinh an toàn thực phẩm tại các bếp ăn.
"""


def test_work_handed_on_to_another_unit_is_a_task_of_its_own(tmp_path: Path) -> None:
    # "A gửi danh sách về B. B kiểm tra ...": B's step has its own owner and deadline;
    # two jobs of units that hand nothing on to each other stay one task
    tasks, printed = imported(tmp_path, HAND_OFF, "tb.txt")
    assert [(t["item"], t["owners"], t.get("deadline")) for t in tasks] == [
        ("1.1", ["Các trường tiểu học"], None),
        ("1.2", ["Phòng Giáo dục và Đào tạo"], "trước ngày 10/5/2024"),
        ("2", ["Các trường trung học cơ sở", "Trung tâm Y tế huyện"], None),
    ]
    assert "tách thành 2 nhiệm vụ" in printed


BULLETIN = """\
Kết luận của Giám đốc Sở tại cuộc họp giao ban tuần

Sáng 04/3/2024, Giám đốc Sở Tư pháp chủ trì cuộc họp giao ban. Tham dự có lãnh đạo các \
phòng, đơn vị.

Trong 02 tuần tới, Giám đốc Sở yêu cầu cán bộ, công chức Văn phòng Sở tập trung thực hiện \
các nhiệm vụ sau: Rà soát hồ sơ lưu trữ năm 2023. Đồng thời, cập nhật danh mục thủ tục \
hành chính trên cổng thông tin; hoàn thiện báo cáo quý I trước ngày 25/3/2024.

Yêu cầu các phòng chuyên môn chú trọng công tác tham mưu.
"""


def test_a_lead_in_gives_its_owner_and_time_to_the_jobs_it_lists(tmp_path: Path) -> None:
    # "Trong 02 tuần tới, ... yêu cầu X tập trung thực hiện các nhiệm vụ sau: A. B; C":
    # X owns A, B and C, each due in two weeks unless it says otherwise
    tasks = imported(tmp_path, BULLETIN, "kl.txt")[0]
    assert [(t["owners"], t.get("deadline")) for t in tasks] == [
        (["Văn phòng Sở"], "Trong 02 tuần tới"),
        (["Văn phòng Sở"], "Trong 02 tuần tới"),
        (["Văn phòng Sở"], "trước ngày 25/3/2024"),
        (["Các phòng chuyên môn"], None),
    ]


STEPS_WITH_LEAD_IN = """\
TRƯỜNG CAO ĐẲNG Y TẾ
THÔNG BÁO
Về việc đăng ký học lại học kỳ 2 năm học 2023-2024

1. Quy trình đăng ký học lại:
- Bước 1: Sinh viên nộp học phí học lại tại phòng Kế toán trước ngày 15/3/2024.
- Bước 2: Sinh viên nộp đơn cho Cố vấn học tập.
Các bước tiếp theo sau khi sinh viên nộp đơn:
- Bước 3: Cố vấn học tập tổng hợp danh sách đăng ký của lớp.
- Bước 4: Giáo vụ khoa lập danh sách lớp học lại trước ngày 25/3/2024.
"""


def test_a_step_keeps_its_printed_number_and_a_bare_lead_in_is_no_task(tmp_path: Path) -> None:
    tasks, printed = imported(tmp_path, STEPS_WITH_LEAD_IN, "tb.txt")
    assert [(t["item"], t["owners"]) for t in tasks] == [
        ("1.1", ["Sinh viên"]),
        ("1.2", ["Sinh viên"]),
        ("1.3", ["Cố vấn học tập"]),
        ("1.4", ["Giáo vụ khoa"]),
    ]
    # the lead-in is kept among what was left out, not lost
    assert "Các bước tiếp theo sau khi sinh viên nộp đơn:" in printed.split("tasks:")[1]


URGED = """\
ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 88/UBND-TN
V/v rà soát nhu cầu sử dụng đất
Lai Châu, ngày 26 tháng 5 năm 2015

1. Các sở, ngành liên quan rà soát nhu cầu sử dụng đất, gửi báo cáo về Sở Tài nguyên và \
Môi trường trước ngày 28/5/2015.
2. Sở Tài nguyên và Môi trường đôn đốc các sở, ngành liên quan; Ủy ban nhân dân các huyện \
khẩn trương triển khai thực hiện; tổng hợp số liệu, báo cáo Ủy ban nhân dân tỉnh trước \
ngày 29/5/2015.
"""


def test_units_a_directing_verb_names_past_a_semicolon_are_urged_not_in_charge(
    tmp_path: Path,
) -> None:
    # "A đôn đốc B; C khẩn trương triển khai ...": C is urged by A like B, A owns the task
    tasks = imported(tmp_path, URGED, "cv.txt")[0]
    assert [(t["item"], t["owners"]) for t in tasks] == [
        ("1", ["Các sở, ngành liên quan"]),
        ("2", ["Sở Tài nguyên và Môi trường"]),
    ]


WORK_OF_A_YEAR = """\
Tại giao ban tuần ngày 09/11/2018, đồng chí Bí thư Tỉnh ủy yêu cầu Ủy ban nhân dân tỉnh \
chỉ đạo các ngành tập trung thực hiện tốt một số vấn đề sau:
- Đẩy mạnh rà soát, phấn đấu đạt ở mức cao nhất các chỉ tiêu, nhiệm vụ năm 2018 đã đề ra.
- Tiết kiệm nước, tích nước các hồ chứa để chủ động trước dự báo khô hạn trong năm 2019.
- Tổng kết phong trào thi đua năm 2018 trước ngày 25/12/2018.
"""


def test_the_year_of_the_work_is_its_deadline_when_the_item_gives_no_other(
    tmp_path: Path,
) -> None:
    # "các chỉ tiêu, nhiệm vụ năm 2018": the work of 2018; a year that dates something
    # else (a forecast) is none; an item's own date comes before the year of its work
    tasks = imported(tmp_path, WORK_OF_A_YEAR, "cd.txt")[0]
    assert [t.get("deadline") for t in tasks] == ["năm 2018", None, "trước ngày 25/12/2018"]


LEAD_IN_FRAME = """\
Kết luận của Chánh Văn phòng tại họp giao ban

Sáng 02/12/2021, Chánh Văn phòng UBND tỉnh chủ trì họp giao ban Văn phòng.

Trong 02 tuần tới, Chánh Văn phòng UBND tỉnh yêu cầu công chức Văn phòng UBND tỉnh tập \
trung thực hiện các nhiệm vụ như: Khẩn trương rà soát, tổng hợp các nhiệm vụ cần lãnh \
đạo, chỉ đạo thực hiện hoàn thành trong tháng 12; chuẩn bị nội dung kiểm điểm của Ban \
Cán sự Đảng; hoàn thiện báo cáo năm trước ngày 10/12/2021.
"""


def test_a_lead_in_time_comes_before_the_time_of_the_work_and_is_no_task(
    tmp_path: Path,
) -> None:
    # "rà soát các nhiệm vụ cần ... hoàn thành trong tháng 12": the month says which
    # tasks are reviewed; the review is due when the lead-in says ("Trong 02 tuần
    # tới"), and so is a job that only says "khẩn trương"; the lead-in is no job
    tasks = imported(tmp_path, LEAD_IN_FRAME, "kl.txt")[0]
    assert [t["text"].split()[:2] for t in tasks] == [
        ["Khẩn", "trương"],
        ["chuẩn", "bị"],
        ["hoàn", "thiện"],
    ]
    assert [t.get("deadline") for t in tasks] == [
        "Trong 02 tuần tới",
        "Trong 02 tuần tới",
        "trước ngày 10/12/2021",
    ]
    assert {o for t in tasks for o in t["owners"]} == {"Văn phòng UBND tỉnh"}


ALSO = """\
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi giao ban tháng 11

Hiệp Hòa, ngày 09 tháng 11 năm 2018

1. Phòng Nông nghiệp tích cực triển khai các phương án phòng, chống lụt, bão trong những \
tháng cuối năm. Đồng thời, lưu ý việc tiết kiệm nước, tích nước các hồ chứa; tuyên truyền \
cho người dân về cơ cấu cây trồng phù hợp.
2. Phòng Tài chính tham mưu phân bổ kinh phí trước ngày 30/11/2018.
"""


def test_a_sentence_opening_with_dong_thoi_is_a_job_of_its_own(tmp_path: Path) -> None:
    # "... trong những tháng cuối năm. Đồng thời, lưu ý ...": the second job does not
    # take the first job's time; "những tháng cuối năm" is read as a time
    tasks = imported(tmp_path, ALSO, "tb.txt")[0]
    assert [(t["item"], t["owners"], t.get("deadline")) for t in tasks] == [
        ("1.1", ["Phòng Nông nghiệp"], "trong những tháng cuối năm"),
        ("1.2", ["Phòng Nông nghiệp"], None),
        ("2", ["Phòng Tài chính"], "trước ngày 30/11/2018"),
    ]
    assert tasks[1]["text"].startswith("Đồng thời, lưu ý việc tiết kiệm nước")


RECEIVER = """\
CÔNG ĐOÀN TRƯỜNG ĐẠI HỌC NÔNG LÂM
THÔNG BÁO
Về việc tổ chức Hội thao cán bộ, viên chức năm 2024
Kính gửi: - Ban Chấp hành các Công đoàn bộ phận
- Ủy viên Ban Văn thể Công đoàn Trường

Thái Nguyên, ngày 01 tháng 3 năm 2024

Thực hiện kế hoạch công tác năm 2024, Thường vụ Công đoàn Trường thông báo kế hoạch tổ \
chức Hội thao như sau:

- Danh sách vận động viên của đơn vị gửi về văn phòng Công đoàn Trường chậm nhất ngày \
15/3/2024.
- Họp bốc thăm thi đấu vào 14 giờ ngày 20/3/2024 tại hội trường A.
"""


def test_an_addressee_the_work_is_sent_to_does_not_do_it(tmp_path: Path) -> None:
    # owners from "Kính gửi", but "gửi về văn phòng Công đoàn Trường": the Union's own
    # member receives the lists; the other addressees send them
    tasks, printed = imported(tmp_path, RECEIVER, "tb.txt")
    assert [t["owners"] for t in tasks] == [
        ["Ban Chấp hành các Công đoàn bộ phận"],
        ["Ban Chấp hành các Công đoàn bộ phận", "Ủy viên Ban Văn thể Công đoàn Trường"],
    ]
    assert "không lấy 'Ủy viên Ban Văn thể Công đoàn Trường': việc được gửi về đó" in (printed)


STATEMENT = """\
THÔNG BÁO
Lịch tiếp công dân định kỳ năm 2024

Hà Giang, ngày 03 tháng 01 năm 2024

1. Giao Thanh tra Sở tổng hợp kiến nghị của công dân trước ngày 25 hằng tháng.
2. Lịch tiếp công dân được niêm yết công khai tại trụ sở và trang thông tin điện tử.
3. Văn bản trả lời công dân phải được gửi trong 10 ngày làm việc kể từ ngày tiếp.
"""


def test_a_sentence_saying_a_thing_is_done_is_no_task(tmp_path: Path) -> None:
    # "Lịch ... được niêm yết công khai": a statement, kept among what was left out;
    # a passive sentence with a time ("phải được gửi trong 10 ngày ...") stays a task
    tasks, printed = imported(tmp_path, STATEMENT, "tb.txt")
    assert [t["item"] for t in tasks] == ["1", "3"]
    assert "2 (một câu nêu việc đã định, không giao việc cho ai)" in printed


def test_words_of_urgency_yield_to_the_frame_and_standing_words_do_not() -> None:
    # a lead-in's or a section's time (the frame) holds for "khẩn trương ...", not for a
    # standing duty's "thường xuyên"
    ref, settings = date(2021, 12, 2), DeadlineSettings()
    frame = find_deadlines("Trong 02 tuần tới, Văn phòng thực hiện", ref, settings)[0]

    def chosen(text: str) -> list[str]:
        return [f.phrase for f in choose(find_deadlines(text, ref, settings), frame)]

    assert chosen("Khẩn trương rà soát hồ sơ tồn đọng") == ["Trong 02 tuần tới"]
    assert chosen("Thường xuyên cập nhật văn bản lên cổng") == ["Thường xuyên"]
    assert chosen("Hoàn thiện báo cáo trước ngày 10/12/2021") == ["trước ngày 10/12/2021"]
    # a span describes the work reviewed; a day it is due by is the job's own
    assert chosen("Rà soát các nhiệm vụ cần hoàn thành trong tháng 12") == ["Trong 02 tuần tới"]
    assert chosen("Rà soát các hồ sơ chưa đủ, bổ sung trước ngày 15/12/2021") == [
        "trước ngày 15/12/2021"
    ]


BYLINE = """\
Tại buổi giao ban sáng 09/11/2018, đồng chí Bí thư Tỉnh ủy yêu cầu Ủy ban nhân dân tỉnh \
thực hiện tốt một số vấn đề sau:
- Đẩy mạnh rà soát các chương trình, kế hoạch đã đề ra.
- Triển khai các phương án phòng, chống lụt, bão.
Minh Anh - Văn phòng Tỉnh ủy
"""

LAST_ITEM_A_UNIT = BYLINE.replace("Minh Anh - Văn phòng Tỉnh ủy", "Phòng Tài chính - Kế hoạch")


def test_a_web_posts_author_line_is_no_part_of_the_last_item(tmp_path: Path) -> None:
    # "Minh Anh - Văn phòng Tỉnh ủy" closing a news post is its author, not the last
    # job's text; a unit's name with a dash ("Phòng Tài chính - Kế hoạch") stays
    tasks, printed = imported(tmp_path, BYLINE, "tin.txt")
    assert tasks[-1]["text"] == "Triển khai các phương án phòng, chống lụt, bão."
    assert "Minh Anh" not in printed
    assert "Phòng Tài chính - Kế hoạch" in imported(tmp_path, LAST_ITEM_A_UNIT, "tin.txt")[1]


KINDS_OF_BODIES = """\
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh về các dự án chậm tiến độ

1. Giao giám đốc các sở, ban, ngành và chủ tịch UBND các huyện, thị xã, thành phố rà soát \
các dự án chậm tiến độ, báo cáo trước ngày 15/10/2024.
2. UBND các quận, huyện, thị xã phối hợp với Sở Xây dựng và các đơn vị liên quan kiểm tra \
hiện trạng các công trình.
3. Các phòng, ban, cơ quan huyện và các xã, thị trấn tổng hợp kiến nghị của cử tri.
"""


def test_a_list_of_kinds_of_bodies_is_one_owner(tmp_path: Path) -> None:
    # "các sở, ban, ngành" and "các huyện, thị xã, thành phố" name one group each,
    # inside a longer name too; "và" before a leader's title starts a second owner
    tasks, _ = imported(tmp_path, KINDS_OF_BODIES)
    assert [t["owners"] for t in tasks] == [
        ["Giám đốc các sở, ban, ngành", "Chủ tịch UBND các huyện, thị xã, thành phố"],
        ["UBND các quận, huyện, thị xã"],
        ["Các phòng, ban, cơ quan huyện", "Các xã, thị trấn"],
    ]
    assert tasks[1]["supports"] == ["Sở Xây dựng", "Các đơn vị liên quan"]


URGENT_ITEM = """\
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi giao ban tháng 5

Tân Yên, ngày 05 tháng 5 năm 2024

1. Giao Phòng Lao động - Thương binh và Xã hội khẩn trương thống kê các hộ cần hỗ trợ sửa chữa \
nhà ở. Trước mắt lập danh sách các hộ nghèo trình Ủy ban nhân dân huyện trước ngày 20/5/2024.
2. Phòng Tài chính - Kế hoạch bố trí kinh phí trước ngày 30/6/2024.
"""


def test_an_item_with_an_urgent_job_then_a_dated_one_is_two_tasks(tmp_path: Path) -> None:
    # the date of the second sentence is not the first job's: it keeps its urgency
    tasks = imported(tmp_path, URGENT_ITEM)[0]
    assert [(t["item"], t["owners"], t.get("deadline")) for t in tasks] == [
        ("1.1", ["Phòng Lao động - Thương binh và Xã hội"], "khẩn trương"),
        ("1.2", ["Phòng Lao động - Thương binh và Xã hội"], "trước ngày 20/5/2024"),
        ("2", ["Phòng Tài chính - Kế hoạch"], "trước ngày 30/6/2024"),
    ]


ON_DUTY = """\
THÔNG BÁO
Lịch tiếp công dân tháng 3

Hiệp Hòa, ngày 05 tháng 3 năm 2024

1. Phòng Nội vụ trực tiếp công dân vào thứ Năm hằng tuần.
2. Ban Thường trực Ủy ban MTTQ huyện tổng hợp ý kiến trước ngày 20/3/2024.
3. Các chi đoàn trực thuộc nộp báo cáo trước ngày 25/3/2024.
"""


def test_a_units_name_stops_before_the_verb_trực_tiếp(tmp_path: Path) -> None:
    # "trực tiếp" opens the verb ("trực tiếp công dân"); "Thường trực", "trực thuộc" stay
    # in the name
    tasks = imported(tmp_path, ON_DUTY)[0]
    assert [t["owners"] for t in tasks] == [
        ["Phòng Nội vụ"],
        ["Ban Thường trực Ủy ban MTTQ huyện"],
        ["Các chi đoàn trực thuộc"],
    ]


INVESTORS = """\
THÔNG BÁO
Về quyết toán vốn đầu tư năm 2023

Bắc Giang, ngày 05 tháng 3 năm 2024

1. Đề nghị các ban quản lý dự án, chủ đầu tư dự án trực thuộc huyện liên hệ Kho bạc Nhà nước \
đối chiếu số liệu trước ngày 30/3/2024.
"""


def test_an_investor_is_a_unit_that_owns_a_job(tmp_path: Path) -> None:
    # "chủ đầu tư" names a kind of body, as "ban quản lý dự án" does: the list goes on to it
    tasks = imported(tmp_path, INVESTORS)[0]
    assert tasks[0]["owners"] == [
        "Các ban quản lý dự án",
        "Chủ đầu tư dự án trực thuộc huyện",
    ]


BRANCHES = """\
THÔNG BÁO
Về đợt sinh hoạt chủ điểm tháng 3

Cần Thơ, ngày 02 tháng 3 năm 2024

1. Các Liên chi đoàn, chi đoàn trực thuộc nộp báo cáo về Văn phòng Đoàn trước ngày 25/3/2024.
2. Liên chi hội Khoa Dược tổ chức sinh hoạt chuyên đề trong tháng 3/2024.
"""


TOLD_TO_TELL = """\
CÔNG VĂN
Về việc phòng, chống sốt xuất huyết

Long An, ngày 12 tháng 7 năm 2024

1. Giao Đài Truyền thanh huyện thông báo trên hệ thống loa về các biện pháp diệt lăng quăng.
2. Yêu cầu Phòng Văn hóa - Thông tin thông báo lịch phun hóa chất trước ngày 20/7/2024.
"""


DASHED_JOB = """\
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp thường kỳ tháng 8

1. Yêu cầu các phòng, ban chuyên môn và các xã, thị trấn - Tiếp tục rà soát hộ nghèo \
trong tháng 9/2024.
2. Phòng Tài chính - Kế hoạch tổng hợp dự toán trước ngày 15/9/2024.
"""


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # "Liên chi đoàn", "Liên chi hội" are units as "chi đoàn" is, and a list of these
        # kinds after "các" is one group of units
        pytest.param(
            BRANCHES,
            [["Các Liên chi đoàn, chi đoàn trực thuộc"], ["Liên chi hội Khoa Dược"]],
            id="a branch union heads a unit's name",
        ),
        # after "Giao", "Yêu cầu", a unit that "thông báo" is doing the job given to it,
        # not speaking as the notice's issuer does
        pytest.param(
            TOLD_TO_TELL,
            [["Đài Truyền thanh huyện"], ["Phòng Văn hóa - Thông tin"]],
            id="a unit given work that tells or asks is its owner",
        ),
        # a group of kinds of bodies ("các xã, thị trấn") has no dashed part: " - Tiếp
        # tục ..." is its job; a body's own name goes on past its dash ("Phòng Tài chính
        # - Kế hoạch")
        pytest.param(
            DASHED_JOB,
            [["Các phòng, ban chuyên môn", "Các xã, thị trấn"], ["Phòng Tài chính - Kế hoạch"]],
            id="a dash after a group of bodies opens its job",
        ),
    ],
)
def test_the_owners_of_each_item(tmp_path: Path, text: str, owners: list[list[str]]) -> None:
    tasks = imported(tmp_path, text)[0]
    assert [t["owners"] for t in tasks] == owners
