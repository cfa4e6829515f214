"""Writing every output of a review into one folder: report, matrix, synthesis, paragraphs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from gcm_review.errors import OutputError
from gcm_review.frameworks import Framework, load_framework
from gcm_review.frameworks.labels import wording
from gcm_review.report.document import Section
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


def write_report(
    synthesis: Synthesis,
    out_dir: Path,
    *,
    annexes: Sequence[Section] = (),
    framework: Framework | None = None,
) -> list[Path]:
    """Write all report files into out_dir (created if needed); returns the paths written.

    The `annexes` (the survey, say) go into the HTML and Word reports before the evidence.
    Objective and principle titles are those of `framework` (the GCM unless another is given).
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return _write_all(synthesis, out_dir, annexes, framework)
    except OSError as exc:
        raise OutputError(
            f"{out_dir}: cannot write the report ({exc.strerror or exc})",
            hint="choose a folder you can write to with --out",
        ) from exc


def _write_all(
    synthesis: Synthesis,
    out_dir: Path,
    annexes: Sequence[Section],
    framework: Framework | None,
) -> list[Path]:
    charts = synthesis_charts(synthesis, words=wording(framework or load_framework()))
    svgs = {chart.name: render_svg(chart) for chart in charts}
    pngs = {chart.name: render_png(chart) for chart in charts}
    written = _write_charts(out_dir / "charts", svgs, pngs)
    html = out_dir / "report.html"
    html.write_text(
        render_html(synthesis, charts=svgs, annexes=annexes, framework=framework),
        encoding="utf-8",
    )
    docx = out_dir / "report.docx"
    write_docx(synthesis, docx, charts=pngs, annexes=annexes, framework=framework)
    matrix = out_dir / "matrix.csv"
    write_matrix_csv(synthesis.matrix, matrix)
    binary = out_dir / "matrix-addressed.csv"
    write_matrix_csv(synthesis.matrix, binary, binary=True)
    xlsx = out_dir / "matrix.xlsx"
    write_matrix_xlsx(synthesis.matrix, xlsx)
    summary = out_dir / "synthesis.json"
    write_synthesis_json(synthesis, summary)
    paragraphs_csv = out_dir / "paragraphs.csv"
    write_paragraphs_csv(synthesis, paragraphs_csv)
    paragraphs_jsonl = out_dir / "paragraphs.jsonl"
    write_paragraphs_jsonl(synthesis, paragraphs_jsonl)
    return [html, docx, matrix, binary, xlsx, summary, paragraphs_csv, paragraphs_jsonl, *written]


def _write_charts(folder: Path, svgs: Mapping[str, str], pngs: Mapping[str, bytes]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    written = []
    for name, svg in svgs.items():
        path = folder / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        written.append(path)
    for name, png in pngs.items():
        path = folder / f"{name}.png"
        path.write_bytes(png)
        written.append(path)
    return written
