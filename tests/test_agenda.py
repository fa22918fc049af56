"""The agenda (giaoban.reports.agenda) gives the reports the same rows as the task records do.

``due``, ``overdue`` and ``week`` read their rows from the agenda; with an
agenda whose horizon is too short to answer they fall back on the records
(``giaoban.reports.rows.select_rows``). Both ways must give the same rows, in the
same order, on random ledgers at random moments with random filters.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.deadline import parse_deadline
from giaoban.model.ledger import Ledger
from giaoban.reports import rows as reports
from giaoban.reports.agenda import Agenda, notice_facts
from giaoban.reports.agenda_rows import LazyRows, ledger_agenda
from giaoban.reports.filters import build_filter
from giaoban.store.loader import load_ledger
from tests.conftest import MINIMAL_UNITS, REPO

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


def _write_ledger(root: Path, notices: list[list[tuple]], strict: bool = True) -> Ledger:
    root.mkdir(parents=True, exist_ok=True)
    (root / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    for n, tasks in enumerate(notices):
        body = "".join(_task(i, *t) for i, t in enumerate(tasks)) or "[]\n"
        name = f"2019-02-{18 - n:02d}-giao-ban"
        head = (
            f"id: {name}\nkind: thông báo kết luận\ntitle: Giao ban\ndate: 2019-02-{18 - n:02d}\n"
        )
        text = head + "tasks:\n" + textwrap.indent(body, "  ")
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = load_ledger(root, use_cache=False)
    if strict:
        assert not [p for p in result.problems if p.is_error], result.problems
    return result.ledger


def _from_records(ledger: Ledger) -> Ledger:
    """The same ledger, with an agenda that cannot answer: reports read the records."""
    agenda = ledger_agenda(ledger)
    agenda.horizon = 0
    return replace(ledger, agenda=agenda)


def _reports(ledger: Ledger, now: datetime, flt: object) -> list[reports.Report]:
    return [
        reports.due_report(ledger, now, 7, flt),  # type: ignore[arg-type]
        reports.due_report(ledger, now, 30, flt),  # type: ignore[arg-type]
        reports.overdue_report(ledger, now, flt),  # type: ignore[arg-type]
        reports.week_report(ledger, now, flt),  # type: ignore[arg-type]
        reports.week_report(ledger, now, flt, next_weeks=1),  # type: ignore[arg-type]
        reports.week_report(ledger, now, flt, until=now.date() + timedelta(days=3)),  # type: ignore[arg-type]
    ]


def assert_same_reports(ledger: Ledger, now: datetime, flt: object) -> None:
    fast = _reports(ledger, now, flt)
    slow = _reports(_from_records(ledger), now, flt)
    for quick, reference in zip(fast, slow, strict=True):
        assert isinstance(quick.rows, LazyRows)
        assert not isinstance(reference.rows, LazyRows)
        assert list(quick.rows) == list(reference.rows)
        assert quick.counts() == reference.counts()
        assert [(u, list(r)) for u, r in quick.groups] == [
            (u, list(r)) for u, r in reference.groups
        ]


def test_the_phrases_used_here_are_read() -> None:
    for phrase in DEADLINES:
        assert parse_deadline(phrase, date(2019, 2, 18)).kind in (
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
def test_agenda_rows_equal_record_rows(
    tmp_path_factory: pytest.TempPathFactory, notices: list, moments: list, flt: dict
) -> None:
    ledger = _write_ledger(tmp_path_factory.mktemp("ledger"), notices)
    built = build_filter(ledger, **flt)
    for now in moments:
        assert_same_reports(ledger, now, built)


@pytest.mark.parametrize(
    "today", ["2019-02-20T08:00", "2019-03-07T00:00", "2022-04-15T13:59", "2022-04-20T09:00"]
)
def test_seed_reports_are_the_same_from_the_agenda(today: str) -> None:
    ledger = load_ledger(REPO / "data", use_cache=False).ledger
    now = datetime.fromisoformat(today).replace(tzinfo=TZ)
    assert_same_reports(ledger, now, build_filter(ledger))
    assert_same_reports(ledger, now, build_filter(ledger, units=["Ban Tổ chức"]))


def test_a_report_past_the_horizon_reads_the_records(tmp_path: Path) -> None:
    """A duty without ``until`` is kept ten years ahead; a report after that still works."""
    ledger = _write_ledger(tmp_path / "data", [[(7, [0], [], 0, 0)]])
    now = datetime(2031, 6, 1, 9, 0, tzinfo=TZ)
    report = reports.week_report(ledger, now)
    assert not isinstance(report.rows, LazyRows)
    assert report.rows and all(r.state == "overdue" for r in report.rows[:-1])


def test_only_rows_looked_at_are_made(tmp_path: Path) -> None:
    ledger = _write_ledger(tmp_path / "data", [[(7, [0], [], 0, 1)] * 3])
    report = reports.overdue_report(ledger, datetime(2019, 6, 1, tzinfo=TZ))
    assert isinstance(report.rows, LazyRows)
    assert len(report.rows) == 3 * 10  # ten Fridays to 30/04/2019, in each of three tasks
    assert report.counts() == {"overdue": 30}
    assert not report.rows.made
    first = report.rows[0]
    assert first.occurrence and first.state == "overdue"
    assert len(report.rows.made) == 1


def _view(agenda: Agenda) -> dict[str, list]:
    """What an agenda holds, with unit lists named (their numbering may differ)."""
    fields = ("status", "since", "done_day", "done", "late_by", "order", "task_notice")
    view = {name: list(getattr(agenda, name)) for name in fields}
    view["units"] = [agenda.units[u] for u in agenda.task_units]
    view["events"] = list(zip(agenda.due, agenda.day, agenda.task, agenda.flags, strict=True))
    for name in ("first_task", "horizons", "plain", "rest", "plain_due", "rest_due"):
        view[name] = list(getattr(agenda, name))
    for name in ("settled", "by_settled", "settled_sorted"):
        view[name] = list(getattr(agenda, name))
    view["horizon"] = [agenda.horizon]
    return view


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(st.lists(task_strategy, max_size=4), min_size=1, max_size=4),
    after=st.lists(st.tuples(st.integers(0, 3), st.lists(task_strategy, max_size=4)), max_size=3),
)
def test_an_updated_agenda_equals_one_made_again(
    tmp_path_factory: pytest.TempPathFactory, before: list, after: list
) -> None:
    """One changed notice updates the folder's agenda in place (``Agenda.update``)."""
    changed_notices = [list(tasks) for tasks in before]
    for n, tasks in after:
        if n < len(changed_notices):
            changed_notices[n] = tasks
    old = _write_ledger(tmp_path_factory.mktemp("old"), before, strict=False)
    new = _write_ledger(tmp_path_factory.mktemp("new"), changed_notices, strict=False)
    paths = [Path(n.source.path).name for n in old.notices]
    assert paths == [Path(n.source.path).name for n in new.notices]
    ids = [n.id for n in old.notices]
    old_facts = [notice_facts(n, TZ) for n in old.notices]
    new_facts = [notice_facts(n, TZ) for n in new.notices]
    agenda = Agenda(old_facts, paths, ids)
    agenda.update(
        {i: f for i, (o, f) in enumerate(zip(old_facts, new_facts, strict=True)) if o != f}, paths
    )
    assert _view(agenda) == _view(Agenda(new_facts, paths, ids))


