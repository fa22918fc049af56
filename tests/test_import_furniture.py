"""Page furniture of web pages and news items is never drafted as a task."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

NEWS = """\
Sở Tài chính đôn đốc báo cáo quyết toán
14:28 | 24/02/2021

Sở Tài chính đề nghị các phòng tài chính tổng hợp báo cáo gửi về Sở trước ngày 15/5/2021.

Tải mẫu báo cáo tại đây

Khánh Linh

© Thời báo Tài chính Việt Nam
"""


def drafted(tmp_path: Path, text: str) -> tuple[list[dict], str]:
    return imported(tmp_path, text, "tin.txt")


def test_a_stamp_a_link_a_byline_and_a_copyright_are_no_tasks(tmp_path: Path) -> None:
    # a news item's publication stamp, link text, author and copyright line ask nothing
    tasks, output = drafted(tmp_path, NEWS)
    assert [t["text"] for t in tasks] == [
        "Sở Tài chính đề nghị các phòng tài chính tổng hợp báo cáo gửi về Sở trước ngày 15/5/2021."
    ]
    assert "tác giả)): Khánh Linh" in output  # kept among what was left out


def test_a_short_job_in_lower_case_is_no_byline(tmp_path: Path) -> None:
    # "Văn phòng tổng hợp." is short but says what a unit does: it stays a task
    text = "THÔNG BÁO\nKết luận giao ban\n1. Văn phòng tổng hợp.\n2. Ban Tổ chức rà soát.\n"
    tasks, _output = drafted(tmp_path, text)
    assert [t["item"] for t in tasks] == ["1", "2"]
