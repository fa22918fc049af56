"""Unit tests: kinds of deadline phrase read by composition (issue 12, fourth round).

Each test names a kind of form offices write, with phrases of that kind that
are not in the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.deadline import Deadline, DeadlineError, DeadlineSettings, parse_deadline
from tests.test_deadline_forms import REF, at, read


def rrule_of(got: Deadline) -> str:
    """The rule of a recurring reading (RFC 5545, with its DTSTART); a reading without one fails."""
    assert got.rrule is not None, got
    return got.rrule


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước giờ khai mạc 2 giờ", "-PT2H", "giờ khai mạc"),
        ("trước thời điểm bắt đầu kiểm phiếu 12 giờ", "-PT12H", "thời điểm bắt đầu kiểm phiếu"),
        ("sau khi kết thúc hội nghị 4 giờ", "PT4H", "kết thúc hội nghị"),
        (
            "từ khi niêm yết danh sách đến trước thời điểm bắt đầu bỏ phiếu 24 giờ",
            "-PT24H",
            "thời điểm bắt đầu bỏ phiếu",
        ),
    ],
)
def test_a_whole_hour_after_an_event_is_a_count_of_hours(
    phrase: str, offset: str, anchor: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


def test_a_clock_time_after_other_words_stays_a_clock_time() -> None:
    assert read("hạn nộp hồ sơ 17 giờ ngày 15/3/2024").due == at("2024-03-15T17:00")
    assert read("Ngày bắt đầu lấy ý kiến: 27/07/2023").kind == "none"  # an open start


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Kỷ niệm 90 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2020)", "2020-02-04T00:00"),
        (
            "nhân dịp kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2022)",
            "2022-07-28T00:00",
        ),
        ("trong dịp kỷ niệm 10 năm thành lập trường (15/10/2014 – 15/10/2024)", "2024-10-16T00:00"),
    ],
)
def test_an_anniversary_told_by_its_two_days_is_the_later_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_a_window_of_a_year_or_two_stays_a_period() -> None:
    got = read("từ 01/01/2024 đến 01/01/2025")
    assert (got.kind, got.start) == ("period", at("2024-01-01T00:00"))


def test_a_number_word_after_digits_is_the_unit() -> None:
    """ "75 năm Ngày ..." is 75 years; "năm ngày" alone is five days."""
    assert read("chậm nhất là năm ngày trước ngày khai mạc").offset == "-P5D"
    assert read("kỷ niệm 75 năm Ngày Thương binh (27/7/1947 - 27/7/2022)").kind == "date"


def test_a_hyphen_between_words_is_part_of_a_name() -> None:
    got = read("trước kỳ thi tốt nghiệp - tuyển sinh 10 ngày")
    assert (got.kind, got.offset, got.anchor) == (
        "relative",
        "-P10D",
        "kỳ thi tốt nghiệp - tuyển sinh",
    )


@pytest.mark.parametrize(
    ("phrase", "typed"),
    [
        ("các ngày Thứ 7, Chủ Nhât: 7h30 – 11h30", "các ngày Thứ 7, Chủ Nhật: 7h30 – 11h30"),
        ("hoàn thành trươc ngày 15/3/2024", "hoàn thành trước ngày 15/3/2024"),
    ],
)
def test_marks_no_syllable_has_are_read_as_missing(phrase: str, typed: str) -> None:
    """A syllable ending in p, t, c, ch takes the rising or heavy tone only: "Nhât" is a
    typing slip, and the phrase reads as if its marks were missing."""
    got, want = read(phrase), read(typed)
    assert (got.kind, got.due, got.rrule) == (want.kind, want.due, want.rrule)


@pytest.mark.parametrize(
    ("phrase", "typed"),
    [
        ("Thá ng 10 nă m họ c 2023 – 2024", "Tháng 10 năm học 2023 – 2024"),
        ("trướ c ngày 15/3/2024", "trước ngày 15/3/2024"),
        ("chậ m nhất ngày 20/3/2024", "chậm nhất ngày 20/3/2024"),
    ],
)
def test_a_space_a_pdf_put_inside_a_word_is_left_out(phrase: str, typed: str) -> None:
    got, want = read(phrase), read(typed)
    assert (got.kind, got.due, got.start) == (want.kind, want.due, want.start)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("chậm nhất 14 giờ ngày làm việc tiếp theo sau ngày 30/4/2024", "2024-05-02T14:00"),
        ("trước 10h ngày làm việc liền kề trước ngày 2/9/2024", "2024-08-30T10:00"),
    ],
)
def test_a_clock_time_of_the_working_day_after_a_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.has_time, got.business_days) == (
        "relative",
        at(due),
        True,
        True,
    )


def test_a_clock_time_of_the_working_day_after_an_event() -> None:
    got = read("chậm nhất vào 16 giờ ngày làm việc tiếp theo ngay sau ngày kết thúc đợt kiểm tra")
    assert (got.kind, got.offset, got.business_days) == ("relative", "P1D", True)
    assert got.anchor == "ngày kết thúc đợt kiểm tra"


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trong vòng 72 giờ kể từ khi nhận đơn (theo giờ làm việc hành chính)", "PT72H"),
        ("trong 30 ngày kể từ ngày nhận hồ sơ, tính theo ngày làm việc", "P30D"),
        ("trong 15 ngay ke tu ngay nhan ho so (tinh theo ngay lam viec)", "P15D"),
    ],
)
def test_a_remark_that_counts_in_working_time_makes_the_count_working(
    phrase: str, offset: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.business_days) == ("relative", offset, True)
    assert got.anchor is not None and "làm việc" not in got.anchor


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trễ nhất là vào ngày trước của buổi thi", "-P1D", "buổi thi"),
        ("ngày hôm trước kỳ họp", "-P1D", "kỳ họp"),
        ("chậm nhất vào 16 giờ ngày hôm trước kỳ họp", "-P1D", "kỳ họp"),
        ("ngày liền sau đợt kiểm tra", "P1D", "đợt kiểm tra"),
        ("chậm nhất là năm ngày trước ngày khai mạc kỳ họp", "-P5D", "ngày khai mạc kỳ họp"),
        ("3 ngày trước buổi thi", "-P3D", "buổi thi"),
    ],
)
def test_the_day_right_before_or_after_an_event(phrase: str, offset: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.business_days) == (
        "relative",
        offset,
        anchor,
        False,
    )


@pytest.mark.parametrize(
    "phrase",
    ["chậm nhất vào ngày 25 của tháng cuối kỳ báo cáo", "ngày 15 tháng đầu của kỳ báo cáo"],
)
def test_a_month_of_a_report_period_of_unstated_length_gives_no_rule(phrase: str) -> None:
    """The last month of the report period is a different month for a quarter and for a
    year: a duty, but no single rule says it."""
    got = read(phrase)
    assert (got.kind, got.rrule) == ("recurring", None)


def test_the_month_of_the_report_period_is_each_month() -> None:
    assert "FREQ=MONTHLY;BYMONTHDAY=14" in rrule_of(
        read("từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo")
    )


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("các ngày trong tuần", "FREQ=DAILY"),
        ("vào tất cả các ngày trong tuần", "FREQ=DAILY"),
        ("hằng ngày, kể cả thứ bảy, chủ nhật", "FREQ=DAILY"),
        ("tất cả các ngày trong tuần (kể cả thứ 7, chủ nhật)", "FREQ=DAILY"),
        ("các ngày làm việc, kể cả thứ bảy", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
        ("thứ 7 và cả chủ nhật hằng tuần", "FREQ=WEEKLY;BYDAY=SA,SU"),
    ],
)
def test_days_named_after_including_are_added_not_the_only_ones(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith(f"RRULE:{rule}")


def test_including_after_a_single_day_is_a_remark() -> None:
    assert read("trước ngày 15/3/2024, kể cả thứ 7").due == at("2024-03-16T00:00")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("đến 22-4-2024 hoặc 30-4-2024 tùy tình hình", "2024-04-23T00:00"),
        ("hoàn thành trước ngày 30/6 hoặc 15/7 tùy theo tiến độ", "2024-07-01T00:00"),
    ],
)
def test_a_day_that_may_replace_the_deadline_on_a_condition_is_a_remark(
    phrase: str, due: str
) -> None:
    got = read(phrase)
    assert got.due == at(due)
    assert len(got.warnings) == 1 and "hạn khác có điều kiện" in got.warnings[0]


def test_two_days_to_choose_from_without_a_condition_stay_unread() -> None:
    assert not isinstance(parse_deadline("trước ngày 30/6 hoặc 15/7", REF), Deadline)


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("ngày hôm sau", "P1D"),
        ("vào buổi chiều từ 16 giờ ngày hôm sau", "P1D"),
        ("trước 17h ngày mốt", "P2D"),
    ],
)
def test_a_day_counted_from_today_in_a_text_without_a_date(phrase: str, offset: str) -> None:
    """With no notice date, "ngày hôm sau" is the day after a day the text does not name."""
    got = read(phrase, None)
    assert (got.kind, got.offset, got.due, got.anchor) == (
        "relative",
        offset,
        None,
        "mốc không nêu",
    )


def test_a_day_counted_from_today_in_a_notice_is_a_day() -> None:
    got = read("vào buổi chiều từ 16 giờ ngày hôm sau")
    assert (got.kind, got.due) == ("date", at("2024-03-02T16:00"))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        (
            "từ 7h30 đến 11h30 và từ 13h30 đến 17h00 ngày 15/3/2024",
            "2024-03-15T07:30",
            "2024-03-15T17:00",
        ),
        (
            "ngày 15/3/2024: sáng từ 7h30 đến 11h30, chiều từ 13h30 đến 17h00",
            "2024-03-15T07:30",
            "2024-03-15T17:00",
        ),
        (
            "7h30 - 11h30 và 13h30 - 16h30 các ngày 14, 15/3/2024",
            "2024-03-14T07:30",
            "2024-03-15T16:30",
        ),
        (
            "từ 7h30 đến 11h30, từ 13h30 đến 17h00 từ ngày 4/3 đến ngày 8/3/2024",
            "2024-03-04T07:30",
            "2024-03-08T17:00",
        ),
    ],
)
def test_a_morning_and_an_afternoon_window_of_named_days(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        (
            "từ 7h30 đến 11h30 và từ 13h30 đến 17h00 các ngày làm việc trong tuần",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=17;BYMINUTE=0",
        ),
        (
            "sáng từ 7h30 đến 11h30, chiều từ 13h30 đến 16h30 các ngày làm việc",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=16;BYMINUTE=30",
        ),
        (
            "7h30 - 11h30 và 13h30 - 17h00 các ngày thứ 2, 4, 6",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=17;BYMINUTE=0",
        ),
    ],
)
def test_a_duty_open_in_two_windows_is_due_when_the_last_closes(phrase: str, rule: str) -> None:
    assert f"RRULE:{rule};" in rrule_of(read(phrase))


def test_two_windows_without_a_day_still_say_so() -> None:
    got = parse_deadline("từ 7h30 đến 11h30 và từ 13h30 đến 17h00", REF)
    assert not isinstance(got, Deadline)
    assert "chỉ có giờ, không có ngày nào" in got.message


def test_a_part_of_the_day_opening_the_next_window_is_not_the_last_clocks() -> None:
    """ "11h30, chiều từ 13h30": "chiều" is the afternoon's window, 11h30 stays a morning time."""
    got = read("ngày 15/3/2024: sáng từ 7h30 đến 11h30, chiều từ 13h30 đến 17h00")
    assert got.due == at("2024-03-15T17:00")
    assert read("2 giờ chiều ngày 15/3/2024").due == at("2024-03-15T14:00")


