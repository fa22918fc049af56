"""``giaoban sync`` with real git: a bare repository on disk as the shared remote, two clones."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.history.revisions import conflict_hunks
from tests.conftest import MINIMAL_UNITS, run_git

NOTICE_ID = "2022-04-14-giao-ban"
PATH = f"data/2022/{NOTICE_ID}.yaml"
NOTICE = textwrap.dedent(
    """\
    id: 2022-04-14-giao-ban
    kind: thông báo kết luận
    title: Kết luận giao ban tháng 4/2022
    date: 2022-04-14
    tasks:
      - item: "1"
        text: Tổng hợp ý kiến vào các báo cáo chuyên đề
        owners: ["Các ban, đơn vị khối phong trào"]
        deadline: trong tháng 4/2022
        status: open
      - item: "2"
        text: Báo cáo kết quả công việc về Văn phòng
        owners: [Văn phòng Trung ương Đoàn]
        deadline: trước ngày 30/04/2022
        status: open
      - item: "3"
        text: Tham mưu phân bổ kinh phí
        owners: [VP]
        deadline: trước ngày 25/04/2022
        status: open
      - item: "4"
        text: Rà soát danh mục đơn vị
        owners: [BTC]
        deadline: trong tháng 5/2022
        status: open
    """
)


def clone(remote: Path, target: Path, name: str, email: str) -> Path:
    run_git(remote.parent, "clone", "-q", str(remote), str(target))
    run_git(target, "config", "user.name", name)
    run_git(target, "config", "user.email", email)
    run_git(target, "config", "commit.gpgsign", "false")
    return target


@pytest.fixture
def clones(git_repo: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """(remote, clone of An, clone of Bình): a bare remote holding the ledger, two clones."""
    data = git_repo / "data"
    (data / "2022").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    (data / "2022" / f"{NOTICE_ID}.yaml").write_text(NOTICE, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    remote = tmp_path / "chung.git"
    run_git(tmp_path, "clone", "-q", "--bare", str(git_repo), str(remote))
    an = clone(remote, tmp_path / "an", "Nguyễn Văn An", "an@vp.example")
    binh = clone(remote, tmp_path / "binh", "Trần Thị Bình", "binh@vp.example")
    return remote, an, binh


def gb(runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    """Run giaoban in ``repo`` (as its clerk would, from the top of the clone)."""
    monkeypatch.chdir(repo)
    return runner.invoke(app, [*args, "--data", "data"])


def task_lines(repo: Path) -> str:
    return (repo / PATH).read_text(encoding="utf-8")


def remote_file(remote: Path) -> str:
    return run_git(remote, "show", f"main:{PATH}")


def test_different_tasks_of_one_notice_both_survive(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, an, binh = clones
    assert (
        gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#1", "--on", "20/04/2022").exit_code == 0
    )
    assert (
        gb(runner, binh, monkeypatch, "done", f"{NOTICE_ID}#4", "--on", "21/04/2022").exit_code == 0
    )
    first = gb(runner, an, monkeypatch, "sync")
    assert first.exit_code == 0, first.output
    assert first.stdout == "Đã đồng bộ với origin/main: nhận 0 commit, gửi 1 commit.\n"
    second = gb(runner, binh, monkeypatch, "sync")
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines() == [
        "Đã đồng bộ với origin/main: nhận 1 commit, gửi 1 commit.",
        "Thay đổi nhận về từ kho chung:",
        "",
        f"{NOTICE_ID} — Kết luận giao ban tháng 4/2022",
        "  ~ #1 trạng thái: đang thực hiện → hoàn thành (ngày 20/04/2022)",
    ]
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    for text in (task_lines(an), task_lines(binh), remote_file(remote)):
        assert "status: done\n    done_on: 2022-04-20" in text
        assert "status: done\n    done_on: 2022-04-21" in text
    authors = run_git(remote, "log", "--format=%an", "main").splitlines()
    assert authors[:2] == ["Trần Thị Bình", "Nguyễn Văn An"]


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        (("done", "2", "--on", "20/04/2022"), ("done", "3", "--on", "21/04/2022")),
        (
            ("postpone", "2", "trước ngày 05/05/2022", "--reason", "Chờ số liệu"),
            ("postpone", "3", "trước ngày 29/04/2022", "--reason", "Chờ ý kiến"),
        ),
        (("note", "2", "Đã nhắc các ban"), ("cancel", "3", "--reason", "Trùng việc")),
        (("done", "2", "--on", "20/04/2022"), ("note", "3", "Đang làm")),
    ],
    ids=["done+done", "postpone+postpone", "note+cancel", "done+note"],
)
def test_adjacent_tasks_both_survive(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch, mine, theirs
) -> None:
    """Tasks 2 and 3 are next to each other in the file: git's own merge keeps both
    edits, because each command changes lines inside its task, never the boundary."""
    remote, an, binh = clones
    for repo, (command, item, *rest) in ((an, mine), (binh, theirs)):
        args = [command, f"{NOTICE_ID}#{item}", *rest]
        result = gb(runner, repo, monkeypatch, *args, "--today", "2022-04-21")
        assert result.exit_code == 0, result.output
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    result = gb(runner, binh, monkeypatch, "sync")
    assert result.exit_code == 0, result.output
    merged = remote_file(remote)
    both = run_git(binh, "log", "-2", "--format=%s").splitlines()
    assert len(both) == 2 and f"#{mine[1]}" in both[1] and f"#{theirs[1]}" in both[0]
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    assert task_lines(an) == merged == task_lines(binh)
    assert gb(runner, an, monkeypatch, "check").exit_code == 0


def test_same_lines_stop_with_the_task_named_and_nothing_lost(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, an, binh = clones
    gb(runner, an, monkeypatch, "postpone", f"{NOTICE_ID}#2", "trước ngày 10/05/2022",
       "--reason", "An xin", "--on", "20/04/2022")  # fmt: skip
    gb(runner, binh, monkeypatch, "postpone", f"{NOTICE_ID}#2", "trước ngày 20/05/2022",
       "--reason", "Bình xin", "--on", "20/04/2022")  # fmt: skip
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    before = run_git(remote, "rev-parse", "main")
    result = gb(runner, binh, monkeypatch, "sync")
    assert result.exit_code == 1
    out = result.stdout
    assert "Xung đột" in out
    assert f"  nhiệm vụ {NOTICE_ID}#2:" in out
    assert "    kho chung |     deadline: trước ngày 10/05/2022" in out
    assert "    của bạn   |     deadline: trước ngày 20/05/2022" in out
    assert f"  git add -- {PATH} && git -c core.editor=true rebase --continue" in out
    assert "  git rebase --abort" in out
    assert f"  giaoban check {PATH}" in out
    # Stopped in the rebase: both versions are in the file, nothing pushed.
    text = task_lines(binh)
    assert "<<<<<<<" in text and "An xin" in text and "Bình xin" in text
    assert run_git(remote, "rev-parse", "main") == before
    status = run_git(binh, "status")
    assert "rebase in progress" in status or "rebasing" in status
    # check refuses the markers, so they cannot go unnoticed
    checked = gb(runner, binh, monkeypatch, "check")
    assert checked.exit_code == 1 and "conflict-marker" in checked.stdout
    # Running sync again repeats the report instead of doing anything.
    again = gb(runner, binh, monkeypatch, "sync")
    assert again.exit_code == 1 and f"{NOTICE_ID}#2" in again.stdout
    # Abort: back to Bình's own commit, untouched.
    run_git(binh, "rebase", "--abort")
    assert "Bình xin" in task_lines(binh) and "<<<<<<<" not in task_lines(binh)


def test_finishing_a_conflict_with_the_printed_commands(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, an, binh = clones
    gb(runner, an, monkeypatch, "postpone", f"{NOTICE_ID}#2", "trước ngày 10/05/2022",
       "--reason", "An xin", "--on", "20/04/2022")  # fmt: skip
    gb(runner, binh, monkeypatch, "postpone", f"{NOTICE_ID}#2", "trước ngày 20/05/2022",
       "--reason", "Bình xin", "--on", "20/04/2022")  # fmt: skip
    gb(runner, an, monkeypatch, "sync")
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 1
    # Keep Bình's side (the lines between ======= and >>>>>>>).
    lines, kept, side = task_lines(binh).splitlines(keepends=True), [], None
    for line in lines:
        if line.startswith("<<<<<<<"):
            side = "upstream"
        elif line.startswith("=======") and side:
            side = "local"
        elif line.startswith(">>>>>>>"):
            side = None
        elif side != "upstream":
            kept.append(line)
    (binh / PATH).write_text("".join(kept), encoding="utf-8")
    assert gb(runner, binh, monkeypatch, "check", PATH).exit_code == 0
    run_git(binh, "add", "--", PATH)
    run_git(binh, "-c", "core.editor=true", "rebase", "--continue")
    done = gb(runner, binh, monkeypatch, "sync")
    assert done.exit_code == 0, done.output
    assert "gửi 1 commit" in done.stdout
    assert "deadline: trước ngày 20/05/2022" in remote_file(remote)


def test_uncommitted_changes_are_refused(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, an, _ = clones
    (an / PATH).write_text(NOTICE.replace("Rà soát", "Rà soát lại"), encoding="utf-8")
    (an / "data" / "2022" / "moi.yaml").write_text("id: moi\n", encoding="utf-8")
    result = gb(runner, an, monkeypatch, "sync")
    assert result.exit_code == 1
    assert "thay đổi chưa commit" in result.stdout
    assert f"  {PATH}" in result.stdout and "  data/2022/moi.yaml" in result.stdout
    assert "git add -A --" in result.stdout and "git commit -m" in result.stdout


def test_a_change_hidden_by_assume_unchanged_stops_sync_with_commands_that_work(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git status does not see it, and 'git add' does not take it while the flag is set:
    sync names it, and its command clears the flag before committing."""
    remote, an, _ = clones
    before = run_git(remote, "rev-parse", "main")
    run_git(an, "update-index", "--assume-unchanged", PATH)
    (an / PATH).write_text(NOTICE.replace("Rà soát", "Rà soát lại"), encoding="utf-8")

    result = gb(runner, an, monkeypatch, "sync")

    assert result.exit_code == 1, result.stdout
    assert f"  {PATH}" in result.stdout
    assert run_git(remote, "rev-parse", "main") == before
    steps = next(line.strip() for line in result.stdout.splitlines() if "update-index" in line)
    subprocess.run(steps, shell=True, cwd=an, check=True, capture_output=True)
    assert "Rà soát lại" in run_git(an, "show", "HEAD", "--", PATH)


