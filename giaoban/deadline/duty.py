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
start of the first one as the reading's ``start``. Days of the lunar calendar
("ngày 10/3 âm lịch hằng năm", "rằm tháng Giêng") make a rule of RFC 7529
(``RSCALE=CHINESE``), each year or each month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from giaoban.deadline import values as v
from giaoban.deadline.build import Unreadable
from giaoban.deadline.calendars import lunar_month_day
from giaoban.deadline.context import Ctx
from giaoban.deadline.model import Deadline
from giaoban.deadline.once import at
from giaoban.deadline.recur import month_ends_kept, named_by
from giaoban.deadline.resolve import THIRDS

_FREQ = {"ngay": "DAILY", "tuan": "WEEKLY", "thang": "MONTHLY", "quy": "MONTHLY", "nam": "YEARLY"}
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
UNDATED_START = date(2000, 1, 1)  # a standing rule read without a notice date lists from here


@dataclass
class _Rule:
    """The parts of a duty, gathered."""

    unit: str | None = None  # stated frequency: "ngay" ... "nam"
    interval: int = 1
    parity: int | None = None  # "những năm chẵn": even (0) or odd (1) years only
    no_rule: bool = False  # "2 lần/tháng", "hằng năm ... hoặc": no single rule says it
    open_months: bool = False  # "ngày 25 của tháng cuối kỳ báo cáo": months not stated
    included_from: int | None = None  # "kể cả thứ 7": weekdays from here on are included
    excluded_from: int | None = None  # "trừ thứ 7": weekdays from here on are left out
    weekdays: list[tuple[int | None, int]] = field(default_factory=list)  # (n-th week, weekday)
    nth: int | None = None  # an n-th week named before its weekday ("tuần thứ 2, thứ 6")
    unpaired: list[int] = field(default_factory=list)  # places of weekdays named without a week
    month_days: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    monthly: bool = False  # "của tháng"
    clock: v.Clock | None = None
    lead: str = ""
    window: v.Window | None = None
    starts: v.Day | int | None = None
    once: list[v.Span | v.Part | v.SpanList] = field(default_factory=list)
    lunar: bool = False  # days of the lunar calendar
    set_pos: int | None = None  # "ngày làm việc cuối cùng của tháng": the last of the days
    month_ends: bool = False  # "ngày 30/6 và 31/12": days of the year read as months' last
    overnight: bool = False  # a night's window: due on the morning after each day named


def read_duty(duty: v.Duty, ctx: Ctx) -> Deadline:
    rule = _collect(duty)
    if rule.once and not _has_days(rule):
        if rule.unit is None:  # "định kỳ tháng 02": that one period
            return at(v.At(rule.lead, rule.once[0]), ctx)
        _period_ends(rule)
    elif rule.once:
        _named_months(rule)  # "ngày cuối tháng 12 hằng năm": the month narrows the days
    if rule.included_from == 0 and rule.unit == "ngay":
        rule.weekdays = []  # "hằng ngày, kể cả thứ 7, chủ nhật": every day still
    if rule.excluded_from is not None:
        _leave_out(rule, rule.excluded_from)
    if rule.nth is not None and not rule.weekdays and not rule.month_days and not rule.window:
        _week_window(rule)  # "tuần đầu mỗi tháng": no weekday, so the days of that week
    if rule.month_ends and rule.lunar:  # a lunar month's last day is the 29th or the 30th
        raise Unreadable(
            "nhiều ngày trong năm khác tháng, khác ngày: không gộp được thành một lịch"
        )
    if rule.parity is not None and not _has_days(rule):
        raise Unreadable('"năm chẵn", "năm lẻ" mà không nêu ngày nào trong năm')
    freq, interval = _frequency(rule)
    if freq == "YEARLY" and rule.month_days and not rule.months:  # "ngày 7 - 24 hằng năm"
        raise Unreadable("ngày trong năm thiếu tháng")
    if freq is None or rule.no_rule and not _has_days(rule) or rule.open_months:
        return Deadline(ctx.phrase, "recurring", None, warnings=tuple(ctx.warnings))
    return _deadline(ctx, rule, freq, interval)


