"""Folding that keeps positions, and the word lists the importer's readers share.

Matching is done on a fold of the text that keeps its length
(:func:`giaoban.model.text.fold_keep`: no case, no diacritics, "đ" as "d"), so
that text without diacritics (OCR) reads like the original and a match in
the fold is a slice of the original. Where the original does carry
diacritics, a :class:`Lexicon` also checks them, so that "bản" is not read as
"ban" nor "tờ" as "tổ".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from giaoban.model.text import fold_keep


def _marks_key(text: str) -> tuple[str, tuple[str, ...]]:
    """Letters and diacritics of ``text``, blind to case and to where a tone sits."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d\u0335"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    marks = tuple(sorted(c for c in decomposed if unicodedata.combining(c)))
    return " ".join(letters.split()), marks


class Lexicon:
    """Phrases matched on the fold, and on their diacritics where the text has them."""

    def __init__(self, phrases: str) -> None:
        self._forms: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
        for phrase in (p.strip() for p in phrases.split("|")):
            if phrase:
                self._forms[fold_keep(phrase)].add(_marks_key(phrase))
        alternatives = sorted(self._forms, key=len, reverse=True)
        self._each = [(alt, re.compile(_pattern([alt]))) for alt in alternatives]
        self.regex = re.compile(_pattern(alternatives))

    def _accepts(self, text: str, match: re.Match[str]) -> bool:
        written = text[match.start() : match.end()]
        if written.isascii():
            return True
        return _marks_key(written) in self._forms[" ".join(match.group(0).split())]

    def match(self, text: str, folded: str, pos: int) -> re.Match[str] | None:
        """The longest phrase at ``pos`` that is there as written."""
        found = self.regex.match(folded, pos)
        if found is None or self._accepts(text, found):
            return found
        for alt, regex in self._each:  # the longest failed its diacritics: try shorter ones
            if len(alt) < len(found.group(0)) and folded.startswith(alt[:1], pos):
                shorter = regex.match(folded, pos)
                if shorter and self._accepts(text, shorter):
                    return shorter
        return None

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        for found in self.regex.finditer(folded):
            if self._accepts(text, found):
                yield found


def _pattern(alternatives: list[str]) -> str:
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
    return r"(?<![\w&])(?:" + body + r")(?![\w&])"


def capitalized(text: str) -> str:
    """``text`` with its first letter in capitals, the rest as written."""
    return text[:1].upper() + text[1:] if text else text


