"""A unit named twice in one task (by two of its names) through ``add --from-file``,
``add --task`` and ``task add``: told at once, as the questions of ``add`` tell it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain

CLERKS_FILE = """\
kind: thông báo kết luận
title: Giao ban tháng 5
date: 2024-05-02
tasks:
  - item: "1"
    text: Xây dựng kế hoạch
    owners: [VP, Văn phòng Trung ương Đoàn]  # one unit by its short and full names
    supports:
      - van phong tw doan
      - Ban Tổ chức Trung ương Đoàn
  - item: "2"
    text: Tổng hợp báo cáo
    owners: [Ban Tổ chức Trung ương Đoàn]
    supports: [btc]
"""


def test_from_file_warns_of_a_unit_named_twice_and_keeps_the_file(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = tmp_path / "tb.yaml"
    source.write_text(CLERKS_FILE, encoding="utf-8")
    result = runner.invoke(app, ["add", "--from-file", str(source), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("⚠")]
    assert warned == [
        "⚠ nhiệm vụ 1: 'Văn phòng Trung ương Đoàn' (đơn vị thứ 2 trong 'owners') là cùng đơn vị"
        " với 'VP' (đơn vị thứ 1 trong 'owners')",
        "⚠ nhiệm vụ 1: 'van phong tw doan' (đơn vị thứ 1 trong 'supports') là cùng đơn vị"
        " với 'VP' (đơn vị thứ 1 trong 'owners')",
        "⚠ nhiệm vụ 2: 'btc' (đơn vị thứ 1 trong 'supports') là cùng đơn vị"
        " với 'Ban Tổ chức Trung ương Đoàn' (đơn vị thứ 1 trong 'owners')",
    ]
    assert "Tệp vẫn được ghi như đã viết" in result.stderr
    written = (ledger / "2024" / "2024-05-02-giao-ban-thang-5.yaml").read_text(encoding="utf-8")
    assert "owners: [VP, Văn phòng Trung ương Đoàn]  # one unit" in written


def test_from_file_says_nothing_of_units_each_named_once(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = tmp_path / "tb.yaml"
    source.write_text(
        CLERKS_FILE.replace("      - van phong tw doan\n", "").replace("[btc]", "[VP]"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["add", "--from-file", str(source), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    assert "cùng đơn vị" in result.stderr  # the owners of task 1 only
    assert "nhiệm vụ 2" not in result.stderr and "supports" not in result.stderr


def test_add_task_writes_a_unit_named_twice_once_and_says_so(
    runner: CliRunner, ledger: Path
) -> None:
    spec = (
        "Xây dựng kế hoạch | chủ trì: VP; Văn phòng TW Đoàn; BTC"
        " | phối hợp: ban to chuc trung uong doan; Ban Tổ chức Trung ương Đoàn"
    )
    args = ["add", "--title", "Giao ban", "--date", "02/05/2024", "--task", spec]
    result = runner.invoke(app, [*args, "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Bỏ 'Văn phòng TW Đoàn' (chủ trì, nhiệm vụ 1): cùng đơn vị với 'VP', đã ghi ở trên.",
        "Bỏ 'ban to chuc trung uong doan' (phối hợp, nhiệm vụ 1): đã là đơn vị chủ trì ('BTC').",
        "Bỏ 'Ban Tổ chức Trung ương Đoàn' (phối hợp, nhiệm vụ 1): đã là đơn vị chủ trì ('BTC').",
    ]
    path = ledger / "2024" / "2024-05-02-giao-ban.yaml"
    task = load_plain(path.read_text(encoding="utf-8"))["tasks"][0]
    assert task["owners"] == ["VP", "BTC"] and "supports" not in task
    check = runner.invoke(app, ["check", "--data", str(ledger), str(ledger)])
    assert "duplicate-owner" not in check.output


def test_task_add_writes_a_unit_named_twice_once_and_says_so(
    runner: CliRunner, ledger: Path
) -> None:
    args = ["add", "--title", "Giao ban", "--date", "02/05/2024", "--task", "Việc | chủ trì: VP"]
    assert runner.invoke(app, [*args, "--data", str(ledger)]).exit_code == 0
    result = runner.invoke(
        app,
        ["task", "add", "2024-05-02", "--text", "Việc mới", "--owner", "BTC"]
        + [
            "--owner",
            "Văn phòng TW Đoàn",
            "--support",
            "vp",
            "--support",
            "ban to chuc trung uong doan",
        ]
        + ["--data", str(ledger)],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Bỏ 'vp' (phối hợp, nhiệm vụ mới): đã là đơn vị chủ trì ('Văn phòng TW Đoàn').",
        "Bỏ 'ban to chuc trung uong doan' (phối hợp, nhiệm vụ mới): đã là đơn vị chủ trì ('BTC').",
    ]
    path = ledger / "2024" / "2024-05-02-giao-ban.yaml"
    task = load_plain(path.read_text(encoding="utf-8"))["tasks"][1]
    assert task["owners"] == ["BTC", "Văn phòng TW Đoàn"] and "supports" not in task
