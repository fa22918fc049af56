"""Read a Vietnamese deadline phrase into a :class:`Deadline`.

Pure: the notice's date is given, the clock is never read. The reading goes
from the most specific form to the most general: an ISO value, a recurring
duty, a relative offset, then days, moments, ranges and periods, then the
words that mean "no fixed deadline". A phrase none of them reads is a
:class:`DeadlineError` that names it.
"""

from __future__ import annotations

from datetime import date

from giaoban.deadline.atoms import Unreadable
from giaoban.deadline.context import Ctx
from giaoban.deadline.general import read_general, read_iso
from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings
from giaoban.deadline.normalize import Text
from giaoban.deadline.recurring import is_recurring, read_recurring
from giaoban.deadline.relative import read_relative
from giaoban.text import nfc

DEFAULT_SETTINGS = DeadlineSettings()


def parse_deadline(
    phrase: str, ref: date, settings: DeadlineSettings = DEFAULT_SETTINGS
) -> Deadline | DeadlineError:
    """Read ``phrase`` written in a notice dated ``ref``."""
    return read_deadline(phrase, ref, settings)[0]


def read_deadline(
    phrase: str, ref: date, settings: DeadlineSettings = DEFAULT_SETTINGS
) -> tuple[Deadline | DeadlineError, bool]:
    """``parse_deadline``, and whether the reading looked at ``ref`` at all.

    A reading that never looked at the notice's date is the reading of the
    phrase in every notice (with the same settings), so it can be kept per
    phrase (see :mod:`giaoban.deadline.memo`).
    """
    written = nfc(phrase)
    ctx = Ctx(written, Text.of(phrase), ref, settings)
    if not ctx.text.orig:
        return DeadlineError(written, "hạn để trống"), False
    try:
        result = _read(ctx)
    except Unreadable as err:
        return DeadlineError(written, f'không đọc được hạn "{written}": {err.reason}'), ctx.ref_used
    except (ValueError, OverflowError):  # a day no calendar has: "năm 0000", "năm 99999"
        reason = "ngày tháng năm không có thật"
        return DeadlineError(written, f'không đọc được hạn "{written}": {reason}'), ctx.ref_used
    if result is None:
        return DeadlineError(written, f'không đọc được hạn "{written}"'), ctx.ref_used
    return result, ctx.ref_used


def _read(ctx: Ctx) -> Deadline | None:
    iso = read_iso(ctx)
    if iso is not None:
        return iso
    if is_recurring(ctx):
        return read_recurring(ctx)
    relative = read_relative(ctx)
    if relative is not None:
        return relative
    return read_general(ctx)
