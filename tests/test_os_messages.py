"""What the operating system or a file library says goes to the clerk in Vietnamese: a
missing file, a folder that is not there, a broken Word or PDF file (never Python's or
the library's English words)."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.edit.yamledit import load_plain
from giaoban.model.errors import GiaobanError, os_reason
from tests.test_english_walk import english_words

ALLOWED = {"YAML", "Word", "PDF", "LibreOffice", "export"}  # and the command names


def test_each_common_os_error_has_its_reason_in_vietnamese() -> None:
    for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EISDIR):
        reason = os_reason(OSError(code, "English words here"))
        assert english_words(reason, set()) == [], reason
    assert os_reason(OSError(errno.EINVAL, "Invalid argument")) == "lỗi hệ thống (EINVAL)"


def test_a_notice_file_that_is_not_there(runner: CliRunner, data_dir: Path) -> None:
    missing = data_dir / "khong-co.yaml"
    result = runner.invoke(app, ["add", "--from-file", str(missing), "--data", str(data_dir)])
    assert result.exit_code == 2
    assert "không có tệp hay thư mục này" in result.output
    assert "No such file" not in result.output


def test_an_export_where_no_file_can_be_written(runner: CliRunner, seed_data: Path) -> None:
    blocker = seed_data.parent / "mot-tep"
    blocker.write_text("a file where a folder is asked for", encoding="utf-8")
    for out, said in (
        # a folder on the way is a file
        (
            blocker / "lich.ics",
            "đã có một tệp trùng tên; chưa ghi gì, các tệp giữ nguyên; hãy chọn",
        ),
        (seed_data, "là một thư mục, không phải tệp"),  # the file asked for is a folder
    ):
        args = ["export", "--format", "ics", "-o", str(out), "--data", str(seed_data)]
        result = runner.invoke(app, args)
        assert result.exit_code in (1, 2), result.output
        assert said in result.output
        words = result.output.replace(str(out), "TỆP").replace("--output", "")
        assert english_words(words, ALLOWED) == [], result.output
    assert blocker.read_text(encoding="utf-8") == "a file where a folder is asked for"


def _broken_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:  # a zip, but no Word document inside
        archive.writestr("readme.txt", "not a document")


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("hong.docx", _broken_docx),
        ("cat-do.docx", lambda p: p.write_bytes(b"PK\x03\x04 cut short")),
        ("hong.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Cat")),
    ],
)
def test_a_broken_word_or_pdf_file_gets_a_vietnamese_reason(
    runner: CliRunner, tmp_path: Path, name: str, make
) -> None:
    path = tmp_path / name
    make(path)
    result = runner.invoke(app, ["import", str(path), "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "đọc được: tệp hỏng, bị cắt dở hoặc không đúng loại; hãy" in result.output
    assert english_words(result.output.replace(str(path), "TỆP"), ALLOWED) == [], result.output


def test_a_yaml_mistake_in_a_file_to_add_is_located_in_vietnamese() -> None:
    with pytest.raises(GiaobanError) as caught:
        load_plain("id: a\ntitle: [một, hai\n")
    assert str(caught.value).startswith("tệp không đọc được (lỗi YAML): dòng 3, cột 1: ")
    assert english_words(str(caught.value), ALLOWED) == [], str(caught.value)
