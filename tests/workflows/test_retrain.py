"""retrain: before/after figures on held-out feedback, the recorded run, and the two commands."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from gcm_review.cli import app
from gcm_review.feedback.retrain import NoFeedbackYet
from gcm_review.model import Paragraph, StructuredDocument
from gcm_review.settings import Settings
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import save_document
from gcm_review.store.tables import AuditRow, ParagraphReviewRow, TagRow
from gcm_review.store.tags import paragraphs_to_tag
from gcm_review.store.training_runs import training_runs
from gcm_review.tagging.examples import Example, training_examples
from gcm_review.tagging.tagger import NAME as TAGGER_NAME
from gcm_review.workflows import feedback as retrain_module
from gcm_review.workflows.feedback import retrain

MakeDocument = Callable[..., StructuredDocument]
runner = CliRunner()
NOW = datetime(2026, 2, 1, tzinfo=UTC)
TEXTS = [
    "The ministry cut the cost of sending remittances through mobile money.",
    "Border guards were trained to identify victims of trafficking.",
    "A hotline gives migrant workers legal advice in five languages.",
    "Consulates issued identity documents to nationals abroad.",
    "The delegation thanked the chair.",
    "Children of migrants can enrol in public schools.",
]
LABELS = [
    {"objective:20"},
    {"objective:10"},
    {"objective:6", "objective:3"},
    {"objective:14"},
    set(),
    {"objective:15"},
]


@pytest.fixture(autouse=True)
def tiny_examples(monkeypatch: pytest.MonkeyPatch) -> list[Example]:
    examples = training_examples()[:60]
    monkeypatch.setattr(retrain_module, "training_examples", lambda framework=None: examples)
    return examples


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()


def settings_for(db: Database) -> Settings:
    return Settings(database_url=db.url, embedder="fake.v1", vector_cache="")


def stored(db: Database, make_document: MakeDocument) -> list[int]:
    doc = make_document(name="feedback.txt", content="feedback", paragraphs=1)
    paras = tuple(Paragraph(index=i, text=t, language="en") for i, t in enumerate(TEXTS))
    saved = save_document(db, dataclasses.replace(doc, paragraphs=paras), reader="text.v1")
    return [pid for pid, _ in paragraphs_to_tag(db, [saved.document_id])]


def add_feedback(db: Database, pids: list[int], *, reviewed: int = 5) -> None:
    """Coder ana reviews the first paragraphs whole; one proposal is rejected on the last."""
    with db.transaction() as session:
        for pid, labels in list(zip(pids, LABELS, strict=True))[:reviewed]:
            session.add(
                ParagraphReviewRow(
                    paragraph_id=pid, coder="ana", labels=sorted(labels), reviewed_at=NOW
                )
            )
        session.add(
            TagRow(
                paragraph_id=pids[-1],
                label="objective:7",
                probability=0.6,
                decided=True,
                source="model",
                tagger="gcm-tagger.v1",
                status="rejected",
                evidence=[],
                created_at=NOW,
            )
        )


def test_no_feedback_yet(db: Database, make_document: MakeDocument) -> None:
    stored(db, make_document)
    with pytest.raises(NoFeedbackYet):
        retrain(db, settings=settings_for(db), user="ana")
    result = runner.invoke(app, ["retrain", "--database-url", db.url, "--embedder", "fake.v1"])
    assert result.exit_code == 0, result.output
    assert "No feedback yet" in result.output


def test_retrain_scores_before_and_after_and_records_the_run(
    db: Database, make_document: MakeDocument, tiny_examples: list[Example]
) -> None:
    add_feedback(db, stored(db, make_document))
    run = retrain(db, settings=settings_for(db), user="ana")
    assert run.feedback == 5 + 1  # five paragraph reviews, one rejected tag
    assert run.examples == len(tiny_examples) and run.tagger == TAGGER_NAME
    assert run.after["feedback_paragraphs"] == 6 and run.after["retagged"] == 0
    for figures in (run.before, run.after):
        on_feedback = figures["feedback_cv"]
        assert on_feedback["folds"] == 5 and on_feedback["paragraphs"] == 6
        assert on_feedback["decisions"] == 5 * 33 + 1  # reviews know every label
        assert on_feedback["objectives"]["support"] == 5  # positives among the decisions
        assert figures["examples_cv"]["paragraphs"] == len(tiny_examples)
        for check in ("feedback_cv", "examples_cv"):
            for kind in ("objectives", "principles"):
                assert 0.0 <= figures[check][kind]["f1"] <= 1.0
    assert training_runs(db) == [run]
    with db.sessions() as session:
        [entry] = session.scalars(select(AuditRow)).all()
    assert (entry.action, entry.object_type, entry.object_id) == (
        "tagger.retrain",
        "training_run",
        str(run.id),
    )
    assert entry.user_name == "ana" and entry.after["feedback"] == 6


def test_options_skip_the_examples_check_and_retag(
    db: Database, make_document: MakeDocument
) -> None:
    pids = stored(db, make_document)
    add_feedback(db, pids, reviewed=0)  # a single rejected tag: too little to hold out
    run = retrain(db, settings=settings_for(db), user="ana", check_examples=False, retag=True)
    assert run.before == {"feedback_cv": None, "examples_cv": None}
    assert run.after["retagged"] == len(TEXTS)
    with db.sessions() as session:
        proposed = session.scalars(select(TagRow).where(TagRow.status == "proposed")).all()
        kept = session.scalars(select(TagRow).where(TagRow.status == "rejected")).all()
    assert proposed and len(kept) == 1


def test_retrain_command_prints_before_and_after(db: Database, make_document: MakeDocument) -> None:
    add_feedback(db, stored(db, make_document))
    options = ["--database-url", db.url, "--embedder", "fake.v1", "--no-check-examples"]
    result = runner.invoke(app, ["retrain", *options])
    assert result.exit_code == 0, result.output
    for words in ("6 feedback decision(s)", "before F1", "objectives", "principles", "skipped"):
        assert words in result.output
    as_json = runner.invoke(app, ["retrain", *options, "--format", "json", "--user", "ben"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["user"] == "ben" and data["after"]["feedback_cv"]["folds"] == 5
    assert len(training_runs(db)) == 2


def test_agreement_command(db: Database, make_document: MakeDocument) -> None:
    pids = stored(db, make_document)
    empty = runner.invoke(app, ["agreement", "--database-url", db.url])
    assert empty.exit_code == 0 and "No paragraph has been reviewed yet" in empty.output
    with db.transaction() as session:
        for coder, labels in (("ana", ["objective:6"]), ("ben", ["objective:6", "objective:3"])):
            session.add(
                ParagraphReviewRow(
                    paragraph_id=pids[2], coder=coder, labels=labels, reviewed_at=NOW
                )
            )
        session.add(
            ParagraphReviewRow(paragraph_id=pids[0], coder="ana", labels=[], reviewed_at=NOW)
        )
        session.add(
            ParagraphReviewRow(paragraph_id=pids[0], coder="ben", labels=[], reviewed_at=NOW)
        )
    table = runner.invoke(app, ["agreement", "--database-url", db.url])
    assert table.exit_code == 0, table.output
    assert "ana (A) against ben (B) on 2 shared paragraph(s)" in table.output
    assert "1 disagreement(s) to adjudicate" in table.output
    assert "all labels (micro)" in table.output
    as_json = runner.invoke(
        app, ["agreement", "--database-url", db.url, "--coder-a", "ben", "--format", "json"]
    )
    data = json.loads(as_json.stdout)
    assert data["coder_a"] == "ben" and data["coder_b"] == "ana"
    assert data["disagreements"] == [
        {"paragraph_id": pids[2], "label": "objective:3", "yes": ["ben"], "no": ["ana"]}
    ]
    six = next(row for row in data["labels"] if row["label"] == "objective:6")
    assert (six["both"], six["neither"], six["kappa"]) == (1, 1, 1.0)
    unknown = runner.invoke(app, ["agreement", "--database-url", db.url, "--coder-a", "zoe"])
    assert unknown.exit_code == 1 and "zoe" in unknown.output
