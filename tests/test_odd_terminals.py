"""Output that survives odd terminals: a stream that is not UTF-8, a narrow window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO

NOTICE = """\
id: 2024-03-01-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tuần đầu tháng
date: 2024-03-01
tasks:
  - {item: "1", owners: [Ban Tổ chức Trung ương Đoàn], deadline: trước ngày 06/03/2024,
     text: Hoàn thành rà soát hồ sơ đoàn viên cầu đường}
  - {item: "2", owners: [VP], deadline: trước 14h00 ngày 20/02/2024,
     text: Báo cáo tổng hợp kết quả công tác tháng}
"""


def giaoban(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The real CLI in a subprocess, its streams in the encodings ``env`` names."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GIAOBAN_", "PYTHONIO"))}
    clean |= {"PYTHONPATH": str(REPO), "NO_COLOR": "1", "COLUMNS": "100", "GIAOBAN_PAGER": "0"}
    return subprocess.run(
        [sys.executable, "-m", "giaoban", *args, "--data", str(data)],
        env=clean | env,
        capture_output=True,
        check=False,
    )


@pytest.fixture
def data(data_dir: Path, write_notice: Callable[..., Path]) -> Path:
    write_notice("2024-03-01-giao-ban", NOTICE)
    return data_dir


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1", "ascii"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_stream_that_is_not_utf8_gets_utf8(data: Path, encoding: str, fmt: str) -> None:
    """A Vietnamese Windows redirect (cp1258) or a latin-1 locale: the whole output, in UTF-8."""
    args = ("list", "--today", "2024-03-05", "--format", fmt)
    done = giaoban(data, *args, PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    out = done.stdout.decode("utf-8")
    assert "Hoàn thành rà soát hồ sơ" in out
    if fmt == "json":  # a whole document
        whole = json.dumps(json.loads(out), ensure_ascii=False)
        assert "Hoàn thành rà soát hồ sơ đoàn viên cầu đường" in whole


def test_a_message_on_a_latin1_stderr_is_utf8(data: Path) -> None:
    done = giaoban(data, "list", "--today", "30/02/2024", PYTHONIOENCODING="latin-1")
    assert done.returncode == 2
    assert "ngày 30/02/2024 không có thật" in done.stderr.decode("utf-8")


@pytest.mark.parametrize("command", ["list", "week", "overdue", "due"])
def test_a_narrow_terminal_shows_every_column(data: Path, command: str) -> None:
    """At 40 columns each row is a block of "label: value" lines: the deadline and the
    time left are still there; at 100 columns it is the table."""
    args = (command, "--today", "2024-03-05", "--all") if command == "overdue" else (command,)
    args = args if command == "overdue" else (*args, "--today", "2024-03-05")
    narrow = giaoban(data, *args, COLUMNS="40").stdout.decode("utf-8")
    assert "  Hạn: 20/02/2024 14:00" in narrow, narrow
    assert "  Còn lại: quá hạn 14 ngày" in narrow
    if command in ("list", "overdue"):
        assert "  Đơn vị chủ trì: VP" in narrow or "  Đơn vị chủ trì: Văn phòng" in narrow
    assert all(len(line) <= 40 for line in narrow.splitlines())
    wide = giaoban(data, *args, COLUMNS="100").stdout.decode("utf-8")
    assert "Hạn:" not in wide and "20/02/2024 14:00" in wide
