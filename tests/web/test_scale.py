"""Regional scale in the web app (issue 16.4): long exports in the background, the job list
pruned, JSON lists paged by default, the synthesis page in parts, the synthesis cache bounded,
the matrix made without the full synthesis, and tag panels loaded on demand."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI

from gcm_review.model import StructuredDocument
from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.users import User
from gcm_review.web import report_view
from gcm_review.web.jobs import IngestJobs, Job
from gcm_review.web.synthesis_cache import SynthesisCache
from web.conftest import Seed, Visitor


def _wait(app: FastAPI) -> None:
    app.state.jobs.wait_idle(timeout=120)


def test_a_long_export_is_made_in_the_background_and_downloaded(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    analyst = visit("analyst")
    started = analyst.client.post(
        "/api/exports/report.docx/jobs", headers={"X-CSRF-Token": analyst.token}
    )
    assert started.status_code == 202
    job = started.json()
    assert job["name"] == "report.docx" and job["download"] is None
    _wait(app)
    done = analyst.client.get(f"/api/exports/jobs/{job['id']}").json()
    assert (done["state"], done["progress"]) == ("done", 1.0)
    assert done["download"] == f"/exports/jobs/{job['id']}/file"
    file = analyst.client.get(done["download"])
    assert file.headers["content-disposition"] == 'attachment; filename="gcm-review-report.docx"'
    assert zipfile.ZipFile(io.BytesIO(file.content)).testzip() is None
    # The exports page lists it with its link; another account cannot see it.
    page = analyst.client.get("/exports").text
    assert f'href="/exports/jobs/{job["id"]}/file"' in page
    assert visit("admin").client.get(done["download"]).status_code == 200
    other = visit("focal-point").client
    assert other.get(f"/api/exports/jobs/{job['id']}").status_code == 404
    assert other.get(done["download"]).status_code == 404


def test_the_export_form_starts_a_job_and_shows_its_progress(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    analyst = visit("analyst")
    page = analyst.client.get("/exports").text
    assert '<form method="post" action="/exports/report.html/jobs"' in page
    assert 'action="/exports/paragraphs.csv/jobs"' not in page  # quick files: no job
    made = analyst.post("/exports/report.html/jobs")
    assert made.status_code == 303  # type: ignore[attr-defined]
    location = made.headers["location"]  # type: ignore[attr-defined]
    assert re.fullmatch(r"/exports/jobs/[0-9a-f]{32}", location)
    _wait(app)
    status = analyst.client.get(f"{location}/status").text
    assert "Ready to download" in status and "Download report.html" in status
    html = analyst.client.get(f"{location}/file")
    assert html.text.lower().startswith("<!doctype html>")
    assert analyst.post("/exports/paragraphs.csv/jobs").status_code == 404  # type: ignore[attr-defined]


def _finished(number: int, at: datetime, kind: str = "export") -> Job:
    return Job(
        id=f"job{number}",
        owner="ana",
        name="report.html",
        state="done",
        step="Ready to download",
        progress=1.0,
        created_at=at,
        kind=kind,  # type: ignore[arg-type]
        finished_at=at,
    )


def test_the_job_list_is_pruned_by_age_and_number(db: Database, settings: Settings) -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    jobs = IngestJobs(db, replace(settings, job_days_kept=7.0, jobs_kept=3), clock=lambda: now)
    try:
        old = _finished(0, now - timedelta(days=8))
        jobs._put(old)
        analyst = User(1, "ana", "analyst", None, True, now)
        assert jobs.get("job0", analyst) is None  # older than 7 days: gone
        running = replace(_finished(1, now - timedelta(days=30)), state="writing")
        jobs._put(running)
        for number in range(2, 6):
            jobs._put(_finished(number, now - timedelta(hours=10 - number)))
        kept = [job.id for job in jobs.recent(analyst, limit=10, kind="export")]
        # At most three: the running one stays whatever its age, the oldest finished go.
        assert kept == ["job5", "job4", "job1"]
    finally:
        jobs.shutdown()


def test_document_paragraphs_and_the_document_list_are_paged_by_default(
    visit: Callable[[str], Visitor],
    db: Database,
    make_document: Callable[..., StructuredDocument],
) -> None:
    saved = save_document(db, make_document(name="long.txt", paragraphs=150), reader="text.v1")
    client = visit("analyst").client
    detail = client.get(f"/api/documents/{saved.document_id}").json()
    assert (detail["paragraph_count"], detail["offset"], len(detail["paragraphs"])) == (150, 0, 100)
    rest = client.get(f"/api/documents/{saved.document_id}", params={"offset": 100}).json()
    assert len(rest["paragraphs"]) == 50
    assert client.get(f"/api/documents/{saved.document_id}?limit=1001").status_code == 422
    listed = client.get("/api/documents", params={"limit": 1})
    assert listed.headers["x-total-count"] == "3" and len(listed.json()) == 1
    second = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert second[0]["id"] != listed.json()[0]["id"]


def test_the_synthesis_page_comes_in_parts(
    visit: Callable[[str], Visitor], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_view, "PAGE_BYTES", 1)  # every block a page of its own
    monkeypatch.setattr(report_view, "FIRST_BYTES", 1)  # only the first section on the page
    client = visit("analyst").client
    html = client.get("/synthesis").text
    more = re.findall(r'<p class="more"><a href="(/synthesis/parts/([a-z-]+)/(\d+))"', html)
    assert more, "no link to a further part"
    assert any(anchor == "key-messages" and number == "1" for _, anchor, number in more)
    assert any(number == "0" for _, _, number in more)  # later sections load when asked
    path = next(path for path, _, number in more if number == "0")
    fragment = client.get(path, headers={"HX-Request": "true"}).text
    assert "<html" not in fragment and fragment.strip()
    full = client.get(path).text
    assert "<html" in full and "Back to the synthesis" in full
    assert client.get("/synthesis/parts/key-messages/999").status_code == 404
    assert client.get("/synthesis/parts/Not_An_Anchor/0").status_code == 422


def test_the_matrix_does_not_wait_for_the_full_synthesis(app: FastAPI, seed: Seed) -> None:
    cache: SynthesisCache = app.state.synthesis
    cache.warm = False
    entry = cache.get(None)
    assert entry.matrix.count("JOR", 6) == 1 and not entry.drafted
    assert cache.drafts == 0
    assert entry.synthesis.matrix == entry.matrix  # the same matrix, once drafted
    assert entry.drafted and cache.drafts == 1


def test_the_synthesis_cache_keeps_at_most_its_number_of_scopes(app: FastAPI, seed: Seed) -> None:
    cache: SynthesisCache = app.state.synthesis
    cache.warm = False
    cache.max_scopes = 1
    first = cache.get(None)
    jordan = cache.get("JOR")
    assert [code for code, _ in jordan.matrix.countries] == ["JOR"]
    assert list(cache._entries) == ["JOR"]
    assert cache.get(None) is not first  # dropped, so computed again
    assert cache.computations == 3


def test_a_tag_panel_is_loaded_when_its_chip_is_opened(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst").client
    html = analyst.get(f"/documents/{seed.jordan}").text
    tag = seed.jordan_tags[1]
    assert f'data-tag="{tag}"' in html
    assert f'action="/tags/{tag}/accept"' not in html  # the forms come with the panel
    panel = analyst.get(f"/tags/{tag}/panel", params={"next": f"/documents/{seed.jordan}"}).text
    assert f'action="/tags/{tag}/accept"' in panel and f'action="/tags/{tag}/reject"' in panel
    assert f'value="/documents/{seed.jordan}#p-{seed.jordan_paragraphs[1]}"' in panel
    assert "lexicon.v1" in panel  # the evidence table
    elsewhere = analyst.get(f"/tags/{tag}/panel", params={"next": "https://example.org/"}).text
    assert "https://example.org" not in elsewhere
    focal = visit("focal-point").client
    assert focal.get(f"/tags/{seed.egypt_tags[0]}/panel").status_code == 404
    viewer = visit("viewer").client.get(f"/tags/{tag}/panel").text
    assert "/accept" not in viewer and "lexicon.v1" in viewer
