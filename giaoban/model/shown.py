"""What a reader may see of a task, and what ``search`` looks in.

A confidential notice's task text is shown as "(mật)" unless the reader
asks to see it (``--show-confidential``); a search must not find it either,
or a hit would reveal what it says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from giaoban.model.ledger import Task
from giaoban.model.text import fold

CONFIDENTIAL_TEXT = "(mật)"
# Between the folded fields of a task's words: whitespace to ``fold``, so no folded query
# holds it, and a query is found only within one field.
FIELD_SEPARATOR = "\x1f"


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


def searched_words(task: Task, show_confidential: bool) -> str:
    """What ``search`` looks in: the id, the shown text, the deadline, the units and the
    result (a confidential one only when shown), each folded (``giaoban.model.text.fold``).

    A task matches a query when its needle (:func:`search_needle`) is found in these
    words: the one rule of search, which the index applies in SQL
    (``giaoban.store.index.Index.task_ids``).
    """
    hidden = task.confidential and not show_confidential
    fields = (task.id, shown_text(task, show_confidential), task.deadline_text, *task.owners,
              *task.supports, None if hidden else task.result)  # fmt: skip
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
