"""Safe YAML reading with source positions.

A file is decoded (UTF-8, BOM allowed), normalised to NFC, checked for
merge-conflict markers, and read as a stream of parser events: ruamel's
C-backed parser (``ruamel.yaml.clib``) when it is installed, its pure-Python
one otherwise. Our own small constructor turns the events into plain Python
values. It knows only the standard scalar types and resolves plain scalars
by the YAML 1.2 rules (1.1 under a ``%YAML 1.1`` directive), whichever
parser is used; any other tag is refused (nothing is ever executed),
anchors/aliases are refused (no alias bombs: nothing is expanded), and
duplicate keys are reported. Every value's position is kept in a table keyed
by its path in the document, e.g. ``("tasks", 3, "deadline")``.

ruamel is imported only when a file is actually parsed, so a run that finds
everything in the cache never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from giaoban.model.problems import Problem, Source, error
from giaoban.model.text import nfc

if TYPE_CHECKING:
    from ruamel.yaml.error import MarkedYAMLError

YamlPath = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
_KEY = "\0key"  # the path element under which a mapping's key is read


class Reported:
    """A value the reader refused and has already reported: not empty, not usable."""


@dataclass(frozen=True)
class InvalidDate(Reported):
    """A YAML date that does not exist (2019-02-31); already reported."""

    raw: str


class WrittenFloat(float):
    """A YAML float that reads differently from how the file writes it ("1.10" is 1.1):
    the number, which prints as written, so that a message quoting it (the hint to
    put an item number in quotes) quotes what the clerk typed."""

    written: str

    def __new__(cls, value: float, written: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    def __reduce__(self) -> tuple[Any, ...]:  # the cache pickles values
        return (WrittenFloat, (float(self), self.written))


class Refused(Reported):
    """A node with a refused tag, anchor or alias; already reported."""


REFUSED = Refused()


@dataclass
class Document:
    """A parsed YAML file: its value and where each part of it was read."""

    path: str
    value: Any
    positions: dict[YamlPath, Position] = field(default_factory=dict)
    key_positions: dict[YamlPath, Position] = field(default_factory=dict)

    def position(self, path: YamlPath) -> Position:
        """(line, column) of the value at ``path``, else of its nearest parent."""
        positions = self.positions
        while path and path not in positions:
            path = path[:-1]
        return positions.get(path, (1, 1))

    def at(self, path: YamlPath) -> Source:
        """Position of the value at ``path``, else of its nearest parent."""
        return Source(self.path, *self.position(path))

    def key_at(self, path: YamlPath) -> Source:
        """Position of the key that holds ``path`` (falls back to the value)."""
        found = self.key_positions.get(path)
        return Source(self.path, *found) if found else self.at(path)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read ``path`` as UTF-8 (BOM allowed) and return its NFC text."""
    return decode(path.read_bytes(), display)


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The NFC text of the UTF-8 (BOM allowed) bytes ``data`` read from ``display``."""
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
    if not any(marker in text for marker in _MARKERS):
        return []  # the usual case, found without matching line by line
    problems = []
    for match in _CONFLICT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        msg = f"còn dấu xung đột git '{match.group(1)}': hãy giải quyết xung đột trước"
        problems.append(error(Source(display, line, 1), "conflict-marker", msg))
    return problems


def place_of(text: str, offset: int) -> tuple[int, int]:
    """The line and column (1-based, in characters) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# Line breaks other than "\n" that YAML 1.1 counts (NEL, LINE and PARAGRAPH SEPARATOR) and
# YAML 1.2 does not: the reader here (libyaml's rules) and ruamel's round-trip reader the
# edits use read such a file differently (a key after a NEL is a key to one, part of the
# line before it to the other). Invisible in most editors, they are refused, located.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


def odd_line_breaks(text: str, display: str) -> list[Problem]:
    """The first line break other than "\n" in ``text`` (U+0085, U+2028, U+2029)."""
    found = _ODD_BREAKS.search(text)
    if found is None:
        return []
    line, column = place_of(text, found.start())
    code = ord(found.group())
    msg = (
        f"ký tự ngắt dòng lạ (U+{code:04X}), trình đọc YAML này hiểu là xuống dòng, trình khác"
        " hiểu là chữ; hãy xóa nó hoặc thay bằng xuống dòng thường"
    )
    return [error(Source(display, line, column), "yaml-syntax", msg)]