@pytest.mark.parametrize(
    ("phrase", "pos"),
    [
        ("chậm nhất là ngày làm việc thứ 5 của tháng", "5"),
        ("ngày làm việc thứ hai của mỗi tháng", "2"),
        ("ngay lam viec thu 3 cua thang", "3"),
    ],
)
def test_the_n_th_working_day_of_each_month(phrase: str, pos: str) -> None:
    assert rrule_of(read(phrase)).endswith(f"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("chậm nhất ngày 10 tháng đầu tiên của quý tiếp theo", "BYMONTH=1,4,7,10;BYMONTHDAY=10"),
        ("ngày 06 của tháng cuối cùng của quý", "BYMONTH=3,6,9,12;BYMONTHDAY=6"),
        ("chậm nhất vào ngày 15 tháng đầu của quý sau", "BYMONTH=1,4,7,10;BYMONTHDAY=15"),
    ],
)
def test_a_day_of_the_first_or_last_month_of_each_quarter(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith(rule)


@pytest.mark.parametrize(
    ("phrase", "due", "anchor"),
    [
        ("từ khi ban hành đến hết năm 2024", "2025-01-01T00:00", None),
        ("kể từ ngày ký, trong vòng 30 ngày", "2024-04-01T00:00", "ngày ký"),
        ("kể từ khi ban hành, trong thời hạn 15 ngày làm việc", "2024-03-23T00:00", "ban hành"),
    ],
)
def test_counted_from_the_notice_s_own_day_in_other_words(
    phrase: str, due: str, anchor: str | None
) -> None:
    got = read(phrase)
    assert got.due == at(due)
    assert got.anchor == anchor


def test_an_event_after_signing_is_not_the_notice_s_day() -> None:
    got = parse_deadline("kể từ khi ký hợp đồng", REF)
    assert not isinstance(got, Deadline) or got.start is None


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước hoặc trong ngày 15/4/2024", "2024-04-16T00:00"),
        ("trong hoặc trước ngày 15/4/2024", "2024-04-16T00:00"),
        ("vào hoặc trước 17h ngày 15/4/2024", "2024-04-15T17:00"),
    ],
)
def test_on_or_before_a_day(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


def test_on_or_before_is_never_strict() -> None:
    got = parse_deadline(
        "trước hoặc trong ngày 15/4/2024", REF, DeadlineSettings(strict_before=True)
    )
    assert isinstance(got, Deadline) and got.due == at("2024-04-16T00:00")


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trong tuần thứ 2 của học kỳ", "P2W", "đầu học kỳ"),
        ("tuần 3 năm học 2024-2025", "P3W", "đầu năm học 2024-2025"),
        ("chậm nhất hết tuần học thứ 10 của HK2", "P10W", "đầu HK2"),
        ("từ đầu học kỳ đến hết tuần thứ 4 của học kỳ I", "P4W", "đầu học kỳ I"),
        ("trong tuần đầu tiên của học kỳ phụ", "P1W", "đầu học kỳ phụ"),
        ("trước tuần thứ 5 của học kỳ", "P4W", "đầu học kỳ"),
        # a week number in words before the term: "năm" is the fifth, not "năm học"
        ("trước tuần thứ năm học kỳ II", "P4W", "đầu học kỳ II"),
        ("hết tuần thứ ba năm học 2024-2025", "P3W", "đầu năm học 2024-2025"),
    ],
)
def test_a_school_week_counts_weeks_from_the_start_of_its_term(
    phrase: str, offset: str, anchor: str
) -> None:
    """Not a week of the calendar year: the term's first week is the school's, an event."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", offset, anchor, None)


def test_a_school_week_with_its_days_is_read_by_its_days() -> None:
    got = read("Tuần 5 (từ 01/10 đến 06/10/2024)")
    assert (got.start, got.due) == (at("2024-10-01T00:00"), at("2024-10-07T00:00"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("mỗi sáng thứ 2", "FREQ=WEEKLY;BYDAY=MO"),
        ("vào mỗi thứ Sáu", "FREQ=WEEKLY;BYDAY=FR"),
        ("mỗi thứ 3 và thứ 5", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("ngày 15 và ngày cuối tháng", "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
        ("ngày 15 và ngày cuối cùng của tháng", "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
    ],
)
def test_every_weekday_and_a_day_with_the_last_of_the_month(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith(f"RRULE:{rule}")


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trong vòng nửa tháng", "P15D"),
        ("trong nửa năm", "P6M"),
        ("sau nửa tháng kể từ ngày khai giảng", "P15D"),
        ("trong vòng nửa giờ", "PT30M"),
    ],
)
def test_half_a_unit_is_a_count(phrase: str, offset: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset) == ("relative", offset)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("hai tháng đầu năm 2024", "2024-03-01T00:00"),
        ("năm tháng đầu năm 2024", "2024-06-01T00:00"),
    ],
)
def test_a_count_of_months_in_words_at_the_start_of_a_year(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at("2024-01-01T00:00"), at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("15 tháng 3, 2024", "2024-03-16T00:00"),
        ("ngày 15/3 năm 2024", "2024-03-16T00:00"),
        ("dịp Tết Dương lịch 2025", "2025-01-02T00:00"),
        ("trước Tết Dương lịch", "2025-01-01T00:00"),  # before the holiday begins, as "trước Tết"
    ],
)
def test_a_year_after_its_day_and_new_year_s_day(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


@pytest.mark.parametrize(
    "phrase",
    [
        "khi có phát sinh",
        "lâu dài",
        "theo thời gian quy định",
        "theo đúng lịch",
        "chưa có lịch",
        "trong thời gian sắp tới",
        "trong những ngày tới",
        "trong các năm tiếp theo",
        "trong suốt quá trình thực hiện",
    ],
)
def test_more_words_that_set_no_deadline(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("none", None)


def test_no_deadline_words_give_way_to_a_count() -> None:
    got = read("trong vòng 24 giờ kể từ khi có sự cố")
    assert (got.kind, got.offset) == ("relative", "PT24H")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("báo cáo tháng 3 trước ngày 5/4/2024", "2024-04-06T00:00"),
        ("báo cáo quý I trước ngày 10/4/2024", "2024-04-11T00:00"),
        ("tổng kết năm học 2023-2024 trước ngày 31/5/2024", "2024-06-01T00:00"),
        ("báo cáo sơ kết học kỳ I trước ngày 15/01/2024", "2024-01-16T00:00"),
        ("báo cáo 6 tháng đầu năm trước ngày 15/6/2024", "2024-06-16T00:00"),
    ],
)
def test_a_document_named_by_its_period_then_its_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_a_report_with_only_a_period_is_due_when_it_ends() -> None:
    got = read("báo cáo trong quý I")
    assert (got.kind, got.due) == ("period", at("2024-04-01T00:00"))


def test_right_on_the_day_of_an_event_is_at_the_event() -> None:
    got = read("ngay trong ngày tổ chức")
    assert (got.kind, got.offset, got.anchor) == ("relative", "P0D", "ngày tổ chức")
    assert read("ngay trong ngày").kind == "none"


def test_weekdays_with_their_days_in_brackets_are_those_days() -> None:
    got = read("vào các ngày thứ 7, chủ nhật (23, 24/3/2024)")
    assert (got.kind, got.start, got.due) == (
        "period",
        at("2024-03-23T00:00"),
        at("2024-03-25T00:00"),
    )
    assert read("các ngày thứ 7 và chủ nhật").kind == "recurring"


def test_before_the_end_of_a_named_school_year_is_its_end() -> None:
    got = read("trước khi kết thúc năm học 2023-2024")
    assert (got.kind, got.due) == ("period", at("2024-06-01T00:00"))


def test_a_night_window_of_each_day_is_due_when_it_closes_next_morning() -> None:
    assert rrule_of(read("từ 19 giờ đến 6 giờ sáng hôm sau hằng ngày")).endswith(
        "FREQ=DAILY;BYHOUR=6;BYMINUTE=0;BYSECOND=0"
    )


@pytest.mark.parametrize("phrase", ["trong giờ hành chính", "ngoài giờ hành chính"])
def test_office_hours_alone_set_no_deadline(phrase: str) -> None:
    assert read(phrase).kind == "none"


def test_office_hours_give_way_to_days() -> None:
    got = read("từ ngày 4/3 đến 8/3/2024 (trong giờ hành chính)")
    assert (got.kind, got.due) == ("period", at("2024-03-09T00:00"))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("cuối tuần này", "2024-03-02T00:00", "2024-03-04T00:00"),  # REF is a Friday
        ("vào cuối tuần", "2024-03-02T00:00", "2024-03-04T00:00"),
        ("đầu tuần sau", "2024-03-04T00:00", "2024-03-06T00:00"),
        ("giữa tuần sau", "2024-03-06T00:00", "2024-03-08T00:00"),
    ],
)
def test_a_part_of_a_week(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_weekday_at_the_end_of_the_week_is_that_weekday() -> None:
    assert read("thứ 6 cuối tuần").due == at("2024-03-02T00:00")


def test_the_days_at_the_end_of_each_week() -> None:
    assert "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=11" in rrule_of(read("từ 8h đến 11h các ngày cuối tuần"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("hằng ngày (trừ thứ 7, chủ nhật)", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("hằng ngày trừ thứ Bảy và Chủ nhật", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("các ngày trong tuần, trừ chủ nhật", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"),
        ("các ngày làm việc trừ thứ 6", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"),
    ],
)
def test_weekdays_after_except_are_left_out_of_the_duty(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith(f"RRULE:{rule}")


def test_except_after_a_count_names_no_day() -> None:
    got = read("72 giờ (trừ thứ Bảy, Chủ nhật)")
    assert (got.kind, got.offset) == ("relative", "PT72H")


def test_a_count_of_sessions_per_week_and_every_morning_of_a_weekday() -> None:
    got = read("một tuần hai buổi")
    assert (got.kind, got.rrule) == ("recurring", None)  # several a week: no single rule
    every = read("các buổi sáng thứ 7")
    assert every.rrule is not None and every.rrule.endswith("RRULE:FREQ=WEEKLY;BYDAY=SA")


@pytest.mark.parametrize(
    "phrase", ["thứ 8 hàng tuần", "vào thứ Tám", "trước thứ 9 tuần sau", "thứ 0 hằng tuần"]
)
def test_a_weekday_no_week_has_is_unread_not_left_out(phrase: str) -> None:
    """Thứ 2 is Monday and thứ 7 Saturday: "thứ 8" names no day. It was left out, and the
    phrase read as its other words ("hàng tuần": every week on the notice's weekday)."""
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError), got
    assert "không hiểu phần" in got.message and "thứ" in got.message


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [("trước Đại hội lần thứ 8", "relative"), ("thứ 7 hàng tuần", "recurring")],
)
def test_an_ordinal_thu_8_and_the_real_weekdays_still_read(phrase: str, kind: str) -> None:
    assert read(phrase).kind == kind


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("ngày 9 và 10/2 âm lịch hằng năm", "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=9,10"),
        (
            "mùng 3, mùng 4 tháng Giêng hàng năm",
            "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=3,4",
        ),
        ("ngày 5, 12 và 19/11 hằng năm", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=5,12,19"),
    ],
)
def test_days_of_a_duty_before_a_date_take_its_month(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith("RRULE:" + rule)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("tháng 10 - 11/2025", "2025-10-01", "2025-12-01"),
        ("trong tháng 3 – 5 năm 2025", "2025-03-01", "2025-06-01"),
        ("từ tháng 6-7/2024", "2024-06-01", "2024-08-01"),
        ("từ tháng 6, 7, 8/2024", "2024-06-01", "2024-09-01"),
    ],
)
def test_a_range_or_list_of_months_shares_the_year_written_last(
    phrase: str, start: str, due: str
) -> None:
    """ "từ" before months written as a range or a list names those months, not an open start."""
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_range_of_months_across_the_new_year_is_not_guessed() -> None:
    assert isinstance(parse_deadline("tháng 11 - 2/2025", REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("từ 8h ngày 10/3/2024 đến khi có thông báo mới", "2024-03-10T08:00"),
        ("từ 14 giờ ngày 5/4/2024 cho đến khi có quyết định khác", "2024-04-05T14:00"),
        ("từ ngày 2/5/2024 đến khi sửa chữa xong tuyến đường", "2024-05-02T00:00"),
        ("từ 6 giờ 30 ngày 1/4/2024 tới khi hết dịch", "2024-04-01T06:30"),
    ],
)
def test_a_start_until_an_event_with_no_day_is_an_open_start(phrase: str, start: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.start) == ("none", None, at(start))


