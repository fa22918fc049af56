"""A change refused by the check of the file it would make names places of the file as it
is (the file is left as it was), and a command's own empty text is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

NOTICE = """\
id: 2022-04-14-gb
kind: thông báo kết luận
title: Giao ban tháng 4
date: 2022-04-14
tasks:
  - item: "6.1"
    text: Hoàn thiện báo cáo chuyên đề
    owners: [VP]
    deadline: trong tháng 4/2022
    status: open
  - item: "6.2"
    text: Báo cáo tuần
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    status: open
"""


@pytest.fixture
def notice(ledger: Path) -> Path:
    path = ledger / "2022-04-14-gb.yaml"
    path.write_text(NOTICE, encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "notice")
    return path


def run(runner: CliRunner, ledger: Path, *args: str):
    return runner.invoke(app, [*args, "--data", str(ledger)])


def named_places(stderr: str, path: Path) -> list[tuple[int, int]]:
    """The (line, column) of each problem ``stderr`` names in ``path``."""
    places = []
    for line in stderr.split("\n"):
        if line.startswith(f"{path}:"):
            row, column = line[len(str(path)) + 1 :].split(":")[:2]
            places.append((int(row), int(column)))
    return places


def test_a_refused_task_add_names_the_list_it_would_go_in(
    runner: CliRunner, ledger: Path, notice: Path
) -> None:
    args = ("task", "add", "2022-04-14-gb", "--text", "Việc mới", "--owner", "VP")
    result = run(runner, ledger, *args, "--deadline", "hôm nào đó")
    assert result.exit_code == 1
    assert notice.read_text(encoding="utf-8") == NOTICE
    assert "[bad-deadline]" in result.stderr
    assert "tệp giữ nguyên; vị trí tính theo tệp hiện nay" in result.stderr
    # the new task's deadline is in no line of the file: the place named is the list of
    # tasks it would have joined, a line that is there
    [(row, column)] = named_places(result.stderr, notice)
    assert NOTICE.split("\n")[row - 1][column - 1 :] == '- item: "6.1"'


def test_an_empty_note_is_refused_as_such(runner: CliRunner, ledger: Path, notice: Path) -> None:
    result = run(runner, ledger, "note", "2022-04-14-gb#6.2", "  ", "--today", "2022-04-20")
    assert result.exit_code == 1
    assert result.stderr == "giaoban: lỗi: ghi chú đang để trống; hãy ghi nội dung ghi chú\n"
    assert notice.read_text(encoding="utf-8") == NOTICE
