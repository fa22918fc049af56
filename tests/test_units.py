"""The unit registry: fold matching, groups, nearest names; and text folding."""

from __future__ import annotations

import pytest

from giaoban.model.text import fold, fold_keep, nfc
from giaoban.model.units import Group, Registry, Unit

REGISTRY = Registry(
    units=(
        Unit("Văn phòng Trung ương Đoàn", short=("VP",), aliases=("Văn phòng TW Đoàn",)),
        Unit("Ban Tổ chức Trung ương Đoàn", short=("BTC",)),
        Unit("Ban Tuyên giáo Trung ương Đoàn"),
    ),
    groups=(
        Group(
            "Các ban, đơn vị khối phong trào",
            aliases=("các ban, đơn vị",),
            members=("VP", "Ban Tổ chức Trung ương Đoàn"),
        ),
    ),
    present=True,
)


def test_fold_removes_case_diacritics_and_dashes() -> None:
    assert fold("Văn phòng TRUNG ƯƠNG  Đoàn") == "van phong trung uong doan"
    assert fold("Dân – Chính – Đảng") == fold("Dân - Chính - Đảng")
    assert fold(nfc("Vu\u0306n")) == fold("Vun")


@pytest.mark.parametrize("apostrophe", ["\u2018", "\u2019", "\u02bc"])
def test_fold_reads_typographic_apostrophes_as_one(apostrophe: str) -> None:
    """Word and .docx write "’" where a registry typed "'" (Cư M'gar, Ea H'leo)."""
    assert fold(f"Huyện đoàn Cư M{apostrophe}gar") == fold("Huyện đoàn Cư M'gar")
    assert fold_keep(f"M{apostrophe}gar") == "m'gar"


def test_names_match_without_case_or_diacritics() -> None:
    for name in ("van phong trung uong doan", "VP", "vp", "Văn phòng TW Đoàn", "VAN PHONG TW DOAN"):
        assert REGISTRY.canonical(name) == "Văn phòng Trung ương Đoàn", name
    assert REGISTRY.canonical("Ban Kiểm tra") is None


def test_group_expands_to_members() -> None:
    assert REGISTRY.expand("cac ban, don vi") == {
        "Các ban, đơn vị khối phong trào",
        "Văn phòng Trung ương Đoàn",
        "Ban Tổ chức Trung ương Đoàn",
    }
    assert REGISTRY.expand("BTC") == {"Ban Tổ chức Trung ương Đoàn"}
    assert REGISTRY.expand("Ban Kiểm tra") == {"Ban Kiểm tra"}


def test_nearest_name_for_did_you_mean() -> None:
    assert REGISTRY.nearest("Ban Tuyen giao TW Doan") == "Ban Tuyên giáo Trung ương Đoàn"
    assert REGISTRY.nearest("Hội Liên hiệp Phụ nữ") is None


def test_find_accepts_a_unique_prefix_of_words() -> None:
    assert REGISTRY.find("ban tuyen") == "Ban Tuyên giáo Trung ương Đoàn"
    assert REGISTRY.find("Ban") is None  # several units start with "Ban"
    assert REGISTRY.find("ban tuy") is None  # whole words only
    assert REGISTRY.find("vp") == "Văn phòng Trung ương Đoàn"