MAX_DEPTH = 64  # no notice nests deeper; far deeper nesting overflows the parser's stack


def too_deep(text: str, display: str) -> list[Problem]:
    """Brackets nested deeper than ``MAX_DEPTH`` (``tasks: [[[[...``), found before parsing.

    The parser reads nesting by recursion: thousands of levels would overflow
    Python's stack. Counted outside quoted strings; block nesting that deep
    would need lines thousands of spaces wide and is caught as a syntax error.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return []  # the usual case, found without scanning
    depth, quote = 0, ""
    line, column = 1, 0
    for ch in text:
        column += 1
        if ch == "\n":
            line, column, quote = line + 1, 0, ""
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                msg = f"cấu trúc lồng nhau quá sâu (hơn {MAX_DEPTH} tầng)"
                return [error(Source(display, line, column), "yaml-syntax", msg)]
        elif ch in "]}":
            depth = max(0, depth - 1)
    return []


def _deepest_line(text: str) -> int:
    """The line that nests deepest by indentation and "- " marks (for a message)."""
    best, best_line = -1, 1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        marks = len(stripped) - len(stripped.lstrip("- "))
        depth = len(line) - len(stripped) + marks
        if depth > best:
            best, best_line = depth, number
    return best_line


def parse_text(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Safely parse YAML ``text`` read from ``display``."""
    problems = (
        conflict_markers(text, display) or odd_line_breaks(text, display) or too_deep(text, display)
    )
    if problems:
        return None, problems
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    builder = _Builder(display, _event_source(text))
    try:
        value = builder.document()
    except RecursionError:  # "- - - - ..." thousands deep: the parser's own recursion gives up
        msg = "cấu trúc lồng nhau quá sâu"
        return None, [error(Source(display, _deepest_line(text), 1), "yaml-syntax", msg)]
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display)]
    except ReaderError:  # a character YAML does not allow
        return None, [_character_problem(text, display)]
    except YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        detail = _in_vietnamese(str(exc)) or "không đọc được tệp"
        return None, [error(Source(display), "yaml-syntax", f"lỗi cú pháp YAML: {detail}")]
    if builder.aliases:
        return None, builder.aliases
    refused = tabs_refused(text, display)
    if refused:
        return None, refused
    return Document(display, value, builder.positions, builder.key_positions), builder.problems


def tabs_refused(text: str, display: str) -> list[Problem]:
    """A tab the reader here (libyaml's rules) takes for a space and ruamel's pure reader,
    the one the edits read a notice with (``giaoban.edit.yamledit``), refuses: after
    "key:", before a comment, inside a plain text. Such a file would pass ``check`` and
    stop every edit; found by reading it the edits' way, only when it holds a tab."""
    if "\t" not in text:
        return []  # the usual case
    # start-up: ruamel's pure reader is loaded only for a file with a tab
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        for _ in YAML(typ="safe", pure=True).parse(text):
            pass
    except MarkedYAMLError as exc:
        where, detail = _syntax_detail(exc)
        line, column = where or (1, 1)
        lines = text.split("\n")
        if line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
            detail = (
                "ký tự tab ở đây: các lệnh sửa của giaoban không đọc được tab ngoài dấu nháy;"
                " hãy thay bằng dấu cách"
            )
        return [error(Source(display, line, column), "yaml-syntax", f"lỗi cú pháp YAML: {detail}")]
    return []


def _event_source(text: str) -> Callable[[], Any]:
    """A function returning the next parser event of ``text``."""
    parser = _c_parser()
    if parser is None:  # pragma: no cover - clib is a dependency; pure fallback
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).parse(text).__next__
    return parser(text).get_event


