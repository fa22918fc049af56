"""The reports: ``due``, ``overdue``, ``week``, ``stats``, ``show``, ``list``, ``search``.

Each command parses its options, calls one function of ``giaoban.reports.rows``
(or ``giaoban.reports.stats``) and hands the result to a renderer.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from giaoban.checks.check import open_for_report
from giaoban.cli.common import (
    DataOption,
    NoCacheOption,
    NoPagerOption,
    ShowConfidential,
    TodayOption,
    cache_choice,
    handle_errors,
    resolve_data_dirs,
    resolve_now,
)
from giaoban.cli.completion import complete_notice_id, complete_notice_or_task_id, complete_unit
from giaoban.cli.optionsets import option_set, with_options
from giaoban.history.git import LedgerState, ledger_states
from giaoban.model.errors import UsageError
from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem
from giaoban.model.text import visible
from giaoban.reports import rows as reports
from giaoban.reports.filters import STATUS_CHOICES, Filter, build_filter
from giaoban.reports.show import show_item
from giaoban.reports.stats import StatsReport, stats_period, stats_report
from giaoban.store.loader import REGISTRY_FILE, RESERVED, SETTINGS_FILE

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    excel = "excel"
    md = "md"
    docx = "docx"
    html = "html"
    xlsx = "xlsx"


DOCUMENTS = (OutputFormat.docx, OutputFormat.html, OutputFormat.xlsx)
ROW_FORMATS = (OutputFormat.json, OutputFormat.csv, OutputFormat.excel)


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


Status = Enum("Status", {s: s for s in STATUS_CHOICES}, type=str)  # type: ignore[misc]
_DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="Định dạng: table (bảng), json, csv, excel (CSV có BOM, mở đúng tiếng Việt "
        "trong Excel, LibreOffice), md (Markdown), docx (văn bản Word theo Nghị định "
        "30/2020/NĐ-CP, cần -o), xlsx (bảng tính, cần -o) hoặc html (một trang in được).",
    ),
]
UnitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="TÊN",
        help="Đơn vị hoặc nhóm: tên đầy đủ, tên tắt hay tên khác, không cần dấu "
        "(nhóm gồm cả các đơn vị của nhóm). Dùng nhiều lần được.",
        autocompletion=complete_unit,
    ),
]
OwnersOnlyOption = Annotated[
    bool, typer.Option("--owners-only", help="Chỉ tính đơn vị chủ trì, bỏ qua đơn vị phối hợp.")
]
NoticeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--notice",
        "-n",
        metavar="MÃ",
        help="Mã thông báo (đủ phần đầu không trùng). Dùng nhiều lần được.",
        autocompletion=complete_notice_id,
    ),
]
StatusOption = Annotated[
    list[Status] | None,
    typer.Option(
        "--status", "-s", help="Trạng thái nhiệm vụ hoặc tình trạng hạn. Dùng nhiều lần được."
    ),
]
FromOption = Annotated[
    datetime | None,
    typer.Option(
        "--from",
        formats=_DATE_FORMATS,
        metavar="NGÀY",
        help="Từ ngày hạn (YYYY-MM-DD hoặc dd/mm/yyyy).",
    ),
]
ToOption = Annotated[
    datetime | None,
    typer.Option(
        "--to",
        formats=_DATE_FORMATS,
        metavar="NGÀY",
        help="Đến ngày hạn (YYYY-MM-DD hoặc dd/mm/yyyy).",
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        metavar="TỆP",
        help="docx, xlsx, html: ghi ra tệp này (html không có -o thì in ra màn hình).",
    ),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Liệt kê cả việc tồn đọng (quá hạn lâu hơn backlog_days, mặc định 30 ngày), "
        "thay vì chỉ đếm theo đơn vị.",
    ),
]
TABLE_LIMIT = 50  # rows a table shows by default: a screenful or two; the rest are counted
LimitOption = Annotated[
    int,
    typer.Option(
        "--limit",
        min=0,
        help="Số dòng tối đa của bảng (0: không giới hạn); phần còn lại chỉ được đếm, "
        "theo đơn vị. Không áp dụng cho json, csv, md.",
    ),
]


@option_set
@dataclass(frozen=True)
class Selection:
    """Which tasks a report takes: by unit, notice, status and due day."""

    unit: UnitOption = None
    owners_only: OwnersOnlyOption = False
    notice: NoticeOption = None
    status: StatusOption = None
    date_from: FromOption = None
    date_to: ToOption = None


@option_set
@dataclass(frozen=True)
class Display:
    """How a report is shown: its format, the confidential texts, its file, its length,
    and whether a long table on a terminal goes through the pager."""

    output: FormatOption = OutputFormat.table
    show_confidential: ShowConfidential = False
    out_file: OutputFileOption = None
    limit: LimitOption = TABLE_LIMIT
    no_pager: NoPagerOption = False

    @property
    def every_row(self) -> bool:
        """Whether the output lists every row (the machine formats); the others show a
        dated report's digest, whose backlog only counts its rows."""
        return self.output in ROW_FORMATS


