"""Reports as the documents leaders receive: Word in the form of Nghị định 30/2020/NĐ-CP,
and one self-contained printable HTML page.

Both show what the digest shows (``giaoban.reports.digest``): what is due by
the cut-off (or within the window) under each owner unit, what is late,
newest first, and the backlog counted per unit, each duty on one line with
its missed occurrences. The Word document follows the decree's layout for a
report (báo cáo): the issuing body and the national motto side by side, the
number and the place-date line, the title, the body in Times New Roman 14,
then "Nơi nhận" and the signature; A4 with the decree's margins (top and
bottom 20 mm, left 30 mm, right 15 mm). What the settings do not give
(number, place, signer) is left as dots to fill by hand.

python-docx is imported only when a Word document is asked for; without it
the message says how to install it.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from giaoban.deadline.describe import UNRESOLVED_NAME
from giaoban.history.git import LedgerState
from giaoban.model.errors import UsageError
from giaoban.model.settings import Settings
from giaoban.model.text import visible
from giaoban.render import formats
from giaoban.render.charts import stats_chart
from giaoban.reports.row import Row, row_status
from giaoban.reports.rows import Report
from giaoban.reports.stats import CATEGORIES, StatsReport

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

FONT = "Times New Roman"
# Column widths (mm) of a table: the 165 mm between the decree's margins, the text widest.
_COLUMN_MM = (13, 97, 30, 25)  # STT, Nhiệm vụ, Hạn, Còn lại
_COLUMN_MM_WITH_UNITS = (13, 67, 30, 30, 25)  # ... and Đơn vị chủ trì
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DOTS = "…………"
AUTHOR = "giaoban"  # a document's author when the settings name no office
LANGUAGE = "vi-VN"


@dataclass(frozen=True)
class Form:
    """What the document's frame says, from the settings (dots where they say nothing)."""

    parent: str | None
    office: str | None
    number: str
    place: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]

    @classmethod
    def of(cls, settings: Settings) -> Form:
        return cls(
            parent=settings.report_parent,
            office=settings.office,
            number=settings.report_number or f"{DOTS}/BC-{DOTS}",
            place=settings.report_place or DOTS,
            signer_title=settings.report_signer_title or DOTS,
            signer_name=settings.report_signer_name or "",
            recipients=settings.report_recipients,
        )


@dataclass(frozen=True)
class Heading:
    """What a document says above its body: the title's two lines and the context line
    ("Tính đến …"), and the moment the report was made at, which its file properties
    carry (never the clock's)."""

    title: tuple[str, str]
    meta: str
    now: datetime

    @property
    def name(self) -> str:
        """The title as one line, for the page's ``<title>`` and the file's properties:
        "Báo cáo thống kê tiến độ thực hiện nhiệm vụ tháng 12/2026"."""
        first, second = self.title
        return f"{first.capitalize()} {second[:1].lower()}{second[1:]}"

    @property
    def made(self) -> datetime:
        """``now`` in UTC without its zone, as both file formats hold their dates."""
        return self.now.astimezone(timezone.utc).replace(tzinfo=None)


def author(form: Form) -> str:
    """Who a document's properties say made it: the office, else giaoban."""
    return form.office or AUTHOR


@dataclass(frozen=True)
class Part:
    """One part of the body: its heading, then tables (a heading and rows each) or lines."""

    kind: str  # "due", "late" or "backlog"
    heading: str
    tables: tuple[tuple[str, tuple[Row, ...]], ...] = ()
    with_units: bool = False
    lines: tuple[str, ...] = ()


def title_lines(report: Report) -> tuple[str, str]:
    """ "BÁO CÁO" and what it reports on; for the week, its days and its cut-off as the
    table's header says them ("… tuần 50 (từ 07/12 đến 13/12/2026), hạn chót 14h00 thứ Sáu
    11/12/2026", with the reason of a moved cut-off)."""
    if report.week is not None:
        week = report.week
        start, end = formats.week_days(week)
        period = f"tuần {week.number} (từ {start} đến {end}), {formats.cutoff_label(week)}"
        return "BÁO CÁO", f"Tình hình thực hiện nhiệm vụ {period}"
    if report.kind == "due":
        return "BÁO CÁO", f"Nhiệm vụ đến hạn trong {report.days} ngày tới và nhiệm vụ quá hạn"
    return "BÁO CÁO", "Nhiệm vụ quá hạn"


