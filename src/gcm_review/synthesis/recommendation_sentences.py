"""Whole sentences for recommendations: sentences cut at a page or line break are rejoined with
their continuation, and pieces that cannot be made whole are marked as fragments.

A paragraph's last sentence is cut when it does not end with a sentence or list-item mark
(. ! ? ; … ؟ ؛ :); sentences are never cut at the splitter's length limit. A cut sentence is
rejoined with the next paragraph of the same document and section when that paragraph opens in
lower case (a continuation) and the cut falls between whole words: the last word of the cut
piece occurs elsewhere in the document (so "employment-", "wor" or "ad", a word cut in two by a
missing page, is not rejoined), and a speaker's introduction ("Mr. Al Qaffa, Deputy Director of
the Ministry of Foreign") is not glued to text that never says what the speaker did.

A sentence is whole when it opens as a sentence does (a capital, a digit, a letter of a script
without case; any letter in a bullet or after a list number, as in "(c) ensure ...") and ends with
one of the marks above. In a section that is a list without punctuation (most of its paragraphs
one sentence long, ending with no mark), a missing end mark is not a cut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from gcm_review.languages import clean_text, split_sentences
from gcm_review.synthesis.records import ReviewParagraph
from gcm_review.synthesis.statements import matching_form

END_MARKS = ".!?;…؟؛:。"
MAX_JOINED = 3  # paragraphs one sentence may run across
MAX_ITEMS = 30  # items of one list looked through for its lead-in
_COMMITMENTS = re.compile(
    r"\b(?:priorit\w*|commit\w*|pledg\w*|will|next steps|engage\w*|retient|s'engage)\b"
)
_CLOSING = " \t\"'”’»)]"
_OPENING = re.compile(
    r"^\s*(?:[-–—•*·▪◦>]+\s*|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)]\s*)*[\"'“‘«(\[]*"
)
_MARKER = re.compile(r"^\s*(?:[-–—•*·▪◦>]|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)])\s*")
_WORD = re.compile(r"\w+", re.UNICODE)
_HONORIFIC = re.compile(
    r"(?:Mr|Ms|Mrs|Dr|Prof|Professor|Ambassador|H\.\s?E|Her Excellency|His Excellency)\b"
)
_REPORTING_VERB = re.compile(r"\b(?:\w+(?<!e)ed|said|says|spoke|gave|made|told|took|put)\b")
_LAST_WORD = re.compile(r"(\w+)(-?)\W*$", re.UNICODE)


@dataclass(frozen=True)
class SentencePiece:
    """A sentence of a paragraph, rejoined with its continuation when it was cut."""

    paragraph_id: int
    text: str
    whole: bool
    item: bool  # its paragraph is a bullet or holds this one sentence only (a list item)
    continued_in: tuple[int, ...] = ()  # the paragraphs its rejoined continuation came from
    under_commitments: bool = False  # an item of a list the speaker's own priorities introduce


def sentence_pieces(paragraphs: Sequence[ReviewParagraph]) -> Iterator[SentencePiece]:
    """Every sentence of the paragraphs, document by document in reading order."""
    ordered = sorted(paragraphs, key=lambda p: (p.document_id, p.seq))
    for _, group in groupby(ordered, key=lambda p: p.document_id):
        yield from _document_pieces(list(group))


def _document_pieces(paragraphs: list[ReviewParagraph]) -> Iterator[SentencePiece]:
    words = Counter(w.casefold() for p in paragraphs for w in _WORD.findall(p.text))
    unpunctuated = _unpunctuated_sections(paragraphs)
    sentences = [full_sentences(p.text) for p in paragraphs]
    consumed: set[int] = set()  # paragraphs whose first sentence ended an earlier one
    for index, paragraph in enumerate(paragraphs):
        own = sentences[index][1:] if paragraph.id in consumed else sentences[index]
        loose = paragraph.section in unpunctuated
        bullet = paragraph.kind == "bullet"
        item = bullet or len(sentences[index]) == 1
        pledged = item and _under_commitments(paragraphs, sentences, index)
        for position, sentence in enumerate(own):
            last = position == len(own) - 1
            if last and not bullet and not _terminated(sentence):
                joined, used = _rejoin(paragraphs, sentences, index, sentence, words)
                if used:
                    consumed.update(used)
                    whole = _whole(joined, loose=False, listed=False)
                    yield SentencePiece(paragraph.id, joined, whole, False, used)
                    continue
            whole = _whole(sentence, loose=loose, listed=bullet)
            yield SentencePiece(paragraph.id, sentence, whole, item, under_commitments=pledged)


def _under_commitments(
    paragraphs: list[ReviewParagraph], sentences: list[list[str]], index: int
) -> bool:
    """Whether the list holding this item was introduced (a line ending with a colon, above the
    items before it) as the speaker's own priorities or commitments."""
    section = paragraphs[index].section
    if paragraphs[index].text.rstrip().endswith(":"):
        return False  # a lead-in itself
    for before in range(index - 1, max(index - 1 - MAX_ITEMS, -1), -1):
        paragraph = paragraphs[before]
        if paragraph.section != section:
            return False
        if paragraph.text.rstrip().endswith(":"):
            return bool(_COMMITMENTS.search(matching_form(paragraph.text)))
        if not (paragraph.kind == "bullet" or len(sentences[before]) == 1):
            return False
    return False


