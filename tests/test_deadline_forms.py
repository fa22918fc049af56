"""Unit tests: each form of deadline phrase giaoban reads."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from giaoban.deadline import Deadline, DeadlineError, DeadlineSettings, parse_deadline

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REF = date(2024, 3, 1)  # a Friday


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def read(phrase: str, ref: date | None = REF, **settings: object) -> Deadline:
    """The reading of ``phrase`` in a notice of ``ref`` (None: a text without a date)."""
    got = parse_deadline(phrase, ref, DeadlineSettings(**settings))  # type: ignore[arg-type]
    assert isinstance(got, Deadline), got
    return got


def unread(phrase: str, ref: date | None = REF) -> str:
    """The message of the error ``phrase`` is in a notice of ``ref`` (None: a text without
    a date)."""
    got = parse_deadline(phrase, ref)
    assert isinstance(got, DeadlineError), got
    return got.message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("25/02/2019", "2019-02-26T00:00"),
        ("25.02.2019", "2019-02-26T00:00"),
        ("25-02-2019", "2019-02-26T00:00"),
        ("25 02 2019", "2019-02-26T00:00"),
        ("ngày 25 02 2019", "2019-02-26T00:00"),
        ("ngày 25/2/19", "2019-02-26T00:00"),
        ("ngày 25 tháng 02 năm 2019", "2019-02-26T00:00"),
        ("trước ngày 15/3", "2024-03-16T00:00"),
        ("hạn cuối 10/4", "2024-04-11T00:00"),
        ("chậm nhất ngày 05/01", "2025-01-06T00:00"),  # well before the notice: next year
        ("trước ngày 20/02", "2024-02-21T00:00"),  # just before the notice: same year
        ("đến hết ngày 31/3/2024", "2024-04-01T00:00"),
        ("không quá ngày 31.3.2024", "2024-04-01T00:00"),
        ("báo cáo kết quả về Văn phòng trước ngày 8/3/2024", "2024-03-09T00:00"),
        ("2024-03-15", "2024-03-16T00:00"),
    ],
)
def test_days(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.has_time) == ("date", at(due), False)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước 14h00 ngày 15/3/2024", "2024-03-15T14:00"),
        ("trước 14h ngày 15/3/2024", "2024-03-15T14:00"),
        ("14 giờ ngày 15/3/2024", "2024-03-15T14:00"),
        ("10 giờ 30 phút ngày 15/3/2024", "2024-03-15T10:30"),
        ("18g30 ngày 15/3/2024", "2024-03-15T18:30"),
        ("9h sáng ngày 15/3/2024", "2024-03-15T09:00"),
        ("2 giờ chiều ngày 15/3/2024", "2024-03-15T14:00"),
        ("17 giờ 00 ngày 15/3/2024", "2024-03-15T17:00"),
        ("ngày 15/3/2024 lúc 16:45", "2024-03-15T16:45"),
        ("2024-03-15T14:00", "2024-03-15T14:00"),
        ("trước 17h chiều nay", "2024-03-01T17:00"),
    ],
)
def test_clock_times(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.has_time) == ("date", at(due), True)


def test_iso_with_offset() -> None:
    got = read("2024-03-15T14:00+00:00")
    assert got.due == datetime(2024, 3, 15, 21, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("thứ 2", "2024-03-04"),
        ("thứ Hai", "2024-03-04"),
        ("thứ Bảy", "2024-03-02"),
        ("thứ 6", "2024-03-01"),  # the notice's own Friday
        ("chủ nhật", "2024-03-03"),
        ("CN", "2024-03-03"),
        ("T6", "2024-03-01"),
        ("thứ 6 tuần này", "2024-03-01"),
        ("thứ 6 tuần sau", "2024-03-08"),
        ("thứ Tư tuần tới", "2024-03-06"),
        ("thứ 6 tuần 12", "2024-03-22"),
        ("ngày mai", "2024-03-02"),
    ],
)
def test_weekdays(phrase: str, day: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(day) + (at("2000-01-02") - at("2000-01-01")))


def test_weekday_with_time() -> None:
    got = read("trước 14h00 thứ 6 tuần sau")
    assert (got.due, got.has_time) == (at("2024-03-08T14:00"), True)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("tuần 16", "2024-04-15", "2024-04-22"),
        ("trong tuần 10 năm 2019", "2019-03-04", "2019-03-11"),
        ("tuần tới", "2024-03-04", "2024-03-11"),
        ("trong tuần", "2024-02-26", "2024-03-04"),
        ("trong tháng 4/2022", "2022-04-01", "2022-05-01"),
        ("tháng 2 năm 2024", "2024-02-01", "2024-03-01"),
        ("tháng 5", "2024-05-01", "2024-06-01"),
        ("Quý I/2019", "2019-01-01", "2019-04-01"),
        ("quý 2.2022", "2022-04-01", "2022-07-01"),
        ("hết quý 1-2025", "2025-01-01", "2025-04-01"),
        ("quý IV", "2024-10-01", "2025-01-01"),
        ("Quý II, năm 2021", "2021-04-01", "2021-07-01"),
        ("6 tháng đầu năm", "2024-01-01", "2024-07-01"),
        ("6 tháng cuối năm 2023", "2023-07-01", "2024-01-01"),
        ("3 tháng cuối năm", "2024-10-01", "2025-01-01"),
        ("đầu tháng 4", "2024-04-01", "2024-04-11"),
        ("giữa tháng", "2024-03-11", "2024-03-21"),
        ("cuối tháng 2", "2024-02-21", "2024-03-01"),
        ("cuối tháng 4/2023", "2023-04-21", "2023-05-01"),
        ("cuối năm", "2024-12-01", "2025-01-01"),
        ("năm 2024", "2024-01-01", "2025-01-01"),
        ("từ ngày 05/10/2020 đến ngày 15/10/2020", "2020-10-05", "2020-10-16"),
        ("30/04 - 01/5/2019", "2019-04-30", "2019-05-02"),
        ("từ 28/12 đến 05/01/2025", "2024-12-28", "2025-01-06"),
    ],
)
def test_periods(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("tháng 1", "2025-01-01"),
        ("tháng 10", "2024-10-01"),
        ("quý I", "2025-01-01"),
        # an ISO week follows the same rule ("trong tuần 2" of a December notice)
        ("trong tuần 2", "2025-01-06"),
        ("tuần thứ 3", "2025-01-13"),
        ("trong tuần 47", "2024-11-18"),
        ("tuần 44", "2024-10-28"),  # ended within a month before the notice: this year's
        ("tuần 30", "2025-07-21"),
    ],
)
def test_period_without_year_well_before_the_notice_is_next_year(phrase: str, start: str) -> None:
    assert read(phrase, date(2024, 11, 20)).start == at(start)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [("trong tháng 4", "0001-05-01"), ("trước ngày 5/1", "0001-01-06"), ("tuần 16", "0001-04-23")],
)
def test_a_phrase_without_a_year_in_a_notice_of_the_year_1(phrase: str, due: str) -> None:
    """The year rule looks a month before the notice: at the calendar's start, its first day."""
    assert read(phrase, date(1, 1, 1)).due == at(due)


