"""Draft key messages: the inputs' own messages, attention categories with their numbers and a
check against strong evidence, the most invoked principle, calls shared by several sources."""

from __future__ import annotations

from gcm_review.frameworks import load_framework
from gcm_review.synthesis.evidence import objective_evidence
from gcm_review.synthesis.key_messages import is_key_messages_heading, key_messages
from gcm_review.synthesis.records import (
    ObjectiveAttention,
    ParagraphTag,
    PrincipleCoverage,
    Recommendation,
    RecommendationSource,
    ReviewParagraph,
)


def attention(
    objective: int, category: str, ids: tuple[int, ...], countries: tuple[str, ...] = ()
) -> ObjectiveAttention:
    return ObjectiveAttention(objective, "t", category, countries, 4, 0.0, ids, ())  # type: ignore[arg-type]


def member(
    pid: int, country: str, text: str, tags: tuple[ParagraphTag, ...] = ()
) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=1,
        document="review.txt",
        seq=pid,
        text=text,
        language="en",
        country=country,
        stakeholder_group="member-state",
        tags=tags,
    )


def record(pid: int, text: str, section: tuple[str, ...], **fields: str) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid, document_id=2, document="record.txt", seq=pid, text=text, section=section, **fields
    )


def test_messages_carry_their_evidence() -> None:
    recommendation = Recommendation(
        text="End the detention of migrant children.",
        sources=(
            RecommendationSource(8, "End child detention.", "UNICEF"),
            RecommendationSource(9, "Stop detaining children.", "Jordan", "JOR", "member-state"),
        ),
        objectives=(13,),
        supporting_sources=2,
        supporting_countries=1,
    )
    messages = key_messages(
        [
            attention(6, "greatest", (1, 2)),
            attention(7, "some", (3,)),
            attention(8, "not-reported", ()),
        ],
        [recommendation],
        [PrincipleCoverage("human-rights", "Human rights", (1,), ("JOR",), (5,))],
        load_framework(),
    )
    texts = [m.text for m in messages]
    assert texts[0].startswith("National reporting gave the greatest attention to objective 6")
    assert messages[0].paragraph_ids == (1, 2)
    assert "objective 8" in texts[1] and messages[1].basis == "attention"
    assert texts[2] == "The guiding principle invoked most often was human rights (2 paragraphs)."
    assert texts[3] == (
        "Called for by 2 sources in 1 country (UNICEF; Jordan): "
        "End the detention of migrant children."
    )
    assert messages[3].paragraph_ids == (8, 9)


def test_evidence_falls_back_to_the_first_sentence() -> None:
    para = ReviewParagraph(
        id=1,
        document_id=1,
        document="d",
        seq=0,
        text="Jordan reformed recruitment. It also opened shelters.",
        tags=(ParagraphTag("objective:6", 0.8, "model", "proposed", None),),
    )
    [evidence] = objective_evidence([para])
    assert evidence.sentence == "Jordan reformed recruitment."


def test_attention_messages_give_their_numbers() -> None:
    messages = key_messages(
        [attention(6, "greatest", (1,), ("JOR", "EGY", "QAT")), attention(8, "not-reported", ())],
        [],
        [],
        load_framework(),
    )
    assert messages[0].text == (
        "National reporting gave the greatest attention to objective 6 (fair recruitment, "
        "decent work), 3 of 4 reporting countries."
    )
    assert messages[1].text.endswith(", 0 of 4 reporting countries.")


