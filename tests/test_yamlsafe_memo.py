"""Shortcuts of the YAML reader give what reading every scalar in full gives."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.store.yamlsafe import conflict_markers, parse_text

DOC_12 = "a: yes\nb: on\nc: [yes, no, 'yes']\nd: 2024-01-02\ne: text\n"
DOC_11 = "%YAML 1.1\n---\n" + DOC_12


@pytest.mark.parametrize("order", [(DOC_12, DOC_11), (DOC_11, DOC_12)])
def test_plain_texts_remembered_per_yaml_version(order: tuple[str, str]) -> None:
    """'yes' is text in YAML 1.2 and true in 1.1, whichever document is read first."""
    for _ in range(2):
        for text in order:
            document, problems = parse_text(text, "f.yaml")
            assert problems == [] and document is not None
            if text is DOC_11:
                assert document.value == {
                    "a": True,
                    "b": True,
                    "c": [True, False, "yes"],
                    "d": date(2024, 1, 2),
                    "e": "text",
                }
            else:
                assert document.value == {
                    "a": "yes",
                    "b": "on",
                    "c": ["yes", "no", "yes"],
                    "d": date(2024, 1, 2),
                    "e": "text",
                }


def test_positions_of_keys_values_and_items() -> None:
    text = "id: x\ntasks:\n  - item: '1'\n    owners: [VP, BTC]\n  - {item: '2', text: t}\n"
    document, problems = parse_text(text, "f.yaml")
    assert problems == [] and document is not None
    assert document.positions[("id",)] == (1, 5)
    assert document.key_positions[("tasks",)] == (2, 1)
    assert document.positions[("tasks", 0)] == (3, 5)
    assert document.key_positions[("tasks", 0, "owners")] == (4, 5)
    assert document.positions[("tasks", 0, "owners", 1)] == (4, 18)
    assert document.positions[("tasks", 1, "text")] == (5, 23)


def test_keys_that_are_not_plain_text() -> None:
    document, problems = parse_text("? [a, b]\n: 1\n'q': 2\n!!str 3: 4\n", "f.yaml")
    assert document is not None
    assert [(p.code, p.source.line, p.source.column) for p in problems] == [("wrong-type", 1, 3)]
    assert document.value == {"q": 2, "3": 4}
    assert document.key_positions[("q",)] == (3, 1)
    assert document.key_positions[("3",)] == (4, 1)
    assert ("\0key",) not in document.positions


def test_conflict_markers_found_only_at_the_start_of_a_line() -> None:
    assert conflict_markers("a: '<<<<<<< x'\nb: =======\n", "f.yaml") == []
    found = conflict_markers("a: 1\n>>>>>>> theirs\n", "f.yaml")
    assert [(p.source.line, p.code) for p in found] == [(2, "conflict-marker")]
