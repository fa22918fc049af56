"""What ``postpone`` and ``stop`` refuse, end to end in a real git repository: a task that
is no longer open (said in Vietnamese, as ``done`` and ``cancel`` say it), a new deadline
with no day to be late by, and a stop that would bring back weeks an earlier stop ended.
Each refusal exits 1, leaves the file as it was and commits nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import run_git
from tests.test_cli_edit import NOTICE_ID, PATH, commits, invoke, last_commit, make_ledger


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    return make_ledger(git_repo)


def _refused(runner: CliRunner, ledger: Path, *args: str) -> str:
    """The message of a refused command, after checking it changed and committed nothing."""
    before, text = commits(ledger.parent), (ledger.parent / PATH).read_bytes()
    result = invoke(runner, ledger, *args)
    assert result.exit_code == 1, result.output
    assert commits(ledger.parent) == before
    assert (ledger.parent / PATH).read_bytes() == text
    assert "Traceback" not in result.output
    return result.stderr


def _ok(runner: CliRunner, ledger: Path, *args: str) -> str:
    result = invoke(runner, ledger, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- a task that is no longer open -----------------------------------------------------------


@pytest.mark.parametrize(
    ("close", "word"),
    [
        (["cancel", "2019#1", "--reason", "Không làm nữa"], "đã hủy"),
        (["done", "2019#1"], "đã hoàn thành"),
    ],
)
def test_postpone_of_a_closed_task_says_why_in_vietnamese(
    runner: CliRunner, ledger: Path, close: list[str], word: str
) -> None:
    _ok(runner, ledger, *close, "--today", "2019-02-20")
    args = ["postpone", "2019#1", "trước ngày 15/03/2019", "--reason", "x"]
    message = _refused(runner, ledger, *args, "--today", "2019-02-21")
    assert message == (
        f"giaoban: lỗi: mục 1 {word}; không gia hạn được; "
        "muốn gia hạn thì dùng 'giaoban reopen' trước\n"
    )


def test_stop_of_a_cancelled_duty_says_why_in_vietnamese(runner: CliRunner, ledger: Path) -> None:
    _ok(runner, ledger, "cancel", "2019#2", "--reason", "Thôi", "--today", "2019-02-20")
    message = _refused(runner, ledger, "stop", "2019#2", "--from", "2019-03-01")
    assert message == "giaoban: lỗi: mục 2 đã hủy; không cần dừng\n"


# --- a stop never makes a duty run longer -----------------------------------------------------


def _missed(runner: CliRunner, ledger: Path, today: str) -> list[str]:
    """The days of the duty's occurrences listed late at ``today``."""
    result = invoke(runner, ledger, "overdue", "--all", "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.stdout)["tasks"]
    return sorted(t["due"][:10] for t in tasks if t["id"].endswith("#2"))


def test_a_second_stop_with_a_later_day_is_refused(runner: CliRunner, ledger: Path) -> None:
    _ok(runner, ledger, "stop", "2019#2", "--from", "2019-03-01", "--today", "2019-02-27")
    assert _missed(runner, ledger, "2019-06-30") == []  # 22/02 done, none from 01/03
    message = _refused(runner, ledger, "stop", "2019#2", "--from", "2019-04-01")
    assert message == (
        f"giaoban: lỗi: {NOTICE_ID}#2 đã dừng từ ngày 01/03/2019 (lần cuối trong ngày "
        "28/02/2019); dừng từ ngày 01/04/2019 sẽ cho nhiệm vụ chạy lại từ 01/03/2019 đến "
        "31/03/2019, không phải dừng. Muốn nhiệm vụ chạy tiếp thì sửa 'until' bằng "
        f"'giaoban edit {NOTICE_ID}#2'\n"
    )
    assert _missed(runner, ledger, "2019-06-30") == []


def test_an_until_written_in_the_notice_is_not_moved_later_by_stop(
    runner: CliRunner, ledger: Path
) -> None:
    path = ledger.parent / PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    done_occurrences: [2019-02-22]\n", "    until: 2019-03-31\n", 1),
        encoding="utf-8",
    )
    run_git(ledger.parent, "commit", "-qam", "Hạn cuối của nhiệm vụ định kỳ")
    message = _refused(runner, ledger, "stop", "2019#2", "--from", "2019-05-01")
    assert "đã dừng từ ngày 01/04/2019" in message


