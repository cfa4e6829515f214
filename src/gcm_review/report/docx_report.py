"""The draft outcome report of a review as a Word document, every claim linked to its evidence.

Each key message, objective sentence, statement and recommendation ends with references such as
"[¶12, ¶15]": internal links to the bookmarks `p12` and `p15` of the Evidence section, which
lists every paragraph of the synthesis. Arabic paragraphs are laid out right to left. The
sections come from the builders of `report/sections/`; `docx_render` draws them. A table of
contents field follows the title; a section marked `landscape` (the matrix) gets landscape pages
of its own; the layout for a UN template (styles, numbering, page numbers) is `docx_layout`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from gcm_review.frameworks.loader import Framework, load_framework
from gcm_review.report.document import Section
from gcm_review.report.docx_blocks import add_text, new_document
from gcm_review.report.docx_layout import add_contents, add_page_numbers, start_section
from gcm_review.report.docx_render import DocxContext, add_blocks, add_section
from gcm_review.report.sections import Lookup, report_sections
from gcm_review.report.sections.evidence_size import fitted
from gcm_review.report.sections.front import front_matter
from gcm_review.synthesis.records import Synthesis


def write_docx(
    synthesis: Synthesis,
    path: Path,
    *,
    charts: Mapping[str, bytes],
    framework: Framework | None = None,
    annexes: Sequence[Section] = (),
) -> None:
    """Write the draft report; `charts` maps "attention", "heatmap", "principles" to PNG bytes.

    Charts under other names are not used. The `annexes` (the survey, say) come after the
    recommendations, before the Evidence. Objective titles come from the framework (GCM unless
    another is given), else from the titles the synthesis carries.
    """
    look = Lookup(synthesis, framework or load_framework())
    doc = new_document(synthesis.title)
    context = DocxContext(known=frozenset(look.paragraphs), charts=charts)
    add_blocks(doc, front_matter(look), context)
    add_text(doc, "Contents", style="TOC Heading")
    add_contents(doc, add_text(doc))
    for section in fitted(look, report_sections(look, annexes=annexes), "docx"):
        if section.only not in (None, "docx"):
            continue
        if section.landscape:
            start_section(doc, landscape=True)
        add_section(doc, section, context)
        if section.landscape:
            start_section(doc, landscape=False)
    add_page_numbers(doc)  # in the first section's footer, which the sections after inherit
    doc.save(str(path))
