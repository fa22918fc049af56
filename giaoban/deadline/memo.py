"""Deadline phrases read once: a ledger repeats the same phrases notice after notice.

A reading that never looked at the notice's date ("thường xuyên", "chậm nhất
ngày 14/10/2023") is kept per phrase; any other per (phrase, notice date).
Readings are immutable values, and equal readings are kept as one object, so
one object serves every task that has it. What a phrase says (its tokens and
the grammar's value: :class:`~giaoban.deadline.parse.Said`) does not depend on
the date: it is kept per phrase too, so that a phrase read on another date
is only read against that date.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings
from giaoban.deadline.normalize import Text
from giaoban.deadline.parse import Said, read_deadline, said

Reading = Deadline | DeadlineError

PER_PHRASE_MAX = 100_000  # readings kept per phrase before the table starts again
PER_DATE_MAX = 1 << 16  # readings kept per (phrase, notice date), least recent dropped
SAID_MAX = 1 << 14  # what phrases say, kept before the table starts again (their tokens weigh)

_per_phrase: dict[tuple[str, DeadlineSettings], Reading] = {}
_equal: dict[Reading, Reading] = {}  # each distinct reading once
_said: dict[Text, Said] = {}  # what each phrase says, whatever the date


def reading(phrase: str, ref: date, settings: DeadlineSettings) -> Reading:
    """``parse_deadline(phrase, ref, settings)``, read once."""
    found = _per_phrase.get((phrase, settings))
    return found if found is not None else _per_date(phrase, ref, settings)


@lru_cache(maxsize=PER_DATE_MAX)
def _per_date(phrase: str, ref: date, settings: DeadlineSettings) -> Reading:
    result, used_date = read_deadline(phrase, ref, settings, _said_once)
    if len(_equal) >= PER_DATE_MAX:
        _equal.clear()
    result = _equal.setdefault(result, result)
    if not used_date:
        if len(_per_phrase) >= PER_PHRASE_MAX:
            _per_phrase.clear()
        _per_phrase[(phrase, settings)] = result
    return result


def _said_once(text: Text) -> Said:
    """``said(text)``, made once per phrase."""
    found = _said.get(text)
    if found is None:
        if len(_said) >= SAID_MAX:
            _said.clear()
        found = _said[text] = said(text)
    return found


def said_kept() -> int:
    """How many phrases' :class:`~giaoban.deadline.parse.Said` are kept now."""
    return len(_said)


def clear() -> None:
    """Forget every reading."""
    _per_phrase.clear()
    _equal.clear()
    _said.clear()
    _per_date.cache_clear()
