"""Due moments of a recurring deadline, from its RFC 5545 rule (dateutil).

A ``DTSTART;VALUE=DATE`` rule names whole days: each occurrence is due at
00:00 of the day after the named day. A ``DTSTART;TZID=...`` rule names the
due moments themselves. A rule by the lunar calendar (RFC 7529
``RSCALE=CHINESE``, which dateutil does not read) is listed by
:class:`~giaoban.deadline.calendars.LunarRule`.

A day of the month that some month lacks (the 29th, 30th or 31st; 29/2 in a
common year) is, in a solar rule, that month's last day: an office that
writes "ngày 30 hằng tháng" means a report every month, on 28/02 (29/02 in a
leap year) in February. :func:`month_ends_kept` says so in RFC 5545 terms.
A lunar rule keeps RFC 7529's default and skips such a day.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from giaoban.deadline.calendars import LunarRule
from giaoban.deadline.context import zone
from giaoban.deadline.model import Deadline
from giaoban.model.timezone import DEFAULT_TZ


@lru_cache(maxsize=1024)
def _rule(text: str) -> tuple[rrule | LunarRule, str | None]:
    """The rule (naive, local time) and its zone; ``None`` zone for whole days."""
    head, _, body = text.partition("\n")
    params, _, value = head.partition(":")
    whole_days = "VALUE=DATE" in params and "VALUE=DATE-TIME" not in params
    tz = None if whole_days else DEFAULT_TZ
    for param in params.split(";"):
        if param.startswith("TZID="):
            tz = param[len("TZID=") :]
    fmt = "%Y%m%d" if whole_days else "%Y%m%dT%H%M%S"
    return named_by(body, datetime.strptime(value, fmt)), tz


def rule_parts(body: str) -> dict[str, str]:
    """The parts of a rule's ``RRULE:`` line (or of the line alone), by name."""
    body = body.rpartition("RRULE:")[2]
    return dict(p.split("=", 1) for p in body.split(";") if "=" in p)


def named_by(body: str, dtstart: datetime) -> rrule | LunarRule:
    """The moments a rule's ``RRULE:`` line names from ``dtstart`` (naive, local time)."""
    parts = rule_parts(body)
    if parts.get("RSCALE", "GREGORIAN").upper() == "GREGORIAN":
        rule = rrulestr(body, dtstart=dtstart)
        assert isinstance(rule, rrule)
        return rule
    lunar = parts["RSCALE"].upper() == "CHINESE" and "BYMONTHDAY" in parts
    if not lunar or parts.get("INTERVAL", "1") != "1" or "BYDAY" in parts:
        raise ValueError(f"lịch lặp lại không đọc được: {body}")
    months = tuple(int(m) for m in parts["BYMONTH"].split(",")) if "BYMONTH" in parts else ()
    days = tuple(int(d) for d in parts["BYMONTHDAY"].split(","))
    clock = time(int(parts.get("BYHOUR", dtstart.hour)), int(parts.get("BYMINUTE", dtstart.minute)))
    return LunarRule(dtstart, months, days, clock)


# the length of each month in a common year and in a leap year
_SHORTEST = {m: calendar.monthrange(2001, m)[1] for m in range(1, 13)}
_LONGEST = {m: calendar.monthrange(2000, m)[1] for m in range(1, 13)}


class _MonthDays(NamedTuple):
    """The days of the month of a solar rule, beside the months it names."""

    days: list[int]
    shortest: int  # the length of the shortest month it names
    lacked: list[int]  # the days some month it names lacks and another has


def _month_days(parts: dict[str, str]) -> _MonthDays | None:
    """The days of the month of a solar monthly or yearly rule that names them alone (no
    weekday, no set position of its own); None for any other rule."""
    if parts.get("RSCALE", "GREGORIAN").upper() != "GREGORIAN":
        return None  # lunar: RFC 7529 skips a day the month lacks
    if parts.get("FREQ") not in ("MONTHLY", "YEARLY") or "BYMONTHDAY" not in parts:
        return None
    if any(key in parts for key in ("BYDAY", "BYSETPOS", "BYYEARDAY", "BYWEEKNO")):
        return None
    months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
    months = months or list(range(1, 13))
    days = sorted({int(d) for d in parts["BYMONTHDAY"].split(",")})
    shortest = min(_SHORTEST[m] for m in months)
    longest = max(_LONGEST[m] for m in months)
    return _MonthDays(days, shortest, [d for d in days if shortest < d <= longest])


