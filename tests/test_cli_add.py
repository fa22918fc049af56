"""``giaoban add`` from flags, from prompts fed on standard input, and from files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain
from tests.conftest import run_git

TITLE = "Kết luận tại Hội nghị giao ban khối phong trào tháng 02/2019"
NOTICE_ID = "2019-02-18-giao-ban-khoi-phong-trao-thang"


def invoke(runner: CliRunner, data: Path, *args: str, **kw):
    return runner.invoke(app, ["add", *args, "--data", str(data)], **kw)


def test_add_from_flags_writes_and_commits_one_file(runner: CliRunner, ledger: Path) -> None:
    result = invoke(
        runner,
        ledger,
        "--title",
        TITLE,
        "--date",
        "18/02/2019",
        "--number",
        "123-TB/TWĐTN-VP",
        "--task",
        "Xây dựng kế hoạch công tác năm 2019 | chủ trì: VP | hạn: trước ngày 25/02/2019",
        "--task",
        "Báo cáo tiến độ | chủ trì: BTC; VP | phối hợp: VP | hạn: trước 14h00 thứ 6 hàng tuần",
    )
    assert result.exit_code == 0, result.output
    path = ledger / "2019" / f"{NOTICE_ID}.yaml"
    assert result.stdout.startswith(
        f"Đã thêm thông báo {NOTICE_ID} (2 nhiệm vụ) vào {path} — commit "
    )
    # a support that is already an owner is left out, as the questions leave it out
    assert result.stderr == "Bỏ 'VP' (phối hợp, nhiệm vụ 2): đã là đơn vị chủ trì ('VP').\n"
    assert (
        path.read_text(encoding="utf-8")
        == f"""\
id: {NOTICE_ID}
kind: thông báo kết luận
number: 123-TB/TWĐTN-VP
title: {TITLE}
date: 2019-02-18
tasks:
  - item: "1"
    text: Xây dựng kế hoạch công tác năm 2019
    owners:
      - VP
    deadline: trước ngày 25/02/2019
    status: open
  - item: "2"
    text: Báo cáo tiến độ
    owners:
      - BTC
      - VP
    deadline: trước 14h00 thứ 6 hàng tuần
    status: open
"""
    )
    repo = ledger.parent
    assert run_git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        f"data/2019/{NOTICE_ID}.yaml"
    ]
    assert run_git(repo, "log", "-1", "--format=%B").strip() == (
        f"Thêm thông báo {NOTICE_ID}: {TITLE}\n\n"
        f"2 nhiệm vụ\n\nGiaoban-Action: add-notice\nGiaoban-Notice: {NOTICE_ID}"
    )


def test_add_never_overwrites_and_makes_ids_unique(runner: CliRunner, ledger: Path) -> None:
    args = ("--title", TITLE, "--date", "18/02/2019", "--allow-duplicate")
    assert invoke(runner, ledger, *args).exit_code == 0
    second = invoke(runner, ledger, *args)
    assert second.exit_code == 0 and f"{NOTICE_ID}-2" in second.output
    path = ledger / "2019" / f"{NOTICE_ID}.yaml"
    before = path.read_bytes()
    third = invoke(runner, ledger, *args, "--id", NOTICE_ID, "--kind", "sơ kết")
    assert third.exit_code == 1 and "đã có; không ghi đè" in third.output
    assert path.read_bytes() == before


def test_add_refuses_an_unreadable_deadline(
    runner: CliRunner, ledger: Path, temp_dir: Path
) -> None:
    result = invoke(
        runner, ledger, "--title", TITLE, "--date", "18/02/2019", "--task", "Việc | hạn: hôm nào đó"
    )
    assert result.exit_code == 1
    assert "[bad-deadline]" in result.output and "chưa ghi gì vào sổ" in result.output
    assert not (ledger / "2019").exists() or not list((ledger / "2019").iterdir())


def test_add_flags_need_a_date(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "--title", TITLE)
    assert result.exit_code == 2 and "--date" in result.output


ANSWERS = "\n".join(
    [
        "",  # Loại văn bản: the default
        "123-TB/TWĐTN-VP",  # Số hiệu
        TITLE,  # Trích yếu
        "Ban Bí thư Trung ương Đoàn",  # Cơ quan ban hành
        "18/02/2019",  # Ngày ban hành
        "",  # Mã thông báo: the proposed one
        "Xây dựng kế hoạch công tác năm 2019",  # task 1
        "3",  # Số mục
        "van phong",  # Chủ trì: completed from the registry
        "Ban To chuc TU",  # Phối hợp: unknown -> did you mean
        "y",
        "trước ngày 30/02/2019",  # not a real day: a pin is offered
        "",  # no pin: the phrase is asked again
        "trước ngày 25/02/2019",
        "",  # no more tasks
        "y",  # save
    ]
)


def test_add_interactively_pins_a_phrase_it_cannot_read(runner: CliRunner, ledger: Path) -> None:
    answers = ANSWERS.replace(
        "trước ngày 30/02/2019\n\ntrước ngày 25/02/2019",
        "xong trước khi Ban Bí thư phê chuẩn\n31/02/2019\n28/02/2019",
    )
    answers = answers.replace("xong trước khi Ban Bí thư phê chuẩn", "đợt 2")
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers + "\n")
    assert result.exit_code == 0, result.output
    assert '✗ không đọc được hạn "đợt 2"' in result.output
    assert "→ giữ nguyên cụm từ, hạn ghim: hết ngày 28/02/2019" in result.output
    written = (ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    assert "deadline: đợt 2\n    due: 2019-02-28\n" in written
    check = runner.invoke(app, ["check", "--data", str(ledger), str(ledger)])
    assert check.exit_code == 0, check.output
    assert "[pinned-deadline]" in check.output and '"đợt 2"' in check.output


def test_add_interactively(runner: CliRunner, ledger: Path) -> None:
    result = invoke(runner, ledger, "--today", "2019-02-20", input=ANSWERS + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "→ Văn phòng Trung ương Đoàn" in out
    assert "Không có đơn vị 'Ban To chuc TU'. Có phải 'Ban Tổ chức Trung ương Đoàn'?" in out
    assert '✗ không đọc được hạn "trước ngày 30/02/2019": ngày 30/02/2019 không có thật' in out
    assert "→ hạn: hết ngày 25/02/2019 (thứ Hai)" in out
    assert f"Sẽ ghi 2019/{NOTICE_ID}.yaml:" in out
    assert "Lưu thông báo này? [Y/n]" in out
    text = (ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8")
    assert (
        text
        == f"""\
