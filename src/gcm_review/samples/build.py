"""Build the demo corpus and the broken inputs: ``python -m gcm_review.samples.build [OUT_DIR]``.

The sources in ``sources/`` are rendered to ``corpus/`` and the broken inputs to ``broken/``
(by default inside this package). Dates, metadata and ZIP timestamps are fixed, so re-running the
build gives the same bytes with the same library versions.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from gcm_review.samples.broken_inputs import write_broken_samples
from gcm_review.samples.docx_writer import write_review_docx
from gcm_review.samples.html_writer import write_review_html
from gcm_review.samples.markup import SampleSource, read_source
from gcm_review.samples.pdf_writer import write_review_pdf
from gcm_review.samples.survey_writer import write_survey_samples
from gcm_review.samples.text_writer import write_report_text

SAMPLES_DIR = Path(__file__).resolve().parent
SOURCES_DIR = SAMPLES_DIR / "sources"

Writer = Callable[[SampleSource, Path], Path]
WRITERS: dict[str, Writer] = {
    "pdf": write_review_pdf,
    "docx": write_review_docx,
    "html": write_review_html,
    "txt": write_report_text,
}

# Each source and the formats it is published in (the file name keeps the source's stem).
CORPUS_PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("jordan-voluntary-review-2024-en", ("pdf",)),
    ("morocco-revue-volontaire-2024-fr", ("docx",)),
    ("egypt-voluntary-review-2024-ar", ("html", "pdf")),
    ("arab-regional-review-2025-en", ("txt",)),
    ("olive-network-submission-2025-en", ("docx",)),
)


def build_corpus(out_dir: Path, *, sources_dir: Path = SOURCES_DIR) -> list[Path]:
    """Render every source of CORPUS_PLAN into ``out_dir``; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, formats in CORPUS_PLAN:
        source = read_source(sources_dir / f"{stem}.txt")
        for suffix in formats:
            written.append(WRITERS[suffix](source, out_dir / f"{stem}.{suffix}"))
    return written


def build_broken(out_dir: Path) -> list[Path]:
    """Write the broken inputs into ``out_dir``; return the files written."""
    return write_broken_samples(out_dir)


def build_samples(out_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Build ``out_dir/corpus`` and ``out_dir/broken``; return every file written."""
    return [*build_corpus(out_dir / "corpus"), *build_broken(out_dir / "broken")]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build the samples and report what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "out_dir",
        nargs="?",
        type=Path,
        default=SAMPLES_DIR,
        help="folder that receives corpus/ and broken/ (default: the package folder)",
    )
    out_dir: Path = parser.parse_args(argv).out_dir
    written = build_samples(out_dir)
    for path in written:
        print(f"{path.stat().st_size:>9,d}  {path}")
    print(f"wrote {len(written)} files under {out_dir}")
    for path in write_survey_samples(out_dir / "survey"):
        print(f"{path.stat().st_size:>9,d}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
