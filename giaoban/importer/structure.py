"""The body of a notice: paragraphs, numbering, sections and items.

Lines become paragraphs (a PDF text layer breaks lines in mid-sentence; a
blank line or a numbering mark starts a new paragraph; a mark alone on its
line opens the line after it). Paragraphs become an outline by their marks:
"I." (roman), "1." / "1)" / "1/" / "(1)" / "1 -" / "2.1." (numbers), "a)"
(letters), in every form of :mod:`giaoban.model.marks`, "-" / "•" / "■" / "→"
(bullets, :data:`giaoban.model.marks.BULLET`) and "+" (sub-bullets). Text without a
mark continues the item above it.

Numbering follows the convention of docs/format.md: a bullet's item number is
its parent's number and its place among the parent's bullets ("6.2" is the
second bullet under 6); a bullet that ends with ":" and has "+" sub-items is a
sub-heading whose sub-items continue the parent's count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from giaoban.importer.clean import Line
from giaoban.importer.tables import item_fields
from giaoban.model.marks import (
    BULLET,
    DIGIT_AFTER,
    LETTER,
    LETTER_CLOSERS,
    NUMBER,
    PLUS,
    ROMAN,
    ROMAN_CLOSERS,
    form,
    next_label,
    skipped_labels,
)
from giaoban.model.text import collapse_spaces

_ROMAN_FORM = form(ROMAN, ROMAN_CLOSERS)
_NUMBER_FORM = form(NUMBER, bare=True)
_LETTER_FORM = form(LETTER, LETTER_CLOSERS)
_ROMAN = re.compile(rf"^{_ROMAN_FORM}\s*(?P<rest>\S.*)$")
_NUMBER = re.compile(rf"^{_NUMBER_FORM}\s*(?P<rest>.*)$")
_LETTER = re.compile(rf"^{_LETTER_FORM}\s*(?P<rest>.*)$")
_BULLET = re.compile(rf"^{BULLET}\s*(.*)$")
_PLUS = re.compile(rf"^{PLUS}\s*(.*)$")
# a mark with nothing after it on its line ("1.", "(2)", "b)", "II.", "-"): its text is
# on the next line, as a web page or a PDF lays an item out
_LONE = tuple(
    re.compile(rf"^{mark}$")
    for mark in (_ROMAN_FORM, form(NUMBER), _LETTER_FORM, rf"(?:{BULLET}|{PLUS})")
)
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# Lines longer than this (at the 90th percentile) were never wrapped to a page's width:
# each is a paragraph. A PDF text layer or a typed text wraps at about 80 to 120.
_UNWRAPPED = 240
_SENTENCE_END = (".", ":", ";", "!", "?", "./.", "…")


PART = "Phần"  # the number of a part whose heading has none: "Phần 2"


@dataclass
class Para:
    kind: str  # part (capitals, no mark) | roman | number | letter | bullet | plus | text
    label: str  # "II", "2.1", "a", "" for bullets and text
    text: str
    line: int
    lead: str | None = None  # a bold lead ("**4. Công tác ...:** text")
    all_bold: bool = False
    cells: tuple[tuple[str, str], ...] = ()  # a task table's row (giaoban.importer.tables)


@dataclass
class Node:
    para: Para
    children: list[Node] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)  # unmarked paragraphs after the mark
    path: str = ""
    heading_bullet: bool = False  # a "-" sub-heading whose "+" items continue the count
    # a heading with no mark (kind "head"): the first item under it, which it sits above
    first: Para | None = None
    unnumbered: bool = False  # a paragraph with no mark, numbered by the importer

    @property
    def kind(self) -> str:
        return self.para.kind


def line_mark(line: Line) -> Para | None:
    """The item mark opening ``line`` as a paragraph of its kind, or None."""
    text = line.text
    if line.cells:
        label, _, rest = text.partition(". ")
        return Para("number", label, rest, line.number, cells=line.cells)
    roman = _ROMAN.match(text)
    if roman and (roman["rest"][:1].isupper() or roman["rest"][:1].isdigit()):
        return Para("roman", roman["label"], roman["rest"], line.number)
    number = _NUMBER.match(text)
    if number and _is_number_mark(number):
        rest = number["rest"]
        lead = _strip_label(line.bold_lead, number.group(0), rest)
        return Para("number", number["label"], rest, line.number, lead, line.all_bold)
    letter = _LETTER.match(text)
    if letter and letter["rest"][:1].isupper():
        return Para("letter", letter["label"], letter["rest"], line.number)
    plus = _PLUS.match(text)
    if plus and plus.group(1):
        return Para("plus", "", plus.group(1), line.number)
    bullet = _BULLET.match(text)
    if bullet and bullet.group(1) and not bullet.group(1)[:1].islower():
        return Para("bullet", "", bullet.group(1), line.number)
    return None


def _is_number_mark(match: re.Match[str]) -> bool:
    label, closer, rest = match["label"], match["closer"], match["rest"]
    if not rest:
        return False
    first = rest[:1]
    if closer is None and match["open"] is None:
        return "." in label and first.isupper()
    return (
        first.isupper()
        or first in "(“\"'"
        # "1. 100% đoàn viên ...", never "1 - 2 tuần" nor "2/3 số ..."
        or (first.isdigit() and closer in DIGIT_AFTER and match.group(0)[-len(rest) - 1] == " ")
    )


def lone_mark(line: Line) -> bool:
    """Whether ``line`` holds an item's mark and nothing else ("1.", "(2)", "b)", "-")."""
    return lone(line) is not None


