"""The loader on the bundled seed notices and on small inline files."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban.checks.validation import validate
from giaoban.deadline import Deadline
from giaoban.store.loader import LoadResult, load_ledger, notice_files
from tests.conftest import DATA

SEED_TASKS = {
    "2018-08-02-so-ket-6-thang-dau-nam-2018": 7,
    "2019-02-18-giao-ban-khoi-phong-trao": 19,
    "2021-04-09-giao-ban-doan-khoi-quy-ii-2021": 13,
    "2022-04-14-giao-ban-khoi-phong-trao": 24,
    "2023-08-29-ra-soat-phan-mem-quan-ly-doan-vien": 7,
}


@pytest.fixture(scope="module")
def seeds() -> LoadResult:
    return load_ledger(DATA)


def test_every_seed_loads_without_problems(seeds: LoadResult) -> None:
    assert seeds.problems == ()
    assert validate(seeds.ledger) == []
    assert {n.id: len(n.tasks) for n in seeds.ledger.notices} == SEED_TASKS


def test_registry_and_settings_are_not_notices() -> None:
    names = {p.name for p in notice_files(DATA)}
    assert "units.yaml" not in names and "settings.yaml" not in names
    assert len(names) == len(SEED_TASKS)


def test_every_seed_deadline_resolves(seeds: LoadResult) -> None:
    for task in seeds.ledger.tasks():
        assert task.deadline_text, task.id
        assert isinstance(task.deadline, Deadline), (task.id, task.deadline)


def test_records_carry_their_source_line(seeds: LoadResult) -> None:
    notice = seeds.ledger.notice("2019-02-18-giao-ban-khoi-phong-trao")
    assert notice is not None
    task = next(t for t in notice.tasks if t.item == "3")
    lines = Path(task.source.path).read_text(encoding="utf-8").splitlines()
    assert lines[task.at("item").line - 1].strip().startswith('- item: "3"')
    assert "trước ngày 25/02/2019" in lines[task.at("deadline").line - 1]
    assert task.deadline_text == "trước ngày 25/02/2019"
    assert task.id == "2019-02-18-giao-ban-khoi-phong-trao#3"


def test_seed_003_attendance(seeds: LoadResult) -> None:
    notice = seeds.ledger.notice("2021-04-09-giao-ban-doan-khoi-quy-ii-2021")
    assert notice is not None and notice.meeting is not None
    attendance = notice.meeting.attendance
    assert attendance is not None
    assert (attendance.present, attendance.total) == (49, 56)
    assert len(attendance.absent_excused) == 3 and len(attendance.absent_unexcused) == 4


def test_seed_000_weekly_duty_is_item_6_2(seeds: LoadResult) -> None:
    notice = seeds.ledger.notice("2022-04-14-giao-ban-khoi-phong-trao")
    assert notice is not None
    task = next(t for t in notice.tasks if t.item == "6.2")
    assert task.deadline_text == "trước 14h00 thứ 6 hàng tuần"
    assert isinstance(task.deadline, Deadline) and task.deadline.kind == "recurring"


def test_records_are_immutable(seeds: LoadResult) -> None:
    task = next(seeds.ledger.tasks())
    with pytest.raises(AttributeError):
        task.status = "done"  # type: ignore[misc]
