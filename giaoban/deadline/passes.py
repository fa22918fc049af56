"""Passes over the tokens of a phrase, each a rule about a token and its neighbours.

:func:`giaoban.deadline.lexer.lex` cuts a phrase into tokens and reads each
one against the one before it; these passes then look at the whole list:
weekdays written before their days, counted parts ("3 ngày đầu tháng 4"),
rules for days off, a clock time written after its day, numbers that open
a range, words that give way to a written day, and filler kept as the name
of an event (or left out).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from giaoban.deadline.normalize import Text
from giaoban.deadline.tokens import Tok, number
from giaoban.model.text import fold

# Where a filler word may begin the name of an event.
ANCHOR_TAKERS = frozenset({"LEAD", "FROM", "WITH", "PREVMONTHOF", "ADJDAY"})
# Tokens that say something about time: an event's name runs up to the next of them.
_TIMELY = frozenset(
    {"DATE", "MDAY", "TIME", "WEEKDAY", "NUM", "MONTH", "MONTHNAME", "RELMONTH", "QUARTER",
     "RELQUARTER", "HALF", "WEEK", "RELWEEK", "YEAR", "RELYEAR", "SCHOOLYEAR", "SEMESTER",
     "RELDAY", "TET", "REFDAY", "FREQ", "PERIODIC", "TIMES", "EVERY", "YEARNUM", "RELSEMESTER",
     "WORKDAYS", "MONTHLIST", "NEXTDAY", "ADJDAY", "SCHOOLWEEK", "SAMEDAY"}
)  # fmt: skip

# The words of a LEAD that put a count on one side of an event.
SIDES = ("before", "after")

_DAY_ITEMS = frozenset({"MDAY", "NUM", "DATE", "AND"})


def weekdays_after_days(tokens: list[Tok]) -> list[Tok]:
    """Weekdays written before the days they name ("thứ Hai và thứ Ba (ngày 4 và 5/3)") go
    after them, as the grammar reads them ("ngày 4 và 5/3 (thứ Hai và thứ Ba)"): the days
    are meant, not every such weekday."""
    for i, tok in enumerate(tokens):
        if tok.type != "WEEKDAY":
            continue
        if tok is tokens[-1]:
            return tokens
        j = i
        while j < len(tokens) and (
            tokens[j].type in ("WEEKDAY", "AND") or _listed_weekday(tokens, j)
        ):
            j += 1
        tokens = _day_after_its_unit(tokens, j)
        k = j
        while k < len(tokens) and tokens[k].type in _DAY_ITEMS:
            k += 1
        weekdays, days = tokens[i:j], tokens[j:k]
        if sum(t.type != "AND" for t in weekdays) < 2 or weekdays[-1].type == "AND":
            return tokens
        if days and days[-1].type == "DATE" and any(t.type == "AND" for t in days):
            weekdays = [_as_weekday(t) for t in weekdays]
            return [*tokens[:i], *days, *weekdays, *tokens[k:]]
        return tokens
    return tokens


_TOLD_AGAIN = ("FROM", "WEEKDAY", "LEAD", "WEEKDAY", "TUC")


def weekdays_told_as_days(tokens: list[Tok]) -> list[Tok]:
    """A range of weekdays told again as a range of days after "tức" ("các ngày từ thứ Sáu
    đến thứ Tư (tức từ ngày 26-4 đến hết ngày 1-5)") names those days, not every week: the
    weekdays and "tức" are left out, the days read."""
    types = [t.type for t in tokens]
    for i in range(len(tokens) - len(_TOLD_AGAIN)):
        if tuple(types[i : i + len(_TOLD_AGAIN)]) != _TOLD_AGAIN:
            continue
        rest = types[i + len(_TOLD_AGAIN) :]
        if rest[:1] == ["FROM"] and rest[1:4] == ["DATE", "LEAD", "DATE"]:
            first = i - 1 if i and types[i - 1] == "PLURAL" else i  # "các ngày"
            return [*tokens[:first], *tokens[i + len(_TOLD_AGAIN) :]]
    return tokens


def _listed_weekday(tokens: list[Tok], j: int) -> bool:
    """Whether ``tokens[j]`` is a bare number 2-7 listed after a weekday ("Thứ 5, 6, 7")."""
    tok = tokens[j]
    return (
        tok.type == "NUM"
        and tok.get("n") in ("2", "3", "4", "5", "6", "7")
        and j > 0
        and tokens[j - 1].type == "AND"
    )


def _as_weekday(tok: Tok) -> Tok:
    """A bare number of a list of weekdays as the weekday it is ("6" of "thứ 5, 6": thứ 6)."""
    if tok.type != "NUM":
        return tok
    return Tok("WEEKDAY", tok.start, tok.end, {"wd": tok.parts["n"]}, tok.remark)


def _day_after_its_unit(tokens: list[Tok], j: int) -> list[Tok]:
    """ "Thứ 5, 6, 7 (ngày 26, 27, 28/3)": the "ngày" the number before took for its unit
    opens the first day."""
    if j + 1 >= len(tokens) or tokens[j].type != "UNIT" or tokens[j].get("u") != "ngay":
        return tokens
    unit, day = tokens[j], tokens[j + 1]
    if day.type != "NUM" or tokens[j - 1].type != "NUM":
        return tokens
    mday = Tok("MDAY", unit.start, day.end, {"md": day.parts["n"]}, day.remark)
    return [*tokens[:j], mday, *tokens[j + 2 :]]


_EDGES = {"dau": "dau", "dau tien": "dau", "cuoi": "cuoi", "cuoi cung": "cuoi"}


def counted_parts(tokens: list[Tok]) -> list[Tok]:
    """A number of days or weeks before "đầu/cuối" of a period counts them: one ``PART``
    ("3 ngày đầu tháng 4", "10 ngày cuối tháng 5", "2 tuần cuối tháng 12")."""
    if not any(t.type in ("LASTDAY", "WEEKORD", "PART") for t in tokens):
        return tokens
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1 : i + 3]
        edge, unit, used = None, "", 0
        if tok.type == "NUM" and nxt:
            first = nxt[0]
            if first.type == "LASTDAY":  # "10 ngày cuối (của) tháng 5"
                edge, unit, used = "cuoi", "ngay", 1
            elif first.type == "WEEKORD" and first.get("wo") in _EDGES:
                edge, unit, used = _EDGES[first.parts["wo"]], "tuan", 1
            elif first.type == "UNIT" and first.get("u") in ("ngay", "tuan") and len(nxt) > 1:
                second = nxt[1]
                if "lv" not in first.parts and second.type == "PART" and second.get("part"):
                    edge, unit, used = second.parts["part"], first.parts["u"], 2
        if edge in ("dau", "cuoi") and number(tok) > 0:
            parts = {"part": edge or "", "cn": str(number(tok)), "cu": unit}
            out.append(Tok("PART", tok.start, nxt[used - 1].end, parts, tok.remark))
            i += used + 1
            continue
        out.append(tok)
        i += 1
    return out


def _first_of_range(tok: Tok, link: Tok | None, then: list[Tok]) -> bool:
    """Whether a number, a link and a day make a range of days ("13 - 15/08")."""
    if link is None or link.type != "LEAD" or link.parts["words"] not in ("to", "to het"):
        return False
    is_day = "n" in tok.parts and 1 <= int(tok.parts["n"]) <= 31
    return is_day and bool(then) and then[0].type in ("DATE", "MDAY")


def neighbours(tokens: list[Tok], text: Text) -> list[Tok]:
    """Fixes that look at both neighbours of a token.

    - A number before a filler word counts something else ("03 buổi").
    - "và" between filler joins filler ("Ngày Chữ thập đỏ và Trăng lưỡi liềm đỏ").
    - "ngay" before a linking word makes it "at once" ("ngay sau khi ...").
    - A dash before "âm lịch" only separates it.
    - A number before "đến" or a dash and a day is the first day of a range
      ("13 - 15/08", "14 đến ngày 15 tháng 3").
    """
    out: list[Tok] = []
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.type == "NUM" and after is not None and after.type == "W":
            if _BETWEEN_WORDS.fullmatch(text.low[tok.end : after.start]):
                tok = tok.retyped("W")
        elif tok.type == "AND" and _both_filler(before, after) and text.low[tok.start] != ",":
            tok = tok.retyped("W")
        elif tok.type == "NONE" and after is not None and after.type == "LEAD":
            if text.said(tok) == "ngay":  # "ngay sau khi": at once after
                tokens[i + 1] = Tok(
                    "LEAD", tok.start, after.end, {"words": "now " + after.parts["words"]}
                )
                continue
        elif tok.type == "NUM" and _first_of_range(tok, after, tokens[i + 2 : i + 3]):
            tok = Tok("MDAY", tok.start, tok.end, {"md": tok.parts["n"]}, tok.remark)
        elif tok.type == "LEAD" and after is not None and after.type in ("LUNAR", "SOLAR"):
            if text.said(tok) == "-":
                continue
        out.append(tok)
    return out


_BETWEEN_WORDS = re.compile(r"\s+(?:\([^()]*\)\s*)*")  # spaces, and remarks in brackets


def _both_filler(before: Tok | None, after: Tok | None) -> bool:
    return before is not None and after is not None and before.type == after.type == "W"


def clock_after_its_day(tokens: list[Tok]) -> list[Tok]:
    """ "ngày 20/3/2024, chậm nhất trước 17 giờ": the time of that day, read as "chậm nhất
    trước 17 giờ ngày 20/3/2024" (the clock written last, after its link)."""
    if len(tokens) < 3 or [t.type for t in tokens[-3:]] != ["DATE", "LEAD", "TIME"]:
        return tokens
    if sum(t.type == "TIME" for t in tokens) > 1:
        return tokens
    return [*tokens[:-3], tokens[-2], tokens[-1], tokens[-3]]


def hour_ranges(tokens: list[Tok]) -> list[Tok]:
    """ "14 - 16 giờ", "11-14h": a number before a dash and a clock time is the hour that
    opens the window; after "trong" a range of counts of hours, its upper end the longest
    ("trong vòng 2 - 3 giờ")."""
    kinds = {t.type for t in tokens}
    if "NUM" not in kinds or "TIME" not in kinds:
        return tokens
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok, then = tokens[i], tokens[i + 1 : i + 3]
        if not _opens_hours(tok, then):
            out.append(tok)
            i += 1
            continue
        link, clock = then
        before = out[-1] if out else None
        if before is None or before.type != "LEAD" or "in" not in before.parts["words"].split():
            out.append(Tok("TIME", tok.start, tok.end, {"h": tok.parts["n"]}, tok.remark))
            i += 1
        elif set(clock.parts) == {"h"}:  # "trong 2 - 3 giờ": at most 3 hours
            counts = {"nlo": tok.parts["n"], "nhi": clock.parts["h"]}
            out.append(Tok("NUM", tok.start, link.end, counts, tok.remark))
            out.append(Tok("UNIT", clock.start, clock.end, {"u": "gio"}, clock.remark))
            i += 3
        else:
            out.append(tok)
            i += 1
    return out


def _opens_hours(tok: Tok, then: list[Tok]) -> bool:
    """Whether a number, a dash (or "đến") and a clock time follow each other."""
    if tok.type != "NUM" or set(tok.parts) != {"n"} or not 0 <= int(tok.parts["n"]) <= 24:
        return False
    kinds = [t.type for t in then]
    return kinds == ["LEAD", "TIME"] and then[0].parts["words"] == "to"


def months_of_a_day(tokens: list[Tok]) -> list[Tok]:
    """ "ngày 15 (của) các tháng 3, 6, 9 và 12": a day of the month before a list of months
    with no year is that day of each of them, every year (``MONTHSOF``), not one period."""
    if not any(t.type == "MONTHLIST" for t in tokens):
        return tokens
    out = list(tokens)
    for i in range(1, len(out)):
        tok = out[i]
        if tok.type == "MONTHLIST" and "ml" in tok.parts and "mly" not in tok.parts:
            if out[i - 1].type == "MDAY":
                out[i] = tok.retyped("MONTHSOF")
    return out


def weekday_spans(tokens: list[Tok]) -> list[Tok]:
    """ "thứ 2 đến thứ 6 hằng tuần", "từ 7h30 đến 11h30 thứ 2 đến thứ 6": two weekdays joined
    by "đến" or a dash are a range (a ``FROM`` before the first), also after a clock window,
    not two days, nor the window's last day and another day. A clock window written right
    after its weekdays opens with a ``FROM`` too ("thứ Hai đến thứ Sáu: 7h00 – 19h00", as
    "thứ Hai đến thứ Sáu: từ 7h00 đến 19h00")."""
    if not any(t.type == "WEEKDAY" for t in tokens):
        return tokens
    out: list[Tok] = []
    for i, tok in enumerate(tokens):
        after = tokens[i + 1 : i + 3]
        if (
            tok.type == "WEEKDAY"
            and (not out or out[-1].type != "FROM")
            and [t.type for t in after] == ["LEAD", "WEEKDAY"]
            and after[0].parts["words"] == "to"
        ):
            out.append(Tok("FROM", tok.start, tok.start))
        if tok.type == "TIME" and out and out[-1].type == "WEEKDAY" and _to_clock(after):
            out.append(Tok("FROM", tok.start, tok.start))  # "thứ Hai đến thứ Sáu: 7h00 – 19h00"
        out.append(tok)
    return out


def _to_clock(after: list[Tok]) -> bool:
    """Whether the tokens after a clock time close a window ("– 19h00")."""
    types = [t.type for t in after]
    return types == ["LEAD", "TIME"] and after[0].parts["words"] == "to"


_UNTIL = re.compile(r"(?:cho\s+)?(?:den|toi)\s+khi\b")
_START_PARTS = frozenset({"DATE", "MDAY", "TIME", "WEEKDAY", "MONTH", "MONTHNAME", "YEAR"})


def open_end(tokens: list[Tok], text: Text) -> list[Tok]:
    """ "từ 12h ngày 01/6/2021 đến khi có thông báo mới", "từ ngày 5/6 đến khi khắc phục
    xong sự cố": a start with no day to end on is an open start (``ONWARD``), not a range,
    and its clock time no appointment."""
    first = next((i for i, t in enumerate(tokens) if t.type != "W"), len(tokens))
    if len(tokens) < first + 3 or tokens[first].type != "FROM":
        return tokens  # words before "từ" ("tạm dừng từ ...") name what starts
    for i in range(first + 2, len(tokens)):
        if tokens[i].type not in ("LEAD", "W", "NONE"):
            if tokens[i].type not in _START_PARTS:
                return tokens
            continue
        said = fold(text.low[tokens[i].start : tokens[i].end])
        if said == "cho" and i + 1 < len(tokens) and tokens[i + 1].type == "LEAD":
            continue  # "cho tới khi ...": "cho" left out of the link ("tới khi") after it
        rest = tokens[i + 1 :] if tokens[i].type == "LEAD" else []
        if _UNTIL.match(said) and all(t.type == "W" for t in rest):
            return [*tokens[:i], Tok("ONWARD", tokens[i].start, tokens[-1].end, {"until": "1"})]
        return tokens
    return tokens


_DATED = frozenset({"DATE", "MDAY", "WEEKDAY", "LASTDAY", "WORKDAYORD", "QMONTH", "WEEKORD"})


def shifts_after_days(tokens: list[Tok]) -> list[Tok]:
    """ "ngày 30/4, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo": the next
    working day after a day already named is a rule for days off, not the deadline: left
    out (the day stands as written)."""
    if not any(t.type == "NEXTDAY" for t in tokens):
        return tokens
    out: list[Tok] = []
    for tok in tokens:
        if tok.type == "NEXTDAY" and any(t.type in _DATED for t in out):
            tok = tok.retyped("W")
        out.append(tok)
    return out


def give_way(tokens: list[Tok]) -> list[Tok]:
    """No-deadline words and seasons give way to any dated part; a season gives way to
    no-deadline words too ("thường xuyên trong mùa mưa bão 2024" is ongoing)."""
    kinds = {t.type for t in tokens}
    if "NONE" not in kinds and "SEASON" not in kinds:
        return tokens  # nothing to give way
    quiet = ("NONE", "W", "AND", "LEAD", "SEASON", "FROM")
    if not all(t.type in quiet for t in tokens):
        return [t.retyped("W") if t.type in ("NONE", "SEASON") else t for t in tokens]
    if any(t.type == "NONE" for t in tokens):
        return [t.retyped("W") if t.type == "SEASON" else t for t in tokens]
    return tokens


def events(tokens: Sequence[Tok], anchors: bool, text: Text | None = None) -> list[Tok]:
    kept: list[Tok] = []
    for i, tok in enumerate(tokens):
        in_event = anchors and bool(kept) and kept[-1].type == "W"
        if in_event and not any(t.type in _TIMELY for t in tokens[i:]):
            kept[-1] = Tok("W", kept[-1].start, tok.end)  # the event's name runs on to the end
        elif in_event and tok.type in _PERIODS_IN_A_CLAUSE and _in_clause(kept, text):
            kept[-1] = Tok("W", kept[-1].start, tok.end)  # "trước khi tổng kết năm học 2024-2025"
        elif tok.type != "W":
            kept.append(tok)
        elif in_event:
            kept[-1] = Tok("W", kept[-1].start, tok.end)
        elif anchors and kept and (kept[-1].type in ANCHOR_TAKERS or _sided_count(kept, tok)):
            kept.append(tok)
    return _merge_leads(kept)


# Periods that, right after the words of a clause ("trước khi tổng kết năm học 2024-2025",
# "sau khi sơ kết quý I"), are part of the event's name: the review, not the period itself.
_PERIODS_IN_A_CLAUSE = frozenset(
    {"MONTH", "MONTHNAME", "QUARTER", "HALF", "YEAR", "YEARNUM", "SCHOOLYEAR", "SEMESTER", "WEEK"}
)


def _in_clause(kept: list[Tok], text: Text | None = None) -> bool:
    """Whether the event's words in ``kept[-1]`` follow "trước khi" or "sau khi", or "trước"
    or "sau" alone: "trước ngày khai mạc Hội khỏe Phù Đổng năm 2024" is before the opening,
    not before the year (it had been read as 1/1/2024, the event's words left out); or name
    the day of an event after any linking word ("chậm nhất ngày tĩnh tâm tháng 2", "vào ngày
    sinh hoạt chi bộ tháng 4": one day in that month, the event's, not the whole month)."""
    if len(kept) < 2 or kept[-2].type != "LEAD":
        return False
    lead = kept[-2].parts
    if "clause" in lead or bool(set(lead.get("words", "").split()) & set(SIDES)):
        return True
    return text is not None and _an_events_day(kept[-2], kept[-1], text)


def _an_events_day(lead: Tok, event: Tok, text: Text) -> bool:
    """Whether ``event`` is the name of a day ("ngày tĩnh tâm", "ngày khai giảng"), or
    follows a link that ends in "ngày" ("vào ngày" + "sinh hoạt chi bộ")."""
    said = fold(text.said(event)).split()
    if fold(text.said(lead)).split()[-1:] == ["ngay"]:
        return bool(said)
    return len(said) > 1 and said[0] == "ngay"


def _sided_count(kept: list[Tok], word: Tok) -> bool:
    """A count right after "trước" or "sau" may be followed by its event with no link word:
    "trước 10 ngày khai mạc" is ten days before the opening, "sau 5 ngày nhận hồ sơ" after;
    after a comma the words begin another clause ("sau 15 ngày, nếu không có ý kiến ...")."""
    if len(kept) < 3 or [t.type for t in kept[-3:]] != ["LEAD", "NUM", "UNIT"]:
        return False
    if word.start != kept[-1].end + 1:  # not right after the unit, one space between
        return False
    return any(word in SIDES for word in kept[-3].parts.get("words", "").split())


def _merge_leads(tokens: list[Tok]) -> list[Tok]:
    """Join LEADs that filler left out had kept apart ("đến Văn phòng trước ngày ...").

    "và" before a linking word joins two clauses, not two items: "bắt đầu từ
    tháng 4 và (hoàn thành) trong tháng 5".
    """
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t.type == "AND" and i + 1 < len(tokens) and tokens[i + 1].type == "LEAD")
    ]
    while len(tokens) > 1 and tokens[-1].type in ("LEAD", "AND") and tokens[-2].type != "W":
        tokens = tokens[:-1]  # "từ 25.11 đến 15.12 tới", "…, trong giờ hành chính": links nothing
    merged: list[Tok] = []
    for tok in tokens:
        if tok.type == "FROM" and merged and merged[-1].type == "FROM":
            continue  # "bắt đầu (đăng ký) từ ngày ...": one start
        if tok.type == "LEAD" and merged and merged[-1].type == "LEAD":
            words = merged[-1].parts["words"] + " " + tok.parts["words"]
            merged[-1] = Tok("LEAD", merged[-1].start, tok.end, {"words": words})
        else:
            merged.append(tok)
    return merged


