"""From the body of a notice to the draft's sections, tasks and set-aside items.

Each marked paragraph becomes a task or, when it has sub-items, a section
(with a task of its own when its opening text asks something). Owners come
from the item's own text, or from a heading that names units ("Giao Ban Tổ
chức ...", "Đối với X"), or from the notice's addressees, in that order of
preference, with a note when they do not come from the item itself. An item
that holds several jobs becomes one task per job: one per dated deadline, an
urgent job then a dated one, a second job opened by "Đồng thời,", or work one
unit hands on to another.

A text with no marked items is read as prose (a news report): from its first
request or leader's direction on, each sentence or clause is a task, and a
lead-in ("... yêu cầu X thực hiện các nhiệm vụ như: ...") gives its owners and
its time to the jobs it announces, and a paragraph giving the time ("Thời gian
thực hiện: ...") gives it to the job before it. With neither, each paragraph that
asks something is a task for the clerk to check.

What is no task (a "label: value" field, a plan's goals, page furniture, the
background of the work, a sentence that only describes) is kept as a comment
at the end of the draft, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from giaoban.deadline import DeadlineSettings
from giaoban.importer.background import background, untold
from giaoban.importer.deadlines import (
    Found,
    beside_duty,
    choose,
    find_deadlines,
    read_whole,
    unread_deadlines,
    urgent,
)
from giaoban.importer.draftmodel import Draft, DraftTask
from giaoban.importer.fields import (
    BARE_LEAD,
    GOALS,
    INFO,
    LABEL_WORDS,
    ORGANIZATION,
    PLACE_LABEL,
    TIME_LABEL,
    WORK_TIME,
    fields_of,
    is_field,
    part_of,
    time_field,
    title_of,
)
from giaoban.importer.furniture import furniture
from giaoban.importer.meeting import is_attendance_line, read_attendance
from giaoban.importer.omit import LISTED, STANDING, STEP, Judge, has_date
from giaoban.importer.omit import node_text as _text
from giaoban.importer.structure import Node, Para, in_capitals
from giaoban.importer.tables import OTHER, OWNER, SUPPORT, TIME, item_fields, sentences
from giaoban.importer.units import Unit, UnitReader, Units
from giaoban.importer.words import (
    ASSIGNS,
    DIRECTIONS,
    JOB_VERBS,
    REQUEST,
    TRIGGERS,
    fold_keep,
)
from giaoban.model.text import fold
from giaoban.model.units import Registry

_CLAUSE_END = re.compile(r"[.;](?:\s|$)")
# the end of a lead-in to a list of jobs ("các nhiệm vụ như:", "các nội dung sau:", "thực
# hiện các nhiệm vụ trong tháng 5 đó là ...")
_LEAD_IN = re.compile(
    r"(?:nhu|sau|nhu sau|cu the|chi dao|ket luan)\s*:|(?<![\w])do la(?![\w])\s*:?"
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ“\"])")
# where an item sends its work ("gửi về văn phòng Công đoàn Trường", "nộp cho Phòng")
_SENT_TO = re.compile(r"(?<![\w])(?:gui|goi|nop|chuyen)\s+(?:ve|cho|toi|den|len)\s+")
# a sentence that only sends the job before it on, by a date ("Yêu cầu gửi báo cáo về Sở
# ... trước ngày 23/5", "Báo cáo gửi về UBND tỉnh chậm nhất ngày 27/4", "Hồ sơ nộp về ...")
_SENDS_ON = re.compile(
    r"^(?:yeu cau\s+)?(?:(?:hoan thien|hoan chinh|tong hop)\s+)?"
    r"(?:(?:bao cao|ho so|van ban|danh sach|ket qua|de xuat)(?:\s+[a-z]+){0,3}\s+)?"
    r"(?:gui|goi|nop)\b"
)
# a clause that only says by when the job before it is done ("...; hoàn thành trước
# ngày 21/11/2022"): no job of its own, in a sentence or after it
_DONE_BY = re.compile(r"^(?:hoan thanh|xong)\s+(?:truoc|cham nhat|trong|vao|den)\b")
# the office of a body is that body, as a receiver ("văn phòng Công đoàn Trường")
_OFFICE = re.compile(r"^(?:van phong|bo phan)\s+")
# a thing said to be done, in the passive ("Lịch ... được niêm yết công khai tại ...");
# "được giao", "được phân công" name who is given work; "phải được gửi" asks for it
_PASSIVE = re.compile(
    r"^(?:(?!\b(?:phai|can|nen)\b)[^.;:,]){1,80}?\s(?:se\s+|da\s+)?duoc\s+"
    r"(?!giao\b|phan cong\b|cu\b)[a-z]"
)
# a sentence that adds another job to an item ("Đồng thời, lưu ý triển khai ...")
_ALSO = re.compile(r"(?<=[.!?])\s+(?=Đồng thời\s*,)")
# a sentence that adds a job for the same units ("Đồng thời báo cáo tiến độ ...")
_SAME_OWNERS = re.compile(r"dong thoi\b")
_ELABORATES = re.compile(r"(?:trong do|trong so do|cu the)\s*,")
_ATTRIBUTION = re.compile(
    r"[”\"]\s*,\s*(?:đồng chí|ông|bà)\b[^.,;]{0,60}"
    r"(?:mong muốn|nhấn mạnh|khẳng định|nói|cho biết|phát biểu|chia sẻ)\.?\s*$"
)


@dataclass
class Scope:
    """Owners an item takes from above: a heading naming units ("Giao Ban Tổ chức")
    overrides the item's own subject; a section's opening sentence only fills in."""

    heading: list[Unit] = field(default_factory=list)
    fallback: list[Unit] = field(default_factory=list)
    when: str | None = None  # a section's "Thời gian: ..." for its tasks that name none
    part: str = ""  # GOALS or ORGANIZATION when inside such a part of a plan
    job: str = ""  # the job of an item that is no task itself, for sub-items that time it
    # the units an item's own field lines name ("Đơn vị chủ trì: ...", "Phối hợp: ...")
    named: list[Unit] = field(default_factory=list)
    supports: list[Unit] = field(default_factory=list)


@dataclass
class _ProseRun:
    """What the clauses of a prose text pass on to the ones after them."""

    line: int  # the line of the text's first paragraph, for every task
    number: int = 0  # the number of the last task
    lead: Scope = field(default_factory=Scope)  # a lead-in's owners, for the jobs it announces
    lead_found: Found | None = None  # the lead-in's time, for the same jobs
    owners_before: list[Unit] = field(default_factory=list)  # the units of the job before
    # within one sentence: its opening time, and the units of the clause before
    carried: Found | None = None
    previous: list[Unit] = field(default_factory=list)


class Builder:
    """Walks the outline and adds sections and tasks to the draft."""

    def __init__(
        self,
        draft: Draft,
        reader: UnitReader,
        registry: Registry,
        default: tuple[list[Unit], str],
        settings: DeadlineSettings,
    ) -> None:
        self.draft = draft
        self.reader = reader
        self.registry = registry
        self.default, self.default_from = default
        self.settings = settings
        self.organized = False  # the plan has a "Tổ chức thực hiện" part that assigns work
        self.judge = Judge(reader, draft.date, settings)

    def walk(self, nodes: list[Node], section: str | None, scope: Scope) -> None:
        nodes = [_with_own_fields(n) for n in nodes]
        fields = [n for n in nodes if self._is_field(n, section)]
        listed = self.judge.listing([n for n in nodes if n not in fields])
        listed += [n for n in self.judge.contents(nodes) if n not in fields + listed]
        self._set_aside(listed, LISTED)
        rest = [n for n in nodes if n not in fields]
        standing = self.judge.standing(rest, scope.part == ORGANIZATION and bool(scope.heading))
        self._set_aside(standing, STANDING)
        steps = [] if standing else self.judge.steps(rest, bool(scope.heading))
        self._set_aside(steps, STEP)
        standing += steps
        labels = [n for n in fields if n not in listed and n not in standing]
        fields += listed + standing
        scope = self._labels(labels, section, scope)
        for node in nodes:
            if node in fields:
                continue
            before = len(self.draft.tasks)
            if node.heading_bullet:
                self.walk(node.children, section, scope)
            elif node.children:
                self._parent(node, section, scope)
            else:
                self._leaf(node, section, scope)
            if node.unnumbered:
                for task in self.draft.tasks[before:]:
                    task.checks["item"].append(
                        f"đoạn không đánh số sau mục cuối, giao việc cho một đơn vị và có hạn: "
                        f"giaoban đánh số {task.item}; sửa nếu văn bản ghi khác"
                    )

    def _is_field(self, node: Node, section: str | None) -> bool:
        """Whether ``node`` is a "label: value" line of its part, no task."""
        label = fold_keep(node.para.text)
        return bool(
            is_field(node)
            # "Các trường mầm non: Thái Sơn, ..." lists owners; "Địa điểm: Báo Giáo dục
            # và Thời đại, 15 Hai Bà Trưng" names a place, whoever is there
            and (PLACE_LABEL.match(label) or not self.reader.read(_text(node)).owners)
            # the time of a whole plan ("4. Thời gian thực hiện: Từ tháng 4 đến tháng
            # 12 năm 2020") is a deadline the clerk tracks, not a part's field
            and not (section is None and WORK_TIME.match(label))
            # an activity with its own date ("Tổ chức bốc thăm: 15h00, ngày 12/04/2012")
            and not (not TIME_LABEL.match(label) and self._dated(_text(node)))
        )

    def _set_aside(self, nodes: list[Node], reason: str) -> None:
        """Keep ``nodes`` as comments of the draft, no tasks, each noting ``reason``."""
        for node in nodes:
            self.draft.fields.append((node.path, _text(node), reason))

    def _labels(self, nodes: list[Node], section: str | None, scope: Scope) -> Scope:
        """Set aside the "label: value" lines ``nodes``, and return ``scope`` with the
        part's own time when one of them gives it."""
        for node in nodes:
            label = _text(node).rstrip(":").split()
            bare = BARE_LEAD.match(_text(node)) and len(label) > LABEL_WORDS
            reason = "một lời dẫn, không giao việc" if bare else "một thông tin 'nhãn: giá trị'"
            self.draft.fields.append((node.path, _text(node), reason))
            # A part's own time is its tasks' (not the notice's: a meeting's time at
            # the top of an invitation is no deadline for what it asks).
            if section is not None and TIME_LABEL.match(fold_keep(node.para.text)):
                value = node.para.text.split(":", 1)[1].strip()
                scope = replace(scope, when=value or scope.when)
        return scope

    def _parent(self, node: Node, section: str | None, scope: Scope) -> None:
        if node.kind in ("bullet", "plus"):
            self._bullet_parent(node, section, scope)
        else:
            self._section(node, scope)

    def _bullet_parent(self, node: Node, section: str | None, scope: Scope) -> None:
        """A bullet with sub-items: a task, whose units the sub-items that name none take."""
        own = list(self.reader.read(node.para.text).owners)
        if own and self.judge.details(node.children):
            # "- Giao trường X chuẩn bị hội trường;" then "+ ..." lines that name no one:
            # the details of that one job
            text = " ".join([_text(node), *(_text(c) for c in node.children)])
            self._task(node.path, text, section, scope, node.para.line)
            return
        self._task(node.path, _text(node), section, scope, node.para.line)
        self.walk(node.children, section, replace(scope, fallback=own or scope.fallback))

    def _section(self, node: Node, scope: Scope) -> None:
        """A numbered item with sub-items: a section, with a task of its own when its
        opening text asks something (or when its sub-items hold no task).

        An item whose line only heads its sub-items (a heading, or a short lead-in ending
        with a colon: "Phòng Nội vụ thực hiện các nội dung sau:", "Phòng GD&ĐT, trước ngày
        15/8/2024:") is no task: the units it names do the sub-items' work, and its time
        (in its line, or on a "Thời hạn: ..." line under it) is theirs."""
        title = title_of(node.para)
        self.draft.sections.append((node.path, title))
        if all(is_attendance_line(c.para.text) for c in node.children) and self.draft.meeting:
            read_attendance([c.para.text for c in node.children], self.draft.meeting)
            return
        lead_in = node.kind == "head" or self._leads_in(node.para.text)
        node, times = self._time_lines(node) if lead_in else (node, [])
        body, named, supports, notes = self._own_fields(node)
        lead = "" if lead_in else node.para.text
        text = sentences([lead, body])
        units = self.reader.read(text)
        own = list(units.owners)
        heading = self.reader.heading(title)
        # "Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính thực hiện:": the subject of
        # the lead-in does the sub-items' work, with the units it says help
        subject = self.reader.read(title) if lead_in and not heading else units
        own_time = self._lead_time(title, bool(heading or subject.owners)) if lead_in else None
        when = own_time or _time_of(times) or scope.when
        inner = Scope(
            # the nearest item that names units gives them to its sub-items
            named or heading or ([] if own or subject.owners else scope.heading),
            own or list(subject.owners) or scope.fallback,
            when,
            part_of(title, scope.part),
            supports=supports or list(subject.supports) or scope.supports,
        )
        before = len(self.draft.tasks)
        if self.judge.findings(body, node.children):
            self._findings(node, title, body, inner)
        elif text and self._worth_a_task(text):
            itself = replace(inner, named=named)
            self._noted(notes, self._task, node.path, text, node.path, itself, node.para.line)
            self.walk(node.children, node.path, inner)
        else:
            self.walk(node.children, node.path, replace(inner, job=text))
            whole = text or (sentences([node.para.text, body]) if own_time else "")
            if whole and len(self.draft.tasks) == before:
                # its sub-items only list things (cases, documents): the item is the work
                itself = replace(inner, named=named)
                self._noted(notes, self._task, node.path, whole, node.path, itself, node.para.line)
        if times and any(
            t.deadline and t.deadline in (when or "") for t in self.draft.tasks[before:]
        ):
            # the lines' time is in the tasks that took it, with a note quoting it; a time
            # no task took stays for the end of the draft, as any text no task holds
            self.draft.placed.extend(p.text for p in times)

    def _leads_in(self, text: str) -> bool:
        """Whether an item's own line only heads its sub-items: a heading ("Công tác tuyên
        truyền", "Tháng 10/2020:"), or a short lead-in ending with a colon, even with a
        time of its own ("Phòng Nội vụ thực hiện các việc sau, xong trước ngày 25/7/2024:")."""
        return self._heading(text) or (_title_like(text) and text.rstrip().endswith(":"))

    def _lead_time(self, title: str, names_units: bool) -> str | None:
        """The deadline a lead-in's own line gives its sub-items, as written, or None.

        The time of a lead-in that names who does the work is theirs ("Phòng GD&ĐT,
        trước ngày 15/8/2024:"), and so is a time that opens it ("Tháng 4/2024:",
        "Trong thời gian nghỉ Lễ các Khoa, Phòng lưu ý ...:"); a time inside a topic's
        name ("Chế độ báo cáo trong dịp nghỉ Lễ:") only says what the topic is."""
        found = choose(find_deadlines(title, self.draft.date, self.settings))
        if not found or not (names_units or found[0].start == 0):
            return None
        return found[0].phrase

    def _time_lines(self, node: Node) -> tuple[Node, list[Para]]:
        """The "Thời hạn: ..." lines that give the time of a lead-in's sub-items, and
        ``node`` without them: under the lead-in, when its own lines are only fields ("1.
        Phòng Tài chính - Kế hoạch:" then "Thời hạn hoàn thành: trước ngày 31/7/2024."
        then the bullets), or after its last sub-item, when it has several and none other
        has such a line (the bullets, then "Thời hạn hoàn thành: ..."): no task of their
        own, nor the last sub-item's time alone."""
        timed = [time_field(p.text, only=True) for p in node.body]
        fields_only = all(item_fields(p.text) for p in node.body)
        own = [p for p, t in zip(node.body, timed, strict=True) if t and fields_only]
        last = node.children[-1] if len(node.children) > 1 else None
        others = [p for c in node.children[:-1] for p in c.body]
        after: list[Para] = []
        if (
            last is not None
            and not last.children
            and not any(time_field(p.text, only=True) for p in others)
        ):
            while len(after) < len(last.body) and time_field(
                last.body[-1 - len(after)].text, only=True
            ):
                after.insert(0, last.body[-1 - len(after)])
        if not own and not after:
            return node, []
        children = node.children
        if after and last is not None:
            children = [*children[:-1], replace(last, body=last.body[: -len(after)])]
        kept = [p for p in node.body if p not in own]
        return replace(node, body=kept, children=children), [*own, *after]

    def _findings(self, node: Node, title: str, body: str, scope: Scope) -> None:
        """ "một số lỗi vẫn chưa được khắc phục, cụ thể:" then the faults: one job, to put
        them right, under the heading that names it ("Khắc phục một số tồn tại"), for
        the units the section says have not done so."""
        whole = " ".join([title, body, *(_text(c) for c in node.children)])
        culprits = self.judge.not_yet_done_by(body)
        inner = replace(scope, heading=culprits or scope.heading)
        self._task(node.path, whole, node.path, inner, node.para.line)

    def _leaf(self, node: Node, section: str | None, scope: Scope) -> None:
        if node.para.cells:
            self._row(node.path, node.para, section, scope)
            return
        body, named, supports, notes = self._own_fields(node)
        scope = replace(scope, named=named or scope.named, supports=supports or scope.supports)
        self._noted(notes, self._leaf_tasks, node, body, section, scope)

    def _leaf_tasks(self, node: Node, body: str, section: str | None, scope: Scope) -> None:
        """The task (or the section and its task) of an item with no sub-items, whose
        unmarked lines, less those naming its units, are ``body``."""
        para = node.para
        # the item's own field lines ("Thời hạn: ...") make it no heading
        prose = any(not item_fields(p.text) for p in node.body)
        if para.lead and node.kind == "number":
            title = para.lead.rstrip(" :.")
            self.draft.sections.append((node.path, title))
            text = (
                para.text[len(para.lead) :].strip()
                if para.text.startswith(para.lead)
                else para.text
            )
            self._task(node.path, sentences([text, body]), node.path, scope, para.line)
        elif node.kind != "bullet" and prose and self._heading(para.text, para.all_bold):
            title = title_of(para)
            self.draft.sections.append((node.path, title))
            inner = replace(
                scope,
                heading=self.reader.heading(title) or scope.heading,
                part=part_of(title, scope.part),
            )
            self._task(node.path, body, node.path, inner, para.line)
        elif node.kind in _NUMBERED and not body and self._bare_heading(para.text):
            # "III. TỔ CHỨC THỰC HIỆN" over only the closing sentence: a heading with
            # nothing under it, no job
            self.draft.sections.append((node.path, title_of(para)))
        else:
            self._task(node.path, sentences([para.text, body]), section, scope, para.line)

    def _bare_heading(self, text: str) -> bool:
        """Whether an item's whole text is a heading in capitals that asks nothing by no
        time ("TỔ CHỨC THỰC HIỆN", "CÔNG TÁC KHÁC")."""
        return in_capitals(text) and not self._worth_a_task(text)

    def _row(self, item: str, para: Para, section: str | None, scope: Scope) -> None:
        """A task table's row: owners from its "who" cells, the deadline from its "when";
        the cells of the columns no field takes ("Ghi chú: ...", "Địa điểm: ...") end its
        text in brackets, once the row was read: a table's cell is never lost."""
        cells = dict[str, list[str]]()
        for role, text in para.cells:
            cells.setdefault(role, []).append(text)
        task = DraftTask(item=item, text=para.text, section=section, line=para.line)
        owners = self._cell_units(cells.get(OWNER, []))
        if owners:
            supports = self._cell_units(cells.get(SUPPORT, []))
            task.owners = [u.name for u in owners]
            task.supports = [u.name for u in supports if u.name not in task.owners]
            self._note_unknown(task, [*owners, *supports])
        else:
            self._owners(task, para.text, scope)
        when = " ".join(cells.get(TIME, [])) or para.text
        found = choose(find_deadlines(when, self.draft.date, self.settings))
        whole = read_whole(when, self.draft.date, self.settings) if cells.get(TIME) else None
        found = found or ([whole] if whole else [])
        if not found and cells.get(TIME):
            task.checks["deadline"].append(
                f"cột thời gian ghi '{when.strip()}', giaoban chưa đọc được: nếu là hạn, ghi "
                f"deadline: {when.strip()} và ghim ngày bằng due: YYYY-MM-DD"
            )
        else:
            self._deadline(task, found[0] if found else None)
        others = cells.get(OTHER, [])
        if others:
            task.text = f"{task.text} ({'; '.join(others)})"
        self.draft.tasks.append(task)

    def prose(self, paras: list[Para]) -> int:
        """A notice written as prose (a news report): from the first request ("đề nghị",
        "yêu cầu") on, each sentence or clause is a task, numbered in order.

        Returns:
            The index of the paragraph holding the first request (``len(paras)`` when
            there is none): the paragraphs before it open the text, they ask nothing.
        """
        text = " ".join(p.text for p in paras)
        start = self._first_request(text)
        if start is None:
            return len(paras)
        run = _ProseRun(line=paras[0].line)
        for piece, timing in _pieces(paras, start):
            if timing and run.number:
                self._time_of_last(piece)
                continue
            for sentence in SENTENCE.split(piece):
                run.carried = None
                # "Đồng thời báo cáo ..." goes on with the unit of the job before it
                same = _SAME_OWNERS.match(fold_keep(sentence))
                run.previous = run.owners_before if same else []
                for k, clause in enumerate(self._clauses(_unquote(sentence))):
                    self._prose_clause(clause, k == 0, run)
        at = 0
        for k, para in enumerate(paras):
            at += len(para.text) + 1  # the paragraph and the space that joins the next
            if start < at:
                return k
        return len(paras)

    def _first_request(self, text: str) -> int | None:
        """Where the sentence holding the first request or direction of ``text`` starts
        (None when there is none): what comes before it reports, asks nothing."""
        folded = fold_keep(text)
        requests = sorted(
            [m.start() for m in ASSIGNS.finditer(folded)]
            + [m.start() for m in DIRECTIONS.finditer(folded)]
            + self.reader.assignments(text)
        )
        if not requests:
            return None
        start = text.rfind(". ", 0, requests[0])
        return start + 2 if start >= 0 else 0

    def _prose_clause(self, clause: str, first: bool, run: _ProseRun) -> None:
        """One clause of a prose text (the ``first`` of its sentence or not): more on
        the task before, an aside, or one or two jobs."""
        if not clause.strip():
            return
        if self._is_speaker_clause(clause) and not self._asks_others(clause):
            # "Chủ tịch UBND huyện có ý kiến như sau: Đề nghị ...": the work follows the
            # speaker's colon; what the speaker says of its own is kept, no task
            colon = _LEAD_IN.search(fold_keep(clause))
            if colon is None or not clause[colon.end() :].strip():
                self.draft.fields.append(("", clause.strip(), _SPEAKS))
                return
            clause = clause[colon.end() :]
        if first and run.number and _ELABORATES.match(fold_keep(clause)):
            # "Trong đó, đặc biệt lưu ý ...": more on the task before, not a task
            last = self.draft.tasks[-1]
            last.text = f"{last.text} {clause.strip()}"
            return
        every = find_deadlines(clause, self.draft.date, self.settings)
        if run.number and self._sends_on(clause, every, first):
            self._send_last(clause, every, " " if first else "; ")
            return
        aside = self._prose_aside(clause, every, first and bool(run.number))
        if aside:
            self.draft.fields.append(("", clause.strip(), aside))
            return
        opening = next((f for f in every if f.start == 0), None)
        if first and opening:
            run.carried = opening
        clause, every = self._after_lead_in(clause, every, opening, run)
        if not clause.strip():
            return
        cut = urgent_then_dated(clause, every)
        for job in [clause] if cut is None else two_jobs(clause, cut):
            own = every if cut is None else find_deadlines(job, self.draft.date, self.settings)
            self._prose_job(job, own, run)

    def _prose_aside(self, clause: str, every: list[Found], after_jobs: bool) -> str:
        """Why ``clause`` is no job ("" when it may be one); a sentence ``after_jobs``
        began may also only describe ("Các xã này có ...")."""
        aside = self.aside(clause, every)
        if after_jobs and not aside:
            aside = untold(clause, bool(every), bool(self.reader.read(clause).owners))
        return aside

    def _after_lead_in(
        self, clause: str, every: list[Found], opening: Found | None, run: _ProseRun
    ) -> tuple[str, list[Found]]:
        """``clause`` and its deadlines after the lead-in it opens with, if any ("Trong
        02 tuần tới, ... yêu cầu X tập trung thực hiện các nhiệm vụ như: ..."): the
        lead-in is no job, but ``run`` keeps its owners and its opening deadline for
        the clauses after it that name none, until the next request."""
        colon = _LEAD_IN.search(fold_keep(clause))
        asks = fold_keep(clause[: colon.end()]) if colon else ""
        if colon and (REQUEST.search(asks) or DIRECTIONS.search(asks)):
            run.lead = Scope(fallback=list(self.reader.read(clause[: colon.end()]).owners))
            # its time, at its head or of the jobs it announces ("các nhiệm vụ
            # trong tháng 5 và các tháng tiếp theo đó là ...")
            run.lead_found = opening or next((f for f in every if f.end <= colon.start()), None)
            # the first job is what follows its colon
            clause = clause[colon.end() :]
            if not clause.strip():
                return clause, []
            return clause, find_deadlines(clause, self.draft.date, self.settings)
        if ASSIGNS.search(fold_keep(clause)):
            run.lead, run.lead_found = Scope(), None
        return clause, every

    def _prose_job(self, job: str, own: list[Found], run: _ProseRun) -> None:
        """The next task of a prose text: ``job``, with its ``own`` deadlines."""
        run.number += 1
        task = DraftTask(item=str(run.number), text=job.strip(), line=run.line)
        # a clause that names no unit goes on with the unit of the clause before it
        units = self.reader.read(job)
        run.previous = list(units.owners) or run.previous
        scope = run.lead if run.lead.fallback else Scope(fallback=run.previous)
        self._owners(task, job, scope, units)
        run.owners_before = run.previous
        found = choose(own, run.carried or run.lead_found)
        self._deadline(task, found[0] if found else run.carried or run.lead_found)
        self.draft.tasks.append(task)

    def _clauses(self, sentence: str) -> list[str]:
        """The jobs of a sentence, split at ";", except where ";" goes on with a list of
        units ("Giao các sở, ngành tỉnh; UBND các huyện, thành phố; ... báo cáo ...")."""
        clauses: list[str] = []
        for part in re.split(r";\s+", sentence):
            if clauses and self.reader.open_list(clauses[-1]):
                clauses[-1] = f"{clauses[-1]}; {part}"
            else:
                clauses.append(part)
        return clauses

    def _sends_on(self, clause: str, found: list[Found], sentence: bool) -> bool:
        """Whether ``clause`` only says where and by when the job before it is sent
        ("Yêu cầu gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019.", a
        ``sentence`` of its own) or done ("...; hoàn thành trước ngày 21/11/2022"): it
        names no unit of its own and gives a date. "...; tổng hợp báo cáo gửi về Sở
        trước ngày ..." after ";" is a job of its own that the date closes."""
        folded = fold_keep(clause).strip()
        return (
            bool((sentence and _SENDS_ON.match(folded)) or _DONE_BY.match(folded))
            and has_date(found)
            and not self.reader.read(clause).owners
        )

    def _send_last(self, clause: str, found: list[Found], joint: str) -> None:
        """Join ``clause``, the sending of the last task, to that task (after ``joint``):
        the job is due when it is sent, so the sending's date is the task's deadline."""
        last = self.draft.tasks[-1]
        last.text = f"{last.text}{joint}{clause.strip()}"
        last.deadline = None
        last.checks["deadline"] = []
        dated = choose(found)
        self._deadline(last, dated[0] if dated else None)

    def _time_of_last(self, field: str) -> None:
        """A paragraph giving the time of the job before it ("Thời gian thực hiện: ...",
        with its list of times): that job's time, as an item's own field line is the
        item's, never a job of its own. Of several times, the first is the deadline and
        the clerk is told of the others; a time the reader cannot read is noted."""
        every = find_deadlines(field, self.draft.date, self.settings)
        dated = [f for f in choose(every) if f.dated]
        last = self.draft.tasks[-1]
        if not dated:
            last.text = f"{last.text} {field.strip()}"
            last.checks["deadline"].append(_unread_time(field))
            return
        self._send_last(field, every, " ")
        if len(dated) > 1:
            others = ", ".join(f"'{f.phrase}'" for f in dated[1:])
            last.checks["deadline"].append(
                f"thời gian của việc nêu {len(dated)} mốc: đã lấy '{dated[0].phrase}' làm hạn; "
                f"còn {others}: nếu cần theo dõi từng mốc, tách thành nhiều nhiệm vụ"
            )

    def paragraphs(self, paras: list[Para]) -> None:
        """No item found: one task per paragraph that asks something or has a deadline
        (every paragraph when none does), each marked for the clerk to check."""
        kept: list[Para] = []
        for para in paras:
            aside = self.aside(para.text)
            if aside:
                self.draft.fields.append(("", para.text, aside))
            else:
                kept.append(para)
        asking = [p for p in kept if self._worth_a_task(p.text)] or kept
        if not asking:  # nothing but a heading (or nothing at all): say so, never an empty draft
            self.draft.checks["tasks"].append(
                "không thấy nhiệm vụ nào: văn bản không có đoạn nào ngoài phần đầu; hãy thêm "
                "nhiệm vụ, hoặc kiểm tra lại tệp đã chọn"
            )
            return
        self.draft.checks["tasks"].append(
            "không thấy mục đánh số nào: mỗi đoạn văn thành một nhiệm vụ; giữ, sửa hay xóa "
            "từng nhiệm vụ cho đúng"
        )
        for number, para in enumerate(asking, start=1):
            task = DraftTask(item=str(number), text=para.text, line=para.line)
            self._owners(task, para.text, Scope())
            found = choose(find_deadlines(para.text, self.draft.date, self.settings))
            self._deadline(task, found[0] if found else None)
            task.checks["item"].append("một đoạn văn, không phải mục đánh số: có phải nhiệm vụ?")
            self.draft.tasks.append(task)

    def aside(self, text: str, found: list[Found] | None = None) -> str:
        """Why ``text`` is no task whatever its place ("" when it may be one): page
        furniture, or the background of the work (its basis, a document issued)."""
        if found is None:
            found = find_deadlines(text, self.draft.date, self.settings)
        return furniture(text) or background(text, has_date(found))

    def _asks_others(self, clause: str) -> bool:
        """Whether ``clause`` asks units to do its work in its own words, without a colon
        ("Ban Thường vụ Đoàn trường đề nghị Ban Chấp hành các liên chi đoàn thông báo
        ..."): the job of the units asked, however the speaker opens it."""
        return (
            _LEAD_IN.search(fold_keep(clause)) is None
            and ASSIGNS.search(fold_keep(clause)) is not None
            and bool(self.reader.read(clause).owners)
        )

    def _is_speaker_clause(self, clause: str) -> bool:
        folded = fold_keep(clause).strip()
        folded = re.sub(r"^(?:dong thoi|va)\s*,?\s*", "", folded)
        return folded.startswith(self.reader.speakers)

    def _not_a_task(self, scope: Scope, found: list[Found]) -> str:
        """Why an item of a plan is no task for the ledger ("" when it is one): it states
        the plan's goals, or, in a plan whose "Tổ chức thực hiện" assigns the work,
        it is general content with no deadline of its own."""
        if scope.part == GOALS:
            return "mục đích, yêu cầu"
        dated = has_date(found)
        if scope.part == INFO and not any(
            f.reading.kind not in ("none", "recurring") for f in found
        ):
            # a budget "bố trí hàng năm" or a place is no recurring duty
            return "thông tin: thành phần, địa điểm, đối tượng..."
        if self.organized and scope.part != ORGANIZATION and not dated:
            return "nội dung chung, không có hạn; việc được giao ở phần Tổ chức thực hiện"
        return ""

    def _statement(self, text: str, found: list[Found]) -> str:
        """Why an item is a statement, no task ("" when it may be one): one sentence
        that says a thing is done ("Lịch tiếp công dân năm 2020 được niêm yết công khai
        tại ..."), with no one to do it, no request and no time."""
        folded = fold_keep(text)
        if found or len(SENTENCE.split(text.strip())) > 1 or not _PASSIVE.match(folded):
            return ""
        if self.judge.asks(text) or self.reader.read(text).owners:
            return ""
        return "một câu nêu việc đã định, không giao việc cho ai"

    def _dated(self, text: str) -> bool:
        return self.judge.dated(text)

    def stands_alone(self, text: str) -> bool:
        """Whether a paragraph with no mark is a job of its own: it opens with the units
        that do it and gives its own date ("Phòng Tài chính - Kế hoạch bố trí kinh phí
        ..., hoàn thành trước ngày 20/8/2024.")."""
        return self.reader.opens_job(text) and self._dated(text)

    def _heading(self, text: str, bold: bool = False) -> bool:
        """Whether an item's own line is only its part's heading ("Công tác tuyên truyền",
        "Tháng 10/2020:"), not a job ("Tổ chức lễ mít tinh trước ngày 20/3/2024."):
        short (or ``bold``), and with no deadline of its own after its first words."""
        return (bold or _title_like(text)) and not self._own_time(text)

    def _own_time(self, text: str) -> bool:
        """Whether ``text`` gives a job its time: a dated deadline that does not open it
        (one that does, "Tháng 10/2020:", heads the jobs of that time)."""
        found = choose(find_deadlines(text, self.draft.date, self.settings))
        return any(f.dated and f.start > 0 for f in found)

    def _worth_a_task(self, text: str) -> bool:
        return self._dated(text) or any(True for _ in TRIGGERS.finditer(text, fold_keep(text)))

    def _parts(
        self, item: str, parts: list[str], section: str | None, scope: Scope, line: int, why: str
    ) -> None:
        """Item ``item`` as one task per part (N.1, N.2, ...), each noting ``why`` it was split."""
        for k, part in enumerate(parts, start=1):
            self._task(f"{item}.{k}", part, section, scope, line)
            self.draft.tasks[-1].checks["item"].append(
                f"mục {item} {why}: đã tách thành {len(parts)} nhiệm vụ"
            )

    def _task(self, item: str, text: str, section: str | None, scope: Scope, line: int) -> None:
        when = find_deadlines(scope.when, self.draft.date, self.settings) if scope.when else []
        frame = choose(when)
        every = find_deadlines(text, self.draft.date, self.settings)
        found, bounds = beside_duty(choose(every, *frame[:1]), every)
        skipped = (
            self.aside(text, found)
            or self._not_a_task(scope, found)
            or self._statement(text, found)
        )
        if skipped:
            self.draft.fields.append((item, text, skipped))
            return
        if len(found) > 1:
            self._split(item, text, section, scope, line, found)
            return
        jobs = self._jobs(text, scope, every)
        if jobs is not None:
            parts, inner, why = jobs
            self._parts(item, parts, section, inner, line, why)
            return
        task = DraftTask(item=item, text=text, section=section, line=line)
        self._owners(task, text, scope)
        if scope.job and found and found[0].start == 0 and not self.reader.read(text).owners:
            # "1. Các trường đánh giá ngoài trong năm học 2020-2021." then "- Tháng 10 năm
            # 2020, gồm: ...": a time slot of the item's job, which says what is to be done
            task.text = f"{scope.job} {text}"
        if frame and (not found or found[0] is frame[0]):
            found = frame
            task.checks["deadline"].append(
                f"văn bản không nêu hạn của mục này; đã lấy thời gian của phần: {scope.when}"
            )
        self._deadline(task, found[0] if found else None)
        for bound in bounds:
            task.checks["deadline"].append(
                f"mục có việc định kỳ '{found[0].phrase}' và ngày '{bound.phrase}': nếu "
                "ngày đó là ngày cuối của việc định kỳ, ghi until: YYYY-MM-DD; nếu là hạn "
                "của một việc khác, tách thành nhiệm vụ riêng"
            )
        self.draft.tasks.append(task)

    def _jobs(
        self, text: str, scope: Scope, every: list[Found]
    ) -> tuple[list[str], Scope, str] | None:
        """The jobs of an item that holds several, the scope they take and why they were
        told apart; None when it holds one."""
        cut = urgent_then_dated(text, every)
        if cut is not None:
            # "... khẩn trương rà soát .... Trước mắt ... trước ngày 29/4/2020": an urgent job,
            # then a dated one; the owners of the item do both
            inner = replace(scope, fallback=list(self.reader.read(text).owners) or scope.fallback)
            return two_jobs(text, cut), inner, "có một việc khẩn trương và một việc có hạn"
        jobs = _ALSO.split(text)
        if len(jobs) > 1:
            # "... trong những tháng cuối năm. Đồng thời, lưu ý ...": a second job, whose
            # time is its own, not the one the first job states; its owner is the item's
            inner = replace(scope, fallback=list(self.reader.read(text).owners) or scope.fallback)
            return jobs, inner, f"có {len(jobs)} việc (câu mở đầu bằng 'Đồng thời')"
        parts = [] if scope.heading or scope.named else self._by_subject(text)
        if len(parts) > 1:
            return parts, scope, f"giao việc cho {len(parts)} đơn vị khác nhau"
        return None

    def _by_subject(self, text: str) -> list[str]:
        """``text`` cut where the work passes on: a sentence opens with a unit of its own,
        other than the owners so far, that the sentences before sent the work to
        ("Mỗi đơn vị chọn 01 bài nộp về phòng GD&ĐT. Phòng GD&ĐT rà soát ..."): each
        part is one unit's step. Two jobs of units that do not hand on to each other
        stay one task. One part when no sentence passes the work on."""
        sentences = SENTENCE.split(text)
        parts = [sentences[0]]
        owners = {u.name for u in self.reader.read(sentences[0]).owners}
        for sentence in sentences[1:]:
            units = self.reader.subject(sentence)
            subject = {u.name for u in units}
            before = fold_keep(" ".join(parts))
            handed = units and all(fold_keep(u.written) in before for u in units)
            if owners and handed and not subject & owners:
                parts.append(sentence)
                owners = subject
            else:
                parts[-1] = f"{parts[-1]} {sentence}"
        return parts

    def _split(
        self,
        item: str,
        text: str,
        section: str | None,
        scope: Scope,
        line: int,
        found: list[Found],
    ) -> None:
        whole = list(self.reader.read(text).owners) or scope.fallback
        parts = _dated_parts(text, found)
        for k, part in enumerate(parts, start=1):
            number = item if len(parts) == 1 else f"{item}.{k}"
            task = DraftTask(item=number, text=part.text, section=section, line=line)
            self._owners(task, part.text, Scope(scope.heading, whole))
            self._deadline(task, part.deadline)
            if len(parts) > 1:
                note = f"mục {item} có {len(parts)} hạn: đã tách thành {len(parts)} nhiệm vụ"
                task.checks["item"].append(note)
            for day in part.within:
                task.checks["deadline"].append(
                    f"'{day.phrase}' nằm trong lời của việc, không phải hạn: đã lấy hạn theo "
                    f"vế '{part.deadline.phrase}'; sửa nếu chưa đúng"
                )
            self.draft.tasks.append(task)

    def _owners(self, task: DraftTask, text: str, scope: Scope, units: Units | None = None) -> None:
        """The owners and supports of ``task`` from its ``text`` (whose ``units`` may be
        read already) and its ``scope``."""
        if units is None:
            units = self.reader.read(text)
        # a registered unit the item opens with does its job, whatever a heading above
        # names, and so does one of the heading's own units ("Chi đoàn giáo viên sẽ tổ
        # chức ..." under "Đối với Chi đoàn giáo viên và các Chi đoàn lớp cũ"); a group
        # ("Các đơn vị căn cứ ...") stands for the heading's units
        opener = self.reader.opener(text) if scope.heading else []
        headed = {fold(u.name) for u in scope.heading}
        opener = opener if all(u.canonical or fold(u.name) in headed for u in opener) else []
        owners = (
            list(scope.named)
            or opener
            or list(scope.heading)
            or list(units.owners)
            or list(scope.fallback)
        )
        if not (scope.named or opener or units.owners) and (scope.heading or scope.fallback):
            self._unread_opening(task, text, owners)
        if not owners and self.default:
            owners = list(self.default)
            task.checks["owners"].append(
                f"văn bản không nêu đơn vị chủ trì; đã lấy theo {self.default_from}"
            )
            receivers = self._receivers(owners, text)
            if receivers and len(receivers) < len(owners):
                owners = [u for u in owners if u not in receivers]
                names = ", ".join(f"'{u.name}'" for u in receivers)
                task.checks["owners"].append(f"không lấy {names}: việc được gửi về đó")
        task.owners = [u.name for u in owners]
        supports = [*units.supports, *scope.supports]
        helpers = [u.name for u in supports if u.name not in task.owners]
        task.supports = list(dict.fromkeys(helpers))
        if not task.owners:
            task.checks["owners"].append("chưa tìm thấy đơn vị chủ trì")
        self._note_unknown(task, [*owners, *supports])

    def _cell_units(self, cells: list[str]) -> list[Unit]:
        """The units a table row's cells of one role name, each once, read as an item's
        field lines are ("Ban A; Ban B", "- Ban A - Ban B"); a cell read as no list of
        units is one unit as written."""
        once: dict[str, Unit] = {}
        for cell in cells:
            whole = " ".join(cell.split("\n"))  # a cell naming no list: one unit, one line
            for unit in self.reader.listed(cell) or [self.reader.unit(whole)]:
                once.setdefault(unit.name, unit)
        return list(once.values())

    def _note_unknown(self, task: DraftTask, units: list[Unit]) -> None:
        """Ask the clerk to check each of ``units`` the registry does not hold."""
        if self.registry.present:
            for unit in units:
                if unit.canonical is None:
                    task.checks["owners"].append(self._unknown(unit))

    def _own_fields(self, node: Node) -> tuple[str, list[Unit], list[Unit], list[str]]:
        """The unmarked lines of ``node`` read by the one reader of an item's field lines
        (:func:`giaoban.importer.tables.item_fields`), bulleted or not: their text less the
        fields that name the item's units, the units they name in charge and in support,
        and a note for each field the builder could not place. Fields that give the time
        stay in the text, where the deadline is read as in any item. The fields read into
        units are recorded as placed (``Draft.placed``): the draft holds them, though in
        no text."""
        kept: list[str] = []
        named: list[Unit] = []
        supports: list[Unit] = []
        notes: list[str] = []
        for para in node.body:
            found = item_fields(para.text)
            if not found:
                kept.append(para.text)
            for labelled in found:
                if labelled.role == TIME:
                    kept.append(labelled.text)
                    if not find_deadlines(labelled.value, self.draft.date, self.settings):
                        notes.append(_unread_time(labelled.text))
                    continue
                units = self.reader.listed(labelled.value)
                if not units:
                    kept.append(labelled.text)
                    notes.append(
                        f"dòng '{labelled.text}' nêu đơn vị của mục nhưng giaoban chưa đọc được "
                        f"tên: ghi vào {_KEYS[labelled.role]} cho đúng"
                    )
                    continue
                self.draft.placed.append(labelled.text)
                (named if labelled.role == OWNER else supports).extend(units)
        return sentences(kept), named, supports, notes

    def _noted(self, notes: list[str], make: Callable[..., None], *args: Any) -> None:
        """Run ``make(*args)``, then put ``notes`` on each task it drafted: the field
        lines of the item that the builder could not place."""
        before = len(self.draft.tasks)
        make(*args)
        for task in self.draft.tasks[before:]:
            task.checks["deadline"].extend(notes)

    def _unread_opening(self, task: DraftTask, text: str, owners: list[Unit]) -> None:
        """Note an item that opens with a unit the reader could not tell is its subject
        ("Phòng Văn hóa mời đại biểu ...": no verb it knows) when the owners came from
        above: the clerk checks, never the parent's owners in silence."""
        opening = self.reader.opening(text)
        if not opening or any(fold(u.name) in fold(opening) for u in owners):
            return
        names = ", ".join(u.name for u in owners)
        task.checks["owners"].append(
            f"mục mở đầu bằng '{opening}' nhưng giaoban không đọc được việc của đơn vị này: "
            f"đã lấy đơn vị chủ trì của mục trên ({names}); sửa nếu chưa đúng"
        )

    def _receivers(self, units: list[Unit], text: str) -> list[Unit]:
        """Those of ``units`` on the side the item sends its work to ("... gửi về văn
        phòng Công đoàn Trường" for "Ủy viên Ban Văn thể Công đoàn Trường": the body
        named there ends the addressee's name): an addressee who receives the work
        does not do it."""
        folded = fold_keep(text)
        places = [_OFFICE.sub("", folded[m.end() :]) for m in _SENT_TO.finditer(folded)]
        out = []
        for unit in units:
            words = fold(unit.name).split()
            tails = [" ".join(words[k:]) for k in range(len(words) - 1)]
            if any(re.match(rf"{re.escape(t)}(?![\w])", p) for t in tails for p in places):
                out.append(unit)
        return out

    def _unknown(self, unit: Unit) -> str:
        note = f"'{unit.written}' chưa có trong danh mục đơn vị"
        nearest = self.registry.nearest(unit.written)
        return f"{note}; có phải '{nearest}'?" if nearest else note

    def _deadline(self, task: DraftTask, found: Found | None) -> None:
        if found is None:
            for phrase in unread_deadlines(task.text, self.draft.date, self.settings):
                task.checks["deadline"].append(
                    f"hạn '{phrase}' giaoban chưa đọc được: nếu là hạn, ghi deadline: {phrase} "
                    "và ghim ngày bằng due: YYYY-MM-DD"
                )
            return
        task.deadline = found.phrase
        if found.occasion:
            task.checks["deadline"].append(
                f"'{found.phrase}' là ngày được chào mừng, kỷ niệm, không phải hạn văn bản ghi "
                "rõ: đã lấy làm hạn vì mục không nêu hạn nào khác; sửa nếu việc có hạn khác"
            )
        if found.past:
            task.checks["deadline"].append(
                f"hạn '{found.phrase}' sớm hơn ngày ban hành: kiểm tra lại năm, tháng"
            )


