"""Shell completion through click's machinery (issue 17): every id and unit argument
completes, and unit names match what is typed without diacritics or in another case."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import MINIMAL_UNITS

NOTICE = """\
id: {id}
kind: thông báo kết luận
title: Kết luận giao ban
date: {date}
tasks:
  - item: "1"
    text: Xây dựng kế hoạch
    owners: [VP]
  - item: "2"
    text: Báo cáo tiến độ
    owners: [BTC]
"""
FIRST = "2019-02-18-giao-ban"
SECOND = "2019-03-04-giao-ban"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "2019").mkdir(parents=True)
    (root / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    for notice_id in (FIRST, SECOND):
        text = NOTICE.format(id=notice_id, date=notice_id[:10])
        (root / "2019" / f"{notice_id}.yaml").write_text(text, encoding="utf-8")
    return root


def complete(runner: CliRunner, data: Path, line: str) -> list[str]:
    """What bash is offered for the last word of ``line`` (empty when it ends in a space)."""
    words = line.split(" ")
    env = {
        "_GIAOBAN_COMPLETE": "complete_bash",
        "COMP_WORDS": f"giaoban {line}",
        "COMP_CWORD": str(len(words)),
        "GIAOBAN_DATA": str(data),
    }
    result = runner.invoke(app, [], env=env, prog_name="giaoban")
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


OFFICE = ["Văn phòng Trung ương Đoàn", "Văn phòng TW Đoàn"]


UNIT_OPTIONS = [
    "week --unit",
    "due --unit",
    "overdue --unit",
    "stats --unit",
    "list --unit",
    "search việc --unit",
    "export --unit",
    "task add 2019-02 --owner",
    "task add 2019-02 --support",
]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("van", OFFICE),
        ("VAN", OFFICE),
        ("Văn", OFFICE),
        ("vp", ["VP"]),
        ("btc", ["BTC"]),
        ("ban", ["Ban Tổ chức Trung ương Đoàn"]),
        ("CAC", ["Các ban, đơn vị khối phong trào"]),
    ],
)
def test_every_unit_option_completes_without_diacritics(
    runner: CliRunner, data: Path, typed: str, offered: list[str]
) -> None:
    for option in UNIT_OPTIONS:
        assert complete(runner, data, f"{option} {typed}") == offered, option


def test_every_id_argument_completes(runner: CliRunner, data: Path) -> None:
    for command in ("show", "edit", "log"):  # a notice or a task
        assert complete(runner, data, f"{command} 2019") == [FIRST, SECOND]
        offered = [FIRST, f"{FIRST}#1", f"{FIRST}#2"]
        assert complete(runner, data, f"{command} 2019-02") == offered, command
        offered = [f"{SECOND}#1", f"{SECOND}#2"]
        assert complete(runner, data, f"{command} {SECOND}#") == offered, command
    for command in ("done", "reopen", "cancel", "stop", "postpone", "note"):  # a task
        assert complete(runner, data, f"{command} 2019") == [f"{FIRST}#", f"{SECOND}#"]
        assert complete(runner, data, f"{command} 2019-03") == [f"{SECOND}#1", f"{SECOND}#2"]


@pytest.mark.parametrize("command", ["week", "list", "stats"])
def test_the_notice_filter_completes(runner: CliRunner, data: Path, command: str) -> None:
    assert complete(runner, data, f"{command} --notice 2019-03") == [SECOND]


def test_several_ledgers_complete_from_each(runner: CliRunner, data: Path, tmp_path: Path) -> None:
    other = tmp_path / "hcm" / "data"
    other.mkdir(parents=True)
    (other / "units.yaml").write_text(
        "units:\n  - name: Văn phòng Thành đoàn\n    short: [VPTĐ]\n", encoding="utf-8"
    )
    line = f"week --data {data} --data {other} --unit van"
    assert complete(runner, data, line) == [*OFFICE, "Văn phòng Thành đoàn"]
    # completion never fails: a folder that is not there completes to nothing
    assert complete(runner, tmp_path / "nowhere", "week --unit van") == []
    assert complete(runner, tmp_path / "nowhere", "show 2019") == []
