"""``giaoban add``: a new notice, interactively, from flags, or from a YAML/JSON file."""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer

from giaoban.cli.common import confirm, handle_errors, resolve_data_dir
from giaoban.cli.optionsets import with_options
from giaoban.cli.taskopts import (
    Change,
    day_callback,
    office_today,
    parse_day,
    say_saved,
    task_units,
    units_once,
    warn_repeated_units,
    warn_unknown_units,
    warn_written,
)
from giaoban.deadline import Deadline, parse_deadline
from giaoban.deadline.context import midnight
from giaoban.deadline.describe import (
    UNRESOLVED_HOW,
    UNRESOLVED_NAME,
    describe_offset,
    format_due,
    format_moment,
)
from giaoban.deadline.recur import next_occurrence
from giaoban.edit.duplicates import refuse_duplicate
from giaoban.edit.newnotice import (
    item_problem,
    notice_id,
    notice_text,
    parse_task_spec,
    taken_ids,
)
from giaoban.edit.yamledit import EditError, load_plain
from giaoban.lazy import lazy_import
from giaoban.model.errors import UsageError, no_data_folder, os_reason
from giaoban.model.ids import new_id_problem
from giaoban.model.settings import Settings
from giaoban.model.text import fold, visible
from giaoban.model.units import Registry
from giaoban.store.loader import REGISTRY_FILE, load_registry

if TYPE_CHECKING:
    from giaoban.edit.transaction import SourceText

app = typer.Typer()  # its commands, listed and loaded by giaoban.cli.main

edits = lazy_import("giaoban.edit.operations")  # loaded when a command runs

DEFAULT_KIND = "thông báo kết luận"


# --- reading answers -------------------------------------------------------------------------


def deadline_echo(phrase: str, ref: date, settings: Settings) -> str:
    """The deadline read back at once: "→ hạn: hết ngày 25/02/2019 (thứ Hai)"."""
    reading = parse_deadline(phrase, ref, settings.deadline_settings())
    if not isinstance(reading, Deadline):
        raise ValueError(reading.message)
    if reading.kind == "recurring":
        start = midnight(ref, ZoneInfo(settings.timezone))
        first = next_occurrence(reading, start)
        if first is None:
            return "→ định kỳ"
        return f"→ định kỳ, lần đầu: {format_moment(first, reading.has_time)}"
    if reading.kind == "relative" and reading.due is None:
        return (
            f'→ tính theo mốc "{reading.anchor}" ({describe_offset(reading)}); '
            f"{UNRESOLVED_NAME}: {UNRESOLVED_HOW}"
        )
    if reading.due is None:
        return "→ không có hạn cụ thể (thường xuyên)"
    return f"→ hạn: {format_due(reading)}"


def match_units(registry: Registry, text: str) -> list[str]:
    """Registered names that ``text`` starts (or, failing that, appears in), without diacritics."""
    wanted = fold(text)
    names = registry.all_names()
    found = [n for n in names if fold(n).startswith(wanted)]
    return found or [n for n in names if wanted in fold(n)]


def ask_units(
    registry: Registry,
    label: str,
    default: list[str] | None = None,
    taken: tuple[list[str], str] | None = None,
) -> list[str]:
    """Unit names separated by ";", each completed from the registry or confirmed.

    A unit named twice (by two of its names: "Ban Tổ chức TƯ Đoàn; btc") is kept once,
    and one already in ``taken`` (the owners, when the supports are asked: a pair of
    units and the label they were asked under) is left out; the clerk is told either way.
    """
    shown = "; ".join(default or [])
    answer = typer.prompt(
        f"  {label} (cách nhau bởi dấu ;)", default=shown, show_default=bool(shown)
    )
    units: list[str] = []
    earlier, earlier_label = taken or ([], "")
    for raw in (u.strip() for u in answer.split(";")):
        if not raw:
            continue
        name = _one_unit(registry, raw)
        key = registry.unit_key(name)
        if any(key == registry.unit_key(u) for u in units):
            typer.echo(f"    Bỏ '{name}': đã ghi ở trên.")
        elif any(key == registry.unit_key(u) for u in earlier):
            typer.echo(f"    Bỏ '{name}': đã là đơn vị {earlier_label.lower()}.")
        else:
            units.append(name)
    return units


