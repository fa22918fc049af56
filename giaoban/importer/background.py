"""Sentences that give the background of the work, not the work.

A notice, or a news item reporting one, says what it rests on ("Căn cứ Quy chế
...", "Theo đó, thực hiện Công văn số 2964/VPCP-TH ...") and that a document was
issued ("Ủy ban nhân dân tỉnh vừa ban hành Công văn số 1974/UBND-KGVX ..."). Such
a clause asks nothing of anyone unless it makes a request itself; the builder
keeps it as a comment at the end of the draft, never as a task.
"""

from __future__ import annotations

import re

from giaoban.importer.omit import REQUEST
from giaoban.importer.words import fold_keep

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
