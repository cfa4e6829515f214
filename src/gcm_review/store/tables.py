"""The database schema as SQLAlchemy 2 declarative tables, shared by SQLite and PostgreSQL.

Any change here needs a new Alembic migration in store/migrations/versions/.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Base of every table."""


class DocumentRow(Base):
    """One stored version of an input file, identified by the hash of its bytes."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("source_name", "version", name="uq_documents_version"),
        {"sqlite_autoincrement": True},  # an id is never given again after a deletion
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    source_name: Mapped[str] = mapped_column(String(400), index=True)
    version: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    reader: Mapped[str] = mapped_column(String(40))
    encoding: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    page_count: Mapped[int | None] = mapped_column(Integer)
    raw_text: Mapped[str] = mapped_column(Text)
    problems: Mapped[list[str]] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    country: Mapped[str | None] = mapped_column(String(3))  # whose report it is, when known
    uploaded_by: Mapped[str | None] = mapped_column(String(100))
    uploader_id: Mapped[int | None] = mapped_column(Integer)  # the account, kept after deletion
    # A focal point's country when a focal point uploaded it: the document is then theirs only.
    uploader_country: Mapped[str | None] = mapped_column(String(3))
    kind: Mapped[str | None] = mapped_column(String(30))  # "national-review", ... (analysts)
    review_cycle: Mapped[str | None] = mapped_column(String(40))  # "2024", ... (analysts)
    signature: Mapped[list[int] | None] = mapped_column(JSON)  # store.signatures, for copies

    sections: Mapped[list[SectionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="SectionRow.seq"
    )
    paragraphs: Mapped[list[ParagraphRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ParagraphRow.seq"
    )
    repairs: Mapped[list[RepairRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="RepairRow.seq"
    )


class DocumentRelationRow(Base):
    """Two documents of different uploaders that look like one report (a copy or a version),
    proposed to an analyst: applied only once accepted."""

    __tablename__ = "document_relations"
    __table_args__ = (
        UniqueConstraint("document_id", "kept_id", name="uq_document_relations_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The document that would be set aside, and the one that would count instead.
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    kept_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "copy" or "version"
    status: Mapped[str] = mapped_column(String(20))  # "proposed", "accepted", "refused"
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SectionRow(Base):
    """A heading of a stored document."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    page: Mapped[int | None] = mapped_column(Integer)
    objective_refs: Mapped[list[int]] = mapped_column(JSON)
    country: Mapped[str | None] = mapped_column(String(3))

    document: Mapped[DocumentRow] = relationship(back_populates="sections")


class ParagraphRow(Base):
    """A paragraph, bullet or fragment, with its place and attribution."""

    __tablename__ = "paragraphs"
    __table_args__ = (Index("ix_paragraphs_document_seq", "document_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    section: Mapped[list[str]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    # `text` as full-text search compares it (store.search.searchable_text); the search index
    # covers this column. Every writer of `text` sets it too.
    search_text: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(8))
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_title: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    stakeholder_group: Mapped[str | None] = mapped_column(String(30))
    objective_refs: Mapped[list[int]] = mapped_column(JSON)
    section_objective_refs: Mapped[list[int]] = mapped_column(JSON)

    document: Mapped[DocumentRow] = relationship(back_populates="paragraphs")


class RepairRow(Base):
    """One recorded repair of extraction damage."""

    __tablename__ = "repairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    block: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    offset: Mapped[int | None] = mapped_column(Integer)
    removed: Mapped[str] = mapped_column(Text)
    inserted: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)  # how many changes this record sums up

    document: Mapped[DocumentRow] = relationship(back_populates="repairs")


class TagRow(Base):
    """A label on a paragraph: proposed by a tagger or given by an analyst."""

    __tablename__ = "tags"
    __table_args__ = (Index("ix_tags_paragraph_label", "paragraph_id", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraphs.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(60))  # "objective:6", "principle:human-rights"
    probability: Mapped[float] = mapped_column(Float)
    decided: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(20))  # "model" or "analyst"
    tagger: Mapped[str] = mapped_column(String(60))  # versioned name, or the analyst's name
    status: Mapped[str] = mapped_column(String(20))  # "proposed", "accepted", "rejected"
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserRow(Base):
    """An account of the web app: admin, analyst, focal-point (one country) or viewer."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(3))  # focal points only
    password_hash: Mapped[str] = mapped_column(Text)  # argon2
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    language: Mapped[str | None] = mapped_column(String(10))  # interface; None: the browser's


class SessionRow(Base):
    """A signed-in browser session; the cookie carries the token, this row its SHA-256 hash."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the token
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ApiTokenRow(Base):
    """A personal API token for scripts, stored as the SHA-256 hash of its secret."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditRow(Base):
    """Who changed what, when, with the state before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))  # "tag.accept", "document.delete", ...
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(60))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class AccessRow(Base):
    """Who signed in or out, failed to sign in, downloaded or was refused something, and when.

    Kept apart from the audit of changes (`AuditRow`), whose newest id tells caches that the
    data changed; the audit page shows both."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))  # "sign-in", "download", ...
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(60))
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


class ParagraphReviewRow(Base):
    """One coder's final labels for one paragraph (the unit of inter-coder agreement)."""

    __tablename__ = "paragraph_reviews"
    __table_args__ = (UniqueConstraint("paragraph_id", "coder", name="uq_paragraph_reviews_coder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraphs.id", ondelete="CASCADE"))
    coder: Mapped[str] = mapped_column(String(100))
    labels: Mapped[list[str]] = mapped_column(JSON)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # "coding": labels given on the coding page (what agreement counts). "review": labels an
    # earlier version derived from accept/reject decisions (migration 0008), never counted.
    origin: Mapped[str] = mapped_column(String(20), default="coding", server_default="coding")


class AdjudicationRow(Base):
    """The settled labels of a paragraph its coders disagreed on, and who settled them when."""

    __tablename__ = "adjudications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(
        ForeignKey("paragraphs.id", ondelete="CASCADE"), unique=True
    )
    labels: Mapped[list[str]] = mapped_column(JSON)
    adjudicator: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TrainingRunRow(Base):
    """A refit of the tagger's supervised layer on analysts' decisions, scored before and after."""

    __tablename__ = "training_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_name: Mapped[str] = mapped_column(String(100))
    tagger: Mapped[str] = mapped_column(String(60))
    examples: Mapped[int] = mapped_column(Integer)
    feedback: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)


# Full-text search objects made by migrations 0003 and 0004 outside these declarations (an FTS5
# table and its shadow tables on SQLite, an expression index on PostgreSQL).
SEARCH_OBJECT_PREFIXES = ("paragraphs_fts", "ix_paragraphs_text_search")


def declared_here(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic `include_name` filter: False for the search objects declared only in migrations."""
    return not (name or "").startswith(SEARCH_OBJECT_PREFIXES)
