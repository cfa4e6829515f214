from __future__ import annotations

import pytest
from repair_builders import document, pdf_lines

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.running_headers import (
    PAGE_NUMBER,
    RUNNING_FOOTER,
    RUNNING_HEADER,
    check_share,
    drop_lines,
    find_glued_footers,
    find_running_lines,
    is_page_number,
)


def _page(number: int, body: list[str]) -> list[str | tuple[str, float]]:
    return [
        f"Regional review conference {2020 + number}",
        ("Migration governance report", 0.2),
        *body,
        (f"GE.21-{number:05d}", 1.0),
        str(number + 1),
    ]


PAGES = [
    _page(1, ["First page body line one", "continues here."]),
    _page(2, ["Second page body", "Migration governance report"]),
    _page(3, ["Third page body."]),
    _page(4, ["Fourth page body."]),
]
# headers and footers are a small share of a real page's words (see test_large_share_is_refused)
_BODY = ("The ministry reported on the shelters it opened for migrant workers this year. " * 8,)
FULL_PAGES = [[*page[:-2], (_BODY[0].strip(), 1.0), *page[-2:]] for page in PAGES]


@pytest.mark.parametrize(
    "text",
    ["12", "- 12 -", "Page 12 of 40", "12/40", "p. 3", "iv", " 7 ", "الصفحة 3", "Page 3 sur 9"],
)
def test_page_numbers_recognised(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["12.", "- 42.", "2021 report", "Objective 12", "Annex"])
def test_other_lines_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_headers_footers_and_numbers_found_with_their_kind() -> None:
    lines = [
        Line(text=block.text, block=index, page=block.page, gap=block.gap_before)
        for index, block in enumerate(pdf_lines(PAGES))
    ]
    found = find_running_lines(lines)
    kinds = [(kind, line.text) for kind, line in found]
    assert (RUNNING_HEADER, "Regional review conference 2021") in kinds
    assert (RUNNING_HEADER, "Migration governance report") in kinds
    assert (RUNNING_FOOTER, "GE.21-00003") in kinds
    assert (PAGE_NUMBER, "5") in kinds
    assert len(found) == 4 * 4
    body = {line.text for line in drop_lines(lines, {id(line) for _kind, line in found})}
    # the same words inside a page body are not a header there
    assert "Migration governance report" in body
    assert "Second page body" in body


def test_kept_line_that_now_opens_the_page_has_no_gap() -> None:
    lines = [Line("header", 0, 1, None), Line("body", 1, 1, 0.4), Line("next", 2, 1, 0.0)]
    kept = drop_lines(lines, {id(lines[0])})
    assert [line.gap for line in kept] == [None, 0.0]


def test_header_on_too_few_pages_is_kept() -> None:
    pages: list[list[str | tuple[str, float]]] = [
        ["Only twice", "Body one."],
        ["Only twice", "Body two."],
        ["Body three."],
        ["Body four."],
        ["Body five."],
    ]
    lines = [
        Line(text=block.text, block=index, page=block.page, gap=block.gap_before)
        for index, block in enumerate(pdf_lines(pages))
    ]
    assert find_running_lines(lines) == []


def test_pipeline_records_removals_and_joins_across_pages() -> None:
    result = repair(document(pdf_lines(FULL_PAGES), format="pdf"))
    texts = [block.text for block in result.blocks]
    assert "First page body line one continues here." in texts
    assert result.source.problems == ()
    assert not any("GE.21" in text or "conference 20" in text for text in texts)
    removed = [item for item in result.repairs if item.kind in {RUNNING_HEADER, RUNNING_FOOTER}]
    assert {item.page for item in removed} == {1, 2, 3, 4}
    assert all(item.offset == 0 and item.removed for item in removed)
    numbers = [item.removed for item in result.repairs if item.kind == PAGE_NUMBER]
    assert numbers == ["2", "3", "4", "5"]


def test_text_without_pages_is_never_stripped() -> None:
    lines = [Line("5", 0, None, 0.0), Line("Body.", 1, None, 1.0)]
    assert find_running_lines(lines) == []


def _lines(pages: list[list[str | tuple[str, float]]]) -> list[Line]:
    return [
        Line(text=block.text, block=index, page=block.page, gap=block.gap_before)
        for index, block in enumerate(pdf_lines(pages))
    ]


_PLACES = ["Amman", "Irbid", "Zarqa", "Aqaba", "Mafraq", "Jerash", "Madaba", "Karak", "Tafilah"]


def _body(page: int) -> list[str | tuple[str, float]]:
    """Two body lines that differ from page to page (no number that follows the pages)."""
    place = _PLACES[page % len(_PLACES)]
    return [
        f"The ministry opened shelters for migrant workers in {place} and",
        f"trained the staff of {place} on protection and referral.",
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Objective {n}",
        "Objective {n}: Minimize the adverse drivers",
        "Objectif {n}",
        "Chapter {n}",
        "{n}. The ministry reported on its work",
        "{n}) The ministry reported on its work",
        "II. Context",
        "Annex",
    ],
)
def test_headings_and_numbered_statements_opening_every_page_are_kept(opening: str) -> None:
    pages = [[opening.format(n=page), *_body(page)] for page in range(1, 9)]
    assert find_running_lines(_lines(pages)) == []