def _week_window(rule: _Rule) -> None:
    """The n-th week of each month named with no weekday: days 1-7, 8-14, ..., 29 to the end;
    the last week, the last seven days (as "tuần cuối tháng 8" is 25 to 31). Due when it ends."""
    nth = rule.nth or 1
    first, last = (-7, -1) if nth < 0 else (7 * nth - 6, -1 if nth >= 5 else 7 * nth)
    rule.window, rule.nth, rule.monthly = v.Window(first, last), None, True
    rule.month_days += (last,)


def _leave_out(rule: _Rule, start: int) -> None:
    """ "hằng ngày (trừ thứ 7, chủ nhật)", "các ngày làm việc trừ thứ 6": the weekdays named
    from ``start`` on are taken from the days named before them, or from every day."""
    left_out = {day for _, day in rule.weekdays[start:]}
    kept = rule.weekdays[:start]
    if not kept and rule.unit not in ("ngay", None):
        raise Unreadable("không rõ bỏ các thứ trong tuần khỏi ngày nào")
    every = [(None, day) for day in range(7)]
    rule.weekdays = [(n, day) for n, day in kept or every if day not in left_out]
    if rule.unit == "ngay":
        rule.unit = None  # those days each week (the frequency follows from them)


def _collect(duty: v.Duty) -> _Rule:
    rule = _Rule()
    closings = [((c.next_morning, c.clock.next_day, c.clock.hour, c.clock.minute), c)
                for c in duty.parts if isinstance(c, v.Closes)]  # fmt: skip
    parts = [p for p in duty.parts if not isinstance(p, v.Closes)]
    if closings:  # the morning's window and the afternoon's: due when the day's last closes
        last = max(closings, key=lambda c: c[0])[1]
        parts.append(last.clock)
        rule.overnight = last.next_morning
    for part in parts:
        if isinstance(part, v.Clock):
            if rule.clock is not None:
                raise Unreadable("có nhiều hơn một giờ")
            rule.clock = part
        elif isinstance(part, v.Frequency):
            _frequency_part(rule, part)
        elif isinstance(part, v.OnDays):
            _days(rule, part)
        elif isinstance(part, v.Window):  # due when it closes: its last day is the duty's day
            rule.window = part
            _days(rule, _closing_day(part.last))
            rule.lunar |= isinstance(part.last, v.Day) and part.last.lunar
        elif isinstance(part, v.Starts):
            rule.starts = part.day
        elif isinstance(part, v.Link):
            rule.lead = f"{rule.lead} {part.words}".strip()
        elif isinstance(part, v.Either):
            rule.no_rule = True  # "hằng năm ... hoặc đột xuất"
        elif isinstance(part, v.OpenMonths):
            rule.open_months = True
        elif isinstance(part, v.Including):
            rule.included_from = len(rule.weekdays)
        elif isinstance(part, v.Excluding):
            rule.excluded_from = len(rule.weekdays)
        elif isinstance(part, v.Lunar):
            rule.lunar = True
        elif isinstance(part, v.BareDay):  # made a window's end by the builder, or an error
            raise Unreadable(f"không rõ {part.n} là ngày nào")
        elif (nth := _week_of_month(part.span)) is not None:
            _days(rule, v.OnDays(nth_week=nth, monthly=True))  # "tuần thứ 2 ... hàng tháng"
        else:
            rule.once.append(part.span)
    return rule


def _week_of_month(span: object) -> int | None:
    """A week numbered 1 to 5 inside a duty is the n-th week of each month, not an ISO week."""
    if not isinstance(span, v.Span) or span.what != "week" or span.args[1] is not None:
        return None
    n = span.args[0]
    return n if n is not None and 1 <= n <= 5 else None


def _frequency_part(rule: _Rule, part: v.Frequency) -> None:
    if part.times != 1:
        rule.no_rule = True  # "2 lần/tháng": no single rule says which days
    if part.unit is None:
        return
    if rule.unit is not None and (rule.unit, rule.interval) != (part.unit, part.interval):
        rule.no_rule = True  # "định kỳ 6 tháng, hằng năm": no single rule says both
    rule.unit, rule.interval, rule.parity = part.unit, part.interval, part.parity


