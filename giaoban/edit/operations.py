"""The editing commands' operations, and saving a change: lock, write, check, commit.

Each operation takes a notice file's text and returns the new text, changing
only the keys it owns (see ``giaoban.edit.yamledit`` for how and for the invariant):

| operation | owns |
|---|---|
| ``done`` | ``status``, ``done_on``, ``result``, ``done_occurrences``; adds to ``notes`` and |
|  | ``occurrence_results`` |
| ``reopen`` | ``status``; removes ``done_on``, ``cancelled_on``, ``cancel_reason`` |
| ``cancel`` | ``status``, ``cancelled_on``, ``cancel_reason`` |
| ``postpone`` | ``deadline``; adds to ``extensions`` |
| ``stop`` | ``until`` |
| ``add_note`` | adds to ``notes`` |
| ``add_task`` | adds to the notice's ``tasks`` |

"Today" is always passed in; nothing here reads the clock.
"""

from __future__ import annotations

import bisect
import os
import re
import shlex
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from giaoban.checks.check import ledger_folders
from giaoban.deadline import Deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import short_due
from giaoban.edit.duplicates import refuse_duplicate
from giaoban.edit.fromfile import (
    STDIN,
    KeptFile,
    SourceRefusedError,
    add_options,
    kept_as_draft,
    kept_notice_text,
    new_notice_lock,
)
from giaoban.edit.located import in_source
from giaoban.edit.newnotice import (
    NOTICE_KEYS,
    coerce_dates,
    item_problem,
    notice_id,
    notice_path,
    notice_record,
    notice_text,
    ordered,
    taken_ids,
    task_record,
)
from giaoban.edit.transaction import (
    CommitBlockedError,
    EditConflictError,
    EditRefusedError,
    Saved,
    SourceText,
    ensure_committable,
    save_change,
    save_edited,
    save_new,
    will_commit,
)
from giaoban.edit.yamledit import (
    Delete,
    Edit,
    EditError,
    Insert,
    Remove,
    Set,
    apply_edits,
    load_plain,
    task_data,
)
from giaoban.history.git import ever_held
from giaoban.history.story import (
    EARLIER_RESULT,
    DoneSaid,
    Message,
    add_notice_message,
    add_task_message,
    cancel_message,
    done_message,
    note_message,
    postpone_message,
    reopen_message,
    stop_message,
)
from giaoban.model.errors import (
    GiaobanError,
    InvalidDataError,
    NotFoundError,
    UsageError,
    no_data_folder,
)
from giaoban.model.facts import is_recurring
from giaoban.model.ids import holders, id_key, new_id_problem, resolve_notice, resolve_task
from giaoban.model.ledger import Extension, Ledger, Notice, Task
from giaoban.model.marks import ItemMark, first_label, next_label, read_item
from giaoban.model.schedule import next_duty_occurrence, occurrences_near, unmatched_done
from giaoban.model.settings import Settings
from giaoban.model.shown import shown_or_hidden, shown_text, shown_value
from giaoban.model.text import collapse_spaces, nfc, without_controls
from giaoban.store.files import WriteFailedError
from giaoban.store.ledgers import ledger_name, merge_ledgers, unique_names
from giaoban.store.loader import SETTINGS_FILE, load_ledger, load_settings, notice_files

__all__ = [
    "EditConflictError",
    "EditError",
    "EditRefusedError",
    "STDIN",
    "SourceRefusedError",
    "Saved",
    "SourceText",
    "save_edited",
    "CommitBlockedError",
    "ensure_committable",
]

_MAX_OCCURRENCES = 10_000


@dataclass(frozen=True)
class DoneArgs:
    on: date | None = None
    note: str | None = None
    result: str | None = None
    occurrence: date | None = None  # a recurring duty: the occurrence done


@dataclass(frozen=True)
class CancelArgs:
    reason: str
    on: date | None = None


@dataclass(frozen=True)
class PostponeArgs:
    deadline: str | date
    reason: str
    approved_by: str | None = None
    on: date | None = None


def clean_text(text: str) -> str:
    """User text as stored: NFC, one line, single spaces, no control characters (a pasted
    form feed or terminal colour code is a space, not a character check warns about)."""
    return collapse_spaces(without_controls(nfc(text)))


def _status(task: dict[str, Any]) -> str:
    return str(task.get("status") or "open")


# A task that is no longer open, in the words the clerk reads (never the file's key and value).
_CLOSED = {"done": "đã hoàn thành", "cancelled": "đã hủy"}


def _refuse_closed(task: dict[str, Any], item: str, then: str) -> None:
    """Refuse an edit of a task that is done or cancelled: ``mục 1 đã hủy; {then}``, where
    ``then`` says what the clerk can do (reopen it first) or why nothing is needed."""
    status = _status(task)
    if status != "open":
        word = _CLOSED.get(status, f"có trạng thái '{status}' không hợp lệ")
        raise EditError(f"mục {item} {word}; {then}")


_REOPEN_FIRST = "dùng 'giaoban reopen' trước"


def _day(value: Any) -> str:
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _words(text: str, what: str, or_else: str = "") -> str:
    """``text`` as stored, for words a command requires (a note, a reason); refused when
    nothing is left of it once stored (spaces only), which would be kept as an empty
    value the command said it recorded."""
    stored = clean_text(text)
    if not stored:
        raise EditError(f"{what} đang để trống; hãy ghi nội dung {what}{or_else}")
    return stored


