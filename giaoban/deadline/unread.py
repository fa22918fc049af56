"""Words about time the reading would leave out: the guard of the fifteenth work.

Filler (``W``) is left out of a reading (:mod:`giaoban.deadline.lexer`); most of it names
no time ("nộp báo cáo", "lớp 10"). But a word about time left out beside a day or a period
the reading uses changes that day ("ngày đầu tiên của tháng sau" is not the whole month), so
a reading that drops it would be confident and wrong. Such a phrase is an error naming the
words not understood, the clerk pins the date (``due:``).

The words are matched as written with their marks: without them, "nam", "sau", "toi" are
as often a name, six or "I" (those phrases keep their reading).
"""

from __future__ import annotations

import re

from giaoban.deadline.normalize import Text
from giaoban.deadline.tokens import Tok, words_value
from giaoban.model.text import fold, loose

__all__ = [
    "blank_to_fill",
    "count_told_twice",
    "events_day_unlinked",
    "numbered_by_a_word",
    "occasion_without_days",
    "other_calendar_day",
    "period_said_elsewhere",
    "remark_days_left_out",
    "uncounted_start",
    "unread_time_words",
    "vision_horizon",
]

# Part words, ordinal words and relative words: each changes the day or period beside it.
_PART = frozenset({"đầu", "giữa", "cuối", "đầu tiên", "cuối cùng", "tiên", "cùng"})
# "gần" as in "2 tháng gần đây", "3 ngày gần nhất": the last ones, counted back from the notice
_RELATIVE = frozenset({"qua", "kia", "gần"})
# Unit words: "năm qua", "hôm kia" name a period the engine does not read.
_UNITS = frozenset({"năm", "tháng", "tuần", "quý", "hôm", "ngày"})
# Periods a part or ordinal word before them changes ("đầu tiên của tháng sau"); a single day
# it does not ("ngày cuối cùng của ngày 31/3" is that day).
_PERIODS = frozenset(
    {"MONTH", "MONTHNAME", "RELMONTH", "RELQUARTER", "RELWEEK", "RELYEAR", "QUARTER", "YEAR",
     "WEEK", "FREQ", "SEMESTER", "RELSEMESTER"}
)  # fmt: skip


def unread_time_words(toks: tuple[Tok, ...], text: Text) -> Tok | None:
    """The first filler word about time standing right beside a weekday or a period of ``toks``
    (or "qua", "kia", "gần" after a period or a unit word: "tuần qua", "năm qua", "2 tháng
    gần đây"); None when there is none."""
    for i, tok in enumerate(toks):
        if tok.type != "W":
            continue
        said = text.said(tok)
        before = toks[i - 1] if i else None
        if said in _PART and _beside_a_day(before, toks, i, text):
            return tok
        if fold(said) in _COUNTED_PART and _after_a_count(toks, i):
            return tok  # "trong 3 ngày đầu của đợt thi": the first days of an event not read
        if said in _RELATIVE and before is not None:
            if before.type in _PERIODS or before.type == "MONTHREF":  # "trong tuần qua"
                return before
            if before.type in ("W", "UNIT") and text.said(before) in _UNITS:
                return before
    return None


# A part word right after a count ("3 ngày đầu", "5 ngày cuối") counts the first or the last
# days of what follows; when that is no period the reading uses ("của dịp nghỉ lễ", "đợt thi"),
# the count alone was read from the notice, silently. Folded: after a count, "dau", "cuoi" are
# these words typed without marks, no name or number.
_COUNTED_PART = frozenset({"dau", "giua", "cuoi"})


def _after_a_count(toks: tuple[Tok, ...], i: int) -> bool:
    """Whether word ``i`` comes right after a count of a unit ("03 ngày" "đầu")."""
    return i >= 2 and toks[i - 1].type == "UNIT" and toks[i - 2].type == "NUM"


def _beside_a_day(before: Tok | None, toks: tuple[Tok, ...], i: int, text: Text) -> bool:
    """Whether word ``i`` is an ordinal of the weekday right before it ("thứ Hai đầu tiên")
    or a part of the period right after it, over other part words ("đầu" "tiên" "của tháng
    sau"). Not after another filler word: "Ngày đăng ký cuối cùng" is the registration's."""
    if before is not None and before.type == "WEEKDAY":
        return True
    j = i + 1
    while j < len(toks) and toks[j].type == "W" and text.low[toks[j].start : toks[j].end] in _PART:
        j += 1
    return j < len(toks) and toks[j].type in _PERIODS


