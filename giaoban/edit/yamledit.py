"""Surgical edits of a YAML notice: change only the keys named, keep every other byte.

An operation of ``giaoban.edit.operations`` (``done``, ``cancel``, ``postpone``, ...) is a
short list of edits of one task: set a key, remove a key, insert or delete an
item of a list. The edits are applied to the file's text as line splices at the
positions ruamel's pure composer reports, so comments, key order,
quoting, line breaks and unknown keys elsewhere stay byte for byte. A new key
goes after the nearest preceding documented key (``docs/format.md`` order);
new values are written in the file's own indentation.

Invariant, checked on every edit: the new text reads back as exactly the old
document with the edits applied. The splice touches only the lines of the keys
it edits. Where it cannot (a task written in flow style, say), ruamel's round
trip (``typ="rt"``) is used for that task's lines alone. If neither keeps the
invariant, ``EditError`` is raised and the caller writes nothing.

(ruamel's round trip on a whole file is not byte-exact: it re-wraps multi-line
plain scalars, re-indents lists that differ from the chosen indent, and hangs a
new key after the comment lines that follow the previous key.)
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from giaoban.edit.newnotice import (
    NOTICE_KEYS,
    TASK_KEYS,
    YamlStyle,
    render_entry,
    render_item,
    render_scalar,
)
from giaoban.model.errors import GiaobanError
from giaoban.model.text import nfc
from giaoban.store.yamlsafe import yaml_error_text


class EditError(GiaobanError):
    """An edit that cannot be made (wrong state, or the file cannot be kept intact)."""


@dataclass(frozen=True)
class Set:
    key: str
    value: Any


@dataclass(frozen=True)
class Remove:
    key: str


@dataclass(frozen=True)
class Insert:
    """Insert ``value`` in the list under ``key`` at ``index`` (None: at the end)."""

    key: str
    value: Any
    index: int | None = None


@dataclass(frozen=True)
class Delete:
    """Delete item ``index`` of the list under ``key`` (the key goes when it empties)."""

    key: str
    index: int


Edit = Set | Remove | Insert | Delete


# --- the plain document ----------------------------------------------------------


@dataclass(frozen=True)
class _Read:
    """A notice's text read once: its node tree (with positions) and its plain values.

    Both come from one pass of ruamel's pure reader over the text: the splice takes
    positions from ``root``, the operations and the invariant compare ``plain``. Shared
    by every caller that reads the same text (``_read`` is memoised), so neither is
    ever changed in place: callers copy what they change.
    """

    root: Node | None
    plain: Any


# The pure reader: its node tree gives the splice the same positions as the round trip's,
# and its constructor the safe loader's values (the round trip's keeps folds in the text).
_SAFE = YAML(typ="safe", pure=True)


@lru_cache(maxsize=4)
def _read(text: str) -> _Read:
    """Read ``text`` once (an ``EditError`` when it is not YAML); see ``_Read``.

    An edit reads its notice, the operation's checks and the edit itself look at the
    same text, and the invariant reads the result: remembering the last few reads
    makes each a single parse.
    """
    try:
        root = _SAFE.compose(text)
        plain = None if root is None else _SAFE.constructor.construct_document(root)
    except YAMLError as exc:
        raise EditError(f"tệp không đọc được (lỗi YAML): {yaml_error_text(exc)}") from None
    return _Read(root, plain)


def load_plain(text: str) -> Any:
    """The document as plain Python values (safe constructor), a copy the caller may change."""
    return copy.deepcopy(_read(text).plain)


def _same_item(value: Any, item: str) -> bool:
    return value is not None and nfc(str(value)) == nfc(item)


def task_data(text: str, item: str) -> dict[str, Any]:
    """The plain mapping of task ``item`` in the notice ``text`` (a copy)."""
    return copy.deepcopy(_find_task(_read(text).plain, item))


def _find_task(doc: Any, item: str) -> dict[str, Any]:
    tasks = doc.get("tasks") if isinstance(doc, dict) else None
    for task in tasks if isinstance(tasks, list) else ():
        if isinstance(task, dict) and _same_item(task.get("item"), item):
            return task
    raise EditError(f"không tìm thấy mục '{item}' trong tệp")


def _apply_plain(target: dict[str, Any], edit: Edit) -> None:
    if isinstance(edit, Set):
        target[edit.key] = edit.value
    elif isinstance(edit, Remove):
        target.pop(edit.key, None)
    elif isinstance(edit, Insert):
        items = target.get(edit.key) or []
        items.insert(len(items) if edit.index is None else edit.index, edit.value)
        target[edit.key] = items
    else:
        items = target[edit.key]
        items.pop(edit.index)
        if not items:
            del target[edit.key]


# --- positions in the text ---------------------------------------------------------


class _Unsupported(Exception):
    """The splice cannot edit this layout; the round trip may."""


@dataclass
class _Entry:
    key: str
    key_node: Node
    value: Node
    key_line: int
    last_line: int


@dataclass
class _Map:
    node: MappingNode
    col: int
    entries: dict[str, _Entry] = field(default_factory=dict)

    @property
    def first_line(self) -> int:
        return self.node.start_mark.line


def _compose_any(text: str) -> MappingNode:
    node = _read(text).root
    if not isinstance(node, MappingNode):
        raise EditError("tệp không phải một thông báo (cần một bảng khóa: giá trị)")
    return node


def _compose(text: str) -> MappingNode:
    node = _compose_any(text)
    if node.flow_style:
        raise _Unsupported
    return node


def _is_empty_null(node: Node) -> bool:
    tag = node.tag or ""
    return isinstance(node, ScalarNode) and tag.endswith(":null") and node.value == ""


def _last_line(node: Node, lines: list[str]) -> int:
    """The last line holding part of ``node``'s value (trailing comments excluded)."""
    start, end = node.start_mark, node.end_mark
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            line = end.line - 1 if end.column == 0 else end.line
            while line > start.line and not lines[line].strip():
                line -= 1
            return line
        return end.line - 1 if end.column == 0 and end.line > start.line else end.line
    if getattr(node, "flow_style", False) or not node.value:
        return end.line
    last = node.value[-1]
    return _last_line(last[1] if isinstance(last, tuple) else last, lines)


