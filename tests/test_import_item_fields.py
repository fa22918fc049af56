"""An item's fields on lines of their own under it ("- Thời hạn: ...", "+ Đơn vị phối
hợp: ...", "Chủ trì: ..."): whatever the bullet, or none, they give the item its
deadline, owners and supports; a field line giaoban cannot place is noted (QA5 01)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.importer.fields import time_field
from tests.importing import imported

REGISTRY = Path(__file__).resolve().parent / "data" / "import" / "units.yaml"
ITEM = "2. Các ban, đơn vị khối phong trào chuẩn bị nội dung sơ kết 6 tháng.\n"


def _notice(under: str) -> str:
    return (
        "THÔNG BÁO\n"
        "Kết luận giao ban tháng 4/2024\n"
        "Hà Nội, ngày 12 tháng 4 năm 2024\n"
        "1. Văn phòng Trung ương Đoàn tổng hợp báo cáo, trước ngày 20/4/2024.\n"
        f"{ITEM}{under}"
        "3. Đảng ủy cơ quan Trung ương Đoàn kiểm tra trong tháng 5/2024.\n"
    )


def _task(tasks: list[dict], item: str) -> dict:
    return next(t for t in tasks if t["item"] == item)


def _notes(draft: str) -> list[str]:
    return [line for line in draft.splitlines() if line.lstrip().startswith("# kiểm tra:")]


def _registered(tmp_path: Path) -> Path:
    shutil.copy(REGISTRY, tmp_path / "units.yaml")
    return tmp_path


@pytest.mark.parametrize("mark", ["- ", "+ ", "• ", "* ", "– ", "a) "])
@pytest.mark.parametrize(
    "label", ["Thời hạn", "Thời hạn hoàn thành", "Thời gian", "Thời gian thực hiện", "Hạn"]
)
def test_a_deadline_line_under_an_item_is_its_deadline(
    tmp_path: Path, mark: str, label: str
) -> None:
    tasks, draft = imported(tmp_path, _notice(f"{mark}{label}: trước ngày 15/6/2024\n"))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    task = _task(tasks, "2")
    assert "15/6/2024" in task["deadline"]
    assert task["owners"] == ["Các ban, đơn vị khối phong trào"]
    assert "nhãn: giá trị" not in draft


@pytest.mark.parametrize("mark", ["- ", "+ ", "• ", ""])
def test_owner_and_support_lines_under_an_item_are_its_units(tmp_path: Path, mark: str) -> None:
    under = (
        f"{mark}Thời hạn hoàn thành: trước ngày 15/6/2024\n"
        f"{mark}Đơn vị chủ trì: Ban Tổ chức Trung ương Đoàn\n"
        f"{mark}Đơn vị phối hợp: Văn phòng Trung ương Đoàn\n"
    )
    tasks, draft = imported(_registered(tmp_path), _notice(under))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    task = _task(tasks, "2")
    assert task["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert task["supports"] == ["Văn phòng Trung ương Đoàn"]
    assert task["deadline"] == "trước ngày 15/6/2024"
    assert "sections:" not in draft


def test_a_support_line_alone_keeps_the_items_own_owner(tmp_path: Path) -> None:
    under = "- Thời hạn: trước ngày 15/6/2024\n- Phối hợp: Văn phòng Trung ương Đoàn\n"
    tasks, _ = imported(_registered(tmp_path), _notice(under))
    task = _task(tasks, "2")
    assert task["owners"] == ["Các ban, đơn vị khối phong trào"]
    assert task["supports"] == ["Văn phòng Trung ương Đoàn"]


def test_a_time_line_giaoban_cannot_read_is_noted_and_counted(tmp_path: Path) -> None:
    source = tmp_path / "tb.txt"
    source.write_text(_notice("- Thời hạn: theo kế hoạch của Ban Bí thư\n"), encoding="utf-8")
    draft = tmp_path / "tb.yaml"
    args = ["import", str(source), "-o", str(draft), "--data", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert "# kiểm tra: dòng 'Thời hạn: theo kế hoạch của Ban Bí thư'" in text
    assert "1 chỗ cần kiểm tra" in result.output


def test_a_saved_deadline_line_makes_the_task_overdue(tmp_path: Path) -> None:
    runner = CliRunner()
    data = tmp_path / "data"
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    source = tmp_path / "tb.txt"
    source.write_text(_notice("- Thời hạn: trước ngày 15/6/2024\n"), encoding="utf-8")
    saved = runner.invoke(
        app, ["import", str(source), "--save", "--no-commit", "--data", str(data)]
    )
    assert saved.exit_code == 0, saved.output
    overdue = runner.invoke(
        app, ["overdue", "--today", "2024-07-01", "--format", "json", "--data", str(data)]
    )
    assert overdue.exit_code == 0, overdue.output
    ids = [t["id"] for t in YAML(typ="safe").load(overdue.stdout)["tasks"]]
    assert any(i.endswith("#2") for i in ids), ids


# --- QA6 03: a field line read into its item is not also listed as unplaced ---------------


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("- Đơn vị chủ trì: Ban Tuyên giáo Trung ương Đoàn", "owners"),
        ("+ Đơn vị thực hiện: Ban Tuyên giáo Trung ương Đoàn", "owners"),
        ("Chủ trì: Ban Tuyên giáo Trung ương Đoàn", "owners"),
        ("– Phối hợp: Ban Tuyên giáo Trung ương Đoàn", "supports"),
        ("- Đơn vị phối hợp: Ban Tuyên giáo Trung ương Đoàn", "supports"),
        ("b) Phối hợp: Ban Tuyên giáo Trung ương Đoàn", "supports"),
    ],
)
def test_a_unit_line_read_into_its_item_is_not_listed_as_unplaced(
    tmp_path: Path, line: str, key: str
) -> None:
    tasks, draft = imported(_registered(tmp_path), _notice(f"{line}\n"))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    assert _task(tasks, "2")[key] == ["Ban Tuyên giáo Trung ương Đoàn"]
    assert "không thuộc nhiệm vụ nào" not in draft
    assert "giaoban chưa xếp được" not in draft


# --- QA6 04: several fields on one line, each to its own; no field glued to the line above --


@pytest.mark.parametrize(
    "line",
    [
        "Chủ trì: Ban Tổ chức Trung ương Đoàn; phối hợp: Ban Tuyên giáo Trung ương Đoàn",
        "Chủ trì: Ban Tổ chức Trung ương Đoàn, phối hợp: Ban Tuyên giáo Trung ương Đoàn",
        "Chủ trì: Ban Tổ chức Trung ương Đoàn - Phối hợp: Ban Tuyên giáo Trung ương Đoàn",
        "Đơn vị chủ trì: Ban Tổ chức Trung ương Đoàn Đơn vị phối hợp: Ban Tuyên giáo "
        "Trung ương Đoàn.",
    ],
)
@pytest.mark.parametrize("deadline", [True, False])
def test_owner_and_support_on_one_line_are_read_each_to_its_field(
    tmp_path: Path, line: str, deadline: bool
) -> None:
    under = f"- {line}\n" + ("- Hạn hoàn thành: chậm nhất ngày 30-5-2024\n" if deadline else "")
    tasks, draft = imported(_registered(tmp_path), _notice(under))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    task = _task(tasks, "2")
    assert task["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert task["supports"] == ["Ban Tuyên giáo Trung ương Đoàn"]
    if deadline:
        assert task["deadline"] == "chậm nhất ngày 30-5-2024"
    assert not _notes(draft)


def test_a_deadline_and_an_owner_on_one_line(tmp_path: Path) -> None:
    under = "- Thời hạn: trước ngày 15/6/2024; chủ trì: Ban Tổ chức Trung ương Đoàn\n"
    tasks, _ = imported(_registered(tmp_path), _notice(under))
    task = _task(tasks, "2")
    assert task["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert "15/6/2024" in task["deadline"]
    assert "Ban Tổ chức" not in task["text"]


def test_a_field_line_is_never_glued_to_the_line_above(tmp_path: Path) -> None:
    # an owner line giaoban cannot read stays in the text, a sentence of its own: the
    # deadline line under it is never read as the end of its unit's name
    under = (
        "- Chủ trì: Ban Tổ chức Trung ương Đoàn (Ban Tuyên giáo phối hợp)\n"
        "- Hạn hoàn thành: trước ngày 30/5/2024\n"
    )
    tasks, _ = imported(_registered(tmp_path), _notice(under))
    task = _task(tasks, "2")
    assert "(Ban Tuyên giáo phối hợp). Hạn hoàn thành: trước ngày 30/5/2024" in task["text"]
    assert task["deadline"] == "trước ngày 30/5/2024"


# --- QA8 03: any bullet a field line has is read as "-" is ----------------------------------


@pytest.mark.parametrize(
    "mark", ["■ ", "○ ", "► ", "◆ ", "□ ", "§ ", "⁃ ", "→ ", "=> ", "-> ", "❖ ", "\uf0d8 "]
)
def test_field_lines_with_any_bullet_are_the_items_fields(tmp_path: Path, mark: str) -> None:
    under = (
        f"{mark}Thời hạn: trong tháng 6/2024\n"
        f"{mark}Chủ trì: Ban Tổ chức Trung ương Đoàn\n"
        f"{mark}Phối hợp: Ban Tuyên giáo Trung ương Đoàn\n"
    )
    tasks, draft = imported(_registered(tmp_path), _notice(under))
    assert [t["item"] for t in tasks] == ["1", "2", "3"]
    task = _task(tasks, "2")
    assert task["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert task["supports"] == ["Ban Tuyên giáo Trung ương Đoàn"]
    assert task["deadline"] == "trong tháng 6/2024"
    assert mark.strip() not in task["text"]
    assert not _notes(draft)


# --- QA8 04: a unit in brackets; "phối hợp:" in brackets after the owner ---------------------


@pytest.mark.parametrize(
    "under",
    [
        "+ Đơn vị chủ trì: (Ban Tổ chức Trung ương Đoàn)\n"
        "+ Đơn vị phối hợp: [Ban Tuyên giáo Trung ương Đoàn]\n",
        "- Chủ trì: Ban Tổ chức Trung ương Đoàn (phối hợp: Ban Tuyên giáo Trung ương Đoàn)\n",
        "- Chủ trì: Ban Tổ chức Trung ương Đoàn [Phối hợp: Ban Tuyên giáo Trung ương Đoàn].\n",
    ],
)
def test_a_unit_in_brackets_is_the_unit(tmp_path: Path, under: str) -> None:
    tasks, draft = imported(_registered(tmp_path), _notice(under))
    task = _task(tasks, "2")
    assert task["owners"] == ["Ban Tổ chức Trung ương Đoàn"]
    assert task["supports"] == ["Ban Tuyên giáo Trung ương Đoàn"]
    assert not _notes(draft)


# --- QA8: a deadline's label is never kept in it ----------------------------------------------


@pytest.mark.parametrize("label", ["Thời hạn", "Hạn", "Hạn chót"])
def test_a_deadline_lines_label_is_not_kept_in_the_deadline(tmp_path: Path, label: str) -> None:
    tasks, _ = imported(tmp_path, _notice(f"- {label}: trước ngày 30/4/2024\n"))
    assert _task(tasks, "2")["deadline"] == "trước ngày 30/4/2024"


@pytest.mark.parametrize(
    ("text", "first", "only"),
    [
        ("Thời hạn: trước ngày 31/7/2024.", True, True),
        ("Thời gian thực hiện: từ ngày 23/3/2020 đến hết ngày 27/3/2020", True, True),
        ("Thời hạn: trước ngày 31/7/2024; Đơn vị phối hợp: Văn phòng.", True, False),
        ("Đơn vị chủ trì: Phòng Tài chính; Thời hạn: trước ngày 31/7/2024.", False, False),
        ("Tổ chức hội nghị sơ kết.", False, False),
    ],
)
def test_one_rule_tells_a_time_field_and_a_line_that_is_only_time(
    text: str, first: bool, only: bool
) -> None:
    """``time_field`` is the one rule of both readings: a line whose first field is the
    time of the work (a run of prose told apart), and, ``only``, a line that is nothing
    but the time of an item (a lead-in's "Thời hạn: ..." line)."""
    assert time_field(text) is first
    assert time_field(text, only=True) is only
