"""``giaoban git-setup`` and ``giaoban textconv``: a real ``git diff`` and ``git log -p``
read notice files task by task."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.history.revisions import textconv
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2022-04-14-giao-ban"
NOTICE = textwrap.dedent(
    """\
    id: 2022-04-14-giao-ban
    kind: thông báo kết luận
    number: 123-TB/TWĐTN-VP
    title: >-
      Kết luận giao ban
      tháng 4/2022
    date: 2022-04-14
    recipients: [Lưu VP]
    tasks:
      - item: "6.1"
        text: >-
          Các ban, đơn vị tiếp thu ý kiến
          vào các báo cáo chuyên đề
        owners: ["Các ban, đơn vị khối phong trào"]
        deadline: trong tháng 4/2022
        status: open
      - item: "6.2"
        text: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng
        owners: [Văn phòng Trung ương Đoàn]
        supports: [BTC]
        deadline: trước ngày 30/04/2022
        status: open
      - item: "6.3"
        text: Báo cáo tiến độ
        owners: [VP]
        deadline: trước 14h00 thứ 6 hàng tuần
        done_occurrences: [2022-04-15]
        status: open
    """
)
FACTS = """\
thông báo: 2022-04-14-giao-ban
loại: thông báo kết luận
số hiệu: 123-TB/TWĐTN-VP
trích yếu: Kết luận giao ban tháng 4/2022
ngày: 14/04/2022
nơi nhận: Lưu VP

#6.1 nội dung: Các ban, đơn vị tiếp thu ý kiến vào các báo cáo chuyên đề
#6.1 chủ trì: Các ban, đơn vị khối phong trào
#6.1 hạn: trong tháng 4/2022 (30/04/2022)
#6.1 trạng thái: đang thực hiện

#6.2 nội dung: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng
#6.2 chủ trì: Văn phòng Trung ương Đoàn
#6.2 phối hợp: BTC
#6.2 hạn: trước ngày 30/04/2022 (30/04/2022)
#6.2 trạng thái: đang thực hiện

