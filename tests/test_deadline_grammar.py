"""The forms of issue 12, each read by composition: one test per kind of form.

The phrases here are written for the tests (the real ones are in
tests/data/deadlines and scored by bench/deadline_accuracy.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from giaoban.deadline import DeadlineError, parse_deadline
from giaoban.deadline.model import SchoolYear
from giaoban.deadline.recur import occurrences
from tests.test_deadline_forms import REF, at, read


def period(phrase: str, ref: date | None = REF) -> tuple[datetime | None, datetime | None]:
    got = read(phrase, ref)
    assert got.kind == "period", got
    return got.start, got.due


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("vào các ngày 5, 6 và 7/3/2024", "2024-03-05", "2024-03-08"),
        ("ngày 11/3/2024 và ngày 12/3/2024", "2024-03-11", "2024-03-13"),
        ("ngày 4, 11/3/2024 và ngày 6, 13/3/2024", "2024-03-04", "2024-03-14"),
        ("08h00 - 11h30 ngày 11/3/2024 và ngày 12/3/2024", "2024-03-11T08:00", "2024-03-12T11:30"),
    ],
)
def test_lists_of_days_run_from_the_first_to_the_end_of_the_last(
    phrase: str, start: str, due: str
) -> None:
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("từ ngày 11/3/2024 đến hết ngày 15/3/2024", "2024-03-11", "2024-03-16"),
        ("11/3/2024 – 15/3/2024", "2024-03-11", "2024-03-16"),
        ("(11–15/3/2024)", "2024-03-11", "2024-03-16"),
        ("từ 11/3 đến 15/3/2024", "2024-03-11", "2024-03-16"),
        ("từ ngày 28/12 đến 03/01/2025", "2024-12-28", "2025-01-04"),
        ("từ thứ Hai 11/3/2024 đến hết thứ Sáu 15/3/2024", "2024-03-11", "2024-03-16"),
        ("Từ 7g30 đến 11g00, ngày 12/3/2024 (thứ Ba)", "2024-03-12T07:30", "2024-03-12T11:00"),
        ("từ 14 giờ ngày 11/3/2024 đến 17 giờ ngày 12/3", "2024-03-11T14:00", "2024-03-12T17:00"),
        ("từ nay đến ngày 15-3-2024", "2024-03-01", "2024-03-16"),
        ("từ ngày ban hành đến hết tháng 4/2024", "2024-03-01", "2024-05-01"),
        ("từ tháng 4 đến tháng 6 năm 2024", "2024-04-01", "2024-07-01"),
        ("giai đoạn 2021 - 2025", "2021-01-01", "2026-01-01"),
        ("sớm nhất ngày 11/3/2024, muộn nhất ngày 15/3/2024", "2024-03-11", "2024-03-16"),
        ("từ ngày 01/10 đến 31/3 năm sau", "2024-10-01", "2025-04-01"),
        ("từ 15h00 đến 18h00 các ngày từ 11/3 – 15/3/2024", "2024-03-11T15:00", "2024-03-15T18:00"),
        ("ngày 11, 12/3/2024; từ 16h30 đến 18h00", "2024-03-11T16:30", "2024-03-12T18:00"),
        ("2 ngày 11/3/2024-12/3/2024 (nhằm thứ hai và thứ ba)", "2024-03-11", "2024-03-13"),
        ("từ ngày 11 ÷ 15/3/2024", "2024-03-11", "2024-03-16"),
    ],
)
def test_ranges_in_every_spelling(phrase: str, start: str, due: str) -> None:
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("9h ngày 15/3/2024", "2024-03-15T09:00"),
        ("9 giờ 30 phút ngày 15/3/2024", "2024-03-15T09:30"),
        ("18g30 ngày 15/3/2024", "2024-03-15T18:30"),
        ("12 giờ trưa ngày 15/3/2024", "2024-03-15T12:00"),
        ("2 giờ chiều ngày 15/3/2024", "2024-03-15T14:00"),
        ("8 giờ tối ngày 15/3/2024", "2024-03-15T20:00"),
        ("7 giờ rưỡi sáng ngày 15/3/2024", "2024-03-15T07:30"),
        ("lúc 16:45 ngày 15/3/2024", "2024-03-15T16:45"),
    ],
)
def test_clock_times_in_every_spelling(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.has_time) == ("date", at(due), True)


@pytest.mark.parametrize(
    "phrase",
    ["24g00 ngày 15/3/2024", "trước 24h00 ngày 15/3/2024", "24 giờ ngày 15/3/2024", "24h 15/3"],
)
def test_twenty_four_hours_is_the_end_of_the_day_it_names(phrase: str) -> None:
    """ "24 giờ ngày X" is the end of X: due at the next midnight, and naming X, the whole
    day, as "hết ngày X" does (not the next day at 00:00)."""
    got = read(phrase)
    assert (got.kind, got.due, got.has_time) == ("date", at("2024-03-16T00:00"), False)


@pytest.mark.parametrize(
    ("phrase", "offset", "business"),
    [
        ("chậm nhất là năm ngày trước ngày khai mạc", "-P5D", False),
        ("trong vòng mười lăm ngày làm việc kể từ ngày nhận hồ sơ", "P15D", True),
        ("không quá bốn mươi lăm ngày sau khi kết thúc đợt thi", "P45D", False),
        ("trong thời hạn sáu (06) tháng kể từ ngày kết thúc năm tài chính", "P6M", False),
    ],
)
def test_numbers_written_in_words(phrase: str, offset: str, business: bool) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days) == ("relative", offset, business)


@pytest.mark.parametrize(
    "phrase",
    [
        "trước ngày 15/3/2024",
        "trước ngày 15-3-2024",
        "trước ngày 15.3.2024",
        "trước ngày 15 / 03 / 2024",
        "trước ngày 15 tháng 3 năm 2024",
        "trước ngày 15 tháng 03, năm 2024",
        "trước ngày 15/3/24",
        "trước ngày 15 (mười lăm) tháng 3 (ba) năm 2024",
        "trước mùng 15 tháng 3 năm 2024",
    ],
)
def test_dates_with_any_separator(phrase: str) -> None:
    assert read(phrase).due == at("2024-03-16")


def test_a_missing_year_is_the_notice_s_or_the_next() -> None:
    assert read("trước ngày 15/3").due == at("2024-03-16")
    assert read("trước ngày 10/01").due == at("2025-01-11")  # well before the notice


def test_a_weekday_tells_the_year_when_none_is_written() -> None:
    # 28/4 is a Friday in 2023, not in 2022 (the year of the notice)
    got = read("từ thứ sáu 28/4 đến hết thứ hai 01/5", date(2022, 1, 1))
    assert (got.start, got.due) == (at("2023-04-28"), at("2023-05-02"))


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("ngày 27 tháng Chạp năm Ất Tỵ", "2026-02-14"),
        ("mùng 6 tháng Giêng năm Bính Ngọ", "2026-02-22"),
        ("ngày 15/8 âm lịch năm Giáp Thìn", "2024-09-17"),
        ("mùng 4 Tết", "2025-02-01"),
    ],
)
def test_lunar_dates(phrase: str, day: str) -> None:
    got = read(phrase, date(2024, 6, 1))
    assert got.due == at(day) + (at("2000-01-02") - at("2000-01-01"))


def test_a_lunar_day_with_its_solar_day_is_read_by_the_solar_day() -> None:
    got = read("10/3 âm lịch nhằm thứ 4, 25/4/2018", date(2018, 4, 1))
    assert (got.due, got.warnings) == (at("2018-04-26"), ())


def test_a_lunar_date_beside_its_solar_day_is_checked() -> None:
    right = read("từ 14/2/2026 (tức 27 tháng Chạp, năm Ất Tỵ) đến 22/2/2026", date(2026, 1, 5))
    assert right.warnings == ()
    wrong = read("ngày 15/2/2026 (tức 27 tháng Chạp, năm Ất Tỵ)", date(2026, 1, 5))
    assert wrong.due == at("2026-02-16") and "27 tháng Chạp" in wrong.warnings[0]


def test_school_years_and_semesters_use_the_office_bounds() -> None:
    assert period("năm học 2023 – 2024") == (at("2023-09-01"), at("2024-06-01"))
    assert period("học kỳ II năm học 2023-2024") == (at("2024-01-16"), at("2024-06-01"))
    university = SchoolYear(start=(8, 15), second_semester=(1, 20), end=(6, 30))
    got = read("học kỳ I năm học 2023-2024", school_year=university)
    assert (got.start, got.due) == (at("2023-08-15"), at("2024-01-20"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("Vào thứ 3, 5, 7 hàng tuần", "FREQ=WEEKLY;BYDAY=TU,TH,SA"),
        ("các ngày thứ bảy, chủ nhật", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("thứ hai tuần đầu tiên của tháng", "FREQ=MONTHLY;BYDAY=1MO"),
        ("ngày 20/11 hằng năm", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20"),
        ("Định kỳ hằng năm (trước ngày 10 tháng 1)", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=10"),
        ("báo cáo định kỳ hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
        ("định kỳ 6 tháng", "FREQ=MONTHLY;INTERVAL=6"),
        ("1 năm 2 lần: tháng 6 và tháng 12", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
        ("tháng 12 hàng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
        ("từ ngày 20 tháng trước đến ngày 19 của tháng", "FREQ=MONTHLY;BYMONTHDAY=19"),
        ("thứ Sáu tuần thứ 2 và thứ Sáu tuần thứ 4 hàng tháng", "FREQ=MONTHLY;BYDAY=2FR,4FR"),
        ("vào ngày thứ sáu của tuần lễ cuối tháng", "FREQ=MONTHLY;BYDAY=-1FR"),
    ],
)
def test_recurrences(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and got.rrule is not None
    assert got.rrule.endswith("RRULE:" + rule)


@pytest.mark.parametrize(
    ("phrase", "rule", "named"),
    [
        # Giỗ Tổ Hùng Vương: 10/3 of the lunar calendar
        (
            "ngày 10/3 âm lịch hằng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=10",
            ["2024-04-18", "2025-04-07", "2026-04-26"],
        ),
        (
            "Rằm tháng Giêng hằng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15",
            ["2025-02-12", "2026-03-03", "2027-02-20"],
        ),
        (  # a window by the lunar calendar: due when it closes
            "từ ngày 20 – 23/3 âm lịch hằng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=23",
            ["2024-05-01", "2025-04-20", "2026-05-09"],
        ),
        (  # "giữa tháng": days 11 to 20; due when the 20th is over
            "hằng năm vào giữa tháng 8 âm lịch",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=20",
            ["2024-09-22", "2025-10-11", "2026-09-30"],
        ),
        (  # a bare number before a dash and a day is the first day of a window
            "từ 13 - 15/8 âm lịch hằng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=15",
            ["2024-09-17", "2025-10-06", "2026-09-25"],
        ),
        (  # the last day of the 12th lunar month: the 30th or the 29th
            "ngày cuối tháng Chạp hằng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",
            ["2025-01-28", "2026-02-16", "2027-02-05"],
        ),
        (  # each lunar month, the leap 6th month of 2025 too (15/6 nhuận = 08/08/2025)
            "rằm hằng tháng âm lịch",
            "RSCALE=CHINESE;FREQ=MONTHLY;BYMONTHDAY=15",
            ["2025-07-09", "2025-08-08", "2025-09-06"],
        ),
    ],
)
def test_recurrences_by_the_lunar_calendar(phrase: str, rule: str, named: list[str]) -> None:
    got = read(phrase, date(2024, 3, 1))
    assert got.kind == "recurring" and got.rrule is not None
    assert got.rrule.endswith("RRULE:" + rule)
    after = datetime.fromisoformat(named[0]).replace(tzinfo=at("2024-01-01").tzinfo)
    found = occurrences(got, after, after.replace(year=after.year + 3))
    assert [(due - timedelta(days=1)).date().isoformat() for due in found][:3] == named
    # nothing before the rule's first day (DTSTART), however early the listing starts
    assert occurrences(got, at("2000-01-01"), at("2030-01-01"))[0] > at("2024-03-01")


@pytest.mark.parametrize(
    "phrase", ["ngày 10/3 âm lịch hằng tuần", "thứ 2 âm lịch hằng tuần", "âm lịch hằng năm"]
)
def test_a_lunar_recurrence_needs_lunar_days_each_month_or_year(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "rule", "start"),
    [
        ("ngày 5 đến ngày 10 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=10", "2024-03-05"),
        ("ngày 01/4 – 30/6 hằng năm", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30", "2024-04-01"),
    ],
)
def test_one_day_to_another_in_a_duty_is_a_window(phrase: str, rule: str, start: str) -> None:
    got = read(phrase)
    assert got.rrule is not None and got.rrule.endswith("RRULE:" + rule)
    assert got.start == at(start)


def test_a_weekday_ending_a_range_is_the_first_from_its_start() -> None:
    # read on a Wednesday: Monday is the next one, and Friday the one after that Monday
    assert period("từ thứ Hai đến thứ Sáu", date(2024, 3, 6)) == (
        at("2024-03-11"),
        at("2024-03-16"),
    )


def test_the_days_of_the_week_are_a_weekly_duty() -> None:
    got = read("Các ngày trong tuần (từ thứ hai đến thứ sáu)")
    assert got.rrule is not None and got.rrule.endswith("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")


def test_a_named_month_narrows_the_days_of_a_duty() -> None:
    got = read("ngày cuối tháng 12 hằng năm")
    assert got.rrule is not None and got.rrule.endswith("BYMONTH=12;BYMONTHDAY=-1")


def test_a_recurring_window_keeps_the_start_of_the_first() -> None:
    got = read("Tính từ ngày 20 tháng trước đến ngày 19 của tháng thuộc kỳ báo cáo")
    assert got.rrule is not None and got.rrule.startswith("DTSTART;VALUE=DATE:20240319")
    assert got.start == at("2024-02-20")


@pytest.mark.parametrize("phrase", ["tiếp dân định kỳ hằng tháng", "định kỳ"])
def test_a_frequency_without_a_day(phrase: str) -> None:
    assert read(phrase).kind == "recurring"


def test_deadlines_counted_from_an_event_resolve_when_the_event_is_known() -> None:
    phrase = "chậm nhất là trước ngày khai giảng 03 ngày làm việc"
    unknown = read(phrase)
    assert (unknown.kind, unknown.offset, unknown.business_days, unknown.due) == (
        "relative",
        "-P3D",
        True,
        None,
    )
    assert unknown.anchor == "ngày khai giảng"
    known = read(phrase, events=(("ngày khai giảng", date(2024, 9, 5)),))
    # 3 working days before Thursday 05/09/2024 (31/08-03/09 off for National Day): 04/09,
    # 30/08, 29/08; the last day on time is 29/08
    assert known.due == at("2024-08-30")
    before = read("trước khi khai giảng", events=(("khai giảng", date(2024, 9, 5)),))
    assert (before.offset, before.due) == ("P0D", at("2024-09-05"))


@pytest.mark.parametrize(
    "phrase",
    [
        "đúng hạn",
        "vào thời điểm thích hợp và có thông báo sau",
        "trước, trong và sau Tết",
        "trước và sau Tết Nguyên đán",
        "trong thời gian nghỉ Tết",
        "đúng giờ",
        "cho đến khi có thông báo mới",
        "không quy định thời hạn",
    ],
)
def test_words_that_mean_no_deadline(phrase: str) -> None:
    assert read(phrase).kind == "none"


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        ("hoan thanh truoc ngay 31/3/2024", "hoàn thành trước ngày 31/3/2024"),
        ("tu ngay 11/3 den het ngay 15/3/2024", "từ ngày 11/3 đến hết ngày 15/3/2024"),
        ("vao thu 2, 4, 6 hang tuan", "vào thứ 2, 4, 6 hàng tuần"),
        ("cham nhat la nam ngay truoc ngay khai mac", "chậm nhất là năm ngày trước ngày khai mạc"),
        ("truoc, trong va sau tet", "trước, trong và sau Tết"),
    ],
)
def test_text_without_diacritics_reads_alike(plain: str, marked: str) -> None:
    a, b = read(plain), read(marked)
    assert (a.kind, a.due, a.start, a.rrule) == (b.kind, b.due, b.start, b.rrule)
    assert a.offset == b.offset


def test_words_typed_with_marks_are_read_as_written() -> None:
    # "Sau" is "after", not "sáu" (six); "trọng" is not "trong"
    assert read("Sau ngày 26/02/2024").due == at("2024-02-27")
    assert read("nhiệm vụ trọng tâm tháng 04/2024").start == at("2024-04-01")


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("trước ngày 25/02/2024 hoặc 28/02/2024", "hoặc 28/02/2024"),
        ("trước ngày 32/01/2024", "/01/2024"),
        ("đợt 2", None),
    ],
)
def test_an_unreadable_phrase_names_what_was_not_understood(phrase: str, words: str | None) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError)
    assert got.message.startswith(f'không đọc được hạn "{phrase}": ')
    if words is not None:
        assert f'không hiểu phần "{words}"' in got.message


def test_a_weekday_that_disagrees_with_its_date_is_a_warning() -> None:
    got = read("26/10/2019 (thứ Hai)")
    assert got.due == at("2019-10-27")
    assert got.warnings == ("26/10/2019 là thứ Bảy, không phải thứ Hai; đọc theo ngày",)


def test_a_text_without_a_date_reads_a_day_without_a_year_as_every_year() -> None:
    got = read("trước ngày 31-5", None)
    assert got.kind == "recurring"
    assert got.rrule == "DTSTART;VALUE=DATE:20000531\nRRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31"


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("tiếp dân 1 ngày/tháng", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY"),
        ("họp 1 buổi mỗi tuần", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=WEEKLY"),
        ("kiểm tra 1 đợt/quý", "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY;INTERVAL=3"),
        ("2 buổi/tuần", None),
        ("3 ngày/tháng", None),
        ("2-3 lần/tuần", None),
        ("từ 1 đến 2 lần mỗi tháng", None),
        (
            "2 - 3 lần/tuần (vào thứ 2, thứ 4)",
            "DTSTART;VALUE=DATE:20240304\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE",
        ),
    ],
)
def test_a_frequency_of_days_sessions_or_rounds(phrase: str, rule: str | None) -> None:
    """ "N ngày/buổi/đợt/lần" per week, month, quarter or year says how often, not which
    days: once per period is that period's rule, several (or a range of counts) no rule,
    unless the days are named."""
    got = read(phrase)
    assert (got.kind, got.due, got.rrule) == ("recurring", None, rule)


@pytest.mark.parametrize(
    "phrase",
    ["hè 2023", "mùa mưa bão năm 2024", "vụ Thu Đông 2024-2025", "trong mùa khô 2023 - 2024"],
)
def test_a_season_named_with_its_year_is_not_that_year(phrase: str) -> None:
    """A season or crop named with its year has days the phrase does not give: unread,
    with a message that names it, never read as the whole year."""
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError)
    assert "là một mùa, vụ hay đợt không nêu ngày đầu, ngày cuối" in got.message


def test_a_season_gives_way_to_the_days_written_beside_it() -> None:
    got = read("Chiến dịch tình nguyện hè 2024: từ 15/6 đến 15/8/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-06-15"), at("2024-08-16"))
    assert read("thường xuyên trong mùa mưa bão 2024").kind == "none"


@pytest.mark.parametrize(
    ("phrase", "rule", "start"),
    [
        (
            "hằng năm, từ tháng 5 đến tháng 9",
            "DTSTART;VALUE=DATE:20240930\nRRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=-1",
            "2024-05-01",
        ),
        (
            "từ tháng 11 đến hết tháng 12 hàng năm",
            "DTSTART;VALUE=DATE:20241231\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",
            "2024-11-01",
        ),
        (
            "Hàng năm từ đầu tháng Sáu đến cuối tháng Tám",
            "DTSTART;VALUE=DATE:20240831\nRRULE:FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=-1",
            "2024-06-01",
        ),
    ],
)
def test_a_yearly_window_of_months_is_due_when_its_last_month_ends(
    phrase: str, rule: str, start: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.rrule, got.start) == ("recurring", rule, at(start))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("chậm nhất ngày 10 tháng sau", "2024-04-11"),
        ("trước ngày 05 của tháng tiếp theo", "2024-04-06"),
        ("ngày 20 tháng tới", "2024-04-21"),
        ("hạn cuối ngày 28 tháng này", "2024-03-29"),
        ("cham nhat ngay 15 thang toi", "2024-04-16"),  # plain "thang sau" may be June
    ],
)
def test_a_day_of_the_month_after_the_notice(phrase: str, due: str) -> None:
    """ "ngày N tháng sau" is day N of the month after the notice's (not June: "sáu")."""
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))
    assert read("ngày 5 tháng sau", date(2024, 12, 20)).due == at("2025-01-06")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # a day of "tháng sau" in a standing rule: every month
        ("chậm nhất ngày 10 tháng sau", "RRULE:FREQ=MONTHLY;BYMONTHDAY=10"),
        # lunar days, and a list of them, every year
        ("ngày 20/8 âm lịch", "RRULE:RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=20"),
        (
            "vào các ngày 8, 9 và 10 tháng 3 âm lịch",
            "RRULE:RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=8,9,10",
        ),
        ("vào các ngày 1, 2 và 3/9", "RRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=1,2,3"),
        # windows, lunar or across the new year, due when they close
        ("từ ngày 6 - 8/4 âm lịch", "RRULE:RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=8"),
        ("từ 15/11 đến 15/3 năm sau", "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15"),
    ],
)
def test_a_text_without_a_date_reads_standing_rules(phrase: str, rule: str) -> None:
    got = read(phrase, None)
    assert got.kind == "recurring" and got.rrule is not None
    assert got.rrule.partition("\n")[2] == rule


