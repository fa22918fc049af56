"""The semantic diff: what changed between two states of the ledger, in tasks.

``diff_notices(old, new)`` compares two collections of notices and returns
``Change`` records a leader can read: notices added or removed; tasks added,
removed or renumbered; a deadline moved (as written and as dates, by how
many days, flagged when later); status changes; owners or supporting units
changed; task text edited (with a word diff). Pure: no git, no printing.

A confidential notice's tasks are compared whole, but what a change says of a
field the notice hides (``giaoban.model.shown.CONFIDENTIAL_FIELDS``: the text,
the result, a reason, a note) reads "(mật)" unless the reader asks
(``show_confidential``): "~ #1 nội dung: (mật)" says the text changed, not how.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, timedelta
from typing import Any

from giaoban.deadline import Deadline
from giaoban.deadline.describe import short_due
from giaoban.model.ledger import Meeting, Notice, Section, Signer, Task
from giaoban.model.shown import hidden_task

# Task fields compared one by one, in the order changes are listed.
_SIMPLE_FIELDS = (
    "status",
    "done_on",
    "cancelled_on",
    "cancel_reason",
    "result",
    "until",
    "section",
)
# Notice fields compared, in the order changes are listed (all but its id and tasks).
NOTICE_FIELDS = (
    "title",
    "date",
    "number",
    "confidential",
    "kind",
    "issuer",
    "place",
    "signer",
    "recipients",
    "sections",
    "meeting",
    "note",
    "events",
)
_RENUMBER_RATIO = 0.9


@dataclass(frozen=True)
class Change:
    """One change. ``task`` is the task id (None for a notice-level change)."""

    notice: str
    kind: str
    task: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    details: dict[str, Any] = dataclass_field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "notice": self.notice,
            "task": self.task,
            "kind": self.kind,
            "field": self.field,
            "old": _plain(self.old),
            "new": _plain(self.new),
            **{k: _plain(v) for k, v in self.details.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def diff_notices(
    old: Iterable[Notice],
    new: Iterable[Notice],
    show_confidential: bool = False,
    secret: Collection[str] = frozenset(),
) -> list[Change]:
    """Every change from ``old`` to ``new``, grouped by notice (sorted by id).

    Unless ``show_confidential``, the tasks of a notice confidential on either side,
    or named in ``secret`` (confidential now, say), show "(mật)" for what it hides.
    """
    before = {n.id: n for n in old}
    after = {n.id: n for n in new}
    changes: list[Change] = []
    for notice_id in sorted(before.keys() | after.keys()):
        a, b = before.get(notice_id), after.get(notice_id)
        if a is None and b is not None:
            changes.append(Change(notice_id, "notice-added", new=b.title, details=_counts(b)))
        elif b is None and a is not None:
            changes.append(Change(notice_id, "notice-removed", old=a.title, details=_counts(a)))
        elif a is not None and b is not None:
            hide = not show_confidential and (
                a.confidential or b.confidential or notice_id in secret
            )
            changes.extend(diff_notice(a, b, hide))
    return changes


def _counts(notice: Notice) -> dict[str, Any]:
    return {"tasks": len(notice.tasks)}


def diff_notice(old: Notice, new: Notice, hide: bool = False) -> list[Change]:
    """Changes within one notice: its title and date, then its tasks; ``hide``: what a
    confidential notice hides of its tasks reads "(mật)" (``giaoban.model.shown``)."""
    changes = []
    for name in NOTICE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            told_a, told_b = _told_value(a), _told_value(b)
            if isinstance(told_a, tuple) and isinstance(told_b, tuple):  # what went, what came
                told_a, told_b = _went(told_a, told_b), _went(told_b, told_a)
            changes.append(Change(new.id, "notice-field", field=name, old=told_a, new=told_b))
    before = {t.item: t for t in old.tasks}
    after = {t.item: t for t in new.tasks}
    removed = [before[i] for i in before if i not in after]
    added = [after[i] for i in after if i not in before]
    for old_task, new_task in _renumbered(removed, added):
        removed.remove(old_task)
        added.remove(new_task)
        changes.append(
            Change(new.id, "task-renumbered", new_task.id, "item", old_task.item, new_task.item)
        )
        changes.extend(diff_task(old_task, new_task, hide))
    for task in removed:
        changes.append(Change(new.id, "task-removed", task.id, old=_seen(task, hide).text))
    for task in added:
        seen = _seen(task, hide)
        changes.append(
            Change(new.id, "task-added", task.id, new=seen.text, details=_task_info(task))
        )
    for item in after:
        if item in before:
            changes.extend(diff_task(before[item], after[item], hide))
    return changes


def _told_value(value: Any) -> Any:
    """A notice field as a change tells it: a signer, a meeting, a section or a named day as
    text, a list as its entries (what ``notice_facts`` writes of them)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], date):
        return f"{value[0]}: {_show(value[1])}"  # a named day (``events``)
    if isinstance(value, tuple):
        return tuple(_told_value(v) for v in value)
    if isinstance(value, Signer):
        return ", ".join(x for x in (*value.on_behalf, value.position, value.name) if x) or None
    if isinstance(value, Meeting):
        return tuple(f"{name}: {_flat(v)}" for name, v in _meeting_rows(value))
    if isinstance(value, Section):
        return f"{value.number}. {value.title}" if value.title else value.number
    return value


