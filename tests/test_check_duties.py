"""``check``: the keys of a recurring duty and of a pinned period mean what the reports do
with them, or are located problems (``check_duties``, ``check_start``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

HEAD = """\
id: 2024-03-04-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-03-04
tasks:
"""
WEEKLY = "trước 14h00 thứ 6 hàng tuần"  # Fridays 08/03, 15/03, 22/03/2024 ...


def _task(item: str, deadline: str | None, *extra: str) -> str:
    lines = [f'  - item: "{item}"', f"    text: Việc {item}", "    owners: [VP]"]
    if deadline is not None:
        lines.append(f"    deadline: {deadline}")
    return "\n".join([*lines, *(f"    {line}" for line in extra)]) + "\n"


def _check(runner: CliRunner, data_dir: Path) -> tuple[int, list[dict[str, Any]]]:
    result = runner.invoke(app, ["check", "--format", "json", str(data_dir), "--no-cache"])
    return result.exit_code, json.loads(result.stdout)["problems"]


def _found(problems: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    return [(p["line"], p["column"], p["severity"], p["code"]) for p in problems]


def test_each_key_the_reports_would_ignore_is_located(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    text = HEAD + "".join(
        [
            _task("1", WEEKLY, "done_occurrences: [2024-03-08, 2024-03-16]"),  # line 6
            _task("2", "trước ngày 10/03/2024", "done_occurrences: [2024-03-10]"),  # 11
            _task("3", "trước ngày 10/03/2024", "until: 2024-03-05"),  # 16
            _task("4", WEEKLY, "until: 2024-01-01"),  # 21
            _task("5", "sau khi có ý kiến của Ban Bí thư", "start: 2024-03-10"),  # 26
            _task("6", "trong đợt thi đua", "start: 2024-04-10", "due: 2024-03-25"),  # 31
        ]
    )
    write_notice("2024-03-04-giao-ban", text)
    code, problems = _check(runner, data_dir)
    assert code == 1
    assert _found(problems) == [
        (10, 36, "error", "bad-occurrence"),  # the Saturday, not the Friday before it
        (15, 23, "error", "occurrences-not-duty"),
        (20, 12, "warning", "until-not-duty"),
        (25, 12, "error", "until-before-notice"),
        (29, 15, "warning", "undated-event"),  # its event has no date in this notice
        (30, 12, "warning", "start-without-due"),
        (35, 12, "warning", "start-after-due"),
        (36, 10, "warning", "pinned-deadline"),
    ]
    messages = [p["message"] for p in problems]
    assert "16/03/2024" in messages[0] and "15/03/2024, 22/03/2024" in messages[0]
    assert "báo cáo bỏ qua" in messages[0] and "báo cáo bỏ qua 'done_occurrences'" in messages[1]
    assert "01/01/2024" in messages[3] and "04/03/2024" in messages[3]
    assert "10/04/2024" in messages[6] and "25/03/2024" in messages[6]


def test_a_done_occurrence_after_until_is_a_warning(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """The reports list no occurrence after ``until``: one recorded done there changes no
    report, and is said as a warning; a day before ``until`` that is no occurrence is not."""
    done = "done_occurrences: [2024-03-08, 2024-03-13, 2024-03-22]"
    write_notice("2024-03-04-giao-ban", HEAD + _task("1", WEEKLY, "until: 2024-03-15", done))
    code, problems = _check(runner, data_dir)
    assert _found(problems) == [
        (11, 36, "error", "bad-occurrence"),  # a Wednesday
        (11, 48, "warning", "occurrence-after-until"),
    ]
    assert "15/03/2024" in problems[1]["message"] and code == 1


@pytest.mark.parametrize(
    "deadline",
    [
        WEEKLY,  # due at a clock time: the day is the due moment's
        "hằng tháng",  # whole days: the day named, due when it is over
        "trước ngày 10 hằng tháng",
        "thứ Hai hàng tuần",
    ],
)
def test_occurrences_recorded_by_done_pass_and_the_reports_count_them(
    runner: CliRunner,
    data_dir: Path,
    write_notice: Callable[..., Path],
    deadline: str,
) -> None:
    """The days ``done`` records are the days ``check`` accepts (the reports' occurrences);
    the day after each of them is not one."""
    path = write_notice("2024-03-04-giao-ban", HEAD + _task("1", deadline, "until: 2024-12-31"))
    for _ in range(3):
        args = ["done", "2024-03-04-giao-ban#1", "--today", "2024-09-30", "--no-commit"]
        result = runner.invoke(app, [*args, "--data", str(data_dir)])
        assert result.exit_code == 0, result.output
    assert _check(runner, data_dir) == (0, [])
    recorded = path.read_text(encoding="utf-8").split("done_occurrences:\n")[1].split()[1::2]
    assert len(recorded) == 3
    shifted = [(date.fromisoformat(day) + timedelta(days=1)).isoformat() for day in recorded]
    text = HEAD + _task("1", deadline, "until: 2024-12-31", f"done_occurrences: {shifted}")
    path.write_text(text.replace("'", ""), encoding="utf-8")
    code, problems = _check(runner, data_dir)
    assert [p["code"] for p in problems] == ["bad-occurrence"] * 3 and code == 1


def test_start_is_compared_with_due_as_the_reports_read_them(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """A pinned day counts in full: start and due on one day is a period of one day; at
    clock times, a start after the due moment on the same day is not."""
    one_day = ("start: 2024-03-25", "due: 2024-03-25")
    moments = ("start: 2024-03-25T08:00:00", "due: 2024-03-25T10:00:00")
    late = ("start: 2024-03-25T10:30:00", "due: 2024-03-25T10:00:00")
    text = HEAD + "".join(
        _task(str(n), "trong đợt thi đua", *pin) for n, pin in enumerate([one_day, moments, late])
    )
    write_notice("2024-03-04-giao-ban", text)
    code, problems = _check(runner, data_dir)
    assert code == 0
    after = [(p["line"], p["message"]) for p in problems if p["code"] == "start-after-due"]
    assert after == [
        (
            22,
            "ngày bắt đầu (start) 25/03/2024 10:30 không sớm hơn hạn ghim (due) 25/03/2024 "
            "10:00: báo cáo vẫn tính hạn theo 'due' và hiện 'start' như đã ghi",
        )
    ]


def test_a_done_day_at_the_end_of_the_calendar_is_refused_without_listing_up_to_it(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """ "9999-12-31" typed for "2024-12-31" on a daily duty: said at once, not after listing
    three million days (nor past the calendar's end)."""
    done = "done_occurrences: [2024-03-05, 9999-12-31]"
    write_notice("2024-03-04-giao-ban", HEAD + _task("1", "hằng ngày", done, "until: 9999-12-31"))
    code, problems = _check(runner, data_dir)
    assert _found(problems) == [(10, 36, "error", "bad-occurrence")]
    assert "31/12/9999 quá xa ngày thông báo 04/03/2024" in problems[0]["message"]
    assert code == 1


def test_until_on_a_duty_with_no_rule_to_count_is_named_by_its_phrase(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """ "định kỳ" says the work recurs but not when: no occurrence to end, so ``until`` is
    ignored; the warning names the phrase rather than calling the task not recurring."""
    write_notice("2024-03-04-giao-ban", HEAD + _task("1", "định kỳ", "until: 2024-08-21"))
    code, problems = _check(runner, data_dir)
    assert [(p["code"], p["message"]) for p in problems] == [
        (
            "until-not-duty",
            'hạn "định kỳ" của mục 1 không có lịch lặp lại để đếm các lần: báo cáo bỏ qua '
            "'until' và tính hạn như đã ghi; thôi theo dõi việc này thì dùng 'giaoban cancel'",
        )
    ]
    assert code == 0


def test_occurrence_results_on_a_task_that_is_no_duty_is_a_warning(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """``occurrence_results`` are a duty's results, one per occurrence: on a one-off task, or
    one with no deadline, no report uses them, as ``until`` there; a duty's are not said."""
    results = "occurrence_results:\n      - date: 2024-03-08\n        text: Đã gửi"
    text = HEAD + "".join(
        [
            _task("1", "trước ngày 10/03/2024", results),  # line 6
            _task("2", None, results),  # 13
            _task("3", WEEKLY, "until: 2024-03-31", "done_occurrences: [2024-03-08]", results),
        ]
    )
    write_notice("2024-03-04-giao-ban", text)
    code, problems = _check(runner, data_dir)
    assert _found(problems) == [
        (11, 7, "warning", "results-not-duty"),  # where the list starts
        (17, 7, "warning", "results-not-duty"),
    ]
    assert problems[0]["message"] == (
        "mục 1 không phải nhiệm vụ định kỳ: 'occurrence_results' là kết quả từng lần của "
        "nhiệm vụ định kỳ, báo cáo không dùng đến; kết quả của việc này thì ghi vào 'result'"
    )
    assert code == 0