def heading(report: Report, data: Sequence[LedgerState]) -> Heading:
    """The title and the context line of a dated report's document."""
    meta = formats.meta_label(report, data)
    return Heading(title_lines(report), meta, report.now)


def parts(report: Report) -> list[Part]:
    """The body of a dated report, as the digest orders it."""
    digest = report.digest
    if digest is None:
        raise UsageError("báo cáo này chưa có dạng văn bản")
    rows = report.rows
    found = []
    if report.kind != "overdue":
        tables = tuple((unit, tuple(rows[x.index] for x in lines)) for unit, lines in digest.due)
        found.append(Part("due", formats.due_section_title(report), tables))
    late = tuple(rows[x.index] for x in digest.late)
    found.append(
        Part("late", formats.late_section_title(report), (("", late),) if late else (), True)
    )
    if digest.backlog:
        backlog = tuple(formats.backlog_line(b.unit, b.tasks, b.since) for b in digest.backlog)
        found.append(Part("backlog", formats.backlog_title(report, hint=False), lines=backlog))
    return found


def cells(report: Report, row: Row, with_units: bool) -> list[str]:
    """Nhiệm vụ (with a duty's missed occurrences), [Đơn vị chủ trì], Hạn, Còn lại."""
    shown = formats.row_cells(report, row, with_units, missed_under_text=True)
    return [f"{shown[0]}: {shown[1]}", *shown[2:]]


def headers(with_units: bool) -> list[str]:
    units = ["Đơn vị chủ trì"] if with_units else []
    return ["STT", "Nhiệm vụ", *units, "Hạn", "Còn lại"]


def place_date(form: Form, day: date) -> str:
    """ "Hà Nội, ngày 05 tháng 12 năm 2026": as the decree says, a day under 10 and the
    months 1 and 2 take a leading zero ("ngày 05 tháng 02", "tháng 3")."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{form.place}, ngày {day.day:02d} tháng {month} năm {day.year}"


# --- Word ---------------------------------------------------------------------------


def report_docx(
    report: Report, settings: Settings, today: date, data: Sequence[LedgerState] = ()
) -> bytes:
    """The report as a .docx in the form of Nghị định 30/2020/NĐ-CP."""
    form = Form.of(settings)
    doc = _opening(form, today, heading(report, data))
    _para(doc, formats.sentence(formats.summary_label(report)), before=6)
    _docx_unresolved(doc, report.unresolved or ())
    for number, part in enumerate(parts(report), start=1):
        _para(doc, f"{_roman(number)}. {part.heading}", bold=True, before=12)
        if not part.tables and not part.lines:
            _para(doc, formats.NOTHING)
        for unit, rows in part.tables:
            if unit:
                _para(doc, f"{unit} ({len(rows)})", bold=True, italic=True, before=6)
            _table(doc, report, rows, part.with_units)
        for line in part.lines:
            _para(doc, f"- {formats.sentence(line)}")
    _frame_bottom(doc, form)
    return _saved(doc)


def _docx_unresolved(doc: WordDocument, ids: Sequence[str]) -> None:
    """The line naming the open tasks a dated report has no row for (none: no line)."""
    label = formats.unresolved_label(ids, hint=False)
    if label:
        _para(doc, formats.sentence(label), before=6)


def _opening(form: Form, today: date, top: Heading) -> WordDocument:
    """A new document: its properties, its page, the frame's top, the title and the
    context line."""
    try:
        from docx import Document  # start-up: python-docx only for a Word document
    except ImportError:
        raise UsageError("cần python-docx để xuất Word: pip install 'giaoban[documents]'") from None
    doc = Document()
    _docx_properties(doc, form, top)
    _page(doc)
    _frame_top(doc, form, today)
    _para(doc, top.title[0], bold=True, center=True, before=12)
    _para(doc, top.title[1], bold=True, center=True)
    _para(doc, top.meta, italic=True, center=True)
    return doc


def _docx_properties(doc: WordDocument, form: Form, top: Heading) -> None:
    """File > Info of the report, not of python-docx's template (its author, its
    description, made in 2013): the report's title, the office, "now"."""
    props = doc.core_properties
    props.title, props.comments = top.name, top.meta
    props.author = props.last_modified_by = author(form)
    props.created = props.modified = top.made
    props.language, props.revision = LANGUAGE, 1


