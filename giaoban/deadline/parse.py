"""Read a Vietnamese deadline phrase into a :class:`Deadline`.

Pure: the notice's date is given, the clock is never read. The reading has
three steps: the phrase is cut into tokens (:mod:`lexer`), the tokens are
parsed by the grammar (``grammar.lark``, with lark's LALR parser: :mod:`grammar`) into a
value (:mod:`build`), and the value is read against the notice's date
(:mod:`once`, :mod:`duty`). A phrase the grammar cannot read is a
:class:`DeadlineError` that names the words not understood.

The first two steps are what the phrase says (:class:`Said`, made by :func:`said`): they
never look at the notice's date nor at the settings, so a phrase written in many notices
is cut and parsed once (:mod:`giaoban.deadline.memo` keeps them); only the last step, what
it means on a date (:func:`_on_the_date`), runs for each notice. The checks made on the
phrase's words before the grammar (a form's blank, a plan's vision, another calendar) are
cheap and stay with the reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import chain
from typing import Any

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from giaoban.deadline import values as v
from giaoban.deadline.build import Builder, Unreadable
from giaoban.deadline.calendars import NoSuchDay, lunar_month_day
from giaoban.deadline.context import Ctx, NoNoticeDate, zone
from giaoban.deadline.duty import read_duty
from giaoban.deadline.grammar import parser
from giaoban.deadline.lexer import has_marks, lex, words
from giaoban.deadline.lexicon import CONDITIONAL
from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings
from giaoban.deadline.normalize import Text
from giaoban.deadline.once import at, nothing, open_start, relative
from giaoban.deadline.passes import events
from giaoban.deadline.reread import CHURCH_SEASON, FEAST_DAY
from giaoban.deadline.resolve import month_for
from giaoban.deadline.standing import counted_from_unnamed, one_year_only, standing_rule
from giaoban.deadline.tokens import Tok
from giaoban.deadline.unread import (
    blank_to_fill,
    count_told_twice,
    edge_of_period,
    events_day_unlinked,
    leap_month,
    numbered_by_a_word,
    occasion_without_days,
    one_month_workday,
    other_calendar_day,
    period_said_elsewhere,
    remark_days_left_out,
    round_the_clock,
    uncounted_start,
    unread_time_words,
    vision_horizon,
)
from giaoban.model.text import fold, nfc

DEFAULT_SETTINGS = DeadlineSettings()
ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?")
# Words that make a phrase a recurring duty: it is parsed from the grammar's `duty` rule.
DUTY_WORDS = frozenset(
    {
        "FREQ",
        "PERIODIC",
        "TIMES",
        "EVERY",
        "REPORT",
        "QMONTH",
        "MONTHSOF",
        "MONTHREF",
        "LASTDAY",
        "WORKDAYORD",
        "PLURAL",
        "WORKDAYS",
    }
)


def parse_deadline(
    phrase: str, ref: date | None, settings: DeadlineSettings = DEFAULT_SETTINGS
) -> Deadline | DeadlineError:
    """Read ``phrase`` written in a notice dated ``ref`` (None: a text without a date)."""
    return read_deadline(phrase, ref, settings)[0]


@dataclass(frozen=True)
class Said:
    """What a phrase says, whatever the notice and its date: its tokens and the grammar's
    value of the first of its lexings the grammar reads (:func:`_grammar_reading`).

    ``value`` is None when no lexing reads; ``read_from`` is then the strictest lexing, which
    a notice's date may still read (its days in the notice's month). Immutable: one
    ``Said`` serves every notice that writes the phrase."""

    value: v.Reading | None
    read_from: tuple[Tok, ...]  # the tokens the grammar read (a remark may be left out)
    toks: tuple[Tok, ...]  # the phrase's words (:func:`~giaoban.deadline.lexer.words`)


def said(text: Text) -> Said:
    """What ``text`` says (:class:`Said`): cut into tokens and parsed, no date looked at.

    Raises Unreadable (and the errors of a date that cannot be, as ``_build`` does) when a
    value the grammar reads cannot be built: that is the phrase's reading on every date."""
    value, read_from = _grammar_reading(text)
    return Said(value, read_from, words(text))


