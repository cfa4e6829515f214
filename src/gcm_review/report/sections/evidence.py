"""The evidence appendix: every paragraph the synthesis rests on, where it is from, who said it
and how it was tagged. Each is the target of the references elsewhere in the report."""

from __future__ import annotations

from collections.abc import Collection

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, group_title
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.copies import paragraphs_cell
from gcm_review.synthesis.records import ParagraphTag, ReviewParagraph

ANALYST = d.Span("analyst", css="badge analyst")
FULL_APPENDIX = 2_000  # paragraphs: up to this many, the appendix lists every one


def evidence(look: Lookup, *, only: Collection[int] | None = None) -> d.Section:
    """The paragraphs in order: an article each in HTML, a bookmarked heading each in Word;
    only those of `only` when given (a large review's report: the paragraphs it cites), saying
    so and where the others are.

    Past FULL_APPENDIX paragraphs and without `only`, the section is left empty:
    `evidence_size.fitted` draws it with the paragraphs the other sections cite, once they are
    built (listing all of them would make a report too large to open)."""
    intro = d.Paragraph(
        (
            d.Span(
                "Every paragraph the synthesis rests on, with where it comes from, who said it "
                "and how it was tagged. Probabilities are the tagger's confidence; "
            ),
            ANALYST,
            d.Span(" marks a tag an analyst decided."),
        ),
        only="html",
    )
    note = "Every paragraph of the review, in order, with its place, speaker and tags."
    paragraphs = look.synthesis.paragraphs
    if only is None and len(paragraphs) > FULL_APPENDIX:
        return d.Section("evidence", "Evidence appendix", (), docx_title="Evidence")
    if only is not None:
        paragraphs = tuple(p for p in paragraphs if p.id in only)
        note = (
            f"This appendix lists the {len(paragraphs)} paragraphs this report cites, of "
            f"{len(look.synthesis.paragraphs)} in the review, without their tags. "
            "Every paragraph, with its tags, is in paragraphs.jsonl and paragraphs.csv, and on "
            "the document pages of the web app."
        )
        intro = d.text(note, css="appendix-scope", only="html")
    tags = only is None
    blocks: list[d.Block] = [intro, d.Note(note, only="docx"), _documents(look)]
    blocks += [_article(look, p, tags=tags) for p in paragraphs]
    for p in paragraphs:
        blocks += _docx_paragraph(look, p, tags=tags)
    return d.Section("evidence", "Evidence appendix", tuple(blocks), docx_title="Evidence")


def _documents(look: Lookup) -> d.Table:
    rows = tuple(
        (
            doc.name,
            doc.title or "",
            doc.language or "",
            paragraphs_cell(doc),
        )
        for doc in look.synthesis.documents
    )
    header = ("Document", "Title", "Language", "Paragraphs")
    return d.Table(header, rows, widths=(4, 8, 2, 2), only="docx")


def _directed(value: str, language: str | None = None) -> d.Span:
    lang, direction = direction_of(value, language)
    return d.Span(value, lang=lang, dir=direction)


def _article(look: Lookup, p: ReviewParagraph, *, tags: bool = True) -> d.Part:
    where = f", no. {p.number}" if p.number else ""
    where += f", page {p.page}" if p.page is not None else ""
    meta: list[d.Inline] = [
        d.Span(f"[{p.id}]", css="pid"),
        d.Span(" "),
        d.Group((d.Span(p.document, dir="auto"), d.Span(where)), css="where"),
    ]
    if p.section:
        section = _directed(" › ".join(p.section))
        meta += [d.Span(" · "), d.Group((section,), css="section")]
    meta += _who(look, p)
    blocks: list[d.Block] = [d.Paragraph(tuple(meta), css="paragraph-meta", tag="header")]
    if p.tags and tags:
        chips = [run for tag in p.tags for run in (_chip(look, tag), d.Span(" "))]
        blocks.append(d.Paragraph(tuple(chips), css="tags"))
    lang, direction = direction_of(p.text, p.language)
    blocks.append(d.Paragraph((d.Span(p.text),), css="text", lang=lang, dir=direction))
    return d.Part(tuple(blocks), p.anchor, "paragraph", "article", only="html")


def _who(look: Lookup, p: ReviewParagraph) -> list[d.Inline]:
    speakers = [_directed(v) for v in (p.speaker, p.speaker_title, p.organisation) if v]
    group = group_title(p.stakeholder_group)
    if not (speakers or p.country or group):
        return []
    runs: list[d.Inline] = []
    for index, speaker in enumerate(speakers):
        runs += [d.Span(", ")] if index else []
        runs.append(speaker)
    if p.country:
        runs += [d.Span(", ")] if speakers else []
        runs.append(look.country_link(p.country))
    if group:
        runs.append(d.Span(f" ({group})"))
    return [d.Span(" · "), d.Group(tuple(runs), css="who")]


def _chip(look: Lookup, tag: ParagraphTag) -> d.Group:
    kind, _, key = tag.label.partition(":")
    label: d.Inline
    if kind == "objective" and key.isdigit():
        number = int(key)
        text = look.words.numbered(key)
        label = d.Link(text, f"objective-{number}") if number in look.listed else d.Span(text)
    else:
        label = d.Span(look.principle_titles.get(key, key))
    analyst = tag.source == "analyst"
    runs: list[d.Inline] = [
        label,
        d.Span(" "),
        d.Span(f"{tag.probability:.2f}", css="prob", title="probability"),
    ]
    if analyst:
        runs += [d.Span(" "), ANALYST]
    css = "chip analyst" if analyst else "chip"
    return d.Group(tuple(runs), css=css, title=f"{tag.source}, {tag.status}")


def _docx_paragraph(look: Lookup, para: ReviewParagraph, *, tags: bool = True) -> list[d.Block]:
    place = [para.document]
    if para.number:
        place.append(f"no. {para.number}")
    if para.page is not None:
        place.append(f"p. {para.page}")
    head = d.Paragraph(
        (d.Span(f"¶{para.id}  ", strong=True), d.Span(", ".join(place))),
        anchor=para.anchor,
        keep_with_next=True,
        space_before=10,
        only="docx",
    )
    blocks: list[d.Block] = [head]
    parts = (para.speaker, para.speaker_title, para.organisation)
    context = [" > ".join(para.section), look.who(parts, para.country, para.stakeholder_group)]
    if any(context):
        text = " · ".join(part for part in context if part)
        blocks.append(d.Note(text, keep_with_next=True, only="docx"))
    blocks.append(d.Paragraph((d.Span(para.text),), only="docx"))
    if para.tags and tags:
        listed = "Tags: " + "; ".join(_tag_label(look, tag) for tag in para.tags)
        blocks.append(d.Note(listed, only="docx"))
    return blocks


def _tag_label(look: Lookup, tag: ParagraphTag) -> str:
    kind, _, key = tag.label.partition(":")
    if kind == "objective" and key.isdigit():
        name = f"{look.words.label} {key}"
    elif kind == "principle":
        name = look.principle_titles.get(key, key)
    else:
        name = tag.label
    return f"{name} ({tag.probability:.2f}, {tag.source}, {tag.status})"
