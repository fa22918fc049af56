"""``init_ledger``: files, settings, git repository, first commit, and a hook that refuses."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.checks.check import check_paths
from giaoban.cli.main import app
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


def test_the_hook_refuses_an_invalid_registry_or_settings(git_repo: Path) -> None:
    """The registry and the settings are data files too: a staged one that ``check``
    finds invalid is refused, alone or beside a good notice (docs/editing.md)."""
    init_ledger(git_repo, OPTIONS, sys.executable)
    data = git_repo / "data"
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "commit", "-qam", "đơn vị")
    path = data / "2019" / "2019-02-18-giao-ban.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    for name, bad, line in (
        ("units.yaml", MINIMAL_UNITS + "  - name: [\n", 11),
        ("settings.yaml", settings_text(OPTIONS) + "timezone: Sao/Hoa\n", 8),
    ):
        kept = (data / name).read_text(encoding="utf-8")
        (data / name).write_text(bad, encoding="utf-8")
        for staged in ([name], [name, "2019/2019-02-18-giao-ban.yaml"]):
            run_git(git_repo, "add", *(str(data / rel) for rel in staged))
            refused = _commit(git_repo, "-m", "sai")
            assert refused.returncode == 1, refused.stderr
            assert f"data/{name}:{line}:" in refused.stderr
            assert "commit bị từ chối" in refused.stderr
            run_git(git_repo, "reset", "-q")
        (data / name).write_text(kept, encoding="utf-8")
    assert run_git(git_repo, "status", "--porcelain") == "?? data/2019/\n"


def test_the_hook_looks_for_the_ledgers_listed_from_the_work_tree(
    git_repo: Path, tmp_path: Path
) -> None:
    """The hook checks a copy of the staged files, elsewhere: a staged ``ledgers:``
    folder is looked for from the data folder in the work tree, so a clone beside the
    repository passes and a folder that is not there is refused at its line; a notice
    committed later is not refused for what the settings list."""
    init_ledger(git_repo, OPTIONS, sys.executable)
    data = git_repo / "data"
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "commit", "-qam", "đơn vị")
    (tmp_path / "hcm" / "data").mkdir(parents=True)
    kept = (data / "settings.yaml").read_text(encoding="utf-8")
    (data / "settings.yaml").write_text(kept + "ledgers:\n  - ../../hue/data\n", "utf-8")
    run_git(git_repo, "add", "data/settings.yaml")
    refused = _commit(git_repo, "-m", "sai")
    assert refused.returncode == 1, refused.stderr
    line = kept.count("\n") + 2
    said = f"data/settings.yaml:{line}:5: error: không có thư mục sổ '../../hue/data'"
    assert said in refused.stderr
    assert str(tmp_path / "hue" / "data") in refused.stderr  # where it was looked for
    (data / "settings.yaml").write_text(kept + "ledgers:\n  - ../../hcm/data\n", "utf-8")
    run_git(git_repo, "add", "data/settings.yaml")
    passed = _commit(git_repo, "-m", "sổ hcm")
    assert passed.returncode == 0, passed.stderr
    path = data / "2019" / "2019-02-18-giao-ban.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    run_git(git_repo, "add", str(path))
    assert _commit(git_repo, "-m", "thông báo").returncode == 0


def _stage_bad(repo: Path, data: Path) -> Path:
    """Stage a notice with a bad status in ``data``; return it."""
    path = data / "2019" / "2019-02-18-giao-ban.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD.replace("status: open", "status: xong"), encoding="utf-8")
    run_git(repo, "add", str(path))
    return path


def _units(repo: Path, *datas: Path) -> None:
    for data in datas:
        (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(repo, "commit", "-qam", "đơn vị")


def test_a_second_ledger_in_the_repository_keeps_the_first_one_guarded(git_repo: Path) -> None:
    """``init`` of a ledger in a folder of another's repository adds it to the hook:
    each ledger's staged files are checked with its own registry, none dropped."""
    init_ledger(git_repo, OPTIONS, sys.executable)
    report = init_ledger(git_repo / "chi-nhanh", OPTIONS, sys.executable)
    assert report.hook_folders == ("data", "chi-nhanh/data")
    first, second = git_repo / "data", git_repo / "chi-nhanh" / "data"
    _units(git_repo, first, second)
    for data in (first, second):
        path = _stage_bad(git_repo, data)
        refused = _commit(git_repo, "-m", "sai")
        assert refused.returncode == 1, refused.stderr
        shown = path.relative_to(git_repo).as_posix()
        assert f"{shown}:9:13: error:" in refused.stderr
        assert refused.stderr.count("error:") == 1  # checked once, with its own ledger
        path.write_text(GOOD, encoding="utf-8")
        run_git(git_repo, "add", str(path))
        assert _commit(git_repo, "-m", "đúng").returncode == 0
    # init again in either folder changes nothing of what the hook checks
    again = init_ledger(git_repo, OPTIONS, sys.executable)
    assert again.hook_folders == ("data", "chi-nhanh/data")


