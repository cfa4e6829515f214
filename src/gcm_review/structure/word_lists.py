"""Word lists written in code as one string: "Mr Ms Mrs Dr" -> ("Mr", "Ms", "Mrs", "Dr")."""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a word-list literal, in order."""
    return tuple(text.split())
