"""Reports against the seed data and small notices, with a fixed ``--today``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.render.reports import CELL_MAX
from giaoban.reports.rows import due_report, overdue_report, report_week, week_report

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
N2019 = "2019-02-18-giao-ban-khoi-phong-trao"
N2022 = "2022-04-14-giao-ban-khoi-phong-trao"
N2018 = "2018-08-02-so-ket-6-thang-dau-nam-2018"

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3/2024
date: 2024-03-01
confidential: {confidential}
tasks:
  - item: "1"
    text: Văn phòng tổng hợp báo cáo quý
    owners: [VP]
    deadline: trước ngày 10/3/2024
    status: done
    done_on: 2024-03-10
  - item: "2"
    text: Ban Tổ chức rà soát nhân sự
    owners: [BTC]
    supports: [VP]
    deadline: trước ngày 10/3/2024
    status: done
    done_on: 2024-03-12
  - item: "3"
    text: Các ban gửi kế hoạch tháng
    owners: [Các ban, đơn vị khối phong trào]
    deadline: trước ngày 15/3/2024
    status: open
  - item: "4"
    text: Văn phòng báo cáo tiến độ trước 14h00 thứ 6 hàng tuần
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    until: 2024-03-31
    done_occurrences: [2024-03-01]
    status: open
  - item: "5"
    text: Việc đã hủy
    owners: [VP]
    deadline: trước ngày 12/3/2024
    status: cancelled
    cancelled_on: 2024-03-02
    cancel_reason: Không còn cần
  - item: "6"
    text: Thường xuyên theo dõi
    owners: [BTC]
    deadline: thường xuyên
    status: open
"""


def invoke(runner: CliRunner, data: Path, *args: str) -> Any:
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result


def as_json(runner: CliRunner, data: Path, *args: str) -> dict[str, Any]:
    return json.loads(invoke(runner, data, *args, "--format", "json").stdout)


def rows(payload: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(t["id"], t["due"], t["state"]) for t in payload["tasks"]]


@pytest.fixture
def small(data_dir: Path, write_notice: Callable[..., Path]) -> Path:
    write_notice("2024-03-01-giao-ban", NOTICE.format(confidential="false"))
    return data_dir


# --- the examples of the issue, on the seed data ------------------------------------


def test_week_of_20_april_2022_lists_the_friday_report(runner: CliRunner, seed_data: Path) -> None:
    payload = as_json(runner, seed_data, "week", "--today", "2022-04-20")
    assert payload["now"] == "2022-04-20T00:00:00+07:00"
    assert (f"{N2022}#6.2", "2022-04-22T14:00:00+07:00", "due_soon") in rows(payload)
    # the missed occurrence of the Friday before is late, and listed once
    assert rows(payload).count((f"{N2022}#6.2", "2022-04-15T14:00:00+07:00", "overdue")) == 1
    assert payload["week"]["label"] == (
        "Tuần 16 (18/04–24/04/2022), hạn chót 14h00 thứ Sáu 22/04/2022"
    )
    # "trong tuần 16" belongs to the week-16 report; "trong tháng 4/2022" does not yet
    ids = {t["id"] for t in payload["tasks"]}
    assert f"{N2022}#2.2" in ids and f"{N2022}#6.1" not in ids
    units = [g["unit"] for g in payload["groups"]]
    assert units[0] == "Văn phòng Trung ương Đoàn"
    assert "Thường trực các tiểu ban Đại hội" in units


def test_week_table_names_the_week_and_cutoff(runner: CliRunner, seed_data: Path) -> None:
    out = invoke(runner, seed_data, "week", "--today", "2022-04-20").stdout
    assert out.startswith("Tuần 16 (18/04–24/04/2022), hạn chót 14h00 thứ Sáu 22/04/2022\n")
    assert "22/04/2022 14:00" in out and "còn 2 ngày" in out
    # the weekly duty is one line: its occurrence this week, and the one it missed
    assert "(trễ 1 lần, gần nhất 15/04/2022)" in out and "quá hạn 5 ngày" not in out
    assert "\x1b[" not in out  # no color when not a terminal


