"""The values of the grammar's ``duty`` rules: the parts of a recurring duty."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from lark import Token

from giaoban.deadline import values as v
from giaoban.deadline.build_atoms import Atoms, Unreadable
from giaoban.deadline.build_atoms import is_token as _is
from giaoban.deadline.lexicon import NUMBER_WORDS, ORDINALS
from giaoban.deadline.tokens import count, number
from giaoban.model.text import fold

_QUARTER_MONTHS = {"dau": (1, 4, 7, 10), "giua": (2, 5, 8, 11), "cuoi": (3, 6, 9, 12)}


class DutyRules(Atoms):
    """One method per rule of the ``duty`` part of ``grammar.lark``."""

    def duty(self, items: list[Any]) -> v.Duty:
        parts: list[v.DutyPart] = []
        for item in items:
            parts += item if isinstance(item, list) else self._duty_part(item)
        return v.Duty(_day_spans(parts))

    def _duty_part(self, item: Any) -> list[v.DutyPart]:
        if not isinstance(item, Token):
            return [item]
        if item.type == "LEAD":
            return [v.Link(self.tok(item).parts["words"])]
        if item.type == "WORKDAYS" and "we" in self.tok(item).parts:  # "các ngày cuối tuần"
            return [v.OnDays(weekdays=(5, 6))]
        if item.type == "WORKDAYS":  # "các ngày làm việc": Monday to Friday
            return [v.OnDays(weekdays=(0, 1, 2, 3, 4))]
        if item.type == "OR":
            return [v.Either()]
        if item.type == "INCL":
            return [v.Including()]
        if item.type == "EXCL":
            return [v.Excluding()]
        return []  # "các", a word, "và": nothing to add

    def freq(self, items: list[Any]) -> v.Frequency | list[v.DutyPart]:
        tok = self.tok(items[0])
        p = tok.parts
        if "rpm" in p:  # "tháng cuối kỳ báo cáo": which months, the phrase does not say
            return [v.Frequency(), v.OpenMonths()]
        if tok.type == "FREQ" and "fw" in p:  # "mỗi thứ Hai": weekly
            return v.Frequency("tuan")
        if tok.type == "FREQ" and "fpar" in p:  # "vào những năm chẵn": every other year
            if "ky niem" in fold(self.written):  # of an anniversary: also its round years
                raise Unreadable(
                    f'"{self.text(items[0])}" bên một lễ kỷ niệm: năm chẵn (2, 4, ...) '
                    "hay năm tròn (5, 10 năm)? Ghi rõ các năm hoặc ghim ngày bằng due: YYYY-MM-DD"
                )
            return v.Frequency("nam", interval=2, parity=0 if p["fpar"] == "chan" else 1)
        if tok.type == "FREQ":
            if "fu" not in p and "fu2" not in p and "fy" not in p:  # "24/24 giờ"
                return v.Frequency("ngay")
            return v.Frequency(p.get("fu") or p.get("fu2") or "nam")  # "thường niên": yearly
        if tok.type == "TIMES":  # "1 lần/tháng", "1 năm 2 lần", "1 ngày/tháng"
            # "2 - 3 lần/tuần": the upper count (several either way)
            times = count(tok, "tn3") or count(tok, "tn") or count(tok, "tn2") or count(tok, "tn4")
            interval = count(tok, "ti") or 1  # "5 năm 2 lần": twice in every five years
            unit = p.get("tu") or p.get("tu4") or p["tu2"]
            return v.Frequency(unit, interval=interval, times=times or 1)
        if tok.type == "EVERY" and "eu3" in p:  # "cách tuần": every other week
            return v.Frequency(p["eu3"], interval=2)
        if tok.type == "EVERY":  # "2 tuần/lần", "cứ sáu tháng"
            unit = p.get("eu") or p.get("eu4") or p["eu2"]
            interval = count(tok, "en") or count(tok, "en2") or count(tok, "en4") or 1
            return v.Frequency(unit, interval=interval)
        if tok.type == "ONCE":  # "mỗi tháng 1 lần"
            return v.Frequency(times=count(tok, "on") or 1)
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

    def month_days(self, items: list[Any]) -> list[v.DutyPart]:
        found = [
            self._day_number(t) if _is(t, "MDAY") else number(self.tok(t))
            for t in items
            if _is(t, "MDAY") or _is(t, "NUM")
        ]
        if any(not 1 <= d <= 31 for d in found):
            raise Unreadable("ngày trong tháng không có thật")
        found += [-1 for t in items if _is(t, "LASTDAY")]  # "ngày 15 và ngày cuối tháng"
        days: list[v.DutyPart] = [v.OnDays(month_days=tuple(found))]
        if any(_is(t, "MDAY") and "md" not in self.tok(t).parts for t in items):
            days.append(v.Lunar())  # "mùng 1 và rằm hằng tháng": rằm is a lunar day
        return days

    def shared_month_days(self, items: list[Any]) -> v.OnDays:
        """ "ngày 7 và 8/3 âm lịch", "mùng 6, mùng 7, mùng 8 tháng Giêng": each day named before
        the date is that day of the date's month."""
        last = self.date_of(items[-1])
        found = [
            self._day_number(t) if _is(t, "MDAY") else number(self.tok(t))
            for t in items[:-1]
            if _is(t, "MDAY") or _is(t, "NUM")
        ]
        if any(not 1 <= d <= 31 for d in found):
            raise Unreadable("ngày trong tháng không có thật")
        return v.OnDays(year_days=(*(replace(last, day=d) for d in found), last))

    def bare_day(self, items: list[Any]) -> v.BareDay:
        return v.BareDay(number(self.tok(items[0])))

    def year_days(self, items: list[Any]) -> v.OnDays:
        return v.OnDays(year_days=tuple(self.date_of(t) for t in items if _is(t, "DATE")))

    def nth_week(self, items: list[Any]) -> v.OnDays:
        parts = self.tok(items[0]).parts
        word = parts.get("wo") or parts.get("wo2") or parts["wo3"]
        more = re.findall(_WEEK_WORD, parts.get("wol") or "")  # "tuần thứ 2 và thứ 4"
        return v.OnDays(
            nth_week=_week_nth(word),
            more_weeks=tuple(_week_nth(w) for w in more),
            monthly=True,
        )

    def months_of(self, items: list[Any]) -> v.OnDays:
        """ "ngày 15 các tháng 3, 6, 9 và 12": those months of each year."""
        months = tuple(
            int(m) for m in re.split(r"\s*(?:[,;]|,?\s*va)\s*", self.tok(items[0]).parts["ml"])
        )
        if any(not 1 <= m <= 12 for m in months):
            raise Unreadable("tháng không có thật")
        return v.OnDays(months=months)

    def quarter_month(self, items: list[Any]) -> v.OnDays:
        return self._quarter_month(items[0])

    def _quarter_month(self, token: Token) -> v.OnDays:
        return v.OnDays(months=_QUARTER_MONTHS[self.tok(token).parts["qm"]])

    def last_day(self, items: list[Any]) -> v.OnDays:
        """The last day of each month, quarter ("của mỗi quý") or year ("hằng năm")."""
        of = self.tok(items[0]).parts.get("ldu")
        months = {"quy": (3, 6, 9, 12), "nam": (12,)}.get(of or "", ())
        return v.OnDays(month_days=(-1,), months=months)

    def workday_of_month(self, items: list[Any]) -> v.OnDays:
        """The first, n-th or last working day of each month: Monday to Friday (public holidays are
        not in an RFC 5545 rule)."""
        counted = _is(items[0], "NUM")  # "5 ngày làm việc đầu tiên": a count before them
        parts = self.tok(items[1] if counted else items[0]).parts
        if "wdn" in parts:  # "ngày làm việc thứ 5 của tháng"
            word = parts["wdn"]
            pos = int(word) if word.isdigit() else ORDINALS.get(word) or NUMBER_WORDS[word]
        else:
            pos = 1 if parts["wdo"].startswith("dau") else -1
        if counted:  # "5 ngày làm việc đầu tiên": due when the fifth ends; the last five end
            n = number(self.tok(items[0]))  # with the month's last
            if "wdn" in parts or not 1 <= n <= 20:
                raise Unreadable(f"{n} ngày làm việc trong một tháng")
            pos = n if pos == 1 else -1
        return v.OnDays(weekdays=(0, 1, 2, 3, 4), monthly=True, set_pos=pos)

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
        for t in right:  # a bare number closes the window as the kind of day that opens it
            if _is(t, "NUM"):
                n = number(self.tok(t))
                if days and isinstance(days[0], int) and days[0] <= n <= 31:
                    ends.append(n)  # "từ ngày 20 đến 25 hằng tháng"
                elif firsts and 2 <= n <= 7:
                    lasts.append(n - 2)  # "từ thứ 2 đến 6 hằng tuần"
                else:
                    raise Unreadable(f"không rõ {n} là ngày hay thứ")
        if clocks and right:  # due when it closes: a night's window, the morning after
            opens = [self.clock_of(t) for t in left if _is(t, "TIME")]
            night = bool(opens) and _before(clocks[-1], opens[0])
            if days or ends or (firsts and lasts):
                night = False  # "từ 22h ngày 1 đến 5h ngày 2": the days say it
            elif lasts:  # "đến 5h sáng thứ 7" closes on that day; "đến 5h sáng hôm sau các
                night &= any(_is(t, "RELDAY") for t in right)  # đêm thứ 7" after that night
            parts.append(v.Closes(clocks[-1], next_morning=night))
        elif clocks:
            parts.append(clocks[-1])
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
        elif days and isinstance(days[0], int):  # "từ ngày 1 hằng tháng": the day it opens
            parts.append(v.OnDays(month_days=(days[0],)))
        elif days:
            parts.append(v.Starts(days[0]))  # "kể từ ngày 12/8/2023": when it begins
        return parts

    def _window_end(self, token: Token) -> v.Day | int:
        if _is(token, "MDAY"):
            return self._day_number(token)
        return self.date_of(token)

    def clock_span(self, items: list[Any]) -> v.Closes:
        closes = self.clock_of(items[-1])  # due when it closes ("18h-2h": the morning after)
        return v.Closes(closes, next_morning=_before(closes, self.clock_of(items[0])))

    def lunar_duty(self, items: list[Any]) -> v.Lunar:
        return v.Lunar()

    def month_part(self, items: list[Any]) -> list[v.DutyPart]:
        """ "đầu/giữa/cuối mỗi tháng": days 1-10, 11-20 or 21 to the end of each month;
        "đầu/giữa/cuối mỗi quý", "đầu/cuối hằng năm": its first, middle or last month, as
        "cuối quý II" is June."""
        p = self.tok(items[0]).parts
        if p.get("mpu") == "quy":
            months = _PART_MONTHS[p["mp"]]
            return [
                v.Window(1, -1),
                v.OnDays(months=tuple(m + q for q in (0, 3, 6, 9) for m in months)),
            ]
        if "mpy" in p:
            return [v.Window(1, -1), v.OnDays(months=(1,) if p["mpy"] == "dau" else (12,))]
        if "mpn" in p:  # "5 ngày đầu mỗi tháng": days 1 to 5; "3 ngày cuối": the last three
            n = int(p["mpn"])
            if not 1 <= n <= 28:
                raise Unreadable(f"{n} ngày trong một tháng")
            return [v.Window(1, n) if p["mp"] == "dau" else v.Window(-n, -1)]
        first, last = v.THIRDS[p["mp"]]
        return [v.Window(first, -1 if last == 31 else last)]

    def every(self, items: list[Any]) -> v.Frequency:
        duration: v.Duration = items[0]  # "định kỳ 6 tháng"
        return v.Frequency(duration.unit, interval=duration.n)

    def once_in(self, items: list[Any]) -> v.OnceIn:
        return v.OnceIn(items[0])


