"""The cache is invisible: the same outputs with and without it, whatever happens to it."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from giaoban.checks.cached import validate
from giaoban.cli.main import app
from giaoban.deadline.workdays import year_calendar
from giaoban.store import cache, pool
from giaoban.store.loader import load_ledger
from tests.conftest import MINIMAL_UNITS, REPO

TODAY = "2019-03-01T09:00"

NOTICE = """\
id: {id}
kind: thông báo kết luận
title: Kết luận hội nghị giao ban
date: 2019-02-18
tasks:
{tasks}"""

TASK = """\
  - item: "{item}"
    text: {text}
    owners: [{owner}]
    deadline: {deadline}
    status: {status}
"""

# Pieces a task is drawn from: mostly good, some giving each kind of problem.
OWNERS = ("Văn phòng Trung ương Đoàn", "BTC", "Ban Không Có", "Các ban, đơn vị khối phong trào")
DEADLINES = (
    "trước ngày 25/02/2019",
    "trong Quý I/2019",
    "thường xuyên",
    "hôm kia nọ",
    "2019-03-05",
)
STATUSES = ("open", "done\n    done_on: 2019-02-20", "done", "xong", "cancelled")
TEXTS = ("Xây dựng Kế hoạch công tác năm 2019", "Báo cáo kết quả: đợt 1", "[oops")


def task_text(item: str, text: int, owner: int, deadline: int, status: int) -> str:
    return TASK.format(
        item=item,
        text=TEXTS[text] if TEXTS[text] != "Báo cáo kết quả: đợt 1" else f'"{TEXTS[text]}"',
        owner=OWNERS[owner],
        deadline=DEADLINES[deadline],
        status=STATUSES[status],
    )


tasks_strategy = st.lists(
    st.tuples(
        st.sampled_from(["1", "2", "2", "3"]),
        st.integers(0, len(TEXTS) - 1),
        st.integers(0, len(OWNERS) - 1),
        st.integers(0, len(DEADLINES) - 1),
        st.integers(0, len(STATUSES) - 1),
    ),
    min_size=0,
    max_size=3,
)
notice_strategy = st.tuples(st.sampled_from(["a", "b", "c", "d"]), tasks_strategy)
edit_strategy = st.one_of(
    st.tuples(st.just("write"), notice_strategy),
    st.tuples(st.just("delete"), st.sampled_from(["a", "b", "c", "d"])),
    st.tuples(st.just("append"), st.sampled_from(["a", "b", "c", "d"])),
    st.tuples(st.just("units"), st.booleans()),
    st.tuples(st.just("settings"), st.booleans()),
)


def notice_yaml(name: str, tasks: list[tuple]) -> str:
    body = "".join(task_text(*t) for t in tasks) or "  []\n"
    if not tasks:
        return NOTICE.format(id=f"2019-02-18-{name}", tasks="").replace("tasks:\n", "tasks: []\n")
    return NOTICE.format(id=f"2019-02-18-{name}", tasks=body)


def outputs(runner: CliRunner, data: Path, *extra: str) -> list[tuple[int, str]]:
    """Exit code and output (standard output, then error) of check, export and week."""
    commands = [
        ["check", str(data)],
        ["check", "--format", "json", str(data)],
        ["export", "--format", "json", "--data", str(data)],
        ["week", "--format", "json", "--data", str(data), "--today", TODAY],
        # a unit outside the registry is known only while a task names it
        ["week", "--format", "json", "--data", str(data), "--today", TODAY, "-u", OWNERS[2]],
    ]
    results = []
    for command in commands:
        result = runner.invoke(app, [*command, *extra])
        results.append((result.exit_code, result.stdout + "\n--- stderr ---\n" + result.stderr))
    return results


def assert_same_with_and_without_cache(runner: CliRunner, data: Path) -> None:
    fresh = _uncached(runner, data)
    assert outputs(runner, data) == fresh  # fills (or reuses) the cache
    assert outputs(runner, data) == fresh  # read back from it


def _uncached(runner: CliRunner, data: Path) -> list[tuple[int, str]]:
    """The outputs with GIAOBAN_NO_CACHE=1 (check and export also get --no-cache)."""
    os.environ["GIAOBAN_NO_CACHE"] = "1"
    try:
        found = outputs(runner, data)
    finally:
        del os.environ["GIAOBAN_NO_CACHE"]
    flagged = runner.invoke(app, ["check", "--no-cache", str(data)])
    assert (flagged.exit_code, flagged.stdout) == (found[0][0], found[0][1].split("\n--- ")[0])
    return found


def cache_files(folder: Path) -> list[Path]:
    """The index files in the cache folder (the database, its log when one is left)."""
    return sorted(folder.rglob("index.sqlite*"))


def index_of(folder: Path) -> Path:
    (found,) = folder.rglob("index.sqlite")
    return found


def in_index(folder: Path, sql: str, *parameters: object) -> list[tuple]:
    """Run ``sql`` on the index in ``folder`` as someone opening it with sqlite3 would."""
    db = sqlite3.connect(index_of(folder))
    try:
        with db:
            return db.execute(sql, parameters).fetchall()
    finally:
        db.close()


# --- the same outputs ---------------------------------------------------------


def test_seed_outputs_are_the_same_with_and_without_cache(
    runner: CliRunner, seed_data: Path, _private_cache: Path
) -> None:
    assert_same_with_and_without_cache(runner, seed_data)
    assert cache_files(_private_cache)  # it was used
    codes = [code for code, _ in outputs(runner, seed_data)]
    assert codes == [0, 0, 0, 0, 1]  # no seed task names the unknown unit
    week = json.loads(outputs(runner, seed_data)[3][1].split("\n--- ")[0])
    assert week["tasks"]  # the seeds have work due (and late) in the week of 01/03/2019


def test_a_unit_no_task_names_any_more_is_unknown_with_the_cache_too(
    runner: CliRunner, data_dir: Path
) -> None:
    """The index keeps each list of units it has seen; ``-u`` is answered from the lists
    the tasks have now, as the files would answer it."""
    (data_dir / "2019").mkdir()
    clock = [1_500_000_000]
    _write(data_dir, "a", notice_yaml("a", [("1", 0, 2, 0, 0)]), clock)
    assert_same_with_and_without_cache(runner, data_dir)
    _write(data_dir, "a", notice_yaml("a", [("1", 0, 0, 0, 0)]), clock)
    assert_same_with_and_without_cache(runner, data_dir)
    week = ["week", "--data", str(data_dir), "--today", TODAY, "-u", OWNERS[2]]
    result = runner.invoke(app, week)
    assert result.exit_code == 1, result.output
    assert f"không có đơn vị hay nhóm nào tên '{OWNERS[2]}'" in result.stderr


@pytest.mark.parametrize("cached", [True, False])
def test_a_unit_name_holding_a_control_character_stays_one_unit(
    runner: CliRunner, seed_data: Path, _private_cache: Path, cached: bool
) -> None:
    """The index keeps each list of units whole: a name holding U+001F (warned about by
    ``check``) is one owner in the week's groups, not two."""
    path = seed_data / "2019" / "2019-02-18-giao-ban-khoi-phong-trao.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      - Các ban, đơn vị khối phong trào\n    deadline: trong Quý I/2019"
    assert old in text
    odd = "Văn phòng\\x1fBan Tổ chức"
    path.write_text(text.replace(old, f'      - "{odd}"\n    deadline: trong Quý I/2019'))
    args = ["week", "--format", "json", "--today", "2019-03-27", "--data", str(seed_data)]

    result = runner.invoke(app, args if cached else [*args, "--no-cache"])

    assert result.exit_code == 0, result.output
    units = [group["unit"] for group in json.loads(result.output)["groups"]]
    assert "Văn phòng\x1fBan Tổ chức" in units
    assert "Ban Tổ chức Trung ương Đoàn" not in units  # the name's second half: no group


