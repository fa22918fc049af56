"""Reports as text for scripts and e-mail: Vietnamese labels, JSON, CSV, Markdown.

Pure functions over the records of ``giaoban.reports.rows`` and ``giaoban.reports.stats``;
the rich tables of ``render_reports`` use the same labels. No rich here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from giaoban.deadline import Deadline
from giaoban.deadline.describe import (
    KIND_NAMES,
    UNRESOLVED_NAME,
    format_due,
    format_moment,
    last_day,
    short_due,
    weekday_name,
)
from giaoban.history.git import DataState, LedgerState
from giaoban.model.card import iso
from giaoban.model.ledger import Extension, Notice, Task
from giaoban.model.shown import shown_task
from giaoban.model.text import visible
from giaoban.render.jsontext import Streamed
from giaoban.reports.export import notice_record
from giaoban.reports.row import Row
from giaoban.reports.rows import Report, Week
from giaoban.reports.show import Shown
from giaoban.reports.stats import CATEGORIES, Counts, StatsReport

STATE_LABELS = {
    "overdue": "quá hạn",
    "due_soon": "sắp đến hạn",
    "upcoming": "còn hạn",
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "ongoing": "thường xuyên",
    "unresolved": UNRESOLVED_NAME,
    "cancelled": "đã hủy",
}
CATEGORY_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_in_time": "Đang thực hiện trong hạn",
    "open_overdue": "Đang thực hiện quá hạn",
}
HEADERS = ("Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Còn lại")
WEEK_HEADERS = ("Mã", "Nhiệm vụ", "Hạn", "Còn lại")
CSV_FIELDS = (
    "id",
    "notice",
    "item",
    "text",
    "owners",
    "supports",
    "deadline",
    "due",
    "due_display",
    "days",
    "remaining",
    "state",
    "status",
    "missed",
    "last_missed",
)
NONE = "—"


# --- labels -------------------------------------------------------------------


def moment_label(moment: datetime) -> str:
    """ "20/04/2022 00:00 (thứ Tư)"."""
    return f"{moment:%d/%m/%Y %H:%M} ({weekday_name(moment.date())})"


def due_label(row: Row) -> str:
    """ "25/02/2019", "22/04/2022 14:00", or the phrase when nothing is due."""
    if row.due is not None:
        return short_due(row.due, row.has_time)
    return row.card.deadline_text or NONE


def remaining_label(row: Row) -> str:
    """ "còn 2 ngày", "hôm nay", "quá hạn 5 ngày", "hoàn thành quá hạn 3 ngày", ..."""
    if row.state == "overdue":
        return "quá hạn hôm nay" if not row.days else f"quá hạn {-row.days} ngày"
    if row.state in ("due_soon", "upcoming"):
        return "hôm nay" if not row.days else f"còn {row.days} ngày"
    if row.state == "done_late" and row.late_by:
        return f"hoàn thành quá hạn {row.late_by} ngày"
    if row.state == "ongoing":
        return NONE
    return STATE_LABELS[row.state]


def missed_label(row: Row) -> str:
    """ "trễ 245 lần, gần nhất 27/11/2026": a duty's missed occurrences ("" when none)."""
    if not row.missed or row.last_missed is None:
        return ""
    return f"trễ {row.missed} lần, gần nhất {row.last_missed:%d/%m/%Y}"


def units_label(names: Iterable[str]) -> str:
    return ", ".join(names) or NONE


def data_label(data: Sequence[LedgerState]) -> str:
    """Which commit the data came from, and whether it had uncommitted changes; over
    several ledgers, each one's ("commit a76dcca (sổ hanoi), commit 551362b (sổ hcm, có
    thay đổi chưa commit)"), so a change nobody committed in any of them is seen."""
    if len(data) > 1:
        return "Dữ liệu: " + ", ".join(_state_words(s.state, s.name) for s in data)
    return "Dữ liệu: " + _state_words(data[0].state if data else None)