def test_a_day_told_in_both_calendars_is_no_standing_rule() -> None:
    """Without a date, a solar day and its lunar day agree in some years only: no rule."""
    got = parse_deadline("từ 10 đến 12/4 (tức 3 đến 5/3 âm lịch)", None)
    assert isinstance(got, DeadlineError)
    assert "cần ngày của thông báo" in got.message


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("3 ngày đầu tháng 4", "2024-04-01", "2024-04-04"),
        ("trong 5 ngày đầu của tháng 4", "2024-04-01", "2024-04-06"),
        ("10 ngày cuối tháng 5/2024", "2024-05-22", "2024-06-01"),
        ("trong mười ngày cuối tháng 6", "2024-06-21", "2024-07-01"),
        ("2 tuần đầu tháng 9", "2024-09-01", "2024-09-15"),
        ("hai tuần cuối tháng 12 năm 2024", "2024-12-18", "2025-01-01"),
    ],
)
def test_the_first_or_last_days_or_weeks_of_a_period(phrase: str, start: str, due: str) -> None:
    """A count before "đầu/cuối" counts days or weeks (7 days, as "tuần cuối tháng"): not
    the length of a third of the month."""
    assert period(phrase) == (at(start), at(due))


def test_more_days_than_the_period_has_is_an_error() -> None:
    got = parse_deadline("40 ngày đầu tháng 2", REF)
    assert isinstance(got, DeadlineError)
    assert "dài hơn khoảng thời gian" in got.message


