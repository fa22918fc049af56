"""Days, moments, ranges, periods and "no deadline": the general reading.

The atoms of the phrase are found first (clock times, then days, weekdays,
periods), each consuming its words; then their combination decides the kind.
Surrounding words ("trước", "chậm nhất", "hạn cuối", "báo cáo ... về ...")
are read where they change the meaning and otherwise ignored; a number
nobody understood makes the phrase unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from giaoban.deadline.atoms import (
    ISO,
    DayAtom,
    TimeAtom,
    Unreadable,
    WeekdayAtom,
    find_days,
    find_times,
    find_weekdays,
    has_digit,
    resolve_day,
    resolve_weekday,
)
from giaoban.deadline.context import Ctx, zone
from giaoban.deadline.model import Deadline
from giaoban.deadline.periods import PeriodAtom, find_periods

RANGE_LINK = re.compile(r"\s*(?:den(?:\s+het)?|toi|-)\s*(?:ngay\s*)?")
OPEN_START = re.compile(r"^(?:ke\s+|bat dau\s+|ap dung\s+)?tu(?![a-z])")
BEFORE = re.compile(r"(?<![a-z])truoc\s*(?:ngay\s*)?$")
LATEST = re.compile(r"cham nhat|han cuoi|den het|khong qua|toi da")
REL_DAY = re.compile(r"(?<![a-z])(?:ngay\s+)?(?P<d>hom nay|mai|ngay kia)(?![a-z])")
NONE_WORDS = re.compile(
    r"(?<![a-z])(?:thuong xuyen|kip thoi|khan truong|ngay|theo quy dinh|quy dinh|som|gap"
    r"|tam thoi|truoc mat|dot xuat|khi co yeu cau|lien tuc|dung tien do|dung thoi gian"
    r"|chu dong|cang som cang tot|thuong truc)(?![a-z])"
)
_REL_DAYS = {"hom nay": 0, "mai": 1, "ngay kia": 2}


@dataclass(frozen=True)
class _Span:
    """A day or a period being combined into a range."""

    first: date
    after: date
    pos: int
    end: int
    year_written: bool


def read_iso(ctx: Ctx) -> Deadline | None:
    """An ISO 8601 date or date-time, as the YAML files may store it."""
    m = ISO.fullmatch(ctx.text.orig)
    if m is None:
        return None
    try:
        if m["h"] is None:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
            return Deadline(ctx.phrase, "date", _end_or_start(ctx, day, strict=False))
        moment = datetime.fromisoformat(ctx.text.orig.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        raise Unreadable("ngày giờ ISO không hợp lệ") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(ctx.settings.tz))
    return Deadline(ctx.phrase, "date", moment, has_time=True)


def read_general(ctx: Ctx) -> Deadline | None:
    text = ctx.text
    times = find_times(text)
    days = find_days(text)
    weekdays = find_weekdays(text)
    periods = find_periods(text, ctx)
    rel_days = list(REL_DAY.finditer(text.rest))
    for m in rel_days:
        text.blank(m.start(), m.end())
    if has_digit(text.rest):
        raise Unreadable("có số không hiểu được")
    if len(times) > 2 or len(weekdays) > 1 or len(rel_days) > 1:
        raise Unreadable("có nhiều hơn một mốc thời gian")

    spans = [_day_span(d, ctx) for d in days] + [_period_span(p) for p in periods]
    spans.sort(key=lambda s: s.pos)
    ranged = _range(ctx, spans, times)
    if ranged is not None:
        return ranged
    if len(times) > 1:
        raise Unreadable("có nhiều hơn một giờ")
    clock = times[0] if times else None
    if days:
        return _on_day(ctx, days, clock)
    if weekdays:
        return _on_weekday(ctx, weekdays[0], periods, clock)
    if rel_days:
        day = ctx.ref + timedelta(days=_REL_DAYS[rel_days[0]["d"]])
        return _point(ctx, day, clock, rel_days[0].start())
    if periods:
        return _in_period(ctx, periods, clock)
    if clock is not None:
        return _point(ctx, ctx.ref, clock, clock.pos)
    if NONE_WORDS.search(text.f):
        return Deadline(ctx.phrase, "none", None)
    return None


def _day_span(atom: DayAtom, ctx: Ctx) -> _Span:
    day = resolve_day(atom, ctx)
    return _Span(day, day + timedelta(days=1), atom.pos, atom.end, atom.year is not None)


def _period_span(atom: PeriodAtom) -> _Span:
    return _Span(atom.first, atom.after, atom.pos, atom.end, atom.year_written)


def _range(ctx: Ctx, spans: list[_Span], times: list[TimeAtom]) -> Deadline | None:
    """ "từ A đến (hết) B", "A - B": a period from the start of A to the end of B."""
    pairs = [
        (a, b)
        for a, b in zip(spans, spans[1:], strict=False)
        if RANGE_LINK.fullmatch(ctx.text.f[a.end : b.pos])
    ]
    if not pairs:
        return None
    left, right = _same_year(*pairs[0])
    if left.first >= right.after:
        raise Unreadable("khoảng thời gian kết thúc trước khi bắt đầu")
    start, due = ctx.at(left.first), ctx.at(right.after)
    has_time = False
    for atom in times:
        if atom.pos < left.pos:
            start = ctx.at(left.first, atom.at)
        elif atom.pos < right.pos or atom.pos >= right.end:
            due = _moment(ctx, right.after - timedelta(days=1), atom)
            has_time = True
    return Deadline(ctx.phrase, "period", due, start=start, has_time=has_time)


def _same_year(left: _Span, right: _Span) -> tuple[_Span, _Span]:
    """ "30/04 - 01/5/2019": the side without a year takes the other's."""
    if left.year_written == right.year_written:
        return left, right
    if right.year_written:
        moved = _shift_years(left, right.after.year - left.after.year)
        if moved.first >= right.after:
            moved = _shift_years(moved, -1)
        return moved, right
    moved = _shift_years(right, left.first.year - right.first.year)
    if moved.after <= left.first:
        moved = _shift_years(moved, 1)
    return left, moved


