"""The filters every report shares: --unit, --owners-only, --notice, --status, --from/--to."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from giaoban.checks.check import open_ledger
from giaoban.cli.main import app
from giaoban.model.errors import NotFoundError, UsageError
from giaoban.reports.filters import STATUS_CHOICES, build_filter, day_matches, task_matches

N2019 = "2019-02-18-giao-ban-khoi-phong-trao"
DATA = Path(__file__).resolve().parent.parent / "data"


def ids(runner: CliRunner, data: Path, *args: str) -> list[str]:
    result = runner.invoke(app, [*args, "--data", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [t["id"] for t in json.loads(result.stdout)["tasks"]]


@pytest.mark.parametrize(
    "name",
    [
        "Ban Thanh niên công nhân và đô thị Trung ương Đoàn",
        "ban thanh nien cong nhan va do thi trung uong doan",
        "BAN TNCN&ĐT",
        "Ban TNCNDT",
        "Ban Thanh niên công nhân và đô thị",
    ],
)
def test_unit_by_full_short_or_alias_name_without_diacritics(seed_data: Path, name: str) -> None:
    ledger = open_ledger(seed_data)
    flt = build_filter(ledger, units=[name])
    matched = [t.id for t in ledger.tasks() if task_matches(flt, t, ledger.registry)]
    assert f"{N2019}#9" in matched  # owned by Ban TNCN&ĐT
    assert f"{N2019}#3" in matched  # given to the group it belongs to
    assert f"{N2019}#13" not in matched  # Văn phòng UBQG only


def test_supporting_units_count_unless_owners_only(runner: CliRunner, seed_data: Path) -> None:
    both = ids(runner, seed_data, "list", "--unit", "Đảng ủy cơ quan")
    assert both == [f"{N2019}#15.3"]  # Đảng ủy supports Ban Tuyên giáo there
    assert ids(runner, seed_data, "list", "--unit", "Đảng ủy cơ quan", "--owners-only") == []


def test_group_expands_to_its_units(runner: CliRunner, seed_data: Path) -> None:
    group = set(ids(runner, seed_data, "list", "--unit", "cac ban phong trao", "--owners-only"))
    assert f"{N2019}#9" in group  # Ban TNCN&ĐT is a member
    assert f"{N2019}#15.3" in group  # Ban Tuyên giáo is a member
    assert f"{N2019}#12" not in group  # Ban Tổ chức is not


def test_unknown_unit_names_the_nearest(runner: CliRunner, seed_data: Path) -> None:
    result = runner.invoke(app, ["due", "--unit", "ban to chuc tw doan", "--data", str(seed_data)])
    assert result.exit_code == 0, result.output  # an alias without diacritics
    result = runner.invoke(app, ["due", "--unit", "Ban Tổ chứ", "--data", str(seed_data)])
    assert result.exit_code == 1
    assert "không có đơn vị hay nhóm nào tên 'Ban Tổ chứ'" in result.output
    assert "có phải 'Ban Tổ chức Trung ương Đoàn'" in result.output


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_unit_written_with_a_typographic_apostrophe_is_the_registrys(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], cache: list[str]
) -> None:
    """A notice typed in Word writes "’" where the registry has "'" (Tây Nguyên names):
    the same unit for check and for every filter."""
    (data_dir / "units.yaml").write_text(
        "units:\n  - name: Huyện đoàn Cư M'gar\n    short: [HĐ CMG]\n", encoding="utf-8"
    )
    write_notice(
        "2024-03-01-giao-ban",
        """\
        id: 2024-03-01-giao-ban
        kind: thông báo kết luận
        title: Kết luận giao ban tháng 3/2024
        date: 2024-03-01
        tasks:
          - item: "1"
            text: Ngày hội thanh niên
            owners: [Huyện đoàn Cư M'gar]
            deadline: trước ngày 30/3/2024
          - item: "2"
            text: Báo cáo kết quả
            owners: [Huyện đoàn Cư M’gar]
            deadline: trước ngày 25/3/2024
        """,
    )
    checked = runner.invoke(app, ["check", str(data_dir), *cache])
    assert checked.exit_code == 0 and "0 cảnh báo" in checked.output, checked.output
    both = ["2024-03-01-giao-ban#1", "2024-03-01-giao-ban#2"]
    assert ids(runner, data_dir, "list", "--unit", "HĐ CMG", *cache) == both
    assert ids(runner, data_dir, "list", "--unit", "Huyện đoàn Cư M’gar", *cache) == both


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_unit_only_tasks_name_is_found(
    runner: CliRunner, data_dir: Path, write_notice: Callable[..., Path], cache: list[str]
) -> None:
    """A unit not in the registry may still be asked for by the name tasks give it."""
    write_notice(
        "2024-03-01-giao-ban",
        """\
        id: 2024-03-01-giao-ban
        kind: thông báo kết luận
        title: Kết luận giao ban tháng 3/2024
        date: 2024-03-01
        tasks:
          - item: "1"
            text: Tổ công tác đặc biệt rà soát hồ sơ
            owners: [Tổ công tác đặc biệt]
            deadline: trước ngày 10/3/2024
          - item: "2"
            text: Văn phòng tổng hợp
            owners: [VP]
            deadline: trước ngày 10/3/2024
        """,
    )
    found = ids(runner, data_dir, "list", "--unit", "to cong tac dac biet", *cache)
    assert found == ["2024-03-01-giao-ban#1"]
    result = runner.invoke(app, ["list", "--unit", "Tổ công tác", "--data", str(data_dir), *cache])
    assert result.exit_code == 1 and "không có đơn vị hay nhóm nào tên" in result.output


def test_notice_prefix_and_status(runner: CliRunner, seed_data: Path) -> None:
    listed = ids(runner, seed_data, "list", "--notice", "2019", "--today", "2019-03-07")
    assert len(listed) == 19 and all(i.startswith(N2019) for i in listed)
    late = ids(
        runner, seed_data, "list", "-n", "2019", "--status", "overdue", "--today", "2019-03-07"
    )
    assert late == [f"{N2019}#3", f"{N2019}#9", f"{N2019}#10"]
    both = ids(
        runner, seed_data, "list", "-n", "2019", "-s", "overdue", "-s", "due_soon",
        "--today", "2019-03-07",
    )  # fmt: skip
    assert both == [f"{N2019}#3", f"{N2019}#9", f"{N2019}#10", f"{N2019}#13"]
    bad = runner.invoke(app, ["list", "--status", "xong", "--data", str(seed_data)])
    assert bad.exit_code == 2


def test_from_to_keep_due_days_in_range(runner: CliRunner, seed_data: Path) -> None:
    listed = ids(
        runner, seed_data, "overdue", "--from", "01/03/2019", "--to", "2019-03-31",
        "--today", "2022-04-20",
    )  # fmt: skip
    assert listed == [f"{N2019}#9", f"{N2019}#10", f"{N2019}#13", f"{N2019}#2"]
    bad = runner.invoke(app, ["overdue", "--from", "2019-04-01", "--to", "2019-03-01",
                              "--data", str(seed_data)])  # fmt: skip
    assert bad.exit_code == 2 and "sau --to" in bad.output


def test_build_filter_errors(seed_data: Path) -> None:
    ledger = open_ledger(seed_data)
    with pytest.raises(NotFoundError):
        build_filter(ledger, notices=["1999"])
    with pytest.raises(UsageError):
        build_filter(ledger, statuses=["late"])


def test_day_matches_is_inclusive() -> None:
    from giaoban.reports.filters import Filter

    flt = Filter(date_from=date(2019, 3, 1), date_to=date(2019, 3, 5))
    assert day_matches(flt, date(2019, 3, 1)) and day_matches(flt, date(2019, 3, 5))
    assert not day_matches(flt, date(2019, 3, 6)) and not day_matches(flt, None)
    assert day_matches(Filter(), None)


UNITS = ["VP", "btc", "Các ban phong trào", "Đảng ủy cơ quan", "Văn phòng UBQGTN"]


@settings(max_examples=40)
@given(
    command=st.sampled_from(["due", "overdue", "week", "list"]),
    units=st.lists(st.sampled_from(UNITS), max_size=2),
    owners_only=st.booleans(),
    statuses=st.lists(st.sampled_from(STATUS_CHOICES), max_size=2),
    today=st.dates(min_value=date(2018, 1, 1), max_value=date(2024, 12, 31)),
)
def test_any_combination_of_filters_runs(
    command: str, units: list[str], owners_only: bool, statuses: list[str], today: date
) -> None:
    runner = CliRunner()
    args: list[Any] = [command, "--data", str(DATA), "--today", today.isoformat(), "-f", "json"]
    for unit in units:
        args += ["--unit", unit]
    for status in statuses:
        args += ["--status", status]
    if owners_only:
        args.append("--owners-only")
    result = runner.invoke(app, args, env={"NO_COLOR": "1", "GIAOBAN_TODAY": None})
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert all(not statuses or t["state"] in statuses or t["status"] in statuses
               for t in payload["tasks"])  # fmt: skip
