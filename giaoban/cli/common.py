"""What every command shares: option types, "now", the error handler."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

import typer

from giaoban.model.errors import GiaobanError, UsageError
from giaoban.model.text import fold, visible
from giaoban.model.timezone import DEFAULT_TZ
from giaoban.store import opened

F = TypeVar("F", bound=Callable[..., Any])
CALENDAR_ENDS = (
    "giaoban: lỗi: ngày tính ra từ các tùy chọn (--today, --until, --days, --month ...) vượt quá "
    "năm 9999 hoặc trước năm 1; hãy dùng ngày gần hơn"
)


def handle_errors(func: F) -> F:
    """Turn a domain error into a message on stderr and its exit code; close what the
    command opened (``giaoban.store.opened``) when it ends, however it ends."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with opened.closing():
                return func(*args, **kwargs)
        except GiaobanError as err:
            print(visible(f"giaoban: lỗi: {err}"), file=sys.stderr)
            raise typer.Exit(code=err.exit_code) from None
        except OverflowError:  # a day counted from the options past the calendar's ends
            print(CALENDAR_ENDS, file=sys.stderr)
            raise typer.Exit(code=1) from None

    return wrapper  # type: ignore[return-value]


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def parse_day(value: str) -> date:
    """A day written YYYY-MM-DD or dd/mm/yyyy (d/m/yyyy allowed); a day that does not
    exist ("31/02/2026") is said to be so, not to be in the wrong form."""
    text = value.strip()
    dmy, ymd = _DMY.fullmatch(text), _YMD.fullmatch(text)
    if dmy is None and ymd is None:
        raise typer.BadParameter(f"'{value}' không phải ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD")
    day, month, year = dmy.groups() if dmy else ymd.groups()[::-1]  # type: ignore[union-attr]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise typer.BadParameter(f"ngày {value} không có thật") from None


# What ``--today`` and GIAOBAN_TODAY accept, as every message about them says it.
TODAY_FORMS = (
    "YYYY-MM-DD hoặc dd/mm/yyyy, có thể kèm giờ HH:MM sau 'T' hoặc dấu cách "
    "(2022-04-15T14:00), hoặc thời điểm có giây và múi giờ như báo cáo JSON ghi "
    "(2022-04-15T14:00:00+07:00, 2022-04-15T07:00Z)"
)
# HH:MM, perhaps :SS, perhaps an offset (Z, +07:00, +0700): the ISO 8601 the reports print
_MOMENT = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)


def parse_today(value: str | None, tz: str = DEFAULT_TZ) -> datetime | None:
    """Read ``--today`` as a day (YYYY-MM-DD or dd/mm/yyyy) and perhaps a time ("T" or a
    space, then HH:MM, perhaps :SS) in the office's zone; a time with an offset (the
    reports' own "now", ``2022-04-15T14:00:00+07:00``) is that moment, in the office's zone.

    Raises:
        typer.BadParameter: quoting ``value`` and naming the accepted forms.
    """
    if value is None or value == "":
        return None
    day_part, _, clock_part = value.strip().replace("T", " ").replace("t", " ").partition(" ")
    clock = _MOMENT.fullmatch(clock_part.strip()) if clock_part.strip() else None
    if not (_DMY.fullmatch(day_part) or _YMD.fullmatch(day_part)) or (clock_part and not clock):
        raise typer.BadParameter(f"'{value}' không phải thời điểm dạng {TODAY_FORMS}")
    day = parse_day(day_part)
    hour, minute, second, offset = clock.groups() if clock else ("0", "0", None, None)
    try:
        moment = datetime.combine(day, time(int(hour), int(minute), int(second or 0)))
    except ValueError:
        raise typer.BadParameter(f"giờ '{clock_part.strip()}' không có thật") from None
    try:
        zone = ZoneInfo(tz) if offset is None else _offset(offset)
    except ValueError:
        raise typer.BadParameter(f"múi giờ '{offset}' không có thật") from None
    return moment.replace(tzinfo=zone).astimezone(ZoneInfo(tz))


def _offset(text: str) -> timezone:
    """ "Z", "+07:00" or "+0700" as a fixed zone (ValueError past 23:59)."""
    if text.upper() == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if minutes > 59:
        raise ValueError(text)
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _today_callback(value: str | None) -> str | None:
    parse_today(value)
    return value


