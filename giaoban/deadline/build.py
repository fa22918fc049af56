"""The value of each rule of ``grammar.lark``: a parse tree to :mod:`values`.

One method per rule (or alias) of the grammar; terminals arrive as lark
tokens whose value is the index of the :class:`~lexicon.Tok` they stand for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lark import Token, Transformer

from giaoban.deadline import values as v
from giaoban.deadline.calendars import cycle_index
from giaoban.deadline.lexicon import (
    MONTH_WORDS,
    ORDINALS,
    ROMAN,
    WEEKDAY_WORDS,
    Tok,
    number,
    value,
    words_value,
)

_REL = {"nay": 0, "toi": 1, "sau": 1, "ke tiep": 1, "tiep theo": 1, "truoc": -1, "lien ke": -1}
_LUNAR_MONTHS = ("gieng", "chap")
_COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6}
_QUARTER_MONTHS = {"dau": (1, 4, 7, 10), "giua": (2, 5, 8, 11), "cuoi": (3, 6, 9, 12)}
_TENTHS = {"thuong": "dau", "trung": "giua", "ha": "cuoi"}  # "thượng/trung/hạ tuần"
UNNAMED = "mốc không nêu"  # "trước 1 tháng": counted from an event the phrase does not name
_RELATIVE_SPANS = {
    "RELMONTH": ("rm", "month"),
    "RELQUARTER": ("rq", "quarter"),
    "RELWEEK": ("rw", "week"),
    "RELYEAR": ("ry", "year"),
    "RELSEMESTER": ("rs", "semester"),
}


class Unreadable(Exception):
    """A part of the phrase that means nothing: the message names it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _words(s: str | None) -> str | None:
    return " ".join(s.split()) if s is not None else None


