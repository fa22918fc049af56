"""Cutting a phrase into the tokens the grammar reads.

The patterns of :mod:`giaoban.deadline.lexicon` cut the phrase into tokens
(:mod:`giaoban.deadline.tokens`); each is read again against its neighbours
by the rules of :mod:`giaoban.deadline.reread`, runs of linking words are
joined here, then the passes of :mod:`giaoban.deadline.passes` look at the
whole list. Together they decide what the grammar sees: runs of linking words
become one ``LEAD``, commas join items of lists only, numbers after a word
are labels ("lớp 10"), and words the grammar has no use for become ``W``
(filler). Filler is kept only where it
can name an event ("trước khi thi lại", "45 ngày kể từ ngày bầu cử");
elsewhere it is left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from giaoban.deadline.lexicon import LOOSE, NAMES, STRICT
from giaoban.deadline.normalize import Text
from giaoban.deadline.passes import (
    clock_after_its_day,
    counted_parts,
    events,
    give_way,
    hour_ranges,
    months_of_a_day,
    neighbours,
    open_end,
    parts_of_day,
    shifts_after_days,
    weekday_spans,
    weekdays_after_days,
    weekdays_told_as_days,
)
from giaoban.deadline.reread import EVERY, REREAD, Place
from giaoban.deadline.tokens import Tok, count, number, words_value
from giaoban.model.text import fold

__all__ = [
    "LEAD_WORDS", "Tok", "count", "has_marks", "lex", "number", "scan", "words", "words_value"
]  # fmt: skip

# Linking words: a run of them is one LEAD token ("chậm nhất đến hết", "trong vòng").
LEAD_WORDS = frozenset(
    {"BEFORE", "LATEST", "IN", "TO", "HET", "AFTER", "EARLIEST", "UPTO", "AT", "EARLIER", "LATER",
     "COMPARED"}
)  # fmt: skip


def _parts(m: re.Match[str]) -> dict[str, str]:
    """The named parts of a match, folded ("cuối" as "cuoi") and single-spaced."""
    written = m.groupdict()
    if not written:
        return {}
    return {name: fold(part) for name, part in written.items() if part is not None}


def has_marks(text: Text) -> bool:
    """Whether the phrase was typed with Vietnamese diacritics that can be trusted: a word no
    Vietnamese syllable spells ("Chủ Nhât") shows marks typed wrong, read as if missing."""
    return not text.low.isascii() and _trusted_marks(text.low)


@lru_cache(maxsize=1024)
def _trusted_marks(low: str) -> bool:
    marked = [word for word in _WORD.findall(low) if not word.isascii()]
    return bool(marked) and not any(_misspelt(word) for word in marked)


_WORD = re.compile(r"[^\W\d_]+")
# A syllable that ends in p, t, c or ch takes the rising or the heavy tone only ("nhật",
# "tết", "sách"): a marked one without ("nhât", "tềt") has its marks typed wrong.
_STOP_TONES = frozenset({"\u0301", "\u0323"})  # acute, dot below (NFD)


@lru_cache(maxsize=4096)  # the same syllables, phrase after phrase
def _misspelt(word: str) -> bool:
    if not word.endswith(("c", "ch", "p", "t")):
        return False
    return not _STOP_TONES.intersection(unicodedata.normalize("NFD", word))


def scan(text: Text, strict: bool = True) -> tuple[Tok, ...]:
    """Every token of the text, in order (``SKIP`` words left out)."""
    return _scan(text.low, strict and has_marks(text))


# A phrase is lexed again without its events, or loosely, within one reading: the lexings of
# the last few phrases are kept, not of hundreds, whose tokens would outlive their reading
# (10,000 distinct phrases read 4% faster so, every reading the same).
_LEXINGS_KEPT = 8


@lru_cache(maxsize=_LEXINGS_KEPT)
def _scan(low: str, strict: bool) -> tuple[Tok, ...]:
    found: list[Tok] = []
    master = STRICT if strict else LOOSE
    grouped = _grouped(strict)
    depth = 0
    for index, m in master.matches(low):
        kind = NAMES[index]
        if kind == "SKIP":
            depth = max(0, depth + {"(": 1, ")": -1}.get(m.group(0), 0))
        elif kind == "REST":  # "những tháng còn lại của": "từ nay đến hết"
            start, end = m.span()
            found += [Tok(rest, start, end, {}, depth > 0) for rest in ("FROM", "NOW", "TO", "HET")]
        else:
            start, end = m.span()
            found.append(Tok(kind, start, end, _parts(m) if grouped[index] else {}, depth > 0))
    return tuple(found)


@cache
def _grouped(strict: bool) -> tuple[bool, ...]:
    """Whether each pattern of the strict (True) or the loose (False) scanner names parts."""
    master = STRICT if strict else LOOSE
    return tuple(bool(master.names(i)) for i in range(len(NAMES)))


def lex(text: Text, anchors: bool = True, strict: bool = True, remarks: bool = True) -> list[Tok]:
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
    return events(words(text, strict, remarks), anchors, text)


def words(text: Text, strict: bool = True, remarks: bool = True) -> tuple[Tok, ...]:
    """The tokens of :func:`lex` before filler is kept as events or left out; the same
    object for each lexing that comes to the same tokens as one already made."""
    if not strict and has_marks(text) and scan(text, False) == scan(text, True):
        strict = True  # marks left out change no word here: the same tokens, already made
    if not remarks and not any(t.remark for t in scan(text, strict)):
        remarks = True  # nothing stands in brackets: the same tokens, already made
    return _words(text, strict, remarks)


@lru_cache(maxsize=_LEXINGS_KEPT)
def _words(text: Text, strict: bool, remarks: bool) -> tuple[Tok, ...]:
    """:func:`words`, made."""
    raw = _closed_days([t for t in scan(text, strict) if remarks or not t.remark], text)
    if not any(t.type in EVERY for t in raw) and not _hours(raw):
        raw = _without_excluded_days(raw)  # "72 giờ (trừ thứ Bảy)": no duty to take from
    tokens: list[Tok] = []
    for i, tok in enumerate(raw):
        before = tokens[-1] if tokens else None
        rule = REREAD.get(tok.type)
        if rule is not None:
            place = Place(before, raw[i + 1] if i + 1 < len(raw) else None, raw, i, tokens, text)
            reread = rule(tok, place)
            if reread is None:
                continue  # left out
            tok = reread
        if tok.type == "LATEST" and before is not None and before.type == "FROM":
            tok = tok.retyped("W")  # "tính từ hạn chót nộp học phí": a deadline named as the event
        if tok.type in LEAD_WORDS:
            tok = _lead(tok, before, tokens)
        tokens.append(tok)
    tokens = weekdays_after_days(counted_parts(shifts_after_days(tokens)))
    tokens = clock_after_its_day(tokens)
    tokens = weekdays_told_as_days(weekday_spans(hour_ranges(open_end(tokens, text))))
    tokens = months_of_a_day(tokens)
    tokens = give_way(neighbours(tokens, text))
    return tuple(parts_of_day(tokens, text, has_marks(text)))


_DAY_WORDS = frozenset({"DATE", "MDAY", "MONTH", "MONTHNAME", "WEEK", "RELWEEK", "RELDAY", "YEAR"})


def _closed_days(raw: list[Tok], text: Text) -> list[Tok]:
    """Opening hours with days closed ("từ 7h đến 21h (Chủ nhật nghỉ)", "7h - 17h, thứ Bảy,
    Chủ nhật: nghỉ", "(nghỉ thứ 7)"): those weekdays are left out, as after "trừ". Only
    beside a clock time and no day ("nghỉ thứ 7 tuần này" is that Saturday)."""
    kinds = {t.type for t in raw}
    if "TIME" not in kinds or kinds & _DAY_WORDS:
        return raw
    for i, tok in enumerate(raw):
        if tok.type != "W" or fold(text.said(tok)) != "nghi":
            continue
        excl = Tok("EXCL", tok.start, tok.end, {}, tok.remark)
        if i + 1 < len(raw) and raw[i + 1].type == "WEEKDAY":  # "nghỉ thứ 7, chủ nhật"
            return [*raw[:i], excl, *raw[i + 1 :]]
        j = i
        while j > 0 and raw[j - 1].type in ("WEEKDAY", "AND"):
            j -= 1
        while j < i and raw[j].type == "AND":  # "17h, thứ Bảy, Chủ nhật: nghỉ"
            j += 1
        if j < i:
            return [*raw[:j], excl, *raw[j:i], *raw[i + 1 :]]
    return raw


def _hours(raw: list[Tok]) -> bool:
    """Whether a phrase opens a clock window and names no day: hours kept on days left to
    the reader, from which "trừ Chủ nhật" takes some ("từ 7h đến 21h (trừ Chủ nhật)")."""
    kinds = {t.type for t in raw}
    return "TIME" in kinds and "EXCL" in kinds and not kinds & _DAY_WORDS


def _without_excluded_days(raw: list[Tok]) -> list[Tok]:
    """The tokens without "trừ" and the weekdays it leaves out ("trừ thứ Bảy, Chủ nhật")."""
    kept: list[Tok] = []
    excluding = False
    for tok in raw:
        if tok.type == "EXCL":
            excluding = True
        elif not (excluding and tok.type in ("WEEKDAY", "AND", "NUM", "UNIT", "PLURAL")):
            excluding = False
            kept.append(tok)
    return kept


def _lead(tok: Tok, before: Tok | None, tokens: list[Tok]) -> Tok:
    """``tok`` as a LEAD, joined to the LEAD before it."""
    words = tok.type.lower()
    # "trước khi", "sau khi", "ngay khi": a clause follows, whose words name an event
    clause = {"clause": "1"} if {"bk", "ak", "ck"} & tok.parts.keys() else {}
    if before is not None and before.type == "LEAD":
        tokens.pop()
        joined = before.parts["words"] + " " + words
        parts = {**before.parts, "words": joined, **clause}
        return Tok("LEAD", before.start, tok.end, parts, before.remark and tok.remark)
    return Tok("LEAD", tok.start, tok.end, {"words": words, **clause}, tok.remark)
