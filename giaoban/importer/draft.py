"""From a notice's text to a structured draft: :func:`draft_from_text`.

The draft holds what was read and, beside each value the importer is unsure
of, a note for the clerk ("kiểm tra: ..."). It guesses nothing silently: an
owner taken from the notice's addressees, a deadline already past at the
notice's date, an unknown unit or a date that was not printed are all noted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from giaoban.deadline import DeadlineSettings
from giaoban.edit.newnotice import notice_id
from giaoban.importer.clean import Line, clean_lines
from giaoban.importer.deadlines import find_deadlines
from giaoban.importer.draftmodel import Draft, DraftTask
from giaoban.importer.fields import has_organization, time_lists
from giaoban.importer.furniture import FURNITURE, posting
from giaoban.importer.header import Header, read_header
from giaoban.importer.items import SENTENCE, Builder, Scope
from giaoban.importer.meeting import FULL_DATE, Meeting, read_meeting, year_of_text
from giaoban.importer.placed import unplaced
from giaoban.importer.running import split_running
from giaoban.importer.structure import (
    Node,
    Para,
    lift_trailing,
    numbering_gaps,
    outline,
    paragraphs,
)
from giaoban.importer.tables import read_tables, tab_rows
from giaoban.importer.tail import Tail, read_tail
from giaoban.importer.units import Unit, UnitReader
from giaoban.importer.words import ASSIGNS, fold_keep
from giaoban.model.text import fold
from giaoban.model.units import Registry

__all__ = ["Draft", "DraftTask", "draft_from_text", "make_id", "recase"]

_CLOSING = re.compile(
    r"(nghiem tuc|trien khai thuc hien|to chuc thuc hien|noi dung (?:neu )?tren|"
    r"tran trong thong bao|thong bao ket luan|\./\.|^\(gui kem)"
)
_CLOSING_START = re.compile(
    r"^(?:.{0,60}?)(?:de nghi|yeu cau|tran trong|thong bao|tren day|can cu)"
)


def draft_from_text(
    text: str,
    registry: Registry,
    *,
    settings: DeadlineSettings | None = None,
    given_id: str | None = None,
    fallback_date: date | None = None,
) -> Draft:
    """Read a notice's plain text into a :class:`Draft`.

    Args:
        text: the notice as text (from a .txt/.md file, a Word file or a PDF text layer).
        registry: the unit registry, to name owners as the ledger does.
        settings: how deadlines are read (time zone, strict "trước ngày").
        given_id: the id to give the notice; by default date and title words.
        fallback_date: the date to use when the text names none (noted for the clerk).

    Returns:
        The draft; render it with :func:`giaoban.importer.yamltext.render_draft`.
    """
    lines = read_tables(split_running(clean_lines(tab_rows(text))))
    header = read_header(lines)
    tail = read_tail(lines, header.body_start)
    speakers = [header.issuer or "", *(_body_of(b) for b in tail.on_behalf)]
    reader = UnitReader(registry, speakers)
    paras = time_lists(paragraphs(lines[header.body_start : tail.start]), reader)
    intro, roots = outline(paras, reader.heads)
    closing = _pop_closing(roots)
    intro_text = " ".join(p.text for p in intro) or _opening(lines)
    year = header.date.year if header.date else year_of_text(text)
    meeting = read_meeting(intro_text, header.title, year)
    draft = _new_draft(header, tail, meeting, lines, fallback_date)
    if draft.issuer and "issuer" in draft.checks:
        draft.issuer = recase(draft.issuer, text)
    default = _default_owners(reader, closing, intro_text, header)
    builder = Builder(draft, reader, registry, default, settings or DeadlineSettings())
    # "Giao Văn phòng ... báo cáo ... trước ngày 10/9/2024." after the last item: a job
    # of its own, not the end of the last item's
    lift_trailing(roots, builder.stands_alone)
    body = _add_tasks(builder, roots, intro, paras)
    _unique_items(draft)
    # the page's note of its post in the opening ("12/03/2024 | 08:27", "Lượt xem: 1.234")
    # is set aside with its reason like any page furniture, not dropped unsaid
    opening = [p for p in intro if not any(p is b for b in body)]
    draft.fields.extend(("", p.text, FURNITURE) for p in opening if posting(p.text))
    _keep_unplaced(builder, [*body, *_kept(lines, tail)], closing)
    # the closing formula is no task, but the draft keeps it: it may ask more than it seems
    draft.fields.extend(("", sentence, _CLOSES) for sentence in closing)
    draft.id = given_id or make_id(draft.date, draft.title)
    return draft


def _kept(lines: list[Line], tail: Tail) -> list[Para]:
    """The paragraphs of the lines below the body's end that no part of the tail holds
    (an annex after the signature, text the tail was wrongly thought to start at): the
    draft keeps them as it keeps any paragraph it could not place."""
    kept = set(tail.kept)
    return paragraphs(
        [line if k in kept else replace(line, text="") for k, line in enumerate(lines)]
    )


def _add_tasks(
    builder: Builder, roots: list[Node], intro: list[Para], paras: list[Para]
) -> list[Para]:
    """The draft's tasks: from the outline's items, else from the prose of a text with
    none, else one per paragraph.

    Returns:
        The paragraphs of the body that are no part of the notice's opening, in every
        layout: each must end up somewhere in the draft (see :func:`_keep_unplaced`).
    """
    if roots:
        builder.organized = has_organization(roots)
        builder.walk(roots, section=None, scope=Scope())
        _note_gaps(builder.draft, roots)
        body = [*_after_opening(intro), *paras[len(intro) :]]
    else:
        # prose: what comes before its first request opens it, asks nothing
        body = intro[builder.prose(intro) :]
    if not builder.draft.tasks:
        kept = [p for p in paras if not _is_closing(p.text)]
        builder.paragraphs(kept)
        body = kept[1:]  # the first paragraph opens the text (its meeting, its lead-in)
    return body


def _note_gaps(draft: Draft, roots: list[Node]) -> None:
    """Note each place where the items' numbers jump ("1." then "4."): the items between
    may be missing from the text read (a part of the file the reader could not see) or
    from the notice itself; the clerk compares with the original."""
    for gap in numbering_gaps(roots):
        missing = ", ".join(gap.missing)
        draft.checks["tasks"].append(
            f"số mục nhảy từ {gap.before} sang {gap.after} (dòng {gap.line}): không thấy "
            f"mục {missing}; hãy đối chiếu với văn bản gốc, nếu có thì thêm vào"
        )


def _after_opening(intro: list[Para]) -> list[Para]:
    """What of the paragraphs before the first item read is no part of the notice's
    opening (its meeting, its lead-in "... kết luận như sau:"): the text after the last
    lead-in, which is an item whose mark was not read (a bare "1" alone on its line,
    which may as well be a page number), else the paragraphs after the first; and,
    before that lead-in, each whole paragraph that makes a request and is no lead-in
    ("Ban Thường vụ đề nghị các huyện đoàn tổ chức ..." above "Thời gian thực hiện:"
    and its bullets)."""
    leads = [(k, m.end()) for k, p in enumerate(intro) for m in _LEAD_IN.finditer(p.text)]
    if not leads:
        return intro[1:]
    k, end = leads[-1]
    rest = intro[k].text[end:].strip()
    asking = [
        p for p in intro[:k] if not _LEAD_IN.search(p.text) and ASSIGNS.search(fold_keep(p.text))
    ]
    return [*asking, *([replace(intro[k], text=rest)] if rest else []), *intro[k + 1 :]]


_LEAD_IN = re.compile(r":(?=\s|$)")


def _keep_unplaced(builder: Builder, paras: list[Para], closing: list[str]) -> None:
    """Keep the body's paragraphs the draft holds nowhere at its end: no text of the
    notice vanishes without a word. Page furniture and the background of the work are
    set aside with their reason, as items are; each run of other paragraphs is noted
    ``# kiểm tra:`` with its lines."""
    draft = builder.draft
    runs: list[list[Para]] = []
    last = -2
    for para in unplaced(paras, draft, closing):
        why = builder.aside(para.text)
        if why:
            draft.fields.append(("", para.text, why))
            continue
        at = next(k for k, p in enumerate(paras) if p is para)
        if at == last + 1:
            runs[-1].append(para)
        else:
            runs.append([para])
        last = at
    for run in runs:
        text = " ".join(p.text for p in run)
        draft.fields.append(("", text, _UNPLACED))
        words = text.split()
        quote = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        draft.checks["tasks"].append(
            f"đoạn '{quote}' (từ dòng {run[0].line}) không thuộc nhiệm vụ nào, giaoban chưa "
            "xếp được: đã chép ở cuối bản nháp; nếu là nhiệm vụ, hãy thêm vào"
        )


