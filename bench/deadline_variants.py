"""Metamorphic test of the deadline engine: the same meaning, spelt otherwise, reads the same.

Run from the repository root::

    .venv/bin/python bench/deadline_variants.py              # every development set
    .venv/bin/python bench/deadline_variants.py corpus_1     # some sets
    .venv/bin/python bench/deadline_variants.py --failures   # and each changed reading
    .venv/bin/python bench/deadline_variants.py --only date_dash  # some rewrites

Offices write one meaning in many spellings: "25/02/2019", "25-02-2019",
"25 tháng 02 năm 2019"; "14h00", "14 giờ", "14:00"; "thứ 2", "thứ Hai";
"hằng tuần", "hàng tuần". Each phrase of the sets that giaoban reads right
(``verdict`` of ``deadline_accuracy.py``) is rewritten by each rewrite below
that applies to it, and the rewritten phrase is read against the same day:
its reading must be the original's (same kind, due, start, rule, offset and
working days; the anchor's words may change with the spelling). No
annotation is needed: the original's reading is the expected one.

Each rewrite is a small named function ``str -> str | None`` (``None`` when it
does not apply). A rewrite must keep the meaning wherever it applies; where
a spelling is not the same meaning in some context ("48h" is a count of
hours, "48h00" is no clock time), the rewrite is narrowed, the engine is not
bent. The run is deterministic.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deadline_accuracy import load_set, read, reference, set_names, verdict  # noqa: E402

from giaoban.deadline import Deadline, DeadlineError, parse_deadline  # noqa: E402

Rewrite = Callable[[str], "str | None"]

# a date d/m/yyyy not inside a longer run of numbers and slashes
_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/.\-])")
# a date that ends a range of days ("5 - 6/6/2021"): dashes or spaces in it would make
# "5 - 6-6-2021", which reads as well as 5 to 6 June as 5/6 to June: not rewritten
_DMY_NOT_IN_RANGE = re.compile(
    r"(?<![\d/.\-])(?<!\d )(?<!\d - )(?<!\d – )(?<!\d— )(?<!\d — )(?<!\d-)(?<!\d–)"
    r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/.\-])"
)
_DM = re.compile(r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_DMY_WORDS = re.compile(r"(?<!\d)(\d{1,2}) tháng (\d{1,2}) năm (\d{4})(?!\d)", re.IGNORECASE)
# a clock time: hours 0-24, "h" and two digits of minutes, or "h" alone at a word's end
_HM = re.compile(r"(?<![\d:/.])([01]?\d|2[0-4])h([0-5]\d)(?![\d\w])", re.IGNORECASE)
# "9h00 30'", "9h00 00": minutes typed twice; the "00" dropped would make the rest the minutes
_HM_ALONE = re.compile(r"(?<![\d:/.])([01]?\d|2[0-4])h([0-5]\d)(?![\d\w])(?!\s*\d)", re.IGNORECASE)
_H = re.compile(r"(?<![\d:/.])([01]?\d|2[0-4])h(?![\w])(?!\s*\d)", re.IGNORECASE)
# a whole hour in words is a time when a day or a weekday follows; at the end of a phrase or
# after "thời hạn" it is as often a count ("trước thời điểm bỏ phiếu 24 giờ")
_GIO = re.compile(
    r"(?<![\d:/.])(?<!hạn )([01]?\d|2[0-4]) giờ(?=,? (?:ngày|thứ|chủ|sáng|chiều|hôm|các|hằng|hàng))"
)
_GIO_PHUT = re.compile(r"(?<![\d:/.])([01]?\d|2[0-4]) giờ ([0-5]\d)(?! phút)(?!\d)")
# a count: "trong 48h", "ít nhất 24h", "2 - 3h" are hours counted, not a time of day; so is a
# whole hour after "trước" or "sau" that ends the phrase ("thông báo trước 24h")
_COUNTED = re.compile(
    r"(?:trong|vòng|tối đa|ít nhất|tối thiểu|quá|khoảng|hơn|mất|\d\s*(?:-|–|đến|tới)|/|\d)\s*$",
    re.IGNORECASE,
)
_COUNTED_AT_END = re.compile(r"(?:trước|sau)\s*$", re.IGNORECASE)
_WEEKDAY_WORD = {"2": "Hai", "3": "Ba", "4": "Tư", "5": "Năm", "6": "Sáu", "7": "Bảy"}
_WEEKDAY_DIGIT = {w.lower(): d for d, w in _WEEKDAY_WORD.items()}
_THU_DIGIT = re.compile(
    r"\b(thứ) ([2-7])\b(?!\s*(?:[,;\-–—/]|và|hoặc|đến|tới)\s*\d)", re.IGNORECASE
)
_THU_WORD = re.compile(r"\b(thứ) (hai|ba|tư|năm|sáu|bảy)\b", re.IGNORECASE)
_PERIODIC = re.compile(r"\b([hH])([ằà])ng (tuần|tháng|quý|năm|ngày)\b")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}
_QUY_ROMAN = re.compile(r"\b(quý) (IV|III|II|I)\b(?![/\-]?\d)(?!\s*(?:năm|/|-))", re.IGNORECASE)
_QUY_DIGIT = re.compile(r"\b(quý) ([1-4])\b(?![/\-]?\d)(?!\s*(?:năm|/|-|,|và))", re.IGNORECASE)
_QUY_YEAR = re.compile(r"\b(quý) (IV|III|II|I|[1-4])/(\d{4})\b", re.IGNORECASE)
_QUY_NAM = re.compile(r"\b(quý) (IV|III|II|I|[1-4]) năm (\d{4})\b", re.IGNORECASE)
_THANG_YEAR = re.compile(r"\b(tháng) (\d{1,2})/(\d{4})\b", re.IGNORECASE)
_THANG_NAM = re.compile(r"\b(tháng) (\d{1,2}) năm (\d{4})\b", re.IGNORECASE)
_NUMBER_WORD = {
    1: "một",
    2: "hai",
    3: "ba",
    4: "bốn",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
    15: "mười lăm",
    20: "hai mươi",
    30: "ba mươi",
}
_WORD_NUMBER = {w: n for n, w in _NUMBER_WORD.items()}
# a count of days, weeks or months: not the day, month or year of a date ("ngày 15 tháng 3",
# "tháng 10 ngày 5"), nor an ordinal ("thứ 2 tuần"), nor before another number
_NOT_COUNT_BEFORE = (
    r"(?<!ngày )(?<!tháng )(?<!năm )(?<!thứ )(?<!quý )(?<!tuần )(?<![\d/,\-–])"
    r"(?<!đến )(?<!tới )(?<!mùng )(?<!mồng )"  # "từ 13 đến 15 tháng Giêng": a day
)
_COUNT_DIGITS = re.compile(
    _NOT_COUNT_BEFORE + r"\b(0?\d|10|15|20|30)( (?:ngày|tuần|tháng))\b(?!\s*[\d/])",
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(
    _NOT_COUNT_BEFORE
    + r"\b(mười lăm|hai mươi|ba mươi|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
    + r"( (?:ngày|tuần|tháng))\b(?!\s*[\d/])",
    re.IGNORECASE,
)


def _sub(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str) -> str | None:
    """``pattern`` replaced in ``text``, or None when it does not occur or nothing changes."""
    new = pattern.sub(repl, text)
    return new if new != text else None


def _not_counted(text: str, m: re.Match[str]) -> bool:
    before = text[: m.start()]
    if _COUNTED.search(before):
        return False
    return not (_COUNTED_AT_END.search(before) and not text[m.end() :].strip(" .;,"))


def _clock(text: str, pattern: re.Pattern[str], spell: Callable[[str, str], str]) -> str | None:
    """Each clock time of ``pattern`` not read as a count, respelt by ``spell(hours, minutes)``."""

    def one(m: re.Match[str]) -> str:
        if not _not_counted(text, m):
            return m.group(0)
        minutes = m.group(2) if m.re.groups >= 2 else ""
        return spell(m.group(1), minutes)

    return _sub(pattern, one, text)


# --- dates ---------------------------------------------------------------------------------


def date_dash(text: str) -> str | None:
    """25/02/2019 -> 25-02-2019 (not after a range of days: '5 - 6/6/2021')"""
    return _sub(_DMY_NOT_IN_RANGE, lambda m: f"{m[1]}-{m[3]}-{m[4]}" if m[2] == "/" else m[0], text)


def date_dot(text: str) -> str | None:
    """25/02/2019 -> 25.02.2019"""
    return _sub(_DMY, lambda m: f"{m[1]}.{m[3]}.{m[4]}" if m[2] == "/" else m[0], text)


def date_slash(text: str) -> str | None:
    """25-02-2019, 25.02.2019 -> 25/02/2019"""
    return _sub(_DMY, lambda m: f"{m[1]}/{m[3]}/{m[4]}" if m[2] != "/" else m[0], text)


def date_words(text: str) -> str | None:
    """25/02/2019 -> 25 tháng 02 năm 2019"""
    return _sub(_DMY, lambda m: f"{m[1]} tháng {m[3]} năm {m[4]}", text)


def date_words_unpadded(text: str) -> str | None:
    """ngày 25/02/2019 -> ngày 25 tháng 2 năm 2019"""
    return _sub(_DMY, lambda m: f"{int(m[1])} tháng {int(m[3])} năm {m[4]}", text)


def date_from_words(text: str) -> str | None:
    """25 tháng 02 năm 2019 -> 25/02/2019"""
    return _sub(_DMY_WORDS, lambda m: f"{m[1]}/{m[2]}/{m[3]}", text)


def date_padded(text: str) -> str | None:
    """5/3 -> 05/03, 5/3/2019 -> 05/03/2019"""

    def pad(m: re.Match[str]) -> str:
        year = f"/{m[3]}" if m[3] else ""
        return f"{int(m[1]):02d}/{int(m[2]):02d}{year}"

    return _sub(_DM, pad, text)


def date_unpadded(text: str) -> str | None:
    """05/03 -> 5/3, 05/03/2019 -> 5/3/2019"""

    def unpad(m: re.Match[str]) -> str:
        year = f"/{m[3]}" if m[3] else ""
        return f"{int(m[1])}/{int(m[2])}{year}"

    return _sub(_DM, unpad, text)


def date_spaced(text: str) -> str | None:
    """25/02/2019 -> 25 / 02 / 2019 (not after a range of days)"""

    def spaced(m: re.Match[str]) -> str:
        return f"{m[1]} / {m[3]} / {m[4]}" if m[2] == "/" else m[0]

    return _sub(_DMY_NOT_IN_RANGE, spaced, text)


# --- clock times ---------------------------------------------------------------------------


def clock_h(text: str) -> str | None:
    """14h00 -> 14h (not before more digits: "9h00 30'")"""
    return _clock(text, _HM_ALONE, lambda h, mm: f"{h}h" if mm == "00" else f"{h}h{mm}")


def clock_h00(text: str) -> str | None:
    """14h -> 14h00 (not a count: 'trong 48h'; not before the minutes: "9h 30'")"""
    return _clock(text, _H, lambda h, _: f"{h}h00")


def clock_gio(text: str) -> str | None:
    """14h00 -> 14 giờ, 7h30 -> 7 giờ 30"""
    return _clock(text, _HM, lambda h, mm: f"{h} giờ" if mm == "00" else f"{h} giờ {mm}")


def clock_gio_00(text: str) -> str | None:
    """14h00 -> 14 giờ 00"""
    return _clock(text, _HM, lambda h, mm: f"{h} giờ {mm}")


def clock_gio_phut(text: str) -> str | None:
    """14h00 -> 14 giờ 00 phút"""
    return _clock(text, _HM, lambda h, mm: f"{h} giờ {mm} phút")


def clock_g(text: str) -> str | None:
    """14h00 -> 14g00"""
    return _clock(text, _HM, lambda h, mm: f"{h}g{mm}")


def clock_colon(text: str) -> str | None:
    """14h00 -> 14:00"""
    return _clock(text, _HM, lambda h, mm: f"{h}:{mm}")


def clock_padded(text: str) -> str | None:
    """7h30 -> 07h30"""
    return _clock(text, _HM, lambda h, mm: f"{int(h):02d}h{mm}")


def clock_from_gio(text: str) -> str | None:
    """14 giờ 30 -> 14h30"""
    return _clock(text, _GIO_PHUT, lambda h, mm: f"{h}h{mm}")


def clock_from_whole_gio(text: str) -> str | None:
    """14 giờ ngày 5/3 -> 14h00 ngày 5/3 (a day or weekday after it; not a count)"""
    return _clock(text, _GIO, lambda h, _: f"{h}h00")


# --- weekdays and periods ------------------------------------------------------------------


def weekday_word(text: str) -> str | None:
    """thứ 2 -> thứ Hai (one weekday, not a list 'thứ 2, 4, 6')"""
    return _sub(_THU_DIGIT, lambda m: f"{m[1]} {_WEEKDAY_WORD[m[2]]}", text)


def weekday_word_lower(text: str) -> str | None:
    """thứ 2 -> thứ hai"""
    return _sub(_THU_DIGIT, lambda m: f"{m[1]} {_WEEKDAY_WORD[m[2]].lower()}", text)


def weekday_digit(text: str) -> str | None:
    """thứ Hai -> thứ 2"""
    return _sub(_THU_WORD, lambda m: f"{m[1]} {_WEEKDAY_DIGIT[m[2].lower()]}", text)


def weekday_case(text: str) -> str | None:
    """thứ hai <-> thứ Hai; Chủ nhật <-> chủ nhật"""

    def swap(word: str) -> str:
        return word.capitalize() if word[0].islower() else word.lower()

    new = _THU_WORD.sub(lambda m: f"{m[1]} {swap(m[2])}", text)
    new = re.sub(r"\b([Cc])hủ (nhật|Nhật)\b", lambda m: swap(m[1]) + "hủ " + m[2].lower(), new)
    return new if new != text else None


def periodic_hang(text: str) -> str | None:
    """hằng tuần <-> hàng tuần (tuần, tháng, quý, năm, ngày)"""
    return _sub(_PERIODIC, lambda m: m[1] + ("à" if m[2] == "ằ" else "ằ") + "ng " + m[3], text)


def quarter_digit(text: str) -> str | None:
    """Quý I -> quý 1"""
    return _sub(_QUY_ROMAN, lambda m: f"{m[1]} {_ROMAN[m[2].upper()]}", text)


def quarter_roman(text: str) -> str | None:
    """quý 1 -> quý I"""
    back = {v: k for k, v in _ROMAN.items()}
    return _sub(_QUY_DIGIT, lambda m: f"{m[1]} {back[m[2]]}", text)


def quarter_nam(text: str) -> str | None:
    """Quý I/2019 -> quý I năm 2019"""
    return _sub(_QUY_YEAR, lambda m: f"{m[1]} {m[2]} năm {m[3]}", text)


def quarter_slash(text: str) -> str | None:
    """quý I năm 2019 -> quý I/2019"""
    return _sub(_QUY_NAM, lambda m: f"{m[1]} {m[2]}/{m[3]}", text)


def month_padded(text: str) -> str | None:
    """tháng 3/2024 <-> tháng 03/2024"""

    def swap(m: re.Match[str]) -> str:
        month = m[2][1:] if m[2].startswith("0") else f"{int(m[2]):02d}"
        return f"{m[1]} {month}/{m[3]}"

    return _sub(_THANG_YEAR, swap, text)


def month_nam(text: str) -> str | None:
    """tháng 3/2024 -> tháng 3 năm 2024"""
    return _sub(_THANG_YEAR, lambda m: f"{m[1]} {m[2]} năm {m[3]}", text)


def month_slash(text: str) -> str | None:
    """tháng 3 năm 2024 -> tháng 3/2024"""
    return _sub(_THANG_NAM, lambda m: f"{m[1]} {m[2]}/{m[3]}", text)


# --- dashes, spaces, punctuation, case, diacritics -----------------------------------------

_DASH = re.compile(r"(?<=\S)( ?)[-–—]( ?)(?=\S)")
_SPACED_RANGE = re.compile(r"(?<=[\dh]) [-–—] (?=\d|thứ |[Tt]hứ )")
_SPACED_DATE = re.compile(r"\d\s*[-–—]\s*\d{1,2}\s*[-–—]\s*\d")
_DEN_RANGE = re.compile(r"(?<=\d) (?:đến|tới) (?=\d)")


def dash_en(text: str) -> str | None:
    """- -> – (each dash)"""
    return _sub(_DASH, lambda m: f"{m[1]}–{m[2]}", text)


def dash_em(text: str) -> str | None:
    """- -> — (each dash)"""
    return _sub(_DASH, lambda m: f"{m[1]}—{m[2]}", text)


def dash_to_den(text: str) -> str | None:
    """7h30 - 11h30 -> 7h30 đến 11h30 (a spaced dash between numbers or weekdays; not in a
    date written with dashes, '23 - 5 - 2021')"""
    if _SPACED_DATE.search(text):
        return None
    return _sub(_SPACED_RANGE, lambda m: " đến ", text)


def den_to_dash(text: str) -> str | None:
    """20 đến 25 -> 20 - 25 (between numbers; not where a date is written with dashes:
    '1 - 8-3' reads as well as 1/8 to March)"""
    if re.search(r"\d\s*[-–—]\s*\d", text):
        return None
    return _sub(_DEN_RANGE, lambda m: " - ", text)


def nbsp(text: str) -> str | None:
    """each space -> a non-breaking space"""
    return text.replace(" ", "\u00a0") if " " in text else None


def doubled_spaces(text: str) -> str | None:
    """each space -> two"""
    return text.replace(" ", "  ") if " " in text else None


def edge_spaces(text: str) -> str | None:
    """a space before and after"""
    return f" {text} "


def trailing_dot(text: str) -> str | None:
    """a '.' after"""
    return None if text.endswith(".") else text + "."


def trailing_semicolon(text: str) -> str | None:
    """a ';' after"""
    return None if text.endswith(";") else text + ";"


def trailing_comma(text: str) -> str | None:
    """a ',' after"""
    return None if text.endswith(",") else text + ","


def upper_case(text: str) -> str | None:
    """THE WHOLE PHRASE IN CAPITALS"""
    new = text.upper()
    return new if new != text else None


def first_upper(text: str) -> str | None:
    """first letter upper case"""
    new = text[:1].upper() + text[1:]
    return new if new != text else None


def first_lower(text: str) -> str | None:
    """first letter lower case"""
    new = text[:1].lower() + text[1:]
    return new if new != text else None


def no_diacritics(text: str) -> str | None:
    """every diacritic left out (not in a text with letters of other scripts, nor with the
    space a PDF text layer puts after a letter with a mark, 'Thá ng': the mark is what tells
    the fragment from a word)"""
    if _OTHER_SCRIPT.search(text) or _SPLIT_FINAL.search(text):
        return None
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    new = "".join(ch for ch in bare if not unicodedata.combining(ch))
    new = unicodedata.normalize("NFC", new)
    return new if new != text else None


_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0300-\u036f\u00a0-\u00ff\u2000-\u206f]")
_SPLIT_FINAL = re.compile(r"(?<=\w) (?:ng|nh|ch|c|m|n|p|t)(?!\w)")


# --- counts --------------------------------------------------------------------------------


def count_words(text: str) -> str | None:
    """05 ngày -> năm ngày, 10 ngày -> mười ngày (a count of days, weeks, months)"""

    def word(m: re.Match[str]) -> str:
        n = int(m[1])
        return _NUMBER_WORD[n] + m[2] if n in _NUMBER_WORD else m[0]

    return _sub(_COUNT_DIGITS, word, text)


def count_digits(text: str) -> str | None:
    """năm ngày -> 5 ngày"""
    return _sub(_COUNT_WORDS, lambda m: f"{_WORD_NUMBER[m[1].lower()]}{m[2]}", text)


REWRITES: tuple[Rewrite, ...] = (
    date_dash,
    date_dot,
    date_slash,
    date_words,
    date_words_unpadded,
    date_from_words,
    date_padded,
    date_unpadded,
    date_spaced,
    clock_h,
    clock_h00,
    clock_gio,
    clock_gio_00,
    clock_gio_phut,
    clock_g,
    clock_colon,
    clock_padded,
    clock_from_gio,
    clock_from_whole_gio,
    weekday_word,
    weekday_word_lower,
    weekday_digit,
    weekday_case,
    periodic_hang,
    quarter_digit,
    quarter_roman,
    quarter_nam,
    quarter_slash,
    month_padded,
    month_nam,
    month_slash,
    dash_en,
    dash_em,
    dash_to_den,
    den_to_dash,
    nbsp,
    doubled_spaces,
    edge_spaces,
    trailing_dot,
    trailing_semicolon,
    trailing_comma,
    upper_case,
    first_upper,
    first_lower,
    no_diacritics,
    count_words,
    count_digits,
)


def facts(got: Deadline) -> tuple[object, ...]:
    """What a reading says, as ``verdict`` compares it (the anchor's words left out)."""
    return (got.kind, got.due, got.start, got.rrule, got.offset, got.business_days)


@dataclass
class Tally:
    applied: int = 0
    same: int = 0
    changed: int = 0
    error: int = 0
    examples: list[str] = field(default_factory=list)


def right_read(names: Iterable[str]) -> list[tuple[str, date | None, Deadline]]:
    """Each phrase of the sets read right, with its day and reading (an abstention, right
    for a phrase with no month, is no reading to keep)."""
    kept: list[tuple[str, date | None, Deadline]] = []
    for name in names:
        for entry in load_set(name):
            got = read(entry)
            if isinstance(got, Deadline) and verdict(entry, got).ok:
                kept.append((entry["phrase"], reference(entry), got))
    return kept


def run(names: Iterable[str], rewrites: Iterable[Rewrite] = REWRITES) -> dict[str, Tally]:
    """Each rewrite's tally over the phrases of ``names`` read right."""
    phrases = right_read(names)
    tallies: dict[str, Tally] = {}
    for rewrite in rewrites:
        tally = tallies.setdefault(rewrite.__name__, Tally())
        for phrase, ref, got in phrases:
            variant = rewrite(phrase)
            if variant is None or variant == phrase:
                continue
            tally.applied += 1
            try:
                again = parse_deadline(variant, ref)
            except Exception as err:  # noqa: BLE001 - a crash is a failure to count
                again = DeadlineError(variant, f"crash: {type(err).__name__}: {err}")
            if isinstance(again, DeadlineError):
                tally.error += 1
                tally.examples.append(f"{variant!r} [{ref}]: error: {again.message}")
            elif facts(again) != facts(got):
                tally.changed += 1
                tally.examples.append(f"{variant!r} [{ref}]: {_diff(got, again)}")
            else:
                tally.same += 1
    return tallies


def _diff(was: Deadline, now: Deadline) -> str:
    names = ("kind", "due", "start", "rrule", "offset", "business_days")
    parts = [
        f"{n} {a!s} -> {b!s}".replace("\n", " ")
        for n, a, b in zip(names, facts(was), facts(now), strict=True)
        if a != b
    ]
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (default: all but the held-out set)")
    parser.add_argument("--failures", action="store_true", help="list each changed reading")
    parser.add_argument("--only", nargs="*", default=[], help="only these rewrites")
    args = parser.parse_args(argv)
    chosen = [r for r in REWRITES if not args.only or r.__name__ in args.only]
    tallies = run(args.sets or set_names(), chosen)
    print(f"{'rewrite':22} {'applied':>7} {'same':>6} {'changed':>7} {'error':>6}")
    total = Tally()
    for name, t in tallies.items():
        print(f"{name:22} {t.applied:7} {t.same:6} {t.changed:7} {t.error:6}")
        total.applied += t.applied
        total.same += t.same
        total.changed += t.changed
        total.error += t.error
        if args.failures:
            for example in t.examples:
                print(f"    {example}")
    print(f"{'total':22} {total.applied:7} {total.same:6} {total.changed:7} {total.error:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
