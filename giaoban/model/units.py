"""The unit registry: units, their short names and aliases, and groups.

Names are matched on their fold (no case, no diacritics, single spaces), so
"van phong trung uong doan", "VP" and "Văn phòng TW Đoàn" can all name the
same unit.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from giaoban.model.problems import Source
from giaoban.model.text import fold


@dataclass(frozen=True)
class Unit:
    name: str
    short: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: Source | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.short, *self.aliases)


@dataclass(frozen=True)
class Group:
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    source: Source | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Repeat:
    """A name in a task's unit lists that names a unit an earlier name there named:
    ``names[key][index]``, and where that earlier name is (``first``: a key and index)."""

    key: str
    index: int
    name: str
    first: tuple[str, int]


@dataclass(frozen=True)
class Registry:
    """Units and groups, with an index from folded names to canonical names."""

    units: tuple[Unit, ...] = ()
    groups: tuple[Group, ...] = ()
    present: bool = False
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries():
            for name in entry.names():
                self._index.setdefault(fold(name), entry.name)

    def entries(self) -> tuple[Unit | Group, ...]:
        """Every unit, then every group."""
        return (*self.units, *self.groups)

    def all_names(self) -> list[str]:
        """Every name a unit or group is known by (full, short, other), in registry order."""
        return [name for entry in self.entries() for name in entry.names()]

    def short_names(self) -> list[str]:
        """Each unit by its first short name (its full name when it has none), in order:
        the registry at a glance, when a name typed is close to none of it."""
        return [unit.short[0] if unit.short else unit.name for unit in self.units]

    def canonical(self, name: str) -> str | None:
        """The registered full name for ``name`` (unit or group), if any."""
        return self._index.get(fold(name))

    def find(self, name: str) -> str | None:
        """Like ``canonical``, and also a unique prefix of whole words.

        "thuong truc cac tieu ban" finds "Thường trực các tiểu ban Đại hội"
        when no other registered name starts with those words.
        """
        exact = self.canonical(name)
        if exact is not None:
            return exact
        query = fold(name)
        if not query:
            return None
        found = {full for key, full in self._index.items() if key.startswith(query + " ")}
        return found.pop() if len(found) == 1 else None

    def unit_key(self, name: str) -> str:
        """What two names of one unit share: the registered full name ("VP" and "Văn
        phòng Trung ương Đoàn" are one unit), else, for a name the registry does not
        hold, the name folded. The one rule for "the same unit" named twice in a task."""
        return self.canonical(name) or fold(name)

    def repeats(self, lists: Sequence[tuple[str, Sequence[str]]]) -> list[Repeat]:
        """Each name of ``lists`` (a task's ``owners``, then its ``supports``: a key and
        its names) naming a unit that a name before it already named (``unit_key``)."""
        seen: dict[str, tuple[str, int]] = {}
        found = []
        for key, names in lists:
            for i, name in enumerate(names):
                first = seen.setdefault(self.unit_key(name), (key, i))
                if first != (key, i):
                    found.append(Repeat(key, i, name, first))
        return found

    def named_once(
        self, lists: Sequence[tuple[str, Sequence[str]]]
    ) -> tuple[dict[str, list[str]], list[Repeat]]:
        """``lists`` with each unit kept at its first name only, and the names left out."""
        repeats = self.repeats(lists)
        dropped = {(r.key, r.index) for r in repeats}
        kept = {
            key: [n for i, n in enumerate(names) if (key, i) not in dropped] for key, names in lists
        }
        return kept, repeats

    def is_known(self, name: str) -> bool:
        return fold(name) in self._index

    def nearest(self, name: str) -> str | None:
        """The registered name closest to ``name``, for "did you mean"."""
        folded = fold(name)
        close = difflib.get_close_matches(folded, list(self._index), n=1, cutoff=0.6)
        return self._index[close[0]] if close else None

    def expand(self, name: str) -> frozenset[str]:
        """The canonical names ``name`` stands for: itself, and a group's members."""
        canonical = self.canonical(name)
        if canonical is None:
            return frozenset({name})
        group = next((g for g in self.groups if g.name == canonical), None)
        if group is None:
            return frozenset({canonical})
        members = {self.canonical(m) or m for m in group.members}
        return frozenset({canonical, *members})
