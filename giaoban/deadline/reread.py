"""Each scanned token read again against its neighbours, by a rule of its terminal.

The patterns of :mod:`giaoban.deadline.lexicon` read a token from its own
words; whether "ngày" after a number is a unit, "2 tuần tới" a count, "lớp
10" a label or "thứ 7" after "kỳ họp" an ordinal depends on the tokens around
it. :func:`giaoban.deadline.lexer._words` hands each scanned token whose
terminal has a rule in :data:`REREAD` to that rule, with its :class:`Place`;
the rule gives the token the grammar should see (retyped, reshaped, or as it
was), or None to leave it out, and may add to or change the tokens kept
before it. The rules of one terminal are tried in order; the first that
applies decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from giaoban.deadline.lexicon import RELATIVE
from giaoban.deadline.normalize import Text
from giaoban.deadline.passes import SIDES
from giaoban.deadline.tokens import Tok
from giaoban.model.text import fold

__all__ = ["EVERY", "REREAD", "Place"]

# Commas join the items of a list only between items of a list.
_LIST_ITEMS = frozenset({"NUM", "MDAY", "DATE"})
_PERIODS = frozenset(
    {"MONTH", "MONTHNAME", "MONTHLIST", "QUARTER", "WEEK", "YEAR", "YEARNUM", "HALF"}
)


# "2 tuần tới", "3 tháng tiếp theo": a count of units ahead of the notice
_REL_UNITS = {
    "RELWEEK": ("tuan", "rw"),
    "RELMONTH": ("thang", "rm"),
    "RELQUARTER": ("quy", "rq"),
    "RELYEAR": ("nam", "ry"),
}
_AHEAD = frozenset(word for word, count in RELATIVE.items() if count == 1)  # "tới", "sau"
_LINKS = {"truoc": "BEFORE", "sau": "AFTER"}  # "6 tháng trước/sau" + what it counts from
_COUNTED_FROM = frozenset(
    {"DATE", "MDAY", "REFDAY", "W", "UNIT", "TET", "WEEKDAY", "RELDAY", "TIME"}
)
# "trong tháng/quý/năm" alone is the notice's own period, except after a day of it.
_THIS_PERIOD = frozenset({"RELMONTH", "RELQUARTER", "RELYEAR"})
_DAYISH = frozenset({"MDAY", "WEEKDAY", "WEEKORD", "LASTDAY", "NUM", "DATE", "TIME", "UNIT"})


class Place(NamedTuple):
    """Where a scanned token stands: ``before`` is the last token kept (a rule may change or
    add to ``kept``), ``after`` the next one scanned, ``raw[i]`` the token itself."""

    before: Tok | None
    after: Tok | None
    raw: list[Tok]
    i: int
    kept: list[Tok]
    text: Text


# A rule for the tokens of one terminal: the token as the grammar should see it, or None to
# leave it out.
_Reread = Callable[[Tok, Place], Tok | None]


def _day_after_a_count(tok: Tok, at: Place) -> Tok | None:
    """ "trong 2 ngày 14 và 15-1-2022": the unit of the number before, then a day."""
    before, text = at.before, at.text
    if before is None or before.type != "NUM":
        return tok
    if not (text.low.startswith("ngày", tok.start) or text.low.startswith("ngay", tok.start)):
        return tok
    unit_end = tok.start + len(text.low[tok.start :].split()[0])
    at.kept.append(Tok("UNIT", tok.start, unit_end, {"u": "ngay"}))
    return _after_the_unit(tok, unit_end, text)


def _time(tok: Tok, at: Place) -> Tok | None:
    """ "trong vòng 24 giờ", "trong 2h", "trước giờ khai mạc 2 giờ": a count of hours, not the
    time of day; "từ 0 giờ ngày 1/7": the day from its start, as "từ ngày 1/7"."""
    before, text = at.before, at.text
    if _midnight_from(tok, before, at.after):
        return None
    if not (
        _counts_hours(tok, before, text)
        or _hours_from_event(tok, at.after, at.kept)
        or _warned_ahead(tok, before, at.after, text)
        or _hours_ahead_of_event(tok, at)
    ):
        return tok
    cut = tok.start + len(tok.parts["h"])
    at.kept.append(Tok("NUM", tok.start, cut, {"n": tok.parts["h"]}, tok.remark))
    unit_start = _next_word(text, cut)
    return Tok("UNIT", unit_start, tok.end, {"u": "gio"}, tok.remark)


def _midnight_from(tok: Tok, before: Tok | None, after: Tok | None) -> bool:
    """Whether ``tok`` is 0 giờ (00h00) right after "từ" and before its day: the day's start,
    no appointment ("bắt đầu từ 0 giờ ngày 01/7/2020" opens with the day, as "từ ngày ...")."""
    if before is None or after is None or before.type != "FROM" or after.type != "DATE":
        return False
    parts = tok.parts
    hour, minute = parts.get("h") or parts.get("ch"), parts.get("min") or parts.get("cm")
    told = "tpart" in parts or "cpart" in parts  # "0:00 sáng": a time of its own
    return hour is not None and int(hour) == 0 and int(minute or 0) == 0 and not told


def _to(tok: Tok, at: Place) -> Tok | None:
    if at.text.low[tok.start] == "-" and _between_words(at.before, at.after):
        return tok.retyped("W")  # "Ngày Thương binh - Liệt sĩ": a hyphen in a name
    return tok


def _from(tok: Tok, at: Place) -> Tok | None:
    if _inside_a_name(tok, at.before, at.raw[at.i + 1 :], at.text):
        return tok.retyped("W")  # "thời điểm bắt đầu bỏ phiếu": a verb of the event's name
    if at.after is not None and "nlo" in at.after.parts:
        return None  # "từ 3 - 5 ngày": a range of counts, not a start
    return tok


def _including(tok: Tok, at: Place) -> Tok | None:
    if not any(t.type in EVERY for t in at.raw):
        return None  # "trước ngày 5/3, kể cả thứ 7": a remark on a day, not on a duty
    return tok


def _unit(tok: Tok, at: Place) -> Tok | None:
    before = at.before
    if before is not None and "nhalf" in before.parts:
        # "nửa tháng" is 15 days, "nửa năm" 6 months, "nửa ngày" 12 hours
        n, unit = _HALVES[tok.parts["u"]]
        at.kept[-1] = Tok("NUM", before.start, before.end, {"n": str(n)}, before.remark)
        return Tok("UNIT", tok.start, tok.end, {"u": unit}, tok.remark)
    if "uh" in tok.parts or "uh2" in tok.parts:
        return Tok("UNIT", tok.start, tok.end, {"u": "gio"}, tok.remark)  # "48h"
    if before is not None and before.type == "WEEKORD":
        return tok.retyped("MONTHREF")  # "tuần lễ cuối tháng": of each month
    if before is None or before.type not in ("NUM", "PART"):
        # "ngay" without its accent is "at once", except after "kể từ", "trước", "đến"...:
        # "ke tu ngay het han" is "kể từ ngày hết hạn" (no one writes "kể từ ngay")
        bare = at.text.orig[tok.start : tok.end].lower() == "ngay"
        linked = before is not None and before.type in ("FROM", "LEAD")
        return Tok("NONE" if bare and not linked else "W", tok.start, tok.end)
    return tok


def _plural(tok: Tok, at: Place) -> Tok | None:
    if any(t.type == "DATE" and t.remark for t in at.raw[at.i + 1 :]):
        return None  # "các ngày thứ 7, chủ nhật (23, 24/3/2024)": those days, not every week
    return tok


def _part(tok: Tok, at: Place) -> Tok | None:
    before, after = at.before, at.after
    if getattr(before, "type", "") == "WEEKDAY" and after is not None:
        if after.type in ("RELWEEK", "WEEK"):
            return None  # "thứ 6 cuối tuần": that Friday, the end of the week it names
    return tok


def _working_time(tok: Tok, at: Place) -> Tok | None:
    _in_working_time(at.kept)
    return None


def _now(tok: Tok, at: Place) -> Tok | None:
    if at.before is not None and (at.before.get("tpart") or at.before.get("cpart")):
        return Tok("RELDAY", tok.start, tok.end, {}, tok.remark)  # "5 giờ chiều nay": today
    if at.before is not None and at.before.type in _PERIODS and tok.end - tok.start == 3:
        return None  # "trong nam 2025 nay": "này" typed without its mark, the period named
    return tok


def _adjacent_day(tok: Tok, at: Place) -> Tok | None:
    """ "năm ngày trước khai mạc": a count of days before the event, not the day before."""
    if at.before is None or at.before.type != "NUM":
        return tok
    text = at.text
    unit_end = tok.start + len("ngày")
    at.kept.append(Tok("UNIT", tok.start, unit_end, {"u": "ngay"}, tok.remark))
    link_start = _next_word(text, unit_end)
    return Tok("BEFORE" if "adj" in tok.parts else "AFTER", link_start, tok.end, {})


def _next_day(tok: Tok, at: Place) -> Tok | None:
    if at.before is not None and at.before.type == "NUM":
        # "02 ngày làm việc tiếp theo": a count of working days, not the next one
        return Tok("UNIT", tok.start, tok.end, {"u": "ngay", "lv": "lam viec"}, tok.remark)
    return tok


def _period(tok: Tok, at: Place) -> Tok | None:
    """A named or relative period: the name of a document, a count of units ahead of or
    around an event, or a period of each month."""
    before = at.before
    if tok.type == "RELWEEK" and fold(at.text.said(tok)) == "tuan":
        if getattr(before, "type", "") == "WEEKDAY":
            return None  # "thứ 6 cuối tuần": the week of the notice, as "thứ 6" alone
        return tok
    if tok.type in _NAMED_PERIODS and _names_a_document(before, at.raw[at.i + 1 :], at.text):
        return tok.retyped("W")  # "báo cáo quý I trước ngày 10/4": the report's name
    if tok.type in _REL_UNITS and before is not None and at.raw[at.i - 1].type == "NUM":
        return _units_ahead(tok, before, at)
    if tok.type in _THIS_PERIOD and not tok.parts and before and before.type in _DAYISH:
        # "ngày 15 trong tháng", "thứ 6 tuần cuối trong tháng": of each month, not this one
        return tok.retyped("MONTHREF" if tok.type == "RELMONTH" else "W")
    return tok


def _units_ahead(tok: Tok, before: Tok, at: Place) -> Tok:
    """A number, then a relative period: a count of its units."""
    after, text = at.after, at.text
    unit, group = _REL_UNITS[tok.type]
    word = tok.parts.get(group)
    if word in _LINKS and after is not None and after.type in _COUNTED_FROM:
        # "6 tháng trước ngày 15/7": six months before that day, not last month;
        # "báo cáo 6 tháng trước ngày 15/7": the report of six months, before that day
        link_start = tok.end - len(text.said(tok).split()[-1])
        unit_end = len(text.low[:link_start].rstrip())
        kind = "UNIT" if before.type == "NUM" else "W"
        at.kept.append(Tok(kind, tok.start, unit_end, {"u": unit}, tok.remark))
        return Tok(_LINKS[word], link_start, tok.end, {}, tok.remark)
    if word in _AHEAD and before.type == "NUM":  # "trong 2 tuần tới": from the notice
        return Tok("UNIT", tok.start, tok.end, {"u": unit}, tok.remark)
    return tok


def _num(tok: Tok, at: Place) -> Tok | None:
    before, after, text = at.before, at.after, at.text
    if _names_a_review(before, after, text) or _counts_an_anniversary(before, after, text):
        return tok.retyped("W")  # "Hội nghị sơ kết 6 tháng": the review's name, not a count
    if _labels(before, text) and not _opens_range(at.raw[at.i + 1 : at.i + 3]):
        if after is None or after.type != "UNIT" or _unmarked_number_word(tok, at.text):
            return tok.retyped("W")  # "lớp 10", "trọng tâm tháng": a label, not a number
    return tok


def _and(tok: Tok, at: Place) -> Tok | None:
    if at.text.low[tok.start] in ",;" and not _joins_list(at.before, at.after):
        return None  # a comma between no items of a list: punctuation
    return tok


def _week_ordinal(tok: Tok, at: Place) -> Tok | None:
    after_weekday = getattr(at.before, "type", "") == "WEEKDAY"
    if "wo3" in tok.parts:
        # "cuối tháng": the end of the month, unless a weekday before it is the last one
        return tok if after_weekday else _part_of_month(tok, at.text)
    if "wo2" in tok.parts and not after_weekday:
        return tok.retyped("W")  # "đầu tiên" names the n-th weekday only after a weekday
    return tok


def _weekday(tok: Tok, at: Place) -> Tok | None:
    if _counts_rounds(at.before, at.text) and "cn" not in tok.parts:
        return tok.retyped("W")  # "kỳ họp thứ 7", "lần thứ hai": the 7th session, not Saturday
    if _sunday_ordinal(tok, at):
        return tok.retyped("W")  # "Chúa nhật thứ 5 mùa Chay": the fifth Sunday, no Thursday
    if _feast_day(tok, at):
        return tok.retyped("W")  # "Chúa nhật lễ Lá": the feast's Sunday, not the coming one
    return tok


# A feast of the Church year right after a weekday, which names that weekday ("thứ Tư Lễ
# Tro", "thứ Năm Tuần Thánh", "Chúa nhật Phục Sinh"); after "Chúa nhật" any "lễ ..." or
# season ("Chúa nhật lễ Chúa Ba Ngôi", "Chúa nhật Mùa Vọng"), with up to five words of its
# name. Folded.
FEAST_DAY = re.compile(
    r"(?:thu\s+\w+\s+(?:le\s+tro|tuan\s+thanh)|chua\s+nhat\s+(?:le|mua|phuc\s+sinh))(?!\w)"
    r"(?:\s+(?!(?:tu|den|cho|va|hoac|ngay|luc|truoc|sau)(?!\w))[^\W\d_]+){0,5}"
)


# A season of the Church year, its days moving with Easter (or with Advent's first Sunday):
# a weekday in it ("các thứ Sáu Mùa Chay") names no day of the calendar. Folded.
CHURCH_SEASON = re.compile(r"(?<!\w)(?:mua\s+(?:chay|vong|phuc\s+sinh)|tuan\s+thanh)(?!\w)")


def _feast_day(tok: Tok, at: Place) -> bool:
    """Whether the weekday is a feast's, its day set by the Church's calendar (Easter moves),
    and no date is written in the phrase: the phrase stays unread, as "Chúa nhật thứ 5 mùa
    Chay" does ("thứ Hai lễ chào cờ", a school's weekly ceremony, stays Monday)."""
    if any(t.type == "DATE" for t in at.raw):
        return False
    return FEAST_DAY.match(fold(at.text.low), tok.start) is not None


