"""PNG charts for the Word report: valid images, bars and cells where the layout puts them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image

from gcm_review.report import png_charts
from gcm_review.report.chart_layout import WIDTH, Rect, layout_bar_chart, layout_heatmap
from gcm_review.report.chart_model import Bar, BarChart, Heatmap
from gcm_review.report.png_charts import SCALE, measure_text, render_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WHITE = (255, 255, 255)


def _attention() -> BarChart:
    return BarChart(
        name="attention",
        title="Share of states by objective",
        bars=(
            Bar("6. Fair and ethical recruitment", 80.0, category="greatest", href="#objective-6"),
            Bar("10. منع الاتجار بالبشر <script>", 40.0, category="some"),
            Bar("Survey: yes", 30.0, low=20.0, high=60.0),
        ),
        unit="%",
        max_value=100.0,
        legend={"greatest": "Greatest attention", "some": "Some attention"},
    )


def _heatmap() -> Heatmap:
    return Heatmap(
        name="heatmap",
        title="Paragraphs by state",
        rows=("JOR Jordan", "EGY مصر"),
        columns=("1", "6", "10"),
        values=((0, 3, 1), (2, 0, 0)),
        hrefs=((None, "#cell-JOR-6", "#cell-JOR-10"), ("#cell-EGY-1", None, None)),
    )


def _open(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


def _pixel(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    colour = image.getpixel((round(x * SCALE), round(y * SCALE)))
    assert isinstance(colour, tuple)
    return (colour[0], colour[1], colour[2])


def _hex(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _has_ink(image: Image.Image, box: Rect) -> bool:
    area = image.crop(
        (
            round(box.x * SCALE),
            round(box.y * SCALE),
            round((box.x + box.width) * SCALE),
            round((box.y + box.height) * SCALE),
        )
    )
    return _not_all_white(area)


def _not_all_white(image: Image.Image) -> bool:
    return any(low < 255 for low, _ in image.getextrema())  # type: ignore[misc]


def test_png_is_a_valid_image_at_twice_the_layout_size() -> None:
    png = render_png(_attention())
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    layout = layout_bar_chart(_attention(), measure_text)
    assert image.format == "PNG"
    assert image.size == (WIDTH * SCALE, layout.height * SCALE)
    dpi = image.info["dpi"]
    assert round(dpi[0]) == round(dpi[1]) == 96 * SCALE


def test_bars_are_drawn_in_their_colour_where_the_layout_puts_them() -> None:
    chart = _attention()
    image = _open(render_png(chart))
    layout = layout_bar_chart(chart, measure_text)
    for placed in layout.bars:
        rect = placed.rect
        assert _pixel(image, rect.x + rect.width / 4, rect.y + 3) == _hex(rect.fill)
        beyond = max(placed.value.x + 60, rect.x + rect.width + 2)
        if placed.whisker is None and beyond < WIDTH:
            assert _pixel(image, beyond, rect.y + 3) == WHITE
    assert _hex(layout.bars[0].rect.fill) != _hex(layout.bars[1].rect.fill)


def test_interval_is_drawn_beyond_the_bar_end() -> None:
    chart = _attention()
    image = _open(render_png(chart))
    placed = layout_bar_chart(chart, measure_text).bars[2]
    assert placed.whisker is not None
    bar_end = placed.rect.x + placed.rect.width
    middle = (bar_end + placed.whisker.x_high) / 2
    assert sum(_pixel(image, middle, placed.whisker.y)) < 200
    assert _pixel(image, middle, placed.rect.y + 1) == WHITE


def test_labels_values_title_and_legend_leave_ink() -> None:
    chart = _attention()
    image = _open(render_png(chart))
    layout = layout_bar_chart(chart, measure_text)
    for placed in layout.bars:  # the Arabic label included
        label = placed.label
        width = measure_text(label.text, label.size)
        assert _has_ink(image, Rect(label.x - width, label.y - 6, width, 12, "#000000"))
        assert _has_ink(image, Rect(placed.value.x, placed.value.y - 6, 20, 12, "#000000"))
    assert _has_ink(image, Rect(layout.title.x, layout.title.y - 7, 100, 14, "#000000"))
    for entry in layout.legend:
        assert _pixel(image, entry.swatch.x + 6, entry.swatch.y + 6) == _hex(entry.swatch.fill)


def test_heatmap_cells_are_shaded_by_value() -> None:
    chart = _heatmap()
    image = _open(render_png(chart))
    layout = layout_heatmap(chart, measure_text)
    assert image.size == (WIDTH * SCALE, layout.height * SCALE)
    for cell in layout.cells:
        inside = _pixel(image, cell.rect.x + 3, cell.rect.y + 3)
        assert inside == _hex(cell.rect.fill)
        assert (inside == WHITE) == (cell.value == 0)
        if cell.number:
            assert _shows_colour(image, cell.rect, _hex(cell.number.colour))


def _shows_colour(image: Image.Image, box: Rect, colour: tuple[int, int, int]) -> bool:
    """Whether a pixel near `colour` appears inside the box (the printed number of a cell)."""
    area = image.crop(
        (
            round(box.x * SCALE) + 2,
            round(box.y * SCALE) + 2,
            round((box.x + box.width) * SCALE) - 2,
            round((box.y + box.height) * SCALE) - 2,
        )
    )
    counts = area.getcolors(maxcolors=100_000) or []
    pixels = [c for _, c in counts if isinstance(c, tuple)]
    return any(all(abs(a - b) < 40 for a, b in zip(c, colour, strict=True)) for c in pixels)


@pytest.mark.parametrize(
    "chart",
    [
        BarChart(name="empty", title="Nothing yet", bars=()),
        Heatmap(name="empty", title="Nothing yet", rows=(), columns=(), values=()),
    ],
)
def test_empty_charts_render_a_no_data_image(chart: BarChart | Heatmap) -> None:
    png = render_png(chart)
    assert png.startswith(PNG_SIGNATURE)
    image = _open(png)
    assert image.width == WIDTH * SCALE
    lower_half = image.crop((0, image.height // 2, image.width, image.height))
    assert _not_all_white(lower_half)


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(png_charts, "FONT_PATHS", ("/nonexistent/font.ttf",))
    monkeypatch.setattr(png_charts, "BOLD_FONT_PATHS", ())
    png_charts.load_font.cache_clear()
    yield
    png_charts.load_font.cache_clear()


@pytest.mark.usefixtures("no_system_fonts")
def test_without_system_fonts_the_built_in_font_is_used() -> None:
    font = png_charts.load_font(24)
    assert font.getlength("Jordan") > 0
    image = _open(render_png(_attention()))
    assert image.width == WIDTH * SCALE


def test_rendering_is_deterministic() -> None:
    assert render_png(_heatmap()) == render_png(_heatmap())
