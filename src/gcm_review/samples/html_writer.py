"""Render a sample source as a standalone HTML page (right-to-left when the source is Arabic).

Numbered paragraphs become items of ``<ol start="N">`` lists, so their numbers exist only in the
list semantics, as in a web page exported from a content management system.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from pathlib import Path

from gcm_review.samples.markup import Element, SampleSource

_RTL_LANGUAGES = frozenset({"ar"})
_STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:46em;margin:2em auto;"
    "line-height:1.6}.notice{border:1px solid #999;padding:.5em;font-weight:bold}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em}"
)


def render_review_html(source: SampleSource) -> str:
    """The whole HTML document for ``source``."""
    direction = "rtl" if source.language in _RTL_LANGUAGES else "ltr"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{source.language}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(source.title)}</title>",
        f'<meta name="description" content="{escape(source.notice)}">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f'<p class="notice">{escape(source.notice)}</p>',
        f"<h1>{escape(source.title)}</h1>",
    ]
    head.extend(
        f"<p>{escape(source.meta[key])}</p>"
        for key in ("subtitle", "place_date")
        if key in source.meta
    )
    body = [_render_run(kind, list(run)) for kind, run in groupby(source.elements, _run_kind)]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def write_review_html(source: SampleSource, path: Path) -> Path:
    """Write ``source`` as UTF-8 HTML at ``path`` and return the path."""
    path.write_text(render_review_html(source), encoding="utf-8", newline="\n")
    return path


def _run_kind(element: Element) -> str:
    """Elements of the same run kind are rendered together (one list for a run of items)."""
    return element.kind if element.kind in ("numbered", "bullet") else "single"


def _render_run(kind: str, run: list[Element]) -> str:
    if kind == "numbered":
        items = "\n".join(f"<li>{escape(element.text)}</li>" for element in run)
        return f'<ol start="{run[0].number}">\n{items}\n</ol>'
    if kind == "bullet":
        items = "\n".join(f"<li>{escape(element.text)}</li>" for element in run)
        return f"<ul>\n{items}\n</ul>"
    return "\n".join(_render_single(element) for element in run)


def _render_single(element: Element) -> str:
    if element.kind == "heading":
        level = element.level + 1  # h1 is the document title
        return f"<h{level}>{escape(element.text)}</h{level}>"
    if element.kind == "table":
        return _render_table(element.rows)
    return f"<p>{escape(element.text)}</p>"


def _render_table(rows: tuple[tuple[str, ...], ...]) -> str:
    header = "".join(f"<th>{escape(cell)}</th>" for cell in rows[0])
    body = "\n".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:]
    )
    return f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
