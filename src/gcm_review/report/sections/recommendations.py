"""Recommendations: calls grouped across sources, the most supported first in HTML; then the
calls left out because a page break cut them."""

from __future__ import annotations

from collections.abc import Iterable

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, group_title, plural
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.records import (
    DroppedRecommendation,
    Recommendation,
    RecommendationSource,
)

RANKING = (
    "Ranked by the number of distinct sources that made the same call, then by the number of "
    "countries. Each source links to the paragraph where it was made."
)
WHAT_COUNTS = (
    "Only whole sentences that call for action are listed, each under the speaker, "
    "organisation or country that made it."
)
DROPPED_INTRO = (
    "These calls were left out because a page break or a missing page cut them: "
    "check them in the source."
)


def recommendations(look: Lookup) -> d.Section:
    """Each recommendation with its support and its sources."""
    found = look.synthesis.recommendations
    intro = (d.Span(RANKING), d.Span(" "), d.Span(WHAT_COUNTS))
    blocks: list[d.Block] = [d.Paragraph(intro, only="html")]
    if found:
        items = tuple(_html_item(look, r) for r in ranked(found))
        blocks.append(d.BulletList(items, ordered=True, css="recommendations", only="html"))
    else:
        blocks.append(d.text("No recommendation was found.", css="muted", only="html"))
        blocks.append(d.Note("No recommendations were found.", only="docx"))
    for rank, item in enumerate(found, start=1):
        blocks += _docx_item(look, rank, item)
    blocks += _dropped(look, look.synthesis.dropped_recommendations)
    return d.Section("recommendations", "Recommendations", tuple(blocks))


def _dropped(look: Lookup, dropped: tuple[DroppedRecommendation, ...]) -> list[d.Block]:
    """The calls left out as fragments, each with a link to its paragraph."""
    if not dropped:
        return []
    items = []
    for cut in dropped:
        lang, direction = direction_of(cut.text)
        runs = (d.Span(f"{cut.text} "), look.refs((cut.paragraph_id,)))
        items.append(d.Paragraph(runs, lang=lang, dir=direction))
    return [
        d.Note(f"{plural(len(dropped), 'call')} left out as cut sentences.", only="docx"),
        d.Details(
            f"Left out: {plural(len(dropped), 'call')} cut by a page break",
            (d.text(DROPPED_INTRO), d.BulletList(tuple(items), css="dropped")),
            only="html",
        ),
    ]


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
    if s.speaker or s.country or group:
        inside: list[d.Inline] = [d.Span("(")]
        parts: list[list[d.Inline]] = []
        if s.speaker:
            parts.append([d.Span(s.speaker)])
        if s.country:
            parts.append([look.country_link(s.country)])
        if group:
            parts.append([d.Span(group)])
        for index, part in enumerate(parts):
            inside += ([d.Span("; ")] if index else []) + part
        inside.append(d.Span(")"))
        runs += [d.Span(" "), d.Group(tuple(inside), css="muted")]
    lang, direction = direction_of(s.sentence)
    runs += [
        d.Span(": "),
        d.Group((d.Span(s.sentence),), tag="q", lang=lang, dir=direction),
        d.Span(" "),
        look.refs((s.paragraph_id, *s.continued_in)),
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
        label = look.who((source.speaker, source.source), source.country, source.stakeholder_group)
        cited = look.cited((source.paragraph_id, *source.continued_in))
        runs = (d.Span(label or source.source), cited)
        blocks.append(d.Paragraph(runs, style="List Bullet", only="docx"))
        if source.sentence.strip() != item.text.strip():
            sentence = (d.Span(source.sentence),)
            blocks.append(d.Paragraph(sentence, style="List Continue", only="docx"))
    return blocks
