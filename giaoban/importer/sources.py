"""Reading a notice from a file: plain text or Markdown, Word (.docx), PDF with text.

python-docx and pypdf are imported only when a .docx or .pdf is read, so
giaoban starts without them; when one is missing the error says how to add
it (the ``import`` extra).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from giaoban.model.errors import GiaobanError

INSTALL_HINT = "cài thêm bằng: pip install 'giaoban[import]'"


class SourceError(GiaobanError):
    """A source file that cannot be read as text."""

    exit_code = 1


def read_input(source: str) -> str:
    """The text of the file named ``source``, or of standard input for ``-``."""
    if source == "-":
        import sys

        return decode_text(sys.stdin.buffer.read(), "<đầu vào chuẩn>")
    return read_source(Path(source))


def read_source(path: Path) -> str:
    """The text of ``path``: .txt/.md (and any other text file), .docx or .pdf."""
    if not path.is_file():
        raise SourceError(f"không có tệp '{path}'")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix == ".doc":
        raise SourceError(f"'{path}': định dạng .doc cũ không đọc được; hãy lưu lại thành .docx")
    return decode_text(path.read_bytes(), str(path))


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            f"'{name}' không phải văn bản UTF-8 (byte lỗi ở vị trí {err.start}); "
            "hãy lưu lại với mã UTF-8"
        ) from None


def read_docx(path: Path) -> str:
    """Paragraphs and table cells of a Word file, in order, with list numbers."""
    try:
        import docx  # python-docx
    except ImportError:
        raise SourceError(f"đọc tệp .docx cần thư viện python-docx; {INSTALL_HINT}") from None
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises several kinds for a bad file
        raise SourceError(f"'{path}' không phải tệp Word (.docx) đọc được: {err}") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(numbering.prefix(block) + _paragraph_text(block))
        elif tag == "tbl":
            for cell in block.iter(f"{{{_W}}}tc"):
                lines.extend(_paragraph_text(p) for p in cell.iter(f"{{{_W}}}p"))
    return "\n".join(lines)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph_text(p: Any) -> str:
    """A paragraph's text; a bold opening run is kept as Markdown bold (a heading)."""
    runs = []
    for run in p.iter(f"{{{_W}}}r"):
        text = "".join(t.text or "" for t in run.iter(f"{{{_W}}}t"))
        bold = run.find(f"{{{_W}}}rPr/{{{_W}}}b") is not None
        runs.append((text, bold))
    whole = "".join(text for text, _ in runs)
    lead = ""
    for text, bold in runs:
        if not bold:
            break
        lead += text
    if lead.strip() and len(lead.strip()) < len(whole.strip()):
        return f"**{lead.strip()}** {whole[len(lead) :].strip()}"
    if lead.strip():
        return f"**{whole.strip()}**"
    return whole


class _Numbering:
    """Word's automatic list numbers ("1.", "a)", bullets), rebuilt as text."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.styles: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.iter(f"{{{_W}}}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{{{_W}}}lvl"):
                fmt = lvl.find(f"{{{_W}}}numFmt")
                text = lvl.find(f"{{{_W}}}lvlText")
                levels[lvl.get(f"{{{_W}}}ilvl")] = (
                    fmt.get(f"{{{_W}}}val") if fmt is not None else "bullet",
                    text.get(f"{{{_W}}}val") if text is not None else "",
                )
            abstract[node.get(f"{{{_W}}}abstractNumId")] = levels
        for num in root.iter(f"{{{_W}}}num"):
            ref = num.find(f"{{{_W}}}abstractNumId")
            levels = abstract.get(ref.get(f"{{{_W}}}val") if ref is not None else "", {})
            for ilvl, spec in levels.items():
                self.formats[(num.get(f"{{{_W}}}numId"), ilvl)] = spec
        # A list style ("List Bullet") carries its numbering in the style.
        self.styles = {
            style.get(f"{{{_W}}}styleId"): num_pr
            for style in document.styles.element.iter(f"{{{_W}}}style")
            if (num_pr := style.find(f"{{{_W}}}pPr/{{{_W}}}numPr")) is not None
        }

    def prefix(self, p: Any) -> str:
        num_pr = p.find(f"{{{_W}}}pPr/{{{_W}}}numPr")
        if num_pr is None:
            style = p.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
            num_pr = self.styles.get(style.get(f"{{{_W}}}val")) if style is not None else None
        if num_pr is None:
            return ""
        num_id = num_pr.find(f"{{{_W}}}numId")
        ilvl = num_pr.find(f"{{{_W}}}ilvl")
        key = (
            num_id.get(f"{{{_W}}}val") if num_id is not None else "",
            ilvl.get(f"{{{_W}}}val") if ilvl is not None else "0",
        )
        fmt, text = self.formats.get(key, ("bullet", ""))
        if fmt == "bullet" or not text:
            return "- "
        self.counters[key] = self.counters.get(key, 0) + 1
        value = _format_number(self.counters[key], fmt)
        return re.sub(r"%\d", value, text, count=1).replace("%", "") + " "


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        value = numerals[(n - 1) % 10]
        return value if fmt == "upperRoman" else value.lower()
    return str(n)


def read_pdf(path: Path) -> str:
    """The text layer of a PDF, page after page."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise SourceError(f"đọc tệp .pdf cần thư viện pypdf; {INSTALL_HINT}") from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise SourceError(f"'{path}' không phải tệp PDF đọc được: {err}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(
            f"'{path}' không có lớp chữ (có thể là bản quét): hãy nhận dạng chữ (OCR) trước"
        )
    return text
