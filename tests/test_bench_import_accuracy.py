"""The import benchmark reads a clerk's item label as the number path giaoban writes."""

from __future__ import annotations

import sys

import pytest

from giaoban.importer.draftmodel import DraftTask
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import import_accuracy  # noqa: E402 - bench/ is not a package


@pytest.mark.parametrize(
    ("expected", "found"),
    [
        ("I. a", "I.a"),  # a space after the dot is how it was printed, not another number
        ("1.a", "1.a"),
        ("Bước 1", "1"),  # a step's number is its number
        ("3. Bước 1", "3.1"),  # step 1 under item 3 (docs/format.md)
        ("Bước 2 -", "2.1"),  # a dash under step 2: any item under it
        ("Bước 2 -", "2"),
        ("2 (Chú ý)", "2.4"),
        ("II.1", "II.1-2"),
        ("3.1", "3.1.3"),
    ],
)
def test_labels_that_name_the_same_item(expected: str, found: str) -> None:
    assert import_accuracy.item_ok(expected, found)


@pytest.mark.parametrize(
    ("expected", "found"),
    [
        ("I. a", "I.b"),
        ("Bước 1", "2"),
        ("3. Bước 4", "3.5"),
        ("Bước 2 -", "3.1"),
        ("3", "31"),
        ("(closing)", "4"),
    ],
)
def test_labels_that_name_another_item(expected: str, found: str) -> None:
    assert not import_accuracy.item_ok(expected, found)


def test_tasks_of_like_wording_are_told_apart_by_their_deadline() -> None:
    # the same job under two sections, each with its section's time as its deadline
    first = DraftTask("1.5", "Bầu Ban Chấp hành chi đoàn.", deadline="từ 15/10/2018 đến 24/11/2018")
    second = DraftTask("2.6", "Bầu Ban Chấp hành chi đoàn.", deadline="24/9/2018 đến 27/10/2018")
    wanted = import_accuracy.Expected(
        "2", "Bầu Ban Chấp hành chi đoàn", [], "24/9/2018 đến 27/10/2018"
    )
    assert import_accuracy._match(wanted, [first, second]) is second