def _state_words(state: DataState | None, name: str = "") -> str:
    """ "commit a76dcca (có thay đổi chưa commit)", with "sổ NAME" when ``name``."""
    notes = [f"sổ {name}"] if name else []
    if state is not None and state.dirty:
        notes.append("có thay đổi chưa commit")
    said = "chưa có commit git" if state is None else f"commit {state.short}"
    return f"{said} ({', '.join(notes)})" if notes else said


def week_days(week: Week) -> tuple[str, str]:
    """The week's first and last days as its labels write them: "18/04" and "24/04/2022",
    with the first day's year too when the week spans two ("28/12/2026", "03/01/2027")."""
    first, last = week.monday, week.sunday
    start = f"{first:%d/%m}" if first.year == last.year else f"{first:%d/%m/%Y}"
    return start, f"{last:%d/%m/%Y}"


def cutoff_label(week: Week) -> str:
    """ "hạn chót 14h00 thứ Sáu 22/04/2022", and why the cut-off moved when it did
    ("hạn chót 14h00 thứ Tư 07/02/2024 (thứ Sáu 09/02/2024 là ngày nghỉ)")."""
    label = f"hạn chót {format_moment(week.cutoff, week.cutoff_has_time)}"
    if week.moved_from is not None:
        off = week.moved_from
        label += f" ({weekday_name(off)} {off:%d/%m/%Y} là ngày nghỉ)"
    return label


def week_label(week: Week) -> str:
    """ "Tuần 16 (18/04–24/04/2022), hạn chót 14h00 thứ Sáu 22/04/2022" (``week_days``,
    ``cutoff_label``)."""
    start, end = week_days(week)
    return f"Tuần {week.number} ({start}–{end}), {cutoff_label(week)}"


def report_title(report: Report) -> str:
    """The report's heading, in Vietnamese."""
    if report.kind == "week" and report.week is not None:
        return week_label(report.week)
    if report.kind == "due":
        return f"Nhiệm vụ quá hạn và đến hạn trong {report.days} ngày tới"
    if report.kind == "overdue":
        return "Nhiệm vụ quá hạn"
    if report.kind == "search":
        return f"Tìm nhiệm vụ: “{report.query}”"
    return "Danh sách nhiệm vụ"


NOTHING = "Không có việc nào."  # an empty report, or an empty part of one


def sentence(line: str) -> str:
    """``line`` as a sentence of a document: ending in one period, whether or not the
    label it was made from ends in one already (``NOTHING`` does, the counts do not)."""
    return line if line.endswith(".") else f"{line}."


def summary_label(report: Report) -> str:
    """ "13 việc: 11 quá hạn, 1 sắp đến hạn, 1 còn hạn" (an occurrence is one việc);
    for a digest, its parts: "2 việc đến hạn, 1 việc quá hạn gần đây, 254 việc tồn đọng"."""
    if report.empty:
        return NOTHING
    if report.digest is not None:
        return digest_summary(report)
    parts = [f"{n} {STATE_LABELS[s]}" for s, n in report.counts().items()]
    return f"{len(report.rows)} việc: {', '.join(parts)}"


UNRESOLVED_HINT = "giaoban list --status unresolved"
UNRESOLVED_SHOWN = 5  # ids named in the line; the others are counted


def unresolved_label(ids: Sequence[str], hint: bool = True) -> str | None:
    """ "2 việc chưa tính được hạn (mốc chưa có ngày): 2024-03-01#1, 2024-03-01#2; xem:
    giaoban list --status unresolved" (None when there is none): what a dated report says
    of the open tasks it has no row for; without the command in a document (``hint``)."""
    if not ids:
        return None
    named = ", ".join(ids[:UNRESOLVED_SHOWN])
    if len(ids) > UNRESOLVED_SHOWN:
        named += f" và {len(ids) - UNRESOLVED_SHOWN} việc khác"
    tail = f"; xem: {UNRESOLVED_HINT}" if hint else ""
    return f"{len(ids)} việc {UNRESOLVED_NAME} (mốc chưa có ngày): {named}{tail}"


