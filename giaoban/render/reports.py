"""Rich tables of the reports: colors that mean something, long texts wrapped.

Red is late, yellow due within three days, green later, dim done. Colors
appear only on a terminal and never when NO_COLOR is set (rich honours both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from giaoban.deadline.describe import format_moment
from giaoban.history.git import LedgerState
from giaoban.model.text import visible
from giaoban.render import formats
from giaoban.render.terminal import SafeConsole, text
from giaoban.reports.row import Row, row_status
from giaoban.reports.rows import Report
from giaoban.reports.rules import URGENT_DAYS
from giaoban.reports.show import Shown
from giaoban.reports.stats import CATEGORIES, Counts, StatsReport

STATE_STYLES = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "upcoming": "green",
    "done_on_time": "dim",
    "done_late": "dim",
    "ongoing": "",
    "unresolved": "yellow",
    "cancelled": "dim strike",
}
CATEGORY_STYLES = {
    "done_on_time": "green",
    "done_late": "yellow",
    "open_in_time": "cyan",
    "open_overdue": "bold red",
}
# Each part of a bar has its own glyph too, so the chart reads without color.
BAR_GLYPHS = {"done_on_time": "█", "done_late": "▓", "open_in_time": "░", "open_overdue": "▒"}
BAR_WIDTH = 40


T = TypeVar("T")


def console() -> Console:
    """A stdout console; the width comes from the terminal or $COLUMNS."""
    return SafeConsole()


def _table(headers: tuple[str, ...], widths: dict[str, int] | None = None) -> Table:
    """A report table; ``widths`` fixes the short columns so that tables line up."""
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, padding=(0, 1, 0, 0)
    )
    for header in headers:
        width = (widths or {}).get(header)
        if header == "Nhiệm vụ":  # never squeezed out: at 80 columns the id wraps first
            table.add_column(header, ratio=5, overflow="fold", min_width=TEXT_MIN_WIDTH)
        elif header == "Đơn vị chủ trì":  # as wide as its longest word: names break between words
            table.add_column(header, ratio=2, overflow="fold", min_width=width)
        elif header == "Mã":  # a long id wraps rather than take the text's room
            table.add_column(header, overflow="fold", min_width=width, max_width=ID_MAX_WIDTH)
        else:
            table.add_column(header, no_wrap=True, min_width=width)
    return table


TEXT_MIN_WIDTH = 20  # the task's text keeps at least this many columns
ID_MAX_WIDTH = 16  # a longer id wraps ("2022-04-14#6.2" is 14)


def _widths(report: Report, rows: list[Row]) -> dict[str, int]:
    """The widest cell of each short column over the rows shown, and the longest word of
    the units named."""
    words = [len(word) for row in rows for name in row.card.owners for word in name.split()]
    widths = {"Mã": 2, "Hạn": 3, "Còn lại": 7, "Đơn vị chủ trì": max(words, default=6)}
    for row in rows:
        cells = formats.row_cells(report, row, with_units=False, missed_under_text=True)
        widths["Mã"] = min(max(widths["Mã"], len(cells[0])), ID_MAX_WIDTH)
        widths["Hạn"] = max(widths["Hạn"], len(cells[2]))
        widths["Còn lại"] = max(widths["Còn lại"], len(cells[3]))
    return widths


def row_style(row: Row) -> str:
    """Red late, yellow due within 3 days, green later, dim done."""
    if row.state == "due_soon" and row.days is not None and row.days > URGENT_DAYS:
        return STATE_STYLES["upcoming"]
    return STATE_STYLES.get(row.state, "")


# A table shows at most this many characters of a cell (rich lays a long one out line by
# line: a megabyte takes it about twenty seconds); the rest is counted, and every other
# format (show, --format json, csv, md) has it whole.
CELL_MAX = 2000


def bounded(cell: str) -> str:
    """``cell`` as a table shows it: whole, or its first ``CELL_MAX`` characters and how
    many more there are."""
    if len(cell) <= CELL_MAX:
        return cell
    return f"{cell[:CELL_MAX]}… (còn {len(cell) - CELL_MAX} ký tự; xem đủ: --format json)"


def _cells(report: Report, row: Row, with_units: bool) -> list[str]:
    """The cells of ``row`` as a table or its narrow blocks show them."""
    return [bounded(c) for c in formats.row_cells(report, row, with_units, missed_under_text=True)]


def _add_row(table: Table, row: Row, cells: list[str]) -> None:
    style = row_style(row)
    done = row_status(row.state) != "open"  # a done or cancelled row, dim
    table.add_row(
        *(text(c, style="dim" if done else "") for c in cells[:-2]),
        text(cells[-2], style=style),
        text(cells[-1], style=style),
    )


def _header(
    office: str | None, title: str, meta: str, summary: str | None = None
) -> list[RenderableType]:
    lines: list[RenderableType] = [text(title, style="bold"), text(meta, style="dim")]
    if office:
        lines.insert(0, text(office.upper(), style="bold"))
    if summary:
        lines.append(text(summary))
    return lines


def _unresolved(ids: Sequence[str]) -> list[RenderableType]:
    """The line naming the open tasks a dated report has no row for (none: no line)."""
    label = formats.unresolved_label(ids)
    return [text(label, style=STATE_STYLES["unresolved"])] if label else []


def report_renderable(
    report: Report, data: Sequence[LedgerState], limit: int = 0
) -> RenderableType:
    """The report as rich renderables: heading, context, then its table(s).

    ``limit``: at most this many rows in all (0: no limit); the others are counted.
    """
    parts = _header(
        report.office,
        formats.report_title(report),
        formats.meta_label(report, data),
        formats.summary_label(report),
    )
    parts += _unresolved(report.unresolved or ())
    if report.digest is not None:
        return Group(*parts, *_digest_parts(report, limit))
    week = report.week is not None
    groups = report.groups if week else (("", report.rows),) if report.rows else ()
    shown = _shown(groups, limit)
    widths = _widths(report, [row for rows in shown for row in rows])
    headers = formats.WEEK_HEADERS if week else formats.HEADERS
    for (unit, rows), kept in zip(groups, shown, strict=True):
        parts.append(text(f"\n{unit} ({len(rows)})", style="bold underline") if week else text(""))
        parts += _rows_table(report, rows, kept, headers, widths)
    if sum(map(len, shown)) < sum(len(rows) for _, rows in groups):
        note = f"Bảng chỉ hiện {limit} dòng đầu: dùng --limit 0 để xem hết, hoặc --format csv."
        parts.append(text(note, style="dim"))
    return Group(*parts)


def _digest_parts(report: Report, limit: int) -> list[RenderableType]:
    """This week (or window) by unit, then what is late (newest first), then the backlog,
    each duty on one line; at most ``limit`` lines in all (0: every line)."""
    digest = report.digest
    assert digest is not None
    rows = report.rows
    due = [(unit, [x.index for x in lines]) for unit, lines in digest.due]
    late = [x.index for x in digest.late]
    shown = [[rows[i] for i in part] for part in _shown([*due, ("", late)], limit)]
    widths = _widths(report, [row for part in shown for row in part])
    parts: list[RenderableType] = []
    if report.kind != "overdue":
        parts.append(text(f"\n{formats.due_section_title(report)}", style="bold"))
        if not due:
            parts.append(text(formats.NOTHING, style="dim"))
    for (unit, unit_rows), kept in zip(due, shown, strict=False):
        parts.append(text(f"\n{unit} ({len(unit_rows)})", style="bold underline"))
        parts += _rows_table(report, unit_rows, kept, formats.WEEK_HEADERS, widths)
    parts.append(text(f"\n{formats.late_section_title(report)}", style="bold"))
    if late:
        parts += _rows_table(report, late, shown[-1], formats.HEADERS, _widths(report, shown[-1]))
    else:
        parts.append(text(formats.NOTHING, style="dim"))
    if digest.backlog:
        parts.append(text(f"\n{formats.backlog_title(report)}", style="bold"))
        for b in digest.backlog:
            parts.append(text(formats.backlog_line(b.unit, b.tasks, b.since)))
    if sum(map(len, shown)) < sum(len(r) for _, r in due) + len(late):
        note = f"Bảng chỉ hiện {limit} dòng đầu: dùng --limit 0 để xem hết, hoặc --format csv."
        parts.append(text(f"\n{note}", style="dim"))
    return parts


def _rows_table(
    report: Report,
    rows: Sequence[object],
    kept: Sequence[Row],
    headers: tuple[str, ...],
    widths: dict[str, int] | None,
) -> list[RenderableType]:
    """A table of the ``kept`` rows of ``rows``, and how many more there are."""
    parts: list[RenderableType] = []
    if kept:
        table = _table(headers, widths)
        with_units = "Đơn vị chủ trì" in headers
        shown = [(row, _cells(report, row, with_units)) for row in kept]
        for row, cells in shown:
            _add_row(table, row, cells)

        def blocks() -> RenderableType:
            return Group(*(_row_block(row, cells, headers) for row, cells in shown))

        parts.append(Narrow(table, blocks, _table_min_width(headers, widths)))
    if len(kept) < len(rows):
        parts.append(text(f"… và {len(rows) - len(kept)} việc khác", style="dim"))
    return parts


class Narrow:
    """A table, or the same rows as blocks of "label: value" lines when the terminal is
    narrower than the table needs to show every column (rich would drop the last ones)."""

    def __init__(self, table: Table, blocks: Callable[[], RenderableType], min_width: int) -> None:
        self.table, self.blocks, self.min_width = (
            table,
            blocks,
            min_width,
        )  # blocks: made when needed

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        yield self.table if options.max_width >= self.min_width else self.blocks()


def _table_min_width(headers: tuple[str, ...], widths: dict[str, int] | None) -> int:
    """The width a report table needs to show each of its columns: the short ones whole,
    the task's text at its least, one space between columns."""
    least = {"Nhiệm vụ": TEXT_MIN_WIDTH}
    folded = ("Mã", "Nhiệm vụ", "Đơn vị chủ trì")  # their headings wrap between words
    sizes = [
        max(
            least.get(h, 0),
            (widths or {}).get(h, 0),
            max(map(len, h.split())) if h in folded else len(h),
        )
        for h in headers
    ]
    return sum(sizes) + len(headers) - 1


