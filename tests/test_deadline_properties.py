"""Property tests (hypothesis, derandomized) of the deadline engine."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from giaoban.deadline import Deadline, parse_deadline
from giaoban.deadline.recur import occurrences
from giaoban.model.text import fold

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DETERMINISTIC = settings(derandomize=True, deadline=None, max_examples=300)


def _read(phrase: str, ref: date) -> Deadline:
    got = parse_deadline(phrase, ref)
    assert isinstance(got, Deadline), got
    return got


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=TZ)


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, date]:
    """A date in 2000-2069 written in one of the supported ways."""
    day = draw(st.dates(date(2000, 1, 1), date(2069, 12, 31)))
    pad = draw(st.booleans())
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if pad else (str(day.day), str(day.month))
    year = draw(st.sampled_from([str(day.year), f"{day.year % 100:02d}"]))
    form = draw(st.sampled_from(["/", ".", "-", " ", "long"]))
    lead = draw(st.sampled_from(["", "ngày ", "trước ngày ", "chậm nhất ngày ", "hạn cuối "]))
    if form == "long":
        return f"{lead}{'' if 'ngày' in lead else 'ngày '}{d} tháng {m} năm {year}", day
    if form == " " and "ngày" not in lead:
        return f"{lead}{d} {m} {day.year}", day
    return f"{lead}{d}{form}{m}{form}{year}", day


@DETERMINISTIC
@given(written_dates())
def test_a_written_date_reads_back_as_itself(case: tuple[str, date]) -> None:
    phrase, day = case
    got = _read(phrase, day - timedelta(days=10))
    assert (got.kind, got.due, got.has_time) == ("date", _end_of(day), False)


@DETERMINISTIC
@given(
    st.dates(date(2001, 1, 1), date(2068, 12, 31)),
    st.integers(min_value=-31, max_value=300),
    st.sampled_from(["/", ".", "-"]),
)
def test_a_date_without_year_takes_the_notice_year_or_the_next(
    day: date, before: int, sep: str
) -> None:
    ref = day - timedelta(days=before)
    assume(day.year in (ref.year, ref.year + 1))
    got = _read(f"trước ngày {day.day}{sep}{day.month}", ref)
    assert got.due == _end_of(day)


_PERIODS = st.one_of(
    st.builds(lambda m, y: f"trong tháng {m}/{y}", st.integers(1, 12), st.integers(2000, 2060)),
    st.builds(
        lambda q, sep, y: f"quý {q}{sep}{y}",
        st.sampled_from(["I", "II", "III", "IV", "1", "2", "3", "4"]),
        st.sampled_from(["/", ".", "-", " năm "]),
        st.integers(2000, 2060),
    ),
    st.builds(lambda n, y: f"trong tuần {n} năm {y}", st.integers(1, 52), st.integers(2000, 2060)),
    st.builds(
        lambda n, side, y: f"{n} tháng {side} năm {y}",
        st.integers(1, 12),
        st.sampled_from(["đầu", "cuối"]),
        st.integers(2000, 2060),
    ),
    st.builds(
        lambda part, m: f"{part} tháng {m}",
        st.sampled_from(["đầu", "giữa", "cuối"]),
        st.integers(1, 12),
    ),
    st.builds(lambda y: f"năm {y}", st.integers(2000, 2060)),
)


@DETERMINISTIC
@given(_PERIODS, st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_a_period_starts_before_it_is_due(phrase: str, ref: date) -> None:
    got = _read(phrase, ref)
    assert got.kind == "period"
    assert got.start is not None and got.due is not None
    assert got.start < got.due <= got.start + timedelta(days=366)


_RECURRING = st.builds(
    lambda time, day, freq: f"{time}{day} {freq}".strip(),
    st.sampled_from(["", "trước 14h00 ", "9 giờ 30 phút ", "2 giờ chiều "]),
    st.sampled_from(["thứ 2", "thứ Sáu", "chủ nhật", "T4", "ngày 31", "ngày 15", ""]),
    st.sampled_from(["hàng tuần", "hằng tháng", "hằng quý", "hằng năm", "định kỳ hằng tháng"]),
)


@DETERMINISTIC
@given(_RECURRING, st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_recurring_occurrences_strictly_increase(phrase: str, ref: date) -> None:
    got = parse_deadline(phrase, ref)
    assume(isinstance(got, Deadline))  # "ngày 31 hàng tuần" is rightly unreadable
    assert isinstance(got, Deadline) and got.kind == "recurring" and got.rrule
    start = datetime.combine(ref, datetime.min.time(), tzinfo=TZ)
    found = occurrences(got, start, start + timedelta(days=800))
    assert found, phrase
    assert all(a < b for a, b in zip(found, found[1:], strict=False))
    assert found[0] >= start


_PHRASES = st.sampled_from(
    [
        "trước ngày 25/02/2019",
        "hoàn thành trước 05/3/2019",
        "trong Quý I/2019",
        "trong tuần 10 năm 2019",
        "Trong tuần 16",
        "hoàn thành trong tháng 4/2022",
        "trước 14h00 thứ 6 hàng tuần",
        "xong trước **ngày 30/9/2023**",
        "khẩn trương",
        "thường xuyên",
        "kịp thời",
        "ngày 25 tháng 02 năm 2019",
        "2 giờ chiều thứ Sáu tuần sau",
        "10 giờ 30 phút ngày 15/3",
        "6 tháng cuối năm 2023",
        "3 tháng cuối năm",
        "giữa tháng 5",
        "cuối năm",
        "thứ Bảy",
        "chủ nhật tuần tới",
        "ngày 06 của tháng cuối quý",
        "thứ sáu của tuần lễ thứ hai trong tháng",
        "trong vòng 05 ngày làm việc kể từ ngày ban hành",
        "chậm nhất 45 ngày kể từ ngày ký",
        "Từ tháng 4 đến tháng 12 năm 2020",
        "Từ ngày 20/7/2020 đến hết ngày 25/7/2020",
        "Chậm nhất trước 10 giờ 30 phút, ngày 26 tháng 10 năm 2019 (thứ Hai)",
        "theo quy định",
    ]
)


@DETERMINISTIC
@given(_PHRASES, st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_without_diacritics_reads_the_same(phrase: str, ref: date) -> None:
    a, b = _read(phrase, ref), _read(fold(phrase), ref)
    assert (a.kind, a.due, a.start, a.rrule, a.offset, a.business_days, a.has_time) == (
        b.kind,
        b.due,
        b.start,
        b.rrule,
        b.offset,
        b.business_days,
        b.has_time,
    )
