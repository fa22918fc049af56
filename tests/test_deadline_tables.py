"""The deadline grammar's kept tables (``giaoban/deadline/grammar.lalr``): current, read
like the grammar, and never used when stale."""

from __future__ import annotations

from pathlib import Path

import lark
import pytest
from lark import Token
from lark.exceptions import UnexpectedInput

from giaoban.deadline import grammar
from giaoban.deadline.lexer import scan
from giaoban.deadline.normalize import Text
from giaoban.deadline.parse import _start
from tests.test_deadline_corpus import _entries

TEXT = grammar.GRAMMAR.read_text(encoding="utf-8")
REGENERATE = "grammar.lark changed: run 'python -m giaoban.deadline.grammar' and commit"


def _kept_stamp() -> tuple[str, str]:
    """(lark version, grammar digest) the kept tables were made with."""
    first = grammar.TABLES.read_bytes().split(b"\n", 1)[0].decode("ascii").split()
    return first[1], first[3]


def test_the_kept_tables_are_made_from_this_grammar() -> None:
    _, digest = _kept_stamp()
    assert grammar.stamp(TEXT).decode().split()[3] == digest, REGENERATE


def _tree(parser: lark.Lark, types: tuple[str, ...], start: str) -> object:
    try:
        return parser.parse([Token(kind, str(i)) for i, kind in enumerate(types)], start=start)
    except UnexpectedInput:
        return None


def test_the_kept_tables_read_every_corpus_phrase_as_the_grammar_does() -> None:
    version, _ = _kept_stamp()
    if version != lark.__version__:
        pytest.skip(f"tables made by lark {version}, not {lark.__version__}: built instead")
    loaded, built = grammar.kept(TEXT), grammar.build(TEXT)
    assert loaded is not None, REGENERATE
    shapes = set()
    for entry in _entries("corpus_1", "corpus_2", "fresh_1"):
        for strict in (True, False):
            toks = list(scan(Text.of(entry["phrase"]), strict))
            if toks:
                shapes.add((tuple(t.type for t in toks), _start(toks)))
    read = 0
    for types, start in sorted(shapes):
        tree = _tree(built, types, start)
        assert _tree(loaded, types, start) == tree, types
        read += tree is not None
    assert read >= 40  # the comparison saw real parses (54 shapes today), not only refusals


def test_tables_of_another_grammar_or_damaged_are_not_used(tmp_path: Path) -> None:
    path = tmp_path / "grammar.lalr"
    grammar.save(path)
    assert grammar.kept(TEXT, path) is not None
    assert grammar.kept(TEXT + "\n// another grammar\n", path) is None
    body = path.read_bytes()
    path.write_bytes(body[: len(body) // 2])  # cut short
    assert grammar.kept(TEXT, path) is None
    path.write_bytes(grammar.stamp(TEXT) + b"not a pickle")
    assert grammar.kept(TEXT, path) is None
    assert grammar.kept(TEXT, tmp_path / "missing.lalr") is None
    assert not list(tmp_path.glob("*.part"))  # saved whole, through a rename