def _given_words(text: str | None, what: str, option: str) -> str | None:
    """``text`` as stored, for words a command may be given (``option``: a result, a
    reason to stop, who approved): None when not given; given but blank, refused as
    ``_words`` refuses it (it would be dropped, or kept empty, while the command said it
    recorded it)."""
    return None if text is None else _words(text, what, f" hoặc bỏ {option}")


# The fields of a task given on the command line (``task add``), what each is called, and
# its option: one given but blank would be written empty or dropped while the command said
# it added the task.
_GIVEN_FIELDS = (
    ("text", "nội dung nhiệm vụ", "--text"),
    ("owners", "đơn vị chủ trì", "--owner"),
    ("supports", "đơn vị phối hợp", "--support"),
    ("deadline", "hạn", "--deadline"),
    ("item", "số mục", "--item"),
    ("section", "số phần", "--section"),
)


def refuse_blank_fields(task: Mapping[str, Any]) -> None:
    """Refuse a task whose field (or one of whose units) was given but says nothing
    (spaces only), as ``_given_words`` refuses a blank result or reason."""
    for key, what, option in _GIVEN_FIELDS:
        value = task.get(key)
        for one in value if isinstance(value, list) else [value]:
            if one is not None and not isinstance(one, date):
                _given_words(str(one), what, option)


def _note(on: date, text: str) -> Insert:
    """A progress note to add; refused when nothing is left of ``text`` once stored."""
    return Insert("notes", {"date": on, "text": _words(text, "ghi chú")})


def done(text: str, item: str, args: DoneArgs, today: date) -> str:
    """Mark task ``item`` done on ``args.on`` (default ``today``); or one occurrence of a duty.

    Owns ``status``, ``done_on``, ``result``, ``done_occurrences``, ``occurrence_results``
    and adds to ``notes``. Every result typed is kept: a duty's is its occurrence's (a new
    entry of ``occurrence_results``), and a task's ``result`` replaced by another (done
    again after a reopen) is kept first as a note of the day (``replaced_result``).
    """
    task = task_data(text, item)
    on = args.on or today
    result = _given_words(args.result, "kết quả", "--result")
    if _status(task) == "cancelled":
        _refuse_closed(task, item, _REOPEN_FIRST)
    if args.occurrence is not None:
        edits: list[Edit] = [_occurrence_insert(task, item, args.occurrence)]
        if result:
            edits.append(_result_insert(task, args.occurrence, result))
    elif _status(task) == "done":
        raise EditError(f"mục {item} đã hoàn thành ngày {_day(task.get('done_on'))}")
    else:
        edits = [Set("status", "done"), Set("done_on", on)]
        if result:
            edits.append(Set("result", result))
            earlier = replaced_result(task, result)
            if earlier is not None:
                edits.append(_note(on, f"{EARLIER_RESULT}: {earlier}"))
    if args.note is not None:
        edits.append(_note(on, args.note))
    return apply_edits(text, item, edits)


def replaced_result(task: dict[str, Any], result: str | None) -> str | None:
    """The ``result`` of ``task`` (a plain mapping) that ``result`` would replace: one
    that is there and says something else; None when nothing would be lost."""
    earlier = task.get("result")
    if result is None or earlier is None or clean_text(str(earlier)) == result:
        return None
    return str(earlier)


def _result_insert(task: dict[str, Any], occurrence: date, result: str) -> Insert:
    """A new ``{date, text}`` in ``occurrence_results``, after those of earlier or the same
    occurrences: each occurrence keeps its own result (one per done, none replaced)."""
    entries = task.get("occurrence_results") or []
    at = 0
    for i, entry in enumerate(entries if isinstance(entries, list) else ()):
        day = entry.get("date") if isinstance(entry, dict) else None
        if isinstance(day, date) and day <= occurrence:
            at = i + 1
    return Insert("occurrence_results", {"date": occurrence, "text": result}, at)


def _occurrence_insert(task: dict[str, Any], item: str, occurrence: date) -> Insert:
    done_days = [d for d in task.get("done_occurrences") or () if isinstance(d, date)]
    if occurrence in done_days:
        raise EditError(f"lần {occurrence:%d/%m/%Y} của mục {item} đã ghi hoàn thành")
    return Insert("done_occurrences", occurrence, bisect.bisect(sorted(done_days), occurrence))


def reopen(text: str, item: str, occurrence: date | None = None) -> str:
    """Open task ``item`` again (drop ``done_on``/``cancelled_on``/``cancel_reason``),
    or, with ``occurrence``, take that occurrence out of ``done_occurrences``."""
    task = task_data(text, item)
    if occurrence is not None:
        days = list(task.get("done_occurrences") or ())
        if occurrence not in days:
            raise EditError(f"lần {occurrence:%d/%m/%Y} của mục {item} chưa ghi hoàn thành")
        return apply_edits(text, item, [Delete("done_occurrences", days.index(occurrence))])
    if _status(task) == "open":
        raise EditError(f"mục {item} đang mở, không cần mở lại")
    edits: list[Edit] = [Set("status", "open")]
    edits += [Remove(k) for k in ("done_on", "cancelled_on", "cancel_reason") if k in task]
    return apply_edits(text, item, edits)


def cancel(text: str, item: str, args: CancelArgs, today: date) -> str:
    """Cancel task ``item``: owns ``status``, ``cancelled_on`` and ``cancel_reason``."""
    task = task_data(text, item)
    _refuse_closed(task, item, _REOPEN_FIRST)
    edits: list[Edit] = [
        Set("status", "cancelled"),
        Set("cancelled_on", args.on or today),
        Set("cancel_reason", _words(args.reason, "lý do hủy")),
    ]
    return apply_edits(text, item, edits)


