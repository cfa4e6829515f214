"""A stored corpus at regional scale, built in code: one conference record of about 8,000
paragraphs spoken for many countries, and a few national reviews, stored through the store and
tagged by the tagger of the fake embedder. Used by the browser test of the 10,000-paragraph
pages and by `benchmarks/bench_web_load.py --paragraphs` and `benchmarks/bench_review.py
--paragraphs` (which put tests/ on their path).

Texts are made from sentence pieces about migration, varied by country, year and figure, so no
two paragraphs are the same text and the tagger finds objectives, principles and calls for
action in them.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass

from gcm_review.model import (
    Attribution,
    Block,
    Paragraph,
    RepairedDocument,
    Section,
    SourceDocument,
    StructuredDocument,
)
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.workflows.tagging import tag_documents

COUNTRIES = (
    ("JOR", "Jordan"),
    ("EGY", "Egypt"),
    ("MAR", "Morocco"),
    ("TUN", "Tunisia"),
    ("IRQ", "Iraq"),
    ("LBN", "Lebanon"),
    ("QAT", "Qatar"),
    ("BHR", "Bahrain"),
    ("KWT", "Kuwait"),
    ("OMN", "Oman"),
    ("SAU", "Saudi Arabia"),
    ("SDN", "Sudan"),
    ("DZA", "Algeria"),
    ("LBY", "Libya"),
    ("MRT", "Mauritania"),
    ("YEM", "Yemen"),
    ("SOM", "Somalia"),
    ("DJI", "Djibouti"),
)
OPENINGS = (
    "The representative of {name} said that in {year} the government",
    "{name} reported that since {year} the ministry of labour",
    "The delegation of {name} explained that the national authorities in {year}",
    "According to {name}, the government in {year}",
)
ACTIONS = (
    "lowered the cost of sending remittances by licensing {n} mobile money providers",
    "opened {n} shelters for migrant workers who lost their jobs, with legal advice",
    "added questions on migration to the labour force survey of {n} households",
    "signed bilateral agreements on fair recruitment with {n} countries of origin",
    "gave {n} migrant children access to public schools and health care",
    "trained {n} border officials on the rights of victims of trafficking",
    "set up consular assistance for {n} nationals stranded abroad",
    "recognised the skills and qualifications of {n} returning migrants",
    "reduced immigration detention and used alternatives for {n} families",
    "issued identity documents to {n} stateless migrants",
    "created a reintegration programme for {n} migrants who returned",
    "strengthened the search and rescue of migrants, saving {n} lives",
)
CALLERS = ("The speaker called on States to", "States should", "Partners were urged to")
CALLED_FOR = (
    "ensure that migrant workers have access to justice in {place}",
    "reduce the transaction costs of remittances sent to {place}",
    "invest in data on migration disaggregated by sex in {place}",
    "end the detention of migrant children at the borders of {place}",
    "regulate recruitment agencies operating in {place}",
    "protect domestic workers under the labour law of {place}",
)
CALL_SHARE = 0.15  # of paragraphs that end with a call for action


@dataclass(frozen=True)
class LargeCorpus:
    """What was stored: document ids and the number of paragraphs."""

    document_ids: tuple[int, ...]
    paragraphs: int


def paragraph_text(rng: random.Random, name: str, serial: int) -> str:
    """One paragraph spoken for the country `name`; `serial` keeps every text distinct."""
    opening = rng.choice(OPENINGS).format(name=name, year=rng.randint(2015, 2025))
    action = rng.choice(ACTIONS).format(n=rng.randint(2, 9000))
    call = ""
    if rng.random() < CALL_SHARE:
        place = rng.choice(COUNTRIES)[1]
        call = f"{rng.choice(CALLERS)} {rng.choice(CALLED_FOR).format(place=place)}."
    return f"{opening} {action} (item {serial}). {call}".strip()


def conference_document(
    name: str, paragraphs: int, *, seed: int, first_serial: int = 0
) -> StructuredDocument:
    """A conference record: roundtable sections, each paragraph spoken for a country."""
    rng = random.Random(seed)
    sections = tuple(
        Section(title=f"Roundtable {n}", level=1, kind="roundtable", objective_refs=())
        for n in range(1, 5)
    )
    paras = []
    for index in range(paragraphs):
        code, country = COUNTRIES[index * len(COUNTRIES) // max(paragraphs, 1)]
        roundtable = sections[index % len(sections)].title
        paras.append(
            Paragraph(
                index=index,
                text=paragraph_text(rng, country, first_serial + index),
                number=str(index + 1),
                section=(roundtable,),
                language="en",
                attribution=Attribution(
                    speaker=f"The representative of {country}",
                    country=code,
                    stakeholder_group="member-state",
                ),
            )
        )
    return _document(name, f"Record of the regional review ({name})", sections, tuple(paras))


def _document(
    name: str, title: str, sections: tuple[Section, ...], paras: tuple[Paragraph, ...]
) -> StructuredDocument:
    joined = "\n".join(para.text for para in paras)
    blocks = tuple(Block(text=para.text, kind="line") for para in paras)
    source = SourceDocument(
        path=f"/tmp/{name}",
        name=name,
        sha256=hashlib.sha256(joined.encode("utf-8")).hexdigest(),
        format="text",
        blocks=blocks,
        encoding="utf-8",
    )
    return StructuredDocument(
        repaired=RepairedDocument(source=source, blocks=blocks, repairs=()),
        title=title,
        language="en",
        sections=sections,
        paragraphs=paras,
    )


def store_large_corpus(
    db: Database,
    tagger: GcmTagger,
    *,
    paragraphs: int = 10_000,
    on_progress: Callable[[str], None] | None = None,
) -> LargeCorpus:
    """Store and tag `paragraphs` paragraphs: one record of 80 % of them and four smaller
    ones sharing the rest."""
    big = paragraphs * 4 // 5
    rest = paragraphs - big
    sizes = [big] + [rest // 4 + (1 if n < rest % 4 else 0) for n in range(4)]
    ids = []
    serial = 0
    for number, size in enumerate(size for size in sizes if size):
        name = "regional-review-record.txt" if number == 0 else f"review-part-{number}.txt"
        doc = conference_document(name, size, seed=number, first_serial=serial)
        serial += size
        saved = save_document(db, doc, reader="text.v1")
        ids.append(saved.document_id)
        if on_progress is not None:
            on_progress(f"stored {name} ({size} paragraphs)")
    tag_documents(db, tagger=tagger, document_ids=ids)
    if on_progress is not None:
        on_progress("tagged")
    return LargeCorpus(tuple(ids), paragraphs)
