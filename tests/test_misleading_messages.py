"""Messages that said the wrong thing, or too little: each now says what is wrong and
what to do (a moment without seconds, a pin without a phrase, one id in two files, an id
of another ledger given to an edit, a ``ledgers:`` folder that is not there)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

NOTICE = """\
id: {id}
kind: thông báo kết luận
title: Kết luận giao ban
date: 2024-03-04
tasks:
  - item: "1"
    text: Báo cáo tuần
    owners: [VP]
    deadline: {deadline}
"""


def _notice(notice_id: str, deadline: str = "trước ngày 15/03/2024", *extra: str) -> str:
    text = NOTICE.format(id=notice_id, deadline=deadline)
    return text + "".join(f"    {line}\n" for line in extra)


def _problems(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["check", "--format", "json", "--no-cache", *args])
    return json.loads(result.stdout)["problems"]


@pytest.mark.parametrize(
    ("written", "wanted"),
    [
        ("2024-03-18T10:00", "2024-03-18T10:00:00"),
        ("2024-03-18 9:30", "2024-03-18T09:30:00"),
        ("2024-03-18T10:00+07:00", "2024-03-18T10:00:00+07:00"),
    ],
)
def test_a_moment_without_seconds_is_told_the_form_it_needs(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], written: str, wanted: str
) -> None:
    write_notice(
        "2024-03-04-a", _notice("2024-03-04-a", "trước ngày 15/03/2024", f"due: {written}")
    )
    problems = _problems(runner, str(data_dir))
    assert [(p["code"], p["line"]) for p in problems] == [("bad-date", 10)]
    message = str(problems[0]["message"])
    assert "YYYY-MM-DDTHH:MM:SS" in message and message.endswith(f"có giây: {wanted}")
    path = data_dir / "2024" / "2024-03-04-a.yaml"
    path.write_text(path.read_text("utf-8").replace(written, wanted), encoding="utf-8")
    assert [p["code"] for p in _problems(runner, str(data_dir))] == ["pinned-deadline"]
    # a key that takes a day alone is not offered a moment
    duty = _notice("2024-03-04-a", "hằng tuần", f"until: {written}")
    path.write_text(duty, encoding="utf-8")
    untils = [p["message"] for p in _problems(runner, str(data_dir))]
    assert untils == [f"'{written}' không phải ngày dạng YYYY-MM-DD"]


def test_a_pin_without_a_phrase_names_no_empty_phrase(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    text = _notice("2024-03-04-a").replace("    deadline: trước ngày 15/03/2024\n", "")
    write_notice("2024-03-04-a", text + "    due: 2024-03-25\n")
    problems = _problems(runner, str(data_dir))
    assert [p["message"] for p in problems] == [
        "hạn ghim 25/03/2024, không kèm hạn ghi bằng lời ('deadline')"
    ]


def test_one_id_in_two_files_names_the_files(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """An archived copy under data/: an edit by its id or a prefix of it names both files
    instead of listing the same id twice (and never edits one of them at random)."""
    first = write_notice("2024-03-04-a", _notice("2024-03-04-a"))
    copy = data_dir / "luu" / first.name
    copy.parent.mkdir()
    shutil.copy(first, copy)
    for query in ("2024-03-04#1", "2024-03-04-a#1"):
        args = ["done", query, "--today", "2024-03-20", "--no-commit", "--data", str(data_dir)]
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert "mã '2024-03-04-a' có ở 2 tệp" in result.stderr
        assert f"2024-03-04-a  ({first})" in result.stderr
        assert f"2024-03-04-a  ({copy})" in result.stderr
    assert "status: done" not in first.read_text("utf-8") + copy.read_text("utf-8")


def test_two_ids_differing_in_case_refuse_an_edit_naming_both_files(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    """Ids that differ only in case are one id (one file on Windows and macOS), as
    ``check``'s duplicate-notice says: an edit by either id, or by a prefix of one,
    refuses naming both files, and changes neither."""
    lower = write_notice("2024-03-04-giao-ban", _notice("2024-03-04-giao-ban"))
    upper = write_notice("2024-03-04-GIAO-BAN", _notice("2024-03-04-GIAO-BAN"))
    problems = _problems(runner, str(data_dir))
    # the upper-case id is also no id as ids are written (ASCII lower case)
    assert sorted(str(p["code"]) for p in problems) == ["duplicate-notice", "id-not-ascii"]
    for query in ("2024-03-04-giao-ban#1", "2024-03-04-GIAO-BAN#1", "2024-03-04-GIAO#1"):
        args = ["done", query, "--today", "2024-03-20", "--no-commit", "--data", str(data_dir)]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "chỉ khác nhau ở chữ hoa/thường" in result.stderr
        assert f"2024-03-04-giao-ban  ({lower})" in result.stderr
        assert f"2024-03-04-GIAO-BAN  ({upper})" in result.stderr
    assert "status: done" not in lower.read_text("utf-8") + upper.read_text("utf-8")


@pytest.fixture
def two_ledgers(tmp_path: Path, data_dir: Path, write_notice: Callable[..., Path]) -> Path:
    """``data/`` (its own notice) reading ``../other/data`` through ``ledgers:``; the other
    ledger holds a weekly duty nobody does."""
    write_notice("2024-03-04-a", _notice("2024-03-04-a"))
    other = tmp_path / "other" / "data"
    (other / "2024").mkdir(parents=True)
    shutil.copy(data_dir / "units.yaml", other / "units.yaml")
    duty = _notice("2024-03-05-b", "trước 14h00 thứ 6 hàng tuần")
    (other / "2024" / "2024-03-05-b.yaml").write_text(duty, encoding="utf-8")
    (data_dir / "settings.yaml").write_text("ledgers:\n  - ../other/data\n", encoding="utf-8")
    return other


def test_an_edit_given_another_ledgers_id_names_its_data_folder(
    runner: CliRunner, data_dir: Path, two_ledgers: Path
) -> None:
    listed = runner.invoke(app, ["list", "--format", "json", "--data", str(data_dir)])
    ids = [t["id"] for t in json.loads(listed.stdout)["tasks"]]
    assert "other/2024-03-05-b#1" in ids
    args = ["--today", "2024-03-20", "--no-commit", "--data", str(data_dir)]
    result = runner.invoke(app, ["done", "other/2024-03-05-b#1", *args])
    assert result.exit_code == 2
    assert "'other/2024-03-05-b#1' là mã của sổ 'other'" in result.stderr
    assert f"mã '2024-03-05-b#1' và --data {two_ledgers}" in result.stderr.replace("\n", " ")
    own = next(i for i in ids if i.endswith("2024-03-04-a#1"))  # this ledger's, prefixed
    done = runner.invoke(app, ["done", own, *args])
    assert done.exit_code == 0, done.output
    assert "status: done" in (data_dir / "2024" / "2024-03-04-a.yaml").read_text("utf-8")
    unknown = runner.invoke(app, ["done", "khac/2024-03-05-b#1", *args])
    assert unknown.exit_code == 1 and "không có sổ nào tên 'khac'" in unknown.stderr


def test_a_stop_suggested_for_another_ledgers_duty_names_its_data_folder(
    runner: CliRunner, data_dir: Path, two_ledgers: Path
) -> None:
    problems = _problems(runner, "--data", str(data_dir), "--today", "2024-07-01")
    idle = [p for p in problems if p["code"] == "duty-without-end"]
    assert len(idle) == 1
    assert str(idle[0]["message"]).endswith(f"'giaoban stop 2024-03-05-b#1 --data {two_ledgers}'")


def test_a_ledgers_folder_that_is_not_there_is_located(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path]
) -> None:
    write_notice("2024-03-04-a", _notice("2024-03-04-a"))
    settings = data_dir / "settings.yaml"
    settings.write_text("office: VP\nledgers:\n  - ../khongco/data\n", encoding="utf-8")
    for command in (["list"], ["done", "x/2024-03-04-a#1", "--no-commit"]):
        result = runner.invoke(app, [*command, "--data", str(data_dir)])
        assert result.exit_code == 2
        assert f"{settings}:3:5: không có thư mục sổ '../khongco/data'" in result.stderr
    result = runner.invoke(app, ["check", "--data", str(data_dir)])  # an error of the data
    assert result.exit_code == 1
    assert f"{settings}:3:5: error: không có thư mục sổ '../khongco/data'" in result.stdout
