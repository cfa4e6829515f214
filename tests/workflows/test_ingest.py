"""The whole ingest pipeline on the bundled samples, the broken inputs and the real report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gcm_review.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    InputError,
    ScannedDocument,
    UnsupportedFormat,
)
from gcm_review.frameworks import Framework
from gcm_review.model import RepairedDocument, StructuredDocument
from gcm_review.samples import broken_samples_dir, sample_corpus_dir
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.store.documents import document_record
from gcm_review.workflows import ingest as pipeline
from gcm_review.workflows.ingest import ingest_paths, process_file

SETTINGS = Settings()


def test_sample_corpus_is_ingested_in_three_languages(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        report = ingest_paths([sample_corpus_dir()], db=db, settings=SETTINGS)
        assert report.failed == ()
        languages = Counter(outcome.language for outcome in report.outcomes)
        assert {"en", "fr", "ar"} <= set(languages)
        for outcome in report.outcomes:
            assert outcome.document_id is not None
            record = document_record(db, outcome.document_id)
            numbered = [p for p in record["paragraphs"] if p["number"]]
            assert len(numbered) >= 5, outcome.path
        again = ingest_paths([sample_corpus_dir()], db=db, settings=SETTINGS)
        assert {outcome.status for outcome in again.outcomes} == {"unchanged"}
    finally:
        db.close()


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("encrypted.pdf", EncryptedDocument),
        ("corrupt.pdf", CorruptDocument),
        ("scanned.pdf", ScannedDocument),
        ("truncated.docx", CorruptDocument),
        ("archive.docx", UnsupportedFormat),
        ("empty.txt", EmptyDocument),
        ("not-a-document.bin", UnsupportedFormat),
    ],
)
def test_broken_inputs_give_one_line_errors(name: str, error: type[InputError]) -> None:
    path = broken_samples_dir() / name
    with pytest.raises(error) as caught:
        process_file(path, settings=SETTINGS)
    message = caught.value.one_line()
    assert "\n" not in message
    assert message.startswith(str(path))


@pytest.mark.parametrize(
    ("name", "language"),
    [("utf16.txt", "ar"), ("arabic-cp1256.txt", "ar"), ("french-latin1.txt", "fr")],
)
def test_encodings_of_text_files(name: str, language: str) -> None:
    doc = process_file(broken_samples_dir() / name, settings=SETTINGS)
    assert doc.language == language
    assert "\ufffd" not in " ".join(p.text for p in doc.paragraphs)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit"):
        process_file(big, settings=Settings(max_file_mb=0.001))


def test_an_unexpected_bug_fails_one_file_not_the_batch(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "a.txt"
    first.write_text("1. The ministry opened a shelter for migrant workers.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("1. The ministry reduced remittance costs.\n", encoding="utf-8")
    real_structure = pipeline.structure

    def flaky(doc: RepairedDocument, *, framework: Framework | None = None) -> StructuredDocument:
        if doc.source.name == "a.txt":
            raise ValueError("boom\nwith a second line")
        return real_structure(doc, framework=framework)

    monkeypatch.setattr(pipeline, "structure", flaky)
    db = open_database(sqlite_url)
    try:
        report = ingest_paths([first, second], db=db, settings=SETTINGS)
    finally:
        db.close()
    assert [o.status for o in report.outcomes] == ["failed", "new"]
    message = report.outcomes[0].error or ""
    assert "\n" not in message
    assert message.startswith(str(first)) and "ValueError: boom" in message
    assert "bug in gcm-review" in message and "please report it" in message
