"""A plan's fields and parts: what an item only labels, and which part of a plan it is in.

A plan (Kế hoạch, Hướng dẫn) gives facts as "label: value" items ("Địa điểm:
Tại hội trường", "Thời gian tổ chức: từ 15/10 đến 24/11/2018") and is cut into
parts (Nghị định 30/2020/NĐ-CP's form): its goals ask nothing of anyone, and
"Tổ chức thực hiện" assigns the work to units. The builder
(:mod:`giaoban.importer.items`) asks here before it drafts an item.
"""

from __future__ import annotations

import re
from dataclasses import replace

from giaoban.importer.omit import node_text as _text
from giaoban.importer.structure import Node, Para
from giaoban.importer.tables import FIELD, TIME, item_fields
from giaoban.importer.units import UnitReader
from giaoban.importer.words import ASSIGNS, REQUEST, fold_keep

# A plan's field: "label: value" (giaoban.importer.tables.FIELD) with a short value.
_FIELD_WORDS = 20
_LEAD_WORDS = 10
LABEL_WORDS = 4  # a bare "label:" longer than this is a lead-in
BARE_LEAD = re.compile(r"^[^:;.]{2,80}:$")
_STEP_LABEL = re.compile(r"^(?:buoc|giai doan|nhiem vu)\s+(?:\d{1,2}|[ivx]+)$")
TIME_LABEL = re.compile(r"^(?:thoi gian|thoi han)\b")
PLACE_LABEL = re.compile(r"^(?:dia diem|noi (?:nhan|tiep|to chuc|hop))\b[^:]{0,30}:")
# the time to do the work, not the time of an event ("Thời gian tổ chức: 7 giờ 30 ...")
WORK_TIME = re.compile(r"^(?:thoi gian|thoi han) (?:thuc hien|hoan thanh)\b")
# labels that state a fact of a plan or an event, whatever the length of the value
_INFO_LABEL = re.compile(
    r"^(?:dia diem|noi (?:nhan|tiep|to chuc|hop)|thanh phan|doi tuong|hinh thuc|kinh phi|"
    r"thoi gian|thoi han)\b"
)
_INFO_WORDS = 60


# The parts of a plan (Kế hoạch, Hướng dẫn; Nghị định 30/2020/NĐ-CP's form): its goals
# ask nothing of anyone; "Tổ chức thực hiện" assigns the work to units.
GOALS, ORGANIZATION, INFO = "goals", "organization", "info"
_GOALS = re.compile(r"^(?:muc dich|muc tieu|quan diem|dac diem tinh hinh)\b|^(?:yeu cau|can cu)$")
_ORGANIZATION = re.compile(
    r"^(?:to chuc thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
    r"trach nhiem (?:thuc hien|cua cac)|giao nhiem vu)\b"
)


def part_of(title: str, current: str) -> str:
    """The part of a plan a section titled ``title`` opens (else the one it is in): its
    goals, its organisation, or a fact of it (who attends, where, when, the budget)."""
    folded = fold_keep(title).strip(" .:")
    if _ORGANIZATION.match(folded):
        return ORGANIZATION
    if _GOALS.match(folded):
        return GOALS
    if _INFO_LABEL.match(folded) and not TIME_LABEL.match(folded):
        return INFO  # a part on time holds deadlines: its items stay tasks
    return current


def has_organization(nodes: list[Node]) -> bool:
    """Whether an outline has a "Tổ chức thực hiện" part that assigns the work, with
    items of its own (among its first two levels). A "Tổ chức thực hiện" heading over
    only a closing sentence ("Đề nghị các ban, đơn vị nghiêm túc triển khai thực hiện.")
    assigns nothing: the notice's items stay its tasks."""
    return any(_organizes(node) or any(_organizes(c) for c in node.children) for node in nodes)


def _organizes(node: Node) -> bool:
    return bool(node.children) and part_of(title_of(node.para), "") == ORGANIZATION


