"""A value of the wrong type is named in Vietnamese wherever a message names it (a notice
file, settings.yaml, units.yaml, ``add --from-file``), and a count's limit is told once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store.schema import MAX_BACKLOG_DAYS
from tests.test_check import good, run_check

# Python's own names of the types YAML and JSON give: never in a message.
PYTHON_NAMES = re.compile(r"\b(str|int|float|bool|list|dict|date|datetime|NoneType)\b")


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("date: 2019-02-18", 'date: 2019-02-18\nconfidential: "không"', "đang là chữ"),
        ("date: 2019-02-18", "date: 2019-02-18\nconfidential: 1", "đang là số nguyên"),
        ("owners: [Văn phòng Trung ương Đoàn]", "owners: 2.5", "đang là số thập phân"),
        ("owners: [Văn phòng Trung ương Đoàn]", "owners: true", "đang là true/false"),
        ("owners: [Văn phòng Trung ương Đoàn]", "owners: {a: 1}", "đang là bảng khóa: giá trị"),
        ("status: open", "status: open\n    notes: 2019-02-19", "đang là ngày"),
        ("status: open", "status: open\n    result: [a, b]", "đang là danh sách"),
        ("status: open", "status: open\n    until: 2019-02-19T10:00:00", "đang là thời điểm"),
        ("status: open", "status: open\n    done_occurrences: [null]", "đang để trống"),
    ],
)
def test_a_notice_files_wrong_type_is_named_in_vietnamese(
    runner: CliRunner, data_dir: Path, write_notice, old: str, new: str, named: str
) -> None:
    write_notice("2019-02-18-giao-ban", good().replace(old, new, 1))

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    wrong = [e["msg"] for e in lines if e["code"] == "wrong-type"]
    assert len(wrong) == 1 and named in wrong[0], out
    assert not PYTHON_NAMES.search(wrong[0].partition("(")[2]), wrong[0]


@pytest.mark.parametrize(
    ("line", "named"),
    [('backlog_days: "30"', "đang là chữ"), ("backlog_days: 30.5", "đang là số thập phân")],
)
def test_a_settings_wrong_type_is_named_in_vietnamese(
    runner: CliRunner, data_dir: Path, write_notice, line: str, named: str
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "settings.yaml").write_text(f"{line}\n", encoding="utf-8")

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    assert [e["msg"] for e in lines] == [f"'backlog_days' phải là số nguyên ({named})"]


def test_a_unit_registrys_wrong_type_is_named_in_vietnamese(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "units.yaml").write_text(
        "units:\n  - name: Văn phòng Trung ương Đoàn\n    short: 7\n", encoding="utf-8"
    )

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    assert "'short' của đơn vị thứ 1 trong 'units' phải là danh sách chữ (đang là số nguyên)" in out


def test_add_from_file_names_a_wrong_type_in_vietnamese(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    notice = {
        "id": "2024-05-02-giao-ban",
        "kind": "thông báo kết luận",
        "title": "Kết luận",
        "date": "2024-05-02",
        "confidential": "không",
        "tasks": [{"item": "1", "text": "Làm", "owners": ["VP"], "notes": 3.5}],
    }
    source = tmp_path / "n.json"
    source.write_text(json.dumps(notice, ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(
        app, ["add", "--from-file", str(source), "--data", str(data_dir), "--no-commit"]
    )

    assert result.exit_code == 1, result.output
    assert "'confidential' phải là true/false (đang là chữ)" in result.output
    assert (
        "'notes' của nhiệm vụ thứ 1 phải là danh sách bảng khóa: giá trị (đang là số thập phân)"
        in (result.output)
    )


@pytest.mark.parametrize("days", [-1, MAX_BACKLOG_DAYS + 1, 5000, 1_000_000])
def test_backlog_days_has_one_range_told_in_one_message(
    runner: CliRunner, data_dir: Path, write_notice, days: int
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "settings.yaml").write_text(f"backlog_days: {days}\n", encoding="utf-8")

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    assert [(e["code"], e["msg"]) for e in lines] == [
        ("bad-value", f"'backlog_days' phải là số đếm từ 0 đến {MAX_BACKLOG_DAYS} (đang là {days})")
    ]
    (data_dir / "settings.yaml").write_text(f"backlog_days: {MAX_BACKLOG_DAYS}\n", "utf-8")
    assert run_check(runner, str(data_dir))[0] == 0  # the limit itself is kept
