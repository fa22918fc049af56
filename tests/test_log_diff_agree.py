"""``giaoban log`` and ``giaoban diff`` tell the same hand edits, in the same words; ``log``
refuses an id that names nothing, as ``show`` does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit import operations as edits
from tests.conftest import run_git

NOTICE_ID = "2019-02-18-giao-ban"


def _notice(confidential: bool = False) -> dict:
    return {
        "id": NOTICE_ID,
        "kind": "thông báo kết luận",
        "title": "Kết luận hội nghị giao ban tháng 02/2019",
        "date": date(2019, 2, 18),
        "issuer": "Ban Bí thư Trung ương Đoàn",
        "confidential": confidential,
        "signer": {"position": "Chánh Văn phòng", "name": "Nguyễn Bình Minh"},
        "recipients": ["Các ban", "Lưu VP"],
        "sections": [{"number": "1", "title": "Công tác nội bộ"}],
        "meeting": {"name": "Hội nghị giao ban", "date": date(2019, 2, 18), "place": "Hà Nội"},
        "tasks": [
            {
                "item": "1",
                "text": "Xây dựng kế hoạch",
                "owners": ["VP"],
                "deadline": "trước ngày 05/03/2019",
                "status": "done",
                "done_on": date(2019, 3, 11),
                "notes": [{"date": date(2019, 3, 12), "text": "Đã trình Ban Bí thư"}],
                "extensions": [
                    {
                        "from": "trước ngày 01/03/2019",
                        "to": "trước ngày 05/03/2019",
                        "reason": "Chờ số liệu",
                        "date": date(2019, 2, 27),
                    }
                ],
            },
            {"item": "2", "text": "Rà soát danh mục", "owners": ["BTC"]},
        ],
    }


def _hand_edit(ledger: Path, *pairs: tuple[str, str]) -> None:
    path = next(ledger.rglob(f"{NOTICE_ID}.yaml"))
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    run_git(ledger.parent, "commit", "-qam", "sửa tay")


def _run(runner: CliRunner, ledger: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--data", str(ledger)])
    return result.exit_code, result.output


BACKDATED = (
    ("done_on: 2019-03-11", "done_on: 2019-03-04"),
    ("- date: 2019-03-12", "- date: 2019-03-05"),
)


def test_a_backdated_done_day_and_a_redated_note_are_edits_in_log_and_diff(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(ledger, *BACKDATED)

    code, log = _run(runner, ledger, "log", f"{NOTICE_ID}#1")
    assert code == 0, log
    assert "sửa ngày hoàn thành: 11/03/2019 → 04/03/2019" in log
    assert "sửa ghi chú" in log
    assert log.count("ghi chú: Đã trình Ban Bí thư") == 0  # no new note, it was re-dated
    code, diff = _run(runner, ledger, "diff", "HEAD~1", "HEAD")
    assert code == 0, diff
    assert "~ #1 ngày hoàn thành: 11/03/2019 → 04/03/2019" in diff
    assert "~ #1 ghi chú: - 12/03/2019: Đã trình Ban Bí thư; + 05/03/2019: Đã trình" in diff


def test_a_confidential_notice_s_hand_edits_of_dates_are_in_log(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(confidential=True), commit=True)
    _hand_edit(ledger, BACKDATED[0], ("date: 2019-02-27", "date: 2019-02-20"))

    code, log = _run(runner, ledger, "log", f"{NOTICE_ID}#1")
    assert code == 0, log
    assert "sửa ngày hoàn thành: 11/03/2019 → 04/03/2019" in log
    assert "sửa gia hạn" in log
    assert "Chờ số liệu" not in log
    code, diff = _run(runner, ledger, "diff", "HEAD~1", "HEAD")
    assert "~ #1 gia hạn:" in diff and "Chờ số liệu" not in diff


def test_a_day_done_taken_out_by_hand_is_told(ledger: Path, runner: CliRunner) -> None:
    notice = _notice()
    notice["tasks"][1].update(deadline="hằng tháng", done_occurrences=[date(2019, 3, 18)])
    edits.create_notice(ledger, notice, commit=True)
    _hand_edit(ledger, ("    done_occurrences:\n      - 2019-03-18\n", ""))

    code, log = _run(runner, ledger, "log", f"{NOTICE_ID}#2")
    assert code == 0, log
    assert "mở lại lần 18/03/2019" in log


NOTICE_EDITS = [
    ("kind", ("kind: thông báo kết luận", "kind: sơ kết"), "loại"),
    ("issuer", ("issuer: Ban Bí thư", "issuer: Văn phòng"), "cơ quan ban hành"),
    ("signer", ("name: Nguyễn Bình Minh", "name: Nguyễn Văn Khác"), "người ký"),
    ("recipients", ("- Lưu VP", "- Lưu VP, BTC"), "nơi nhận"),
    ("sections", ("title: Công tác nội bộ", "title: Công tác văn phòng"), "các mục"),
    ("place", ("issuer:", "place: Hà Nội\nissuer:"), "nơi ban hành"),
    ("meeting", ("place: Hà Nội", "place: Đà Nẵng"), "hội nghị"),
]


@pytest.mark.parametrize(("key", "edit", "label"), NOTICE_EDITS, ids=[e[0] for e in NOTICE_EDITS])
def test_diff_and_log_name_every_changed_field_of_a_notice_alike(
    ledger: Path, runner: CliRunner, key: str, edit: tuple[str, str], label: str
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(ledger, edit)

    code, diff = _run(runner, ledger, "diff", "HEAD~1", "HEAD")
    assert code == 0, diff
    assert f"~ {label}: " in diff
    assert "1 thay đổi trong 1 thông báo" in diff
    code, log = _run(runner, ledger, "log", NOTICE_ID)
    assert code == 0, log
    assert f"sửa {label}  (" in log
    assert f"sửa {key}" not in log


def test_diff_tells_what_went_and_came_of_a_list_in_a_notice(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(ledger, ("- Lưu VP", "- Lưu VP, BTC"), ("place: Hà Nội", "place: Đà Nẵng"))

    code, diff = _run(runner, ledger, "diff", "HEAD~1", "HEAD")
    assert code == 0, diff
    assert "~ nơi nhận: Lưu VP → Lưu VP, BTC" in diff
    assert "~ hội nghị: nơi họp: Hà Nội → nơi họp: Đà Nẵng" in diff


def test_log_names_a_task_s_hand_edited_fields_in_vietnamese(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(ledger, ("- BTC", "- VP"))

    code, log = _run(runner, ledger, "log", f"{NOTICE_ID}#2")
    assert code == 0, log
    assert "sửa đơn vị chủ trì" in log and "owners" not in log


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (f"{NOTICE_ID}#99", f"thông báo {NOTICE_ID} không có mục '99'"),
        ("2019#1", "mã '2019' khớp nhiều thông báo"),
        ("2099-01-01", "không có thông báo nào có mã '2099-01-01' trong sổ hay trong lịch sử"),
        ("2099-01-01#3", "không có nhiệm vụ nào có mã '2099-01-01#3' trong sổ hay trong lịch sử"),
    ],
)
def test_log_refuses_an_id_that_names_nothing_as_show_does(
    ledger: Path, runner: CliRunner, query: str, message: str
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    other = {**_notice(), "id": "2019-05-02-so-ket", "title": "Sơ kết"}
    edits.create_notice(ledger, other, commit=True)

    code, out = _run(runner, ledger, "log", query)
    assert code == 1, out
    assert message in out
    assert "chưa nằm trong git" not in out


def test_log_still_tells_a_deleted_notice_and_a_deleted_task(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(ledger, ('- item: "2"', '- item: "3"'))
    code, out = _run(runner, ledger, "log", f"{NOTICE_ID}#2")
    assert code == 0, out
    assert "xóa nhiệm vụ" in out
    path = next(ledger.rglob(f"{NOTICE_ID}.yaml"))
    run_git(ledger.parent, "rm", "-q", str(path))
    run_git(ledger.parent, "commit", "-qm", "xóa")
    code, out = _run(runner, ledger, "log", NOTICE_ID)
    assert code == 0, out
    assert "xóa thông báo" in out


def test_a_cancellation_by_hand_tells_its_reason_once_and_a_reason_edited_later(
    ledger: Path, runner: CliRunner
) -> None:
    edits.create_notice(ledger, _notice(), commit=True)
    _hand_edit(
        ledger,
        ("- BTC\n    status: open", "- BTC\n    status: cancelled\n    cancelled_on: 2019-03-01"),
        (
            "- BTC\n    status: cancelled",
            "- BTC\n    cancel_reason: Trùng việc\n    status: cancelled",
        ),
    )
    _hand_edit(ledger, ("cancel_reason: Trùng việc", "cancel_reason: Đã giao cho BTC"))

    code, log = _run(runner, ledger, "log", f"{NOTICE_ID}#2")
    assert code == 0, log
    lines = [line for line in log.splitlines() if "hủy" in line]
    assert len(lines) == 2, log
    assert "hủy; lý do: Trùng việc" in lines[0]
    assert "sửa lý do hủy" in lines[1]
