"""Unit tests: kinds of deadline phrase the twenty-fifth work read right or made errors.

Each kind had been read wrong without an error (a due in a report nobody is asked to check).
As in ``test_deadline_kinds.py``: phrases of each kind written here, not copied from the
phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        # today or tomorrow with its day, in a text without a date: one day of a year the text
        # does not give (it had been that day every year, a standing rule, silently)
        ("hôm nay (3/10) hạn chót nộp hồ sơ", "hôm nay"),
        ("chậm nhất ngày mai, 21/8", "ngày mai"),
        ("trước 17 giờ chiều nay 4/11", "nay"),
        ("từ tối nay 9/2 đến sáng mai 10/2", "tối nay"),
        ("ngày kia (18-3)", "ngày kia"),
        ("hom nay 25/12", "hom nay"),
    ],
)
def test_today_with_its_day_in_a_text_without_a_date_is_an_error(phrase: str, said: str) -> None:
    message = unread(phrase, None)
    assert f'"{said}" là một ngày của văn bản' in message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # in a notice the day is read as before
        ("hôm nay (15/5) hạn chót nộp hồ sơ", "2024-05-16T00:00"),
        ("chậm nhất ngày mai, 16/5", "2024-05-17T00:00"),
        ("trước 17 giờ chiều nay 15/5", "2024-05-15T17:00"),
    ],
)
def test_today_with_its_day_in_a_notice_is_that_day(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


def test_a_day_without_today_in_a_text_without_a_date_stays_a_standing_rule() -> None:
    assert read("chậm nhất ngày 21/8", None).rrule is not None
    # "hôm sau" names no day of the text: not this error
    night = unread("từ 19 giờ ngày 5/4 đến 6 giờ sáng hôm sau", None)
    assert "là một ngày của văn bản" not in night


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # "nhì" is the second, as "hai" after "thứ" is (a week of it had been left out: every
        # month with no day, or every Thursday of the month, silently)
        ("họp giao ban vào tuần thứ nhì của tháng", "FREQ=MONTHLY;BYMONTHDAY=14"),
        ("tuan thu nhi hang thang", "FREQ=MONTHLY;BYMONTHDAY=14"),
        ("thứ Năm tuần thứ nhì hằng tháng", "FREQ=MONTHLY;BYDAY=2TH"),
        ("thứ 3 tuần thứ nhất và thứ nhì mỗi tháng", "FREQ=MONTHLY;BYDAY=1TU,2TU"),
        ("thứ 6 của tuần lễ thứ nhì trong tháng", "FREQ=MONTHLY;BYDAY=2FR"),
    ],
)
def test_nhi_is_the_second_week(phrase: str, rule: str) -> None:
    got = read(phrase, MAY)
    assert got.rrule is not None and got.rrule.endswith(rule), got


def test_nhi_names_the_second_week_of_a_named_month() -> None:
    got = read("trong tuần thứ nhì của tháng 6", MAY)
    assert (got.start, got.due) == (at("2024-06-08T00:00"), at("2024-06-15T00:00"))


@pytest.mark.parametrize(
    ("phrase", "ref", "rule"),
    [
        # a day of the year "vào những năm chẵn" / "các năm lẻ": every other year, those years
        # only (it had been one day of the notice's year, "năm chẵn" left out, silently)
        ("hội diễn tổ chức ngày 10/10 vào những năm chẵn", MAY, "20241010"),
        ("ngày 10/10 các năm chẵn", date(2024, 11, 2), "20261010"),
        ("ngày 10/10 các năm chẵn", date(2025, 3, 1), "20261010"),
        ("vào các năm lẻ, ngày 2/9", MAY, "20250902"),
        ("ngay 2/9 nhung nam le", date(2023, 1, 5), "20230902"),
    ],
)
def test_a_day_of_even_or_odd_years_is_every_other_year(phrase: str, ref: date, rule: str) -> None:
    got = read(phrase, ref)
    assert got.rrule is not None and got.rrule.startswith(f"DTSTART;VALUE=DATE:{rule}\n"), got
    assert "FREQ=YEARLY;INTERVAL=2" in got.rrule


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        # with no day of the year, or beside an anniversary (its round years, 5 or 10, are
        # also called "năm chẵn"): an error
        ("tổ chức vào những năm chẵn", "không nêu ngày nào"),
        ("kỷ niệm ngày thành lập 26/3 vào các năm chẵn", "năm tròn"),
    ],
)
def test_even_years_without_a_day_or_of_an_anniversary_are_an_error(phrase: str, said: str) -> None:
    assert said in unread(phrase, MAY)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # the rest of a period, "còn lại": from the notice to its end, as "từ nay đến hết ..."
        # (it had been the whole period, its start months before the notice, silently)
        ("những tháng còn lại của năm 2024", "2025-01-01T00:00"),
        ("thực hiện trong các tháng còn lại của năm", "2025-01-01T00:00"),
        ("thời gian còn lại của quý II/2024", "2024-07-01T00:00"),
        ("những ngày còn lại trong tháng 5", "2024-06-01T00:00"),
        ("nhung tuan con lai cua thang 5/2024", "2024-06-01T00:00"),
    ],
)
def test_the_rest_of_a_period_runs_from_the_notice(phrase: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at("2024-05-15T00:00"), at(due)), got


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        # "ngay khi" opens a clause, as "sau khi" does: a period in its words is part of the
        # event's name (it had been the period itself, the event's words left out, silently)
        ("ngay khi kết thúc thi học kỳ I", "kết thúc thi học kỳ I"),
        ("ngay khi có kết quả kiểm tra quý 3", "có kết quả kiểm tra quý 3"),
        ("ngay khi tổng kết năm học 2024-2025", "tổng kết năm học 2024-2025"),
        ("ngay khi nhận được báo cáo tháng 6", "nhận được báo cáo tháng 6"),
    ],
)
def test_a_period_inside_the_clause_after_ngay_khi_names_the_event(
    phrase: str, anchor: str
) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.anchor, got.due) == ("relative", anchor, None), got


def test_ngay_khi_ket_thuc_a_period_is_its_end() -> None:
    got = read("ngay khi kết thúc quý II/2024", MAY)
    assert (got.kind, got.due) == ("period", at("2024-07-01T00:00"))


@pytest.mark.parametrize(
    ("phrase", "season"),
    [
        # a weekday in a season of the Church year, no date written: which weeks, Easter (or
        # Advent) decides (it had been the coming such weekday, or every week, silently)
        ("các thứ Sáu Mùa Chay, lúc 17h30", "Mùa Chay"),
        ("chầu Thánh Thể chiều thứ Năm trong Mùa Vọng", "Mùa Vọng"),
        ("sáng Chúa nhật suốt Mùa Phục Sinh", "Mùa Phục Sinh"),
        ("cac toi thu Tu mua Chay", "mua Chay"),
    ],
)
def test_a_weekday_in_a_church_season_is_an_error(phrase: str, season: str) -> None:
    assert f'"{season}" là một mùa theo lịch phụng vụ' in unread(phrase, MAY)


def test_a_church_season_beside_a_written_day_is_that_day() -> None:
    got = read("thứ Sáu 29/3/2024 (Tuần Thánh)", MAY)
    assert got.due == at("2024-03-30T00:00")


@pytest.mark.parametrize(
    ("phrase", "due", "said"),
    [
        # today or tomorrow told again as a day that is not it: the day as written, with a
        # warning, as a weekday that is not the day's (it had been the day, silently)
        ("hạn chót ngày mai (20/5)", "2024-05-21T00:00", "ngày mai (16/05/2024)"),
        ("hôm nay, ngày 14/5", "2024-05-15T00:00", "hôm nay (15/05/2024)"),
        ("trước 17 giờ chiều nay 16/5", "2024-05-16T17:00", "hôm nay (15/05/2024)"),
    ],
)
def test_today_told_as_another_day_warns(phrase: str, due: str, said: str) -> None:
    got = read(phrase, MAY)
    assert got.due == at(due)
    assert len(got.warnings) == 1 and f"không phải {said}" in got.warnings[0], got.warnings


def test_today_told_as_its_own_day_does_not_warn() -> None:
    assert read("ngày mai (16/5)", MAY).warnings == ()
    assert read("ngày kia, 17/5", MAY).warnings == ()


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        # a count of days or months "trong" a unit alone: that many in each, no deadline
        # counted from the notice (it had been every third day, this week, or three months
        # from the notice, silently); several: a duty with no rule, as "2 lần/tháng"
        ("trực 3 ngày trong tháng", None),
        ("vắng sinh hoạt 03 tháng trong năm", None),
        ("tập huấn hai ngày trong quý", None),
        ("làm việc tại cơ sở 1 ngày trong tuần", "RRULE:FREQ=WEEKLY"),
    ],
)
def test_a_count_in_each_unit_is_no_deadline_from_the_notice(phrase: str, rule: str | None) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.due) == ("recurring", None), got
    assert (got.rrule.split("\n")[1] if got.rrule else None) == rule, got


def test_a_count_in_a_named_unit_is_not_read_so() -> None:
    assert read("trong 3 tháng", MAY).offset == "P3M"
    unread("2 ngày trong tuần này", MAY)  # as before
