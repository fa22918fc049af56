"""The words of deadline phrases: the terminals of ``grammar.lark``.

A phrase is cut into tokens by one table of patterns (``PATTERNS``, tried in
order at each place of the folded text: lower case, no diacritics, so that
"truoc ngay 25/02/2019" reads like "trước ngày 25/02/2019"). A token is a
word or an atom whose inside needs no grammar: a date written with numbers,
a clock time, a weekday, a named period, a frequency. How atoms combine
(ranges, lists, recurrences, offsets) is the grammar's business.

Words the grammar has no use for become ``W`` (filler). Filler is kept only
where it can name an event ("trước khi thi lại", "45 ngày kể từ ngày bầu
cử"); elsewhere it is dropped and remembered, so that an unreadable phrase
can say which words were not understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from giaoban.deadline.normalize import Text
from giaoban.text import fold, loose

_B = r"(?!\w)"  # the end of a word
_L = r"(?![^\W\d_])"  # no letter follows (a digit may)
_D = r"(?:0?[1-9]|[12]\d|3[01])"  # a day of the month
_M = r"(?:0?[1-9]|1[0-2])"  # a month
_Y = r"(?:\d{4}|\d{2})"  # a year: two digits are 20yy
_SEP = r"\s*(?P<{}>[/.\-])\s*"
# "tháng 4/2022", "quý II, năm 2021", "tháng 7-2021"; not "tháng 11 – 12" (two months)
_YEAR_TAIL = r"(?:(?:\s*(?:[/.]|,?\s*năm)\s*|-|\s*-\s*(?=\d{{4}}))(?P<{}>\d{{4}}|\d{{2}})(?!\d))?"

# Number words, wherever a number can stand before a unit ("năm ngày"); keys folded.
NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}  # fmt: skip
_NW = r"(?:mười|mươi|một|mốt|hai|ba|bốn|năm|lăm|sáu|bảy|tám|chín)"
_UNIT_AHEAD = r"(?=\s+(?:ngày|tuần|tháng|năm|giờ|phút|lần|buổi)(?!\w))"
# Month names: "tháng Giêng" and "tháng Chạp" are lunar; "tháng Năm" is May.
MONTH_WORDS = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
    "thanh nien": 3,  # the Youth Union's "Tháng Thanh niên" is March
}  # fmt: skip
_MW = r"(?:giêng|chạp|mười\s+một|mười\s+hai|mười|một|hai|ba|tư|năm(?!\s+\d)|sáu|bảy|tám|chín)"
WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINALS = {"nhat": 1, "dau": 1, "dau tien": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5}
_STEMS = r"(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)"
_BRANCHES = r"(?:tý|sửu|dần|mão|mẹo|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi)"
_REL = r"(?:này|tới|sau|kế\s+tiếp|tiếp\s+theo|trước|liền\s+kề)"

# (terminal, pattern): tried in this order at each place; the first that matches wins.
# Written in Vietnamese; each also matches the words typed without diacritics (text.loose).
PATTERNS: tuple[tuple[str, str], ...] = (
    # -- document numbers name documents: "Thông tư 37/2019/TT-BYT", "số 123/QĐ-UBND" ------
    ("W", r"(?:số\s+)?\d+(?:/\d+)*/[a-zđ][\w\-]*(?:/[\w\-]+)*"),
    # -- idioms that are whole deadlines, or none ------------------------------------------
    ("WITH", r"theo\s+(?:yêu\s+cầu\s+(?:về\s+)?)?(?:thời\s+gian|thời\s+hạn|mốc)(?!\s+quy\s+định)"
             + _B + r"|theo\s+thông\s+báo(?!\s+sau)" + _B),
    ("SKIP", r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?=\s+sau" + _B + ")"),
    ("THROUGHOUT", r"trước\s*,?\s*trong\s*(?:,|và)\s*sau" + _B),  # "trước, trong và sau Tết"
    ("NONE", r"(?:thường\s+xuyên|kịp\s+thời|khẩn\s+trương|liên\s+tục|thường\s+trực|đột\s+xuất"
             r"|tạm\s+thời|trước\s+mắt|càng\s+sớm\s+càng\s+tốt|sớm\s+nhất\s+có\s+thể"
             r"|trong\s+thời\s+gian\s+sớm\s+nhất|khi\s+có\s+yêu\s+cầu|theo\s+yêu\s+cầu|khi\s+cần\s+thiết|khi\s+cần"
             r"|đúng\s+(?:thời\s+)?hạn|đúng\s+tiến\s+độ|đúng\s+thời\s+gian|đúng\s+quy\s+định"
             r"|theo\s+quy\s+định|theo\s+kế\s+hoạch|theo\s+tiến\s+độ|theo\s+lịch|theo\s+hướng\s+dẫn"
             r"|thời\s+điểm\s+thích\s+hợp|(?:có\s+)?thông\s+báo\s+sau|chủ\s+động|gấp|sớm(?!\s+nhất)"
             r"|ngay\s+lập\s+tức|suốt\s+năm|cả\s+năm|quanh\s+năm"
             r"|không\s+(?:quy\s+định|đặt\s+ra|có)\s+thời\s+hạn(?:\s+hoàn\s+thành)?"
             r"|(?:cho\s+)?(?:đến|tới)\s+khi\s+có\s+(?:thông\s+báo|quyết\s+định)"
             r"\s+(?:mới|khác))" + _B),
    # -- periods written as one unit ---------------------------------------------------------
    ("SCHOOLYEAR", r"(?:năm\s+học|nh)\s*:?\s*(?P<sy1>\d{4})\s*(?:-|/|đến|và)\s*(?P<sy2>\d{4}|\d{2})"
                   + _B),
    ("SEMESTER", r"(?:học\s+kỳ|học\s+kì|hk)\s*(?P<sem>iii|ii|i|[1-3]|hè|phụ)" + _B),
    ("RELSEMESTER", r"(?:học\s+kỳ|học\s+kì)\s+(?P<rs>" + _REL + ")" + _B),
    ("HALF", r"(?:(?P<hn>\d{1,2}|ba|sáu|chín)\s+tháng|nửa)\s+(?P<hside>đầu|cuối)\s+năm"
             r"(?:\s*,?\s*(?:năm\s+)?(?P<hy>\d{4}|\d{2})(?!\d))?"),
    ("QUARTER", r"quý\s+(?P<q>iv|iii|ii|i|[1-4])" + _B + _YEAR_TAIL.format("qy")),
    ("RELQUARTER", r"quý\s+(?P<rq>" + _REL + ")" + _B),
    ("QMONTH", r"tháng\s+(?P<qm>đầu|giữa|cuối)\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý" + _B),
    ("WEEKORD", r"tuần\s+(?:lễ\s+)?(?:thứ\s+)?(?P<wo>nhất|đầu\s+tiên|đầu|hai|ba|tư|năm"
                r"|cuối(?:\s+cùng)?|[1-5])" + _B
                + r"(?=\s*,?\s*(?:của|trong|hằng|hàng|mỗi)?\s*tháng)"),
    ("WEEK", r"tuần\s+(?:lễ\s+)?(?:thứ\s+)?(?P<wn>\d{1,2})(?!\d)" + _YEAR_TAIL.format("wy")),
    ("RELWEEK", r"tuần\s+(?P<rw>" + _REL + ")" + _B
                + r"|trong\s+tuần(?!\s*(?:\d|lễ|này|tới|sau|kế|tiếp|trước|thứ|cuối|đầu))"),
    ("PREVMONTHOF", r"tháng\s+(?:liền\s+kề\s+)?trước\s+(?:của\s+)?(?=tháng" + _B + ")"),
    ("MONTHMISSING", r"tháng\s+năm\s+\d{4}" + _B),  # "ngày 20 tháng năm 2012": no month
    ("MONTH", r"tháng\s+(?P<mm>\d{1,2})(?!\d)" + _YEAR_TAIL.format("my")),
    ("MONTHNAME", r"tháng\s+(?P<mw>thanh\s+niên)" + _B + r"(?:\s*,?\s*(?:năm\s+)?(?P<tny>\d{4}))?"),
    ("MONTHNAME", r"tháng\s+(?P<mw2>" + _MW + r")" + _B
                  + r"(?!\s*lần)(?:\s*,?\s*năm\s+(?P<mwy>\d{4}))?"),
    ("RELMONTH", r"tháng\s+(?P<rm>" + _REL + ")" + _B),
    ("MONTHREF", r"(?:của|trong|thuộc)\s+tháng" + _B
                 + r"(?!\s*(?:\d|này|tới|sau|kế|tiếp|trước|(?:đầu|giữa|cuối)\s+(?:của\s+)?"
                 r"(?:mỗi\s+|hằng\s+|hàng\s+)?quý))"),
    ("YEAR", r"năm\s+(?P<yy>\d{4})(?!\d)"),
    ("RELYEAR", r"năm\s+(?P<ry>" + _REL + ")" + _B),
    ("CANCHI", r"(?:năm\s+)?(?P<stem>" + _STEMS + r")\s+(?P<branch>" + _BRANCHES + ")" + _B),
    ("PART", r"(?P<part>đầu|giữa|cuối)(?=\s+(?:tháng|năm|quý)" + _B + ")"
             r"|(?P<tenth>thượng|trung|hạ)\s+tuần(?=\s+tháng" + _B + ")"),  # "trung tuần tháng 9"
    ("TET", r"tết(?:\s+nguyên\s+đán)?(?!\s+(?:dương|tây))" + _B),
    # -- recurrence ---------------------------------------------------------------------------
    ("TIMES", r"(?P<tn>\d{1,2}|một|hai|ba)\s*lần\s*(?:/|trên|mỗi|một|trong(?:\s+(?:một|1))?|1)\s*"
              r"(?P<tu>ngày|tuần|tháng|quý|năm)" + _B),
    ("TIMES", r"(?:1|một|mỗi)\s+(?P<tu2>ngày|tuần|tháng|quý|năm)\s+"
              r"(?P<tn2>\d{1,2}|một|hai|ba)\s+lần"
              + _B),  # "1 năm 2 lần"
    ("EVERY", r"(?P<en>\d{1,2}|hai|ba|bốn|sáu)\s*(?P<eu>ngày|tuần|tháng|năm)\s*"
              r"(?:/\s*|(?:một|1)\s+)lần"
              + _B),
    ("ONCE", r"(?P<on>\d{1,2}|một|hai|ba)\s+lần" + _B),  # "mỗi tháng 1 lần"
    ("MONTHLIST", r"tháng\s+(?P<ml>\d{1,2}(?:\s*[,;]\s*\d{1,2})+)(?!\d)"
                  r"(?:\s*(?:[/.\-]|,?\s*năm)\s*(?P<mly>\d{4}))?"),  # "tháng 6,7,8/2020"
    ("FREQ", r"(?:hằng|hàng|mỗi|từng)\s+(?P<fu>ngày|tuần|tháng|quý|năm)" + _B
             + r"|thường\s+niên(?P<fy>)" + _B),
    ("WORKDAYS", r"(?:tất\s+cả\s+)?(?:các|những)\s+ngày\s+làm\s+việc(?:\s+trong\s+tuần)?" + _B),
    ("PLURAL", r"(?:tất\s+cả\s+)?các\s+(?:ngày\s+)?"
               r"(?=(?:từ\s+)?(?:thứ|chủ\s+nhật|t[2-7]" + _B + "))"),
    ("PERIODIC", r"(?:định\s+kỳ|định\s+kì|thường\s+kỳ)" + _B),
    ("REPORT", r"(?:của\s+|thuộc\s+)?kỳ\s+báo\s+cáo(?:\s+(?:đó|này))?" + _B),
    ("LASTDAY", r"ngày\s+cuối\s+(?:cùng\s+)?(?:của\s+|trong\s+)?(?=tháng)"),
    # -- days and moments ------------------------------------------------------------------------
    ("TIME", r"(?<![\d/.])(?P<h>[01]?\d|2[0-4])\s*(?:giờ|g|h)" + _L
             + r"(?:\s*(?P<min>[0-5]?\d)(?!\d|\s*[/.]\s*\d|-\d{1,2}[/.\-]\d)"
             r"(?:\s*(?:phút|p|')" + _L + r")?|\s*(?P<half>rưỡi)(?!\w))?"
             r"(?:\s*,?\s*(?:buổi\s+)?(?P<tpart>sáng|trưa|chiều|tối|đêm)(?!\w))?"
             r"|(?<![\d/.])(?P<ch>[01]?\d|2[0-4]):(?P<cm>[0-5]\d)(?!\w)"),
    ("DATE", r"(?:ngày\s+|mùng\s+|mồng\s+)?(?<![\d/.])(?P<ld>" + _D + r"|rằm)\s+tháng\s+(?P<lm>"
             + _M + r"|" + _MW + r")(?![\d/.])"
             r"(?:\s*,?\s*năm\s+(?P<ly>\d{4}|\d{2})(?!\d))?"),
    ("DATE", r"(?:ngày\s+)?(?<![\d/.])(?P<d>" + _D + r")" + _SEP.format("s") + r"(?P<m>" + _M
             + r")(?:\s*(?P=s)\s*(?P<y>" + _Y + r"))?(?![\d/.]?\d)(?!\s+tháng" + _B + ")"),
    ("DATE", r"ngày\s+(?P<sd>" + _D + r")\s(?P<sm>" + _M + r")"
             r"(?:\s(?P<sy>\d{4}|\d{2}))?(?![\d/.])"),
    ("DATE", r"(?<![\d/.])(?P<pd>" + _D + r")\s(?P<pm>" + _M + r")\s(?P<py>\d{4})(?!\d)"),
    ("MDAY", r"(?:ngày|mùng|mồng|rằm)\s+(?P<md>" + _D + r")(?![\d/.])"
             r"|(?P<ram>rằm)" + _B),
    ("RELDAY", r"(?:ngày\s+)?(?P<rd>hôm\s+nay|mai|ngày\s+kia|mốt|hôm\s+sau)" + _B),
    ("REFDAY", r"ngày\s+(?:ra|ký|ban\s+hành|phát\s+hành|đăng\s+tải)"
               r"(?:\s+(?:thông\s+báo|văn\s+bản|kết\s+luận|công\s+văn|kế\s+hoạch|quyết\s+định))?"
               r"(?:\s+này)?" + _B
               + r"|(?:ngày\s+)?(?:thông\s+báo|văn\s+bản|kết\s+luận|công\s+văn|kế\s+hoạch"
               r"|quyết\s+định)\s+(?:này\s+)?(?:được\s+)?(?:ký|ban\s+hành)" + _B
               + r"|ngày\s+thông\s+báo(?:\s+này)?" + _B),
    ("NOW", r"(?:hôm\s+)?nay" + _B),
    ("WEEKDAY", r"(?:thứ\s*(?P<wd>[2-7]|hai|ba|tư|năm|sáu|bảy)|t(?P<wt>[2-7])(?![/.\-]?\d)"
                r"|(?P<cn>chủ\s*nhật|cn))(?!\w)"
                r"(?:\s*,?\s*(?:của\s+)?tuần\s+(?P<wr>" + _REL + r")(?!\w))?"),
    ("NUM", r"(?P<nw>" + _NW + r"(?:\s+" + _NW + r")*)" + _B + _UNIT_AHEAD),
    ("YEARNUM", r"(?<![\d/.])(?P<yn>(?:19|20)\d{2})(?!\d)"),
    ("NUM", r"(?P<n>\d+)"),
    # -- units of an offset ------------------------------------------------------------------------
    ("UNIT", r"(?P<u>ngày|tuần|tháng|quý|năm|giờ)(?:\s+đêm)?(?P<lv>\s+làm\s+việc)?" + _B),
    # -- words that link the parts ----------------------------------------------------------------
    ("LATEST", r"(?:chậm\s+nhất|muộn\s+nhất|trễ\s+nhất|hạn\s+cuối|hạn\s+chót|không\s+quá"
               r"|không\s+vượt\s+quá|tối\s+đa|hạn\s+nộp|thời\s+hạn|hạn)" + _B),
    ("EARLIEST", r"(?:sớm\s+nhất|tối\s+thiểu|ít\s+nhất)" + _B),
    ("UPTO", r"tính\s+(?:đến|tới)" + _B),
    # "kể từ", "có hiệu lực từ": since (a start); "từ", "bắt đầu từ": from (a time to be there)
    ("FROM", r"(?P<since>có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?|tính\s+kể\s+từ"
             r"|kể\s+từ|tính\s+từ)(?:\s+khi)?" + _B
             + r"|(?:bắt\s+đầu\s+từ|bắt\s+đầu|từ)(?:\s+khi)?" + _B),
    ("TO", r"(?:cho\s+đến|đến|tới|kết\s+thúc(?:\s+vào)?)(?:\s+khi)?" + _B + r"|-|~|→|÷|->"),
    ("HET", r"hết" + _B),
    ("BEFORE", r"trước(?:\s+khi)?" + _B),
    ("AFTER", r"sau(?:\s+khi)?" + _B),
    ("WITH", r"(?:cùng\s+(?:lúc\s+)?với|đồng\s+thời\s+với|cùng\s+thời\s+gian\s+với)" + _B),
    ("IN", r"(?:trong\s+vòng|trong\s+thời\s+hạn|trong\s+thời\s+gian|trong\s+khoảng|trong)" + _B),
    ("AND", r"và" + _B + r"|&|,|;"),
    ("OR", r"hoặc" + _B + r"|/"),  # two deadlines to choose from: no rule reads them
    ("LUNAR", r"(?:theo\s+)?(?:âm\s+lịch|al)" + _B),
    ("SOLAR", r"(?:theo\s+)?(?:dương\s+lịch|dl)" + _B),
    ("TUC", r"(?:tức\s+là|tức|nhằm)" + _B),
    ("SKIP", r"sắp\s+(?:tới|đến)" + _B),  # "ngày 24/3 sắp đến": the coming one
    ("SKIP", r"\(\s*" + _NW + r"(?:\s+" + _NW + r")*\s*\)"  # "ngày 06 (sáu)": the number in words
             r"|(?:là|vào|lúc|các|những|mốc|nhất\s+là|tại|của|thuộc|cả)" + _B
             + r"|[():.!?*\"'“”‘’]"),
    ("NONE", r"ngay" + _B),  # "ngay" without its accent: at once ("ngày" is a day)
    ("W", r"\w+|[^\s\w]"),
)  # fmt: skip

# Text typed with diacritics is read by the patterns as written ("sau" is "after", "sáu" six);
# text without them, or a reading that failed so, by the loose patterns.
_STRICT = re.compile("|".join(f"(?P<_{i}>{p})" for i, (_, p) in enumerate(PATTERNS)))
_LOOSE = re.compile("|".join(f"(?P<_{i}>{loose(p)})" for i, (_, p) in enumerate(PATTERNS)))
_NAMES = tuple(name for name, _ in PATTERNS)

# Linking words: a run of them is one LEAD token ("chậm nhất đến hết", "trong vòng").
LEAD_WORDS = frozenset({"BEFORE", "LATEST", "IN", "TO", "HET", "AFTER", "EARLIEST", "UPTO"})
# Where a filler word may begin the name of an event.
ANCHOR_TAKERS = frozenset({"LEAD", "FROM", "WITH", "PREVMONTHOF"})
# Tokens that say something about time: an event's name runs up to the next of them.
_TIMELY = frozenset(
    {"DATE", "MDAY", "TIME", "WEEKDAY", "NUM", "MONTH", "MONTHNAME", "RELMONTH", "QUARTER",
     "RELQUARTER", "HALF", "WEEK", "RELWEEK", "YEAR", "RELYEAR", "SCHOOLYEAR", "SEMESTER",
     "RELDAY", "TET", "REFDAY", "FREQ", "PERIODIC", "TIMES", "EVERY", "YEARNUM", "RELSEMESTER",
     "WORKDAYS", "MONTHLIST"}
)  # fmt: skip
# Commas join the items of a list only between items of a list.
_LIST_ITEMS = frozenset({"NUM", "MDAY", "DATE"})
_PERIODS = frozenset(
    {"MONTH", "MONTHNAME", "MONTHLIST", "QUARTER", "WEEK", "YEAR", "YEARNUM", "HALF"}
)


@dataclass(frozen=True)
class Tok:
    """One token: its terminal, its parts, and where it stands in the phrase."""

    type: str
    start: int
    end: int
    parts: dict[str, str] = field(default_factory=dict)
    remark: bool = False  # inside brackets: a remark the reading may leave out

    def get(self, name: str) -> str | None:
        return self.parts.get(name)

    def retyped(self, kind: str) -> Tok:
        return Tok(kind, self.start, self.end, self.parts, self.remark)


@dataclass
class Lexed:
    tokens: list[Tok]
    dropped: list[Tok]  # filler left out, for messages


def _group_names(master: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """The names of the parts of each pattern of ``master``, by the pattern's place."""
    names: list[list[str]] = [[] for _ in PATTERNS]
    for name, _ in sorted(master.groupindex.items(), key=lambda item: item[1]):
        if name.startswith("_"):
            current = int(name[1:])
        else:
            names[current].append(name)
    return tuple(tuple(n) for n in names)


