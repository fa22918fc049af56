"""New notices: the id derived from date and title, and YAML text that looks hand-written.

Also the small block-style YAML emitter the surgical edits use for the values
they insert, so a new task, note or extension looks like the rest of the file:
keys in the documented order, block lists, long texts folded (``>-``), strings
quoted only when they must be, with double quotes as in the examples.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from giaoban.model.text import collapse_spaces, fold, nfc
from giaoban.store import schema

NOTICE_KEYS = tuple(f.name for f in schema.NOTICE)
TASK_KEYS = tuple(f.name for f in schema.TASK)
FOLDED_KEYS = frozenset({"title", "text", "position", "note", "result"})
SLUG_WORDS = 6
_STOP_WORDS = frozenset(
    "cua cac va tai ve voi cho trong nhung mot la o viec dong chi nay do theo".split()
)
_RESERVED = frozenset("y n yes no on off true false null ~".split())
_MEETING = "hoi nghi"


@dataclass(frozen=True)
class YamlStyle:
    """How a file indents: keys under a key, the dash of a list under its key, line width."""

    map_indent: int = 2
    dash_offset: int = 2
    width: int = 88


DEFAULT_STYLE = YamlStyle()


# --- ids -------------------------------------------------------------------------


def slug_words(title: str) -> list[str]:
    """The words of ``title`` that name the meeting: ASCII, lower case, no stop words.

    "Kết luận ... tại Hội nghị giao ban ..." keeps the words after "Hội nghị".
    """
    words = re.sub(r"[^a-z0-9]+", " ", fold(title)).split()
    joined = " ".join(words)
    if f" {_MEETING} " in f" {joined} ":
        after = f" {joined} ".split(f" {_MEETING} ", 1)[1].split()
        if after:
            words = after
    return [w for w in words if w not in _STOP_WORDS]


def notice_id(day: date, title: str, taken: Iterable[str] = ()) -> str:
    """``YYYY-MM-DD-few-words-of-title``, made unique against ``taken`` with -2, -3, ..."""
    words = slug_words(title)[:SLUG_WORDS] or ["thong-bao"]
    base = f"{day.isoformat()}-{'-'.join(words)}"
    used = set(taken)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def notice_path(root: Path, notice_id_: str, day: date) -> Path:
    """Where a notice lives: ``data/YYYY/<id>.yaml``."""
    return root / f"{day.year:04d}" / f"{notice_id_}.yaml"


def taken_ids(root: Path) -> set[str]:
    """Ids already used by a file anywhere under ``root`` (file names count)."""
    return {path.stem for path in root.rglob("*.yaml")}


# --- scalars ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _reads_back(text: str) -> bool:
    """Whether ``k: text`` reads back as the string ``text`` (so it may stay plain)."""
    try:
        value = YAML(typ="safe", pure=True).load(f"k: {text}\n")
    except YAMLError:
        return False
    return isinstance(value, dict) and value.get("k") == text


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or text.lower() in _RESERVED:
        return False
    if ": " in text or " #" in text or text.endswith(":") or text[0] in "!&*|>'\"%@`#,[]{}?-":
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    return _reads_back(text)


def render_scalar(value: Any, flow: bool = False) -> str:
    """One scalar as YAML on one line: plain when that reads back the same, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def _folded(key: str, value: Any, col: int, style: YamlStyle) -> list[str] | None:
    """A long text as a folded block (``>-``) wrapped at the style's width, if it can be."""
    if key not in FOLDED_KEYS or not isinstance(value, str):
        return None
    if col + len(key) + 2 + len(render_scalar(value)) <= style.width:
        return None
    if not value or value != collapse_spaces(value):
        return None
    indent = col + style.map_indent
    lines = textwrap.wrap(
        value, width=style.width - indent, break_long_words=False, break_on_hyphens=False
    )
    if " ".join(lines) != value:
        return None
    return [" " * indent + line for line in lines]


# --- block emitter ---------------------------------------------------------------


def render_entry(key: str, value: Any, col: int, style: YamlStyle = DEFAULT_STYLE) -> list[str]:
    """The lines of ``key: value`` with the key at column ``col`` (block style)."""
    pad = " " * col
    if isinstance(value, Mapping):
        if not value:
            return [f"{pad}{key}: {{}}"]
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            lines += render_entry(sub_key, sub_value, col + style.map_indent, style)
        return lines
    if isinstance(value, list | tuple):
        if not value:
            return [f"{pad}{key}: []"]
        lines = [f"{pad}{key}:"]
        for item in value:
            lines += render_item(item, col + style.dash_offset, style)
        return lines
    folded = _folded(key, value, col, style)
    if folded is not None:
        return [f"{pad}{key}: >-", *folded]
    return [f"{pad}{key}: {render_scalar(value)}"]


def render_item(
    value: Any, dash_col: int, style: YamlStyle = DEFAULT_STYLE, gap: int = 2
) -> list[str]:
    """The lines of one list item: its dash at ``dash_col``, its content ``gap`` further."""
    head = " " * dash_col + "-" + " " * (gap - 1)
    if isinstance(value, Mapping) and value:
        inner: list[str] = []
        for key, sub_value in value.items():
            inner += render_entry(key, sub_value, dash_col + gap, style)
        return [head + inner[0][dash_col + gap :], *inner[1:]]
    if isinstance(value, list | tuple) and value:
        return [head + render_flow_list(value)]
    return [head + render_scalar(value)]


