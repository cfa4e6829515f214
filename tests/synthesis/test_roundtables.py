"""Roundtables: objectives from the heading or the framework cluster, speakers, evidence."""

from __future__ import annotations

from pathlib import Path

from gcm_review.frameworks import load_framework
from gcm_review.synthesis.records import ParagraphTag, ReviewParagraph, SectionInfo
from gcm_review.synthesis.roundtables import roundtables

RT2 = "Roundtable 2: Review of objectives 4, 8, 9, 10, 11, 13 and 21"
RT3 = "المائدة المستديرة ٣"
MINI = Path(__file__).parents[1] / "frameworks" / "data" / "mini.toml"


def para(pid: int, section: tuple[str, ...], **fields: object) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid, document_id=1, document="d.txt", seq=pid, text="Text.", section=section, **fields
    )  # type: ignore[arg-type]


def test_roundtable_objectives_speakers_and_evidence() -> None:
    sections = (
        SectionInfo(1, "Plenary", "session"),
        SectionInfo(1, RT2, "roundtable", (4, 8, 9, 10, 11, 13, 21)),
        SectionInfo(1, RT3, "roundtable"),
        SectionInfo(1, "Panel on data", "roundtable"),
    )
    tag = ParagraphTag("objective:13", 0.9, "model", "proposed", "End child detention.")
    paragraphs = (
        para(1, ("Plenary",), speaker="Mr. A", country="JOR", stakeholder_group="member-state"),
        para(
            2,
            ("Plenary", RT2),
            speaker="Ms. B",
            organisation="UNICEF",
            stakeholder_group="un-entity",
            tags=(tag,),
        ),
        para(
            3,
            ("Plenary", RT2),
            speaker="Ms. B",
            organisation="UNICEF",
            stakeholder_group="un-entity",
        ),
        para(
            4,
            ("Plenary", RT2),
            organisation="Sudanese delegation",
            country="SDN",
            stakeholder_group="member-state",
        ),
        para(5, (RT3,), speaker="Mr. C"),
    )
    found = roundtables(sections, paragraphs, load_framework())
    assert [r.key for r in found] == ["RT2", "RT3", "Panel on data"]
    two, three, panel = found
    assert two.objectives == (4, 8, 9, 10, 11, 13, 21)
    assert two.paragraph_ids == (2, 3, 4)
    assert [(s.name, s.organisation, s.paragraph_ids) for s in two.speakers] == [
        ("Ms. B", "UNICEF", (2, 3)),
        (None, "Sudanese delegation", (4,)),
    ]
    assert [(e.objective, e.sentence, e.paragraph_id) for e in two.addressed] == [
        (13, "End child detention.", 2)
    ]
    assert three.objectives == (14, 15, 16, 19, 20, 22)  # the RT3 cluster, from an Arabic heading
    assert three.paragraph_ids == (5,)
    assert panel.objectives == () and panel.paragraph_ids == ()


def test_the_framework_gives_each_roundtable_number_its_cluster() -> None:
    mini = load_framework(str(MINI))
    sections = (
        SectionInfo(1, "Roundtable 2", "roundtable"),
        SectionInfo(1, "Roundtable one: water and schools", "roundtable"),
        SectionInfo(1, "Roundtable 3", "roundtable"),  # the mini framework has two
    )
    found = roundtables(sections, (), mini)
    assert [(r.key, r.objectives) for r in found] == [
        ("links", (3, 4)),
        ("people", (1, 2)),
        ("Roundtable 3", ()),
    ]
