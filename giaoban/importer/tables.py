"""Task tables: a work plan's rows (STT | Nội dung | Đơn vị thực hiện | Thời gian) as items.

Tables reach the importer flattened in two ways: a whole table on one line,
cells joined by " | " (a web page's text, a Word table read row by row), or
one cell per line. Either way a table is known by its header: a run of
cells that name columns (number, content, who does it, who helps, when),
with at least a content column and a "who" or "when" column. Its rows are
then told apart by the number column counting 1, 2, 3 … ("Bước 1",
"Bước 2" …), or, without one, by the header's width.

Each row becomes one line marked with its number, carrying its cells by
role, so the task's owners are the row's "who" cells and its deadline is read
from its "when" cell, not guessed from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Generic, NamedTuple, TypeVar

from giaoban.importer.clean import Line
from giaoban.model.marks import form
from giaoban.model.text import fold

NUMBER, TEXT, OWNER, SUPPORT, TIME, OTHER = "number", "text", "owner", "support", "time", "other"

# A column's role from its folded heading: the first rule that matches.
_ROLES = (
    (NUMBER, re.compile(r"^(?:s?tt|so tt|so thu tu|buoc|muc)$")),
    (
        TIME,
        re.compile(r"^(?:thoi gian|thoi han|han|tien do|ngay|(?:tu|den) ngay|bat dau|ket thuc)\b"),
    ),
    (SUPPORT, re.compile(r"\bphoi hop\b")),
    (TEXT, re.compile(r"\b(?:noi dung|cong viec|nhiem vu|hoat dong|ten)\b")),
    (OTHER, re.compile(r"^(?:dung cu|ghi chu|noi thuc hien|dia diem|kinh phi|san pham)\b")),
    (OWNER, re.compile(r"\b(?:don vi|thuc hien|chu tri|phu trach|chi dao|doi tuong|lop|nguoi)\b")),
)
_MAX_HEADING_WORDS = 6
# An item's own fields, each on a line of its own under it, with or without a bullet
# ("- Thời hạn: trước ngày 15/6/2024", "+ Đơn vị phối hợp: Văn phòng ...", "Chủ trì:
# Ban X"): when it is due, who does it, who helps. The first rule that matches.
_UNIT_WORDS = r"(?:(?:don vi|co quan|bo phan|nguoi)\s+)?"
_ITEM_FIELDS = (
    (TIME, re.compile(r"^(?:thoi gian|thoi han|han|han chot|tien do)\b")),
    (SUPPORT, re.compile(rf"^{_UNIT_WORDS}phoi hop\b")),
    (OWNER, re.compile(rf"^{_UNIT_WORDS}(?:chu tri|thuc hien|phu trach)\b")),
)
_ITEM_FIELD_WORDS = 6  # "Thời hạn hoàn thành báo cáo:" at most
# "label: value": a label of a few words, a colon, a value ("Địa điểm: Tại hội trường",
# "Thời gian tổ chức: từ 15/10 đến 24/11/2018", "Nội dung:"), as giaoban.importer.fields
# reads a plan's fields too
FIELD = re.compile(r"^([^:;,.]{2,40}):\s*(.*)$")
# a row's number cell: "1", "1.", "(1)", "1/" ... (giaoban.model.marks), "Bước 1"
_ROW_NUMBER = form(r"\d{1,3}", bare=True)
_ROW_MARK = re.compile(rf"^(?:(?:bước|buoc)\s+)?{_ROW_NUMBER}$", re.IGNORECASE)


def role_of(cell: str) -> str | None:
    """The role of a column headed ``cell``; None when it heads no known column."""
    folded = _label(cell)
    if not folded or len(folded.split()) > _MAX_HEADING_WORDS:
        return None
    for role, pattern in _ROLES:
        if pattern.search(folded):
            return role
    return None


class ItemField(NamedTuple):
    """One field of an item a line under it gives."""

    role: str  # TIME, OWNER or SUPPORT of this module
    value: str  # what follows the label ("Ban Tổ chức Trung ương Đoàn")
    text: str  # the field as written, its label with its value


def item_fields(text: str) -> list[ItemField]:
    """The fields of an item a line under it gives, in their order; none for any other
    line.

    The one reader of such lines, whether a bullet marks them or not ("- Thời hạn:
    trước ngày 15/6/2024", "Đơn vị phối hợp: Văn phòng Trung ương Đoàn"). A line opens
    with its first label; the next ones follow a ";", a ",", a dash or stand on their own
    with a capital ("Chủ trì: Ban X; phối hợp: Văn phòng Y", "Chủ trì: Ban X Thời hạn:
    ..."), each read to its own field: a label is never part of the value before it.
    """
    text = text.strip()
    match = FIELD.match(text)
    if match is None:
        return []
    role = _field_role(match.group(1))
    if role is None:
        return []
    starts = [(0, match.end(1) + 1, role)]  # (where the label starts, its value, its role)
    for colon in re.finditer(r":", text[match.end(1) + 1 :]):
        at = match.end(1) + 1 + colon.start()
        found = _next_label(text[starts[-1][1] : at])
        if found is not None:
            start, role = found
            starts.append((starts[-1][1] + start, at + 1, role))
    out = []
    ends = [start for start, _, _ in starts[1:]] + [len(text)]
    for (start, value, role), end in zip(starts, ends, strict=True):
        written = _unbracket(text[start:end].strip().rstrip(_SEPARATORS))
        rest = _unbracket(text[value:end].strip().rstrip(_SEPARATORS))
        if rest:
            out.append(ItemField(role, rest, written))
    return out


_SEPARATORS = " .;,-–"
# what may end a field before the next one's label: ";", ",", a dash between spaces, an
# opening bracket ("Chủ trì: Ban X (phối hợp: Văn phòng Y)")
_BEFORE_LABEL = re.compile(r"(?:[;,(\[]|\s[-–])\s*")
_PAIRS = {"(": ")", "[": "]"}


def _unbracket(value: str) -> str:
    """``value`` without the brackets around it ("(Ban Tuyên giáo)", "[Văn phòng]") and
    without a bracket left open or closed by a field cut out of it ("Ban X (" before
    "phối hợp: Y)")."""
    value = value.strip()
    while value and (value[-1] in "([" or (value[-1] in ")]" and _open(value) < 0)):
        value = value[:-1].rstrip(_SEPARATORS)
    if value[:1] in _PAIRS and value.endswith(_PAIRS[value[0]]) and _open(value[1:-1]) == 0:
        value = value[1:-1].strip()
    return value


def _open(text: str) -> int:
    """How many brackets ``text`` leaves open (below 0: closes more than it opens)."""
    return sum(text.count(a) - text.count(b) for a, b in _PAIRS.items())


def _next_label(text: str) -> tuple[int, str] | None:
    """Where in ``text`` (the value of a field up to a colon) the next field's label
    starts, and its role: after the last separator, or its last words when they start
    with a capital; None when the colon ends no item field's label ("8:00")."""
    separated = list(_BEFORE_LABEL.finditer(text))
    if separated:
        start = separated[-1].end()
        role = _field_role(text[start:])
        if role is not None:
            return start, role
    words = list(re.finditer(r"\S+", text))
    for k in range(max(0, len(words) - _ITEM_FIELD_WORDS), len(words)):
        start = words[k].start()
        if text[start].isupper() and (role := _field_role(text[start:])) is not None:
            return start, role
    return None


def sentences(parts: list[str]) -> str:
    """``parts`` (an item's text, its lines) joined as one text, each part ended as a
    sentence when a labelled field follows it ("... Trung ương Đoàn" then "Hạn hoàn
    thành: ..."): a field is never read as the end of the line before it."""
    out: list[str] = []
    for k, part in enumerate(parts):
        part, after = part.strip(), "".join(parts[k + 1 : k + 2])
        if part and after and part[-1] not in _SENTENCE_END and item_fields(after):
            part += "."
        out.extend([part] if part else [])
    return " ".join(out)


_SENTENCE_END = ".;:!?…"


def _field_role(label: str) -> str | None:
    """The role of an item's field labelled ``label`` ("Đơn vị phối hợp"); None when it
    labels no field of an item."""
    folded = _label(label)
    if not folded or len(folded.split()) > _ITEM_FIELD_WORDS:
        return None
    return next((role for role, pattern in _ITEM_FIELDS if pattern.match(folded)), None)


def _label(text: str) -> str:
    """``text`` folded to its words, as a column heading or a field's label is compared."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def is_task_header(cells: list[str]) -> bool:
    """Whether ``cells`` head a task table (a content column, and a who or when column)."""
    return _is_header([role_of(c) for c in cells])


def _is_header(roles: list[str | None]) -> bool:
    known = [r for r in roles if r is not None]
    return len(known) == len(roles) >= 3 and TEXT in known and (OWNER in known or TIME in known)


def read_tables(lines: list[Line]) -> list[Line]:
    """``lines`` with each task table's rows made into one marked line each."""
    out: list[Line] = []
    i = 0
    when = ""  # the plan's one time, stated before its table
    while i < len(lines):
        line = lines[i]
        when = plan_time(line.text) or when
        found = _markdown_table(lines, i, when)
        if found is not None:
            rows, i = found
            out.extend(rows)
            continue
        flat = _flat_table(line) if line.text.count("|") >= 3 else None
        if flat is not None:
            out.extend(flat)
            i += 1
            continue
        found = _cell_table(lines, i, when)
        if found is not None:
            rows, i = found
            out.extend(rows)
            continue
        out.append(line)
        i += 1
    return out


# --- a table as a file lays it out, merged cells and all (Word, a web page) ---------------

T = TypeVar("T")
_MAX_SPAN = 100  # the most columns or rows one cell is taken to span
_MAX_HEADER_ROWS = 3  # "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp", and one level more


@dataclass(frozen=True)
class Cell(Generic[T]):
    """A table's cell as a file lays it out: what it holds (``value``: its text, or the
    element that holds it), its ``text``, and how far it reaches: ``columns`` to the
    right (Word's gridSpan, HTML's colspan), ``rows`` down (HTML's rowspan); or it
    ``continues`` the cell above it in its column (Word's vMerge), holding nothing of
    its own."""

    value: T
    text: str
    columns: int = 1
    rows: int = 1
    continues: bool = False


@dataclass(frozen=True)
class TaskTable(Generic[T]):
    """A task table read from its cells as laid out: one heading a column, and its body
    rows, each with the value of the cell over each column (None where none starts)."""

    header: list[str]
    rows: list[list[T | None]]


@dataclass(frozen=True)
class _Slot(Generic[T]):
    """One column of one row of a table, and the cell that covers it."""

    cell: Cell[T]
    row: int  # the row the cell starts in
    first: bool  # the cell's first column


def task_table(rows: list[list[Cell[T]]]) -> TaskTable[T] | None:
    """The task table ``rows`` lay out, merged cells read as the eye reads them; None when
    they make no task table (no header that names a content and a who or when column).

    A header may take several rows: a heading merged over columns ("Đơn vị thực hiện")
    with a heading for each column below it ("Chủ trì" | "Phối hợp"), the headings
    merged down over those rows ("STT", "Thời gian") read once. In the body, a cell
    merged over several rows (one unit or one deadline for two tasks) is each row's;
    a cell merged over several columns is its first column's, the others are empty,
    as an empty cell keeps its column."""
    grid = _lay_out(rows)
    if not grid:
        return None
    height = 1
    while height < min(len(grid), _MAX_HEADER_ROWS) and _heads_on(grid, height):
        height += 1
    for size in range(height, 0, -1):
        header = [_heading([line[c] for line in grid[:size]]) for c in range(len(grid[0]))]
        if is_task_header(header):
            return TaskTable(header, [[_value(s, size) for s in line] for line in grid[size:]])
    return None


def _value(slot: _Slot[T] | None, body: int) -> T | None:
    """What a body row (from row ``body`` on) holds in ``slot``: the value of the cell
    over it in its first column, each row it spans; nothing in its other columns, or
    where a header cell reaches down."""
    return slot.cell.value if slot is not None and slot.first and slot.row >= body else None


def _lay_out(rows: list[list[Cell[T]]]) -> list[list[_Slot[T] | None]]:
    """The grid ``rows`` cover: each row's columns, a merged cell in each slot it covers,
    None where no cell is; every row as wide as the widest."""
    grid: list[list[_Slot[T] | None]] = []
    down: dict[int, tuple[_Slot[T], int]] = {}  # column -> a cell reaching down, rows left
    for r, cells in enumerate(rows):
        line: list[_Slot[T] | None] = []
        pending = list(cells)
        while pending or any(column >= len(line) for column in down):
            column = len(line)
            if column in down:
                slot, left = down.pop(column)
                if left > 1:
                    down[column] = (slot, left - 1)
                line.append(slot)
                continue
            if not pending:
                line.append(None)
                continue
            cell = pending.pop(0)
            above = grid[r - 1][column] if r and column < len(grid[r - 1]) else None
            start = above if cell.continues and above is not None else _Slot(cell, r, True)
            reach = min(cell.rows, _MAX_SPAN, len(rows) - r)
            for k in range(max(1, min(cell.columns, _MAX_SPAN))):
                slot = replace(start, first=start.first and k == 0)
                if reach > 1:
                    down[column + k] = (slot, reach - 1)
                line.append(slot)
        grid.append(line)
    width = max((len(line) for line in grid), default=0)
    return [line + [None] * (width - len(line)) for line in grid]


def _heads_on(grid: list[list[_Slot[T] | None]], height: int) -> bool:
    """Whether row ``height`` goes on with the header of the rows above it: a heading
    there is left open (empty, or merged over several columns), and each cell that
    starts in this row and says something names a column, alone ("Chủ trì", "Phối
    hợp") or with the heading over it ("Bắt đầu" under "Thời gian")."""
    if not any(s is None or not s.cell.text or s.cell.columns > 1 for s in grid[height - 1]):
        return False
    said = [
        _heading([line[c] for line in grid[: height + 1]])
        for c, s in enumerate(grid[height])
        if s is not None and s.row == height and s.first and s.cell.text.strip()
    ]
    return bool(said) and all(role_of(text) is not None for text in said)


def _heading(slots: list[_Slot[T] | None]) -> str:
    """A column's heading from its header slots, top to bottom: the lowest that says
    something ("Chủ trì" under "Đơn vị thực hiện", "STT" merged down over both), after
    the one over it when it names no column alone ("Thời gian Bắt đầu")."""
    texts = [slot.cell.text.strip() for slot in slots if slot is not None]
    said = [text for k, text in enumerate(texts) if text and text not in texts[:k]]
    if len(said) > 1 and role_of(said[-1]) is None:
        return f"{said[-2]} {said[-1]}"
    return said[-1] if said else ""


# --- a table on one line ---------------------------------------------------------------


def _flat_table(line: Line) -> list[Line] | None:
    cells = _split_cells(line.text)
    for start in range(len(cells)):
        preamble, first = _split_preamble(cells[start])
        width = _header_width(cells, start, first)
        if width:
            heads = [first, *cells[start + 1 : start + width]]
            roles = [role_of(c) for c in heads]
            body = [c for c in cells[start + width :]]
            rows = _rows(body, roles)
            if not rows:
                return None
            before = [*cells[:start], preamble]
            head = " | ".join(c for c in before if c)
            made = [replace(line, text=head)] if head else []
            when = plan_time(head)
            lines = [_row_line(line, k, row, (heads, roles), when) for k, row in enumerate(rows, 1)]
            return made + lines
    return None


def _split_preamble(cell: str) -> tuple[str, str]:
    """A first heading glued to the text before the table ("... CỤ THỂ: TT")."""
    words = cell.split()
    for k in range(min(len(words), 3), 0, -1):
        tail = " ".join(words[-k:])
        if role_of(tail) is not None and (k == len(words) or role_of(cell) is None):
            return " ".join(words[:-k]), tail
    return "", cell


def _header_width(cells: list[str], start: int, first: str) -> int:
    """How many cells from ``start`` make a header (0: none there)."""
    width = 0
    for k, cell in enumerate(cells[start:]):
        if role_of(first if k == 0 else cell) is None:
            break
        width = k + 1
    roles = [role_of(c) for c in [first, *cells[start + 1 : start + width]]]
    return width if _is_header(roles) else 0


def _rows(cells: list[str], roles: list[str | None]) -> list[list[str]]:
    """The rows of a table body: by its number column counting 1, 2, 3 … when it has
    one first, else by the header's width."""
    if roles[0] == NUMBER:
        starts = []
        expected = 1
        for k, cell in enumerate(cells):
            mark = _ROW_MARK.match(cell)
            if mark and int(mark["label"]) == expected:
                starts.append(k)
                expected += 1
        if starts:
            ends = [*starts[1:], len(cells)]
            return [cells[a:b] for a, b in zip(starts, ends, strict=True)]
        return []
    width = len(roles)
    return [cells[k : k + width] for k in range(0, len(cells) - width + 1, width)]


def _row_line(
    line: Line,
    index: int,
    row: list[str],
    header: tuple[list[str], list[str | None]],
    when: str = "",
    sub: int = 0,
) -> Line:
    """One row as a line "N. text", its cells kept by role (in the header's order; a
    row cut short keeps its first cells). ``header``: the columns' headings and their
    roles. A cell of a column no field takes ("Ghi chú", "Địa điểm") is kept with its
    heading ("Ghi chú: Gửi kèm biểu mẫu số 3"): the task keeps it (nothing in the table
    is lost). ``when``: the plan's one time, for a table without a time column."""
    heads, roles = header
    cells = _kept(row, roles)
    label = _number(row, roles) or str(index)
    if roles and roles[0] == NUMBER and cells:
        cells, roles, heads = cells[1:], roles[1:], heads[1:]
    label = f"{label}.{sub}" if sub else label
    # the lines of a "who" cell are kept: each may name a unit (UnitReader.listed);
    # any other cell's lines are one text
    by_role = [
        (r or OTHER, c if r in (OWNER, SUPPORT) else _other(h, c) if r == OTHER else _one_line(c))
        for r, h, c in zip(roles, heads, cells, strict=False)
        if c
    ]
    span = _time_span(roles, heads, cells)
    if span:  # "Bắt đầu" | "Kết thúc": one deadline, the span
        by_role = [(r, c) for r, c in by_role if r != TIME] + [(TIME, span)]
    if when and TIME not in roles:
        by_role.append((TIME, when))
    longest = _one_line(max(cells, key=len, default=""))
    text = " ".join(c for r, c in by_role if r == TEXT) or longest
    if text == longest:  # a row without a content cell: its longest cell is its text
        by_role = [(r, c) for r, c in by_role if r != OTHER or not c.endswith(f": {text}")]
    return replace(line, text=f"{label}. {text}", bold_lead=None, cells=tuple(by_role))


# the two columns of a time span: "Thời gian" over "Bắt đầu" | "Kết thúc", "Từ ngày" |
# "Đến ngày" (folded headings)
_SPAN_START = re.compile(r"\b(?:bat dau|tu ngay|tu)\b")
_SPAN_END = re.compile(r"\b(?:ket thuc|den ngay|den|hoan thanh)\b")


def _time_span(roles: list[str | None], heads: list[str], cells: list[str]) -> str:
    """A row's time when its header parts it into a start and an end column: "từ
    01/10/2024 đến 30/10/2024", "từ 01/10/2024" (a start alone is no deadline), or the
    end alone; "" when the header does not, or both cells are empty."""
    times = [
        (_label(h), _one_line(c).strip())
        for r, h, c in zip(roles, heads, cells, strict=False)
        if r == TIME
    ]
    if len(times) != 2:
        return ""
    (first, start), (second, end) = times
    if not (_SPAN_START.search(first) and _SPAN_END.search(second)):
        return ""
    if start and end:
        return f"từ {start} đến {end}"
    return f"từ {start}" if start else end


def _one_line(cell: str) -> str:
    return cell.replace("\n", " ")


def _other(heading: str, cell: str) -> str:
    """A cell of a column no field takes, as the task keeps it: "Ghi chú: ..."."""
    return f"{_one_line(heading).strip().rstrip(':')}: {_one_line(cell)}"


def _kept(row: list[str], roles: list[str | None]) -> list[str]:
    """A row's cells in the header's columns; a row cut short keeps its first cells."""
    return [c for c in row if c != ""] if len(row) != len(roles) else row


def _number(row: list[str], roles: list[str | None]) -> str:
    """A row's number as its number cell gives it ("1", "Bước 2": "2"); "" without one."""
    cells = _kept(row, roles)
    if not (roles and roles[0] == NUMBER and cells):
        return ""
    mark = _ROW_MARK.match(cells[0].replace("\n", " "))
    return mark["label"] if mark else ""


def _shared_numbers(rows: list[list[str]], roles: list[str | None]) -> list[int]:
    """Each row's place among the rows next to it that share its number (1, 2 ...: one
    number cell merged down over them, the rows of one item), 0 for a row alone."""
    numbers = [_number(row, roles) for row in rows]
    places: list[int] = []
    for k, number in enumerate(numbers):
        if number and k and numbers[k - 1] == number:
            places.append(places[-1] + 1)
        else:
            places.append(1 if number and numbers[k + 1 : k + 2] == [number] else 0)
    return places


_PLAN_TIME = re.compile(
    r"\bThời gian\s*:\s*(.+?)(?=\s+(?:Địa điểm|Thành phần|Nội dung|Đối tượng|Thời gian)\b|"
    r"[.;](?:\s|$)|$)",
    re.IGNORECASE,
)


def plan_time(text: str) -> str:
    """The one time a plan states before its table ("Thời gian: 14 giờ ngày 28/9/2012")."""
    found = _PLAN_TIME.search(text)
    return found.group(1).strip() if found else ""


# --- a table with one row per line ("| 1 | 9A | ... |", as HTML and Markdown give it) ----

# "| a | b |" (Markdown), or "a | b |" (trafilatura before 2.0): a row ends with "|"
_MD_ROW = re.compile(r"^\|?[^|]*(?:\|[^|]*)+\|$")
_MD_RULE = re.compile(r"^\|?(?::?-{3,}:?\|)+$")
# "a | b | c": a row pasted with its cells parted by " | " but no bars at its ends (what
# :func:`tab_rows` makes of a row copied from a web page or Word, cells parted by tabs)
_BARE_ROW = re.compile(r"^[^|]*(?:(?<!\\)\|[^|]*)+$")


def _markdown_table(lines: list[Line], i: int, when: str) -> tuple[list[Line], int] | None:
    """A task table written one row per line from ``i``: its rows as lines, and where
    the lines after it start. Rows without bars at their ends follow a header without
    them, and hold at least two cells and no more than it: prose with a "|" in it is
    no row, and no table without a header that names its columns."""
    bare = not _MD_ROW.match(lines[i].text)
    if bare and not _BARE_ROW.match(lines[i].text):
        return None
    heads = _md_cells(lines[i].text)
    roles = [role_of(c) for c in heads]
    if not _is_header(roles):
        return None
    k = i + 1
    rows: list[tuple[Line, list[str]]] = []
    while k < len(lines) and _is_row(lines[k].text, bare, len(roles)):
        if not _MD_RULE.match(lines[k].text.replace(" ", "")):
            rows.append((lines[k], _md_cells(lines[k].text)))
        k += 1
    places = _shared_numbers([row for _, row in rows], roles)
    out = [
        _row_line(line, n, row, (heads, roles), when, place)
        for n, ((line, row), place) in enumerate(zip(rows, places, strict=True), 1)
    ]
    return (out, k) if out else None


def _is_row(text: str, bare: bool, width: int) -> bool:
    if not bare:
        return bool(_MD_ROW.match(text))
    return bool(_BARE_ROW.match(text)) and 2 <= len(_md_cells(text)) <= width


def tab_rows(text: str) -> str:
    """``text`` with each task table whose cells are parted by tabs (a table copied from
    a web page or Word and pasted as text) written with " | " between its cells, as
    :func:`read_tables` reads a row on its line; no other line changes, so every line
    keeps its number. A table is known by its header (cells that name its columns,
    :func:`is_task_header`); its rows are the lines with a tab that follow it."""
    lines = text.split("\n")
    in_table = False
    for k, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2:
            in_table = False
            continue
        in_table = in_table or is_task_header([c for c in cells if c])
        if in_table:
            lines[k] = " | ".join(c.replace("|", "\\|") for c in cells)
    return "\n".join(lines)


def _md_cells(text: str) -> list[str]:
    inner = text.strip().removesuffix("|")
    return _split_cells(inner.removeprefix("|"))


# a "|" that parts two cells; one written "\|" (Markdown's escape, how a Word table's
# row keeps a "|" of its cell's text) is the cell's own
_CELL_BAR = re.compile(r"(?<!\\)\|")


def _split_cells(text: str) -> list[str]:
    """The cells of a row written on one line, parted by "|", each with its own
    escaped "\\|" given back as "|" and its line breaks ("<br>") as lines."""
    return [_LINE_BREAK.sub("\n", c.strip().replace("\\|", "|")) for c in _CELL_BAR.split(text)]


# a line break inside a cell of a row written on one line: Markdown's "<br>", and how a
# Word table's row keeps the paragraphs of its cells
_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def row_cell(text: str) -> str:
    """A cell's ``text`` as a row written on one line holds it (:func:`_split_cells`
    reads it back): its "|" escaped, its lines parted by "<br>"."""
    return text.replace("|", "\\|").replace("\n", "<br>")


# --- a table with one cell per line ------------------------------------------------------


def _cell_table(lines: list[Line], i: int, when: str) -> tuple[list[Line], int] | None:
    """A table whose header cells stand on lines of their own from ``i``: its rows as
    lines, and where the lines after it start."""
    texts: list[str] = []
    k = i
    while k < len(lines) and (lines[k].blank or role_of(lines[k].text) is not None):
        if not lines[k].blank:
            texts.append(lines[k].text)
        k += 1
        if len(texts) >= 8:
            break
    header = _merge_split_headings(texts)
    if header is None or header[1][0] != NUMBER:
        return None
    roles = header[1]
    cells: list[tuple[Line, str]] = []
    while k < len(lines):
        if not lines[k].blank:
            cells.append((lines[k], lines[k].text))
        k += 1
    body = [c for _, c in cells]
    rows = _rows(body, roles)
    if len(rows) < 2:
        return None
    # The last row ends where rows of this table end; what follows is the notice's.
    longest = max(len(roles), *(len(r) for r in rows[:-1]))
    rows[-1] = rows[-1][:longest]
    out = []
    position = body.index(rows[0][0])
    for n, row in enumerate(rows, 1):
        line = cells[position][0]
        pairs = _parallel_lists(row, roles)
        for sub, split in enumerate(pairs, 1):
            out.append(_row_line(line, n, split, header, when, sub if len(pairs) > 1 else 0))
        position += len(row)
    rest = [line for line, _ in cells[position:]]
    return out + rest, len(lines)


_LIST_LINE = re.compile(r"^[-+•–]\s+")


def _parallel_lists(row: list[str], roles: list[str | None]) -> list[list[str]]:
    """A row one cell per line whose cells hold lists ("- Tham gia lớp ...", "- Phân
    công ..." in the content cell, "- Thanh niên", "- BCH Chi Đoàn" in the who cell):
    a run of list lines is one cell, or two when halving it fills the columns better;
    when the content and who cells hold lists of one length, each rank is a row of
    its own ("Bước 2" gives 2.1 and 2.2). Otherwise the row as it was, lists joined."""
    if len(row) <= len(roles):
        return [row]
    grouped: list[list[str]] = []
    k = 0
    while k < len(row):
        run = k
        while run < len(row) and _LIST_LINE.match(row[run]):
            run += 1
        if run - k >= 2:
            grouped.append(row[k:run])
            k = run
        else:
            grouped.append([row[k]])
            k += 1
    runs = [g for g in grouped if len(g) >= 2 and len(g) % 2 == 0]
    if len(runs) == 1 and len(grouped) < len(roles):
        at, half = grouped.index(runs[0]), len(runs[0]) // 2
        grouped[at : at + 1] = [runs[0][:half], runs[0][half:]]
    if len(grouped) > len(roles) or TEXT not in roles or OWNER not in roles:
        return [row]
    jobs, who = grouped[roles.index(TEXT)], grouped[roles.index(OWNER)]
    if len(jobs) == len(who) >= 2:
        return [
            [_unlisted(g[j]) if g is jobs or g is who else " ".join(g) for g in grouped]
            for j in range(len(jobs))
        ]
    return [[" ".join(g) for g in grouped]]


def _unlisted(line: str) -> str:
    return _LIST_LINE.sub("", line)


def _merge_split_headings(texts: list[str]) -> tuple[list[str], list[str | None]] | None:
    """The headings and roles of a header whose headings may be split over two lines
    ("ĐỐI TƯỢNG" / "THỰC HIỆN"): lines are joined to the heading above when
    the two read as one heading of the same role or the second has no role
    of its own beyond repeating one already given."""
    heads: list[str] = []
    roles: list[str | None] = []
    for text in texts:
        role = role_of(text)
        if roles and role == OWNER and roles[-1] == OWNER and len(text.split()) <= 2:
            heads[-1] = f"{heads[-1]} {text}"  # "THỰC HIỆN" under "ĐỐI TƯỢNG"
            continue
        heads.append(text)
        roles.append(role)
    return (heads, roles) if _is_header(roles) else None
