"""Every command that takes an id finds it through one function over the ledgers a folder
reads (``ledgers:``): a bare id several ledgers hold is refused naming each ledger's id,
one a single ledger holds names that ledger, and a prefixed id names its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit import operations as edits
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2024-03-01-giao-ban"
ONLY_HCM = "2024-04-02-giao-ban-tinh"


def _notice(notice_id: str) -> dict:
    return {
        "id": notice_id,
        "kind": "thông báo kết luận",
        "title": "Kết luận giao ban",
        "date": date.fromisoformat(notice_id[:10]),
        "tasks": [
            {"item": "1", "text": "Tập huấn", "owners": ["VP"], "deadline": "trước 15/3/2024"},
            {"item": "2", "text": "Báo cáo", "owners": ["BTC"], "deadline": "thứ 6 hằng tuần"},
        ],
    }


def _ledger(repo: Path, *notice_ids: str) -> Path:
    data = repo / "data"
    data.mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(repo, "init", "-q", "-b", "main")
    run_git(repo, "config", "user.name", "Nguyễn Văn An")
    run_git(repo, "config", "user.email", "an@vp.example")
    run_git(repo, "add", ".")
    run_git(repo, "commit", "-qm", "Danh mục đơn vị")
    for notice_id in notice_ids:
        edits.create_notice(data, _notice(notice_id), commit=True)
    return data


@pytest.fixture
def hanoi(tmp_path: Path, git_env: None) -> Path:
    """hanoi's ledger, reading hcm's (``ledgers:``); both hold NOTICE_ID."""
    _ledger(tmp_path / "hcm", NOTICE_ID, ONLY_HCM)
    data = _ledger(tmp_path / "hanoi", NOTICE_ID)
    (data / "settings.yaml").write_text("ledgers: [../../hcm/data]\n", encoding="utf-8")
    run_git(data.parent, "add", ".")
    run_git(data.parent, "commit", "-qm", "Đọc sổ hcm")
    return data


def _files(root: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))}


ID = f"{NOTICE_ID}#2"
COMMANDS = {
    "show": ["show", ID],
    "show-notice": ["show", NOTICE_ID],
    "show-prefix": ["show", "2024-03-01#2"],
    "log": ["log", ID],
    "done": ["done", ID, "--on", "2024-03-08"],
    "reopen": ["reopen", ID],
    "cancel": ["cancel", ID, "--reason", "Không cần nữa"],
    "stop": ["stop", ID, "--from", "2024-04-01"],
    "postpone": ["postpone", ID, "trước 30/4/2024", "--reason", "Chờ số liệu"],
    "note": ["note", ID, "Đang làm"],
    "edit": ["edit", ID],
    "task add": ["task", "add", NOTICE_ID, "--text", "Việc mới"],
}


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_bare_id_several_ledgers_hold_is_refused_naming_each(
    runner: CliRunner, hanoi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    before = _files(tmp_path)

    result = runner.invoke(app, [*args, "--data", str(hanoi)])

    assert result.exit_code == 1, result.output
    task = "#2" if "#" in args[-1] or "#" in args[1] else ""
    assert "có ở nhiều sổ, hãy ghi rõ tên sổ" in result.output
    assert f"hanoi/{NOTICE_ID}{task}" in result.output
    assert f"hcm/{NOTICE_ID}{task}" in result.output
    assert "không có thông báo nào" not in result.output
    assert _files(tmp_path) == before  # nothing edited


def test_a_bare_id_one_other_ledger_holds_is_read_there_and_edited_in_its_folder(
    runner: CliRunner, hanoi: Path, tmp_path: Path
) -> None:
    bare = f"{ONLY_HCM}#1"
    before = _files(tmp_path)

    shown = runner.invoke(app, ["show", bare, "--data", str(hanoi)])
    log = runner.invoke(app, ["log", bare, "--data", str(hanoi)])
    note = runner.invoke(app, ["note", bare, "Đang làm", "--data", str(hanoi)])

    assert shown.exit_code == 0 and f"hcm/{bare}" in shown.output, shown.output
    assert log.exit_code == 0 and "tạo thông báo" in log.output, log.output
    assert note.exit_code == 2, note.output
    assert "là mã của sổ 'hcm'" in note.output and "--data" in note.output
    assert _files(tmp_path) == before
    # this ledger's own id, named by its ledger, is edited here, and only here
    note = runner.invoke(app, ["note", f"hanoi/{ID}", "Đang làm", "--data", str(hanoi)])
    assert note.exit_code == 0, note.output
    assert "Đang làm" in (hanoi / "2024" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    assert _files(tmp_path / "hcm") == {p: t for p, t in before.items() if "hcm" in p.parts}
