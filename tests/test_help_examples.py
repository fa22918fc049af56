"""Every help page ends with real examples ("Ví dụ:"), and the examples work.

The examples live in one table, ``giaoban.cli.main.EXAMPLES``. Each line is parsed
by its own command here (names, options, values and their checks), and the lines
that only read are run on a copy of the bundled ``data/``, so an example cannot
name an option that was renamed, a value no longer taken, or a task that is gone.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from giaoban.cli.main import COMMANDS, EXAMPLES, app


def _root() -> Any:
    return typer.main.get_command(app)


def help_pages() -> list[tuple[str, ...]]:
    """``giaoban``, every command and every subcommand, as the words before ``--help``."""
    root = _root()
    ctx = typer.Context(root, info_name="giaoban")
    pages: list[tuple[str, ...]] = [()]
    for name in COMMANDS:
        pages.append((name,))
        pages += [(name, sub) for sub in getattr(root.get_command(ctx, name), "commands", {})]
    return pages


def examples_of(page: tuple[str, ...]) -> tuple[str, ...]:
    return EXAMPLES[page[0] if page else "giaoban"]


def _flat(text: str) -> str:
    """Help text with rich's wrapping and padding undone: one space between words."""
    return " ".join(text.split())


@pytest.mark.parametrize("page", help_pages(), ids=lambda p: " ".join(p) or "giaoban")
def test_each_help_page_ends_with_its_examples(page: tuple[str, ...], runner: CliRunner) -> None:
    result = runner.invoke(app, [*page, "--help"])
    assert result.exit_code == 0, result.output
    text = _flat(result.output)
    assert "Ví dụ:" in text
    examples = text[text.index("Ví dụ:") :]
    assert "Tùy chọn" not in examples  # the last section of the page
    for line in examples_of(page):
        assert _flat(line) in examples


def test_every_command_has_one_to_three_examples_of_itself() -> None:
    assert set(EXAMPLES) == {"giaoban", *COMMANDS}
    for name, lines in EXAMPLES.items():
        assert 1 <= len(lines) <= 3, name
        for line in lines:
            words = shlex.split(line)
            assert words[0] == "giaoban", line
            assert name == "giaoban" or words[1] == name, line


ALL_EXAMPLES = sorted({line for lines in EXAMPLES.values() for line in lines})


@pytest.mark.parametrize("line", ALL_EXAMPLES)
def test_each_example_is_a_valid_command_line(line: str) -> None:
    """Parsed by the command itself: every name, option, value and option check."""
    args = shlex.split(line)[1:]
    command, ctx = _root(), None
    while args and hasattr(command, "get_command"):
        ctx = typer.Context(command, info_name=command.name or "giaoban", parent=ctx)
        sub = command.get_command(ctx, args[0])
        assert sub is not None, f"no command {args[0]!r} in {line!r}"
        command, args = sub, args[1:]
    with command.make_context(command.name, list(args), parent=ctx) as parsed:
        assert parsed.params is not None


# Examples that only read the ledger (and perhaps write a report file): run for real.
READ_ONLY = {"check", "deadline", "show", "list", "search", "due", "overdue", "week", "stats"}
READ_ONLY |= {"export", "textconv"}


@pytest.mark.parametrize("line", [ln for ln in ALL_EXAMPLES if shlex.split(ln)[1] in READ_ONLY])
def test_the_examples_that_read_run_on_the_bundled_data(
    line: str,
    runner: CliRunner,
    seed_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # ./data is the copy; report files are written here
    result = runner.invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 0, f"{line}\n{result.output}"
    written = re.search(r"(?:-o|--output) (\S+)", line)
    if written:
        assert (tmp_path / written[1]).stat().st_size > 0
