"""The synthesis page's sections: the report's own (`report/sections/`), drawn by the report's
block macros for the web.

What differs from the HTML report:
- an evidence reference such as [12] opens the paragraph on its document's page in the app
  (`ScopedSynthesis.link`), not the report's evidence appendix;
- the evidence appendix and the country by objective matrix are left out: the app shows every
  paragraph on its document's page and has a page of its own for the matrix, with each cell's
  paragraphs, so the synthesis page stays a few hundred kilobytes however large the corpus;
- each draft key message says what it was drafted from ("Based on the recommendations"), as
  the app showed before the report's sections;
- charts are the app's (no style attribute, which the app's Content-Security-Policy blocks).

The blocks only the HTML report draws are drawn; those for Word are not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from gcm_review.frameworks.labels import wording
from gcm_review.frameworks.loader import Framework
from gcm_review.report import document as d
from gcm_review.report.html_render import render_section
from gcm_review.report.sections import Lookup, report_sections
from gcm_review.report.synthesis_charts import attention_chart, principles_chart
from gcm_review.synthesis.records import KeyMessage
from gcm_review.web.charts import inline_svg
from gcm_review.web.synthesis_cache import ScopedSynthesis

# Sections of the report the page leaves out: anchor -> the app's page for it ("" for none:
# the evidence is on each document's page, where every reference leads).
ELSEWHERE = {"matrix": "/matrix", "evidence": ""}
# What a key message was drafted from: basis -> (words, the section they link to).
BASIS = {
    "attention": ("the attention figures", "regional-synthesis"),
    "recommendation": ("the recommendations", "recommendations"),
    "principles": ("the guiding principles", "principles"),
    "input": ("the key messages written in the conference record", ""),
}


@dataclass(frozen=True)
class SynthesisView:
    """The page's list of parts and its body, rendered once per synthesis.

    `contents` holds (address, title): "#anchor" for a part of the page, a path for a part the
    app shows on a page of its own (the matrix).
    """

    contents: tuple[tuple[str, str], ...]
    body: Markup


def web_sections(entry: ScopedSynthesis, framework: Framework) -> list[d.Section]:
    """The report's sections for the web in the report's order, those shown elsewhere included."""
    look = Lookup(entry.synthesis, framework)
    messages = entry.synthesis.key_messages
    return [
        with_basis(s, messages) if s.anchor == "key-messages" else s
        for s in report_sections(look)
        if s.only in (None, "html")
    ]


def with_basis(section: d.Section, messages: tuple[KeyMessage, ...]) -> d.Section:
    """The key messages section with a "Based on ..." line under each numbered message."""
    blocks = tuple(
        _based(block, messages)
        if isinstance(block, d.BulletList) and block.css == "messages"
        else block
        for block in section.blocks
    )
    return replace(section, blocks=blocks)


def _based(listed: d.BulletList, messages: tuple[KeyMessage, ...]) -> d.BulletList:
    items = tuple(
        d.Item((item, _basis(message))) if isinstance(item, d.Paragraph) else item
        for item, message in zip(listed.items, messages, strict=True)
    )
    return replace(listed, items=items)


def _basis(message: KeyMessage) -> d.Paragraph:
    words, anchor = BASIS.get(message.basis, (message.basis, ""))
    run: d.Inline = d.Link(words, anchor) if anchor else d.Span(words)
    return d.Paragraph((d.Span("Based on "), run, d.Span(".")), css="basis", dir="ltr")


def synthesis_view(entry: ScopedSynthesis, framework: Framework) -> SynthesisView:
    """The synthesis page's parts, drawn with links to the app's document pages (safe HTML)."""
    synthesis = entry.synthesis
    words = wording(framework)
    charts = {}
    if synthesis.matrix.countries:
        charts = {
            "attention": str(inline_svg(attention_chart(synthesis, words=words))),
            "principles": str(inline_svg(principles_chart(synthesis, words=words))),
        }

    def href(paragraph_id: int) -> str:
        return entry.link(paragraph_id).href

    contents: list[tuple[str, str]] = []
    drawn: list[Markup] = []
    for section in web_sections(entry, framework):
        if section.anchor in ELSEWHERE:
            path = ELSEWHERE[section.anchor]
            contents += [(path, section.title)] if path else []
            continue
        contents.append((f"#{section.anchor}", section.title))
        drawn.append(render_section(section, charts=charts, paragraph_href=href))
    return SynthesisView(tuple(contents), Markup("\n").join(drawn))
