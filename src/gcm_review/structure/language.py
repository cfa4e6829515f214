"""Language of a paragraph and of a document: Arabic by script, Latin languages by stopwords."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from gcm_review.structure.textnorm import ARABIC_LETTERS, words

# Frequent function words that tell the Latin-script languages apart. Words shared by several of
# them ("de", "la", "en", "a", "que", "in") are left out on purpose: they only blur the counts.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        words(
            "the and of to is that for with was were by are had has this from which its their it "
            "an have been on be will not"
        )
    ),
    "fr": frozenset(
        words(
            "le les des du et est une qui dans pour sur au aux par avec ont cette sont ces pas été "
            "l d qu leur ils elle nous"
        )
    ),
    "es": frozenset(
        words(
            "el los las y del por con para una es su sus como más al lo fue han entre está sobre "
            "también"
        )
    ),
    "pt": frozenset(
        words("os do da dos das e em com uma não no na ao pelo pela são foi à também seu sua")
    ),
    "de": frozenset(
        words(
            "der die das und zu den von mit ist für auf sich dem nicht ein eine im auch werden "
            "wurde wir sie"
        )
    ),
}
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿœ]+")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_SAMPLE_CHARS = 500  # the opening of a long paragraph is enough to tell its language
_MIN_ARABIC_LETTERS = 8
_MIN_HITS = 2


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    arabic = len(ARABIC_LETTERS.findall(sample))
    if arabic >= _MIN_ARABIC_LETTERS and arabic >= len(_LATIN_LETTER.findall(sample)):
        return "ar"
    counts: Counter[str] = Counter()
    for word in _LATIN_WORD.findall(sample.lower()):
        for language, stopwords in _STOPWORDS.items():
            if word in stopwords:
                counts[language] += 1
    if not counts:
        return None
    (best, hits), *rest = counts.most_common(2) + [("", 0)]
    if hits < _MIN_HITS or hits == rest[0][1]:
        return None
    return best


def document_language(texts: Iterable[str]) -> str | None:
    """Majority language over paragraphs, each weighted by its length in characters."""
    return majority_language((detect_language(text), len(text)) for text in texts)


def majority_language(votes: Iterable[tuple[str | None, int]]) -> str | None:
    """The language with the largest total weight among (language, weight) votes."""
    weights: Counter[str] = Counter()
    for language, weight in votes:
        if language is not None:
            weights[language] += weight
    return weights.most_common(1)[0][0] if weights else None
