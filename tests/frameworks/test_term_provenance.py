"""No term of the GCM framework comes from the shared report or its gold file.

The shared gold file is a parsing and smoke test, not a source of terms: a term that matches in
the shared report or the gold file must also match in one of our own texts (the written examples,
the training split of the real-text corpus, or the framework's own official titles), which is
where our terms come from. The development split is not used: it measures the tagger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from gcm_review.frameworks import load_framework
from gcm_review.tagging.lexicon import compile_lexicon, lexicon_scores


def _jsonl_texts(path: Path, *, split: str | None = None) -> list[str]:
    """The texts of a JSON Lines file; with `split`, those of lines in that split or in none."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [row["text"] for row in rows if split is None or row.get("split", split) == split]


def _matched_terms(texts: Iterable[str]) -> set[str]:
    lexicon = compile_lexicon(load_framework())
    found: set[str] = set()
    for text in texts:
        for evidence in lexicon_scores(text, lexicon).values():
            found.update(evidence.matched)
    return found


def _own_texts() -> list[str]:
    framework = load_framework()
    texts = [t for path in framework.examples for t in _jsonl_texts(path, split="train")]
    for label in (*framework.objectives, *framework.principles):
        texts += label.titles.values()
    return texts


def test_no_term_is_found_only_in_the_shared_texts(shared_dir: Path) -> None:
    gold = shared_dir / "gold" / "arab-states-2021.jsonl"
    report = shared_dir / "corpus" / "arab-states-2021" / "outcome-report.txt"
    shared = _matched_terms([*_jsonl_texts(gold), report.read_text(encoding="utf-8")])
    only_shared = shared - _matched_terms(_own_texts())
    assert not only_shared, f"terms found only in the shared texts: {sorted(only_shared)[:20]}"
