"""Copies and versions and the integrity of each country's data in the web app: a focal point's
upload filed under their country and held for an analyst, marks on the list and the document
page, corrections by analysts only, deleted files and ids, several files per upload."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from markupsafe import escape

from gcm_review.settings import Settings
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.documents import list_documents
from gcm_review.store.relations import StoredRelation, relations_of
from gcm_review.synthesis.copies import Relation, RelationKind
from gcm_review.web.catalogues import translations
from gcm_review.web.routes.documents import CLEANER_COPY, CORRECTED_TEXT, proposal_reason
from gcm_review.web.uploads import upload_folder
from web.conftest import Seed, Visitor

EGYPT_REPORT = (
    b"Voluntary review of Egypt\n\n"
    b"1. Egypt\n\n"
    b"12. The representative of Egypt said that the government had opened shelters for "
    b"migrant workers and abolished recruitment fees under objective 6.\n\n"
    b"13. Egypt also lowered the cost of sending remittances home.\n\n"
    b"14. Egypt reformed its labour inspection to protect domestic workers from abuse.\n"
)


def upload(visitor: Visitor, *files: tuple[str, bytes]) -> object:
    return visitor.client.post(
        "/documents/upload",
        data={"csrf_token": visitor.token},
        files=[("file", (name, content, "text/plain")) for name, content in files],
        follow_redirects=False,
    )


def stored(db: Database, name: str) -> int:
    return next(doc.id for doc in list_documents(db) if doc.name == name)


def test_a_focal_points_copy_of_egypts_report_is_held_for_an_analyst(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst, focal_point = visit("analyst"), visit("focal-point")
    upload(analyst, ("egypt-review.txt", EGYPT_REPORT))
    app.state.jobs.wait_idle()
    egypt = stored(db, "egypt-review.txt")
    upload(focal_point, ("egypt-official.html", EGYPT_REPORT + b"\n"))
    app.state.jobs.wait_idle()
    copy = stored(db, "egypt-official.html")
    [filed] = [doc for doc in list_documents(db) if doc.id == copy]
    assert (filed.country, filed.uploader_country, filed.uploaded_by) == ("JOR", "JOR", "farid")
    # Nothing applied: both count, and the analyst sees the decision held on both pages.
    listing = {doc["id"]: doc for doc in analyst.client.get("/api/documents").json()}
    assert listing[egypt]["counted"] and listing[copy]["counted"]
    page = analyst.client.get(f"/documents/{egypt}").text
    assert "Held for an analyst" in page and "Until an analyst accepts it" in page
    # The focal point sees a decision is held without seeing Egypt's document.
    own = focal_point.client.get(f"/documents/{copy}").text
    assert "held for an analyst" in own and "egypt-review.txt" not in own
    [proposal] = analyst.client.get(f"/api/documents/{egypt}/proposals").json()
    assert (
        focal_point.post(f"/documents/{copy}/proposals/{proposal['id']}/accept").status_code == 403
    )  # type: ignore[attr-defined]
    accepted = analyst.post(f"/documents/{egypt}/proposals/{proposal['id']}/accept")
    assert accepted.status_code == 303  # type: ignore[attr-defined]
    listing = {doc["id"]: doc for doc in analyst.client.get("/api/documents").json()}
    assert [listing[egypt]["counted"], listing[copy]["counted"]].count(False) == 1
    [entry] = list_audit(db, where=AuditFilter(action="document.accept"))
    assert entry.user_name == "ana"


def test_a_set_aside_version_is_marked_and_says_it_does_not_count(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst = visit("analyst")
    upload(analyst, ("egypt.txt", EGYPT_REPORT))
    app.state.jobs.wait_idle()
    upload(analyst, ("egypt.txt", EGYPT_REPORT.replace(b"home.", b"home, a corrected line.")))
    app.state.jobs.wait_idle()
    versions = sorted(doc.id for doc in list_documents(db) if doc.name == "egypt.txt")
    older, newer = versions[0], versions[-1]
    listing = analyst.client.get("/documents").text
    assert "Older version: not counted" in listing
    page = analyst.client.get(f"/documents/{older}").text
    assert "reviewing its tags changes no count" in page
    assert f'href="/documents/{newer}"' in page
    assert "reviewing its tags" not in analyst.client.get(f"/documents/{newer}").text
    [record] = [d for d in analyst.client.get("/api/documents").json() if d["id"] == older]
    assert (record["counted"], record["counted_instead"]) == (False, newer)


def test_analysts_correct_a_document_and_focal_points_cannot(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    analyst, focal_point = visit("analyst"), visit("focal-point")
    form = analyst.client.get(f"/documents/{seed.jordan}/edit").text
    assert 'name="review_cycle"' in form
    response = analyst.post(
        f"/documents/{seed.jordan}/edit",
        {
            "country": "jor",
            "title": "Jordan review",
            "kind": "national-review",
            "review_cycle": "2024",
        },
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = analyst.client.get(f"/documents/{seed.jordan}").text
    assert "Jordan review" in page and "national-review" in page and "2024" in page
    [entry] = list_audit(db, where=AuditFilter(action="document.correct"))
    assert entry.before["kind"] is None and entry.after["kind"] == "national-review"
    assert "country" not in entry.after  # unchanged: JOR
    bad = analyst.post(f"/documents/{seed.jordan}/edit", {"country": "XYZ"})
    assert bad.status_code == 422  # type: ignore[attr-defined]
    api = analyst.client.patch(
        f"/api/documents/{seed.egypt}",
        json={"review_cycle": "2025"},
        headers={"X-CSRF-Token": analyst.token},
    )
    assert api.json() == {"before": {"review_cycle": None}, "after": {"review_cycle": "2025"}}
    assert focal_point.client.get(f"/documents/{seed.jordan}/edit").status_code == 403
    assert focal_point.post(f"/documents/{seed.jordan}/edit", {"country": "EGY"}).status_code == 403  # type: ignore[attr-defined]
    refused = focal_point.client.patch(
        f"/api/documents/{seed.jordan}",
        json={"country": "EGY"},
        headers={"X-CSRF-Token": focal_point.token},
    )
    assert refused.status_code == 403


def test_deleting_removes_the_uploaded_file_and_the_id_is_not_reused(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database, settings: Settings
) -> None:
    admin = visit("admin")
    upload(admin, ("egypt.txt", EGYPT_REPORT))
    app.state.jobs.wait_idle()
    doc_id = stored(db, "egypt.txt")
    [kept] = list(upload_folder(settings).iterdir())
    assert admin.post(f"/documents/{doc_id}/delete").status_code == 303  # type: ignore[attr-defined]
    assert not kept.exists()
    upload(admin, ("other.txt", EGYPT_REPORT.replace(b"Egypt", b"Jordan")))
    app.state.jobs.wait_idle()
    assert stored(db, "other.txt") > doc_id
    assert admin.client.get(f"/documents/{doc_id}").status_code == 404


def test_several_files_are_uploaded_at_once_each_its_own_job(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst = visit("analyst")
    response = upload(
        analyst,
        ("one.txt", EGYPT_REPORT),
        ("two.txt", EGYPT_REPORT.replace(b"Egypt", b"Morocco")),
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    app.state.jobs.wait_idle()
    listing = analyst.client.get("/documents").text
    assert "one.txt" in listing and "two.txt" in listing
    assert len(re.findall(r'class="job', listing)) >= 2
    form = analyst.client.get("/documents").text
    assert 'type="file" multiple' in form


def proposed_copy(
    analyst: Visitor, focal_point: Visitor, app: FastAPI, db: Database, name: str, tail: bytes
) -> tuple[int, dict[str, Any]]:
    """The analyst uploads Egypt's report, the focal point another copy of it (`name`, the text
    with `tail` added): the id of the analyst's document and the one proposal held about it."""
    upload(analyst, ("egypt-review.txt", EGYPT_REPORT))
    app.state.jobs.wait_idle()
    upload(focal_point, (name, EGYPT_REPORT + tail))
    app.state.jobs.wait_idle()
    egypt = stored(db, "egypt-review.txt")
    [proposal] = analyst.client.get(f"/api/documents/{egypt}/proposals").json()
    return egypt, proposal


