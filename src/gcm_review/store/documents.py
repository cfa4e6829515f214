"""Storing structured documents and reading them back. One transaction per document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from gcm_review.errors import DocumentNotFound, StorageError
from gcm_review.model import Paragraph, Repair, Section, StructuredDocument
from gcm_review.model.stored import PARAGRAPH_FIELDS, StoredDocument
from gcm_review.store.database import Database, error_line
from gcm_review.store.nul_characters import strip_nul
from gcm_review.store.records import document_fields
from gcm_review.store.search import searchable_text
from gcm_review.store.signatures import text_signature
from gcm_review.store.tables import DocumentRow, ParagraphRow, RepairRow, SectionRow

SaveStatus = Literal["new", "new-version", "unchanged"]
RECORD_LEAVES_OUT = ("document_id", "seq")  # paragraph_record: its document gives them
COUNTRY_SHARE = 0.6  # share of member-state paragraphs that makes a document one country's
VERSION_ATTEMPTS = 20  # tries at a version number while other processes store the same name


@dataclass(frozen=True)
class SaveResult:
    """What storing one document did."""

    document_id: int
    status: SaveStatus
    version: int


@dataclass(frozen=True)
class DocumentSummary(StoredDocument):
    """One line of the documents list: a document with its paragraph and repair counts."""

    paragraphs: int
    repairs: int


def find_document_by_hash(db: Database, sha256: str) -> SaveResult | None:
    """The stored document with these exact bytes, if any."""
    with db.sessions() as session:
        row = session.scalars(select(DocumentRow).where(DocumentRow.sha256 == sha256)).first()
        return None if row is None else SaveResult(row.id, "unchanged", row.version)


def document_country(doc: StructuredDocument) -> str | None:
    """The country at least 60% of the document's member-state paragraphs speak for, if any."""
    countries = Counter(
        para.attribution.country
        for para in doc.paragraphs
        if para.attribution.stakeholder_group == "member-state" and para.attribution.country
    )
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count >= COUNTRY_SHARE * sum(countries.values()) else None


@dataclass(frozen=True)
class Uploader:
    """Who uploaded a document: the account, and a focal point's country (None otherwise)."""

    name: str
    id: int | None = None
    country: str | None = None  # a focal point's: the document is filed under it only


def save_document(
    db: Database,
    doc: StructuredDocument,
    *,
    reader: str,
    uploader: Uploader | None = None,
) -> SaveResult:
    """Store doc with its sections, paragraphs and repairs; a no-op when its bytes are known.

    A focal point's upload (`uploader.country`) is filed under their country, whatever its title
    or paragraphs say, and its paragraphs attributed to another country are filed under theirs
    too (`own_country_only`): it never counts for another country. Other documents get
    `document_country(doc)`. NUL characters are dropped and counted as a repair (`strip_nul`),
    so SQLite and PostgreSQL store the same text. A new version of a name another process is
    storing at the same time is retried with the next version number.
    """
    doc = strip_nul(doc)
    if uploader is not None and uploader.country:
        doc = own_country_only(doc, uploader.country)
    source = doc.repaired.source
    for _attempt in range(VERSION_ATTEMPTS):
        known = find_document_by_hash(db, source.sha256)
        if known is not None:
            return known
        version = _latest_version(db, source.name) + 1
        try:
            return _insert_version(db, doc, reader=reader, version=version, uploader=uploader)
        except IntegrityError as exc:
            # Another process may have stored the same bytes, or this version number of the same
            # name, in the meantime: then look again and take the next number.
            if (
                find_document_by_hash(db, source.sha256)
                or _latest_version(db, source.name) >= version
            ):
                continue
            raise StorageError(
                f"{source.path}: could not store the document ({error_line(exc)})"
            ) from exc
        except SQLAlchemyError as exc:
            raise StorageError(
                f"{source.path}: could not store the document ({error_line(exc)})"
            ) from exc
    raise StorageError(
        f"{source.path}: could not store the document: other processes kept storing versions "
        f"of {source.name!r} at the same time ({VERSION_ATTEMPTS} tries)",
        hint="store it again; it will get the next version number",
    )


def own_country_only(doc: StructuredDocument, country: str) -> StructuredDocument:
    """A focal point's upload with every paragraph naming another country filed under theirs,
    and a problem line saying how many were moved from which countries."""
    moved = Counter(
        para.attribution.country
        for para in doc.paragraphs
        if para.attribution.country and para.attribution.country != country
    )
    if not moved:
        return doc
    paragraphs = tuple(
        replace(para, attribution=replace(para.attribution, country=country))
        if para.attribution.country and para.attribution.country != country
        else para
        for para in doc.paragraphs
    )
    others = ", ".join(sorted(moved))
    note = (
        f"{sum(moved.values())} paragraphs were attributed to another country ({others}); "
        f"as an upload by a focal point for {country} they are filed under {country}."
    )
    source = doc.repaired.source
    source = replace(source, problems=(*source.problems, note))
    return replace(doc, paragraphs=paragraphs, repaired=replace(doc.repaired, source=source))


def _latest_version(db: Database, name: str) -> int:
    with db.sessions() as session:
        latest = session.scalar(
            select(func.max(DocumentRow.version)).where(DocumentRow.source_name == name)
        )
    return int(latest or 0)