def digest_summary(report: Report) -> str:
    digest = report.digest
    assert digest is not None
    parts = [f"{digest.due_tasks} việc đến hạn"] if report.kind != "overdue" else []
    parts.append(f"{len(digest.late)} việc quá hạn" + ("" if digest.listed_all else " gần đây"))
    if digest.backlog_tasks:
        parts.append(f"{digest.backlog_tasks} việc tồn đọng")
    return ", ".join(parts)


def due_section_title(report: Report) -> str:
    """The heading of what is due and not late; for the week, the limit its rows obey
    (``Week.due_by``), which the header's cut-off is not: "Đến hạn trong tuần, đến hết ngày
    13/12/2026 (Chủ nhật)", with ``--until`` "Đến hạn đến hết ngày 29/04/2022 (thứ Tư)" or
    "Đến hạn đến 10h00 thứ Tư 29/04/2022"."""
    week = report.week
    if week is not None:
        limit = week.due_by
        whole = limit.time() == time(0)  # the end of a day
        said = f"đến {format_moment(limit, not whole)}"
        if whole and last_day(limit) == week.sunday:
            return f"Đến hạn trong tuần, {said}"
        return f"Đến hạn {said}"
    return f"Đến hạn trong {report.days} ngày tới"


def late_section_title(report: Report) -> str:
    digest = report.digest
    assert digest is not None
    if digest.listed_all:
        return "Quá hạn, mới nhất trước"
    return f"Quá hạn {_recent(digest.backlog_days)}, mới nhất trước"


def _recent(backlog_days: int) -> str:
    """The days a late task is listed in, as the late part's title says them, and the
    backlog's title after them: "trong 30 ngày qua", and "hôm nay" for 0 (not "trong 0
    ngày qua"), the rule of ``giaoban.reports.digest.backlog_cut``."""
    return "hôm nay" if backlog_days <= 0 else f"trong {backlog_days} ngày qua"


def _older(backlog_days: int) -> str:
    """What the backlog is late for: "hơn 30 ngày", and "từ trước hôm nay" for 0."""
    return "từ trước hôm nay" if backlog_days <= 0 else f"hơn {backlog_days} ngày"


def backlog_title(report: Report, hint: bool = True) -> str:
    """ "Tồn đọng (quá hạn hơn 30 ngày; --all để liệt kê)"; without the hint in a document."""
    digest = report.digest
    assert digest is not None
    tail = "; --all để liệt kê" if hint else ""
    return f"Tồn đọng (quá hạn {_older(digest.backlog_days)}{tail})"


def backlog_line(unit: str, tasks: int, since: date) -> str:
    """ "Văn phòng: 3 việc, lâu nhất từ 05/03/2019"."""
    return f"{unit}: {tasks} việc, lâu nhất từ {since:%d/%m/%Y}"


def meta_label(report: Report | StatsReport, data: Sequence[LedgerState]) -> str:
    return f"Tính đến {moment_label(report.now)}. {data_label(data)}."


def period_label(report: StatsReport) -> str:
    if report.single_month:
        return f"tháng {report.start:%m/%Y}"
    return f"từ {report.start:%d/%m/%Y} đến {report.end:%d/%m/%Y}"


def stats_title(report: StatsReport) -> str:
    return f"Thống kê tiến độ nhiệm vụ {period_label(report)}"


# --- JSON -----------------------------------------------------------------------


def row_record(report: Report, row: Row) -> dict[str, Any]:
    """The PRODUCT.md task shape with the row's ``due``, ``status`` and ``state`` (+ display
    extras)."""
    record = row.card.record(report.show_confidential)
    record.update(
        due=iso(row.due),
        status=row.status,  # at "now", not as the file holds it (``Row.status``)
        state=row.state,
        days=row.days,
        due_display=due_label(row),
        remaining=remaining_label(row),
        short_id=report.short_id(row.card),
    )
    if row.late_by is not None:
        record["late_days"] = row.late_by
    if row.occurrence:
        record["occurrence"] = True
        record["missed"] = row.missed  # late occurrences of its duty in the report
        record["last_missed"] = None if row.last_missed is None else row.last_missed.isoformat()
    return record


