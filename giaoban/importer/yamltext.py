"""A draft as YAML text, in the key order of docs/format.md, with "# kiểm tra:" notes.

The text is generated line by line (not dumped) so that every note sits on
its own line right above the key it is about, and long texts are folded
(``>-``) the way the data files are written. Every scalar is either plain,
when that is unambiguous, or double-quoted with JSON escapes (valid YAML).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from giaoban.importer.draft import Draft, DraftTask
from giaoban.importer.meeting import Meeting

_WIDTH = 88
_FOLD_AT = 80
_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = re.compile(
    r"^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_.,:eE+-]*|\.inf|\.nan))$",
    re.IGNORECASE,
)
_BREAKS = re.compile("[\u0085\u2028\u2029\r\n\t]+")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]")

HEADER = (
    "# Bản nháp do 'giaoban import' tạo từ văn bản. Hãy đọc lại, nhất là các dòng\n"
    "# '# kiểm tra: ...', sửa cho đúng rồi xóa các dòng đó.\n"
)


def clean_scalar(text: str) -> str:
    """One line of text, without control characters."""
    return " ".join(_CONTROL.sub("", _BREAKS.sub(" ", text)).split())


def scalar(value: str) -> str:
    """``value`` as a plain scalar when safe, else double-quoted."""
    text = clean_scalar(value)
    if _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    return bool(
        text
        and text[0] not in _SPECIAL_START
        and not _RESERVED.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not any(c in text for c in "[]{}")
        and not re.match(r"^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?$", text)
    )


def quoted(value: str) -> str:
    return json.dumps(clean_scalar(value), ensure_ascii=False)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def note(self, indent: int, notes: Iterable[str]) -> None:
        for note in notes:
            self.lines.append(f"{' ' * indent}# kiểm tra: {clean_scalar(note)}")

    def key(self, indent: int, key: str, value: str | None, prefix: str = "") -> None:
        """``key: value``; long texts folded. ``prefix`` is "- " for a list item's first key."""
        if value is None:
            return
        pad = " " * indent
        text = clean_scalar(value)
        if len(text) > _FOLD_AT:
            self.lines.append(f"{pad}{prefix}{key}: >-")
            inner = " " * (indent + len(prefix) + 2)
            self.lines.extend(inner + line for line in _wrap(text, _WIDTH - len(inner)))
        else:
            self.lines.append(f"{pad}{prefix}{key}: {scalar(text)}")

    def raw(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def texts(self, indent: int, key: str, values: list[str]) -> None:
        if not values:
            return
        self.raw(indent, f"{key}:")
        for value in values:
            self.raw(indent + 2, f"- {scalar(value)}")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def render_draft(draft: Draft) -> str:
    """The draft as the text of a notice file."""
    out = _Writer()
    notes = draft.checks
    out.note(0, notes.get("id", []))
    out.key(0, "id", draft.id)
    out.key(0, "kind", draft.kind)
    out.note(0, notes.get("number", []))
    out.key(0, "number", draft.number)
    out.note(0, notes.get("title", []))
    out.key(0, "title", draft.title)
    out.note(0, notes.get("issuer", []))
    out.key(0, "issuer", draft.issuer)
    out.key(0, "place", draft.place)
    out.note(0, notes.get("date", []))
    out.raw(0, f"date: {draft.date.isoformat()}")
    out.raw(0, "confidential: false")
    if draft.meeting is not None:
        _meeting(out, draft.meeting)
    _signer(out, draft)
    out.note(0, notes.get("recipients", []))
    out.texts(0, "recipients", draft.recipients)
    if draft.sections:
        out.raw(0, "sections:")
        for number, title in draft.sections:
            out.raw(2, f"- number: {quoted(number)}")
            out.key(4, "title", title or number)
    out.note(0, notes.get("tasks", []))
    out.raw(0, "tasks:" if draft.tasks else "tasks: []")
    for task in draft.tasks:
        _task(out, task)
    if draft.fields:
        out.raw(0, "# Các mục không lấy làm nhiệm vụ (thêm lại nếu cần theo dõi):")
        for item, text, why in draft.fields:
            out.raw(0, f"#   {item} ({why}): {' '.join(text.split())}")
    return HEADER + "\n".join(out.lines) + "\n"


def _meeting(out: _Writer, meeting: Meeting) -> None:
    body = _Writer()
    if meeting.date is not None:
        body.raw(2, f"date: {meeting.date.isoformat()}")
    body.key(2, "name", meeting.name)
    body.key(2, "place", meeting.place)
    if meeting.chair:
        body.raw(2, "chair:")
        for person in meeting.chair:
            body.key(4, "name", person.name, prefix="- ")
            body.key(6, "position", person.position)
    body.texts(2, "attendees", meeting.attendees)
    if meeting.present is not None or meeting.absent_excused or meeting.absent_unexcused:
        body.raw(2, "attendance:")
        if meeting.present is not None:
            body.raw(4, f"present: {meeting.present}")
        if meeting.total is not None:
            body.raw(4, f"total: {meeting.total}")
        body.texts(4, "absent_excused", meeting.absent_excused)
        body.texts(4, "absent_unexcused", meeting.absent_unexcused)
    if body.lines:
        out.raw(0, "meeting:")
        out.lines.extend(body.lines)


def _signer(out: _Writer, draft: Draft) -> None:
    if not (draft.on_behalf or draft.position or draft.signer_name):
        return
    out.raw(0, "signer:")
    out.texts(2, "on_behalf", draft.on_behalf)
    out.note(2, draft.checks.get("signer", []))
    out.key(2, "position", draft.position)
    out.key(2, "name", draft.signer_name)


def _task(out: _Writer, task: DraftTask) -> None:
    notes = task.checks
    out.note(2, notes.get("item", []))
    out.raw(2, f"- item: {quoted(task.item)}")
    if task.section is not None:
        out.raw(4, f"section: {quoted(task.section)}")
    out.key(4, "text", task.text or "(trống)")
    out.note(4, notes.get("owners", []))
    if task.owners:
        out.texts(4, "owners", task.owners)
    else:
        out.raw(4, "owners: []")
    out.texts(4, "supports", task.supports)
    out.note(4, notes.get("deadline", []))
    if task.deadline is not None:
        out.key(4, "deadline", task.deadline)
    out.raw(4, "status: open")
