"""The JSON API's shapes for the analysis pages: matrix, search, agreement, coding, training."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class CountryOut(BaseModel):
    """A reporting member state: a row of the matrix."""

    iso3: str
    name: str


class MatrixCellOut(BaseModel):
    """The member-state paragraphs of one country addressing one objective."""

    country: str = Field(description="ISO3 code")
    objective: int
    count: int
    paragraph_ids: list[int]


class MatrixOut(BaseModel):
    """Countries by objectives: paragraphs addressing each (or 0/1 when `binary`)."""

    binary: bool
    countries: list[CountryOut]
    objectives: list[int]
    values: list[list[int]] = Field(description="values[row][column]: counts, or 0/1")
    cells: list[MatrixCellOut] = Field(description="every non-zero cell with its paragraphs")


class EvidenceOut(BaseModel):
    """A paragraph behind a claim, with where to read it."""

    paragraph_id: int
    document_id: int
    document: str
    number: str | None
    href: str = Field(description="the paragraph in the document view")
    text: str
    sentence: str | None = Field(description="the sentence the tag's evidence points at")


class MatrixCellDetailOut(BaseModel):
    """One cell of the matrix with its evidence paragraphs."""

    country: str
    country_name: str
    objective: int
    title: str
    paragraphs: list[EvidenceOut]


class SnippetPieceOut(BaseModel):
    """A stretch of a snippet; `match` marks the query's words."""

    text: str
    match: bool


class SearchHitOut(BaseModel):
    """A paragraph found, best first."""

    paragraph_id: int
    document_id: int
    document: str
    href: str
    rank: float = Field(description="higher is better: bm25 for text, cosine for semantic")
    language: str | None = Field(None, description="the paragraph's language (by meaning)")
    other_language: bool = Field(False, description="in another language than the query")
    snippet: list[SnippetPieceOut]


class SearchOut(BaseModel):
    """The paragraphs found for a query among the documents you may see."""

    query: str
    mode: str = Field(description='"text" (every word) or "semantic" (meaning, any language)')
    min_score: float | None = Field(None, description="by meaning: the least similarity shown")
    pending: int = Field(0, description="by meaning: paragraphs not searched yet (being prepared)")
    query_language: str | None = Field(None, description="by meaning: the query's language")
    hits: list[SearchHitOut]


class LabelAgreementOut(BaseModel):
    """Agreement on one label, or on all of them pooled ("micro")."""

    label: str
    title: str
    kappa: float | None
    kappa_note: str | None = Field(description="why kappa is not defined, when it is not")
    alpha: float | None
    alpha_note: str | None = Field(description="why alpha is not defined, when it is not")
    both: int
    only_a: int
    only_b: int
    neither: int


class DisagreementOut(BaseModel):
    """A paragraph and label the coders answered differently: to adjudicate."""

    paragraph_id: int
    href: str | None
    label: str
    yes: list[str]
    no: list[str]
    adjudicated: bool = Field(False, description="whether an analyst has settled the paragraph")


class AgreementOut(BaseModel):
    """Cohen's kappa (coders A and B) and Krippendorff's alpha (every coder) per label."""

    coders: list[str]
    coder_a: str | None
    coder_b: str | None
    shared: int = Field(description="paragraphs coded by both A and B")
    multiply_coded: int = Field(description="paragraphs coded by at least two coders")
    disputed: int = Field(0, description="paragraphs with at least one disagreement")
    adjudicated: int = Field(0, description="disputed paragraphs an analyst has settled")
    labels: list[LabelAgreementOut]
    micro: LabelAgreementOut
    disagreements: list[DisagreementOut]


class CodingIn(BaseModel):
    """Your own labels for a paragraph: every label you judge present (the rest are "no")."""

    labels: list[str] = Field(max_length=100, examples=[["objective:6", "principle:human-rights"]])


class CodingOut(BaseModel):
    """A coder's labels for a paragraph, as stored."""

    paragraph_id: int
    coder: str
    labels: list[str]


class AdjudicationIn(BaseModel):
    """The settled labels of a paragraph: every label that applies (the rest do not)."""

    labels: list[str] = Field(max_length=100, examples=[["objective:6"]])


class AdjudicationOut(BaseModel):
    """A paragraph's settled labels, who settled them and when."""

    paragraph_id: int
    labels: list[str]
    adjudicator: str
    decided_at: datetime


class RetrainIn(BaseModel):
    """How to retrain."""

    check_examples: bool = Field(True, description="also score on the written examples (slower)")
    retag: bool = Field(False, description="tag the stored documents again afterwards")


class RetrainJobOut(BaseModel):
    """A retrain running in the background."""

    id: str
    state: str = Field(description="queued, training, done or failed")
    step: str
    progress: float
    error: str | None
    training_run_id: int | None
    created_at: datetime


class TrainingRunOut(BaseModel):
    """A recorded retrain with its before and after figures."""

    id: int
    at: datetime
    user: str
    tagger: str
    examples: int
    feedback: int
    before: dict[str, Any]
    after: dict[str, Any]