def test_a_start_with_its_clock_time_alone_is_still_an_appointment() -> None:
    got = read("từ 8h ngày 10/3/2024")
    assert (got.kind, got.due) == ("date", at("2024-03-10T08:00"))


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("trước giờ khởi hành ít nhất 12 giờ", "-PT12H"),
        ("trước thời điểm cắt nước tối thiểu 24 giờ", "-PT24H"),
        ("trong tối đa 8 giờ kể từ khi nhận tin báo", "PT8H"),
    ],
)
def test_a_whole_hour_after_at_least_or_at_most_is_a_count(phrase: str, offset: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset) == ("relative", offset)


def test_a_whole_hour_after_earliest_stays_a_time() -> None:
    got = read("sớm nhất 8 giờ ngày 5/3/2024")
    assert got.start == at("2024-03-05T08:00")


@pytest.mark.parametrize(
    "phrase", ["trước 15 ngày hết hạn hợp đồng", "trước 60 ngày giấy phép hết hiệu lực"]
)
def test_a_count_after_before_and_before_an_event_is_before_it(phrase: str) -> None:
    """The link between the count and the event ("hết") says no side: "trước" does."""
    got = read(phrase)
    assert got.kind == "relative" and got.offset is not None and got.offset.startswith("-P")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("từ thứ Hai đến Chủ nhật", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU"),
        ("thứ 3 đến thứ 5", "FREQ=WEEKLY;BYDAY=TU,WE,TH"),
        ("vào thứ Tư", "FREQ=WEEKLY;BYDAY=WE"),
        ("làm việc cả bảy ngày trong tuần", "FREQ=DAILY"),
    ],
)
def test_weekdays_of_no_named_week_in_a_text_without_a_date_are_every_week(
    phrase: str, rule: str
) -> None:
    got = read(phrase, None)
    assert got.kind == "recurring", got
    assert rrule_of(got).endswith("RRULE:" + rule)


def test_weekdays_of_no_named_week_in_a_notice_are_that_week() -> None:
    assert read("từ thứ 3 đến thứ 5").kind == "period"
    assert isinstance(parse_deadline("thứ 6 tuần sau", None), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("tháng kiểm tra một lần", "FREQ=MONTHLY"),
        ("2 năm tổ chức hội thao một lần", "FREQ=YEARLY;INTERVAL=2"),
        ("quý sơ kết 1 lần", "FREQ=MONTHLY;INTERVAL=3"),
    ],
)
def test_a_unit_then_what_is_done_then_once(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith("RRULE:" + rule)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("từ 8 - 11 giờ ngày 12/3/2024", "2024-03-12T08:00", "2024-03-12T11:00"),
        ("14-16h ngày 12/3/2024", "2024-03-12T14:00", "2024-03-12T16:00"),
    ],
)
def test_a_number_before_a_dash_and_a_clock_time_opens_the_window(
    phrase: str, start: str, due: str
) -> None:
    """ "8 - 11 giờ" had read as 8 November."""
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_window_of_hours_each_day() -> None:
    assert rrule_of(read("9-11h và 14-17h hằng ngày")).endswith(
        "FREQ=DAILY;BYHOUR=17;BYMINUTE=0;BYSECOND=0"
    )


def test_a_duty_from_a_day_of_the_month_opens_on_that_day_each_month() -> None:
    assert rrule_of(read("từ ngày 10 hằng tháng")).endswith("RRULE:FREQ=MONTHLY;BYMONTHDAY=10")


def test_round_the_clock_is_every_day_and_24_7_stays_a_day() -> None:
    assert rrule_of(read("trực 24/24 giờ, kể cả thứ Bảy và Chủ nhật")).endswith("RRULE:FREQ=DAILY")
    assert read("trước 24/7").kind == "date"


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("thứ 3 đến thứ 6 hằng tuần", "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR"),
        ("thứ 2 - thứ 7 hàng tuần, từ 8h đến 17h", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA;BYHOUR=17"),
        ("từ 8h đến 11h thứ 2 đến thứ 5 hằng tuần", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;BYHOUR=11"),
        ("quý một lần", "FREQ=MONTHLY;INTERVAL=3"),
    ],
)
def test_a_range_of_weekdays_in_a_duty_is_every_day_between(phrase: str, rule: str) -> None:
    """ "thứ 3 đến thứ 6" without "từ" had read as Tuesday and Friday only."""
    assert ("RRULE:" + rule) in rrule_of(read(phrase))


def test_a_range_of_hours_after_within_is_a_count() -> None:
    got = read("trong vòng 2 - 4 giờ kể từ khi nhận tin báo")
    assert (got.kind, got.offset) == ("relative", "PT4H")


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [("tại thời điểm bàn giao", "bàn giao"), ("cùng thời điểm nộp báo cáo", "nộp báo cáo")],
)
def test_at_the_moment_of_an_event(phrase: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", "P0D", anchor)


@pytest.mark.parametrize(
    ("phrase", "start", "rule"),
    [
        ("vào quý III hằng năm", "2024-07-01", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=-1"),
        ("6 tháng cuối năm hằng năm", "2024-07-01", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    ],
)
def test_several_months_in_a_yearly_duty_are_a_window_due_when_it_ends(
    phrase: str, start: str, rule: str
) -> None:
    got = read(phrase)
    assert got.start == at(start + "T00:00")
    assert rrule_of(got).endswith("RRULE:" + rule)


@pytest.mark.parametrize(
    "phrase", ["trước ngày 20 các tháng 1, 4, 7 và 10", "ngày 20 của các tháng 1, 4, 7, 10"]
)
def test_a_day_of_a_list_of_months_is_that_day_of_each_every_year(phrase: str) -> None:
    assert rrule_of(read(phrase)).endswith("BYMONTH=1,4,7,10;BYMONTHDAY=20")


def test_a_list_of_months_with_and_is_still_one_period() -> None:
    got = read("trong tháng 6, 7 và 8/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-06-01"), at("2024-09-01"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("cuối mỗi quý", "BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
        ("vào đầu hằng quý", "BYMONTH=1,4,7,10;BYMONTHDAY=-1"),
        ("cuối hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"),
    ],
)
def test_a_part_of_each_quarter_or_year_is_its_month(phrase: str, rule: str) -> None:
    """As "cuối quý II/2024" is June: the last month of each quarter, due when it ends."""
    assert rrule_of(read(phrase)).endswith(rule)


def test_a_part_of_each_school_year_still_has_no_rule() -> None:
    assert read("cuối mỗi năm học").rrule is None


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước 15 ngày tổ chức đại hội", "-P15D", "tổ chức đại hội"),
        ("sau 3 ngày nhận được đơn", "P3D", "nhận được đơn"),
        ("trước 2 ngày làm việc diễn ra hội nghị", "-P2D", "diễn ra hội nghị"),
    ],
)
def test_an_event_right_after_a_count_keeps_its_name(phrase: str, offset: str, anchor: str) -> None:
    """No link word between the count and the event: the event is still what it counts from."""
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


@pytest.mark.parametrize(
    "phrase", ["ngày 20 tháng 1, 4, 7, 10 hằng năm", "chậm nhất ngày 20 tháng 1, 4, 7 và 10"]
)
def test_a_day_of_months_written_as_a_list_is_that_day_of_each(phrase: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring"
    assert rrule_of(got).endswith("BYMONTH=1,4,7,10;BYMONTHDAY=20")


def test_a_day_of_one_month_then_another_day_stays_two_days() -> None:
    got = read("ngày 10 tháng 3, 15 tháng 4")
    assert (got.kind, got.due) == ("period", at("2024-04-16"))
    assert read("ngày 10 tháng 3, 2024").due == at("2024-03-11")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("mùng 3 Tết âm lịch", "2024-02-13T00:00"),
        ("mồng 6 Tết cổ truyền", "2024-02-16T00:00"),
        ("trước Tết âm lịch", "2024-02-10T00:00"),
        ("mung 4 tet am lich", "2024-02-14T00:00"),
    ],
)
def test_tet_named_as_lunar_or_traditional_is_the_lunar_new_year(phrase: str, due: str) -> None:
    assert read(phrase, date(2024, 1, 15)).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "ref", "start", "due"),
    [
        ("từ ngày 5 đến ngày 12", date(2024, 3, 1), "2024-03-05", "2024-03-13"),
        ("từ ngày 5 đến hết ngày 12", date(2024, 3, 20), "2024-04-05", "2024-04-13"),
        ("từ ngày 28 đến ngày 30", date(2024, 12, 29), "2024-12-28", "2024-12-31"),
        ("từ ngày 3 đến ngày 7", date(2024, 12, 29), "2025-01-03", "2025-01-08"),
    ],
)
def test_days_with_no_month_take_the_notice_month_or_the_next(
    phrase: str, ref: date, start: str, due: str
) -> None:
    got = read(phrase, ref)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_day_with_no_month_is_in_the_notice_month_until_it_has_passed() -> None:
    assert read("trước ngày 20", date(2024, 3, 1)).due == at("2024-03-21")
    assert read("chậm nhất ngày 20", date(2024, 3, 22)).due == at("2024-04-21")
    # a text without a date has no month to give
    assert isinstance(parse_deadline("trước ngày 20", None), DeadlineError)


