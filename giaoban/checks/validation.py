"""Checks of a loaded ledger. Each check returns problems; none raises.

A check is a function ``(ledger) -> list[Problem]`` listed in ``CHECKS``;
``validate`` runs them all. Problems of reading (syntax, types, keys) come
from the loader as the same ``Problem`` values.
"""

from __future__ import annotations

import bisect
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING

from giaoban.deadline import Deadline, DeadlineError
from giaoban.deadline.context import midnight, zone
from giaoban.deadline.describe import UNRESOLVED_HOW, UNRESOLVED_NAME, short_due
from giaoban.model.facts import is_recurring, occurrence_days
from giaoban.model.ids import ascii_id, id_key, id_problem, id_style_problem
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.problems import Problem, Source, error, place, warning
from giaoban.model.settings import Settings
from giaoban.model.shown import is_confidential_field
from giaoban.model.text import fold, has_controls, nfc, unseen_said, visible, written_out
from giaoban.model.units import Registry

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from giaoban.store.cache import Checked

Check = Callable[[Ledger], list[Problem]]


def check_ids(ledger: Ledger) -> list[Problem]:
    """The id equals the file name, and no two files share an id."""
    return id_problems([(n.id, n.source.path, n.at("id")) for n in ledger.notices])


def id_problems(heads: list[tuple[str, str, Source]]) -> list[Problem]:
    """``check_ids`` over each notice's (id, path, where the id is written)."""
    problems = []
    seen: dict[str, Source] = {}
    cased: dict[str, str] = {}  # an id's ``id_key`` -> the first id spelled so
    for notice_id, path, at in heads:
        stem = os.path.splitext(os.path.basename(path))[0]  # PurePath(path).stem, faster
        bad = id_problem(notice_id)
        if bad is not None:
            problems.append(error(at, "bad-id", bad))
        elif notice_id != stem:
            problems.append(error(at, "id-mismatch", _mismatch(notice_id, stem)))
        elif (style := id_style_problem(notice_id)) is not None:
            problems.append(warning(at, "id-not-ascii", style))
        first = seen.setdefault(notice_id, at)
        if first != at:
            msg = f"thông báo '{notice_id}' đã có ở {first.path}:{first.line}"
            problems.append(error(at, "duplicate-notice", msg))
        other = cased.setdefault(id_key(notice_id), notice_id)
        if other != notice_id:  # one file on Windows and macOS, two on Linux
            where = seen[other]
            msg = (
                f"mã '{notice_id}' chỉ khác '{other}' ({where.path}:{where.line}) ở chữ hoa/thường;"
                " trên Windows và macOS hai tệp này là một"
            )
            problems.append(error(at, "duplicate-notice", msg))
    return problems


def _mismatch(notice_id: str, stem: str) -> str:
    """The message for an id that is not its file's name; when the two differ only in how
    Unicode writes a letter (a Mac writes file names decomposed, NFD), it says so."""
    if nfc(stem) != nfc(notice_id):
        return f"id '{notice_id}' khác tên tệp '{stem}' (id phải trùng tên tệp, bỏ .yaml)"
    return (
        f"tên tệp '{stem}' trông giống id nhưng viết ở dạng Unicode tách dấu (NFD: chữ và"
        " dấu là hai ký tự, như máy Mac hay tệp zip làm trên Mac ghi), id thì không: hai mã"
        f" khác nhau; hãy đổi id và tên tệp thành mã không dấu '{ascii_id(notice_id)}'"
        " (hoặc gõ lại tên tệp)"
    )


def check_items(ledger: Ledger) -> list[Problem]:
    """Item numbers are unique within a notice, and hold nothing a reader cannot see."""
    problems = []
    for notice in ledger.notices:
        seen: dict[str, Task] = {}
        for task in notice.tasks:
            then = "mã nhiệm vụ này không gõ lại được, hãy xóa ký tự đó"
            if unseen := unseen_said("số mục", task.item, then):  # "1\u200b" looks like "1"
                problems.append(error(task.at("item"), "invisible-character", unseen))
            first = seen.setdefault(task.item, task)
            if first is not task:
                msg = f"mục '{task.item}' trùng với mục ở dòng {first.at('item').line}"
                problems.append(error(task.at("item"), "duplicate-item", msg))
    return problems


def check_done(ledger: Ledger) -> list[Problem]:
    """A done task has a completion date; no day a task was done or cancelled is earlier
    than its notice; a task keeps no date or reason of a status it is not in."""
    problems = []
    for notice in ledger.notices:
        for task in notice.tasks:
            if task.status == "done" and task.done_on is None:
                msg = f"nhiệm vụ {task.item} đã hoàn thành (done) nhưng thiếu 'done_on'"
                problems.append(error(task.at("status"), "done-without-date", msg))
            problems += _before_notice(task, notice.date)
            problems += _leftovers(task)
    return problems