# A week's ordinal in the list after the first ("và thứ 4", ", tuần cuối cùng"), folded.
_WEEK_WORD = r"(?<![\w])(nhat|nhi|dau tien|dau|hai|ba|tu|nam|cuoi(?: cung)?|[1-5])(?!\w)"


def _week_nth(word: str) -> int:
    """The n-th week a folded ordinal names (-1: the last)."""
    word = " ".join(word.split())
    return -1 if word.startswith("cuoi") else ORDINALS.get(word) or int(word)


# The month of a quarter its first, middle or last part names.
_PART_MONTHS = {"dau": (1,), "giua": (2,), "cuoi": (3,)}


def _day_spans(parts: list[v.DutyPart]) -> tuple[v.DutyPart, ...]:
    """ "ngày 20 – 23/3", "ngày 5 đến hết ngày 10": one day to another is a window, not two days."""
    out: list[v.DutyPart] = []
    for part in parts:
        if isinstance(part, v.BareDay):  # "ngày 20 - 25": the 25th, only as a window's end
            if len(out) < 2 or not isinstance(out[-1], v.Link) or _one_day(out[-2]) is None:
                raise Unreadable(f"không rõ {part.n} là ngày nào")
            if not 1 <= part.n <= 31:
                raise Unreadable("ngày trong tháng không có thật")
            part = v.OnDays(month_days=(part.n,))
        if len(out) >= 2 and isinstance(out[-1], v.Link) and out[-1].words in ("to", "to het"):
            first, last = _one_day(out[-2]), _one_day(part)
            if first is None or last is None:  # "từ tháng 4 đến cuối tháng 7": whole months
                first, last = _month_edge(out[-2], 1), _month_edge(part, -1)
                if first is not None and last is not None and first.lunar != last.lunar:
                    # "từ tháng 1 đến hết tháng 3 âm lịch": "âm lịch" written once, of both
                    first, last = replace(first, lunar=True), replace(last, lunar=True)
            if first is not None and last is not None:
                out[-2:] = [v.Window(first, last)]
                continue
        out.append(part)
    return tuple(out)


