"""Owner (chủ trì) and supporting (phối hợp) units of an item.

An owner is the subject of a task sentence: a unit named at the start of a
clause, or after "Giao", "Đề nghị", "Yêu cầu", "Phân công", and followed by a
verb ("Văn phòng Trung ương Đoàn *tham mưu* ..."), or named before the colon
that opens an item ("Trung tâm Y tế Huyện: Khẩn trương ..."). A unit is a name
from the registry (matched on its fold, longest first) or a phrase that opens
with a unit word ("Ban", "Văn phòng", "Phòng", "Sở", "các đơn vị", ...) and
runs to the verb; a list of kinds of bodies ("các sở, ban, ngành") is one
unit. Supporting units follow "phối hợp (với)". The issuing body speaking
("Ban Bí thư Trung ương Đoàn đánh giá cao ...") is never an owner, nor are the
units a directing verb names ("đôn đốc các sở, ngành ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from giaoban.importer.words import (
    DETERMINERS,
    DIRECTION_WORDS,
    DIVISIONS,
    HEADS,
    LEADERS,
    PERSONS,
    STAFF,
    TRIGGERS,
    VERBS,
    Lexicon,
    capitalized,
)
from giaoban.model.marks import BULLET, PLUS
from giaoban.model.text import fold, fold_keep
from giaoban.model.units import Registry

_CLAUSE = re.compile(r"(?:^|[.;:!?]\s+|,\s+|\(\s*)")
_CONNECTOR = re.compile(
    r"(?:(?:dong thoi|trong do|ngoai ra|sau do|rieng)\s*,?\s+"
    r"|(?:moi|hang|hang) (?:thang|tuan|nam|quy|ngay)\s+"
    r"|(?:tu|trong|truoc|vao|den|luc)\s+[^,;.]{0,40}?\d{4}\s*,?\s+)"
)
_STOP = Lexicon(
    "để|cho|với|tại|theo|trong|khi|nếu|đã|được|bị|là|thì|mà|này|về việc|nhằm|trên|gồm|"
    "bao gồm|như|sau|trước|từ|đến|vào|không|chưa|cũng|đều"
)
_SPEAKER = Lexicon(
    "đề nghị|yêu cầu|giao|lưu ý|đánh giá cao|ghi nhận|thông báo|kết luận|tuyên dương|"
    "biểu dương|mong muốn|khẳng định"
)
# a speaker's directions with the work after a colon ("chỉ đạo:", "có ý kiến như sau:")
_DIRECTING = re.compile(rf"(?:co\s+)?{DIRECTION_WORDS}(?:\s+chi dao)?(?:\s+nhu sau)?\s*:")
# a leader (a person, named or not) who directs units ("ông Trần Sơn Hải chỉ đạo các sở")
_LEADER_DIRECTS = re.compile(
    r"(?<![\w])(?:ong|ba|dong chi)(?:\s+[^\s,.;:]+){0,4}?\s+chi dao\s+(?!:)"
)
_SUPPORT = re.compile(r"(?<!chuong trinh )phoi hop\s+(?:chat che\s+)?(?:voi\s+)?")
_TITLE = re.compile(r"(?:ong|ba)\s")
_PERSON_START = re.compile(r"(?<![\w])(?:ong|ba)\s+(?=[A-Z])", re.IGNORECASE)
_ADDRESSED = re.compile(r"doi voi\s+")
# what opens a heading that names the units of the items under it, besides a word that
# gives work ("Giao", "Đề nghị"): "Đối với X", "Trách nhiệm của X"
_ADDRESS = Lexicon("đối với|trách nhiệm của|nhiệm vụ của")
# what ends a unit's name in a heading and is no part of it: an aside in brackets, or a
# comma then a lower-case time or condition ("Phòng GD&ĐT, trước ngày 15/8/2024")
_ASIDE = re.compile(
    r"\(|,\s*(?:truoc|trong|tu|den|sau|vao|cham nhat|han|xong|hoan thanh|khi|neu)(?![\w])"
)
# a bare "giao" that may give work, not part of "chuyển giao", "bàn giao", "giao nhận"
_GIVES = re.compile(r"(?<![\w])(?<!chuyen )(?<!ban )giao\s+")
_BARE_HEADS = frozenset(
    {"ban", "phong", "so", "nganh", "don vi", "co quan", "dia phuong", "truong", "khoa", "bo"}
    | {"chi doan", "lien chi doan", "chi hoi", "lien chi hoi"}
)
_HEAD_GROUP = "|".join(sorted(_BARE_HEADS | DIVISIONS, key=len, reverse=True))
# the standing qualifiers of a kind of body ("cơ quan ngang Bộ", "cơ quan thuộc Chính phủ")
_QUALIFIER = (
    r"(?:\s+(?:ngang bo|thuoc chinh phu|truc thuoc trung uong|lien quan|truc thuoc|tren dia ban))?"
)
_GROUP = re.compile(
    rf"(?:cac|moi|nhung|tung)\s+(?:{_HEAD_GROUP}){_QUALIFIER}"
    rf"(?:\s*(?:,|va)\s*(?:{_HEAD_GROUP})\b{_QUALIFIER})+(?![\w])"
)
# a group of bodies a lower-case phrase may name ("các đơn vị liên quan")
_GROUP_START = re.compile(rf"(?:cac|moi|nhung)\s+(?:{_HEAD_GROUP})\b")
# "và" before a group or a leader's title: the name ends, a second unit follows ("giám
# đốc các sở và chủ tịch UBND các huyện"); "Văn phòng HĐND và UBND" is one name
_ANOTHER = re.compile(
    r"va\s+(?=(?:cac|moi|nhung|tung|giam doc|chu tich|thu truong|hieu truong|truong)\s)"
)
_LOWER_WORD = re.compile(r"\s*[a-zà-ỹđ]+(?![\w])")
# what may stand between an assigned unit and its verb ("Giao Sở Tài chính trên cơ sở
# nhiệm vụ ... tham mưu", "Giao Văn phòng, căn cứ kế hoạch, chuẩn bị")
_ADVERBIAL = re.compile(r",?\s*(?:tren co so|can cu|theo|trong pham vi|tu nay)\b")
# up to six lower-case words running on to a comma ("bầu cử quốc gia" before ", Bộ Y tế")
_RUN_ON = re.compile(r"(?:\s+[a-z]+){1,6}(?=\s*,)")
_LIST_SEP = re.compile(r"\s*(?:,|\s+va\b)\s*")
_LIST_SEP_GIVEN = re.compile(r"\s*(?:[,;]|\s+va\b)\s*")
_NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ&]*")
_WORD = re.compile(r"[\w&/.-]+")
_SENTENCE_END = re.compile(r"\.\s+[A-ZĐÀ-Ỹ]")
_MAX_WORDS = 14
_INFORMS = re.compile(r"thong bao (?:den|cho|toi|ve viec)\b")
_SPEAKERS = ("ban bi thu", "thuong truc ban bi thu", "ban thuong vu")
# verbs whose object is a unit that does the work under someone else's eye ("Sở A đôn
# đốc các sở, ngành; UBND các huyện khẩn trương triển khai ...": the huyện are urged)
_DIRECTS = re.compile(r"(?<![\w])(?:don doc|chi dao|huong dan|nhac nho|doc thuc)\s+")
# the mark of each line of a list a table's cell joins into one ("- Ban A - Ban B")
_LIST_MARK = re.compile(rf"(?:^|\s+)(?:{BULLET}|{PLUS})\s+")


@dataclass(frozen=True)
class Unit:
    """A unit as written in the text, and its registry name when it has one."""

    written: str
    canonical: str | None = None

    @property
    def name(self) -> str:
        return self.canonical or capitalized(self.written)


@dataclass(frozen=True)
class Units:
    owners: tuple[Unit, ...] = ()
    supports: tuple[Unit, ...] = ()


class UnitReader:
    """Reads units in text with the registry and the usual patterns."""

    def __init__(self, registry: Registry, speakers: Iterable[str] = ()) -> None:
        self.registry = registry
        names = {fold(n): e.name for e in registry.entries() for n in e.names()}
        self._names = sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.speakers = tuple(fold(s) for s in speakers if s) + _SPEAKERS

    # --- one unit, or a list of units, at a position --------------------------------

    def _registry_at(self, folded: str, pos: int) -> int | None:
        for name, _canonical in self._names:
            end = pos + len(name)
            if folded.startswith(name, pos) and not _word_char(folded, end):
                return end
        return None

    def _pattern_at(self, text: str, folded: str, pos: int, introduced: bool) -> int | None:
        person = PERSONS.match(text, folded, pos)
        if person and (introduced or _TITLE.match(folded, pos)) and _person_end(text, folded, pos):
            return _person_end(text, folded, pos)
        # "các phòng, ban, đơn vị", "các sở, ngành liên quan": one group of units
        group = _GROUP.match(folded, pos)
        end = group.end() if group else _head_end(text, folded, pos, introduced)
        if end is None:
            return None
        bare = len(folded[pos:end].split()) == 1  # "Phòng" alone names no unit
        # a group of kinds of bodies has no dashed part, as "Phòng Tài chính - Kế hoạch" has
        group_start = group is not None
        words = 0
        while words < _MAX_WORDS:
            nxt = _skip_space(folded, end)
            if nxt >= len(folded) or folded[nxt] in '.;:(),"“”':
                return end
            group = _GROUP.match(folded, nxt)
            if group:  # "giám đốc các sở, ban, ngành": the list of kinds is one name
                end, words = group.end(), words + 1
                continue
            another = _ANOTHER.match(folded, nxt)
            if another and (
                _head_end(text, folded, another.end(), True) or _GROUP.match(folded, another.end())
            ):
                return end  # "giám đốc các sở và chủ tịch UBND ...": a second unit
            if group_start and _dash_job(text, folded, nxt):
                return end  # "các xã, phường - Tiếp tục triển khai ...": the job follows
            lower = not text[nxt].isupper()  # a capitalised word goes on the name ("Ban Tổ chức")
            level = _level_after_verb(text, folded, nxt) if lower else None
            if level is not None:  # "Ban Quản lý dự án đầu tư xây dựng huyện rà soát ..."
                end, words = level, words + 1
                continue
            if lower and _ends_name(text, folded, nxt):
                return None if bare and not words else end
            word = _WORD.match(folded, nxt)
            if not word:
                return None if bare and not words else end
            if len(word.group()) > 3 and _SENTENCE_END.match(text, word.end() - 1):
                return word.end() - 1  # "... Đảm bảo chất lượng. Phòng Tài chính": a new sentence
            end = word.end()
            words += 1
        return None

    def unit_at(self, text: str, folded: str, pos: int, introduced: bool = False) -> int | None:
        """End of the unit phrase starting at ``pos``, or None."""
        registered = self._registry_at(folded, pos)
        if registered is not None and self._ends_phrase(text, folded, registered):
            return registered
        pattern = self._pattern_at(text, folded, pos, introduced)
        ends = [end for end in (registered, pattern) if end is not None]
        return max(ends) if ends else None

    @staticmethod
    def _ends_phrase(text: str, folded: str, end: int) -> bool:
        """A registered name ends the unit when a verb, a stop word or punctuation follows,
        or a lower-case word that goes on no name ("Ban Tổ chức mời ...", not "Ban Tổ
        chức huyện ủy")."""
        nxt = _skip_space(folded, end)
        return (
            nxt >= len(folded)
            or not folded[nxt].isalnum()
            or bool(VERBS.match(text, folded, nxt) or _STOP.match(text, folded, nxt))
            or folded.startswith(("khac", "lien quan"), nxt)
            or (nxt > end and text[nxt].islower() and not _goes_on_name(text, folded, nxt))
        )

    def units_at(
        self, text: str, folded: str, pos: int, introduced: bool = False
    ) -> tuple[list[Unit], int]:
        """The list of units ("A, B và C") starting at ``pos`` and where it ends."""
        found: list[Unit] = []
        end = pos
        while True:
            start, led = _skip_leader(text, folded, end if found else pos)
            stop = self.unit_at(text, folded, start, introduced or led)
            if stop is None:
                break
            found.append(self.unit(text[start:stop]))
            end = stop
            # "Giao các sở, ngành tỉnh; UBND các huyện; Các Ban QLDA ... báo cáo": after
            # a word that gives work, ";" may go on with the list of units
            separator = _LIST_SEP_GIVEN if introduced else _LIST_SEP
            sep = separator.match(folded, end)
            if sep and not self._unit_follows(text, folded, sep.end(), introduced):
                tail = self._name_tail(text, folded, end)
                if tail is None:
                    break
                # "Phòng Chính trị, tư tưởng phối hợp ...", "Phòng Chính trị, tư tưởng; Ban A"
                found[-1] = self.unit(text[start:tail])
                end = tail
                sep = separator.match(folded, end)
                if sep and not self._unit_follows(text, folded, sep.end(), introduced):
                    break
            if not sep:
                break
            end = sep.end()
        return found, end

    def subject(self, text: str) -> list[Unit]:
        """The units a sentence opens with as its subject ("Phòng GD&ĐT rà soát ..."),
        else none: a unit followed by its verb, not the notice's speaker."""
        folded = fold_keep(text)
        units, end = self.units_at(text, folded, 0)
        if not units or self._is_speaker(units, text, folded, end):
            return []
        return units if VERBS.match(text, folded, _skip_space(folded, end)) else []

    def support_list(self, text: str, folded: str, pos: int) -> tuple[list[Unit], int]:
        """The units after "phối hợp với" at ``pos`` and where their list ends.

        A name may run on past a word that reads as a verb to the comma before the
        next unit ("Văn phòng Hội đồng bầu cử quốc gia, Bộ Y tế"): the list goes
        on while each comma or "và" is followed by a unit.
        """
        found: list[Unit] = []
        end = at = pos
        while True:
            start, led = _skip_leader(text, folded, at)
            stop = self.unit_at(text, folded, start, True)
            if stop is None:
                break
            run = _RUN_ON.match(folded, stop)
            if (
                run
                and not _has_phrase_verb(text, folded, stop, run.end())
                and self._unit_follows(text, folded, run.end() + 1)
            ):
                stop = run.end()
            found.append(self.unit(text[start:stop]))
            end = stop
            sep = _LIST_SEP.match(folded, stop)
            if not sep or not self._unit_follows(text, folded, sep.end()):
                break
            at = sep.end()
        return found, end

    def _unit_follows(self, text: str, folded: str, pos: int, introduced: bool = True) -> bool:
        """Whether a unit (after a leader's title, if any) starts at ``pos``."""
        probe, led = _skip_leader(text, folded, pos)
        return self.unit_at(text, folded, probe, introduced or led) is not None

    @staticmethod
    def _name_tail(text: str, folded: str, end: int) -> int | None:
        """End of a name that goes on past a comma with a few lower-case words right
        before its verb ("Phòng Chính trị, tư tưởng phối hợp"), or before the end of the
        text or a ";" (a list of names: "Ban A; Phòng Chính trị, tư tưởng"), else None."""
        comma = re.compile(r",\s*").match(text, end)
        if comma is None:
            return None
        at = comma.end()
        if HEADS.match(text, folded, at):
            return None  # "Đoàn trường, hội sinh viên tổ chức": another unit
        for _ in range(3):
            word = _LOWER_WORD.match(text, at)
            if word is None:
                return None
            at = word.end()
            nxt = _skip_space(folded, at)
            if nxt == len(folded) or folded[nxt] == ";" or VERBS.match(text, folded, nxt):
                return at
        return None

    def unit(self, written: str) -> Unit:
        written = written.strip(" ,")
        return Unit(written, self.registry.canonical(written))

    # --- roles in a task's text --------------------------------------------------

    def read(self, text: str) -> Units:
        """Owners and supporting units of one item's text."""
        folded = fold_keep(text)
        supports, helping = self._supports(text, folded)
        owners: list[Unit] = []
        for pos, introduced in self._starts(text, folded):
            if any(start <= pos < end for start, end in helping):
                continue  # "..., Bộ Y tế và các cơ quan liên quan hướng dẫn": a helper
            if self._directed(text, folded, pos):
                continue
            units, end = self.units_at(text, folded, pos, introduced)
            if not units or self._is_speaker(units, text, folded, end, given=introduced):
                continue
            role = _role(text, folded, _skip_space(folded, end), introduced)
            if role == _SUPPORTS:
                supports.extend(units)
            elif role == _OWNS:
                owners.extend(units)
        if not owners:
            owners = self._before_colon(text, folded) or self._registered_subject(text, folded)
        owners = _unique(owners)
        keys = {_key(u) for u in owners}
        return Units(tuple(owners), tuple(u for u in _unique(supports) if _key(u) not in keys))

    def _supports(self, text: str, folded: str) -> tuple[list[Unit], list[tuple[int, int]]]:
        """The units after each "phối hợp (với)" of ``text``, and where each list of them
        runs ("phối hợp với A, B và C")."""
        supports: list[Unit] = []
        helping: list[tuple[int, int]] = []
        for match in _SUPPORT.finditer(folded):
            units, end = self.support_list(text, folded, match.end())
            supports.extend(u for u in units if _named(u))
            helping.append((match.end(), end))
        return supports, helping

    def _before_colon(self, text: str, folded: str) -> list[Unit]:
        """The units an item opens with, before a colon ("Đối với X: ...", "Trung tâm Y
        tế Huyện: Khẩn trương truy vết ..."): the ones it gives the work to."""
        addressed = _ADDRESSED.match(folded)
        start = addressed.end() if addressed else 0
        units, end = self.units_at(text, folded, start, introduced=True)
        label = _label_end(text, folded, end) if len(units) == 1 else None
        if label is not None:  # "Khoa Khám bệnh, Điều trị theo yêu cầu: ...": one name
            units = [self.unit(text[start:label])]
            end = label
        after = _skip_space(folded, end)
        close = folded.find(")", after) if folded.startswith("(", after) else -1
        if close > 0:  # "Phòng GD&ĐT (hoàn thành trước ngày 15/8/2024): ..."
            after = _skip_space(folded, close + 1)
        return units if units and folded[after : after + 1] == ":" else []

    def _registered_subject(self, text: str, folded: str) -> list[Unit]:
        """The registered unit ``text`` opens with, then a job in words the reader has no
        verb for ("Ban Tổ chức Trung ương Đoàn mời đại biểu ..."): a unit named at the
        start of an item is its subject whatever the verb. Not one that did the work
        already ("... đã ..."), a speaker, nor one a stop word follows ("... là ...")."""
        end = self._registry_at(folded, 0)
        if end is None:
            return []
        after = _skip_space(folded, end)
        if after == end or not text[after : after + 1].islower():
            return []  # a capitalised word, a mark, the end: the name goes on, or no job
        units = [self.unit(text[:end])]
        if (
            folded.startswith("da ", after)
            or _STOP.match(text, folded, after)
            or _goes_on_name(text, folded, after)
            or self._is_speaker(units, text, folded, end)
        ):
            return []
        return units

    def opener(self, text: str) -> list[Unit]:
        """The units ``text`` opens with as the subject of its job: followed by a verb, or
        registered and followed by a job in words the reader has no verb for."""
        folded = fold_keep(text)
        return self.subject(text) or self._registered_subject(text, folded)

    def opening(self, text: str) -> str:
        """The unit phrase ``text`` opens with as written ("" when none, or a speaker's):
        what the clerk is asked to check when its job is not read from it."""
        folded = fold_keep(text)
        units, end = self.units_at(text, folded, 0)
        if not units or self._is_speaker(units, text, folded, end):
            return ""
        return text[:end].strip(" ,")

    def _directed(self, text: str, folded: str, pos: int) -> bool:
        """Whether the clause at ``pos`` goes on with the units a directing verb of the
        clause before it names ("đôn đốc các sở, ngành liên quan; Uỷ ban nhân dân các
        huyện khẩn trương triển khai ..."): those units are urged, not in charge."""
        before = folded[:pos].rstrip()
        if not before.endswith(";"):
            return False
        clause_start = max(before.rfind(c, 0, len(before) - 1) for c in ".;:") + 1
        verbs = list(_DIRECTS.finditer(folded, clause_start, len(before)))
        if not verbs:
            return False
        urged, end = self.units_at(text, folded, verbs[-1].end(), introduced=True)
        # the urged list ends at the ";" or, read on across it, holds the unit at ``pos``
        return bool(urged) and (_skip_space(folded, end) == len(before) - 1 or end > pos)

    def _starts(self, text: str, folded: str) -> Iterable[tuple[int, bool]]:
        for match in _CLAUSE.finditer(folded):
            pos = match.end()
            connector = _CONNECTOR.match(folded, pos)
            yield (connector.end() if connector else pos), False
        for match in TRIGGERS.finditer(text, folded):
            if not re.search(r"(?:duoc|do|da)\s+$", folded[: match.start()]):
                yield _skip_space(folded, match.end()), True
        for match in _PERSON_START.finditer(text):
            if PERSONS.match(text, folded, match.start()):  # "Ông X chỉ đạo ..." anywhere
                yield match.start(), False
        for match in _LEADER_DIRECTS.finditer(folded):
            # a leader who directs units gives them the work ("ông chỉ đạo các sở, ngành
            # cần chuẩn bị ..."); a unit that directs others keeps it ("Sở A chỉ đạo ...")
            yield match.end(), True

    def _is_speaker(
        self, units: list[Unit], text: str, folded: str, end: int, given: bool = False
    ) -> bool:
        """Whether ``units`` speak rather than work: the notice's issuer, or a unit that
        announces, asks or directs; not a unit that work is ``given`` to ("Giao Trung tâm
        X thông báo ...", "Đề nghị Phòng Y đề nghị ...": telling is the job given)."""
        if any(fold(u.written).startswith(self.speakers) for u in units):
            return True
        after = _skip_space(folded, end)
        if given and not _DIRECTING.match(folded, after):
            return False
        if _INFORMS.match(folded, after):
            # "Khoa thông báo đến sinh viên ...": passing the news on is work given to
            # the unit; only the notice's own issuer (a speaker, above) announces
            return False
        # "ông X chỉ đạo: ...", "UBND tỉnh có ý kiến chỉ đạo như sau: ...": the work follows
        return bool(_SPEAKER.match(text, folded, after) or _DIRECTING.match(folded, after))

    def heading(self, title: str) -> list[Unit]:
        """The units a heading is about, when it names nothing else: "Giao Ban Tổ chức",
        "Đối với X", "Đề nghị X", a unit's name alone. What names them ends at a colon
        ("Phòng GD&ĐT: Rà soát ..."), at an aside in brackets ("Phòng GD&ĐT (hoàn thành
        trước ngày 15/8/2024)") and at a comma that a time or a condition follows
        ("Phòng GD&ĐT, trước ngày 15/8/2024"): the heading is kept whole as its
        section's title, so what follows its units is not lost."""
        return self._named(title, asides=True)

    def _named(self, title: str, asides: bool) -> list[Unit]:
        """The units ``title`` names and nothing else; with ``asides``, what follows them
        after a colon, in brackets or after a comma and a time is no part of their names."""
        body = title.strip()
        folded = fold_keep(body)
        opener = _ADDRESS.match(body, folded, 0) or TRIGGERS.match(body, folded, 0)
        if opener is not None:
            body = body[opener.end() :].lstrip()
        body = (body.partition(":")[0] if asides else body).rstrip(" .:;")
        folded = fold_keep(body)
        units, end = self.units_at(body, folded, 0, introduced=True)
        after = _skip_space(folded, end)
        if units and (after >= len(folded) or (asides and _ASIDE.match(folded, after))):
            return units
        verbs = [m for m in VERBS.finditer(body, folded) if not body[m.start()].isupper()]
        # "Văn phòng X thuê âm thanh ...": a registered unit's job, in words the reader has
        # no verb for, not a unit's long name; its sub-items take the unit as the job's
        if units and not verbs and not self._registered_subject(body, folded):
            if not any(True for _ in _SPEAKER.finditer(body, folded)):
                return [self.unit(body)]
        return []

    def heads(self, text: str) -> bool:
        """Whether ``text``, a heading with no mark, names the units that do the work of
        the items under it ("Giao Văn phòng Tỉnh đoàn:", "VĂN PHÒNG TỈNH ĐOÀN")."""
        return bool(self.heading(text))

    def opens_job(self, text: str) -> bool:
        """Whether ``text`` opens with the units that do its job: a subject and its verb
        ("Phòng Tài chính - Kế hoạch bố trí kinh phí ..."), or a word that gives work and
        the units it gives it to ("Giao Văn phòng HĐND và UBND huyện theo dõi ...")."""
        if self.opener(text):
            return True
        folded = fold_keep(text)
        trigger = TRIGGERS.match(text, folded, 0)
        if trigger is None:
            return False
        units, end = self.units_at(text, folded, _skip_space(folded, trigger.end()), True)
        return bool(units) and _role(text, folded, _skip_space(folded, end), True) == _OWNS

    def listed(self, value: str) -> list[Unit]:
        """The units a field line's value or a table's "who" cell names, each once:
        "Ban A; Ban B", "Văn phòng, Ban Phong trào", "Ban A và Ban B", a cell's lines (a
        Word cell's paragraphs, with or without bullets), or a list whose lines the cell
        joins ("- Ban A - Ban B"). A name with a comma in it stays whole ("Phòng Chính
        trị, tư tưởng"), as does a group ("các sở, ban, ngành"), and a name broken over
        two lines. None when a part of ``value`` names no unit: the caller keeps it as
        written."""
        lines = [line.strip() for line in value.split("\n") if line.strip()]
        found = self._listed_lines(lines)
        if found is None and len(lines) > 1:  # a name broken over lines: read as one line
            found = self._listed_lines([" ".join(lines)])
        return _unique(found or [])

    def _listed_lines(self, lines: list[str]) -> list[Unit] | None:
        """The units of each line's items; None when an item names no unit."""
        found: list[Unit] = []
        for part in (item for line in lines for item in self._list_items(line)):
            units = self._named(part, asides=False)
            if not units:
                return None
            found.extend(units)
        return found

    def _list_items(self, value: str) -> list[str]:
        """The lines of a list ``value`` opens with a mark of ("- Ban A - Ban B"), else
        ``value``. A mark inside a name is the name's ("- Ban Tổ chức - Kiểm tra"): a line
        starts only where a unit does and no registered name runs across the mark."""
        marks = list(_LIST_MARK.finditer(value))
        if not marks or marks[0].start() != 0:
            return [value]
        folded = fold_keep(value)
        items: list[str] = []
        start = marks[0].end()
        for mark in marks[1:]:
            if self._named_across(folded, start, mark.start()) or (
                self.unit_at(value, folded, mark.end(), True) is None
            ):
                continue
            items.append(value[start : mark.start()])
            start = mark.end()
        return [*items, value[start:]]

    def _named_across(self, folded: str, start: int, at: int) -> bool:
        """Whether a registered name that starts at a word from ``start`` on runs past ``at``."""
        words = (m.start() for m in re.finditer(r"(?<![\w&])[\w&]", folded[start:at]))
        ends = (self._registry_at(folded, start + pos) for pos in words)
        return any(end is not None and end > at for end in ends)

    def announcer(self, text: str) -> list[Unit]:
        """Who announces ("Sở GD&ĐT thông báo lịch tiếp công dân ..."): the body a notice
        without addressees is about."""
        folded = fold_keep(text)
        for match in _CLAUSE.finditer(folded):
            units, end = self.units_at(text, folded, match.end())
            if units and folded.startswith("thong bao", _skip_space(folded, end)):
                return units
        return []

    def open_list(self, clause: str) -> bool:
        """Whether ``clause`` ends in a list of units that a word giving or directing work
        opens, with no job after it ("Giao các sở, ngành tỉnh", "Sở A đôn đốc các sở,
        ngành liên quan"): the ";" after it goes on with the list, not with a new job."""
        folded = fold_keep(clause).rstrip(" ;")
        for match in [*TRIGGERS.finditer(clause, folded), *_DIRECTS.finditer(folded)]:
            pos = _skip_space(folded, match.end())
            units, end = self.units_at(clause, folded, pos, introduced=True)
            if units and _skip_space(folded, end) >= len(folded):
                return True
        return False

    def assignments(self, text: str) -> list[int]:
        """Where ``text`` gives work with a bare "giao" ("..., Phó Chủ tịch UBND Thành phố
        giao các phòng, ban ...", "Giao Văn phòng ..."): the word is followed by a unit
        that names a body; "giao ban" (a briefing), "chuyển giao", "bàn giao" give none."""
        folded = fold_keep(text)
        found = []
        for match in _GIVES.finditer(folded):
            if folded.startswith("ban ", match.end()) and text[match.end()].islower():
                continue  # "họp giao ban Văn phòng": a briefing
            units, _end = self.units_at(text, folded, match.end(), introduced=True)
            if units and all(_named(u) for u in units):
                found.append(match.start())
        return found

    def addressees(self, text: str) -> list[Unit]:
        """Who a closing or opening sentence asks to act ("Đề nghị các ban, đơn vị ...")."""
        folded = fold_keep(text)
        pattern = re.compile(r"(?<![\w])(?:de nghi|yeu cau|de)\s*,?\s+(?:tap the\s+)?")
        for match in pattern.finditer(folded):
            units, end = self.units_at(text, folded, match.end(), introduced=True)
            if units and not self._is_speaker(units, text, folded, end):
                return units
        return []


_OWNS, _SUPPORTS = "owns", "supports"


def _role(text: str, folded: str, after: int, introduced: bool) -> str:
    """What the units before ``after`` do, by the words that follow them: ``_OWNS`` (a
    verb, a bracket or a dash opens their job), ``_SUPPORTS`` ("khác": the others
    help), or "" (they did it already, or nothing says)."""
    if folded.startswith("da ", after):
        return ""
    if folded.startswith("khac", after):
        return _SUPPORTS
    if (
        VERBS.match(text, folded, after)
        or _skip_paren(text, folded, after)
        or _dash_job(text, folded, after)
    ):
        return _OWNS
    if introduced and _SPEAKER.match(text, folded, after):
        return _OWNS  # "Giao Trung tâm X thông báo ...": its job is to tell
    if introduced and _ADVERBIAL.match(folded, after):
        return _OWNS  # "Giao Sở Tài chính trên cơ sở ... tham mưu"
    return ""


_DIVISION = re.compile(rf"(?:{'|'.join(sorted(DIVISIONS, key=len, reverse=True))})(?![\w])")


def _goes_on_name(text: str, folded: str, pos: int) -> bool:
    """Whether the lower-case word at ``pos`` may go on a unit's name: a unit word or a
    level of government ("Ban Tổ chức huyện ủy", "Sở Y tế tỉnh Bắc Giang")."""
    return bool(HEADS.match(text, folded, pos) or _DIVISION.match(folded, pos))


def _named(unit: Unit) -> bool:
    """Whether ``unit`` names a body: registered, capitalised ("Sở Y tế") or a group
    of bodies ("các đơn vị liên quan"), not a lower-case phrase read as a unit."""
    folded = fold_keep(unit.written)
    return bool(unit.canonical or unit.written[:1].isupper() or _GROUP_START.match(folded))


def _has_phrase_verb(text: str, folded: str, start: int, end: int) -> bool:
    """Whether a verb of two or more words ("tổ chức", "chuẩn bị") stands between
    ``start`` and ``end``: the helper's own job, not the rest of its name. A verb of
    one word may be part of a name ("Hội đồng bầu cử quốc gia")."""
    return any(
        " " in m.group().strip() and start <= m.start() < end for m in VERBS.finditer(text, folded)
    )


def _word_char(folded: str, index: int) -> bool:
    return index < len(folded) and (folded[index].isalnum() or folded[index] == "&")


def _skip_space(folded: str, pos: int) -> int:
    while pos < len(folded) and folded[pos] == " ":
        pos += 1
    return pos


def _skip_leader(text: str, folded: str, pos: int) -> tuple[int, bool]:
    """Skip a leader's title before a unit ("lãnh đạo các ban"); say whether one was there."""
    pos = _skip_space(folded, pos)
    leader = LEADERS.match(text, folded, pos)
    if leader:
        after = _skip_space(folded, leader.end())
        if _head_end(text, folded, after, True) is not None:
            return after, True
    after = _skip_staff(text, folded, pos)
    if after != pos and _head_end(text, folded, after, True) is not None:
        return after, True
    return pos, False


def _skip_staff(text: str, folded: str, pos: int) -> int:
    """After a list of a unit's staff ("lãnh đạo, công chức, viên chức và người lao
    động"), where the unit they belong to starts; ``pos`` when there is none."""
    at = pos
    while True:
        staff = STAFF.match(text, folded, _skip_space(folded, at))
        if staff is None:
            return at
        at = staff.end()
        sep = _LIST_SEP.match(folded, at)
        if sep and STAFF.match(text, folded, _skip_space(folded, sep.end())):
            at = sep.end()
        else:
            return _skip_space(folded, at)


def _head_end(text: str, folded: str, pos: int, introduced: bool) -> int | None:
    """End of a unit word ("Ban", "các đơn vị") at ``pos``; a bare lower-case one
    ("đơn vị" inside a sentence) only when a trigger or a leader introduced it."""
    det = DETERMINERS.match(text, folded, pos)
    start = _skip_space(folded, det.end()) if det else pos
    head = HEADS.match(text, folded, start)
    if not head or (not det and VERBS.match(text, folded, start)):
        return None
    if det or introduced or text[pos : pos + 1].isupper():
        return head.end()
    return None


def _label_end(text: str, folded: str, end: int) -> int | None:
    """End of a unit's name that goes on past a comma to the colon of an item's label
    ("Khoa Khám bệnh, Điều trị theo yêu cầu: ..."): a few words with no verb and no
    sentence mark; None when the unit ends at the colon itself or no such label follows."""
    colon = folded.find(":", end)
    rest = folded[end:colon]
    if colon < 0 or not rest.startswith(",") or re.search(r"[.;()]", rest):
        return None
    if _ASIDE.match(folded, end):
        return None  # "Phòng GD&ĐT, trước ngày 15/8/2024:": a time, no part of the name
    if len(rest.split()) > _MAX_WORDS // 2 or any(
        True for _ in VERBS.finditer(text[end:colon], rest)
    ):
        return None
    return colon