_KEYS = {OWNER: "owners", SUPPORT: "supports"}  # a unit field's key in the draft
_NUMBERED = ("roman", "number", "letter")  # the kinds of items a notice numbers
_SPEAKS = "lời của người kết luận, không giao việc"


def _unread_time(field: str) -> str:
    """The note on a field line giving the time of an item that no deadline was read in."""
    return (
        f"dòng '{field.strip()}' nêu thời gian của mục nhưng giaoban chưa đọc được thành hạn: "
        "nếu là hạn, ghi deadline và ghim ngày bằng due: YYYY-MM-DD"
    )


def _pieces(paras: list[Para], start: int) -> list[tuple[str, bool]]:
    """The text of ``paras`` from ``start`` (an offset into their texts joined by spaces)
    in runs: each paragraph giving the time of the work ("Thời gian thực hiện: ...") alone,
    marked True; the paragraphs between them joined, as the prose reader reads them."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for para in paras:
        begin, at = at, at + len(para.text) + 1
        if at <= start:
            continue
        text = para.text[max(0, start - begin) :]
        timing = begin >= start and time_field(para.text)
        if timing or not pieces or pieces[-1][1]:
            pieces.append((text, timing))
        else:
            pieces[-1] = (f"{pieces[-1][0]} {text}", False)
    return pieces


def _time_of(lines: list[Para]) -> str | None:
    """The time "Thời hạn: ..." ``lines`` give, as written, or None."""
    values = [f.value for p in lines for f in item_fields(p.text) if f.role == TIME]
    return " ".join(values) or None


def _with_own_fields(node: Node) -> Node:
    """``node`` with its sub-items as its own unmarked lines when they are only its
    fields ("- Thời hạn: ...", "+ Đơn vị phối hợp: ..."): read as if no bullet marked them."""
    if not fields_of(node):
        return node
    lines = [replace(c.para, kind="text", label="") for c in node.children]
    return replace(node, children=[], body=[*node.body, *lines])


def _unquote(sentence: str) -> str:
    """A quoted request without its quotes and its "..., đồng chí X mong muốn." tail."""
    return _ATTRIBUTION.sub("", sentence).strip(' “”"')


def _title_like(text: str) -> bool:
    words = text.split()
    if len(words) > 15 or ". " in text.rstrip("."):
        return False
    colon = text.find(": ")
    if colon >= 0 and len(text[colon:].split()) > 3:
        return False
    return text.rstrip().endswith(":") or not text.rstrip().endswith(".") or len(words) <= 8


def _clause_end(text: str, start: int) -> int:
    match = _CLAUSE_END.search(text, start)
    return match.end() if match else len(text)


@dataclass(frozen=True)
class _Part:
    """One job of an item with several dated deadlines: its text, its deadline, and the
    dates of the text that fall within it but give no deadline of their own."""

    text: str
    deadline: Found
    within: tuple[Found, ...] = ()


def _dated_parts(text: str, found: list[Found]) -> list[_Part]:
    """``text`` cut into one job per deadline of ``found`` (in the text's order).

    A job ends with the clause holding its deadline; when one clause holds the next
    deadline too, it ends right after its deadline, or at the comma that closes the
    deadline's own words ("tổ chức hội nghị ngày 20/11/2024 tại hội trường, báo cáo kết
    quả trước ngày 30/11/2024"), so that the next job starts at its own words, never at
    the comma. A part that only says by when the job before it is done ("..., hoàn thành
    trước ngày 30/11/2024") is no job: it stays with that job and gives its deadline, and
    the job's own date is only a day within it.
    """
    spans: list[tuple[int, int, Found, tuple[Found, ...]]] = []
    cut = 0
    for i, deadline in enumerate(found):
        end = len(text)
        if i < len(found) - 1:
            end = _clause_end(text, deadline.end)
            if end > found[i + 1].start:
                comma = text.find(",", deadline.end, found[i + 1].start)
                near = comma >= 0 and len(text[deadline.end : comma].split()) <= _TRAIL_WORDS
                end = comma + 1 if near else deadline.end
        if spans and _DONE_BY.match(fold_keep(text[cut:end].lstrip(_JOINT))):
            start, _, before, within = spans.pop()
            spans.append((start, end, deadline, (*within, before)))
        else:
            spans.append((cut, end, deadline, ()))
        cut = end
    # the job after a "và" that joins it to the one before starts at its verb
    return [
        _Part(re.sub(r"^(?:và|va)\s+", "", _trim(text[start:end])), deadline, within)
        for start, end, deadline, within in spans
    ]


_JOINT = " ,;"  # what joins two jobs of one sentence
# the words a date's own clause may run on after it ("ngày 20/11/2024 tại hội trường,")
_TRAIL_WORDS = 6


def _trim(part: str) -> str:
    """A part of an item's text without the joint before it or the comma after it."""
    return part.lstrip(_JOINT).rstrip(" ,")


# a job of its own after "và" ("..., chất lượng và báo cáo kết quả ..."), if a job verb
# follows; "," chains the steps of one job ("hoàn thiện nội dung góp ý, báo cáo đồng chí
# Bí thư trong tuần 10") and ";" in one job goes on with its units ("Sở A đôn đốc các sở,
# ngành; UBND các huyện khẩn trương triển khai ...")
_NEXT_JOB = re.compile(r"\s+va\s+(?=[a-z])")
# the words a first job needs before the next one starts: a verb and its object ("rà
# soát, triển khai ngay các nhiệm vụ ..."); a bare verb shares the object of the next
_JOB_WORDS = 4


def urgent_then_dated(text: str, every: list[Found]) -> int | None:
    """Where ``text`` passes from an urgent job to a dated one ("... khẩn trương rà soát
    các nhiệm vụ ... và báo cáo kết quả ... trước ngày 20/7/2020"): each job has its own
    time, and the date closes only the job it ends. The cut is the last sentence end
    between the two times, else the last "và" before a job verb that follows a whole
    job. None when there is no such pair or no such place, or when what follows only
    sends the job on or says when it is done (the sending's date is the whole job's)."""
    dated = [f for f in choose(every) if f.dated]
    if len(dated) != 1:
        return None
    first = next((f for f in every if urgent(f) and f.end <= dated[0].start), None)
    if first is None:
        return None
    folded = fold_keep(text)
    lo, hi = first.end, dated[0].start
    cuts = [m.end() for m in SENTENCE.finditer(text, lo, hi)]
    if not cuts:
        joins = [m.end() for m in _NEXT_JOB.finditer(folded, lo, hi)]
        cuts = [
            j
            for j in joins
            if JOB_VERBS.match(text, folded, j) and len(folded[lo:j].split()) > _JOB_WORDS
        ]
    if not cuts:
        return None
    rest = folded[cuts[-1] :].lstrip()
    return None if _SENDS_ON.match(rest) or _DONE_BY.match(rest) else cuts[-1]


def two_jobs(text: str, cut: int) -> list[str]:
    """``text`` as the two jobs either side of ``cut``, without the "và" that joins them."""
    first = re.sub(r"\s+(?:và|va)\s*$", "", text[:cut]).rstrip()
    return [first, text[cut:].strip()]
