"""Many ledgers read as one: names, prefixed ids, merged registry, reports across them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.model.ids import resolve_task
from giaoban.store.ledgers import ledger_name, merge_ledgers, unique_names
from giaoban.store.loader import load_ledger
from tests.conftest import DATA, run_git


def two_provinces(tmp_path: Path) -> tuple[Path, Path]:
    hanoi, hcm = tmp_path / "hanoi" / "data", tmp_path / "hcm" / "data"
    shutil.copytree(DATA, hanoi)
    shutil.copytree(DATA, hcm)
    return hanoi, hcm


def test_names(tmp_path: Path) -> None:
    assert ledger_name(tmp_path / "hanoi" / "data") == "hanoi"
    assert ledger_name(tmp_path / "so-lieu") == "so-lieu"
    assert unique_names([tmp_path / "a" / "data", tmp_path / "b" / "a"]) == ["a", "a-2"]


def test_merged_ids_are_prefixed_and_unique(tmp_path: Path) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    ledgers = [load_ledger(hanoi).ledger, load_ledger(hcm).ledger]
    merged = merge_ledgers(ledgers, ["hanoi", "hcm"])
    ids = [t.id for t in merged.tasks()]
    assert len(ids) == 2 * 70 == len(set(ids))
    assert "hanoi/2019-02-18-giao-ban-khoi-phong-trao#3" in ids
    task = resolve_task(merged, "hcm/2019-02#3")
    assert task.id == "hcm/2019-02-18-giao-ban-khoi-phong-trao#3"
    assert task.deadline_text == "trước ngày 25/02/2019"
    assert len(merged.registry.units) == len(ledgers[0].registry.units)


def test_one_ledger_is_not_renamed(tmp_path: Path) -> None:
    hanoi, _ = two_provinces(tmp_path)
    ledger = load_ledger(hanoi).ledger
    assert merge_ledgers([ledger], ["hanoi"]) is ledger


def test_reports_and_export_across_ledgers(runner: CliRunner, tmp_path: Path) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    both = ["--data", str(hanoi), "--data", str(hcm)]
    result = runner.invoke(app, ["overdue", "--today", "2019-03-07", "-f", "json", *both])
    assert result.exit_code == 0, result.output
    ids = {t["id"] for t in json.loads(result.stdout)["tasks"]}
    assert "hanoi/2019-02-18-giao-ban-khoi-phong-trao#3" in ids
    assert "hcm/2019-02-18-giao-ban-khoi-phong-trao#3" in ids
    export = runner.invoke(app, ["export", "--format", "json", *both])
    assert export.exit_code == 0, export.output
    assert len(json.loads(export.stdout)["notices"]) == 10
    stats = runner.invoke(app, ["stats", "--month", "2019-03", "--today", "2019-03-31", *both])
    assert stats.exit_code == 0, stats.output


def test_settings_can_list_ledgers(runner: CliRunner, tmp_path: Path) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    central = tmp_path / "trung-uong" / "data"
    central.mkdir(parents=True)
    shutil.copy(DATA / "units.yaml", central)
    (central / "settings.yaml").write_text(
        "office: Văn phòng Trung ương Đoàn\nledgers:\n  - ../../hanoi/data\n  - ../../hcm/data\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(central)])
    assert result.exit_code == 0, result.output
    ids = {n["id"] for n in json.loads(result.stdout)["notices"]}
    assert "hanoi/2022-04-14-giao-ban-khoi-phong-trao" in ids and len(ids) == 10


def test_a_folder_named_twice_is_read_once(runner: CliRunner, tmp_path: Path) -> None:
    """Two spellings of one folder, or a ledger listing itself, never count its tasks twice."""
    hanoi, hcm = two_provinces(tmp_path)

    def ids(*args: str) -> list[str]:
        result = runner.invoke(app, ["export", "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return sorted(n["id"] for n in json.loads(result.stdout)["notices"])

    alone = ids("--data", str(hanoi))
    assert len(alone) == 5
    again = tmp_path / "hanoi" / ".." / "hanoi" / "data"
    assert ids("--data", str(hanoi), "--data", str(again)) == alone
    (hanoi / "settings.yaml").write_text("ledgers:\n  - .\n  - ../../hcm/data\n", encoding="utf-8")
    both = ids("--data", str(hanoi))
    assert len(both) == 10 and len(set(both)) == 10
    checked = runner.invoke(app, ["check", str(hanoi), str(again)])
    assert "(5 thông báo, 70 nhiệm vụ)" in checked.output, checked.output


def test_check_reports_each_ledgers_problems(runner: CliRunner, tmp_path: Path) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    bad = hcm / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: open", "status: xong", 1))
    args = ["check", "--data", str(hanoi), "--data", str(hcm), "--today", "2022-04-20"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert str(bad) in result.stdout and "bad-value" in result.stdout
    assert str(hanoi) not in result.stdout.split("Đã kiểm tra")[0]


def test_edits_refuse_several_ledgers(runner: CliRunner, tmp_path: Path) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    result = runner.invoke(app, ["done", "2019-02#3", "--data", str(hanoi), "--data", str(hcm)])
    assert result.exit_code == 2
    assert "một thư mục dữ liệu" in result.stderr


def _committed(root: Path) -> str:
    """``root`` as a git repository with everything committed; its HEAD."""
    run_git(root, "init", "-q", "-b", "main")
    run_git(root, "add", "-A")
    run_git(root, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qm", "init")
    return run_git(root, "rev-parse", "HEAD").strip()


def test_reports_name_each_ledgers_commit_and_changes(
    runner: CliRunner, tmp_path: Path, git_env: None
) -> None:
    """``ledgers:``: a change nobody committed in the other ledger is in the report, so
    its header and ``data`` say so, with each ledger's own commit."""
    hanoi, hcm = two_provinces(tmp_path)
    (hanoi / "settings.yaml").write_text("ledgers:\n  - ../../hcm/data\n", encoding="utf-8")
    commits = {name: _committed(tmp_path / name) for name in ("hanoi", "hcm")}
    done = ["done", "2022-04-14#2.2", "--no-commit", "--data", str(hcm), "--today", "2022-04-20"]
    assert runner.invoke(app, done).exit_code == 0
    week = ["week", "--today", "2022-04-20", "--data", str(hanoi)]
    result = runner.invoke(app, [*week, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"] == [
        {"ledger": "hanoi", "commit": commits["hanoi"], "dirty": False},
        {"ledger": "hcm", "commit": commits["hcm"], "dirty": True},
    ]
    said = (
        f"Dữ liệu: commit {commits['hanoi'][:7]} (sổ hanoi), "
        f"commit {commits['hcm'][:7]} (sổ hcm, có thay đổi chưa commit)."
    )
    for shape in ([], ["--format", "md"], ["--format", "html"]):
        result = runner.invoke(app, [*week, *shape], env={"COLUMNS": "300"})
        assert result.exit_code == 0, result.output
        assert said in result.stdout, shape


def test_a_ledger_outside_git_is_named_among_the_others(
    runner: CliRunner, tmp_path: Path, git_env: None
) -> None:
    hanoi, hcm = two_provinces(tmp_path)
    commit = _committed(tmp_path / "hanoi")
    args = ["stats", "--month", "2019-03", "--today", "2019-03-31", "--data", str(hanoi)]
    result = runner.invoke(app, [*args, "--data", str(hcm), "--format", "json"])
    assert json.loads(result.stdout)["data"] == [
        {"ledger": "hanoi", "commit": commit, "dirty": False},
        {"ledger": "hcm", "commit": None, "dirty": None},
    ]
    table = runner.invoke(app, [*args, "--data", str(hcm)], env={"COLUMNS": "300"}).stdout
    assert f"Dữ liệu: commit {commit[:7]} (sổ hanoi), chưa có commit git (sổ hcm)." in table


def test_a_ledgers_folder_that_is_not_there_fails_check_as_it_fails_reports(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A ``ledgers:`` folder that is not there makes every report refuse the data folder,
    so ``check`` of that folder, of its settings alone (the pre-commit hook) and with no
    path is an error at its line (exit 1), and the rest is still checked."""
    hanoi, hcm = two_provinces(tmp_path)
    settings = hanoi / "settings.yaml"
    settings.write_text("ledgers:\n  - ../../hcm/data\n  - ../../hue/data\n", encoding="utf-8")
    bad = hcm / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: open", "status: xong", 1))
    said = (
        f"{settings}:3:5: error: không có thư mục sổ '../../hue/data' (trong 'ledgers:', "
        f"tính từ thư mục '{hanoi}': {tmp_path / 'hue' / 'data'}) [bad-value]"
    )
    for named, broken in (([str(hanoi)], False), ([str(settings)], False), ([], True)):
        args = ["check", "--today", "2022-04-20", "--data", str(hanoi), *named]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert said in result.stdout.splitlines(), result.output
        told = {Path(line.split(":")[0]).resolve() for line in result.stdout.splitlines()}
        assert (bad in told) is broken, result.output  # hcm is read with no path
    result = runner.invoke(app, ["check", "--format", "json", str(settings)])
    assert result.exit_code == 1
    assert [(p["path"], p["line"], p["code"]) for p in json.loads(result.stdout)["problems"]] == [
        (str(settings), 3, "bad-value")
    ]
    week = runner.invoke(app, ["week", "--today", "2022-04-20", "--data", str(hanoi)])
    assert week.exit_code != 0 and "không có thư mục sổ '../../hue/data'" in week.stderr
    # a notice named alone is read with the settings, not a check of what they list
    notice = hanoi / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    assert runner.invoke(app, ["check", "--today", "2022-04-20", str(notice)]).exit_code == 0
    (tmp_path / "hue" / "data").mkdir(parents=True)
    result = runner.invoke(app, ["check", str(hanoi)])
    assert result.exit_code == 0, result.output


def test_check_with_no_path_checks_a_central_folder_without_notices(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A central office's folder that only lists the provinces' ledgers: ``check`` reads
    its settings too, and tells a listed folder that is not there beside the others'
    problems."""
    hanoi, _ = two_provinces(tmp_path)
    central = tmp_path / "trung-uong" / "data"
    central.mkdir(parents=True)
    settings = central / "settings.yaml"
    settings.write_text(
        "timezone: Sao/Hoa\nledgers:\n  - ../../hanoi/data\n  - ../../hue/data\n",
        encoding="utf-8",
    )
    bad = hanoi / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: open", "status: xong", 1))
    result = runner.invoke(app, ["check", "--format", "json", "--data", str(central)])
    assert result.exit_code == 1, result.output
    found = {(p["path"], p["line"], p["code"]) for p in json.loads(result.stdout)["problems"]}
    assert {(str(settings), 1, "bad-value"), (str(settings), 4, "bad-value")} <= found
    assert bad in {Path(path).resolve() for path, _, _ in found}
