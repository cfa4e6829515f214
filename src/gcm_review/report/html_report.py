"""Render a synthesis as one self-contained HTML page where every statement links to its evidence.

The page needs nothing from the network: the stylesheet is inlined, charts arrive as inline SVG.
Python turns the records into plain values (`_View`); the Jinja templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from gcm_review.frameworks.loader import Framework, load_framework
from gcm_review.report.document import Section
from gcm_review.report.html_render import environment, render_section
from gcm_review.report.sections.attention import regional_synthesis
from gcm_review.report.sections.countries import countries
from gcm_review.report.sections.evidence import evidence
from gcm_review.report.sections.key_messages import key_messages
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.sections.matrix import matrix
from gcm_review.report.sections.principles import principles, stakeholders
from gcm_review.report.sections.recommendations import recommendations
from gcm_review.report.sections.roundtables import roundtable_anchor, roundtables
from gcm_review.report.text_direction import Text, text_of
from gcm_review.structure.countries import country_name
from gcm_review.synthesis.records import (
    ReviewParagraph,
    Synthesis,
)

_HERE = Path(__file__).parent
CHART_NAMES = ("attention", "heatmap", "principles")
CATEGORY_TITLES = {
    "greatest": "Objectives that received the greatest attention",
    "some": "Objectives that received some attention",
    "not-reported": "Objectives not reported in most reviews",
}
# Group keys that do not read well capitalised ("civil-society" -> "Civil society" does).
GROUP_TITLES = {
    "member-state": "Member State",
    "un-entity": "United Nations entity",
    "nhri": "National human rights institution",
}
Item = dict[str, Any]


@dataclass(frozen=True)
class Ref:
    """A small "[12]" link to one evidence paragraph."""

    anchor: str
    label: str
    hint: str


def render_html(
    synthesis: Synthesis,
    *,
    charts: Mapping[str, str] | None = None,
    annexes: Sequence[Section] = (),
    framework: Framework | None = None,
) -> str:
    """The draft outcome report as one HTML page.

    `charts` maps "attention", "heatmap" and "principles" to trusted inline SVG; `annexes`
    (the survey, say) are placed before the evidence appendix.
    """
    framework = framework or load_framework()
    view = _View(synthesis, framework)
    built = _built_sections(Lookup(synthesis, framework), charts)
    extras = [{"id": s.anchor, "heading": s.title, "html": render_section(s)} for s in annexes]
    template = environment().get_template("report.html.j2")
    return template.render(
        title=synthesis.title,
        css=Markup((_HERE / "assets" / "report.css").read_text(encoding="utf-8")),
        charts={
            name: Markup(charts[name]) if charts and charts.get(name) else None
            for name in CHART_NAMES
        },
        extras=extras,
        built=built,
        **view.sections(),
    )


def _built_sections(look: Lookup, charts: Mapping[str, str] | None) -> dict[str, Markup]:
    """The sections made by the builders of report/sections/, drawn by the block macros."""
    built = {
        "key_messages": key_messages(look),
        "regional_synthesis": regional_synthesis(look),
        "matrix": matrix(look),
        "countries": countries(look),
        "roundtables": roundtables(look),
        "principles": principles(look),
        "stakeholders": stakeholders(look),
        "recommendations": recommendations(look),
        "evidence": evidence(look),
    }
    return {name: render_section(section, charts=charts) for name, section in built.items()}


def _maybe_text(value: str | None) -> Text | None:
    """The text marked for direction, or None when there is no text."""
    return text_of(value) if value else None


class _View:
    """Turns the synthesis records into plain values for the templates."""

    def __init__(self, synthesis: Synthesis, framework: Framework) -> None:
        self.synthesis = synthesis
        self.paragraphs = {p.id: p for p in synthesis.paragraphs}
        self.profiles = {profile.country for profile in synthesis.countries}
        self.listed = {a.objective for a in synthesis.attention}  # they get id="objective-N"
        self.objective_titles = {a.objective: a.title for a in synthesis.attention}
        self.objective_titles.update({o.number: o.titles["en"] for o in framework.objectives})
        self.principle_titles = {p.key: p.titles["en"] for p in framework.principles}

    def sections(self) -> dict[str, Any]:
        s = self.synthesis
        documents = [
            dict(
                name=d.name,
                title=_maybe_text(d.title),
                language=d.language,
                paragraphs=d.paragraphs,
                copy_of=d.copy_of,
            )
            for d in s.documents
        ]
        return dict(
            documents=documents,
            taggers=list(s.taggers),
            rule=s.rule.describe(),
            countries=[dict(id=f"country-{c.country}", name=c.name) for c in s.countries],
            roundtables=[
                dict(id=roundtable_anchor(r), title=text_of(r.title)) for r in s.roundtables
            ],
        )

    def refs(self, ids: Iterable[int]) -> list[Ref]:
        found = [self.paragraphs.get(i) for i in dict.fromkeys(ids)]
        return [Ref(p.anchor, str(p.id), _place(p)) for p in found if p is not None]

    def objective(self, number: int) -> Item:
        title = self.objective_titles.get(number, f"Objective {number}")
        href = f"#objective-{number}" if number in self.listed else None
        return dict(number=number, title=title, href=href)

    def country(self, code: str | None, name: str | None = None) -> Item | None:
        if not code:
            return None
        href = f"#country-{code}" if code in self.profiles else None
        return dict(code=code, name=name or country_name(code) or code, href=href)


def _group(key: str | None) -> str | None:
    return GROUP_TITLES.get(key, key.replace("-", " ").capitalize()) if key else None


def _place(p: ReviewParagraph) -> str:
    where = [f"paragraph {p.id}: {p.document}"]
    if p.number:
        where.append(f"no. {p.number}")
    if p.page is not None:
        where.append(f"page {p.page}")
    return ", ".join(where)


def _level(count: int) -> int:
    return 0 if count == 0 else 1 if count == 1 else 2 if count <= 3 else 3
