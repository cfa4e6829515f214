"""The synthesis stage: from tagged paragraphs to everything a draft outcome report presents."""

from __future__ import annotations

from collections import Counter

from gcm_review.embed.base import Embedder, embedder_languages
from gcm_review.frameworks.loader import Framework
from gcm_review.synthesis.attention import objective_attention, principle_coverage
from gcm_review.synthesis.conference import ConferenceInfo
from gcm_review.synthesis.copies import drop_copies
from gcm_review.synthesis.key_messages import key_messages
from gcm_review.synthesis.matrix import country_matrix
from gcm_review.synthesis.outline import conference_outlines
from gcm_review.synthesis.profiles import country_profiles
from gcm_review.synthesis.recommendations import find_recommendations
from gcm_review.synthesis.records import AttentionRule, CountryMatrix, ReviewInput, Synthesis
from gcm_review.synthesis.roundtables import roundtables
from gcm_review.synthesis.stakeholders import stakeholder_inputs

DEFAULT_TITLE = "Regional review of the {framework}: draft synthesis"


def synthesise(
    review: ReviewInput,
    *,
    rule: AttentionRule,
    framework: Framework,
    embedder: Embedder,
    title: str | None = None,
    conference: ConferenceInfo | None = None,
) -> Synthesis:
    """Attention, matrix, profiles, roundtables, principles, recommendations and messages;
    the outline of each conference record, with the `conference` file's facts beside it.

    Every count and summary reads the counted paragraphs only (`ReviewParagraph.counted`);
    `paragraphs` keeps them all, for the evidence.
    """
    review = counted_input(review)
    paragraphs = review.paragraphs
    counted = tuple(p for p in paragraphs if p.counted)  # no dateline, disclaimer, contents
    attention = objective_attention(counted, rule, framework)
    principles = principle_coverage(counted, framework)
    references = framework.references  # how the framework is quoted, for statement types
    recommendations, dropped = find_recommendations(counted, embedder, references=references)
    groups = Counter(p.stakeholder_group for p in counted if p.stakeholder_group)
    covered = embedder_languages(embedder)
    uncovered = Counter(
        p.language
        for p in paragraphs
        if covered is not None and p.language is not None and p.language not in covered
    )
    return Synthesis(
        title=title or _title(review, framework),
        rule=rule,
        documents=review.documents,
        paragraphs=paragraphs,
        attention=attention,
        matrix=coverage(review, framework),
        countries=country_profiles(counted, references=references),
        roundtables=roundtables(review.sections, counted, framework),
        principles=principles,
        recommendations=recommendations,
        key_messages=key_messages(
            attention, recommendations, principles, framework, paragraphs=paragraphs
        ),
        stakeholder_groups=dict(groups.most_common()),
        taggers=_taggers(review),
        uncovered_languages=dict(sorted(uncovered.items())),
        outlines=conference_outlines(review.documents, review.sections, counted),
        conference=conference,
        stakeholder_inputs=stakeholder_inputs(counted),
        dropped_recommendations=dropped,
    )


def counted_input(review: ReviewInput) -> ReviewInput:
    """The input whose paragraphs count: copies of a report dropped."""
    return drop_copies(review)


def coverage(counted: ReviewInput, framework: Framework) -> CountryMatrix:
    """The country x objective matrix of a counted input (`counted_input`) alone: cheap, and
    the same as the matrix of its synthesis (its counted paragraphs only)."""
    paragraphs = [p for p in counted.paragraphs if p.counted]
    return country_matrix(paragraphs, [o.number for o in framework.objectives])


def _title(review: ReviewInput, framework: Framework) -> str:
    if len(review.documents) == 1 and review.documents[0].title:
        return review.documents[0].title
    return DEFAULT_TITLE.format(framework=framework.name_in("en"))


def _taggers(review: ReviewInput) -> tuple[str, ...]:
    """The taggers whose tags count here; analysts' own tags are named "analysts"."""
    names = {
        "analysts" if tag.source == "analyst" else tag.tagger
        for para in review.paragraphs
        for tag in para.tags
    }
    return tuple(sorted(name for name in names if name))