def _row_block(row: Row, cells: list[str], headers: tuple[str, ...]) -> Group:
    """One row (its ``cells``) as lines: its id, then "label: value" for every other column,
    indented."""
    lines: list[RenderableType] = [text(cells[0], style="bold")]
    style = row_style(row)
    for i, (header, cell) in enumerate(zip(headers[1:], cells[1:], strict=True), start=1):
        line = text(f"{header}: ")
        line.append(visible(cell), style=style if i >= len(cells) - 2 else "")
        lines.append(Padding(line, (0, 0, 0, 2)))
    return Group(*lines)


def _shown(groups: Sequence[tuple[str, Sequence[T]]], limit: int) -> list[Sequence[T]]:
    """The rows of each group that fit in ``limit`` rows in all (0: every row)."""
    if not limit:
        return [rows for _, rows in groups]
    shown: list[Sequence[T]] = []
    left = limit
    for _, rows in groups:
        shown.append(rows[:left])
        left = max(left - len(rows), 0)
    return shown


def print_report(report: Report, data: Sequence[LedgerState], limit: int = 0) -> None:
    console().print(report_renderable(report, data, limit))


# --- stats ----------------------------------------------------------------------


def _stats_table(report: StatsReport) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(formats.STATS_HEADERS[0], overflow="fold", max_width=34)
    for category in CATEGORIES:
        label = formats.CATEGORY_LABELS[category]
        table.add_column(label, justify="right", style=CATEGORY_STYLES[category], max_width=14)
    table.add_column("Tổng số", justify="right")
    rows = formats.stats_rows(report)
    for i, cells in enumerate(rows):
        if i == len(rows) - 1:
            table.add_section()
        table.add_row(*cells, style="bold" if i == len(rows) - 1 else "")
    return table


