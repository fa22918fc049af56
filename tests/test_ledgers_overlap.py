"""Several ledgers read as one: a notice is never read twice, and the central office's own
settings frame its reports.

A folder read as a ledger that lies inside another one read too (``ledgers:`` naming a
year folder of the data folder, or ``..``, two ``--data`` one inside the other, a link to
a subfolder) would list each of its tasks twice: it is a configuration error, told by
``check`` at the ``ledgers:`` line and by every report. One folder named twice (two
spellings, a link to it, listed twice) is one ledger, read once.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import DATA

TASKS = 70  # the tasks of the bundled data folder
TODAY = ["--today", "2022-04-20"]


def _province(tmp_path: Path, name: str = "hanoi") -> Path:
    folder = tmp_path / name / "data"
    shutil.copytree(DATA, folder)
    return folder


def _listing(runner: CliRunner, *data: str) -> tuple[int, list[str], str]:
    """(exit code, task ids, stderr) of ``list --format json`` over ``data``."""
    args = ["list", *TODAY, "--format", "json"]
    for folder in data:
        args += ["--data", folder]
    result = runner.invoke(app, args)
    tasks = json.loads(result.stdout)["tasks"] if result.exit_code == 0 else []
    return result.exit_code, [t["id"] for t in tasks], result.stderr


@pytest.mark.parametrize(
    ("entry", "relation"),
    [('"2022"', "nằm trong"), ("./2022/", "nằm trong"), ("..", "chứa")],
)
def test_a_ledgers_entry_inside_or_around_the_data_folder_is_an_error(
    runner: CliRunner, tmp_path: Path, entry: str, relation: str
) -> None:
    """``ledgers: ["2022"]`` read the 2022 notice twice and ``['..']`` every notice twice
    (and the registry and settings as notices), while ``check`` said "hợp lệ"."""
    data = _province(tmp_path)
    settings = data / "settings.yaml"
    settings.write_text(f"office: Hà Nội\nledgers:\n  - {entry}\n", encoding="utf-8")
    written = entry.strip('"')
    result = runner.invoke(app, ["check", *TODAY, "--data", str(data)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"{settings}:3:5:")]
    assert len(lines) == 1, result.output
    said = lines[0]
    assert "error:" in said and said.endswith("[bad-value]")
    assert f"thư mục sổ '{written}'" in said and f"{relation} thư mục dữ liệu '{data}'" in said
    as_json = runner.invoke(app, ["check", "--format", "json", str(settings)])
    assert as_json.exit_code == 1
    problems = json.loads(as_json.stdout)["problems"]
    assert [(p["line"], p["column"], p["code"]) for p in problems] == [(3, 5, "bad-value")]
    # every report refuses with the same message
    message = said.split(": error: ")[1].removesuffix(" [bad-value]")
    for report in (["list", *TODAY], ["week", *TODAY], ["export", "--format", "json"]):
        refused = runner.invoke(app, [*report, "--data", str(data)])
        assert refused.exit_code != 0, (report, refused.output)
        assert message in refused.stderr, (report, refused.stderr)


def _central(tmp_path: Path, *entries: str) -> Path:
    """A central office's folder holding only ``settings.yaml`` listing ``entries``."""
    central = tmp_path / "trung-uong" / "data"
    central.mkdir(parents=True)
    listed = "".join(f"  - {entry}\n" for entry in entries)
    (central / "settings.yaml").write_text(f"ledgers:\n{listed}", encoding="utf-8")
    return central


def _link(tmp_path: Path, target: Path) -> Path:
    link = tmp_path / "loi-tat"
    link.symlink_to(target, target_is_directory=True)
    return link


Layout = Callable[[Path, Path], list[Path]]  # (tmp_path, the province's folder) -> --data

NESTED: dict[str, Layout] = {
    "a folder and its subfolder": lambda t, d: [d, d / "2022"],
    "a subfolder and its folder": lambda t, d: [d / "2022", d],
    "a link to a subfolder": lambda t, d: [d, _link(t, d / "2022")],
    "ledgers: a folder and its subfolder": lambda t, d: [
        _central(t, "../../hanoi/data", "../../hanoi/data/2022")
    ],
    "ledgers: a folder, --data its subfolder": lambda t, d: [
        _central(t, "../../hanoi/data"),
        d / "2022",
    ],
}

