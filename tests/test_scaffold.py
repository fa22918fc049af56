"""``init_ledger``: files, settings, git repository, first commit, and a hook that refuses."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from giaoban.checks.check import check_paths
from giaoban.edit.scaffold import HOOK_MARK, InitOptions, init_ledger, settings_text
from giaoban.model.settings import Settings
from giaoban.store.loader import load_registry, load_settings
from tests.conftest import MINIMAL_UNITS, run_git

OPTIONS = InitOptions(
    office="Văn phòng Trung ương Đoàn",
    week_cutoff="thứ 6 14:00",
    strict_before=True,
    days_off=(date(2024, 12, 31),),
)


def test_settings_text_reads_back_as_the_options(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(settings_text(OPTIONS), encoding="utf-8")
    problems: list = []
    assert load_settings(path, problems) == Settings(
        office="Văn phòng Trung ương Đoàn",
        strict_before=True,
        days_off=(date(2024, 12, 31),),
    )
    assert problems == []
    assert "# múi giờ" in path.read_text(encoding="utf-8")


def test_init_makes_a_ledger_a_repository_a_hook_and_one_commit(tmp_path: Path, git_env) -> None:
    root = tmp_path / "so-giao-ban"
    report = init_ledger(root, OPTIONS, sys.executable)
    data = root / "data"
    assert sorted(p.relative_to(root).as_posix() for p in report.created) == [
        ".gitignore",
        "data/settings.yaml",
        "data/units.yaml",
    ]
    assert report.git_initialised and report.repo == root.resolve()
    assert check_paths([], data).errors == 0
    assert load_registry(data / "units.yaml", []).present
    hook = root / ".git" / "hooks" / "pre-commit"
    assert report.hook == hook and hook.stat().st_mode & 0o111
    assert HOOK_MARK in hook.read_text(encoding="utf-8") and sys.executable in hook.read_text()
    # No identity in this repository: the first commit is not made, and says why.
    assert report.commit is not None and not report.commit.committed
    assert "user.name" in (report.commit.problem or "")


def test_init_commits_its_files_and_keeps_what_exists(git_repo: Path) -> None:
    (git_repo / ".gitignore").write_text("*.tmp", encoding="utf-8")
    report = init_ledger(git_repo, OPTIONS, sys.executable)
    assert report.commit is not None and report.commit.committed
    assert not report.git_initialised
    files = run_git(git_repo, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert files[0] == "Khởi tạo sổ giao ban — Văn phòng Trung ương Đoàn"
    assert sorted(f for f in files[1:] if f) == ["data/settings.yaml", "data/units.yaml"]
    assert report.changed == [git_repo / ".gitignore"]  # the user's file: changed, not committed
    assert (git_repo / ".gitignore").read_text(encoding="utf-8") == (
        "*.tmp\n# giaoban: khóa và tệp tạm\n.giaoban.lock\n.giaoban-*/\n"
    )
    again = init_ledger(git_repo, OPTIONS, sys.executable)
    assert again.created == [] and len(again.kept) == 2 and again.commit is None


def test_a_foreign_hook_is_kept(git_repo: Path) -> None:
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    report = init_ledger(git_repo, OPTIONS, sys.executable)
    assert report.hook_kept
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"


GOOD = """\
id: 2019-02-18-giao-ban
kind: thông báo kết luận
title: Giao ban tháng 2
date: 2019-02-18
tasks:
  - item: "1"
    text: Việc
    owners: [VP]
    status: open
"""


def _commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-q", *args], cwd=repo, capture_output=True, text=True, encoding="utf-8"
    )


def test_the_hook_refuses_an_invalid_staged_file(git_repo: Path) -> None:
    init_ledger(git_repo, OPTIONS, sys.executable)
    (git_repo / "data" / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "commit", "-qam", "đơn vị")  # the registry alone is checked and passes
    path = git_repo / "data" / "2019" / "2019-02-18-giao-ban.yaml"
    path.parent.mkdir()
    path.write_text(GOOD.replace("status: open", "status: xong"), encoding="utf-8")
    run_git(git_repo, "add", str(path))
    refused = _commit(git_repo, "-m", "sai")
    assert refused.returncode == 1
    assert "data/2019/2019-02-18-giao-ban.yaml:9:13: error:" in refused.stderr
    assert "commit bị từ chối" in refused.stderr
    # The staged version is what counts: fixing only the working tree is not enough.
    path.write_text(GOOD, encoding="utf-8")
    assert _commit(git_repo, "-m", "vẫn sai").returncode == 1
    run_git(git_repo, "add", str(path))
    assert _commit(git_repo, "-m", "đúng").returncode == 0
