"""The index (giaoban.store.index) gives the dated reports the rows each task gives.

``due``, ``overdue``, ``week`` and ``stats`` select their rows through the
index. Whatever way the index was made (in memory, on disk, updated file by
file, merged from several ledgers) the rows must be those each task gives on
its own at that moment (``tests.rows_oracle.task_rows``), kept by the
report's rule of ``giaoban.reports.rules``, in the same order: on random
ledgers at random moments with random filters.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.checks.check import open_ledgers
from giaoban.deadline import Deadline, parse_deadline
from giaoban.model.ledger import Ledger
from giaoban.model.shown import searched_words
from giaoban.model.text import fold
from giaoban.reports import rows as reports
from giaoban.reports import rules
from giaoban.reports.current import CurrentRows
from giaoban.reports.dated import DatedRows
from giaoban.reports.filters import Filter, build_filter, day_matches, status_matches, task_matches
from giaoban.reports.row import CARDS_AT_ONCE, row_status
from giaoban.store.index import IndexedNotices, join_units, split_units
from giaoban.store.loader import load_ledger
from tests.conftest import MINIMAL_UNITS, REPO
from tests.rows_oracle import current_row, sort_key, task_rows

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINES = (
    "trước ngày 25/02/2019",
    "trước 17h00 ngày 05/3/2019",
    "trong Quý I/2019",
    "trong tháng 4/2019",
    "trong tuần 10 năm 2019",
    "2019-03-05",
    "thường xuyên",
    "trước 14h00 thứ 6 hàng tuần",
    "Từ thứ 2 đến thứ 6 hàng tuần",
    "ngày 15 hằng tháng",
    "hằng quý",
)
OWNERS = ("Văn phòng Trung ương Đoàn", "BTC", "Các ban, đơn vị khối phong trào", "Ban Khác")
STATUS = (
    "",
    "status: done\n  done_on: 2019-03-01\n",
    "status: done\n  done_on: 2019-02-20 16:30:00\n",
    "status: done\n  done_on: 2019-03-08 14:00:00+07:00\n",
    "status: cancelled\n  cancelled_on: 2019-03-02\n",
    "status: cancelled\n",
    "status: done\n  done_on: 2019-04-30\n",
)
RECURRING = (
    "",
    "until: 2019-04-30\n",
    "until: 2019-03-31\n  done_occurrences: [2019-03-01, 2019-03-08]\n",
    "done_occurrences: [2019-03-15]\n",
)

task_strategy = st.tuples(
    st.integers(0, len(DEADLINES) - 1),
    st.lists(st.integers(0, len(OWNERS) - 1), min_size=1, max_size=2, unique=True),
    st.lists(st.integers(0, len(OWNERS) - 1), max_size=2),
    st.integers(0, len(STATUS) - 1),
    st.integers(0, len(RECURRING) - 1),
)
ledger_strategy = st.lists(st.lists(task_strategy, min_size=1, max_size=4), min_size=1, max_size=4)
moment_strategy = st.builds(
    lambda days, minutes: datetime(2019, 1, 20, tzinfo=TZ) + timedelta(days=days, minutes=minutes),
    st.integers(0, 150),
    st.sampled_from([0, 9 * 60, 14 * 60, 14 * 60 + 1, 23 * 60 + 59]),
)
filter_strategy = st.fixed_dictionaries(
    {
        "units": st.lists(
            st.sampled_from(["VP", "BTC", "Các ban, đơn vị khối phong trào"]), max_size=1
        ),
        "owners_only": st.booleans(),
        "statuses": st.lists(st.sampled_from(["open", "done", "overdue", "due_soon"]), max_size=2),
        "date_from": st.sampled_from([None, date(2019, 3, 1)]),
        "date_to": st.sampled_from([None, date(2019, 4, 15)]),
    }
)


# (deadline, owners, supports, status, recur): indexes into the tables above, as _task reads them
TaskSpec = tuple[int, list[int], list[int], int, int]


def _task(
    i: int, deadline: int, owners: list[int], supports: list[int], status: int, recur: int
) -> str:
    names = ", ".join(OWNERS[o] for o in owners)
    lines = f'- item: "{i + 1}"\n  text: Nhiệm vụ số {i + 1}\n  owners: [{names}]\n'
    if supports:
        lines += f"  supports: [{', '.join(OWNERS[s] for s in supports)}]\n"
    lines += f"  deadline: {DEADLINES[deadline]}\n"
    if STATUS[status]:
        lines += "  " + STATUS[status]
    if "hàng" in DEADLINES[deadline] or "hằng" in DEADLINES[deadline]:
        lines += "  " + RECURRING[recur] if RECURRING[recur] else ""
    return lines


def _write_files(root: Path, notices: list[list[TaskSpec]]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    for old in root.glob("2019-*.yaml"):
        old.unlink()
    for n, tasks in enumerate(notices):
        body = "".join(_task(i, *t) for i, t in enumerate(tasks)) or "[]\n"
        name = f"2019-02-{18 - n:02d}-giao-ban"
        head = (
            f"id: {name}\nkind: thông báo kết luận\ntitle: Giao ban\ndate: 2019-02-{18 - n:02d}\n"
        )
        text = head + "tasks:\n" + textwrap.indent(body, "  ")
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")


def _write_ledger(root: Path, notices: list[list[TaskSpec]], strict: bool = True) -> Ledger:
    _write_files(root, notices)
    result = load_ledger(root, use_cache=False)
    if strict:
        assert not [p for p in result.problems if p.is_error], result.problems
    return result.ledger


def _reports(ledger: Ledger, now: datetime, flt: Filter) -> list[reports.Report]:
    return [
        reports.due_report(ledger, now, 7, flt),
        reports.due_report(ledger, now, 30, flt),
        reports.overdue_report(ledger, now, flt),
        reports.week_report(ledger, now, flt),
        reports.week_report(ledger, now, flt, next_weeks=1),
        reports.week_report(ledger, now, flt, until=now.date() + timedelta(days=3)),
    ]


def _kept(report: reports.Report, row: reports.Row) -> bool:
    """Whether ``report`` lists ``row``, by the rules of ``giaoban.reports.rules``."""
    state = rules.STATES.index(row.state)
    assert row.due is not None and row.day is not None
    if report.kind == "overdue":
        return state == rules.OVERDUE
    if report.kind == "due":
        assert report.days is not None
        last = (report.now.date() + timedelta(days=report.days)).toordinal()
        return state == rules.OVERDUE or rules.in_due_window(state, row.day.toordinal(), last)
    assert report.week is not None
    bounds = reports.week_bounds(report.week)
    return rules.in_week(state, int(row.due.timestamp()), row.day.toordinal(), bounds)


def task_by_task(ledger: Ledger, report: reports.Report, flt: Filter) -> list[tuple]:
    """The rows of ``report`` found the plain way: every task's own rows, kept by the rule."""
    found = []
    end = report.now + timedelta(days=800)
    for task in ledger.tasks():
        if not task_matches(flt, task, ledger.registry):
            continue
        for row in task_rows(task, report.now, end):
            if row.state == rules.CANCELLED or row.due is None or row.state == "ongoing":
                continue
            if status_matches(flt, row_status(row.state), row.state) and day_matches(flt, row.day):
                if _kept(report, row):
                    found.append(row)
    found.sort(key=sort_key)
    return [_shape(row) for row in found]