def test_an_analyst_refuses_a_proposal_through_the_api(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst, focal_point = visit("analyst"), visit("focal-point")
    egypt, proposal = proposed_copy(analyst, focal_point, app, db, "egypt-again.txt", b"\n\n")
    headers = {"X-CSRF-Token": analyst.token}
    refused = analyst.client.post(f"/api/proposals/{proposal['id']}/refuse", headers=headers)
    assert (refused.json()["status"], refused.json()["decided_by"]) == ("refused", "ana")
    assert analyst.client.get(f"/api/documents/{egypt}/proposals").json() == []
    assert all(doc["counted"] for doc in analyst.client.get("/api/documents").json())
    wrong = analyst.client.post(f"/api/proposals/{proposal['id']}/maybe", headers=headers)
    assert wrong.status_code == 404
    unknown = analyst.client.patch(
        f"/api/documents/{egypt}", json={"owner": "EGY"}, headers=headers
    )
    assert unknown.status_code == 422
    listed = focal_point.client.get(f"/api/documents/{egypt}/proposals")
    assert listed.status_code == 403


def test_the_reason_of_a_proposal_follows_the_page_language(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst, focal_point = visit("analyst"), visit("focal-point")
    egypt, proposal = proposed_copy(analyst, focal_point, app, db, "egypt-official.html", b"\n")
    [held] = relations_of(db, [egypt])
    assert proposal["reason"] == held.reason  # the API keeps the stored English sentence
    assert held.reason in analyst.client.get(f"/documents/{egypt}").text
    assert held.similarity is not None
    share = f"{held.similarity:.0%}"
    message = CLEANER_COPY if held.kind == "copy" else CORRECTED_TEXT
    french = analyst.client.get(f"/documents/{egypt}", headers={"Accept-Language": "fr"}).text
    assert escape(translations("fr").gettext(message) % {"share": share}) in french
    assert held.reason not in french


def test_proposal_reasons_say_what_the_copy_rule_says_in_english() -> None:
    def stored_as(kind: RelationKind, share: float) -> StoredRelation:
        relation = Relation(1, 2, kind, share, across_uploaders=True)
        return StoredRelation(
            3, 1, 2, kind, "proposed", relation.reason(), datetime.now(UTC), None, None, share
        )

    for kind, share in (("version", 1.0), ("version", 0.93), ("copy", 0.971)):
        proposal = stored_as(kind, share)
        found = proposal_reason(proposal)
        assert found is not None
        message, values = found
        assert message % values == proposal.reason
    unmeasured = replace(stored_as("copy", 0.9), similarity=None)
    assert proposal_reason(unmeasured) is None  # the page shows the stored sentence