def _went(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
    """The entries of ``a`` not in ``b``."""
    return tuple(x for x in a if x not in b)


def _seen(task: Task, hide: bool) -> Task:
    """``task`` as the reader sees it: hidden when its notice is judged confidential."""
    return hidden_task(task) if hide else task


def _task_info(task: Task) -> dict[str, Any]:
    when = task.done_on if task.status == "done" else task.cancelled_on
    return {
        "owners": list(task.owners),
        "deadline": task.deadline_text,
        "status": task.status,
        "status_on": when,
    }


def without_restated(changes: Iterable[Change]) -> list[Change]:
    """``changes`` without the ``done_on``/``cancelled_on`` change that a status change of
    the same task already states ("hoàn thành (ngày 20/04/2022)", or a reopening, which
    clears them), for people to read."""
    changes = list(changes)
    stated = {c.task for c in changes if c.kind == "status"}
    return [
        c
        for c in changes
        if not (c.kind == "field" and c.field in ("done_on", "cancelled_on") and c.task in stated)
    ]


def _renumbered(removed: list[Task], added: list[Task]) -> list[tuple[Task, Task]]:
    """Pairs (old, new) of tasks whose text stayed (nearly) the same under a new number."""
    pairs = []
    free = list(added)
    for old_task in removed:
        best = max(free, key=lambda t: _similarity(old_task.text, t.text), default=None)
        if best is not None and _similarity(old_task.text, best.text) >= _RENUMBER_RATIO:
            pairs.append((old_task, best))
            free.remove(best)
    return pairs


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def diff_task(old: Task, new: Task, hide: bool = False) -> list[Change]:
    """Field changes of one task (same notice, possibly renumbered): found on the fields
    as written, told with what the reader may see of them (``hide``: see ``_seen``)."""
    changes = []
    seen_old, seen_new = _seen(old, hide), _seen(new, hide)
    notice, task_id = new.notice_id, new.id
    if old.deadline_text != new.deadline_text:
        changes.append(_deadline_change(old, new, seen_new))
    for name in _SIMPLE_FIELDS:
        if getattr(old, name) != getattr(new, name):
            kind = "status" if name == "status" else "field"
            a, b = getattr(seen_old, name), getattr(seen_new, name)
            changes.append(Change(notice, kind, task_id, name, a, b, _status_details(new, name)))
    for name in ("owners", "supports"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            details = {
                "added": [u for u in b if u not in a],
                "removed": [u for u in a if u not in b],
            }
            changes.append(Change(notice, "units", task_id, name, a, b, details))
    if old.text != new.text:
        a, b = seen_old.text, seen_new.text
        changes.append(Change(notice, "text", task_id, "text", a, b, {"words": word_diff(a, b)}))
    for name in ("extensions", "occurrence_results", "notes", "done_occurrences"):
        if name == "extensions" and old.deadline_text != new.deadline_text:
            continue  # the deadline change already carries the extension's reason
        a, b = getattr(old, name), getattr(new, name)
        if len(b) > len(a) and b[: len(a)] == a:
            for entry in getattr(seen_new, name)[len(a) :]:
                changes.append(Change(notice, "appended", task_id, name, None, _entry(entry)))
        elif a != b:
            shown_a, shown_b = getattr(seen_old, name), getattr(seen_new, name)
            details = {
                "removed": [_entry(e) for e, x in zip(shown_a, a, strict=True) if x not in b],
                "added": [_entry(e) for e, x in zip(shown_b, b, strict=True) if x not in a],
            }
            changes.append(Change(notice, "field", task_id, name, len(a), len(b), details))
    return changes


def _entry(entry: Any) -> Any:
    if hasattr(entry, "__dataclass_fields__"):
        return {k.rstrip("_"): _plain(getattr(entry, k)) for k in entry.__dataclass_fields__}
    return _plain(entry)


def _status_details(task: Task, name: str) -> dict[str, Any]:
    if name != "status":
        return {}
    return {"done_on": task.done_on, "cancelled_on": task.cancelled_on}


def _deadline_change(old: Task, new: Task, seen_new: Task) -> Change:
    old_due, new_due = _due(old), _due(new)
    details: dict[str, Any] = {"old_due": old_due, "new_due": new_due}
    details.update(old_reading=deadline_reading(old), new_reading=deadline_reading(new))
    if old_due is not None and new_due is not None:
        days = (new_due - old_due) / timedelta(days=1)
        details["days"] = round(days) if days == int(days) else round(days, 2)
        details["later"] = new_due > old_due
    reason = seen_new.extensions[-1].reason if new.extensions else None
    if reason and len(new.extensions) > len(old.extensions):
        details["reason"] = reason
    return Change(
        new.notice_id, "deadline", new.id, "deadline", old.deadline_text, new.deadline_text, details
    )


def _due(task: Task) -> datetime | None:
    deadline = task.deadline
    return deadline.due if isinstance(deadline, Deadline) else None


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    """The word diff as runs ``(op, words)``, op one of ``=``, ``-``, ``+`` (for renderers)."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def word_diff(old: str, new: str) -> str:
    """A word diff: unchanged words plain, ``[-removed-]`` and ``{+added+}``."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in word_ops(old, new))


# --- Vietnamese text --------------------------------------------------------------------

_STATUS_NAMES = {"open": "đang thực hiện", "done": "hoàn thành", "cancelled": "đã hủy"}
# The one table of field names in Vietnamese, for ``diff`` and ``log`` alike: a task's
# fields and a notice's, by their keys in the notice file.
FIELD_LABELS = {
    "text": "nội dung",
    "item": "số mục",
    "deadline": "hạn",
    "status": "trạng thái",
    "done_on": "ngày hoàn thành",
    "cancelled_on": "ngày hủy",
    "cancel_reason": "lý do hủy",
    "result": "kết quả",
    "occurrence_results": "kết quả các lần",
    "until": "lặp đến ngày",
    "section": "thuộc mục",
    "owners": "đơn vị chủ trì",
    "supports": "đơn vị phối hợp",
    "extensions": "gia hạn",
    "notes": "ghi chú",
    "done_occurrences": "lần đã hoàn thành",
    "title": "trích yếu",
    "date": "ngày",
    "number": "số hiệu",
    "confidential": "mật",
    "kind": "loại",
    "issuer": "cơ quan ban hành",
    "place": "nơi ban hành",
    "signer": "người ký",
    "recipients": "nơi nhận",
    "sections": "các mục",
    "meeting": "hội nghị",
    "note": "ghi chú của thông báo",
    "events": "sự kiện tính hạn",
    "id": "mã",
}


def field_label(name: str) -> str:
    """A field's name in Vietnamese (a key with none: as written)."""
    return FIELD_LABELS.get(name, name)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, bool):  # "mật: không → có"
        return "có" if value else "không"
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, tuple):  # recipients, sections: "Lưu VP; Các ban"
        return "; ".join(_show(v) for v in value) if value else "(trống)"
    return str(value)


