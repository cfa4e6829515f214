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
    __table_args__ = (UniqueConstraint("source_name", "version", name="uq_documents_version"),)

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

    sections: Mapped[list[SectionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="SectionRow.seq"
    )
    paragraphs: Mapped[list[ParagraphRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ParagraphRow.seq"
    )
    repairs: Mapped[list[RepairRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="RepairRow.seq"
    )


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