def _dash_job(text: str, folded: str, pos: int) -> bool:
    """A dash then a verb at ``pos`` (" - Tiếp tục triển khai ..."): the job of the units
    before it."""
    dash = re.compile(r"[-–]\s+").match(folded, pos)
    return dash is not None and bool(VERBS.match(text, folded, dash.end()))


def _level_after_verb(text: str, folded: str, pos: int) -> int | None:
    """End of a verb at ``pos`` and the level of government right after it that ends a
    unit's name ("xây dựng huyện" in "Ban Quản lý dự án đầu tư xây dựng huyện rà soát
    ..."): a local body's name ends with its level, so a verb before it is the name's
    (the project is "đầu tư xây dựng"), when a verb, a stop word, a mark or the end
    follows the level. None otherwise: "Phòng Nội vụ tổ chức hội nghị cấp huyện về ..."
    has its verb after the name."""
    verb = VERBS.match(text, folded, pos)
    if verb is None:
        return None
    level = _DIVISION.match(folded, _skip_space(folded, verb.end()))
    if level is None:
        return None
    end = level.end()
    nxt = _skip_space(folded, end)
    while nxt < len(text) and text[nxt].isupper() and (place := _WORD.match(folded, nxt)):
        end = place.end()  # the place the level names ("huyện Hiệp Hòa")
        nxt = _skip_space(folded, end)
    ends = nxt >= len(folded) or not folded[nxt].isalnum()
    if ends or VERBS.match(text, folded, nxt) or _STOP.match(text, folded, nxt):
        return end
    return None


def _ends_name(text: str, folded: str, pos: int) -> bool:
    return bool(
        VERBS.match(text, folded, pos)
        or _STOP.match(text, folded, pos)
        or _SPEAKER.match(text, folded, pos)
    )


def _skip_paren(text: str, folded: str, pos: int) -> bool:
    """A parenthesis after the unit, then a verb: "trường X (đơn vị đặt ...) chuẩn bị"."""
    if pos >= len(folded) or folded[pos] != "(":
        return False
    close = folded.find(")", pos)
    return close > 0 and bool(VERBS.match(text, folded, _skip_space(folded, close + 1)))


def _person_end(text: str, folded: str, pos: int) -> int | None:
    title = PERSONS.match(text, folded, pos)
    assert title is not None
    end = title.end()
    count = 0
    while count < 5:
        word = _NAME_WORD.match(text, _skip_space(folded, end))
        if not word:
            break
        end = word.end()
        count += 1
    return end if count else None


def _key(unit: Unit) -> str:
    return fold(unit.canonical or unit.written)


def _unique(units: list[Unit]) -> list[Unit]:
    seen: set[str] = set()
    out = []
    for unit in units:
        if _key(unit) not in seen:
            seen.add(_key(unit))
            out.append(unit)
    return out