def read_deadline(
    phrase: str,
    ref: date | None,
    settings: DeadlineSettings = DEFAULT_SETTINGS,
    saying: Callable[[Text], Said] = said,
) -> tuple[Deadline | DeadlineError, bool]:
    """``parse_deadline``, and whether the reading looked at ``ref`` at all.

    A reading that never looked at the notice's date is the reading of the
    phrase in every notice (with the same settings), so it can be kept per
    phrase (see :mod:`giaoban.deadline.memo`). ``saying`` gives what the
    phrase says (:func:`said`, or a table of them kept per phrase).
    """
    written = nfc(phrase)
    ctx = Ctx(written, Text.of(phrase), ref, settings)
    if not ctx.text.orig:
        return DeadlineError(written, "hạn để trống"), False
    try:
        result = _read(ctx, saying)
    except Unreadable as err:
        return _error(written, err.reason), ctx.ref_used
    except NoNoticeDate:
        return _error(written, "cần ngày của thông báo để đọc"), True
    except (ValueError, OverflowError, NoSuchDay):  # "năm 0000", "năm 99999"
        return _error(written, "ngày tháng năm không có thật"), ctx.ref_used
    return result, ctx.ref_used


def _error(written: str, reason: str) -> DeadlineError:
    return DeadlineError(written, f'không đọc được hạn "{written}": {reason}')


def _read(ctx: Ctx, saying: Callable[[Text], Said] = said) -> Deadline:
    """The reading of ``ctx``'s phrase: the checks of its words, then what it says
    (``saying``) read on the notice's date."""
    iso = read_iso(ctx)
    if iso is not None:
        return iso
    horizon = vision_horizon(ctx.text)
    if horizon is not None:  # "đến năm 2030, tầm nhìn đến năm 2045": the target, not the vision
        return _without_horizon(ctx, horizon)
    _left_unsaid(ctx)
    other = other_calendar_day(ctx.text)
    if other is not None:  # "mùng 1 tháng 7 lịch Chăm": no solar day of its own
        return _other_calendar(ctx, other)
    return _on_the_date(ctx, saying(ctx.text))


def _on_the_date(ctx: Ctx, what: Said) -> Deadline:
    """What the phrase that says ``what`` means in the notice of ``ctx``: its value read
    against the notice's date (:func:`_meaning`), after the checks of the words the value
    leaves out; a phrase whose days name no month takes the notice's."""
    value, toks = what.value, what.toks
    ctx.read_from = what.read_from
    if value is None:
        value = _in_the_notice_month(ctx, list(what.read_from))
    if value is None:
        alone = _remark_alone(ctx, toks) if unread_time_words(toks, ctx.text) else None
        if alone is not None:  # "trong tuần qua (từ 6/5 đến 12/5/2024)"
            return alone
        raise Unreadable(_not_understood(ctx))
    edge = edge_of_period(toks, ctx.text)
    if edge is not None:  # "ngày đầu tiên của tháng sau": that month's first day
        day = _edge_day(ctx, *edge)
        if day is not None:
            return day
    occasion = occasion_without_days(toks, ctx.text)
    if occasion is not None:  # "trong dịp Tết Nguyên đán": a season, not Tết's first day
        season = ctx.orig(occasion[0].start, occasion[1].end)
        raise Unreadable(
            f'"{season}" không nêu từ ngày nào đến ngày nào: ghi thêm ngày '
            "hoặc ghim ngày bằng due: YYYY-MM-DD"
        )
    _church_season(ctx, toks)
    _unclear_numbers(ctx, toks)
    unread = unread_time_words(toks, ctx.text) or one_month_workday(toks)
    if unread is not None:  # "thứ Hai đầu tiên ...": the ordinal would be left out
        alone = _remark_alone(ctx, toks)
        if alone is not None:  # "trong 2 tháng gần đây (8 và 9/2019)": the months in brackets
            return alone
        raise Unreadable(f'không hiểu phần "{_words_from(ctx, toks, unread)}"')
    other = CONDITIONAL.search(ctx.text.low)
    if other is not None:  # "đến 22-4 hoặc 30-4 tùy tình hình": the day written first stands
        ctx.warn(
            f'"{ctx.orig(other.start())}" nêu một hạn khác có điều kiện; đọc theo hạn viết trước'
        )
    if isinstance(value, v.Relative) and isinstance(value.anchor, v.Event):
        _not_a_said_time(value.anchor)
    if isinstance(value, v.Relative) and _lasts(value, toks, ctx.text):
        value = replace(value, length=True)
    found = _meaning(value, ctx)
    _remark_agrees(ctx, found)
    return found