_UNPLACED = "giaoban chưa xếp được, cần kiểm tra"
_CLOSES = "câu kết, không giao việc riêng"


def make_id(day: date, title: str) -> str:
    """``YYYY-MM-DD-<words of the title>``, ASCII, lower case: as ``giaoban add`` names."""
    return notice_id(day, re.sub(r"^\s*V/v\s*", "", title, flags=re.IGNORECASE))


def _new_draft(
    header: Header, tail: Tail, meeting: Meeting, lines: list[Line], fallback: date | None
) -> Draft:
    draft = Draft(
        id="", kind=header.kind or "thông báo", title=header.title or "", date=date(2000, 1, 1)
    )
    draft.number, draft.issuer, draft.place = header.number, header.issuer, header.place
    draft.meeting = meeting
    draft.on_behalf, draft.position, draft.signer_name = tail.on_behalf, tail.position, tail.name
    draft.recipients = [*header.addressees, *tail.recipients]
    draft.addressees = list(header.addressees)
    _date_of_issue(draft, header, meeting, lines, fallback)
    _notes_on_header(draft, header, tail)
    return draft


def _date_of_issue(
    draft: Draft, header: Header, meeting: Meeting, lines: list[Line], fallback: date | None
) -> None:
    if header.date is not None:
        draft.date = header.date
        return
    if meeting.date is not None:
        draft.date = meeting.date
        draft.checks["date"].append("không thấy ngày ban hành; đã dùng ngày họp")
        return
    found = _first_date(lines)
    if found is not None:
        draft.date = found
        draft.checks["date"].append("không thấy ngày ban hành; đã dùng ngày đầu tiên trong văn bản")
        return
    draft.date = fallback or date(2000, 1, 1)
    draft.checks["date"].append("không thấy ngày nào trong văn bản: hãy sửa ngày ban hành")


