"""The end of a notice: its recipients ("Nơi nhận"), the signer block, a web post's byline.

The body ends where the tail starts, and the tail is not in the draft's tasks: a
line taken for the tail by mistake takes the rest of the body with it. So a
line starts the tail only on evidence:

* the label "Nơi nhận" standing alone (a colon or the line's end after it, "Nơi
  nhận hồ sơ: ..." is the body's), with recipients after it;
* a line "TL.", "KT.", "TM.", "Q.", "TUQ." in capitals (ký thay, thừa lệnh ...);
* a signer's position ("CHÁNH VĂN PHÒNG", "GIÁM ĐỐC"), which a heading of the body
  may resemble ("CÔNG TÁC VĂN PHÒNG", "THÔNG BÁO"), only when a person's name
  follows it with nothing but the signer block's lines between, or nothing follows;
* a web post's author line, last in the text ("Nguyên Lộc - Văn phòng Tỉnh ủy").

Whatever stands after the start that none of these parts holds (an annex after
the signature, a line of the body the evidence was wrong about) is handed back in
:attr:`Tail.kept`, for the draft to keep and note: nothing lost, nothing hidden.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from giaoban.importer.clean import Line
from giaoban.importer.header import BULLET
from giaoban.importer.words import HEADS, fold_keep
from giaoban.model.marks import LETTER, LETTER_CLOSERS, NUMBER, ROMAN, ROMAN_CLOSERS, form
from giaoban.model.text import fold

POSITIONS = (
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Phó Văn phòng",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Giám đốc",
    "Phó Giám đốc",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Bí thư",
    "Phó Bí thư",
    "Bí thư thứ nhất",
    "Bí thư thường trực",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Bộ trưởng",
    "Thứ trưởng",
    "Hiệu trưởng",
    "Chánh Thanh tra",
    "Cục trưởng",
    "Vụ trưởng",
)
_POSITION_INDEX = {fold(p): p for p in POSITIONS}

# the label alone: "Nơi nhận:", "Nơi nhận" at the line's end, "Nơi nhận - Như trên;"
_NOI_NHAN = re.compile(r"^noi\s*nh\w*n\s*(?::|(?=[-+•–])|$)\s*(.*)$")
_ON_BEHALF = re.compile(r"^(?:tl|tm|kt|q|tuq)\s*\.\s*\S")
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+$")
# an item's mark opening a line: a line of the body, never of the tail
_ITEM_FORMS = ((NUMBER, r"[.)]|/(?=\s|$)"), (LETTER, LETTER_CLOSERS), (ROMAN, ROMAN_CLOSERS))
_ITEMS = tuple(re.compile(rf"^{form(label, closers)}(?=\s|$)") for label, closers in _ITEM_FORMS)
_PAGE = re.compile(r"^(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$")
_STAMP = re.compile(r"^\(.{1,60}\)$")  # "(đã ký)", "(Đã ký và đóng dấu)"
_LABEL = re.compile(r"^\w[\w\s]{0,30}:$")  # "Bản điện tử:", "Bản giấy:"
_SIGNER_WORDS = 10  # an office under the position ("CHỦ TỊCH UBND HUYỆN")
_SHORT_WORDS = 6  # a digital signature's stamp ("Sở Giáo dục và Đào tạo", its time)
_RECIPIENT_WORDS = 30  # a recipient longer than this is text of the notice
_CONTINUED_WORDS = 12  # the rest of a recipient broken over lines


@dataclass
class Tail:
    """What stands below the items: recipients and the signer block."""

    start: int
    recipients: list[str] = field(default_factory=list)
    on_behalf: list[str] = field(default_factory=list)
    position: str | None = None
    position_as_printed: str | None = None
    name: str | None = None
    kept: list[int] = field(default_factory=list)  # lines from start on no part holds


def read_tail(lines: list[Line], body_start: int) -> Tail:
    """Recipients (Nơi nhận) and the signer block at the end of the notice.

    Args:
        lines: the notice's cleaned lines.
        body_start: where the body starts (the tail is looked for below it).

    Returns:
        The tail; its ``start`` is where the body ends, its ``kept`` the lines from
        there on that are no part of the tail (blank lines and page numbers aside).
    """
    noi_nhan = _find_noi_nhan(lines, body_start)
    signer_at = _find_signer(lines, body_start, noi_nhan)
    byline = _byline(lines, body_start) if signer_at is None and noi_nhan is None else None
    start = min(i for i in (noi_nhan, signer_at, byline, len(lines)) if i is not None)
    tail = Tail(start=start)
    held = {byline} if byline is not None else set()
    if noi_nhan is not None:
        tail.recipients = _recipients(lines, noi_nhan, held)
    if signer_at is not None:
        _read_signer(lines, signer_at, tail, held)
    tail.kept = [i for i in range(start, len(lines)) if i not in held and not _empty(lines[i])]
    return tail


def _folded(line: Line) -> str:
    return fold_keep(line.text)


def _empty(line: Line) -> bool:
    return line.blank or bool(_PAGE.match(_folded(line)))


def _is_item(line: Line) -> bool:
    return any(item.match(line.text) for item in _ITEMS)


def _find_noi_nhan(lines: list[Line], body_start: int) -> int | None:
    """The first "Nơi nhận" label with recipients after it: on its line, or a bullet,
    the signer block or a name on the next line."""
    for i in range(body_start, len(lines)):
        label = _NOI_NHAN.match(_folded(lines[i]))
        if label is None:
            continue
        after = next((line for line in lines[i + 1 :] if not line.blank), None)
        if label.group(1) or after is None or BULLET.match(after.text):
            return i
        if _signs_for(after) or _position_of(after) is not None or _NAME.match(after.text):
            return i
    return None


# a web post's author line, last in the text: a person's name, a dash, their office
# ("Nguyên Lộc - Văn phòng Tỉnh ủy"); a unit's name ("Phòng Tài chính - Kế hoạch") is none
_BYLINE = re.compile(
    r"^(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,3})\s+[-–]\s+"
    r"[A-ZĐÀ-Ỹ][^.;:!?]{2,60}$"
)


def _byline(lines: list[Line], body_start: int) -> int | None:
    """Where a web post's author line stands, when the text ends with one."""
    last = next((i for i in range(len(lines) - 1, body_start, -1) if not lines[i].blank), None)
    if last is None:
        return None
    found = _BYLINE.match(lines[last].text)
    if found is None or HEADS.match(found["name"], fold_keep(found["name"]), 0):
        return None
    return last


