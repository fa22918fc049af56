"""Sentences that give the background of the work, not the work.

A notice, or a news item reporting one, says what it rests on ("Căn cứ Quy chế
...", "Theo đó, thực hiện Công văn số 2964/VPCP-TH ...") and that a document was
issued ("Ủy ban nhân dân tỉnh vừa ban hành Công văn số 1974/UBND-KGVX ..."). Such
a clause asks nothing of anyone unless it makes a request itself; the builder
keeps it as a comment at the end of the draft, never as a task.
"""

from __future__ import annotations

import re

from giaoban.importer.words import ASSIGNS, DIRECTIONS, REQUEST, TRIGGERS, VERBS, fold_keep

BACKGROUND = "căn cứ, văn bản được thực hiện hay vừa ban hành: bối cảnh, không giao việc"

_DOCUMENT = (
    r"(?:cong van|ke hoach|quyet dinh|chi thi|nghi quyet|thong bao|huong dan|van ban|"
    r"thong tu|nghi dinh|quy che|quy dinh|luat|dieu le)"
)
# the basis a text rests on: "Căn cứ Điều lệ ...", "Căn cứ Quyết định số ..."
_BASIS = re.compile(rf"^(?:theo do\s*,\s*)?can cu\s+(?:vao\s+|theo\s+)?{_DOCUMENT}\b")
# a numbered document carried out or issued: "Thực hiện Công văn số 2964/VPCP-TH",
# "UBND tỉnh vừa ban hành Công văn số 1974/UBND-KGVX" (a document still to be written
# has no number yet)
_CITED = re.compile(rf"^(?:theo do\s*,\s*)?thuc hien\s+{_DOCUMENT}\s+so\b")
_ISSUED = re.compile(rf"\bban hanh\s+{_DOCUMENT}\s+so\s+\d")
# a news item's lead naming whose directions it reports ("Đó là một trong những ý kiến
# chỉ đạo của ông X tại cuộc họp ..."): the directions follow, the lead gives none
_REPORTED = re.compile(
    r"^do la\s+(?:mot trong (?:nhung|so)\s+|nhung\s+|mot\s+)?"
    r"(?:y kien chi dao|noi dung chi dao|chi dao|ket luan|yeu cau|de nghi)\b"
)


# a news item's report, no request: figures given on a body's word ("Theo Phòng Nông
# nghiệp huyện, ...", "Theo số liệu thống kê, ..."), a forecast ("Dự kiến, tại kỳ họp
# ..., UBND tỉnh sẽ trình ..."), what follows if the work is not done ("Sau thời hạn
# trên, nếu các đơn vị không ..., Sở sẽ ...")
REPORT = "tường thuật (số liệu, việc dự kiến, chế tài nếu không làm): không giao việc"
_ATTRIBUTED = re.compile(
    r"^theo\s+(?:phong|so|ban|cuc|bo|uy ban|ubnd|so lieu|bao cao|thong ke)\b[^,.;]{0,80},"
)
_FORECAST = re.compile(r"^du kien\s*,")
_SANCTION = re.compile(r"^(?:(?:qua|sau)\s+thoi han\b[^,.;]{0,20},\s*)?neu\b[^.;]*?\bse\b")


def background(text: str, dated: bool) -> str:
    """Why ``text`` is background, no task ("" when it may be one): it names whose
    directions a news item reports ("Đó là ý kiến chỉ đạo của ..."), says what follows
    if the work is not done, or, requesting nothing, reports (figures on a body's word,
    a forecast, undated), opens with the basis it rests on ("Căn cứ Quy chế ...",
    undated), or cites a numbered document it carries out or reports as issued."""
    folded = fold_keep(text).strip()
    if _REPORTED.match(folded):
        return BACKGROUND
    sanction = _SANCTION.match(folded)
    if sanction and not REQUEST.search(folded, 0, sanction.end()):
        return REPORT  # "..., Sở sẽ ... yêu cầu Kho bạc ...": the speaker's own step
    if REQUEST.search(folded):
        return ""
    if _ATTRIBUTED.match(folded) or (_FORECAST.match(folded) and not dated):
        return REPORT
    if (_BASIS.match(folded) and not dated) or _CITED.match(folded) or _ISSUED.search(folded):
        return BACKGROUND
    return ""


DESCRIPTION = (
    "câu tả tình hình (không đề nghị, không nêu đơn vị làm, không có hạn): không giao việc"
)
# a sentence that goes on with the request before it ("Và thông qua các bài viết ... để
# chắt lọc ...", "Đồng thời, ..."): part of what is asked
_GOES_ON = re.compile(r"^(?:va|dong thoi)\b")


def untold(text: str, dated: bool, names_unit: bool) -> str:
    """Why a sentence of a news report is no job ("" when it may be one): it asks nothing
    ("đề nghị", "yêu cầu", "giao", a leader's directions), names no unit that acts, has no
    time, neither goes on with the request before it ("Và ...", "Đồng thời ...") nor opens
    with a verb as a direction does ("Tập trung chỉ đạo ..."); it describes ("Các xã này
    có ít diện tích lúa ...", "Năm 2020 hỗ trợ làm 975 nhà ...", "Sáng ngày 10/9, gần 300
    sinh viên đã ...")."""
    if dated or names_unit:
        return ""
    folded = fold_keep(text).strip()
    if REQUEST.search(folded) or ASSIGNS.search(folded) or DIRECTIONS.search(folded):
        return ""
    if _GOES_ON.match(folded) or any(True for _ in TRIGGERS.finditer(text, folded)):
        return ""
    return "" if VERBS.match(text.strip(), folded, 0) else DESCRIPTION
