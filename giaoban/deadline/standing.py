"""Standing rules: what a day without a year means in a text without a date.

A notice always has a date, and a day without a year takes the notice's year
(docs/deadlines.md). A text read with no date at all (a rule quoted on a
web page, a law) names no year to take: there a day without a year is the
same day every year ("Kết thúc năm học trước ngày 31-5", "ngày 10/3 âm
lịch"), unless a weekday beside it, an hour of it or a part of the day before it ("Sáng
ngày 7/7") makes it one day of one year (``one_year_only``), and a day of "tháng sau" the
same day of every following month ("chậm nhất ngày 05 tháng sau"), a day of "năm sau" the
same day of every year, the year after each report's ("trước ngày 31/01 của năm tiếp
theo"), a weekday of no named week that weekday every week ("từ thứ 2 đến thứ 7"; "Thứ 7:
từ 7h30 đến 11h30", hours kept every Saturday), and a day counted from the notice ("ngày
hôm sau") a day counted from a day the text does not name.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from giaoban.deadline import values as v
from giaoban.deadline.build import UNNAMED


def standing_rule(value: v.At) -> v.Duty | None:
    """The duty ``value`` says in a text without a date, or None when it names a year."""
    when = value.when
    clock = when.clock if isinstance(when, v.Moment) else None
    if isinstance(when, v.Moment):
        when = when.day
    if isinstance(when, v.Day) and when.month_offset is not None:
        return _duty(value, [v.Frequency("thang"), v.OnDays(month_days=(when.day,))], clock)
    if isinstance(when, v.DailyWindow):  # "Thứ 7: từ 7h30 đến 11h30": hours kept every Saturday
        return _weekly_hours(value, when)
    weekdays = _weekdays(when)
    if weekdays is not None:  # "từ thứ 2 đến thứ 7": no week named, so every week
        return _duty(value, [v.Frequency("tuan"), v.OnDays(weekdays=weekdays)], clock)
    if isinstance(when, v.Range):
        window = _window(when)
        return None if window is None else _duty(value, [v.Frequency("nam"), window], None)
    days = _yearless_days(_this_year(when))
    if days is None:
        return None
    return _duty(value, [v.Frequency("nam"), v.OnDays(year_days=days)], clock)


def one_year_only(value: v.At) -> str | None:
    """What makes the days without a year of ``value`` one day of one year, not the same
    day every year, as written in an error: a weekday beside a day ("thứ Bảy 4/5": they
    agree in some years only) or an hour of it ("8 giờ ngày 7/7", "từ 22h ngày 7/1 đến 5h
    ngày 8/1": an appointment, not a rule; of a day of "năm sau", the hour of each year's
    report, "trước 17h ngày 5/1 năm sau", is a rule), a part of the day before it ("Sáng
    ngày 7/7", "chiều 16/4", "tối mùng 1 Tết": an appointment too), or a count of the days
    told before them ("trong hai ngày 22 và 23-8": the length of one run of an event). None:
    nothing does."""
    when = value.when
    sides = (when.left, when.right) if isinstance(when, v.Range) else (when,)
    days = [side.day if isinstance(side, v.Moment) else side for side in sides]
    if any(_weekday_beside(day) for day in days):
        return "thứ ghi kèm ngày chỉ khớp với ngày ấy trong một số năm"
    each_next = isinstance(days[-1], v.Day) and days[-1].year_offset == 1
    if each_next or any(_yearless_days(day) is None for day in days):
        return None
    if any(isinstance(side, v.Moment) for side in sides):
        return "ngày ghi kèm giờ là một lần hẹn, không lặp lại hằng năm"
    part = next((p for day in days for p in _parts(day) if p), "")
    if part:  # "Sáng ngày 7/7": a time of that day, as an hour is
        return f'ngày ghi kèm buổi ("{part}") là một lần hẹn, không lặp lại hằng năm'
    length = value.length
    if length is not None and length.unit in _COUNTED_DAYS:  # "trong hai ngày 22 và 23-8"
        counted = f"{length.n} {_COUNTED_DAYS[length.unit]}"
        return f'số ngày ghi kèm ("{counted}") là độ dài của một đợt, không lặp lại hằng năm'
    return None


# Units of a count told before its days: the length of one run of days ("trong 3 ngày (19, 20
# và 21/7)", "Trong thời gian 6 ngày (từ 9 đến 14-10)"), an event's, as a rule's days are not
_COUNTED_DAYS = {"ngay": "ngày", "tuan": "tuần"}


def _parts(day: object) -> tuple[str, ...]:
    """The parts of the day written before the days of ``day`` ("sáng" of "Sáng ngày 7/7")."""
    items = day.items if isinstance(day, v.Days) else (day,)
    return tuple(d.part for d in items if isinstance(d, v.Day))


def _weekday_beside(day: object) -> bool:
    items = day.items if isinstance(day, v.Days) else (day,)
    return any(
        isinstance(d, v.Day) and d.month is not None and d.weekday is not None for d in items
    )


def _weekly_hours(value: v.At, when: v.DailyWindow) -> v.Duty | None:
    """A clock window on a weekday (or a range of them) of no named week: every week, due
    when the window closes; None for a window on other days."""
    on: object = when.days
    if isinstance(on, v.Days) and len(on.items) == 1:
        on = on.items[0]
    weekdays = _weekdays(on)
    if weekdays is None:
        return None
    parts: list[v.DutyPart] = [v.Frequency("tuan"), v.OnDays(weekdays=weekdays)]
    return _duty(value, [*parts, v.Closes(when.last)], None)


def counted_from_unnamed(value: v.At) -> v.Relative | None:
    """ "ngày hôm sau", "ngày mốt", "16 giờ ngày hôm sau" in a text without a date: the day
    after a day the text does not name (the day something is done, a request is sent), as
    the working day after one is ("ngày làm việc tiếp theo"); None for anything else."""
    when: object = value.when
    clock = when.clock if isinstance(when, v.Moment) else None
    if isinstance(when, v.Moment):
        when = when.day
    if not isinstance(when, v.Relday) or when.days <= 0:
        return None
    duration = v.Duration(when.days, "ngay", False)
    return v.Relative(value.lead, duration, 1, v.Event(UNNAMED, when.pos), clock=clock)


def _duty(value: v.At, parts: list[v.DutyPart], clock: v.Clock | None) -> v.Duty:
    parts.append(v.Link(value.lead))
    if clock is not None:
        parts.append(clock)
    return v.Duty(tuple(parts))


def _weekdays(when: object) -> tuple[int, ...] | None:
    """The weekdays of a weekday, or of a range of weekdays, that names no week."""
    if isinstance(when, v.Weekday) and when.week is None and when.in_week is None:
        return (when.weekday,)
    if not isinstance(when, v.Range):
        return None
    first, last = _weekdays(when.left), _weekdays(when.right)
    if first is None or last is None or first[0] > last[0]:
        return None
    return tuple(range(first[0], last[0] + 1))


def _window(when: v.Range) -> v.Window | None:
    """ "từ ngày 01/4 đến ngày 30/9", "từ ngày 15 - 17/2 âm lịch", "từ 01/10 đến 31/3 năm
    sau" (a window across the new year): from a day to a day of each year."""
    right = when.right.day if isinstance(when.right, v.Moment) else when.right
    if isinstance(right, v.Day) and right.year_offset == 1 and right.year is None:
        right = replace(right, year_offset=None)
    last = _yearless(right)
    left = when.left.day if isinstance(when.left, v.Moment) else when.left
    if isinstance(left, v.Days) and len(left.items) == 2 and isinstance(left.items[0], int):
        first = None if last is None else replace(last, day=left.items[0])  # "15 - 17/2"
    else:
        first = _yearless(left)
    if first is None or last is None or first.lunar != last.lunar:
        return None
    if when.after:  # "kể từ sau ngày 31/3 đến 30/9": from the day after, 1/4
        if first.lunar or (first.month, first.day) == (2, 29):
            return None
        following = date(2001, first.month or 1, first.day) + timedelta(days=1)  # "sau 28/2": 1/3
        first = replace(first, day=following.day, month=following.month)
    return v.Window(first, last)


def _yearless_days(when: object) -> tuple[v.Day, ...] | None:
    """The days ``when`` names with a month and no year: one day, or a list of days of one
    month ("vào các ngày 10, 11 và 12 tháng 5 âm lịch")."""
    if not isinstance(when, v.Days):
        day = _yearless(when)
        return None if day is None else (day,)
    days = [i for i in when.items if isinstance(i, v.Day)]
    if not days or len(days) + sum(isinstance(i, int) for i in when.items) != len(when.items):
        return None
    last = _yearless(days[-1])
    if last is None:
        return None
    found = [replace(last, day=i) if isinstance(i, int) else _yearless(i) for i in when.items]
    if any(d is None or d.lunar != last.lunar for d in found):
        return None
    return tuple(d for d in found if d is not None)


def _this_year(when: object) -> object:
    """ "ngày 31-1 năm sau" without its year: a day of the year after each year's (a yearly
    report's day), the same day every year; "năm nay", "năm trước" are not taken so."""
    if isinstance(when, v.Day) and when.year_offset == 1 and when.year is None:
        return replace(when, year_offset=None)
    return when


def _yearless(day: object) -> v.Day | None:
    """A day with a month and no year (no "năm nay"/"năm sau", no year of the lunar cycle,
    not told again in the other calendar: the two agree in some years only; told again in
    its own, "Rằm tháng Bảy (15/7 âm lịch)", it is the same day every year)."""
    if not isinstance(day, v.Day) or day.month is None:
        return None
    if day.alias is not None and not _said_again(day, day.alias):
        return None
    if day.year is not None or day.year_offset is not None or day.cycle_year is not None:
        return None
    return replace(day, alias=None)


def _said_again(day: v.Day, alias: v.Day) -> bool:
    """Whether ``alias`` is ``day`` written again in the same calendar, with no year."""
    same = (alias.day, alias.month, alias.lunar) == (day.day, day.month, day.lunar)
    return same and alias.year is None and alias.cycle_year is None and alias.year_offset is None
