"""Render a sample source as a plain-text report: title block, table of contents, hard-wrapped body.

The table of contents lists the chapters and sections with the paragraph numbers they hold, as
UN reports do. Paragraphs are hard-wrapped, so the text reader meets multi-line paragraphs; a
wrapped line never starts with something that looks like a number or a bullet ("18.", "-").
"""

from __future__ import annotations

import re
from pathlib import Path

from gcm_review.samples.markup import Element, SampleSource, paragraph_ranges

WIDTH = 100
_TOC_LEVELS = 2
_LOOKS_LIKE_MARKER = re.compile(r"^(\d+[.)]?|[-\u2022]|[A-Z]\.|[IVX]+\.)$")


def render_report_text(source: SampleSource) -> str:
    """The whole plain-text report for ``source``, ending with a newline."""
    blocks = [_title_block(source), source.notice, _contents(source)]
    blocks.extend(_render_element(element) for element in source.elements)
    return "\n\n".join(blocks) + "\n"


def write_report_text(source: SampleSource, path: Path) -> Path:
    """Write ``source`` as UTF-8 text at ``path`` and return the path."""
    path.write_text(render_report_text(source), encoding="utf-8", newline="\n")
    return path


def wrap(text: str, *, first_prefix: str = "", next_prefix: str = "") -> list[str]:
    """Greedy wrap at WIDTH that never lets a marker-like word open a continuation line.

    When such a word ("18", "2025.") would open a line, the word before it moves down with it.
    """
    lines: list[str] = []
    prefix = first_prefix
    words: list[str] = []
    for word in text.split():
        if words and len(prefix) + len(" ".join([*words, word])) > WIDTH:
            carried = words.pop() if _LOOKS_LIKE_MARKER.match(word) and len(words) > 1 else None
            lines.append(prefix + " ".join(words))
            prefix, words = next_prefix, [] if carried is None else [carried]
        words.append(word)
    lines.append(prefix + " ".join(words))
    return lines


def _title_block(source: SampleSource) -> str:
    lines = [source.title]
    lines.extend(source.meta[key] for key in ("subtitle", "place_date") if key in source.meta)
    return "\n\n".join(lines)


def _contents(source: SampleSource) -> str:
    lines = ["Contents", "Paragraphs".rjust(WIDTH)]
    for heading, first, last in paragraph_ranges(source, level=_TOC_LEVELS):
        indent = "" if heading.level == 1 else "     "
        numbers = "" if not first else (str(first) if first == last else f"{first}-{last}")
        label = f"{indent}{heading.text} "
        if not numbers:
            continue  # headings without paragraphs of their own are not listed
        dots = "." * max(3, WIDTH - len(label) - len(numbers) - 1)
        lines.append(f"{label}{dots} {numbers}")
    return "\n".join(lines)


def _render_element(element: Element) -> str:
    if element.kind == "heading":
        return element.text
    if element.kind == "numbered":
        return "\n".join(wrap(element.text, first_prefix=f"{element.number}. "))
    if element.kind == "bullet":
        return "\n".join(wrap(element.text, first_prefix="- ", next_prefix="  "))
    if element.kind == "prose":
        return "\n".join(wrap(element.text))
    return "\n".join(" | ".join(row) for row in element.rows)