def _shift_years(span: _Span, years: int) -> _Span:
    try:
        first = span.first.replace(year=span.first.year + years)
        after = span.after.replace(year=span.after.year + years)
    except ValueError:
        raise Unreadable("ngày 29/02 không có trong năm đó") from None
    return _Span(first, after, span.pos, span.end, True)


def _on_day(ctx: Ctx, days: list[DayAtom], clock: TimeAtom | None) -> Deadline:
    if len(days) > 1:
        raise Unreadable("có nhiều hơn một ngày")
    atom = days[0]
    if clock is None and OPEN_START.match(ctx.text.f):
        return Deadline(ctx.phrase, "none", None)  # "từ ngày X": open-ended, no deadline
    return _point(ctx, resolve_day(atom, ctx), clock, atom.pos)


def _on_weekday(
    ctx: Ctx, atom: WeekdayAtom, periods: list[PeriodAtom], clock: TimeAtom | None
) -> Deadline:
    weeks = [p for p in periods if p.what == "week"]
    if len(periods) > len(weeks) or len(weeks) > 1:
        raise Unreadable("không rõ thứ trong tuần thuộc khoảng nào")
    if weeks:
        day = weeks[0].first + timedelta(days=atom.weekday)
    else:
        day = resolve_weekday(atom, ctx.ref)
    return _point(ctx, day, clock, atom.pos)


def _point(ctx: Ctx, day: date, clock: TimeAtom | None, pos: int) -> Deadline:
    if clock is not None:
        return Deadline(ctx.phrase, "date", _moment(ctx, day, clock), has_time=True)
    prefix = ctx.text.f[:pos]
    strict = bool(BEFORE.search(prefix)) and not LATEST.search(prefix)
    return Deadline(ctx.phrase, "date", _end_or_start(ctx, day, strict))


def _moment(ctx: Ctx, day: date, clock: TimeAtom) -> datetime:
    return ctx.end_of(day) if clock.next_day else ctx.at(day, clock.at)


def _end_or_start(ctx: Ctx, day: date, strict: bool) -> datetime:
    """A named day counts in full, unless the office reads "trước ngày X" strictly."""
    return ctx.at(day) if strict and ctx.settings.strict_before else ctx.end_of(day)


def _in_period(ctx: Ctx, periods: list[PeriodAtom], clock: TimeAtom | None) -> Deadline:
    if len(periods) > 1:
        raise Unreadable("có nhiều hơn một khoảng thời gian")
    if clock is not None:
        raise Unreadable("giờ đi kèm một khoảng thời gian")
    period = periods[0]
    prefix = ctx.text.f[: period.pos]
    if BEFORE.search(prefix) and period.what != "part_of_month":
        # "trước tháng 5/2024": late once the period starts.
        return Deadline(ctx.phrase, "date", ctx.at(period.first))
    return Deadline(ctx.phrase, "period", ctx.at(period.after), start=ctx.at(period.first))