def test_a_weekday_of_a_week_without_a_year_follows_the_weeks_year() -> None:
    got = read("thứ 6 tuần 2", date(2024, 12, 20))
    assert (got.kind, got.due) == ("date", at("2025-01-11"))
    assert read("trong tuần 2 năm 2024", date(2024, 12, 20)).start == at("2024-01-08")


def test_before_a_month_is_its_start() -> None:
    got = read("trước tháng 5/2024")
    assert (got.kind, got.due) == ("date", at("2024-05-01"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("hàng tuần", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=WEEKLY"),
        ("hằng tháng", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY"),
        ("hằng quý", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY;INTERVAL=3"),
        ("hằng năm", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=YEARLY"),
        ("1 lần/tháng", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY"),
        ("thứ 6 hàng tuần", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=WEEKLY;BYDAY=FR"),
        ("thu 2 hang tuan", "DTSTART;VALUE=DATE:20240304\nRRULE:FREQ=WEEKLY;BYDAY=MO"),
        (
            "trước 14h00 thứ 6 hàng tuần",
            "DTSTART;TZID=Asia/Ho_Chi_Minh:20240301T140000\n"
            "RRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=14;BYMINUTE=0;BYSECOND=0",
        ),
        ("ngày 15 hằng tháng", "DTSTART;VALUE=DATE:20240315\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15"),
        (
            "ngày 06 của tháng cuối quý",
            "DTSTART;VALUE=DATE:20240306\nRRULE:FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=6",
        ),
        (
            "thứ sáu của tuần lễ thứ hai trong tháng",
            "DTSTART;VALUE=DATE:20240308\nRRULE:FREQ=MONTHLY;BYDAY=2FR",
        ),
        (
            "thứ 6 tuần cuối cùng của tháng",
            "DTSTART;VALUE=DATE:20240329\nRRULE:FREQ=MONTHLY;BYDAY=-1FR",
        ),
        (
            "trước ngày 15/12 hằng năm",
            "DTSTART;VALUE=DATE:20241215\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
        ),
        (
            "ngày cuối tháng hằng tháng",
            "DTSTART;VALUE=DATE:20240331\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
        ),
    ],
)
def test_recurring(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.rrule) == ("recurring", None, rule)


@pytest.mark.parametrize("phrase", ["định kỳ", "báo cáo định kỳ", "2 lần/tháng"])
def test_recurring_without_frequency(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.rrule) == ("recurring", None)


@pytest.mark.parametrize(
    ("phrase", "offset", "business", "anchor", "due"),
    [
        (
            "trong vòng 05 ngày làm việc kể từ ngày ban hành",
            "P5D",
            True,
            "ngày ban hành",
            "2024-03-09",
        ),
        ("sau 7 ngày", "P7D", False, "ngày ban hành", "2024-03-09"),
        ("trong 2 tuần", "P2W", False, "ngày ban hành", "2024-03-16"),
        ("chậm nhất 45 ngày kể từ ngày ký", "P45D", False, "ngày ký", "2024-04-16"),
        ("10 ngày làm việc kể từ ngày 01/4/2024", "P10D", True, "ngày 01/4/2024", "2024-04-16"),
        (
            "chậm nhất 45 ngày kể từ ngày nhận được văn bản",
            "P45D",
            False,
            "ngày nhận được văn bản",
            None,
        ),
    ],
)
def test_relative(phrase: str, offset: str, business: bool, anchor: str, due: str | None) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days, got.anchor) == (
        "relative",
        offset,
        business,
        anchor,
    )
    assert got.due == (at(due) if due else None)


def test_working_days_skip_tet() -> None:
    # Tết 2024: 08/02-14/02 are days off; working days 15, 16, 19, 20, 21/02.
    got = read("trong vòng 05 ngày làm việc kể từ ngày ban hành", date(2024, 2, 7))
    assert got.due == at("2024-02-22")


def test_office_days_off_count() -> None:
    got = read("trong 5 ngày làm việc", extra_days_off=(date(2024, 3, 4),))
    assert got.due == at("2024-03-12")


@pytest.mark.parametrize(
    "phrase",
    [
        "thường xuyên",
        "kịp thời",
        "khẩn trương",
        "ngay",
        "theo quy định",
        "trong thời gian sớm nhất",
        "gấp",
    ],
)
def test_no_deadline(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.start, got.rrule) == ("none", None, None, None)


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("từ ngày 6/8/2020", "2020-08-06"),
        ("có hiệu lực từ ngày 16/9/2019", "2019-09-16"),
        ("Có hiệu lực ngày 01/01/2020", "2020-01-01"),
    ],
)
def test_open_start_keeps_its_start(phrase: str, start: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.start) == ("none", None, at(start))


def test_strict_before_setting() -> None:
    assert read("trước ngày 25/02/2019", strict_before=True).due == at("2019-02-25")
    assert read("trước ngày 25/02/2019").due == at("2019-02-26")
    # "chậm nhất" is never strict; a clock time is always exact.
    assert read("chậm nhất trước ngày 25/02/2019", strict_before=True).due == at("2019-02-26")
    assert read("trước 9h ngày 25/02/2019", strict_before=True).due == at("2019-02-25T09:00")


def test_strict_recurring_day_is_exact_midnight() -> None:
    got = read("trước thứ 6 hàng tuần", strict_before=True)
    assert got.rrule == (
        "DTSTART;TZID=Asia/Ho_Chi_Minh:20240301T000000\n"
        "RRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=0;BYMINUTE=0;BYSECOND=0"
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "abc",
        "",
        "   ",
        "trước ngày 32/01/2024",
        "trước ngày 30/02/2024",
        "ngày 15 tháng 13 năm 2024",
        "tuần 54 năm 2024",
        "trước 25h ngày 01/3/2024",
        "trước ngày 25/02/2019 hoặc 28/02/2019",
        "trước ngày 25/02/2019 lúc 14",
        "ngày 40 hằng tháng",
        "từ 20/5/2024 đến 10/5/2024",
    ],
)
def test_unreadable_is_an_error_naming_the_phrase(phrase: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError)
    assert got.phrase == phrase
    if phrase.strip():
        assert f'"{phrase}"' in got.message


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        ("truoc ngay 25/02/2019", "trước ngày 25/02/2019"),
        ("quy I/2019", "Quý I/2019"),
        ("trong tuan 10 nam 2019", "trong tuần 10 năm 2019"),
        ("truoc 14h00 thu 6 hang tuan", "trước 14h00 thứ 6 hàng tuần"),
        ("thu sau cua tuan le thu hai trong thang", "thứ sáu của tuần lễ thứ hai trong tháng"),
        ("6 thang cuoi nam 2023", "6 tháng cuối năm 2023"),
    ],
)
def test_without_diacritics(plain: str, marked: str) -> None:
    a, b = read(plain), read(marked)
    assert (a.kind, a.due, a.start, a.rrule) == (b.kind, b.due, b.start, b.rrule)


