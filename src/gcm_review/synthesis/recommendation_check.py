"""Scoring recommendations against a labelled list: extraction precision and recall, who made
each call, and grouping precision and recall over pairs.

A labelled list gives each recommendation's whole text, the names any of which may say who made
it, and a group (recommendations asking for the same thing share one). An extracted sentence
matches a labelled one when their words agree (the same words, or a Jaccard overlap of at least
MATCH_OVERLAP, bullets, numbers and punctuation ignored); each is matched at most once.
Grouping is scored over pairs of matched sentences: precision is the share of pairs put in one
group that the labels also group; recall the share of labelled pairs put in one group.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from gcm_review.model import StructuredDocument
from gcm_review.model.stored import TagStatus
from gcm_review.synthesis.records import (
    ParagraphTag,
    Recommendation,
    RecommendationSource,
    ReviewParagraph,
)
from gcm_review.synthesis.statements import matching_form

MATCH_OVERLAP = 0.85
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LabelledRecommendation:
    """One recommendation of a labelled list."""

    text: str
    who: tuple[str, ...]  # any of these names says who made it; empty: nobody can be named
    group: str


@dataclass(frozen=True)
class Score:
    """Precision and recall, with the counts behind them."""

    precision: float
    recall: float
    found: int
    expected: int
    correct: int


@dataclass(frozen=True)
class CheckResult:
    """Extraction, attribution (share of matched calls with the right maker) and grouping."""

    extraction: Score
    attribution: float
    grouping: Score
    unmatched_found: tuple[str, ...]
    missed: tuple[str, ...]
    wrong_makers: tuple[tuple[str, str], ...]  # (sentence, source given)


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(matching_form(text)))


def overlap(first: str, second: str) -> float:
    """Jaccard overlap of the two texts' word sets (1.0 when the words are the same)."""
    a, b = words(first), words(second)
    if a == b:
        return 1.0
    union = set(a) | set(b)
    return len(set(a) & set(b)) / len(union) if union else 0.0


def match(found: Sequence[str], expected: Sequence[LabelledRecommendation]) -> dict[int, int]:
    """Found index -> expected index, best overlaps first, each matched once."""
    pairs = sorted(
        (
            (-score, i, j)
            for i, text in enumerate(found)
            for j, label in enumerate(expected)
            if (score := overlap(text, label.text)) >= MATCH_OVERLAP
        ),
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def made_by(source: RecommendationSource, label: LabelledRecommendation) -> bool:
    """Whether the source names one of the label's makers (or none, when none can be named)."""
    given = matching_form(source.source)
    if not label.who:
        return source.source == "Unattributed"
    return any(matching_form(name) in given for name in label.who)


def check(
    recommendations: Sequence[Recommendation], expected: Sequence[LabelledRecommendation]
) -> CheckResult:
    """Scores of grouped recommendations against a labelled list."""
    sources = [source for r in recommendations for source in r.sources]
    group_of = [k for k, r in enumerate(recommendations) for _ in r.sources]
    matched = match([s.sentence for s in sources], expected)
    extraction = _score(len(sources), len(expected), len(matched))
    right = [i for i, j in matched.items() if made_by(sources[i], expected[j])]
    said = {
        frozenset(pair)
        for pair in combinations(matched, 2)
        if group_of[pair[0]] == group_of[pair[1]]
    }
    labelled = {
        frozenset(pair)
        for pair in combinations(matched, 2)
        if expected[matched[pair[0]]].group == expected[matched[pair[1]]].group
    }
    return CheckResult(
        extraction=extraction,
        attribution=len(right) / len(matched) if matched else 1.0,
        grouping=_score(len(said), len(labelled), len(said & labelled)),
        unmatched_found=tuple(s.sentence for i, s in enumerate(sources) if i not in matched),
        missed=tuple(e.text for j, e in enumerate(expected) if j not in matched.values()),
        wrong_makers=tuple(
            (sources[i].sentence, sources[i].source) for i in matched if i not in right
        ),
    )


def _score(found: int, expected: int, correct: int) -> Score:
    return Score(
        precision=correct / found if found else 1.0,
        recall=correct / expected if expected else 1.0,
        found=found,
        expected=expected,
        correct=correct,
    )


def read_check_texts(
    path: Path,
) -> tuple[list[ReviewParagraph], list[LabelledRecommendation]]:
    """Paragraphs and labels of a check-text file (JSON lines: one paragraph each, with the
    attribution the structure stage would give and the recommendations it holds)."""
    paragraphs: list[ReviewParagraph] = []
    labels: list[LabelledRecommendation] = []
    documents: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            row: dict[str, Any] = json.loads(line)
            document_id = documents.setdefault(row["doc"], len(documents) + 1)
            paragraphs.append(_paragraph(number, document_id, row))
            for label in row.get("recommendations", ()):
                who = label.get("who")
                names = (who,) if isinstance(who, str) else tuple(who or ())
                labels.append(LabelledRecommendation(label["text"], names, label["group"]))
    return paragraphs, labels


def _paragraph(number: int, document_id: int, row: dict[str, Any]) -> ReviewParagraph:
    objectives = row.get("objectives", ())
    return ReviewParagraph(
        id=number,
        document_id=document_id,
        document=f"{row['doc']}.txt",
        seq=int(row["seq"]),
        text=row["text"],
        section=tuple(row.get("section", ())),
        language=row.get("language", "en"),
        speaker=row.get("speaker"),
        organisation=row.get("organisation"),
        country=row.get("country"),
        stakeholder_group=row.get("group"),
        tags=tuple(
            ParagraphTag(f"objective:{o}", 0.9, "model", TagStatus.PROPOSED) for o in objectives
        ),
    )


def document_paragraphs(doc: StructuredDocument, *, document_id: int = 1) -> list[ReviewParagraph]:
    """A structured document's paragraphs as the synthesis reads them (no tags)."""
    return [
        ReviewParagraph(
            id=paragraph.index + 1,
            document_id=document_id,
            document=doc.repaired.source.name,
            seq=paragraph.index,
            number=paragraph.number,
            kind=paragraph.kind,
            section=paragraph.section,
            text=paragraph.text,
            language=paragraph.language,
            speaker=paragraph.attribution.speaker,
            speaker_title=paragraph.attribution.title,
            organisation=paragraph.attribution.organisation,
            country=paragraph.attribution.country,
            stakeholder_group=paragraph.attribution.stakeholder_group,
        )
        for paragraph in doc.paragraphs
    ]


def read_pointer_labels(
    labels: Path, report: Path
) -> tuple[list[LabelledRecommendation], list[str]]:
    """The labelled recommendations and fragments of a report whose labels are pointers
    (character offsets into the report's text, which is read here and never stored)."""
    text = report.read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(labels.read_text(encoding="utf-8"))
    if data.get("characters") not in (None, len(text)):
        raise ValueError(f"{report} is not the text {labels} points into")
    found = [
        LabelledRecommendation(
            " ".join(text[start:end].strip() for start, end in item["spans"]),
            tuple(item["who"]),
            item["group"],
        )
        for item in data["recommendations"]
    ]
    fragments = [text[start:end].strip() for start, end in data["fragments"]]
    return found, fragments