def test_the_first_days_of_a_month_in_a_duty_are_a_window() -> None:
    got = read("10 ngày đầu tháng 7 hằng năm")
    assert got.rrule == "DTSTART;VALUE=DATE:20240710\nRRULE:FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10"
    assert got.start == at("2024-07-01")
    assert isinstance(parse_deadline("10 ngày cuối tháng 7 hằng năm", REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "business", "anchor"),
    [
        (
            "từ khi có thông báo đến trước ngày khai mạc 5 ngày làm việc",
            "-P5D",
            True,
            "ngày khai mạc",
        ),
        ("kể từ khi nhận hồ sơ đến trước ngày họp 2 ngày", "-P2D", False, "ngày họp"),
        (
            "bắt đầu từ khi có kết quả đến trước ngày phúc khảo 03 ngày",
            "-P3D",
            False,
            "ngày phúc khảo",
        ),
        ("tu khi co diem den truoc ngay thi 3 ngay", "-P3D", False, "ngay thi"),
    ],
)
def test_a_window_from_an_event_closes_at_a_time_counted_from_another(
    phrase: str, offset: str, business: bool, anchor: str
) -> None:
    """ "từ khi X đến trước Y N ngày": due when the window closes, N days before Y."""
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days, got.anchor) == (
        "relative",
        offset,
        business,
        anchor,
    )