def render_flow_list(values: Iterable[Any]) -> str:
    """A short list of scalars in flow style: ``[a, "b, c"]``."""
    return "[" + ", ".join(render_scalar(v, flow=True) for v in values) + "]"


# --- a whole notice --------------------------------------------------------------


def _clean(value: Any, as_written: bool = False) -> Any:
    """NFC text with runs of spaces collapsed (``as_written``: only NFC, line breaks
    kept); lists and mappings cleaned inside."""
    if isinstance(value, str):
        return nfc(value) if as_written else collapse_spaces(nfc(value))
    if isinstance(value, Mapping):
        return {
            str(k): _clean(v, as_written) for k, v in value.items() if v is not None and v != ""
        }
    if isinstance(value, list | tuple):
        return [_clean(v, as_written) for v in value if v is not None and v != ""]
    return value


def ordered(data: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``data`` with documented ``keys`` first, in their order, then any others."""
    first = {k: data[k] for k in keys if k in data}
    return {**first, **{k: v for k, v in data.items() if k not in first}}


def item_problem(item: str, taken: Iterable[str]) -> str | None:
    """Why ``item`` cannot number a new task of a notice whose tasks have the items
    ``taken`` (None when it can): nothing left of it once stored (``task_record``), or
    an item the notice already has (``check`` would refuse the notice: ``missing-key``,
    ``duplicate-item``)."""
    stored = _clean(item)
    if not stored:
        return "số mục đang để trống"
    if stored in {_clean(t) for t in taken}:
        return f"thông báo đã có mục '{stored}'; chọn số mục khác"
    return None


def task_record(data: Mapping[str, Any], as_written: bool = False) -> dict[str, Any]:
    """A task mapping cleaned and in the documented key order; item numbers as text."""
    task = _clean(data, as_written)
    if "item" in task:
        task["item"] = str(task["item"])
    task.setdefault("status", "open")
    return ordered(task, TASK_KEYS)


def notice_record(data: Mapping[str, Any], as_written: bool = False) -> dict[str, Any]:
    """A notice mapping cleaned, tasks included, in the documented key order.

    ``as_written`` keeps texts as given (NFC only: line breaks and spaces stay),
    for a clerk's file; a form's or the flags' texts are made one line.
    """
    notice = _clean({k: v for k, v in data.items() if k != "tasks"}, as_written)
    notice["tasks"] = [task_record(t, as_written) for t in data.get("tasks", ())]
    return ordered(notice, NOTICE_KEYS)


def notice_text(
    data: Mapping[str, Any], header: str | None = None, as_written: bool = False
) -> str:
    """The YAML text of a new notice file (``data`` as given by a form, flags or a file)."""
    record = notice_record(data, as_written)
    lines = [f"# {line}".rstrip() for line in (header or "").splitlines()]
    for key, value in record.items():
        lines += render_entry(key, value, 0)
    return "\n".join(lines) + "\n"


_DATE_KEYS = frozenset({"date", "until", "done_on", "cancelled_on", "due", "start"})


def _as_date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def coerce_dates(data: Mapping[str, Any]) -> dict[str, Any]:
    """ISO date strings (as JSON gives them) turned into dates where a date is meant."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            out[key] = coerce_dates(value)
        elif isinstance(value, list | tuple):
            items = [coerce_dates(v) if isinstance(v, Mapping) else v for v in value]
            out[key] = [_as_date(v) for v in items] if key == "done_occurrences" else items
        else:
            out[key] = _as_date(value) if key in _DATE_KEYS else value
    return out


_SPEC_KEYS = {
    "chu tri": "owners",
    "owners": "owners",
    "phoi hop": "supports",
    "supports": "supports",
    "han": "deadline",
    "deadline": "deadline",
    "muc": "item",
    "item": "item",
    "phan": "section",
    "section": "section",
}


def parse_task_spec(spec: str) -> dict[str, Any]:
    """A task written on one line for ``--task``: text, then ``| key: value`` parts.

    ``"Xây dựng kế hoạch | chủ trì: VP; BTC | phối hợp: ... | hạn: trước ngày 25/02/2019 |
    mục: 3"``; units are separated by ``;`` (names may hold commas). Keys may be
    written without diacritics or in English (owners, supports, deadline, item, section).
    """
    text, *parts = [p.strip() for p in spec.split("|")]
    task: dict[str, Any] = {"text": text}
    for part in parts:
        key, sep, value = part.partition(":")
        field_name = _SPEC_KEYS.get(fold(key))
        if not sep or field_name is None:
            known = "chủ trì, phối hợp, hạn, mục, phần"
            raise ValueError(f"không hiểu phần '{part}' (dùng 'khóa: giá trị'; khóa: {known})")
        given: str | list[str] = value.strip()
        if field_name in ("owners", "supports"):
            given = [u.strip() for u in value.split(";") if u.strip()]
        if not given:  # "hạn:" with nothing after it: dropped, or written empty
            raise ValueError(f"phần '{part}' để trống: ghi {key.strip()} hoặc bỏ phần này")
        task[field_name] = given
    if not text:
        raise ValueError("thiếu nội dung nhiệm vụ (phần đầu, trước dấu |)")
    return task