@option_set
@dataclass(frozen=True)
class Where:
    """Which data a report reads, and at which moment."""

    data: DataOption = None
    today: TodayOption = None
    no_cache: NoCacheOption = False


@dataclass(frozen=True)
class Context:
    ledger: Ledger
    now: datetime
    data: tuple[LedgerState, ...]  # the git state of each ledger read
    left_out: tuple[Problem, ...] = ()  # errors of the files the report leaves out


def _context(where: Where) -> Context:
    """The validated ledger(s), "now" in its time zone, and the git state of each ledger
    read (those its settings list under ``ledgers:`` too). Files with errors are left out
    and named here, before the report."""
    folders = resolve_data_dirs(where.data)
    opened = open_for_report(folders, cache_choice(where.no_cache))
    if opened.left_out:
        print(_left_out_warning(opened.left_out), file=sys.stderr)
        for problem in opened.left_out:
            print(visible(str(problem)), file=sys.stderr)
    now = resolve_now(where.today, opened.ledger.settings.timezone)
    return Context(opened.ledger, now, ledger_states(opened.sources), opened.left_out)


def _left_out_warning(left_out: tuple[Problem, ...]) -> str:
    """What the report leaves out of the files with errors: a notice file's notice; the
    values of the settings or the registry found wrong (their defaults, or none, hold)."""
    names = [Path(path).name for path in dict.fromkeys(p.source.path for p in left_out)]
    notices = sum(1 for name in names if name not in RESERVED)
    if notices == len(names):
        return (
            f"giaoban: cảnh báo: báo cáo bỏ qua {notices} tệp có lỗi "
            "(các thông báo trong đó không được tính); sửa rồi chạy lại:"
        )
    parts = [f"{notices} tệp thông báo: các thông báo trong đó không được tính"] if notices else []
    if SETTINGS_FILE in names:
        parts.append(f"{SETTINGS_FILE}: giá trị lỗi được thay bằng giá trị mặc định")
    if REGISTRY_FILE in names:
        parts.append(f"{REGISTRY_FILE}: phần lỗi của danh mục đơn vị không được dùng")
    return (
        f"giaoban: cảnh báo: báo cáo bỏ qua phần có lỗi của {len(names)} tệp "
        f"({'; '.join(parts)}); sửa rồi chạy lại:"
    )


def _finish(ctx: Context) -> None:
    """Exit 1 when the report left something out: a complete report exits 0."""
    if ctx.left_out:
        raise typer.Exit(code=1)


