"""The JSON every command prints (giaoban.render.jsontext) is the standard library's text.

Scripts and outside tests read it: with orjson encoding it and streamed lists
written item by item, the text must stay exactly what
``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` gives.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.render.jsontext import Streamed, json_chunks

# control characters, quotes, backslashes, Vietnamese, astral and line-separator characters
TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from("ệẩỹĐđ\u2028\u2029\ufeff\U0001f600\x7f"),
    ),
    max_size=12,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6).map(
        lambda f: round(f, 1)
    ),
    TEXT,
)
PLAIN = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)


def streamed(items: list[Any]) -> Streamed:
    return Streamed(len(items), lambda: iter(items))


# values in which some lists are streamed, at any depth (but not inside a streamed item)
WITH_STREAMS = st.recursive(
    PLAIN,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(TEXT, inner, max_size=4),
        st.lists(PLAIN, max_size=5).map(lambda items: ("streamed", items)),
    ),
    max_leaves=12,
)


def as_streams(value: Any) -> tuple[Any, Any]:
    """(the value with its marked lists streamed, the same with plain lists)."""
    if isinstance(value, tuple) and value and value[0] == "streamed":
        return streamed(value[1]), value[1]
    if isinstance(value, list):
        pairs = [as_streams(v) for v in value]
        return [a for a, _ in pairs], [b for _, b in pairs]
    if isinstance(value, dict):
        pairs2 = {k: as_streams(v) for k, v in value.items()}
        return {k: a for k, (a, _) in pairs2.items()}, {k: b for k, (_, b) in pairs2.items()}
    return value, value


def stdlib(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@settings(max_examples=400, deadline=None)
@given(PLAIN)
def test_plain_values_are_written_as_the_standard_library_writes_them(value: Any) -> None:
    assert "".join(json_chunks(value)) == stdlib(value)


@settings(max_examples=300, deadline=None)
@given(WITH_STREAMS)
def test_streamed_lists_are_written_as_the_lists_they_stand_for(marked: Any) -> None:
    value, plain = as_streams(marked)
    assert "".join(json_chunks(value)) == stdlib(plain)


def test_a_long_streamed_list_is_written_in_pieces_and_made_while_written() -> None:
    made: list[int] = []

    def rows() -> Iterator[dict[str, Any]]:
        for i in range(1000):
            made.append(i)
            yield {"id": f"t{i}", "owners": ["Văn phòng"], "due": None}

    chunks = json_chunks({"tasks": Streamed(1000, rows), "now": "x"})
    first = next(chunks)
    assert not made  # nothing made before its list is reached
    text = first + "".join(chunks)
    assert len(made) == 1000
    assert text == stdlib({"tasks": list(rows()), "now": "x"})


class Kind(str, enum.Enum):
    DONE = "done"


class Level(enum.IntEnum):
    HIGH = 3


def test_subclasses_of_json_types_are_written_as_their_values() -> None:
    value = {"kind": Kind.DONE, "level": Level.HIGH, "flag": True}
    assert "".join(json_chunks(value)) == stdlib(value)


def test_a_value_json_cannot_write_is_an_error() -> None:
    with pytest.raises(TypeError):
        "".join(json_chunks({"x": object()}))


def test_a_long_plain_list_is_written_item_by_item_as_the_standard_library_writes_it() -> None:
    """``export`` hands over every notice in one plain list: it too is written in pieces,
    a streamed list inside one of its items included."""
    notices: list[dict[str, Any]] = [
        {"id": f"n{i}", "tasks": [{"item": str(k), "owners": ["Văn phòng"]} for k in range(3)]}
        for i in range(700)
    ]
    marked = [dict(n) for n in notices]
    marked[5]["tasks"] = streamed(notices[5]["tasks"])
    chunks = list(json_chunks({"notices": marked}))
    assert len(chunks) > 3  # not one piece
    assert "".join(chunks) == stdlib({"notices": notices})


def test_a_streamed_list_inside_a_streamed_item_is_an_error_not_an_empty_list() -> None:
    inner = streamed([1, 2])
    with pytest.raises(TypeError):
        "".join(json_chunks({"rows": streamed([{"inner": inner}])}))