@lru_cache(maxsize=1)
def _c_parser() -> Any:
    """ruamel's C parser class (``ruamel.yaml.clib``, about 8x faster), if installed."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - clib is a dependency
        return None
    return CParser


# What YAML 1.2 does not allow in a stream (its "c-printable" set, inverted).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _character_problem(text: str, display: str) -> Problem:
    """The first character YAML does not allow, located by line and column, written out.

    Found here rather than from the parser's offset, which counts bytes in the
    C parser and characters in the pure one.
    """
    found = _NOT_PRINTABLE.search(text)
    if found is None:  # pragma: no cover - the parser found one
        return error(Source(display), "yaml-syntax", "ký tự không được phép trong YAML")
    line, column = place_of(text, found.start())
    char = found.group()
    msg = f"ký tự điều khiển không được phép ({ascii(char)[1:-1]}, U+{ord(char):04X}); hãy xóa nó"
    return error(Source(display, line, column), "yaml-syntax", msg)


def _syntax_problem(exc: MarkedYAMLError, display: str) -> Problem:
    where, detail = _syntax_detail(exc)
    line, column = where or (1, 1)
    return error(Source(display, line, column), "yaml-syntax", f"lỗi cú pháp YAML: {detail}")


def yaml_error_text(exc: Exception) -> str:
    """A YAML parser's error (ruamel's, in English) in Vietnamese, with its line and column
    when it has them: for a message that is not a ``Problem`` of a data file."""
    where, detail = _syntax_detail(exc)
    return f"dòng {where[0]}, cột {where[1]}: {detail}" if where else detail


def _syntax_detail(exc: Exception) -> tuple[tuple[int, int] | None, str]:
    """Where a parser's error is (1-based line and column; None when it does not say) and
    what it says, in Vietnamese."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = (mark.line + 1, mark.column + 1) if mark else None
    said = (getattr(exc, "context", None), getattr(exc, "problem", None))
    parts = [_in_vietnamese(str(p)) for p in said if p]
    return where, "; ".join(p for p in parts if p) or "xem dòng và cột này"


# What the YAML parsers (libyaml's, ruamel's own) say, in Vietnamese: whole messages,
# then "while parsing/scanning X" and "did not find expected X" by their X.
_MESSAGES = {
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "mapping values are not allowed in this context": (
        "không được có 'khóa: giá trị' ở chỗ này (thụt lề sai, hoặc một chuỗi có ': ' "
        "cần đặt trong dấu nháy)"
    ),
    "mapping values are not allowed here": (
        "không được có 'khóa: giá trị' ở chỗ này (thụt lề sai, hoặc một chuỗi có ': ' "
        "cần đặt trong dấu nháy)"
    ),
    "block sequence entries are not allowed in this context": (
        "không được có mục danh sách '-' ở chỗ này (thụt lề sai?)"
    ),
    "found character that cannot start any token": (
        "có ký tự không được đứng đầu một giá trị (như @, `, %, tab): đặt giá trị trong dấu nháy"
    ),
    "found unexpected end of stream": "tệp hết giữa chừng (thiếu dấu nháy hay ngoặc đóng?)",
    "found unexpected end of document": "tài liệu hết giữa chừng",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi nháy kép",
    "found unexpected ':'": "dấu ':' không đúng chỗ",
    "found undefined alias": "alias (*) chưa được định nghĩa",
    "found undefined tag handle": "tag (!) chưa được định nghĩa",
    "found duplicate anchor": "anchor (&) bị trùng",
    "found incompatible YAML document": "phiên bản YAML không tương thích",
    "found a tab character that violates indentation": (
        "có ký tự tab ở chỗ thụt lề: YAML chỉ thụt lề bằng dấu cách"
    ),
    "found a tab character where an indentation space is expected": (
        "có ký tự tab ở chỗ thụt lề: YAML chỉ thụt lề bằng dấu cách"
    ),
    "found a tab character that violate indentation": (
        "có ký tự tab ở chỗ thụt lề: YAML chỉ thụt lề bằng dấu cách"
    ),
    "while scanning for the next token": "khi đọc tiếp",
    "could not find expected directive name": "thiếu tên chỉ thị sau %",
    "expected <document start>, but found <block mapping start>": (
        "thiếu '---' giữa hai tài liệu, hoặc thụt lề sai"
    ),
}
_THINGS = {
    "block collection": "một danh sách hay bảng thụt lề",
    "block mapping": "một bảng 'khóa: giá trị'",
    "flow sequence": "một danh sách trong ngoặc [ ]",
    "flow mapping": "một bảng trong ngoặc { }",
    "block node": "một giá trị",
    "flow node": "một giá trị",
    "node": "một giá trị",
    "simple key": "một khóa",
    "quoted scalar": "một chuỗi trong dấu nháy",
    "plain scalar": "một giá trị",
    "block scalar": "một khối chữ (| hoặc >)",
    "anchor": "một anchor (&)",
    "alias": "một alias (*)",
    "tag": "một tag (!)",
    "directive": "một chỉ thị %",
    "%YAML directive": "chỉ thị %YAML",
    "%TAG directive": "chỉ thị %TAG",
    "document": "tài liệu",
    "key": "khóa",
    "',' or ']'": "dấu ',' hoặc ']'",
    "',' or '}'": "dấu ',' hoặc '}'",
    "'-' indicator": "dấu '-' đầu mục danh sách",
    "node content": "giá trị",
    "<document start>": "'---' mở đầu tài liệu",
    "alphabetic or numeric character": "chữ hoặc số",
    "URI escaped octet": "mã %XX hợp lệ",
    "comment or line break": "chú thích (#) hoặc xuống dòng sau giá trị",
    "tag URI": "tên tag",
}
_WHILE = re.compile(r"^while (?:parsing|scanning) (?:an? )?(.+)$")
_NOT_FOUND = re.compile(r"^did not find expected (.+)$")


