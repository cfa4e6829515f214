"""The section builders on a small synthesis made in code: what each section holds per medium."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.report import document as d
from gcm_review.report.docx_render import plain_text
from gcm_review.report.sections import report_sections
from gcm_review.report.sections.attention import regional_synthesis
from gcm_review.report.sections.countries import countries
from gcm_review.report.sections.evidence import evidence
from gcm_review.report.sections.front import front_matter
from gcm_review.report.sections.key_messages import key_messages
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.sections.matrix import heat_level, matrix
from gcm_review.report.sections.principles import principles
from gcm_review.report.sections.recommendations import recommendations
from gcm_review.report.sections.roundtables import roundtables
from gcm_review.report.sections.stakeholders import stakeholders
from gcm_review.synthesis.records import (
    DroppedRecommendation,
    KeyMessage,
    Recommendation,
    RecommendationSource,
    Synthesis,
)


@pytest.fixture
def look(small_synthesis: Synthesis) -> Lookup:
    return Lookup(small_synthesis, load_framework())


def lines(section: d.Section, medium: d.Medium) -> list[str]:
    """The text of each block (each list item) the medium shows."""
    found: list[str] = []
    for block in d.for_medium(section.blocks, medium):
        match block:
            case d.Paragraph():
                found.append(plain_text(block.runs))
            case d.Note() | d.Heading():
                found.append(block.text)
            case d.BulletList():
                for item in block.items:
                    if isinstance(item, d.Paragraph):
                        found.append(plain_text(item.runs))
                    else:
                        found += lines(d.Section("", "", item.blocks), medium)
            case d.Table():
                found.append(
                    " | ".join(
                        plain_text(c.runs) if isinstance(c, d.Cell) else c for c in block.header
                    )
                )
    return found


def refs_in(block: d.Paragraph) -> list[int]:
    return [i for run in block.runs if isinstance(run, d.Refs) for i in run.paragraph_ids]


def test_key_messages(look: Lookup) -> None:
    section = key_messages(look)
    assert (section.anchor, section.title, section.css) == (
        "key-messages",
        "Key messages (draft)",
        "draft",
    )
    html, word = lines(section, "html"), lines(section, "docx")
    assert html[0].startswith("DRAFT: proposed by gcm-review")
    assert html[1] == "DRAFT Draft: Governments should end the detention of migrant children. "
    assert word == ["1. Draft: Governments should end the detention of migrant children."]
    (messages,) = [b for b in section.blocks if isinstance(b, d.BulletList)]
    assert messages.ordered and refs_in(messages.items[0]) == [3]  # type: ignore[arg-type]


def test_no_key_message(look: Lookup, small_synthesis: Synthesis) -> None:
    empty = Lookup(replace(small_synthesis, key_messages=()), load_framework())
    section = key_messages(empty)
    assert lines(section, "html")[-1] == "No key message could be drafted from the evidence."
    assert lines(section, "docx") == ["No key messages were drafted."]


def test_recommendations_are_ranked_in_html_only(small_synthesis: Synthesis) -> None:
    source = RecommendationSource(1, "Protect workers.", "Jordan", "JOR", "member-state")
    weak = Recommendation("Weak call.", (source,), (6,), 1, 1)
    strong = Recommendation("Strong call.", (source, source), (6, 7), 2, 1)
    look = Lookup(replace(small_synthesis, recommendations=(weak, strong)), load_framework())
    section = recommendations(look)
    html, word = lines(section, "html"), lines(section, "docx")
    assert html[1:4] == [
        "Strong call. ",
        "2 sources, 1 country. Objective 6 Objective 7 ",
        "Jordan (Jordan; Member State): Protect workers. ",
    ]
    assert word[:4] == [
        "1. Weak call.",
        "Supported by 1 source in 1 country; objective 6.",
        "Jordan (Jordan; member state)",
        "Protect workers.",
    ]


def test_principles_link_rows_and_countries(look: Lookup) -> None:
    section = principles(look)
    html = next(b for b in d.for_medium(section.blocks, "html") if isinstance(b, d.Table))
    first = html.rows[0]
    assert isinstance(first, d.Row) and first.anchor == "principle-gender-responsive"
    country = first.cells[2]
    assert isinstance(country, d.Cell) and country.runs == (d.Link("Jordan", "country-JOR"),)
    word = next(b for b in d.for_medium(section.blocks, "docx") if isinstance(b, d.Table))
    assert word.rows[0] == ("Gender-responsive", "1", "Jordan", "0")
    figures = [b.only for b in section.blocks if isinstance(b, d.Figure)]
    assert figures == ["html", "docx"]  # the chart before the table in HTML, after it in Word


def test_stakeholder_groups_most_first(look: Lookup, small_synthesis: Synthesis) -> None:
    (table,) = stakeholders(look).blocks
    assert isinstance(table, d.Table)
    assert [plain_text(row[0].runs) for row in table.rows] == ["Member State", "Civil society"]  # type: ignore[union-attr,index]
    none = stakeholders(Lookup(replace(small_synthesis, stakeholder_groups={}), load_framework()))
    assert lines(none, "html") == ["No stakeholder group was recognised."]


def test_regional_synthesis_lines_and_word_table(look: Lookup) -> None:
    section = regional_synthesis(look)
    html = lines(section, "html")
    assert html[0].startswith("How objectives are sorted: greatest attention")
    assert "Objectives that received the greatest attention" in html
    six = next(line for line in html if line.startswith("Objective 6:"))
    assert "1 of 2 reporting countries (50%): Jordan." in six
    thirteen = next(line for line in html if line.startswith("Objective 13:"))
    assert thirteen.endswith("No reporting country. Raised by other stakeholders: ")
    word = lines(section, "docx")
    assert word == [
        f"Attention categories: {look.synthesis.rule.describe()}",
        "Objective | Title | Category | Countries | Share",
    ]


def test_matrix_heat_cells_and_links(look: Lookup) -> None:
    section = matrix(look)
    assert section.docx_title == "Country × objective matrix"
    table = next(b for b in d.for_medium(section.blocks, "html") if isinstance(b, d.Table))
    jordan = table.rows[0]
    assert isinstance(jordan, tuple)
    six, one = jordan[6], jordan[1]
    assert isinstance(six, d.Cell) and six.css == "n1"
    assert six.runs == (d.Link("1", "cell-JOR-6"),)
    assert isinstance(one, d.Cell) and one.runs == (d.Span("0"),) and one.css == "n0"
    groups = [b for b in section.blocks if isinstance(b, d.Part)]
    assert [g.css for g in groups] == ["cell-group", "cell-group"]
    assert [heat_level(n) for n in (0, 1, 2, 3, 4)] == [0, 1, 2, 2, 3]


def test_country_profiles_per_medium(look: Lookup) -> None:
    section = countries(look)
    assert [e.anchor for e in section.entries] == ["country-JOR", "country-EGY"]
    articles = [b for b in section.blocks if isinstance(b, d.Part)]
    assert [(a.anchor, a.tag, a.only) for a in articles] == [
        ("country-JOR", "article", "html"),
        ("country-EGY", "article", "html"),
    ]
    word = lines(section, "docx")
    assert word[:2] == [
        "Jordan (JOR)",
        "Sources: jordan.pdf. Speakers: Ms. Rana Haddad, Director, Ministry of Labour "
        "(Jordan; member state).",
    ]
    assert word[2].startswith("Jordan addressed 2 objectives in 1 paragraph from 1 document.")
    assert word[3] == "Objectives addressed"  # its statements are quoted in the narrative already


def test_roundtables_keep_arabic_direction_in_contents(
    look: Lookup, small_synthesis: Synthesis
) -> None:
    section = roundtables(look)
    (entry,) = section.entries
    assert entry.anchor == "roundtable-RT2" and entry.dir == "auto"
    arabic = replace(small_synthesis.roundtables[0], key="RT 3/ب", title="المائدة المستديرة")
    other = roundtables(Lookup(replace(small_synthesis, roundtables=(arabic,)), load_framework()))
    (entry,) = other.entries
    assert (entry.anchor, entry.lang, entry.dir) == ("roundtable-RT-3", "ar", "rtl")


def test_evidence_articles_and_bookmarked_word_heads(look: Lookup) -> None:
    section = evidence(look)
    articles = [b for b in section.blocks if isinstance(b, d.Part)]
    assert [a.anchor for a in articles] == ["p1", "p2", "p3"]
    heads = [
        b for b in d.for_medium(section.blocks, "docx") if isinstance(b, d.Paragraph) and b.anchor
    ]
    assert [plain_text(h.runs) for h in heads] == [
        "¶1  jordan.pdf, no. 1, p. 2",
        "¶2  egypt.html",
        "¶3  ngo.docx",
    ]
    assert all(h.keep_with_next and h.space_before == 10 for h in heads)


def test_report_sections_in_order_with_annexes_before_the_evidence(look: Lookup) -> None:
    annex = d.Section("survey", "Stakeholder survey", ())
    anchors = [s.anchor for s in report_sections(look, annexes=[annex])]
    assert anchors == [
        "key-messages",
        "regional-synthesis",
        "matrix",
        "countries",
        "roundtables",
        "principles",
        "stakeholders",
        "recommendations",
        "survey",
        "evidence",
    ]


def test_front_matter(look: Lookup) -> None:
    header, title, *notes = front_matter(look)
    assert isinstance(header, d.Part) and (header.anchor, header.tag) == ("top", "header")
    assert isinstance(title, d.Heading) and (title.level, title.only) == (0, "docx")
    assert [n.text for n in notes if isinstance(n, d.Note)][1] == (
        "Paragraphs by stakeholder group: member state 2, civil society 1."
    )


def test_key_messages_from_a_record_or_to_check_carry_their_badge_and_note(
    small_synthesis: Synthesis,
) -> None:
    record = KeyMessage("Data remain scattered.", "input", (1,), note="Written in r.txt.")
    check = KeyMessage("Check objective 6.", "attention", (2,), uncertain=True, note="Qatar.")
    draft = KeyMessage("Objective 1 led.", "attention", (1,))
    look = Lookup(replace(small_synthesis, key_messages=(record, check, draft)), load_framework())
    section = key_messages(look)
    html, word = lines(section, "html"), lines(section, "docx")
    assert html[1:] == [
        "RECORD Data remain scattered.  Written in r.txt.",
        "CHECK Check objective 6.  Qatar.",
        "DRAFT Objective 1 led. ",
    ]
    assert word == [
        "1. [RECORD] Data remain scattered.",
        "Written in r.txt.",
        "2. [CHECK] Check objective 6.",
        "Qatar.",
        "3. Objective 1 led.",
    ]


def test_calls_left_out_as_cut_sentences_are_listed_with_their_links(
    small_synthesis: Synthesis,
) -> None:
    cut = DroppedRecommendation(2, "Dismantle sponsorship systems and ensure employment-", "cut")
    speaker = RecommendationSource(
        1, "Protect workers.", "UN Women", None, "un-entity", "Ms. Mikhail"
    )
    found = Recommendation("Protect workers.", (speaker,), (), 1, 0)
    synthesis = replace(small_synthesis, recommendations=(found,), dropped_recommendations=(cut,))
    section = recommendations(Lookup(synthesis, load_framework()))
    html, word = lines(section, "html"), lines(section, "docx")
    assert "UN Women (Ms. Mikhail; United Nations entity): Protect workers. " in html
    details = [b for b in d.for_medium(section.blocks, "html") if isinstance(b, d.Details)]
    assert [b.summary for b in details] == ["Left out: 1 call cut by a page break"]
    listed = lines(d.Section("", "", details[0].blocks), "html")
    assert listed[-1] == "Dismantle sponsorship systems and ensure employment- "
    assert "1 call left out as cut sentences." in word
    assert "Ms. Mikhail, UN Women (un entity)" in word[2]
