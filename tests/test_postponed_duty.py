"""A postponed recurring duty: from the postponement on, the new rule; before it, the old.

End to end in a real git repository: ``postpone`` and ``stop`` through the CLI, then
the reports (with and without the cache), ``show``, the iCalendar and JSON exports and
the edits that name an occurrence (``done --occurrence``, ``reopen``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Component
from typer.testing import CliRunner, Result

from giaoban.cli.main import app
from tests.conftest import MINIMAL_UNITS, run_git
from tests.test_calendar import exdates, recurrence, series
from tests.test_deadline_forms import read

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKLY = "2024-03-04-duty"
MONTHLY = "2024-03-05-thang"
NOTICE = """\
id: {id}
kind: thông báo kết luận
title: Báo cáo định kỳ
date: {day}
tasks:
  - item: "1"
    text: Báo cáo về Văn phòng
    owners: [Văn phòng Trung ương Đoàn]
    deadline: {deadline}
"""


@pytest.fixture
def data(git_repo: Path, runner: CliRunner) -> Path:
    """A ledger with a weekly duty (Friday 14h00) and a monthly one (before the 25th)."""
    folder = git_repo / "data"
    (folder / "2024").mkdir(parents=True)
    (folder / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    for nid, day, deadline in (
        (WEEKLY, "2024-03-04", "trước 14h00 thứ 6 hàng tuần"),
        (MONTHLY, "2024-03-05", "trước ngày 25 hàng tháng"),
    ):
        text = NOTICE.format(id=nid, day=day, deadline=deadline)
        (folder / "2024" / f"{nid}.yaml").write_text(text, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    return folder


def run(runner: CliRunner, data: Path, today: str, *args: str) -> Result:
    return runner.invoke(app, [*args, "--data", str(data)], env={"GIAOBAN_TODAY": today})


def ok(runner: CliRunner, data: Path, today: str, *args: str) -> Result:
    result = run(runner, data, today, *args)
    assert result.exit_code == 0, result.output
    return result


def rows(runner: CliRunner, data: Path, today: str, *args: str) -> list[tuple[str, str, int]]:
    """(due, state, missed) of each row of a report's JSON."""
    found = json.loads(ok(runner, data, today, *args, "--format", "json").stdout)["tasks"]
    return [(t["due"], t["state"], t.get("missed") or 0) for t in found]


def calendar(runner: CliRunner, data: Path, today: str) -> dict[str, Component]:
    raw = ok(runner, data, today, "export", "--format", "ics").stdout_bytes
    return {str(e["UID"]): e for e in Calendar.from_ical(raw).walk("VEVENT")}


def notice_text(data: Path, nid: str) -> str:
    return (data / "2024" / f"{nid}.yaml").read_text(encoding="utf-8")


def test_a_weekly_duty_moved_to_thursday_keeps_the_fridays_reported_before(
    runner: CliRunner, data: Path
) -> None:
    today = "2024-03-20"
    ok(runner, data, today, "done", f"{WEEKLY}#1")  # the report of Friday 08/03
    ok(runner, data, today, "done", f"{WEEKLY}#1")  # the report of Friday 15/03
    ok(runner, data, today, "postpone", f"{WEEKLY}#1", "trước 14h00 thứ 5 hàng tuần",
       "--reason", "Lãnh đạo họp sáng thứ Sáu")  # fmt: skip
    for cache in ([], ["--no-cache"]):
        assert rows(runner, data, today, "week", "-n", WEEKLY, *cache) == [
            ("2024-03-21T14:00:00+07:00", "due_soon", 0)
        ]
        assert rows(runner, data, today, "overdue", "-n", WEEKLY, *cache) == []
        # a month on, the Thursdays not reported are late, the Fridays before still done
        assert [
            r[0] for r in rows(runner, data, "2024-04-12", "overdue", "-n", WEEKLY, *cache)
        ] == [
            "2024-03-21T14:00:00+07:00",
            "2024-03-28T14:00:00+07:00",
            "2024-04-04T14:00:00+07:00",
            "2024-04-11T14:00:00+07:00",
        ]
    shown = ok(runner, data, today, "show", f"{WEEKLY}#1").stdout
    assert "quá hạn" not in shown
    assert "hạn 21/03/2024 14:00" in shown

    events = calendar(runner, data, today)
    before, now = events[f"{WEEKLY}#1@1.truoc-gia-han.giaoban"], events[f"{WEEKLY}#1@giaoban"]
    assert before.decoded("DTSTART") == datetime(2024, 3, 8, 14, tzinfo=TZ)
    assert exdates(before) == [
        datetime(2024, 3, 8, 14, tzinfo=TZ),
        datetime(2024, 3, 15, 14, tzinfo=TZ),
    ]
    assert [u.astimezone(TZ) for u in recurrence(before)["UNTIL"]] == [
        datetime(2024, 3, 19, 23, 59, 59, tzinfo=TZ)
    ]
    assert now.decoded("DTSTART") == datetime(2024, 3, 21, 14, tzinfo=TZ)
    assert "UNTIL" not in recurrence(now) and exdates(now) == []
    # each series says the deadline of its own rule, as written
    assert "Thời hạn: trước 14h00 thứ 6 hàng tuần" in str(before["DESCRIPTION"])
    assert "Thời hạn: trước 14h00 thứ 5 hàng tuần" in str(now["DESCRIPTION"])


