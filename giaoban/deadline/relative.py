"""Relative deadlines: an offset from an anchor ("05 ngày làm việc kể từ ngày ban hành")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from giaoban.deadline.atoms import LONG_DATE, NUM_DATE, DayAtom, check_day, full_year, resolve_day
from giaoban.deadline.context import Ctx
from giaoban.deadline.model import Deadline
from giaoban.deadline.workdays import add_working_days

REF_ANCHOR_NAME = "ngày ban hành"

OFFSET = re.compile(
    r"(?:(?P<pre>trong vong|trong thoi han|trong thoi gian|trong|sau|cham nhat(?: la)?"
    r"|khong qua|toi da|truoc)\s+)?"
    r"(?P<n>\d{1,3})\s*(?P<unit>ngay|tuan|thang)(?P<lv>\s+lam viec)?(?![a-z])"
    r"(?!\s+(?:dau|cuoi|giua)\b)"
    r"(?:\s*,?\s*(?P<link>ke tu|tinh tu|tinh ke tu|sau khi|sau|truoc khi|truoc|so voi|tu)"
    r"\s+(?P<anchor>\S.*))?"
)
# "trước ngày 10 tháng liền kề trước (của) tháng đoàn đánh giá ngoài đến làm việc"
MONTH_BEFORE = re.compile(
    r"ngay\s+\d{1,2}\s+(?:cua\s+)?thang\s+(?:lien ke\s+)?truoc\s+"
    r"(?:cua\s+)?(?P<anchor>thang\s+\S.*)"
)
# "cùng với báo cáo tổng kết năm học", "theo yêu cầu về thời gian báo cáo của từng Cuộc thi"
SAME_AS = re.compile(
    r"(?:cung (?:luc )?voi|dong thoi voi|truoc khi)\s+(?P<anchor>\S.*)"
    r"|theo\s+(?:yeu cau\s+(?:ve\s+)?)?(?P<anchor2>(?:thoi gian|thoi han|moc)\s+(?!quy dinh)\S.*)"
)
_REF = re.compile(
    r"(?:ngay\s+)?(?:ky\s+)?(?:ban hanh|phat hanh|ky|thong bao)"
    r"(?:\s+(?:thong bao|van ban|ket luan|cong van|ke hoach)(?:\s+nay)?)?$"
    r"|(?:ngay\s+)?(?:thong bao|van ban|ket luan|cong van)\s+(?:nay\s+)?(?:duoc\s+)?ban hanh$"
)
_UNITS = {"ngay": "D", "tuan": "W", "thang": "M"}


def read_relative(ctx: Ctx) -> Deadline | None:
    """A relative reading, or None when the phrase is not relative."""
    f = ctx.text.f
    m = MONTH_BEFORE.search(f)
    if m:
        return _relative(ctx, None, False, ctx.orig(m.start("anchor")), None)
    m = SAME_AS.search(f)
    if m:
        start = m.start("anchor") if m["anchor"] else m.start("anchor2")
        return _relative(ctx, "P0D", False, ctx.orig(start), None)
    m = OFFSET.search(f)
    if m is None or not (m["anchor"] or m["lv"] or m["pre"] not in (None, "truoc")):
        return None
    return _offset(ctx, m)


def _offset(ctx: Ctx, m: re.Match[str]) -> Deadline:
    n, unit, business = int(m["n"]), m["unit"], bool(m["lv"])
    negative = m["link"] in ("truoc", "truoc khi") or (m["pre"] == "truoc" and bool(m["anchor"]))
    offset = f"{'-' if negative else ''}P{n}{_UNITS[unit]}"
    if m["anchor"] is None:
        anchor_text, anchor_day = REF_ANCHOR_NAME, ctx.ref
    else:
        anchor_text = ctx.orig(m.start("anchor"))
        anchor_day = _anchor_day(m["anchor"].strip(" .,;:()"), ctx)
    due = None
    if anchor_day is not None:
        signed = -n if negative else n
        last = _count(anchor_day, signed, unit, business, ctx)
        due = ctx.end_of(last)
    return _relative(ctx, offset, business, anchor_text, due)


def _count(anchor: date, n: int, unit: str, business: bool, ctx: Ctx) -> date:
    """The last day of the offset (counted in full)."""
    if unit == "ngay" and business:
        return add_working_days(anchor, n, ctx.settings)
    if unit == "ngay":
        return anchor + timedelta(days=n)
    if unit == "tuan":
        return anchor + timedelta(weeks=n)
    return anchor + relativedelta(months=n)


def _anchor_day(anchor: str, ctx: Ctx) -> date | None:
    """The notice's date for "ngày ban hành", a written date, else unknown."""
    if _REF.match(anchor):
        return ctx.ref
    for pattern in (LONG_DATE, NUM_DATE):
        m = pattern.match(anchor)
        if m and m.end() == len(anchor):
            atom = DayAtom(int(m["d"]), int(m["m"]), full_year(m["y"]), 0, m.end())
            check_day(atom)
            return resolve_day(atom, ctx)
    return None


def _relative(
    ctx: Ctx, offset: str | None, business: bool, anchor: str, due: datetime | None
) -> Deadline:
    return Deadline(
        phrase=ctx.phrase,
        kind="relative",
        due=due,
        offset=offset,
        business_days=business,
        anchor=anchor,
    )
