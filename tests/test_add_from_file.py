"""``giaoban add --from-file``: the clerk's file is written as it was, with only what
``add`` must add, and every change it makes is said on stderr."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain

NOTICE_ID = "2024-05-02-giao-ban"
PATH = f"2024/{NOTICE_ID}.yaml"

# the file of qa4 finding 05: comments, flow style, quoting, a block text, an x- key
CLERK = """\
# Thông báo số 12-TB/HĐ — nhập tay từ bản giấy
id: 2024-05-02-giao-ban   # mã
kind: thông báo kết luận
title: "Kết luận giao ban tháng 5/2024"
date: 2024-05-02
x-so-den: 123
tasks:
  # Phần I
  - {item: "1", text: "Văn phòng tổng hợp báo cáo", owners: [VP], deadline: "trước ngày 10/5/2024"}
  - item: "2"
    text: |
      Văn phòng chuẩn bị:
      - hội trường;
      - tài liệu.
    owners: [VP]   # ban mới thành lập
    deadline: trước ngày 20/5/2024
"""


def add_file(runner: CliRunner, ledger: Path, source: Path):
    result = runner.invoke(app, ["add", "--from-file", str(source), "--data", str(ledger)])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["check", "--data", str(ledger)])
    assert check.exit_code == 0, check.output
    return result


def test_the_clerks_file_is_kept_with_only_the_statuses_added(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = tmp_path / "n.yaml"
    source.write_text(CLERK, encoding="utf-8")
    result = add_file(runner, ledger, source)
    expected = CLERK.replace(
        '"trước ngày 10/5/2024"}', '"trước ngày 10/5/2024", status: open}'
    ).replace("20/5/2024\n", "20/5/2024\n    status: open\n")
    assert (ledger / PATH).read_text(encoding="utf-8") == expected
    assert "thêm 'status: open' cho mục 1, 2" in result.stderr
    tasks = load_plain(expected)["tasks"]
    assert tasks[1]["text"] == "Văn phòng chuẩn bị:\n- hội trường;\n- tài liệu.\n"


def test_a_file_add_need_not_change_is_written_byte_for_byte(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    text = CLERK.replace('10/5/2024"}', '10/5/2024", status: open}').replace(
        "    deadline: trước ngày 20/5/2024\n",
        "    deadline: trước ngày 20/5/2024\n    status: open   # vẫn đang làm\n",
    )
    source = tmp_path / "n.yaml"
    source.write_text(text, encoding="utf-8")
    result = add_file(runner, ledger, source)
    assert (ledger / PATH).read_text(encoding="utf-8") == text
    assert "Khác với tệp" not in result.stderr


def test_crlf_bom_nfd_and_a_missing_id_are_kept_or_said(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    clerk = CLERK.replace("id: 2024-05-02-giao-ban   # mã\n", "")
    nfd = unicodedata.normalize("NFD", clerk)
    source = tmp_path / "n.yaml"
    source.write_bytes(b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode("utf-8"))
    result = add_file(runner, ledger, source)
    [written] = (ledger / "2024").glob("*.yaml")
    nid = written.stem
    expected = (
        clerk.replace("kind:", f"id: {nid}\nkind:", 1)
        .replace('10/5/2024"}', '10/5/2024", status: open}')
        .replace("20/5/2024\n", "20/5/2024\n    status: open\n")
    )
    assert written.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()
    assert "Unicode dựng sẵn (NFC)" in result.stderr
    assert f"thêm 'id: {nid}'" in result.stderr


def test_a_date_written_as_a_string_is_made_a_date_and_said(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    source = tmp_path / "n.yaml"
    source.write_text(CLERK.replace("date: 2024-05-02", 'date: "2024-05-02"'), encoding="utf-8")
    result = add_file(runner, ledger, source)
    written = (ledger / PATH).read_text(encoding="utf-8")
    assert written.startswith("# Thông báo số 12-TB/HĐ")
    assert "\ndate: 2024-05-02\nx-so-den: 123\n" in written
    assert "'date' ghi dạng chuỗi được ghi thành ngày" in result.stderr


def test_json_is_rebuilt_keeping_line_breaks_and_says_so(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    notice = load_plain(CLERK)
    notice["date"] = notice["date"].isoformat()
    source = tmp_path / "n.json"
    source.write_text(json.dumps(notice, ensure_ascii=False), encoding="utf-8")
    result = add_file(runner, ledger, source)
    written = load_plain((ledger / PATH).read_text(encoding="utf-8"))
    assert "Khác với tệp" in result.stderr
    assert written["tasks"][1]["text"] == "Văn phòng chuẩn bị:\n- hội trường;\n- tài liệu.\n"
    assert "tệp không sửa tại chỗ được (viết kiểu JSON, trong { })" in result.stderr


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_a_rebuilt_json_notice_says_each_change_as_a_yaml_file_does(
    runner: CliRunner, ledger: Path, tmp_path: Path, stdin: bool
) -> None:
    notice = load_plain(CLERK)
    del notice["id"]
    notice["date"] = notice["date"].isoformat()
    text = json.dumps(notice, ensure_ascii=False)
    source = tmp_path / "n.json"
    source.write_text(text, encoding="utf-8")
    args = ["add", "--from-file", "-" if stdin else str(source), "--data", str(ledger)]
    result = runner.invoke(app, args, input=text if stdin else None)
    assert result.exit_code == 0, result.output
    [written] = (ledger / "2024").glob("*.yaml")
    changes = result.stderr.split("\n")[1:-1]
    assert changes == [
        f"  · thêm 'id: {written.stem}'",
        "  · 'date' ghi dạng chuỗi được ghi thành ngày",
        "  · thêm 'status: open' cho mục 1, 2 (chưa ghi trạng thái)",
        "  · tệp không sửa tại chỗ được (viết kiểu JSON, trong { }): ghi lại theo cách trình bày"
        " của giaoban, nội dung giữ nguyên nhưng chú thích và thứ tự khóa không giữ được",
    ]


WRONG = """\
kind: thông báo kết luận
title: Giao ban tháng 6
date: 2024-06-03
tasks:
  - item: "1"
    text: Văn phòng làm báo cáo
    owners: [VP]
    deadline: trước ngày 40/6/2024
    statsu: open
