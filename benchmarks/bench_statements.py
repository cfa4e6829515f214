"""Quality of the statement-type classifier (gcm_review.synthesis.statements).

Run: .venv/bin/python benchmarks/bench_statements.py [--skip-gold]
Own check set (benchmarks/data/statement-check.jsonl, written for this benchmark): sentences in
English, French and Arabic scored with `classify_sentence`, and a few whole paragraphs (lines with
"unit": "paragraph") scored with `paragraph_type`; accuracy and per-type F1 per language. The
cue lists were written and adjusted while looking at this set, so its figures are optimistic.
The shared gold file, if it exists (read in place, never copied): accuracy and per-type F1 of
`paragraph_type` against its paragraph-level `type` labels. NOT held out since issue 15: the
paragraph rules (labels and procedural openings) and some cues were written from the annotation
guidelines and our own check texts, but their effect was measured on this file while writing
them. What it prints says which figures are held out and which are not.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from gcm_review.synthesis.records import StatementType
from gcm_review.synthesis.statements import classify_sentence, paragraph_type

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GCM_REVIEW_SHARED_DIR", REPO.parent / "shared"))
GOLD = SHARED / "gold" / "arab-states-2021.jsonl"
CHECK = REPO / "benchmarks" / "data" / "statement-check.jsonl"
TYPES: tuple[StatementType, ...] = (
    "achievement",
    "challenge",
    "commitment",
    "recommendation",
    "description",
    "procedural",
)


def read_lines(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def per_type_f1(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, tuple[float, int]]:
    """F1 and gold count for each type."""
    scores: dict[str, tuple[float, int]] = {}
    for kind in TYPES:
        true_pos = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == kind)
        pred = sum(1 for p in predicted if p == kind)
        actual = sum(1 for g in gold if g == kind)
        f1 = 2 * true_pos / (pred + actual) if pred + actual else 0.0
        scores[kind] = (f1, actual)
    return scores


def report(title: str, gold: Sequence[str], predicted: Sequence[str]) -> None:
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    print(f"{title}: accuracy {correct / len(gold):.3f} ({correct}/{len(gold)})")
    f1s = per_type_f1(gold, predicted)
    print("  " + "  ".join(f"{kind[:6]} {f1:.2f} (n={n})" for kind, (f1, n) in f1s.items()))
    scored = [f1 for f1, n in f1s.values() if n]
    print(f"  macro-F1 over types present: {sum(scored) / len(scored):.3f}")


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> None:
    pairs = Counter(zip(gold, predicted, strict=True))
    print("  confusion (gold rows, predicted columns):")
    print("  " + " " * 15 + " ".join(f"{kind[:6]:>6}" for kind in TYPES))
    for row in TYPES:
        print(f"  {row:15s}" + " ".join(f"{pairs[(row, col)]:6d}" for col in TYPES))


def check_set() -> None:
    sentences: dict[str, list[tuple[str, str]]] = defaultdict(list)
    paragraphs: list[tuple[str, str]] = []
    for line in read_lines(CHECK):
        if line.get("unit") == "paragraph":
            paragraphs.append((line["type"], paragraph_type(line["text"], line["language"])))
        else:
            predicted = classify_sentence(line["text"], line["language"])
            sentences[line["language"]].append((line["type"], predicted))
    print(f"== own check set ({CHECK.relative_to(REPO)}), sentences")
    print(
        "   NOT HELD OUT: the cue lists were written and adjusted while looking at this set, "
        "so these figures are optimistic"
    )
    for language, rows in sorted(sentences.items()):
        report(language, [g for g, _ in rows], [p for _, p in rows])
    every = [row for rows in sentences.values() for row in rows]
    report("all languages", [g for g, _ in every], [p for _, p in every])
    if paragraphs:
        print("== own check set, whole paragraphs (paragraph_type)")
        report("paragraphs", [g for g, _ in paragraphs], [p for _, p in paragraphs])


def gold_set() -> None:
    lines = read_lines(GOLD)
    gold = [line["type"] for line in lines]
    predicted = [paragraph_type(line["text"], line.get("language")) for line in lines]
    print(f"== gold ({GOLD.name}), paragraph_type")
    print(
        "   NOT HELD OUT: the paragraph rules and some cues were measured on this file while "
        "they were written (issue 15)"
    )
    report("gold", gold, predicted)
    confusion(gold, predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-gold", action="store_true", help="only the own check set")
    options = parser.parse_args()
    check_set()
    if not options.skip_gold and GOLD.is_file():
        gold_set()


if __name__ == "__main__":
    main()
