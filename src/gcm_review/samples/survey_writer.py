"""Write the fictional stakeholder survey: an XLSForm in English, French and Arabic, a
KoboToolbox-style CSV export of 152 rows (2 of them duplicate submissions) and a LimeSurvey CSV
export of a subset of the questions. Answers are drawn with a fixed seed, so the files are the same
on every run; every response is invented.
"""

from __future__ import annotations

import csv
import io
import random
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl

from gcm_review.frameworks.loader import load_framework
from gcm_review.samples import FICTIONAL_MARKERS
from gcm_review.samples.survey_content import (
    APPLICATION,
    CHANGES,
    COUNTRIES,
    IMPROVEMENT_CHANCE,
    OBJECTIVE_APPEAL,
    PARTICIPATION,
    QUESTION_LABELS,
    REGIONAL_RELEVANT,
    STAKEHOLDERS,
    USEFULNESS,
    Labels,
)

FORM_NAME = "gcm-stakeholder-survey-form.xlsx"
KOBO_NAME = "gcm-stakeholder-survey-export.csv"
LIMESURVEY_NAME = "gcm-stakeholder-survey-limesurvey.csv"
LANGUAGES = ("English (en)", "French (fr)", "Arabic (ar)")
RESPONSES = 150
DUPLICATED = (17, 88)  # indices of the responses submitted twice
_SEED = 2025
_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
_START = datetime(2025, 3, 3, 8, 0, 0)


@dataclass(frozen=True)
class Response:
    """One invented respondent."""

    stakeholder: str
    country: str
    participation: str
    regional_useful: str
    principles: tuple[str, ...]  # one answer per principle, in framework order ("" = blank)
    objectives: tuple[int, ...]
    years: str
    change: str
    weight: float
    uuid: str
    language: str


def principle_name(key: str) -> str:
    """The question name of a guiding principle: principle_people_centred, ..."""
    return "principle_" + key.replace("-", "_")


def draw_responses(count: int, *, seed: int = _SEED) -> list[Response]:
    """`count` invented respondents, the same for the same seed."""
    rng = random.Random(seed)
    keys = [p.key for p in load_framework().principles]
    return [_draw(rng, keys) for _ in range(count)]


def _draw(rng: random.Random, keys: Sequence[str]) -> Response:
    stakeholder = rng.choices(STAKEHOLDERS, weights=[s[3] for s in STAKEHOLDERS])[0]
    participation = rng.choices(PARTICIPATION, weights=[p[3] for p in PARTICIPATION])[0][0]
    useful = ""
    if participation in ("regional", "both"):
        useful = rng.choices([u[0] for u in USEFULNESS], weights=[4, 5, 2, 1])[0]
    principles = tuple(_principle_answer(rng, IMPROVEMENT_CHANCE[key]) for key in keys)
    wanted = rng.randint(1, 5)
    objectives: set[int] = set()
    while len(objectives) < wanted:
        objectives.add(
            rng.choices(list(OBJECTIVE_APPEAL), weights=list(OBJECTIVE_APPEAL.values()))[0]
        )
    years = (
        "" if rng.random() < 0.06 else str(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25]))
    )
    change = rng.choice(CHANGES) if rng.random() < 0.6 else ""
    weight = round(stakeholder[4] * rng.uniform(0.9, 1.1), 3)
    return Response(
        stakeholder=stakeholder[0],
        country=rng.choice(COUNTRIES)[0],
        participation=participation,
        regional_useful=useful,
        principles=principles,
        objectives=tuple(sorted(objectives)),
        years=years,
        change=change,
        weight=weight,
        uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        language=rng.choices(["en", "fr", "ar"], weights=[5, 2, 3])[0],
    )


def _principle_answer(rng: random.Random, improvement: float) -> str:
    roll = rng.random()
    if roll < 0.02:
        return ""
    if roll < 0.09:
        return "dont_know"
    rest = rng.random()
    if rest < improvement:
        return "needs_improvement"
    return "well_applied" if rest < improvement + (1 - improvement) * 0.35 else "partially_applied"


