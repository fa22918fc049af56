"""A phrase's value read against its notice: days, periods and due moments.

The rules of PRODUCT.md live here, once each:

- a named day counts in full: due at 00:00 of the next day (``end_of``),
  unless the office reads "trước ngày X" strictly;
- a clock time is exact; "24 giờ" is the end of its day;
- a period is due when it ends and keeps its start;
- a phrase without a year takes the notice's year, or the next one when
  that would put it more than a month before the notice (``year_for``; a
  period, an ISO week among them, by its last day: ``_by_year``);
- a day without a month takes the notice's month, or the next one once that
  day of it has passed (``month_for``);
- the two sides of a range, and the items of a list, share what only one of
  them writes (the year, the month, the day);
- a weekday or a lunar date written beside a day that disagrees with it is a
  warning; the day as written wins.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from giaoban.deadline import values as v
from giaoban.deadline.build import OUTSIDE, Unreadable
from giaoban.deadline.calendars import NoSuchDay, cycle_year, lunar_day, lunar_year, tet
from giaoban.deadline.calendars import school_year as school_year_bounds
from giaoban.deadline.calendars import semester as semester_bounds
from giaoban.deadline.context import Ctx
from giaoban.deadline.describe import weekday_name
from giaoban.deadline.lexicon import RELATIVE
from giaoban.deadline.values import THIRDS

WELL_BEFORE = timedelta(days=31)  # a day this far before the notice means next year
# "đầu/giữa/cuối tháng" (thượng/trung/hạ tuần): days 1-10, 11-20, 21 to the end
_STRICT_BREAKERS = ("latest", "het", "to", "in")

Bounds = tuple[date, date]  # days [first, after)


# -- days ----------------------------------------------------------------------------
def well_before(ref: date) -> date:
    """The first day not yet "well before" a notice of ``ref`` (``WELL_BEFORE``): a day
    without a year before it is next year's; the calendar's first day near the year 1."""
    return ref - WELL_BEFORE if ref - date.min >= WELL_BEFORE else date.min


def year_for(month: int, day: int, ctx: Ctx) -> int:
    """The year of a day written without one: the notice's, or the next."""
    ref = ctx.ref
    for year in (ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= well_before(ref):
            return year
    # Named by its date, not as "the notice's": ``deadline`` reads a phrase against today
    # when given no --ref, and the clerk must see the day the year was taken from.
    raise Unreadable(
        f"ngày {day:02d}/{month:02d} không có thật trong năm {ref.year} và năm {ref.year + 1} "
        f"(ngày không ghi năm được đọc trong năm của ngày {ref:%d/%m/%Y} hoặc năm sau)"
    )


def month_for(day: int, ctx: Ctx) -> tuple[int, int]:
    """The year and month of a day written without its month: the notice's, or the next
    when the day has passed in it."""
    return _shift_month(ctx.ref, 1 if day < ctx.ref.day else 0)


def day_of(point: v.Point, ctx: Ctx, year: int | None = None) -> date:
    """The day a point names; ``year`` for a day whose text gives none."""
    if isinstance(point, v.Moment):
        return day_of(point.day, ctx, year)
    if isinstance(point, v.Day):
        return _calendar_day(point, ctx, year)
    if isinstance(point, v.Weekday):
        return _weekday(point, ctx)
    if isinstance(point, v.Relday):
        return ctx.ref + timedelta(days=point.days)
    if isinstance(point, v.Refday):
        return ctx.ref
    if isinstance(point, v.Tet):
        if point.year is not None:
            return tet(point.year)
        ref = ctx.ref
        if point.cycle_year is not None:
            return tet(cycle_year(point.cycle_year, ref.year))
        first = tet(lunar_year(ref))
        return first if first >= well_before(ref) else tet(lunar_year(ref) + 1)
    raise Unreadable("giờ không kèm ngày")


_SAID_DAYS = {0: "hôm nay", 1: "ngày mai", 2: "ngày kia"}


def _calendar_day(d: v.Day, ctx: Ctx, year: int | None) -> date:
    if d.month_offset is not None:  # "ngày 05 tháng sau": the month counted from the notice's
        shifted_year, shifted_month = _shift_month(ctx.ref, d.month_offset)
        d = replace(d, month=shifted_month, year=shifted_year, month_offset=None)
    if d.month is None:
        raise Unreadable(f'"{d.written or d.day}" thiếu tháng')
    if d.lunar:
        found = _lunar(d, ctx, year)
    else:
        if d.year_offset is not None:
            year = ctx.ref.year + d.year_offset
        y = d.year or year or _year_by_weekday(d, ctx) or year_for(d.month, d.day, ctx)
        try:
            found = date(y, d.month, d.day)
        except ValueError:
            raise Unreadable(f"ngày {d.day:02d}/{d.month:02d}/{y} không có thật") from None
    if d.weekday is not None and d.weekday != found.weekday():
        ctx.warn(
            f"{found:%d/%m/%Y} là {weekday_name(found)}, không phải "
            f"{weekday_name(found + timedelta(days=d.weekday - found.weekday()))}; đọc theo ngày"
        )
    if d.said_day is not None and found != ctx.ref + timedelta(days=d.said_day):
        said = ctx.ref + timedelta(days=d.said_day)  # "ngày mai (9/3)" in a notice of 1/3
        ctx.warn(
            f"{found:%d/%m/%Y} không phải {_SAID_DAYS[d.said_day]} ({said:%d/%m/%Y}); đọc theo ngày"
        )
    if d.alias is not None:
        _check_alias(d.alias, found, ctx)
    if d.within is not None:  # "Đầu tháng 10/2024 (dự kiến 05/10/2024)": a day in that part
        _check_within(d, found, ctx)
    return found


def _check_within(d: v.Day, found: date, ctx: Ctx) -> None:
    """Raise Unreadable when ``found`` lies outside the part of its month ``d`` was told in."""
    assert d.within is not None
    of = d.within.of
    if of.args[-1] is None:  # "Đầu tháng 10 (dự kiến 05/10)": the month of the day's year
        of = replace(of, args=(*of.args[:-1], found.year))
    first, after = _part(replace(d.within, of=of), ctx)
    if not first <= found < after:
        raise Unreadable(OUTSIDE.format(d.written or f"{found:%d/%m/%Y}", d.within_said))


def _year_by_weekday(d: v.Day, ctx: Ctx) -> int | None:
    """A day without its year but with its weekday: of the years ``year_for`` lets it take
    (the notice's, or the next), the one where they agree; None when neither does (the
    year is then ``year_for``'s, and a warning says the weekday disagrees). A weekday never
    takes the day to a year well before the notice, or two years on."""
    if d.weekday is None or d.month is None:
        return None
    for year in (ctx.ref.year, ctx.ref.year + 1):
        try:
            candidate = date(year, d.month, d.day)
        except ValueError:
            continue
        if candidate >= well_before(ctx.ref) and candidate.weekday() == d.weekday:
            return year
    return None


def _lunar(d: v.Day, ctx: Ctx, year: int | None) -> date:
    assert d.month is not None
    if d.cycle_year is not None:
        # nearest the year asked for (a solar day's told beside it), else the notice's
        y = cycle_year(d.cycle_year, ctx.ref.year if year is None else year)
    else:
        y = d.year or year or lunar_year(ctx.ref)
    try:
        found = lunar_day(d.day, d.month, y)
        if d.year is None and d.cycle_year is None and year is None:
            if found < well_before(ctx.ref):
                found = lunar_day(d.day, d.month, y + 1)
    except NoSuchDay:
        raise Unreadable(f"ngày {d.day}/{d.month} âm lịch năm {y} không có thật") from None
    return found


def _check_alias(alias: v.Day, found: date, ctx: Ctx) -> None:
    try:
        other = _calendar_day(alias, ctx, lunar_year(found) if alias.lunar else found.year)
    except Unreadable:
        other = None
    if other != found:
        ctx.warn(f'"{alias.written}" không phải ngày {found:%d/%m/%Y}; đọc theo ngày dương lịch')


def _weekday(w: v.Weekday, ctx: Ctx) -> date:
    if w.in_week is not None:  # an ISO week begins on Monday; seven days of a month may not
        first = span_bounds(w.in_week, ctx)[0]
        return first + timedelta(days=(w.weekday - first.weekday()) % 7)
    ref = ctx.ref
    monday = ref - timedelta(days=ref.weekday())
    if w.week is not None:  # "thứ 6 tuần này", "tuần sau", "tuần liền kề trước"
        return monday + timedelta(days=w.weekday + 7 * RELATIVE.get(w.week, 1))
    return ref + timedelta(days=(w.weekday - ref.weekday()) % 7)


# -- periods ----------------------------------------------------------------------------
def _month(year: int, month: int) -> Bounds:
    if not 1 <= month <= 12:
        raise Unreadable(f"tháng {month} không có thật")
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last) + timedelta(days=1)


