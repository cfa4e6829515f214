"""Learning from review: refit the tagger with analysts' feedback, score it, record the run.

The tagger is trained afresh whenever it is loaded (tagging.run.load_tagger), and `gcm-review
tag`, `gcm-review review` and the web app pass it the feedback in the database, so every new
decision counts from the next tagging on. `retrain` measures what the feedback changes (see
feedback.evaluation), stores the figures as a training run with an audit row, and can re-tag
the stored documents at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from gcm_review.embed import CachedEmbedder, Embedder, get_embedder
from gcm_review.errors import GcmReviewError
from gcm_review.feedback.evaluation import examples_cv, feedback_cv
from gcm_review.frameworks import Framework, load_framework
from gcm_review.settings import Settings
from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.feedback import analyst_decisions, feedback_examples, load_codings
from gcm_review.store.tables import TrainingRunRow
from gcm_review.tagging.examples import Example, training_examples
from gcm_review.tagging.run import tag_documents
from gcm_review.tagging.tagger import NAME as TAGGER_NAME
from gcm_review.tagging.tagger import train_tagger


class NoFeedbackYet(GcmReviewError):
    """No analyst has accepted, rejected or added a tag, nor reviewed a paragraph, yet."""

    hint = "accept, reject or add tags in the web app first, then retrain"


@dataclass(frozen=True)
class TrainingRun:
    """A recorded refit: how much feedback it used and the held-out figures before and after."""

    id: int
    at: datetime
    user: str
    tagger: str
    examples: int  # written examples shipped with the package
    feedback: int  # analysts' decisions: judged or added tags, and coders' paragraph reviews
    before: dict[str, Any]  # {"feedback_cv": scores or None, "examples_cv": scores or None}
    after: dict[str, Any]  # the same, plus "feedback_paragraphs" and "retagged"


def compare(
    framework: Framework,
    embedder: Embedder,
    examples: Sequence[Example],
    feedback: Sequence[Example],
    *,
    check_examples: bool = True,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) figures of both held-out evaluations (None where one cannot run)."""
    before: dict[str, Any] = {"feedback_cv": None, "examples_cv": None}
    after: dict[str, Any] = {"feedback_cv": None, "examples_cv": None}
    on_feedback = feedback_cv(framework, embedder, examples, feedback)
    if on_feedback is not None:
        before["feedback_cv"], after["feedback_cv"] = on_feedback
    if check_examples:
        before["examples_cv"], after["examples_cv"] = examples_cv(
            framework, embedder, examples, feedback
        )
    return before, after


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
    feedback = feedback_examples(db)
    if not feedback:
        raise NoFeedbackYet("there is no analyst feedback to learn from yet")
    decisions = len(analyst_decisions(db)) + len(load_codings(db))
    framework = load_framework()
    examples = training_examples()
    inner = get_embedder(settings.embedder)
    with CachedEmbedder(inner, path=settings.vector_cache_path) as embedder:
        before, after = compare(
            framework, embedder, examples, feedback, check_examples=check_examples
        )
        after["feedback_paragraphs"] = len(feedback)
        after["retagged"] = 0
        if retag:
            tagger = train_tagger(framework, embedder, examples, feedback=feedback)
            after["retagged"] = tag_documents(db, tagger=tagger).paragraphs
    return _record(db, user, len(examples), decisions, before, after)


def _record(
    db: Database,
    user: str,
    examples: int,
    decisions: int,
    before: dict[str, Any],
    after: dict[str, Any],
) -> TrainingRun:
    with db.transaction() as session:
        row = TrainingRunRow(
            at=datetime.now(UTC),
            user_name=user,
            tagger=TAGGER_NAME,
            examples=examples,
            feedback=decisions,
            before=before,
            after=after,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            user,
            "tagger.retrain",
            "training_run",
            row.id,
            after={"feedback": decisions, "before": before, "after": after},
        )
        return _training_run(row)


def training_runs(db: Database) -> list[TrainingRun]:
    """Every recorded run, newest first."""
    query = select(TrainingRunRow).order_by(TrainingRunRow.at.desc(), TrainingRunRow.id.desc())
    with db.sessions() as session:
        return [_training_run(row) for row in session.scalars(query)]


def _training_run(row: TrainingRunRow) -> TrainingRun:
    return TrainingRun(
        id=row.id,
        at=row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC),  # SQLite drops the zone
        user=row.user_name,
        tagger=row.tagger,
        examples=row.examples,
        feedback=row.feedback,
        before=dict(row.before),
        after=dict(row.after),
    )