def test_on_7_march_2019_the_february_and_march_tasks_are_overdue(
    runner: CliRunner, seed_data: Path
) -> None:
    payload = as_json(runner, seed_data, "overdue", "--today", "2019-03-07")
    ids = [t["id"] for t in payload["tasks"]]
    assert f"{N2019}#3" in ids  # trước ngày 25/02/2019
    assert f"{N2019}#9" in ids and f"{N2019}#10" in ids  # trước (ngày) 05/3/2019
    # nothing not yet due: week 10 ends 10/03, quarter I on 31/03
    assert f"{N2019}#13" not in ids and f"{N2019}#2" not in ids
    assert all(t["due"] <= payload["now"] for t in payload["tasks"])
    assert {t["state"] for t in payload["tasks"]} == {"overdue"}
    by_id = {t["id"]: t for t in payload["tasks"]}
    assert by_id[f"{N2019}#3"]["days"] == -10 and by_id[f"{N2019}#3"]["remaining"] == (
        "quá hạn 10 ngày"
    )
    # most late first
    assert ids.index(f"{N2018}#1") < ids.index(f"{N2019}#3") < ids.index(f"{N2019}#9")


def test_on_20_february_2019_the_25_february_task_is_due(
    runner: CliRunner, seed_data: Path
) -> None:
    payload = as_json(runner, seed_data, "due", "--today", "2019-02-20")
    task = next(t for t in payload["tasks"] if t["id"] == f"{N2019}#3")
    assert task["due"] == "2019-02-26T00:00:00+07:00"  # the 25th counts in full
    assert task["due_display"] == "25/02/2019" and task["remaining"] == "còn 5 ngày"
    assert task["state"] == "due_soon"  # within the 7 days of `due` (yellow only in the last 3)
    assert f"{N2019}#9" not in {t["id"] for t in payload["tasks"]}  # 05/3 is 13 days away
    overdue = as_json(runner, seed_data, "overdue", "--today", "2019-02-20")
    assert f"{N2019}#3" not in {t["id"] for t in overdue["tasks"]}
    soon = as_json(runner, seed_data, "due", "--today", "2019-02-22")
    assert (f"{N2019}#3", "2019-02-26T00:00:00+07:00", "due_soon") in rows(soon)


def test_due_days_widens_the_horizon(runner: CliRunner, seed_data: Path) -> None:
    payload = as_json(runner, seed_data, "due", "--today", "2019-02-20", "--days", "13")
    assert f"{N2019}#9" in {t["id"] for t in payload["tasks"]}


def test_json_shape_is_the_public_contract(runner: CliRunner, seed_data: Path) -> None:
    for command in ("due", "overdue", "week"):
        payload = as_json(runner, seed_data, command, "--today", "2022-04-20")
        assert set(payload) >= {"now", "tasks"}
        for task in payload["tasks"]:
            assert set(task) >= {
                "id", "notice", "item", "text", "owners", "supports",
                "deadline", "due", "status", "state",
            }  # fmt: skip
            assert task["state"] in {
                "overdue", "due_soon", "upcoming", "done_on_time", "done_late", "ongoing",
            }  # fmt: skip


# --- states ---------------------------------------------------------------------------


def test_states_of_done_open_recurring_and_cancelled(small: Path) -> None:
    ledger = open_ledger(small)
    now = datetime(2024, 3, 13, 9, 0, tzinfo=TZ)
    report = week_report(ledger, now)
    found = {(r.card.item, r.due.date() if r.due else None): r for r in report.rows}
    # item 1: done on the last on-time day; item 2: two days late; both due before this week
    assert ("1", date(2024, 3, 11)) not in found
    assert found[("3", date(2024, 3, 16))].state == "due_soon"  # 15/03, in 2 days
    assert found[("4", date(2024, 3, 8))].state == "overdue"  # Friday 08/03 not reported
    assert found[("4", date(2024, 3, 15))].state == "due_soon"
    assert ("4", date(2024, 3, 1)) not in found  # 01/03 reported (done_occurrences)
    assert all(r.card.item != "5" for r in report.rows)  # cancelled
    assert all(r.card.item != "6" for r in report.rows)  # no deadline


def test_done_on_time_and_late_are_told_apart(runner: CliRunner, small: Path) -> None:
    payload = as_json(runner, small, "list", "--today", "2024-03-13")
    by_item = {t["item"]: t for t in payload["tasks"]}
    assert by_item["1"]["state"] == "done_on_time"  # done_on 10/03 = the day named
    assert by_item["2"]["state"] == "done_late" and by_item["2"]["late_days"] == 2
    assert by_item["6"]["state"] == "ongoing" and by_item["6"]["due"] is None
    assert "5" not in by_item  # cancelled only on request
    cancelled = as_json(runner, small, "list", "--today", "2024-03-13", "--status", "cancelled")
    assert [t["item"] for t in cancelled["tasks"]] == ["5"]