def _sunday_ordinal(tok: Tok, at: Place) -> bool:
    """Whether "thứ N" numbers the Sunday right before it, nothing between, and a date
    written after names that Sunday ("Chúa nhật thứ 5 mùa Chay, ngày 29.03.2020"): a weekday
    list would need "và" or a comma. Without the date ("Chủ nhật thứ 2 Mùa Vọng", the
    liturgical year's count) the Sunday is not read as the coming one: the phrase stays
    unread."""
    before = at.before
    if before is None or before.type != "WEEKDAY" or "cn" not in before.parts:
        return False
    if "wd" not in tok.parts or at.text.low[before.end : tok.start].strip():
        return False
    return any(t.type == "DATE" for t in at.raw[at.i + 1 :])


def _nth_day(tok: Tok, at: Place) -> Tok | None:
    """ "ngày thứ 30 kể từ ngày nhận": a count of 30 days from what follows."""
    number_end = tok.end
    unit_end = tok.start + len("ngày")
    at.kept.append(Tok("NUM", unit_end, number_end, {"n": tok.parts["nth"]}, tok.remark))
    return Tok("UNIT", tok.start, unit_end, {"u": "ngay"}, tok.remark)


def _no_weekday(tok: Tok, at: Place) -> Tok | None:
    text = at.text
    if _counts_rounds(at.before, text) or fold(text.low[: tok.start]).endswith("ngay "):
        return tok.retyped("W")  # "lần thứ 8", "ngày thứ 8 kể từ ...": an ordinal
    return tok