def test_problems_are_never_cached_as_fine(
    runner: CliRunner, data_dir: Path, write_notice, _private_cache: Path
) -> None:
    write_notice("2019-02-18-a", notice_yaml("a", [("1", 0, 2, 3, 3), ("1", 0, 0, 0, 2)]))
    write_notice("2019-02-18-b", "id: [oops\n")
    write_notice("2019-02-18-c", notice_yaml("c", [("1", 0, 0, 0, 0)]))
    first = outputs(runner, data_dir)
    assert first[0][0] == 1 and "bad-deadline" in first[0][1] and "yaml-syntax" in first[0][1]
    assert outputs(runner, data_dir) == first
    assert _uncached(runner, data_dir) == first


def test_no_cache_option_and_variable_bypass_the_cache(
    runner: CliRunner, seed_data: Path, _private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["check", "--no-cache", str(seed_data)])
    assert result.exit_code == 0 and not cache_files(_private_cache)
    monkeypatch.setenv("GIAOBAN_NO_CACHE", "1")
    result = runner.invoke(app, ["export", "--format", "json", "--data", str(seed_data)])
    assert result.exit_code == 0 and not cache_files(_private_cache)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.lists(notice_strategy, min_size=1, max_size=3),
    edits=st.lists(edit_strategy, min_size=1, max_size=4),
)
def test_random_ledgers_and_edits_give_the_same_outputs(
    runner: CliRunner, tmp_path_factory: pytest.TempPathFactory, start: list, edits: list
) -> None:
    data = tmp_path_factory.mktemp("ledger")
    os.environ["GIAOBAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2019").mkdir()
    clock = [1_500_000_000]
    for name, tasks in start:
        _write(data, name, notice_yaml(name, tasks), clock)
    assert_same_with_and_without_cache(runner, data)
    for edit in edits:
        _apply(data, edit, clock)
        assert_same_with_and_without_cache(runner, data)


