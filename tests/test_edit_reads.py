"""One edit reads its notice once and its result once, however many keys it changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.composer import Composer
from ruamel.yaml.nodes import MappingNode
from typer.testing import CliRunner

from giaoban.edit import yamledit
from tests.conftest import MINIMAL_UNITS, run_git
from tests.test_cli_edit import commits, invoke, last_commit

NOTICE = "2024-03-01-lon"


@pytest.fixture
def large(git_repo: Path) -> Path:
    """A committed notice of 60 tasks, some with comments and a folded text."""
    data = git_repo / "data"
    (data / "2024").mkdir(parents=True)
    (data / "units.yaml").write_text(MINIMAL_UNITS, encoding="utf-8")
    lines = [f"id: {NOTICE}", "kind: thông báo kết luận", "title: Kết luận", "date: 2024-03-01"]
    lines.append("tasks:")
    for i in range(1, 61):
        lines += [f'  - item: "{i}"   # mục {i}', "    text: >-", f"      Nhiệm vụ số {i}"]
        lines += [
            "      của các ban",
            "    owners: [VP]",
            f"    deadline: trước ngày {i % 27 + 1}/4/2024",
        ]
    (data / "2024" / f"{NOTICE}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_git(git_repo, "add", ".")
    run_git(git_repo, "commit", "-qm", "Dữ liệu ban đầu")
    return data


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The number of lines of each whole notice ruamel's pure reader composes."""
    yamledit._read.cache_clear()  # an earlier test may have read the same text
    seen: list[int] = []
    compose: Callable[..., Any] = Composer.compose_document

    def counted(self: Composer) -> Any:
        node = compose(self)
        if isinstance(node, MappingNode):  # a notice, not one value read back
            seen.append(node.end_mark.line)
        return node

    monkeypatch.setattr(Composer, "compose_document", counted)
    yield seen


@pytest.mark.parametrize(
    "words",
    [
        ["note", f"{NOTICE}#30", "Đã nhắc đơn vị"],
        ["done", f"{NOTICE}#40", "--note", "Xong", "--result", "Đã gửi báo cáo"],
        ["postpone", f"{NOTICE}#50", "trước ngày 30/6/2024", "--reason", "Chờ số liệu"],
    ],
)
def test_an_edit_reads_the_whole_notice_twice(
    runner: CliRunner, large: Path, reads: list[int], words: list[str]
) -> None:
    before = commits(large.parent)
    result = invoke(runner, large, *words, "--today", "2024-03-20")
    assert result.exit_code == 0, result.output
    whole = [n for n in reads if n > 300]  # the notice has 362 lines
    assert len(whole) == 2, reads  # the notice as read, the result as it reads back
    assert commits(large.parent) == before + 1
    files, lines, _ = last_commit(large.parent)
    assert files == [f"data/2024/{NOTICE}.yaml"]
    assert len([line for line in lines if line.startswith("-")]) <= 1  # one value replaced
