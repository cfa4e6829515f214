from __future__ import annotations

from collections import Counter

from repair_builders import document, pdf_lines, text_lines

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.hyphenation import HYPHENATION, join_hyphenated, keeps_hyphen
from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.vocabulary import Vocabulary

VOCABULARY = Vocabulary(counts=Counter({"decision": 3, "making": 2, "development": 1}))


def _always(_previous: Line, _line: Line) -> bool:
    return True


def test_soft_hyphen_joined_and_recorded() -> None:
    lines = [Line("sustainable develop-", 0, 1, None), Line("ment of the region", 1, 1, 0.0)]
    out, edits = join_hyphenated(lines, vocabulary=VOCABULARY, continues=_always)
    assert [line.text for line in out] == ["sustainable development", "of the region"]
    assert out[1].glued
    assert [(line.block, edit.kind, edit.offset, edit.removed) for line, edit in edits] == [
        (0, HYPHENATION, 19, "-\n")
    ]


def test_unknown_split_word_is_joined_by_default() -> None:
    assert not keeps_hyphen("protec", "tion", vocabulary=VOCABULARY)
    assert not keeps_hyphen("infor", "mation", vocabulary=VOCABULARY)


def test_compounds_keep_their_hyphen() -> None:
    assert keeps_hyphen("well", "being", vocabulary=VOCABULARY)
    assert keeps_hyphen("cross", "regional", vocabulary=VOCABULARY)
    assert keeps_hyphen("decision", "making", vocabulary=VOCABULARY)
    lines = [Line("their well-", 0, 1, None), Line("being matters", 1, 1, 0.0)]
    out, edits = join_hyphenated(lines, vocabulary=VOCABULARY, continues=_always)
    assert [line.text for line in out] == ["their well-being", "matters"]
    assert edits == []


def test_capitalised_continuation_not_joined() -> None:
    lines = [Line("the COVID-", 0, 1, None), Line("Nineteen response", 1, 1, 0.0)]
    out, edits = join_hyphenated(lines, vocabulary=VOCABULARY, continues=_always)
    assert out == lines
    assert edits == []


def test_whole_next_line_moved_up() -> None:
    lines = [Line("a commu-", 0, 1, None), Line("nity.", 1, 1, 0.0)]
    out, _edits = join_hyphenated(lines, vocabulary=VOCABULARY, continues=_always)
    assert [line.text for line in out] == ["a community."]


def test_not_joined_across_a_blank_line_in_text() -> None:
    result = repair(document(text_lines("Ensure employ-\n\nment of all.")))
    assert [block.text for block in result.blocks] == ["Ensure employ-", "ment of all."]
    assert result.repairs == ()


def test_joined_across_a_page_break_in_pdf() -> None:
    pages: list[list[str | tuple[str, float]]] = [
        ["Members discussed the develop-"],
        ["ment of national plans."],
    ]
    result = repair(document(pdf_lines(pages), format="pdf"))
    assert [block.text for block in result.blocks] == [
        "Members discussed the development of national plans."
    ]
    assert [(item.kind, item.block, item.page) for item in result.repairs] == [
        (HYPHENATION, 0, 1),
        ("page-join", 0, 2),
    ]
