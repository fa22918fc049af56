"""Deadlines as an iCalendar file (RFC 5545), for Outlook, Google Calendar or a phone.

One event per task with a resolved deadline: a whole-day deadline is an
all-day event on the day it names ("trước ngày 25/02/2019" on 25/02/2019),
a clock deadline an event at that moment, a recurring duty one event with
its RRULE (ending on the task's ``until``). Ongoing tasks ("thường xuyên")
have no date and are left out, as are cancelled ones. Pure: returns bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from giaoban.deadline import Deadline
from giaoban.deadline.describe import due_day
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.timezone import DEFAULT_TZ
from giaoban.reports.export import shown_text
from giaoban.reports.filters import NO_FILTER, Filter, task_matches
from giaoban.reports.rows import done_day, short_notice_ids, short_task_id

PRODID = "-//giaoban//Sổ theo dõi nhiệm vụ giao ban//VI"
SUMMARY_LENGTH = 80
UID_DOMAIN = "giaoban"


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
    return cal.to_ical()


def task_event(
    task: Task,
    notice: Notice,
    now: datetime,
    short_ids: Mapping[str, str],
    show_confidential: bool = False,
) -> Event | None:
    """The event of one task, or None when its deadline names no date."""
    deadline = task.deadline if isinstance(task.deadline, Deadline) else None
    if deadline is None:
        return None
    event = Event()
    if deadline.kind == "recurring" and deadline.rrule:
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
    else:
        day = due_day(due, has_time)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))


def _recurring(event: Event, deadline: Deadline, task: Task) -> None:
    """DTSTART and RRULE from the deadline's rule; UNTIL from the task's last day."""
    head, _, body = (deadline.rrule or "").partition("\n")
    params, _, value = head.partition(":")
    rule = vRecur.from_ical(body.removeprefix("RRULE:"))
    last = _last_day(task)
    if "VALUE=DATE" in params:
        start: date | datetime = datetime.strptime(value, "%Y%m%d").date()
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        if last is not None and "UNTIL" not in rule and "COUNT" not in rule:
            rule["UNTIL"] = [last]
    else:
        tz = ZoneInfo(params.partition("TZID=")[2] or DEFAULT_TZ)
        start = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=tz)
        event.add("dtstart", start)
        if last is not None and "UNTIL" not in rule and "COUNT" not in rule:
            end = datetime.combine(last, time(23, 59, 59), tzinfo=tz)
            rule["UNTIL"] = [end.astimezone(ZoneInfo("UTC"))]
    event.add("rrule", rule)


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
