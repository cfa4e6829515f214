"""Speed of the whole review (issue 4 targets), each run a fresh `gcm-review review` process.

1. The shared Arab States report (read in place): target under 10 s on 2 cores, cold start
   included (fresh database, empty vector cache, the fast embedder).
2. A generated corpus of about 1,000 PDF pages made from our own sample sources (Jordan in
   English, Morocco in French), re-written for other countries with varied years and figures so
   that no two paragraphs are the same text: target under 3 minutes.

3. The report of a review of N stored paragraphs (issue 15.10, `--paragraphs 8000`): the
   corpus of tests/large_corpus.py (one record of 80 % of them, four smaller documents) stored
   in a fresh SQLite database and tagged with the fake embedder's tagger, its synthesis drafted,
   then report.html and report.docx written as the app's exports write them. Targets:
   report.html under 5 MB, report.docx in under 10 s. Prints both sizes and times.

Run: .venv/bin/python benchmarks/bench_review.py [--pages 1000] [--skip-shared]
     .venv/bin/python benchmarks/bench_review.py --paragraphs 8000  (the report at scale only)
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


def report_at_scale(paragraphs: int) -> None:
    """Write report.html and report.docx of a stored review of `paragraphs` paragraphs."""
    sys.path.insert(0, str(REPO / "tests"))
    from gcm_review.frameworks import load_framework
    from gcm_review.settings import Settings
    from gcm_review.store.database import open_database
    from gcm_review.store.review_input import load_review_input
    from gcm_review.synthesis.build import synthesise
    from gcm_review.tagging.run import load_tagger
    from gcm_review.web.embedding import SharedEmbedder
    from gcm_review.web.export_files import EXPORT_NAMES
    from large_corpus import store_large_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'gcm-review.db'}")
        try:
            started = time.perf_counter()
            tagger = load_tagger(embedder="fake.v1", cache_path=None)
            store_large_corpus(db, tagger, paragraphs=paragraphs)
            print(
                f"stored and tagged {paragraphs} paragraphs "
                f"in {time.perf_counter() - started:.1f} s"
            )
            started = time.perf_counter()
            framework = load_framework()
            synthesis = synthesise(
                load_review_input(db),
                rule=Settings().attention_rule,
                framework=framework,
                embedder=SharedEmbedder("fake.v1", cache_path=None),
            )
            print(f"synthesis drafted in {time.perf_counter() - started:.1f} s")
        finally:
            db.close()
        targets = {"report.html": ("size", 5_000_000), "report.docx": ("time", 10.0)}
        for name, (kind, limit) in targets.items():
            path = folder / name
            started = time.perf_counter()
            EXPORT_NAMES[name].write(synthesis, path, framework)
            seconds = time.perf_counter() - started
            size = path.stat().st_size
            value = size if kind == "size" else seconds
            verdict = "met" if value < limit else "MISSED"
            target = f"under {limit / 1e6:g} MB" if kind == "size" else f"under {limit:g} s"
            print(f"{name}: {size / 1e6:.2f} MB in {seconds:.1f} s (target {target}: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--skip-shared", action="store_true")
    parser.add_argument(
        "--paragraphs", type=int, default=0, help="only the report of this many paragraphs"
    )
    args = parser.parse_args()
    print(f"cores available: {len(os.sched_getaffinity(0))}, load {os.getloadavg()[0]:.1f}")
    if args.paragraphs:
        report_at_scale(args.paragraphs)
        return
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