def test_ngay_before_mung_names_the_same_day() -> None:
    got = read("từ ngày mồng 3 đến ngày mùng 9", date(2024, 3, 1))
    assert (got.start, got.due) == (at("2024-03-03"), at("2024-03-10"))
    assert read("bắt đầu từ ngày mùng 4", date(2024, 3, 1)).start == at("2024-03-04")
    assert read("ngày mùng 8 tháng 3 năm 2024").due == at("2024-03-09")
    assert rrule_of(read("ngày mùng 5 hằng tháng")).endswith("FREQ=MONTHLY;BYMONTHDAY=5")


def test_an_ordinal_day_of_a_month_is_that_day() -> None:
    assert read("chậm nhất ngày thứ 10 của tháng tiếp theo").due == at("2024-04-11")
    assert rrule_of(read("ngày thứ 25 hằng tháng")).endswith("FREQ=MONTHLY;BYMONTHDAY=25")
    got = read("ngày thứ 10 của tháng sau", None)  # a text without a date: every month
    assert rrule_of(got).endswith("FREQ=MONTHLY;BYMONTHDAY=10")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("ngày 20 tháng 4, 7 và 10/2024", "2024-04-20", "2024-10-21"),
        ("ngày 20 tháng 4, 7, 10 năm 2024", "2024-04-20", "2024-10-21"),
        ("ngày 20 các tháng 4, 7, 10 năm 2024", "2024-04-20", "2024-10-21"),
    ],
)
def test_a_day_of_a_list_of_months_with_a_year_is_those_days(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("đêm 30/4, rạng sáng 1/5/2024", "2024-04-30", "2024-05-02"),
        ("vào đêm 9 rạng ngày 10/3", "2024-03-09", "2024-03-11"),
        ("đêm mùng 2, rạng sáng mùng 3 Tết", "2024-02-11", "2024-02-13"),
    ],
)
def test_a_night_into_the_dawn_of_the_next_day_is_both_days(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase, date(2024, 3, 1))
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_the_arrow_of_a_symbol_font_between_two_days_is_a_range() -> None:
    got = read("15/04/2024 à 30/06/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-04-15"), at("2024-07-01"))


def test_words_after_a_comma_that_follows_a_count_are_another_clause() -> None:
    got = read("sau 10 ngày, nếu không có ý kiến thì coi như đồng ý")
    assert (got.kind, got.due, got.anchor) == ("relative", at("2024-03-12"), "ngày ban hành")


@pytest.mark.parametrize(
    "phrase",
    [
        "phải báo cáo lập tức",
        "xử lý trong thời gian nhanh nhất",
        "gửi bằng phương thức nhanh nhất",
        "tổ chức lại vào thời gian phù hợp",
        "sẽ thông báo vào thời điểm phù hợp",
        "công bố lịch khi có thông tin chính thức",
    ],
)
def test_at_once_and_at_a_fitting_time_are_no_deadline(phrase: str) -> None:
    assert read(phrase).kind == "none"


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thứ Hai đầu tiên của tháng 9", "2024-09-03"),
        ("vào thứ Năm đầu tiên trong tháng 4/2025", "2025-04-04"),
        ("thứ Sáu cuối cùng của tháng 5", "2024-06-01"),
        ("thứ 4 tuần thứ hai của tháng 10 năm sau", "2025-10-09"),
        ("thứ Ba đầu tháng 4", "2024-04-03"),
        ("họp vào thứ Năm cuối tháng 6/2024", "2024-06-28"),
    ],
)
def test_an_nth_weekday_of_a_named_month_is_that_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_a_weekday_of_a_numbered_week_is_still_of_that_iso_week() -> None:
    assert read("thứ 6 tuần 12").due == at("2024-03-23")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Thứ Tư - 13/3", "2024-03-14"),
        ("sáng thứ Năm – 21/3/2024", "2024-03-22"),
    ],
)
def test_a_weekday_a_dash_and_its_day_is_that_day(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


def test_a_weekday_a_dash_and_a_day_after_from_stays_a_range() -> None:
    got = read("từ thứ Hai - 15/3/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-03-04"), at("2024-03-16"))


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("vào thứ 03 hằng tuần", "FREQ=WEEKLY;BYDAY=TU"),
        ("mỗi thứ 06, thứ 07", "FREQ=WEEKLY;BYDAY=FR,SA"),
    ],
)
def test_a_weekday_typed_with_a_leading_zero(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith(rule)


def test_an_ordinal_typed_with_a_leading_zero_stays_an_ordinal() -> None:
    got = read("trước kỳ họp thứ 05")
    assert (got.kind, got.anchor) == ("relative", "kỳ họp thứ 05")


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        (
            "trong vòng 90 ngày kể từ ngày kết thúc năm tài chính",
            "P90D",
            "ngày kết thúc năm tài chính",
        ),
        (
            "chậm nhất 30 ngày kể từ ngày kết thúc quý II năm tài chính",
            "P30D",
            "ngày kết thúc quý II năm tài chính",
        ),
    ],
)
def test_a_count_from_the_end_of_a_period_named_in_words_is_from_that_event(
    phrase: str, offset: str, anchor: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", offset, anchor, None)


def test_a_count_from_the_end_on_a_written_day_is_from_that_day() -> None:
    got = read("15 ngày kể từ ngày kết thúc 20/3/2024")
    assert (got.kind, got.due) == ("relative", at("2024-04-05"))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("30 ngày kể từ ngày ký 10/3/2024", "2024-04-10"),
        ("trong vòng 10 ngày kể từ ngày ban hành 05/3/2024", "2024-03-16"),
    ],
)
def test_a_count_from_the_notices_day_written_with_its_date_is_from_that_date(
    phrase: str, due: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("relative", at(due))


@pytest.mark.parametrize("phrase", ["5 năm 2 lần", "03 năm 02 lần", "hai năm ba lần"])
def test_several_times_in_a_count_of_units_is_a_duty_without_a_rule(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.rrule) == ("recurring", None)


def test_once_in_a_count_of_units_is_every_that_many() -> None:
    assert rrule_of(read("3 năm 1 lần")).endswith("FREQ=YEARLY;INTERVAL=3")


@pytest.mark.parametrize(
    ("phrase", "offset"),
    [("báo trước 48 giờ", "-PT48H"), ("phải thông báo trước 12 giờ", "-PT12H")],
)
def test_a_whole_hour_after_giving_notice_ahead_is_a_count(phrase: str, offset: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.due) == ("relative", offset, None)


def test_a_clock_time_after_giving_notice_with_its_day_stays_a_time() -> None:
    got = read("thông báo trước 16 giờ ngày 6/3/2024")
    assert (got.kind, got.due) == ("date", at("2024-03-06T16:00"))


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trước khi tổng kết năm học 2024-2025", "P0D", "tổng kết năm học 2024-2025"),
        (
            "sau khi sơ kết 6 tháng đầu năm 2025, chậm nhất 7 ngày",
            "P7D",
            "sơ kết 6 tháng đầu năm 2025",
        ),
        ("trước khi bế giảng học kỳ II", "P0D", "bế giảng học kỳ II"),
    ],
)
def test_a_period_in_a_clause_after_before_when_names_the_event(
    phrase: str, offset: str, anchor: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


def test_the_end_of_a_period_after_before_when_is_still_its_end() -> None:
    got = read("trước khi kết thúc năm học 2023-2024")
    assert (got.kind, got.due) == ("period", at("2024-06-01"))


@pytest.mark.parametrize(
    "phrase",
    [
        "trước 17h",
        "14h00",
        "lúc 16 giờ",
        "12 giờ trưa",
        "Buổi sáng, 7 giờ 45 phút",
        "hạn nộp 17 giờ",
    ],
)
def test_a_clock_time_that_names_no_day_is_an_error_that_asks_for_it(phrase: str) -> None:
    # as a clock window with no day: the day stands in a heading or the sentence around, not
    # in the phrase, and reading the notice's day would put a guessed due in the reports
    got = parse_deadline(phrase, date(2024, 3, 1))
    assert isinstance(got, DeadlineError), got
    assert "chỉ có giờ, không có ngày nào" in got.message
    assert "ghim ngày bằng due:" in got.message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước 5 giờ chiều nay", "2024-03-01T17:00"),  # "nay": the notice's day
        ("9h sáng mai", "2024-03-02T09:00"),
        ("từ 14h ngày 5/3/2024 đến 17h", "2024-03-05T17:00"),  # the day of the other side
        ("lúc 16 giờ thứ Sáu", "2024-03-01T16:00"),
    ],
)
def test_a_clock_time_with_its_day_in_the_phrase_is_read(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("xong trong 4/2024", "2024-04-01", "2024-05-01"),
        ("Tuần lễ hưởng ứng (11/2024)", "2024-11-01", "2024-12-01"),
        ("từ 9/2024 đến 10/2024", "2024-09-01", "2024-11-01"),
    ],
)
def test_a_month_and_its_year_without_thang_is_that_month(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize("phrase", ["ngày 4/2024", "số 4/2024"])
def test_a_number_over_a_year_after_ngay_or_so_is_no_month(phrase: str) -> None:
    # "ngày 4/2024" lacks its month (or its day): not guessed; "số 4/2024" numbers a document
    assert isinstance(parse_deadline(phrase, REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("chậm nhất là ngày thứ 30 kể từ ngày nhận đủ hồ sơ", "P30D", "ngày nhận đủ hồ sơ"),
        ("vào ngày thứ 10 tính từ ngày khai giảng", "P10D", "ngày khai giảng"),
    ],
)
def test_an_ordinal_day_counted_from_an_event_is_that_many_days_after_it(
    phrase: str, offset: str, anchor: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)


def test_an_ordinal_day_counted_from_a_day_is_due_that_many_days_after_it() -> None:
    assert read("ngày thứ 5 kể từ ngày 4/3/2024").due == at("2024-03-10T00:00")


@pytest.mark.parametrize(
    "phrase",
    ["trước ngày thi đấu của vòng đấu thứ 4", "trước khi diễn ra lượt đấu thứ 2"],
)
def test_thu_n_after_a_round_of_a_contest_is_an_ordinal(phrase: str) -> None:
    got = read(phrase)  # "vòng đấu thứ 4": the fourth round, not Wednesday
    assert got.kind == "relative"
    assert got.anchor is not None and "thứ" in got.anchor


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("trước khi bắt đầu hội nghị", "bắt đầu hội nghị"),
        ("ngay trước khi bắt đầu buổi kiểm tra", "bắt đầu buổi kiểm tra"),
    ],
)
def test_bat_dau_right_after_truoc_khi_begins_the_event(phrase: str, anchor: str) -> None:
    got = read(phrase)  # not "từ": nothing starts from there
    assert (got.kind, got.offset, got.anchor) == ("relative", "P0D", anchor)


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("ngay khi kết thúc đợt kiểm tra", "kết thúc đợt kiểm tra"),
        ("Ngay khi phát hiện vi phạm", "phát hiện vi phạm"),
    ],
)
def test_ngay_khi_an_event_is_at_that_event(phrase: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", "P0D", anchor)


@pytest.mark.parametrize("phrase", ["ngay khi có yêu cầu", "ngay khi cần thiết"])
def test_ngay_khi_asked_or_needed_is_no_deadline(phrase: str) -> None:
    assert read(phrase).kind == "none"


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("áp dụng từ 0 giờ ngày 01/4/2024", "2024-04-01T00:00"),
        ("bắt đầu từ 00h00 ngày 20/3/2024", "2024-03-20T00:00"),
    ],
)
def test_from_midnight_of_a_day_is_an_open_start_as_from_the_day(phrase: str, start: str) -> None:
    got = read(phrase)  # nobody meets at midnight: the day opens, no appointment
    assert (got.kind, got.due, got.start) == ("none", None, at(start))


