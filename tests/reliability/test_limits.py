"""Hostile inputs of issue 13 (points 3 and 4): each is refused in one line that names its
limit and how to raise it, or read, within bounded time and memory.

The inputs are generated here at a small size with the limit lowered by setting; the full-size
runs (200 MB zip bomb, 84 MB text, 100k nested lists) are in benchmarks/bench_limits.py.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from gcm_review.errors import (
    CorruptDocument,
    DecompressedTooLarge,
    InputError,
    LimitExceeded,
    NestingTooDeep,
    ReadingTooSlow,
    TooManyParagraphs,
)
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.workflows.ingest import ingest_paths, process_file
from reliability import hostile_inputs as hostile

pytestmark = pytest.mark.reliability

SETTINGS = Settings(log_file="", max_file_mb=20.0)


def refused(path: Path, settings: Settings, error: type[InputError]) -> str:
    """The one line `process_file` gives for the file, checked for its form."""
    with pytest.raises(error) as caught:
        process_file(path, settings=settings)
    message = caught.value.one_line()
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    if isinstance(caught.value, LimitExceeded):
        setting = caught.value.setting
        assert f"({setting})" in message
        assert f"GCM_REVIEW_{setting.upper()}" in message
        assert getattr(settings, setting) is not None  # a real setting
    return message


def test_zip_bomb_docx_is_refused_by_its_inflated_size(tmp_path: Path) -> None:
    bomb = hostile.zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=6_000_000)
    assert bomb.stat().st_size < 100_000
    settings = Settings(log_file="", max_decompressed_mb=5.0)
    tracemalloc.start()
    try:
        message = refused(bomb, settings, DecompressedTooLarge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "word/document.xml" in message and "past the limit of 5 MB" in message
    assert peak < 10_000_000  # refused from the ZIP directory, before anything is inflated


def test_zip_bomb_lying_in_its_header_is_cut_at_the_declared_size(tmp_path: Path) -> None:
    bomb = hostile.lying_zip_bomb_docx(tmp_path / "lie.docx", inflated_bytes=6_000_000)
    settings = Settings(log_file="", max_decompressed_mb=5.0)
    tracemalloc.start()
    try:
        message = refused(bomb, settings, CorruptDocument)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "Bad CRC-32" in message  # inflating stopped at the 1,000 bytes the header declares
    assert peak < 10_000_000


def test_docx_of_many_tiny_paragraphs_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    many = hostile.paragraph_bomb_docx(tmp_path / "many.docx", paragraphs=50_000)
    message = refused(many, Settings(log_file="", max_paragraphs=1000), TooManyParagraphs)
    assert "word/document.xml holds more than 1000 paragraphs (max_paragraphs)" in message


def test_one_line_html_of_many_paragraphs_is_refused(tmp_path: Path) -> None:
    page = hostile.one_line_html(tmp_path / "one-line.html", megabytes=0.5)
    message = refused(page, Settings(log_file="", max_paragraphs=1000), TooManyParagraphs)
    assert "more than 1000 paragraphs or lines (max_paragraphs)" in message


def test_text_past_the_paragraph_limit_is_refused_and_at_it_is_read(tmp_path: Path) -> None:
    settings = Settings(log_file="", max_paragraphs=1000)
    over = hostile.numbered_text(tmp_path / "over.txt", paragraphs=1001)
    refused(over, settings, TooManyParagraphs)
    at = hostile.numbered_text(tmp_path / "at.txt", paragraphs=1000)
    assert len(process_file(at, settings=settings).paragraphs) == 1000


@pytest.mark.parametrize("depth", [10_000, 30_000, 100_000])
@pytest.mark.parametrize("lists", [False, True])
def test_deep_nesting_is_refused_at_once(tmp_path: Path, depth: int, lists: bool) -> None:
    make = hostile.nested_lists_html if lists else hostile.nested_html
    page = make(tmp_path / "deep.html", depth=depth)
    started = time.perf_counter()
    message = refused(page, SETTINGS, NestingTooDeep)
    assert time.perf_counter() - started < 5.0
    assert "HTML elements nest deeper than 500 levels" in message


def test_deep_nesting_within_a_raised_limit_is_read_in_linear_time(tmp_path: Path) -> None:
    settings = Settings(log_file="", max_nesting_depth=1_000_000)
    page = hostile.nested_lists_html(tmp_path / "deep.html", depth=30_000)  # was 36 s+ (div)
    started = time.perf_counter()
    doc = process_file(page, settings=settings)
    assert time.perf_counter() - started < 10.0
    assert [para.text for para in doc.paragraphs] == [hostile.SENTENCE]


def test_slow_file_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    big = hostile.numbered_text(tmp_path / "big.txt", paragraphs=50_000)
    settings = Settings(log_file="", max_read_seconds=0.3)
    started = time.perf_counter()
    message = refused(big, settings, ReadingTooSlow)
    assert time.perf_counter() - started < 5.0
    assert "reading took longer than 0.3 s (max_read_seconds)" in message


def test_a_batch_goes_past_a_hostile_file(tmp_path: Path, sqlite_url: str) -> None:
    bomb = hostile.zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=3_000_000)
    normal = tmp_path / "normal.txt"
    normal.write_text("1. Jordan\n\n12. The ministry opened a shelter.\n", encoding="utf-8")
    settings = Settings(log_file="", max_decompressed_mb=2.0)
    db = open_database(sqlite_url)
    try:
        report = ingest_paths([bomb, normal], db=db, settings=settings)
    finally:
        db.close()
    assert [outcome.status for outcome in report.outcomes] == ["failed", "new"]
    error = report.outcomes[0].error or ""
    assert error.startswith(f"{bomb}: word/document.xml declares a size past the limit of 2 MB")
    assert error.endswith("raise it with GCM_REVIEW_MAX_DECOMPRESSED_MB if the file is genuine")
