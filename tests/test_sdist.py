"""The source distribution: complete enough that its own tests pass from it.

The sdist is built with setuptools from a copy of the files git knows
(tracked, and new ones not ignored), with the litter a working tree collects
added on purpose, so that ``MANIFEST.in`` is what decides what goes in.
"""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import REPO

CLASSIFIERS = [
    "Development Status :: 3 - Alpha",
    "Environment :: Console",
    "Intended Audience :: End Users/Desktop",
    "Natural Language :: Vietnamese",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3.10",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "Programming Language :: Python :: 3.13",
    "Topic :: Office/Business",
]
# what a working tree collects in the folders the sdist takes whole
LITTER = [
    "tests/__pycache__/conftest.cpython-311-pytest-9.0.pyc",
    "bench/__pycache__/run.cpython-311.pyc",
    "tests/.hypothesis/examples/ab/cd",
    "tests/.pytest_cache/v/cache/nodeids",
    "data/.giaoban-cache/index.pickle",
    "data/.giaoban.lock",
    "tests/.venv/bin/python",
    "bench/scratch.egg-info/PKG-INFO",
]
# the tests run from the unpacked sdist: they read data/, docs/ and tests/golden/
QUICK_TESTS = ["tests/test_check_deadlines.py", "tests/test_calendar.py"]


def _known_files() -> list[str]:
    """The files git knows in the working tree: tracked, and new ones not ignored."""
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git work tree (an unpacked sdist, say)")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist (.tar.gz) built from a copy of the repository, litter included."""
    copy = tmp_path_factory.mktemp("repo")
    for name in _known_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    for name in LITTER:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes(b"litter")
    out = tmp_path_factory.mktemp("dist")
    build = f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})"
    proc = subprocess.run(
        [sys.executable, "-c", build], cwd=copy, capture_output=True, text=True, env=_env()
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (archive,) = out.glob("giaoban-*.tar.gz")
    return archive


def _env(**extra: str) -> dict[str, str]:
    """The environment without variables that would point giaoban elsewhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIAOBAN_", "PYTHON"))}
    return {**env, **extra}


def _members(archive: Path) -> list[str]:
    """The archive's file names, without the ``giaoban-X.Y.Z/`` folder."""
    with tarfile.open(archive) as tar:
        return sorted(m.name.partition("/")[2] for m in tar.getmembers() if m.isfile())


def test_sdist_holds_data_tests_docs_and_licence(sdist: Path) -> None:
    names = set(_members(sdist))
    named = {"data/units.yaml", "LICENSE", "NOTICE", "README.md", "docs/format.md"}
    named |= {"tests/conftest.py", "tests/golden/seed.ics", "tests/data/deadlines/README.md"}
    assert sorted(named - names) == []
    # every file git knows in the folders the tests read, data/**/*.yaml among them
    folders = ("data/", "tests/", "docs/", "bench/")
    missing = [name for name in _known_files() if name.startswith(folders) and name not in names]
    assert missing == [], "not in the sdist"
    assert len([n for n in names if n.startswith("data/20") and n.endswith(".yaml")]) >= 5


def test_sdist_carries_no_working_tree_litter(sdist: Path) -> None:
    names = _members(sdist)
    noise = [
        name
        for name in names
        if "__pycache__" in name
        or name.endswith((".pyc", ".lock"))
        or any(part in name.split("/") for part in (".venv", ".hypothesis", ".pytest_cache"))
        or ".giaoban-cache" in name
        or (".egg-info" in name and not name.startswith("giaoban.egg-info/"))
    ]
    assert noise == []


def test_sdist_metadata_names_the_licence_and_classifiers(sdist: Path) -> None:
    with tarfile.open(sdist) as tar:
        top = next(m for m in tar.getmembers() if m.name.count("/") == 1 and "PKG-INFO" in m.name)
        pkg_info = tar.extractfile(top)
        assert pkg_info is not None
        meta = email.parser.BytesParser().parse(pkg_info)
    assert meta["License-Expression"] == "Apache-2.0"
    assert sorted(meta.get_all("License-File") or []) == ["LICENSE", "NOTICE"]
    assert meta.get_all("Classifier") == CLASSIFIERS
    # with an SPDX licence expression, PEP 639 forbids the licence classifiers
    assert not [c for c in CLASSIFIERS if c.startswith("License ::")]


def test_tests_pass_from_the_unpacked_sdist(sdist: Path, tmp_path: Path) -> None:
    with tarfile.open(sdist) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(tmp_path, filter="data")
        else:  # a Python before 3.10.12 has no extraction filters; the archive is our own
            tar.extractall(tmp_path)
    (root,) = tmp_path.iterdir()
    env = _env(PYTHONPATH=str(root), NO_COLOR="1", COLUMNS="120")
    where = subprocess.run(
        [sys.executable, "-c", "import giaoban; print(giaoban.__file__)"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(root)  # the unpacked giaoban runs
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *QUICK_TESTS],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