def test_from_midnight_to_a_day_is_still_the_period() -> None:
    got = read("từ 0 giờ ngày 1/4/2024 đến 17 giờ ngày 5/4/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-04-01"), at("2024-04-05T17:00"))


def test_before_midnight_of_a_day_is_not_its_start_read_as_a_day() -> None:
    assert read("trước 0 giờ ngày 5/4/2024").due == at("2024-04-05T00:00")


# ---------------------------------------------------------------- the eighth work (issue12j)


@pytest.mark.parametrize(
    ("phrase", "days", "close"),
    [
        ("Thứ 2 - Thứ 5: Từ 8h00 - 17h30", "MO,TU,WE,TH", "BYHOUR=17;BYMINUTE=30"),
        ("Từ thứ Ba đến thứ Bảy: 6h30 – 21h00", "TU,WE,TH,FR,SA", "BYHOUR=21;BYMINUTE=0"),
        ("thu hai den thu sau: 7h - 16h", "MO,TU,WE,TH,FR", "BYHOUR=16;BYMINUTE=0"),
        ("từ thứ 2 đến thứ 6 - Mở cửa từ 8 giờ đến 18 giờ", "MO,TU,WE,TH,FR", "BYHOUR=18"),
        ("từ 6h đến 22h, thứ Hai - Chủ nhật", "MO,TU,WE,TH,FR,SA,SU", "BYHOUR=22"),
    ],
)
@pytest.mark.parametrize("ref", [REF, None])
def test_a_range_of_weekdays_with_a_clock_window_is_weekly_hours(
    phrase: str, days: str, close: str, ref: date | None
) -> None:
    got = read(phrase, ref)  # opening hours: every week, due when the window closes
    assert got.kind == "recurring"
    assert f"FREQ=WEEKLY;BYDAY={days};{close}" in rrule_of(got)


@pytest.mark.parametrize(
    ("phrase", "day", "close"),
    [
        ("Thứ 7: Từ 8h00 - 11h00", "SA", "BYHOUR=11;BYMINUTE=0"),
        ("Chủ nhật từ 14 giờ đến 16 giờ 30", "SU", "BYHOUR=16;BYMINUTE=30"),
    ],
)
def test_one_weekday_with_a_clock_window_in_a_text_without_a_date_is_weekly(
    phrase: str, day: str, close: str
) -> None:
    assert f"FREQ=WEEKLY;BYDAY={day};{close}" in rrule_of(read(phrase, None))


def test_one_weekday_with_a_clock_window_in_a_notice_is_that_day() -> None:
    got = read("Thứ 7: Từ 8h00 - 11h00")  # the notice's next Saturday, as "thứ 7" alone
    assert (got.kind, got.start, got.due) == (
        "period",
        at("2024-03-02T08:00"),
        at("2024-03-02T11:00"),
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "16h30 cùng ngày",
        "trước 17 giờ ngày hôm đó",
        "chậm nhất 20h00 trong cùng ngày",
        "từ 8h đến 17h cùng ngày",
        "18 gio cung ngay",
    ],
)
@pytest.mark.parametrize("ref", [REF, None])
def test_a_clock_time_of_the_same_day_counts_from_the_day_named_before(
    phrase: str, ref: date | None
) -> None:
    got = read(phrase, ref)  # the day is in the text around the phrase, not in it
    assert (got.kind, got.offset, got.due) == ("relative", "P0D", None)
    assert got.anchor == "ngày đã nêu trước đó"


def test_cung_ngay_before_a_day_is_that_day() -> None:
    assert read("cùng ngày 15/3/2024").due == at("2024-03-16")


@pytest.mark.parametrize(
    "phrase",
    [
        "trong thời gian ngắn nhất",
        "trong thoi gian ngan nhat",
        "đúng kế hoạch",
        "hoàn thành đúng lộ trình",
        "khi có điều kiện",
        "khi tình hình cho phép",
        "sớm nhất khi điều kiện cho phép",
        "chậm nhất khi có yêu cầu",
    ],
)
def test_the_shortest_time_a_plan_kept_or_a_condition_is_no_deadline(phrase: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("none", None)


def test_som_nhat_khi_an_event_is_still_after_the_event() -> None:
    got = read("sớm nhất khi có công văn hướng dẫn")
    assert (got.kind, got.anchor) == ("relative", "khi có công văn hướng dẫn")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Tuần 2: Chiều 12/3/2024", "2024-03-13T00:00"),
        ("TUẦN 11 (NGÀY 14/3/2024)", "2024-03-15T00:00"),
        ("Tuần 5:Sáng thứ Tư 20/3/2024", "2024-03-21T00:00"),
        ("tuan 3: 14h ngay 18/3/2024", "2024-03-18T14:00"),
    ],
)
def test_a_week_label_before_one_day_is_that_day(phrase: str, due: str) -> None:
    got = read(phrase)  # a schedule's line: the day written wins over the label
    assert (got.kind, got.due) == ("date", at(due))


def test_a_week_label_before_a_range_is_the_range() -> None:
    got = read("TUẦN 12 (TỪ 18/3/2024 ĐẾN 23/3/2024)")
    assert (got.kind, got.start, got.due) == ("period", at("2024-03-18"), at("2024-03-24"))


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("cuối tháng 6, đầu tháng 7 năm 2025", "2025-06-21", "2025-07-11"),
        ("giữa tháng 9 và cuối tháng 10/2025", "2025-09-11", "2025-11-01"),
        ("cuoi thang 11, dau thang 12/2025", "2025-11-21", "2025-12-11"),
        ("quý III, đầu quý IV/2025", "2025-07-01", "2025-11-01"),
        ("tuần cuối tháng 8 và tuần đầu tháng 9/2025", "2025-08-25", "2025-09-08"),
    ],
)
def test_parts_of_months_in_a_list_share_the_year_written_last(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase)  # the notice's year (2024) is not theirs
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "ref", "start", "due"),
    [
        # the lunar year Giáp Thìn (2024) opens on 10/02/2024; its 3rd month is 9/4 - 7/5/2024
        ("tháng 3 âm lịch", date(2024, 3, 1), "2024-04-09", "2024-05-08"),
        ("trong tháng 3 Âm lịch năm 2024", date(2023, 6, 1), "2024-04-09", "2024-05-08"),
        ("từ tháng 1 đến tháng 3 âm lịch", date(2024, 1, 20), "2024-02-10", "2024-05-08"),
        ("tu thang 2 den thang 3 am lich", date(2024, 1, 20), "2024-03-10", "2024-05-08"),
        # the notice's lunar year is still Quý Mão, whose 1st month was long past: the next
        ("tháng Giêng", date(2024, 1, 20), "2024-02-10", "2024-03-10"),
    ],
)
def test_a_month_of_the_lunar_calendar_is_read_as_a_period(
    phrase: str, ref: date, start: str, due: str
) -> None:
    got = read(phrase, ref)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_lunar_month_with_a_solar_year_before_am_lich_is_not_guessed() -> None:
    assert isinstance(parse_deadline("tháng 3/2024 âm lịch", REF), DeadlineError)


def test_a_range_of_lunar_months_is_read_in_one_lunar_year_or_across_two() -> None:
    got = read("từ tháng 1 đến tháng 5 âm lịch", date(2024, 6, 1))  # the 1st month is past
    assert (got.start, got.due) == (at("2024-02-10"), at("2024-07-06"))
    got = read("từ tháng 11 đến tháng 2 âm lịch", date(2024, 6, 1))
    assert (got.start, got.due) == (at("2024-12-01"), at("2025-03-29"))


@pytest.mark.parametrize(
    ("phrase", "days", "close"),
    [
        ("Từ 8 giờ 00 đến 20 giờ 00 (Chủ nhật nghỉ)", "MO,TU,WE,TH,FR,SA", "BYHOUR=20"),
        ("từ 6h30 đến 22h (trừ thứ Bảy)", "MO,TU,WE,TH,FR,SU", "BYHOUR=22;BYMINUTE=0"),
        ("7h30 - 16h30, thứ Bảy, Chủ nhật: nghỉ", "MO,TU,WE,TH,FR", "BYHOUR=16;BYMINUTE=30"),
        ("từ 8h đến 17h (nghỉ thứ 7, chủ nhật)", "MO,TU,WE,TH,FR", "BYHOUR=17"),
        ("tu 9h den 18h (chu nhat nghi)", "MO,TU,WE,TH,FR,SA", "BYHOUR=18"),
        ("Thứ 2 - Thứ 7: 7h - 11h (thứ 4 nghỉ)", "MO,TU,TH,FR,SA", "BYHOUR=11"),
    ],
)
def test_hours_with_days_closed_are_kept_on_the_other_days_every_week(
    phrase: str, days: str, close: str
) -> None:
    got = read(phrase)
    assert got.kind == "recurring"
    assert f"FREQ=WEEKLY;BYDAY={days};{close}" in rrule_of(got)


def test_a_day_off_named_with_its_week_is_that_day() -> None:
    assert read("nghỉ thứ 7 tuần này").due == at("2024-03-03")  # no hours: no duty


@pytest.mark.parametrize(
    "phrase",
    ["27 giờ 05 đến 12 giờ 02 tất cả các ngày làm việc", "25 giờ 30 đến 8 giờ các ngày làm việc"],
)
def test_a_duty_counted_in_hours_with_no_clock_time_is_an_error_not_a_crash(phrase: str) -> None:
    got = parse_deadline(phrase, REF)  # "27 giờ" is no time of day: a count of hours
    assert isinstance(got, DeadlineError)


@pytest.mark.parametrize(
    "phrase",
    [
        "sáng nay 1/3, tức ngày 21 tháng Giêng năm Giáp Thìn",
        "chiều nay 01/3 (tức 21/1 âm lịch)",
        "hôm nay, thứ Sáu 1/3, tức ngày 21 tháng 1 năm Giáp Thìn",
    ],
)
def test_today_with_its_day_told_again_in_the_lunar_calendar_is_that_day(phrase: str) -> None:
    got = read(phrase)  # 1/3/2024 is the 21st of the 1st lunar month of Giáp Thìn
    assert (got.kind, got.due, got.warnings) == ("date", at("2024-03-02"), ())


