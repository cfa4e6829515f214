"""The annexes of each conference record, reproduced with their own headings and numbering.

An annex's lists keep the record's sub-headings ("To member States") and items in order, each
item whole with its own number when it has one, and linked to its paragraph.
"""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.document import safe_id
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.outline_records import AnnexList, Line, RecordAnnex


def record_annexes(look: Lookup) -> list[d.Section]:
    """One section per annex of a conference record, in the records' order."""
    sections: list[d.Section] = []
    for outline in look.synthesis.outlines:
        for annex in outline.annexes:
            anchor = f"record-annex-{safe_id(outline.document)}-{len(sections) + 1}"
            sections.append(_annex(look, annex, outline.document, anchor))
    return sections


def _annex(look: Lookup, annex: RecordAnnex, document: str, anchor: str) -> d.Section:
    blocks: list[d.Block] = [
        d.Note(f"Reproduced from {document}, with its own headings and numbering."),
    ]
    for part in annex.lists:
        blocks += _list(look, part)
    return d.Section(anchor, annex.title, tuple(blocks), css="record-annex")


def _list(look: Lookup, part: AnnexList) -> list[d.Block]:
    blocks: list[d.Block] = []
    if part.heading:
        lang, direction = direction_of(part.heading)
        blocks.append(d.Heading(part.heading, 2, dir=direction, lang=lang))
    numbered = all(item.number for item in part.items)
    items = tuple(_item(look, item, numbered=numbered) for item in part.items)
    blocks.append(d.BulletList(items, css="annex-items plain" if numbered else "annex-items"))
    return blocks


def _item(look: Lookup, item: Line, *, numbered: bool) -> d.Paragraph:
    lang, direction = direction_of(item.text)
    number = f"{item.number}. " if numbered and item.number else ""
    runs = (d.Span(f"{number}{item.text} "), look.refs((item.paragraph_id,)))
    return d.Paragraph(
        runs, lang=lang, dir=direction, style="Normal" if numbered else "List Bullet"
    )
