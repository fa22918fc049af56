"""A notice already in the ledger: before a new one is added, imported or reviewed.

Two notices are the same when they carry the same number in the same year
(offices number their documents anew each year: "Số 12/TB-UBND" of 2020 and
of 2021 are two notices), or the same date and the same title. Numbers and
titles are compared folded (case, diacritics, spaces): "459 /PGD&ĐT" and
"459/PGD&ĐT" are one number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from giaoban.model.errors import UsageError
from giaoban.model.ledger import Notice
from giaoban.model.text import fold
from giaoban.store.loader import load_ledger

ALLOW_HINT = "dùng --allow-duplicate nếu đây thật là một thông báo khác"
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Existing:
    """A notice of the ledger that a new one repeats, and why it is taken for the same."""

    id: str
    path: str
    reason: str  # as the clerk reads it: "cùng số 12/TB-UBND năm 2020"

    def shown(self) -> str:
        return f"{self.id} ({self.path}), {self.reason}"


class DuplicateNoticeError(UsageError):
    """The notice to add is already in the ledger."""

    exit_code = 1

    def __init__(self, found: Iterable[Existing]) -> None:
        lines = [f"  {e.shown()}" for e in found]
        super().__init__("thông báo này đã có trong sổ:\n" + "\n".join(lines) + f"\n({ALLOW_HINT})")


def match_key(text: str | None) -> str:
    """A document number (or a title) as compared: folded, every space and sign dropped but
    the separators between its parts ("459 /PGD&ĐT" and "459/PGD&ĐT" are one)."""
    return _NOT_WORD.sub(" ", fold(text or "")).strip()


def same_notices(
    notices: Iterable[Notice], number: str | None, day: date | None, title: str | None
) -> list[Existing]:
    """The notices of ``notices`` that a new notice (number, date, title) repeats."""
    number_, title_ = match_key(number), match_key(title)
    found = []
    for notice in notices:
        if number_ and day and notice.date.year == day.year:
            if match_key(notice.number) == number_:
                reason = f"cùng số {notice.number} năm {day.year}"
                found.append(Existing(notice.id, notice.source.path, reason))
                continue
        if title_ and day == notice.date and match_key(notice.title) == title_:
            reason = f"cùng ngày {day:%d/%m/%Y} và trích yếu"
            found.append(Existing(notice.id, notice.source.path, reason))
    return found


def existing_notices(
    data_dir: Path, number: str | None, day: date | None, title: str | None
) -> list[Existing]:
    """The notices of the ledger in ``data_dir`` that a new notice repeats."""
    if not data_dir.is_dir():
        return []
    ledger = load_ledger(data_dir).ledger
    return same_notices(ledger.notices, number, day, title)


def refuse_duplicate(
    data_dir: Path, number: str | None, day: date | None, title: str | None
) -> None:
    """Raise ``DuplicateNoticeError`` when the ledger already holds this notice."""
    found = existing_notices(data_dir, number, day, title)
    if found:
        raise DuplicateNoticeError(found)