_GROUPS = _group_names(_STRICT)


def _parts(m: re.Match[str], index: int) -> dict[str, str]:
    """The named parts of a match, folded ("cuối" as "cuoi") and single-spaced."""
    found = {}
    for name in _GROUPS[index]:
        written = m.group(name)
        if written is not None:
            found[name] = fold(written)
    return found


def has_marks(text: Text) -> bool:
    """Whether the phrase was typed with Vietnamese diacritics."""
    return any(not ch.isascii() and ch.isalpha() for ch in text.low)


def scan(text: Text, strict: bool = True) -> tuple[Tok, ...]:
    """Every token of the text, in order (``SKIP`` words left out)."""
    return _scan(text.low, strict and has_marks(text))


@lru_cache(maxsize=256)  # a phrase is lexed again without its events, or loosely
def _scan(low: str, strict: bool) -> tuple[Tok, ...]:
    found: list[Tok] = []
    master = _STRICT if strict else _LOOSE
    depth = 0
    for m in master.finditer(low):
        index = int(m.lastgroup[1:]) if m.lastgroup else len(PATTERNS) - 1
        kind = _NAMES[index]
        if kind == "SKIP":
            depth = max(0, depth + {"(": 1, ")": -1}.get(m.group(0), 0))
        else:
            found.append(Tok(kind, m.start(), m.end(), _parts(m, index), depth > 0))
    return tuple(found)


