"""The outcome document's own parts (introduction, sessions, the record's annexes, stakeholder
inputs) in both media, and the Word layout a UN template needs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from gcm_review.frameworks import load_framework
from gcm_review.report import document as d
from gcm_review.report.docx_report import write_docx
from gcm_review.report.html_report import render_html
from gcm_review.report.sections import Lookup, report_sections
from gcm_review.report.sections.outline import NUMBERED
from gcm_review.synthesis.conference import ConferenceInfo
from gcm_review.synthesis.outline_records import (
    AnnexList,
    ConferenceOutline,
    Line,
    RecordAnnex,
    SessionSummary,
    SpeakerSummary,
    StakeholderGroup,
)
from gcm_review.synthesis.records import Synthesis

from .test_html_report import parse

SPEAKER = SpeakerSummary(
    name="Ms. Rana Haddad",
    title="Director",
    organisation="Ministry of Labour",
    country="JOR",
    stakeholder_group="member-state",
    lines=(Line("The representative of Jordan, Ms. Rana Haddad, said that shelters opened.", 1),),
    paragraph_ids=(1,),
    objectives=(7,),
)
OUTLINE = ConferenceOutline(
    document="record.txt",
    document_id=1,
    title="Report of the conference",
    introduction=(Line("The Conference was held in Tunis.", 1, number="1"),),
    sessions=(
        SessionSummary("opening", "Opening session", (1,), None, None, (SPEAKER,), ()),
        SessionSummary(
            "roundtable",
            "Roundtable 2: Review of objectives 12 and 13",
            (2, 3),
            Line("The roundtable was moderated by Mr. Walid Kassem.", 2),
            "moderator",
            (),
            (Line("Participants agreed that children should not be detained.", 3),),
            objectives=(12, 13),
            addressed=(10, 13),
        ),
    ),
    annexes=(
        RecordAnnex(
            "Annex: Recommendations",
            (AnnexList("To member States", (Line("End child detention.", 3, number="1"),)),),
            (3,),
        ),
    ),
)
CONFERENCE = ConferenceInfo(
    "conference.toml",
    name="Regional Review Conference",
    dates="4 March 2025",
    venue="Tunis",
    organisers=("the Network", "IOM"),
)
GROUP = StakeholderGroup(
    "civil-society",
    (3,),
    ("ngo.docx",),
    (replace(SPEAKER, lines=(Line("The submission of the Olive Network states: “x”", 3),)),),
)


@pytest.fixture
def conference_synthesis(small_synthesis: Synthesis) -> Synthesis:
    return replace(
        small_synthesis, outlines=(OUTLINE,), conference=CONFERENCE, stakeholder_inputs=(GROUP,)
    )


@pytest.fixture
def sections(conference_synthesis: Synthesis) -> list[d.Section]:
    return report_sections(Lookup(conference_synthesis, load_framework()))


def _paragraphs(blocks: tuple[d.Block, ...]) -> list[d.Paragraph]:
    found: list[d.Paragraph] = []
    for block in blocks:
        if isinstance(block, d.Paragraph):
            found.append(block)
        elif isinstance(block, d.Part):
            found += _paragraphs(block.blocks)
        elif isinstance(block, d.BulletList):
            found += [i for i in block.items if isinstance(i, d.Paragraph)]
    return found


def test_the_report_opens_as_an_outcome_document(sections: list[d.Section]) -> None:
    anchors = [s.anchor for s in sections]
    assert anchors[:3] == ["introduction", "key-messages", "sessions"]
    assert anchors[-2:] == ["record-annex-record-txt-1", "evidence"]
    assert anchors.index("record-annex-record-txt-1") > anchors.index("recommendations")
    sessions = next(s for s in sections if s.anchor == "sessions")
    assert [e.text for e in sessions.entries] == [
        "Opening session",
        "Roundtable 2: Review of objectives 12 and 13",
    ]


def test_without_a_conference_record_the_report_is_as_before(small_synthesis: Synthesis) -> None:
    anchors = [s.anchor for s in report_sections(Lookup(small_synthesis, load_framework()))]
    assert "introduction" not in anchors and "sessions" not in anchors
    assert not any(a.startswith("record-annex") for a in anchors)


def test_no_sentence_without_a_link(sections: list[d.Section]) -> None:
    for section in sections:
        for para in _paragraphs(section.blocks):
            if para.style != NUMBERED:
                continue
            text = "".join(r.text for r in para.runs if isinstance(r, d.Span))
            linked = any(
                isinstance(r, d.Link) or (isinstance(r, d.Refs) and r.paragraph_ids)
                for r in para.runs
            )
            assert linked or "(from the conference file conference.toml)" in text, text


def test_introduction_states_the_conference_file_and_the_record(
    sections: list[d.Section],
) -> None:
    intro = sections[0]
    texts = [
        "".join(r.text for r in p.runs if isinstance(r, (d.Span, d.Link)))
        for p in _paragraphs(intro.blocks)
    ]
    assert texts[0].startswith(
        "The Regional Review Conference was held in Tunis on 4 March 2025. It was organized by "
        "the Network and IOM."
    )
    assert texts[1] == "The Conference was held in Tunis. "
    assert texts[2].startswith(
        "The record record.txt reports 2 sessions: an opening session and a roundtable."
    )


def test_roundtable_names_its_moderator_and_objectives(sections: list[d.Section]) -> None:
    sessions = next(s for s in sections if s.anchor == "sessions")
    texts = [
        "".join(r.text for r in p.runs if isinstance(r, d.Span))
        for p in _paragraphs(sessions.blocks)
    ]
    assert "The roundtable was moderated by Mr. Walid Kassem. " in texts
    assert (
        "The session reviewed Objective 12 and Objective 13. The discussion also touched on "
        "Objective 10. " in texts
    )


def test_annex_keeps_its_headings_and_numbers(sections: list[d.Section]) -> None:
    annex = next(s for s in sections if s.anchor.startswith("record-annex"))
    assert annex.title == "Annex: Recommendations"
    headings = [b.text for b in annex.blocks if isinstance(b, d.Heading)]
    assert headings == ["To member States"]
    (item,) = _paragraphs(annex.blocks)
    assert isinstance(item.runs[0], d.Span) and item.runs[0].text == "1. End child detention. "


def test_html_shows_every_new_part_and_its_links_resolve(conference_synthesis: Synthesis) -> None:
    html = render_html(conference_synthesis)
    page = parse(html)
    for text in ("Introduction and organisation of work", "Conference sessions", "Civil society"):
        assert text in html
    assert 'class="numbered"' in html and "counter-increment" in html
    ids = set(page.ids)
    assert {"introduction", "sessions", "session-1-1", "stakeholders-civil-society"} <= ids
    assert all(value[1:] in ids for name, value in page.links if value.startswith("#"))


def _write(synthesis: Synthesis, tmp_path: Path) -> Document:
    path = tmp_path / "report.docx"
    write_docx(synthesis, path, charts={})
    return docx.Document(str(path))


def test_word_has_the_new_parts_with_links_that_resolve(
    conference_synthesis: Synthesis, tmp_path: Path
) -> None:
    doc = _write(conference_synthesis, tmp_path)
    headings = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings[:3] == [
        "Introduction and organisation of work",
        "Key messages (draft)",
        "Conference sessions",
    ]
    assert "Stakeholder inputs" in headings and "Annex: Recommendations" in headings
    anchors = set(doc.element.body.xpath("//w:hyperlink/@w:anchor"))
    bookmarks = set(doc.element.body.xpath("//w:bookmarkStart/@w:name"))
    assert "session-1-2" in anchors and anchors <= bookmarks


def test_word_paragraphs_are_numbered_by_a_numbering_definition(
    conference_synthesis: Synthesis, tmp_path: Path
) -> None:
    doc = _write(conference_synthesis, tmp_path)
    numbered = [p for p in doc.paragraphs if p.style is not None and p.style.name == NUMBERED]
    assert len(numbered) >= 6
    assert not any(p.text[:1].isdigit() for p in numbered)  # no typed numbers
    style = doc.styles[NUMBERED]
    assert style.base_style is not None and style.base_style.name == "Normal"
    (num_id,) = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    numbering = doc.part.numbering_part.element
    (num,) = numbering.xpath(f"./w:num[@w:numId='{num_id}']")
    abstract_id = num.xpath("./w:abstractNumId/@w:val")[0]
    (level,) = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl")
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"


def test_word_has_contents_page_numbers_and_a_landscape_matrix(
    conference_synthesis: Synthesis, tmp_path: Path
) -> None:
    doc = _write(conference_synthesis, tmp_path)
    instructions = " ".join(doc.element.body.xpath("//w:instrText/text()"))
    assert 'TOC \\o "1-3"' in instructions
    footer = doc.sections[0].footer
    assert not footer.is_linked_to_previous
    assert "PAGE" in " ".join(footer._element.xpath(".//w:instrText/text()"))
    assert all(s.footer.is_linked_to_previous for s in doc.sections[1:])  # they inherit it
    assert doc.settings.element.find(qn("w:updateFields")) is not None
    orientations = [s.page_width > s.page_height for s in doc.sections]
    assert orientations == [False, True, False]
    matrix = next(t for t in doc.tables if t.rows[0].cells[0].text == "Country")
    landscape_section = doc.sections[1]._sectPr
    body = list(doc.element.body)
    section_break = next(i for i, e in enumerate(body) if landscape_section in e.iter())
    assert body.index(matrix._tbl) < section_break  # the matrix ends the landscape section


def test_a_country_narrative_quotes_a_sentence_once(small_synthesis: Synthesis) -> None:
    from gcm_review.report.sections.country_story import narrative

    look = Lookup(small_synthesis, load_framework())
    jordan = small_synthesis.countries[0]
    paragraphs = narrative(look, jordan)
    texts = ["".join(r.text for r in p.runs if isinstance(r, d.Span)) for p in paragraphs]
    quoted = [q for text in texts for q in text.split("“")[1:]]
    assert len(quoted) == len(set(quoted))
    assert all(any(isinstance(r, d.Refs) and r.paragraph_ids for r in p.runs) for p in paragraphs)


def test_synthesis_json_holds_the_outline(conference_synthesis: Synthesis) -> None:
    from gcm_review.report.synthesis_json import synthesis_record

    record = synthesis_record(conference_synthesis)
    assert record["conference"]["venue"] == "Tunis"
    (outline,) = record["outlines"]
    assert [s["kind"] for s in outline["sessions"]] == ["opening", "roundtable"]
    assert record["stakeholder_inputs"][0]["group"] == "civil-society"


def test_a_roundtable_names_its_moderator_and_links_its_summary(
    conference_synthesis: Synthesis,
) -> None:
    from gcm_review.report.sections.roundtables import roundtables

    title = conference_synthesis.roundtables[0].title
    session = replace(OUTLINE.sessions[1], title=title)
    outline = replace(OUTLINE, sessions=(OUTLINE.sessions[0], session))
    look = Lookup(replace(conference_synthesis, outlines=(outline,)), load_framework())
    section = roundtables(look)
    for medium in ("html", "docx"):
        notes = [
            p
            for p in _paragraphs(tuple(d.for_medium(section.blocks, medium)))
            if any(isinstance(r, d.Link) and r.anchor == "session-1-2" for r in p.runs)
        ]
        assert len(notes) == 1
        spans = "".join(r.text for r in notes[0].runs if isinstance(r, d.Span))
        assert spans.startswith("The roundtable was moderated by Mr. Walid Kassem.")
