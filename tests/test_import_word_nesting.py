"""``giaoban import`` of Word files whose text Word nests: content controls, custom XML,
hyperlinks, fields, tracked changes, tables in tables, text boxes; and the note on a list
whose numbers jump."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app

HERE = Path(__file__).resolve().parent / "data" / "import"
NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
HEAD = (
    "TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH",
    "Số: 47-TB/VP",
    "Hà Nội, ngày 05 tháng 4 năm 2024",
    "THÔNG BÁO",
    "Kết luận hội nghị giao ban tháng 4/2024",
    "Đồng chí Bí thư kết luận:",
)
TAIL = ("Nơi nhận:", "- Lưu VP.", "CHÁNH VĂN PHÒNG", "Nguyễn Văn Bình")
ITEM_1 = "1. Văn phòng Trung ương Đoàn hoàn thiện quy chế làm việc trước ngày 30/4/2024."
ITEM_2 = "2. Ban Tổ chức Trung ương Đoàn tập huấn phần mềm trong tháng 5/2024."
ITEM_3 = "3. Ban Tuyên giáo Trung ương Đoàn xây dựng kế hoạch tuyên truyền trước ngày 20/5/2024."
ITEM_4 = "4. Ban Thanh niên công nhân và đô thị Trung ương Đoàn tổng kết trước ngày 31/5/2024."


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(HERE / "units.yaml", root / "units.yaml")
    return root


def p(text: str) -> str:
    """A paragraph of one run."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def word_file(path: Path, *blocks: str) -> Path:
    """A notice whose body is the heading, ``blocks`` (WordprocessingML), the tail."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    end = document.add_paragraph(TAIL[0])._p
    declared = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
    for block in blocks:
        for element in list(parse_xml(f"<w:body {declared}>{block}</w:body>")):
            end.addprevious(element)
    for line in TAIL[1:]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def imported(runner: CliRunner, source: Path, ledger: Path) -> tuple[dict[str, Any], str]:
    result = runner.invoke(app, ["import", str(source), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    return YAML(typ="safe").load(result.stdout), result.stdout


def texts(draft: dict[str, Any]) -> list[tuple[str, str]]:
    return [(t["item"], " ".join(t["text"].split())) for t in draft["tasks"]]


def test_items_in_a_content_control_around_paragraphs_are_read(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    # a Word template's block content control (w:sdt) holding items 2 and 3
    control = f"<w:sdt><w:sdtPr/><w:sdtContent>{p(ITEM_2)}{p(ITEM_3)}</w:sdtContent></w:sdt>"
    source = word_file(tmp_path / "tb.docx", p(ITEM_1), control, p(ITEM_4))
    draft, output = imported(runner, source, ledger)
    assert [t["item"] for t in draft["tasks"]] == ["1", "2", "3", "4"]
    assert draft["tasks"][1]["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert "số mục nhảy" not in output


def test_custom_xml_and_a_content_control_in_a_custom_xml_are_read(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    nested = (
        f'<w:customXml w:element="muc">{p(ITEM_2)}'
        f"<w:sdt><w:sdtContent>{p(ITEM_3)}</w:sdtContent></w:sdt></w:customXml>"
    )
    source = word_file(tmp_path / "tb.docx", p(ITEM_1), nested, p(ITEM_4))
    draft, _ = imported(runner, source, ledger)
    assert [t["item"] for t in draft["tasks"]] == ["1", "2", "3", "4"]


def test_runs_in_inline_wrappers_and_tracked_changes_are_read_as_the_text_now_is(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    # one item's text spread over an inline content control, a hyperlink, a smart tag, a
    # field, a tracked insertion, the item in a block content control; a tracked deletion
    # is no longer the text
    item = (
        "<w:p>" + r("2. ") + f"<w:sdt><w:sdtPr><w:alias w:val='Đơn vị'/></w:sdtPr><w:sdtContent>"
        f"{r('Ban Tổ chức Trung ương Đoàn')}</w:sdtContent></w:sdt>"
        + f'<w:hyperlink r:id="rIdX">{r(" tập huấn")}</w:hyperlink>'
        + f'<w:smartTag w:element="x">{r(" phần mềm")}</w:smartTag>'
        + f'<w:fldSimple w:instr=" DOCPROPERTY x ">{r(" quản lý")}</w:fldSimple>'
        + '<w:del w:id="1" w:author="A"><w:r><w:delText> trước ngày 01/5/2024</w:delText></w:r>'
        "</w:del>" + f'<w:ins w:id="2" w:author="A">{r(" trong tháng 5/2024.")}</w:ins>' + "</w:p>"
    )
    control = f"<w:sdt><w:sdtContent>{item}</w:sdtContent></w:sdt>"
    source = word_file(tmp_path / "tb.docx", p(ITEM_1), control)
    draft, _ = imported(runner, source, ledger)
    assert texts(draft)[1] == (
        "2",
        "Ban Tổ chức Trung ương Đoàn tập huấn phần mềm quản lý trong tháng 5/2024.",
    )
    assert draft["tasks"][1]["deadline"] == "trong tháng 5/2024"


def table(*rows: tuple[str, ...], wrap_row: int | None = None) -> str:
    """A table of ``rows``; the row ``wrap_row`` in a content control (a form's repeating
    section)."""
    out = []
    for k, row in enumerate(rows):
        cells = "".join(f"<w:tc>{p(c) if c else '<w:p/>'}</w:tc>" for c in row)
        tr = f"<w:tr>{cells}</w:tr>"
        out.append(f"<w:sdt><w:sdtContent>{tr}</w:sdtContent></w:sdt>" if k == wrap_row else tr)
    return f"<w:tbl>{''.join(out)}</w:tbl>"


ROWS = (
    ("STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"),
    ("1", "Hoàn thiện quy chế làm việc", "Văn phòng Trung ương Đoàn", "Trước ngày 30/4/2024"),
    ("2", "Tập huấn phần mềm", "Ban Tổ chức Trung ương Đoàn", "Trong tháng 5/2024"),
    ("3", "Xây dựng kế hoạch tuyên truyền", "Ban Tuyên giáo Trung ương Đoàn", "Trước 20/5/2024"),
)


def test_a_task_tables_row_in_a_content_control_is_a_task(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = word_file(tmp_path / "kh.docx", table(*ROWS, wrap_row=2))
    draft, _ = imported(runner, source, ledger)
    assert [(t["item"], t["owners"]) for t in draft["tasks"]] == [
        ("1", ["Văn phòng Trung ương Đoàn"]),
        ("2", ["Ban Tổ chức Trung ương Đoàn"]),
        ("3", ["Ban Tuyên giáo Trung ương Đoàn"]),
    ]


def test_a_task_table_inside_a_layout_table_is_read_row_by_row(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    # the whole body laid out in a one-cell table, the task table inside it, with an
    # empty cell, and a cell in a content control
    rows = (*ROWS[:2], (*ROWS[2][:2], "", ROWS[2][3]), ROWS[3])
    inner = table(*rows).replace(
        f"<w:tc>{p(ROWS[3][2])}</w:tc>",
        f"<w:sdt><w:sdtContent><w:tc>{p(ROWS[3][2])}</w:tc></w:sdtContent></w:sdt>",
    )
    layout = (
        f"<w:tbl><w:tr><w:tc>{p('Nội dung cụ thể như sau:')}{inner}<w:p/></w:tc></w:tr></w:tbl>"
    )
    source = word_file(tmp_path / "kh.docx", layout)
    draft, _ = imported(runner, source, ledger)
    assert [(t["item"], t["owners"], t.get("deadline")) for t in draft["tasks"]] == [
        ("1", ["Văn phòng Trung ương Đoàn"], "Trước ngày 30/4/2024"),
        ("2", [], "Trong tháng 5/2024"),
        ("3", ["Ban Tuyên giáo Trung ương Đoàn"], "Trước 20/5/2024"),
    ]


def text_box(text: str) -> str:
    """A run anchoring a text box, stored as Word stores it: a choice and a fallback."""
    content = f"<w:txbxContent>{p(text)}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"{content}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
        f"{content}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_as_a_paragraph_of_its_own(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    anchored = p(ITEM_1).replace("</w:p>", text_box("Ghi chú: hạn có thể lùi.") + "</w:p>")
    source = word_file(tmp_path / "tb.docx", anchored, p(ITEM_2))
    draft, output = imported(runner, source, ledger)
    assert texts(draft)[0] == (
        "1",
        "Văn phòng Trung ương Đoàn hoàn thiện quy chế làm việc trước ngày 30/4/2024. "
        "Ghi chú: hạn có thể lùi.",
    )
    assert output.count("hạn có thể lùi") == 1


def test_a_list_whose_numbers_jump_is_noted(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = tmp_path / "tb.txt"
    source.write_text("\n".join([*HEAD, ITEM_1, ITEM_4, *TAIL]) + "\n", encoding="utf-8")
    draft, output = imported(runner, source, ledger)
    assert [t["item"] for t in draft["tasks"]] == ["1", "4"]
    assert "# kiểm tra: số mục nhảy từ 1 sang 4 (dòng 8): không thấy mục 2, 3;" in output


def test_a_jump_in_sub_items_is_noted_and_a_list_in_latin_letters_is_not(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    lines = [
        "1. Công tác tổ chức:",
        "1.1. Văn phòng Trung ương Đoàn hoàn thiện quy chế trước ngày 30/4/2024.",
        "1.3. Ban Tổ chức Trung ương Đoàn tập huấn trước ngày 30/5/2024.",
        "2. Công tác tuyên truyền:",
        "d) Ban Tuyên giáo Trung ương Đoàn làm kế hoạch trước ngày 20/5/2024.",
        "e) Văn phòng Trung ương Đoàn in tài liệu trước ngày 25/5/2024.",
    ]
    source = tmp_path / "tb.txt"
    source.write_text("\n".join([*HEAD, *lines, *TAIL]) + "\n", encoding="utf-8")
    _, output = imported(runner, source, ledger)
    notes = [line for line in output.splitlines() if "số mục nhảy" in line]
    assert len(notes) == 1 and "từ 1.1 sang 1.3" in notes[0] and "mục 1.2;" in notes[0]
