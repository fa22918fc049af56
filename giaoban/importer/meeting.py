"""The meeting a notice concludes: its date, place, name, chair and attendance.

Read from the opening paragraph ("Ngày 14/4/2022, cơ quan Trung ương Đoàn tổ
chức ... đồng chí Bùi Quang Huy, ... đề nghị ...") and, for attendance, from
the lines of a "Tình hình tham dự" section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from giaoban.importer.words import capitalized, fold_keep
from giaoban.model.text import collapse_spaces

_DATE = re.compile(
    r"\bngay\s*(\d{1,2})\s*(?:/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?|thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?)"
)
# a full date, dd/mm/yyyy (day, month and year in groups 1 to 3)
FULL_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PLACE = re.compile(r"\btai\s+(.+?)(?:,|\.|\s+dong chi\b)")
_CHAIR = re.compile(r"\b(?:dong chi|cac dong chi\s*:)\s+")
_CHAIR_VERBS = re.compile(
    r"\s+(?:da\s+)?(?:chu tri|ket luan|de nghi|phat bieu|yeu cau|thay mat|chi dao)\b"
)
_PERSON = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+")
_ATTENDEES = re.compile(r"\btham du\s+(?:hoi nghi\s+)?co\s+(.+?)(?:\.\s|\.$)")
_MEETING_NAME = re.compile(r"\bhoi nghi\b")
_PRESENT = re.compile(r"co mat\s*:?\s*(\d+)\s*/\s*(\d+)")
_ABSENT = re.compile(r"^vang\s+(co|khong)\s+phep\s*:?.*?\((?:gom\s+)?(.+)\)")


@dataclass
class Person:
    name: str
    position: str | None = None


@dataclass
class Meeting:
    date: date | None = None
    name: str | None = None
    place: str | None = None
    chair: list[Person] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    present: int | None = None
    total: int | None = None
    absent_excused: list[str] = field(default_factory=list)
    absent_unexcused: list[str] = field(default_factory=list)


def read_meeting(intro: str, title: str | None, year_hint: int | None) -> Meeting:
    """What the opening paragraph ``intro`` and the ``title`` say about the meeting."""
    meeting = Meeting()
    folded = fold_keep(intro)
    meeting.date = _meeting_date(folded, year_hint)
    match = _DATE.search(folded)
    if match:
        place = _PLACE.search(folded, match.end(), match.end() + 80)
        if place and intro[place.start(1)].isupper():
            meeting.place = intro[place.start(1) : place.end(1)].strip()
    meeting.name = _meeting_name(title or "")
    meeting.chair = _chairs(intro, folded)
    attendees = _ATTENDEES.search(folded)
    if attendees:
        text = intro[attendees.start(1) : attendees.end(1)]
        meeting.attendees = [capitalized(p.strip()) for p in text.split(";") if p.strip()]
    return meeting


def year_of_text(text: str) -> int | None:
    """The year of the first full date (dd/mm/yyyy) in ``text``."""
    match = FULL_DATE.search(text)
    return int(match.group(3)) if match else None


def _meeting_date(folded: str, year_hint: int | None) -> date | None:
    match = _DATE.search(folded)
    if not match:
        return None
    day = int(match.group(1))
    month = int(match.group(2) or match.group(4))
    year_text = match.group(3) or match.group(5)
    year = int(year_text) if year_text else year_hint
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _meeting_name(title: str) -> str | None:
    match = _MEETING_NAME.search(fold_keep(title))
    if not match:
        return None
    return capitalized(title[match.start() :].strip(" .,"))


def _chairs(intro: str, folded: str) -> list[Person]:
    for verb in _CHAIR_VERBS.finditer(folded):
        starts = [m.end() for m in _CHAIR.finditer(folded, 0, verb.start())]
        if not starts:
            continue
        segment = intro[starts[-1] : verb.start()]
        people = [_person(part) for part in re.split(r"\s+và\s+(?=[A-ZĐ])", segment)]
        found = [p for p in people if p is not None]
        if found:
            return found
    return []


def _person(segment: str) -> Person | None:
    match = _PERSON.match(segment.strip())
    if not match:
        return None
    rest = segment.strip()[match.end() :].strip(" ,–-")
    return Person(match.group(0), collapse_spaces(rest) or None)


def read_attendance(lines: list[str], meeting: Meeting) -> bool:
    """Fill attendance from lines such as "Tổng số đơn vị có mặt: 49/56"; True if any."""
    found = False
    for line in lines:
        folded = fold_keep(line)
        present = _PRESENT.search(folded)
        if present:
            meeting.present, meeting.total = int(present.group(1)), int(present.group(2))
            found = True
            continue
        absent = _ABSENT.search(folded)
        if absent:
            names = line[absent.start(2) : absent.end(2)]
            sep = ";" if ";" in names else ","
            units = [n.strip(" .") for n in names.split(sep) if n.strip(" .")]
            if absent.group(1) == "co":
                meeting.absent_excused = units
            else:
                meeting.absent_unexcused = units
            found = True
    return found


def is_attendance_line(line: str) -> bool:
    folded = fold_keep(line)
    return bool(_PRESENT.search(folded) or _ABSENT.search(folded))