def describe(change: Change) -> str:
    """One line in Vietnamese, for the leader who reviews the change."""
    item = change.task.split("#", 1)[1] if change.task else ""
    kind, d = change.kind, change.details
    if kind == "notice-added":
        return f"+ thêm thông báo: {change.new} ({d.get('tasks', 0)} nhiệm vụ)"
    if kind == "notice-removed":
        return f"- xóa thông báo: {change.old}"
    if kind == "notice-field":
        return f"~ {field_label(change.field or '')}: {_show(change.old)} → {_show(change.new)}"
    if kind == "task-added":
        return f"+ #{item} thêm nhiệm vụ: {change.new}{_added_info(d)}"
    if kind == "task-removed":
        return f"- #{item} xóa nhiệm vụ: {change.old}"
    if kind == "task-renumbered":
        return f"~ #{change.old} đổi số thành #{change.new}"
    if kind == "deadline":
        return f"~ #{item} {_deadline_text(change)}"
    if kind == "status":
        return f"~ #{item} trạng thái: {_status(change.old)} → {_status(change.new)}{_when(d)}"
    if kind == "units":
        parts = [f"+ {u}" for u in d.get("added", [])] + [f"- {u}" for u in d.get("removed", [])]
        return f"~ #{item} {field_label(change.field or '')}: " + "; ".join(parts)
    if kind == "text":
        return f"~ #{item} nội dung: {d.get('words', '')}"
    name = field_label(change.field or "")
    if kind == "appended":
        return f"+ #{item} {name}: {_entry_text(change.new)}"
    if "added" in d or "removed" in d:  # entries of a list edited: which went, which came
        parts = [f"- {_entry_text(e)}" for e in d.get("removed", [])]
        parts += [f"+ {_entry_text(e)}" for e in d.get("added", [])]
        return f"~ #{item} {name}: " + ("; ".join(parts) or "đổi thứ tự")
    return f"~ #{item} {name}: {_show(change.old)} → {_show(change.new)}"


