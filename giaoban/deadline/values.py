"""What a deadline phrase says, before it is read against a notice's date.

The grammar's rules build these values (:mod:`build`); :mod:`resolve` turns
them into a :class:`~giaoban.deadline.model.Deadline`. Each value keeps
``pos``, where it begins in the phrase, for messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# "đầu/giữa/cuối tháng": days 1-10, 11-20, 21 to the end (31: the last)
THIRDS = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, 31)}


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    next_day: bool = False  # "24 giờ ngày X": 00:00 of the day after X


@dataclass(frozen=True)
class Day:
    """A calendar day, as written: the month or year may be missing."""

    day: int
    month: int | None
    year: int | None
    pos: int
    lunar: bool = False
    cycle_year: int | None = None  # a lunar year named by its stem and branch (0..59)
    weekday: int | None = None  # a weekday written beside the day (Monday = 0)
    alias: Day | None = None  # the same day in the other calendar ("tức 27 tháng Chạp")
    written: str = ""
    year_offset: int | None = None  # "năm sau": the year after the notice's
    month_offset: int | None = None  # "ngày 5 tháng sau": no month, the month after the notice's
    holiday: bool = False  # named as a holiday ("Tết Dương lịch"): "trước" it is before it begins
    marked_lunar: bool = False  # "âm lịch" written after it, which the days before it share
    within: Part | None = None  # "Đầu tháng 10/2024 (dự kiến 05/10/2024)": the part it is in
    within_said: str = ""  # that part, as written (named when the day is outside it)
    said_day: int | None = None  # "ngày mai (7/2)": days after the notice's it is said to be
    part: str = ""  # "Sáng ngày 7/7": the part of the day written before it, an appointment's


@dataclass(frozen=True)
class Weekday:
    """ "thứ 6", "thứ 6 tuần sau", "thứ 6 tuần 12"."""

    weekday: int
    week: str | None  # "nay" | "sau" | "toi" | "truoc" | ... | None
    pos: int
    in_week: Span | None = None


@dataclass(frozen=True)
class Relday:
    days: int  # after the notice's date
    pos: int
    next_day: bool = False  # "hôm sau": the day after the day before it, in a range its start


@dataclass(frozen=True)
class Refday:
    """The notice's own date ("nay", "ngày ra thông báo", "ngày ban hành")."""

    pos: int
    end: int | None = None  # where its words end ("ngày ký, trong vòng 30 ngày": "ngày ký")


@dataclass(frozen=True)
class Tet:
    """ "Tết Nguyên đán": its first day; of the lunar year named, else the next one."""

    pos: int
    year: int | None = None  # "Tết Nguyên đán 2024"
    cycle_year: int | None = None  # "Tết Giáp Thìn" (0..59)
    written: str = ""  # as written, its year too: the anchor's name ("trước Tết 2 ngày")


@dataclass(frozen=True)
class Moment:
    day: Point
    clock: Clock


@dataclass(frozen=True)
class DaylessClock:
    """A clock time with no day, one side of a range: "từ 14h ngày 5/4 đến 17h" takes the day
    of the other side; a phrase whose only time it is names no day (an error)."""

    clock: Clock


@dataclass(frozen=True)
class Span:
    """A named period: ``what`` with its numbers, ``None`` where not written.

    ``months`` (first month, last month, year): a month, quarter or half;
    ``lunar_month`` (month, lunar year); ``week`` (ISO week, year);
    ``week_of_month`` (n-th week, -1 the last, month, year); ``year`` (year,);
    ``school_year`` (first year, second year; both None: "trong năm học", "cuối năm học");
    ``semester`` (n, first year);
    ``rel`` (offset,) with ``unit`` "month", "quarter", "week" or "year":
    the notice's own (0), the next (1), the one before (-1).
    """

    what: str
    args: tuple[int | None, ...]
    pos: int
    year_written: bool = False
    unit: str = ""
    year_offset: int | None = None  # no year written: "năm nay" 0, "năm sau" 1, the notice's
    listed: tuple[int, ...] = ()  # "tháng 1, 3, 5": months listed with gaps, each its own in a duty


@dataclass(frozen=True)
class Part:
    """ "đầu/giữa/cuối" of a month, quarter or year; with ``count`` and ``unit`` ("ngay",
    "tuan"), its first or last days or weeks: "3 ngày đầu tháng 4", "2 tuần cuối tháng 12";
    with ``unit`` "nua", its first or last half: "nửa đầu tháng 4"."""

    part: str
    of: Span
    pos: int
    count: int | None = None
    unit: str = ""


@dataclass(frozen=True)
class Labelled:
    """A period named and given its days: "TUẦN 07 (NGÀY 28 THÁNG 9 NĂM 2012)"."""

    label: Span
    days: Point | Range


@dataclass(frozen=True)
class Range:
    left: Edge
    right: Edge
    link: str  # the linking words, folded
    after: bool = False  # "kể từ sau ngày 31/3 đến 30/9": from the end of the left, the day after


@dataclass(frozen=True)
class Days:
    """Separate days; read as the period from the first to the last."""

    items: tuple[Day | int | Point, ...]
    pos: int


