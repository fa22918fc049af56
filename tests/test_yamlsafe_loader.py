"""giaoban's YAML loader against ruamel's own safe loader, and files built to break it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.store.yamlsafe import parse_text

SAFE = YAML(typ="safe")
SCALARS = [
    "2022-04-20T10:00:00Z",
    "2022-04-20 10:00:00 +7",
    "2001-12-14t21:59:43.10-05:00",
    "2022-04-20T10:00:00",
    "2001-12-15 2:59:43.10",
    "2022-04-02",
    "2022-4-2",
    "12",
    "0x1F",
    "0o17",
    "1_000",
    "-7",
    "1.5",
    "1e3",
    ".inf",
    "-.inf",
    "true",
    "false",
    "yes",
    "no",
    "null",
    "~",
    "",
    "'12'",
    '"x: y"',
    "[1, 2, b]",
    "{b: 1}",
    "6.2",
    "1.10",
    "Văn phòng Trung ương Đoàn",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_values_are_those_of_ruamels_safe_loader(scalar: str) -> None:
    text = f"a: {scalar}\n"
    ours, problems = parse_text(text, "x.yaml")
    assert problems == [] and ours is not None
    assert ours.value == SAFE.load(text)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31)),
    minutes=st.integers(min_value=-12 * 60, max_value=14 * 60),
    spelling=st.sampled_from(["{d}T{t}{z}", "{d} {t} {z}", "{d}t{t}{z}"]),
)
def test_a_moment_with_its_zone_is_that_instant(
    moment: datetime, minutes: int, spelling: str
) -> None:
    moment = moment.replace(microsecond=0)
    offset = timedelta(minutes=minutes)
    sign = "-" if minutes < 0 else "+"
    zone = "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    text = "a: " + spelling.format(d=f"{moment:%Y-%m-%d}", t=f"{moment:%H:%M:%S}", z=zone)
    ours, problems = parse_text(text, "x.yaml")
    assert problems == [] and ours is not None
    expected = moment.replace(tzinfo=timezone(offset))
    assert ours.value["a"] == SAFE.load(text)["a"] == expected


def test_done_on_written_in_utc_is_office_time(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    write_notice(
        "2022-04-14-giao-ban",
        """\
        id: 2022-04-14-giao-ban
        kind: thông báo kết luận
        title: Giao ban
        date: 2022-04-14
        tasks:
          - item: "1"
            text: Báo cáo
            owners: [VP]
            deadline: trước 14h00 ngày 20/4/2022
            status: done
            done_on: 2022-04-20T07:30:00Z
        """,
    )
    # 07:30 UTC is 14:30 in Hà Nội: half an hour late, not six and a half hours early
    result = runner.invoke(
        app, ["list", "--format", "json", "--today", "2022-04-21", "--data", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    assert '"state": "done_late"' in result.stdout


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("tasks: " + "[" * 5000 + "]" * 5000 + "\n", 5),
        ("tasks:\n  " + "- " * 5000 + "a\n", 6),
    ],
    ids=["brackets", "dashes"],
)
def test_a_file_nested_thousands_deep_is_an_error_not_a_crash(
    runner: CliRunner, data_dir: Path, body: str, line: int
) -> None:
    folder = data_dir / "2024"
    folder.mkdir()
    head = "id: x\nkind: thông báo\ntitle: t\ndate: 2024-01-01\n"
    (folder / "x.yaml").write_text(head + body, encoding="utf-8")
    result = runner.invoke(app, ["check", str(data_dir)])
    assert result.exit_code == 1, result.output
    assert f"x.yaml:{line}:" in result.stdout and "lồng nhau quá sâu" in result.stdout
