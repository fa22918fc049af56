"""Where the body ends: a line is taken for the tail (recipients, the signer block) only on
evidence, and what stands after the body's end that is no part of the tail is kept and
noted. A heading of the body that looks like a signer's position ("CÔNG TÁC VĂN PHÒNG"
for "CHÁNH VĂN PHÒNG") once took the rest of the body with it, silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.importing import imported

DATA = Path(__file__).resolve().parent / "data" / "import"

HEAD = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n"
    "ĐOÀN TNCS HỒ CHÍ MINH\n"
    "Số: 123-TB/TWĐTN-VP\n"
    "Hà Nội, ngày 15 tháng 4 năm 2022\n"
    "THÔNG BÁO\n"
    "Kết luận của Bí thư thường trực tại giao ban khối phong trào\n\n"
    "Ngày 12/4/2022, đồng chí Bí thư thường trực chủ trì giao ban, kết luận như sau:\n\n"
)


def body(heading: str) -> str:
    """Five items under section headings in capitals, one of them ``heading``."""
    return (
        "I. CÔNG TÁC TUYÊN GIÁO\n"
        "1. Ban Tuyên giáo xây dựng kế hoạch tuyên truyền, hoàn thành trước ngày 30/4/2022.\n"
        "2. Ban Tuyên giáo tổng hợp báo cáo quý II, gửi Văn phòng trước ngày 15/6/2022.\n"
        f"{heading}\n"
        "3. Văn phòng Trung ương Đoàn rà soát hồ sơ lưu trữ, xong trước ngày 20/5/2022.\n"
        "4. Văn phòng Trung ương Đoàn chuẩn bị hội nghị sơ kết, trước ngày 30/6/2022.\n"
        "VỀ CÔNG TÁC TỔ CHỨC\n"
        "5. Ban Tổ chức Trung ương Đoàn hoàn thiện đề án nhân sự trước ngày 31/5/2022.\n\n"
    )


def draft_of(tmp_path: Path, text: str) -> tuple[dict[str, Any], str]:
    tasks, printed = imported(tmp_path, text)
    draft = YAML(typ="safe").load(printed)
    assert draft["tasks"] == tasks
    return draft, printed


def items(draft: dict[str, Any]) -> list[str]:
    return [t["text"].split(",")[0] for t in draft["tasks"]]


FIVE = [
    "Ban Tuyên giáo xây dựng kế hoạch tuyên truyền",
    "Ban Tuyên giáo tổng hợp báo cáo quý II",
    "Văn phòng Trung ương Đoàn rà soát hồ sơ lưu trữ",
    "Văn phòng Trung ương Đoàn chuẩn bị hội nghị sơ kết",
    "Ban Tổ chức Trung ương Đoàn hoàn thiện đề án nhân sự trước ngày 31/5/2022.",
]


@pytest.mark.parametrize(
    "heading", ["CÔNG TÁC VĂN PHÒNG", "CÔNG TÁC THANH TRA", "VĂN PHÒNG", "THÔNG BÁO"]
)
def test_a_heading_like_a_position_does_not_end_the_body(tmp_path: Path, heading: str) -> None:
    # no "Nơi nhận", no "TL.": the signer is a position and a name
    draft, _ = draft_of(tmp_path, HEAD + body(heading) + "CHÁNH VĂN PHÒNG\nNguyễn Văn An\n")
    assert items(draft) == FIVE
    assert draft["signer"] == {"position": "Chánh Văn phòng", "name": "Nguyễn Văn An"}


def test_a_text_without_signer_keeps_all_its_items(tmp_path: Path) -> None:
    # a notice copied from a web page: no signer block at all
    draft, printed = draft_of(tmp_path, HEAD + body("CÔNG TÁC VĂN PHÒNG"))
    assert items(draft) == FIVE
    assert "signer" not in draft
    assert "chưa xếp được" not in printed


def test_the_signer_block_above_its_recipients_is_no_task(tmp_path: Path) -> None:
    tail = (
        "TL. BAN BÍ THƯ\nCHÁNH VĂN PHÒNG\nNguyễn Văn An\n\n"
        "Nơi nhận:\n- Các đồng chí Bí thư;\n- Lưu VP.\n"
    )
    draft, _ = draft_of(tmp_path, HEAD + body("CÔNG TÁC VĂN PHÒNG") + tail)
    assert items(draft) == FIVE
    assert draft["signer"]["name"] == "Nguyễn Văn An"
    assert draft["recipients"] == ["Các đồng chí Bí thư", "Lưu VP"]


SCHOOL = (
    "ĐOÀN TRƯỜNG ĐẠI HỌC SƯ PHẠM\n"
    "Số: 45/TB-ĐTN\n"
    "TP. Hồ Chí Minh, ngày 02 tháng 3 năm 2023\n"
    "THÔNG BÁO\n"
    "Về việc nộp hồ sơ xét danh hiệu Sinh viên 5 tốt\n\n"
    "Căn cứ kế hoạch năm học, Ban Thường vụ Đoàn trường thông báo như sau:\n\n"
    "1. Các Liên chi đoàn tổng hợp hồ sơ của sinh viên trước ngày 20/3/2023.\n"
    "Nơi nhận hồ sơ: Văn phòng Đoàn trường, phòng A.102.\n"
    "2. Ban Tổ chức Đoàn trường thẩm định hồ sơ trước ngày 31/3/2023.\n"
    "3. Văn phòng Đoàn trường công bố kết quả trước ngày 10/4/2023.\n\n"
)
SIGNED = "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Thị Bình\n"


def test_a_place_to_send_to_is_no_list_of_recipients(tmp_path: Path) -> None:
    draft, _ = draft_of(tmp_path, SCHOOL + SIGNED)
    assert [t["item"] for t in draft["tasks"]] == ["1", "2", "3"]
    assert "Nơi nhận hồ sơ: Văn phòng Đoàn trường" in draft["tasks"][0]["text"]
    assert "recipients" not in draft
    assert draft["signer"]["name"] == "Trần Thị Bình"


def test_a_closing_sentence_with_a_deadline_is_a_task(tmp_path: Path) -> None:
    closing = "Đề nghị các Liên chi đoàn triển khai thực hiện trước ngày 15/3/2023.\n\n"
    draft, _ = draft_of(tmp_path, SCHOOL + closing + SIGNED)
    kept = [t for t in draft["tasks"] if "triển khai thực hiện" in t["text"]]
    assert [t["deadline"] for t in kept] == ["trước ngày 15/3/2023"]


def test_a_closing_sentence_without_deadline_is_no_task(tmp_path: Path) -> None:
    closing = "Đề nghị các Liên chi đoàn nghiêm túc triển khai thực hiện.\n\n"
    draft, _ = draft_of(tmp_path, SCHOOL + closing + SIGNED)
    assert [t["item"] for t in draft["tasks"]] == ["1", "2", "3"]
    assert all("triển khai thực hiện" not in t["text"] for t in draft["tasks"])


ANNEX = (
    "Nơi nhận:\n- Các Liên chi đoàn;\n- Lưu VP.\n"
    + SIGNED
    + "\nDANH SÁCH CÁN BỘ PHỤ TRÁCH THẨM ĐỊNH HỒ SƠ CỦA ĐOÀN TRƯỜNG\n"
    "Nguyễn Văn Hùng - Phó Bí thư Đoàn trường, trưởng tiểu ban thẩm định\n"
    "Lê Thị Mai - Ủy viên Ban Thường vụ, thư ký tiểu ban thẩm định\n"
)


def test_an_annex_after_the_signature_is_kept_and_noted(tmp_path: Path) -> None:
    source = tmp_path / "tb.txt"
    source.write_text(SCHOOL + ANNEX, encoding="utf-8")
    out = tmp_path / "nhap.yaml"
    result = CliRunner().invoke(
        app, ["import", str(source), "--data", str(tmp_path), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    printed = out.read_text(encoding="utf-8")
    assert "# kiểm tra: đoạn 'DANH SÁCH CÁN BỘ PHỤ TRÁCH THẨM ĐỊNH …' (từ dòng 21)" in printed
    kept = printed[printed.index("# Các mục không lấy làm nhiệm vụ") :]
    assert "Lê Thị Mai - Ủy viên Ban Thường vụ, thư ký tiểu ban thẩm định" in kept
    notes = sum(line.lstrip().startswith("# kiểm tra:") for line in printed.splitlines())
    assert f"3 nhiệm vụ, {notes} chỗ cần kiểm tra" in result.output
    draft = YAML(typ="safe").load(printed)
    assert draft["signer"]["name"] == "Trần Thị Bình"
    assert draft["recipients"] == ["Các Liên chi đoàn", "Lưu VP"]


def test_a_table_headed_in_capitals_is_not_taken_for_a_signer(tmp_path: Path) -> None:
    # a real news post: its duty roster, one cell a line, has a column "SỐ LƯỢNG", which
    # was read as the position "Bộ trưởng" and ended the body there, with the rows
    text = (DATA / "final_2" / "doantruong-tgu-chunhatxanh-2017.txt").read_text(encoding="utf-8")
    draft, printed = draft_of(tmp_path, text)
    assert "signer" not in draft
    assert "tác giả)): SỐ LƯỢNG\n" in printed  # the body's cell, kept as page furniture


def test_a_real_signer_block_between_its_recipients_is_read_whole(tmp_path: Path) -> None:
    # a district office's PDF layer: "Nơi nhận", recipients, the position, more recipients
    # broken over lines (which were dropped), then the name
    text = (DATA / "corpus" / "ubnd-hiephoa-633-TB-UBND-2020-11-16.txt").read_text(encoding="utf-8")
    draft, printed = draft_of(tmp_path, text)
    assert draft["signer"] == {"position": "Chủ tịch", "name": "Hoàng Công Bộ"}
    assert "chưa xếp được" not in printed
    assert (
        "Các cơ quan: Ủy ban MTTQ huyện, Văn phòng Huyện ủy; Ban Tuyên giáo, Ban Tổ chức, "
        "UBKT huyện ủy, Phòng GD&ĐT, Trung tâm VH-TT&TT"
    ) in draft["recipients"]
    assert (
        "Các trường MN, TH, TH, THCS, THPT (đề nghị Phòng GD&ĐT chuyển giúp)"
        in (draft["recipients"])
    )