def test_a_ledger_at_the_top_and_one_inside_are_each_checked_once(git_repo: Path) -> None:
    """A data folder at the top of the work tree ('.') leaves the inner ledger's files
    to that ledger's check."""
    init_ledger(git_repo, OPTIONS, sys.executable, data_name=".")
    init_ledger(git_repo / "chi-nhanh", OPTIONS, sys.executable)
    _units(git_repo, git_repo, git_repo / "chi-nhanh" / "data")
    _stage_bad(git_repo, git_repo / "chi-nhanh" / "data")
    _stage_bad(git_repo, git_repo)
    refused = _commit(git_repo, "-m", "sai")
    assert refused.returncode == 1 and refused.stderr.count("error:") == 2, refused.stderr
    assert "\n2019/2019-02-18-giao-ban.yaml:9:13: error:" in f"\n{refused.stderr}"
    assert "chi-nhanh/data/2019/2019-02-18-giao-ban.yaml:9:13: error:" in refused.stderr


def test_a_hook_written_for_one_ledger_is_extended_not_replaced(git_repo: Path) -> None:
    """A hook of giaoban's written before it checked several ledgers ('DATA=' alone)."""
    hooks = git_repo / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "pre-commit").write_text(
        f"#!/bin/sh\n# {HOOK_MARK} (written by `giaoban init`)\nDATA=data\nexit 0\n",
        encoding="utf-8",
    )
    (git_repo / "data").mkdir()
    report = init_ledger(git_repo / "chi-nhanh", OPTIONS, sys.executable)
    assert report.hook_folders == ("data", "chi-nhanh/data")
    _units(git_repo, git_repo / "chi-nhanh" / "data")
    (git_repo / "data" / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    _stage_bad(git_repo, git_repo / "data")
    assert _commit(git_repo, "-m", "sai").returncode == 1


def test_init_says_when_a_foreign_hook_leaves_the_ledger_unguarded(
    git_repo: Path, runner: CliRunner
) -> None:
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(git_repo), "--no-commit"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "đã có hook khác, giữ nguyên: sổ này không được kiểm tra trước commit" in said
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"


def _unrelated_commit(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A commit in another project of the user's, with a YAML file under ``data/``."""
    other = tmp_path / "web"
    (other / "data").mkdir(parents=True)
    run_git(other, "init", "-q", "-b", "main")
    (other / "data" / "config.yaml").write_text("port: 8080\n", encoding="utf-8")
    run_git(other, "add", "-A")
    return subprocess.run(
        ["git", "-c", "user.name=An", "-c", "user.email=an@vp.example", "commit", "-qm", "x"],
        cwd=other,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.mark.parametrize("scope", ["--global", "--local"])
def test_a_hooks_folder_outside_the_repository_is_left_alone(
    git_repo: Path, tmp_path: Path, runner: CliRunner, scope: str
) -> None:
    """``core.hooksPath`` naming a folder outside the repository (the user's hooks for
    every repository): init writes nothing there, says the ledger is not checked, and
    how to check it; the commands it prints give the repository a hook of its own."""
    shared = tmp_path / "hooks"
    shared.mkdir()
    run_git(git_repo, "config", scope, "core.hooksPath", str(shared))
    result = runner.invoke(app, ["init", str(git_repo)])
    assert result.exit_code == 0, result.output
    assert list(shared.iterdir()) == []
    said = " ".join(result.output.split())
    assert "nằm ngoài kho" in said and "sổ này không được kiểm tra trước commit" in said
    if scope == "--global":
        assert _unrelated_commit(tmp_path).returncode == 0
    commands = [line.split() for line in result.output.splitlines() if line.startswith("    ")]
    assert [c[:1] for c in commands] == [["git"], ["giaoban"]], result.output
    run_git(git_repo, *commands[0][1:])
    again = runner.invoke(app, commands[1][1:])
    assert again.exit_code == 0, again.output
    assert "(kiểm tra trước mỗi commit)" in again.output
    assert list(shared.iterdir()) == []
    (git_repo / "data" / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "commit", "-qam", "đơn vị")
    _stage_bad(git_repo, git_repo / "data")
    assert _commit(git_repo, "-m", "sai").returncode == 1


def test_a_hooks_folder_inside_the_repository_is_used(git_repo: Path) -> None:
    """``core.hooksPath`` naming a folder of the repository's own work tree is its own."""
    run_git(git_repo, "config", "core.hooksPath", ".githooks")
    report = init_ledger(git_repo, OPTIONS, sys.executable)
    assert report.hooks_shared is None
    assert (
        report.hook is not None
        and report.hook.resolve() == (git_repo / ".githooks" / "pre-commit").resolve()
    )
    _stage_bad(git_repo, git_repo / "data")
    assert _commit(git_repo, "-m", "sai").returncode == 1
