"""The ledger at a git revision: ranges, files read in one batch, registry and settings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from giaoban.deadline import Deadline
from giaoban.history import git
from giaoban.history.revisions import ledger_at, parse_range, repository, review
from giaoban.history.semdiff import diff_notices
from giaoban.model.errors import UsageError
from giaoban.store.loader import load_ledger
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE = textwrap.dedent(
    """\
    id: {id}
    kind: thông báo kết luận
    title: Kết luận {id}
    date: 2022-04-14
    tasks:
      - item: "1"
        text: Báo cáo kết quả
        owners: [VP]
        deadline: trước ngày 30/04/2022
    """
)


def write(data: Path, notice_id: str, text: str | None = None) -> Path:
    path = data / notice_id[:4] / f"{notice_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text or NOTICE.format(id=notice_id), encoding="utf-8")
    return path


def commit(repo: Path, message: str) -> str:
    run_git(repo, "add", "-A")
    run_git(repo, "commit", "-qm", message)
    return run_git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def nested(git_repo: Path) -> Path:
    """A data folder two levels down in the repository (``so/data``), three commits."""
    data = git_repo / "so" / "data"
    data.mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    write(data, "2022-04-14-a")
    commit(git_repo, "một")
    write(data, "2022-04-15-b")
    (git_repo / "README.yaml").write_text("ngoài: sổ\n", encoding="utf-8")  # outside data
    commit(git_repo, "hai")
    (data / "settings.yaml").write_text("strict_before: true\n", encoding="utf-8")
    commit(git_repo, "ba")
    return data


def test_repository_and_folder(nested: Path) -> None:
    repo, folder = repository(nested)
    assert repo.resolve() == nested.parent.parent.resolve()
    assert folder == "so/data"


def test_ranges_read_like_git(nested: Path) -> None:
    repo = nested.parent.parent
    head = run_git(repo, "rev-parse", "HEAD").strip()
    first = run_git(repo, "rev-parse", "HEAD~2").strip()
    assert parse_range(repo, []) == parse_range(repo, ["HEAD"])
    assert parse_range(repo, []).new_commit is None
    span = parse_range(repo, ["HEAD~2..HEAD"])
    assert (span.old, span.new, span.old_commit, span.new_commit) == ("HEAD~2", "HEAD", first, head)
    assert parse_range(repo, ["HEAD~2.."]).new_commit == head
    assert parse_range(repo, ["HEAD~2", "HEAD"]) == span
    assert parse_range(repo, ["HEAD~2...HEAD"]).old_commit == first
    for bad in (["nope"], ["HEAD", "nope"], ["HEAD", "HEAD", "HEAD"], ["nope..HEAD"]):
        with pytest.raises(UsageError):
            parse_range(repo, bad)


def test_empty_repository_says_so(git_repo: Path) -> None:
    (git_repo / "data").mkdir()
    with pytest.raises(UsageError, match="chưa có commit"):
        parse_range(git_repo, [])


def test_ledger_at_each_commit(nested: Path) -> None:
    repo, folder = repository(nested)
    ids = [[n.id for n in ledger_at(repo, folder, f"HEAD~{back}").notices] for back in (2, 1)]
    assert ids == [["2022-04-14-a"], ["2022-04-14-a", "2022-04-15-b"]]


def test_ledger_at_uses_the_settings_and_registry_of_that_commit(nested: Path) -> None:
    repo, folder = repository(nested)
    head = git.resolve_commit(repo, "HEAD")
    before = git.resolve_commit(repo, "HEAD~1")
    assert head and before
    [task_now] = [t for n in ledger_at(repo, folder, head).notices for t in n.tasks][:1]
    [task_then] = [t for n in ledger_at(repo, folder, before).notices for t in n.tasks][:1]
    # strict_before came in the last commit: "trước ngày 30/04" ends a day earlier
    then, now = task_then.deadline, task_now.deadline
    assert isinstance(then, Deadline) and isinstance(now, Deadline)
    assert then.due is not None and now.due is not None
    assert then.due.day == 1 and now.due.day == 30
    on_disk = load_ledger(nested, use_cache=False).ledger.notices
    assert diff_notices(ledger_at(repo, folder, head).notices, on_disk) == []


def test_all_files_are_read_in_one_batch(nested: Path, monkeypatch) -> None:
    repo, folder = repository(nested)
    calls: list[tuple[str, ...]] = []
    real = git._run_bytes

    def spy(cwd: Path, *args: str, **kw):
        calls.append(args)
        return real(cwd, *args, **kw)

    monkeypatch.setattr(git, "_run_bytes", spy)
    files = git.files_at(repo, "HEAD", folder)
    assert files is not None
    assert sorted(files) == [
        "2022/2022-04-14-a.yaml",
        "2022/2022-04-15-b.yaml",
        "settings.yaml",
        "units.yaml",
    ]
    assert files["units.yaml"] == MINIMAL_UNITS.encode("utf-8")
    assert [c[0] for c in calls] == ["ls-tree", "cat-file"]


def test_names_with_spaces_and_diacritics(git_repo: Path) -> None:
    data = git_repo / "dữ liệu"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    write(data, "2022-04-14-a")
    (data / "2022" / "ghi chú.yaml").write_text(NOTICE.format(id="ghi chú"), encoding="utf-8")
    commit(git_repo, "tên lạ")
    repo, folder = repository(data)
    assert folder == "dữ liệu"
    files = git.files_at(repo, "HEAD", folder)
    assert files is not None and "2022/ghi chú.yaml" in files


def test_review_between_commits_and_against_an_empty_tree(nested: Path) -> None:
    """A tree without the data folder holds no notices."""
    repo = nested.parent.parent
    (repo / "khac.txt").write_text("x\n", encoding="utf-8")
    run_git(repo, "add", "khac.txt")
    run_git(repo, "commit", "-qm", "khác")
    first = run_git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    result = review(nested, [f"{first}~0", "HEAD"])
    assert [c.kind for c in result.changes] == ["notice-added"]
    run_git(repo, "checkout", "-q", "--orphan", "trong")
    run_git(repo, "rm", "-rqf", ".")
    run_git(repo, "commit", "-q", "--allow-empty", "-m", "rỗng")
    nested.mkdir(parents=True, exist_ok=True)
    empty = review(nested, ["main", "HEAD"])
    assert {c.kind for c in empty.changes} == {"notice-removed"}