# Verbs and modal words that follow the subject of a task sentence ("Văn phòng
# Trung ương Đoàn *tham mưu* ..."): a unit phrase ends where one starts.
VERBS = Lexicon(
    "tham mưu|chủ trì|phối hợp|chuẩn bị|tổ chức|triển khai|thực hiện|xây dựng|rà soát|"
    "rà duyệt|báo cáo|tổng hợp|nghiên cứu|hướng dẫn|chỉ đạo|theo dõi|đôn đốc|kiểm tra|nộp|"
    "gửi|cập nhật|phổ biến|khẩn trương|chủ động|tiếp tục|tăng cường|đẩy mạnh|hoàn thành|"
    "hoàn thiện|có trách nhiệm|cử|bố trí|căn cứ|kiên trì|quan tâm|chịu trách nhiệm|"
    "chấn chỉnh|sắp xếp|thành lập|lựa chọn|chọn|phân công|phát động|tiếp thu|tập trung|"
    "trích yếu|đề xuất|sẽ|cần|phải|đảm bảo|bảo đảm|duy trì|làm|lập|ban hành|tiếp nhận|"
    "nhận|xem xét|phát huy|nâng cao|thống nhất|giám sát|bám sát|tiến hành|tuyên truyền|"
    "vận động|trình|đăng ký|liên hệ|cung cấp|hỗ trợ|tự|tham gia|tham dự|có mặt|khắc phục|"
    "xác định|đánh giá|áp dụng|ứng dụng|sử dụng|xử lý|giải quyết|quán triệt|lồng ghép|"
    "công khai|niêm yết|kịp thời|gấp|nhanh chóng|gương mẫu|nắm bắt|phân bổ|tiếp|có|"
    "điều chỉnh|chuyển|dành|đưa|mua sắm|sửa chữa|học tập|tích cực|nghiêm túc|thường xuyên|"
    "định kỳ|cụ thể hóa|cụ thể hoá|xin ý kiến|tổng kết|sơ kết|rút kinh nghiệm|đề nghị|"
    "phát hiện|tuyên dương|tiếp công dân|làm đầu mối|bổ sung|rà soát lại|phụ trách|nắm|"
    "nắm được|biết|lưu ý|thi đua|đẩy nhanh|đổi mới|phấn đấu|gởi|xác nhận|họp|liên kết|"
    "thông báo đến|thông báo cho|thông báo tới|thông báo về việc|chú trọng|trực tiếp"
)
# Verbs that open a job of Vietnamese administration ("rà soát ...", "báo cáo ..."): after
# "," or "và", one starts a job of its own when the words before it hold a whole job
JOB_VERBS = Lexicon(
    "triển khai|rà soát|tổng hợp|báo cáo|tham mưu|chỉ đạo|kiểm tra|hướng dẫn|phối hợp|"
    "xây dựng|hoàn thiện|đề xuất|chuẩn bị|tổ chức|thống kê|đôn đốc|theo dõi|cập nhật|"
    "xử lý|giải quyết|nghiên cứu|đánh giá|lập"
)
# a request or an assignment in folded text: "đề nghị", "yêu cầu", "giao nhiệm vụ
# cho", "giao cho" (not "giao ban", a briefing)
_REQUEST_WORDS = "de nghi|yeu cau"
ASSIGNS = re.compile(rf"(?<![\w])(?:{_REQUEST_WORDS}|giao nhiem vu|giao cho)(?![\w])")
# a request alone, in folded text: "đề nghị", "yêu cầu"
REQUEST = re.compile(rf"(?<![\w])(?:{_REQUEST_WORDS})(?![\w])")
# the words of a leader's directions or conclusions
DIRECTION_WORDS = "(?:chi dao|ket luan|y kien)"
# a leader's directions or conclusions that a list of jobs follows ("ông X chỉ đạo:",
# "UBND tỉnh có ý kiến chỉ đạo như sau:", "kết luận như sau:")
DIRECTIONS = re.compile(rf"(?<![\w]){DIRECTION_WORDS}(?:\s+nhu sau)?\s*:")
# the levels of local government, folded: a group may list them ("UBND các huyện, thị
# xã, thành phố"), a place names one ("huyện Hiệp Hòa")
DIVISIONS = frozenset({"tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran"})
# Words that introduce the owner of a task ("Giao Văn phòng ...", "đề nghị các ban ...").
TRIGGERS = Lexicon("đề nghị|giao|giao cho|giao nhiệm vụ cho|yêu cầu|phân công|đồng thời giao")
# Leader titles before a unit that the task is really for ("Trưởng các ban, đơn vị").
LEADERS = Lexicon(
    "lãnh đạo|các đồng chí lãnh đạo|đồng chí lãnh đạo|trưởng|thủ trưởng|cấp trưởng|"
    "các đồng chí cấp trưởng|tập thể|tập thể lãnh đạo"
)
# The staff of a unit a task is really for ("lãnh đạo, công chức, viên chức và người lao
# động Văn phòng UBND tỉnh"): listed before the unit, they stand for it.
STAFF = Lexicon(
    "lãnh đạo|cán bộ|công chức|viên chức|người lao động|nhân viên|đảng viên|đoàn viên|"
    "hội viên|công nhân viên chức|cán bộ, công chức|toàn thể cán bộ"
)
# Words that open a unit's name (besides names in the registry): the kinds of bodies of
# Vietnamese administration, party, mass organisations and schools, and of the state's
# branch offices every district has ("Chi cục Thuế huyện", "Kho bạc Nhà nước huyện",
# "Bảo hiểm xã hội huyện", "Hạt Kiểm lâm huyện", "Trạm Y tế xã"), never one body's name.
HEADS = Lexicon(
    "ban|văn phòng|phòng|sở|bộ|trung tâm|công an|ủy ban|uỷ ban|ubnd|hđnd|hội đồng|"
    "thanh tra|đoàn|chi đoàn|đảng ủy|đảng uỷ|thường trực|tiểu ban|nhà trường|trường|"
    "cơ sở|hiệu trưởng|giám đốc|phó giám đốc|trưởng phòng|cá nhân|giáo viên|bộ phận|hội|"
    "liên đoàn|ban chỉ huy|báo|đài|viện|cục|vụ|tỉnh đoàn|thành đoàn|huyện đoàn|đơn vị|"
    "cơ quan|tổ chức|chủ tịch|phó chủ tịch|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|cấp ủy|"
    "cấp uỷ|ban thường vụ|ban bí thư|phòng gd&đt|sở gd&đt|đảng bộ|chi bộ|ban giám hiệu|"
    "các đồng chí|đồng chí|sinh viên|học sinh|giảng viên|cố vấn học tập|giáo vụ|khoa|"
    "lớp|chi hội|công đoàn|ban chấp hành|bch|ngành|địa phương|chủ đầu tư|liên chi đoàn|"
    "liên chi hội|chi cục|tổng cục|kho bạc|bảo hiểm xã hội|bhxh|hạt|trạm|ngân hàng|"
    "điện lực|bệnh viện|tòa án|toà án|bưu điện|mặt trận|công ty|hợp tác xã"
)
# Determiners that may stand before a head word.
DETERMINERS = Lexicon("các|mỗi|toàn thể|tất cả|những|từng|tất cả các")
# Persons are owners only after a trigger word ("Phân công Ông X chỉ đạo ...").
PERSONS = Lexicon("ông|bà|đồng chí|đ/c|các đồng chí")
