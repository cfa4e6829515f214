"""Core entry points: a trained tagger, and its scores against an annotated file.

Tagging the stored documents with it is workflows.tagging.tag_documents.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from gcm_review.embed import CachedEmbedder, get_embedder
from gcm_review.errors import InvalidLabel
from gcm_review.frameworks import DEFAULT_FRAMEWORK, Framework, load_framework
from gcm_review.frameworks.labels import framework_labels, label_hint
from gcm_review.tagging.evaluate import evaluate_predictions, group_scores, inputs_of
from gcm_review.tagging.examples import Example, training_examples
from gcm_review.tagging.features import GROUPS
from gcm_review.tagging.gold import Conditions, GoldItem, check_fields, field_value, read_gold
from gcm_review.tagging.tagger import NAME as TAGGER_NAME
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.tagging.training import train_tagger

ABLATIONS: dict[str, tuple[str, ...]] = {
    "explicit only": ("explicit",),
    "lexicon only": ("lexicon",),
    "semantic only": ("semantic",),
    "words only": ("words",),
    "explicit + lexicon": ("explicit", "lexicon"),
    "all": GROUPS,
}


def load_tagger(
    *,
    embedder: str,
    cache_path: Path | None,
    framework: str = DEFAULT_FRAMEWORK,
    groups: Collection[str] = GROUPS,
    feedback: Sequence[Example] = (),
    probe_embedder: str = "",
) -> GcmTagger:
    """Train the tagger on the framework's examples, with a vector cache in front of the embedder.

    `feedback` adds paragraphs analysts reviewed (workflows.feedback.feedback_examples);
    `probe_embedder` names a second embedder for one more probe ("": none; second_probe.py).
    """
    cached = CachedEmbedder(get_embedder(embedder), path=cache_path)
    second = (
        CachedEmbedder(get_embedder(probe_embedder), path=cache_path) if probe_embedder else None
    )
    loaded = load_framework(framework)
    return train_tagger(
        loaded,
        cached,
        training_examples(loaded),
        groups=groups,
        feedback=feedback,
        probe_embedder=second,
    )


def evaluate_file(
    path: Path | Sequence[Path],
    *,
    embedder: str,
    cache_path: Path | None,
    ablation: bool = True,
    framework: str = DEFAULT_FRAMEWORK,
    where: Conditions | None = None,
    by: Sequence[str] = (),
    probe_embedder: str = "",
) -> dict[str, Any]:
    """Tag the texts of annotated JSONL files and score the tags (plus per-tagger ablation).

    `path` is one file or several files and folders (a folder: its *.jsonl files). Only the lines
    that meet `where` are scored (gold.parse_where); each field of `by` adds the scores per value
    of that field under report["by"][field]. The labels are those of `framework` (a packaged name
    or a framework file's path).
    """
    paths = [path] if isinstance(path, Path) else list(path)
    items = read_gold(paths, where)
    shown = ", ".join(str(p) for p in paths)
    check_fields(shown, items, by)
    _check_labels(shown, [item.example for item in items], load_framework(framework))
    report: dict[str, Any] = {}
    variants = ABLATIONS if ablation else {"all": GROUPS}
    for name, groups in variants.items():
        tagger = load_tagger(
            embedder=embedder,
            cache_path=cache_path,
            framework=framework,
            groups=groups,
            probe_embedder=probe_embedder,
        )
        result = score_items(tagger, items, by=by if name == "all" else ())
        report.setdefault("ablation", {})[name] = {
            "objectives": {
                **result["objectives"]["micro"],
                "macro_f1": result["objectives"]["macro"]["f1"],
            },
            "principles": result["principles"]["micro"],
        }
        if name == "all":
            report.update(result)
    report["tagger"] = TAGGER_NAME
    report["embedder"] = embedder
    report["probe_embedder"] = probe_embedder or None
    report["where"] = {field: sorted(values) for field, values in (where or {}).items()}
    return report


def score_items(
    tagger: GcmTagger, items: Sequence[GoldItem], *, by: Sequence[str] = ()
) -> dict[str, Any]:
    """The tagger's scores on annotated paragraphs, overall and per value of each `by` field."""
    examples = [item.example for item in items]
    predicted = [
        frozenset(tag.label for tag in tags if tag.decided)
        for tags in tagger.tag(inputs_of(examples))
    ]
    result = evaluate_predictions(examples, predicted, tagger.space.labels)
    if by:
        result["by"] = {
            field: group_scores(
                examples,
                predicted,
                tagger.space.labels,
                [field_value(item.fields, field) for item in items],
            )
            for field in by
        }
    return result


def _check_labels(path: str, examples: Sequence[Example], framework: Framework) -> None:
    """Refuse a gold label the framework does not have (its scores would mean nothing)."""
    known = set(framework_labels(framework))
    for example in examples:
        unknown = sorted(example.labels - known)
        if unknown:
            raise InvalidLabel(
                f"{path}: paragraph {example.id} has the label {unknown[0]!r}, which framework "
                f"{framework.name} does not have",
                hint=label_hint(framework),
            )
