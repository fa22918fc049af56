"""How well giaoban reads real deadline phrases: the score per set and per kind.

Run from the repository root::

    .venv/bin/python bench/deadline_accuracy.py            # every set but the held-out one
    .venv/bin/python bench/deadline_accuracy.py --all      # and the held-out set, if any
    .venv/bin/python bench/deadline_accuracy.py fresh_1    # one set (file name without .yaml)
    .venv/bin/python bench/deadline_accuracy.py --failures # and each phrase read wrongly
    .venv/bin/python bench/deadline_accuracy.py --speed    # and the time to read 10,000 phrases
    .venv/bin/python bench/deadline_accuracy.py --dump F   # every reading written to F, to diff
    .venv/bin/python bench/deadline_accuracy.py --probes   # the probes written for giaoban

The sets and their annotation conventions are described in
``tests/data/deadlines/README.md``. An entry counts as read when every fact
its annotation states holds for giaoban's reading (``verdict`` below); the
tests of the regression corpora use the same function, so the rule of what
counts is written once.

Rules
-----
* The reading is made against the text's date (``context_date``), else
  1 January of ``context_year``; a text with neither is read with no date.
  A notice always has a date, so each set's line also gives the score of
  the entries read with one and of those read without (docs/deadlines.md,
  "Texts without a date").
* Kind: before_date -> date; within_period -> period; recurring; none;
  relative -> relative, or date when the annotation gives a due (the anchor
  was known). A period of one whole day may be read as that day (a date
  due when the day is over): the due is the same.
* ``due``: the annotation gives the last minute on time, giaoban the first
  late moment: T23:59 is compared as 00:00 of the next day (an exact
  23:59 is accepted too). ``period_start`` likewise, and ``starts`` of an
  open start (kind none) against the reading's start.
* An annotation without a due for a dated kind (a month missing in the
  source) is read right only when giaoban abstains (unreadable) or gives no
  due; a school year or semester whose bounds are not in the text
  (``academic_period_bounds_not_in_text``) is read right as any period; an
  entry so flagged of another kind ("từ năm học 2010-2011", an open start;
  "mỗi đầu học kỳ", a duty without a rule) is scored as that kind.
* Recurring: the two rules name the same days over four years from the
  reading's DTSTART (``FREQ=MONTHLY;BYMONTH=3,6,9,12`` is
  ``FREQ=YEARLY;BYMONTH=3,6,9,12``), the annotation's day of the month
  that some month lacks read as that month's last day, as an office means it
  (``giaoban.deadline.recur.month_ends_kept``: an annotated ``BYMONTHDAY=30``
  names 28/02 too, and a reading that skips February is wrong); a deadline
  day (BYHOUR=23;BYMINUTE=59, or no time) is a whole-day rule
  (``DTSTART;VALUE=DATE``), a stated time is BYHOUR and BYMINUTE. No rule
  stated: no rule read.
* Relative: the offset is equal (weeks as 7 days) when the annotation gives
  it as an ISO 8601 duration (prose such as "day 10 of the month before" is
  not compared), business days agree, and an anchor is named.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from ruamel.yaml import YAML

from giaoban.deadline import Deadline, DeadlineError, parse_deadline
from giaoban.deadline.recur import month_ends_kept, rule_parts

REPO = Path(__file__).resolve().parent.parent
SETS = REPO / "tests" / "data" / "deadlines"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
KIND = {
    "before_date": "date",
    "within_period": "period",
    "recurring": "recurring",
    "relative": "relative",
    "none": "none",
}
RULE_KEYS = ("FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS")
_DURATION = re.compile(r"^(?P<sign>-?)P(?P<n>\d+)(?P<unit>[DWMY])$")


@dataclass(frozen=True)
class Verdict:
    ok: bool
    why: str = ""


def load_set(name: str) -> list[dict[str, Any]]:
    """The entries of ``tests/data/deadlines/NAME.yaml``."""
    path = SETS / f"{name}.yaml"
    return list(YAML(typ="safe").load(path.read_text(encoding="utf-8")) or [])


# The final sets are held out: scored when asked for by name (or with --all), never by default.
# fresh_2 to fresh_15 were each held out until their scores were recorded, then developed on
# (docs/deadlines.md); a new final set is collected blind before one is made a development set
# (fresh_16, collected in the second session of 2026-12-07 after the eighteenth engine work;
# fresh_15 then became a development set; fresh_17, collected blind in the third session of
# 2026-12-07, before fresh_16 was developed on; fresh_18, collected blind in the fourth session
# of 2026-12-07, before fresh_17 was developed on; fresh_19, collected blind in the fifth
# session of 2026-12-07, before fresh_18 was developed on; fresh_20, collected blind in the
# sixth session of 2026-12-07, before fresh_19 was developed on).
HELD_OUT: frozenset[str] = frozenset({"fresh_20"})
# Phrases written for giaoban probes (not a sample of real text): never among the scored
# sets, scored with --probes (tests/test_deadline_probes.py keeps them read).
PROBES = "probes"


def set_names(held_out: bool = False) -> list[str]:
    names = sorted(p.stem for p in SETS.glob("*.yaml") if p.stem != PROBES)
    return [n for n in names if held_out or n not in HELD_OUT]


def reference(entry: dict[str, Any]) -> date | None:
    """The date the phrase is read against: the text's, else 1 January of its year."""
    if entry.get("context_date"):
        return date.fromisoformat(str(entry["context_date"]))
    if entry.get("context_year"):
        return date(int(entry["context_year"]), 1, 1)
    return None