def _first_date(lines: list[Line]) -> date | None:
    for line in lines:
        for match in FULL_DATE.finditer(line.text):
            try:
                return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                continue
    return None


def _notes_on_header(draft: Draft, header: Header, tail: Tail) -> None:
    if not header.heading_found:
        draft.checks["title"].append("không thấy tiêu đề THÔNG BÁO: đã lấy dòng đầu tiên")
    if not draft.title:
        draft.title = "(chưa rõ)"
        draft.checks["title"].append("không đọc được trích yếu")
    if draft.issuer is None and tail.on_behalf:
        draft.issuer = _sentence_case(_body_of(tail.on_behalf[0]))
        draft.checks["issuer"].append(f"lấy từ dòng ký '{tail.on_behalf[0]}'")
    if (
        tail.position
        and tail.position_as_printed
        and fold(tail.position) != fold(tail.position_as_printed)
    ):
        draft.checks["signer"].append(f"văn bản ghi '{tail.position_as_printed}'")


def recase(phrase: str, text: str) -> str:
    """``phrase`` as ``text`` writes it, when ``text`` has it (upper-case headings)."""
    needle = fold_keep(" ".join(phrase.split()))
    flat = " ".join(text.split())
    at = fold_keep(flat).find(needle)
    return flat[at : at + len(needle)] if at >= 0 and needle else phrase


def _body_of(on_behalf: str) -> str:
    return re.sub(r"^\s*\w+\s*\.\s*", "", on_behalf).strip()


def _sentence_case(text: str) -> str:
    low = text.lower()
    return low[:1].upper() + low[1:]


def _opening(lines: list[Line]) -> str:
    texts = [line.text for line in lines if not line.blank]
    return " ".join(texts[:12])


def _pop_closing(roots: list[Node]) -> list[str]:
    """Take the closing formula ("Đề nghị ... triển khai thực hiện.") off the last item."""
    node = roots[-1] if roots else None
    while node is not None and node.children:
        node = node.children[-1]
    closing: list[str] = []
    while node is not None and node.body and _is_closing(node.body[-1].text):
        closing.insert(0, node.body.pop().text)
    if node is not None:
        # A PDF layer may run the closing sentence on from the last item's text.
        holder = node.body[-1] if node.body else node.para
        sentences = SENTENCE.split(holder.text)
        while len(sentences) > 1 and _is_closing(sentences[-1]):
            closing.insert(0, sentences.pop())
        holder.text = " ".join(sentences)
    return closing


def _is_closing(text: str) -> bool:
    """Whether ``text`` is the closing formula ("Đề nghị các đơn vị nghiêm túc triển khai
    thực hiện."): short, in its words, and with no deadline: "... triển khai thực hiện
    trước ngày 15/3/2023" is a task, which the draft keeps."""
    folded = fold_keep(text)
    return (
        len(text.split()) <= 60
        and bool(
            _CLOSING.search(folded) and (_CLOSING_START.search(folded) or folded.startswith("("))
        )
        and not find_deadlines(text, _ANY_DAY, DeadlineSettings())
    )


# whether a phrase is a deadline does not depend on the day it is read from
_ANY_DAY = date(2000, 1, 1)


def _default_owners(
    reader: UnitReader, closing: list[str], intro: str, header: Header
) -> tuple[list[Unit], str]:
    if header.addressees:
        units = [Unit(a, reader.registry.canonical(a)) for a in header.addressees]
        return units, "Kính gửi"
    for source, where in ((" ".join(closing), "câu kết"), (intro, "phần mở đầu")):
        units = reader.addressees(source)
        if units:
            return units, where
    units = reader.announcer(intro)
    return (units, "đơn vị ra thông báo") if units else ([], "")


def _unique_items(draft: Draft) -> None:
    seen: dict[str, int] = {}
    for task in draft.tasks:
        count = seen.get(task.item, 0) + 1
        seen[task.item] = count
        if count > 1:
            original = task.item
            task.item = f"{original}-{count}"
            task.checks["item"].append(
                f"số mục '{original}' trùng trong văn bản: đã đổi thành '{task.item}'"
            )
