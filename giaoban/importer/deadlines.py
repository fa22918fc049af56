"""Deadline phrases in an item's text.

Candidates are found on the fold of the text (so OCR text without diacritics
reads too): a date ("25/02/2019", "ngày 15 tháng 11 năm 2020") with its time
and lead words ("hoàn thành trước", "chậm nhất vào", "đến hết"), a range
("từ ngày A đến ngày B"), a period after a preposition ("trong tháng 4/2022",
"trong Quý I/2019", "trong tuần 16"), a weekly duty ("trước 14h00 thứ 6 hàng
tuần"), a time hung on an event or a holiday ("trước ngày thi", "ngay sau khi
kết thúc Đại hội", "trong dịp nghỉ Lễ"), or a word meaning no fixed deadline
("thường xuyên", "kịp thời"). Each is confirmed by the deadline engine and
kept verbatim; :func:`choose` picks the ones an item is due by. A date cited as a
document's date ("Hướng dẫn số 32-HD/ĐTN ngày 23/02/2021") is not a deadline; the day a
work celebrates ("chào mừng ngày 20/11", "kỷ niệm ngày 22/12") is one only when the item
gives no other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from giaoban.deadline import Deadline, DeadlineError, DeadlineSettings, parse_deadline
from giaoban.model.text import fold_keep

_D = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*(?:\d{4}|\d{2}(?!\d)))?(?![\d/])"
_DW = r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}(?:\s*(?:nam|/)\s*\d{4})?"
# a date with dashes or dots ("ngày 30-6", "ngày 20.7.2020"): only after "ngày", since
# "lớp 10-12" or "2.3" elsewhere are no dates
_DASHED = (  # the same mark twice, spelled out: a pattern may hold two dates
    r"ngay\s*\d{1,2}\s*(?:-\s*\d{1,2}(?:\s*-\s*\d{4})?|\.\s*\d{1,2}(?:\s*\.\s*\d{4})?)"
    r"(?![\d/]|[-.]\d)"
)
_DAY = rf"(?:(?:ngay\s*)?{_D}|{_DW}|{_DASHED})"
_TIME = r"\d{1,2}\s*(?:h|gio)\s*(?:\d{2})?\s*(?:phut)?(?:\s*(?:sang|chieu|toi|trua))?(?![a-z])"
_WEEKDAY = r"(?:thu\s*(?:[2-7]|hai|ba|tu|nam|sau|bay)|chu\s*nhat)"
# a day's weekday in brackets after it ("ngày 23/3/2020 (Thứ Hai)")
_ITS_WEEKDAY = rf"(?:\s*\(\s*{_WEEKDAY}\s*\))?"
# the part of a day before it ("từ buổi sáng ngày 23/3/2020")
_DAYPART = r"(?:(?:buoi\s*)?(?:sang|chieu|toi|trua)\s+)?"
# one end of a range: a day with the part of the day before it and its weekday after it
_END = rf"{_DAYPART}{_DAY}{_ITS_WEEKDAY}"
_PERIOD = (
    r"(?:thang\s*\d{1,2}(?:\s*/\s*\d{4}|\s*nam\s*\d{4})?(?![\d/])"
    r"|quy\s*(?:iv|i{1,3}|[1-4])(?:\s*[/.-]\s*\d{4}|\s*,?\s*nam\s*\d{4})?(?![a-z\d])"
    r"|tuan\s*\d{1,2}(?:\s*nam\s*\d{4})?(?![\d/])"
    r"|(?:\d|sau|ba|nhung|cac)\s*thang\s*(?:dau|cuoi)\s*nam(?:\s*\d{4})?)"
)
_LEAD = (
    r"(?:(?:hoan\s*thanh|hoan\s*thien|xong)\s+)?"
    r"(?:(?:cham\s*nhat|han\s*cuoi|han\s*chot|thoi\s*han|han)\s*:?\s*)?"
    r"(?:(?:truoc|vao|den\s*het|den|tu|trong|luc|toi)\s+)?"
)
# up to ten words of what a relative deadline hangs on, to the end of its clause
_WORDS = r"(?:\s+(?!gom\b|gui\b|de\b|theo\s+quy\b|ban\s+hanh\b)[^\s.;,()]+){0,10}"
# events a deadline may hang on: an exam, a meeting, a ceremony, the start of a course
_EVENT = r"(?:thi(?:\s+lai)?|hop|hoi\s+nghi|hoi\s+thi|khai\s+giang|le|dai\s+hoi)(?![\w])"
_PATTERNS = (
    ("range", rf"(?:tu\s+)?{_END}\s*(?:den|toi)\s*(?:het\s*)?{_END}"),
    (
        "weekly",
        rf"(?:tu\s+)?(?:{_TIME}\s*,?\s*)?(?:ngay\s*)?{_WEEKDAY}(?:\s*(?:den|-)\s*{_WEEKDAY})?"
        r"\s*,?\s*(?:tuan\s*\d\s*)?(?:hang|hang)\s*(?:tuan|thang)",
    ),
    (  # a clock time before or after its day ("14h00 ngày 5/3", "ngày 5/3 lúc 14h")
        "day",
        rf"(?:{_TIME}\s*,?\s*)?{_DAY}{_ITS_WEEKDAY}"
        rf"(?:\s*,?\s*(?:luc|vao\s+luc)\s+{_TIME})?",
    ),
    ("period", rf"(?:tu\s+)?{_PERIOD}(?:\s*den\s*{_PERIOD})?"),
    # a clock time or window with no day ("xong trước 14h00", "từ 8h đến 11h"): the engine
    # reads it with a day of the phrase ("chiều nay"), else the clerk is asked for the day
    ("clock", rf"(?:tu\s+)?{_TIME}(?:\s*(?:den|toi|-|–)\s*{_TIME})?(?:\s*(?:nay|mai)(?![a-z]))?"),
    (
        "relative",
        rf"(?:(?:cham\s*nhat\s+)?truoc\s+ngay\s+\d{{1,2}}\s+(?:cua\s+)?thang\s+lien\s+ke{_WORDS}"
        rf"|cung\s+voi\s+bao\s+cao{_WORDS}|theo\s+yeu\s+cau\s+ve\s+thoi\s+gian{_WORDS}"
        # before an event ("trước buổi thi", "trước ngày thi 01 ngày làm việc", "trước khi
        # thi lại"; "trước khi" before anything but an event is a condition)
        rf"|(?:cham\s*nhat\s+(?:la\s+)?)?truoc\s+(?:buoi|ngay|khi)\s+{_EVENT}"
        r"(?:\s+\d{1,2}\s+ngay(?:\s+lam\s+viec)?)?"
        # a time after an event ("trong vòng 01 ngày làm việc sau khi nhận được ...")
        rf"|trong\s+vong\s+\d{{1,2}}\s+ngay(?:\s+lam\s+viec)?\s+(?:sau\s+khi|ke\s+tu){_WORDS}"
        # right after an event ("ngay sau khi kết thúc Đại hội", "ngay sau đại hội đảng
        # các cấp") and during a holiday ("trong dịp nghỉ Lễ", "trong các ngày lễ sắp tới")
        rf"|ngay\s+sau\s+(?:khi\s+)?(?:ket\s+thuc\s+)?{_EVENT}{_WORDS}"
        rf"|trong\s+(?:dip|thoi\s+gian|nhung\s+ngay|cac\s+ngay)\s+(?:nghi\s+)?(?:le|tet){_WORDS}"
        # a time from the notice ("trong 02 tuần tới", "trong 3 tháng tiếp theo")
        r"|trong\s+(?:vong\s+)?\d{1,2}\s+(?:ngay|tuan|thang)(?:\s+lam\s+viec)?"
        r"\s+(?:toi|tiep\s+theo))",
    ),
    # the year of the work ("các chỉ tiêu, nhiệm vụ năm 2018"): kept only right after
    # a noun of work (_OF_WORK); a year standing alone is no deadline
    ("year", r"nam\s*\d{4}(?![\d/])(?!\s*[-–]\s*\d)"),
    (
        "ongoing",
        r"thuong\s*xuyen|kip\s*thoi|khan\s*truong|dinh\s*ky|(?:hang|hang)\s*nam"
        r"|trong\s*thoi\s*gian\s*som\s*nhat",
    ),
)
_LEAD_RE = re.compile(r"(?<![\w])" + _LEAD + r"$")
_STRONG = re.compile(r"^(?:hoan|xong|cham|han|thoi|truoc|den)")
_CITATION = re.compile(
    r"(?:\bso\s*:?\s*\d|\d+\s*/\s*[a-z]|[a-z]-[a-z]+\s*/|quyet dinh|nghi quyet|thong tu|"
    r"nghi dinh|cong van|chi thi|ke hoach so|huong dan so|luat)[^.;]{0,30}$"
)
_TRIM = " ,;:"
_URGENT = re.compile(r"(?:khan\s*truong|kip\s*thoi|trong\s*thoi\s*gian\s*som\s*nhat)$")
_WORK = r"(?:nhiem vu|cong viec|viec|chi tieu|ke hoach|chuong trinh|noi dung|ho so)"
# a year right after the work it is the year of ("nhiệm vụ năm 2018", "những công việc
# còn lại của năm 2018"); not after a document ("xây dựng kế hoạch năm 2024": the plan
# is for the year, not due at its end)
_OF_WORK = re.compile(
    r"(?<![\w])(?:nhiem vu|cong viec|viec|chi tieu)(?:\s+(?:con lai|cua|trong))*\s*$"
)
# a span inside a clause that describes the work acted on ("rà soát các nhiệm vụ cần
# lãnh đạo, chỉ đạo thực hiện hoàn thành trong tháng 12"): it says which work, and
# yields to the time a lead-in or a heading gives the job
_WORK_CLAUSE = re.compile(
    rf"(?<![\w])(?:cac|nhung)\s+{_WORK}\s+(?:can|phai|da|chua|duoc|con)\s[^;.:]{{0,60}}$"
)
# the words that name the day a work celebrates or marks ("chào mừng ngày 20/11", "kỷ niệm
# ngày 22/12", "nhân dịp ngày 8/3", "hướng tới kỷ niệm 93 năm ngày 26/3"): that day says
# which occasion, not when the work is due
_OCCASION = re.compile(
    r"(?<![\w])(?:chao mung|ky niem|nhan dip|huong toi|huong ve)"
    r"(?:\s+(?:ky niem|\d{1,3}\s+nam))*\s+$"
)
# a short label and its colon: the date after it is the label's value, the time of
# what the label names ("Tổ chức bốc thăm: 15h00, ngày 12/04/2012")
_LABEL = re.compile(r"(?:^|[.;]\s+)[^.;:,]{2,60}:\s*$")


@dataclass(frozen=True)
class Found:
    """A deadline phrase found in an item, with its reading."""

    phrase: str  # verbatim from the text
    start: int
    end: int
    reading: Deadline
    past: bool = False  # already over at the notice's date
    of_work: bool = False  # the time of the work acted on ("nhiệm vụ năm 2018"), see choose
    occasion: bool = False  # the day the work celebrates ("chào mừng ngày 20/11"), see choose

    @property
    def dated(self) -> bool:
        return self.reading.kind in ("date", "period") and self.reading.due is not None

    @property
    def describes(self) -> bool:
        """Whether the phrase tells which work rather than when it is due: the time of the
        work acted on, or the day it celebrates. It counts only when nothing else does."""
        return self.of_work or self.occasion


def find_deadlines(text: str, ref: date, settings: DeadlineSettings) -> list[Found]:
    """Every deadline phrase in ``text`` that the engine reads, in order."""
    return _candidates(text, ref, settings)[0]


def read_whole(text: str, ref: date, settings: DeadlineSettings) -> Found | None:
    """``text`` read as one deadline phrase, when the engine reads it all.

    For a table's time column, whose cell holds nothing but the time ("3 ngày
    từ ngày thông báo xác nhận hoàn thành thử thách"): a phrase the patterns
    above do not look for in running text is still the row's deadline there.
    """
    phrase = text.strip(_TRIM + " -")
    if not phrase:
        return None
    reading = parse_deadline(phrase, ref, settings)
    if isinstance(reading, DeadlineError):
        return None
    start = text.find(phrase)
    return Found(phrase, start, start + len(phrase), reading, _is_past(reading, ref, settings))


def unread_deadlines(text: str, ref: date, settings: DeadlineSettings) -> list[str]:
    """Phrases of ``text`` that look like deadlines and that the engine cannot read."""
    return _candidates(text, ref, settings)[1]


def _candidates(text: str, ref: date, settings: DeadlineSettings) -> tuple[list[Found], list[str]]:
    folded = fold_keep(text)
    spans = _spans(folded)
    found: list[Found] = []
    unread: list[str] = []
    for kind, start, end in spans:
        lead = _LEAD_RE.search(folded[max(0, start - 40) : start])
        lead_start = start - len(lead.group(0)) if lead else start
        opens = (
            folded.startswith(("tu ", "ngay"), start)
            or not text[:start].strip(" -+•:")
            or bool(_LABEL.search(folded[:start]))
        )
        # only a span describes the work ("... hoàn thành trong tháng 12"); a day it is
        # due by ("các hồ sơ chưa đủ, bổ sung trước ngày 15/10") is the job's own
        of_work = kind == "period" and bool(
            _WORK_CLAUSE.search(folded[max(0, lead_start - 160) : lead_start])
        )
        if kind == "year":
            if not _OF_WORK.search(folded[max(0, start - 60) : start]):
                continue
            of_work = True
        elif kind == "period" and lead_start == start and not opens:
            continue  # "kiểm tra 6 tháng đầu năm": a period with no preposition is no deadline
        if kind in ("day", "range", "clock") and lead_start == start:
            if not opens or _CITATION.search(folded[:start]):
                continue
        # the words of an occasion may hold a lead's word ("hướng tới ngày 26/3")
        named = _OCCASION.search(folded[:start]) if kind == "day" else None
        occasion = named is not None and named.start() <= lead_start
        strong = bool(_STRONG.match(folded[lead_start:end]))
        # a label's colon in the lead ("Thời hạn: trước ngày 30/4", "Hạn chót: 15/5"):
        # the deadline is the label's value, as with every other label
        label = folded.rfind(":", lead_start, start)
        lead_start = lead_start if label < 0 else label + 1
        phrase = text[lead_start:end].strip(_TRIM)
        lead_start = end - len(text[lead_start:end].lstrip(_TRIM))
        reading = parse_deadline(phrase, ref, settings)
        if isinstance(reading, DeadlineError):
            unread.append(phrase)
            continue
        past = _is_past(reading, ref, settings)
        if past and not (strong or not text[:lead_start].strip(" -+•")):
            continue
        found.append(Found(phrase, lead_start, end, reading, past, of_work, occasion))
    return found, unread


def _spans(folded: str) -> list[tuple[str, int, int]]:
    taken: list[tuple[str, int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in re.finditer(rf"(?<![\w/]){pattern}", folded):
            start, end = match.start(), match.end()
            if any(s < end and start < e for _k, s, e in taken):
                continue
            taken.append((kind, start, end))
    return sorted(taken, key=lambda span: span[1])


def _is_past(reading: Deadline, ref: date, settings: DeadlineSettings) -> bool:
    if reading.due is None:
        return False
    start_of_ref = datetime.combine(ref, time(0, 0), tzinfo=reading.due.tzinfo)
    return reading.due <= start_of_ref


def urgent(found: Found) -> bool:
    """Whether ``found`` only says how soon ("khẩn trương", "kịp thời"), not when."""
    return bool(_URGENT.match(fold_keep(found.phrase)))


def choose(found: list[Found], frame: Found | None = None) -> list[Found]:
    """The deadline(s) of an item: dated ones if any (several mean several tasks), else
    a past date written as a deadline, a recurring duty, a relative one, an ongoing word.

    A phrase that tells which work (:attr:`Found.describes`: "nhiệm vụ năm 2018",
    "chào mừng ngày 20/11") counts only when the item has no other; it and a word of
    urgency ("khẩn trương") yield to ``frame``, the time a lead-in or a heading gives the
    item.
    """
    if frame is not None and all(f.describes or urgent(f) for f in found):
        # "khẩn trương", "kịp thời" say how, not when: the frame's time still holds (a
        # standing duty's "thường xuyên", "định kỳ" does not yield)
        return [frame]
    return _choose([f for f in found if not f.describes] or found)


def _choose(found: list[Found]) -> list[Found]:
    upcoming = [f for f in found if f.dated and not f.past]
    if upcoming:
        distinct: list[Found] = []
        for f in upcoming:
            if all(f.reading.due != d.reading.due for d in distinct):
                distinct.append(f)
        return distinct
    for test in (
        lambda f: f.dated,
        lambda f: f.reading.kind == "recurring",
        lambda f: f.reading.kind == "relative",
        lambda f: f.reading.kind == "none",
    ):
        picked = [f for f in found if test(f)]
        if picked:
            return picked[:1]
    return []


def beside_duty(chosen: list[Found], every: list[Found]) -> tuple[list[Found], list[Found]]:
    """The deadlines of an item whose ``chosen`` dates stand beside a recurring duty of
    ``every`` ("báo cáo tiến độ trước 14h00 thứ 6 hàng tuần và báo cáo tổng kết trước
    ngày 30/6/2024"), and the dates that may bound the duty instead.

    :func:`choose` prefers a date, and the duty would be lost without a word: here the
    duty (one with a rule of its own) is a deadline beside each date, in the text's
    order, and several mean several tasks. A date opening with "đến"/"tới" right after
    the duty ("vào thứ 6 hàng tuần đến hết ngày 30/6/2024") may be the duty's last
    day: it is returned second, for the clerk to check, and the duty stays one task.

    Returns:
        The deadlines, and the dates that may bound the duty.
    """
    duties = [f for f in every if f.reading.rrule and not f.describes and not f.past]
    dated = [f for f in chosen if f.dated and not f.past]
    if not duties or not dated or any(f in chosen for f in duties):
        return chosen, []
    bounds = [f for f in dated if _bounds(f, duties)]
    kept = [f for f in dated if f not in bounds]
    return sorted([*duties[:1], *kept], key=lambda f: f.start), bounds


def _bounds(date_found: Found, duties: list[Found]) -> bool:
    """Whether ``date_found`` says when a duty of ``duties`` ends: it opens with
    "đến"/"tới" and follows the duty with nothing but a comma between."""
    if not re.match(r"(?:den|toi)(?![a-z])", fold_keep(date_found.phrase)):
        return False
    return any(0 <= date_found.start - d.end <= 3 for d in duties)
