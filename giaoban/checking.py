"""``giaoban check``: load the given files or folders, validate, collect problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from giaoban.errors import InvalidDataError, UsageError
from giaoban.loader import REGISTRY_FILE, RESERVED, SETTINGS_FILE, load_ledger, notice_files
from giaoban.model import Ledger
from giaoban.problems import Problem
from giaoban.validation import validate


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    files: int
    notices: int
    tasks: int

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def ledger_root(path: Path, default: Path) -> Path:
    """The data folder a file belongs to: the nearest folder with a registry or settings."""
    for parent in path.resolve().parents:
        if (parent / REGISTRY_FILE).is_file() or (parent / SETTINGS_FILE).is_file():
            return _as_given(parent, path)
    return default if _is_within(path, default) else path.parent


def _as_given(resolved_parent: Path, path: Path) -> Path:
    """``resolved_parent`` spelled relative to how ``path`` was given, for messages."""
    absolute = path.resolve()
    depth = len(absolute.relative_to(resolved_parent).parts)
    given = path
    for _ in range(depth):
        given = given.parent
    return given


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def check_paths(paths: Sequence[Path], data_dir: Path) -> CheckReport:
    """Check ``paths`` (files or folders), or the whole ``data_dir`` when none."""
    targets = list(paths) or [data_dir]
    for target in targets:
        if not target.exists():
            raise UsageError(f"không có tệp hoặc thư mục '{target}'")
    groups: dict[Path, list[Path] | None] = {}
    for target in targets:
        if target.is_dir():
            groups[target] = None
        else:
            root = ledger_root(target, data_dir)
            files = groups.setdefault(root, [])
            if files is not None and target.name not in RESERVED:
                files.append(target)
    problems: list[Problem] = []
    ledgers: list[Ledger] = []
    files_read = 0
    for root, files in groups.items():
        result = load_ledger(root, files)
        problems.extend(result.problems)
        problems.extend(validate(result.ledger))
        ledgers.append(result.ledger)
        files_read += len(notice_files(root)) if files is None else len(files)
    unique = sorted(set(problems), key=Problem.sort_key)
    return CheckReport(
        problems=tuple(unique),
        files=files_read,
        notices=sum(len(ledger.notices) for ledger in ledgers),
        tasks=sum(len(n.tasks) for ledger in ledgers for n in ledger.notices),
    )


def open_ledger(data_dir: Path) -> Ledger:
    """Load and validate ``data_dir`` for a report; refuse it if it has errors."""
    if not data_dir.is_dir():
        raise UsageError(f"không có thư mục dữ liệu '{data_dir}' (dùng --data hoặc GIAOBAN_DATA)")
    result = load_ledger(data_dir)
    problems = [*result.problems, *validate(result.ledger)]
    errors = sorted({p for p in problems if p.is_error}, key=Problem.sort_key)
    if errors:
        raise InvalidDataError(errors)
    return result.ledger