def lone(line: Line) -> Para | None:
    """The mark ``line`` holds and nothing else, as a paragraph of its kind with no
    text ("1." is the number "1"), or None."""
    if line.cells:
        return None
    for kind, pattern in zip(("roman", "number", "letter", "bullet"), _LONE, strict=True):
        match = pattern.match(line.text)
        if match:
            return Para(kind, match.groupdict().get("label") or "", "", line.number)
    return None


def _strip_label(lead: str | None, whole: str, rest: str) -> str | None:
    if lead is None:
        return None
    number = whole[: len(whole) - len(rest)].strip()
    return lead[len(number) :].strip() if lead.startswith(number) else lead


def paragraphs(lines: list[Line]) -> list[Para]:
    """Join broken lines into paragraphs; every mark starts a new one."""
    lines = _join_lone_marks(lines)
    width = _typical_width(lines)
    paras: list[Para] = []
    gap = True
    previous: Line | None = None
    for line in lines:
        if line.blank or _PAGE_NUMBER.match(line.text):
            gap = gap or line.blank
            continue
        marked = line_mark(line)
        if marked is not None:
            paras.append(marked)
        elif paras and not _field_line(line) and _continues(paras[-1], previous, line, gap, width):
            paras[-1].text = f"{paras[-1].text} {line.text}"
        else:
            paras.append(Para("text", "", line.text, line.number, line.bold_lead, line.all_bold))
        gap = False
        previous = line
    for para in paras:
        para.text = collapse_spaces(para.text)
    return paras


def _join_lone_marks(lines: list[Line]) -> list[Line]:
    """``lines`` with each mark that stands alone on its line ("1." then the item's text
    on the next line) put in front of that text, as if written on one line; the line
    keeps the mark's number. A mark whose next line does not read as its item with it
    (text in lower case, another mark) stays as it was."""
    out: list[Line] = []
    held: list[Line] = []  # a lone mark, and the blank lines after it
    for line in lines:
        if held and line.blank:
            held.append(line)
            continue
        if held:
            joined = replace(line, number=held[0].number, text=f"{held[0].text} {line.text}")
            if not line.cells and line_mark(line) is None and line_mark(joined) is not None:
                out.append(joined)
                held = []
                continue
            out += held
            held = []
        if lone_mark(line):
            held = [line]
        else:
            out.append(line)
    return out + held


