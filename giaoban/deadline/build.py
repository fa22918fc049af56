"""The value of each rule of ``grammar.lark``: a parse tree to :mod:`values`.

One method per rule (or alias) of the grammar: the one-off deadlines here,
recurring duties in :mod:`build_duty`, single tokens in :mod:`build_atoms`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lark import Token

from giaoban.deadline import values as v
from giaoban.deadline.build_atoms import Unreadable
from giaoban.deadline.build_atoms import is_token as _is
from giaoban.deadline.build_duty import DutyRules
from giaoban.deadline.calendars import cycle_index, cycle_year
from giaoban.deadline.lexicon import ORDINALS
from giaoban.deadline.tokens import number
from giaoban.model.text import fold

__all__ = ["UNNAMED", "Builder", "Unreadable"]

_TENTHS = {"thuong": "dau", "trung": "giua", "ha": "cuoi"}  # "thượng/trung/hạ tuần"
_HALVES = {"sau": "cuoi", "truoc": "dau"}  # "nửa sau / nửa trước tháng 8": its halves
# A day told in brackets beside a month or a part of it, outside it (resolve.py checks a part)
OUTSIDE = '"{}" không nằm trong "{}": ghi một hạn hoặc ghim ngày bằng due: YYYY-MM-DD'
_BEFORE_WORDS = frozenset({"lien truoc", "truoc do"})  # "ngày làm việc trước đó"
SAME_DAY = "ngày đã nêu trước đó"  # "15h00 cùng ngày": the day the text named before
UNNAMED = "mốc không nêu"  # "trước 1 tháng": counted from an event the phrase does not name


# Linking words between a count and its event that say no side of it ("hết" of "hết hạn").
_NO_SIDE = frozenset({"het", "at", "in", "latest"})


class Builder(DutyRules):
    """Values of the rules, for one phrase's tokens."""

    def calendar_day(self, items: list[Any]) -> v.Day:
        if _is(items[0], "NOW") or _is(items[0], "RELDAY"):  # "hôm nay (17/10)": the date wins
            said = None if _is(items[0], "NOW") else self.relday(items[:1])
            if said is not None and said.next_day:  # "hôm sau": after a day not the notice's
                return self.calendar_day(items[1:])
            return _with(self.calendar_day(items[1:]), said_day=0 if said is None else said.days)
        if _is(items[-1], "RELYEAR"):  # "31/3 năm sau": in the year after the notice's
            offset = self.rel_offset(items[-1], "ry")
            return _with(self.date_of(items[0]), year_offset=offset)
        weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
        date = next(self.date_of(t) for t in items if _is(t, "DATE"))
        alias = next((i for i in items if isinstance(i, dict)), None)
        day = _with(date, weekday=weekdays[0] if weekdays else None)
        if alias is None:
            return day
        if alias.get("lunar_marker") and alias.get("date") is None:
            return _with(day, lunar=True, cycle_year=alias.get("cycle"), marked_lunar=True)
        if alias.get("solar_marker") and alias.get("date") is None:
            return day
        other = alias["date"]
        if alias.get("solar"):  # "10/3 âm lịch nhằm thứ 4, 25/4/2018": the solar day wins
            lunar = _with(day, lunar=True, weekday=None, cycle_year=alias.get("cycle"))
            return _with(other, weekday=alias.get("weekday"), alias=lunar)
        if not alias.get("said") and not (other.lunar or alias.get("lunar_marker")):
            # two solar days side by side, "(tức ...)" not written: not the same day told twice
            raise Unreadable(f'không hiểu phần "{other.written}"')
        other = _with(other, lunar=True, cycle_year=alias.get("cycle"))
        return _with(day, alias=other)

    def alias(self, items: list[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"date": None, "said": any(_is(t, "TUC") for t in items)}
        if _solar_told_after(items):
            out["solar"] = True  # the day before was lunar; this one is its solar day
            weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
            out["weekday"] = weekdays[0] if weekdays else None
            out["date"] = self.date_of(next(t for t in reversed(items) if _is(t, "DATE")))
            canchi = next((self.tok(t).parts for t in items if _is(t, "CANCHI")), None)
            if canchi is not None:  # the lunar day's year, checked against the solar day
                out["cycle"] = cycle_index(canchi["stem"], canchi["branch"])
            return out
        for t in items:
            if _is(t, "DATE"):  # of a range "(nhằm 14 đến 17 tháng Chạp)": its last day
                out["date"] = self.date_of(t)
            elif _is(t, "MDAY") and out["date"] is None and any(_is(i, "TET") for i in items):
                out["date"] = self.tet_day([t])  # "mùng 1 Tết"
            elif _is(t, "CANCHI"):
                out["cycle"] = cycle_index(self.tok(t).parts["stem"], self.tok(t).parts["branch"])
                out["lunar_marker"] = True
            elif _is(t, "LUNAR"):
                out["lunar_marker"] = True
            elif _is(t, "SOLAR"):
                out["solar_marker"] = True
        return out

    def no_month(self, items: list[Any]) -> v.Day:
        mday = next(t for t in items if _is(t, "MDAY"))
        return v.Day(self._day_number(mday), None, None, self.pos(mday))

    def month_day(self, items: list[Any]) -> v.Day:
        month = self.span_of(next(t for t in items if _is(t, "MONTH")))
        day = self._day_number(next(t for t in items if _is(t, "MDAY")))
        weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
        m, _, y = month.args
        years = [self.span_of(t).args[0] for t in items if _is(t, "YEAR")]
        y = years[0] if years else y
        weekday = weekdays[0] if weekdays else None
        part = self.part_of_day(next(t for t in items if _is(t, "MDAY")))  # "sáng ngày 6 tháng 6"
        return v.Day(day, m, y, self.pos(items[0]), weekday=weekday, part=part)

    def month_label(self, items: list[Any]) -> v.Day:
        """ "Đầu tháng 10/2024: (dự kiến 05/10/2024)", "trong tháng 6 (ngày 20/6)": a month (or a
        part of it) told more closely by a day in it is that day, as "tháng 6 (ngày 20)" is; a
        day outside it is an error (which of the two is meant, the phrase does not say)."""
        month_token = next(t for t in items if _is(t, "MONTH"))
        month = self.span_of(month_token)
        token = next(t for t in items if _is(t, "DATE"))
        day = self.date_of(token)
        m, _, y = month.args
        said = self._words(items[0], items[-2])
        if day.lunar or day.month != m or (y and day.year and day.year != y):
            raise Unreadable(OUTSIDE.format(self.text(token), said))
        day = day if day.year or not y else _with(day, year=y)
        if not _is(items[0], "PART"):
            return day
        # the part's days (a third, a half, the first or last N days) are resolve._part's,
        # checked once the day has its year
        return _with(day, within=self.part([items[0], month_token]), within_said=said)

    def _words(self, first: Token, last: Token) -> str:
        """The words written from ``first`` to ``last``."""
        return self.written[self.tok(first).start : self.tok(last).end].strip(" .,;:()")

    def rel_month_day(self, items: list[Any]) -> v.Day:
        """ "ngày 05 tháng sau": a day of the month after (or of, or before) the notice's; so
        "tháng sau (ngày 5)", the month written first."""
        month = next(t for t in items if _is(t, "RELMONTH"))
        mday = next(t for t in items if _is(t, "MDAY"))
        offset = self.rel_offset(month, "rm")
        weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
        day = self._day_number(mday)
        if not 1 <= day <= 31:
            raise Unreadable("ngày trong tháng không có thật")
        weekday = weekdays[0] if weekdays else None
        return v.Day(day, None, None, self.pos(mday), weekday=weekday, month_offset=offset)

    def tet_day(self, items: list[Any]) -> v.Day:
        """A day of Tết ("mùng 4 Tết": lunar 4/1), of a year named by its number or by its
        stem and branch ("Tết Nguyên đán Canh Tý 2020": lunar 1/1/2020).

        "28 Tết", "ngày 30 Tết" are the last days of the year Tết closes (28, 30 tháng Chạp),
        as they are said; "mùng" is never written before them. A day between the two ("ngày 15
        Tết") is neither said so: not read."""
        year, cycle = self._tet_year(items[2:])
        day = self._day_number(items[0])
        pos = self.pos(items[0])
        written = self.text(items[0])
        part = self.part_of_day(items[0])  # "tối mùng 1 Tết"
        if day <= 10:
            return v.Day(
                day, 1, year, pos, lunar=True, cycle_year=cycle, written=written, part=part
            )
        if day < 20 or re.match(r"(?:ngày\s+)?(?:mùng|mồng|mung|mong)\b", written.lower()):
            raise Unreadable(f'"{written} Tết" không rõ là ngày nào của tháng Chạp hay tháng Giêng')
        year = year - 1 if year is not None else None
        cycle = (cycle - 1) % 60 if cycle is not None else None
        return v.Day(day, 12, year, pos, lunar=True, cycle_year=cycle, written=written, part=part)

    def _tet_year(self, items: list[Any]) -> tuple[int | None, int | None]:
        """The lunar year Tết opens, by number, else the place of its name in the cycle."""
        years = [int(self.tok(t).parts["yn"]) for t in items if _is(t, "YEARNUM")]
        names = [self.tok(t).parts for t in items if _is(t, "CANCHI")]
        cycle = cycle_index(names[0]["stem"], names[0]["branch"]) if names else None
        if years and cycle is not None and cycle_year(cycle, years[0]) != years[0]:
            raise Unreadable(f"năm {years[0]} không phải năm {self.text(items[0])}")
        return (years[0], None) if years else (None, cycle)

    def weekday(self, items: list[Any]) -> v.Weekday:
        return self.weekday_of(items[0])

    def weekday_of_week(self, items: list[Any]) -> v.Weekday:
        w = self.weekday_of(items[0])
        return v.Weekday(w.weekday, None, w.pos, in_week=self.span_of(items[1]))

    def weekday_of_month(self, items: list[Any]) -> v.Weekday:
        """ "thứ Hai đầu tiên của tháng 7": the n-th such weekday, in the n-th seven days."""
        w = self.weekday_of(items[0])
        if _is(items[1], "PART"):  # "đầu" or "cuối" of the month, as in a duty; "giữa" is no nth
            part = self.tok(items[1]).parts
            if part.get("part") not in ("dau", "cuoi") or "nua" in part or "cn" in part:
                raise Unreadable(f'"{self.text(items[1])}" không chỉ một ngày trong tuần')
        return v.Weekday(w.weekday, None, w.pos, in_week=self.week_of_month(items[1:]))

    def relday(self, items: list[Any]) -> v.Relday:
        word = self.tok(items[0]).parts.get("rd") or "hom nay"  # "trong ngày": today
        days = {"hom nay": 0, "mai": 1, "hom sau": 1, "ngay kia": 2, "mot": 2}[word]
        return v.Relday(days, 0, next_day=word == "hom sau")

    def tet(self, items: list[Any]) -> v.Tet:
        year, cycle = self._tet_year(items[1:])
        last = self.tok(items[-1])
        written = self.written[self.pos(items[0]) : last.end].strip()
        return v.Tet(self.pos(items[0]), year, cycle, written)

    def now(self, items: list[Any]) -> v.Refday:
        return v.Refday(self.pos(items[0]), self.tok(items[0]).end)

    refday = now

    def clock(self, items: list[Any]) -> v.Clock:
        return self.clock_of(items[0])

    def moment(self, items: list[Any]) -> v.Moment:
        clock = next(i for i in items if isinstance(i, v.Clock))
        day = next(i for i in items if not isinstance(i, v.Clock))
        return v.Moment(day, clock)

    def dayless_clock(self, items: list[Any]) -> v.DaylessClock:
        return v.DaylessClock(items[0])

    # -- periods ------------------------------------------------------------------------------
    def span(self, items: list[Any]) -> v.Span:
        first = self.span_of(items[0]) if items[0].type != "SEMESTER" else None
        if first is not None:
            return first
        sem = self.tok(items[0]).parts["sem"]
        n = {"i": 1, "1": 1, "ii": 2, "2": 2, "iii": 3, "3": 3, "he": 3, "phu": 3}[sem]
        of = self.span_of(items[1]) if len(items) > 1 else None
        if of is not None and of.what == "rel":  # "học kỳ I năm học tới"
            return v.Span("semester", (n, None), self.pos(items[0]), year_offset=of.args[0])
        year = of.args[0] if of is not None else None  # "học kỳ I trong năm học": none
        return v.Span("semester", (n, year), self.pos(items[0]), year is not None)

    def month_of_school_year(self, items: list[Any]) -> v.Span:
        parts = self.tok(items[0]).parts
        m = int(parts.get("mm") or parts["bm"])
        first, second = self.span_of(items[1]).args
        year = first if m >= 8 else (second or (first or 0) + 1)
        return v.Span("months", (m, m, year), self.pos(items[0]), True)

    def part(self, items: list[Any]) -> v.Part:
        tok = self.tok(items[0])
        part = tok.parts.get("part") or _TENTHS[tok.parts["tenth"]]
        part = _HALVES.get(part, part)  # "nửa sau tháng 8" is "nửa cuối"
        n = tok.parts.get("cn")
        count = int(n) if n is not None else None
        of = self.in_year(items[1:]) if len(items) > 2 else self.span_of(items[1])
        unit = "nua" if "nua" in tok.parts else tok.get("cu") or ""
        return v.Part(part, of, self.pos(items[0]), count, unit)

    def semester_part(self, items: list[Any]) -> v.Part:
        """ "cuối học kỳ I (năm học 2023-2024)": a part of a semester."""
        tok = self.tok(items[0])
        return v.Part(tok.parts["part"], self.span(items[1:]), self.pos(items[0]))

    def in_year(self, items: list[Any]) -> v.Span:
        """A period of the notice's year, the next or the one before ("quý IV năm nay")."""
        span = self.span_of(items[0])
        if span.args[-1] is not None:
            raise Unreadable(f'năm ghi hai lần: "{self.text(items[-1])}"')
        offset = self.rel_offset(items[-1], "ry")
        return replace(span, year_offset=offset)

    def week_of_month(self, items: list[Any]) -> v.Span:
        parts = self.tok(items[0]).parts
        if parts.get("wol"):  # "tuần thứ 2 và thứ 4 của tháng 9": several weeks, no one span
            raise Unreadable("nhiều tuần trong một tháng: ghi rõ ngày")
        word = parts.get("wo") or parts.get("wo2") or parts.get("wo3") or parts["part"]
        nth = -1 if word.startswith("cuoi") else ORDINALS.get(word) or int(word)
        month = self.in_year(items[1:]) if len(items) > 2 else self.span_of(items[1])
        m, _, y = month.args
        args = (nth, m, y)
        return v.Span(
            "week_of_month", args, self.pos(items[0]), y is not None, year_offset=month.year_offset
        )

    def labelled(self, items: list[Any]) -> v.Labelled | v.Point:
        """ "TUẦN 17 (TỪ 18/12/2017 ĐẾN 23/12/2017)": the days written win over the label; one
        day so labelled ("Tuần 1: Sáng 06/01/2021", a schedule's line) is that day."""
        if isinstance(items[1], v.Weekday):  # "tuần sau (thứ Năm)": that week's Thursday
            return self._in_week(items[1], items[0])
        if isinstance(items[1], v.Moment) and isinstance(items[1].day, v.Weekday):
            return replace(items[1], day=self._in_week(items[1].day, items[0]))
        if not isinstance(items[1], v.Range):
            return items[1]
        return v.Labelled(self.span_of(items[0]), items[1])

    def _in_week(self, w: v.Weekday, week: Token) -> v.Weekday:
        """A weekday of no week of its own, in the week of the label before it (it had been
        the notice's week, the label left out)."""
        if w.week is not None or w.in_week is not None:
            return w
        return replace(w, in_week=self.span_of(week))

    def range(self, items: list[Any]) -> v.Range | v.Day:
        # "(19-5-1890 - 19-5-2022)" tells an anniversary; "từ ngày 1-7-2016 đến 1-7-2021" is a
        # range of five years
        edges = _lunar_shared([i for i in items if not isinstance(i, Token)])
        if _is(items[0], "FROM") and _is(items[1], "LEAD"):  # "kể từ sau ngày 31/3 đến 30/9"
            self._after(items[1])
            return v.Range(edges[0], edges[1], "from " + self.lead(items[2:]), after=True)
        if _anniversary(edges[0], edges[1]) and not _is(items[0], "FROM"):
            return edges[1]
        if self._weekday_label(items, edges[0], edges[1]):
            return _with(edges[1], weekday=edges[0].weekday)
        return v.Range(edges[0], edges[1], self.link(items))

    def _after(self, lead: Token) -> None:
        """Between "từ" and a day, only "sau" right before it ("kể từ sau ngày 31/3": from the
        day after); "từ trước ngày 31/3" (since some time before it?) says no start, and "sau
        khi ấn nút phát động ngày 29/3" the day of an event, whose words a loose lexing left out."""
        at = int(lead.value)
        then = self.toks[at + 1] if at + 1 < len(self.toks) else None
        gap = self.written[self.tok(lead).end : then.start] if then is not None else "?"
        if fold(self.text(lead)) != "sau" or gap.strip():
            raise Unreadable(f'không hiểu phần "{self.text(lead)}"')

    def _weekday_label(self, items: list[Any], left: Any, right: Any) -> bool:
        """ "Thứ Hai - 15/8": a bare weekday, a dash, then a day names that day (a schedule's
        label), not a range from the next Monday; "từ thứ Hai - 15/8" stays a range."""
        return (
            isinstance(left, v.Weekday)
            and left.week is None
            and left.in_week is None
            and isinstance(right, v.Day)
            and right.weekday is None
            and not _is(items[0], "FROM")
            and any(_is(t, "LEAD") and self.text(t).strip() in "-–—" for t in items)
        )

    def link(self, items: list[Any]) -> str:
        """The words linking the two sides of a range; "from" when "từ" opens it."""
        return ("from " if _is(items[0], "FROM") else "") + self.lead(items)

    def day_range(self, items: list[Any]) -> v.Range:
        num = next(t for t in items if _is(t, "NUM") or _is(t, "MDAY"))
        first: int | v.Day = self._day_number(num)
        weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
        if (
            weekdays
        ):  # "từ thứ Hai, ngày 07 đến ...": the day's weekday, checked once it has its month
            first = v.Day(self._day_number(num), None, None, self.pos(num), weekday=weekdays[0])
        right = items[-1]
        return v.Range(v.Days((first, right), self.pos(num)), right, self.link(items))

    def month_range(self, items: list[Any]) -> v.Range:
        left = self.span_of(next(t for t in items if _is(t, "MONTH")))
        right = items[-1]
        if _is(right, "NUM"):  # "tháng 4 - 6": the second month takes the first's year
            last = number(self.tok(right))
            if not 1 <= last <= 12:
                raise Unreadable(f"tháng {last} không có thật")
            right = replace(left, args=(last, last, left.args[2]))
        if isinstance(right, v.Span) and right.what == "lunar_month" and left.args[2] is None:
            # "từ tháng 1 đến tháng 3 âm lịch": "âm lịch" written once is said of both months
            year = right.args[1]
            left = v.Span("lunar_month", (left.args[0], year), left.pos, year is not None)
        return v.Range(left, right, self.link(items))

    def lunar_month(self, items: list[Any]) -> v.Span:
        """ "tháng 3 âm lịch", "tháng 3 âm lịch năm 2024" (of the lunar year that opens in
        2024): a month of the lunar calendar, as "tháng Giêng" is."""
        month = self.span_of(items[0])
        if month.args[-1] is not None:  # "tháng 3/2024 âm lịch": which calendar's year?
            raise Unreadable("năm của tháng âm lịch phải viết sau chữ âm lịch")
        year = self.span_of(items[2]).args[0] if len(items) > 2 else None
        return v.Span("lunar_month", (month.args[0], year), month.pos, year is not None)

    def lunar_part(self, items: list[Any]) -> v.Part:
        """ "đầu tháng Chạp âm lịch", "cuối tháng 12 âm lịch": a part of a lunar month."""
        return replace(self.part(items[:2]), of=self.lunar_month(items[1:]))

    def daily_window(self, items: list[Any]) -> v.DailyWindow:
        # a morning's window and an afternoon's: from the first opening to the last closing
        clocks = [i for i in items if isinstance(i, v.Clock)]
        inner = next((i for i in items if isinstance(i, v.DailyWindow)), None)
        if inner is not None:  # "từ 7h30 đến 11h30 và từ 13h30 đến 17h00 ngày 15/3"
            return v.DailyWindow(clocks[0], inner.last, inner.days)
        days = next(i for i in items if isinstance(i, (v.Days, v.Range)))
        return v.DailyWindow(clocks[0], clocks[-1], days)

    def clock_days(self, items: list[Any]) -> v.DailyWindow:
        """ "19h ngày 11, 12 và 13/12", "8h các ngày 11/12 và 12/12/2023": the clock time of
        each day of the list, due at it on the last (it had been the first day's alone, or an
        error)."""
        clock, days = items
        if not isinstance(days, v.Days):  # "8h tuần cuối tháng 8 và tuần đầu tháng 9"
            raise Unreadable("giờ viết trước nhiều khoảng thời gian: ghi giờ cho từng ngày")
        return v.DailyWindow(clock, clock, days)

    def month_list_days(self, items: list[Any]) -> v.Days:
        """ "ngày 5 tháng 3, 6 và 9/2024": that day of each month of the list (with its year;
        without one the list is a yearly duty, ``MONTHSOF``)."""
        day = self._day_number(items[0])
        year = self.span_of(items[1]).args[2]  # the months checked, and their year
        listed = [int(m) for m in re.findall(r"\d+", self.tok(items[1]).parts["ml"])]
        pos = self.pos(items[0])
        return v.Days(tuple(v.Day(day, m, year, pos) for m in listed), pos)

    def days(self, items: list[Any]) -> v.Days:
        found: list[Any] = []
        for i in items:
            if _is(i, "MDAY") or _is(i, "NUM"):
                found.append(self._day_number(i))
            elif not isinstance(i, Token):
                found.append(i)
        if any(isinstance(i, v.Day) for i in found) and any(
            isinstance(i, v.Weekday) for i in found
        ):
            # "Ngày 26 và 27 tháng 9 năm 2017 (thứ ba và thứ tư)": the weekdays only name the days
            found = [replace(i, weekday=None) if isinstance(i, v.Day) else i for i in found]
            found = [i for i in found if not isinstance(i, v.Weekday)]
        found = _lunar_shared(found)
        return v.Days(tuple(found), _pos(items[0]) if not isinstance(items[0], Token) else 0)

    def span_list(self, items: list[Any]) -> v.SpanList:
        return v.SpanList(tuple(i for i in items if not isinstance(i, Token)))

    # -- readings -------------------------------------------------------------------------------
    def at(self, items: list[Any]) -> v.At:
        # a duration before the period is its length: "3 tháng, từ tháng 4 đến tháng 6"
        length = next((i for i in items if isinstance(i, v.Duration)), None)
        return v.At(self.lead(items), items[-1], length)

    def open_start(self, items: list[Any]) -> v.OpenStart | v.At:
        if _is(items[1], "LEAD"):  # "kể từ sau ngày 31/3": a start, from the day after
            self._after(items[1])
            return v.OpenStart(items[2], since=True, after=True)
        if isinstance(items[1], v.Span) and items[1].unit == "list":
            # "từ tháng 8 - 9/2024": the months written, not an open start
            return v.At("", items[1])
        until = len(items) > 2 and "until" in self.tok(items[2]).parts  # no appointment
        return v.OpenStart(items[1], since=until or "since" in self.tok(items[0]).parts)

    def onward(self, items: list[Any]) -> v.OpenStart:
        """From a day or period on, with no end ("năm 2024 và các năm tiếp theo")."""
        return v.OpenStart(items[-2], since=False)

    def nodeadline(self, items: list[Any]) -> v.NoDeadline:
        return v.NoDeadline()

    def duration(self, items: list[Any]) -> v.Duration:
        unit = self.tok(items[1])
        return v.Duration(number(self.tok(items[0])), unit.parts["u"], "lv" in unit.parts)

    def anchor(self, item: Any) -> v.Event | v.Refday | v.Day | Any:
        if _is(item, "W"):
            return v.Event(self.text(item), self.pos(item))
        if _is(item, "REFDAY"):
            return v.Refday(self.pos(item))  # its name runs on: "ngày thông báo tuyển dụng"
        return item

    def counted(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items[:1]) if _is(items[0], "LEAD") else ""
        duration = next(i for i in items if isinstance(i, v.Duration))
        after = items[items.index(duration) + 1 :]
        link = self.lead(after[:1]) if after and _is(after[0], "LEAD") else ""
        anchor = self.anchor(after[-1]) if after else None
        links = set(link.split())
        if "compared" in links:  # "sớm hơn / trước 1 tuần so với X"
            sign = -1 if {"before", "earlier"} & set(lead.split()) else 1
        else:
            sign = -1 if {"before", "upto"} & links else 1
            if links <= _NO_SIDE and "before" in lead.split():
                sign = -1  # "trước 30 ngày (khi) hết hạn hợp đồng": before the event
        if not after and "before" in lead.split():  # "trước 1 tháng": before an event not named
            return v.Relative(lead, duration, -1, v.Event(UNNAMED, self.pos(items[0])))
        return v.Relative(lead, duration, sign, anchor)

    def school_week(self, items: list[Any]) -> v.Relative:
        """ "(từ đầu HK) đến hết tuần học thứ 7 của HK": a count of weeks from the start of the
        term, which the school sets (an event); "trước tuần thứ 3": before that week begins."""
        tok = next(t for t in items if _is(t, "SCHOOLWEEK"))
        parts = self.tok(tok).parts
        word = parts.get("swn") or parts["swn2"]
        weeks = int(word) if word.isdigit() else ORDINALS[word]
        lead = self.lead([t for t in items if _is(t, "LEAD")])
        if "before" in lead.split() and "het" not in lead.split():
            weeks -= 1
        written = self.text(tok)
        label = parts.get("swl") or parts.get("swl2")  # the term's label ends the token
        term = written[len(written) - len(label) :].strip() if label else "học kỳ"
        duration = v.Duration(weeks, "tuan", False)
        return v.Relative(lead, duration, 1, v.Event(f"đầu {term}", self.pos(tok)))

    def counted_from(self, items: list[Any]) -> v.Relative:
        """The day first, the count after: "kể từ ngày 01/4/2024, trong thời hạn 30 ngày"."""
        return self.counted([items[2], items[3], items[0], _a_day(items[1])])

    def before_day_by(self, items: list[Any]) -> v.Relative:
        """ "trước ngày 1/4/2024 ít nhất 5 ngày": a count before (after) a written day."""
        return self.before_by([items[0], _a_day(items[1]), *items[2:]])

    def sided_day_by(self, items: list[Any]) -> v.Relative | v.At:
        """ "trước Tết 2 ngày", "sau ngày 1/6/2024 một tuần": a count before or after a day,
        with no link word between (only after "trước" or "sau": the count says which side).
        A count left over from a remark whose other words were left out ("chậm nhất đến ngày
        13/4/2021 (40 ngày trước ngày bầu cử)") is no count: the day, as without the remark."""
        if self.toks[-1].remark and not self.toks[0].remark:
            return self.at(items[:2])
        if not {"before", "after"} & set(self.lead(items[:1]).split()):
            raise Unreadable("không rõ số đếm trước hay sau ngày đã nêu")
        return self.before_by([items[0], _a_day(items[1]), items[2]])

    def counted_dated(self, items: list[Any]) -> v.Relative:
        """An offset from an event written with its day ("kể từ ngày ký 15/3/2024"): from that
        day; with only a period ("... cuối tháng 8/2021"), from the event, its day unknown."""
        when = items[-1]
        if isinstance(when, (v.Day, v.Moment)):
            return self.counted([*items[:-2], when])
        return self.counted(items[:-1])

    def counted_to_end(self, items: list[Any]) -> v.Relative:
        """ "45 ngày kể từ ngày kết thúc 6 tháng đầu năm tài chính": from a written day, or from
        the end of a period named with the words around it, an event whose day is not known
        (a financial year need not be the calendar's)."""
        when = items[-1]
        if isinstance(when, (v.Day, v.Moment)):
            return self.counted([*items[:-3], when])
        start = self.pos(items[-3])
        event = v.Event(self.written[start:].strip(" .,;:()"), start)
        return self.counted([*items[:-3], event])

    def before_by(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items)
        sign = -1 if "before" in lead else 1
        return v.Relative(lead, items[-1], sign, self.anchor(items[1]))

    def window_by(self, items: list[Any]) -> v.Relative:
        """A window from one event to a time counted from another: due when it closes."""
        return self.before_by(items[-3:])

    def around(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items)
        words = lead.split()
        # "sau khi X", "sớm nhất khi X": some time after X, not before it
        if "after" in words and "now" not in words or words == ["earliest"]:
            return v.Relative(lead, None, 1, self.anchor(items[1]))
        return v.Relative(lead, v.Duration(0, "ngay", False), 0, self.anchor(items[1]))

    def alongside(self, items: list[Any]) -> v.Relative:
        return v.Relative("", v.Duration(0, "ngay", False), 0, self.anchor(items[1]))

    def next_day(self, items: list[Any]) -> v.Relative:
        """The working day after a day ("ngày làm việc tiếp theo sau ngày 30/4"), or before it
        ("ngày làm việc trước đó", "liền kề trước X"); with no day named, after a day the
        phrase does not name: a duty's day moved off a day off."""
        tok = next(t for t in items if _is(t, "NEXTDAY"))
        after = items[items.index(tok) + 1 :]
        words = self.tok(tok).parts["nd"]
        link = self.lead(after[:1]).split() if after else []
        before = words in _BEFORE_WORDS or (words == "lien ke" and "before" in link)
        anchor = self.anchor(after[-1]) if after else v.Event(UNNAMED, self.pos(tok))
        lead = self.lead(items[:1]) if _is(items[0], "LEAD") else ""
        clock = next((i for i in items if isinstance(i, v.Clock)), None)
        duration = v.Duration(1, "ngay", True)
        return v.Relative(lead, duration, -1 if before else 1, anchor, clock=clock)

    def same_day(self, items: list[Any]) -> v.Relative:
        """A clock time (or a window's close) on the day named before the phrase: at that
        day, which the phrase leaves to its text ("không quá 21h cùng ngày")."""
        tok = next(t for t in items if _is(t, "SAMEDAY"))
        lead = self.lead(items[:1]) if _is(items[0], "LEAD") else ""
        clock = [i for i in items if isinstance(i, v.Clock)][-1]
        anchor = v.Event(SAME_DAY, self.pos(tok))
        return v.Relative(lead, v.Duration(0, "ngay", False), 0, anchor, clock=clock)

    def adjacent_day(self, items: list[Any]) -> v.Relative:
        """The day right before an event ("vào ngày trước của môn thi"), or after it."""
        tok = self.tok(next(t for t in items if _is(t, "ADJDAY")))
        lead = self.lead(items[:1]) if _is(items[0], "LEAD") else ""
        clock = next((i for i in items if isinstance(i, v.Clock)), None)
        sign = -1 if "adj" in tok.parts else 1
        return v.Relative(
            lead, v.Duration(1, "ngay", False), sign, self.anchor(items[-1]), clock=clock
        )

    def month_before(self, items: list[Any]) -> v.Relative:
        mday = next(t for t in items if _is(t, "MDAY"))
        day = self._day_number(mday)
        return v.Relative(self.lead(items), None, -1, self.anchor(items[-1]), month_day=day)


def _pos(item: Any) -> int:
    return int(getattr(item, "pos", 0))


def _a_day(value: Any) -> v.Day | v.Weekday | v.Relday | v.Refday | v.Tet | v.Moment:
    """A day to count from, the notice's too ("kể từ ngày ký, trong vòng 30 ngày"); a period
    is not one ("kể từ tháng 4, trong 30 ngày")."""
    if not isinstance(value, (v.Day, v.Weekday, v.Relday, v.Refday, v.Tet, v.Moment)):
        raise Unreadable("đếm số ngày từ một khoảng thời gian, không phải từ một ngày")
    return value


def _with(day: v.Day, **changes: Any) -> v.Day:
    """``day`` with ``changes``; the day itself (a value: equal is the same) when they change
    nothing, as for most days ("ngày 5/3" with no weekday beside it)."""
    for name, value in changes.items():
        now = getattr(day, name)
        if now != value or type(now) is not type(value):
            return replace(day, **changes)
    return day


def _lunar_shared(items: list[Any]) -> list[Any]:
    """ "từ ngày 11/3 đến ngày 12/3 âm lịch", "ngày 30/3 và 1/4 âm lịch": "âm lịch" written
    after the last day is said of the days before it, as of the months of "từ tháng 1 đến
    tháng 3 âm lịch". Not of a day that says more of itself (its year, its weekday, its day
    in the other calendar): "từ 14/2/2026 đến 27 tháng Chạp âm lịch" is read as written."""
    last = items[-1] if items else None
    if not (isinstance(last, v.Day) and last.marked_lunar):
        return items
    return [
        _with(i, lunar=True, cycle_year=last.cycle_year) if _bare_solar(i) else i for i in items
    ]


def _bare_solar(item: Any) -> bool:
    return (
        isinstance(item, v.Day)
        and not item.lunar
        and item.month is not None
        and item.year is None
        and item.weekday is None
        and item.alias is None
        and item.month_offset is None
        and not item.holiday
    )


# An anniversary told by its two days: "kỷ niệm 132 năm ngày sinh Chủ tịch Hồ Chí Minh
# (19-5-1890 - 19-5-2022)", "90 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2020)". No office
# sets a window of years from a day to the same day: the phrase names the later day.
ANNIVERSARY_YEARS = 5


def _anniversary(left: Any, right: Any) -> bool:
    if not (isinstance(left, v.Day) and isinstance(right, v.Day)):
        return False
    if left.year is None or right.year is None or left.lunar != right.lunar:
        return False
    same_day = (left.day, left.month) == (right.day, right.month)
    return same_day and right.year - left.year >= ANNIVERSARY_YEARS


def _solar_told_after(items: list[Any]) -> bool:
    """Whether an alias opened by "âm lịch" or a year's stem and branch tells the solar day
    after "tức" or "dương lịch" ("10/3 âm lịch nhằm 25/4/2018", "mùng 7 tháng 9 Bính Dần (dl:
    13-10-1926)"): that solar day is the day meant."""
    opening = [t for t in items[:2] if _is(t, "LUNAR") or _is(t, "CANCHI")]
    if not opening or not any(_is(t, "DATE") for t in items):
        return False
    return any(_is(t, "TUC") or _is(t, "SOLAR") for t in items[len(opening) :])