def resolve_now(value: str | None, tz: str = DEFAULT_TZ) -> datetime:
    """The moment reports are computed at: ``--today``, ``GIAOBAN_TODAY`` or the clock.

    A GIAOBAN_TODAY that cannot be read is named as such (``--today`` is named by its
    option's callback). This function and :func:`wall_clock` are the only places
    giaoban reads the clock.
    """
    given = parse_today(value, tz) if value else _env_today(tz)
    if given is not None:
        return given
    return datetime.now(ZoneInfo(tz)).replace(second=0, microsecond=0)


def _env_today(tz: str) -> datetime | None:
    try:
        return parse_today(os.environ.get("GIAOBAN_TODAY"), tz)
    except typer.BadParameter as err:
        raise UsageError(f"biến môi trường GIAOBAN_TODAY: {err.message}") from None


def wall_clock() -> datetime:
    """The clock itself, never ``--today``: for what is measured against the times the
    system gives files (how long ago a git lock file was made)."""
    return datetime.now(timezone.utc)


def resolve_data_dirs(values: list[Path] | Path | None) -> list[Path]:
    """The data folders: each ``--data``, else ``GIAOBAN_DATA`` (several joined by
    ``os.pathsep``), else ``./data``."""
    if isinstance(values, Path):
        return [values]
    if values:
        return list(values)
    env = os.environ.get("GIAOBAN_DATA")
    if env:
        return [Path(part) for part in env.split(os.pathsep) if part]
    return [Path("data")]


def resolve_data_dir(values: list[Path] | Path | None) -> Path:
    """The one data folder of a command that changes files (or reads one ledger)."""
    folders = resolve_data_dirs(values)
    if len(folders) > 1:
        raise UsageError("lệnh này chỉ dùng một thư mục dữ liệu (chỉ một --data)")
    return folders[0]


DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="Thư mục dữ liệu (mặc định: $GIAOBAN_DATA hoặc ./data); báo cáo, thống kê, "
        "xuất và kiểm tra nhận nhiều --data để đọc nhiều sổ cùng lúc.",
        file_okay=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="NGÀY",
        help="Cố định thời điểm hiện tại: YYYY-MM-DD hoặc dd/mm/yyyy, có thể kèm giờ "
        "(YYYY-MM-DDTHH:MM), hoặc thời điểm báo cáo JSON ghi (2022-04-15T14:00:00+07:00) "
        "(mặc định: $GIAOBAN_TODAY hoặc đồng hồ máy).",
        callback=_today_callback,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Đọc lại mọi tệp, không dùng bộ nhớ đệm (cũng: GIAOBAN_NO_CACHE=1). "
        "Kết quả vẫn như khi dùng bộ nhớ đệm.",
    ),
]

ShowConfidential = Annotated[
    bool,
    typer.Option("--show-confidential", help="Hiện nội dung nhiệm vụ của thông báo mật."),
]

NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="In thẳng ra màn hình, không mở bảng dài trong trình xem từng trang "
        "($PAGER; cũng tắt bằng GIAOBAN_PAGER=0). Khi kết quả được "
        "chuyển sang lệnh khác hay ghi ra tệp thì không bao giờ dùng trình xem.",
    ),
]


def cache_choice(no_cache: bool) -> bool | None:
    """``--no-cache`` for the loader: False to bypass, else None (the default, or the env)."""
    return False if no_cache else None


# A yes/no answer, folded (``giaoban.model.text.fold``): "có", "Co", "C" are all yes.
_YES = frozenset({"y", "yes", "c", "co", "u", "dung", "dong y", "ok"})
_NO = frozenset({"n", "no", "k", "khong", "ko", "kg", "khong dong y"})
YES_NO_HINT = "  ✗ hãy trả lời y (có) hoặc n (không)"


def yes_no(answer: str) -> bool | None:
    """``answer`` to a yes/no question: True, False, or None when it is neither
    (with or without marks: "có", "co", "c", "không", "k", "y", "n")."""
    folded = fold(answer)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def confirm(question: str, default: bool = True) -> bool:
    """Ask ``question`` until the answer is yes or no, in Vietnamese or English; empty
    is ``default``. (click's own confirm takes only y/n, and says so in English.)"""
    choices = "[Y/n]" if default else "[y/N]"
    while True:
        answer = typer.prompt(f"{question} {choices}", default="", show_default=False)
        if not answer.strip():
            return default
        meant = yes_no(answer)
        if meant is not None:
            return meant
        typer.echo(YES_NO_HINT)
