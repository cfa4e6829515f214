"""Retraining from the web app: the admin page starts a run on the background worker, shows its
progress and then the before/after figures; uploads afterwards use a tagger refit with the
feedback (the ingest tagger is always built with it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI

from gcm_review.store.database import Database
from gcm_review.store.training_runs import training_runs
from gcm_review.store.users import get_user_by_name
from gcm_review.tagging.examples import training_examples
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.web.jobs import IngestJobs
from gcm_review.workflows import feedback as retrain_module
from gcm_review.workflows.feedback import feedback_examples
from web.conftest import Seed, Visitor

REPORT = b"1. Jordan\n\nThe ministry cut recruitment fees for migrant workers.\n"


@pytest.fixture(autouse=True)
def few_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retrain on a slice of the written examples, so that a run takes a moment."""
    examples = training_examples()[:60]
    monkeypatch.setattr(retrain_module, "training_examples", lambda framework=None: examples)


def give_feedback(visitor: Visitor, seed: Seed) -> None:
    for tag in seed.jordan_tags:
        assert visitor.post(f"/tags/{tag}/accept").status_code == 303  # type: ignore[attr-defined]
    assert visitor.post(f"/tags/{seed.egypt_tags[0]}/reject").status_code == 303  # type: ignore[attr-defined]


def test_training_page_starts_a_run_and_shows_its_figures(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI, db: Database
) -> None:
    admin = visit("admin")
    page = admin.client.get("/admin/training").text
    assert 'action="/admin/training"' in page and "No run recorded yet." in page
    give_feedback(admin, seed)
    started = admin.post("/admin/training", {"check_examples": "true"})
    assert started.status_code == 303  # type: ignore[attr-defined]
    app.state.jobs.wait_idle()
    [run] = training_runs(db)
    assert run.user == "ada" and run.feedback == 4  # four decisions; reviewing makes no coding
    assert run.after["examples_cv"] is not None
    html = admin.client.get("/admin/training").text
    assert f"Recorded training run {run.id}" in html
    assert f"Run {run.id} ·" in html
    assert "Written examples, held out" in html
    before = run.before["examples_cv"]["objectives"]["f1"]
    assert f"{before:.3f}" in html
    on_feedback = run.after["feedback_cv"]["objectives"]["f1"]
    assert 'Analysts&#39; decisions, held out <span class="sub">(4 paragraphs, ' in html
    assert f"{on_feedback:.3f}" in html


def test_htmx_start_and_progress_fragment(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    admin = visit("admin")
    give_feedback(admin, seed)
    fragment = admin.client.post(
        "/admin/training",
        data={"csrf_token": admin.token},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and "Retrain the tagger" in fragment.text
    [job] = app.state.jobs.recent(app_user(app, "ada"), kind="retrain")
    app.state.jobs.wait_idle()
    done = admin.client.get(f"/admin/training/jobs/{job.id}")
    assert "Recorded training run" in done.text and "hx-trigger" not in done.text
    assert done.headers["HX-Trigger"] == "training-changed"
    assert "Micro-F1 on held-out data" in done.text
    assert admin.client.get("/admin/training/jobs/nope").status_code == 404
    # Upload jobs are not training jobs, and retrains do not show among uploads.
    assert app.state.jobs.recent(app_user(app, "ada")) == []


def app_user(app: FastAPI, name: str) -> Any:
    return get_user_by_name(app.state.db, name)


def test_a_run_without_feedback_fails_with_its_reason(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    admin = visit("admin")
    admin.post("/admin/training")
    app.state.jobs.wait_idle()
    html = admin.client.get("/admin/training").text
    assert "Failed" in html
    assert "there is no analyst feedback to learn from yet" in html


def test_training_needs_the_csrf_token(visit: Callable[[str], Visitor], app: FastAPI) -> None:
    admin = visit("admin")
    refused = admin.client.post("/admin/training", data={}, follow_redirects=False)
    assert refused.status_code == 403
    api = admin.client.post("/api/training", json={})
    assert api.status_code == 403
    assert app.state.jobs.recent(app_user(app, "ada"), kind="retrain") == []


def test_training_api(visit: Callable[[str], Visitor], seed: Seed, app: FastAPI) -> None:
    admin = visit("admin")
    give_feedback(admin, seed)
    headers = {"X-CSRF-Token": admin.token}
    started = admin.client.post("/api/training", json={"check_examples": False}, headers=headers)
    assert started.status_code == 202
    job = started.json()
    assert job["state"] in ("queued", "training")
    app.state.jobs.wait_idle()
    done = admin.client.get(f"/api/training/{job['id']}").json()
    assert done["state"] == "done" and isinstance(done["training_run_id"], int)
    [run] = admin.client.get("/api/training-runs").json()
    assert run["id"] == done["training_run_id"]
    assert run["before"]["examples_cv"] is None  # the written examples were not checked
    assert run["before"]["feedback_cv"]["paragraphs"] == 4


def test_uploads_after_a_retrain_use_a_refit_tagger(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI, fake_tagger: GcmTagger
) -> None:
    loads: list[int] = []

    def counting_loader() -> GcmTagger:
        loads.append(1)
        return fake_tagger

    jobs: IngestJobs = app.state.jobs
    jobs.tagger_loader = counting_loader
    admin = visit("admin")
    give_feedback(admin, seed)

    def upload(name: str, body: bytes) -> None:
        response = admin.client.post(
            "/documents/upload",
            data={"csrf_token": admin.token},
            files={"file": (name, body, "text/plain")},
            follow_redirects=False,
        )
        assert response.status_code == 303

    upload("one.txt", REPORT)
    jobs.wait_idle()
    assert len(loads) == 1
    admin.post("/admin/training")
    upload("two.txt", REPORT + b"\n2. More fees were cut.\n")
    jobs.wait_idle()
    assert len(loads) == 2  # the retrain dropped the tagger: the upload trained a new one


def test_the_ingest_tagger_learns_from_the_feedback(
    app: FastAPI,
    db: Database,
    seed: Seed,
    visit: Callable[[str], Visitor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    give_feedback(visit("analyst"), seed)
    seen: dict[str, Any] = {}

    def fake_load_tagger(**options: Any) -> str:
        seen.update(options)
        return "tagger"

    monkeypatch.setattr(retrain_module, "load_tagger", fake_load_tagger)
    jobs = IngestJobs(db, app.state.settings)
    try:
        assert jobs.tagger_loader() == "tagger"  # type: ignore[comparison-overlap]
    finally:
        jobs.shutdown()
    assert seen["embedder"] == "fake.v1" and seen["probe_embedder"] == ""
    feedback = feedback_examples(db)
    assert feedback and seen["feedback"] == feedback
