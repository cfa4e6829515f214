from __future__ import annotations

import pytest
from repair_builders import document, pdf_lines, text_lines

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.reflow import (
    PAGE_JOIN,
    Layout,
    ends_sentence,
    measure_layout,
    reflow,
    starts_paragraph,
)


def _texts(lines: list[Line], layout: Layout | None = None) -> list[str]:
    drafts, _edits = reflow(lines, layout=layout or Layout())
    return [draft.text for draft in drafts]


@pytest.mark.parametrize(
    "text",
    [
        "23. The session",
        "- 42. Ms. Smith",
        "• bullet",
        "- bullet",
        "I. Key messages",
        "C. Plenary session 1",
        "Annex II",
        "(a) first",
        "b) second",
        "1.",
        "٢٣. فقرة",
    ],
)
def test_paragraph_starts(text: str) -> None:
    assert starts_paragraph(text)


@pytest.mark.parametrize(
    "text", ["1.6 per cent of", "2021. The", "Mr. Larem said", "the region", "Q&A sessions"]
)
def test_not_paragraph_starts(text: str) -> None:
    assert not starts_paragraph(text)


def test_sentence_ends() -> None:
    assert ends_sentence("as agreed.")
    assert ends_sentence('he said "yes."')
    assert ends_sentence("the following:")
    assert not ends_sentence("the Global Compact for")


def test_text_lines_join_until_a_blank_line() -> None:
    text = "The session was chaired\nby the Minister.\n\nA second paragraph."
    result = repair(document(text_lines(text)))
    assert [block.text for block in result.blocks] == [
        "The session was chaired by the Minister.",
        "A second paragraph.",
    ]
    assert result.repairs == ()


def test_numbered_and_bullet_lines_start_their_own_blocks_without_blank_lines() -> None:
    text = "- 8. First point\ncontinued.\n- 9. Second point.\n• a bullet\n10. Tenth."
    result = repair(document(text_lines(text)))
    assert [block.text for block in result.blocks] == [
        "- 8. First point continued.",
        "- 9. Second point.",
        "• a bullet",
        "10. Tenth.",
    ]


def test_table_rows_stay_single_lines() -> None:
    text = "Contents\n\tParagraphs\tPage\nIntroduction\t1-9\t3\nKey messages\t10\t4"
    result = repair(document(text_lines(text)))
    assert [block.text for block in result.blocks] == [
        "Contents",
        "Paragraphs\tPage",
        "Introduction\t1-9\t3",
        "Key messages\t10\t4",
    ]


def test_short_title_lines_stay_apart() -> None:
    text = "Co-organized by the regional office for the Arab States and the office for North\n"
    text += "Africa and the Middle East\n15 February 2021\nOUTCOME REPORT"
    result = repair(document(text_lines(text)))
    assert [block.text for block in result.blocks] == [
        "Co-organized by the regional office for the Arab States and the office for North "
        "Africa and the Middle East",
        "15 February 2021",
        "OUTCOME REPORT",
    ]


def test_pdf_gap_over_half_a_line_opens_a_paragraph() -> None:
    lines = [
        Line("The first paragraph runs on", 0, 1, None),
        Line("over two lines", 1, 1, 0.1),
        Line("Second paragraph after a gap", 2, 1, 0.8),
    ]
    assert _texts(lines) == [
        "The first paragraph runs on over two lines",
        "Second paragraph after a gap",
    ]


def test_pdf_short_sentence_end_opens_a_paragraph() -> None:
    body = "x" * 60
    lines = [Line(f"{body} words", index, 1, 0.0) for index in range(5)]
    lines += [Line("It ended.", 5, 1, 0.0), Line("New paragraph without a gap", 6, 1, 0.0)]
    layout = measure_layout(lines, pdf=True)
    assert layout.typical_length[1] > 60
    assert _texts(lines, layout)[-1] == "New paragraph without a gap"


def test_page_join_only_with_continuation_evidence() -> None:
    pages: list[list[str | tuple[str, float]]] = [
        ["12. The Minister said that the country was working on"],
        ["a new strategy for migrants."],
        ["A heading on page three"],
    ]
    result = repair(document(pdf_lines(pages), format="pdf"))
    assert [block.text for block in result.blocks] == [
        "12. The Minister said that the country was working on a new strategy for migrants.",
        "A heading on page three",
    ]
    join = result.repairs[0]
    assert (join.kind, join.block, join.page, join.removed) == (PAGE_JOIN, 0, 2, "\n")
    assert result.blocks[0].text[join.offset or 0 :].startswith("a new strategy")
    assert result.blocks[0].page == 1


