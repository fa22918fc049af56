"""Option sets: options that several commands take, declared once as a dataclass.

A command lists its own options in its signature and names the sets it also
takes as parameters typed with them::

    @app.command("due")
    @handle_errors
    @with_options
    def due_command(days: DaysOption = 7, tasks: Selection = ..., where: Where = ...):

``with_options`` replaces each such parameter by the set's fields, so typer
shows them as ordinary options (help, completion, defaults), and hands the
command one value per set. Adding an option to a set adds it to every
command that takes the set.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def option_set(cls: type) -> type:
    """Mark a frozen dataclass whose fields are typer options as an option set."""
    cls.__option_set__ = True  # type: ignore[attr-defined]
    return cls


def with_options(func: F) -> F:
    """Give ``func`` the fields of each option set it names as its own options."""
    signature = inspect.signature(func, eval_str=True)
    own: list[inspect.Parameter] = []
    added: list[inspect.Parameter] = []
    sets: dict[str, tuple[type, tuple[str, ...]]] = {}
    for param in signature.parameters.values():
        cls = param.annotation
        if not getattr(cls, "__option_set__", False):
            own.append(param)
            continue
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = dataclasses.fields(cls)
        sets[param.name] = (cls, tuple(f.name for f in fields))
        added += [
            inspect.Parameter(
                f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name]
            )
            for f in fields
        ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for name, (cls, names) in sets.items():
            kwargs[name] = cls(**{n: kwargs.pop(n) for n in names})
        return func(*args, **kwargs)

    parameters = [*own, *added]
    wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper  # type: ignore[return-value]
