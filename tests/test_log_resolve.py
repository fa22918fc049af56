"""``giaoban log ID`` resolves ids through git history and through the ledgers a central
office reads (``ledgers:``): a deleted notice's tasks (short ids, tasks that came with
their notice) have a story, another ledger's task is read in its own repository, an id in
two ledgers is refused naming both, and an id that names nothing never exits 0."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit import operations as edits
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2024-03-01-giao-ban"
NOTICE = {
    "id": NOTICE_ID,
    "kind": "thông báo kết luận",
    "title": "Kết luận giao ban tháng 3/2024",
    "date": date(2024, 3, 1),
    "tasks": [
        {"item": "1", "text": "Tổ chức tập huấn", "owners": ["VP"], "deadline": "trước 15/3/2024"},
        {"item": "2", "text": "Rà soát danh mục", "owners": ["BTC"], "deadline": "trong tháng 4"},
    ],
}


def _ledger(repo: Path) -> Path:
    """A ledger in its own git repository with one notice, committed."""
    data = repo / "data"
    data.mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    if not (repo / ".git").exists():
        _init(repo)
    run_git(repo, "add", ".")
    run_git(repo, "commit", "-qm", "Danh mục đơn vị")
    edits.create_notice(data, NOTICE, commit=True)
    return data


def _init(repo: Path) -> None:
    run_git(repo, "init", "-q", "-b", "main")
    run_git(repo, "config", "user.name", "Nguyễn Văn An")
    run_git(repo, "config", "user.email", "an@vp.example")


def _log(runner: CliRunner, data: Path, *args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["log", *args, "--data", str(data)])
    return result.exit_code, result.output.splitlines()


def _what(line: str) -> str:
    return line.rpartition("  (")[0].split("  ", 2)[-1]


def test_a_deleted_notices_tasks_have_a_story_by_short_and_full_id(
    git_repo: Path, runner: CliRunner
) -> None:
    data = _ledger(git_repo)
    run_git(git_repo, "rm", "-q", f"data/2024/{NOTICE_ID}.yaml")
    run_git(git_repo, "commit", "-qm", "Xóa thông báo")

    for query in (f"{NOTICE_ID}#2", "2024-03-01#2", "2024-03#1"):
        code, lines = _log(runner, data, query)
        assert code == 0, lines
        assert [_what(line) for line in lines] == [
            "tạo thông báo: Kết luận giao ban tháng 3/2024",
            "xóa thông báo",
        ], query
    code, lines = _log(runner, data, "2024-03-01#9")
    assert code == 1
    assert "không có nhiệm vụ nào" in "\n".join(lines)


def test_another_ledgers_task_is_read_in_its_own_repository(
    tmp_path: Path, git_env: None, runner: CliRunner
) -> None:
    hanoi = _ledger(tmp_path / "hanoi")
    hcm = _ledger(tmp_path / "hcm")
    central = tmp_path / "tw" / "data"
    central.mkdir(parents=True)
    shutil.copy(hanoi / "units.yaml", central / "units.yaml")
    (central / "settings.yaml").write_text(
        "ledgers:\n  - ../../hanoi/data\n  - ../../hcm/data\n", encoding="utf-8"
    )
    _init(central.parent)
    run_git(central.parent, "add", ".")
    run_git(central.parent, "commit", "-qm", "Đọc sổ các tỉnh")
    done = ["done", f"{NOTICE_ID}#2", "--on", "2024-03-05", "--data", str(hcm)]
    assert runner.invoke(app, done).exit_code == 0

    code, lines = _log(runner, central, "hcm/2024-03-01#2")
    assert code == 0, lines
    assert [_what(line) for line in lines[1:]] == [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "hoàn thành ngày 05/03/2024",
    ]
    code, lines = _log(runner, central, "hanoi/2099-01-01")
    assert code == 1, lines
    code, lines = _log(runner, central, "2024-03-01#2")
    assert code == 1  # in both ledgers: each named
    assert [line.strip() for line in lines[-2:]] == [
        f"hanoi/{NOTICE_ID}#2",
        f"hcm/{NOTICE_ID}#2",
    ]


def test_an_exact_id_in_history_wins_over_a_prefix_of_a_live_notice(
    git_repo: Path, runner: CliRunner
) -> None:
    """A deleted notice whose id begins a live notice's id: its id names it (created,
    postponed, deleted), never the live notice; a prefix both begin still names the live
    one, as ``show`` finds it."""
    data = _ledger(git_repo)
    other = {**NOTICE, "id": f"{NOTICE_ID}-bo-sung", "title": "Giao ban bổ sung"}
    edits.create_notice(data, other, commit=True)
    later = edits.PostponeArgs("trước ngày 30/4/2024", "Lùi")
    edits.move_deadline(data, f"{NOTICE_ID}#1", later, date(2024, 3, 10), commit=True)
    run_git(git_repo, "rm", "-q", f"data/2024/{NOTICE_ID}.yaml")
    run_git(git_repo, "commit", "-qm", "Xóa thông báo cũ")

    code, lines = _log(runner, data, f"{NOTICE_ID}#1")
    assert code == 0, lines
    assert [_what(line) for line in lines] == [
        "tạo thông báo: Kết luận giao ban tháng 3/2024",
        "gia hạn: trước 15/3/2024 → trước ngày 30/4/2024; lý do: Lùi",
        "xóa thông báo",
    ]
    code, lines = _log(runner, data, NOTICE_ID)
    assert code == 0, lines
    assert all(NOTICE_ID in line and "bo-sung" not in line for line in lines), lines
    code, lines = _log(runner, data, "2024-03-01#1")
    assert code == 0, lines
    assert lines[0] == f"{NOTICE_ID}-bo-sung#1 — Tổ chức tập huấn"
    assert [_what(line) for line in lines[1:]] == ["tạo thông báo: Giao ban bổ sung"]


def test_an_edit_by_the_id_of_a_deleted_notice_is_refused_not_taken_as_a_prefix(
    git_repo: Path, runner: CliRunner
) -> None:
    """``done`` by the whole id of a notice deleted since, whose id begins a live notice's
    id: refused, naming both, the live notice unchanged and nothing committed; the live
    notice by its own id, or by a prefix written as a prefix, is edited as before."""
    data = _ledger(git_repo)
    other = {**NOTICE, "id": f"{NOTICE_ID}-bo-sung", "title": "Giao ban bổ sung"}
    edits.create_notice(data, other, commit=True)
    run_git(git_repo, "rm", "-q", f"data/2024/{NOTICE_ID}.yaml")
    run_git(git_repo, "commit", "-qm", "Xóa thông báo cũ")
    live = data / "2024" / f"{NOTICE_ID}-bo-sung.yaml"
    before, head = live.read_text(encoding="utf-8"), run_git(git_repo, "rev-parse", "HEAD")

    for command in (["done", f"{NOTICE_ID}#1"], ["note", f"{NOTICE_ID}#1", "Đã làm"]):
        result = runner.invoke(app, [*command, "--today", "2024-03-10", "--data", str(data)])
        assert result.exit_code == 1, result.output
        assert f"không có thông báo '{NOTICE_ID}' trong sổ" in result.stderr
        assert f"ghi đủ mã '{NOTICE_ID}-bo-sung'" in result.stderr
    assert live.read_text(encoding="utf-8") == before
    assert run_git(git_repo, "rev-parse", "HEAD") == head

    for query in (f"{NOTICE_ID}-bo-sung#1", "2024-03-01#2"):
        result = runner.invoke(app, ["done", query, "--today", "2024-03-10", "--data", str(data)])
        assert result.exit_code == 0, result.output
