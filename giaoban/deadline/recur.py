"""Due moments of a recurring deadline, from its RFC 5545 rule (dateutil).

A ``DTSTART;VALUE=DATE`` rule names whole days: each occurrence is due at
00:00 of the day after the named day. A ``DTSTART;TZID=...`` rule names the
due moments themselves. A rule by the lunar calendar (RFC 7529
``RSCALE=CHINESE``, which dateutil does not read) is listed by
:class:`~giaoban.deadline.calendars.LunarRule`.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime, time, timedelta
from functools import lru_cache
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


def named_by(body: str, dtstart: datetime) -> rrule | LunarRule:
    """The moments a rule's ``RRULE:`` line names from ``dtstart`` (naive, local time)."""
    parts = dict(p.split("=", 1) for p in body.removeprefix("RRULE:").split(";") if "=" in p)
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
