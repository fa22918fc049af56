"""What a reader may see of a task, and what ``search`` looks in.

A confidential notice's task text is shown as "(mật)" unless the reader
asks to see it (``--show-confidential``); a search must not find it either,
or a hit would reveal what it says.
"""

from __future__ import annotations

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

    A task matches a query when ``fold(query)`` is found in these words: the one rule
    of search, which the index applies in SQL (``giaoban.store.index.Index.searched``).
    """
    hidden = task.confidential and not show_confidential
    fields = (task.id, shown_text(task, show_confidential), task.deadline_text, *task.owners,
              *task.supports, None if hidden else task.result)  # fmt: skip
    return FIELD_SEPARATOR.join(fold(f) for f in fields if f)
