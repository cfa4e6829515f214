"""Learning from the analysts' work in the store: training examples, the tagger the settings name
trained with them (`settings_tagger`, for tag, review and web ingest), and recorded retraining.

`retrain` measures what the stored feedback changes (feedback.retrain.compare), records the
figures as a training run with an audit row, and can re-tag the stored documents at once.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from gcm_review.embed import CachedEmbedder, get_embedder
from gcm_review.feedback.examples import FEEDBACK_WEIGHT, feedback_examples_from
from gcm_review.feedback.retrain import NoFeedbackYet, compare
from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import framework_labels
from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.feedback import analyst_decisions, load_codings, paragraph_inputs
from gcm_review.store.training_runs import TrainingRun, record_training_run
from gcm_review.tagging.examples import Example, training_examples
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.tagger import NAME as TAGGER_NAME
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.tagging.training import train_tagger
from gcm_review.workflows.tagging import tag_documents


def settings_tagger(db: Database, settings: Settings) -> GcmTagger:
    """The tagger the settings name (embedders, framework, vector cache), trained with the
    analysts' feedback stored in db."""
    return load_tagger(
        embedder=settings.embedder,
        cache_path=settings.vector_cache_path,
        framework=settings.framework,
        feedback=feedback_examples(db, framework=settings.framework),
        probe_embedder=settings.probe_embedder,
    )


def _probe_embedder(settings: Settings) -> AbstractContextManager[CachedEmbedder | None]:
    """The second embedder the settings name, cached (None when they name none)."""
    if not settings.probe_embedder:
        return nullcontext()
    return CachedEmbedder(get_embedder(settings.probe_embedder), path=settings.vector_cache_path)


def feedback_examples(
    db: Database, *, framework: str = "gcm", weight: int = FEEDBACK_WEIGHT
) -> list[Example]:
    """Training examples from analysts' decisions and reviews (rule in feedback.examples)."""
    decisions = analyst_decisions(db)
    codings = load_codings(db)
    paragraphs = {d.paragraph_id: d.tag_input for d in decisions}
    paragraphs.update(paragraph_inputs(db, {c.paragraph_id for c in codings} - set(paragraphs)))
    return feedback_examples_from(
        decisions,
        codings,
        paragraphs,
        labels=list(framework_labels(load_framework(framework))),
        weight=weight,
    )


def retrain(
    db: Database,
    *,
    settings: Settings,
    user: str,
    check_examples: bool = True,
    retag: bool = False,
) -> TrainingRun:
    """Score the tagger without and with the feedback in db and record the run.

    With `retag`, the stored documents are tagged again by the tagger trained with all of it.
    Raises NoFeedbackYet when there is nothing to learn from.
    """
    feedback = feedback_examples(db, framework=settings.framework)
    if not feedback:
        raise NoFeedbackYet("there is no analyst feedback to learn from yet")
    decisions = len(analyst_decisions(db)) + len(load_codings(db))
    framework = load_framework(settings.framework)
    examples = training_examples(framework)
    inner = get_embedder(settings.embedder)
    with (
        CachedEmbedder(inner, path=settings.vector_cache_path) as embedder,
        _probe_embedder(settings) as second,
    ):
        before, after = compare(
            framework,
            embedder,
            examples,
            feedback,
            check_examples=check_examples,
            probe_embedder=second,
        )
        after["feedback_paragraphs"] = len(feedback)
        after["retagged"] = 0
        if retag:
            tagger = train_tagger(
                framework, embedder, examples, feedback=feedback, probe_embedder=second
            )
            after["retagged"] = tag_documents(db, tagger=tagger).paragraphs
    return record_training_run(
        db,
        user=user,
        tagger=TAGGER_NAME,
        examples=len(examples),
        decisions=decisions,
        before=before,
        after=after,
    )
