"""The tagger's quality on the development set of the real-text corpus does not fall.

The committed figures (data/dev-quality.json) are what `benchmarks/bench_tagging.py` printed
for the development split with the default embedder; this test fails when objectives micro-F1
drops more than 0.02 below them. Vectors are cached in test-artifacts/ between runs (the first
run embeds about 10,000 sentences and paragraphs: half a minute on two cores).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.tagging.gold import read_gold
from gcm_review.tagging.run import load_tagger, score_items

REPO = Path(__file__).resolve().parents[2]
COMMITTED = Path(__file__).parent / "data" / "dev-quality.json"
DROP_ALLOWED = 0.02


@pytest.mark.model
def test_development_set_micro_f1_holds() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    folder = load_framework().examples[-1].parent  # the real-text items, beside the written ones
    items = read_gold([folder], {"split": frozenset({"dev"})})
    cache = REPO / "test-artifacts" / "vectors" / f"{committed['embedder']}.sqlite"
    cache.parent.mkdir(parents=True, exist_ok=True)
    tagger = load_tagger(embedder=committed["embedder"], cache_path=cache)
    report = score_items(tagger, items)
    assert len(items) == committed["paragraphs"]
    objectives = report["objectives"]["micro"]["f1"]
    principles = report["principles"]["micro"]["f1"]
    assert objectives >= committed["objectives_micro_f1"] - DROP_ALLOWED, objectives
    assert principles >= committed["principles_micro_f1"] - DROP_ALLOWED, principles
