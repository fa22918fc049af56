"""A message names a value's place as a clerk counts it (items from 1, in Vietnamese, keys
as written; ``giaoban.model.problems.place``), in every file ``check`` reads and in
``add --from-file``; a field with a fixed list of values names them whatever is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.model.problems import place
from tests.test_check import good, run_check

SECOND_TASK = """\
  - item: "2"
    text: Tổng hợp báo cáo
{fields}"""


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ((), "tệp"),
        (("tasks", 0, "item"), "'item' của nhiệm vụ thứ 1"),
        (("tasks", 2, "owners", 1), "đơn vị thứ 2 trong 'owners' của nhiệm vụ thứ 3"),
        (
            ("tasks", 0, "extensions", 1, "to"),
            "'to' của lần gia hạn thứ 2 trong 'extensions' của nhiệm vụ thứ 1",
        ),
        (("units", 0, "aliases", 0), "tên thứ 1 trong 'aliases' của đơn vị thứ 1 trong 'units'"),
        (("school_year", "start"), "'school_year.start'"),
        (("meeting", "chair", 0, "name"), "'name' của mục thứ 1 trong 'chair' của 'meeting'"),
        (("owners", 1), "đơn vị thứ 2 trong 'owners'"),
    ],
)
def test_a_place_is_named_as_a_clerk_counts(path: tuple[str | int, ...], named: str) -> None:
    assert place(path) == named


def _check_with_second_task(
    runner: CliRunner, data_dir: Path, write_notice, fields: str
) -> tuple[int, list[dict[str, str]], str]:
    write_notice("2019-02-18-giao-ban", good() + SECOND_TASK.format(fields=fields))
    return run_check(runner, str(data_dir))


def test_a_tasks_owner_of_the_wrong_type_is_named_by_its_count(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    code, lines, out = _check_with_second_task(
        runner, data_dir, write_notice, "    owners: [Văn phòng Trung ương Đoàn, [BTC]]\n"
    )

    assert code == 1, out
    assert [(e["code"], e["line"], e["msg"]) for e in lines] == [
        (
            "wrong-type",
            "13",
            "đơn vị thứ 2 trong 'owners' của nhiệm vụ thứ 2 phải là chữ (đang là danh sách)",
        )
    ]


def test_an_extensions_field_is_named_by_its_count(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    fields = "    extensions:\n      - to: trước ngày 28/02/2019\n      - to: [1]\n"
    code, lines, out = _check_with_second_task(runner, data_dir, write_notice, fields)

    assert code == 1, out
    wrong = [e["msg"] for e in lines if e["code"] == "wrong-type"]
    assert wrong == [
        "'to' của lần gia hạn thứ 2 trong 'extensions' của nhiệm vụ thứ 2 "
        "phải là hạn (chữ hoặc ngày) (đang là danh sách)"
    ], out


def test_a_units_alias_is_named_by_its_count(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "units.yaml").write_text(
        "units:\n"
        "  - name: Ban Tổ chức Trung ương Đoàn\n"
        "  - name: Văn phòng Trung ương Đoàn\n"
        "    aliases: [Văn phòng TW Đoàn, {a: 1}]\n",
        encoding="utf-8",
    )

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    assert [e["msg"] for e in lines] == [
        "tên thứ 2 trong 'aliases' của đơn vị thứ 2 trong 'units' phải là chữ "
        "(đang là bảng khóa: giá trị)"
    ]


def test_a_duplicate_owner_names_the_first_place_by_its_count(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    fields = "    owners: [Ban Tổ chức Trung ương Đoàn, VP]\n    supports: [Văn phòng TW Đoàn]\n"
    code, lines, out = _check_with_second_task(runner, data_dir, write_notice, fields)

    assert [e["msg"] for e in lines if e["code"] == "duplicate-owner"] == [
        "đơn vị 'Văn phòng TW Đoàn' đã có ở đơn vị thứ 2 trong 'owners' của nhiệm vụ này"
    ], out


def test_a_settings_place_keeps_its_keys_as_written(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "settings.yaml").write_text("days_off: [2019-02-19, 19/02]\n", encoding="utf-8")

    code, lines, out = run_check(runner, str(data_dir))

    assert [e["msg"] for e in lines] == ["'19/02' không phải ngày dạng YYYY-MM-DD"], out
    (data_dir / "settings.yaml").write_text("days_off: [2019-02-19, [1]]\n", encoding="utf-8")

    code, lines, out = run_check(runner, str(data_dir))

    assert [e["msg"] for e in lines] == [
        "ngày thứ 2 trong 'days_off' phải là ngày YYYY-MM-DD (đang là danh sách)"
    ], out


def test_add_from_file_names_a_tasks_owner_by_its_count(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    notice = {
        "id": "2024-05-02-giao-ban",
        "kind": "thông báo kết luận",
        "title": "Kết luận",
        "date": "2024-05-02",
        "tasks": [
            {"item": "1", "text": "Làm", "owners": ["VP"]},
            {"item": "2", "text": "Làm tiếp", "owners": ["VP", 2.5]},
        ],
    }
    source = tmp_path / "n.json"
    source.write_text(json.dumps(notice, ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(
        app, ["add", "--from-file", str(source), "--data", str(data_dir), "--no-commit"]
    )

    assert result.exit_code == 1, result.output
    assert (
        "đơn vị thứ 2 trong 'owners' của nhiệm vụ thứ 2 phải là chữ (đang là số thập phân)"
        in result.output
    )
    assert "tasks.1" not in result.output


@pytest.mark.parametrize(
    ("status", "named"),
    [
        ("true", "phải là chữ (đang là true/false; chỉ nhận: open, done, cancelled)"),
        ("[done]", "phải là chữ (đang là danh sách; chỉ nhận: open, done, cancelled)"),
        ("2019-02-19", "phải là chữ (đang là ngày; chỉ nhận: open, done, cancelled)"),
        ("xong", "(chỉ nhận: open, done, cancelled)"),
    ],
)
def test_a_status_of_any_wrong_value_names_the_allowed_values(
    runner: CliRunner, data_dir: Path, write_notice, status: str, named: str
) -> None:
    write_notice("2019-02-18-giao-ban", good().replace("status: open", f"status: {status}"))

    code, lines, out = run_check(runner, str(data_dir))

    assert code == 1, out
    assert len(lines) == 1 and lines[0]["msg"].endswith(named), out
    assert "'status' của nhiệm vụ thứ 1" in lines[0]["msg"]


@pytest.mark.parametrize("ref", [[], ["--ref", "2026-12-07"]])
def test_a_day_without_a_year_that_never_comes_names_the_day_read_against(
    runner: CliRunner, tmp_path: Path, ref: list[str]
) -> None:
    result = runner.invoke(
        app,
        ["deadline", "trước ngày 29/2", "--today", "2026-12-07", "--data", str(tmp_path), *ref],
    )

    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert "ngày 29/02 không có thật trong năm 2026 và năm 2027" in said, said
    assert "ngày 07/12/2026" in said and "thông báo" not in said, said
