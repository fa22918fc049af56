"""The words of deadline phrases: the terminals of ``grammar.lark``, as one table.

``PATTERNS`` lists each terminal with the pattern of the words it stands for,
written in Vietnamese; the lexer (:mod:`giaoban.deadline.lexer`) tries them in
order at each place of the phrase. A token is a word or an atom whose inside
needs no grammar: a date written with numbers, a clock time, a weekday, a
named period, a frequency. How atoms combine (ranges, lists, recurrences,
offsets) is the grammar's business. The word tables give the values of the
words the patterns capture (folded: "cuối" as "cuoi").
"""

from __future__ import annotations

import re

from giaoban.deadline.scanner import Scanner
from giaoban.model.text import loose

_B = r"(?!\w)"  # the end of a word
_L = r"(?![^\W\d_])"  # no letter follows (a digit may)
_D = r"(?:0?[1-9]|[12]\d|3[01])"  # a day of the month
_M = r"(?:0?[1-9]|1[0-2])"  # a month
_Y = r"(?:\d{4}|\d{2})"  # a year: two digits are 20yy
_SEP = r"\s*(?P<{}>[/.\-])\s*"
# A year written after a space alone, as a heading writes it ("Tháng Hai 2021", "quý I 2024"):
# four digits of this era, not a count of something ("tháng 3 2000 người" is no year)
_BARE_YEAR = r"\s+(?=(?:19|20)\d\d(?!\d)(?!\s*(?:ngày|tuần|tháng|năm|giờ|phút|lần|người)(?!\w)))"
# "tháng 4/2022", "quý II, năm 2021", "tháng 7-2021", "tháng 2 2021"; not "tháng 11 – 12" (two
# months)
_YEAR_TAIL = (
    r"(?:(?:\s*(?:[/.]|,?\s*năm)\s*|-|\s*-\s*(?=\d{{4}})|"
    + _BARE_YEAR
    + r")(?P<{}>\d{{4}}|\d{{2}})(?!\d))?"
)

# Words that may follow "tháng" before a year in a month's own phrases (not a campaign's name)
_MONTH_AFTER = (
    r"(?:đầu|giữa|cuối|còn|của|trong|thuộc|thứ|này|tới|sau|kế|tiếp|trước|liền|vừa|ngoái|năm"
    r"|âm|dương|lịch|báo|đó|ấy|cùng|nay|đến|từ|và|hoặc|hằng|hàng|mỗi|từng|các|liên|tục"
    r"|giêng|chạp|mười|một|hai|ba|tư|sáu|bảy|tám|chín)" + _B
)

# The words of a season's or a campaign's name, up to its year
_SEASON_WORDS = r"(?:\s+(?!(?:năm|từ|đến|tới|trong|của)" + _B + r")[^\W\d_]+)"

# "vụ" that is part of a word ("nhiệm vụ", "dịch vụ"): no crop season
_NOT_A_CROP = "".join(
    rf"(?<!{w}\s)" for w in ("nhiệm", "phục", "dịch", "nghĩa", "chức", "nghiệp", "sự")
)
_CROP = r"(?:mùa|hè|" + _NOT_A_CROP + r"vụ)"

# A campaign month's name up to its year, after "tháng": "cao điểm vệ sinh môi trường 2024"
_CAMPAIGN_NAMED = (
    r"(?!" + _MONTH_AFTER + r")[^\W\d_]+" + _SEASON_WORDS + r"{0,7}\s*,?\s*(?:năm\s+)?\d{4}(?!\d)"
)

