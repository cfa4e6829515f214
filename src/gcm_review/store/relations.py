"""Copies and versions in the store: what the copy rule reads of each document, proposals across
uploaders held for an analyst, and analysts' decisions carried over to a new version.

The rule itself (`synthesis.copies`) is computed from these records; the store keeps only what
it cannot recompute: a proposal, and an analyst's acceptance or refusal of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from gcm_review.errors import DocumentNotFound
from gcm_review.model.stored import ANALYST_SOURCE, MODEL_SOURCE, TagStatus
from gcm_review.model.synthesis_input import DocumentInfo
from gcm_review.store import audit
from gcm_review.store.database import Database
from gcm_review.store.signatures import normalised_text, similarity, text_signature
from gcm_review.store.tables import (
    DocumentRelationRow,
    DocumentRow,
    ParagraphRow,
    RepairRow,
    TagRow,
)
from gcm_review.store.timestamps import as_utc

RelationStatus = Literal["proposed", "accepted", "refused"]
SKIPPED_KINDS = ("contents",)  # paragraphs the synthesis does not read


@dataclass(frozen=True)
class StoredRelation:
    """A proposal that one document is a copy or an older version of another's upload."""

    id: int
    document_id: int  # set aside once accepted
    kept_id: int  # counts instead
    kind: str  # "copy" or "version"
    status: RelationStatus
    reason: str
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    # Share of text in common, as the copy rule measured it (1.0 for versions of one name);
    # None when not read or when a document has no stored signature.
    similarity: float | None = None


def copy_candidates(session: Session) -> list[DocumentInfo]:
    """Every stored document as the copy rule reads it, in storage order (without its text: a
    document stored before signatures were kept has none until `store_missing_signatures`)."""
    paragraphs = (
        select(func.count(ParagraphRow.id))
        .where(ParagraphRow.document_id == DocumentRow.id)
        .where(ParagraphRow.kind.not_in(SKIPPED_KINDS))
        .scalar_subquery()
    )
    repairs = (
        select(func.coalesce(func.sum(RepairRow.count), 0))
        .where(RepairRow.document_id == DocumentRow.id)
        .scalar_subquery()
    )
    query = select(
        *(getattr(DocumentRow, name) for name in _INFO_COLUMNS), paragraphs, repairs
    ).order_by(DocumentRow.id)
    return [
        DocumentInfo(
            row.id,
            row.source_name,
            row.title,
            row.language,
            int(row[-2]),
            version=row.version,
            format=row.format,
            repairs=int(row[-1]),
            owner=row.uploader_country,
            signature=None if row.signature is None else tuple(row.signature),
            review_cycle=row.review_cycle,
        )
        for row in session.execute(query)
    ]


_INFO_COLUMNS = (
    "id",
    "source_name",
    "title",
    "language",
    "version",
    "format",
    "uploader_country",
    "signature",
    "review_cycle",
)


def store_missing_signatures(db: Database) -> int:
    """Give every document stored before signatures were kept its signature; how many."""
    with db.sessions() as session:
        missing = list(
            session.scalars(select(DocumentRow.id).where(DocumentRow.signature.is_(None)))
        )
    for document_id in missing:
        with db.transaction() as session:
            row = session.get(DocumentRow, document_id)
            if row is not None and row.signature is None:
                row.signature = _signature_of(session, document_id)
    return len(missing)


def document_info(row: DocumentRow, *, paragraphs: int, repairs: int) -> DocumentInfo:
    """A document row as the synthesis reads it."""
    return DocumentInfo(
        row.id,
        row.source_name,
        row.title,
        row.language,
        paragraphs,
        version=row.version,
        format=row.format,
        repairs=repairs,
        owner=row.uploader_country,
        signature=None if row.signature is None else tuple(row.signature),
        review_cycle=row.review_cycle,
    )


def _signature_of(session: Session, document_id: int) -> list[int]:
    texts = session.scalars(
        select(ParagraphRow.text)
        .where(ParagraphRow.document_id == document_id)
        .order_by(ParagraphRow.seq)
    )
    return text_signature(texts)


def accepted_pairs(session: Session) -> frozenset[frozenset[int]]:
    """The pairs of documents an analyst accepted as one report."""
    rows = session.execute(
        select(DocumentRelationRow.document_id, DocumentRelationRow.kept_id).where(
            DocumentRelationRow.status == "accepted"
        )
    )
    return frozenset(frozenset(pair) for pair in rows)


