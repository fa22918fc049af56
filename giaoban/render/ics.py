"""Deadlines as an iCalendar file (RFC 5545), for Outlook, Google Calendar or a phone.

One event per task with a resolved deadline: a whole-day deadline is an
all-day event on the day it names ("trước ngày 25/02/2019" on 25/02/2019),
a clock deadline a half-hour event from that moment, a recurring duty one
event with its RRULE (ending on the task's ``until``) and an EXDATE for each
occurrence already done, so calendars show only what is still owed. Ongoing
tasks ("thường xuyên") have no date and are left out, as are cancelled ones.
Pure: returns bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from giaoban.deadline import Deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import occurrence_zone, occurrences
from giaoban.model.facts import is_recurring, resolved_deadline
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.shown import shown_text
from giaoban.model.timezone import DEFAULT_TZ
from giaoban.reports.filters import NO_FILTER, Filter, task_matches
from giaoban.reports.rows import done_day, short_notice_ids, short_task_id

PRODID = "-//giaoban//Sổ theo dõi nhiệm vụ giao ban//VI"
SUMMARY_LENGTH = 80
UID_DOMAIN = "giaoban"
# A clock deadline is a moment, but calendars show an event without an end as
# lasting no time (or not at all): it gets this length, from the due moment on.
TIMED_LENGTH = timedelta(minutes=30)
_DAY = timedelta(days=1)


def build_calendar(
    ledger: Ledger,
    now: datetime,
    flt: Filter = NO_FILTER,
    show_confidential: bool = False,
    name: str | None = None,
) -> bytes:
    """The iCalendar file of the deadlines of the tasks ``flt`` keeps.

    Args:
        ledger: the loaded ledger.
        now: the DTSTAMP of every event (when the file was made).
        flt: which tasks (its units and notices parts).
        show_confidential: put confidential task texts in the file.
        name: the calendar's name, shown by calendar apps.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name or calendar_name(ledger, []))
    cal.add("x-wr-timezone", ledger.settings.timezone)
    short = short_notice_ids(ledger)
    for notice in ledger.notices:
        for task in notice.tasks:
            if task.status != "cancelled" and task_matches(flt, task, ledger.registry):
                event = task_event(task, notice, now, short, show_confidential)
                if event is not None:
                    cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):  # icalendar >= 6: VTIMEZONE for Outlook
        cal.add_missing_timezones()
        # first, before the events that name it (icalendar 6.1 adds it last, later ones first)
        cal.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    return cal.to_ical()


def task_event(
    task: Task,
    notice: Notice,
    now: datetime,
    short_ids: Mapping[str, str],
    show_confidential: bool = False,
) -> Event | None:
    """The event of one task, or None when its deadline names no date."""
    deadline = resolved_deadline(task)
    if deadline is None:
        return None
    event = Event()
    if is_recurring(deadline):
        _recurring(event, deadline, task)
    elif deadline.due is not None:
        _single(event, deadline.due, deadline.has_time)
    else:
        return None
    text = shown_text(task, show_confidential)
    label = short_task_id(short_ids, task)
    done = "(Đã xong) " if task.status == "done" else ""
    event.add("uid", f"{task.id}@{UID_DOMAIN}")
    event.add("dtstamp", now.astimezone(ZoneInfo("UTC")))
    event.add("summary", _shorten(f"{done}{label}: {text}"))
    event.add("description", _description(task, notice, text))
    if task.owners:
        event.add("categories", list(task.owners))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def _single(event: Event, due: datetime, has_time: bool) -> None:
    if has_time:
        event.add("dtstart", due)
        event.add("dtend", due + TIMED_LENGTH)
    else:
        day = due_day(due, has_time)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))


def _recurring(event: Event, deadline: Deadline, task: Task) -> None:
    """DTSTART, DTEND and RRULE from the deadline's rule; UNTIL from the task's last
    day; EXDATE for the occurrences recorded done."""
    head, _, body = (deadline.rrule or "").partition("\n")
    params, _, value = head.partition(":")
    rule = vRecur.from_ical(body.removeprefix("RRULE:"))
    last = _last_day(task)
    whole_days = "VALUE=DATE" in params
    if whole_days:
        start: date | datetime = datetime.strptime(value, "%Y%m%d").date()
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        if last is not None and "UNTIL" not in rule and "COUNT" not in rule:
            rule["UNTIL"] = [last]
    else:
        tz = ZoneInfo(params.partition("TZID=")[2] or DEFAULT_TZ)
        start = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=tz)
        event.add("dtstart", start)
        event.add("dtend", start + TIMED_LENGTH)
        if last is not None and "UNTIL" not in rule and "COUNT" not in rule:
            end = datetime.combine(last, time(23, 59, 59), tzinfo=tz)
            rule["UNTIL"] = [end.astimezone(ZoneInfo("UTC"))]
    event.add("rrule", rule)
    done = _done_starts(deadline, task, whole_days)
    if done:
        # said outright: icalendar 6.1 leaves VALUE=DATE out, and EXDATE is DATE-TIME unless told
        event.add("exdate", done, parameters={"VALUE": "DATE"} if whole_days else {})


def _done_starts(deadline: Deadline, task: Task, whole_days: bool) -> list[date | datetime]:
    """The starts of the occurrences in ``task.done_occurrences``, as the rule's
    DTSTART gives them (a day, or a moment in the rule's zone), for EXDATE.

    A recorded day that names no occurrence of the rule has nothing to leave out.
    """
    done = set(task.done_occurrences)
    if not done:
        return []
    # a day more on each side: a whole-day occurrence is due at the start of the next day
    # (no further than the calendar goes: a hostile file may record 0001-01-01 or 9999-12-31)
    tz = occurrence_zone(deadline)
    lo = midnight(max(min(done), date.min + 2 * _DAY) - _DAY, tz)
    hi = midnight(min(max(done), date.max - 2 * _DAY) + 2 * _DAY, tz)
    starts: list[date | datetime] = []
    for due in occurrences(deadline, lo, hi, until=task.until):
        day = due_day(due, deadline.has_time)
        if day in done:
            starts.append(day if whole_days else due)
    return starts


def _last_day(task: Task) -> date | None:
    """The last day a duty runs: its ``until``, or the day it was marked done."""
    done = done_day(task) if task.status == "done" else None
    days = [d for d in (task.until, done) if d is not None]
    return min(days) if days else None


def _shorten(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= SUMMARY_LENGTH:
        return words
    return words[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _description(task: Task, notice: Notice, text: str) -> str:
    lines = [" ".join(text.split()), ""]
    lines.append(f"Chủ trì: {', '.join(task.owners) or '—'}")
    if task.supports:
        lines.append(f"Phối hợp: {', '.join(task.supports)}")
    lines.append(f"Thời hạn: {task.deadline_text or '—'}")
    lines.append(f"Thông báo: {notice.number or notice.id} ngày {notice.date:%d/%m/%Y}")
    lines.append(f"Mã: {task.id}")
    return "\n".join(lines)


def calendar_name(ledger: Ledger, units: list[str]) -> str:
    """ "Hạn nhiệm vụ giao ban", with the units' registered names when given."""
    base = "Hạn nhiệm vụ giao ban"
    if not units:
        return base
    names = [ledger.registry.canonical(u) or u for u in units]
    return f"{base}: {', '.join(names)}"
