"""The body of a Word file (.docx) as lines of text, every paragraph and table once, in
document order, wherever Word nests them.

Word wraps a body's paragraphs and tables in more than the body: content controls
(``w:sdt``, around paragraphs, table rows, cells or runs, as templates and e-office
forms make them), custom XML and smart tags, tables inside table cells. Runs sit in
hyperlinks, fields (``w:fldSimple``) and tracked insertions (``w:ins``, ``w:moveTo``); a
tracked deletion (``w:del``, ``w:moveFrom``) is no longer the text and is not read. So
the reader walks through any wrapper and skips only what is not text. A text box
(``w:txbxContent``) is anchored in a run and is a body of its own; Word stores it twice,
as the choice and the fallback of ``mc:AlternateContent``: only the first alternative
is read, and the box's paragraphs become lines of their own after the paragraph that
anchors it, never glued to its last word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from giaoban.importer.tables import Cell, row_cell, task_table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFF = frozenset({"0", "false", "off"})  # a w:val that turns a property off

# what holds no text of the body: properties, and text that a tracked change deleted
_NOT_TEXT = frozenset(
    ("sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "pPr", "rPr", "tblPr", "tblGrid")
    + ("trPr", "tcPr", "sectPr", "del", "moveFrom", "instrText")
)

Prefix = Callable[[Any], str]  # the number Word shows before a paragraph ("2. "), or ""


def w(tag: str) -> str:
    """``tag`` in the WordprocessingML namespace, as lxml names it."""
    return f"{{{W}}}{tag}"


def body_lines(parent: Any, prefix: Prefix) -> list[str]:
    """The paragraphs and tables under ``parent`` (a body, a cell, a text box) as lines,
    each paragraph after its list number (``prefix``) and followed by its text boxes."""
    lines: list[str] = []
    for block in under(parent, ("p", "tbl")):
        if block.tag == w("p"):
            text, boxes = _paragraph(block)
            lines.append(prefix(block) + text)
            for box in boxes:
                lines.extend(body_lines(box, prefix))
        else:
            lines.extend(_table_lines(block))
    return lines


def under(parent: Any, names: tuple[str, ...]) -> Iterator[Any]:
    """The elements named ``names`` (WordprocessingML) below ``parent``, in document order,
    through any wrapper (a content control, custom XML), not below a match."""
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str):  # an XML comment or processing instruction
            continue
        space, _, name = tag[1:].partition("}")
        if space == W and name in names:
            yield child
        elif space == _MC and name == "AlternateContent":
            yield from under(_first_alternative(child), names)
        elif name not in _NOT_TEXT:
            yield from under(child, names)


def _first_alternative(alternates: Any) -> Any:
    """The first of an ``mc:AlternateContent``'s alternatives (a choice, else the
    fallback): each one holds the same content."""
    return next(iter(alternates), alternates)


def _paragraph(p: Any) -> tuple[str, list[Any]]:
    """A paragraph's text and its text boxes (``w:txbxContent``), in order."""
    runs: list[tuple[str, bool]] = []
    boxes: list[Any] = []
    for run in under(p, ("r",)):
        text = "".join(_run_piece(node) for node in run)
        node = run.find(f"{w('rPr')}/{w('b')}")
        bold = node is not None and node.get(w("val"), "1").lower() not in OFF
        runs.append((text, bold))
        boxes.extend(under(run, ("txbxContent",)))
    return _with_bold_lead(runs), boxes


def _with_bold_lead(runs: list[tuple[str, bool]]) -> str:
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


def _run_piece(node: Any) -> str:
    """The text of one element of a run: text, a line break (a new line), a tab."""
    tag = node.tag
    if tag == w("t"):
        return str(node.text or "")
    if tag in (w("br"), w("cr")):
        return "\n"
    return " " if tag == w("tab") else ""


def _table_lines(table: Any) -> list[str]:
    """A Word table as lines: a task table its header then one row per line ("| 1 |
    Văn phòng | ... |"), as :func:`giaoban.importer.tables.task_table` reads its merged
    cells (a header of two rows, a cell merged down over rows in each of them), empty
    cells kept in their columns; any other table (the national heading beside the
    issuer, a layout table holding the notice) the lines of each cell in turn, a table
    inside a cell read as a table."""
    found = task_table([_row_cells(row) for row in under(table, ("tr",))])
    if found is not None:
        rows = [found.header, *([c or "" for c in row] for row in found.rows)]
        return ["| " + " | ".join(row_cell(c) for c in row) + " |" for row in rows]
    return [line for cell in under(table, ("tc",)) for line in body_lines(cell, _no_number)]


def _row_cells(row: Any) -> list[Cell[str]]:
    """A row's cells as laid out: each one's text, its paragraphs on lines of their own
    (a "who" cell names a unit a paragraph), the columns it spans (``w:gridSpan``) and
    whether it goes on with the cell above (``w:vMerge`` without "restart", and nothing
    of its own); the grid columns the row skips first (``w:gridBefore``) as empty cells."""
    before = row.find(f"{w('trPr')}/{w('gridBefore')}")
    skipped = to_int(before.get(w("val")) if before is not None else None, 0)
    cells: list[Cell[str]] = [Cell("", "", columns=skipped)] if skipped > 0 else []
    for cell in under(row, ("tc",)):
        texts = [t.replace("**", "").strip() for t in body_lines(cell, _no_number)]
        text = "\n".join(t for t in texts if t)
        span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
        merge = cell.find(f"{w('tcPr')}/{w('vMerge')}")
        continues = merge is not None and merge.get(w("val"), "continue") != "restart"
        columns = to_int(span.get(w("val")) if span is not None else None, 1)
        cells.append(Cell(text, text, columns=columns, continues=continues and not text))
    return cells


def _no_number(_p: Any) -> str:
    # a table's cells are read without Word's list numbers, as giaoban always read them
    return ""


def to_int(text: str | None, default: int) -> int:
    """``text`` as a number, or ``default`` when it is missing or not a number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