def lex(text: Text, anchors: bool = True, strict: bool = True, remarks: bool = True) -> Lexed:
    """The tokens the grammar reads, and the filler left out.

    - A unit word with no number before it is filler ("trước ngày thi"),
      except "ngay" written without its accent: "at once", no deadline.
    - A number right after a filler word and before no unit or separator
      ("lớp 10", "Điều 5") is part of that filler: a label, not a time.
    - A comma is ``AND`` only between items of a list ("2, 3 và 4/1/2014",
      "thứ 2, 4, 6"); elsewhere it is punctuation.
    - A run of linking words is one ``LEAD``.
    - No-deadline words give way to any dated part ("thường xuyên, trước
      ngày 25 hằng tháng" is the monthly duty).
    - ``strict``: words typed with diacritics must be the words of the
      patterns ("Sau ngày" is "after", not "six days"); else any word may
      lack its marks (OCR, plain e-mail).
    - Without ``remarks``, what stands in brackets is left out ("chậm nhất
      đến ngày 13/4/2021 (40 ngày trước ngày bầu cử)").
    - With ``anchors``, filler right after a word that can take an event
      begins the event's name, which runs to the next word about time or to
      the end; other filler is left out. Without, all filler is left out.
    """
    raw = [t for t in scan(text, strict) if remarks or not t.remark]
    tokens: list[Tok] = []
    for i, tok in enumerate(raw):
        before = tokens[-1] if tokens else None
        after = raw[i + 1] if i + 1 < len(raw) else None
        if tok.type == "MDAY" and before is not None and before.type == "NUM":
            # "trong 2 ngày 14 và 15-1-2022": the unit of the number before, then a day
            unit_end = tok.start + len(text.low[tok.start :].split()[0])
            tokens.append(Tok("UNIT", tok.start, unit_end, {"u": "ngay"}))
            tok = Tok(
                "NUM", text.low.index(tok.parts["md"], unit_end), tok.end, {"n": tok.parts["md"]}
            )
        elif tok.type == "UNIT" and (before is None or before.type not in ("NUM", "PART")):
            bare = text.orig[tok.start : tok.end].lower() == "ngay"
            tok = Tok("NONE" if bare else "W", tok.start, tok.end)
        elif tok.type == "NUM" and _labels(before, text):
            if after is None or after.type != "UNIT" or "nw" in tok.parts:
                tok = tok.retyped("W")  # "lớp 10", "trọng tâm tháng": a label, not a number
        elif tok.type == "AND" and text.low[tok.start] == "," and not _joins_list(before, after):
            continue
        if tok.type in LEAD_WORDS:
            tok = _lead(tok, before, tokens)
        tokens.append(tok)
    return _events(_give_way(_neighbours(tokens, text)), anchors)