# Linking words that keep "by that day" ("trước", "chậm nhất", "vào", "hạn chót", "trong").
_BY = frozenset({"before", "latest", "in", "to", "het", "at", "upto"})
# "ngày đầu tiên", "ngày cuối cùng": the first or the last day of the period after them.
_EDGES = {("đầu", "tiên"): "first", ("đầu tiên",): "first", ("cuối", "cùng"): "last",
          ("cuối cùng",): "last"}  # fmt: skip
# A month named once ("tháng 6", "tháng sau"), not each month.
_ONE_MONTH = frozenset({"MONTH", "RELMONTH"})
_EACH = frozenset({"FREQ", "EVERY", "PERIODIC", "MONTHSOF", "PLURAL", "TIMES"})


def edge_of_period(toks: tuple[Tok, ...], text: Text) -> tuple[str, Tok] | None:
    """("first" or "last", the period) when the phrase is "[by] ngày đầu tiên/cuối cùng
    của <period>" ("ngày đầu tiên của tháng sau", "chậm nhất ngày cuối cùng của tháng
    12/2024"): the first or the last day of that period. None otherwise."""
    i = 0
    while i < len(toks) and toks[i].type == "LEAD":
        if not set(toks[i].parts.get("words", "").split()) <= _BY:
            return None
        i += 1
    rest = toks[i:]
    if len(rest) == 2 and rest[0].type == "LASTDAY" and rest[1].type in _ONE_MONTH:
        return "last", rest[1]
    if len(rest) < 3 or rest[-1].type not in _PERIODS or rest[-1].type == "FREQ":
        return None
    said = [text.said(t) for t in rest[:-1]]
    if any(t.type != "W" for t in rest[:-1]) or said[0] != "ngày":
        return None
    edge = _EDGES.get(tuple(said[1:]))
    return (edge, rest[-1]) if edge is not None else None


def one_month_workday(toks: tuple[Tok, ...]) -> Tok | None:
    """The "ngày làm việc đầu tiên/cuối cùng của" (or "ngày cuối cùng của") before a month
    named once, in a phrase with no word of a duty: read as each month's, it would be a
    silent duty ("ngày làm việc đầu tiên của tháng sau" is one day). None otherwise."""
    if any(t.type in _EACH for t in toks):
        return None
    for tok, after in zip(toks, toks[1:], strict=False):
        if tok.type in ("WORKDAYORD", "LASTDAY") and after.type in _ONE_MONTH:
            return tok
    return None


# Words between "dịp" and the festival or the day that name the break ("dịp nghỉ Lễ Quốc khánh").
_BREAK = frozenset({"nghỉ", "lễ", "quốc", "khánh", "tết", "kỳ"})
# What may follow a festival and still name it: its year, by number or by name.
_FESTIVAL_TAIL = frozenset({"CANCHI", "YEAR", "YEARNUM"})
# What after a single day makes it a range or a list, whose days are written.
_MORE_DAYS = frozenset({"LEAD", "AND", "DATE", "MDAY"})


def occasion_without_days(toks: tuple[Tok, ...], text: Text) -> tuple[Tok, Tok] | None:
    """The first and the last token of "dịp Tết ..." or "dịp nghỉ lễ <one day>": a season
    or a holiday break whose first and last days the phrase does not give ("trong dịp Tết
    Nguyên đán Tân Sửu" is not Tết's first day; the break of "dịp nghỉ Lễ Quốc khánh 02/9"
    is not 2/9 alone). None otherwise: "dịp 2/9", "vào dịp 1/1/2019" name the day itself,
    and "dịp nghỉ lễ 30/4 - 1/5" writes its days."""
    for i, tok in enumerate(toks):
        if tok.type != "W" or text.said(tok) != "dịp":
            continue
        j = i + 1
        said: set[str] = set()
        while j < len(toks) and toks[j].type == "W":
            word = text.low[toks[j].start : toks[j].end]
            if word not in _BREAK:
                break
            said.add(word)
            j += 1
        if j == len(toks):
            continue
        if toks[j].type == "TET" and not said - {"nghỉ", "lễ"}:
            while j + 1 < len(toks) and toks[j + 1].type in _FESTIVAL_TAIL:
                j += 1
            return tok, toks[j]
        if toks[j].type == "DATE" and "nghỉ" in said:
            if j + 1 < len(toks) and toks[j + 1].type in _MORE_DAYS:
                continue
            return tok, toks[j]
    return None


