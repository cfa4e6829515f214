"""Draw report sections as HTML: one Jinja macro per block type (templates/_blocks.j2).

Autoescape is on, so every text of a block is escaped; only chart SVG, drawn here or given
by the caller, enters the page as markup.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from gcm_review.report import document as d
from gcm_review.report.svg_charts import render_svg

TEMPLATES = Path(__file__).parent / "templates"
_ATTRIBUTES = (
    ("anchor", "id"),
    ("css", "class"),
    ("lang", "lang"),
    ("dir", "dir"),
    ("title", "title"),
)
_BLOCK_TYPES: Mapping[str, type] = {
    "heading": d.Heading,
    "paragraph": d.Paragraph,
    "note": d.Note,
    "bullet_list": d.BulletList,
    "table": d.Table,
    "figure": d.Figure,
    "details": d.Details,
    "part": d.Part,
    "link": d.Link,
    "refs": d.Refs,
    "group": d.Group,
    "item": d.Item,
    "cell": d.Cell,
    "table_row": d.Row,
}


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the report's templates, with a test per block type."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests.update({name: _is_a(kind) for name, kind in _BLOCK_TYPES.items()})
    env.filters["attrs"] = html_attributes
    env.globals["html_runs"] = html_runs
    return env


def html_runs(
    items: Iterable[d.Inline], paragraph_href: Callable[[int], str] | None = None
) -> Markup:
    """Inline runs as HTML: spans, links, groups and evidence references, every text escaped.

    Written in Python rather than as Jinja macros: a report draws tens of thousands of runs, and
    a macro call per run made drawing the web synthesis page several times slower."""
    return Markup("".join(_run(item, paragraph_href) for item in items))


def _run(item: d.Inline, paragraph_href: Callable[[int], str] | None) -> str:
    if isinstance(item, d.Link):
        attributes = html_attributes(item, anchor=False)
        return f'<a href="#{escape(item.anchor)}"{attributes}>{escape(item.text)}</a>'
    if isinstance(item, d.Refs):
        return _refs(item, paragraph_href)
    if isinstance(item, d.Group):
        inner = html_runs(item.runs, paragraph_href)
        return f"<{item.tag}{html_attributes(item)}>{inner}</{item.tag}>"
    text = f"<strong>{escape(item.text)}</strong>" if item.strong else str(escape(item.text))
    if item.css or item.dir or item.lang or item.title:
        return f"<span{html_attributes(item)}>{text}</span>"
    return text


def _refs(refs: d.Refs, paragraph_href: Callable[[int], str] | None) -> str:
    """ "[12]" links to evidence paragraphs: the page's #p12, or `paragraph_href(12)`."""
    if not refs.paragraph_ids:
        return ""
    links = []
    for index, paragraph_id in enumerate(refs.paragraph_ids):
        href = escape(paragraph_href(paragraph_id)) if paragraph_href else f"#p{paragraph_id}"
        title = f' title="{escape(refs.hints[index])}"' if refs.hints else ""
        links.append(f'<a href="{href}"{title}>[{paragraph_id}]</a>')
    return f'<sup class="refs" dir="ltr">{"".join(links)}</sup>'


def html_attributes(item: object, *, anchor: bool = True) -> Markup:
    """The id (from `anchor`), class, lang, dir and title attributes an item sets, escaped."""
    written = ""
    for key, name in _ATTRIBUTES:
        value = getattr(item, key, None)
        if value and (anchor or name != "id"):
            written += f' {name}="{escape(value)}"'
    return Markup(written)


def _is_a(kind: type) -> Callable[[object], bool]:
    def test(value: object) -> bool:
        return isinstance(value, kind)

    return test


def chart_drawer(charts: Mapping[str, str] | None = None) -> _Drawer:
    """What the `figure` macro calls: the given SVG of a figure's name, else its chart drawn."""
    return _Drawer(charts or {})


class _Drawer:
    def __init__(self, charts: Mapping[str, str]) -> None:
        self.charts = charts

    def __call__(self, figure: d.Figure) -> Markup | None:
        svg = self.charts.get(figure.name)
        if svg is None and figure.chart is not None:
            svg = render_svg(figure.chart)
        return Markup(svg) if svg else None


def render_blocks(blocks: Iterable[d.Block], *, charts: Mapping[str, str] | None = None) -> Markup:
    """The blocks meant for HTML, as safe markup."""
    template = environment().from_string(
        '{% from "_blocks.j2" import blocks with context %}{{ blocks(items) }}'
    )
    return Markup(template.render(items=list(blocks), draw=chart_drawer(charts)))


def render_section(
    section: d.Section,
    *,
    charts: Mapping[str, str] | None = None,
    paragraph_href: Callable[[int], str] | None = None,
) -> Markup:
    """A whole section: `<section id>`, its `<h2>` title, its blocks and a link back to the top.

    Evidence references lead to the page's own #p<id>, or to `paragraph_href(id)` when given.
    """
    template = environment().get_template("_section.j2")
    context: dict[str, object] = {"section": section, "draw": chart_drawer(charts)}
    if paragraph_href is not None:
        context["paragraph_href"] = paragraph_href
    return Markup(template.render(context))
