"""Reading a data folder follows no symlink, opens only regular files, bounds what it
reads, and names every path it skipped: never a hang, a traceback or a silent exit 0.
And the cache cannot be fooled by an edit that puts the old modification time back."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store.files import UnreadableFileError, read_data_file
from tests.test_check import LINE, good, run_check

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs as on POSIX")


def problems_by_path(lines: list[dict[str, str]]) -> dict[str, str]:
    return {entry["path"]: entry["code"] for entry in lines}


def test_a_symlink_out_of_the_folder_is_named_and_never_read(
    runner: CliRunner, data_dir: Path, write_notice, tmp_path: Path
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    secret = tmp_path / "secret.txt"
    secret.write_text("mat-khau: bi-mat-tuyet-doi\n", encoding="utf-8")
    link = data_dir / "2019" / "secret.yaml"
    link.symlink_to(secret)

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1
    assert problems_by_path(lines) == {str(link): "unreadable"}
    assert "bi-mat" not in out and "symlink" in out


def test_special_files_and_broken_links_do_not_hang_or_crash(data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good())
    year = data_dir / "2019"
    os.mkfifo(year / "fifo.yaml")
    (year / "zero.yaml").symlink_to("/dev/zero")
    (year / "loop-a.yaml").symlink_to(year / "loop-b.yaml")
    (year / "loop-b.yaml").symlink_to(year / "loop-a.yaml")
    (year / "dangling.yaml").symlink_to(year / "khong-co.yaml")
    (data_dir / "ngoai").symlink_to(data_dir.parent, target_is_directory=True)

    proc = subprocess.run(
        [sys.executable, "-m", "giaoban", "check", str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    found = {m["path"]: m["code"] for m in map(LINE.match, proc.stdout.splitlines()) if m}
    skipped = ["fifo.yaml", "zero.yaml", "loop-a.yaml", "loop-b.yaml", "dangling.yaml"]
    assert found == {
        **{str(year / name): "unreadable" for name in skipped},
        str(data_dir / "ngoai"): "unreadable",
    }


def test_a_registry_that_is_a_symlink_is_an_error_not_an_empty_registry(
    runner: CliRunner, data_dir: Path, write_notice, tmp_path: Path
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    real = tmp_path / "units-elsewhere.yaml"
    (data_dir / "units.yaml").rename(real)
    (data_dir / "units.yaml").symlink_to(real)
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1
    assert (str(data_dir / "units.yaml"), "unreadable") in [(e["path"], e["code"]) for e in lines]
    assert "units-elsewhere" not in out.replace(str(real), "")


def test_reading_is_bounded(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 2048)
    assert read_data_file(big, limit=2048) == b"a" * 2048
    with pytest.raises(UnreadableFileError, match="quá lớn"):
        read_data_file(big, limit=1024)


@pytest.mark.parametrize("suffix", [".yml", ".YAML", ".Yml"])
@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_notice_saved_with_another_yaml_suffix_is_named_not_left_out_unseen(
    runner: CliRunner, data_dir: Path, write_notice, suffix: str, cache: list[str]
) -> None:
    """giaoban reads "*.yaml": a notice saved "x.yml" would be missing from every report
    while check said all is well. It is an error naming the file and the name to give it;
    reports name it too and exit 1. Other files (README.md, a swap file) stay unread."""
    write_notice("2019-02-18-giao-ban", good())
    other = data_dir / "2019" / f"2019-02-19-giao-ban{suffix}"
    other.write_text(good("2019-02-19-giao-ban"), encoding="utf-8")
    (data_dir / "2019" / "README.md").write_text("# ghi chú\n", encoding="utf-8")
    (data_dir / "2019" / ".2019-02-18-giao-ban.yaml.swp").write_bytes(b"\0")
    code, lines, out = run_check(runner, str(data_dir), *cache)
    assert code == 1, out
    assert problems_by_path(lines) == {str(other): "not-read"}
    assert "đổi tên thành 2019-02-19-giao-ban.yaml" in out
    report = runner.invoke(app, ["week", "--data", str(data_dir), "--today", "2019-02-20", *cache])
    assert report.exit_code == 1 and str(other) in report.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_folder_is_named(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good())
    locked = data_dir / "2020"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, lines, _ = run_check(runner, str(data_dir))
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert problems_by_path(lines) == {str(locked): "unreadable"}


def test_a_same_size_edit_with_the_old_time_put_back_is_seen(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    """The cache stamp holds the change time and inode, not only size and mtime."""
    path = write_notice("2019-02-18-giao-ban", good())
    long_ago = 1_600_000_000  # not changed "just now": the cache trusts its stamp alone
    os.utime(path, (long_ago, long_ago))
    assert run_check(runner, str(data_dir))[0] == 0  # fills the cache
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    bad = text.replace("status: open", "status: xong")  # same length, now invalid
    assert len(bad.encode()) == len(text.encode())
    path.write_text(bad, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1, out
    assert [e["code"] for e in lines] == ["bad-value"]
    week = runner.invoke(app, ["week", "--data", str(data_dir), "--today", "2019-02-20"])
    assert week.exit_code != 0


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("timezone: Mars/Olympus", "timezone"),
        ("timezone: 7", "timezone"),
        ("timezone: ../../etc/passwd", "timezone"),
        ("week_cutoff: thứ 6 25:00", "week_cutoff"),
        ("week_cutoff: bất kỳ lúc nào", "week_cutoff"),
        ("week_cutoff: thứ 6", "week_cutoff"),
        ("week_cutoff: thứ 6 tuần sau 14:00", "week_cutoff"),
        ("week_cutoff: thứ 6 thứ 7 14:00", "week_cutoff"),
        ("week_cutoff: thứ 6 24:00", "week_cutoff"),
        ("backlog_days: -5", "backlog_days"),
    ],
)
def test_a_wrong_setting_is_an_error_in_settings_yaml(
    runner: CliRunner, data_dir: Path, write_notice, line: str, key: str
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    settings = data_dir / "settings.yaml"
    settings.write_text(f"office: Văn phòng\n{line}\n", encoding="utf-8")

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    errors = [(e["path"], e["line"], e["code"]) for e in lines if e["sev"] == "error"]
    assert errors == [(str(settings), "2", "bad-value")]
    assert f"'{key}'" in next(e["msg"] for e in lines if e["sev"] == "error")
    week = runner.invoke(app, ["week", "--data", str(data_dir), "--today", "2019-02-20"])
    assert week.exit_code == 1, week.output
    assert isinstance(week.exception, SystemExit)  # a message, not a crash


def test_a_duty_without_an_end_in_sight_does_not_overflow(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    text = good().replace(
        "deadline: trước ngày 25/02/2019",
        "deadline: trước 14h00 thứ 6 hàng tuần\n    until: 9999-12-31",
    )
    write_notice("2019-02-18-giao-ban", text)
    today = ("--today", "2019-02-20")
    for args in (
        ["week", *today],
        ["due", *today],
        ["stats", *today],
        ["export", "--format", "ics"],
    ):
        result = runner.invoke(app, [*args, "--data", str(data_dir)])
        assert result.exit_code == 0, (args, result.output, result.exception)


@pytest.mark.parametrize(
    ("raw_name", "shown"),
    [(b"bad\xff\xfename.yaml", "bad\\xff\\xfename.yaml"), (b"x\ny.yaml", "x\\ny.yaml")],
)
def test_a_file_name_that_cannot_be_shown_is_named_written_out(
    runner: CliRunner, data_dir: Path, write_notice, raw_name: bytes, shown: str
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    folder = data_dir / "2019"
    try:
        (folder / os.fsdecode(raw_name)).write_text(good(), encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take such a name")
    for _ in range(2):  # cold, then through the cache
        code, lines, out = run_check(runner, str(data_dir))
        assert code == 1, out
        assert problems_by_path(lines) == {f"{folder}/{shown}": "bad-file-name"}
        assert len(out.splitlines()) == 2  # the problem and the summary: no line split


def test_a_control_character_is_located_where_it_is(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    text = good().replace("text: Xây dựng", "text: \x07\x1b[31mXây dựng")
    path = write_notice("2019-02-18-giao-ban", text)
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1
    assert [(e["path"], e["line"], e["col"], e["code"]) for e in lines] == [
        (str(path), "7", "11", "yaml-syntax")
    ]
    assert "\\x07" in out and "\x1b" not in out


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.parametrize(
    "bad_id", ["../../../OUTSIDE/deep/x", "a/b", "a;rm -rf ~", ".an", "x\ny", "a..b", "-x"]
)
def test_an_id_that_is_no_file_name_is_refused_before_anything_is_made(
    runner: CliRunner, data_dir: Path, tmp_path: Path, bad_id: str
) -> None:
    before = tree(tmp_path)
    args = ["add", "--data", str(data_dir), "--title", "Kết luận", "--date", "01/03/2027"]
    result = runner.invoke(app, [*args, "--id", bad_id, "--task", "Việc | hạn: trước 5/3/2027"])
    assert result.exit_code == 2, result.output
    assert "mã thông báo" in result.output
    assert tree(tmp_path) == before


def test_a_refused_new_notice_leaves_no_empty_folder(
    runner: CliRunner,
    data_dir: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the draft add keeps of a refused notice goes to the system's temporary folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("system-tmp")))
    before = tree(tmp_path)
    args = ["add", "--data", str(data_dir), "--title", "Kết luận", "--date", "01/03/2027"]
    result = runner.invoke(app, [*args, "--task", "Việc | hạn: khi nào rảnh", "--no-commit"])
    assert result.exit_code == 1, result.output
    assert tree(tmp_path) == before


def test_check_names_an_id_that_is_no_file_name(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    path = write_notice("2019-02-18-giao-ban", good().replace("id: 2019-02-18-giao-ban", "id: a b"))
    code, lines, _ = run_check(runner, str(data_dir))
    assert code == 1
    assert [(e["path"], e["line"], e["code"]) for e in lines] == [(str(path), "1", "bad-id")]


def test_two_ids_that_differ_only_by_case_are_one_file_elsewhere(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    lower = write_notice("2019-02-18-giao-ban", good())
    upper = write_notice("2019-02-18-Giao-Ban", good("2019-02-18-Giao-Ban"))
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1, out
    # the upper-case id is also not written as ids are (ASCII, lower case): a warning
    assert sorted(e["code"] for e in lines) == ["duplicate-notice", "id-not-ascii"]
    (duplicate,) = [e for e in lines if e["code"] == "duplicate-notice"]
    assert duplicate["path"] in (str(lower), str(upper))
    assert "chữ hoa/thường" in duplicate["msg"]