def propose(
    db: Database, document_id: int, kept_id: int, *, kind: str, reason: str, user_name: str
) -> int | None:
    """Hold a copy or version decision across uploaders for an analyst; the new proposal's id,
    or None when the pair was already proposed or decided."""
    with db.transaction() as session:
        known = session.scalar(
            select(DocumentRelationRow.id).where(
                DocumentRelationRow.document_id.in_((document_id, kept_id)),
                DocumentRelationRow.kept_id.in_((document_id, kept_id)),
            )
        )
        if known is not None:
            return None
        row = DocumentRelationRow(
            document_id=document_id,
            kept_id=kept_id,
            kind=kind,
            status="proposed",
            reason=reason,
            created_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        after = {"document": document_id, "kept": kept_id, "kind": kind, "reason": reason}
        audit.record(session, user_name, "document.propose", "relation", row.id, after=after)
        return row.id


def relations_of(db: Database, document_ids: list[int] | None = None) -> list[StoredRelation]:
    """The proposals and decisions involving these documents (all when None), oldest first."""
    query = select(DocumentRelationRow).order_by(DocumentRelationRow.id)
    if document_ids is not None:
        query = query.where(
            DocumentRelationRow.document_id.in_(document_ids)
            | DocumentRelationRow.kept_id.in_(document_ids)
        )
    with db.sessions() as session:
        rows = list(session.scalars(query))
        shares = _similarities(session, rows)
        return [replace(_relation(row), similarity=shares.get(row.id)) for row in rows]


def _similarities(session: Session, rows: list[DocumentRelationRow]) -> dict[int, float]:
    """Each proposal's share of text in common, measured again from its documents' stored
    signatures as the copy rule measures it (by proposal id; absent when one has none)."""
    ids = sorted({row.document_id for row in rows} | {row.kept_id for row in rows})
    documents = {
        doc.id: (doc.source_name, doc.version, doc.signature)
        for doc in session.execute(
            select(
                DocumentRow.id, DocumentRow.source_name, DocumentRow.version, DocumentRow.signature
            ).where(DocumentRow.id.in_(ids))
        )
    }
    shares: dict[int, float] = {}
    for row in rows:
        one, other = documents.get(row.document_id), documents.get(row.kept_id)
        if one is None or other is None:
            continue
        if row.kind == "version" and one[0] == other[0] and one[1] != other[1]:
            shares[row.id] = 1.0
        elif one[2] is not None and other[2] is not None:
            shares[row.id] = similarity(one[2], other[2])
    return shares


def _relation(row: DocumentRelationRow) -> StoredRelation:
    return StoredRelation(
        id=row.id,
        document_id=row.document_id,
        kept_id=row.kept_id,
        kind=row.kind,
        status=_status(row.status),
        reason=row.reason,
        created_at=as_utc(row.created_at),
        decided_by=row.decided_by,
        decided_at=None if row.decided_at is None else as_utc(row.decided_at),
    )


def _status(value: str) -> RelationStatus:
    if value in ("accepted", "refused"):
        return "accepted" if value == "accepted" else "refused"
    return "proposed"


def decide(db: Database, relation_id: int, *, accept: bool, user_name: str) -> StoredRelation:
    """Accept or refuse a proposal (recorded in the audit log); DocumentNotFound if unknown."""
    with db.transaction() as session:
        row = session.get(DocumentRelationRow, relation_id)
        if row is None:
            raise DocumentNotFound(f"no proposal with id {relation_id}")
        before = {"status": row.status, "decided_by": row.decided_by}
        row.status = "accepted" if accept else "refused"
        row.decided_by, row.decided_at = user_name, datetime.now(UTC)
        action = "document.accept" if accept else "document.refuse"
        after = {"status": row.status, "document": row.document_id, "kept": row.kept_id}
        audit.record(
            session, user_name, action, "relation", relation_id, before=before, after=after
        )
        session.flush()
        return _relation(row)


def carry_over_decisions(db: Database, old_id: int, new_id: int, *, user_name: str) -> int:
    """Copy analysts' decisions (accepted, rejected and analyst-added tags) from the paragraphs of
    an older version to the new version's paragraphs of the same normalised text; machine
    proposals of those labels there are dropped. Returns the number of tags carried over."""
    with db.transaction() as session:
        new_paragraphs = _by_text(session, new_id)
        decided = session.scalars(
            select(TagRow)
            .join(ParagraphRow)
            .where(ParagraphRow.document_id == old_id)
            .where((TagRow.status != TagStatus.PROPOSED) | (TagRow.source == ANALYST_SOURCE))
            .order_by(TagRow.id)
        )
        old_texts = dict(
            session.execute(
                select(ParagraphRow.id, ParagraphRow.text).where(ParagraphRow.document_id == old_id)
            ).all()
        )
        already = _decided_labels(session, new_id)
        carried = [
            (target, tag)
            for tag in decided
            for target in new_paragraphs.get(normalised_text(old_texts[tag.paragraph_id]), ())
            if (target, tag.label) not in already
        ]
        for target, tag in carried:
            session.execute(
                delete(TagRow).where(
                    TagRow.paragraph_id == target,
                    TagRow.label == tag.label,
                    TagRow.source == MODEL_SOURCE,
                    TagRow.status == TagStatus.PROPOSED,
                )
            )
            session.add(_copy(tag, target))
        if carried:
            after = {"from": old_id, "to": new_id, "tags": len(carried)}
            audit.record(session, user_name, "document.carry-over", "document", new_id, after=after)
        return len(carried)


def _decided_labels(session: Session, document_id: int) -> set[tuple[int, str]]:
    """(paragraph, label) pairs of the document an analyst already decided."""
    rows = session.execute(
        select(TagRow.paragraph_id, TagRow.label)
        .join(ParagraphRow)
        .where(ParagraphRow.document_id == document_id)
        .where((TagRow.status != TagStatus.PROPOSED) | (TagRow.source == ANALYST_SOURCE))
    )
    return {(paragraph_id, label) for paragraph_id, label in rows}


def _by_text(session: Session, document_id: int) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    rows = session.execute(
        select(ParagraphRow.id, ParagraphRow.text).where(ParagraphRow.document_id == document_id)
    )
    for paragraph_id, text in rows:
        key = normalised_text(text)
        if key:
            found[key].append(paragraph_id)
    return found


def _copy(tag: TagRow, paragraph_id: int) -> TagRow:
    return TagRow(
        paragraph_id=paragraph_id,
        label=tag.label,
        probability=tag.probability,
        decided=tag.decided,
        source=tag.source,
        tagger=tag.tagger,
        status=tag.status,
        evidence=list(tag.evidence),
        created_at=tag.created_at,
    )
