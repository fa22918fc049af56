"""Reports and edits run at the same time, in real repositories and real processes.

A report only reads: it never takes a lock an edit's commit needs (git's
``index.lock``), and it reads each notice file it scanned once, as it was or as
an edit left it, whatever other processes do to the shared index meanwhile. An
edit checks its staged file where no other process sees it, and no other
process can change what that check reads.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from giaoban.checks.cached import validate
from giaoban.checks.check import check_paths, open_for_report
from giaoban.checks.validation import NoticeChecker
from giaoban.history import git
from giaoban.model.errors import IndexChangedError
from giaoban.model.ledger import Ledger
from giaoban.reports.rows import due_report
from giaoban.store.loader import load_ledger
from tests.conftest import run_git
from tests.test_cli_edit import NOTICE_ID, PATH, invoke, make_ledger
from tests.test_edits import COMMENTED

OTHER_ID = "2019-02-20-hop-rieng"
NOW = datetime(2019, 2, 20, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
DONE = ("done", f"{NOTICE_ID}#1", "--today", "2019-02-20")


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    """Two notices, committed: the one the edits change comes first in the index."""
    data = make_ledger(git_repo)
    other = COMMENTED.replace(NOTICE_ID, OTHER_ID).replace("date: 2019-02-18", "date: 2019-02-20")
    (data / "2019" / f"{OTHER_ID}.yaml").write_text(other, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Thông báo thứ hai")
    return data


Rows = list[tuple[str, str, str, str]]


def _rows(ledger: Ledger) -> Rows:
    """What a report lists: (notice, item, state, due) of each row due in the next 60 days
    or late."""
    report = due_report(ledger, NOW, days=60)
    return [(r.card.notice_id, r.card.item, r.state, str(r.due)) for r in report.rows]


def _now_uncached(data: Path) -> Rows:
    """The report's rows of the ledger as it is on disk now, read without the index."""
    return _rows(open_for_report([data], use_cache=False).ledger)


def _each_once(rows: Rows) -> None:
    assert [row for row, n in Counter(rows).items() if n > 1] == []


# --- the index: a report reads the files it scanned, each once ----------------------------


def test_a_report_loaded_before_an_edit_lists_each_row_once(
    runner: CliRunner, ledger: Path
) -> None:
    """An edit checks its staged copy (``data/2019/.giaoban-*/...``) where no other process
    sees it: a report that loaded the ledger before it and queries after lists the ledger's
    rows as they were or are, never the staged copy's beside them."""
    before = _now_uncached(ledger)
    report = open_for_report([ledger])  # the report has read the ledger...
    edit = invoke(runner, ledger, *DONE)  # ...an edit lands...
    assert edit.exit_code == 0, edit.output
    rows = _rows(report.ledger)  # ...and the report asks for its rows
    _each_once(rows)
    assert rows in (before, _now_uncached(ledger))
    assert before != _now_uncached(ledger)


@pytest.mark.parametrize(
    "where",
    ["nhap", "data/.nhap", "data/2019/.giaoban-abcd1234"],
    ids=["beside the folder", "in a hidden folder", "in a staging folder"],
)
def test_a_file_no_scan_reads_stays_out_of_the_shared_index(ledger: Path, where: str) -> None:
    """The kind: every file 'check' is named that a scan of the folder does not read (an
    import draft beside it, a copy in a hidden folder) is read into an index of its own,
    so a report that read the folder never lists its notice beside the one it copies. A
    notice in a clerk's hidden folder is named as not read (the scan passes over it)."""
    before = _now_uncached(ledger)
    report = open_for_report([ledger])
    copy = ledger.parent / where / f"{NOTICE_ID}.yaml"
    copy.parent.mkdir()
    shutil.copy(ledger / "2019" / f"{NOTICE_ID}.yaml", copy)
    errors = [p.code for p in check_paths([copy], ledger).problems if p.is_error]
    assert errors == (["not-read"] if where == "data/.nhap" else [])
    assert _rows(report.ledger) == before
    assert _rows(open_for_report([ledger]).ledger) == before


def test_a_check_run_beside_an_edit_finds_no_duplicate_notice(
    runner: CliRunner, ledger: Path
) -> None:
    loaded = load_ledger(ledger, checks=NoticeChecker)  # 'giaoban check' has read the folder
    edit = invoke(runner, ledger, *DONE)
    assert edit.exit_code == 0, edit.output
    assert [p for p in validate(loaded) if p.is_error] == []
    assert [n.id for n in loaded.ledger.notices] == [NOTICE_ID, OTHER_ID]


