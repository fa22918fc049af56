"""``giaoban log --since --until --summary``: per unit, what was added, done, cancelled and
postponed (and by how many days), read from real commits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2022-04-14-giao-ban"
PATH = f"data/2022/{NOTICE_ID}.yaml"
VP = "Văn phòng Trung ương Đoàn"
BTC = "Ban Tổ chức Trung ương Đoàn"
GROUP = "Các ban, đơn vị khối phong trào"


def at(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    """The next commits are made on ``day`` (YYYY-MM-DD), at 09:00 in Hà Nội."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T09:00:00+07:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T09:00:00+07:00")


@pytest.fixture
def story(git_repo: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A month of work on one notice, each step a real giaoban command (one a hand edit)."""
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")

    def gb(day: str, *args: str) -> None:
        at(monkeypatch, day)
        monkeypatch.setenv("GIAOBAN_TODAY", day)
        result = runner.invoke(app, [*args, "--data", str(data)])
        assert result.exit_code == 0, result.output

    gb(
        "2022-04-14",
        "add", "--title", "Kết luận giao ban tháng 4/2022", "--date", "14/04/2022",
        "--id", NOTICE_ID,
        "--task", "Báo cáo kết quả | chủ trì: VP | hạn: trước ngày 20/04/2022 | mục: 1",
        "--task", f"Tiếp thu ý kiến | chủ trì: {GROUP} | hạn: trước ngày 30/04/2022 | mục: 2",
        "--task", "Phân bổ kinh phí | chủ trì: VP; BTC | hạn: trong tháng 5/2022 | mục: 3",
    )  # fmt: skip
    gb("2022-04-15", "task", "add", NOTICE_ID, "--text", "Rà soát danh mục", "--owner", "BTC",
       "--deadline", "trong tháng 5/2022")  # fmt: skip
    gb("2022-04-19", "done", f"{NOTICE_ID}#1")
    gb("2022-04-21", "postpone", f"{NOTICE_ID}#2", "trước ngày 15/05/2022", "--reason", "Chờ")
    gb("2022-04-26", "postpone", f"{NOTICE_ID}#2", "trước ngày 20/05/2022", "--reason", "Lại")
    gb("2022-04-27", "postpone", f"{NOTICE_ID}#4", "trong tháng 6/2022", "--reason", "Thiếu")
    gb("2022-05-02", "cancel", f"{NOTICE_ID}#3", "--reason", "Trùng việc")
    # By hand: task 4 is removed from the notice (its history still counts for BTC).
    path = git_repo / PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('  - item: "4"')], encoding="utf-8")
    at(monkeypatch, "2022-05-05")
    run_git(git_repo, "commit", "-qam", "Bỏ nhiệm vụ 4")
    return data


def summary(runner: CliRunner, data: Path, *args: str) -> dict:
    result = runner.invoke(
        app, ["log", "--summary", "--format", "json", "--data", str(data), *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(data: dict) -> dict[str, tuple[int, int, int, int, float]]:
    return {
        r["unit"]: (r["added"], r["done"], r["cancelled"], r["postponed"], r["postponed_days"])
        for r in data["units"]
    }


def test_april_per_unit(runner: CliRunner, story: Path) -> None:
    april = summary(runner, story, "--since", "01/04/2022", "--until", "30/04/2022")
    assert (april["since"], april["until"]) == ("2022-04-01", "2022-04-30")
    assert rows(april) == {
        # added, done, cancelled, postponed, days
        GROUP: (1, 0, 0, 2, 20),  # 30/04 → 15/05 (15 days) → 20/05 (5 days)
        BTC: (2, 0, 0, 1, 30),  # the removed task 4: May → June
        VP: (2, 1, 0, 0, 0),
    }
    assert list(rows(april)) == [BTC, GROUP, VP]  # most days postponed first
    assert april["total"] == {
        "unit": "Cả sổ",
        "added": 4,
        "done": 1,
        "cancelled": 0,
        "postponed": 3,
        "postponed_days": 50,
    }


def test_may_only(runner: CliRunner, story: Path) -> None:
    may = summary(runner, story, "--since", "2022-05-01")
    assert rows(may) == {VP: (0, 0, 1, 0, 0), BTC: (0, 0, 1, 0, 0)}
    assert may["total"]["cancelled"] == 1


def test_one_day_and_the_table(runner: CliRunner, story: Path) -> None:
    day = summary(runner, story, "--since", "21/04/2022", "--until", "21/04/2022")
    assert rows(day) == {GROUP: (0, 0, 0, 1, 15)}
    result = runner.invoke(
        app, ["log", "--summary", "--data", str(story), "--since", "01/04/2022", "--until",
              "30/04/2022"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Tổng hợp thay đổi theo đơn vị, từ 01/04/2022 đến 30/04/2022"
    assert "Thêm" in lines[1] and "Số ngày" in lines[1]
    btc = next(line for line in lines if line.startswith(BTC))
    assert btc.split()[-5:] == ["2", "0", "0", "1", "30"]
    total = next(line for line in lines if line.startswith("Cả sổ"))
    assert total.split()[-5:] == ["4", "1", "0", "3", "50"]


def test_nothing_in_the_period(runner: CliRunner, story: Path) -> None:
    empty = summary(runner, story, "--since", "01/01/2023")
    assert empty["units"] == [] and empty["total"]["added"] == 0
    text = runner.invoke(app, ["log", "--summary", "--data", str(story), "--since", "01/01/2023"])
    assert "Không có thay đổi nào về nhiệm vụ" in text.stdout


def test_since_and_until_filter_the_plain_log(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(
        app, ["log", "--data", str(story), "--since", "20/04/2022", "--until", "26/04/2022"]
    )
    lines = result.stdout.splitlines()
    assert [line[:10] for line in lines] == ["21/04/2022", "26/04/2022"]
    bad = runner.invoke(
        app, ["log", "--data", str(story), "--since", "26/04/2022", "--until", "20/04/2022"]
    )
    assert bad.exit_code == 2
    wrong = runner.invoke(app, ["log", "--data", str(story), "--since", "31/02/2022"])
    assert wrong.exit_code == 2


def test_summary_of_one_task(runner: CliRunner, story: Path) -> None:
    one = summary(runner, story, f"{NOTICE_ID}#2")
    assert rows(one) == {GROUP: (1, 0, 0, 2, 20)}
