"""What a web page or a news item adds around a notice, and what is no task.

Texts copied from portals and newspapers keep their page furniture: the article's
publication stamp ("23/04/2020 | 08:27"), a copyright line ("© Thời báo Tài chính
Việt Nam"), a link ("Tải đề cương báo cáo tại đây") and the author's byline ("Hữu
Hoàn.", "H.M"). None of them asks anything of anyone; the builder keeps them as
comments at the end of the draft, never as tasks.
"""

from __future__ import annotations

import re

from giaoban.importer.words import HEADS, fold_keep

FURNITURE = "phần trang web, bài báo (dòng thời gian đăng, bản quyền, liên kết, tác giả)"

# a publication stamp: a date and a clock time side by side, split by "|"
_DAY = r"\d{1,2}/\d{1,2}/\d{4}"
_CLOCK = r"\d{1,2}:\d{2}"
_STAMP = re.compile(rf"{_DAY}\s*\|\s*{_CLOCK}|{_CLOCK}\s*\|\s*{_DAY}")
# a line that is only a date and a clock time, as a portal prints when it posted the
# item ("25/08/2022 08:20")
_POSTED = re.compile(rf"(?:{_DAY}\s*[,-]?\s*{_CLOCK}|{_CLOCK}\s*[,-]?\s*{_DAY})(?::\d{{2}})?")
# a page's count of its readers ("Lượt xem: 1.234", "Số lượt đọc 56", "Views: 78")
_VIEWS = re.compile(r"^(?:so\s+)?(?:luot\s+(?:xem|doc|truy\s+cap)|views?)\s*:?\s*[\d.,]+$")
# the label of the page's tag list ("TAGS", "Tags: giải ngân, đầu tư công", "Từ khóa:")
_TAGS = re.compile(r"^(?:tags?|tu khoa)\s*(?::|$)")
_COPYRIGHT = re.compile(r"©|\(c\)\s+\w|\bban quyen thuoc\b|\bcopyright\b")
# a link's text: "Tải ... tại đây", "Xem chi tiết ...", "Xem thêm ..."
_LINK = re.compile(
    r"^(?:tai (?:ve|file|tep|de cuong|van ban|mau)\b.*\btai day|xem (?:chi tiet|them|toan van)\b)"
)
_BYLINE_WORDS = 4
# one word of a byline: a capitalised name ("Hữu", "Hoàn") or initials ("H.M", "N.L.")
_NAME_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+|(?:[A-ZĐ]\.)*[A-ZĐ]\.?)$")


def furniture(text: str) -> str:
    """Why ``text`` is page furniture, no task ("" when it may be one): it holds a
    publication stamp or a copyright line, is only a posting date and time, a link's
    text, a tag list, or a byline (only a name or initials, at most four words, in
    capitals too when they name no unit)."""
    folded = fold_keep(text).strip()
    if posting(text) or _COPYRIGHT.search(folded) or _LINK.match(folded):
        return FURNITURE
    if _TAGS.match(folded):
        return FURNITURE
    words = text.strip().rstrip(".|").split()
    if 0 < len(words) <= _BYLINE_WORDS and all(_NAME_WORD.match(w) for w in words):
        return FURNITURE
    if 0 < len(words) <= _BYLINE_WORDS and all(w.isalpha() and w.isupper() for w in words):
        # "BÍCH LA", "CHÂU NỮ |": a byline in capitals, unless it names a unit
        return "" if HEADS.match(text, folded, 0) else FURNITURE
    return ""


def posting(text: str) -> bool:
    """Whether ``text`` is the page's note of its post: a publication stamp
    ("12/03/2024 | 08:27"), a line of only the posting date and time, or a count of
    readers ("Lượt xem: 1.234"). Such a line under a notice's title ends the title."""
    line = text.strip()
    return bool(_STAMP.search(line) or _POSTED.fullmatch(line) or _VIEWS.match(fold_keep(line)))
