"""A digest's backlog counted in the index (issue 13): what a reader sees is the same
whether every row is made or the late rows of the backlog are only counted.

A dated report shown as a digest (a table, Markdown, a document) lists only this
week's lines and those late for at most ``backlog_days``; the older ones are counted
per unit. ``dated_rows(counted_before=...)`` counts those in SQL instead of making a
row of each; the machine formats (JSON, CSV) still get every row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.model.ledger import Ledger
from giaoban.render import formats
from giaoban.reports import rows as reports
from giaoban.reports.filters import Filter, build_filter
from giaoban.store.loader import load_ledger
from tests.conftest import REPO
from tests.test_index import (
    TZ,
    _write_files,
    filter_strategy,
    ledger_strategy,
    moment_strategy,
)


def _both(ledger: Ledger, now: datetime, flt: Filter) -> list[tuple[reports.Report, ...]]:
    """Each dated report made with every row, and made for a digest alone."""
    pairs = []
    for every_row in (True, False):
        pairs.append(
            (
                reports.due_report(ledger, now, 7, flt, every_row=every_row),
                reports.due_report(ledger, now, 30, flt, every_row=every_row),
                reports.overdue_report(ledger, now, flt, every_row=every_row),
                reports.week_report(ledger, now, flt, every_row=every_row),
                reports.week_report(ledger, now, flt, next_weeks=1, every_row=every_row),
            )
        )
    return list(zip(*pairs, strict=True))


def assert_digests_agree(ledger: Ledger, now: datetime, flt: Filter) -> None:
    for full, counted in _both(ledger, now, flt):
        assert formats.report_markdown(counted, ()) == formats.report_markdown(full, ())
        assert counted.counted == len(full.rows) - len(counted.rows)
        assert counted.empty == full.empty


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notices=ledger_strategy,
    moments=st.lists(moment_strategy, min_size=1, max_size=3),
    flt=filter_strategy,
    backlog_days=st.sampled_from([0, 3, 30]),
)
def test_the_counted_backlog_reads_as_every_row_would(
    tmp_path_factory: pytest.TempPathFactory,
    notices: list,
    moments: list,
    flt: dict,
    backlog_days: int,
) -> None:
    root = tmp_path_factory.mktemp("ledger")
    _write_files(root, notices)
    (root / "settings.yaml").write_text(f"backlog_days: {backlog_days}\n", encoding="utf-8")
    ledger = load_ledger(root, use_cache=False).ledger
    built = build_filter(ledger, **flt)
    for now in moments:
        assert_digests_agree(ledger, now, built)


@pytest.mark.parametrize("today", ["2019-03-07T00:00", "2022-04-20T09:00", "2024-01-05T15:00"])
def test_seed_digests_agree(today: str) -> None:
    ledger = load_ledger(REPO / "data", use_cache=False).ledger
    now = datetime.fromisoformat(today).replace(tzinfo=TZ)
    assert_digests_agree(ledger, now, build_filter(ledger))
    assert_digests_agree(ledger, now, build_filter(ledger, units=["Ban Tổ chức"]))


def test_some_files_read_through_the_cache_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notices named one by one (not the whole folder): the index counts only theirs."""
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "data"
    _write_files(root, [[(0, [0], [], 0, 0), (7, [1], [], 0, 0)], [(1, [0], [], 0, 0)]] * 2)
    load_ledger(root, use_cache=True)  # every file in the index
    some = sorted(root.glob("2019-*.yaml"))[:2]
    ledger = load_ledger(root, files=some, use_cache=True).ledger
    now = datetime(2019, 6, 3, 9, 0, tzinfo=TZ)
    assert_digests_agree(ledger, now, build_filter(ledger))
    week = reports.week_report(ledger, now, every_row=False)
    assert week.digest is not None and week.digest.backlog_tasks == 2  # one per file named


DUTY = """\
id: 2024-01-05-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-01-05
tasks:
  - {item: "1", owners: [VP], text: Báo cáo tuần, deadline: trước 14h00 thứ 6 hàng tuần,
     until: 2024-02-02}
  - {item: "2", owners: [VP, BTC], text: Việc cũ, deadline: trước ngày 15/01/2024}
"""


@pytest.fixture
def run(runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]) -> Callable[..., str]:
    write_notice("2024-01-05-giao-ban", DUTY)

    def invoke(*args: str) -> str:
        result = runner.invoke(
            app, [*args, "--data", str(data_dir)], env={"GIAOBAN_TODAY": "2024-03-11"}
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    return invoke


@pytest.mark.parametrize(
    "args",
    [
        ["week"],  # the index counts the backlog
        ["week", "-n", "2024-01-05"],  # by notice: every row is made
        ["overdue", "--format", "md"],
    ],
)
def test_a_duty_missed_long_ago_is_one_backlog_task_since_its_first_miss(
    run: Callable[..., str], args: list[str]
) -> None:
    """Its five misses (Fridays 05/01 .. 02/02, all over 30 days late) are one task of the backlog,
    late since its first miss, 05/01 (qa10b 6); a task of two units is counted under each, once
    in all. The same whether the index counts the backlog or every row is made."""
    out = run(*args)
    assert "0 việc quá hạn gần đây, 2 việc tồn đọng" in out
    assert "Văn phòng Trung ương Đoàn: 2 việc, lâu nhất từ 05/01/2024" in out
    assert "Ban Tổ chức Trung ương Đoàn: 1 việc, lâu nhất từ 15/01/2024" in out
    listed = run("overdue", "--all")
    assert "(trễ 5 lần, gần nhất 02/02/2024)" in listed


def test_json_of_the_same_report_has_every_row(run: Callable[..., str]) -> None:
    rows = json.loads(run("overdue", "--format", "json"))["tasks"]
    assert len(rows) == 6  # five occurrences and the one-off task


def test_a_report_that_only_counted_refuses_to_list_its_rows(data_dir: Path) -> None:
    ledger = load_ledger(REPO / "data", use_cache=False).ledger
    now = datetime(2022, 4, 20, 9, 0, tzinfo=TZ)
    report = reports.overdue_report(ledger, now, every_row=False)
    assert report.counted > 0
    with pytest.raises(ValueError, match="only counted"):
        formats.report_json(report, ())
    with pytest.raises(ValueError, match="only counted"):
        formats.report_csv(report)
    assert reports.overdue_report(ledger, now + timedelta(minutes=1)).counted == 0


MISSED_LONG_AGO_AND_LATELY = """\
id: 2026-10-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2026-10-01
tasks:
  - {item: "1", owners: [VP], text: Báo cáo tháng, deadline: trước ngày 05 hằng tháng,
     done_occurrences: [2026-11-05]}
"""


@pytest.mark.parametrize("notice", [[], ["-n", "2026-10"]])
def test_a_duty_missed_long_ago_and_lately_is_one_recent_late_line(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], notice: list[str]
) -> None:
    """A duty is one line, placed by its latest miss: missed 05/10 (over 30 days ago) and
    05/12, it is listed among the recent late with both misses counted on its line, and
    not counted again in the backlog (each task once; docs/reports.md)."""
    write_notice("2026-10-01-giao-ban", MISSED_LONG_AGO_AND_LATELY)
    args = ["overdue", "--data", str(data_dir), "--today", "2026-12-07", *notice]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 việc quá hạn gần đây" in result.stdout and "Tồn đọng" not in result.stdout
    assert "(trễ 2 lần, gần nhất 05/12/2026)" in result.stdout
