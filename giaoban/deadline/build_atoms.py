"""What a single token means: the values of dates, clock times, weekdays, named periods.

:class:`Atoms` is the part of the grammar's builder that reads one token; the
rules that combine tokens are in :mod:`build` (one-off deadlines) and
:mod:`build_duty` (recurring duties). Terminals arrive as lark tokens whose
value is the index of the :class:`~giaoban.deadline.tokens.Tok` they stand for.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token, Transformer

from giaoban.deadline import values as v
from giaoban.deadline.lexicon import MONTH_WORDS, ORDINALS, RELATIVE, ROMAN
from giaoban.deadline.tokens import Tok, clock_value, number, weekday_number, words_value

_LUNAR_MONTHS = ("gieng", "chap")
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


def _year(s: str | None) -> int | None:
    """A written year; two digits mean 20yy."""
    if s is None:
        return None
    return 2000 + int(s) if len(s) == 2 else int(s)


class Atoms(Transformer[Token, Any]):
    """The values of single tokens, for one phrase's tokens."""

    def __init__(self, toks: list[Tok], written: str) -> None:
        super().__init__(visit_tokens=False)  # no rule is named after a terminal: tokens stay
        self.toks = toks
        self.written = written

    def tok(self, token: Token) -> Tok:
        return self.toks[int(token.value)]

    def text(self, token: Token) -> str:
        t = self.tok(token)
        return self.written[t.start : t.end].strip(" .,;:()")

    def pos(self, token: Token) -> int:
        return self.tok(token).start

    def rel_offset(self, token: Token, group: str) -> int:
        """How many units after the notice's the word of ``group`` names ("năm sau" 1, "tháng
        trước" -1); "này", or no word, is the notice's own (0)."""
        return RELATIVE.get(self.tok(token).parts.get(group) or "nay", 0)

    def lead(self, items: list[Any]) -> str:
        return " ".join(
            self.tok(t).parts["words"] for t in items if isinstance(t, Token) and t.type == "LEAD"
        )

    def date_of(self, token: Token) -> v.Day:
        t = self.tok(token)
        p = t.parts
        new_year = "td" in p  # "Tết Dương lịch": 1 January
        day = "1" if new_year else p.get("ld") or p.get("d") or p.get("sd") or p.get("pd")
        full_moon = day == "ram"  # "Rằm tháng Bảy": the 15th of a lunar month, always
        day = "15" if full_moon else day
        month = "1" if new_year else p.get("lm") or p.get("m") or p.get("sm") or p.get("pm")
        year_keys = ("ly", "ly2", "ly3", "ly4", "y", "y2", "sy", "py", "tdy")
        year = next((p[k] for k in year_keys if p.get(k)), None)
        assert day is not None and month is not None
        lunar = full_moon or month in _LUNAR_MONTHS
        m = int(month) if month.isdigit() else MONTH_WORDS[month]
        return v.Day(
            int(day),
            m,
            _year(year),
            t.start,
            lunar=lunar,
            written=self.text(token),
            holiday=new_year,
            part=self.part_of_day(token),
        )

    def part_of_day(self, token: Token) -> str:
        """The part of the day written right before the day of ``token`` ("sáng"), or ""."""
        return self.tok(token).get("dpart") or ""

    def weekday_of(self, token: Token) -> v.Weekday:
        t = self.tok(token)
        return v.Weekday(weekday_number(t), t.get("wr"), t.start)

    def clock_of(self, token: Token) -> v.Clock:
        clock = clock_value(self.tok(token))
        if clock is None:
            raise Unreadable(f"giờ {self.text(token)} không có thật")
        return clock

    def span_of(self, token: Token) -> v.Span:
        """The period a period token names ("tháng 4/2022", "quý I, II/2024", "tuần tới")."""
        t = self.tok(token)
        read = _SPANS.get(token.type)
        if read is None:  # "tháng này", "tuần tới", "học kỳ tiếp theo": from the notice's
            return _relative_span(*_RELATIVE_SPANS[token.type], t.parts, t.start)
        return read(t.parts, t.start)

    # -- points -------------------------------------------------------------------------------
    def _day_number(self, token: Token) -> int:
        if is_token(token, "MDAY"):
            parts = self.tok(token).parts
            return int(parts.get("md") or parts.get("mdt") or "15")  # "rằm": the 15th
        return number(self.tok(token))


def is_token(item: Any, kind: str) -> bool:
    return isinstance(item, Token) and item.type == kind


# -- periods by their terminal ------------------------------------------------------------------
# Each: the parts of a token and where it stands, to the period it names.
Parts = dict[str, str]


def _month(p: Parts, pos: int) -> v.Span:
    m = int(p.get("mm") or p["bm"])  # "bm": "trong 2/2021", without "tháng"
    if not 1 <= m <= 12:
        raise Unreadable(f"tháng {m} không có thật")
    year = p.get("my") or p.get("bmy")
    return v.Span("months", (m, m, _year(year)), pos, year is not None)


