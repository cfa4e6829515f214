"""The JSON API under /api: documents, paragraphs, tags, the review queue, its OpenAPI schema."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI

from web.conftest import Seed, TestClient, Visitor


def test_session_tells_who_is_signed_in(app: FastAPI, visit: Callable[[str], Visitor]) -> None:
    anonymous = TestClient(app).get("/api/session").json()
    assert anonymous["user"] is None
    assert len(anonymous["csrf_token"]) > 30
    focal = visit("focal-point").client.get("/api/session").json()
    assert focal["user"] == {"name": "farid", "role": "focal-point", "country": "JOR"}


def test_documents_list_and_detail(visit: Callable[[str], Visitor], seed: Seed) -> None:
    client = visit("analyst").client
    listed = client.get("/api/documents").json()
    assert [(doc["name"], doc["country"], doc["paragraph_count"]) for doc in listed] == [
        ("egypt.txt", "EGY", 1),
        ("jordan.txt", "JOR", 3),
    ]
    detail = client.get(f"/api/documents/{seed.jordan}").json()
    assert [para["id"] for para in detail["paragraphs"]] == list(seed.jordan_paragraphs)
    assert "path" not in detail  # the server's file path stays private
    tag = detail["paragraphs"][1]["tags"][0]
    assert tag["id"] == seed.jordan_tags[1]
    assert (tag["label"], tag["title"], tag["status"]) == (
        "objective:6",
        "Fair recruitment, decent work",
        "proposed",
    )
    assert tag["counts"] is True
    assert tag["evidence"][0]["matched"] == ["remittances"]
    sliced = client.get(f"/api/documents/{seed.jordan}", params={"offset": 1, "limit": 1}).json()
    assert [para["id"] for para in sliced["paragraphs"]] == [seed.jordan_paragraphs[1]]
    assert sliced["paragraph_count"] == 3
    focal = visit("focal-point").client.get("/api/documents").json()
    assert [doc["name"] for doc in focal] == ["jordan.txt"]


def test_paragraph_with_tags(visit: Callable[[str], Visitor], seed: Seed) -> None:
    para = visit("viewer").client.get(f"/api/paragraphs/{seed.jordan_paragraphs[1]}").json()
    assert para["language"] == "ar"
    assert para["country"] == "JOR"
    assert [tag["label"] for tag in para["tags"]] == ["objective:6"]
    missing = visit("viewer").client.get("/api/paragraphs/9999")
    assert missing.status_code == 404
    assert missing.json()["error"] == "ParagraphNotFound"


def test_review_through_the_api(visit: Callable[[str], Visitor], seed: Seed) -> None:
    analyst = visit("analyst")
    headers = {"X-CSRF-Token": analyst.token}
    post = analyst.client.post
    queue = analyst.client.get("/api/review-queue", params={"limit": 2}).json()
    assert [item["tag"]["id"] for item in queue] == [seed.jordan_tags[0], seed.egypt_tags[0]]
    assert queue[0]["document_name"] == "jordan.txt"
    accepted = post(f"/api/tags/{seed.jordan_tags[0]}/accept", headers=headers).json()
    assert accepted["status"] == "accepted"
    rejected = post(f"/api/tags/{seed.egypt_tags[0]}/reject", headers=headers).json()
    assert (rejected["status"], rejected["counts"]) == ("rejected", False)
    body = {"paragraph_id": seed.jordan_paragraphs[2], "label": "principle:human-rights"}
    added = post("/api/tags", json=body, headers=headers)
    assert added.status_code == 201
    assert (added.json()["source"], added.json()["tagger"]) == ("analyst", "ana")
    again = post("/api/tags", json=body, headers=headers).json()
    assert again["id"] == added.json()["id"]
    queue = analyst.client.get("/api/review-queue").json()
    assert [item["tag"]["id"] for item in queue] == [seed.jordan_tags[2], seed.jordan_tags[1]]
    bad = post("/api/tags", json={**body, "label": "objective:0"}, headers=headers)
    assert bad.status_code == 422
    assert "unknown label" in bad.json()["detail"]
    assert post("/api/tags/9999/accept", headers=headers).status_code == 404


def test_admin_deletes_through_the_api(visit: Callable[[str], Visitor], seed: Seed) -> None:
    admin = visit("admin")
    response = admin.client.delete(
        f"/api/documents/{seed.egypt}", headers={"X-CSRF-Token": admin.token}
    )
    assert response.status_code == 200
    assert response.json()["deleted"]["name"] == "egypt.txt"
    assert admin.client.get(f"/api/documents/{seed.egypt}").status_code == 404
    assert admin.client.get(f"/api/paragraphs/{seed.egypt_paragraphs[0]}").status_code == 404


def test_openapi_documents_the_api_only(app: FastAPI) -> None:
    client = TestClient(app)
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/session",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/documents/{document_id}/proposals",
        "/api/proposals/{proposal_id}/{decision}",
        "/api/jobs/{job_id}",
        "/api/paragraphs/{paragraph_id}",
        "/api/tags",
        "/api/tags/{tag_id}/accept",
        "/api/tags/{tag_id}/reject",
        "/api/review-queue",
        "/api/matrix",
        "/api/matrix/cell/{country}/{objective}",
        "/api/synthesis",
        "/api/search",
        "/api/agreement",
        "/api/coding/{paragraph_id}",
        "/api/adjudications",
        "/api/adjudications/{paragraph_id}",
        "/api/exports/{name}",
        "/api/exports/{name}/jobs",
        "/api/exports/jobs/{job_id}",
        "/api/exports/jobs/{job_id}/file",
        "/api/training",
        "/api/training/{job_id}",
        "/api/training-runs",
    }
    assert "TagOut" in client.get("/openapi.json").json()["components"]["schemas"]
    # The interactive pages would load scripts from a CDN: they are off.
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
