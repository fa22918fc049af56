"""Table test: every real phrase of the corpus and every deadline of the seed notices."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from ruamel.yaml import YAML

from giaoban.deadline import Deadline, parse_deadline

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CORPUS = Path(__file__).parent / "data" / "deadlines" / "corpus_1.yaml"
KIND = {
    "before_date": "date",
    "within_period": "period",
    "recurring": "recurring",
    "relative": "relative",
    "none": "none",
}

# Corpus entries giaoban reads differently on purpose, with the reason.
DIFFERENT: dict[str, str] = {}


def _entries() -> list[dict[str, Any]]:
    return list(YAML(typ="safe").load(CORPUS.read_text(encoding="utf-8")))


def _ref(entry: dict[str, Any]) -> date:
    if entry.get("context_date"):
        return date.fromisoformat(str(entry["context_date"]))
    return date(int(entry["context_year"]), 1, 1)


def _late_at(last_on_time: Any) -> datetime:
    """The corpus gives the last on-time minute; giaoban gives the first late one."""
    moment = datetime.fromisoformat(str(last_on_time)).replace(tzinfo=TZ)
    if (moment.hour, moment.minute) == (23, 59):
        moment += timedelta(minutes=1)
    return moment


def _rrule_parts(rule: str) -> dict[str, str]:
    body = rule.rpartition("RRULE:")[2]
    return dict(part.split("=", 1) for part in body.split(";"))


def _check(entry: dict[str, Any], got: Deadline) -> None:
    kind = KIND[entry["kind"]]
    if kind == "relative" and got.kind == "date":
        kind = "date"  # the anchor was known
    assert got.kind == kind
    if entry.get("due") is not None:
        assert got.due == _late_at(entry["due"])
    elif kind in ("recurring", "none"):
        assert got.due is None
    if entry.get("period_start") is not None:
        assert got.start == _late_at(entry["period_start"])
    if kind == "recurring":
        if entry.get("rrule") is None:
            assert got.rrule is None
        else:
            assert got.rrule is not None and got.rrule.startswith("DTSTART")
            expected = _rrule_parts(entry["rrule"])
            assert expected.items() <= _rrule_parts(got.rrule).items()
    if kind == "relative":
        assert got.anchor


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["id"])
def test_corpus_phrase(entry: dict[str, Any]) -> None:
    got = parse_deadline(entry["phrase"], _ref(entry))
    assert isinstance(got, Deadline), got
    if entry["id"] in DIFFERENT:
        pytest.skip(DIFFERENT[entry["id"]])
    _check(entry, got)


def test_corpus_is_complete() -> None:
    assert len(_entries()) == 59


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
