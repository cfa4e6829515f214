"""Recommendations: calls grouped across sources, the most supported first in HTML."""

from __future__ import annotations

from collections.abc import Iterable

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, group_title, plural
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.records import Recommendation, RecommendationSource

RANKING = (
    "Ranked by the number of distinct sources that made the same call, then by the number of "
    "countries. Each source links to the paragraph where it was made."
)


def recommendations(look: Lookup) -> d.Section:
    """Each recommendation with its support and its sources."""
    found = look.synthesis.recommendations
    blocks: list[d.Block] = [d.text(RANKING, only="html")]
    if found:
        items = tuple(_html_item(look, r) for r in ranked(found))
        blocks.append(d.BulletList(items, ordered=True, css="recommendations", only="html"))
    else:
        blocks.append(d.text("No recommendation was found.", css="muted", only="html"))
        blocks.append(d.Note("No recommendations were found.", only="docx"))
    for rank, item in enumerate(found, start=1):
        blocks += _docx_item(look, rank, item)
    return d.Section("recommendations", "Recommendations", tuple(blocks))


def ranked(found: Iterable[Recommendation]) -> list[Recommendation]:
    """Most distinct sources first, then most countries; ties keep the synthesis order."""
    return sorted(found, key=lambda r: (-r.supporting_sources, -r.supporting_countries))


def _html_item(look: Lookup, r: Recommendation) -> d.Item:
    lang, direction = direction_of(r.text)
    text = d.Paragraph(
        (d.Span(f"{r.text} "), look.refs(r.paragraph_ids)),
        css="recommendation",
        lang=lang,
        dir=direction,
    )
    sources = "" if r.supporting_sources == 1 else "s"
    countries = "y" if r.supporting_countries == 1 else "ies"
    figures = d.Paragraph(
        (
            d.Span(f"{r.supporting_sources} source{sources}, "),
            d.Span(f"{r.supporting_countries} countr{countries}. "),
            *look.objective_chips(r.objectives),
        ),
        css="figures",
    )
    listed = tuple(_html_source(look, s) for s in r.sources)
    return d.Item((text, figures, d.BulletList(listed, css="sources")))


def _html_source(look: Lookup, s: RecommendationSource) -> d.Paragraph:
    lang, direction = direction_of(s.source)
    runs: list[d.Inline] = [d.Group((d.Span(s.source, lang=lang, dir=direction),), tag="strong")]
    group = group_title(s.stakeholder_group)
    if s.country or group:
        inside: list[d.Inline] = [d.Span("(")]
        if s.country:
            inside.append(look.country_link(s.country))
        if s.country and group:
            inside.append(d.Span("; "))
        inside.append(d.Span(f"{group or ''})"))
        runs += [d.Span(" "), d.Group(tuple(inside), css="muted")]
    lang, direction = direction_of(s.sentence)
    runs += [
        d.Span(": "),
        d.Group((d.Span(s.sentence),), tag="q", lang=lang, dir=direction),
        d.Span(" "),
        look.refs((s.paragraph_id,)),
    ]
    return d.Paragraph(tuple(runs))


def _docx_item(look: Lookup, rank: int, item: Recommendation) -> list[d.Block]:
    claim = (d.Span(f"{rank}. ", strong=True), d.Span(item.text), look.cited(item.paragraph_ids))
    support = (
        f"Supported by {plural(item.supporting_sources, 'source')} in "
        f"{plural(item.supporting_countries, 'country', 'countries')}"
    )
    numbers = ", ".join(str(n) for n in item.objectives)
    word = look.words.label if len(item.objectives) == 1 else look.words.labels
    blocks: list[d.Block] = [
        d.Paragraph(claim, only="docx"),
        d.Note(support + (f"; {word} {numbers}." if numbers else "."), only="docx"),
    ]
    for source in item.sources:
        label = look.who((source.source,), source.country, source.stakeholder_group)
        runs = (d.Span(label or source.source), look.cited((source.paragraph_id,)))
        blocks.append(d.Paragraph(runs, style="List Bullet", only="docx"))
        if source.sentence.strip() != item.text.strip():
            sentence = (d.Span(source.sentence),)
            blocks.append(d.Paragraph(sentence, style="List Continue", only="docx"))
    return blocks