def _typical_width(lines: list[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines if not line.blank)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _field_line(line: Line) -> bool:
    """Whether ``line`` gives a field of the item above it on a line of its own ("Thời
    hạn: trước ngày 15/6/2024", "Đơn vị phối hợp: ..."): a paragraph of its own, as
    when a bullet marks it, never the end of the sentence before."""
    return line.text[:1].isupper() and bool(item_fields(line.text))


def _continues(para: Para, previous: Line | None, line: Line, gap: bool, width: int) -> bool:
    text = line.text
    ends = para.text.rstrip().endswith(_SENTENCE_END)
    if gap or width > _UNWRAPPED:
        # after a blank line, or in a text whose lines are whole paragraphs (a web
        # page's), only a sentence cut in the middle goes on
        return not ends and text[:1].islower()
    if previous is None or line.all_bold != previous.all_bold:
        return False
    if ends and (in_capitals(text) or _lead_line(text)):
        # "... trước ngày 30/4/2024." then "CÔNG TÁC VĂN PHÒNG" or "Giao Ban Phong trào:": a
        # heading, however long the line before
        return False
    short = len(previous.text) < 0.7 * width
    if text[:1].isupper() and short and (ends or len(previous.text) < 0.5 * width):
        return False
    # A numbered heading on its own line ("2. Các trường Mầm non, ...") then its text.
    heading = para.kind != "text" and para.text == _without_mark(previous)
    return not (heading and text[:1].isupper() and len(previous.text) < 0.8 * width)


def _lead_line(text: str) -> bool:
    """Whether a line is a short heading or lead-in of its own: one phrase of a few words
    ending with a colon ("Giao Ban Phong trào:", "Đối với Văn phòng:")."""
    return (
        text.endswith(":") and len(text.split()) <= _PART_WORDS and not _INNER_SENTENCE.search(text)
    )


def _without_mark(line: Line) -> str:
    marked = line_mark(line)
    return line.text if marked is None else marked.text


# --- the outline ----------------------------------------------------------------------

_LEVEL = {"part": -1, "roman": 0, "number": 1, "letter": 2, "bullet": 3, "plus": 4}


Heads = Callable[[str], bool]  # whether a heading's text names the units of its items


def outline(paras: list[Para], heads: Heads | None = None) -> tuple[list[Para], list[Node]]:
    """Split off the opening paragraphs and build the tree of marked paragraphs.

    Args:
        paras: the body's paragraphs.
        heads: whether a heading's text names the units that do the work of the items
            under it ("Giao Văn phòng Tỉnh đoàn:", "Đối với Ban Tổ chức", a bold unit's
            name): such a heading with no mark heads the items after it, up to the next.

    Returns:
        The opening paragraphs, and the outline's top-level items.
    """
    first = _first_item(paras)
    if 0 < first < len(paras) and (
        _part_heading(paras[first - 1], paras[first])  # "CÔNG TÁC TỔ CHỨC" then "1. ..."
        or _unit_heading(paras[first - 1], paras[first], heads)  # "Giao Ban X:" then "- ..."
    ):
        first -= 1
    intro, rest = paras[:first], paras[first:]
    roots: list[Node] = []
    stack: list[Node] = []
    for k, para in enumerate(rest):
        following = rest[k + 1 : k + 2]
        head = None
        if para.kind == "text" and following and _part_heading(para, following[0]):
            para = replace(para, kind="part")
        elif para.kind == "text" and following and _unit_heading(para, following[0], heads):
            para, head = replace(para, kind="head"), following[0]
        elif para.kind == "text" and stack and _leads_in(para, stack[-1], following):
            para = replace(para, kind=stack[-1].kind)
        if para.kind == "text":
            if stack:
                stack[-1].body.append(para)
            continue
        node = Node(para, first=head)
        parent = _parent(stack, node)
        (parent.children if parent is not None else roots).append(node)
        stack.append(node)
    _number(roots, "")
    return intro, roots


def _unit_heading(para: Para, following: Para, heads: Heads | None) -> bool:
    """Whether an unmarked paragraph heads the items after it as the units that do their
    work ("Giao Văn phòng Tỉnh đoàn:", "Đối với Ban Tổ chức - Kiểm tra:", a bold "Ban
    Phong trào", "VĂN PHÒNG TỈNH ĐOÀN"): a few words, one phrase ending with a colon, or
    bold, or in capitals, right before a marked item, and naming units (``heads``)."""
    text = para.text.rstrip()
    shaped = (
        _lead_line(text)
        or in_capitals(text)
        or (
            para.all_bold
            and len(text.split()) <= _PART_WORDS
            and not _INNER_SENTENCE.search(text)
            and not text.endswith(_SENTENCE_END)
        )
    )
    return (
        heads is not None
        and para.kind == "text"
        and following.kind != "text"
        and shaped
        and heads(text)
    )


_INNER_SENTENCE = re.compile(r"[.;!?]\s+\S")


def lift_trailing(roots: list[Node], alone: Callable[[str], bool]) -> None:
    """Make each paragraph after the last item that is a job of its own (``alone``:
    "Phòng Tài chính - Kế hoạch bố trí kinh phí ..., hoàn thành trước ngày 20/8/2024.")
    an item of its own after the last top-level item, numbered on from it in its form
    and marked ``unnumbered``, rather than the end of the last item: a text with no mark
    goes on with the item above it, but such a paragraph is no part of the last item's
    work. The paragraphs after one that is lifted go on with it."""
    if not roots:
        return
    last = roots[-1]
    while last.children:
        last = last.children[-1]
    before = last.para.text
    for k, para in enumerate(last.body):
        if before.rstrip().endswith(_JOB_END) and alone(para.text):
            lifted = last.body[k:]
            del last.body[k:]
            break
        before = para.text
    else:
        return
    for para in lifted:
        if alone(para.text):
            roots.append(Node(_next_item(roots, para), unnumbered=True))
        else:
            roots[-1].body.append(para)
    _number(roots, "")


_JOB_END = (".", ";", "!", "?", "./.", "…")


def _next_item(roots: list[Node], para: Para) -> Para:
    """``para`` as the item after ``roots``, in the form of the last of them ("3" after
    "1." "2.", "III" after "I." "II."; the next bullet when they are bullets)."""
    items = roots[-1].children if roots[-1].kind == "part" and roots[-1].children else roots
    kind = items[-1].kind
    labels = [n.para.label for n in items if n.kind == kind and n.para.label]
    if kind in ("roman", "number", "letter") and labels and "." not in labels[-1]:
        label = next_label(labels)
        if label is not None:
            return replace(para, kind=kind, label=label)
    return replace(para, kind="bullet", label="")


def _leads_in(para: Para, top: Node, following: list[Para]) -> bool:
    """Whether an unmarked paragraph between two runs of bullets opens a point of its
    own ("Chậm nhất ngày 30/9, các đoàn khoa báo cáo ... Hồ sơ gồm:" then "•" lines),
    rather than going on with the bullet above it."""
    return (
        top.kind in ("bullet", "plus")
        and para.text.rstrip().endswith(":")
        and bool(following)
        and following[0].kind == top.kind
    )


def _part_heading(para: Para, following: Para) -> bool:
    """Whether an unmarked paragraph is the heading of a part of the items, written in
    capitals with no number ("CÔNG TÁC VĂN PHÒNG" between items 2 and 3): a few words,
    every letter a capital, no sentence's end, and a top-level item right after it."""
    top = following.kind == "roman" or (following.kind == "number" and "." not in following.label)
    return para.kind == "text" and top and in_capitals(para.text)


def in_capitals(text: str) -> bool:
    """Whether ``text`` reads as a heading in capitals: a few words, every letter a
    capital, no sentence's end ("CÔNG TÁC VĂN PHÒNG", "CÔNG TÁC TỔ CHỨC:")."""
    text = text.rstrip(" :")
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= _PART_LETTERS
        and all(c.isupper() for c in letters)
        and len(text.split()) <= _PART_WORDS
        and not text.endswith(_SENTENCE_END)
    )