def _neighbours(tokens: list[Tok], text: Text) -> list[Tok]:
    """Fixes that look at both neighbours of a token.

    - A number before a filler word counts something else ("03 buổi").
    - "và" between filler joins filler ("Ngày Chữ thập đỏ và Trăng lưỡi liềm đỏ").
    - "ngay" before a linking word makes it "at once" ("ngay sau khi ...").
    - A dash before "âm lịch" only separates it.
    """
    out: list[Tok] = []
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        both_filler = getattr(before, "type", None) == getattr(after, "type", None) == "W"
        if tok.type == "NUM" and after is not None and after.type == "W":
            if text.low[tok.end : after.start].isspace():
                tok = tok.retyped("W")
        elif tok.type == "AND" and both_filler and text.low[tok.start] != ",":
            tok = tok.retyped("W")
        elif tok.type == "NONE" and after is not None and after.type == "LEAD":
            if text.low[tok.start : tok.end] == "ngay":  # "ngay sau khi": at once after
                tokens[i + 1] = Tok(
                    "LEAD", tok.start, after.end, {"words": "now " + after.parts["words"]}
                )
                continue
        elif tok.type == "LEAD" and after is not None and after.type in ("LUNAR", "SOLAR"):
            if text.low[tok.start : tok.end] == "-":
                continue
        out.append(tok)
    return out


