"""Reading a notice from a file: plain text or Markdown, Word (.docx), PDF with text,
a saved web page (.html), and legacy Word (.doc) or OpenDocument (.odt) through
LibreOffice.

python-docx, pypdf and trafilatura are imported only when such a file is read,
so giaoban starts without them; when one is missing the error says how to add
it (the ``import`` extra). A web page's notice is found by trafilatura, the
well-kept main-content extractor: navigation, menus, sidebars and footers are
dropped, paragraphs, lists and tables kept (a table one row per line, cells
between "|", which ``giaoban.importer.tables`` reads; a task table's merged cells
are laid out first, ``giaoban.importer.webtables``).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from giaoban.importer.webtables import unmerged_tables
from giaoban.importer.wordbody import OFF, body_lines, to_int, w
from giaoban.model.errors import GiaobanError, os_reason

INSTALL_HINT = "cài thêm bằng: pip install 'giaoban[import]'"
CONVERT_SECONDS = 180  # how long LibreOffice may take to turn a .doc or .odt into .docx


class SourceError(GiaobanError):
    """A source file that cannot be read as text."""

    exit_code = 1


@contextmanager
def _quiet(*libraries: str) -> Iterator[None]:
    """Keep what ``libraries`` log (English notes on a file's flaws, such as "invalid pdf
    header") off the clerk's screen: what matters reaches the clerk as giaoban's message."""
    loggers = [logging.getLogger(name) for name in libraries]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def read_input(source: str) -> str:
    """The text of the file named ``source``, or of standard input for ``-``."""
    if source == "-":
        data = sys.stdin.buffer.read()
        text = decode_text(data, "<đầu vào chuẩn>")
        return html_text(text, "<đầu vào chuẩn>") if looks_like_html(text) else text
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
    if suffix in (".doc", ".odt", ".rtf"):
        return read_docx_from(path)
    text = decode_text(path.read_bytes(), str(path))
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        return html_text(text, str(path))
    return text


_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page (a saved page, or HTML piped in)."""
    return bool(_HTML_START.match(text[:1000]))


def html_text(page: str, name: str) -> str:
    """The notice in a web page: its main content as text, page furniture dropped."""
    try:
        import trafilatura
    except ImportError:
        raise SourceError(f"đọc trang web cần thư viện trafilatura; {INSTALL_HINT}") from None
    with _quiet("trafilatura", "htmldate"):
        text = trafilatura.extract(
            unmerged_tables(page),
            include_tables=True,
            include_links=False,
            include_images=False,
            include_comments=False,
            favor_recall=True,
            output_format="txt",
        )
    if not text or len(text.split()) < _FEWEST_WORDS:
        raise SourceError(f"'{name}': không tìm thấy nội dung văn bản nào trong trang web")
    return text


_FEWEST_WORDS = 20  # a page's main content shorter than this holds no notice


def read_docx_from(path: Path) -> str:
    """A legacy Word (.doc), OpenDocument (.odt) or RTF file, converted to .docx by
    LibreOffice (when it is installed) in a private temporary folder, then read."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SourceError(
            f"'{path}': đọc tệp {path.suffix.lower()} cần LibreOffice (lệnh soffice), máy này "
            "chưa có; hãy cài LibreOffice, hoặc mở tệp và lưu lại thành .docx"
        )
    with tempfile.TemporaryDirectory(prefix="giaoban-doc-") as folder:
        profile = Path(folder, "profile").as_uri()  # never the user's own LibreOffice profile
        argv = [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(path),
        ]
        try:
            subprocess.run(argv, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except OSError as err:
            raise SourceError(
                f"'{path}': không chạy được LibreOffice để chuyển tệp: {os_reason(err)}"
            ) from None
        except subprocess.TimeoutExpired:
            raise SourceError(
                f"'{path}': LibreOffice không chuyển xong tệp trong {CONVERT_SECONDS // 60} phút"
            ) from None
        converted = Path(folder, path.stem + ".docx")
        if not converted.is_file():
            raise SourceError(f"'{path}': LibreOffice không chuyển được tệp này sang .docx")
        return read_docx(converted)


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


# A file the library cannot open: what the clerk can do, in Vietnamese (the library's own
# words, in English, are not shown).
BROKEN = "'{path}' không phải tệp {kind} đọc được: tệp hỏng, bị cắt dở hoặc không đúng loại; {fix}"
_DOCX_FIX = "hãy mở bằng Word hay LibreOffice rồi lưu lại dạng .docx"
_PDF_FIX = "hãy mở rồi in lại ra PDF, hoặc nhập từ bản Word, bản văn bản"


def read_docx(path: Path) -> str:
    """Paragraphs and table cells of a Word file, in order, with list numbers."""
    try:
        import docx  # python-docx
    except ImportError:
        raise SourceError(f"đọc tệp .docx cần thư viện python-docx; {INSTALL_HINT}") from None
    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises several kinds for a bad file
        raise SourceError(BROKEN.format(path=path, kind="Word (.docx)", fix=_DOCX_FIX)) from None
    numbering = _Numbering(document)
    return "\n".join(body_lines(document.element.body, numbering.prefix))


@dataclass(frozen=True)
class _Level:
    """One level of a Word list: its number format, level text ("%1.%2."), start value."""

    fmt: str
    text: str
    start: int
    legal: bool  # w:isLgl: every level shown in decimal ("1.1" under "I")
    restart: int | None  # w:lvlRestart: restart after this level (None: after any above)


class _Numbering:
    """Word's automatic list numbers ("15.1.", "a)", bullets), rebuilt as Word shows them.

    A paragraph's ``w:numPr`` names a list instance (``w:num``) and a level.
    Instances of one abstract list count together, each level from its start
    value, a level restarting after any level above it (``w:lvlRestart``
    may say otherwise); an instance's ``w:startOverride`` restarts a level
    the first time that instance is used. The level text replaces ``%N`` by
    the current number of level N, each in its own format.
    """

    def __init__(self, document: Any) -> None:
        self.abstract_of: dict[str, str] = {}  # numId -> abstractNumId
        self.levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> ilvl -> level
        self.overrides: dict[str, dict[int, int]] = {}  # numId -> ilvl -> start override
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> number
        self.used: set[tuple[str, int]] = set()  # (numId, ilvl) whose override was applied
        self.styles: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for node in root.iter(w("abstractNum")):
            self.levels[node.get(w("abstractNumId"))] = {
                to_int(lvl.get(w("ilvl")), 0): _level(lvl) for lvl in node.iter(w("lvl"))
            }
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"))
            ref = num.find(w("abstractNumId"))
            self.abstract_of[num_id] = ref.get(w("val")) if ref is not None else ""
            for override in num.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    ilvl = to_int(override.get(w("ilvl")), 0)
                    self.overrides.setdefault(num_id, {})[ilvl] = to_int(start.get(w("val")), 1)
        # A list style ("List Bullet") carries its numbering in the style.
        self.styles = {
            style.get(w("styleId")): num_pr
            for style in document.styles.element.iter(w("style"))
            if (num_pr := style.find(f"{w('pPr')}/{w('numPr')}")) is not None
        }

    def prefix(self, p: Any) -> str:
        """The number Word shows before paragraph ``p`` ("15.2. ", "a) ", "- "), or ""."""
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is None:
            style = p.find(f"{w('pPr')}/{w('pStyle')}")
            num_pr = self.styles.get(style.get(w("val"))) if style is not None else None
        if num_pr is None:
            return ""
        num_id_node = num_pr.find(w("numId"))
        ilvl_node = num_pr.find(w("ilvl"))
        num_id = num_id_node.get(w("val")) if num_id_node is not None else ""
        ilvl = to_int(ilvl_node.get(w("val")) if ilvl_node is not None else None, 0)
        if num_id == "0":  # numbering explicitly removed
            return ""
        abstract = self.abstract_of.get(num_id, "")
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return "- " if level is None or level.fmt == "bullet" else ""
        counters = self.counters.setdefault(abstract, {})
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None and (num_id, ilvl) not in self.used:
            self.used.add((num_id, ilvl))
            counters[ilvl] = override
        else:
            counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        return self._text(level, levels, counters) + " "

    def _text(self, level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            shown = levels.get(k, level)
            value = counters.get(k, shown.start)
            return _format_number(value, "decimal" if level.legal else shown.fmt)

        return re.sub(r"%([1-9])", number, level.text)


def _level(lvl: Any) -> _Level:
    def val(tag: str) -> str | None:
        node = lvl.find(w(tag))
        return node.get(w("val")) if node is not None else None

    restart = val("lvlRestart")
    return _Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        start=to_int(val("start"), 1),
        legal=lvl.find(w("isLgl")) is not None and val("isLgl") not in OFF,
        restart=to_int(restart, 0) if restart is not None else None,
    )


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _format_number(n: int, fmt: str) -> str:
    """``n`` in a Word number format (decimal, letters, roman; others as decimal)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        value = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return value if fmt == "lowerLetter" else value.upper()
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        value, rest = "", n
        for amount, numeral in _ROMAN:
            while rest >= amount:
                value, rest = value + numeral, rest - amount
        return value if fmt == "upperRoman" else value.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def read_pdf(path: Path) -> str:
    """The text layer of a PDF, page after page."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise SourceError(f"đọc tệp .pdf cần thư viện pypdf; {INSTALL_HINT}") from None
    try:
        with _quiet("pypdf"):
            reader = PdfReader(str(path))
            if reader.is_encrypted:
                reader.decrypt("")
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError):
        raise SourceError(BROKEN.format(path=path, kind="PDF", fix=_PDF_FIX)) from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(
            f"'{path}' không có lớp chữ (có thể là bản quét): hãy nhận dạng chữ (OCR) trước"
        )
    return text
