"""Shared fixtures: inline notice files in a temp data folder, and the CLI runner."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
TESTS_DATA = Path(__file__).resolve().parent / "data"

MINIMAL_UNITS = """\
units:
  - name: Văn phòng Trung ương Đoàn
    short: [VP]
    aliases: [Văn phòng TW Đoàn]
  - name: Ban Tổ chức Trung ương Đoàn
    short: [BTC]
groups:
  - name: Các ban, đơn vị khối phong trào
    members: [Văn phòng Trung ương Đoàn, Ban Tổ chức Trung ương Đoàn]
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder with a small unit registry."""
    root = tmp_path / "data"
    root.mkdir()
    (root / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    return root


@pytest.fixture
def write_notice(data_dir: Path) -> Callable[..., Path]:
    """Write a dedented YAML notice as ``data/<year>/<name>.yaml``; return its path."""

    def write(name: str, text: str, *, raw: bytes | None = None) -> Path:
        folder = data_dir / name[:4]
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}.yaml"
        if raw is not None:
            path.write_bytes(raw)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(params=["index", "no-cache"])
def either_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs the test twice: through the index in the cache folder, and with the index made
    in memory (``GIAOBAN_NO_CACHE``), which must answer the same."""
    if request.param == "no-cache":
        monkeypatch.setenv("GIAOBAN_NO_CACHE", "1")
    return str(request.param)


@pytest.fixture
def seed_data(tmp_path: Path) -> Path:
    """A copy of the bundled ``data/`` (the five seed notices) to work on."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner with no GIAOBAN_* variables leaking in from the shell."""
    for name in ("GIAOBAN_DATA", "GIAOBAN_TODAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    return CliRunner()


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def golden() -> Callable[[str, str | bytes], None]:
    """Compare output with ``tests/golden/NAME`` exactly.

    ``GIAOBAN_UPDATE_GOLDEN=1 pytest`` writes the files instead; read them
    before committing.
    """

    def compare(name: str, actual: str | bytes) -> None:
        path = GOLDEN / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if os.environ.get("GIAOBAN_UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.is_file(), f"no golden file {path}; run with GIAOBAN_UPDATE_GOLDEN=1"
        assert data.decode("utf-8") == path.read_bytes().decode("utf-8")

    return compare


# --- real git repositories (editing commands, history) ------------------------------------


def run_git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in ``repo`` for a test; fail the test on a non-zero exit."""
    import subprocess

    proc = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No global or system git configuration and no GIT_* identity leaking in."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "empty-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture
def git_repo(tmp_path: Path, git_env: None) -> Path:
    """A fresh git repository with a local identity (Nguyễn Văn An <an@vp.example>)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    run_git(repo, "init", "-q", "-b", "main")
    run_git(repo, "config", "user.name", "Nguyễn Văn An")
    run_git(repo, "config", "user.email", "an@vp.example")
    run_git(repo, "config", "commit.gpgsign", "false")
    return repo


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    """The data folder of ``git_repo`` holding the minimal unit registry, committed (a test
    module with a ledger of its own defines its own ``ledger``)."""
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")
    return data


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test and the commands it runs."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own cache folder: none touches ~/.cache or another test's cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(folder))
    monkeypatch.delenv("GIAOBAN_NO_CACHE", raising=False)
    return folder
