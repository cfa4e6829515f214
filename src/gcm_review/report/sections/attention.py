"""Regional synthesis: the objectives sorted into attention categories, with their countries."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, capital
from gcm_review.synthesis.records import ATTENTION_CATEGORIES, ObjectiveAttention

# "{Labels}": what the framework calls its labels, capitalised ("Objectives").
CATEGORY_TITLES = {
    "greatest": "{Labels} that received the greatest attention",
    "some": "{Labels} that received some attention",
    "not-reported": "{Labels} not reported in most reviews",
}
CATEGORY_LABELS = {
    "greatest": "Greatest attention",
    "some": "Some attention",
    "not-reported": "Not reported in most reviews",
}
ATTENTION_CAPTION = "Figure: Share of reporting countries that addressed each {label}."


def regional_synthesis(look: Lookup) -> d.Section:
    """The sorting rule, the chart "attention" (given to the renderer) and the categories."""
    rule = look.synthesis.rule.describe()
    caption = ATTENTION_CAPTION.format(label=look.words.label)
    blocks: list[d.Block] = [
        d.Paragraph(
            (d.Span(f"How {look.words.labels} are sorted:", strong=True), d.Span(f" {rule}")),
            css="rule",
            only="html",
        ),
        d.Figure("attention", caption, only="html"),
    ]
    for category in ATTENTION_CATEGORIES:
        blocks += _category(look, category)
    blocks += [
        d.Paragraph((d.Span("Attention categories: ", strong=True), d.Span(rule)), only="docx"),
        _docx_table(look),
        d.Figure("attention", caption, only="docx"),
    ]
    return d.Section("regional-synthesis", "Regional synthesis", tuple(blocks))


def _category(look: Lookup, category: str) -> list[d.Block]:
    title = CATEGORY_TITLES[category].format(Labels=capital(look.words.labels))
    found = [a for a in look.synthesis.attention if a.category == category]
    heading = d.Heading(title, 2, f"attention-{category}", only="html")
    if not found:
        return [heading, d.text("None.", css="muted", only="html")]
    items = tuple(_line(look, a) for a in found)
    return [heading, d.BulletList(items, css="objectives", only="html")]


def _line(look: Lookup, a: ObjectiveAttention) -> d.Paragraph:
    runs: list[d.Inline] = [
        d.Span(look.words.numbered(a.objective), strong=True),
        d.Span(f": {look.objective_title(a.objective)}. "),
    ]
    if a.countries:
        figures = f"{len(a.countries)} of {a.reporting_countries} reporting countries "
        runs += [
            d.Group(
                (
                    d.Span(f"{figures}({a.share:.0%}): "),
                    *look.countries(a.countries),
                    d.Span("."),
                ),
                css="figures",
            ),
            d.Span(" "),
            look.refs(a.paragraph_ids),
        ]
    else:
        runs.append(d.Group((d.Span("No reporting country."),), css="figures"))
    others = look.refs(a.stakeholder_paragraph_ids)
    if others.paragraph_ids:
        muted = d.Group((d.Span("Raised by other stakeholders:"),), css="muted")
        runs += [d.Span(" "), muted, d.Span(" "), others]
    return d.Paragraph(tuple(runs), anchor=f"objective-{a.objective}")


def _docx_table(look: Lookup) -> d.Table:
    rows = tuple(
        (
            str(item.objective),
            look.objective_titles.get(item.objective, item.title),
            CATEGORY_LABELS.get(item.category, item.category),
            ", ".join(look.country_text(code) for code in item.countries),
            f"{item.share:.0%} ({len(item.countries)}/{item.reporting_countries})",
        )
        for item in look.synthesis.attention
    )
    return d.Table(
        (capital(look.words.label), "Title", "Category", "Countries", "Share"),
        rows,
        widths=(1.6, 6.4, 2.6, 3.4, 2.0),
        font_size=8,
        only="docx",
    )
