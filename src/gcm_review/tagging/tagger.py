"""gcm-tagger.v2: explicit, lexicon and semantic evidence combined by a calibrated linear layer.

The linear layer is trained on the written examples that ship with the package (never on gold
files); its decision threshold per label kind is chosen by cross-validation on those examples.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from gcm_review.embed import Embedder
from gcm_review.frameworks import LANGUAGES as TERM_LANGUAGES
from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import is_objective
from gcm_review.languages import detect_language
from gcm_review.model import Evidence, Tag, TagInput
from gcm_review.tagging.examples import Example
from gcm_review.tagging.explicit import NAMED_PROBABILITY, apply_references, explicit_scores
from gcm_review.tagging.features import GROUPS, Scores, explicit_matrix, feature_tensor
from gcm_review.tagging.lexicon import Lexicon, compile_lexicon, lexicon_scores
from gcm_review.tagging.linear import LogisticModel, best_threshold, fit_logistic
from gcm_review.tagging.semantic import NAME as SEMANTIC
from gcm_review.tagging.semantic import LabelSpace, build_label_space, pooled_similarities

NAME = "gcm-tagger.v2"
KINDS = ("objective", "principle")
FOLDS = 5
PAIR_SEED = 2018
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

    Paragraphs in a language the term lists do not cover are scored by the `fallback` layer,
    which uses the semantic features alone.
    """

    embedder: Embedder
    space: LabelSpace
    lexicon: Lexicon
    groups: frozenset[str]
    layer: Layer
    framework: Framework  # whose objectives the explicit references name
    fallback: Layer | None = None
    name: str = NAME

    @property
    def kinds(self) -> dict[str, KindModel]:
        return self.layer.kinds

    def scores(
        self, paras: Sequence[TagInput], *, exclude: Sequence[Sequence[int]] | None = None
    ) -> Scores:
        """Raw scores of the three taggers for each paragraph and label."""
        pooled = pooled_similarities(
            [p.text for p in paras], self.embedder, self.space, exclude=exclude
        )
        return Scores(
            labels=self.space.labels,
            explicit=[explicit_scores(p, framework=self.framework) for p in paras],
            lexicon=[lexicon_scores(p.text, self.lexicon) for p in paras],
            prototype=pooled.prototype,
            nearest=pooled.nearest,
            votes=pooled.votes,
            sentences=pooled.sentences,
            closest_sentence=pooled.closest_sentence,
        )

    def decide(
        self, scores: Scores, languages: Sequence[str | None]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities, thresholds), each (paragraphs, labels)."""
        labels = len(self.space.labels)
        probabilities = self.layer.probabilities(scores)
        thresholds = np.tile(self.layer.thresholds(labels), (len(languages), 1))
        uncovered = [row for row, lang in enumerate(languages) if lang not in TERM_LANGUAGES]
        if self.fallback is not None and uncovered:
            probabilities[uncovered] = self.fallback.probabilities(scores)[uncovered]
            thresholds[uncovered] = self.fallback.thresholds(labels)
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


def train_tagger(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    *,
    groups: Collection[str] = GROUPS,
    feedback: Sequence[Example] = (),
) -> GcmTagger:
    """Build the label space from the framework and fit the linear layer on the examples.

    `feedback` holds paragraphs analysts reviewed: they join the written examples in the label
    space (so similar paragraphs get their accepted labels' nearest-example similarity), and the
    linear layer trains on the labels they decided only, each cell counted `weight` times.
    """
    space = build_label_space(framework, [*examples, *feedback], embedder)
    untrained = GcmTagger(
        embedder,
        space,
        compile_lexicon(framework),
        frozenset(groups),
        Layer(frozenset(), {}),
        framework,
    )
    rows = training_rows(examples) + feedback_rows(feedback, first=len(examples))
    inputs = [TagInput(row.text, row.language) for row in rows]
    scores = untrained.scores(inputs, exclude=[row.sources for row in rows])
    targets = np.array(
        [[label in row.labels for label in space.labels] for row in rows], dtype=bool
    )
    counts = _cell_counts(rows, space.labels)
    layer = _fit_layer(scores, space, targets, counts, frozenset(groups) - {"explicit"})
    fallback = None
    if "semantic" in groups:
        fallback = _fit_layer(scores, space, targets, counts, frozenset({"semantic"}))
    return GcmTagger(
        embedder, space, untrained.lexicon, frozenset(groups), layer, framework, fallback
    )


@dataclass(frozen=True)
class TrainingRow:
    """A training paragraph: a written example, or two of the same language joined."""

    text: str
    language: str | None
    labels: frozenset[str]
    sources: tuple[int, ...]  # the examples it is made of (left out of its own neighbours)
    known: frozenset[str] | None = None  # labels it trains on; None: all of them
    weight: int = 1  # times each known label counts


def training_rows(examples: Sequence[Example]) -> list[TrainingRow]:
    """The examples, plus as many joined pairs: reports' paragraphs often cover several topics."""
    rows = [TrainingRow(e.text, e.language, e.labels, (index,)) for index, e in enumerate(examples)]
    rng = random.Random(PAIR_SEED)
    by_language: dict[str | None, list[int]] = {}
    for index, example in enumerate(examples):
        by_language.setdefault(example.language, []).append(index)
    for index, example in enumerate(examples):
        partner = rng.choice(by_language[example.language])
        if partner == index:
            continue
        other = examples[partner]
        rows.append(
            TrainingRow(
                f"{example.text} {other.text}",
                example.language,
                example.labels | other.labels,
                (index, partner),
            )
        )
    return rows


def feedback_rows(feedback: Sequence[Example], *, first: int) -> list[TrainingRow]:
    """Analysts' paragraphs as training rows (never joined in pairs: their labels may be partial).

    `first` is the index of the first feedback paragraph among the label space's examples.
    """
    return [
        TrainingRow(e.text, e.language, e.labels, (first + offset,), e.known, e.weight)
        for offset, e in enumerate(feedback)
    ]


def _cell_counts(rows: Sequence[TrainingRow], labels: Sequence[str]) -> np.ndarray:
    """(rows, labels) times each cell counts in training: 0 where the row's label is unknown."""
    return np.array(
        [
            [row.weight if row.known is None or label in row.known else 0 for label in labels]
            for row in rows
        ],
        dtype=np.int64,
    ).reshape(len(rows), len(labels))


def _fit_layer(
    scores: Scores,
    space: LabelSpace,
    targets: np.ndarray,
    counts: np.ndarray,
    groups: frozenset[str],
) -> Layer:
    tensor = feature_tensor(scores, groups)
    return Layer(groups, {kind: _fit_kind(tensor, space, targets, counts, kind) for kind in KINDS})


def _fit_kind(
    tensor: np.ndarray, space: LabelSpace, targets: np.ndarray, counts: np.ndarray, kind: str
) -> KindModel:
    columns = tuple(
        i for i, label in enumerate(space.labels) if is_objective(label) == (kind == "objective")
    )
    block = tensor[:, columns, :]
    if block.shape[2] == 0:
        return KindModel(columns, None, NAMED_PROBABILITY)
    features = block.reshape(-1, block.shape[2])
    flat_targets = targets[:, columns].reshape(-1)
    folds = np.repeat(np.arange(len(targets)) % FOLDS, len(columns))
    # Weighted and unknown cells: each cell repeated as often as it counts (0 drops it).
    keep = np.repeat(np.arange(len(flat_targets)), counts[:, columns].reshape(-1))
    features, flat_targets, folds = features[keep], flat_targets[keep], folds[keep]
    held_out = np.zeros(len(flat_targets))
    for fold in range(FOLDS):
        train = folds != fold
        model = fit_logistic(features[train], flat_targets[train])
        held_out[~train] = model.probabilities(features[~train])
    threshold = best_threshold(held_out, flat_targets)
    return KindModel(columns, fit_logistic(features, flat_targets), threshold)
