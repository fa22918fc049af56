"""Reading many files here and in worker processes gives what reading them in turn gives."""

from __future__ import annotations

import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from giaoban.checks.validation import NoticeChecker
from giaoban.deadline import DeadlineSettings
from giaoban.model.ledger import Notice
from giaoban.model.settings import Settings
from giaoban.store import noticefile, pool
from giaoban.store.index import notice_rows
from giaoban.store.loader import load_registry
from tests.conftest import DATA

NOTICE = """\
id: {name}
kind: thông báo kết luận
title: Giao ban tháng {month}
date: 2024-{month:02d}-{day:02d}
tasks:
  - item: "1"
    text: Báo cáo kết quả
    owners: [Văn phòng Trung ương Đoàn, BTC]
    deadline: {deadline}
  - item: "2"
    text: Tổng hợp
    owners: [VP]
    deadline: thường xuyên
    staus: open
"""
DEADLINES = ["trước ngày 25/{month:02d}", "tháng 13", "sau 7 ngày", "ngày 15 hằng tháng"]


def _files(root: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        month, day = n % 12 + 1, n % 27 + 1
        name = f"2024-{month:02d}-{day:02d}-giao-ban-{n:03d}"
        text = NOTICE.format(
            name=name, month=month, day=day, deadline=DEADLINES[n % 4].format(month=month)
        )
        if n % 10 == 7:
            text = text.replace("tasks:", "tasks: [")  # a syntax error
        path = root / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _shape(notice: Notice | None) -> object:
    """A record with the positions of its fields, which records leave out of ``==``."""
    if notice is None:
        return None
    return (notice, list(notice.fields.items()), [list(t.fields.items()) for t in notice.tasks])


@pytest.mark.parametrize("cores", [2, 3])
def test_parallel_reading_equals_reading_in_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    paths = _files(tmp_path, 45)
    settings = DeadlineSettings()
    in_turn = [noticefile.read_notice(path, settings) for path in paths]
    monkeypatch.setattr(pool, "PARALLEL_MIN", 1)
    monkeypatch.setattr(pool, "CHUNK", 4)
    monkeypatch.setattr(pool, "_cores", lambda: cores)
    registry = load_registry(DATA / "units.yaml", [])
    checker = NoticeChecker(str(tmp_path), registry, Settings())
    spread = pool.parse_files(paths, settings, checker)
    assert len(spread) == len(in_turn)
    zone = ZoneInfo(settings.tz)
    for (digest_a, (notice_a, found_a), record, rows, checked), (
        digest_b,
        (notice_b, found_b),
    ) in zip(spread, in_turn, strict=True):
        assert digest_a == digest_b
        assert found_a == found_b
        if notice_a is None and record is not None:  # read by a worker: sent pickled
            notice_a = pickle.loads(record)
        assert _shape(notice_a) == _shape(notice_b)
        assert rows == (None if notice_b is None else notice_rows(notice_b, zone))
        # checked where it was read, as the notice read in turn is checked here
        assert checked == (None if notice_b is None else checker(notice_b))
    assert any(found for _, (_, found), _, _, _ in spread)
    assert any(record is not None for _, _, record, _, _ in spread)  # some came from a worker
    # the checks found something: "tháng 13" is no deadline
    assert any(checked and checked[0] for *_, checked in spread)