def _added_info(details: dict[str, Any]) -> str:
    parts = []
    if details.get("owners"):
        parts.append("chủ trì: " + "; ".join(details["owners"]))
    if details.get("deadline"):
        parts.append(f"hạn: {details['deadline']}")
    if details.get("status", "open") != "open":
        on = details.get("status_on")
        parts.append(_status(details["status"]) + (f" ngày {_show(on)}" if on else ""))
    return f" ({' | '.join(parts)})" if parts else ""


def _deadline_text(change: Change) -> str:
    d = change.details
    old = _deadline_side(change.old, d.get("old_reading"))
    text = f"dời hạn: {old} → {_deadline_side(change.new, d.get('new_reading'))}"
    if "days" in d:
        days = d["days"]
        if d.get("later"):
            text += f", muộn hơn {days} ngày ⚠"
        elif days:
            text += f", sớm hơn {-days} ngày"
    if d.get("reason"):
        text += f"; lý do: {d['reason']}"
    return text


def _deadline_side(phrase: str | None, reading: str | None) -> str:
    """One side of a deadline moved: ``"trước ngày 05/3/2019" (05/03/2019)``, the phrase
    quoted and what it means (``deadline_reading``); ``(không có hạn)`` for none."""
    if phrase is None:
        return NO_DEADLINE
    return f'"{phrase}"' + (f" ({reading})" if reading else "")


def _status(value: Any) -> str:
    return _STATUS_NAMES.get(value, _show(value))


def _when(details: dict[str, Any]) -> str:
    on = details.get("done_on") or details.get("cancelled_on")
    return f" (ngày {_show(on)})" if on else ""


_ENTRY_KEYS = {"from": "từ", "to": "đến", "reason": "lý do", "approved_by": "duyệt"}


def _entry_text(entry: Any) -> str:
    """A note as ``20/04/2022: text``; another entry as its fields; a date as dd/mm/yyyy."""
    if not isinstance(entry, dict):
        return _day_text(entry)
    if set(entry) == {"date", "text"}:
        return f"{_day_text(entry['date'])}: {entry['text']}"
    parts = [
        f"{_ENTRY_KEYS.get(k, k)}: {_day_text(v) if k == 'date' else v}"
        for k, v in entry.items()
        if v not in (None, "")
    ]
    return "; ".join(parts)


def _day_text(value: Any) -> str:
    """An ISO date (as ``Change.to_json`` keeps entries) shown as dd/mm/yyyy."""
    try:
        return f"{date.fromisoformat(str(value)):%d/%m/%Y}"
    except ValueError:
        return _show(value)


# --- one notice as lines of facts (the git textconv) ----------------------------------------
#
# ``git diff`` compares lines. Rendering a notice as one fact per line, each
# task's lines starting with its number, makes git's own line diff read as a
# semantic diff: a moved deadline is one ``-``/``+`` pair naming the task.


def notice_facts(notice: Notice, hide: bool = False) -> list[str]:
    """The notice as lines of facts in Vietnamese: its header, then each task's lines (what
    a confidential notice hides of them as "(mật)" when ``hide``)."""
    lines = [f"thông báo: {notice.id}"]
    lines += _header_facts(notice)
    for task in notice.tasks:
        lines.append("")
        lines += task_facts(_seen(task, hide))
    return lines


def _flat(value: Any) -> str:
    return " ".join(_show(value).split())


