"""Roundtables: the objectives under review, the speakers and what the discussion addressed."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.document import safe_id
from gcm_review.report.sections.evidence_lines import (
    docx_evidence,
    evidence_lines,
    objective_label,
    speaker_label,
    speakers_list,
)
from gcm_review.report.sections.lookup import Lookup, capital
from gcm_review.report.sections.outline import directed, session_anchor
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.records import RoundtableSummary


def roundtable_anchor(r: RoundtableSummary) -> str:
    """The HTML id of a roundtable's article."""
    return f"roundtable-{safe_id(r.key)}"


def roundtables(look: Lookup) -> d.Section:
    """One part per roundtable session found in the documents."""
    found = look.synthesis.roundtables
    blocks: list[d.Block] = [_html_roundtable(look, r) for r in found]
    if not found:
        blocks += [
            d.text("No roundtable was found in the documents.", css="muted", only="html"),
            d.Note("No roundtable sessions were found.", only="docx"),
        ]
    for roundtable in found:
        blocks += _docx_roundtable(look, roundtable)
    entries = tuple(_entry(r) for r in found)
    return d.Section("roundtables", "Roundtables", tuple(blocks), entries=entries)


def _entry(r: RoundtableSummary) -> d.Link:
    lang, direction = direction_of(r.title)
    return d.Link(r.title, roundtable_anchor(r), dir=direction, lang=lang)


def _session_note(look: Lookup, r: RoundtableSummary) -> tuple[d.Inline, ...]:
    """Who moderated the roundtable and a link to its summary, from the conference outline."""
    for index, outline in enumerate(look.synthesis.outlines):
        for position, session in enumerate(outline.sessions):
            if session.kind != "roundtable" or session.title != r.title:
                continue
            runs: list[d.Inline] = []
            if session.chair is not None:
                runs += [
                    directed(session.chair.text),
                    d.Span(" "),
                    look.refs((session.chair.paragraph_id,)),
                    d.Span(" "),
                ]
            link = d.Link("Summary of the discussion", session_anchor(index, position))
            return (*runs, link, d.Span("."))
    return ()


def _html_roundtable(look: Lookup, r: RoundtableSummary) -> d.Part:
    lang, direction = direction_of(r.title)
    every = (d.Span("All paragraphs: "), look.refs(r.paragraph_ids))
    blocks: list[d.Block] = [
        d.Heading(r.title, 2, dir=direction, lang=lang),
        d.Paragraph(every, css="muted"),
    ]
    if note := _session_note(look, r):
        blocks.append(d.Paragraph(note))
    if r.objectives:
        items = tuple(
            d.Paragraph(
                (look.objective_chip(o), d.Span(f" {look.objective_title(o)}")),
            )
            for o in r.objectives
        )
        heading = d.Heading(f"{capital(look.words.labels)} under review", 3)
        blocks += [heading, d.BulletList(items, css="compact")]
    if r.speakers:
        blocks += [d.Heading("Speakers", 3), speakers_list(look, r.speakers)]
    if r.addressed:
        blocks += [
            d.Heading(f"{capital(look.words.labels)} addressed in the discussion", 3),
            evidence_lines(look, r.addressed),
        ]
    return d.Part(tuple(blocks), roundtable_anchor(r), "roundtable", "article", only="html")


def _docx_roundtable(look: Lookup, r: RoundtableSummary) -> list[d.Block]:
    blocks: list[d.Block] = [d.Heading(r.title or r.key, 2, only="docx")]
    if note := _session_note(look, r):
        blocks.append(d.Paragraph(note, only="docx"))
    if r.objectives:
        blocks.append(d.Heading(f"{capital(look.words.labels)} under review", 3, only="docx"))
        blocks += [
            d.Paragraph((d.Span(objective_label(look, n)),), style="List Bullet", only="docx")
            for n in r.objectives
        ]
    if r.speakers:
        blocks.append(d.Heading("Speakers", 3, only="docx"))
        blocks += [
            d.Paragraph(
                (d.Span(speaker_label(look, s)), look.cited(s.paragraph_ids)),
                style="List Bullet",
                only="docx",
            )
            for s in r.speakers
        ]
    if r.addressed:
        blocks.append(d.Heading(f"{capital(look.words.labels)} addressed", 3, only="docx"))
        blocks += docx_evidence(look, r.addressed)
    return blocks
