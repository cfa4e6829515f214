"""The charts of a synthesis, as chart models: attention by objective, the matrix, principles.

Titles use the framework's words (`wording`; the default framework's when not given).
"""

from __future__ import annotations

from gcm_review.frameworks.labels import Wording, wording
from gcm_review.frameworks.loader import load_framework
from gcm_review.report.chart_model import Bar, BarChart, Chart, Heatmap
from gcm_review.synthesis.records import CountryMatrix, Synthesis

ATTENTION_LEGEND = {
    "greatest": "Greatest attention",
    "some": "Some attention",
    "not-reported": "Not reported in most reviews",
}


def _words(given: Wording | None) -> Wording:
    return given or wording(load_framework())


def attention_chart(synthesis: Synthesis, *, words: Wording | None = None) -> BarChart:
    """Share of reporting member states that addressed each objective, coloured by category."""
    bars = tuple(
        Bar(
            label=f"{a.objective}. {a.title}",
            value=round(100 * a.share, 1),
            category=a.category,
            href=f"#objective-{a.objective}",
        )
        for a in synthesis.attention
    )
    return BarChart(
        name="attention",
        title=f"Share of reporting member states addressing each {_words(words).label}",
        bars=bars,
        unit="%",
        max_value=100.0,
        legend=ATTENTION_LEGEND,
    )


def matrix_heatmap(synthesis: Synthesis, *, words: Wording | None = None) -> Heatmap:
    """Member states by objectives: paragraphs addressing each."""
    return heatmap_of(synthesis.matrix, words=words)


def heatmap_of(matrix: CountryMatrix, *, words: Wording | None = None) -> Heatmap:
    """The heatmap of a matrix (which needs no more of the synthesis)."""
    return Heatmap(
        name="heatmap",
        title=f"Paragraphs addressing each {_words(words).label}, by member state",
        rows=tuple(f"{code} {name}" for code, name in matrix.countries),
        columns=tuple(str(n) for n in matrix.objectives),
        values=matrix.counts,
        hrefs=tuple(
            tuple(f"#cell-{code}-{n}" if matrix.count(code, n) else None for n in matrix.objectives)
            for code, _ in matrix.countries
        ),
    )


def principles_chart(synthesis: Synthesis, *, words: Wording | None = None) -> BarChart:
    """Paragraphs invoking each guiding principle."""
    bars = tuple(
        Bar(label=p.title, value=float(len(p.all_paragraph_ids)), href=f"#principle-{p.key}")
        for p in synthesis.principles
    )
    title = f"Paragraphs invoking each {_words(words).principle}"
    return BarChart(name="principles", title=title, bars=bars)


def synthesis_charts(synthesis: Synthesis, *, words: Wording | None = None) -> tuple[Chart, ...]:
    words = _words(words)
    return (
        attention_chart(synthesis, words=words),
        matrix_heatmap(synthesis, words=words),
        principles_chart(synthesis, words=words),
    )