def _one_day(part: v.DutyPart) -> v.Day | int | None:
    """The one day of the month or of the year that ``part`` names, if that is all it names."""
    if not isinstance(part, v.OnDays) or part.weekdays or part.months or part.nth_week:
        return None
    if len(part.month_days) == 1 and not part.year_days:
        return part.month_days[0]
    if len(part.year_days) == 1 and not part.month_days:
        return part.year_days[0]
    return None


def _month_edge(part: v.DutyPart, day: int) -> v.Day | None:
    """The first (``day`` 1) or last (-1) day of the one month ``part`` names, as the edge
    of a window of months ("hằng năm, từ tháng 4 đến (cuối) tháng 7"); of a lunar month, a
    lunar day ("đến hết tháng Ba âm lịch")."""
    if not isinstance(part, v.OnceIn):
        return None
    span = part.span
    if isinstance(span, v.Part) and span.part == ("dau" if day == 1 else "cuoi"):
        span = span.of
    if isinstance(span, v.Span) and span.what == "lunar_month" and span.args[1] is None:
        lunar = span.args[0]
        return None if lunar is None else v.Day(day, int(lunar), None, span.pos, lunar=True)
    if not isinstance(span, v.Span) or span.what != "months" or span.args[0] != span.args[1]:
        return None
    month = span.args[0]
    return None if month is None else v.Day(day, int(month), None, span.pos)


def _before(closes: v.Clock, opens: v.Clock) -> bool:
    """Whether a window closing at ``closes`` closes before the time it opens: across midnight,
    on the morning after ("từ 18h đến 2h sáng hôm sau"); "24 giờ" is the end of its own day."""
    return not closes.next_day and (closes.hour, closes.minute) < (opens.hour, opens.minute)
