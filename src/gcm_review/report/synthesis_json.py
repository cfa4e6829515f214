"""synthesis.json: the attention categories with their rule and numbers, profiles, roundtables,
principles, recommendations and key messages, the conference file's facts, each conference
record's outline and the stakeholder inputs (paragraph texts live in paragraphs.jsonl)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gcm_review.synthesis.records import DocumentInfo, Synthesis


def synthesis_record(synthesis: Synthesis) -> dict[str, Any]:
    """A JSON-ready dict of the synthesis, without the paragraph texts."""
    return {
        "title": synthesis.title,
        "rule": {**asdict(synthesis.rule), "text": synthesis.rule.describe()},
        "taggers": list(synthesis.taggers),
        "documents": [_document(d) for d in synthesis.documents],
        "reporting_countries": [code for code, _ in synthesis.matrix.countries],
        "objectives": [asdict(a) for a in synthesis.attention],
        "countries": [asdict(c) for c in synthesis.countries],
        "roundtables": [asdict(r) for r in synthesis.roundtables],
        "principles": [asdict(p) for p in synthesis.principles],
        "stakeholder_groups": synthesis.stakeholder_groups,
        "uncovered_languages": synthesis.uncovered_languages,
        "recommendations": [
            {**asdict(r), "paragraph_ids": list(r.paragraph_ids)} for r in synthesis.recommendations
        ],
        "dropped_recommendations": [asdict(x) for x in synthesis.dropped_recommendations],
        "key_messages": [asdict(m) for m in synthesis.key_messages],
        "conference": asdict(synthesis.conference) if synthesis.conference else None,
        "outlines": [asdict(o) for o in synthesis.outlines],
        "stakeholder_inputs": [asdict(g) for g in synthesis.stakeholder_inputs],
    }


def _document(doc: DocumentInfo) -> dict[str, Any]:
    """A document's record without its text signature (an input of the copy rule only)."""
    return {name: value for name, value in asdict(doc).items() if name != "signature"}


def write_synthesis_json(synthesis: Synthesis, path: Path) -> None:
    path.write_text(
        json.dumps(synthesis_record(synthesis), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
