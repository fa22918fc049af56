"""Finding notices and tasks by id or unique prefix, as git does with commits.

A task id is ``NOTICE_ID#ITEM``; the notice part may be any prefix that
names one notice ("2019-02-18#3"). An unknown or ambiguous id is an error
that lists the candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence

from giaoban.model.errors import NotFoundError
from giaoban.model.ledger import Ledger, Notice, Task
from giaoban.model.text import fold, unseen_said, written_out

_MAX_LISTED = 10
MAX_ID_LENGTH = 150
# A notice id is its file's name: letters (any script), digits, ".", "_", "-"; no path
# separator, no space, nothing a shell or a terminal reads, not starting with "." or "-".
_ID = re.compile(r"[^\W_][\w.-]*")


def _shared_length(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share (halving the span: a few slice
    comparisons, not one step per character)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def id_problem(notice_id: str) -> str | None:
    """Why ``notice_id`` cannot be a notice's id (Vietnamese), or None when it can."""
    if not notice_id:
        return "mã thông báo đang để trống"
    if len(notice_id) > MAX_ID_LENGTH:
        return f"mã thông báo dài quá {MAX_ID_LENGTH} ký tự"
    unseen = unseen_said("mã thông báo", notice_id, "hãy xóa (gõ lại mã)")
    if unseen is not None:
        return unseen
    if not _ID.fullmatch(notice_id) or ".." in notice_id:
        return (
            f"mã thông báo {ascii(notice_id) if not notice_id.isprintable() else repr(notice_id)}"
            " chỉ được có chữ, số và các dấu '.', '_', '-' (không '/', khoảng trắng hay '..'),"
            " bắt đầu bằng chữ hoặc số"
        )
    return None


def id_key(notice_id: str) -> str:
    """What makes two notice ids the same id: their spelling up to upper and lower case
    (one file on Windows and macOS). ``check`` (``duplicate-notice``) and every command
    that finds a notice by its id (``resolve_notice``) go by it."""
    return notice_id.casefold()


def id_style_problem(notice_id: str) -> str | None:
    """Why ``notice_id``, a valid file name (``id_problem``), is not written as ids are:
    ASCII, lower case (docs/format.md). A letter with a diacritic can be written two ways
    (a name copied from a Mac is decomposed, NFD) and upper case is one file with lower
    case on Windows and macOS: either makes one id look like another. None when it is."""
    if notice_id.isascii() and notice_id == notice_id.lower():
        return None
    return (
        f"mã thông báo '{notice_id}' phải viết bằng chữ ASCII thường (không dấu, không viết"
        f" hoa), ví dụ '{ascii_id(notice_id)}'"
    )


def ascii_id(notice_id: str) -> str:
    """``notice_id`` written as ids are: without diacritics, lower case; any other
    character that is not a letter, digit, '.' or '_' made '-'."""
    plain = re.sub(r"[^a-z0-9._-]+", "-", fold(notice_id))
    return plain.strip("-._") or "thong-bao"


def new_id_problem(notice_id: str) -> str | None:
    """Why a new notice (``add``) cannot take ``notice_id``, or None when it can."""
    return id_problem(notice_id) or id_style_problem(notice_id)


def listing(ids: list[str]) -> str:
    """``ids`` one a line under a message, the first few of a long list and how many more;
    a character no one can see or type is written out ("#1\\u200b")."""
    shown = [written_out(i) for i in ids[:_MAX_LISTED]]
    more = f"\n  ... và {len(ids) - len(shown)} mục khác" if len(ids) > len(shown) else ""
    return "".join(f"\n  {i}" for i in shown) + more


class ShortIds(Mapping[str, str]):
    """The shortest unique prefix of each notice id (at least its date), as git does.

    In sorted order an id shares its longest prefix with a neighbour, so one
    more character than that names it alone. Each is found when asked for:
    a table of 200 rows over 10,000 notices needs 200 of them, each found once.
    """

    def __init__(self, notice_ids: Iterable[str], minimum: int = 10) -> None:
        self.ids = sorted(set(notice_ids))
        self.minimum = minimum
        self.found: dict[str, str] = {}

    def __getitem__(self, notice_id: str) -> str:
        found = self.found.get(notice_id)
        if found is None:
            found = self.found[notice_id] = self._prefix(notice_id)
        return found

    def _prefix(self, notice_id: str) -> str:
        ids = self.ids
        i = bisect_left(ids, notice_id)
        if i == len(ids) or ids[i] != notice_id:
            raise KeyError(notice_id)
        neighbours = ids[max(i - 1, 0) : i] + ids[i + 1 : i + 2]
        shared = max((_shared_length(notice_id, o) for o in neighbours), default=0)
        prefix = notice_id[: max(self.minimum, shared + 1)]
        if len(prefix.rstrip("-")) > shared:  # "2019-02-18", not "2019-02-18-"
            prefix = prefix.rstrip("-")
        return prefix

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def named(ids: Sequence[str], query: str) -> list[int]:
    """The places in ``ids`` of the notices ``query`` names: its exact id, else the ids
    starting with it. An exact id always wins over a prefix, as git does: a notice
    whose id begins another's ("2019-02-18-giao-ban", "2019-02-18-giao-ban-bo-sung") is
    named by its id alone. The one rule of every command that finds a notice by its id,
    in the ledger (``resolve_notice``) or in its git history (``giaoban log``)."""
    if query in ids:
        return [n for n, notice_id in enumerate(ids) if notice_id == query]
    return [n for n, notice_id in enumerate(ids) if notice_id and notice_id.startswith(query)]


