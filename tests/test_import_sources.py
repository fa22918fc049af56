"""Reading notices from Word and PDF files, standard input, and bad files."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from giaoban.importer import draft_from_text, read_source
from giaoban.importer.sources import SourceError
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry

HERE = Path(__file__).resolve().parent / "data" / "import"
SEED_001 = HERE / "seeds" / "001_de7bd9ab3014b512.txt"


def registry() -> Registry:
    return load_registry(HERE / "units.yaml", [])


def summary(text: str) -> list[tuple[str, tuple[str, ...], str | None, str]]:
    draft = draft_from_text(text, registry())
    return [(t.item, tuple(t.owners), t.deadline, " ".join(t.text.split())) for t in draft.tasks]


def without_diacritics(text: str) -> str:
    """The text as an OCR layer without diacritics would give it."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("–", "-")
    text = text.replace("“", '"').replace("”", '"')
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- Word ------------------------------------------------------------------------


def make_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line.replace("**", ""))
    document.save(str(path))


def test_a_docx_imports_like_its_text(tmp_path: Path) -> None:
    text = SEED_001.read_text(encoding="utf-8")
    path = tmp_path / "thong-bao.docx"
    make_docx(path, text)
    assert summary(read_source(path)) == summary(text)


def test_docx_bold_lead_and_automatic_numbers(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Kết luận Hội nghị giao ban tháng 4/2022")
    document.add_paragraph("")
    heading = document.add_paragraph()
    heading.add_run("1. Về công tác phối hợp:").bold = True
    heading.add_run(" Văn phòng Trung ương Đoàn tổng hợp, báo cáo trước ngày 30/4/2022.")
    document.add_paragraph("Ban Tổ chức tham mưu kế hoạch.", style="List Bullet")
    path = tmp_path / "tb.docx"
    document.save(str(path))
    text = read_source(path)
    assert "**1. Về công tác phối hợp:** Văn phòng Trung ương Đoàn" in text
    assert "- Ban Tổ chức tham mưu kế hoạch." in text


# --- PDF -------------------------------------------------------------------------


def make_pdf(lines: list[str]) -> bytes:
    """A minimal PDF whose text layer holds ``lines`` (ASCII), 50 lines a page."""
    pages = [lines[i : i + 50] for i in range(0, len(lines), 50)] or [[]]
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, page in enumerate(pages):
        content = _content(page)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _content(lines: list[str]) -> bytes:
    ops = ["BT", "/F1 9 Tf", "12 TL", "40 800 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def wrapped(text: str, width: int = 95) -> list[str]:
    """Lines as a PDF layout breaks them: long paragraphs wrapped, blank lines kept."""
    out: list[str] = []
    for line in text.replace("**", "").split("\n"):
        out.extend(textwrap.wrap(line, width) or [""])
    return out


def test_a_pdf_imports_like_its_text(tmp_path: Path) -> None:
    text = without_diacritics(SEED_001.read_text(encoding="utf-8")).replace("**", "")
    path = tmp_path / "thong-bao.pdf"
    path.write_bytes(make_pdf(wrapped(text)))
    from_pdf = summary(read_source(path))
    assert from_pdf == summary(text)
    assert len(from_pdf) == 19
    assert ("3", ("Các ban, đơn vị khối phong trào",), "truoc ngay 25/02/2019") == from_pdf[2][:3]


def test_a_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([]))
    with pytest.raises(SourceError, match="không có lớp chữ"):
        read_source(path)


def test_a_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really\n")
    with pytest.raises(SourceError, match="PDF"):
        read_source(path)


def test_a_broken_pdf_gets_one_message_in_vietnamese(tmp_path: Path) -> None:
    """pypdf's own English notes on the file's flaws stay off the screen."""
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"not a pdf at all\n" * 50)
    done = subprocess.run(
        [sys.executable, "-m", "giaoban", "import", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("giaoban: lỗi: ") and "không phải tệp PDF đọc được" in done.stderr
    assert "header" not in done.stderr and "EOF marker" not in done.stderr


# --- missing libraries, text files ---------------------------------------------------


@pytest.mark.parametrize(
    ("module", "suffix"), [("docx", ".docx"), ("pypdf", ".pdf"), ("trafilatura", ".html")]
)
def test_a_missing_library_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, suffix: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    path = tmp_path / f"tb{suffix}"
    path.write_bytes(b"x")
    with pytest.raises(SourceError, match=r"giaoban\[import\]"):
        read_source(path)


def test_text_files_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "tb.txt"
    path.write_bytes("\ufeffTHÔNG BÁO".encode())
    assert read_source(path) == "THÔNG BÁO"
    path.write_bytes("THÔNG BÁO".encode("utf-16"))
    assert read_source(path) == "THÔNG BÁO"


def test_a_text_file_not_in_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tb.md"
    path.write_bytes("THÔNG BÁO".encode("cp1258"))
    with pytest.raises(SourceError, match="UTF-8"):
        read_source(path)


# --- Word's own list numbering -------------------------------------------------------

NUMBERING = """\
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="90">
    <w:lvl w:ilvl="0"><w:start w:val="15"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1.%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="92">
    <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
      <w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="91"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="93"><w:abstractNumId w:val="92"/></w:num>
  <w:num w:numId="94"><w:abstractNumId w:val="90"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>
"""

# (list instance or None, level, bold, text as typed: Word adds the number)
WORD_NOTICE = [
    (None, 0, True, "THÔNG BÁO"),
    (None, 0, True, "Kết luận tại Hội nghị giao ban khối phong trào tháng 4/2022"),
    (
        None,
        0,
        False,
        "Ngày 14/4/2022, cơ quan Trung ương Đoàn tổ chức giao ban. Đồng chí "
        "Bí thư thường trực đề nghị các ban, đơn vị thực hiện một số nội dung sau:",
    ),
    ("93", 0, True, "Về công tác chuẩn bị Đại hội"),
    (
        "93",
        1,
        False,
        "Các ban, đơn vị khẩn trương hoàn thiện báo cáo chuyên đề, hoàn thành trong tháng 4/2022.",
    ),
    (
        "93",
        1,
        False,
        "Văn phòng Trung ương Đoàn khẩn trương tham mưu phân bổ kinh phí cho các Tiểu ban Đại hội.",
    ),
    ("91", 0, True, "Về một số nội dung công việc lớn"),
    ("91", 1, False, "Văn phòng Trung ương Đoàn tổng hợp báo cáo trước ngày 25/4/2022."),
    ("91", 1, False, "Ban Tổ chức tham mưu Hội nghị rút kinh nghiệm Đại hội điểm cấp huyện."),
    ("91", 2, False, "Ban Tuyên giáo xây dựng kế hoạch tuyên truyền trước ngày 30/4/2022."),
    ("91", 2, False, "Ban Tổ chức hướng dẫn các tỉnh đoàn trước ngày 05/5/2022."),
    ("91", 1, False, "Các ban, đơn vị rà soát chương trình công tác năm 2022."),
    ("91", 1, False, "Ban Tuyên giáo báo cáo kết quả trước 14h00 thứ 6 hàng tuần."),
    ("91", 1, False, "Văn phòng Trung ương Đoàn theo dõi, đôn đốc thực hiện."),
    ("91", 0, True, "Về công tác phối hợp"),
    ("91", 1, False, "Các ban, đơn vị phối hợp chặt chẽ trong quá trình triển khai."),
    ("94", 0, True, "Về công tác kiểm tra"),
    ("94", 1, False, "Ban Kiểm tra kiểm tra việc thực hiện trước ngày 30/6/2022."),
    (None, 0, False, "Đề nghị các ban, đơn vị nghiêm túc triển khai thực hiện."),
]

# The same notice with the numbers Word shows, typed as text.
WORD_TEXT = [
    "THÔNG BÁO",
    "Kết luận tại Hội nghị giao ban khối phong trào tháng 4/2022",
    WORD_NOTICE[2][3],
    "IV. Về công tác chuẩn bị Đại hội",
    "- " + WORD_NOTICE[4][3],
    "- " + WORD_NOTICE[5][3],
    "15. Về một số nội dung công việc lớn",
    "15.1. " + WORD_NOTICE[7][3],
    "15.2. " + WORD_NOTICE[8][3],
    "a) " + WORD_NOTICE[9][3],
    "b) " + WORD_NOTICE[10][3],
    "15.3. " + WORD_NOTICE[11][3],
    "15.4. " + WORD_NOTICE[12][3],
    "15.5. " + WORD_NOTICE[13][3],
    "16. Về công tác phối hợp",
    "16.1. " + WORD_NOTICE[15][3],
    "1. Về công tác kiểm tra",
    "1.1. " + WORD_NOTICE[17][3],
    WORD_NOTICE[18][3],
]


def make_numbered_docx(path: Path) -> None:
    """A Word file whose numbers come from Word's lists: a multilevel list ("%1.%2.")
    starting at 15, a roman list starting at IV with bullets, a restart at 1."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    root = document.part.numbering_part.element
    defined = parse_xml(NUMBERING)
    first_num = root.find(f"{{{W}}}num")
    for node in defined.findall(f"{{{W}}}abstractNum"):
        if first_num is not None:
            first_num.addprevious(node)
        else:
            root.append(node)
    for node in defined.findall(f"{{{W}}}num"):
        root.append(node)
    for num_id, level, bold, text in WORD_NOTICE:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold or None
        if num_id is not None:
            props = paragraph._p.get_or_add_pPr()
            props.append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/>'
                    f'<w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
    document.save(str(path))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_word_list_numbers_are_read_as_word_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "tb.docx"
    make_numbered_docx(path)
    text = read_source(path)
    for shown in WORD_TEXT[3:-1]:
        assert shown.split(" ", 1)[0] in text, shown
    assert summary(text) == summary("\n".join(WORD_TEXT))
    items = [item for item, *_ in summary(text)]
    assert {"IV.15.1", "IV.15.2.a", "IV.15.5", "IV.16.1", "IV.1.1"} <= set(items)


def test_text_marked_not_bold_is_not_bold(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("1. Văn phòng tổng hợp báo cáo.")
    run._r.get_or_add_rPr().append(parse_xml(f'<w:b xmlns:w="{W}" w:val="0"/>'))
    path = tmp_path / "tb.docx"
    document.save(str(path))
    assert read_source(path) == "1. Văn phòng tổng hợp báo cáo."


# --- web pages ------------------------------------------------------------------------


def saved_page(text: str, body_html: str | None = None) -> str:
    """A notice as a portal shows it: menus, a sidebar, a footer around the notice."""
    paragraphs = "".join(
        f"<p>{html.escape(line.replace('**', '').strip())}</p>"
        for line in text.split("\n")
        if line.strip()
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        "<title>Thông báo - Cổng thông tin điện tử</title></head><body>"
        '<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức'
        '</a></li><li><a href="/van-ban">Văn bản chỉ đạo</a></li></ul></nav></header>'
        '<aside><h3>Tin mới</h3><ul><li><a href="/a">Hội nghị tổng kết công tác năm</a>'
        "</li><li><a href='/b'>Lễ kỷ niệm ngày thành lập</a></li></ul></aside>"
        f"<main><article><h1>Thông báo kết luận</h1>{body_html or paragraphs}</article></main>"
        "<footer><p>Bản quyền thuộc Cổng thông tin điện tử. Điện thoại: 024.3826.1234</p>"
        "</footer></body></html>"
    )


def test_a_saved_web_page_imports_like_its_text(tmp_path: Path) -> None:
    text = SEED_001.read_text(encoding="utf-8")
    path = tmp_path / "thong-bao.html"
    path.write_text(saved_page(text), encoding="utf-8")
    from_page = read_source(path)
    assert "Trang chủ" not in from_page and "Bản quyền" not in from_page
    assert "Tin mới" not in from_page
    assert summary(from_page) == summary(text)
    assert len(summary(from_page)) == 19


def test_html_on_standard_input_is_read_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from giaoban.importer.sources import read_input

    page = saved_page(SEED_001.read_text(encoding="utf-8"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    assert "Trang chủ" not in read_input("-")


def test_a_task_table_in_a_page_gives_a_task_per_row(tmp_path: Path) -> None:
    table = (
        "<p>KẾ HOẠCH</p><p>Lao động tuần 07 năm học 2012 - 2013</p>"
        "<p>Thời gian: 14 giờ ngày 28 tháng 9 năm 2012. Thành phần: toàn trường.</p>"
        "<table><tr><th>TT</th><th>Lớp</th><th>GV chỉ đạo</th><th>Nội dung công việc</th>"
        "</tr><tr><td>1</td><td>9A</td><td>Bùi Hải Phương</td><td>Cắt cỏ, vệ sinh khu "
        "vực vườn Keo</td></tr><tr><td>2</td><td>9B</td><td>Nguyễn Thị Hằng</td><td>Dọn "
        "rác phía sau dãy phòng học bộ môn</td></tr></table>"
    )
    path = tmp_path / "ke-hoach.htm"
    path.write_text(saved_page("", table), encoding="utf-8")
    draft = draft_from_text(read_source(path), registry())
    assert [(t.item, t.owners, t.deadline) for t in draft.tasks] == [
        ("1", ["9A", "Bùi Hải Phương"], "14 giờ ngày 28 tháng 9 năm 2012"),
        ("2", ["9B", "Nguyễn Thị Hằng"], "14 giờ ngày 28 tháng 9 năm 2012"),
    ]


def test_a_page_without_a_notice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trong.html"
    path.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")
    with pytest.raises(SourceError, match="không tìm thấy nội dung"):
        read_source(path)


# --- LibreOffice: legacy Word, OpenDocument, and a PDF printed from Word -------------------

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(path: Path, to: str) -> Path:
    """``path`` converted by LibreOffice (as a clerk's "Save as"), in its folder."""
    assert OFFICE is not None
    profile = (path.parent / "lo-profile").as_uri()
    argv = [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to]
    subprocess.run(
        [*argv, "--outdir", str(path.parent), str(path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    out = path.with_suffix("." + to.split(":")[0])
    assert out.is_file()
    return out


@needs_office
def test_opendocument_through_libreoffice_keeps_word_numbering(tmp_path: Path) -> None:
    source = tmp_path / "tb.docx"
    make_numbered_docx(source)
    assert summary(read_source(convert(source, "odt"))) == summary("\n".join(WORD_TEXT))


@needs_office
def test_a_legacy_doc_through_libreoffice(tmp_path: Path) -> None:
    # LibreOffice's .doc export splits a restarted multilevel list in two (Word then
    # shows "15.1." under "1."), so the legacy format is tried on a seed's text.
    text = SEED_001.read_text(encoding="utf-8")
    source = tmp_path / "tb.docx"
    make_docx(source, text)
    assert summary(read_source(convert(source, "doc"))) == summary(text)


@needs_office
def test_a_pdf_printed_from_a_numbered_word_file(tmp_path: Path) -> None:
    source = tmp_path / "tb.docx"
    make_numbered_docx(source)
    pdf = convert(source, "pdf")
    assert summary(read_source(pdf)) == summary("\n".join(WORD_TEXT))


def test_without_libreoffice_a_doc_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError, match="cần LibreOffice"):
        read_source(path)


def test_a_word_task_table_is_read_row_by_row_with_its_empty_cells(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    heading = document.add_table(rows=1, cols=2)  # the national heading beside the issuer
    heading.rows[0].cells[0].text = "UBND HUYỆN HIỆP HÒA\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
    heading.rows[0].cells[
        1
    ].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    for line in ("Số: 20/KH-PGDĐT", "Hiệp Hòa, ngày 07 tháng 10 năm 2020", "KẾ HOẠCH"):
        document.add_paragraph(line)
    document.add_paragraph("Kiểm định chất lượng giáo dục năm học 2020-2021")
    rows = [
        ("STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"),
        ("1", "Xây dựng kế hoạch tự đánh giá", "Phòng GD&ĐT", "Trước ngày 15/10/2020"),
        ("2", "Báo cáo kết quả tự đánh giá", "", "Trước ngày 30/11/2020"),
        ("3", "Tổ chức tập huấn cho cán bộ", "Các trường THCS", ""),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    table.rows[1].cells[1].add_paragraph("(gửi về Phòng GD&ĐT)")  # two paragraphs, one cell
    path = tmp_path / "kh.docx"
    document.save(str(path))
    draft = draft_from_text(read_source(path), registry())
    assert [(t.item, t.owners, t.deadline) for t in draft.tasks][:1] == [
        ("1", ["Phòng GD&ĐT"], "Trước ngày 15/10/2020")
    ]
    second, third = draft.tasks[1], draft.tasks[2]
    assert second.deadline == "Trước ngày 30/11/2020"  # its empty owner cell stays empty
    assert "Trước ngày" not in " ".join(second.owners)
    assert third.owners == ["Các trường THCS"] and third.deadline is None
    assert draft.tasks[0].text == "Xây dựng kế hoạch tự đánh giá (gửi về Phòng GD&ĐT)"
    assert draft.issuer is not None and "HIỆP HÒA" in draft.issuer.upper()


def test_a_bar_in_a_word_tables_cell_stays_a_bar(tmp_path: Path) -> None:
    # the row is written one line with "|" between cells: a cell's own "|" is its text,
    # neither a cell of its own nor changed to "/"
    import docx

    document = docx.Document()
    for line in ("THÔNG BÁO", "Kết luận giao ban tháng 4/2024", "Hà Nội, ngày 02 tháng 4 năm 2024"):
        document.add_paragraph(line)
    rows = [
        ("STT", "Nội dung", "Đơn vị thực hiện"),
        ("1", "Chuẩn bị hội trường | âm thanh trước ngày 20/4/2024", "Văn phòng Trung ương Đoàn"),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "bang.docx"
    document.save(str(path))
    draft = draft_from_text(read_source(path), registry())
    assert [(t.text, t.owners, t.deadline) for t in draft.tasks] == [
        (
            "Chuẩn bị hội trường | âm thanh trước ngày 20/4/2024",
            ["Văn phòng Trung ương Đoàn"],
            "trước ngày 20/4/2024",
        )
    ]
