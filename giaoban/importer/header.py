"""The parts of a notice above its items: heading, title, number, date, addressees.

Every function reads the cleaned lines (see :mod:`giaoban.importer.clean`) and
returns plain values; what it cannot read it leaves as None for the draft to
flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from giaoban.importer.clean import Line
from giaoban.importer.furniture import posting
from giaoban.importer.words import ASSIGNS, DIVISIONS, fold_keep
from giaoban.model.marks import BULLET as BULLET_MARK
from giaoban.model.marks import PLUS, form
from giaoban.model.text import collapse_spaces, fold

HEADINGS = {
    "thong bao": "thông báo",
    "ke hoach": "kế hoạch",
    "huong dan": "hướng dẫn",
    "bao cao": "báo cáo",
    "quyet dinh": "quyết định",
    "to trinh": "tờ trình",
    "cong van": "công văn",
    "chuong trinh": "chương trình",
}
_HEADING = re.compile(r"^(" + "|".join(HEADINGS) + r")\b\s*(.*)$")
_MARK = form(r"\d+")  # an item's mark in any form ("1.", "(1)", "1/" ...) opens the body
_BODY_START = re.compile(
    r"^(?:ngay\s*\d|vao\s+ngay|sang\s+ngay|chieu\s+ngay|can\s+cu|thuc\s+hien|duoc\s+su|"
    rf"kinh\s+gui|sau\s+khi|tren\s+co\s+so|theo\s|nham\s|thay\s+mat|hom\s+nay|{_MARK}\s)"
)
_NUMBER = re.compile(r"^s[o6](?![a-z])\s*:?\s*(.*)$")
_PLACE_DATE = re.compile(
    r"^([a-z][a-z .'-]*?)\s*,\s*ngay\W*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})"
)
_MOTTO = re.compile(r"cong\s*hoa\s*xa|doc\s*lap\s*-?|tu\s*do\s*-|hanh\s*phuc")
BULLET = re.compile(rf"^(?:{BULLET_MARK}|{PLUS})\s*")
_NOT_ISSUER = re.compile(r"\d|^/")
_PLACE_WORDS = re.compile(rf"^(?:{'|'.join(sorted(DIVISIONS))})\b")


@dataclass
class Header:
    """What stands above the items."""

    kind: str | None = None
    heading_found: bool = False
    title: str | None = None
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: date | None = None
    addressees: list[str] = field(default_factory=list)
    body_start: int = 0


_TITLE_WORDS = 40  # a title longer than this is a sentence of the body


def _folded(line: Line) -> str:
    return fold_keep(line.text)


def read_header(lines: list[Line]) -> Header:
    """Heading, title, number, issuer, place and date of issue, addressees."""
    head = Header()
    top = min(len(lines), 60)
    last = 0
    heading_at = _find_heading(lines, top)
    if heading_at is not None:
        head.heading_found = True
        last = max(last, _read_title(lines, heading_at, head))
    last = max(last, _read_number(lines, top, head))
    last = max(last, _read_place_date(lines, top, head))
    last = max(last, _read_addressees(lines, top, head))
    stop = heading_at if heading_at is not None else top
    head.issuer = _read_issuer(lines, stop)
    if head.title is None:
        head.title, at = _first_line_title(lines, last)
        head.kind = _kind_from_title(head.title)
        last = max(last, at)  # the body starts after the addressees, wherever the title was
    head.body_start = last + 1
    if head.title is not None and not head.heading_found:
        work = next((i for i, line in enumerate(lines) if line.text == head.title), None)
        if work is not None and work <= last and _asks_at_length(lines[work]):
            head.body_start = work  # the title names a sentence of work; the body keeps it
    return head


def _find_heading(lines: list[Line], top: int) -> int | None:
    for i in range(top):
        line = lines[i]
        folded = _folded(line)
        match = _HEADING.match(folded)
        if match and line.text[: len(match.group(1))].isupper():
            return i
        if folded.startswith("v/v"):
            return i
    return None


def _stops_title(line: Line) -> bool:
    folded = _folded(line)
    return bool(
        _BODY_START.match(folded)
        or _NUMBER.match(folded)
        or _PLACE_DATE.match(folded)
        or _MOTTO.search(folded)
        or posting(line.text)
    )


def _read_title(lines: list[Line], at: int, head: Header) -> int:
    folded = _folded(lines[at])
    parts: list[str] = []
    if folded.startswith("v/v"):
        head.kind = "công văn"
        parts.append(lines[at].text)
    else:
        match = _HEADING.match(folded)
        assert match is not None
        head.kind = HEADINGS[match.group(1)]
        rest = lines[at].text[len(match.group(1)) :].strip()
        if rest:
            parts.append(rest)
    i = at + 1
    while i < len(lines) and len(parts) < 6:
        line = lines[i]
        if line.blank:
            if parts:
                break
            i += 1
            continue
        if (parts or i > at + 1) and (_stops_title(line) or BULLET.match(line.text)):
            break
        parts.append(line.text)
        i += 1
    if parts:
        head.title = collapse_spaces(" ".join(parts))
        if head.kind == "thông báo" and "ket luan" in fold(head.title):
            head.kind = "thông báo kết luận"
    return i - 1


def _first_line_title(lines: list[Line], last: int) -> tuple[str | None, int]:
    """Without a heading, the first line that is no other part of the header
    ("Kính gửi", a number, a place and date) up to ``last``; else the first line."""
    for line_no, line in enumerate(lines[: last + 1]):
        folded = _folded(line)
        if line.blank or folded.startswith("kinh gui") or BULLET.match(line.text):
            continue
        if _NUMBER.match(folded) or _PLACE_DATE.match(folded):
            continue
        return line.text, line_no
    for line_no, line in enumerate(lines):
        if not line.blank:
            return line.text, line_no
    return None, 0


def _asks_at_length(line: Line) -> bool:
    """Whether ``line`` is a sentence of work, not a title: a request or an
    assignment in a line longer than a title runs ("Tại cuộc họp, đồng chí ...
    yêu cầu các Ban ...")."""
    return len(line.text.split()) > _TITLE_WORDS and bool(ASSIGNS.search(_folded(line)))


def _kind_from_title(title: str | None) -> str | None:
    folded = fold(title or "")
    for word, kind in (("so ket", "sơ kết"), ("tong ket", "tổng kết")):
        if folded.startswith(word):
            return kind
    return None


def _read_number(lines: list[Line], top: int, head: Header) -> int:
    for i in range(top):
        match = _NUMBER.match(_folded(lines[i]))
        if not match or len(lines[i].text) > 60:
            continue
        value = lines[i].text[len(lines[i].text) - len(match.group(1)) :].strip()
        last = i
        following = _next_nonblank(lines, i)
        if not value and following is not None:
            value, last = lines[following].text, following
            following = _next_nonblank(lines, following)
        if value and "/" not in value and following is not None:
            if lines[following].text.startswith("/"):
                value, last = f"{value} {lines[following].text}", following
        if value and any(ch.isdigit() for ch in value):
            head.number = collapse_spaces(value)
            return last
    return 0


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if not lines[j].blank:
            return j
    return None


def _read_place_date(lines: list[Line], top: int, head: Header) -> int:
    for i in range(top):
        match = _PLACE_DATE.match(_folded(lines[i]))
        if not match:
            continue
        try:
            head.date = date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
        except ValueError:
            continue
        head.place = lines[i].text[: match.end(1)].strip()
        return i
    return 0


def _read_addressees(lines: list[Line], top: int, head: Header) -> int:
    for i in range(top):
        folded = _folded(lines[i])
        if not folded.startswith("kinh gui"):
            continue
        rest = lines[i].text[len("kinh gui") :].lstrip(" :")
        if rest and BULLET.match(rest):
            # "Kính gửi: - A" with "- B" on the lines below: a list, its first on this line
            head.addressees.append(BULLET.sub("", rest).rstrip(" .;"))
            return _addressee_bullets(lines, i, head)
        if rest:
            return _addressee_lines(lines, i, rest, head)
        return _addressee_bullets(lines, i, head)
    return 0


def _addressee_lines(lines: list[Line], i: int, rest: str, head: Header) -> int:
    parts = [rest]
    j = i + 1
    while j < len(lines) and not lines[j].blank and not _stops_title(lines[j]):
        parts.append(lines[j].text)
        j += 1
    head.addressees = [collapse_spaces(" ".join(parts)).rstrip(" .;")]
    return j - 1


def _addressee_bullets(lines: list[Line], i: int, head: Header) -> int:
    last = i
    for j in range(i + 1, min(len(lines), i + 15)):
        line = lines[j]
        if line.blank or _MOTTO.search(_folded(line)) or _PLACE_DATE.match(_folded(line)):
            continue
        if not BULLET.match(line.text):
            if head.addressees:
                break
            continue
        head.addressees.append(BULLET.sub("", line.text).rstrip(" .;"))
        last = j
    return last


def _read_issuer(lines: list[Line], stop: int) -> str | None:
    parts: list[str] = []
    for line in lines[:stop]:
        folded = _folded(line)
        number = _NUMBER.match(folded)
        if line.blank or _PLACE_DATE.match(folded):
            continue
        if number and (not number.group(1) or any(c.isdigit() for c in folded)):
            continue
        motto = _MOTTO.search(folded)
        text = line.text[: motto.start()].strip(" -") if motto else line.text
        if not text or not text.isupper() or len(parts) >= 5 or _NOT_ISSUER.search(text):
            continue
        parts.append(text)
    if not parts:
        return None
    issuer = parts[0]
    for part in parts[1:]:
        joiner = " " if _PLACE_WORDS.match(fold(part)) or len(parts) > 2 else " - "
        issuer = f"{issuer}{joiner}{part}"
    return collapse_spaces(issuer)
