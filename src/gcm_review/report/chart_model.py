"""What a chart shows, independent of how it is drawn: one model, drawn as SVG or as PNG."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bar:
    """One bar: a value, an optional interval (for survey shares), a category colour, a link."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None
    category: str | None = None  # picks the colour; explained by BarChart.legend
    href: str | None = None  # where a click on the bar leads (SVG only), e.g. "#objective-6"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per label, drawn in order."""

    name: str  # a file-safe name, e.g. "attention"
    title: str
    bars: tuple[Bar, ...]
    unit: str = ""  # "%" for shares; "" for counts
    max_value: float | None = None  # axis end; defaults to the largest value or interval end
    legend: dict[str, str] = field(default_factory=dict)  # category -> label shown in the key


@dataclass(frozen=True)
class Heatmap:
    """A grid of counts: rows by columns, darker for more."""

    name: str
    title: str
    rows: tuple[str, ...]  # row labels, e.g. "JOR Jordan"
    columns: tuple[str, ...]  # column labels, e.g. "1" .. "23"
    values: tuple[tuple[int, ...], ...]  # values[row][column]
    hrefs: tuple[tuple[str | None, ...], ...] = ()  # same shape as values, or empty


Chart = BarChart | Heatmap