def read(entry: dict[str, Any]) -> Deadline | DeadlineError:
    """giaoban's reading of the entry's phrase; a crash counts as unreadable."""
    try:
        return parse_deadline(entry["phrase"], reference(entry))
    except Exception as err:  # noqa: BLE001 - a crash is a wrong reading, not the end of the run
        return DeadlineError(entry["phrase"], f"crash: {type(err).__name__}: {err}")


def _moment(value: Any) -> datetime:
    return datetime.fromisoformat(str(value)).replace(tzinfo=TZ)


def _late_at(last_on_time: Any) -> set[datetime]:
    """The first late moment(s) for an annotated last on-time minute."""
    moment = _moment(last_on_time)
    if (moment.hour, moment.minute) == (23, 59):
        return {moment + timedelta(minutes=1), moment}
    return {moment}


def _start_at(value: Any) -> datetime:
    return _moment(value)


def _rule_parts(rule: str) -> dict[str, str]:
    parts = rule_parts(rule.strip())
    if parts.get("INTERVAL") == "1":
        del parts["INTERVAL"]
    return parts


def _days(duration: str | None) -> tuple[str, int, str] | None:
    if duration is None:
        return None
    m = _DURATION.match(duration)
    if m is None:
        return ("?", 0, duration)
    n, unit = int(m["n"]), m["unit"]
    if unit == "W":
        n, unit = n * 7, "D"
    return (m["sign"], n, unit)


def verdict(entry: dict[str, Any], got: Deadline | DeadlineError) -> Verdict:
    """Whether ``got`` is the reading ``entry`` annotates, and if not, why."""
    flags = set(entry.get("flags") or [])
    kind = KIND[entry["kind"]]
    due = entry.get("due")
    if isinstance(got, DeadlineError):
        abstain = kind in ("date", "period") and due is None
        return Verdict(abstain, "" if abstain else f"unreadable: {got.message}")
    if "academic_period_bounds_not_in_text" in flags and due is None and kind == "period":
        return Verdict(got.kind == "period", f"kind {got.kind}, expected a period")
    if kind == "relative" and due is not None and got.kind == "date":
        kind = "date"
    if kind == "period" and got.kind == "date" and _one_whole_day(entry):
        kind = "date"  # a period of one whole day is that day
    if got.kind != kind:
        return Verdict(False, f"kind {got.kind}, expected {kind}")
    if due is not None and got.due not in _late_at(due):
        return Verdict(False, f"due {got.due}, expected {due}")
    if due is None and kind in ("date", "period", "recurring", "none") and got.due is not None:
        return Verdict(False, f"due {got.due}, expected none")
    if kind == "period" and entry.get("period_start") is not None:
        if got.start != _start_at(entry["period_start"]):
            return Verdict(False, f"start {got.start}, expected {entry['period_start']}")
    if kind == "none" and entry.get("starts") is not None:
        if got.start != _start_at(entry["starts"]):
            return Verdict(False, f"start {got.start}, expected {entry['starts']}")
    if kind == "recurring":
        return _rule_verdict(entry.get("rrule"), got)
    if kind == "relative":
        return _relative_verdict(entry, got)
    return Verdict(True)