def test_today_with_a_lunar_day_that_is_not_its_own_warns() -> None:
    assert read("sáng nay 1/3 (tức 25/1 âm lịch)").warnings


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        ("từ ngày 20 đến 25 hằng tháng", 20, 25),
        ("tu ngay 20 den 25 hang thang", 20, 25),
        ("ngày 1-5 hằng tháng", 1, 5),
        ("ngày 10 – 15 mỗi tháng", 10, 15),
        ("trong khoảng ngày 3 đến 8 hàng tháng", 3, 8),
        ("chậm nhất từ ngày 16 - 18 hằng tháng", 16, 18),
    ],
)
def test_a_window_of_days_of_each_month_closed_by_a_bare_number(
    phrase: str, first: int, last: int
) -> None:
    got = read(phrase)  # the second number is a day of the month, not a month ("1-5": not 1 May)
    assert got.kind == "recurring" and got.rrule is not None
    assert got.rrule.endswith(f"RRULE:FREQ=MONTHLY;BYMONTHDAY={last}")
    assert got.start is not None and got.start.day == first


@pytest.mark.parametrize(
    "phrase",
    [
        "12 hằng tháng",
        "ngày 7 - 24 hằng năm",
        "từ ngày 7 đến ngày 24 hàng năm",
        "ngày 9/20 hằng năm",
    ],
)
def test_a_bare_number_or_a_yearly_day_without_its_month_is_an_error(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, REF), DeadlineError)


def test_a_day_and_month_with_a_dash_stays_a_date_outside_a_monthly_duty() -> None:
    assert read("ngày 1-5-2024").due == at("2024-05-02")
    assert read("trước ngày 20-4 hằng năm").rrule.endswith(  # type: ignore[union-attr]
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=20"
    )


@pytest.mark.parametrize(
    ("phrase", "start", "rule"),
    [
        ("5 ngày đầu mỗi tháng", "2024-03-01", "FREQ=MONTHLY;BYMONTHDAY=5"),
        ("trong 7 ngày đầu hằng tháng", "2024-03-01", "FREQ=MONTHLY;BYMONTHDAY=7"),
        ("4 ngay cuoi hang thang", "2024-03-28", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("tuần đầu mỗi tháng", "2024-03-01", "FREQ=MONTHLY;BYMONTHDAY=7"),
        ("tuần thứ 3 hằng tháng", "2024-03-15", "FREQ=MONTHLY;BYMONTHDAY=21"),
        ("vào tuần cuối hàng tháng", "2024-03-25", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ],
)
def test_a_count_of_days_or_a_week_of_each_month_is_a_window_of_its_days(
    phrase: str, start: str, rule: str
) -> None:
    got = read(phrase)  # the count is kept ("5 ngày đầu": 1-5, not the first third 1-10)
    assert got.kind == "recurring" and got.rrule is not None and got.rrule.endswith(rule)
    assert got.start == at(start)


def test_a_weekday_of_a_week_of_each_month_is_still_that_weekday() -> None:
    assert read("thứ Ba tuần đầu mỗi tháng").rrule.endswith("BYDAY=1TU")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("thứ Tư cách tuần", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        ("cách tuần vào thứ 3", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("chieu thu 6 cach tuan mot lan", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("cách ngày một lần", "FREQ=DAILY;INTERVAL=2"),
        ("ngày 20 cách tháng", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20"),
    ],
)
def test_every_other_day_week_or_month_is_an_interval_of_two(phrase: str, rule: str) -> None:
    got = read(phrase)  # "cách tuần" is every other week, not the next such weekday
    assert got.kind == "recurring" and rrule_of(got).endswith(rule)


def test_a_distance_from_an_event_is_not_every_other_day() -> None:
    got = read("cách ngày hội nghị 7 ngày")
    assert got.kind != "recurring"


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("ngày 30/6 và 31/12 hằng năm", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
        ("chốt số liệu đến 31/3, 30/6, 30/9, 31/12 hàng năm",
         "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
        ("truoc ngay 30/4 va 31/10 hang nam", "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"),
    ],
)  # fmt: skip
def test_several_yearly_days_each_the_last_of_its_month_are_the_last_days(
    phrase: str, rule: str
) -> None:
    assert rrule_of(read(phrase)).endswith(rule)


@pytest.mark.parametrize(
    "phrase",
    [
        "ngày 15/1 và 20/7 hằng năm",  # neither a last day: one rule cannot name them alone
        "ngày 28/2 và 31/8 hằng năm",  # 28 February is not always the last
        "ngày 30/6 và 31/12 âm lịch hằng năm",  # a lunar month ends on the 29th or the 30th
    ],
)
def test_several_yearly_days_that_are_not_all_last_days_stay_an_error(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("thứ Năm tuần thứ 2 và thứ 4 hằng tháng", "BYDAY=2TH,4TH"),
        ("thứ 3 tuần thứ nhất và tuần thứ ba hàng tháng", "BYDAY=1TU,3TU"),
        ("sang thu 7 tuan 2, 4 cua moi thang", "BYDAY=2SA,4SA"),
        ("thứ Hai tuần đầu và tuần cuối mỗi tháng", "BYDAY=-1MO,1MO"),
        ("thứ Sáu tuần thứ hai của mỗi tháng", "BYDAY=2FR"),
    ],
)
def test_a_weekday_of_several_weeks_of_each_month(phrase: str, rule: str) -> None:
    got = read(phrase)  # "thứ 4", "thứ ba" after a week's ordinal are weeks, not weekdays
    assert got.kind == "recurring" and rrule_of(got).endswith(f"FREQ=MONTHLY;{rule}")


@pytest.mark.parametrize(
    ("phrase", "start", "rule"),
    [
        ("tuần thứ hai của mỗi tháng", "2024-03-08", "FREQ=MONTHLY;BYMONTHDAY=14"),
        ("tuần cuối cùng của mỗi tháng", "2024-03-25", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("tuan dau tien cua hang thang", "2024-03-01", "FREQ=MONTHLY;BYMONTHDAY=7"),
    ],
)
def test_a_week_of_each_month_after_several_words_is_still_that_week(
    phrase: str, start: str, rule: str
) -> None:
    got = read(phrase)  # "của mỗi tháng": the week's words are kept, "thứ hai" is no Monday
    assert got.kind == "recurring" and rrule_of(got).endswith(rule)
    assert got.start == at(start)


@pytest.mark.parametrize(
    "phrase", ["tuần thứ 2 và thứ 4 hằng tháng", "thứ 4 tuần thứ hai và thứ tư của tháng 9"]
)
def test_several_weeks_of_a_month_without_a_weekday_are_not_guessed(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, REF), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("trong 5 ngày làm việc đầu tiên của mỗi tháng", "BYSETPOS=5"),
        ("3 ngày làm việc đầu hằng tháng", "BYSETPOS=3"),
        ("trong hai ngay lam viec dau tien cua thang", "BYSETPOS=2"),
        ("trong 2 ngày làm việc cuối cùng của tháng", "BYSETPOS=-1"),
    ],
)
def test_the_first_or_last_working_days_of_each_month_are_due_when_they_end(
    phrase: str, rule: str
) -> None:
    got = read(phrase)  # not a count from the notice: the n-th Monday-to-Friday of each month
    assert got.kind == "recurring"
    assert rrule_of(got).endswith(f"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;{rule}")


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        ("từ ngày 1/1 đến nay", "2024-01-01"),
        ("tu ngay 15.2 den nay", "2024-02-15"),
        ("từ ngày 20/11 đến nay", "2023-11-20"),
        ("từ tháng 12 đến nay", "2023-12-01"),
    ],
)
def test_a_span_up_to_now_starts_before_the_notice(phrase: str, start: str) -> None:
    got = read(phrase)  # a start without its year is the last such day on or before the notice
    assert got.kind == "period" and got.start == at(start) and got.due == at("2024-03-02")


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # notice of Wednesday 15/5/2024: "liền kề" alone is the next week, as "tuần sau"
        ("trong tuần liền kề", "2024-05-20", "2024-05-27"),
        ("tuần liền kề sau đó", "2024-05-20", "2024-05-27"),
        ("trong tuần liền sau", "2024-05-20", "2024-05-27"),
        ("trong tuần liền kề trước", "2024-05-06", "2024-05-13"),
        ("trong quý liền sau", "2024-07-01", "2024-10-01"),
    ],
)
def test_an_adjacent_period_is_the_next_unless_said_before(
    phrase: str, start: str, due: str
) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline) and got.kind == "period", got
    assert (got.start, got.due) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thứ 6 tuần liền kề", "2024-05-25"),  # the next week's Friday, as "thứ 6 tuần sau"
        ("thứ Sáu của tuần liền sau", "2024-05-25"),
        ("thứ 6 tuần liền kề trước", "2024-05-11"),  # the last week's, as "thứ 6 tuần trước"
        ("thứ Hai tuần liền trước", "2024-05-07"),
        ("ngày 10 tháng liền kề", "2024-06-11"),  # the next month's tenth
    ],
)
def test_a_day_of_an_adjacent_week_or_month_counts_the_same_way(phrase: str, due: str) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline) and got.kind == "date", got
    assert got.due == at(due)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # notice of Wednesday 15/5/2024: "liền kề" after "trong tháng" is the next month (it
        # had been every month: "trong tháng" read as a monthly duty, "liền kề" left unread)
        ("trong tháng liền kề", "2024-06-01", "2024-07-01"),
        ("hoàn thành trong tháng liền sau", "2024-06-01", "2024-07-01"),
        ("trong tháng liền trước", "2024-04-01", "2024-05-01"),
        # "vừa qua", "vừa rồi", "năm ngoái": the period before (had been this week, every month,
        # or an event named "quý vừa qua")
        ("trong tuần vừa qua", "2024-05-06", "2024-05-13"),
        ("tuần vừa rồi", "2024-05-06", "2024-05-13"),
        ("trong tháng vừa qua", "2024-04-01", "2024-05-01"),
        ("trong quý vừa qua", "2024-01-01", "2024-04-01"),
        ("trong năm vừa rồi", "2023-01-01", "2024-01-01"),
        ("trong năm ngoái", "2023-01-01", "2024-01-01"),
    ],
)
def test_the_period_just_past_and_the_month_adjacent(phrase: str, start: str, due: str) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline) and got.kind == "period", got
    assert (got.start, got.due) == (at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("thứ 6 tuần vừa qua", "2024-05-11"),
        ("ngày 10 tháng vừa rồi", "2024-04-11"),
    ],
)
def test_a_day_of_the_week_or_month_just_past(phrase: str, due: str) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline) and got.kind == "date", got
    assert got.due == at(due)


@pytest.mark.parametrize(
    "phrase", ["không sớm hơn ngày 20/5/2024", "nộp không sớm hơn ngày 20/5", "sớm nhất ngày 20/5"]
)
def test_not_earlier_than_a_day_is_an_open_start_not_a_deadline(phrase: str) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline) and got.kind == "none" and got.due is None, got
    assert got.start == at("2024-05-20")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trước17h ngày 20/5/2024", "2024-05-20T17:00"),  # the time had been dropped: 21/5 00:00
        ("TRƯỚC17H NGÀY 20/5/2024", "2024-05-20T17:00"),
        ("chậm nhất ngày20/5/2024", "2024-05-21"),
        ("trong tháng6/2024", "2024-07-01"),
    ],
)
def test_a_word_of_time_typed_against_its_number(phrase: str, due: str) -> None:
    got = parse_deadline(phrase, date(2024, 5, 15))
    assert isinstance(got, Deadline), got
    assert got.due == at(due)