def _shape(row: reports.Row) -> tuple:
    """A row without what the digest adds (missed occurrences); its card (what reports
    show of its task, kept by the index), its task's status at now and its due moment as
    written."""
    due = None if row.due is None else row.due.isoformat()
    return (
        row.card,
        row.state,
        row.status,
        due,
        row.has_time,
        row.days,
        row.late_by,
        row.occurrence,
    )


def assert_rows_are_each_tasks_own(ledger: Ledger, now: datetime, flt: Filter) -> None:
    for report in _reports(ledger, now, flt):
        assert isinstance(report.rows, DatedRows)
        assert [_shape(r) for r in report.rows] == task_by_task(ledger, report, flt)
        assert sum(report.counts().values()) == len(report.rows)
        if report.week is not None:  # every row under its owners
            grouped = {r.card.id for _, rows in report.groups for r in rows}
            assert grouped == {r.card.id for r in report.rows}


def test_the_phrases_used_here_are_read() -> None:
    for phrase in DEADLINES:
        reading = parse_deadline(phrase, date(2019, 2, 18))
        assert isinstance(reading, Deadline), (phrase, reading)
        assert reading.kind in (
            "date",
            "period",
            "recurring",
            "none",
        )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notices=ledger_strategy,
    moments=st.lists(moment_strategy, min_size=1, max_size=3),
    flt=filter_strategy,
)
def test_index_rows_are_each_tasks_own_rows(
    tmp_path_factory: pytest.TempPathFactory, notices: list, moments: list, flt: dict
) -> None:
    ledger = _write_ledger(tmp_path_factory.mktemp("ledger"), notices)
    built = build_filter(ledger, **flt)
    for now in moments:
        assert_rows_are_each_tasks_own(ledger, now, built)


