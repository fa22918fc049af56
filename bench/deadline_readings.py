"""Every reading of every deadline phrase the bench knows, one a line: a check that a change
meant to make the engine faster reads nothing otherwise.

Run from the repository root, before and after the change, and compare the two files byte
for byte::

    .venv/bin/python bench/deadline_readings.py /tmp/before.txt
    .venv/bin/python bench/deadline_readings.py /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

The phrases: every entry of ``tests/data/deadlines/*.yaml`` (the held-out sets and the
probes too), the real phrases of ``../shared/corpus`` (when it is there), the 10,000
phrases ``deadline_accuracy.py --speed`` reads and the rewritten phrases of
``deadline_variants.py``. Each is read (``parse_deadline``, its ``repr``, errors with their
messages) against its own notice date, no date and two more dates, with the default settings
and with settings that change readings (``strict_before``, a named event); then once more
through ``giaoban.deadline.memo`` (as a ledger loads them: the same phrase on several dates,
one process), which must give the same readings.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deadline_accuracy import distinct_phrases, reference, set_names  # noqa: E402
from deadline_variants import REWRITES, right_read  # noqa: E402

from giaoban.deadline import DeadlineSettings, memo, parse_deadline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "data" / "deadlines"
CORPUS = ROOT.parent / "shared" / "corpus"
OTHER_DATES = (date(2024, 5, 15), date(2026, 12, 7))
OTHER_SETTINGS = DeadlineSettings(
    strict_before=True, events=(("ngày khai mạc", date(2024, 5, 20)),)
)


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def phrases() -> Iterator[tuple[str, str, date | None]]:
    """(where from, phrase, its own notice date) for every phrase the bench knows."""
    for path in sorted(SETS.glob("*.yaml")):
        for entry in _load(path) or []:
            yield f"{path.stem}:{entry.get('id')}", str(entry["phrase"]), reference(entry)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("deadline_phrases*.yaml")):
            for entry in _load(path) or []:
                yield f"{path.stem}:{entry.get('id')}", str(entry["phrase"]), reference(entry)
        for path in sorted((CORPUS / "notices").glob("*.expected.yaml")):
            notice = _load(path) or {}
            day = _day(notice.get("issue_date")) or _day(notice.get("meeting_date"))
            for i, task in enumerate(notice.get("tasks") or []):
                if task.get("deadline_phrase"):
                    yield f"{path.stem}:{i}", str(task["deadline_phrase"]), day
    refs = [date(2020, 1, 1) + timedelta(days=i % 1500) for i in range(10_000)]
    for i, (phrase, day) in enumerate(zip(distinct_phrases(10_000), refs, strict=True)):
        yield f"speed:{i}", phrase, day
    for phrase, ref, _ in right_read(set_names()):
        for rewrite in REWRITES:
            variant = rewrite(phrase)
            if variant is not None and variant != phrase:
                yield f"variant:{rewrite.__name__}", variant, ref


def _read(phrase: str, ref: date | None, settings: DeadlineSettings) -> str:
    try:
        return repr(parse_deadline(phrase, ref, settings))
    except Exception as err:  # noqa: BLE001 - a crash is a reading too, to compare
        return f"crash: {type(err).__name__}: {err}"


def _memo(phrase: str, ref: date, settings: DeadlineSettings) -> str:
    try:
        return repr(memo.reading(phrase, ref, settings))
    except Exception as err:  # noqa: BLE001 - a crash is a reading too, to compare
        return f"crash: {type(err).__name__}: {err}"


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    lines: list[str] = []
    known = list(phrases())
    for where, phrase, ref in known:
        dates = list(dict.fromkeys((ref, None, *OTHER_DATES)))
        for day in dates:
            lines.append(f"{where}\t{day}\t{phrase!r}\t{_read(phrase, day, DeadlineSettings())}")
        if not where.startswith(("speed:", "variant:")):
            for day in dates:
                lines.append(f"{where}\t{day}\tother\t{_read(phrase, day, OTHER_SETTINGS)}")
    memo.clear()
    for where, phrase, ref in known:  # a ledger's order: a phrase again and again, dates mixed
        for day in (ref or OTHER_DATES[0], *OTHER_DATES, ref or OTHER_DATES[1]):
            lines.append(f"memo {where}\t{day}\t{_memo(phrase, day, DeadlineSettings())}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} readings of {len(known)} phrases written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
