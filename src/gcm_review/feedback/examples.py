"""Analysts' decisions turned into training examples for the tagger.

The rule: only what an analyst decided is trusted; the model's own undecided or unreviewed
proposals never become training labels.

- A tag an analyst accepted, or added by hand, is a positive for its paragraph; a tag an analyst
  rejected is a negative. The paragraph's other labels stay unknown and the tagger does not train
  on them (it masks them out).
- A paragraph reviewed whole (a row in paragraph_reviews) knows every label: the coder's label set
  is complete. When several coders reviewed it, labels they all gave are positives, labels none
  gave are negatives, and labels they disagree on stay unknown until adjudicated.
- Decisions on single tags come after whole reviews: an accepted or rejected tag settles its label.

Each example counts FEEDBACK_WEIGHT times in training: twice a paragraph of the real-text
corpus (DOCUMENT_WEIGHT), since an analyst decided it on the reports being reviewed, but not so
much that a few decisions swamp the examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from gcm_review.model import TagInput
from gcm_review.model.coding import AnalystDecision, Coding
from gcm_review.tagging.examples import DOCUMENT_WEIGHT, Example

FEEDBACK_WEIGHT = 2 * DOCUMENT_WEIGHT
FEEDBACK_ID_PREFIX = "paragraph-"


@dataclass
class _Verdict:
    labels: set[str]
    known: set[str]


def feedback_examples_from(
    decisions: Sequence[AnalystDecision],
    codings: Sequence[Coding],
    paragraphs: Mapping[int, TagInput],
    *,
    labels: Collection[str],
    weight: int = FEEDBACK_WEIGHT,
) -> list[Example]:
    """One example per paragraph with at least one known label, in paragraph id order.

    `paragraphs` gives the text of every paragraph named by the decisions or codings; `labels`
    is every label of the framework; decisions later in the sequence override earlier ones.
    """
    universe = frozenset(labels)
    verdicts = _verdicts_from_codings(codings, universe)
    for decision in decisions:
        verdict = verdicts.setdefault(decision.paragraph_id, _Verdict(set(), set()))
        verdict.known.add(decision.label)
        if decision.accepted:
            verdict.labels.add(decision.label)
        else:
            verdict.labels.discard(decision.label)
    examples = []
    for paragraph_id in sorted(verdicts):
        verdict = verdicts[paragraph_id]
        if not verdict.known:
            continue
        para = paragraphs[paragraph_id]
        examples.append(
            Example(
                id=f"{FEEDBACK_ID_PREFIX}{paragraph_id}",
                text=para.text,
                labels=frozenset(verdict.labels),
                language=para.language,
                known=None if universe <= verdict.known else frozenset(verdict.known),
                weight=weight,
            )
        )
    return examples


def _verdicts_from_codings(
    codings: Sequence[Coding], universe: frozenset[str]
) -> dict[int, _Verdict]:
    by_paragraph: dict[int, list[frozenset[str]]] = defaultdict(list)
    for coding in codings:
        by_paragraph[coding.paragraph_id].append(coding.labels)
    verdicts = {}
    for paragraph_id, label_sets in by_paragraph.items():
        everyone = frozenset.intersection(*label_sets)
        anyone = frozenset.union(*label_sets)
        verdicts[paragraph_id] = _Verdict(set(everyone), set(universe - (anyone - everyone)))
    return verdicts


def paragraph_id_of(example: Example) -> int | None:
    """The paragraph an example of feedback came from; None for a written example."""
    if not example.id.startswith(FEEDBACK_ID_PREFIX):
        return None
    return int(example.id.removeprefix(FEEDBACK_ID_PREFIX))