def test_same_shape_with_numbers_off_the_page_sequence_is_kept() -> None:
    pages = [[f"Region {n * 7 % 5} review", *_body(n)] for n in range(1, 9)]
    assert find_running_lines(_lines(pages)) == []


@pytest.mark.parametrize(
    "footer", ["21-00417 - {n}", "Outcome report | {n}", "GE.21-00417 {n}/8", "A/CONF.231/3 {n}"]
)
def test_footer_with_the_page_number_is_removed(footer: str) -> None:
    pages = [[*_body(n), footer.format(n=n + 2)] for n in range(1, 9)]
    found = find_running_lines(_lines(pages))
    assert [kind for kind, _line in found] == [RUNNING_FOOTER] * 8


def test_a_sentence_that_is_all_of_its_page_is_not_a_header() -> None:
    sentence = "The ministry supports the return and reintegration of migrants."
    assert find_running_lines(_lines([[sentence]] * 3)) == []
    result = repair(document(pdf_lines([[sentence]] * 3), format="pdf"))
    assert [block.text for block in result.blocks] == [sentence] * 3


def test_short_title_at_the_top_of_three_pages_is_a_header() -> None:
    pages = [["Migration governance report", *_body(n)] for n in range(1, 4)]
    found = find_running_lines(_lines(pages))
    assert [(kind, line.page) for kind, line in found] == [(RUNNING_HEADER, n) for n in (1, 2, 3)]


def test_long_line_is_never_a_header() -> None:
    long_line = " ".join(["word"] * 30)
    pages = [[long_line, *_body(n), *_body(n), *_body(n)] for n in range(1, 5)]
    assert find_running_lines(_lines(pages)) == []


def test_bare_numbers_off_the_page_sequence_are_kept() -> None:
    values = (2019, 7, 350, 12)
    pages = [[*_body(n), str(value)] for n, value in zip(range(1, 5), values, strict=True)]
    assert find_running_lines(_lines(pages)) == []
    numbered = [[*_body(n), str(n + 4)] for n in range(1, 5)]
    assert [kind for kind, _line in find_running_lines(_lines(numbered))] == [PAGE_NUMBER] * 4


@pytest.mark.parametrize("text", ["civil", "ill", "Mix", "vivid"])
def test_words_of_roman_letters_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_large_share_is_refused_and_reported() -> None:
    pages = [["Migration governance report", f"Work in {_PLACES[n]} went on."] for n in range(5)]
    result = repair(document(pdf_lines(pages), format="pdf"))
    texts = " ".join(block.text for block in result.blocks)
    assert texts.count("Migration governance report") == 5
    assert not any(item.kind == RUNNING_HEADER for item in result.repairs)
    (problem,) = result.source.problems
    assert "running headers and footers kept" in problem and "repair_max_share" in problem
    assert "delete 15 of 40 words (38%" in problem
    allowed = repair(document(pdf_lines(pages), format="pdf"), max_removed_share=0.7)
    assert "Migration governance report" not in " ".join(b.text for b in allowed.blocks)
    assert allowed.source.problems == ()


def test_removal_that_would_leave_nothing_is_refused() -> None:
    lines = _lines([["Report", "3"], ["Report", "4"], ["Report", "5"]])
    found = [(RUNNING_HEADER, line) for line in lines if line.text == "Report"]
    found += [(PAGE_NUMBER, line) for line in lines if line.text != "Report"]
    problem = check_share(lines, found, max_share=1.0)
    assert problem is not None and "would leave no text" in problem
    assert check_share(lines, found[:1], max_share=1.0) is None


def test_footer_glued_to_the_last_line_of_a_page_is_cut_off() -> None:
    body = "the delegation described the measures that the ministry had taken for workers"
    places = iter(
        ("abroad", "home", "region", "city", "country", "capital", "village", "town", "south")
    )
    pages: list[list[str | tuple[str, float]]] = [
        [f"{body} {next(places)}", f"{body} {next(places)}", f"21-00417 - {page}"]
        for page in range(1, 5)
    ]
    pages.append([f"{body} {next(places)}", "The last line ends in employment21-00417 - 5"])
    lines = [
        Line(text=block.text, block=index, page=block.page, gap=block.gap_before)
        for index, block in enumerate(pdf_lines(pages))
    ]
    glued = find_glued_footers(lines)
    assert [(line.page, line.text[offset:]) for line, offset in glued] == [(5, "21-00417 - 5")]
    result = repair(document(pdf_lines(pages), format="pdf"))
    assert result.blocks[-1].text.endswith("The last line ends in employment")
    cut = [r for r in result.repairs if r.kind == RUNNING_FOOTER and r.page == 5]
    assert [(r.removed, r.offset) for r in cut] == [("21-00417 - 5", 32)]


def test_footer_shape_with_a_number_off_the_page_sequence_stays() -> None:
    pages: list[list[str | tuple[str, float]]] = [
        [f"Body text of page {page} runs here.", f"21-00417 - {page}"] for page in range(1, 5)
    ]
    pages.append(["A sentence that quotes document 21-00417 - 9"])
    lines = [
        Line(text=block.text, block=index, page=block.page, gap=block.gap_before)
        for index, block in enumerate(pdf_lines(pages))
    ]
    assert find_glued_footers(lines) == []