def test_a_status_git_cannot_give_stops_sync_and_says_so(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken index is not "no uncommitted change": sync stops, sends nothing, and
    shows git's own words."""
    remote, an, _ = clones
    before = run_git(remote, "rev-parse", "main")
    (an / PATH).write_text(NOTICE.replace("Rà soát", "Rà soát lại"), encoding="utf-8")
    (an / ".git" / "index").write_bytes(b"not an index")
    result = gb(runner, an, monkeypatch, "sync")
    assert result.exit_code == 1
    assert "git không đọc trạng thái của kho (git status)" in result.stdout
    assert "index" in result.stdout.split("git status")[-1]  # git's own message, shown
    assert run_git(remote, "rev-parse", "main") == before
    assert "Rà soát lại" in (an / PATH).read_text(encoding="utf-8")


def test_an_invalid_ledger_is_not_pushed(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, an, _ = clones
    before = run_git(remote, "rev-parse", "main")
    (an / PATH).write_text(NOTICE.replace("status: open", "status: xong", 1), encoding="utf-8")
    run_git(an, "commit", "-qam", "sửa tay sai")
    result = gb(runner, an, monkeypatch, "sync")
    assert result.exit_code == 1
    assert "[bad-value]" in result.stdout
    assert "Không đẩy lên origin/main: sổ có 1 lỗi" in result.stdout
    assert run_git(remote, "rev-parse", "main") == before


def test_no_remote_and_no_upstream(
    runner: CliRunner, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = git_repo / "data"
    data.mkdir()
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "đầu")
    alone = gb(runner, git_repo, monkeypatch, "sync")
    assert alone.exit_code == 1
    assert "chưa có kho chung (remote)" in alone.stdout
    assert "git remote add origin" in alone.stdout and "git push -u origin main" in alone.stdout
    run_git(git_repo, "remote", "add", "origin", str(git_repo.parent / "chung.git"))
    unset = gb(runner, git_repo, monkeypatch, "sync")
    assert unset.exit_code == 1
    assert "chưa gắn với nhánh nào" in unset.stdout and "git push -u origin main" in unset.stdout


def test_up_to_date(runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch) -> None:
    _, an, _ = clones
    result = gb(runner, an, monkeypatch, "sync")
    assert result.exit_code == 0
    assert result.stdout == "Sổ đã khớp với origin/main: không có gì để nhận hay gửi.\n"


def test_conflict_hunks_name_the_nearest_task() -> None:
    text = textwrap.dedent(
        """\
        id: x
        <<<<<<< HEAD
        title: A
        =======
        title: B
        >>>>>>> abc
        tasks:
          - item: "1"
            text: một
        <<<<<<< HEAD
            deadline: trước ngày 10/05/2022
          - item: "2"
        ||||||| base
            deadline: cũ
        =======
            deadline: trước ngày 20/05/2022
        >>>>>>> def (Gia hạn)
            text: hai
        """
    )
    header, tasks = conflict_hunks(text)
    assert (header.items, header.upstream, header.local) == ((), ("title: A",), ("title: B",))
    assert tasks.items == ("1", "2")
    assert tasks.local == ("    deadline: trước ngày 20/05/2022",)


def test_markers_committed_by_mistake_are_never_pushed(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote, an, binh = clones
    gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#2", "--on", "20/04/2022")
    gb(runner, binh, monkeypatch, "done", f"{NOTICE_ID}#2", "--on", "22/04/2022")
    gb(runner, an, monkeypatch, "sync")
    stopped = gb(runner, binh, monkeypatch, "sync")
    assert stopped.exit_code == 1, stopped.output
    assert "Xung đột" in stopped.stdout, stopped.stdout
    before = run_git(remote, "rev-parse", "main")
    # Bình "finishes" without removing the markers: git itself does not object.
    run_git(binh, "add", "--", PATH)
    run_git(binh, "-c", "core.editor=true", "rebase", "--continue")
    result = gb(runner, binh, monkeypatch, "sync")
    assert result.exit_code == 1
    assert "[conflict-marker]" in result.stdout and "Không đẩy lên origin/main" in result.stdout
    assert run_git(remote, "rev-parse", "main") == before


def test_a_rewritten_remote_history_stops_sync_with_nothing_dropped(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bình force-pushes a history without An's pushed commit: An's sync says so and
    keeps the commit; run again, it sends it back."""
    remote, an, binh = clones
    assert (
        gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#1", "--on", "20/04/2022").exit_code == 0
    )
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    mine = run_git(an, "rev-parse", "HEAD").strip()
    # Bình never fetched An's commit: his own commit, force-pushed over it.
    assert gb(runner, binh, monkeypatch, "note", f"{NOTICE_ID}#4", "Đang làm").exit_code == 0
    run_git(binh, "push", "-q", "--force", "origin", "main")
    assert mine not in run_git(remote, "rev-list", "main")

    stopped = gb(runner, an, monkeypatch, "sync")

    assert stopped.exit_code == 1, stopped.output
    assert "đã bị viết lại (force-push)" in stopped.stdout
    assert "1 commit của bạn" in stopped.stdout
    assert "git reset --keep @{upstream}" in stopped.stdout
    assert run_git(an, "rev-parse", "HEAD").strip() == mine  # nothing moved, nothing dropped
    assert "done_on: 2022-04-20" in task_lines(an)

    again = gb(runner, an, monkeypatch, "sync")
    assert again.exit_code == 0, again.output
    text = remote_file(remote)
    assert "done_on: 2022-04-20" in text and "Đang làm" in text


def test_changes_received_of_a_confidential_notice_hide_its_words(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``sync`` says it received hides what a confidential notice hides, unless
    ``--show-confidential`` (``giaoban.model.shown``)."""
    remote, an, binh = clones
    monkeypatch.setenv("GIAOBAN_TODAY", "2022-04-15")
    path = an / PATH
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "date: 2022-04-14\n", "date: 2022-04-14\nconfidential: true\n"
        ),
        encoding="utf-8",
    )
    run_git(an, "commit", "-qam", "Mật")
    note = ("note", f"{NOTICE_ID}#2", "Đã nhắc đồng chí Tám")
    assert gb(runner, an, monkeypatch, *note).exit_code == 0
    assert (
        gb(runner, an, monkeypatch, "task", "add", NOTICE_ID, "--text", "Xét kỷ luật").exit_code
        == 0
    )
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    received = gb(runner, binh, monkeypatch, "sync")
    assert received.exit_code == 0, received.output
    assert received.stdout.splitlines()[3:] == [
        f"{NOTICE_ID} — Kết luận giao ban tháng 4/2022",
        "  ~ mật: không → có",
        "  + #5 thêm nhiệm vụ: (mật)",
        "  + #2 ghi chú: 15/04/2022: (mật)",
    ]
    assert "đồng chí Tám" not in received.stdout and "Xét kỷ luật" not in received.stdout


# --- log after a sync: a rewritten commit is told by what it changed ------------------------

LATER = "2030-01-02T09:00:00+07:00"  # a committer date no test run can share with its author


def log_lines(runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch, *ids: str):
    result = gb(runner, repo, monkeypatch, "log", *ids)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[1:]  # after the heading


def test_log_tells_what_a_conflict_resolved_by_hand_undid(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bình keeps her side of a conflict: An's done is undone in Bình's postpone commit,
    whose message still tells a postponement only; log tells the reopening too."""
    remote, an, binh = clones
    task = f"{NOTICE_ID}#2"
    assert gb(runner, an, monkeypatch, "done", task, "--on", "20/04/2022").exit_code == 0
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    gb(runner, binh, monkeypatch, "postpone", task, "trước ngày 20/05/2022",
       "--reason", "Bình xin", "--on", "20/04/2022")  # fmt: skip
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 1  # the conflict
    run_git(binh, "checkout", "--theirs", "--", PATH)  # in a rebase: Bình's own side
    assert gb(runner, binh, monkeypatch, "check", PATH).exit_code == 0
    run_git(binh, "add", "--", PATH)
    env = {**os.environ, "GIT_COMMITTER_DATE": LATER}
    run_git(binh, "-c", "core.editor=true", "rebase", "--continue", env=env)
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 0
    assert "status: open" in remote_file(remote)

    lines = log_lines(runner, binh, monkeypatch, task)
    said = [line.split("  ")[2] for line in lines]
    assert said[1:] == [
        "hoàn thành ngày 20/04/2022",
        "gia hạn: trước ngày 30/04/2022 → trước ngày 20/05/2022; lý do: Bình xin",
        "mở lại",
    ]
    assert lines[-1].split("  ")[1] == "Trần Thị Bình"
    assert lines[-1].endswith(lines[-2][-10:])  # the same commit


def test_log_tells_a_cleanly_rebased_commit_once(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit replayed on another clerk's change of another task keeps its one event."""
    _, an, binh = clones
    assert (
        gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#1", "--on", "20/04/2022").exit_code == 0
    )
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    gb(runner, binh, monkeypatch, "postpone", f"{NOTICE_ID}#4", "trong tháng 6/2022",
       "--reason", "Chờ số liệu", "--on", "20/04/2022")  # fmt: skip
    monkeypatch.setenv("GIT_COMMITTER_DATE", LATER)  # the replay is committed later
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 0
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    rebased = run_git(binh, "log", "-1", "--format=%aI %cI").split()
    assert rebased[0] != rebased[1]

    said = [
        "  ".join(line.split("  ")[2:4]) for line in log_lines(runner, binh, monkeypatch, NOTICE_ID)
    ]
    assert said[1:] == [
        f"{NOTICE_ID}#1  hoàn thành ngày 20/04/2022",
        f"{NOTICE_ID}#4  gia hạn: trong tháng 5/2022 → trong tháng 6/2022; lý do: Chờ số liệu",
    ]


def test_log_tells_what_a_hand_amended_commit_added(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clerk folds a hand edit of another task into giaoban's commit (``--amend``)."""
    _, an, _ = clones
    assert (
        gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#1", "--on", "20/04/2022").exit_code == 0
    )
    text = task_lines(an).replace(
        "deadline: trước ngày 25/04/2022", "deadline: trước ngày 28/04/2022"
    )
    (an / PATH).write_text(text, encoding="utf-8")
    run_git(an, "add", "--", PATH)
    env = {**os.environ, "GIT_COMMITTER_DATE": LATER}
    run_git(an, "commit", "-q", "--amend", "--no-edit", env=env)
    assert "Giaoban-Action: done" in run_git(an, "log", "-1", "--format=%B")

    lines = log_lines(runner, an, monkeypatch, NOTICE_ID)
    said = ["  ".join(line.split("  ")[2:4]) for line in lines]
    assert said[1:] == [
        f"{NOTICE_ID}#1  hoàn thành ngày 20/04/2022",
        f"{NOTICE_ID}#3  gia hạn: trước ngày 25/04/2022 → trước ngày 28/04/2022",
    ]
    assert lines[1][-10:] == lines[2][-10:]  # one commit


def _printed(output: str, label: str) -> str:
    """The command printed under the line starting with ``label``."""
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(label))
    return lines[at + 1].strip()


def _shell(repo: Path, command: str) -> None:
    """Run a printed command as the clerk would paste it."""
    done = subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("way", ["Giữ", "Bỏ"])
def test_a_notice_deleted_in_the_shared_repository_and_changed_here(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    """An deletes the notice and pushes; Bình notes a task of it. Bình's sync says who
    deleted it (no marker talk: the file has none), what Bình's commit changed, what is
    received, and the two ways on; each printed command works, and keeping it is a
    commit that says it restores the notice, which ``log`` tells as such."""
    remote, an, binh = clones
    run_git(an, "rm", "-q", PATH)
    run_git(an, "commit", "-qm", "Xóa thông báo nhập trùng")
    gone = run_git(an, "rev-parse", "--short=7", "HEAD").strip()
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    note = gb(runner, binh, monkeypatch, "note", f"{NOTICE_ID}#2", "Đã nhắc", "--on", "20/04/2022")
    assert note.exit_code == 0, note.output
    mine = run_git(binh, "rev-parse", "--short=7", "HEAD").strip()
    stopped = gb(runner, binh, monkeypatch, "sync")
    assert stopped.exit_code == 1
    out = stopped.stdout
    assert "<<<<<<<" not in out and "cùng sửa những dòng" not in out, out
    assert "một thông báo bị xóa ở một bên và được sửa ở bên kia" in out
    said = f"  Kho chung đã xóa thông báo {NOTICE_ID}: commit {gone} của Nguyễn Văn An, "
    assert said in out and "— Xóa thông báo nhập trùng" in out, out
    assert f"  Bạn đã sửa nó: commit {mine} của Trần Thị Bình, " in out
    assert "    + #2 ghi chú: 20/04/2022: Đã nhắc" in out
    assert "Đang nhận 1 commit từ kho chung:" in out and "  - xóa thông báo: " in out
    # sync run again in the stopped rebase tells the same
    assert gb(runner, binh, monkeypatch, "sync").stdout == out
    _shell(binh, _printed(out, way))
    synced = gb(runner, binh, monkeypatch, "sync")
    assert synced.exit_code == 0, synced.output
    shared = run_git(remote, "ls-tree", "-r", "--name-only", "main")
    if way == "Bỏ":
        assert PATH not in shared and "Đã nhắc" not in run_git(remote, "log", "-p", "main")
        assert run_git(remote, "rev-parse", "--short=7", "main").strip() == gone
        return
    assert PATH in shared and "Đã nhắc" in remote_file(remote)
    subject, body = run_git(remote, "log", "-1", "--format=%s%n%b", "main").split("\n", 1)
    assert subject == (
        f"Khôi phục thông báo {NOTICE_ID} (đã bị xóa trên kho chung: commit {gone} của "
        "Nguyễn Văn An)"
    )
    assert f"cùng thay đổi: Ghi chú {NOTICE_ID}#2" in body
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    log = gb(runner, an, monkeypatch, "log", NOTICE_ID).stdout
    assert "khôi phục thông báo" in log and "ghi chú: Đã nhắc" in log, log


@pytest.mark.parametrize("way", ["Giữ", "Bỏ"])
def test_a_notice_deleted_here_and_changed_in_the_shared_repository(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    """The other way round: Bình deleted the notice An marked a task of done. Keeping it
    drops Bình's deletion (its commit is left empty); letting it go pushes the deletion."""
    remote, an, binh = clones
    assert (
        gb(runner, an, monkeypatch, "done", f"{NOTICE_ID}#1", "--on", "20/04/2022").exit_code == 0
    )
    theirs = run_git(an, "rev-parse", "--short=7", "HEAD").strip()
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    run_git(binh, "rm", "-q", PATH)
    run_git(binh, "commit", "-qm", "Xóa thông báo nhập trùng")
    stopped = gb(runner, binh, monkeypatch, "sync")
    assert stopped.exit_code == 1
    out = stopped.stdout
    assert f"  Bạn đã xóa thông báo {NOTICE_ID}: commit " in out
    assert f"  Kho chung đã sửa nó: commit {theirs} của Nguyễn Văn An, " in out
    assert "  ~ #1 trạng thái: đang thực hiện → hoàn thành (ngày 20/04/2022)" in out
    assert "Khôi phục" not in out  # nothing of the shared repository's is brought back
    _shell(binh, _printed(out, way))
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 0
    shared = run_git(remote, "ls-tree", "-r", "--name-only", "main")
    assert (PATH in shared) == (way == "Giữ")
    top = run_git(remote, "log", "-1", "--format=%an %s", "main").strip()
    if way == "Giữ":
        assert top.startswith("Nguyễn Văn An Hoàn thành")
    else:
        assert top == "Trần Thị Bình Xóa thông báo nhập trùng"


def test_a_confidential_notice_deleted_in_the_shared_repository_keeps_its_words(
    runner: CliRunner, clones, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The subjects of the commits (a hand-written one may quote the work) and the words
    of the change are hidden for a confidential notice, and kept out of the printed
    commit message, unless ``--show-confidential``."""
    remote, an, binh = clones
    path = an / PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: 2022-04-14\n", "date: 2022-04-14\nconfidential: true\n"))
    run_git(an, "commit", "-qam", "Mật")
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    assert gb(runner, binh, monkeypatch, "sync").exit_code == 0
    run_git(an, "rm", "-q", PATH)
    run_git(an, "commit", "-qm", "Xóa việc xét kỷ luật đồng chí Tám")
    assert gb(runner, an, monkeypatch, "sync").exit_code == 0
    note = ("note", f"{NOTICE_ID}#2", "Đã nhắc đồng chí Tám", "--on", "20/04/2022")
    assert gb(runner, binh, monkeypatch, *note).exit_code == 0
    stopped = gb(runner, binh, monkeypatch, "sync")
    assert stopped.exit_code == 1 and "Kho chung đã xóa thông báo" in stopped.stdout
    assert "Tám" not in stopped.stdout, stopped.stdout
    assert "    + #2 ghi chú: 20/04/2022: (mật)" in stopped.stdout
    shown = gb(runner, binh, monkeypatch, "sync", "--show-confidential").stdout
    assert "— Xóa việc xét kỷ luật đồng chí Tám" in shown and "Đã nhắc đồng chí Tám" in shown
