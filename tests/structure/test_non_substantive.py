from __future__ import annotations

import pytest

from gcm_review.ingest.repair import repair
from gcm_review.model import Block, SourceDocument
from gcm_review.structure.non_substantive import NON_SUBSTANTIVE, is_non_substantive
from gcm_review.structure.pipeline import structure


@pytest.mark.parametrize(
    "text",
    [
        "Amman, November 2024",
        "Tunis, 4 and 5 March 2025",
        "Rabat, décembre 2024",
        "القاهرة، أكتوبر 2024",
        "15 February 2021",
        "FICTIONAL SAMPLE - written for a demo; not an official document",
        "EXEMPLE FICTIF - rédigé pour une démonstration ; ce n'est pas un document officiel",
        "The views expressed are those of the speakers and do not necessarily reflect the "
        "positions of the organizers.",
        "Conference documents, including the agenda and the presentations, are available on the "
        "website of the regional office.",
        "Les documents de la réunion sont disponibles sur le site du bureau régional.",
        "وثائق المؤتمر متاحة على الموقع الإلكتروني للمكتب الإقليمي.",
    ],
)
def test_non_substantive_lines(text: str) -> None:
    assert is_non_substantive(text)


@pytest.mark.parametrize(
    "text",
    [
        "In November 2024, Jordan adopted a new labour law for domestic workers.",
        "The ministry published a report on recruitment fees on its website in March 2023, and "
        "began inspecting agencies.",
        "Objective 6: fair and ethical recruitment",
        "Migrant workers can file complaints online on the ministry's website.",
    ],
)
def test_substantive_lines(text: str) -> None:
    assert not is_non_substantive(text)


def test_the_title_repeated_as_a_paragraph() -> None:
    title = "Voluntary National Review of the Global Compact for Migration"
    assert is_non_substantive(f"{title}.", title=title)
    assert not is_non_substantive(title, title=None)


def test_structure_types_the_lines() -> None:
    blocks = tuple(
        Block(text=text, kind="text")
        for text in (
            "National review of Jordan",
            "1. The ministry capped recruitment fees for domestic workers in 2023.",
            "Amman, November 2024",
        )
    )
    source = SourceDocument("/tmp/r.docx", "r.docx", "0" * 64, "docx", blocks)
    doc = structure(repair(source))
    kinds = {p.text: p.kind for p in doc.paragraphs}
    assert kinds["Amman, November 2024"] == NON_SUBSTANTIVE
    assert (
        kinds["The ministry capped recruitment fees for domestic workers in 2023."] == "paragraph"
    )
