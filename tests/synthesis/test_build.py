"""The synthesis counts substantive paragraphs only: datelines and disclaimers stay out; the
matrix made alone (`coverage`) is the matrix of the whole synthesis."""

from __future__ import annotations

from gcm_review.embed.registry import get_embedder
from gcm_review.frameworks import load_framework
from gcm_review.model.stored import NON_SUBSTANTIVE, kind_counts
from gcm_review.model.synthesis_input import DocumentInfo, ReviewInput
from gcm_review.synthesis.build import counted_input, coverage, synthesise
from gcm_review.synthesis.records import AttentionRule, ParagraphTag, ReviewParagraph


def para(
    pid: int, country: str, text: str, *labels: str, kind: str = "paragraph"
) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=1,
        document="review.txt",
        seq=pid,
        kind=kind,
        text=text,
        country=country,
        stakeholder_group="member-state",
        tags=tuple(ParagraphTag(label, 0.9, "model", "proposed") for label in labels),
    )


def test_non_substantive_and_contents_kinds_never_count() -> None:
    assert kind_counts("paragraph") and kind_counts("bullet") and kind_counts("fragment")
    assert not kind_counts(NON_SUBSTANTIVE)
    assert not kind_counts("contents")


def test_dateline_and_disclaimer_stay_out_of_every_count() -> None:
    paragraphs = (
        para(1, "JOR", "The ministry capped recruitment fees in 2023.", "objective:6"),
        para(2, "JOR", "Amman, November 2024", "objective:11", kind=NON_SUBSTANTIVE),
        para(
            3,
            "MAR",
            "Fictional sample.",
            "objective:6",
            "principle:human-rights",
            kind=NON_SUBSTANTIVE,
        ),
    )
    review = ReviewInput(
        documents=(DocumentInfo(1, "review.txt", "Review", "en", 3),),
        sections=(),
        paragraphs=paragraphs,
    )
    synthesis = synthesise(
        review,
        rule=AttentionRule(greatest_share=0.5, some_share=0.25),
        framework=load_framework(),
        embedder=get_embedder("fake.v1"),
    )
    attention = {a.objective: a for a in synthesis.attention}
    assert attention[6].countries == ("JOR",) and attention[6].reporting_countries == 1
    assert attention[6].paragraph_ids == (1,)
    assert attention[11].category == "not-reported"
    assert [profile.country for profile in synthesis.countries] == ["JOR"]
    rights = next(p for p in synthesis.principles if p.key == "human-rights")
    assert rights.all_paragraph_ids == () and rights.countries == ()
    assert [code for code, _name in synthesis.matrix.countries] == ["JOR"]
    assert synthesis.matrix.count("JOR", 11) == 0 and synthesis.matrix.count("JOR", 6) == 1
    assert len(synthesis.paragraphs) == 3  # kept for the evidence


def test_coverage_is_the_matrix_of_the_synthesis() -> None:
    paragraphs = (
        para(1, "JOR", "The ministry capped recruitment fees in 2023.", "objective:6"),
        para(2, "JOR", "A shelter opened for women migrant workers.", "objective:7"),
        para(3, "EGY", "Egypt expanded its labour attaché offices abroad.", "objective:6"),
        para(4, "EGY", "Cairo, March 2024", "objective:11", kind=NON_SUBSTANTIVE),
    )
    review = ReviewInput(
        documents=(DocumentInfo(1, "review.txt", "Review", "en", 4),),
        sections=(),
        paragraphs=paragraphs,
    )
    framework = load_framework()
    synthesis = synthesise(
        review,
        rule=AttentionRule(greatest_share=0.5, some_share=0.25),
        framework=framework,
        embedder=get_embedder("fake.v1"),
    )
    assert coverage(counted_input(review), framework) == synthesis.matrix
    assert synthesis.matrix.count("EGY", 11) == 0 and synthesis.matrix.count("EGY", 6) == 1
