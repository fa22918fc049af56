"""``giaoban show``: one notice or one task, as it stands at a given "now"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from giaoban.model.facts import is_recurring, resolved_deadline
from giaoban.model.ids import resolve
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.schedule import next_duty_occurrence
from giaoban.reports.current import CurrentRows, current_rows
from giaoban.reports.dated import ledger_index
from giaoban.reports.rows import (
    Report,
    build_report,
    local_now,
    status_at,
)


@dataclass(frozen=True)
class Shown:
    """A notice or one of its tasks, for ``giaoban show``."""

    notice: Notice
    task: Task | None
    report: Report  # the task's row, or a row for each task of the notice
    upcoming: tuple[datetime, ...] = ()


def show_item(ledger: Ledger, now: datetime, query: str, show: bool = False) -> Shown:
    """The notice or task ``query`` names (a unique prefix), as it stands at ``now``.

    Raises:
        NotFoundError: nothing, or more than one notice, has that prefix.
    """
    now = local_now(ledger, now)
    found = resolve(ledger, query)
    task = found if isinstance(found, Task) else None
    notice_id = found.notice_id if isinstance(found, Task) else found.id
    notice = ledger.notice(notice_id)
    assert notice is not None
    index = ledger_index(ledger)
    tids = index.notice_task_ids(notice_id)
    if task is not None:
        tids = [tids[notice.tasks.index(task)]]
    rows = tuple(CurrentRows(current_rows(index, tids, now, ledger.settings.timezone), index))
    report = build_report(ledger, "show", now, rows, show_confidential=show)
    upcoming = tuple(next_occurrences(task, now)) if task is not None else ()
    return Shown(notice, task, report, upcoming)


def next_occurrences(task: Task, now: datetime, count: int = 5) -> list[datetime]:
    """The next ``count`` due moments of a recurring duty after ``now``."""
    deadline = resolved_deadline(task)
    moments: list[datetime] = []
    if not is_recurring(deadline) or status_at(task, now) != "open":
        return moments
    assert deadline is not None
    moment = now
    while len(moments) < count:
        found = next_duty_occurrence(task, deadline, moment)
        if found is None:
            break
        moment = found.due
        moments.append(moment)
    return moments