@pytest.mark.parametrize(
    ("phrase", "kind", "start", "due"),
    [
        ("từ 28 tháng Chạp đến hết mùng 4 Tết Giáp Thìn", "period", "2024-02-07", "2024-02-14"),
        (
            "từ 29 tháng Chạp đến mùng 3 Tết Nguyên đán Ất Tỵ 2025",
            "period",
            "2025-01-28",
            "2025-02-01",
        ),
        ("mùng 6 Tết Bính Ngọ", "date", None, "2026-02-23"),
        ("trước Tết Nguyên đán 2025", "date", None, "2025-01-29"),
        ("trước Tết Nguyên đán Giáp Thìn", "date", None, "2024-02-10"),
    ],
)
def test_tet_of_a_year_named_by_number_or_by_name(
    phrase: str, kind: str, start: str | None, due: str
) -> None:
    got = read(phrase, date(2023, 12, 1))
    assert (got.kind, got.start, got.due) == (kind, start and at(start), at(due))


def test_tet_of_a_year_whose_name_and_number_disagree_is_an_error() -> None:
    got = parse_deadline("mùng 5 Tết Tân Sửu 2020", REF)
    assert isinstance(got, DeadlineError)
    assert "năm 2020 không phải năm Tân Sửu" in got.message
    assert read("trước, trong và sau Tết Canh Tý").kind == "none"


@pytest.mark.parametrize(
    ("phrase", "offset", "business", "due"),
    [
        ("trong 3 - 5 ngày làm việc", "P5D", True, "2024-03-09"),
        ("từ 7 đến 10 ngày kể từ ngày ban hành", "P10D", False, "2024-03-12"),
        ("Từ 2-4 ngày từ khi nhận đủ hồ sơ", "P4D", False, None),
        ("trong vòng 1 – 2 tuần", "P2W", False, "2024-03-16"),
    ],
)
def test_a_range_of_counts_is_the_longest(
    phrase: str, offset: str, business: bool, due: str | None
) -> None:
    """ "3 - 5 ngày" may take up to 5 days: the deadline is the upper end (not 3 May)."""
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days) == ("relative", offset, business)
    assert got.due == (due and at(due))


@pytest.mark.parametrize(
    "phrase",
    [
        "Vào bất kỳ lúc nào",
        "bất cứ khi nào",
        "vao bat ky thoi diem nao",
        "mọi lúc",
        "ngay trong đêm",
        "xử lý ngay trong ngày",
    ],
)
def test_any_time_and_at_once_mean_no_deadline(phrase: str) -> None:
    assert read(phrase).kind == "none"


def test_at_once_gives_way_to_a_written_day() -> None:
    assert read("ngay trong ngày 5/3/2024").due == at("2024-03-06")


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("vào đúng ngày kỷ niệm thành lập Đoàn", "kỷ niệm thành lập Đoàn"),
        ("vào ngày khai giảng năm học mới", "khai giảng năm học mới"),
        ("đúng vào dịp khai trương", "khai trương"),
        ("vao ngay be mac hoi nghi", "be mac hoi nghi"),
    ],
)
def test_on_the_day_of_an_event(phrase: str, anchor: str) -> None:
    """ "vào (đúng) ngày X", X an event: relative at X (offset 0), due once X is known."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", "P0D", anchor, None)
    known = read(phrase, events=((anchor, date(2024, 3, 26)),))
    assert known.due == at("2024-03-27")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [("vào ngày 15/3/2024", "2024-03-16"), ("vào ngày mai", "2024-03-03")],
)
def test_on_a_day_that_is_written_is_that_day(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


def test_at_the_earliest_when_an_event_happens_has_no_offset() -> None:
    got = read("sớm nhất khi có công văn hướng dẫn")
    assert (got.kind, got.offset, got.anchor) == ("relative", None, "khi có công văn hướng dẫn")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("thứ Hai và thứ Ba (ngày 4 và 5/3/2024)", "2024-03-04", "2024-03-06"),
        ("thứ Hai và thứ Tư, ngày 4 và 6/3/2024", "2024-03-04", "2024-03-07"),
        ("Thứ Bảy, Chủ nhật (ngày 9, 10/3/2024)", "2024-03-09", "2024-03-11"),
    ],
)
def test_weekdays_written_before_their_days_name_those_days(
    phrase: str, start: str, due: str
) -> None:
    """The days are meant, not every such weekday (as with the weekdays after the days)."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "by_day"), [("thứ 2, 4, 6", "MO,WE,FR"), ("vào thứ 3 và 5", "TU,TH")]
)
def test_weekdays_listed_by_number_alone_recur_each_week(phrase: str, by_day: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and got.rrule is not None
    assert got.rrule.endswith(f"RRULE:FREQ=WEEKLY;BYDAY={by_day}")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("tháng 6,7,8/2024", "2024-06-01", "2024-09-01"),
        ("trong tháng 10, 11, 12 năm 2024", "2024-10-01", "2025-01-01"),
        ("trong 3 tháng 6, 7, 8/2024", "2024-06-01", "2024-09-01"),
        ("trong hai tháng 4 và 5", "2024-04-01", "2024-06-01"),
    ],
)
def test_a_list_of_months_counted_or_not(phrase: str, start: str, due: str) -> None:
    """ "tháng 6,7,8", and with their count before ("3 tháng 6,7,8"): from the first month
    to the end of the last (a count that disagrees with the list is an error)."""
    assert period(phrase) == (at(start), at(due))
    assert isinstance(parse_deadline("trong 3 tháng 6 và 7", REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "business"),
    [
        ("trong vòng 48 giờ (không tính ngày Chủ nhật)", "PT48H", False),
        ("trong 5 ngày làm việc (trừ thứ Bảy)", "P5D", True),
        ("trong 10 ngày (không kể ngày nghỉ lễ)", "P10D", False),
    ],
)
def test_what_a_count_leaves_out_is_no_deadline(phrase: str, offset: str, business: bool) -> None:
    """ "(không tính ngày Chủ nhật)" says what is not counted, not a day to be done by."""
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days) == ("relative", offset, business)


