"""Tagging a stored corpus: read the paragraphs to tag, tag them in batches, store the proposals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gcm_review.embed.registry import languages_of
from gcm_review.languages import detect_language
from gcm_review.store.database import Database, storage_errors
from gcm_review.store.tags import paragraph_explanation, paragraphs_to_tag, save_tags
from gcm_review.tagging.tagger import GcmTagger

BATCH = 256


@dataclass(frozen=True)
class TagReport:
    """What tagging stored documents did."""

    paragraphs: int
    tags: int  # proposals stored
    decided: int  # of which the tagger decided
    tagger: str
    # Paragraphs per language the embedder was not trained on: they got only the objectives
    # their text names explicitly.
    uncovered: dict[str, int] = field(default_factory=dict)


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
    uncovered: Counter[str] = Counter()
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        tagged = tagger.tag([para for _, para in chunk])
        for _, para in chunk:
            language = para.language or detect_language(para.text)
            if language is not None and tagger.uncovered(language):
                uncovered[language] += 1
        saved = save_tags(db, [(pid, tags) for (pid, _), tags in zip(chunk, tagged, strict=True)])
        stored += saved.proposals
        decided += saved.decided
        if on_progress is not None:
            on_progress(min(start + BATCH, len(todo)), len(todo))
    return TagReport(len(todo), stored, decided, tagger.name, dict(uncovered))


def explain_paragraph(db: Database, paragraph_id: int, *, embedder: str) -> dict[str, Any]:
    """A paragraph's tags with their evidence, and whether `embedder` covers its language
    ("embedder_covers_language": False means only explicit references could tag it)."""
    explanation = paragraph_explanation(db, paragraph_id)
    language = explanation["paragraph"].get("language")
    covered = languages_of(embedder)
    explanation["embedder"] = embedder
    explanation["embedder_covers_language"] = (
        covered is None or language is None or language in covered
    )
    return explanation
