"""Deadlines that hang on an event or a holiday, found inside a job's text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import find_deadlines

REF = date(2021, 4, 20)


def phrases(text: str) -> list[str]:
    return [f.phrase for f in find_deadlines(text, REF, DeadlineSettings())]


def test_right_after_an_event_is_a_deadline() -> None:
    text = "Lãnh đạo triển khai thực hiện Nghị quyết ngay sau khi kết thúc Đại hội."
    assert phrases(text) == ["ngay sau khi kết thúc Đại hội"]
    assert phrases("Dự kiến các chức danh ngay sau đại hội đảng các cấp, nhiệm kỳ mới") == [
        "ngay sau đại hội đảng các cấp"
    ]


def test_a_holiday_is_the_time_of_a_job() -> None:
    assert phrases("Tổ chức trực nghiêm túc trong dịp nghỉ Lễ.") == ["trong dịp nghỉ Lễ"]
    assert phrases("Bảo đảm an ninh trong các ngày lễ sắp tới.") == ["trong các ngày lễ sắp tới"]
    # "sau" with no event after it is no deadline
    assert phrases("Ngay sau đó, các phòng rà soát hồ sơ.") == []


def test_an_imported_job_keeps_its_holiday_deadline(tmp_path: Path) -> None:
    source = tmp_path / "tb.txt"
    source.write_text(
        "THÔNG BÁO\nVề việc trực lễ\n1. Văn phòng bố trí lịch trực trong dịp nghỉ Lễ.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["import", str(source), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tasks = YAML(typ="safe").load(result.stdout)["tasks"]
    assert tasks[0]["deadline"] == "trong dịp nghỉ Lễ"


def test_a_date_with_dashes_or_dots_after_ngay_is_a_deadline(tmp_path: Path) -> None:
    # "ngày 30-6", "ngày 20.7.2021": the engine reads them; "lớp 10-12" is no date
    assert phrases("Các trường gửi danh sách chậm nhất ngày 30-6.") == ["chậm nhất ngày 30-6"]
    assert phrases("báo cáo bằng văn bản trước ngày 20.7.2021. Trong đó") == [
        "trước ngày 20.7.2021"
    ]
    assert phrases("học sinh lớp 10-12 tham gia") == []
    source = tmp_path / "tin.txt"
    source.write_text(
        "THÔNG BÁO\nVề việc tuyển sinh\n\n1. Các trường gửi danh sách chậm nhất ngày 30-6.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["import", str(source), "--data", str(tmp_path)])
    assert YAML(typ="safe").load(result.stdout)["tasks"][0]["deadline"] == "chậm nhất ngày 30-6"
