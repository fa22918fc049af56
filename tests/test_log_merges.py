"""``giaoban log`` after a branch is merged with a merge commit (a merge request merged the
way GitLab and GitHub merge by default): each change the branch brought is told as its
own commit told it (who made it, when), at the merge, which is named; what the merge
itself decided (a conflict resolved) stays the merger's. Real repositories, the real CLI.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from tests.conftest import run_git

NOTICE_ID = "2026-11-10-gb"
CLERK_B = "Chuyên viên B"
CHIEF = "Trưởng phòng"


def at(monkeypatch: pytest.MonkeyPatch, day: str, who: str | None = None) -> None:
    """The next commits are made on ``day`` at 09:00 in Hà Nội, by ``who`` (None: An)."""
    for kind in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{kind}_DATE", f"{day}T09:00:00+07:00")
        if who is None:
            monkeypatch.delenv(f"GIT_{kind}_NAME", raising=False)
        else:
            monkeypatch.setenv(f"GIT_{kind}_NAME", who)
    monkeypatch.setenv("GIAOBAN_TODAY", day)


@pytest.fixture
def gb(ledger: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """Run giaoban on ``day`` as ``who``; its output (it must succeed)."""

    def run(day: str, who: str | None, *args: str) -> str:
        at(monkeypatch, day, who)
        result = runner.invoke(app, [*args, "--data", str(ledger)])
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def sha(repo: Path, rev: str) -> str:
    return run_git(repo, "rev-parse", rev).strip()


def merge(repo: Path, monkeypatch: pytest.MonkeyPatch, day: str, branch: str) -> str:
    """``git merge --no-ff`` of ``branch`` into main on ``day`` by the chief; the merge's id."""
    run_git(repo, "checkout", "-q", "main")
    at(monkeypatch, day, CHIEF)
    run_git(repo, "merge", "-q", "--no-ff", "--no-edit", branch)
    return sha(repo, "HEAD")


def events(gb: Callable[..., str], *args: str) -> list[dict]:
    return json.loads(gb("2026-12-01", None, "log", *args, "--format", "json"))["events"]


def add_notice(gb: Callable[..., str]) -> None:
    """An adds the notice, two tasks, on 10/11 (on main)."""
    gb(
        "2026-11-10", None, "add", "--title", "Giao ban tháng 11", "--date", "2026-11-10",
        "--id", NOTICE_ID,
        "--task", "Việc một | chủ trì: VP | hạn: trước ngày 20/11/2026",
        "--task", "Việc hai | chủ trì: BTC | hạn: trước ngày 25/11/2026",
    )  # fmt: skip


