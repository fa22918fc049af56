"""What a reader may see of a task, and what ``search`` looks in.

A confidential notice's task keeps its words to the readers who ask to see
them (``--show-confidential``): its text, and the texts that say what the
work is or came to, which usually quote it (its result, its cancel reason,
its progress notes, a postponement's reason), read "(mật)"
(:data:`CONFIDENTIAL_FIELDS`, :func:`shown_task`). What is not words about
the work (its units, deadline, dates, status, who approved a postponement)
is shown, as the reports need it. A search must not find a hidden text
either, or a hit would reveal what it says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Protocol

from giaoban.model.ledger import Task
from giaoban.model.text import fold

CONFIDENTIAL_TEXT = "(mật)"
# Between the folded fields of a task's words: whitespace to ``fold``, so no folded query
# holds it, and a query is found only within one field.
FIELD_SEPARATOR = "\x1f"
# The fields of a confidential notice's task a reader sees only on asking: the one rule
# (a key of a list's entries as "list.key", as in a notice file).
CONFIDENTIAL_FIELDS = frozenset(
    {
        "text",
        "result",
        "occurrence_results.text",
        "cancel_reason",
        "notes.text",
        "extensions.reason",
    }
)


class Readable(Protocol):
    """A task, or its card (``giaoban.model.card``)."""

    @property
    def text(self) -> str: ...
    @property
    def confidential(self) -> bool: ...


def shown_text(task: Readable, show_confidential: bool) -> str:
    """The task's text, or "(mật)" for a confidential notice."""
    return shown_or_hidden(task.text, task.confidential, show_confidential)


def shown_or_hidden(text: str, confidential: bool, show_confidential: bool) -> str:
    """A task's ``text``, or "(mật)" when its notice is ``confidential`` and the reader
    did not ask to see it (a commit message has every reader: it never asks)."""
    return CONFIDENTIAL_TEXT if confidential and not show_confidential else text


def shown_value(value: str | None, confidential: bool, show_confidential: bool) -> str | None:
    """A confidential field's ``value`` (:data:`CONFIDENTIAL_FIELDS`) as a reader may see
    it: "(mật)" in a confidential notice unless shown; none stays none (a field the task
    lacks is not made up)."""
    return None if value is None else shown_or_hidden(value, confidential, show_confidential)


def is_confidential_field(key: str) -> bool:
    """Whether a task's field ``key``, as a notice file spells it ("text", "notes.2",
    "notes.2.text", "extensions.0.reason"), holds words :data:`CONFIDENTIAL_FIELDS` hides."""
    name = ".".join(p for p in key.split(".") if not p.isdigit())
    return any(f == name or f.startswith(f"{name}.") for f in CONFIDENTIAL_FIELDS)


def hidden_task(task: Task) -> Task:
    """``task`` with every field of :data:`CONFIDENTIAL_FIELDS` as "(mật)" (a field it
    lacks stays lacking), whatever its notice: for a version of a task judged confidential
    by another version or by now (``giaoban diff``, ``textconv``)."""

    def hide(value: str | None) -> str | None:
        return shown_value(value, True, False)

    return replace(
        task,
        text=CONFIDENTIAL_TEXT,
        result=hide(task.result),
        occurrence_results=tuple(
            replace(r, text=CONFIDENTIAL_TEXT) for r in task.occurrence_results
        ),
        cancel_reason=hide(task.cancel_reason),
        notes=tuple(replace(n, text=CONFIDENTIAL_TEXT) for n in task.notes),
        extensions=tuple(replace(e, reason=hide(e.reason)) for e in task.extensions),
    )


def shown_task(task: Task, show_confidential: bool) -> Task:
    """``task`` as a reader may see it: a confidential notice's task hidden
    (:func:`hidden_task`) unless ``show_confidential``; any other as it is."""
    return hidden_task(task) if task.confidential and not show_confidential else task


def searched_words(task: Task, show_confidential: bool) -> str:
    """What ``search`` looks in: the id, the shown text, the deadline, the units and the
    results, the task's and its occurrences' (a confidential notice's only when shown),
    each folded (``giaoban.model.text.fold``).

    A task matches a query when its needle (:func:`search_needle`) is found in these
    words: the one rule of search, which the index applies in SQL
    (``giaoban.store.index.Index.task_ids``).
    """
    hidden = task.confidential and not show_confidential
    results = () if hidden else (task.result, *(r.text for r in task.occurrence_results))
    fields = (task.id, shown_text(task, show_confidential), task.deadline_text, *task.owners,
              *task.supports, *results)  # fmt: skip
    return FIELD_SEPARATOR.join(fold(f) for f in fields if f)


def search_needle(query: str, notice_ids: Callable[[], Iterable[str]]) -> str:
    """What ``search`` looks for: ``fold(query)``; a query naming a task by the short id
    the tables print ("2022-04-14#2.2": a prefix of one notice's id only, then ``#``) looks
    for that notice's full id there ("2022-04-14-giao-ban-khoi-phong-trao#2.2"), as
    ``show`` and the edits take it. ``notice_ids`` is asked only for such a query."""
    needle = fold(query)
    prefix, hash_mark, item = needle.partition("#")
    if not hash_mark or not prefix:
        return needle
    named = [i for i in notice_ids() if fold(i).startswith(prefix)]
    return f"{fold(named[0])}#{item}" if len(named) == 1 else needle