REMARK_DAYS = (
    'ngày trong ngoặc "{}" không phải ngày đọc được ({}): ghi rõ ngày tháng '
    "hoặc ghim ngày bằng due: YYYY-MM-DD"
)


def _remark_agrees(ctx: Ctx, found: Deadline) -> None:
    """Raise Unreadable when a remark in brackets the reading left out names days of the month
    by number that the days read are not ("Tết Nguyên đán (mùng 3)" had been mùng 1,
    silently), in the solar calendar or the lunar one (a remark may say again "(mùng 4)")."""
    if found.kind not in ("date", "period") or found.due is None or "(" not in ctx.text.low:
        return
    left = remark_days_left_out(words(ctx.text, has_marks(ctx.text)), ctx.read_from)
    if left is None:
        return
    last = (found.due - timedelta(minutes=1)).date()
    first = found.start.date() if found.start is not None else last
    if (last - first).days > 40:
        return  # a month or more: every number of a day is in it
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    told = {d.day for d in days} | {lunar_month_day(d)[1] for d in days}
    if not left[2] <= told:
        said = ctx.orig(left[0].start, left[1].end)
        shown = f"{first:%d/%m/%Y}" + ("" if first == last else f" - {last:%d/%m/%Y}")
        raise Unreadable(REMARK_DAYS.format(said, shown))


def _church_season(ctx: Ctx, toks: tuple[Tok, ...]) -> None:
    """Raise Unreadable when a weekday is named in a season of the Church year and no date
    is written ("các thánh lễ chiều thứ Sáu trong Mùa Chay"): which weeks, Easter decides."""
    types = {t.type for t in toks}
    if "WEEKDAY" not in types or "DATE" in types:
        return
    season = CHURCH_SEASON.search(fold(ctx.text.low))
    if season is not None:
        raise Unreadable(
            f'"{ctx.orig(season.start(), season.end())}" là một mùa theo lịch phụng vụ, mỗi năm '
            'một khác: ghi rõ ngày ("thứ Sáu 15/3/2024") hoặc ghim ngày bằng due: YYYY-MM-DD'
        )


def _unclear_numbers(ctx: Ctx, toks: tuple[Tok, ...]) -> None:
    """Raise Unreadable when a number the reading would take as a day or a month may be
    something else: "24/7" after the words of a service (round the clock), a month in "ngày
    thi tháng 6" (the exam's day in it), "đợt 1/2020" (the round's number)."""
    clock = round_the_clock(toks, ctx.text)
    if clock is not None:  # "trực cấp cứu 24/7": 24 hours, 7 days a week, or 24 July?
        raise Unreadable(
            f'"{ctx.orig(clock.start, clock.end)}" là suốt ngày đêm (24 giờ, 7 ngày) hay ngày '
            '24/7? Ghi "ngày 24/7" hoặc ghim ngày bằng due: YYYY-MM-DD'
        )
    day = events_day_unlinked(toks, ctx.text)
    if day is not None:  # "ngày thi tháng 6": the exam's day, not the month
        raise Unreadable(
            f'"{ctx.orig(day[0].start, day[1].end)}" là ngày của một sự kiện, không rõ ngày nào: '
            "ghi ngày hoặc ghim ngày bằng due: YYYY-MM-DD"
        )
    twice = count_told_twice(ctx.text)
    if twice is not None:  # "mười bảy (13) ngày": 17 or 13?
        raise Unreadable(
            f'"{twice}": số viết bằng chữ và bằng số khác nhau: sửa cho khớp hoặc ghim ngày '
            "bằng due: YYYY-MM-DD"
        )
    numbered = numbered_by_a_word(toks, ctx.text)
    if numbered is not None:  # "trong đợt 1/2020": the round's number, not January
        said = ctx.orig(numbered[0].start, numbered[1].end)
        number = ctx.orig(numbered[1].start, numbered[1].end)
        raise Unreadable(
            f'"{said}": số "{number}" thuộc chữ đứng trước, không rõ là tháng: ghi '
            f'"tháng {number}" hoặc ghim ngày bằng due: YYYY-MM-DD'
        )


# Words that make a day of the other calendar a yearly observance.
_YEARLY = re.compile(r"\b(?:hang|moi) nam\b|\bthuong nien\b")
OTHER_CALENDAR = (
    '"{}" là ngày theo lịch Chăm hoặc Khmer, giaoban không đổi được sang dương lịch: '
    "ghi ngày dương lịch hoặc ghim ngày bằng due: YYYY-MM-DD"
)