def _mapping(node: MappingNode, lines: list[str]) -> _Map:
    if node.flow_style:
        raise _Unsupported
    result = _Map(node, node.start_mark.column)
    for key_node, value in node.value:
        key = str(key_node.value)
        key_line = key_node.start_mark.line
        last = key_line if _is_empty_null(value) else max(key_line, _last_line(value, lines))
        result.entries[key] = _Entry(key, key_node, value, key_line, last)
    return result


def _target(root: MappingNode, item: str | None, lines: list[str]) -> _Map:
    return _mapping(root, lines) if item is None else _mapping(_task_node(root, item), lines)


def _task_node(root: Node, item: str) -> MappingNode:
    tasks = next((v for k, v in root.value if k.value == "tasks"), None)
    if not isinstance(tasks, SequenceNode):
        raise EditError("tệp không có danh sách 'tasks'")
    for child in tasks.value:
        if not isinstance(child, MappingNode):
            continue
        for key_node, value in child.value:
            if key_node.value == "item" and _same_item(value.value, item):
                return child
    raise EditError(f"không tìm thấy mục '{item}' trong tệp")


def detect_style(root: Node, lines: list[str]) -> YamlStyle:
    """The indentation the file uses (most common), and a width that fits its lines."""
    indents: Counter[int] = Counter()
    dashes: Counter[int] = Counter()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        if not isinstance(node, MappingNode) or node.flow_style:
            continue
        for key_node, value in node.value:
            stack.append(value)
            col = key_node.start_mark.column
            if isinstance(value, MappingNode) and not value.flow_style and value.value:
                indents[value.value[0][0].start_mark.column - col] += 1
            elif isinstance(value, SequenceNode) and not value.flow_style and value.value:
                dashes[_dash_col(value.value[0], lines) - col] += 1
    return YamlStyle(
        map_indent=indents.most_common(1)[0][0] if indents else 2,
        dash_offset=dashes.most_common(1)[0][0] if dashes else 2,
        width=_width(lines),
    )


def _width(lines: list[str]) -> int:
    """A line width that fits the file's lines (80 to 120)."""
    longest = max((len(line) for line in lines), default=0)
    return min(max(longest, 80), 120)


def _dash_col(item: Node, lines: list[str]) -> int:
    """Column of the ``-`` that starts list item ``item``."""
    line = lines[item.start_mark.line]
    col = line.rfind("-", 0, item.start_mark.column)
    if col < 0:
        raise _Unsupported
    return col


# --- the splice ----------------------------------------------------------------------


def _anchor_line(target: _Map, key: str, order: tuple[str, ...]) -> int:
    """The line after which a new ``key`` goes: after the nearest documented key before it."""
    entries = target.entries
    if key in order:
        for previous in reversed(order[: order.index(key)]):
            if previous in entries:
                return entries[previous].last_line + 1
        for following in order[order.index(key) + 1 :]:
            # a list item's first key shares its line with the dash; the top mapping's does not
            top = target.col == 0
            if following in entries and (top or entries[following].key_line > target.first_line):
                return entries[following].key_line
    if not entries:
        raise _Unsupported
    return max(e.last_line for e in entries.values()) + 1


