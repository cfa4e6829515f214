"""The draft outcome report of a review as a Word document, every claim linked to its evidence.

Each key message, objective sentence, statement and recommendation ends with references such as
"[¶12, ¶15]": internal links to the bookmarks `p12` and `p15` of the Evidence section, which
lists every paragraph of the synthesis. Arabic paragraphs are laid out right to left.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.text.paragraph import Paragraph

from gcm_review.frameworks.loader import Framework, load_framework
from gcm_review.report.document import Section
from gcm_review.report.docx_blocks import (
    add_grid_table,
    add_heading,
    add_note,
    add_picture,
    add_text,
    new_document,
)
from gcm_review.report.docx_links import (
    add_references,
)
from gcm_review.report.docx_render import DocxContext, add_section
from gcm_review.report.sections.attention import regional_synthesis
from gcm_review.report.sections.countries import countries
from gcm_review.report.sections.evidence import evidence
from gcm_review.report.sections.key_messages import key_messages
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.sections.matrix import matrix
from gcm_review.report.sections.principles import principles
from gcm_review.report.sections.recommendations import recommendations
from gcm_review.report.sections.roundtables import roundtables
from gcm_review.structure.countries import country_name
from gcm_review.synthesis.records import (
    Speaker,
    Synthesis,
)

CHART_CAPTIONS = {
    "attention": "Share of reporting countries that addressed each objective",
    "heatmap": "Paragraphs addressing each objective, by country",
    "principles": "Paragraphs invoking each guiding principle",
}
CATEGORY_LABELS = {
    "greatest": "Greatest attention",
    "some": "Some attention",
    "not-reported": "Not reported in most reviews",
}


@dataclass(frozen=True)
class _Report:
    """The document being written and what its parts look up."""

    doc: Document
    synthesis: Synthesis
    known: frozenset[int]  # ids of the paragraphs in the Evidence section
    objective_titles: Mapping[int, str]
    principle_titles: Mapping[str, str]
    country_names: Mapping[str, str]
    look: Lookup


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
    recommendations, before the Evidence. Objective titles come from the
    framework (GCM unless another is given), else from the titles the synthesis carries.
    """
    report = _start(synthesis, framework or load_framework())
    _title_part(report)
    _key_messages(report)
    _regional_synthesis(report, charts)
    _matrix_part(report, charts)
    _country_profiles(report)
    _roundtables(report)
    _principles(report, charts)
    _recommendations(report)
    for annex in annexes:
        add_section(report.doc, annex, DocxContext(known=report.known))
    _evidence(report)
    report.doc.save(str(path))


def _start(synthesis: Synthesis, framework: Framework) -> _Report:
    titles = {a.objective: a.title for a in synthesis.attention}
    titles.update({o.number: o.titles.get("en", o.label) for o in framework.objectives})
    principles = {p.key: p.title for p in synthesis.principles}
    principles.update({p.key: p.titles.get("en", p.label) for p in framework.principles})
    names = {code: name for code, name in synthesis.matrix.countries}
    names.update({profile.country: profile.name for profile in synthesis.countries})
    return _Report(
        doc=new_document(synthesis.title),
        synthesis=synthesis,
        known=frozenset(p.id for p in synthesis.paragraphs),
        objective_titles=titles,
        principle_titles=principles,
        country_names=names,
        look=Lookup(synthesis, framework),
    )


def _paragraph(
    report: _Report, text: str = "", *, style: str | None = None, lead: str = ""
) -> Paragraph:
    return add_text(report.doc, text, style=style, lead=lead)


def _claim(
    report: _Report, text: str, ids: Iterable[int], *, style: str | None = None, lead: str = ""
) -> Paragraph:
    """A statement followed by links to the paragraphs it rests on."""
    paragraph = add_text(report.doc, text, style=style, lead=lead)
    add_references(paragraph, ids, known=report.known)
    return paragraph


def _note(report: _Report, text: str) -> Paragraph:
    return add_note(report.doc, text)


def _heading(report: _Report, text: str, level: int) -> None:
    add_heading(report.doc, text, level)


def _table(
    report: _Report,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float],
    font_size: float = 9,
) -> None:
    add_grid_table(report.doc, header, rows, widths=widths, font_size=font_size)


def _chart(report: _Report, charts: Mapping[str, bytes], name: str) -> None:
    png = charts.get(name)
    if png is not None:
        add_picture(report.doc, png, f"Figure: {CHART_CAPTIONS[name]}.")


def _objective_label(report: _Report, number: int) -> str:
    title = report.objective_titles.get(number)
    return f"Objective {number}: {title}" if title else f"Objective {number}"


def _country(report: _Report, code: str | None) -> str:
    if code is None:
        return ""
    return report.country_names.get(code) or country_name(code) or code


def _group(group: str | None) -> str:
    return group.replace("-", " ") if group else ""


def _who(
    report: _Report,
    parts: Iterable[str | None],
    country: str | None,
    group: str | None,
) -> str:
    """Who spoke: "name, title, organisation (country; group)"; empty when nothing is known."""
    who = ", ".join(part for part in parts if part)
    extras = "; ".join(part for part in (_country(report, country), _group(group)) if part)
    if who and extras:
        return f"{who} ({extras})"
    return who or extras


def _speaker_label(report: _Report, speaker: Speaker) -> str:
    parts = (speaker.name, speaker.title, speaker.organisation)
    return _who(report, parts, speaker.country, speaker.stakeholder_group) or "Unnamed speaker"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


# --- parts of the report ----------------------------------------------------------------------


def _title_part(report: _Report) -> None:
    synthesis = report.synthesis
    _heading(report, synthesis.title, 0)
    taggers = ", ".join(synthesis.taggers) or "the configured taggers"
    _note(
        report,
        "Machine draft for analysts to check. gcm-review produced this report from "
        f"{_plural(len(synthesis.documents), 'document')} "
        f"({_plural(len(synthesis.paragraphs), 'paragraph')}) tagged by {taggers}. "
        "Every statement is a draft: check it against the paragraphs it cites, shown as [¶n] "
        "links to the Evidence section, before using it.",
    )
    if synthesis.stakeholder_groups:
        groups = ", ".join(
            f"{_group(group)} {count}" for group, count in synthesis.stakeholder_groups.items()
        )
        _note(report, f"Paragraphs by stakeholder group: {groups}.")


def _key_messages(report: _Report) -> None:
    add_section(report.doc, key_messages(report.look), DocxContext(report.known))


def _regional_synthesis(report: _Report, charts: Mapping[str, bytes]) -> None:
    add_section(report.doc, regional_synthesis(report.look), DocxContext(report.known, charts))


def _matrix_part(report: _Report, charts: Mapping[str, bytes]) -> None:
    add_section(report.doc, matrix(report.look), DocxContext(report.known, charts))


def _country_profiles(report: _Report) -> None:
    add_section(report.doc, countries(report.look), DocxContext(report.known))


def _roundtables(report: _Report) -> None:
    add_section(report.doc, roundtables(report.look), DocxContext(report.known))


def _principles(report: _Report, charts: Mapping[str, bytes]) -> None:
    context = DocxContext(report.known, charts=charts)
    add_section(report.doc, principles(report.look), context)


def _recommendations(report: _Report) -> None:
    add_section(report.doc, recommendations(report.look), DocxContext(report.known))


def _evidence(report: _Report) -> None:
    add_section(report.doc, evidence(report.look), DocxContext(report.known))