# A part of the day before a day ("Sáng ngày 7/7", "buổi chiều 16/4", "trưa và chiều 30/8",
# "từ sáng sớm 16.3", "họp sáng ngày 5/3"): marked words, or, in a text typed without marks,
# the same words bare and first of the words before the day ("sang" typed bare in a text with
# marks is "to", and may be so in one without: "chuyển sang ngày 5/3", "chuyen sang ngay 5/3").
_PARTS_MARKED = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "khuya"})
_PARTS_BARE = frozenset({"sang", "trua", "chieu", "toi", "dem", "khuya"})
_PART_FILLER = frozenset({"buổi", "buoi", "sớm", "som", "muộn", "muon", "và", "va"})
_PARTED = frozenset({"DATE", "MDAY"})


def parts_of_day(tokens: list[Tok], text: Text, marked: bool) -> list[Tok]:
    """A day right after a part of the day and nothing else ("Sáng ngày 7/7", "buổi sáng
    ngày 5/3", "tối mùng 1 và mùng 2 Tết") keeps it (``dpart``): a time of that day, as an
    hour is, which a day every year is not (``standing.one_year_only``). The part is left
    out of the reading as before: the day counts in full."""
    parts = _PARTS_MARKED if marked else _PARTS_BARE
    if not any(t.type == "W" and text.said(t) in parts for t in tokens):
        return tokens  # most phrases: no part of the day
    around = parts | _PART_FILLER
    out = list(tokens)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].type == "W" and text.said(out[j]) in around:
            j += 1
        said = [text.said(t) for t in out[i:j]]
        after_word = bool(i) and out[i - 1].type == "W"  # "họp sáng ngày 5/3"; bare, "chuyen sang"
        if j == i or not any(word in parts for word in said) or (after_word and not marked):
            i = max(j, i + 1)
            continue
        part = next(word for word in said if word in parts)
        k = j
        while k < len(out) and out[k].type in _DAY_ITEMS:
            if out[k].type in _PARTED:
                out[k] = Tok(out[k].type, out[k].start, out[k].end,
                             {**out[k].parts, "dpart": part}, out[k].remark)  # fmt: skip
            k += 1
        i = k if k > j else j
    return out
