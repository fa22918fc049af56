"""``giaoban add`` asked question by question: each answer is checked when it is typed, an
empty answer gives what its question says, and no answer typed is lost at the end."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain
from tests.conftest import run_git

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


# --- nothing typed is lost --------------------------------------------------------------------


def test_answers_a_commit_cannot_take_are_kept_as_a_draft_to_add_later(
    runner: CliRunner, ledger: Path, temp_dir: Path
) -> None:
    repo = ledger.parent
    (repo / ".gitignore").write_text("data/2019/\n", encoding="utf-8")
    run_git(repo, "add", ".gitignore")
    run_git(repo, "commit", "-qm", "ignore")
    answers = head("Giao ban tháng 6", "03/06/2019")
    answers += task("Việc một", "", "trước ngày 28/06/2019") + task("Việc hai", "")
    answers += ["", "y"]
    result = add(runner, ledger, answers, "--today", "2019-06-03")
    assert result.exit_code == 1
    assert not (ledger / "2019").exists()
    [draft] = temp_dir.glob("giaoban-add-kept-*/2019-06-03-giao-ban-thang-6.yaml")
    assert "bị git bỏ qua" in result.stderr
    assert f"Thông báo được giữ làm bản nháp ở {draft}; thêm vào sổ khi đã xử lý xong:" in (
        result.stderr
    )
    assert f"giaoban add --from-file {draft} --data {ledger}\n" in result.stderr
    kept = load_plain(draft.read_text(encoding="utf-8"))
    assert [t["text"] for t in kept["tasks"]] == ["Việc một", "Việc hai"]
    finished = runner.invoke(
        app, ["add", "--from-file", str(draft), "--data", str(ledger), "--no-commit"]
    )
    assert finished.exit_code == 0, finished.output
    assert written(ledger, "2019")["tasks"] == kept["tasks"]


def test_a_refused_notice_from_flags_is_named_in_a_kept_draft(
    runner: CliRunner, ledger: Path, temp_dir: Path
) -> None:
    result = runner.invoke(
        app,
        ["add", "--data", str(ledger), "--title", "Giao ban", "--date", "03/06/2019"]
        + ["--task", "Việc một | chủ trì: VP", "--task", "Việc hai | hạn: hôm nào đó"],
    )
    assert result.exit_code == 1
    assert not (ledger / "2019").exists()
    [draft] = temp_dir.glob("giaoban-add-kept-*/2019-06-03-giao-ban.yaml")
    lines = draft.read_text(encoding="utf-8").split("\n")
    # the error names the draft, at the line of the phrase it cannot read
    [error] = [line for line in result.stderr.split("\n") if "[bad-deadline]" in line]
    where, line, column = error.split(": error: ")[0].rsplit(":", 2)
    assert where == str(draft)
    assert lines[int(line) - 1][int(column) - 1 :] == "hôm nào đó"
    assert "(tệp giữ nguyên)" not in result.stderr
    assert f"giaoban add --from-file {draft} --data {ledger}\n" in result.stderr
