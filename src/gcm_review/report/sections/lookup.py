"""What the section builders look up in a synthesis: paragraphs, objective titles, countries,
and the framework's words for its labels ("Objective 6", "Guiding principles").

Two sets of names live here because the HTML and Word reports name things differently today:
the HTML one links objectives and countries to their part of the page, the Word one writes
"country; group" in plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

from gcm_review.frameworks.labels import capital, wording
from gcm_review.frameworks.loader import Framework
from gcm_review.report import document as d
from gcm_review.structure.countries import country_name

__all__ = ["Lookup", "capital", "group_title", "group_words", "place", "plural"]
from gcm_review.synthesis.records import ReviewParagraph, Synthesis

# Group keys that do not read well capitalised ("civil-society" -> "Civil society" does).
GROUP_TITLES = {
    "member-state": "Member State",
    "un-entity": "United Nations entity",
    "nhri": "National human rights institution",
}


class Lookup:
    """The synthesis's paragraphs, objectives, principles and countries by key."""

    def __init__(self, synthesis: Synthesis, framework: Framework) -> None:
        self.synthesis = synthesis
        self.words = wording(framework)
        self.paragraphs = {p.id: p for p in synthesis.paragraphs}
        self.profiles = {profile.country for profile in synthesis.countries}
        self.listed = {a.objective for a in synthesis.attention}  # they get id="objective-N"
        self.objective_titles = {a.objective: a.title for a in synthesis.attention}
        self.objective_titles.update(
            {o.number: o.titles.get("en", o.label) for o in framework.objectives}
        )
        self.principle_titles = {p.key: p.title for p in synthesis.principles}
        self.principle_titles.update(
            {p.key: p.titles.get("en", p.label) for p in framework.principles}
        )
        names = {code: name for code, name in synthesis.matrix.countries}
        names.update({profile.country: profile.name for profile in synthesis.countries})
        self.country_names = names

    def refs(self, ids: Iterable[int]) -> d.Refs:
        """Links to the paragraphs of the evidence appendix (ids not in it are left out)."""
        found = [self.paragraphs.get(i) for i in dict.fromkeys(ids)]
        cited = [p for p in found if p is not None]
        return d.Refs(tuple(p.id for p in cited), tuple(place(p) for p in cited))

    def cited(self, ids: Iterable[int]) -> d.Refs:
        """Links to each paragraph (Word): one missing from the Evidence stays plain text."""
        return d.Refs(tuple(dict.fromkeys(ids)))

    def objective_title(self, number: int) -> str:
        """The objective's title in the framework, else as the synthesis gives it."""
        return self.objective_titles.get(number, self.words.numbered(number))

    def objective_chip(self, number: int) -> d.Span | d.Link:
        """ "Objective 6", linked to its line in the synthesis when it has one (HTML)."""
        title = self.objective_title(number)
        name = self.words.numbered(number)
        if number in self.listed:
            return d.Link(name, f"objective-{number}", title, "chip objective")
        return d.Span(name, css="chip objective", title=title)

    def countries(self, codes: Iterable[str]) -> list[d.Inline]:
        """Country names, linked to their profiles, separated by commas (HTML)."""
        runs: list[d.Inline] = []
        for index, code in enumerate(codes):
            runs += [d.Span(", ")] if index else []
            runs.append(self.country_link(code))
        return runs

    def objective_chips(self, numbers: Iterable[int]) -> list[d.Inline]:
        """Chips for each objective, each followed by a space (HTML)."""
        return [run for n in numbers for run in (self.objective_chip(n), d.Span(" "))]

    def country_link(self, code: str, name: str | None = None) -> d.Span | d.Link:
        """The country's name, linked to its profile when it has one (HTML)."""
        name = name or country_name(code) or code
        return d.Link(name, f"country-{code}") if code in self.profiles else d.Span(name)

    def country_text(self, code: str | None) -> str:
        """The country's name as the Word report writes it."""
        if code is None:
            return ""
        return self.country_names.get(code) or country_name(code) or code

    def who(self, parts: Iterable[str | None], country: str | None, group: str | None) -> str:
        """Who spoke, in Word: "name, title, organisation (country; group)"; may be empty."""
        who = ", ".join(part for part in parts if part)
        more = "; ".join(p for p in (self.country_text(country), group_words(group)) if p)
        if who and more:
            return f"{who} ({more})"
        return who or more


def group_title(key: str | None) -> str | None:
    """A stakeholder group as the HTML report names it ("Civil society")."""
    return GROUP_TITLES.get(key, key.replace("-", " ").capitalize()) if key else None


def group_words(key: str | None) -> str:
    """A stakeholder group as the Word report names it ("civil society")."""
    return key.replace("-", " ") if key else ""


def plural(count: int, word: str, plural: str | None = None) -> str:
    """ "1 source", "2 sources"."""
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def place(p: ReviewParagraph) -> str:
    """Where a paragraph is: "paragraph 12: file.pdf, no. 3, page 4"."""
    where = [f"paragraph {p.id}: {p.document}"]
    if p.number:
        where.append(f"no. {p.number}")
    if p.page is not None:
        where.append(f"page {p.page}")
    return ", ".join(where)
