"""The giaoban application: one typer app, one module per command group."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="giaoban",
    help="Sổ theo dõi nhiệm vụ sau hội nghị giao ban (giaoban).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Each command module registers itself on ``app`` when imported.
    # --- command modules (one import per line; keep sorted) ---
    # isort: off
    from giaoban.cli import add  # noqa: F401
    from giaoban.cli import check  # noqa: F401
    from giaoban.cli import deadline  # noqa: F401
    from giaoban.cli import edit  # noqa: F401
    from giaoban.cli import export  # noqa: F401
    from giaoban.cli import importer  # noqa: F401
    from giaoban.cli import init  # noqa: F401
    from giaoban.cli import log  # noqa: F401
    from giaoban.cli import reports  # noqa: F401
    from giaoban.cli import review  # noqa: F401
    # isort: on
    # --- end command modules ---


_register()


def run() -> None:
    """Console-script entry point."""
    app()