def _splice_set(
    lines: list[str], target: _Map, edit: Set, style: YamlStyle, order: tuple[str, ...]
) -> None:
    entry = target.entries.get(edit.key)
    scalar = not isinstance(edit.value, dict | list | tuple)
    if entry is None:
        at = _anchor_line(target, edit.key, order)
        lines[at:at] = render_entry(edit.key, edit.value, target.col, style)
        return
    value = entry.value
    if scalar and _is_empty_null(value):
        line = lines[entry.key_line]
        colon = line.index(":", entry.key_node.end_mark.column)
        lines[entry.key_line] = (
            f"{line[: colon + 1]} {render_scalar(edit.value)}{line[colon + 1 :]}"
        )
        return
    single = value.start_mark.line == value.end_mark.line
    if scalar and isinstance(value, ScalarNode) and value.style not in ("|", ">") and single:
        line = lines[value.start_mark.line]
        start, end = value.start_mark.column, value.end_mark.column
        lines[value.start_mark.line] = line[:start] + render_scalar(edit.value) + line[end:]
        return
    lines[entry.key_line : entry.last_line + 1] = render_entry(
        edit.key, edit.value, target.col, style
    )


def _splice_remove(lines: list[str], target: _Map, key: str) -> None:
    entry = target.entries.get(key)
    if entry is None:
        return
    if entry.key_line == target.first_line:
        raise _Unsupported  # the key shares its line with the list item's dash
    del lines[entry.key_line : entry.last_line + 1]


def _splice_insert(
    lines: list[str],
    target: _Map,
    edit: Insert,
    full: list[Any],
    style: YamlStyle,
    order: tuple[str, ...],
) -> None:
    """Insert one list item; ``full`` is the whole list after the edit."""
    entry = target.entries.get(edit.key)
    if entry is None:
        _splice_set(lines, target, Set(edit.key, full), style, order)
        return
    seq = entry.value
    if _is_empty_null(seq):
        dash = target.col + style.dash_offset
        at = entry.key_line + 1
        lines[at:at] = [line for v in full for line in render_item(v, dash, style)]
        return
    if not isinstance(seq, SequenceNode):
        raise _Unsupported
    if seq.flow_style:
        _splice_flow(lines, target, entry, full, style)
        return
    dash = _dash_col(seq.value[0], lines)
    gap = seq.value[0].start_mark.column - dash
    if gap < 1:
        raise _Unsupported
    new_lines = render_item(edit.value, dash, style, gap)
    index = len(seq.value) if edit.index is None else edit.index
    if index >= len(seq.value):
        at = _last_line(seq.value[-1], lines) + 1
    else:
        at = _item_top(lines, seq, index)
    lines[at:at] = new_lines


def _item_top(lines: list[str], seq: SequenceNode, index: int) -> int:
    """The first line of item ``index`` with the comment lines right above it."""
    top = seq.value[index].start_mark.line
    floor = _last_line(seq.value[index - 1], lines) + 1 if index else seq.start_mark.line
    while top - 1 >= floor and lines[top - 1].lstrip().startswith("#"):
        top -= 1
    return top


def _splice_flow(
    lines: list[str], target: _Map, entry: _Entry, full: list[Any], style: YamlStyle
) -> None:
    """Rewrite a one-line flow list of scalars in place, else the whole entry as a block."""
    seq = entry.value
    one_line = seq.start_mark.line == seq.end_mark.line
    scalars = all(not isinstance(v, dict | list) for v in full)
    if one_line and scalars and len(full) <= 6:
        line = lines[seq.start_mark.line]
        flow = "[" + ", ".join(render_scalar(v, flow=True) for v in full) + "]"
        lines[seq.start_mark.line] = (
            line[: seq.start_mark.column] + flow + line[seq.end_mark.column :]
        )
        return
    lines[entry.key_line : entry.last_line + 1] = render_entry(entry.key, full, target.col, style)


def _splice_delete(lines: list[str], target: _Map, edit: Delete, remaining: list[Any]) -> None:
    entry = target.entries[edit.key]
    seq = entry.value
    if not isinstance(seq, SequenceNode):
        raise _Unsupported
    if not remaining:
        _splice_remove(lines, target, edit.key)
        return
    if seq.flow_style:
        _splice_flow(lines, target, entry, remaining, YamlStyle())
        return
    node = seq.value[edit.index]
    del lines[node.start_mark.line : _last_line(node, lines) + 1]


def _splice(text: str, item: str | None, edits: Sequence[Edit], after: dict[str, Any]) -> str:
    """``text`` with ``edits`` spliced in, from one read of ``text``.

    After the first edit, the lines of a task are read again alone (``_reread``), not
    the whole file: an edit of a task changes none of the other lines.
    """
    lines = text.split("\n")
    root = _compose(text)
    style = detect_style(root, lines)
    order = TASK_KEYS if item is not None else NOTICE_KEYS
    node = root if item is None else _task_node(root, item)
    last, count = _last_line(node, lines), len(lines)
    for index, edit in enumerate(edits):
        if index:
            node = _reread(lines, item, node, last, len(lines) - count)
            style = replace(style, width=_width(lines))
            last, count = _last_line(node, lines), len(lines)
        _splice_one(lines, _mapping(node, lines), edit, after, style, order)
    return "\n".join(lines)