def _iso_week(year: int, n: int) -> Bounds:
    try:
        monday = date.fromisocalendar(year, n, 1)
    except ValueError:
        raise Unreadable(f"năm {year} không có tuần {n}") from None
    return monday, monday + timedelta(days=7)


def _months(year: int, first: int, last: int) -> Bounds:
    return _month(year, first)[0], _month(year, last)[1]


def _shift_month(day: date, months: int) -> tuple[int, int]:
    """The year and month ``months`` months after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _by_year(bounds_of: Callable[[int], Bounds], year: int | None, ctx: Ctx) -> Bounds:
    """A period of a written year, or of the notice's year or the next."""
    if year is not None:
        return bounds_of(year)
    ref = ctx.ref
    found = bounds_of(ref.year)
    if found[1] - timedelta(days=1) < well_before(ref):
        return bounds_of(ref.year + 1)
    return found


def _need(value: int | None) -> int:
    assert value is not None
    return value


def span_bounds(span: v.Span | v.Part, ctx: Ctx) -> Bounds:
    """The days ``[first, after)`` of a named period."""
    if isinstance(span, v.Part):
        return _part(span, ctx)
    if school_year_unwritten(span):  # "trong năm học", "học kỳ I": no years written
        return _of_school_year(lambda y: span_bounds(in_school_year(span, y), ctx), ctx)
    what, args = span.what, span.args
    if span.year_offset is not None and what != "semester":  # "quý IV năm nay", "tháng 1 năm sau"
        args = (*args[:-1], ctx.ref.year + span.year_offset)
    if what == "months":
        first, last, year = _need(args[0]), _need(args[1]), args[2]
        return _by_year(lambda y: _months(y, first, last), year, ctx)
    if what == "lunar_month":
        return _lunar_month(_need(args[0]), args[1], ctx)
    if what == "week":  # an ISO week: of its year written, else as a day without a year
        return _by_year(lambda y: _iso_week(y, _need(args[0])), args[1], ctx)
    if what == "week_of_month":
        nth, month = _need(args[0]), _need(args[1])
        day1, after = _by_year(lambda y: _month(y, month), args[2], ctx)
        start = after - timedelta(days=7) if nth < 0 else day1 + timedelta(days=7 * (nth - 1))
        if not day1 <= start < after:
            raise Unreadable(f"tháng {month} không có tuần thứ {nth}")
        return start, min(after, start + timedelta(days=7))
    if what == "year":
        year = _need(args[0])
        return date(year, 1, 1), date(year + 1, 1, 1)
    if what == "school_year":
        first_year, second_year = _need(args[0]), args[1]
        if second_year is not None and second_year != first_year + 1:
            raise Unreadable(f"năm học {first_year}-{second_year} không liền nhau")
        return school_year_bounds(first_year, ctx.settings.school_year)
    if what == "semester":  # of a school year written, or counted from the notice's
        year = args[1] or _school_year_of(ctx) + (span.year_offset or 0)
        return semester_bounds(_need(args[0]), year, ctx.settings.school_year)
    return _relative_span(span.unit, _need(args[0]), ctx)