def test_a_stop_moved_earlier_says_the_day_it_replaces(runner: CliRunner, ledger: Path) -> None:
    _ok(runner, ledger, "stop", "2019#2", "--from", "2019-03-15", "--today", "2019-02-27")
    out = _ok(runner, ledger, "stop", "2019#2", "--from", "2019-03-01", "--today", "2019-02-27")
    assert out.startswith(f"Đã dừng {NOTICE_ID}#2 từ ngày 01/03/2019")
    _, lines, message = last_commit(ledger.parent)
    assert lines == ["-    until: 2019-03-14", "+    until: 2019-02-28"]
    assert message.splitlines()[:3] == [
        f"Dừng {NOTICE_ID}#2 từ 01/03/2019: "
        "Báo cáo tiến độ công việc về Văn phòng trước 14h00 thứ 6…",
        "",
        "Trước đó: lần cuối trong ngày 14/03/2019",
    ]


# --- a postponement moves a deadline to a later day -----------------------------------------


def _overdue(runner: CliRunner, ledger: Path) -> list[str]:
    result = invoke(runner, ledger, "overdue", "--format", "json", "--today", "2019-03-05")
    assert result.exit_code == 0, result.output
    return [t["id"] for t in json.loads(result.stdout)["tasks"]]


@pytest.mark.parametrize("phrase", ["thường xuyên", "kịp thời", "Thường xuyên, kịp thời"])
def test_postpone_to_no_day_is_refused(runner: CliRunner, ledger: Path, phrase: str) -> None:
    """The overdue task would leave every report without a word (the finding)."""
    assert f"{NOTICE_ID}#1" in _overdue(runner, ledger)
    args = ["postpone", "2019#1", phrase, "--reason", "Chờ", "--today", "2019-03-05"]
    message = _refused(runner, ledger, *args)
    assert message == (
        f'giaoban: lỗi: hạn mới "{phrase}" không có ngày hạn, nên {NOTICE_ID}#1 sẽ không quá '
        "hạn ngày nào và không báo cáo nào còn nhắc đến nó; gia hạn là dời hạn đến một ngày "
        "về sau. Thôi theo dõi việc này thì dùng 'giaoban cancel'; đổi hẳn thành việc không "
        f"có hạn thì sửa bằng 'giaoban edit {NOTICE_ID}#1'\n"
    )
    assert f"{NOTICE_ID}#1" in _overdue(runner, ledger)


def test_postpone_to_an_undated_event_is_refused(runner: CliRunner, ledger: Path) -> None:
    args = ["postpone", "2019#1", "sau khi có ý kiến", "--reason", "Chờ", "--today", "2019-03-05"]
    message = _refused(runner, ledger, *args)
    assert message == (
        "giaoban: lỗi: hạn mới \"sau khi có ý kiến\" tính từ 'có ý kiến' nhưng chưa có ngày "
        f"của mốc này, nên {NOTICE_ID}#1 sẽ không quá hạn ngày nào và không báo cáo nào còn "
        f"nhắc đến nó; ghi ngày đó vào 'events:' của thông báo ('giaoban edit {NOTICE_ID}') "
        "rồi gia hạn lại\n"
    )
    assert f"{NOTICE_ID}#1" in _overdue(runner, ledger)


def _with_event(ledger: Path, day: str) -> None:
    path = ledger.parent / PATH
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [x for x in lines if not x.startswith(("events:", "  ngày khai mạc"))]
    at = lines.index("tasks:\n")
    lines[at:at] = ["events:\n", f"  ngày khai mạc Đại hội: {day}\n"]
    path.write_text("".join(lines), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Ngày khai mạc")


EVENT_DEADLINE = "chậm nhất là năm ngày trước ngày khai mạc Đại hội"


def test_postpone_to_an_event_the_notice_dates_is_read_with_that_day(
    runner: CliRunner, ledger: Path
) -> None:
    """The notice's own ``events:`` date the new deadline as the reports will read it: a
    day after the old deadline is a postponement, one before it is refused."""
    _with_event(ledger, "2019-02-26")  # five days before: 21/02, before 25/02
    args = ["postpone", "2019#1", EVENT_DEADLINE, "--reason", "Chờ", "--today", "2019-02-20"]
    message = _refused(runner, ledger, *args)
    assert message.startswith("giaoban: lỗi: hạn mới (21/02/2019) không sau hạn cũ (25/02/2019)")
    _with_event(ledger, "2019-03-20")
    out = _ok(runner, ledger, *args)
    assert out.startswith(f"Đã gia hạn {NOTICE_ID}#1: trước ngày 25/02/2019 → {EVENT_DEADLINE}")


def test_postpone_of_a_pinned_deadline_is_refused_not_left_to_the_pin(
    runner: CliRunner, ledger: Path
) -> None:
    """A pin (``due:``) is the clerk's reading of the phrase it stands beside, and reports
    follow it: a new phrase written beside the old pin would change nothing while the
    command said the task was postponed. The refusal names the pin and the way out."""
    path = ledger.parent / PATH
    text = path.read_text(encoding="utf-8")
    old = '    deadline: "trước ngày 25/02/2019"   # hạn như văn bản\n'
    assert old in text
    path.write_text(text.replace(old, old + "    due: 2019-03-01\n"), encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "Ghim hạn")
    assert f"{NOTICE_ID}#1" in _overdue(runner, ledger)
    args = ["postpone", "2019#1", "trước ngày 30/3/2019", "--reason", "Chờ"]
    message = _refused(runner, ledger, *args, "--today", "2019-03-05")
    assert message == (
        f"giaoban: lỗi: {NOTICE_ID}#1 có hạn ghim (due: 01/03/2019) cho cụm "
        '"trước ngày 25/02/2019", và các báo cáo theo hạn ghim; gia hạn bằng '
        f"'giaoban edit {NOTICE_ID}#1': sửa deadline và due (hoặc bỏ due)\n"
    )
    assert f"{NOTICE_ID}#1" in _overdue(runner, ledger)


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["cancel", "2019#1", "--reason", "  "], "lý do hủy"),
        (["postpone", "2019#1", "trước ngày 15/03/2019", "--reason", " \t "], "lý do gia hạn"),
    ],
)
def test_a_reason_of_spaces_only_is_refused(
    runner: CliRunner, ledger: Path, args: list[str], what: str
) -> None:
    """A reason the command requires is never stored empty while the command says it
    recorded it (``cancel_reason: ""``, an extension with no reason)."""
    message = _refused(runner, ledger, *args, "--today", "2019-02-20")
    assert message == f"giaoban: lỗi: {what} đang để trống; hãy ghi nội dung {what}\n"


