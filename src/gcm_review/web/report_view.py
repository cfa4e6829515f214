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

So that the page stays under a couple of megabytes however large the corpus (`shrink`):
- a reference list longer than LIMITS allows shows its first references and says how many
  more there are (every one is in the exports, and the matrix cells list every paragraph);
- a part of a section (a country, a roundtable) shows its first blocks and says how many more
  there are and where they are (`report.sections.evidence_size.shrink`);
- each section is drawn in pages of about PAGE_BYTES: the page holds the first of each
  section until FIRST_BYTES are drawn, and the rest come when asked ("Show more", loaded by
  HTMX, or opened as a page of its own without scripts).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from gcm_review.frameworks.labels import wording
from gcm_review.frameworks.loader import Framework
from gcm_review.report import document as d
from gcm_review.report.html_render import chart_drawer, environment
from gcm_review.report.sections import Lookup, report_sections
from gcm_review.report.sections.evidence_size import Limits, shrink
from gcm_review.report.synthesis_charts import attention_chart, principles_chart
from gcm_review.synthesis.records import KeyMessage
from gcm_review.web.catalogues import N_
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
LIMITS = Limits(
    refs_shown=8,  # references shown of a longer list
    part_blocks=30,  # blocks shown of a longer part (a country, a roundtable)
    where="every paragraph is on its document's page, and in the exports.",
)
Translate = Callable[[str], str]  # an interface message in the page's language
PAGE_BYTES = 200_000  # about the size of one page of a section
FIRST_BYTES = 600_000  # the first pages of the sections drawn on the synthesis page itself


@dataclass(frozen=True)
class SynthesisView:
    """The page's list of parts, its body, and the further pages of each section, drawn once
    per synthesis.

    `contents` holds (address, title): "#anchor" for a part of the page, a path for a part the
    app shows on a page of its own (the matrix). `pages` holds each section's drawn pages by
    anchor, the first included; `body` the sections with their first pages (or a link that
    loads them) and a "Show more" link under each page that has a next.
    """

    contents: tuple[tuple[str, str], ...]
    body: Markup
    pages: Mapping[str, tuple[Markup, ...]]
    titles: Mapping[str, str]
    translate: Translate = str

    def page(self, anchor: str, number: int) -> Markup | None:
        """Page `number` (0-based) of a section with the link to its next, or None."""
        pages = self.pages.get(anchor, ())
        if not 0 <= number < len(pages):
            return None
        return pages[number] + more_link(anchor, number + 1, len(pages), translate=self.translate)


def more_link(
    anchor: str,
    number: int,
    count: int,
    *,
    label: str = N_("Show more"),
    translate: Translate = str,
) -> Markup:
    """The link that loads page `number` of a section in its place ("" past the last page);
    its words are the interface's, in the language `translate` gives."""
    if number >= count:
        return Markup("")
    href = escape(f"/synthesis/parts/{anchor}/{number}")
    words = escape(translate(label))
    hint = escape(
        translate(N_("(part %(number)s of %(count)s)")) % {"number": number + 1, "count": count}
    )
    return Markup(
        f'<p class="more"><a href="{href}" hx-get="{href}" hx-target="closest p" '
        f'hx-swap="outerHTML">{words}</a> <span class="hint">{hint}</span></p>'
    )


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


def _paged(drawn: list[Markup]) -> tuple[Markup, ...]:
    """Drawn blocks gathered into pages of about PAGE_BYTES (one block at least each)."""
    pages: list[Markup] = []
    current: list[Markup] = []
    size = 0
    for block in drawn:
        if current and size + len(block) > PAGE_BYTES:
            pages.append(Markup("").join(current))
            current, size = [], 0
        current.append(block)
        size += len(block)
    if current or not pages:
        pages.append(Markup("").join(current))
    return tuple(pages)


def _drawer(charts: Mapping[str, str], href: Callable[[int], str]) -> Callable[[d.Block], Markup]:
    template = environment().from_string(
        '{% from "_blocks.j2" import blocks with context %}{{ blocks(items) }}'
    )
    draw = chart_drawer(charts)

    def block(item: d.Block) -> Markup:
        return Markup(template.render(items=[item], draw=draw, paragraph_href=href))

    return block


def _section(
    section: d.Section, pages: tuple[Markup, ...], *, inline: bool, translate: Translate
) -> Markup:
    """The section's frame with its first page, or a link that loads it."""
    anchor = escape(section.anchor)
    css = f' class="{escape(section.css)}"' if section.css else ""
    head = _heading(section)
    if inline:
        first = pages[0] + more_link(section.anchor, 1, len(pages), translate=translate)
    else:
        label = N_("Show this part")
        first = more_link(section.anchor, 0, len(pages), label=label, translate=translate)
    back = escape(translate(N_("Back to top")))
    return Markup(
        f'<section id="{anchor}"{css}>\n<h2>{head}</h2>\n{first}\n'
        f'<p class="back"><a href="#top">{back}</a></p>\n</section>'
    )


def _heading(section: d.Section) -> Markup:
    if not section.heading:
        return escape(section.title)
    template = environment().from_string(
        '{% from "_blocks.j2" import runs with context %}{{ runs(items) }}'
    )
    return Markup(template.render(items=section.heading))


def synthesis_view(
    entry: ScopedSynthesis, framework: Framework, translate: Translate = str
) -> SynthesisView:
    """The synthesis page's parts, drawn with links to the app's document pages (safe HTML);
    the links and hints around them are in the language `translate` gives (the report's own
    text stays as the report has it)."""
    synthesis = entry.synthesis
    words = wording(framework)
    charts = {}
    if synthesis.matrix.countries:
        charts = {
            "attention": str(inline_svg(attention_chart(synthesis, words=words))),
            "principles": str(inline_svg(principles_chart(synthesis, words=words))),
        }
    draw = _drawer(charts, lambda paragraph_id: entry.link(paragraph_id).href)
    contents: list[tuple[str, str]] = []
    drawn: list[Markup] = []
    pages: dict[str, tuple[Markup, ...]] = {}
    titles: dict[str, str] = {}
    budget = FIRST_BYTES
    for section in web_sections(entry, framework):
        if section.anchor in ELSEWHERE:
            path = ELSEWHERE[section.anchor]
            contents += [(path, section.title)] if path else []
            continue
        contents.append((f"#{section.anchor}", section.title))
        blocks = shrink(tuple(b for b in section.blocks if b.only in (None, "html")), LIMITS)
        pages[section.anchor] = _paged([draw(block) for block in blocks])
        titles[section.anchor] = section.title
        inline = budget > 0
        budget -= len(pages[section.anchor][0])
        drawn.append(_section(section, pages[section.anchor], inline=inline, translate=translate))
    return SynthesisView(tuple(contents), Markup("\n").join(drawn), pages, titles, translate)