# Number words, wherever a number can stand before a unit ("năm ngày"); keys folded.
NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}  # fmt: skip
_NW = r"(?:mười|mươi|một|mốt|hai|ba|bốn|năm|lăm|sáu|bảy|tám|chín)"
# "sáu (06) tháng": the number again in digits may stand between the words and the unit
_UNIT_AHEAD = r"(?=\s+(?:\(\s*\d+\s*\)\s*)?(?:ngày|tuần|tháng|năm|giờ|phút|lần|buổi)(?!\w))"
# Month names: "tháng Giêng" and "tháng Chạp" are lunar; "tháng Năm" is May.
MONTH_WORDS = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
    # campaign months named each year by a national body: the Youth Union's "Tháng Thanh
    # niên" is March, the trade unions' "Tháng Công nhân" and the Red Cross's "Tháng Nhân
    # đạo" May; a campaign month not here is an error (SEASON), never its year
    "thanh nien": 3, "cong nhan": 5, "nhan dao": 5,
}  # fmt: skip
_CAMPAIGN = r"(?:thanh\s+niên|công\s+nhân|nhân\s+đạo)"
_MW = r"(?:giêng|chạp|mười\s+một|mười\s+hai|mười|một|hai|ba|tư|năm(?!\s+\d)|sáu|bảy|tám|chín)"
WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINALS = {
    "nhat": 1, "dau": 1, "dau tien": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "nam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}  # fmt: skip
# A unit alone that is the notice's own: "trong tháng", "đến hết năm", "còn lại của quý"
_OWN = r"(?:trong\s+|(?<=hết\s)|(?<=lại\scủa\s)|(?<=lại\strong\s))"
_STEMS = r"(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)"
_BRANCHES = r"(?:tý|sửu|dần|mão|mẹo|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi)"
_REL = (
    r"(?:này|tới|sau|kế\s+tiếp|tiếp\s+theo|trước|vừa\s+(?:qua|rồi)"
    r"|liền\s+(?:kề\s+)?(?:trước|sau)|liền\s+kề)"
)
# What the words of _REL, folded, count from the notice's period: "tháng này" 0, "tuần tới" 1.
# "liền kề" alone is the next one, as "thứ 6 tuần liền kề" and "ngày làm việc liền kề" are;
# "liền kề trước", "liền trước", "vừa qua", "vừa rồi" (and "năm ngoái") the one before.
RELATIVE = {
    "nay": 0, "toi": 1, "sau": 1, "ke tiep": 1, "tiep theo": 1, "truoc": -1,
    "lien ke": 1, "lien ke sau": 1, "lien sau": 1, "lien ke truoc": -1, "lien truoc": -1,
    "vua qua": -1, "vua roi": -1, "ngoai": -1,
}  # fmt: skip

# "hoàn thành trong năm", "trong tháng.", "đến hết năm": the notice's own year, month (nothing
# after it)
_ALONE = r"(?=\s*(?:$|[,;.)]))"

# What may follow the words of the notice's own day ("ngày ký", "ngày ra thông báo này"): the
# end, a mark, a day written after it, or a linking word; any other word names another act.
_OWN_DAY_ENDS = (
    r"(?=\s*(?:$|[,;.:()\[\]–\-]|\d|(?:đến|tới|cho\s+đến|trong|và|thì|là|trở\s+đi"
    r"|có\s+hiệu\s+lực)(?!\w)))"
)

# Words after "vào ngày" that say which day, not which event ("vào ngày mai", "vào dịp Tết").
_NOT_EVENT = (
    r"thứ|chủ|chúa\s+nh(?:ật|ựt)|mai|mốt|kia|hôm|mùng|mồng|rằm|cuối|đầu|giữa|làm|nghỉ|lễ|tết|này|đó|hẹn|liền|tiếp"
    r"|trước|sau|hằng|hàng|mỗi|các|những|tháng|năm|tuần|sáng|chiều|trưa|tối|đêm|hôm|cn|t[2-7]"
)

# "... hoặc 30-4 tùy tình hình": a day that may replace the deadline on a condition (a remark,
# and a warning: parse.py)
CONDITIONAL_DAY = r"hoặc\s+(?:(?:đến|tới|hết|ngày)\s+)*\d[^()]*?\s+tùy\s+(?:theo\s+)?[^()]*$"

# Sunday: "chủ nhật", and "Chúa nhật" as parishes write it ("Sáng Chúa nhật 10/12"); "nhựt",
# "nhật" as the South says and writes it ("Chủ nhựt", "mỗi Chúa nhựt")
_SUNDAY = r"(?:chủ|chúa)\s*nh(?:ật|ựt)"
# Weekdays ahead: "(các ngày) thứ 7, chủ nhật"
_WEEKDAYS_AHEAD = r"\s+(?:(?:các|những)\s+)?(?:ngày\s+)?(?:thứ|" + _SUNDAY + r"|t[2-7]|cn)" + _B

# The words after "năm học" that count from the notice's school year: "này", "tới"; "trước",
# "sau" at the end only ("năm học trước ngày 31-5" is before a day)
_SY_REL, _SY_SIDE = r"nay|này|tới|kế\s+tiếp|tiếp\s+theo", r"trước|sau"

# A school term a week is counted in: "học kỳ (II) (năm học 2024-2025)", "HK hè", "năm học"
_TERM = (
    r"(?:học\s+kỳ|học\s+kì|hk)(?:\s*(?:iii|ii|i|[1-3]|hè|phụ)" + _B + r")?"
    r"(?:\s+năm\s+học\s*\d{4}\s*[-–/]\s*\d{2,4})?"
    r"|năm\s+học(?:\s*\d{4}\s*[-–/]\s*\d{2,4})?|khóa\s+học"
)


def _of_term(group: str) -> str:
    return r"\s*,?\s*(?:(?:của|trong|thuộc)\s+)?(?P<" + group + ">" + _TERM + ")" + _B


_WEEK_NO = r"\d{1,2}|nhất|nhì|đầu\s+tiên|đầu|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
# The n-th week of a month: "tuần đầu", "tuần thứ hai", "tuần cuối cùng", "tuần 3"
_WEEK_ORD = r"nhất|nhì|đầu\s+tiên|đầu|hai|ba|tư|năm|cuối(?:\s+cùng)?|[1-5]"

# (terminal, pattern): tried in this order at each place; the first that matches wins.
# Written in Vietnamese; each also matches the words typed without diacritics (text.loose).
PATTERNS: tuple[tuple[str, str], ...] = (
    # -- document numbers name documents: "Thông tư 37/2019/TT-BYT", "số 123/QĐ-UBND" ------
    ("W", r"(?:số\s+)?\d+(?:/\d+)*/[a-zđ][\w\-]*(?:/[\w\-]+)*"),
    # -- a heading before the phrase: "Thời hạn: ...", "Thời gian thực hiện: ..." -------------
    ("SKIP", r"^(?:thời\s+hạn|thời\s+gian|thời\s+điểm|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp"
             r"|gửi|báo\s+cáo|xử\s+lý|tổ\s+chức))?\s*:"),
    # -- idioms that are whole deadlines, or none ------------------------------------------
    ("WITH", r"theo\s+(?:yêu\s+cầu\s+(?:về\s+)?)?(?:thời\s+gian|thời\s+hạn|mốc)(?!\s+quy\s+định)"
             + _B + r"|theo\s+thông\s+báo(?!\s+sau)" + _B),
    ("SKIP", r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?=\s+sau" + _B + ")"),
    # "trước, trong và sau Tết", "trước và sau Tết": all the while, no deadline
    ("THROUGHOUT", r"trước\s*,?\s*(?:trong\s*(?:,|và)|và)\s*sau" + _B),
    # "những tháng còn lại của năm 2019", "thời gian còn lại của quý III": from the notice to
    # the end of that period, as "từ nay đến hết năm 2019" (the scanner gives those tokens)
    ("REST", r"(?<!số\s)(?:(?:các|những)\s+)?(?:ngày|tuần|tháng|quý|thời\s+gian)\s+còn\s+lại\s+"
             r"(?:của|trong)(?=\s+(?:năm|quý|tháng|tuần|học\s+kỳ)" + _B + ")"),
    # "năm 2024 và các năm tiếp theo", "(từ) năm 2025 trở đi": from then on, no end
    ("ONWARD", r"(?:và\s+)?(?:các|những)\s+năm\s+(?:tiếp\s+theo|kế\s+tiếp|sau|tới|về\s+sau)" + _B
               + r"|trở\s+(?:đi|về\s+sau)" + _B),
    # "trước khi nghỉ Tết", "sau kỳ nghỉ Tết": the break, an event whose days each year's
    # calendar sets (not Tết's first day, nor no deadline as "trong thời gian nghỉ Tết")
    ("W", r"(?:(?<=khi\s)|(?<=kỳ\s))nghỉ\s+tết(?:\s+(?:nguyên\s+đán|cổ\s+truyền|âm\s+lịch))?" + _B),
    # "thường xuyên từ thứ Hai đến thứ Sáu", "thường xuyên vào thứ 5": on those days every
    # week, as "định kỳ" before them (alone, or before a deadline, it is no deadline)
    ("PERIODIC", r"thường\s+xuyên(?=(?:\s+(?:vào|từ|các|những|ngày|buổi|sáng|chiều|tối))*"
                 r"\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)" + _B
                 + r"(?!\s*,?\s*(?:tuần|ngày\s+\d|\d))(?!.*\d\s*[/.\-]\s*\d))"),
    ("NONE", r"(?:thường\s+xuyên|kịp\s+thời|khẩn\s+trương|liên\s+tục|thường\s+trực|đột\s+xuất"
             r"|tạm\s+thời|trước\s+mắt|càng\s+sớm\s+càng\s+tốt|sớm\s+nhất\s+có\s+thể"
             r"|trong\s+thời\s+gian\s+(?:sớm|nhanh|ngắn|gần)\s+nhất|khi\s+có\s+yêu\s+cầu|theo\s+yêu\s+cầu|khi\s+cần\s+thiết|khi\s+cần"
             r"|đúng\s+(?:thời\s+)?hạn|đúng\s+tiến\s+độ|đúng\s+thời\s+gian|đúng\s+quy\s+định"
             r"|đúng\s+(?:kế\s+hoạch|lộ\s+trình)"
             r"|theo\s+quy\s+định|theo\s+kế\s+hoạch|theo\s+tiến\s+độ|theo\s+lịch|theo\s+hướng\s+dẫn"
             r"|(?:thời\s+điểm|thời\s+gian)\s+(?:thích|phù)\s+hợp|(?:có\s+)?thông\s+báo\s+sau|chủ\s+động|gấp|sớm(?!\s+(?:nhất|hơn))"
             r"|(?:ngay\s+)?lập\s+tức|nhanh\s+nhất(?:\s+có\s+thể)?|(?:suốt|cả|quanh)\s+năm(?:\s+học)?(?!\s+học|\s*\d)|đúng\s+giờ"
             # on request, on instruction, as things turn out, not yet fixed
             r"|khi\s+có\s+(?:chỉ\s+đạo|ý\s+kiến\s+chỉ\s+đạo|đề\s+nghị|thông\s+tin(?:\s+chính\s+thức)?)"
             r"|tùy\s+(?:theo\s+)?(?:tình\s+hình|điều\s+kiện)(?:\s+thực\s+tế)?"
             # when conditions allow: a condition, no event with a day
             r"|khi\s+(?:có\s+)?(?:điều\s+kiện|tình\s+hình)(?:\s+cho\s+phép)?"
             r"|chưa\s+(?:xác\s+định|ấn\s+định|có)\s+(?:thời\s+gian|thời\s+hạn|ngày)"
             # "ngay trong ngày": at once, that day (not "ngay trong ngày tổ chức": on its day)
             r"|ngay\s+trong\s+(?:đêm|ngày)(?=\s*(?:$|[,;.)]))"
             r"|(?:vào\s+)?(?:bất\s+(?:kỳ|kì|cứ)\s+(?:lúc|khi|thời\s+điểm|thời\s+gian|ngày|giờ)"
             r"\s+nào|mọi\s+lúc|mọi\s+thời\s+điểm)"
             r"|đúng\s+theo\s+(?:thời\s+gian|thời\s+hạn|quy\s+định|kế\s+hoạch)(?:\s+quy\s+định)?"
             # (after "trước khi", "sau khi" the break is an event: "trước khi nghỉ Tết")
             r"|(?<!khi\s)(?<!kỳ\s)(?:trong\s+)?(?:thời\s+gian\s+|dịp\s+)?nghỉ\s+tết(?:\s+nguyên\s+đán)?"
             r"|không\s+(?:quy\s+định|đặt\s+ra|có)\s+thời\s+hạn(?:\s+hoàn\s+thành)?"
             r"|(?:cho\s+)?(?:đến|tới)\s+khi\s+có\s+(?:thông\s+báo|quyết\s+định)"
             r"\s+(?:mới|khác)"
             # as things arise, long-term, as scheduled, in the coming days, while it lasts
             r"|khi\s+(?:có\s+)?(?:phát\s+sinh|sự\s+cố|xảy\s+ra)|lâu\s+dài"
             r"|theo\s+(?:đúng\s+)?(?:thời\s+gian|thời\s+hạn)\s+quy\s+định|(?:theo\s+)?đúng\s+lịch"
             r"|chưa\s+có\s+lịch|(?:trong\s+)?(?:thời\s+gian\s+)?sắp\s+tới"
             r"|(?:trong\s+)?(?:những|các)\s+ngày\s+(?:tới|sắp\s+tới)"
             r"|trong\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|tới|sau)"
             r"|(?:trong\s+)?(?:suốt\s+)?quá\s+trình"
             r"|(?:trong|ngoài)\s+giờ\s+(?:hành\s+chính|làm\s+việc))" + _B),
    # -- periods written as one unit ---------------------------------------------------------
    ("SCHOOLYEAR", r"(?:năm\s+học|niên\s+khóa|niên\s+khoá|niên\s+học|nh)\s*:?\s*(?P<sy1>\d{4})"
                   r"\s*(?:-|/|đến|và)\s*(?P<sy2>\d{4}|\d{2})" + _B),
    ("SEMESTER", r"(?:học\s+kỳ|học\s+kì|hk)\s*(?P<sem>iii|ii|i|[1-3]|hè|phụ)" + _B),
    ("RELSEMESTER", r"(?:học\s+kỳ|học\s+kì)\s+(?P<rs>" + _REL + ")" + _B),
    # "năm học này / tới": the notice's school year, or the next ("Kết thúc năm học trước
    # ngày 31-5": "trước" before a day is "before", not "last")
    ("RELSCHOOLYEAR", r"năm\s+học\s+(?:(?P<rsy>" + _SY_REL + ")" + _B
                      + r"|(?P<rsy2>" + _SY_SIDE + ")" + _ALONE + ")"
                      # "trong năm học", "hết năm học", "cuối năm học", "từ đầu năm học đến nay":
                      # a school year without its years (resolve.py), never the calendar year's
                      # "năm" with "học" left out
                      + r"|(?:trong\s+|(?<=hết\s)|(?<=đầu\s)|(?<=giữa\s)|(?<=cuối\s))năm\s+học"
                      + _B + r"(?!\s*(?:" + _SY_REL + ")" + _B
                      + r"|\s*(?:" + _SY_SIDE + ")" + _ALONE + r"|\s*[:\-–]?\s*\d"
                      + r"|\s+(?:sinh|viên|tập|phí|bổng|bạ|vụ|kỳ|kì)" + _B + ")"),
    ("HALF", r"(?:(?P<hn>\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+tháng|nửa)\s+"
             r"(?P<hside>đầu|cuối|(?<=nửa\s)(?:sau|trước))\s+năm"  # "nửa sau năm": "nửa cuối"
             r"(?:\s*,?\s*(?:năm\s+)?(?P<hy>\d{4}|\d{2})(?!\d)|\s+(?P<hr>nay|này|sau|tới|trước)"
             + _B + ")?"),  # "6 tháng đầu năm nay / năm sau"
    # "quý I, II/2024", "quý III và IV năm 2024": from the first quarter to the end of the last
    ("QUARTER", r"quý\s+(?P<ql>(?:iv|iii|ii|i|[1-4])"
                r"(?:\s*(?:,|và|&)\s*(?:quý\s+)?(?:iv|iii|ii|i|[1-4]))+)"
                + _B + _YEAR_TAIL.format("qly")),
    ("QUARTER", r"quý\s+(?P<q>iv|iii|ii|i|[1-4])" + _B + _YEAR_TAIL.format("qy")),
    ("RELQUARTER", r"quý\s+(?P<rq>" + _REL + ")" + _B + r"|" + _OWN + r"quý" + _ALONE),
    # "ngày 25 của tháng cuối kỳ báo cáo": a month of a report period of several months, whose
    # length the phrase does not state (a quarter, a half-year, a year)
    ("REPORT", r"(?:(?:của|thuộc)\s+)?tháng\s+(?P<rpm>đầu|cuối)\s+(?:(?:của|thuộc)\s+)?"
               r"kỳ\s+báo\s+cáo" + _B),
    # "tháng đầu tiên của quý tiếp theo": the first month of each quarter, as "tháng đầu quý sau"
    ("QMONTH", r"tháng\s+(?P<qm>đầu|giữa|cuối)(?:\s+(?:tiên|cùng))?\s+(?:của\s+)?"
               r"(?:mỗi\s+|hằng\s+|hàng\s+)?quý(?:\s+(?:tiếp\s+theo|kế\s+tiếp|liền\s+sau))?" + _B),
    # "thứ Hai đầu tiên của mỗi tháng", "thứ Sáu cuối cùng của tháng": the n-th weekday
    ("WEEKORD", r"(?P<wo2>đầu\s+tiên|cuối\s+cùng)(?:\s+trong(?=\s+tháng\s*\d))?"  # of a named month
                r"(?=\s*(?:(?:của|trong|hằng|hàng|mỗi)\s+)*tháng" + _B + ")"
                # "thứ Hai đầu tháng", "thứ Sáu cuối tháng": the first or last of the month
                r"|(?P<wo3>đầu|cuối)(?=\s+(?:(?:của|mỗi|hằng|hàng|từng)\s+)?tháng" + _B
                + r"(?!\s*\d))"),
    # "tuần thứ 2 và thứ 4 hằng tháng", "tuần thứ hai và tuần thứ tư": several weeks of it
    ("WEEKORD", r"tuần\s+(?:lễ\s+)?(?:thứ\s+)?(?P<wo>" + _WEEK_ORD + ")" + _B
                + r"(?P<wol>(?:\s*(?:,|và)\s*(?:tuần\s+(?:lễ\s+)?)?(?:thứ\s+)?(?:" + _WEEK_ORD
                + ")" + _B + ")*)"
                + r"(?=\s*,?\s*(?:(?:của|trong|hằng|hàng|mỗi|từng)\s+)*tháng" + _B + ")"),
    # "tuần thứ 2 của học kỳ", "hết tuần học thứ 7 của HK": a week of a school term, counted
    # from the term's first week, which the school sets: not an ISO week (the term's label, if
    # any, names the event counted from)
    ("SCHOOLWEEK", r"tuần\s+(?:lễ\s+)?(?:thứ\s+)?(?P<swn>" + _WEEK_NO + ")" + _B
                   + _of_term("swl")
                   + r"|tuần\s+học\s+(?:thứ\s+)?(?P<swn2>" + _WEEK_NO + ")" + _B
                   + "(?:" + _of_term("swl2") + ")?"),
    # "tuần thứ hai" is the second week as "tuần thứ 2" is: "thứ hai" after "tuần" is no Monday
    ("WEEK", r"tuần\s+(?:lễ\s+)?(?:(?:thứ\s+)?(?P<wn>\d{1,2})(?!\d)"
             r"|thứ\s+(?P<wnw>nhất|nhì|hai|ba|tư|năm)" + _B + ")" + _YEAR_TAIL.format("wy")),
    ("RELWEEK", r"tuần\s+(?P<rw>" + _REL + ")" + _B
                + r"|trong\s+tuần(?!\s*(?:\d|lễ|này|tới|sau|kế|tiếp|trước|liền|vừa|thứ|cuối|đầu))"
                + r"|(?:(?<=hết\s)|(?<=cuối\s)|(?<=đầu\s)|(?<=giữa\s))tuần" + _ALONE),
    ("PREVMONTHOF", r"tháng\s+(?:liền\s+kề\s+)?trước\s+(?:của\s+)?(?=tháng" + _B + ")"),
    # "(trong) 3 tháng 6, 7 và 8/2020": a count of the months, then the months
    ("MONTHLIST", r"(?=[\dhbs])(?<![\d/.])(?P<mlc>\d|hai|ba|bốn|sáu)\s+tháng\s+"
                  r"(?P<ml2>\d{1,2}(?:\s*(?:[,;]|và)\s*\d{1,2})+)(?!\d)"
                  r"(?:\s*(?:[/.\-]|,?\s*năm)\s*(?P<mly2>\d{4}))?(?![\d/.]?\d)"),
    ("MONTHLIST", r"tháng\s+(?P<ml>\d{1,2}(?:\s*(?:[,;]|,?\s*và)\s*\d{1,2})+)(?!\d)"
                  r"(?:\s*(?:[/.\-]|,?\s*năm)\s*(?P<mly>\d{4}))?"),  # "tháng 6,7,8/2020"
    # "tháng 1-3-5-7-9-11": three or more months joined by dashes are a list (a range has two
    # ends), not a month and days ("3-5" is no 3 May here)
    ("MONTHLIST", r"tháng\s+(?P<mld>\d{1,2}(?:\s*-\s*\d{1,2}){2,})(?![\d/.\-])"),
    # "tháng 8 - 9/2024": a range of months that shares the year written after the second
    ("MONTHLIST", r"tháng\s+(?P<mra>\d{1,2})\s*[-–—]\s*(?P<mrb>\d{1,2})(?!\d)"
                  r"\s*(?:[/.\-]|,?\s*năm)\s*(?P<mry>\d{4})(?![\d/.]?\d)"),
    # "(8 và 9/2019)", "6, 7 và 8/2020": months with "tháng" left out, as "(6/2024)" is one
    ("MONTHLIST", r"(?<![\d/.])(?<!ngày\s)(?<!số\s)"
                  r"(?P<ml3>(?:0?[1-9]|1[0-2])(?:\s*(?:,|,?\s*và)\s*(?:0?[1-9]|1[0-2]))+)"
                  r"\s*/\s*(?P<mly3>\d{4})(?![\d/.])"),
    ("MONTHMISSING", r"tháng\s+năm\s+\d{4}" + _B),  # "ngày 20 tháng năm 2012": no month
    ("MONTH", r"tháng\s+(?P<mm>\d{1,2})(?!\d)" + _YEAR_TAIL.format("my")),
    # "hoàn thành trong 2/2021", "(6/2021)", "từ tháng 7 đến 8.2020": a month and its year,
    # "tháng" left out (not a day without its month, "ngày 2/2021"; not a number, "số 2/2021")
    ("MONTH", r"(?<![\d/.])(?<!ngày\s)(?<!số\s)(?P<bm>0?[1-9]|1[0-2])(?:\s*/\s*|\.)"
              r"(?P<bmy>\d{4})(?![\d/.])"),
    ("MONTHNAME", r"tháng\s+(?P<mw>" + _CAMPAIGN + ")" + _B
                  + r"(?:\s*,?\s*(?:năm\s+)?(?P<tny>\d{4}))?"),
    ("MONTHNAME", r"tháng\s+(?P<mw2>" + _MW + r")" + _B
                  + r"(?!\s*lần)(?:\s*,?\s*năm\s+(?P<mwy>\d{4})|" + _BARE_YEAR
                  + r"(?P<mwy2>\d{4}))?"),
    ("RELMONTH", r"tháng\s+(?P<rm>" + _REL + ")" + _B + r"|" + _OWN + r"tháng" + _ALONE),
    ("MONTHREF", r"(?:của|trong|thuộc)\s+tháng" + _B
                 + r"(?!\s*(?:\d|này|tới|sau|kế|tiếp|trước|liền|vừa"
                 r"|(?:đầu|giữa|cuối)(?:\s+(?:tiên|cùng))?"
                 r"\s+(?:của\s+)?"
                 r"(?:mỗi\s+|hằng\s+|hàng\s+)?quý|" + _CAMPAIGN + "|" + _MW + _B + "|"
                 # "trong tháng cao điểm ... 2024": a campaign month's name (SEASON)
                 + _CAMPAIGN_NAMED + "))"
                 # "ngày 25 tháng báo cáo": of each report month, as "ngày 25 của tháng báo cáo"
                 # (it had been the notice's month)
                 r"|(?<=\d\s)tháng(?=\s+báo\s+cáo" + _B + ")"),
    ("YEAR", r"năm\s+(?P<yy>\d{4})(?!\d)"),
    ("RELYEAR", r"năm\s+(?P<ry>nay|ngoái|" + _REL + ")" + _B
                + r"|" + _OWN + r"năm" + _ALONE),
    ("CANCHI", r"(?:năm\s+)?(?P<stem>" + _STEMS + r")\s+(?P<branch>" + _BRANCHES + ")" + _B),
    # a season or a campaign named with its year, whose days the phrase does not give:
    # "hè 2020", "mùa hanh khô 2021-2022", "vụ Đông Xuân 2025-2026"; a campaign month not
    # known ("Tháng hành động vì bình đẳng giới năm 2024", "tháng cao điểm 2023"), not one of
    # its parts or neighbours ("tháng đầu năm 2024", "những tháng còn lại của năm 2019")
    # and so one named with a year counted from the notice's ("trước mùa mưa bão năm nay", "vụ
    # Đông Xuân năm sau", "hè năm nay"); "nhiệm vụ", "dịch vụ", ... are no crop's "vụ"
    ("SEASON", _CROP + _SEASON_WORDS + r"{0,3}\s*,?\s*năm\s+(?:nay|ngoái|" + _REL + ")" + _B),
    ("SEASON", r"(?:" + _CROP + _SEASON_WORDS + "{0,3}|tháng(?=\\s+(?!" + _MONTH_AFTER
               + "|" + _CAMPAIGN + r")[^\W\d_])" + _SEASON_WORDS + r"{1,8})\s*,?\s*"
               r"(?:năm\s+)?\d{4}(?:\s*[-–/]\s*(?:\d{4}|\d{2}))?(?!\d)"),
    # "cuối mỗi tháng", "đầu hằng tháng": that part of every month (its frequency follows);
    # "cuối mỗi quý", "đầu hằng năm": its last or first month
    # "5 ngày đầu mỗi tháng", "3 ngày cuối hằng tháng": that many days of it
    ("MONTHPART", r"(?:(?P<mpn>\d{1,2})\s+ngày\s+(?=(?:đầu|cuối)\s+(?:mỗi|hằng|hàng|từng)\s+tháng"
                  + _B + "))?"
                  r"(?P<mp>đầu|giữa|cuối)\s+(?=(?:mỗi|hằng|hàng|từng)\s+(?P<mpu>tháng|quý)"
                  + _B + ")"
                  r"|(?P<mpy>đầu|cuối)\s+(?=(?:mỗi|hằng|hàng|từng)\s+năm" + _B + r"(?!\s*h[oọ]c))"),
    # "nửa đầu tháng 4", "nửa tháng cuối tháng 3": a half of the month, not a third;
    # "nửa sau / nửa trước tháng 8" the second or the first half ("sau" no later month);
    # "nửa đầu quý 3": a half of the quarter, not its first month
    ("PART", r"(?:(?P<nua>nửa)\s+(?:tháng\s+)?(?=(?:đầu|cuối|sau|trước)\s+(?:của\s+)?(?:tháng|quý)"
             + _B + "))?"
             r"(?P<part>đầu|giữa|cuối|(?<=nửa\s)(?:sau|trước)(?=\s+(?:của\s+)?(?:tháng|quý)" + _B
             + "))"
             r"(?=\s+(?:của\s+)?(?:tháng|năm|quý|tuần|học\s+kỳ|học\s+kì)" + _B + ")"
             r"|(?P<tenth>thượng|trung|hạ)\s+tuần(?=\s+tháng" + _B + ")"),  # "trung tuần tháng 9"
    # "Tết", "Tết Nguyên đán", "Tết cổ truyền", "Tết âm lịch": the lunar new year
    ("TET", r"tết(?:\s+(?:nguyên\s+đán|cổ\s+truyền))?(?:\s+(?:âm\s+lịch|âl))?"
            r"(?!\s+(?:dương|tây))" + _B),
    # -- recurrence ---------------------------------------------------------------------------
    # "1 lần/tháng", "2 - 3 lần/tuần" (a count of times given as a range: several), "2 buổi/tuần",
    # "1 ngày/tháng": how often, not which days
    ("TIMES", r"(?P<tn>\d{1,2}|một|hai|ba)(?:\s*(?:-|–|đến|tới)\s*(?P<tn3>\d{1,2}|hai|ba))?\s*"
              r"(?:(?:lần|buổi|đợt)\s*(?:/|trên|mỗi|một|trong(?:\s+(?:một|0?1))?|0?1)"
              # "01 ngày trong 01 tuần": a day in each week
              r"|ngày\s*(?:/|mỗi|(?:trên|trong)\s+(?:một|0?1)))\s*(?P<tu>ngày|tuần|tháng|quý|năm)"
              + _B),
    # "3 ngày trong tháng", "03 tháng trong năm": that many in each unit, no deadline counted
    # from the notice (not "15 ngày trong tháng 6", "2 ngày trong tuần này": days of that one)
    ("TIMES", r"(?P<tn4>\d{1,2}|một|hai|ba)\s+(?:ngày|tháng)\s+trong\s+(?P<tu4>tuần|tháng|quý|năm)"
              r"(?!\w|\s*(?:\d|[ivx]+" + _B + r"|(?:này|nay|tới|sau|kế|tiếp|trước|liền|vừa|qua"
              r"|học|đó|ấy)" + _B + "))"),
    ("TIMES", r"(?:(?P<ti>\d{1,2}|hai|ba|bốn|năm|sáu)|một|mỗi)\s+"
              r"(?P<tu2>ngày|tuần|tháng|quý|năm)\s+(?:(?:ít\s+(?:nhất|là)|tối\s+thiểu)\s+)?"
              r"(?P<tn2>\d{1,2}|một|hai|ba)\s+(?:lần|buổi|đợt)"
              + _B),  # "1 năm 2 lần", "một tuần hai buổi", "05 năm 02 lần": twice in five years;
    # "một năm ít là một lần", "mỗi tháng tối thiểu 1 lần": at least, as often
    # "cứ sáu tháng", "cứ mỗi 2 năm": every that many (after "cứ" no count from the notice);
    # "cứ" opens its clause (not "bầu cử 70 ngày" typed without marks)
    ("EVERY", r"(?<![^\W\d_]\s)cứ\s+(?:mỗi\s+)?"
              r"(?P<en4>\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+hai)?)"
              r"\s+(?P<eu4>ngày|tuần|tháng|quý|năm)" + _B
              + r"(?:\s*(?:/\s*(?:(?:một|1)\s*)?|(?:một|1)\s+)lần" + _B + ")?"),
    ("EVERY", r"(?P<en>\d{1,2}|hai|ba|bốn|sáu)\s*(?P<eu>ngày|tuần|tháng|năm)\s*"
              r"(?:/\s*(?:(?:một|1)\s*)?|(?:một|1)\s+)lần"  # "6 tháng/lần", "3 tháng/1 lần"
              + _B),
    # "quý họp một lần", "5 năm tổ chức đại đám một lần": the unit, what is done, once
    ("EVERY", r"(?:(?P<en2>\d{1,2}|hai|ba|bốn|năm|sáu)\s+)?(?P<eu2>tuần|tháng|quý|năm)\s+"
              r"(?:(?!lần" + _B + r")[^\W\d]+\s+){0,4}(?:một|1)\s+lần" + _B),
    # "thứ 2 cách tuần", "cách ngày một lần": every other day, week or month (not "cách ngày
    # khai mạc 10 ngày", a distance from an event: only before an end, a link or a weekday)
    ("EVERY", r"cách\s+(?P<eu3>ngày|tuần|tháng)(?:\s+(?:một|1)\s+lần)?" + _B
              + r"(?=\s*(?:$|[,;.)(]|(?:vào|từ|lúc|trong|thứ|chủ|cn|t[2-7]|ngày|các|và)" + _B
              + "))"),
    ("ONCE", r"(?P<on>\d{1,2}|một|hai|ba)\s+lần" + _B),  # "mỗi tháng 1 lần"
    # "mỗi học kỳ", "đầu mỗi năm học": by the school calendar, whose days the phrase does not give
    ("PERIODIC", r"(?:(?:đầu|cuối)\s+)?(?:mỗi|hằng|hàng|từng)\s+(?:(?:đầu|cuối)\s+)?"
                 r"(?:học\s+kỳ|học\s+kì|năm\s+học)" + _B),
    # "(tất cả) các ngày trong tuần", "cả 7 ngày trong tuần": every day of the week
    ("FREQ", r"(?:hằng|hàng|mỗi|từng)\s+(?P<fu>ngày|tuần|tháng|quý|năm)" + _B
             + r"|thường\s+niên(?P<fy>)" + _B
             # "vào những năm chẵn": every other year, the even ones (or the odd, "lẻ")
             + r"|(?:các|những)\s+năm\s+(?P<fpar>chẵn|lẻ)" + _B
             + r"|(?:(?:tất\s+)?cả\s+)?(?:các|những|7|bảy)\s+(?P<fu2>ngày)\s+trong\s+tuần" + _B
             # "24/24 (giờ)": round the clock, every day ("24/7" is also 24 July: not read so)
             + r"|(?<![\d/])24\s*/\s*24(?:\s*(?P<fu3>giờ))?(?![\d/])"
             # "mỗi thứ Hai", "vào mỗi sáng thứ 6": every week, on that day
             + r"|(?:mỗi|hằng|hàng|từng)(?P<fw>)\s+(?=(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối)\s+)?"
             r"(?:thứ|" + _SUNDAY + r"|cn|t[2-7])" + _B + ")"),
    # "hằng ngày, kể cả thứ Bảy, Chủ nhật": the weekdays after it are included, not the only ones
    ("INCL", r"(?:kể\s+cả|bao\s+gồm\s+cả|(?:và\s+)?cả)(?=" + _WEEKDAYS_AHEAD + ")"),
    # "hằng ngày (trừ thứ 7, chủ nhật)": the weekdays after it are left out of the duty's days
    ("EXCL", r"(?:ngoại\s+trừ|trừ|không\s+(?:tính|kể))(?=" + _WEEKDAYS_AHEAD + ")"),
    ("WORKDAYS", r"(?:tất\s+cả\s+)?(?:các|những)\s+ngày\s+làm\s+việc(?:\s+trong\s+tuần)?" + _B
                 + r"|(?:các|những)\s+ngày\s+cuối\s+tuần(?P<we>)" + _B),  # Saturday and Sunday
    # "các ngày thứ 7", "các buổi sáng thứ 7": every such day
    ("PLURAL", r"(?:tất\s+cả\s+)?các\s+(?:ngày\s+|buổi\s+(?:(?:sáng|chiều|tối)\s+)?)?"
               r"(?=(?:từ\s+)?(?:thứ|" + _SUNDAY + r"|t[2-7]" + _B + "))"),
    ("PERIODIC", r"(?:định\s+kỳ|định\s+kì|thường\s+kỳ)" + _B),
    ("REPORT", r"(?:của\s+|thuộc\s+)?kỳ\s+báo\s+cáo(?:\s+(?:đó|này))?" + _B),
    # "ngày cuối tháng", "ngày cuối cùng của mỗi quý / hằng năm"
    # "ngày làm việc cuối cùng của tháng": the last (or first) Monday-to-Friday of each month
    # "ngày làm việc thứ 5 của tháng": the fifth
    ("WORKDAYORD", r"ngày\s+làm\s+việc\s+(?:(?P<wdo>đầu\s+tiên|đầu|cuối\s+cùng|cuối)"
                   r"|thứ\s+(?P<wdn>[1-9]|1\d|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s+"
                   r"(?:(?:của|trong)\s+)?(?=(?:mỗi\s+|hằng\s+|hàng\s+)?tháng" + _B
                   + r"(?!\s*\d))"),
    # not after "những", "các": "những ngày cuối tháng 10" are its last days, as "cuối tháng 10"
    ("LASTDAY", r"(?<!những\s)(?<!các\s)ngày\s+cuối\s+(?:cùng\s+)?(?:của\s+|trong\s+)?"
                r"(?=tháng|(?:mỗi|hằng|hàng)\s+(?P<ldu>quý|năm)" + _B + ")"),
    # -- days and moments ------------------------------------------------------------------------
    # a range of counts before a unit: its upper end, the longest it may take ("3 - 5 ngày",
    # "từ 3 đến 5 ngày làm việc"); not hours ("14 - 16 giờ" is a clock window); so of months
    # and years, not days before a month ("từ 13 đến 15 tháng Giêng", "20-25 tháng này") nor a
    # month before its year ("1-2 năm 2024"): "sau 1-2 năm", "trong 12 - 18 tháng"; of hours
    # beyond a clock's ("trong vòng 24-48 giờ"), of minutes, of "tiếng" (hours)
    ("NUM", r"(?=\d)(?<![\d/.])(?P<nlo>\d{1,2})\s*(?:-|–|đến|tới)\s*(?P<nhi>\d{1,3})"
            r"(?=\s*(?:ngày|tuần)" + _B + r"(?!\s*\d)"
            r"|\s*(?:tháng|năm)" + _B + r"(?!\s*(?:\d|học" + _B + "|" + _MONTH_AFTER + "))"
            r"|(?:(?<=2[5-9]|[3-9]\d)|(?<=\d{3}))\s*(?:giờ|h)" + _B + r"(?!\s*,?\s*(?:ngày|thứ|\d))"
            r"|\s*(?:phút|tiếng)" + _B + ")"),
    ("TIME", r"(?<![\d/.])(?P<h>[01]?\d|2[0-4])\s*(?:giờ|g|h)" + _L
             + r"(?:\s*(?P<min>[0-5]?\d)(?!\d|\s*[/.]\s*\d|-\d{1,2}[/.\-]\d|\s+tháng" + _B + ")"
             r"(?:\s*(?:phút|p|')" + _L + r")?|\s*(?P<half>rưỡi)(?!\w))?"
             # not a part of the day that opens the next window ("11h30, chiều từ 13h30")
             r"(?:\s*,?\s*(?:buổi\s+)?(?P<tpart>sáng|trưa|chiều|tối|đêm)(?!\w)"
             r"(?!\s*:?\s*(?:từ\s|\d)))?"
             # "lúc 9:30 tối": the part of the day after a time with a colon too
             r"|(?<![\d/.])(?P<ch>[01]?\d|2[0-4]):(?P<cm>[0-5]\d)(?!\w)"
             r"(?:\s+(?:buổi\s+)?(?P<cpart>sáng|trưa|chiều|tối|đêm)(?!\w)"
             r"(?!\s*:?\s*(?:từ\s|\d)))?"),
    ("DATE", r"(?:ngày\s+(?:mùng\s+|mồng\s+)?|mùng\s+|mồng\s+)?(?<![\d/.])"
             r"(?P<ld>" + _D + r"|rằm)\s+tháng\s+(?P<lm>"
             + _M + r"|" + _MW + _B + r")(?![\d.])(?!/(?!\d{4}(?!\d)))"  # not "thang ba|o cao"
             # "ngày 10 tháng 1, 4, 7, 10": a day of a list of months, not a day of January
             r"(?!(?:\s*(?:[,;]|,?\s*và)\s*\d{1,2}"
             r"(?![\d/.\-]|\s*(?:tháng|giờ|ngày|h|g)" + _B + r"))+"
             r"\s*(?:$|[^\s,;\d]))"
             # "ngày 17 tháng 10/2016": the year after a slash, as "tháng 10/2016" writes it
             r"(?:\s*,?\s*năm\s+(?P<ly>\d{4}|\d{2})(?!\d)|\s*,\s*(?P<ly2>\d{4})(?!\d)"
             r"|/(?P<ly3>\d{4})(?!\d)|" + _BARE_YEAR + r"(?P<ly4>\d{4}))?"),
    # "ngày mùng 02-5-2023" as "ngày mùng 02/5/2023"
    ("DATE", r"(?:ngày\s+(?:mùng\s+|mồng\s+)?|mùng\s+|mồng\s+)?(?<![\d/.])"
             # "ngày 1-5 hằng tháng": days 1 to 5 of each month, not 1 May
             r"(?!\d{1,2}\s*-\s*\d{1,2}\s+(?:hằng|hàng|mỗi)\s+tháng" + _B + ")"
             r"(?P<d>" + _D + r")" + _SEP.format("s") + r"(?P<m>" + _M
             # "15/3/2024", "15/3 năm 2024"
             + r")(?:\s*(?P=s)\s*(?P<y>" + _Y + r")|\s*,?\s*năm\s+(?P<y2>\d{4}))?"
             r"(?![\d/.]?\d)(?!\s+tháng" + _B + ")"
             r"(?!\s*(?:giờ|g|h)(?![^\W\d_]))"),  # "8 - 11 giờ": hours, not 8 November
    # "Tết Dương lịch (2025)": the first of January
    ("DATE", r"tết\s+dương\s+lịch(?P<td>)(?:\s*,?\s*(?:năm\s+)?(?P<tdy>\d{4})(?!\d))?"),
    ("DATE", r"ngày\s+(?P<sd>" + _D + r")\s(?P<sm>" + _M + r")"
             r"(?:\s(?P<sy>\d{4}|\d{2}))?(?![\d/.])"),
    ("DATE", r"(?<![\d/.])(?P<pd>" + _D + r")\s(?P<pm>" + _M + r")\s(?P<py>\d{4})(?!\d)"),
    # "chậm nhất là ngày thứ 30 kể từ ngày nhận": the 30th day counted from an event, 30 days
    # after it (the day of the event is not counted, as the Civil Code counts a time limit)
    ("NTHDAY", r"ngày\s+thứ\s+(?P<nth>\d{1,3})(?=\s+(?:tính\s+)?(?:kể\s+)?từ" + _B + ")"),
    # "ngày thứ 20 của tháng tiếp theo": an ordinal day of a month is that day
    ("MDAY", r"(?:ngày\s+thứ(?=\s+\d{1,2}\s+(?:của\s+|trong\s+)?(?:các\s+|mỗi\s+|hằng\s+|hàng\s+)?"
             r"tháng" + _B + r")|ngày(?:\s+(?:mùng|mồng))?|mùng|mồng|rằm)"
             r"\s+(?P<md>" + _D + r")(?![\d/.])"
             r"|(?P<ram>rằm)" + _B
             # "29 Tết", "30 Tết": the last days of the lunar year, "ngày" left out
             + r"|(?<![\d/.,\-]\s)(?<![\d/.,\-])(?P<mdt>2\d|30)"
             r"(?=\s+tết(?!\s+(?:dương|tây))" + _B + ")"),
    # "15h00 cùng ngày", "trước 17 giờ ngày hôm đó": the day named before the phrase (the
    # day of a vote, of a sample taken), not named in it: counted from it, no day of its own
    ("SAMEDAY", r"(?:trong\s+)?(?:cùng\s+ngày(?:\s+(?:hôm\s+)?đó)?|ngày\s+hôm\s+đó)"
                r"(?!\s+(?:với|\d))" + _B),
    # "ngày làm việc tiếp theo", "ngày làm việc liền kề sau X": the working day after (or
    # "trước đó", before) a day named after it, or not named (a day off a rule moves from)
    ("NEXTDAY", r"ngày\s+làm\s+việc\s+(?P<nd>tiếp\s+theo|kế\s+tiếp|tiếp\s+sau|liền\s+sau|sau\s+đó"
                r"|liền\s+kề|liền\s+trước|trước\s+đó)" + _B),
    # "vào ngày trước của môn thi", "ngày hôm trước kỳ họp", "ngày liền sau đợt kiểm tra": the
    # day right before (or after) an event named next
    ("ADJDAY", r"ngày\s+(?:(?:hôm|liền)\s+)?(?P<adj>trước)(?:\s+của)?"
               r"(?=\s+(?!(?:khi|đó|ngày\s+\d)" + _B + r")[^\W\d_])"
               r"|ngày\s+(?:hôm|liền)\s+(?P<adj2>sau)(?:\s+của)?"
               r"(?=\s+(?!(?:khi|đó|ngày\s+\d)" + _B + r")[^\W\d_])"),
    ("RELDAY", r"(?:ngày\s+)?(?P<rd>hôm\s+nay|mai|ngày\s+kia|mốt(?!\s+(?:ngày|tuần|tháng|năm|giờ)"
               + _B + r")|hôm\s+sau)" + _B
               + r"|(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm)\s+nay" + _B  # "chiều nay": today
               + r"|(?P<rdin>trong\s+ngày)" + _ALONE),  # "xong trong ngày": by the end of the day
    # The notice's own day: the words end with the document ("kể từ ngày ký", "từ ngày ban
    # hành kế hoạch đến ..."); more words name another act's day, an event ("ngày ký hợp
    # đồng", "ngày thông báo kết quả", "ngày ban hành QĐ giao đề tài"): _OWN_DAY_ENDS
    ("REFDAY", r"ngày\s+(?:ra|ký(?:\s*,?\s*ban\s+hành)?|ban\s+hành|phát\s+hành|đăng\s+tải)"
               r"(?:\s+(?:thông\s+báo|văn\s+bản|kết\s+luận|công\s+văn|kế\s+hoạch|quyết\s+định))?"
               r"(?:\s+này)?" + _OWN_DAY_ENDS
               + r"|(?:ngày\s+)?(?:thông\s+báo|văn\s+bản|kết\s+luận|công\s+văn|kế\s+hoạch"
               r"|quyết\s+định)\s+(?:này\s+)?(?:được\s+)?(?:ký|ban\s+hành)" + _OWN_DAY_ENDS
               + r"|ngày\s+thông\s+báo(?:\s+này)?" + _OWN_DAY_ENDS
               # "từ khi ban hành", "kể từ khi ký": the notice's own day
               + r"|(?<=khi\s)(?:được\s+)?(?:ký|ban\s+hành|phát\s+hành)(?:\s+(?:văn\s+bản"
               r"|thông\s+báo|kế\s+hoạch|quyết\s+định|công\s+văn))?(?:\s+này)?"
               r"(?=\s*(?:$|[,;.)]|(?:đến|tới|cho\s+đến)" + _B + "))"),
    ("NOW", r"(?:hôm\s+)?nay" + _B),
    # "thứ 02": a weekday typed with a leading zero, as a number column of a form writes it
    ("WEEKDAY", r"(?:thứ\s*(?P<wd>0?[2-7]|hai|ba|tư|năm|sáu|bảy)|t(?P<wt>[2-7])(?![/.\-]?\d)"
                r"|(?P<cn>" + _SUNDAY + r"|cn))(?!\w)"
                # "thứ Hai đầu tuần sau", "thứ Sáu cuối tuần liền kề": that week's weekday
                r"(?:\s*,?\s*(?:của\s+)?(?:(?:đầu|cuối)\s+)?tuần\s+(?P<wr>" + _REL + r")(?!\w))?"),
    # "thứ 8", "thứ Tám": no day of the week (thứ 2 is Monday, thứ 7 Saturday); an ordinal
    # after a round or a day ("lần thứ 8", "ngày thứ 8"), else a phrase that cannot be read
    ("NOWEEKDAY", r"thứ\s*(?P<nwd>[0189]|tám|chín)(?!\w)(?![/.\-]?\d)"),
    # "trong vòng nửa tháng": half a unit (the lexer counts it in the unit below)
    ("NUM", r"(?P<nhalf>nửa)(?=\s+(?:ngày|tháng|năm|giờ)" + _B + ")"),
    # not right after digits: "75 năm Ngày Thương binh" is 75 years, not five days; after a
    # date's digits it is a count ("trước ngày 1/6/2024 hai tuần")
    ("NUM", r"(?:(?<!\d\s)|(?<=[/.\-]\d\s)|(?<=[/.\-]\d\d\s)|(?<=[/.\-]\d{4}\s))"
            r"(?P<nw>" + _NW + r"(?:\s+" + _NW + r")*)" + _B + _UNIT_AHEAD),
    ("YEARNUM", r"(?<![\d/.])(?P<yn>(?:19|20)\d{2})(?!\d)"),
    ("NUM", r"(?P<n>\d+)"),
    # -- units of an offset ------------------------------------------------------------------------
    ("UNIT", r"(?P<u>ngày|tuần|tháng|quý|năm|giờ|phút)(?:\s+đêm)?(?P<lv>\s+làm\s+việc)?" + _B
             # "trong 48h": hours (a clock time is at most 24h; "26h ngày 8/2" is no count)
             + r"|(?<=\d)(?P<uh>h)" + _B + r"(?!\s*,?\s*(?:ngày|thứ|\d))"
             + r"|(?<=\d\s)(?P<uh2>tiếng)" + _B),  # "24 tiếng": hours, as spoken
    # -- words that link the parts ----------------------------------------------------------------
    # "hết hạn", "hết hiệu lực": an expiry, the words of an event ("30 ngày trước khi hết hạn"),
    # not "hết" (the end of) before "hạn" (a deadline)
    ("W", r"hết\s+(?:thời\s+)?(?:hạn|hiệu\s+lực)" + _B + r"(?!\s*:)"),
    ("LATEST", r"(?:chậm\s+nhất|muộn\s+nhất|trễ\s+nhất|hạn\s+cuối|hạn\s+chót|không\s+quá"
               r"|không\s+vượt\s+quá|tối\s+đa|hạn\s+nộp|thời\s+hạn|hạn"
               # "trước hoặc trong ngày 15/4", "trong hoặc trước ngày 15/4": by the end of it
               r"|trước\s+hoặc\s+(?:trong|vào)|(?:trong|vào)\s+hoặc\s+trước)" + _B),
    # "không sớm hơn ngày X": not before X, as "sớm nhất ngày X" (an open start, not a deadline)
    ("EARLIEST", r"(?:sớm\s+nhất|tối\s+thiểu|ít\s+nhất|không\s+sớm\s+hơn)" + _B),
    ("UPTO", r"tính\s+(?:đến|tới)" + _B),
    # "sớm hơn 30 phút so với X", "muộn hơn 2 ngày so với X": counted from X
    ("EARLIER", r"sớm\s+hơn" + _B),
    ("LATER", r"(?:muộn|chậm|trễ)\s+hơn" + _B),
    ("COMPARED", r"so\s+với" + _B),
    # "vào (đúng) ngày kỷ niệm ...", "đúng vào dịp khai giảng": on the day of an event
    ("AT", r"(?:(?:đúng\s+)?vào\s+(?:đúng\s+)?|đúng\s+)(?:ngày|dịp|buổi)(?=\s+(?!(?:" + _NOT_EVENT
           + r")" + _B + r")[^\W\d_])"),
    # "tại thời điểm nhập học", "cùng thời điểm nộp hồ sơ": at the moment of an event
    ("AT", r"(?:ngay\s+)?(?:tại|cùng)\s+(?:thời\s+điểm|lúc)(?=\s+(?!(?:với|" + _NOT_EVENT
           + r")" + _B + r")[^\W\d_])"),
    # "ngay khi nhận đủ hồ sơ": at once upon an event (not "ngay khi có yêu cầu": whenever asked)
    ("AT", r"ngay\s+(?P<ck>khi)(?=\s+[^\W\d_])(?!\s+(?:có\s+)?(?:yêu\s+cầu|cần|chỉ\s+đạo|đề\s+nghị"
           r"|phát\s+sinh|sự\s+cố|xảy\s+ra|thông\s+tin|thông\s+báo\s+mới)" + _B + ")"),
    # "tại kỳ họp gần nhất", "tại Hội nghị sơ kết": at a meeting (not "tại Điều 2", a place)
    ("AT", r"(?:ngay\s+)?tại(?=\s+(?:kỳ\s+họp|phiên\s+họp|cuộc\s+họp|buổi\s+họp|hội\s+nghị"
           r"|đại\s+hội|hội\s+đồng)" + _B + ")"),
    # "kể từ", "có hiệu lực từ": since (a start); "từ", "bắt đầu từ": from (a time to be there)
    # "Hiệu lực: 05/05/2021", "Ngày hiệu lực: ...": a document card's effective date (not
    # "Hết hiệu lực: ...", its end)
    ("FROM", r"(?P<since>có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?|tính\s+kể\s+từ"
             r"|(?<!hết\s)hiệu\s+lực\s*:"
             r"|kể\s+từ|tính\s+từ|mở(?:\s+(?:cửa|cổng|đăng\s+ký))?\s*:)(?:\s+khi)?" + _B
             + r"|(?:bắt\s+đầu\s+từ|bắt\s+đầu|từ)(?:\s+khi)?" + _B),
    # "kết thúc" after "khi" is the event ("sau khi kết thúc hội nghị"), not "until"
    ("TO", r"(?:cho\s+đến|đến|tới|(?<!khi\s)kết\s+thúc(?:\s+vào)?)(?:\s+khi)?" + _B
           + r"|-|~|→|÷|->"
           # "01/08/2012 à 31/12/2012": the arrow of the Wingdings font (0xE0) in a PDF text layer
           + r"|(?<=\d\s)à(?=\s+\d)"
           # "đêm 14, rạng sáng 15": the night of one day into the dawn of the next
           + r"|(?:(?<=\d,\s)|(?<=\d\s))rạng(?:\s+(?:sáng|ngày|đông))?" + _B),
    # "trước khi kết thúc năm 2024": the end of a period named by its number, not an event
    # (not "sau khi kết thúc năm 2024": after it ends)
    ("HET", r"hết" + _B + r"|(?:(?<=trước\skhi\s)|(?<=đến\skhi\s)|(?<=tới\skhi\s)"
            r"|(?<=ngay\skhi\s))kết\s+thúc"
            r"(?=\s+(?:năm\s+học|năm|tháng|quý|tuần|học\s+kỳ|học\s+kì)"
            r"\s+(?:\d|i|v|x|này|nay|tới|sau|trước))"),
    ("BEFORE", r"trước(?:\s+(?P<bk>khi))?" + _B),
    ("AFTER", r"sau(?:\s+(?P<ak>khi))?" + _B),
    ("WITH", r"(?:cùng\s+(?:lúc\s+)?với|đồng\s+thời\s+với|cùng\s+thời\s+gian\s+với)" + _B),
    ("IN", r"(?:trong\s+vòng|trong\s+thời\s+hạn|trong\s+thời\s+gian|trong\s+khoảng|trong)" + _B
           # "từ ngày 20/5 kéo dài 8 ngày": how long, as "trong 8 ngày" (parse.py: a length)
           + r"|kéo\s+dài(?:\s+liên\s+tục)?(?:\s+trong)?(?=\s+(?:\d{1,3}|" + _NW + r")" + _B + ")"),
    # "30 ngày, hoặc lâu hơn tùy theo ...": the count stands, what may lengthen it is a remark
    ("SKIP", r"hoặc\s+(?:lâu|dài|nhiều|ít|sớm|muộn)\s+hơn" + _B + r"[^()]*$"
             # "đến 22-4 hoặc 30-4 tùy tình hình": the day that may replace it, on a condition
             r"|" + CONDITIONAL_DAY),
    # "Sở KH&CN", "Bộ VH-TT&DL": "&" inside an abbreviated name joins its words, and what
    # follows it is no word of time ("CN" Chủ nhật, "DL" dương lịch): the name, left out
    ("W", r"(?<=[^\W\d_])&[^\W\d_]+" + _B),
    ("AND", r"và" + _B + r"|&|,|;"),
    ("OR", r"hoặc" + _B + r"|/"),  # two deadlines to choose from: no rule reads them
    ("LUNAR", r"(?:theo\s+)?(?:âm\s+lịch|âl|al)" + _B),
    ("SOLAR", r"(?:theo\s+)?(?:dương\s+lịch|dl)" + _B),
    # "tương ứng với ngày 1/9/2025 dương lịch": the same day in the other calendar, as "tức"
    ("TUC", r"(?:tức\s+là|tức|nhằm|tương\s+(?:ứng|đương)(?:\s+với)?)" + _B),
    ("SKIP", r"sắp\s+(?:tới|đến)" + _B),  # "ngày 24/3 sắp đến": the coming one
    # "sau thời gian 30 ngày kể từ ...", "trước khoảng thời gian 2 tuần": the count's own
    # words (not an event named "thời gian")
    ("SKIP", r"(?:(?<=sau\s)|(?<=trước\s))(?:khoảng\s+)?thời\s+(?:gian|hạn)"
             r"(?=\s+(?:\(\s*)?\d{1,3}\s*\)?\s*(?:ngày|tuần|tháng|năm|giờ|phút)" + _B + ")"),
    # "khoảng một tháng trước khi ...", "sau khoảng 2 tuần": about a count, read as the count
    # (the count had been lost, or "khoảng" taken for the event's name)
    ("SKIP", r"(?:vào\s+)?khoảng(?=\s+(?:\d{1,3}|" + _NW + r"(?:\s+" + _NW + r")*)" + _UNIT_AHEAD
             + ")"),
    # how a count is counted: "72 giờ ... (theo giờ làm việc hành chính)", "30 ngày, tính
    # theo ngày làm việc": in working time (the lexer gives it to the count)
    # "7 ngày (ngày làm việc)", "7 ngày theo ngày làm việc", and a remark that goes on
    # "(theo ngày làm việc và tính từ ngày nhận hồ sơ)": its rest is read, the anchor
    ("WORKTIME", r"\(\s*(?:được\s+)?(?:tính\s+)?(?:theo\s+)?(?:giờ|ngày)\s+"
                 r"(?:làm\s+việc|hành\s+chính)(?:\s+hành\s+chính)?\s*"
                 r"(?:\)|(?:,|;|và)\s*(?=(?:được\s+)?(?:tính|kể)\s+từ" + _B + "))"
                 r"|(?:được\s+)?(?:tính\s+)?theo\s+(?:giờ|ngày)\s+(?:làm\s+việc|hành\s+chính)"
                 r"(?:\s+hành\s+chính)?" + _B),
    # what a count leaves out names no deadline: "72 giờ (không tính ngày Chủ nhật)"
    ("SKIP", r"\(\s*(?:không\s+(?:tính|kể)|ngoại\s+trừ|trừ)" + _B
             + r"(?!" + _WEEKDAYS_AHEAD + r")[^()]*\)"),  # weekdays left out: EXCL
    # "sáu (06) tháng": the count again in digits, after its words (alone, "(30) ngày", the
    # digits are the count)
    ("SKIP", r"(?:" + "|".join(f"(?<={w})" for w in _NW[3:-1].split("|")) + r")"
             r"\s*\(\s*\d+\s*\)(?=\s*(?:ngày|tuần|tháng|năm|giờ)" + _B + ")"),
    ("SKIP", r"\(\s*" + _NW + r"(?:\s+" + _NW + r")*\s*\)"  # "ngày 06 (sáu)": the number in words
             r"|(?:là|vào|lúc|các|những|mốc|nhất\s+là|tại|của|thuộc|cả)" + _B
             + r"|[():.!?*\"'“”‘’]"),
    ("NONE", r"ngay" + _B),  # "ngay" without its accent: at once ("ngày" is a day)
    ("W", r"\w+|[^\s\w]"),
)  # fmt: skip

# Text typed with diacritics is read by the patterns as written ("sau" is "after", "sáu" six);
# text without them, or a reading that failed so, by the loose patterns.
STRICT = Scanner([pattern for _, pattern in PATTERNS])
LOOSE = Scanner([loose(pattern) for _, pattern in PATTERNS])
NAMES = tuple(name for name, _ in PATTERNS)
CONDITIONAL = re.compile(loose(CONDITIONAL_DAY))