@pytest.mark.parametrize("names", [("2019-02-18-a", "x"), ("x", "2019-02-18-a")])
def test_a_file_renamed_is_checked_under_its_new_name(
    runner: CliRunner, data_dir: Path, names: tuple[str, str]
) -> None:
    """The same bytes under another name: its id no longer (or now) follows the name, and
    check says so, as it does without the cache (the last result was kept by bytes alone)."""
    old, new = names
    (data_dir / f"{old}.yaml").write_text(notice_yaml("a", []), encoding="utf-8")
    first = runner.invoke(app, ["check", str(data_dir)])
    (data_dir / f"{old}.yaml").rename(data_dir / f"{new}.yaml")
    again = runner.invoke(app, ["check", str(data_dir)])
    plain = runner.invoke(app, ["check", "--no-cache", str(data_dir)])
    assert (again.exit_code, again.stdout) == (plain.exit_code, plain.stdout)
    assert again.exit_code != first.exit_code  # one of the two names is wrong
    assert ("id-mismatch" in again.stdout) == (new == "x")


def _write(data: Path, name: str, text: str, clock: list[int]) -> None:
    """Write a notice with a modification time in the past, one second later each time.

    Old times make the cache trust the file's stamp (not "racy"); they never repeat.
    """
    path = data / "2019" / f"2019-02-18-{name}.yaml"
    path.write_text(text, encoding="utf-8")
    clock[0] += 1
    os.utime(path, ns=(clock[0] * 10**9, clock[0] * 10**9))


def _apply(data: Path, edit: tuple, clock: list[int]) -> None:
    kind, arg = edit
    if kind == "write":
        name, tasks = arg
        _write(data, name, notice_yaml(name, tasks), clock)
    elif kind == "delete":
        (data / "2019" / f"2019-02-18-{arg}.yaml").unlink(missing_ok=True)
    elif kind == "append":
        path = data / "2019" / f"2019-02-18-{arg}.yaml"
        if path.is_file():
            _write(data, arg, path.read_text(encoding="utf-8") + "# sửa\n", clock)
    elif kind == "units":
        extra = "  - name: Ban Không Có\n" if arg else ""
        (data / "units.yaml").write_text(
            MINIMAL_UNITS.replace("groups:\n", extra + "groups:\n"), encoding="utf-8"
        )
    else:
        (data / "settings.yaml").write_text(f"strict_before: {str(arg).lower()}\n")


