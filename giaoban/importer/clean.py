"""Cleaning a notice's text: Unicode, stray marks and spaces, markup, lines.

Real notices reach us as PDF text layers, Word files and pasted Markdown. They
mix precomposed and decomposed diacritics, put a combining mark after a space
or at the start of the next line ("hê ̣thố ng" for "hệ thống"), break words
("t ăng" for "tăng"), glue words to numbers ("ngày07"), and carry Markdown
bold markers. :func:`clean_lines` undoes what can be undone safely and returns
the lines with what the markup told (a bold lead, a Markdown heading).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from giaoban.model.text import nfc

# Combining marks Vietnamese uses: tones (grave, acute, tilde, hook, dot below)
# and vowel qualities (circumflex, breve, horn).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_MARKS = "\u0300-\u036f"
_VOWELS = set("aăâeêioôơuưy")
# Syllable-initial and syllable-final consonant clusters, for re-joining
# fragments of a word split by a stray space.
INITIALS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())
FINALS = frozenset("c ch m n ng nh p t".split())

_JOINT = "\u2063"  # marks a space that may be a split inside a word
_LINE_JOINT = "\u2064"  # a mark moved back across a line break
_LINE_FRAGMENT = re.compile(rf"{_LINE_JOINT}\n[ \t{_JOINT}]*([^\W\d_]+)")
_SPACE_AFTER_MARK = re.compile(rf"([{_MARKS}])[ \t]+(?=\w)")
_STRAY_MARK = re.compile(rf"(\w[{_MARKS}]*)([ \t]*\n?[ \t]*[,.;:]?[ \t]*)([{_MARKS}]+)")
_GLUED_NUMBER = re.compile(r"\b(ngày|tháng|năm|Ngày|Tháng|Năm)(?=\d)")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])[ \t]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_INVISIBLE = re.compile("[\u200b-\u200d\ufeff\u00ad\u2063\u2064]")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_BOLD = re.compile(r"\*\*|__")
# Pictographs a web post opens its lines with ("👉 1. Thời gian", "📣 Thông báo"):
# decoration, not a mark; dropped so that the item mark after them is seen.
_PICTOGRAPHS = re.compile("^[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d \\t]+")
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n(?=\s|$)|\\r(?=\s|$)")


@dataclass(frozen=True)
class Line:
    """One cleaned line of the source and what its markup said."""

    number: int  # 1-based line in the source
    text: str  # NFC, markup removed, spaces collapsed
    bold_lead: str | None = None  # text of a bold span opening the line, if any
    all_bold: bool = False  # the whole line was bold or a Markdown heading
    cells: tuple[tuple[str, str], ...] = ()  # a task table's row: (role, text) of its cells

    @property
    def blank(self) -> bool:
        return not self.text


def normalize(text: str) -> str:
    """Repair Unicode and spacing of a whole text; returns NFC."""
    if _ESCAPED_BREAK.search(text):  # a page's source escapes left in its text ("\\r\\n")
        text = _ESCAPED_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\f", "\n").replace(_JOINT, "")
    if _mixed(text):
        # In a text that mixes precomposed and decomposed letters (a PDF text
        # layer), a space right after a decomposed mark is where a word was split.
        text = _SPACE_AFTER_MARK.sub(rf"\1{_JOINT}", text)
    text = unicodedata.normalize("NFD", text)
    text = _STRAY_MARK.sub(_move_mark, text)
    text = _LINE_FRAGMENT.sub(_pull_fragment, nfc(text)).replace(_LINE_JOINT, "")
    lines = [_repair_words(_SPACES.sub(" ", line).strip()) for line in text.split("\n")]
    text = "\n".join(lines)
    text = _GLUED_NUMBER.sub(r"\1 ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def _mixed(text: str) -> bool:
    """Whether ``text`` has both combining marks and precomposed accented letters."""
    combining = precomposed = False
    for ch in text:
        if unicodedata.combining(ch):
            combining = True
        elif not ch.isascii() and len(unicodedata.normalize("NFD", ch)) > 1:
            precomposed = True
        if combining and precomposed:
            return True
    return False


def _move_mark(match: re.Match[str]) -> str:
    """Put a mark that follows a space or line break back on the letter before it."""
    letter, gap, marks = match.groups()
    if gap and not gap.strip(" \t"):
        gap = _JOINT
    elif gap.strip(" \t") == "\n":
        gap = _LINE_JOINT + "\n"
    return letter + marks + gap


def _pull_fragment(match: re.Match[str]) -> str:
    """A fragment opening the next line after a moved mark belongs to the word above."""
    word = match.group(1)
    return word + "\n" if _consonants_only(word) else "\n" + word


def clean_lines(text: str) -> list[Line]:
    """The lines of ``text``, normalised, with Markdown bold and headings removed."""
    out = []
    for number, raw in enumerate(normalize(text).split("\n"), start=1):
        if _RULE.match(raw):
            out.append(Line(number, ""))
            continue
        out.append(_strip_markup(number, raw))
    return out


def _strip_markup(number: int, raw: str) -> Line:
    heading = bool(_MD_HEADING.match(raw))
    body = _PICTOGRAPHS.sub("", _MD_HEADING.sub("", raw).strip())
    lead = None
    all_bold = heading
    if body.startswith(("**", "__")):
        closing = body.find(body[:2], 2)
        if closing > 2:
            inner = _BOLD.sub(" ", body[2:closing])
            rest = body[closing + 2 :].strip(" *_")
            if rest and not rest.startswith(("**", "__")):
                lead = _tidy(inner)
            elif not rest:
                all_bold = True
    text = _tidy(_BOLD.sub(" ", body))
    return Line(number, text, lead, all_bold)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


# --- words split by stray spaces ------------------------------------------------


def base(ch: str) -> str:
    """A letter without diacritics, lower case ("Ố" -> "o", "Đ" -> "đ")."""
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0].lower() if decomposed else ch


def _is_vowel(ch: str) -> bool:
    return nfc(base(ch)) in _VOWELS or base(ch) in "aeiouy"


def _consonants_only(token: str) -> bool:
    return token.isalpha() and token.islower() and not any(_is_vowel(c) for c in token)


def _lead_consonants(token: str) -> str:
    out = ""
    for ch in token:
        if _is_vowel(ch) or not ch.isalpha():
            break
        out += base(ch)
    return out


def _trail_consonants(token: str) -> str:
    out = ""
    for ch in reversed(token):
        if _is_vowel(ch) or not ch.isalpha():
            break
        out = base(ch) + out
    return out


def _repair_words(line: str) -> str:
    """Re-join word fragments split by stray spaces, then re-seat misplaced tones."""
    tokens = [_join_at_joints(tok) for tok in line.split(" ")]
    tokens = [t for tok in tokens for t in tok.split(" ")]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        core = tok.rstrip(",.;:!?)")
        if core and _consonants_only(core) and len(core) <= 3:
            if core == tok and nxt[:1].islower() and _valid_initial(tok, nxt):
                tokens[i + 1] = tok + nxt
                i += 1
                continue
            prev = out[-1] if out else ""
            if prev[-1:].isalpha() and (_trail_consonants(prev) + core) in FINALS:
                out[-1] = prev + tok
                i += 1
                continue
        out.append(tok)
        i += 1
    return _SPACES.sub(" ", " ".join(_seat_tone(tok) for tok in out))


def _join_at_joints(token: str) -> str:
    """Join the parts of ``token`` split at a suspect space when a part is a fragment."""
    if _JOINT not in token:
        return token
    parts = token.split(_JOINT)
    out = parts[0]
    for part in parts[1:]:
        core = part.rstrip(",.;:!?)")
        fragment = bool(core) and (
            _consonants_only(core) or (len(core) == 1 and core in "uioy" and out[-1:].isalpha())
        )
        out += part if fragment else " " + part
    return out


def _valid_initial(fragment: str, nxt: str) -> bool:
    """Whether ``fragment`` + the start of ``nxt`` begins a Vietnamese syllable."""
    cluster = fragment + _lead_consonants(nxt)
    if cluster not in INITIALS:
        return False
    vowel = nxt[len(_lead_consonants(nxt)) : len(_lead_consonants(nxt)) + 1]
    if cluster in ("gh", "ngh", "k"):
        return base(vowel) in "eiy"
    return True


def _seat_tone(token: str) -> str:
    """Move a tone mark that sits on a consonant onto the syllable's main vowel."""
    if not token.isalpha():
        return token
    decomposed = unicodedata.normalize("NFD", token)
    tones = [c for i, c in enumerate(decomposed) if c in _TONES and _after_consonant(decomposed, i)]
    if not tones:
        return token
    stripped = "".join(
        c for i, c in enumerate(decomposed) if not (c in _TONES and _after_consonant(decomposed, i))
    )
    letters = nfc(stripped)
    where = _main_vowel(letters)
    if where is None:
        return token
    return nfc(letters[: where + 1] + tones[0] + letters[where + 1 :])


def _after_consonant(decomposed: str, index: int) -> bool:
    j = index - 1
    while j >= 0 and unicodedata.combining(decomposed[j]):
        j -= 1
    return j >= 0 and decomposed[j].isalpha() and not _is_vowel(decomposed[j])


def _main_vowel(word: str) -> int | None:
    """Index of the vowel that carries the tone (the modern placement rule)."""
    positions = [i for i, c in enumerate(word) if _is_vowel(c)]
    low = word.lower()
    if positions and low.startswith(("qu", "gi")) and len(positions) > 1 and positions[0] == 1:
        positions = positions[1:]
    if not positions:
        return None
    for i in reversed(positions):
        if nfc(base(word[i])) in "ăâêôơư":
            return i
    if positions[-1] < len(word) - 1 or len(positions) == 1:
        return positions[-1]
    pair = "".join(base(word[i]) for i in positions[-2:])
    return positions[-1] if pair in ("oa", "oe", "uy") else positions[-2]