# The days a status was recorded on, what each is called and the code of one earlier than
# the notice: the task did not exist yet (the edits refuse such a day, ``check_day``).
_STATUS_DAYS = (
    ("done_on", "ngày hoàn thành", "done-before-notice"),
    ("cancelled_on", "ngày hủy", "cancelled-before-notice"),
)


def _before_notice(task: Task, notice_date: date) -> list[Problem]:
    problems = []
    for key, what, code in _STATUS_DAYS:
        value = getattr(task, key)
        day = value.date() if isinstance(value, datetime) else value
        if day is not None and day < notice_date:
            msg = f"{what} {day:%d/%m/%Y} sớm hơn ngày thông báo {notice_date:%d/%m/%Y}"
            problems.append(error(task.at(key), code, msg))
    return problems


# The keys each status owns (``giaoban done`` and ``cancel`` write them, ``reopen`` removes
# them); left on a task of another status by a hand edit or a merge, they tell of a state
# the task is not in (``show`` prints the old reason, ``diff`` dates a reopening by them).
_STATUS_KEYS = (
    ("done", "leftover-done", ("done_on",)),
    ("cancelled", "leftover-cancel", ("cancelled_on", "cancel_reason")),
)


def _leftovers(task: Task) -> list[Problem]:
    problems = []
    for status, code, keys in _STATUS_KEYS:
        if task.status == status:
            continue
        for key in keys:
            if getattr(task, key) is None:
                continue
            msg = (
                f"nhiệm vụ {task.item} có '{key}' nhưng không ở trạng thái '{status}' "
                f"(status: {task.status}): xóa dòng này ('giaoban reopen' xóa nó khi mở lại việc)"
            )
            problems.append(warning(task.at(key), code, msg))
    return problems


def check_deadlines(ledger: Ledger) -> list[Problem]:
    """Every deadline phrase can be read; what does not add up in one is said.

    An unreadable phrase is an error, unless the clerk pinned its meaning
    (``due:``): then a warning names the phrase and the pin. A weekday or a
    lunar date that disagrees with its day is a warning (the day wins). A deadline counted
    from an event no ``events:`` line dates is a warning: its task is late by no day yet.
    """
    problems = []
    for task in ledger.tasks():
        reading = task.deadline
        if isinstance(reading, DeadlineError):
            problems.append(error(task.at("deadline"), "bad-deadline", reading.message))
        elif reading is not None:
            code = "pinned-deadline" if reading.pinned else "deadline-mismatch"
            where = task.at("due") if reading.pinned else task.at("deadline")
            problems += [warning(where, code, message) for message in reading.warnings]
            if reading.kind == "relative" and reading.due is None:
                problems.append(_undated_event(task, reading))
    return problems


def _undated_event(task: Task, reading: Deadline) -> Problem:
    """The warning of a deadline counted from an event whose day nothing gives."""
    return warning(
        task.at("deadline"),
        "undated-event",
        f"hạn của nhiệm vụ {task.item} ('{reading.phrase}') tính từ '{reading.anchor}' "
        f"nhưng chưa có ngày của mốc này ({UNRESOLVED_NAME}): {UNRESOLVED_HOW}",
    )


def check_due_before_notice(ledger: Ledger) -> list[Problem]:
    """A deadline, or the clerk's pin of one, whose last moment comes before its notice
    was issued is said: its task is late the day it is given, most often because a year
    was typed wrong ("15/04/2018" in a notice of 2019; a day without a year is moved into
    the next one for this reason, ``docs/deadlines.md``). A warning: an office may record
    a task that was already owed before the meeting.
    """
    tz = zone(ledger.settings.timezone)
    problems = []
    for notice in ledger.notices:
        issued = midnight(notice.date, tz)
        for task in notice.tasks:
            reading = task.deadline
            if not isinstance(reading, Deadline) or reading.kind == "recurring":
                continue
            if reading.due is None or reading.due > issued:
                continue
            what = "hạn ghim (due)" if reading.pinned else "hạn"
            msg = (
                f"{what} của nhiệm vụ {task.item} ({short_due(reading.due, reading.has_time)}) "
                f"sớm hơn ngày thông báo {notice.date:%d/%m/%Y}: việc quá hạn ngay từ ngày "
                "giao; hãy xem lại hạn (gõ nhầm năm?)"
            )
            where = task.at("due") if reading.pinned else task.at("deadline")
            problems.append(warning(where, "deadline-before-notice", msg))
    return problems