def _find_signer(lines: list[Line], body_start: int, noi_nhan: int | None) -> int | None:
    """Where the signer block starts: below "Nơi nhận" when there is one, else (or when
    the block stands above its "Nơi nhận") anywhere below the body's start."""
    if noi_nhan is not None:
        found = _signer_in(lines, noi_nhan, len(lines), noi_nhan)
        return found if found is not None else _signer_in(lines, body_start, noi_nhan, noi_nhan)
    return _signer_in(lines, body_start, len(lines), None)


def _signer_in(lines: list[Line], start: int, stop: int, noi_nhan: int | None) -> int | None:
    for i in range(start, stop):
        if _signs_for(lines[i]):
            return i
    for i in range(start, stop):
        if _position_of(lines[i]) is not None and _signed_below(lines, i, noi_nhan):
            return i
    return None


def _signs_for(line: Line) -> bool:
    """Whether ``line`` is "TL. ...", "KT. ...", "TM. ...": in capitals, without a digit
    ("Q.1" is a district)."""
    text = line.text
    return bool(_ON_BEHALF.match(_folded(line))) and text.isupper() and not re.search(r"\d", text)


def _signed_below(lines: list[Line], at: int, noi_nhan: int | None) -> bool:
    """Whether the position on line ``at`` is the signer's: a person's name follows it
    with only lines of the signer block (or, below "Nơi nhận", of the recipients)
    between, or nothing follows it. A heading is followed by the body's text."""
    for j in range(at + 1, len(lines)):
        line = lines[j]
        if _empty(line) or _signer_line(line):
            continue
        if _NAME.match(line.text):
            return True
        below_noi_nhan = noi_nhan is not None and noi_nhan <= j
        if not (below_noi_nhan and _recipient_line(line)):
            return False
    return True