def full_sentences(text: str) -> list[str]:
    """The sentences of a text as `split_sentences` finds them, but never cut at its length
    limit: a recommendation is quoted whole."""
    cleaned = clean_text(text)
    pieces = split_sentences(cleaned)
    starts: list[int] = []
    cursor = 0
    for piece in pieces:
        found = cleaned.find(piece, cursor)
        if found < 0:
            return pieces
        starts.append(found)
        cursor = found + len(piece)
    ends = [*starts[1:], len(cleaned)]
    return [cleaned[start:end].strip() for start, end in zip(starts, ends, strict=True)]


def _rejoin(
    paragraphs: list[ReviewParagraph],
    sentences: list[list[str]],
    index: int,
    sentence: str,
    words: Counter[str],
) -> tuple[str, tuple[int, ...]]:
    """The sentence joined with its continuation(s), and the paragraphs they came from."""
    text, used = sentence, []
    for following in range(index + 1, min(index + 1 + MAX_JOINED, len(paragraphs))):
        after = paragraphs[following]
        pieces = sentences[following]
        if not pieces or after.section != paragraphs[index].section or after.kind == "bullet":
            break
        if not _continues(pieces[0]) or not _ends_with_known_word(text, words):
            break
        if _speaker_without_verb(f"{text} {pieces[0]}"):
            break  # a speaker's introduction glued to text from a missing page
        text = f"{text} {pieces[0]}"
        used.append(after.id)
        if len(pieces) > 1 or _terminated(pieces[0]):
            break
    return text, tuple(used)


def _speaker_without_verb(sentence: str) -> bool:
    """A sentence naming a speaker ("Mr. Al Qaffa, Deputy Director of ...") that never says
    what they did: its two halves do not belong together."""
    text = _OPENING.sub("", sentence, count=1)
    return bool(_HONORIFIC.match(text)) and not _REPORTING_VERB.search(text)


def _continues(sentence: str) -> bool:
    """Whether a paragraph opening carries on a sentence: its first letter is lower case."""
    stripped = sentence.lstrip(" \t\"'“‘«(")
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def _ends_with_known_word(text: str, words: Counter[str]) -> bool:
    match = _LAST_WORD.search(text)
    if match is None or match.group(2):  # ends in a hyphen: a word cut in two
        return False
    return words[match.group(1).casefold()] >= 2


def _terminated(sentence: str) -> bool:
    stripped = sentence.rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in END_MARKS


def _opens_as_sentence(sentence: str, *, listed: bool) -> bool:
    """Opens with a capital, a digit or a letter without case; or with any letter after a
    bullet or a list number ("(c) ensure ..."), or in a bullet (`listed`)."""
    cleaned = clean_text(sentence)
    text = _OPENING.sub("", cleaned, count=1)
    first = next((ch for ch in text if ch.isalnum()), "")
    if not first:
        return False
    listed = listed or _MARKER.match(cleaned) is not None
    return listed or first.isdigit() or first.isupper() or not first.islower()


def _whole(sentence: str, *, loose: bool, listed: bool) -> bool:
    return _opens_as_sentence(sentence, listed=listed) and (loose or _terminated(sentence))


def _unpunctuated_sections(paragraphs: list[ReviewParagraph]) -> set[tuple[str, ...]]:
    """Sections that are lists without punctuation: three paragraphs or more, most of them one
    sentence long and most ending with no end mark at all."""
    ends: dict[tuple[str, ...], list[tuple[bool, bool]]] = {}
    for paragraph in paragraphs:
        item = len(split_sentences(paragraph.text)) == 1
        ends.setdefault(paragraph.section, []).append((_terminated(paragraph.text), item))
    return {
        section
        for section, marks in ends.items()
        if len(marks) >= 3
        and 2 * sum(ended for ended, _ in marks) < len(marks)
        and 2 * sum(item for _, item in marks) > len(marks)
    }