def check_duties(ledger: Ledger) -> list[Problem]:
    """``until`` and ``done_occurrences`` mean what the reports make of them.

    Both belong to a recurring duty: on any other task the reports ignore them.
    Each day in ``done_occurrences`` must be one of the occurrences the reports
    list (``giaoban.model.facts.occurrence_days``), else the occurrence the clerk
    meant stays undone; one after ``until`` names an occurrence there is not. An
    ``until`` before the notice leaves the duty no occurrence at all.
    """
    tz = zone(ledger.settings.timezone)
    problems = []
    for notice in ledger.notices:
        for task in notice.tasks:
            if isinstance(task.deadline, DeadlineError):
                continue  # said by check_deadlines: what it is cannot be told
            if not is_recurring(task.deadline):
                problems += _not_duty(task)
                continue
            assert isinstance(task.deadline, Deadline)
            if task.until is not None and task.until < notice.date:
                msg = (
                    f"ngày kết thúc (until) {task.until:%d/%m/%Y} sớm hơn ngày thông báo "
                    f"{notice.date:%d/%m/%Y}: nhiệm vụ định kỳ không còn lần nào, báo cáo "
                    "không nhắc đến nó"
                )
                problems.append(error(task.at("until"), "until-before-notice", msg))
            problems += _done_occurrences(task, task.deadline, notice.date, tz)
    return problems


def _not_duty(task: Task) -> list[Problem]:
    """``done_occurrences``, ``until`` and ``occurrence_results`` on a task that is not a
    recurring duty."""
    problems = []
    what = f"mục {task.item} không phải nhiệm vụ định kỳ"
    if isinstance(task.deadline, Deadline) and task.deadline.kind == "recurring":
        what = (
            f'hạn "{task.deadline_text}" của mục {task.item} không có lịch lặp lại để đếm các lần'
        )
    if task.done_occurrences:
        msg = (
            f"{what}: báo cáo bỏ qua 'done_occurrences' và vẫn tính nhiệm vụ là chưa xong; "
            "việc đã xong thì ghi 'status: done' và 'done_on'"
        )
        problems.append(error(task.at("done_occurrences"), "occurrences-not-duty", msg))
    if task.until is not None:
        msg = (
            f"{what}: báo cáo bỏ qua 'until' và tính hạn như đã ghi; "
            "thôi theo dõi việc này thì dùng 'giaoban cancel'"
        )
        problems.append(warning(task.at("until"), "until-not-duty", msg))
    if task.occurrence_results:
        msg = (
            f"{what}: 'occurrence_results' là kết quả từng lần của nhiệm vụ định kỳ, báo cáo "
            "không dùng đến; kết quả của việc này thì ghi vào 'result'"
        )
        problems.append(warning(task.at("occurrence_results"), "results-not-duty", msg))
    return problems


# Done days are checked against the occurrences listed up to this far past the notice: a
# day beyond it ("9999-12-31" for "2024-12-31") would cost a listing of every day between.
_FAR = timedelta(days=36525)  # a hundred years
_LAST_LISTED = date.max - timedelta(days=40)  # room for the days listed after a done day


def _done_occurrences(
    task: Task, deadline: Deadline, notice_date: date, tz: ZoneInfo
) -> list[Problem]:
    """Each day of ``done_occurrences`` that names no occurrence the reports list."""
    if not task.done_occurrences:
        return []
    far = notice_date + _FAR if notice_date < _LAST_LISTED - _FAR else _LAST_LISTED
    last = min(max(task.done_occurrences), far)
    listed = occurrence_days(task, deadline, last + timedelta(days=32), tz)
    days = set(listed)
    problems = []
    for i, day in enumerate(task.done_occurrences):
        where = task.at(f"done_occurrences.{i}")
        if task.until is not None and day > task.until:
            msg = (
                f"ngày {day:%d/%m/%Y} sau ngày kết thúc (until) {task.until:%d/%m/%Y}: "
                "nhiệm vụ không còn lần này, báo cáo bỏ qua ngày này"
            )
            problems.append(warning(where, "occurrence-after-until", msg))
        elif day > far:
            msg = (
                f"ngày {day:%d/%m/%Y} quá xa ngày thông báo {notice_date:%d/%m/%Y}: không báo "
                "cáo nào tính tới lần này của nhiệm vụ định kỳ; hãy sửa lại ngày"
            )
            problems.append(error(where, "bad-occurrence", msg))
        elif day not in days:
            problems.append(error(where, "bad-occurrence", _no_occurrence(day, listed)))
    return problems