def _lunar_month(month: int, year: int | None, ctx: Ctx) -> Bounds:
    """A lunar month of a lunar year written, or without one of the notice's lunar year, or
    of the next when that puts it well before the notice (as a solar month's year)."""
    if year is None:
        found = _lunar_month_of(month, lunar_year(ctx.ref))
        if found[1] - timedelta(days=1) < well_before(ctx.ref):
            return _lunar_month_of(month, lunar_year(ctx.ref) + 1)
        return found
    return _lunar_month_of(month, year)


def _lunar_month_of(month: int, y: int) -> Bounds:
    try:
        first = lunar_day(1, month, y)
        after = lunar_day(1, 1, y + 1) if month == 12 else lunar_day(1, month + 1, y)
    except NoSuchDay:
        raise Unreadable(f"tháng {month} âm lịch năm {y} không có thật") from None
    return first, after


def _relative_span(unit: str, n: int, ctx: Ctx) -> Bounds:
    ref = ctx.ref
    if unit == "month":
        return _month(*_shift_month(ref, n))
    if unit == "quarter":
        year, month = _shift_month(ref, 3 * n)
        q = (month - 1) // 3
        return _months(year, 3 * q + 1, 3 * q + 3)
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=n)
        return monday, monday + timedelta(days=7)
    if unit == "semester":
        return _semester_after(ref, n, ctx)
    if unit == "school_year":
        return school_year_bounds(_school_year_of(ctx) + n, ctx.settings.school_year)
    return date(ref.year + n, 1, 1), date(ref.year + n + 1, 1, 1)


