"""Generate a realistic giaoban ledger of N notices for benchmarks.

    python bench/generate.py N OUT_DIR [--seed S] [--today YYYY-MM-DD]

Writes ``OUT_DIR/units.yaml`` (a copy of the bundled registry) and
``OUT_DIR/YYYY/<id>.yaml`` for N notices of about ten tasks each. The texts
are composed from clauses of the bundled seed notices in ``data/``; the
deadlines use every form of ``docs/deadlines.md`` (days, moments, periods,
recurring duties, relative deadlines, "no deadline" words, ISO dates, text
without diacritics); about 10% of tasks are done (with ``done_on``), 2%
cancelled, 5% of notices confidential, and recurring duties carry ``until``
and ``done_occurrences``. The same N, seed and today give the same files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from giaoban.deadline import Deadline, parse_deadline  # noqa: E402
from giaoban.deadline.recur import occurrences  # noqa: E402
from giaoban.model.text import fold  # noqa: E402
from giaoban.store.loader import load_ledger  # noqa: E402

DATA = REPO / "data"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_TODAY = date(2025, 6, 13)  # a Friday: the day the benchmark's reports are run for
YEARS_BACK = 3
TASKS_PER_NOTICE = (6, 14)
ROMAN = ("I", "II", "III", "IV")
PROVINCES = (
    "Hà Nội",
    "Hải Phòng",
    "Nghệ An",
    "Thanh Hóa",
    "Đà Nẵng",
    "Thừa Thiên Huế",
    "Quảng Ninh",
    "Bắc Giang",
    "Đồng Tháp",
    "Cần Thơ",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Bình Định",
    "Sơn La",
    "Hà Giang",
    "An Giang",
    "Cà Mau",
    "Thành phố Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu",
)
MEETINGS = (
    (
        "thông báo kết luận",
        "giao-ban-khoi-phong-trao",
        "Hội nghị giao ban lãnh đạo các ban, đơn vị khối phong trào",
    ),
    ("thông báo kết luận", "giao-ban-doan-khoi", "Hội nghị giao ban công tác Đoàn khối"),
    ("thông báo kết luận", "giao-ban-btv", "Hội nghị giao ban Ban Thường vụ Tỉnh đoàn"),
    ("sơ kết", "so-ket", "Hội nghị sơ kết công tác Đoàn và phong trào thanh thiếu nhi"),
    (
        "thông báo",
        "ra-soat-phan-mem",
        "Hội nghị rà soát tiến độ triển khai Phần mềm Quản lý đoàn viên",
    ),
)
CHAIRS = (
    ("Nguyễn Văn An", "Bí thư Tỉnh đoàn"),
    ("Trần Thị Bích Ngọc", "Phó Bí thư thường trực Tỉnh đoàn"),
    ("Lê Minh Tuấn", "Bí thư Ban Chấp hành Trung ương Đoàn"),
    ("Phạm Thu Hà", "Phó Bí thư Đoàn Khối"),
    ("Hoàng Đức Thắng", "Chánh Văn phòng"),
)
FOCUS = (
    "tập trung vào đoàn viên, thanh niên công nhân",
    "chú trọng các cơ sở Đoàn khó khăn",
    "gắn với Chương trình công tác năm",
    "báo cáo kết quả về Văn phòng",
    "lưu ý đảm bảo tiến độ và chất lượng",
)
REASONS = (
    "Chờ ý kiến chỉ đạo của Bí thư phụ trách",
    "Đơn vị đề nghị lùi hạn do trùng lịch Đại hội",
    "Bổ sung số liệu theo yêu cầu của Ban Thường vụ",
)
RESULTS = (
    "Đã báo cáo Ban Thường vụ",
    "Đã gửi văn bản qua hệ thống E-office",
    "Hoàn thành, đã tổng hợp gửi Văn phòng",
)
NO_DEADLINE = (
    "thường xuyên",
    "kịp thời",
    "khẩn trương",
    "ngay",
    "theo quy định",
    "trong thời gian sớm nhất",
    "gấp",
    "đột xuất",
    "thuong xuyen",
)
RECURRING = (
    "trước 14h00 thứ 6 hàng tuần",
    "hằng tuần",
    "hàng tháng",
    "hằng quý",
    "ngày 15 hằng tháng",
    "ngày 06 của tháng cuối quý",
    "thứ sáu của tuần lễ thứ hai trong tháng",
    "1 lần/tháng",
    "Từ thứ 2 đến thứ 6 hàng tuần",
    "định kỳ",
)
RELATIVE = (
    "trong vòng 05 ngày làm việc kể từ ngày ban hành",
    "sau 7 ngày",
    "chậm nhất 45 ngày kể từ ngày ký",
    "cùng với báo cáo tổng kết năm học",
)


@dataclass(frozen=True)
class Pools:
    """What generated notices are made of: clauses of the seeds, and unit names."""

    clauses: tuple[str, ...]
    owners: tuple[str, ...]
    groups: tuple[str, ...]
    unit_of: dict[str, str]  # every owner name -> the unit's full name


def seed_pools() -> Pools:
    """Clauses of every seed task text, and the registered unit and group names."""
    result = load_ledger(DATA, use_cache=False)
    clauses: list[str] = []
    for task in result.ledger.tasks():
        for part in re.split(r"(?<=[.;:])\s+", task.text):
            part = part.strip(" ;:.")
            if 25 <= len(part) <= 260 and "..." not in part:
                clauses.append(part)
    registry = result.ledger.registry
    owners = [name for unit in registry.units for name in unit.names()]
    groups = [name for group in registry.groups for name in group.names()]
    unit_of = {name: entry.name for entry in registry.entries() for name in entry.names()}
    return Pools(tuple(sorted(set(clauses))), tuple(owners), tuple(groups), unit_of)


# --- deadlines ----------------------------------------------------------------


def _day_forms(x: date) -> list[str]:
    return [
        f"trước ngày {x:%d/%m/%Y}",
        f"hoàn thành trước {x.day:02d}/{x.month}/{x.year}",
        f"chậm nhất ngày {x:%d/%m/%Y}",
        f"hạn cuối {x:%d/%m/%Y}",
        f"đến hết ngày {x.day}/{x.month}/{x.year}",
        f"xong trước ngày {x.day}/{x.month}/{x.year}",
        f"ngày {x.day} tháng {x.month:02d} năm {x.year}",
        f"{x.day:02d}.{x.month:02d}.{x.year % 100:02d}",
        f"trước 10 giờ 30 phút, ngày {x:%d/%m/%Y}",
        f"chậm nhất vào ngày {x.day}/{x.month}/{x.year}",
        f"truoc ngay {x:%d/%m/%Y}",
        f"**trước ngày {x:%d/%m/%Y}**",
        "18g30 thứ 6 tuần sau",
        "2 giờ chiều T6",
    ]


def _period_forms(x: date, ref: date) -> list[str]:
    quarter = (x.month - 1) // 3 + 1
    week = x.isocalendar()[1]
    same_year = x.isocalendar()[0] == ref.year
    forms = [
        f"trong Quý {ROMAN[quarter - 1]}/{x.year}",
        f"quý {quarter}.{x.year}",
        f"hết quý {quarter}-{x.year}",
        f"trong tháng {x.month}/{x.year}",
        f"hoàn thành trong tháng {x.month}/{x.year}",
        f"trong tuần {week} năm {x.isocalendar()[0]}",
        "tuần tới",
        f"cuối tháng {x.month}",
        f"năm {x.year}",
        f"từ ngày {ref:%d/%m/%Y} đến ngày {x:%d/%m/%Y}",
        f"quy {ROMAN[quarter - 1]}/{x.year}",
    ]
    if same_year:
        forms.append(f"Trong tuần {week}")
    forms.append("6 tháng đầu năm" if ref.month <= 4 else "6 tháng cuối năm")
    if ref.month >= 9:
        forms += ["3 tháng cuối năm", "cuối năm"]
    return forms


def pick_deadline(rng: random.Random, ref: date) -> str | date:
    """A deadline as a notice of ``ref`` would write it (a phrase, or an ISO date)."""
    roll = rng.random()
    target = ref + timedelta(days=rng.randint(5, 120))
    if roll < 0.34:
        return rng.choice(NO_DEADLINE)
    if roll < 0.64:
        return rng.choice(_day_forms(target))
    if roll < 0.67:
        return target
    if roll < 0.86:
        return rng.choice(_period_forms(target, ref))
    if roll < 0.94:
        return rng.choice(RECURRING)
    return rng.choice(RELATIVE)


def resolve(phrase: str | date, ref: date) -> Deadline:
    """The deadline the engine reads; the generator writes only phrases it can read."""
    text = phrase.isoformat() if isinstance(phrase, date) else phrase
    result = parse_deadline(text, ref)
    if not isinstance(result, Deadline):
        raise AssertionError(f"generated an unreadable deadline: {text!r} ({ref})")
    return result


# --- notices and tasks --------------------------------------------------------


@dataclass
class Task:
    item: str
    text: str
    owners: list[str]
    supports: list[str]
    deadline: str | date
    fields: dict[str, object]
    section: str | None = None


def _sentence(rng: random.Random, pools: Pools, place: str, ref: date) -> str:
    """Two or three clauses of the seeds, often tied to the place and month: few repeats."""
    parts = rng.sample(pools.clauses, rng.choice((1, 2, 2, 3)))
    if rng.random() < 0.6:
        parts.append(f"{rng.choice(FOCUS)} trên địa bàn {place} tháng {ref.month}/{ref.year}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _owners(rng: random.Random, pools: Pools) -> tuple[list[str], list[str]]:
    owners = [rng.choice(pools.groups if rng.random() < 0.3 else pools.owners)]
    if rng.random() < 0.25:
        owners.append(rng.choice(pools.owners))
    supports = rng.sample(pools.owners, rng.choice((0, 0, 0, 1, 2)))
    seen: set[str] = set()  # one name per unit: a unit twice is a 'duplicate-owner'
    named = [[n for n in names if _first(pools.unit_of[n], seen)] for names in (owners, supports)]
    return named[0], named[1]


def _first(unit: str, seen: set[str]) -> bool:
    fresh = unit not in seen
    seen.add(unit)
    return fresh


def _status(rng: random.Random, ref: date, deadline: Deadline, today: date) -> dict[str, object]:
    roll = rng.random()
    latest = max(ref, today)
    if roll < 0.10:
        done = min(ref + timedelta(days=rng.randint(0, 90)), latest)
        fields: dict[str, object] = {"status": "done", "done_on": done}
        if rng.random() < 0.5:
            fields["result"] = rng.choice(RESULTS)
        return fields
    if roll < 0.12:
        return {
            "status": "cancelled",
            "cancelled_on": min(ref + timedelta(days=rng.randint(1, 60)), latest),
            "cancel_reason": "Nội dung đã được lồng ghép vào kế hoạch khác",
        }
    return {"status": "open"}


def _recurring(rng: random.Random, ref: date, deadline: Deadline, today: date) -> dict:
    """``until`` and the occurrences already reported, for a recurring duty."""
    until = ref + timedelta(days=rng.choice((90, 180, 270, 365)))
    fields: dict[str, object] = {"until": until}
    start = datetime.combine(ref, time(0, 0), tzinfo=ZONE)
    end = datetime.combine(min(until, today), time(0, 0), tzinfo=ZONE)
    shift = timedelta(0) if deadline.has_time else timedelta(days=1)
    days = [(due - shift).date() for due in occurrences(deadline, start, end, until)]
    kept = days[: rng.randint(0, len(days))]
    if kept:
        fields["done_occurrences"] = kept
    return fields


def make_task(
    rng: random.Random, pools: Pools, ref: date, item: str, today: date, place: str
) -> Task:
    phrase = pick_deadline(rng, ref)
    deadline = resolve(phrase, ref)
    owners, supports = _owners(rng, pools)
    fields: dict[str, object] = {}
    if deadline.kind == "recurring":
        duty = _recurring(rng, ref, deadline, today)
        if not deadline.rrule:  # "định kỳ": no occurrences to end ('until-not-duty')
            duty.pop("until")
        fields.update(duty)
    fields.update(_status(rng, ref, deadline, today))
    if deadline.kind == "date" and rng.random() < 0.04:
        fields["extensions"] = [_extension(rng, ref, phrase)]
    if rng.random() < 0.05:
        fields["notes"] = [
            {"date": ref + timedelta(days=rng.randint(1, 20)), "text": "Đơn vị đã báo cáo tiến độ"}
        ]
    return Task(item, _sentence(rng, pools, place, ref), owners, supports, phrase, fields)


def _extension(rng: random.Random, ref: date, phrase: str | date) -> dict[str, object]:
    earlier = ref + timedelta(days=rng.randint(3, 10))
    return {
        "from": f"trước ngày {earlier:%d/%m/%Y}",
        "to": phrase.isoformat() if isinstance(phrase, date) else phrase,
        "reason": rng.choice(REASONS),
        "approved_by": rng.choice(CHAIRS)[0],
        "date": ref + timedelta(days=1),
    }


def make_notice(rng: random.Random, pools: Pools, index: int, today: date) -> tuple[str, list[str]]:
    """One notice: its id and its YAML lines."""
    ref = today - timedelta(days=rng.randint(0, 365 * YEARS_BACK))
    province = rng.choice(PROVINCES)
    kind, kind_slug, meeting = rng.choice(MEETINGS)
    slug = "-".join([kind_slug, *fold(province).replace("-", " ").split()])
    notice_id = f"{ref:%Y-%m-%d}-{slug}-{index:05d}"
    chair = rng.choice(CHAIRS)
    tasks = _tasks(rng, pools, ref, today, province)
    sections = sorted({t.section for t in tasks if t.section})
    out = [
        f"# Sinh tự động cho đo hiệu năng (bench/generate.py), thông báo số {index}",
        f"id: {notice_id}",
        f"kind: {kind}",
        f"number: {index}-TB/TĐTN-VP",
        "title: >-",
        *_folded(
            f"Kết luận của đồng chí {chair[1]} tại {meeting} tháng {ref.month}/{ref.year}, "
            f"Tỉnh đoàn {province}",
            2,
        ),
        f"issuer: Ban Thường vụ Tỉnh đoàn {province}",
        f"place: {_scalar(province)}",
        f"date: {ref.isoformat()}",
        f"confidential: {'true' if rng.random() < 0.05 else 'false'}",
        "meeting:",
        f"  date: {ref.isoformat()}",
        f"  name: {_scalar(f'{meeting} tháng {ref.month}/{ref.year}')}",
        "  chair:",
        f"    - name: {chair[0]}",
        f"      position: {chair[1]}",
        "signer:",
        "  on_behalf:",
        "    - TL. BAN THƯỜNG VỤ",
        "  position: Chánh Văn phòng",
        f"  name: {rng.choice(CHAIRS)[0]}",
        "recipients:",
        "  - Ban Thường vụ Tỉnh đoàn (để báo cáo)",
        "  - Lưu VP",
    ]
    if sections:
        out.append("sections:")
        for number in sections:
            out += [f'  - number: "{number}"', f"    title: Nhóm nhiệm vụ {number}"]
    out.append("tasks:")
    for task in tasks:
        out += _task_lines(task)
    return notice_id, out


def _tasks(rng: random.Random, pools: Pools, ref: date, today: date, place: str) -> list[Task]:
    count = rng.randint(*TASKS_PER_NOTICE)
    grouped = rng.random() < 0.4
    tasks = []
    for i in range(1, count + 1):
        if grouped:
            section, sub = str((i - 1) // 3 + 1), (i - 1) % 3 + 1
            task = make_task(rng, pools, ref, f"{section}.{sub}", today, place)
            task.section = section
        else:
            task = make_task(rng, pools, ref, str(i), today, place)
        tasks.append(task)
    return tasks


def _task_lines(task: Task) -> list[str]:
    out = [f'  - item: "{task.item}"']
    if task.section:
        out.append(f'    section: "{task.section}"')
    out += ["    text: >-", *_folded(task.text, 6)]
    out += _list("owners", task.owners, 4)
    if task.supports:
        out += _list("supports", task.supports, 4)
    out.append(f"    deadline: {_value(task.deadline)}")
    for key, value in task.fields.items():
        out += _field(key, value, 4)
    return out


def _field(key: str, value: object, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = [f"{pad}{key}:"]
        for row in value:
            first = True
            for k, v in row.items():
                lead = f"{pad}  - " if first else f"{pad}    "
                lines.append(f"{lead}{k}: {_value(v)}")
                first = False
        return lines
    if isinstance(value, list):
        return _list(key, value, indent)
    return [f"{pad}{key}: {_value(value)}"]


def _list(key: str, values: list, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}{key}:", *(f"{pad}  - {_value(v)}" for v in values)]


# --- a small YAML writer for the shapes above ----------------------------------

_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|\s$|\n")
_RESOLVES = re.compile(
    r"^(?:[-+]?[0-9_.]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|"
    r"\.(?:nan|NaN|NAN)|true|false|True|False|TRUE|FALSE|yes|no|on|off|null|Null|NULL|~|"
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$"
)


def _scalar(text: str) -> str:
    """``text`` as a plain scalar when YAML reads it back unchanged, else double-quoted."""
    if not text or _PLAIN_UNSAFE.search(text) or _RESOLVES.match(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return _scalar(str(value))


def _folded(text: str, indent: int) -> list[str]:
    lines = textwrap.wrap(text, width=88 - indent, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) != text:  # folding must give the text back exactly
        raise AssertionError(f"text does not fold cleanly: {text!r}")
    return [" " * indent + line for line in lines]


# --- the ledger ---------------------------------------------------------------


def generate(count: int, out: Path, seed: int = 2025, today: date = DEFAULT_TODAY) -> list[Path]:
    """Write a ledger of ``count`` notices under ``out``; return the notice files."""
    rng = random.Random(seed)
    pools = seed_pools()
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "units.yaml", out / "units.yaml")
    written = []
    for index in range(1, count + 1):
        notice_id, lines = make_notice(rng, pools, index, today)
        path = out / notice_id[:4] / f"{notice_id}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None, report: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of notices")
    parser.add_argument("out", type=Path, help="data folder to write")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--today", type=date.fromisoformat, default=DEFAULT_TODAY)
    args = parser.parse_args(argv)
    files = generate(args.count, args.out, args.seed, args.today)
    report(f"{len(files)} notices written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
