"""Speed of the structure stage: paragraphs per second on the real sample repeated 50 times.

Run: .venv/bin/python benchmarks/bench_structure.py [path-to-outcome-report.txt]
The target is 5,000 paragraphs/s or more (the stage runs inside a 200 pages/s budget).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from gcm_review.model import Block, RepairedDocument, SourceDocument
from gcm_review.structure import structure

REPEAT = 50
TARGET_PARAGRAPHS_PER_SECOND = 5_000


def sample_path() -> Path:
    """The real sample: the command-line argument, else ../shared next to the repository."""
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    shared = os.environ.get("GCM_REVIEW_SHARED_DIR")
    root = Path(shared) if shared else Path(__file__).resolve().parents[2] / "shared"
    return root / "corpus" / "arab-states-2021" / "outcome-report.txt"


def repeated_document(path: Path, repeat: int) -> RepairedDocument:
    """One text block per non-empty line, the whole file repeated."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    blocks = tuple(Block(text=line) for line in lines * repeat)
    source = SourceDocument(path=str(path), name=path.name, sha256="", format="text", blocks=blocks)
    return RepairedDocument(source=source, blocks=blocks, repairs=())


def main() -> None:
    doc = repeated_document(sample_path(), REPEAT)
    structure(repeated_document(sample_path(), 1))  # warm-up: country table, compiled patterns
    started = time.perf_counter()
    result = structure(doc)
    elapsed = time.perf_counter() - started
    rate = len(result.paragraphs) / elapsed
    verdict = "ok" if rate >= TARGET_PARAGRAPHS_PER_SECOND else "BELOW TARGET"
    print(f"blocks: {len(doc.blocks)}")
    print(f"paragraphs: {len(result.paragraphs)}, sections: {len(result.sections)}")
    print(f"time: {elapsed:.3f} s")
    print(f"paragraphs/s: {rate:,.0f} (target {TARGET_PARAGRAPHS_PER_SECOND:,}: {verdict})")


if __name__ == "__main__":
    main()