@pytest.mark.parametrize(
    "phrase",
    [
        "thứ 2 hằng tuần kể từ ngày ban hành",
        "thứ Hai hàng tuần từ khi văn bản này ban hành",
        "thu 2 hang tuan ke tu ngay ban hanh",
    ],
)
def test_a_duty_from_the_notice_begins_at_the_notice(phrase: str) -> None:
    got = read(phrase)
    assert got.rrule == "DTSTART;VALUE=DATE:20240304\nRRULE:FREQ=WEEKLY;BYDAY=MO"


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("sớm hơn 30 phút so với giờ vào học", "-PT30M", "giờ vào học"),
        ("muộn hơn 2 ngày so với lịch thi", "P2D", "lịch thi"),
        ("chậm hơn 1 tuần so với kế hoạch ban đầu", "P1W", "kế hoạch ban đầu"),
        ("sớm nhất trước hai tuần so với ngày khai giảng", "-P2W", "ngày khai giảng"),
        ("som hon 15 phut so voi gio vao hoc", "-PT15M", "gio vao hoc"),
    ],
)
def test_earlier_or_later_than_an_event(phrase: str, offset: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


def test_minutes_count_from_a_known_event() -> None:
    got = read("trước 15 phút so với giờ khai mạc", events=(("giờ khai mạc", date(2024, 3, 8)),))
    assert (got.offset, got.due) == ("-PT15M", at("2024-03-07T23:45"))


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("Mở: 8h00, 04/3/2024", "2024-03-04T08:00"),
        ("Mở đăng ký: 14h ngày 5/3/2024", "2024-03-05T14:00"),
    ],
)
def test_an_opening_is_an_open_start(phrase: str, start: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("none", at(start), None)
    assert read("Đóng: 24h00, 14/03/2024").due == at("2024-03-15")


@pytest.mark.parametrize(
    ("phrase", "offset", "due"),
    [
        ("30 ngày kể từ ngày nghiệm thu 15/3/2024", "P30D", "2024-04-15"),
        ("chậm nhất 15 ngày sau ngày khai giảng 5/9/2024", "P15D", "2024-09-21"),
        ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ, ngày 11/3/2024", "P10D", "2024-03-26"),
        ("60 ngày kể từ ngày đăng thông báo cuối tháng 8/2024", "P60D", None),
    ],
)
def test_an_offset_from_an_event_written_with_its_day(
    phrase: str, offset: str, due: str | None
) -> None:
    """The event's day, when written, is the anchor; a period ("cuối tháng 8") is no day."""
    got = read(phrase)
    assert (got.kind, got.offset, got.due) == ("relative", offset, due and at(due))


def test_what_may_lengthen_a_count_is_a_remark() -> None:
    got = read("Trong vòng 30 ngày, hoặc lâu hơn tùy theo sự đồng ý của hai bên")
    assert (got.kind, got.offset, got.due) == ("relative", "P30D", at("2024-04-01"))


@pytest.mark.parametrize("phrase", ["từ ngày 9/10", "có hiệu lực từ ngày 1/7", "kể từ 15/3"])
def test_an_open_start_without_a_year_in_a_text_without_a_date(phrase: str) -> None:
    """No deadline either way; without a year its start is not placed."""
    got = read(phrase, None)
    assert (got.kind, got.due, got.start) == ("none", None, None)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước ngày thi ít nhất 5 ngày", "-P5D", "ngày thi"),
        ("trước khai mạc tối thiểu 10 ngày", "-P10D", "khai mạc"),
        (
            "chậm nhất 03 ngày làm việc sau khi kết thúc đợt kiểm tra",
            "P3D",
            "kết thúc đợt kiểm tra",
        ),
    ],
)
def test_the_event_is_kept_whatever_stands_between(phrase: str, offset: str, anchor: str) -> None:
    """ "ít nhất" between the event and the count, "kết thúc" as the event itself: the event
    is still named (not counted from the notice)."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


@pytest.mark.parametrize(
    ("phrase", "rule", "start"),
    [
        ("cuối mỗi tháng", "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", "2024-03-21"),
        ("vào đầu hằng tháng", "RRULE:FREQ=MONTHLY;BYMONTHDAY=10", "2024-03-01"),
        ("giua moi thang", "RRULE:FREQ=MONTHLY;BYMONTHDAY=20", "2024-03-11"),
    ],
)
def test_a_part_of_every_month(phrase: str, rule: str, start: str) -> None:
    """ "cuối mỗi tháng": the last third of each month (as "cuối tháng 5"), due when it ends."""
    got = read(phrase)
    assert got.rrule is not None and got.rrule.endswith(rule)
    assert got.start == at(start)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("rằm tháng 7", "2024-08-19"),  # lunar 15/7 Giáp Thìn = 18/08/2024
        ("trước Rằm tháng Tám năm 2024", "2024-09-18"),  # lunar 15/8 = 17/09/2024
        ("ram thang 7", "2024-08-19"),
    ],
)
def test_ram_is_always_a_lunar_day(phrase: str, due: str) -> None:
    """ "Rằm" is the full-moon day: the 15th of a lunar month, "âm lịch" written or not."""
    assert read(phrase).due == at(due)


def test_ram_in_a_monthly_duty_makes_it_lunar() -> None:
    got = read("mùng 1 và rằm hằng tháng")
    assert got.rrule is not None
    assert got.rrule.endswith("RRULE:RSCALE=CHINESE;FREQ=MONTHLY;BYMONTHDAY=1,15")
    plain = read("ngày 1 và ngày 15 hằng tháng")
    assert plain.rrule is not None and plain.rrule.endswith("RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("quý I, II/2024", "2024-01-01", "2024-07-01"),
        ("trong quý III và quý IV năm 2024", "2024-07-01", "2025-01-01"),
        ("quy 2, 3/2024", "2024-04-01", "2024-10-01"),
    ],
)
def test_a_list_of_quarters(phrase: str, start: str, due: str) -> None:
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("ngày cuối cùng của mỗi quý", "RRULE:FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
        ("ngày cuối cùng hằng năm", "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    ],
)
def test_the_last_day_of_each_quarter_or_year(phrase: str, rule: str) -> None:
    """The quarter's last days are those of March, June, September and December, whatever
    the notice's month."""
    got = read(phrase, date(2024, 2, 5))
    assert got.rrule is not None and got.rrule.endswith(rule)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("hoàn thành trong năm", "2024-01-01", "2025-01-01"),
        ("trong tháng.", "2024-03-01", "2024-04-01"),
        ("báo cáo trong quý", "2024-01-01", "2024-04-01"),
    ],
)
def test_within_the_notice_s_own_period(phrase: str, start: str, due: str) -> None:
    """ "trong năm/tháng/quý" with nothing after it: the notice's own year, month, quarter."""
    assert period(phrase) == (at(start), at(due))


def test_within_the_day_and_of_each_month() -> None:
    assert read("xử lý xong trong ngày").due == at("2024-03-02")
    monthly = read("ngày 15 trong tháng")
    assert monthly.rrule == "DTSTART;VALUE=DATE:20240315\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15"


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("trước kỳ họp thứ 7", "kỳ họp thứ 7"),
        ("trước Đại hội lần thứ hai", "Đại hội lần thứ hai"),
        ("truoc phien hop thu 3", "phien hop thu 3"),
    ],
)
def test_thu_n_after_a_round_is_an_ordinal_not_a_weekday(phrase: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.anchor) == ("relative", anchor)
    weekly = read("họp thứ 7 hàng tuần")
    assert weekly.rrule == "DTSTART;VALUE=DATE:20240302\nRRULE:FREQ=WEEKLY;BYDAY=SA"


@pytest.mark.parametrize(
    ("phrase", "offset", "due"),
    [
        ("trong hai tuần tới", "P2W", "2024-03-16"),
        ("trong 3 tháng tiếp theo", "P3M", "2024-06-02"),
        ("1 năm tới", "P1Y", "2025-03-02"),
    ],
)
def test_a_count_of_units_ahead(phrase: str, offset: str, due: str) -> None:
    """ "trong 2 tuần tới" counts two weeks from the notice (not "tuần tới", next week)."""
    got = read(phrase)
    assert (got.kind, got.offset, got.due) == ("relative", offset, at(due))
    assert read("tuần tới").kind == "period"


@pytest.mark.parametrize(
    ("phrase", "by_day"),
    [
        ("vào thứ Hai đầu tiên của mỗi tháng", "1MO"),
        ("thứ 2 đầu tiên hằng tháng", "1MO"),
        ("thứ Sáu cuối cùng của tháng", "-1FR"),
        ("thu 6 cuoi cung cua thang", "-1FR"),
    ],
)
def test_the_first_or_last_weekday_of_each_month(phrase: str, by_day: str) -> None:
    got = read(phrase)
    assert got.rrule is not None and got.rrule.endswith(f"RRULE:FREQ=MONTHLY;BYDAY={by_day}")


@pytest.mark.parametrize("phrase", ["mỗi học kỳ", "vào đầu mỗi học kỳ", "cuối hằng năm học"])
def test_a_duty_by_the_school_calendar_has_no_rule(phrase: str) -> None:
    """Each semester or school year: the days depend on the school's calendar, not written."""
    got = read(phrase)
    assert (got.kind, got.rrule, got.due) == ("recurring", None, None)


def test_a_named_month_inside_a_weekly_duty_narrows_it() -> None:
    """ "trong tháng Ba", "trong Tháng Thanh niên" name a month, not "of each month"."""
    for phrase in ("thứ 2 hằng tuần trong tháng Ba", "các thứ Hai trong Tháng Thanh niên"):
        got = read(phrase, date(2020, 2, 20))
        assert got.rrule is not None and got.rrule.startswith("DTSTART;VALUE=DATE:20200302")
        assert "BYMONTH=3" in got.rrule and "BYDAY=MO" in got.rrule


def test_a_window_across_midnight_ends_the_day_after_its_start() -> None:
    """ "hôm sau" closing a range is the day after the range's first day, not the notice's."""
    got = read("từ 19 giờ ngày 5/4/2024 đến 6 giờ sáng hôm sau")
    assert (got.start, got.due) == (at("2024-04-05T19:00"), at("2024-04-06T06:00"))
    night = parse_deadline("từ 22h đến 5h sáng hôm sau", REF)
    assert isinstance(night, DeadlineError)
    assert "khung giờ qua đêm không có ngày bắt đầu" in night.message


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("ngày làm việc tiếp theo", "P1D"),
        ("thì chuyển sang ngày làm việc kế tiếp", "P1D"),
        ("Vào ngày làm việc liền sau", "P1D"),
        ("ngay lam viec tiep theo", "P1D"),
        ("ngày làm việc trước đó", "-P1D"),
    ],
)
def test_the_next_working_day_of_a_day_not_named(phrase: str, offset: str) -> None:
    """A shift rule ("nếu trùng ngày nghỉ thì vào ngày làm việc tiếp theo"): one working day
    from a day the phrase does not name, so no due."""
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days, got.due) == ("relative", offset, True, None)
    assert got.anchor == "mốc không nêu"


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("ngày làm việc tiếp theo sau ngày 30/4/2024", "2024-05-03"),  # 1/5 is a holiday too
        ("ngày làm việc kế tiếp sau ngày 8/3/2024", "2024-03-12"),  # a Friday: the Monday
        ("ngày làm việc liền kề trước ngày 2/9/2024", "2024-08-31"),  # 31/8 to 3/9 are off
        ("ngày làm việc liền kề sau ngày 2/9/2024", "2024-09-05"),
    ],
)
def test_the_working_day_next_to_a_written_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.business_days, got.due) == ("relative", True, at(due))