def data_record(data: Sequence[LedgerState]) -> dict[str, Any] | list[dict[str, Any]] | None:
    """One ledger: ``{"commit", "dirty"}`` or null outside git; several: a list of
    ``{"ledger", "commit", "dirty"}`` in the order read (commit and dirty null outside git)."""
    if len(data) > 1:
        return [{"ledger": s.name, **_state_record(s.state)} for s in data]
    state = data[0].state if data else None
    return None if state is None else _state_record(state)


def _state_record(state: DataState | None) -> dict[str, Any]:
    if state is None:
        return {"commit": None, "dirty": None}
    return {"commit": state.commit, "dirty": state.dirty}


def _streamed_group(rows: Sequence[Row]) -> Streamed:
    """The rows of one unit as ``{"id", "due"}``, made while written."""
    return Streamed(len(rows), lambda: ({"id": r.card.id, "due": iso(r.due)} for r in rows))


def _every_row(report: Report) -> None:
    """Refuse to list the rows of a report that only counted some (its digest shows them)."""
    if report.counted:
        raise ValueError(f"{report.counted} rows were only counted: a list needs every row")


def report_json(report: Report, data: Sequence[LedgerState]) -> dict[str, Any]:
    """``{"now", "tasks": [...]}`` plus the report's kind, data state, week and groups."""
    _every_row(report)
    out: dict[str, Any] = {
        "report": report.kind,
        "now": report.now.isoformat(),
        "data": data_record(data),
        "tasks": Streamed(len(report.rows), lambda: (row_record(report, r) for r in report.rows)),
    }
    if report.unresolved is not None:
        out["unresolved"] = list(report.unresolved)
    if report.days is not None:
        out["days"] = report.days
    if report.query is not None:
        out["query"] = report.query
    if report.week is not None:
        out["week"] = _week_record(report.week)
        out["groups"] = [
            {"unit": unit, "tasks": _streamed_group(rows)} for unit, rows in report.groups
        ]
    return out


def _week_record(week: Week) -> dict[str, Any]:
    return {
        "year": week.year,
        "number": week.number,
        "start": week.monday.isoformat(),
        "end": week.sunday.isoformat(),
        "cutoff": week.cutoff.isoformat(),
        "last_day": week.last_day.isoformat(),
        "due_by": week.due_by.isoformat(),
        "label": week_label(week),
        "cutoff_moved_from": None if week.moved_from is None else week.moved_from.isoformat(),
    }


def _counts_record(counts: Counts) -> dict[str, Any]:
    record: dict[str, Any] = {c: counts.get(c) for c in CATEGORIES}
    record["total"] = counts.total
    record["late"] = counts.late
    record["percent"] = {c: round(counts.percent(c), 1) for c in CATEGORIES}
    return record


def stats_json(report: StatsReport, data: Sequence[LedgerState]) -> dict[str, Any]:
    return {
        "report": "stats",
        "now": report.now.isoformat(),
        "data": data_record(data),
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "units": [{"unit": u, **_counts_record(c)} for u, c in report.units],
        "total": _counts_record(report.total),
        "months": [{"month": f"{m:%Y-%m}", **_counts_record(c)} for m, c in report.months],
        "unresolved": list(report.unresolved),
    }


# --- CSV ------------------------------------------------------------------------