def _counts_hours(tok: Tok, before: Tok | None, text: Text) -> bool:
    """Whether a clock time right after "trong (vòng, tối đa)", "ít nhất" or "tối thiểu" is a
    count of hours: a whole hour, no part of the day ("trong 8 giờ sáng" is the time; "sớm
    nhất 8 giờ" too: the earliest time, not the least count)."""
    if before is None or before.type != "LEAD" or set(tok.parts) != {"h"}:
        return False
    said = fold(text.said(before))
    return "in" in before.parts["words"].split() or said.endswith(_AT_LEAST)


_AT_LEAST = ("it nhat", "toi thieu")


def _warned_ahead(tok: Tok, before: Tok | None, after: Tok | None, text: Text) -> bool:
    """Whether a whole hour that ends the phrase right after "báo trước" (to give notice
    ahead: "thông báo trước 24 giờ") is a count of hours before an event not named, as
    "báo trước 30 ngày" counts days; with a day after it, it is the time of that day."""
    if before is None or before.type != "LEAD" or after is not None or set(tok.parts) != {"h"}:
        return False
    return before.parts["words"] == "before" and bool(
        _NOTICE.search(fold(text.low[: before.start]))
    )


_NOTICE = re.compile(r"\bbao\s*$")  # "báo trước", "thông báo trước"