#6.3 nội dung: Báo cáo tiến độ
#6.3 chủ trì: VP
#6.3 hạn: trước 14h00 thứ 6 hàng tuần (định kỳ)
#6.3 trạng thái: đang thực hiện
#6.3 đã hoàn thành lần: 15/04/2022
"""


@pytest.fixture
def ledger(git_repo: Path) -> Path:
    data = git_repo / "data"
    (data / "2022").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2022" / f"{NOTICE_ID}.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    return data


def invoke(runner: CliRunner, data: Path, *args: str):
    return runner.invoke(app, [*args, "--data", str(data)])


def test_a_notice_as_lines_of_facts(ledger: Path) -> None:
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    assert textconv(path, ledger).decode("utf-8") == FACTS


def test_the_command_prints_the_facts(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "textconv", str(ledger / "2022" / f"{NOTICE_ID}.yaml"))
    assert result.exit_code == 0
    assert result.stdout == FACTS
    missing = invoke(runner, ledger, "textconv", str(ledger / "khong-co.yaml"))
    assert missing.exit_code == 2 and "không có tệp" in missing.stderr


def test_a_file_that_is_not_a_valid_notice_comes_back_as_it_is(ledger: Path) -> None:
    broken = ledger / "2022" / "broken.yaml"
    raw = NOTICE.replace("status: open", "status: [", 1).encode("utf-8")
    broken.write_bytes(raw)
    assert textconv(broken, ledger) == raw
    conflicted = "<<<<<<< HEAD\n" + NOTICE + "=======\n>>>>>>> abc\n"
    broken.write_text(conflicted, encoding="utf-8")
    assert textconv(broken, ledger) == conflicted.encode("utf-8")
    units = ledger / "units.yaml"
    assert textconv(units, ledger) == units.read_bytes()
    not_utf8 = "id: sai\n".encode("utf-16")
    broken.write_bytes(not_utf8)
    assert textconv(broken, ledger) == not_utf8


def test_settings_of_the_office_are_used(ledger: Path) -> None:
    (ledger / "settings.yaml").write_text("strict_before: true\n", encoding="utf-8")
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    text = textconv(path, ledger).decode("utf-8")
    assert "#6.2 hạn: trước ngày 30/04/2022 (29/04/2022)" in text


def test_git_setup_writes_attributes_once_and_keeps_other_lines(
    runner: CliRunner, ledger: Path
) -> None:
    repo = ledger.parent
    (repo / ".gitattributes").write_text("*.docx binary", encoding="utf-8")  # no newline
    first = invoke(runner, ledger, "git-setup")
    assert first.exit_code == 0, first.output
    assert "data/**/*.yaml diff=giaoban (đã thêm)" in first.stdout
    second = invoke(runner, ledger, "git-setup", "--cache-textconv")
    assert "(đã có sẵn)" in second.stdout
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        "*.docx binary\ndata/**/*.yaml diff=giaoban\n"
    )
    command = run_git(repo, "config", "diff.giaoban.textconv").strip()
    assert command.startswith(sys.executable) or command.startswith(f"'{sys.executable}'")
    assert command.endswith("-m giaoban textconv --data data")
    assert run_git(repo, "config", "diff.giaoban.cachetextconv").strip() == "true"


def test_git_diff_and_log_show_the_semantic_diff(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    assert invoke(runner, ledger, "git-setup").exit_code == 0
    moved = invoke(
        runner, ledger, "postpone", "2022-04-14#6.2", "trước ngày 15/05/2022",
        "--reason", "Chờ số liệu", "--on", "20/04/2022",
    )  # fmt: skip
    assert moved.exit_code == 0, moved.output
    wanted_old = "-#6.2 hạn: trước ngày 30/04/2022 (30/04/2022)"
    wanted_new = "+#6.2 hạn: trước ngày 15/05/2022 (15/05/2022)"
    extension = (
        "+#6.2 gia hạn: trước ngày 30/04/2022 → trước ngày 15/05/2022; "
        "lý do: Chờ số liệu; ngày 20/04/2022"
    )
    diff = run_git(repo, "diff", "HEAD~1", "HEAD").splitlines()
    assert wanted_old in diff and wanted_new in diff and extension in diff
    changed = [x for x in diff if x[:1] in "+-" and x[:3] not in ("+++", "---")]
    assert changed == [wanted_old, wanted_new, extension]
    log = run_git(repo, "log", "-p", "-1").splitlines()
    assert wanted_old in log and wanted_new in log
    # the same answer from a subfolder, and from `git show`
    from_sub = subprocess.run(
        ["git", "show", "HEAD"], cwd=ledger / "2022", capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert wanted_new in from_sub
    # giaoban diff says the same thing
    out = invoke(runner, ledger, "diff", "HEAD~1", "HEAD").stdout
    assert '"trước ngày 30/04/2022" (30/04/2022) → "trước ngày 15/05/2022" (15/05/2022)' in out


def test_working_tree_diff_and_word_diff(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    invoke(runner, ledger, "git-setup")
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    path.write_text(NOTICE.replace("báo cáo kết quả", "báo cáo đầy đủ kết quả"), encoding="utf-8")
    words = run_git(repo, "diff", "--word-diff=plain").splitlines()
    assert (
        "#6.2 nội dung: Thường trực các tiểu ban báo cáo {+đầy đủ+} kết quả công việc về Văn phòng"
        in words
    )


def test_without_setup_git_shows_the_yaml(ledger: Path) -> None:
    repo = ledger.parent
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    path.write_text(NOTICE.replace("trong tháng 4/2022", "trong tháng 5/2022"), encoding="utf-8")
    diff = run_git(repo, "diff").splitlines()
    assert "+    deadline: trong tháng 5/2022" in diff


def test_broken_version_in_history_is_shown_raw(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    invoke(runner, ledger, "git-setup")
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    path.write_text(NOTICE + "  - item: [\n", encoding="utf-8")
    run_git(repo, "commit", "-qam", "hỏng", "--no-verify")
    diff = run_git(repo, "diff", "HEAD~1", "HEAD").splitlines()
    # The old side is facts, the new side is the raw file: nothing is hidden.
    assert "-#6.2 chủ trì: Văn phòng Trung ương Đoàn" in diff
    assert "+  - item: [" in diff


def test_escape_sequences_in_a_notice_never_reach_the_terminal(
    runner: CliRunner, ledger: Path
) -> None:
    """A YAML "\\e" becomes a real ESC when read; git diff and git show get it written out."""
    repo = ledger.parent
    assert invoke(runner, ledger, "git-setup").exit_code == 0
    run_git(repo, "add", ".gitattributes")
    run_git(repo, "commit", "-qm", "git-setup")
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    hostile = '"\\e[31mĐỎ\\e]0;tiêu đề\\a \\u202eABC"'
    path.write_text(NOTICE.replace("text: Báo cáo tiến độ", f"text: {hostile}"), encoding="utf-8")
    run_git(repo, "commit", "-qam", "chữ lạ")

    shown = subprocess.run(
        ["git", "show", "HEAD"], cwd=repo, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "+#6.3 nội dung: \\x1b[31mĐỎ\\x1b]0;tiêu đề\\x07 \\u202eABC" in shown

    path.write_bytes(b"id: [\x1b[2J\n")  # not a notice: shown as it is, but written out
    assert textconv(path, ledger) == b"id: [\\x1b[2J\n"

    check = invoke(runner, ledger, "check")
    assert "[control-character]" not in check.stdout  # the broken file is a syntax error
    path.write_text(NOTICE.replace("text: Báo cáo tiến độ", f"text: {hostile}"), encoding="utf-8")
    check = invoke(runner, ledger, "check")
    assert check.exit_code == 0
    assert f"{path}:24:11: warning: chữ có ký tự điều khiển" in check.stdout
    assert "\x1b" not in check.stdout
