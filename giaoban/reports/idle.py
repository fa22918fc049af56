"""Duties that nobody does any more: missed many times in a row, and never ended.

A weekly report of 2022 that an office stopped asking for keeps falling due
every Friday unless the duty is ended (``giaoban stop``). ``idle_duties``
finds, at "now", each open duty without an end whose last ``IDLE_RUN`` or
more occurrences were all missed (none recorded done since), for ``check``
to warn about.
"""

from __future__ import annotations

import os
import shlex
from datetime import date, datetime

from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem, warning
from giaoban.reports.dated import DatedRows
from giaoban.reports.filters import NO_FILTER
from giaoban.reports.rows import NO_OWNER, overdue_report

IDLE_RUN = 10  # missed this many times in a row, with no end: worth a word


def idle_duties(
    ledger: Ledger, now: datetime, run: int = IDLE_RUN, data: str | None = None
) -> list[Problem]:
    """A warning for each open duty without ``until`` missed ``run`` or more times in a row.

    ``data``: the folder its ``giaoban stop`` must be given (``--data``), for a ledger
    other than the one the command was run on (one read through ``ledgers:``).
    """
    # its rows alone (no digest), and only those of duties
    report = overdue_report(ledger, now, list_all=None, duties_only=True)
    rows = report.rows
    assert isinstance(rows, DatedRows)  # a dated report's rows
    facts = rows.facts(NO_FILTER, [NO_OWNER])
    missed: dict[object, list[int]] = {}
    for i, (task, occurrence) in enumerate(zip(facts.task, facts.occurrence, strict=True)):
        if occurrence:
            missed.setdefault(task, []).append(i)
    candidates = [found_rows for found_rows in missed.values() if len(found_rows) >= run]
    # the facts of their tasks, without reading a record
    of_tasks = rows.task_facts([found_rows[-1] for found_rows in candidates])
    found = []
    for found_rows, task_facts in zip(candidates, of_tasks, strict=True):
        if task_facts.until:
            continue
        last_done = task_facts.last_done
        days = sorted(d for d in (facts.day[i] for i in found_rows) if d > last_done)
        if len(days) < run:
            continue
        task = rows.task(found_rows[-1])
        since = date.fromordinal(days[0])
        message = (
            f"nhiệm vụ định kỳ {report.short_id(task)} đã trễ {len(days)} lần liên tiếp "
            f"(từ {since:%d/%m/%Y}) mà chưa có 'until'; nếu nhiệm vụ đã thôi, dùng "
            f"'giaoban stop {task.id}{_data_option(data)}'"
        )
        found.append(warning(task.at("deadline"), "duty-without-end", message))
    return found


def _data_option(data: str | None) -> str:
    return "" if data is None else f" --data {shlex.quote(os.path.normpath(data))}"
