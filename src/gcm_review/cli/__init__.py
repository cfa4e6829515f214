"""The `gcm-review` command: `app`, with every command module imported so it registers."""

from gcm_review.cli import documents, review, survey, tagging  # noqa: F401  (registers commands)
from gcm_review.cli.app import app

__all__ = ["app"]
