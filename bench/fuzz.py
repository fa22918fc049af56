"""Fuzz giaoban with broken variants of real notice files; print what held.

Each variant is one notice of ``data/`` mutated one way (a flipped byte, a
cut, a deleted or doubled line, a value of the wrong type or left empty, a
huge or deeply nested value, another encoding, a control character, a
symlink or a FIFO in its place), put in a data folder beside the registry.
Then ``check`` (cold, then warm through the cache), ``week --format json``
and ``export`` run through the real CLI in this process, and these must hold:

- no traceback and no hang (each command has ``TIMEOUT`` seconds);
- nothing on disk changed;
- when ``check`` rejects the file, it names at least one problem in that file
  at a line (a located problem), and ``week`` and ``export`` exit non-zero;
- when ``check`` accepts it, nothing was dropped: the notice and every task
  that ruamel's own safe loader reads from the file are in ``export``; and a
  clerk can still write to it: ``note`` on its first task succeeds, leaves a
  file ``check`` accepts, and only adds lines (every line of the file stays
  as it was, line endings included).

Besides breaking a file, some mutations only lay it out otherwise, as editors
and other tools do (Windows line endings, a comment after a value, trailing
spaces, no final newline): the file stays valid, and the edit must keep it so.

    python bench/fuzz.py                  # 1,200 variants, seed 1
    python bench/fuzz.py --variants 5000 --seed 7 --show 5

``tests/test_fuzz.py`` runs a small derandomized sample of the same harness.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from giaoban.cli.main import app  # noqa: E402 - after the path is set

DATA = REPO / "data"
TIMEOUT = 30  # seconds a command may take on one variant
TODAY = "2026-12-05"
WRONG_VALUES = ("[1, 2]", "{a: 1}", "123", "true", "2019-02-30", "null", "-5", "1e400", "'  '")
CONTROL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)] + ["\u202e", "\x85"]


@dataclass(frozen=True)
class Variant:
    """One broken notice: its name (the seed file and the mutation) and how to lay it down."""

    name: str
    seed: Path
    data: bytes | None = None  # the file's bytes; None for a special file
    special: str | None = None  # "symlink" or "fifo"


@dataclass
class Tally:
    """What the run found."""

    variants: int = 0
    rejected: int = 0
    accepted: int = 0
    by_mutation: Counter[str] = field(default_factory=Counter)
    failures: dict[str, list[str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # edits of accepted files refused, said why

    def fail(self, kind: str, variant: Variant, detail: str) -> None:
        self.failures.setdefault(kind, []).append(f"{variant.name}: {detail}")


# --- mutations ------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def flip_byte(rng: random.Random, raw: bytes) -> bytes:
    i = rng.randrange(len(raw))
    return raw[:i] + bytes([rng.randrange(256)]) + raw[i + 1 :]


def truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw))]


def delete_line(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw.decode("utf-8"))
    del lines[rng.randrange(len(lines))]
    return "".join(lines).encode("utf-8")


def double_line(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw.decode("utf-8"))
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return "".join(lines).encode("utf-8")


def _key_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]


def wrong_type(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw.decode("utf-8"))
    i = rng.choice(_key_lines(lines))
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {rng.choice(WRONG_VALUES)}\n"
    return "".join(lines).encode("utf-8")


def empty_value(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw.decode("utf-8"))
    i = rng.choice(_key_lines(lines))
    key = lines[i].split(":", 1)[0]
    empty = rng.choice(("", " ", " null", " ~", ' ""'))
    lines[i] = f"{key}:{empty}\n"
    return "".join(lines).encode("utf-8")


def huge_value(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw.decode("utf-8"))
    i = rng.choice(_key_lines(lines))
    key = lines[i].split(":", 1)[0]
    value = "Văn phòng " * rng.choice((10_000, 100_000))
    lines[i] = f"{key}: {value}\n"
    return "".join(lines).encode("utf-8")


def deep(rng: random.Random, raw: bytes) -> bytes:
    depth = rng.choice((65, 900, 5_000))
    opener, closer = rng.choice((("[", "]"), ("{a: ", "}"), ("- ", "")))
    if opener == "- ":
        nested = "".join(f"{'  ' * d}- \n" for d in range(depth)) + "  " * depth + "x\n"
        return raw + f"x-deep:\n{nested}".encode()
    return raw + f"x-deep: {opener * depth}1{closer * depth}\n".encode()


def encoding(rng: random.Random, raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    how = rng.choice(("latin-1", "utf-16", "cp1258", "bom-twice"))
    if how == "bom-twice":
        return b"\xef\xbb\xbf\xef\xbb\xbf" + raw
    return text.encode(how, errors="replace")


def control_char(rng: random.Random, raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    i = rng.randrange(len(text))
    return (text[:i] + rng.choice(CONTROL) + text[i:]).encode("utf-8")


EDGE_DATES = (
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:00-12:00",
    "9999-12-30T12:00:00",
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?")


def edge_date(rng: random.Random, raw: bytes) -> bytes:
    """A date of the file (or one put in a date's place) at the calendar's ends."""
    text = raw.decode("utf-8")
    found = list(_DATE.finditer(text))
    edge = rng.choice(EDGE_DATES)
    if not found:
        return raw + f"date: {edge}\n".encode()
    m = rng.choice(found)
    return (text[: m.start()] + edge + text[m.end() :]).encode("utf-8")


def line_endings(rng: random.Random, raw: bytes) -> bytes:
    """Windows line endings throughout, or on some lines only (a file edited on two
    machines)."""
    lines = _lines(raw.decode("utf-8"))
    every = rng.random() < 0.5
    turned = [
        line[:-1] + "\r\n" if line.endswith("\n") and (every or rng.random() < 0.3) else line
        for line in lines
    ]
    return "".join(turned).encode("utf-8")


def comment(rng: random.Random, raw: bytes) -> bytes:
    """A comment after a value, or on a line of its own (indented like the line after)."""
    lines = _lines(raw.decode("utf-8"))
    i = rng.choice(_key_lines(lines))
    line = lines[i].rstrip("\r\n")
    if rng.random() < 0.5:
        lines[i] = f"{line}  # ghi chú: đã xem{lines[i][len(line) :]}"
    else:
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(i, f"{indent}# ghi chú: đã xem\n")
    return "".join(lines).encode("utf-8")


def trailing_space(rng: random.Random, raw: bytes) -> bytes:
    """Spaces left at the end of some lines."""
    lines = _lines(raw.decode("utf-8"))
    for i in rng.sample(range(len(lines)), k=min(len(lines), rng.randint(1, 8))):
        body = lines[i].rstrip("\r\n")
        lines[i] = body + " " * rng.randint(1, 3) + lines[i][len(body) :]
    return "".join(lines).encode("utf-8")


def no_final_newline(rng: random.Random, raw: bytes) -> bytes:
    """The last line without its line break (or with blank lines after it)."""
    text = raw.decode("utf-8").rstrip("\r\n")
    return (text + rng.choice(("", "", "\n\n\n"))).encode("utf-8")


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip-byte": flip_byte,
    "truncate": truncate,
    "delete-line": delete_line,
    "double-line": double_line,
    "wrong-type": wrong_type,
    "empty-value": empty_value,
    "huge-value": huge_value,
    "deep": deep,
    "encoding": encoding,
    "control-char": control_char,
    "edge-date": edge_date,
    "line-endings": line_endings,
    "comment": comment,
    "trailing-space": trailing_space,
    "no-final-newline": no_final_newline,
}
SPECIALS = ("symlink", "fifo")


def variants(count: int, seed: int) -> Iterator[Variant]:
    """``count`` variants of the seed notices, the same for the same ``seed``."""
    rng = random.Random(seed)
    seeds = sorted(p for p in DATA.rglob("*.yaml") if p.parent != DATA)
    names = sorted(MUTATIONS)
    for n in range(count):
        source = seeds[n % len(seeds)]
        if n % 100 == 99 and os.name == "posix":
            kind = SPECIALS[(n // 100) % len(SPECIALS)]
            yield Variant(f"{n}:{source.stem}:{kind}", source, special=kind)
            continue
        mutation = names[rng.randrange(len(names))]
        data = MUTATIONS[mutation](rng, source.read_bytes())
        yield Variant(f"{n}:{source.stem}:{mutation}", source, data)


# --- one variant through the CLI ---------------------------------------------------------------


class Hang(Exception):
    """A command ran longer than ``TIMEOUT``."""


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def lay_down(variant: Variant, root: Path) -> Path:
    """A data folder holding the registry and ``variant``; the variant's path."""
    data = root / "data"
    if data.exists():
        shutil.rmtree(data)
    folder = data / variant.seed.parent.name
    folder.mkdir(parents=True)
    shutil.copyfile(DATA / "units.yaml", data / "units.yaml")
    path = folder / variant.seed.name
    if variant.special == "symlink":
        outside = root / "outside.yaml"
        outside.write_bytes(variant.seed.read_bytes())
        path.symlink_to(outside)
    elif variant.special == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(variant.data or b"")
    return path


def snapshot(root: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted((root / "data").rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            found[key] = f"-> {os.readlink(path)}"
        elif path.is_fifo():
            found[key] = "fifo"
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


def reference_tasks(variant: Variant) -> int | None:
    """How many tasks ruamel's own safe loader reads from the variant (None: no notice)."""
    from ruamel.yaml import YAML

    if variant.data is None:
        return None
    try:
        doc = YAML(typ="safe", pure=True).load(variant.data.decode("utf-8-sig"))
    except Exception:  # noqa: BLE001 - anything ruamel refuses is no notice
        return None
    tasks = doc.get("tasks") if isinstance(doc, dict) else None
    return sum(isinstance(t, dict) for t in tasks) if isinstance(tasks, list) else None


def invoke(
    runner: CliRunner, args: list[str], said: bool = False
) -> tuple[int, str, BaseException | None]:
    """Exit code, stdout (``said``: stdout and stderr) and the exception (not SystemExit)
    of one command."""
    try:
        with time_limit(TIMEOUT):
            result = runner.invoke(app, args)
    except Hang:
        return -1, "", Hang()
    error = result.exception
    out = result.output if said else result.stdout
    if isinstance(error, SystemExit) or error is None:
        return result.exit_code, out, None
    return result.exit_code, out, error


def run_variant(variant: Variant, root: Path, runner: CliRunner, tally: Tally) -> None:
    """Lay ``variant`` down under ``root``, run the commands, record what failed."""
    path = lay_down(variant, root)
    before = snapshot(root)
    data = str(root / "data")
    checks = [invoke(runner, ["check", data, "--format", "json"]) for _ in range(2)]
    week = invoke(runner, ["week", "--data", data, "--today", TODAY, "--format", "json"])
    export = invoke(runner, ["export", "--data", data])
    ran = zip(("check", "check warm", "week", "export"), [*checks, week, export], strict=True)
    for name, (_, _, error) in ran:
        if isinstance(error, Hang):
            tally.fail("hang", variant, name)
        elif error is not None:
            tally.fail("traceback", variant, f"{name}: {type(error).__name__}: {error}")
    if snapshot(root) != before:
        tally.fail("changed on disk", variant, "a read-only command changed the data folder")
    (code, out, error), (warm_code, warm_out, _) = checks
    if error is not None:
        return
    if (code, out) != (warm_code, warm_out):
        tally.fail("cache differs", variant, "check through the cache said otherwise")
    problems = json.loads(out)["problems"] if out.strip().startswith("{") else []
    errors = [p for p in problems if p["severity"] == "error"]
    if code != 0:
        tally.rejected += 1
        _rejected(variant, path, errors, week[0], export[0], tally)
    else:
        tally.accepted += 1
        if _accepted(variant, export, tally):
            _edited(variant, path, export[1], runner, tally)


def _rejected(
    variant: Variant, path: Path, errors: list[dict[str, Any]], week: int, export: int, tally: Tally
) -> None:
    located = [e for e in errors if e["path"] == str(path) and (e["line"] or 0) >= 1]
    if not located:
        tally.fail("not located", variant, f"errors: {errors[:2]}")
    if week == 0:
        tally.fail("exit 0 with data left out", variant, "week exited 0")
    if export == 0:
        tally.fail("exit 0 with data left out", variant, "export exited 0")


def _accepted(
    variant: Variant, export: tuple[int, str, BaseException | None], tally: Tally
) -> bool:
    """Whether the accepted file's notice and tasks are all in ``export`` (failures
    tallied)."""
    code, out, _ = export
    expected = reference_tasks(variant)
    if code != 0:
        tally.fail("valid but refused", variant, f"export exited {code}")
        return False
    notices = json.loads(out)["notices"]
    if expected is None:
        tally.fail("dropped", variant, "check passed a file ruamel reads as no notice")
    elif len(notices) != 1 or len(notices[0]["tasks"]) != expected:
        got = [len(n["tasks"]) for n in notices]
        tally.fail("dropped", variant, f"ruamel reads {expected} tasks, export has {got}")
    else:
        return True
    return False


EDIT_NOTE = "ghi chú của bộ thử"


def _edited(variant: Variant, path: Path, exported: str, runner: CliRunner, tally: Tally) -> None:
    """A clerk's edit of an accepted file: ``note`` on its first task must succeed, leave
    a file ``check`` accepts, and only add lines."""
    tasks = json.loads(exported)["notices"][0]["tasks"]
    if not tasks or path.is_symlink():
        return
    before = path.read_bytes()
    data = str(path.parents[1])
    args = ["note", tasks[0]["id"], EDIT_NOTE, "--data", data, "--today", TODAY, "--no-commit"]
    code, out, error = invoke(runner, args, said=True)
    if isinstance(error, Hang):
        tally.fail("hang", variant, "note")
        return
    if error is not None:
        tally.fail("traceback", variant, f"note: {type(error).__name__}: {error}")
        return
    if code != 0:
        said = out.strip()
        if said.startswith("giaoban: lỗi:"):  # refused, saying why: nothing changed
            tally.refused.append(f"{variant.name}: {said[:200]}")
            if path.read_bytes() != before:
                tally.fail("changed on disk", variant, "a refused note changed the file")
        else:
            tally.fail("valid but refused", variant, f"note exited {code}: {said[:200]}")
        return
    after = path.read_bytes()
    checked, shown, _ = invoke(runner, ["check", data], said=True)
    if checked != 0:
        tally.fail("edit broke the file", variant, shown.strip()[-300:])
    lost = _lines_lost(before, after)
    if lost:
        tally.fail("edit changed other lines", variant, f"{len(lost)} lines, first {lost[0]!r}")
    elif EDIT_NOTE.encode() not in after:
        tally.fail("edit changed other lines", variant, "the note is not in the file")


def _lines_lost(before: bytes, after: bytes) -> list[bytes]:
    """The lines of ``before`` (line endings included) that ``after`` does not keep, in
    order: an edit that only adds lines loses none. A last line without its line end
    may gain one: lines added after it need it."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lost: list[bytes] = []
    j = 0
    for i, line in enumerate(old):
        ended = i < len(old) - 1 or line != line.rstrip(b"\r\n")
        forms = [line] if ended else [line, line + b"\n", line + b"\r\n"]
        found = next((k for k in range(j, len(new)) if new[k] in forms), -1)
        if found < 0:
            lost.append(line)
        else:
            j = found + 1
    return lost


def run(count: int, seed: int) -> Tally:
    """Run ``count`` variants; return the tally."""
    tally = Tally()
    runner = CliRunner()
    with tempfile.TemporaryDirectory(prefix="giaoban-fuzz-") as temp:
        root = Path(temp)
        saved = {k: os.environ.get(k) for k in ("GIAOBAN_CACHE_DIR", "NO_COLOR", "COLUMNS")}
        os.environ.update(GIAOBAN_CACHE_DIR=str(root / "cache"), NO_COLOR="1", COLUMNS="100")
        try:
            for variant in variants(count, seed):
                tally.variants += 1
                tally.by_mutation[variant.name.rsplit(":", 1)[1]] += 1
                run_variant(variant, root, runner, tally)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=3, help="failures shown per kind")
    options = parser.parse_args()
    started = time.perf_counter()
    tally = run(options.variants, options.seed)
    elapsed = time.perf_counter() - started
    print(f"variants: {tally.variants} (seed {options.seed}), {elapsed:.0f} s")
    print("by mutation: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.by_mutation.items())))
    print(f"rejected by check: {tally.rejected}; accepted: {tally.accepted}")
    print(f"edits of accepted files refused, saying why (not failures): {len(tally.refused)}")
    for line in tally.refused[: options.show]:
        print(f"  {line[:300]}")
    kinds = (
        "traceback",
        "hang",
        "changed on disk",
        "cache differs",
        "not located",
        "exit 0 with data left out",
        "dropped",
        "valid but refused",
        "edit broke the file",
        "edit changed other lines",
    )
    for kind in kinds:
        found = tally.failures.get(kind, [])
        print(f"{kind}: {len(found)}")
        for line in found[: options.show]:
            print(f"  {line[:300]}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