def _with_problems(record: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """A JSON record, with ``problems`` (as ``check --format json`` gives them) when the
    report left files out."""
    if ctx.left_out:
        record["problems"] = [p.to_json() for p in ctx.left_out]
    return record


def _day(value: datetime | None) -> date | None:
    return None if value is None else value.date()


def _filter(ctx: Context, tasks: Selection, dates: bool = True) -> Filter:
    """The filter of ``tasks``; ``dates``: with its due days (stats takes them as its period)."""
    return build_filter(
        ctx.ledger,
        units=tasks.unit or (),
        owners_only=tasks.owners_only,
        notices=tasks.notice or (),
        statuses=[s.value for s in tasks.status or ()],
        date_from=_day(tasks.date_from) if dates else None,
        date_to=_day(tasks.date_to) if dates else None,
    )


def _no_out_file(out_file: Path | None) -> None:
    """Refuse ``-o`` with a format printed on the screen: only documents go to a file."""
    if out_file is not None:
        raise UsageError("-o chỉ dùng với --format docx, xlsx hoặc html")


def _emit(report: reports.Report, display: Display, ctx: Context, documents: bool = True) -> None:
    """Print ``report`` as ``display`` says; documents (``documents``: this report may be
    one) and ``-o`` go to their file."""
    # start-up: loaded only when this command needs it
    from giaoban.render import formats
    from giaoban.render import reports as render_reports
    from giaoban.render import terminal as render

    output, data = display.output, ctx.data
    if output in DOCUMENTS:
        if not documents:
            raise UsageError(f"--format {output.value} không dùng được cho lệnh này")
        _document(report, output, data, (ctx.ledger, display.out_file))
        _finish(ctx)
        return
    _no_out_file(display.out_file)
    if output is OutputFormat.json:
        render.print_json(_with_problems(formats.report_json(report, data), ctx))
    elif output in (OutputFormat.csv, OutputFormat.excel):
        sys.stdout.write(formats.report_csv(report, excel=output is OutputFormat.excel))
        _unresolved_note(report.unresolved or ())
    elif output is OutputFormat.md:
        sys.stdout.write(formats.report_markdown(report, data))
    else:
        with render.paged(not display.no_pager):
            render_reports.print_report(report, data, display.limit)
    _finish(ctx)


def _unresolved_note(ids: tuple[str, ...]) -> None:
    """The line naming the open tasks a dated report has no row for, on stderr: a CSV file
    holds rows alone, and has no place for the line the other formats show."""
    # start-up: loaded only when this command needs it
    from giaoban.render import formats

    label = formats.unresolved_label(ids)
    if label:
        print(f"giaoban: lưu ý: {visible(label)}", file=sys.stderr)


def _document(
    report: reports.Report,
    output: OutputFormat,
    data: Sequence[LedgerState],
    document: tuple[Ledger, Path | None],
) -> None:
    # start-up: loaded only when this command needs it
    from giaoban.render import document as documents
    from giaoban.store.files import write_atomic

    ledger, out_file = document
    today = report.now.date()
    if output in (OutputFormat.docx, OutputFormat.xlsx):
        if out_file is None:
            raise UsageError(f"--format {output.value} cần -o TỆP.{output.value}")
        if output is OutputFormat.docx:
            content = documents.report_docx(report, ledger.settings, today, data)
        else:
            content = documents.report_xlsx(report, ledger.settings, today, data)
        write_atomic(out_file, content)
    else:
        page = documents.report_html(report, ledger.settings, today, data)
        if out_file is None:
            sys.stdout.write(page)
            return
        write_atomic(out_file, page.encode("utf-8"))
    print(f"Đã ghi {out_file}", file=sys.stderr)


@app.command("due")
@handle_errors
@with_options
def due_command(
    days: Annotated[
        int,
        typer.Option("--days", "-d", min=0, max=36600, help="Số ngày tới cần xem (mặc định 7)."),
    ] = 7,
    list_all: AllOption = False,
    *,
    tasks: Selection,
    display: Display,
    where: Where,
) -> None:
    """Nhiệm vụ đến hạn trong N ngày tới theo đơn vị, rồi việc quá hạn, rồi việc tồn đọng."""
    ctx = _context(where)
    flt = _filter(ctx, tasks)
    show = display.show_confidential
    report = reports.due_report(
        ctx.ledger, ctx.now, days, flt, show, list_all, every_row=display.every_row
    )
    _emit(report, display, ctx)


@app.command("overdue")
@handle_errors
@with_options
def overdue_command(
    list_all: AllOption = False,
    *,
    tasks: Selection,
    display: Display,
    where: Where,
) -> None:
    """Nhiệm vụ chưa xong đã quá hạn, mới quá hạn trước; việc tồn đọng đếm theo đơn vị."""
    ctx = _context(where)
    flt = _filter(ctx, tasks)
    show = display.show_confidential
    report = reports.overdue_report(
        ctx.ledger, ctx.now, flt, show, list_all, every_row=display.every_row
    )
    _emit(report, display, ctx)


def _until_callback(value: str | None) -> str | None:
    if value is not None:
        _parse_until(value)
    return value


def _parse_until(value: str) -> date | datetime:
    """``--until``: a whole day (YYYY-MM-DD, dd/mm/yyyy) or a moment (YYYY-MM-DDTHH:MM)."""
    text = value.strip().replace(" ", "T")
    try:
        if "T" in text:
            return datetime.fromisoformat(text)
        if "/" in text:
            return datetime.strptime(text, "%d/%m/%Y").date()
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' không phải ngày (YYYY-MM-DD, dd/mm/yyyy) hay thời điểm (YYYY-MM-DDTHH:MM)"
        ) from None


