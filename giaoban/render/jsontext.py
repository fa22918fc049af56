"""Stable JSON text: UTF-8, sorted keys, two-space indent, a large list written as it is made.

The text is what ``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``
gives; orjson encodes it (a report of 100,000 rows in a tenth of a second, where
the standard library's pure-Python encoder, the one it uses with an indent, takes
seconds). A ``Streamed`` list, and any long list, is encoded an item at a time,
so a large report is never held whole as text (nor, when streamed, as rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

# subclasses of str, int, list and dict go to ``_plain``: a streamed list is never
# taken for the empty list it is underneath
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_SUBCLASS
_BATCH = 256  # items of a streamed list encoded before their text is given


class Streamed(list):
    """A list the encoder reads item by item: ``make()`` gives the ``count`` items.

    A large report's rows become records one at a time while they are written,
    instead of all at once. Only for encoding: it holds no items itself. Each
    item is written whole: a streamed list inside one is an error (``TypeError``).
    """

    def __init__(self, count: int, make: Callable[[], Iterator[Any]]) -> None:
        super().__init__()
        self.length, self.make = count, make

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[Any]:
        return self.make()


def json_chunks(value: Any) -> Iterator[str]:
    """The JSON text of ``value`` in pieces, in order."""
    yield from _chunks(value, "")


def _chunks(value: Any, pad: str) -> Iterator[str]:
    if isinstance(value, Streamed) or (isinstance(value, list) and len(value) > _BATCH):
        yield from _streamed(value, pad)  # a long list too: its text is never held whole
    elif isinstance(value, dict | list | tuple) and value and _in_pieces(value):
        inner = pad + "  "
        if isinstance(value, dict):
            items = sorted(value.items())
            yield "{"
            for i, (key, item) in enumerate(items):
                yield f"{',' if i else ''}\n{inner}{_text(key, inner)}: "
                yield from _chunks(item, inner)
            yield f"\n{pad}}}"
        else:
            yield "["
            for i, item in enumerate(value):
                yield f"{',' if i else ''}\n{inner}"
                yield from _chunks(item, inner)
            yield f"\n{pad}]"
    else:
        yield _text(value, pad)


def _streamed(items: list[Any], pad: str) -> Iterator[str]:
    inner = pad + "  "
    opening, batch = "[\n", []
    whole = isinstance(items, Streamed)  # its items are written whole (see Streamed)
    for item in items:
        pieces = not whole and isinstance(item, dict | list | tuple) and _in_pieces(item)
        batch.append("".join(_chunks(item, inner)) if pieces else _text(item, inner))
        if len(batch) >= _BATCH:
            yield opening + inner + (",\n" + inner).join(batch)
            opening, batch = ",\n", []
    if batch:
        yield opening + inner + (",\n" + inner).join(batch)
        opening = ",\n"
    yield "[]" if opening == "[\n" else f"\n{pad}]"


def _text(value: Any, pad: str) -> str:
    """``value`` (holding no streamed list) as JSON text, its lines after the first
    indented by ``pad``."""
    text = orjson.dumps(value, default=_plain, option=_OPTIONS).decode()
    return text.replace("\n", "\n" + pad) if pad and "\n" in text else text


def _plain(value: Any) -> Any:
    """A subclass of a JSON type as that type (as the standard library encodes it)."""
    for kind in (str, int, float):  # their own text, not the subclass's
        if isinstance(value, kind):
            return kind.__repr__(value) if kind is not str else str.__str__(value)
    if isinstance(value, list | dict) and not isinstance(value, Streamed):
        return list(value) if isinstance(value, list) else dict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _in_pieces(value: Any) -> bool:
    """Whether ``value`` holds a streamed list or a long one, written in pieces."""
    if isinstance(value, Streamed) or (isinstance(value, list) and len(value) > _BATCH):
        return True
    if isinstance(value, dict):
        return any(_in_pieces(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_in_pieces(v) for v in value)
    return False