@pytest.mark.parametrize(
    ("args", "what", "option"),
    [
        (["stop", "2019#2", "--from", "09/03/2019", "--reason", "   "], "lý do dừng", "--reason"),
        (["done", "2019#1", "--result", "  "], "kết quả", "--result"),
        (["done", "2019#2", "--result", " \t "], "kết quả", "--result"),  # an occurrence's
        (["done", "2019#1", "--note", ""], "ghi chú", None),
        (
            ["postpone", "2019#1", "trước ngày 15/3/2019", "--reason", "Chờ", "--approved-by", " "],
            "người duyệt",
            "--approved-by",
        ),
    ],
)
def test_words_given_blank_are_refused_not_dropped(
    runner: CliRunner, ledger: Path, args: list[str], what: str, option: str | None
) -> None:
    """Words a command may be given (a reason to stop, a result, who approved) are refused
    when given blank, as a required reason is: the command would drop them, or write them
    empty (``approved_by: ""``), while it said it recorded them."""
    message = _refused(runner, ledger, *args, "--today", "2019-03-10")
    advice = f" hoặc bỏ {option}" if option else ""
    assert message == f"giaoban: lỗi: {what} đang để trống; hãy ghi nội dung {what}{advice}\n"


@pytest.mark.parametrize(
    ("args", "what", "option"),
    [
        # a new task's fields: a blank deadline was dropped, a blank unit written as ""
        (["task", "add", "2019", "--text", "Rà soát", "--deadline", "   "], "hạn", "--deadline"),
        (["task", "add", "2019", "--text", "Rà soát", "--deadline", ""], "hạn", "--deadline"),
        (
            ["task", "add", "2019", "--text", "Rà soát", "--owner", "  "],
            "đơn vị chủ trì",
            "--owner",
        ),
        (
            ["task", "add", "2019", "--text", "Rà soát", "--owner", "VP", "--support", " "],
            "đơn vị phối hợp",
            "--support",
        ),
        (["task", "add", "2019", "--text", "  ", "--owner", "VP"], "nội dung nhiệm vụ", "--text"),
    ],
)
def test_a_new_tasks_field_given_blank_is_refused(
    runner: CliRunner, ledger: Path, args: list[str], what: str, option: str
) -> None:
    """``task add`` refuses a field given blank, as the edits refuse blank words."""
    message = _refused(runner, ledger, *args)
    assert (
        message == f"giaoban: lỗi: {what} đang để trống; hãy ghi nội dung {what} hoặc bỏ {option}\n"
    )


@pytest.mark.parametrize("part", ["hạn:   ", "chủ trì:  ;", "phối hợp:"])
def test_a_task_spec_part_given_blank_is_refused(
    runner: CliRunner, ledger: Path, part: str
) -> None:
    """``add --task "... | hạn: "``: a part given with nothing after it is refused (it was
    dropped, or written as an empty list of units), and no notice file is made."""
    spec = f"Báo cáo kết quả | chủ trì: VP | {part}"
    before = sorted(ledger.rglob("*.yaml"))
    result = invoke(
        runner, ledger, "add", "--title", "Kết luận", "--date", "05/03/2019", "--task", spec
    )
    assert result.exit_code == 2, result.output
    assert f"phần '{part.strip()}' để trống" in result.stderr
    assert sorted(ledger.rglob("*.yaml")) == before
