"""``giaoban init --ci gitlab|github``: a pipeline that runs ``giaoban check`` on every push
and merge request, so the shared repository rejects invalid notices."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.scaffold import CI_FILES, ci_text
from tests.conftest import run_git

PACKAGE = "giaoban @ git+https://git.co-quan.vn/van-phong/giaoban.git@v0.1.0"


def load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def commands(provider: str, pipeline) -> list[str]:
    if provider == "gitlab":
        return list(pipeline["giaoban-check"]["script"])
    return [step["run"] for step in pipeline["jobs"]["check"]["steps"] if "run" in step]


def run_check(repo: Path, command: str) -> subprocess.CompletedProcess:
    """The pipeline's check command, with giaoban run from this test's Python."""
    words = shlex.split(command)
    assert words[:2] == ["giaoban", "check"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOBAN_")}
    # as on a runner, where the cache folder is the machine's own: here the test's, not ~/.cache
    env["XDG_CACHE_HOME"] = str(repo.parent / "xdg-cache")
    return subprocess.run(
        [sys.executable, "-m", "giaoban", *words[1:]],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


@pytest.mark.parametrize("provider", ["gitlab", "github"])
def test_init_writes_a_pipeline_that_checks_the_data(
    runner: CliRunner, tmp_path: Path, git_env: None, provider: str
) -> None:
    repo = tmp_path / "so"
    result = runner.invoke(
        app, ["init", str(repo), "--ci", provider, "--ci-package", PACKAGE, "--no-commit"]
    )
    assert result.exit_code == 0, result.output
    path = repo / CI_FILES[provider]
    assert f"  CI: {CI_FILES[provider]} chạy 'giaoban check'" in result.stdout
    pipeline = load(path)
    steps = commands(provider, pipeline)
    assert steps == ['pip install --quiet "$GIAOBAN_PACKAGE"', "giaoban check data"]
    if provider == "gitlab":
        assert pipeline["variables"]["GIAOBAN_PACKAGE"] == PACKAGE
        assert pipeline["giaoban-check"]["image"].startswith("python:3")
        rules = [r["if"] for r in pipeline["workflow"]["rules"]]
        assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in rules
    else:
        assert set(pipeline["on"]) == {"push", "pull_request"}
        env = pipeline["jobs"]["check"]["env"]["GIAOBAN_PACKAGE"]
        assert env == "${{ vars.GIAOBAN_PACKAGE || '" + PACKAGE + "' }}"
    # The check the pipeline runs passes on the fresh ledger and fails on a bad notice.
    assert run_check(repo, steps[-1]).returncode == 0
    bad = repo / "data" / "2022" / "sai.yaml"
    bad.parent.mkdir()
    bad.write_text("id: sai\nkind: thông báo\ntitle: Sai\ndate: 2022-02-31\ntasks: []\n", "utf-8")
    failed = run_check(repo, steps[-1])
    assert failed.returncode == 1 and "[bad-date]" in failed.stdout


def test_the_pipeline_is_committed_with_the_ledger(
    runner: CliRunner, tmp_path: Path, git_env: None
) -> None:
    repo = tmp_path / "so"
    repo.mkdir()
    run_git(repo, "init", "-q", "-b", "main")
    run_git(repo, "config", "user.name", "Nguyễn Văn An")
    run_git(repo, "config", "user.email", "an@vp.example")
    assert runner.invoke(app, ["init", str(repo), "--ci", "gitlab"]).exit_code == 0
    files = run_git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert ".gitlab-ci.yml" in files and "data/units.yaml" in files
    # Later, in the same ledger: the other pipeline alone, committed; nothing overwritten.
    (repo / ".gitlab-ci.yml").write_text("# của cơ quan\n", encoding="utf-8")
    run_git(repo, "commit", "-qam", "CI riêng")
    again = runner.invoke(app, ["init", str(repo), "--ci", "github"])
    assert again.exit_code == 0, again.output
    assert run_git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        ".github/workflows/giaoban-check.yml"
    ]
    kept = runner.invoke(app, ["init", str(repo), "--ci", "gitlab"])
    assert "= .gitlab-ci.yml (đã có, giữ nguyên)" in kept.stdout
    assert (repo / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# của cơ quan\n"


def test_a_ledger_in_a_subfolder_is_checked_there(tmp_path: Path) -> None:
    text = ci_text("github", "so giao ban/data")
    pipeline = YAML(typ="safe", pure=True).load(text)
    assert commands("github", pipeline)[-1] == "giaoban check 'so giao ban/data'"
    quoted = ci_text("gitlab", "data", package="giaoban @ file:///srv/giaoban 'x'")
    assert YAML(typ="safe", pure=True).load(quoted)["variables"]["GIAOBAN_PACKAGE"] == (
        "giaoban @ file:///srv/giaoban 'x'"
    )
    with pytest.raises(ValueError):
        ci_text("jenkins", "data")


def test_default_package_is_plain_giaoban(runner: CliRunner, tmp_path: Path, git_env) -> None:
    repo = tmp_path / "so"
    assert runner.invoke(app, ["init", str(repo), "--ci", "github", "--no-commit"]).exit_code == 0
    text = (repo / CI_FILES["github"]).read_text(encoding="utf-8")
    assert "${{ vars.GIAOBAN_PACKAGE || 'giaoban' }}" in text
    assert "giaoban chưa có trên PyPI" in text  # the comment says how to point elsewhere
    wrong = runner.invoke(app, ["init", str(repo), "--ci", "jenkins"])
    assert wrong.exit_code == 2
