"""A notice the ledger already holds is found before it is added again, by every way in.

Same number in the same year, or same date and title (``giaoban.edit.duplicates``):
``add`` (flags, file, interview), ``add --from-text`` (before the review, so no
review is lost) and ``import --save`` refuse it and name the notice there;
``--allow-duplicate`` adds it all the same under a new id.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.duplicates import match_key, same_notices
from giaoban.model.ledger import Notice
from giaoban.model.problems import Source
from tests.conftest import run_git

HERE = Path(__file__).resolve().parent / "data" / "import"
SEED = sorted((HERE / "seeds").glob("*.txt"))[4]  # 29/08/2023, "Rà soát phần mềm ..."
TITLE = "Kết luận giao ban tháng 3"


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    data = git_repo / "data"
    data.mkdir()
    shutil.copy(HERE / "units.yaml", data / "units.yaml")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Danh mục đơn vị")
    return data


def add(runner: CliRunner, data: Path, *args: str, **kw):
    return runner.invoke(app, ["add", *args, "--data", str(data)], **kw)


def notices(data: Path) -> list[str]:
    return sorted(p.stem for p in data.rglob("*.yaml") if p.name != "units.yaml")


def commits(data: Path) -> int:
    return int(run_git(data.parent, "rev-list", "--count", "HEAD"))


def flags(number: str, day: str, title: str = TITLE) -> list[str]:
    return ["--title", title, "--date", day, "--number", number, "--task", "Báo cáo | chủ trì: VP"]


def test_numbers_compare_without_spaces_case_or_marks() -> None:
    assert match_key("459 /PGD&ĐT") == match_key("459/pgd&dt") == "459 pgd dt"
    assert match_key("12/TB-UBND") != match_key("12/TB-HĐND")
    assert match_key(None) == ""


def test_same_number_counts_only_within_one_year() -> None:
    there = Notice("a", "thông báo", "Khác", date(2020, 3, 2), Source("a.yaml"), number="12/TB")
    assert [e.id for e in same_notices([there], "12 / tb", date(2020, 11, 1), "X")] == ["a"]
    assert same_notices([there], "12/TB", date(2021, 3, 2), "X") == []  # numbered anew
    assert [e.id for e in same_notices([there], None, date(2020, 3, 2), "khác")] == ["a"]


def test_add_refuses_the_same_number_in_the_same_year(runner: CliRunner, ledger: Path) -> None:
    assert add(runner, ledger, *flags("12/TB-VP", "02/03/2020")).exit_code == 0
    [first] = notices(ledger)
    before = commits(ledger)
    again = add(runner, ledger, *flags("12 /TB-VP", "09/03/2020", "Một trích yếu khác"))
    assert again.exit_code == 1
    assert "đã có trong sổ" in again.output and first in again.output
    assert "cùng số 12/TB-VP năm 2020" in again.output and "--allow-duplicate" in again.output
    assert notices(ledger) == [first] and commits(ledger) == before
    # the same number a year later is another notice
    assert add(runner, ledger, *flags("12/TB-VP", "02/03/2021")).exit_code == 0
    assert len(notices(ledger)) == 2


def test_add_refuses_the_same_date_and_title(runner: CliRunner, ledger: Path) -> None:
    assert add(runner, ledger, *flags("1/TB", "02/03/2020")).exit_code == 0
    again = add(runner, ledger, *flags("", "02/03/2020", TITLE.upper()))
    assert again.exit_code == 1 and "cùng ngày 02/03/2020 và trích yếu" in again.output
    forced = add(runner, ledger, *flags("", "02/03/2020"), "--allow-duplicate")
    assert forced.exit_code == 0, forced.output
    assert notices(ledger)[1].endswith("-2")


def test_import_save_refuses_a_notice_already_there(runner: CliRunner, ledger: Path) -> None:
    save = ["import", str(SEED), "--save", "--data", str(ledger)]
    assert runner.invoke(app, save).exit_code == 0
    [first] = notices(ledger)
    before = commits(ledger)
    again = runner.invoke(app, save)
    assert again.exit_code == 1 and first in again.stderr
    assert notices(ledger) == [first] and commits(ledger) == before
    assert not [p for p in ledger.rglob(".giaoban*") if p.is_dir()]
    # printing a draft is not refused, but says the notice is there
    printed = runner.invoke(app, ["import", str(SEED), "--data", str(ledger)])
    assert printed.exit_code == 0
    assert f"⚠ sổ đã có thông báo này: {first}" in printed.stderr


def test_from_text_refuses_before_the_review(runner: CliRunner, ledger: Path) -> None:
    assert runner.invoke(app, ["import", str(SEED), "--save", "--data", str(ledger)]).exit_code == 0
    result = add(runner, ledger, "--from-text", str(SEED), input="\n" * 40)
    assert result.exit_code == 1
    assert "đã có trong sổ" in result.output
    assert "Mục " not in result.output  # not one task was put to the clerk


def test_from_text_asks_again_for_a_taken_id(runner: CliRunner, ledger: Path) -> None:
    taken = "2023-08-29-da-co"
    (ledger / "2023").mkdir()
    (ledger / "2023" / f"{taken}.yaml").write_text(
        "id: 2023-08-29-da-co\nkind: thông báo\ntitle: Một thông báo khác\n"
        "date: 2023-08-29\ntasks: []\n",
        encoding="utf-8",
    )
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "Một thông báo khác")
    # title and date as proposed; a taken id, then a new one; keep every task; save
    answers = ["", "", taken, "2023-08-29-ra-soat", *["g"] * 30]
    result = add(runner, ledger, "--from-text", str(SEED), input="\n".join(answers) + "\ny\n")
    assert result.exit_code == 0, result.output
    assert f"mã '{taken}' đã có trong sổ" in result.output
    assert result.output.index("đã có trong sổ") < result.output.index("Mục ")
    assert "2023-08-29-ra-soat" in notices(ledger)
