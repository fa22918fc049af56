"""The chart of a statistics document: the four-way counts per month, as stacked bars.

Drawn with matplotlib (the well-kept plotting library; an optional extra,
``giaoban[charts]``, since it is heavy). Without it there is no chart and
the caller says so.
"""

from __future__ import annotations

import io

from giaoban.render.formats import CATEGORY_LABELS
from giaoban.reports.stats import CATEGORIES, StatsReport

# Green, light green, amber, red: done on time .. open and late, as the table's colours.
COLOURS = ("#2e7d32", "#9ccc65", "#ffb300", "#c62828")


def stats_chart(report: StatsReport, fmt: str = "png") -> bytes | None:
    """Stacked bars of each month's counts, as ``fmt`` ("png", "svg"); None without
    matplotlib."""
    try:
        import matplotlib  # start-up: matplotlib only for a chart

        matplotlib.use("Agg")  # no display: draw into memory
        from matplotlib import pyplot
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        return None
    months = [f"{month:%m/%Y}" for month, _ in report.months]
    figure, axes = pyplot.subplots(figsize=(6.3, 2.8), dpi=150)
    bottom = [0] * len(months)
    for category, colour in zip(CATEGORIES, COLOURS, strict=True):
        counts = [c.get(category) for _, c in report.months]
        axes.bar(months, counts, bottom=bottom, color=colour, label=CATEGORY_LABELS[category])
        bottom = [b + n for b, n in zip(bottom, counts, strict=True)]
    axes.set_ylabel("Số việc")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    pyplot.close(figure)
    return out.getvalue()
