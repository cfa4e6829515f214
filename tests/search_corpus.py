"""The small multilingual corpus that full-text and semantic search tests store and query."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from gcm_review.model import Paragraph, StructuredDocument
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.search import SearchHit

MakeDocument = Callable[..., StructuredDocument]

ENGLISH = [
    "The ministry opened a shelter for migrant workers in the capital.",
    "Remittances sent by migrant workers fell during the pandemic.",
    "The delegation thanked the chair for organising the session.",
    "Workers OR employers: the NEAR future of labour migration * was discussed.",
]
FRENCH = ["La migración de main-d'œuvre et l'accès aux services de santé."]
ARABIC = [
    "قدمت الحكومة الدعم للأسرة المهاجرة في المناطق الريفية.",
    "أطلقت وزارة العمل برنامجا جديدا.",
]
LONG = (
    "Opening remarks were made by several speakers. " * 6
    + "Consular assistance reached stranded nationals abroad. "
    + "Closing remarks followed at the end of the day. " * 6
)


def store(db: Database, make_document: MakeDocument, name: str, texts: list[str]) -> int:
    """Store one document whose paragraphs are `texts`; returns its id."""
    doc = make_document(name=name, content=name, paragraphs=1)
    paras = tuple(Paragraph(index=i, text=t, number=str(i + 1)) for i, t in enumerate(texts))
    return save_document(
        db, dataclasses.replace(doc, paragraphs=paras), reader="text.v1"
    ).document_id


def store_corpus(db: Database, make_document: MakeDocument) -> dict[str, int]:
    """The English, French, Arabic and long documents; their ids by key."""
    return {
        "en": store(db, make_document, "english.txt", ENGLISH),
        "fr": store(db, make_document, "french.txt", FRENCH),
        "ar": store(db, make_document, "arabic.txt", ARABIC),
        "long": store(db, make_document, "long.txt", [LONG]),
    }


def texts(hits: list[SearchHit]) -> list[str]:
    """The snippets of the hits as plain text."""
    return ["".join(piece.text for piece in hit.snippet) for hit in hits]


def marked(hit: SearchHit) -> list[str]:
    """The words a hit's snippet marks as matches."""
    return [piece.text for piece in hit.snippet if piece.match]
