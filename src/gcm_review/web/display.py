"""How things look on the pages: label names, text direction, numbers. Registered as Jinja
globals and filters by `install`."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jinja2
from markupsafe import Markup

from gcm_review.frameworks import load_framework
from gcm_review.languages import is_mostly_arabic
from gcm_review.structure.countries import country_name

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
def label_names(framework: str) -> LabelNames:
    """The labels of a framework (a name or a .toml path, as the `framework` setting)."""
    loaded = load_framework(framework)
    names = {f"objective:{o.number}": (f"O{o.number}", o.label) for o in loaded.objectives}
    names.update({f"principle:{p.key}": ("GP", p.label) for p in loaded.principles})
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


def country_label(code: str | None) -> str:
    """Jordan (JOR), or "" when unknown."""
    if not code:
        return ""
    name = country_name(code)
    return f"{name} ({code})" if name else code


def when(value: datetime | None) -> str:
    """A timestamp to the minute, UTC."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def as_json(value: Any) -> str:
    """Readable JSON for the audit page (escaped by the template)."""
    return "" if value is None else json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def install(env: jinja2.Environment, labels: LabelNames) -> None:
    """Register the helpers on a Jinja environment, with the labels of the app's framework."""
    env.globals.update(
        label_code=labels.code,
        label_title=labels.title,
        label_choices=labels.choices,
        text_attributes=text_attributes,
        country_label=country_label,
    )
    env.filters.update(
        percent=percent,
        evidence_summary=evidence_summary,
        when=when,
        as_json=as_json,
    )