def stop(text: str, item: str, until: date) -> str:
    """End duty ``item``: its last day is ``until`` (it owns ``until``)."""
    task = task_data(text, item)
    _refuse_closed(task, item, "không cần dừng")
    return apply_edits(text, item, [Set("until", until)])


def postpone(text: str, item: str, args: PostponeArgs, today: date) -> str:
    """Move task ``item``'s deadline; the old one is kept in a new ``extensions`` entry."""
    task = task_data(text, item)
    _refuse_closed(task, item, f"không gia hạn được; muốn gia hạn thì {_REOPEN_FIRST}")
    new = deadline_value(args.deadline)
    entry: dict[str, Any] = {}
    if task.get("deadline") is not None:
        entry["from"] = task["deadline"]
    entry["to"] = new
    entry["reason"] = _words(args.reason, "lý do gia hạn")
    approved_by = _given_words(args.approved_by, "người duyệt", "--approved-by")
    if approved_by is not None:
        entry["approved_by"] = approved_by
    entry["date"] = args.on or today
    return apply_edits(text, item, [Set("deadline", new), Insert("extensions", entry)])


def deadline_value(phrase: str | date) -> str | date:
    """A deadline as stored: an ISO date ("2019-03-05") as a date, else the phrase as text."""
    if isinstance(phrase, date):
        return phrase
    text = clean_text(phrase)
    try:
        return date.fromisoformat(text) if len(text) == 10 else text
    except ValueError:
        return text


def add_note(text: str, item: str, note: str, on: date) -> str:
    """Add a progress note ``{date, text}`` at the end of task ``item``'s ``notes``."""
    task_data(text, item)
    return apply_edits(text, item, [_note(on, note)])


def add_task(text: str, task: dict[str, Any]) -> str:
    """Append a task to the notice's ``tasks``; its item number must be new."""
    doc = load_plain(text)
    items = [str(t.get("item")) for t in doc.get("tasks") or () if isinstance(t, dict)]
    problem = item_problem(str(task.get("item") or ""), items)
    if problem is not None:
        raise EditError(problem)
    return apply_edits(text, None, [Insert("tasks", task_record(task))])


def next_item(text: str, section: str | None = None) -> str:
    """The item number after the largest whole number used in the notice; in ``section``,
    the next one in the form its items take ("6.7" gives "6.8"; a section whose items are
    numbered through the notice, or with none while no section numbers its own, the notice's
    next; ``EditError`` when the section's form has no next label)."""
    doc = load_plain(text)
    tasks = [t for t in doc.get("tasks") or () if isinstance(t, dict)]
    if section is not None:
        inside = _section_next(section, tasks)
        if inside is not None:
            return inside
    numbers = [
        int(str(t.get("item")).split(".")[0])
        for t in tasks
        if str(t.get("item")).split(".")[0].isdigit()
    ]
    return str(max(numbers, default=0) + 1)


def _section_next(section: str, tasks: list[dict[str, Any]]) -> str | None:
    """The next item of ``section`` when its items (else those of other sections) carry
    their section's number as a head, in their form ("6.1", "3.b", "3.1.", "3-1"); None
    when they are numbered through. ``EditError`` when that form has no next label (after
    "3.y", the last Vietnamese letter): never a number out of the section's form."""
    own = [m for t in tasks if str(t.get("section")) == section and (m := _own(t)) is not None]
    if own:
        last = own[-1]
        labels = [m.label for m in own if (m.head, m.tail) == (last.head, last.tail)]
        label = next_label(labels)
        if label is None:  # the letters ran out: no number in the section's form
            item = last.head + last.label + last.tail
            raise EditError(
                f"không đánh được số mục tiếp theo của phần {section}: mục '{item}' đã là "
                f"chữ cái cuối cùng; hãy ghi số mục bằng --item"
            )
        return last.head + label + last.tail
    others = [(t, m) for t in tasks if (m := _own(t)) is not None]
    if others:  # other sections number their own: the first item in their form
        task, last = others[-1]
        joint = last.head[len(str(task["section"])) :]
        return section + joint + first_label(last.label) + last.tail
    return None


def _own(task: dict[str, Any]) -> ItemMark | None:
    """The item of ``task`` as its section's number, what joins them and a label, if it
    is written so."""
    section = task.get("section")
    mark = read_item(str(task.get("item")))
    if section is None or mark is None or not mark.head.startswith(str(section)):
        return None
    joint = mark.head[len(str(section)) :]
    return mark if _JOINT.fullmatch(joint) else None


_JOINT = re.compile(r"[.\-/ ]?")  # "3.a", "3-1", "3/1", "3a"


# --- recurring duties ---------------------------------------------------------------------


def pick_occurrence(
    task: Task, deadline: Deadline, notice_date: date, tz: str, done_days: Iterable[date]
) -> date:
    """The earliest occurrence of duty ``task`` not in ``done_days``."""
    done_set = set(done_days)
    moment = midnight(notice_date, ZoneInfo(tz)) - timedelta(seconds=1)
    for _ in range(_MAX_OCCURRENCES):
        following = next_duty_occurrence(task, deadline, moment)
        if following is None:
            break
        moment = following.due
        if following.day not in done_set:
            return following.day
    raise EditError("nhiệm vụ định kỳ này không còn lần nào chưa hoàn thành")