_PART_LETTERS = 4
_PART_WORDS = 12


def _first_item(paras: list[Para]) -> int:
    numbered = [i for i, p in enumerate(paras) if p.kind in ("roman", "number")]
    if numbered:
        return numbered[0]
    marked = [i for i, p in enumerate(paras) if p.kind != "text"]
    return marked[0] if marked else len(paras)


def _parent(stack: list[Node], node: Node) -> Node | None:
    """Pop ``stack`` to the node that ``node`` belongs under; return it."""
    while stack:
        top = stack[-1]
        if _belongs_under(node, top):
            return top
        stack.pop()
    return None


def _belongs_under(node: Node, top: Node) -> bool:
    if node.first is not None:  # a heading with no mark sits right above its first item
        if top.first is not None:
            return _depth(node.first) > _depth(top.first)
        return _belongs_under(Node(node.first), top)
    if top.first is not None:  # the items at the level of the heading's first, or deeper
        return _depth(node.para) >= _depth(top.first)
    kind, above = node.kind, top.kind
    if kind == "number" and above == "number":
        label, parent = node.para.label, top.para.label
        return label.startswith(parent + ".") and label.count(".") == parent.count(".") + 1
    if kind == "plus":
        return above in ("bullet", "number", "letter", "roman", "part")
    return _LEVEL[kind] > _LEVEL[above]