def _other_calendar(ctx: Ctx, day: re.Match[str]) -> Deadline:
    """A phrase with a day of the Chăm or the Khmer calendar: told again beside a solar day
    ("Sáng 28/9 là ngày mùng 1/7 theo lịch Chăm"), the solar day is read; alone, a yearly
    observance ("Hàng năm vào Mùng 1 tháng 7 (lịch Chăm)"; in a text without a date, as a
    day without its year is) is a duty with no rule, and one day in a notice an error."""
    said = ctx.orig(*day.span())
    said += ")" * (said.count("(") - said.count(")"))
    rest = (ctx.text.orig[: day.start()] + " " + ctx.text.orig[day.end() :]).strip()
    if rest:
        found = parse_deadline(rest, ctx.notice_date, ctx.settings)
        ctx.ref_used = True
        if isinstance(found, Deadline) and found.kind in ("date", "period"):
            return replace(found, phrase=ctx.phrase)
        if isinstance(found, Deadline) and any(c.isdigit() for c in rest):  # not "Hàng năm"
            if not ctx.dated:  # the solar days of one year, the other calendar's day moving
                raise NoNoticeDate
            return replace(found, phrase=ctx.phrase)
    if _YEARLY.search(fold(ctx.text.low)) or not ctx.dated:
        note = f'"{said}" theo lịch Chăm hoặc Khmer: không có quy tắc dương lịch'
        return Deadline(ctx.phrase, "recurring", None, warnings=(note,))
    raise Unreadable(OTHER_CALENDAR.format(said))


HORIZON = '"{}" là tầm nhìn của kế hoạch, không phải hạn'


def _without_horizon(ctx: Ctx, horizon: re.Match[str]) -> Deadline:
    """The reading of the phrase without its plan's vision ("đến năm 2030, tầm nhìn đến năm
    2045" is due with 2030), warning that names it; Unreadable when nothing else gives a time.

    Args:
        ctx: the phrase being read.
        horizon: where :func:`~giaoban.deadline.unread.vision_horizon` found the vision.

    Returns:
        The reading of the rest of the phrase, as if written alone, with the warning."""
    said = ctx.orig(*horizon.span("vision"))
    rest = (ctx.text.orig[: horizon.start()] + " " + ctx.text.orig[horizon.end() :]).strip()
    if not any(c.isdigit() for c in rest):  # "tầm nhìn đến năm 2045" alone: no deadline
        raise Unreadable(HORIZON.format(said) + ": ghi hạn hoặc ghim ngày bằng due: YYYY-MM-DD")
    inner = Ctx(rest, Text.of(rest), ctx.notice_date, ctx.settings)
    try:
        found = _read(inner)
    finally:
        ctx.ref_used = ctx.ref_used or inner.ref_used  # the memo keeps what the rest looked at
    note = HORIZON.format(said) + "; đọc theo hạn viết cùng"
    return replace(found, phrase=ctx.phrase, warnings=(*found.warnings, note))


def _left_unsaid(ctx: Ctx) -> None:
    """Raise Unreadable when the phrase leaves a number to be said: a form's blank ("ngày ….
    tháng ….. năm 2023") or the count of the first months of a period ("những tháng đầu
    năm"), which the words around them, read alone, would silently replace."""
    blank = blank_to_fill(ctx.text)
    if blank is not None:
        raise Unreadable(BLANK.format(ctx.text.orig[blank.start() : blank.end()].strip()))
    elsewhere = period_said_elsewhere(ctx.text)
    if elsewhere is not None:  # "ngày 31/01 năm đó": the year is given elsewhere in the text
        raise Unreadable(SAID_ELSEWHERE.format(ctx.orig(*elsewhere.span())))
    leap = leap_month(ctx.text)
    if leap is not None:  # "rằm tháng 9 nhuận": the ordinary month had been read, silently
        raise Unreadable(LEAP.format(ctx.orig(*leap.span())))
    uncounted = uncounted_start(ctx.text)
    if uncounted is not None:
        wording = ctx.orig(uncounted.start(), uncounted.end())
        raise Unreadable(UNCOUNTED.format(wording, ctx.orig(*uncounted.span("unit"))))


