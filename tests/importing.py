"""Drafting a notice from text through the real CLI, for the importer's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app


def imported(tmp_path: Path, text: str, name: str = "tin.txt") -> tuple[list[dict[str, Any]], str]:
    """The tasks of the draft ``giaoban import`` makes of ``text`` (written to ``name`` in
    ``tmp_path``, the data folder), and the draft as printed."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return imported_file(source, tmp_path)


def imported_file(source: Path, data: Path) -> tuple[list[dict[str, Any]], str]:
    """The tasks of the draft ``giaoban import`` makes of the file ``source`` (a text, a
    Word file, a page) with the data folder ``data``, and the draft as printed."""
    result = CliRunner().invoke(app, ["import", str(source), "--data", str(data)])
    assert result.exit_code == 0, result.output
    return YAML(typ="safe").load(result.stdout)["tasks"], result.stdout