_TIME_WORDS = frozenset({"ngay", "tuan", "thang", "quy", "nam", "gio", "phut"})


def _labels(before: Tok | None, text: Text) -> bool:
    """Whether a number right after ``before`` is a label ("lớp 10", "Điều 5").

    A number after a word about time ("ngày 32", "năm 99999") is a day, month
    or year the patterns could not read: never a label.
    """
    if before is None or before.type != "W":
        return False
    word = text.low[before.start : before.end].split()[-1]
    return word.isalpha() and fold(word) not in _TIME_WORDS


def _lead(tok: Tok, before: Tok | None, tokens: list[Tok]) -> Tok:
    """``tok`` as a LEAD, joined to the LEAD before it."""
    words = tok.type.lower()
    if before is not None and before.type == "LEAD":
        tokens.pop()
        return Tok("LEAD", before.start, tok.end, {"words": before.parts["words"] + " " + words})
    return Tok("LEAD", tok.start, tok.end, {"words": words})


def _joins_list(before: Tok | None, after: Tok | None) -> bool:
    if before is None or after is None:
        return False
    if before.type == "WEEKDAY":
        return after.type in ("NUM", "WEEKDAY")
    if before.type in _PERIODS:
        return after.type in _PERIODS
    return before.type in _LIST_ITEMS and after.type in _LIST_ITEMS