# An event named as "the time said above" ("trong thời gian nói trên", "nêu trên", "trên
# đây"), folded: a time the text gives elsewhere, no event a notice can date.
_SAID_ABOVE = re.compile(r"^(?:(?:thoi gian|thoi han|thoi diem|khoang thoi gian) )?"
                         r"(?:noi tren|neu tren|tren day|da neu|vua neu)$")  # fmt: skip


# A leap month of the lunar calendar ("tháng 9 nhuận", "rằm tháng 9 sau").
LEAP = (
    '"{}" là tháng nhuận âm lịch, chưa đổi được ra ngày dương lịch: ghi ngày dương lịch '
    "hoặc ghim ngày bằng due: YYYY-MM-DD"
)


SAID_ELSEWHERE = (
    '"{}" chỉ một thời gian nêu ở chỗ khác trong văn bản: ghi ngày '
    "hoặc ghim ngày bằng due: YYYY-MM-DD"
)


def _not_a_said_time(event: v.Event) -> None:
    """Raise Unreadable for "trong thời gian nói trên": it had been counted from an event
    named "nói trên", due at it, where the time meant is a period given elsewhere."""
    if _SAID_ABOVE.match(fold(event.name.lower()).strip()):
        raise Unreadable(SAID_ELSEWHERE.format(event.name))


# Words that say a count is how long something lasts: "kéo dài 8 ngày", "diễn ra trong 3
# ngày", "trong 5 ngày liên tục" (folded, as typed with or without marks). The anchor being a
# written day, not an event, these words name no event ("ngày diễn ra hội nghị").
_LASTS_WORDS = re.compile(r"\b(?:keo dai|dien ra|lien tuc|bat dau)\b")


def _lasts(value: v.Relative, toks: tuple[Tok, ...], text: Text) -> bool:
    """Whether ``value`` counts the length of what begins on a written day ("từ ngày 20/5
    kéo dài 8 ngày", "bắt đầu từ 1/6, diễn ra trong 3 ngày"): that day is its first, so the
    count is not from the day after, as a time limit's is ("30 ngày kể từ ngày 15/3")."""
    d = value.duration
    if d is None or d.n <= 0 or d.business or d.unit in ("gio", "phut") or value.sign != 1:
        return False
    if value.clock is not None or not isinstance(value.anchor, (v.Day, v.Weekday, v.Moment)):
        return False
    return _LASTS_WORDS.search(fold(text.low)) is not None


# A remark that names its days alone writes them with numbers; one counted from the notice
# ("tuần này", "thứ Hai") would be read against the wrong week.
_WRITTEN = frozenset({"DATE", "MONTH", "MONTHLIST", "YEAR", "YEARNUM", "QUARTER", "SCHOOLYEAR"})
_COUNTED_FROM_NOTICE = frozenset(
    {"WEEKDAY", "RELDAY", "RELWEEK", "RELMONTH", "RELYEAR", "RELQUARTER", "REFDAY", "MDAY"}
)


def _remark_alone(ctx: Ctx, toks: tuple[Tok, ...]) -> Deadline | None:
    """The day or period a remark in brackets names alone, when the words before it say a time
    the engine does not read ("trong tuần qua (từ 6/5 đến 12/5/2024)"): the days written win
    over the words, as over a week's label. None when the remark names no day or period."""
    remark = [t for t in toks if t.remark]
    types = {t.type for t in remark}
    if not types & _WRITTEN or types & _COUNTED_FROM_NOTICE or "W" in types:
        return None  # "(thứ Hai)" after "tuần qua" is no Monday of the week to come
    value = _parse(ctx.text, events(remark, False))
    if value is None:
        return None
    read = _meaning(value, ctx)
    return read if read.kind in ("date", "period") else None


def _edge_day(ctx: Ctx, edge: str, period: Tok) -> Deadline | None:
    """The first or the last day of the period ``period`` reads, as a day's deadline; None
    when it reads no period."""
    value = _parse(ctx.text, [period])
    if value is None:
        return None
    read = _meaning(value, ctx)
    if read.kind != "period" or read.start is None or read.due is None:
        return None
    due = read.start + timedelta(days=1) if edge == "first" else read.due
    return replace(read, kind="date", start=None, due=due)


