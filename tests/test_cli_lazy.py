"""Lazy command registration: the table in ``giaoban.cli.main`` and what start-up imports.

``giaoban.cli.main.COMMANDS`` names each command's module and repeats the first
paragraph of its help, so that ``giaoban --help`` and completing a command name
import no command module. These tests keep the table true to the modules and
check that a report does not load the editing, history or import code.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import giaoban.cli
from giaoban.cli.main import COMMANDS, Entry, app
from tests.conftest import DATA, REPO

# Modules (or packages, by prefix) that ``giaoban week`` must not import.
NOT_FOR_REPORTS = [
    *(f"giaoban.cli.{m}" for m in ("add", "check", "deadline", "edit", "importer", "init")),
    *(f"giaoban.cli.{m}" for m in ("log", "review", "taskopts")),
    "giaoban.edit.operations",
    "giaoban.history.story",
    "giaoban.history.revisions",
    "giaoban.importer",
    "giaoban.edit.yamledit",
    "ruamel",
    "icalendar",
    "holidays",  # a warm week finds the days off of its cut-off's year in the index
]
COMMAND_MODULES = {f"giaoban.cli.{entry.module}" for entry in COMMANDS.values()}


def registered_commands() -> dict[str, tuple[Entry, Any]]:
    """Every command the modules of ``giaoban.cli`` register: name -> (entry, command)."""
    found: dict[str, tuple[Entry, Any]] = {}
    for info in pkgutil.iter_modules(giaoban.cli.__path__):
        module = importlib.import_module(f"giaoban.cli.{info.name}")
        module_app = getattr(module, "app", None)
        if info.name == "main" or not isinstance(module_app, typer.Typer):
            continue
        for name, command in typer.main.get_group(module_app).commands.items():
            assert name not in found, f"{name!r} is registered twice"
            first_paragraph = (command.help or "").split("\n\n")[0]
            found[name] = (Entry(info.name, first_paragraph), command)
    return found


def test_the_table_lists_what_the_modules_register() -> None:
    registered = {name: entry for name, (entry, _) in registered_commands().items()}
    expected = "\n".join(f"    {name!r}: {entry!r}," for name, entry in registered.items())
    assert COMMANDS == registered, f"update COMMANDS in giaoban/cli/main.py:\n{expected}"


def test_the_table_can_stand_for_the_commands() -> None:
    # The placeholders carry a name and a help text only: nothing else may differ.
    for name, (_, command) in registered_commands().items():
        assert command.short_help is None, name
        assert not command.hidden, name
        assert not command.deprecated, name
        assert not getattr(command, "rich_help_panel", None), name  # a typer placeholder


def render_help(group: Any, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    code = group.main(["--help"], prog_name="giaoban", standalone_mode=False)
    assert code == 0
    return capsys.readouterr().out


def test_help_from_the_table_is_the_help_of_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from_table = render_help(typer.main.get_command(app), capsys)
    loaded = typer.main.get_command(app)
    ctx = typer.Context(loaded, info_name="giaoban")
    for name in COMMANDS:
        assert loaded.get_command(ctx, name) is not None  # type: ignore[attr-defined]
    assert render_help(loaded, capsys) == from_table
    assert all(f" {name} " in from_table for name in COMMANDS)


def test_a_mistyped_command_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["wek"])
    assert result.exit_code == 2
    assert "Không có lệnh 'wek'. Có phải 'week'?" in result.output


def test_subcommand_groups_still_work(runner: CliRunner) -> None:
    result = runner.invoke(app, ["task", "add", "--help"])
    assert result.exit_code == 0, result.output
    assert "--owner" in result.output


def loaded_modules(tmp_path: Path, *argv: str, env: dict[str, str] | None = None) -> list[str]:
    """The modules a fresh ``giaoban ARGV`` process has imported when it ends."""
    out = tmp_path / "modules.json"
    code = (
        "import atexit, json, pathlib, sys\n"
        f"out = pathlib.Path({str(out)!r})\n"
        "atexit.register(lambda: out.write_text(json.dumps(sorted(sys.modules))))\n"
        "from giaoban.cli.main import run\n"
        f"sys.argv = ['giaoban', *{list(argv)!r}]\n"
        "run()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ, "GIAOBAN_CACHE_DIR": str(tmp_path / "cache"), **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def unwanted(modules: list[str], names: list[str] | set[str]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_week_loads_only_the_reports(tmp_path: Path) -> None:
    argv = ("week", "--today", "2022-04-20", "--data", str(DATA))
    loaded_modules(tmp_path, *argv)  # fills the cache: parsing YAML needs ruamel
    modules = loaded_modules(tmp_path, *argv)
    assert "giaoban.cli.reports" in modules
    assert unwanted(modules, NOT_FOR_REPORTS) == []


def test_help_and_completing_a_command_name_load_no_command(tmp_path: Path) -> None:
    assert unwanted(loaded_modules(tmp_path, "--help"), COMMAND_MODULES) == []
    completing = {
        "_GIAOBAN_COMPLETE": "complete_bash",
        "COMP_WORDS": "giaoban d",
        "COMP_CWORD": "1",
    }
    assert unwanted(loaded_modules(tmp_path, env=completing), COMMAND_MODULES) == []