def check_occurrence(task: Task, deadline: Deadline, day: date) -> None:
    """Refuse a day that is not an occurrence of duty ``task`` (naming the nearest ones)."""
    near = occurrences_near(task, deadline, (day - timedelta(days=31), day + timedelta(days=31)))
    days = [o.day for o in near]
    if day in days:
        return
    shown = ", ".join(f"{d:%d/%m/%Y}" for d in days if abs((d - day).days) <= 31)
    raise EditError(
        f"ngày {day:%d/%m/%Y} không phải một lần của nhiệm vụ định kỳ"
        + (f"; các lần gần đó: {shown}" if shown else "")
    )


def _days(values: Iterable[Any]) -> list[date]:
    """The dates among a list read from a notice's text."""
    return sorted(v for v in values if isinstance(v, date) and not isinstance(v, datetime))


# --- finding ---------------------------------------------------------------------------------


def _ledger_for(data_dir: Path, prefix: str) -> Ledger:
    """The ledger of the notices whose file name starts with ``prefix`` (all if none), up
    to case (``id_key``): a notice whose id is the same id is read too, to be refused."""
    if not data_dir.is_dir():
        raise no_data_folder(data_dir)
    key = id_key(prefix)
    files = [p for p in notice_files(data_dir) if id_key(p.stem).startswith(key)]
    result = load_ledger(data_dir, files or None)
    errors = [p for p in result.problems if p.is_error]
    if errors and not result.ledger.notices:
        raise InvalidDataError(errors)
    return result.ledger


def _in_this_ledger(data_dir: Path, query: str) -> str:
    """``query`` without the ledger's name that reports over many ledgers put before its
    ids (``hanoi/2022-04-14-giao-ban#6.2``), when it names ``data_dir``'s own ledger.

    Another ledger's id (prefixed, or bare and held by that ledger alone) is refused,
    naming the ``--data`` that edits it: each ledger is edited (and committed) in its own
    folder.
    """
    folder, name, bare = ledger_of(data_dir, query)
    if folder == data_dir:
        return bare
    where = shlex.quote(os.path.normpath(folder))
    raise UsageError(
        f"'{query}' là mã của sổ '{name}' (đọc cùng qua 'ledgers:'); mỗi sổ được sửa "
        f"trong thư mục của nó: chạy lại lệnh với mã '{bare}' và --data {where}"
    )


def ledger_of(data_dir: Path, query: str) -> tuple[Path, str, str]:
    """(data folder, name, ``query`` without that name) of the ledger ``query`` names: the
    one whose name reports over many ledgers put before its ids
    (``hanoi/2022-04-14-giao-ban#6.2``), else the one ledger read with ``data_dir``
    (``ledgers:``) that holds its notice. Every command taking an id finds it here: an id
    several ledgers hold is refused naming each (``giaoban.model.ids.resolve_notice``);
    one none holds is ``data_dir``'s, for its own message. An id never holds "/"
    (``id_problem``)."""
    folders = ledger_folders([data_dir])
    names = unique_names(folders)
    name, slash, _ = query.partition("#")[0].rpartition("/")
    if not slash:
        return _holder(data_dir, query, folders, names)
    bare = query[len(name) + 1 :]
    for folder, known in zip(folders, names, strict=True):
        if known == name:
            return folder, name, bare
    listed = ", ".join(f"'{known}/'" for known in names)
    raise NotFoundError(
        f"'{query}': không có sổ nào tên '{name}' đọc cùng thư mục '{data_dir}'"
        + (f" (các sổ: {listed})" if len(folders) > 1 else "")
    )


def _holder(
    data_dir: Path, query: str, folders: list[Path], names: list[str]
) -> tuple[Path, str, str]:
    """``ledger_of`` a bare ``query``: the ledger of ``folders`` holding its notice."""
    own = ledger_name(data_dir)
    if folders == [data_dir]:
        return data_dir, own, query  # one ledger: nothing to choose
    notice_part, _, item = query.partition("#")
    ledgers = [(_ledger_or_none(f, notice_part), n) for f, n in zip(folders, names, strict=True)]
    kept = [(ledger, name) for ledger, name in ledgers if ledger is not None]
    if not kept:
        return data_dir, own, query
    merged = merge_ledgers([ledger for ledger, _ in kept], [name for _, name in kept])
    if not holders(merged, notice_part):
        return data_dir, own, query
    notice_id = resolve_notice(merged, notice_part, item).id  # refuses several ledgers' ids
    name = notice_id.partition("/")[0] if len(kept) > 1 else kept[0][1]
    return folders[names.index(name)], name, query


def _ledger_or_none(folder: Path, prefix: str) -> Ledger | None:
    """The notices of ``folder`` whose file name starts with ``prefix``; None when they
    cannot be read (that ledger's own commands say why)."""
    try:
        return _ledger_for(folder, prefix)
    except GiaobanError:
        return None


def locate_task(data_dir: Path, query: str) -> tuple[Ledger, Task]:
    """The task ``NOTICE#ITEM`` (NOTICE may be a unique prefix), loading only what it needs."""
    query = _in_this_ledger(data_dir, query)
    notice_part = query.split("#", 1)[0]
    ledger = _ledger_for(data_dir, notice_part)
    task = resolve_task(ledger, query)
    _refuse_a_past_id(data_dir, notice_part, task.notice_id)
    return ledger, task


def locate_notice(data_dir: Path, query: str) -> tuple[Ledger, Notice]:
    """The notice ``query`` (a task id names its notice)."""
    notice_part = _in_this_ledger(data_dir, query).split("#", 1)[0]
    ledger = _ledger_for(data_dir, notice_part)
    notice = resolve_notice(ledger, notice_part)
    _refuse_a_past_id(data_dir, notice_part, notice.id)
    return ledger, notice


