"""Recurring duties: "trước 14h00 thứ 6 hàng tuần", "ngày 15 hằng tháng", ...

A recurring reading is an RFC 5545 rule with a DTSTART at its first
occurrence on or after the notice's date. Whole days get a DATE-valued
DTSTART (each day counts in full); a stated clock time gives exact moments.
"""

from __future__ import annotations

import re
from datetime import datetime, time

from dateutil.rrule import rrulestr

from giaoban.deadline.atoms import (
    MONTH_DAY,
    DayAtom,
    Unreadable,
    WeekdayAtom,
    find_days,
    find_times,
    find_weekdays,
)
from giaoban.deadline.context import Ctx
from giaoban.deadline.model import Deadline
from giaoban.deadline.normalize import Text

FREQ_WORD = re.compile(r"(?<![a-z])(?:hang|moi)\s+(?P<f>ngay|tuan|thang|quy|nam)(?![a-z])")
PERIODIC = re.compile(r"(?<![a-z])(?:dinh ky|thuong ky)(?![a-z])")
TIMES_PER = re.compile(
    r"(?P<n>\d{1,2})\s*lan\s*(?:/|tren|moi|mot|trong(?:\s+(?:mot|1))?|1)\s*"
    r"(?P<f>ngay|tuan|thang|quy|nam)(?![a-z])"
)
NTH_WEEK = re.compile(
    r"tuan\s+(?:le\s+)?(?:thu\s+)?(?P<n>nhat|hai|ba|tu|nam|cuoi(?: cung)?|[1-5])(?![a-z0-9])"
    r"\s*,?\s*(?:cua|trong|hang|moi)\s+thang"
)
QUARTER_MONTH = re.compile(r"thang\s+(?P<w>dau|giua|cuoi)\s+(?:cua\s+)?(?:moi\s+|hang\s+)?quy")
LAST_DAY = re.compile(r"ngay\s+cuoi\s+(?:cung\s+)?(?:cua\s+|trong\s+)?thang")
WEEKDAY_RANGE = re.compile(r"^\s*(?:den|toi|-)\s*$")

_FREQ = {"ngay": "DAILY", "tuan": "WEEKLY", "thang": "MONTHLY", "quy": "MONTHLY", "nam": "YEARLY"}
_ORDINAL = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "cuoi": -1, "cuoi cung": -1}
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_QUARTER_MONTHS = {"dau": "1,4,7,10", "giua": "2,5,8,11", "cuoi": "3,6,9,12"}


def is_recurring(ctx: Ctx) -> bool:
    f = ctx.text.f
    return any(p.search(f) for p in (FREQ_WORD, PERIODIC, TIMES_PER, NTH_WEEK, QUARTER_MONTH))


def read_recurring(ctx: Ctx) -> Deadline:
    times = find_times(ctx.text)
    parts = _rule_parts(ctx)
    if parts is None:
        return Deadline(ctx.phrase, "recurring", None)
    if len(times) > 1:
        raise Unreadable("có nhiều hơn một giờ")
    clock = times[0].at if times and not times[0].next_day else None
    if clock is None and ctx.settings.strict_before and _says_before(ctx):
        clock = time(0, 0)
    if clock is not None:
        parts += [("BYHOUR", str(clock.hour)), ("BYMINUTE", str(clock.minute)), ("BYSECOND", "0")]
    rule = "RRULE:" + ";".join(f"{k}={v}" for k, v in parts)
    start = datetime.combine(ctx.ref, time(0, 0))
    first = rrulestr(rule, dtstart=start).after(start, inc=True)
    if first is None:
        raise Unreadable("lịch lặp lại không có lần nào")
    if clock is None:
        dtstart = f"DTSTART;VALUE=DATE:{first:%Y%m%d}"
    else:
        dtstart = f"DTSTART;TZID={ctx.settings.tz}:{first:%Y%m%dT%H%M%S}"
    return Deadline(ctx.phrase, "recurring", None, rrule=f"{dtstart}\n{rule}", has_time=times != [])


