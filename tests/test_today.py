"""'Now' fixed by ``--today`` or GIAOBAN_TODAY: the forms read, and a value that is not
read named by where it came from, quoted, with the forms that are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.common import TODAY_FORMS
from giaoban.cli.main import app


def now_of(runner: CliRunner, data: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["due", "--data", str(data), "-f", "json", *args], env=env)
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["now"])


@pytest.mark.parametrize(
    ("given", "now"),
    [
        ("2022-04-15T14:00:00+07:00", "2022-04-15T14:00:00+07:00"),  # a report's own "now"
        ("2022-04-15T07:00Z", "2022-04-15T14:00:00+07:00"),
        ("2022-04-15T07:00:00z", "2022-04-15T14:00:00+07:00"),
        ("2022-04-15 00:30:00+0900", "2022-04-14T22:30:00+07:00"),
        ("15/04/2022 14:00-05:00", "2022-04-16T02:00:00+07:00"),
        ("2022-04-15T14:00:30", "2022-04-15T14:00:30+07:00"),
        ("2022-04-15T14:00", "2022-04-15T14:00:00+07:00"),
        ("2022-04-15", "2022-04-15T00:00:00+07:00"),
    ],
)
def test_a_reports_own_now_is_read_back(
    runner: CliRunner, seed_data: Path, given: str, now: str
) -> None:
    """ISO 8601 with seconds and an offset, as JSON reports print "now", is that moment
    in the office's zone, from the option and from the variable alike."""
    assert now_of(runner, seed_data, "--today", given) == now
    assert now_of(runner, seed_data, env={"GIAOBAN_TODAY": given}) == now
    # and what a report printed gives the same report back
    assert now_of(runner, seed_data, "--today", now) == now


@pytest.mark.parametrize(
    "command", [["week"], ["check"], ["done", "2022-04-14#2.2"], ["export", "--format", "ics"]]
)
@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2022-04-15T7h", f"'2022-04-15T7h' không phải thời điểm dạng {TODAY_FORMS}"),
        ("hôm nay", f"'hôm nay' không phải thời điểm dạng {TODAY_FORMS}"),
        ("2022-02-30", "ngày 2022-02-30 không có thật"),
        ("2022-04-15T25:00", "giờ '25:00' không có thật"),
        ("2022-04-15T14:00+25:00", "múi giờ '+25:00' không có thật"),
    ],
)
def test_a_bad_giaoban_today_is_named(
    runner: CliRunner, seed_data: Path, command: list[str], value: str, why: str
) -> None:
    """The variable is named, with no usage line sending the clerk to the options."""
    args = [*command, "--data", str(seed_data)]
    result = runner.invoke(app, args, env={"GIAOBAN_TODAY": value})
    assert result.exit_code == 2
    assert result.stderr == f"giaoban: lỗi: biến môi trường GIAOBAN_TODAY: {why}\n"


def test_a_bad_today_option_is_named(runner: CliRunner, seed_data: Path) -> None:
    result = runner.invoke(app, ["week", "--data", str(seed_data), "--today", "2022-04-15T7h"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"'--today': '2022-04-15T7h' không phải thời điểm dạng {TODAY_FORMS}" in said