def test_the_next_working_day_after_an_event_resolves_when_it_is_known() -> None:
    phrase = "ngày làm việc tiếp theo sau khi kết thúc hội nghị"
    assert read(phrase).anchor == "kết thúc hội nghị"
    known = read(phrase, events=(("kết thúc hội nghị", date(2024, 3, 15)),))  # a Friday
    assert known.due == at("2024-03-19")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        (
            "vào ngày 10 hằng tháng, nếu trùng ngày nghỉ thì vào ngày làm việc tiếp theo",
            "FREQ=MONTHLY;BYMONTHDAY=10",
        ),
        ("thứ Hai hằng tuần (nếu là ngày lễ thì ngày làm việc kế tiếp)", "FREQ=WEEKLY;BYDAY=MO"),
    ],
)
def test_a_duty_moved_off_days_off_keeps_its_days(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and got.rrule is not None and got.rrule.endswith(rule)


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trong 02 ngày làm việc tiếp theo", "P2D"),
        ("chậm nhất hai ngày làm việc kế tiếp", "P2D"),
    ],
)
def test_a_count_of_the_next_working_days_is_a_count(phrase: str, offset: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days) == ("relative", offset, True)


def test_a_clock_time_on_the_next_working_day_is_not_read_as_today() -> None:
    """The time belongs to the working day after the event, not to the notice's day (as it
    once was read): the event's day is not known, so no due."""
    got = read("chậm nhất 10 giờ ngày làm việc tiếp theo sau ngày kiểm tra")
    assert (got.kind, got.due, got.offset, got.business_days) == ("relative", None, "P1D", True)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("sáng nay", "2024-03-02"),
        ("trong buổi chiều nay", "2024-03-02"),
        ("Tối nay", "2024-03-02"),
        ("toi nay", "2024-03-02"),
        ("trước 5 giờ chiều nay", "2024-03-01T17:00"),
        ("trước 10h30 sáng nay", "2024-03-01T10:30"),
        ("trước 16h chiều nay, thứ Sáu 1/3/2024", "2024-03-01T16:00"),
        ("sáng nay (thứ Hai, 4/3/2024)", "2024-03-05"),  # the date written wins
    ],
)
def test_a_part_of_today(phrase: str, due: str) -> None:
    """ "sáng / chiều / tối nay": the notice's own day, as "hôm nay"."""
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trước khi kết thúc năm 2024", "2024-01-01", "2025-01-01"),
        ("chậm nhất trước khi kết thúc tháng 4/2024", "2024-04-01", "2024-05-01"),
        ("trước khi kết thúc quý II năm 2024", "2024-04-01", "2024-07-01"),
        ("truoc khi ket thuc thang 5/2024", "2024-05-01", "2024-06-01"),
        ("trước khi kết thúc học kỳ I năm học 2024-2025", "2024-09-01", "2025-01-16"),
    ],
)
def test_before_a_period_ends_is_by_its_end(phrase: str, start: str, due: str) -> None:
    """ "trước khi kết thúc X", X a period named by its number: by X's end, as "trước khi hết
    X" (not before X begins, as "trước X")."""
    assert period(phrase) == (at(start), at(due))