# A cell a spreadsheet would read as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made plain text with a
    leading apostrophe (as OWASP advises); numbers and other text are kept."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(header: Iterable[str], rows: Iterable[Iterable[Any]], excel: bool = False) -> str:
    """CSV text; ``excel``: with a UTF-8 byte-order mark and CRLF line ends, which Excel
    and LibreOffice need to read Vietnamese letters without asking."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(header)
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    return ("\ufeff" if excel else "") + out.getvalue()


def report_csv(report: Report, excel: bool = False) -> str:
    """One line per row (per owner for the weekly report, with a ``unit`` column)."""
    _every_row(report)
    if report.week is not None:
        lines = [[unit, *_csv_row(report, r)] for unit, rows in report.groups for r in rows]
        return _csv(("unit", *CSV_FIELDS), lines, excel)
    return _csv(CSV_FIELDS, (_csv_row(report, r) for r in report.rows), excel)


def _csv_row(report: Report, row: Row) -> list[Any]:
    record = row_record(report, row)
    record["owners"] = "; ".join(record["owners"])
    record["supports"] = "; ".join(record["supports"])
    return ["" if record.get(f) is None else record[f] for f in CSV_FIELDS]


def stats_csv(report: StatsReport, excel: bool = False) -> str:
    """Per unit, then the total, then each month of the chart."""
    header = ("scope", "name", *CATEGORIES, "total", "late")
    lines = [("unit", u, *_numbers(c)) for u, c in report.units]
    lines.append(("total", period_label(report), *_numbers(report.total)))
    lines += [("month", f"{m:%Y-%m}", *_numbers(c)) for m, c in report.months]
    return _csv(header, lines, excel)


def _numbers(counts: Counts) -> list[int]:
    return [*(counts.get(c) for c in CATEGORIES), counts.total, counts.late]


# --- Markdown -------------------------------------------------------------------


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md_text(value: str) -> str:
    """Text from the data as Markdown shows it: never markup, never HTML.

    ``<``, ``>`` and ``&`` become entities (a ``<script>`` in a task's text
    is shown, not run); Markdown's own marks are escaped; control characters
    are written out; white space runs become one space.
    """
    flat = " ".join(visible(value).split())
    escaped = "".join(_HTML_SPECIAL.get(ch, ch) for ch in flat)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def _md_table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in rows]
    return lines


def row_cells(
    report: Report, row: Row, with_units: bool = True, missed_under_text: bool = False
) -> list[str]:
    """The cells of a row in the order of ``HEADERS`` (or ``WEEK_HEADERS``); a duty's
    missed occurrences follow what remains ("còn 2 ngày; trễ 3 lần, gần nhất 27/11/2026"),
    or stand on a line of their own under the task's text."""
    missed = missed_label(row)
    task = report.text(row)
    remaining = remaining_label(row)
    if missed and missed_under_text:
        task = f"{task}\n({missed})"
    elif missed:
        remaining = f"{remaining}; {missed}"
    cells = [report.short_id(row.card), task]
    if with_units:
        cells.append(units_label(row.card.owners))
    return [*cells, due_label(row), remaining]


def report_markdown(report: Report, data: Sequence[LedgerState]) -> str:
    """A heading, a line of context, then one table (one per owner for the week)."""
    lines = [f"## {md_text(report_title(report))}", "", md_text(meta_label(report, data)), ""]
    lines += [f"**{md_text(summary_label(report))}**", ""]
    lines += _md_unresolved(report.unresolved or ())
    if report.digest is not None:
        lines += _digest_markdown(report)
    elif report.week is not None:
        for unit, rows in report.groups:
            lines += [f"### {md_text(unit)}", ""]
            lines += _md_table(WEEK_HEADERS, (row_cells(report, r, False) for r in rows))
            lines.append("")
    elif report.rows:
        lines += _md_table(HEADERS, (row_cells(report, r) for r in report.rows))
        lines.append("")
    return "\n".join(lines)


def _md_unresolved(ids: Sequence[str]) -> list[str]:
    label = unresolved_label(ids)
    return [md_text(label), ""] if label else []