# an id written whole: its day and the words after it ("2025-03-10-giao-ban"), not a prefix
_WHOLE_ID = re.compile(r"^\d{4}-\d{2}-\d{2}-[^-]")


def _refuse_a_past_id(data_dir: Path, written: str, found: str) -> None:
    """Refuse an edit whose notice id, written whole, names no notice of the ledger but one
    of its history (deleted or renamed since), and so matched another notice's id as its
    prefix ("2025-03-10-giao-ban" for "2025-03-10-giao-ban-bo-sung"): the clerk meant the
    notice that was, not the one whose id merely begins the same. Asked of git only then."""
    if found == written or not _WHOLE_ID.match(written):
        return
    if ever_held(data_dir, f"{written}.yaml"):
        raise NotFoundError(
            f"không có thông báo '{written}' trong sổ: lịch sử git có tệp {written}.yaml "
            f"(thông báo đã xóa hoặc đổi tên; xem 'giaoban log {written}'). Thông báo "
            f"'{found}' chỉ bắt đầu bằng mã ấy: muốn sửa nó thì ghi đủ mã '{found}'"
        )


# --- the commands ---------------------------------------------------------------------------


# The day each edit records (``--on``): what it is called, and why a day still to come
# cannot be it (None: the day a postponement takes effect, which may be a later one).
_RECORDED_DAYS = {
    "done": ("ngày hoàn thành", "việc chưa làm thì chưa ghi hoàn thành"),
    "cancel": ("ngày hủy", "việc chưa hủy thì chưa ghi hủy"),
    "note": ("ngày ghi chú", "chỉ ghi chú điều đã có"),
    "postpone": ("ngày gia hạn có hiệu lực", None),
}


def check_day(action: str, day: date, notice: Notice, today: date) -> None:
    """The one rule of the day an edit records, for every edit command (``_RECORDED_DAYS``).

    Not before the notice: its tasks did not exist yet (``done_on`` so is the error
    ``done-before-notice``). Not after ``today`` for a day something was done, cancelled
    or noted: a slip (20/03 for 02/03) would leave the task open and late in every report
    until that day while the command said it was done.
    """
    what, why_not_later = _RECORDED_DAYS[action]
    if day < notice.date:
        raise EditError(
            f"{what} {day:%d/%m/%Y} sớm hơn ngày thông báo {notice.date:%d/%m/%Y}; "
            "nhiệm vụ chưa có trước ngày đó"
        )
    if why_not_later is not None and day > today:
        raise EditError(f"{what} {day:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}); {why_not_later}")


@dataclass(frozen=True)
class Outcome:
    """What a command did: the task, the saved file, and what it recorded."""

    task_id: str
    saved: Saved
    details: dict[str, Any]


Built = tuple[str, Message, dict[str, Any]]
Build = Callable[[str, Task, Notice, Ledger], Built]


def _logged(task: Task) -> str:
    """The task's text as its commit message may say it: "(mật)" for a confidential
    notice, as every report without ``--show-confidential`` (whoever reads the history
    of the repository reads the message)."""
    return shown_text(task, show_confidential=False)


def _logged_words(task: Task, words: str | None) -> str | None:
    """A reason or a note about ``task`` as its commit message may say it: "(mật)" for a
    confidential notice (``giaoban.model.shown.CONFIDENTIAL_FIELDS``): they quote the work."""
    return shown_value(words, task.confidential, show_confidential=False)


def _run(data_dir: Path, query: str, build: Build, commit: bool) -> Outcome:
    ledger, task = locate_task(data_dir, query)
    notice = ledger.notice(task.notice_id)
    assert notice is not None
    details: dict[str, Any] = {}

    def change(text: str) -> tuple[str, Message]:
        new, message, found = build(text, task, notice, ledger)
        details.update(found)
        return new, message

    path = Path(notice.source.path)
    saved = save_change(data_dir, path, change, commit=_commits(ledger, commit))
    return Outcome(task.id, saved, details)


def _commits(ledger: Ledger, commit: bool) -> bool:
    """Whether an edit of ``ledger`` asks for a commit: not ``--no-commit``, not
    ``commit: false`` in its settings."""
    return commit and ledger.settings.commit


def _occurrence(
    text: str, task: Task, notice: Notice, ledger: Ledger, wanted: date | None
) -> date | None:
    if not is_recurring(task.deadline):
        if wanted is not None:
            raise UsageError(f"{task.id} không phải nhiệm vụ định kỳ: bỏ --occurrence")
        return None
    assert isinstance(task.deadline, Deadline)
    if wanted is not None:
        check_occurrence(task, task.deadline, wanted)
        return wanted
    done_days = _days(task_data(text, task.item).get("done_occurrences") or ())
    tz = ledger.settings.timezone
    return pick_occurrence(task, task.deadline, notice.date, tz, done_days)


def mark_done(data_dir: Path, query: str, args: DoneArgs, today: date, commit: bool) -> Outcome:
    """``giaoban done``: a task done, or the next (or a given) occurrence of a duty."""

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        occurrence = _occurrence(text, task, notice, ledger, args.occurrence)
        on = args.on or today
        check_day("done", on, notice, today)
        result = _given_words(args.result, "kết quả", "--result")
        # before the edit: its read-back values would push the notice's read out of the cache
        kept = replaced_result(task_data(text, task.item), result) if occurrence is None else None
        new = done(text, task.item, DoneArgs(on, args.note, args.result, occurrence), today)
        said = DoneSaid(
            _logged_words(task, result),
            _logged_words(task, clean_text(args.note) if args.note is not None else None),
            _logged_words(task, clean_text(kept)) if kept is not None else None,
        )
        message = done_message(task.id, _logged(task), on, occurrence, said)
        return new, message, {"on": on, "occurrence": occurrence, "kept_result": kept is not None}

    return _run(data_dir, query, build, commit)


