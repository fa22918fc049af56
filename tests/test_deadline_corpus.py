"""Table test: every real phrase of the two corpora and every deadline of the seed notices.

What counts as read right is ``bench/deadline_accuracy.verdict``: one rule for the
benchmark and the tests.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from giaoban.deadline import Deadline, DeadlineError, parse_deadline
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import deadline_accuracy as accuracy  # noqa: E402 - bench/ is not a package

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Corpus entries giaoban reads differently on purpose, with the reason.
DIFFERENT: dict[str, str] = {}
# The fresh sets the engine was developed on (issue 12): their scores may not fall below
# these (the scores when they were last raised, after the fifth work of 2026-12-06; fresh_5
# to fresh_7 became development sets with the fourth, fresh_8 in the first work of the
# next session; a fix that costs a phrase elsewhere
# must say so by lowering one, never a slide).
FLOORS = {
    "fresh_1": 325,
    "fresh_2": 146,  # 148 until a bare clock time ("14 giờ 00") was no longer the notice's day
    "fresh_3": 144,  # 144 after the twenty-eighth ("sáng ngày 27/4" undated: an error, no year)
    "fresh_4": 104,
    "fresh_5": 129,  # 126 before the seventeenth work ("dịp nghỉ Lễ Quốc khánh 02/9": an error);
    # 128 after the twenty-fifth ("từ 22 giờ ngày hôm nay 10.9 ..." without a date: an error)
    # 129 after the twenty-seventh (a day without a year with an hour, in a text without a date)
    "fresh_6": 122,  # 121 before the twentieth work ("Đầu tháng 10/2024: (dự kiến 05/10/2024)":
    # the day in brackets)
    "fresh_7": 102,
    "fresh_8": 121,  # 121 after the twenty-second work ("... năm dương lịch đó": an error, the
    # year given elsewhere)
    "fresh_9": 162,  # 161 before the eighth work (branch issue12j)
    "fresh_10": 124,  # 105 before the eighth work, its first as a development set; 123 after
    # the seventeenth ("dịp Tết Kỷ Hợi": an error, the season's days not given); 124 after the
    # twenty-second ("trước ngày ban hành kế hoạch tuyển dụng ... năm 2023": another act's day)
    "fresh_11": 128,  # 116 before the eleventh work; 118 after the fourteenth ("đến15-12-2017");
    # 123 after the seventeenth ("Khoảng một tháng trước khi ...", "tháng báo cáo", "tương ứng
    # với ... Dương lịch", "Rằm tháng Bảy (15/7 âm lịch)", "nghỉ trước Tết hai ngày"); 126 after
    # the twenty-fifth ("Ngày mai (7/2)", "tối nay 12/7" without a date: errors, no year)
    # 127 after the twenty-seventh (a day without a year with a weekday or an hour, undated)
    # 128 after the twenty-eighth ("Trong hai ngày 28-29.5" undated: a count before the days)
    "fresh_12": 115,  # held out until 2026-12-07 (102 then); 107 after the sixteenth work, 108
    # after the seventeenth ("trong dịp Tết Nguyên đán Tân Sửu": an error)
    # 110 after the twenty-seventh (a day without a year with a weekday or an hour, undated);
    # 114 after the twenty-eighth (a part of the day before it, "Sáng ngày 7/7", undated)
    # 115 after the twenty-eighth, with "trong hai ngày 11 và 12/6" too
    "fresh_13": 108,  # held out until 2026-12-07 (104 then); 107 after the sixteenth work; 108
    # after the twenty-second ("... hoặc từ ngày thông báo hợp lệ ...": another act's day)
    "fresh_14": 131,  # held out until the second session of 2026-12-07 (119 when first scored,
    # 121 after the sixteenth work); 127 after the eighteenth ("Chúa nhật" as Sunday, a year
    # after a space, "thứ Hai đầu tuần liền kề", a form's blank and "những tháng đầu năm" as
    # errors, "một năm ít là một lần"); 128 after the nineteenth ("Thứ 5, 6, 7 (ngày 26, 27,
    # 28/3)": those days); 129 after the twenty-fifth ("ngay khi kết thúc kiểm tra học kỳ 2":
    # the event, not the semester)
    # 131 after the twenty-seventh (a day without a year with a weekday or an hour, undated)
    "fresh_15": 114,  # held out until the second session of 2026-12-07 (100 when first scored,
    # before the eighteenth work, and after it); 109 after the nineteenth ("28 Tết" of tháng
    # Chạp, days of the Chăm calendar, "Chúa nhựt", "2 giờ trước giờ khởi hành", "những ngày
    # cuối tháng"); the scorer compares a lunar rule of whole days as it does a solar one);
    # 112 after the twentieth (a lunar day of a stem-and-branch year with its solar day told
    # after "dl:" or "tức": the solar day; a weekly night's window closes the morning after);
    # 113 ("các ngày từ thứ sáu đến thứ tư (tức từ ngày 26-4 đến hết ngày 1-5)": those days)
    # 114 after the twenty-eighth ("trong 3 ngày (từ ngày 14, 15 và 16/4 ...)" undated: an error)
    "fresh_16": 109,  # held out until the third session of 2026-12-07 (105 when first scored,
    # after the eighteenth work, and the same before it and after the nineteenth and twentieth);
    # 109 after the twenty-first ("từ thứ Hai, ngày 07 cho đến ...", "kể từ sau ngày 31-3",
    # "tháng Chạp âm lịch" read; "Trong quá 1/2020", a month after a word, an error)
    "fresh_17": 113,  # held out until the fourth session of 2026-12-07 (106 when first scored,
    # 107 after the twenty-first and twenty-second works and the halves of a month and quarter);
    # 109 after the twenty-third ("Tháng Công nhân năm 2022" is May; "trước ngày 31/01 của năm
    # tiếp theo" without a date, every year)
    # 111 after the twenty-seventh (a day without a year with a weekday or an hour, undated)
    # 113 after the twenty-eighth (a count of days before days without a year, undated)
    "fresh_18": 117,  # held out until the fifth session of 2026-12-07 (108 when first scored,
    # before the twenty-third work, and after it); 114 after the twenty-fourth ("Sở KH&CN",
    # "9:30 tối", "(theo ngày làm việc ...)", "(30) ngày", "thường xuyên từ thứ Hai đến thứ
    # Sáu", "03 ngày, bắt đầu từ 08h00 ngày ..." read); 115 after the twenty-fifth ("vào những
    # năm chẵn": every other year)
    # 117 after the twenty-eighth (a count of days before days without a year, undated)
    "fresh_19": 114,  # held out until the sixth session of 2026-12-07 (108 when first scored,
    # before the twenty-fourth work, and after it and the twenty-fifth); 112 after the
    # twenty-sixth ("tháng 1-3-5-7-9-11 hàng năm" each month, "24-48 giờ" its upper end, "cho
    # tới khi" an open start, "mùa mưa bão năm nay" an error); 113 after the twenty-seventh (a
    # day without a year with a weekday or an hour, in a text without a date: an error)
    # 114 after the twenty-eighth ("trong hai ngày 25 đến 26 tháng 12" undated: an error)
}


def _entries(*names: str) -> list[dict[str, Any]]:
    return [e for name in names for e in accuracy.load_set(name)]


@pytest.mark.parametrize("entry", _entries("corpus_1", "corpus_2"), ids=lambda e: e["id"])
def test_corpus_phrase(entry: dict[str, Any]) -> None:
    if entry["id"] in DIFFERENT:
        pytest.skip(DIFFERENT[entry["id"]])
    verdict = accuracy.verdict(entry, accuracy.read(entry))
    assert verdict.ok, verdict.why


def test_corpora_are_complete() -> None:
    assert (len(_entries("corpus_1")), len(_entries("corpus_2"))) == (59, 80)


@pytest.mark.parametrize(("name", "floor"), FLOORS.items())
def test_fresh_set_score_does_not_fall(name: str, floor: int) -> None:
    score = accuracy.score(name)
    assert score.right >= floor, score.line()


def test_a_line_splits_the_entries_read_with_and_without_a_date() -> None:
    """A notice always has a date: each set's line also scores the entries read with one
    (the text's date or year) apart from those read without."""
    entries = accuracy.load_set("fresh_1")
    score = accuracy.score("fresh_1")
    dated = [e for e in entries if accuracy.reference(e) is not None]
    right = sum(accuracy.verdict(e, accuracy.read(e)).ok for e in dated)
    assert 0 < len(dated) < len(entries)
    assert (score.dated, score.dated_right) == (len(dated), right)
    undated = len(entries) - len(dated)
    assert f"with a date {right}/{len(dated)}, without {score.right - right}/{undated}" in (
        score.line()
    )
    assert "with a date" not in accuracy.score("corpus_1").line()  # every entry dated


def test_a_line_counts_the_wrong_readings_given_without_an_error() -> None:
    """Of the phrases read otherwise than annotated, those read without an error are
    counted apart: a report would show them wrong, where an error asks for the day."""
    entries = accuracy.load_set("fresh_1")
    score = accuracy.score("fresh_1")
    readings = [(e, accuracy.read(e)) for e in entries]
    wrong = [got for e, got in readings if not accuracy.verdict(e, got).ok]
    silent = [got for got in wrong if not isinstance(got, DeadlineError)]
    assert 0 < len(silent) < len(wrong)
    assert score.silent == len(silent)
    assert f"wrong without an error {len(silent)}/{len(wrong)}" in score.line()
    assert "wrong without" not in accuracy.score("corpus_1").line()  # none wrong


def test_a_school_label_is_scored_as_the_kind_annotated() -> None:
    """The flag for school years whose bounds are not in the text accepts any period for a
    period; an open start so flagged is scored as an open start."""
    flags = ["academic_period_bounds_not_in_text"]
    start: dict[str, Any] = {
        "id": "x",
        "phrase": "từ năm học 2030-2031",
        "kind": "none",
        "flags": flags,
    }
    label: dict[str, Any] = {
        "id": "y",
        "phrase": "học kỳ II năm học 2030-2031",
        "kind": "within_period",
    }
    ref = date(2030, 5, 1)
    assert accuracy.verdict(start, parse_deadline(start["phrase"], ref)).ok
    assert accuracy.verdict({**label, "flags": flags}, parse_deadline(label["phrase"], ref)).ok
    assert not accuracy.verdict(
        {**start, "kind": "within_period"}, parse_deadline(start["phrase"], ref)
    ).ok


def test_a_lunar_rule_of_whole_days_is_scored_as_a_solar_one() -> None:
    """A lunar rule's BYHOUR=23;BYMINUTE=59 marks a whole day, as a solar rule's does (it had
    been compared as written, so the same days annotated so were scored wrong)."""
    entry: dict[str, Any] = {
        "id": "x",
        "phrase": "đến hết ngày Rằm tháng Bảy hằng năm",
        "kind": "recurring",
        "rrule": "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=15;BYHOUR=23;BYMINUTE=59",
    }
    got = parse_deadline(entry["phrase"], date(2030, 5, 1))
    assert accuracy.verdict(entry, got).ok
    other = {**entry, "rrule": entry["rrule"].replace("BYMONTHDAY=15", "BYMONTHDAY=14")}
    assert not accuracy.verdict(other, got).ok


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


# (phrase as written in ../shared/seeds, notice date, kind, due, start)
SEEDS = [
    ("trước ngày 25/02/2019", "2019-02-18", "date", "2019-02-26T00:00", None),
    ("**trước ngày 25/02/2019**", "2019-02-18", "date", "2019-02-26T00:00", None),
    ("trước ngày 05/3/2019", "2019-02-18", "date", "2019-03-06T00:00", None),
    ("hoàn thành trước 05/3/2019", "2019-02-18", "date", "2019-03-06T00:00", None),
    ("trong Quý I/2019", "2019-02-18", "period", "2019-04-01T00:00", "2019-01-01T00:00"),
    ("trong tuần 10 năm 2019", "2019-02-18", "period", "2019-03-11T00:00", "2019-03-04T00:00"),
    ("Trong tuần 16", "2022-04-14", "period", "2022-04-25T00:00", "2022-04-18T00:00"),
    (
        "hoàn thành trong tháng 4/2022",
        "2022-04-14",
        "period",
        "2022-05-01T00:00",
        "2022-04-01T00:00",
    ),
    ("trong tháng 4/2022", "2022-04-14", "period", "2022-05-01T00:00", "2022-04-01T00:00"),
    ("xong trước **ngày 30/9/2023**", "2023-08-29", "date", "2023-10-01T00:00", None),
    ("khẩn trương", "2022-04-14", "none", None, None),
    ("thường xuyên", "2023-08-29", "none", None, None),
    ("kịp thời", "2022-04-14", "none", None, None),
    ("6 tháng đầu năm 2018", "2018-08-06", "period", "2018-07-01T00:00", "2018-01-01T00:00"),
    ("quý II, năm 2021", "2021-04-09", "period", "2021-07-01T00:00", "2021-04-01T00:00"),
]


@pytest.mark.parametrize(("phrase", "ref", "kind", "due", "start"), SEEDS)
def test_seed_deadline(
    phrase: str, ref: str, kind: str, due: str | None, start: str | None
) -> None:
    got = parse_deadline(phrase, date.fromisoformat(ref))
    assert isinstance(got, Deadline), got
    assert got.kind == kind
    assert got.due == (_at(due) if due else None)
    assert got.start == (_at(start) if start else None)


def test_seed_weekly_report() -> None:
    got = parse_deadline("trước 14h00 thứ 6 hàng tuần", date(2022, 4, 14))
    assert isinstance(got, Deadline)
    assert got.kind == "recurring"
    assert got.rrule == (
        "DTSTART;TZID=Asia/Ho_Chi_Minh:20220415T140000\n"
        "RRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=14;BYMINUTE=0;BYSECOND=0"
    )
