"""The bundled fictional survey: rebuilt with the same content, three languages, and analysed
as counted by hand."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sample_content import content_of

from gcm_review.samples import sample_survey_dir
from gcm_review.samples.survey_writer import (
    FORM_NAME,
    KOBO_NAME,
    LIMESURVEY_NAME,
    write_survey_samples,
)
from gcm_review.survey import analyse_survey, write_survey_outputs
from gcm_review.survey.xlsform import read_form

FORM = sample_survey_dir() / FORM_NAME
KOBO = sample_survey_dir() / KOBO_NAME
LIME = sample_survey_dir() / LIMESURVEY_NAME


def test_rebuild_gives_the_committed_content(tmp_path: Path) -> None:
    """Compared by content (cells, text), not bytes: see sample_content."""
    written = write_survey_samples(tmp_path)
    assert {path.name for path in written} == {path.name for path in sample_survey_dir().iterdir()}
    for path in written:
        assert content_of(path) == content_of(sample_survey_dir() / path.name), path.name


def test_form_has_three_languages_and_the_gcm_blocks() -> None:
    form = read_form(FORM, language="Arabic")
    assert form.languages == ("English (en)", "French (fr)", "Arabic (ar)")
    principles = [q for q in form.questions if q.gcm.startswith("principle:")]
    assert len(principles) == 10
    objectives = form.question("priority_objectives")
    assert objectives is not None and len(objectives.choices) == 23
    assert form.question("regional_useful") is not None
    assert form.question_label("stakeholder_group") == "ما نوع الجهة التي تمثلها؟"


def _neither_by_hand() -> tuple[int, int]:
    """Count 'neither' among those answering the participation question, duplicates dropped."""
    with KOBO.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    seen: set[str] = set()
    answers = []
    for row in rows:
        if row["_uuid"] not in seen:
            seen.add(row["_uuid"])
            answers.append(row["consultation_participation"])
    given = [a for a in answers if a not in ("", "dont_know")]
    return sum(a == "neither" for a in given), len(given)


def test_kobo_sample_matches_a_count_by_hand() -> None:
    result = analyse_survey(FORM, KOBO, weights="weight", by=["stakeholder_group", "country"])
    assert (result.respondents, result.duplicates_removed) == (150, 2)
    assert [p.kind for p in result.problems] == ["duplicate"]
    unweighted = analyse_survey(FORM, KOBO)
    neither = next(
        r
        for r in unweighted.rows_of("consultation_participation", group="")
        if r.option == "neither"
    )
    assert (neither.n, neither.total) == _neither_by_hand()
    assert len(result.gcm.principles) == 10
    assert len(result.gcm.objectives) == 23
    assert result.gcm.participation is not None
    assert len(result.gcm.summary) == 3


def test_limesurvey_sample() -> None:
    result = analyse_survey(FORM, LIME, language="French")
    assert result.source == "limesurvey"
    assert result.respondents == 60
    assert {p.kind for p in result.problems} == {"missing-column"}  # a subset of the questions
    assert len(result.gcm.principles) == 10
    assert sum(r.n for r in result.rows_of("stakeholder_group", group="")) == pytest.approx(60)


def test_sample_outputs_include_the_gcm_charts(tmp_path: Path) -> None:
    result = analyse_survey(FORM, KOBO, weights="weight", by=["stakeholder_group"])
    names = {path.name for path in write_survey_outputs(result, tmp_path)}
    for chart in ("survey-principles", "survey-objectives", "survey-participation"):
        assert {f"{chart}.svg", f"{chart}.png"} <= names
    page = (tmp_path / "survey_report.html").read_text(encoding="utf-8")
    assert "Guiding principles: application needs further improvement" in page
    assert "took part in neither" in page
