"""Deadlines that happen once: a day, a moment, a period, a range, an offset.

Each reading of :mod:`values` becomes a :class:`Deadline` here, by the
rules of :mod:`resolve`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from giaoban.deadline import values as v
from giaoban.deadline.build import UNNAMED, Unreadable
from giaoban.deadline.calendars import lunar_year
from giaoban.deadline.context import Ctx, NoNoticeDate
from giaoban.deadline.model import Deadline
from giaoban.deadline.resolve import (
    day_of,
    end_of,
    in_school_year,
    is_strict,
    moment,
    point_bounds,
    school_year_unwritten,
    span_bounds,
)
from giaoban.deadline.workdays import add_working_days
from giaoban.model.text import fold

REF_ANCHOR_NAME = "ngày ban hành"
_POINTS = (v.Day, v.Weekday, v.Relday, v.Refday, v.Tet)
_UNIT_CODES = {"ngay": "D", "tuan": "W", "thang": "M", "nam": "Y"}

Interval = tuple[datetime, datetime]  # [start, due)


def at(reading: v.At, ctx: Ctx) -> Deadline:
    """A point or a period, with the linking words before it."""
    lead, when = reading.lead, reading.when
    if lead == "earliest" and isinstance(when, (*_POINTS, v.Moment)):
        return open_start(v.OpenStart(when, since=True), ctx)  # "sớm nhất vào ngày 1.9"
    if isinstance(when, _POINTS):
        day = day_of(when, ctx)
        holiday = isinstance(when, v.Tet) or isinstance(when, v.Day) and when.holiday
        strict = is_strict(lead, ctx) or holiday and "before" in lead.split()  # "trước Tết"
        return _make(ctx, "date", ctx.at(day) if strict else end_of(day, ctx))
    if isinstance(when, v.Moment):
        # "24 giờ ngày X" is the end of X: the whole day X, as "hết ngày X"
        return _make(ctx, "date", point_bounds(when, ctx)[1], has_time=not when.clock.next_day)
    start, due = interval(when, ctx)
    if isinstance(when, (v.Span, v.Part)) and _before_only(lead) and not _part_of_month(when):
        return _make(ctx, "date", start)  # "trước tháng 5/2024": late once May begins
    return _make(ctx, "period", due, start=start, has_time=_has_time(when))


def open_start(reading: v.OpenStart, ctx: Ctx) -> Deadline:
    """ "có hiệu lực từ ngày 16/9/2019": no deadline, a start.

    From a clock time ("bắt đầu từ 13 giờ 30 phút ngày 07/9/2020") it is the
    time to be there: an appointment, due at that moment.
    """
    if isinstance(reading.start, v.Moment) and not reading.since:
        return _make(ctx, "date", edge(reading.start, ctx)[0], has_time=True)
    try:
        start: datetime | None = edge(reading.start, ctx)[1 if reading.after else 0]
    except NoNoticeDate:  # a text without a date: no deadline, and its start not placed
        start = None
    return _make(ctx, "none", None, start=start)


def nothing(ctx: Ctx) -> Deadline:
    return _make(ctx, "none", None)


def _make(
    ctx: Ctx,
    kind: str,
    due: datetime | None,
    start: datetime | None = None,
    has_time: bool = False,
) -> Deadline:
    return Deadline(
        ctx.phrase, kind, due, start=start, has_time=has_time, warnings=tuple(ctx.warnings)
    )


def _before_only(lead: str) -> bool:
    words = set(lead.split())
    return "before" in words and not words & {"latest", "het", "to", "in"}


def _part_of_month(when: object) -> bool:
    if not isinstance(when, v.Part):
        return False
    first, last = when.of.args[0], when.of.args[1] if len(when.of.args) > 1 else None
    return when.of.what == "months" and first == last or when.of.unit == "month"


def _has_time(when: object) -> bool:
    if isinstance(when, v.Range):
        return isinstance(when.right, v.Moment) and not when.right.clock.next_day
    return isinstance(when, v.DailyWindow) and not when.last.next_day


# -- intervals ----------------------------------------------------------------------------
def interval(when: v.When, ctx: Ctx) -> tuple[datetime | None, datetime]:
    """When a period, range or list of days begins and when it is over."""
    if isinstance(when, v.Range):
        return _range(when, ctx)
    if isinstance(when, v.Days):
        return _days(when, ctx)
    if isinstance(when, v.SpanList):
        bounds = [span_bounds(s, ctx) for s in _share_years(when.spans)]
        return ctx.at(min(b[0] for b in bounds)), ctx.at(max(b[1] for b in bounds))
    if isinstance(when, v.DailyWindow):
        return _daily_window(when, ctx)
    return edge(when, ctx)


def edge(e: object, ctx: Ctx) -> Interval:
    """When one side of a range begins and when it is over."""
    if isinstance(e, (v.Span, v.Part)):
        first, after = span_bounds(e, ctx)
        return ctx.at(first), ctx.at(after)
    if isinstance(e, v.Labelled):
        return edge(e.days, ctx)  # the days written win over the label
    if isinstance(e, v.Days):
        return _days(e, ctx)
    if isinstance(e, (v.Range, v.DailyWindow, v.SpanList)):
        start, due = interval(e, ctx)
        if start is None:
            raise Unreadable("không rõ ngày bắt đầu")
        return start, due
    if isinstance(e, v.DaylessClock):
        raise Unreadable("giờ không kèm ngày")
    if isinstance(e, (v.Day, v.Weekday, v.Relday, v.Refday, v.Tet, v.Moment)):
        return point_bounds(e, ctx)
    raise Unreadable("không rõ mốc thời gian")


def _range(r: v.Range, ctx: Ctx) -> tuple[datetime | None, datetime]:
    words = set(r.link.split())
    # "từ A đến (hết) B", "sớm nhất A, muộn nhất B", "bắt đầu từ A, hoàn thành trong B"
    if not words & {"to", "het", "latest"} and not {"from", "in"} <= words:
        raise Unreadable(f'không hiểu "{ctx.phrase}" là khoảng từ đâu đến đâu')
    left, right = _share(r.left, r.right, ctx)
    due = edge(right, ctx)[1]
    if isinstance(left, v.Refday) and not ctx.dated:
        return None, due  # "từ ngày ra thông báo", in a text without a date
    if isinstance(left, v.Day) and left.month is None:  # "từ ngày 20 tháng năm 2012 đến ..."
        ctx.warn(f'ngày bắt đầu "{left.written or left.day}" thiếu tháng')
        return None, due
    start = edge(left, ctx)[1 if r.after else 0]
    if isinstance(right, v.Moment) and isinstance(right.day, v.Relday) and right.day.next_day:
        # "từ 19 giờ ngày 5/4 đến 6 giờ sáng hôm sau": the day after the start
        due = moment(start.date() + timedelta(days=1), right.clock, ctx)
    elif isinstance(right, v.Moment) and right.clock.next_day is False:
        due = edge(right, ctx)[0]
    if isinstance(right, v.Weekday) and right.week is None and right.in_week is None:
        # "từ thứ Hai đến thứ Sáu": the first Friday from the start on, not from the notice
        ahead = (right.weekday - start.weekday()) % 7
        due = ctx.at(start.date() + timedelta(days=ahead + 1))
    if start >= due:
        raise Unreadable("khoảng thời gian kết thúc trước khi bắt đầu")
    return start, due


def _share(left: object, right: object, ctx: Ctx) -> tuple[object, object]:
    """What only one side of a range writes, the other takes: its day, month or year."""
    if isinstance(left, v.DaylessClock) and isinstance(right, v.Moment):
        left = v.Moment(right.day, left.clock)
    if isinstance(right, v.DaylessClock) and isinstance(left, v.Moment):
        right = v.Moment(left.day, right.clock)
    if isinstance(left, v.Days):  # "06–15/02/2013": the first day takes the month of the second
        left = _fill(left.items, ctx)[0]
    ly, ry = _written_year(left), _written_year(right)
    if isinstance(left, (v.Span, v.Part)) and school_year_unwritten(left):
        left = _school_year_before(left, edge(right, ctx)[1], ctx)
    elif ly is None and _yearless(left):
        year = ry if ry is not None else _resolved_year(right, ctx)
        if year is not None:
            moved = _set_year(left, year)
            if edge(moved, ctx)[0] >= edge(right, ctx)[1]:
                moved = _set_year(left, year - 1)
            left = moved
    elif ry is None and _yearless(right) and ly is not None:
        moved = _set_year(right, ly)
        if edge(moved, ctx)[1] <= edge(left, ctx)[0]:
            moved = _set_year(right, ly + 1)
        right = moved
    return left, right


def _school_year_before(left: v.Span | v.Part, end: datetime, ctx: Ctx) -> v.Span | v.Part:
    """ "từ đầu năm học đến nay": a start in a school year not written is in the last school
    year where it begins before the range ends (as a day without a year before "đến nay")."""
    for first_year in range(end.year, end.year - 3, -1):
        moved = in_school_year(left, first_year)
        if edge(moved, ctx)[0] < end:
            return moved
    return left


def _share_years(spans: tuple[v.Span | v.Part, ...]) -> list[v.Span | v.Part]:
    """ "tháng 4, tháng 5/2020": a month without its year takes the year written after it; so
    does a part of one ("cuối tháng 6, đầu tháng 7 năm 2024")."""
    out: list[v.Span | v.Part] = []
    year: int | None = None
    for item in reversed(spans):
        span = item.of if isinstance(item, v.Part) else item
        if _yearless(span) and year is not None:
            span = _span_in(span, year)
        elif span.year_written:
            year = span.args[-1]
        out.append(replace(item, of=span) if isinstance(item, v.Part) else span)
    return list(reversed(out))


def _day(e: object) -> v.Day | None:
    if isinstance(e, v.Moment):
        return _day(e.day)
    return e if isinstance(e, v.Day) else None


def _written_year(e: object) -> int | None:
    d = _day(e)
    if d is not None:
        return d.year
    if isinstance(e, v.Span) and e.year_written:
        return e.args[-1]
    return None


_YEARED = frozenset({"months", "week_of_month"})  # spans whose third number is their year


def _yearless(e: object) -> bool:
    d = _day(e)
    if d is not None:
        return d.year is None and d.cycle_year is None and d.month is not None
    if isinstance(e, v.Span) and e.what == "lunar_month":  # (month, lunar year)
        return e.args[1] is None
    return isinstance(e, v.Span) and e.what in _YEARED and e.args[2] is None


def _resolved_year(e: object, ctx: Ctx) -> int | None:
    d = _day(e)
    if d is not None and d.month is not None:
        found = day_of(d, ctx)
        return lunar_year(found) if d.lunar else found.year
    if isinstance(e, v.Span) and e.what == "months":
        return span_bounds(e, ctx)[0].year
    if isinstance(e, v.Span) and e.what == "lunar_month":
        return lunar_year(span_bounds(e, ctx)[0])
    if isinstance(e, v.Refday) and ctx.dated:  # "từ ngày 1/1 đến nay": the notice's year, the
        return ctx.ref.year  # start moved a year back if it falls after the notice
    return None


def _span_in(span: v.Span, year: int) -> v.Span:
    """``span`` (months, a week of a month, a lunar month) in the year it did not write."""
    if span.what == "lunar_month":  # (month, lunar year)
        return replace(span, args=(span.args[0], year))
    return replace(span, args=(*span.args[:2], year))


def _set_year(e: object, year: int) -> object:
    """``e`` (a day, a moment on a day, or months) with the year it did not write."""
    if isinstance(e, v.Moment) and isinstance(e.day, v.Day):
        return v.Moment(replace(e.day, year=year), e.clock)
    if isinstance(e, v.Day):
        return replace(e, year=year)
    assert isinstance(e, v.Span)
    return _span_in(e, year)


def _fill(items: tuple[v.Day | int | v.Point, ...], ctx: Ctx) -> list[v.Point]:
    """Days of a list: a bare number takes the month and year of the day after it."""
    out: list[v.Point] = []
    following: v.Day | None = None
    for item in reversed(items):
        point: v.Point
        if isinstance(item, int) or (isinstance(item, v.Day) and item.month is None):
            # a bare number, or one beside its weekday ("thứ Hai, ngày 07"), takes the month after
            number, weekday = (item, None) if isinstance(item, int) else (item.day, item.weekday)
            if following is None or following.month is None:
                raise Unreadable(f"ngày {number} thiếu tháng")
            point = replace(following, day=number, weekday=weekday, alias=None)
        elif isinstance(item, v.Day) and item.year is None and following is not None:
            ok = following.year is not None and not item.lunar
            point = replace(item, year=following.year) if ok else item
        else:
            point = item
        day = _day(point)
        if day is not None:
            following = day
        out.append(point)
    return list(reversed(out))


def _days(days: v.Days, ctx: Ctx) -> Interval:
    points = _fill(days.items, ctx)
    bounds = [point_bounds(p, ctx) for p in points]
    starts = [b[0] for b in bounds]
    ends = [b[1] if b[0] != b[1] else b[1] for b in bounds]
    return min(starts), max(ends)


def _daily_window(w: v.DailyWindow, ctx: Ctx) -> Interval:
    if isinstance(w.days, v.Range):  # "từ 15h00 đến 18h00 các ngày từ 21/01 – 12/02/2017"
        start, due = _range(w.days, ctx)
        if start is None:
            raise Unreadable("không rõ ngày bắt đầu")
        days = [start.date(), (due - timedelta(minutes=1)).date()]
    elif any(isinstance(i, v.Relday) and i.next_day for i in getattr(w.days, "items", ())):
        # "từ 19 giờ đến 6 giờ sáng hôm sau": a night, but after which day?
        raise Unreadable("khung giờ qua đêm không có ngày bắt đầu: ghi thêm ngày hoặc ghim ngày")
    elif isinstance(w.days, v.Days):
        days = [day_of(p, ctx) for p in _fill(w.days.items, ctx)]
    else:
        days = [day_of(w.days, ctx)]
    start, due = moment(min(days), w.first, ctx), moment(max(days), w.last, ctx)
    if start >= due:
        raise Unreadable("khoảng thời gian kết thúc trước khi bắt đầu")
    return start, due


# -- offsets ----------------------------------------------------------------------------
def relative(r: v.Relative, ctx: Ctx) -> Deadline:
    """Counted from an event, the notice, or a written day."""
    anchor_day, anchor_name = _anchor(r.anchor, ctx)
    if r.length and anchor_day is not None:
        return _length(anchor_day, r, ctx)
    due: datetime | None = None
    offset: str | None = None
    business = r.duration.business if r.duration else False
    if r.month_day is not None:
        if anchor_day is not None:
            year, month = anchor_day.year, anchor_day.month - 1 or 12
            due = end_of(date(year - (month == 12), month, r.month_day), ctx)
    elif r.duration is not None:
        offset = _offset(r.duration, r.sign)
        if anchor_day is not None:
            due = _due(anchor_day, r, ctx)
            if isinstance(r.anchor, v.Moment) and r.duration.unit in ("gio", "phut"):
                # "72 giờ kể từ 8h ngày 6/12": hours from that moment, not from the day's start
                due += moment(anchor_day, r.anchor.clock, ctx) - ctx.at(anchor_day)
    return Deadline(
        phrase=ctx.phrase,
        kind="relative",
        due=due,
        offset=offset,
        business_days=business,
        anchor=anchor_name,
        has_time=due is not None and r.clock is not None and not r.clock.next_day,
        warnings=tuple(ctx.warnings),
    )


def _length(first: date, r: v.Relative, ctx: Ctx) -> Deadline:
    """What begins on ``first`` and lasts ``r.duration``, its first day counted ("từ ngày
    18/2 kéo dài 8 ngày" is 18/2 to 25/2): a period, not a count from the day after."""
    assert r.duration is not None
    last = _count(first, r.duration.n, r.duration, ctx)
    clock = r.anchor.clock if isinstance(r.anchor, v.Moment) else None
    return Deadline(
        phrase=ctx.phrase,
        kind="period",
        due=ctx.at(last),
        start=ctx.at(first) if clock is None else moment(first, clock, ctx),  # "từ 8h ngày 6/12"
        warnings=tuple(ctx.warnings),
    )


def _offset(d: v.Duration, sign: int) -> str:
    minus = "-" if sign < 0 and d.n else ""
    if d.unit in ("gio", "phut"):
        return f"{minus}PT{d.n}{'H' if d.unit == 'gio' else 'M'}"
    if d.unit == "quy":
        return f"{minus}P{3 * d.n}M"
    return f"{minus}P{d.n}{_UNIT_CODES[d.unit]}"


def _due(anchor: date, r: v.Relative, ctx: Ctx) -> datetime:
    d = r.duration
    assert d is not None
    if d.n == 0:  # "trước khi X": X's day is late; "cùng với X": X's day counts
        return ctx.at(anchor) if "before" in r.lead.split() else end_of(anchor, ctx)
    n = -d.n if r.sign < 0 else d.n
    if d.unit in ("gio", "phut"):
        return ctx.at(anchor) + timedelta(hours=n if d.unit == "gio" else n / 60)
    if r.clock is not None and not r.clock.next_day:  # "14 giờ ngày làm việc tiếp theo sau X"
        return ctx.at(_count(anchor, n, d, ctx), r.clock.hour, r.clock.minute)
    return end_of(_count(anchor, n, d, ctx), ctx)


def _count(anchor: date, n: int, d: v.Duration, ctx: Ctx) -> date:
    """The last day of an offset (counted in full)."""
    if d.unit == "ngay" and d.business:
        return add_working_days(anchor, n, ctx.settings)
    if d.unit == "ngay":
        return anchor + timedelta(days=n)
    if d.unit == "tuan":
        return anchor + timedelta(weeks=n)
    months = {"thang": 1, "quy": 3, "nam": 12}[d.unit]
    return anchor + relativedelta(months=n * months)


def _anchor(anchor: object, ctx: Ctx) -> tuple[date | None, str]:
    notice = ctx.ref if ctx.dated else None  # a text without a date: counted from an unknown day
    if anchor is None:
        return notice, REF_ANCHOR_NAME
    if isinstance(anchor, v.Refday):
        return notice, ctx.orig(anchor.pos, anchor.end)
    if isinstance(anchor, v.Event):
        if anchor.name == UNNAMED:
            return None, anchor.name
        return event_day(anchor.name, ctx), anchor.name
    assert isinstance(anchor, (v.Day, v.Weekday, v.Relday, v.Tet, v.Moment))
    if isinstance(anchor, (v.Day, v.Tet)) and anchor.written:  # as written, not what follows
        return day_of(anchor, ctx), anchor.written
    if isinstance(anchor, v.Moment):  # "8h ngày 6/12/2023": named by its day
        return day_of(anchor, ctx), ctx.orig(getattr(anchor.day, "pos", 0))
    return day_of(anchor, ctx), ctx.orig(getattr(anchor, "pos", 0))


def event_day(name: str, ctx: Ctx) -> date | None:
    """The day of an event the notice or the settings name (``events:``)."""
    wanted = fold(name)
    for event, day in ctx.settings.events:
        known = fold(event)
        if known and (known in wanted or wanted in known):
            return day
    return None
