"""The analyst web app (FastAPI, Jinja2 templates, optional HTMX): `create_app(settings)`."""

from gcm_review.web.app import create_app

__all__ = ["create_app"]
