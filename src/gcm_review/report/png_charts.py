"""Draw a chart as a PNG image with Pillow, at twice the layout size for print (Word reports)."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw, ImageFont

from gcm_review.report.chart_layout import (
    BarChartLayout,
    HeatmapLayout,
    Rect,
    Text,
    Whisker,
    layout_bar_chart,
    layout_heatmap,
)
from gcm_review.report.chart_model import BarChart, Chart
from gcm_review.report.chart_style import AXIS_COLOUR, CELL_BORDER, TEXT_COLOUR

SCALE = 2
DPI = 96 * SCALE  # so the image's natural size equals the SVG's size in CSS pixels
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
BOLD_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
)
_ANCHORS = {"start": "lm", "middle": "mm", "end": "rm"}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.cache
def load_font(pixels: int, *, bold: bool = False) -> Font:
    """The first installed TrueType font of the lists, else Pillow's built-in font."""
    for path in (BOLD_FONT_PATHS if bold else ()) + FONT_PATHS:
        try:
            return ImageFont.truetype(path, pixels)
        except OSError:
            continue
    return ImageFont.load_default(size=pixels)


def measure_text(text: str, size: float) -> float:
    """Width of `text` in layout pixels, measured with the font the PNG is drawn with."""
    return float(load_font(round(size * SCALE)).getlength(text)) / SCALE


def _scaled(*values: float) -> list[float]:
    return [value * SCALE for value in values]


def _draw_rect(draw: ImageDraw.ImageDraw, rect: Rect, outline: str | None = None) -> None:
    if rect.width < 0.5 or rect.height < 0.5:
        return
    x0, y0, x1, y1 = _scaled(rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
    draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=rect.fill, outline=outline)


def _draw_text(draw: ImageDraw.ImageDraw, text: Text) -> None:
    if not text.text:
        return
    font = load_font(round(text.size * SCALE), bold=text.bold)
    x, y = _scaled(text.x, text.y)
    draw.text((x, y), text.text, fill=text.colour, font=font, anchor=_ANCHORS[text.anchor])


def _draw_whisker(draw: ImageDraw.ImageDraw, whisker: Whisker) -> None:
    low, high, y = _scaled(whisker.x_low, whisker.x_high, whisker.y)
    half = whisker.cap * SCALE / 2
    width = round(1.5 * SCALE)
    draw.line((low, y, high, y), fill=TEXT_COLOUR, width=width)
    for x in (low, high):
        draw.line((x, y - half, x, y + half), fill=TEXT_COLOUR, width=width)


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (width * SCALE, height * SCALE), "#FFFFFF")
    return image, ImageDraw.Draw(image)


def _draw_bar_chart(layout: BarChartLayout) -> Image.Image:
    image, draw = _canvas(layout.width, layout.height)
    _draw_text(draw, layout.title)
    for entry in layout.legend:
        _draw_rect(draw, entry.swatch)
        _draw_text(draw, entry.label)
    if layout.empty_note:
        _draw_text(draw, layout.empty_note)
        return image
    for placed in layout.bars:
        _draw_text(draw, placed.label)
        _draw_rect(draw, placed.rect)
        if placed.whisker:
            _draw_whisker(draw, placed.whisker)
        _draw_text(draw, placed.value)
    top = min(bar.rect.y for bar in layout.bars) - 4
    bottom = max(bar.rect.y + bar.rect.height for bar in layout.bars) + 4
    x, y0, y1 = _scaled(layout.axis_x, top, bottom)
    draw.line((x, y0, x, y1), fill=AXIS_COLOUR, width=SCALE)
    return image


def _draw_heatmap(layout: HeatmapLayout) -> Image.Image:
    image, draw = _canvas(layout.width, layout.height)
    _draw_text(draw, layout.title)
    if layout.empty_note:
        _draw_text(draw, layout.empty_note)
        return image
    for label in layout.column_labels + layout.row_labels:
        _draw_text(draw, label)
    for cell in layout.cells:
        _draw_rect(draw, cell.rect, outline=CELL_BORDER)
        if cell.number:
            _draw_text(draw, cell.number)
    return image


def render_png(chart: Chart) -> bytes:
    """The chart as PNG bytes, 2 image pixels per layout pixel, without links."""
    if isinstance(chart, BarChart):
        image = _draw_bar_chart(layout_bar_chart(chart, measure_text))
    else:
        image = _draw_heatmap(layout_heatmap(chart, measure_text))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(DPI, DPI))
    return buffer.getvalue()
