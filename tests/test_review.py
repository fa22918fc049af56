"""``giaoban diff`` on real commits: every kind of change, the ranges, JSON, colours."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2022-04-14-giao-ban"
NOTICE = textwrap.dedent(
    """\
    id: 2022-04-14-giao-ban
    kind: thông báo kết luận
    title: Kết luận giao ban tháng 4/2022
    date: 2022-04-14
    tasks:
      - item: "6.1"
        text: Các ban, đơn vị tiếp thu ý kiến vào các báo cáo chuyên đề
        owners: ["Các ban, đơn vị khối phong trào"]
        deadline: trong tháng 4/2022
        status: open
      - item: "6.2"
        text: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng
        owners: [Văn phòng Trung ương Đoàn]
        deadline: trước ngày 30/04/2022
        status: open
      - item: "6.3"
        text: Văn phòng khẩn trương tham mưu phân bổ kinh phí cho các Tiểu ban
        owners: [VP]
        supports: [BTC]
        deadline: trước ngày 25/04/2022
        status: open
    """
)
OTHER = textwrap.dedent(
    """\
    id: 2022-05-05-giao-ban
    kind: thông báo kết luận
    title: Kết luận giao ban tháng 5/2022
    date: 2022-05-05
    tasks:
      - item: "1"
        text: Tổng hợp báo cáo tháng 5
        owners: [VP]
        deadline: trước ngày 31/05/2022
    """
)


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
    result = runner.invoke(app, [*args, "--data", str(data)])
    return result


def commit_text(data: Path, text: str, message: str = "sửa tay") -> None:
    (data / "2022" / f"{NOTICE_ID}.yaml").write_text(text, encoding="utf-8")
    run_git(data.parent, "commit", "-qam", message)


def diff_json(runner: CliRunner, data: Path, *revs: str) -> dict:
    result = invoke(runner, data, "diff", *revs, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_postpone_then_diff_names_the_task_and_both_deadlines(
    runner: CliRunner, ledger: Path
) -> None:
    moved = invoke(
        runner, ledger, "postpone", "2022-04-14#6.2", "trước ngày 15/05/2022",
        "--reason", "Chờ số liệu các tỉnh", "--on", "20/04/2022",
    )  # fmt: skip
    assert moved.exit_code == 0, moved.output
    result = invoke(runner, ledger, "diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Thay đổi trong sổ từ HEAD~1 đến HEAD\n"
        "\n"
        f"{NOTICE_ID} — Kết luận giao ban tháng 4/2022\n"
        '  ~ #6.2 dời hạn: "trước ngày 30/04/2022" (30/04/2022) → "trước ngày 15/05/2022" '
        "(15/05/2022), muộn hơn 15 ngày ⚠; lý do: Chờ số liệu các tỉnh\n"
        "\n"
        "1 thay đổi trong 1 thông báo.\n"
    )
    data = diff_json(runner, ledger, "HEAD~1", "HEAD")
    assert data["from"] == "HEAD~1" and data["to"] == "HEAD"
    [change] = data["changes"]
    assert change == {
        "notice": NOTICE_ID,
        "task": f"{NOTICE_ID}#6.2",
        "kind": "deadline",
        "field": "deadline",
        "old": "trước ngày 30/04/2022",
        "new": "trước ngày 15/05/2022",
        "old_due": "2022-05-01T00:00:00+07:00",
        "new_due": "2022-05-16T00:00:00+07:00",
        "old_reading": "30/04/2022",
        "new_reading": "15/05/2022",
        "days": 15,
        "later": True,
        "reason": "Chờ số liệu các tỉnh",
    }


def test_status_changes_with_dates(runner: CliRunner, ledger: Path) -> None:
    for args in (
        ("done", "2022-04-14#6.1", "--on", "20/04/2022"),
        ("cancel", "2022-04-14#6.3", "--reason", "Đã giao ở văn bản khác", "--on", "21/04/2022"),
    ):
        assert invoke(runner, ledger, *args).exit_code == 0
    out = invoke(runner, ledger, "diff", "HEAD~2", "HEAD").stdout
    assert "~ #6.1 trạng thái: đang thực hiện → hoàn thành (ngày 20/04/2022)" in out
    assert "~ #6.3 trạng thái: đang thực hiện → đã hủy (ngày 21/04/2022)" in out
    assert "~ #6.3 lý do hủy: (trống) → Đã giao ở văn bản khác" in out
    assert "ngày hoàn thành:" not in out  # already said by the status line
    assert invoke(runner, ledger, "reopen", "2022-04-14#6.1").exit_code == 0
    out = invoke(runner, ledger, "diff", "HEAD~1", "HEAD").stdout
    assert "~ #6.1 trạng thái: hoàn thành → đang thực hiện" in out
    kinds = [
        (c["kind"], c["field"], c["old"], c["new"]) for c in diff_json(runner, ledger)["changes"]
    ]
    assert kinds == []  # the working tree is HEAD
    changes = diff_json(runner, ledger, "HEAD~3..HEAD")["changes"]
    assert [(c["task"], c["kind"], c["new"]) for c in changes if c["kind"] == "status"] == [
        (f"{NOTICE_ID}#6.3", "status", "cancelled")
    ]


def test_tasks_added_removed_renumbered_owners_and_text(runner: CliRunner, ledger: Path) -> None:
    text = (
        NOTICE.replace('item: "6.1"', 'item: "6.4"')  # renumbered, same text
        .replace("owners: [VP]\n    supports: [BTC]", "owners: [BTC]\n    supports: [VP]")
        .replace("phân bổ kinh phí", "phân bổ ngay kinh phí")
        .replace(
            '  - item: "6.2"\n'
            "    text: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng\n"
            "    owners: [Văn phòng Trung ương Đoàn]\n"
            "    deadline: trước ngày 30/04/2022\n"
            "    status: open\n",
            "",
        )
        + '  - item: "7"\n    text: Nhiệm vụ mới\n    owners: [VP]\n    deadline: thường xuyên\n'
    )
    commit_text(ledger, text)
    out = invoke(runner, ledger, "diff", "HEAD~1", "HEAD").stdout
    lines = out.splitlines()
    assert "  ~ #6.1 đổi số thành #6.4" in lines
    assert (
        "  - #6.2 xóa nhiệm vụ: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng"
        in (lines)
    )
    assert "  + #7 thêm nhiệm vụ: Nhiệm vụ mới (chủ trì: VP | hạn: thường xuyên)" in lines, out
    assert "  ~ #6.3 đơn vị chủ trì: + BTC; - VP" in lines
    assert "  ~ #6.3 đơn vị phối hợp: + VP; - BTC" in lines
    assert (
        "  ~ #6.3 nội dung: Văn phòng khẩn trương tham mưu phân bổ {+ngay+} kinh phí cho các "
        "Tiểu ban" in lines
    )
    changes = diff_json(runner, ledger, "HEAD~1", "HEAD")["changes"]
    owners = next(c for c in changes if c["field"] == "owners")
    assert (owners["task"], owners["old"], owners["new"]) == (f"{NOTICE_ID}#6.3", ["VP"], ["BTC"])


def test_deadline_moved_earlier_is_not_flagged(runner: CliRunner, ledger: Path) -> None:
    commit_text(ledger, NOTICE.replace("trước ngày 25/04/2022", "trước ngày 22/04/2022"))
    [change] = diff_json(runner, ledger, "HEAD~1", "HEAD")["changes"]
    assert (change["days"], change["later"]) == (-3, False)
    out = invoke(runner, ledger, "diff", "HEAD~1").stdout
    assert '(25/04/2022) → "trước ngày 22/04/2022" (22/04/2022), sớm hơn 3 ngày' in out
    assert "⚠" not in out


def test_a_deadline_without_one_day_reads_as_textconv_reads_it(
    runner: CliRunner, ledger: Path
) -> None:
    """A duty, an ongoing task, a deadline counted from an event, one giaoban cannot read,
    and none at all: each side says what it means in the words of textconv (git's view of
    the same file), never "(không có ngày)" (qa11c finding 06: a monthly duty moved read as
    moving between two deadlines "without a date")."""
    with_fourth = NOTICE + (
        '  - item: "7"\n    text: Báo cáo tháng\n    owners: [VP]\n'
        "    deadline: trước 14h00 thứ 6 hàng tuần\n"
        '  - item: "8"\n    text: Rà soát\n    owners: [VP]\n'
    )
    commit_text(ledger, with_fourth, "thêm mục 7, 8")
    moved = (
        with_fourth.replace("trong tháng 4/2022", "trước ngày 30 hằng tháng")
        .replace("trước ngày 30/04/2022", "thường xuyên")
        .replace("trước ngày 25/04/2022", "trước khai mạc Đại hội ít nhất 10 ngày")
        .replace("trước 14h00 thứ 6 hàng tuần", "chưa rõ ràng lắm")
        .replace("text: Rà soát\n", "text: Rà soát\n    deadline: trước ngày 15 hằng tháng\n")
    )
    commit_text(ledger, moved)
    out = invoke(runner, ledger, "diff", "HEAD~1", "HEAD").stdout
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"

    def textconv(revision: str) -> dict[str, str]:
        """Each task's deadline line in textconv, at ``revision``: '#6.1' → 'phrase (words)'."""
        text = run_git(ledger.parent, "show", f"{revision}:data/2022/{NOTICE_ID}.yaml")
        path.write_text(text, encoding="utf-8")
        result = invoke(runner, ledger, "textconv", str(path))
        assert result.exit_code == 0, result.output
        return dict(
            line.split(" hạn: ", 1) for line in result.stdout.splitlines() if " hạn: " in line
        )

    before, after = textconv("HEAD~1"), textconv("HEAD")
    run_git(ledger.parent, "checkout", "-q", "--", ".")

    def quoted(fact: str) -> str:
        """textconv's 'phrase (words)' as diff writes a side: '"phrase" (words)'."""
        phrase, _, words = fact.rpartition(" (")
        return f'"{phrase}" ({words}' if phrase else fact

    for item in ("6.1", "6.2", "6.3", "7", "8"):
        old, new = quoted(before[f"#{item}"]), quoted(after[f"#{item}"])
        assert f"~ #{item} dời hạn: {old} → {new}" in out, (item, out)
    assert "không có ngày" not in out
    assert '"trước ngày 30 hằng tháng" (định kỳ)' in out
    assert '"thường xuyên" (không có hạn cụ thể)' in out
    assert '~ #8 dời hạn: (không có hạn) → "trước ngày 15 hằng tháng" (định kỳ)' in out