"""


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_errors_are_located_in_the_clerks_file_at_its_own_lines(
    runner: CliRunner, ledger: Path, tmp_path: Path, stdin: bool
) -> None:
    """The lines ``add`` would add (``id``, ``status``) move no error: each is named in
    the clerk's file, where ``check`` names it, never in the data file not written."""
    source = tmp_path / "notice.yaml"
    source.write_text(WRONG, encoding="utf-8")
    name = "stdin" if stdin else str(source)
    args = ["add", "--from-file", "-" if stdin else str(source), "--data", str(ledger)]
    result = runner.invoke(app, args, input=WRONG if stdin else None)
    assert result.exit_code == 1, result.output
    shown = "dữ liệu từ stdin" if stdin else f"tệp '{source}'"
    assert result.stderr.splitlines() == [
        f"giaoban: lỗi: không thêm thông báo: {shown} có 2 lỗi (chưa ghi gì vào sổ):",
        f'{name}:8:15: error: không đọc được hạn "trước ngày 40/6/2024": không hiểu phần'
        ' "/6/2024" [bad-deadline]',
        f"{name}:9:5: error: khóa không rõ 'statsu' (có phải 'status'?) [unknown-key]",
    ]
    assert not (ledger / "2024").exists()


def test_errors_of_a_json_file_are_located_in_it(
    runner: CliRunner, ledger: Path, tmp_path: Path
) -> None:
    """A JSON file is rebuilt in giaoban's layout: its errors are still named at the
    JSON file's own lines and columns, value by value."""
    notice = load_plain(WRONG)
    notice["date"] = "2024-06-03"
    text = json.dumps(notice, ensure_ascii=False, indent=2) + "\n"
    source = tmp_path / "n.json"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["add", "--from-file", str(source), "--data", str(ledger)])
    assert result.exit_code == 1, result.output
    lines = text.splitlines()
    deadline = next(i for i, line in enumerate(lines, 1) if '"deadline"' in line)
    statsu = next(i for i, line in enumerate(lines, 1) if '"statsu"' in line)
    column = lines[deadline - 1].index('"trước') + 1
    errors = result.stderr.splitlines()[1:]
    assert errors[0].startswith(f"{source}:{deadline}:{column}: error: không đọc được hạn")
    assert errors[1].startswith(f"{source}:{statsu}:7: error: khóa không rõ 'statsu'")