def _semester_after(ref: date, n: int, ctx: Ctx) -> Bounds:
    """The semester ``n`` after the one the notice falls in (summers left out)."""
    bounds = ctx.settings.school_year
    year = _school_year_of(ctx)
    index = 0 if ref < semester_bounds(2, year, bounds)[0] else 1
    index += n
    return semester_bounds(index % 2 + 1, year + index // 2, bounds)


def _school_year_of(ctx: Ctx) -> int:
    """The first year of the school year "năm học này", "học kỳ tới" count from: the one the
    notice falls in, or, from two months before its start, the coming one."""
    ref = ctx.ref
    start = date(ref.year, *ctx.settings.school_year.start)
    return ref.year if ref >= start - timedelta(days=60) else ref.year - 1


def school_year_unwritten(span: object) -> bool:
    """A school year, or a semester, named without its years and not counted from the notice's
    ("trong năm học", "học kỳ I"; not "năm học này", "học kỳ I năm học tới"), or a part of
    one ("cuối năm học")."""
    if isinstance(span, v.Part):
        return school_year_unwritten(span.of)
    if not isinstance(span, v.Span):
        return False
    if span.what == "school_year":
        return span.args[0] is None
    return span.what == "semester" and span.args[1] is None and span.year_offset is None


def in_school_year(span: v.Span | v.Part, first_year: int) -> v.Span | v.Part:
    """``span``, a school year or semester without its years (or a part of one), in the school
    year of ``first_year``."""
    if isinstance(span, v.Part):
        return replace(span, of=_span_in_school_year(span.of, first_year))
    return _span_in_school_year(span, first_year)


def _span_in_school_year(span: v.Span, first_year: int) -> v.Span:
    if span.what == "school_year":
        return replace(span, args=(first_year, first_year + 1))
    return replace(span, args=(span.args[0], first_year))


def _of_school_year(bounds_of: Callable[[int], Bounds], ctx: Ctx) -> Bounds:
    """A period of a school year not written (``bounds_of`` a school year's first year): of the
    school year the notice falls in, or of the next when that puts it well before the notice,
    as a period without a year (``_by_year``), or once that school year is over: a notice of
    the summer break names the coming year (and its summer semester the break itself)."""
    ref = ctx.ref
    for first_year in (ref.year - 1, ref.year):
        found = bounds_of(first_year)
        year_after = school_year_bounds(first_year, ctx.settings.school_year)[1]
        over = ref >= year_after and found[1] <= year_after
        if not over and found[1] - timedelta(days=1) >= well_before(ref):
            return found
    return bounds_of(ref.year + 1)


# "đầu / giữa / cuối tuần": days from Monday (0) to the day after the part
_WEEK_PARTS = {"dau": (0, 2), "giua": (2, 4), "cuoi": (5, 7)}


def _part(part: v.Part, ctx: Ctx) -> Bounds:
    if school_year_unwritten(part):  # "cuối năm học": that part of the school year it falls in
        return _of_school_year(lambda y: span_bounds(in_school_year(part, y), ctx), ctx)
    first, after = span_bounds(part.of, ctx)
    if part.unit == "nua":  # "nửa đầu tháng 4": days 1-15; "nửa cuối": the 16th to the end
        if after - first <= timedelta(days=31):  # a month of any length, solar or lunar
            halfway = first + timedelta(days=15)
        else:  # "nửa đầu quý 3": its first month and a half (to the 15th of the second)
            year, month = _shift_month(first, 1)
            halfway = date(year, month, 16)
        return (first, halfway) if part.part == "dau" else (halfway, after)
    if part.count is not None:  # "3 ngày đầu tháng 4", "2 tuần cuối tháng 12"
        length = timedelta(days=part.count * (7 if part.unit == "tuan" else 1))
        if not timedelta(0) < length <= after - first:
            unit = "tuần" if part.unit == "tuan" else "ngày"
            raise Unreadable(f"{part.count} {unit} dài hơn khoảng thời gian được nêu")
        return (first, first + length) if part.part == "dau" else (after - length, after)
    if after - first == timedelta(days=7):  # a week: Monday-Tuesday, Wednesday-Thursday,
        lo, hi = _WEEK_PARTS[part.part]  # the weekend (ASSUMED, docs/deadlines.md)
        return first + timedelta(days=lo), first + timedelta(days=hi)
    months = (after.year - first.year) * 12 + after.month - first.month
    if months <= 1:  # a month: days 1-10, 11-20, 21 to the end
        lo, hi = THIRDS[part.part]  # counted from the month's first day, solar or lunar
        return first + timedelta(days=lo - 1), min(after, first + timedelta(days=hi))
    if part.part == "giua":
        middle = first.month + months // 2
        year, month = _shift_month(first, middle - first.month)
        found = _month(year, month)
    elif part.part == "dau":
        found = _month(first.year, first.month)
    else:
        last = after - timedelta(days=1)
        found = _month(last.year, last.month)
    return max(first, found[0]), min(after, found[1])  # a semester ends mid-month


# -- moments ----------------------------------------------------------------------------
def end_of(day: date, ctx: Ctx) -> datetime:
    """The moment a whole day is over: 00:00 of the next day."""
    return ctx.at(day + timedelta(days=1))


def moment(day: date, clock: v.Clock, ctx: Ctx) -> datetime:
    if clock.next_day:
        return end_of(day, ctx)
    return ctx.at(day, clock.hour, clock.minute)


def is_strict(lead: str, ctx: Ctx) -> bool:
    """ "trước ngày X" read strictly (the office's setting): X itself is late."""
    words = lead.split()
    return (
        ctx.settings.strict_before
        and "before" in words
        and not (set(words) & set(_STRICT_BREAKERS))
    )


def point_bounds(point: v.Point, ctx: Ctx, year: int | None = None) -> tuple[datetime, datetime]:
    """When a point begins and when it is over (a moment: that moment twice)."""
    if isinstance(point, v.Moment):
        day = day_of(point.day, ctx, year)
        at = moment(day, point.clock, ctx)
        return at, at
    day = day_of(point, ctx, year)
    return ctx.at(day), end_of(day, ctx)


__all__ = [
    "Bounds",
    "day_of",
    "end_of",
    "in_school_year",
    "is_strict",
    "moment",
    "point_bounds",
    "school_year_unwritten",
    "span_bounds",
    "year_for",
]