def month_ends_kept(parts: Sequence[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The parts of a rule, in order, with each day of the month that some month it names
    lacks read as that month's last day ("ngày 30 hằng tháng": 28/02, or 29/02 in a leap
    year; "ngày 29/2 hằng năm": 28/02 in a common year).

    RFC 5545 says it with the days from the shortest month's last up to that day, and
    ``BYSETPOS`` keeping the days named before them and the last of those:
    ``BYMONTHDAY=30`` becomes ``BYMONTHDAY=28,29,30;BYSETPOS=-1``, ``BYMONTHDAY=15,30``
    ``BYMONTHDAY=15,28,29,30;BYSETPOS=1,-1``. A yearly rule of several months counts its
    positions in each month (``FREQ=MONTHLY``, the same days). A rule with no such day, a
    lunar one, or one of weekdays or set positions of its own is returned as it is; None
    when no rule can say it (two such days, such a day beside a day counted from the end,
    a yearly rule of several months every few years).
    """
    named = dict(parts)
    found = _month_days(named)
    if found is None or not found.lacked:
        return list(parts)
    days, shortest, lacked = found
    if len(lacked) > 1 or days[0] < 0:
        return None
    freq = named["FREQ"]
    if freq == "YEARLY" and "," in named.get("BYMONTH", ","):
        if named.get("INTERVAL", "1") != "1":
            return None
        freq = "MONTHLY"  # a set position counts in each month
    before = [d for d in days if d <= shortest]
    listed = sorted({*days, *range(shortest, lacked[0] + 1)})
    positions = [*(str(n) for n in range(1, len(before) + 1)), "-1"]
    kept: list[tuple[str, str]] = []
    for key, value in parts:
        if key == "FREQ":
            kept.append((key, freq))
        elif key == "BYMONTHDAY":
            kept += [(key, ",".join(str(d) for d in listed)), ("BYSETPOS", ",".join(positions))]
        else:
            kept.append((key, value))
    return kept


def month_end_day(text: str) -> int | None:
    """The day of the month a rule made by :func:`month_ends_kept` names in a month that has
    it, and moves to the last day of a month that does not (None: no such day)."""
    parts = rule_parts(text)
    positions = parts.pop("BYSETPOS", "").split(",")
    found = _month_days(parts)
    if found is None or "-1" not in positions or not found.lacked:
        return None
    day = found.lacked[-1]
    return day if set(range(found.shortest, day + 1)) <= set(found.days) else None


def occurrences(
    d: Deadline, start: datetime, end: datetime, until: date | None = None
) -> list[datetime]:
    """Due moments of ``d`` in ``[start, end)``; named days up to ``until`` (inclusive)."""
    if d.kind != "recurring" or d.rrule is None:
        return []
    _, tz = _rule(d.rrule)
    local = zone(tz or DEFAULT_TZ)
    shift = timedelta(days=1) if tz is None else timedelta(0)
    lo = (start.astimezone(local) - shift).replace(tzinfo=None)
    hi = (end.astimezone(local) - shift).replace(tzinfo=None)
    if until is not None and until < date.max:  # named days up to ``until``: before the next
        hi = min(hi, datetime.combine(until + timedelta(days=1), time(0, 0)))
    try:
        return _listed(d.rrule, lo).upto(hi)
    except BaseException:  # a listing cut short is not kept
        _listed.cache_clear()
        raise


_LAST_NAMED = datetime.max - timedelta(days=2)  # the last named moment whose due can be told


class _Listing:
    """The due moments of one rule from one moment on, listed as far as asked so far."""

    def __init__(self, text: str, lo: datetime) -> None:
        rule, tz = _rule(text)
        self.local = zone(tz or DEFAULT_TZ)
        self.shift = timedelta(days=1) if tz is None else timedelta(0)
        self.named = rule.xafter(lo, inc=True)  # named moments (local time), in order
        self.found: list[datetime] = []  # named moments listed so far
        self.due: list[datetime] = []  # their due moments
        self.done = False  # no more named moments

    def upto(self, hi: datetime) -> list[datetime]:
        """Due moments of the named moments before ``hi`` (local time)."""
        found = self.found
        while not self.done and (not found or found[-1] < hi):
            named = next(self.named, None)
            if named is None or named > _LAST_NAMED:  # its due moment would be past 9999
                self.done = True
                break
            found.append(named)
            self.due.append((named + self.shift).replace(tzinfo=self.local))
        return self.due[: bisect_left(found, hi)]


@lru_cache(maxsize=64)
def _listed(text: str, lo: datetime) -> _Listing:
    """A rule's listing, kept a while.

    Notices of the same week repeat a duty (the same rule from the same
    start), and listing ten years of it through dateutil is slow.
    """
    return _Listing(text, lo)


def occurrence_zone(d: Deadline) -> ZoneInfo:
    """The time zone of the due moments ``occurrences`` gives for ``d``."""
    _, tz = _rule(d.rrule or "")
    return zone(tz or DEFAULT_TZ)


def next_occurrence(d: Deadline, after: datetime, until: date | None = None) -> datetime | None:
    """The first due moment of ``d`` strictly after ``after``."""
    if d.kind != "recurring" or d.rrule is None:
        return None
    rule, tz = _rule(d.rrule)
    local = zone(tz or DEFAULT_TZ)
    shift = timedelta(days=1) if tz is None else timedelta(0)
    named = rule.after((after.astimezone(local) - shift).replace(tzinfo=None), inc=False)
    if named is None or (until is not None and named.date() > until):
        return None
    return (named + shift).replace(tzinfo=local)
