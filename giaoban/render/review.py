"""Rendering the review: ``giaoban diff``, ``giaoban sync`` and ``giaoban log --summary``.

Renderers print computed records and compute nothing. Colours mean something
(red: a deadline moved later, green: done, yellow: cancelled or reopened) and
appear only on a terminal without NO_COLOR (rich honours both); the text is
the same with or without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from giaoban.history.git import CommitInfo
from giaoban.history.revisions import Conflict, Review, SyncResult
from giaoban.history.semdiff import Change, describe, without_restated
from giaoban.history.story import short_text
from giaoban.history.summary import Summary
from giaoban.model.problems import Problem
from giaoban.model.text import visible
from giaoban.render.terminal import console, text

_REMOVED = re.compile(r"\[-.*?-\]")
_ADDED = re.compile(r"\{\+.*?\+\}")
_TITLE_WIDTH = 90


def change_text(change: Change) -> Text:
    """One change as a styled line (the words of ``semdiff.describe``)."""
    line = text(describe(change), style=_style(change))
    if change.kind == "text":
        line.highlight_regex(_REMOVED, "red strike")
        line.highlight_regex(_ADDED, "green")
    return line


def _style(change: Change) -> str:
    if change.kind == "deadline":
        return "bold red" if change.details.get("later") else "green"
    if change.kind == "status":
        return {"done": "green", "cancelled": "yellow", "open": "yellow"}.get(change.new, "")
    return ""


def _revision(rev: str | None) -> str:
    if rev is None:
        return "thư mục làm việc (chưa commit)"
    is_id = len(rev) == 40 and all(c in "0123456789abcdef" for c in rev)
    return rev[:7] if is_id else rev


def grouped(changes: Iterable[Change], titles: dict[str, str]) -> list[Text]:
    """The changes under one heading per notice (its id and title), in order."""
    lines: list[Text] = []
    notice = None
    for change in without_restated(changes):
        if change.notice != notice:
            notice = change.notice
            title = short_text(titles.get(notice, ""), _TITLE_WIDTH)
            lines.append(text(""))
            lines.append(text(f"{notice} — {title}" if title else notice, style="bold"))
        line = text("  ")
        line.append_text(change_text(change))
        lines.append(line)
    return lines


def print_review(review: Review) -> None:
    out = console()
    span = review.range
    out.print(text(f"Thay đổi trong sổ từ {_revision(span.old)} đến {_revision(span.new)}"))
    shown = without_restated(review.changes)
    if not shown:
        out.print("Không có thay đổi nào về thông báo, nhiệm vụ.")
    for line in grouped(shown, review.titles):
        out.print(line)
    notices = len({c.notice for c in shown})
    if shown:
        out.print(text(f"\n{len(shown)} thay đổi trong {notices} thông báo.", "dim"))
    print_unreadable(review.problems)


def print_unreadable(problems: Iterable[Problem]) -> None:
    """Files left out of the comparison because they could not be read (on stderr)."""
    err = console(stderr=True)
    for problem in problems:
        err.print(text(f"giaoban: cảnh báo: bỏ qua tệp không đọc được: {problem}", "yellow"))


# --- sync ----------------------------------------------------------------------------------


def print_sync(result: SyncResult) -> None:
    _SYNC_PRINTERS[result.state](console(), result)


def _synced(out: Console, r: SyncResult) -> None:
    if not r.received and not r.sent:
        out.print(f"Sổ đã khớp với {r.upstream}: không có gì để nhận hay gửi.")
        return
    out.print(
        text(
            f"Đã đồng bộ với {r.upstream}: nhận {r.received} commit, gửi {r.sent} commit.",
            "bold green",
        )
    )
    _print_incoming(out, r)


def _print_incoming(out: Console, r: SyncResult) -> None:
    if r.incoming is not None and r.incoming.changes:
        out.print("Thay đổi nhận về từ kho chung:")
        for line in grouped(r.incoming.changes, r.incoming.titles):
            out.print(line)


def _dirty(out: Console, r: SyncResult) -> None:
    out.print(text("Chưa đồng bộ: thư mục dữ liệu có thay đổi chưa commit:", "bold red"))
    for path in r.dirty:
        out.print(f"  {path}", markup=False)
    _steps(
        out,
        "Các lệnh giaoban (done, postpone, add...) tự commit; thay đổi sửa tay thì hãy "
        "commit trước (hoặc bỏ đi), rồi chạy lại 'giaoban sync':",
        r.next_steps,
    )


def _steps(out: Console, intro: str, steps: Iterable[str]) -> None:
    out.print(intro)
    for step in steps:
        out.print(f"  {step}", markup=False)


def _setup(out: Console, r: SyncResult) -> None:
    messages = {
        "detached": "Chưa đồng bộ: kho đang không ở nhánh nào (detached HEAD). Chuyển về nhánh:",
        "no-remote": "Chưa đồng bộ: kho chưa có kho chung (remote). "
        "Thêm kho chung rồi đẩy lần đầu:",
        "no-upstream": "Chưa đồng bộ: nhánh hiện tại chưa gắn với nhánh nào trên kho chung. "
        "Đẩy lần đầu và gắn nhánh:",
    }
    _steps(out, messages[r.state], r.next_steps)
    out.print("Sau đó, mỗi lần: giaoban sync")


def _conflict(out: Console, r: SyncResult) -> None:
    content = [c for c in r.conflicts if c.deletion is None]
    gone = [c for c in r.conflicts if c.deletion is not None]
    if content or not gone:
        out.print(text("Xung đột: bạn và người khác cùng sửa những dòng sau.", "bold red"))
    if gone:
        out.print(
            text("Xung đột: một thông báo bị xóa ở một bên và được sửa ở bên kia.", "bold red")
        )
    out.print(
        "Đang dừng giữa chừng (git rebase); không mất gì: thay đổi của bạn và của kho chung "
        f"đều còn trong {'git' if gone else 'tệp'}."
    )
    for conflict in content:
        out.print(text(f"\n{conflict.path}", style="bold"))
        for hunk in conflict.hunks:
            names = ", ".join(f"{conflict.notice}#{i}" for i in hunk.items)
            out.print(f"  nhiệm vụ {names}:" if names else "  phần đầu thông báo:")
            for label, lines in (("kho chung", hunk.upstream), ("của bạn", hunk.local)):
                for line in lines[:6] or ["(không có dòng nào)"]:
                    out.print(f"    {label:<9} | {line}", markup=False)
                if len(lines) > 6:
                    out.print(f"    {label:<9} | … (thêm {len(lines) - 6} dòng)")
    for conflict in gone:
        _deleted(out, conflict)
    if r.output:
        out.print(text("git không liệt kê được các tệp xung đột (xem 'git status'):", "red"))
        for line in r.output.splitlines():
            out.print(f"  | {line}", markup=False)
    _print_received(out, r)
    if content:
        out.print(
            "\nMỗi chỗ xung đột nằm giữa <<<<<<< và >>>>>>>: phần trên ======= là bản trên kho "
            "chung, phần dưới là thay đổi của bạn. Sửa thành nội dung đúng và xóa ba dòng dấu."
        )
    if not gone:
        _steps(out, "Để hoàn tất (kiểm tra, đánh dấu đã sửa, tiếp tục, rồi đẩy lên):", r.next_steps)
    else:
        *first, last = r.next_steps
        if first:
            _steps(out, "Trước hết, các tệp có dấu xung đột (kiểm tra, đánh dấu đã sửa):", first)
        upstream = any(c.deletion.upstream_deleted for c in gone if c.deletion)
        keep, drop = _DELETION_WAYS[upstream]
        out.print("\nChọn một trong hai cách (mỗi cách tiếp tục git rebase):")
        _steps(out, f"  {keep}", [f"  {r.keep}"])
        _steps(out, f"  {drop}", [f"  {r.drop}"])
        _steps(out, "Rồi kiểm tra và đẩy lên:", [last])
    _steps(out, "Để hủy, trở lại như trước khi chạy 'giaoban sync':", r.abort)


# (what keeping and letting go mean) when the shared repository deleted the notice, and
# when your commit did
_DELETION_WAYS = {
    True: (
        "Giữ thông báo (commit ghi rõ là khôi phục thông báo đã bị xóa, kèm thay đổi của bạn):",
        "Bỏ thông báo (theo kho chung; thay đổi của bạn trên nó không được gửi):",
    ),
    False: (
        "Giữ thông báo (bỏ việc xóa của bạn; giữ bản trên kho chung):",
        "Bỏ thông báo (giữ việc xóa của bạn; thay đổi trên kho chung bị xóa theo):",
    ),
}


def _deleted(out: Console, conflict: Conflict) -> None:
    """A notice deleted on one side and changed on the other: who did what, from git."""
    deletion = conflict.deletion
    assert deletion is not None
    out.print(text(f"\n{conflict.path}", style="bold"))

    def commit(info: CommitInfo) -> str:
        said = "" if deletion.hidden else f" — {visible(info.subject)}"
        return (
            f"commit {info.short} của {visible(info.author)}, {info.written:%d/%m/%Y %H:%M}{said}"
        )

    deleted = commit(deletion.deleted_by) if deletion.deleted_by else "commit không rõ"
    if deletion.upstream_deleted:
        out.print(f"  Kho chung đã xóa thông báo {conflict.notice}: {deleted}", markup=False)
        for info in deletion.changed_by:
            out.print(f"  Bạn đã sửa nó: {commit(info)}", markup=False)
        for line in grouped(deletion.changes, {}):
            if line.plain.startswith("  "):
                out.print(text("  ").append_text(line))
        out.print("  Tệp trong thư mục là bản của bạn, đủ cả (không có dấu xung đột).")
    else:
        out.print(f"  Bạn đã xóa thông báo {conflict.notice}: {deleted}", markup=False)
        for info in deletion.changed_by:
            out.print(f"  Kho chung đã sửa nó: {commit(info)}", markup=False)
        out.print("  Tệp trong thư mục là bản trên kho chung (không có dấu xung đột).")


def _print_received(out: Console, r: SyncResult) -> None:
    if r.incoming is not None and r.incoming.changes:
        out.print(text(f"\nĐang nhận {r.received} commit từ kho chung:", "bold"))
        for line in grouped(r.incoming.changes, r.incoming.titles):
            out.print(line)


def _invalid(out: Console, r: SyncResult) -> None:
    _print_incoming(out, r)
    for problem in r.problems:
        out.print(str(problem), markup=False)
    out.print(
        text(
            f"Không đẩy lên {r.upstream}: sổ có {len(r.problems)} lỗi (xem ở trên). "
            "Các commit đã nhận về vẫn ở máy này; sửa lỗi, commit, rồi chạy lại 'giaoban sync'.",
            "bold red",
        )
    )


_REFUSED = {
    "status-failed": "đọc trạng thái của kho (git status); chưa đồng bộ gì",
    "pull-failed": "lấy về (git fetch, git rebase)",
    "push-failed": "đẩy lên (git push)",
}


def _git_refused(out: Console, r: SyncResult) -> None:
    if r.state == "push-failed":
        _print_incoming(out, r)
    what = _REFUSED[r.state]
    out.print(text(f"git không {what} được:", "bold red"))
    for line in r.output.splitlines():
        out.print(f"  | {line}", markup=False)
    if r.state == "push-failed":
        out.print("Có thể người khác vừa đẩy lên; chạy lại 'giaoban sync'.")


def _rewritten(out: Console, r: SyncResult) -> None:
    out.print(
        text(
            f"Chưa đồng bộ: lịch sử trên {r.upstream} đã bị viết lại (force-push); "
            f"{len(r.lost)} commit của bạn đã có trên kho chung nay không còn ở đó.",
            "bold red",
        )
    )
    _steps(out, "Không có gì bị bỏ: các commit đó vẫn ở máy này. Chọn một trong hai:", r.next_steps)


_SYNC_PRINTERS = {
    "synced": _synced,
    "dirty": _dirty,
    "detached": _setup,
    "no-remote": _setup,
    "no-upstream": _setup,
    "conflict": _conflict,
    "invalid": _invalid,
    "status-failed": _git_refused,
    "pull-failed": _git_refused,
    "rewritten": _rewritten,
    "push-failed": _git_refused,
}


# --- log --summary -----------------------------------------------------------------------------


def _days(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def summary_table(summary: Summary) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Đơn vị (chủ trì)", overflow="fold", min_width=24, max_width=40)
    for header in ("Thêm", "Hoàn thành", "Hủy", "Gia hạn", "Số ngày"):
        table.add_column(header, justify="right")
    for row in (*summary.units, summary.total):
        if row is summary.total:
            table.add_section()
        days = text(_days(row.days), style="red" if row.days > 0 else "")
        cells = (str(row.added), str(row.done), str(row.cancelled), str(row.postponed))
        table.add_row(row.unit, *cells, days, style="bold" if row is summary.total else "")
    return table


def print_summary(summary: Summary) -> None:
    out = console()
    since = f"{summary.since:%d/%m/%Y}" if summary.since else "đầu"
    until = f"{summary.until:%d/%m/%Y}" if summary.until else "nay"
    out.print(text(f"Tổng hợp thay đổi theo đơn vị, từ {since} đến {until}", style="bold"))
    if not summary.units:
        out.print("Không có thay đổi nào về nhiệm vụ trong khoảng này.")
        return
    out.print(summary_table(summary))
    out.print(
        text(
            "Nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị; dòng 'Cả sổ' tính "
            "mỗi nhiệm vụ một lần. Số ngày: tổng số ngày các hạn bị dời (hạn mới trừ hạn cũ).",
            style="dim",
        )
    )