@pytest.mark.parametrize(
    "today", ["2019-02-20T08:00", "2019-03-07T00:00", "2022-04-15T13:59", "2022-04-20T09:00"]
)
def test_seed_reports_are_each_tasks_own_rows(today: str) -> None:
    ledger = load_ledger(REPO / "data", use_cache=False).ledger
    now = datetime.fromisoformat(today).replace(tzinfo=TZ)
    assert_rows_are_each_tasks_own(ledger, now, build_filter(ledger))
    assert_rows_are_each_tasks_own(ledger, now, build_filter(ledger, units=["Ban Tổ chức"]))


def test_a_report_past_the_horizon_lists_the_occurrences_there(tmp_path: Path) -> None:
    """A duty without ``until`` is listed ten years ahead; a report after that makes the
    index list its occurrences up to the report's end."""
    ledger = _write_ledger(tmp_path / "data", [[(7, [0], [], 0, 0)]])
    now = datetime(2031, 6, 1, 9, 0, tzinfo=TZ)
    report = reports.week_report(ledger, now)
    assert report.rows and all(r.state == "overdue" for r in report.rows[:-1])
    assert report.rows[-2].due == datetime(2031, 5, 30, 14, 0, tzinfo=TZ)  # the last Friday
    assert_rows_are_each_tasks_own(ledger, now, build_filter(ledger))


def test_only_rows_looked_at_are_made(tmp_path: Path) -> None:
    ledger = _write_ledger(tmp_path / "data", [[(7, [0], [], 0, 1)] * 3])
    report = reports.overdue_report(ledger, datetime(2019, 6, 1, tzinfo=TZ))
    assert isinstance(report.rows, DatedRows)
    assert len(report.rows) == 3 * 10  # ten Fridays to 30/04/2019, in each of three tasks
    assert report.counts() == {"overdue": 30}
    assert not report.rows.made
    first = report.rows[0]
    assert first.occurrence and first.state == "overdue"
    assert len(report.rows.made) == 1


def test_list_rows_read_only_the_cards_looked_at(tmp_path: Path) -> None:
    """``list`` counts its rows' states without their cards, and reads only the cards of
    the rows it shows (one row looked at alone: it and the next few hundred)."""
    ledger = _write_ledger(tmp_path / "data", [[(7, [0], [], 0, 1)] * 100] * 12)
    report = reports.list_report(ledger, datetime(2019, 6, 1, tzinfo=TZ))
    assert isinstance(report.rows, CurrentRows)
    assert len(report.rows) == 1200
    assert report.counts() == {"overdue": 1200}
    assert not report.rows.cards.known
    shown = report.rows[:50]
    assert [row.card.id for row in shown][:2] == [r.card.id for r in list(report.rows)[:2]]
    fresh = reports.list_report(ledger, datetime(2019, 6, 1, tzinfo=TZ)).rows
    assert isinstance(fresh, CurrentRows)
    assert [row.state for row in fresh[:50]] == ["overdue"] * 50  # what a table shows
    assert len(fresh.cards.known) == 50
    assert fresh[-1].card.item == "100" and len(fresh.cards.known) == 51
    assert fresh[100].state == "overdue"  # one row looked at: it and the next ones
    assert len(fresh.cards.known) == 51 + CARDS_AT_ONCE


