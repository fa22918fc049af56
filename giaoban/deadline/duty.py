"""Recurring duties: the parts of a duty phrase combined into one RFC 5545 rule.

A duty phrase names a frequency ("hằng tháng", "1 lần/tuần", "định kỳ",
"kỳ báo cáo"), the days it falls on (weekdays, days of the month, days of
the year, the n-th week, a month of each quarter, the last day), a clock
time and perhaps a window ("từ ngày 15 tháng trước đến ngày 14"). The parts
narrow each other down, as the BY* parts of a rule do; a frequency not
stated is the one the days imply (a day of the month: monthly; a weekday:
weekly; a day of the year: yearly). The rule's DTSTART is the first
occurrence on or after the notice's date (whole days: ``DTSTART;VALUE=DATE``,
each day counted in full; a clock time: exact moments). A window keeps the
start of the first one as the reading's ``start``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrule, rrulestr

from giaoban.deadline import values as v
from giaoban.deadline.build import Unreadable
from giaoban.deadline.context import Ctx
from giaoban.deadline.lexicon import Tok, value
from giaoban.deadline.model import Deadline
from giaoban.deadline.once import at

_FREQ = {"ngay": "DAILY", "tuan": "WEEKLY", "thang": "MONTHLY", "quy": "MONTHLY", "nam": "YEARLY"}
_COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6}
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_QUARTER_MONTHS = {"dau": (1, 4, 7, 10), "giua": (2, 5, 8, 11), "cuoi": (3, 6, 9, 12)}
UNDATED_START = date(2000, 1, 1)  # a standing rule read without a notice date lists from here


@dataclass
class _Rule:
    unit: str | None = None  # stated frequency: "ngay" ... "nam"
    interval: int = 1
    periodic: bool = False  # "định kỳ", "kỳ báo cáo": a duty, frequency maybe unstated
    no_rule: bool = False  # "2 lần/tháng": a duty no single rule describes
    weekdays: tuple[int, ...] = ()
    nth: int | None = None
    month_days: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    monthly: bool = False  # "của tháng"
    clock: v.Clock | None = None
    lead: str = ""
    window: tuple[object, object] | None = None
    starts: object = None
    once: list[object] = field(default_factory=list)


def read_duty(duty: v.Duty, ctx: Ctx) -> Deadline:
    rule = _collect(duty)
    if rule.once and not _has_days(rule):
        if rule.unit is None:
            return at(v.At(rule.lead, rule.once[0]), ctx)  # type: ignore[arg-type]
        _period_ends(rule)
    freq, interval = _frequency(rule)
    if freq is None or rule.no_rule and not _has_days(rule):
        return Deadline(ctx.phrase, "recurring", None, warnings=tuple(ctx.warnings))
    return _deadline(ctx, rule, freq, interval)


def yearly(day: v.Day, lead: str, ctx: Ctx, clock: v.Clock | None = None) -> Deadline:
    """A day without a year in a text without a date: the same day every year."""
    assert day.month is not None
    rule = _Rule(unit="nam", months=(day.month,), month_days=(day.day,), lead=lead, clock=clock)
    return _deadline(ctx, rule, "YEARLY", 1)


def _collect(duty: v.Duty) -> _Rule:
    rule = _Rule()
    for part in duty.parts:
        if part == ("word", "OR"):
            rule.no_rule = True  # "hằng năm ... hoặc đột xuất": no single rule
        elif isinstance(part, v.Clock):
            if rule.clock is not None:
                raise Unreadable("có nhiều hơn một giờ")
            rule.clock = part
        elif isinstance(part, tuple):
            _take(rule, part[0], part[1])
    return rule


def _take(rule: _Rule, what: str, payload: object) -> None:
    if what == "freq":
        assert isinstance(payload, Tok)
        _frequency_word(rule, payload)
    elif what == "weekdays":
        rule.weekdays += payload  # type: ignore[operator]
    elif what == "month_days":
        rule.month_days += payload  # type: ignore[operator]
    elif what == "year_days":
        _year_days(rule, payload)  # type: ignore[arg-type]
    elif what == "nth_week":
        rule.nth = payload  # type: ignore[assignment]
        rule.monthly = True
    elif what == "quarter_month":
        rule.months = _QUARTER_MONTHS[str(payload)]
    elif what == "month_ref":
        rule.monthly = True
    elif what == "window":
        rule.window = payload  # type: ignore[assignment]
    elif what == "lead":
        rule.lead = f"{rule.lead} {payload}".strip()
    elif what == "once_in":
        rule.once.append(payload)
    elif what == "from":
        rule.starts = payload
    elif what == "every":  # "định kỳ 6 tháng": every 6 months
        assert isinstance(payload, v.Duration)
        _stated(rule, payload.unit, payload.n)


def _frequency_word(rule: _Rule, tok: Tok) -> None:
    kind = tok.type
    if kind in ("PERIODIC", "REPORT"):
        rule.periodic = True
    elif kind == "FREQ":
        _stated(rule, tok.parts.get("fu") or "nam", 1)  # "thường niên": yearly
    elif kind == "TIMES":
        count = value(tok, "tn", _COUNT_WORDS) or value(tok, "tn2", _COUNT_WORDS) or 1
        _stated(rule, tok.parts.get("tu") or tok.parts["tu2"], 1)
        rule.no_rule |= count != 1
    elif kind == "EVERY":
        _stated(rule, tok.parts["eu"], value(tok, "en", _COUNT_WORDS) or 1)
    elif kind == "ONCE":
        rule.no_rule |= (value(tok, "on", _COUNT_WORDS) or 1) != 1


def _stated(rule: _Rule, unit: str, interval: int) -> None:
    if rule.unit is not None and (rule.unit, rule.interval) != (unit, interval):
        rule.no_rule = True  # "định kỳ 6 tháng, hằng năm": no single rule says both
    rule.unit, rule.interval = unit, interval


def _year_days(rule: _Rule, days: tuple[v.Day, ...]) -> None:
    pairs = {(d.month, d.day) for d in days}
    if len({m for m, _ in pairs}) > 1 and len({d for _, d in pairs}) > 1:
        raise Unreadable(
            "nhiều ngày trong năm khác tháng, khác ngày: không gộp được thành một lịch"
        )
    rule.months += tuple(sorted({m for m, _ in pairs if m is not None}))
    rule.month_days += tuple(sorted({d for _, d in pairs}))
    if any(d.lunar for d in days):
        raise Unreadable("lịch lặp lại theo âm lịch chưa được hỗ trợ")


def _period_ends(rule: _Rule) -> None:
    """ "Tháng 11 hàng năm", "Tháng 5 và Tháng 11": due when each named month is over."""
    for span in rule.once:
        if isinstance(span, v.Span) and span.what == "months" and span.args[0] == span.args[1]:
            rule.months += (span.args[0],)  # type: ignore[operator]
            rule.month_days = (-1,)
        elif isinstance(span, v.SpanList):
            for inner in span.spans:
                rule.once.append(inner)


def _has_days(rule: _Rule) -> bool:
    return bool(rule.weekdays or rule.month_days or rule.months or rule.window or rule.nth)


def _frequency(rule: _Rule) -> tuple[str | None, int]:
    """FREQ and INTERVAL: as stated, else implied by the days named."""
    if rule.window is not None:
        _, end = rule.window
        if isinstance(end, v.Day):
            rule.months += (end.month,) if end.month else ()
            rule.month_days += (end.day,)
        else:
            rule.month_days += (int(end),)  # type: ignore[call-overload]
    if rule.unit is not None:
        interval = rule.interval
        if rule.unit == "quy" and not rule.months:
            interval *= 3
        return _FREQ[rule.unit], interval
    if rule.months and not rule.monthly and (len(rule.months) == 1 or rule.window):
        if len(rule.months) == 1:
            return "YEARLY", 1
    if rule.months or rule.month_days or rule.nth is not None or rule.monthly:
        return "MONTHLY", 1
    if rule.weekdays:
        return "WEEKLY", 1
    return None, 1


def _parts(rule: _Rule, freq: str, interval: int, ctx: Ctx) -> list[tuple[str, str]]:
    parts = [("FREQ", freq)]
    if interval != 1:
        parts.append(("INTERVAL", str(interval)))
    if rule.months:
        parts.append(("BYMONTH", ",".join(str(m) for m in sorted(set(rule.months)))))
    if rule.month_days:
        days = sorted(set(rule.month_days), key=lambda d: (d < 0, d))
        parts.append(("BYMONTHDAY", ",".join(str(d) for d in days)))
    if rule.weekdays or rule.nth is not None:
        if not rule.weekdays:
            raise Unreadable("tuần thứ mấy trong tháng nhưng không rõ thứ mấy")
        prefix = "" if rule.nth is None else str(rule.nth)
        parts.append(
            ("BYDAY", ",".join(prefix + _DAY_CODES[d] for d in sorted(set(rule.weekdays))))
        )
    clock = _clock(rule, ctx)
    if clock is not None:
        parts += [("BYHOUR", str(clock.hour)), ("BYMINUTE", str(clock.minute)), ("BYSECOND", "0")]
    return parts


def _clock(rule: _Rule, ctx: Ctx) -> time | None:
    if rule.clock is not None and not rule.clock.next_day:
        return time(rule.clock.hour, rule.clock.minute)
    words = rule.lead.split()
    if ctx.settings.strict_before and "before" in words and "latest" not in words:
        return time(0, 0)  # "trước thứ 6 hàng tuần", read strictly: late at 00:00
    return None


def _deadline(ctx: Ctx, rule: _Rule, freq: str, interval: int) -> Deadline:
    parts = _parts(rule, freq, interval, ctx)
    body = "RRULE:" + ";".join(f"{k}={val}" for k, val in parts)
    base = ctx.ref if ctx.dated else UNDATED_START
    if isinstance(rule.starts, v.Day) and rule.starts.year is not None:
        base = max(base, date(rule.starts.year, rule.starts.month or 1, rule.starts.day))
    begin = datetime.combine(base, time(0, 0))
    # a rule naming a day no month has (30/02) has no occurrence: look a few years ahead only
    listed = rrulestr(body, dtstart=begin)
    assert isinstance(listed, rrule)
    first = listed.replace(until=begin.replace(year=begin.year + 8)).after(begin, inc=True)
    if first is None:
        raise Unreadable("lịch lặp lại không có lần nào")
    timed = any(k == "BYHOUR" for k, _ in parts)
    head = (
        f"DTSTART;TZID={ctx.settings.tz}:{first:%Y%m%dT%H%M%S}"
        if timed
        else f"DTSTART;VALUE=DATE:{first:%Y%m%d}"
    )
    return Deadline(
        ctx.phrase,
        "recurring",
        None,
        start=_window_start(rule, first.date(), ctx),
        rrule=f"{head}\n{body}",
        has_time=rule.clock is not None,
        warnings=tuple(ctx.warnings),
    )


def _window_start(rule: _Rule, first: date, ctx: Ctx) -> datetime | None:
    """The start of the first window: the last day the window's start names, before its end."""
    if rule.window is None:
        return None
    begin, _ = rule.window
    day = first
    for _ in range(400):
        day -= timedelta(days=1)
        if isinstance(begin, v.Day):
            if (day.month, day.day) == (begin.month, begin.day):
                return ctx.at(day)
        elif day.day == begin:
            return ctx.at(day)
    return None
