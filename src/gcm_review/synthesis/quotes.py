"""Quotations cut for a draft: whole sentences, or cut at a word with an ellipsis, never mid-word.

The tagger's evidence sentence is at most `MAX_SENTENCE_CHARS` long (the sentence splitter cuts
longer ones wherever the limit falls); `quote` gives it back whole from its paragraph when it can,
and cuts what is still too long after a clause or a word, ending with "…".
"""

from __future__ import annotations

import re

from gcm_review.languages import clean_text

QUOTE_CHARS = 320  # a quotation longer than this is cut
ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?؟…](?:[\"”’»)]*)(?=\s|$)")
_FINAL = (".", "!", "?", "؟", "…", ";", ":", "»", '"', "”", "’", ")")
_CLAUSE_BREAK = re.compile(r"[,;:،؛]\s")
_CLAUSE_SHARE = 0.6  # cut after a clause when one ends past this share of the limit
_TRAILING = " ,;:،؛-–—("


def quote(sentence: str, *, paragraph: str | None = None, limit: int = QUOTE_CHARS) -> str:
    """The sentence whole when it fits, else cut after a clause or a word and ended with "…".

    A sentence that stops without a final mark is completed from its paragraph (when given and
    found in it) up to the sentence's end first.
    """
    text = clean_text(sentence)
    if paragraph and not text.endswith(_FINAL):
        text = _completed(text, clean_text(paragraph))
    if len(text) <= limit:
        return text
    return cut(text, limit)


def cut(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text's start, at most `limit` characters, ended after a clause or a word with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    clauses = [m.start() + 1 for m in _CLAUSE_BREAK.finditer(head)]
    if clauses and clauses[-1] >= limit * _CLAUSE_SHARE:
        end = clauses[-1]
    else:
        space = head.rfind(" ")
        end = space if space > 0 else limit
    return text[:end].rstrip(_TRAILING) + ELLIPSIS


def _completed(text: str, paragraph: str) -> str:
    """The text extended to the end of its sentence in the paragraph, when it is found there."""
    start = paragraph.find(text)
    if start < 0:
        return text
    match = _SENTENCE_END.search(paragraph, start + len(text))
    end = match.end() if match else len(paragraph)
    return paragraph[start:end]
