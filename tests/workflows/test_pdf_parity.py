"""The shared report as text and as a PDF of it give the same review (issue 15, item 5).

The PDF is made here at run time from the shared text, read in place and never committed, with
the samples' PDF writer: a running header, a numbered footer (document symbol and page number,
as on UN documents) and paragraphs that run across page breaks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from gcm_review.ingest.reader import read
from gcm_review.ingest.repair import repair
from gcm_review.samples.markup import Element, SampleSource
from gcm_review.samples.pdf_writer import write_review_pdf
from gcm_review.settings import Settings
from gcm_review.structure import structure
from gcm_review.structure.contents import ends_with_paragraphs_and_page
from gcm_review.synthesis.attention import reporting_countries
from gcm_review.synthesis.records import Synthesis
from gcm_review.workflows.review import run_review

pytestmark = [pytest.mark.slow]

SYMBOL = "21-00417"
RUNNING_HEADER = "Arab States Regional Review Conference: outcome document"


def pdf_of(report: Path, path: Path) -> Path:
    """The report's lines as the paragraphs of a PDF, each line as it stands (damage included)."""
    lines = [line for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    source = SampleSource(
        name="outcome-report",
        meta={
            "title": lines[0],
            "notice": "Made at test time from the shared report",
            "language": "en",
            "date": "2021-03-01",
            "running_header": RUNNING_HEADER,
            "footer": SYMBOL + " - {page}",
        },
        elements=tuple(Element("prose", text=line.replace("\t", "  ")) for line in lines[1:]),
    )
    return write_review_pdf(source, path)


def review(path: Path, folder: Path) -> Synthesis:
    folder.mkdir()
    settings = Settings(
        database_url=f"sqlite:///{folder / 'review.db'}", vector_cache="", embedder="fake.v1"
    )
    return run_review([path], out_dir=folder / "out", settings=settings).synthesis


@pytest.fixture(scope="module")
def both(
    arab_states_report: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Synthesis, Synthesis, Path]:
    folder = tmp_path_factory.mktemp("parity")
    pdf = pdf_of(arab_states_report, folder / "outcome-report.pdf")
    return review(arab_states_report, folder / "text"), review(pdf, folder / "pdf"), pdf


def test_the_pdf_runs_over_several_pages_with_header_and_footer(
    both: tuple[Synthesis, Synthesis, Path],
) -> None:
    _text, from_pdf, pdf = both
    assert pdf.stat().st_size > 0
    words = " ".join(p.text for p in from_pdf.paragraphs)
    assert SYMBOL not in words
    assert RUNNING_HEADER not in words


def test_same_reporting_countries(both: tuple[Synthesis, Synthesis, Path]) -> None:
    text, from_pdf, _pdf = both
    assert set(reporting_countries(from_pdf.paragraphs)) == set(
        reporting_countries(text.paragraphs)
    )
    assert len(reporting_countries(text.paragraphs)) >= 7


def test_same_attention_for_at_least_22_of_23_objectives(
    both: tuple[Synthesis, Synthesis, Path],
) -> None:
    text, from_pdf, _pdf = both
    pairs = list(zip(text.attention, from_pdf.attention, strict=True))
    assert len(pairs) == 23
    same = [a.objective for a, b in pairs if a.category == b.category]
    assert len(same) >= 22, [(a.objective, a.category, b.category) for a, b in pairs]


def test_title_from_the_title_block_not_the_contents(
    both: tuple[Synthesis, Synthesis, Path],
) -> None:
    text, from_pdf, _pdf = both
    for synthesis in (text, from_pdf):
        titles = [document.title or "" for document in synthesis.documents]
        assert titles and not any("Contents" in title or "Paragraphs" in title for title in titles)


def test_contents_lines_are_never_sections(both: tuple[Synthesis, Synthesis, Path]) -> None:
    text, from_pdf, _pdf = both
    for synthesis in (text, from_pdf):
        headings = {heading for p in synthesis.paragraphs for heading in p.section}
        assert headings
        assert not [heading for heading in headings if ends_with_paragraphs_and_page(heading)]


def test_title_block_without_metadata_stops_at_the_contents(
    both: tuple[Synthesis, Synthesis, Path],
) -> None:
    source = read(both[2], max_bytes=50_000_000)
    doc = structure(repair(replace(source, metadata_title=None)))
    assert doc.title is not None
    assert "Regional Review Conference" in doc.title
    assert "Contents" not in doc.title and "Paragraphs" not in doc.title


def test_paragraphs_run_across_pages_and_every_footer_goes(
    both: tuple[Synthesis, Synthesis, Path],
) -> None:
    repaired = repair(read(both[2], max_bytes=50_000_000))
    kinds = Counter(item.kind for item in repaired.repairs)
    pages = repaired.source.page_count or 0
    assert pages > 10
    assert kinds["page-join"] >= 5
    assert kinds["running-header"] == kinds["running-footer"] == pages