def _days(rule: _Rule, part: v.OnDays) -> None:
    """Add the days of ``part``; an n-th week goes with the weekdays named just before it
    ("thứ Sáu tuần thứ 2 và thứ Sáu tuần thứ 4": 2FR, 4FR), or just after."""
    if part.weekdays:
        rule.unpaired = list(range(len(rule.weekdays), len(rule.weekdays) + len(part.weekdays)))
        rule.weekdays += [(rule.nth, d) for d in part.weekdays]
        if rule.nth is not None:
            rule.unpaired, rule.nth = [], None
    if part.nth_week is not None:
        if rule.unpaired:  # "thứ Năm tuần thứ 2 và thứ 4": that weekday of each week named
            for i in rule.unpaired:
                rule.weekdays[i] = (part.nth_week, rule.weekdays[i][1])
            rule.weekdays += [(n, rule.weekdays[i][1]) for i in rule.unpaired
                              for n in part.more_weeks]  # fmt: skip
            rule.unpaired = []
        elif part.more_weeks:  # "tuần thứ 2 và thứ 4, thứ Năm" or no weekday: not read
            raise Unreadable("nhiều tuần trong tháng mà không nêu thứ trước đó")
        else:
            rule.nth = part.nth_week
    rule.month_days += part.month_days
    rule.months += part.months
    rule.monthly |= part.monthly
    rule.set_pos = part.set_pos if part.set_pos is not None else rule.set_pos
    if part.year_days:
        _year_days(rule, part.year_days)


def _closing_day(last: v.Day | int) -> v.OnDays:
    if isinstance(last, v.Day):
        return v.OnDays(month_days=(last.day,), months=(last.month,) if last.month else ())
    return v.OnDays(month_days=(last,))


def _year_days(rule: _Rule, days: tuple[v.Day, ...]) -> None:
    pairs = {(d.month, d.day) for d in days}
    if len({m for m, _ in pairs}) > 1 and len({d for _, d in pairs}) > 1:
        if all(_last_of_month(m, d) for m, d in pairs):
            # "ngày 30/6 và 31/12 hằng năm": the last day of each month named
            rule.months += tuple(sorted({m for m, _ in pairs if m is not None}))
            rule.month_days += (-1,)
            rule.month_ends = True
            return
        raise Unreadable(
            "nhiều ngày trong năm khác tháng, khác ngày: không gộp được thành một lịch"
        )
    rule.months += tuple(sorted({m for m, _ in pairs if m is not None}))
    rule.month_days += tuple(sorted({d for _, d in pairs}))
    if any(d.lunar for d in days) and not all(d.lunar for d in days):
        raise Unreadable("lẫn ngày âm lịch và ngày dương lịch trong một lịch lặp lại")
    rule.lunar |= days[0].lunar


def _last_of_month(month: int | None, day: int) -> bool:
    """Whether ``day`` is the last of ``month`` in every year (never in February)."""
    return month is not None and month != 2 and day == calendar.monthrange(2001, month)[1]


def _period_ends(rule: _Rule) -> None:
    """ "Tháng 11 hàng năm", "Tháng 5 và Tháng 11": due when each named month is over."""
    if _named_months(rule):
        rule.month_days = (-1,)


def _named_months(rule: _Rule) -> bool:
    """Add the months the duty names ("tháng 11", "tháng Chạp"; "giữa tháng 2": a window of its
    days 11 to 20); whether it named whole months."""
    whole = False
    for span in rule.once:
        for one in span.spans if isinstance(span, v.SpanList) else (span,):
            if isinstance(one, v.Span) and one.listed:  # "tháng 1, 3, 5 hằng năm": each
                rule.months += one.listed
                whole = True
            elif (month := _month_of(one, rule)) is not None:
                rule.months += (month,)
                whole = True
            elif (months := _months_of(one)) is not None:  # "quý IV hằng năm": when it ends
                first, last = months
                rule.window = v.Window(v.Day(1, first, None, 0), v.Day(-1, last, None, 0))
                rule.months += (last,)
                whole = True
            elif isinstance(one, v.Part) and (month := _month_of(one.of, rule)) is not None:
                first, last = _days_of_part(one)
                last = -1 if last == 31 else last
                rule.window = v.Window(first, last)
                rule.months += (month,)
                rule.month_days += (last,)
    return whole