def _one_unit(registry: Registry, raw: str) -> str:
    canonical = registry.canonical(raw)
    if canonical is not None or not registry.present:
        return canonical or raw
    matches = {registry.canonical(n) or n for n in match_units(registry, raw)}
    if len(matches) == 1:
        name = matches.pop()
        typer.echo(f"    → {name}")
        return name
    nearest = registry.nearest(raw)
    question = f"    Không có đơn vị '{raw}'. Có phải '{nearest}'?"
    if nearest and confirm(question, default=True):
        return nearest
    typer.echo(f"    Giữ '{raw}' (chưa có trong danh mục: sẽ có cảnh báo khi kiểm tra).")
    return raw


def _ask_date(label: str, default: date) -> date:
    while True:
        answer = typer.prompt(label, default=f"{default:%d/%m/%Y}")
        try:
            return parse_day(answer)
        except typer.BadParameter as exc:
            typer.echo(f"  ✗ {exc.message}")


def _ask_id(data_dir: Path, notice: dict[str, Any]) -> str:
    """The notice's id, asked until it is a valid file name not yet taken in the ledger."""
    taken = taken_ids(data_dir)
    proposed = notice_id(notice["date"], notice["title"], taken)
    while True:
        answer = typer.prompt("Mã thông báo (tên tệp)", default=proposed).strip()
        problem = new_id_problem(answer)
        if problem is not None:
            typer.echo(f"  ✗ {problem}")
        elif answer in taken:
            typer.echo(f"  ✗ mã '{answer}' đã có trong sổ; chọn mã khác (ví dụ: {proposed})")
        else:
            return answer


def _refuse_repeat(data_dir: Path, notice: dict[str, Any], allow: bool) -> None:
    """Stop before the tasks are asked when the ledger already holds this notice."""
    if not allow:
        refuse_duplicate(data_dir, notice.get("number"), notice["date"], notice["title"])


def _ask_deadline(ref: date, settings: Settings, default: str | None = None) -> dict[str, Any]:
    """The deadline as written, and the clerk's pin (``due``) when giaoban cannot read it.

    An empty answer means what the question says: ``default`` (a draft's phrase) when
    there is one, else no deadline ("thường xuyên"). A phrase that cannot be read and is
    not pinned is asked again with no default, so an empty answer then gives no deadline
    and never sends the same phrase back.
    """
    while True:
        phrase = typer.prompt(
            _deadline_question(default), default=default or "", show_default=bool(default)
        ).strip()
        if not phrase:
            return {"deadline": None}
        try:
            typer.echo(f"  {deadline_echo(phrase, ref, settings)}")
            return {"deadline": phrase}
        except ValueError as exc:
            typer.echo(f"  ✗ {exc}")
        pin = _ask_pin()
        if pin is not None:
            typer.echo(f"  → giữ nguyên cụm từ, hạn ghim: hết ngày {pin:%d/%m/%Y}")
            return {"deadline": phrase, "due": pin}
        default = None


def _deadline_question(default: str | None) -> str:
    """The deadline question, saying what an empty answer gives."""
    if default:
        return (
            "  Hạn (như văn bản ghi; bỏ trống: giữ hạn trong ngoặc; không có hạn: 'thường xuyên')"
        )
    return "  Hạn (như văn bản ghi; bỏ trống: thường xuyên)"


def _ask_pin() -> date | None:
    """A day the clerk pins for a phrase giaoban cannot read (empty: write the phrase again)."""
    while True:
        answer = typer.prompt(
            "  Ghim hạn (dd/mm/yyyy; bỏ trống để nhập lại cụm từ)", default="", show_default=False
        ).strip()
        if not answer:
            return None
        try:
            return parse_day(answer)
        except typer.BadParameter as exc:
            typer.echo(f"  ✗ {exc.message}")


def _ask_item(proposed: str | None, taken: list[str]) -> str:
    """The task's item, asked again while it is empty or one of the notice's items ``taken``
    (``check`` would refuse the notice for it after every task was typed)."""
    default = proposed if proposed and item_problem(proposed, taken) is None else None
    while True:
        answer = typer.prompt("  Số mục", default=default)
        problem = item_problem(answer, taken)
        if problem is None:
            return answer
        typer.echo(f"  ✗ {problem}")