def _page(doc: WordDocument) -> None:
    from docx.oxml.ns import qn  # start-up: python-docx only for a Word document
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT)  # Vietnamese letters in the same font


def _para(
    doc: Any,
    value: str,
    bold: bool = False,
    italic: bool = False,
    center: bool = False,
    size: float | None = None,
    before: float = 0,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # start-up: only for a Word document
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    run = paragraph.add_run(visible(value))
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _frame_top(doc: WordDocument, form: Form, today: date) -> None:
    """The issuing body and the motto side by side, the number and the place-date line."""
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left_lines = [(form.parent or "").upper(), (form.office or DOTS).upper(), f"Số: {form.number}"]
    _cell(left, left_lines[0], size=12)
    _cell(left, left_lines[1], bold=True, size=12)
    _cell(left, left_lines[2], size=13)
    _cell(right, MOTTO[0], bold=True, size=12)
    _cell(right, MOTTO[1], bold=True, size=13)
    _cell(right, place_date(form, today), italic=True, size=13)


def _cell(
    cell: Any,
    value: str,
    bold: bool = False,
    italic: bool = False,
    size: float = 13,
    center: bool = True,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # start-up: only for a Word document
    from docx.shared import Pt

    first = cell.paragraphs[0]
    paragraph = first if not first.text else cell.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(visible(value))
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def numbered(report: Report, rows: Iterable[Row], with_units: bool) -> list[list[str]]:
    """The cells of each row under ``headers``: its number (STT), then ``cells``."""
    return [[str(i), *cells(report, row, with_units)] for i, row in enumerate(rows, start=1)]


def _table(doc: WordDocument, report: Report, rows: Sequence[Row], with_units: bool) -> None:
    from docx.shared import Mm  # start-up: only for a Word document

    table = _grid(doc, headers(with_units), numbered(report, rows, with_units), size=12)
    widths = _COLUMN_MM_WITH_UNITS if with_units else _COLUMN_MM
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)  # the grid LibreOffice lays out by
    for row_cells in table.rows:
        for cell, width in zip(row_cells.cells, widths, strict=True):
            cell.width = Mm(width)


def _frame_bottom(doc: WordDocument, form: Form) -> None:
    """ "Nơi nhận" on the left, the signer on the right."""
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _cell(left, "Nơi nhận:", bold=True, italic=True, size=12, center=False)
    for recipient in (*form.recipients, "Lưu: VT"):
        line = f"- {recipient};" if recipient != "Lưu: VT" else f"- {recipient}."
        _cell(left, line, size=11, center=False)
    _cell(right, form.signer_title.upper(), bold=True, size=13)
    for _ in range(3):
        _cell(right, "", size=13)
    _cell(right, form.signer_name, bold=True, size=13)


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V")[n - 1]


# --- statistics ----------------------------------------------------------------------


def stats_title(report: StatsReport) -> tuple[str, str]:
    return "BÁO CÁO", f"Thống kê tiến độ thực hiện nhiệm vụ {formats.period_label(report)}"


def stats_heading(report: StatsReport, data: Sequence[LedgerState]) -> Heading:
    return Heading(stats_title(report), formats.meta_label(report, data), report.now)


def stats_docx(
    report: StatsReport, settings: Settings, today: date, data: Sequence[LedgerState] = ()
) -> tuple[bytes, bool]:
    """The statistics as a .docx in the decree's form, and whether it carries the chart."""
    form = Form.of(settings)
    doc = _opening(form, today, stats_heading(report, data))
    from docx.shared import Mm  # start-up: python-docx only for a Word document

    _docx_unresolved(doc, report.unresolved)
    _para(doc, "I. Theo đơn vị chủ trì", bold=True, before=12)
    _grid(doc, list(formats.STATS_HEADERS), formats.stats_rows(report))
    _para(doc, "II. So sánh theo tháng (chậm, muộn = hoàn thành quá hạn + đang quá hạn)",
          bold=True, before=12)  # fmt: skip
    _grid(doc, list(formats.MONTH_HEADERS), formats.month_lines(report))
    chart = stats_chart(report, "png")
    if chart is not None:
        doc.add_picture(io.BytesIO(chart), width=Mm(160))
    _frame_bottom(doc, form)
    return _saved(doc), chart is not None


def _grid(doc: WordDocument, names: list[str], rows: list[list[str]], size: float = 11) -> Any:
    """A table: bold ``names``, then ``rows``, all in ``size`` points."""
    from docx.shared import Pt  # start-up: only for a Word document

    table = doc.add_table(rows=1, cols=len(names))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, names, strict=True):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = visible(value)
    for row_cells in table.rows:
        for cell in row_cells.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
    return table


