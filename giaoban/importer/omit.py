"""Items a clerk does not keep as tasks, and items that belong together.

The builder (:mod:`giaoban.importer.items`) asks a :class:`Judge` about a run of
sibling items before it drafts them: a list of things (topics, documents) is
no work; in a plan's "Tổ chức thực hiện" a unit's undated duties beside dated
ones are standing duties; undated steps before a dated last step are steps of
that job. It also asks whether sub-items only spell out their parent's job
("+" details) or list the faults a section asks to put right. What is left
out is not lost: the builder keeps it as comments at the end of the draft.
"""

from __future__ import annotations

import re
from datetime import date

from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import Found, choose, find_deadlines
from giaoban.importer.structure import Node
from giaoban.importer.units import Unit, UnitReader
from giaoban.importer.words import REQUEST, fold_keep

# words before "yêu cầu" that make it a noun ("đáp ứng yêu cầu đổi mới"), not a request
_NOT_A_REQUEST = re.compile(r"(?:dap ung|theo|cac|nhung|mot so|moi|ve)\s+$")
_FINDINGS = re.compile(r"(?<![\w])(?:ton tai|han che|loi|sai sot|thieu sot|vi pham)(?![\w])")

LISTED = "một ý trong danh sách liệt kê"
STANDING = "việc thường xuyên của đơn vị, không có hạn (phần Tổ chức thực hiện)"
STEP = "một bước dẫn tới việc có hạn ở cuối danh sách"

# Words a noun phrase opens with: an item starting so names a thing, not an action.
_NOMINAL = re.compile(
    r"^(?:cong tac|nhung|viec|tai lieu|danh sach|ho so|giay|phieu|ban sao|ban chinh|"
    r"giao vien|can bo|hoc sinh|sinh vien|doi voi (?:cac )?truong hop|truong hop|"
    r"nghi dinh|thong tu|quyet dinh|cong van|chi thi|nghi quyet|bai viet|tac pham|"
    r"so lieu|thong tin|noi dung|chu de|linh vuc|mon|hang|ma so|bien ban|"
    r"bang (?:tong hop|ke|diem))\b"
)
# a lead-in whose bullets are the parts of a whole ("Hồ sơ bao gồm:", "gồm có:")
_CONTENTS = re.compile(r"\b(?:bao gom|gom co|gom)\s*:\s*$")


