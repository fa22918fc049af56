"""The shape of each file, declared once, and a checker that walks it.

The checker reports every wrong type, missing key and unknown key (with a
"did you mean") as a Problem, and returns a cleaned copy of the document
holding only the values that passed, so the loader can build records from
it without checking anything twice.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from giaoban.model.problems import Problem, error, place, warning
from giaoban.store.yamlsafe import Document, Reported, YamlPath


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its name, kind, and whether it must be there."""

    name: str
    kind: str
    required: bool = False
    schema: tuple[Field, ...] = ()
    choices: tuple[str, ...] = ()
    most: int = 0  # an "int" field's largest value (0: MAX_COUNT)


MAX_COUNT = 1_000_000  # an "int" field counts people or days
MAX_BACKLOG_DAYS = 3660  # late longer than ten years: no office keeps such a backlog apart


def F(name: str, kind: str = "text", **kw: Any) -> Field:  # noqa: N802 - a table helper
    return Field(name, kind, **kw)


PERSON = (F("name", required=True), F("position"))
ATTENDANCE = (
    F("present", "int"),
    F("total", "int"),
    F("absent_excused", "texts"),
    F("absent_unexcused", "texts"),
)
MEETING = (
    F("date", "date"),
    F("name"),
    F("place"),
    F("chair", "maps", schema=PERSON),
    F("attendees", "texts"),
    F("attendance", "map", schema=ATTENDANCE),
)
SIGNER = (F("on_behalf", "texts"), F("position"), F("name"))
SECTION = (F("number", "item", required=True), F("title"))
NOTE = (F("date", "date", required=True), F("text", required=True))
EXTENSION = (
    F("from", "deadline"),
    F("to", "deadline", required=True),
    F("reason"),
    F("approved_by"),
    F("date", "date"),
)
STATUSES = ("open", "done", "cancelled")
TASK = (
    F("item", "item", required=True),
    F("section", "item"),
    F("text", required=True),
    F("owners", "texts"),
    F("supports", "texts"),
    F("deadline", "deadline"),
    F("due", "datetime"),  # the clerk's reading of a deadline the engine cannot read
    F("start", "datetime"),
    F("until", "date"),
    F("done_occurrences", "dates"),
    F("status", choices=STATUSES),
    F("done_on", "datetime"),
    F("cancelled_on", "date"),
    F("cancel_reason"),
    F("result"),
    F("occurrence_results", "maps", schema=NOTE),  # a duty: each occurrence's result
    F("notes", "maps", schema=NOTE),
    F("extensions", "maps", schema=EXTENSION),
)
NOTICE = (
    F("id", required=True),
    F("kind", required=True),
    F("number"),
    F("title", required=True),
    F("issuer"),
    F("place"),
    F("date", "date", required=True),
    F("confidential", "bool"),
    F("meeting", "map", schema=MEETING),
    F("signer", "map", schema=SIGNER),
    F("recipients", "texts"),
    F("sections", "maps", schema=SECTION),
    F("tasks", "maps", required=True, schema=TASK),
    F("events", "datemap"),  # named days deadlines count from: "ngày khai mạc Đại hội: 2024-10-05"
    F("note"),
)
UNIT = (F("name", required=True), F("short", "texts"), F("aliases", "texts"), F("note"))
GROUP = (F("name", required=True), F("aliases", "texts"), F("members", "texts"))
REGISTRY = (F("units", "maps", required=True, schema=UNIT), F("groups", "maps", schema=GROUP))
SCHOOL_YEAR = (F("start"), F("second_semester"), F("end"))  # "dd/mm"
SETTINGS = (
    F("office"),
    F("timezone"),
    F("strict_before", "bool"),
    F("days_off", "dates"),
    F("work_days", "dates"),
    F("week_cutoff"),
    F("keep_cutoff_on_days_off", "bool"),
    F("backlog_days", "int", most=MAX_BACKLOG_DAYS),
    F("commit", "bool"),
    F("ledgers", "texts"),
    F("school_year", "map", schema=SCHOOL_YEAR),
    F("events", "datemap"),
    F("report_parent"),
    F("report_place"),
    F("report_number"),
    F("report_signer_title"),
    F("report_signer_name"),
    F("report_recipients", "texts"),
)

# Keys an office adds for its own use ("x-so-van-ban-den"): kept, never checked.
EXTENSION_PREFIXES = ("x-", "x_")

_KIND_NAMES = {
    "text": "chữ",
    "item": 'số mục (chữ, ví dụ "6.2")',
    "date": "ngày YYYY-MM-DD",
    "datetime": "ngày YYYY-MM-DD (có thể kèm giờ)",
    "deadline": "hạn (chữ hoặc ngày)",
    "bool": "true/false",
    "int": "số nguyên",
    "texts": "danh sách chữ",
    "dates": "danh sách ngày",
    "map": "một bảng khóa: giá trị",
    "maps": "danh sách bảng khóa: giá trị",
    "datemap": "một bảng tên: ngày YYYY-MM-DD",
}

