"""The floor a Python CLI cannot go below: a bare typer program printing a 20-row rich table.

``bench/run.py`` times it beside ``giaoban week`` on the bundled data: the
target is for giaoban to stay within 1.3 times this program's time.
"""

from __future__ import annotations

import typer
from rich.console import Console  # noqa: TID251 - the baseline is outside giaoban
from rich.table import Table  # noqa: TID251

app = typer.Typer(add_completion=False)


@app.command()
def week(rows: int = 20) -> None:
    """Print a table of ``rows`` made-up tasks."""
    table = Table(title="Báo cáo tuần")
    for name in ("Mã", "Nội dung", "Đơn vị chủ trì", "Hạn", "Tình trạng"):
        table.add_column(name)
    for i in range(1, rows + 1):
        table.add_row(
            f"2022-04-14-giao-ban#{i}",
            "Báo cáo kết quả công việc về Văn phòng Trung ương Đoàn",
            "Văn phòng Trung ương Đoàn",
            "14:00 thứ Sáu 15/04/2022",
            "đến hạn",
        )
    Console().print(table)


if __name__ == "__main__":
    app()
