"""Surgical edits: the exact lines each operation changes in a file full of comments."""

from __future__ import annotations

import difflib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giaoban.edit import operations as edits
from giaoban.edit.yamledit import Insert, Set, apply_edits, load_plain

COMMENTED = """\
# Thông báo kết luận giao ban tháng 02/2019 — chép tay từ bản giấy.
# Mọi chú thích trong tệp này phải còn nguyên sau mỗi lệnh.

id: 2019-02-18-giao-ban   # = tên tệp
kind: thông báo kết luận
title: >-
  Kết luận của đồng chí Bí thư thứ nhất tại Hội nghị giao ban
  khối phong trào tháng 02/2019
date: 2019-02-18
x-ghi-chu-rieng: khóa lạ, phải giữ nguyên   # unknown key
tasks:
  # --- mục 1 ---
  - item: '1'
    text: Xây dựng kế hoạch công tác năm 2019 của ban, đơn vị
      và gửi về Văn phòng    # plain scalar on two lines
    owners: [VP]          # chủ trì
    deadline: "trước ngày 25/02/2019"   # hạn như văn bản
    status: open   # chưa xong
    # chú thích sau trạng thái, về mục 1

  - item: "2"
    text: >-
      Báo cáo tiến độ công việc về Văn phòng
      trước 14h00 thứ 6 hàng tuần.
    owners:
      - Ban Tổ chức Trung ương Đoàn
    deadline: trước 14h00 thứ 6 hàng tuần
    done_occurrences: [2019-02-22]
    status: open
    notes: []   # chưa có ghi chú
  - item: "3"
    text: Rà soát danh mục
    deadline: trong Quý I/2019
    extensions:
    - from: trong tháng 02/2019
      to: trong Quý I/2019
      reason: Chờ số liệu   # lệch thụt lề, giữ nguyên
    status: open
# hết
"""
TODAY = date(2019, 2, 20)


def changes(old: str, new: str) -> list[str]:
    """The changed lines of a zero-context diff: "-old" and "+new"."""
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("---", "+++")]


def test_done_changes_only_status_and_adds_done_on() -> None:
    new = edits.done(COMMENTED, "1", edits.DoneArgs(), TODAY)
    assert changes(COMMENTED, new) == [
        "-    status: open   # chưa xong",
        "+    status: done   # chưa xong",
        "+    done_on: 2019-02-20",
    ]


def test_done_with_note_and_result_in_documented_order() -> None:
    args = edits.DoneArgs(on=date(2019, 2, 24), note="Đã gửi: bản số 2", result="Đã ban hành")
    new = edits.done(COMMENTED, "1", args, TODAY)
    assert changes(COMMENTED, new) == [
        "-    status: open   # chưa xong",
        "+    status: done   # chưa xong",
        "+    done_on: 2019-02-24",
        "+    result: Đã ban hành",
        "+    notes:",
        "+      - date: 2019-02-24",
        '+        text: "Đã gửi: bản số 2"',
    ]


def test_reopen_after_done_gives_back_the_same_bytes() -> None:
    done = edits.done(COMMENTED, "1", edits.DoneArgs(), TODAY)
    assert edits.reopen(done, "1") == COMMENTED


def test_cancel() -> None:
    new = edits.cancel(COMMENTED, "3", edits.CancelArgs("Không còn phù hợp"), TODAY)
    assert changes(COMMENTED, new) == [
        "-    status: open",
        "+    status: cancelled",
        "+    cancelled_on: 2019-02-20",
        "+    cancel_reason: Không còn phù hợp",
    ]
    assert edits.reopen(new, "3") == COMMENTED


def test_postpone_keeps_the_old_deadline_in_a_new_extension() -> None:
    args = edits.PostponeArgs("trước ngày 05/3/2019", "Chờ ý kiến Bí thư", "Nguyễn Bình Minh")
    new = edits.postpone(COMMENTED, "1", args, date(2019, 2, 24))
    assert changes(COMMENTED, new) == [
        '-    deadline: "trước ngày 25/02/2019"   # hạn như văn bản',
        "+    deadline: trước ngày 05/3/2019   # hạn như văn bản",
        "+    extensions:",
        "+      - from: trước ngày 25/02/2019",
        "+        to: trước ngày 05/3/2019",
        "+        reason: Chờ ý kiến Bí thư",
        "+        approved_by: Nguyễn Bình Minh",
        "+        date: 2019-02-24",
    ]


def test_postpone_appends_to_an_existing_list_in_its_own_indentation() -> None:
    args = edits.PostponeArgs("2019-04-15", "Chờ Quý II")
    new = edits.postpone(COMMENTED, "3", args, TODAY)
    assert changes(COMMENTED, new) == [
        "-    deadline: trong Quý I/2019",
        "+    deadline: 2019-04-15",
        "+    - from: trong Quý I/2019",
        "+      to: 2019-04-15",
        "+      reason: Chờ Quý II",
        "+      date: 2019-02-20",
    ]
    assert "      reason: Chờ số liệu   # lệch thụt lề, giữ nguyên\n    - from" in new


def test_note_on_an_empty_flow_list_keeps_nothing_else() -> None:
    new = edits.add_note(COMMENTED, "2", "Tuần 8 đã báo cáo", TODAY)
    assert changes(COMMENTED, new) == [
        "-    notes: []   # chưa có ghi chú",
        "+    notes:",
        "+      - date: 2019-02-20",
        "+        text: Tuần 8 đã báo cáo",
    ]