def _words_from(ctx: Ctx, toks: tuple[Tok, ...], tok: Tok) -> str:
    """The words left out from ``tok`` (one of ``toks``) on, to the next word the reading
    uses."""
    i = toks.index(tok)
    j = i
    while j + 1 < len(toks) and toks[j + 1].type == "W":
        j += 1
    return ctx.orig(tok.start, toks[j].end)


def _grammar_reading(text: Text) -> tuple[v.Reading | None, tuple[Tok, ...]]:
    """The value the grammar reads in the first of the phrase's lexings it can read, and that
    lexing; None and the strictest lexing when none reads."""
    lexings = _lexings(text)
    strictest = next(lexings)
    tried: list[list[Tok]] = []
    for toks in chain([strictest], lexings):
        if toks in tried:
            continue  # read already, to no value: the same again
        value = _parse(text, toks)
        if value is not None:
            return value, tuple(toks)
        tried.append(toks)
    return None, tuple(strictest)


def _lexings(text: Text) -> Iterator[list[Tok]]:
    """The phrase's tokens, each lexing looser than the one before (made only when asked for):
    marks may be missing (OCR); the words around an event's name may be no event; a remark in
    brackets may say the same thing again in other words."""
    made: list[tuple[tuple[Tok, ...], bool]] = []
    for strict in (True, False) if has_marks(text) else (False,):
        for anchors, remarks in ((True, True), (False, True), (False, False)):
            found = words(text, strict, remarks)
            if any(w is found and a == anchors for w, a in made):
                continue  # the same tokens as a lexing already made (no remark, no word unmarked)
            made.append((found, anchors))
            yield events(found, anchors, text)


# Tokens of a phrase whose days name no month ("từ ngày 2 đến ngày 10", "trước ngày 25").
_MONTHLESS = frozenset({"MDAY", "NUM", "AND", "FROM", "LEAD", "TIME", "WEEKDAY", "ONWARD", "W"})


def _in_the_notice_month(ctx: Ctx, toks: list[Tok]) -> v.Reading | None:
    """A phrase whose days name no month, read in a notice: its last day written as a date in
    the month :func:`~giaoban.deadline.resolve.month_for` gives ("từ ngày 2 đến ngày 10"
    written on 25/9 is 2-10/10), which the days before it share as they share a written one.
    None when that does not read it.

    Done on the tokens, not in the grammar: a bare day as a ``day`` rule would clash with the
    bare numbers of a list or a range (``_day_item``, ``day_range``), and a day with no month
    is read so only when nothing else reads the phrase."""
    types = {t.type for t in toks}
    if "MDAY" not in types or not types <= _MONTHLESS or _start(toks) != "once":
        return None
    if not ctx.dated:
        return None
    last = max(i for i, t in enumerate(toks) if t.type == "MDAY")
    mday = toks[last]
    day = int(mday.parts.get("md") or mday.parts["mdt"])
    year, month = month_for(day, ctx)
    parts = {"d": str(day), "m": str(month), "y": str(year)}
    date_tok = Tok("DATE", mday.start, mday.end, parts, mday.remark)
    return _parse(ctx.text, [*toks[:last], date_tok, *toks[last + 1 :]])


def _parse(text: Text, toks: list[Tok]) -> v.Reading | None:
    if not toks:
        return None
    types = tuple(t.type for t in toks)
    tree = _tree(types, _start_of(types, _week_named(toks)))
    if tree is None:
        return None
    value: v.Reading = _build(Builder(toks, text.orig), tree)
    return value


def _build(builder: Builder, tree: Tree[Token]) -> Any:
    """The value of ``tree``: each rule's method of the builder is given the values of its
    children, as lark's ``Transformer.transform`` does (a rule with no method keeps its tree),
    without the generic work the builder does not need (tokens passed to methods, ``Discard``,
    visit wrappers); an error of a rule's method is raised as it is."""
    children = [_build(builder, c) if isinstance(c, Tree) else c for c in tree.children]
    method = getattr(builder, tree.data, None)
    if method is None:
        return Tree(tree.data, children, tree.meta)
    return method(children)


@lru_cache(maxsize=4096)
def _tree(types: tuple[str, ...], start: str) -> Tree[Token] | None:
    """The parse tree of a sequence of terminals (None: the grammar does not read it).

    The tree depends on the terminals alone (its tokens carry their places,
    not their words), so phrases of one shape share it.
    """
    stream = [Token(kind, str(i)) for i, kind in enumerate(types)]
    try:
        return parser().parse(stream, start=start)
    except UnexpectedInput:
        return None