def write_survey_samples(out_dir: Path) -> list[Path]:
    """Write the form, the Kobo export and the LimeSurvey export into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    form = out_dir / FORM_NAME
    form.write_bytes(form_bytes())
    kobo = out_dir / KOBO_NAME
    kobo.write_text(kobo_csv(draw_responses(RESPONSES)), encoding="utf-8-sig", newline="")
    lime = out_dir / LIMESURVEY_NAME
    lime.write_text(
        limesurvey_csv(draw_responses(60, seed=_SEED + 1)), encoding="utf-8", newline=""
    )
    return [form, kobo, lime]


def _survey_rows() -> list[list[str]]:
    framework = load_framework()
    header = [
        "type",
        "name",
        *(f"label::{lang}" for lang in LANGUAGES),
        "required",
        "relevant",
        "gcm",
        "limesurvey_code",
    ]
    notice = " / ".join(FICTIONAL_MARKERS.values())
    rows = [
        header,
        ["note", "fictional_notice", *(f"{notice}: gcm-review demo survey",) * 3, "", "", "", ""],
    ]

    def question(
        kind: str, name: str, labels: Labels, relevant: str = "", gcm: str = "", code: str = ""
    ) -> None:
        rows.append([kind, name, *labels, "yes" if kind != "text" else "", relevant, gcm, code])

    question(
        "select_one stakeholder",
        "stakeholder_group",
        QUESTION_LABELS["stakeholder_group"],
        gcm="stakeholder_group",
        code="stakeholder",
    )
    question("select_one country", "country", QUESTION_LABELS["country"])
    question(
        "select_one participation",
        "consultation_participation",
        QUESTION_LABELS["consultation_participation"],
        gcm="participation",
        code="consult",
    )
    question(
        "select_one usefulness",
        "regional_useful",
        QUESTION_LABELS["regional_useful"],
        relevant=REGIONAL_RELEVANT,
    )
    rows.append(["begin_group", "principles", *QUESTION_LABELS["principles"], "", "", "", ""])
    for number, principle in enumerate(framework.principles, 1):
        en, fr, ar = (principle.titles[code] for code in ("en", "fr", "ar"))
        labels = (
            f"How well has this guiding principle been applied: {en}?",
            f"Dans quelle mesure ce principe directeur a-t-il été appliqué : {fr} ?",
            f"إلى أي مدى طُبّق هذا المبدأ التوجيهي: {ar}؟",
        )
        question(
            "select_one application",
            principle_name(principle.key),
            labels,
            gcm=f"principle:{principle.key}",
            code=f"GP[SQ{number:03d}]",
        )
    rows.append(["end_group", "", "", "", "", "", "", "", ""])
    question(
        "select_multiple objectives",
        "priority_objectives",
        QUESTION_LABELS["priority_objectives"],
        gcm="objectives",
        code="prioobj",
    )
    question("integer", "years_migration", QUESTION_LABELS["years_migration"], code="years")
    question("text", "what_should_change", QUESTION_LABELS["what_should_change"], code="change")
    return rows


def _choice_rows() -> list[list[str]]:
    framework = load_framework()
    rows = [["list_name", "name", *(f"label::{lang}" for lang in LANGUAGES), "limesurvey_code"]]
    rows += [["stakeholder", name, *labels, code] for name, code, labels, _, _ in STAKEHOLDERS]
    rows += [["country", name, *labels, ""] for name, labels in COUNTRIES]
    rows += [["participation", name, *labels, code] for name, code, labels, _ in PARTICIPATION]
    rows += [["usefulness", name, *labels, ""] for name, labels in USEFULNESS]
    rows += [["application", name, *labels, code] for name, code, labels in APPLICATION]
    for objective in framework.objectives:
        titles = [objective.titles[code] for code in ("en", "fr", "ar")]
        rows.append(["objectives", f"obj{objective.number}", *titles, f"SQ{objective.number:03d}"])
    return rows


def form_bytes() -> bytes:
    """The XLSForm workbook, with fixed dates so that the bytes never change."""
    workbook = openpyxl.Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    for sheet, rows in (
        (survey, _survey_rows()),
        (workbook.create_sheet("choices"), _choice_rows()),
    ):
        for row in rows:
            sheet.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(
        [
            "GCM regional review stakeholder survey (fictional sample)",
            "gcm_stakeholder_survey",
            "2025-01",
            "English (en)",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_package(buffer.getvalue())


def _fixed_package(package: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "docProps/core.xml":
                text = re.sub(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "2025-01-01T00:00:00Z", data.decode("utf-8")
                )
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target.getvalue()


def kobo_csv(responses: Sequence[Response]) -> str:
    """A KoboToolbox CSV export (';'-separated, XML names, group paths, 0/1 option columns)."""
    keys = [p.key for p in load_framework().principles]
    header = [
        "start",
        "end",
        "stakeholder_group",
        "country",
        "consultation_participation",
        "regional_useful",
        *(f"principles/{principle_name(key)}" for key in keys),
        "priority_objectives",
        *(f"priority_objectives/obj{n}" for n in range(1, 24)),
        "years_migration",
        "what_should_change",
        "weight",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_index",
    ]
    rows = [_kobo_row(r, i) for i, r in enumerate(responses)]
    rows += [_kobo_row(responses[i], len(rows) + k) for k, i in enumerate(DUPLICATED)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _kobo_row(response: Response, index: int) -> list[str]:
    start = _START + timedelta(hours=7 * index, minutes=13 * (index % 5))
    end = start + timedelta(minutes=9 + index % 11)
    chosen = set(response.objectives)
    return [
        start.isoformat(timespec="milliseconds") + "+03:00",
        end.isoformat(timespec="milliseconds") + "+03:00",
        response.stakeholder,
        response.country,
        response.participation,
        response.regional_useful,
        *response.principles,
        " ".join(f"obj{n}" for n in response.objectives),
        *("1" if n in chosen else "0" for n in range(1, 24)),
        response.years,
        response.change,
        f"{response.weight:.3f}",
        str(41200 + index),
        response.uuid,
        (end + timedelta(minutes=1)).isoformat(timespec="seconds"),
        "",
        str(index + 1),
    ]


def limesurvey_csv(responses: Sequence[Response]) -> str:
    """A LimeSurvey CSV export (question codes, answer codes) of a subset of the questions."""
    codes = {name: code for name, code, *_ in STAKEHOLDERS}
    participation = {name: code for name, code, *_ in PARTICIPATION}
    application = {name: code for name, code, _ in APPLICATION} | {"": ""}
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "stakeholder",
        "consult",
        *(f"GP[SQ{n:03d}]" for n in range(1, 11)),
        *(f"prioobj[SQ{n:03d}]" for n in range(1, 24)),
        "years",
        "change",
        "interviewtime",
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for index, r in enumerate(responses, 1):
        submitted = _START + timedelta(hours=5 * index)
        writer.writerow(
            [
                str(index),
                submitted.strftime("%Y-%m-%d %H:%M:%S"),
                "4",
                r.language,
                str(100000 + index * 37),
                codes[r.stakeholder],
                participation[r.participation],
                *(application[answer] for answer in r.principles),
                *("Y" if n in r.objectives else "" for n in range(1, 24)),
                r.years,
                r.change,
                str(300 + index % 240),
            ]
        )
    return buffer.getvalue()