def _reread(
    lines: list[str], item: str | None, node: MappingNode, last: int, grown: int
) -> MappingNode:
    """The mapping ``node`` (the notice's, or task ``item``'s, whose value ended at line
    ``last``) read again from ``lines`` once an edit added ``grown`` lines to it.

    A task is read from its own lines, put at their place (the lines before it left
    empty), so that positions are those of the whole file.
    """
    if item is None:
        return _compose("\n".join(lines))
    first = node.start_mark.line
    fragment = "\n" * first + "\n".join(lines[first : last + grown + 1])
    seq = _read(fragment).root
    if not isinstance(seq, SequenceNode) or len(seq.value) != 1:
        raise _Unsupported
    task = seq.value[0]
    if not isinstance(task, MappingNode) or task.flow_style:
        raise _Unsupported
    return task


def _splice_one(
    lines: list[str],
    target: _Map,
    edit: Edit,
    after: dict[str, Any],
    style: YamlStyle,
    order: tuple[str, ...],
) -> None:
    if isinstance(edit, Set):
        _splice_set(lines, target, edit, style, order)
    elif isinstance(edit, Remove):
        _splice_remove(lines, target, edit.key)
    elif isinstance(edit, Insert):
        _splice_insert(lines, target, edit, after[edit.key], style, order)
    else:
        _splice_delete(lines, target, edit, after.get(edit.key, []))


# --- the round trip, for layouts the splice does not handle ----------------------------


def _roundtrip(text: str, item: str, edits: Sequence[Edit]) -> str:
    """The edits made by ruamel's round trip (``typ="rt"``) on the task's mapping."""
    from io import StringIO

    from ruamel.yaml.comments import CommentedSeq

    lines = text.split("\n")
    root = _compose(text)
    style = detect_style(root, lines)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.representer.ignore_aliases = lambda _data: True  # the loader refuses aliases
    yaml.indent(mapping=style.map_indent, sequence=style.dash_offset + 2, offset=style.dash_offset)
    doc = yaml.load(text)
    task = next(t for t in doc["tasks"] if _same_item(t.get("item"), item))
    for edit in edits:
        if isinstance(edit, Remove):
            task.pop(edit.key, None)
            continue
        if isinstance(edit, Delete):
            _apply_plain(task, edit)
            continue
        value = edit.value
        if isinstance(edit, Insert):
            value = task.get(edit.key) or CommentedSeq()
            value.insert(len(value) if edit.index is None else edit.index, edit.value)
        if edit.key in task:
            task[edit.key] = value
        else:
            keys = [k for k in TASK_KEYS[: TASK_KEYS.index(edit.key)] if k in task]
            task.insert(list(task).index(keys[-1]) + 1 if keys else len(task), edit.key, value)
    out = StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _task_span(text: str, item: str) -> tuple[int, int]:
    """First and last line of task ``item`` (from its dash to its last value)."""
    lines = text.split("\n")
    root = _compose_any(text)
    node = _task_node(root, item)
    return node.start_mark.line, _last_line(node, lines)


def _take_task(old: str, dumped: str, item: str) -> str:
    """``old`` with task ``item``'s lines replaced by its lines in ``dumped``."""
    first, last = _task_span(old, item)
    new_first, new_last = _task_span(dumped, item)
    lines = old.split("\n")
    lines[first : last + 1] = dumped.split("\n")[new_first : new_last + 1]
    return "\n".join(lines)


def apply_edits(text: str, item: str | None, edits: Sequence[Edit]) -> str:
    """Apply ``edits`` to task ``item`` (or, when None, to the notice's top mapping).

    Only the lines of the keys the edits name change; see the module's invariant.
    """
    expected = load_plain(text)
    target = expected if item is None else _find_task(expected, item)
    for edit in edits:
        _apply_plain(target, edit)
    try:
        new = _splice(text, item, edits, target)
        if _read(new).plain == expected:
            return new
    except Exception:  # noqa: BLE001 - any failure of the splice falls back, never corrupts
        pass
    if item is not None:
        try:
            new = _take_task(text, _roundtrip(text, item, edits), item)
            if _read(new).plain == expected:
                return new
        except Exception:  # noqa: BLE001 - as above
            pass
    raise EditError(
        "không sửa được tệp mà vẫn giữ nguyên phần còn lại; hãy sửa tay bằng 'giaoban edit'"
    )