def _int(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


def _year(s: str | None) -> int | None:
    """A written year; two digits mean 20yy."""
    if s is None:
        return None
    return 2000 + int(s) if len(s) == 2 else int(s)


class Builder(Transformer[Token, Any]):
    """Values of the rules, for one phrase's tokens."""

    def __init__(self, toks: list[Tok], written: str) -> None:
        super().__init__()
        self.toks = toks
        self.written = written

    # -- tokens -------------------------------------------------------------------------------
    def tok(self, token: Token) -> Tok:
        return self.toks[int(token.value)]

    def text(self, token: Token) -> str:
        t = self.tok(token)
        return self.written[t.start : t.end].strip(" .,;:()")

    def pos(self, token: Token) -> int:
        return self.tok(token).start

    def lead(self, items: list[Any]) -> str:
        return " ".join(
            self.tok(t).parts["words"] for t in items if isinstance(t, Token) and t.type == "LEAD"
        )

    def date_of(self, token: Token) -> v.Day:
        t = self.tok(token)
        p = t.parts
        day = p.get("ld") or p.get("d") or p.get("sd") or p.get("pd")
        day = "15" if day == "ram" else day  # "Rằm tháng Giêng"
        month = p.get("lm") or p.get("m") or p.get("sm") or p.get("pm")
        year = p.get("ly") or p.get("y") or p.get("sy") or p.get("py")
        assert day is not None and month is not None
        month = _words(month) or month
        lunar = month in _LUNAR_MONTHS
        m = int(month) if month.isdigit() else MONTH_WORDS[month]
        return v.Day(int(day), m, _year(year), t.start, lunar=lunar, written=self.text(token))

    def weekday_of(self, token: Token) -> v.Weekday:
        t = self.tok(token)
        word = t.get("wd") or t.get("wt")
        if t.get("cn"):
            weekday = 6
        else:
            assert word is not None
            weekday = int(word) - 2 if word.isdigit() else WEEKDAY_WORDS[word]
        return v.Weekday(weekday, _words(t.get("wr")), t.start)

    def clock_of(self, token: Token) -> v.Clock:
        t = self.tok(token)
        hour = int(t.get("h") or t.get("ch") or 0)
        minute = 30 if t.get("half") else int(t.get("min") or t.get("cm") or 0)
        part = t.get("tpart")
        if part in ("chieu", "toi") and hour < 12 or part == "trua" and hour < 11:
            hour += 12
        elif part in ("sang", "dem") and hour == 12:
            hour = 0
        if hour == 24 and minute == 0:
            return v.Clock(0, 0, next_day=True)
        if hour > 23 or minute > 59:
            raise Unreadable(f"giờ {self.text(token)} không có thật")
        return v.Clock(hour, minute)

    def span_of(self, token: Token) -> v.Span:
        t = self.tok(token)
        p, kind, pos = t.parts, token.type, t.start
        if kind == "MONTH":
            m = int(p["mm"])
            if not 1 <= m <= 12:
                raise Unreadable(f"tháng {m} không có thật")
            return v.Span("months", (m, m, _year(p.get("my"))), pos, "my" in p)
        if kind == "MONTHNAME":
            name = _words(p.get("mw") or p.get("mw2")) or ""
            m, y = MONTH_WORDS[name], _year(p.get("mwy") or p.get("tny"))
            if name in _LUNAR_MONTHS:
                return v.Span("lunar_month", (m, y), pos, y is not None)
            return v.Span("months", (m, m, y), pos, y is not None)
        if kind == "MONTHLIST":  # "tháng 6,7,8/2020": from the first to the last
            months = [int(m) for m in p["ml"].replace(";", ",").split(",")]
            if any(not 1 <= m <= 12 for m in months):
                raise Unreadable("tháng không có thật")
            year = _year(p.get("mly"))
            return v.Span("months", (min(months), max(months), year), pos, year is not None)
        if kind == "QUARTER":
            q = ROMAN.get(p["q"]) or int(p["q"])
            return v.Span("months", (3 * q - 2, 3 * q, _year(p.get("qy"))), pos, "qy" in p)
        if kind == "HALF":
            n = p.get("hn")
            count = 6 if n is None else (int(n) if n.isdigit() else words_value(n))
            if not 1 <= count <= 12:
                raise Unreadable(f"{count} tháng không hợp lệ")
            first, last = (1, count) if p["hside"] == "dau" else (13 - count, 12)
            return v.Span("months", (first, last, _year(p.get("hy"))), pos, "hy" in p)
        if kind == "WEEK":
            return v.Span("week", (int(p["wn"]), _year(p.get("wy"))), pos, True)
        if kind in ("YEAR", "YEARNUM"):
            return v.Span("year", (int(p.get("yy") or p["yn"]),), pos, True)
        if kind == "SCHOOLYEAR":
            return v.Span("school_year", (int(p["sy1"]), _year(p["sy2"])), pos, True)
        if kind == "UNIT":  # "cuối năm", "đầu tháng": the notice's own
            unit = {"thang": "month", "quy": "quarter", "nam": "year"}.get(p["u"], "month")
            return v.Span("rel", (0,), pos, unit=unit)
        group, unit = _RELATIVE_SPANS[kind]  # "tháng này", "tuần tới", "học kỳ tiếp theo"
        return v.Span("rel", (_REL.get(_words(p.get(group)) or "nay", 0),), pos, unit=unit)

    # -- points -------------------------------------------------------------------------------
    def calendar_day(self, items: list[Any]) -> v.Day:
        if _is(items[0], "NOW"):  # "hôm nay (17/10)": the date says which day
            return self.date_of(items[1])
        weekdays = [self.weekday_of(t).weekday for t in items if _is(t, "WEEKDAY")]
        date = next(self.date_of(t) for t in items if _is(t, "DATE"))
        alias = next((i for i in items if isinstance(i, dict)), None)
        day = _with(date, weekday=weekdays[0] if weekdays else None)
        if alias is None:
            return day
        if alias.get("lunar_marker") and alias.get("date") is None:
            return _with(day, lunar=True, cycle_year=alias.get("cycle"))
        if alias.get("solar_marker"):
            return day
        other = alias["date"]
        if not alias.get("said") and not (other.lunar or alias.get("lunar_marker")):
            # two solar days side by side, "(tức ...)" not written: not the same day told twice
            raise Unreadable(f'không hiểu phần "{other.written}"')
        other = _with(other, lunar=True, cycle_year=alias.get("cycle"))
        return _with(day, alias=other)

    def alias(self, items: list[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"date": None, "said": _is(items[0], "TUC")}
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
        return v.Day(day, m, y, self.pos(items[0]), weekday=weekdays[0] if weekdays else None)

    def tet_day(self, items: list[Any]) -> v.Day:
        day = self._day_number(items[0])
        return v.Day(day, 1, None, self.pos(items[0]), lunar=True, written=self.text(items[0]))

    def weekday(self, items: list[Any]) -> v.Weekday:
        return self.weekday_of(items[0])

    def weekday_of_week(self, items: list[Any]) -> v.Weekday:
        w = self.weekday_of(items[0])
        return v.Weekday(w.weekday, None, w.pos, in_week=self.span_of(items[1]))

    def relday(self, items: list[Any]) -> v.Relday:
        word = _words(self.tok(items[0]).parts["rd"])
        return v.Relday(
            {"hom nay": 0, "mai": 1, "hom sau": 1, "ngay kia": 2, "mot": 2}[word or ""], 0
        )

    def tet(self, items: list[Any]) -> v.Tet:
        return v.Tet(self.pos(items[0]))

    def now(self, items: list[Any]) -> v.Refday:
        return v.Refday(self.pos(items[0]))

    refday = now

    def clock(self, items: list[Any]) -> v.Clock:
        return self.clock_of(items[0])

    def moment(self, items: list[Any]) -> v.Moment:
        clock = next(i for i in items if isinstance(i, v.Clock))
        day = next(i for i in items if not isinstance(i, v.Clock))
        return v.Moment(day, clock)

    def clock_today(self, items: list[Any]) -> v.ClockToday:
        return v.ClockToday(items[0])

    # -- periods ------------------------------------------------------------------------------
    def span(self, items: list[Any]) -> v.Span:
        first = self.span_of(items[0]) if items[0].type != "SEMESTER" else None
        if first is not None:
            return first
        sem = self.tok(items[0]).parts["sem"]
        n = {"i": 1, "1": 1, "ii": 2, "2": 2, "iii": 3, "3": 3, "he": 3, "phu": 3}[sem]
        year = self.span_of(items[1]).args[0] if len(items) > 1 else None
        return v.Span("semester", (n, year), self.pos(items[0]), len(items) > 1)

    def month_of_school_year(self, items: list[Any]) -> v.Span:
        m = int(self.tok(items[0]).parts["mm"])
        first, second = self.span_of(items[1]).args
        year = first if m >= 8 else (second or (first or 0) + 1)
        return v.Span("months", (m, m, year), self.pos(items[0]), True)

    def part(self, items: list[Any]) -> v.Part:
        tok = self.tok(items[0])
        part = tok.parts.get("part") or _TENTHS[tok.parts["tenth"]]
        return v.Part(part, self.span_of(items[1]), self.pos(items[0]))

    def week_of_month(self, items: list[Any]) -> v.Span:
        word = _words(self.tok(items[0]).parts["wo"]) or ""
        nth = -1 if word.startswith("cuoi") else ORDINALS.get(word) or int(word)
        m, _, y = self.span_of(items[1]).args
        return v.Span("week_of_month", (nth, m, y), self.pos(items[0]), y is not None)

    def labelled(self, items: list[Any]) -> v.Labelled:
        return v.Labelled(self.span_of(items[0]), items[1])

    def range(self, items: list[Any]) -> v.Range:
        edges = [i for i in items if not isinstance(i, Token)]
        return v.Range(edges[0], edges[1], self.link(items))

    def link(self, items: list[Any]) -> str:
        """The words linking the two sides of a range; "from" when "từ" opens it."""
        return ("from " if _is(items[0], "FROM") else "") + self.lead(items)

    def day_range(self, items: list[Any]) -> v.Range:
        num = next(t for t in items if _is(t, "NUM") or _is(t, "MDAY"))
        first = self._day_number(num)
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
        return v.Range(left, right, self.link(items))

    def _day_number(self, token: Token) -> int:
        if _is(token, "MDAY"):
            return int(self.tok(token).parts.get("md", "15"))  # "rằm": the 15th
        return number(self.tok(token))

    def daily_window(self, items: list[Any]) -> v.DailyWindow:
        clocks = [i for i in items if isinstance(i, v.Clock)]
        days = next(i for i in items if isinstance(i, v.Days))
        return v.DailyWindow(clocks[0], clocks[1], days)

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
        return v.Days(tuple(found), _pos(items[0]) if not isinstance(items[0], Token) else 0)

    def span_list(self, items: list[Any]) -> v.SpanList:
        return v.SpanList(tuple(i for i in items if not isinstance(i, Token)))

    # -- readings -------------------------------------------------------------------------------
    def at(self, items: list[Any]) -> v.At:
        # a duration before the period is its length: "3 tháng, từ tháng 4 đến tháng 6"
        return v.At(self.lead(items), items[-1])

    def open_start(self, items: list[Any]) -> v.OpenStart:
        return v.OpenStart(items[-1], since="since" in self.tok(items[0]).parts)

    def nodeadline(self, items: list[Any]) -> v.NoDeadline:
        return v.NoDeadline()

    def duration(self, items: list[Any]) -> v.Duration:
        unit = self.tok(items[1])
        return v.Duration(number(self.tok(items[0])), unit.parts["u"], "lv" in unit.parts)

    def anchor(self, item: Any) -> v.Event | v.Refday | v.Day | Any:
        if _is(item, "W"):
            return v.Event(self.text(item), self.pos(item))
        if _is(item, "REFDAY"):
            return v.Refday(self.pos(item))
        return item

    def counted(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items[:1]) if _is(items[0], "LEAD") else ""
        duration = next(i for i in items if isinstance(i, v.Duration))
        after = items[items.index(duration) + 1 :]
        link = self.lead(after[:1]) if after and _is(after[0], "LEAD") else ""
        anchor = self.anchor(after[-1]) if after else None
        sign = -1 if {"before", "upto"} & set(link.split()) else 1
        if not after and "before" in lead.split():  # "trước 1 tháng": before an event not named
            return v.Relative(lead, duration, -1, v.Event(UNNAMED, self.pos(items[0])))
        return v.Relative(lead, duration, sign, anchor)

    def before_by(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items)
        sign = -1 if "before" in lead else 1
        return v.Relative(lead, items[2], sign, self.anchor(items[1]))

    def around(self, items: list[Any]) -> v.Relative:
        lead = self.lead(items)
        if "after" in lead and "now" not in lead:  # "sau khi X": some time after X
            return v.Relative(lead, None, 1, self.anchor(items[1]))
        return v.Relative(lead, v.Duration(0, "ngay", False), 0, self.anchor(items[1]))

    def alongside(self, items: list[Any]) -> v.Relative:
        return v.Relative("", v.Duration(0, "ngay", False), 0, self.anchor(items[1]))

    def month_before(self, items: list[Any]) -> v.Relative:
        mday = next(t for t in items if _is(t, "MDAY"))
        day = self._day_number(mday)
        return v.Relative(self.lead(items), None, -1, self.anchor(items[-1]), month_day=day)

    # -- duties ---------------------------------------------------------------------------------
    def duty(self, items: list[Any]) -> v.Duty:
        parts: list[v.DutyPart] = []
        for item in items:
            parts += item if isinstance(item, list) else self._duty_part(item)
        return v.Duty(tuple(parts))

    def _duty_part(self, item: Any) -> list[v.DutyPart]:
        if not isinstance(item, Token):
            return [item]
        if item.type == "LEAD":
            return [v.Link(self.tok(item).parts["words"])]
        if item.type == "WORKDAYS":  # "các ngày làm việc": Monday to Friday
            return [v.OnDays(weekdays=(0, 1, 2, 3, 4))]
        if item.type == "OR":
            return [v.Either()]
        return []  # "các", a word, "và": nothing to add

    def freq(self, items: list[Any]) -> v.Frequency:
        tok = self.tok(items[0])
        p = tok.parts
        if tok.type == "FREQ":
            return v.Frequency(p.get("fu") or "nam")  # "thường niên": yearly
        if tok.type == "TIMES":  # "1 lần/tháng", "1 năm 2 lần"
            times = value(tok, "tn", _COUNT_WORDS) or value(tok, "tn2", _COUNT_WORDS) or 1
            return v.Frequency(p.get("tu") or p["tu2"], times=times)
        if tok.type == "EVERY":  # "2 tuần/lần"
            return v.Frequency(p["eu"], interval=value(tok, "en", _COUNT_WORDS) or 1)
        if tok.type == "ONCE":  # "mỗi tháng 1 lần"
            return v.Frequency(times=value(tok, "on", _COUNT_WORDS) or 1)
        return v.Frequency()  # "định kỳ", "kỳ báo cáo"

    def weekdays(self, items: list[Any]) -> v.OnDays:
        found = []
        for t in items:
            if _is(t, "WEEKDAY"):
                found.append(self.weekday_of(t).weekday)
            elif _is(t, "NUM"):
                n = number(self.tok(t))
                if not 2 <= n <= 7:
                    raise Unreadable(f"không có thứ {n}")
                found.append(n - 2)
        return v.OnDays(weekdays=tuple(found))

    def month_days(self, items: list[Any]) -> v.OnDays:
        found = [self._day_number(items[0])]
        found += [number(self.tok(t)) for t in items if _is(t, "NUM")]
        if any(not 1 <= d <= 31 for d in found):
            raise Unreadable("ngày trong tháng không có thật")
        return v.OnDays(month_days=tuple(found))

    def year_days(self, items: list[Any]) -> v.OnDays:
        return v.OnDays(year_days=tuple(self.date_of(t) for t in items if _is(t, "DATE")))

    def nth_week(self, items: list[Any]) -> v.OnDays:
        word = _words(self.tok(items[0]).parts["wo"]) or ""
        nth = -1 if word.startswith("cuoi") else ORDINALS.get(word) or int(word)
        return v.OnDays(nth_week=nth, monthly=True)

    def quarter_month(self, items: list[Any]) -> v.OnDays:
        return self._quarter_month(items[0])

    def _quarter_month(self, token: Token) -> v.OnDays:
        return v.OnDays(months=_QUARTER_MONTHS[self.tok(token).parts["qm"]])

    def last_day(self, items: list[Any]) -> v.OnDays:
        return v.OnDays(month_days=(-1,))

    def month_ref(self, items: list[Any]) -> v.OnDays:
        return v.OnDays(monthly=True)

    def window(self, items: list[Any]) -> list[v.DutyPart]:
        """A window's parts: its days, its weekdays, the clock it closes at, the rest as is."""
        split = next((i for i, t in enumerate(items) if _is(t, "LEAD")), len(items))
        left, right = items[1:split], items[split + 1 :]
        parts: list[v.DutyPart] = [self._quarter_month(t) for t in items if _is(t, "QMONTH")]
        parts += [v.Frequency() for t in items if _is(t, "REPORT")]
        days = [self._window_end(t) for t in left if _is(t, "MDAY") or _is(t, "DATE")]
        ends = [self._window_end(t) for t in right if _is(t, "MDAY") or _is(t, "DATE")]
        ends += [-1 for t in right if _is(t, "LASTDAY")]
        clocks = [self.clock_of(t) for t in (right or left) if _is(t, "TIME")]
        firsts = [self.weekday_of(t).weekday for t in left if _is(t, "WEEKDAY")]
        lasts = [self.weekday_of(t).weekday for t in right if _is(t, "WEEKDAY")]
        if clocks:
            parts.append(clocks[-1])  # due when the window closes
        if firsts and lasts:  # "từ thứ 2 đến thứ 6"
            lo, hi = firsts[0], lasts[0]
            span = range(lo, hi + 1) if lo <= hi else [*range(lo, 7), *range(hi + 1)]
            parts.append(v.OnDays(weekdays=(*span, *firsts[1:], *lasts[1:])))
        elif firsts or lasts:
            parts.append(v.OnDays(weekdays=(*firsts, *lasts)))
        if days and ends:
            parts.append(v.Window(days[0], ends[-1]))
        elif ends:
            parts.append(v.OnDays(month_days=tuple(e for e in ends if isinstance(e, int))))
        elif days:
            parts.append(v.Starts(days[0]))  # "kể từ ngày 12/8/2023": when it begins
        return parts

    def _window_end(self, token: Token) -> v.Day | int:
        if _is(token, "MDAY"):
            return self._day_number(token)
        return self.date_of(token)

    def clock_span(self, items: list[Any]) -> v.Clock:
        return self.clock_of(items[-1])  # due when it closes

    def lunar_duty(self, items: list[Any]) -> None:
        raise Unreadable(
            "hạn lặp lại theo âm lịch chưa đọc được; hãy ghi ngày dương lịch hoặc ghim hạn (due:)"
        )

    def every(self, items: list[Any]) -> v.Frequency:
        duration: v.Duration = items[0]  # "định kỳ 6 tháng"
        return v.Frequency(duration.unit, interval=duration.n)

    def once_in(self, items: list[Any]) -> v.OnceIn:
        return v.OnceIn(items[0])


def _is(item: Any, kind: str) -> bool:
    return isinstance(item, Token) and item.type == kind


def _pos(item: Any) -> int:
    return int(getattr(item, "pos", 0))


def _with(day: v.Day, **changes: Any) -> v.Day:
    return replace(day, **changes)
