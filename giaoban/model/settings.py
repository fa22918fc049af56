"""The office's settings (``data/settings.yaml``), all optional."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from giaoban.deadline.model import DeadlineSettings, SchoolYear
from giaoban.model.timezone import DEFAULT_TZ

DEFAULT_CUTOFF = (4, time(14, 0))  # Friday 14:00
_DEFAULT_CUTOFF_TEXT = "thứ 6 14:00"


def parse_cutoff(text: str) -> tuple[int, time] | None:
    """``week_cutoff`` as (ISO weekday 0=Monday, time): a day of the week and a time of day,
    in either order, as a deadline writes them ("thứ 6 14:00", "14h00 thứ Sáu", "CN 10:00");
    None when it is not exactly that."""
    # loaded on first use (start-up speed): a report reads the parsed cut-off the index keeps
    from giaoban.deadline.lexer import lex
    from giaoban.deadline.normalize import Text
    from giaoban.deadline.tokens import clock_value, weekday_number

    found = lex(Text.of(text))
    tokens = {tok.type: tok for tok in found}
    if len(found) != 2 or tokens.keys() != {"WEEKDAY", "TIME"} or tokens["WEEKDAY"].get("wr"):
        return None  # "thứ 6", "thứ 6 tuần sau 14:00": no weekly day and time
    clock = clock_value(tokens["TIME"])
    if clock is None or clock.next_day:
        return None
    return weekday_number(tokens["WEEKDAY"]), time(clock.hour, clock.minute)


@dataclass(frozen=True)
class Settings:
    office: str | None = None
    timezone: str = DEFAULT_TZ
    strict_before: bool = False
    days_off: tuple[date, ...] = ()
    work_days: tuple[date, ...] = ()  # days worked that are usually off (ngày làm bù)
    week_cutoff: str = _DEFAULT_CUTOFF_TEXT
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

    # ``week_cutoff`` read once, when the settings are made: the copy the index keeps holds
    # it, and a report need not load the deadline lexer to know its week
    _cutoff: tuple[int, time] = field(default=DEFAULT_CUTOFF, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.week_cutoff != _DEFAULT_CUTOFF_TEXT:
            object.__setattr__(self, "_cutoff", parse_cutoff(self.week_cutoff) or DEFAULT_CUTOFF)

    def cutoff(self) -> tuple[int, time]:
        """The weekly cut-off as (ISO weekday 0=Monday, time); Friday 14:00 by default."""
        return self._cutoff

    def deadline_settings(self) -> DeadlineSettings:
        return DeadlineSettings(
            tz=self.timezone,
            strict_before=self.strict_before,
            extra_days_off=self.days_off,
            extra_work_days=self.work_days,
            school_year=SchoolYear(*self.school_year) if self.school_year else SchoolYear(),
            events=self.events,
        )
