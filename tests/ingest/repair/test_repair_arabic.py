"""Faulty strings below are what pypdfium2 extracted from fpdf2 PDFs of the sentences we wrote."""

from __future__ import annotations

import pytest
from repair_builders import document

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.arabic import (
    ARABIC_BIDI_RUN,
    ARABIC_LAM_ALEF,
    fix_bidi_runs,
    fix_lam_alef,
    has_lam_alef_fault,
    is_mostly_arabic,
)
from gcm_review.model import Block

LAM_ALEF_CASES = [
    ("ال يمكن تحقيق األهداف دون التعاون", "لا يمكن تحقيق الأهداف دون التعاون"),
    ("اإلدارة األمنية للحدود", "الإدارة الأمنية للحدود"),
    ("عن االتفاق العالمي", "عن الاتفاق العالمي"),
    ("اآلن واأللم", "الآن والألم"),
    ("خالل عام", "خلال عام"),
    ("الالجئين واالستغالل", "اللاجئين والاستغلال"),
    ("تحويالت بقيمة 60 مليار دوالر", "تحويلات بقيمة 60 مليار دولار"),
    ("السالم عليكم", "السلام عليكم"),
    ("الطوعي لالتفاق العالمي", "الطوعي للاتفاق العالمي"),
    ("إال في حاالت", "إلا في حالات"),
    ("بديالً عن إجالء", "بديلاً عن إجلاء"),
    ("حمالت التوعية والتحويالت", "حملات التوعية والتحويلات"),
]

BIDI_CASES = [
    (
        "شاركت شبكة الأمم المتحدة Migration on Network Nations United في المؤتمر",
        "شاركت شبكة الأمم المتحدة United Nations Network on Migration في المؤتمر",
    ),
    ("انظر الفقرات 9-1 والصفحة 3", "انظر الفقرات 1-9 والصفحة 3"),
    (
        "المنظمة الدولية للهجرة )IOM )والإسكوا )ESCWA)",
        "المنظمة الدولية للهجرة (IOM) والإسكوا (ESCWA)",
    ),
    ("المادة 9 )2( من الاتفاقية", "المادة 9 (2) من الاتفاقية"),
    ("لغربي آسيا )الإسكوا( والمنظمة", "لغربي آسيا (الإسكوا) والمنظمة"),
    ("بلغت النسبة %60 في 15/02/2021", "بلغت النسبة 60% في 15/02/2021"),
    ("الهدف :23 التعاون الدولي", "الهدف 23: التعاون الدولي"),
    ("خلال عام ،2021 تم", "خلال عام 2021، تم"),
    (".1 الأهداف الرئيسية", "1. الأهداف الرئيسية"),
]

SOUND_LINES = [
    "قدمت المنظمة الدولية للهجرة IOM تقريرا عن الاتفاق العالمي GCM",
    "عقد المؤتمر في عام 2021 بمشاركة 23 دولة",
    "المنظمة الدولية للهجرة (IOM) والإسكوا (ESCWA) والعالمي",
    "الهدف 23 من GCM يتعلق بالتعاون الدولي والله",
    "وقالت إن الأطفال في مجال الهجرة إلى البلدان",
]


@pytest.mark.parametrize(("faulty", "expected"), LAM_ALEF_CASES)
def test_lam_alef_swaps_undone(faulty: str, expected: str) -> None:
    fixed, edit = fix_lam_alef(faulty)
    assert fixed == expected
    assert edit is not None
    assert edit.kind == ARABIC_LAM_ALEF
    assert edit.count == len(edit.removed.split())


@pytest.mark.parametrize("sound", SOUND_LINES)
def test_lam_alef_leaves_genuine_alef_lam_alone(sound: str) -> None:
    assert fix_lam_alef(sound) == (sound, None)


@pytest.mark.parametrize(("faulty", "expected"), BIDI_CASES)
def test_bidi_runs_put_back(faulty: str, expected: str) -> None:
    fixed, edit = fix_bidi_runs(faulty)
    assert fixed == expected
    assert edit is not None
    assert edit.kind == ARABIC_BIDI_RUN
    assert (edit.removed, edit.inserted) == (faulty, expected)


def test_bidi_leaves_sound_parentheses_and_single_words() -> None:
    line = "المنظمة (IOM) والإسكوا (ESCWA) عام 2021 و 15/02/2021"
    assert fix_bidi_runs(line) == (line, None)


def test_fault_detected_only_in_swapped_text() -> None:
    assert has_lam_alef_fault(faulty for faulty, _ in LAM_ALEF_CASES)
    assert not has_lam_alef_fault(expected for _, expected in LAM_ALEF_CASES)
    assert not has_lam_alef_fault(SOUND_LINES)


def test_mostly_arabic() -> None:
    assert is_mostly_arabic("قدمت المنظمة الدولية للهجرة IOM تقريرا")
    assert not is_mostly_arabic("The International Organization for Migration (الهجرة)")
    assert not is_mostly_arabic("2021")


def test_pipeline_fixes_faulty_pdf_lines_and_records_them() -> None:
    blocks = (
        Block(text="ال يمكن تحقيق األهداف دون التعاون", page=1, kind="line"),
        Block(
            text="شاركت شبكة Migration on Network في المؤتمر الدولي.",
            page=1,
            kind="line",
            gap_before=1.0,
        ),
        Block(
            text="Summary in English, not touched: Network on Migration",
            page=1,
            kind="line",
            gap_before=1.0,
        ),
    )
    result = repair(document(blocks, format="pdf"))
    texts = [block.text for block in result.blocks]
    assert texts[0] == "لا يمكن تحقيق الأهداف دون التعاون"
    assert texts[1] == "شاركت شبكة Network on Migration في المؤتمر الدولي."
    assert texts[2] == blocks[2].text
    kinds = [(item.kind, item.block) for item in result.repairs]
    assert kinds == [(ARABIC_LAM_ALEF, 0), (ARABIC_BIDI_RUN, 1)]


def test_pipeline_leaves_sound_pdf_lines_and_text_files_alone() -> None:
    sound = tuple(Block(text=line, page=1, kind="line", gap_before=1.0) for line in SOUND_LINES)
    assert repair(document(sound, format="pdf")).repairs == ()
    faulty = (Block(text=LAM_ALEF_CASES[0][0], kind="line", gap_before=0.0),)
    assert repair(document(faulty, format="text")).repairs == ()