def _contents(ledger: Ledger) -> dict[str, Any]:
    """What the index of ``ledger`` holds, without its own numbering."""
    assert isinstance(ledger.notices, IndexedNotices)
    db = ledger.notices.store.db
    tasks = db.execute(
        "SELECT t.tid, n.id, t.item, t.path, t.line, t.status, t.since, t.done_day, t.done, "
        "t.late_by, t.until, t.last_done, t.horizon, u.owners, u.supports, t.words "
        "FROM tasks t JOIN notices n USING (nid) JOIN units u USING (uid)"
    )
    names = {row[0]: row[1:3] for row in tasks}
    events = db.execute("SELECT tid, due, day, flags, settled FROM events")
    notices = db.execute("SELECT id, date, path, line, col FROM notices")
    return {
        "notices": sorted(notices),
        "tasks": sorted(row[1:] for row in tasks),
        "events": sorted((names[row[0]], *row[1:]) for row in events),
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(st.lists(task_strategy, max_size=4), min_size=1, max_size=4),
    after=st.lists(st.tuples(st.integers(0, 4), st.lists(task_strategy, max_size=4)), max_size=3),
    now=moment_strategy,
)
def test_an_index_updated_file_by_file_equals_one_made_again(
    tmp_path_factory: pytest.TempPathFactory, before: list, after: list, now: datetime
) -> None:
    """Files changed, added and removed: the index on disk takes each change in place and
    then holds what a new one holds, and gives the same reports."""
    root = tmp_path_factory.mktemp("ledger") / "data"
    cache = root.parent / "cache"
    changed = [list(tasks) for tasks in before]
    for n, tasks in after:
        if n < len(changed):
            changed[n] = tasks
        else:
            changed.append(tasks)
    if after and len(changed) > 1:
        changed.pop(0)  # one notice gone too
    os.environ["GIAOBAN_CACHE_DIR"] = str(cache)
    try:
        _write_files(root, before)
        load_ledger(root)  # the index of the files before
        _write_files(root, changed)
        updated = load_ledger(root).ledger
        shutil.rmtree(cache)
        again = load_ledger(root).ledger
    finally:
        del os.environ["GIAOBAN_CACHE_DIR"]
    assert _contents(updated) == _contents(again)
    flt = build_filter(again)
    for first, second in zip(_reports(updated, now, flt), _reports(again, now, flt), strict=True):
        assert [_shape(r) for r in first.rows] == [_shape(r) for r in second.rows]


def test_merged_ledgers_give_the_same_reports_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A central office's ledgers, merged, report the same through the cache and without."""
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(tmp_path / "cache"))
    first: list[list[TaskSpec]] = [
        [(0, [0], [], 0, 0), (7, [1], [0], 1, 1)],
        [(8, [2], [], 0, 2), (2, [0, 1], [], 2, 0)],
    ]
    second: list[list[TaskSpec]] = [[(7, [0], [], 0, 3), (1, [3], [], 4, 0)], [(3, [1], [2], 6, 0)]]
    folders = [tmp_path / "hanoi", tmp_path / "danang"]
    for folder, notices in zip(folders, (first, second), strict=True):
        _write_ledger(folder, notices, strict=False)
    open_ledgers(folders)  # fills the cache
    cached = open_ledgers(folders)
    full = open_ledgers(folders, use_cache=False)
    for day in range(0, 120, 7):
        now = datetime(2019, 2, 1, 9, 0, tzinfo=TZ) + timedelta(days=day)
        for quick, reference in zip(
            _reports(cached, now, build_filter(cached)),
            _reports(full, now, build_filter(full)),
            strict=True,
        ):
            assert list(quick.rows) == list(reference.rows)
            assert dict(quick.short_ids) == dict(reference.short_ids)
        assert_rows_are_each_tasks_own(full, now, build_filter(full))
    assert list(cached.notices) == list(full.notices)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(notices=ledger_strategy, now=moment_strategy, flt=filter_strategy, month=st.integers(1, 6))
