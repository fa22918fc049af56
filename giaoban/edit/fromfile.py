"""A new notice from the clerk's own file (``giaoban add --from-file``), kept as written.

The file is written as the clerk wrote it (comments, key order, quoting, flow
style, block scalars, line breaks inside texts, line ends, BOM), with only what
``add`` must add or change, each named in a line of ``KeptFile.changes`` so the
clerk is told:

- the text in Unicode NFC, the form giaoban stores;
- an ``id`` where the file has none (the one ``add`` chose);
- ``status: open`` on a task that has no status;
- a date written as a string (``"2024-05-02"``, as JSON writes it) made a date.

When the notice so written would have errors, nothing is written and each error
is located in the clerk's own file, at its own line and column
(:func:`in_source`), not in the data file that was never written.

The additions are the surgical edits of ``giaoban.edit.yamledit`` (its invariant:
the text reads back as the document with exactly these edits). A file they cannot
edit in place (JSON, a notice written in flow style) is rebuilt in giaoban's own
layout, its texts as written (line breaks kept), and that is said as well.
"""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from giaoban.edit.drafts import ADD_KEPT_PREFIX, keep_copy
from giaoban.edit.located import in_source
from giaoban.edit.newnotice import coerce_dates, notice_text
from giaoban.edit.transaction import EditRefusedError, ledger_lock
from giaoban.edit.yamledit import EditError, Set, apply_edits, load_plain
from giaoban.model.errors import GiaobanError
from giaoban.model.problems import Problem
from giaoban.model.text import nfc
from giaoban.store.files import WriteFailedError

NFC_CHANGE = "chữ được chuyển sang dạng Unicode dựng sẵn (NFC), dạng giaoban lưu"
REBUILT = (
    "tệp không sửa tại chỗ được ({why}): ghi lại theo cách trình bày của giaoban, "
    "nội dung giữ nguyên nhưng chú thích và thứ tự khóa không giữ được"
)


@dataclass(frozen=True)
class KeptFile:
    """The text of the new notice file, and what it changed of the clerk's (Vietnamese)."""

    text: str
    changes: tuple[str, ...]


def _date_sets(data: Mapping[str, Any], where: str) -> tuple[list[Set], list[str]]:
    """Set edits for the keys of ``data`` holding a date written as a string."""
    wanted = coerce_dates({k: v for k, v in data.items() if k != "tasks"})
    edits = [Set(k, v) for k, v in wanted.items() if v != data[k]]
    said = [f"{where}'{e.key}' ghi dạng chuỗi được ghi thành ngày" for e in edits]
    return edits, said


def _task_edits(task: Mapping[str, Any]) -> tuple[list[Set], list[str]]:
    edits, said = _date_sets(task, f"mục {task['item']}: ")
    if task.get("status") in (None, ""):
        edits.append(Set("status", "open"))
    return edits, said


@dataclass(frozen=True)
class _Plan:
    """The edits ``add`` makes to a clerk's notice, and the lines that say them: one
    list, whether the edits are made in place or the file is rebuilt."""

    notice: list[Set]
    tasks: list[tuple[str, list[Set]]]
    said: list[str]


def _plan(plain: Mapping[str, Any], nid: str) -> _Plan:
    """What ``add`` must change of the notice ``plain`` to write it under ``nid``."""
    edits, said = _date_sets(plain, "")
    if plain.get("id") != nid:
        edits.insert(0, Set("id", nid))
        had = "id" in plain and plain["id"] not in (None, "")
        said.insert(0, f"'id' ghi thành '{nid}'" if had else f"thêm 'id: {nid}'")
    tasks: list[tuple[str, list[Set]]] = []
    opened: list[str] = []
    for task in _tasks(plain):
        if task.get("item") in (None, ""):
            continue  # the check names it; nothing to add to it here
        task_edits, task_said = _task_edits(task)
        said += task_said
        if any(e.key == "status" for e in task_edits):
            opened.append(str(task["item"]))
        if task_edits:
            tasks.append((str(task["item"]), task_edits))
    if opened:
        said.append(f"thêm 'status: open' cho mục {', '.join(opened)} (chưa ghi trạng thái)")
    return _Plan(edits, tasks, said)


def _edited(text: str, plan: _Plan) -> str:
    """``text`` with the edits of ``plan`` made in place (``EditError``: they cannot be)."""
    if plan.notice:
        text = apply_edits(text, None, plan.notice)
    for item, edits in plan.tasks:
        text = apply_edits(text, item, edits)
    return text


