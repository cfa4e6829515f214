"""gcm-tagger.v3: explicit, lexicon, semantic and word evidence combined by a calibrated linear
layer.

The linear layer and the probes (of the embedding and of the words) are trained on the
framework's training examples (training.py: our written examples and the training split of the
real-text corpus, never gold files); its decision threshold per label kind is chosen by
cross-validation on them. Paragraphs in a language the embedder was not trained on get only the
labels their text names explicitly, and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gcm_review.embed import Embedder, embedder_languages
from gcm_review.frameworks import Framework
from gcm_review.languages import detect_language
from gcm_review.model import Evidence, Tag, TagInput
from gcm_review.tagging.explicit import apply_references, explicit_scores
from gcm_review.tagging.features import Scores, explicit_matrix, feature_tensor
from gcm_review.tagging.kernel_probe import KernelProbe
from gcm_review.tagging.lexicon import Lexicon, lexicon_scores
from gcm_review.tagging.linear import LogisticModel
from gcm_review.tagging.probe import Probe, first_units, pooled_scores
from gcm_review.tagging.second_probe import SecondProbe
from gcm_review.tagging.semantic import NAME as SEMANTIC
from gcm_review.tagging.semantic import LabelSpace, pooled_similarities
from gcm_review.tagging.word_probe import WordProbe

NAME = "gcm-tagger.v3"
KINDS = ("objective", "principle")
KEPT_MIN_PROBABILITY = 0.15  # below the threshold but at least this likely: kept, undecided,
# for the review queue; less likely labels are dropped


@dataclass(frozen=True)
class KindModel:
    """The linear layer and threshold for one kind of label (objectives or principles)."""

    columns: tuple[int, ...]  # indices into the label space
    model: LogisticModel | None  # None when only the explicit rules are in use
    threshold: float


@dataclass(frozen=True)
class Layer:
    """A linear layer per label kind over some feature groups, with its thresholds."""

    groups: frozenset[str]
    kinds: dict[str, KindModel]

    def probabilities(self, scores: Scores) -> np.ndarray:
        """(paragraphs, labels) calibrated probabilities from this layer's features."""
        tensor = feature_tensor(scores, self.groups)
        result = np.zeros(tensor.shape[:2])
        for kind in self.kinds.values():
            if kind.model is None:
                continue
            block = tensor[:, kind.columns, :]
            flat = kind.model.probabilities(block.reshape(-1, block.shape[2]))
            result[:, kind.columns] = flat.reshape(block.shape[0], len(kind.columns))
        return result

    def thresholds(self, labels: int) -> np.ndarray:
        thresholds = np.ones(labels)
        for kind in self.kinds.values():
            thresholds[list(kind.columns)] = kind.threshold
        return thresholds


@dataclass(frozen=True)
class GcmTagger:
    """A trained tagger: call tag() on paragraphs.

    Paragraphs in a language the embedder does not cover (`uncovered`) get only the labels
    their text names explicitly: their embeddings would be noise, and a tag from noise would
    look like evidence.
    """

    embedder: Embedder
    space: LabelSpace
    lexicon: Lexicon
    groups: frozenset[str]
    layer: Layer
    framework: Framework  # whose objectives the explicit references name
    probe: Probe | None = None
    word_probe: WordProbe | None = None
    second_probe: SecondProbe | None = None  # probe2 over a second embedder (opt-in)
    kernel_probe: KernelProbe | None = None
    name: str = NAME

    @property
    def kinds(self) -> dict[str, KindModel]:
        return self.layer.kinds

    def scores(
        self, paras: Sequence[TagInput], *, exclude: Sequence[Sequence[int]] | None = None
    ) -> Scores:
        """Raw scores of the taggers for each paragraph and label."""
        return self.scores_and_units(paras, exclude=exclude)[0]

    def scores_and_units(
        self, paras: Sequence[TagInput], *, exclude: Sequence[Sequence[int]] | None = None
    ) -> tuple[Scores, np.ndarray, list[int]]:
        """The scores, and the embedded units (paragraphs and sentences) with their owners."""
        texts = [p.text for p in paras]
        pooled = pooled_similarities(texts, self.embedder, self.space, exclude=exclude)
        probe = None
        if self.probe is not None:
            probe = pooled_scores(self.probe, pooled.units, pooled.owners, len(paras))
        paragraphs = pooled.units[first_units(pooled.owners, len(paras))]
        scores = Scores(
            labels=self.space.labels,
            explicit=[explicit_scores(p, framework=self.framework) for p in paras],
            lexicon=[lexicon_scores(p.text, self.lexicon) for p in paras],
            prototype=pooled.prototype,
            nearest=pooled.nearest,
            votes=pooled.votes,
            sentences=pooled.sentences,
            closest_sentence=pooled.closest_sentence,
            probe=probe,
            words=None if self.word_probe is None else self.word_probe.scores(texts),
            second=None if self.second_probe is None else self.second_probe.scores(texts),
            kernel=None if self.kernel_probe is None else self.kernel_probe.scores(paragraphs),
        )
        return scores, pooled.units, pooled.owners

    def uncovered(self, language: str | None) -> bool:
        """Whether paragraphs in `language` are outside what the embedder was trained on."""
        covered = embedder_languages(self.embedder)
        return covered is not None and language is not None and language not in covered

    def decide(
        self, scores: Scores, languages: Sequence[str | None]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities, thresholds), each (paragraphs, labels)."""
        labels = len(self.space.labels)
        probabilities = self.layer.probabilities(scores)
        thresholds = np.tile(self.layer.thresholds(labels), (len(languages), 1))
        uncovered = [row for row, lang in enumerate(languages) if self.uncovered(lang)]
        probabilities[uncovered] = 0.0
        if "explicit" in self.groups:
            explicit = explicit_matrix(scores).astype(np.float64)
            probabilities = apply_references(probabilities, explicit)
        return probabilities, thresholds

    def tag(self, paras: Sequence[TagInput]) -> list[tuple[Tag, ...]]:
        """Tags (decided and likely proposals) with evidence, per paragraph."""
        if not paras:
            return []
        scores = self.scores(paras)
        languages = [p.language or detect_language(p.text) for p in paras]
        probabilities, thresholds = self.decide(scores, languages)
        return [
            self._paragraph_tags(row, scores, probabilities[row], thresholds[row])
            for row in range(len(paras))
        ]

    def _paragraph_tags(
        self,
        row: int,
        scores: Scores,
        probabilities: np.ndarray,
        thresholds: np.ndarray,
    ) -> tuple[Tag, ...]:
        kept = [i for i in np.argsort(-probabilities) if probabilities[i] >= KEPT_MIN_PROBABILITY]
        tags = []
        for index in kept:
            label = self.space.labels[index]
            evidence = [
                found[row][label]
                for found in (scores.explicit, scores.lexicon)
                if label in found[row]
            ]
            evidence.append(
                Evidence(
                    SEMANTIC,
                    round(float(scores.nearest[row, index]), 4),
                    (),
                    _sentence(scores, row, index),
                )
            )
            decided = bool(probabilities[index] >= thresholds[index])
            tags.append(
                Tag(label, round(float(probabilities[index]), 4), decided, NAME, tuple(evidence))
            )
        return tuple(tags)


def _sentence(scores: Scores, row: int, column: int) -> str | None:
    """The sentence of the paragraph closest to the label (the only one, if it has one)."""
    if scores.closest_sentence is None:
        return None
    if scores.closest_sentence[row, column] < 0:
        sentences = scores.sentences[row]
        return sentences[0] if len(sentences) == 1 else None
    return scores.sentences[row][int(scores.closest_sentence[row, column])]
