"""NUL characters out of a document before it is stored, recorded as a repair.

SQLite stores U+0000 in text but PostgreSQL refuses it, so one database would keep a document
the other rejects. Both now store it the same way: every NUL is dropped at the store's boundary
(no reader or repair stage has to know about it) and the document gets one `nul-character`
repair counting them, so the change is visible in its repairs.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from gcm_review.model import Repair, StructuredDocument

NUL = "\x00"
REPAIR_KIND = "nul-character"

T = TypeVar("T")


def strip_nul(doc: StructuredDocument) -> StructuredDocument:
    """The document without NUL characters, with a repair counting them (itself when none)."""
    if not _count(doc):
        return doc
    clean = _without_nul(doc)
    found = max(doc.repaired.source.raw_text.count(NUL), 1)  # as read, before structuring
    repair = Repair(kind=REPAIR_KIND, block=0, page=None, removed="", count=found)
    repaired = replace(clean.repaired, repairs=(*clean.repaired.repairs, repair))
    return replace(clean, repaired=repaired)


def _count(value: Any) -> int:
    """NUL characters in the document's own text: its blocks (the raw text) and what the
    structure stage made of them (title, sections, paragraphs, attributions)."""
    if isinstance(value, str):
        return value.count(NUL)
    if isinstance(value, tuple):
        return sum(_count(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return sum(_count(getattr(value, f.name)) for f in fields(value))
    return 0


def _without_nul(value: T) -> T:
    if isinstance(value, str):
        return value.replace(NUL, "")  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_without_nul(item) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _without_nul(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changed)
    return value
