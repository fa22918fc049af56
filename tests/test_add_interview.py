"""``giaoban add`` asked question by question: each answer is checked when it is typed, an
empty answer gives what its question says, and no answer typed is lost at the end."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain

SEED = Path(__file__).parent / "data" / "import" / "seeds" / "004_ccd0dfa3cbc172ed.txt"


def head(title: str, day: str) -> list[str]:
    """The answers before the tasks: kind, number, title, issuer, date, id (defaults)."""
    return ["", "", title, "", day, ""]


def task(text: str, item: str, deadline: str = "") -> list[str]:
    """One task's answers: text, item, owners, supports, deadline."""
    return [text, item, "VP", "", deadline]


def add(runner: CliRunner, data: Path, answers: list[str], *args: str):
    return runner.invoke(app, ["add", "--data", str(data), *args], input="\n".join(answers) + "\n")


def written(data: Path, year: str) -> dict:
    [path] = (data / year).glob("*.yaml")
    return load_plain(path.read_text(encoding="utf-8"))


# --- the deadline question --------------------------------------------------------------------


def test_an_empty_deadline_after_an_unreadable_one_gives_no_deadline(
    runner: CliRunner, ledger: Path
) -> None:
    # an unreadable phrase, no pin, then an empty answer: "bỏ trống: thường xuyên", as asked
    answers = head("Giao ban tháng 2", "18/02/2019")
    answers += ["Việc A", "", "VP", "", "trước ngày 30/02/2019", "", "", "", "y"]
    result = add(runner, ledger, answers, "--today", "2019-02-18")
    assert result.exit_code == 0, result.output
    asked = [line for line in result.output.split("\n") if "Hạn (" in line]
    assert len(asked) == 2
    assert "[trước ngày 30/02/2019]" not in result.output
    [only] = written(ledger, "2019")["tasks"]
    assert only["text"] == "Việc A" and "deadline" not in only


def test_a_deadline_question_with_a_default_says_an_empty_answer_keeps_it(
    runner: CliRunner, ledger: Path
) -> None:
    shutil.copy(Path(__file__).parent / "data" / "import" / "units.yaml", ledger / "units.yaml")
    # correct task 1.4: its deadline kept by an empty answer; keep the others as drafted
    answers = ["", "", "", "g", "g", "g", "s", "", "", "", "", ""] + ["g"] * 3 + ["y"]
    result = add(runner, ledger, answers, "--from-text", str(SEED))
    assert result.exit_code == 0, result.output
    [question] = [line for line in result.output.split("\n") if "Hạn (" in line]
    assert "bỏ trống: giữ hạn trong ngoặc" in question
    assert "bỏ trống: thường xuyên" not in question
    tasks = {t["item"]: t for t in written(ledger, "2023")["tasks"]}
    assert tasks["1.4"]["deadline"] == "xong trước ngày 30/9/2023"


# --- the item question ------------------------------------------------------------------------


def test_an_item_already_used_or_empty_is_asked_again(runner: CliRunner, ledger: Path) -> None:
    answers = head("Giao ban tháng 6", "03/06/2019")
    answers += task("Việc một", "3", "trước ngày 28/06/2019")
    answers += ["Việc hai", "3", " ", "4", "VP", "", ""]  # a slip, a space, then a free number
    answers += task("Việc ba", "")  # the number offered is one not used yet
    answers += ["", "y"]
    result = add(runner, ledger, answers, "--today", "2019-06-03")
    assert result.exit_code == 0, result.output
    assert "✗ thông báo đã có mục '3'; chọn số mục khác" in result.output
    assert "✗ số mục đang để trống" in result.output
    assert "Việc ba\n  Số mục [5]: \n" in result.output
    assert [t["item"] for t in written(ledger, "2019")["tasks"]] == ["3", "4", "5"]


def test_a_reviewed_draft_item_already_kept_is_asked_again(runner: CliRunner, ledger: Path) -> None:
    shutil.copy(Path(__file__).parent / "data" / "import" / "units.yaml", ledger / "units.yaml")
    answers = ["", "", "", "g"]  # title, date and id as proposed; keep 1.1
    answers += ["s", "1.1", "1.3", "", "", "", ""]  # 1.2 renumbered: first to a kept item
    answers += ["g", "1.3b"]  # 1.3 kept as drafted: its number is taken now
    answers += ["g"] * 4 + ["y"]
    result = add(runner, ledger, answers, "--from-text", str(SEED))
    assert result.exit_code == 0, result.output
    assert "✗ thông báo đã có mục '1.1'; chọn số mục khác" in result.output
    assert "✗ thông báo đã có mục '1.3'; chọn số mục khác" in result.output
    items = [t["item"] for t in written(ledger, "2023")["tasks"]]
    assert items == ["1.1", "1.3", "1.3b", "1.4", "2.1", "2.2", "3"]


def test_task_add_refuses_an_empty_item_by_name(runner: CliRunner, ledger: Path) -> None:
    made = runner.invoke(
        app,
        ["add", "--data", str(ledger), "--title", "Giao ban", "--date", "03/06/2019"],
        catch_exceptions=False,
    )
    assert made.exit_code == 0, made.output
    [path] = (ledger / "2019").glob("*.yaml")
    before = path.read_bytes()
    result = runner.invoke(
        app, ["task", "add", path.stem, "--text", "Việc", "--item", " ", "--data", str(ledger)]
    )
    assert result.exit_code == 1
    assert "số mục đang để trống" in result.stderr
    assert path.read_bytes() == before
