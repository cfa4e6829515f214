"""Uploaded files: kept under a generated name in the data folder, size-capped, type-checked,
removed with their document.

The client's file name is only ever shown (as the document's name); it never becomes a path.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.engine import make_url

from gcm_review.errors import (
    DocumentTooLarge,
    EmptyDocument,
    InputError,
    InternalError,
    InvalidDocumentCorrection,
)
from gcm_review.ingest.detect import HEAD_BYTES, detect_format
from gcm_review.model import DocumentFormat, StructuredDocument
from gcm_review.settings import Settings
from gcm_review.structure.countries import country_name

UPLOAD_FOLDER_NAME = "gcm-review-uploads"
CHUNK = 1 << 20
MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class StoredUpload:
    """An uploaded file saved on the server."""

    path: Path  # generated, inside the upload folder
    name: str  # the client's file name, cleaned, for display only
    size: int


def upload_folder(settings: Settings) -> Path:
    """Where uploads are kept: beside a SQLite database file, else in the user's data folder."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / UPLOAD_FOLDER_NAME
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "gcm-review" / "uploads"


def display_name(client_name: str | None) -> str:
    """The last part of the client's file name, without control characters; "upload" if none."""
    name = re.split(r"[\\/]", client_name or "")[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip()
    name = name[:MAX_NAME_LENGTH]
    return name if name.strip(".") else "upload"


def save_upload(stream: BinaryIO, folder: Path, *, name: str, max_bytes: int) -> StoredUpload:
    """Copy the upload to a new file in `folder`; DocumentTooLarge past max_bytes."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.upload"
    size = 0
    try:
        with path.open("xb") as handle:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentTooLarge(
                        name, f"the file is larger than the limit of {max_bytes / 1e6:g} MB"
                    )
                handle.write(chunk)
        if size == 0:
            raise EmptyDocument(name, "the file is empty")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return StoredUpload(path, name, size)


def as_named(exc: InputError, name: str) -> InputError:
    """The same error naming the uploaded file instead of its server path."""
    return type(exc)(name, str(exc), hint=exc.hint)


def bug_as_named(exc: InternalError, upload: StoredUpload) -> InternalError:
    """The same internal error naming the uploaded file instead of its server path."""
    if exc.path != str(upload.path):
        return exc
    return InternalError(str(exc), path=upload.name, log_file=exc.log_file)


def check_format(upload: StoredUpload) -> DocumentFormat:
    """The format found from the file's content; a named InputError when it is not supported."""
    with upload.path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    try:
        return detect_format(head, path=upload.path)
    except InputError as exc:
        raise as_named(exc, upload.name) from None


def with_name(doc: StructuredDocument, name: str) -> StructuredDocument:
    """The document with the uploaded file's name as its source name."""
    source = replace(doc.repaired.source, name=name)
    return replace(doc, repaired=replace(doc.repaired, source=source))


def remove_upload(path: str, settings: Settings) -> bool:
    """Delete a deleted document's uploaded file, if the path is one inside the upload folder
    (a file ingested from elsewhere is left alone); whether a file was removed."""
    folder = upload_folder(settings).resolve()
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError):
        return False
    if target.parent != folder or target.suffix != ".upload":
        return False
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    return True


def check_country(value: str) -> str:
    """An ISO 3166 alpha-3 code as given in a correction; InvalidDocumentCorrection if unknown."""
    code = value.strip().upper()
    if len(code) != 3 or country_name(code) is None:
        raise InvalidDocumentCorrection(f"{value.strip()!r} is not a known country code")
    return code