def test_a_whole_load_beside_an_edits_check_does_not_hide_the_staged_notice(
    ledger: Path,
) -> None:
    """The reverse: a report reading the whole folder while an edit checks its staged file
    must not take the staged notice away from that check (an error would pass)."""
    staged = ledger / "2019" / ".giaoban-test" / f"{NOTICE_ID}.yaml"
    staged.parent.mkdir()
    text = (ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    staged.write_text(text.replace('item: "2"', "item: '1'"), encoding="utf-8")
    load_ledger(ledger)  # the index holds the ledger, as after any report
    checking = load_ledger(ledger, [staged], checks=NoticeChecker)  # the edit's check...
    load_ledger(ledger, checks=NoticeChecker)  # ...a report reads the whole folder...
    codes = [p.code for p in validate(checking) if p.is_error]  # ...the check goes on
    assert "duplicate-item" in codes


def test_a_report_reads_only_the_files_it_scanned(ledger: Path) -> None:
    """A notice added after a report read the folder, and put in the index by another
    command, is not in that report: it lists the ledger it read, whole."""
    before = _now_uncached(ledger)
    report = open_for_report([ledger])
    extra = COMMENTED.replace(NOTICE_ID, "2019-02-21-them").replace(
        "date: 2019-02-18", "date: 2019-02-21"
    )
    (ledger / "2019" / "2019-02-21-them.yaml").write_text(extra, encoding="utf-8")
    load_ledger(ledger)  # another report reads the folder as it is now
    assert _rows(report.ledger) == before
    assert [n.id for n in report.ledger.notices] == [NOTICE_ID, OTHER_ID]


def test_a_report_survives_another_reading_the_file_an_edit_changed(
    runner: CliRunner, ledger: Path
) -> None:
    """Another command reading a file an edit changed replaces that file's rows in the
    index; a report that was reading the file before lists it as it was, and reads its
    notice without failing."""
    before = _now_uncached(ledger)
    report = open_for_report([ledger])
    assert [n.id for n in report.ledger.notices] == [NOTICE_ID, OTHER_ID]
    edit = invoke(runner, ledger, *DONE)
    assert edit.exit_code == 0, edit.output
    load_ledger(ledger)  # another report reads the changed file
    assert _rows(report.ledger) == before
    assert [t.status for t in report.ledger.notices[0].tasks][:1] == ["open"]


# --- git: a report takes no lock -----------------------------------------------------------


def _touched(repo: Path) -> tuple[bytes, int]:
    """Give the notice a new modification time, its bytes unchanged (git's index no longer
    matches its stat, so a command that refreshes the index writes it); git's index as it
    is then, and its modification time."""
    path = repo / PATH
    later = path.stat().st_mtime_ns + 100 * 10**9
    os.utime(path, ns=(later, later))
    index = repo / ".git" / "index"
    return index.read_bytes(), index.stat().st_mtime_ns


def _index(repo: Path) -> tuple[bytes, int]:
    index = repo / ".git" / "index"
    return index.read_bytes(), index.stat().st_mtime_ns


def test_a_report_leaves_gits_index_alone(runner: CliRunner, ledger: Path) -> None:
    """A report's ``git status`` (its footer's commit and dirty flag) refreshes the index in
    memory only: taking ``.git/index.lock`` to write it back would make an edit committing
    at that moment fail."""
    repo = ledger.parent
    before = _touched(repo)
    result = invoke(runner, ledger, "week", "--today", "2019-02-20", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"dirty": false' in result.stdout
    assert _index(repo) == before
    assert not (repo / ".git" / "index.lock").exists()


@pytest.mark.parametrize(
    "read",
    [
        lambda repo: git.data_state(repo / "data"),
        lambda repo: git.changed_paths(repo, "data"),
        lambda repo: git.conflicted_paths(repo),
    ],
    ids=["data_state", "changed_paths", "conflicted_paths"],
)
def test_the_adapters_reads_never_write_gits_index(
    ledger: Path, read: Callable[[Path], object]
) -> None:
    repo = ledger.parent
    before = _touched(repo)
    assert read(repo)
    assert _index(repo) == before


def test_a_failed_commit_does_not_call_the_edited_file_another_one(
    runner: CliRunner, ledger: Path
) -> None:
    """The file an edit wrote but could not commit is named by the warning (with the commit
    to run), never as "another file of the ledger with uncommitted changes"."""
    repo = ledger.parent
    run_git(repo, "config", "--unset", "user.name")
    run_git(repo, "config", "--unset", "user.email")
    run_git(repo, "config", "user.useConfigOnly", "true")
    result = invoke(runner, ledger, "done", f"{NOTICE_ID}#1", "--today", "2019-02-20")
    assert result.exit_code == 1
    assert f"-- {PATH}" in result.stderr
    assert "tệp khác" not in result.stderr


def test_a_report_that_must_write_after_its_rows_were_replaced_stops_and_says_so(
    runner: CliRunner, ledger: Path
) -> None:
    """A report asked past the years the index lists writes the duties' later occurrences.
    When another command replaced the rows of its files since it read them, those rows are
    no longer there to extend: the report stops (exit 1, a message saying to run it again)
    rather than list another version of the ledger than the one it read."""
    later = datetime(2040, 1, 3, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    calm = open_for_report([ledger])
    assert due_report(calm.ledger, later, days=7).rows  # the duty's occurrences, extended
    report = open_for_report([ledger])
    edit = invoke(runner, ledger, *DONE)
    assert edit.exit_code == 0, edit.output
    load_ledger(ledger)  # another report reads the changed file
    with pytest.raises(IndexChangedError, match="hãy chạy lại lệnh"):
        due_report(report.ledger, later.replace(year=2045), days=7)


# --- real processes: reports and checks in a loop while edits land -------------------------

SEED_EDITS = [  # late tasks of two notices of the bundled data: each done leaves the report
    "2019-02-18-giao-ban-khoi-phong-trao#3",
    "2018-08-02-so-ket-6-thang-dau-nam-2018#1",
    "2019-02-18-giao-ban-khoi-phong-trao#9",
    "2018-08-02-so-ket-6-thang-dau-nam-2018#2",
]
WEEK = ("week", "--format", "json")
TODAY = "2022-04-20"


def _giaoban(data: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "giaoban", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _states(runner: CliRunner, repo: Path, commits: list[str], into: Path) -> list[object]:
    """The weekly report's rows of the ledger at each of ``commits``, read without the index."""
    found = []
    for i, commit in enumerate(commits):
        archive = subprocess.run(["git", "archive", commit, "data"], cwd=repo, capture_output=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(into / str(i), filter="data")
        result = invoke(runner, into / str(i) / "data", *WEEK, "--no-cache", "--today", TODAY)
        assert result.exit_code == 0, result.output
        found.append(json.loads(result.stdout)["tasks"])
    return found


def test_reports_and_checks_beside_edits_read_the_ledger_before_or_after_each(
    runner: CliRunner, git_repo: Path, tmp_path: Path, seed_data: Path
) -> None:
    """While a clerk's edits land one after another, colleagues' reports and checks run in a
    loop, each its own process sharing the index: every edit commits, every report lists the
    ledger as it was before or after an edit (each row once), every check finds no error."""
    data = git_repo / "data"
    shutil.copytree(seed_data, data)
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Sổ giao ban")
    env = {
        **os.environ,
        "GIAOBAN_TODAY": TODAY,
        "GIAOBAN_PAGER": "0",
        "NO_COLOR": "1",
    }
    _giaoban(data, env, "check")  # the index holds the ledger, as on any working day
    stop = threading.Event()
    reads: list[tuple[str, subprocess.CompletedProcess[str]]] = []

    def colleagues() -> None:
        while not stop.is_set():
            words = WEEK if len(reads) % 2 == 0 else ("check", "--format", "json")
            reads.append((words[0], _giaoban(data, env, *words)))

    reader = threading.Thread(target=colleagues)
    reader.start()
    try:
        edits = [_giaoban(data, env, "done", task) for task in SEED_EDITS]
    finally:
        stop.set()
        reader.join(timeout=240)
    assert [(e.returncode, e.stderr) for e in edits] == [(0, "")] * len(edits)
    assert run_git(git_repo, "status", "--porcelain") == ""
    commits = run_git(git_repo, "rev-list", "--reverse", "HEAD").split()[-len(edits) - 1 :]
    states = _states(runner, git_repo, commits, tmp_path / "states")
    assert len({json.dumps(s) for s in states}) == len(states)  # each edit changes the report
    weeks = [r for kind, r in reads if kind == "week"]
    checks = [r for kind, r in reads if kind == "check"]
    assert weeks and checks
    for result in weeks:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["tasks"] in states
    for result in checks:
        assert result.returncode == 0, result.stdout + result.stderr
        problems = json.loads(result.stdout)["problems"]
        assert [p for p in problems if p["severity"] == "error"] == []
