"""Speed of the whole review (issue 4 targets), each run a fresh `gcm-review review` process.

1. The shared Arab States report (read in place): target under 10 s on 2 cores, cold start
   included (fresh database, empty vector cache, the fast embedder).
2. A generated corpus of about 1,000 PDF pages made from our own sample sources (Jordan in
   English, Morocco in French), re-written for other countries with varied years and figures so
   that no two paragraphs are the same text: target under 3 minutes.

Run: .venv/bin/python benchmarks/bench_review.py [--pages 1000] [--skip-shared]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from gcm_review.samples.markup import SampleSource, read_source
from gcm_review.samples.pdf_writer import write_review_pdf

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GCM_REVIEW_SHARED_DIR", REPO.parent / "shared"))
REPORT = SHARED / "corpus" / "arab-states-2021" / "outcome-report.txt"
SOURCES = REPO / "src" / "gcm_review" / "samples" / "sources"
COUNTRIES = {  # ISO3: (English name, adjective, French name)
    "BHR": ("Bahrain", "Bahraini", "Bahreïn"),
    "DZA": ("Algeria", "Algerian", "Algérie"),
    "IRQ": ("Iraq", "Iraqi", "Irak"),
    "KWT": ("Kuwait", "Kuwaiti", "Koweït"),
    "LBN": ("Lebanon", "Lebanese", "Liban"),
    "LBY": ("Libya", "Libyan", "Libye"),
    "MRT": ("Mauritania", "Mauritanian", "Mauritanie"),
    "OMN": ("Oman", "Omani", "Oman"),
    "QAT": ("Qatar", "Qatari", "Qatar"),
    "SAU": ("Saudi Arabia", "Saudi", "Arabie saoudite"),
    "SDN": ("Sudan", "Sudanese", "Soudan"),
    "SOM": ("Somalia", "Somali", "Somalie"),
    "TUN": ("Tunisia", "Tunisian", "Tunisie"),
    "YEM": ("Yemen", "Yemeni", "Yémen"),
}


def variant(source: SampleSource, code: str, rng: random.Random) -> SampleSource:
    """The source re-written for another country, with its numbers varied."""
    name, adjective, french = COUNTRIES[code]
    original = ("Jordan", "Jordanian") if source.language == "en" else ("Maroc", "marocain")
    target = (name, adjective) if source.language == "en" else (french, adjective.lower())

    def rewrite(text: str) -> str:
        text = text.replace(original[1], target[1]).replace(original[0], target[0])
        text = re.sub(r"\b20(1\d|2\d)\b", lambda _m: str(rng.randint(2012, 2025)), text)
        return re.sub(r"\b\d{2,3}(?=[ ,.]\d{3}\b)", lambda _m: str(rng.randint(10, 999)), text)

    elements = tuple(
        replace(e, text=rewrite(e.text), rows=tuple(tuple(map(rewrite, r)) for r in e.rows))
        for e in source.elements
    )
    meta = {**source.meta, "country": code, "subtitle": name}
    meta["running_header"] = rewrite(meta.get("running_header", source.title))
    return replace(source, name=f"{source.name}-{code}", meta=meta, elements=elements)


def make_corpus(folder: Path, pages: int) -> int:
    """PDF reviews written into folder until they hold at least `pages` pages; returns pages."""
    import pypdfium2

    rng = random.Random(2026)
    sources = [
        read_source(SOURCES / "jordan-voluntary-review-2024-en.txt"),
        read_source(SOURCES / "morocco-revue-volontaire-2024-fr.txt"),
    ]
    total, index = 0, 0
    while total < pages:
        source = sources[index % 2]
        code = sorted(COUNTRIES)[index % len(COUNTRIES)]
        path = folder / f"review-{index:03d}-{code}-{source.language}.pdf"
        write_review_pdf(variant(source, code, rng), path)
        total += len(pypdfium2.PdfDocument(path))
        index += 1
    return total


def timed_review(inputs: list[Path], work: Path) -> float:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'review.db'}",
        "GCM_REVIEW_VECTOR_CACHE": str(work / "vectors.sqlite"),
    }
    command = [str(Path(sys.executable).with_name("gcm-review")), "review", *map(str, inputs)]
    start = time.perf_counter()
    subprocess.run(
        [*command, "--out", str(work / "out")],
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--skip-shared", action="store_true")
    args = parser.parse_args()
    print(f"cores available: {len(os.sched_getaffinity(0))}")
    if not args.skip_shared and REPORT.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            seconds = timed_review([REPORT], Path(tmp))
        print(f"shared Arab States report, cold start: {seconds:.1f} s (target < 10 s)")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        pages = make_corpus(corpus, args.pages)
        files = sorted(corpus.iterdir())
        seconds = timed_review([corpus], Path(tmp))
        print(
            f"generated corpus: {len(files)} PDFs, {pages} pages, review in {seconds:.1f} s "
            f"({pages / seconds:.1f} pages/s; target 1,000 pages < 180 s)"
        )


if __name__ == "__main__":
    main()
