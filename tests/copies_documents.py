"""Documents built in code for the copies and versions tests: given paragraph texts, a name,
a format and a country, hashed by their content."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace

from conftest import make_structured_document
from gcm_review.model import Attribution, Paragraph, StructuredDocument

WORDS = [
    "migrants",
    "workers",
    "labour",
    "rights",
    "remittances",
    "return",
    "reintegration",
    "border",
    "management",
    "detention",
    "alternatives",
    "children",
    "women",
    "trafficking",
    "smuggling",
    "consular",
    "protection",
    "data",
    "census",
    "survey",
    "decent",
    "work",
    "recruitment",
    "fees",
    "skills",
    "recognition",
    "health",
    "services",
    "access",
    "education",
    "housing",
    "justice",
    "integration",
    "cohesion",
    "climate",
    "disasters",
    "displacement",
    "pathways",
    "regular",
    "visas",
    "permits",
    "family",
    "reunification",
    "diaspora",
    "investment",
    "finance",
    "cooperation",
]


def report_text(seed: int, paragraphs: int = 10, *, words: int = 30) -> list[str]:
    """A report's paragraphs: sentences of plausible words, different for every seed."""
    pick = random.Random(seed)
    return [
        " ".join(pick.choice(WORDS) for _ in range(words)).capitalize() + "."
        for _ in range(paragraphs)
    ]


def report(
    texts: list[str],
    *,
    name: str,
    country: str = "EGY",
    format: str = "text",
    title: str = "Voluntary review",
) -> StructuredDocument:
    """A structured document of these paragraphs, all speaking for `country`."""
    doc = make_structured_document(name=name)
    content = f"{name}\n{format}\n" + "\n".join(texts)
    source = replace(
        doc.repaired.source,
        sha256=hashlib.sha256(content.encode()).hexdigest(),
        format=format,  # type: ignore[arg-type]
    )
    paragraphs = tuple(
        Paragraph(
            index=i,
            text=text,
            language="en",
            attribution=Attribution(country=country, stakeholder_group="member-state"),
        )
        for i, text in enumerate(texts)
    )
    return replace(
        doc,
        repaired=replace(doc.repaired, source=source),
        title=title,
        paragraphs=paragraphs,
    )