def test_a_monthly_duty_moved_to_a_later_day_keeps_the_month_reported(
    runner: CliRunner, data: Path
) -> None:
    ok(runner, data, "2024-04-20", "done", f"{MONTHLY}#1")  # the report due 25/03
    ok(runner, data, "2024-04-20", "postpone", f"{MONTHLY}#1", "trước ngày 28 hàng tháng",
       "--reason", "Lùi hạn báo cáo tháng")  # fmt: skip
    for cache in ([], ["--no-cache"]):
        assert rows(runner, data, "2024-04-20", "overdue", "-n", MONTHLY, *cache) == []
        late = rows(runner, data, "2024-04-30", "overdue", "-n", MONTHLY, *cache)
        assert [r[0] for r in late] == ["2024-04-29T00:00:00+07:00"]  # named 28/04
    events = calendar(runner, data, "2024-04-20")
    before = events[f"{MONTHLY}#1@1.truoc-gia-han.giaoban"]
    assert exdates(before) == [date(2024, 3, 25)]
    assert events[f"{MONTHLY}#1@giaoban"].decoded("DTSTART") == date(2024, 4, 28)


def test_occurrences_before_the_postponement_are_named_by_the_old_rule(
    runner: CliRunner, data: Path
) -> None:
    today = "2024-03-20"
    ok(runner, data, today, "done", f"{WEEKLY}#1")  # 08/03
    ok(runner, data, today, "postpone", f"{WEEKLY}#1", "trước 14h00 thứ 5 hàng tuần",
       "--reason", "Lãnh đạo họp sáng thứ Sáu")  # fmt: skip
    ok(runner, data, today, "reopen", f"{WEEKLY}#1", "--occurrence", "08/03/2024")
    ok(runner, data, today, "done", f"{WEEKLY}#1", "--occurrence", "08/03/2024")
    refused = run(runner, data, today, "done", f"{WEEKLY}#1", "--occurrence", "14/03/2024")
    assert refused.exit_code == 1
    assert "không phải một lần" in refused.stderr and "15/03/2024, 21/03/2024" in refused.stderr
    done = ok(runner, data, today, "done", f"{WEEKLY}#1").stdout  # the earliest not done
    assert "(lần 15/03/2024)" in done
    done = ok(runner, data, today, "done", f"{WEEKLY}#1").stdout
    assert "(lần 21/03/2024)" in done


def test_a_postponement_that_would_hide_a_report_already_made_is_refused(
    runner: CliRunner, data: Path
) -> None:
    today = "2024-03-20"
    ok(runner, data, today, "done", f"{WEEKLY}#1", "--occurrence", "22/03/2024")  # sent early
    before = notice_text(data, WEEKLY)
    args = ("postpone", f"{WEEKLY}#1", "trước 14h00 thứ 5 hàng tuần", "--reason", "Họp thứ Sáu")
    refused = run(runner, data, today, *args)
    assert refused.exit_code == 1
    message = " ".join(refused.stderr.split())
    assert "không gia hạn được từ ngày 20/03/2024: lần 22/03/2024" in message
    assert f"giaoban reopen {WEEKLY}#1 --occurrence 22/03/2024" in message
    assert "--on 23/03/2024" in message
    assert notice_text(data, WEEKLY) == before
    ok(runner, data, today, *args, "--on", "2024-03-23")  # from after that report: accepted
    assert rows(runner, data, "2024-03-27", "overdue", "-n", WEEKLY) == [
        ("2024-03-08T14:00:00+07:00", "overdue", 2),
        ("2024-03-15T14:00:00+07:00", "overdue", 2),
    ]


