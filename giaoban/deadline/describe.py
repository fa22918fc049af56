"""Deadlines as a Vietnamese office clerk reads them. Pure string helpers."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from giaoban.deadline.model import Deadline
from giaoban.deadline.recur import month_end_day, next_occurrence, rule_parts

WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
KIND_NAMES = {
    "date": "hạn một ngày hoặc một thời điểm",
    "period": "hạn trong một khoảng thời gian",
    "recurring": "nhiệm vụ định kỳ",
    "relative": "hạn tính từ một mốc",
    "none": "không có hạn cụ thể (thường xuyên, kịp thời)",
}
# A relative deadline whose event has no date yet (no ``events:`` line gives it): its one name,
# in reports, ``show``, ``check`` and the answers of ``add``.
UNRESOLVED_NAME = "chưa tính được hạn"
UNRESOLVED_HOW = "ghi ngày của mốc vào events: của thông báo hoặc của settings"
_FREQ_NAMES = {
    "DAILY": "hằng ngày",
    "WEEKLY": "hằng tuần",
    "MONTHLY": "hằng tháng",
    "YEARLY": "hằng năm",
}
_DURATION = re.compile(r"(?P<neg>-)?PT?(?P<n>\d+)(?P<unit>[DWMYH])")
_UNIT_NAMES = {"D": "ngày", "W": "tuần", "M": "tháng", "Y": "năm", "H": "giờ"}


def weekday_name(d: date) -> str:
    """ "thứ Hai" .. "Chủ nhật"."""
    return WEEKDAY_NAMES[d.weekday()]


_MINUTE = timedelta(minutes=1)


def last_day(due: datetime) -> date:
    """The last whole day still on time when ``due`` ends a day."""
    return (due - _MINUTE).date()


def due_day(due: datetime, has_time: bool) -> date:
    """The day a due moment names: its date at a clock time, else the day it ends.

    "trước 14h00 thứ 6" names that Friday; "trước ngày 25/02/2019" (due
    26/02 00:00) names 25/02. Reports, calendars and recorded occurrences
    all name a due moment by this day.
    """
    return due.date() if has_time else last_day(due)


def days_late(done: date | datetime, due: datetime, has_time: bool) -> int | None:
    """None when work done on ``done`` was on time for ``due``, else the days it was late
    (counted from the due day; 0 when late on that very day).

    A moment is on time strictly before ``due``; a date-only ``done`` is on time
    on or before the last on-time day.
    """
    if isinstance(done, datetime):
        moment = done if done.tzinfo else done.replace(tzinfo=due.tzinfo)
        if moment < due:
            return None
        done = moment.astimezone(due.tzinfo).date()
    elif done <= last_day(due):
        return None
    return (done - due_day(due, has_time)).days


def short_due(dt: datetime, has_time: bool) -> str:
    """The display a table shows: "25/02/2019" or "22/04/2022 14:00"."""
    if has_time:
        return f"{dt:%d/%m/%Y %H:%M}"
    return f"{last_day(dt):%d/%m/%Y}"


def format_moment(dt: datetime, has_time: bool) -> str:
    """ "hết ngày 25/02/2019 (thứ Hai)" or "14h00 thứ Sáu 22/04/2022"."""
    if has_time:
        return f"{dt:%H}h{dt:%M} {weekday_name(dt.date())} {dt:%d/%m/%Y}"
    day = last_day(dt)
    return f"hết ngày {day:%d/%m/%Y} ({weekday_name(day)})"


def format_due(d: Deadline) -> str:
    """The due moment of ``d`` as a clerk reads it ("" when it has none)."""
    if d.due is None:
        return ""
    return format_moment(d.due, d.has_time)


def _format_start(start: datetime) -> str:
    if start.hour or start.minute:
        return f"{start:%H}h{start:%M} {weekday_name(start.date())} {start:%d/%m/%Y}"
    return f"ngày {start:%d/%m/%Y} ({weekday_name(start.date())})"


def describe_offset(d: Deadline) -> str:
    """ "5 ngày làm việc trước mốc", "không nêu số ngày cụ thể"."""
    m = _DURATION.fullmatch(d.offset or "")
    if m is None:
        return "không nêu số ngày cụ thể"
    if int(m["n"]) == 0:
        return "ngay tại mốc"
    words = f"{int(m['n'])} {_UNIT_NAMES[m['unit']]}"
    if d.business_days:
        words += " làm việc"
    return words + (" trước mốc" if m["neg"] else "")


def _describe_rule(rule: str) -> str:
    body = rule.partition("RRULE:")[2]
    parts = rule_parts(body)
    freq = _FREQ_NAMES.get(parts.get("FREQ", ""), parts.get("FREQ", ""))
    if parts.get("INTERVAL") == "3" and parts.get("FREQ") == "MONTHLY":
        freq = "hằng quý"
    if parts.get("RSCALE") == "CHINESE":
        freq += " theo âm lịch"
    return f"{freq} ({body})"


def explain(d: Deadline, now: datetime) -> list[str]:
    """Lines that explain ``d`` for the CLI; recurring duties list their next three."""
    lines = [f"Hạn: {d.phrase}", f"Loại: {KIND_NAMES[d.kind]} ({d.kind})"]
    if d.kind == "period" and d.start is not None:
        lines.append(f"Bắt đầu: {_format_start(d.start)}")
    if d.kind == "relative":
        lines.append(f"Thời hạn: {describe_offset(d)}")
        lines.append(f"Tính từ: {d.anchor}")
    if d.due is not None:
        lines.append(f"Hạn chót: {format_due(d)}")
        lines.append(_status(d.due, now))
    elif d.kind == "relative":
        lines.append(f"Hạn chót: {UNRESOLVED_NAME} ({UNRESOLVED_HOW})")
    if d.kind == "recurring":
        lines.extend(_recurring_lines(d, now))
    return lines


def _status(due: datetime, now: datetime) -> str:
    if now >= due:
        return "Tình trạng: đã quá hạn"
    left = due - now
    if left.days:
        return f"Tình trạng: còn {left.days} ngày {left.seconds // 3600} giờ"
    return f"Tình trạng: còn {left.seconds // 3600} giờ {left.seconds % 3600 // 60} phút"


def _recurring_lines(d: Deadline, now: datetime) -> list[str]:
    if d.rrule is None:
        return ["Lặp lại: định kỳ, văn bản không nêu tần suất cụ thể"]
    lines = [f"Lặp lại: {_describe_rule(d.rrule)}"]
    day = month_end_day(d.rrule)
    if day is not None:
        lines.append(f"Tháng không có ngày {day}: hạn là ngày cuối cùng của tháng đó.")
    lines.append("Ba lần tới:")
    moment: datetime | None = now
    for _ in range(3):
        assert moment is not None
        moment = next_occurrence(d, moment)
        if moment is None:
            break
        lines.append(f"  - {format_moment(moment, d.has_time)}")
    return lines
