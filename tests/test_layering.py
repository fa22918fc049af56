"""The house as drawn: which part of giaoban may import which (docs/architecture.md).

Read from the source with ``ast``, as ruff keeps rich inside the renderers:
an import against the drawing, an import cycle between parts, or an import
hidden in a function without saying why fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "giaoban"

# Modules every part may use: text, errors, problems, the time zone, lazy imports.
BASE = {
    "giaoban",
    "giaoban.lazy",
    "giaoban.model.errors",
    "giaoban.model.problems",
    "giaoban.model.text",
    "giaoban.model.timezone",
}
# Each part, and the parts it may import (besides itself and BASE). Lower parts
# never import higher ones: data flows files -> store -> model -> checks ->
# reports -> renderers, and the command line drives them all.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "deadline": set(),
    "model": {"deadline"},
    "store": {"deadline", "model"},
    "checks": {"deadline", "model", "store"},
    "reports": {"deadline", "model", "store", "checks"},
    "history": {"deadline", "model", "store", "checks"},
    "edit": {"deadline", "model", "store", "checks", "history"},
    "importer": {"deadline", "model", "store", "checks", "history", "edit"},
    "render": {"deadline", "model", "store", "checks", "reports", "history", "importer"},
    "cli": {
        "deadline", "model", "store", "checks", "reports", "history", "edit", "importer", "render"
    },
}  # fmt: skip
# Exceptions to the drawing, by name; the list may only shrink.
KNOWN: set[tuple[str, str]] = set()
KNOWN_HIDDEN: set[str] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part(module: str) -> str:
    if module in BASE:
        return "base"
    pieces = module.split(".")
    return "cli" if pieces[1] == "__main__" else pieces[1]


def imports(tree: ast.Module) -> list[tuple[str, ast.stmt]]:
    """(module imported, statement) of every giaoban import in ``tree``."""
    found: list[tuple[str, ast.stmt]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "giaoban":
                found += [(f"giaoban.{a.name}", node) for a in node.names]
            elif node.module.startswith("giaoban."):
                found.append((node.module, node))
        elif isinstance(node, ast.Import):
            found += [(a.name, node) for a in node.names if a.name.startswith("giaoban.")]
    return found


def sources() -> list[tuple[str, Path, ast.Module]]:
    return [
        (module_name(path), path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_every_module_belongs_to_a_drawn_part() -> None:
    assert {part(name) for name, _, _ in sources()} <= set(ALLOWED)


def test_no_part_imports_against_the_drawing() -> None:
    wrong, seen = [], set()
    for name, _, tree in sources():
        for target, _ in imports(tree):
            here, there = part(name), part(target)
            if there in (here, "base") or there in ALLOWED[here]:
                continue
            seen.add((name, target))
            if (name, target) not in KNOWN:
                wrong.append(f"{name} ({here}) imports {target} ({there})")
    assert wrong == []
    assert seen == KNOWN, "a known exception is gone: take it off KNOWN"


def test_the_drawing_has_no_cycle() -> None:
    def reaches(start: str, goal: str, path: tuple[str, ...] = ()) -> bool:
        return any(
            p == goal or (p not in path and reaches(p, goal, (*path, p))) for p in ALLOWED[start]
        )

    assert [p for p in ALLOWED if reaches(p, p)] == []


def _hidden(tree: ast.Module) -> list[ast.stmt]:
    """giaoban imports inside functions, outside ``if TYPE_CHECKING:``."""
    found: list[ast.stmt] = []
    for func in ast.walk(tree):
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(func):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                    t for t, n in imports(ast.Module([node], [])) if n is node
                ):
                    found.append(node)
    return found


@pytest.mark.parametrize("name", sorted(name for name, _, _ in sources()))
def test_an_import_inside_a_function_says_it_is_for_start_up(name: str) -> None:
    """Only to keep a command's start quick, and the line before says so."""
    path = next(p for n, p, _ in sources() if n == name)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    unsaid = []
    for node in _hidden(tree):
        above = [lines[i] for i in range(node.lineno - 2, -1, -1)]
        said = next((line for line in above if "import" not in line), "")
        if "start-up" not in said and "start-up" not in lines[node.lineno - 1]:
            unsaid.append(node.lineno)
    if name in KNOWN_HIDDEN:
        assert unsaid, "no hidden import left here: take it off KNOWN_HIDDEN"
    else:
        assert unsaid == []
