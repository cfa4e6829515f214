"""lexicon.v1: weighted terms per objective and principle, in the framework's term languages.

All terms of all languages are matched at once (paragraphs mix languages), word by word on
normalised text (casefolded, Arabic letters folded, an Arabic clitic such as و or ب allowed before
a term's first word). A term's word ending in * matches any word beginning with it, for languages
that inflect (Russian "денежн* перевод*" matches "денежных переводов"). Chinese writes no spaces
between words: a term in Han characters matches wherever its characters stand in a row.
A label's score is 1 - exp(-sum of the weights of its distinct matched terms).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from gcm_review.frameworks import Framework
from gcm_review.frameworks.labels import objective_label, principle_label
from gcm_review.languages import has_arabic_script, known_languages, normalise_for_matching
from gcm_review.languages.clitics import proclitics
from gcm_review.languages.script import HAN_CHARACTERS
from gcm_review.model import Evidence

NAME = "lexicon.v1"
_ARABIC = known_languages().require("ar")
# One attached word (و ب ...) and the article, alone or together (the Arabic language file).
_ARABIC_CLITICS = proclitics(_ARABIC, max_words=1)
_ARABIC_ARTICLE = _ARABIC.clitics.article
_WORD = re.compile(r"\w+")
_TERM_WORD = re.compile(r"\w+\*?")  # a word of a term; * ends a stem
STEM = "*"
_HAN = re.compile(f"[{HAN_CHARACTERS}]")


@dataclass(frozen=True)
class Lexicon:
    """Terms indexed by their first word, and what each term means."""

    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]]  # word -> [(words, term)]
    meaning: dict[str, list[tuple[str, float]]]  # normalised term -> [(label, weight)]
    unspaced: tuple[str, ...] = ()  # terms in Han characters, matched inside the text
    # Terms whose first word is a stem, by the stem (without its *), and the stems' lengths.
    by_first_stem: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    stem_lengths: tuple[int, ...] = ()


_COMPILED: dict[tuple[str, str], Lexicon] = {}


def compile_lexicon(framework: Framework) -> Lexicon:
    """The lexicon of a framework (compiled once per framework name and version)."""
    key = (framework.name, framework.version)
    if key not in _COMPILED:
        _COMPILED[key] = _compile(framework)
    return _COMPILED[key]


def _compile(framework: Framework) -> Lexicon:
    meaning: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for objective in framework.objectives:
        for term in objective.terms:
            meaning[_key(term.text)].append((objective_label(objective.number), term.weight))
    for principle in framework.principles:
        for term in principle.terms:
            meaning[_key(term.text)].append((principle_label(principle.key), term.weight))
    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    by_first_stem: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    unspaced = []
    for key in meaning:
        words = tuple(key.split())
        if _HAN.search(key):
            unspaced.append(key)
        elif words and words[0].endswith(STEM):
            by_first_stem[words[0][: -len(STEM)]].append((words, key))
        elif words:
            by_first_word[words[0]].append((words, key))
    lengths = tuple(sorted({len(stem) for stem in by_first_stem}))
    return Lexicon(
        dict(by_first_word), dict(meaning), tuple(unspaced), dict(by_first_stem), lengths
    )


def _key(text: str) -> str:
    """A term as space-separated normalised words (a stem keeps its *)."""
    return " ".join(_TERM_WORD.findall(normalise_for_matching(text)))


def _text_words(text: str) -> list[str]:
    return _WORD.findall(normalise_for_matching(text))


def _word_forms(word: str) -> list[str]:
    """The word, and for Arabic the word without a leading clitic (with and without ال)."""
    forms = [word]
    if has_arabic_script(word):
        for clitic in _ARABIC_CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 2:
                rest = word[len(clitic) :]
                forms += [rest, _ARABIC_ARTICLE + rest]
    return forms


def _starting_with(word: str, lexicon: Lexicon) -> Iterator[tuple[tuple[str, ...], str]]:
    """The terms whose first word is this word, or a stem it begins with."""
    yield from lexicon.by_first_word.get(word, ())
    for length in lexicon.stem_lengths:
        if length > len(word):
            break
        yield from lexicon.by_first_stem.get(word[:length], ())


def _words_match(term_words: tuple[str, ...], words: list[str]) -> bool:
    """Whether the text's words are the term's, a stem matching any word it begins."""
    if len(words) != len(term_words):
        return False
    return all(
        word.startswith(term[: -len(STEM)]) if term.endswith(STEM) else word == term
        for term, word in zip(term_words, words, strict=True)
    )


def lexicon_scores(text: str, lexicon: Lexicon) -> dict[str, Evidence]:
    """Label -> evidence (score and matched terms) for one paragraph."""
    words = _text_words(text)
    key = " ".join(words)
    hits: dict[str, dict[str, float]] = defaultdict(dict)
    if lexicon.unspaced and _HAN.search(key):
        for term in lexicon.unspaced:
            if term in key:
                for label, weight in lexicon.meaning[term]:
                    hits[label][term] = weight
    for position, word in enumerate(words):
        for form in _word_forms(word):
            for term_words, term in _starting_with(form, lexicon):
                if _words_match(term_words[1:], words[position + 1 : position + len(term_words)]):
                    for label, weight in lexicon.meaning[term]:
                        hits[label][term] = weight
    return {
        label: Evidence(NAME, 1.0 - math.exp(-sum(terms.values())), tuple(sorted(terms)))
        for label, terms in hits.items()
    }
