"""Accuracy of ``giaoban import`` on the seed notices and the real-text corpus.

Run from the repository root::

    .venv/bin/python bench/import_accuracy.py [SHARED_DIR] [--data DATA_DIR]

SHARED_DIR defaults to ``../shared`` beside the repository (seeds in
``seeds/``, corpus in ``corpus/notices/``); DATA_DIR defaults to ``data``.

What is compared
----------------
* Seeds: each ``seeds/*.txt`` is imported with the unit registry of DATA_DIR
  and compared with the notice transcribed from it in DATA_DIR (the notice
  whose header comment names the seed file).
* Corpus: each ``corpus/notices/*.txt`` is imported with the same registry and
  compared with its ``.expected.yaml`` (what a careful clerk extracted).

The importer is run exactly as the CLI runs it; nothing here knows any file.

Rules
-----
* Matching: each expected task is paired with the imported task whose text
  holds the largest share of the expected task's words, plus 0.3 when the
  imported text or deadline contains the expected deadline phrase, if it has
  a number (it tells apart tasks of like wording, also when the deadline is
  the section's, carried to the task rather than written in it). A pair
  with a score under 0.5 means "not found". One imported task may stand for
  several expected tasks (a clerk may split an item); every expected task
  counts once.
* Item ok: when the clerk wrote a bullet ("-", "•", "+") or no number at all,
  any number the importer gives (a bullet has no number of its own to
  match; giaoban numbers it under its parent, docs/format.md). Otherwise the
  item numbers are equal once folded (case, diacritics), after
  dropping the clerk's parenthesised remarks ("2 (Chú ý)") and the "-N"
  suffix the importer adds to keep numbers unique; or the imported number is
  a sub-number of the expected one ("3.1.3" for "3.1": the importer numbers
  each bullet, the clerk numbered the paragraph holding it). The clerk's
  label is first read as a number path: spaces after its dots and the word
  "Bước" (step) go, and a bullet mark at its end ("Bước 2 -", a dash under
  step 2) stands for any number under its parent ("I. a" is "I.a", "3. Bước
  1" is "3.1": docs/format.md numbers a step under item 3 as "3.1"). "(closing)"
  (an unnumbered closing paragraph) is never ok.
* Owners ok: every expected owner matches an imported owner and every
  imported owner matches an expected one. Two names match when the registry
  gives them the same canonical name, or when one's fold contains the
  other's. A parenthesised remark after an expected owner is dropped
  ("đơn vị (các trường: MN, TH, ...)" is compared as "đơn vị"); an expected
  owner that is only a remark stays as it is, except "(như kính gửi)", which
  stands for the notice's addressees (its "Kính gửi" line). The corpus's
  format has no supporting units: some of its clerks list every unit named
  for the task ("Sở A chủ trì, phối hợp với Sở B" gives both), others only
  the unit in charge ("Bộ Nội vụ phối hợp với ..., Bộ Y tế" gives Bộ Nội
  vụ), so there the expected owners may match the draft's owners alone or
  its owners and supports together; the seeds' transcriptions keep supports
  apart and are compared owner to owner.
* Deadline ok: both have no fixed deadline (none, or a phrase the deadline
  engine reads as kind "none"); or the phrases are equal or one contains the
  other once folded; or the engine reads both (against the notice's date) to
  the same ``due`` or, for recurring duties, the same RRULE.
* All ok: item, owners and deadline all ok.
* Precision: the share of drafted tasks that stand for at least one
  expected task. A draft that holds headings, closing formulas or signature
  lines as tasks loses precision, however many expected tasks it finds.

Other collections in the corpus layout (``NAME.txt`` beside
``NAME.expected.yaml``), such as the fresh notices under
``tests/data/import/``, are scored each in a table of its own with ``--set DIR``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from giaoban.deadline import Deadline, parse_deadline
from giaoban.importer import draft_from_text
from giaoban.importer.draft import Draft, DraftTask
from giaoban.model.text import fold
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry

REPO = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[a-z0-9]+")
_PAREN = re.compile(r"\s*\(.*$")
_SUFFIX = re.compile(r"-\d+$")
_UNNUMBERED = frozenset({"-", "•", "+", "–", "*", "None", ""})  # a mark, or no number
_BULLET_TAIL = re.compile(r"(?:\s*[-•+–*])+$")  # "bước 2 -": a dash under step 2
_STEP_WORD = re.compile(r"\bbuoc\s+")  # "bước 1": step 1
_DOT_SPACE = re.compile(r"\.\s+")  # "i. a" -> "i.a"


@dataclass
class Expected:
    item: str
    text: str
    owners: list[str]
    deadline: str | None
    supports_apart: bool = True  # False: the clerk listed supporting units among owners


@dataclass
class Score:
    name: str
    expected: int = 0
    drafted: int = 0
    matched: int = 0  # drafted tasks that stand for at least one expected task
    found: int = 0
    item: int = 0
    owners: int = 0
    deadline: int = 0
    all: int = 0

    def add(self, other: Score) -> None:
        for key in ("expected", "drafted", "matched", "found", "item", "owners", "deadline", "all"):
            setattr(self, key, getattr(self, key) + getattr(other, key))


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _match(expected: Expected, tasks: list[DraftTask]) -> DraftTask | None:
    wanted = set(_words(expected.text))
    phrase = " ".join(_words(expected.deadline or ""))
    phrase = phrase if any(ch.isdigit() for ch in phrase) else ""
    best, best_score = None, 0.0
    for task in tasks:
        have = set(_words(task.text))
        score = len(wanted & have) / len(wanted) if wanted else 0.0
        said = " ".join(_words(f"{task.text} | {task.deadline or ''}"))
        if phrase and phrase in said:
            score += 0.3
        if score > best_score:
            best, best_score = task, score
    return best if best_score >= 0.5 else None


def item_number(label: str) -> str:
    """The number path a clerk's item label writes, folded: "3. Bước 1" -> "3.1".

    The expected drafts write labels as printed, with the spaces and words of
    the text ("I. a", "Bước 2", "3. Bước 1", "Bước 2 -" for a dash under step
    2); docs/format.md numbers items as a dotted path ("I.a", "2", "3.1").
    "Bước" names a step of a procedure, not a number, and a trailing bullet
    mark stands for any item under its parent.
    """
    text = fold(_PAREN.sub("", label)).strip()  # "1.đ (OCR "d)")" -> "1.d"
    text = _BULLET_TAIL.sub("", text)
    text = _STEP_WORD.sub("", text)
    return _DOT_SPACE.sub(".", text).strip().rstrip(".")


def item_ok(expected: str, found: str) -> bool:
    if expected.strip() in _UNNUMBERED:
        return bool(found)
    want = item_number(expected)
    have = fold(_SUFFIX.sub("", found)).strip()
    if not want:
        return False
    return have == want or have.startswith(want + ".")


def _names_match(a: str, b: str, registry: Registry) -> bool:
    ca, cb = registry.canonical(a), registry.canonical(b)
    if ca is not None and ca == cb:
        return True
    fa, fb = fold(a), fold(b)
    return bool(fa and fb) and (fa in fb or fb in fa)


def owners_ok(expected: list[str], found: list[str], draft: Draft, registry: Registry) -> bool:
    want: list[str] = []
    for name in expected:
        if fold(name) == "(nhu kinh gui)":
            want.extend(_addressees(draft))
        else:
            want.append(_PAREN.sub("", name) or name)
    if not want or not found:
        return not want and not found
    return all(any(_names_match(w, f, registry) for f in found) for w in want) and all(
        any(_names_match(w, f, registry) for w in want) for f in found
    )


def _addressees(draft: Draft) -> list[str]:
    return draft.addressees or ["(không có Kính gửi)"]


def _read(phrase: str | None, ref: date) -> Deadline | None:
    if not phrase:
        return None
    reading = parse_deadline(phrase, ref)
    return reading if isinstance(reading, Deadline) else None


def deadline_ok(expected: str | None, found: str | None, ref: date) -> bool:
    want, have = _read(expected, ref), _read(found, ref)
    want_none = expected is None or (want is not None and want.kind == "none")
    have_none = found is None or (have is not None and have.kind == "none")
    if want_none or have_none:
        return want_none and have_none
    fe, ff = " ".join(_words(expected or "")), " ".join(_words(found or ""))
    if fe == ff or fe in ff or ff in fe:
        return True
    if want is None or have is None:
        return False
    if want.due is not None and want.due == have.due:
        return True
    return want.rrule is not None and want.rrule == have.rrule


def score_file(
    name: str, expected: list[Expected], draft: Draft, ref: date, registry: Registry
) -> tuple[Score, list[str]]:
    score = Score(name, expected=len(expected), drafted=len(draft.tasks))
    misses: list[str] = []
    used: set[int] = set()
    for exp in expected:
        task = _match(exp, draft.tasks)
        if task is None:
            misses.append(f"  {name} {exp.item}: không tìm thấy")
            continue
        used.add(id(task))
        score.found += 1
        oks = (
            item_ok(exp.item, task.item),
            owners_ok(exp.owners, task.owners, draft, registry)
            or (
                not exp.supports_apart
                and owners_ok(exp.owners, [*task.owners, *task.supports], draft, registry)
            ),
            deadline_ok(exp.deadline, task.deadline, ref),
        )
        score.item += oks[0]
        score.owners += oks[1]
        score.deadline += oks[2]
        score.all += all(oks)
        if not all(oks):
            misses.append(
                f"  {name} {exp.item} -> {task.item}: "
                + ", ".join(
                    label
                    for label, ok in zip(
                        (
                            "số mục",
                            f"đơn vị {exp.owners} ≠ {task.owners}",
                            f"hạn {exp.deadline!r} ≠ {task.deadline!r}",
                        ),
                        oks,
                        strict=True,
                    )
                    if not ok
                )
            )
    score.matched = len(used)
    for task in draft.tasks:
        if id(task) not in used:
            misses.append(f"  {name} thừa {task.item}: {task.text[:70]}")
    return score, misses


# --- the two collections ------------------------------------------------------------


def _seed_notices(data: Path) -> dict[str, Path]:
    """Seed file name -> the notice in ``data`` transcribed from it."""
    out = {}
    for path in sorted(data.rglob("*.yaml")):
        head = path.read_text(encoding="utf-8")[:400]
        match = re.search(r"seeds/(\S+\.txt)", head)
        if match:
            out[match.group(1)] = path
    return out


def _seed_expected(notice: dict[str, Any]) -> list[Expected]:
    return [
        Expected(
            str(t["item"]),
            t.get("text") or "",
            list(t.get("owners") or []),
            None if t.get("deadline") is None else str(t["deadline"]),
        )
        for t in notice.get("tasks") or []
    ]


def _corpus_expected(doc: dict[str, Any]) -> list[Expected]:
    return [
        Expected(
            str(t.get("number")),
            t.get("task") or "",
            list(t.get("owners") or []),
            t.get("deadline_phrase"),
            supports_apart=False,
        )
        for t in doc.get("tasks") or []
    ]


def _corpus_ref(doc: dict[str, Any], draft: Draft) -> date:
    for key in ("issue_date", "meeting_date"):
        value = doc.get(key)
        if value:
            return date.fromisoformat(str(value)[:10])
    return draft.date


def score_collection(folder: Path, registry: Registry, misses: list[str]) -> list[Score]:
    """Score every ``*.expected.yaml`` of ``folder`` against the draft of its text."""
    scores = []
    for exp_path in sorted(folder.glob("*.expected.yaml")):
        doc = _yaml(exp_path)
        text_path = exp_path.with_name(
            doc.get("text_file") or exp_path.name.replace(".expected.yaml", ".txt")
        )
        draft = draft_from_text(text_path.read_text(encoding="utf-8"), registry)
        score, missed = score_file(
            text_path.stem, _corpus_expected(doc), draft, _corpus_ref(doc, draft), registry
        )
        scores.append(score)
        misses += missed
    return scores


def run(shared: Path, data: Path, sets: list[Path], show_misses: bool) -> int:
    registry = load_registry(data / "units.yaml", [])
    seeds = []
    misses: list[str] = []
    pairs = _seed_notices(data)
    for text_path in sorted((shared / "seeds").glob("*.txt")):
        notice_path = pairs.get(text_path.name)
        if notice_path is None:
            continue
        notice = _yaml(notice_path)
        draft = draft_from_text(text_path.read_text(encoding="utf-8"), registry)
        score, missed = score_file(
            text_path.stem[:3] + " " + notice_path.stem,
            _seed_expected(notice),
            draft,
            notice["date"],
            registry,
        )
        seeds.append(score)
        misses += missed
    corpus = score_collection(shared / "corpus" / "notices", registry, misses)
    print(
        "cần: nhiệm vụ cần tìm; nháp: nhiệm vụ trong bản nháp; khớp: nhiệm vụ nháp ứng với "
        "một nhiệm vụ cần tìm; thấy: tìm thấy; số mục / đơn vị / hạn: đúng; đủ 3: đúng cả ba"
    )
    _print_table("Seeds (so với data/)", seeds)
    _print_table("Corpus (so với .expected.yaml)", corpus)
    _print_table("Seeds + corpus", [_total("seeds", seeds), _total("corpus", corpus)])
    for folder in sets:
        _print_table(
            f"{folder} (so với .expected.yaml)", score_collection(folder, registry, misses)
        )
    if show_misses:
        print("\n".join(misses))
    return 0


def _total(name: str, rows: list[Score]) -> Score:
    total = Score(name)
    for row in rows:
        total.add(row)
    return total


def _print_table(title: str, rows: list[Score]) -> None:
    total = _total("TỔNG", rows)
    head = (
        f"{'tệp':44} {'cần':>4} {'nháp':>5} {'khớp':>5} {'thấy':>5} "
        f"{'số mục':>7} {'đơn vị':>7} {'hạn':>5} {'đủ 3':>5}"
    )
    print(f"\n{title}\n{head}\n{'-' * len(head)}")
    for row in [*rows, total]:
        print(
            f"{row.name[:44]:44} {row.expected:4} {row.drafted:5} {row.matched:5} {row.found:5} "
            f"{row.item:7} {row.owners:7} {row.deadline:5} {row.all:5}"
        )
    if total.expected:
        pct = {
            k: 100 * getattr(total, k) / total.expected
            for k in ("found", "item", "owners", "deadline", "all")
        }
        precision = 100 * total.matched / total.drafted if total.drafted else 0.0
        print(
            f"{'tỉ lệ (%)':44} {'':4} {'':5} {precision:5.0f} {pct['found']:5.0f} "
            f"{pct['item']:7.0f} {pct['owners']:7.0f} {pct['deadline']:5.0f} {pct['all']:5.0f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--misses", action="store_true", help="list every task not fully right")
    parser.add_argument(
        "--set",
        dest="sets",
        type=Path,
        action="append",
        default=[],
        help="another folder of NAME.txt + NAME.expected.yaml, scored in its own table",
    )
    args = parser.parse_args()
    if not (args.shared / "seeds").is_dir():
        print(f"không thấy thư mục {args.shared / 'seeds'}", file=sys.stderr)
        return 2
    return run(args.shared, args.data, args.sets, args.misses)


if __name__ == "__main__":
    sys.exit(main())
