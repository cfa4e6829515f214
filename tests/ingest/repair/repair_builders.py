"""Builders of small SourceDocuments for the repair-stage tests."""

from __future__ import annotations

from pathlib import Path

from gcm_review.ingest.text_reader import read_text
from gcm_review.model import Block, DocumentFormat, SourceDocument


def text_lines(text: str) -> tuple[Block, ...]:
    """Line blocks exactly as the text reader makes them."""
    return read_text(text.encode("utf-8"), path=Path("sample.txt")).blocks


def pdf_lines(pages: list[list[str | tuple[str, float]]]) -> tuple[Block, ...]:
    """Line blocks as the PDF reader makes them; a (text, gap) pair sets the gap (else 0)."""
    blocks: list[Block] = []
    for number, page in enumerate(pages, start=1):
        for index, item in enumerate(page):
            text, gap = item if isinstance(item, tuple) else (item, 0.0)
            blocks.append(
                Block(text=text, page=number, kind="line", gap_before=None if index == 0 else gap)
            )
    return tuple(blocks)


def document(blocks: tuple[Block, ...], *, format: DocumentFormat = "text") -> SourceDocument:
    """A SourceDocument around `blocks`."""
    return SourceDocument(
        path=f"/tmp/sample.{format}",
        name=f"sample.{format}",
        sha256="0" * 64,
        format=format,
        blocks=blocks,
    )