def test_tasks_are_seen_as_they_stood_at_now(small: Path) -> None:
    ledger = open_ledger(small)
    # On 11/03 item 2 (done 12/03) was still open and already late.
    late = overdue_report(ledger, datetime(2024, 3, 11, tzinfo=TZ))
    assert [r.card.item for r in late.rows] == ["4", "2"]
    # On 01/03 item 5 (cancelled 02/03) was still open and due within 11 days.
    due = due_report(ledger, datetime(2024, 3, 1, tzinfo=TZ), days=11)
    assert "5" in {r.card.item for r in due.rows}


def test_recurring_duty_stops_at_until(small: Path) -> None:
    ledger = open_ledger(small)
    report = due_report(ledger, datetime(2024, 3, 30, tzinfo=TZ), days=14)
    fridays = sorted(r.due.date() for r in report.rows if r.card.item == "4" and r.due)
    assert fridays == [date(2024, 3, 8), date(2024, 3, 15), date(2024, 3, 22), date(2024, 3, 29)]


def test_today_and_soon_labels(runner: CliRunner, small: Path) -> None:
    payload = as_json(runner, small, "due", "--today", "2024-03-15T09:00")
    by_key = {(t["item"], t["due"]): t for t in payload["tasks"]}
    today = by_key[("3", "2024-03-16T00:00:00+07:00")]
    assert today["remaining"] == "hôm nay" and today["state"] == "due_soon"
    friday = by_key[("4", "2024-03-15T14:00:00+07:00")]
    assert friday["remaining"] == "hôm nay"
    later = as_json(runner, small, "due", "--today", "2024-03-15T15:00")
    late = {(t["item"], t["due"]): t for t in later["tasks"]}[("4", "2024-03-15T14:00:00+07:00")]
    assert late["state"] == "overdue" and late["remaining"] == "quá hạn hôm nay"


# --- the week -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "next_weeks", "number", "cutoff"),
    [
        (datetime(2022, 4, 20, tzinfo=TZ), 0, 16, datetime(2022, 4, 22, 14, 0, tzinfo=TZ)),
        (datetime(2022, 4, 22, 13, 59, tzinfo=TZ), 0, 16, datetime(2022, 4, 22, 14, 0, tzinfo=TZ)),
        # once the cut-off has passed, the report is next week's
        (datetime(2022, 4, 22, 14, 0, tzinfo=TZ), 0, 17, datetime(2022, 4, 29, 14, 0, tzinfo=TZ)),
        (datetime(2022, 4, 24, 10, 0, tzinfo=TZ), 0, 17, datetime(2022, 4, 29, 14, 0, tzinfo=TZ)),
        (datetime(2022, 4, 20, tzinfo=TZ), 1, 17, datetime(2022, 4, 29, 14, 0, tzinfo=TZ)),
        (datetime(2021, 12, 29, tzinfo=TZ), 1, 1, datetime(2022, 1, 7, 14, 0, tzinfo=TZ)),
    ],
)
def test_report_week(now: datetime, next_weeks: int, number: int, cutoff: datetime) -> None:
    week = report_week(now, (4, cutoff.time()), next_weeks)
    assert (week.number, week.cutoff) == (number, cutoff)
    assert week.monday.weekday() == 0 and week.last_day == week.sunday


def test_week_next_and_until(runner: CliRunner, seed_data: Path) -> None:
    nxt = as_json(runner, seed_data, "week", "--today", "2022-04-20", "--next")
    assert nxt["week"]["number"] == 17
    assert (f"{N2022}#6.2", "2022-04-29T14:00:00+07:00", "upcoming") in rows(nxt)
    until = as_json(runner, seed_data, "week", "--today", "2022-04-20", "--until", "2022-04-30")
    assert until["week"]["label"].endswith("hạn chót hết ngày 30/04/2022 (thứ Bảy)")
    assert f"{N2022}#6.1" in {t["id"] for t in until["tasks"]}  # "trong tháng 4/2022"
    moment = as_json(
        runner, seed_data, "week", "--today", "2022-04-20", "--until", "2022-04-21T12:00"
    )
    assert (f"{N2022}#6.2", "2022-04-22T14:00:00+07:00", "due_soon") not in rows(moment)
    bad = runner.invoke(app, ["week", "--until", "21/13/2022", "--data", str(seed_data)])
    assert bad.exit_code == 2 and "--until" in bad.output


