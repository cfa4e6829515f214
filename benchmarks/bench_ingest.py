"""Ingestion + structure speed and peak memory on a generated 500-page text PDF.

Targets (issue 2): 200 pages/s or more on one core; peak memory under 300 MB for 500 pages.
Run: .venv/bin/python benchmarks/bench_ingest.py [--pages 500]
The PDF is generated with fpdf2 (a dev dependency) into a temporary folder; the measurement runs in
a fresh subprocess pinned to one core so that its peak RSS is the pipeline's own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOCABULARY = (
    "the ministry adopted a national strategy to protect migrant workers and their families "
    "including access to health care education and social protection through bilateral "
    "agreements on labour mobility recruitment fees were abolished and a complaints mechanism "
    "was established for domestic workers while data on migration flows were collected and "
    "shared with partners in the region to inform policy"
)
WORDS = VOCABULARY.split()


def paragraph_text(rng: random.Random, number: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 140))]
    return f"{number}. " + " ".join(words).capitalize() + "."


def make_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    rng = random.Random(2026)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_font("Helvetica", size=10)

    def header() -> None:
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 6, "Voluntary national review of the Global Compact for Migration", align="C")
        pdf.ln(10)
        pdf.set_font("Helvetica", size=10)

    def footer() -> None:
        pdf.set_y(-15)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 6, str(pdf.page_no()), align="C")
        pdf.set_font("Helvetica", size=10)

    pdf.header = header  # type: ignore[method-assign]
    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    number = 1
    while pdf.page_no() <= pages:
        if number % 25 == 1:
            pdf.set_font("Helvetica", style="B", size=12)
            pdf.multi_cell(
                0, 7, f"Chapter {number // 25 + 1}. Implementation", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, paragraph_text(rng, number), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        number += 1
    pdf.output(str(path))


def measure(path: Path) -> dict[str, float]:
    import resource

    from gcm_review.ingest import read
    from gcm_review.ingest.repair import repair
    from gcm_review.structure import structure

    imported_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    source = read(path, max_bytes=10**10)
    read_done = time.perf_counter()
    repaired = repair(source)
    repair_done = time.perf_counter()
    doc = structure(repaired)
    end = time.perf_counter()
    pages = source.page_count or 0
    return {
        "pages": pages,
        "lines": len(source.blocks),
        "paragraphs": len(doc.paragraphs),
        "repairs": len(repaired.repairs),
        "read_s": read_done - start,
        "repair_s": repair_done - read_done,
        "structure_s": end - repair_done,
        "seconds": end - start,
        "pages_per_second": pages / (end - start),
        "imported_rss_mb": imported_mb,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as folder:
        pdf_path = Path(folder) / f"generated-{args.pages}-pages.pdf"
        make_pdf(pdf_path, args.pages)
        command = [sys.executable, __file__, "--measure", str(pdf_path)]
        if hasattr(os, "sched_setaffinity"):
            command = ["taskset", "-c", "0", *command]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout)
    print(
        f"pages: {figures['pages']:.0f}, lines: {figures['lines']:.0f}, "
        f"paragraphs: {figures['paragraphs']:.0f}, repairs recorded: {figures['repairs']:.0f}"
    )
    print(
        f"time on one core: {figures['seconds']:.2f} s (read {figures['read_s']:.2f}, "
        f"repair {figures['repair_s']:.2f}, structure {figures['structure_s']:.2f})"
    )
    print(f"speed: {figures['pages_per_second']:.0f} pages/s   (target >= 200)")
    print(
        f"peak memory: {figures['peak_rss_mb']:.0f} MB   (target < 300; "
        f"{figures['imported_rss_mb']:.0f} MB of it is Python and the imports)"
    )


if __name__ == "__main__":
    main()
