"""Small XLSForms and exports written by the survey tests (every expected value is by hand)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

Row = Sequence[object]


def write_xlsform(
    path: Path,
    survey: Sequence[Row],
    choices: Sequence[Row] = (),
    settings: Sequence[Row] = (),
) -> Path:
    """An XLSForm workbook: each sheet given as rows, the first row being the header."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(list(row))
    if choices:
        choice_sheet = workbook.create_sheet("choices")
        for row in choices:
            choice_sheet.append(list(row))
    if settings:
        settings_sheet = workbook.create_sheet("settings")
        for row in settings:
            settings_sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Row], *, delimiter: str = ",") -> Path:
    """A CSV export; the first row is the header."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(list(row))
    return path


def write_xlsx_data(path: Path, rows: Sequence[Row], *, sheet: str = "data") -> Path:
    """An XLSX export with one sheet; the first row is the header."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    workbook.save(path)
    return path


# A small form used by many tests: a stakeholder group, a yes/no/don't know question, a
# follow-up asked only to those who said yes, a select_multiple, a number and a text.
SURVEY: list[Row] = [
    ("type", "name", "label::English (en)", "label::French (fr)", "label::Arabic (ar)", "relevant"),
    ("select_one who", "group", "Stakeholder group", "Groupe de parties prenantes", "الفئة", ""),
    ("begin_group", "consult", "Consultations", "Consultations", "المشاورات", ""),
    ("select_one yn", "took_part", "Took part?", "A participé ?", "هل شاركت؟", ""),
    (
        "select_one useful",
        "useful",
        "How useful?",
        "Utilité ?",
        "ما مدى الفائدة؟",
        "${took_part} = 'yes'",
    ),
    ("end_group", "", "", "", "", ""),
    ("select_multiple topics", "topics", "Topics", "Thèmes", "المواضيع", ""),
    ("integer", "years", "Years", "Années", "السنوات", ""),
    ("text", "change", "What should change?", "Que faut-il changer ?", "ما الذي يجب تغييره؟", ""),
]
CHOICES: list[Row] = [
    ("list_name", "name", "label::English (en)", "label::French (fr)", "label::Arabic (ar)"),
    ("who", "gov", "Government", "Gouvernement", "الحكومة"),
    ("who", "cso", "Civil society", "Société civile", "المجتمع المدني"),
    ("yn", "yes", "Yes", "Oui", "نعم"),
    ("yn", "no", "No", "Non", "لا"),
    ("yn", "dont_know", "Don't know", "Ne sait pas", "لا أعرف"),
    ("useful", "very", "Very useful", "Très utile", "مفيدة جدا"),
    ("useful", "little", "A little", "Un peu", "قليلا"),
    ("topics", "data", "Data", "Données", "البيانات"),
    ("topics", "work", "Decent work", "Travail décent", "العمل اللائق"),
    ("topics", "health", "Health", "Santé", "الصحة"),
]


def small_form(path: Path) -> Path:
    """The small form above, written to path."""
    return write_xlsform(path, SURVEY, CHOICES)


KOBO_HEADER: list[object] = [
    "_uuid",
    "group",
    "consult/took_part",
    "consult/useful",
    "topics",
    "years",
    "change",
    "w",
]
# Six responses (spreadsheet rows 2-7); expected values in the tests are counted from these.
KOBO_ROWS: list[Row] = [
    ("a", "gov", "yes", "very", "data work", "5", "More data", "2"),
    ("b", "cso", "no", "", "work", "", "", "1"),
    ("c", "gov", "dont_know", "", "", "12", "Plus de données", "1"),
    ("d", "cso", "yes", "little", "data health", "3", "", "0.5"),
    ("e", "gov", "", "", "data", "7", "", "1"),
    ("f", "cso", "yes", "", "health", "4", "", "1.5"),
]


def small_export(path: Path, *, delimiter: str = ",") -> Path:
    """The six responses above as a KoboToolbox CSV export."""
    return write_csv(path, [KOBO_HEADER, *KOBO_ROWS], delimiter=delimiter)
