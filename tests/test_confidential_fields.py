"""What a reader may see of a confidential notice's task, in every output: its text, its
result, its cancel reason, its notes and a postponement's reason read "(mật)" unless
``--show-confidential`` (``giaoban.model.shown.CONFIDENTIAL_FIELDS``): in ``show``, the
JSON export, ``giaoban diff`` (and ``sync``), the git textconv, ``log``, the commit
messages giaoban writes and the problems ``check`` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.model.shown import is_confidential_field
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2024-03-12-mat"
PATH = f"2024/{NOTICE_ID}.yaml"
SECRET = "Xem xét kỷ luật đồng chí Lê Văn Tám"
OTHER = "Điều chuyển đồng chí Nguyễn Văn Ba"
# Every word a confidential field below holds names someone: "đồng chí".
WORDS = ("đồng chí", "Tám", "Nguyễn Văn Ba")
NOTICE = f"""\
id: {NOTICE_ID}
kind: thông báo kết luận
title: Kết luận về công tác nhân sự
date: 2024-03-12
confidential: true
tasks:
  - item: "1"
    text: {SECRET}
    owners: [VP]
    deadline: trước ngày 20/3/2024
  - item: "2"
    text: {OTHER}
    owners: [BTC]
    deadline: trước ngày 25/3/2024
