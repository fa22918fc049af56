"""The deadline engine: Vietnamese deadline phrases to deadline values.

The phrase reader (``parse_deadline``) is imported when first used: a report
whose records come from the cache reads no phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings

if TYPE_CHECKING:
    from giaoban.deadline.parse import parse_deadline

__all__ = ["Deadline", "DeadlineError", "DeadlineSettings", "parse_deadline"]


def __getattr__(name: str) -> Any:
    if name == "parse_deadline":
        # start-up: lark and the grammar load only when a phrase is read
        from giaoban.deadline.parse import parse_deadline

        return parse_deadline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
