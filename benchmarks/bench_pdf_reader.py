"""Speed and memory of the PDF reader on a generated 500-page text PDF.

Run: .venv/bin/python benchmarks/bench_pdf_reader.py [--pages 500]
The PDF is written with fpdf2 into a temporary folder; the read runs in a fresh subprocess so the
peak RSS printed is the reader's (interpreter and imports included, shown separately).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINES_PER_PAGE = 40
_VOCABULARY = (
    "migrants government regional review objective labour mobility cooperation national "
    "strategy protection workers rights access services data return reintegration consular "
    "assistance remittances integration children women youth border management trafficking "
    "smuggling detention alternatives skills recognition recruitment decent work social "
    "inclusion health education the of and to in for with on by a an as its their"
)

_CHILD = """
import json, resource, sys, time
from pathlib import Path
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from gcm_review.ingest import read
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
doc = read(Path(sys.argv[1]), max_bytes=10**9)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
status = Path("/proc/self/status")
hwm = [int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM")]
print(json.dumps({"seconds": seconds, "pages": doc.page_count, "blocks": len(doc.blocks),
                  "rss_start_kb": before, "rss_imported_kb": imported, "rss_peak_kb": peak,
                  "vm_hwm_kb": hwm[0] if hwm else None}))
"""


def prose_line(rng: random.Random) -> str:
    """A line of about 90 characters of migration-report-like words."""
    vocabulary = _VOCABULARY.split()
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < 90:
        words.append(rng.choice(vocabulary))
    return " ".join(words).capitalize()


def write_pdf(path: Path, *, pages: int) -> None:
    from fpdf import FPDF  # imported here: only the generating subprocess needs it

    rng = random.Random(2021)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("helvetica", size=10)
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_y(10)
        pdf.cell(0, 5, "Regional review of the Global Compact for Migration", align="C")
        pdf.set_y(22)
        for line in range(LINES_PER_PAGE - 2):
            if line and line % 9 == 0:
                pdf.ln(6)  # a paragraph break
            pdf.cell(0, 6, prose_line(rng), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(285)
        pdf.cell(0, 5, str(page), align="C")
    pdf.output(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # internal: generate only
    arguments = parser.parse_args()
    pages = arguments.pages
    if arguments.write is not None:
        write_pdf(arguments.write, pages=pages)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.pdf"
        started = time.perf_counter()
        # generated in its own process so this one stays small (a child inherits its peak RSS)
        writer = [sys.executable, __file__, "--pages", str(pages), "--write", str(path)]
        subprocess.run(writer, check=True)
        made = time.perf_counter() - started
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
        )
        figures = json.loads(child.stdout)
        size_mb = path.stat().st_size / 1e6
    print(f"generated {pages} pages ({size_mb:.1f} MB) in {made:.1f} s")
    print(f"read {figures['pages']} pages, {figures['blocks']} lines in {figures['seconds']:.2f} s")
    print(f"speed: {figures['pages'] / figures['seconds']:.0f} pages/s")
    print(
        f"peak RSS: {figures['rss_peak_kb'] / 1024:.0f} MB "
        f"(interpreter {figures['rss_start_kb'] / 1024:.0f} MB, "
        f"after imports {figures['rss_imported_kb'] / 1024:.0f} MB)"
    )
    if figures["vm_hwm_kb"] is not None:
        print(
            f"VmHWM (peak RSS of the reading process itself): {figures['vm_hwm_kb'] / 1024:.0f} MB"
        )


if __name__ == "__main__":
    main()