def _digest_markdown(report: Report) -> list[str]:
    """This week (or window) by unit, then what is late, then the backlog per unit."""
    digest = report.digest
    assert digest is not None
    rows = report.rows
    out: list[str] = []
    if report.kind != "overdue":
        out += [f"### {md_text(due_section_title(report))}", ""]
        for unit, lines in digest.due:
            out += [f"#### {md_text(unit)}", ""]
            out += _md_table(WEEK_HEADERS, (row_cells(report, rows[x.index], False) for x in lines))
            out.append("")
        if not digest.due:
            out += [NOTHING, ""]
    out += [f"### {md_text(late_section_title(report))}", ""]
    if digest.late:
        out += _md_table(HEADERS, (row_cells(report, rows[x.index]) for x in digest.late))
        out.append("")
    else:
        out += [NOTHING, ""]
    if digest.backlog:
        out += [f"### {md_text(backlog_title(report))}", ""]
        out += [f"- {md_text(backlog_line(b.unit, b.tasks, b.since))}" for b in digest.backlog]
        out.append("")
    return out


def stats_rows(report: StatsReport) -> list[list[str]]:
    """Table cells: unit, then each category as "N (P%)", total, then the total line."""
    rows = [[unit, *_stat_cells(c)] for unit, c in report.units]
    rows.append(["Tổng cộng", *_stat_cells(report.total)])
    return rows


def _stat_cells(counts: Counts) -> list[str]:
    cells = [f"{counts.get(c)} ({counts.percent(c):.0f}%)" for c in CATEGORIES]
    return [*cells, str(counts.total)]


def month_delta_label(months: tuple[tuple[Any, Counts], ...], index: int) -> str:
    """ "▲ +2" / "▼ −1" / "=" against the month before (late work)."""
    if index == 0:
        return ""
    delta = months[index][1].late - months[index - 1][1].late
    if delta > 0:
        return f"▲ +{delta}"
    return f"▼ −{-delta}" if delta < 0 else "="


def month_lines(report: StatsReport) -> list[list[str]]:
    """Month, total, late, change of late work against the month before."""
    return [
        [f"{m:%m/%Y}", str(c.total), str(c.late), month_delta_label(report.months, i)]
        for i, (m, c) in enumerate(report.months)
    ]


STATS_HEADERS = ("Đơn vị chủ trì", *(CATEGORY_LABELS[c] for c in CATEGORIES), "Tổng số")
MONTH_HEADERS = ("Tháng", "Tổng số", "Chậm, muộn", "So với tháng trước")


def stats_markdown(report: StatsReport, data: Sequence[LedgerState]) -> str:
    lines = [f"## {md_text(stats_title(report))}", "", md_text(meta_label(report, data)), ""]
    lines += _md_unresolved(report.unresolved)
    lines += _md_table(STATS_HEADERS, stats_rows(report))
    lines += ["", "### So sánh theo tháng (chậm, muộn = hoàn thành quá hạn + đang quá hạn)", ""]
    lines += _md_table(MONTH_HEADERS, month_lines(report))
    lines.append("")
    return "\n".join(lines)


# --- show -----------------------------------------------------------------------

STATUS_LABELS = {"open": "đang thực hiện", "done": "đã hoàn thành", "cancelled": "đã hủy"}


def _date(value: date | datetime | None) -> str:
    if value is None:
        return NONE
    return f"{value:%d/%m/%Y %H:%M}" if isinstance(value, datetime) else f"{value:%d/%m/%Y}"


def _due_text(task: Task) -> str:
    deadline = task.deadline
    if not isinstance(deadline, Deadline):
        return str(deadline) if deadline is not None else NONE
    if deadline.kind == "recurring":
        return KIND_NAMES["recurring"] + (f", đến hết {_date(task.until)}" if task.until else "")
    if deadline.kind == "relative" and deadline.due is None:
        return f"{UNRESOLVED_NAME} (tính từ '{deadline.anchor}', chưa có ngày của mốc)"
    return format_due(deadline) or KIND_NAMES[deadline.kind]