def _says_before(ctx: Ctx) -> bool:
    f = ctx.text.f
    return "truoc" in f and "cham nhat" not in f


def _rule_parts(ctx: Ctx) -> list[tuple[str, str]] | None:
    """The RRULE parts in canonical order, or None when no frequency is stated."""
    text, f = ctx.text, ctx.text.f
    nth = _take(text, NTH_WEEK)
    quarter_month = _take(text, QUARTER_MONTH)
    last_day = _take(text, LAST_DAY)
    freq_word = FREQ_WORD.search(f)
    times_per = TIMES_PER.search(f)
    for pattern in (FREQ_WORD, TIMES_PER, PERIODIC):
        while _take(text, pattern):
            pass
    weekdays = find_weekdays(text)
    days = find_days(text)
    month_days = [m for m in MONTH_DAY.finditer(text.rest)]
    for m in month_days:
        text.blank(m.start(), m.end())
    if any(ch.isdigit() for ch in text.rest):
        raise Unreadable("còn số chưa hiểu trong lịch lặp lại")

    by_month = _QUARTER_MONTHS[quarter_month["w"]] if quarter_month else None
    month_day = "-1" if last_day else None
    if month_days:
        month_day = ",".join(str(int(m["d"])) for m in month_days)
        if any(not 1 <= int(m["d"]) <= 31 for m in month_days):
            raise Unreadable("ngày trong tháng không hợp lệ")
    if days:
        by_month = ",".join(sorted({str(d.month) for d in days}, key=int))
        month_day = ",".join(sorted({str(d.day) for d in days}, key=int))
    by_day = _by_day(ctx, weekdays, nth)

    freq, interval = _frequency(freq_word, times_per, nth, month_day, by_month, days, by_day)
    if freq is None:
        return None
    parts = [("FREQ", freq)]
    if interval:
        parts.append(("INTERVAL", interval))
    for key, value in (("BYMONTH", by_month), ("BYMONTHDAY", month_day), ("BYDAY", by_day)):
        if value:
            parts.append((key, value))
    return parts


def _take(text: Text, pattern: re.Pattern[str]) -> re.Match[str] | None:
    m = pattern.search(text.rest)
    if m:
        text.blank(m.start(), m.end())
    return m


def _by_day(ctx: Ctx, weekdays: list[WeekdayAtom], nth: re.Match[str] | None) -> str | None:
    if not weekdays:
        return None
    numbers = [w.weekday for w in weekdays]
    if len(weekdays) == 2:
        between = ctx.text.f[weekdays[0].end : weekdays[1].pos]
        if WEEKDAY_RANGE.match(between):
            lo, hi = numbers
            numbers = (
                list(range(lo, hi + 1)) if lo <= hi else list(range(lo, 7)) + list(range(hi + 1))
            )
    prefix = ""
    if nth is not None:
        n = nth["n"]
        prefix = str(_ORDINAL[n] if n in _ORDINAL else int(n))
    return ",".join(prefix + _DAY_CODES[n] for n in sorted(set(numbers)))


def _frequency(
    freq_word: re.Match[str] | None,
    times_per: re.Match[str] | None,
    nth: re.Match[str] | None,
    month_day: str | None,
    by_month: str | None,
    days: list[DayAtom],
    by_day: str | None,
) -> tuple[str | None, str | None]:
    """FREQ and INTERVAL: as stated, else implied by the placement."""
    word = freq_word["f"] if freq_word else None
    if word is None and times_per is not None:
        if int(times_per["n"]) != 1:
            return None, None
        word = times_per["f"]
    if word is not None:
        return _FREQ[word], "3" if word == "quy" and not by_month else None
    if days:
        return "YEARLY", None
    if nth is not None or month_day or by_month:
        return "MONTHLY", None
    if by_day:
        return "WEEKLY", None
    return None, None