# What may follow "trước" or "sau" after a whole hour for it to be a count: an event's name.
_EVENT_WORDS = frozenset({"W", "UNIT"})


def _hours_ahead_of_event(tok: Tok, at: Place) -> bool:
    """Whether a whole hour right before "trước" or "sau" and an event's name is a count of
    hours before or after it ("2 giờ trước giờ khởi hành", "có mặt 3 giờ trước khi khai
    mạc"), as "30 ngày trước khi hết hạn" counts days; not before a day ("8 giờ trước ngày
    15/3" names none: the time stays) nor after a link word ("trước 2 giờ sau khi ...")."""
    if set(tok.parts) != {"h"} or (at.before is not None and at.before.type != "W"):
        return False
    nxt = at.raw[at.i + 1 : at.i + 3]
    if len(nxt) < 2 or nxt[0].type not in ("BEFORE", "AFTER") or nxt[1].type not in _EVENT_WORDS:
        return False
    return all(t.type in _EVENT_WORDS for t in at.raw[at.i + 2 :])


def _hours_from_event(tok: Tok, after: Tok | None, tokens: list[Tok]) -> bool:
    """Whether a whole hour that ends the phrase right after an event's name is a count of
    hours before or after it ("trước thời điểm bắt đầu bỏ phiếu 24 giờ"), as "trước ngày
    thi 01 ngày" counts days."""
    if after is not None or set(tok.parts) != {"h"} or not tokens or tokens[-1].type != "W":
        return False
    lead = next((t for t in reversed(tokens) if t.type != "W"), None)
    return lead is not None and lead.type == "LEAD" and lead.parts["words"].endswith(SIDES)


