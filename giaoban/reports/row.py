"""A row of a report: a task, or one occurrence of a recurring duty, in its state at "now"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from giaoban.deadline.describe import due_day
from giaoban.model.card import Card
from giaoban.reports.rules import CANCELLED


@dataclass(frozen=True)
class Row:
    """A task (or one occurrence of a recurring duty) as a report shows it: its card
    (``giaoban.model.card``), so that a row is shown without reading its notice.

    ``days`` counts calendar days from now's date to the due day (negative
    when late); ``late_by`` counts the days a done task was late. Each row of
    a recurring duty carries how many of the duty's occurrences in the
    report were missed (late and open) and the due day of the last one.
    """

    card: Card
    state: str
    due: datetime | None = None
    has_time: bool = False
    days: int | None = None
    late_by: int | None = None
    occurrence: bool = False
    missed: int = 0
    last_missed: date | None = None

    @property
    def day(self) -> date | None:
        """The day the deadline names: "trước ngày 25/02" is due 26/02 00:00, day 25/02."""
        return None if self.due is None else due_day(self.due, self.has_time)

    @property
    def status(self) -> str:
        """open, done or cancelled, for this row (an occurrence may be done alone)."""
        if self.state == CANCELLED:
            return "cancelled"
        return "done" if self.state.startswith("done") else "open"
