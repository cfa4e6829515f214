"""The `gcm-review` command: `app`, with every command module imported so it registers."""

from gcm_review.cli import documents, retrain, review, serve, survey, tagging, users  # noqa: F401
from gcm_review.cli.app import app

__all__ = ["app"]