def test_merged_ledgers_give_the_same_reports_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A central office's ledgers merged from the cache (lazily) report as read in full."""
    from giaoban.checks.check import open_ledgers
    from giaoban.store.lazynotices import LazyNotices

    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(tmp_path / "cache"))
    first = [[(0, [0], [], 0, 0), (7, [1], [0], 1, 1)], [(8, [2], [], 0, 2), (2, [0, 1], [], 2, 0)]]
    second = [[(7, [0], [], 0, 3), (1, [3], [], 4, 0)], [(3, [1], [2], 6, 0)]]
    folders = [tmp_path / "hanoi", tmp_path / "danang"]
    for folder, notices in zip(folders, (first, second), strict=True):
        _write_ledger(folder, notices, strict=False)
    open_ledgers(folders)  # fills the cache
    lazy = open_ledgers(folders)
    full = open_ledgers(folders, use_cache=False)
    assert isinstance(lazy.notices, LazyNotices) and callable(lazy.agenda)
    assert not isinstance(full.notices, LazyNotices)
    for day in range(0, 120, 7):
        now = datetime(2019, 2, 1, 9, 0, tzinfo=TZ) + timedelta(days=day)
        for quick, reference in zip(
            _reports(lazy, now, build_filter(lazy)),
            _reports(full, now, build_filter(full)),
            strict=True,
        ):
            assert list(quick.rows) == list(reference.rows)
            assert dict(quick.short_ids) == dict(reference.short_ids)
    assert list(lazy.notices) == list(full.notices)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(notices=ledger_strategy, now=moment_strategy, flt=filter_strategy, month=st.integers(1, 6))
def test_stats_from_the_agenda_equal_stats_from_the_records(
    tmp_path_factory: pytest.TempPathFactory, notices: list, now: datetime, flt: dict, month: int
) -> None:
    from giaoban.reports.stats import month_end, stats_report

    ledger = _write_ledger(tmp_path_factory.mktemp("ledger"), notices)
    built = build_filter(ledger, **flt)
    start = date(2019, month, 1)
    for end in (month_end(start), start + timedelta(days=10)):
        quick = stats_report(ledger, now, start, end, built)
        reference = stats_report(_from_records(ledger), now, start, end, built)
        assert quick == reference
