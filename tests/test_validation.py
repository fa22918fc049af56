"""Which checks look at one notice at a time, and which at the whole ledger.

The index keeps the problems of ``validation.NOTICE_CHECKS`` per notice file
(``giaoban.checks.cached``) and finds them again only for the files that
changed; that is right only if each of those checks finds, over a ledger, the
problems it finds over each notice alone, each placed in that notice's file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.checks import validation
from giaoban.cli.main import app
from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem
from giaoban.store.loader import load_ledger
from tests.test_check import good

# One notice per problem a notice check finds: (file name, text, the code it must give).
_ONE_EACH = [
    ("duplicate-item", good() + '  - item: "1"\n    text: Lặp lại\n'),
    ("done-without-date", good().replace("status: open", "status: done")),
    (
        "done-before-notice",
        good().replace("status: open", "status: done\n    done_on: 2019-01-02"),
    ),
    ("bad-deadline", good().replace("trước ngày 25/02/2019", "khi nào rảnh thì làm")),
    ("deadline-before-notice", good().replace("trước ngày 25/02/2019", "trước ngày 25/02/2018")),
    (
        "unknown-unit",
        good().replace("owners: [Văn phòng Trung ương Đoàn]", "owners: [Ban Không Có]"),
    ),
    (
        "duplicate-owner",
        good().replace(
            "owners: [Văn phòng Trung ương Đoàn]", "owners: [Văn phòng Trung ương Đoàn, VP]"
        ),
    ),
    ("unknown-section", good().replace("    status: open", "    section: '9'\n    status: open")),
    ("control-character", good().replace("Xây dựng", "Xây\u202e dựng")),
    (
        "bad-occurrence",  # a Saturday recorded for a Friday duty
        good().replace("trước ngày 25/02/2019", "trước 14h00 thứ 6 hàng tuần")
        + "    done_occurrences: [2019-02-23]\n",
    ),
    ("start-without-due", good() + "    start: 2019-02-20\n"),
]


@pytest.fixture
def troubled(data_dir: Path, write_notice: Callable[..., Path]) -> Ledger:
    """A ledger of eight notices, each with one problem of a notice check, plus a good one,
    and a registry with problems of its own (a shared name, an unknown group member)."""
    _troubled_registry(data_dir / "units.yaml")
    for n, (code, text) in enumerate(_ONE_EACH):
        notice_id = f"2019-02-{10 + n:02d}-{code}"
        write_notice(notice_id, text.replace("2019-02-18-giao-ban", notice_id))
    write_notice("2019-02-18-giao-ban", good())
    return load_ledger(data_dir, use_cache=False).ledger


def _troubled_registry(units: Path) -> None:
    units.write_text(
        units.read_text(encoding="utf-8").replace("short: [BTC]", "short: [BTC, vp]")
        + "  - name: Ban Thiếu\n    members: [Ban Không Có]\n",
        encoding="utf-8",
    )


def _alone(ledger: Ledger, check: validation.Check) -> list[Problem]:
    found = []
    for notice in ledger.notices:
        found += check(Ledger(ledger.root, (notice,), ledger.registry, ledger.settings))
    return found


@pytest.mark.parametrize("check", validation.NOTICE_CHECKS, ids=lambda c: c.__name__)
def test_a_notice_check_finds_over_a_ledger_what_it_finds_in_each_notice_alone(
    troubled: Ledger, check: validation.Check
) -> None:
    found = check(troubled)
    assert found == _alone(troubled, check)
    paths = {notice.source.path for notice in troubled.notices}
    assert found and all(problem.source.path in paths for problem in found)


def test_every_problem_of_the_notices_is_found_once_in_its_own_file(troubled: Ledger) -> None:
    found = [p for check in validation.NOTICE_CHECKS for p in check(troubled)]
    by_file = {Path(p.source.path).stem.split("-", 3)[3]: p.code for p in found}
    assert by_file == {code: code for code, _ in _ONE_EACH}
    assert len(found) == len(_ONE_EACH)


def test_the_ledger_checks_are_not_notice_checks(
    data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """A notice id found twice, and the registry's own problems, are not any one notice's:
    checked notice by notice, they are missed or said once per notice."""
    assert set(validation.CHECKS) == {*validation.NOTICE_CHECKS, *validation.LEDGER_CHECKS}
    assert not set(validation.NOTICE_CHECKS) & set(validation.LEDGER_CHECKS)
    units = data_dir / "units.yaml"
    _troubled_registry(units)
    write_notice("2019-02-18-giao-ban", good())
    write_notice("2019-03-18-giao-ban", good())  # its id is the first one's: a duplicate
    ledger = load_ledger(data_dir, use_cache=False).ledger
    ids = validation.check_ids(ledger)
    assert [p.code for p in ids] == ["id-mismatch", "duplicate-notice"]
    assert [p.code for p in _alone(ledger, validation.check_ids)] == ["id-mismatch"]
    registry = validation.check_registry(ledger)
    assert sorted(p.code for p in registry) == ["shared-unit-name", "unknown-unit"]
    assert all(p.source.path == str(units) for p in registry)
    assert len(_alone(ledger, validation.check_registry)) == 2 * len(registry)


def test_problems_are_the_same_through_the_index_after_one_file_changed(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """The index keeps each notice's problems and the registry's are found every run: a
    changed notice and a changed registry both show, as without the index."""
    for n, (code, text) in enumerate(_ONE_EACH):
        notice_id = f"2019-02-{10 + n:02d}-{code}"
        write_notice(notice_id, text.replace("2019-02-18-giao-ban", notice_id))
    fixed = write_notice("2019-02-18-giao-ban", good())

    def check() -> tuple[str, str]:
        cached = runner.invoke(app, ["check", str(data_dir)])
        fresh = runner.invoke(app, ["check", str(data_dir), "--no-cache"])
        assert cached.stdout == fresh.stdout
        return cached.stdout, fresh.stdout

    first, _ = check()
    assert first.count("[") >= len(_ONE_EACH)
    fixed.write_text(good().replace("Xây dựng", "Xây\u202e dựng"), encoding="utf-8")
    units = data_dir / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("short: [BTC]", "short: [BTC, vp]"),
        encoding="utf-8",
    )
    second, _ = check()
    assert second.count("[control-character]") == 2
    assert second.count("[shared-unit-name]") == 1


def test_each_text_with_a_control_character_is_placed_where_it_is_written(
    data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """The notice is searched once for control characters; where there are some, each
    text holding one is named at its own line, and the clean ones are not."""
    text = (
        good()
        .replace("title: Kết luận", "title: Kết\u202e luận")
        .replace(
            "owners: [Văn phòng Trung ương Đoàn]",
            "owners: [Văn phòng Trung ương Đoàn, 'B\u202dTC']",
        )
        + '    notes:\n      - {date: 2019-02-19, text: "Đã họp"}\n'
        + '      - {date: 2019-02-20, text: "Đã\u2066 gửi"}\n'
    )
    write_notice("2019-02-18-giao-ban", text)
    ledger = load_ledger(data_dir, use_cache=False).ledger
    found = validation.check_text(ledger)
    assert [(p.code, p.source.line) for p in found] == [
        ("control-character", 3),  # the title
        ("control-character", 8),  # the second owner
        ("control-character", 13),  # the second note
    ]
    assert "\\u202e" in found[0].message and "\\u202d" in found[1].message