def stats_html(
    report: StatsReport, settings: Settings, today: date, data: Sequence[LedgerState] = ()
) -> tuple[str, bool]:
    """The statistics as one self-contained page (the chart inline as SVG)."""
    chart = stats_chart(report, "svg")
    svg = chart.decode("utf-8") if chart is not None else ""
    svg = svg[svg.find("<svg") :] if svg else ""
    body = [
        *_html_unresolved(report.unresolved),
        "<h3>I. Theo đơn vị chủ trì</h3>",
        _html_grid(list(formats.STATS_HEADERS), formats.stats_rows(report)),
        "<h3>II. So sánh theo tháng (chậm, muộn = hoàn thành quá hạn + đang quá hạn)</h3>",
        _html_grid(list(formats.MONTH_HEADERS), formats.month_lines(report)),
        f'<div class="chart">{svg}</div>' if svg else "",
    ]
    return _html_page(Form.of(settings), today, stats_heading(report, data), body), bool(svg)


def stats_xlsx(report: StatsReport, settings: Settings, data: Sequence[LedgerState] = ()) -> bytes:
    """The statistics as a workbook: per unit, per month, and a native stacked bar chart."""
    book = _workbook(Form.of(settings), stats_heading(report, data))
    from openpyxl.chart import BarChart, Reference  # start-up: openpyxl only for a workbook

    units = book.active
    units.title = "Theo đơn vị"
    labels = [formats.CATEGORY_LABELS[c] for c in CATEGORIES]
    _xlsx_row(units, ["Đơn vị chủ trì", *labels, "Tổng số"])
    for unit, counts in (*report.units, ("Tổng cộng", report.total)):
        _xlsx_row(units, [unit, *(counts.get(c) for c in CATEGORIES), counts.total])
    months = book.create_sheet("Theo tháng")
    _xlsx_row(months, ["Tháng", *labels, "Tổng số"])
    for first, counts in report.months:
        _xlsx_row(months, [first, *(counts.get(c) for c in CATEGORIES), counts.total])
        months.cell(months.max_row, 1).number_format = "mm/yyyy"
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title, chart.y_axis.title = "Tiến độ theo tháng", "Số việc"
    last = months.max_row
    chart.add_data(
        Reference(months, min_col=2, max_col=5, min_row=1, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(months, min_col=1, min_row=2, max_row=last))
    months.add_chart(chart, "H2")
    _xlsx_unresolved(book, report.unresolved)
    return _saved(book)


# --- Excel ---------------------------------------------------------------------------

SHEETS = {"due": "Đến hạn", "late": "Quá hạn", "backlog": "Tồn đọng"}
XLSX_HEADERS = (
    "Đơn vị chủ trì", "Mã", "Thông báo", "Mục", "Nhiệm vụ", "Hạn", "Còn lại (ngày)",
    "Tình trạng", "Số lần trễ", "Lần trễ gần nhất",
)  # fmt: skip


def report_xlsx(
    report: Report, settings: Settings, today: date, data: Sequence[LedgerState] = ()
) -> bytes:
    """The report as a workbook: one sheet per part, real dates, item numbers as text,
    every text a text (never a formula)."""
    book = _workbook(Form.of(settings), heading(report, data))
    book.remove(book.active)
    for part in parts(report):
        sheet = book.create_sheet(SHEETS[part.kind])
        if part.lines:
            _xlsx_row(sheet, ["Đơn vị chủ trì", "Số việc", "Lâu nhất từ"])
            digest = report.digest
            assert digest is not None
            for b in digest.backlog:
                _xlsx_row(sheet, [b.unit, b.tasks, b.since])
            continue
        _xlsx_row(sheet, list(XLSX_HEADERS))
        for unit, rows in part.tables:
            for row in rows:
                _xlsx_row(sheet, _xlsx_values(report, row, unit))
        sheet.freeze_panes = "A2"
    _xlsx_unresolved(book, report.unresolved or ())
    return _saved(book)


UNRESOLVED_SHEET = UNRESOLVED_NAME.capitalize()  # a sheet name: "Chưa tính được hạn"


def _xlsx_unresolved(book: Any, ids: Sequence[str]) -> None:
    """A sheet naming the open tasks a dated report has no row for (none: no sheet): the
    line of the other formats, then one task id a row."""
    label = formats.unresolved_label(ids, hint=False)
    if label:
        sheet = book.create_sheet(UNRESOLVED_SHEET)
        _xlsx_row(sheet, [label])
        _xlsx_row(sheet, ["Mã"])
        for tid in ids:
            _xlsx_row(sheet, [tid])


def _workbook(form: Form, top: Heading) -> Any:
    """A new workbook whose properties say what ``_docx_properties`` says (not openpyxl's
    "openpyxl" and the clock); without openpyxl, a message that says how to install it."""
    try:
        from openpyxl import Workbook  # start-up: openpyxl only for a workbook
    except ImportError:
        raise UsageError("cần openpyxl để xuất Excel: pip install 'giaoban[documents]'") from None
    book = Workbook()
    props = book.properties
    props.title, props.description = top.name, top.meta
    props.creator = props.lastModifiedBy = author(form)
    props.created = props.modified = top.made
    props.language = LANGUAGE
    return book


def _saved(document: Any) -> bytes:
    """A Word document or a workbook, as the bytes of its file."""
    out = io.BytesIO()
    if hasattr(document, "worksheets"):
        _save_book(document, out)
    else:
        document.save(out)
    return out.getvalue()


def _save_book(book: Any, out: io.BytesIO) -> None:
    """Write ``book`` as ``Workbook.save`` does, but keep its ``modified``: openpyxl's save
    sets it to the clock, and a report's properties carry its "now"."""
    from openpyxl.writer.excel import ExcelWriter  # start-up: openpyxl only for a workbook

    ExcelWriter(book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()


def _xlsx_values(report: Report, row: Row, unit: str) -> list[Any]:
    """The cells of a row under ``XLSX_HEADERS``: the days left only for open work (a done
    task has none left, late or not), and its state in the words of the table's "Còn lại"
    ("còn 2 ngày", "quá hạn 5 ngày", "hoàn thành quá hạn 1 ngày")."""
    task = row.card
    due = row.due.replace(tzinfo=None) if row.due is not None else None
    day = row.day if not row.has_time else due
    return [
        unit or ", ".join(task.owners),
        report.short_id(task),
        task.notice_id,
        task.item,
        report.text(row),
        day,
        row.days if row_status(row.state) == "open" else None,
        formats.remaining_label(row),
        row.missed or None,
        row.last_missed,
    ]


def _xlsx_row(sheet: Any, values: list[Any]) -> None:
    """Append ``values``: text stays text (a leading "=" is no formula), dates are dates."""
    sheet.append([None] * len(values))
    for cell, value in zip(sheet[sheet.max_row], values, strict=True):
        if isinstance(value, str):
            cell.value = visible(value)
            cell.data_type = "s"
        else:
            cell.value = value
            if hasattr(value, "hour"):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, date):
                cell.number_format = "dd/mm/yyyy"


# --- HTML ---------------------------------------------------------------------------


def report_html(
    report: Report, settings: Settings, today: date, data: Sequence[LedgerState] = ()
) -> str:
    """One self-contained page (no external file), A4 when printed; every text escaped."""
    body = [
        f"<p>{_h(formats.sentence(formats.summary_label(report)))}</p>",
        *_html_unresolved(report.unresolved or ()),
    ]
    for number, part in enumerate(parts(report), start=1):
        body.append(f"<h3>{_roman(number)}. {_h(part.heading)}</h3>")
        if not part.tables and not part.lines:
            body.append(f"<p>{formats.NOTHING}</p>")
        for unit, rows in part.tables:
            if unit:
                body.append(f"<h4>{_h(unit)} ({len(rows)})</h4>")
            body.append(
                _html_grid(headers(part.with_units), numbered(report, rows, part.with_units))
            )
        if part.lines:
            body.append("<ul>" + "".join(f"<li>{_h(x)}</li>" for x in part.lines) + "</ul>")
    return _html_page(Form.of(settings), today, heading(report, data), body)


def _html_unresolved(ids: Sequence[str]) -> list[str]:
    """The line naming the open tasks a dated report has no row for (none: no line)."""
    label = formats.unresolved_label(ids, hint=False)
    return [f"<p>{_h(formats.sentence(label))}</p>"] if label else []


def _html_page(form: Form, today: date, top: Heading, body: list[str]) -> str:
    """The page: the frame's top, the title and the context line, ``body``, the frame's
    bottom (the HTML twin of ``_opening`` and ``_frame_bottom``)."""
    first, second = top.title
    lines = [
        _html_frame_top(form, today),
        f"<h1>{first}</h1><h2>{_h(second)}</h2>",
        f'<p class="meta">{_h(top.meta)}</p>',
    ]
    page = "\n".join([*lines, *body, _html_frame_bottom(form)])
    return _PAGE.format(title=_h(top.name), body=page)


def _html_frame_top(form: Form, today: date) -> str:
    return (
        '<table class="frame"><tr>'
        f"<td><div>{_h((form.parent or '').upper())}</div>"
        f"<div><b>{_h((form.office or DOTS).upper())}</b></div>"
        f"<div>Số: {_h(form.number)}</div></td>"
        f"<td><div><b>{MOTTO[0]}</b></div><div><b>{MOTTO[1]}</b></div>"
        f"<div><i>{_h(place_date(form, today))}</i></div></td>"
        "</tr></table>"
    )


def _html_frame_bottom(form: Form) -> str:
    recipients = "".join(f"<li>{_h(r)};</li>" for r in form.recipients) + "<li>Lưu: VT.</li>"
    return (
        '<table class="frame sign"><tr>'
        f"<td><b><i>Nơi nhận:</i></b><ul>{recipients}</ul></td>"
        f"<td><b>{_h(form.signer_title.upper())}</b><br><br><br><br>"
        f"<b>{_h(form.signer_name)}</b></td>"
        "</tr></table>"
    )


def _html_grid(names: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_h(name)}</th>" for name in names)
    lines = ["<tr>" + "".join(f"<td>{_h(v)}</td>" for v in row) + "</tr>" for row in rows]
    return f'<table class="rows"><tr>{head}</tr>{"".join(lines)}</table>'


def _h(value: str) -> str:
    """Text from the data as HTML text: escaped, control characters written out."""
    return html.escape(visible(value)).replace("\n", "<br>")


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}
body {{ font-family: "Times New Roman", Times, serif; font-size: 14pt; }}
table.frame {{ width: 100%; border-collapse: collapse; }}
table.frame td {{ width: 50%; text-align: center; vertical-align: top; }}
table.sign td:first-child {{ text-align: left; font-size: 12pt; }}
table.sign ul {{ list-style: none; padding-left: 0; margin: 0; font-size: 11pt; }}
h1, h2 {{ text-align: center; font-size: 14pt; margin: 6pt 0 0 0; }}
h1 {{ margin-top: 18pt; }}
h3 {{ font-size: 14pt; margin: 12pt 0 4pt 0; }}
h4 {{ font-size: 13pt; font-style: italic; margin: 6pt 0 2pt 0; }}
p.meta {{ text-align: center; font-style: italic; }}
table.rows {{ width: 100%; border-collapse: collapse; font-size: 12pt; }}
table.rows th, table.rows td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }}
div.chart svg {{ width: 100%; height: auto; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""
