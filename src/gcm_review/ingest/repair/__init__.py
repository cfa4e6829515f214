"""Repair stage of ingestion: undo extraction damage and record every change (model.Repair)."""

from __future__ import annotations

from gcm_review.ingest.repair.pipeline import repair

__all__ = ["repair"]
