"""Items that run on inside one line: "... như sau: 1. Sở A ... 2. Sở B ... 3. ...".

A notice copied from a web page often reaches us with its numbered items in
one long paragraph. An item mark inside a line ("2.", "(2)", "2/", "b)", "III.",
"- ", "• ", "Bước 3") is told from a number in a sentence by two things: it stands
after the end of a sentence or a colon and before a capital letter, and the
marks of one kind follow each other in order (1, 2, 3 …; a, b, c …; I, II,
III …), continuing the count of the lines above when there is one. A label
between brackets after ";" ("...: (1) Cán bộ ...; (2) Giảng viên ...") counts
inside one sentence, and is no item. A line is
cut before each mark of such a sequence; everything else about the line
(its number in the source) is kept, so problems still point at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from giaoban.importer.clean import Line
from giaoban.importer.structure import line_mark, lone
from giaoban.model.marks import BULLET, LETTER, LETTER_CLOSERS, PLUS, ROMAN_CLOSERS, form

_UPPER = "A-ZĐÀ-ỸẠ-Ỹ“\"'(\\["
# where a mark may stand: at a sentence end or a colon (or "…"), then spaces
_AFTER = r"(?:(?<=[.:;!?…])|(?<=\.\))|(?<=[.:;!?…][”\"]))\s+"
# a mark (group "mark", its label group "label") in any form of giaoban.model.marks
_NUMBER_MARK = form(r"\d{1,2}(?:\.\d{1,2}){0,2}")
_NUMBER = re.compile(_AFTER + rf"(?P<mark>{_NUMBER_MARK})\s*(?=[{_UPPER}])")
_LETTER = re.compile(_AFTER + rf"(?P<mark>{form(LETTER, LETTER_CLOSERS)})\s*(?=[{_UPPER}])")
_ROMAN_MARK = form("[IVX]{1,4}", ROMAN_CLOSERS)
_ROMAN = re.compile(_AFTER + rf"(?P<mark>{_ROMAN_MARK})\s*(?=[{_UPPER}])")
_STEP = re.compile(
    _AFTER + rf"(?P<mark>Bước\s+(?P<label>\d{{1,2}}))\s*[:.\-–]?\s*(?=[{_UPPER}])",
    re.IGNORECASE,
)
# a document's kind in capitals, heading a notice run on in one line with its title
_KIND = re.compile(r"(?<=\S)\s+(THÔNG BÁO|KẾ HOẠCH|CÔNG VĂN|HƯỚNG DẪN|KẾT LUẬN)\s+(?=[A-ZĐÀ-Ỹ])")
_HEAD = 300  # a heading stands this near the start of the line
# labels of the parts of a notice that follow its items
_BLOCK = re.compile(_AFTER + r"((?:Nơi nhận|Kính gửi|NƠI NHẬN|KÍNH GỬI)\s*:)")
_DASH = re.compile(_AFTER + rf"({BULLET}|{PLUS})\s+(?=[{_UPPER}])")

_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese list letters (no f, j, w, z)


def split_running(lines: Iterable[Line]) -> list[Line]:
    """``lines`` with each line cut before the item marks that run on inside it."""
    out: list[Line] = []
    counts = _Counts()
    for line in lines:
        # the line's own mark counts for the marks inside it ("2. ... 3. ...")
        counts.see(line.text)
        cuts = _cuts(line.text, counts)
        if not cuts:
            out.append(line)
            continue
        starts = [0, *cuts]
        for k, (a, b) in enumerate(zip(starts, [*cuts, len(line.text)], strict=True)):
            part = line.text[a:b].strip()
            if part:
                kept = line if k == 0 else replace(line, bold_lead=None)
                out.append(replace(kept, text=part))
                counts.see(part)
    return out


class _Counts:
    """The last number, letter and roman numeral that opened a line."""

    def __init__(self) -> None:
        self.number = 0
        self.letter = ""
        self.roman = ""

    def see(self, text: str) -> None:
        """Count a line that opens with a mark as the outline reads marks, or that holds
        a mark alone ("1." then the item's text on the next line)."""
        para = line_mark(Line(0, text)) or lone(Line(0, text))
        if para is None:
            return
        if para.kind == "number":
            self.number = int(para.label.split(".")[0])
        elif para.kind == "letter":
            self.letter = para.label
        elif para.kind == "roman":
            self.roman = para.label


def _cuts(text: str, counts: _Counts) -> list[int]:
    """Where ``text`` is cut: before each mark of a sequence found inside it."""
    if len(text) < 40:
        return []
    cuts: set[int] = set()
    numbers = _chain(_NUMBER, text, lambda label: int(label.split(".")[0]), counts.number)
    cuts.update(numbers)
    cuts.update(_chain(_LETTER, text, _letter_rank, _letter_rank(counts.letter)))
    cuts.update(_chain(_ROMAN, text, _roman_rank, _roman_rank(counts.roman)))
    cuts.update(_chain(_STEP, text, int, 0))
    cuts.update(m.start(1) for m in _BLOCK.finditer(text))
    cuts.update(_heading_cuts(text))
    dashes = [m.start(1) for m in _DASH.finditer(text)]
    if len(dashes) >= 2 or (dashes and text[: dashes[0]].rstrip().endswith(":")):
        cuts.update(dashes)
    return sorted(cuts)


def _heading_cuts(text: str) -> list[int]:
    """Before and after the kind of a document that heads the line ("... THÔNG BÁO Kết
    luận ..."), and after the sentence of its title."""
    kind = _KIND.search(text[:_HEAD])
    if kind is None:
        return []
    title_end = re.search(r"[.:]\s+(?=[A-ZĐÀ-Ỹ])", text[kind.end(1) :])
    cuts = [kind.start(1), kind.end(1)]
    return cuts + [kind.end(1) + title_end.end()] if title_end else cuts


def _chain(
    pattern: re.Pattern[str], text: str, rank: Callable[[str], int], before: int
) -> list[int]:
    """The positions of the longest run of marks numbered one after another
    (1, 2, 3 …; a sub-number "2.1" counts as its item "2"), starting at 1 or
    after ``before``, the count of the lines above. A run of one counts only
    when it continues that count."""
    marks = [(m.start("mark"), rank(m["label"])) for m in pattern.finditer(text) if _cut_at(m)]
    best: list[int] = []
    for i, (_, first) in enumerate(marks):
        if first not in (1, before + 1) or first <= 0:
            continue
        run, last = [marks[i][0]], first
        for position, value in marks[i + 1 :]:
            if value in (last, last + 1):
                run.append(position)
                last = value
        continued = before and first == before + 1
        if (len(run) >= 2 or continued) and len(run) > len(best):
            best = run
    return best


def _cut_at(mark: re.Match[str]) -> bool:
    """Whether ``mark`` may open an item: a label between brackets after ";" goes on
    counting inside a sentence ("... cho 4 nhóm: (1) Cán bộ quản lý; (2) Giảng viên
    ..."), where one after a sentence's end or a colon opens the items of a list."""
    if mark.groupdict().get("open") is None:
        return True
    return mark.string[: mark.start("mark")].rstrip()[-1:] != ";"


def _letter_rank(label: str) -> int:
    return _LETTERS.find(label) + 1 if label else 0


def _roman_rank(label: str) -> int:
    return _ROMANS.index(label) + 1 if label in _ROMANS else 0