# "những tháng đầu năm", "các tuần đầu tháng 9": the first months or weeks of a period, how
# many unsaid. Read as "đầu năm" (its first month) or "đầu tháng" (days 1-10) the due came too
# early, silently; "những tháng cuối năm" ends with the period and stays read, and "những ngày
# đầu tháng" lies within the days "đầu tháng" names.
_UNCOUNTED = re.compile(
    loose(
        r"(?<!\w)(?:những|các|mấy)\s+(?P<unit>tháng|tuần|quý)\s+(?:đầu|giữa)(?:\s+tiên)?"
        r"(?=\s+(?:của\s+)?(?:năm|tháng|quý|học\s+kỳ|học\s+kì)(?!\w))"
    )
)


def uncounted_start(text: Text) -> re.Match[str] | None:
    """Where ``text`` names the first (or middle) months, weeks or quarters of a period
    without their count ("những tháng đầu năm 2024"), or None."""
    return _UNCOUNTED.search(text.low)


# A form's blank where a number is to be written: dots or an ellipsis right after "ngày",
# "tháng", "năm", "giờ", "phút", "lúc", or right before one of them ("vào lúc …. giờ… phút,
# ngày …. tháng ….. năm 2023", "trước ... ngày"). Left out as punctuation, the words around it
# were read alone: the year of a template, or no count, silently.
_DOTS = r"(?:…|\.{2,})[….\s]*"
_BLANK = re.compile(
    loose(
        r"(?<!\w)(?:ngày|tháng|năm|giờ|phút|lúc)\s*"
        + _DOTS
        + r"|"
        + _DOTS
        + r"(?:ngày|giờ|phút|tháng|năm)(?!\w)"
    )
)


def blank_to_fill(text: Text) -> re.Match[str] | None:
    """Where ``text`` keeps a form's blank for a number, or None."""
    return _BLANK.search(text.low)


# A day of a calendar giaoban cannot turn into solar days: the Chăm and the Khmer calendars
# ("mùng 1 tháng 7 lịch Chăm", "1/7 theo Chăm lịch"), with the words that tell it again
# after a solar day ("Sáng 28/9 là ngày mùng 1/7 theo lịch Chăm", "(nhằm mồng 1 tháng 7 Chăm
# lịch)"). Read as written, "1 tháng 7" was 1 July, silently.
_OTHER_CALENDAR = re.compile(
    loose(
        r"[,\s]*\(?\s*(?:(?:là\s+ngày|là|tức\s+là|tức|nhằm|tương\s+ứng(?:\s+với)?)\s+)?"
        r"(?:ngày\s+)?(?:(?:mùng|mồng)\s+)?\d{1,2}\s*(?:/|tháng)\s*\d{1,2}"
        r"\s*\(?\s*(?:theo\s+)?(?:lịch\s+(?:chăm|khmer)|(?:chăm|khmer)\s+lịch)(?!\w)\s*\)?"
    )
)


def other_calendar_day(text: Text) -> re.Match[str] | None:
    """Where ``text`` names a day of the Chăm or the Khmer calendar, with the words that tell
    it again beside a solar day, or None."""
    if "lịch" not in text.low and "lich" not in text.low:
        return None
    return _OTHER_CALENDAR.search(text.low)


# What may stand before the word that a bare "1/2020" numbers: a link word or nothing.
_OPENS = frozenset({"LEAD", "FROM", "AND"})


def numbered_by_a_word(toks: tuple[Tok, ...], text: Text) -> tuple[Tok, Tok] | None:
    """The word and the number of "trong đợt 1/2020", "kỳ 2/2024", "trong quá 1/2020" (a typo
    of "quý"): a month and its year with "tháng" left out ("hoàn thành trong 2/2021",
    "(6/2024)") right after one word that stands alone after a link word or at the start, so
    the number is that word's (a round, a session, a quarter mistyped), not a month. Read as
    the month, it was January, silently. None otherwise: "dự kiến 6/2024" (two words, a verb)
    and "Tháng hành động vì trẻ em (6/2021)" (in brackets) keep their reading."""
    for i, tok in enumerate(toks):
        if tok.type != "MONTH" or "bm" not in tok.parts or i == 0:
            continue
        word = toks[i - 1]
        if word.type != "W" or not text.said(word).isalpha():
            continue
        if text.low[word.end : tok.start].strip():
            continue  # "(6/2024)": a bracket between
        if i == 1 or toks[i - 2].type in _OPENS:
            return word, tok
    return None