# -- the sixteenth work (fresh_12 and fresh_13 read): notice of Friday 1/3/2024 (REF) ---------


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # "nửa sau" had been the whole month (or year), "nửa trước" the day before the month
        ("hoàn thành vào nửa sau tháng 6", "2024-06-16", "2024-07-01"),
        ("nửa trước tháng 10/2024", "2024-10-01", "2024-10-16"),
        ("nửa sau của tháng tới", "2024-04-16", "2024-05-01"),
        ("tổ chức trong nửa sau năm nay", "2024-07-01", "2025-01-01"),
    ],
)
def test_the_second_or_first_half_said_with_sau_or_truoc(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        # "hết hạn" had been "hết" and "hạn" (linking words): the count from the notice, after it
        ("20 ngày trước khi hết hạn", "-P20D", "hết hạn"),
        ("nộp hồ sơ gia hạn trước khi hết hiệu lực 2 tháng", "-P2M", "hết hiệu lực"),
        ("sau khi hết thời hạn 5 ngày", "P5D", "hết thời hạn"),
        ("trước khi hết hạn hợp đồng", "P0D", "hết hạn hợp đồng"),
    ],
)
def test_an_expiry_is_an_event(phrase: str, offset: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", offset, anchor, None)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        # the Tết break: no deadline alone, Tết's first day after "trước khi" (days before it)
        ("trước khi nghỉ Tết Nguyên đán", "P0D", "nghỉ Tết Nguyên đán"),
        ("2 ngày sau kỳ nghỉ Tết", "P2D", "kỳ nghỉ Tết"),
        ("hoàn thành trước kỳ nghỉ Tết", "P0D", "kỳ nghỉ Tết"),
    ],
)
def test_the_tet_break_after_khi_or_ky_is_an_event(phrase: str, offset: str, anchor: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor) == ("relative", offset, anchor)
    assert read("trong thời gian nghỉ Tết").kind == "none"


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # "cứ N tháng" had been a count from the notice: due once, N months after it
        ("cứ 3 tháng kiểm tra lại", "FREQ=MONTHLY;INTERVAL=3"),
        ("cứ mỗi 2 năm", "FREQ=YEARLY;INTERVAL=2"),
        ("cứ mười ngày", "FREQ=DAILY;INTERVAL=10"),
        ("sau đó, cứ 4 tuần một lần", "FREQ=WEEKLY;INTERVAL=4"),
    ],
)
def test_cu_before_a_count_is_a_frequency(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and rrule_of(got).endswith("RRULE:" + rule), got


def test_cu_is_only_a_frequency_opening_its_clause() -> None:
    # "bầu cử" typed without marks: "cu 70 ngay" is no "cứ 70 ngày"
    got = read("truoc ngay bau cu 70 ngay")
    assert (got.kind, got.offset) == ("relative", "-P70D")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("một buổi trong 1 tuần", "FREQ=WEEKLY"),
        ("ít nhất 1 lần trong 01 năm", "FREQ=YEARLY"),
        ("01 ngày trong một tháng", "FREQ=MONTHLY"),
    ],
)
def test_once_in_one_unit_written_with_trong(phrase: str, rule: str) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and rrule_of(got).endswith("RRULE:" + rule), got


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        # the last N units, counted back: had been N units after the notice, silently
        ("trong 3 tháng gần đây", "tháng gần đây"),
        ("5 ngày gần nhất", "ngày gần nhất"),
        ("trong 2 tuần gần đây", "tuần gần đây"),
    ],
)
def test_a_count_of_the_recent_past_is_an_error(phrase: str, words: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError) and f'không hiểu phần "{words}"' in got.message, got


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # the past period named in brackets: the days written win over the words
        ("trong 2 tháng gần đây (tháng 1 và 2/2024)", "2024-01-01", "2024-03-01"),
        ("trong tuần qua (từ 19/2 đến 25/2/2024)", "2024-02-19", "2024-02-26"),
        ("trong quý vừa qua (10, 11 và 12/2023)", "2023-10-01", "2024-01-01"),
    ],
)
def test_a_past_period_told_by_its_days_in_brackets(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_remark_counted_from_the_notice_names_no_past_period() -> None:
    got = parse_deadline("trong tuần qua (thứ Hai)", REF)  # not next Monday
    assert isinstance(got, DeadlineError), got


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # months with "tháng" left out, as "(6/2024)" is one
        ("(3, 4 và 5/2024)", "2024-03-01", "2024-06-01"),
        ("4 và 6/2024", "2024-04-01", "2024-07-01"),
        ("các tháng 7, 8/2024", "2024-07-01", "2024-09-01"),
    ],
)
def test_months_listed_without_thang(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


@pytest.mark.parametrize("phrase", ["tháng 11, 12 và 1/2025", "(9 và 2/2024)"])
def test_months_listed_out_of_order_are_an_error(phrase: str) -> None:
    # from the first to the last of the year had read 1 to 12/2025
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError) and "không theo thứ tự" in got.message, got


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # the same day and month years apart: a range after "từ" (it had been the later day,
        # as an anniversary told by its two days is)
        ("từ ngày 01/01/2019 đến 01/01/2024", "2019-01-01", "2024-01-02"),
        ("giai đoạn từ 15-3-2015 tới 15-3-2025", "2015-03-15", "2025-03-16"),
        ("từ 30/4/2010 - 30/4/2020", "2010-04-30", "2020-05-01"),
    ],
)
def test_a_range_from_a_day_to_the_same_day_years_later(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))
    assert read("(01/01/2019 - 01/01/2024)").kind == "date"  # an anniversary's two days


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # "âm lịch" after the last day is said of the days before it: the first had been solar
        ("từ 5/8 đến 7/8 âm lịch", "2024-09-07", "2024-09-10"),  # lunar 5-7/8/2024
        ("mùng 9 và ngày 10/1 âm lịch", "2024-02-18", "2024-02-20"),  # lunar 9-10/1/2024
        ("ngày 10/5, 11/5 và 12/5 âm lịch", "2024-06-15", "2024-06-18"),  # lunar 10-12/5/2024
        ("từ ngày 14 tháng 7 tới ngày 16 tháng 7 âm lịch", "2024-08-17", "2024-08-20"),
    ],
)
def test_am_lich_after_the_last_day_is_said_of_all(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_am_lich_after_the_last_day_makes_a_yearly_window_in_a_text_without_a_date() -> None:
    got = read("từ ngày 3/2 đến ngày 5/2 âm lịch", None)
    assert got.kind == "recurring"
    assert rrule_of(got).endswith("RRULE:RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=5")


@pytest.mark.parametrize(
    ("phrase", "start"),
    [
        # a document card's effective date: an open start (it had been a deadline)
        ("Hiệu lực: 15/3/2024", "2024-03-15"),
        ("Ngày hiệu lực: 01-4-2024", "2024-04-01"),
        ("hiệu lực : 20/03/2024", "2024-03-20"),
    ],
)
def test_an_effective_date_after_hieu_luc_is_an_open_start(phrase: str, start: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due, got.start) == ("none", None, at(start))
    assert read("Hết hiệu lực: 01/4/2024").due == at("2024-04-02")  # its end stays a day


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        # a season or a holiday break whose days the phrase does not give: it had been Tết's
        # first day, or the holiday's own day, silently
        ("trong dịp Tết Nguyên đán Giáp Thìn", "dịp Tết Nguyên đán Giáp Thìn"),
        ("nhân dịp Tết cổ truyền", "dịp Tết cổ truyền"),
        ("sau dịp Tết Ất Tỵ 2025", "dịp Tết Ất Tỵ 2025"),
        ("trong dịp nghỉ lễ 30/4 năm 2024", "dịp nghỉ lễ 30/4 năm 2024"),
        ("dịp nghỉ Quốc khánh 2/9", "dịp nghỉ Quốc khánh 2/9"),
    ],
)
def test_a_season_or_a_break_without_its_days_is_an_error(phrase: str, words: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError), got
    assert f'"{words}" không nêu từ ngày nào đến ngày nào' in got.message, got


def test_an_occasion_of_one_day_or_a_break_with_its_days_is_read() -> None:
    assert read("dịp 2/9").due == at("2024-09-03T00:00")  # the day itself
    got = read("trong dịp nghỉ lễ từ 27/4 đến 1/5/2024")
    assert (got.kind, got.start, got.due) == ("period", at("2024-04-27"), at("2024-05-02"))
    got = read("trong dịp nghỉ lễ 30/4 - 1/5")
    assert (got.kind, got.start, got.due) == ("period", at("2024-04-30"), at("2024-05-02"))


@pytest.mark.parametrize(
    ("phrase", "plain"),
    [
        # "khoảng" (about) before a count: the count as written (it had been lost, P0D, or
        # "khoảng" taken for the name of the event counted from)
        ("khoảng hai tuần trước khi khai giảng", "hai tuần trước khi khai giảng"),
        (
            "chậm nhất khoảng 10 ngày sau khi kết thúc đợt thi",
            "chậm nhất 10 ngày sau khi kết thúc đợt thi",
        ),
        ("khoảng 3 ngày trước ngày 20/3/2024", "3 ngày trước ngày 20/3/2024"),
        ("sau khoảng 1 tháng", "sau 1 tháng"),
    ],
)
def test_about_a_count_is_the_count(phrase: str, plain: str) -> None:
    got, want = read(phrase), read(plain)
    assert got.offset is not None and got.offset not in ("P0D", "-P0D"), got
    assert (got.kind, got.offset, got.due, got.anchor) == (
        want.kind,
        want.offset,
        want.due,
        want.anchor,
    )


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # how long something lasts from a written day, that day counted: a period (it had been
        # counted from the day after, a day late, or not read)
        ("từ ngày 10/3/2024 kéo dài 5 ngày", "2024-03-10", "2024-03-15"),
        ("bắt đầu từ thứ Hai 18/3, diễn ra trong 4 ngày", "2024-03-18", "2024-03-22"),
        ("kéo dài liên tục hai tuần kể từ 1/4/2024", "2024-04-01", "2024-04-15"),
        ("trong 7 ngày liên tục từ ngày 5/4", "2024-04-05", "2024-04-12"),
        ("tu ngay 10/3/2024 keo dai 5 ngay", "2024-03-10", "2024-03-15"),
    ],
)
def test_a_length_from_a_written_day_is_a_period(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_time_limit_from_a_written_day_stays_counted_from_the_day_after() -> None:
    got = read("trong 30 ngày kể từ ngày 10/3/2024")
    assert (got.kind, got.offset, got.due) == ("relative", "P30D", at("2024-04-10"))
    got = read("kéo dài không quá 06 ngày làm việc")  # a length alone: from the notice
    assert (got.kind, got.offset) == ("relative", "P6D")


@pytest.mark.parametrize(
    ("phrase", "offset", "named"),
    [
        # a period after the name of an event ("trước ngày <event> năm 2024") is part of that
        # name: it had been read as the period itself ("trước năm 2024", 1/1/2024), silently
        ("trước ngày khai mạc Hội khỏe Phù Đổng năm 2024", "P0D", "năm 2024"),
        ("10 ngày trước ngày diễn ra Hội nghị sơ kết quý II", "-P10D", "quý II"),
        ("trước ngày bầu cử năm 2026", "P0D", "năm 2026"),
    ],
)
def test_a_period_after_an_events_name_is_part_of_it(phrase: str, offset: str, named: str) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.due) == ("relative", offset, None), got
    assert got.anchor is not None and got.anchor.endswith(named), got


