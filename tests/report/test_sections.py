"""The section builders on a small synthesis made in code: what each section holds per medium."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gcm_review.frameworks import load_framework
from gcm_review.report import document as d
from gcm_review.report.docx_render import plain_text
from gcm_review.report.sections.key_messages import key_messages
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.sections.principles import principles, stakeholders
from gcm_review.report.sections.recommendations import recommendations
from gcm_review.synthesis.records import Recommendation, RecommendationSource, Synthesis


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