def test_a_duty_with_reports_made_is_not_turned_into_a_one_off_task(
    runner: CliRunner, data: Path
) -> None:
    ok(runner, data, "2024-03-20", "done", f"{WEEKLY}#1")
    before = notice_text(data, WEEKLY)
    refused = run(runner, data, "2024-03-20", "postpone", f"{WEEKLY}#1", "trước ngày 30/06/2024",
                  "--reason", "Gộp thành một báo cáo")  # fmt: skip
    assert refused.exit_code == 1
    assert "lần 08/03/2024" in refused.stderr and "giaoban stop" in refused.stderr
    assert notice_text(data, WEEKLY) == before


def test_stop_refuses_to_leave_a_report_made_after_the_duty_ends(
    runner: CliRunner, data: Path
) -> None:
    today = "2024-03-20"
    ok(runner, data, today, "done", f"{WEEKLY}#1", "--occurrence", "22/03/2024")
    before = notice_text(data, WEEKLY)
    refused = run(runner, data, today, "stop", f"{WEEKLY}#1", "--from", "2024-03-15")
    assert refused.exit_code == 1
    message = " ".join(refused.stderr.split())
    assert "không dừng được từ ngày 15/03/2024: lần 22/03/2024" in message
    assert "--from 23/03/2024" in message
    assert notice_text(data, WEEKLY) == before
    ok(runner, data, today, "stop", f"{WEEKLY}#1", "--from", "2024-03-23")
    assert "until: 2024-03-22" in notice_text(data, WEEKLY)


def test_a_hand_written_chain_of_extensions(runner: CliRunner, data: Path) -> None:
    """Friday, then Thursday from 20/03, then Wednesday from 03/04; an extension without a
    date cannot be placed in time and changes nothing."""
    path = data / "2024" / f"{WEEKLY}.yaml"
    path.write_text(
        NOTICE.format(id=WEEKLY, day="2024-03-04", deadline="trước 14h00 thứ 4 hàng tuần")
        + "    done_occurrences: [2024-03-08, 2024-03-15, 2024-03-21, 2024-03-28, 2024-04-03]\n"
        "    extensions:\n"
        "      - {from: trước 14h00 thứ 6 hàng tuần, to: trước 14h00 thứ 5 hàng tuần,"
        " date: 2024-03-20}\n"
        "      - {from: trước 14h00 thứ 5 hàng tuần, to: trước 14h00 thứ 4 hàng tuần,"
        " date: 2024-04-03}\n"
        "      - {from: trước 14h00 thứ 2 hàng tuần, to: trước 14h00 thứ 4 hàng tuần}\n",
        encoding="utf-8",
    )
    for cache in ([], ["--no-cache"]):
        late = rows(runner, data, "2024-04-20", "overdue", "-n", WEEKLY, *cache)
        assert [r[0] for r in late] == ["2024-04-10T14:00:00+07:00", "2024-04-17T14:00:00+07:00"]
    events = calendar(runner, data, "2024-04-20")
    assert sorted(uid for uid in events if uid.startswith(WEEKLY)) == [
        f"{WEEKLY}#1@1.truoc-gia-han.giaoban",
        f"{WEEKLY}#1@2.truoc-gia-han.giaoban",
        f"{WEEKLY}#1@giaoban",
    ]
    thursdays = events[f"{WEEKLY}#1@2.truoc-gia-han.giaoban"]
    assert thursdays.decoded("DTSTART") == datetime(2024, 3, 21, 14, tzinfo=TZ)
    assert len(exdates(thursdays)) == 2


