"""Mend words that extraction broke into pieces with tabs or spaces.

- Tab-split words, as in tables of contents: "Intro<TAB>ducti<TAB>on" becomes "Introduction",
  "Ke<TAB>y messages" becomes "Key messages". The pieces are joined when the joined string is a
  known word and not every piece is a word on its own. When the join is not a word, deleting one
  letter next to a seam may give a known word: "Chap<TAB>oter" becomes "Chapter" (garbled, the
  stray letter is dropped). Tabs between a title and its page numbers are left alone.
- A word fragment left at the end of a line after a tab ("... Migrat in the region ...<TAB>ion")
  goes back to the one cut word it completes ("Migration").
- Letter-spaced words from PDFs: "I n t r o d u c t i o n" becomes "Introduction"; letter runs
  separated by two or more spaces become separate words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.vocabulary import WORD, Vocabulary

LETTER_SPLIT = "letter-split"

_TAB_SPLIT = re.compile(r"[^\W\d_]+(?:\t[^\W\d_]+)+")
_TRAILING_FRAGMENT = re.compile(r"\t([^\W\d_]{2,6})\s*$")
_SPACED_LETTERS = re.compile(
    r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?:\s{2,}(?:[^\W\d_] )*[^\W\d_])*(?!\S)"
)


def _seam_fix(pieces: list[str], *, vocabulary: Vocabulary) -> str | None:
    """A known word from the joined pieces with one letter next to a seam deleted, if any."""
    joined = "".join(pieces)
    seam = 0
    for piece in pieces[:-1]:
        seam += len(piece)
        for index in (seam - 1, seam, seam + 1):
            candidate = joined[:index] + joined[index + 1 :]
            if 0 <= index < len(joined) and candidate.lower() in vocabulary.built_in:
                return candidate
    return None


def _mend_pieces(pieces: list[str], *, vocabulary: Vocabulary) -> str | None:
    """The word the pieces make, or None when they should stay apart."""
    if all(vocabulary.is_word(piece, min_count=2) for piece in pieces):
        return None
    joined = "".join(pieces)
    if vocabulary.is_word(joined):
        return joined
    return _seam_fix(pieces, vocabulary=vocabulary)


def _mend_run(run: str, *, vocabulary: Vocabulary) -> str:
    """Mend the tab-joined letter pieces of `run`, longest chains first, left to right."""
    pieces = run.split("\t")
    out: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start + 1, -1):
            word = _mend_pieces(pieces[start:end], vocabulary=vocabulary)
            if word is not None:
                out.append(word)
                start = end
                break
        else:
            out.append(pieces[start])
            start += 1
            continue
    return "\t".join(out)


def _replace_matches(
    text: str, matches: Iterable[re.Match[str]], mend: Callable[[str], str | None]
) -> tuple[str, list[TextEdit]]:
    """Replace each match by mend(match text) unless it returns None or the same text.

    Edit offsets refer to the text as it was just before each edit.
    """
    edits: list[TextEdit] = []
    out: list[str] = []
    position = 0
    shift = 0
    for match in matches:
        mended = mend(match.group())
        if mended is None or mended == match.group():
            continue
        edits.append(TextEdit(LETTER_SPLIT, match.start() + shift, match.group(), mended))
        shift += len(mended) - len(match.group())
        out.append(text[position : match.start()])
        out.append(mended)
        position = match.end()
    out.append(text[position:])
    return "".join(out), edits


def mend_tab_splits(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    """Join tab-split words in `text`; edits have offsets in the text as it was before each."""
    if "\t" not in text:
        return text, []
    return _replace_matches(
        text, _TAB_SPLIT.finditer(text), lambda run: _mend_run(run, vocabulary=vocabulary)
    )


def mend_trailing_fragment(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    """Put a fragment left after a final tab back on the one cut word it completes."""
    match = _TRAILING_FRAGMENT.search(text)
    if match is None or vocabulary.is_word(match.group(1), min_count=2):
        return text, []
    fragment = match.group(1)
    body = text[: match.start()]
    cut = [
        word
        for word in WORD.finditer(body)
        if not vocabulary.is_word(word.group(), min_count=2)
        and vocabulary.is_word(word.group() + fragment)
    ]
    if len({word.group() for word in cut}) != 1:
        return text, []
    word = cut[0]
    edits = [
        TextEdit(LETTER_SPLIT, match.start(), text[match.start() :]),
        TextEdit(LETTER_SPLIT, word.end(), "", fragment),
    ]
    return body[: word.end()] + fragment + body[word.end() :], edits


def _segment(letters: str, *, vocabulary: Vocabulary) -> str | None:
    """Split a run of letters into known words (fewest words), or None."""
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 20), end):
            head = best[start]
            piece = letters[start:end]
            if (
                head is not None
                and (len(piece) > 1 or piece in "aAIy")
                and vocabulary.is_word(piece)
            ):
                option = [*head, piece]
                current = best[end]
                if current is None or len(option) < len(current):
                    best[end] = option
    result = best[len(letters)]
    return " ".join(result) if result else None


def mend_spaced_letters(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    """Close up letter-spaced words ("I n t r o" style runs of four or more single letters)."""

    def close_up(run: str) -> str | None:
        words = ["".join(group.split(" ")) for group in re.split(r"\s{2,}", run)]
        if len(words) == 1 and not vocabulary.is_word(words[0]):
            segmented = _segment(words[0], vocabulary=vocabulary)
            if segmented is None:
                return None
            words = [segmented]
        return " ".join(words)

    return _replace_matches(text, _SPACED_LETTERS.finditer(text), close_up)


def mend_letter_splits(text: str, *, vocabulary: Vocabulary) -> tuple[str, list[TextEdit]]:
    """All three mends in order; edit offsets refer to the text just before each edit."""
    edits: list[TextEdit] = []
    for mend in (mend_tab_splits, mend_trailing_fragment, mend_spaced_letters):
        text, more = mend(text, vocabulary=vocabulary)
        edits.extend(more)
    return text, edits
