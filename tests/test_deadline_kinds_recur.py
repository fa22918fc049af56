"""Unit tests: kinds of deadline phrase the twenty-second work read right or made errors.

Kinds behind failures (or silent dues) that recur across the development sets. As in
``test_deadline_kinds.py``: phrases of each kind written here, in other words and orders,
not copied from the phrase sets of ``tests/data/deadlines/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_deadline_forms import at, read, unread

MAY = date(2024, 5, 15)  # a Wednesday


def _error(phrase: str, ref: date | None = MAY) -> str:
    return unread(phrase, ref)


# -- the day another act is signed, issued or notified: an event, not the notice's day -------
@pytest.mark.parametrize(
    ("phrase", "offset", "anchor"),
    [
        ("trong 7 ngày kể từ ngày ký hợp đồng thuê nhà", "P7D", "ngày ký hợp đồng thuê nhà"),
        ("10 ngày làm việc kể từ ngày thông báo kết quả thi tuyển", "P10D", "kết quả thi tuyển"),
        ("chậm nhất 30 ngày kể từ ngày ban hành quyết định bổ nhiệm", "P30D", "bổ nhiệm"),
        ("sau 5 ngày kể từ ngày phát hành hóa đơn", "P5D", "ngày phát hành hóa đơn"),
        ("2 tháng kể từ ngày đăng tải thông tin tuyển sinh", "P2M", "thông tin tuyển sinh"),
        ("sau 10 ngày kể từ ngày ký quyết định thành lập", "P10D", "quyết định thành lập"),
        ("trước ngày ban hành kế hoạch thi đua năm 2025", "P0D", "kế hoạch thi đua năm 2025"),
        ("10 ngay ke tu ngay ky hop dong", "P10D", "hop dong"),
    ],
)
def test_another_acts_day_is_an_event_not_the_notices_day(
    phrase: str, offset: str, anchor: str
) -> None:
    # it had been the notice's own day: a due counted from the notice, silently
    got = read(phrase, MAY)
    assert (got.kind, got.due, got.offset) == ("relative", None, offset), got
    assert got.anchor is not None and anchor in got.anchor


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("trong 10 ngày kể từ ngày ký", "2024-05-26T00:00"),
        ("trong vòng 15 ngày kể từ ngày ký ban hành", "2024-05-31T00:00"),
        ("kể từ ngày ký, trong thời hạn 15 ngày", "2024-05-31T00:00"),
        ("15 ngày kể từ ngày ban hành thông báo này", "2024-05-31T00:00"),
        ("trong 10 ngày kể từ ngày ra thông báo", "2024-05-26T00:00"),
        ("trong 10 ngày kể từ ngày ban hành văn bản", "2024-05-26T00:00"),
        ("từ ngày ban hành kế hoạch đến hết ngày 30/6/2024", "2024-07-01T00:00"),
    ],
)
def test_the_notices_own_day_stays_the_notices(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


# -- the count of an anniversary: no length of time -----------------------------------------
@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("vào dịp kỷ niệm 70 năm ngày thành lập ngành", "kỷ niệm 70 năm ngày thành lập ngành"),
        ("trước lễ kỷ niệm 35 năm thành lập trường", "lễ kỷ niệm 35 năm thành lập trường"),
        ("trước khi tổ chức lễ kỷ niệm 10 năm", "tổ chức lễ kỷ niệm 10 năm"),
        ("trước ngày chào mừng 50 năm giải phóng", "ngày chào mừng 50 năm giải phóng"),
        ("vao dip ky niem 20 nam thanh lap cong ty", "ky niem 20 nam thanh lap cong ty"),
    ],
)
def test_an_anniversarys_count_is_part_of_the_events_name(phrase: str, anchor: str) -> None:
    # it had been an offset of that many years: "P70Y" after the event, or the notice
    got = read(phrase, MAY)
    assert (got.kind, got.due, got.offset, got.anchor) == ("relative", None, "P0D", anchor)


@pytest.mark.parametrize(
    "phrase",
    [
        "nhân dịp kỷ niệm 70 năm ngày thành lập ngành",
        "chào mừng 50 năm ngày giải phóng miền Nam",
        "chào mừng kỷ niệm 95 năm ngày thành lập Đảng",
    ],
)
def test_an_anniversary_named_with_no_link_and_no_day_is_an_error(phrase: str) -> None:
    # it had been due that many years after the notice
    assert "không có ngày" in _error(phrase)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Kỷ niệm 25 năm thành lập trường (20/11/1999 - 20/11/2024)", "2024-11-21T00:00"),
        ("dịp kỷ niệm 70 năm ngày thành lập ngành 20/11", "2024-11-21T00:00"),
        ("tổ chức lễ kỷ niệm 10 năm vào ngày 20/11/2024", "2024-11-21T00:00"),
    ],
)
def test_an_anniversary_with_its_day_is_that_day(phrase: str, due: str) -> None:
    assert read(phrase, MAY).due == at(due)


# -- the first or last days of something the reading does not name ---------------------------
@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("trong 3 ngày đầu của đợt kiểm tra", "đầu của đợt kiểm tra"),
        ("5 ngày cuối kỳ nghỉ hè của học sinh", "cuối kỳ nghỉ hè của học sinh"),
        ("trong 2 tuần đầu của đợt tập huấn", "đầu của đợt tập huấn"),
        ("sau 10 ngày đầu", "đầu"),
        ("trong 3 ngay dau cua dot thi", "dau cua dot thi"),
    ],
)
def test_a_count_of_the_first_days_of_an_unread_event_is_an_error(phrase: str, words: str) -> None:
    # it had been counted from the notice: "trong 3 ngày" with the rest left out, silently
    assert f'"{words}"' in _error(phrase)


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("trong 3 ngày đầu của tháng 6", "2024-06-01T00:00", "2024-06-04T00:00"),
        ("10 ngày cuối tháng 5", "2024-05-22T00:00", "2024-06-01T00:00"),
        ("6 tháng đầu năm 2025", "2025-01-01T00:00", "2025-07-01T00:00"),
    ],
)
def test_a_count_of_the_first_days_of_a_period_stays_read(
    phrase: str, start: str, due: str
) -> None:
    got = read(phrase, MAY)
    assert (got.start, got.due) == (at(start), at(due))


# -- a period named by a word that points back to the text ----------------------------------
@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("nộp chậm nhất ngày 15/3 năm đó", "năm đó"),
        ("trước ngày 30/6 năm ấy", "năm ấy"),
        ("trong tháng đó", "tháng đó"),
        ("trước ngày 20 của tháng đó", "tháng đó"),
        ("đến hết ngày 31/12 năm dương lịch đó", "năm dương lịch đó"),
        ("báo cáo trước ngày 10/7 cùng năm", "cùng năm"),
        ("hoàn thành trong quý ấy", "quý ấy"),
    ],
)
def test_a_period_said_elsewhere_in_the_text_is_an_error(phrase: str, words: str) -> None:
    # it had been the notice's year (or the next), "trong tháng đó" every month, silently
    assert f'"{words}" chỉ một thời gian nêu ở chỗ khác' in _error(phrase)
    assert f'"{words}" chỉ một thời gian nêu ở chỗ khác' in _error(phrase, None)


def test_a_period_named_earlier_in_the_phrase_is_the_one_pointed_to() -> None:
    got = read("tháng đầu tiên của quý, từ ngày 1 đến ngày 15 của quý đó", MAY)
    assert got.kind == "recurring"
