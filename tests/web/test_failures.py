"""Named core errors map to HTTP statuses in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from gcm_review.errors import (
    AccessDenied,
    DocumentNotFound,
    GcmReviewError,
    InputError,
    TooManyAttempts,
)
from gcm_review.feedback.agreement import InvalidCoders
from gcm_review.feedback.retrain import NoFeedbackYet
from gcm_review.logs import setup_logging
from gcm_review.web.failures import install_error_handlers, status_of


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (AccessDenied("no"), 403),
        (DocumentNotFound("gone"), 404),
        (TooManyAttempts("wait", retry_after=5), 429),
        (InvalidCoders("coder A and coder B are both 'ana'"), 422),
        (NoFeedbackYet("nothing to learn from yet"), 409),
        (InputError("report.pdf", "cannot be read"), 422),
        (GcmReviewError("unlisted"), 500),
    ],
)
def test_each_named_error_has_its_status(error: GcmReviewError, status: int) -> None:
    assert status_of(error) == status


def test_a_bug_in_a_route_is_logged_and_answered_as_an_internal_error(tmp_path: Path) -> None:
    log_file = tmp_path / "gcm-review.log"
    setup_logging(log_file)
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    response = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert response.status_code == 500
    body = response.json()
    assert body["error"] == "InternalError"
    assert body["detail"].startswith("internal error while answering GET /api/boom")
    assert "please report it" in body["detail"] and str(log_file) in body["detail"]
    assert "RuntimeError: a bug" in log_file.read_text(encoding="utf-8")
