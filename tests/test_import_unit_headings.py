"""A heading with no number that names a unit ("Giao Văn phòng Tỉnh đoàn:", "Đối với
X:", a bold unit's name in Word, "VĂN PHÒNG TỈNH ĐOÀN") heads the items after it, up to
the next: they are that unit's work, the heading is its section's title, and the items
count on across headings as the notice lays them out (QA 11a, finding 01)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.importing import imported

VP, BTC, BPT = "Văn phòng Tỉnh đoàn", "Ban Tổ chức - Kiểm tra", "Ban Phong trào"
UNITS = f"units:\n  - name: {VP}\n  - name: {BTC}\n  - name: {BPT}\ngroups: []\n"
OPENING = (
    "THÔNG BÁO\n"
    "Kết luận hội nghị giao ban tháng 4/2024\n\n"
    "Ngày 04/4/2024, Ban Thường vụ Tỉnh đoàn tổ chức hội nghị giao ban. Ban Thường vụ "
    "Tỉnh đoàn kết luận như sau:\n\n"
)
JOBS = (
    "{vp}\n"
    "- Tham mưu tổ chức Hội nghị sơ kết quý I/2024, hoàn thành trước ngày 15/4/2024.\n"
    "- Rà soát, cập nhật hồ sơ lưu trữ năm 2023, xong trong tháng 4/2024.\n"
    "{btc}\n"
    "- Tổng hợp số liệu đoàn viên, gửi về Văn phòng trước ngày 20/4/2024.\n"
    "{bpt}\n"
    "- Xây dựng kế hoạch Chiến dịch Thanh niên tình nguyện hè năm 2024, hoàn thành trước "
    "ngày 25/4/2024.\n"
)
FORMS = {
    "giao": "Giao {}:",
    "bare": "{}:",
    "doi voi": "Đối với {}:",
    "capitals": "{upper}",
}


def _registered(tmp_path: Path) -> Path:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    return tmp_path


def _headed(form: str) -> str:
    def heading(unit: str) -> str:
        return form.format(unit, upper=unit.upper())

    return OPENING + JOBS.format(vp=heading(VP), btc=heading(BTC), bpt=heading(BPT))


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_each_item_takes_the_unit_of_the_heading_above_it(tmp_path: Path, form: str) -> None:
    tasks, draft = imported(_registered(tmp_path), _headed(form))
    assert [(t["item"], t["owners"]) for t in tasks] == [
        ("1", [VP]),
        ("2", [VP]),
        ("3", [BTC]),
        ("4", [BPT]),
    ]
    assert "chưa tìm thấy đơn vị chủ trì" not in draft
    # no heading is lost, nor glued to a task's text, nor kept aside as a lead-in
    sections = YAML(typ="safe").load(draft)["sections"]
    assert [s["title"].upper() for s in sections] == [
        form.format(u, upper=u.upper()).rstrip(":").upper() for u in (VP, BTC, BPT)
    ]
    assert [t["section"] for t in tasks] == ["Phần 1", "Phần 1", "Phần 2", "Phần 3"]
    assert all(BTC not in t["text"] and BPT not in t["text"] for t in tasks)
    assert "lời dẫn" not in draft and "nhãn: giá trị" not in draft


def test_bold_unit_names_in_word_head_the_bullets_after_them(tmp_path: Path) -> None:
    document = docx.Document()
    for line in OPENING.strip().split("\n"):
        document.add_paragraph(line)
    for unit, job in [
        (VP, "Tham mưu tổ chức Hội nghị sơ kết 6 tháng, hoàn thành trước ngày 10/7/2024."),
        (BTC, "Tổng hợp số liệu đoàn viên 6 tháng, gửi trước ngày 05/7/2024."),
        (BPT, "Xây dựng kế hoạch Chiến dịch Thanh niên tình nguyện hè, trước ngày 15/6/2024."),
    ]:
        document.add_paragraph().add_run(unit).bold = True
        document.add_paragraph(job, style="List Bullet")
    path = _registered(tmp_path) / "tb.docx"
    document.save(str(path))
    result = CliRunner().invoke(app, ["import", str(path), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tasks = YAML(typ="safe").load(result.stdout)["tasks"]
    assert [(t["item"], t["owners"]) for t in tasks] == [("1", [VP]), ("2", [BTC]), ("3", [BPT])]
    # the next heading was glued to the end of the task above it
    assert [t["text"][-1] for t in tasks] == [".", ".", "."]


WITH_CLOSING = (
    "BAN CHẤP HÀNH ĐOÀN TỈNH QUẢNG NAM\n"
    "Số: 112-TB/TĐTN-VP\n"
    "Quảng Nam, ngày 05 tháng 4 năm 2024\n\n"
    "THÔNG BÁO\n"
    "Kết luận của Ban Thường vụ Tỉnh đoàn tại hội nghị giao ban tháng 4/2024\n\n"
    "Ngày 04/4/2024, Ban Thường vụ Tỉnh đoàn tổ chức hội nghị giao ban. Ban Thường vụ "
    "Tỉnh đoàn kết luận như sau:\n\n"
    "I. ĐÁNH GIÁ CHUNG\n"
    "Trong tháng 3/2024, các ban, đơn vị đã hoàn thành các nhiệm vụ được giao.\n\n"
    "II. NHIỆM VỤ TRỌNG TÂM THÁNG 4/2024\n"
    "Giao Văn phòng Tỉnh đoàn:\n"
    "- Tham mưu tổ chức Hội nghị sơ kết quý I/2024, hoàn thành trước ngày 15/4/2024.\n"
    "- Rà soát, cập nhật hồ sơ lưu trữ năm 2023.\n"
    "Thời gian: trong tháng 4/2024.\n"
    "Giao Ban Tổ chức - Kiểm tra:\n"
    "- Hướng dẫn các cơ sở đoàn kết nạp đoàn viên mới đợt 26/3.\n"
    "- Tổng hợp số liệu đoàn viên của các cơ sở đoàn trực thuộc trong quý I, gửi về Văn "
    "phòng trước ngày 20/4/2024.\n"
    "Giao Ban Phong trào:\n"
    "- Xây dựng kế hoạch Chiến dịch Thanh niên tình nguyện hè năm 2024, hoàn thành trước "
    "ngày 25/4/2024.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Đề nghị các ban, đơn vị nghiêm túc triển khai thực hiện.\n\n"
    "TM. BAN THƯỜNG VỤ\n"
    "PHÓ BÍ THƯ\n\n"
    "Nguyễn Thị Hồng Nhung\n"
)


def test_headings_inside_a_section_beat_the_closing_sentences_units(tmp_path: Path) -> None:
    tasks, draft = imported(_registered(tmp_path), WITH_CLOSING)
    by_item = {t["item"]: t for t in tasks if t["item"].startswith("II.")}
    assert [(i, t["owners"], t["section"]) for i, t in by_item.items()] == [
        ("II.1", [VP], "II.Phần 1"),
        ("II.2", [VP], "II.Phần 1"),
        ("II.3", [BTC], "II.Phần 2"),
        ("II.4", [BTC], "II.Phần 2"),
        ("II.5", [BPT], "II.Phần 3"),
    ]
    # the line after the heading's bullets gives its time to those that name none
    assert by_item["II.1"]["deadline"] == "hoàn thành trước ngày 15/4/2024"
    assert by_item["II.2"]["deadline"] == "trong tháng 4/2024"
    assert "Thời gian" not in by_item["II.2"]["text"]
    # a "Tổ chức thực hiện" heading over only the closing sentence assigns nothing: the
    # undated item stays a task, and the heading is no task of its own
    assert "nội dung chung" not in draft
    assert "III" not in [t["item"] for t in tasks]
    assert {"number": "III", "title": "TỔ CHỨC THỰC HIỆN"} in YAML(typ="safe").load(draft)[
        "sections"
    ]


def test_a_short_heading_after_a_long_line_starts_its_own_paragraph(tmp_path: Path) -> None:
    # "Giao Ban Phong trào:" after a line as long as the text's lines was read as the
    # end of that line's sentence, wrapped
    tasks, _ = imported(_registered(tmp_path), WITH_CLOSING)
    last_of_btc = next(t for t in tasks if t["item"] == "II.4")
    assert last_of_btc["text"].endswith("trước ngày 20/4/2024.")