@pytest.fixture
def merged(gb: Callable[..., str], ledger: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Clerk B works on a branch (a done, a new notice) while An postpones on main; B brings
    main in (GitHub's "Update branch") and adds a note; the chief merges it on 28/11."""
    repo = ledger.parent
    add_notice(gb)
    run_git(repo, "checkout", "-q", "-b", "chuyen-vien-b")
    gb("2026-11-18", CLERK_B, "done", f"{NOTICE_ID}#1", "--on", "2026-11-18")
    done = sha(repo, "HEAD")
    gb(
        "2026-11-20", CLERK_B, "add", "--title", "Giao ban bổ sung", "--date", "2026-11-20",
        "--id", "2026-11-20-bs", "--task", "Việc ba | chủ trì: VP | hạn: trước ngày 30/11/2026",
    )  # fmt: skip
    run_git(repo, "checkout", "-q", "main")
    gb("2026-11-19", None, "postpone", f"{NOTICE_ID}#2", "trước ngày 30/11/2026",
       "--reason", "Chờ số liệu")  # fmt: skip
    postponed = sha(repo, "HEAD")
    run_git(repo, "checkout", "-q", "chuyen-vien-b")
    at(monkeypatch, "2026-11-21", CLERK_B)
    run_git(repo, "merge", "-q", "--no-edit", "main")  # main brought into the branch
    gb("2026-11-22", CLERK_B, "note", f"{NOTICE_ID}#2", "Đã nhắc BTC")
    note = sha(repo, "HEAD")
    return {"done": done, "postponed": postponed, "note": note,
            "merge": merge(repo, monkeypatch, "2026-11-28", "chuyen-vien-b")}  # fmt: skip


def test_the_branch_work_is_told_by_who_did_it_and_when(
    gb: Callable[..., str], merged: dict[str, str]
) -> None:
    """qa11c finding 04: the done was told as the chief's, on 28/11, subject "Merge branch"."""
    [done] = [e for e in events(gb, f"{NOTICE_ID}#1") if e["action"] == "done"]
    assert (done["author"], done["date"], done["commit"]) == (
        CLERK_B, "2026-11-18T09:00:00+07:00", merged["done"]
    )  # fmt: skip
    assert done["subject"].startswith(f"Hoàn thành {NOTICE_ID}#1")
    assert done["merge"] == {
        "commit": merged["merge"],
        "author": CHIEF,
        "email": "an@vp.example",
        "date": "2026-11-28T09:00:00+07:00",
    }
    lines = gb("2026-12-01", None, "log", f"{NOTICE_ID}#1").splitlines()
    assert lines[-1] == (
        f"18/11/2026 09:00  {CLERK_B}  hoàn thành ngày 18/11/2026  "
        f"({merged['done'][:7]}; {CHIEF} gộp ngày 28/11/2026, {merged['merge'][:7]})"
    )


def test_the_story_keeps_the_order_the_work_reached_main(
    gb: Callable[..., str], merged: dict[str, str]
) -> None:
    """Along main: what main did itself, then at the merge what the branch brought, each
    once (main's postponement, brought into the branch, is not told again)."""
    told = [(e["author"], e["date"][:10], e["task"] or e["notice"], e["action"],
             e["merge"] and e["merge"]["commit"]) for e in events(gb)]  # fmt: skip
    m = merged["merge"]
    assert told == [
        ("Nguyễn Văn An", "2026-11-10", NOTICE_ID, "add-notice", None),
        ("Nguyễn Văn An", "2026-11-19", f"{NOTICE_ID}#2", "postpone", None),
        (CLERK_B, "2026-11-18", f"{NOTICE_ID}#1", "done", m),
        (CLERK_B, "2026-11-20", "2026-11-20-bs", "add-notice", m),
        (CLERK_B, "2026-11-22", f"{NOTICE_ID}#2", "note", m),
    ]
    [note] = [e for e in events(gb, f"{NOTICE_ID}#2") if e["action"] == "note"]
    assert (note["commit"], note["details"]["text"]) == (merged["note"], "Đã nhắc BTC")


def test_the_days_are_the_work_days_in_filters_and_summary(
    gb: Callable[..., str], merged: dict[str, str]
) -> None:
    """``--since``/``--until`` and the summary go by the day each change was made."""
    before_merge = events(gb, "--since", "18/11/2026", "--until", "18/11/2026")
    assert [(e["author"], e["action"]) for e in before_merge] == [(CLERK_B, "done")]
    assert events(gb, "--since", "28/11/2026") == []  # the merge itself did nothing
    summary = json.loads(gb("2026-12-01", None, "log", "--summary", "--format", "json",
                            "--since", "15/11/2026", "--until", "20/11/2026"))  # fmt: skip
    total = summary["total"]
    assert (total["added"], total["done"], total["postponed"]) == (1, 1, 1)


def test_what_the_merge_decided_is_the_mergers(
    gb: Callable[..., str], ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both sides moved one deadline and the chief kept a third day when resolving the
    conflict: that move is the chief's, at the merge; the branch's other work is B's."""
    repo = ledger.parent
    add_notice(gb)
    run_git(repo, "checkout", "-q", "-b", "b")
    gb("2026-11-18", CLERK_B, "postpone", f"{NOTICE_ID}#2", "trước ngày 05/12/2026",
       "--reason", "B")  # fmt: skip
    gb("2026-11-19", CLERK_B, "done", f"{NOTICE_ID}#1")
    run_git(repo, "checkout", "-q", "main")
    gb("2026-11-19", None, "postpone", f"{NOTICE_ID}#2", "trước ngày 30/11/2026",
       "--reason", "An")  # fmt: skip
    at(monkeypatch, "2026-11-28", CHIEF)
    path = ledger / "2026" / f"{NOTICE_ID}.yaml"
    ours = path.read_text(encoding="utf-8")
    kept = ours.replace("trước ngày 30/11/2026", "trước ngày 02/12/2026")
    conflict = subprocess.run(
        ["git", "merge", "-q", "--no-ff", "--no-edit", "b"], cwd=repo, capture_output=True
    )
    assert conflict.returncode != 0  # both moved #2's deadline
    theirs = run_git(repo, "show", f"b:data/2026/{NOTICE_ID}.yaml")
    done_part = theirs[theirs.index('- item: "1"') : theirs.index('- item: "2"')]
    kept = kept[: kept.index('- item: "1"')] + done_part + kept[kept.index('- item: "2"') :]
    path.write_text(kept, encoding="utf-8")
    run_git(repo, "commit", "-qam", "Gộp nhánh b")

    told = [(e["author"], e["task"], e["action"], e["details"].get("to"))
            for e in events(gb) if e["merge"]]  # fmt: skip
    assert told == [
        (CLERK_B, f"{NOTICE_ID}#1", "done", None),
    ]
    [mine] = [e for e in events(gb) if e["author"] == CHIEF]
    assert (mine["task"], mine["action"], mine["merge"]) == (f"{NOTICE_ID}#2", "postpone", None)
    assert (mine["details"]["from"], mine["details"]["to"]) == (
        "trước ngày 30/11/2026", "trước ngày 02/12/2026"
    )  # fmt: skip


def test_a_reverted_merge_takes_the_branch_work_out_of_the_summary(
    gb: Callable[..., str], ledger: Path, merged: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``git revert -m 1`` of the merge undoes what it brought: told by B, it is still not
    counted, as a reverted commit of main's is not."""
    at(monkeypatch, "2026-11-29", CHIEF)
    run_git(ledger.parent, "revert", "-m", "1", "--no-edit", merged["merge"])
    summary = json.loads(gb("2026-12-01", None, "log", "--summary", "--format", "json"))
    total = summary["total"]
    assert (total["added"], total["done"], total["postponed"]) == (2, 0, 1)


def test_a_task_added_on_the_branch_comes_with_what_the_branch_did_to_it(
    gb: Callable[..., str], ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge shows the task as new; the branch added it, then marked it done: both are
    told, B's, as a fast-forward would tell them."""
    repo = ledger.parent
    add_notice(gb)
    run_git(repo, "checkout", "-q", "-b", "b")
    gb("2026-11-18", CLERK_B, "task", "add", NOTICE_ID, "--text", "Việc ba", "--owner", "VP",
       "--deadline", "trước ngày 30/11/2026")  # fmt: skip
    gb("2026-11-19", CLERK_B, "done", f"{NOTICE_ID}#3")
    merge(repo, monkeypatch, "2026-11-28", "b")
    told = [(e["author"], e["date"][:10], e["action"], bool(e["merge"]))
            for e in events(gb, f"{NOTICE_ID}#3")]  # fmt: skip
    assert told == [
        (CLERK_B, "2026-11-18", "add-task", True),
        (CLERK_B, "2026-11-19", "done", True),
    ]