@app.command("week")
@handle_errors
@with_options
def week_command(
    next_week: Annotated[
        bool, typer.Option("--next", help="Báo cáo của tuần sau (hạn chót thứ Sáu tuần sau).")
    ] = False,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="NGÀY[THH:MM]",
            help="Liệt kê việc đến hạn đến mốc này, cũng là hạn chót (mặc định: đến hết "
            "Chủ nhật, hạn chót 14h00 thứ Sáu): YYYY-MM-DD (hết ngày đó) hoặc "
            "YYYY-MM-DDTHH:MM (đến đúng thời điểm đó).",
            callback=_until_callback,
        ),
    ] = None,
    list_all: AllOption = False,
    *,
    tasks: Selection,
    display: Display,
    where: Where,
) -> None:
    """Báo cáo tuần: việc đến hạn trong tuần (đến hết Chủ nhật) theo đơn vị, rồi việc quá hạn.

    Hạn chót mặc định là 14h00 thứ Sáu (cài đặt week_cutoff); sau hạn chót,
    báo cáo chuyển sang tuần sau. Việc đến hạn là mọi việc có hạn đến hết
    Chủ nhật của tuần, dù hạn ghi giờ hay ghi ngày. Nhiệm vụ định kỳ hiện một dòng, kèm số lần
    trễ; việc quá hạn lâu hơn backlog_days (mặc định 30 ngày) chỉ được đếm
    theo đơn vị (tồn đọng), trừ khi dùng --all.
    """
    ctx = _context(where)
    report = reports.week_report(
        ctx.ledger,
        ctx.now,
        _filter(ctx, tasks),
        next_weeks=1 if next_week else 0,
        until=_parse_until(until) if until else None,
        show=display.show_confidential,
        list_all=list_all,
        every_row=display.every_row,
    )
    _emit(report, display, ctx)


@app.command("stats")
@handle_errors
@with_options
def stats_command(
    month: Annotated[
        str | None,
        typer.Option(
            "--month", "-m", metavar="YYYY-MM", help="Tháng cần thống kê: YYYY-MM hoặc MM/YYYY."
        ),
    ] = None,
    output: FormatOption = OutputFormat.table,
    out_file: OutputFileOption = None,
    no_pager: NoPagerOption = False,
    *,
    tasks: Selection,
    where: Where,
) -> None:
    """Thống kê theo đơn vị: hoàn thành đúng hạn, quá hạn; đang thực hiện trong hạn, quá hạn.

    Mặc định là tháng hiện tại; kèm biểu đồ so sánh với các tháng trước.
    """
    # start-up: loaded only when this command needs it
    from giaoban.render import formats
    from giaoban.render import reports as render_reports
    from giaoban.render import terminal as render

    if output not in DOCUMENTS:
        _no_out_file(out_file)
    ctx = _context(where)
    start, end = stats_period(ctx.now.date(), month, _day(tasks.date_from), _day(tasks.date_to))
    report = stats_report(ctx.ledger, ctx.now, start, end, _filter(ctx, tasks, dates=False))
    if output in DOCUMENTS:
        _stats_document(report, output, ctx, out_file)
    elif output is OutputFormat.json:
        render.print_json(_with_problems(formats.stats_json(report, ctx.data), ctx))
    elif output in (OutputFormat.csv, OutputFormat.excel):
        sys.stdout.write(formats.stats_csv(report, excel=output is OutputFormat.excel))
        _unresolved_note(report.unresolved)
    elif output is OutputFormat.md:
        sys.stdout.write(formats.stats_markdown(report, ctx.data))
    else:
        with render.paged(not no_pager):
            render_reports.print_stats(report, ctx.data)
    _finish(ctx)