_HALVES = {"thang": (15, "ngay"), "nam": (6, "thang"), "ngay": (12, "gio"), "gio": (30, "phut")}
# Words of a duty: "trừ" and "kể cả" in a phrase with one of them are about the duty's days.
EVERY = frozenset({"FREQ", "WORKDAYS", "PLURAL", "PERIODIC"})


def _in_working_time(tokens: list[Tok]) -> None:
    """ "72 giờ kể từ khi nhận (theo giờ làm việc hành chính)": the last count before the
    remark is counted in working time, as "72 giờ làm việc" would be."""
    for j in range(len(tokens) - 1, 0, -1):
        unit, num = tokens[j], tokens[j - 1]
        if unit.type == "UNIT" and num.type == "NUM":
            tokens[j] = Tok("UNIT", unit.start, unit.end, {**unit.parts, "lv": "lam viec"})
            return


def _between_words(before: Tok | None, after: Tok | None) -> bool:
    return before is not None and after is not None and before.type == after.type == "W"


def _inside_a_name(tok: Tok, before: Tok | None, then: list[Tok], text: Text) -> bool:
    """Whether "bắt đầu" stands between two words of an event's name that no day follows
    ("trước thời điểm bắt đầu bỏ phiếu 24 giờ"): a verb there, not "from". Before a day it
    labels a start ("Ngày bắt đầu lấy ý kiến: 27/07/2023"). Right after "trước khi", "sau khi"
    it begins the event's name ("trước khi bắt đầu hội nghị")."""
    if before is None or not then or then[0].type != "W":
        return False
    if before.type != "W" and not fold(text.said(before)).endswith(" khi"):
        return False
    if any(t.type in ("DATE", "MDAY", "WEEKDAY", "RELDAY") for t in then):
        return False
    return fold(text.said(tok)) == "bat dau"


