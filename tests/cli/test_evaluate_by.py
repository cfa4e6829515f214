"""`gcm-review evaluate` on several gold files with --where and --by (fake embedder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from gcm_review.cli import app

runner = CliRunner()


def write_corpus(folder: Path) -> Path:
    """Two language files in the real-text corpus's item format."""
    folder.mkdir()
    items: dict[str, list[dict[str, Any]]] = {
        "en": [
            {"text": "The central bank cut the cost of sending remittances.", "objectives": [20]},
            {"text": "Children in detention were released to foster care.", "objectives": [13]},
        ],
        "fr": [
            {
                "text": "La banque centrale a réduit le coût des envois de fonds.",
                "objectives": [20],
            },
        ],
    }
    for language, lines in items.items():
        with (folder / f"{language}.jsonl").open("w", encoding="utf-8") as file:
            for number, item in enumerate(lines, 1):
                record = {
                    "id": f"{language}-{number}",
                    "language": language,
                    "principles": ["child-sensitive"] if "Children" in item["text"] else [],
                    "source": {"url": "https://example.org"},
                    "source_kind": "news",
                    "country": None,
                    "type": "action",
                    "split": "dev" if number == 1 else "train",
                    **item,
                }
                file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


def test_evaluate_by_language_in_json(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "items")
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(folder / "en.jsonl"),
            str(folder / "fr.jsonl"),
            "--embedder",
            "fake.v1",
            "--no-ablation",
            "--by",
            "language",
            "--by",
            "country",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 3
    languages = report["by"]["language"]
    assert {name: group["n"] for name, group in languages.items()} == {"en": 2, "fr": 1}
    english = languages["en"]
    assert set(english["objectives"]) == {"micro", "macro", "gold", "predicted"}
    assert set(english["objectives"]["micro"]) == {"precision", "recall", "f1"}
    assert english["objectives"]["gold"] == 2 and english["principles"]["gold"] == 1
    assert list(report["by"]["country"]) == ["(none)"]


def test_evaluate_folder_where_split_by_language_as_a_table(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "items")
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(folder),
            "--where",
            "split=dev",
            "--by",
            "language",
            "--embedder",
            "fake.v1",
            "--no-ablation",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 paragraphs, split=dev" in result.output
    assert "per language" in result.output
    rows = [row for row in result.output.splitlines() if row.startswith("│ ")]
    assert any(row.split("│")[1].strip() == "fr" for row in rows)


def test_evaluate_where_and_by_mistakes_are_one_line_errors(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "items")
    cases = {
        ("--where", "split"): "is not FIELD=VALUE",
        ("--where", "split=test"): "no labelled paragraph has split=test",
        ("--by", "lang"): "no line has the field 'lang'",
    }
    for (option, value), message in cases.items():
        result = runner.invoke(
            app, ["evaluate", str(folder), option, value, "--embedder", "fake.v1"]
        )
        assert result.exit_code == 1, result.output
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_evaluate_with_a_probe_embedder_says_so(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "items")
    options = ["--embedder", "fake.v1", "--no-ablation", "--format", "json"]
    result = runner.invoke(app, ["evaluate", str(folder), *options, "--probe-embedder", "fake.v1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["probe_embedder"] == "fake.v1"
    plain = runner.invoke(app, ["evaluate", str(folder), *options])
    assert json.loads(plain.stdout)["probe_embedder"] is None
    unknown = runner.invoke(
        app, ["evaluate", str(folder), *options, "--probe-embedder", "nosuch.v1"]
    )
    assert unknown.exit_code != 0 and "nosuch.v1" in unknown.output
    assert "Traceback" not in unknown.output
