"""Ingest many files: read, repair, structure, store; a bad file never stops the batch."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gcm_review.errors import FileNotFound, GcmReviewError, InputError
from gcm_review.frameworks import load_framework
from gcm_review.ingest import ReadLimits, read, reader_name
from gcm_review.ingest.input_files import check_input_file, files_under, is_folder
from gcm_review.ingest.repair import repair
from gcm_review.logs import internal_error
from gcm_review.model import StructuredDocument
from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.documents import find_document_by_hash, save_document
from gcm_review.structure import structure
from gcm_review.workflows.copies import relate_new_document
from gcm_review.workflows.deadline import time_limit

LOG = logging.getLogger(__name__)

CLI_USER = "cli"  # who the audit log names for what the command line stores
OutcomeStatus = Literal["new", "new-version", "unchanged", "failed"]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input file."""

    path: str
    status: OutcomeStatus
    document_id: int | None = None
    version: int | None = None
    format: str | None = None
    language: str | None = None
    title: str | None = None
    pages: int | None = None
    paragraphs: int = 0
    repairs: int = 0
    error: str | None = None  # one line: file, problem, what to do
    problems: tuple[str, ...] = ()  # non-fatal trouble: a skipped page, a repair refused, ...


@dataclass(frozen=True)
class IngestReport:
    """The outcome of every file of a batch, in input order."""

    outcomes: tuple[FileOutcome, ...]

    @property
    def failed(self) -> tuple[FileOutcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.status == "failed")


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every non-hidden file under each folder, in a stable order.

    A subfolder that cannot be listed stays in the list, so that its outcome reports it."""
    files: list[Path] = []
    for path in paths:
        if is_folder(path):
            files.extend(files_under(path))
        else:  # whatever it is, it gets its outcome: a missing path is reported, not skipped
            files.append(path)
    return files


def process_file(path: Path, *, settings: Settings) -> StructuredDocument:
    """Read, repair and structure one file, without storing it, within the per-file limits.

    Past a limit it raises a LimitExceeded that names the setting: size, decompressed size,
    nesting and paragraphs in the readers, time (`max_read_seconds`, main thread) here.
    """
    framework = load_framework(settings.framework)
    limits = ReadLimits.from_settings(settings)
    with time_limit(settings.max_read_seconds, path=str(path)):
        source = read(path, max_bytes=settings.max_file_bytes, limits=limits)
        doc = repair(source, max_removed_share=settings.repair_max_share)
        return structure(doc, framework=framework)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise FileNotFound(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def ingest_file(path: Path, *, db: Database, settings: Settings) -> FileOutcome:
    """Ingest one file; every failure becomes a 'failed' outcome with a one-line message."""
    try:
        check_input_file(path)  # a FIFO or a device is refused before anything opens it
        if path.stat().st_size <= settings.max_file_bytes:  # read() refuses larger ones
            known = find_document_by_hash(db, file_sha256(path))
            if known is not None:
                return FileOutcome(str(path), "unchanged", known.document_id, known.version)
        doc = process_file(path, settings=settings)
        saved = save_document(db, doc, reader=reader_name(doc.repaired.source.format))
        if saved.status != "unchanged":
            relate_new_document(db, saved.document_id, user_name=CLI_USER)
    except InputError as exc:
        return FileOutcome(str(path), "failed", error=exc.one_line())
    except GcmReviewError as exc:
        return FileOutcome(str(path), "failed", error=exc.one_line())
    except Exception as exc:  # a bug on one file must not stop the batch; logged with traceback
        bug = internal_error(LOG, exc, doing="ingesting it", path=str(path))
        return FileOutcome(str(path), "failed", error=bug.one_line())
    return _outcome(path, doc, saved.document_id, saved.status, saved.version)


def _outcome(
    path: Path, doc: StructuredDocument, document_id: int, status: OutcomeStatus, version: int
) -> FileOutcome:
    source = doc.repaired.source
    return FileOutcome(
        path=str(path),
        status=status,
        document_id=document_id,
        version=version,
        format=source.format,
        language=doc.language,
        title=doc.title,
        pages=source.page_count,
        paragraphs=len(doc.paragraphs),
        repairs=len(doc.repaired.repairs),
        problems=source.problems,
    )


def ingest_paths(
    paths: Sequence[Path],
    *,
    db: Database,
    settings: Settings,
    on_file_done: Callable[[FileOutcome], None] | None = None,
) -> IngestReport:
    """Ingest every file under paths and report each outcome; the batch goes past failures."""
    load_framework(settings.framework)  # a broken framework file stops the batch before it starts
    outcomes = []
    for path in expand_paths(paths):
        outcome = ingest_file(path, db=db, settings=settings)
        outcomes.append(outcome)
        if on_file_done is not None:
            on_file_done(outcome)
    return IngestReport(tuple(outcomes))