def _free_item(number: int, taken: list[str]) -> str:
    """The first whole number from ``number`` on that is not an item of ``taken``."""
    return next(str(n) for n in itertools.count(number) if item_problem(str(n), taken) is None)


def _ask_task(
    number: int, ref: date, registry: Registry, settings: Settings, taken: list[str]
) -> dict | None:
    """Task ``number`` asked question by question (None: no more tasks); ``taken``: the
    items of the tasks asked before it."""
    text = typer.prompt(
        f"Nhiệm vụ {number} — nội dung (bỏ trống để kết thúc)", default="", show_default=False
    ).strip()
    if not text:
        return None
    item = _ask_item(_free_item(number, taken), taken)
    owners = ask_units(registry, "Chủ trì")
    return {
        "item": item,
        "text": text,
        "owners": owners,
        "supports": ask_units(registry, "Phối hợp", taken=(owners, "Chủ trì")),
        **_ask_deadline(ref, settings),
    }


def _setup_completion(registry: Registry) -> None:
    """Tab completion of unit names at the prompts (interactive terminals only)."""
    if not sys.stdin.isatty():
        return
    try:
        import readline
    except ImportError:
        return
    names = sorted(set(registry.all_names()))

    def complete(text: str, state: int) -> str | None:
        line = readline.get_line_buffer()
        current = line.rsplit(";", 1)[-1].lstrip()
        found = [n for n in names if fold(n).startswith(fold(current))]
        return found[state] if state < len(found) else None

    readline.set_completer_delims(";")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def interview(
    data_dir: Path, today: date, settings: Settings, allow_duplicate: bool = False
) -> dict[str, Any] | None:
    """The notice asked field by field, then task by task; None when not confirmed."""
    registry = load_registry(data_dir / REGISTRY_FILE, [])
    _setup_completion(registry)
    typer.echo("Thêm thông báo mới (Ctrl+C để hủy).")
    notice: dict[str, Any] = {
        "kind": typer.prompt("Loại văn bản", default=DEFAULT_KIND),
        "number": typer.prompt("Số hiệu (bỏ trống nếu không có)", default="", show_default=False),
    }
    notice["title"] = typer.prompt("Trích yếu").strip()
    notice["issuer"] = typer.prompt("Cơ quan ban hành", default=settings.office or "")
    notice["date"] = _ask_date("Ngày ban hành (dd/mm/yyyy)", today)
    _refuse_repeat(data_dir, notice, allow_duplicate)
    notice["id"] = _ask_id(data_dir, notice)
    tasks: list[dict[str, Any]] = []
    while True:
        items = [t["item"] for t in tasks]
        task = _ask_task(len(tasks) + 1, notice["date"], registry, settings, items)
        if task is None:
            break
        tasks.append(task)
    notice["tasks"] = tasks
    typer.echo(f"\nSẽ ghi {notice['date']:%Y}/{notice['id']}.yaml:\n")
    typer.echo(notice_text(notice))
    return notice if confirm("Lưu thông báo này?", default=True) else None


# --- a draft read from the notice's text (--from-text) ---------------------------------------


def review_draft(
    data_dir: Path, source: str, today: date, settings: Settings, allow_duplicate: bool = False
) -> dict | None:
    """Import ``source``, then let the clerk keep, correct or drop each part.

    A notice already in the ledger, and a taken id, are refused before the
    tasks are reviewed, so no review is lost to them.
    """
    # start-up: loaded only when this command needs it
    from giaoban.importer.service import draft_for_data
    from giaoban.importer.sources import read_input

    draft = draft_for_data(read_input(source), data_dir, fallback_date=today)
    registry = load_registry(data_dir / REGISTRY_FILE, [])
    _setup_completion(registry)
    notice = draft.as_notice()
    notes = draft.notes()
    typer.echo(f"Bản nháp từ {source}: {len(notice.get('tasks', []))} nhiệm vụ.")
    for note in (n for n in notes if not n[:1].isdigit()):
        typer.echo(f"  ⚠ kiểm tra {note}")
    for item, text, why in draft.fields:
        typer.echo(f"  · không lấy làm nhiệm vụ {item} ({why}): {' '.join(text.split())[:80]}")
    notice["title"] = typer.prompt("Trích yếu", default=notice["title"]).strip()
    notice["date"] = _ask_date("Ngày ban hành (dd/mm/yyyy)", notice["date"])
    _refuse_repeat(data_dir, notice, allow_duplicate)
    notice["id"] = _ask_id(data_dir, notice)
    kept: list[dict[str, Any]] = []
    for task in notice.get("tasks", []):
        task_notes = [n for n in notes if n.split(" ", 1)[0] == task["item"]]
        taken = [t["item"] for t in kept]
        reviewed = _review_task(task, task_notes, notice["date"], registry, settings, taken)
        if reviewed is not None:
            kept.append(reviewed)
    notice["tasks"] = kept
    typer.echo(f"\nSẽ ghi {notice['date']:%Y}/{notice['id']}.yaml:\n")
    typer.echo(notice_text(notice))
    return notice if confirm("Lưu thông báo này?", default=True) else None


