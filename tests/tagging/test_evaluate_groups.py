"""Scores per group and gold files with fields: --where filters and --by groups, fake embedder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gcm_review.errors import InputError
from gcm_review.tagging.evaluate import group_scores
from gcm_review.tagging.examples import Example
from gcm_review.tagging.gold import (
    MISSING,
    NULL,
    check_fields,
    field_value,
    parse_where,
    read_gold,
)
from gcm_review.tagging.run import evaluate_file

LABELS = ["objective:1", "objective:2", "principle:human-rights"]


def example(name: str, *labels: str) -> Example:
    return Example(id=name, text=name, labels=frozenset(labels))


def write_lines(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def line(name: str, text: str, objectives: list[int], **fields: Any) -> dict[str, Any]:
    return {"id": name, "text": text, "objectives": objectives, "principles": [], **fields}


def test_group_scores_by_hand() -> None:
    examples = [
        example("a", "objective:1"),
        example("b", "objective:2", "principle:human-rights"),
        example("c", "objective:1"),
    ]
    predicted = [
        frozenset({"objective:1"}),
        frozenset({"objective:1"}),
        frozenset({"principle:human-rights"}),
    ]
    groups = group_scores(examples, predicted, LABELS, ["en", "fr", "en"])
    assert list(groups) == ["en", "fr"]
    english, french = groups["en"], groups["fr"]
    # en: a right (tp 1), c missed (fn 1) and a principle proposed (fp 1)
    assert english["n"] == 2
    assert english["objectives"]["micro"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert english["objectives"]["gold"] == 2 and english["objectives"]["predicted"] == 1
    assert english["principles"]["micro"]["precision"] == 0.0
    assert english["principles"]["gold"] == 0 and english["principles"]["predicted"] == 1
    # fr: objective 2 missed, objective 1 proposed wrongly
    assert french["objectives"]["micro"]["f1"] == 0.0
    assert french["objectives"]["macro"]["f1"] == 0.0
    assert french["principles"]["gold"] == 1


def test_parse_where_alternatives_within_a_field() -> None:
    where = parse_where(["split=dev", "language=fr", "language = es"])
    assert where == {"split": frozenset({"dev"}), "language": frozenset({"fr", "es"})}
    assert parse_where(["note=a=b"]) == {"note": frozenset({"a=b"})}
    with pytest.raises(InputError, match="is not FIELD=VALUE"):
        parse_where(["split"])
    with pytest.raises(InputError, match="is not FIELD=VALUE"):
        parse_where(["=dev"])


def test_field_values_as_text() -> None:
    fields = {"country": None, "year": 2023, "source": {"url": "u"}, "language": "fr"}
    assert field_value(fields, "language") == "fr"
    assert field_value(fields, "year") == "2023"
    assert field_value(fields, "country") == NULL
    assert field_value(fields, "kind") == MISSING
    assert field_value(fields, "source") == '{"url": "u"}'


def test_read_gold_files_and_folders_with_filters(tmp_path: Path) -> None:
    folder = tmp_path / "items"
    folder.mkdir()
    write_lines(
        folder / "en.jsonl",
        [
            line("en-1", "Remittances", [20], language="en", split="dev"),
            line("en-2", "Detention", [13], language="en", split="train"),
        ],
    )
    write_lines(folder / "fr.jsonl", [line("fr-1", "Envois de fonds", [20], split="dev")])
    (folder / "notes.txt").write_text("not gold\n", encoding="utf-8")
    extra = write_lines(tmp_path / "extra.jsonl", [line("x-1", "Data", [1], split="dev")])
    every = read_gold([folder, extra])
    assert [item.example.id for item in every] == ["en-1", "en-2", "fr-1", "x-1"]
    assert every[0].example.language == "en"
    assert every[0].fields["split"] == "dev"
    dev_english = read_gold([folder], {"split": frozenset({"dev"}), "language": frozenset({"en"})})
    assert [item.example.id for item in dev_english] == ["en-1"]
    missing_language = read_gold([folder, extra], {"language": frozenset({MISSING})})
    assert [item.example.id for item in missing_language] == ["fr-1", "x-1"]
    with pytest.raises(InputError, match="no labelled paragraph has split=test"):
        read_gold([folder], {"split": frozenset({"test"})})
    with pytest.raises(InputError, match="no line has the field 'lang'"):
        check_fields(str(folder), every, ["split", "lang"])


def test_read_gold_refuses_lines_that_are_not_objects_and_empty_folders(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "t", "objectives": [], "principles": []}\n[1, 2]\n')
    with pytest.raises(InputError, match="line 2 is not a labelled paragraph"):
        read_gold([bad])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no .jsonl file"):
        read_gold([empty])
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no labelled paragraph"):
        read_gold([blank])


def test_evaluate_file_by_field_adds_up_to_the_whole(tmp_path: Path) -> None:
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [
            line("a", "The central bank cut the cost of remittances.", [20], language="en"),
            line("b", "Migrants in detention saw a lawyer within a day.", [13], language="en"),
            line("c", "La banque a réduit le coût des envois de fonds.", [20], language="fr"),
            line("d", "Le rapport annuel a été adopté.", [], language="fr", split="dev"),
        ],
    )
    report = evaluate_file(
        gold, embedder="fake.v1", cache_path=None, ablation=False, by=["language", "split"]
    )
    assert report["n"] == 4
    languages = report["by"]["language"]
    assert list(languages) == ["en", "fr"]
    assert sum(group["n"] for group in languages.values()) == 4
    assert sum(group["objectives"]["gold"] for group in languages.values()) == 3
    assert list(report["by"]["split"]) == [MISSING, "dev"]
    only_french = evaluate_file(
        [gold],
        embedder="fake.v1",
        cache_path=None,
        ablation=False,
        where={"language": frozenset({"fr"})},
        by=["language"],
    )
    assert only_french["n"] == 2
    assert only_french["where"] == {"language": ["fr"]}
    # one group: its figures are the overall figures
    assert (
        only_french["by"]["language"]["fr"]["objectives"]["micro"]
        == (only_french["objectives"]["micro"])
    )
    assert only_french["by"]["language"]["fr"]["n"] == 2


def test_evaluate_file_without_by_has_no_groups(tmp_path: Path) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", [line("a", "Remittances cost less.", [20])])
    report = evaluate_file(gold, embedder="fake.v1", cache_path=None, ablation=False)
    assert "by" not in report
    assert report["where"] == {}