def _next_word(text: Text, end: int) -> int:
    """Where the word after ``end`` begins (the spaces after ``end`` skipped)."""
    return len(text.low) - len(text.low[end:].lstrip())


def _after_the_unit(tok: Tok, unit_end: int, text: Text) -> Tok:
    """A day ("ngày 14", "ngày 28/4/2018") whose "ngày" was the unit of the number before."""
    start = _next_word(text, unit_end)
    if tok.type == "MDAY":
        return Tok(
            "NUM", start, tok.end, {"n": tok.parts.get("md") or tok.parts["mdt"]}, tok.remark
        )
    return Tok("DATE", start, tok.end, tok.parts, tok.remark)


_TIME_WORDS = frozenset(
    {"ngay", "tuan", "thang", "quy", "nam", "gio", "phut", "sang", "trua", "chieu", "toi", "dem"}
)  # a number after them is a day or a time ("sáng 05 và 06 tháng 12"), never a label


_EACH = ("moi ", "hang ", "tung ")  # "đầu mỗi tháng": that part of every month


def _part_of_month(tok: Tok, text: Text) -> Tok:
    """ "đầu / cuối" before "tháng" with no weekday before it: a part of the month, or of
    every month ("cuối mỗi tháng"), as the lexicon reads it elsewhere."""
    edge = tok.parts["wo3"]
    if fold(text.low[tok.end :]).startswith(_EACH):
        return Tok("MONTHPART", tok.start, tok.end, {"mp": edge}, tok.remark)
    return Tok("PART", tok.start, tok.end, {"part": edge}, tok.remark)


def _opens_range(then: list[Tok]) -> bool:
    """Whether a number is the first day of a range ("hoàn thành 1 - 4/1", "vào 24 đến
    25/5/2018"): followed by a dash or "đến" and a date."""
    return len(then) == 2 and then[0].type == "TO" and then[1].type == "DATE"


def _unmarked_number_word(tok: Tok, text: Text) -> bool:
    """Whether a number in words is typed without the marks that tell it from another word
    ("sau" after, "sáu" six; "nam", "năm"): after a word it is no count. A count in words with
    its marks, or in words that have none ("hai", "ba"), is one, as in digits ("trước khi tổ
    chức hai tuần", "thêm mười lăm ngày nữa")."""
    if "nw" not in tok.parts:
        return False
    written = text.said(tok).split()
    return any(word.isascii() and word not in ("hai", "ba") for word in written)


def _labels(before: Tok | None, text: Text) -> bool:
    """Whether a number right after ``before`` is a label ("lớp 10", "Điều 5").

    A number after a word about time ("ngày 32", "năm 99999") is a day, month
    or year the patterns could not read: never a label.
    """
    if before is None or before.type != "W":
        return False
    word = text.said(before).split()[-1]
    return word.isalpha() and fold(word) not in _TIME_WORDS


# Reviews named by the months or years they cover: "sơ kết 6 tháng", "tổng kết 5 năm".
_REVIEWS = frozenset({"so ket", "tong ket"})


def _names_a_review(before: Tok | None, after: Tok | None, text: Text) -> bool:
    """Whether a number of months or years right after "sơ kết" / "tổng kết" names the review
    ("trước Hội nghị sơ kết 6 tháng"), not a count before it."""
    if before is None or before.type != "W" or after is None or after.type != "UNIT":
        return False
    words = fold(text.low[: before.end]).split()
    return " ".join(words[-2:]) in _REVIEWS and after.get("u") in ("thang", "nam")