def _stats_document(
    report: StatsReport, output: OutputFormat, ctx: Context, out_file: Path | None
) -> None:
    # start-up: loaded only when this command needs it
    from giaoban.render import document as documents
    from giaoban.store.files import write_atomic

    settings, today = ctx.ledger.settings, ctx.now.date()
    if output is OutputFormat.html:
        page, charted = documents.stats_html(report, settings, today, ctx.data)
        content = page.encode("utf-8")
    elif output is OutputFormat.docx:
        content, charted = documents.stats_docx(report, settings, today, ctx.data)
    else:
        content, charted = documents.stats_xlsx(report, settings, ctx.data), True
    if not charted:
        print(
            "giaoban: cảnh báo: chưa có matplotlib nên văn bản không có biểu đồ; "
            "cài bằng: pip install 'giaoban[charts]'",
            file=sys.stderr,
        )
    if out_file is None:
        if output is not OutputFormat.html:
            raise UsageError(f"--format {output.value} cần -o TỆP.{output.value}")
        sys.stdout.write(content.decode("utf-8"))
        return
    write_atomic(out_file, content)
    print(f"Đã ghi {out_file}", file=sys.stderr)


@app.command("show")
@handle_errors
@with_options
def show_command(
    item: Annotated[
        str,
        typer.Argument(
            help="Mã thông báo, hoặc nhiệm vụ MÃ#MỤC (đủ phần đầu không trùng).",
            autocompletion=complete_notice_or_task_id,
        ),
    ],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Định dạng: table hoặc json.")
    ] = ShowFormat.table,
    show_confidential: ShowConfidential = False,
    no_pager: NoPagerOption = False,
    *,
    where: Where,
) -> None:
    """Xem một thông báo (và các nhiệm vụ của nó) hoặc một nhiệm vụ."""
    # start-up: loaded only when this command needs it
    from giaoban.render import formats
    from giaoban.render import reports as render_reports
    from giaoban.render import terminal as render

    ctx = _context(where)
    shown = show_item(ctx.ledger, ctx.now, item, show_confidential)
    if output is ShowFormat.json:
        render.print_json(_with_problems(formats.shown_json(shown, ctx.data), ctx))
    else:
        with render.paged(not no_pager):
            render_reports.print_shown(shown, ctx.data)
    _finish(ctx)


@app.command("list")
@handle_errors
@with_options
def list_command(
    *,
    tasks: Selection,
    display: Display,
    where: Where,
) -> None:
    """Liệt kê nhiệm vụ theo thứ tự trong tệp (nhiệm vụ đã hủy chỉ hiện khi --status cancelled)."""
    ctx = _context(where)
    report = reports.list_report(
        ctx.ledger, ctx.now, _filter(ctx, tasks), display.show_confidential
    )
    _emit(report, display, ctx, documents=False)


@app.command("search")
@handle_errors
@with_options
def search_command(
    text: Annotated[
        str, typer.Argument(help="Chữ cần tìm; không phân biệt hoa thường, có dấu hay không.")
    ],
    *,
    tasks: Selection,
    display: Display,
    where: Where,
) -> None:
    """Tìm nhiệm vụ theo nội dung, mã, hạn hoặc đơn vị ("van phong" tìm được "Văn phòng")."""
    ctx = _context(where)
    flt, show = _filter(ctx, tasks), display.show_confidential
    report = reports.list_report(ctx.ledger, ctx.now, flt, show, query=text)
    _emit(report, display, ctx, documents=False)
