"""Learning from review: what refitting the tagger with analysts' feedback changes.

The tagger is trained afresh whenever it is loaded (tagging.run.load_tagger), and `gcm-review
tag`, `gcm-review review` and the web app pass it the feedback in the database, so every new
decision counts from the next tagging on. `compare` measures what the feedback changes (see
feedback.evaluation); workflows.feedback.retrain runs it on the stored feedback and records it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gcm_review.embed import Embedder
from gcm_review.errors import GcmReviewError
from gcm_review.feedback.evaluation import examples_cv, feedback_cv
from gcm_review.frameworks import Framework
from gcm_review.tagging.examples import Example


class NoFeedbackYet(GcmReviewError):
    """No analyst has accepted, rejected or added a tag, nor reviewed a paragraph, yet."""

    hint = "accept, reject or add tags in the web app first, then retrain"


def compare(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    feedback: Sequence[Example],
    *,
    check_examples: bool = True,
    probe_embedder: Embedder | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) figures of both held-out evaluations (None where one cannot run)."""
    before: dict[str, Any] = {"feedback_cv": None, "examples_cv": None}
    after: dict[str, Any] = {"feedback_cv": None, "examples_cv": None}
    on_feedback = feedback_cv(
        framework, embedder, examples, feedback, probe_embedder=probe_embedder
    )
    if on_feedback is not None:
        before["feedback_cv"], after["feedback_cv"] = on_feedback
    if check_examples:
        before["examples_cv"], after["examples_cv"] = examples_cv(
            framework, embedder, examples, feedback, probe_embedder=probe_embedder
        )
    return before, after