def test_not_reported_is_withheld_where_a_statement_is_about_the_objective() -> None:
    qatar = member(
        1,
        "QAT",
        "Qatar adopted a minimum wage for domestic workers, abolished the sponsorship system "
        "and scrapped exit permits.",
    )
    jordan = member(2, "JOR", "Jordan reported on objective 21 and its return programme.")
    egypt = member(
        3,
        "EGY",
        "Egypt spoke of its diaspora.",
        (ParagraphTag("objective:19", 0.93, "model", "proposed"),),
    )
    oman = member(4, "OMN", "Oman spoke of the weather.")
    missing = [attention(n, "not-reported", ()) for n in (6, 8, 19, 21)]
    messages = key_messages(
        missing, [], [], load_framework(), paragraphs=[qatar, jordan, egypt, oman]
    )
    confirmed, *uncertain = messages
    assert confirmed.text.startswith("Most national reviews did not report on objective 8")
    assert "objective 6" not in confirmed.text and not confirmed.uncertain
    assert [m.uncertain for m in uncertain] == [True, True, True]
    six, nineteen, twenty_one = uncertain
    assert six.text.startswith("Check before reporting objective 6 (fair recruitment, decent work)")
    assert "from Qatar gives strong evidence" in six.text
    assert six.paragraph_ids == (1,)
    assert six.note is not None and "minimum wage" in six.note and "exit permits" in six.note
    assert nineteen.note == "Strong evidence: Egypt: tagged with probability 0.93."
    assert twenty_one.note == "Strong evidence: Jordan: an explicit reference."


def test_weak_evidence_does_not_withhold_not_reported() -> None:
    weak = member(
        1,
        "QAT",
        "Qatar set a minimum wage.",
        (ParagraphTag("objective:6", 0.6, "model", "proposed"),),
    )
    stakeholder = record(2, "Objective 6: domestic workers, minimum wage, exit permits.", ())
    messages = key_messages(
        [attention(6, "not-reported", (1,), ("QAT",))],
        [],
        [],
        load_framework(),
        paragraphs=[weak, stakeholder],
    )
    assert len(messages) == 1 and not messages[0].uncertain
    assert messages[0].text.startswith("Most national reviews did not report on objective 6")


def test_the_inputs_own_key_messages_come_first_each_with_its_link() -> None:
    heading = ("I. Key messages",)
    paragraphs = [
        record(
            10, "Participants agreed that the Compact is a common reference.", heading, number="5"
        ),
        record(11, "The following messages emerged from the discussion:", heading, number="6"),
        record(12, "- data remain scattered across institutions;", heading),
        record(17, "children need child-sensitive procedures;", heading, kind="bullet"),
        record(13, "regional levels. He noted that the pandemic had hurt migrants.", heading),
        record(14, "Ms. Badr spoke for young people.", heading, speaker="Ms. Badr"),
        record(15, "The session opened.", ("II. Conference sessions", "Key messages")),
        record(16, "Plenary text.", ("I. Key messages", "A. Opening session")),
    ]
    messages = key_messages(
        [attention(6, "greatest", (1,), ("JOR",))], [], [], load_framework(), paragraphs=paragraphs
    )
    inputs = [m for m in messages if m.basis == "input"]
    assert [(m.text, m.paragraph_ids) for m in inputs] == [
        ("Participants agreed that the Compact is a common reference.", (10,)),
        ("Data remain scattered across institutions.", (12,)),
        ("The session opened.", (15,)),
        ("Children need child-sensitive procedures.", (17,)),
    ]
    assert messages[: len(inputs)] == tuple(inputs)
    assert inputs[0].note == "Written in record.txt (paragraph 5 under “I. Key messages”)."


def test_key_messages_headings_in_three_languages() -> None:
    assert is_key_messages_heading("I. Key messages")
    assert is_key_messages_heading("Messages clés")
    assert is_key_messages_heading("أولا: الرسائل الرئيسية")
    assert not is_key_messages_heading("Key achievements")


def test_a_call_made_by_one_source_is_not_a_key_message() -> None:
    single = Recommendation(
        text="Ratify the Convention.",
        sources=(RecommendationSource(1, "Ratify the Convention.", "Olive Network"),),
        objectives=(),
        supporting_sources=1,
        supporting_countries=0,
    )
    assert key_messages([], [single], [], load_framework()) == ()


def test_a_gap_in_the_numbers_ends_the_key_messages_taken() -> None:
    heading = ("I. Key messages",)
    paragraphs = [
        record(1, "Migration governance improved across the region.", heading, number="10"),
        record(2, "Ms. Badr spoke for young people.", heading, number="17", speaker="Ms. Badr"),
        record(3, "In conclusion, regional cooperation was highlighted.", heading, number="21"),
    ]
    texts = [m.text for m in key_messages([], [], [], load_framework(), paragraphs=paragraphs)]
    assert texts == ["Migration governance improved across the region."]
