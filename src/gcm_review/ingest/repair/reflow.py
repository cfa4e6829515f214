"""Group printed lines into paragraphs.

A line opens a new paragraph when the gap above it is over `Layout.paragraph_gap`, when it
starts like a numbered paragraph, bullet or heading ("23.", "- 42.", "•", "I.", "C.", "Annex"),
when it or the line before is a table row (holds a tab), or (PDF) when the line before ended a
sentence well short of the page's usual line length, or was a very short line (a title page).
A line right after a lone bullet or number ("•", "12.") joins it. Otherwise it joins the
paragraph with a space. At the top of a page (or a new column) a line continues the paragraph
only when that paragraph ends mid-sentence and the line starts lowercase or the paragraph ends
with a comma or a linking word; joining across a page is recorded as "page-join".
"""

from __future__ import annotations

import re
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
    unless `paragraph_gap` says otherwise.
    """
    threshold = 0.5 if paragraph_gap is None else paragraph_gap
    typical: dict[int | None, int] = {}
    if pdf:
        lengths: dict[int | None, list[int]] = defaultdict(list)
        for line in lines:
            lengths[line.page].append(len(line.text.strip()))
        for page, values in lengths.items():
            if len(values) >= 5:
                typical[page] = sorted(values)[int(0.8 * (len(values) - 1))]
    return Layout(paragraph_gap=threshold, typical_length=typical)


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
    if boundary:
        carried = not ends_sentence(paragraph) and (
            text[:1].islower() or _LINKING_END.search(paragraph) is not None
        )
        if not carried:
            return "break"
        return "page-join" if new_page else "join"
    if (line.gap or 0.0) > layout.paragraph_gap:
        return "break"
    if _LABEL_ONLY.match(previous.text) or not _after_short_line(
        previous.text.strip(), text, layout=layout, page=line.page
    ):
        return "join"
    return "break"


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