def _one_whole_day(entry: dict[str, Any]) -> bool:
    start, due = entry.get("period_start"), entry.get("due")
    if start is None or due is None:
        return False
    return _moment(start) + timedelta(days=1) in _late_at(due) and _moment(start).hour == 0


def _numbers(listed: str) -> set[int]:
    """ "14,23": the numbers of a BY* part (a rule may name several hours)."""
    return {int(n) for n in listed.split(",")}


def _rule_verdict(expected: str | None, got: Deadline) -> Verdict:
    if expected is None:
        return Verdict(got.rrule is None, f"rule {got.rrule!r}, expected none")
    if got.rrule is None:
        return Verdict(False, f"no rule, expected {expected}")
    want = _rule_parts(expected)
    whole_day = (want.get("BYHOUR"), want.get("BYMINUTE")) in ((None, None), ("23", "59"))
    head, _, body = got.rrule.partition("\n")
    if whole_day != ("VALUE=DATE" in head):
        return Verdict(False, f"whole days {not whole_day}, expected {whole_day}: {got.rrule}")
    have = _rule_parts(body)
    if not whole_day:
        for key in ("BYHOUR", "BYMINUTE"):
            if _numbers(want.get(key, "0")) != _numbers(have.get(key, "0")):
                return Verdict(False, f"{key}={have.get(key)}, expected {want.get(key)}")
    start = datetime.strptime(head.rpartition(":")[2][:8], "%Y%m%d")
    if "RSCALE" in want:  # a lunar rule (RFC 7529): dateutil lists no such rule; its time
        # compared above (a whole day's BYHOUR=23;BYMINUTE=59 is no time, as for a solar rule)
        same = _days_only(want) == _days_only(have)
        return Verdict(same, f"rule {body}, expected {expected}")
    # the annotation as an office means it: a day some month lacks is that month's last
    # (a rule no one rule can say so is listed as written); the reading as giaoban wrote it
    meant = dict(month_ends_kept(list(want.items())) or want.items())
    if _days_of(meant, start) != _days_of(have, start):
        return Verdict(False, f"days of {body} differ from {expected}")
    return Verdict(True)


def _days_only(parts: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in parts.items() if k not in ("BYHOUR", "BYMINUTE", "BYSECOND")}


def _days_of(parts: dict[str, str], start: datetime, years: int = 4) -> list[date]:
    """The days a rule names in ``years`` years from ``start`` (its time left out)."""
    kept = {k: v for k, v in parts.items() if k in RULE_KEYS}
    body = ";".join(f"{k}={v}" for k, v in kept.items())
    rule = rrulestr(body, dtstart=start)
    end = start.replace(year=start.year + years)
    return sorted({moment.date() for moment in rule.between(start, end, inc=True)})


def _relative_verdict(entry: dict[str, Any], got: Deadline) -> Verdict:
    offset = entry.get("offset")
    if (offset is None or _DURATION.match(offset)) and _days(offset) != _days(got.offset):
        return Verdict(False, f"offset {got.offset}, expected {entry.get('offset')}")
    if bool(entry.get("business_days")) != got.business_days:
        return Verdict(False, f"business days {got.business_days}")
    if entry.get("anchor") and not got.anchor:
        return Verdict(False, "no anchor")
    return Verdict(True)


@dataclass
class Score:
    name: str
    total: int = 0
    right: int = 0
    per_kind: Counter[str] | None = None
    per_kind_right: Counter[str] | None = None
    dated: int = 0  # entries read against a date, as giaoban always reads a notice's
    dated_right: int = 0
    # read otherwise than annotated without an error: what a report would show wrong,
    # where an error asks the clerk to write or pin the day (``check``)
    silent: int = 0

    def __post_init__(self) -> None:
        self.per_kind, self.per_kind_right = Counter(), Counter()

    def add(self, kind: str, ok: bool, dated: bool = True, silent: bool = False) -> None:
        assert self.per_kind is not None and self.per_kind_right is not None
        self.total += 1
        self.right += ok
        self.silent += silent and not ok
        self.per_kind[kind] += 1
        self.per_kind_right[kind] += ok
        self.dated += dated
        self.dated_right += dated and ok

    def line(self) -> str:
        assert self.per_kind is not None and self.per_kind_right is not None
        kinds = ", ".join(
            f"{k} {self.per_kind_right[k]}/{self.per_kind[k]}" for k in sorted(self.per_kind)
        )
        share = 100 * self.right / self.total if self.total else 0.0
        undated, undated_right = self.total - self.dated, self.right - self.dated_right
        split = ""
        if undated:
            split = f"   | with a date {self.dated_right}/{self.dated}"
            split += f", without {undated_right}/{undated}"
        wrong = self.total - self.right
        split += f"   | wrong without an error {self.silent}/{wrong}" if wrong else ""
        return f"{self.name:12} {self.right:4}/{self.total:<4} {share:5.1f}%   {kinds}{split}"


