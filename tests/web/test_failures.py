"""Named core errors map to HTTP statuses in one place."""

from __future__ import annotations

import pytest

from gcm_review.errors import (
    AccessDenied,
    DocumentNotFound,
    GcmReviewError,
    InputError,
    TooManyAttempts,
)
from gcm_review.feedback.agreement import InvalidCoders
from gcm_review.feedback.retrain import NoFeedbackYet
from gcm_review.web.failures import status_of


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
