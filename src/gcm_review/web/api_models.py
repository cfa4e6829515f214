"""The JSON API's shapes (they document /openapi.json), built from the store's records.

A paragraph, a tag and a document carry the fields of their one definition in model.stored
(ParagraphOut and TagOut refuse any other field; tests/web/test_api_models.py checks that none is
missing), plus what the API adds: a tag's title and whether it counts, a document's counts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gcm_review.model.stored import ParagraphView, record_fields
from gcm_review.store.browse import DocumentView, TagView
from gcm_review.store.documents import DocumentSummary
from gcm_review.store.relations import StoredRelation
from gcm_review.store.review_actions import QueueItem
from gcm_review.store.users import User
from gcm_review.web.display import LabelNames
from gcm_review.web.jobs import Job


class UserOut(BaseModel):
    """The signed-in account."""

    name: str
    role: str
    country: str | None = Field(description="ISO3 code of a focal point's country")


class SessionOut(BaseModel):
    """Who is signed in, and the token to send as X-CSRF-Token with POST and DELETE."""

    user: UserOut | None
    csrf_token: str


class DocumentOut(BaseModel):
    """A stored document version."""

    id: int
    name: str
    version: int
    format: str
    language: str | None
    title: str | None
    country: str | None
    uploaded_by: str | None
    paragraph_count: int
    ingested_at: datetime
    uploader_id: int | None = None
    uploader_country: str | None = Field(
        default=None, description="a focal point's country when a focal point uploaded it"
    )
    kind: str | None = None
    review_cycle: str | None = None
    counted: bool = Field(
        default=True, description="false for a copy or an older version set aside"
    )
    counted_instead: int | None = Field(
        default=None, description="the document that counts instead"
    )


class DocumentCorrectionIn(BaseModel):
    """A correction of a document's header (analysts and administrators); absent fields stay,
    an empty string clears the title, kind or review cycle."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = Field(None, max_length=3, examples=["EGY"])
    title: str | None = Field(None, max_length=1000)
    kind: str | None = Field(None, max_length=30, examples=["national-review"])
    review_cycle: str | None = Field(None, max_length=40, examples=["2024"])


class ProposalOut(BaseModel):
    """A copy or version decision across uploaders, held for an analyst."""

    id: int
    document_id: int = Field(description="set aside once accepted")
    kept_id: int = Field(description="counts instead once accepted")
    kind: str = Field(description='"copy" or "version"')
    status: str = Field(description='"proposed", "accepted" or "refused"')
    reason: str
    decided_by: str | None


class TagOut(BaseModel):
    """A label on a paragraph with its evidence."""

    model_config = ConfigDict(extra="forbid")

    id: int
    paragraph_id: int
    label: str = Field(description='"objective:6" or "principle:<key>"')
    title: str
    probability: float
    decided: bool = Field(description="the probability reached the label's threshold")
    source: str = Field(description='"model" or "analyst"')
    tagger: str
    status: str = Field(description='"proposed", "accepted" or "rejected"')
    counts: bool = Field(description="whether the synthesis counts this tag")
    evidence: list[dict[str, Any]]
    created_at: datetime


class ParagraphOut(BaseModel):
    """A paragraph with its place, attribution and tags."""

    model_config = ConfigDict(extra="forbid")

    id: int
    document_id: int
    seq: int
    number: str | None
    kind: str
    section: list[str]
    text: str
    page: int | None
    language: str | None
    speaker: str | None
    speaker_title: str | None
    organisation: str | None
    country: str | None
    stakeholder_group: str | None
    tags: list[TagOut]


class DocumentDetailOut(DocumentOut):
    """A document with its paragraphs (all of them, or the requested slice)."""

    page_count: int | None
    problems: list[str]
    offset: int
    paragraphs: list[ParagraphOut]


class AddTagIn(BaseModel):
    """A label an analyst gives a paragraph."""

    paragraph_id: int
    label: str = Field(max_length=60, examples=["objective:6", "principle:human-rights"])


class JobOut(BaseModel):
    """An upload being ingested."""

    id: str
    name: str
    state: str = Field(description="queued, reading, tagging, done or failed")
    step: str
    progress: float
    document_id: int | None
    outcome: str | None = Field(description="new, new-version or unchanged")
    error: str | None
    created_at: datetime


class QueueItemOut(BaseModel):
    """A proposal to review, with its paragraph (without its other tags)."""

    tag: TagOut
    paragraph: ParagraphOut
    document_name: str


class DeletedOut(BaseModel):
    """What a deletion removed."""

    deleted: dict[str, Any]


def user_out(user: User) -> UserOut:
    return UserOut(name=user.name, role=user.role, country=user.country)


def document_out(doc: DocumentSummary, counted_instead: int | None = None) -> DocumentOut:
    return DocumentOut(
        id=doc.id,
        name=doc.name,
        version=doc.version,
        format=doc.format,
        language=doc.language,
        title=doc.title,
        country=doc.country,
        uploaded_by=doc.uploaded_by,
        paragraph_count=doc.paragraphs,
        ingested_at=doc.ingested_at,
        uploader_id=doc.uploader_id,
        uploader_country=doc.uploader_country,
        kind=doc.kind,
        review_cycle=doc.review_cycle,
        counted=counted_instead is None,
        counted_instead=counted_instead,
    )


def proposal_out(proposal: StoredRelation) -> ProposalOut:
    return ProposalOut(
        id=proposal.id,
        document_id=proposal.document_id,
        kept_id=proposal.kept_id,
        kind=proposal.kind,
        status=proposal.status,
        reason=proposal.reason,
        decided_by=proposal.decided_by,
    )


def tag_out(tag: TagView, labels: LabelNames) -> TagOut:
    return TagOut(
        **{
            **record_fields(tag),
            "status": tag.status.value,
            "evidence": [dict(item) for item in tag.evidence],
        },
        title=labels.title(tag.label),
        counts=tag.counts,
    )


def paragraph_out(para: ParagraphView, labels: LabelNames) -> ParagraphOut:
    return ParagraphOut(
        **{**record_fields(para), "section": list(para.section)},
        tags=[tag_out(tag, labels) for tag in para.tags],
    )


def document_detail_out(
    doc: DocumentView, paragraphs: tuple[ParagraphView, ...], offset: int, labels: LabelNames
) -> DocumentDetailOut:
    return DocumentDetailOut(
        id=doc.id,
        name=doc.name,
        version=doc.version,
        format=doc.format,
        language=doc.language,
        title=doc.title,
        country=doc.country,
        uploaded_by=doc.uploaded_by,
        paragraph_count=doc.paragraphs,
        ingested_at=doc.ingested_at,
        uploader_id=doc.uploader_id,
        uploader_country=doc.uploader_country,
        kind=doc.kind,
        review_cycle=doc.review_cycle,
        page_count=doc.page_count,
        problems=list(doc.problems),
        offset=offset,
        paragraphs=[paragraph_out(para, labels) for para in paragraphs],
    )


def job_out(job: Job, *, linked: bool) -> JobOut:
    return JobOut(
        id=job.id,
        name=job.name,
        state=job.state,
        step=job.step,
        progress=job.progress,
        document_id=job.document_id if linked else None,
        outcome=job.outcome,
        error=job.error,
        created_at=job.created_at,
    )


def queue_item_out(item: QueueItem, labels: LabelNames) -> QueueItemOut:
    return QueueItemOut(
        tag=tag_out(item.tag, labels),
        paragraph=paragraph_out(item.paragraph, labels),
        document_name=item.document_name,
    )
