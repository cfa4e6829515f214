"""Inter-coder agreement (kappa and alpha per label, disagreements to adjudicate) and blind,
independent coding of paragraphs, which is what makes those figures meaningful.

The coding page shows a paragraph and the label boxes only: no model suggestion, no other
coder's labels, and no box ticked but the coder's own saved ones. Agreement is computed on
those codings alone, from coders whose role may code; adjudications (routes/adjudication.py)
settle disagreements without changing any figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import Response

from gcm_review.feedback.agreement import (
    AgreementReport,
    InvalidCoders,
    LabelAgreement,
    agreement_report,
)
from gcm_review.model.stored import ParagraphView
from gcm_review.store.browse import document_page, paragraph_with_tags
from gcm_review.store.database import Database
from gcm_review.store.documents import list_documents
from gcm_review.store.feedback import load_adjudications, load_codings
from gcm_review.store.review_actions import code_paragraph, coder_labels
from gcm_review.store.users import User, list_users
from gcm_review.web.analysis_models import (
    AgreementOut,
    CodingIn,
    CodingOut,
    DisagreementOut,
    LabelAgreementOut,
)
from gcm_review.web.catalogues import N_
from gcm_review.web.deps import DbDep, LabelsDep, is_htmx, redirect, render, require, safe_next
from gcm_review.web.display import LabelNames
from gcm_review.web.failures import web_message
from gcm_review.web.i18n import translate
from gcm_review.web.paragraph_links import ParagraphLink, document_ids_of, paragraph_links
from gcm_review.web.permissions import PERMISSIONS

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["agreement"])

Reader = Annotated[User, Depends(require("agreement.read"))]
Coder = Annotated[User, Depends(require("paragraph.code"))]
CoderName = Annotated[str, Query(max_length=100)]
SHOWN_DISAGREEMENTS = 300
CODING_PAGE = 25  # paragraphs per page of the coding view
SKIPPED_KINDS = ("contents",)


def non_coders(db: Database) -> set[str]:
    """The accounts whose role may not code (focal points, viewers): never counted as coders."""
    return {
        account.name
        for account in list_users(db)
        if "paragraph.code" not in PERMISSIONS.get(account.role, frozenset())
    }


def agreement_of(
    db: Database, user: User, coder_a: str, coder_b: str, labels: LabelNames
) -> AgreementReport:
    """Agreement over the independent codings of the documents the user may see."""
    scope = user.document_scope
    documents = None if scope is None else document_ids_of(db, scope)
    codings = load_codings(db, documents, excluded_coders=non_coders(db))
    settled = load_adjudications(db, documents)
    return agreement_report(
        codings, list(labels.names), coder_a or None, coder_b or None, adjudicated=settled
    )


NO_SHARED = N_("%(coder_a)s and %(coder_b)s coded no paragraph in common")


def _english(message: str) -> str:
    return message


def kappa_note(
    row: LabelAgreement, report: AgreementReport, message: Callable[[str], str] = _english
) -> str | None:
    """Why kappa is not defined for this row, or None when it is; in English unless `message`
    translates the note's message."""
    if row.kappa is not None:
        return None
    if report.coder_a is None:
        return message(N_("kappa needs two coders"))
    if report.shared == 0:
        return message(NO_SHARED) % {"coder_a": report.coder_a, "coder_b": report.coder_b}
    return message(
        N_("both coders gave the same answer on every shared paragraph (chance agreement is 1)")
    )


def alpha_note(
    row: LabelAgreement, report: AgreementReport, message: Callable[[str], str] = _english
) -> str | None:
    """Why alpha is not defined for this row, or None when it is (translated as kappa_note)."""
    if row.alpha is not None:
        return None
    if report.multiply_coded == 0:
        return message(N_("no paragraph was coded by two coders"))
    return message(N_("every coder gave the same answer everywhere (no variation to measure)"))


def label_agreement_out(
    row: LabelAgreement,
    report: AgreementReport,
    labels: LabelNames,
    message: Callable[[str], str] = _english,
) -> LabelAgreementOut:
    return LabelAgreementOut(
        label=row.label,
        title=N_("all labels (micro)") if row.label == "micro" else labels.title(row.label),
        kappa=row.kappa,
        kappa_note=kappa_note(row, report, message),
        alpha=row.alpha,
        alpha_note=alpha_note(row, report, message),
        both=row.both,
        only_a=row.only_a,
        only_b=row.only_b,
        neither=row.neither,
    )


def agreement_out(
    report: AgreementReport,
    links: dict[int, ParagraphLink],
    labels: LabelNames,
    *,
    limit: int | None = None,
    message: Callable[[str], str] = _english,
) -> AgreementOut:
    shown = report.disagreements if limit is None else report.disagreements[:limit]
    settled = set(report.adjudicated)
    return AgreementOut(
        coders=list(report.coders),
        coder_a=report.coder_a,
        coder_b=report.coder_b,
        shared=report.shared,
        multiply_coded=report.multiply_coded,
        disputed=len(report.disputed),
        adjudicated=len(report.adjudicated),
        labels=[label_agreement_out(row, report, labels, message) for row in report.labels],
        micro=label_agreement_out(report.micro, report, labels, message),
        disagreements=[
            DisagreementOut(
                paragraph_id=d.paragraph_id,
                href=links[d.paragraph_id].href if d.paragraph_id in links else None,
                label=d.label,
                yes=list(d.yes),
                no=list(d.no),
                adjudicated=d.paragraph_id in settled,
            )
            for d in shown
        ],
    )