# Words after which a count of years numbers an anniversary, folded ("kỷ niệm 50 năm ngày
# thành lập", "chào mừng 80 năm Quốc khánh"): no length of time. Read as one, the due was 50
# years after the notice, or the event, silently.
_ANNIVERSARIES = frozenset({"ky niem", "chao mung"})


def _counts_an_anniversary(before: Tok | None, after: Tok | None, text: Text) -> bool:
    """Whether a number of years right after "kỷ niệm" or "chào mừng" numbers the
    anniversary ("dịp kỷ niệm 70 năm ngày thành lập ngành"), not a count of years."""
    if before is None or before.type != "W" or after is None or after.type != "UNIT":
        return False
    words = fold(text.low[: before.end]).split()
    return " ".join(words[-2:]) in _ANNIVERSARIES and after.get("u") == "nam"


# Documents named by the period they cover: "báo cáo quý I", "tổng kết năm học 2023-2024".
_DOCUMENTS = frozenset(
    {"bao cao", "so ket", "tong ket", "ke hoach", "danh gia", "quyet toan", "thong ke"}
)
_NAMED_PERIODS = frozenset(
    {*_PERIODS, "SEMESTER", "SCHOOLYEAR", "RELMONTH", "RELQUARTER", "RELYEAR", "RELSEMESTER"}
)
_DAYS = frozenset({"DATE", "MDAY", "TIME", "WEEKDAY", "RELDAY"})


def _names_a_document(before: Tok | None, then: list[Tok], text: Text) -> bool:
    """Whether a period right after "báo cáo", "tổng kết" ... names the document, when a day
    follows to say when it is due ("báo cáo tháng 3 trước ngày 5/4/2024"); without one the
    period is the time ("báo cáo trong quý I")."""
    if before is None or before.type != "W" or not any(t.type in _DAYS for t in then):
        return False
    words = fold(text.low[: before.end]).split()
    return " ".join(words[-2:]) in _DOCUMENTS


# Words that number rounds, sessions and courses: "thứ N" after them is an ordinal.
_ROUNDS = frozenset(
    {"lan", "khoa", "dot", "ky", "ki", "phien", "vong", "ky hop", "phien hop"}
    | {"vong dau", "luot", "luot dau", "tran", "tran dau"}  # "vòng đấu thứ 3": the third round
)


def _counts_rounds(before: Tok | None, text: Text) -> bool:
    """Whether "thứ N" right after ``before`` numbers a round ("Đại hội lần thứ 2", "kỳ họp
    thứ 7"); "họp thứ 7 hàng tuần" meets on Saturdays."""
    if before is None or before.type != "W":
        return False
    words = fold(text.low[: before.end]).split()
    return words[-1] in _ROUNDS or " ".join(words[-2:]) in _ROUNDS


def _joins_list(before: Tok | None, after: Tok | None) -> bool:
    if before is None or after is None:
        return False
    if before.type == "WEEKDAY":
        return after.type in ("NUM", "WEEKDAY")
    if before.type in _PERIODS:  # "cuối tháng 6, đầu tháng 7 năm 2020": a part opens the next
        return after.type in _PERIODS or after.type == "PART"
    return before.type in _LIST_ITEMS and after.type in _LIST_ITEMS


# The rules by the terminal they reread; the tokens of other terminals stand as scanned.
_PERIOD_RULED = frozenset({"RELWEEK", *_NAMED_PERIODS, *_REL_UNITS, *_THIS_PERIOD})
REREAD: dict[str, _Reread] = {
    "MDAY": _day_after_a_count,
    "DATE": _day_after_a_count,
    "TIME": _time,
    "TO": _to,
    "FROM": _from,
    "INCL": _including,
    "UNIT": _unit,
    "PLURAL": _plural,
    "PART": _part,
    "WORKTIME": _working_time,
    "NOW": _now,
    "ADJDAY": _adjacent_day,
    "NEXTDAY": _next_day,
    "NUM": _num,
    "AND": _and,
    "WEEKORD": _week_ordinal,
    "WEEKDAY": _weekday,
    "NOWEEKDAY": _no_weekday,
    "NTHDAY": _nth_day,
    **dict.fromkeys(_PERIOD_RULED, _period),
}