def _bar(counts: Counts, scale: float) -> Text:
    bar = Text()
    for category in CATEGORIES:
        size = round(counts.get(category) * scale)
        bar.append(BAR_GLYPHS[category] * size, style=CATEGORY_STYLES[category])
    return bar


def _chart(report: StatsReport) -> Table:
    biggest = max((c.total for _, c in report.months), default=0)
    scale = BAR_WIDTH / biggest if biggest else 0.0
    chart = Table(box=None, show_header=False, pad_edge=False)
    chart.add_column("Tháng", no_wrap=True)
    chart.add_column("Biểu đồ", no_wrap=True)
    chart.add_column("Số", no_wrap=True)
    for i, (month, counts) in enumerate(report.months):
        delta = formats.month_delta_label(report.months, i)
        note = f"{counts.total} việc, {counts.late} chậm, muộn"
        note += f" ({delta})" if delta else ""
        late_style = "bold red" if delta.startswith("▲") else ""
        chart.add_row(f"{month:%m/%Y}", _bar(counts, scale), text(note, style=late_style))
    return chart


def _legend() -> Text:
    legend = Text()
    for category in CATEGORIES:
        legend.append(BAR_GLYPHS[category] * 2, style=CATEGORY_STYLES[category])
        legend.append(f" {formats.CATEGORY_LABELS[category]}   ")
    return legend


