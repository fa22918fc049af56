"""The drafts ``giaoban edit`` keeps in the system's temporary folder while the editor
is open, and the ones a killed ``edit`` left there.

Each draft folder (``giaoban-edit-*``) holds the draft, named as the notice file, and a
small note saying which notice of which ledger it is a draft of. An ``edit`` that ends
removes its folder; one killed while the editor was open (a terminal closed, SIGKILL)
cannot, and the clerk's saved work would stay in a folder nobody names. ``doctor`` and
the next ``edit`` of that notice find it through the note.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from giaoban.store.files import writing

DRAFT_PREFIX = "giaoban-edit-"
NOTE_FILE = ".giaoban-edit.json"
EDIT_KEPT_PREFIX = "giaoban-edit-kept-"  # an edit's copy that could not be saved
ADD_KEPT_PREFIX = "giaoban-add-kept-"  # a new notice that could not be added


@dataclass(frozen=True)
class LeftDraft:
    """A draft a stopped ``edit`` left: of which notice, where, saved when."""

    notice_id: str
    notice: Path  # the notice file it is a draft of
    draft: Path
    folder: Path  # the draft's folder (what removing it removes)
    saved: datetime  # the draft's last change, local time
    differs: bool  # holds something the notice file does not (the clerk's work)
    ledger: Path | None = None  # the data folder of the notice (None: a draft made before)

    def of(self, root: Path) -> bool:
        """Whether this is a draft of a notice of the data folder ``root`` (resolved)."""
        return self.ledger == root if self.ledger is not None else self.notice.is_relative_to(root)

    def when(self) -> str:
        return f"{self.saved:%H:%M ngày %d/%m/%Y}"


def start_draft(notice_id: str, notice: Path, text: str, data_dir: Path) -> Path:
    """A new draft folder with ``text`` as the draft of ``notice`` (of the ledger
    ``data_dir``); the draft's path."""
    note = {
        "id": notice_id,
        "notice": str(notice.resolve()),
        "data": str(data_dir.resolve()),
        "pid": os.getpid(),
    }
    with writing(Path(tempfile.gettempdir()) / f"{DRAFT_PREFIX}…" / notice.name):
        folder = Path(tempfile.mkdtemp(prefix=DRAFT_PREFIX))
        (folder / NOTE_FILE).write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        draft = folder / notice.name
        draft.write_text(text, encoding="utf-8")
    return draft


def keep_copy(prefix: str, name: str, data: bytes) -> Path:
    """``data`` kept as ``name`` in a new folder (``prefix`` and a few random letters) of
    the system's temporary folder: the clerk's work a command could not save, for the
    clerk to finish; the copy's path (``WriteFailedError`` when it cannot be written: a
    full or read-only temporary folder)."""
    with writing(Path(tempfile.gettempdir()) / f"{prefix}…" / name):
        copy = Path(tempfile.mkdtemp(prefix=prefix)) / name
        copy.write_bytes(data)
    return copy


def left_drafts(data_dir: Path) -> list[LeftDraft]:
    """The drafts of notices of ``data_dir`` whose ``edit`` is no longer running, each
    with its notice where it is now (a file moved since, ``git mv``, is found by its id)."""
    root = data_dir.resolve()
    found = []
    for folder in sorted(Path(tempfile.gettempdir()).glob(f"{DRAFT_PREFIX}*")):
        left = _left_draft(folder)
        if left is not None and left.of(root):
            found.append(_where_now(left, root))
    return found


def drafts_of(data_dir: Path, notice_id: str) -> list[LeftDraft]:
    """The left drafts of the notice ``notice_id`` of ``data_dir`` that hold work its
    file does not, wherever the file is now."""
    return [d for d in left_drafts(data_dir) if d.notice_id == notice_id and d.differs]


def _where_now(left: LeftDraft, root: Path) -> LeftDraft:
    """``left`` with its notice's file where it is now: a notice's file is named by its
    id, so one moved within the data folder ``root`` is found again."""
    if left.notice.exists():
        return left
    moved = next(iter(sorted(root.rglob(f"{left.notice_id}.yaml"))), None)
    if moved is None:  # the notice is gone: the draft is all that is left of it
        return left
    try:
        differs = moved.read_bytes() != left.draft.read_bytes()
    except OSError:
        return left
    return replace(left, notice=moved, differs=differs)


def _left_draft(folder: Path) -> LeftDraft | None:
    """The draft in ``folder`` when its ``edit`` has stopped; else (running, or not a
    draft folder giaoban made: no note) None."""
    try:
        note = json.loads((folder / NOTE_FILE).read_text(encoding="utf-8"))
        notice = Path(note["notice"])
        draft = folder / notice.name
        if _running(int(note["pid"])):
            return None
        saved = datetime.fromtimestamp(draft.stat().st_mtime)
        text = draft.read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        differs = notice.read_bytes() != text
    except OSError:  # the notice is gone: the draft is all that is left of it
        differs = True
    ledger = Path(note["data"]) if isinstance(note.get("data"), str) else None
    return LeftDraft(str(note["id"]), notice, draft, folder, saved, differs, ledger)


def _running(pid: int) -> bool:
    """Whether the process ``pid`` (the ``edit`` that made a draft) still runs."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end it there: not asked
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # there, but another user's
        return True
    return True