def kept_notice_text(source: str, nid: str) -> KeptFile:
    """The clerk's notice file ``source`` (LF line ends) as ``add`` writes it under ``nid``.

    Only the changes listed in the module's docstring are made, and each is
    named in ``changes``, whether the file is edited in place or rebuilt; the
    rest of the text is kept byte for byte.
    """
    text = nfc(source)
    said = [NFC_CHANGE] if text != source else []
    plain = load_plain(text)
    plan = _plan(plain, nid)
    try:
        return KeptFile(_edited(text, plan), (*said, *plan.said))
    except EditError:
        pass
    why = "viết kiểu JSON, trong { }" if text.lstrip().startswith("{") else "cách viết này"
    rebuilt = notice_text({**coerce_dates(plain), "id": nid}, as_written=True)
    return KeptFile(rebuilt, (*said, *plan.said, REBUILT.format(why=why)))


def _tasks(plain: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    tasks = plain.get("tasks")
    return [t for t in tasks if isinstance(t, Mapping)] if isinstance(tasks, list) else []


# --- errors, where the clerk wrote them ----------------------------------------------------


STDIN = "stdin"  # how a problem names standard input (``--from-file -``)


class SourceRefusedError(GiaobanError):
    """The notice read from a clerk's file has errors; nothing was written."""

    def __init__(self, shown: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        where = "dữ liệu từ stdin" if shown == STDIN else f"tệp '{shown}'"
        head = f"không thêm thông báo: {where} có {len(problems)} lỗi (chưa ghi gì vào sổ):"
        super().__init__("\n".join([head, *map(str, problems)]))


def kept_as_draft(
    error: GiaobanError, target: Path, text: str, options: Sequence[str]
) -> GiaobanError:
    """``error``, which stopped the new notice ``text`` from being written at ``target``,
    with ``text`` kept as a draft in the system's temporary folder (``keep_copy``), so
    that nothing the clerk gave is lost and every problem names a line that exists: the
    error's problems are named at the draft's own lines, and the message ends with the
    command that adds the draft once it is put right (``giaoban add --from-file DRAFT``
    and ``options``, from ``add_options``). ``error`` as it was when no draft can be
    written."""
    try:
        draft = keep_copy(ADD_KEPT_PREFIX, target.name, text.encode("utf-8"))
    except WriteFailedError:
        return error
    message, then = error.message, "thêm vào sổ khi đã xử lý xong"
    if isinstance(error, EditRefusedError):
        found = in_source(error.problems, target, text, text, str(draft))
        message, then = str(SourceRefusedError(str(draft), found)), "sửa các lỗi trên rồi thêm"
    kept = f"Thông báo được giữ làm bản nháp ở {draft}; {then}:"
    command = shlex.join(["giaoban", "add", "--from-file", str(draft), *options])
    return DraftKeptError(f"{message}\n{kept}\n  {command}", draft, error.exit_code)


@contextlib.contextmanager
def new_notice_lock(
    data_dir: Path, planned: Callable[[], tuple[Path, str]] | None, options: Sequence[str]
) -> Iterator[None]:
    """The ledger lock of ``data_dir`` held to add a new notice. When the folder cannot
    be written (``WriteFailedError``: read-only, full), the notice is not lost: its path
    and text, as ``planned`` makes them, are kept as a draft (``kept_as_draft``, with the
    ``add --from-file`` and ``options`` that add it) and that error is raised instead.
    ``planned`` None: nothing to keep (a notice read from the clerk's own file)."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(ledger_lock(data_dir))
        except WriteFailedError as exc:
            if planned is None:
                raise
            path, text = planned()
            raise kept_as_draft(exc, path, text, options) from None
        yield


def add_options(data_dir: Path, commit: bool, allow_duplicate: bool = False) -> list[str]:
    """The options of the ``giaoban add --from-file`` that adds a kept draft to the data
    folder ``data_dir`` as the command that kept it would have added it."""
    options = ["--data", str(data_dir)]
    options += [] if commit else ["--no-commit"]
    return options + (["--allow-duplicate"] if allow_duplicate else [])


class DraftKeptError(GiaobanError):
    """A new notice that could not be added, kept as a draft (``kept_as_draft``)."""

    def __init__(self, message: str, draft: Path, exit_code: int) -> None:
        super().__init__(message)
        self.draft = draft
        self.exit_code = exit_code