def _signer_line(line: Line) -> bool:
    """A line the signer block may hold besides the name: "TL. ...", a position, the
    office under it, a stamp "(đã ký)", a digital signature's short lines."""
    text = line.text
    if _is_item(line) or BULLET.match(text) or _NOI_NHAN.match(_folded(line)):
        return False
    words = len(text.split())
    return bool(
        _signs_for(line)
        or _position_of(line) is not None
        or (text.isupper() and words <= _SIGNER_WORDS)
        or _STAMP.match(text)
        or (words <= _SHORT_WORDS and not _NAME.match(text))
    )


def _recipient_line(line: Line) -> bool:
    """A line the recipients may hold: the label, a recipient, a label of a part
    ("Bản điện tử:"), the rest of a recipient broken over lines."""
    text = line.text
    words = len(text.split())
    if _NOI_NHAN.match(_folded(line)) or _LABEL.match(text):
        return True
    if BULLET.match(text):
        return words <= _RECIPIENT_WORDS
    return words <= _CONTINUED_WORDS and not _is_item(line)


def _position_of(line: Line, deputy: bool | None = None) -> str | None:
    """The signer's position on ``line``, read through typos ("CHỖ VĂN PHÒNG").

    After "KT." (ký thay) the signer is a deputy ("Phó ..."); otherwise a typo is
    read as the nearest position that is not a deputy's.
    """
    text = line.text
    if not text or not text.isupper() or len(text) > 40 or BULLET.match(text):
        return None
    key = fold(text)
    if key in _POSITION_INDEX:
        return _POSITION_INDEX[key]
    close = difflib.get_close_matches(key, list(_POSITION_INDEX), n=4, cutoff=0.7)
    if deputy is not None:
        close = [c for c in close if c.startswith("pho ") == deputy] or close
    return _POSITION_INDEX[close[0]] if close else None


def _is_deputy(on_behalf: list[str]) -> bool:
    return bool(on_behalf) and fold(on_behalf[-1]).startswith("kt")


def _read_signer(lines: list[Line], at: int, tail: Tail, held: set[int]) -> None:
    """The signer block from line ``at``: "TL. ..." lines, the position, the name. The
    lines it holds go into ``held``; the block's other lines (an office, a stamp) too
    once the name is found, or when they end the text (a name the OCR garbled)."""
    i = at
    while i < len(lines) and (lines[i].blank or _signs_for(lines[i])):
        if not lines[i].blank:
            tail.on_behalf.append(lines[i].text)
            held.add(i)
        i += 1
    block: list[int] = []
    ends = True  # whether the block's lines run to the end of the text
    for j in range(i, len(lines)):
        line = lines[j]
        if tail.position is None and _position_of(line) is not None:
            tail.position = _position_of(line, deputy=_is_deputy(tail.on_behalf))
            tail.position_as_printed = line.text
            held.add(j)
        elif tail.position is not None and _NAME.match(line.text):
            tail.name = line.text
            held.update([*block, j])
            return
        elif _signer_line(line):
            block.append(j)
        elif tail.position is not None and j not in held and not _empty(line):
            ends = False
    if tail.position is not None and ends:
        held.update(block)


def _recipients(lines: list[Line], at: int, held: set[int]) -> list[str]:
    """The recipients listed from the "Nơi nhận" line ``at``, up to the signer's name;
    the lines they are read from go into ``held``."""
    held.add(at)
    out: list[str] = []
    rest = _NOI_NHAN.match(_folded(lines[at]))
    first = lines[at].text[len(lines[at].text) - len(rest.group(1)) :] if rest else ""
    if BULLET.match(first):
        out.append(BULLET.sub("", first))
    for j in range(at + 1, len(lines)):
        line = lines[j]
        text = line.text
        if not text:
            continue
        if _NAME.match(text):
            break
        if BULLET.match(text) and _recipient_line(line):
            out.append(BULLET.sub("", text))
        elif _LABEL.match(text):
            pass
        elif out and not out[-1].endswith((";", ".")) and _continues(line):
            out[-1] = f"{out[-1]} {text}"
        else:
            continue
        held.add(j)
    return [r.rstrip(" ;.,") for r in out if r.rstrip(" ;.,")]


def _continues(line: Line) -> bool:
    """Whether ``line`` may be the rest of a recipient broken over lines: in lower case,
    or short, and neither an item nor a line of the signer block."""
    text = line.text
    if text[:1].islower():
        return True
    return _recipient_line(line) and not (text.isupper() or _signs_for(line) or _is_item(line))