def score(name: str, failures: bool = False) -> Score:
    result = Score(name)
    for entry in load_set(name):
        got = read(entry)
        v = verdict(entry, got)
        silent = not isinstance(got, DeadlineError)
        result.add(entry["kind"], v.ok, reference(entry) is not None, silent)
        if failures and not v.ok:
            print(f"  {entry['id']}: {entry['phrase']!r}: {v.why}")
    return result


def distinct_phrases(count: int, seed: int = 12) -> list[str]:
    """``count`` distinct phrases: the sets' phrases with their numbers redrawn."""
    rng = random.Random(seed)
    templates = [e["phrase"] for n in set_names() for e in load_set(n)]

    def redraw(m: re.Match[str]) -> str:
        digits = m.group(0)
        if len(digits) == 4:
            return str(rng.randint(2015, 2030))
        if len(digits) == 2:
            return f"{rng.randint(1, 28):02d}"
        return str(rng.randint(1, 9))

    found: dict[str, None] = dict.fromkeys(templates)
    while len(found) < count:
        found.setdefault(re.sub(r"\d+", redraw, rng.choice(templates)))
    return list(found)[:count]


def speed(count: int = 10_000) -> str:
    """Time to read ``count`` distinct phrases, each against its own notice date."""
    phrases = distinct_phrases(count)
    refs = [date(2020, 1, 1) + timedelta(days=i % 1500) for i in range(count)]
    started = time.perf_counter()
    for phrase, ref in zip(phrases, refs, strict=True):
        parse_deadline(phrase, ref)
    elapsed = time.perf_counter() - started
    each = 1e6 * elapsed / count
    return f"speed: {count} distinct phrases read in {elapsed:.2f} s ({each:.0f} µs each)"


def dump(path: Path, count: int = 10_000) -> int:
    """Write every reading (errors with their messages, warnings too) of the sets but the
    held-out one, and of the ``count`` phrases :func:`speed` reads, one a line: a change
    meant to make the engine faster, not to read otherwise, leaves the file the same."""
    lines = [
        f"{name}\t{entry.get('id')}\t{reference(entry)}\t{read(entry)!r}"
        for name in set_names()
        for entry in load_set(name)
    ]
    refs = [date(2020, 1, 1) + timedelta(days=i % 1500) for i in range(count)]
    for i, (phrase, ref) in enumerate(zip(distinct_phrases(count), refs, strict=True)):
        got = read({"phrase": phrase, "context_date": ref.isoformat()})
        lines.append(f"speed\t{i}\t{ref}\t{phrase!r}\t{got!r}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (default: all but the held-out set)")
    parser.add_argument("--all", action="store_true", help="the held-out sets too")
    parser.add_argument("--failures", action="store_true", help="list each phrase read wrongly")
    parser.add_argument("--speed", action="store_true", help="time 10,000 readings")
    parser.add_argument("--dump", type=Path, metavar="FILE", help="write every reading to FILE")
    parser.add_argument(
        "--probes", action="store_true", help="score the probes written for giaoban (probes.yaml)"
    )
    args = parser.parse_args(argv)
    if args.probes:
        print(score(PROBES, args.failures).line())
        return 0
    if args.dump is not None:
        print(f"{dump(args.dump)} readings written to {args.dump}")
        return 0
    for name in args.sets or set_names(held_out=args.all):
        if args.failures:
            print(f"{name}:")
        print(score(name, args.failures).line())
    if args.speed:
        print(speed())
    return 0


if __name__ == "__main__":
    sys.exit(main())
