"""Language knowledge in one place: scripts and direction, normalisation and folding, language
detection, sentence splitting, attached words (clitics), search forms and light stems, and one
data file per language (languages/data/).

A base layer: it imports nothing from gcm_review but `gcm_review.errors`.
"""

from __future__ import annotations

from gcm_review.languages.clitics import lam_article, proclitic_pattern, proclitics
from gcm_review.languages.detect import detect_language, document_language, majority_language
from gcm_review.languages.fold import (
    fold_arabic,
    fold_arabic_letters,
    fold_han,
    normalise_for_matching,
    search_fold,
)
from gcm_review.languages.normalise import ascii_digits, clean_text, word_count
from gcm_review.languages.numbers import number_key, number_words
from gcm_review.languages.registry import (
    Clitics,
    Language,
    LanguageSet,
    known_languages,
    load_languages,
)
from gcm_review.languages.script import (
    has_arabic_script,
    is_arabic_char,
    is_mostly_arabic,
    text_direction,
)
from gcm_review.languages.sentences import split_sentences
from gcm_review.languages.stem import light_stem, search_forms, stem

__all__ = [
    "Clitics",
    "Language",
    "LanguageSet",
    "ascii_digits",
    "clean_text",
    "detect_language",
    "document_language",
    "fold_arabic",
    "fold_arabic_letters",
    "fold_han",
    "has_arabic_script",
    "is_arabic_char",
    "is_mostly_arabic",
    "known_languages",
    "lam_article",
    "light_stem",
    "load_languages",
    "majority_language",
    "normalise_for_matching",
    "number_key",
    "number_words",
    "proclitic_pattern",
    "proclitics",
    "search_fold",
    "search_forms",
    "split_sentences",
    "stem",
    "text_direction",
    "word_count",
]
