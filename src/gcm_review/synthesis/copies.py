"""The same report in two formats (an HTML page and its PDF) must be counted once.

Two documents are copies when they have the same title, the same language and the same member
states speaking in them. The one with more paragraphs is kept; the other stays listed, marked as
a copy, and its paragraphs are left out of every count.
"""

from __future__ import annotations

from dataclasses import replace

from gcm_review.synthesis.records import DocumentInfo, ReviewInput


def drop_copies(review: ReviewInput) -> ReviewInput:
    """The input without the paragraphs of documents that repeat another document."""
    countries: dict[int, frozenset[str]] = {}
    for para in review.paragraphs:
        if para.is_member_state and para.country:
            countries[para.document_id] = countries.get(para.document_id, frozenset()) | {
                para.country
            }
    kept: dict[tuple[str, str | None, frozenset[str]], DocumentInfo] = {}
    copy_of: dict[int, str] = {}
    for doc in sorted(review.documents, key=lambda d: (-d.paragraphs, d.id)):
        if not doc.title:
            continue
        key = (
            " ".join(doc.title.casefold().split()),
            doc.language,
            countries.get(doc.id, frozenset()),
        )
        if key in kept:
            copy_of[doc.id] = kept[key].name
        else:
            kept[key] = doc
    if not copy_of:
        return review
    return ReviewInput(
        documents=tuple(replace(d, copy_of=copy_of.get(d.id)) for d in review.documents),
        sections=tuple(s for s in review.sections if s.document_id not in copy_of),
        paragraphs=tuple(p for p in review.paragraphs if p.document_id not in copy_of),
    )
