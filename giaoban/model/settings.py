"""The office's settings (``data/settings.yaml``), all optional."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from giaoban.deadline.model import DeadlineSettings, SchoolYear
from giaoban.model.timezone import DEFAULT_TZ

_CUTOFF = re.compile(r"\s*(?:thu|thứ)\s*([2-7])\s+(\d{1,2})\s*[:hg]\s*(\d{2})?\s*", re.I)
DEFAULT_CUTOFF = (4, time(14, 0))  # Friday 14:00


def parse_cutoff(text: str) -> tuple[int, time] | None:
    """``week_cutoff`` ("thứ 6 14:00", "thứ 6 14h") as (ISO weekday 0=Monday, time);
    None when it is no weekday from Monday to Saturday and a time of day."""
    match = _CUTOFF.fullmatch(text)
    if not match:
        return None
    hour, minute = int(match.group(2)), int(match.group(3) or 0)
    if hour > 23 or minute > 59:
        return None
    return int(match.group(1)) - 2, time(hour, minute)


@dataclass(frozen=True)
class Settings:
    office: str | None = None
    timezone: str = DEFAULT_TZ
    strict_before: bool = False
    days_off: tuple[date, ...] = ()
    work_days: tuple[date, ...] = ()  # days worked that are usually off (ngày làm bù)
    week_cutoff: str = "thứ 6 14:00"
    keep_cutoff_on_days_off: bool = False  # else a cut-off on a day off moves to the day before
    backlog_days: int = 30  # late longer than this: counted per unit, not listed (tồn đọng)
    commit: bool = True
    ledgers: tuple[str, ...] = ()  # other data folders read with this one (relative paths)
    # when a school year begins, its second semester begins and it ends: (month, day)
    school_year: tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None = None
    events: tuple[tuple[str, date], ...] = ()  # named days deadlines count from
    # the frame of a report as a document (Nghị định 30/2020/NĐ-CP)
    report_parent: str | None = None  # the body above the office (cơ quan chủ quản)
    report_place: str | None = None  # the place of the place-date line ("Hà Nội")
    report_number: str | None = None  # "…/BC-VP"
    report_signer_title: str | None = None  # "CHÁNH VĂN PHÒNG"
    report_signer_name: str | None = None
    report_recipients: tuple[str, ...] = ()  # Nơi nhận

    def cutoff(self) -> tuple[int, time]:
        """The weekly cut-off as (ISO weekday 0=Monday, time); Friday 14:00 by default."""
        return parse_cutoff(self.week_cutoff) or DEFAULT_CUTOFF

    def deadline_settings(self) -> DeadlineSettings:
        return DeadlineSettings(
            tz=self.timezone,
            strict_before=self.strict_before,
            extra_days_off=self.days_off,
            extra_work_days=self.work_days,
            school_year=SchoolYear(*self.school_year) if self.school_year else SchoolYear(),
            events=self.events,
        )
