"""The whole review in one call: ingest, tag, synthesise and write the report files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gcm_review.errors import NothingToReview
from gcm_review.frameworks import load_framework
from gcm_review.report.png_charts import render_png
from gcm_review.report.write import DocxHook, HtmlSection, write_report
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.store.review_input import load_review_input
from gcm_review.survey import (
    SurveyResult,
    analyse_survey,
    survey_docx_section,
    survey_report_section,
    write_survey_outputs,
)
from gcm_review.survey.charts import survey_charts
from gcm_review.synthesis.build import synthesise
from gcm_review.synthesis.records import Synthesis
from gcm_review.tagging.run import load_tagger
from gcm_review.workflows.feedback import feedback_examples
from gcm_review.workflows.ingest import FileOutcome, IngestReport, ingest_paths
from gcm_review.workflows.tagging import TagReport, tag_documents

# (stage, done, total): stages "ingest", "tag", "synthesise", "write"
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SurveyInput:
    """A stakeholder survey to analyse with the review: its XLSForm and its data export."""

    form: Path
    data: Path
    weights: str | None = None
    by: tuple[str, ...] = ()
    language: str = "English"


@dataclass(frozen=True)
class ReviewResult:
    """What a review read, tagged and wrote."""

    ingest: IngestReport
    tagging: TagReport
    synthesis: Synthesis
    files: tuple[Path, ...]
    survey: SurveyResult | None = None


def run_review(
    paths: Sequence[Path],
    *,
    out_dir: Path,
    settings: Settings,
    title: str | None = None,
    survey: SurveyInput | None = None,
    extra_html: Sequence[HtmlSection] = (),
    extra_docx: Sequence[DocxHook] = (),
    on_progress: ProgressCallback | None = None,
    on_file_done: Callable[[FileOutcome], None] | None = None,
) -> ReviewResult:
    """Review the files under paths and write the report files into out_dir.

    With a survey, its results go into out_dir/survey/ and its section into the report.
    """
    progress = on_progress or (lambda stage, done, total: None)
    rule = settings.attention_rule  # fail on inconsistent settings before any work
    surveyed = None
    if survey is not None:  # analysed first: a broken survey stops the review before it starts
        surveyed = analyse_survey(
            survey.form,
            survey.data,
            weights=survey.weights,
            by=survey.by,
            language=survey.language,
            framework=load_framework(settings.framework),
        )
        extra_html, extra_docx = _with_survey(surveyed, extra_html, extra_docx)
    db = open_database(settings.database_url)
    try:
        ingest = ingest_paths(paths, db=db, settings=settings, on_file_done=on_file_done)
        ids = list(dict.fromkeys(o.document_id for o in ingest.outcomes if o.document_id))
        if not ids:
            raise NothingToReview(f"{', '.join(map(str, paths))}: no document could be read")
        tagger = load_tagger(
            embedder=settings.embedder,
            cache_path=settings.vector_cache_path,
            framework=settings.framework,
            feedback=feedback_examples(db, framework=settings.framework),
        )
        tagging = tag_documents(
            db,
            tagger=tagger,
            document_ids=ids,
            on_progress=lambda done, total: progress("tag", done, total),
        )
        progress("synthesise", 0, 1)
        synthesis = synthesise(
            load_review_input(db, ids),
            rule=rule,
            framework=load_framework(settings.framework),
            embedder=tagger.embedder,
            title=title,
        )
        progress("write", 0, 1)
        files = write_report(
            synthesis,
            out_dir,
            extra_html=extra_html,
            extra_docx=extra_docx,
            framework=load_framework(settings.framework),
        )
        if surveyed is not None:
            files += write_survey_outputs(surveyed, out_dir / "survey")
        progress("write", 1, 1)
    finally:
        db.close()
    return ReviewResult(ingest, tagging, synthesis, tuple(files), surveyed)


def _with_survey(
    surveyed: SurveyResult, html: Sequence[HtmlSection], docx: Sequence[DocxHook]
) -> tuple[list[HtmlSection], list[DocxHook]]:
    """The report's extra sections with the survey annex added (GCM charts only in Word)."""
    gcm_charts = [c for c in survey_charts(surveyed) if not c.name.startswith("survey-q-")]
    pngs = {chart.name: render_png(chart) for chart in gcm_charts}

    def add_to_docx(document: object) -> None:
        survey_docx_section(document, surveyed, pngs)  # type: ignore[arg-type]

    return [*html, survey_report_section(surveyed)], [*docx, add_to_docx]