# Periods an event's day may be named in ("ngày thi tháng 6", "ngày hội năm học 2024-2025").
_NAMED_IN = frozenset({"MONTH", "MONTHNAME", "QUARTER", "YEAR", "SCHOOLYEAR", "SEMESTER", "WEEK"})


def events_day_unlinked(toks: tuple[Tok, ...], text: Text) -> tuple[Tok, Tok] | None:
    """The first and the last token of "ngày thi tháng 6", "Ngày hội năm học 2024-2025": the
    day of an event in a period, with no linking word before it to make it a deadline counted
    from the event ("chậm nhất ngày thi tháng 6" is). The event's words left out, the phrase
    was the whole period, silently. None otherwise."""
    if len(toks) < 3 or toks[0].type != "W" or fold(text.said(toks[0])) != "ngay":
        return None
    i = 1
    while i < len(toks) and toks[i].type == "W" and text.said(toks[i]).isalpha():
        i += 1
    if i == 1 or i == len(toks) or toks[i].type not in _NAMED_IN:
        return None
    return toks[0], toks[i]


# "24/7" written alone after the words of a service ("trực cấp cứu 24/7", "3 ca, 4 kíp, 24/7"):
# 24 hours a day, 7 days a week, or 24 July? Not after a part of the day ("chiều 24/7"), a
# linking word ("trước 24/7") or "ngày", where it is the day.
_ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7")
_DAY_PARTS = frozenset(
    {"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "sang", "trua", "chieu", "toi", "dem"}
)


def round_the_clock(toks: tuple[Tok, ...], text: Text) -> Tok | None:
    """The "24/7" of "trực cấp cứu 24/7", "phục vụ 24/7": round the clock or a day of July,
    right after filler that is no part of the day; None otherwise."""
    for i, tok in enumerate(toks):
        if tok.type != "DATE" or not _ROUND_THE_CLOCK.fullmatch(text.said(tok)) or i == 0:
            continue
        before = toks[i - 1]
        if before.type == "W" and text.said(before) not in _DAY_PARTS:
            return tok
    return None


# A period named by a word that points back ("năm đó", "tháng ấy", "năm dương lịch đó", "cùng
# năm"): a year or a month the text gives elsewhere. Left out, the day beside it took the
# notice's year (or the next), and "trong tháng đó" read as every month, silently. "cùng ngày"
# is read (relative to the day named before it, without a due). A period of that unit named
# earlier in the phrase is the one meant ("tháng đầu tiên của Quý ... ngày 20 của Quý đó").
_SAID_ELSEWHERE = re.compile(
    r"(?<!\w)(?P<unit>tuần|tháng|quý|năm)(?:\s+(?:dương|âm)\s+lịch)?\s+(?:đó|ấy)(?!\w)"
    r"|(?<!\w)cùng\s+(?P<same>tuần|tháng|quý|năm)(?!\w)"
)


def period_said_elsewhere(text: Text) -> re.Match[str] | None:
    """Where ``text`` names a week, month, quarter or year by a word that points back to
    another part of the text ("chậm nhất ngày 31/01 năm đó"), or None."""
    for found in _SAID_ELSEWHERE.finditer(text.low):
        unit = found.group("unit") or found.group("same")
        if not re.search(r"(?<!\w)" + unit + r"(?!\w)", text.low[: found.start()]):
            return found
    return None


# A count told in words and again in digits ("mười bảy (13) ngày", "07 (tám) ngày"): when the
# two disagree, which one the text means is not in it (the digits had been left out, silently).
_NUMBER_WORD = r"(?:mười|mươi|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín)"
_WORDS_RUN = rf"{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*"
_TOLD_TWICE = re.compile(
    rf"(?<!\w)(?P<w>{_WORDS_RUN})\s*\(\s*(?P<d>\d{{1,3}})\s*\)"
    rf"|(?<![\d/.,\-])(?P<d2>\d{{1,3}})\s*\(\s*(?P<w2>{_WORDS_RUN})\s*\)"
)


def count_told_twice(text: Text) -> str | None:
    """The words of a number told in words and in digits that do not agree ("mười bảy
    (13)"); None when every such number agrees or none is told twice."""
    if "(" not in text.low:
        return None
    for m in _TOLD_TWICE.finditer(text.low):
        words, digits = m["w"] or m["w2"], m["d"] or m["d2"]
        if words_value(fold(words)) != int(digits):
            return text.orig[m.start() : m.end()]
    return None


# A leap month of the lunar calendar, folded: "tháng 9 nhuận", "nhuận tháng 9", "tháng nhuận",
# and "tháng 9 sau" (the second ninth month, as a year with a leap ninth month has two) where
# the phrase is of the lunar calendar. giaoban reads the ordinary month of each number.
_MONTH_NAME = r"(?:\d{1,2}|gieng|chap|gieng|hai|ba|tu|nam|sau|bay|tam|chin|muoi(?: mot)?)"
_LEAP = re.compile(rf"(?<!\w)(?:thang {_MONTH_NAME} nhuan|(?:thang )?nhuan thang {_MONTH_NAME}"
                   rf"|thang nhuan)(?!\w)")  # fmt: skip
_SECOND = re.compile(rf"(?<!\w)thang {_MONTH_NAME} sau(?! (?:do|nua|khi)(?!\w))(?!\w)")
_LUNAR = re.compile(r"(?<!\w)(?:ram|am lich|al|mung|mong|gieng|chap)(?!\w)")


def leap_month(text: Text) -> re.Match[str] | None:
    """Where ``text`` names a leap month of the lunar calendar ("rằm tháng 9 nhuận", "ngày
    rằm tháng 9 sau"), or None."""
    folded = fold(text.low)
    leap = _LEAP.search(folded) if "nhuan" in folded else None
    if leap is not None:
        return leap
    if " sau" in folded and _LUNAR.search(folded):
        return _SECOND.search(folded)
    return None


# A plan's vision or orientation beyond its target, a year or years ("đến năm 2030, tầm nhìn
# đến năm 2045", "giai đoạn 2021-2025, định hướng đến năm 2030", "(tầm nhìn 2050)"): a horizon,
# not a deadline. Its "đến" had been read as a range from the target on to it: the vision's
# year was the due, silently.
_HORIZON = re.compile(
    loose(
        r"[,;:\s(–-]*(?<!\w)(?:và\s+|có\s+|với\s+)?(?P<vision>(?:tầm\s+nhìn|định\s+hướng)"
        r"(?:\s+(?:đến|tới))?(?:\s+(?:năm|giai\s+đoạn))?\s+\d{4}(?:\s*[-–]\s*\d{4})?)(?!\w)\s*\)?"
    )
)


def vision_horizon(text: Text) -> re.Match[str] | None:
    """Where ``text`` names a plan's vision or orientation to a year ("tầm nhìn đến năm
    2045"), with the words that join it to the rest (its own words: group ``vision``), or
    None."""
    if not any(w in text.low for w in ("nhìn", "nhin", "hướng", "huong")):
        return None
    return _HORIZON.search(text.low)


# A remark that gives its days with a month, a year or a date of its own says them again in a
# calendar of its own ("(tức ngày 29 tháng Chạp năm Đinh Dậu)"); one that gives only numbers
# of days names days of the month the reading is in ("Tết Nguyên đán (mùng 1, 2, 3 và 4)").
_REMARK_DATED = frozenset(
    {"DATE", "LUNAR", "MONTH", "MONTHNAME", "RELMONTH", "YEAR", "YEARNUM", "CANCHI"}
)


def remark_days_left_out(
    toks: tuple[Tok, ...], read_from: tuple[Tok, ...]
) -> tuple[Tok, Tok, frozenset[int]] | None:
    """The first remark in brackets of ``toks`` that the reading (of ``read_from``) left out
    and that names days of the month by their numbers only ("(mùng 1, 2, 3 và 4)", "(mùng
    3)"): its first and last token, and the numbers. None when there is none.

    Args:
        toks: the phrase's tokens, remarks kept.
        read_from: the tokens the grammar read.

    Returns:
        The remark's first and last token and its day numbers, or None."""
    used = {(t.start, t.end) for t in read_from}
    left: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.remark and (tok.start, tok.end) not in used:
            left[-1].append(tok)
        elif left[-1]:
            left.append([])
    for group in left:
        types = {t.type for t in group}
        if "MDAY" not in types or types & _REMARK_DATED:
            continue
        days = {int(t.parts.get("md") or t.parts["mdt"]) for t in group if t.type == "MDAY"}
        days |= {int(t.parts["n"]) for t in group if t.type == "NUM" and t.parts.get("n")}
        return group[0], group[-1], frozenset(d for d in days if 1 <= d <= 31)
    return None
