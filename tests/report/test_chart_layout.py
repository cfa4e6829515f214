"""Layout arithmetic and styling shared by the SVG and PNG renderers."""

from __future__ import annotations

import math

import pytest

from gcm_review.report.chart_layout import (
    BAR_HEIGHT,
    ROW_HEIGHT,
    WIDTH,
    axis_end,
    cell_description,
    layout_bar_chart,
    layout_heatmap,
)
from gcm_review.report.chart_model import Bar, BarChart, Heatmap
from gcm_review.report.chart_style import (
    CATEGORY_COLOURS,
    ELLIPSIS,
    category_colours,
    estimate_text_width,
    fit_text,
    format_value,
    heat_colour,
    readable_text_colour,
)

LONG_LABEL = (
    "6. Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"
)


def _chart(*bars: Bar, **options: object) -> BarChart:
    return BarChart(name="test", title="Test chart", bars=bars, **options)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (66.666, "%", "67%"),
        (12.5, "%", "13%"),
        (0.0, "%", "0%"),
        (3.0, "", "3"),
        (2.5, "", "3"),
        (2.5, "paragraphs", "2.5 paragraphs"),
        (4.0, "paragraphs", "4 paragraphs"),
        (math.nan, "%", "–"),
    ],
)
def test_format_value(value: float, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_fit_text_keeps_short_text_and_cuts_long_text_with_an_ellipsis() -> None:
    assert fit_text("Jordan", 200, 12, estimate_text_width) == "Jordan"
    cut = fit_text(LONG_LABEL, 150, 12, estimate_text_width)
    assert cut.endswith(ELLIPSIS)
    assert LONG_LABEL.startswith(cut.removesuffix(ELLIPSIS))
    assert estimate_text_width(cut, 12) <= 150
    longer = fit_text(LONG_LABEL, 300, 12, estimate_text_width)
    assert len(longer) > len(cut)


def test_fit_text_gives_nothing_when_even_the_ellipsis_does_not_fit() -> None:
    assert fit_text("Jordan", 2, 12, estimate_text_width) == ""


def test_axis_end_uses_max_value_then_the_largest_value_or_interval_end() -> None:
    assert axis_end(_chart(Bar("a", 30), max_value=100.0)) == 100
    assert axis_end(_chart(Bar("a", 30), Bar("b", 40, low=20, high=55))) == 55
    assert axis_end(_chart(Bar("a", 0))) == 1.0
    assert axis_end(_chart(Bar("a", 5), max_value=0.0)) == 5


def test_category_colours_are_fixed_for_attention_and_distinct_for_others() -> None:
    chart = _chart(
        Bar("a", 1, category="greatest"),
        Bar("b", 1, category="not-reported"),
        Bar("c", 1, category="other"),
        legend={"some": "Some", "extra": "Extra"},
    )
    colours = category_colours(chart)
    assert colours["greatest"] == CATEGORY_COLOURS["greatest"]
    assert colours["some"] == CATEGORY_COLOURS["some"]
    assert colours["not-reported"] == CATEGORY_COLOURS["not-reported"]
    assert len(set(colours.values())) == 5
    assert category_colours(chart) == colours


def _luminance(colour: str) -> int:
    return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_heat_colour_is_white_for_zero_and_darker_for_more() -> None:
    assert heat_colour(0, 5) == "#FFFFFF"
    shades = [heat_colour(value, 5) for value in range(1, 6)]
    assert "#FFFFFF" not in shades
    assert [_luminance(s) for s in shades] == sorted((_luminance(s) for s in shades), reverse=True)
    assert len(set(shades)) == 5


def test_cell_numbers_contrast_with_their_shade() -> None:
    assert readable_text_colour(heat_colour(5, 5)) == "#FFFFFF"
    assert readable_text_colour(heat_colour(1, 5)) == "#000000"
    assert readable_text_colour("#FFFFFF") == "#000000"


def test_cell_description_counts_paragraphs() -> None:
    assert cell_description("JOR Jordan", "6", 3) == "JOR Jordan × 6: 3 paragraphs"
    assert cell_description("EGY Egypt", "10", 1) == "EGY Egypt × 10: 1 paragraph"


def test_bar_lengths_are_proportional_to_values() -> None:
    chart = _chart(Bar("half", 50), Bar("full", 100), Bar("none", 0), Bar("below", -4), unit="%")
    layout = layout_bar_chart(chart, estimate_text_width)
    half, full, none, below = (bar.rect for bar in layout.bars)
    assert full.width == pytest.approx(2 * half.width)
    assert none.width == below.width == 0
    assert full.x == half.x == layout.axis_x
    assert full.x + full.width < WIDTH
    assert [bar.rect.y for bar in layout.bars] == sorted(bar.rect.y for bar in layout.bars)
    assert half.height == BAR_HEIGHT
    assert [bar.value.text for bar in layout.bars] == ["50%", "100%", "0%", "-4%"]


def test_height_grows_with_the_number_of_bars() -> None:
    one = layout_bar_chart(_chart(Bar("a", 1)), estimate_text_width)
    three = layout_bar_chart(_chart(Bar("a", 1), Bar("b", 2), Bar("c", 3)), estimate_text_width)
    assert three.height - one.height == 2 * ROW_HEIGHT
    assert one.width == three.width == WIDTH


def test_interval_spans_low_to_high_and_pushes_the_value_text_right() -> None:
    layout = layout_bar_chart(
        _chart(Bar("share", 40, low=30, high=60), max_value=100.0), estimate_text_width
    )
    placed = layout.bars[0]
    assert placed.whisker is not None
    end = placed.rect.x + placed.rect.width
    assert placed.whisker.x_low < end < placed.whisker.x_high
    assert placed.value.x > placed.whisker.x_high
    assert placed.description == "share: 40 (interval 30 to 60)"


def test_long_labels_are_cut_but_keep_their_full_text() -> None:
    layout = layout_bar_chart(_chart(Bar(LONG_LABEL, 3)), estimate_text_width)
    label = layout.bars[0].label
    assert label.text.endswith(ELLIPSIS)
    assert label.full == LONG_LABEL
    assert LONG_LABEL in layout.bars[0].description
    assert label.x - estimate_text_width(label.text, label.size) >= 0


def test_legend_wraps_onto_new_rows_when_too_wide() -> None:
    legend = {f"c{i}": f"A rather long legend entry number {i}" for i in range(6)}
    layout = layout_bar_chart(_chart(Bar("a", 1), legend=legend), estimate_text_width)
    assert len(layout.legend) == 6
    rows = {entry.swatch.y for entry in layout.legend}
    assert len(rows) > 1
    assert all(e.label.x + estimate_text_width(e.label.text, 12) <= WIDTH for e in layout.legend)
    assert layout.bars[0].rect.y > max(rows)


def test_empty_bar_chart_gets_a_no_data_note() -> None:
    layout = layout_bar_chart(_chart(), estimate_text_width)
    assert layout.bars == ()
    assert layout.empty_note is not None
    assert layout.empty_note.text == "No data"


def _heatmap(**options: object) -> Heatmap:
    fields: dict[str, object] = {
        "name": "heatmap",
        "title": "Paragraphs by state",
        "rows": ("JOR Jordan", "EGY Egypt"),
        "columns": ("1", "6", "10"),
        "values": ((0, 3, 1), (2, 0, 0)),
    }
    fields.update(options)
    return Heatmap(**fields)


def test_heatmap_places_one_cell_per_value_with_numbers_only_when_not_zero() -> None:
    layout = layout_heatmap(_heatmap(), estimate_text_width)
    assert len(layout.cells) == 6
    assert [cell.value for cell in layout.cells] == [0, 3, 1, 2, 0, 0]
    assert [cell.number.text if cell.number else None for cell in layout.cells] == [
        None,
        "3",
        "1",
        "2",
        None,
        None,
    ]
    assert layout.cells[0].rect.fill == "#FFFFFF"
    assert layout.cells[1].description == "JOR Jordan × 6: 3 paragraphs"
    assert [t.text for t in layout.row_labels] == ["JOR Jordan", "EGY Egypt"]
    assert [t.text for t in layout.column_labels] == ["1", "6", "10"]


def test_heatmap_rejects_values_or_hrefs_of_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match="values"):
        layout_heatmap(_heatmap(values=((1, 2, 3),)), estimate_text_width)
    with pytest.raises(ValueError, match="hrefs"):
        layout_heatmap(_heatmap(hrefs=(("#a",),)), estimate_text_width)


def test_empty_heatmap_gets_a_no_data_note() -> None:
    layout = layout_heatmap(_heatmap(rows=(), values=()), estimate_text_width)
    assert layout.cells == ()
    assert layout.empty_note is not None
