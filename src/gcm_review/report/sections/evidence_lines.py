"""Pieces shared by country profiles and roundtables: an objective with its strongest sentence,
a speaker."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, group_title
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.records import ObjectiveEvidence, Speaker


def evidence_lines(look: Lookup, evidence: Sequence[ObjectiveEvidence]) -> d.BulletList:
    """Each objective, its strongest sentence quoted, then all its paragraphs (HTML)."""
    return d.BulletList(tuple(_evidence_line(look, e) for e in evidence), css="evidence-lines")


def _evidence_line(look: Lookup, e: ObjectiveEvidence) -> d.Item:
    title = d.Span(look.objective_title(e.objective), css="objective-title")
    lang, direction = direction_of(e.sentence)
    quote = d.Paragraph(
        (d.Span(f"{e.sentence} "), look.refs((e.paragraph_id,))),
        tag="blockquote",
        lang=lang,
        dir=direction,
    )
    if e.quoted_under is not None:
        quote = d.Paragraph((*_quoted_above(look, e.quoted_under), look.refs((e.paragraph_id,))))
    blocks: list[d.Block] = [
        d.Paragraph((look.objective_chip(e.objective), d.Span(" "), title), tag=""),
        quote,
    ]
    every = look.refs(e.paragraph_ids)
    if len(every.paragraph_ids) > 1:
        muted = d.Span("All paragraphs:", css="muted")
        blocks.append(d.Paragraph((muted, d.Span(" "), every), tag=""))
    return d.Item(tuple(blocks))


def _quoted_above(look: Lookup, objective: int) -> tuple[d.Inline, ...]:
    """In place of a quotation given already: where it is."""
    name = look.words.numbered(objective)
    return (d.Span(f"The same passage as quoted under {name}. ", css="muted"),)


def speakers_list(look: Lookup, speakers: Sequence[Speaker]) -> d.BulletList:
    """Who spoke: name, title, organisation (country; group), with their paragraphs (HTML)."""
    return d.BulletList(tuple(_speaker(look, s) for s in speakers), css="speakers")


def _directed(value: str) -> d.Span:
    lang, direction = direction_of(value)
    return d.Span(value, lang=lang, dir=direction)


def _speaker(look: Lookup, s: Speaker) -> d.Paragraph:
    runs: list[d.Inline] = []
    if s.name:
        runs.append(d.Group((_directed(s.name),), tag="strong"))
    if s.title:
        runs += [d.Span(", ")] if s.name else []
        runs.append(_directed(s.title))
    if s.organisation:
        runs += [d.Span(", ")] if s.name or s.title else []
        runs.append(_directed(s.organisation))
    group = group_title(s.stakeholder_group)
    if s.country or group:
        inside: list[d.Inline] = [d.Span("(")]
        if s.country:
            inside.append(look.country_link(s.country))
        inside.append(d.Span(f"{'; ' if s.country and group else ''}{group or ''})"))
        runs += [d.Span(" "), d.Group(tuple(inside), css="muted")]
    runs += [d.Span(" "), look.refs(s.paragraph_ids)]
    return d.Paragraph(tuple(runs))


def objective_label(look: Lookup, number: int) -> str:
    """ "Objective 6: title" as the Word report writes it."""
    title = look.objective_titles.get(number)
    name = look.words.numbered(number)
    return f"{name}: {title}" if title else name


def docx_evidence(look: Lookup, evidence: Sequence[ObjectiveEvidence]) -> list[d.Block]:
    """Each objective as a bullet, then its strongest sentence with all its paragraphs (Word)."""
    blocks: list[d.Block] = []
    for item in evidence:
        label = d.Span(objective_label(look, item.objective), strong=True)
        cited = look.cited((item.paragraph_id, *item.paragraph_ids))
        sentence: tuple[d.Inline, ...] = (d.Span(item.sentence), cited)
        if item.quoted_under is not None:
            sentence = (*_quoted_above(look, item.quoted_under), cited)
        blocks += [
            d.Paragraph((label,), style="List Bullet", only="docx"),
            d.Paragraph(sentence, style="List Continue", only="docx"),
        ]
    return blocks


def speaker_label(look: Lookup, speaker: Speaker) -> str:
    """Who spoke, as the Word report writes it."""
    parts = (speaker.name, speaker.title, speaker.organisation)
    return look.who(parts, speaker.country, speaker.stakeholder_group) or "Unnamed speaker"