def _no_occurrence(day: date, listed: list[date]) -> str:
    """Why ``day`` is refused, with the occurrences on either side of it."""
    at = bisect.bisect(listed, day)
    near = ", ".join(f"{d:%d/%m/%Y}" for d in listed[max(at - 1, 0) : at + 1])
    return (
        f"ngày {day:%d/%m/%Y} không phải một lần của nhiệm vụ định kỳ"
        + (f" (các lần gần nhất: {near})" if near else "")
        + ": báo cáo bỏ qua ngày này, lần định ghi vẫn tính là chưa xong"
    )


def check_start(ledger: Ledger) -> list[Problem]:
    """``start`` is the first day of a pinned period: it goes with ``due``, before it."""
    problems = []
    for task in ledger.tasks():
        if "start" not in task.fields:
            continue
        reading = task.deadline
        if not isinstance(reading, Deadline) or not reading.pinned:
            msg = (
                "'start' (ngày bắt đầu) chỉ có nghĩa cùng một hạn ghim 'due': "
                "báo cáo bỏ qua nó; thêm 'due' hoặc xóa 'start'"
            )
            problems.append(warning(task.at("start"), "start-without-due", msg))
        elif reading.start is not None and reading.due is not None:
            if reading.start >= reading.due:
                clock = " %H:%M" if reading.start.time() != time(0, 0) else ""
                start = reading.start.strftime("%d/%m/%Y" + clock)
                msg = (
                    f"ngày bắt đầu (start) {start} không sớm hơn hạn ghim (due) "
                    f"{short_due(reading.due, reading.has_time)}: báo cáo vẫn tính hạn theo "
                    "'due' và hiện 'start' như đã ghi"
                )
                problems.append(warning(task.at("start"), "start-after-due", msg))
    return problems


def check_units(ledger: Ledger) -> list[Problem]:
    """A task's owners and supporting units are in the registry, each named once."""
    registry = ledger.registry
    if not registry.present:  # said once by ``check_registry``
        return []
    problems = []
    for task in ledger.tasks():
        lists = [(key, getattr(task, key)) for key in ("owners", "supports")]
        repeats = {(r.key, r.index): r for r in registry.repeats(lists)}
        for key, names in lists:
            for i, name in enumerate(names):
                where = task.at(f"{key}.{i}")
                if unseen := _unseen_in_unit(name):
                    problems.append(warning(where, "invisible-character", unseen))
                if not registry.is_known(name):
                    problems.append(_unknown_unit(where, name, registry.nearest(name)))
                repeat = repeats.get((key, i))
                if repeat is not None:
                    msg = f"đơn vị '{name}' đã có ở {place(repeat.first)} của nhiệm vụ này"
                    problems.append(warning(where, "duplicate-owner", msg))
    return problems


def _unseen_in_unit(name: str) -> str | None:
    """The message for a unit name holding characters a reader cannot see, or None."""
    return unseen_said("tên đơn vị", name, "hãy xóa ký tự đó")


def check_registry(ledger: Ledger) -> list[Problem]:
    """The registry is there (when there are notices to check against it), no name is
    shared by two of its units, and every group's members are units of it."""
    registry = ledger.registry
    if not registry.present:
        if not ledger.notices:
            return []
        # told at a file that is there: the first notice checked, naming the one missing
        missing = PurePath(ledger.root) / "units.yaml"
        msg = f"chưa có danh mục đơn vị {missing}: không kiểm tra được tên đơn vị"
        return [warning(Source(ledger.notice_paths()[0]), "no-registry", msg)]
    problems = _shared_names(ledger)
    for entry in registry.entries():
        for name in entry.names():
            if entry.source is not None and (unseen := _unseen_in_unit(name)):
                problems.append(warning(entry.source, "invisible-character", unseen))
    for group in registry.groups:
        for member in group.members:
            if not registry.is_known(member) and group.source is not None:
                problems.append(_unknown_unit(group.source, member, registry.nearest(member)))
    return problems


def _shared_names(ledger: Ledger) -> list[Problem]:
    """A name (full, short or other) that two units or groups of the registry share:
    "-u VP" could only ever mean the first."""
    problems = []
    owner: dict[str, str] = {}
    for entry in ledger.registry.entries():
        for name in dict.fromkeys(entry.names()):
            first = owner.setdefault(fold(name), entry.name)
            if first != entry.name and entry.source is not None:
                msg = (
                    f"tên '{name}' là tên của cả '{first}' và '{entry.name}'; "
                    f"'-u {name}' chỉ chọn được '{first}'"
                )
                problems.append(warning(entry.source, "shared-unit-name", msg))
    return problems


