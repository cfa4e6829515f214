"""Guiding principles (paragraphs and countries invoking each) and the stakeholder groups heard."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.document import safe_id
from gcm_review.report.sections.lookup import Lookup, capital
from gcm_review.synthesis.records import PrincipleCoverage

# "{principle}": what the framework calls one guiding principle.
PRINCIPLES_CAPTION = "Figure: Paragraphs invoking each {principle}."


def principles(look: Lookup) -> d.Section:
    """A table of the principles, with the chart "principles" (given to the renderer)."""
    found = look.synthesis.principles
    column = _column(look.words.principle)
    caption = PRINCIPLES_CAPTION.format(principle=look.words.principle)
    html = d.Table(
        (
            column,
            d.cell("Member-state paragraphs", css="num"),
            "Countries",
            d.cell("Other stakeholders' paragraphs", css="num"),
        ),
        tuple(_html_row(look, p) for p in found),
        css="principles",
        only="html",
    )
    word = d.Table(
        (column, "Member-state paragraphs", "Countries", "Other stakeholders' paragraphs"),
        tuple(
            (
                look.principle_titles.get(p.key, p.title),
                str(len(p.paragraph_ids)),
                ", ".join(look.country_text(code) for code in p.countries),
                str(len(p.stakeholder_paragraph_ids)),
            )
            for p in found
        ),
        widths=(4.4, 2.8, 6.0, 2.8),
        only="docx",
    )
    blocks = (
        d.Figure("principles", caption, only="html"),
        html,
        word,
        d.Figure("principles", caption, only="docx"),
    )
    return d.Section("principles", capital(look.words.principles), blocks)


def _column(word: str) -> str:
    """The table's first column: the word's last part, capitalised ("Principle")."""
    return capital(word.split()[-1])


def _html_row(look: Lookup, p: PrincipleCoverage) -> d.Row:
    countries = look.countries(p.countries)
    cells = (
        d.cell(look.principle_titles.get(p.key, p.title), row_header=True),
        d.Cell((d.Span(f"{len(p.paragraph_ids)} "), look.refs(p.paragraph_ids)), css="num"),
        d.Cell(tuple(countries)),
        d.Cell(
            (
                d.Span(f"{len(p.stakeholder_paragraph_ids)} "),
                look.refs(p.stakeholder_paragraph_ids),
            ),
            css="num",
        ),
    )
    return d.Row(cells, anchor=f"principle-{safe_id(p.key)}")