def _header_facts(notice: Notice) -> list[str]:
    rows: list[tuple[str, Any]] = [
        ("loại", notice.kind),
        ("số hiệu", notice.number),
        ("trích yếu", notice.title),
        ("ngày", notice.date),
        ("cơ quan ban hành", notice.issuer),
        ("nơi ban hành", notice.place),
        ("mật", "có" if notice.confidential else None),
    ]
    if notice.meeting is not None:
        rows += _meeting_rows(notice.meeting)
    signer = notice.signer
    if signer is not None:
        rows += [("thừa lệnh, ký thay", line) for line in signer.on_behalf]
        rows += [("chức vụ người ký", signer.position), ("người ký", signer.name)]
    rows += [("nơi nhận", r) for r in notice.recipients]
    rows += [(f"mục {s.number}", s.title or "") for s in notice.sections]
    rows.append(("ghi chú", notice.note))
    return [f"{name}: {_flat(value)}" for name, value in rows if value not in (None, "")]


def _meeting_rows(meeting: Meeting) -> list[tuple[str, Any]]:
    """A meeting's facts, named: for the textconv's lines and a change of the meeting."""
    rows: list[tuple[str, Any]] = [
        ("hội nghị", meeting.name),
        ("ngày họp", meeting.date),
        ("nơi họp", meeting.place),
    ]
    rows += [("chủ trì hội nghị", _person(p)) for p in meeting.chair]
    rows += [("thành phần", a) for a in meeting.attendees]
    rows += _attendance(meeting.attendance)
    return [(name, v) for name, v in rows if v not in (None, "")]


def _person(person: Any) -> str:
    return person.name + (f" ({person.position})" if person.position else "")


def _attendance(attendance: Any) -> list[tuple[str, Any]]:
    if attendance is None:
        return []
    rows: list[tuple[str, Any]] = []
    if attendance.present is not None or attendance.total is not None:
        rows.append(("có mặt", f"{attendance.present}/{attendance.total}"))
    rows += [("vắng có phép", name) for name in attendance.absent_excused]
    rows += [("vắng không phép", name) for name in attendance.absent_unexcused]
    return rows


def task_facts(task: Task) -> list[str]:
    """The lines of one task, each starting with ``#ITEM``."""
    rows: list[tuple[str, Any]] = [("nội dung", task.text), ("thuộc mục", task.section)]
    rows += [("chủ trì", unit) for unit in task.owners]
    rows += [("phối hợp", unit) for unit in task.supports]
    rows += [("hạn", deadline_fact(task)), ("lặp đến ngày", task.until)]
    rows.append(("trạng thái", _status_fact(task)))
    rows += [("kết quả", task.result), ("lý do hủy", task.cancel_reason)]
    rows += [("đã hoàn thành lần", day) for day in task.done_occurrences]
    rows += [(f"kết quả lần {_show(r.date)}", r.text) for r in task.occurrence_results]
    rows += [("gia hạn", _extension_fact(e)) for e in task.extensions]
    rows += [(f"ghi chú {_show(note.date)}", note.text) for note in task.notes]
    return [
        f"#{task.item} {name}: {_flat(value)}" for name, value in rows if value not in (None, "")
    ]


NO_DEADLINE = "(không có hạn)"


def deadline_fact(task: Task) -> str:
    """``trước ngày 15/05/2022 (15/05/2022)``: the phrase as written and what it means."""
    if task.deadline_text is None:
        return NO_DEADLINE
    reading = deadline_reading(task)
    return f"{task.deadline_text} ({reading})" if reading else task.deadline_text


def deadline_reading(task: Task) -> str | None:
    """What a task's deadline means, in the words ``textconv`` and ``diff`` both use: the
    day (or the moment) it is due, ``định kỳ`` (a duty: a day each time),
    ``không có hạn cụ thể``, ``tính từ`` the event it counts from, ``không đọc được``;
    None when the phrase says all there is (or there is none)."""
    if task.deadline_text is None:
        return None
    deadline = task.deadline
    if not isinstance(deadline, Deadline):
        return "không đọc được"
    if deadline.due is not None:
        return short_due(deadline.due, deadline.has_time)
    meaning = {"recurring": "định kỳ", "none": "không có hạn cụ thể"}.get(deadline.kind)
    if meaning is None and deadline.anchor:
        meaning = f"tính từ {deadline.anchor}"
    return meaning


def _status_fact(task: Task) -> str:
    when = task.done_on if task.status == "done" else task.cancelled_on
    return _status(task.status) + (f" ({_show(when)})" if when else "")


def _extension_fact(extension: Any) -> str:
    parts = [f"{_show(extension.from_)} → {_show(extension.to)}"]
    if extension.reason:
        parts.append(f"lý do: {extension.reason}")
    if extension.approved_by:
        parts.append(f"duyệt: {extension.approved_by}")
    if extension.date:
        parts.append(f"ngày {_show(extension.date)}")
    return "; ".join(parts)
