"""Charts on the app's pages: the report's inline SVG, fitted to the app's Content-Security-Policy.

The report's SVG sizes itself with a style attribute, which the app's policy (style-src 'self')
blocks; analysis.css sizes `.chart svg` instead, so the attribute of the root element is dropped.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from gcm_review.report.chart_model import Chart
from gcm_review.report.svg_charts import render_svg

_ROOT_STYLE = re.compile(r'^(<svg\b[^>]*?) style="[^"]*"')


def inline_svg(chart: Chart) -> Markup:
    """The chart as an <svg> element to place in a page (drawn, and escaped, by the report)."""
    return Markup(_ROOT_STYLE.sub(r"\1", render_svg(chart), count=1))
