"""The files an account may download from the exports page, made from its cached synthesis.

Each file is written by the report stage's own writers into a temporary folder and read into
memory; a file up to MEMO_BYTES is memoised on the synthesis entry, so a second download costs
nothing until the data changes (larger ones are not kept in memory). The long ones (`background`:
the report as HTML and Word, the matrix workbook) are offered as background jobs too
(`export_maker`), written to disk with their progress shown, then downloaded. File names come
from this table only, never from the request.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import wording
from gcm_review.report.docx_report import write_docx
from gcm_review.report.html_report import render_html
from gcm_review.report.png_charts import render_png
from gcm_review.report.svg_charts import render_svg
from gcm_review.report.synthesis_charts import synthesis_charts
from gcm_review.report.synthesis_json import write_synthesis_json
from gcm_review.report.tables import (
    write_matrix_csv,
    write_matrix_xlsx,
    write_paragraphs_csv,
    write_paragraphs_jsonl,
)
from gcm_review.synthesis.records import Synthesis
from gcm_review.web.catalogues import N_
from gcm_review.web.jobs import FileMaker, Progress
from gcm_review.web.synthesis_cache import ScopedSynthesis

Writer = Callable[[Synthesis, Path, Framework], None]  # the app's framework names the labels
CSV = "text/csv; charset=utf-8"
MEMO_BYTES = 2_000_000  # files kept in memory for the next download up to this size
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ExportFile:
    """A downloadable file: its name (in the URL too), what it holds, and its writer."""

    name: str
    title: str
    description: str
    media_type: str
    write: Writer
    background: bool = False  # long to make on a large corpus: offered as a background job


def _write_report_html(synthesis: Synthesis, path: Path, framework: Framework) -> None:
    drawn = synthesis_charts(synthesis, words=wording(framework))
    charts = {chart.name: render_svg(chart) for chart in drawn}
    path.write_text(render_html(synthesis, charts=charts, framework=framework), encoding="utf-8")


def _write_report_docx(synthesis: Synthesis, path: Path, framework: Framework) -> None:
    drawn = synthesis_charts(synthesis, words=wording(framework))
    charts = {chart.name: render_png(chart) for chart in drawn}
    write_docx(synthesis, path, charts=charts, framework=framework)


EXPORTS: tuple[ExportFile, ...] = (
    ExportFile(
        "matrix.csv",
        N_("Matrix, counts (CSV)"),
        N_("Member states by objectives: paragraphs addressing each."),
        CSV,
        lambda synthesis, path, _: write_matrix_csv(synthesis.matrix, path),
    ),
    ExportFile(
        "matrix-addressed.csv",
        N_("Matrix, 0/1 (CSV)"),
        N_("1 where a member state addressed an objective, 0 where it did not."),
        CSV,
        lambda synthesis, path, _: write_matrix_csv(synthesis.matrix, path, binary=True),
    ),
    ExportFile(
        "matrix.xlsx",
        N_("Matrix (Excel)"),
        N_("Both matrices, counts and 0/1, as two sheets."),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda synthesis, path, _: write_matrix_xlsx(synthesis.matrix, path),
        background=True,
    ),
    ExportFile(
        "paragraphs.csv",
        N_("Paragraphs with tags (CSV)"),
        N_("Every paragraph with its place, attribution, labels and the tags that count."),
        CSV,
        lambda synthesis, path, _: write_paragraphs_csv(synthesis, path),
    ),
    ExportFile(
        "paragraphs.jsonl",
        N_("Paragraphs with tags (JSON lines)"),
        N_("The same, one JSON object a line, text exactly as stored."),
        "application/x-ndjson; charset=utf-8",
        lambda synthesis, path, _: write_paragraphs_jsonl(synthesis, path),
    ),
    ExportFile(
        "report.html",
        N_("Draft report (HTML)"),
        N_("The draft outcome report as one web page, charts included."),
        "text/html; charset=utf-8",
        _write_report_html,
        background=True,
    ),
    ExportFile(
        "report.docx",
        N_("Draft report (Word)"),
        N_("The draft outcome report to edit in Word."),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _write_report_docx,
        background=True,
    ),
    ExportFile(
        "synthesis.json",
        N_("Synthesis (JSON)"),
        N_("Attention, profiles, roundtables, principles, recommendations and key messages."),
        "application/json",
        lambda synthesis, path, _: write_synthesis_json(synthesis, path),
    ),
)
EXPORT_NAMES = {export.name: export for export in EXPORTS}


def export_content(entry: ScopedSynthesis, export: ExportFile, framework: Framework) -> bytes:
    """The file's bytes for this synthesis, made on first use (kept when small)."""

    def make() -> bytes:
        with tempfile.TemporaryDirectory(prefix="gcm-review-export-") as folder:
            path = Path(folder) / export.name
            export.write(entry.synthesis, path, framework)
            return path.read_bytes()

    key = f"export:{export.name}"
    if entry.memoised(key):
        return entry.memo(key, make)
    content = make()
    return entry.memo(key, lambda: content) if len(content) <= MEMO_BYTES else content


def export_maker(entry: ScopedSynthesis, export: ExportFile, framework: Framework) -> FileMaker:
    """What a background job runs to write the file for this synthesis, with its progress."""

    def make(path: Path, progress: Progress) -> None:
        if not entry.drafted:
            progress(0.1, N_("Drafting the synthesis"))
        synthesis = entry.synthesis
        progress(0.4, N_("Writing the file"))
        export.write(synthesis, path, framework)

    return make


def download_name(export: ExportFile, scope: str | None) -> str:
    """The file name offered to the browser: gcm-review-matrix.csv, gcm-review-jor-matrix.csv."""
    parts = ["gcm-review", *([scope.lower()] if scope else []), export.name]
    return _UNSAFE.sub("", "-".join(parts))