def _months_of(span: object) -> tuple[int, int] | None:
    """The first and last of several solar months a span names ("quý IV", "6 tháng đầu năm")."""
    if not isinstance(span, v.Span) or span.what != "months" or span.args[2] is not None:
        return None
    first, last = span.args[0], span.args[1]
    if first is None or last is None or first >= last:
        return None
    return int(first), int(last)


def _days_of_part(part: v.Part) -> tuple[int, int]:
    """The first and last day of the month that a part of it names ("giữa tháng 2": 11 to 20;
    "10 ngày đầu tháng 7": 1 to 10)."""
    if part.count is None:
        return THIRDS[part.part]
    if part.part != "dau" or part.unit != "ngay" or not 1 <= part.count <= 28:
        # the last days of a month begin on a day that changes with the month's length
        raise Unreadable("trong lịch lặp lại chỉ đọc được số ngày đầu tháng; ghi rõ ngày")
    return 1, part.count


def _month_of(span: object, rule: _Rule) -> int | None:
    """The one month a span names, if it names one (a lunar one makes the rule lunar)."""
    if not isinstance(span, v.Span) or span.args[0] is None:
        return None
    if span.what == "months" and span.args[0] == span.args[1]:
        return int(span.args[0])
    if span.what == "lunar_month":
        rule.lunar = True
        return int(span.args[0])
    return None


def _has_days(rule: _Rule) -> bool:
    return bool(rule.weekdays or rule.month_days or rule.months or rule.window)


def _frequency(rule: _Rule) -> tuple[str | None, int]:
    """FREQ and INTERVAL: as stated, else implied by the days named (one month: yearly)."""
    if rule.unit == "ngay" and rule.weekdays and rule.interval == 1:
        return "WEEKLY", 1  # "các ngày trong tuần (từ thứ hai đến thứ sáu)": those days each week
    if rule.unit is not None:
        interval = rule.interval
        if rule.unit == "quy" and not rule.months:
            interval *= 3
        if rule.unit not in _FREQ:  # "27 giờ 05’ ... các ngày làm việc": hours, no clock time
            raise Unreadable("lặp lại theo giờ hay phút, không theo ngày: chưa đọc được")
        return _FREQ[rule.unit], interval
    if len(set(rule.months)) == 1 and not rule.monthly:
        return "YEARLY", 1
    nth = any(n is not None for n, _ in rule.weekdays)
    if rule.months or rule.month_days or nth or rule.monthly:
        return "MONTHLY", 1
    if rule.weekdays:
        return "WEEKLY", 1
    return None, 1


def _parts(rule: _Rule, freq: str, interval: int, ctx: Ctx) -> list[tuple[str, str]]:
    if rule.overnight:
        _to_the_morning_after(rule)
    parts = [("FREQ", freq)]
    if rule.lunar:
        _lunar_check(rule, freq, interval)
        parts.insert(0, ("RSCALE", "CHINESE"))
    if interval != 1:
        parts.append(("INTERVAL", str(interval)))
    if rule.months:
        parts.append(("BYMONTH", ",".join(str(m) for m in sorted(set(rule.months)))))
    if rule.month_days:
        days = sorted(set(rule.month_days), key=lambda d: (d < 0, d))
        parts.append(("BYMONTHDAY", ",".join(str(d) for d in days)))
    if rule.nth is not None and not rule.weekdays:
        raise Unreadable("tuần thứ mấy trong tháng nhưng không rõ thứ mấy")
    if rule.weekdays:
        by_day = sorted(set(rule.weekdays), key=lambda nd: (nd[0] or 0, nd[1]))
        parts.append(("BYDAY", ",".join(f"{n or ''}{_DAY_CODES[d]}" for n, d in by_day)))
    if rule.set_pos is not None:
        parts.append(("BYSETPOS", str(rule.set_pos)))
    kept = month_ends_kept(parts)  # "ngày 30 hằng tháng": February's last day, 28/02
    if kept is None:
        raise Unreadable(
            "nhiều ngày mà tháng ngắn không có (29, 30, 31), hoặc kèm ngày cuối tháng:"
            " không gộp được thành một lịch; tách mỗi ngày thành một nhiệm vụ"
        )
    clock = _clock(rule, ctx)
    if clock is not None:
        kept += [("BYHOUR", str(clock.hour)), ("BYMINUTE", str(clock.minute)), ("BYSECOND", "0")]
    return kept