def test_to_json_shape() -> None:
    assert read("trước ngày 25/02/2019").to_json() == {
        "phrase": "trước ngày 25/02/2019",
        "kind": "date",
        "due": "2019-02-26T00:00:00+07:00",
        "start": None,
        "rrule": None,
    }
    relative = read("sau 7 ngày").to_json()
    assert relative["offset"] == "P7D"
    assert relative["business_days"] is False
    assert relative["anchor"] == "ngày ban hành"


def test_phrase_is_kept_as_written_nfc() -> None:
    decomposed = "tru\u031bo\u031b\u0301c nga\u0300y 25/02/2019"
    got = read(decomposed)
    assert got.phrase == "trước ngày 25/02/2019"
    assert got.due == at("2019-02-26")


@pytest.mark.parametrize("phrase", ["trong năm 0000", "trước ngày 31/12/9999", "trong năm 99999"])
def test_a_date_no_calendar_has_is_an_error_not_a_crash(phrase: str) -> None:
    result = parse_deadline(phrase, date(2022, 1, 1))
    assert isinstance(result, DeadlineError)
    assert phrase in result.message


@pytest.mark.parametrize(
    "phrase",
    ["Từ 7h30 đến 11h30", "Từ 08h00’ đến 11h00’", "07 giờ 00’ đến 08 giờ 00’", "sáng: 8g-11g"],
)
def test_a_clock_window_without_a_day_says_so(phrase: str) -> None:
    """A window of a day the phrase does not name stays unread (docs/deadlines.md); the
    message says why and how to write it, not 'thiếu phần sau ...'."""
    reading = parse_deadline(phrase, date(2025, 3, 1))
    assert isinstance(reading, DeadlineError)
    assert "chỉ có giờ, không có ngày nào" in reading.message
    assert "thiếu phần sau" not in reading.message
    dated = parse_deadline(f"{phrase} ngày 15/3/2025", date(2025, 3, 1))
    assert isinstance(dated, Deadline), dated
    assert dated.kind == "period"
