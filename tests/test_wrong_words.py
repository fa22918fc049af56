"""Words that were wrong (issue 17): what giaoban says must be what is so.

- ``deadline PHRASE --ref DATE`` counts the time left from now, not from the notice's day;
- ``log --summary`` does not count a ``git revert`` as new work, nor anything of a task
  removed in the period (its notice deleted, or the task taken out): not as added, nor
  its done or postponements;
- ``log`` shows commit times in the office's time zone, as task dates are;
- the hint to quote an unquoted item number quotes it as the file writes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import MINIMAL_UNITS, run_git

VP = "Văn phòng Trung ương Đoàn"
BTC = "Ban Tổ chức Trung ương Đoàn"


# --- deadline --ref ----------------------------------------------------------------------


def test_deadline_counts_what_is_left_from_now_not_from_the_notice(
    runner: CliRunner, data_dir: Path
) -> None:
    args = ["deadline", "trước ngày 13/12/2026", "--data", str(data_dir), "--today", "2026-12-01"]
    with_ref = runner.invoke(app, [*args, "--ref", "05/12/2026"])
    assert with_ref.exit_code == 0, with_ref.output
    assert "Tình trạng: còn 13 ngày 0 giờ" in with_ref.stdout  # 01/12 → end of 13/12
    assert with_ref.stdout == runner.invoke(app, args).stdout  # the phrase names its year


def test_deadline_relative_to_the_notice_is_due_from_the_notice_left_from_now(
    runner: CliRunner, data_dir: Path
) -> None:
    result = runner.invoke(
        app,
        ["deadline", "trong 10 ngày", "--ref", "2026-12-05", "--today", "2026-12-14T12:00",
         "--data", str(data_dir)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Hạn chót: hết ngày 15/12/2026" in result.stdout  # counted from the notice
    assert "Tình trạng: còn 1 ngày 12 giờ" in result.stdout  # from now (14/12 12:00)


def test_a_reference_day_that_does_not_exist_is_said_to_be_so(
    runner: CliRunner, data_dir: Path
) -> None:
    result = runner.invoke(
        app, ["deadline", "trước ngày 13/12/2026", "--ref", "31/02/2026", "--data", str(data_dir)]
    )
    assert result.exit_code == 2
    assert "ngày 31/02/2026 không có thật" in result.stderr
    assert "dạng" not in result.stderr  # its form is right


# --- log: reverts, deleted notices, time zone ----------------------------------------------


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    """Make the next commits happen at ``moment`` (ISO with offset)."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", moment)
    monkeypatch.setenv("GIT_COMMITTER_DATE", moment)


@pytest.fixture
def ledger(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "add", ".")
    at(monkeypatch, "2022-04-14T08:00:00+07:00")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")
    return data