@dataclass(frozen=True)
class SpanList:
    spans: tuple[Span | Part, ...]


@dataclass(frozen=True)
class DailyWindow:
    """A clock window on a day or on each of several days."""

    first: Clock
    last: Clock
    days: Days | Range | Point


@dataclass(frozen=True)
class At:
    lead: str  # linking words before the point or period, folded
    when: When
    length: Duration | None = None  # "trong hai ngày 22 và 23-8": the days' count, told before


@dataclass(frozen=True)
class OpenStart:
    start: Edge
    since: bool = False  # "kể từ", "có hiệu lực từ": a start, even at a clock time
    after: bool = False  # "kể từ sau ngày 31/3": from the end of it, the day after


@dataclass(frozen=True)
class Duration:
    n: int
    unit: str  # "ngay" | "tuan" | "thang" | "quy" | "nam" | "gio" | "phut"
    business: bool


@dataclass(frozen=True)
class Event:
    """An event a deadline counts from, named in words."""

    name: str
    pos: int


@dataclass(frozen=True)
class Relative:
    """An offset from an anchor; ``sign`` -1 before it, 0 at it, 1 after it."""

    lead: str
    duration: Duration | None
    sign: int
    anchor: Event | Refday | Point | None
    month_day: int | None = None  # "ngày 10 của tháng liền kề trước tháng X"
    clock: Clock | None = None  # "14 giờ ngày làm việc tiếp theo": the time of the day reached
    # "từ ngày 20/5 kéo dài 8 ngày": the length of what begins on the anchor's day (counted)
    length: bool = False


@dataclass(frozen=True)
class NoDeadline:
    pass


@dataclass(frozen=True)
class Frequency:
    """How often: ``unit`` ("ngay" ... "nam") every ``interval``; ``times`` per unit.

    No unit: a duty whose frequency is not stated ("định kỳ", "kỳ báo cáo").
    """

    unit: str | None = None
    interval: int = 1
    times: int = 1
    parity: int | None = None  # "những năm chẵn": the years whose number is even (0) or odd (1)


@dataclass(frozen=True)
class OnDays:
    """Days a duty falls on; several parts narrow each other down, as BY* parts do."""

    weekdays: tuple[int, ...] = ()  # Monday = 0
    month_days: tuple[int, ...] = ()  # -1: the last
    months: tuple[int, ...] = ()
    year_days: tuple[Day, ...] = ()
    nth_week: int | None = None  # the n-th week of the month (-1: the last)
    more_weeks: tuple[int, ...] = ()  # "tuần thứ 2 và thứ 4": the weeks named after the first
    monthly: bool = False  # "của tháng"
    set_pos: int | None = None  # the first (1) or last (-1) of the days named, each month


@dataclass(frozen=True)
class Window:
    """ "từ ngày 15 tháng trước đến ngày 14": due when it closes; a day or a day of the month."""

    first: Day | int
    last: Day | int


@dataclass(frozen=True)
class BareDay:
    """A number after a day and a link in a duty ("ngày 20 - 25 hằng tháng"): the window's end."""

    n: int


@dataclass(frozen=True)
class Starts:
    """ "kể từ ngày 12/8/2023": when the duty begins."""

    day: Day | int


@dataclass(frozen=True)
class Link:
    """Linking words of a duty ("trước"), folded."""

    words: str


@dataclass(frozen=True)
class Closes:
    """A window of the day closes at ``clock``; of several ("sáng từ 7h30 đến 11h30, chiều từ
    13h30 đến 17h00") the day's duty is due when the last closes; a night's window ("từ 22h
    đến 5h sáng hôm sau") closes on the morning after the day it opens."""

    clock: Clock
    next_morning: bool = False


@dataclass(frozen=True)
class Including:
    """ "kể cả": the days named next are included in the days before, not the only ones."""


@dataclass(frozen=True)
class Excluding:
    """ "trừ": the weekdays named next are left out of the days before."""


@dataclass(frozen=True)
class OpenMonths:
    """ "tháng cuối kỳ báo cáo": months of a period whose length the phrase does not state."""


@dataclass(frozen=True)
class Either:
    """ "hoặc": alternatives, which no single rule says."""


@dataclass(frozen=True)
class OnceIn:
    """ "định kỳ tháng 02": one named period of a periodic duty."""

    span: Span | Part | SpanList


@dataclass(frozen=True)
class Lunar:
    """ "âm lịch" in a duty: its days are days of the lunar calendar."""


DutyPart = (
    Frequency
    | OnDays
    | Window
    | BareDay
    | Starts
    | Link
    | Either
    | OpenMonths
    | Including
    | Excluding
    | OnceIn
    | Clock
    | Closes
    | Lunar
)


@dataclass(frozen=True)
class Duty:
    """A recurring duty: its parts, combined by :mod:`giaoban.deadline.duty`."""

    parts: tuple[DutyPart, ...] = field(default_factory=tuple)


Point = Day | Weekday | Relday | Refday | Tet | Moment
Edge = Point | Span | Part | Labelled | Days | DaylessClock
When = Point | Span | Part | Labelled | Range | Days | SpanList | DailyWindow | DaylessClock
Reading = At | OpenStart | Relative | NoDeadline | Duty
