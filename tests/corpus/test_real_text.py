"""The real-text corpus (corpus/real-text): its shape, its labels and its split."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from gcm_review.frameworks import load_framework

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus" / "real-text"  # how it was made, and each annotator's labels
ITEMS = REPO / "src" / "gcm_review" / "frameworks" / "examples" / "real-text"  # the items
MINIMUM = {"en": 250, "fr": 250, "ar": 250, "es": 250, "ru": 150, "zh": 150}
KINDS = {
    "national-review",
    "government-report",
    "law",
    "statistics",
    "parliament",
    "un-agency",
    "ngo",
    "news",
    "research",
}
TYPES = {"achievement", "challenge", "recommendation", "commitment", "description", "procedural"}
FIELDS = {
    "id",
    "language",
    "text",
    "source",
    "source_doc",
    "source_title",
    "licence",
    "country",
    "source_kind",
    "year",
    "objectives",
    "principles",
    "type",
    "labels_by",
    "split",
}


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@cache
def items(language: str) -> tuple[dict[str, Any], ...]:
    return tuple(read(ITEMS / f"{language}.jsonl"))


def every_item() -> list[dict[str, Any]]:
    return [item for language in MINIMUM for item in items(language)]


@pytest.mark.parametrize("language", sorted(MINIMUM))
def test_each_language_has_its_minimum_of_items(language: str) -> None:
    found = items(language)
    assert len(found) >= MINIMUM[language]
    assert {item["language"] for item in found} == {language}


def test_two_thousand_items_from_many_sources_and_kinds() -> None:
    found = every_item()
    assert len(found) >= 2000
    assert len({item["id"] for item in found}) == len(found)
    assert len({item["source_doc"] for item in found}) >= 600
    assert {item["source_kind"] for item in found} <= KINDS
    assert len({item["source_kind"] for item in found}) >= 6
    per_doc = Counter(item["source_doc"] for item in found)
    assert max(per_doc.values()) <= 12


def test_every_item_has_its_fields_and_a_source() -> None:
    for item in every_item():
        assert set(item) == FIELDS, item["id"]
        assert item["text"].strip()
        source = item["source"]
        assert source.get("url") or (source.get("repo") and source.get("path")), item["id"]
        assert item["licence"]
        assert item["country"] is None or re.fullmatch(r"[A-Z]{3}", item["country"])


def test_labels_are_those_of_the_framework() -> None:
    framework = load_framework()
    numbers = {o.number for o in framework.objectives}
    keys = {p.key for p in framework.principles}
    for item in every_item():
        assert set(item["objectives"]) <= numbers, item["id"]
        assert item["objectives"] == sorted(item["objectives"])
        assert set(item["principles"]) <= keys, item["id"]
        assert item["type"] in TYPES


def test_split_by_source_document_never_by_paragraph() -> None:
    splits: dict[str, set[str]] = {}
    for item in every_item():
        splits.setdefault(item["source_doc"], set()).add(item["split"])
    assert all(len(found) == 1 for found in splits.values())
    for language in MINIMUM:
        dev = sum(item["split"] == "dev" for item in items(language))
        assert 0.1 <= dev / len(items(language)) <= 0.3, language


@pytest.mark.parametrize("language", sorted(MINIMUM))
def test_final_labels_are_the_agreed_or_the_adjudicated_ones(language: str) -> None:
    def by_id(folder: str) -> dict[str, dict[str, Any]]:
        return {a["id"]: a for a in read(CORPUS / "annotations" / folder / f"{language}.jsonl")}

    a, b, adjudicated = by_id("a"), by_id("b"), by_id("adjudicated")
    for item in items(language):
        first, second = a[item["id"]], b[item["id"]]
        fields = ("objectives", "principles", "type")
        agreed = all(sorted_(first[f]) == sorted_(second[f]) for f in fields)
        assert item["labels_by"] == ("agreed" if agreed else "adjudicated")
        final = first if agreed else adjudicated[item["id"]]
        assert all(sorted_(item[f]) == sorted_(final[f]) for f in fields), item["id"]


def sorted_(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


def test_no_item_copies_the_shared_report(shared_dir: Path) -> None:
    """Our rewrites share no run of twelve words with the shared outcome report."""
    report = shared_dir / "corpus" / "arab-states-2021" / "outcome-report.txt"
    words = re.findall(r"\w+", report.read_text(encoding="utf-8").lower())
    runs = {" ".join(words[i : i + 12]) for i in range(len(words) - 11)}
    for item in every_item():
        mine = re.findall(r"\w+", item["text"].lower())
        shared = [" ".join(mine[i : i + 12]) for i in range(len(mine) - 11)]
        assert not runs.intersection(shared), item["id"]
