"""Safe YAML reading with source positions.

A file is decoded (UTF-8, BOM allowed), normalised to NFC, checked for
merge-conflict markers, composed into a node tree by ruamel's safe loader,
and turned into plain Python values by our own small constructor. The
constructor knows only the standard scalar types; any other tag is refused
(nothing is ever executed), anchors/aliases are refused (no alias bombs),
and duplicate keys are reported. Every value's position is kept in a table
keyed by its path in the document, e.g. ``("tasks", 3, "deadline")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from giaoban.problems import Problem, Source, error
from giaoban.text import nfc

YamlPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_ALIAS_HINT = re.compile(r"[&*][^\s,\[\]{}]")


@dataclass(frozen=True)
class InvalidDate:
    """A YAML date that does not exist (2019-02-31); already reported."""

    raw: str


@dataclass
class Document:
    """A parsed YAML file: its value and where each part of it was read."""

    path: str
    value: Any
    positions: dict[YamlPath, Source] = field(default_factory=dict)
    key_positions: dict[YamlPath, Source] = field(default_factory=dict)

    def at(self, path: YamlPath) -> Source:
        """Position of the value at ``path``, else of its nearest parent."""
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, Source(self.path))

    def key_at(self, path: YamlPath) -> Source:
        """Position of the key that holds ``path`` (falls back to the value)."""
        return self.key_positions.get(path) or self.at(path)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read ``path`` as UTF-8 (BOM allowed) and return its NFC text."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = f"tệp không phải UTF-8 (byte 0x{data[exc.start]:02x} không hợp lệ)"
        return None, [error(Source(display, line, column), "encoding", msg)]
    return nfc(text.replace("\r\n", "\n")), []


def conflict_markers(text: str, display: str) -> list[Problem]:
    """Every git merge-conflict marker line left in ``text``."""
    problems = []
    for match in _CONFLICT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        msg = f"còn dấu xung đột git '{match.group(1)}': hãy giải quyết xung đột trước"
        problems.append(error(Source(display, line, 1), "conflict-marker", msg))
    return problems


def load_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read, decode and safely parse one YAML file. Never raises on bad content."""
    display = display or str(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return parse_text(text, display)


def parse_text(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Safely parse YAML ``text`` read from ``display``."""
    problems = conflict_markers(text, display)
    if problems:
        return None, problems
    yaml = YAML(typ="safe")
    try:
        if _ALIAS_HINT.search(text):
            problems = _alias_problems(yaml, text, display)
            if problems:
                return None, problems
        node = yaml.compose(text)
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display)]
    except YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [error(Source(display), "yaml-syntax", f"lỗi cú pháp YAML: {exc}")]
    doc = Document(display, None)
    if node is None:
        return doc, []
    builder = _Builder(doc)
    doc.value = builder.build(node, ())
    return doc, builder.problems


def _syntax_problem(exc: MarkedYAMLError, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    return error(Source(display, line, column), "yaml-syntax", f"lỗi cú pháp YAML: {detail}")


def _alias_problems(yaml: YAML, text: str, display: str) -> list[Problem]:
    from ruamel.yaml.events import AliasEvent, NodeEvent

    problems = []
    for event in yaml.parse(text):
        is_alias = isinstance(event, AliasEvent)
        if is_alias or (isinstance(event, NodeEvent) and event.anchor):
            mark = event.start_mark
            what = f"bí danh *{event.anchor}" if is_alias else f"neo &{event.anchor}"
            msg = f"không cho phép {what} (neo và bí danh YAML bị từ chối)"
            problems.append(
                error(Source(display, mark.line + 1, mark.column + 1), "yaml-alias", msg)
            )
    return problems


class _Builder:
    """Turns composed nodes into plain values, recording positions and problems."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def _source(self, node: Node) -> Source:
        mark = node.start_mark
        return Source(self.doc.path, mark.line + 1, mark.column + 1)

    def build(self, node: Node, path: YamlPath) -> Any:
        self.doc.positions[path] = self._source(node)
        tag = node.tag
        if isinstance(node, MappingNode) and tag == f"{_TAG}map":
            return self._mapping(node, path)
        if isinstance(node, SequenceNode) and tag == f"{_TAG}seq":
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, ScalarNode) and tag in _SCALAR_TAGS:
            return self._scalar(node)
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        msg = f"không cho phép thẻ YAML '{shown}' (chỉ đọc dữ liệu thuần, không thực thi gì)"
        self.problems.append(error(self._source(node), "yaml-tag", msg))
        return None

    def _mapping(self, node: MappingNode, path: YamlPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, (*path, "\0key"))
            if not isinstance(key, str | int) or isinstance(key, bool):
                msg = "khóa phải là chữ"
                self.problems.append(error(self._source(key_node), "wrong-type", msg))
                continue
            key = str(key)
            if key in result:
                msg = f"khóa '{key}' xuất hiện hai lần"
                self.problems.append(error(self._source(key_node), "duplicate-key", msg))
                continue
            self.doc.key_positions[(*path, key)] = self._source(key_node)
            result[key] = self.build(value_node, (*path, key))
        self.doc.positions.pop((*path, "\0key"), None)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        raw, tag = node.value, node.tag[len(_TAG) :]
        if tag == "str":
            return raw
        if tag == "null":
            return None
        if tag == "bool":
            return raw.lower() in ("true", "yes", "on")
        if tag == "int":
            return _to_int(raw)
        if tag == "float":
            return _to_float(raw)
        return self._timestamp(node)

    def _timestamp(self, node: ScalarNode) -> date | datetime | InvalidDate:
        raw = node.value
        try:
            if len(raw) <= 10:
                return date.fromisoformat(_pad_date(raw))
            return datetime.fromisoformat(raw.replace(" ", "T").replace("t", "T").rstrip("Zz"))
        except ValueError:
            msg = f"ngày '{raw}' không tồn tại hoặc sai dạng YYYY-MM-DD"
            self.problems.append(error(self._source(node), "bad-date", msg))
            return InvalidDate(raw)


def _pad_date(raw: str) -> str:
    year, month, day = raw.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _to_int(raw: str) -> int:
    text = raw.replace("_", "")
    try:
        return int(text, 10)
    except ValueError:
        return int(text, 0)


def _to_float(raw: str) -> float:
    lowered = raw.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)
