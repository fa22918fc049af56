"""The semantic diff between two states of a ledger, on real loaded notices."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

from giaoban.history.semdiff import Change, describe, diff_notices, word_diff
from giaoban.model.ledger import Notice
from giaoban.store.loader import load_ledger

BASE = """\
id: 2022-04-14-giao-ban
kind: thông báo kết luận
title: Kết luận giao ban tháng 4/2022
date: 2022-04-14
tasks:
  - item: "6.1"
    text: Các ban, đơn vị tiếp thu ý kiến vào các báo cáo chuyên đề
    owners: [Các ban, đơn vị khối phong trào]
    deadline: hoàn thành trong tháng 4/2022
    status: open
  - item: "6.2"
    text: Thường trực các tiểu ban báo cáo kết quả công việc về Văn phòng
    owners: [Văn phòng Trung ương Đoàn]
    deadline: trước ngày 30/04/2022
    status: open
  - item: "6.3"
    text: Văn phòng khẩn trương tham mưu phân bổ kinh phí cho các Tiểu ban
    owners: [Văn phòng Trung ương Đoàn]
    deadline: khẩn trương
    status: open
"""


def notices(tmp_path: Path, name: str, text: str) -> Sequence[Notice]:
    root = tmp_path / name
    (root / "2022").mkdir(parents=True, exist_ok=True)
    (root / "2022" / "2022-04-14-giao-ban.yaml").write_text(textwrap.dedent(text), "utf-8")
    result = load_ledger(root)
    assert result.problems == ()
    return result.ledger.notices


def changes_between(tmp_path: Path, new_text: str) -> list[Change]:
    return diff_notices(notices(tmp_path, "a", BASE), notices(tmp_path, "b", new_text))


def test_no_change(tmp_path: Path) -> None:
    assert changes_between(tmp_path, BASE) == []


def test_deadline_moved_later_with_reason(tmp_path: Path) -> None:
    new = BASE.replace(
        "    deadline: trước ngày 30/04/2022\n",
        "    deadline: trước ngày 15/05/2022\n"
        "    extensions:\n"
        "      - from: trước ngày 30/04/2022\n"
        "        to: trước ngày 15/05/2022\n"
        "        reason: Chờ số liệu các tỉnh\n",
    )
    [change] = changes_between(tmp_path, new)
    assert (change.kind, change.task, change.old, change.new) == (
        "deadline",
        "2022-04-14-giao-ban#6.2",
        "trước ngày 30/04/2022",
        "trước ngày 15/05/2022",
    )
    assert change.details["days"] == 15 and change.details["later"] is True
    line = describe(change)
    assert line == (
        '~ #6.2 dời hạn: "trước ngày 30/04/2022" (30/04/2022) → "trước ngày 15/05/2022" '
        "(15/05/2022), muộn hơn 15 ngày ⚠; lý do: Chờ số liệu các tỉnh"
    )
    assert change.to_json()["old_due"] == "2022-05-01T00:00:00+07:00"


def test_status_done_with_date(tmp_path: Path) -> None:
    new = BASE.replace(
        "    deadline: khẩn trương\n    status: open",
        "    deadline: khẩn trương\n    status: done\n    done_on: 2022-04-20",
    )
    changes = changes_between(tmp_path, new)
    assert [(c.kind, c.field) for c in changes] == [("status", "status"), ("field", "done_on")]
    status = changes[0]
    assert describe(status) == "~ #6.3 trạng thái: đang thực hiện → hoàn thành (ngày 20/04/2022)"


def test_tasks_added_removed_and_renumbered(tmp_path: Path) -> None:
    new = (
        BASE.replace('item: "6.3"', 'item: "6.4"').replace(
            '  - item: "6.1"\n    text: Các ban, đơn vị tiếp thu ý kiến vào các báo cáo chuyên đề\n'
            "    owners: [Các ban, đơn vị khối phong trào]\n"
            "    deadline: hoàn thành trong tháng 4/2022\n    status: open\n",
            "",
        )
        + '  - item: "7"\n    text: Nhiệm vụ mới\n    deadline: thường xuyên\n'
    )
    got = {(c.kind, c.task) for c in changes_between(tmp_path, new)}
    assert got == {
        ("task-renumbered", "2022-04-14-giao-ban#6.4"),
        ("task-removed", "2022-04-14-giao-ban#6.1"),
        ("task-added", "2022-04-14-giao-ban#7"),
    }


def test_owners_and_text_changes(tmp_path: Path) -> None:
    new = BASE.replace(
        "    owners: [Văn phòng Trung ương Đoàn]\n    deadline: khẩn trương",
        "    owners: [Ban Tổ chức Trung ương Đoàn]\n    deadline: khẩn trương",
    ).replace("phân bổ kinh phí", "phân bổ ngay kinh phí")
    by_kind = {c.kind: c for c in changes_between(tmp_path, new)}
    assert by_kind["units"].details == {
        "added": ["Ban Tổ chức Trung ương Đoàn"],
        "removed": ["Văn phòng Trung ương Đoàn"],
    }
    assert describe(by_kind["text"]).endswith("phân bổ {+ngay+} kinh phí cho các Tiểu ban")


def test_notice_added_and_removed(tmp_path: Path) -> None:
    old = notices(tmp_path, "a", BASE)
    changes = diff_notices(old, ())
    assert [(c.kind, c.notice) for c in changes] == [("notice-removed", "2022-04-14-giao-ban")]
    added = diff_notices((), old)[0]
    assert describe(added) == "+ thêm thông báo: Kết luận giao ban tháng 4/2022 (3 nhiệm vụ)"


def test_word_diff() -> None:
    assert word_diff("a b c d", "a x c d e") == "a [-b-] {+x+} c d {+e+}"