def _start(toks: list[Tok]) -> str:
    """The grammar's start: ``duty`` for a phrase with a frequency word, one that names
    weekdays and nothing else ("thứ 2 và thứ 5": every week), a range of weekdays with a
    clock window ("Thứ 2 - Thứ 6: 7h30 - 17h00") or a clock window with days closed ("từ 7h
    đến 21h (trừ Chủ nhật)"): hours kept every week; ``once`` for the rest."""
    return _start_of(tuple(t.type for t in toks), _week_named(toks))


def _week_named(toks: list[Tok]) -> bool:
    """Whether a weekday names its week ("thứ 6 tuần sau"): one day, not every week."""
    return any(t.get("wr") for t in toks if t.type == "WEEKDAY")


@lru_cache(maxsize=4096)
def _start_of(types: tuple[str, ...], week_named: bool) -> str:
    """:func:`_start`, from the terminals and whether a weekday names its week."""
    if DUTY_WORDS.intersection(types):
        return "duty"
    weekdays = types.count("WEEKDAY")
    only_weekdays = set(types) <= _WEEKDAY_LIST and not week_named
    several = weekdays + types.count("NUM") > 1  # "thứ 7 và chủ nhật", "thứ 2, 4, 6"
    if weekdays and several and "AND" in types and only_weekdays:
        return "duty"
    if only_weekdays and weekdays and "TIME" in types and _opening_hours(types):
        return "duty"
    if "EXCL" not in types:
        return "once"
    closed = set(types) <= _CLOSED_HOURS  # "từ 7h đến 21h (trừ Chủ nhật)": every other day
    return "duty" if closed and _has_run(types, _CLOCK_WINDOW) else "once"


_WEEKDAY_LIST = frozenset({"WEEKDAY", "AND", "NUM", "LEAD", "W", "TIME", "FROM"})
_CLOSED_HOURS = _WEEKDAY_LIST | {"EXCL"}
_WEEKDAY_RANGE = ("FROM", "WEEKDAY", "LEAD", "WEEKDAY")
_CLOCK_WINDOW = ("TIME", "LEAD", "TIME")


def _opening_hours(types: tuple[str, ...]) -> bool:
    """Whether a phrase of weekdays and clock times is a range of weekdays with a clock window
    ("Thứ 2 - Thứ 6: Từ 7h30 - 20h00", "từ 7h đến 19h, thứ Hai đến thứ Sáu"): hours kept on
    those days every week (no week is named), due when the window closes."""
    return _has_run(types, _WEEKDAY_RANGE) and _has_run(types, _CLOCK_WINDOW)


def _has_run(types: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(types[i : i + n]) == run for i in range(len(types) - n + 1))


# Tokens of a phrase that names clock times and nothing else ("Từ 7h30 đến 11h30").
_CLOCK_ONLY = frozenset({"TIME", "FROM", "LEAD", "AND", "ONWARD"})
CLOCK_ONLY = (
    'chỉ có giờ, không có ngày nào: ghi thêm ngày ("... ngày 15/3/2025") hay các ngày '
    'lặp lại ("... các ngày làm việc"), hoặc ghim ngày bằng due: YYYY-MM-DD'
)

# A form's blank for a number ("ngày …. tháng ….. năm 2023").
BLANK = 'còn chỗ trống chưa điền ("{}"): điền ngày giờ hoặc ghim ngày bằng due: YYYY-MM-DD'

# The first months of a period, their count unsaid ("những tháng đầu năm").
UNCOUNTED = (
    '"{}" không nêu bao nhiêu {}: ghi rõ số (như "3 tháng đầu năm") '
    "hoặc ghim ngày bằng due: YYYY-MM-DD"
)

# A season or campaign named with its year ("hè 2020"): its days are not in the phrase.
SEASON = (
    '"{}" là một mùa, vụ hay đợt không nêu ngày đầu, ngày cuối: ghi rõ ngày '
    '("từ 01/6 đến 31/8/2020") hoặc ghim ngày bằng due: YYYY-MM-DD'
)


# A weekday named by a feast of the Church year ("Chúa nhật lễ Lá"): its day moves each year.
FEAST = (
    '"{}" là ngày của một lễ theo lịch phụng vụ, mỗi năm một ngày khác: ghi rõ ngày '
    '("Chúa nhật 24/3/2024") hoặc ghim ngày bằng due: YYYY-MM-DD'
)


