"""Option sets (issue 13): options several commands take are declared once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Annotated

import typer
from typer.testing import CliRunner, Result

from giaoban.cli import edit, reports
from giaoban.cli.optionsets import option_set, with_options
from giaoban.cli.taskopts import Change, Commit


def options_of(app: typer.Typer, name: str) -> set[str]:
    command = typer.main.get_command(app)
    return {p.name for p in command.commands[name].params}  # type: ignore[attr-defined]


def fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_every_report_takes_the_whole_sets() -> None:
    for name in ("due", "overdue", "week", "list", "search"):
        assert fields(reports.Selection) | fields(reports.Display) | fields(reports.Where) <= (
            options_of(reports.app, name)
        ), name
    assert fields(reports.Selection) | fields(reports.Where) <= options_of(reports.app, "stats")


def test_every_edit_takes_where_to_save_and_whether_to_commit() -> None:
    for name in ("done", "cancel", "stop", "postpone", "note"):
        assert fields(Change) <= options_of(edit.app, name), name
    for name in ("reopen", "edit"):
        assert fields(Commit) <= options_of(edit.app, name), name


@option_set
@dataclass(frozen=True)
class Greeting:
    name: Annotated[str, typer.Option("--name")] = "Lan"
    loud: Annotated[bool, typer.Option("--loud")] = False


def test_a_set_reaches_the_command_as_one_value() -> None:
    app = typer.Typer()
    seen: list[object] = []

    @app.command()
    @with_options
    def hello(times: int = 1, *, greeting: Greeting) -> None:
        seen.append((times, greeting))

    result = CliRunner().invoke(app, ["--times", "2", "--name", "Minh", "--loud"])
    assert result.exit_code == 0, result.output
    assert seen == [(2, Greeting("Minh", True))]
    assert CliRunner().invoke(app, []).exit_code == 0 and seen[-1] == (1, Greeting())


def test_h_is_help_and_version_prints_the_version(runner: CliRunner) -> None:
    from giaoban import __version__
    from giaoban.cli.main import app

    assert runner.invoke(app, ["--version"]).stdout == f"giaoban {__version__}\n"
    for args in (["-h"], ["week", "-h"], ["done", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Cách dùng:" in result.stdout, args


def test_today_takes_the_day_forms_other_options_take(runner: CliRunner, seed_data) -> None:
    from giaoban.cli.main import app

    def week(today: str) -> Result:
        return runner.invoke(app, ["week", "--data", str(seed_data), "--today", today])

    assert week("20/04/2022").stdout == week("2022-04-20").stdout
    assert week("20/04/2022 15:30").stdout == week("2022-04-20T15:30").stdout
    wrong = week("31/02/2026")
    assert wrong.exit_code == 2 and "ngày 31/02/2026 không có thật" in wrong.output
    assert "không phải thời điểm dạng YYYY-MM-DD hoặc dd/mm/yyyy" in week("hôm qua").output
