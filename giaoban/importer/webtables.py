"""A web page's task tables laid out as the eye reads them, before its text is taken.

A page's table merges cells the way Word does: a header of two rows ("Đơn vị thực
hiện" over "Chủ trì" | "Phối hợp", with ``colspan`` and ``rowspan``), one unit or one
deadline over several rows (``rowspan``). Read as text, a merged cell is in its first
row only, and the rows below it lose it or shift their cells. So each task table
(:func:`giaoban.importer.tables.task_table`) with a merged cell is written again
before the page's text is read: one header row, then each row with a cell in every
column, a cell merged down over rows copied into each of them. Any other table, and
any page without a merged cell in a task table, is left as it was.
"""

from __future__ import annotations

import copy
from typing import Any

from giaoban.importer.tables import Cell, task_table
from giaoban.importer.wordbody import to_int

_SPAN_TO_END = 1_000  # rowspan="0": down to the table's last row


def unmerged_tables(page: str) -> str:
    """``page`` with each task table that merges cells written without merged cells; the
    page itself when none does (or when it cannot be parsed: then it is read as it is)."""
    # lxml comes with trafilatura (the "import" extra), imported where a page is read
    from lxml import etree, html

    try:
        parser = html.HTMLParser(encoding="utf-8")
        root = html.document_fromstring(page.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return page
    changed = False
    # the innermost table first: a table inside a cell is written before the cell is copied
    for table in reversed(list(root.iter("table"))):
        changed = _unmerge(table) or changed
    return html.tostring(root, encoding="unicode") if changed else page


def _unmerge(table: Any) -> bool:
    """Write ``table`` again without merged cells when it is a task table that has one."""
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    cells = [[_cell(td) for td in row.xpath("./td | ./th")] for row in rows]
    if not any(c.columns > 1 or c.rows > 1 for row in cells for c in row):
        return False
    found = task_table(cells)
    if found is None:
        return False
    new = table.makeelement("table", {})
    head = _added(new, "tr")
    for heading in found.header:
        _added(head, "th").text = heading
    for row in found.rows:
        line = _added(new, "tr")
        for td in row:
            line.append(_copy(td) if td is not None else line.makeelement("td", {}))
    new.tail = table.tail
    table.getparent().replace(table, new)
    return True


def _added(parent: Any, tag: str) -> Any:
    """A new empty element ``tag`` at the end of ``parent``."""
    child = parent.makeelement(tag, {})
    parent.append(child)
    return child


def _cell(td: Any) -> Cell[Any]:
    """A ``td`` or ``th`` as laid out: its text and the columns and rows it spans."""
    rows = to_int(td.get("rowspan"), 1)
    return Cell(
        td,
        " ".join(" ".join(td.itertext()).split()),
        columns=to_int(td.get("colspan"), 1),
        rows=_SPAN_TO_END if rows == 0 else rows,
    )


def _copy(td: Any) -> Any:
    """A body cell for one row: ``td`` as a ``td`` spanning nothing, its content kept."""
    out = copy.deepcopy(td)
    out.tag = "td"
    out.tail = None
    for name in ("rowspan", "colspan"):
        out.attrib.pop(name, None)
    return out