def _not_understood(ctx: Ctx) -> str:
    """Name the words the grammar could not place."""
    toks = lex(ctx.text, anchors=False)
    types = {t.type for t in toks}
    season = next((t for t in toks if t.type == "SEASON"), None)
    if season is not None:
        return SEASON.format(ctx.text.orig[season.start : season.end])
    feast = FEAST_DAY.search(fold(ctx.text.low))
    if feast is not None and "DATE" not in types:
        return FEAST.format(ctx.orig(feast.start(), feast.end()))
    if "TIME" in types and types <= _CLOCK_ONLY:
        return CLOCK_ONLY  # a window of a day the phrase does not name (docs/deadlines.md)
    stuck = _stuck(tuple(t.type for t in toks), _start(toks))
    if stuck is not None and stuck < len(toks):
        return f'không hiểu phần "{ctx.orig(toks[stuck].start)}"'
    if stuck is not None and toks:
        return f'thiếu phần sau "{ctx.orig(toks[-1].start)}"'
    if not toks:
        return "không có ngày, giờ hay khoảng thời gian nào"
    return "không ghép được các phần"


@lru_cache(maxsize=4096)
def _stuck(types: tuple[str, ...], start: str) -> int | None:
    """Where the grammar stops reading a sequence of terminals: the index of the first one it
    cannot take, ``len(types)`` when it wants more, None when it reads them all. Like the
    tree, it depends on the terminals alone."""
    stream = [Token(kind, str(i)) for i, kind in enumerate(types)]
    try:
        parser().parse(stream, start=start)
    except UnexpectedInput as err:
        index = getattr(getattr(err, "token", None), "value", None)
        if index is not None and str(index).isdigit():
            return int(index)
        return len(types)
    return None


def _meaning(value: v.Reading, ctx: Ctx) -> Deadline:
    if isinstance(value, v.At):
        standing = standing_rule(value)
        if standing is not None and not ctx.dated:
            _today_named(ctx)
            _one_year_only(value)
            return read_duty(standing, ctx)
        counted = counted_from_unnamed(value)
        if counted is not None and not ctx.dated:
            return relative(counted, ctx)
        return at(value, ctx)
    if isinstance(value, v.OpenStart):
        # "từ 16 giờ ngày hôm sau": a time to be there, read as a day is
        counted = None if value.since else counted_from_unnamed(v.At("", value.start))
        if counted is not None and not ctx.dated:
            return relative(counted, ctx)
        return open_start(value, ctx)
    if isinstance(value, v.Relative):
        return relative(value, ctx)
    if isinstance(value, v.Duty):
        return read_duty(value, ctx)
    return nothing(ctx)


def _today_named(ctx: Ctx) -> None:
    """Raise Unreadable when a day without a year is said to be the text's own day or the
    next ("Ngày mai (7/2)", "từ 22 giờ tối nay 12/7"): one day, never the same day every
    year, and a text without a date does not say which year it is."""
    for tok in words(ctx.text):
        if tok.type == "NOW" or (tok.type == "RELDAY" and tok.get("rd") != "hom sau"):
            said = ctx.orig(tok.start, tok.end)
            raise Unreadable(
                f'"{said}" là một ngày của văn bản, mà văn bản không có ngày nên không rõ năm: '
                "ghi thêm năm hoặc ghim ngày bằng due: YYYY-MM-DD"
            )


def _one_year_only(value: v.At) -> None:
    """Raise Unreadable when a day without a year is one day of one year (a weekday beside
    it, an hour of it: ``standing.one_year_only``), in a text without a date."""
    why = one_year_only(value)
    if why is not None:
        raise Unreadable(
            f"{why}, mà văn bản không có ngày nên không rõ năm: "
            "ghi thêm năm hoặc ghim ngày bằng due: YYYY-MM-DD"
        )


def read_iso(ctx: Ctx) -> Deadline | None:
    """An ISO 8601 date or date-time, as the YAML files may store it."""
    text = ctx.text.orig
    if not ISO.fullmatch(text):
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return Deadline(ctx.phrase, "date", ctx.at(day + timedelta(days=1)))
        moment = datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        raise Unreadable("ngày giờ ISO không hợp lệ") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(ctx.settings.tz))
    return Deadline(ctx.phrase, "date", moment, has_time=True)