"""


@pytest.fixture
def ledger(git_repo: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The notice committed, then a note, a postponement, a done with its result and a
    cancel with its reason, each by giaoban."""
    monkeypatch.setenv("GIAOBAN_TODAY", "2024-03-15")
    monkeypatch.setenv("GIAOBAN_PAGER", "0")
    data = git_repo / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / PATH).write_text(NOTICE, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Thông báo mật")
    _run(runner, data, "note", f"{NOTICE_ID}#1", "Đã gặp đồng chí Tám")
    _run(
        runner, data, "postpone", f"{NOTICE_ID}#2", "trước ngày 30/3/2024",
        "--reason", "Chờ hồ sơ của đồng chí Nguyễn Văn Ba",
    )  # fmt: skip
    _run(runner, data, "done", f"{NOTICE_ID}#1", "--result", "Khiển trách đồng chí Tám")
    _run(runner, data, "cancel", f"{NOTICE_ID}#2", "--reason", "Đồng chí Nguyễn Văn Ba nghỉ hưu")
    return data


def _run(runner: CliRunner, data: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.stdout


def _hidden(output: str) -> None:
    for word in WORDS:
        assert word not in output, output


def test_show_hides_the_result_notes_and_reasons(ledger: Path, runner: CliRunner) -> None:
    first = _run(runner, ledger, "show", f"{NOTICE_ID}#1")
    second = _run(runner, ledger, "show", f"{NOTICE_ID}#2")
    first, second = " ".join(first.split()), " ".join(second.split())
    assert "Kết quả (mật) Ghi chú 15/03/2024: (mật)" in first
    assert "Lý do hủy (mật) (15/03/2024)" in second
    assert "Gia hạn trước ngày 25/3/2024 → trước ngày 30/3/2024 ((mật); 15/03/2024)" in second
    as_json = _run(runner, ledger, "show", f"{NOTICE_ID}#1", "--format", "json")
    notice = _run(runner, ledger, "show", NOTICE_ID, "--format", "json")
    _hidden(first + second + as_json + notice)
    shown = _run(runner, ledger, "show", f"{NOTICE_ID}#1", "--show-confidential")
    assert "Khiển trách đồng chí Tám" in shown and "Đã gặp đồng chí Tám" in shown


def test_the_json_export_hides_them(ledger: Path, runner: CliRunner) -> None:
    output = _run(runner, ledger, "export", "--format", "json")
    _hidden(output)
    tasks = json.loads(output)["notices"][0]["tasks"]
    assert tasks[0]["result"] == "(mật)"
    assert tasks[0]["notes"] == [{"date": "2024-03-15", "text": "(mật)"}]
    assert tasks[1]["cancel_reason"] == "(mật)"
    assert tasks[1]["extensions"][0]["reason"] == "(mật)"
    assert tasks[1]["extensions"][0]["to"] == "trước ngày 30/3/2024"  # a date is no secret
    shown = _run(runner, ledger, "export", "--format", "json", "--show-confidential")
    assert json.loads(shown)["notices"][0]["tasks"][0]["result"] == "Khiển trách đồng chí Tám"


def test_diff_says_what_changed_not_the_words(ledger: Path, runner: CliRunner) -> None:
    path = ledger / PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Lê Văn Tám", "Lê Văn Tám (lần hai)"), encoding="utf-8")
    with path.open("a", encoding="utf-8") as out:
        out.write('  - item: "3"\n    text: Thẩm tra đồng chí Tám\n')

    output = _run(runner, ledger, "diff", "HEAD~4")

    assert "  ~ #1 nội dung: (mật)" in output
    assert "  ~ #1 kết quả: (trống) → (mật)" in output
    assert "  + #1 ghi chú: 15/03/2024: (mật)" in output
    assert "  + #3 thêm nhiệm vụ: (mật)" in output
    assert "  ~ #2 lý do hủy: (trống) → (mật)" in output
    assert "lý do: (mật)" in output  # the postponement's
    as_json = _run(runner, ledger, "diff", "HEAD~4", "--format", "json")
    _hidden(output + as_json)
    shown = _run(runner, ledger, "diff", "HEAD~4", "--show-confidential")
    assert "{+(lần hai)+}" in shown and "Khiển trách đồng chí Tám" in shown


def test_diff_judges_a_notice_by_now(ledger: Path, runner: CliRunner) -> None:
    """A notice made public and then confidential again: its public versions' changes
    are hidden, as ``log`` hides them."""
    path = ledger / PATH
    path.write_text(
        path.read_text(encoding="utf-8").replace("confidential: true", "confidential: false"),
        encoding="utf-8",
    )
    run_git(ledger.parent, "commit", "-qam", "Công khai")
    _run(runner, ledger, "note", f"{NOTICE_ID}#1", "Đồng chí Tám đã nhận khiển trách")
    assert "Đồng chí Tám đã nhận" in _run(runner, ledger, "diff", "HEAD~1", "HEAD")
    path.write_text(
        path.read_text(encoding="utf-8").replace("confidential: false", "confidential: true"),
        encoding="utf-8",
    )
    _hidden(_run(runner, ledger, "diff", "HEAD~1", "HEAD"))


def test_textconv_hides_them_and_git_shows_the_hidden_facts(
    ledger: Path, runner: CliRunner
) -> None:
    repo = ledger.parent
    facts = _run(runner, ledger, "textconv", str(ledger / PATH))
    assert "#1 nội dung: (mật)" in facts and "#1 kết quả: (mật)" in facts
    assert "#1 ghi chú 15/03/2024: (mật)" in facts and "#2 lý do hủy: (mật)" in facts
    _hidden(facts)
    shown = _run(runner, ledger, "textconv", str(ledger / PATH), "--show-confidential")
    assert f"#1 nội dung: {SECRET}" in shown

    _run(runner, ledger, "git-setup")
    log = run_git(repo, "log", "-p", "--", f"data/{PATH}")
    assert "+#1 kết quả: (mật)" in log
    _hidden(log.replace("Nguyễn Văn An", ""))  # the committer's own name
    assert SECRET in run_git(repo, "log", "-p", "--no-textconv")  # the file as written


def test_textconv_hides_a_version_written_before_the_notice_became_confidential(
    ledger: Path, runner: CliRunner
) -> None:
    repo = ledger.parent
    old = (ledger / PATH).read_text(encoding="utf-8").replace("confidential: true\n", "")
    before = repo / "public.yaml"  # a version as git hands it over: outside the data folder
    before.write_text(old, encoding="utf-8")
    assert SECRET in _run(runner, repo / "nowhere", "textconv", str(before))
    _hidden(_run(runner, ledger, "textconv", str(before)))


def test_log_hides_notes_and_reasons(ledger: Path, runner: CliRunner) -> None:
    # a note added by hand: read from the file's versions, not from a message
    path = ledger / PATH
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    owners: [BTC]\n",
            "    owners: [BTC]\n    notes:\n"
            "      - date: 2024-03-15\n        text: Hỏi đồng chí Ba\n",
        ),
        encoding="utf-8",
    )
    run_git(ledger.parent, "commit", "-qam", "Ghi chú tay")

    output = _run(runner, ledger, "log", NOTICE_ID)
    events = _run(runner, ledger, "log", NOTICE_ID, "--format", "json")

    assert "ghi chú: (mật)" in output and "hủy; lý do: (mật)" in output
    assert "gia hạn: trước ngày 25/3/2024 → trước ngày 30/3/2024; lý do: (mật)" in output
    _hidden(output + events)
    shown = _run(runner, ledger, "log", NOTICE_ID, "--show-confidential")
    assert "ghi chú: Hỏi đồng chí Ba" in shown