id: {NOTICE_ID}
kind: thông báo kết luận
number: 123-TB/TWĐTN-VP
title: {TITLE}
issuer: Ban Bí thư Trung ương Đoàn
date: 2019-02-18
tasks:
  - item: "3"
    text: Xây dựng kế hoạch công tác năm 2019
    owners:
      - Văn phòng Trung ương Đoàn
    supports:
      - Ban Tổ chức Trung ương Đoàn
    deadline: trước ngày 25/02/2019
    status: open
"""
    )
    assert "Giaoban-Action: add-notice" in run_git(ledger.parent, "log", "-1", "--format=%B")
    assert run_git(ledger.parent, "show", "--name-only", "--format=", "HEAD").split() == [
        f"data/2019/{NOTICE_ID}.yaml"
    ]


def test_add_interactively_not_confirmed_writes_nothing(runner: CliRunner, ledger: Path) -> None:
    answers = ANSWERS.rsplit("\n", 1)[0] + "\nn\n"
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers)
    assert result.exit_code == 0 and "Đã hủy, không ghi gì." in result.output
    assert not (ledger / "2019").exists()


def test_add_from_a_yaml_file_and_from_json_on_stdin(runner, ledger: Path, tmp_path) -> None:
    notice = {
        "kind": "sơ kết",
        "title": "Sơ kết công tác 6 tháng đầu năm 2018",
        "date": "2018-08-02",
        "meeting": {"date": "2018-08-02", "name": "Hội nghị sơ kết"},
        "tasks": [
            {"item": "1", "text": "Tổng kết", "owners": ["VP"], "deadline": "trong Quý III/2018"}
        ],
    }
    source = tmp_path / "notice.json"
    source.write_text(json.dumps(notice, ensure_ascii=False), encoding="utf-8")
    result = invoke(runner, ledger, "--from-file", str(source))
    assert result.exit_code == 0, result.output
    path = ledger / "2018" / "2018-08-02-so-ket-cong-tac-6-thang.yaml"
    assert "meeting:\n  date: 2018-08-02\n  name: Hội nghị sơ kết\n" in path.read_text(
        encoding="utf-8"
    )

    notice["title"] = "Sơ kết lần hai"
    result = invoke(runner, ledger, "--from-file", "-", input=json.dumps(notice))
    assert result.exit_code == 0, result.output
    assert (ledger / "2018" / "2018-08-02-so-ket-lan-hai.yaml").is_file()

    yaml_file = tmp_path / "notice.yaml"
    yaml_file.write_text("title: Thiếu ngày\ntasks: []\n", encoding="utf-8")
    result = invoke(runner, ledger, "--from-file", str(yaml_file))
    assert result.exit_code == 2 and "'date'" in result.output


def test_add_without_a_data_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["add", "--data", str(tmp_path / "khong-co"), "--title", "x"])
    assert result.exit_code == 2 and "giaoban init" in result.output


def test_add_from_text_reviews_the_imported_draft(runner: CliRunner, ledger: Path) -> None:
    seed = Path(__file__).parent / "data" / "import" / "seeds" / "004_ccd0dfa3cbc172ed.txt"
    shutil.copy(Path(__file__).parent / "data" / "import" / "units.yaml", ledger / "units.yaml")
    # title, date and id as proposed; keep 1.1, drop 1.2, correct 1.3's deadline, keep the rest.
    answers = ["", "", "", "g", "b", "s", "", "", "", "", "trước ngày 15/9/2023"]
    answers += ["g", "g", "g", "g", "y"]
    result = invoke(runner, ledger, "--from-text", str(seed), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "⚠ kiểm tra signer: văn bản ghi 'CHỖ VĂN PHÒNG'" in result.output
    assert "→ hạn: hết ngày 15/09/2023 (thứ Sáu)" in result.output
    [path] = (ledger / "2023").glob("*.yaml")
    notice = load_plain(path.read_text(encoding="utf-8"))
    tasks = {t["item"]: t for t in notice["tasks"]}
    assert list(tasks) == ["1.1", "1.3", "1.4", "2.1", "2.2", "3"]
    assert tasks["1.3"]["deadline"] == "trước ngày 15/9/2023"
    assert tasks["1.4"]["deadline"] == "xong trước ngày 30/9/2023"
    assert notice["signer"]["name"] == "Nguyễn Quốc Huy"
    assert run_git(ledger.parent, "log", "-1", "--format=%s").startswith(
        "Thêm thông báo 2023-08-29"
    )


@pytest.mark.parametrize("yes", ["có", "Có", "co", "c", "C", "y", "đồng ý"])
def test_add_takes_a_vietnamese_yes(runner: CliRunner, ledger: Path, yes: str) -> None:
    answers = ANSWERS.replace("Ban To chuc TU\ny\n", f"Ban To chuc TU\n{yes}\n")
    answers = answers.rsplit("\n", 1)[0] + f"\n{yes}\n"
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output
    task = load_plain((ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8"))["tasks"][
        0
    ]
    assert task["supports"] == ["Ban Tổ chức Trung ương Đoàn"]


@pytest.mark.parametrize("no", ["không", "Khong", "k", "n", "ko"])
def test_add_takes_a_vietnamese_no(runner: CliRunner, ledger: Path, no: str) -> None:
    answers = ANSWERS.rsplit("\n", 1)[0] + f"\n{no}\n"
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers)
    assert result.exit_code == 0 and "Đã hủy, không ghi gì." in result.output
    assert not (ledger / "2019").exists()


def test_add_asks_again_in_vietnamese_for_another_word(runner: CliRunner, ledger: Path) -> None:
    answers = ANSWERS.rsplit("\n", 1)[0] + "\nlưu đi\ncó\n"
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers)
    assert result.exit_code == 0, result.output
    assert "Error: invalid input" not in result.output
    assert "✗ hãy trả lời y (có) hoặc n (không)" in result.output
    assert (ledger / "2019" / f"{NOTICE_ID}.yaml").exists()


def test_add_keeps_a_unit_named_twice_once(runner: CliRunner, ledger: Path) -> None:
    """Two names of one unit as owners, and the same unit as support: written once, said so."""
    answers = ANSWERS.replace(
        "van phong\nBan To chuc TU\ny\n",
        "Văn phòng TW Đoàn; VP; van phong; Ban Tổ chức Trung ương Đoàn\nvp; BTC\n",
    )
    result = invoke(runner, ledger, "--today", "2019-02-20", input=answers + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Bỏ 'Văn phòng Trung ương Đoàn': đã ghi ở trên.") == 2
    assert "Bỏ 'Văn phòng Trung ương Đoàn': đã là đơn vị chủ trì." in result.output
    task = load_plain((ledger / "2019" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8"))["tasks"][
        0
    ]
    assert task["owners"] == ["Văn phòng Trung ương Đoàn", "Ban Tổ chức Trung ương Đoàn"]
    assert task["supports"] == []
    check = runner.invoke(app, ["check", "--data", str(ledger), str(ledger)])
    assert "duplicate-owner" not in check.output