def stats_renderable(report: StatsReport, data: Sequence[LedgerState]) -> RenderableType:
    parts = _header(report.office, formats.stats_title(report), formats.meta_label(report, data))
    parts += _unresolved(report.unresolved)
    parts += [text(""), _stats_table(report), text("")]
    parts.append(text("So sánh theo tháng (chậm, muộn = hoàn thành quá hạn + đang quá hạn)"))
    parts += [_chart(report), _legend()]
    return Group(*parts)


def print_stats(report: StatsReport, data: Sequence[LedgerState]) -> None:
    console().print(stats_renderable(report, data))


# --- show -----------------------------------------------------------------------


def _fields(pairs: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("Mục", style="bold", no_wrap=True)
    table.add_column("Giá trị", overflow="fold", ratio=1)
    for key, value in pairs:
        table.add_row(key, value)
    return table


def print_shown(shown: Shown, data: Sequence[LedgerState]) -> None:
    """A task's fields and state (and next occurrences), or a notice and its tasks."""
    out = console()
    report = shown.report
    if shown.task is None:
        out.print(text(shown.notice.id, style="bold"))
        out.print(_fields(formats.notice_fields(shown.notice)))
        out.print(text(formats.summary_label(report)))
        table = _table(formats.HEADERS, _widths(report, list(report.rows)))
        for row in report.rows:
            _add_row(table, row, _cells(report, row, with_units=True))
        out.print(table)
    else:
        row = report.rows[0]
        out.print(text(shown.task.id, style="bold"))
        out.print(_fields(formats.task_fields(shown)))
        state = f"Tình trạng: {formats.STATE_LABELS[row.state]}"
        if row.due is not None:
            state += f", hạn {formats.due_label(row)} ({formats.remaining_label(row)})"
        missed = formats.missed_label(row)
        if missed:
            state += f"; {missed}"
        out.print(text(state, style=row_style(row)))
        if shown.upcoming:
            out.print(text("Các lần đến hạn tới:"))
            for moment in shown.upcoming:
                out.print(text(f"  - {format_moment(moment, row.has_time)}"))
    out.print(text(formats.meta_label(report, data), style="dim"))
