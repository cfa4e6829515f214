"""The front of the report: title, how to read it, the documents reviewed, who tagged them."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, plural
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.copies import copies_note, paragraphs_cell
from gcm_review.synthesis.records import DocumentInfo

ANALYST = d.Span("analyst", css="badge analyst")


def front_matter(look: Lookup) -> tuple[d.Block, ...]:
    """The HTML page's header (`<header id="top">`) and the Word document's title and notes."""
    return (_html_header(look), d.Heading(look.synthesis.title, 0, only="docx"), *_notes(look))


def _html_header(look: Lookup) -> d.Part:
    synthesis = look.synthesis
    lead = (
        d.Span(
            "Every statement in this draft links to the paragraphs behind it: follow a small "
            "number such as "
        ),
        d.Group((d.Span("[12]", css="sample"),), tag="sup", css="refs"),
        d.Span(
            " to read the evidence in the appendix, then use your browser's Back button to return."
        ),
    )
    taggers = ", ".join(synthesis.taggers) if synthesis.taggers else "not recorded"
    tagged = (
        d.Span(f"Tagged by: {taggers}. Tags marked "),
        ANALYST,
        d.Span(" were checked by an analyst; the others are machine proposals."),
    )
    header = (
        "File",
        "Title",
        "Language",
        d.cell("Paragraphs", css="num"),
    )
    rows = tuple(_document(doc) for doc in synthesis.documents)
    blocks = (
        d.text("Draft prepared by gcm-review for analysts to check", css="draft-banner"),
        d.Heading(synthesis.title, 0, dir="auto"),
        d.Paragraph(lead, css="lead"),
        d.Heading("Documents reviewed", 1, css="small"),
        d.Table(header, rows, css="documents"),
        *_copies(synthesis.documents, only="html"),
        d.Paragraph(tagged, css="muted"),
    )
    return d.Part(blocks, "top", tag="header", only="html")


def _document(doc: DocumentInfo) -> tuple[str | d.Cell, ...]:
    title: tuple[d.Inline, ...] = ()
    if doc.title:
        lang, direction = direction_of(doc.title)
        title = (d.Span(doc.title, lang=lang, dir=direction),)
    count = paragraphs_cell(doc)
    return (
        doc.name,
        d.Cell(title),
        d.cell(doc.language or "unknown"),
        d.cell(count, css="num"),
    )


def _copies(documents: tuple[DocumentInfo, ...], *, only: d.Medium) -> list[d.Block]:
    """The "Copies and versions" note, when a document was set aside."""
    lines = copies_note(documents)
    if not lines:
        return []
    blocks: list[d.Block] = [d.Heading("Copies and versions", 1, css="small", only=only)]
    return blocks + [d.Note(line, only=only) for line in lines]


def _notes(look: Lookup) -> list[d.Block]:
    synthesis = look.synthesis
    taggers = ", ".join(synthesis.taggers) or "the configured taggers"
    notes: list[d.Block] = [
        d.Note(
            "Machine draft for analysts to check. gcm-review produced this report from "
            f"{plural(len(synthesis.documents), 'document')} "
            f"({plural(len(synthesis.paragraphs), 'paragraph')}) tagged by {taggers}. "
            "Every statement is a draft: check it against the paragraphs it cites, shown as "
            "[¶n] links to the Evidence section, before using it.",
            only="docx",
        )
    ]
    if synthesis.uncovered_languages:
        languages = ", ".join(
            f"{plural(count, 'paragraph')} in {language}"
            for language, count in synthesis.uncovered_languages.items()
        )
        notes.append(
            d.Note(
                f"Not tagged by meaning: {languages}, a language the embedder was not trained "
                "on. These paragraphs count only for the objectives they name explicitly; read "
                "them yourself."
            )
        )
    notes.extend(_copies(synthesis.documents, only="docx"))
    if synthesis.stakeholder_groups:
        groups = ", ".join(
            f"{group.replace('-', ' ')} {count}"
            for group, count in synthesis.stakeholder_groups.items()
        )
        notes.append(d.Note(f"Paragraphs by stakeholder group: {groups}.", only="docx"))
    return notes
