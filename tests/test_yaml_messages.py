"""The YAML parser's complaints reach the clerk in Vietnamese, located, never in English."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store.yamlsafe import parse_text
from tests.conftest import DATA
from tests.test_english_walk import english_words

# What may stay as written: the format's own words.
ALLOWED = {"YAML", "yaml", "tag", "anchor", "alias"}

BROKEN = [
    ("unclosed list", "id: x\ntitle: [abc\nkind: a\n", 3),
    ("key after a value", "id: y\n  title: a\n", 2),
    ("tab indentation", "id: z\ntasks:\n\t- item: 1\n", 3),
    ("unclosed quote", 'id: q\ntitle: "abc\n', 3),
    ("bad escape", 'id: e\ntitle: "a\\qb"\n', 2),
    ("a value opening with @", "id: a\ntitle: @dmin\n", 2),
    ("a dash after a mapping", "id: d\ntitle: a\n- b\n", 3),
    ("a value after a quoted one", 'id: v\ntitle: "a" b\n', 2),
]


def english(message: str) -> list[str]:
    """English words in a message (the test of every help page and error decides)."""
    return english_words(message, ALLOWED)


@pytest.mark.parametrize(("what", "text", "line"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_syntax_error_is_vietnamese_and_located(what: str, text: str, line: int) -> None:
    _, problems = parse_text(text, "tb.yaml")
    [problem] = [p for p in problems if p.code == "yaml-syntax"]
    assert problem.source.line == line, what
    assert problem.message.startswith("lỗi cú pháp YAML: ")
    assert english(problem.message) == [], problem.message


def test_thousands_of_broken_notices_get_no_english() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("20*.yaml"))]
    rng = random.Random(20261206)
    signs = list(":-[]{}\"'\t@`%&*!|>#, \n?\\")
    found = set()
    for _ in range(1500):
        text, at = rng.choice(texts), 0
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(signs) * rng.randint(1, 2) + text[at + rng.randint(0, 2) :]
        for problem in parse_text(text, "tb.yaml")[1]:
            if problem.code == "yaml-syntax":
                found.add(problem.message)
                assert english(problem.message) == [], problem.message
    assert len(found) >= 8  # the sample reaches many kinds of complaint


def test_check_prints_it_with_file_line_and_column(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "2022").mkdir(parents=True)
    (data / "2022" / "x.yaml").write_text("id: x\ntitle: [abc\nkind: a\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--data", str(data)])
    assert result.exit_code == 1
    line = next(text for text in result.output.splitlines() if "[yaml-syntax]" in text)
    assert line.startswith(f"{data / '2022' / 'x.yaml'}:3:")
    assert "thiếu dấu ',' hoặc ']'" in line and english(line.split(": error: ")[1]) == []
