"""Writing a draft: to a named file, into a folder, or into the data folder.

A draft file is never written over an existing file, and never half-written
(see :func:`giaoban.store.files.write_atomic`). A draft saved into the data folder
goes the way ``giaoban add`` saves a notice: under the ledger lock, named
``data/YYYY/<id>.yaml`` with an id not yet taken, checked as ``giaoban check``
checks it (errors refuse the write), then committed when the folder is in a
git work tree and the office's settings allow it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from giaoban.edit.duplicates import refuse_duplicate
from giaoban.edit.fromfile import add_options, kept_as_draft, new_notice_lock
from giaoban.edit.newnotice import notice_id, notice_path, taken_ids
from giaoban.edit.transaction import EditRefusedError, Saved, save_new
from giaoban.history.story import add_notice_message
from giaoban.importer.draft import Draft
from giaoban.importer.yamltext import render_draft
from giaoban.model.errors import no_data_folder
from giaoban.store.files import WriteFailedError, write_atomic
from giaoban.store.loader import SETTINGS_FILE, load_settings


def target(output: Path, draft: Draft, as_folder: bool = False) -> tuple[Path, Draft]:
    """Where ``-o OUTPUT`` writes and the draft to write there.

    A folder (existing, or given with a trailing "/") receives ``<id>.yaml``;
    a file name gives its stem to the notice's id, since ``check`` wants them equal.
    """
    if as_folder or output.is_dir():
        return output / f"{draft.id}.yaml", draft
    return output, replace(draft, id=output.stem)


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to a new file ``path``: atomically, never over an existing file."""
    write_atomic(path, text.encode("utf-8"), exclusive=True)


def save_draft(
    draft: Draft, data_dir: Path, commit: bool = True, allow_duplicate: bool = False
) -> tuple[Saved, Draft]:
    """Save the draft into the data folder as ``giaoban add`` saves a notice.

    A notice the ledger already holds is refused unless ``allow_duplicate``.

    Returns:
        What was saved (path, commit) and the draft as saved (its id made unique).

    Raises:
        DraftKeptError: ``check`` finds errors in the draft, or the data folder cannot
            be written (nothing is written; the draft is kept in the system's temporary
            folder, its errors named there).
        DuplicateNoticeError: the ledger already holds the notice (nothing is written).
    """
    if not data_dir.is_dir():
        raise no_data_folder(data_dir, "chạy 'giaoban init' trước?")
    settings = load_settings(data_dir / SETTINGS_FILE, [])
    options = add_options(data_dir, commit, allow_duplicate)

    def planned() -> tuple[Draft, Path, str]:
        saved = replace(draft, id=notice_id(draft.date, draft.title, taken_ids(data_dir)))
        return saved, notice_path(data_dir, saved.id, saved.date), render_draft(saved)

    with new_notice_lock(data_dir, lambda: planned()[1:], options):
        if not allow_duplicate:
            refuse_duplicate(data_dir, draft.number, draft.date, draft.title)
        saved, path, text = planned()
        message = add_notice_message(saved.id, saved.title, len(saved.tasks))
        try:
            written = save_new(data_dir, path, text, message, commit and settings.commit)
        except (EditRefusedError, WriteFailedError) as exc:  # kept for the clerk to put right
            raise kept_as_draft(exc, path, text, options) from None
    return written, saved