def _insert_version(
    db: Database,
    doc: StructuredDocument,
    *,
    reader: str,
    version: int,
    uploader: Uploader | None,
) -> SaveResult:
    """Store doc as this version of its name, or a later one if another process stored that
    version meanwhile (IntegrityError when another process stored the same bytes).

    The name is locked for the transaction (SQLite: the write lock `transaction` takes; PostgreSQL:
    an advisory lock on the name), so the latest version read here stays the latest until commit.
    """
    with db.transaction() as session:
        name = doc.repaired.source.name
        if session.get_bind().dialect.name == "postgresql":
            session.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                {"key": f"gcm-review document {name}"},
            )
        latest = session.scalar(
            select(func.max(DocumentRow.version)).where(DocumentRow.source_name == name)
        )
        version = max(version, int(latest or 0) + 1)
        row = _document_row(doc, reader=reader, version=version)
        if uploader is not None:
            row.uploaded_by, row.uploader_id = uploader.name, uploader.id
            row.uploader_country = uploader.country
        row.country = row.uploader_country or document_country(doc)
        session.add(row)
        session.flush()
        return SaveResult(row.id, "new-version" if version > 1 else "new", row.version)


def _document_row(doc: StructuredDocument, *, reader: str, version: int) -> DocumentRow:
    source = doc.repaired.source
    row = DocumentRow(
        sha256=source.sha256,
        source_name=source.name,
        version=version,
        path=source.path,
        format=source.format,
        reader=reader,
        encoding=source.encoding,
        title=doc.title,
        language=doc.language,
        page_count=source.page_count,
        raw_text=source.raw_text,
        problems=list(source.problems),
        ingested_at=datetime.now(UTC),
        signature=text_signature(para.text for para in doc.paragraphs),
    )
    row.sections = [_section_row(seq, section) for seq, section in enumerate(doc.sections)]
    row.paragraphs = [_paragraph_row(para) for para in doc.paragraphs]
    row.repairs = [_repair_row(seq, repair) for seq, repair in enumerate(doc.repaired.repairs)]
    return row


def _section_row(seq: int, section: Section) -> SectionRow:
    return SectionRow(
        seq=seq,
        title=section.title,
        level=section.level,
        kind=section.kind,
        page=section.page,
        objective_refs=list(section.objective_refs),
        country=section.country,
    )


def _paragraph_row(para: Paragraph) -> ParagraphRow:
    who = para.attribution
    return ParagraphRow(
        seq=para.index,
        number=para.number,
        kind=para.kind,
        section=list(para.section),
        text=para.text,
        search_text=searchable_text(para.text),
        page=para.page,
        language=para.language,
        speaker=who.speaker,
        speaker_title=who.title,
        organisation=who.organisation,
        country=who.country,
        stakeholder_group=who.stakeholder_group,
        objective_refs=list(para.objective_refs),
        section_objective_refs=list(para.section_objective_refs),
    )


def _repair_row(seq: int, repair: Repair) -> RepairRow:
    return RepairRow(
        seq=seq,
        kind=repair.kind,
        block=repair.block,
        page=repair.page,
        offset=repair.offset,
        removed=repair.removed,
        inserted=repair.inserted,
        count=repair.count,
    )


def list_documents(db: Database, *, country: str | None = None) -> list[DocumentSummary]:
    """Every stored document version (only that country's when given), newest first."""
    paragraphs = (
        select(func.count(ParagraphRow.id))
        .where(ParagraphRow.document_id == DocumentRow.id)
        .scalar_subquery()
    )
    repairs = (
        select(func.count(RepairRow.id)).where(RepairRow.document_id == DocumentRow.id)
    ).scalar_subquery()
    query = select(DocumentRow, paragraphs, repairs).order_by(DocumentRow.id.desc())
    if country is not None:
        query = query.where(DocumentRow.country == country)
    with db.sessions() as session:
        return [
            DocumentSummary(**document_fields(row), paragraphs=n_paragraphs, repairs=n_repairs)
            for row, n_paragraphs, n_repairs in session.execute(query)
        ]


def document_record(db: Database, document_id: int) -> dict[str, Any]:
    """A stored document as plain data: the JSON shape `ingest --format json` prints."""
    with db.sessions() as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            raise DocumentNotFound(f"no document with id {document_id}")
        return _record(row)


def _record(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.source_name,
        "version": row.version,
        "path": row.path,
        "sha256": row.sha256,
        "format": row.format,
        "reader": row.reader,
        "encoding": row.encoding,
        "title": row.title,
        "language": row.language,
        "page_count": row.page_count,
        "problems": list(row.problems),
        "country": row.country,
        "uploaded_by": row.uploaded_by,
        "sections": [_section_record(section) for section in row.sections],
        "repairs": [_repair_record(repair) for repair in row.repairs],
        "paragraphs": [paragraph_record(para) for para in row.paragraphs],
    }


def _section_record(section: SectionRow) -> dict[str, Any]:
    return {
        "title": section.title,
        "level": section.level,
        "kind": section.kind,
        "page": section.page,
        "objective_refs": list(section.objective_refs),
        "country": section.country,
    }


def _repair_record(repair: RepairRow) -> dict[str, Any]:
    return {
        "kind": repair.kind,
        "block": repair.block,
        "page": repair.page,
        "offset": repair.offset,
        "removed": repair.removed,
        "inserted": repair.inserted,
        "count": repair.count,
    }


def paragraph_record(para: ParagraphRow) -> dict[str, Any]:
    """A stored paragraph as plain data: its StoredParagraph fields (without the document id and
    place in it, which the document gives) and its objective references."""
    refs = sorted(set(para.objective_refs) | set(para.section_objective_refs))
    record: dict[str, Any] = {
        name: getattr(para, name) for name in PARAGRAPH_FIELDS if name not in RECORD_LEAVES_OUT
    }
    record["section"] = list(para.section)
    return {**record, "objective_refs": refs, "objective_refs_in_text": list(para.objective_refs)}
