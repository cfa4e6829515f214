"""Tagging a stored corpus: read the paragraphs to tag, tag them in batches, store the proposals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gcm_review.store.database import Database, storage_errors
from gcm_review.store.tags import paragraphs_to_tag, save_tags
from gcm_review.tagging.tagger import GcmTagger

BATCH = 256


@dataclass(frozen=True)
class TagReport:
    """What tagging stored documents did."""

    paragraphs: int
    tags: int  # proposals stored
    decided: int  # of which the tagger decided
    tagger: str


def tag_documents(
    db: Database,
    *,
    tagger: GcmTagger,
    document_ids: Sequence[int] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> TagReport:
    """Tag every paragraph of the given (or all) stored documents and store the proposals
    (none for a label an analyst has decided on the paragraph: see `save_tags`)."""
    with storage_errors("tagging"):
        return _tag_all(db, tagger, document_ids, on_progress)


def _tag_all(
    db: Database,
    tagger: GcmTagger,
    document_ids: Sequence[int] | None,
    on_progress: Callable[[int, int], None] | None,
) -> TagReport:
    todo = paragraphs_to_tag(db, document_ids)
    stored = decided = 0
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        tagged = tagger.tag([para for _, para in chunk])
        saved = save_tags(db, [(pid, tags) for (pid, _), tags in zip(chunk, tagged, strict=True)])
        stored += saved.proposals
        decided += saved.decided
        if on_progress is not None:
            on_progress(min(start + BATCH, len(todo)), len(todo))
    return TagReport(len(todo), stored, decided, tagger.name)