def mark_reopened(data_dir: Path, query: str, occurrence: date | None, commit: bool) -> Outcome:
    """``giaoban reopen``: a task open again, or one occurrence of a duty not done."""

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        day = occurrence
        if (
            day is None
            and is_recurring(task.deadline)
            and _status(task_data(text, task.item)) == "open"
        ):
            days = sorted(task_data(text, task.item).get("done_occurrences") or ())
            if not days:
                raise EditError(f"{task.id} chưa có lần nào ghi hoàn thành")
            day = days[-1]
        new = reopen(text, task.item, day)
        return new, reopen_message(task.id, day), {"occurrence": day}

    return _run(data_dir, query, build, commit)


def mark_cancelled(
    data_dir: Path, query: str, args: CancelArgs, today: date, commit: bool
) -> Outcome:
    """``giaoban cancel``: a task cancelled with its reason."""

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        on = args.on or today
        check_day("cancel", on, notice, today)
        new = cancel(text, task.item, args, today)
        reason = _logged_words(task, clean_text(args.reason)) or ""
        message = cancel_message(task.id, _logged(task), reason, on)
        return new, message, {"on": on}

    return _run(data_dir, query, build, commit)


def stop_duty(
    data_dir: Path,
    query: str,
    first_free: date,
    reason: str | None,
    commit: bool,
    today: date | None = None,
) -> Outcome:
    """``giaoban stop``: a recurring duty ends; ``first_free`` is the first day without it.

    The reason is told by the commit message. Where no message keeps it, it is kept in
    the file as a progress note of ``today`` (hidden as notes are): a confidential
    notice's message hides it, and a change that is not committed (``--no-commit``,
    ``commit: false``, a ledger outside git) has no message. ``details["reason_noted"]``
    says why it was (``confidential``, ``uncommitted``), None when it was not.
    """

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        if not is_recurring(task.deadline):
            raise EditError(f"{task.id} không phải nhiệm vụ định kỳ; dùng 'giaoban cancel'")
        if first_free <= notice.date:
            raise EditError(
                f"ngày dừng {first_free:%d/%m/%Y} không sau ngày thông báo {notice.date:%d/%m/%Y}"
            )
        until = first_free - timedelta(days=1)
        earlier = task_data(text, task.item).get("until")
        earlier = earlier if isinstance(earlier, date) else None
        _refuse_longer(task, earlier, until)
        days = _days(task_data(text, task.item).get("done_occurrences") or ())
        hidden = [d for d in days if d > until]
        if hidden:
            later = f"--from {hidden[-1] + timedelta(days=1):%d/%m/%Y} (dừng sau lần đó)"
            _refuse_hidden(task, hidden, f"dừng được từ ngày {first_free:%d/%m/%Y}", later)
        stated = _given_words(reason, "lý do dừng", "--reason")
        new = stop(text, task.item, until)
        why = _logged_words(task, stated) if stated else None
        noted = None
        if why and task.confidential:
            noted = "confidential"
        elif why and not will_commit(Path(notice.source.path), _commits(ledger, commit)):
            noted = "uncommitted"
        if noted:
            said = f"Dừng từ ngày {first_free:%d/%m/%Y}: {stated}"
            new = add_note(new, task.item, said, today or first_free)
        message = stop_message(task.id, _logged(task), first_free, until, why, earlier)
        if noted:  # the message says all the commit does
            message = replace(message, body=(*message.body, "Ghi chú thêm: lý do dừng."))
        return new, message, {"until": until, "reason_noted": noted}

    return _run(data_dir, query, build, commit)


def _refuse_longer(task: Task, earlier: date | None, until: date) -> None:
    """Refuse a stop that would make duty ``task`` run longer than its ``until`` says (a
    second stop with a later ``--from``): the weeks the earlier end left out would come
    back as occurrences, missed ones late in every report. ``stop`` only ends a duty;
    running it again is a change of ``until`` by hand (``giaoban edit``)."""
    if earlier is None or until <= earlier:
        return
    raise EditError(
        f"{task.id} đã dừng từ ngày {earlier + timedelta(days=1):%d/%m/%Y} (lần cuối trong "
        f"ngày {earlier:%d/%m/%Y}); dừng từ ngày {until + timedelta(days=1):%d/%m/%Y} sẽ "
        f"cho nhiệm vụ chạy lại từ {earlier + timedelta(days=1):%d/%m/%Y} đến "
        f"{until:%d/%m/%Y}, không phải dừng. Muốn nhiệm vụ chạy tiếp thì sửa 'until' "
        f"bằng 'giaoban edit {task.id}'"
    )


def move_deadline(
    data_dir: Path, query: str, args: PostponeArgs, today: date, commit: bool
) -> Outcome:
    """``giaoban postpone``: a new deadline, the old one kept in ``extensions``."""

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        data = task_data(text, task.item)
        old = data.get("deadline")
        if data.get("due") is not None and _status(data) == "open":
            _refuse_pinned(task.id, old, data["due"])
        check_day("postpone", args.on or today, notice, today)
        new_value = deadline_value(args.deadline)
        reading = _check_later(task, notice, ledger, new_value)
        _keep_done(text, task, reading, new_value, args.on or today)
        new = postpone(text, task.item, args, today)
        reason = _logged_words(task, clean_text(args.reason)) or ""
        by = args.approved_by and clean_text(args.approved_by)
        message = postpone_message(task.id, old, new_value, reason, by, args.on or today)
        return new, message, {"from": old, "to": new_value}

    return _run(data_dir, query, build, commit)