def _depth(para: Para) -> tuple[int, int]:
    """How deep an item of ``para``'s kind and label sits: "1.1" below "1"."""
    return _LEVEL[para.kind], para.label.count(".") if para.kind == "number" else 0


def _number(nodes: list[Node], prefix: str, parent: Node | None = None, count: int = 0) -> int:
    """Give ``nodes`` (the items under ``parent``, whose path is ``prefix``) and the items
    under them their paths; ``count``: the bullets counted so far at this level.

    Returns:
        The bullets counted at this level, for a heading's items to count on."""
    parts = 0
    for node in nodes:
        if node.kind == "part":
            # a part the text does not number: "Phần 1", "Phần 2" ...; its items keep
            # their own numbers
            parts += 1
            node.path = f"{PART} {parts}"
            _number(node.children, "", node)
            continue
        if node.kind == "head":
            # a heading with no mark ("Giao Văn phòng Tỉnh đoàn:") is a part of the items
            # at its place, which count on across headings as if it were not there
            parts += 1
            node.path = _join(prefix, f"{PART} {parts}")
            count = _number(node.children, prefix, parent, count)
            continue
        if node.kind == "roman":
            node.path = node.para.label
        elif node.kind == "number":
            label = node.para.label
            under_number = parent is not None and parent.kind == "number"
            node.path = _join(prefix, label.split(".")[-1] if under_number else label)
        elif node.kind == "letter":
            node.path = _join(prefix, node.para.label)
        elif _is_subheading(node):
            node.heading_bullet = True
            for child in node.children:
                count += 1
                child.path = _join(prefix, str(count))
                _number(child.children, child.path, child)
            continue
        else:
            step = _STEP.match(node.para.text)
            # "- Bước 4: ...": a bullet that prints its step's number keeps it
            count = int(step.group(1)) if step else count + 1
            node.path = _join(prefix, str(count))
        _number(node.children, node.path, node)
    return count


@dataclass(frozen=True)
class Gap:
    """Items whose numbers a list skips: none of ``missing`` (their paths) was read
    between the items ``before`` and ``after`` (paths); ``line``: where ``after`` is."""

    before: str
    after: str
    line: int
    missing: list[str]


def numbering_gaps(nodes: list[Node]) -> list[Gap]:
    """Where the outline's numbered items jump ("1." then "4."), at every level, in the
    order of the text: items the text skips, or that were not read. An item "2.1" with no
    item "2" above it still stands for 2 ("1." then "2.1." skips nothing)."""
    gaps: list[Gap] = []
    last: dict[tuple[str, str], tuple[str, str]] = {}  # (kind, head) -> (label, path)
    for node in nodes:
        for head, label, stem in _levels(node):
            before = last.get((node.kind, head))
            skipped = skipped_labels(before[0], label) if before is not None else []
            if before is not None and skipped:
                path = stem + label
                gaps.append(Gap(before[1], path, node.para.line, [stem + x for x in skipped]))
            last[(node.kind, head)] = (label, stem + label)
        gaps += numbering_gaps(node.children)
    return gaps


def _levels(node: Node) -> list[tuple[str, str, str]]:
    """The levels a numbered item's label counts at, as (the labels above, its label at
    that level, the path before that label): "2.1" at the top counts 2, then 1 under 2."""
    label, path = node.para.label, node.path
    if node.kind not in ("roman", "number", "letter") or not label or not path:
        return []
    parts = label.split(".") if node.kind == "number" else [label]
    if not path.endswith(label):  # a number under a number: its path ends with its last part
        stem = path[: len(path) - len(parts[-1])]
        return [(label[: len(label) - len(parts[-1])], parts[-1], stem)]
    stem = path[: len(path) - len(label)]
    return [
        ("".join(p + "." for p in parts[:k]), part, stem + "".join(p + "." for p in parts[:k]))
        for k, part in enumerate(parts)
    ]


_STEP = re.compile(r"(?:Bước|BƯỚC|bước)\s+(\d{1,2})\s*[:.\-–)]")


def _is_subheading(node: Node) -> bool:
    return (
        node.kind == "bullet"
        and node.para.text.rstrip().endswith(":")
        and bool(node.children)
        and all(c.kind == "plus" for c in node.children)
    )


def _join(prefix: str, label: str) -> str:
    return f"{prefix}.{label}" if prefix and label else prefix or label