def test_notices_added_and_removed(runner: CliRunner, ledger: Path) -> None:
    (ledger / "2022" / "2022-05-05-giao-ban.yaml").write_text(OTHER, encoding="utf-8")
    run_git(ledger.parent, "add", ".")
    run_git(ledger.parent, "commit", "-qm", "thêm")
    run_git(ledger.parent, "rm", "-q", f"data/2022/{NOTICE_ID}.yaml")
    run_git(ledger.parent, "commit", "-qm", "xóa")
    added = invoke(runner, ledger, "diff", "HEAD~2", "HEAD~1").stdout
    assert "2022-05-05-giao-ban — Kết luận giao ban tháng 5/2022" in added
    assert "+ thêm thông báo: Kết luận giao ban tháng 5/2022 (1 nhiệm vụ)" in added
    removed = diff_json(runner, ledger, "HEAD~1", "HEAD")["changes"]
    assert [(c["notice"], c["kind"], c["tasks"]) for c in removed] == [
        (NOTICE_ID, "notice-removed", 3)
    ]


def test_working_tree_against_head_and_one_revision(runner: CliRunner, ledger: Path) -> None:
    path = ledger / "2022" / f"{NOTICE_ID}.yaml"
    path.write_text(NOTICE.replace("trong tháng 4/2022", "trong tháng 5/2022"), encoding="utf-8")
    out = invoke(runner, ledger, "diff").stdout
    assert out.startswith("Thay đổi trong sổ từ HEAD đến thư mục làm việc (chưa commit)\n")
    assert '~ #6.1 dời hạn: "trong tháng 4/2022" (30/04/2022) → "trong tháng 5/2022"' in out
    assert diff_json(runner, ledger, "HEAD")["to"] is None
    assert diff_json(runner, ledger, "HEAD")["changes"] == diff_json(runner, ledger)["changes"]


