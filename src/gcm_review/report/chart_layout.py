"""Where everything in a chart goes: sizes and positions of texts, bars and cells, shared by the SVG
and PNG renderers. Coordinates are in CSS pixels; the PNG renderer multiplies them by its scale."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gcm_review.report.chart_model import Bar, BarChart, Heatmap
from gcm_review.report.chart_style import (
    AXIS_COLOUR,
    DEFAULT_BAR_COLOUR,
    NO_DATA,
    TEXT_COLOUR,
    TextMeasure,
    category_colours,
    clean_label,
    fit_text,
    format_value,
    heat_colour,
    readable_text_colour,
)

WIDTH = 720
MARGIN = 12
FONT_SIZE = 12.0
TITLE_SIZE = 15.0
SMALL_SIZE = 11.0
TITLE_BAND = 30.0  # from the top margin to the first thing under the title
LEGEND_ROW = 20.0
SWATCH = 12.0
ROW_HEIGHT = 26.0
BAR_HEIGHT = 16.0
GAP = 6.0
CELL_HEIGHT = 22.0
MAX_CELL_WIDTH = 56.0
EMPTY_BAND = 40.0
BOLD_WIDENING = 1.12


@dataclass(frozen=True)
class Text:
    """A line of text; `y` is its vertical middle, `anchor` is "start", "middle" or "end"."""

    text: str
    full: str  # the text before truncation
    x: float
    y: float
    anchor: str = "start"
    size: float = FONT_SIZE
    colour: str = TEXT_COLOUR
    bold: bool = False


@dataclass(frozen=True)
class Rect:
    """A filled rectangle."""

    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Whisker:
    """An interval line from x_low to x_high at height y, with end caps."""

    x_low: float
    x_high: float
    y: float
    cap: float


@dataclass(frozen=True)
class PlacedBar:
    """One bar with its label, value text, interval and tooltip."""

    bar: Bar
    rect: Rect
    label: Text
    value: Text
    whisker: Whisker | None
    description: str


@dataclass(frozen=True)
class LegendEntry:
    """A colour swatch and what it means."""

    swatch: Rect
    label: Text


@dataclass(frozen=True)
class BarChartLayout:
    """A bar chart ready to draw; `empty_note` is set (and `bars` empty) when there is no data."""

    width: int
    height: int
    title: Text
    legend: tuple[LegendEntry, ...]
    bars: tuple[PlacedBar, ...]
    axis_x: float
    empty_note: Text | None


@dataclass(frozen=True)
class PlacedCell:
    """One heatmap cell with its number (None when empty or too narrow) and tooltip."""

    rect: Rect
    number: Text | None
    value: int
    href: str | None
    description: str


@dataclass(frozen=True)
class HeatmapLayout:
    """A heatmap ready to draw; `empty_note` is set (and `cells` empty) when there is no data."""

    width: int
    height: int
    title: Text
    row_labels: tuple[Text, ...]
    column_labels: tuple[Text, ...]
    cells: tuple[PlacedCell, ...]
    empty_note: Text | None


def axis_end(chart: BarChart) -> float:
    """The value at the right end of the axis: the chart's max_value, else the largest value."""
    if chart.max_value is not None and math.isfinite(chart.max_value) and chart.max_value > 0:
        return chart.max_value
    ends = [v for b in chart.bars for v in (b.value, b.low, b.high) if v is not None]
    largest = max((v for v in ends if math.isfinite(v)), default=0.0)
    return largest if largest > 0 else 1.0


def cell_description(row: str, column: str, value: int) -> str:
    """The tooltip of a heatmap cell, e.g. "JOR Jordan × 6: 3 paragraphs"."""
    noun = "paragraph" if value == 1 else "paragraphs"
    return f"{clean_label(row)} × {clean_label(column)}: {value} {noun}"


def _title(title: str, measure: TextMeasure) -> Text:
    full = clean_label(title)
    # The title is bold; measures are of the regular face, so leave room for the bolder letters.
    text = fit_text(full, (WIDTH - 2 * MARGIN) / BOLD_WIDENING, TITLE_SIZE, measure)
    return Text(text, full, MARGIN, MARGIN + TITLE_SIZE / 2 + 2, size=TITLE_SIZE, bold=True)


