"""How chart text and colours look: fonts, palette, value formats, fitting text into a width.
Used by chart_layout (where things go) and by both renderers."""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from gcm_review.report.chart_model import BarChart

FONT_FAMILIES = ("DejaVu Sans", "Noto Naskh Arabic", "Arial", "sans-serif")
ELLIPSIS = "…"
NO_DATA = "No data"

TEXT_COLOUR = "#222222"
AXIS_COLOUR = "#888888"
CELL_BORDER = "#D0D0D0"
DEFAULT_BAR_COLOUR = "#0072B2"
# Okabe-Ito colours (and a neutral grey), safe for the common kinds of colour blindness.
CATEGORY_COLOURS = {"greatest": "#0072B2", "some": "#56B4E9", "not-reported": "#999999"}
EXTRA_COLOURS = ("#E69F00", "#009E73", "#CC79A7", "#D55E00", "#F0E442", "#000000")
# Heat shades by share of the largest count: light blue near 0, dark blue at the largest.
HEAT_STOPS = ((0.0, (222, 235, 247)), (0.5, (107, 174, 214)), (1.0, (8, 48, 107)))

TextMeasure = Callable[[str, float], float]
"""Width in pixels of a text at a font size."""


def estimate_text_width(text: str, size: float) -> float:
    """A generous guess of the width of `text` in a sans-serif font, for when no font is at hand."""
    em = 0.0
    for char in text:
        if unicodedata.combining(char):
            continue
        if unicodedata.east_asian_width(char) in ("W", "F"):
            em += 1.0
        elif char in "ijl.,:;'|!ftrI ()[]":
            em += 0.38
        elif char in "mwMW@%":
            em += 0.98
        elif char.isupper():
            em += 0.74
        else:
            em += 0.64
    return em * size


def fit_text(text: str, max_width: float, size: float, measure: TextMeasure) -> str:
    """The text, cut and ended with an ellipsis if it is wider than `max_width`."""
    if measure(text, size) <= max_width:
        return text
    if measure(ELLIPSIS, size) > max_width:
        return ""
    shortest, longest = 0, len(text)  # text[:shortest] + "…" fits; text[:longest] + "…" does not
    while longest - shortest > 1:
        middle = (shortest + longest) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS, size) <= max_width:
            shortest = middle
        else:
            longest = middle
    return text[:shortest].rstrip() + ELLIPSIS


def clean_label(text: str) -> str:
    """The text on one line, with runs of white space made single spaces."""
    return " ".join(text.split())


def format_value(value: float, unit: str) -> str:
    """A value for print: shares as whole percentages, counts as integers, "–" if not a number."""
    if not math.isfinite(value):
        return "–"
    whole = int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if unit == "%":
        return f"{whole}%"
    if unit and value != whole:
        return f"{value:.1f} {unit}"
    return f"{whole} {unit}" if unit else str(whole)


def category_colours(chart: BarChart) -> dict[str, str]:
    """A colour for every category in the legend or on a bar, the same in every renderer."""
    names = list(chart.legend) + [b.category for b in chart.bars if b.category is not None]
    colours: dict[str, str] = {}
    spare = iter(EXTRA_COLOURS)
    for name in dict.fromkeys(names):
        colours[name] = CATEGORY_COLOURS.get(name) or next(spare, DEFAULT_BAR_COLOUR)
    return colours


def heat_colour(value: int, largest: int) -> str:
    """White for 0, then light to dark blue up to the largest value."""
    if value <= 0 or largest <= 0:
        return "#FFFFFF"
    share = min(value / largest, 1.0)
    for (start, low), (end, high) in itertools.pairwise(HEAT_STOPS):
        if share <= end:
            mix = (share - start) / (end - start)
            red, green, blue = (round(a + (b - a) * mix) for a, b in zip(low, high, strict=True))
            return f"#{red:02X}{green:02X}{blue:02X}"
    return "#{:02X}{:02X}{:02X}".format(*HEAT_STOPS[-1][1])


def readable_text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with the fill colour ("#RRGGBB")."""
    channels = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"
