"""Validation through the index: each notice's own problems are kept, not found again.

``validate`` runs the checks of ``giaoban.checks.validation`` with ``CachedChecks``:
the checks that look at one notice at a time (``validation.NOTICE_CHECKS``) ran
on each notice parsed in this load where it was read (``LoadSession.checked``),
and run again only on a notice whose kept problems are stale; the id check runs
over the ids kept with each notice, so one changed file means no record read
again. When no file changed, the last result is given again without reading
any record.
"""

from __future__ import annotations

from typing import Any

from giaoban.checks import validation
from giaoban.model.ledger import Ledger
from giaoban.model.problems import Problem
from giaoban.store.cache import Checked, KeptChecks, are_problems, is_pair
from giaoban.store.loader import LoadResult


def validate(result: LoadResult) -> list[Problem]:
    """``giaoban.checks.validation.validate(result.ledger)``, reusing the kept problems.

    The problems come in the order ``validate`` gives them, so that sorting
    them (stable) gives the same output with or without the cache.
    """
    session = result.session
    index, whole, key = session.index, session.whole, session.checks_key()
    # The last result is kept apart from the notices' own problems: a run where nothing
    # changed reads it alone, not what is kept of every notice.
    last = index.get("checks:whole")
    if whole is not None and _last_result(last, key, whole):
        return list(last[2])
    saved = index.get("checks")
    good = is_pair(saved) and saved[0] == key and isinstance(saved[1], dict)
    entries: dict[str, Any] = saved[1] if good else {}
    if not isinstance(entries.get("notices"), dict):
        entries["notices"] = {}
    # the notices parsed in this load were checked where they were read, with this registry
    entries["notices"].update(session.checked)
    problems = CachedChecks(result.ledger, entries, session.digests).run()
    index.put_aside({"checks": (key, entries), "checks:whole": (key, whole, tuple(problems))})
    return problems


def _last_result(last: Any, key: str, whole: str) -> bool:
    """Whether ``last`` is the problems found with the same settings and registry (``key``)
    in the same set of files (``whole``)."""
    return (
        isinstance(last, tuple)
        and len(last) == 3
        and last[:2] == (key, whole)
        and are_problems(last[2])
    )


class CachedChecks:
    """Runs the checks over a ledger, each check of one notice at a time
    (``validation.NOTICE_CHECKS``) only on notices not checked before.

    ``saved`` maps a notice's path to (digest of its file, {check: problems},
    (id, where the id is written)); only checks that found something are
    kept. The id check runs over every notice's saved id, so a run where one
    file changed reads that notice's record alone.
    """

    def __init__(self, ledger: Ledger, entries: dict[str, Any], digests: dict[str, bytes]) -> None:
        self.ledger = ledger
        self.saved: dict[str, KeptChecks] = entries.setdefault("notices", {})
        self.digests = digests
        self.paths = notice_paths(ledger)

    def _stale(self, path: str) -> bool:
        saved = self.saved.get(path)
        if not isinstance(saved, tuple) or len(saved) != 3 or saved[0] != self.digests.get(path):
            return True
        found, head = saved[1], saved[2]
        if not isinstance(found, dict) or not is_pair(head) or not isinstance(head[0], str):
            return True
        return bool(found) and not all(are_problems(p) for p in found.values())

    def run(self) -> list[Problem]:
        ledger = self.ledger
        checker = validation.NoticeChecker(ledger.root, ledger.registry, ledger.settings)
        found: dict[str, Checked] = {}
        for i, path in enumerate(self.paths):
            if self._stale(path):
                found[path] = checker(ledger.notices[i])
                if path in self.digests:
                    self.saved[path] = (self.digests[path], *found[path])
            else:
                found[path] = self.saved[path][1:]
        problems: list[Problem] = []
        for check in validation.LEDGER_CHECKS:
            if check is validation.check_ids:  # over the ids kept of every notice
                heads = [(found[path][1][0], path, found[path][1][1]) for path in self.paths]
                problems.extend(validation.id_problems(heads))
            else:
                problems.extend(check(ledger))
        for check in validation.NOTICE_CHECKS:  # in the order of validation.validate
            name = check.__name__
            problems.extend(p for path in self.paths for p in found[path][0].get(name, ()))
        return problems


def notice_paths(ledger: Ledger) -> list[str]:
    """The path of each notice of ``ledger``, in order, without reading lazy records."""
    return ledger.notice_paths()