def test_a_period_after_an_events_name_after_sau_is_part_of_it() -> None:
    got = read("sau ngày bế mạc Đại hội Đoàn tháng 10/2024")
    assert got.kind == "relative" and got.anchor == "ngày bế mạc Đại hội Đoàn tháng 10/2024"
    assert read("trước tháng 6/2024").due == at("2024-06-01T00:00")  # no event: the period


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        # the day of each report month, as "ngày 20 của tháng báo cáo" (it had been the
        # notice's month, once)
        ("ngày 25 tháng báo cáo", 25),
        ("chậm nhất ngày 10 tháng báo cáo", 10),
        ("trước ngày 5 tháng báo cáo", 5),
        ("ngay 25 thang bao cao", 25),  # without marks: not "tháng ba" (March) and "o"
    ],
)
def test_a_day_of_the_report_month_is_monthly(phrase: str, day: int) -> None:
    got = read(phrase)
    assert got.kind == "recurring" and rrule_of(got).endswith(f"FREQ=MONTHLY;BYMONTHDAY={day}")


@pytest.mark.parametrize(
    ("phrase", "due", "warned"),
    [
        # "tương ứng (với)", "tương đương" say the same day in the other calendar, as "tức";
        # "dương lịch" may follow the solar day (it had been an error)
        ("ngày 15/8 âm lịch, tương ứng với ngày 17/9/2024 dương lịch", "2024-09-18", False),
        ("mùng 10 tháng 3 âm lịch (tương đương 18/4/2024)", "2024-04-19", False),
        ("ngày 20/4/2024 dương lịch, tương ứng ngày 12/3 âm lịch", "2024-04-21", False),
        ("ngày 20/4/2024 dương lịch, tức ngày 10/3 âm lịch", "2024-04-21", True),  # 10/3 is 18/4
    ],
)
def test_a_day_said_again_with_tuong_ung(phrase: str, due: str, warned: bool) -> None:
    got = read(phrase)
    assert (got.kind, got.due, bool(got.warnings)) == ("date", at(due), warned), got


@pytest.mark.parametrize(
    ("phrase", "month", "day"),
    [
        # a lunar day said again in its own calendar, in a text without a date: every year
        # (it had been an error, as a day said again in the other calendar is)
        ("Rằm tháng Giêng (15/1 âm lịch)", 1, 15),
        ("ngày 10/3 âm lịch (mùng 10 tháng Ba âm lịch)", 3, 10),
        ("mùng 5 tháng 5 âm lịch (ngày 5/5 ÂL)", 5, 5),
    ],
)
def test_a_lunar_day_said_again_is_yearly_without_a_date(phrase: str, month: int, day: int) -> None:
    got = read(phrase, None)
    assert got.kind == "recurring"
    assert rrule_of(got).endswith(
        f"RRULE:RSCALE=CHINESE;FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
    ), got
    assert isinstance(parse_deadline("mùng 10 tháng 3 (10/3 âm lịch)", None), DeadlineError)


@pytest.mark.parametrize(
    ("phrase", "offset", "anchor", "due"),
    [
        # a count right after a day, after "trước" or "sau": before or after that day (it had
        # been an error, or, with the count in words, the day alone, silently)
        ("trước Tết 3 ngày", "-P3D", "Tết", "2024-02-08"),  # Tết Giáp Thìn: 10/2/2024
        ("sau Tết Nguyên đán Ất Tỵ một tuần", "P1W", "Tết Nguyên đán Ất Tỵ", "2025-02-06"),
        ("trước ngày 20/3/2024 hai ngày", "-P2D", "ngày 20/3/2024", "2024-03-19"),
        ("sau ngày 10/3/2024 mười ngày", "P10D", "ngày 10/3/2024", "2024-03-21"),
    ],
)
def test_a_count_after_a_day_before_or_after_it(
    phrase: str, offset: str, anchor: str, due: str
) -> None:
    got = read(phrase)
    assert (got.kind, got.offset, got.anchor, got.due) == ("relative", offset, anchor, at(due))


def test_a_count_after_a_day_says_its_side_or_is_a_remark() -> None:
    got = parse_deadline("đến ngày 1/6/2024 3 ngày", REF)  # before or after it?
    assert isinstance(got, DeadlineError) and "trước hay sau" in got.message, got
    # the count of a remark whose other words are left out is no count: the day written
    got = read("chậm nhất ngày 13/4/2024 (40 ngày trước ngày khai mạc)")
    assert (got.kind, got.due) == ("date", at("2024-04-14"))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # a weekday in brackets after a week is that week's (it had been the notice's week, the
        # week left out: "trong tuần sau (thứ Năm)" was this Thursday, silently)
        ("trong tuần sau (thứ Năm)", "2024-03-08"),  # the notice: Friday 1/3/2024
        ("tuần tới (dự kiến thứ Ba)", "2024-03-06"),
        ("tuần 12 (14h thứ Sáu)", "2024-03-22T14:00"),  # ISO week 12: 18-24/3/2024
    ],
)
def test_a_weekday_after_a_week_is_that_weeks(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # a day in brackets after "tháng sau / tới / này" is that month's, as after "tháng 6"
        # (it had been left out: the whole month, silently later)
        ("trong tháng sau (ngày 20)", "2024-04-21"),  # the notice: 1/3/2024
        ("tháng tới (dự kiến ngày 10)", "2024-04-11"),
        ("trong tháng này (ngày 25)", "2024-03-26"),
    ],
)
def test_a_day_in_brackets_after_a_relative_month(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # "Chúa nhật" is Sunday as parishes write it (it had been left out: "Sáng Chúa nhật
        # 10/12" was the day alone, "17g30 mỗi ngày Chúa nhật" every day at 17:30)
        ("trước 17h Chúa nhật tuần này", "2024-03-03T17:00"),  # the notice: Friday 1/3/2024
        ("chua nhat tuan sau", "2024-03-11T00:00"),
        ("Chúa nhật thứ 3 Mùa Chay, ngày 3/3/2024", "2024-03-04T00:00"),
    ],
)
def test_chua_nhat_is_sunday(phrase: str, due: str) -> None:
    assert read(phrase).due == at(due)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("Thánh lễ lúc 9g mỗi ngày Chúa nhật", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=9;BYMINUTE=0"),
        ("các buổi sáng Chúa nhật", "FREQ=WEEKLY;BYDAY=SU"),
        ("thứ Bảy và Chúa nhật hằng tuần", "FREQ=WEEKLY;BYDAY=SA,SU"),
    ],
)
def test_chua_nhat_in_a_duty(phrase: str, rule: str) -> None:
    assert rule in rrule_of(read(phrase))


def test_a_sundays_ordinal_without_its_date_is_not_the_coming_sunday() -> None:
    # "thứ 2" after a Sunday numbers it in the liturgical year: no Monday, and no day
    got = parse_deadline("Chủ nhật thứ 2 Mùa Vọng", REF)
    assert isinstance(got, DeadlineError), got


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        # a year after a space alone, as a heading writes it (it had been an error)
        ("Tháng Mười 2023", "2023-10-01", "2023-11-01"),
        ("tháng 11 2022", "2022-11-01", "2022-12-01"),
        ("quý III 2025", "2025-07-01", "2025-10-01"),
        ("từ tháng 2 2024 đến tháng 4 2024", "2024-02-01", "2024-05-01"),
    ],
)
def test_a_year_after_a_space_closes_a_month_or_quarter(phrase: str, start: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due))


def test_a_year_after_a_space_closes_a_day_but_a_count_is_no_year() -> None:
    assert read("ngày 20 tháng Mười 2023").due == at("2023-10-21")
    assert read("hạn 5 tháng 6 2025").due == at("2025-06-06")
    # a number of people after the month is not its year
    got = parse_deadline("trong tháng 3 2000 người tham gia", REF)
    assert isinstance(got, DeadlineError), got


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # a weekday, "đầu" or "cuối tuần", then a relative week: that week's weekday (it had
        # been an error: "tuần sau" after the part of the week was not read)
        ("thứ Hai đầu tuần tới", "2024-03-05"),  # the notice: Friday 1/3/2024
        ("trước 16h thứ Sáu cuối tuần sau", "2024-03-08T16:00"),
        ("vào thứ 2 đầu tuần liền kề", "2024-03-05"),
        ("thu sau cuoi tuan sau", "2024-03-09"),
    ],
)
def test_a_weekday_at_the_start_or_end_of_a_relative_week(phrase: str, due: str) -> None:
    got = read(phrase)
    assert (got.kind, got.due) == ("date", at(due))


@pytest.mark.parametrize(
    "phrase",
    [
        # the first months or weeks of a period, how many unsaid: not its first month or its
        # first ten days (read so until the eighteenth work, a due too early, silently)
        "trong những tháng đầu năm 2025",
        "các tháng đầu năm học",
        "mấy tuần đầu tháng 4",
        "nhung thang giua nam",
        "các quý đầu năm",
    ],
)
def test_the_first_months_without_their_count_are_an_error(phrase: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError) and "không nêu bao nhiêu" in got.message, got


def test_the_last_months_or_the_first_days_of_a_period_stay_read() -> None:
    # the last months end with the year; the first days lie within "đầu tháng"
    assert read("các tháng cuối năm 2024").due == at("2025-01-01")
    assert read("những ngày đầu tháng 4").due == at("2024-04-11")
    assert read("2 tháng đầu năm 2024").due == at("2024-03-01")


@pytest.mark.parametrize(
    "phrase",
    [
        # a form's blank for a number, not filled in: an error (the dots had been left out,
        # and the year of the template read alone, or the count lost)
        "Thời gian: 8 giờ … phút, ngày ….. tháng 5 năm 2024",
        "ngay .... thang .... nam 2024",
        "hạn nộp: ngày ..../..../2024",
        "trong vòng ... ngày kể từ ngày nhận thông báo",
    ],
)
def test_a_forms_blank_is_an_error(phrase: str) -> None:
    got = parse_deadline(phrase, REF)
    assert isinstance(got, DeadlineError) and "chỗ trống" in got.message, got


def test_dots_that_end_a_phrase_are_no_blank() -> None:
    assert read("trước ngày 15/3/2024...").due == at("2024-03-16")
    assert read("từ ngày 1/3 … đến 15/3/2024").due == at("2024-03-16")


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # "ít là", "ít nhất", "tối thiểu" between the unit and "một lần": at least once a unit,
        # as often as "một năm một lần" (it had been an error: "1" taken for a day)
        ("một năm ít là một lần", "FREQ=YEARLY"),
        ("một tháng tối thiểu 1 lần", "FREQ=MONTHLY"),
        ("mot tuan it nhat mot lan", "FREQ=WEEKLY"),
    ],
)
def test_at_least_once_a_unit(phrase: str, rule: str) -> None:
    assert rrule_of(read(phrase)).endswith("RRULE:" + rule)


def test_at_least_several_times_a_unit_has_no_rule() -> None:
    got = read("một tuần ít nhất 2 buổi")
    assert (got.kind, got.rrule) == ("recurring", None)
