"""The real outcome report as extracted text and as a PDF of it laid out with a running header,
a numbered footer and paragraphs broken across pages is recognised as one report."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from gcm_review.settings import Settings
from gcm_review.store.database import Database
from gcm_review.store.review_input import load_review_input
from gcm_review.synthesis.copies import drop_copies
from gcm_review.workflows.copies import copy_marks
from gcm_review.workflows.ingest import ingest_paths

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = "Regional Review of the Global Compact for Migration - Arab States"


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("dejavu", size=8)
        self.cell(0, 6, HEADER, align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("dejavu", size=8)
        self.cell(0, 6, f"21-00417 - {self.page_no()}", align="C")


def report_pdf(text: str, path: Path) -> Path:
    """The text as an A4 PDF whose paragraphs run across page breaks."""
    pdf = _Report(format="A4")
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_font("dejavu", size=10)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    for block in text.split("\n\n"):
        pdf.multi_cell(0, 5, " ".join(block.replace("\t", " ").split()))
        pdf.ln(3)
    pdf.output(str(path))
    return path


def test_the_real_report_as_text_and_as_pdf_counts_once(
    arab_states_report: Path, tmp_path: Path, db: Database
) -> None:
    pdf = report_pdf(arab_states_report.read_text(encoding="utf-8"), tmp_path / "outcome.pdf")
    report = ingest_paths([arab_states_report, pdf], db=db, settings=Settings())
    text_id, pdf_id = (outcome.document_id for outcome in report.outcomes)
    assert text_id is not None and pdf_id is not None
    [(set_aside, mark)] = copy_marks(db).items()
    assert mark.kind == "copy" and {set_aside, mark.counted_id} == {text_id, pdf_id}
    counted = {p.document_id for p in drop_copies(load_review_input(db)).paragraphs}
    assert counted == {mark.counted_id}
