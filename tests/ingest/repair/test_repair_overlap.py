from __future__ import annotations

from repair_builders import document, text_lines

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.edits import apply_edits
from gcm_review.ingest.repair.lines import Draft
from gcm_review.ingest.repair.overlap import DUPLICATE_OVERLAP, join_overlaps, overlap_length

FIRST = "25. The country set priorities; opt ensuring financial inclusion to guarantee the"
SECOND = "ensuring financial inclusion to guarantee the flow of remittances home."


def test_overlap_length_counts_repeated_words() -> None:
    assert overlap_length(FIRST, SECOND) == 6
    assert overlap_length("one two three four", "five six") == 0
    assert overlap_length("a b c d e", "b c d e f") == 0  # under 20 characters


def test_overlap_joined_once_and_recorded() -> None:
    result = repair(document(text_lines(f"{FIRST}\n\n{SECOND}\n\n26. Next.")))
    texts = [block.text for block in result.blocks]
    assert texts == [
        "25. The country set priorities; opt ensuring financial inclusion to guarantee the "
        "flow of remittances home.",
        "26. Next.",
    ]
    (item,) = result.repairs
    assert item.kind == DUPLICATE_OVERLAP
    assert item.block == 0
    assert item.removed == "ensuring financial inclusion to guarantee the "
    assert item.offset == len(FIRST) + 1


def test_edit_replays_on_the_joined_text() -> None:
    drafts = [
        Draft(FIRST, ((0, 0, 3),)),
        Draft(SECOND, ((0, 1, 4),)),
    ]
    joined, edits = join_overlaps(drafts)
    ((index, edit),) = edits
    assert apply_edits(f"{FIRST} {SECOND}", [edit]) == joined[index].text
    assert joined[0].page_at(len(FIRST) + 5) == 4
    assert joined[0].page_at(3) == 3


def test_numbered_paragraph_never_joined() -> None:
    first = "He said the fund would support all the member States of the region"
    second = "12. the member States of the region agreed."
    assert len(repair(document(text_lines(f"{first}\n\n{second}"))).blocks) == 2


def test_overlap_must_leave_a_word_before_it() -> None:
    heading = "Migrant children and young people"
    body = "Migrant children and young people face many risks."
    assert len(repair(document(text_lines(f"{heading}\n\n{body}"))).blocks) == 2