def test_three_dot_range_is_against_the_merge_base(runner: CliRunner, ledger: Path) -> None:
    repo = ledger.parent
    run_git(repo, "switch", "-qc", "sua-han")
    commit_text(ledger, NOTICE.replace("trước ngày 30/04/2022", "trước ngày 05/05/2022"))
    run_git(repo, "switch", "-q", "main")
    (ledger / "2022" / "2022-05-05-giao-ban.yaml").write_text(OTHER, encoding="utf-8")
    run_git(repo, "add", ".")
    run_git(repo, "commit", "-qm", "main đi tiếp")
    changes = diff_json(runner, ledger, "main...sua-han")["changes"]
    assert [(c["kind"], c["task"]) for c in changes] == [("deadline", f"{NOTICE_ID}#6.2")]
    both = diff_json(runner, ledger, "main..sua-han")["changes"]
    assert {c["kind"] for c in both} == {"deadline", "notice-removed"}


def test_no_change_and_bad_revisions(runner: CliRunner, ledger: Path) -> None:
    assert "Không có thay đổi nào" in invoke(runner, ledger, "diff").stdout
    bad = invoke(runner, ledger, "diff", "khong-co")
    assert bad.exit_code == 2
    assert "'khong-co' không phải một phiên bản" in bad.stderr
    many = invoke(runner, ledger, "diff", "HEAD", "HEAD", "HEAD")
    assert many.exit_code == 2 and "nhiều nhất hai phiên bản" in many.stderr