def _empty_note(top: float) -> Text:
    return Text(NO_DATA, NO_DATA, WIDTH / 2, top + EMPTY_BAND / 2, "middle", colour=AXIS_COLOUR)


def _label_column(labels: Sequence[str], share: float, measure: TextMeasure) -> float:
    widest = max((measure(clean_label(label), FONT_SIZE) for label in labels), default=0.0)
    return max(40.0, min(widest + 2, (WIDTH - 2 * MARGIN) * share))


def _legend(
    legend: dict[str, str], colours: dict[str, str], top: float, measure: TextMeasure
) -> tuple[tuple[LegendEntry, ...], float]:
    """Legend entries in rows under the title, and the y where the next thing starts."""
    entries: list[LegendEntry] = []
    x, y = float(MARGIN), top
    for category, meaning in legend.items():
        full = clean_label(meaning)
        text = fit_text(full, WIDTH - 2 * MARGIN - SWATCH - GAP, FONT_SIZE, measure)
        width = SWATCH + GAP + measure(text, FONT_SIZE) + 3 * GAP
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, y = float(MARGIN), y + LEGEND_ROW
        swatch = Rect(x, y + (LEGEND_ROW - SWATCH) / 2, SWATCH, SWATCH, colours[category])
        entries.append(LegendEntry(swatch, Text(text, full, x + SWATCH + GAP, y + LEGEND_ROW / 2)))
        x += width
    return tuple(entries), (y + LEGEND_ROW if entries else top)


@dataclass(frozen=True)
class _Plot:
    left: float
    width: float
    label_width: float
    axis_max: float
    unit: str


def _x(plot: _Plot, value: float) -> float:
    share = value / plot.axis_max if math.isfinite(value) else 0.0
    return plot.left + plot.width * min(max(share, 0.0), 1.0)


def _bar_description(bar: Bar, unit: str) -> str:
    text = f"{clean_label(bar.label)}: {format_value(bar.value, unit)}"
    if bar.low is not None or bar.high is not None:
        low, high = (v if v is not None else bar.value for v in (bar.low, bar.high))
        text += f" (interval {format_value(low, unit)} to {format_value(high, unit)})"
    return text


def _place_bar(bar: Bar, top: float, plot: _Plot, colour: str, measure: TextMeasure) -> PlacedBar:
    middle = top + ROW_HEIGHT / 2
    end = _x(plot, bar.value)
    rect = Rect(plot.left, middle - BAR_HEIGHT / 2, end - plot.left, BAR_HEIGHT, colour)
    whisker = None
    if bar.low is not None or bar.high is not None:
        low, high = (_x(plot, v if v is not None else bar.value) for v in (bar.low, bar.high))
        whisker = Whisker(min(low, high), max(low, high), middle, BAR_HEIGHT * 0.6)
    value_x = max(end, whisker.x_high if whisker else end) + GAP
    value = format_value(bar.value, plot.unit)
    full = clean_label(bar.label)
    label = fit_text(full, plot.label_width, FONT_SIZE, measure)
    return PlacedBar(
        bar=bar,
        rect=rect,
        label=Text(label, full, plot.left - GAP, middle, "end"),
        value=Text(value, value, value_x, middle),
        whisker=whisker,
        description=_bar_description(bar, plot.unit),
    )


