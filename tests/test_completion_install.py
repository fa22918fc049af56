"""``giaoban --install-completion`` says what it did in Vietnamese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_english_walk import english_words


def test_installing_completion_is_told_in_vietnamese(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash", "NO_COLOR": "1"}
    env.pop("GIAOBAN_DATA", None)
    proc = subprocess.run(
        [sys.executable, "-m", "giaoban", "--install-completion"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Đã cài gợi ý lệnh cho bash vào" in proc.stdout
    assert "có hiệu lực khi mở lại cửa sổ dòng lệnh" in proc.stdout
    assert english_words(proc.stdout + proc.stderr, {"bash", "python"}) == []  # path words
    assert any((tmp_path / ".bash_completions").iterdir())
