"""What each country reported: objectives with their strongest sentence, statements, speakers."""

from __future__ import annotations

from dataclasses import replace

from gcm_review.report import document as d
from gcm_review.report.sections.country_story import narrative
from gcm_review.report.sections.evidence_lines import (
    docx_evidence,
    evidence_lines,
    speaker_label,
    speakers_list,
)
from gcm_review.report.sections.lookup import Lookup, capital
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.quotes import quote
from gcm_review.synthesis.records import (
    PROFILE_STATEMENT_TYPES,
    STATEMENT_TYPE_TITLES,
    CountryProfile,
    Statement,
)


def countries(look: Lookup) -> d.Section:
    """One profile per member state, in the synthesis order."""
    profiles = look.synthesis.countries
    blocks: list[d.Block] = [_html_profile(look, p) for p in profiles]
    if not profiles:
        blocks += [
            d.text("No member-state statement was found.", css="muted", only="html"),
            d.Note("No member-state statements were found.", only="docx"),
        ]
    for profile in profiles:
        blocks += _docx_profile(look, profile)
    entries = tuple(d.Link(p.name, f"country-{p.country}") for p in profiles)
    return d.Section("countries", "What each country reported", tuple(blocks), entries=entries)


def _html_profile(look: Lookup, c: CountryProfile) -> d.Part:
    sources = d.Span(f"From {', '.join(c.documents)}. All paragraphs: ")
    blocks: list[d.Block] = [
        d.Heading(c.name, 2),
        d.Paragraph((sources, look.refs(c.paragraph_ids)), css="muted"),
        *narrative(look, c),
    ]
    if c.objectives:
        blocks += [
            d.Heading(f"{capital(look.words.labels)} addressed, with the strongest evidence", 3),
            evidence_lines(look, c.objectives),
        ]
    for kind in PROFILE_STATEMENT_TYPES:
        if found := c.statements_of(kind):
            statements = tuple(_statement(look, s) for s in found)
            blocks += [
                d.Heading(STATEMENT_TYPE_TITLES[kind], 3),
                d.BulletList(statements, css="statements"),
            ]
    if c.speakers:
        blocks += [d.Heading("Speakers", 3), speakers_list(look, c.speakers)]
    return d.Part(tuple(blocks), f"country-{c.country}", "country", "article", only="html")


def _statement(look: Lookup, s: Statement) -> d.Paragraph:
    lang, direction = direction_of(s.sentence)
    runs = (
        d.Span(f"{quote(s.sentence)} "),
        look.refs((s.paragraph_id,)),
        d.Span(" "),
        d.Group(tuple(look.objective_chips(s.objectives)), dir="ltr"),
    )
    return d.Paragraph(runs, lang=lang, dir=direction)


def _docx_profile(look: Lookup, profile: CountryProfile) -> list[d.Block]:
    sources = "; ".join(profile.documents)
    speakers = "; ".join(speaker_label(look, speaker) for speaker in profile.speakers)
    note = f"Sources: {sources}." + (f" Speakers: {speakers}." if speakers else "")
    blocks: list[d.Block] = [
        d.Heading(f"{profile.name} ({profile.country})", 2, only="docx"),
        d.Note(note, only="docx"),
        *(replace(block, only="docx") for block in narrative(look, profile)),
    ]
    if profile.objectives:
        blocks.append(d.Heading(f"{capital(look.words.labels)} addressed", 3, only="docx"))
        blocks += docx_evidence(look, profile.objectives)
    for kind in PROFILE_STATEMENT_TYPES:
        statements = profile.statements_of(kind)
        if statements:
            blocks.append(d.Heading(STATEMENT_TYPE_TITLES[kind], 3, only="docx"))
        blocks += [
            d.Paragraph(
                (d.Span(quote(s.sentence)), look.cited((s.paragraph_id,))),
                style="List Bullet",
                only="docx",
            )
            for s in statements
        ]
    return blocks
