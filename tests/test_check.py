"""``giaoban check``: every code from a small bad file, and silence on good ones."""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app

GOOD = """\
id: {id}
kind: thông báo kết luận
title: Kết luận hội nghị giao ban tháng 02/2019
date: 2019-02-18
tasks:
  - item: "1"
    text: Xây dựng Kế hoạch công tác năm 2019
    owners: [Văn phòng Trung ương Đoàn]
    deadline: trước ngày 25/02/2019
    status: open
"""

LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>error|warning): (?P<msg>.+) \[(?P<code>[a-z-]+)\]$"
)


def run_check(runner: CliRunner, *args: str) -> tuple[int, list[dict[str, str]], str]:
    result = runner.invoke(app, ["check", *args])
    lines = [m.groupdict() for m in map(LINE.match, result.stdout.splitlines()) if m]
    return result.exit_code, lines, result.stdout


def good(notice_id: str = "2019-02-18-giao-ban") -> str:
    return GOOD.format(id=notice_id)


def test_good_file_passes(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good())
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 0, out
    assert lines == []
    assert "0 lỗi" in out and "1 nhiệm vụ" in out


# (name, yaml text or bytes, expected code, expected line)
BAD_CASES = [
    ("syntax", good().replace("tasks:", "tasks: [oops"), "yaml-syntax", None),
    (
        "tag",
        good().replace("kind: thông báo kết luận", "kind: !!python/object:os.system 'ls'"),
        "yaml-tag",
        2,
    ),
    (
        "alias",
        good().replace(
            "owners: [Văn phòng Trung ương Đoàn]",
            "owners: &o [Văn phòng Trung ương Đoàn]\n    supports: *o",
        ),
        "yaml-alias",
        8,
    ),
    (
        "conflict",
        good().replace(
            "    status: open\n",
            "<<<<<<< HEAD\n    status: open\n=======\n    status: done\n>>>>>>> other\n",
        ),
        "conflict-marker",
        10,
    ),
    ("unknown-key", good().replace("    status: open", "    statsu: open"), "unknown-key", 10),
    (
        "missing-key",
        good().replace("title: Kết luận hội nghị giao ban tháng 02/2019\n", ""),
        "missing-key",
        None,
    ),
    (
        "wrong-type",
        good().replace("owners: [Văn phòng Trung ương Đoàn]", "owners: {a: 1}"),
        "wrong-type",
        8,
    ),
    ("empty-title", good().replace("title: Kết luận", "title:  #"), "empty-key", 3),
    ("empty-id", good().replace("id: 2019-02-18-giao-ban", "id: ''"), "empty-key", 1),
    ("empty-date", good().replace("date: 2019-02-18", "date:"), "empty-key", 4),
    ("empty-item", good().replace('item: "1"', "item:"), "empty-key", 6),
    (
        "empty-text",
        good().replace("text: Xây dựng Kế hoạch công tác năm 2019", "text: ' '"),
        "empty-key",
        7,
    ),
    ("null-tasks", good().split("  - item")[0] + "  null\n", "empty-key", 5),
    (
        "number-as-text",
        good().replace("title: Kết luận hội nghị giao ban tháng 02/2019", "title: 2019"),
        "number-as-text",
        3,
    ),
    (
        "huge-count",
        good().replace(
            "tasks:",
            "meeting:\n  attendance:\n    present: 100000000000000000000000000000000000000\ntasks:",
        ),
        "bad-value",
        7,
    ),
    (
        "negative-count",
        good().replace("tasks:", "meeting:\n  attendance: {total: -3}\ntasks:"),
        "bad-value",
        6,
    ),
    ("item-float", good().replace('item: "1"', "item: 6.2"), "wrong-type", 6),
    ("bad-date", good().replace("date: 2019-02-18", "date: 2019-02-31"), "bad-date", 4),
    ("bad-date-text", good().replace("date: 2019-02-18", "date: 31/02/2019"), "bad-date", 4),
    ("bad-value", good().replace("status: open", "status: xong"), "bad-value", 10),
    (
        "duplicate-key",
        good().replace("kind: thông báo kết luận", "kind: thông báo kết luận\nkind: sơ kết"),
        "duplicate-key",
        3,
    ),
    ("id-mismatch", GOOD.format(id="2019-02-18-khac"), "id-mismatch", 1),
    ("duplicate-item", good() + '  - item: "1"\n    text: Lặp lại\n', "duplicate-item", 11),
    ("done-without-date", good().replace("status: open", "status: done"), "done-without-date", 10),
    (
        "leftover-cancel",
        good().replace("status: open", "status: open\n    cancelled_on: 2019-03-01"),
        "leftover-cancel",
        11,
    ),
    (
        "leftover-cancel-reason",
        good().replace(
            "status: open", 'status: done\n    done_on: 2019-02-20\n    cancel_reason: "x"'
        ),
        "leftover-cancel",
        12,
    ),
    (
        "leftover-done",
        good().replace(
            "status: open",
            "status: cancelled\n    done_on: 2019-02-20\n    cancelled_on: 2019-02-21",
        ),
        "leftover-done",
        11,
    ),
    (
        "done-before-notice",
        good().replace("status: open", "status: done\n    done_on: 2019-01-02"),
        "done-before-notice",
        11,
    ),
    (
        "cancelled-before-notice",
        good().replace(
            "status: open", "status: cancelled\n    cancelled_on: 2019-02-17\n    cancel_reason: x"
        ),
        "cancelled-before-notice",
        11,
    ),
    (
        "results-not-duty",
        good() + "    occurrence_results:\n      - date: 2019-02-22\n        text: Đã gửi\n",
        "results-not-duty",
        12,
    ),
    (
        "unknown-unit",
        good().replace(
            "owners: [Văn phòng Trung ương Đoàn]", "owners: [Van phong Trung uong Doann]"
        ),
        "unknown-unit",
        8,
    ),
    (
        "duplicate-owner",
        good().replace(
            "owners: [Văn phòng Trung ương Đoàn]", "owners: [Văn phòng Trung ương Đoàn, VP]"
        ),
        "duplicate-owner",
        8,
    ),
    (
        "unknown-section",
        good().replace("    status: open", "    section: '9'\n    status: open"),
        "unknown-section",
        10,
    ),
    (
        "bad-deadline",
        good().replace("trước ngày 25/02/2019", "khi nào rảnh thì làm"),
        "bad-deadline",
        9,
    ),
    ("empty", "", "empty-file", 1),
]