def test_week_lists_work_done_this_week(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice(
        "2024-03-01-giao-ban",
        """\
        id: 2024-03-01-giao-ban
        kind: thông báo kết luận
        title: Kết luận giao ban tháng 3/2024
        date: 2024-03-01
        tasks:
          - {item: "1", text: Xong sớm, owners: [VP], deadline: trước ngày 15/3/2024,
             status: done, done_on: 2024-03-12}
          - {item: "2", text: Xong muộn, owners: [VP], deadline: trước ngày 11/3/2024,
             status: done, done_on: 2024-03-12}
          - {item: "3", text: Xong tuần trước, owners: [VP], deadline: trước ngày 08/3/2024,
             status: done, done_on: 2024-03-08}
        """,
    )
    payload = as_json(runner, data_dir, "week", "--today", "2024-03-13")
    assert [(t["item"], t["state"]) for t in payload["tasks"]] == [
        ("2", "done_late"),
        ("1", "done_on_time"),
    ]
    out = invoke(runner, data_dir, "week", "--today", "2024-03-13").stdout
    assert "hoàn thành quá hạn 1 ngày" in out and "hoàn thành đúng hạn" in out


# --- confidential, show, list, search, data state -----------------------------------


def test_confidential_texts_are_hidden_everywhere(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-01-giao-ban", NOTICE.format(confidential="true"))
    for fmt in ("table", "json", "csv", "md"):
        out = invoke(runner, data_dir, "list", "--today", "2024-03-13", "--format", fmt).stdout
        assert "(mật)" in out and "rà soát nhân sự" not in out, fmt
    shown = invoke(runner, data_dir, "show", "2024-03-01#2", "--today", "2024-03-13").stdout
    assert "(mật)" in shown and "rà soát nhân sự" not in shown
    revealed = invoke(runner, data_dir, "list", "--today", "2024-03-13", "--show-confidential")
    assert "rà soát nhân sự" in revealed.stdout
    # a search must not reveal what a hidden text says
    hidden = as_json(runner, data_dir, "search", "nhan su", "--today", "2024-03-13")
    assert hidden["tasks"] == []
    found = as_json(
        runner, data_dir, "search", "nhan su", "--today", "2024-03-13", "--show-confidential"
    )
    assert [t["item"] for t in found["tasks"]] == ["2"]


def test_search_finds_the_folded_query_within_one_field(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """The rule of search (``giaoban.model.shown.searched_words``): the folded query is
    found within one field (text, deadline, a unit, ...), whatever its script."""
    text = NOTICE.format(confidential="false")
    write_notice("2024-03-01-giao-ban", text.replace("gửi kế hoạch", "gửi “kế hoạch”"))

    def items(query: str) -> list[str]:
        found = as_json(runner, data_dir, "search", query, "--today", "2024-03-13")
        return [t["item"] for t in found["tasks"]]

    assert items("“KẾ HOẠCH”") == items("ke hoach”") == ["3"]
    assert items("bao cao quy") == ["1"]
    # item 1's text ends "báo cáo quý", its deadline begins "trước": two fields
    assert items("bao cao quy truoc") == []
    assert items("TRUOC NGAY 15/3") == ["3"]
    assert items("khoi phong trao") == ["3"]  # a unit


def test_search_ignores_case_and_diacritics(runner: CliRunner, seed_data: Path) -> None:
    payload = as_json(runner, seed_data, "search", "LUAT THANH NIEN", "--today", "2022-04-20")
    assert [t["id"] for t in payload["tasks"]] == [f"{N2019}#13"]
    assert payload["query"] == "LUAT THANH NIEN"


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_search_finds_a_task_by_the_short_id_the_tables_print(
    runner: CliRunner, seed_data: Path, cache: list[str]
) -> None:
    """ "2022-04-14#6.2" (a prefix of one notice's id, as tables print it) is that task's
    id, as show and the edits take it; the query stays as typed in the report."""

    def ids(query: str) -> list[str]:
        found = as_json(runner, seed_data, "search", query, "--today", "2022-04-20", *cache)
        return [t["id"] for t in found["tasks"]]

    assert ids("2022-04-14#6.2") == ids(f"{N2022}#6.2") == [f"{N2022}#6.2"]
    assert ids("2022-04#6.2") == [f"{N2022}#6.2"]
    assert ids("2022-04-14#6.") == [f"{N2022}#6.{i}" for i in range(1, 8)]  # as any query
    assert ids("20#6.2") == []  # a prefix of several notices: no one task's id
    payload = as_json(runner, seed_data, "search", "2022-04-14#6.2", "--today", "2022-04-20")
    assert payload["query"] == "2022-04-14#6.2"


def test_show_task_and_notice_by_prefix(runner: CliRunner, seed_data: Path) -> None:
    out = invoke(runner, seed_data, "show", "2022-04-14#6.2", "--today", "2022-04-20").stdout
    assert out.startswith(f"{N2022}#6.2\n")
    assert "Các lần đến hạn tới:" in out and "14h00 thứ Sáu 22/04/2022" in out
    task = as_json(runner, seed_data, "show", "2022-04#6.2", "--today", "2022-04-20")["task"]
    assert task["state"] == "overdue" and task["due"] == "2022-04-15T14:00:00+07:00"
    assert task["next_occurrences"][0] == "2022-04-22T14:00:00+07:00"
    notice = as_json(runner, seed_data, "show", "2019", "--today", "2019-03-07")["notice"]
    assert notice["id"] == N2019 and len(notice["tasks"]) == 19
    assert {t["state"] for t in notice["tasks"]} >= {"overdue", "ongoing", "due_soon"}


def test_show_unknown_or_ambiguous_is_an_error(runner: CliRunner, seed_data: Path) -> None:
    result = runner.invoke(app, ["show", "20", "--data", str(seed_data)])
    assert result.exit_code == 1 and "khớp nhiều thông báo" in result.output
    result = runner.invoke(app, ["show", "2019#99", "--data", str(seed_data)])
    assert result.exit_code == 1 and "không có mục '99'" in result.output


def test_reports_name_the_data_commit(runner: CliRunner, small: Path) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=small, check=True, capture_output=True)

    assert as_json(runner, small, "due", "--today", "2024-03-13")["data"] is None
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "seed")
    clean = as_json(runner, small, "due", "--today", "2024-03-13")["data"]
    assert len(clean["commit"]) == 40 and clean["dirty"] is False
    (small / "2024" / "2024-03-01-giao-ban.yaml").write_text(
        NOTICE.format(confidential="false").replace("rà soát nhân sự", "rà soát"), encoding="utf-8"
    )
    assert as_json(runner, small, "due", "--today", "2024-03-13")["data"]["dirty"] is True
    table = invoke(runner, small, "due", "--today", "2024-03-13").stdout
    assert f"commit {clean['commit'][:7]} (có thay đổi chưa commit)" in table


def test_a_broken_file_is_named_and_left_out_not_the_whole_report(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """One bad file costs the Friday report that file: the rest is reported, the bad
    file is named before the report (and in JSON), and the exit code says so."""
    good = NOTICE.format(confidential="false")
    write_notice("2024-03-01-giao-ban", good)
    broken = write_notice(
        "2024-03-02-giao-ban",
        good.replace("2024-03-01-giao-ban", "2024-03-02-giao-ban").replace(
            "status: open", "status: xong", 1
        ),
    )
    args = ["week", "--data", str(data_dir), "--today", "2024-03-04"]

    whole = runner.invoke(app, [*args, "--format", "json"])
    assert whole.exit_code == 1 and whole.exception is not None
    record = json.loads(whole.stdout)
    assert [(p["path"], p["code"]) for p in record["problems"]] == [(str(broken), "bad-value")]
    notices = {task["notice"] for task in record["tasks"]}
    assert notices == {"2024-03-01-giao-ban"}
    assert f"{broken}:" in whole.stderr and "bỏ qua 1 tệp có lỗi" in whole.stderr

    table = runner.invoke(app, args)
    assert table.exit_code == 1 and "Traceback" not in table.output
    assert "bỏ qua 1 tệp" in table.stderr
    assert "Tuần 10" in table.stdout

    broken.unlink()
    assert runner.invoke(app, args).exit_code == 0


def test_short_ids_are_unique_prefixes() -> None:
    from types import SimpleNamespace

    from giaoban.reports.rows import short_notice_ids

    ids = ["2019-02-18-a", "2019-02-18-b", "2019-02-19-giao-ban", "2019-03-01-x", "2019-03-01"]
    ledger = SimpleNamespace(notice_ids=lambda: ids)
    short = short_notice_ids(ledger)  # type: ignore[arg-type]
    assert short == {
        "2019-02-18-a": "2019-02-18-a",
        "2019-02-18-b": "2019-02-18-b",
        "2019-02-19-giao-ban": "2019-02-19",
        "2019-03-01-x": "2019-03-01-",  # "2019-03-01" is another notice
        "2019-03-01": "2019-03-01",
    }
    for notice_id, prefix in short.items():
        assert [i for i in ids if i.startswith(prefix)] == [notice_id] or prefix == notice_id


def _shared_slowly(a: str, b: str) -> int:
    """How many leading characters two ids share, one character at a time."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@given(st.sets(st.text("2019-ab", min_size=1, max_size=14), min_size=1, max_size=12))
def test_short_ids_are_the_shortest_prefixes_naming_one_notice(ids: set[str]) -> None:
    from giaoban.model.ids import ShortIds

    short = ShortIds(ids)
    for notice_id in ids:
        shared = max((_shared_slowly(notice_id, o) for o in ids - {notice_id}), default=0)
        expected = notice_id[: max(10, shared + 1)]  # at least a date's 10 characters
        if len(expected.rstrip("-")) > shared:  # "2019-02-18", not "2019-02-18-"
            expected = expected.rstrip("-")
        assert short[notice_id] == expected
        assert [i for i in ids if i.startswith(expected)] == [notice_id] or expected == notice_id


@pytest.mark.parametrize(
    "command",
    [["week"], ["due"], ["overdue"], ["stats"], ["list"], ["search", "kế hoạch"], ["show", "2019"]],
)
def test_every_report_takes_no_cache_and_says_the_same(
    runner: CliRunner, seed_data: Path, command: list[str]
) -> None:
    args = [*command, "--data", str(seed_data), "--today", "2026-12-05"]
    cached = runner.invoke(app, args)
    fresh = runner.invoke(app, [*args, "--no-cache"])
    assert cached.exit_code == 0, cached.output
    assert fresh.exit_code == 0, fresh.output
    assert fresh.stdout == cached.stdout


def test_a_report_says_what_it_leaves_out_of_each_kind_of_file(
    runner: CliRunner, seed_data: Path
) -> None:
    """A broken notice file's notices are not counted; a broken settings file's values are
    replaced by their defaults, and the registry's broken part is not used: the warning
    says which, never "the notices in it" of a file that holds none."""
    (seed_data / "settings.yaml").write_text("week_cutoff: [\n", encoding="utf-8")
    result = runner.invoke(app, ["week", "--data", str(seed_data), "--today", "2022-04-20"])
    assert result.exit_code == 1
    warning = result.stderr.splitlines()[0]
    assert "settings.yaml: giá trị lỗi được thay bằng giá trị mặc định" in warning
    assert "thông báo trong đó" not in warning
    (seed_data / "units.yaml").write_text("units: [\n", encoding="utf-8")
    (seed_data / "2022" / "hong.yaml").write_text("id: [\n", encoding="utf-8")
    result = runner.invoke(app, ["week", "--data", str(seed_data), "--today", "2022-04-20"])
    warning = result.stderr.splitlines()[0]
    assert warning == (
        "giaoban: cảnh báo: báo cáo bỏ qua phần có lỗi của 3 tệp (1 tệp thông báo: các thông "
        "báo trong đó không được tính; settings.yaml: giá trị lỗi được thay bằng giá trị mặc "
        "định; units.yaml: phần lỗi của danh mục đơn vị không được dùng); sửa rồi chạy lại:"
    )


def test_a_table_shows_a_huge_cell_cut_and_counted(runner: CliRunner, seed_data: Path) -> None:
    """A table shows at most CELL_MAX characters of a cell, and counts the rest (rich would
    lay a megabyte out for tens of seconds); JSON keeps every character."""
    path = seed_data / "2022" / f"{N2022}.yaml"
    huge = "Văn phòng " * 20_000
    text = path.read_text(encoding="utf-8")
    start = text.index('  - item: "6.2"')
    line = text.index("    text:", start)
    end = text.index("\n    owners:", line)
    path.write_text(text[:line] + f"    text: {huge.strip()}" + text[end:], encoding="utf-8")
    table = invoke(runner, seed_data, "week", "--today", "2022-04-20", "--limit", "0").stdout
    left = len(huge.strip()) - CELL_MAX  # and the cell's own lines after the text
    counted = re.findall(r"\(còn (\d+) ký tự; xem đủ: --format json\)", " ".join(table.split()))
    assert counted and all(left <= int(n) < left + 200 for n in counted), counted
    assert len(table) < 40_000
    payload = as_json(runner, seed_data, "week", "--today", "2022-04-20")
    texts = [t["text"] for t in payload["tasks"] if t["id"] == f"{N2022}#6.2"]
    assert texts and all(t == huge.strip() for t in texts)