SAME: dict[str, Layout] = {
    "one folder twice": lambda t, d: [d, d],
    "two spellings": lambda t, d: [d, t / "hanoi" / ".." / "hanoi" / "data"],
    "a link to the folder": lambda t, d: [d, _link(t, d)],
    "ledgers: one folder in three spellings": lambda t, d: [
        _central(t, "../../hanoi/data", "../../hanoi/data/", "../../hanoi/../hanoi/data")
    ],
    "ledgers: a link to the folder": lambda t, d: [
        _central(t, "../../loi-tat", "../../hanoi/data"),
        _link(t, d),
    ],
    "ledgers: the folder, and --data it": lambda t, d: [_central(t, "../../hanoi/data"), d],
}


@pytest.mark.parametrize("layout", NESTED.values(), ids=NESTED.keys())
def test_folders_one_inside_another_are_refused(
    runner: CliRunner, tmp_path: Path, layout: Layout
) -> None:
    """Each of these listed the 2022 notice's tasks twice, exit 0."""
    folders = layout(tmp_path, _province(tmp_path))
    code, ids, stderr = _listing(runner, *map(str, folders))
    assert code != 0 and not ids
    assert "nằm trong" in stderr and "hai lần" in stderr, stderr
    checked = runner.invoke(app, ["check", *TODAY, *(f"--data={f}" for f in folders)])
    assert checked.exit_code != 0, checked.output


@pytest.mark.parametrize("layout", SAME.values(), ids=SAME.keys())
def test_one_folder_named_twice_is_read_once(
    runner: CliRunner, tmp_path: Path, layout: Layout
) -> None:
    folders = layout(tmp_path, _province(tmp_path))
    code, ids, stderr = _listing(runner, *map(str, folders))
    assert code == 0, stderr
    assert len(ids) == TASKS == len(set(ids))
    checked = runner.invoke(app, ["check", *TODAY, *(f"--data={f}" for f in folders)])
    assert checked.exit_code == 0, checked.output
    assert f"{TASKS} nhiệm vụ" in checked.stdout, checked.output


CENTRAL_SETTINGS = (
    'office: Văn phòng Trung ương Đoàn\nweek_cutoff: "thứ 5 17:00"\n'
    "days_off: [2022-04-21]\nbacklog_days: 5\n"
)


def _week(runner: CliRunner, *data: Path) -> dict[str, object]:
    args = ["week", *TODAY, "--format", "json", *(f"--data={folder}" for folder in data)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    record: dict[str, object] = json.loads(result.stdout)
    del record["data"]  # which folders were read: the central one is not a ledger
    return record


@pytest.mark.parametrize("provinces", [["hanoi"], ["hanoi", "hcm"]])
def test_a_central_folders_own_settings_frame_its_reports(
    runner: CliRunner, tmp_path: Path, provinces: list[str]
) -> None:
    """A central folder holding only ``settings.yaml``: its ``week_cutoff``, ``days_off``
    and ``backlog_days`` were ignored (the first province's held); its report is now the
    one the provinces read together give under the central office's settings."""
    folders = [_province(tmp_path, name) for name in provinces]
    central = _central(tmp_path, *(f"../../{name}/data" for name in provinces))
    settings = central / "settings.yaml"
    settings.write_text(CENTRAL_SETTINGS + settings.read_text(encoding="utf-8"), "utf-8")
    got = _week(runner, central)
    week = got["week"]
    assert isinstance(week, dict)
    # Thursday 21/04 is a day off: the cut-off moves to Wednesday 17:00
    assert week["cutoff"] == "2022-04-20T17:00:00+07:00"
    assert week["cutoff_moved_from"] == "2022-04-21"
    (folders[0] / "settings.yaml").write_text(CENTRAL_SETTINGS, encoding="utf-8")
    assert got == _week(runner, *folders)


def test_a_central_folders_settings_with_errors_are_told_by_its_reports(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The central settings frame the report, so a wrong value there (its default holds)
    is told and the report exits 1, as for a ledger's own settings."""
    _province(tmp_path)
    central = _central(tmp_path, "../../hanoi/data")
    settings = central / "settings.yaml"
    settings.write_text('week_cutoff: "thứ 9"\n' + settings.read_text("utf-8"), "utf-8")
    result = runner.invoke(app, ["week", *TODAY, "--data", str(central)])
    assert result.exit_code == 1, result.output
    assert f"{settings}:1:14: error: 'week_cutoff' phải là thứ và giờ" in result.stderr