@router.get("/agreement")
def agreement_page(
    request: Request,
    db: DbDep,
    labels: LabelsDep,
    user: Reader,
    coder_a: CoderName = "",
    coder_b: CoderName = "",
) -> Response:
    """Kappa and alpha per objective and principle for two chosen coders, and disagreements."""
    error: str | None = None
    try:
        report = agreement_of(db, user, coder_a, coder_b, labels)
    except InvalidCoders as exc:
        report = agreement_of(db, user, "", "", labels)
        error = web_message(exc)
    shown = report.disagreements[:SHOWN_DISAGREEMENTS]
    links = paragraph_links(db, [d.paragraph_id for d in shown])
    out = agreement_out(
        report,
        links,
        labels,
        limit=SHOWN_DISAGREEMENTS,
        message=lambda text: translate(request, text),  # the notes in the page's language
    )
    context = {
        "report": out,
        "objectives": [row for row in out.labels if row.label.startswith("objective:")],
        "principles": [row for row in out.labels if row.label.startswith("principle:")],
        "hidden": len(report.disagreements) - len(shown),
        "error": error,
    }
    status = 200 if error is None else 422
    return render(request, "agreement.html", context, user=user, status_code=status)


@api.get("/agreement", summary="Agreement between coders")
def agreement_api(
    db: DbDep,
    labels: LabelsDep,
    user: Reader,
    coder_a: CoderName = "",
    coder_b: CoderName = "",
) -> AgreementOut:
    """Cohen's kappa of coders A and B (by default the two sharing the most paragraphs) and
    Krippendorff's alpha of every coder, per objective and principle and pooled ("micro"),
    with each undefined figure's reason, and every disagreement to adjudicate."""
    try:
        report = agreement_of(db, user, coder_a, coder_b, labels)
    except InvalidCoders as exc:
        raise HTTPException(status_code=422, detail=web_message(exc)) from None
    links = paragraph_links(db, [d.paragraph_id for d in report.disagreements])
    return agreement_out(report, links, labels)


# --- independent coding ----------------------------------------------------------------------


def _coding_item(para: ParagraphView, mine: frozenset[str] | None) -> dict[str, object]:
    """A paragraph to code and the coder's own saved labels: nothing of the model or of others."""
    return {"para": para, "mine": mine}


def label_groups(labels: LabelNames) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(legend, [(label, short name, title)]) for the checkbox grid."""
    objectives, principles = [], []
    for label, (code, title) in labels.names.items():
        if label.startswith("objective:"):
            objectives.append((label, code, title))
        else:
            principles.append((label, title, title))
    return [(N_("Objectives"), objectives), (N_("Guiding principles"), principles)]


@router.get("/coding")
def coding_page(
    request: Request,
    db: DbDep,
    labels: LabelsDep,
    user: Coder,
    document: int | None = None,
    page: int = 1,
) -> Response:
    """Code a document's paragraphs blind: the text and the label boxes, no suggestion."""
    if document is None:
        documents = list_documents(db, country=user.document_scope)
        return render(request, "coding_documents.html", {"documents": documents}, user=user)
    page = max(page, 1)
    shown = document_page(
        db, document, user=user, offset=(page - 1) * CODING_PAGE, limit=CODING_PAGE
    )
    paragraphs = [p for p in shown.paragraphs if p.kind not in SKIPPED_KINDS]
    mine = coder_labels(db, [p.id for p in paragraphs], user.name)
    context = {
        "doc": shown.document,
        "items": [_coding_item(p, mine.get(p.id)) for p in paragraphs],
        "groups": label_groups(labels),
        "page": page,
        "pages": max(1, -(-shown.document.paragraphs // CODING_PAGE)),
        "back": f"/coding?document={document}&page={page}",
    }
    return render(request, "coding.html", context, user=user)


@router.post("/coding/{paragraph_id}")
def code(
    request: Request,
    db: DbDep,
    labels: LabelsDep,
    paragraph_id: int,
    user: Coder,
    label: Annotated[list[str] | None, Form()] = None,
    next: Annotated[str, Form()] = "",
) -> Response:
    """Save the coder's labels for one paragraph (every unticked label is a "no")."""
    coding = code_paragraph(db, paragraph_id, label or [], user)
    if not is_htmx(request):
        return redirect(safe_next(next, "/coding"))
    para = paragraph_with_tags(db, paragraph_id, user=user)
    context = {
        **_coding_item(para, coding.labels),
        "groups": label_groups(labels),
        "back": safe_next(next, "/coding").split("#", 1)[0],
        "saved": True,
    }
    return render(request, "_coding_paragraph.html", context, user=user)


@api.post("/coding/{paragraph_id}", summary="Code a paragraph independently")
def code_api(db: DbDep, paragraph_id: int, body: CodingIn, user: Coder) -> CodingOut:
    """Store `labels` as your whole judgement of the paragraph (the labels you leave out are a
    "no"); no tag changes. Your earlier coding of it is replaced."""
    coding = code_paragraph(db, paragraph_id, body.labels, user)
    return CodingOut(
        paragraph_id=coding.paragraph_id, coder=coding.coder, labels=sorted(coding.labels)
    )