def _review_task(
    task: dict[str, Any],
    notes: list[str],
    ref: date,
    registry: Registry,
    settings: Settings,
    taken: list[str],
) -> dict[str, Any] | None:
    """One task of a draft kept, corrected or dropped; ``taken``: the items of the tasks
    kept before it (a task kept with one of them is asked for another item)."""
    typer.echo(f"\nMục {task['item']}: {task['text']}")
    typer.echo(f"  Chủ trì: {'; '.join(task.get('owners', [])) or '(chưa rõ)'}")
    if task.get("supports"):
        typer.echo(f"  Phối hợp: {'; '.join(task['supports'])}")
    phrase = task.get("deadline")
    if phrase:
        try:
            typer.echo(f"  Hạn: {phrase} {deadline_echo(phrase, ref, settings)}")
        except ValueError as exc:
            typer.echo(f"  Hạn: {phrase} ✗ {exc}")
    for note in notes:
        typer.echo(f"  ⚠ kiểm tra {note.split(' ', 1)[1]}")
    choice = typer.prompt("  Giữ (g), sửa (s) hay bỏ (b)?", default="g").strip().lower()
    if choice.startswith("b"):
        return None
    if not choice.startswith("s"):
        problem = item_problem(task["item"], taken)
        if problem is None:
            return task
        typer.echo(f"  ✗ {problem}")
        return {**task, "item": _ask_item(None, taken)}
    item = _ask_item(task["item"], taken)
    text = typer.prompt("  Nội dung", default=task["text"])
    owners = ask_units(registry, "Chủ trì", task.get("owners"))
    return {
        **task,
        "item": item,
        "text": text,
        "owners": owners,
        "supports": ask_units(registry, "Phối hợp", task.get("supports"), (owners, "Chủ trì")),
        **_ask_deadline(ref, settings, phrase),
    }


# --- flags and files -----------------------------------------------------------------------------


