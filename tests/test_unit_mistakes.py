"""A unit typed wrong is told where it is typed (issue 17): ``task add --owner/--support``,
``add --task`` and ``add --from-file`` warn with the nearest registered name, or the
registry's short names, and still write the name as typed (``check`` only warns too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain
from tests.conftest import MINIMAL_UNITS

NOTICE = """\
id: 2019-02-18-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 02/2019
date: 2019-02-18
tasks:
  - item: "1"
    text: Xây dựng kế hoạch công tác năm 2019
    owners: [Văn phòng Trung ương Đoàn]
"""
HOW_TO_ADD = "Tên vẫn được ghi như đã nhập. Nếu là đơn vị mới, thêm vào"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "2019").mkdir(parents=True)
    (root / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (root / "2019" / "2019-02-18-giao-ban.yaml").write_text(NOTICE, encoding="utf-8")
    return root


def task_add(runner: CliRunner, data: Path, *args: str):
    return runner.invoke(
        app,
        ["task", "add", "2019-02-18", "--text", "Báo cáo", *args, "--data", str(data)],
    )


def tasks_of(path: Path) -> list[dict]:
    return load_plain(path.read_text(encoding="utf-8"))["tasks"]


def test_a_misspelled_owner_is_told_with_the_nearest_name(runner: CliRunner, data: Path) -> None:
    result = task_add(runner, data, "--owner", "Ban Tổ chuc Trung uong", "--no-commit")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "⚠ đơn vị 'Ban Tổ chuc Trung uong' chưa có trong danh mục; "
        "có phải 'Ban Tổ chức Trung ương Đoàn'?",
        f"  {HOW_TO_ADD} {data / 'units.yaml'}, dưới 'units', dòng:"
        "  - name: Ban Tổ chuc Trung uong",
    ]
    written = tasks_of(data / "2019" / "2019-02-18-giao-ban.yaml")[-1]
    assert written["owners"] == ["Ban Tổ chuc Trung uong"]  # written as typed
    assert "Đã thêm nhiệm vụ 2019-02-18-giao-ban#2" in result.stdout

    # names known without their marks, or in another case, pass in silence
    result = task_add(runner, data, "--owner", "van phong trung uong doan", "--support", "btc")
    assert result.exit_code == 0 and result.stderr == "", result.output
    # without a registry nothing is said here: check says the registry is missing
    (data / "units.yaml").unlink()
    result = task_add(runner, data, "--owner", "Ban Bất kỳ")
    assert result.exit_code == 0 and result.stderr == "", result.output


def test_a_name_close_to_none_lists_the_short_names(runner: CliRunner, data: Path) -> None:
    result = task_add(runner, data, "--owner", "VP", "--support", "Hội Sinh viên", "--no-commit")
    assert result.exit_code == 0, result.output
    first = result.stderr.splitlines()[0]
    assert first == (
        "⚠ đơn vị 'Hội Sinh viên' chưa có trong danh mục; "
        "các đơn vị trong danh mục (tên tắt): VP, BTC"
    )
    assert "'VP'" not in result.stderr  # a known short name is not warned about


def test_an_empty_registry_is_said_to_be_empty(runner: CliRunner, data: Path) -> None:
    """A new ledger's units.yaml lists no unit yet: the warning says so, not a list of
    nothing."""
    (data / "units.yaml").write_text("units: []\n", encoding="utf-8")
    result = task_add(runner, data, "--owner", "Ban Tổ chức", "--no-commit")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "⚠ đơn vị 'Ban Tổ chức' chưa có trong danh mục; danh mục chưa có đơn vị nào"
    )


FILE_NOTICE = {
    "kind": "sơ kết",
    "title": "Sơ kết công tác 6 tháng đầu năm 2018",
    "date": "2018-08-02",
    "tasks": [
        {"item": "1", "text": "Tổng kết", "owners": ["VP"], "supports": ["Ban To chuc TW"]},
        {"item": "2", "text": "Báo cáo", "owners": ["Văn phong TW Doàn"]},
    ],
}
FILE_NOTICE_YAML = """\
kind: sơ kết
title: Sơ kết công tác 6 tháng đầu năm 2018
date: 2018-08-02
tasks:
  - item: "1"
    text: Tổng kết
    owners: [VP]
    supports:
      - Ban To chuc TW
  - item: "2"
    text: Báo cáo
    owners: [Văn phong TW Doàn]
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("notice.json", json.dumps(FILE_NOTICE, ensure_ascii=False)),
        ("notice.yaml", FILE_NOTICE_YAML),
    ],
)
def test_add_from_file_warns_before_it_writes(
    runner: CliRunner, data: Path, tmp_path: Path, name: str, text: str
) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    args = ["add", "--from-file", str(source), "--data", str(data), "--no-commit"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "⚠ đơn vị 'Ban To chuc TW' chưa có trong danh mục; có phải 'Ban Tổ chức Trung ương Đoàn'?"
    )
    assert "Văn phong TW Doàn" not in result.stderr  # an alias, typed without some marks
    path = data / "2018" / "2018-08-02-so-ket-cong-tac-6-thang.yaml"
    assert tasks_of(path)[0]["supports"] == ["Ban To chuc TW"]


def test_add_task_flags_warn_too(runner: CliRunner, data: Path) -> None:
    args = ["add", "--title", "Giao ban", "--date", "01/03/2019", "--data", str(data)]
    result = runner.invoke(app, [*args, "--task", "Việc | chủ trì: BTX", "--no-commit"])
    assert result.exit_code == 0, result.output
    assert "⚠ đơn vị 'BTX' chưa có trong danh mục; có phải 'Ban Tổ chức Trung ương Đoàn'?" in (
        result.stderr
    )
