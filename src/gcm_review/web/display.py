"""How things look on the pages: label names, text direction, numbers, in the page's language.
Registered as Jinja globals and filters by `install`, on the environment of each language."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from gcm_review.frameworks import load_framework
from gcm_review.languages import is_mostly_arabic
from gcm_review.structure.countries import country_name
from gcm_review.web.catalogues import N_

if TYPE_CHECKING:
    from gcm_review.web.paragraph_links import ParagraphLink

# Stored values shown as words: the English word is the message each language translates.
WORDS: Mapping[str, str] = {
    "admin": N_("admin"),
    "analyst": N_("analyst"),
    "focal-point": N_("focal-point"),
    "viewer": N_("viewer"),
    "proposed": N_("proposed"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "national-review": N_("national-review"),  # the kinds of document (DOCUMENT_KINDS)
    "conference-record": N_("conference-record"),
    "stakeholder-submission": N_("stakeholder-submission"),
    "regional-report": N_("regional-report"),
    "other": N_("other"),
}
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


@dataclass(frozen=True)
class LabelNames:
    """The labels of the web app's framework with their short codes and titles."""

    names: Mapping[str, tuple[str, str]]  # objective:6 -> ("O6", "Fair recruitment, ...")

    def code(self, label: str) -> str:
        """The short code of a label ("O6", "GP"), or the label itself when unknown."""
        return self.names.get(label, (label, ""))[0]

    def title(self, label: str) -> str:
        """The title of a label, or "" when unknown."""
        return self.names.get(label, ("", ""))[1]

    def choices(self) -> list[tuple[str, str]]:
        """(label, "O6 · Title") for a select list, objectives in order then principles."""
        return [(label, f"{code} · {title}") for label, (code, title) in self.names.items()]


@functools.cache
def label_names(framework: str, language: str = "en") -> LabelNames:
    """The labels of a framework (a name or a .toml path, as the `framework` setting).

    In English a label is named by its short name ("Data and evidence"); in another language by
    its title in that language from the framework file, or by the short name when it has none.
    """
    loaded = load_framework(framework)

    def name(short: str, titles: Mapping[str, str]) -> str:
        return short if language == "en" else titles.get(language) or short

    names = {
        f"objective:{o.number}": (f"O{o.number}", name(o.label, o.titles))
        for o in loaded.objectives
    }
    names.update({f"principle:{p.key}": ("GP", name(p.label, p.titles)) for p in loaded.principles})
    return LabelNames(names)


def is_arabic(text: str, language: str | None) -> bool:
    """Whether to show the text right to left: Arabic by its language, or by its letters."""
    if language:
        return language.lower().startswith("ar")
    return is_mostly_arabic(text)


def text_attributes(text: str, language: str | None) -> Markup:
    """lang and dir attributes for an element holding this text."""
    if is_arabic(text, language):
        return Markup('lang="ar" dir="rtl"')
    if language and _LANGUAGE_CODE.fullmatch(language):
        return Markup('lang="{}" dir="ltr"').format(language)
    return Markup('dir="auto"')


def percent(value: float) -> str:
    """0.8234 -> "82%"."""
    return f"{round(value * 100)}%"


def evidence_summary(evidence: Sequence[Mapping[str, Any]]) -> str:
    """One line about a tag's evidence, for hovering over its chip."""
    parts = []
    for item in evidence:
        line = f"{item.get('tagger', '?')} {float(item.get('score') or 0.0):.2f}"
        matched = item.get("matched") or []
        if matched:
            line += ": " + ", ".join(str(term) for term in matched)
        parts.append(line)
    return "; ".join(parts)


def country_label(code: str | None, language: str = "en") -> str:
    """Jordan (JOR), named in the page's language, or "" when unknown."""
    if not code:
        return ""
    name = country_name(code, lang=language)
    return f"{name} ({code})" if name else code


def country_only(code: str | None, language: str = "en") -> str:
    """Jordan, named in the page's language, without its code; "" when unknown."""
    return (country_name(code, lang=language) or "") if code else ""


def when(value: datetime | None) -> str:
    """A timestamp to the minute, UTC."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def as_json(value: Any) -> str:
    """Readable JSON for the audit page (escaped by the template)."""
    return "" if value is None else json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def paragraph_label(link: ParagraphLink, message: Callable[[str], str]) -> str:
    """A paragraph's short name ("jordan.pdf, paragraph 40") in the page's language."""
    return link.label_in(message)


@dataclass(frozen=True)
class PageLanguage:
    """The language of a Jinja environment's pages, and how to say things in it."""

    code: str  # "ar"
    direction: str  # "rtl"
    choices: tuple[tuple[str, str], ...]  # every interface language: (code, its own name)
    message: Callable[[str], str]  # a message in this language (unknown ones as they are)


def install(env: jinja2.Environment, labels: LabelNames, language: PageLanguage) -> None:
    """Register the helpers on the Jinja environment of one language, with the labels of the
    app's framework in that language."""
    env.globals.update(
        label_code=labels.code,
        label_title=labels.title,
        label_choices=labels.choices,
        text_attributes=text_attributes,
        country_label=functools.partial(country_label, language=language.code),
        word=lambda value: language.message(WORDS.get(value, value)),  # "accepted" -> "acceptée"
        country=functools.partial(country_only, language=language.code),
        page_language=language.code,
        page_direction=language.direction,
        language_choices=language.choices,
    )
    env.filters.update(
        percent=percent,
        evidence_summary=evidence_summary,
        when=when,
        as_json=as_json,
        message=language.message,
        paragraph_label=functools.partial(paragraph_label, message=language.message),
    )
