"""Writes the system refuses (a read-only data folder, a file size over the limit the
disk allows): a located Vietnamese message and exit 1, never a traceback; the file as it
was, no staging folder left, and a new notice given by flags kept as a draft."""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store.files import WriteFailedError, writing
from tests.conftest import run_git

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 3/2024
date: 2024-03-01
tasks:
  - item: "1"
    text: Báo cáo tổng kết quý I
    owners: [Văn phòng]
    deadline: trước ngày 15/03/2024
"""
PATH = "2024/2024-03-01-giao-ban.yaml"


@pytest.fixture
def notice(ledger: Path) -> Path:
    path = ledger / PATH
    path.parent.mkdir()
    path.write_text(NOTICE, encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "Thông báo")
    return path


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` unwritable: its mode for a user, a read-only bind mount for root (who
    writes whatever the mode says); skipped where neither can be had."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    mount = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip("root without mount: no read-only folder to be had")
    try:
        ro = ["mount", "-o", "remount,bind,ro", str(folder)]
        if subprocess.run(ro, capture_output=True).returncode != 0:
            pytest.skip("no read-only remount here")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_edit_in_a_read_only_folder_names_it(
    runner: CliRunner, notice: Path, temp_dir: Path
) -> None:
    data = notice.parents[1]
    with read_only(data):
        done = ["done", "2024-03-01#1", "--today", "2024-03-12", "--data", str(data)]
        result = runner.invoke(app, done)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"không ghi được '{data / '.giaoban.lock'}'" in result.output
    assert f"thư mục '{data}'" in result.output and "chưa ghi gì" in result.output
    assert notice.read_text(encoding="utf-8") == NOTICE


def test_add_in_a_read_only_folder_keeps_the_notice_as_a_draft(
    runner: CliRunner, notice: Path, temp_dir: Path
) -> None:
    data = notice.parents[1]
    flags = ["--title", "Thử", "--date", "09/03/2024", "--id", "2024-03-09-thu"]
    task = ["--task", "Việc | chủ trì: Văn phòng | hạn: trước ngày 20/03/2024"]
    with read_only(data):
        result = runner.invoke(app, ["add", *flags, *task, "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "không ghi được" in result.output and "chưa ghi gì" in result.output
    drafts = list(temp_dir.glob("giaoban-add-kept-*/2024-03-09-thu.yaml"))
    assert len(drafts) == 1
    assert "Thử" in drafts[0].read_text(encoding="utf-8")
    assert f"giaoban add --from-file {drafts[0]} --data {data}" in result.output
    assert not (data / "2024" / "2024-03-09-thu.yaml").exists()


def _file_size_limit(limit: int) -> None:
    """In the child: writes past ``limit`` bytes fail (EFBIG) instead of killing it."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_an_edit_the_disk_refuses_leaves_the_file_and_no_staging_folder(notice: Path) -> None:
    """The child may write no file over 200 bytes: the staged copy of the notice fails
    as on a full disk (the index falls back to memory, as it always does)."""
    data = notice.parents[1]
    command = [sys.executable, "-m", "giaoban", "done", "2024-03-01#1", "--today", "2024-03-12"]
    result = subprocess.run(
        command,
        cwd=data.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=lambda: _file_size_limit(200),  # noqa: PLW1509 - no threads in the test
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"giaoban: lỗi: không ghi được '{Path('data') / PATH}'" in result.stderr
    assert "chưa ghi gì, các tệp giữ nguyên" in result.stderr
    assert notice.read_text(encoding="utf-8") == NOTICE
    assert sorted(p.name for p in notice.parent.iterdir()) == [notice.name]
    assert run_git(data.parent, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.ENOSPC, "ổ đĩa hết chỗ; chưa ghi gì, các tệp giữ nguyên; hãy giải phóng chỗ trống"),
        (errno.EROFS, "hãy gắn lại ổ đĩa của thư mục 'data/2024' cho phép ghi"),
        (errno.EACCES, "hãy cho tài khoản này quyền ghi vào thư mục 'data/2024'"),
    ],
)
def test_a_refused_write_says_why_and_what_to_do(code: int, said: str) -> None:
    target = Path("data/2024/a.yaml")
    with pytest.raises(WriteFailedError) as caught, writing(target):
        raise OSError(code, os.strerror(code))
    assert str(caught.value).startswith(f"không ghi được '{target}': ")
    assert said in str(caught.value)


def test_an_edit_whose_draft_the_temporary_folder_refuses_says_so(
    runner: CliRunner, notice: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``edit`` makes its draft in the system's temporary folder before the editor opens:
    a full or read-only temporary folder is said, exit 1, the notice as it was."""
    monkeypatch.setenv("EDITOR", "true")
    data = notice.parents[1]
    with read_only(temp_dir):
        result = runner.invoke(app, ["edit", "2024-03-01", "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"không ghi được '{temp_dir}" in result.output and "chưa ghi gì" in result.output
    assert notice.read_text(encoding="utf-8") == NOTICE


def test_add_where_neither_the_folder_nor_the_temporary_folder_takes_a_file(
    runner: CliRunner, notice: Path, temp_dir: Path
) -> None:
    """No draft can be kept either: the refusal is said as it is, never a traceback."""
    data = notice.parents[1]
    flags = ["--title", "Thử", "--date", "09/03/2024", "--id", "2024-03-09-thu"]
    with read_only(data), read_only(temp_dir):
        result = runner.invoke(app, ["add", *flags, "--task", "Việc", "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"không ghi được '{data / '.giaoban.lock'}'" in result.output
    assert "giữ làm bản nháp" not in result.output
    assert not list(temp_dir.iterdir())