def test_an_occurrence_is_dated_as_the_rule_of_its_day_names_it(
    runner: CliRunner, data: Path
) -> None:
    """A whole-day monthly duty made a Friday 14h00 one: the month missed before is shown
    as a day, not as a moment at midnight."""
    path = data / "2024" / f"{MONTHLY}.yaml"
    path.write_text(
        NOTICE.format(id=MONTHLY, day="2024-03-05", deadline="trước 14h00 thứ 6 hàng tuần")
        + "    extensions:\n"
        "      - {from: trước ngày 25 hàng tháng, to: trước 14h00 thứ 6 hàng tuần,"
        " date: 2024-04-20}\n",
        encoding="utf-8",
    )
    shown = ok(runner, data, "2024-04-21", "show", f"{MONTHLY}#1").stdout
    assert "Tình trạng: quá hạn, hạn 25/03/2024 (quá hạn 27 ngày)" in shown


def exported(runner: CliRunner, data: Path, nid: str) -> dict[str, Any]:
    """The task of notice ``nid`` in ``export --format json``."""
    notices = json.loads(ok(runner, data, "2024-04-20", "export").stdout)["notices"]
    return next(n for n in notices if n["id"] == nid)["tasks"][0]


def rule_days(text: str, end: date) -> list[date]:
    """The days an exported rule (DTSTART and RRULE lines) names up to ``end``, with dateutil
    as a tool reading the export would."""
    return [d.date() for d in rrulestr(text) if d.date() <= end] if text else []


def test_the_json_export_gives_the_rules_the_reports_and_the_calendar_follow(
    runner: CliRunner, data: Path
) -> None:
    """The monthly duty (25th, notice of 05/03/2024) moved to the 28th on 20/04/2024: the
    export had given the new rule from the notice's month (28/03, a day no report or
    calendar lists) and lost the 25th of March, which the reports count."""
    ok(runner, data, "2024-04-20", "postpone", f"{MONTHLY}#1", "trước ngày 28 hàng tháng",
       "--reason", "Lùi hạn báo cáo tháng")  # fmt: skip
    task = exported(runner, data, MONTHLY)
    assert task["rrule"] == "DTSTART;VALUE=DATE:20240428\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28"
    assert task["earlier_rules"] == [
        {
            "deadline": "trước ngày 25 hàng tháng",
            "rrule": "DTSTART;VALUE=DATE:20240325\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25;UNTIL=20240419",
        }
    ]
    end = date(2024, 7, 31)
    days = sorted(d for r in task["earlier_rules"] for d in rule_days(r["rrule"], end))
    days += rule_days(task["rrule"], end)
    assert days == [date(2024, 3, 25), *(date(2024, m, 28) for m in (4, 5, 6, 7))]
    # the same days as the reports' rows ...
    late = rows(runner, data, "2024-08-01", "overdue", "--all", "-n", MONTHLY)
    assert [date.fromisoformat(r[0][:10]) - timedelta(days=1) for r in late] == days
    # ... and as the calendar's events
    lo, hi = datetime(2024, 3, 1, tzinfo=TZ), datetime(2024, 8, 1, tzinfo=TZ)
    events = calendar(runner, data, "2024-04-20")
    shown = [d for uid, e in events.items() if uid.startswith(MONTHLY) for d in series(e, lo, hi)]
    assert sorted(d.date() for d in shown) == days
    # a duty never postponed: its rule as read, as before
    never = exported(runner, data, WEEKLY)
    assert never["rrule"] == read("trước 14h00 thứ 6 hàng tuần", date(2024, 3, 4)).rrule
    assert "earlier_rules" not in never


def test_a_timed_duty_postponed_ends_its_earlier_rule_in_utc(runner: CliRunner, data: Path) -> None:
    today = "2024-03-20"
    ok(runner, data, today, "postpone", f"{WEEKLY}#1", "trước 14h00 thứ 5 hàng tuần",
       "--reason", "Lãnh đạo họp sáng thứ Sáu")  # fmt: skip
    task = exported(runner, data, WEEKLY)
    zone = "DTSTART;TZID=Asia/Ho_Chi_Minh"
    assert task["rrule"] == (
        f"{zone}:20240321T140000\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=14;BYMINUTE=0;BYSECOND=0"
    )
    assert [r["rrule"] for r in task["earlier_rules"]] == [
        f"{zone}:20240308T140000\nRRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=14;BYMINUTE=0;BYSECOND=0;"
        "UNTIL=20240319T165959Z"  # the end of 19/03 in Hà Nội
    ]
