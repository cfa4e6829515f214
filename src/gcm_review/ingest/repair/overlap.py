"""Join a paragraph to the next one when the next starts again with the words the first ends with.

Extraction sometimes repeats the end of a page at the top of the next block (the same run of
words on both sides of a blank line). That repeated run is evidence that the two blocks are one
paragraph: they are joined and the run is kept once ("duplicate-overlap").
"""

from __future__ import annotations

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.lines import Draft
from gcm_review.ingest.repair.reflow import starts_paragraph

DUPLICATE_OVERLAP = "duplicate-overlap"

MIN_WORDS = 4
MIN_CHARS = 20
MAX_WORDS = 80


def overlap_length(first: str, second: str) -> int:
    """Number of words that end `first` and start `second` again (0 when under the minimum).

    The overlap must leave at least one word of `first` before it.
    """
    tail = first.split()
    head = second.split()
    longest = min(len(tail) - 1, len(head), MAX_WORDS)
    for size in range(longest, MIN_WORDS - 1, -1):
        if tail[-size:] == head[:size] and len(" ".join(head[:size])) >= MIN_CHARS:
            return size
    return 0


def _duplicated_prefix(text: str, words: int) -> str:
    """The first `words` words of `text` with the whitespace after them."""
    position = 0
    for _ in range(words):
        while text[position].isspace():
            position += 1
        while position < len(text) and not text[position].isspace():
            position += 1
    end = position
    while end < len(text) and text[end].isspace():
        end += 1
    return text[:end]


def join_overlaps(drafts: list[Draft]) -> tuple[list[Draft], list[tuple[int, TextEdit]]]:
    """Join overlapping neighbours; return the drafts and (draft index, edit) pairs.

    An edit's offset is where the removed run starts in the text "first + ' ' + second".
    """
    out: list[Draft] = []
    edits: list[tuple[int, TextEdit]] = []
    for draft in drafts:
        previous = out[-1] if out else None
        size = 0
        if (
            previous is not None
            and previous.from_lines
            and draft.from_lines
            and previous.kind == draft.kind == "text"
            and not starts_paragraph(draft.text)
        ):
            size = overlap_length(previous.text, draft.text)
        if previous is None or size == 0:
            out.append(draft)
            continue
        removed = _duplicated_prefix(draft.text, size)
        offset = len(previous.text) + 1
        edits.append((len(out) - 1, TextEdit(DUPLICATE_OVERLAP, offset, removed)))
        shift = offset - len(removed)
        starts = tuple(
            (max(offset, start + shift), block, page) for start, block, page in draft.starts
        )
        out[-1] = Draft(
            text=f"{previous.text} {draft.text[len(removed) :]}",
            starts=(*previous.starts, *starts),
        )
    return out, edits
