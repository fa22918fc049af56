"""``giaoban import`` end to end: the drafts it prints or writes pass ``giaoban check``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

HERE = Path(__file__).resolve().parent / "data" / "import"
SEEDS = sorted((HERE / "seeds").glob("*.txt"))
CORPUS = sorted((HERE / "corpus").glob("*.txt"))


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A data folder with the seeds' unit registry and no notice."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(HERE / "units.yaml", root / "units.yaml")
    return root


def check(runner: CliRunner, path: Path, data: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path), "--data", str(data)])
    return result.exit_code, result.stdout


def notice_id(yaml_text: str) -> str:
    return YAML(typ="safe").load(yaml_text)["id"]


@pytest.mark.parametrize("source", SEEDS + CORPUS, ids=lambda p: p.stem)
def test_printed_draft_passes_check(
    runner: CliRunner, ledger: Path, tmp_path: Path, source: Path
) -> None:
    result = runner.invoke(app, ["import", str(source), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Bản nháp do 'giaoban import'")
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / f"{notice_id(result.stdout)}.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    code, output = check(runner, path, ledger)
    assert code == 0, output
    assert " error: " not in output


def test_draft_keys_follow_the_format_order(runner: CliRunner, ledger: Path) -> None:
    result = runner.invoke(app, ["import", str(SEEDS[3]), "--data", str(ledger)])
    keys = [line.split(":")[0] for line in result.stdout.splitlines() if line[:1].isalpha()]
    assert keys == [
        "id", "kind", "title", "issuer", "date", "confidential", "meeting", "signer",
        "recipients", "sections", "tasks",
    ]  # fmt: skip


def test_standard_input(runner: CliRunner, ledger: Path) -> None:
    text = SEEDS[1].read_text(encoding="utf-8")
    result = runner.invoke(app, ["import", "-", "--data", str(ledger)], input=text)
    assert result.exit_code == 0, result.output
    assert "id: 2019-02-18-" in result.stdout
    assert "deadline: trước ngày 25/02/2019" in result.stdout


def test_output_to_a_folder_names_the_file_by_id(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nhap"
    result = runner.invoke(app, ["import", str(SEEDS[4]), "-o", f"{out}/", "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    files = list(out.glob("*.yaml"))
    assert len(files) == 1 and files[0].stem.startswith("2023-08-29-")
    assert "7 nhiệm vụ" in result.stderr
    assert check(runner, files[0], ledger)[0] == 0


def test_output_to_a_file_takes_its_name_as_id(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "giao-ban-thang-2.yaml"
    result = runner.invoke(app, ["import", str(SEEDS[1]), "-o", str(out), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    assert notice_id(out.read_text(encoding="utf-8")) == "giao-ban-thang-2"
    assert check(runner, out, ledger)[0] == 0


def test_output_never_overwrites(runner: CliRunner, ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text("giữ nguyên\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(SEEDS[1]), "-o", str(out), "--data", str(ledger)])
    assert result.exit_code == 1
    assert "đã có" in result.stderr
    assert out.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".giaoban")] == []


def test_save_writes_into_the_data_folder_as_add_does(runner: CliRunner, ledger: Path) -> None:
    result = runner.invoke(app, ["import", str(SEEDS[0]), "--save", "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    saved = list((ledger / "2022").glob("*.yaml"))
    assert len(saved) == 1 and saved[0].stem.startswith("2022-04-14-")
    assert "Đã lưu" in result.stderr and "24 nhiệm vụ" in result.stderr
    assert check(runner, ledger, ledger)[0] == 0
    again = runner.invoke(app, ["import", str(SEEDS[0]), "--save", "--data", str(ledger)])
    assert again.exit_code == 1  # the same notice again: refused, naming the one there
    assert saved[0].stem in again.stderr
    forced = ["import", str(SEEDS[0]), "--save", "--allow-duplicate", "--data", str(ledger)]
    assert runner.invoke(app, forced).exit_code == 0
    ids = sorted(p.stem for p in (ledger / "2022").glob("*.yaml"))
    assert ids == [saved[0].stem, f"{saved[0].stem}-2"]  # a new id, never an overwrite
    assert not [p for p in ledger.rglob(".giaoban*") if p.is_dir()]


def test_save_commits_in_a_git_work_tree(runner: CliRunner, git_repo: Path, tmp_path: Path) -> None:
    data = git_repo / "data"
    data.mkdir()
    shutil.copy(HERE / "units.yaml", data / "units.yaml")
    result = runner.invoke(app, ["import", str(SEEDS[4]), "--save", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "commit" in result.stderr
    log = run_git(git_repo, "log", "--format=%s", "--name-only")
    assert "Thêm thông báo 2023-08-29-" in log
    assert "data/2023/2023-08-29-" in log


def test_save_refuses_a_draft_with_errors(
    ledger: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from giaoban.edit.fromfile import DraftKeptError
    from giaoban.importer import output
    from giaoban.importer.service import draft_for_data

    draft = draft_for_data(SEEDS[4].read_text(encoding="utf-8"), ledger)
    broken = output.render_draft(draft).replace("status: open", "status: xong", 1)
    monkeypatch.setattr(output, "render_draft", lambda _draft: broken)
    with pytest.raises(DraftKeptError, match="bad-value") as refused:
        output.save_draft(draft, ledger, commit=False)
    assert sorted(p.name for p in ledger.rglob("*") if p.is_file()) == ["units.yaml"]
    # the error is named in the draft kept for the clerk, at the line that says "xong"
    kept = refused.value.draft
    assert kept.parent.parent == temp_dir and kept.read_text(encoding="utf-8") == broken
    where = str(refused.value).split(f"{kept}:")[1].split(":")[0]
    assert broken.split("\n")[int(where) - 1].strip() == "status: xong"
    assert f"giaoban add --from-file {kept} --data {ledger} --no-commit" in str(refused.value)


def test_save_and_output_together_is_a_usage_error(runner: CliRunner, ledger: Path) -> None:
    result = runner.invoke(
        app, ["import", str(SEEDS[0]), "--save", "-o", "x.yaml", "--data", str(ledger)]
    )
    assert result.exit_code == 2


def test_a_missing_file_is_a_clear_error(runner: CliRunner, ledger: Path) -> None:
    result = runner.invoke(app, ["import", "khong-co.txt", "--data", str(ledger)])
    assert result.exit_code == 1
    assert "không có tệp 'khong-co.txt'" in result.stderr
    assert "Traceback" not in result.output


def test_without_a_registry_units_are_kept_as_written(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["import", str(SEEDS[4]), "--data", str(empty)])
    assert result.exit_code == 0, result.output
    assert "- Ban Tổ chức Trung ương Đoàn" in result.stdout
    assert "chưa có trong danh mục" not in result.stdout


def test_a_deadline_it_cannot_read_is_offered_as_a_pin(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    text = (
        "ĐOÀN TNCS HỒ CHÍ MINH\nBCH TRUNG ƯƠNG\nSố: 12-TB/TWĐTN-VP\n"
        "Hà Nội, ngày 14 tháng 4 năm 2022\n\nTHÔNG BÁO\nKết luận của đồng chí Bí thư\n\n"
        "1. Văn phòng Trung ương Đoàn hoàn thành báo cáo trước ngày 30/02/2022.\n"
        "2. Ban Tổ chức Trung ương Đoàn rà soát danh sách trong tháng 5/2022.\n"
    )
    result = runner.invoke(app, ["import", "-", "--data", str(ledger)], input=text)
    assert result.exit_code == 0, result.output
    assert (
        "# kiểm tra: hạn 'trước ngày 30/02/2022' giaoban chưa đọc được: nếu là hạn, "
        "ghi deadline: trước ngày 30/02/2022 và ghim ngày bằng due: YYYY-MM-DD"
    ) in result.stdout
    assert "deadline: trong tháng 5/2022" in result.stdout
    path = tmp_path / f"{notice_id(result.stdout)}.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    assert check(runner, path, ledger)[0] == 0  # the draft itself stays valid


@pytest.mark.parametrize("text", ["", "\n\n", "THÔNG BÁO\nKết luận giao ban tháng 3\n"])
def test_a_text_with_no_task_is_said_to_have_none(
    runner: CliRunner, ledger: Path, text: str
) -> None:
    """Never an empty draft in silence: the draft notes it above ``tasks``, and the screen
    says it at once (the draft itself still prints, for the clerk to fill in)."""
    result = runner.invoke(app, ["import", "-", "--data", str(ledger)], input=text)
    assert result.exit_code == 0, result.output
    assert "# kiểm tra: không thấy nhiệm vụ nào" in result.stdout
    assert "tasks: []" in result.stdout
    assert "⚠ không thấy nhiệm vụ nào trong văn bản" in result.stderr