def test_before_an_event_ends_is_still_an_event() -> None:
    got = read("trước khi kết thúc đợt kiểm tra")
    assert (got.kind, got.anchor) == ("relative", "kết thúc đợt kiểm tra")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("đến hết năm", "2024-01-01", "2025-01-01"),
        ("trước khi hết năm.", "2024-01-01", "2025-01-01"),
        ("den het thang", "2024-03-01", "2024-04-01"),
        ("từ nay đến hết quý", "2024-03-01", "2024-04-01"),
        ("hoàn thành đến hết tuần", "2024-02-26", "2024-03-04"),
    ],
)
def test_to_the_end_of_the_notice_s_own_period(phrase: str, start: str, due: str) -> None:
    """ "đến hết năm / tháng / quý / tuần" with nothing after: the notice's own period (as
    "trong năm"), not an event called "năm"."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong quý IV năm nay", "2024-10-01", "2025-01-01"),
        ("tháng 1 năm sau", "2025-01-01", "2025-02-01"),
        ("trong tháng 12 năm trước", "2023-12-01", "2024-01-01"),
        ("tháng 6, 7, 8 năm nay", "2024-06-01", "2024-09-01"),
        ("tuần 10 năm nay", "2024-03-04", "2024-03-11"),
        ("6 tháng đầu năm sau", "2025-01-01", "2025-07-01"),
        ("nửa cuối năm nay", "2024-07-01", "2025-01-01"),
        ("cuối tháng 12 năm nay", "2024-12-21", "2025-01-01"),
        ("đầu quý II năm sau", "2025-04-01", "2025-05-01"),
        ("tuần cuối tháng 8 năm sau", "2025-08-25", "2025-09-01"),
        ("trong năm nay", "2024-01-01", "2025-01-01"),
        ("quy 2 nam sau", "2025-04-01", "2025-07-01"),
    ],
)
def test_a_period_of_this_year_or_the_next(phrase: str, start: str, due: str) -> None:
    """ "năm nay", "năm sau", "năm trước" after a month, quarter, week or half: of the
    notice's year, the next or the one before (a past month of this year stays this year's)."""
    assert period(phrase) == (at(start), at(due))


def test_a_year_written_twice_is_an_error() -> None:
    got = parse_deadline("quý 4/2024 năm sau", REF)
    assert isinstance(got, DeadlineError) and "năm ghi hai lần" in got.message


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong năm học này", "2023-09-01", "2024-06-01"),
        ("năm học tới", "2024-09-01", "2025-06-01"),
        ("nam hoc tiep theo", "2024-09-01", "2025-06-01"),
        ("đến hết năm học", "2023-09-01", "2024-06-01"),
        ("trong năm học trước.", "2022-09-01", "2023-06-01"),
        ("học kỳ II năm học tới", "2025-01-16", "2025-06-01"),
        ("cuối năm học này", "2024-05-01", "2024-06-01"),
    ],
)
def test_the_notice_s_school_year_or_the_next(phrase: str, start: str, due: str) -> None:
    """ "năm học này / tới": the school year the notice falls in (by the office's bounds, by
    default 01/09 to 31/05), or the next."""
    assert period(phrase) == (at(start), at(due))


def test_before_a_day_after_the_school_year_is_before_that_day() -> None:
    """ "Kết thúc năm học trước ngày 31-5": "trước" before a day is "before", not "last"."""
    assert read("Kết thúc năm học trước ngày 31/5/2024").due == at("2024-06-01")


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trong vòng 24 giờ", "PT24H", "ngày ban hành"),
        ("trong 2 giờ", "PT2H", "ngày ban hành"),
        ("trong thời hạn 12h", "PT12H", "ngày ban hành"),
        ("chậm nhất trong vòng 06 giờ kể từ khi nhận được tin báo", "PT6H", "nhận được tin báo"),
        ("trong vong 24 gio ke tu khi phat hien", "PT24H", "phat hien"),
    ],
)
def test_a_count_of_hours_within_is_not_the_time_of_day(
    phrase: str, offset: str, anchor: str
) -> None:
    """ "trong (vòng) 24 giờ": within 24 hours (as "trong vòng 48 giờ"), not by 24h00."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trong 8 giờ sáng ngày 15/3/2024", "2024-03-15T08:00"),
        ("trước 17 giờ ngày 15/3/2024", "2024-03-15T17:00"),
    ],
)
def test_a_time_of_day_stays_a_time(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


_LAST = "DTSTART;VALUE=DATE:20240329\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
_FIRST = "DTSTART;VALUE=DATE:20240301\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"


@pytest.mark.parametrize(
    ("phrase", "rule", "days"),
    [
        ("ngày làm việc cuối cùng của tháng", _LAST, ["2024-03-29", "2024-04-30", "2024-05-31"]),
        (
            "vào ngày làm việc đầu tiên hằng tháng",
            _FIRST,
            ["2024-03-01", "2024-04-01", "2024-05-01"],
        ),
        (
            "ngay lam viec cuoi cung cua moi thang",
            _LAST,
            ["2024-03-29", "2024-04-30", "2024-05-31"],
        ),
    ],
)
def test_the_first_or_last_working_day_of_each_month(
    phrase: str, rule: str, days: list[str]
) -> None:
    """Monday to Friday, the first or the last of them in each month (public holidays are not
    in an RFC 5545 rule: "các ngày làm việc" is Monday to Friday too)."""
    got = read(phrase)
    assert (got.kind, got.rrule) == ("recurring", rule)
    due = occurrences(got, at("2024-03-01"), at("2024-06-02"))
    assert due == [at(day) + timedelta(days=1) for day in days]


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("năm 2025 và các năm tiếp theo", "2025-01-01"),
        ("áp dụng cho năm 2025 và những năm sau", "2025-01-01"),
        ("tháng 7/2024 trở đi", "2024-07-01"),
        ("từ ngày 15/4/2024 trở về sau", "2024-04-15"),
        ("nam 2025 va cac nam tiep theo", "2025-01-01"),
    ],
)
def test_from_a_day_or_period_on_is_an_open_start(phrase: str, start: str) -> None:
    """ "năm 2025 và các năm tiếp theo", "... trở đi": from then on, no deadline (not the two
    years 2025-2026)."""
    got = read(phrase)
    assert (got.kind, got.due, got.start) == ("none", None, at(start))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("nửa đầu tháng 4/2024", "2024-04-01", "2024-04-16"),
        ("nửa cuối tháng 3", "2024-03-16", "2024-04-01"),
        ("trong nửa tháng đầu tháng 5", "2024-05-01", "2024-05-16"),
        ("nửa tháng cuối của tháng 2/2024", "2024-02-16", "2024-03-01"),
        ("nửa đầu tháng 2/2023", "2023-02-01", "2023-02-16"),  # February's too (it had been
        ("nửa sau tháng 2/2023", "2023-02-16", "2023-03-01"),  # cut at its middle: 1-14)
        ("nửa đầu tháng 2 âm lịch năm 2024", "2024-03-10", "2024-03-25"),  # lunar days 1-15
        ("nua cuoi thang 6", "2024-06-16", "2024-07-01"),
        # a half of a quarter: a month and a half, not its first or last month ("nửa" had
        # been left out, silently: "đầu quý 3")
        ("nửa đầu quý 3/2024", "2024-07-01", "2024-08-16"),
        ("nửa cuối quý III năm 2024", "2024-08-16", "2024-10-01"),
        ("trong nửa sau của quý 1/2025", "2025-02-16", "2025-04-01"),
    ],
)
def test_half_of_a_month(phrase: str, start: str, due: str) -> None:
    """ "nửa đầu / nửa cuối tháng X": the month cut in two (1-15, 16 to the end, whatever
    its length), not the first or last third that "đầu / cuối tháng X" names; a quarter
    cut at the 15th of its second month."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("đầu năm học 2024-2025", "2024-09-01", "2024-10-01"),
        ("cuối năm học 2023 - 2024", "2024-05-01", "2024-06-01"),
        ("cuối học kỳ I năm học 2024-2025", "2025-01-01", "2025-01-16"),  # the semester's end
        ("giữa học kỳ II năm học 2023-2024", "2024-03-01", "2024-04-01"),
        ("đầu học kỳ II năm học tới", "2025-01-16", "2025-02-01"),
    ],
)
def test_a_part_of_a_school_year_or_semester(phrase: str, start: str, due: str) -> None:
    """ "đầu / giữa / cuối" a school year or semester: its first, middle or last month, cut
    to the period (a semester may end mid-month)."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("3 tháng/1 lần", "FREQ=MONTHLY;INTERVAL=3"),
        ("2 tuần / 1 lần", "FREQ=WEEKLY;INTERVAL=2"),
        ("6 thang/lan", "FREQ=MONTHLY;INTERVAL=6"),
    ],
)
def test_every_so_often_with_or_without_one_time(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert got.rrule is not None and got.rrule.endswith(f"RRULE:{rule}")


@pytest.mark.parametrize(
    ("phrase", "offset", "due"),
    [
        ("5 ngày trước ngày 01/4/2024", "-P5D", "2024-03-28"),
        ("chậm nhất 10 ngày sau ngày 1/4/2024", "P10D", "2024-04-12"),
        ("trước ngày 01/4/2024 ít nhất 5 ngày", "-P5D", "2024-03-28"),
        ("kể từ ngày 01/4/2024, trong thời hạn 30 ngày", "P30D", "2024-05-02"),
        ("tinh tu ngay 1/4/2024, trong vong 3 ngay lam viec", "P3D", "2024-04-05"),
    ],
)
def test_a_count_before_or_after_a_written_day(phrase: str, offset: str, due: str) -> None:
    """A count and a written day, in either order, before or after it: resolved at once."""
    got = read(phrase)
    assert (got.kind, got.offset, got.due) == ("relative", offset, at(due))
    assert got.anchor is not None and "4/2024" in got.anchor


def test_a_count_from_a_period_is_an_error() -> None:
    assert isinstance(parse_deadline("kể từ tháng 4/2024, trong vòng 30 ngày", REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước Hội nghị sơ kết 6 tháng", "P0D", "Hội nghị sơ kết 6 tháng"),
        ("vào dịp tổng kết 5 năm", "P0D", "tổng kết 5 năm"),
        ("chậm nhất 10 ngày trước Hội nghị sơ kết 9 tháng", "-P10D", "Hội nghị sơ kết 9 tháng"),
        ("trước kỳ thi 1 tuần", "-P1W", "kỳ thi"),  # not a review: a count
    ],
)
def test_a_review_named_by_its_months_is_no_count(phrase: str, offset: str, anchor: str) -> None:
    """ "sơ kết 6 tháng", "tổng kết 5 năm" name a review by the time it covers: part of the
    event's name, not a count of months before it."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("tại kỳ họp gần nhất", "kỳ họp gần nhất"),
        ("trình tại kỳ họp thứ 7", "kỳ họp thứ 7"),
        ("báo cáo tại Hội nghị sơ kết 6 tháng", "Hội nghị sơ kết 6 tháng"),
        ("tai phien hop toan the", "phien hop toan the"),
    ],
)
def test_at_a_meeting(phrase: str, anchor: str) -> None:
    """ "tại kỳ họp / hội nghị / phiên họp ...": at that meeting (offset 0), due once the
    meeting's day is known; "tại" before anything else is a place, left out."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", "P0D", anchor, None)
    known = read(phrase, events=((anchor, date(2024, 3, 20)),))
    assert known.due == at("2024-03-21")


def test_at_a_place_is_no_event() -> None:
    assert read("nộp tại Văn phòng trước ngày 5/3/2024").due == at("2024-03-06")


@pytest.mark.parametrize(
    "phrase",
    [
        "trong thời gian sớm nhất kể từ khi nhận được thông báo",
        "kịp thời, kể từ khi phát hiện sự cố",
        "trong thoi gian som nhat ke tu khi co ket qua",
    ],
)
def test_as_soon_as_possible_after_an_event_is_no_deadline(phrase: str) -> None:
    """ASAP after an event names no length: no deadline, even once the event's day is known
    (unlike "ngay sau khi X", due at X, or "sớm nhất khi X", not before X)."""
    got = read(phrase)
    assert (got.kind, got.due) == ("none", None)


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        (
            "trong thoi han 07 ngay ke tu ngay het han nop ho so",
            "trong thời hạn 07 ngày kể từ ngày hết hạn nộp hồ sơ",
        ),
        ("khong qua 10 ngay ke tu ngay den cua khau", "không quá 10 ngày kể từ ngày đến cửa khẩu"),
        ("truoc mot ngay", "trước một ngày"),
        (
            "som nhat truoc mot tuan so voi ngay khai giang",
            "sớm nhất trước một tuần so với ngày khai giảng",
        ),
    ],
)
def test_day_and_one_typed_without_marks(plain: str, marked: str) -> None:
    """Without marks, "ngay" after "kể từ", "trước", "đến" is "ngày" (no one writes "kể từ
    ngay"), and "mot" before a unit is "một" (one), not "mốt" (the day after tomorrow)."""
    a, b = read(plain), read(marked)
    assert (a.kind, a.offset, a.due) == (b.kind, b.offset, b.due)
    assert a.kind == "relative"


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("hoàn thành 1 - 4/3/2024", "2024-03-01", "2024-03-05"),
        ("tổ chức vào 24 đến 25/5/2024", "2024-05-24", "2024-05-26"),
    ],
)
def test_a_range_of_days_after_other_words(phrase: str, start: str, due: str) -> None:
    """A number after a word is a label ("lớp 10") unless it begins a range of days."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "offset", "due"),
    [
        ("6 tháng trước ngày 15/7/2024", "-P6M", "2024-01-16"),
        ("3 tháng sau ngày 15/3/2024", "P3M", "2024-06-16"),
        ("1 năm trước ngày hết hạn", "-P1Y", None),
        ("2 tuần trước khi khai giảng", "-P2W", None),
        ("trong 2 tuần tới", "P2W", "2024-03-16"),  # "tới": ahead of the notice
    ],
)
def test_a_count_of_months_before_a_day_is_no_last_month(
    phrase: str, offset: str, due: str | None
) -> None:
    """ "6 tháng trước ngày X": six months before X ("tháng trước" alone is last month)."""
    got = read(phrase)
    assert (got.kind, got.offset) == ("relative", offset)
    assert got.due == (at(due) if due else None)


def test_a_review_of_months_before_a_day_is_that_day() -> None:
    """ "báo cáo 6 tháng trước ngày 15/7": the six-month report, due before that day."""
    assert read("báo cáo 6 tháng trước ngày 15/7/2024").due == at("2024-07-16")
    assert read("tháng trước").start == at("2024-02-01")


@pytest.mark.parametrize(
    ("phrase", "plain"),
    [
        ("Thời hạn: thường xuyên", "thường xuyên"),
        ("Thời hạn hoàn thành: từ ngày 6/8/2024", "từ ngày 6/8/2024"),
        ("Thời gian thực hiện: cùng với báo cáo tổng kết năm", "cùng với báo cáo tổng kết năm"),
        ("Hạn nộp: trong vòng 05 ngày làm việc", "trong vòng 05 ngày làm việc"),
        (
            "(chậm nhất đến ngày 13/4/2024 (40 ngày trước ngày bầu cử))",
            "chậm nhất đến ngày 13/4/2024",
        ),
        ("(ngày 24/06/2024 (một ngày duy nhất))", "ngày 24/06/2024"),
    ],
)
def test_a_heading_or_brackets_around_the_phrase_change_nothing(phrase: str, plain: str) -> None:
    """ "Thời hạn: X", "(X)": read as X (a heading copied from a table, a phrase in brackets)."""
    a, b = read(phrase), read(plain)
    assert (a.kind, a.due, a.start, a.rrule, a.offset) == (
        b.kind,
        b.due,
        b.start,
        b.rrule,
        b.offset,
    )


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước 15h 15 tháng 11 năm 2024", "2024-11-15T15:00"),
        ("14 giờ 28 tháng 9 năm 2024", "2024-09-28T14:00"),
        ("trước 9h30 ngày 5/3/2024", "2024-03-05T09:30"),
    ],
)
def test_a_day_after_a_whole_hour_is_no_minute(phrase: str, due: str) -> None:
    """ "15h 15 tháng 11": 15:00 on 15 November, not 15:15 of a month."""
    assert read(phrase).due == at(due)


def test_days_after_a_part_of_the_day_are_days() -> None:
    """ "sáng 05 và 06 tháng 12": the mornings of the 5th and 6th (a number after "sáng",
    "chiều" is never a label)."""
    assert period("sáng 05 và 06 tháng 12 năm 2024") == (at("2024-12-05"), at("2024-12-07"))


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("tối đa 01 tháng tính từ hạn chót nộp học phí", "P1M", "hạn chót nộp học phí"),
        ("trong 10 ngày kể từ hạn cuối đăng ký", "P10D", "hạn cuối đăng ký"),
        ("chậm nhất 5 ngày tính từ thời hạn nộp hồ sơ", "P5D", "thời hạn nộp hồ sơ"),
    ],
)
def test_counted_from_a_deadline_named_as_the_event(phrase: str, offset: str, anchor: str) -> None:
    """ "tính từ hạn chót X": the deadline of X is the event counted from (not "at the
    latest"), due once the notice names its day."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("niên khóa 2024-2025", "2024-09-01", "2025-06-01"),
        ("niên khoá 2024 - 2025", "2024-09-01", "2025-06-01"),
        ("học kỳ I niên khóa 2024-2025", "2024-09-01", "2025-01-16"),
    ],
)
def test_a_school_year_called_nien_khoa(phrase: str, start: str, due: str) -> None:
    """ "niên khóa" is "năm học": a school year, not two calendar years."""
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "by_day"),
    [
        ("thứ Hai đầu tháng", "1MO"),
        ("họp vào thứ Sáu cuối tháng", "-1FR"),
        ("thứ 2 đầu mỗi tháng", "1MO"),
        ("thứ Sáu cuối mỗi tháng", "-1FR"),
        ("thu hai dau thang", "1MO"),
    ],
)
def test_a_weekday_at_the_start_or_end_of_the_month(phrase: str, by_day: str) -> None:
    """ "thứ Hai đầu tháng": the first Monday of each month (not the Mondays that fall on the
    10th, as "đầu mỗi tháng" once made it)."""
    got = read(phrase)
    assert got.rrule is not None and got.rrule.endswith(f"RRULE:FREQ=MONTHLY;BYDAY={by_day}")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [("đầu tháng", "2024-03-01", "2024-03-11"), ("cuối tháng 3", "2024-03-21", "2024-04-01")],
)
def test_the_start_or_end_of_a_month_without_a_weekday(phrase: str, start: str, due: str) -> None:
    assert period(phrase) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        (
            "ngày 30/4/2024, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo",
            "2024-05-01",
        ),
        ("trước ngày 15/3/2024; nếu là ngày lễ thì vào ngày làm việc kế tiếp", "2024-03-16"),
    ],
)
def test_a_day_with_its_rule_for_days_off_is_that_day(phrase: str, due: str) -> None:
    """The next working day after a day already named is a rule for days off: the day stands
    as written (as in a duty)."""
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_before_this_quarter_ends_and_this_year_on() -> None:
    assert period("trước khi kết thúc quý này") == (at("2024-01-01"), at("2024-04-01"))
    got = read("trong năm nay và các năm tiếp theo")
    assert (got.kind, got.start) == ("none", at("2024-01-01"))


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [("trong vòng 48h kể từ khi nhận được thông báo", "PT48H"), ("trong 72h", "PT72H")],
)
def test_hours_written_h_after_a_count(phrase: str, offset: str) -> None:
    """ "48h" (more than a day has hours) is a count of hours."""
    got = read(phrase)
    assert (got.kind, got.offset) == ("relative", offset)


