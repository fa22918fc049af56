"""Names that look like other names: invisible and space-like characters in item numbers,
ids and unit names (pasted from Word or the web), a notice file named in decomposed
Unicode (NFD, as a Mac writes it), and ids that are not ASCII lower case (qa12b 6, 8, 9)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

NOTICE = """\
id: {id}
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-03-05
tasks:
  - item: "{item}"
    text: Việc một
    owners: [{owner}]
    deadline: trước ngày 14/03/2024
"""


def notice_text(notice_id: str = "2024-03-05-a", item: str = "1", owner: str = "VP") -> str:
    return NOTICE.format(id=notice_id, item=item, owner=owner)


def _check(runner: CliRunner, data: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "--data", str(data)])
    return result.exit_code, result.output


@pytest.mark.parametrize("item", ["1\u200b", "\u00a01"])
def test_item_with_invisible_character_is_a_located_error(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], item: str
) -> None:
    path = write_notice("2024-03-05-a", notice_text(item=item))
    code, out = _check(runner, data_dir)
    assert code == 1
    code_point = f"U+{ord(item.strip('1')):04X}"
    line = next(x for x in out.splitlines() if "[invisible-character]" in x)
    assert line.startswith(f"{path}:6:")
    assert code_point in line and "error" in line
    assert "\u200b" not in out and "\u00a0" not in out  # written out, never raw


def test_unknown_item_lists_candidates_written_out(ledger: Path, runner: CliRunner) -> None:
    folder = ledger / "2024"
    folder.mkdir()
    (folder / "2024-03-05-a.yaml").write_text(notice_text(item="1\u200b"), encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "thêm")
    result = runner.invoke(
        app, ["done", "2024-03-05-a#1", "--data", str(ledger), "--today", "2024-03-12"]
    )
    assert result.exit_code == 1
    assert "2024-03-05-a#1\\u200b" in result.output
    assert "\u200b" not in result.output


def test_owner_with_zero_width_space_warns_and_still_matches_its_unit(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-05-a", notice_text(owner="Văn phòng\u200b Trung ương Đoàn"))
    code, out = _check(runner, data_dir)
    assert code == 0
    assert "U+200B" in out and "[invisible-character]" in out
    assert "Văn phòng\\u200b Trung ương Đoàn" in out
    assert "\u200b" not in out
    week = runner.invoke(
        app,
        ["week", "--data", str(data_dir), "--today", "2024-03-12", "-u", "VP", "--format", "json"],
    )
    assert [t["id"] for t in json.loads(week.output)["tasks"]] == ["2024-03-05-a#1"]


def test_unknown_unit_did_you_mean_writes_invisible_characters_out(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-05-a", notice_text(owner="Ban Tổ\u200bchức Trung ương"))
    _, out = _check(runner, data_dir)
    line = next(x for x in out.splitlines() if "[unknown-unit]" in x)
    assert "Tổ\\u200bchức" in line and "\u200b" not in line


def test_nfd_file_name_says_it_is_decomposed(runner: CliRunner, data_dir: Path) -> None:
    notice_id = "2024-03-05-đoàn"
    folder = data_dir / "2024"
    folder.mkdir()
    name = unicodedata.normalize("NFD", notice_id)
    (folder / f"{name}.yaml").write_text(notice_text(notice_id=notice_id), encoding="utf-8")
    code, out = _check(runner, data_dir)
    assert code == 1
    line = next(x for x in out.splitlines() if "[id-mismatch]" in x)
    assert "NFD" in line and "2024-03-05-doan" in line


@pytest.mark.parametrize("notice_id", ["2024-03-05-đoàn", "2024-03-05-Giao-Ban"])
def test_id_not_ascii_lower_case_is_a_warning(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], notice_id: str
) -> None:
    write_notice(notice_id, notice_text(notice_id=notice_id))
    code, out = _check(runner, data_dir)
    assert code == 0
    assert "[id-not-ascii]" in out


def test_add_refuses_an_id_with_diacritics(ledger: Path, runner: CliRunner) -> None:
    args = ["add", "--data", str(ledger), "--id", "2024-03-05-đoàn", "--title", "Thử"]
    args += ["--date", "05/03/2024", "--task", "Việc | chủ trì: VP | hạn: trước ngày 20/03/2024"]
    result = runner.invoke(app, [*args, "--today", "2024-03-12"])
    assert result.exit_code != 0
    assert "2024-03-05-doan" in result.output
    assert not (ledger / "2024").exists() or not list((ledger / "2024").iterdir())


def test_add_accepts_an_ascii_id(ledger: Path, runner: CliRunner) -> None:
    args = ["add", "--data", str(ledger), "--id", "2024-03-05-doan", "--title", "Thử"]
    args += ["--date", "05/03/2024", "--task", "Việc | chủ trì: VP | hạn: trước ngày 20/03/2024"]
    result = runner.invoke(app, [*args, "--today", "2024-03-12"])
    assert result.exit_code == 0, result.output
    assert (ledger / "2024" / "2024-03-05-doan.yaml").is_file()