def test_outside_git_is_a_clear_error(runner: CliRunner, data_dir: Path, git_env: None) -> None:
    result = invoke(runner, data_dir, "diff")
    assert result.exit_code == 2
    assert "không nằm trong kho git" in result.stderr


def test_a_file_broken_at_a_revision_is_named(runner: CliRunner, ledger: Path) -> None:
    commit_text(ledger, NOTICE.replace("status: open", "status: [", 1))
    result = invoke(runner, ledger, "diff", "HEAD", "--format", "json")
    assert result.exit_code == 0
    head = run_git(ledger.parent, "rev-parse", "--short=7", "HEAD").strip()
    assert f"bỏ qua tệp không đọc được: {head}:data/2022/{NOTICE_ID}.yaml:" in result.stderr


def test_colours_only_on_a_terminal(runner: CliRunner, ledger: Path, monkeypatch) -> None:
    commit_text(
        ledger,
        NOTICE.replace("trước ngày 30/04/2022", "trước ngày 10/05/2022").replace(
            "    deadline: trước ngày 25/04/2022\n    status: open",
            "    deadline: trước ngày 25/04/2022\n    status: done\n    done_on: 2022-04-20",
        ),
    )
    plain = invoke(runner, ledger, "diff", "HEAD~1").stdout
    assert "\x1b[" not in plain
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = invoke(runner, ledger, "diff", "HEAD~1").stdout
    assert "\x1b[1;31m~ #6.2 dời hạn" in coloured  # later: bold red
    assert "\x1b[32m~ #6.3 trạng thái" in coloured  # done: green


def test_a_note_appended(runner: CliRunner, ledger: Path) -> None:
    noted = invoke(
        runner, ledger, "note", "2022-04-14#6.2", "Đã nhắc các ban", "--on", "20/04/2022"
    )
    assert noted.exit_code == 0, noted.output
    out = invoke(runner, ledger, "diff", "HEAD~1", "HEAD").stdout
    assert "  + #6.2 ghi chú: 20/04/2022: Đã nhắc các ban" in out.splitlines()
    [change] = diff_json(runner, ledger, "HEAD~1", "HEAD")["changes"]
    assert (change["kind"], change["field"], change["new"]) == (
        "appended",
        "notes",
        {"date": "2022-04-20", "text": "Đã nhắc các ban"},
    )