def test_messages_hide_notes_and_reasons(ledger: Path, runner: CliRunner) -> None:
    messages = run_git(ledger.parent, "log", "--format=%B")
    _hidden(messages)
    assert "Lý do: (mật)" in messages and "Giaoban-Reason: (mật)" in messages


def test_stop_keeps_a_confidential_reason_as_a_hidden_note(
    git_repo: Path, runner: CliRunner
) -> None:
    """The reason of a stop is told by the commit message, which a confidential notice's
    hides: it is kept in the file as a note (hidden as notes are), never dropped."""
    data = git_repo / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    duty = NOTICE.replace(
        "deadline: trước ngày 20/3/2024", "deadline: trước 16 giờ thứ Sáu hằng tuần"
    )
    (data / PATH).write_text(duty, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Thông báo mật")
    said = _run(
        runner, data, "stop", f"{NOTICE_ID}#1", "--from", "2024-03-20",
        "--reason", "Đồng chí Tám chuyển công tác", "--today", "2024-03-15",
    )  # fmt: skip
    assert "lý do dừng được ghi thành một ghi chú" in " ".join(said.split())
    messages = run_git(git_repo, "log", "--format=%B")
    _hidden(messages)
    assert "Ghi chú thêm: lý do dừng." in messages
    written = (data / PATH).read_text(encoding="utf-8")
    assert "Dừng từ ngày 20/03/2024: Đồng chí Tám chuyển công tác" in written
    assert "date: 2024-03-15" in written and "until: 2024-03-19" in written
    shown = _run(runner, data, "show", f"{NOTICE_ID}#1", "--today", "2024-03-15")
    assert "Tám" not in shown
    asked = _run(
        runner, data, "show", f"{NOTICE_ID}#1", "--today", "2024-03-15", "--show-confidential"
    )
    assert "Đồng chí Tám chuyển công tác" in " ".join(asked.split())


def test_check_does_not_quote_a_confidential_text(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    broken = NOTICE.replace(f"text: {SECRET}", f'text: "{SECRET}\\u202e"')
    (data / PATH).write_text(
        broken.replace('  - item: "2"', '    result: "đồng chí\\x1b"\n  - item: "2"'),
        encoding="utf-8",
    )
    public = broken.replace("confidential: true", "confidential: false")
    (data / "2024" / "2024-03-13-cong-khai.yaml").write_text(
        public.replace(f"id: {NOTICE_ID}", "id: 2024-03-13-cong-khai"), encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "--data", str(data), "--no-cache"])
    lines = [line for line in result.stdout.splitlines() if "control-character" in line]
    secret = [line for line in lines if NOTICE_ID in line]
    assert len(secret) == 2 and all("trong nội dung mật" in line for line in secret)
    _hidden("\n".join(secret))
    assert any(SECRET in line for line in lines if "cong-khai" in line)  # a public one quoted


@pytest.mark.parametrize(
    ("key", "hidden"),
    [
        ("text", True),
        ("result", True),
        ("cancel_reason", True),
        ("notes.2", True),
        ("notes.0.text", True),
        ("extensions.1.reason", True),
        ("extensions.1.approved_by", False),
        ("deadline", False),
        ("owners.0", False),
    ],
)
def test_which_fields_are_confidential(key: str, hidden: bool) -> None:
    assert is_confidential_field(key) is hidden