def _month_name(p: Parts, pos: int) -> v.Span:
    name = p.get("mw") or p.get("mw2") or ""
    m, y = MONTH_WORDS[name], _year(p.get("mwy") or p.get("mwy2") or p.get("tny"))
    if name in _LUNAR_MONTHS:
        return v.Span("lunar_month", (m, y), pos, y is not None)
    return v.Span("months", (m, m, y), pos, y is not None)


def _month_list(p: Parts, pos: int) -> v.Span:
    if "mra" in p:  # "tháng 8 - 9/2024": both in that year
        first, last, year = int(p["mra"]), int(p["mrb"]), _year(p["mry"])
        if not 1 <= first < last <= 12:
            raise Unreadable(f"tháng {first} - {last} không có thật trong một năm")
        return v.Span("months", (first, last, year), pos, True, unit="list")
    # "tháng 6,7,8/2020": from the first to the last
    listed = p.get("ml") or p.get("ml2") or p.get("ml3") or p["mld"]
    months = [int(m) for m in re.split(r"\s*(?:[,;\-]|va)\s*", listed)]
    if any(not 1 <= m <= 12 for m in months):
        raise Unreadable("tháng không có thật")
    if months != sorted(set(months)):  # "tháng 11, 12 và 1/2025": across two years, or a typo
        raise Unreadable("các tháng không theo thứ tự trong một năm")
    said = p.get("mlc")
    if said and (int(said) if said.isdigit() else words_value(said)) != len(months):
        raise Unreadable(f"{p['mlc']} tháng nhưng kể {len(months)} tháng")
    year = _year(p.get("mly") or p.get("mly2") or p.get("mly3"))
    gaps = len(months) < months[-1] - months[0] + 1  # "tháng 1, 3, 5": not a window of months
    return v.Span(
        "months",
        (min(months), max(months), year),
        pos,
        year is not None,
        unit="list",
        listed=tuple(months) if gaps else (),
    )


def _quarter(p: Parts, pos: int) -> v.Span:
    if "ql" in p:  # "quý I, II/2024": the first to the last
        names = re.findall(r"iv|iii|ii|i|[1-4]", p["ql"].replace("quy", ""))
        qs = [ROMAN.get(n) or int(n) for n in names]
        year = _year(p.get("qly"))
        return v.Span("months", (3 * min(qs) - 2, 3 * max(qs), year), pos, year is not None)
    q = ROMAN.get(p["q"]) or int(p["q"])
    return v.Span("months", (3 * q - 2, 3 * q, _year(p.get("qy"))), pos, "qy" in p)


def _half(p: Parts, pos: int) -> v.Span:
    n = p.get("hn")
    count = 6 if n is None else (int(n) if n.isdigit() else words_value(n))
    if not 1 <= count <= 12:
        raise Unreadable(f"{count} tháng không hợp lệ")
    first, last = (1, count) if p["hside"] in ("dau", "truoc") else (13 - count, 12)
    offset = RELATIVE[p["hr"]] if "hr" in p else None  # "6 tháng đầu năm sau"
    return v.Span("months", (first, last, _year(p.get("hy"))), pos, "hy" in p, year_offset=offset)


def _week(p: Parts, pos: int) -> v.Span:
    number = int(p["wn"]) if p.get("wn") else ORDINALS[p["wnw"]]  # "tuần thứ hai"
    return v.Span("week", (number, _year(p.get("wy"))), pos, True)


def _year_span(p: Parts, pos: int) -> v.Span:
    return v.Span("year", (int(p.get("yy") or p["yn"]),), pos, True)


def _school_year(p: Parts, pos: int) -> v.Span:
    return v.Span("school_year", (int(p["sy1"]), _year(p["sy2"])), pos, True)


def _school_year_counted(p: Parts, pos: int) -> v.Span:
    """ "năm học này / tới": counted from the notice's school year; "trong năm học", "cuối năm
    học": a school year without its years, placed as a period without a year is (resolve.py)."""
    if "rsy" in p or "rsy2" in p:
        return _relative_span("rsy", "school_year", p, pos)
    return v.Span("school_year", (None, None), pos)


def _unit_span(p: Parts, pos: int) -> v.Span:
    """ "cuối năm", "đầu tháng": the notice's own."""
    unit = {"thang": "month", "quy": "quarter", "nam": "year"}.get(p["u"], "month")
    return v.Span("rel", (0,), pos, unit=unit)


def _relative_span(group: str, unit: str, p: Parts, pos: int) -> v.Span:
    word = p.get(group) or p.get(group + "2") or "nay"
    return v.Span("rel", (RELATIVE.get(word, 0),), pos, unit=unit)


_SPANS = {
    "MONTH": _month,
    "MONTHNAME": _month_name,
    "MONTHLIST": _month_list,
    "QUARTER": _quarter,
    "HALF": _half,
    "WEEK": _week,
    "YEAR": _year_span,
    "YEARNUM": _year_span,
    "SCHOOLYEAR": _school_year,
    "RELSCHOOLYEAR": _school_year_counted,
    "UNIT": _unit_span,
}  # the other period terminals are relative (_RELATIVE_SPANS)