def _to_the_morning_after(rule: _Rule) -> None:
    """A night's window on days named ("các tối thứ Sáu, thứ Bảy hằng tuần, từ 18h đến 2h sáng
    hôm sau") is due on the morning after each: the next weekday, the next day of the month.
    The day after an n-th weekday or a month's last day is no day a rule can name: an error;
    so the day after the 28th to the 30th, the 1st in a month they end (February's)."""
    if any(n is not None for n, _ in rule.weekdays) or any(
        d < 1 or d > 27 for d in rule.month_days
    ):
        raise Unreadable("ca đêm qua sáng hôm sau của một ngày không lặp lại đều: ghi rõ ngày")
    rule.weekdays = [(None, (day + 1) % 7) for _, day in rule.weekdays]
    rule.month_days = tuple(d + 1 for d in rule.month_days)


def _lunar_check(rule: _Rule, freq: str, interval: int) -> None:
    """A lunar rule names days of lunar months, each year or each month."""
    if freq not in ("YEARLY", "MONTHLY") or interval != 1 or rule.weekdays:
        raise Unreadable("lịch âm chỉ lặp lại vào ngày âm lịch, hằng tháng hoặc hằng năm")
    if not rule.month_days:
        raise Unreadable("lịch âm lặp lại nhưng không rõ ngày âm lịch nào")


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
    if isinstance(rule.starts, v.Day) and rule.starts.year is not None and rule.starts.month:
        base = max(base, date(rule.starts.year, rule.starts.month or 1, rule.starts.day))
    begin = datetime.combine(base, time(0, 0))
    # every other year from a year of the right parity ("những năm chẵn"): only those years
    listed = begin
    if rule.parity is not None:
        listed = datetime(base.year - (base.year - rule.parity) % 2, 1, 1)
    # a rule naming a day no month has (30/02) has no occurrence: look a few years ahead only
    first = named_by(body, listed).after(begin, inc=True)
    if first is None or first.year > begin.year + 8:
        raise Unreadable("lịch lặp lại không có lần nào")
    timed = any(k == "BYHOUR" for k, _ in parts)
    # from isoformat, not "%Y": strftime writes the year 1 as "1", not "0001"
    stamp = first.isoformat().replace("-", "").replace(":", "")
    head = f"DTSTART;TZID={ctx.settings.tz}:{stamp}" if timed else f"DTSTART;VALUE=DATE:{stamp[:8]}"
    return Deadline(
        ctx.phrase,
        "recurring",
        None,
        start=_window_start(rule, first.date(), ctx),
        rrule=f"{head}\n{body}",
        has_time=rule.clock is not None and not rule.clock.next_day,  # "24 giờ": whole days
        warnings=tuple(ctx.warnings),
    )


def _window_start(rule: _Rule, first: date, ctx: Ctx) -> datetime | None:
    """The start of the first window: the last day the window's start names, before its end."""
    if rule.window is None:
        return None
    begin = rule.window.first
    day = first
    for _ in range(400):
        day -= timedelta(days=1)
        month, named = lunar_month_day(day) if rule.lunar else (day.month, day.day)
        if isinstance(begin, v.Day):
            if (month, named) == (begin.month, begin.day):
                return ctx.at(day)
        elif named == begin:
            return ctx.at(day)
        elif isinstance(begin, int) and begin < 0 and not rule.lunar:  # "3 ngày cuối mỗi tháng"
            if named == calendar.monthrange(day.year, day.month)[1] + begin + 1:
                return ctx.at(day)
    return None
