"""The deadline grammar's parser: lark's LALR parser of ``grammar.lark``.

Building its tables takes about 0.2 s, in every process that reads a
phrase. They are therefore also kept beside the grammar, in
``grammar.lalr``, made by ``python -m giaoban.deadline.grammar``; a process
loads them in about 0.02 s. The file starts with the lark version and the
digest of the grammar it was made from: made from another grammar or by
another lark, it is not used and the tables are built as before, so a
stale file costs time, never a reading (``tests/test_deadline_grammar.py``
says when it is stale).
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import lark
from lark import Lark, Token
from lark.lexer import Lexer

GRAMMAR = Path(__file__).with_name("grammar.lark")
TABLES = GRAMMAR.with_suffix(".lalr")


class Tokens(Lexer):
    """Hands lark the tokens :mod:`lexicon` made (lark's own lexer is not used)."""

    def __init__(self, conf: object) -> None:
        pass

    def lex(self, data: object) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)  # type: ignore[call-overload]


def stamp(text: str) -> bytes:
    """The first line of the tables made from the grammar ``text`` by this lark."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    return f"lark {lark.__version__} grammar {digest}\n".encode("ascii")


def build(text: str) -> Lark:
    """The parser of the grammar ``text``, its tables built."""
    # Building the tables makes many objects and no garbage: the collector is paused meanwhile.
    paused = gc.isenabled()
    gc.disable()
    try:
        return Lark(
            text,
            parser="lalr",
            lexer=Tokens,
            start=["once", "duty"],
            maybe_placeholders=False,
        )
    finally:
        if paused:
            gc.enable()


def kept(text: str, path: Path = TABLES) -> Lark | None:
    """The parser saved in ``path`` when it was made from the grammar ``text`` by this
    lark; else None."""
    try:
        with path.open("rb") as saved:
            if saved.readline() != stamp(text):
                return None
            return Lark.load(saved)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError):
        return None  # missing or unreadable: built instead


@cache
def parser() -> Lark:
    """The grammar's parser, loaded from its kept tables when they are current."""
    text = GRAMMAR.read_text(encoding="utf-8")
    return kept(text) or build(text)


def save(path: Path = TABLES) -> None:
    """Build the grammar's tables and keep them in ``path``."""
    text = GRAMMAR.read_text(encoding="utf-8")
    made = build(text)
    part = path.with_name(path.name + ".part")
    with part.open("wb") as out:
        out.write(stamp(text))
        made.save(out)
    part.replace(path)


if __name__ == "__main__":  # python -m giaoban.deadline.grammar: after editing grammar.lark
    # saved through the module's own name: the tables name its lexer class, which a load
    # must find as giaoban.deadline.grammar.Tokens, not __main__.Tokens
    from giaoban.deadline import grammar

    grammar.save()
    sys.stdout.write(f"{TABLES} written\n")
