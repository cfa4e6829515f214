"""explicit.v1: objectives a paragraph names ("objective 20", "الهدف 17") or its heading assigns."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import objective_label
from gcm_review.model import Evidence, TagInput
from gcm_review.structure.objective_refs import find_objective_mentions

NAME = "explicit.v1"
IN_TEXT = 1.0
FROM_HEADING = 0.5  # a roundtable heading names its cluster; not every paragraph speaks to all
TITLE_ONLY = 0.25  # a heading-like line that lists objectives does not speak to them
MIN_WORDS_TO_SPEAK = 15
LONG_ENOUGH = 40
NAMED_PROBABILITY = 0.95
HEADING_LOGIT = 1.0

Array = NDArray[np.float64]


def explicit_scores(para: TagInput, *, framework: Framework | None = None) -> dict[str, Evidence]:
    """Objective label -> evidence: named in the text (1.0; 0.25 when the text is too short to
    speak to it, such as a title line) or assigned by the enclosing headings (0.5).

    References are to the objectives of `framework` (the GCM unless another is given)."""
    found: dict[str, Evidence] = {}
    for number in para.section_objective_refs:
        found[objective_label(number)] = Evidence(NAME, FROM_HEADING, ("section heading",))
    speaks = speaks_to_references(para.text)
    for mention in find_objective_mentions(para.text, framework=framework):
        label = objective_label(mention.objective)
        found[label] = Evidence(NAME, IN_TEXT if speaks else TITLE_ONLY, (mention.matched,))
    return found


def speaks_to_references(text: str) -> bool:
    """A sentence-like paragraph that can speak to what it names, not a title line.

    Title lines ("Roundtable 2: Review of objectives 4, 8 and 9 of the Compact") list
    objectives without reporting on them: they are short or lack final punctuation.
    """
    words = len(text.split())
    ends_sentence = text.rstrip().endswith((".", "!", "?", "؟", ";", ":", "»", '"', "”"))
    return words >= LONG_ENOUGH or (words >= MIN_WORDS_TO_SPEAK and ends_sentence)


def apply_references(probabilities: Array, explicit: Array) -> Array:
    """Explicit references on top of the learned probabilities.

    Named in the paragraph's text: the paragraph speaks to that objective (at least
    NAMED_PROBABILITY). Assigned by a heading (a roundtable on objectives 4, 8, 9...): a prior,
    HEADING_LOGIT added to the log-odds, since a paragraph rarely speaks to every objective of
    its roundtable. Both constants are stated choices, not fitted to any evaluation file.
    """
    clipped = np.clip(probabilities, 1e-6, 1 - 1e-6)
    logits = np.log(clipped / (1 - clipped)) + HEADING_LOGIT * (explicit == FROM_HEADING)
    adjusted = 1 / (1 + np.exp(-logits))
    result: Array = np.where(explicit >= IN_TEXT, np.maximum(adjusted, NAMED_PROBABILITY), adjusted)
    return result
