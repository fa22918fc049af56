"""Atomic writes (temporary file, check, rename; never clobber) and the ledger lock."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from giaoban.edit.transaction import (
    LOCK_FILE,
    LockTimeoutError,
    ledger_checker,
    ledger_lock,
    read_source,
)
from giaoban.model.problems import Source, error, warning
from giaoban.store.files import FileExistsGiaobanError, write_atomic


def test_write_replaces_the_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    assert write_atomic(target, b"new\n") == ()
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_errors_of_the_check_stop_the_write_and_name_the_target(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old\n")
    seen = []

    def check(temp: Path):
        seen.append((temp.name, temp.read_bytes()))
        return [
            error(Source(str(temp), 2, 1), "bad-value", "sai"),
            warning(Source(str(temp), 3, 1), "unknown-unit", "lạ"),
        ]

    problems = write_atomic(target, b"new\n", check=check)
    assert seen == [("a.yaml", b"new\n")]  # checked under the target's own name
    assert [(p.source.path, p.code) for p in problems] == [(str(target), "bad-value")]
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_warnings_alone_do_not_stop_the_write(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    assert write_atomic(target, b"x\n", check=lambda t: [warning(Source(str(t)), "w", "w")]) == ()
    assert target.read_bytes() == b"x\n"


def test_exclusive_never_clobbers(tmp_path: Path) -> None:
    target = tmp_path / "2019" / "a.yaml"
    assert write_atomic(target, b"first\n", exclusive=True) == ()
    with pytest.raises(FileExistsGiaobanError, match="đã có"):
        write_atomic(target, b"second\n", exclusive=True)
    assert target.read_bytes() == b"first\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.yaml"]


def test_source_text_keeps_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: a\r\nkind: k\r\n")
    source = read_source(path)
    assert source.text == "id: a\nkind: k\n" and source.bom and source.ends == ("\r\n", "\r\n")
    assert source.encode(source.text + "x: 1\n") == b"\xef\xbb\xbfid: a\r\nkind: k\r\nx: 1\r\n"


@pytest.mark.parametrize(
    ("new", "written"),
    [
        # a line added: the end of the line before it; the others keep their own
        ("a\nb\nX\nc\nd\n", b"a\r\nb\nX\nc\r\nd\n"),
        ("a\nX\nb\nc\nd\n", b"a\r\nX\r\nb\nc\r\nd\n"),
        ("X\na\nb\nc\nd\n", b"X\r\na\r\nb\nc\r\nd\n"),  # at the top: the first line's
        # a line changed in place keeps its end; one taken out takes nothing with it
        ("a\nB\nc\nd\n", b"a\r\nB\nc\r\nd\n"),
        ("a\nc\nd\n", b"a\r\nc\r\nd\n"),
        # added at the end of a file without a final line break: the last line's end
        ("a\nb\nc\nd\nY", b"a\r\nb\nc\r\nd\nY"),
    ],
)
def test_an_edit_of_a_file_with_both_line_ends_keeps_each_lines_own(
    tmp_path: Path, new: str, written: bytes
) -> None:
    """A file edited on two machines ends some lines with CRLF and others with LF: an edit
    changes only its own lines, so every other line keeps the end it had."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a\r\nb\nc\r\nd\n")
    source = read_source(path)
    assert source.text == "a\nb\nc\nd\n" and source.ends == ("\r\n", "\n", "\r\n", "\n")
    assert source.encode(new) == written


def test_ledger_checker_runs_giaoban_check(data_dir: Path) -> None:
    target = data_dir / "2019" / "2019-01-01-a.yaml"
    bad = b"id: 2019-01-01-a\nkind: k\ntitle: t\ndate: 2019-01-01\ntasks:\n  - item: '1'\n"
    bad += b"    text: t\n    status: xong\n"
    problems = write_atomic(target, bad, check=ledger_checker(data_dir))
    assert [(p.source.path, p.source.line, p.code) for p in problems] == [
        (str(target), 8, "bad-value")
    ]
    assert not target.exists()


def _hold(folder: str, seconds: float, ready) -> None:
    with ledger_lock(Path(folder)):
        ready.set()
        time.sleep(seconds)


def test_the_lock_is_exclusive_between_processes(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(tmp_path), 1.5, ready))
    holder.start()
    try:
        assert ready.wait(20)
        with pytest.raises(LockTimeoutError, match="đang bị một lệnh giaoban khác khóa"):
            with ledger_lock(tmp_path, timeout=0.2):
                pass
        started = time.monotonic()
        with ledger_lock(tmp_path, timeout=20):
            waited = time.monotonic() - started
    finally:
        holder.join(20)
    assert waited > 0.3
    assert not (tmp_path / LOCK_FILE).exists()  # removed by its last holder


def _count(folder: str, times: int) -> None:
    counter = Path(folder) / "counter"
    for _ in range(times):
        with ledger_lock(Path(folder)):
            value = int(counter.read_text()) if counter.exists() else 0
            write_atomic(counter, str(value + 1).encode())


def test_no_increment_is_lost_under_the_lock(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_count, args=(str(tmp_path), 40)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert (tmp_path / "counter").read_text() == "160"


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_new_files_get_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "n.yaml"
    write_atomic(target, b"x\n", exclusive=True)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
