"""Render a synthesis as one self-contained HTML page where every statement links to its evidence.

The page needs nothing from the network: the stylesheet is inlined, charts arrive as inline SVG.
The sections come from the builders of `report/sections/`; the block macros draw them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from markupsafe import Markup

from gcm_review.frameworks.loader import Framework, load_framework
from gcm_review.report.document import Section
from gcm_review.report.html_render import environment, render_blocks, render_section
from gcm_review.report.sections import Lookup, report_sections
from gcm_review.report.sections.evidence_size import fitted
from gcm_review.report.sections.front import front_matter
from gcm_review.synthesis.records import Synthesis

_CSS = Path(__file__).parent / "assets" / "report.css"


def render_html(
    synthesis: Synthesis,
    *,
    charts: Mapping[str, str] | None = None,
    annexes: Sequence[Section] = (),
    framework: Framework | None = None,
) -> str:
    """The draft outcome report as one HTML page.

    `charts` maps "attention", "heatmap" and "principles" to trusted inline SVG (a chart not
    given is left out); `annexes` (the survey, say) are placed before the evidence appendix.
    """
    look = Lookup(synthesis, framework or load_framework())
    built = fitted(look, report_sections(look, annexes=annexes), "html")
    sections = [s for s in built if s.only in (None, "html")]
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            title=synthesis.title,
            css=Markup(_CSS.read_text(encoding="utf-8")),
            front=render_blocks(front_matter(look)),
            sections=sections,
            drawn=[render_section(section, charts=charts) for section in sections],
        )
    )
