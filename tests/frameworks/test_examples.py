"""Validate the written training examples and the multilingual check sets."""

import json
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from gcm_review.frameworks import load_framework

REPO_ROOT = Path(__file__).resolve().parents[2]
CHECK_FILES = (
    REPO_ROOT / "benchmarks" / "data" / "multilingual-check.jsonl",
    REPO_ROOT / "benchmarks" / "data" / "other-languages-check.jsonl",
)
# The principle keys as the framework defines them (test_loader checks those against the GCM).
PRINCIPLES = {principle.key for principle in load_framework().principles}
TYPES = {"achievement", "challenge", "recommendation", "commitment", "description", "procedural"}
REQUIRED_KEYS = {"id", "lang", "text", "objectives", "principles", "type"}
MINIMUM_PER_OBJECTIVE = {"en": 8, "fr": 4, "ar": 4}


def load_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def train_examples() -> list[dict[str, Any]]:
    resource = files("gcm_review.frameworks") / "examples" / "gcm-train.jsonl"
    return load_jsonl(resource.read_text(encoding="utf-8"))


def all_files() -> dict[str, list[dict[str, Any]]]:
    loaded = {"gcm-train.jsonl": train_examples()}
    for path in CHECK_FILES:
        loaded[path.name] = load_jsonl(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("name", ["gcm-train.jsonl", *(path.name for path in CHECK_FILES)])
def test_records_are_well_formed(name: str) -> None:
    records = all_files()[name]
    assert records
    for record in records:
        assert set(record) >= REQUIRED_KEYS, record["id"]
        assert record["text"].strip()
        objectives = record["objectives"]
        assert all(isinstance(number, int) and 1 <= number <= 23 for number in objectives)
        assert objectives == sorted(set(objectives)), record["id"]
        assert set(record["principles"]) <= PRINCIPLES, record["id"]
        assert record["type"] in TYPES
        assert record["id"].split("-")[1] == record["lang"]
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids))


def test_training_coverage_per_objective_and_language() -> None:
    counts = Counter(
        (record["lang"], number) for record in train_examples() for number in record["objectives"]
    )
    for lang, minimum in MINIMUM_PER_OBJECTIVE.items():
        short = [number for number in range(1, 24) if counts[(lang, number)] < minimum]
        assert not short, f"{lang}: objectives below {minimum}: {short}"


def test_training_has_negatives_and_every_principle() -> None:
    records = train_examples()
    without_objective = [record for record in records if not record["objectives"]]
    assert len(without_objective) >= 40
    assert {record["lang"] for record in without_objective} == {"en", "fr", "ar"}
    assert {key for record in records for key in record["principles"]} == PRINCIPLES


def test_multilingual_check_is_parallel() -> None:
    records = all_files()["multilingual-check.jsonl"]
    by_number: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_number.setdefault(record["id"].rsplit("-", 1)[1], []).append(record)
    assert len(by_number) == 40
    for group in by_number.values():
        assert sorted(record["lang"] for record in group) == ["ar", "en", "fr"]
        assert len({(tuple(r["objectives"]), tuple(r["principles"])) for r in group}) == 1
    english = [record for record in records if record["lang"] == "en"]
    counts = Counter(number for record in english for number in record["objectives"])
    assert all(counts[number] >= 2 for number in range(1, 24))
    assert sum(1 for record in english if not record["objectives"]) == 5


def test_check_texts_differ_from_training_texts() -> None:
    training = {record["text"].strip().casefold() for record in train_examples()}
    for path in CHECK_FILES:
        for record in load_jsonl(path.read_text(encoding="utf-8")):
            assert record["text"].strip().casefold() not in training, record["id"]