# --- a damaged cache ------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a database at all" * 50,
        lambda data: data[: len(data) // 2],
        lambda data: data[:100] + bytes(b ^ 0xFF for b in data[100:4096]) + data[4096:],
        lambda data: data[:4096] + bytes(4096) + data[8192:],
    ],
    ids=["empty", "garbage", "truncated", "header-flipped", "page-zeroed"],
)
def test_a_damaged_index_is_rebuilt(
    runner: CliRunner, seed_data: Path, _private_cache: Path, damage
) -> None:
    """A damaged index is never taken for data. Found while loading, it is removed and
    made again from the files; found later in a command, the command stops with exit 1
    and says so, and the next run makes it again."""
    expected = _uncached(runner, seed_data)
    assert outputs(runner, seed_data) == expected
    path = index_of(_private_cache)
    in_index(_private_cache, "PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file
    path.write_bytes(damage(path.read_bytes()))
    for (code, output), (expected_code, expected_output) in zip(
        outputs(runner, seed_data), expected, strict=True
    ):
        if (code, output) != (expected_code, expected_output):
            assert code == 1 and "chỉ mục dữ liệu" in output and "đã xoá" in output, output
    assert outputs(runner, seed_data) == expected
    assert in_index(_private_cache, "SELECT count(*) FROM notices") == [(5,)]  # made again


@pytest.mark.parametrize("table", ["notices", "tasks", "files", "meta", "units"])
def test_an_index_missing_rows_reads_what_it_lacks(
    runner: CliRunner, seed_data: Path, _private_cache: Path, table: str
) -> None:
    """Rows taken out of the index by hand (or by a tool) are noticed and read again."""
    expected = _uncached(runner, seed_data)
    outputs(runner, seed_data)
    in_index(_private_cache, "PRAGMA foreign_keys = OFF")
    in_index(_private_cache, f"DELETE FROM {table}")
    assert outputs(runner, seed_data) == expected
    assert outputs(runner, seed_data) == expected


def test_a_cache_that_cannot_be_written_is_done_without(
    runner: CliRunner, seed_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _uncached(runner, seed_data)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("GIAOBAN_CACHE_DIR", str(blocked))
    assert outputs(runner, seed_data) == expected
    assert blocked.read_text() == "a file where the cache folder should be"


@pytest.mark.parametrize("garbage", ["text", ("a", "b"), None, (1, 2, 3, 4)])
def test_values_of_another_shape_are_ignored(
    runner: CliRunner, seed_data: Path, _private_cache: Path, garbage: object
) -> None:
    """Kept values of the wrong shape (written by hand, say) are ignored like any damage."""
    expected = _uncached(runner, seed_data)
    outputs(runner, seed_data)
    blob = pickle.dumps(garbage)
    in_index(_private_cache, "UPDATE meta SET value = ? WHERE name != 'key'", blob)
    in_index(_private_cache, "UPDATE files SET problems = ?", blob)
    assert outputs(runner, seed_data) == expected
    assert outputs(runner, seed_data) == expected


def test_a_file_rewritten_within_the_same_instant_is_read_again(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    """Same size, same modification time, other content: the digest tells them apart."""
    path = write_notice("2019-02-18-a", notice_yaml("a", [("1", 0, 0, 0, 0)]))
    first = outputs(runner, data_dir)
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("năm 2019", "năm 2020")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    second = outputs(runner, data_dir)
    assert second != first
    assert second == _uncached(runner, data_dir)


# --- several processes ----------------------------------------------------------


def _giaoban(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "giaoban", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )


def _many_notices(data: Path, count: int) -> None:
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2019").mkdir()
    for i in range(count):
        name = f"n{i:03d}"
        tasks = [("1", 0, i % 2, i % 3, 0), ("2", 0, 0, 1, 1)]
        text = notice_yaml(name, tasks)
        (data / "2019" / f"2019-02-18-{name}.yaml").write_text(text, encoding="utf-8")


def test_processes_filling_the_cache_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _many_notices(data, 60)
    env = {**os.environ, "GIAOBAN_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    args = ["check", "--format", "json", str(data)]
    expected = _giaoban(*args, "--no-cache", env=env)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "giaoban", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        for _ in range(4)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert (proc.returncode, out) == (expected.returncode, expected.stdout), err
    again = _giaoban(*args, env=env)
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)
    leftovers = [p for p in (tmp_path / "cache").rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_a_warm_run_reads_no_yaml(tmp_path: Path, seed_data: Path) -> None:
    """With every file in the cache, the YAML library is not even imported."""
    (seed_data / "settings.yaml").write_text("office: Văn phòng TW Đoàn\n", encoding="utf-8")
    env = {**os.environ, "GIAOBAN_CACHE_DIR": str(tmp_path / "cache")}
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from giaoban.checks.check import check_paths, ledger_folders, open_ledgers
        data = Path({str(seed_data)!r})
        report = check_paths(ledger_folders([data]), data)
        ledger = open_ledgers([data])
        tasks = sum(len(n.tasks) for n in ledger.notices)
        print(report.tasks, tasks, report.errors, "ruamel" in " ".join(sys.modules))
        """
    )
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, capture_output=True, text=True, env=env, cwd=REPO, check=True)
    second = subprocess.run(run, capture_output=True, text=True, env=env, cwd=REPO, check=True)
    assert first.stdout.split()[:3] == second.stdout.split()[:3] == ["70", "70", "0"]
    assert first.stdout.split()[3] == "True" and second.stdout.split()[3] == "False"


# --- the parallel cold path -------------------------------------------------------


def test_parallel_parsing_gives_the_same_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _many_notices(data, 30)
    sequential = load_ledger(data, use_cache=False)
    monkeypatch.setattr(pool, "PARALLEL_MIN", 2)
    monkeypatch.setattr(pool, "CHUNK", 4)
    monkeypatch.setattr(pool, "_cores", lambda: 2)
    parallel = load_ledger(data, use_cache=False)
    assert parallel.ledger == sequential.ledger
    assert parallel.problems == sequential.problems
    assert [t.fields for t in parallel.ledger.tasks()] == [
        t.fields for t in sequential.ledger.tasks()
    ]
    assert json.dumps(sorted(map(str, validate(parallel)))) == json.dumps(
        sorted(map(str, validate(sequential)))
    )


def test_progress_bar_counts_to_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    from giaoban.render.progress import progress

    with progress(3, "Đang đọc") as advance:
        advance(1)
        advance(2)
    assert capsys.readouterr().out == ""  # the bar never touches standard output


def test_one_changed_file_is_the_only_record_read_to_validate(
    seed_data: Path, _private_cache: Path
) -> None:
    """The id check runs over the ids kept in the cache, not over every record."""
    expected = load_ledger(seed_data, use_cache=False)
    validate(load_ledger(seed_data))
    changed = sorted(seed_data.rglob("20*.yaml"))[1]
    with changed.open("a", encoding="utf-8") as stream:
        stream.write("# ghi chú\n")
    result = load_ledger(seed_data)
    assert validate(result) == validate(expected)
    read = result.session.index.records.values()
    assert [n.source.path for n in read] == [str(changed)]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file owners as on POSIX")
def test_a_planted_cache_file_is_never_unpickled(
    runner: CliRunner, seed_data: Path, _private_cache: Path, tmp_path: Path
) -> None:
    """An index someone else could have written (here: one writable by others, as a file
    planted in a shared folder would be) is never read; its pickles do not run."""
    expected = _uncached(runner, seed_data)
    outputs(runner, seed_data)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    blob = pickle.dumps(Payload())
    in_index(_private_cache, "UPDATE notices SET record = ?", blob)
    in_index(_private_cache, "UPDATE meta SET value = ? WHERE name != 'key'", blob)
    in_index(_private_cache, "UPDATE files SET problems = ?", blob)
    index_of(_private_cache).chmod(0o666)  # writable by anyone: not this user's alone
    assert outputs(runner, seed_data) == expected
    assert not marker.exists()
    assert index_of(_private_cache).parent.stat().st_mode & 0o777 == 0o700


def test_an_index_that_refuses_writes_is_done_without(
    runner: CliRunner, seed_data: Path, _private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file index that cannot take writes (a read-only file; root, who runs the tests
    here, can write any file, so SQLite's refusal is made up) still gives every output:
    the run reads the files into an index in memory."""
    from giaoban.store import index as index_module

    expected = _uncached(runner, seed_data)
    outputs(runner, seed_data)
    (seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml").touch()  # read again

    class Refusing(sqlite3.Connection):
        def executemany(self, sql: str, rows: Iterable[Any], /) -> sqlite3.Cursor:
            raise sqlite3.OperationalError("attempt to write a readonly database")

    real = index_module._connect

    def connect(target: str) -> sqlite3.Connection:
        if target == ":memory:":
            return real(target)
        db = sqlite3.connect(target, isolation_level=None, factory=Refusing)
        db.execute("PRAGMA journal_mode = WAL")
        return db

    monkeypatch.setattr(index_module, "_connect", connect)
    assert outputs(runner, seed_data) == expected


def test_an_index_another_process_holds_is_never_taken_for_damaged(
    runner: CliRunner, seed_data: Path, _private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process writing the index for longer than a run waits for it (a first load
    of a large ledger on a slow machine) leaves the index alone: the run reads the files
    into an index of its own, gives every output, and says nothing of damage; the index
    and what it holds are still there for the next run."""
    from giaoban.store import index as index_module

    expected = _uncached(runner, seed_data)
    outputs(runner, seed_data)
    path = index_of(_private_cache)
    inode = path.stat().st_ino
    (seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml").touch()  # read again
    monkeypatch.setattr(index_module, "BUSY_WAIT", 0.2)  # seconds; the real wait is longer
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")  # a writer that holds on (readers too are kept out)
        assert outputs(runner, seed_data) == expected
        assert path.stat().st_ino == inode  # not removed under the other process
        other.execute("COMMIT")
    finally:
        other.close()
    assert in_index(_private_cache, "SELECT count(*) FROM notices") == [(5,)]
    assert outputs(runner, seed_data) == expected


# --- what else the index keeps --------------------------------------------------------


def test_the_days_off_of_a_weeks_year_are_kept_in_the_index(
    runner: CliRunner, seed_data: Path, _private_cache: Path
) -> None:
    """The weekly report asks whether its cut-off is a working day: the year's days off
    are computed once (by ``holidays``) and kept, then read from the index."""
    expected = _uncached(runner, seed_data)
    assert outputs(runner, seed_data) == expected
    ((blob,),) = in_index(_private_cache, "SELECT value FROM meta WHERE name = 'calendar:2019'")
    assert pickle.loads(blob) == year_calendar(2019)
    assert date(2019, 2, 5) in pickle.loads(blob).days_off  # Tết Kỷ Hợi
    assert outputs(runner, seed_data) == expected


def test_the_index_is_made_again_when_a_library_it_keeps_answers_of_is_reinstalled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readings of deadlines and days off depend on holidays, lunar_vn, lark and dateutil:
    another installed copy (another version) changes the key the index is kept under."""
    package = tmp_path / "site" / "kept_library_for_test"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "1.0"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(cache, "KEPT_FROM", (*cache.KEPT_FROM, "kept_library_for_test"))
    first = cache.code_key()
    assert cache.code_key() == first  # nothing changed: the same key
    shutil.rmtree(package)  # pip uninstall, then install of another version
    package.mkdir()
    (package / "__init__.py").write_text('__version__ = "1.1.0"\n', encoding="utf-8")
    assert cache.code_key() != first
    assert set(cache.KEPT_FROM) >= {"holidays", "lunar_vn", "lark", "dateutil"}
