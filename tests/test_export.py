"""``giaoban export --format json``: every seed notice and task, in the contract shape."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import DATA
from tests.test_loader import SEED_TASKS

GOLDEN = Path(__file__).parent / "golden" / "export-2019-02-18-giao-ban-khoi-phong-trao.json"
TASK_KEYS = {"id", "notice", "item", "text", "owners", "supports", "deadline", "due", "status"}


def export(runner: CliRunner, data: Path, *args: str) -> dict:
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(data), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_lists_every_seed_notice_and_task(runner: CliRunner) -> None:
    notices = export(runner, DATA)["notices"]
    assert {n["id"]: len(n["tasks"]) for n in notices} == SEED_TASKS
    for notice in notices:
        for task in notice["tasks"]:
            assert TASK_KEYS <= set(task)
            assert task["id"] == f"{notice['id']}#{task['item']}"
            assert task["notice"] == notice["id"]
            assert task["status"] == "open"


def test_export_resolves_deadlines(runner: CliRunner) -> None:
    notices = {n["id"]: n for n in export(runner, DATA)["notices"]}
    tasks = {t["item"]: t for t in notices["2019-02-18-giao-ban-khoi-phong-trao"]["tasks"]}
    assert tasks["3"]["deadline"] == "trước ngày 25/02/2019"
    assert tasks["3"]["due"] == "2019-02-26T00:00:00+07:00"
    assert tasks["2"]["start"] == "2019-01-01T00:00:00+07:00"
    assert tasks["2"]["due"] == "2019-04-01T00:00:00+07:00"
    weekly = next(
        t for t in notices["2022-04-14-giao-ban-khoi-phong-trao"]["tasks"] if t["item"] == "6.2"
    )
    assert "FREQ=WEEKLY" in weekly["rrule"] and "BYDAY=FR" in weekly["rrule"]


def test_golden_export_of_seed_001(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "2019").mkdir(parents=True)
    shutil.copy(DATA / "units.yaml", data)
    shutil.copy(DATA / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml", data / "2019")
    os.chdir(tmp_path)
    got = export(runner, Path("data"))
    if os.environ.get("GIAOBAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_confidential_texts_are_hidden(runner: CliRunner, seed_data: Path) -> None:
    path = seed_data / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("confidential: false", "confidential: true"),
        encoding="utf-8",
    )
    hidden = export(runner, seed_data)["notices"]
    shown = export(runner, seed_data, "--show-confidential")["notices"]
    secret = next(n for n in hidden if n["id"].startswith("2019-02-18"))
    assert {t["text"] for t in secret["tasks"]} == {"(mật)"}
    clear = next(n for n in shown if n["id"].startswith("2019-02-18"))
    assert "(mật)" not in {t["text"] for t in clear["tasks"]}


def test_export_refuses_invalid_data(runner: CliRunner, seed_data: Path) -> None:
    path = seed_data / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(seed_data)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown-key" in result.stderr and "Traceback" not in result.output
