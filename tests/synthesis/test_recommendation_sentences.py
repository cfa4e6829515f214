"""Whole sentences for recommendations: rejoined across breaks, fragments marked."""

from __future__ import annotations

from gcm_review.languages.sentences import MAX_SENTENCE_CHARS
from gcm_review.synthesis.recommendation_sentences import full_sentences, sentence_pieces
from gcm_review.synthesis.records import ReviewParagraph


def para(
    pid: int, text: str, *, section: tuple[str, ...] = ("Annex",), kind: str = "paragraph"
) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid, document_id=1, document="d.txt", seq=pid, text=text, section=section, kind=kind
    )


def pieces(*paragraphs: ReviewParagraph) -> list[tuple[int, str, bool, tuple[int, ...]]]:
    return [(p.paragraph_id, p.text, p.whole, p.continued_in) for p in sentence_pieces(paragraphs)]


def test_a_sentence_cut_by_a_page_break_is_rejoined() -> None:
    found = pieces(
        para(1, "Workers said so. He urged partners to fund centres that refer victims to"),
        para(2, "shelters. He added that victims need shelters."),
    )
    assert found == [
        (1, "Workers said so.", True, ()),
        (1, "He urged partners to fund centres that refer victims to shelters.", True, (2,)),
        (2, "He added that victims need shelters.", True, ()),
    ]


def test_a_word_cut_in_two_is_not_rejoined_and_both_pieces_are_fragments() -> None:
    found = pieces(
        para(1, "Ensure that migrant women wor"),
        para(2, "and that they keep their phones;"),
        para(3, "Dismantle sponsorship systems and ensure employment-"),
        para(4, "worker mobility;"),
    )
    assert [(pid, whole) for pid, _, whole, _ in found] == [
        (1, False),
        (2, False),
        (3, False),
        (4, False),
    ]


def test_a_continuation_in_another_section_or_a_bullet_is_not_joined() -> None:
    found = pieces(
        para(1, "Provide legal aid to all migrants in"),
        para(2, "detention centres;", section=("Other",)),
        para(3, "Extend labour law to domestic workers and"),
        para(4, "ratify the Convention;", kind="bullet"),
        para(5, "Fund shelters;"),
        para(6, "Train inspectors;"),
    )
    assert [(pid, whole, joined) for pid, _, whole, joined in found] == [
        (1, False, ()),
        (2, False, ()),
        (3, False, ()),
        (4, True, ()),
        (5, True, ()),
        (6, True, ()),
    ]


def test_list_items_may_open_in_lower_case_after_a_marker_or_as_bullets() -> None:
    found = pieces(
        para(1, "(c) ensure decent work for all;"),
        para(2, "extending social insurance to domestic workers;", kind="bullet"),
        para(3, "amounted to 13.8 per cent."),
    )
    assert [whole for _, _, whole, _ in found] == [True, True, False]


def test_a_list_without_punctuation_has_no_cut_sentences() -> None:
    items = ("Collect migration data", "Fund shelters", "Train inspectors")
    found = pieces(*(para(i, text) for i, text in enumerate(items, 1)))
    assert all(whole for _, _, whole, _ in found)
    prose = ("He spoke at length about the data.", "She said that", "They closed the session.")
    found = pieces(*(para(i, text) for i, text in enumerate(prose, 1)))
    assert [whole for _, _, whole, _ in found] == [True, False, True]


def test_full_sentences_are_never_cut_at_the_length_limit() -> None:
    long = "States should " + "protect workers and " * 40 + "end detention."
    assert len(long) > MAX_SENTENCE_CHARS
    assert full_sentences(f"{long} Next sentence.") == [long, "Next sentence."]


def test_items_of_a_priorities_list_are_marked_as_commitments() -> None:
    found = list(
        sentence_pieces(
            [
                para(1, "The Government retains the following priorities:"),
                para(2, "extending social insurance to domestic workers;", kind="bullet"),
                para(3, "Participants made the following recommendations:"),
                para(4, "extending social insurance to domestic workers;", kind="bullet"),
            ]
        )
    )
    assert [p.under_commitments for p in found] == [False, True, False, False]


def test_a_speakers_introduction_is_not_glued_to_text_from_a_missing_page() -> None:
    found = pieces(
        para(1, "Mr. Al Qaffa, Deputy Director at the Ministry of Foreign"),
        para(2, "including a lack of resources; and the need to train experts."),
        para(3, "Ms. Haddad, of the Ministry of Labour, stressed the need to"),
        para(4, "fund shelters."),
    )
    assert [(pid, whole, joined) for pid, _, whole, joined in found] == [
        (1, False, ()),
        (2, False, ()),
        (3, True, (4,)),
    ]
