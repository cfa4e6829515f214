"""The repair stage on the real 2021 Arab States outcome report, read in place."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

import pytest

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.garbage import remove_garbage
from gcm_review.ingest.repair.vocabulary import document_vocabulary
from gcm_review.ingest.text_reader import read_text
from gcm_review.model import Block, RepairedDocument, SourceDocument

NUMBERED = re.compile(r"^(?:- )?\d{1,3}\.\s")


def _blocks(path: Path) -> tuple[Block, ...]:
    """Line blocks exactly as the text reader makes them."""
    return read_text(path.read_bytes(), path=path).blocks


@pytest.fixture(scope="module")
def source(arab_states_report: Path) -> SourceDocument:
    return SourceDocument(
        path=str(arab_states_report),
        name=arab_states_report.name,
        sha256="0" * 64,
        format="text",
        blocks=_blocks(arab_states_report),
    )


@pytest.fixture(scope="module")
def repaired(source: SourceDocument) -> RepairedDocument:
    return repair(source)


def _starting(repaired: RepairedDocument, number: str) -> str:
    (text,) = [block.text for block in repaired.blocks if block.text.startswith(number + " ")]
    return text


def test_both_garbage_runs_removed_and_recorded(
    source: SourceDocument, repaired: RepairedDocument
) -> None:
    runs = [item for item in repaired.repairs if item.kind == "content-stream-garbage"]
    assert len(runs) == 2
    yemen, jordan = runs
    assert source.blocks[yemen.block].text.startswith("29.")
    assert source.blocks[jordan.block].text.startswith("30.")
    for item in runs:
        assert item.removed.strip() in source.blocks[item.block].text
    assert yemen.removed.split()[0] == "attactive"
    assert yemen.removed.count("(vial)") == 5
    assert jordan.removed.endswith("TJETQq0.97(de)he")
    everything = " ".join(block.text for block in repaired.blocks)
    for token in ("(vial)", "duig", "attactive", "TJETQq0.97(de)he", "(sr)-3(ac)s", "(via"):
        assert token not in everything


def test_prose_around_the_garbage_kept(source: SourceDocument, repaired: RepairedDocument) -> None:
    yemen = _starting(repaired, "29.")
    assert "technical abroad, and exempting" in yemen
    assert yemen.endswith("regular migration.")
    jordan = _starting(repaired, "30.")
    assert jordan.endswith("a decent")
    (yemen_run,) = [
        item
        for item in repaired.repairs
        if item.kind == "content-stream-garbage" and "(x)" in item.removed
    ]
    original = source.blocks[yemen_run.block].text
    assert len(yemen.split()) == len(original.split()) - len(yemen_run.removed.split())


def test_table_of_contents_letter_splits_repaired(repaired: RepairedDocument) -> None:
    texts = [block.text for block in repaired.blocks]
    assert "Introduction\t1-9\t3" in texts
    assert "Chapter" in texts
    assert "I.\tKey messages\t10\t4" in texts
    assert "Paragraphs\tPage" in texts
    splits = [item for item in repaired.repairs if item.kind == "letter-split"]
    assert [item.inserted for item in splits[:3]] == ["Introduction", "Chapter", "Key"]


def test_egypt_overlap_joined_once(source: SourceDocument, repaired: RepairedDocument) -> None:
    (overlap,) = [item for item in repaired.repairs if item.kind == "duplicate-overlap"]
    assert source.blocks[overlap.block].text.startswith("25.")
    egypt = _starting(repaired, "25.")
    duplicated = overlap.removed.strip()
    assert len(duplicated.split()) >= 10
    assert egypt.count(duplicated) == 1
    assert egypt.endswith("of the pandemic.")
    assert not any(block.text.startswith(duplicated) for block in repaired.blocks)


def test_numbered_paragraphs_still_start_their_own_blocks(
    source: SourceDocument, repaired: RepairedDocument
) -> None:
    starts = [block.text for block in source.blocks if NUMBERED.match(block.text)]
    assert len(starts) > 30
    heads = Counter(block.text[:40] for block in repaired.blocks)
    for text in starts:
        assert heads[text.strip()[:40]] >= 1, text[:20]
    assert _starting(repaired, "- 42.")
    assert _starting(repaired, "23.")


def test_fragment_blocks_not_glued_to_other_speakers(repaired: RepairedDocument) -> None:
    # pages are missing: a paragraph cut mid-sentence stays apart from the fragment after it
    iraq = _starting(repaired, "23.")
    assert iraq.endswith("among others. She")
    assert any(block.text.startswith("positive results achieved") for block in repaired.blocks)


def test_no_line_lost_words_except_recorded_repairs(
    source: SourceDocument, repaired: RepairedDocument
) -> None:
    before = " ".join(block.text for block in source.blocks).split()
    after = " ".join(block.text for block in repaired.blocks).split()
    recorded = " ".join(item.removed for item in repaired.repairs)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in {"delete", "replace"}:
            kept = " ".join(after[j1:j2])
            for word in before[i1:i2]:
                # a lost word was recorded whole, or its tail was (garbage glued to a word)
                assert word in recorded or any(
                    word[cut:] in recorded and word[:cut] in kept for cut in range(1, len(word))
                ), word
    assert len(before) - len(after) < 120


def test_garbage_filter_loses_nothing_else_line_by_line(source: SourceDocument) -> None:
    vocabulary = document_vocabulary(block.text for block in source.blocks)
    changed = []
    for block in source.blocks:
        cleaned, edits = remove_garbage(block.text, vocabulary=vocabulary)
        if len(cleaned.split()) != len(block.text.split()) or edits:
            changed.append(block.text[:3])
    assert changed == ["29.", "30."]


def test_every_repair_points_at_an_input_block(
    source: SourceDocument, repaired: RepairedDocument
) -> None:
    assert repaired.source is source
    for item in repaired.repairs:
        assert 0 <= item.block < len(source.blocks)
        assert item.offset is not None and item.offset >= 0
    assert {item.kind for item in repaired.repairs} == {
        "content-stream-garbage",
        "letter-split",
        "duplicate-overlap",
    }
