"""A deadline, or a pin, whose day is over before its notice was issued (a year typed
wrong, most often) is warned of by ``check``, and by ``add`` and ``task add`` when they
write it: the task would be late the day it is given."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.test_check import run_check

NOTICE = """\
id: 2019-06-03-gb
kind: thông báo kết luận
title: Giao ban tháng 6
date: 2019-06-03
tasks:
  - item: "1"
    text: Năm gõ nhầm
    owners: [VP]
    deadline: trước ngày 15/04/2018
    status: open
  - item: "2"
    text: Hạn ghim nhầm
    owners: [VP]
    deadline: đợt 2
    due: 2018-08-15
    status: open
  - item: "3"
    text: Tháng đã qua
    owners: [VP]
    deadline: trong tháng 5/2019
    status: open
  - item: "4"
    text: Hết ngày ra thông báo
    owners: [VP]
    deadline: trong ngày 03/06/2019
    status: open
  - item: "5"
    text: Ngày không ghi năm
    owners: [VP]
    deadline: trước ngày 15/4
    status: open
  - item: "6"
    text: Báo cáo tuần
    owners: [VP]
    deadline: trước 14h00 thứ 6 hàng tuần
    status: open
"""

CODE = "deadline-before-notice"


def test_check_warns_of_each_deadline_over_before_the_notice(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    path = write_notice("2019-06-03-gb", NOTICE)
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 0, out  # a warning: the file is valid
    found = [(int(p["line"]), int(p["col"]), p["sev"]) for p in lines if p["code"] == CODE]
    # the deadline of 1 and 3 and the pin of 2, each at its value; not the notice's own
    # day (4), a day without a year (read in the next year, 5) nor a weekly duty (6)
    assert found == [(9, 15, "warning"), (15, 10, "warning"), (20, 15, "warning")]
    messages = [p["msg"] for p in lines if p["code"] == CODE]
    assert messages[0] == (
        "hạn của nhiệm vụ 1 (15/04/2018) sớm hơn ngày thông báo 03/06/2019: việc quá hạn "
        "ngay từ ngày giao; hãy xem lại hạn (gõ nhầm năm?)"
    )
    assert messages[1].startswith("hạn ghim (due) của nhiệm vụ 2 (15/08/2018) sớm hơn")
    assert all(p["path"] == str(path) for p in lines)


def test_add_warns_of_a_deadline_over_before_the_notice(runner: CliRunner, ledger: Path) -> None:
    result = runner.invoke(
        app,
        ["add", "--data", str(ledger), "--title", "Giao ban", "--date", "03/06/2019"]
        + ["--id", "2019-06-03-gb", "--task", "Việc | chủ trì: VP | hạn: trước ngày 15/04/2018"],
    )
    assert result.exit_code == 0, result.output
    path = ledger / "2019" / "2019-06-03-gb.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index("    deadline: trước ngày 15/04/2018")
    assert result.stderr.startswith(
        f"{path}:{line + 1}:15: warning: hạn của nhiệm vụ 1 (15/04/2018) sớm hơn ngày thông "
        f"báo 03/06/2019"
    )
    assert result.stderr.endswith(f"[{CODE}]\n")


def test_add_warns_of_a_pin_over_before_the_notice(runner: CliRunner, ledger: Path) -> None:
    # title ... id, then a task whose phrase cannot be read, pinned to a day of 2018
    answers = ["", "", "Giao ban tháng 6", "", "04/06/2019", "2019-06-04-gb"]
    answers += ["Tổng kết", "", "VP", "", "trước ngày 40/7", "15/08/2018", "", "y"]
    result = runner.invoke(
        app, ["add", "--data", str(ledger), "--today", "2019-06-05"], input="\n".join(answers)
    )
    assert result.exit_code == 0, result.output
    path = ledger / "2019" / "2019-06-04-gb.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index("    due: 2018-08-15")
    assert f"{path}:{line + 1}:10: warning: hạn ghim (due) của nhiệm vụ 1 (15/08/2018)" in (
        result.stderr
    )


def test_task_add_warns_of_a_deadline_over_before_the_notice(
    runner: CliRunner, ledger: Path
) -> None:
    made = runner.invoke(
        app, ["add", "--data", str(ledger), "--title", "Giao ban", "--date", "03/06/2019"]
    )
    assert made.exit_code == 0 and made.stderr == "", made.output
    [path] = (ledger / "2019").glob("*.yaml")
    args = ["task", "add", path.stem, "--text", "Việc", "--owner", "VP"]
    result = runner.invoke(app, [*args, "--deadline", "trong tháng 3/2019", "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    line = path.read_text(encoding="utf-8").split("\n").index("    deadline: trong tháng 3/2019")
    assert result.stderr == (
        f"{path}:{line + 1}:15: warning: hạn của nhiệm vụ 1 (31/03/2019) sớm hơn ngày thông "
        f"báo 03/06/2019: việc quá hạn ngay từ ngày giao; hãy xem lại hạn (gõ nhầm năm?) "
        f"[{CODE}]\n"
    )
