"""Scoring recommendations against a labelled list; who made a call."""

from __future__ import annotations

from gcm_review.synthesis.recommendation_check import (
    LabelledRecommendation,
    check,
    made_by,
    match,
    overlap,
)
from gcm_review.synthesis.recommendation_makers import (
    PARTICIPANTS,
    Makers,
    document_organisations,
    heading_body,
)
from gcm_review.synthesis.records import Recommendation, RecommendationSource, ReviewParagraph


def label(text: str, group: str, *who: str) -> LabelledRecommendation:
    return LabelledRecommendation(text, who, group)


def group(*sources: RecommendationSource) -> Recommendation:
    return Recommendation(sources[0].sentence, sources, (), len(sources), 0)


def test_matching_ignores_bullets_and_punctuation_and_takes_each_once() -> None:
    assert overlap("- End detention;", "End detention.") == 1.0
    labels = [label("End the detention of children.", "a")]
    assert match(["End the detention of children;", "End the detention of children."], labels) == {
        0: 0
    }


def test_check_scores_extraction_makers_and_grouped_pairs() -> None:
    a = RecommendationSource(1, "End child detention.", "UNICEF")
    b = RecommendationSource(2, "End the detention of children now.", "Jordan", "JOR")
    c = RecommendationSource(3, "Lower remittance costs.", "IFAD")
    d = RecommendationSource(4, "The session was closed.", "Chair")
    labels = [
        label("End child detention.", "detention", "UNICEF"),
        label("End the detention of children now.", "detention", "Jordan"),
        label("Lower remittance costs.", "remittances", "World Bank"),
        label("Ratify the Convention.", "ratify"),
    ]
    result = check([group(a, b, c), group(d)], labels)
    assert (result.extraction.correct, result.extraction.found) == (3, 4)
    assert result.extraction.recall == 0.75
    assert result.attribution == 2 / 3
    assert (result.grouping.correct, result.grouping.found, result.grouping.expected) == (1, 3, 1)
    assert result.missed == ("Ratify the Convention.",)


def test_a_call_nobody_can_be_named_for_must_be_unattributed() -> None:
    nobody = label("End detention.", "a")
    assert made_by(RecommendationSource(1, "End detention.", "Unattributed"), nobody)
    assert not made_by(RecommendationSource(1, "End detention.", "Annex I"), nobody)


def para(pid: int, **fields: str | None) -> ReviewParagraph:
    return ReviewParagraph(id=pid, document_id=1, document="d.docx", seq=pid, text="t", **fields)  # type: ignore[arg-type]


def test_a_heading_names_a_body_only_when_it_says_whose_calls_they_are() -> None:
    assert heading_body(("Annex", "Recommendations of the multi-stakeholder consultation")) == (
        "Multi-stakeholder consultation"
    )
    assert heading_body(("Annex I", "Recommendations")) is None


def test_a_submission_speaks_for_its_one_organisation() -> None:
    paragraphs = [para(1, organisation="Olive Network"), para(2), para(3)]
    assert document_organisations(paragraphs) == {1: "Olive Network"}
    assert Makers.of_paragraphs(paragraphs).maker(paragraphs[1], "Fund shelters.") == (
        "Olive Network"
    )
    mixed = [*paragraphs, para(4, organisation="Ministry of Labour", country="JOR")]
    assert document_organisations(mixed) == {}


def test_participants_who_make_a_call_are_named() -> None:
    makers = Makers.of_paragraphs([para(1)])
    assert makers.maker(para(1), "Participants called for portable pensions.") == PARTICIPANTS
    assert makers.maker(para(1), "Fund shelters.") == "Unattributed"
