"""Join words hyphenated across a line break: "develop-" + "ment of" becomes "development" + "of".

The continuation moves up to the line with the hyphen and the next line is marked `glued`, so
reflow joins the two lines even across a page break. A real compound ("well-" + "being", or two
words that are words on their own such as "decision-" + "making") keeps its hyphen.

pypdfium2 joins some hyphenated line pairs itself and leaves U+FFFE where the hyphen was
("Migra\ufffetion"); the gap it reports for the following line then counts the swallowed line
as a blank one. `open_pdfium_hyphens` removes the marker (or makes it "-" in a compound) and
takes that line back out of the next gap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.vocabulary import Vocabulary

HYPHENATION = "hyphenation"

_COMPOUND_PREFIXES_TEXT = """
    anti co counter cross cross-border ex extra gender child inter intra long macro
    micro mid multi non over post pre pro re self semi short socio sub super trans ultra
    under well wide world full high low large small"""
COMPOUND_PREFIXES = frozenset(_COMPOUND_PREFIXES_TEXT.split())

PDFIUM_HYPHEN = "\ufffe"

_MARKED_BREAK = re.compile(f"([^\\W\\d_]*){PDFIUM_HYPHEN}([^\\W\\d_]*)")
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")
_CONTINUATION = re.compile(r"^\s*([^\W\d_]+)(\S*)")


def keeps_hyphen(prefix: str, rest: str, *, vocabulary: Vocabulary) -> bool:
    """True when "prefix-" + "rest" is a compound that keeps its hyphen."""
    joined = prefix + rest
    if vocabulary.is_word(joined):
        return False
    if prefix.lower() in COMPOUND_PREFIXES:
        return True
    return (
        len(prefix) > 1
        and len(rest) > 1
        and vocabulary.is_word(prefix, min_count=2)
        and vocabulary.is_word(rest, min_count=2)
    )


def join_hyphenated(
    lines: list[Line],
    *,
    vocabulary: Vocabulary,
    continues: Callable[[Line, Line], bool],
) -> tuple[list[Line], list[tuple[Line, TextEdit]]]:
    """Move word continuations up to hyphenated line ends.

    `continues(previous, line)` says whether `line` may belong to the paragraph of `previous`
    (small gap, or the top of the next page). Only a continuation starting lowercase is joined.
    Each edit's offset is the hyphen's position in the text of the line that had it.
    """
    out: list[Line] = []
    edits: list[tuple[Line, TextEdit]] = []
    for line in lines:
        previous = out[-1] if out else None
        head_text = previous.text.rstrip() if previous else ""
        broken = _BROKEN_WORD.search(head_text) if head_text.endswith("-") else None
        follow = _CONTINUATION.match(line.text)
        if (
            previous is None
            or broken is None
            or follow is None
            or not follow.group(1)[0].islower()
            or not continues(previous, line)
        ):
            out.append(line)
            continue
        head = previous.text.rstrip()
        rest, trailing = follow.group(1), follow.group(2)
        remainder = line.text[follow.end() :].lstrip()
        if keeps_hyphen(broken.group(1), rest, vocabulary=vocabulary):
            out[-1] = replace(previous, text=head + rest + trailing)
        else:
            out[-1] = replace(previous, text=head[:-1] + rest + trailing)
            edits.append((previous, TextEdit(HYPHENATION, len(head) - 1, "-\n")))
        if remainder:
            out.append(replace(line, text=remainder, glued=True))
    return out, edits


def _open_marks(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    edits: list[TextEdit] = []
    while (mark := _MARKED_BREAK.search(text)) is not None:
        prefix, rest = mark.group(1), mark.group(2)
        keep = bool(prefix and rest) and keeps_hyphen(prefix, rest, vocabulary=vocabulary)
        inserted = "-" if keep else ""
        offset = mark.start() + len(prefix)
        edits.append(TextEdit(HYPHENATION, offset, PDFIUM_HYPHEN, inserted))
        text = text[:offset] + inserted + text[offset + 1 :]
    return text, edits


def open_pdfium_hyphens(
    lines: list[Line], *, vocabulary: Vocabulary
) -> tuple[list[Line], list[tuple[Line, TextEdit]]]:
    """Resolve pypdfium2's U+FFFE hyphen marks; each edit's offset is in the marked line."""
    out: list[Line] = []
    edits: list[tuple[Line, TextEdit]] = []
    swallowed = 0
    for line in lines:
        if swallowed and line.gap is not None:
            line = replace(line, gap=max(0.0, line.gap - swallowed))
        swallowed = 0
        if PDFIUM_HYPHEN in line.text:
            text, marks = _open_marks(line.text, vocabulary=vocabulary)
            edits.extend((line, edit) for edit in marks)
            swallowed = len(marks)
            line = replace(line, text=text)
        out.append(line)
    return out, edits
