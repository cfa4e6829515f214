"""Reading stored documents back for the synthesis: which tags count."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update

from gcm_review.model import Evidence, StructuredDocument, Tag
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.review_input import load_review_input
from gcm_review.store.tables import TagRow
from gcm_review.store.tags import paragraphs_to_tag, save_tags

MakeDocument = Callable[..., StructuredDocument]


def tag(label: str, probability: float, sentence: str | None = None) -> Tag:
    evidence = (
        Evidence("lexicon.v1", 0.9, ("shelter",)),
        Evidence("semantic.v1", 0.4, (), sentence),
    )
    return Tag(label, probability, probability >= 0.5, "gcm-tagger.v1", evidence)


def test_counted_tags_and_attribution(db: Database, make_document: MakeDocument) -> None:
    saved = save_document(db, make_document(paragraphs=2), reader="text.v1")
    [(first, _), (second, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(
        db,
        [
            (
                first,
                [
                    tag("objective:7", 0.9, "The ministry opened a shelter."),
                    tag("objective:6", 0.3),
                ],
            ),
            (second, [tag("objective:10", 0.8), tag("objective:15", 0.2)]),
        ],
    )
    with db.transaction() as session:
        session.execute(
            update(TagRow).where(TagRow.label == "objective:10").values(status="rejected")
        )
        session.execute(
            update(TagRow).where(TagRow.label == "objective:15").values(status="accepted")
        )

    review = load_review_input(db, [saved.document_id])

    assert [d.name for d in review.documents] == ["sample.txt"]
    assert review.documents[0].paragraphs == 2
    assert [(s.title, s.kind, s.objective_refs) for s in review.sections] == [
        ("Roundtable 2", "roundtable", (4, 8))
    ]
    one, two = review.paragraphs
    assert one.objectives == (7,)  # the undecided proposal for 6 does not count
    assert one.tag("objective:7").sentence == "The ministry opened a shelter."
    assert one.tag("objective:7").tagger == "gcm-tagger.v1"
    assert two.objectives == (15,)  # 10 was rejected; 15 was accepted below threshold
    assert one.country == "JOR" and one.is_member_state and one.speaker == "Ms. Example"
    assert one.section == ("Roundtable 2",)


def test_only_the_asked_documents(db: Database, make_document: MakeDocument) -> None:
    first = save_document(db, make_document(name="a.txt", content="1. One."), reader="text.v1")
    save_document(db, make_document(name="b.txt", content="1. Two."), reader="text.v1")
    review = load_review_input(db, [first.document_id])
    assert {p.document for p in review.paragraphs} == {"a.txt"}
    assert len(load_review_input(db).documents) == 2


def test_a_rejection_stands_beside_a_proposal_of_an_earlier_version(
    db: Database, make_document: MakeDocument
) -> None:
    """Databases of earlier versions may hold a fresh decided proposal next to a rejected tag
    of the same label (re-tagging used to add one): the rejection still wins."""
    saved = save_document(db, make_document(paragraphs=1), reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    save_tags(db, [(pid, [tag("objective:10", 0.8), tag("objective:7", 0.8)])])
    with db.transaction() as session:
        session.execute(update(TagRow).values(status="rejected"))
        rows = [_copy(row) for row in session.scalars(select(TagRow))]
        session.add_all(rows)  # the duplicates an earlier version's re-tagging made
    [paragraph] = load_review_input(db, [saved.document_id]).paragraphs
    assert paragraph.objectives == ()
    with db.transaction() as session:  # an analyst accepts one of the duplicates later
        session.execute(
            update(TagRow)
            .where(TagRow.label == "objective:7", TagRow.status == "proposed")
            .values(status="accepted")
        )
    [paragraph] = load_review_input(db, [saved.document_id]).paragraphs
    assert paragraph.objectives == (7,)
    assert paragraph.tag("objective:7").status == "accepted"


def _copy(row: TagRow) -> TagRow:
    return TagRow(
        paragraph_id=row.paragraph_id,
        label=row.label,
        probability=row.probability,
        decided=True,
        source="model",
        tagger=row.tagger,
        status="proposed",
        evidence=list(row.evidence),
        created_at=row.created_at,
    )
