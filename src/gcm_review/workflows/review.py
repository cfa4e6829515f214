"""The whole review in one call: ingest, tag, synthesise and write the report files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gcm_review.errors import NothingToReview
from gcm_review.frameworks import load_framework
from gcm_review.model.synthesis_input import AttentionRule
from gcm_review.report.document import Section
from gcm_review.report.write import write_report
from gcm_review.settings import Settings
from gcm_review.store.database import Database, open_database, storage_errors
from gcm_review.store.review_input import load_review_input
from gcm_review.survey import (
    SurveyResult,
    analyse_survey,
    survey_section,
    write_survey_outputs,
)
from gcm_review.synthesis.build import synthesise
from gcm_review.synthesis.conference import (
    CONFERENCE_FILE,
    ConferenceInfo,
    find_conference_file,
    read_conference,
)
from gcm_review.synthesis.records import Synthesis
from gcm_review.workflows.feedback import settings_tagger
from gcm_review.workflows.ingest import FileOutcome, IngestReport, expand_paths, ingest_paths
from gcm_review.workflows.output_folder import check_output_folder, replaced_whole
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
    conference: Path | None = None,
    survey: SurveyInput | None = None,
    annexes: Sequence[Section] = (),
    on_progress: ProgressCallback | None = None,
    on_file_done: Callable[[FileOutcome], None] | None = None,
) -> ReviewResult:
    """Review the files under paths and write the report files into out_dir.

    With a survey, its results go into out_dir/survey/ and its section into the report. The
    files are written beside out_dir and replace its content whole at the end
    (`output_folder.replaced_whole`): an interrupted review leaves the previous report set. A
    folder holding files a review does not write is refused before any work.

    The conference file (`conference`, else a `conference.toml` in a folder given or beside a
    file given) describes the meeting a conference record reports on; it is not reviewed.
    """
    progress = on_progress or (lambda stage, done, total: None)
    rule = settings.attention_rule  # fail on inconsistent settings before any work
    check_output_folder(out_dir)
    meeting = _conference(paths, conference)
    paths = [path for path in expand_paths(paths) if path.name != CONFERENCE_FILE]
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
        annexes = [*annexes, survey_section(surveyed)]
    db = open_database(settings.database_url)
    try:
        with storage_errors("reviewing"):
            ingest, tagging, synthesis = _read_and_synthesise(
                db,
                paths,
                settings,
                rule,
                title=title,
                conference=meeting,
                progress=progress,
                on_file_done=on_file_done,
            )
    finally:
        db.close()
    progress("write", 0, 1)
    with replaced_whole(out_dir) as staging:
        framework = load_framework(settings.framework)
        written = write_report(synthesis, staging, annexes=annexes, framework=framework)
        if surveyed is not None:
            written += write_survey_outputs(surveyed, staging / "survey")
    files = [out_dir / path.relative_to(staging) for path in written]
    progress("write", 1, 1)
    return ReviewResult(ingest, tagging, synthesis, tuple(files), surveyed)


def _read_and_synthesise(
    db: Database,
    paths: Sequence[Path],
    settings: Settings,
    rule: AttentionRule,
    *,
    title: str | None,
    conference: ConferenceInfo | None,
    progress: ProgressCallback,
    on_file_done: Callable[[FileOutcome], None] | None,
) -> tuple[IngestReport, TagReport, Synthesis]:
    """Ingest and tag the files, then synthesise what they hold."""
    ingest = ingest_paths(paths, db=db, settings=settings, on_file_done=on_file_done)
    ids = list(dict.fromkeys(o.document_id for o in ingest.outcomes if o.document_id))
    if not ids:
        raise NothingToReview(f"{', '.join(map(str, paths))}: no document could be read")
    tagger = settings_tagger(db, settings)
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
        conference=conference,
    )
    return ingest, tagging, synthesis


def _conference(paths: Sequence[Path], given: Path | None) -> ConferenceInfo | None:
    """The conference file given, else the one found among the inputs, read; None without one."""
    path = given or find_conference_file(paths)
    return read_conference(path) if path is not None else None
