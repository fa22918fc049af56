"""What the reports show of a task: its card, and the task shape of PRODUCT.md made from it.

A report lists thousands of rows; reading each row's notice record to show
its task would cost more than the report. The index keeps every task's card
(``giaoban.store.index``), made here from the task, so a report shows its
rows from the cards alone, and every report, with or without the index,
shows a task through the same card.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from giaoban.deadline import Deadline, DeadlineError
from giaoban.deadline.context import zone
from giaoban.deadline.recur import occurrence_zone
from giaoban.model.ledger import Task
from giaoban.model.schedule import is_recurring, rules_in_time
from giaoban.model.shown import shown_text


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# A deadline of this kind with no due moment is counted from an event no ``events:`` line
# dates yet: its task is "chưa tính được hạn" (``Timing.undated``).
UNDATED_KIND = "relative"


class Timing(NamedTuple):
    """What a task's rows take of its card to be dated: its deadline's kind, due moment
    (ISO 8601), the time zone of a duty's occurrences and whether it names a clock time."""

    kind: str | None
    due: str | None
    zone: str | None
    has_time: bool

    def due_moment(self, due: int | None = None, occurrence: bool = False) -> datetime | None:
        """The due moment of one of its events (epoch seconds ``due``): an occurrence of a
        duty, in the duty's time zone, else its deadline's due moment as written."""
        if occurrence:
            assert due is not None and self.zone is not None  # a duty's occurrence
            return datetime.fromtimestamp(due, zone(self.zone))
        return None if self.due is None else datetime.fromisoformat(self.due)

    @property
    def recurring(self) -> bool:
        return self.kind == "recurring"

    @property
    def undated(self) -> bool:
        """Whether its deadline cannot be computed yet: counted from an event with no date.
        The one rule; ``Index.undated_tasks`` asks the same of the table ``tasks`` (its
        partial index, ``tasks_undated``, is made for that question)."""
        return self.kind == UNDATED_KIND and self.due is None


def in_force(task: Task, deadline: Deadline | None) -> str | None:
    """The RFC 5545 rule of a duty now in force (``schedule.rules_in_time``): the one read
    for a duty never postponed, else the last one, from its first occurrence once it took
    effect, so that it names no day before it that the reports and the calendar do not.
    None for a task that is no duty."""
    if deadline is None or not is_recurring(deadline):
        return deadline.rrule if deadline else None
    rules = rules_in_time(task, deadline)
    return rules[-1].rrule if rules else None


class Card(NamedTuple):
    """What a report shows of a task (``Card.of``); dates as ISO 8601 text."""

    notice_id: str
    item: str
    text: str
    confidential: bool
    owners: tuple[str, ...]
    supports: tuple[str, ...]
    deadline_text: str | None
    kind: str | None  # the deadline's kind; None when it has none or it was not read
    due: str | None
    start: str | None
    rrule: str | None  # a duty's rule in force, from its first occurrence (``in_force``)
    error: str | None  # why the deadline could not be read
    status: str
    path: str
    line: int
    zone: str | None  # the time zone of a recurring duty's occurrences (those of its rrule)
    has_time: bool  # whether its deadline names a clock time

    @classmethod
    def of(cls, task: Task) -> Card:
        deadline = task.deadline if isinstance(task.deadline, Deadline) else None
        return cls(
            task.notice_id,
            task.item,
            task.text,
            task.confidential,
            task.owners,
            task.supports,
            task.deadline_text,
            deadline.kind if deadline else None,
            iso(deadline.due) if deadline else None,
            iso(deadline.start) if deadline else None,
            in_force(task, deadline),
            task.deadline.message if isinstance(task.deadline, DeadlineError) else None,
            task.status,
            task.source.path,
            task.source.line,
            occurrence_zone(deadline).key if deadline and deadline.rrule else None,
            deadline.has_time if deadline else False,
        )

    @property
    def id(self) -> str:
        return f"{self.notice_id}#{self.item}"

    @property
    def timing(self) -> Timing:
        return Timing(self.kind, self.due, self.zone, self.has_time)

    def due_moment(self, due: int | None = None, occurrence: bool = False) -> datetime | None:
        """``Timing.due_moment``."""
        return self.timing.due_moment(due, occurrence)

    @property
    def recurring(self) -> bool:
        return self.timing.recurring

    def record(self, show_confidential: bool = False) -> dict[str, Any]:
        """The task shape of PRODUCT.md, without ``state``."""
        record: dict[str, Any] = {
            "id": self.id,
            "notice": self.notice_id,
            "item": self.item,
            "text": shown_text(self, show_confidential),
            "owners": list(self.owners),
            "supports": list(self.supports),
            "deadline": self.deadline_text,
            "deadline_kind": self.kind,
            "due": self.due,
            "status": self.status,
        }
        if self.start is not None:
            record["start"] = self.start
        if self.rrule is not None:
            record["rrule"] = self.rrule
        if self.error is not None:
            record["deadline_error"] = self.error
        return record
