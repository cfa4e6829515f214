"""Sentence splitting and the text normalisation used for term matching (three languages)."""

from __future__ import annotations

import re

from gcm_review.structure.textnorm import clean_text, fold_arabic, has_arabic_script

# A sentence ends at . ! ? ؟ ; or the Arabic full stop, followed by space and a capital, a digit,
# an opening quote or an Arabic letter. Abbreviations such as "Mr." and "Dr." are protected.
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E|St|No|Nos|Art|e\.g|i\.e|M|Mme|cf|vs)\.$")
_BOUNDARY = re.compile(r"(?<=[.!?؟;۔])\s+(?=[\"“'(A-ZÀ-Ý0-9\u0600-\u06ff])")
MAX_SENTENCE_CHARS = 600


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, in order (long ones cut at MAX_SENTENCE_CHARS)."""
    text = clean_text(text)
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()]
        if _ABBREVIATIONS.search(candidate):
            continue
        sentences.append(candidate)
        start = match.end()
    sentences.append(text[start:])
    return [piece[:MAX_SENTENCE_CHARS] for piece in sentences if piece.strip()]


def normalise_for_matching(text: str) -> str:
    """Casefolded text with Arabic letters folded and hyphens as spaces, for term matching."""
    text = clean_text(text).casefold().replace("’", "'")
    text = re.sub(r"[-‐‑–]", " ", text)
    return fold_arabic(text) if has_arabic_script(text) else text