def test_no_page_join_after_a_finished_sentence() -> None:
    pages: list[list[str | tuple[str, float]]] = [["It was agreed."], ["then lowercase text"]]
    result = repair(document(pdf_lines(pages), format="pdf"))
    assert len(result.blocks) == 2
    assert result.repairs == ()


def test_fragment_after_a_blank_line_is_not_joined_to_the_previous_paragraph() -> None:
    text = "23. Her Excellency reviewed the progress. She\n\npositive results of the shelter."
    result = repair(document(text_lines(text)))
    assert len(result.blocks) == 2


def test_new_column_joins_only_a_sentence_in_progress() -> None:
    lines = [
        Line("The network supported the states in", 0, 1, None),
        Line("their reviews.", 1, 1, -30.0),
        Line("Next column heading", 2, 1, -30.0),
    ]
    drafts, edits = reflow(lines, layout=Layout())
    assert [draft.text for draft in drafts] == [
        "The network supported the states in their reviews.",
        "Next column heading",
    ]
    assert edits == []  # same page: not a page join


def test_line_after_a_lone_bullet_joins_it() -> None:
    lines = [
        Line("•", 0, 1, None),
        Line("Strengthen data collection.", 1, 1, 0.0),
        Line("12.", 2, 1, 0.6),
        Line("The delegate said so.", 3, 1, 0.0),
    ]
    assert _texts(lines) == ["• Strengthen data collection.", "12. The delegate said so."]


def test_contents_heading_stands_alone_under_a_title_ending_in_a_comma() -> None:
    lines = [
        Line("Regional Review Conference of the Global Compact for Safe,", 0, 1, None),
        Line("Contents", 1, 1, 0.0),
        Line("Paragraphs Page", 2, 1, 0.0),
    ]
    assert _texts(lines) == [
        "Regional Review Conference of the Global Compact for Safe,",
        "Contents",
        "Paragraphs Page",
    ]


def _page_lines(first_page_end: str, next_page_start: str) -> list[Line]:
    full = "the delegation described the measures the ministry had taken this year for"
    body = [Line(full, index, 1, None if index == 0 else 0.0) for index in range(6)]
    return [*body, Line(first_page_end, 6, 1, 0.0), Line(next_page_start, 7, 2, None)]


def test_paragraph_cut_after_a_full_stop_at_a_full_last_line_is_rejoined() -> None:
    end = "workers abroad and their families, as agreed with the partners concerned."
    start = "The ministry also opened two new offices for migrants in the capital and the south."
    lines = _page_lines(end, start)
    drafts, edits = reflow(lines, layout=measure_layout(lines, pdf=True))
    assert len(drafts) == 1
    assert [edit.kind for _index, edit in edits] == [PAGE_JOIN]


def test_short_heading_on_the_next_page_is_not_joined() -> None:
    end = "workers abroad and their families, as agreed with the partners concerned."
    lines = _page_lines(end, "Background")
    drafts, _edits = reflow(lines, layout=measure_layout(lines, pdf=True))
    assert drafts[-1].text == "Background"


def test_short_last_line_ending_a_sentence_still_ends_the_paragraph() -> None:
    lines = _page_lines(
        "as agreed.", "The ministry also opened two new offices for migrants there."
    )
    drafts, _edits = reflow(lines, layout=measure_layout(lines, pdf=True))
    assert len(drafts) == 2


def test_pdf_paragraph_gap_follows_a_tight_paragraph_spacing() -> None:
    lines = [Line("Paragraph one", 0, 1, None)]
    for index in range(1, 13):
        lines.append(Line(f"paragraph {index} line", index, 1, 0.6 if index % 2 else 0.0))
    assert measure_layout(lines, pdf=True).paragraph_gap == pytest.approx(0.3)
    tight = [
        Line(line.text, line.block, line.page, 0.39 if line.gap else line.gap) for line in lines
    ]
    assert measure_layout(tight, pdf=True).paragraph_gap == pytest.approx(0.2)
    assert measure_layout(lines, pdf=False).paragraph_gap == 0.5
    assert measure_layout(lines, pdf=True, paragraph_gap=0.7).paragraph_gap == 0.7


def test_pdf_paragraph_gap_stays_half_a_line_with_wide_or_few_gaps() -> None:
    wide = [Line(f"line {index}", index, 1, 1.2 if index % 2 else 0.0) for index in range(12)]
    assert measure_layout(wide, pdf=True).paragraph_gap == 0.5
    few = [Line(f"line {index}", index, 1, 0.3 if index == 3 else 0.0) for index in range(12)]
    assert measure_layout(few, pdf=True).paragraph_gap == 0.5
