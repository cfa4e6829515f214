"""Speed of the repair stage on the real 2021 Arab States report, repeated 50 times.

Two shapes of the same text: as the text reader gives it (one line block per printed line of
the file, most of them whole paragraphs), and PDF-like (paragraphs wrapped at 90 characters,
45 lines a page, with a running header and a page number on every page).

Usage: .venv/bin/python benchmarks/bench_repair.py [--repeat 50]
The report is read in place from ../shared (or GCM_REVIEW_SHARED_DIR), never copied.
"""

from __future__ import annotations

import argparse
import os
import textwrap
import time
from pathlib import Path

from gcm_review.ingest.repair import repair
from gcm_review.ingest.text_reader import read_text
from gcm_review.model import Block, DocumentFormat, SourceDocument

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGE_LINES = 45


def report_path() -> Path:
    shared = Path(os.environ.get("GCM_REVIEW_SHARED_DIR", REPO_ROOT.parent / "shared"))
    return shared / "corpus" / "arab-states-2021" / "outcome-report.txt"


def text_blocks(text: str) -> list[Block]:
    """Line blocks exactly as the text reader makes them."""
    return list(read_text(text.encode("utf-8"), path=Path("report.txt")).blocks)


def pdf_like_blocks(text: str) -> list[Block]:
    """Paragraphs wrapped at 90 characters onto pages, with a header and a page number."""
    printed: list[tuple[str, float]] = []
    for paragraph in text.split("\n"):
        for index, line in enumerate(textwrap.wrap(paragraph, width=90)):
            printed.append((line, 0.6 if index == 0 else 0.0))
    blocks: list[Block] = []
    for page, start in enumerate(range(0, len(printed), PAGE_LINES), start=1):
        blocks.append(Block(text="Outcome document of the regional review", page=page, kind="line"))
        for line, gap in printed[start : start + PAGE_LINES]:
            blocks.append(Block(text=line, page=page, kind="line", gap_before=gap))
        blocks.append(Block(text=str(page), page=page, kind="line", gap_before=2.0))
    return blocks


def measure(name: str, blocks: list[Block], *, format: DocumentFormat) -> None:
    doc = SourceDocument(path=name, name=name, sha256="0" * 64, format=format, blocks=tuple(blocks))
    start = time.perf_counter()
    result = repair(doc)
    seconds = time.perf_counter() - start
    pages = len({block.page for block in blocks if block.page is not None})
    print(
        f"{name}: {len(blocks)} lines, {pages} pages -> {len(result.blocks)} paragraphs, "
        f"{len(result.repairs)} repairs in {seconds:.3f} s"
    )
    print(
        f"  {len(result.blocks) / seconds:,.0f} paragraphs/s, {len(blocks) / seconds:,.0f} lines/s"
        + (f", {pages / seconds:,.0f} pages/s" if pages else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    text = report_path().read_text(encoding="utf-8")
    measure("text-file", text_blocks(text) * args.repeat, format="text")
    measure("pdf-like", pdf_like_blocks("\n".join([text] * args.repeat)), format="pdf")


if __name__ == "__main__":
    main()
