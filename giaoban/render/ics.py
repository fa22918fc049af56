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
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from giaoban.deadline.describe import due_day
from giaoban.deadline.recur import occurrence_zone
from giaoban.model.facts import is_recurring, resolved_deadline
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.schedule import Period, occurrences_near, periods, rule_text
from giaoban.model.shown import shown_text
from giaoban.reports.filters import NO_FILTER, Filter, task_matches
from giaoban.reports.rows import done_day, short_notice_ids, short_task_id

PRODID = "-//giaoban//Sổ theo dõi nhiệm vụ giao ban//VI"
SUMMARY_LENGTH = 80
UID_DOMAIN = "giaoban"
EARLIER_RULE = "truoc-gia-han"  # in the UID of a postponed duty's events under an earlier rule
# A clock deadline is a moment, but calendars show an event without an end as
# lasting no time (or not at all): it gets this length, from the due moment on.
TIMED_LENGTH = timedelta(minutes=30)


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
                for event in task_calendar(task, notice, now, short, show_confidential):
                    cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):  # icalendar >= 6: VTIMEZONE for Outlook
        cal.add_missing_timezones()
        # first, before the events that name it (icalendar 6.1 adds it last, later ones first)
        cal.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    return cal.to_ical()


def task_calendar(
    task: Task,
    notice: Notice,
    now: datetime,
    short_ids: Mapping[str, str],
    show_confidential: bool = False,
) -> list[Event]:
    """The events of one task: none when its deadline names no date, one per rule of a
    duty postponed to another rule (``giaoban.model.schedule``), else one."""
    deadline = resolved_deadline(task)
    if deadline is None:
        return []
    if not is_recurring(deadline):
        if deadline.due is None:
            return []
        event = Event()
        _single(event, deadline.due, deadline.has_time)
        return [_described(event, task, notice, now, short_ids, show_confidential, 0, None)]
    found = []
    ruled = periods(task, deadline)
    for k, period in enumerate(ruled, start=1):
        event = Event()
        if _recurring(event, period, task):
            number = k if k < len(ruled) else 0  # the rule in force keeps the task's own UID
            phrase = period.rule.phrase if number else None  # an earlier rule: as it was written
            found.append(
                _described(event, task, notice, now, short_ids, show_confidential, number, phrase)
            )
    return found


def _described(
    event: Event,
    task: Task,
    notice: Notice,
    now: datetime,
    short_ids: Mapping[str, str],
    show_confidential: bool,
    earlier: int,
    phrase: str | None,
) -> Event:
    """``event`` with the task's UID, summary and description; ``earlier``: the number of
    the rule of a postponed duty before the one in force (0: the one in force), and
    ``phrase`` its deadline as written (None: the task's own)."""
    text = shown_text(task, show_confidential)
    label = short_task_id(short_ids, task)
    done = "(Đã xong) " if task.status == "done" else ""
    domain = f"{earlier}.{EARLIER_RULE}.{UID_DOMAIN}" if earlier else UID_DOMAIN
    event.add("uid", f"{task.id}@{domain}")
    event.add("dtstamp", now.astimezone(ZoneInfo("UTC")))
    event.add("summary", _shorten(f"{done}{label}: {text}"))
    event.add("description", _description(task, notice, text, phrase))
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


def _recurring(event: Event, period: Period, task: Task) -> bool:
    """DTSTART, DTEND and RRULE from the rule of ``period`` over its days
    (``schedule.rule_text``: from its first occurrence; UNTIL from its last day, the
    task's, the day before the rule changed, or the day it was marked done); EXDATE for
    the occurrences recorded done. False when the period has no occurrence."""
    text = rule_text(period, _last_day(task, period.last))
    if text is None:
        return False
    head, _, body = text.partition("\n")
    params, _, value = head.partition(":")
    rule = vRecur.from_ical(body.removeprefix("RRULE:"))
    whole_days = "VALUE=DATE" in params
    if whole_days:
        start: date | datetime = datetime.strptime(value, "%Y%m%d").date()
    else:
        tz = occurrence_zone(period.rule)
        start = datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=tz)
    event.add("dtstart", start)
    event.add("dtend", start + (timedelta(days=1) if whole_days else TIMED_LENGTH))
    event.add("rrule", rule)
    done = _done_starts(period, task, whole_days)
    if done:
        # said outright: icalendar 6.1 leaves VALUE=DATE out, and EXDATE is DATE-TIME unless told
        event.add("exdate", done, parameters={"VALUE": "DATE"} if whole_days else {})
    return True


def _done_starts(period: Period, task: Task, whole_days: bool) -> list[date | datetime]:
    """The starts of the occurrences of ``period`` in ``task.done_occurrences``, as the
    rule's DTSTART gives them (a day, or a moment in the rule's zone), for EXDATE.

    A recorded day that names no occurrence of the rule has nothing to leave out.
    """
    done = set(task.done_occurrences)
    starts: list[date | datetime] = []
    for found in occurrences_near(task, period.rule, done):
        if found.day in done and period.holds(found.day):
            starts.append(found.day if whole_days else found.due)
    return starts


def _last_day(task: Task, last: date | None) -> date | None:
    """The last day a rule of a duty runs: ``last`` (its ``until``, or the day before a
    postponement), or the day the duty was marked done."""
    done = done_day(task) if task.status == "done" else None
    days = [d for d in (task.until, last, done) if d is not None]
    return min(days) if days else None


def _shorten(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= SUMMARY_LENGTH:
        return words
    return words[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _description(task: Task, notice: Notice, text: str, phrase: str | None) -> str:
    lines = [" ".join(text.split()), ""]
    lines.append(f"Chủ trì: {', '.join(task.owners) or '—'}")
    if task.supports:
        lines.append(f"Phối hợp: {', '.join(task.supports)}")
    lines.append(f"Thời hạn: {phrase or task.deadline_text or '—'}")
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