def test_done_occurrence_goes_in_date_order_in_a_flow_list() -> None:
    args = edits.DoneArgs(occurrence=date(2019, 3, 1))
    new = edits.done(COMMENTED, "2", args, TODAY)
    assert changes(COMMENTED, new) == [
        "-    done_occurrences: [2019-02-22]",
        "+    done_occurrences: [2019-02-22, 2019-03-01]",
    ]
    earlier = edits.done(new, "2", edits.DoneArgs(occurrence=date(2019, 2, 15)), TODAY)
    assert "done_occurrences: [2019-02-15, 2019-02-22, 2019-03-01]" in earlier
    assert edits.reopen(new, "2", date(2019, 3, 1)) == COMMENTED


def test_done_occurrence_twice_is_refused() -> None:
    with pytest.raises(edits.EditError, match="22/02/2019"):
        edits.done(COMMENTED, "2", edits.DoneArgs(occurrence=date(2019, 2, 22)), TODAY)


def test_add_task_goes_after_the_last_task_before_the_closing_comment() -> None:
    task = {"item": edits.next_item(COMMENTED), "text": "Tổng hợp", "owners": ["VP"]}
    new = edits.add_task(COMMENTED, task)
    assert changes(COMMENTED, new) == [
        '+  - item: "4"',
        "+    text: Tổng hợp",
        "+    owners:",
        "+      - VP",
        "+    status: open",
    ]
    assert new.endswith("    status: open\n# hết\n")


def test_add_task_with_a_used_item_is_refused() -> None:
    with pytest.raises(edits.EditError, match="đã có mục '2'"):
        edits.add_task(COMMENTED, {"item": "2", "text": "x"})


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda t: edits.cancel(t, "1", edits.CancelArgs("x"), TODAY), "đã hoàn thành"),
        (lambda t: edits.done(t, "1", edits.DoneArgs(), TODAY), "đã hoàn thành ngày 20/02/2019"),
        (
            lambda t: edits.postpone(t, "1", edits.PostponeArgs("x", "y"), TODAY),
            "mục 1 đã hoàn thành; không gia hạn",
        ),
    ],
)
def test_operations_refuse_a_done_task(operation, message) -> None:
    done = edits.done(COMMENTED, "1", edits.DoneArgs(), TODAY)
    with pytest.raises(edits.EditError, match=message):
        operation(done)


def test_reopen_an_open_task_is_refused() -> None:
    with pytest.raises(edits.EditError, match="đang mở"):
        edits.reopen(COMMENTED, "1")


def test_unknown_item_is_an_error() -> None:
    with pytest.raises(edits.EditError, match="không tìm thấy mục '9'"):
        edits.done(COMMENTED, "9", edits.DoneArgs(), TODAY)


def test_a_task_in_flow_style_is_edited_on_its_own_lines_only() -> None:
    text = COMMENTED.replace("# hết\n", '  - {item: "4", text: Việc gọn, status: open}\n# hết\n')
    new = edits.done(text, "4", edits.DoneArgs(note="xong"), TODAY)
    assert changes(text, new) == [
        '-  - {item: "4", text: Việc gọn, status: open}',
        '+  - {item: "4", text: Việc gọn, status: done, done_on: 2019-02-20, notes: [{date: '
        "2019-02-20, text: xong}]}",
    ]


def test_other_indentation_styles_are_followed() -> None:
    text = "id: a\nkind: k\ntitle: t\ndate: 2019-01-01\ntasks:\n- item: '1'\n  text: t\n"
    new = edits.add_note(text, "1", "ghi", TODAY)
    assert new == text + "  notes:\n  - date: 2019-02-20\n    text: ghi\n"


def test_crlf_and_no_final_newline_are_kept() -> None:
    text = COMMENTED.rstrip("\n")
    new = edits.done(text, "3", edits.DoneArgs(), TODAY)
    assert not new.endswith("\n")
    assert changes(text, new) == [
        "-    status: open",
        "+    status: done",
        "+    done_on: 2019-02-20",
    ]


def test_a_block_that_keeps_its_blank_lines_falls_back_to_the_round_trip() -> None:
    # The splice would put the new key inside "|+"'s kept blank line; the check sees
    # that, and the round trip (on this task's lines only) does it right.
    text = "id: a\ntasks:\n  - item: '1'\n    text: |+\n      giữ dòng trống\n\n"
    new = apply_edits(text, "1", [Set("status", "done")])
    assert load_plain(new)["tasks"][0] == {
        "item": "1",
        "text": "giữ dòng trống\n\n",
        "status": "done",
    }


def test_a_file_that_cannot_be_read_is_refused() -> None:
    text = "id: a\ntasks:\n  - item: '1'\n    text: a\n    text: b\n"
    with pytest.raises(edits.EditError, match="không đọc được"):
        apply_edits(text, "1", [Set("status", "done")])


@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_any_note_text_reads_back_the_same(note: str) -> None:
    new = apply_edits(COMMENTED, "2", [Insert("notes", {"date": TODAY, "text": note})])
    task = next(t for t in load_plain(new)["tasks"] if t["item"] == "2")
    assert task["notes"] == [{"date": TODAY, "text": note}]
    assert changes(COMMENTED, new)[0] == "-    notes: []   # chưa có ghi chú"
