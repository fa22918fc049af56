"""Listings of a recurring duty are kept and reused: the same moments as listing afresh."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from dateutil.rrule import rrulestr

from giaoban.deadline import Deadline
from giaoban.deadline.context import zone
from giaoban.deadline.recur import occurrences

TZ = zone("Asia/Ho_Chi_Minh")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
DAYS = Deadline(
    "thứ 6 hàng tuần", "recurring", None, rrule="DTSTART;VALUE=DATE:20240105\nRRULE:FREQ=WEEKLY"
)
MOMENTS = Deadline(
    "trước 14h00 thứ 6 hàng tuần",
    "recurring",
    None,
    rrule="DTSTART;TZID=Asia/Ho_Chi_Minh:20240105T140000\nRRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=14",
    has_time=True,
)


def _afresh(d: Deadline, start: datetime, end: datetime, until: date | None) -> list[datetime]:
    """Every due moment listed through dateutil, without anything kept."""
    head, body = (d.rrule or "").split("\n")
    whole_days = "VALUE=DATE" in head
    first = datetime.strptime(head.split(":")[1], "%Y%m%d" if whole_days else "%Y%m%dT%H%M%S")
    shift = timedelta(days=1) if whole_days else timedelta(0)
    lo = (start.astimezone(TZ) - shift).replace(tzinfo=None)
    hi = (end.astimezone(TZ) - shift).replace(tzinfo=None)
    found = []
    for named in rrulestr(body, dtstart=first).xafter(lo, inc=True):
        if named >= hi or (until is not None and named.date() > until):
            break
        found.append((named + shift).replace(tzinfo=TZ))
    return found


@pytest.mark.parametrize("deadline", [DAYS, MOMENTS])
def test_listings_asked_in_any_order_match_listing_afresh(deadline: Deadline) -> None:
    ends = [datetime(2024, 3, 1, tzinfo=TZ), datetime(2030, 1, 1, tzinfo=TZ)]
    ends += [datetime(2024, 1, 12, 14, tzinfo=TZ), datetime(2024, 1, 13, tzinfo=TZ), EPOCH]
    untils = [None, date(2024, 1, 12), date(2024, 1, 11), date(2023, 1, 1), date.max]
    for end in ends + ends[::-1]:
        for until in untils:
            got = occurrences(deadline, EPOCH, end, until=until)
            assert got == _afresh(deadline, EPOCH, end, until), (end, until)
    assert occurrences(deadline, datetime(2024, 2, 1, tzinfo=TZ), ends[0]) == _afresh(
        deadline, datetime(2024, 2, 1, tzinfo=TZ), ends[0], None
    )


def test_a_listing_is_a_new_list_each_time() -> None:
    end = datetime(2024, 6, 1, tzinfo=TZ)
    first = occurrences(DAYS, EPOCH, end)
    first.clear()
    assert occurrences(DAYS, EPOCH, end) == _afresh(DAYS, EPOCH, end, None)
