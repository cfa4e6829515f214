"""Group printed lines into paragraphs.

A line opens a new paragraph when the gap above it is over `Layout.paragraph_gap`, when it
starts like a numbered paragraph, bullet or heading ("23.", "- 42.", "•", "I.", "C.", "Annex"),
when it or the line before is a table row (holds a tab), or (PDF) when the line before ended a
sentence well short of the page's usual line length, or was a very short line (a title page).
The heading of a table of contents ("Contents", "Table des matières") stands alone: it opens a
paragraph and the next line opens another. A line right after a lone bullet or number ("•",
"12.") joins it. Otherwise it joins the paragraph with a space. At the top of a page (or a new
column) a line continues the paragraph when that paragraph ends mid-sentence and the line
starts lowercase or the paragraph ends with a comma or a linking word, or (PDF) when the last
line of the page ran to the page's usual length and the line reads as body text (a
paragraph cut at the page break after a full stop); joining across a page is recorded as
"page-join".
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.lines import Draft, Line

PAGE_JOIN = "page-join"

PARAGRAPH_START = re.compile(
    r"""^\s*(?:
        [-–—•●▪■◦‣∙·○*]\s*\d{1,3}[.)](?:\s|$)        # "- 42."
      | \d{1,3}[.)](?:\s|$)                          # "23.", "4)"
      | [-–—•●▪■◦‣∙·○*➢►✓](?:\s|$)                   # bullets
      | [IVXLC]{1,7}\.(?:\s|$)                        # "II."
      | [A-Z]\.(?:\s|$)                               # "C."
      | \(?(?:[a-z]|[ivx]{1,4})\)\s                   # "(a)", "b)", "(iv)"
      | (?:Annex|Annexe|Appendix|Chapter|Chapitre)\b
    )""",
    re.VERBOSE,
)
# Headings and statements a repair must never remove, beyond PARAGRAPH_START: a long paragraph
# number ("1234. The ministry ...") and a word with a number opening a heading or a statement
# ("Objective 3", "Chapter 2: ...", "Objectif 12.", "Statement 7 - ...", "الهدف 3").
_NUMBERED_STATEMENT = re.compile(r"^\s*\d{1,6}[.)]\s+\S")
_NUMBERED_HEADING = re.compile(r"^\s*[^\W\d_]{3,}\s+\d{1,3}(?:\s*[:.–—-]|\s*$)")
_LABEL_ONLY = re.compile(r"^\s*(?:[-–—•●▪■◦‣∙·○*➢►✓]|\d{1,3}[.)]|\(?[a-z]\))\s*$")
_SENTENCE_END = re.compile(r"[.!?:;؟।。][\"'”’)\]]*$")
_LINKING_END = re.compile(
    r"(?:,|\b(?:and|or|of|the|a|an|to|in|on|for|with|by|from|that|which|as|at|its|their|"
    r"et|ou|de|des|du|la|le|les|en|pour|avec|par|à|au|aux))$",
    re.IGNORECASE,
)

# A table of contents' own heading, alone on its line (never part of the title above it).
_CONTENTS_HEADING = re.compile(
    r"^\s*(?:contents|table of contents|table des mati[eè]res|sommaire|[ií]ndice|contenido"
    r"|المحتويات|جدول المحتويات|الفهرس)\s*:?\s*$",
    re.IGNORECASE,
)
MIN_PARAGRAPH_GAP = 0.2  # in lines
MIN_GAPS = 5
FULL_LINE = 0.9  # a last line at least this share of the page's usual length ran to the margin

Decision = Literal["join", "page-join", "break"]
SHORT_LINE = 40  # characters: a line this short ends its paragraph unless the next is lowercase


@dataclass(frozen=True)
class Layout:
    """What reflow needs to know about the document's lines."""

    paragraph_gap: float = 0.5
    # usual line length per page (PDF only); None turns the short-line rule off
    typical_length: dict[int | None, int] = field(default_factory=dict)


def measure_layout(lines: list[Line], *, pdf: bool, paragraph_gap: float | None = None) -> Layout:
    """Layout of `lines`: the gap threshold and the usual line length per page (PDF).

    The readers measure gaps so that 0 is a plain next line (PDF: in line heights above the
    usual leading; text files: blank lines), so any gap over half a line opens a paragraph
    unless `paragraph_gap` says otherwise; in a PDF whose paragraphs are set apart by less
    (a third of a line, say), the threshold is half that space (see `_pdf_paragraph_gap`).
    """
    threshold = 0.5 if paragraph_gap is None else paragraph_gap
    typical: dict[int | None, int] = {}
    if pdf and paragraph_gap is None:
        threshold = _pdf_paragraph_gap(lines)
    if pdf:
        lengths: dict[int | None, list[int]] = defaultdict(list)
        for line in lines:
            lengths[line.page].append(len(line.text.strip()))
        for page, values in lengths.items():
            if len(values) >= 5:
                typical[page] = sorted(values)[int(0.8 * (len(values) - 1))]
    return Layout(paragraph_gap=threshold, typical_length=typical)


