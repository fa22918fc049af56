"""Due moments of a recurring deadline, from its RFC 5545 rule (dateutil).

A ``DTSTART;VALUE=DATE`` rule names whole days: each occurrence is due at
00:00 of the day after the named day. A ``DTSTART;TZID=...`` rule names the
due moments themselves.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from giaoban.deadline.context import zone
from giaoban.deadline.model import Deadline

_DEFAULT_TZ = "Asia/Ho_Chi_Minh"


@lru_cache(maxsize=1024)
def _rule(text: str) -> tuple[rrule, str | None]:
    """The rule (naive, local time) and its zone; ``None`` zone for whole days."""
    head, _, body = text.partition("\n")
    params, _, value = head.partition(":")
    whole_days = "VALUE=DATE" in params and "VALUE=DATE-TIME" not in params
    tz = None if whole_days else _DEFAULT_TZ
    for param in params.split(";"):
        if param.startswith("TZID="):
            tz = param[len("TZID=") :]
    fmt = "%Y%m%d" if whole_days else "%Y%m%dT%H%M%S"
    dtstart = datetime.strptime(value, fmt)
    rule = rrulestr(body, dtstart=dtstart)
    assert isinstance(rule, rrule)
    return rule, tz


def occurrences(
    d: Deadline, start: datetime, end: datetime, until: date | None = None
) -> list[datetime]:
    """Due moments of ``d`` in ``[start, end)``; named days up to ``until`` (inclusive)."""
    if d.kind != "recurring" or d.rrule is None:
        return []
    rule, tz = _rule(d.rrule)
    local = zone(tz or _DEFAULT_TZ)
    shift = timedelta(days=1) if tz is None else timedelta(0)
    lo = (start.astimezone(local) - shift).replace(tzinfo=None)
    hi = (end.astimezone(local) - shift).replace(tzinfo=None)
    found = []
    for named in rule.xafter(lo, inc=True):
        if named >= hi or (until is not None and named.date() > until):
            break
        found.append((named + shift).replace(tzinfo=local))
    return found


def occurrence_zone(d: Deadline) -> ZoneInfo:
    """The time zone of the due moments ``occurrences`` gives for ``d``."""
    _, tz = _rule(d.rrule or "")
    return zone(tz or _DEFAULT_TZ)


def next_occurrence(d: Deadline, after: datetime, until: date | None = None) -> datetime | None:
    """The first due moment of ``d`` strictly after ``after``."""
    if d.kind != "recurring" or d.rrule is None:
        return None
    rule, tz = _rule(d.rrule)
    local = zone(tz or _DEFAULT_TZ)
    shift = timedelta(days=1) if tz is None else timedelta(0)
    named = rule.after((after.astimezone(local) - shift).replace(tzinfo=None), inc=False)
    if named is None or (until is not None and named.date() > until):
        return None
    return (named + shift).replace(tzinfo=local)