@pytest.fixture
def gb(ledger: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """Run giaoban on the ledger on ``day`` (YYYY-MM-DD, 09:00 in Hà Nội); its output."""

    def run(day: str, *args: str) -> str:
        at(monkeypatch, f"{day}T09:00:00+07:00")
        monkeypatch.setenv("GIAOBAN_TODAY", day)
        result = runner.invoke(app, [*args, "--data", str(ledger)])
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def add_two_notices(gb: Callable[..., str]) -> None:
    gb(
        "2022-04-14", "add", "--title", "Kết luận A", "--date", "14/04/2022",
        "--id", "2022-04-14-a",
        "--task", "Báo cáo kết quả | chủ trì: VP | hạn: trước ngày 20/04/2022 | mục: 1",
        "--task", "Rà soát danh mục | chủ trì: BTC | hạn: trước ngày 30/04/2022 | mục: 2",
    )  # fmt: skip
    gb(
        "2022-04-14", "add", "--title", "Kết luận B", "--date", "14/04/2022",
        "--id", "2022-04-14-b",
        "--task", "Tổng hợp ý kiến | chủ trì: VP | hạn: trước ngày 20/04/2022 | mục: 1",
    )  # fmt: skip


def summary_rows(gb: Callable[..., str]) -> tuple[dict[str, list[int]], list[int]]:
    """Per unit and in all: [added, done, cancelled, postponed, days]."""
    data = json.loads(gb("2022-05-31", "log", "--summary", "--format", "json"))

    def counts(row: dict) -> list[int]:
        keys = ("added", "done", "cancelled", "postponed", "postponed_days")
        return [row[k] for k in keys]

    return {r["unit"]: counts(r) for r in data["units"]}, counts(data["total"])


def test_a_reverted_postponement_is_not_another_one(
    gb: Callable[..., str], git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_two_notices(gb)
    gb("2022-04-21", "postpone", "2022-04-14-a#2", "trước ngày 15/05/2022", "--reason", "Chờ")
    at(monkeypatch, "2022-04-22T09:00:00+07:00")
    run_git(git_repo, "revert", "--no-edit", "HEAD")
    units, total = summary_rows(gb)
    assert total == [3, 0, 0, 0, 0]  # undone: neither the postponement nor the revert
    assert units == {VP: [2, 0, 0, 0, 0], BTC: [1, 0, 0, 0, 0]}
    log = gb("2022-05-31", "log", "2022-04-14-a#2").splitlines()
    assert log[-1].startswith("22/04/2022 09:00  Nguyễn Văn An  hoàn tác commit ")
    assert "hạn đổi lại: trước ngày 15/05/2022 → trước ngày 30/04/2022" in log[-1]


def test_a_revert_of_the_revert_postpones_once(
    gb: Callable[..., str], git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_two_notices(gb)
    gb("2022-04-21", "postpone", "2022-04-14-a#2", "trước ngày 15/05/2022", "--reason", "Chờ")
    at(monkeypatch, "2022-04-22T09:00:00+07:00")
    run_git(git_repo, "revert", "--no-edit", "HEAD")
    run_git(git_repo, "revert", "--no-edit", "HEAD")
    units, total = summary_rows(gb)
    assert total == [3, 0, 0, 1, 15]
    assert units[BTC] == [1, 0, 0, 1, 15]


def test_the_tasks_of_a_deleted_notice_are_not_added(
    gb: Callable[..., str], git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_two_notices(gb)
    at(monkeypatch, "2022-04-25T09:00:00+07:00")
    run_git(git_repo, "rm", "-q", "data/2022/2022-04-14-b.yaml")
    run_git(git_repo, "commit", "-qm", "Bỏ thông báo B (nhập nhầm)")
    units, total = summary_rows(gb)
    assert total == [2, 0, 0, 0, 0]
    assert units == {VP: [1, 0, 0, 0, 0], BTC: [1, 0, 0, 0, 0]}
    # Before the deletion, B's task was added in that period.
    before = json.loads(gb("2022-05-31", "log", "--summary", "--format", "json",
                           "--until", "20/04/2022"))  # fmt: skip
    assert before["total"]["added"] == 3


def test_what_was_done_to_a_task_removed_later_does_not_stand(
    gb: Callable[..., str], git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A removed task counts for nothing in the period: its postponement and its done went
    with it, whether its notice was deleted or the task was taken out by hand, and whether
    it was added in the period or before (qa11c finding 03: 'Hoàn thành 1, Gia hạn 1' were
    counted for a notice entered by mistake and deleted)."""
    add_two_notices(gb)
    gb("2022-04-15", "postpone", "2022-04-14-b#1", "trước ngày 30/04/2022", "--reason", "Chờ")
    gb("2022-04-16", "done", "2022-04-14-b#1")
    gb("2022-04-17", "postpone", "2022-04-14-a#2", "trước ngày 10/05/2022", "--reason", "Thiếu")
    gb("2022-04-18", "done", "2022-04-14-a#1")
    at(monkeypatch, "2022-04-25T09:00:00+07:00")
    run_git(git_repo, "rm", "-q", "data/2022/2022-04-14-b.yaml")
    run_git(git_repo, "commit", "-qm", "Bỏ thông báo B (nhập nhầm)")
    path = git_repo / "data/2022/2022-04-14-a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('  - item: "2"')], encoding="utf-8")  # task 2 taken out
    at(monkeypatch, "2022-04-26T09:00:00+07:00")
    run_git(git_repo, "commit", "-qam", "Bỏ nhiệm vụ 2")

    units, total = summary_rows(gb)
    assert total == [1, 1, 0, 0, 0]  # task a#1: added and done; nothing else stands
    assert units == {VP: [1, 1, 0, 0, 0]}
    # A period that ends before the removals: all of it stood then.
    before = json.loads(gb("2022-05-31", "log", "--summary", "--format", "json",
                           "--until", "20/04/2022"))  # fmt: skip
    assert [before["total"][k] for k in ("added", "done", "postponed", "postponed_days")] == [
        3, 2, 2, 20,
    ]  # fmt: skip
    # A period after the tasks were added: their work in it went with them all the same.
    later = json.loads(gb("2022-05-31", "log", "--summary", "--format", "json",
                          "--since", "15/04/2022"))  # fmt: skip
    assert [later["total"][k] for k in ("added", "done", "postponed", "postponed_days")] == [
        0, 1, 0, 0,
    ]  # fmt: skip


def test_log_shows_commit_times_in_the_office_time_zone(
    gb: Callable[..., str], ledger: Path, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_two_notices(gb)
    # A clerk whose machine is set to UTC marks task 1 done at 16:30 UTC: 23:30 in Hà Nội.
    path = ledger / "2022" / "2022-04-14-a.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.index("    status: open\n") > text.index('item: "1"')  # task 1's own line
    path.write_text(text.replace("    status: open\n", "    status: done\n", 1), encoding="utf-8")
    at(monkeypatch, "2022-04-20T16:30:00+00:00")
    run_git(git_repo, "commit", "-qam", "Hoàn thành mục 1")
    line = gb("2022-05-31", "log", "2022-04-14-a#1").splitlines()[-1]
    assert line.startswith("20/04/2022 23:30  Nguyễn Văn An  hoàn thành"), line
    # The office's zone from its settings.
    (ledger / "settings.yaml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    line = gb("2022-05-31", "log", "2022-04-14-a#1").splitlines()[-1]
    assert line.startswith("21/04/2022 01:30  "), line


def test_log_json_dates_are_in_the_office_time_zone_as_its_filter(
    gb: Callable[..., str], ledger: Path, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON date is the table's moment, in the office's zone, so its day is the day
    ``--since``/``--until`` file it under (qa11c finding 05: 20:30 UTC on 20/04 was
    "2022-04-20T20:30:00+00:00" in JSON, while the table and --since said 21/04)."""
    add_two_notices(gb)
    path = ledger / "2022" / "2022-04-14-a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    status: open\n", "    status: done\n", 1), encoding="utf-8")
    at(monkeypatch, "2022-04-20T20:30:00+00:00")
    run_git(git_repo, "commit", "-qam", "Hoàn thành mục 1")

    def dates(*args: str) -> list[str]:
        out = gb("2022-05-31", "log", "2022-04-14-a#1", "--format", "json", *args)
        return [e["date"] for e in json.loads(out)["events"] if e["action"] == "done"]

    assert dates() == ["2022-04-21T03:30:00+07:00"]
    assert dates("--since", "21/04/2022", "--until", "21/04/2022") == dates()
    assert dates("--until", "20/04/2022") == []
    (ledger / "settings.yaml").write_text("timezone: Europe/Paris\n", encoding="utf-8")
    assert dates() == ["2022-04-20T22:30:00+02:00"]


# --- the hint to quote an item number ------------------------------------------------------


def test_the_quote_hint_keeps_the_item_as_written(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice(
        "2022-04-14-x",
        """\
        id: 2022-04-14-x
        kind: thông báo kết luận
        title: Kết luận giao ban
        date: 2022-04-14
        tasks:
          - item: 1.10
            text: Báo cáo kết quả
            owners: [VP]
          - item: 2.50
            text: Rà soát danh mục
            owners: [BTC]
          - item: 3.5
            text: Tổng hợp ý kiến
            owners: [BTC]
        """,
    )
    result = runner.invoke(app, ["check", "--data", str(data_dir)])
    assert result.exit_code == 1
    out = result.stdout
    assert 'hãy đặt trong ngoặc kép, ví dụ "1.10"' in out  # not "1.1": another item
    assert 'ví dụ "2.50"' in out
    assert 'ví dụ "3.5"' in out
    assert '"1.1"' not in out and '"2.5"' not in out


def test_add_reads_back_a_deadline_counted_from_an_event_as_such() -> None:
    """'xong trước khi Đại hội khai mạc' was read back as '(thường xuyên)'."""
    from datetime import date

    from giaoban.cli.add import deadline_echo
    from giaoban.model.settings import Settings

    echo = deadline_echo("xong trước khi Đại hội khai mạc", date(2022, 4, 14), Settings())
    assert "thường xuyên" not in echo
    assert 'tính theo mốc "Đại hội khai mạc"' in echo and "events:" in echo
