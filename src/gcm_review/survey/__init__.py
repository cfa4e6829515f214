"""Stakeholder survey analysis: an XLSForm and a KoboToolbox/ODK or LimeSurvey export in,
exact and disaggregated shares with 95% Wilson intervals, the GCM view and report sections out.

    result = analyse_survey(Path("form.xlsx"), Path("export.csv"), by=["stakeholder_group"])
    write_survey_outputs(result, Path("out"))
"""

from __future__ import annotations

from gcm_review.survey.errors import SurveyError
from gcm_review.survey.outputs import write_survey_outputs
from gcm_review.survey.pipeline import analyse_survey
from gcm_review.survey.records import Problem, ResultRow, SurveyResult
from gcm_review.survey.section import SURVEY_ANCHOR, SURVEY_HEADING, survey_section

__all__ = [
    "SURVEY_ANCHOR",
    "SURVEY_HEADING",
    "Problem",
    "ResultRow",
    "SurveyError",
    "SurveyResult",
    "analyse_survey",
    "survey_section",
    "write_survey_outputs",
]
