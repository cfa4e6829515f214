"""Language of a paragraph and of a document: by script where a script has one known language,
else by counting each language's stopwords. Every known language file takes part."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from gcm_review.languages.registry import LanguageSet, known_languages
from gcm_review.languages.script import LATIN_LETTERS

SAMPLE_CHARS = 500  # the opening of a long paragraph is enough to tell its language
MIN_SCRIPT_LETTERS = 8  # letters of a non-Latin script needed to decide by script
MIN_HITS = 2  # stopwords needed to decide by stopwords


@dataclass(frozen=True)
class _Detector:
    """What detection needs from the known languages, compiled once per set of languages."""

    latin_letter: re.Pattern[str]
    # non-Latin scripts: their letter pattern, and their languages (decided by script when one)
    scripts: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    word: re.Pattern[str] | None
    stopwords: dict[str, tuple[str, ...]]  # word -> the languages it is a stopword of


def detect_language(text: str, *, languages: LanguageSet | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    detector = _detector(languages or known_languages())
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii():
        by_script = _by_script(sample, detector)
        if by_script is not None:
            return by_script
    return _by_stopwords(sample, detector, None)


def document_language(texts: Iterable[str], *, languages: LanguageSet | None = None) -> str | None:
    """Majority language over paragraphs, each weighted by its length in characters."""
    return majority_language(
        (detect_language(text, languages=languages), len(text)) for text in texts
    )


def majority_language(votes: Iterable[tuple[str | None, int]]) -> str | None:
    """The language with the largest total weight among (language, weight) votes."""
    weights: Counter[str] = Counter()
    for language, weight in votes:
        if language is not None:
            weights[language] += weight
    return weights.most_common(1)[0][0] if weights else None


def _by_script(sample: str, detector: _Detector) -> str | None:
    """The language of the non-Latin script with the most letters, when it has enough of them
    and no fewer than the Latin letters; stopwords decide between languages of that script."""
    best: tuple[int, tuple[str, ...]] = (0, ())
    for letter, codes in detector.scripts:
        count = len(letter.findall(sample))
        if count >= MIN_SCRIPT_LETTERS and count > best[0]:
            best = (count, codes)
    count, codes = best
    if not codes or count < len(detector.latin_letter.findall(sample)):
        return None
    return codes[0] if len(codes) == 1 else _by_stopwords(sample, detector, codes)


def _by_stopwords(
    sample: str, detector: _Detector, candidates: tuple[str, ...] | None
) -> str | None:
    if detector.word is None:
        return None
    counts: Counter[str] = Counter()
    for word in detector.word.findall(sample.lower()):
        for language in detector.stopwords.get(word, ()):
            if candidates is None or language in candidates:
                counts[language] += 1
    if not counts:
        return None
    (best, hits), *rest = counts.most_common(2) + [("", 0)]
    if hits < MIN_HITS or hits == rest[0][1]:
        return None
    return best


@functools.cache
def _detector(languages: LanguageSet) -> _Detector:
    scripts: dict[str, list[str]] = {}
    word_patterns: dict[str, str] = {}
    stopwords: dict[str, list[str]] = {}
    for language in languages:
        if language.script.name != "Latin":
            scripts.setdefault(language.script.letters, []).append(language.code)
        if language.stopwords and language.script.words:
            word_patterns[language.script.name] = language.script.words
        for word in sorted(language.stopwords):
            stopwords.setdefault(word, []).append(language.code)
    word = "|".join(word_patterns.values())
    return _Detector(
        latin_letter=re.compile(f"[{LATIN_LETTERS}]"),
        scripts=tuple(
            (re.compile(f"[{letters}]"), tuple(codes)) for letters, codes in scripts.items()
        ),
        word=re.compile(word) if word else None,
        stopwords={word: tuple(codes) for word, codes in stopwords.items()},
    )