def _matches(ids: list[str], query: str) -> list[int]:
    """The places in ``ids`` of the notices ``query`` names (``named``). In a ledger read
    over several (ids ``hanoi/2022-04``), an id without a ledger's name is looked for
    after each name."""
    found = named(ids, query)
    if found or "/" in query:
        return found
    return named([notice_id.partition("/")[2] for notice_id in ids], query)  # no "/" in an id


def holders(ledger: Ledger, query: str) -> list[str]:
    """The ids of the notices ``query`` names (its id, or a prefix), as ``resolve_notice``
    finds them: empty when none does."""
    ids = ledger.notice_ids()
    return [ids[n] for n in _matches(ids, query)]


def resolve_notice(ledger: Ledger, query: str, item: str = "") -> Notice:
    """The notice whose id is ``query`` or starts with it (uniquely); an id in two files
    (an archived copy) names neither alone, and the files are named. Over several ledgers
    a bare id names the one ledger holding it; one several hold is refused, naming each
    ledger's id (``hanoi/…#item``, ``hcm/…#item``: ``item`` is the task asked for, if any).
    """
    ids = ledger.notice_ids()
    found = _matches(ids, query)
    if len(found) == 1:
        _refuse_twins(ledger, ids[found[0]])
        return ledger.notices[found[0]]
    if not found:
        raise NotFoundError(f"không có thông báo nào có mã bắt đầu bằng '{query}'")
    names = [ids[n] for n in found]
    ledgers = list(dict.fromkeys(name for name in names if "/" in name and "/" not in query))
    if len(ledgers) > 1 and len({name.partition("/")[2] for name in ledgers}) == 1:
        asked = f"{query}#{item}" if item else query
        listed = listing([f"{name}#{item}" if item else name for name in ledgers])
        raise NotFoundError(f"mã '{asked}' có ở nhiều sổ, hãy ghi rõ tên sổ:{listed}")
    if len(set(names)) == len(names):
        raise NotFoundError(f"mã '{query}' khớp nhiều thông báo, hãy ghi rõ hơn:{listing(names)}")
    paths = ledger.notice_paths()
    listed = listing([f"{ids[n]}  ({paths[n]})" for n in found])
    if len(set(names)) == 1:
        raise NotFoundError(
            f"mã '{names[0]}' có ở {len(found)} tệp; mỗi mã chỉ được ở một tệp: "
            f"xóa bản sao hoặc chuyển nó ra khỏi thư mục dữ liệu:{listed}"
        )
    raise NotFoundError(f"mã '{query}' khớp nhiều thông báo, hãy ghi rõ hơn:{listed}")


def _refuse_twins(ledger: Ledger, notice_id: str) -> None:
    """Refuse ``notice_id`` when another notice's id is the same id (``id_key``), naming
    both files: which one an edit changed would depend on the file system."""
    ids, key = ledger.notice_ids(), id_key(notice_id)
    twins = [n for n, other in enumerate(ids) if id_key(other) == key]
    if len(twins) < 2:
        return
    paths = ledger.notice_paths()
    listed = listing([f"{ids[n]}  ({paths[n]})" for n in twins])
    raise NotFoundError(
        f"mã '{notice_id}' và mã của thông báo khác chỉ khác nhau ở chữ hoa/thường; trên "
        "Windows và macOS hai tệp này là một: đổi mã (và tên tệp) của một thông báo, hoặc "
        f"xóa bản sao, rồi chạy lại (xem 'giaoban check'):{listed}"
    )


def resolve_task(ledger: Ledger, query: str) -> Task:
    """The task ``NOTICE#ITEM`` where NOTICE may be a unique prefix."""
    if "#" not in query:
        notice = resolve_notice(ledger, query)
        ids = [t.id for t in notice.tasks]
        raise NotFoundError(
            f"'{query}' là một thông báo; hãy chọn một nhiệm vụ (MÃ#MỤC):{listing(ids)}"
        )
    notice_part, item = query.split("#", 1)
    notice = resolve_notice(ledger, notice_part, item)
    for task in notice.tasks:
        if task.item == item:
            return task
    ids = [t.id for t in notice.tasks]
    raise NotFoundError(f"thông báo {notice.id} không có mục '{item}'; các mục có:{listing(ids)}")


def resolve(ledger: Ledger, query: str) -> Notice | Task:
    """A task when ``query`` has ``#``, else a notice."""
    return resolve_task(ledger, query) if "#" in query else resolve_notice(ledger, query)
