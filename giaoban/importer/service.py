"""The importer with a data folder: its unit registry and its deadline settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from giaoban.importer.draft import Draft, draft_from_text
from giaoban.model.problems import Problem
from giaoban.store.loader import REGISTRY_FILE, SETTINGS_FILE, load_registry, load_settings


def draft_for_data(text: str, data_dir: Path, fallback_date: date | None = None) -> Draft:
    """Read ``text`` into a draft, naming units with the registry of ``data_dir``.

    A data folder without a registry (or none at all) still gives a draft; its
    units are then kept as written.
    """
    problems: list[Problem] = []
    registry = load_registry(data_dir / REGISTRY_FILE, problems)
    settings = load_settings(data_dir / SETTINGS_FILE, problems)
    return draft_from_text(
        text,
        registry,
        settings=settings.deadline_settings(),
        fallback_date=fallback_date,
    )