# What a value of the wrong type is, as the messages name it: the first type it is an
# instance of (bool before int, datetime before date; a float keeps its written form).
_VALUE_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "đang là true/false"),
    (int, "đang là số nguyên"),
    (float, "đang là số thập phân"),
    (str, "đang là chữ"),
    (datetime, "đang là thời điểm (ngày kèm giờ)"),
    (date, "đang là ngày"),
    (list, "đang là danh sách"),
    (dict, "đang là bảng khóa: giá trị"),
    (type(None), "đang để trống"),
)


def value_name(value: Any) -> str:
    """What ``value`` is, for a message about a value of the wrong type: "đang là chữ",
    "đang là số thập phân", "đang để trống" (never Python's own name of its type)."""
    return next(
        (name for kind, name in _VALUE_NAMES if isinstance(value, kind)), "đang là giá trị khác"
    )


_PLAIN_TYPES = {"text": str, "date": date}  # items that a list of this kind keeps as they are
_TEXT_KINDS = ("text", "item", "deadline")  # kinds that keep any string as it is
Table = tuple[dict[str, Field], frozenset[str], tuple[Field, ...]]
_TABLES: dict[int, tuple[tuple[Field, ...], Table]] = {}


def _table(fields: tuple[Field, ...]) -> Table:
    """``fields`` by name, the names whose strings are kept as they are, the required fields.

    Made once per schema (they are module constants), found by identity.
    """
    found = _TABLES.get(id(fields))
    if found is not None and found[0] is fields:
        return found[1]
    texts = frozenset(f.name for f in fields if f.kind in _TEXT_KINDS and not f.choices)
    table = ({f.name: f for f in fields}, texts, tuple(f for f in fields if f.required))
    if len(_TABLES) >= 256:
        _TABLES.clear()
    _TABLES[id(fields)] = (fields, table)
    return table


def check_mapping(doc: Document, fields: tuple[Field, ...]) -> tuple[dict[str, Any], list[Problem]]:
    """Check the whole document against ``fields``; return the cleaned mapping."""
    checker = _Checker(doc)
    cleaned = checker.mapping(doc.value, fields, ())
    return (cleaned if isinstance(cleaned, dict) else {}), checker.problems


# A moment as people write it, without seconds, which YAML reads as text, not as a moment
_NO_SECONDS = re.compile(r"(\d{4}-\d\d-\d\d)[Tt ](\d\d?:\d\d)(\s*(?:Z|[+-]\d\d(?::?\d\d)?))?")


def _allowed(choices: tuple[str, ...]) -> str:
    """The values a field with a fixed list of them takes, said in every message about its
    value (a wrong one, or one of a wrong type): "chỉ nhận: open, done, cancelled"."""
    return f"chỉ nhận: {', '.join(choices)}"


