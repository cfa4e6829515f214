"""Labelled paragraphs: the written training examples a framework names, and gold files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from gcm_review.errors import FrameworkError, InputError
from gcm_review.frameworks import Framework, load_framework
from gcm_review.frameworks.labels import gold_labels


@dataclass(frozen=True)
class Example:
    """A paragraph with the labels an annotator gave it.

    Written examples and gold files know every label: a label not in `labels` is absent. A
    paragraph an analyst reviewed in part knows only the labels in `known` (accepted or rejected);
    the tagger trains on those alone. `weight` is how many times the example counts in training.
    `group` names the document it comes from (the corpus's `source_doc`): cross-validation keeps
    a group's paragraphs in one fold; None stands for a group of its own.
    """

    id: str
    text: str
    labels: frozenset[str]
    language: str | None = None
    known: frozenset[str] | None = None  # None: every label is known
    weight: int = 1
    group: str | None = None

    def knows(self, label: str) -> bool:
        """Whether this example says for sure whether `label` applies."""
        return self.known is None or label in self.known


TRAINING_SPLIT = "train"
# Times a paragraph from a real document (a line with a `source_doc`) counts in training, where a
# written example counts once: real paragraphs are what the tagger reads. Chosen by
# cross-validation on the training split's real paragraphs (1 to 5 tried on the corpus's first
# three batches: 3 was best for objectives and principles; with the fourth batch, 1 to 4 came
# within 0.002 of each other).
DOCUMENT_WEIGHT = 3


def read_examples(path: Path) -> list[Example]:
    """Read JSON Lines {"id", "text", "objectives": [ints], "principles": [keys]}.

    A line whose `split` field names another split than "train" (the corpus's development
    lines) is not a training example and is skipped.
    """
    return [
        example_of(path, number, line)
        for number, line in json_lines(path)
        if _split_of(line) in (None, TRAINING_SPLIT)
    ]


def _split_of(line: str) -> str | None:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None  # example_of reports the broken line
    split = data.get("split") if isinstance(data, dict) else None
    return None if split is None else str(split)


def json_lines(path: Path) -> list[tuple[int, str]]:
    """The non-blank lines of a JSON Lines file with their line numbers (from 1)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(
            str(path), f"cannot be read ({exc.strerror})", hint="check the path"
        ) from exc
    return [(number, line) for number, line in enumerate(lines, 1) if line.strip()]


def example_of(path: Path, number: int, line: str) -> Example:
    """The example written on line `number` of `path`."""
    try:
        data = json.loads(line)
        return Example(
            id=str(data.get("id", f"line-{number}")),
            text=str(data["text"]),
            labels=gold_labels(data.get("objectives", []), data.get("principles", [])),
            language=data.get("lang") or data.get("language"),
            weight=1 if data.get("source_doc") is None else DOCUMENT_WEIGHT,
            group=None if data.get("source_doc") is None else str(data["source_doc"]),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(
            str(path),
            f"line {number} is not a labelled paragraph ({type(exc).__name__}: {exc})",
            hint='each line must be a JSON object with "text", "objectives" and "principles"',
        ) from exc


def training_examples(framework: Framework | None = None) -> list[Example]:
    """The written examples of the framework's `examples` files (the GCM's unless another is
    given: three languages), in file order."""
    framework = framework or load_framework()
    if not framework.examples:
        raise FrameworkError(
            f"framework {framework.name} lists no training examples",
            hint='add examples = ["file.jsonl"] (relative to the framework file) under [framework]',
        )
    return [example for path in framework.examples for example in read_examples(path)]