def is_field(node: Node) -> bool:
    """Whether an item reads as one of a plan's fields rather than asking for work: a
    short "label: value" (or a bare "label:" with nothing under it). The builder also
    makes sure it names no unit ("Các trường mầm non: Thái Sơn, ..." is an owner list)."""
    if node.children or node.kind not in ("number", "letter", "bullet", "plus"):
        return False
    text = _text(node)
    if REQUEST.search(fold_keep(text)):
        return False
    if BARE_LEAD.match(text) and len(text.split()) <= _LEAD_WORDS:
        return True  # "Các bước tiếp theo sau khi SV nộp đơn:": a lead-in, nothing asked
    match = FIELD.match(text)
    if match is None:
        return False
    # "Địa điểm nhận tác phẩm:", "Thành phần tham dự hội nghị:": an info label may be longer
    info = _INFO_LABEL.match(fold_keep(match.group(1)))
    if len(match.group(1).split()) > (6 if info else LABEL_WORDS):
        return False
    words, label = len(text.split()), fold_keep(match.group(1))
    if _STEP_LABEL.match(label):
        return False  # "Bước 2: Làm đơn đăng ký" is a step of a procedure, not a fact
    long_info = bool(_INFO_LABEL.match(label)) and not TIME_LABEL.match(label)
    return words <= _FIELD_WORDS or (words <= _INFO_WORDS and long_info)


def fields_of(node: Node) -> bool:
    """Whether the sub-items of ``node`` are only its own fields ("2. Các ban ... chuẩn
    bị ..." then "- Thời hạn: ...", "- Đơn vị phối hợp: ..."): "label: value" lines, at
    least one of them when it is due or who does it, under an item that is no label or
    part of a plan itself. Such lines belong to the item, whatever their bullet."""
    if node.kind not in ("number", "letter", "bullet", "plus") or not node.children:
        return False
    title = fold_keep(title_of(node.para))
    if item_fields(node.para.text) or _INFO_LABEL.match(title) or part_of(title, ""):
        return False
    children = node.children
    leaves = all(not c.children and (item_fields(_text(c)) or is_field(c)) for c in children)
    return leaves and any(item_fields(_text(c)) for c in children)


def title_of(para: Para) -> str:
    """A heading's title: its bold lead, or its text, without the closing colon."""
    return (para.lead or para.text).rstrip(" :.;")


def time_field(text: str, only: bool = False) -> bool:
    """Whether ``text`` is a field giving the time of the work ("Thời gian thực hiện: từ
    ngày 23/3/2020 đến hết ngày 27/3/2020", "Thời hạn: ..."): its first field; with
    ``only``, every field it has (a line that is only the time of an item, no unit
    named beside it)."""
    found = item_fields(text)
    return bool(found) and all(f.role == TIME for f in (found if only else found[:1]))


def time_lists(paras: list[Para], reader: UnitReader) -> list[Para]:
    """``paras`` with an unmarked time label that stands alone ("Thời gian thực hiện:")
    before the text's first items joined with the bullets under it into one paragraph,
    that field with its value.

    The bullets give the time of the work the text states before them ("- Tất cả các thứ
    Hai trong tháng 3/2020.", "- Tuần cao điểm: từ ngày 23/3/2020 đến hết ngày
    27/3/2020."): they are the label's value, as on one line, not the items of the text,
    which would leave its requests aside as its opening and closing. A label whose
    bullets name who does what or ask something ("- Trước ngày 20/3: các chi đoàn gửi báo
    cáo") heads jobs, and a label under an item is that item's (its sub-items, as
    :mod:`giaoban.importer.items` reads them): both stay as they are.
    """
    out: list[Para] = []
    k = 0
    while k < len(paras):
        para = paras[k]
        first = all(p.kind == "text" for p in out)  # the text's items come after it
        values = _time_values(paras[k + 1 :], reader) if first and _time_label(para) else []
        joined = " ".join([para.text, *(v.text for v in values)])
        out.append(replace(para, text=joined) if values else para)
        k += 1 + len(values)
        if not first:
            return [*out, *paras[k:]]
    return out


def _time_label(para: Para) -> bool:
    """Whether ``para`` is an unmarked time label with nothing after its colon."""
    text = para.text.strip()
    return (
        para.kind == "text"
        and bool(BARE_LEAD.match(text))
        and len(text.split()) <= _LEAD_WORDS
        and bool(TIME_LABEL.match(fold_keep(text)))
    )


def _time_values(paras: list[Para], reader: UnitReader) -> list[Para]:
    """The bullets opening ``paras`` when each only gives a time; none when one names a
    unit or asks something."""
    bullets: list[Para] = []
    for para in paras:
        if para.kind not in ("bullet", "plus"):
            break
        bullets.append(para)
    for para in bullets:
        if ASSIGNS.search(fold_keep(para.text)) or reader.read(para.text).owners:
            return []
    return bullets