def layout_bar_chart(chart: BarChart, measure: TextMeasure) -> BarChartLayout:
    """Place the title, legend and bars of a bar chart; a "no data" note when it has no bars."""
    title = _title(chart.title, measure)
    colours = category_colours(chart)
    legend, top = _legend(chart.legend, colours, MARGIN + TITLE_BAND, measure)
    if not chart.bars:
        height = math.ceil(top + EMPTY_BAND + MARGIN)
        return BarChartLayout(WIDTH, height, title, legend, (), MARGIN, _empty_note(top))
    label_width = _label_column([b.label for b in chart.bars], 0.4, measure)
    values = [format_value(b.value, chart.unit) for b in chart.bars]
    value_width = max(measure(v, FONT_SIZE) for v in values) + 2 * GAP
    left = MARGIN + label_width + GAP
    plot = _Plot(
        left, WIDTH - MARGIN - value_width - left, label_width, axis_end(chart), chart.unit
    )
    bars = tuple(
        _place_bar(
            bar,
            top + i * ROW_HEIGHT,
            plot,
            colours.get(bar.category, DEFAULT_BAR_COLOUR) if bar.category else DEFAULT_BAR_COLOUR,
            measure,
        )
        for i, bar in enumerate(chart.bars)
    )
    height = math.ceil(top + len(bars) * ROW_HEIGHT + MARGIN)
    return BarChartLayout(WIDTH, height, title, legend, bars, left, None)


def _check_shape(chart: Heatmap) -> None:
    shape = (len(chart.rows), len(chart.columns))
    if len(chart.values) != shape[0] or any(len(row) != shape[1] for row in chart.values):
        raise ValueError(f"heatmap {chart.name!r}: values must be {shape[0]} rows × {shape[1]}")
    if chart.hrefs and (
        len(chart.hrefs) != shape[0] or any(len(row) != shape[1] for row in chart.hrefs)
    ):
        raise ValueError(f"heatmap {chart.name!r}: hrefs must be empty or shaped like values")


def _place_cell(
    chart: Heatmap, row: int, column: int, rect: Rect, measure: TextMeasure
) -> PlacedCell:
    value = chart.values[row][column]
    href = chart.hrefs[row][column] if chart.hrefs else None
    number = None
    if value > 0 and measure(str(value), SMALL_SIZE) <= rect.width - 2:
        colour = readable_text_colour(rect.fill)
        middle = (rect.x + rect.width / 2, rect.y + rect.height / 2)
        number = Text(str(value), str(value), *middle, "middle", SMALL_SIZE, colour)
    description = cell_description(chart.rows[row], chart.columns[column], value)
    return PlacedCell(rect, number, value, href, description)


def layout_heatmap(chart: Heatmap, measure: TextMeasure) -> HeatmapLayout:
    """Place the title, row and column labels and cells of a heatmap; "no data" when it is empty."""
    _check_shape(chart)
    title = _title(chart.title, measure)
    top = MARGIN + TITLE_BAND
    if not chart.rows or not chart.columns:
        height = math.ceil(top + EMPTY_BAND + MARGIN)
        return HeatmapLayout(WIDTH, height, title, (), (), (), _empty_note(top))
    label_width = _label_column(chart.rows, 0.35, measure)
    left = MARGIN + label_width + GAP
    cell_width = min((WIDTH - MARGIN - left) / len(chart.columns), MAX_CELL_WIDTH)
    grid_top = top + LEGEND_ROW
    largest = max(max(row) for row in chart.values)
    columns = []
    for j, name in enumerate(chart.columns):
        full = clean_label(name)
        text = fit_text(full, cell_width - 2, SMALL_SIZE, measure)
        x = left + (j + 0.5) * cell_width
        columns.append(Text(text, full, x, top + LEGEND_ROW / 2, "middle", SMALL_SIZE))
    rows, cells = [], []
    for i, name in enumerate(chart.rows):
        y = grid_top + i * CELL_HEIGHT
        full = clean_label(name)
        text = fit_text(full, label_width, FONT_SIZE, measure)
        rows.append(Text(text, full, left - GAP, y + CELL_HEIGHT / 2, "end"))
        for j in range(len(chart.columns)):
            fill = heat_colour(chart.values[i][j], largest)
            rect = Rect(left + j * cell_width, y, cell_width, CELL_HEIGHT, fill)
            cells.append(_place_cell(chart, i, j, rect, measure))
    height = math.ceil(grid_top + len(rows) * CELL_HEIGHT + MARGIN)
    return HeatmapLayout(WIDTH, height, title, tuple(rows), tuple(columns), tuple(cells), None)
