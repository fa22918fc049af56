"""Importing a notice's text into a YAML draft (``giaoban import``).

Pure: no printing, no command-line handling. :func:`draft_from_text` reads
text into a :class:`Draft`; :func:`render_draft` writes it as YAML text in the
key order of docs/format.md with "# kiểm tra: ..." notes; :func:`read_source`
turns a .txt/.md/.docx/.pdf file or standard input into text.
"""

from __future__ import annotations

from giaoban.importer.draft import Draft, DraftTask, draft_from_text, make_id
from giaoban.importer.sources import read_source
from giaoban.importer.yamltext import render_draft

__all__ = ["Draft", "DraftTask", "draft_from_text", "make_id", "read_source", "render_draft"]