def task_fields(shown: Shown) -> list[tuple[str, str]]:
    """Label and value of each field of the shown task; its status at "now" (its row's)."""
    notice, report = shown.notice, shown.report
    status = report.rows[0].status
    assert shown.task is not None
    task = shown_task(shown.task, report.show_confidential)
    pairs = [
        ("Thông báo", f"{notice.number or notice.id} ngày {_date(notice.date)}: {notice.title}"),
        ("Mục", task.item + (f" (phần {task.section})" if task.section else "")),
        ("Nội dung", task.text),
        ("Chủ trì", units_label(task.owners)),
        ("Phối hợp", units_label(task.supports)),
        ("Thời hạn", task.deadline_text or NONE),
        ("Hạn chót", _due_text(task)),
        ("Trạng thái", STATUS_LABELS[status]),
    ]
    if task.done_on is not None:
        pairs.append(("Ngày hoàn thành", _date(task.done_on)))
    if task.done_occurrences:
        pairs.append(("Đã báo cáo các kỳ", ", ".join(_date(d) for d in task.done_occurrences)))
    if task.cancel_reason or task.cancelled_on:
        pairs.append(("Lý do hủy", f"{task.cancel_reason or NONE} ({_date(task.cancelled_on)})"))
    if task.result:
        pairs.append(("Kết quả", task.result))
    pairs += [("Kết quả", f"lần {_date(r.date)}: {r.text}") for r in task.occurrence_results]
    pairs += [("Gia hạn", _extension(e)) for e in task.extensions]
    pairs += [("Ghi chú", f"{_date(n.date)}: {n.text}") for n in task.notes]
    pairs.append(("Tệp", f"{task.source.path}:{task.source.line}"))
    return pairs


def _extension(ext: Extension) -> str:
    text = f"{ext.from_ or NONE} → {ext.to}"
    details = [d for d in (ext.reason, ext.approved_by and f"duyệt: {ext.approved_by}") if d]
    if ext.date:
        details.append(_date(ext.date))
    return text + (f" ({'; '.join(details)})" if details else "")


def notice_fields(notice: Notice) -> list[tuple[str, str]]:
    """Label and value of each field of a notice worth showing."""
    pairs = [("Loại", notice.kind), ("Số", notice.number or NONE), ("Trích yếu", notice.title)]
    pairs.append(("Ngày", _date(notice.date)))
    if notice.issuer:
        pairs.append(("Cơ quan ban hành", notice.issuer))
    meeting = notice.meeting
    if meeting is not None and meeting.name:
        pairs.append(("Hội nghị", f"{meeting.name} ({_date(meeting.date)})"))
    if meeting is not None and meeting.chair:
        pairs.append(("Chủ trì hội nghị", "; ".join(p.name for p in meeting.chair)))
    if notice.signer is not None and notice.signer.name:
        pairs.append(("Người ký", f"{notice.signer.position or ''} {notice.signer.name}".strip()))
    if notice.confidential:
        pairs.append(("Mật", "có: nội dung, kết quả, ghi chú và lý do của nhiệm vụ hiện là (mật)"))
    pairs.append(("Số nhiệm vụ", str(len(notice.tasks))))
    pairs.append(("Tệp", notice.source.path))
    return pairs


def shown_json(shown: Shown, data: Sequence[LedgerState]) -> dict[str, Any]:
    """A task (its full record, state and next occurrences) or a notice with its tasks."""
    report = shown.report
    record = notice_record(shown.notice, report.show_confidential)
    states = {row.card.id: row_record(report, row) for row in report.rows}
    tasks = [{**t, **_state_part(states[t["id"]])} for t in record["tasks"] if t["id"] in states]
    out: dict[str, Any] = {"now": report.now.isoformat(), "data": data_record(data)}
    if shown.task is None:
        return {**out, "notice": {**record, "tasks": tasks}}
    upcoming = [m.isoformat() for m in shown.upcoming]
    return {**out, "task": {**tasks[0], "next_occurrences": upcoming}}


# what a task's row adds to (or says over) its record in ``show --format json``
_STATE_KEYS = (
    "due",
    "status",
    "state",
    "days",
    "due_display",
    "remaining",
    "short_id",
    "late_days",
    "occurrence",
    "missed",
    "last_missed",
)


def _state_part(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in _STATE_KEYS if k in record}
