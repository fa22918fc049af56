"""Nothing lost, nothing hidden: the paragraphs of a notice's body the draft does not hold.

Every paragraph of the body goes somewhere in the draft: a task's text, its
owners and supports (a field line "Đơn vị chủ trì: Ban X" under an item), a
section's title, the comments of items not taken as tasks, the closing formula,
or the opening the meeting is read from. A paragraph that reached none of
them (an item whose mark was not read, text between parts that no rule
claims) would vanish from the draft without a word; :func:`unplaced` finds
them, so that the draft can keep their text and say so (``# kiểm tra:``).

A paragraph counts as held when most of its runs of three words stand in the
draft's texts: the importer trims and splits what it takes (a closing
sentence, "và" between two jobs), it does not rewrite it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from giaoban.importer.draftmodel import Draft
from giaoban.importer.meeting import is_attendance_line
from giaoban.importer.structure import Para
from giaoban.model.text import fold

_WORD = re.compile(r"\w+")
_RUN = 3  # words in a run
_HELD = 0.5  # the share of a paragraph's runs the draft must hold


def unplaced(paras: list[Para], draft: Draft, closing: list[str]) -> list[Para]:
    """The paragraphs of ``paras`` whose text the draft holds nowhere.

    Args:
        paras: the body's paragraphs, without the notice's opening (the meeting, its
            lead-in "... kết luận như sau:"), which the draft holds as its meeting.
        draft: the draft made of them.
        closing: the closing sentences taken off the last item.

    Returns:
        The paragraphs no part of the draft holds, in the body's order. A lead-in
        (ending with ":"), a line of the attendance and a bare mark are never
        among them.
    """
    texts = [
        *(t.text for t in draft.tasks),
        *(text for _, text, _ in draft.fields),
        *draft.placed,
        *(title for _, title in draft.sections),
        *closing,
    ]
    held = set().union(*(_runs(texts, size) for size in range(1, _RUN + 1)))
    out = []
    for para in paras:
        if _claims_nothing(para.text):
            continue
        runs = _runs([para.text], _RUN)
        if sum(run in held for run in runs) < _HELD * len(runs):
            out.append(para)
    return out


def _claims_nothing(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    return len(words) < 2 or text.rstrip().endswith(":") or is_attendance_line(text)


def _runs(texts: Iterable[str], size: int) -> set[tuple[str, ...]]:
    """The runs of ``size`` words of ``texts`` (of all their words, when fewer)."""
    out: set[tuple[str, ...]] = set()
    for text in texts:
        words = _WORD.findall(fold(text))
        n = min(size, len(words))
        out.update(tuple(words[k : k + n]) for k in range(len(words) - n + 1))
    return out
