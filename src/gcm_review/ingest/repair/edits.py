"""TextEdit: one change a repair module made to a string, before it becomes a model.Repair."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextEdit:
    """`removed` replaced by `inserted` at `offset` of the text the module was given.

    Edits of one call are listed in the order they were applied; each offset refers to the text
    as it was just before that edit, so replaying them in order rebuilds the output.
    """

    kind: str
    offset: int
    removed: str
    inserted: str = ""
    count: int = 1


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """Replay `edits` on `text` (a check that a module's record matches what it did)."""
    for edit in edits:
        end = edit.offset + len(edit.removed)
        if text[edit.offset : end] != edit.removed:
            raise ValueError(f"edit {edit} does not match the text at its offset")
        text = text[: edit.offset] + edit.inserted + text[end:]
    return text
