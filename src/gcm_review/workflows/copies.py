"""Copies and versions of stored documents: what happens when a document is stored, what the
document pages show, and an analyst's decision on a proposal.

Within one uploader's documents (the secretariat's, or one focal point country's) the copy rule
of `synthesis.copies` applies by itself, and analysts' decisions on the document set aside (an
older version, or a copy less clean) carry over to the paragraphs of the same text in the one
that counts. Across uploaders nothing applies silently: the pair
is proposed to an analyst (`store.relations`), and applies once accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from gcm_review.store.database import Database
from gcm_review.store.relations import (
    StoredRelation,
    accepted_pairs,
    carry_over_decisions,
    copy_candidates,
    decide,
    propose,
    relations_of,
    store_missing_signatures,
)
from gcm_review.synthesis.copies import Relation, applied, find_relations, set_aside
from gcm_review.synthesis.records import DocumentInfo

MarkKind = Literal["copy", "superseded"]


@dataclass(frozen=True)
class CopyMark:
    """Why a document does not count: a copy of, or superseded by, the document that does."""

    kind: MarkKind
    counted_id: int
    counted_name: str


@dataclass(frozen=True)
class Related:
    """What storing a document found: proposals held for an analyst, decisions carried over."""

    proposals: tuple[int, ...] = ()
    carried_over: int = 0


def _relations(
    db: Database,
) -> tuple[list[DocumentInfo], tuple[Relation, ...], frozenset[frozenset[int]]]:
    with db.sessions() as session:
        documents = copy_candidates(session)
        pairs = accepted_pairs(session)
    if any(doc.signature is None for doc in documents):  # stored before signatures were kept
        store_missing_signatures(db)
        with db.sessions() as session:
            documents = copy_candidates(session)
    signatures = {doc.id: doc.signature or () for doc in documents}
    return documents, find_relations(documents, signatures), pairs


def relate_new_document(db: Database, document_id: int, *, user_name: str) -> Related:
    """After storing a document: propose its relations across uploaders to an analyst, and carry
    analysts' decisions over from the versions and copies it takes the place of within its
    uploader's documents."""
    _documents, relations, pairs = _relations(db)
    proposals: list[int] = []
    carried = 0
    for relation in relations:
        if document_id not in relation.pair:
            continue
        if relation.across_uploaders and relation.pair not in pairs:
            new = propose(
                db,
                relation.set_aside,
                relation.kept,
                kind=relation.kind,
                reason=relation.reason(),
                user_name=user_name,
            )
            if new is not None:
                proposals.append(new)
        elif relation.kept == document_id:
            carried += carry_over_decisions(
                db, relation.set_aside, document_id, user_name=user_name
            )
    return Related(tuple(proposals), carried)


def copy_marks(db: Database) -> dict[int, CopyMark]:
    """The documents set aside as copies or older versions, by id, with the one that counts."""
    documents, relations, pairs = _relations(db)
    names = {doc.id: doc.name for doc in documents}
    return {
        doc_id: CopyMark("copy" if kind == "copy" else "superseded", kept, names[kept])
        for doc_id, (kind, kept) in set_aside(applied(relations, pairs)).items()
    }


def pending_proposals(db: Database, document_ids: Sequence[int]) -> list[StoredRelation]:
    """The proposals still waiting for an analyst that involve these documents."""
    return [r for r in relations_of(db, list(document_ids)) if r.status == "proposed"]


def decide_proposal(
    db: Database, relation_id: int, *, accept: bool, user_name: str
) -> StoredRelation:
    """Accept or refuse a proposal; the document that counts once it is accepted gets the
    decisions made on the one set aside (for its paragraphs of the same text)."""
    decided = decide(db, relation_id, accept=accept, user_name=user_name)
    if accept:
        carry_over_decisions(db, decided.document_id, decided.kept_id, user_name=user_name)
    return decided