def _blank(value: Any) -> bool:
    """A required value left empty: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


class _Checker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def _wrong(
        self, path: YamlPath, expected: str, value: Any, choices: tuple[str, ...] = ()
    ) -> None:
        said = value_name(value) + (f"; {_allowed(choices)}" if choices else "")
        msg = f"{place(path)} phải là {_KIND_NAMES.get(expected, expected)} ({said})"
        if expected == "item" and isinstance(value, float):
            msg += f': hãy đặt trong ngoặc kép, ví dụ "{value}"'
        self.problems.append(error(self.doc.at(path), "wrong-type", msg))

    def mapping(self, value: Any, fields: tuple[Field, ...], path: YamlPath) -> dict | None:
        if not isinstance(value, dict):
            if value is not None and not isinstance(value, Reported):
                self._wrong(path, "map", value)
            return None
        known, texts, required = _table(fields)
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            if key in texts and type(item) is str:
                cleaned[key] = item  # the usual text: nothing to check
                continue
            spec = known.get(key)
            if spec is None:
                if not key.startswith(EXTENSION_PREFIXES):
                    self._unknown(path, key, known)
                continue
            checked = self.value(item, spec, (*path, key))
            if checked is not None:
                cleaned[key] = checked
        for spec in required:
            if spec.name not in value:
                msg = f"thiếu khóa bắt buộc '{spec.name}'"
                where = self.doc.key_at(path) if path else self.doc.at(path)
                self.problems.append(error(where, "missing-key", msg))
            elif _blank(value[spec.name]):
                # Left empty, the key would drop its notice or task from every report.
                msg = f"khóa bắt buộc '{spec.name}' đang để trống"
                where = self.doc.key_at((*path, spec.name))
                self.problems.append(error(where, "empty-key", msg))
        return cleaned

    def _unknown(self, path: YamlPath, key: str, known: dict[str, Field]) -> None:
        msg = f"khóa không rõ '{key}'"
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
        if close:
            msg += f" (có phải '{close[0]}'?)"
        self.problems.append(error(self.doc.key_at((*path, key)), "unknown-key", msg))

    def value(self, value: Any, spec: Field, path: YamlPath) -> Any:
        if value is None or isinstance(value, Reported):
            return None
        kind = spec.kind
        if kind in ("map", "maps"):
            return self._maps(value, spec, path)
        if kind == "datemap":
            return self._datemap(value, path)
        if kind in ("texts", "dates"):
            return self._list(value, kind[:-1], path)
        checked = self._scalar(value, kind, path, spec.choices)
        if checked is not None and kind == "int":
            checked = self._count(checked, spec.most or MAX_COUNT, path)
        if checked is not None and spec.choices and checked not in spec.choices:
            msg = f"giá trị '{checked}' không hợp lệ cho {place(path)} ({_allowed(spec.choices)})"
            self.problems.append(error(self.doc.at(path), "bad-value", msg))
            return None
        return checked

    def _maps(self, value: Any, spec: Field, path: YamlPath) -> Any:
        if spec.kind == "map":
            return self.mapping(value, spec.schema, path)
        if not isinstance(value, list):
            self._wrong(path, "maps", value)
            return None
        items = [self.mapping(v, spec.schema, (*path, i)) for i, v in enumerate(value)]
        return [(i, item) for i, item in enumerate(items) if item is not None]

    def _datemap(self, value: Any, path: YamlPath) -> dict[str, date] | None:
        """Names and their days; a key that is no text or a day that is no date is reported."""
        if not isinstance(value, dict):
            self._wrong(path, "datemap", value)
            return None
        found = {}
        for key, day in value.items():
            checked = self._scalar(day, "date", (*path, key))
            if checked is not None:
                found[str(key)] = checked
        return found

    def _list(self, value: Any, kind: str, path: YamlPath) -> list | None:
        if not isinstance(value, list):
            self._wrong(path, f"{kind}s", value)
            return None
        plain = _PLAIN_TYPES.get(kind)
        if plain is not None and all(type(item) is plain for item in value):
            return list(value)  # the usual list: nothing to check
        items = [self._scalar(v, kind, (*path, i)) for i, v in enumerate(value)]
        return [item for item in items if item is not None]

    def _scalar(self, value: Any, kind: str, path: YamlPath, choices: tuple[str, ...] = ()) -> Any:
        if isinstance(value, Reported):
            return None
        if kind in ("text", "item"):
            if isinstance(value, str):
                return value
            if isinstance(value, int) and not isinstance(value, bool):
                if kind == "text":  # kept as text, but said: "0123" would have lost its 0
                    msg = f"{place(path)} là số {value}, không phải chữ; hãy đặt trong ngoặc kép"
                    self.problems.append(warning(self.doc.at(path), "number-as-text", msg))
                return str(value)
        elif kind == "deadline":
            if isinstance(value, str):
                return value
            if isinstance(value, date):
                return value.isoformat()
        elif kind == "date":
            if isinstance(value, date) and not isinstance(value, datetime):
                return value
            return self._bad_date(value, path, kind)
        elif kind == "datetime":
            if isinstance(value, date):
                return value
            return self._bad_date(value, path, kind)
        elif kind == "bool" and isinstance(value, bool):
            return value
        elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            return value
        self._wrong(path, kind, value, choices)
        return None

    def _count(self, value: int, most: int, path: YamlPath) -> int | None:
        """``value`` when it is a count from 0 to ``most`` (the field's own limit), else
        None, said once, in one message."""
        if 0 <= value <= most:
            return value
        msg = f"{place(path)} phải là số đếm từ 0 đến {most} (đang là {value})"
        self.problems.append(error(self.doc.at(path), "bad-value", msg))
        return None

    def _bad_date(self, value: Any, path: YamlPath, kind: str) -> None:
        if isinstance(value, str | int | float):
            self.problems.append(error(self.doc.at(path), "bad-date", _bad_date(value, kind)))
        else:
            self._wrong(path, kind, value)
        return None


def _bad_date(value: str | int | float, kind: str) -> str:
    """Why ``value`` is not a date (or, for ``kind`` "datetime", a moment), and the form
    that is: a moment needs its seconds, or YAML reads it as text."""
    if kind != "datetime":
        return f"'{value}' không phải ngày dạng YYYY-MM-DD"
    msg = f"'{value}' không phải ngày dạng YYYY-MM-DD hay thời điểm dạng YYYY-MM-DDTHH:MM:SS"
    moment = _NO_SECONDS.fullmatch(str(value).strip())
    if moment is not None:
        day, clock, zone = moment.groups()
        clock = clock.zfill(5)
        msg += f"; thời điểm phải có giây: {day}T{clock}:00{(zone or '').strip()}"
    return msg