def _refuse_pinned(task_id: str, phrase: Any, pin: Any) -> NoReturn:
    """Refuse to postpone a task whose deadline the clerk pinned (``due:``): the reports
    follow the pin, so a new phrase beside it would change nothing while the command said
    the task was postponed. The clerk changes both, or drops the pin, by hand."""
    raise EditError(
        f'{task_id} có hạn ghim (due: {_day(pin)}) cho cụm "{phrase}", và các báo cáo theo '
        f"hạn ghim; gia hạn bằng 'giaoban edit {task_id}': sửa deadline và due (hoặc bỏ due)"
    )


def _check_later(task: Task, notice: Notice, ledger: Ledger, new: str | date) -> object:
    """A postponement moves a deadline later, to a day: a new deadline read to the same
    or an earlier due moment, or before the notice, is refused, and so is one with no
    day to be late by (``_refuse_no_day``). Returns the new deadline's reading (one that
    cannot be read is refused by the check of the file)."""
    from giaoban.deadline import parse_deadline  # start-up: the engine only when postponing

    phrase = new.strftime("%d/%m/%Y") if isinstance(new, date) else new
    settings = ledger.settings.deadline_settings().with_events(notice.events)
    reading = parse_deadline(phrase, notice.date, settings)
    if not isinstance(reading, Deadline) or is_recurring(reading):
        return reading
    if reading.due is None:
        _refuse_no_day(task, notice, reading)
    shown = short_due(reading.due, reading.has_time)
    if reading.due.date() <= notice.date:
        raise EditError(
            f"hạn mới ({shown}) không sau ngày thông báo {notice.date:%d/%m/%Y}; "
            "gia hạn là dời hạn về sau"
        )
    old = task.deadline
    if isinstance(old, Deadline) and old.due is not None and reading.due <= old.due:
        before = short_due(old.due, old.has_time)
        raise EditError(f"hạn mới ({shown}) không sau hạn cũ ({before}); gia hạn là dời hạn về sau")
    return reading


def _refuse_no_day(task: Task, notice: Notice, reading: Deadline) -> NoReturn:
    """Refuse a new deadline with no due moment ("thường xuyên", "kịp thời", "sau khi có ý
    kiến" with no day for the event): the task would be late by no day, and an overdue one
    would leave every report without a word. Not a postponement: cancel it, write it
    ongoing by hand, or date the event first."""
    said = f'hạn mới "{reading.phrase}"'
    if reading.kind == "relative" and reading.anchor:
        raise EditError(
            f"{said} tính từ '{reading.anchor}' nhưng chưa có ngày của mốc này, nên "
            f"{task.id} sẽ không quá hạn ngày nào và không báo cáo nào còn nhắc đến nó; "
            f"ghi ngày đó vào 'events:' của thông báo ('giaoban edit {notice.id}') "
            "rồi gia hạn lại"
        )
    raise EditError(
        f"{said} không có ngày hạn, nên {task.id} sẽ không quá hạn ngày nào và không báo cáo "
        "nào còn nhắc đến nó; gia hạn là dời hạn đến một ngày về sau. Thôi theo dõi việc "
        f"này thì dùng 'giaoban cancel'; đổi hẳn thành việc không có hạn thì sửa bằng "
        f"'giaoban edit {task.id}'"
    )


def _keep_done(text: str, task: Task, reading: object, new: str | date, on: date) -> None:
    """Refuse to postpone a duty when an occurrence recorded done would no longer be one:
    from ``on`` its occurrences follow the new deadline (``giaoban.model.schedule``), so one
    done on or after ``on`` under the old rule would be hidden from every report."""
    if not is_recurring(task.deadline) or not isinstance(reading, Deadline):
        return  # an unreadable new deadline is refused by the check of the file
    assert isinstance(task.deadline, Deadline)
    days = _days(task_data(text, task.item).get("done_occurrences") or ())
    before = replace(task, done_occurrences=tuple(days))
    unmatched = set(unmatched_done(before, task.deadline))
    if is_recurring(reading):
        moved = Extension(str(new), task.deadline_text, date=on, reading=task.deadline)
        after = replace(before, deadline=reading, extensions=(*task.extensions, moved))
        lost = [d for d in unmatched_done(after, reading) if d not in unmatched]
        advice = (
            f"--on {lost[-1] + timedelta(days=1):%d/%m/%Y} (gia hạn từ sau lần đó)" if lost else ""
        )
    else:  # a duty made a one-off task: no occurrence is left
        lost = [d for d in days if d not in unmatched]
        advice = "'giaoban stop' rồi 'giaoban task add' cho việc mới"
    _refuse_hidden(task, lost, f"gia hạn được từ ngày {on:%d/%m/%Y}", advice)


def _refuse_hidden(task: Task, days: list[date], what: str, advice: str) -> None:
    """Refuse an edit after which the occurrences recorded done on ``days`` would be no
    occurrence of the duty any more (every report would leave them out without a word)."""
    if not days:
        return
    shown = ", ".join(f"{d:%d/%m/%Y}" for d in days)
    first = f"{days[0]:%d/%m/%Y}"
    raise EditError(
        f"không {what}: lần {shown} của {task.id} đã ghi hoàn thành và sẽ không còn là một lần "
        f"của nhiệm vụ; nếu lần đó chưa làm, bỏ ghi bằng 'giaoban reopen {task.id} "
        f"--occurrence {first}' trước; nếu đã làm, dùng {advice}"
    )


