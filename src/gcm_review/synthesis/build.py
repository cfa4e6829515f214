"""The synthesis stage: from tagged paragraphs to everything a draft outcome report presents."""

from __future__ import annotations

from collections import Counter

from gcm_review.embed.base import Embedder
from gcm_review.frameworks.loader import Framework
from gcm_review.synthesis.attention import objective_attention, principle_coverage
from gcm_review.synthesis.copies import drop_copies
from gcm_review.synthesis.key_messages import key_messages
from gcm_review.synthesis.matrix import country_matrix
from gcm_review.synthesis.profiles import country_profiles
from gcm_review.synthesis.recommendations import find_recommendations
from gcm_review.synthesis.records import AttentionRule, ReviewInput, Synthesis
from gcm_review.synthesis.roundtables import roundtables

DEFAULT_TITLE = "Regional review of the {framework}: draft synthesis"


def synthesise(
    review: ReviewInput,
    *,
    rule: AttentionRule,
    framework: Framework,
    embedder: Embedder,
    title: str | None = None,
) -> Synthesis:
    """Attention, matrix, profiles, roundtables, principles, recommendations and messages."""
    review = drop_copies(review)
    paragraphs = review.paragraphs
    attention = objective_attention(paragraphs, rule, framework)
    principles = principle_coverage(paragraphs, framework)
    references = framework.references  # how the framework is quoted, for statement types
    recommendations, dropped = find_recommendations(paragraphs, embedder, references=references)
    groups = Counter(p.stakeholder_group for p in paragraphs if p.stakeholder_group)
    return Synthesis(
        title=title or _title(review, framework),
        rule=rule,
        documents=review.documents,
        paragraphs=paragraphs,
        attention=attention,
        matrix=country_matrix(paragraphs, [o.number for o in framework.objectives]),
        countries=country_profiles(paragraphs, references=references),
        roundtables=roundtables(review.sections, paragraphs, framework),
        principles=principles,
        recommendations=recommendations,
        key_messages=key_messages(
            attention, recommendations, principles, framework, paragraphs=paragraphs
        ),
        stakeholder_groups=dict(groups.most_common()),
        taggers=_taggers(review),
        dropped_recommendations=dropped,
    )


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