def test_stats_count_each_tasks_own_rows(
    tmp_path_factory: pytest.TempPathFactory, notices: list, now: datetime, flt: dict, month: int
) -> None:
    from giaoban.reports.stats import category, month_end, stats_report

    ledger = _write_ledger(tmp_path_factory.mktemp("ledger"), notices)
    built = build_filter(ledger, **flt)
    start = date(2019, month, 1)
    for end in (month_end(start), start + timedelta(days=10)):
        report = stats_report(ledger, now, start, end, built)
        counted = 0
        for task in ledger.tasks():
            if not task_matches(built, task, ledger.registry):
                continue
            for row in task_rows(task, now.astimezone(TZ), now + timedelta(days=800)):
                in_period = row.day is not None and start <= row.day <= end
                if (
                    in_period
                    and category(row.state)
                    and status_matches(built, row_status(row.state), row.state)
                ):
                    counted += 1
        assert report.total.total == counted


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notices=ledger_strategy,
    moments=st.lists(moment_strategy, min_size=1, max_size=3),
    flt=filter_strategy,
    query=st.sampled_from([None, "giao", "hang tuan", "btc", "khong co"]),
)
def test_list_and_search_rows_are_each_tasks_own_current_row(
    tmp_path_factory: pytest.TempPathFactory,
    notices: list,
    moments: list,
    flt: dict,
    query: str | None,
) -> None:
    """``list`` and ``search`` give, through the index, the row each task gives on its own
    (``tests.rows_oracle.current_row``), in the ledger's order, kept by the filters: its
    status at now, and for a duty how many of its occurrences were missed and the last."""
    ledger = _write_ledger(tmp_path_factory.mktemp("ledger"), notices)
    built = build_filter(ledger, **flt)
    for now in moments:
        report = reports.list_report(ledger, now, built, query=query)
        expected = []
        for task in ledger.tasks():
            if query is not None and fold(query) not in searched_words(task, False):
                continue
            if not task_matches(built, task, ledger.registry):
                continue
            row = current_row(task, report.now)
            if row.state == rules.CANCELLED and not built.statuses:
                continue
            if status_matches(built, row_status(row.state), row.state) and day_matches(
                built, row.day
            ):
                expected.append(row)
        assert [(_shape(r), r.missed, r.last_missed) for r in report.rows] == [
            (_shape(r), r.missed, r.last_missed) for r in expected
        ]


@given(
    status=st.integers(0, 2),
    since=st.integers(-(1 << 40), 1 << 40),
    done=st.integers(0, 2),
    late_by=st.integers(0, 400),
    until=st.integers(0, 800_000),
    last_done=st.integers(0, 800_000),
    due=st.integers(0, 1 << 33),
    day=st.integers(700_000, 800_000),
    flags=st.integers(0, 7),
)
def test_a_rows_state_needs_no_more_of_its_task_than_the_index_reads(
    status: int,
    since: int,
    done: int,
    late_by: int,
    until: int,
    last_done: int,
    due: int,
    day: int,
    flags: int,
) -> None:
    """The dated reports read the facts of open tasks as ``OPEN_FACTS`` (one decision for
    every open task's event at one moment), and others' without ``until`` and
    ``last_done``: ``row_state`` must not look at those two."""
    from dataclasses import replace

    from giaoban.model.facts import Facts

    at = rules.Moment(1_560_000_000, 737_000)
    facts = Facts(status, since, day - 3, done, late_by)
    assert rules.row_state(facts, due, day, flags, at) == rules.row_state(
        replace(facts, until=until, last_done=last_done), due, day, flags, at
    )


def test_many_files_at_once_are_put_in_as_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``BULK`` files on, the index is filled without its secondary indexes, which
    are made again afterwards: the same contents, the same reports, indexes all there."""
    from giaoban.store import index as index_module

    before: list[list[TaskSpec]] = [
        [(0, [0], [], 0, 0), (7, [1], [0], 1, 1)],
        [(8, [2], [], 0, 2)],
        [(2, [0], [], 2, 0)],
    ]
    after: list[list[TaskSpec]] = [
        [(7, [0], [], 0, 3)],
        [(8, [2], [], 0, 2)],
        [(3, [1], [2], 6, 0), (1, [3], [], 4, 0)],
    ]
    root = tmp_path / "data"
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(index_module, "BULK", 2)
    _write_files(root, before)
    load_ledger(root)
    _write_files(root, after)
    bulk = load_ledger(root).ledger
    monkeypatch.setattr(index_module, "BULK", 10_000)
    shutil.rmtree(tmp_path / "cache")
    one_by_one = load_ledger(root).ledger
    assert _contents(bulk) == _contents(one_by_one)
    assert isinstance(bulk.notices, IndexedNotices)
    names = {name for (name,) in bulk.notices.store.db.execute("SELECT name FROM sqlite_master")}
    assert set(index_module.SECONDARY) <= names
    now = datetime(2019, 3, 4, 9, 0, tzinfo=TZ)
    flt = build_filter(bulk)
    for first, second in zip(_reports(bulk, now, flt), _reports(one_by_one, now, flt), strict=True):
        assert [_shape(r) for r in first.rows] == [_shape(r) for r in second.rows]


@given(st.lists(st.text(alphabet=st.sampled_from("ab \x1e\x1f_\\đ"), min_size=1), max_size=4))
def test_any_list_of_unit_names_comes_back_whole(names: list[str]) -> None:
    """The index keeps a list of units as one text; no name, whatever it holds, is split."""
    assert split_units(join_units(names)) == tuple(names)
