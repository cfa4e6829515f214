"""Training examples: the development lines of the corpus are never trained on; term lists match
Chinese without spaces."""

from __future__ import annotations

import json
from pathlib import Path

from gcm_review.frameworks import load_framework
from gcm_review.tagging.examples import DOCUMENT_WEIGHT, read_examples, training_examples
from gcm_review.tagging.lexicon import compile_lexicon, lexicon_scores


def test_lines_of_another_split_are_not_training_examples(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Trained on.", "objectives": [20], "principles": [], "split": "train"},
        {"id": "b", "text": "Held out.", "objectives": [20], "principles": [], "split": "dev"},
        {"id": "c", "text": "No split.", "objectives": [], "principles": [], "source_doc": "x"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    examples = read_examples(path)
    assert [e.id for e in examples] == ["a", "c"]
    assert examples[1].group == "x" and examples[0].group is None
    # A paragraph of a real document (it names one) counts more than a written example.
    assert (examples[0].weight, examples[1].weight) == (1, DOCUMENT_WEIGHT)


def test_the_packaged_examples_hold_no_development_line() -> None:
    ids = {example.id for example in training_examples()}
    folder = load_framework().examples[-1].parent
    dev = {
        json.loads(line)["id"]
        for path in folder.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and json.loads(line)["split"] == "dev"
    }
    assert len(dev) > 300 and not ids & dev
    assert len(ids) > 2000


def test_a_chinese_term_matches_inside_a_sentence_without_spaces() -> None:
    found = lexicon_scores("今年侨汇收入增长了百分之五。", compile_lexicon(load_framework()))
    assert "objective:20" in found
    assert "侨汇" in found["objective:20"].matched
