"""Reading notices from Word and PDF files, standard input, and bad files."""

from __future__ import annotations

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


# --- missing libraries, text files ---------------------------------------------------


@pytest.mark.parametrize(("module", "suffix"), [("docx", ".docx"), ("pypdf", ".pdf")])
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


def test_an_old_doc_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "tb.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError, match=".docx"):
        read_source(path)
