"""Timestamps read back as aware UTC datetimes (SQLite returns them without a time zone)."""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(value: datetime) -> datetime:
    """The stored time with its UTC time zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
