"""Draw a chart as one inline <svg> element: no scripts, no external references, links only to
fragments of the same page."""

from __future__ import annotations

import re

from gcm_review.report.chart_layout import (
    FONT_SIZE,
    BarChartLayout,
    HeatmapLayout,
    PlacedBar,
    PlacedCell,
    Rect,
    Text,
    Whisker,
    layout_bar_chart,
    layout_heatmap,
)
from gcm_review.report.chart_model import BarChart, Chart
from gcm_review.report.chart_style import (
    AXIS_COLOUR,
    CELL_BORDER,
    FONT_FAMILIES,
    TEXT_COLOUR,
    estimate_text_width,
)

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text made safe for XML content and double-quoted attributes."""
    text = _NOT_XML.sub("", text)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        text = text.replace(char, entity)
    return text


def safe_fragment(href: str | None) -> str | None:
    """The href if it points inside the same page ("#..."), else None: reports stay offline."""
    if href is None or not href.startswith("#") or len(href) < 2:
        return None
    if any(char.isspace() for char in href):
        return None
    return href


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(text: Text, *, hint: bool = True) -> str:
    """A <text>; when it was cut short, a <title> holds the full text unless `hint` is off."""
    attributes = f'x="{_number(text.x)}" y="{_number(text.y)}" dominant-baseline="central"'
    if text.anchor != "start":
        attributes += f' text-anchor="{text.anchor}"'
    if text.size != FONT_SIZE:
        attributes += f' font-size="{_number(text.size)}"'
    if text.colour != TEXT_COLOUR:
        attributes += f' fill="{text.colour}"'
    if text.bold:
        attributes += ' font-weight="bold"'
    title = f"<title>{xml_text(text.full)}</title>" if hint and text.text != text.full else ""
    return f"<text {attributes}>{title}{xml_text(text.text)}</text>"


def _rect(rect: Rect, extra: str = "") -> str:
    return (
        f'<rect x="{_number(rect.x)}" y="{_number(rect.y)}" width="{_number(rect.width)}" '
        f'height="{_number(rect.height)}" fill="{rect.fill}"{extra}/>'
    )


def _whisker(whisker: Whisker) -> str:
    low, high, y = _number(whisker.x_low), _number(whisker.x_high), whisker.y
    top, bottom = _number(y - whisker.cap / 2), _number(y + whisker.cap / 2)
    path = f"M{low} {_number(y)}H{high}M{low} {top}V{bottom}M{high} {top}V{bottom}"
    return (
        f'<path class="interval" d="{path}" stroke="{TEXT_COLOUR}" stroke-width="1.5" fill="none"/>'
    )


def _link(body: str, href: str | None) -> str:
    safe = safe_fragment(href)
    return f'<a href="{xml_text(safe)}">{body}</a>' if safe else body


def _open_svg(width: int, height: int, title: str, *, empty: bool) -> str:
    label = f"{title}: no data" if empty else title
    families = ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)
    return (
        f'<svg xmlns="{SVG_NAMESPACE}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{xml_text(label)}" '
        f'font-family="{families}" font-size="{_number(FONT_SIZE)}" fill="{TEXT_COLOUR}" '
        f'style="max-width:100%;height:auto">'
        f"<title>{xml_text(title)}</title>"
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>'
    )


def _bar(placed: PlacedBar) -> str:
    parts = [
        f"<title>{xml_text(placed.description)}</title>",
        _text(placed.label, hint=False),  # the bar's own <title> holds the full label
        _rect(placed.rect),
    ]
    if placed.whisker:
        parts.append(_whisker(placed.whisker))
    parts.append(_text(placed.value))
    return _link(f'<g class="bar">{"".join(parts)}</g>', placed.bar.href)


def _bar_chart_svg(layout: BarChartLayout) -> str:
    title = layout.title.full
    empty = layout.empty_note is not None
    parts = [_open_svg(layout.width, layout.height, title, empty=empty), _text(layout.title)]
    if layout.legend:
        entries = "".join(_rect(e.swatch) + _text(e.label) for e in layout.legend)
        parts.append(f'<g class="legend">{entries}</g>')
    if layout.empty_note:
        parts.append(_text(layout.empty_note))
    else:
        parts.append(f'<g class="bars">{"".join(_bar(bar) for bar in layout.bars)}</g>')
        top = min(bar.rect.y for bar in layout.bars) - 4
        bottom = max(bar.rect.y + bar.rect.height for bar in layout.bars) + 4
        x = _number(layout.axis_x)
        parts.append(
            f'<line class="axis" x1="{x}" y1="{_number(top)}" x2="{x}" y2="{_number(bottom)}" '
            f'stroke="{AXIS_COLOUR}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _cell(cell: PlacedCell) -> str:
    border = f' stroke="{CELL_BORDER}" stroke-width="0.5" class="cell"'
    body = f"<title>{xml_text(cell.description)}</title>{_rect(cell.rect, border)}"
    if cell.number:
        body += _text(cell.number)
    return _link(f"<g>{body}</g>", cell.href if cell.value > 0 else None)


def _heatmap_svg(layout: HeatmapLayout) -> str:
    title = layout.title.full
    empty = layout.empty_note is not None
    parts = [_open_svg(layout.width, layout.height, title, empty=empty), _text(layout.title)]
    if layout.empty_note:
        parts.append(_text(layout.empty_note))
    else:
        parts.append(f'<g class="columns">{"".join(_text(t) for t in layout.column_labels)}</g>')
        parts.append(f'<g class="rows">{"".join(_text(t) for t in layout.row_labels)}</g>')
        parts.append(f'<g class="cells">{"".join(_cell(c) for c in layout.cells)}</g>')
    parts.append("</svg>")
    return "".join(parts)


def render_svg(chart: Chart) -> str:
    """The chart as one self-contained <svg> element, ready to inline in an HTML page."""
    if isinstance(chart, BarChart):
        return _bar_chart_svg(layout_bar_chart(chart, estimate_text_width))
    return _heatmap_svg(layout_heatmap(chart, estimate_text_width))
