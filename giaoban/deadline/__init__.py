"""The deadline engine: Vietnamese deadline phrases to deadline values."""

from __future__ import annotations

from giaoban.deadline.model import Deadline, DeadlineError, DeadlineSettings
from giaoban.deadline.parse import parse_deadline

__all__ = ["Deadline", "DeadlineError", "DeadlineSettings", "parse_deadline"]
