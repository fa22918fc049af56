"""A progress bar on standard error, for runs that read many files.

Only this module (and the other ``render*`` modules) imports rich. The bar
is refreshed by hand rather than by rich's refresh thread, so that worker
processes can be forked safely while it is shown, and it is cleared when
done, leaving standard error as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """Show a bar of ``total`` steps; yield a function that advances it by n steps."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    task = bar.add_task(label, total=total)

    def advance(steps: int) -> None:
        bar.update(task, advance=steps, refresh=True)

    with bar:
        bar.refresh()
        yield advance