class Judge:
    """Reads runs of items for what is no task, with the notice's units and date."""

    def __init__(self, reader: UnitReader, ref: date, settings: DeadlineSettings) -> None:
        self.reader = reader
        self.ref = ref
        self.settings = settings

    def dated(self, text: str) -> bool:
        """Whether ``text`` holds a deadline that names a moment or a period."""
        return has_date(choose(find_deadlines(text, self.ref, self.settings)))

    def timed(self, text: str) -> bool:
        """Whether ``text`` holds any deadline the engine reads, even "định kỳ"."""
        return bool(find_deadlines(text, self.ref, self.settings))

    def asks(self, text: str) -> bool:
        """Whether an entry asks for work: a unit as its subject ("Các trường nộp ...")
        or a request ("đề nghị", "yêu cầu"; not "đáp ứng yêu cầu đổi mới")."""
        folded = fold_keep(text)
        units, _end = self.reader.units_at(text, folded, 0)
        if units and self.reader.read(text).owners:
            return True
        return any(not _NOT_A_REQUEST.search(folded[: m.start()]) for m in REQUEST.finditer(folded))

    def listing(self, nodes: list[Node]) -> list[Node]:
        """Items that enumerate things, not work: two or more items side by side,
        opening with a noun ("Công tác ...", "Giáo viên ...", "Tài liệu ..."), none
        asking for work or dated; the whole run, or nothing."""
        leaves = [n for n in nodes if not n.children and not n.para.cells]
        if len(leaves) < 2 or len(leaves) != len(nodes):
            return []
        nominal = 0
        for node in leaves:
            text = node_text(node)
            if self.dated(text) or self.asks(text):
                return []
            nominal += bool(_NOMINAL.match(fold_keep(text)))
        # a long list may hold one odd entry ("Quản lý và duy trì trang thông tin")
        enough = nominal == len(leaves) or (len(leaves) >= 3 and 3 * nominal >= 2 * len(leaves))
        return leaves if enough else []

    def contents(self, nodes: list[Node]) -> list[Node]:
        """The parts a lead-in enumerates ("Hồ sơ bao gồm:" then "• Danh sách ký nhận
        ...", "• Biên bản họp ..."): the bullets after it that name a thing (open with a
        noun), ask for no work and have no date. A bullet among them that asks for work
        ("BCH đoàn khoa sẽ họp ...") stays a task."""
        out: list[Node] = []
        listing = False
        for node in nodes:
            if listing and node in leaf_bullets([node]):
                text = node_text(node)
                named = bool(_NOMINAL.match(fold_keep(text)))
                if named and not self.asks(text) and not self.timed(text):
                    out.append(node)
                continue
            listing = bool(_CONTENTS.search(fold_keep(node_text(node))))
        return out

    def standing(self, nodes: list[Node], under_unit_in_organization: bool) -> list[Node]:
        """A unit's standing duties in a plan's "Tổ chức thực hiện": of its dashed
        duties, those without a deadline when others have one (the ledger tracks the
        dated ones; "Xây dựng kế hoạch ...; gửi về Sở trước ngày 10/4")."""
        if not under_unit_in_organization:
            return []
        bullets = leaf_bullets(nodes)
        undated = [n for n in bullets if not self.timed(node_text(n))]
        return undated if len(undated) < len(bullets) else []

    def steps(self, nodes: list[Node], under_unit: bool) -> list[Node]:
        """Steps of one job, none naming who does it, the last one dated ("Truy cập hệ
        thống ...", "Cập nhật dữ liệu ...", "Lập báo cáo gửi trước ngày 16/10"): the
        dated step is the job the clerk follows; the undated steps before it."""
        bullets = leaf_bullets(nodes)
        if under_unit or len(bullets) < 3 or len(bullets) != len(nodes):
            return []
        if any(self.reader.read(node_text(n)).owners for n in bullets):
            return []
        undated = [n for n in bullets if not self.timed(node_text(n))]
        return undated if bullets[0] in undated and bullets[-1] not in undated else []

    def findings(self, lead: str, children: list[Node]) -> bool:
        """Whether sub-items list faults found ("tồn tại", "hạn chế", "lỗi", "sai sót")
        that the lead-in announces ("..., cụ thể:"), none with a deadline."""
        folded = fold_keep(lead).rstrip()
        if not (folded.endswith(":") and _FINDINGS.search(folded)):
            return False
        leaves = leaf_bullets(children)
        return len(leaves) == len(children) > 1 and not any(
            self.timed(node_text(c)) for c in leaves
        )

    def not_yet_done_by(self, text: str) -> list[Unit]:
        """Who a fault is left to ("... vẫn chưa được các đơn vị, cơ sở giáo dục khắc
        phục"): the units after "chưa được"."""
        folded = fold_keep(text)
        match = re.search(r"chua duoc\s+", folded)
        if match is None:
            return []
        units, _end = self.reader.units_at(text, folded, match.end(), introduced=True)
        return units

    def details(self, children: list[Node]) -> bool:
        """Whether sub-items only spell out their parent's job: "+" leaves that name no
        unit and ask nothing of anyone."""
        return all(
            c.kind == "plus"
            and not c.children
            and not self.asks(node_text(c))
            and not self.reader.read(node_text(c)).owners
            for c in children
        )


def leaf_bullets(nodes: list[Node]) -> list[Node]:
    """The dashed items of ``nodes`` that have no sub-items and are no table row."""
    return [
        n for n in nodes if n.kind in ("bullet", "plus") and not n.children and not n.para.cells
    ]


def has_date(found: list[Found]) -> bool:
    """Whether deadlines found in a text name a moment or a period (not "thường xuyên")."""
    return any(f.reading.kind != "none" for f in found)


def node_text(node: Node) -> str:
    """An item's text with the unmarked paragraphs under it."""
    return " ".join([node.para.text, *(p.text for p in node.body)]).strip()
