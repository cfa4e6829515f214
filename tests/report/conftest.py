"""A small synthesis built by hand, so renderers are tested without running the pipeline."""

from __future__ import annotations

import pytest

from gcm_review.synthesis.records import (
    AttentionRule,
    CountryMatrix,
    CountryProfile,
    DocumentInfo,
    KeyMessage,
    ObjectiveAttention,
    ObjectiveEvidence,
    ParagraphTag,
    PrincipleCoverage,
    Recommendation,
    RecommendationSource,
    ReviewParagraph,
    RoundtableSummary,
    Speaker,
    Statement,
    Synthesis,
)

JORDAN_TEXT = (
    "Jordan opened two shelters for migrant domestic workers in 2023. "
    "Recruitment fees charged to workers remain a challenge."
)
EGYPT_TEXT = "أطلقت مصر استراتيجية وطنية لمكافحة الاتجار بالبشر <script>alert(1)</script>."
NGO_TEXT = "Governments should end the detention of migrant children."


def _paragraphs() -> tuple[ReviewParagraph, ...]:
    return (
        ReviewParagraph(
            id=1,
            document_id=1,
            document="jordan.pdf",
            seq=0,
            text=JORDAN_TEXT,
            number="1",
            section=("Achievements",),
            page=2,
            language="en",
            speaker="Ms. Rana Haddad",
            speaker_title="Director",
            organisation="Ministry of Labour",
            country="JOR",
            stakeholder_group="member-state",
            tags=(
                ParagraphTag(
                    "objective:6",
                    0.91,
                    "model",
                    "proposed",
                    "Recruitment fees charged to workers remain a challenge.",
                ),
                ParagraphTag(
                    "objective:7",
                    0.82,
                    "model",
                    "proposed",
                    "Jordan opened two shelters for migrant domestic workers in 2023.",
                ),
                ParagraphTag("principle:gender-responsive", 0.7, "model", "proposed", None),
            ),
        ),
        ReviewParagraph(
            id=2,
            document_id=2,
            document="egypt.html",
            seq=0,
            text=EGYPT_TEXT,
            language="ar",
            country="EGY",
            stakeholder_group="member-state",
            tags=(ParagraphTag("objective:10", 0.95, "analyst", "accepted", EGYPT_TEXT),),
        ),
        ReviewParagraph(
            id=3,
            document_id=3,
            document="ngo.docx",
            seq=0,
            text=NGO_TEXT,
            language="en",
            section=("Roundtable 2: objectives 4, 8, 9, 10, 11, 13 and 21",),
            organisation="Olive Network",
            stakeholder_group="civil-society",
            tags=(ParagraphTag("objective:13", 0.88, "model", "proposed", NGO_TEXT),),
        ),
    )


@pytest.fixture
def small_synthesis() -> Synthesis:
    paragraphs = _paragraphs()
    rule = AttentionRule(greatest_share=0.5, some_share=0.25)
    attention = tuple(
        ObjectiveAttention(
            objective=n,
            title=f"Objective {n} title",
            category=rule.category(share),
            countries=countries,
            reporting_countries=2,
            share=share,
            paragraph_ids=ids,
            stakeholder_paragraph_ids=(3,) if n == 13 else (),
        )
        for n in range(1, 24)
        for countries, ids in [
            {6: (("JOR",), (1,)), 7: (("JOR",), (1,)), 10: (("EGY",), (2,))}.get(n, ((), ()))
        ]
        for share in [len(countries) / 2]
    )
    counts = (
        tuple(1 if n in (6, 7) else 0 for n in range(1, 24)),
        tuple(1 if n == 10 else 0 for n in range(1, 24)),
    )
    matrix = CountryMatrix(
        countries=(("JOR", "Jordan"), ("EGY", "Egypt")),
        objectives=tuple(range(1, 24)),
        counts=counts,
        cells={("JOR", 6): (1,), ("JOR", 7): (1,), ("EGY", 10): (2,)},
    )
    jordan = CountryProfile(
        country="JOR",
        name="Jordan",
        paragraph_ids=(1,),
        objectives=(
            ObjectiveEvidence(
                6, (1,), "Recruitment fees charged to workers remain a challenge.", 1
            ),
            ObjectiveEvidence(
                7, (1,), "Jordan opened two shelters for migrant domestic workers in 2023.", 1
            ),
        ),
        statements=(
            Statement(
                1,
                "Jordan opened two shelters for migrant domestic workers in 2023.",
                "achievement",
                (7,),
            ),
            Statement(
                1, "Recruitment fees charged to workers remain a challenge.", "challenge", (6,)
            ),
        ),
        speakers=(
            Speaker(
                "Ms. Rana Haddad", "Director", "Ministry of Labour", "JOR", "member-state", (1,)
            ),
        ),
        documents=("jordan.pdf",),
    )
    egypt = CountryProfile(
        country="EGY",
        name="Egypt",
        paragraph_ids=(2,),
        objectives=(ObjectiveEvidence(10, (2,), EGYPT_TEXT, 2),),
        statements=(Statement(2, EGYPT_TEXT, "achievement", (10,)),),
        speakers=(),
        documents=("egypt.html",),
    )
    roundtable = RoundtableSummary(
        key="RT2",
        title="Roundtable 2: objectives 4, 8, 9, 10, 11, 13 and 21",
        objectives=(4, 8, 9, 10, 11, 13, 21),
        speakers=(Speaker(None, None, "Olive Network", None, "civil-society", (3,)),),
        paragraph_ids=(3,),
        addressed=(ObjectiveEvidence(13, (3,), NGO_TEXT, 3),),
    )
    return Synthesis(
        title="Sample regional review",
        rule=rule,
        documents=(
            DocumentInfo(1, "jordan.pdf", "Jordan voluntary review", "en", 1),
            DocumentInfo(2, "egypt.html", "مراجعة مصر", "ar", 1),
            DocumentInfo(3, "ngo.docx", None, "en", 1),
        ),
        paragraphs=paragraphs,
        attention=attention,
        matrix=matrix,
        countries=(jordan, egypt),
        roundtables=(roundtable,),
        principles=(
            PrincipleCoverage("gender-responsive", "Gender-responsive", (1,), ("JOR",), ()),
            PrincipleCoverage("child-sensitive", "Child-sensitive", (), (), ()),
        ),
        recommendations=(
            Recommendation(
                text=NGO_TEXT,
                sources=(
                    RecommendationSource(3, NGO_TEXT, "Olive Network", None, "civil-society"),
                ),
                objectives=(13,),
                supporting_sources=1,
                supporting_countries=0,
            ),
        ),
        key_messages=(KeyMessage("Draft: " + NGO_TEXT, "recommendation", (3,)),),
        stakeholder_groups={"member-state": 2, "civil-society": 1},
        taggers=("gcm-tagger.v1",),
    )
