"""The country by objective matrix: paragraphs per cell, each cell linked to its paragraphs."""

from __future__ import annotations

from gcm_review.frameworks.labels import indefinite
from gcm_review.report import document as d
from gcm_review.report.docx_blocks import LANDSCAPE_TEXT_WIDTH_CM
from gcm_review.report.sections.lookup import Lookup, capital

# "{label}": what the framework calls one label ("objective").
HEATMAP_CAPTION = "Figure: Paragraphs addressing each {label}, by country."
INTRO = (
    "Number of paragraphs in which each member state addressed each {label}. Select a number "
    "to see the paragraphs."
)


def matrix(look: Lookup) -> d.Section:
    """The matrix as a heat table (HTML) or a plain grid (Word), with the chart "heatmap"."""
    label = look.words.label
    caption = HEATMAP_CAPTION.format(label=label)
    blocks = (
        d.text(INTRO.format(label=label), only="html"),
        d.Figure("heatmap", caption, only="html"),
        _html_table(look),
        d.Heading("Paragraphs behind each cell", 2, only="html"),
        *_cells(look),
        d.Note(f"Paragraphs by member states substantively addressing each {label}.", only="docx"),
        d.Figure("heatmap", caption, only="docx"),
        _docx_table(look),
    )
    title = f"Country by {label} matrix"
    docx_title = f"Country × {label} matrix"
    return d.Section("matrix", title, blocks, docx_title=docx_title, landscape=True)


def heat_level(count: int) -> int:
    """The colour class of a cell: 0 (none), 1, 2 (two or three), 3 (more)."""
    return 0 if count == 0 else 1 if count == 1 else 2 if count <= 3 else 3


def _html_table(look: Lookup) -> d.Table:
    m = look.synthesis.matrix
    header: list[str | d.Cell] = ["Country"]
    for o in m.objectives:
        label = str(o)
        run = d.Link(label, f"objective-{o}") if o in look.listed else d.Span(label)
        header.append(d.Cell((run,), title=f"{look.words.numbered(o)}: {look.objective_title(o)}"))
    rows = []
    for (code, name), counts in zip(m.countries, m.counts, strict=True):
        cells: list[str | d.Cell] = [d.cell(look.country_link(code, name), row_header=True)]
        for o, n in zip(m.objectives, counts, strict=True):
            run = d.Link(str(n), f"cell-{code}-{o}") if n else d.Span("0")
            cells.append(d.Cell((run,), css=f"n{heat_level(n)}"))
        rows.append(tuple(cells))
    caption = f"Paragraphs addressing each {look.words.label}, by country"
    return d.Table(
        tuple(header), tuple(rows), css="matrix", caption=caption, scroll=True, only="html"
    )


def _cells(look: Lookup) -> list[d.Block]:
    m = look.synthesis.matrix
    groups: list[d.Block] = []
    short = _short(look.words.label)
    for (code, name), counts in zip(m.countries, m.counts, strict=True):
        items = tuple(
            d.Paragraph(
                (
                    d.Span(f"{short} {o}", css="cell-label"),
                    d.Span(" "),
                    look.refs(m.cells.get((code, o), ())),
                ),
                anchor=f"cell-{code}-{o}",
            )
            for o, n in zip(m.objectives, counts, strict=True)
            if n
        )
        if items:
            label = look.country_link(code, name)
            title = d.Paragraph((d.Span(label.text, strong=True),), tag="")
            cells = d.BulletList(items, css="cells")
            groups.append(d.Part((title, cells), css="cell-group", only="html"))
    if not groups:
        none = f"No member-state paragraph addressed {indefinite(look.words.label)}."
        return [d.text(none, css="muted", only="html")]
    return groups


def _short(word: str) -> str:
    """A label word for a narrow cell: its first three letters when longer than five ("Obj.")."""
    return f"{capital(word[:3])}." if len(word) > 5 else capital(word)


def _docx_table(look: Lookup) -> d.Table:
    m = look.synthesis.matrix
    rows = tuple(
        (name, *(str(count) for count in counts))
        for (_, name), counts in zip(m.countries, m.counts, strict=True)
    )
    first = 3.5
    rest = (LANDSCAPE_TEXT_WIDTH_CM - first) / max(1, len(m.objectives))
    return d.Table(
        ("Country", *(str(n) for n in m.objectives)),
        rows,
        widths=(first, *(rest for _ in m.objectives)),
        font_size=7.5,
        only="docx",
    )
