"""Agreement of the two independent annotators of the real-text corpus, per language.

Run: .venv/bin/python benchmarks/bench_corpus_agreement.py
Reads corpus/real-text/annotations/a and b (each annotator's labels, made without seeing the
other's) and prints, per language and overall: objectives and principles micro-F1 of one
annotator against the other, Cohen's kappa pooled over every (paragraph, label) pair, the
share of paragraphs with the same statement type, and how many paragraphs went to adjudication.
These are figures about the data, not about the tagger: nothing is tuned on them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gcm_review.feedback.agreement import cohen_kappa
from gcm_review.frameworks import load_framework

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "real-text"
LANGUAGES = ("en", "fr", "ar", "es", "ru", "zh")


@dataclass(frozen=True)
class Annotation:
    objectives: frozenset[int]
    principles: frozenset[str]
    type: str


def read_annotations(path: Path) -> dict[str, Annotation]:
    """An annotator's labels by item id."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        found[item["id"]] = Annotation(
            frozenset(item["objectives"]), frozenset(item["principles"]), item["type"]
        )
    return found


def micro_f1(pairs: Iterable[tuple[frozenset[object], frozenset[object]]]) -> float:
    """Micro-F1 of the first label sets against the second (symmetric in the two)."""
    both = only_a = only_b = 0
    for a, b in pairs:
        both += len(a & b)
        only_a += len(a - b)
        only_b += len(b - a)
    return 2 * both / (2 * both + only_a + only_b) if both else 0.0


def pooled_kappa(
    pairs: Sequence[tuple[frozenset[object], frozenset[object]]], labels: Sequence[object]
) -> float | None:
    """Cohen's kappa over every (paragraph, label) yes/no decision."""
    a = [label in first for first, _ in pairs for label in labels]
    b = [label in second for _, second in pairs for label in labels]
    return cohen_kappa(a, b)


def agreement_line(name: str, a: dict[str, Annotation], b: dict[str, Annotation]) -> str:
    framework = load_framework()
    ids = sorted(a.keys() & b.keys())
    objectives = [(a[i].objectives, b[i].objectives) for i in ids]
    principles = [(a[i].principles, b[i].principles) for i in ids]
    numbers = [o.number for o in framework.objectives]
    keys = [p.key for p in framework.principles]
    kappa_o = pooled_kappa(objectives, numbers)  # type: ignore[arg-type]
    kappa_p = pooled_kappa(principles, keys)  # type: ignore[arg-type]
    same_type = sum(a[i].type == b[i].type for i in ids) / len(ids)
    adjudicated = sum(a[i] != b[i] for i in ids)
    return (
        f"{name:4} {len(ids):5}  objectives F1 {micro_f1(objectives):.3f} kappa {kappa_o:.3f}"
        f"  principles F1 {micro_f1(principles):.3f} kappa {kappa_p:.3f}"
        f"  same type {same_type:.0%}  adjudicated {adjudicated}"
    )


def main() -> None:
    print("Annotator a against annotator b (independent), before adjudication")
    every_a: dict[str, Annotation] = {}
    every_b: dict[str, Annotation] = {}
    for language in LANGUAGES:
        a = read_annotations(CORPUS / "annotations" / "a" / f"{language}.jsonl")
        b = read_annotations(CORPUS / "annotations" / "b" / f"{language}.jsonl")
        every_a.update(a)
        every_b.update(b)
        print(agreement_line(language, a, b))
    print(agreement_line("all", every_a, every_b))


if __name__ == "__main__":
    main()