def write_note(
    data_dir: Path, query: str, note: str, on: date | None, today: date, commit: bool
) -> Outcome:
    """``giaoban note``: a progress note of ``on`` (default ``today``)."""
    day = on or today

    def build(text: str, task: Task, notice: Notice, ledger: Ledger) -> Built:
        check_day("note", day, notice, today)
        logged = _logged_words(task, clean_text(note)) or ""
        return add_note(text, task.item, note, day), note_message(task.id, logged, day), {}

    return _run(data_dir, query, build, commit)


def append_task(data_dir: Path, query: str, task: dict[str, Any], commit: bool) -> Outcome:
    """``giaoban task add``: a new task at the end of a notice; a field given blank is
    refused (``refuse_blank_fields``)."""
    refuse_blank_fields(task)
    ledger, notice = locate_notice(data_dir, query)
    found: dict[str, Any] = {}

    def change(text: str) -> tuple[str, Message]:
        record = {**task, "item": task.get("item") or next_item(text, task.get("section"))}
        found["item"] = str(record["item"])
        task_id = f"{notice.id}#{found['item']}"
        logged = shown_or_hidden(
            clean_text(record["text"]), notice.confidential, show_confidential=False
        )
        return add_task(text, record), add_task_message(task_id, logged)

    section = task.get("section")
    numbers = [s.number for s in notice.sections]
    if section is not None and section not in numbers:  # written as typed; check warns too
        found["unknown_section"] = numbers
    path = Path(notice.source.path)
    saved = save_change(data_dir, path, change, commit=commit and ledger.settings.commit)
    return Outcome(f"{notice.id}#{found['item']}", saved, found)


def create_notice(
    data_dir: Path,
    data: dict[str, Any],
    commit: bool,
    allow_duplicate: bool = False,
    source: SourceText | None = None,
    source_name: str = STDIN,
    answers: bool = False,
) -> Outcome:
    """``giaoban add``: write ``data/YYYY/<id>.yaml`` (never over an existing file), commit.

    A notice the ledger already holds (``giaoban.edit.duplicates``) is refused
    unless ``allow_duplicate``. ``data`` read from a clerk's file ``source`` is
    written as that file (``giaoban.edit.fromfile``); what ``add`` changed of it is
    in ``details["changes"]``, and its errors are located in it, named ``source_name``
    (``SourceRefusedError``). A notice given otherwise (flags, or ``answers`` typed at
    the questions) whose errors refuse it, or ``answers`` that anything else stops once
    the file's text is made, is kept as a draft the errors are located in, with the
    command that adds it (``fromfile.kept_as_draft``).
    """
    record = notice_record(coerce_dates(data))
    day = record.get("date")
    if not isinstance(day, date) or not record.get("title"):
        raise UsageError("thông báo cần 'title' (trích yếu) và 'date' (ngày ban hành)")
    settings = office_settings(data_dir)
    options = add_options(data_dir, commit, allow_duplicate)

    def planned() -> tuple[Path, str]:  # what is kept when the folder cannot be written
        new = _planned(data_dir, record, source)
        return new.path, new.text

    with new_notice_lock(data_dir, planned if source is None else None, options):
        if not allow_duplicate:
            refuse_duplicate(data_dir, record.get("number"), day, record["title"])
        new = _planned(data_dir, record, source)
        message = add_notice_message(new.nid, record["title"], len(record["tasks"]))
        try:
            saved = save_new(
                data_dir, new.path, new.text, message, commit and settings.commit, source
            )
        except EditRefusedError as exc:
            if source is None:
                raise kept_as_draft(exc, new.path, new.text, options) from None
            found = in_source(exc.problems, new.path, new.text, source.text, source_name)
            raise SourceRefusedError(source_name, found) from None
        except GiaobanError as exc:
            if not (answers or (source is None and isinstance(exc, WriteFailedError))):
                raise
            raise kept_as_draft(exc, new.path, new.text, options) from None
    changes = new.kept.changes if new.kept is not None else ()
    return Outcome(new.nid, saved, {"path": new.path, "text": new.text, "changes": changes})


@dataclass(frozen=True)
class _NewNotice:
    """A new notice's id, file and text (``kept``: as made from the clerk's file)."""

    nid: str
    path: Path
    text: str
    kept: KeptFile | None


def _planned(data_dir: Path, record: dict[str, Any], source: SourceText | None) -> _NewNotice:
    """The id (the one given, else a new one free in ``data_dir``), file and text of the
    new notice ``record`` (written as the clerk's file ``source``, when given)."""
    day = record["date"]
    nid = str(record.get("id") or notice_id(day, record["title"], taken_ids(data_dir)))
    problem = new_id_problem(nid)
    if problem is not None:  # before any path is made from it
        raise UsageError(problem)
    path = notice_path(data_dir, nid, day)
    kept = kept_notice_text(source.text, nid) if source is not None else None
    text = (
        kept.text if kept is not None else notice_text(ordered({**record, "id": nid}, NOTICE_KEYS))
    )
    return _NewNotice(nid, path, text, kept)


def office_settings(data_dir: Path) -> Settings:
    """The data folder's settings (defaults when it has none; problems ignored here)."""
    return load_settings(data_dir / SETTINGS_FILE, [])