def from_file(source: str) -> tuple[dict[str, Any], SourceText]:
    """A notice read from a YAML or JSON file (``-``: standard input), and the file's text."""
    from giaoban.edit.transaction import source_text  # start-up: loaded only when needed

    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_bytes().decode("utf-8")
    except OSError as exc:
        raise UsageError(f"không đọc được '{source}': {os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise UsageError(f"'{source}' không phải văn bản UTF-8") from None
    text = source_text(raw)
    try:
        data = load_plain(text.text)
    except EditError as exc:
        raise UsageError(f"'{source}': {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"'{source}' phải chứa một thông báo (bảng khóa: giá trị)")
    return data, text


def say_changes(source: str, changes: tuple[str, ...]) -> None:
    """Tell the clerk (stderr) what ``add`` changed of their file, when anything."""
    if changes:
        shown = "dữ liệu từ stdin" if source == "-" else f"tệp {source}"
        typer.echo(visible(f"Khác với {shown}:"), err=True)
        for change in changes:
            typer.echo(f"  · {change}", err=True)


def from_flags(**fields: Any) -> dict[str, Any]:
    """A notice from ``--title``, ``--date``, ... and ``--task`` specs."""
    tasks = []
    for i, spec in enumerate(fields.pop("task") or (), start=1):
        try:
            task = parse_task_spec(spec)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--task") from None
        tasks.append({"item": str(i), **task})
    return {**{k: v for k, v in fields.items() if v}, "tasks": tasks}


@app.command("add")
@handle_errors
@with_options
def add_command(
    title: Annotated[str | None, typer.Option("--title", help="Trích yếu của thông báo.")] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", help="Ngày ban hành (dd/mm/yyyy).", callback=day_callback),
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help="Loại văn bản.")] = DEFAULT_KIND,
    number: Annotated[str | None, typer.Option("--number", help="Số hiệu văn bản.")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="Cơ quan ban hành.")] = None,
    notice_id_: Annotated[
        str | None, typer.Option("--id", help="Mã thông báo; mặc định lấy từ ngày và trích yếu.")
    ] = None,
    task: Annotated[
        list[str] | None,
        typer.Option(
            "--task",
            help='Một nhiệm vụ: "NỘI DUNG | chủ trì: VP; BTC | phối hợp: ... | hạn: ... | mục: 3"'
            " (lặp lại được).",
        ),
    ] = None,
    from_file_: Annotated[
        str | None,
        typer.Option("--from-file", help="Đọc thông báo từ tệp YAML hoặc JSON ('-': stdin)."),
    ] = None,
    from_text_: Annotated[
        str | None,
        typer.Option(
            "--from-text",
            help="Soạn nháp từ văn bản thông báo (.txt, .md, .docx, .pdf; '-': stdin) "
            "rồi duyệt từng mục.",
        ),
    ] = None,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Vẫn thêm khi sổ đã có thông báo cùng số (cùng năm) hoặc cùng ngày và trích yếu.",
        ),
    ] = False,
    *,
    change: Change,
) -> None:
    """Thêm một thông báo: hỏi từng mục (mặc định), hoặc từ tùy chọn, hoặc từ tệp.

    Ghi data/YYYY/<mã>.yaml sau khi kiểm tra hợp lệ; không bao giờ ghi đè tệp đã có.
    """
    data_dir = resolve_data_dir(change.data)
    if not data_dir.is_dir():
        raise no_data_folder(data_dir, "chạy 'giaoban init' trước?")
    source: SourceText | None = None
    if from_file_:
        notice, source = from_file(from_file_)
        warn_unknown_units(data_dir, task_units(notice.get("tasks")))
    elif from_text_:
        settings = edits.office_settings(data_dir)
        today = office_today(data_dir, change.today)
        reviewed = review_draft(data_dir, from_text_, today, settings, allow_duplicate)
        if reviewed is None:
            typer.echo("Đã hủy, không ghi gì.")
            return
        notice = reviewed
    elif title:
        fields: dict[str, Any] = {"id": notice_id_, "kind": kind, "number": number}
        fields |= {"title": title, "issuer": issuer, "task": task}
        fields["date"] = parse_day(day) if day else None
        notice = from_flags(**fields)
        if notice.get("date") is None:
            raise typer.BadParameter("cần ngày ban hành", param_hint="--date")
        warn_unknown_units(data_dir, task_units(notice["tasks"]))
        notice["tasks"] = [
            units_once(data_dir, t, f"nhiệm vụ {t['item']}") for t in notice["tasks"]
        ]
    else:
        settings = edits.office_settings(data_dir)
        answers = interview(
            data_dir, office_today(data_dir, change.today), settings, allow_duplicate
        )
        if answers is None:
            typer.echo("Đã hủy, không ghi gì.")
            return
        notice = answers
    name = from_file_ if from_file_ and from_file_ != "-" else edits.STDIN
    answered = not (from_file_ or title)  # typed at the questions: kept whatever stops them
    out = edits.create_notice(
        data_dir, notice, not change.no_commit, allow_duplicate, source, name, answered
    )
    say_changes(from_file_ or "", out.details["changes"])
    if from_file_:  # once written: a refused file is not "written as the clerk wrote it"
        warn_repeated_units(data_dir, notice.get("tasks"))
    warn_written(out.saved)
    tasks = len(load_plain(out.details["text"]).get("tasks") or ())
    what = f"Đã thêm thông báo {out.task_id} ({tasks} nhiệm vụ) vào {out.saved.path}"
    say_saved(what, out.saved, change.no_commit)