def _in_vietnamese(message: str) -> str:
    """A YAML parser's message in Vietnamese ("" when it has none: the location stays)."""
    text = " ".join(message.split())
    if text in _MESSAGES:
        return _MESSAGES[text]
    if (found := _WHILE.match(text)) and found.group(1) in _THINGS:
        return f"khi đọc {_THINGS[found.group(1)]}"
    if (found := _NOT_FOUND.match(text)) and found.group(1) in _THINGS:
        return f"thiếu {_THINGS[found.group(1)]}"
    return ""


@lru_cache(maxsize=2)
def _resolvers(version: tuple[int, int]) -> dict[str, list[tuple[str, Callable[[str], Any]]]]:
    """Plain-scalar resolution rules of YAML ``version`` (ruamel's own), by first character."""
    from ruamel.yaml.resolver import implicit_resolvers

    table: dict[str, list[tuple[str, Callable[[str], Any]]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if version in versions:
            match = regexp.lazy_self().match  # ruamel compiles its patterns lazily
            for char in first:
                table.setdefault(char, []).append((tag, match))
    return table


# Plain scalars that read as text ("item", "owners", "open", unit names...) recur in
# every file; once one is known to match no resolution rule it is not matched again.
_TEXT_MEMO_LENGTH = 80
_TEXT_MEMO_SIZE = 50_000


@lru_cache(maxsize=2)
def _plain_texts(version: tuple[int, int]) -> set[str]:
    """Plain scalars seen reading as text under YAML ``version`` (filled while reading)."""
    return set()


class _Builder:
    """Turns parser events into plain values, recording positions and problems.

    Mirrors what ruamel's composer and safe constructor would read, without
    building a node tree first and without ever expanding an alias. Most
    nodes are plain scalars without tag or anchor inside a collection: the
    loops of ``_mapping`` and ``_sequence`` read those on the spot, and a
    plain scalar already known to read as text is not matched again.
    """

    def __init__(self, display: str, next_event: Callable[[], Any]) -> None:
        from ruamel.yaml import events

        self.path = display
        self.next = next_event
        self.ev = events
        self.scalar_event = events.ScalarEvent
        self.positions: dict[YamlPath, Position] = {}
        self.key_positions: dict[YamlPath, Position] = {}
        self.problems: list[Problem] = []
        self.aliases: list[Problem] = []
        self.rules = _resolvers((1, 2))
        self.texts = _plain_texts((1, 2))

    def document(self) -> Any:
        """The value of the single document of the stream (None when empty)."""
        from ruamel.yaml.composer import ComposerError

        self.next()  # stream start
        start = self.next()
        if isinstance(start, self.ev.StreamEndEvent):
            return None
        if start.version == (1, 1):
            self.rules = _resolvers((1, 1))
            self.texts = _plain_texts((1, 1))
        value = self.build(self.next(), ())
        self.next()  # document end
        following = self.next()
        if not isinstance(following, self.ev.StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                following.start_mark,
            )
        return value

    def _source(self, event: Any) -> Source:
        mark = event.start_mark
        return Source(self.path, mark.line + 1, mark.column + 1)

    def _refuse_anchor(self, event: Any) -> None:
        is_alias = isinstance(event, self.ev.AliasEvent)
        what = f"bí danh *{event.anchor}" if is_alias else f"neo &{event.anchor}"
        msg = f"không cho phép {what} (neo và bí danh YAML bị từ chối)"
        self.aliases.append(error(self._source(event), "yaml-alias", msg))

    def build(self, event: Any, path: YamlPath) -> Any:
        mark = event.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is self.scalar_event and event.ctag is None and event.anchor is None:
            return self._untagged(event)  # most nodes: read quickly
        if kind is self.ev.AliasEvent or event.anchor is not None:
            self._refuse_anchor(event)
            if kind is self.ev.AliasEvent:
                return REFUSED
        tag = event.tag
        if kind is self.ev.ScalarEvent:
            if tag is None or tag == "!":
                tag = self._resolve(event)
            if tag in _SCALAR_TAGS:
                return self._scalar(event, tag)
        elif kind is self.ev.MappingStartEvent:
            if tag is None or tag == "!" or tag == f"{_TAG}map":
                return self._mapping(path)
        elif tag is None or tag == "!" or tag == f"{_TAG}seq":
            return self._sequence(path)
        self._refuse_tag(event, tag)
        return REFUSED

    def _untagged(self, event: Any) -> Any:
        value = event.value
        if not event.implicit[0]:
            return value  # quoted or block scalar: text
        if value in self.texts:
            return value  # a plain scalar already read as text
        rules = self.rules.get(value[:1])
        if rules:
            for tag, match in rules:
                if match(value):
                    if tag in _SCALAR_TAGS:
                        return self._scalar(event, tag)
                    self._refuse_tag(event, tag)  # "<<" (merge), "=" (value)
                    return REFUSED
        if len(value) <= _TEXT_MEMO_LENGTH and len(self.texts) < _TEXT_MEMO_SIZE:
            self.texts.add(value)
        return value

    def _resolve(self, event: Any) -> str:
        value = event.value
        if event.implicit[0]:
            for tag, match in self.rules.get(value[:1], ()):
                if match(value):
                    return tag
        return f"{_TAG}str"

    def _refuse_tag(self, event: Any, tag: str) -> None:
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        msg = f"không cho phép thẻ YAML '{shown}' (chỉ đọc dữ liệu thuần, không thực thi gì)"
        self.problems.append(error(self._source(event), "yaml-tag", msg))
        if not isinstance(event, self.ev.ScalarEvent):
            self._skip_children()

    def _skip_children(self) -> None:
        """Read past the rest of a collection, still refusing anchors and aliases."""
        depth = 1
        while depth:
            event = self.next()
            if isinstance(event, self.ev.CollectionStartEvent):
                depth += 1
            elif isinstance(event, self.ev.CollectionEndEvent):
                depth -= 1
                continue
            if isinstance(event, self.ev.AliasEvent) or event.anchor is not None:
                self._refuse_anchor(event)

    def _skip(self, event: Any) -> None:
        """Read past one node that is not kept."""
        if isinstance(event, self.ev.AliasEvent) or event.anchor is not None:
            self._refuse_anchor(event)
        if isinstance(event, self.ev.CollectionStartEvent):
            self._skip_children()

    def _sequence(self, path: YamlPath) -> list[Any]:
        items: list[Any] = []
        positions, next_event, scalar = self.positions, self.next, self.scalar_event
        end, texts, untagged = self.ev.SequenceEndEvent, self.texts, self._untagged
        event = next_event()
        while type(event) is not end:
            item_path = (*path, len(items))
            if type(event) is scalar and event.ctag is None and event.anchor is None:
                mark = event.start_mark
                positions[item_path] = (mark.line + 1, mark.column + 1)
                value = event.value
                if event.implicit[0] and value not in texts:
                    value = untagged(event)
                items.append(value)
            else:
                items.append(self.build(event, item_path))
            event = next_event()
        return items

    def _mapping(self, path: YamlPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        positions, key_positions = self.positions, self.key_positions
        next_event, scalar = self.next, self.scalar_event
        end, texts, untagged = self.ev.MappingEndEvent, self.texts, self._untagged
        event = next_event()
        while type(event) is not end:
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if type(event) is scalar and event.ctag is None and event.anchor is None:
                key = event.value  # the usual plain key: no position to undo
                if event.implicit[0] and key not in texts:
                    key = untagged(event)
            else:
                key_path = (*path, _KEY)
                key = self.build(event, key_path)
                del positions[key_path]
            if type(key) is int:
                key = str(key)
            if type(key) is not str:
                msg = "khóa phải là chữ"
                self.problems.append(error(Source(self.path, *where), "wrong-type", msg))
                self._skip(next_event())
            elif key in result:
                msg = f"khóa '{key}' xuất hiện hai lần"
                self.problems.append(error(Source(self.path, *where), "duplicate-key", msg))
                self._skip(next_event())
            else:
                key_path = (*path, key)
                key_positions[key_path] = where
                event = next_event()
                if type(event) is scalar and event.ctag is None and event.anchor is None:
                    mark = event.start_mark
                    positions[key_path] = (mark.line + 1, mark.column + 1)
                    value = event.value
                    if event.implicit[0] and value not in texts:
                        value = untagged(event)
                    result[key] = value
                else:
                    result[key] = self.build(event, key_path)
            event = next_event()
        return result

    def _scalar(self, event: Any, tag: str) -> Any:
        raw, kind = event.value, tag[len(_TAG) :]
        if kind == "str":
            return raw
        if kind == "null":
            return None
        if kind == "bool":
            return raw.lower() in ("true", "yes", "on", "y")
        if kind == "timestamp":
            return self._timestamp(event)
        try:
            return _to_int(raw) if kind == "int" else _written_float(raw)
        except ValueError:
            msg = f"'{raw}' không phải số ({kind})"
            self.problems.append(error(self._source(event), "wrong-type", msg))
            return None

    def _timestamp(self, event: Any) -> date | datetime | InvalidDate:
        raw = event.value
        try:
            if len(raw) <= 10:
                plain = len(raw) == 10 and raw[4] == raw[7] == "-" and raw.isascii()
                return date.fromisoformat(raw if plain else _pad_date(raw))
            return _moment(raw)
        except OverflowError:
            msg = f"ngày giờ '{raw}' sát giới hạn của lịch (năm 1 hoặc 9999): không tính được"
            self.problems.append(error(self._source(event), "bad-date", msg))
            return InvalidDate(raw)
        except ValueError:
            msg = f"ngày '{raw}' không tồn tại hoặc sai dạng YYYY-MM-DD"
            self.problems.append(error(self._source(event), "bad-date", msg))
            return InvalidDate(raw)


# A YAML 1.1 timestamp with a time: "2022-04-20T10:00:00Z", "2001-12-14 21:59:43.10 -5".
_MOMENT = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?:[Tt]|[ \t]+)(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r":(?P<s>\d{2})(?:\.(?P<f>\d*))?(?:[ \t]*(?P<z>Z|z|[-+]\d{1,2}(?::?\d{2})?))?"
)


_FIRST_MOMENT, _LAST_MOMENT = datetime.min + timedelta(days=2), datetime.max - timedelta(days=2)


def _moment(raw: str) -> datetime:
    """A timestamp with a time; with its zone when written (``Z`` is UTC), else naive."""
    m = _MOMENT.fullmatch(raw)
    if m is None:
        raise ValueError(raw)
    micro = int((m["f"] or "0")[:6].ljust(6, "0"))
    y, mo, d, h, mi, s = (int(m[k]) for k in ("y", "mo", "d", "h", "mi", "s"))
    moment = datetime(y, mo, d, h, mi, s, micro)
    if not _FIRST_MOMENT <= moment <= _LAST_MOMENT:  # no zone or day after can be told
        raise OverflowError(raw)
    zone = m["z"]
    if zone is None:
        return moment
    if zone in "Zz":
        return moment.replace(tzinfo=timezone.utc)
    sign = -1 if zone[0] == "-" else 1
    hours, _, minutes = zone[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return moment.replace(tzinfo=timezone(sign * offset))


def _pad_date(raw: str) -> str:
    year, month, day = raw.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _to_int(raw: str) -> int:
    text = raw.replace("_", "")
    try:
        return int(text, 10)
    except ValueError:
        return int(text, 0)


def _written_float(raw: str) -> float:
    """The float ``raw`` means; a ``WrittenFloat`` when it prints otherwise ("1.10")."""
    number = _to_float(raw)
    return number if str(number) == raw else WrittenFloat(number, raw)


def _to_float(raw: str) -> float:
    lowered = raw.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)