def test_an_hour_of_no_clock_before_a_day_is_an_error() -> None:
    assert isinstance(parse_deadline("trước 26h ngày 13/9/2024", REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trong ngày 20/3/2024, chậm nhất trước 17 giờ", "2024-03-20T17:00"),
        ("ngày 20/3/2024, trước 16h30", "2024-03-20T16:30"),
    ],
)
def test_a_clock_time_written_after_its_day(phrase: str, due: str) -> None:
    """ "ngày X, trước 17 giờ": 17:00 on X, as "trước 17 giờ ngày X"."""
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


@pytest.mark.parametrize(
    "phrase",
    [
        "khi có chỉ đạo của cấp trên",
        "tùy tình hình thực tế",
        "tùy theo điều kiện",
        "chưa xác định thời gian",
        "suốt năm học",
    ],
)
def test_more_words_that_mean_no_deadline(phrase: str) -> None:
    """On instruction, as things turn out, not fixed yet, all the school year: no deadline."""
    assert read(phrase).kind == "none"


@pytest.mark.parametrize("phrase", ["trong suốt năm học 2024-2025", "cả năm học 2024 - 2025"])
def test_all_of_a_school_year_named_is_that_year(phrase: str) -> None:
    """ "suốt / cả năm học 2024-2025": the school year, not the calendar years 2024-2025."""
    assert period(phrase) == (at("2024-09-01"), at("2025-06-01"))