def _pdf_paragraph_gap(lines: list[Line]) -> float:
    """Half the usual space between paragraphs when that is under a line, else half a line.

    The usual space is the lower median of the gaps over `MIN_PARAGRAPH_GAP` (smaller ones are
    jitter: a superscript, a larger font), taken when there are at least `MIN_GAPS` of them; the
    threshold never goes below `MIN_PARAGRAPH_GAP`.
    """
    gaps = [line.gap for line in lines if line.gap is not None and line.gap > MIN_PARAGRAPH_GAP]
    if len(gaps) < MIN_GAPS:
        return 0.5
    usual = statistics.median_low(gaps)
    return min(0.5, max(MIN_PARAGRAPH_GAP, usual / 2))


def starts_paragraph(text: str) -> bool:
    """True when `text` starts like a numbered paragraph, a bullet or a heading."""
    return PARAGRAPH_START.match(text) is not None


def is_heading_or_statement(text: str) -> bool:
    """True when `text` opens like a heading or a numbered statement, which is never removed."""
    return (
        starts_paragraph(text)
        or _NUMBERED_STATEMENT.match(text) is not None
        or _NUMBERED_HEADING.match(text) is not None
    )


def ends_sentence(text: str) -> bool:
    """True when `text` ends with terminal punctuation (closing quotes allowed)."""
    return _SENTENCE_END.search(text.rstrip()) is not None


def _at_boundary(previous: Line, line: Line) -> bool:
    """True at the top of a page or of a new column (the line is not below the previous one)."""
    if line.page is not None and previous.page is not None and line.page != previous.page:
        return True
    return line.gap is None or line.gap < -0.5


def continues(previous: Line, line: Line, *, layout: Layout) -> bool:
    """Whether `line` may belong to the paragraph of `previous`, judging by position only."""
    if "\t" in previous.text or "\t" in line.text:
        return False
    return _at_boundary(previous, line) or (line.gap or 0.0) <= layout.paragraph_gap


def _decide(paragraph: str, previous: Line, line: Line, *, layout: Layout) -> Decision:
    boundary = _at_boundary(previous, line)
    new_page = line.page != previous.page
    if line.glued:
        return "page-join" if new_page else "join"
    text = line.text.strip()
    if "\t" in previous.text or "\t" in line.text or starts_paragraph(text):
        return "break"
    if _CONTENTS_HEADING.match(text) or _CONTENTS_HEADING.match(previous.text):
        return "break"
    if boundary:
        carried = not ends_sentence(paragraph) and (
            text[:1].islower() or _LINKING_END.search(paragraph) is not None
        )
        if not (carried or (new_page and _cut_at_full_line(previous, text, layout=layout))):
            return "break"
        return "page-join" if new_page else "join"
    if (line.gap or 0.0) > layout.paragraph_gap:
        return "break"
    if _LABEL_ONLY.match(previous.text) or not _after_short_line(
        previous.text.strip(), text, layout=layout, page=line.page
    ):
        return "join"
    return "break"


def _cut_at_full_line(previous: Line, text: str, *, layout: Layout) -> bool:
    """True when a page's last line ran to the page's usual length and the next page's first
    line reads as body text (long, or ending a sentence; a short heading does not)."""
    typical = layout.typical_length.get(previous.page)
    if not typical or len(previous.text.strip()) < FULL_LINE * typical:
        return False
    return ends_sentence(text) or len(text) >= 0.6 * typical


def _after_short_line(previous: str, text: str, *, layout: Layout, page: int | None) -> bool:
    """True when `previous` is a short last line: a sentence end well short of the usual line
    length (PDF), or a very short line without a linking end before a line that does not start
    lowercase (a title page or address line; Arabic has no case)."""
    typical = layout.typical_length.get(page)
    if typical and ends_sentence(previous) and len(previous) < 0.75 * typical:
        return True
    very_short = len(previous) < (0.5 * typical if typical else SHORT_LINE)
    return (
        very_short
        and not text[:1].islower()
        and _LINKING_END.search(previous) is None
        and not previous.endswith("-")
    )


def reflow(lines: list[Line], *, layout: Layout) -> tuple[list[Draft], list[tuple[int, TextEdit]]]:
    """Join `lines` into paragraph drafts; return them and the page joins (draft index, edit).

    A page-join edit's offset is where the next page's text starts in the draft's text.
    """
    drafts: list[Draft] = []
    edits: list[tuple[int, TextEdit]] = []
    previous: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        decision: Decision = "break"
        if previous is not None and drafts:
            decision = _decide(drafts[-1].text, previous, line, layout=layout)
        if decision == "break":
            drafts.append(Draft(text=text, starts=((0, line.block, line.page),)))
        else:
            draft = drafts[-1]
            offset = len(draft.text) + 1
            if decision == "page-join":
                edits.append((len(drafts) - 1, TextEdit(PAGE_JOIN, offset, "\n", " ")))
            drafts[-1] = Draft(
                text=f"{draft.text} {text}",
                starts=(*draft.starts, (offset, line.block, line.page)),
            )
        previous = line
    return drafts, edits