def _unknown_unit(source: Source, name: str, nearest: str | None) -> Problem:
    msg = f"đơn vị '{written_out(name)}' chưa có trong danh mục đơn vị (units.yaml)"
    if nearest:
        msg += f"; có phải '{written_out(nearest)}'?"
    return warning(source, "unknown-unit", msg)


def check_sections(ledger: Ledger) -> list[Problem]:
    """A task's ``section`` names a section of its notice."""
    problems = []
    for notice in ledger.notices:
        numbers = {s.number for s in notice.sections}
        for task in notice.tasks:
            if task.section is not None and task.section not in numbers:
                msg = f"mục '{task.section}' không có trong 'sections' của thông báo"
                problems.append(warning(task.at("section"), "unknown-section", msg))
    return problems


_NOTICE_TEXTS = ("title", "number", "issuer", "place", "note")
_TASK_TEXTS = ("text", "deadline_text", "result", "cancel_reason")
_TASK_KEYS = {"deadline_text": "deadline"}


def check_text(ledger: Ledger) -> list[Problem]:
    """Control characters (terminal escapes, bidi overrides) in a notice's texts.

    giaoban never shows them raw (``giaoban.model.text.visible``), but they
    have no place in a notice and can hide or reorder what a reader sees.
    """
    problems = []
    for notice in ledger.notices:
        texts = list(_texts(notice))
        if not has_controls("\n".join(text for _, _, text in texts)):
            continue  # the common case: one search over the whole notice
        for record, key, text in texts:
            if has_controls(text):
                msg = _controls(text, key, record)
                problems.append(warning(record.at(key), "control-character", msg))
    return problems


def _controls(text: str, key: str, record: Notice | Task) -> str:
    """The message for ``text`` holding control characters: it quotes the text, but not
    one a confidential notice hides (``giaoban.model.shown``): ``check`` has every reader."""
    if isinstance(record, Task) and record.confidential and is_confidential_field(key):
        return "chữ có ký tự điều khiển (trong nội dung mật: xem tại chỗ trong tệp); hãy xóa"
    return f"chữ có ký tự điều khiển (được hiện thành: {visible(text)[:60]}); hãy xóa"


def _texts(notice: Notice) -> Iterator[tuple[Notice | Task, str, str]]:
    """Each text of ``notice`` and its tasks: (its record, its key there, the text)."""
    for key in _NOTICE_TEXTS:
        if text := getattr(notice, key):
            yield notice, key, text
    for task in notice.tasks:
        for key in _TASK_TEXTS:
            if text := getattr(task, key):
                yield task, _TASK_KEYS.get(key, key), text
        yield from ((task, f"owners.{i}", name) for i, name in enumerate(task.owners) if name)
        for key in ("occurrence_results", "notes"):
            entries = enumerate(getattr(task, key))
            yield from ((task, f"{key}.{i}", n.text) for i, n in entries if n.text)


# Checks that look at one notice at a time: every problem one of them finds over a ledger
# is a problem of one notice (at a place in its file), found the same when that notice is
# checked alone (tests/test_validation.py). The index keeps their problems per notice file
# (``giaoban.checks.cached``), so a notice is checked again only when its file changed.
NOTICE_CHECKS: tuple[Check, ...] = (
    check_items,
    check_done,
    check_deadlines,
    check_due_before_notice,
    check_duties,
    check_start,
    check_units,
    check_sections,
    check_text,
)
# Checks over the whole ledger: ids across files, and the registry itself.
LEDGER_CHECKS: tuple[Check, ...] = (check_ids, check_registry)
CHECKS: tuple[Check, ...] = (*LEDGER_CHECKS, *NOTICE_CHECKS)


@dataclass(frozen=True)
class NoticeChecker:
    """The checks of one notice at a time, for the notices of one ledger: run on each
    notice where it is read (``giaoban.store.loader.load_ledger``, in the worker that
    parsed it), or when its kept problems are stale (``giaoban.checks.cached``)."""

    root: str
    registry: Registry
    settings: Settings

    def __call__(self, notice: Notice) -> Checked:
        """What each of ``NOTICE_CHECKS`` finds in ``notice`` (by name, only those that
        found something), and its id with where it is written."""
        alone = Ledger(self.root, (notice,), self.registry, self.settings)
        found = {}
        for check in NOTICE_CHECKS:
            problems = tuple(check(alone))
            if problems:
                found[check.__name__] = problems
        return found, (notice.id, notice.at("id"))


def validate(ledger: Ledger) -> list[Problem]:
    """Run every check over ``ledger``."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(ledger))
    return problems


def summarize(problems: list[Problem]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for problem in problems:
        counts[problem.severity] += 1
    return dict(counts)