@pytest.mark.parametrize(("name", "text", "code", "line"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_each_code(runner: CliRunner, data_dir: Path, write_notice, name, text, code, line) -> None:
    path = write_notice("2019-02-18-giao-ban", text)
    exit_code, lines, out = run_check(runner, str(data_dir))
    codes = [entry["code"] for entry in lines]
    assert code in codes, out
    hit = lines[codes.index(code)]
    assert hit["path"] == str(path)
    if line is not None:
        assert int(hit["line"]) == line, out
    warnings = (
        "unknown-unit",
        "duplicate-owner",
        "unknown-section",
        "number-as-text",
        "leftover-cancel",
        "leftover-done",
        "results-not-duty",
    )
    severity = "warning" if code in warnings else "error"
    assert hit["sev"] == severity
    assert exit_code == (0 if severity == "warning" else 1)
    assert "Traceback" not in out


def test_a_name_two_units_share_is_named(runner: CliRunner, data_dir: Path, write_notice) -> None:
    units = data_dir / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("short: [BTC]", "short: [BTC, vp]"),
        encoding="utf-8",
    )
    write_notice("2019-02-18-giao-ban", good())
    code, lines, out = run_check(runner, str(data_dir))
    shared = [entry for entry in lines if entry["code"] == "shared-unit-name"]
    assert len(shared) == 1, out
    assert shared[0]["path"] == str(units) and shared[0]["line"] == "5"
    assert "'Văn phòng Trung ương Đoàn' và 'Ban Tổ chức Trung ương Đoàn'" in shared[0]["msg"]
    assert code == 0


@pytest.mark.parametrize(
    ("odd", "where", "line", "column"),
    [
        ("\x85", "\nkind:", 2, 1),  # a NEL opening a line: to libyaml a break, "id" a key
        ("\u2028", "Kết luận", 3, 8),  # inside a text
        ("\u2029", "tasks:", 5, 1),
    ],
)
def test_a_line_break_yaml_readers_disagree_on_is_refused_where_it_is(
    runner: CliRunner, data_dir: Path, write_notice, odd: str, where: str, line: int, column: int
) -> None:
    """NEL, LINE and PARAGRAPH SEPARATOR break a line in YAML 1.1 and not in 1.2: check (by
    libyaml's rules) and the edits (ruamel's round-trip reader) would read the file apart,
    one passing what the other refuses. Invisible in most editors: an error, located."""
    text = good().replace(where, where.replace("\n", "\n" + odd) if "\n" in where else odd + where)
    path = write_notice("2019-02-18-giao-ban", text)
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1, out
    assert [(e["code"], e["path"], e["line"], e["col"]) for e in lines] == [
        ("yaml-syntax", str(path), str(line), str(column))
    ]
    assert f"U+{ord(odd):04X}" in lines[0]["msg"]


@pytest.mark.parametrize(
    ("before", "after", "line", "column"),
    [
        ("title: Kết luận", "title:\tKết luận", 3, 7),  # after "key:"
        ("status: open", "status: open \t# chưa xong", 10, 18),  # before a comment
        ("Xây dựng Kế", "Xây dựng\tKế", 7, 19),  # inside a plain text
    ],
)
def test_a_tab_the_edits_cannot_read_is_refused_where_it_is(
    runner: CliRunner,
    data_dir: Path,
    write_notice,
    before: str,
    after: str,
    line: int,
    column: int,
) -> None:
    """libyaml takes these tabs for spaces; ruamel's pure reader, which every edit reads a
    notice with, refuses them: the file would pass check and stop every edit."""
    path = write_notice("2019-02-18-giao-ban", good().replace(before, after))
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1, out
    assert [(e["code"], e["path"], e["line"], e["col"]) for e in lines] == [
        ("yaml-syntax", str(path), str(line), str(column))
    ]
    assert "tab" in lines[0]["msg"]


def test_a_tab_in_quotes_or_in_a_comment_is_fine(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    text = (
        good()
        .replace("Xây dựng Kế hoạch công tác năm 2019", '"Xây dựng\tKế hoạch công tác năm 2019"')
        .replace("status: open", "status: open  # chưa\txong")
    )
    write_notice("2019-02-18-giao-ban", text)
    code, lines, out = run_check(runner, str(data_dir))
    assert (code, lines) == (0, []), out


def test_not_utf8(runner: CliRunner, data_dir: Path, write_notice) -> None:
    raw = good().encode("utf-8").replace("Xây dựng".encode(), "X\xe2y d\xf9ng".encode("latin-1"))
    path = write_notice("2019-02-18-giao-ban", "", raw=raw)
    code, lines, out = run_check(runner, str(path))
    assert code == 1
    assert lines[0]["code"] == "encoding" and lines[0]["line"] == "7"


def test_bom_and_crlf_are_fine(runner: CliRunner, data_dir: Path, write_notice) -> None:
    raw = b"\xef\xbb\xbf" + good().replace("\n", "\r\n").encode("utf-8")
    write_notice("2019-02-18-giao-ban", "", raw=raw)
    code, lines, out = run_check(runner, str(data_dir))
    assert (code, lines) == (0, []), out


def test_decomposed_text_is_read_as_nfc(data_dir: Path, write_notice) -> None:
    import unicodedata

    from giaoban.store.loader import load_ledger

    write_notice("2019-02-18-giao-ban", unicodedata.normalize("NFD", good()))
    ledger = load_ledger(data_dir).ledger
    task = ledger.notices[0].tasks[0]
    assert task.text == unicodedata.normalize("NFC", "Xây dựng Kế hoạch công tác năm 2019")
    assert task.owners == ("Văn phòng Trung ương Đoàn",)


def test_python_tag_is_never_executed(
    runner: CliRunner, data_dir: Path, write_notice, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    text = good().replace(
        "kind: thông báo kết luận", f"kind: !!python/object/apply:os.system ['touch {marker}']"
    )
    write_notice("2019-02-18-giao-ban", text)
    code, lines, _ = run_check(runner, str(data_dir))
    assert code == 1 and not marker.exists()
    assert lines[0]["code"] == "yaml-tag"


def test_alias_bomb_is_refused_quickly(runner: CliRunner, data_dir: Path, write_notice) -> None:
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    write_notice("2019-02-18-giao-ban", bomb)
    code, lines, _ = run_check(runner, str(data_dir))
    assert code == 1
    assert {entry["code"] for entry in lines} == {"yaml-alias"}


def test_all_problems_reported_not_just_first(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    text = good().replace("status: open", "status: xong").replace("    owners:", "    ownerz:")
    write_notice("2019-02-18-giao-ban", text)
    write_notice("2019-03-01-khac", good("2019-03-01-sai"))
    _, lines, out = run_check(runner, str(data_dir))
    assert {e["code"] for e in lines} >= {"bad-value", "unknown-key", "id-mismatch"}
    summary_at = out.index("Đã kiểm tra")
    assert all(out.index(e["msg"]) < summary_at for e in lines)


def test_duplicate_notice_across_files(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good())
    other = data_dir / "2020" / "2019-02-18-giao-ban.yaml"
    other.parent.mkdir()
    other.write_text(good(), encoding="utf-8")
    _, lines, out = run_check(runner, str(data_dir))
    assert [e["code"] for e in lines] == ["duplicate-notice"], out


def test_json_format(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good().replace("status: open", "status: xong"))
    result = runner.invoke(app, ["check", str(data_dir), "--format", "json"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert problems == [
        {
            "path": str(data_dir / "2019" / "2019-02-18-giao-ban.yaml"),
            "line": 10,
            "column": 13,
            "severity": "error",
            "code": "bad-value",
            "message": (
                "giá trị 'xong' không hợp lệ cho 'status' của nhiệm vụ thứ 1 "
                "(chỉ nhận: open, done, cancelled)"
            ),
        }
    ]


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2


def test_data_from_environment(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good().replace("status: open", "status: xong"))
    result = runner.invoke(app, ["check"], env={"GIAOBAN_DATA": str(data_dir)})
    assert result.exit_code == 1 and "bad-value" in result.stdout


def test_single_file_uses_its_ledger_registry(
    runner: CliRunner, data_dir: Path, write_notice
) -> None:
    path = write_notice(
        "2019-02-18-giao-ban", good().replace("[Văn phòng Trung ương Đoàn]", "[VP, BTC]")
    )
    code, lines, out = run_check(runner, str(path))
    assert (code, lines) == (0, []), out


@pytest.mark.parametrize("depth", [("2019",), ("2019", "02")])
def test_a_folder_inside_the_data_folder_uses_its_ledger(
    runner: CliRunner, data_dir: Path, write_notice, depth: tuple[str, ...]
) -> None:
    """A year folder (or one below it) is checked with its ledger's registry, as its
    files are: the short names are known, an unknown unit is named where it is, and no
    problem is put in a registry the folder does not have."""
    text = good().replace("[Văn phòng Trung ương Đoàn]", "[VP, Ban Khong Co]")
    path = write_notice("2019-02-18-giao-ban", text)
    folder = data_dir.joinpath(*depth)
    folder.mkdir(exist_ok=True)
    path = path.rename(folder / path.name)
    code, lines, out = run_check(runner, str(folder))
    assert code == 0, out
    assert [(e["path"], e["code"]) for e in lines] == [(str(path), "unknown-unit")], out
    assert "1 tệp" in out
    # a folder elsewhere with no registry of its own is still a data folder of its own
    (data_dir / "units.yaml").unlink()
    code, lines, out = run_check(runner, str(folder), "--data", str(data_dir.parent / "x"))
    assert [e["code"] for e in lines] == ["no-registry"], out


def test_no_registry_is_a_warning(runner: CliRunner, data_dir: Path, write_notice) -> None:
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "units.yaml").unlink()
    code, lines, _ = run_check(runner, str(data_dir))
    assert code == 0
    assert [e["code"] for e in lines] == ["no-registry"]


def test_registry_problems_are_reported(runner: CliRunner, data_dir: Path) -> None:
    (data_dir / "units.yaml").write_text("units:\n  - nam: Văn phòng\n", encoding="utf-8")
    code, lines, out = run_check(runner, str(data_dir))
    assert code == 1
    assert {e["code"] for e in lines} == {"unknown-key", "missing-key"}, out
    assert all(e["path"].endswith("units.yaml") for e in lines)


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("units.yaml", "units:\n  - name: [\n", "yaml-syntax"),
        ("units.yaml", "units:\n  - nam: Văn phòng\n", "unknown-key"),
        ("settings.yaml", "timezone: Asia/Ho_Chi_Minh\ntimezone: Sao/Hoa\n", "duplicate-key"),
        ("settings.yaml", "timezone: Sao/Hoa\n", "bad-value"),
    ],
)
def test_the_registry_or_the_settings_named_is_checked(
    runner: CliRunner, data_dir: Path, write_notice, name: str, text: str, code: str
) -> None:
    """``check data/units.yaml`` (what the pre-commit hook runs when only the registry or
    the settings is staged) checks that file, as a check of the whole folder does, and
    exits 1 on its error; with a notice beside it, both are checked."""
    write_notice("2019-02-18-giao-ban", good())
    (data_dir / "settings.yaml").write_text("timezone: Asia/Ho_Chi_Minh\n", encoding="utf-8")
    path = data_dir / name
    good_code, good_lines, out = run_check(runner, str(path))
    assert (good_code, good_lines) == (0, []), out
    assert "Đã kiểm tra 1 tệp (0 thông báo, 0 nhiệm vụ): 0 lỗi, 0 cảnh báo — hợp lệ." in out
    path.write_text(text, encoding="utf-8")
    for named in ([str(path)], [str(path), str(data_dir / "2019")]):
        exit_code, lines, out = run_check(runner, *named)
        assert exit_code == 1, out
        assert (str(path), code) in {(e["path"], e["code"]) for e in lines}, out
        assert f"Đã kiểm tra {len(named)} tệp" in out
    whole_code, whole_lines, out = run_check(runner, str(data_dir))
    assert whole_code == 1 and whole_lines == lines, out


def test_office_extension_keys_are_allowed(runner: CliRunner, data_dir: Path, write_notice) -> None:
    text = good().replace(
        "    status: open", "    status: open\n    x-so-den: 123\n    x_ghi_chu: riêng"
    )
    write_notice("2019-02-18-giao-ban", "x-nguon: e-office\n" + text)
    code, lines, out = run_check(runner, str(data_dir))
    assert (code, lines) == (0, []), out


def _check_json(runner: CliRunner, data: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["check", "--data", str(data), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["problems"]


def test_a_duty_missed_many_times_in_a_row_without_an_end_is_warned(
    runner: CliRunner, seed_data: Path
) -> None:
    """The weekly duty 6.2 (from 15/04/2022, no 'until'): ten Fridays missed by 17/06/2022."""
    assert _check_json(runner, seed_data, "--today", "2022-06-16") == []  # nine so far
    (found,) = _check_json(runner, seed_data, "--today", "2022-06-18")
    assert (found["code"], found["severity"]) == ("duty-without-end", "warning")
    assert "2022-04-14#6.2 đã trễ 10 lần liên tiếp (từ 15/04/2022)" in found["message"]
    assert "giaoban stop 2022-04-14-giao-ban-khoi-phong-trao#6.2" in found["message"]


def test_an_ended_duty_or_a_recent_one_done_is_not_warned(
    runner: CliRunner, seed_data: Path
) -> None:
    path = seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml"
    text = path.read_text(encoding="utf-8")
    duty = "    deadline: trước 14h00 thứ 6 hàng tuần  # recurring; the seed gives no end\n"
    assert duty in text
    path.write_text(text.replace(duty, duty + "    done_occurrences: [2022-06-10]\n"))
    assert _check_json(runner, seed_data, "--today", "2022-06-18") == []  # the run restarted
    path.write_text(text.replace(duty, duty + "    until: 2022-04-30\n"))
    assert _check_json(runner, seed_data, "--today", "2023-06-18") == []


def test_checking_single_files_does_not_look_at_now(runner: CliRunner, seed_data: Path) -> None:
    path = seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml"
    args = ["check", str(path), "--data", str(seed_data), "--today", "2026-12-05"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "duty-without-end" not in result.output
    folder = runner.invoke(app, ["check", str(seed_data), "--today", "2026-12-05"])
    assert folder.exit_code == 0 and "duty-without-end" in folder.output  # a folder: a ledger


@pytest.mark.parametrize("no_cache", [[], ["--no-cache"]])
def test_an_error_in_another_file_hides_no_idle_duty(
    runner: CliRunner, seed_data: Path, no_cache: list[str]
) -> None:
    """A broken notice leaves out its own notice only: the other files' idle duties are
    still warned, and the summary says whose duties were not looked at."""
    args = ["check", "--data", str(seed_data), "--today", "2026-12-05", *no_cache]
    other = seed_data / "2018" / "2018-08-02-so-ket-6-thang-dau-nam-2018.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("status: open", "status: xong", 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "bad-value" in result.output and "duty-without-end" in result.output
    assert "1 lỗi, 1 cảnh báo — có lỗi." in result.output
    assert "Chưa xét" not in result.output  # the 2018 notice has no duty
    # the file with the duty broken too: its duty is not looked at, and that is said
    own = seed_data / "2022" / "2022-04-14-giao-ban-khoi-phong-trao.yaml"
    own.write_text(
        own.read_text(encoding="utf-8").replace("status: open", "status: xong", 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "duty-without-end" not in result.output, result.output
    assert "2 lỗi, 0 cảnh báo — có lỗi. Chưa xét các nhiệm vụ định kỳ trong 1 tệp có lỗi" in (
        result.output
    )


@pytest.mark.parametrize("how", ["lookup", "option", "env"])
def test_a_file_outside_the_data_folder_is_checked_with_its_registry(
    runner: CliRunner,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """An import draft kept beside the data folder (or anywhere) is checked against the
    data folder's registry: a short name is known, an unknown unit is named, and every
    problem names a file that is there."""
    draft = tmp_path / "nhap" / "2019-02-18-giao-ban.yaml"
    draft.parent.mkdir()
    draft.write_text(good().replace("[Văn phòng Trung ương Đoàn]", "[VP, Ban Khong Co]"))
    monkeypatch.chdir(tmp_path)
    where = {
        "lookup": ([], {}),
        "option": (["--data", str(data_dir)], {}),
        "env": ([], {"GIAOBAN_DATA": str(data_dir)}),
    }
    args, env = where[how]
    if how != "lookup":
        monkeypatch.chdir(draft.parent)
    result = runner.invoke(app, ["check", str(draft), *args], env=env)
    lines = [m.groupdict() for m in map(LINE.match, result.stdout.splitlines()) if m]
    assert result.exit_code == 0, result.output
    assert [(e["path"], e["code"]) for e in lines] == [(str(draft), "unknown-unit")]


def test_no_registry_is_told_at_a_file_that_is_there(
    runner: CliRunner, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "units.yaml").unlink()
    draft = tmp_path / "2019-02-18-giao-ban.yaml"
    draft.write_text(good())
    monkeypatch.chdir(tmp_path)
    code, lines, out = run_check(runner, draft.name)
    assert code == 0, out
    assert [(e["path"], e["code"]) for e in lines] == [(draft.name, "no-registry")], out
    assert f"chưa có danh mục đơn vị {Path('data') / 'units.yaml'}" in out
    assert all(Path(e["path"]).is_file() for e in lines)


# Every path named is checked once, whatever else is named with it and in what order:
# the data folder, a year folder in it, a file in it, two drafts outside it (one beside
# it, one in a folder of drafts) and a second data folder. Each file holds one error.
NAMED = {
    "data": ["data/2019/2019-02-18-a.yaml", "data/2020/2020-01-06-b.yaml"],
    "data/2019": ["data/2019/2019-02-18-a.yaml"],
    "data/2019/2019-02-18-a.yaml": ["data/2019/2019-02-18-a.yaml"],
    "2019-03-01-nhap.yaml": ["2019-03-01-nhap.yaml"],
    "nhap/2019-03-02-nhap.yaml": ["nhap/2019-03-02-nhap.yaml"],
    "tinh/data": ["tinh/data/2019/2019-04-01-c.yaml"],
}
COMBINATIONS = [
    list(named) if forward else list(reversed(named))
    for size in range(1, len(NAMED) + 1)
    for named in itertools.combinations(NAMED, size)
    for forward in ((True, False) if size > 1 else (True,))
]


@pytest.fixture
def named_ledgers(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "tinh" / "data").mkdir(parents=True)
    (tmp_path / "tinh" / "data" / "units.yaml").write_text(
        (data_dir / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "nhap").mkdir()
    for rel in {f for files in NAMED.values() for f in files}:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        bad = good(path.stem).replace("status: open", "status: xong")
        path.write_text(bad, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("named", COMBINATIONS, ids=" ".join)
def test_every_path_named_is_checked_once(
    runner: CliRunner, named_ledgers: Path, named: list[str]
) -> None:
    """A draft outside the data folder named with the folder (either order) is checked,
    a file inside a folder also named is checked once, and the summary counts the files
    checked: each file's one error is told once, and only those."""
    expected = sorted({f for name in named for f in NAMED[name]})
    code, lines, out = run_check(runner, *named)
    told = sorted(os.path.relpath(e["path"]) for e in lines if e["code"] == "bad-value")
    assert told == expected, out
    assert f"Đã kiểm tra {len(expected)} tệp ({len(expected)} thông báo" in out
    assert code == 1


def test_a_draft_with_a_ledger_of_no_notices_yet(
    runner: CliRunner, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh ledger: the draft named with it is the one file checked."""
    (tmp_path / "nhap.yaml").write_text(good("nhap").replace("status: open", "status: xong"))
    monkeypatch.chdir(tmp_path)
    for named in (["nhap.yaml", "data"], ["data", "nhap.yaml"], ["./data/", "./nhap.yaml"]):
        code, lines, out = run_check(runner, *named)
        assert [(e["path"], e["code"]) for e in lines] == [("nhap.yaml", "bad-value")], out
        assert "Đã kiểm tra 1 tệp (1 thông báo, 1 nhiệm vụ): 1 lỗi, 0 cảnh báo — có lỗi." in out
        assert code == 1
