"""Unit tests: kinds of deadline phrase the twenty-third work read right or made errors.

The kinds behind the failures of ``fresh_17`` once it became a development set. As in
``test_deadline_kinds.py``: phrases of each kind written here, in other words and orders,
not copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


# -- a day of "năm sau" in a text without a date: the same day every year --------------------
@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("chậm nhất ngày 31/3 năm sau", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
        ("gửi trước ngày 10 tháng 2 của năm tiếp theo", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=10"),
        ("đến hết ngày 15-01 năm kế tiếp", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
        ("han cuoi ngay 20/1 nam sau", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=20"),
        ("trước 17h ngày 5/1 năm sau", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5;BYHOUR=17"),
    ],
)
def test_a_day_of_the_next_year_in_a_text_without_a_date_is_yearly(phrase: str, rule: str) -> None:
    got = read(phrase, None)
    assert got.kind == "recurring" and got.rrule is not None and rule in got.rrule, got


def test_a_day_of_the_next_year_in_a_notice_stays_that_one_day() -> None:
    """In a notice "năm sau" is the year after the notice's, as "tháng sau" is its next month
    (docs/deadlines.md: without "hằng năm" a day is one occurrence)."""
    got = read("chậm nhất ngày 31/3 năm sau", MAY)
    assert (got.kind, got.due) == ("date", at("2025-04-01T00:00"))


@pytest.mark.parametrize("phrase", ["trước ngày 31/3 năm nay", "ngày 15/1 năm trước"])
def test_a_day_of_this_or_the_last_year_without_a_date_still_needs_it(phrase: str) -> None:
    assert "cần ngày của thông báo" in unread(phrase, None)


# -- a campaign month named with its year ------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong Tháng Công nhân năm 2025", "2025-05-01T00:00", "2025-06-01T00:00"),
        ("Tháng Công Nhân 2024", "2024-05-01T00:00", "2024-06-01T00:00"),
        ("hưởng ứng Tháng Nhân đạo năm 2024", "2024-05-01T00:00", "2024-06-01T00:00"),
        ("thang cong nhan nam 2025", "2025-05-01T00:00", "2025-06-01T00:00"),
        # as before
        ("trong Tháng Thanh niên năm 2025", "2025-03-01T00:00", "2025-04-01T00:00"),
    ],
)
def test_a_known_campaign_month_is_its_month(phrase: str, start: str, due: str) -> None:
    got = read(phrase, MAY)
    assert (got.kind, got.start, got.due) == ("period", at(start), at(due)), got


@pytest.mark.parametrize(
    "phrase",
    [
        "Tháng hành động vì bình đẳng giới năm 2024",
        "trong tháng cao điểm vệ sinh môi trường 2024",
        "Tháng an toàn lao động năm 2025",
        "thang hanh dong quoc gia ve dan so nam 2024",
    ],
)
def test_an_unknown_campaign_month_is_an_error_not_its_year(phrase: str) -> None:
    """It had been read as its whole year, silently, the campaign's name left out."""
    message = unread(phrase, MAY)
    assert "không nêu ngày đầu, ngày cuối" in message and phrase.split()[-1] in message


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trong tháng 6 năm 2024", "2024-07-01T00:00"),
        ("3 tháng cuối năm 2024", "2025-01-01T00:00"),
        ("những tháng còn lại của năm 2024", "2025-01-01T00:00"),
        ("tháng Mười năm 2024", "2024-11-01T00:00"),
        ("Tháng hành động vì trẻ em (6/2024)", "2024-07-01T00:00"),  # the month written
    ],
)
def test_a_month_and_its_neighbours_are_no_campaign(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


# -- a weekday named by a feast of the Church year ----------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("vào Chúa nhật Lễ Lá", "Chúa nhật Lễ Lá"),
        ("Thánh lễ Chúa nhật Phục Sinh lúc 7h", "Chúa nhật Phục Sinh"),
        ("chiều thứ Sáu Tuần Thánh", "thứ Sáu Tuần Thánh"),
        ("thứ Tư Lễ Tro", "thứ Tư Lễ Tro"),
        ("chua nhat le Chua Ba Ngoi", "chua nhat le Chua Ba Ngoi"),
    ],
)
def test_a_feasts_weekday_is_an_error_naming_it(phrase: str, named: str) -> None:
    """Its day moves with Easter each year; it had been read as the coming such weekday."""
    message = unread(phrase, MAY)
    assert f'"{named}" là ngày của một lễ' in message


def test_before_a_feast_is_before_the_event_it_names() -> None:
    got = read("trước thứ Tư Lễ Tro", MAY)
    assert (got.kind, got.due, got.anchor) == ("relative", None, "thứ Tư Lễ Tro")


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Chúa nhật Lễ Lá, ngày 13/4/2025", "2025-04-14T00:00"),  # its day written
        ("sáng thứ Hai lễ chào cờ", "2024-05-21T00:00"),  # a school's weekly ceremony
        ("Chúa nhật 19/5", "2024-05-20T00:00"),
    ],
)
def test_a_weekday_with_its_day_or_a_weekly_ceremony_stays_read(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)