def _give_way(tokens: list[Tok]) -> list[Tok]:
    if all(t.type in ("NONE", "W", "AND", "LEAD") for t in tokens):
        return tokens
    return [t.retyped("W") if t.type == "NONE" else t for t in tokens]


def _events(tokens: list[Tok], anchors: bool) -> Lexed:
    kept: list[Tok] = []
    dropped: list[Tok] = []
    for i, tok in enumerate(tokens):
        in_event = anchors and bool(kept) and kept[-1].type == "W"
        if in_event and not any(t.type in _TIMELY for t in tokens[i:]):
            kept[-1] = Tok("W", kept[-1].start, tok.end)  # the event's name runs on to the end
        elif tok.type != "W":
            kept.append(tok)
        elif in_event:
            kept[-1] = Tok("W", kept[-1].start, tok.end)
        elif anchors and kept and kept[-1].type in ANCHOR_TAKERS:
            kept.append(tok)
        else:
            dropped.append(tok)
    return Lexed(_merge_leads(kept), dropped)


def _merge_leads(tokens: list[Tok]) -> list[Tok]:
    """Join LEADs that filler left out had kept apart ("đến Văn phòng trước ngày ...").

    "và" before a linking word joins two clauses, not two items: "bắt đầu từ
    tháng 4 và (hoàn thành) trong tháng 5".
    """
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t.type == "AND" and i + 1 < len(tokens) and tokens[i + 1].type == "LEAD")
    ]
    while len(tokens) > 1 and tokens[-1].type in ("LEAD", "AND") and tokens[-2].type != "W":
        tokens = tokens[:-1]  # "từ 25.11 đến 15.12 tới", "…, trong giờ hành chính": links nothing
    merged: list[Tok] = []
    for tok in tokens:
        if tok.type == "LEAD" and merged and merged[-1].type == "LEAD":
            words = merged[-1].parts["words"] + " " + tok.parts["words"]
            merged[-1] = Tok("LEAD", merged[-1].start, tok.end, {"words": words})
        else:
            merged.append(tok)
    return merged


def number(tok: Tok) -> int:
    """The value of a ``NUM`` token, written in digits or in words."""
    digits = tok.get("n")
    if digits is not None:
        return int(digits)
    return words_value(tok.get("nw") or "")


def words_value(words: str) -> int:
    """ "năm" 5, "mười lăm" 15, "hai mươi" 20, "bốn mươi lăm" 45."""
    total, current = 0, 0
    for word in words.split():
        value = NUMBER_WORDS[word]
        if value == 10:
            current = (current or 1) * 10
        else:
            current += value
    return total + current


def value(tok: Tok, name: str, table: dict[str, int] | None = None) -> Any:
    """A part of ``tok`` as a number (or looked up in ``table``), or None."""
    written = tok.get(name)
    if written is None:
        return None
    written = " ".join(written.split())
    if table is not None and written in table:
        return table[written]
    return int(written) if written.isdigit() else None
