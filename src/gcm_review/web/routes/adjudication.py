"""Adjudication: for each paragraph its coders disagreed on, an analyst or admin sees every
coder's labels side by side and settles the paragraph's labels; who settled them and when is
kept. Adjudications never become codings: agreement stays measured on the independent codings.

Settling is open to those who may read agreement (analysts and admins).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from gcm_review.model.coding import Adjudication, Coding
from gcm_review.model.stored import ParagraphView
from gcm_review.store.browse import paragraph_with_tags
from gcm_review.store.database import Database
from gcm_review.store.feedback import adjudicate, load_adjudications, load_codings
from gcm_review.store.users import User
from gcm_review.web.analysis_models import AdjudicationIn, AdjudicationOut
from gcm_review.web.deps import DbDep, LabelsDep, redirect, render, require, safe_next
from gcm_review.web.paragraph_links import ParagraphLink, document_ids_of, paragraph_links
from gcm_review.web.routes.agreement import label_groups, non_coders

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["agreement"])

Adjudicator = Annotated[User, Depends(require("agreement.read"))]
Show = Literal["open", "all"]
PAGE = 20  # disputed paragraphs per page


@dataclass(frozen=True)
class Dispute:
    """A paragraph whose coders disagree: each coder's labels and the settled ones, if any."""

    paragraph_id: int
    codings: tuple[Coding, ...]  # by coder name
    adjudication: Adjudication | None

    @property
    def given(self) -> list[str]:
        """Every label some coder or the adjudicator gave, in label order."""
        found = {label for coding in self.codings for label in coding.labels}
        if self.adjudication is not None:
            found |= self.adjudication.labels
        return sorted(found, key=_label_order)

    @property
    def agreed(self) -> frozenset[str]:
        """The labels every coder gave."""
        return frozenset.intersection(*(coding.labels for coding in self.codings))


def _label_order(label: str) -> tuple[int, int, str]:
    kind, _, key = label.partition(":")
    return (0, int(key), "") if kind == "objective" and key.isdigit() else (1, 0, label)


def disputes(db: Database, user: User) -> list[Dispute]:
    """The paragraphs coded by two or more coders with different labels, in the user's
    documents, by paragraph id."""
    scope = user.document_scope
    documents = None if scope is None else document_ids_of(db, scope)
    by_paragraph: dict[int, list[Coding]] = {}
    for coding in load_codings(db, documents, excluded_coders=non_coders(db)):
        by_paragraph.setdefault(coding.paragraph_id, []).append(coding)
    settled = load_adjudications(db, documents)
    return [
        Dispute(pid, tuple(codings), settled.get(pid))
        for pid, codings in sorted(by_paragraph.items())
        if len(codings) >= 2 and len({coding.labels for coding in codings}) > 1
    ]


def _items(
    db: Database, user: User, shown: list[Dispute], links: dict[int, ParagraphLink]
) -> list[dict[str, object]]:
    items = []
    for dispute in shown:
        para: ParagraphView = paragraph_with_tags(db, dispute.paragraph_id, user=user)
        ticked = dispute.agreed if dispute.adjudication is None else dispute.adjudication.labels
        items.append(
            {"dispute": dispute, "para": para, "link": links.get(para.id), "ticked": ticked}
        )
    return items


@router.get("/adjudication")
def adjudication_page(
    request: Request,
    db: DbDep,
    labels: LabelsDep,
    user: Adjudicator,
    show: Show = "open",
    page: int = 1,
) -> Response:
    """The disputed paragraphs (by default those not settled yet), coders side by side."""
    found = disputes(db, user)
    listed = [d for d in found if show == "all" or d.adjudication is None]
    pages = max(1, -(-len(listed) // PAGE))
    page = min(max(page, 1), pages)
    shown = listed[(page - 1) * PAGE : page * PAGE]
    links = paragraph_links(db, [d.paragraph_id for d in shown])
    context = {
        "items": _items(db, user, shown, links),
        "groups": label_groups(labels),
        "disputed": len(found),
        "settled": sum(1 for d in found if d.adjudication is not None),
        "show": show,
        "page": page,
        "pages": pages,
        "back": f"/adjudication?show={show}&page={page}",
    }
    return render(request, "adjudication.html", context, user=user)


@router.post("/adjudication/{paragraph_id}")
def settle(
    db: DbDep,
    paragraph_id: int,
    user: Adjudicator,
    label: Annotated[list[str] | None, Form()] = None,
    next: Annotated[str, Form()] = "",
) -> Response:
    """Settle the paragraph's labels (every unticked label does not apply)."""
    adjudicate(db, paragraph_id, label or [], user)
    return redirect(safe_next(next, "/adjudication"))


def adjudication_out(found: Adjudication) -> AdjudicationOut:
    return AdjudicationOut(
        paragraph_id=found.paragraph_id,
        labels=sorted(found.labels, key=_label_order),
        adjudicator=found.adjudicator,
        decided_at=found.decided_at,
    )


@api.get("/adjudications", summary="Settled paragraphs")
def adjudications_api(db: DbDep, user: Adjudicator) -> list[AdjudicationOut]:
    """Every adjudication in the documents you may see: the settled labels, who, when."""
    scope = user.document_scope
    documents = None if scope is None else document_ids_of(db, scope)
    return [adjudication_out(found) for found in load_adjudications(db, documents).values()]


@api.post("/adjudications/{paragraph_id}", summary="Settle a disputed paragraph")
def adjudicate_api(
    db: DbDep, paragraph_id: int, body: AdjudicationIn, user: Adjudicator
) -> AdjudicationOut:
    """Store `labels` as the paragraph's settled labels (an earlier settlement is replaced);
    codings, tags and the agreement figures do not change."""
    return adjudication_out(adjudicate(db, paragraph_id, body.labels, user))
